//! `latency`: from a signed push of one status change to the kiosk's board model showing it.
//!
//! A collector on disk holds the demo dataset; the kiosk's own live source (`CollectorSource`, the
//! one `rasid-kiosk --collector` uses: live stream, then a board fetch) follows it. Each update flips
//! one decision between in progress and executed, so the decision-execution board's count of
//! executed decisions changes every time; the clock runs from just before the push until the
//! source hands the new count to the wall. The baseline is the push's own round trip (signed
//! POST until the collector's answer, which comes after the durable commit).

use crate::measure::{Stats, TempDir, num, quantile, spread, table_row};
use anyhow::{Context, Result, bail};
use rasid_collector::demo::demo_key;
use rasid_kiosk::collector_source::CollectorSource;
use rasid_kiosk::feed::BoardSource;
use rasid_shared::board::{BoardFilter, BoardName, BoardView};
use rasid_shared::demo;
use rasid_shared::model::{DecisionKind, ExecutionStatus, Record, RecordEnvelope};
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// An in-progress status whose decision (non-routine, one responsible center) counts on the
/// decision-execution board exactly as that status says.
fn flippable(records: &[RecordEnvelope]) -> Option<RecordEnvelope> {
    let single: std::collections::HashSet<_> = records
        .iter()
        .filter_map(|e| match &e.record {
            Record::Decision(d)
                if d.kind == DecisionKind::Decision && !d.routine && d.centers.len() == 1 =>
            {
                Some(d.number)
            }
            _ => None,
        })
        .collect();
    records
        .iter()
        .find(|e| {
            matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress && single.contains(&s.decision))
        })
        .cloned()
}

fn executed_count(source: &mut CollectorSource) -> Option<u32> {
    match source
        .board(BoardName::DecisionExecution, &BoardFilter::default())
        .view
        .as_deref()
    {
        Some(BoardView::DecisionExecution(b)) => Some(b.decisions.executed),
        _ => None,
    }
}

/// Polls `source` (woken by its network thread) until `done` holds, for at most `limit`.
fn wait_until(
    source: &mut CollectorSource,
    wake: &mpsc::Receiver<()>,
    limit: Duration,
    mut done: impl FnMut(&mut CollectorSource) -> bool,
) -> Result<()> {
    let deadline = Instant::now() + limit;
    loop {
        source.poll();
        if done(source) {
            return Ok(());
        }
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            bail!("the kiosk's source did not show the change within {limit:?}");
        }
        let _ = wake.recv_timeout(left.min(Duration::from_millis(100)));
    }
}

/// One run of `updates` changes: push-to-board and push round-trip latencies, in ms.
fn run_once(rt: &tokio::runtime::Runtime, updates: usize) -> Result<(Vec<f64>, Vec<f64>)> {
    let data = demo::generate();
    let dir = TempDir::new("latency")?;
    let handle = rt.block_on(crate::fleet::start_demo_collector(dir.path(), &data))?;
    let url = handle.url();
    let template = flippable(&data.records).context("the demo has no decision to flip")?;
    let center = template.center.clone();
    let key = demo_key(&center);
    let http = crate::fleet::client()?;

    let (tx, wake) = mpsc::channel::<()>();
    let mut source = CollectorSource::start(
        &url,
        rasid_kiosk::identity::WallIdentity::with_key(
            rasid_collector::demo::DEMO_WALL,
            rasid_collector::demo::demo_wall_key(),
        ),
        None,
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    wait_until(&mut source, &wake, Duration::from_secs(30), |s| {
        executed_count(s).is_some()
    })?;
    let before = executed_count(&mut source).unwrap_or(0);

    let mut to_board = Vec::with_capacity(updates);
    let mut round_trip = Vec::with_capacity(updates);
    for i in 1..=updates {
        let executed = i % 2 == 1;
        let mut env = template.clone();
        env.revision = template.revision + i as u64;
        if let Record::DecisionStatus(s) = &mut env.record {
            s.status = if executed {
                ExecutionStatus::Executed
            } else {
                ExecutionStatus::InProgress
            };
            s.progress = if executed { 100 } else { 50 };
        }
        let batch = Batch {
            version: PROTOCOL_VERSION,
            center: center.clone(),
            agent: key.key_id(),
            epoch: String::new(),
            seq: 1_000_000 + i as u64,
            created: chrono::Utc::now(),
            records: vec![env],
        };
        let body = serde_json::to_vec(&batch)?;
        let sig = key.sign(&body);
        let expected = if executed { before + 1 } else { before };
        let started = Instant::now();
        let ack = rt.block_on(crate::fleet::post(&http, &url, &center, body, &sig))?;
        round_trip.push(started.elapsed().as_secs_f64() * 1000.0);
        if ack.accepted.len() != 1 {
            bail!("update {i} was not accepted: {ack:?}");
        }
        wait_until(&mut source, &wake, Duration::from_secs(10), |s| {
            executed_count(s) == Some(expected)
        })?;
        to_board.push(started.elapsed().as_secs_f64() * 1000.0);
    }
    drop(source);
    rt.block_on(handle.shutdown())?;
    Ok((to_board, round_trip))
}

pub fn run(updates: usize, runs: usize) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let (mut p50, mut p99, mut max, mut rt50, mut rt99) = (vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..runs.max(1) {
        let (board, trip) = run_once(&rt, updates)?;
        p50.push(quantile(&board, 0.5));
        p99.push(quantile(&board, 0.99));
        max.push(quantile(&board, 1.0));
        rt50.push(quantile(&trip, 0.5));
        rt99.push(quantile(&trip, 0.99));
    }
    let n = p50.len();
    let (b50, b99) = (Stats::of(&rt50).median, Stats::of(&rt99).median);
    let what = format!(
        "push → kiosk board model, {} updates per run",
        num(updates as f64, 0)
    );
    table_row(
        &format!("{what}: p50 ms"),
        n,
        spread(Stats::of(&p50), 1),
        &format!("push answered: {b50:.1} ms"),
        &format!("{:.2}×", Stats::of(&p50).median / b50),
    );
    table_row(
        &format!("{what}: p99 ms"),
        n,
        spread(Stats::of(&p99), 1),
        &format!("push answered: {b99:.1} ms"),
        &format!("{:.2}×", Stats::of(&p99).median / b99),
    );
    table_row(
        &format!("{what}: max ms"),
        n,
        spread(Stats::of(&max), 1),
        "–",
        "–",
    );
    Ok(())
}
