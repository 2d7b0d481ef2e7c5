//! The budget board as it was computed before it was made fast (commit d9b0c08): the reference
//! the property test in `budget/oracle_tests.rs` holds the fast one to, figure for figure.
//! Test-only; its code is the old code, unchanged but for its imports.

use super::super::{
    BoardFilter, Dataset, Period, Stored, default_year, div_round_half_even, latest,
};
use super::{
    BudgetBoard, BudgetTotals, CategoryBudgetRow, CenterBudgetRow, MonthSpending, ProgramBudgetRow,
};
use crate::model::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// A (center, program, category) of the budget: the line of a program's spending.
type LineKey = (CenterCode, String, BudgetCategory);

/// What the lines of one year and currency add up to, before grouping by center or program.
struct LineSums {
    per_line: BTreeMap<LineKey, BudgetTotals>,
    monthly_spent: [i64; 12],
    as_of: Option<NaiveDate>,
    latest_month: u8,
}

/// Everything grouped: the board's totals and rows, sorted as the board shows them.
struct BudgetGroups {
    total: BudgetTotals,
    annual: i64,
    by_category: Vec<CategoryBudgetRow>,
    by_center: Vec<CenterBudgetRow>,
    by_program: Vec<ProgramBudgetRow>,
}

/// Board `budget` of the filter's center, year and period. Without a year in the filter, the
/// year is [`default_year`] of the years with budget lines, against `today`.
pub(super) fn aggregate_budget(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> BudgetBoard {
    let lines = lines_within(data, f);
    let year = f
        .year
        .or_else(|| default_year(lines.iter().map(|s| s.value.fiscal_year), today));
    let in_year: Vec<&Stored<BudgetLine>> = lines
        .into_iter()
        .filter(|s| Some(s.value.fiscal_year) == year)
        .collect();
    let (currency, other_currencies) = board_currency(&in_year);
    let period = f.period.filter(|p| *p != Period::Year);
    let last_month = period.map(|p| p.last_month()).unwrap_or(12);
    let lines: Vec<&Stored<BudgetLine>> = in_year
        .into_iter()
        .filter(|s| s.value.currency == currency && s.value.month <= last_month)
        .collect();
    let sums = sum_lines(&lines, period);
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

/// `annual`'s linear share of `months` of the twelve, rounded half to even.
fn period_share(annual: i64, months: i64) -> i64 {
    div_round_half_even(annual as i128 * months as i128, 12)
}

/// The months of the year `period` covers: 12 for the whole year.
fn period_months(period: Option<Period>) -> i64 {
    period.map(|p| p.months().count() as i64).unwrap_or(12)
}

/// The budget lines of the filter's center and the centers reporting through it.
fn lines_within<'a>(data: &'a Dataset, f: &BoardFilter) -> Vec<&'a Stored<BudgetLine>> {
    data.budget
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .collect()
}

/// The board's currency, the one with the largest allocation, and the other currencies.
fn board_currency(lines: &[&Stored<BudgetLine>]) -> (String, Vec<String>) {
    let mut by_currency: BTreeMap<&str, i64> = BTreeMap::new();
    for s in lines {
        let sum = by_currency.entry(s.value.currency.as_str()).or_default();
        *sum = sum.saturating_add(s.value.allocation());
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
    (currency, other_currencies)
}

/// Sums `lines` (one year, one currency, months up to the period's last) per line and month.
fn sum_lines(lines: &[&Stored<BudgetLine>], period: Option<Period>) -> LineSums {
    let in_period = |m: u8| period.is_none_or(|p| p.months().contains(&m));
    // Allocation per (center, program, category) is the one reported in the latest month.
    let mut allocation: BTreeMap<(CenterCode, &str, BudgetCategory), (u8, i64)> = BTreeMap::new();
    let mut sums = LineSums {
        per_line: BTreeMap::new(),
        monthly_spent: [0i64; 12],
        as_of: None,
        latest_month: 0,
    };
    for s in lines {
        let b = &s.value;
        let slot = allocation
            .entry((s.center.clone(), b.program.as_str(), b.category))
            .or_insert((0, 0));
        if b.month >= slot.0 {
            *slot = (b.month, b.allocation());
        }
        if (1..=12).contains(&b.month) && in_period(b.month) {
            let m = &mut sums.monthly_spent[b.month as usize - 1];
            *m = m.saturating_add(b.spent);
        }
        sums.latest_month = sums.latest_month.max(b.month);
        sums.as_of = latest(sums.as_of, Some(s.as_of));
    }
    for s in lines {
        let b = &s.value;
        let t = sums
            .per_line
            .entry((s.center.clone(), b.program.clone(), b.category))
            .or_default();
        if in_period(b.month) {
            t.committed = t.committed.saturating_add(b.committed);
            t.spent = t.spent.saturating_add(b.spent);
        }
    }
    for ((c, p, cat), (_, alloc)) in &allocation {
        if let Some(t) = sums.per_line.get_mut(&(c.clone(), p.to_string(), *cat)) {
            t.allocated = *alloc;
        }
    }
    sums
}

/// Adds the lines up in total, by category, by center and by program, annual allocations first;
/// then each figure's allocation becomes its share of `months` (see [`period_share`]).
fn group_lines(
    data: &Dataset,
    per_line: &BTreeMap<LineKey, BudgetTotals>,
    months: i64,
) -> BudgetGroups {
    let mut total = BudgetTotals::default();
    let mut by_category: BTreeMap<BudgetCategory, BudgetTotals> = BTreeMap::new();
    let mut by_center: BTreeMap<CenterCode, BudgetTotals> = BTreeMap::new();
    let mut by_program: BTreeMap<(CenterCode, String), BudgetTotals> = BTreeMap::new();
    for ((c, p, cat), t) in per_line {
        total.add(t);
        by_category.entry(*cat).or_default().add(t);
        by_center.entry(c.clone()).or_default().add(t);
        by_program.entry((c.clone(), p.clone())).or_default().add(t);
    }
    let share = |mut t: BudgetTotals| {
        t.allocated = period_share(t.allocated, months);
        t
    };
    let mut by_center: Vec<CenterBudgetRow> = by_center
        .into_iter()
        .map(|(center, totals)| CenterBudgetRow {
            name_ar: data.center_names(&center).0,
            center,
            totals: share(totals),
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
            totals: share(totals),
        })
        .collect();
    by_program.sort_by(|a, b| {
        b.totals
            .allocated
            .cmp(&a.totals.allocated)
            .then(a.program.cmp(&b.program))
    });
    BudgetGroups {
        annual: total.allocated,
        total: share(total),
        by_category: by_category
            .into_iter()
            .map(|(category, totals)| CategoryBudgetRow {
                category,
                totals: share(totals),
            })
            .collect(),
        by_center,
        by_program,
    }
}

/// Spending month by month, from the period's first month to the latest reported, against the
/// linear plan: by the period's `k`-th month, `k` twelfths of `annual`, rounded once.
fn monthly_spending(sums: &LineSums, annual: i64, period: Option<Period>) -> Vec<MonthSpending> {
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
