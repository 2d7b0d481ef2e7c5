//! `ingest`: a collector on disk (as `serve` runs it) and many agents pushing signed batches
//! over loopback HTTP at once; records per second, against raw sled writes of the same records.
//!
//! Bodies are encoded and signed before the clock starts, so the figure is the collector's
//! (HTTP, signature check, per-record checks, durable commit, in-memory boards) and not the
//! agents'. Both run in this one process on the same cores. To show where the time goes, the
//! same batches are also handed straight to the collector's core (`Collector::ingest`: checks,
//! durable commit, boards; no HTTP, no signatures), one after the other. After the run, the
//! collector's store is measured on disk per record held (every file under it but its
//! `space-reserve`), beside the raw sled baseline's folder.

use crate::fleet::{self, Agent};
use crate::measure::{self, Stats, TempDir, num, spread, table_row};
use anyhow::{Result, bail};
use rasid_collector::Collector;
use rasid_shared::model::RecordEnvelope;
use rasid_shared::store::Store;
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use std::time::Instant;

pub struct IngestArgs {
    pub agents: usize,
    pub records: usize,
    pub batch: usize,
    pub runs: usize,
}

/// Each agent's batches: the records it pushes, cut in batches of `batch`.
fn workload(agents: &[Agent], records: usize, batch: usize) -> Vec<Vec<Vec<RecordEnvelope>>> {
    let per_agent = records.div_ceil(agents.len());
    agents
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let n = per_agent.min(records.saturating_sub(i * per_agent));
            fleet::budget_lines(&a.center, 0, n)
                .chunks(batch.max(1))
                .map(<[RecordEnvelope]>::to_vec)
                .collect()
        })
        .collect()
}

/// The same batches through `Collector::ingest` on a fresh store: records/s.
fn core_only(agents: &[Agent], work: &[Vec<Vec<RecordEnvelope>>], total: usize) -> Result<f64> {
    let dir = TempDir::new("ingest-core")?;
    let store = Store::open(dir.path())?;
    let core = Collector::open(
        store,
        fleet::registry(agents)?,
        Some(rasid_shared::demo::demo_today()),
        false,
    )?;
    let mut batches = Vec::new();
    for (agent, mine) in agents.iter().zip(work) {
        for (i, records) in mine.iter().enumerate() {
            batches.push((
                agent.center.clone(),
                Batch {
                    version: PROTOCOL_VERSION,
                    center: agent.center.clone(),
                    agent: agent.key.key_id(),
                    epoch: String::new(),
                    seq: i as u64 + 1,
                    created: chrono::Utc::now(),
                    records: records.clone(),
                },
            ));
        }
    }
    let started = Instant::now();
    for (center, batch) in batches {
        core.ingest(&center, batch)?;
    }
    let took = started.elapsed();
    if core.record_count() != total {
        bail!("{total} records ingested, {} held", core.record_count());
    }
    Ok(total as f64 / took.as_secs_f64())
}

/// What one run measured.
struct Sample {
    /// Over HTTP, records/s.
    collector: f64,
    /// Into `Collector::ingest`, records/s.
    core: f64,
    /// Raw sled batches + flush, records/s.
    raw: f64,
    /// The collector's store on disk after the run, bytes per record held.
    store_bytes: f64,
    /// The raw sled folder on disk after the run, bytes per record.
    raw_bytes: f64,
}

/// One run: the collector over HTTP, its core, raw sled, and their sizes on disk.
fn run_once(rt: &tokio::runtime::Runtime, args: &IngestArgs) -> Result<Sample> {
    let agents = fleet::agents(args.agents);
    let work = workload(&agents, args.records, args.batch);
    let total: usize = work.iter().flatten().map(Vec::len).sum();
    let mut signed = Vec::new();
    for (agent, batches) in agents.iter().zip(&work) {
        let mut mine = Vec::new();
        for (i, b) in batches.iter().enumerate() {
            mine.push(fleet::signed_batch(agent, i as u64 + 1, b.clone())?);
        }
        signed.push((agent.center.clone(), mine));
    }
    let dir = TempDir::new("ingest")?;
    let handle = rt.block_on(fleet::start_collector(
        dir.path(),
        fleet::registry(&agents)?,
    ))?;
    let url = handle.url();
    let clients: Vec<reqwest::Client> = (0..agents.len())
        .map(|_| fleet::client())
        .collect::<Result<_>>()?;
    let started = Instant::now();
    let accepted = rt.block_on(async {
        let mut tasks = Vec::new();
        for ((center, batches), http) in signed.into_iter().zip(clients) {
            let url = url.clone();
            tasks.push(tokio::spawn(async move {
                let mut accepted = 0;
                for (body, sig) in batches {
                    accepted += fleet::post(&http, &url, &center, body, &sig)
                        .await?
                        .accepted
                        .len();
                }
                Ok::<_, anyhow::Error>(accepted)
            }));
        }
        let mut accepted = 0;
        for t in tasks {
            accepted += t.await??;
        }
        Ok::<_, anyhow::Error>(accepted)
    })?;
    let took = started.elapsed();
    if accepted != total || handle.collector().record_count() != total {
        bail!(
            "{total} records pushed, {accepted} accepted, {} held",
            handle.collector().record_count()
        );
    }
    rt.block_on(handle.shutdown())?;
    let store_bytes = measure::store_bytes(&rasid_collector::store_dir(dir.path()))?;
    drop(dir);

    let core = core_only(&agents, &work, total)?;
    let raw_dir = TempDir::new("ingest-sled")?;
    let batches: Vec<Vec<RecordEnvelope>> = work.into_iter().flatten().collect();
    let raw = fleet::raw_sled_writes(raw_dir.path(), &batches)?;
    Ok(Sample {
        collector: total as f64 / took.as_secs_f64(),
        core,
        raw: total as f64 / raw.as_secs_f64(),
        store_bytes: store_bytes as f64 / total as f64,
        raw_bytes: measure::store_bytes(raw_dir.path())? as f64 / total as f64,
    })
}

pub fn run(args: IngestArgs) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let samples = (0..args.runs.max(1))
        .map(|_| run_once(&rt, &args))
        .collect::<Result<Vec<_>>>()?;
    let stats = |f: fn(&Sample) -> f64| Stats::of(&samples.iter().map(f).collect::<Vec<_>>());
    let (c, k, r) = (stats(|s| s.collector), stats(|s| s.core), stats(|s| s.raw));
    let n = samples.len();
    table_row(
        &format!(
            "ingest: {} records from {} agents (batches of {}), records/s",
            num(args.records as f64, 0),
            args.agents,
            args.batch
        ),
        n,
        spread(c, 0),
        &format!("sled batch + flush: {}", num(r.median, 0)),
        &format!("{:.2}× of sled", c.median / r.median),
    );
    table_row(
        &format!(
            "ingest: {} records, the same batches into `Collector::ingest` (no HTTP, no signatures), records/s",
            num(args.records as f64, 0)
        ),
        n,
        spread(k, 0),
        &format!("sled batch + flush: {}", num(r.median, 0)),
        &format!("{:.2}× of sled", k.median / r.median),
    );
    let (b, rb) = (stats(|s| s.store_bytes), stats(|s| s.raw_bytes));
    table_row(
        &format!(
            "ingest: {} records over HTTP: the collector's store on disk after it (files, `space-reserve` left out), bytes per record",
            num(args.records as f64, 0)
        ),
        n,
        spread(b, 0),
        &format!("sled batch + flush (JSON): {}", num(rb.median, 0)),
        &format!("{:.2}× of sled", b.median / rb.median),
    );
    Ok(())
}
