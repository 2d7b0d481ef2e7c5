//! Large generated import files, written as a clerk's system would export them (JSON in the
//! agent's import format), with the envelopes they must become at the collector (the oracle).

use chrono::NaiveDate;
use rasid_shared::model::{BudgetCategory, BudgetLine, CenterCode, Record, RecordEnvelope};
use serde_json::{Value, json};
use std::path::Path;

/// `n` distinct monthly budget lines of `center` for fiscal `year`: programs `P00000…`, each
/// with 12 months × 3 categories, amounts varying with the row number.
pub fn budget_lines(center: &str, year: i32, n: usize) -> Vec<RecordEnvelope> {
    let center = CenterCode::new(center).unwrap_or_else(|e| panic!("{e}"));
    let as_of = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    let categories = [
        BudgetCategory::Operating,
        BudgetCategory::Development,
        BudgetCategory::Salaries,
    ];
    (0..n)
        .map(|i| {
            let line = BudgetLine {
                fiscal_year: year,
                month: (i % 12) as u8 + 1,
                program: format!("P{:05}", i / 36),
                category: categories[(i / 12) % 3],
                allocated: 100_000 + (i as i64 * 37) % 90_000,
                revised: if i % 7 == 0 {
                    Some(120_000 + i as i64 % 1_000)
                } else {
                    None
                },
                committed: (i as i64 * 13) % 50_000,
                spent: (i as i64 * 29) % 80_000,
                currency: "ILS".into(),
            };
            RecordEnvelope {
                center: center.clone(),
                as_of,
                revision: 1,
                record: Record::Budget(line),
            }
        })
        .collect()
}

/// Writes `envs` (all of one center) as an import file `{"center": …, "records": [rows]}`.
pub fn write_json(path: &Path, envs: &[RecordEnvelope]) {
    let center = envs
        .first()
        .map(|e| e.center.to_string())
        .unwrap_or_default();
    let rows: Vec<Value> = envs
        .iter()
        .map(|e| {
            let mut v = serde_json::to_value(&e.record).unwrap_or(Value::Null);
            if let Value::Object(o) = &mut v {
                o.remove("record");
                o.insert("as_of".into(), json!(e.as_of));
            }
            v
        })
        .collect();
    let text = serde_json::to_string(&json!({ "center": center, "records": rows }))
        .unwrap_or_else(|e| panic!("encoding {}: {e}", path.display()));
    std::fs::write(path, text).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}
