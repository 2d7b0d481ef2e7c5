//! The HTTP server loop: axum's router on hyper, with a header-read timeout.
//!
//! `axum::serve` gives hyper no timer, so a client trickling its request headers (slow loris)
//! would hold a connection forever. Here every connection gets hyper's HTTP/1 header-read
//! timeout; everything else (HTTP/2, upgrades, graceful shutdown) is as axum does it. Requests
//! refused before they reach the router (not HTTP, headers too slow) are counted through
//! `refused`, with the words of docs/API.md.

use axum::Router;
use axum::serve::Listener;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto::Builder;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::time::Duration;

/// Longest a client may take to send a request's headers before its connection is closed.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// The word a connection's end is counted under, when it ended on a request refused before
/// the router: `bad-http` (hyper answered 400, 414 or 431 by itself, with no body) or
/// `header-timeout` (headers not read within [`HEADER_READ_TIMEOUT`]; closed unanswered).
fn refusal_word(e: &(dyn std::error::Error + 'static)) -> Option<&'static str> {
    let e = e.downcast_ref::<hyper::Error>()?;
    if e.is_parse() || e.is_parse_too_large() {
        Some("bad-http")
    } else if e.is_timeout() {
        Some("header-timeout")
    } else {
        None
    }
}

/// Serves `app` on `listener` until `shutdown` completes, then lets requests in flight finish;
/// `refused` counts the requests hyper refuses before the router sees them.
pub async fn serve<L, R>(
    mut listener: L,
    app: Router,
    refused: R,
    shutdown: impl Future<Output = ()>,
) where
    L: Listener,
    L::Io: Send + 'static,
    R: Fn(&'static str) + Clone + Send + 'static,
{
    let graceful = GracefulShutdown::new();
    let mut builder = Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT);
    tokio::pin!(shutdown);
    loop {
        let io = tokio::select! {
            (io, _addr) = listener.accept() => io,
            _ = &mut shutdown => break,
        };
        let service = TowerToHyperService::new(app.clone());
        let conn = builder
            .serve_connection_with_upgrades(TokioIo::new(io), service)
            .into_owned();
        let conn = graceful.watch(conn);
        let refused = refused.clone();
        tokio::spawn(async move {
            // A client that goes away ends its connection; nothing to report. A request hyper
            // refused is counted.
            if let Err(e) = conn.await
                && let Some(word) = refusal_word(&*e)
            {
                refused(word);
            }
        });
    }
    graceful.shutdown().await;
}
