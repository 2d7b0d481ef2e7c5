//! One decision's story, asked for by number: what it says, who must execute it, every status
//! each center reported over time, the follow-ups taken and the similar decisions linked to it.
//!
//! Pure: computed from the [`Dataset`] (the latest records) and the stored revisions of the
//! decision's status records, which the caller reads from its store. Not a board of the rotation.

use super::{Dataset, Execution, days_overdue, execution_of};
use crate::model::*;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One report of a center's status on the decision, as it was received.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusRevision {
    /// The day the report's figures are as of.
    pub as_of: NaiveDate,
    /// The record's revision: later reports have higher revisions.
    pub revision: u64,
    /// The status reported.
    pub status: ExecutionStatus,
    /// Percent complete reported, 0 to 100.
    pub progress: u8,
    /// The note reported, empty when none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

/// A responsible center and every status it reported on the decision, oldest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterStory {
    /// The responsible center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its English name (its code when it is not registered).
    pub name_en: String,
    /// True for the lead center (the decision's first).
    pub lead: bool,
    /// Every revision of its status the collector keeps, oldest first; empty when it has not
    /// reported. The last one is its current status.
    pub revisions: Vec<StatusRevision>,
}

/// One follow-up action taken on the decision, and the center whose report recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct StoryFollowUp {
    /// The day it was taken.
    pub date: NaiveDate,
    /// Call, letter, message or memo request.
    pub kind: FollowUpKind,
    /// The center whose current status lists it.
    pub center: CenterCode,
}

/// A similar decision linked to this one.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct LinkedDecision {
    /// The linked decision's number.
    pub number: DecisionNumber,
    /// False when no decision of that number was received: the link is kept, and shown as
    /// unknown, never dropped.
    pub known: bool,
    /// Its title; `None` when unknown.
    pub title: Option<String>,
    /// Its execution as the decision-execution board derives it; `None` when unknown.
    pub execution: Option<Execution>,
}

/// One decision's story ([`decision_story`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionStory {
    /// The decision's number.
    pub number: DecisionNumber,
    /// The day the cabinet issued it.
    pub date: NaiveDate,
    /// The day its session was held, when the session was received.
    pub session_date: Option<NaiveDate>,
    /// Decision or assignment.
    pub kind: DecisionKind,
    /// Its title, whole.
    pub title: String,
    /// A routine decision needs no follow-up and is never overdue.
    pub routine: bool,
    /// The secretariat's classification.
    pub classification: Classification,
    /// The day execution is due, if set.
    pub due: Option<NaiveDate>,
    /// The day overdue is counted against (the boards' today).
    pub today: NaiveDate,
    /// Days past `due` by the overdue board's rule; `None` when not overdue.
    pub days_overdue: Option<i64>,
    /// Its execution, combined over every responsible center as the boards combine it.
    pub execution: Execution,
    /// Mean progress of the responsible centers, percent rounded down; 0 for a center that has
    /// not reported.
    pub progress: u8,
    /// The newest report date among its statuses; `None` when none was reported.
    pub as_of: Option<NaiveDate>,
    /// Each responsible center, the lead first, with its statuses over time.
    pub centers: Vec<CenterStory>,
    /// The follow-up actions taken, oldest first.
    pub follow_ups: Vec<StoryFollowUp>,
    /// The similar decisions linked to it, in the decision's order.
    pub links: Vec<LinkedDecision>,
}

/// Why there is no story to tell.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StoryError {
    /// No decision of that number was received.
    #[error(
        "no decision {0} was received; check the number (government/session/item, e.g. 18/212/02)"
    )]
    NotFound(DecisionNumber),
}

/// The story of decision `number` as of `today`, from the latest records in `data` and
/// `history`: stored revisions of status records (any order, any decision; those of other
/// decisions are ignored). The current status of each center is always among its revisions,
/// even when `history` lacks it. Errors with [`StoryError::NotFound`] when `data` has no such
/// decision.
pub fn decision_story<'a>(
    data: &Dataset,
    number: &DecisionNumber,
    history: impl IntoIterator<Item = &'a RecordEnvelope>,
    today: NaiveDate,
) -> Result<DecisionStory, StoryError> {
    let d = &data
        .decisions
        .get(number)
        .ok_or(StoryError::NotFound(*number))?
        .value;
    let mut revisions = revisions_by_center(number, history);
    let centers: Vec<CenterStory> = d
        .centers
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut revs = revisions.remove(c).unwrap_or_default();
            if let Some(s) = data.status_of(number, c) {
                revs.insert(s.revision, revision_of(s.as_of, s.revision, &s.value));
            }
            let (name_ar, name_en) = data.center_names(c);
            CenterStory {
                center: c.clone(),
                name_ar,
                name_en,
                lead: i == 0,
                revisions: revs.into_values().collect(),
            }
        })
        .collect();
    let (execution, as_of, progress) = execution_of(data, d, None);
    Ok(DecisionStory {
        number: *number,
        date: d.date,
        session_date: data
            .sessions
            .get(&(number.government, number.session))
            .map(|s| s.value.date),
        kind: d.kind,
        title: d.title.clone(),
        routine: d.routine,
        classification: d.classification.clone(),
        due: d.due,
        today,
        days_overdue: days_overdue(d, execution, today),
        execution,
        progress,
        as_of,
        follow_ups: follow_ups(data, d),
        links: d.links.iter().map(|n| linked(data, n)).collect(),
        centers,
    })
}

/// The natural key `center`'s status on `number` is stored under, whose revisions a store's
/// history keeps: what a caller reads to pass as [`decision_story`]'s `history`.
pub fn status_key(number: &DecisionNumber, center: &CenterCode) -> RecordKey {
    Record::DecisionStatus(DecisionStatus {
        decision: *number,
        status: ExecutionStatus::NotStarted,
        progress: 0,
        note: String::new(),
        follow_ups: Vec::new(),
    })
    .key(center)
}

/// The status revisions of `number` in `history`, per reporting center, by revision.
fn revisions_by_center<'a>(
    number: &DecisionNumber,
    history: impl IntoIterator<Item = &'a RecordEnvelope>,
) -> BTreeMap<CenterCode, BTreeMap<u64, StatusRevision>> {
    let mut out: BTreeMap<CenterCode, BTreeMap<u64, StatusRevision>> = BTreeMap::new();
    for env in history {
        if let Record::DecisionStatus(s) = &env.record
            && s.decision == *number
        {
            out.entry(env.center.clone())
                .or_default()
                .insert(env.revision, revision_of(env.as_of, env.revision, s));
        }
    }
    out
}

fn revision_of(as_of: NaiveDate, revision: u64, s: &DecisionStatus) -> StatusRevision {
    StatusRevision {
        as_of,
        revision,
        status: s.status,
        progress: s.progress,
        note: s.note.clone(),
    }
}

/// The follow-ups the responsible centers' current statuses list, oldest first.
fn follow_ups(data: &Dataset, d: &Decision) -> Vec<StoryFollowUp> {
    let mut out: Vec<StoryFollowUp> = d
        .centers
        .iter()
        .filter_map(|c| data.status_of(&d.number, c).map(|s| (c, s)))
        .flat_map(|(c, s)| {
            s.value.follow_ups.iter().map(|f| StoryFollowUp {
                date: f.date,
                kind: f.kind,
                center: c.clone(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.center.cmp(&b.center)));
    out
}

fn linked(data: &Dataset, number: &DecisionNumber) -> LinkedDecision {
    match data.decisions.get(number) {
        Some(s) => LinkedDecision {
            number: *number,
            known: true,
            title: Some(s.value.title.clone()),
            execution: Some(execution_of(data, &s.value, None).0),
        },
        None => LinkedDecision {
            number: *number,
            known: false,
            title: None,
            execution: None,
        },
    }
}

#[cfg(test)]
mod tests;
