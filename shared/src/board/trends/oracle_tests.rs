//! The centers' trends (the centers board's sparklines) against their reference
//! ([`super::oracle`], the code before they were made fast) on random decisions and statuses.

use super::super::arbitrary::{arb_dataset, arb_day, arb_decisions, arb_filter, registry};
use super::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn center_trends_are_the_references_on_random_decisions(
        records in arb_decisions(),
        f in arb_filter(),
        today in arb_day(),
        other_days in proptest::collection::vec(arb_day(), 0..4),
    ) {
        let data = Dataset::from_envelopes(registry(), records);
        // The centers board's days (each month's end of the year so far), and any others.
        let year = f.year.unwrap_or(2023);
        let mut days: Vec<NaiveDate> = months_through(year, today).into_iter().map(|(_, d)| d).collect();
        days.extend(other_days);
        let fast = center_trends(&data, &f, &days);
        let reference = oracle::center_trends(&data, &f, &days);
        prop_assert_eq!(format!("{fast:?}"), format!("{reference:?}"));
        prop_assert_eq!(&fast, &reference);
    }

    #[test]
    fn trends_board_is_the_references_on_random_datasets(
        mut data in arb_dataset(),
        records in arb_decisions(),
        f in arb_filter(),
        today in arb_day(),
    ) {
        for e in records {
            data.apply(e);
        }
        let fast = aggregate_trends(&data, &f, today);
        let reference = oracle::aggregate_trends(&data, &f, today);
        prop_assert_eq!(
            serde_json::to_string(&fast).unwrap(),
            serde_json::to_string(&reference).unwrap()
        );
        prop_assert_eq!(fast, reference);
    }
}
