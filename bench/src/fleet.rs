//! Agents and a collector for the process-level figures: deterministic keys for many centers,
//! the registry that admits them, a collector on disk as `rasid-agent serve` runs it (signatures
//! checked, every batch flushed before its answer), signed pushes, and the raw sled baseline.

use crate::synthetic;
use anyhow::{Context, Result, bail};
use rasid_collector::demo::{demo_key, demo_registry};
use rasid_collector::registry::{CenterEntry, CentersFile, Registry};
use rasid_collector::{self as collector, CollectorHandle, CollectorOptions};
use rasid_shared::demo::DemoData;
use rasid_shared::model::{CenterCode, RecordEnvelope, RecordKind};
use rasid_shared::sign::KeyPair;
use rasid_shared::wire::{self, Batch, BatchAck, MAX_BATCH_RECORDS, PROTOCOL_VERSION};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::time::{Duration, Instant};

/// One agent: its center and the key it signs with.
#[derive(Clone)]
pub struct Agent {
    pub center: CenterCode,
    pub key: KeyPair,
}

/// `n` agents, centers `C0001` … with keys that are the same on every run.
pub fn agents(n: usize) -> Vec<Agent> {
    (1..=n).map(agent).collect()
}

/// The agent of center number `i` (`synthetic::center_code(i)`: the secretariat for 0), with
/// a key that is the same on every run.
pub fn agent(i: usize) -> Agent {
    let mut seed = [0x42u8; 32];
    seed[..8].copy_from_slice(&(i as u64).to_le_bytes());
    Agent {
        center: synthetic::center_code(i),
        key: KeyPair::from_seed(seed),
    }
}

/// The registry of the secretariat and `agents`, each center with its key.
pub fn registry(agents: &[Agent]) -> Result<Registry> {
    let names = synthetic::center_names(agents.len() + 1);
    let mut centers = vec![CenterEntry {
        code: synthetic::center_code(0),
        name_ar: names[0].0.clone(),
        name_en: "Secretariat".into(),
        parent: None,
        keys: Vec::new(),
    }];
    for (i, a) in agents.iter().enumerate() {
        centers.push(CenterEntry {
            code: a.center.clone(),
            name_ar: names[i + 1].0.clone(),
            name_en: a.center.to_string(),
            parent: None,
            keys: vec![a.key.public_base64()],
        });
    }
    collector::registry_from(&CentersFile {
        secretariat: synthetic::center_code(0),
        centers,
        walls: Vec::new(),
    })
}

/// A collector with its store under `dir`, on a free loopback port.
pub async fn start_collector(dir: &Path, registry: Registry) -> Result<CollectorHandle> {
    let mut opts = CollectorOptions::new(Some(dir.to_path_buf()), registry);
    opts.today = Some(rasid_shared::demo::demo_today());
    collector::start(opts)
        .await
        .context("starting the collector")
}

/// A collector with its store under `dir` holding the demo dataset (the 2023 report's), its
/// registry the demo's, each center signing with its demo key.
pub async fn start_demo_collector(dir: &Path, data: &DemoData) -> Result<CollectorHandle> {
    let mut opts = CollectorOptions::new(
        Some(dir.to_path_buf()),
        collector::registry_from(&demo_registry(data))?,
    );
    opts.today = Some(rasid_shared::demo::demo_today());
    let handle = collector::start(opts)
        .await
        .context("starting the collector")?;
    preload(handle.collector(), &data.records)?;
    Ok(handle)
}

/// Loads the demo records into the collector's core as agents would send them.
fn preload(c: &collector::Collector, records: &[RecordEnvelope]) -> Result<()> {
    for (center, seq, records) in demo_batches(records) {
        let batch = Batch {
            version: PROTOCOL_VERSION,
            center: center.clone(),
            agent: demo_key(&center).key_id(),
            epoch: String::new(),
            seq,
            created: chrono::Utc::now(),
            records,
        };
        let ack = c.ingest(&center, batch)?;
        if !ack.rejected.is_empty() {
            bail!("demo records rejected: {}", ack.rejected[0].reason);
        }
    }
    Ok(())
}

/// `records` in batches as their centers' agents would send them: the secretariat's sessions
/// and decisions before the statuses that report on them, each center's batches numbered from 1.
pub fn demo_batches(records: &[RecordEnvelope]) -> Vec<(CenterCode, u64, Vec<RecordEnvelope>)> {
    batches_by_center(records, MAX_BATCH_RECORDS)
}

/// [`demo_batches`] with at most `size` records a batch.
pub fn batches_by_center(
    records: &[RecordEnvelope],
    size: usize,
) -> Vec<(CenterCode, u64, Vec<RecordEnvelope>)> {
    let mut per: BTreeMap<(bool, CenterCode), Vec<RecordEnvelope>> = BTreeMap::new();
    for r in records {
        let later = !matches!(r.record.kind(), RecordKind::Session | RecordKind::Decision);
        per.entry((later, r.center.clone()))
            .or_default()
            .push(r.clone());
    }
    let mut seq: HashMap<CenterCode, u64> = HashMap::new();
    let mut out = Vec::new();
    for ((_, center), envs) in per {
        for chunk in envs.chunks(size.max(1)) {
            let n = seq.entry(center.clone()).or_insert(0);
            *n += 1;
            out.push((center.clone(), *n, chunk.to_vec()));
        }
    }
    out
}

/// The body of batch `seq` of `agent` carrying `records`, and its signature.
pub fn signed_batch(
    agent: &Agent,
    seq: u64,
    records: Vec<RecordEnvelope>,
) -> Result<(Vec<u8>, String)> {
    let batch = Batch {
        version: PROTOCOL_VERSION,
        center: agent.center.clone(),
        agent: agent.key.key_id(),
        epoch: String::new(),
        seq,
        created: chrono::Utc::now(),
        records,
    };
    let body = serde_json::to_vec(&batch).context("encoding a batch")?;
    let signature = agent.key.sign(&body);
    Ok((body, signature))
}

/// A client as an agent has one.
pub fn client() -> Result<reqwest::Client> {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(120))
        .build()
        .context("building an HTTP client")
}

/// Pushes one signed batch and returns the collector's answer; fails on anything but 200.
pub async fn post(
    http: &reqwest::Client,
    url: &str,
    center: &CenterCode,
    body: Vec<u8>,
    signature: &str,
) -> Result<BatchAck> {
    let resp = http
        .post(format!("{url}/v1/batches"))
        .header(wire::HEADER_CENTER, center.as_str())
        .header(wire::HEADER_SIGNATURE, signature)
        .header(reqwest::header::CONTENT_TYPE, "application/json")
        .body(body)
        .send()
        .await
        .context("pushing a batch")?;
    let status = resp.status();
    let bytes = resp
        .bytes()
        .await
        .context("reading the collector's answer")?;
    if !status.is_success() {
        bail!(
            "the collector answered {status}: {}",
            String::from_utf8_lossy(&bytes)
        );
    }
    serde_json::from_slice(&bytes).context("reading the collector's answer")
}

/// The floor under a collector's durable ingest: the same envelopes, encoded as the store keeps
/// them, written to one sled tree with one `Batch` and one flush per pushed batch (the
/// collector flushes once per batch too). Returns the time the writes took.
pub fn raw_sled_writes(dir: &Path, batches: &[Vec<RecordEnvelope>]) -> Result<Duration> {
    let encoded: Vec<Vec<(String, Vec<u8>)>> = batches
        .iter()
        .map(|b| {
            b.iter()
                .map(|e| Ok((e.key().0, serde_json::to_vec(e)?)))
                .collect::<Result<Vec<_>>>()
        })
        .collect::<Result<_>>()?;
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .open()
        .context("opening sled")?;
    let tree = db.open_tree("records")?;
    let started = Instant::now();
    for batch in &encoded {
        let mut b = sled::Batch::default();
        for (k, v) in batch {
            b.insert(k.as_bytes(), v.as_slice());
        }
        tree.apply_batch(b)?;
        db.flush()?;
    }
    Ok(started.elapsed())
}

/// Budget lines `first..first + n` of `center` (each its own key).
pub fn budget_lines(center: &CenterCode, first: usize, n: usize) -> Vec<RecordEnvelope> {
    (first..first + n)
        .map(|i| synthetic::budget_line(center, i))
        .collect()
}
