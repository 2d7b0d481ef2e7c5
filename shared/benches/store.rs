//! Store write speed against raw sled, on disk, same bytes:
//! `Store::import` of N records (an agent's import) against one sled `Batch` of the encoded
//! records, each followed by a flush; and `Store::commit_batch` (the collector's durable write
//! per pushed batch) against plain sled inserts and a flush.
//!
//! Run with `cargo bench -p rasid-shared --bench store`; figures in docs/BENCHMARKS.md. The
//! stores live in temporary folders on the same disk as `std::env::temp_dir()`.

#[path = "../../bench/src/synthetic.rs"]
mod synthetic;

use chrono::NaiveDate;
use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use rasid_shared::model::{Record, RecordEnvelope};
use rasid_shared::store::Store;
use rasid_shared::wire::BatchAck;
use std::path::Path;
use std::time::Duration;
use tempfile::TempDir;

/// Opens sled as `Store::open` does (same cache size), for the baselines.
fn raw_sled(dir: &Path) -> sled::Db {
    sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .open()
        .expect("opening sled in a temp dir")
}

fn tempdir() -> TempDir {
    tempfile::tempdir().expect("creating a temp dir")
}

/// Each record's key and its bytes as the store keeps them (JSON of the envelope).
fn encoded(envs: &[RecordEnvelope]) -> Vec<(String, Vec<u8>)> {
    envs.iter()
        .map(|e| {
            (
                e.key().0,
                serde_json::to_vec(e).expect("encoding an envelope"),
            )
        })
        .collect()
}

fn import(c: &mut Criterion) {
    let center = synthetic::center_code(1);
    for n in [1_000usize, 10_000] {
        let envs: Vec<RecordEnvelope> =
            (0..n).map(|i| synthetic::budget_line(&center, i)).collect();
        let records: Vec<(NaiveDate, Record)> =
            envs.iter().map(|e| (e.as_of, e.record.clone())).collect();
        let bytes = encoded(&envs);
        let mut group = c.benchmark_group(format!("import/{n}-records"));
        group.throughput(Throughput::Elements(n as u64));
        group.sampling_mode(SamplingMode::Flat);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(8));
        group.bench_function("store-import-and-flush", |b| {
            b.iter_batched(
                || {
                    let dir = tempdir();
                    let store = Store::open(dir.path()).expect("opening a store");
                    (dir, store, records.clone())
                },
                |(dir, store, records)| {
                    store.import(&center, records).expect("importing");
                    store.flush().expect("flushing");
                    (dir, store)
                },
                BatchSize::PerIteration,
            )
        });
        group.bench_function("baseline-sled-batch-and-flush", |b| {
            b.iter_batched(
                || {
                    let dir = tempdir();
                    let db = raw_sled(dir.path());
                    let tree = db.open_tree("records").expect("opening a tree");
                    let mut batch = sled::Batch::default();
                    for (k, v) in &bytes {
                        batch.insert(k.as_bytes(), v.as_slice());
                    }
                    (dir, db, tree, batch)
                },
                |(dir, db, tree, batch)| {
                    tree.apply_batch(batch).expect("writing");
                    db.flush().expect("flushing");
                    (dir, db)
                },
                BatchSize::PerIteration,
            )
        });
        group.finish();
    }
}

fn commit(c: &mut Criterion) {
    let center = synthetic::center_code(1);
    for n in [1usize, 100, 1_000] {
        let envs: Vec<RecordEnvelope> =
            (0..n).map(|i| synthetic::budget_line(&center, i)).collect();
        let mut group = c.benchmark_group(format!("commit/{n}-records"));
        group.throughput(Throughput::Elements(n as u64));
        group
            .sample_size(20)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));

        let dir = tempdir();
        let store = Store::open(dir.path()).expect("opening a store");
        // Every batch carries newer revisions of the same keys, so every record is stored.
        let mut seq = 0u64;
        let mut next_batch = || {
            seq += 1;
            let batch: Vec<RecordEnvelope> = envs
                .iter()
                .cloned()
                .map(|mut e| {
                    e.revision = seq;
                    e
                })
                .collect();
            let ack = BatchAck {
                center: center.clone(),
                agent: "bench".into(),
                epoch: String::new(),
                digest: None,
                seq,
                replay: false,
                accepted: batch.iter().map(RecordEnvelope::key).collect(),
                duplicates: Vec::new(),
                rejected: Vec::new(),
            };
            (format!("{center}/bench/{seq}"), batch, ack)
        };
        group.bench_function("store-commit-batch", |b| {
            b.iter_batched(
                &mut next_batch,
                |(id, batch, ack)| store.commit_batch(&id, &batch, &ack).expect("committing"),
                BatchSize::SmallInput,
            )
        });

        let raw_dir = tempdir();
        let db = raw_sled(raw_dir.path());
        let tree = db.open_tree("records").expect("opening a tree");
        // The same bytes the store writes: newer revisions each time (sled skips rewriting a
        // value identical to the stored one, which would leave nothing to flush).
        let mut raw_seq = 0u64;
        let mut next_bytes = || {
            raw_seq += 1;
            let batch: Vec<RecordEnvelope> = envs
                .iter()
                .cloned()
                .map(|mut e| {
                    e.revision = raw_seq;
                    e
                })
                .collect();
            encoded(&batch)
        };
        group.bench_function("baseline-sled-insert-and-flush", |b| {
            b.iter_batched(
                &mut next_bytes,
                |bytes| {
                    for (k, v) in &bytes {
                        tree.insert(k.as_bytes(), v.as_slice()).expect("writing");
                    }
                    db.flush().expect("flushing")
                },
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, import, commit);
criterion_main!(benches);
