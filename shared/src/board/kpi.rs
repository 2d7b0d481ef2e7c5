//! KPI and output achievement by quarter, against thresholds the operator sets.

use super::{BoardFilter, Dataset, latest};
use crate::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Achievement thresholds in percent: at or above `met` is met, at or above `partly` is partly met.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct KpiThresholds {
    pub met: f64,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Achievement {
    Met,
    Partly,
    Missed,
    /// No target for the quarter: nothing to measure against.
    NoTarget,
}

impl KpiThresholds {
    pub fn classify(&self, pct: Option<f64>) -> Achievement {
        match pct {
            None => Achievement::NoTarget,
            Some(p) if p >= self.met => Achievement::Met,
            Some(p) if p >= self.partly => Achievement::Partly,
            Some(_) => Achievement::Missed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuarterSummary {
    pub quarter: u8,
    pub indicators: u32,
    pub met: u32,
    pub partly: u32,
    pub missed: u32,
    /// Mean achievement (actual / target, capped at 150%) over indicators with a target.
    pub mean_achievement: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiRow {
    pub center: CenterCode,
    pub center_ar: String,
    pub program: String,
    pub indicator: String,
    pub name: String,
    pub unit: String,
    pub quarter: u8,
    pub quarter_target: f64,
    pub actual: f64,
    pub achievement_pct: Option<f64>,
    pub achievement: Achievement,
    pub annual_target: f64,
    /// Actual summed over the year's quarters so far.
    pub year_to_date: f64,
    pub cost_planned: Option<f64>,
    pub cost_actual: Option<f64>,
}

/// Board `kpi`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KpiBoard {
    pub as_of: Option<NaiveDate>,
    pub year: Option<i32>,
    pub thresholds: KpiThresholds,
    pub quarters: Vec<QuarterSummary>,
    pub latest_quarter: u8,
    /// Each indicator at its latest quarter, weakest achievement first.
    pub rows: Vec<KpiRow>,
}

fn achievement_pct(k: &KpiAchievement) -> Option<f64> {
    (k.quarter_target > 0.0).then(|| 100.0 * k.actual / k.quarter_target)
}

pub fn aggregate_kpi(data: &Dataset, f: &BoardFilter, thresholds: KpiThresholds) -> KpiBoard {
    let all: Vec<_> = data
        .kpis
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .collect();
    let year = f.year.or_else(|| all.iter().map(|s| s.value.year).max());
    let quarter = match f.period {
        Some(super::Period::Quarter(q)) => Some(q),
        _ => None,
    };
    let items: Vec<_> = all
        .into_iter()
        .filter(|s| Some(s.value.year) == year && quarter.is_none_or(|q| s.value.quarter == q))
        .collect();
    let mut quarters: BTreeMap<u8, (QuarterSummary, f64, u32)> = BTreeMap::new();
    let mut latest_per: BTreeMap<(CenterCode, &str, &str), (&KpiAchievement, f64)> =
        BTreeMap::new();
    let mut as_of = None;
    for s in &items {
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
    let mut rows: Vec<KpiRow> = latest_per
        .into_iter()
        .map(|((center, _, _), (k, ytd))| {
            let pct = achievement_pct(k);
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
