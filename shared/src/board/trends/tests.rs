//! Trends on generated histories whose trend is known, worked out by hand month by month.

use super::*;
use crate::board::{BoardFilter, aggregate_center_ranking};

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

fn decision(item: u16, date: NaiveDate, centers: &[&str], routine: bool) -> RecordEnvelope {
    env(
        "GSC",
        date,
        1,
        Record::Decision(Decision {
            number: DecisionNumber::new(18, 200, item),
            date,
            kind: DecisionKind::Decision,
            title: "قرار".into(),
            routine,
            classification: Classification::default(),
            centers: centers.iter().map(|c| code(c)).collect(),
            due: None,
            links: vec![],
        }),
    )
}

fn status(
    item: u16,
    center: &str,
    as_of: NaiveDate,
    rev: u64,
    s: ExecutionStatus,
) -> RecordEnvelope {
    env(
        center,
        as_of,
        rev,
        Record::DecisionStatus(DecisionStatus {
            decision: DecisionNumber::new(18, 200, item),
            status: s,
            progress: match s {
                ExecutionStatus::Executed => 100,
                ExecutionStatus::InProgress => 50,
                _ => 0,
            },
            note: String::new(),
            follow_ups: vec![],
        }),
    )
}

/// A (MOH), issued 10 January: in progress as of 5 February, executed as of 20 April.
/// B (MOH and MOF), issued 1 March: MOH executed as of 20 March; MOF not started as of 25 March,
/// executed as of 10 June. C, routine, executed: never counted. D, an assignment to MOF issued
/// 5 January and executed the next day: only in MOF's own rate.
fn history() -> Vec<RecordEnvelope> {
    use ExecutionStatus::*;
    vec![
        decision(1, d(2023, 1, 10), &["MOH"], false),
        decision(2, d(2023, 3, 1), &["MOH", "MOF"], false),
        decision(3, d(2023, 1, 2), &["MOH"], true),
        status(1, "MOH", d(2023, 4, 20), 2, Executed),
        status(1, "MOH", d(2023, 2, 5), 1, InProgress),
        status(2, "MOH", d(2023, 3, 20), 1, Executed),
        status(2, "MOF", d(2023, 3, 25), 1, NotStarted),
        status(2, "MOF", d(2023, 6, 10), 2, Executed),
        status(3, "MOH", d(2023, 1, 3), 1, Executed),
        assignment(4, d(2023, 1, 5), "MOF"),
        status(4, "MOF", d(2023, 1, 6), 1, Executed),
    ]
}

/// An assignment: not in the trend of decisions, in its center's sparkline.
fn assignment(item: u16, date: NaiveDate, center: &str) -> RecordEnvelope {
    let mut e = decision(item, date, &[center], false);
    if let Record::Decision(d) = &mut e.record {
        d.kind = DecisionKind::Assignment;
    }
    e
}

fn rates(b: &TrendsBoard) -> Vec<Option<i64>> {
    b.execution
        .iter()
        .map(|p| p.rate.map(|r| r.round() as i64))
        .collect()
}

#[test]
fn the_execution_rate_month_by_month_is_what_each_month_end_showed() {
    let data = Dataset::from_envelopes([], history());
    let b = aggregate_trends(&data, &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!(b.year, Some(2023));
    // January: A unreported. February: A in progress. March: B in progress (MOF not started).
    // April, May: A executed. 15 June: B executed too.
    assert_eq!(
        rates(&b),
        [None, Some(0), Some(0), Some(50), Some(50), Some(100)]
    );
    let days: Vec<NaiveDate> = b.execution.iter().map(|p| p.day).collect();
    assert_eq!(days[0], d(2023, 1, 31));
    assert_eq!(days[1], d(2023, 2, 28));
    assert_eq!(days[5], d(2023, 6, 15), "the current month ends today");
    assert_eq!(b.execution[0].counts.unreported, 1);
    assert_eq!(b.execution[2].counts.in_progress, 2);
    assert_eq!(b.as_of, Some(d(2023, 6, 10)));
}

#[test]
fn revisions_applied_in_any_order_give_the_same_trend() {
    let mut envs = history();
    envs.reverse();
    let data = Dataset::from_envelopes([], envs);
    let b = aggregate_trends(&data, &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!(
        rates(&b),
        [None, Some(0), Some(0), Some(50), Some(50), Some(100)]
    );
}

#[test]
fn each_center_has_its_own_rate_month_by_month_on_the_centers_board() {
    let data = Dataset::from_envelopes([], history());
    let b = aggregate_center_ranking(&data, &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!(b.trend_year, Some(2023));
    let trend = |c: &str| -> Vec<Option<i64>> {
        b.rows
            .iter()
            .find(|r| r.center.as_str() == c)
            .expect("a row")
            .trend
            .iter()
            .map(|r| r.map(|x| x.round() as i64))
            .collect()
    };
    // MOH: A in progress from February; B executed from 20 March; A executed from April.
    assert_eq!(
        trend("MOH"),
        [None, Some(0), Some(50), Some(100), Some(100), Some(100)]
    );
    // MOF: D executed from January; B issued in March, not started until executed on 10 June.
    assert_eq!(
        trend("MOF"),
        [
            Some(100),
            Some(100),
            Some(50),
            Some(50),
            Some(50),
            Some(100)
        ]
    );
}

#[test]
fn a_center_filter_counts_only_that_centers_part() {
    let data = Dataset::from_envelopes([], history());
    let f = BoardFilter {
        center: Some(code("MOF")),
        ..Default::default()
    };
    let b = aggregate_trends(&data, &f, d(2023, 6, 15));
    assert_eq!(
        rates(&b),
        [None, None, Some(0), Some(0), Some(0), Some(100)]
    );
}

#[test]
fn a_past_year_has_twelve_months_and_a_later_one_none() {
    let data = Dataset::from_envelopes([], history());
    let past = aggregate_trends(&data, &BoardFilter::default(), d(2024, 2, 1));
    assert_eq!(past.execution.len(), 12);
    assert_eq!(past.execution[11].day, d(2023, 12, 31));
    assert_eq!(past.execution[11].rate, Some(100.0));
    let later = BoardFilter {
        year: Some(2024),
        ..Default::default()
    };
    let b = aggregate_trends(&data, &later, d(2023, 6, 15));
    assert!(b.execution.is_empty());
    let empty = aggregate_trends(&Dataset::default(), &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!((empty.year, empty.execution.len()), (None, 0));
}

fn budget(year: i32, month: u8, allocated: i64, spent: i64) -> RecordEnvelope {
    env(
        "MOH",
        d(year, u32::from(month), 28),
        1,
        Record::Budget(BudgetLine {
            fiscal_year: year,
            month,
            program: "P1".into(),
            category: BudgetCategory::Operating,
            allocated,
            revised: None,
            committed: 0,
            spent,
            currency: "ILS".into(),
        }),
    )
}

#[test]
fn spending_is_set_against_the_same_month_of_the_year_before() {
    let mut envs = history();
    // 2023: 1,200 allocated, 100 spent a month through March. 2022: 2,400, 60 a month all year.
    envs.extend((1..=3).map(|m| budget(2023, m, 1200, 100)));
    envs.extend((1..=12).map(|m| budget(2022, m, 2400, 60)));
    let data = Dataset::from_envelopes([], envs);
    let b = aggregate_trends(&data, &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!(b.currency, "ILS");
    let points: Vec<(u8, i64, i64)> = b
        .spending
        .iter()
        .map(|p| {
            (
                p.month,
                (p.rate.expect("reported") * 100.0).round() as i64,
                (p.previous_year_rate.expect("reported") * 100.0).round() as i64,
            )
        })
        .collect();
    // 100/1,200 = 8.33% a month; 60/2,400 = 2.5% a month.
    assert_eq!(points, [(1, 833, 250), (2, 1667, 500), (3, 2500, 750)]);
}

#[test]
fn without_last_years_budget_its_rate_is_absent_not_zero() {
    let mut envs = history();
    envs.push(budget(2023, 1, 1200, 100));
    let data = Dataset::from_envelopes([], envs);
    let b = aggregate_trends(&data, &BoardFilter::default(), d(2023, 6, 15));
    assert_eq!(b.spending.len(), 1);
    assert_eq!(b.spending[0].previous_year_rate, None);
}
