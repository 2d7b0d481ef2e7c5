//! Budget performance: allocation against spending by center, program, category and month.

use super::{BoardFilter, CenterScope, Dataset, Stored, default_year, div_round_half_even, latest};
use crate::model::*;
use chrono::NaiveDate;
use rustc_hash::FxHasher;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::ops::RangeInclusive;

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

/// A (center, program, category) with its hash, worked out before it is looked up (see
/// [`sum_by_currency`]). The hash is FxHash (`rustc-hash`): SipHash, the default, took most of
/// the board's time at a million lines.
#[derive(Clone, Copy)]
struct LineKey<'a> {
    hash: u64,
    center: &'a CenterCode,
    program: &'a str,
    category: BudgetCategory,
}

impl<'a> LineKey<'a> {
    fn of(s: &'a Stored<BudgetLine>) -> LineKey<'a> {
        let mut h = FxHasher::default();
        (&s.center, s.value.program.as_str(), s.value.category).hash(&mut h);
        LineKey {
            hash: h.finish(),
            center: &s.center,
            program: &s.value.program,
            category: s.value.category,
        }
    }
}

impl PartialEq for LineKey<'_> {
    fn eq(&self, o: &Self) -> bool {
        self.category == o.category && self.center == o.center && self.program == o.program
    }
}

impl Eq for LineKey<'_> {}

impl Hash for LineKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.hash);
    }
}

/// What the lines of one year and currency add up to, before grouping by center or program.
struct LineSums<'a> {
    /// Where each (center, program, category) is in `per_line`.
    index: HashMap<LineKey<'a>, usize, BuildHasherDefault<KeyHasher>>,
    /// Per (center, program, category), in the order first seen; sorted by it before grouping.
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
    let period = f.period.filter(|p| *p != super::Period::Year);
    let in_year = lines
        .into_iter()
        .filter(|s| Some(s.value.fiscal_year) == year);
    let by_currency = sum_by_currency(in_year, period);
    let (currency, other_currencies) = board_currency(&by_currency);
    let mut sums = by_currency
        .into_iter()
        .find(|c| c.currency == currency)
        .map(|c| c.sums)
        .unwrap_or_else(LineSums::new);
    sums.per_line.sort_unstable_by(|a, b| {
        (a.center, a.program, a.category).cmp(&(b.center, b.program, b.category))
    });
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

/// The lines of one currency (of one year): the sum of their allocations, and their sums of
/// the months up to the period's last.
struct CurrencySums<'a> {
    currency: &'a str,
    allocation: i64,
    sums: LineSums<'a>,
}

/// Sums `lines` (one year), in the order given, per currency: every line's allocation, and
/// those of the months up to the period's last per line and month (see [`LineSums::add`]). One
/// pass, so that each line is read once.
fn sum_by_currency<'a>(
    mut lines: impl Iterator<Item = &'a Stored<BudgetLine>>,
    period: Option<super::Period>,
) -> Vec<CurrencySums<'a>> {
    let months = period.map(|p| p.months());
    let last_month = period.map(|p| p.last_month()).unwrap_or(12);
    let mut by_currency: Vec<CurrencySums<'a>> = Vec::new();
    // A line's currency is mostly the one before it: a few currencies, looked for from the last.
    let mut last = 0;
    // Lines a few hundred at a time: first each line's currency and key hashed, one line after
    // another with little work between (the CPU then reads many lines' strings at once), then
    // added. Reading the strings line by line as each is added took most of the time.
    let mut chunk: Vec<(&Stored<BudgetLine>, usize, LineKey<'a>)> = Vec::with_capacity(CHUNK);
    loop {
        chunk.clear();
        for s in lines.by_ref().take(CHUNK) {
            let c = s.value.currency.as_str();
            if by_currency.get(last).is_none_or(|l| l.currency != c) {
                last = match by_currency.iter().position(|l| l.currency == c) {
                    Some(i) => i,
                    None => {
                        by_currency.push(CurrencySums {
                            currency: c,
                            allocation: 0,
                            sums: LineSums::new(),
                        });
                        by_currency.len() - 1
                    }
                };
            }
            chunk.push((s, last, LineKey::of(s)));
        }
        if chunk.is_empty() {
            break;
        }
        for (s, currency, key) in &chunk {
            let sums = &mut by_currency[*currency];
            sums.allocation = sums.allocation.saturating_add(s.value.allocation());
            if s.value.month <= last_month {
                sums.sums.add(s, *key, months.as_ref());
            }
        }
    }
    by_currency
}

/// The board's currency, the one with the largest allocation (the first by name of those with
/// the same), and the other currencies, by name.
fn board_currency(by_currency: &[CurrencySums<'_>]) -> (String, Vec<String>) {
    let mut by_name: Vec<(&str, i64)> = by_currency
        .iter()
        .map(|c| (c.currency, c.allocation))
        .collect();
    by_name.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let currency = by_name
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(c, _)| c.to_string())
        .unwrap_or_default();
    let other_currencies = by_name
        .iter()
        .filter(|(c, _)| *c != currency)
        .map(|(c, _)| c.to_string())
        .collect();
    (currency, other_currencies)
}

impl<'a> LineSums<'a> {
    fn new() -> LineSums<'a> {
        LineSums {
            index: HashMap::default(),
            per_line: Vec::new(),
            monthly_spent: [0i64; 12],
            as_of: None,
            latest_month: 0,
        }
    }

    /// Adds line `s`, of `key` (of the sums' year and currency, its month up to the period's last, which
    /// covers `months`; every month without a period): its allocation when its month is the
    /// latest yet of its (center, program, category), its commitments and spending when its
    /// month is the period's. Each sum adds its lines in the order given, so that where it
    /// saturates does not change.
    fn add(
        &mut self,
        s: &'a Stored<BudgetLine>,
        key: LineKey<'a>,
        months: Option<&RangeInclusive<u8>>,
    ) {
        let b = &s.value;
        let per_line = &mut self.per_line;
        let i = *self.index.entry(key).or_insert_with(|| {
            per_line.push(LineSum {
                center: &s.center,
                program: &b.program,
                category: b.category,
                allocation_month: 0,
                totals: BudgetTotals::default(),
            });
            per_line.len() - 1
        });
        let line = &mut per_line[i];
        if b.month >= line.allocation_month {
            line.allocation_month = b.month;
            line.totals.allocated = b.allocation();
        }
        if months.is_none_or(|r| r.contains(&b.month)) {
            let t = &mut line.totals;
            t.committed = t.committed.saturating_add(b.committed);
            t.spent = t.spent.saturating_add(b.spent);
            if (1..=12).contains(&b.month) {
                let m = &mut self.monthly_spent[b.month as usize - 1];
                *m = m.saturating_add(b.spent);
            }
        }
        self.latest_month = self.latest_month.max(b.month);
        self.as_of = latest(self.as_of, Some(s.as_of));
    }
}

/// Adds the lines up in total, by category, by center and by program, annual allocations first,
/// in the lines' order; then each figure's allocation becomes its share of `months` (see
/// [`period_share`]).
fn group_lines(data: &Dataset, per_line: &[LineSum<'_>], months: i64) -> BudgetGroups {
    let mut total = BudgetTotals::default();
    let mut by_category: BTreeMap<BudgetCategory, BudgetTotals> = BTreeMap::new();
    let mut by_center: Vec<(&CenterCode, BudgetTotals)> = Vec::new();
    let mut by_program: Vec<(&CenterCode, &str, BudgetTotals)> = Vec::new();
    for l in per_line {
        let t = &l.totals;
        total.add(t);
        by_category.entry(l.category).or_default().add(t);
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

/// Budget lines read at a time by [`sum_by_currency`].
const CHUNK: usize = 256;

/// Hashes a [`LineKey`]: its hash, worked out already.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    // A LineKey writes its hash only (`write_u64`); anything else is folded in all the same.
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(*b);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod oracle_tests;
