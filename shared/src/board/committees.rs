//! Committees: formed, meetings, minutes, recommendations submitted and approved.

use super::{BoardFilter, Dataset, default_year, latest};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One committee on the committees board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommitteeRow {
    /// The committee's code.
    pub committee: String,
    /// Its name.
    pub name: String,
    /// Meetings held in the board's year.
    pub meetings: u32,
    /// Recommendations submitted to the cabinet in the year.
    pub recommendations_submitted: u32,
    /// Of those, approved by the cabinet.
    pub recommendations_approved: u32,
    /// Active or finished.
    pub status: CommitteeStatus,
}

/// Board `committees`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CommitteesBoard {
    /// The newest report date among the committees counted.
    pub as_of: Option<NaiveDate>,
    /// The year shown: the filter's, else one the board picks among the years reported; `None`
    /// when no committee is counted.
    pub year: Option<i32>,
    /// Committees with activity reported for the year.
    pub committees: u32,
    /// Of those, formed during the year.
    pub formed: u32,
    /// Of those, still active.
    pub active: u32,
    /// Of those, finished their mandate.
    pub finished: u32,
    /// Meetings held, all committees together.
    pub meetings: u32,
    /// Minutes written.
    pub minutes: u32,
    /// Minutes put before the cabinet.
    pub minutes_to_cabinet: u32,
    /// Recommendations submitted to the cabinet.
    pub recommendations_submitted: u32,
    /// Recommendations the cabinet approved.
    pub recommendations_approved: u32,
    /// The busiest committees by meetings, at most `COMMITTEE_ROWS`.
    pub busiest: Vec<CommitteeRow>,
}

/// Most committees the committees board lists in `busiest`.
pub const COMMITTEE_ROWS: usize = 10;

impl CommitteesBoard {
    /// Approved as a percentage of submitted recommendations.
    pub fn approval_pct(&self) -> Option<f64> {
        (self.recommendations_submitted > 0).then(|| {
            100.0 * self.recommendations_approved as f64 / self.recommendations_submitted as f64
        })
    }
}

/// Board `committees` of the filter's center and year. Without a year in the filter, the year
/// is [`default_year`] of the years with committee activity, against `today`.
pub fn aggregate_committees(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> CommitteesBoard {
    let all: Vec<_> = data
        .committees
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
    let mut b = CommitteesBoard {
        as_of: None,
        year,
        committees: 0,
        formed: 0,
        active: 0,
        finished: 0,
        meetings: 0,
        minutes: 0,
        minutes_to_cabinet: 0,
        recommendations_submitted: 0,
        recommendations_approved: 0,
        busiest: Vec::new(),
    };
    for s in all.into_iter().filter(|s| Some(s.value.year) == year) {
        let c = &s.value;
        b.as_of = latest(b.as_of, Some(s.as_of));
        b.committees += 1;
        if c.formed.year() == c.year {
            b.formed += 1;
        }
        match c.status {
            CommitteeStatus::Active => b.active += 1,
            CommitteeStatus::Finished => b.finished += 1,
        }
        add_counts(&mut b, c);
        b.busiest.push(CommitteeRow {
            committee: c.committee.clone(),
            name: c.name.clone(),
            meetings: c.meetings,
            recommendations_submitted: c.recommendations_submitted,
            recommendations_approved: c.recommendations_approved,
            status: c.status,
        });
    }
    b.busiest.sort_by(|a, b| {
        b.meetings
            .cmp(&a.meetings)
            .then(a.committee.cmp(&b.committee))
    });
    b.busiest.truncate(COMMITTEE_ROWS);
    if b.committees == 0 {
        b.year = None;
    }
    b
}

/// Adds a committee's counts to the board's; they are whatever a center sent, so the sums
/// saturate rather than wrap.
fn add_counts(b: &mut CommitteesBoard, c: &CommitteeActivity) {
    b.meetings = b.meetings.saturating_add(c.meetings);
    b.minutes = b.minutes.saturating_add(c.minutes);
    b.minutes_to_cabinet = b.minutes_to_cabinet.saturating_add(c.minutes_to_cabinet);
    b.recommendations_submitted = b
        .recommendations_submitted
        .saturating_add(c.recommendations_submitted);
    b.recommendations_approved = b
        .recommendations_approved
        .saturating_add(c.recommendations_approved);
}
