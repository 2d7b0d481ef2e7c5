//! Random datasets for the property tests that hold a board to its reference implementation (the
//! code it had before it was made fast). Test-only.
//!
//! Centers in a hierarchy (and one that is not registered), budget lines over several years,
//! months (0 and 13 among them), currencies, programs and categories, with amounts from negative
//! to [`MAX_AMOUNT`] so that sums saturate; KPI achievements; and records of every other kind,
//! taken from the demo with another center and day.

use super::{Activity, BoardFilter, CenterActivity, Dataset, Period};
use crate::demo;
use crate::model::validate::MAX_AMOUNT;
use crate::model::*;
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The centers records come from: `MOF-B` reports through `MOF`, `MOF-B-1` through `MOF-B`,
/// `MOH-A` through `MOH`; `GONE` is not registered. Codes with `-` sort before their parent's in
/// a record key (`budget/MOF-B/…` < `budget/MOF/…`) and after it as codes.
pub(super) const CODES: [&str; 7] = ["MOF", "MOF-B", "MOF-B-1", "MOH", "MOH-A", "GSC", "GONE"];

/// The registry: every code of [`CODES`] but `GONE`, with its parent.
pub(super) fn registry() -> Vec<Center> {
    let parent = |c: &str| match c {
        "MOF-B" => Some("MOF"),
        "MOF-B-1" => Some("MOF-B"),
        "MOH-A" => Some("MOH"),
        _ => None,
    };
    CODES
        .iter()
        .filter(|c| **c != "GONE")
        .map(|c| Center {
            code: code(c),
            name_ar: format!("مركز {c}"),
            name_en: format!("Center {c}"),
            parent: parent(c).map(code),
        })
        .collect()
}

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).unwrap_or_else(|e| panic!("{c}: {e}"))
}

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2022, 1, 1).unwrap_or_default() + chrono::Duration::days(offset)
}

/// A day from January 2022 to the end of 2026.
pub(super) fn arb_day() -> impl Strategy<Value = NaiveDate> {
    (0i64..1826).prop_map(day)
}

/// An amount: mostly small, often within a thousand of [`MAX_AMOUNT`]; sometimes beyond it, a
/// half of `i64::MAX` (two of those saturate a sum), or negative. Validation refuses the last
/// two, but the sums must not depend on it: where a sum saturates, and what it is after.
fn arb_amount() -> impl Strategy<Value = i64> {
    const HUGE: i64 = i64::MAX / 2;
    prop_oneof![
        3 => 0i64..1_000,
        3 => (MAX_AMOUNT - 1_000)..=MAX_AMOUNT,
        2 => (HUGE - 1_000)..=HUGE,
        1 => -1_000i64..0,
    ]
}

fn arb_code() -> impl Strategy<Value = CenterCode> {
    (0..CODES.len()).prop_map(|i| code(CODES[i]))
}

fn arb_budget_line() -> impl Strategy<Value = RecordEnvelope> {
    // Most lines in one year, so that a year's sums saturate.
    let year = prop_oneof![3 => Just(2023), 2 => 2021i32..=2025];
    let month = prop_oneof![20 => 1u8..=12, 1 => Just(0u8), 1 => Just(13u8)];
    let category = prop_oneof![
        Just(BudgetCategory::Operating),
        Just(BudgetCategory::Development),
        Just(BudgetCategory::Salaries),
    ];
    let currency = prop_oneof![4 => Just("ILS"), 2 => Just("USD"), 1 => Just("JOD")];
    let program = prop_oneof![Just("P1"), Just("P2"), Just("برنامج 3"), Just("P10")];
    (
        (arb_code(), arb_day(), 1u64..=3, year, month),
        (program, category, currency),
        (
            arb_amount(),
            proptest::option::of(arb_amount()),
            arb_amount(),
            arb_amount(),
        ),
    )
        .prop_map(
            |(
                (center, as_of, revision, fiscal_year, month),
                (program, category, currency),
                (allocated, revised, committed, spent),
            )| RecordEnvelope {
                center,
                as_of,
                revision,
                record: Record::Budget(BudgetLine {
                    fiscal_year,
                    month,
                    program: program.into(),
                    category,
                    allocated,
                    revised,
                    committed,
                    spent,
                    currency: currency.into(),
                }),
            },
        )
}

fn arb_kpi() -> impl Strategy<Value = RecordEnvelope> {
    (arb_code(), arb_day(), 2021i32..=2025, 1u8..=4, 0usize..3).prop_map(
        |(center, as_of, year, quarter, indicator)| RecordEnvelope {
            center,
            as_of,
            revision: 1,
            record: Record::Kpi(KpiAchievement {
                program: "P1".into(),
                indicator: format!("I{indicator}"),
                name: "n".into(),
                unit: "u".into(),
                year,
                quarter,
                annual_target: 4.0,
                quarter_target: 1.0,
                actual: 1.0,
                cost_planned: None,
                cost_actual: None,
            }),
        },
    )
}

/// The demo's records of every kind but budget lines and KPIs.
fn templates() -> &'static [RecordEnvelope] {
    static TEMPLATES: OnceLock<Vec<RecordEnvelope>> = OnceLock::new();
    TEMPLATES.get_or_init(|| {
        demo::generate()
            .records
            .into_iter()
            .filter(|e| !matches!(e.record, Record::Budget(_) | Record::Kpi(_)))
            .collect()
    })
}

/// A record of another kind: one of the demo's, reported by another center on another day.
fn arb_other() -> impl Strategy<Value = RecordEnvelope> {
    (any::<prop::sample::Index>(), arb_code(), arb_day()).prop_map(|(i, center, as_of)| {
        let t = templates();
        RecordEnvelope {
            center,
            as_of,
            ..t[i.index(t.len())].clone()
        }
    })
}

/// A dataset: up to 150 budget lines, 20 KPI achievements and 30 other records.
pub(super) fn arb_dataset() -> impl Strategy<Value = Dataset> {
    (
        proptest::collection::vec(arb_budget_line(), 0..150),
        proptest::collection::vec(arb_kpi(), 0..20),
        proptest::collection::vec(arb_other(), 0..30),
        proptest::collection::btree_set(prop_oneof![Just("hall-1"), Just("lobby")], 0..=2),
    )
        .prop_map(|(budget, kpis, others, walls)| {
            let mut data =
                Dataset::from_envelopes(registry(), budget.into_iter().chain(kpis).chain(others));
            data.walls = walls.into_iter().map(String::from).collect();
            data
        })
}

/// Any period, or none.
pub(super) fn arb_period() -> impl Strategy<Value = Option<Period>> {
    prop_oneof![
        Just(None),
        (1u8..=12).prop_map(|m| Some(Period::Month(m))),
        (1u8..=3).prop_map(|t| Some(Period::FourMonths(t))),
        (1u8..=4).prop_map(|q| Some(Period::Quarter(q))),
        Just(Some(Period::Year)),
    ]
}

/// A filter: any center of [`CODES`], one nobody reports as, or none; a year with lines, one
/// without, or none; any period.
pub(super) fn arb_filter() -> impl Strategy<Value = BoardFilter> {
    let center = prop_oneof![
        2 => Just(None),
        3 => arb_code().prop_map(Some),
        1 => Just(Some(code("NONE"))),
    ];
    let year = prop_oneof![Just(None), (2020i32..=2026).prop_map(Some)];
    (center, year, arb_period()).prop_map(|(center, year, period)| BoardFilter {
        center,
        year,
        period,
        by: None,
    })
}

fn arb_time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..1826 * 86_400).prop_map(|s| {
        Utc.timestamp_opt(1_640_995_200 + s, 0)
            .single()
            .unwrap_or_default()
    })
}

/// What a collector heard: some centers (`GONE` among them), kiosks and walls.
pub(super) fn arb_activity() -> impl Strategy<Value = Activity> {
    (
        proptest::collection::btree_map(
            arb_code(),
            (
                proptest::option::of(arb_time()),
                proptest::option::of(arb_time()),
            ),
            0..4,
        ),
        proptest::collection::btree_map(prop_oneof![Just("k1"), Just("k2")], arb_time(), 0..=2),
        proptest::collection::btree_map(
            prop_oneof![Just("hall-1"), Just("old")],
            arb_time(),
            0..=2,
        ),
    )
        .prop_map(|(centers, kiosks, walls)| Activity {
            centers: centers
                .into_iter()
                .map(|(c, (last_heard, last_received))| {
                    (
                        c,
                        CenterActivity {
                            last_heard,
                            last_received,
                        },
                    )
                })
                .collect(),
            kiosks: kiosks.into_iter().map(|(k, t)| (k.into(), t)).collect(),
            walls: walls.into_iter().map(|(w, t)| (w.into(), t)).collect(),
        })
}

/// Decisions 1 to 12 of session 100, each with one to three responsible centers of [`CODES`],
/// issued in 2022–2025, some routine, some assignments; and statuses on them, each center's in up
/// to three revisions (the history the trends read), some by centers not responsible.
pub(super) fn arb_decisions() -> impl Strategy<Value = Vec<RecordEnvelope>> {
    let decision = (
        arb_day(),
        any::<bool>(),
        prop_oneof![3 => Just(false), 1 => Just(true)],
        proptest::collection::vec(arb_code(), 1..=3),
    );
    let status = (
        0u16..12,
        arb_code(),
        arb_day(),
        1u64..=3,
        prop_oneof![
            Just(ExecutionStatus::NotStarted),
            Just(ExecutionStatus::InProgress),
            Just(ExecutionStatus::Executed),
            Just(ExecutionStatus::Blocked),
        ],
    );
    (
        proptest::collection::vec(decision, 0..12),
        proptest::collection::vec(status, 0..60),
    )
        .prop_map(|(decisions, statuses)| {
            let number = |i: u16| DecisionNumber::new(18, 100, i + 1);
            let mut out: Vec<RecordEnvelope> = Vec::new();
            for (i, (date, assignment, routine, centers)) in decisions.into_iter().enumerate() {
                out.push(RecordEnvelope {
                    center: code("GSC"),
                    as_of: date,
                    revision: 1,
                    record: Record::Decision(Decision {
                        number: number(i as u16),
                        date,
                        kind: if assignment {
                            DecisionKind::Assignment
                        } else {
                            DecisionKind::Decision
                        },
                        title: "t".into(),
                        routine,
                        classification: Classification::default(),
                        centers,
                        due: None,
                        links: Vec::new(),
                    }),
                });
            }
            for (i, center, as_of, revision, status) in statuses {
                out.push(RecordEnvelope {
                    center,
                    as_of,
                    revision,
                    record: Record::DecisionStatus(DecisionStatus {
                        decision: number(i),
                        status,
                        progress: 50,
                        note: String::new(),
                        follow_ups: Vec::new(),
                    }),
                });
            }
            out
        })
}
