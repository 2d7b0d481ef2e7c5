//! The demo's data as an in-process dataset (for `--screenshot --demo` and tests); the living
//! demo with its embedded collector is in `live_demo`.

use rasid_shared::board::Dataset;
use rasid_shared::demo;

/// The demo dataset with its registry of centers.
pub fn demo_dataset() -> Dataset {
    let d = demo::generate();
    Dataset::from_envelopes(d.centers.clone(), d.all_revisions())
}
