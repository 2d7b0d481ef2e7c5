//! The reporting board against its reference ([`super::oracle`], the code it had before it was
//! made fast) on random datasets and activity: the same board, to the byte of its JSON.

use super::super::arbitrary::{arb_activity, arb_dataset, arb_day, arb_filter};
use super::*;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn reporting_board_is_the_references_on_random_datasets(
        data in arb_dataset(),
        f in arb_filter(),
        today in arb_day(),
        activity in arb_activity(),
    ) {
        let fast = aggregate_reporting(&data, &f, today, &activity);
        let reference = oracle::aggregate_reporting(&data, &f, today, &activity);
        prop_assert_eq!(
            serde_json::to_string(&fast).unwrap(),
            serde_json::to_string(&reference).unwrap()
        );
        prop_assert_eq!(fast, reference);
    }
}
