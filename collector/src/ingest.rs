//! Deciding, record by record, what of a batch the collector accepts: pure, no I/O.
//!
//! The caller has already checked the signature, the batch's center and version, and that the
//! batch is new; it stores what is accepted and answers with the [`BatchAck`] built here.

use super::directory::Directory;
use chrono::NaiveDate;
use rasid_shared::board::Dataset;
use rasid_shared::model::project::validate_progress_against;
use rasid_shared::model::validate::{validate_against_today, validate_envelope};
use rasid_shared::model::{
    CenterCode, Decision, DecisionNumber, Project, Record, RecordEnvelope, RecordKey,
};
use rasid_shared::wire::{Batch, BatchAck, Rejection};
use std::collections::HashMap;

/// Why a record was rejected, as a stable word (the `reason` label of `/metrics`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RejectReason {
    /// The record fails validation (`problems` say where).
    Invalid,
    /// The record's center is neither the batch's center nor one reporting through it.
    OutsideCenter,
    /// A decision or session from a center other than the secretariat.
    SecretariatOnly,
    /// A status for a decision the collector does not know.
    UnknownDecision,
    /// A status for a decision not assigned to the reporting center.
    NotAssigned,
    /// A project record or report from a center other than the project's executing center.
    NotExecutingCenter,
    /// A progress report for a project the collector does not know.
    UnknownProject,
    /// An as-of date or a year after the collector's today allows
    /// ([`validate_against_today`]; `problems` say which).
    FutureDate,
}

impl RejectReason {
    pub fn as_str(self) -> &'static str {
        match self {
            RejectReason::Invalid => "invalid",
            RejectReason::OutsideCenter => "outside-center",
            RejectReason::SecretariatOnly => "secretariat-only",
            RejectReason::UnknownDecision => "unknown-decision",
            RejectReason::NotAssigned => "not-assigned",
            RejectReason::NotExecutingCenter => "not-executing-center",
            RejectReason::UnknownProject => "unknown-project",
            RejectReason::FutureDate => "future-date",
        }
    }
}

/// The outcome of checking a batch.
#[derive(Debug)]
pub struct Verdict {
    /// Envelopes to store, in batch order.
    pub accepted: Vec<RecordEnvelope>,
    pub ack: BatchAck,
    /// One entry per rejection, in the order of `ack.rejected`.
    pub reasons: Vec<RejectReason>,
}

/// Checks every record of `batch` against the registry and what is already stored.
///
/// A record is accepted when it is valid, belongs to the batch's center (or a center reporting
/// through it), respects the secretariat's monopoly on decisions and sessions, reports only on
/// decisions assigned to its center, and is newer than the stored revision (else it is a
/// duplicate). Decisions earlier in the same batch count as known.
pub fn check_batch(batch: Batch, dir: &Directory, data: &Dataset) -> Verdict {
    let Batch {
        center,
        agent,
        epoch,
        seq,
        records,
        ..
    } = batch;
    let mut verdict = Verdict {
        accepted: Vec::with_capacity(records.len()),
        ack: BatchAck {
            center: center.clone(),
            agent,
            epoch,
            seq,
            digest: None,
            replay: false,
            accepted: vec![],
            duplicates: vec![],
            rejected: vec![],
        },
        reasons: Vec::new(),
    };
    // Revisions and decisions accepted earlier in this batch.
    let mut pending: HashMap<RecordKey, u64> = HashMap::new();
    let mut pending_decisions: HashMap<DecisionNumber, Decision> = HashMap::new();
    let mut pending_projects: HashMap<String, (CenterCode, Project)> = HashMap::new();
    for env in records {
        let key = env.key();
        let mut reject = |reason: RejectReason, text: String, problems| {
            verdict.ack.rejected.push(Rejection {
                key: key.clone(),
                reason: text,
                problems,
            });
            verdict.reasons.push(reason);
        };
        let problems = validate_envelope(&env);
        if !problems.is_empty() {
            let text = problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ");
            reject(
                RejectReason::Invalid,
                format!("the record is not valid: {text}"),
                problems,
            );
            continue;
        }
        if !dir.is_within(&env.center, &center) {
            reject(
                RejectReason::OutsideCenter,
                format!(
                    "{} cannot report for {}: a batch signed by {center} may carry only records of {center} and of centers reporting through it",
                    center, env.center
                ),
                vec![],
            );
            continue;
        }
        let kind = env.record.kind();
        if kind.secretariat_only() && env.center != *dir.secretariat() {
            reject(
                RejectReason::SecretariatOnly,
                format!(
                    "only the secretariat ({}) may report {kind} records, not {}",
                    dir.secretariat(),
                    env.center
                ),
                vec![],
            );
            continue;
        }
        if let Record::DecisionStatus(s) = &env.record {
            let decision = pending_decisions
                .get(&s.decision)
                .or_else(|| data.decisions.get(&s.decision).map(|d| &d.value));
            match decision {
                None => {
                    reject(
                        RejectReason::UnknownDecision,
                        format!(
                            "decision {} is not known to the collector; check the number",
                            s.decision
                        ),
                        vec![],
                    );
                    continue;
                }
                Some(d) if !d.centers.contains(&env.center) => {
                    reject(
                        RejectReason::NotAssigned,
                        format!("decision {} is not assigned to {}", s.decision, env.center),
                        vec![],
                    );
                    continue;
                }
                Some(_) => {}
            }
        }
        // A project belongs to the center that first reported it: only it reports on it.
        let project_code = match &env.record {
            Record::Project(p) => Some(p.code.as_str()),
            Record::ProjectProgress(r) => Some(r.project.as_str()),
            _ => None,
        };
        if let Some(code) = project_code {
            let known = pending_projects
                .get(code)
                .map(|(c, p)| (c.clone(), p.clone()))
                .or_else(|| {
                    data.projects
                        .get(code)
                        .map(|s| (s.center.clone(), s.value.clone()))
                });
            match (&env.record, known) {
                (_, Some((owner, _))) if owner != env.center => {
                    reject(
                        RejectReason::NotExecutingCenter,
                        format!(
                            "project {code} is executed by {owner}; only {owner} reports on it, not {}",
                            env.center
                        ),
                        vec![],
                    );
                    continue;
                }
                (Record::ProjectProgress(_), None) => {
                    reject(
                        RejectReason::UnknownProject,
                        format!(
                            "project {code} is not known to the collector; send the project record first, or check the code"
                        ),
                        vec![],
                    );
                    continue;
                }
                (Record::ProjectProgress(r), Some((_, p))) => {
                    let problems = validate_progress_against(r, &p);
                    if !problems.is_empty() {
                        let text = problems
                            .iter()
                            .map(ToString::to_string)
                            .collect::<Vec<_>>()
                            .join("; ");
                        reject(
                            RejectReason::Invalid,
                            format!("the record is not valid: {text}"),
                            problems,
                        );
                        continue;
                    }
                }
                _ => {}
            }
        }
        let stored = pending.get(&key).copied().or_else(|| data.revision(&key));
        if stored.is_some_and(|r| r >= env.revision) {
            verdict.ack.duplicates.push(key);
            continue;
        }
        pending.insert(key.clone(), env.revision);
        if let Record::Decision(d) = &env.record {
            pending_decisions.insert(d.number, d.clone());
        }
        if let Record::Project(p) = &env.record {
            pending_projects
                .entry(p.code.clone())
                .or_insert_with(|| (env.center.clone(), p.clone()));
        }
        verdict.ack.accepted.push(key);
        verdict.accepted.push(env);
    }
    verdict
}

/// Takes out of `batch` the records dated after what the collector's `today` allows (an as-of
/// date a few days ahead, a year after next: [`validate_against_today`]), each refused with
/// [`RejectReason::FutureDate`]. The rest go on to [`check_batch`]; [`Verdict::refuse`] adds
/// these refusals to its verdict.
pub fn take_future_records(batch: &mut Batch, today: NaiveDate) -> Vec<(Rejection, RejectReason)> {
    let mut refused = Vec::new();
    batch.records.retain(|env| {
        let problems = validate_against_today(env.as_of, &env.record, today);
        if problems.is_empty() {
            return true;
        }
        let text = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        let rejection = Rejection {
            key: env.key(),
            reason: format!("the record is dated after the collector's today, {today}: {text}"),
            problems,
        };
        refused.push((rejection, RejectReason::FutureDate));
        false
    });
    refused
}

impl Verdict {
    /// Adds records refused before [`check_batch`] saw the batch.
    pub fn refuse(&mut self, refused: Vec<(Rejection, RejectReason)>) {
        for (rejection, reason) in refused {
            self.ack.rejected.push(rejection);
            self.reasons.push(reason);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;
    use chrono::{NaiveDate, Utc};
    use rasid_shared::model::*;

    fn code(c: &str) -> CenterCode {
        CenterCode::new(c).unwrap()
    }

    fn directory() -> Directory {
        let text = "secretariat = \"GSC\"\n\
            [[center]]\ncode = \"GSC\"\nname_ar = \"أ\"\nname_en = \"G\"\n\
            [[center]]\ncode = \"MOH\"\nname_ar = \"ب\"\nname_en = \"H\"\n\
            [[center]]\ncode = \"MOH-PHC\"\nname_ar = \"ج\"\nname_en = \"P\"\nparent = \"MOH\"\n";
        Directory::new(Registry::parse(text).unwrap())
    }

    fn env(center: &str, revision: u64, record: Record) -> RecordEnvelope {
        RecordEnvelope {
            center: code(center),
            as_of: NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
            revision,
            record,
        }
    }

    fn decision(centers: &[&str]) -> Record {
        Record::Decision(Decision {
            number: DecisionNumber::new(18, 212, 2),
            date: NaiveDate::from_ymd_opt(2023, 5, 1).unwrap(),
            kind: DecisionKind::Decision,
            title: "قرار".into(),
            routine: false,
            classification: Classification::default(),
            centers: centers.iter().map(|c| code(c)).collect(),
            due: None,
            links: vec![],
        })
    }

    fn project(budget: i64) -> Record {
        Record::Project(Project {
            code: "MOH-HOSP".into(),
            name_ar: "مستشفى".into(),
            name_en: String::new(),
            sector: "الصحة".into(),
            plan: String::new(),
            funding: FundingSource::Treasury,
            donor: None,
            agreement: None,
            start: NaiveDate::from_ymd_opt(2023, 1, 1).unwrap(),
            planned_end: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap(),
            budget,
            currency: "ILS".into(),
        })
    }

    fn progress_report(spent: i64) -> Record {
        Record::ProjectProgress(ProjectProgress {
            project: "MOH-HOSP".into(),
            period_end: NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
            planned_progress: 50,
            actual_progress: 45,
            cumulative_spent: spent,
            status: ProjectStatus::OnTrack,
            obstacle: String::new(),
        })
    }

    #[test]
    fn only_the_executing_center_reports_on_its_project() {
        let dir = directory();
        let mut data = Dataset::default();
        // An unknown project's report is refused; the project and its report in one batch pass.
        let v = check_batch(
            batch("MOH", vec![env("MOH", 1, progress_report(10))]),
            &dir,
            &data,
        );
        assert_eq!(v.reasons, [RejectReason::UnknownProject]);
        let v = check_batch(
            batch(
                "MOH",
                vec![
                    env("MOH", 1, project(100)),
                    env("MOH", 1, progress_report(10)),
                ],
            ),
            &dir,
            &data,
        );
        assert_eq!(v.accepted.len(), 2);
        for e in v.accepted {
            data.apply(e);
        }
        // Another center may neither redefine the project nor report on it.
        let v = check_batch(
            batch(
                "GSC",
                vec![
                    env("GSC", 2, project(100)),
                    env("GSC", 1, progress_report(20)),
                ],
            ),
            &dir,
            &data,
        );
        assert_eq!(
            v.reasons,
            [
                RejectReason::NotExecutingCenter,
                RejectReason::NotExecutingCenter
            ]
        );
        assert!(
            v.ack.rejected[0].reason.contains("executed by MOH"),
            "{}",
            v.ack.rejected[0].reason
        );
        // Spending over the budget without a word is refused.
        let v = check_batch(
            batch("MOH", vec![env("MOH", 2, progress_report(150))]),
            &dir,
            &data,
        );
        assert_eq!(v.reasons, [RejectReason::Invalid]);
        assert!(
            v.ack.rejected[0]
                .reason
                .contains("more than the project's budget")
        );
    }

    fn status(progress: u8) -> Record {
        Record::DecisionStatus(DecisionStatus {
            decision: DecisionNumber::new(18, 212, 2),
            status: ExecutionStatus::InProgress,
            progress,
            note: String::new(),
            follow_ups: vec![],
        })
    }

    fn batch(center: &str, records: Vec<RecordEnvelope>) -> Batch {
        Batch {
            version: 1,
            center: code(center),
            agent: "k".into(),
            epoch: String::new(),
            seq: 1,
            created: Utc::now(),
            records,
        }
    }

    #[test]
    fn a_decision_earlier_in_the_batch_is_known_to_the_statuses_after_it() {
        let b = batch(
            "GSC",
            vec![env("GSC", 1, decision(&["GSC"])), env("GSC", 1, status(10))],
        );
        let v = check_batch(b, &directory(), &Dataset::default());
        assert_eq!(v.ack.accepted.len(), 2, "{:?}", v.ack.rejected);
    }

    #[test]
    fn a_ministry_carries_its_directorates_records_but_only_for_their_assignments() {
        let mut data = Dataset::default();
        data.apply(env("GSC", 1, decision(&["MOH-PHC"])));
        let b = batch(
            "MOH",
            vec![env("MOH-PHC", 1, status(10)), env("MOH", 1, status(10))],
        );
        let v = check_batch(b, &directory(), &data);
        assert_eq!(v.ack.accepted.len(), 1);
        assert_eq!(v.reasons, [RejectReason::NotAssigned]);
        assert_eq!(
            v.ack.rejected[0].reason,
            "decision 18/212/02 is not assigned to MOH"
        );
        // The directorate may not carry the ministry's records.
        let up = batch("MOH-PHC", vec![env("MOH", 1, status(10))]);
        assert_eq!(
            check_batch(up, &directory(), &data).reasons,
            [RejectReason::OutsideCenter]
        );
    }

    #[test]
    fn within_a_batch_and_against_the_store_only_newer_revisions_count() {
        let mut data = Dataset::default();
        data.apply(env("GSC", 1, decision(&["MOH"])));
        data.apply(env("MOH", 2, status(20)));
        let b = batch(
            "MOH",
            vec![
                env("MOH", 2, status(30)),
                env("MOH", 3, status(30)),
                env("MOH", 3, status(40)),
                env("MOH", 4, status(50)),
            ],
        );
        let v = check_batch(b, &directory(), &data);
        assert_eq!(
            v.accepted.iter().map(|e| e.revision).collect::<Vec<_>>(),
            [3, 4]
        );
        assert_eq!(v.ack.duplicates.len(), 2);
    }

    #[test]
    fn records_dated_in_the_future_are_taken_out_with_their_own_reason() {
        let today = NaiveDate::from_ymd_opt(2024, 2, 12).unwrap();
        let mut future = env("MOH", 1, status(10));
        future.as_of = NaiveDate::from_ymd_opt(2101, 1, 31).unwrap();
        let mut b = batch("MOH", vec![future, env("MOH", 2, status(20))]);
        let refused = take_future_records(&mut b, today);
        assert_eq!(b.records.len(), 1);
        assert_eq!(b.records[0].revision, 2);
        let mut data = Dataset::default();
        data.apply(env("GSC", 1, decision(&["MOH"])));
        let mut v = check_batch(b, &directory(), &data);
        v.refuse(refused);
        assert_eq!(v.ack.accepted.len(), 1);
        assert_eq!(v.reasons, [RejectReason::FutureDate]);
        assert_eq!(RejectReason::FutureDate.as_str(), "future-date");
        let r = &v.ack.rejected[0];
        assert_eq!(r.problems[0].field, "as_of");
        assert!(
            r.reason
                .contains("2101-01-31 is more than 3 days after today (2024-02-12)"),
            "{}",
            r.reason
        );
    }
}
