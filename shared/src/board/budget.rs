//! Budget performance: allocation against spending by center, program, category and month.

use super::{BoardFilter, Dataset, Stored, latest};
use crate::model::*;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Allocation, commitments and spending of some set of budget lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct BudgetTotals {
    /// The allocation in force (the revised one when there is one) as reported in each line's
    /// latest month; over a period, the period's linear share of it (a twelfth per month). Whole
    /// units of the board's currency.
    pub allocated: i64,
    /// Committed over the months counted (the period's, or the year's so far), whole units.
    pub committed: i64,
    /// Spent over the months counted (the period's, or the year's so far), whole units.
    pub spent: i64,
}

impl BudgetTotals {
    /// Spent as a percentage of allocated; `None` when nothing was allocated.
    pub fn execution_pct(&self) -> Option<f64> {
        (self.allocated > 0).then(|| 100.0 * self.spent as f64 / self.allocated as f64)
    }

    fn add(&mut self, o: &BudgetTotals) {
        self.allocated += o.allocated;
        self.committed += o.committed;
        self.spent += o.spent;
    }
}

/// One center's budget on the budget board: its own lines, not those of centers reporting through
/// it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CenterBudgetRow {
    /// The reporting center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its totals over every program and category.
    pub totals: BudgetTotals,
}

/// One program of one center on the budget board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgramBudgetRow {
    /// The center the program belongs to.
    pub center: CenterCode,
    /// The program, as the center names it.
    pub program: String,
    /// The program's totals over every category.
    pub totals: BudgetTotals,
}

/// One expenditure category on the budget board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CategoryBudgetRow {
    /// The category.
    pub category: BudgetCategory,
    /// Its totals over every center and program.
    pub totals: BudgetTotals,
}

/// Spending of one month against the linear plan (a twelfth of the allocation a month).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MonthSpending {
    /// The fiscal month, 1 to 12.
    pub month: u8,
    /// Spent in that month, whole units of the board's currency.
    pub spent: i64,
    /// Spent from the period's first month (January without a period) through this one.
    pub cumulative_spent: i64,
    /// What even spending would have reached by the end of this month: a twelfth of the annual
    /// allocation for each month from the period's first through this one.
    pub linear_plan: i64,
}

/// Board `budget`.
///
/// With a period (a month, four months, a quarter), commitments and spending are those of the
/// period's months and allocations are the period's linear share of the annual allocation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BudgetBoard {
    /// The newest report date among the lines counted.
    pub as_of: Option<NaiveDate>,
    /// The part of the year the figures cover; `None` for the whole year (a `year` period
    /// included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<super::Period>,
    /// `None` when no budget line matches the filter.
    pub year: Option<i32>,
    /// The currency of every figure here; lines in other currencies are left out and named.
    pub currency: String,
    /// The currencies of the year's other lines, left out of every figure; empty when there is one.
    pub other_currencies: Vec<String>,
    /// Latest month reported.
    pub latest_month: u8,
    /// Totals over every line counted.
    pub total: BudgetTotals,
    /// Totals per category, in category order (operating, development, salaries).
    pub by_category: Vec<CategoryBudgetRow>,
    /// Centers, highest allocation first.
    pub by_center: Vec<CenterBudgetRow>,
    /// Programs, highest allocation first.
    pub by_program: Vec<ProgramBudgetRow>,
    /// Spending month by month, from the period's first month to the latest month reported in it.
    pub monthly: Vec<MonthSpending>,
}

pub fn aggregate_budget(data: &Dataset, f: &BoardFilter) -> BudgetBoard {
    let lines: Vec<&Stored<BudgetLine>> = data
        .budget
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .collect();
    let year = f
        .year
        .or_else(|| lines.iter().map(|s| s.value.fiscal_year).max());
    let in_year: Vec<&Stored<BudgetLine>> = lines
        .into_iter()
        .filter(|s| Some(s.value.fiscal_year) == year)
        .collect();
    // The board's currency is the one with the largest allocation.
    let mut by_currency: BTreeMap<&str, i64> = BTreeMap::new();
    for s in &in_year {
        *by_currency.entry(s.value.currency.as_str()).or_default() += s.value.allocation();
    }
    let currency = by_currency
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
        .unwrap_or_default();
    let other_currencies = by_currency
        .keys()
        .filter(|c| **c != currency)
        .map(|c| c.to_string())
        .collect();
    let period = f.period.filter(|p| *p != super::Period::Year);
    let last_month = period.map(|p| p.last_month()).unwrap_or(12);
    let in_period = |m: u8| period.is_none_or(|p| p.months().contains(&m));
    let lines: Vec<&Stored<BudgetLine>> = in_year
        .into_iter()
        .filter(|s| s.value.currency == currency && s.value.month <= last_month)
        .collect();

    // Allocation per (center, program, category) is the one reported in the latest month.
    let mut allocation: BTreeMap<(CenterCode, &str, BudgetCategory), (u8, i64)> = BTreeMap::new();
    let mut monthly_spent = [0i64; 12];
    let mut as_of = None;
    let mut latest_month = 0u8;
    for s in &lines {
        let b = &s.value;
        let slot = allocation
            .entry((s.center.clone(), b.program.as_str(), b.category))
            .or_insert((0, 0));
        if b.month >= slot.0 {
            *slot = (b.month, b.allocation());
        }
        if (1..=12).contains(&b.month) && in_period(b.month) {
            monthly_spent[b.month as usize - 1] += b.spent;
        }
        latest_month = latest_month.max(b.month);
        as_of = latest(as_of, Some(s.as_of));
    }
    let mut per_line: BTreeMap<(CenterCode, String, BudgetCategory), BudgetTotals> =
        BTreeMap::new();
    for s in &lines {
        let b = &s.value;
        let t = per_line
            .entry((s.center.clone(), b.program.clone(), b.category))
            .or_default();
        if in_period(b.month) {
            t.committed += b.committed;
            t.spent += b.spent;
        }
    }
    let share = period.map(|p| p.months().count() as i64).unwrap_or(12);
    for ((c, p, cat), (_, alloc)) in &allocation {
        if let Some(t) = per_line.get_mut(&(c.clone(), p.to_string(), *cat)) {
            t.allocated = (*alloc as i128 * share as i128 / 12) as i64;
        }
    }
    let mut total = BudgetTotals::default();
    let mut by_category: BTreeMap<BudgetCategory, BudgetTotals> = BTreeMap::new();
    let mut by_center: BTreeMap<CenterCode, BudgetTotals> = BTreeMap::new();
    let mut by_program: BTreeMap<(CenterCode, String), BudgetTotals> = BTreeMap::new();
    for ((c, p, cat), t) in &per_line {
        total.add(t);
        by_category.entry(*cat).or_default().add(t);
        by_center.entry(c.clone()).or_default().add(t);
        by_program.entry((c.clone(), p.clone())).or_default().add(t);
    }
    let mut by_center: Vec<CenterBudgetRow> = by_center
        .into_iter()
        .map(|(center, totals)| CenterBudgetRow {
            name_ar: data.center_names(&center).0,
            center,
            totals,
        })
        .collect();
    by_center.sort_by(|a, b| {
        b.totals
            .allocated
            .cmp(&a.totals.allocated)
            .then(a.center.cmp(&b.center))
    });
    let mut by_program: Vec<ProgramBudgetRow> = by_program
        .into_iter()
        .map(|((center, program), totals)| ProgramBudgetRow {
            center,
            program,
            totals,
        })
        .collect();
    by_program.sort_by(|a, b| {
        b.totals
            .allocated
            .cmp(&a.totals.allocated)
            .then(a.program.cmp(&b.program))
    });
    let mut cumulative = 0;
    let first_month = period.map(|p| *p.months().start()).unwrap_or(1);
    let monthly = (first_month..=latest_month.min(last_month))
        .map(|m| {
            let spent = monthly_spent[m as usize - 1];
            cumulative += spent;
            let elapsed = (m - first_month + 1) as i128;
            MonthSpending {
                month: m,
                spent,
                cumulative_spent: cumulative,
                linear_plan: (total.allocated as i128 * elapsed / share as i128) as i64,
            }
        })
        .collect();
    BudgetBoard {
        as_of,
        period,
        year: if total == BudgetTotals::default() && per_line.is_empty() {
            None
        } else {
            year
        },
        currency,
        other_currencies,
        latest_month,
        total,
        by_category: by_category
            .into_iter()
            .map(|(category, totals)| CategoryBudgetRow { category, totals })
            .collect(),
        by_center,
        by_program,
        monthly,
    }
}
