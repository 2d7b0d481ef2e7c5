//! Moved goalposts on histories whose moves are known: targets lowered, raised or kept, due dates
//! pushed back, brought forward or removed, applied in any order.

use super::*;
use crate::board::{BoardFilter, KpiThresholds, aggregate_kpi, aggregate_overdue};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real day")
}

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).expect("a center code")
}

fn env(center: &str, as_of: NaiveDate, revision: u64, record: Record) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of,
        revision,
        record,
    }
}

fn kpi(quarter: u8, annual: f64, target: f64, actual: f64) -> Record {
    Record::Kpi(KpiAchievement {
        program: "P1".into(),
        indicator: "I1".into(),
        name: "نسبة التغطية".into(),
        unit: "%".into(),
        year: 2023,
        quarter,
        annual_target: annual,
        quarter_target: target,
        actual,
        cost_planned: None,
        cost_actual: None,
    })
}

fn decision(item: u16, due: Option<NaiveDate>) -> Record {
    Record::Decision(Decision {
        number: DecisionNumber::new(18, 200, item),
        date: d(2023, 3, 1),
        kind: DecisionKind::Decision,
        title: "قرار".into(),
        routine: false,
        classification: Classification::default(),
        centers: vec![code("MOH")],
        due,
        links: vec![],
    })
}

fn status(item: u16, s: ExecutionStatus) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision: DecisionNumber::new(18, 200, item),
        status: s,
        progress: if s == ExecutionStatus::Executed {
            100
        } else {
            40
        },
        note: String::new(),
        follow_ups: vec![],
    })
}

fn kpi_board(envs: Vec<RecordEnvelope>) -> crate::board::KpiBoard {
    let data = Dataset::from_envelopes([], envs);
    aggregate_kpi(
        &data,
        &BoardFilter::default(),
        KpiThresholds::default(),
        d(2023, 12, 31),
    )
}

#[test]
fn a_lowered_quarter_target_is_listed_and_measured_against_both() {
    let b = kpi_board(vec![
        env("MOH", d(2023, 4, 2), 1, kpi(1, 400.0, 100.0, 0.0)),
        env("MOH", d(2023, 7, 5), 2, kpi(1, 400.0, 60.0, 55.0)),
    ]);
    assert_eq!(b.lowered_total, 1);
    let l = &b.lowered[0];
    assert_eq!(
        (l.quarter, l.first_quarter_target, l.quarter_target),
        (1, 100.0, 60.0)
    );
    assert_eq!((l.first_annual_target, l.annual_target), (400.0, 400.0));
    assert_eq!(
        (l.first_as_of, l.as_of, l.revision),
        (d(2023, 4, 2), d(2023, 7, 5), 2)
    );
    assert_eq!(l.center, code("MOH"));
    // 55 of 60 is 91.7%: met by the revised plan; 55 of the first 100 is 55%: missed.
    assert!((l.achievement_pct.expect("a target") - 91.666).abs() < 0.01);
    assert_eq!(l.achievement_first_pct, Some(55.0));
    let row = &b.rows[0];
    assert_eq!(row.first_quarter_target, Some(100.0));
    assert_eq!(row.achievement_first_pct, Some(55.0));
    assert_eq!(row.achievement, crate::board::Achievement::Met);
}

#[test]
fn the_first_revision_is_the_lowest_whatever_the_order_applied() {
    let b = kpi_board(vec![
        env("MOH", d(2023, 7, 5), 3, kpi(1, 400.0, 60.0, 55.0)),
        env("MOH", d(2023, 5, 1), 2, kpi(1, 400.0, 80.0, 10.0)),
        env("MOH", d(2023, 4, 2), 1, kpi(1, 400.0, 100.0, 0.0)),
    ]);
    assert_eq!(b.lowered.len(), 1);
    assert_eq!(b.lowered[0].first_quarter_target, 100.0);
    assert_eq!(b.lowered[0].quarter_target, 60.0);
    assert_eq!(
        b.lowered[0].revision, 3,
        "the current revision is the highest"
    );
    assert_eq!(b.rows[0].actual, 55.0);
}

#[test]
fn raised_or_unchanged_targets_are_not_listed() {
    let b = kpi_board(vec![
        env("MOH", d(2023, 4, 2), 1, kpi(1, 400.0, 100.0, 0.0)),
        env("MOH", d(2023, 7, 5), 2, kpi(1, 500.0, 120.0, 90.0)),
        env("MOH", d(2023, 7, 5), 1, kpi(2, 500.0, 100.0, 90.0)),
        env("MOH", d(2023, 8, 1), 2, kpi(2, 500.0, 100.0, 95.0)),
    ]);
    assert_eq!(b.lowered_total, 0);
    assert!(b.lowered.is_empty());
    assert!(b.rows.iter().all(|r| r.first_quarter_target.is_none()));
    assert!(b.rows.iter().all(|r| r.achievement_first_pct.is_none()));
}

#[test]
fn a_year_target_lowered_in_a_later_quarter_is_listed_once() {
    let b = kpi_board(vec![
        env("MOH", d(2023, 4, 2), 1, kpi(1, 400.0, 100.0, 90.0)),
        env("MOH", d(2023, 7, 2), 1, kpi(2, 300.0, 100.0, 90.0)),
        env("MOH", d(2023, 10, 2), 1, kpi(3, 300.0, 100.0, 90.0)),
    ]);
    assert_eq!(b.lowered_total, 1, "{:?}", b.lowered);
    let l = &b.lowered[0];
    assert_eq!(l.quarter, 3, "shown at the latest quarter");
    assert_eq!((l.first_annual_target, l.annual_target), (400.0, 300.0));
    assert_eq!((l.first_quarter_target, l.quarter_target), (100.0, 100.0));
}

#[test]
fn the_deepest_cut_comes_first() {
    let mut k2 = kpi(1, 400.0, 100.0, 0.0);
    if let Record::Kpi(k) = &mut k2 {
        k.indicator = "I2".into();
    }
    let mut k2_low = k2.clone();
    if let Record::Kpi(k) = &mut k2_low {
        k.quarter_target = 20.0;
    }
    let b = kpi_board(vec![
        env("MOH", d(2023, 4, 2), 1, kpi(1, 400.0, 100.0, 0.0)),
        env("MOH", d(2023, 7, 5), 2, kpi(1, 400.0, 90.0, 0.0)),
        env("MOH", d(2023, 4, 2), 1, k2),
        env("MOH", d(2023, 7, 5), 2, k2_low),
    ]);
    let order: Vec<&str> = b.lowered.iter().map(|l| l.indicator.as_str()).collect();
    assert_eq!(order, ["I2", "I1"]);
}

fn overdue(envs: Vec<RecordEnvelope>, today: NaiveDate) -> crate::board::OverdueBoard {
    let data = Dataset::from_envelopes([], envs);
    aggregate_overdue(&data, &BoardFilter::default(), today)
}

#[test]
fn a_due_date_moved_past_today_hides_a_late_decision_and_is_listed() {
    let b = overdue(
        vec![
            env("GSC", d(2023, 3, 1), 1, decision(1, Some(d(2023, 4, 1)))),
            env("GSC", d(2023, 5, 10), 2, decision(1, Some(d(2023, 9, 1)))),
            env(
                "MOH",
                d(2023, 5, 20),
                1,
                status(1, ExecutionStatus::InProgress),
            ),
        ],
        d(2023, 6, 1),
    );
    assert_eq!(b.total, 0, "on time by the revised plan");
    assert_eq!((b.moved_total, b.hidden_by_move), (1, 1));
    let m = &b.moved[0];
    assert_eq!((m.first_due, m.due), (d(2023, 4, 1), Some(d(2023, 9, 1))));
    assert_eq!(
        (m.by.as_str(), m.as_of, m.revision),
        ("GSC", d(2023, 5, 10), 2)
    );
    assert_eq!(m.first_as_of, d(2023, 3, 1));
    assert!(
        m.moved_after_due,
        "moved on 10 May, the first due day was 1 April"
    );
    assert_eq!(m.days_late_against_first, 61);
    assert_eq!(m.execution, Execution::InProgress);
}

#[test]
fn a_moved_decision_still_overdue_shows_both_delays() {
    let b = overdue(
        vec![
            env("GSC", d(2023, 3, 1), 1, decision(1, Some(d(2023, 4, 1)))),
            env("GSC", d(2023, 3, 20), 2, decision(1, Some(d(2023, 5, 1)))),
        ],
        d(2023, 6, 1),
    );
    assert_eq!(b.total, 1);
    let r = &b.rows[0];
    assert_eq!((r.due, r.days_overdue), (d(2023, 5, 1), 31));
    assert_eq!(
        (r.first_due, r.days_overdue_first),
        (Some(d(2023, 4, 1)), Some(61))
    );
    assert_eq!((b.moved_total, b.hidden_by_move), (1, 0));
    assert!(
        !b.moved[0].moved_after_due,
        "moved before the first due day"
    );
}

#[test]
fn a_removed_due_date_is_a_move_and_one_brought_forward_is_not() {
    let b = overdue(
        vec![
            env("GSC", d(2023, 3, 1), 1, decision(1, Some(d(2023, 4, 1)))),
            env("GSC", d(2023, 5, 1), 2, decision(1, None)),
            env("GSC", d(2023, 3, 1), 1, decision(2, Some(d(2023, 8, 1)))),
            env("GSC", d(2023, 4, 1), 2, decision(2, Some(d(2023, 5, 1)))),
        ],
        d(2023, 6, 1),
    );
    let moved: Vec<_> = b.moved.iter().map(|m| (m.number.item, m.due)).collect();
    assert_eq!(moved, [(1, None)]);
    assert_eq!(b.hidden_by_move, 1);
    assert_eq!(b.total, 1, "decision 2 is overdue by its earlier date");
    assert_eq!(
        b.rows[0].first_due, None,
        "brought forward: no earlier first date"
    );
}

#[test]
fn executed_and_routine_decisions_are_not_late_by_a_move() {
    let mut routine = decision(2, Some(d(2023, 4, 1)));
    let mut routine_moved = decision(2, Some(d(2023, 9, 1)));
    for r in [&mut routine, &mut routine_moved] {
        if let Record::Decision(x) = r {
            x.routine = true;
        }
    }
    let b = overdue(
        vec![
            env("GSC", d(2023, 3, 1), 1, decision(1, Some(d(2023, 4, 1)))),
            env("GSC", d(2023, 5, 1), 2, decision(1, Some(d(2023, 9, 1)))),
            env(
                "MOH",
                d(2023, 5, 2),
                1,
                status(1, ExecutionStatus::Executed),
            ),
            env("GSC", d(2023, 3, 1), 1, routine),
            env("GSC", d(2023, 5, 1), 2, routine_moved),
        ],
        d(2023, 6, 1),
    );
    assert_eq!(b.moved_total, 1, "the routine decision is left out");
    assert_eq!(b.moved[0].days_late_against_first, 0);
    assert_eq!(b.moved[0].execution, Execution::Executed);
    assert_eq!(b.hidden_by_move, 0);
}

#[test]
fn a_center_filter_lists_only_its_decisions() {
    let mut other = decision(2, Some(d(2023, 4, 1)));
    let mut other_moved = decision(2, Some(d(2023, 9, 1)));
    for r in [&mut other, &mut other_moved] {
        if let Record::Decision(x) = r {
            x.centers = vec![code("MOE")];
        }
    }
    let data = Dataset::from_envelopes(
        [],
        vec![
            env("GSC", d(2023, 3, 1), 1, decision(1, Some(d(2023, 4, 1)))),
            env("GSC", d(2023, 5, 1), 2, decision(1, Some(d(2023, 9, 1)))),
            env("GSC", d(2023, 3, 1), 1, other),
            env("GSC", d(2023, 5, 1), 2, other_moved),
        ],
    );
    let f = BoardFilter {
        center: Some(code("MOE")),
        ..Default::default()
    };
    let b = aggregate_overdue(&data, &f, d(2023, 6, 1));
    let moved: Vec<u16> = b.moved.iter().map(|m| m.number.item).collect();
    assert_eq!(moved, [2]);
}
