//! Board aggregation speed: every board rebuilt from scratch at three sizes, the incremental
//! `Dataset::apply` of one record, and the floor (one plain pass over the same records).
//!
//! Run with `cargo bench -p rasid-shared --bench aggregation`; figures and how to read them are
//! in docs/BENCHMARKS.md. Data is generated before any timing starts (bench/src/synthetic.rs).

#[path = "../../bench/src/synthetic.rs"]
mod synthetic;

use chrono::NaiveDate;
use criterion::measurement::WallTime;
use criterion::{
    BatchSize, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode, Throughput, criterion_group,
    criterion_main,
};
use rasid_shared::board::{
    BoardContext, BoardFilter, BoardName, Dataset, KpiThresholds, build_board,
};
use rasid_shared::model::{ExecutionStatus, Record, RecordEnvelope};
use std::hint::black_box;
use std::time::Duration;
use synthetic::Sizes;

const SIZES: [(&str, Sizes); 3] = [
    (
        "1k-decisions-10k-budget",
        Sizes {
            centers: 300,
            decisions: 1_000,
            budget_lines: 10_000,
        },
    ),
    (
        "10k-decisions-100k-budget",
        Sizes {
            centers: 300,
            decisions: 10_000,
            budget_lines: 100_000,
        },
    ),
    (
        "100k-decisions-1m-budget",
        Sizes {
            centers: 300,
            decisions: 100_000,
            budget_lines: 1_000_000,
        },
    ),
];

fn context() -> BoardContext {
    BoardContext {
        today: NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default(),
        kpi: KpiThresholds::default(),
    }
}

/// The floor: one pass over the records counting statuses and summing spending, the least any
/// aggregation over them must do.
fn floor_pass(records: &[RecordEnvelope]) -> ([u32; 4], i64) {
    let mut counts = [0u32; 4];
    let mut spent = 0i64;
    for e in records {
        match &e.record {
            Record::DecisionStatus(s) => {
                let i = match s.status {
                    ExecutionStatus::NotStarted => 0,
                    ExecutionStatus::InProgress => 1,
                    ExecutionStatus::Executed => 2,
                    ExecutionStatus::Blocked => 3,
                };
                counts[i] += 1;
            }
            Record::Budget(b) => spent += b.spent,
            _ => {}
        }
    }
    (counts, spent)
}

/// How `group` samples at `sizes`. Below a million budget lines: `samples` samples over 4 s.
/// At a million, an iteration takes tens of ms to seconds, so the same few iterations per
/// sample (not criterion's growing series), 10 samples over `largest`.
fn sample(
    group: &mut BenchmarkGroup<'_, WallTime>,
    sizes: Sizes,
    samples: usize,
    largest: Duration,
) {
    if sizes.budget_lines >= 1_000_000 {
        group.sampling_mode(SamplingMode::Flat);
        group
            .sample_size(10)
            .warm_up_time(Duration::from_secs(2))
            .measurement_time(largest);
    } else {
        group
            .sample_size(samples)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(4));
    }
}

fn rebuild(c: &mut Criterion) {
    let ctx = context();
    let filter = BoardFilter::default();
    for (label, sizes) in SIZES {
        let synthetic = synthetic::generate(sizes);
        let data = synthetic.dataset();
        let records = synthetic.records.len() as u64;
        let mut group = c.benchmark_group(format!("rebuild/{label}"));
        group.throughput(Throughput::Elements(records));
        // Seconds per iteration at the largest size.
        sample(&mut group, sizes, 20, Duration::from_secs(20));
        group.bench_function("floor", |b| {
            b.iter(|| floor_pass(black_box(&synthetic.records)))
        });
        for name in BoardName::ALL {
            group.bench_function(BenchmarkId::from_parameter(name.as_str()), |b| {
                b.iter(|| build_board(name, black_box(&data), &filter, &ctx))
            });
        }
        group.bench_function("all-boards", |b| {
            b.iter(|| BoardName::ALL.map(|name| build_board(name, black_box(&data), &filter, &ctx)))
        });
        group.bench_function("dataset-from-records", |b| {
            b.iter_batched(
                || synthetic.records.clone(),
                |records| Dataset::from_envelopes(synthetic.centers.clone(), records),
                BatchSize::LargeInput,
            )
        });
        group.finish();
    }
}

fn incremental(c: &mut Criterion) {
    let ctx = context();
    let filter = BoardFilter::default();
    for (label, sizes) in &SIZES {
        let synthetic = synthetic::generate(*sizes);
        let mut data = synthetic.dataset();
        let statuses: Vec<RecordEnvelope> = synthetic
            .records
            .iter()
            .filter(|e| matches!(e.record, Record::DecisionStatus(_)))
            .cloned()
            .collect();
        let mut group = c.benchmark_group(format!("incremental/{label}"));
        // A rebuild after each change takes tens of ms at the largest size.
        sample(&mut group, *sizes, 30, Duration::from_secs(10));
        // Every change is a newer revision of an existing status, cycling over all of them.
        let mut revision = 1u64;
        let mut next_change = move || {
            revision += 1;
            let mut env = statuses[revision as usize % statuses.len()].clone();
            env.revision = revision;
            if let Record::DecisionStatus(s) = &mut env.record {
                s.status = ExecutionStatus::InProgress;
                s.progress = (revision % 90) as u8 + 5;
            }
            env
        };
        group.bench_function("apply-one-status", |b| {
            b.iter_batched(
                &mut next_change,
                |env| data.apply(env),
                BatchSize::SmallInput,
            )
        });
        group.bench_function("apply-one-status-then-rebuild-decision-execution", |b| {
            b.iter_batched(
                &mut next_change,
                |env| {
                    data.apply(env);
                    build_board(BoardName::DecisionExecution, &data, &filter, &ctx)
                },
                BatchSize::SmallInput,
            )
        });
        group.finish();
    }
}

criterion_group!(benches, rebuild, incremental);
criterion_main!(benches);
