//! Board `complaints`: government complaints of the year — received, referred to the competent
//! departments, accepted or rejected, and of the accepted the share processed — by center (the
//! weakest processing first), by quarter, and the stuck ones.

use super::{BoardFilter, Dataset, default_year, latest};
use crate::model::*;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Complaints summed over some quarters and centers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintCounts {
    /// Received.
    pub received: u64,
    /// Referred to the competent departments.
    pub referred: u64,
    /// Accepted by the unit.
    pub accepted: u64,
    /// Rejected by the unit.
    pub rejected: u64,
    /// Of the accepted, processed.
    pub processed: u64,
    /// Of the accepted, still in process.
    pub pending: u64,
    /// Stuck: open past the time allowed.
    pub overdue: u64,
}

impl ComplaintCounts {
    fn add(&mut self, c: &ComplaintsQuarter) {
        self.received += u64::from(c.received);
        self.referred += u64::from(c.referred);
        self.accepted += u64::from(c.accepted);
        self.rejected += u64::from(c.rejected);
        self.processed += u64::from(c.processed);
        self.pending += u64::from(c.pending);
        self.overdue += u64::from(c.overdue);
    }

    /// Handled by the unit itself: accepted and rejected.
    pub fn handled(&self) -> u64 {
        self.accepted + self.rejected
    }

    /// Processed as a percentage of the accepted; `None` when none was accepted.
    pub fn processing_rate(&self) -> Option<f64> {
        (self.accepted > 0).then(|| 100.0 * self.processed as f64 / self.accepted as f64)
    }
}

/// One center's complaints in the year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterComplaints {
    /// The reporting center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its figures summed over the year's quarters.
    pub counts: ComplaintCounts,
    /// [`ComplaintCounts::processing_rate`] of `counts`.
    pub processing_rate: Option<f64>,
    /// The newest report date among its records.
    pub as_of: Option<NaiveDate>,
}

/// One quarter, every center in the filter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct QuarterComplaints {
    /// The quarter, 1 to 4.
    pub quarter: u8,
    /// Its figures.
    pub counts: ComplaintCounts,
    /// [`ComplaintCounts::processing_rate`] of `counts`.
    pub processing_rate: Option<f64>,
}

/// Board `complaints`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ComplaintsBoard {
    /// The newest report date among the records counted.
    pub as_of: Option<NaiveDate>,
    /// The year shown: the filter's, else one the board picks among the years reported; `None`
    /// when nothing is counted.
    pub year: Option<i32>,
    /// Every center in the filter, the year's quarters summed.
    pub total: ComplaintCounts,
    /// [`ComplaintCounts::processing_rate`] of `total`.
    pub processing_rate: Option<f64>,
    /// One row per reporting center: the lowest processing rate first (then the most stuck,
    /// then by code); centers that accepted none last.
    pub centers: Vec<CenterComplaints>,
    /// One row per quarter reported, in order.
    pub quarters: Vec<QuarterComplaints>,
}

/// Board `complaints` of the filter's center (and those reporting through it) and year; without
/// a year in the filter, [`default_year`] of the years reported, against `today`.
pub fn aggregate_complaints(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> ComplaintsBoard {
    let all: Vec<&super::Stored<ComplaintsQuarter>> = data
        .complaints
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .collect();
    let year = f
        .year
        .or_else(|| default_year(all.iter().map(|s| s.value.year), today));
    let mut total = ComplaintCounts::default();
    let mut as_of = None;
    let mut per_center: BTreeMap<&CenterCode, (ComplaintCounts, Option<NaiveDate>)> =
        BTreeMap::new();
    let mut per_quarter: BTreeMap<u8, ComplaintCounts> = BTreeMap::new();
    for s in all.iter().filter(|s| Some(s.value.year) == year) {
        total.add(&s.value);
        as_of = latest(as_of, Some(s.as_of));
        let c = per_center.entry(&s.center).or_default();
        c.0.add(&s.value);
        c.1 = latest(c.1, Some(s.as_of));
        per_quarter
            .entry(s.value.quarter)
            .or_default()
            .add(&s.value);
    }
    let mut centers: Vec<CenterComplaints> = per_center
        .into_iter()
        .map(|(center, (counts, as_of))| CenterComplaints {
            name_ar: data.center_names(center).0,
            center: center.clone(),
            processing_rate: counts.processing_rate(),
            counts,
            as_of,
        })
        .collect();
    centers.sort_by(|a, b| {
        a.processing_rate
            .unwrap_or(f64::INFINITY)
            .total_cmp(&b.processing_rate.unwrap_or(f64::INFINITY))
            .then(b.counts.overdue.cmp(&a.counts.overdue))
            .then(a.center.cmp(&b.center))
    });
    ComplaintsBoard {
        as_of,
        year: if as_of.is_some() { year } else { None },
        processing_rate: total.processing_rate(),
        total,
        centers,
        quarters: per_quarter
            .into_iter()
            .map(|(quarter, counts)| QuarterComplaints {
                quarter,
                processing_rate: counts.processing_rate(),
                counts,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
