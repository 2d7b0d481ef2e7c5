//! `start`: a collector's start at national scale. Before any timing, a collector's store on
//! disk is filled with synthetic data (300 centers, `--decisions` with their statuses,
//! `--budget-lines`) through the collector's own path, `Collector::ingest` of each center's
//! batches of 1,000. Each run then starts the real `rasid-agent serve` on that folder and
//! measures the seconds from the spawn until every board `GET /v1/boards` lists has answered 200
//! (fetched one after another, signed as a registered wall), and the process's peak and current
//! resident memory (VmHWM, VmRSS) at that moment. The baseline opens the same store with raw
//! sled and iterates its `records` tree, counting.
//!
//! Each run restarts the same store, as after a clean stop; its files are in the page cache
//! (the build or the run before read them), so this is a warm start, not one after a reboot.
//! The store builder is also what `latency --scale` runs over.

use crate::fleet::{self, Agent};
use crate::measure::{self, Running, Stats, TempDir, num, spread, table_row};
use crate::synthetic::{self, Sizes};
use anyhow::{Context, Result, bail, ensure};
use rasid_collector::demo::{DEMO_WALL, demo_wall_key};
use rasid_collector::registry::{CenterEntry, CentersFile, Registry, WallEntry};
use rasid_collector::{self as collector, Collector};
use rasid_kiosk::identity::WallIdentity;
use rasid_shared::model::{DecisionKind, ExecutionStatus, Record, RecordEnvelope, RecordKind};
use rasid_shared::store::Store;
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Registered centers of the synthetic data, the secretariat included (the largest).
const CENTERS: usize = 300;

/// Records a batch, as an agent sends them by default (`batch_records`).
const BATCH: usize = 1_000;

/// The aim for the collector's peak memory holding 1.2 M records.
const PEAK_AIM_MIB: f64 = 1024.0;

/// How much synthetic data the store holds.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub decisions: usize,
    pub budget_lines: usize,
}

/// A collector's data folder holding synthetic data, with its registry (`centers.toml`, every
/// center's agent key, the demo's wall) and one record of each kind the latency bench changes.
pub struct ScaleStore {
    dir: TempDir,
    pub registry: Registry,
    pub decisions: usize,
    pub statuses: usize,
    pub budget_lines: usize,
    /// An in-progress status of an overdue decision with one responsible center.
    pub status: RecordEnvelope,
    /// A budget line.
    pub budget: RecordEnvelope,
}

impl ScaleStore {
    /// Generates the data and ingests it, each center's records in its batches of 1,000 (the
    /// secretariat's decisions first), into a fresh store; flushed and closed on return.
    pub fn build(scale: Scale) -> Result<ScaleStore> {
        let data = synthetic::generate(Sizes {
            centers: CENTERS,
            decisions: scale.decisions,
            budget_lines: scale.budget_lines,
        });
        let agents: Vec<Agent> = (0..data.centers.len()).map(fleet::agent).collect();
        let file = centers_file(&data.centers, &agents);
        let registry = collector::registry_from(&file)?;
        let dir = TempDir::new("scale")?;
        std::fs::write(
            dir.path().join("centers.toml"),
            toml::to_string(&file).context("writing centers.toml")?,
        )?;
        let store = ScaleStore {
            registry: registry.clone(),
            decisions: scale.decisions,
            statuses: data.status_count(),
            budget_lines: scale.budget_lines,
            status: overdue_status(&data.records)
                .context("the synthetic data has no in-progress status to change")?,
            budget: data
                .records
                .iter()
                .find(|e| e.record.kind() == RecordKind::Budget)
                .cloned()
                .context("the synthetic data has no budget line")?,
            dir,
        };
        std::fs::create_dir_all(store.data())?;
        let core = Collector::open(
            Store::open(&store.store())?,
            registry,
            Some(rasid_shared::demo::demo_today()),
            false,
        )?;
        for (center, seq, records) in fleet::batches_by_center(&data.records, BATCH) {
            let key = &agents[center_index(&center)].key;
            let batch = Batch {
                version: PROTOCOL_VERSION,
                center: center.clone(),
                agent: key.key_id(),
                epoch: String::new(),
                seq,
                created: chrono::Utc::now(),
                records,
            };
            let ack = core.ingest(&center, batch)?;
            if let Some(r) = ack.rejected.first() {
                bail!("a synthetic record of {center} was rejected: {}", r.reason);
            }
        }
        ensure!(
            core.record_count() == data.records.len(),
            "{} records ingested, {} held",
            data.records.len(),
            core.record_count()
        );
        core.save_activity()?;
        core.store().flush()?;
        Ok(store)
    }

    /// The data folder (`rasid-agent --data`); the store is in its `collector` folder.
    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn store(&self) -> PathBuf {
        collector::store_dir(&self.data())
    }

    pub fn centers_file(&self) -> PathBuf {
        self.dir.path().join("centers.toml")
    }

    pub fn records(&self) -> usize {
        self.decisions + self.statuses + self.budget_lines
    }

    /// "N records (… decisions, … statuses, … budget lines, 300 centers)".
    pub fn describe(&self) -> String {
        format!(
            "{} records ({} decisions, {} statuses, {} budget lines, {CENTERS} centers)",
            num(self.records() as f64, 0),
            num(self.decisions as f64, 0),
            num(self.statuses as f64, 0),
            num(self.budget_lines as f64, 0),
        )
    }
}

/// The agent of `center` signs its changes: centers are numbered as `synthetic::center_code`.
pub fn center_agent(center: &rasid_shared::model::CenterCode) -> Agent {
    fleet::agent(center_index(center))
}

fn center_index(center: &rasid_shared::model::CenterCode) -> usize {
    center
        .as_str()
        .strip_prefix('C')
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

/// The wall the benches read boards as (registered in every `ScaleStore`'s registry).
pub fn wall() -> WallIdentity {
    WallIdentity::with_key(DEMO_WALL, demo_wall_key())
}

/// The registry of `centers`, each with its agent's key, and the demo's wall.
fn centers_file(centers: &[rasid_shared::model::Center], agents: &[Agent]) -> CentersFile {
    CentersFile {
        secretariat: synthetic::center_code(0),
        centers: centers
            .iter()
            .zip(agents)
            .map(|(c, a)| CenterEntry {
                code: c.code.clone(),
                name_ar: c.name_ar.clone(),
                name_en: c.name_en.clone(),
                parent: c.parent.clone(),
                keys: vec![a.key.public_base64()],
            })
            .collect(),
        walls: vec![WallEntry {
            name: DEMO_WALL.to_string(),
            keys: vec![demo_wall_key().public_base64()],
            description: None,
        }],
    }
}

/// An in-progress status of a non-routine decision with one responsible center, overdue at
/// the demo's today when there is one: flipping it to executed moves every board it feeds.
fn overdue_status(records: &[RecordEnvelope]) -> Option<RecordEnvelope> {
    let today = rasid_shared::demo::demo_today();
    let mut single = HashSet::new();
    let mut overdue = HashSet::new();
    for e in records {
        if let Record::Decision(d) = &e.record
            && d.kind == DecisionKind::Decision
            && !d.routine
            && d.centers.len() == 1
        {
            single.insert(d.number);
            if d.due.is_some_and(|due| due < today) {
                overdue.insert(d.number);
            }
        }
    }
    let in_progress = |e: &&RecordEnvelope, among: &HashSet<_>| {
        matches!(&e.record, Record::DecisionStatus(s)
            if s.status == ExecutionStatus::InProgress && among.contains(&s.decision))
    };
    records
        .iter()
        .find(|e| in_progress(e, &overdue))
        .or_else(|| records.iter().find(|e| in_progress(e, &single)))
        .cloned()
}

/// What one start measured.
struct Sample {
    /// From the spawn until /healthz answered, s.
    healthy: f64,
    /// From the spawn until the last board answered 200, s.
    served: f64,
    boards: usize,
    peak_mib: f64,
    rss_mib: f64,
    /// Raw sled: open and iterate `records`, s.
    raw: f64,
}

pub fn run(scale: Scale, runs: usize) -> Result<()> {
    let agent = measure::sibling_program("rasid-agent", "RASID_AGENT_BIN")?;
    let store = ScaleStore::build(scale)?;
    let mib_on_disk = measure::store_bytes(&store.store())? as f64 / 1_048_576.0;
    let mut samples = Vec::new();
    for run in 0..runs.max(1) {
        let mut sample = serve_once(&agent, &store, run)?;
        let (raw, counted) = raw_read(&store.store())?;
        ensure!(
            counted == store.records(),
            "raw sled counted {counted} records in the store, {} were ingested",
            store.records()
        );
        sample.raw = raw.as_secs_f64();
        samples.push(sample);
    }
    let stats = |f: fn(&Sample) -> f64| Stats::of(&samples.iter().map(f).collect::<Vec<_>>());
    let n = samples.len();
    let what = format!(
        "`rasid-agent serve` start on a store of {}, {mib_on_disk:.0} MiB on disk",
        store.describe()
    );
    let raw = stats(|s| s.raw);
    let baseline = format!("raw sled, open + iterate `records`: {:.2} s", raw.median);
    let served = stats(|s| s.served);
    let boards = samples.first().map_or(0, |s| s.boards);
    table_row(
        &format!("{what}: from the spawn until each of the {boards} boards listed answered 200, s"),
        n,
        spread(served, 2),
        &baseline,
        &format!("{:.1}× of sled", served.median / raw.median),
    );
    let healthy = stats(|s| s.healthy);
    table_row(
        &format!("{what}: of which until /healthz answered (store read, dataset rebuilt), s"),
        n,
        spread(healthy, 2),
        &baseline,
        &format!("{:.1}× of sled", healthy.median / raw.median),
    );
    table_row(
        &format!("{what}: of which the boards, fetched one after another, s"),
        n,
        spread(stats(|s| s.served - s.healthy), 2),
        "–",
        "–",
    );
    let peak = stats(|s| s.peak_mib);
    table_row(
        &format!("{what}: peak RSS (VmHWM) once every board was served, MiB"),
        n,
        spread(peak, 1),
        &format!("aim (#18): {}", num(PEAK_AIM_MIB, 0)),
        &format!("{:.2}× of aim", peak.median / PEAK_AIM_MIB),
    );
    table_row(
        &format!("{what}: RSS then, MiB"),
        n,
        spread(stats(|s| s.rss_mib), 1),
        "–",
        "–",
    );
    Ok(())
}

/// Starts `rasid-agent serve` on `store`, fetches every board, reads its memory, stops it.
fn serve_once(agent: &Path, store: &ScaleStore, run: usize) -> Result<Sample> {
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let log = store.dir.path().join(format!("serve-{run}.log"));
    let mut cmd = Command::new(agent);
    cmd.arg("--data")
        .arg(store.data())
        .args([
            "serve",
            "--listen",
            &format!("127.0.0.1:{port}"),
            "--centers",
        ])
        .arg(store.centers_file())
        .args(["--today", &rasid_shared::demo::demo_today().to_string()])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log)?);
    let started = Instant::now();
    let mut serve = Running(
        cmd.spawn()
            .with_context(|| format!("starting {}", agent.display()))?,
    );
    let pid = serve.0.id();
    let log_tail = || {
        let text = std::fs::read_to_string(&log).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        lines[lines.len().saturating_sub(10)..].join("\n")
    };
    let http = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(300))
        .build()?;
    let deadline = started + Duration::from_secs(600);
    loop {
        let up = http
            .get(format!("{url}/healthz"))
            .timeout(Duration::from_secs(5))
            .send()
            .is_ok_and(|r| r.status().is_success());
        if up {
            break;
        }
        if Instant::now() > deadline || serve.0.try_wait()?.is_some() {
            bail!(
                "`rasid-agent serve` did not answer /healthz within 600 s; its log: {}",
                log_tail()
            );
        }
        std::thread::sleep(Duration::from_millis(5));
    }
    let healthy = started.elapsed();
    let wall = wall();
    let get = |path: &str| -> Result<Vec<u8>> {
        let u = reqwest::Url::parse(&format!("{url}{path}"))?;
        let mut req = http.get(u.clone());
        for (name, value) in wall.headers(&u) {
            req = req.header(name, value);
        }
        let resp = req.send().with_context(|| format!("GET {path}"))?;
        let status = resp.status();
        let body = resp.bytes()?.to_vec();
        if status != reqwest::StatusCode::OK {
            bail!(
                "GET {path} answered {status}: {}",
                String::from_utf8_lossy(&body)
            );
        }
        Ok(body)
    };
    let list: serde_json::Value = serde_json::from_slice(&get("/v1/boards")?)?;
    let names: Vec<String> = list["boards"]
        .as_array()
        .context("GET /v1/boards gave no list of boards")?
        .iter()
        .filter_map(|b| b["name"].as_str().map(str::to_string))
        .collect();
    ensure!(!names.is_empty(), "GET /v1/boards listed no board");
    for name in &names {
        get(&format!("/v1/boards/{name}"))?;
    }
    let served = started.elapsed();
    let peak = measure::peak_rss_kib(pid).context("reading the collector's VmHWM")?;
    let rss = measure::rss_kib(pid).context("reading the collector's VmRSS")?;
    let status = serve.stop()?;
    ensure!(
        status.success(),
        "`rasid-agent serve` ended with {status}; its log: {}",
        log_tail()
    );
    Ok(Sample {
        healthy: healthy.as_secs_f64(),
        served: served.as_secs_f64(),
        boards: names.len(),
        peak_mib: peak as f64 / 1024.0,
        rss_mib: rss as f64 / 1024.0,
        raw: f64::NAN,
    })
}

/// The baseline: the store under `dir` opened with raw sled (as `fleet::raw_sled_writes`
/// opens one) and its `records` tree iterated, keys and values read; the time and the count.
fn raw_read(dir: &Path) -> Result<(Duration, usize)> {
    let started = Instant::now();
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .open()
        .with_context(|| format!("opening {} with sled", dir.display()))?;
    let tree = db.open_tree("records")?;
    let mut count = 0;
    for kv in tree.iter() {
        kv?;
        count += 1;
    }
    Ok((started.elapsed(), count))
}
