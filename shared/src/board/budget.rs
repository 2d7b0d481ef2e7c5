//! Budget performance: allocation against spending by center, program, category and month.

use super::{BoardFilter, CenterScope, Dataset, Stored, default_year, div_round_half_even, latest};
use crate::model::*;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Allocation, commitments and spending of some set of budget lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
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

    /// Adds `o`; saturates instead of wrapping (sums of amounts within
    /// [`MAX_AMOUNT`](crate::model::validate::MAX_AMOUNT) stay far from the end of `i64`).
    fn add(&mut self, o: &BudgetTotals) {
        self.allocated = self.allocated.saturating_add(o.allocated);
        self.committed = self.committed.saturating_add(o.committed);
        self.spent = self.spent.saturating_add(o.spent);
    }
}

/// One center's budget on the budget board: its own lines, not those of centers reporting through
/// it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterBudgetRow {
    /// The reporting center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its totals over every program and category.
    pub totals: BudgetTotals,
}

/// One program of one center on the budget board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProgramBudgetRow {
    /// The center the program belongs to.
    pub center: CenterCode,
    /// The program, as the center names it.
    pub program: String,
    /// The program's totals over every category.
    pub totals: BudgetTotals,
}

/// One expenditure category on the budget board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CategoryBudgetRow {
    /// The category.
    pub category: BudgetCategory,
    /// Its totals over every center and program.
    pub totals: BudgetTotals,
}

/// Spending of one month against the linear plan: by month `m` of the year (or of the period),
/// `m` twelfths of the annual allocation, summed over the lines first and rounded once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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
/// period's months and allocations are the period's linear share of the annual allocation: of
/// each figure shown (a program, a center, a category, the total), its annual allocation summed
/// over its lines, times the period's months, divided by 12, rounded half to even. So the total
/// is the share of the summed allocation, not a sum of rounded shares.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
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

/// One line of a program's spending, a (center, program, category), and what its lines add up
/// to: the allocation in force in its latest month, commitments and spending of the period's
/// months.
struct LineSum<'a> {
    center: &'a CenterCode,
    program: &'a str,
    category: BudgetCategory,
    /// The month the allocation was taken from (0 before any).
    allocation_month: u8,
    totals: BudgetTotals,
}

/// What the lines of one year and currency add up to, before grouping by center or program.
struct LineSums<'a> {
    /// Per (center, program, category), sorted by it.
    per_line: Vec<LineSum<'a>>,
    /// Spending per month (index 0 is month 1), of the period's months only.
    monthly_spent: [i64; 12],
    as_of: Option<NaiveDate>,
    latest_month: u8,
}

/// Everything grouped: the board's totals and rows, sorted as the board shows them.
struct BudgetGroups {
    total: BudgetTotals,
    /// The total's annual allocation (`total.allocated` is the period's share of it).
    annual: i64,
    by_category: Vec<CategoryBudgetRow>,
    by_center: Vec<CenterBudgetRow>,
    by_program: Vec<ProgramBudgetRow>,
}

/// Board `budget` of the filter's center, year and period. Without a year in the filter, the
/// year is [`default_year`] of the years with budget lines, against `today`.
pub fn aggregate_budget(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> BudgetBoard {
    let lines = lines_within(data, f);
    let year = f
        .year
        .or_else(|| default_year(lines.iter().map(|s| s.value.fiscal_year), today));
    let in_year: Vec<&Stored<BudgetLine>> = lines
        .into_iter()
        .filter(|s| Some(s.value.fiscal_year) == year)
        .collect();
    let (currency, other_currencies) = board_currency(&in_year);
    let period = f.period.filter(|p| *p != super::Period::Year);
    let last_month = period.map(|p| p.last_month()).unwrap_or(12);
    let lines = in_year
        .into_iter()
        .filter(|s| s.value.currency == currency && s.value.month <= last_month);
    let sums = sum_lines(lines, period);
    let groups = group_lines(data, &sums.per_line, period_months(period));
    let monthly = monthly_spending(&sums, groups.annual, period);
    BudgetBoard {
        as_of: sums.as_of,
        period,
        year: if groups.total == BudgetTotals::default() && sums.per_line.is_empty() {
            None
        } else {
            year
        },
        currency,
        other_currencies,
        latest_month: sums.latest_month,
        total: groups.total,
        by_category: groups.by_category,
        by_center: groups.by_center,
        by_program: groups.by_program,
        monthly,
    }
}

/// The months of the year `period` covers: 12 for the whole year.
fn period_months(period: Option<super::Period>) -> i64 {
    period.map(|p| p.months().count() as i64).unwrap_or(12)
}

/// `annual`'s linear share of `months` of the twelve, rounded half to even.
pub fn period_share(annual: i64, months: i64) -> i64 {
    div_round_half_even(annual as i128 * months as i128, 12)
}

/// The budget lines of the filter's center and the centers reporting through it, in the
/// dataset's order.
fn lines_within<'a>(data: &'a Dataset, f: &'a BoardFilter) -> Vec<&'a Stored<BudgetLine>> {
    let mut scope = CenterScope::new(data, f);
    data.budget
        .values()
        .filter(|s| scope.contains(&s.center))
        .collect()
}

/// The board's currency, the one with the largest allocation (the first by name of those with
/// the same), and the other currencies, by name.
fn board_currency(lines: &[&Stored<BudgetLine>]) -> (String, Vec<String>) {
    // A line's currency is mostly the one before it: a few currencies, looked for from the last.
    let mut by_currency: Vec<(&str, i64)> = Vec::new();
    let mut last = 0;
    for s in lines {
        let c = s.value.currency.as_str();
        if by_currency.get(last).is_none_or(|(l, _)| *l != c) {
            last = match by_currency.iter().position(|(l, _)| *l == c) {
                Some(i) => i,
                None => {
                    by_currency.push((c, 0));
                    by_currency.len() - 1
                }
            };
        }
        let sum = &mut by_currency[last].1;
        *sum = sum.saturating_add(s.value.allocation());
    }
    by_currency.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let currency = by_currency
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
        .unwrap_or_default();
    let other_currencies = by_currency
        .iter()
        .filter(|(c, _)| *c != currency)
        .map(|(c, _)| c.to_string())
        .collect();
    (currency, other_currencies)
}

/// Sums `lines` (one year, one currency, months up to the period's last) per line and month.
/// Each sum adds its lines in the order given, so that where it saturates does not change.
fn sum_lines<'a>(
    lines: impl Iterator<Item = &'a Stored<BudgetLine>>,
    period: Option<super::Period>,
) -> LineSums<'a> {
    let months = period.map(|p| p.months());
    let in_period = |m: u8| months.as_ref().is_none_or(|r| r.contains(&m));
    let mut index: HashMap<(&CenterCode, &str, BudgetCategory), usize> = HashMap::new();
    let mut sums = LineSums {
        per_line: Vec::new(),
        monthly_spent: [0i64; 12],
        as_of: None,
        latest_month: 0,
    };
    for s in lines {
        let b = &s.value;
        let i = *index
            .entry((&s.center, b.program.as_str(), b.category))
            .or_insert_with(|| {
                sums.per_line.push(LineSum {
                    center: &s.center,
                    program: &b.program,
                    category: b.category,
                    allocation_month: 0,
                    totals: BudgetTotals::default(),
                });
                sums.per_line.len() - 1
            });
        let line = &mut sums.per_line[i];
        // The allocation is the one reported in the latest month.
        if b.month >= line.allocation_month {
            line.allocation_month = b.month;
            line.totals.allocated = b.allocation();
        }
        if in_period(b.month) {
            let t = &mut line.totals;
            t.committed = t.committed.saturating_add(b.committed);
            t.spent = t.spent.saturating_add(b.spent);
            if (1..=12).contains(&b.month) {
                let m = &mut sums.monthly_spent[b.month as usize - 1];
                *m = m.saturating_add(b.spent);
            }
        }
        sums.latest_month = sums.latest_month.max(b.month);
        sums.as_of = latest(sums.as_of, Some(s.as_of));
    }
    sums.per_line.sort_unstable_by(|a, b| {
        (a.center, a.program, a.category).cmp(&(b.center, b.program, b.category))
    });
    sums
}

/// Adds the lines up in total, by category, by center and by program, annual allocations first,
/// in the lines' order; then each figure's allocation becomes its share of `months` (see
/// [`period_share`]).
fn group_lines(data: &Dataset, per_line: &[LineSum<'_>], months: i64) -> BudgetGroups {
    let mut total = BudgetTotals::default();
    // Indexed by category, in category order.
    let mut by_category: [Option<BudgetTotals>; 3] = [None; 3];
    let mut by_center: Vec<(&CenterCode, BudgetTotals)> = Vec::new();
    let mut by_program: Vec<(&CenterCode, &str, BudgetTotals)> = Vec::new();
    for l in per_line {
        let t = &l.totals;
        total.add(t);
        by_category[l.category as usize]
            .get_or_insert_default()
            .add(t);
        // The lines are sorted by center, then program: each group is a run.
        match by_center.last_mut() {
            Some((c, sum)) if *c == l.center => sum.add(t),
            _ => by_center.push((l.center, *t)),
        }
        match by_program.last_mut() {
            Some((c, p, sum)) if *c == l.center && *p == l.program => sum.add(t),
            _ => by_program.push((l.center, l.program, *t)),
        }
    }
    let share = |mut t: BudgetTotals| {
        t.allocated = period_share(t.allocated, months);
        t
    };
    let mut by_center: Vec<CenterBudgetRow> = by_center
        .into_iter()
        .map(|(center, totals)| CenterBudgetRow {
            name_ar: data.center_names(center).0,
            center: center.clone(),
            totals: share(totals),
        })
        .collect();
    // Stable: ties stay in code order.
    by_center.sort_by(|a, b| {
        b.totals
            .allocated
            .cmp(&a.totals.allocated)
            .then(a.center.cmp(&b.center))
    });
    let mut by_program: Vec<ProgramBudgetRow> = by_program
        .into_iter()
        .map(|(center, program, totals)| ProgramBudgetRow {
            center: center.clone(),
            program: program.to_string(),
            totals: share(totals),
        })
        .collect();
    // Stable: ties of allocation and program stay in center order.
    by_program.sort_by(|a, b| {
        b.totals
            .allocated
            .cmp(&a.totals.allocated)
            .then(a.program.cmp(&b.program))
    });
    let categories = [
        BudgetCategory::Operating,
        BudgetCategory::Development,
        BudgetCategory::Salaries,
    ];
    BudgetGroups {
        annual: total.allocated,
        total: share(total),
        by_category: categories
            .into_iter()
            .zip(by_category)
            .filter_map(|(category, totals)| {
                totals.map(|totals| CategoryBudgetRow {
                    category,
                    totals: share(totals),
                })
            })
            .collect(),
        by_center,
        by_program,
    }
}

/// Spending month by month, from the period's first month to the latest reported, against the
/// linear plan: by the period's `k`-th month, `k` twelfths of `annual`, rounded once.
fn monthly_spending(
    sums: &LineSums<'_>,
    annual: i64,
    period: Option<super::Period>,
) -> Vec<MonthSpending> {
    let last_month = period.map(|p| p.last_month()).unwrap_or(12);
    let mut cumulative = 0i64;
    let first_month = period.map(|p| *p.months().start()).unwrap_or(1);
    (first_month..=sums.latest_month.min(last_month))
        .map(|m| {
            let spent = sums.monthly_spent[m as usize - 1];
            cumulative = cumulative.saturating_add(spent);
            MonthSpending {
                month: m,
                spent,
                cumulative_spent: cumulative,
                linear_plan: period_share(annual, (m - first_month + 1) as i64),
            }
        })
        .collect()
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod oracle_tests;
