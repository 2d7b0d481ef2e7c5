//! `rasid-agent serve` as a real process on 127.0.0.1: started on a free port, killed with
//! SIGKILL, restarted on the same port and data, read over its HTTP API.

use crate::binary::agent_binary;
use crate::process::{Proc, limit_open_files};
use crate::wait::poll;
use rasid_shared::store::Store;
use rasid_shared::wire;
use serde_json::Value;
use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// How to run a collector.
#[derive(Debug, Clone)]
pub struct CollectorConfig {
    /// `--today` (the demo's date by default), so boards are comparable with the oracle.
    pub today: Option<String>,
    /// `--request-timeout-secs`.
    pub request_timeout_secs: Option<u64>,
    /// An RLIMIT_NOFILE for the process.
    pub open_files: Option<u64>,
    /// Longest wait for `/healthz` after a start.
    pub start_timeout: Duration,
}

impl Default for CollectorConfig {
    fn default() -> Self {
        CollectorConfig {
            today: Some(rasid_shared::demo::demo_today().to_string()),
            request_timeout_secs: None,
            open_files: None,
            start_timeout: Duration::from_secs(30),
        }
    }
}

/// A collector process and what is needed to restart it as it was.
pub struct CollectorProc {
    data: PathBuf,
    centers: PathBuf,
    logs: PathBuf,
    port: u16,
    config: CollectorConfig,
    proc: Option<Proc>,
    http: reqwest::blocking::Client,
    starts: u32,
}

/// A port that was free a moment ago on 127.0.0.1 (bound to port 0, then released).
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("finding a free port on 127.0.0.1: {e}"))
}

/// A blocking HTTP client that never uses a proxy, with a 10 s timeout.
pub fn http_client() -> reqwest::blocking::Client {
    reqwest::blocking::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| panic!("building an HTTP client: {e}"))
}

impl CollectorProc {
    /// A collector over `data` (its store is `data/collector`) with registry `centers`, not
    /// started yet: its port is chosen now, so agents can be pointed at it first.
    pub fn new(data: &Path, centers: &Path, logs: &Path, config: CollectorConfig) -> CollectorProc {
        CollectorProc {
            data: data.to_path_buf(),
            centers: centers.to_path_buf(),
            logs: logs.to_path_buf(),
            port: free_port(),
            config,
            proc: None,
            http: http_client(),
            starts: 0,
        }
    }

    /// A collector in `ws/collector` with the demo registry of `demo`, started.
    pub fn start_demo(
        ws: &crate::Workspace,
        demo: &crate::DemoFiles,
        config: CollectorConfig,
    ) -> CollectorProc {
        CollectorProc::start(
            &ws.join("collector"),
            &demo.centers_toml(),
            &ws.logs(),
            config,
        )
    }

    /// Starts a collector and waits until `/healthz` answers; a port taken meanwhile by
    /// someone else is replaced by another free one (first start only).
    pub fn start(
        data: &Path,
        centers: &Path,
        logs: &Path,
        config: CollectorConfig,
    ) -> CollectorProc {
        let mut c = CollectorProc::new(data, centers, logs, config);
        for attempt in 0..5 {
            match c.try_start() {
                Ok(()) => return c,
                Err(e) if e.contains("Address already in use") && attempt < 4 => {
                    c.port = free_port()
                }
                Err(e) => panic!("{e}"),
            }
        }
        unreachable!("the loop returns or panics")
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    pub fn addr(&self) -> SocketAddr {
        SocketAddr::from(([127, 0, 0, 1], self.port))
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The store folder of this collector.
    pub fn store_dir(&self) -> PathBuf {
        self.data.join("collector")
    }

    /// How many times it was started.
    pub fn starts(&self) -> u32 {
        self.starts
    }

    pub fn is_running(&mut self) -> bool {
        self.proc.as_mut().is_some_and(Proc::is_running)
    }

    /// Starts it (again) on its port and data; panics when it does not come up.
    pub fn restart(&mut self) {
        // A port still held for a moment after a kill: try a few times.
        let mut last = String::new();
        for _ in 0..10 {
            match self.try_start() {
                Ok(()) => return,
                Err(e) if e.contains("Address already in use") => {
                    last = e;
                    std::thread::sleep(Duration::from_millis(200));
                }
                Err(e) => panic!("{e}"),
            }
        }
        panic!("{last}");
    }

    fn try_start(&mut self) -> Result<(), String> {
        assert!(!self.is_running(), "the collector is already running");
        let mut cmd = Command::new(agent_binary());
        // What it prints is compared in English, whatever this machine's language.
        cmd.env("RASID_LANG", "en");
        cmd.arg("--data")
            .arg(&self.data)
            .arg("serve")
            .arg("--listen")
            .arg(self.addr().to_string())
            .arg("--centers")
            .arg(&self.centers)
            .env("RUST_LOG", "warn");
        if let Some(t) = &self.config.today {
            cmd.args(["--today", t]);
        }
        if let Some(s) = self.config.request_timeout_secs {
            cmd.args(["--request-timeout-secs", &s.to_string()]);
        }
        if let Some(n) = self.config.open_files {
            limit_open_files(&mut cmd, n);
        }
        self.starts += 1;
        let mut p = Proc::spawn(cmd, &format!("collector-start-{}", self.starts), &self.logs);
        let url = format!("{}/healthz", self.url());
        let http = &self.http;
        let up = poll(self.config.start_timeout, Duration::from_millis(25), || {
            if !p.is_running() {
                return Some(false);
            }
            let ok = http
                .get(&url)
                .timeout(Duration::from_secs(2))
                .send()
                .is_ok_and(|r| r.status().is_success());
            ok.then_some(true)
        });
        match up {
            Some(true) => {
                self.proc = Some(p);
                Ok(())
            }
            Some(false) => {
                let f = p.finished();
                Err(f.describe("(the collector) stopped while starting"))
            }
            None => {
                p.kill();
                let f = p.finished();
                Err(f.describe(&format!(
                    "(the collector) did not answer /healthz within {:?}",
                    self.config.start_timeout
                )))
            }
        }
    }

    /// SIGKILL. True when it was running.
    pub fn kill(&mut self) -> bool {
        self.proc.as_mut().is_some_and(Proc::kill)
    }

    /// SIGTERM and wait for the clean stop (10 s at most, then SIGKILL).
    pub fn stop(&mut self) {
        if let Some(p) = self.proc.as_mut() {
            p.terminate(Duration::from_secs(15));
        }
    }

    /// Stops it (SIGKILL) and opens its store, for checks the HTTP API cannot make.
    pub fn kill_and_open_store(&mut self) -> Store {
        self.kill();
        Store::open(&self.store_dir())
            .unwrap_or_else(|e| panic!("opening the collector's store after a kill: {e}"))
    }

    /// The collector's standard error so far (its log).
    pub fn log(&self) -> String {
        self.proc
            .as_ref()
            .map(Proc::stderr_text)
            .unwrap_or_default()
    }

    /// GET `path` (e.g. `/v1/boards`) signed as the demo's wall (registered in the demo
    /// registry, `rasid-agent demo-data`): status and body.
    pub fn get(&self, path: &str) -> (u16, String) {
        let headers = wire::signed_read_headers(
            rasid_collector::demo::DEMO_WALL,
            &rasid_collector::demo::demo_wall_key(),
            "GET",
            path,
            chrono::Utc::now(),
        );
        self.get_with(path, &headers)
    }

    /// GET `path` with exactly the headers given: status and body.
    pub fn get_with(&self, path: &str, headers: &[(&str, String)]) -> (u16, String) {
        let url = format!("{}{path}", self.url());
        let mut req = self.http.get(&url);
        for (name, value) in headers {
            req = req.header(*name, value);
        }
        let r = req.send().unwrap_or_else(|e| panic!("GET {url}: {e}"));
        let status = r.status().as_u16();
        (status, r.text().unwrap_or_default())
    }

    /// GET `path`, which must answer 200 with JSON.
    pub fn get_json(&self, path: &str) -> Value {
        let (status, body) = self.get(path);
        assert_eq!(status, 200, "GET {path} answered {status}: {body}");
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("GET {path}: not JSON ({e}): {body}"))
    }

    /// The value of metric `name` (without labels) in `/metrics`.
    pub fn metric(&self, name: &str) -> Option<f64> {
        let (status, text) = self.get("/metrics");
        assert_eq!(status, 200, "GET /metrics answered {status}");
        metric_value(&text, name)
    }

    /// Records in the collector's store (`rasid_store_records`).
    pub fn record_count(&self) -> u64 {
        self.metric("rasid_store_records")
            .unwrap_or_else(|| panic!("/metrics has no rasid_store_records")) as u64
    }

    /// The boards' version (`GET /v1/boards`).
    pub fn version(&self) -> u64 {
        self.get_json("/v1/boards")["version"]
            .as_u64()
            .unwrap_or_else(|| panic!("GET /v1/boards has no version"))
    }
}

/// The value of the first sample of `name` in a Prometheus text exposition.
pub fn metric_value(text: &str, name: &str) -> Option<f64> {
    text.lines().filter(|l| !l.starts_with('#')).find_map(|l| {
        let (k, v) = l.rsplit_once(' ')?;
        (k == name).then(|| v.trim().parse().ok()).flatten()
    })
}
