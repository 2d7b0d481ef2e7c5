//! The centers' trends as computed before they were made fast (commit d9b0c08): the reference
//! the property test in `trends/oracle_tests.rs` holds [`super::center_trends`] to. Test-only;
//! its code is the old code, unchanged but for its imports.

use super::super::decisions::{filtered, responsible_within};
use super::super::{BoardFilter, Dataset, ExecutionCounts, combine_statuses};
use crate::model::*;
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Each responsible center's own execution rate at each of `days` (within the filter's center):
/// executed over reported, as the centers board counts it. One value per day, `None` where the
/// center had reported nothing by then.
pub(super) fn center_trends(
    data: &Dataset,
    f: &BoardFilter,
    days: &[NaiveDate],
) -> BTreeMap<CenterCode, Vec<Option<f64>>> {
    let mut out: BTreeMap<CenterCode, Vec<Option<f64>>> = BTreeMap::new();
    for (i, day) in days.iter().enumerate() {
        let mut counts: BTreeMap<&CenterCode, ExecutionCounts> = BTreeMap::new();
        for d in filtered(data, f).filter(|d| !d.routine && d.date <= *day) {
            for c in responsible_within(data, d, f.center.as_ref()) {
                let s = data.status_on(&d.number, c, *day).map(|p| p.status);
                counts.entry(c).or_default().add(combine_statuses(&[s]));
            }
        }
        for (c, n) in counts {
            out.entry(c.clone())
                .or_insert_with(|| vec![None; days.len()])[i] = n.percent(n.executed);
        }
    }
    out
}
