//! `drain`: an agent's backlog (records imported while the collector was away) pushed by a real
//! `rasid-agent push` process to a local collector on disk; records per second, against raw
//! sled writes of the same records in batches of the same size.
//!
//! The agent's data folder is made as `rasid-agent init` makes it (configuration, key, store),
//! with a key the collector's registry already knows; the backlog is imported into its store
//! before the clock starts.

use crate::fleet;
use crate::measure::{self, Stats, TempDir, num, spread, table_row};
use anyhow::{Result, bail};
use rasid_agent::config::{AgentConfig, CONFIG_FILE, KEY_FILE};
use rasid_shared::model::RecordEnvelope;
use rasid_shared::store::Store;
use std::path::Path;
use std::process::Command;

/// Lays out an agent's data folder for `agent`, pushing to `upstream`, with `backlog` in its
/// outbox. Returns the batch size its configuration uses.
pub fn agent_folder(
    data: &Path,
    agent: &fleet::Agent,
    upstream: &str,
    backlog: &[RecordEnvelope],
) -> Result<usize> {
    std::fs::create_dir_all(data)?;
    let cfg = AgentConfig::new(agent.center.clone(), upstream.to_string());
    std::fs::create_dir_all(data.join(&cfg.drop_folder))?;
    std::fs::write(data.join(CONFIG_FILE), cfg.to_toml())?;
    std::fs::write(data.join(KEY_FILE), agent.key.secret_base64())?;
    let store = Store::open(&data.join("store"))?;
    for chunk in backlog.chunks(10_000) {
        store.import(
            &agent.center,
            chunk.iter().map(|e| (e.as_of, e.record.clone())).collect(),
        )?;
    }
    store.flush()?;
    Ok(cfg.batch_records)
}

fn run_once(rt: &tokio::runtime::Runtime, records: usize) -> Result<(f64, f64)> {
    let agent_bin = measure::sibling_program("rasid-agent", "RASID_AGENT_BIN")?;
    let agents = fleet::agents(1);
    let agent = &agents[0];
    let dir = TempDir::new("drain")?;
    let handle = rt.block_on(fleet::start_collector(
        &dir.path().join("collector"),
        fleet::registry(&agents)?,
    ))?;
    let backlog = fleet::budget_lines(&agent.center, 0, records);
    let data = dir.path().join("agent");
    let batch = agent_folder(&data, agent, &handle.url(), &backlog)?;

    let mut push = Command::new(&agent_bin);
    push.arg("--data").arg(&data).args(["--json", "push"]);
    let (run, out) = measure::run_measured(push)?;
    let held = handle.collector().record_count();
    if held != records {
        bail!("{records} records in the backlog, {held} at the collector after the push: {out}");
    }
    rt.block_on(handle.shutdown())?;

    let raw_dir = TempDir::new("drain-sled")?;
    let batches: Vec<Vec<RecordEnvelope>> = backlog
        .chunks(batch)
        .map(<[RecordEnvelope]>::to_vec)
        .collect();
    let raw = fleet::raw_sled_writes(raw_dir.path(), &batches)?;
    Ok((
        records as f64 / run.wall.as_secs_f64(),
        records as f64 / raw.as_secs_f64(),
    ))
}

pub fn run(records: usize, runs: usize) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let (mut rate, mut raw) = (vec![], vec![]);
    for _ in 0..runs.max(1) {
        let (r, b) = run_once(&rt, records)?;
        rate.push(r);
        raw.push(b);
    }
    let (r, b) = (Stats::of(&rate), Stats::of(&raw));
    table_row(
        &format!(
            "drain: `rasid-agent push` of a {}-record backlog to a local collector, records/s",
            num(records as f64, 0)
        ),
        rate.len(),
        spread(r, 0),
        &format!("sled batch + flush: {}", num(b.median, 0)),
        &format!("{:.2}× of sled", r.median / b.median),
    );
    Ok(())
}
