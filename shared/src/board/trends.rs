//! Board `trends`: the year month by month, from the history of revisions. The execution rate of
//! decisions at each month's end (what the decision-execution board's share of decisions executed
//! would have said that day), and per responsible center (decisions and assignments, as the
//! centers board counts them: its sparklines); and the budget's spending rate at each month's end against
//! the same month of the year before.

use super::decisions::{filtered, responsible_within};
use super::{
    BoardFilter, Dataset, ExecutionCounts, StatusPoint, aggregate_budget, combine_statuses,
    default_year,
};
use crate::model::*;
use chrono::{Datelike, Months, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The decisions' execution at the end of one month.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ExecutionPoint {
    /// The month, 1 to 12.
    pub month: u8,
    /// The day counted to: the month's last day, or the board's day in its current month.
    pub day: NaiveDate,
    /// Non-routine decisions (not assignments) issued by that day, by their execution that day:
    /// at the year's last day, the decision-execution board's `decisions` for that year.
    pub counts: ExecutionCounts,
    /// Executed as a percentage of those reported on by that day; `None` when none was.
    pub rate: Option<f64>,
}

/// The budget's spending at the end of one month, this year and the year before.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SpendingPoint {
    /// The fiscal month, 1 to 12.
    pub month: u8,
    /// Spent from January through this month as a percentage of the year's allocation; `None`
    /// when the month is not reported or nothing is allocated.
    pub rate: Option<f64>,
    /// The same for the year before.
    pub previous_year_rate: Option<f64>,
}

/// Board `trends`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct TrendsBoard {
    /// The newest report date among the statuses counted.
    pub as_of: Option<NaiveDate>,
    /// The year shown: the filter's, else one the board picks among the years decisions were
    /// issued in; `None` when there is none.
    pub year: Option<i32>,
    /// One point per month from January through the board's month (December for a past year).
    pub execution: Vec<ExecutionPoint>,
    /// The budget's currency, the budget board's for the same year and center.
    pub currency: String,
    /// One point per month of the budget's year, through the latest month reported.
    pub spending: Vec<SpendingPoint>,
}

/// The last day of `month` in `year`, or `today` when that is earlier.
fn month_end(year: i32, month: u32, today: NaiveDate) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(Months::new(1))?.pred_opt()?;
    Some(last.min(today))
}

/// The months of `year` a trend covers as of `today`: all twelve for a past year, through
/// today's month for the current one, none for a later year.
pub fn months_through(year: i32, today: NaiveDate) -> Vec<(u8, NaiveDate)> {
    let last = match year.cmp(&today.year()) {
        std::cmp::Ordering::Less => 12,
        std::cmp::Ordering::Equal => today.month(),
        std::cmp::Ordering::Greater => 0,
    };
    (1..=last)
        .filter_map(|m| Some((m as u8, month_end(year, m, today)?)))
        .collect()
}

/// The execution of the filter's non-routine decisions (not assignments: the decision-execution
/// board's headline share) on each of `days`, those issued by then. Each decision's statuses are
/// looked up once for all the days, not once a day.
fn executions_on(data: &Dataset, f: &BoardFilter, days: &[NaiveDate]) -> Vec<ExecutionCounts> {
    let mut counts = vec![ExecutionCounts::default(); days.len()];
    let mut statuses: Vec<Option<ExecutionStatus>> = Vec::new();
    let counted = |d: &&Decision| !d.routine && d.kind == DecisionKind::Decision;
    for d in filtered(data, f).filter(counted) {
        if !days.iter().any(|day| d.date <= *day) {
            continue;
        }
        let histories: Vec<Option<&[StatusPoint]>> = responsible_within(data, d, f.center.as_ref())
            .map(|c| data.status_history_of(&d.number, c))
            .collect();
        for (n, day) in counts
            .iter_mut()
            .zip(days)
            .filter(|(_, day)| d.date <= **day)
        {
            statuses.clear();
            statuses.extend(
                histories
                    .iter()
                    .map(|h| h.and_then(|h| StatusPoint::on(h, *day)).map(|p| p.status)),
            );
            n.add(combine_statuses(&statuses));
        }
    }
    counts
}

/// Each responsible center's own execution rate at each of `days` (within the filter's center):
/// executed over reported, as the centers board counts it. One value per day, `None` where the
/// center had reported nothing by then.
pub fn center_trends(
    data: &Dataset,
    f: &BoardFilter,
    days: &[NaiveDate],
) -> BTreeMap<CenterCode, Vec<Option<f64>>> {
    // Per center and day, the decisions counted; `None` before any of its decisions was issued.
    // Each decision's statuses are looked up once for all the days, not once a day.
    let mut counts: BTreeMap<&CenterCode, Vec<Option<ExecutionCounts>>> = BTreeMap::new();
    for d in filtered(data, f).filter(|d| !d.routine) {
        if !days.iter().any(|day| d.date <= *day) {
            continue;
        }
        for c in responsible_within(data, d, f.center.as_ref()) {
            let history = data.status_history_of(&d.number, c);
            let per_day = counts.entry(c).or_insert_with(|| vec![None; days.len()]);
            for (n, day) in per_day
                .iter_mut()
                .zip(days)
                .filter(|(_, day)| d.date <= **day)
            {
                let s = history
                    .and_then(|h| StatusPoint::on(h, *day))
                    .map(|p| p.status);
                n.get_or_insert_default().add(combine_statuses(&[s]));
            }
        }
    }
    counts
        .into_iter()
        .map(|(c, per_day)| {
            let rates = per_day
                .into_iter()
                .map(|n| n.and_then(|n| n.percent(n.executed)))
                .collect();
            (c.clone(), rates)
        })
        .collect()
}

/// The spending rate at each month's end of the budget board of `year` (same center), by month.
fn spending_rates(
    data: &Dataset,
    f: &BoardFilter,
    year: i32,
    today: NaiveDate,
) -> (String, BTreeMap<u8, f64>) {
    let board = aggregate_budget(
        data,
        &BoardFilter {
            year: Some(year),
            period: None,
            ..f.clone()
        },
        today,
    );
    let allocated = board.total.allocated;
    let rates = board
        .monthly
        .iter()
        .filter(|_| allocated > 0)
        .map(|m| {
            (
                m.month,
                100.0 * m.cumulative_spent as f64 / allocated as f64,
            )
        })
        .filter(|(_, r)| r.is_finite())
        .collect();
    (board.currency, rates)
}

/// Board `trends` of the filter's center and year as of `today`.
pub fn aggregate_trends(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> TrendsBoard {
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
    let months = months_through(year, today);
    let days: Vec<NaiveDate> = months.iter().map(|(_, day)| *day).collect();
    let execution: Vec<ExecutionPoint> = months
        .into_iter()
        .zip(executions_on(data, &in_year, &days))
        .map(|((month, day), counts)| ExecutionPoint {
            month,
            day,
            rate: counts.percent(counts.executed),
            counts,
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

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod oracle_tests;
#[cfg(test)]
mod tests;
