//! `agent-idle`: the center's daemon (`rasid-agent run`) connected to a local collector with
//! nothing to send: resident memory once it has settled, and CPU while it waits (it looks at
//! its drop folder twice a second and pulls assignments every five minutes).

use crate::drain::agent_folder;
use crate::fleet;
use crate::measure::{self, Stats, TempDir, spread, table_row};
use anyhow::{Context, Result};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

struct IdleRun {
    rss_mib: f64,
    pss_mib: f64,
    cpu_pct: f64,
}

fn run_once(rt: &tokio::runtime::Runtime, settle: Duration, idle: Duration) -> Result<IdleRun> {
    let agent_bin = measure::sibling_program("rasid-agent", "RASID_AGENT_BIN")?;
    let agents = fleet::agents(1);
    let dir = TempDir::new("agent-idle")?;
    let handle = rt.block_on(fleet::start_collector(
        &dir.path().join("collector"),
        fleet::registry(&agents)?,
    ))?;
    let data = dir.path().join("agent");
    agent_folder(&data, &agents[0], &handle.url(), &[])?;
    let started = Instant::now();
    let mut child = Command::new(&agent_bin)
        .arg("--data")
        .arg(&data)
        .arg("run")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .context("starting rasid-agent run")?;
    let pid = child.id();
    let outcome = (|| {
        std::thread::sleep(settle.saturating_sub(started.elapsed()));
        let rss = measure::rss_kib(pid).context("reading the agent's memory")?;
        let pss = measure::pss_kib(pid).context("reading the agent's memory")?;
        let cpu0 = measure::cpu_time(pid).context("reading the agent's CPU time")?;
        let t0 = Instant::now();
        std::thread::sleep(idle);
        let cpu1 = measure::cpu_time(pid).context("reading the agent's CPU time")?;
        Ok(IdleRun {
            rss_mib: rss as f64 / 1024.0,
            pss_mib: pss as f64 / 1024.0,
            cpu_pct: 100.0 * (cpu1 - cpu0).as_secs_f64() / t0.elapsed().as_secs_f64(),
        })
    })();
    measure::terminate(pid);
    let _ = child.wait();
    rt.block_on(handle.shutdown())?;
    outcome
}

pub fn run(runs: usize, settle: Duration, idle: Duration) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let mut all = Vec::new();
    for _ in 0..runs.max(1) {
        all.push(run_once(&rt, settle, idle)?);
    }
    let n = all.len();
    let col = |f: fn(&IdleRun) -> f64| Stats::of(&all.iter().map(f).collect::<Vec<_>>());
    let s = settle.as_secs();
    let rss = col(|r| r.rss_mib);
    table_row(
        &format!("`rasid-agent run` idle: RSS after {s} s, MiB"),
        n,
        spread(rss, 1),
        "aim: 20 MB",
        &format!("{:.2}× of aim", rss.median / (20e6 / 1024.0 / 1024.0)),
    );
    table_row(
        &format!("`rasid-agent run` idle: PSS after {s} s, MiB"),
        n,
        spread(col(|r| r.pss_mib), 1),
        "–",
        "–",
    );
    table_row(
        &format!(
            "`rasid-agent run` idle: CPU over {} s, % of a core",
            idle.as_secs()
        ),
        n,
        spread(col(|r| r.cpu_pct), 3),
        "–",
        "–",
    );
    Ok(())
}
