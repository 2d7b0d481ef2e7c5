//! The demo's data as an in-process dataset (for `--screenshot --demo` and tests); the living
//! demo with its embedded collector is in `live_demo`.

use crate::feed::DatasetSource;
use rasid_shared::board::{BoardContext, Dataset};
use rasid_shared::demo;

/// The demo dataset with its registry of centers.
pub fn demo_dataset() -> Dataset {
    let d = demo::generate();
    Dataset::from_envelopes(d.centers.clone(), d.all_revisions())
}

/// The demo as a source of boards and decisions' stories (with the earlier status revisions a
/// collector's history would keep), counting overdue against `ctx.today`.
pub fn demo_source(ctx: BoardContext) -> DatasetSource {
    let d = demo::generate();
    let history = demo::status_history(&d);
    let data = Dataset::from_envelopes(d.centers.clone(), d.all_revisions());
    DatasetSource::new(data, ctx).with_history(history)
}
