//! `latency`: from a signed push of one status change to the kiosk's board model showing it.
//!
//! A collector on disk holds the demo dataset; the kiosk's own live source (`CollectorSource`, the
//! one `rasid-kiosk --collector` uses: live stream, then a board fetch) follows it. Each update flips
//! one decision between in progress and executed, so the decision-execution board's count of
//! executed decisions changes every time; the clock runs from just before the push until the
//! source hands the new count to the wall. The baseline is the push's own round trip (signed
//! POST until the collector's answer, which comes after the durable commit).
//!
//! With `--scale`, the collector holds synthetic data at national scale instead (the store of
//! `start`, built before any timing: 100,000 decisions with their statuses and 1,000,000 budget
//! lines by default), and the updates alternate between a decision-status flip (an overdue
//! decision, in progress ↔ executed) and a budget-line change (its spending moved and back).
//! The kiosk's source wants every board those changes feed, as a wall whose playlist holds
//! them all: at each change it fetches the boards the change names, one after another. Each
//! board's time runs from just before the push until its copy fetched after the change reaches
//! the source; a board whose copy comes back unchanged (its figures did not move) is counted
//! as such and not timed.

use crate::measure::{Stats, TempDir, num, quantile, spread, table_row};
use crate::start::{self, Scale, ScaleStore};
use anyhow::{Context, Result, bail};
use rasid_collector::demo::demo_key;
use rasid_collector::{CollectorOptions, boards_fed_by};
use rasid_kiosk::collector_source::CollectorSource;
use rasid_kiosk::feed::BoardSource;
use rasid_shared::board::{BoardFilter, BoardName, BoardView};
use rasid_shared::demo;
use rasid_shared::model::{DecisionKind, ExecutionStatus, Record, RecordEnvelope, RecordKind};
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use std::collections::{BTreeMap, BTreeSet};
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

pub fn run(updates: usize, runs: usize, scale: Option<Scale>) -> Result<()> {
    if let Some(scale) = scale {
        return run_at_scale(updates, runs, scale);
    }
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

/// The changes `--scale` pushes, in turn.
const SCALE_KINDS: [RecordKind; 2] = [RecordKind::DecisionStatus, RecordKind::Budget];

fn kind_word(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Budget => "budget-line",
        _ => "decision-status",
    }
}

/// What one board showed over a run at scale.
#[derive(Default)]
struct BoardTimes {
    /// Push → the changed board at the source, ms.
    ms: Vec<f64>,
    /// Per kind of change: how many came back changed, of how many fetched after a change.
    moved: BTreeMap<RecordKind, (usize, usize)>,
}

/// The `n`-th change of `kind` (from 1) to `template`: a status flipped between executed and
/// in progress, or a line's spending moved to half its allocation and back.
fn scale_change(template: &RecordEnvelope, n: u64) -> RecordEnvelope {
    let mut env = template.clone();
    env.revision = template.revision + n;
    let odd = n % 2 == 1;
    match &mut env.record {
        Record::DecisionStatus(s) => {
            (s.status, s.progress) = if odd {
                (ExecutionStatus::Executed, 100)
            } else {
                (ExecutionStatus::InProgress, 50)
            };
        }
        Record::Budget(b) if odd => {
            b.spent = b.allocated / 2;
            b.committed = b.spent + b.spent / 10;
        }
        _ => {}
    }
    env
}

/// The view of `name` the source holds now.
fn view_of(source: &mut CollectorSource, name: BoardName) -> Option<Arc<BoardView>> {
    source.board(name, &BoardFilter::default()).view
}

/// Polls `source` until no board it holds has been replaced for `quiet`, at most `limit`:
/// the fetches its start and its stream's connection asked for are all in.
fn settle(
    source: &mut CollectorSource,
    wake: &mpsc::Receiver<()>,
    boards: &[BoardName],
    quiet: Duration,
    limit: Duration,
) -> Result<()> {
    let deadline = Instant::now() + limit;
    let mut last: Vec<Option<Arc<BoardView>>> =
        boards.iter().map(|b| view_of(source, *b)).collect();
    let mut since = Instant::now();
    while since.elapsed() < quiet || last.iter().any(Option::is_none) {
        if Instant::now() > deadline {
            bail!("the kiosk's source did not have every board within {limit:?}");
        }
        let _ = wake.recv_timeout(Duration::from_millis(50));
        source.poll();
        for (b, seen) in boards.iter().zip(&mut last) {
            let now = view_of(source, *b);
            let same = match (&now, &*seen) {
                (Some(a), Some(b)) => Arc::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if !same {
                *seen = now;
                since = Instant::now();
            }
        }
    }
    Ok(())
}

/// One run at scale over `built`: each board's times, and the pushes' round trips (ms).
/// `done` counts the changes of each kind pushed in earlier runs, so revisions and batch
/// numbers go on rising over the same store.
fn scale_run_once(
    rt: &tokio::runtime::Runtime,
    built: &ScaleStore,
    updates: usize,
    done: &mut BTreeMap<RecordKind, u64>,
) -> Result<(BTreeMap<BoardName, BoardTimes>, Vec<f64>)> {
    let mut opts = CollectorOptions::new(Some(built.data()), built.registry.clone());
    opts.today = Some(demo::demo_today());
    let handle = rt.block_on(rasid_collector::start(opts))?;
    let url = handle.url();
    let http = crate::fleet::client()?;
    let (tx, wake) = mpsc::channel::<()>();
    let mut source = CollectorSource::start(
        &url,
        start::wall(),
        None,
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    let wanted: Vec<BoardName> = SCALE_KINDS
        .iter()
        .flat_map(|k| boards_fed_by(*k).iter().copied())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let filters: Vec<(BoardName, BoardFilter)> = wanted
        .iter()
        .map(|b| (*b, BoardFilter::default()))
        .collect();
    source.prefetch(&filters);
    settle(
        &mut source,
        &wake,
        &wanted,
        Duration::from_secs(3),
        Duration::from_secs(600),
    )?;

    let mut boards: BTreeMap<BoardName, BoardTimes> = BTreeMap::new();
    let mut round_trip = Vec::with_capacity(updates);
    let total_done: u64 = done.values().sum();
    for i in 0..updates {
        let kind = SCALE_KINDS[i % SCALE_KINDS.len()];
        let n = done.entry(kind).or_insert(0);
        *n += 1;
        let template = match kind {
            RecordKind::Budget => &built.budget,
            _ => &built.status,
        };
        let env = scale_change(template, *n);
        let agent = start::center_agent(&env.center);
        let (body, sig) =
            crate::fleet::signed_batch(&agent, 1_000_000 + total_done + i as u64, vec![env])?;
        let fed = boards_fed_by(kind);
        let before: Vec<Option<Arc<BoardView>>> =
            fed.iter().map(|b| view_of(&mut source, *b)).collect();
        let started = Instant::now();
        let ack = rt.block_on(crate::fleet::post(&http, &url, &agent.center, body, &sig))?;
        round_trip.push(started.elapsed().as_secs_f64() * 1000.0);
        if ack.accepted.len() != 1 {
            bail!("update {i} was not accepted: {ack:?}");
        }
        let mut pending: BTreeSet<usize> = (0..fed.len()).collect();
        wait_until(&mut source, &wake, Duration::from_secs(120), |s| {
            pending.retain(|&j| {
                let now = view_of(s, fed[j]);
                let (Some(now), Some(old)) = (now, &before[j]) else {
                    return true;
                };
                if Arc::ptr_eq(&now, old) {
                    return true;
                }
                let t = boards.entry(fed[j]).or_default();
                let moved = t.moved.entry(kind).or_default();
                moved.1 += 1;
                if *now != **old {
                    moved.0 += 1;
                    t.ms.push(started.elapsed().as_secs_f64() * 1000.0);
                }
                false
            });
            pending.is_empty()
        })?;
    }
    drop(source);
    rt.block_on(handle.shutdown())?;
    Ok((boards, round_trip))
}

fn run_at_scale(updates: usize, runs: usize, scale: Scale) -> Result<()> {
    let built = ScaleStore::build(scale)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let mut done = BTreeMap::new();
    let mut per_board: BTreeMap<BoardName, Vec<BoardTimes>> = BTreeMap::new();
    let (mut rt50, mut rt99) = (vec![], vec![]);
    for _ in 0..runs.max(1) {
        let (boards, trip) = scale_run_once(&rt, &built, updates, &mut done)?;
        rt50.push(quantile(&trip, 0.5));
        rt99.push(quantile(&trip, 0.99));
        for (name, times) in boards {
            per_board.entry(name).or_default().push(times);
        }
    }
    let n = rt50.len();
    let (b50, b99) = (Stats::of(&rt50).median, Stats::of(&rt99).median);
    let what = format!(
        "push → kiosk board model over {}, {} updates per run (decision-status and budget-line changes in turn)",
        built.describe(),
        num(updates as f64, 0)
    );
    for name in BoardName::ALL {
        let Some(runs) = per_board.get(&name) else {
            continue;
        };
        let mut moved: BTreeMap<RecordKind, (usize, usize)> = BTreeMap::new();
        for r in runs {
            for (kind, (m, of)) in &r.moved {
                let e = moved.entry(*kind).or_default();
                e.0 += m;
                e.1 += of;
            }
        }
        let moved = moved
            .iter()
            .map(|(kind, (m, of))| format!("{m} of the runs' {of} {} changes", kind_word(*kind)))
            .collect::<Vec<_>>()
            .join(", ");
        let board = format!("{what}: `{}` board (changed by {moved})", name.as_str());
        let q = |q: f64| -> Stats {
            Stats::of(
                &runs
                    .iter()
                    .filter(|r| !r.ms.is_empty())
                    .map(|r| quantile(&r.ms, q))
                    .collect::<Vec<_>>(),
            )
        };
        let (p50, p99, max) = (q(0.5), q(0.99), q(1.0));
        table_row(
            &format!("{board}: p50 ms"),
            n,
            spread(p50, 1),
            &format!("push answered: {b50:.1} ms"),
            &format!("{:.2}×", p50.median / b50),
        );
        table_row(
            &format!("{board}: p99 ms"),
            n,
            spread(p99, 1),
            &format!("push answered: {b99:.1} ms"),
            &format!("{:.2}×", p99.median / b99),
        );
        table_row(&format!("{board}: max ms"), n, spread(max, 1), "–", "–");
    }
    Ok(())
}
