//! Relaying upward: a ministry's collector forwards what it accepted to the secretariat's.
//!
//! Accepted envelopes enter this collector's outbox in the same transaction that stores them
//! ([`rasid_shared::store::Store::commit_batch_relayed`]); from there they leave exactly as an
//! agent's do ([`rasid_upstream`]): cut into numbered batches, signed with `--upstream-key`, resent
//! unchanged until acknowledged.

use super::state::Collector;
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use rasid_shared::store::Store;
use rasid_upstream::{Backoff, PushError, PushReport, Upstream, push_outbox};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// Where and as whom to relay.
#[derive(Debug, Clone)]
pub struct RelayOptions {
    /// The upstream collector's base URL, e.g. `https://secretariat.example:8443`.
    pub url: String,
    /// This collector's center code at the upstream (the records' centers report through it).
    pub center: CenterCode,
    pub key: KeyPair,
    /// Most records per relayed batch.
    pub batch_records: usize,
    pub request_timeout: Duration,
    /// Longest wait between attempts after failures.
    pub max_backoff: Duration,
    /// How often to look at the outbox when nothing wakes the relay.
    pub idle_check: Duration,
}

impl RelayOptions {
    pub fn new(url: &str, center: CenterCode, key: KeyPair) -> RelayOptions {
        RelayOptions {
            url: url.trim_end_matches('/').to_string(),
            center,
            key,
            batch_records: 1000,
            request_timeout: Duration::from_secs(30),
            max_backoff: Duration::from_secs(300),
            idle_check: Duration::from_secs(30),
        }
    }
}

/// Sends the outbox upstream until it is empty or an attempt fails. The seam with the agent's
/// pushing: the same function, over the collector's store.
pub async fn relay_once(
    store: &Store,
    upstream: &Upstream,
    batch_records: usize,
) -> Result<PushReport, PushError> {
    push_outbox(store, upstream, batch_records).await
}

/// Relays until `closing` becomes true: after every accepted batch (woken by the collector), every
/// `idle_check`, and after failures with backoff.
pub async fn run_relay(
    collector: Arc<Collector>,
    opts: RelayOptions,
    mut closing: watch::Receiver<bool>,
) {
    let upstream = match Upstream::new(
        &opts.url,
        opts.center.clone(),
        opts.key.clone(),
        opts.request_timeout,
    ) {
        Ok(u) => u,
        Err(e) => {
            tracing::error!("relay to {} cannot start: {e}", opts.url);
            return;
        }
    };
    let mut backoff = Backoff::new(opts.max_backoff);
    loop {
        let (wait, wakeable) =
            match relay_once(collector.store(), &upstream, opts.batch_records).await {
                Ok(report) => {
                    if report.batches > 0 {
                        tracing::info!(
                            "relayed {} batches to {}: {} accepted, {} duplicates, {} rejected",
                            report.batches,
                            opts.url,
                            report.accepted,
                            report.duplicates,
                            report.rejected
                        );
                    }
                    backoff.reset();
                    (opts.idle_check, true)
                }
                Err(e) if e.is_retryable() => {
                    let wait = backoff.next_delay();
                    tracing::warn!(
                        "relay to {} failed ({e}); retrying in {:.0} s",
                        opts.url,
                        wait.as_secs_f64()
                    );
                    (wait, false)
                }
                Err(e) => {
                    // Refused (4xx) or the store failed: retrying at once will not help.
                    tracing::error!(
                        "relay to {} refused: {e}; the records stay queued",
                        opts.url
                    );
                    (opts.max_backoff, false)
                }
            };
        tokio::select! {
            _ = tokio::time::sleep(wait) => {}
            // After a failure, new records do not cut the backoff short.
            _ = collector.relay_wake().notified(), if wakeable => {}
            r = closing.changed() => {
                if r.is_err() || *closing.borrow() {
                    return;
                }
            }
        }
    }
}
