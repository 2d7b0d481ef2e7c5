//! KPI and output achievement by quarter, against thresholds the operator sets.

use super::goalposts::first_quarter_target;
use super::{
    BoardFilter, Dataset, LoweredTarget, MOVED_ROWS, Stored, default_year, latest, lowered_targets,
};
use crate::model::*;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Achievement thresholds in percent: at or above `met` is met, at or above `partly` is partly met.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KpiThresholds {
    /// Achievement (actual as a percentage of the quarter's target) at or above which an indicator
    /// is met; 90 by default.
    pub met: f64,
    /// Achievement at or above which an indicator below `met` is partly met; 60 by default. Below
    /// it, the target is missed.
    pub partly: f64,
}

impl Default for KpiThresholds {
    fn default() -> Self {
        KpiThresholds {
            met: 90.0,
            partly: 60.0,
        }
    }
}

/// How an indicator's achievement compares with the [`KpiThresholds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Achievement {
    /// At or above `met`.
    Met,
    /// At or above `partly`, below `met`.
    Partly,
    /// Below `partly`.
    Missed,
    /// No target for the quarter, or no finite achievement: nothing to measure against.
    NoTarget,
}

impl KpiThresholds {
    /// The status of an achievement in percent. Only a finite achievement is met, partly met or
    /// missed; `None`, an infinite one or not-a-number has no status ([`Achievement::NoTarget`]).
    pub fn classify(&self, pct: Option<f64>) -> Achievement {
        match pct {
            None => Achievement::NoTarget,
            Some(p) if !p.is_finite() => Achievement::NoTarget,
            Some(p) if p >= self.met => Achievement::Met,
            Some(p) if p >= self.partly => Achievement::Partly,
            Some(_) => Achievement::Missed,
        }
    }
}

/// One quarter on the KPI board: how many indicators met, partly met or missed their target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuarterSummary {
    /// The quarter, 1 to 4.
    pub quarter: u8,
    /// Achievements reported for the quarter, with a target or not.
    pub indicators: u32,
    /// Of those, met.
    pub met: u32,
    /// Of those, partly met.
    pub partly: u32,
    /// Of those, missed; the rest had no target.
    pub missed: u32,
    /// Mean achievement (actual / target, capped at 150%) over indicators with a target.
    pub mean_achievement: Option<f64>,
}

/// One indicator of one center, at its latest quarter in view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KpiRow {
    /// The reporting center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub center_ar: String,
    /// The budget program the indicator belongs to.
    pub program: String,
    /// The indicator's code within the program.
    pub indicator: String,
    /// The indicator's name.
    pub name: String,
    /// The unit of targets and actuals (`%`, a count's noun …); may be empty.
    pub unit: String,
    /// The quarter shown, 1 to 4: the latest reported.
    pub quarter: u8,
    /// That quarter's target, in `unit`.
    pub quarter_target: f64,
    /// What was achieved in that quarter, in `unit`.
    pub actual: f64,
    /// `actual` as a percentage of `quarter_target`, not capped; `None` when there is none to
    /// show (no target).
    pub achievement_pct: Option<f64>,
    /// `achievement_pct` against the board's thresholds.
    pub achievement: Achievement,
    /// The quarter's target as first reported, when the center has since changed it (see
    /// [`LoweredTarget`]); absent when it never changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_quarter_target: Option<f64>,
    /// `actual` as a percentage of `first_quarter_target`, when that is set and not zero.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub achievement_first_pct: Option<f64>,
    /// The year's target, in `unit`.
    pub annual_target: f64,
    /// Actual summed over the year's quarters so far.
    pub year_to_date: f64,
    /// The planned cost price of the quarter's output, as reported.
    pub cost_planned: Option<f64>,
    /// The actual cost price of the quarter's output, as reported.
    pub cost_actual: Option<f64>,
}

/// Board `kpi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct KpiBoard {
    /// The newest report date among the achievements counted.
    pub as_of: Option<NaiveDate>,
    /// The year shown: the filter's, else one the board picks among the years reported; `None`
    /// when nothing is counted.
    pub year: Option<i32>,
    /// The thresholds the achievements were classified with.
    pub thresholds: KpiThresholds,
    /// One summary per quarter with achievements (only the filter's quarter, when it names one), in
    /// quarter order.
    pub quarters: Vec<QuarterSummary>,
    /// The latest of `quarters`; 0 when there is none.
    pub latest_quarter: u8,
    /// Each indicator at its latest quarter, weakest achievement first.
    pub rows: Vec<KpiRow>,
    /// Targets lowered after they were first reported, in the board's view: the deepest cut
    /// first, at most [`MOVED_ROWS`].
    #[serde(default)]
    pub lowered: Vec<LoweredTarget>,
    /// How many targets were lowered in all.
    #[serde(default)]
    pub lowered_total: u32,
}

/// Actual as a percentage of the quarter's target; `None` without a target, or when the ratio
/// is not a finite number (an extreme pair of figures stored before they were bounded).
fn achievement_pct(k: &KpiAchievement) -> Option<f64> {
    (k.quarter_target > 0.0)
        .then(|| 100.0 * k.actual / k.quarter_target)
        .filter(|p| p.is_finite())
}

/// Per quarter: the summary, the sum of capped achievements and how many were summed.
type QuarterSums = BTreeMap<u8, (QuarterSummary, f64, u32)>;
/// Per (center, program, indicator): its latest quarter's achievement and its year to date.
type LatestPerIndicator<'a> = BTreeMap<(CenterCode, &'a str, &'a str), (&'a KpiAchievement, f64)>;

/// The achievements of the filter's center (and those reporting through it), year and quarter,
/// and the year chosen.
fn kpis_in_view<'a>(
    data: &'a Dataset,
    f: &BoardFilter,
    today: NaiveDate,
) -> (Vec<&'a Stored<KpiAchievement>>, Option<i32>) {
    let all: Vec<_> = data
        .kpis
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .collect();
    let year = f
        .year
        .or_else(|| default_year(all.iter().map(|s| s.value.year), today));
    let quarter = match f.period {
        Some(super::Period::Quarter(q)) => Some(q),
        _ => None,
    };
    let items = all
        .into_iter()
        .filter(|s| Some(s.value.year) == year && quarter.is_none_or(|q| s.value.quarter == q))
        .collect();
    (items, year)
}

/// Counts each achievement in its quarter's summary and keeps each indicator's latest quarter.
fn sum_quarters<'a>(
    items: &[&'a Stored<KpiAchievement>],
    thresholds: KpiThresholds,
) -> (QuarterSums, LatestPerIndicator<'a>, Option<NaiveDate>) {
    let mut quarters: QuarterSums = BTreeMap::new();
    let mut latest_per: LatestPerIndicator<'a> = BTreeMap::new();
    let mut as_of = None;
    for s in items {
        let k = &s.value;
        as_of = latest(as_of, Some(s.as_of));
        let pct = achievement_pct(k);
        let q = quarters.entry(k.quarter).or_insert_with(|| {
            (
                QuarterSummary {
                    quarter: k.quarter,
                    indicators: 0,
                    met: 0,
                    partly: 0,
                    missed: 0,
                    mean_achievement: None,
                },
                0.0,
                0,
            )
        });
        q.0.indicators += 1;
        match thresholds.classify(pct) {
            Achievement::Met => q.0.met += 1,
            Achievement::Partly => q.0.partly += 1,
            Achievement::Missed => q.0.missed += 1,
            Achievement::NoTarget => {}
        }
        if let Some(p) = pct {
            q.1 += p.min(150.0);
            q.2 += 1;
        }
        let entry = latest_per
            .entry((s.center.clone(), k.program.as_str(), k.indicator.as_str()))
            .or_insert((k, 0.0));
        entry.1 += k.actual;
        if k.quarter > entry.0.quarter {
            entry.0 = k;
        }
    }
    (quarters, latest_per, as_of)
}

/// One row per indicator at its latest quarter, weakest achievement first.
fn kpi_rows(
    data: &Dataset,
    latest_per: LatestPerIndicator<'_>,
    thresholds: KpiThresholds,
) -> Vec<KpiRow> {
    let mut rows: Vec<KpiRow> = latest_per
        .into_iter()
        .map(|((center, _, _), (k, ytd))| {
            let pct = achievement_pct(k);
            let first = first_quarter_target(data, &center, k);
            KpiRow {
                center_ar: data.center_names(&center).0,
                center,
                program: k.program.clone(),
                indicator: k.indicator.clone(),
                name: k.name.clone(),
                unit: k.unit.clone(),
                quarter: k.quarter,
                quarter_target: k.quarter_target,
                actual: k.actual,
                achievement_pct: pct,
                achievement: thresholds.classify(pct),
                first_quarter_target: first,
                achievement_first_pct: first.and_then(|t| super::goalposts::pct(k.actual, t)),
                annual_target: k.annual_target,
                year_to_date: ytd,
                cost_planned: k.cost_planned,
                cost_actual: k.cost_actual,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        a.achievement_pct
            .unwrap_or(f64::MAX)
            .total_cmp(&b.achievement_pct.unwrap_or(f64::MAX))
            .then(a.indicator.cmp(&b.indicator))
    });
    rows
}

/// Board `kpi` of the filter's center, year and quarter. Without a year in the filter, the year
/// is [`default_year`] of the years with achievements, against `today`.
pub fn aggregate_kpi(
    data: &Dataset,
    f: &BoardFilter,
    thresholds: KpiThresholds,
    today: NaiveDate,
) -> KpiBoard {
    let (items, year) = kpis_in_view(data, f, today);
    let (quarters, latest_per, as_of) = sum_quarters(&items, thresholds);
    let rows = kpi_rows(data, latest_per, thresholds);
    let mut lowered = lowered_targets(data, &items);
    let lowered_total = lowered.len() as u32;
    lowered.truncate(MOVED_ROWS);
    let quarters: Vec<QuarterSummary> = quarters
        .into_values()
        .map(|(mut q, sum, n)| {
            q.mean_achievement = (n > 0).then(|| sum / n as f64);
            q
        })
        .collect();
    KpiBoard {
        as_of,
        year: if items.is_empty() { None } else { year },
        thresholds,
        latest_quarter: quarters.iter().map(|q| q.quarter).max().unwrap_or(0),
        quarters,
        rows,
        lowered,
        lowered_total,
    }
}

mod cost;
pub use cost::*;

/// Where a figure changes its meaning on the boards, fixed for every wall (the KPI thresholds
/// above are the operator's): one place, so every board agrees.
pub mod threshold {
    /// A center executing at least this share of its decisions (%) is doing well.
    pub const EXECUTION_GOOD: f64 = 60.0;
    /// At least this (%) and below [`EXECUTION_GOOD`] is middling; below, weak.
    pub const EXECUTION_FAIR: f64 = 40.0;
    /// A decision this many days past its due date is severely overdue.
    pub const OVERDUE_SEVERE_DAYS: i64 = 180;
    /// This many days past due and below [`OVERDUE_SEVERE_DAYS`] is seriously overdue.
    pub const OVERDUE_SERIOUS_DAYS: i64 = 90;
}
