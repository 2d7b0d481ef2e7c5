//! The centers' trends and the trends board as computed before they were made fast (commit
//! d9b0c08): the reference the property tests in `trends/oracle_tests.rs` hold
//! [`super::center_trends`] and [`super::aggregate_trends`] to. Test-only; its code is the old
//! code, unchanged but for its imports (`months_through` and `spending_rates`, unchanged, are
//! the board's own).

use super::super::decisions::{filtered, responsible_within};
use super::super::{BoardFilter, Dataset, ExecutionCounts, combine_statuses, default_year};
use super::{ExecutionPoint, SpendingPoint, TrendsBoard, months_through, spending_rates};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use std::collections::BTreeMap;

/// Each responsible center's own execution rate at each of `days` (within the filter's center):
/// executed over reported, as the centers board counts it. One value per day, `None` where the
/// center had reported nothing by then.
pub(super) fn center_trends(
    data: &Dataset,
    f: &BoardFilter,
    days: &[NaiveDate],
) -> BTreeMap<CenterCode, Vec<Option<f64>>> {
    let mut out: BTreeMap<CenterCode, Vec<Option<f64>>> = BTreeMap::new();
    for (i, day) in days.iter().enumerate() {
        let mut counts: BTreeMap<&CenterCode, ExecutionCounts> = BTreeMap::new();
        for d in filtered(data, f).filter(|d| !d.routine && d.date <= *day) {
            for c in responsible_within(data, d, f.center.as_ref()) {
                let s = data.status_on(&d.number, c, *day).map(|p| p.status);
                counts.entry(c).or_default().add(combine_statuses(&[s]));
            }
        }
        for (c, n) in counts {
            out.entry(c.clone())
                .or_insert_with(|| vec![None; days.len()])[i] = n.percent(n.executed);
        }
    }
    out
}

/// The execution of the filter's non-routine decisions (not assignments: the decision-execution
/// board's headline share) on `day`, those issued by then.
fn execution_on(data: &Dataset, f: &BoardFilter, day: NaiveDate) -> ExecutionCounts {
    let mut counts = ExecutionCounts::default();
    let counted = |d: &&Decision| !d.routine && d.kind == DecisionKind::Decision && d.date <= day;
    for d in filtered(data, f).filter(counted) {
        let statuses: Vec<Option<ExecutionStatus>> = responsible_within(data, d, f.center.as_ref())
            .map(|c| data.status_on(&d.number, c, day).map(|p| p.status))
            .collect();
        counts.add(combine_statuses(&statuses));
    }
    counts
}

/// Board `trends` of the filter's center and year as of `today`.
pub(super) fn aggregate_trends(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> TrendsBoard {
    let year = f
        .year
        .or_else(|| default_year(data.decisions.values().map(|d| d.value.date.year()), today));
    let Some(year) = year else {
        return TrendsBoard {
            as_of: None,
            year: None,
            execution: vec![],
            currency: String::new(),
            spending: vec![],
        };
    };
    let in_year = BoardFilter {
        year: Some(year),
        ..f.clone()
    };
    let execution: Vec<ExecutionPoint> = months_through(year, today)
        .into_iter()
        .map(|(month, day)| {
            let counts = execution_on(data, &in_year, day);
            ExecutionPoint {
                month,
                day,
                rate: counts.percent(counts.executed),
                counts,
            }
        })
        .collect();
    let as_of = filtered(data, &in_year)
        .flat_map(|d| {
            responsible_within(data, d, f.center.as_ref())
                .filter_map(|c| data.status_of(&d.number, c).map(|s| s.as_of))
        })
        .max();
    let (currency, this_year) = spending_rates(data, f, year, today);
    let (_, last_year) = spending_rates(data, f, year.saturating_sub(1), today);
    let last_month = this_year.keys().max().copied().unwrap_or(0);
    let spending = (1..=last_month)
        .map(|month| SpendingPoint {
            month,
            rate: this_year.get(&month).copied(),
            previous_year_rate: last_year.get(&month).copied(),
        })
        .collect();
    TrendsBoard {
        as_of,
        year: Some(year),
        execution,
        currency,
        spending,
    }
}
