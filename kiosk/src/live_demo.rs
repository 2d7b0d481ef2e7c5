//! `--demo` as a newcomer sees it: a real collector embedded in the kiosk, loaded with the demo
//! dataset, and a simulated center pushing signed status changes to it every few seconds over
//! HTTP — the same path a ministry's agent takes — so the wall visibly moves.

use anyhow::{Context, Result};
use chrono::Utc;
use rasid_agent::collector::{self, CollectorHandle, CollectorOptions, registry_from};
use rasid_agent::demo_files::{demo_key, demo_registry};
use rasid_agent::push::Upstream;
use rasid_shared::demo;
use rasid_shared::model::{CenterCode, ExecutionStatus, Record, RecordEnvelope, RecordKind};
use rasid_shared::store::InflightBatch;
use rasid_shared::wire::{Batch, MAX_BATCH_RECORDS, PROTOCOL_VERSION};
use std::collections::BTreeMap;
use std::time::Duration;

/// The embedded collector and the runtime it runs on; dropping it stops both.
pub struct EmbeddedDemo {
    pub url: String,
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
    let handle = runtime.block_on(collector::start(opts)).context("starting the embedded collector")?;
    preload(&handle, data.records)?;
    let url = handle.url();
    if let Some(every) = live_every {
        runtime.spawn(simulate(url.clone(), every));
    }
    Ok(EmbeddedDemo { url, handle: Some(handle), runtime })
}

/// Hands the demo records to the collector's core, the secretariat's first (statuses need the
/// decisions they report on), in batches as an agent would send them.
fn preload(handle: &CollectorHandle, records: Vec<RecordEnvelope>) -> Result<()> {
    let mut by_center: BTreeMap<(bool, CenterCode), Vec<RecordEnvelope>> = BTreeMap::new();
    for r in records {
        let secretariat_first = r.record.kind() != RecordKind::Session && r.record.kind() != RecordKind::Decision;
        by_center.entry((secretariat_first, r.center.clone())).or_default().push(r);
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

/// Every `every`, one in-progress decision moves forward (or is executed) at its center, pushed
/// as a signed batch over HTTP.
async fn simulate(url: String, every: Duration) {
    let mut statuses: Vec<RecordEnvelope> = demo::generate()
        .records
        .into_iter()
        .filter(|e| matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress))
        .collect();
    let mut seq: BTreeMap<CenterCode, u64> = BTreeMap::new();
    let mut i = 0usize;
    while !statuses.is_empty() {
        tokio::time::sleep(every).await;
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
        let sent = env.clone();
        let center = sent.center.clone();
        let key = demo_key(&center);
        let n = seq.entry(center.clone()).or_insert(1_000_000);
        *n += 1;
        let batch = Batch {
            version: PROTOCOL_VERSION,
            center: center.clone(),
            agent: key.key_id(),
            seq: *n,
            created: Utc::now(),
            records: vec![sent],
        };
        let Ok(body) = serde_json::to_vec(&batch) else { continue };
        let Ok(up) = Upstream::new(&url, center, key, Duration::from_secs(5)) else { continue };
        let inflight = InflightBatch { seq: batch.seq, body, positions: vec![], records: 1 };
        if let Err(e) = up.send_batch(&inflight).await {
            tracing::warn!("demo push failed: {e}");
        }
        if matches!(&statuses[i].record, Record::DecisionStatus(s) if s.status == ExecutionStatus::Executed) {
            statuses.swap_remove(i);
        }
    }
}
