//! `soak`: a wall left on for an hour (or `--minutes N`), as in a meeting room. A real collector
//! (`rasid-agent serve`, its store in a temporary folder) holds the demo data and receives a
//! signed change every few seconds from the demo's centers; `rasid-kiosk --hub` follows it under
//! an X server. Every minute the wall process's PSS and RSS (/proc/PID/smaps_rollup), its CPU
//! over that minute and the size of its cache folder on disk are printed as a table row, and at
//! the end a verdict: did it grow over the last half, or only in the first?
//!
//! Not a speed figure: the machine may be shared, the load average is printed beside each row.

use crate::fleet::{self, Agent};
use crate::kiosk::{X, hub_wall_args, wait_for_first_chart};
use crate::measure::{self, Running, Stats, TempDir, load_average, num};
use anyhow::{Context, Result, bail};
use rasid_collector::demo::{demo_key, demo_registry};
use rasid_shared::demo::{self, DemoData};
use rasid_shared::model::{CenterCode, ExecutionStatus, Record, RecordEnvelope};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// What the soak is told.
pub struct SoakArgs {
    pub display: String,
    pub minutes: u64,
    /// Between two changes pushed to the collector.
    pub change_every: Duration,
    /// The wall's boards.toml (`--config`); the default rotation without it.
    pub wall_config: Option<PathBuf>,
}

/// One minute's reading of the wall.
#[derive(Debug, Clone, Copy)]
struct Sample {
    pss_mib: f64,
    rss_mib: f64,
    cpu_pct: f64,
    cache_bytes: u64,
    cache_files: u64,
}

pub fn run(args: &SoakArgs) -> Result<()> {
    let x = X::open(&args.display)?;
    x.ensure_no_wall(&args.display)?;
    let dir = TempDir::new("soak")?;
    let data = demo::generate();
    let (collector, url) = start_collector(dir.path(), &data)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()?;
    let mut pusher = Pusher::new(&url)?;
    rt.block_on(preload(&mut pusher, &data))?;
    let counts = Arc::new(FeedCounts::default());
    rt.spawn(feed(pusher, data, args.change_every, counts.clone()));

    let kiosk = measure::sibling_program("rasid-kiosk", "RASID_KIOSK_BIN")?;
    let mut wall_args = hub_wall_args(&url, dir.path())?;
    wall_args.extend(["--size".to_string(), "1920x1080".to_string()]);
    if let Some(config) = &args.wall_config {
        let config =
            std::path::absolute(config).with_context(|| format!("finding {}", config.display()))?;
        wall_args.extend([
            "--config".to_string(),
            config.to_string_lossy().into_owned(),
        ]);
    }
    let log = dir.path().join("wall.log");
    let started = Instant::now();
    let child = Command::new(&kiosk)
        .args(&wall_args)
        .env("DISPLAY", &args.display)
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log)?)
        .spawn()
        .with_context(|| format!("starting {}", kiosk.display()))?;
    let mut wall = Running(child);
    let (_, first_chart) = wait_for_first_chart(&x, &mut wall.0, started)
        .with_context(|| format!("the wall's log: {}", tail(&log)))?;
    let (w, h) = x.screen_size();
    println!(
        "wall `rasid-kiosk --hub --size 1920x1080` on display {} ({w}×{h}) following `rasid-agent serve` on {url}, a change every {} s; first chart after {:.2} s\n",
        args.display,
        args.change_every.as_secs_f64(),
        first_chart.as_secs_f64()
    );
    let samples = sample_minutes(&mut wall.0, &collector, dir.path(), args.minutes, &counts)
        .with_context(|| format!("the wall's log: {}", tail(&log)))?;
    println!();
    println!(
        "{}",
        verdict("PSS", "MiB", &col(&samples, |s| s.pss_mib), 2.0)
    );
    println!(
        "{}",
        verdict("RSS", "MiB", &col(&samples, |s| s.rss_mib), 2.0)
    );
    let cache_mib = col(&samples, |s| s.cache_bytes as f64 / 1_048_576.0);
    println!("{}", verdict("cache on disk", "MiB", &cache_mib, 1.0));
    let after_start = col(&samples, |s| s.cpu_pct);
    if let Some(rest) = after_start.get(1..).filter(|r| !r.is_empty()) {
        println!(
            "CPU from minute 2 to {}: {} % of a core on average (each minute's: {} / median {} / {})",
            samples.len(),
            num(rest.iter().sum::<f64>() / rest.len() as f64, 2),
            num(Stats::of(rest).min, 2),
            num(Stats::of(rest).median, 2),
            num(Stats::of(rest).max, 2),
        );
    }
    println!(
        "changes pushed: {}, refused or failed: {}",
        counts.pushed.load(Ordering::Relaxed),
        counts.failed.load(Ordering::Relaxed)
    );
    drop(wall);
    drop(collector);
    drop(rt);
    Ok(())
}

fn col(samples: &[Sample], f: fn(&Sample) -> f64) -> Vec<f64> {
    samples.iter().map(f).collect()
}

/// Reads the wall every minute for `minutes`, printing a row each; fails when the wall or the
/// collector stops.
fn sample_minutes(
    wall: &mut Child,
    collector: &Running,
    dir: &Path,
    minutes: u64,
    counts: &FeedCounts,
) -> Result<Vec<Sample>> {
    println!(
        "| minute | PSS, MiB | RSS, MiB | CPU over the minute, % of a core | cache on disk, bytes | cache files | changes pushed | load avg (1/5/15 min) |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let pid = wall.id();
    let cpu = || measure::cpu_time(pid).context("reading the wall's CPU time");
    let start = Instant::now();
    let (mut cpu0, mut t0) = (cpu()?, Instant::now());
    let mut samples = Vec::new();
    for minute in 1..=minutes {
        let at = start + Duration::from_secs(60 * minute);
        while Instant::now() < at {
            if let Some(status) = wall.try_wait()? {
                bail!("the wall stopped at minute {minute} ({status})");
            }
            if !is_alive(collector.0.id()) {
                bail!("the collector stopped at minute {minute}");
            }
            std::thread::sleep(Duration::from_millis(500).min(at - Instant::now()));
        }
        let (cpu1, t1) = (cpu()?, Instant::now());
        let (cache_bytes, cache_files) = folder_size(&dir.join("cache"));
        let s = Sample {
            pss_mib: measure::pss_kib(pid).context("reading the wall's PSS")? as f64 / 1024.0,
            rss_mib: measure::rss_kib(pid).context("reading the wall's RSS")? as f64 / 1024.0,
            cpu_pct: 100.0 * cpu1.saturating_sub(cpu0).as_secs_f64() / (t1 - t0).as_secs_f64(),
            cache_bytes,
            cache_files,
        };
        (cpu0, t0) = (cpu1, t1);
        println!(
            "| {minute} | {} | {} | {} | {} | {} | {} | {} |",
            num(s.pss_mib, 1),
            num(s.rss_mib, 1),
            num(s.cpu_pct, 2),
            num(s.cache_bytes as f64, 0),
            s.cache_files,
            counts.pushed.load(Ordering::Relaxed),
            load_average()
        );
        samples.push(s);
    }
    Ok(samples)
}

/// Whether process `pid` (our child, not yet reaped) still runs.
fn is_alive(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| Some(s.get(s.rfind(')')? + 2..)?.starts_with(['Z', 'X'])))
        .is_some_and(|dead| !dead)
}

/// The bytes and the number of the files under `dir` (0, 0 when it does not exist).
fn folder_size(dir: &Path) -> (u64, u64) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (0, 0);
    };
    let (mut bytes, mut files) = (0, 0);
    for e in entries.flatten() {
        match e.metadata() {
            Ok(m) if m.is_dir() => {
                let (b, f) = folder_size(&e.path());
                bytes += b;
                files += f;
            }
            Ok(m) => {
                bytes += m.len();
                files += 1;
            }
            Err(_) => {}
        }
    }
    (bytes, files)
}

/// Whether `values` (one a minute) still grow: the highest of the last half against the
/// highest of the first half, so that a warm-up (growth early, then flat) and a sawtooth (a
/// cache that fills and is compacted) are not taken for growth. "flat" when the last half's
/// peak is within `tolerance` (same unit) of the first half's.
fn verdict(what: &str, unit: &str, values: &[f64], tolerance: f64) -> String {
    let Some(first) = values.first() else {
        return format!("{what}: no samples");
    };
    let half = values.len().div_ceil(2);
    let peak = |v: &[f64]| v.iter().copied().fold(f64::NAN, f64::max);
    let (early, late) = (peak(&values[..half]), peak(&values[half..]));
    let t = num(tolerance, 1);
    let word = if !late.is_finite() {
        "too short to tell".to_string()
    } else if late - early <= tolerance {
        format!("flat: the last half stays within {t} {unit} of the first half's peak")
    } else {
        format!(
            "still grows: the last half goes {} {unit} above the first half's peak",
            num(late - early, 1)
        )
    };
    format!(
        "{what}: minute 1 {} {unit}, peak of minutes 1–{half} {} {unit}, peak of minutes {}–{} {} {unit}; {word}",
        num(*first, 1),
        num(early, 1),
        half + 1,
        values.len(),
        num(late, 1),
    )
}

/// The last lines of the wall's log, for an error.
fn tail(log: &Path) -> String {
    let text = std::fs::read_to_string(log).unwrap_or_default();
    let lines: Vec<&str> = text.lines().collect();
    lines[lines.len().saturating_sub(10)..].join("\n")
}

/// Starts `rasid-agent serve` on a free loopback port with its store under `dir` and the demo's
/// registry (centers and wall); returns it once it answers /healthz, and its URL.
fn start_collector(dir: &Path, data: &DemoData) -> Result<(Running, String)> {
    let agent = measure::sibling_program("rasid-agent", "RASID_AGENT_BIN")?;
    let centers = dir.join("centers.toml");
    let registry = toml::to_string(&demo_registry(data)).context("writing the demo registry")?;
    std::fs::write(&centers, registry).with_context(|| format!("writing {}", centers.display()))?;
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let child = Command::new(&agent)
        .arg("--data")
        .arg(dir.join("collector"))
        .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
        .arg("--centers")
        .arg(&centers)
        .args(["--today", &demo::demo_today().to_string()])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(dir.join("collector.log"))?)
        .spawn()
        .with_context(|| format!("starting {}", agent.display()))?;
    let mut collector = Running(child);
    let http = reqwest::blocking::Client::new();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let up = http
            .get(format!("{url}/healthz"))
            .timeout(Duration::from_secs(2))
            .send()
            .is_ok_and(|r| r.status().is_success());
        if up {
            return Ok((collector, url));
        }
        if Instant::now() > deadline || collector.0.try_wait()?.is_some() {
            bail!(
                "the collector did not answer /healthz within 30 s; its log: {}",
                tail(&dir.join("collector.log"))
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Signed pushes of the demo's centers, each center's batches numbered on from its last.
struct Pusher {
    http: reqwest::Client,
    url: String,
    seq: BTreeMap<CenterCode, u64>,
}

impl Pusher {
    fn new(url: &str) -> Result<Pusher> {
        Ok(Pusher {
            http: fleet::client()?,
            url: url.to_string(),
            seq: BTreeMap::new(),
        })
    }

    /// Pushes `records` as `center`'s next batch; fails unless all are accepted.
    async fn push(&mut self, center: &CenterCode, records: Vec<RecordEnvelope>) -> Result<()> {
        let n = self.seq.entry(center.clone()).or_insert(0);
        *n += 1;
        let agent = Agent {
            center: center.clone(),
            key: demo_key(center),
        };
        let (body, signature) = fleet::signed_batch(&agent, *n, records)?;
        let ack = fleet::post(&self.http, &self.url, center, body, &signature).await?;
        match ack.rejected.first() {
            Some(r) => bail!("the collector rejected a record of {center}: {}", r.reason),
            None => Ok(()),
        }
    }
}

/// The demo dataset pushed as its centers' agents would push it.
async fn preload(pusher: &mut Pusher, data: &DemoData) -> Result<()> {
    for (center, _, records) in fleet::demo_batches(&data.records) {
        pusher
            .push(&center, records)
            .await
            .context("loading the demo data into the collector")?;
    }
    Ok(())
}

#[derive(Default)]
struct FeedCounts {
    pushed: AtomicU64,
    failed: AtomicU64,
}

/// Every `every`, one of the demo's decisions under way reports new progress (10 points more,
/// back to 10 after 90, so the feed never runs out), pushed as its center's signed batch.
async fn feed(mut pusher: Pusher, data: DemoData, every: Duration, counts: Arc<FeedCounts>) {
    let mut statuses: Vec<RecordEnvelope> = data
        .records
        .into_iter()
        .filter(|e| matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress))
        .collect();
    let mut i = 0usize;
    while !statuses.is_empty() {
        tokio::time::sleep(every).await;
        i = (i * 7 + 13) % statuses.len();
        let env = &mut statuses[i];
        if let Record::DecisionStatus(s) = &mut env.record {
            s.progress = if s.progress >= 90 {
                10
            } else {
                s.progress + 10
            };
        }
        env.revision += 1;
        let (center, record) = (env.center.clone(), env.clone());
        match pusher.push(&center, vec![record]).await {
            Ok(()) => counts.pushed.fetch_add(1, Ordering::Relaxed),
            Err(_) => counts.failed.fetch_add(1, Ordering::Relaxed),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdict_tells_growth_that_stops_from_growth_that_goes_on() {
        let warm_up = verdict(
            "RSS",
            "MiB",
            &[150.0, 172.0, 172.5, 172.5, 172.6, 172.6],
            2.0,
        );
        assert!(
            warm_up.contains("peak of minutes 1–3 172.5 MiB"),
            "{warm_up}"
        );
        assert!(warm_up.contains("flat"), "{warm_up}");
        let sawtooth = verdict("cache", "MiB", &[4.0, 7.0, 5.0, 6.5, 4.5, 7.0], 1.0);
        assert!(sawtooth.contains("flat"), "{sawtooth}");
        let goes_on = verdict("RSS", "MiB", &[100.0, 110.0, 120.0, 130.0, 140.0], 2.0);
        assert!(
            goes_on.contains("still grows: the last half goes 20.0 MiB above"),
            "{goes_on}"
        );
        assert!(verdict("RSS", "MiB", &[100.0], 2.0).contains("too short to tell"));
        assert_eq!(verdict("RSS", "MiB", &[], 2.0), "RSS: no samples");
    }

    #[test]
    fn folder_size_counts_files_in_subfolders() {
        let dir = TempDir::new("soak-test").unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("x"), [0u8; 10]).unwrap();
        std::fs::write(dir.path().join("a/b/y"), [0u8; 5]).unwrap();
        assert_eq!(folder_size(dir.path()), (15, 2));
        assert_eq!(folder_size(&dir.path().join("missing")), (0, 0));
    }
}
