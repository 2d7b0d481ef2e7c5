//! The legislation board on plans counted by hand.

use super::*;
use crate::board::BoardFilter;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("a real day")
}

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).expect("a center code")
}

/// Item `code` of `year`'s plan reported by GSC-LEGAL, `responsible` for it; done on `done`
/// when given (at its type's last stage), else at `stage`.
fn item(
    code_: &str,
    t: LegislationType,
    stage: LegislationStage,
    responsible: &str,
    year: i32,
    planned: Option<u8>,
    done: Option<NaiveDate>,
) -> RecordEnvelope {
    RecordEnvelope {
        center: code("GSC-LEGAL"),
        as_of: d(year, 12, 20),
        revision: 1,
        record: Record::Legislation(LegislationItem {
            code: code_.into(),
            title: format!("مشروع {code_}"),
            item_type: t,
            stage: if done.is_some() {
                t.last_stage()
            } else {
                stage
            },
            responsible: code(responsible),
            year,
            planned_quarter: planned,
            done,
        }),
    }
}

fn memos(year: i32, quarter: u8, n: u32) -> RecordEnvelope {
    RecordEnvelope {
        center: code("GSC-LEGAL"),
        as_of: d(year, u32::from(quarter) * 3, 28),
        revision: 1,
        record: Record::LegalMemoranda(LegalMemoranda {
            year,
            quarter,
            memoranda: n,
        }),
    }
}

use LegislationStage::*;
use LegislationType::*;

fn plan() -> Vec<RecordEnvelope> {
    vec![
        // Laws: two planned (one forwarded in Q4, one in readings planned for Q2: late by 2
        // quarters on 31 December), one outside the plan and approved (not done: a law is done
        // when forwarded).
        item(
            "L1",
            Law,
            Forwarded,
            "MOJ",
            2023,
            Some(3),
            Some(d(2023, 11, 5)),
        ),
        item("L2", Law, Readings, "MOH", 2023, Some(2), None),
        item("L3", Law, Approved, "MOF", 2023, None, None),
        // Regulations: one approved in Q1 (planned Q1), one drafting planned for Q4 (not late on
        // 31 December: its quarter ends that day).
        item(
            "R1",
            Regulation,
            Approved,
            "MOH",
            2023,
            Some(1),
            Some(d(2023, 2, 1)),
        ),
        item("R2", Regulation, Drafting, "MOI", 2023, Some(4), None),
        // A strategy in consultation planned for Q3: late by one quarter.
        item("S1", Strategy, Consultation, "MOE", 2023, Some(3), None),
        // Another year's plan: not counted.
        item("L9", Law, Drafting, "MOH", 2022, Some(1), None),
        memos(2023, 1, 300),
        memos(2023, 4, 250),
        memos(2022, 4, 999),
    ]
}

fn board(envs: Vec<RecordEnvelope>, f: &BoardFilter, today: NaiveDate) -> LegislationBoard {
    let data = Dataset::from_envelopes([], envs);
    aggregate_legislation(&data, f, today)
}

#[test]
fn a_past_years_plan_is_counted_at_its_last_day() {
    let b = board(plan(), &BoardFilter::default(), d(2024, 2, 12));
    assert_eq!(b.year, Some(2023));
    assert_eq!(b.day, Some(d(2023, 12, 31)));
    // Planned: L1, L2, R1, R2, S1; done L1 and R1: 2 of 5.
    assert_eq!((b.plan.items, b.plan.done), (5, 2));
    assert_eq!(b.plan_rate, Some(40.0));
    assert_eq!((b.outside_plan.items, b.outside_plan.done), (1, 0));
    let types: Vec<(LegislationType, u64, u64)> = b
        .by_type
        .iter()
        .map(|r| (r.item_type, r.counts.done, r.counts.in_progress()))
        .collect();
    assert_eq!(types, [(Law, 1, 2), (Regulation, 1, 1), (Strategy, 0, 1)]);
    let stages: Vec<(LegislationStage, u64)> =
        b.open_by_stage.iter().map(|r| (r.stage, r.items)).collect();
    assert_eq!(
        stages,
        [
            (Drafting, 1),
            (Consultation, 1),
            (Readings, 1),
            (Approved, 1)
        ]
    );
    let late: Vec<(&str, u32)> = b
        .late
        .iter()
        .map(|r| (r.code.as_str(), r.quarters_late))
        .collect();
    assert_eq!(late, [("L2", 2), ("S1", 1)]);
    assert_eq!(b.this_quarter, Some(4));
    let done: Vec<&str> = b
        .done_this_quarter
        .iter()
        .map(|r| r.code.as_str())
        .collect();
    assert_eq!(done, ["L1"]);
    assert_eq!(b.memoranda, 550);
    let quarters: Vec<(u8, u64)> = b
        .memoranda_quarters
        .iter()
        .map(|q| (q.quarter, q.memoranda))
        .collect();
    assert_eq!(quarters, [(1, 300), (4, 250)]);
}

#[test]
fn the_current_year_counts_late_against_today() {
    // On 20 August (Q3): L2 (planned Q2) is one quarter late; S1 (Q3) and R2 (Q4) are not yet.
    let b = board(plan(), &BoardFilter::default(), d(2023, 8, 20));
    assert_eq!(b.day, Some(d(2023, 8, 20)));
    assert_eq!(b.this_quarter, Some(3));
    let late: Vec<(&str, u32)> = b
        .late
        .iter()
        .map(|r| (r.code.as_str(), r.quarters_late))
        .collect();
    assert_eq!(late, [("L2", 1)]);
    // Nothing was done in Q3.
    assert!(b.done_this_quarter.is_empty());
}

#[test]
fn a_center_sees_the_items_it_is_responsible_for() {
    let f = BoardFilter {
        center: Some(code("MOH")),
        ..BoardFilter::default()
    };
    let b = board(plan(), &f, d(2024, 2, 12));
    // L2 and R1 (L9 is 2022's); the memoranda are the legal affairs', not MOH's.
    assert_eq!((b.plan.items, b.plan.done), (2, 1));
    assert_eq!(b.memoranda, 0);
    assert_eq!(b.late.len(), 1);
    assert_eq!(b.late[0].responsible_ar, "MOH");
}

#[test]
fn no_plan_and_no_memoranda_is_an_empty_board_without_a_year() {
    let b = board(Vec::new(), &BoardFilter::default(), d(2024, 2, 12));
    assert_eq!(b.year, None);
    assert_eq!(b.as_of, None);
    assert!(b.by_type.is_empty());
    // A year asked for with nothing in it is empty too.
    let f = BoardFilter {
        year: Some(2021),
        ..BoardFilter::default()
    };
    let b = board(plan(), &f, d(2024, 2, 12));
    assert_eq!((b.year, b.plan.items, b.memoranda), (None, 0, 0));
}

#[test]
fn memoranda_alone_make_a_board() {
    let b = board(
        vec![memos(2023, 2, 12)],
        &BoardFilter::default(),
        d(2024, 2, 12),
    );
    assert_eq!((b.year, b.memoranda, b.plan_rate), (Some(2023), 12, None));
}
