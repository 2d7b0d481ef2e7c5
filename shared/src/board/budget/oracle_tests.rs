//! The budget board against its reference ([`super::oracle`], the code it had before it was made
//! fast) on random datasets: the same board, to the byte of its JSON.

use super::super::arbitrary::{arb_dataset, arb_day, arb_filter};
use super::*;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn budget_board_is_the_references_on_random_datasets(
        data in arb_dataset(),
        f in arb_filter(),
        today in arb_day(),
    ) {
        let fast = aggregate_budget(&data, &f, today);
        let reference = oracle::aggregate_budget(&data, &f, today);
        prop_assert_eq!(
            serde_json::to_string(&fast).unwrap(),
            serde_json::to_string(&reference).unwrap()
        );
        prop_assert_eq!(fast, reference);
    }
}

/// The random datasets reach what the comparison must cover: rows under a center filter, sums
/// that saturate, other currencies, months of a period.
#[test]
fn random_budget_boards_cover_filters_saturation_currencies_and_periods() {
    let mut runner = TestRunner::deterministic();
    let strategy = (arb_dataset(), arb_filter(), arb_day());
    let (mut filtered, mut saturated, mut currencies, mut periods) = (0, 0, 0, 0);
    for _ in 0..500 {
        let (data, f, today) = strategy.new_tree(&mut runner).unwrap().current();
        let b = aggregate_budget(&data, &f, today);
        let has_rows = !b.by_program.is_empty();
        filtered += usize::from(has_rows && f.center.is_some());
        // Within a few negative amounts of the end of i64: reached only by saturating.
        let max = |t: &BudgetTotals| t.spent.max(t.committed) > i64::MAX - 1_000_000;
        saturated += usize::from(max(&b.total) || b.by_center.iter().any(|r| max(&r.totals)));
        currencies += usize::from(has_rows && !b.other_currencies.is_empty());
        periods += usize::from(has_rows && b.period.is_some() && b.monthly.len() > 1);
    }
    assert!(
        filtered > 40 && saturated > 40 && currencies > 40 && periods > 40,
        "filtered {filtered}, saturated {saturated}, other currencies {currencies}, periods {periods}"
    );
}
