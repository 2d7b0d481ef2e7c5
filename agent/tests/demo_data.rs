//! `rasid-agent demo-data` writes files that, read back through the agent's own import and the
//! shared aggregation, reproduce the 2023 annual report's figures.

use rasid_agent::import::{ImportOptions, read_file};
use rasid_collector::registry::Registry;
use rasid_shared::board::*;
use rasid_shared::demo::figures;
use rasid_shared::model::{CenterCode, RecordEnvelope};
use std::process::Command;

fn pct(n: u32, c: &ExecutionCounts) -> i64 {
    c.percent(n).map(|p| p.round() as i64).unwrap_or(-1)
}

#[test]
fn demo_data_files_reproduce_the_annual_report() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let status = Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .args(["demo-data", "--out"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());

    let registry =
        Registry::parse(&std::fs::read_to_string(out.join("centers.toml")).unwrap()).unwrap();
    let mut envs = Vec::new();
    for entry in std::fs::read_dir(&out).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_dir() || path.ends_with("keys") {
            continue;
        }
        let center = CenterCode::new(path.file_name().unwrap().to_str().unwrap()).unwrap();
        assert!(
            registry.centers.contains_key(&center),
            "{center} is registered"
        );
        for file in std::fs::read_dir(&path).unwrap() {
            let file = file.unwrap().path();
            let opts = ImportOptions {
                center: center.clone(),
                as_of: chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
                today: rasid_shared::demo::demo_today(),
                kind: None,
                encoding: None,
                calendar: None,
            };
            let rows = read_file(&file, &opts, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
            envs.extend(rows.into_iter().map(|r| RecordEnvelope {
                center: center.clone(),
                as_of: r.as_of,
                revision: 1,
                record: r.record,
            }));
        }
    }
    let data = Dataset::from_envelopes(registry.centers.into_values(), envs);
    let all = BoardFilter::default();

    let d = aggregate_decision_execution(&data, &all);
    assert_eq!((d.issued_decisions, d.issued_assignments), (776, 647));
    assert_eq!(d.routine_excluded, figures::ROUTINE_DECISIONS);
    assert_eq!(
        [
            pct(d.decisions.executed, &d.decisions),
            pct(d.decisions.in_progress, &d.decisions),
            pct(d.decisions.not_started, &d.decisions)
        ],
        [45, 37, 18]
    );
    assert_eq!(
        [
            pct(d.assignments.executed, &d.assignments),
            pct(d.assignments.in_progress, &d.assignments),
            pct(d.assignments.not_started, &d.assignments)
        ],
        [50, 37, 13]
    );

    let c = aggregate_committees(&data, &all, rasid_shared::demo::demo_today());
    assert_eq!(
        (
            c.committees,
            c.meetings,
            c.recommendations_submitted,
            c.recommendations_approved
        ),
        (72, 300, 214, 195)
    );

    let gsc = BoardFilter {
        center: Some(CenterCode::new("GSC").unwrap()),
        year: Some(2023),
        period: None,
        by: None,
    };
    let b = aggregate_budget(&data, &gsc, rasid_shared::demo::demo_today());
    assert_eq!((b.total.allocated, b.total.spent), (3_222_036, 2_161_594));
    assert_eq!(b.currency, "ILS");
}
