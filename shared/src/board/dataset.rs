//! The current records held in memory, by kind: the input of every board.
//!
//! A collector keeps one `Dataset` updated per accepted record; tests and the demo build one
//! from a list. Applying an envelope keeps the highest revision per key, so applying the same
//! records in any order, any number of times, gives the same dataset.

use crate::model::*;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// A record with who reported it, as of when, and its revision.
#[derive(Debug, Clone, PartialEq)]
pub struct Stored<T> {
    /// The center that reported it (the envelope's center).
    pub center: CenterCode,
    /// The day its figures are as of.
    pub as_of: NaiveDate,
    /// Its revision; the highest seen for its key.
    pub revision: u64,
    /// The record.
    pub value: T,
}

/// The plan a decision or KPI record was first reported with: the lowest revision of its key
/// seen, kept beside the current one so that a lowered target or a moved due date shows.
#[derive(Debug, Clone, PartialEq)]
pub struct FirstPlan {
    /// The revision it came from (the lowest seen for the key; not always 1: gaps are allowed).
    pub revision: u64,
    /// The day that revision's figures were as of.
    pub as_of: NaiveDate,
    /// What it planned.
    pub plan: Plan,
}

/// What a dataset needs of a revised key's older revisions ([`Dataset::needs_history`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryNeed {
    /// Nothing: the current revision is enough.
    None,
    /// The first revision (a plan).
    First,
    /// Every revision (a status through the year).
    All,
}

/// The part of a record that is a plan: what "moving the goalposts" changes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plan {
    /// A decision's due date (none: no due date).
    Due(Option<NaiveDate>),
    /// A KPI's targets for the year and for the quarter.
    Targets {
        /// The year's target.
        annual: f64,
        /// The quarter's target.
        quarter: f64,
    },
}

impl Plan {
    /// The plan of `record`, for the kinds that carry one (decisions and KPIs).
    pub fn of(record: &Record) -> Option<Plan> {
        match record {
            Record::Decision(d) => Some(Plan::Due(d.due)),
            Record::Kpi(k) => Some(Plan::Targets {
                annual: k.annual_target,
                quarter: k.quarter_target,
            }),
            _ => None,
        }
    }
}

/// One revision of a center's status on a decision: enough to say where it stood on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatusPoint {
    /// The revision.
    pub revision: u64,
    /// The day it was as of.
    pub as_of: NaiveDate,
    /// The status it reported.
    pub status: ExecutionStatus,
    /// The progress it reported, 0 to 100.
    pub progress: u8,
}

impl StatusPoint {
    /// Where a center stood on `day`, from its `history` of one decision (by revision): the
    /// newest revision as of that day or before, `None` when it had reported nothing by then.
    pub fn on(history: &[StatusPoint], day: NaiveDate) -> Option<&StatusPoint> {
        history.iter().rev().find(|p| p.as_of <= day)
    }
}

/// Every current record, indexed for aggregation, plus the registry of centers.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// The registered centers, by code: names and who reports through whom.
    pub centers: BTreeMap<CenterCode, Center>,
    /// The registered walls' names (`[[wall]]` of the registry), for the reporting board.
    pub walls: BTreeSet<String>,
    /// Sessions by government and session number.
    pub sessions: BTreeMap<(u16, u32), Stored<Session>>,
    /// Decisions and assignments by number.
    pub decisions: BTreeMap<DecisionNumber, Stored<Decision>>,
    /// Status per decision and reporting center.
    pub statuses: BTreeMap<(DecisionNumber, CenterCode), Stored<DecisionStatus>>,
    /// Budget lines by natural key (center, year, month, program, category).
    pub budget: BTreeMap<RecordKey, Stored<BudgetLine>>,
    /// KPI achievements by natural key (center, year, quarter, program, indicator).
    pub kpis: BTreeMap<RecordKey, Stored<KpiAchievement>>,
    /// Committee activity by committee code and year.
    pub committees: BTreeMap<(String, i32), Stored<CommitteeActivity>>,
    /// Projects by code, with the center that executes them.
    pub projects: BTreeMap<String, Stored<Project>>,
    /// Progress reports by project code and period end.
    pub project_reports: BTreeMap<(String, NaiveDate), Stored<ProjectProgress>>,
    /// Complaints by reporting center, year and quarter.
    pub complaints: BTreeMap<(CenterCode, i32, u8), Stored<ComplaintsQuarter>>,
    /// Items of legislative plans by reporting center, plan year and item code.
    pub legislation: BTreeMap<(CenterCode, i32, String), Stored<LegislationItem>>,
    /// Legal memoranda by reporting center, year and quarter.
    pub memoranda: BTreeMap<(CenterCode, i32, u8), Stored<LegalMemoranda>>,
    /// The first plan of every decision and KPI key: the lowest revision applied for the key.
    /// An older revision applied after a newer one still teaches it (the collector applies a
    /// revised key's first revision from its history when it starts).
    pub first_plans: BTreeMap<RecordKey, FirstPlan>,
    /// Every revision applied of each center's status on each decision, in revision order: the
    /// trends of execution through the year ([`Dataset::status_on`]).
    pub status_history: BTreeMap<(DecisionNumber, CenterCode), Vec<StatusPoint>>,
    revisions: BTreeMap<RecordKey, u64>,
}

impl Dataset {
    /// An empty dataset knowing `centers` (a later center with the same code replaces an earlier).
    pub fn new(centers: impl IntoIterator<Item = Center>) -> Dataset {
        Dataset {
            centers: centers.into_iter().map(|c| (c.code.clone(), c)).collect(),
            ..Default::default()
        }
    }

    /// Builds a dataset from envelopes (any order; the newest revision per key wins).
    pub fn from_envelopes(
        centers: impl IntoIterator<Item = Center>,
        envs: impl IntoIterator<Item = RecordEnvelope>,
    ) -> Dataset {
        let mut d = Dataset::new(centers);
        for e in envs {
            d.apply(e);
        }
        d
    }

    /// The stored revision of `key`, if any.
    pub fn revision(&self, key: &RecordKey) -> Option<u64> {
        self.revisions.get(key).copied()
    }

    /// How many records are held: one per key, whatever its kind.
    pub fn record_count(&self) -> usize {
        self.revisions.len()
    }

    /// Applies one envelope; returns false when a revision as new or newer is already held for
    /// its key: the current records are then unchanged, though an older revision of a plan
    /// (decision or KPI) is still remembered as its first ([`Dataset::first_plans`]).
    pub fn apply(&mut self, env: RecordEnvelope) -> bool {
        let key = env.key();
        self.learn_first_plan(&key, &env);
        self.learn_status(&env);
        if self.revisions.get(&key).is_some_and(|r| *r >= env.revision) {
            return false;
        }
        self.revisions.insert(key.clone(), env.revision);
        let RecordEnvelope {
            center,
            as_of,
            revision,
            record,
        } = env;
        macro_rules! stored {
            ($v:expr) => {
                Stored {
                    center: center.clone(),
                    as_of,
                    revision,
                    value: $v,
                }
            };
        }
        match record {
            Record::Session(s) => {
                self.sessions.insert((s.government, s.number), stored!(s));
            }
            Record::Decision(d) => {
                self.decisions.insert(d.number, stored!(d));
            }
            Record::DecisionStatus(s) => {
                self.statuses
                    .insert((s.decision, center.clone()), stored!(s));
            }
            Record::Budget(b) => {
                self.budget.insert(key, stored!(b));
            }
            Record::Kpi(k) => {
                self.kpis.insert(key, stored!(k));
            }
            Record::Committee(c) => {
                self.committees
                    .insert((c.committee.clone(), c.year), stored!(c));
            }
            Record::Project(p) => {
                self.projects.insert(p.code.clone(), stored!(p));
            }
            Record::ProjectProgress(r) => {
                self.project_reports
                    .insert((r.project.clone(), r.period_end), stored!(r));
            }
            Record::Complaints(c) => {
                self.complaints
                    .insert((center.clone(), c.year, c.quarter), stored!(c));
            }
            Record::Legislation(i) => {
                self.legislation
                    .insert((center.clone(), i.year, i.code.clone()), stored!(i));
            }
            Record::LegalMemoranda(m) => {
                self.memoranda
                    .insert((center.clone(), m.year, m.quarter), stored!(m));
            }
        }
        true
    }

    /// Keeps `env`'s plan as its key's first when it is the lowest revision seen of that key.
    fn learn_first_plan(&mut self, key: &RecordKey, env: &RecordEnvelope) {
        let Some(plan) = Plan::of(&env.record) else {
            return;
        };
        if self
            .first_plans
            .get(key)
            .is_some_and(|f| f.revision <= env.revision)
        {
            return;
        }
        self.first_plans.insert(
            key.clone(),
            FirstPlan {
                revision: env.revision,
                as_of: env.as_of,
                plan,
            },
        );
    }

    /// Keeps `env`'s status, when it is one, among its key's revisions.
    fn learn_status(&mut self, env: &RecordEnvelope) {
        let Record::DecisionStatus(s) = &env.record else {
            return;
        };
        let points = self
            .status_history
            .entry((s.decision, env.center.clone()))
            .or_default();
        if let Err(at) = points.binary_search_by_key(&env.revision, |p| p.revision) {
            points.insert(
                at,
                StatusPoint {
                    revision: env.revision,
                    as_of: env.as_of,
                    status: s.status,
                    progress: s.progress,
                },
            );
        }
    }

    /// Where `center` stood on `decision` on `day`: the newest revision as of that day or
    /// before, `None` when it had reported nothing by then.
    pub fn status_on(
        &self,
        decision: &DecisionNumber,
        center: &CenterCode,
        day: NaiveDate,
    ) -> Option<&StatusPoint> {
        StatusPoint::on(self.status_history_of(decision, center)?, day)
    }

    /// Every revision `center` reported on `decision`, by revision; `None` when it reported
    /// none. For a question asked of many days: [`StatusPoint::on`] each.
    pub fn status_history_of(
        &self,
        decision: &DecisionNumber,
        center: &CenterCode,
    ) -> Option<&[StatusPoint]> {
        self.status_history
            .get(&(*decision, center.clone()))
            .map(Vec::as_slice)
    }

    /// How much of a revised key's history this dataset needs, by kind: decisions and KPIs their
    /// first plan, decision statuses every revision. A starting collector reads it from its store.
    pub fn needs_history(kind: RecordKind) -> HistoryNeed {
        match kind {
            RecordKind::Decision | RecordKind::Kpi => HistoryNeed::First,
            RecordKind::DecisionStatus => HistoryNeed::All,
            _ => HistoryNeed::None,
        }
    }

    /// The first plan of `key`, when the key's current plan differs from it.
    pub fn moved_plan(&self, key: &RecordKey, current: Plan) -> Option<&FirstPlan> {
        self.first_plans.get(key).filter(|f| f.plan != current)
    }

    /// The Arabic and English names of `code`, or the code itself when it is not registered.
    pub fn center_names(&self, code: &CenterCode) -> (String, String) {
        match self.centers.get(code) {
            Some(c) => (c.name_ar.clone(), c.name_en.clone()),
            None => (code.to_string(), code.to_string()),
        }
    }

    /// True when `code` is `ancestor` or reports through it (directly or not).
    pub fn is_within(&self, code: &CenterCode, ancestor: &CenterCode) -> bool {
        let mut cur = Some(code);
        for _ in 0..32 {
            match cur {
                Some(c) if c == ancestor => return true,
                Some(c) => cur = self.centers.get(c).and_then(|x| x.parent.as_ref()),
                None => return false,
            }
        }
        false
    }

    /// The status `center` last reported for `decision`.
    pub fn status_of(
        &self,
        decision: &DecisionNumber,
        center: &CenterCode,
    ) -> Option<&Stored<DecisionStatus>> {
        self.statuses.get(&(*decision, center.clone()))
    }
}
