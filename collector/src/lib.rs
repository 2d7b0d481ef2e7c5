//! The collector (`rasid-agent serve`): verifies, dedupes, stores and aggregates pushed batches,
//! and serves boards and a live change stream to kiosks. Not the center side (`rasid-agent`);
//! it pushes upstream, when it relays, with the agents' client (`rasid-upstream`).
//!
//! - [`start`] runs one on a socket and returns a [`CollectorHandle`]; tests, the kiosk's demo
//!   and the e2e suite use it. [`Collector`] is the core without HTTP (ingest, boards).
//! - [`http`]: the `/v1/…` API (docs/API.md), its OpenAPI document made in `openapi.rs`
//!   (docs/openapi.json); [`directory`]: keys and reporting chains;
//!   [`ingest`]: the per-record checks; [`reload`]: `centers.toml` reload; [`relay`]: upstream;
//!   [`tls`]: HTTPS; [`metrics`]: `/metrics`; [`registry`]: `centers.toml`, the centers and
//!   their keys; [`demo`]: the demo's registry and keys.

pub mod demo;
pub mod directory;
pub mod http;
pub mod ingest;
pub mod metrics;
mod openapi;
pub mod registry;
pub mod relay;
pub mod reload;
mod serve;
mod state;
pub mod tls;

pub use http::{ApiError, HEADER_KIOSK, RouterOptions, openapi_document, openapi_text, router};
pub use relay::RelayOptions;
pub use state::{BoardsChanged, Collector, IngestError, boards_fed_by};

use crate::registry::{CentersFile, Registry};
use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use rasid_shared::store::Store;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// Where the registry of centers comes from.
#[derive(Debug, Clone)]
pub enum RegistrySource {
    /// `centers.toml`, reloaded on SIGHUP and when it changes.
    File(PathBuf),
    /// A registry built in the program (demo, tests); never reloaded.
    Fixed(Registry),
}

impl From<Registry> for RegistrySource {
    fn from(r: Registry) -> Self {
        RegistrySource::Fixed(r)
    }
}

impl From<PathBuf> for RegistrySource {
    fn from(p: PathBuf) -> Self {
        RegistrySource::File(p)
    }
}

/// A checked [`Registry`] from the in-memory form of `centers.toml` (e.g. `demo_registry`).
pub fn registry_from(file: &CentersFile) -> Result<Registry> {
    let text = toml::to_string(file).context("encoding the registry")?;
    Registry::parse(&text)
}

/// PEM files for HTTPS.
#[derive(Debug, Clone)]
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// How to run a collector.
#[derive(Debug, Clone)]
pub struct CollectorOptions {
    /// The data directory; the store lives in `DIR/collector`. `None`: in memory only (demo).
    pub data_dir: Option<PathBuf>,
    pub registry: RegistrySource,
    /// Where to listen; port 0 picks a free port (see [`CollectorHandle::addr`]).
    pub listen: SocketAddr,
    /// A fixed date for the boards' clock (demo, tests); `None`: the local date.
    pub today: Option<NaiveDate>,
    /// The boards.toml served at `/v1/screens/{name}/config`.
    pub boards_file: Option<PathBuf>,
    pub tls: Option<TlsFiles>,
    pub relay: Option<RelayOptions>,
    /// How often `centers.toml` is checked for changes.
    pub reload_every: Duration,
    /// Longest time to answer a request (live streams excepted).
    pub request_timeout: Duration,
    /// Interval of keep-alive comments on `/v1/stream`.
    pub keep_alive: Duration,
    /// Serve boards, the stream and screen configurations unsigned, to anyone
    /// (`--public-boards`); otherwise only to walls registered in `centers.toml`.
    pub public_boards: bool,
}

impl CollectorOptions {
    /// Plain HTTP on 127.0.0.1 with a free port, no boards file, no relay, the local clock,
    /// reads signed by registered walls.
    pub fn new(data_dir: Option<PathBuf>, registry: impl Into<RegistrySource>) -> CollectorOptions {
        CollectorOptions {
            data_dir,
            registry: registry.into(),
            listen: SocketAddr::from(([127, 0, 0, 1], 0)),
            today: None,
            boards_file: None,
            tls: None,
            relay: None,
            reload_every: Duration::from_secs(2),
            request_timeout: Duration::from_secs(30),
            keep_alive: Duration::from_secs(15),
            public_boards: false,
        }
    }
}

/// The store directory of a collector under data directory `data`.
pub fn store_dir(data: &Path) -> PathBuf {
    data.join("collector")
}

/// A running collector. Dropping it stops it without waiting; prefer [`CollectorHandle::shutdown`].
pub struct CollectorHandle {
    addr: SocketAddr,
    tls: bool,
    collector: Arc<Collector>,
    closing: watch::Sender<bool>,
    server: Option<JoinHandle<()>>,
    tasks: Vec<JoinHandle<()>>,
}

impl CollectorHandle {
    /// The bound address (the real port when 0 was asked).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://ADDR` or `https://ADDR`.
    pub fn url(&self) -> String {
        format!(
            "{}://{}",
            if self.tls { "https" } else { "http" },
            self.addr
        )
    }

    /// The core: ingest batches directly (the kiosk demo preloads this way), read boards.
    pub fn collector(&self) -> &Arc<Collector> {
        &self.collector
    }

    /// True when the server still accepts connections and the core answers within `within`:
    /// the store reads and the boards' data can be locked. What the systemd watchdog pings on.
    pub async fn alive(&self, within: Duration) -> bool {
        if self.server.as_ref().is_none_or(|s| s.is_finished()) {
            return false;
        }
        let c = self.collector.clone();
        let check = tokio::task::spawn_blocking(move || {
            let _ = c.record_count();
            c.store_readable()
        });
        matches!(tokio::time::timeout(within, check).await, Ok(Ok(true)))
    }

    /// Stops accepting, ends live streams, lets requests in flight finish (at most 10 s), saves
    /// what was heard from whom and flushes the store.
    pub async fn shutdown(mut self) -> Result<()> {
        let _ = self.closing.send(true);
        if let Some(server) = self.server.take() {
            let abort = server.abort_handle();
            if tokio::time::timeout(Duration::from_secs(10), server)
                .await
                .is_err()
            {
                tracing::warn!("requests still running after 10 s; stopping anyway");
                abort.abort();
            }
        }
        for t in self.tasks.drain(..) {
            let abort = t.abort_handle();
            if tokio::time::timeout(Duration::from_secs(5), t)
                .await
                .is_err()
            {
                abort.abort();
            }
        }
        self.collector
            .save_activity()
            .context("saving the collector's state")?;
        Ok(())
    }
}

impl Drop for CollectorHandle {
    fn drop(&mut self) {
        let _ = self.closing.send(true);
    }
}

/// Opens the store, loads the registry, binds and serves. Returns once the socket is bound.
pub async fn start(opts: CollectorOptions) -> Result<CollectorHandle> {
    let store = match &opts.data_dir {
        Some(d) => Store::open(&store_dir(d))?,
        None => Store::temporary()?,
    };
    let (registry, loaded) = match &opts.registry {
        RegistrySource::File(p) => {
            let (r, text) = reload::load_registry(p)?;
            (r, Some((p.clone(), text)))
        }
        RegistrySource::Fixed(r) => (r.clone(), None),
    };
    if let Some(relay) = &opts.relay
        && !registry.centers.contains_key(&relay.center)
    {
        tracing::warn!(
            "--relay-center {} is not in this collector's registry; relaying anyway",
            relay.center
        );
    }
    let collector = Arc::new(
        tokio::task::spawn_blocking({
            let today = opts.today;
            let relay = opts.relay.is_some();
            move || Collector::open(store, registry, today, relay)
        })
        .await
        .context("opening the collector")??,
    );
    let (closing, closing_rx) = watch::channel(false);
    let app = router(
        collector.clone(),
        RouterOptions {
            boards_file: opts.boards_file.clone(),
            request_timeout: opts.request_timeout,
            keep_alive: opts.keep_alive,
            closing: closing_rx.clone(),
            public_boards: opts.public_boards,
        },
    );
    warn_if_public(opts.public_boards);
    let tcp = tokio::net::TcpListener::bind(opts.listen)
        .await
        .with_context(|| format!("listening on {}", opts.listen))?;
    let addr = tcp.local_addr()?;
    let shutdown_signal = {
        let mut rx = closing_rx.clone();
        async move {
            while !*rx.borrow_and_update() {
                if rx.changed().await.is_err() {
                    return;
                }
            }
        }
    };
    let refused = {
        let c = collector.clone();
        move |word: &'static str| c.metrics.refusal(word)
    };
    let server = match &opts.tls {
        Some(files) => {
            let config = tls::load_tls(&files.cert, &files.key)?;
            let listener = tls::TlsListener::new(tcp, config)?;
            tokio::spawn(async move {
                serve::serve(listener, app, refused, shutdown_signal).await;
            })
        }
        None => tokio::spawn(serve::serve(tcp, app, refused, shutdown_signal)),
    };
    let mut tasks = Vec::new();
    if let Some((path, text)) = loaded {
        tasks.push(tokio::spawn(reload::watch_registry(
            collector.clone(),
            path,
            text,
            opts.reload_every,
            closing_rx.clone(),
        )));
    }
    if let Some(relay) = opts.relay.clone() {
        tasks.push(tokio::spawn(relay::run_relay(
            collector.clone(),
            relay,
            closing_rx.clone(),
        )));
    }
    tracing::info!(
        "collector listening on {addr} ({} records)",
        collector.record_count()
    );
    Ok(CollectorHandle {
        addr,
        tls: opts.tls.is_some(),
        collector,
        closing,
        server: Some(server),
        tasks,
    })
}

/// Says in the log, at start, that the boards are open to anyone (`--public-boards`).
fn warn_if_public(public_boards: bool) {
    if public_boards {
        tracing::warn!(
            "--public-boards: boards, the live stream and screen configurations are served to anyone who can reach this collector, unsigned"
        );
    }
}

/// `rasid-agent serve`: run the collector.
#[derive(clap::Args, Debug, Clone)]
pub struct ServeArgs {
    /// Address and port to listen on.
    #[arg(long, default_value = "127.0.0.1:8440")]
    pub listen: SocketAddr,
    /// The registry of centers and their keys (reloaded on SIGHUP and when it changes).
    #[arg(long)]
    pub centers: PathBuf,
    /// PEM certificate chain for HTTPS (with --tls-key).
    #[arg(long, requires = "tls_key")]
    pub tls_cert: Option<PathBuf>,
    /// PEM private key for HTTPS (with --tls-cert).
    #[arg(long, requires = "tls_cert")]
    pub tls_key: Option<PathBuf>,
    /// boards.toml served to kiosks at /v1/screens/{name}/config.
    #[arg(long)]
    pub boards: Option<PathBuf>,
    /// Relay accepted records to this upstream collector (with --upstream-key and --relay-center).
    #[arg(long, requires_all = ["upstream_key", "relay_center"])]
    pub upstream: Option<String>,
    /// The secret key file this collector signs relayed batches with.
    #[arg(long, requires = "upstream")]
    pub upstream_key: Option<PathBuf>,
    /// This collector's center code at the upstream.
    #[arg(long, requires = "upstream")]
    pub relay_center: Option<String>,
    /// Fix the boards' clock to this date (YYYY-MM-DD), for demonstrations.
    #[arg(long)]
    pub today: Option<NaiveDate>,
    /// Longest time to answer a request, in seconds (1 to 3600).
    #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    pub request_timeout_secs: u64,
    /// Serve boards, the live stream and screen configurations to anyone, unsigned (a demo on
    /// a trusted network). Without it only walls registered in centers.toml ([[wall]]) read.
    #[arg(long)]
    pub public_boards: bool,
}

impl ServeArgs {
    /// The options these arguments mean, with the store under `data`.
    pub fn options(&self, data: &Path) -> Result<CollectorOptions> {
        let mut o = CollectorOptions::new(Some(data.to_path_buf()), self.centers.clone());
        o.listen = self.listen;
        o.today = self.today;
        o.boards_file = self.boards.clone();
        o.public_boards = self.public_boards;
        o.request_timeout = Duration::from_secs(self.request_timeout_secs);
        o.tls = match (&self.tls_cert, &self.tls_key) {
            (Some(cert), Some(key)) => Some(TlsFiles {
                cert: cert.clone(),
                key: key.clone(),
            }),
            (None, None) => None,
            _ => bail!("give both --tls-cert and --tls-key, or neither"),
        };
        o.relay = match (&self.upstream, &self.upstream_key, &self.relay_center) {
            (Some(url), Some(key_file), Some(center)) => {
                let text = std::fs::read_to_string(key_file)
                    .with_context(|| format!("reading {}", key_file.display()))?;
                let key = KeyPair::from_secret_base64(&text)
                    .with_context(|| format!("reading {}", key_file.display()))?;
                let center = CenterCode::new(center).context("--relay-center")?;
                Some(RelayOptions::new(url, center, key))
            }
            (None, None, None) => None,
            _ => bail!("relaying needs --upstream, --upstream-key and --relay-center together"),
        };
        Ok(o)
    }
}

/// Runs `rasid-agent serve` until Ctrl-C or SIGTERM.
pub fn run_serve(args: ServeArgs, data: &Path) -> Result<ExitCode> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    let opts = args.options(data)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the runtime")?;
    runtime.block_on(async move {
        let handle = Arc::new(start(opts).await?);
        eprintln!("rasid collector listening on {}", handle.url());
        let notifier = rasid_systemd::Notifier::from_env();
        notifier.ready();
        let watchdog = tokio::spawn(ping_while_alive(
            handle.clone(),
            rasid_systemd::Watchdog::new(rasid_systemd::Notifier::from_env()),
        ));
        stop_requested().await;
        tracing::info!("stopping");
        notifier.stopping();
        watchdog.abort();
        let _ = watchdog.await;
        let handle = Arc::into_inner(handle).context("the collector is still in use")?;
        handle.shutdown().await?;
        Ok(ExitCode::SUCCESS)
    })
}

/// Sends systemd `WATCHDOG=1` at the pace of `WatchdogSec=` for as long as the collector
/// answers ([`CollectorHandle::alive`]); a collector that stops answering stops the pings, and
/// systemd restarts it. Nothing to do without a watchdog.
async fn ping_while_alive(handle: Arc<CollectorHandle>, mut watchdog: rasid_systemd::Watchdog) {
    let Some(every) = watchdog.interval() else {
        return;
    };
    // Checked four times per ping interval so one slow check does not miss the deadline.
    let check_every = (every / 4).max(Duration::from_millis(50));
    let mut warned = false;
    loop {
        if handle.alive(check_every).await {
            watchdog.alive();
            warned = false;
        } else if !warned {
            tracing::warn!(
                "the collector does not answer; systemd's watchdog is not told it is alive"
            );
            warned = true;
        }
        tokio::time::sleep(check_every).await;
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn stop_requested() {
    #[cfg(unix)]
    {
        if let Ok(mut term) =
            tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}
