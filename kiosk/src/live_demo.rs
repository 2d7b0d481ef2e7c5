//! `--demo` as a newcomer sees it: a real collector embedded in the kiosk, loaded with the demo
//! dataset, and simulated centers pushing signed changes to it every few seconds over HTTP — a
//! decision's status, now and then a project's progress — the same path a ministry's agent
//! takes, so the wall visibly moves.

use crate::identity::WallIdentity;
use anyhow::{Context, Result};
use chrono::Utc;
use rasid_collector::demo::{DEMO_WALL, demo_key, demo_registry, demo_wall_key};
use rasid_collector::{self as collector, CollectorHandle, CollectorOptions, registry_from};
use rasid_shared::demo;
use rasid_shared::model::{
    CenterCode, ExecutionStatus, ProjectStatus, Record, RecordEnvelope, RecordKind,
};
use rasid_shared::store::InflightBatch;
use rasid_shared::wire::{Batch, MAX_BATCH_RECORDS, PROTOCOL_VERSION};
use rasid_upstream::Upstream;
use std::collections::BTreeMap;
use std::time::Duration;

/// The embedded collector and the runtime it runs on; dropping it stops both.
pub struct EmbeddedDemo {
    pub url: String,
    /// The demo's wall, registered at the embedded collector: the demo needs no setup.
    pub wall: WallIdentity,
    handle: Option<CollectorHandle>,
    runtime: tokio::runtime::Runtime,
}

impl Drop for EmbeddedDemo {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            let _ = self.runtime.block_on(h.shutdown());
        }
    }
}

/// Starts an in-memory collector on a free loopback port, loads the demo dataset into it and,
/// when `live_every` is given, starts pushing a status change at that interval.
pub fn start(live_every: Option<Duration>) -> Result<EmbeddedDemo> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .thread_name("rasid-demo")
        .enable_all()
        .build()
        .context("starting the demo's runtime")?;
    let data = demo::generate();
    let registry = registry_from(&demo_registry(&data))?;
    let mut opts = CollectorOptions::new(None, registry);
    opts.today = Some(demo::demo_today());
    let handle = runtime
        .block_on(collector::start(opts))
        .context("starting the embedded collector")?;
    let changes = live_every.map(|every| (every, LiveChanges::of(&data)));
    preload(&handle, data.all_revisions())?;
    // The demo's records now live in the collector; what loading them took is handed back.
    drop(data);
    crate::memory::release_freed();
    let url = handle.url();
    if let Some((every, changes)) = changes {
        runtime.spawn(simulate(url.clone(), every, changes));
    }
    Ok(EmbeddedDemo {
        url,
        wall: WallIdentity::with_key(DEMO_WALL, demo_wall_key()),
        handle: Some(handle),
        runtime,
    })
}

/// Hands the demo records to the collector's core, the secretariat's first (statuses need the
/// decisions they report on), in batches as an agent would send them.
fn preload(handle: &CollectorHandle, records: Vec<RecordEnvelope>) -> Result<()> {
    let mut by_center: BTreeMap<(bool, CenterCode), Vec<RecordEnvelope>> = BTreeMap::new();
    for r in records {
        let secretariat_first =
            r.record.kind() != RecordKind::Session && r.record.kind() != RecordKind::Decision;
        by_center
            .entry((secretariat_first, r.center.clone()))
            .or_default()
            .push(r);
    }
    let mut seq: BTreeMap<CenterCode, u64> = BTreeMap::new();
    for ((_, center), envs) in by_center {
        let agent = demo_key(&center).key_id();
        for chunk in envs.chunks(MAX_BATCH_RECORDS) {
            let n = seq.entry(center.clone()).or_insert(0);
            *n += 1;
            let batch = Batch {
                version: PROTOCOL_VERSION,
                center: center.clone(),
                agent: agent.clone(),
                epoch: String::new(),
                seq: *n,
                created: Utc::now(),
                records: chunk.to_vec(),
            };
            let ack = handle
                .collector()
                .ingest(&center, batch)
                .map_err(|e| anyhow::anyhow!("loading the demo data for {center}: {e}"))?;
            if !ack.rejected.is_empty() {
                tracing::warn!(center = %center, rejected = ack.rejected.len(), first = %ack.rejected[0].reason, "demo records rejected");
            }
        }
    }
    Ok(())
}

/// What the live demo changes: the decisions in progress, the latest report of each project
/// still under way and the projects' budgets; taken from the demo data once, so that the data
/// itself is not kept for the life of the wall.
struct LiveChanges {
    statuses: Vec<RecordEnvelope>,
    projects: Vec<RecordEnvelope>,
    budgets: BTreeMap<String, i64>,
}

impl LiveChanges {
    fn of(data: &demo::DemoData) -> LiveChanges {
        let statuses: Vec<RecordEnvelope> = data
            .records
            .iter()
            .filter(|e| matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress))
            .cloned()
            .collect();
        // The latest report of each project still under way.
        let mut projects: BTreeMap<String, RecordEnvelope> = BTreeMap::new();
        for e in &data.records {
            if let Record::ProjectProgress(r) = &e.record
                && matches!(r.status, ProjectStatus::OnTrack | ProjectStatus::Delayed)
            {
                let newer = projects.get(&r.project).is_none_or(|p| match &p.record {
                    Record::ProjectProgress(q) => q.period_end < r.period_end,
                    _ => true,
                });
                if newer {
                    projects.insert(r.project.clone(), e.clone());
                }
            }
        }
        let budgets = data
            .records
            .iter()
            .filter_map(|e| match &e.record {
                Record::Project(p) => Some((p.code.clone(), p.budget)),
                _ => None,
            })
            .collect();
        LiveChanges {
            statuses,
            projects: projects.into_values().collect(),
            budgets,
        }
    }
}

/// Every `every`, one in-progress decision moves forward (or is executed) at its center; every
/// third time, an open project also reports progress. Each change is pushed as a signed batch
/// over HTTP, as an agent would.
async fn simulate(url: String, every: Duration, changes: LiveChanges) {
    let LiveChanges {
        mut statuses,
        mut projects,
        budgets,
    } = changes;
    let mut seq: BTreeMap<CenterCode, u64> = BTreeMap::new();
    let mut i = 0usize;
    let mut tick = 0u64;
    while !statuses.is_empty() {
        tokio::time::sleep(every).await;
        tick += 1;
        i = (i * 7 + 13) % statuses.len();
        let env = &mut statuses[i];
        if let Record::DecisionStatus(s) = &mut env.record {
            s.progress = (s.progress + 20).min(100);
            if s.progress == 100 {
                s.status = ExecutionStatus::Executed;
            }
        }
        env.revision += 1;
        env.as_of = demo::demo_today();
        let mut batch = vec![env.clone()];
        if matches!(&statuses[i].record, Record::DecisionStatus(s) if s.status == ExecutionStatus::Executed)
        {
            statuses.swap_remove(i);
        }
        if tick.is_multiple_of(3) && !projects.is_empty() {
            let j = (tick as usize / 3) % projects.len();
            let p = &mut projects[j];
            if let Record::ProjectProgress(r) = &mut p.record {
                r.period_end = demo::demo_today() + chrono::Duration::days(tick as i64);
                r.actual_progress = (r.actual_progress + 3).min(99);
                r.planned_progress =
                    (r.planned_progress + 2).clamp(r.actual_progress.min(100), 100);
                // Spending grows with the work, never past the budget (that would need a reason).
                let budget = budgets
                    .get(&r.project)
                    .copied()
                    .unwrap_or(r.cumulative_spent);
                r.cumulative_spent = (r.cumulative_spent + r.cumulative_spent / 50).min(budget);
            }
            p.as_of = demo::demo_today();
            batch.push(p.clone());
        }
        for env in batch {
            push_one(&url, &mut seq, env).await;
        }
    }
}

/// Pushes one record as its center's next signed batch.
async fn push_one(url: &str, seq: &mut BTreeMap<CenterCode, u64>, env: RecordEnvelope) {
    let center = env.center.clone();
    let key = demo_key(&center);
    let n = seq.entry(center.clone()).or_insert(1_000_000);
    *n += 1;
    let batch = Batch {
        version: PROTOCOL_VERSION,
        center: center.clone(),
        agent: key.key_id(),
        epoch: String::new(),
        seq: *n,
        created: Utc::now(),
        records: vec![env],
    };
    let Ok(body) = serde_json::to_vec(&batch) else {
        return;
    };
    let Ok(up) = Upstream::new(url, center, key, Duration::from_secs(5)) else {
        return;
    };
    let inflight = InflightBatch {
        epoch: String::new(),
        seq: batch.seq,
        body,
        positions: vec![],
        records: 1,
        split: None,
    };
    if let Err(e) = up.send_batch(&inflight).await {
        tracing::warn!("demo push failed: {e}");
    }
}
