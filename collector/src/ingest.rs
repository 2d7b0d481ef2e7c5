//! Deciding, record by record, what of a batch the collector accepts: pure, no I/O.
//!
//! The caller has already checked the signature, the batch's center and version, and that the
//! batch is new; it stores what is accepted and answers with the [`BatchAck`] built here.

use super::directory::Directory;
use chrono::NaiveDate;
use rasid_shared::board::Dataset;
use rasid_shared::model::project::validate_progress_against;
use rasid_shared::model::validate::{Problem, validate_against_today, validate_envelope};
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

impl Verdict {
    fn reject(&mut self, key: RecordKey, refusal: Refusal) {
        self.ack.rejected.push(Rejection {
            key,
            reason: refusal.text,
            problems: refusal.problems,
        });
        self.reasons.push(refusal.reason);
    }
}

/// Why one record is refused: the stable word, the sentence for the clerk, and the problems
/// (for [`RejectReason::Invalid`]).
#[derive(Debug)]
struct Refusal {
    reason: RejectReason,
    text: String,
    problems: Vec<Problem>,
}

impl Refusal {
    fn new(reason: RejectReason, text: String) -> Refusal {
        Refusal {
            reason,
            text,
            problems: vec![],
        }
    }

    /// An invalid record, or `Ok` when `problems` is empty.
    fn invalid(problems: Vec<Problem>) -> Result<(), Refusal> {
        if problems.is_empty() {
            return Ok(());
        }
        let text = problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ");
        Err(Refusal {
            reason: RejectReason::Invalid,
            text: format!("the record is not valid: {text}"),
            problems,
        })
    }
}

/// What a record is checked against: the batch's center, the registry, what is stored, and
/// what this batch accepted before it (which counts as known).
struct Known<'a> {
    /// The center that signed the batch.
    center: &'a CenterCode,
    dir: &'a Directory,
    data: &'a Dataset,
    pending: Pending,
}

/// Revisions, decisions and projects accepted earlier in the batch.
#[derive(Default)]
struct Pending {
    revisions: HashMap<RecordKey, u64>,
    decisions: HashMap<DecisionNumber, Decision>,
    projects: HashMap<String, (CenterCode, Project)>,
}

impl Known<'_> {
    /// Decision `number`, from this batch or the store.
    fn decision(&self, number: &DecisionNumber) -> Option<&Decision> {
        self.pending
            .decisions
            .get(number)
            .or_else(|| self.data.decisions.get(number).map(|d| &d.value))
    }

    /// Project `code` and its executing center (the first to report it), from this batch or
    /// the store.
    fn project(&self, code: &str) -> Option<(&CenterCode, &Project)> {
        self.pending
            .projects
            .get(code)
            .map(|(c, p)| (c, p))
            .or_else(|| self.data.projects.get(code).map(|s| (&s.center, &s.value)))
    }

    /// True when `key` is stored, or accepted earlier in the batch, at `revision` or newer.
    fn has_revision(&self, key: &RecordKey, revision: u64) -> bool {
        let stored = self
            .pending
            .revisions
            .get(key)
            .copied()
            .or_else(|| self.data.revision(key));
        stored.is_some_and(|r| r >= revision)
    }

    /// Notes `env` as accepted: the records after it in the batch know it.
    fn accept(&mut self, key: RecordKey, env: &RecordEnvelope) {
        self.pending.revisions.insert(key, env.revision);
        match &env.record {
            Record::Decision(d) => {
                self.pending.decisions.insert(d.number, d.clone());
            }
            Record::Project(p) => {
                self.pending
                    .projects
                    .entry(p.code.clone())
                    .or_insert_with(|| (env.center.clone(), p.clone()));
            }
            _ => {}
        }
    }
}

/// One ingest rule: `Ok` lets the record go on to the next rule, `Err` refuses it.
type Rule = fn(&RecordEnvelope, &Known<'_>) -> Result<(), Refusal>;

/// The rules every record passes, in order; the first refusal is the record's answer.
const RULES: &[Rule] = &[
    is_valid,
    is_within_batch_center,
    respects_secretariat_only,
    reports_on_known_decision,
    reports_on_assigned_decision,
    comes_from_executing_center,
    reports_on_known_project,
    progress_fits_project,
];

/// The record passes its own validation.
fn is_valid(env: &RecordEnvelope, _: &Known<'_>) -> Result<(), Refusal> {
    Refusal::invalid(validate_envelope(env))
}

/// The record's center is the batch's center or one reporting through it.
fn is_within_batch_center(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    if k.dir.is_within(&env.center, k.center) {
        return Ok(());
    }
    let center = k.center;
    Err(Refusal::new(
        RejectReason::OutsideCenter,
        format!(
            "{} cannot report for {}: a batch signed by {center} may carry only records of {center} and of centers reporting through it",
            center, env.center
        ),
    ))
}

/// Decisions and sessions come from the secretariat only.
fn respects_secretariat_only(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    let kind = env.record.kind();
    if !kind.secretariat_only() || env.center == *k.dir.secretariat() {
        return Ok(());
    }
    Err(Refusal::new(
        RejectReason::SecretariatOnly,
        format!(
            "only the secretariat ({}) may report {kind} records, not {}",
            k.dir.secretariat(),
            env.center
        ),
    ))
}

/// A decision status reports on a decision the collector knows.
fn reports_on_known_decision(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    match &env.record {
        Record::DecisionStatus(s) if k.decision(&s.decision).is_none() => Err(Refusal::new(
            RejectReason::UnknownDecision,
            format!(
                "decision {} is not known to the collector; check the number",
                s.decision
            ),
        )),
        _ => Ok(()),
    }
}

/// A decision status comes from a center the decision is assigned to.
fn reports_on_assigned_decision(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    let Record::DecisionStatus(s) = &env.record else {
        return Ok(());
    };
    match k.decision(&s.decision) {
        Some(d) if !d.centers.contains(&env.center) => Err(Refusal::new(
            RejectReason::NotAssigned,
            format!("decision {} is not assigned to {}", s.decision, env.center),
        )),
        _ => Ok(()),
    }
}

/// The code of the project a project record or progress report is about.
fn project_code(record: &Record) -> Option<&str> {
    match record {
        Record::Project(p) => Some(p.code.as_str()),
        Record::ProjectProgress(r) => Some(r.project.as_str()),
        _ => None,
    }
}

/// A project belongs to the center that first reported it: only it reports on it.
fn comes_from_executing_center(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    let Some(code) = project_code(&env.record) else {
        return Ok(());
    };
    match k.project(code) {
        Some((owner, _)) if *owner != env.center => Err(Refusal::new(
            RejectReason::NotExecutingCenter,
            format!(
                "project {code} is executed by {owner}; only {owner} reports on it, not {}",
                env.center
            ),
        )),
        _ => Ok(()),
    }
}

/// A progress report is about a project the collector knows.
fn reports_on_known_project(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    match &env.record {
        Record::ProjectProgress(r) if k.project(&r.project).is_none() => Err(Refusal::new(
            RejectReason::UnknownProject,
            format!(
                "project {} is not known to the collector; send the project record first, or check the code",
                r.project
            ),
        )),
        _ => Ok(()),
    }
}

/// A progress report agrees with its project (spending within the budget, unless explained).
fn progress_fits_project(env: &RecordEnvelope, k: &Known<'_>) -> Result<(), Refusal> {
    match (
        &env.record,
        project_code(&env.record).and_then(|c| k.project(c)),
    ) {
        (Record::ProjectProgress(r), Some((_, p))) => {
            Refusal::invalid(validate_progress_against(r, p))
        }
        _ => Ok(()),
    }
}

/// Checks every record of `batch` against the registry and what is already stored.
///
/// A record is accepted when it passes every one of `RULES` (valid, from the batch's center
/// or a center reporting through it, respecting the secretariat's monopoly on decisions and
/// sessions, reporting only on known decisions assigned to its center and on known projects
/// it executes), and is newer than the stored revision (else it is a duplicate). Records
/// earlier in the same batch count as known.
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
    let mut known = Known {
        center: &center,
        dir,
        data,
        pending: Pending::default(),
    };
    for env in records {
        let key = env.key();
        if let Err(refusal) = RULES.iter().try_for_each(|rule| rule(&env, &known)) {
            verdict.reject(key, refusal);
        } else if known.has_revision(&key, env.revision) {
            verdict.ack.duplicates.push(key);
        } else {
            known.accept(key.clone(), &env);
            verdict.ack.accepted.push(key);
            verdict.accepted.push(env);
        }
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
