//! Moved goalposts: KPI targets lowered and due dates pushed back after they were first reported.
//!
//! Those who report may also revise their plan, and a revised plan can make a late center look on
//! time. The collector keeps every revision, so the dataset keeps each decision's and KPI's first
//! plan beside its current one ([`Dataset::first_plans`]); the KPI and overdue boards measure
//! against both and list what moved, by whom and as of when.

use super::decisions::{execution_of, filtered};
use super::{Dataset, Execution, Plan, Stored};
use crate::model::*;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Most entries a board's list of moved goalposts carries.
pub const MOVED_ROWS: usize = 50;

/// A KPI whose target for its quarter, or its year's target, is lower than first reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LoweredTarget {
    /// The reporting center (who lowered it: a KPI is its center's own record).
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub center_ar: String,
    /// The budget program the indicator belongs to.
    pub program: String,
    /// The indicator's code within the program.
    pub indicator: String,
    /// The indicator's name.
    pub name: String,
    /// The unit of targets and actuals.
    pub unit: String,
    /// The year.
    pub year: i32,
    /// The quarter of the record that holds the lower target, 1 to 4.
    pub quarter: u8,
    /// The quarter's target as first reported.
    pub first_quarter_target: f64,
    /// The quarter's target now.
    pub quarter_target: f64,
    /// The year's target as first reported for this indicator and year (in the first revision
    /// of its earliest quarter's record).
    pub first_annual_target: f64,
    /// The year's target in this record now.
    pub annual_target: f64,
    /// Achieved in the quarter.
    pub actual: f64,
    /// `actual` as a percentage of the current quarter's target; `None` without a target.
    pub achievement_pct: Option<f64>,
    /// `actual` as a percentage of the first quarter's target; `None` without one.
    pub achievement_first_pct: Option<f64>,
    /// The day the first plan was as of.
    pub first_as_of: NaiveDate,
    /// The day the current revision, holding the lower target, is as of.
    pub as_of: NaiveDate,
    /// The current revision.
    pub revision: u64,
}

/// A decision whose due date is later than first reported, or was removed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MovedDue {
    /// The decision's number.
    pub number: DecisionNumber,
    /// Its title.
    pub title: String,
    /// Its responsible centers, the lead first.
    pub centers: Vec<CenterCode>,
    /// Arabic name of the lead center.
    pub lead_center_ar: String,
    /// The due date first reported.
    pub first_due: NaiveDate,
    /// The due date now; `None` when it was removed.
    pub due: Option<NaiveDate>,
    /// Who reported the revision that holds the later date (the decision's reporter).
    pub by: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub by_ar: String,
    /// The day the first plan was as of.
    pub first_as_of: NaiveDate,
    /// The day the current revision is as of.
    pub as_of: NaiveDate,
    /// The current revision.
    pub revision: u64,
    /// True when the current revision is as of a day after the first due date: the date was
    /// moved once the decision was already late.
    pub moved_after_due: bool,
    /// Days past the first due date on the board's day, 0 when it has not passed or the decision
    /// is executed.
    pub days_late_against_first: i64,
    /// Its execution, combined over the filter's centers.
    pub execution: Execution,
}

/// The quarter's target `center` first reported for `k`'s key, when it differs from the current.
pub(super) fn first_quarter_target(
    data: &Dataset,
    center: &CenterCode,
    k: &KpiAchievement,
) -> Option<f64> {
    let current = Plan::Targets {
        annual: k.annual_target,
        quarter: k.quarter_target,
    };
    match data.moved_plan(&k.key(center), current)?.plan {
        Plan::Targets { quarter, .. } => (quarter != k.quarter_target).then_some(quarter),
        Plan::Due(_) => None,
    }
}

/// The first plan of `s`'s key (its current one when it never changed), with its day.
fn first_plan_of(data: &Dataset, s: &Stored<KpiAchievement>) -> (f64, f64, NaiveDate) {
    let k = &s.value;
    match data.first_plans.get(&k.key(&s.center)) {
        Some(f) => match f.plan {
            Plan::Targets { annual, quarter } => (annual, quarter, f.as_of),
            Plan::Due(_) => (k.annual_target, k.quarter_target, s.as_of),
        },
        None => (k.annual_target, k.quarter_target, s.as_of),
    }
}

pub(super) fn pct(actual: f64, target: f64) -> Option<f64> {
    (target > 0.0)
        .then(|| 100.0 * actual / target)
        .filter(|p| p.is_finite())
}

/// The KPIs of `items` whose target was lowered: for each indicator and year, its latest quarter
/// when the year's target is below the first one reported for that year or its quarter's target
/// below its first, and any earlier quarter whose own target was lowered. The deepest cut first.
pub fn lowered_targets(data: &Dataset, items: &[&Stored<KpiAchievement>]) -> Vec<LoweredTarget> {
    type Indicator<'a> = (&'a CenterCode, &'a str, &'a str, i32);
    let mut by_indicator: BTreeMap<Indicator, Vec<&Stored<KpiAchievement>>> = BTreeMap::new();
    for s in items {
        let k = &s.value;
        by_indicator
            .entry((&s.center, &k.program, &k.indicator, k.year))
            .or_default()
            .push(s);
    }
    let mut out = Vec::new();
    for quarters in by_indicator.values_mut() {
        quarters.sort_by_key(|s| s.value.quarter);
        let first_annual = first_plan_of(data, quarters[0]).0;
        let last = quarters.len() - 1;
        for (i, s) in quarters.iter().enumerate() {
            let (_, first_quarter, first_as_of) = first_plan_of(data, s);
            let k = &s.value;
            let quarter_cut = k.quarter_target < first_quarter;
            let annual_cut = i == last && k.annual_target < first_annual;
            if !quarter_cut && !annual_cut {
                continue;
            }
            out.push(LoweredTarget {
                center: s.center.clone(),
                center_ar: data.center_names(&s.center).0,
                program: k.program.clone(),
                indicator: k.indicator.clone(),
                name: k.name.clone(),
                unit: k.unit.clone(),
                year: k.year,
                quarter: k.quarter,
                first_quarter_target: first_quarter,
                quarter_target: k.quarter_target,
                first_annual_target: first_annual,
                annual_target: k.annual_target,
                actual: k.actual,
                achievement_pct: pct(k.actual, k.quarter_target),
                achievement_first_pct: pct(k.actual, first_quarter),
                first_as_of,
                as_of: s.as_of,
                revision: s.revision,
            });
        }
    }
    out.sort_by(|a, b| {
        cut(b.first_quarter_target, b.quarter_target)
            .max(cut(b.first_annual_target, b.annual_target))
            .total_cmp(
                &cut(a.first_quarter_target, a.quarter_target)
                    .max(cut(a.first_annual_target, a.annual_target)),
            )
            .then_with(|| a.center.cmp(&b.center))
            .then_with(|| a.indicator.cmp(&b.indicator))
            .then(a.quarter.cmp(&b.quarter))
    });
    out
}

/// The share of `first` taken off by `now`, 0 when it was not lowered.
fn cut(first: f64, now: f64) -> f64 {
    if first > 0.0 && now < first {
        (first - now) / first
    } else {
        0.0
    }
}

/// The non-routine decisions of the filter whose due date is later than first reported, or was
/// removed; the longest late against their first due date first, then the longest moved, then
/// by number.
pub fn moved_dues(data: &Dataset, f: &super::BoardFilter, today: NaiveDate) -> Vec<MovedDue> {
    let mut out = Vec::new();
    for d in filtered(data, f).filter(|d| !d.routine) {
        let Some(first) = data.moved_plan(&d.key(), Plan::Due(d.due)) else {
            continue;
        };
        let Plan::Due(Some(first_due)) = first.plan else {
            continue;
        };
        if d.due.is_some_and(|due| due <= first_due) {
            continue;
        }
        let Some(stored) = data.decisions.get(&d.number) else {
            continue;
        };
        let (execution, _, _) = execution_of(data, d, f.center.as_ref());
        let late = if execution == Execution::Executed {
            0
        } else {
            (today - first_due).num_days().max(0)
        };
        out.push(MovedDue {
            number: d.number,
            title: d.title.clone(),
            centers: d.centers.clone(),
            lead_center_ar: d
                .centers
                .first()
                .map(|c| data.center_names(c).0)
                .unwrap_or_default(),
            first_due,
            due: d.due,
            by: stored.center.clone(),
            by_ar: data.center_names(&stored.center).0,
            first_as_of: first.as_of,
            as_of: stored.as_of,
            revision: stored.revision,
            moved_after_due: stored.as_of > first_due,
            days_late_against_first: late,
            execution,
        });
    }
    out.sort_by(|a, b| {
        b.days_late_against_first
            .cmp(&a.days_late_against_first)
            .then_with(|| moved_days(b).cmp(&moved_days(a)))
            .then(a.number.cmp(&b.number))
    });
    out
}

/// Days a due date was pushed back; a removed one counts as moved furthest.
fn moved_days(m: &MovedDue) -> i64 {
    m.due.map_or(i64::MAX, |due| (due - m.first_due).num_days())
}

#[cfg(test)]
mod tests;
