//! The domain model: what centers report and what the secretariat issues, as serde types.
//!
//! Every record has a natural key ([`RecordKey`]), the reporting center, an `as_of` date and a
//! revision ([`RecordEnvelope`]). This module holds types, keys and parsing of the words people
//! write in spreadsheets; it does no I/O. Validation lives in [`validate`].

mod codes;
pub mod legislation;
pub mod project;
pub mod validate;

pub use codes::{CenterCode, CodeError, DecisionNumber};
pub use legislation::{LegalMemoranda, LegislationItem, LegislationStage, LegislationType};
pub use project::{FundingSource, Project, ProjectProgress, ProjectStatus};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A responsible center (ministry, agency, general directorate) as registered at the collector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Center {
    /// The center's code as registered in `centers.toml`, e.g. `MOH`; unique among centers.
    pub code: CenterCode,
    /// The center's name in Arabic, as the wall shows it; `centers.toml` requires it.
    pub name_ar: String,
    /// The center's name in English, as registered in `centers.toml`.
    pub name_en: String,
    /// The center this one reports through (a directorate's ministry), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CenterCode>,
}

/// A cabinet session (جلسة). Only the secretariat reports sessions.
///
/// Natural key: `session/{government}/{number}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Session {
    /// The government's number (18 for the eighteenth government), 1 or more.
    #[schemars(range(min = 1))]
    pub government: u16,
    /// The session's number within the government, 1 or more.
    #[schemars(range(min = 1))]
    pub number: u32,
    /// The day the session was held.
    pub date: NaiveDate,
    /// Ordinary or emergency.
    pub kind: SessionKind,
}

/// Whether a session was ordinary or emergency (closed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    /// A session of the cabinet's calendar (عادية).
    Ordinary,
    /// A session called outside it (طارئة).
    Emergency,
}

/// Whether a cabinet output is a decision (قرار) or an assignment (تكليف) (closed list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    /// A decision (قرار).
    Decision,
    /// An assignment (تكليف) given to centers.
    Assignment,
}

/// How a decision is classified in the secretariat's analysis; every field is optional, free
/// text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default)]
pub struct Classification {
    /// The government programme the decision serves.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    /// The sector (health, education …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// The level (strategic, operational …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    /// The secretariat's type of decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_type: Option<String>,
}

/// A decision or assignment issued by the cabinet. Only the secretariat reports these.
///
/// Natural key: `decision/{number}` (the number written as `18/212/02`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::schema::decision_rules)]
pub struct Decision {
    /// The decision's number, written `18/212/02` (see `DecisionNumber`); its session and item
    /// are 1 or more.
    #[schemars(schema_with = "crate::schema::issued_decision_number")]
    pub number: DecisionNumber,
    /// The day the cabinet issued it.
    pub date: NaiveDate,
    /// Decision or assignment.
    pub kind: DecisionKind,
    /// The decision's title, not blank, at most 2000 characters, no control characters but tab
    /// and line feed.
    #[schemars(schema_with = "crate::schema::required_title")]
    pub title: String,
    /// A routine decision needs no follow-up and may name no responsible center.
    #[serde(default)]
    pub routine: bool,
    /// The secretariat's classification.
    #[serde(default)]
    pub classification: Classification,
    /// Responsible centers, each once; the first is the lead. At least one unless `routine`.
    #[schemars(extend("uniqueItems" = true))]
    pub centers: Vec<CenterCode>,
    /// The day execution is due, not before `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Similar decisions this one was linked to (not the decision itself).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<DecisionNumber>,
}

/// Execution status of a decision at one responsible center (closed list). On the wire only
/// these words; import files also take Arabic and Persian ones (docs/IMPORT-FORMATS.md).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ExecutionStatus {
    /// Not started (لم يبدأ): progress must be 0.
    NotStarted,
    /// In progress (قيد التنفيذ).
    InProgress,
    /// Executed (منفذ): progress 100, or 0 when not measured.
    Executed,
    /// Blocked (متعثر): stopped by an obstacle.
    Blocked,
}

/// A follow-up action taken to chase a decision's execution (closed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpKind {
    /// A telephone call (اتصال).
    Call,
    /// An official letter (كتاب).
    Letter,
    /// A text message (رسالة نصية).
    Message,
    /// A memorandum (مذكرة).
    Memo,
}

/// One follow-up action and the day it was taken.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// What was done.
    pub kind: FollowUpKind,
    /// The day it was done.
    pub date: NaiveDate,
}

/// A responsible center's report on one decision assigned to it.
///
/// Natural key: `decision-status/{decision}/{center}`, `center` being the envelope's. The
/// decision must be known to the collector and name that center among its `centers`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::schema::decision_status_rules)]
pub struct DecisionStatus {
    /// The decision reported on.
    pub decision: DecisionNumber,
    /// Its execution status at the reporting center.
    pub status: ExecutionStatus,
    /// Percent complete, 0 to 100: 0 when not started; 100 (or 0, not measured) when executed.
    #[schemars(range(max = 100))]
    pub progress: u8,
    /// A short note, at most 2000 characters, no control characters but tab and line feed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(schema_with = "crate::schema::optional_note")]
    pub note: String,
    /// Follow-up actions taken.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// Budget category of the finance ministry's classification (closed list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetCategory {
    /// Operating expenditure (تشغيلية).
    Operating,
    /// Development (capital) expenditure (تطويرية).
    Development,
    /// Salaries and wages (رواتب).
    Salaries,
}

/// One month of budget execution for one program and category of a center.
///
/// Natural key: `budget/{center}/{fiscal_year}/{month, two digits}/{program}/{category}`, `center`
/// being the envelope's.
///
/// Amounts are whole units of `currency` (no fractions), 0 or more. `allocated` (and `revised`,
/// when the allocation was changed during the year) is the annual allocation as known that
/// month; `committed` and `spent` are what was committed and spent *in that month*, not since
/// the start of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    /// The fiscal year, 1900 to 2200.
    #[schemars(range(min = 1900, max = 2200))]
    pub fiscal_year: i32,
    /// The month reported, 1 to 12.
    #[schemars(range(min = 1, max = 12))]
    pub month: u8,
    /// The budget program, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub program: String,
    /// The budget category.
    pub category: BudgetCategory,
    /// The program's annual allocation for the fiscal year as approved (not a monthly share),
    /// in whole units of `currency`.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub allocated: i64,
    /// The annual allocation as revised during the year, when it was; it then replaces
    /// `allocated`. Whole units of `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub revised: Option<i64>,
    /// Commitments entered into in that month (الالتزامات: contracts and orders signed, not yet
    /// paid), in whole units of `currency`; 0 when not reported.
    #[serde(default)]
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub committed: i64,
    /// Spent in that month alone (not cumulative), in whole units of `currency`.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub spent: i64,
    /// The currency, three capital letters (ILS, JOD, USD).
    #[schemars(schema_with = "crate::schema::currency")]
    pub currency: String,
}

impl BudgetLine {
    /// The allocation in force: the revised one when there is one.
    pub fn allocation(&self) -> i64 {
        self.revised.unwrap_or(self.allocated)
    }
}

/// Quarterly achievement of an output or performance indicator.
///
/// Natural key: `kpi/{center}/{year}/Q{quarter}/{program}/{indicator}`, `center` being the
/// envelope's. Values are in the indicator's `unit`, 0 or more; costs are in the center's
/// currency and may have fractions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct KpiAchievement {
    /// The budget program the indicator belongs to, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub program: String,
    /// The indicator's code within the program, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub indicator: String,
    /// The indicator's name, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub name: String,
    /// The unit of the values (`%`, `students`, `km`), at most 300 characters; may be empty.
    #[schemars(schema_with = "crate::schema::optional_name")]
    pub unit: String,
    /// The year, 1900 to 2200.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i32,
    /// The quarter reported, 1 to 4.
    #[schemars(range(min = 1, max = 4))]
    pub quarter: u8,
    /// The target for the whole year.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_KPI_VALUE))]
    pub annual_target: f64,
    /// The target for this quarter alone; not more than a positive `annual_target`.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_KPI_VALUE))]
    pub quarter_target: f64,
    /// Achieved in this quarter, in `unit`.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_KPI_VALUE))]
    pub actual: f64,
    /// The planned cost of the output this quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = crate::model::validate::MAX_KPI_VALUE))]
    pub cost_planned: Option<f64>,
    /// The actual cost of the output this quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 0, max = crate::model::validate::MAX_KPI_VALUE))]
    pub cost_actual: Option<f64>,
}

/// A committee's activity over one year.
///
/// Natural key: `committee/{committee}/{year}` (not the reporting center: one committee, one
/// record per year, whoever reports it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CommitteeActivity {
    /// The committee's code, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub committee: String,
    /// The committee's name, not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub name: String,
    /// The year reported.
    pub year: i32,
    /// The decision that formed the committee, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forming_decision: Option<DecisionNumber>,
    /// The day the committee was formed, not after the reported year.
    pub formed: NaiveDate,
    /// Meetings held in the year.
    pub meetings: u32,
    /// Minutes written in the year, at most one per meeting.
    #[serde(default)]
    pub minutes: u32,
    /// Minutes put before the cabinet, at most `minutes`.
    #[serde(default)]
    pub minutes_to_cabinet: u32,
    /// Recommendations submitted in the year.
    pub recommendations_submitted: u32,
    /// Recommendations approved, at most `recommendations_submitted`.
    pub recommendations_approved: u32,
    /// Active or finished.
    pub status: CommitteeStatus,
}

/// A center's government complaints of one quarter: those received in the quarter and what
/// became of them by the report's day.
///
/// Every complaint received is referred to the competent department, accepted, rejected, or
/// still awaits that decision; every accepted one is processed or still in process. Natural key:
/// `complaints/{center}/{year}/Q{quarter}`, `center` being the envelope's (the center whose
/// complaints unit reports: a ministry's, or the secretariat's central system).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComplaintsQuarter {
    /// The year, 1900 to 2200.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i32,
    /// The quarter, 1 to 4.
    #[schemars(range(min = 1, max = 4))]
    pub quarter: u8,
    /// Complaints received in the quarter.
    pub received: u32,
    /// Of those, referred to the competent departments (followed up there).
    pub referred: u32,
    /// Of those, accepted by the unit itself.
    pub accepted: u32,
    /// Of those, rejected by the unit itself.
    pub rejected: u32,
    /// Of the accepted, processed.
    pub processed: u32,
    /// Of the accepted, still in process; `processed + pending` is `accepted`.
    pub pending: u32,
    /// Stuck: open past the time allowed (of those pending or awaiting a decision).
    #[serde(default)]
    pub overdue: u32,
}

impl ComplaintsQuarter {
    /// The quarter `quarter` of `year` with its figures in the order of the fields: received,
    /// referred, accepted, rejected, processed, pending, overdue.
    pub fn new(year: i32, quarter: u8, figures: [u32; 7]) -> ComplaintsQuarter {
        let [
            received,
            referred,
            accepted,
            rejected,
            processed,
            pending,
            overdue,
        ] = figures;
        ComplaintsQuarter {
            year,
            quarter,
            received,
            referred,
            accepted,
            rejected,
            processed,
            pending,
            overdue,
        }
    }
}

/// Whether a committee still works (closed list).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CommitteeStatus {
    /// Still working (نشطة).
    Active,
    /// Its mandate is finished (منتهية).
    Finished,
}

/// What a record is, for routing, permissions and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    /// A cabinet session ([`Session`]); secretariat only.
    Session,
    /// A decision or assignment ([`Decision`]); secretariat only.
    Decision,
    /// A center's status on a decision ([`DecisionStatus`]).
    DecisionStatus,
    /// A month of budget execution ([`BudgetLine`]).
    Budget,
    /// A quarter's achievement of an indicator ([`KpiAchievement`]).
    Kpi,
    /// A committee's year of activity ([`CommitteeActivity`]).
    Committee,
    /// A project ([`Project`]).
    Project,
    /// A progress report on a project ([`ProjectProgress`]).
    ProjectProgress,
    /// A quarter of a center's government complaints ([`ComplaintsQuarter`]).
    Complaints,
    /// An item of a year's legislative plan ([`LegislationItem`]).
    Legislation,
    /// A quarter's legal memoranda for the cabinet ([`LegalMemoranda`]).
    LegalMemoranda,
}

impl RecordKind {
    /// Every kind, in declaration order (the order of `Ord`).
    pub const ALL: [RecordKind; 11] = [
        RecordKind::Session,
        RecordKind::Decision,
        RecordKind::DecisionStatus,
        RecordKind::Budget,
        RecordKind::Kpi,
        RecordKind::Committee,
        RecordKind::Project,
        RecordKind::ProjectProgress,
        RecordKind::Complaints,
        RecordKind::Legislation,
        RecordKind::LegalMemoranda,
    ];

    /// The name used in keys, files and the wire (`decision-status`).
    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::Session => "session",
            RecordKind::Decision => "decision",
            RecordKind::DecisionStatus => "decision-status",
            RecordKind::Budget => "budget",
            RecordKind::Kpi => "kpi",
            RecordKind::Committee => "committee",
            RecordKind::Project => "project",
            RecordKind::ProjectProgress => "project-progress",
            RecordKind::Complaints => "complaints",
            RecordKind::Legislation => "legislation",
            RecordKind::LegalMemoranda => "legal-memoranda",
        }
    }

    /// The kind named exactly `s` as [`RecordKind::as_str`] writes it (`decision-status`); `None`
    /// for any other text. Import files' Arabic names are read by the agent, not here.
    pub fn parse(s: &str) -> Option<RecordKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == s)
    }

    /// Kinds only the secretariat may report.
    pub fn secretariat_only(self) -> bool {
        matches!(self, RecordKind::Session | RecordKind::Decision)
    }
}

impl fmt::Display for RecordKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Any record a center can report.
///
/// On the wire and in files the record kind is the `record` field (`"record": "budget"`);
/// `kind` is a field of some records themselves (a decision's kind, a session's kind).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "record", rename_all = "kebab-case")]
pub enum Record {
    /// A cabinet session.
    Session(Session),
    /// A decision or assignment.
    Decision(Decision),
    /// A center's status on a decision.
    DecisionStatus(DecisionStatus),
    /// A month of budget execution.
    Budget(BudgetLine),
    /// A quarter's achievement of an indicator.
    Kpi(KpiAchievement),
    /// A committee's year of activity.
    Committee(CommitteeActivity),
    /// A project.
    Project(Project),
    /// A progress report on a project.
    ProjectProgress(ProjectProgress),
    /// A quarter of government complaints.
    Complaints(ComplaintsQuarter),
    /// An item of a year's legislative plan.
    Legislation(LegislationItem),
    /// A quarter's legal memoranda for the cabinet.
    LegalMemoranda(LegalMemoranda),
}

impl Record {
    /// What kind of record this is.
    pub fn kind(&self) -> RecordKind {
        match self {
            Record::Session(_) => RecordKind::Session,
            Record::Decision(_) => RecordKind::Decision,
            Record::DecisionStatus(_) => RecordKind::DecisionStatus,
            Record::Budget(_) => RecordKind::Budget,
            Record::Kpi(_) => RecordKind::Kpi,
            Record::Committee(_) => RecordKind::Committee,
            Record::Project(_) => RecordKind::Project,
            Record::ProjectProgress(_) => RecordKind::ProjectProgress,
            Record::Complaints(_) => RecordKind::Complaints,
            Record::Legislation(_) => RecordKind::Legislation,
            Record::LegalMemoranda(_) => RecordKind::LegalMemoranda,
        }
    }

    /// The natural key of this record when reported by `center`.
    ///
    /// Two reports with the same key are revisions of the same fact; the newest wins.
    pub fn key(&self, center: &CenterCode) -> RecordKey {
        let k = match self {
            Record::Session(s) => format!("session/{}/{}", s.government, s.number),
            Record::Decision(d) => d.key().0,
            Record::DecisionStatus(s) => format!("decision-status/{}/{}", s.decision, center),
            Record::Budget(b) => format!(
                "budget/{}/{}/{:02}/{}/{}",
                center,
                b.fiscal_year,
                b.month,
                b.program,
                category_str(b.category)
            ),
            Record::Kpi(k) => k.key(center).0,
            Record::Committee(c) => format!("committee/{}/{}", c.committee, c.year),
            Record::Project(p) => format!("project/{}", p.code),
            Record::ProjectProgress(r) => {
                format!("project-progress/{}/{}", r.project, r.period_end)
            }
            Record::Complaints(c) => format!("complaints/{}/{}/Q{}", center, c.year, c.quarter),
            Record::Legislation(i) => format!("legislation/{}/{}/{}", center, i.year, i.code),
            Record::LegalMemoranda(m) => {
                format!("legal-memoranda/{}/{}/Q{}", center, m.year, m.quarter)
            }
        };
        RecordKey(k)
    }
}

impl Decision {
    /// The decision's natural key, `decision/18/212/02`.
    pub fn key(&self) -> RecordKey {
        RecordKey(format!("decision/{}", self.number))
    }
}

impl KpiAchievement {
    /// The natural key of `center`'s achievement, `kpi/MOH/2023/Q1/P1/I1`.
    pub fn key(&self, center: &CenterCode) -> RecordKey {
        RecordKey(format!(
            "kpi/{}/{}/Q{}/{}/{}",
            center, self.year, self.quarter, self.program, self.indicator
        ))
    }
}

fn category_str(c: BudgetCategory) -> &'static str {
    match c {
        BudgetCategory::Operating => "operating",
        BudgetCategory::Development => "development",
        BudgetCategory::Salaries => "salaries",
    }
}

/// The natural key of a record, e.g. `decision-status/18/212/02/MOH`.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(transparent)]
pub struct RecordKey(pub String);

impl RecordKey {
    /// The key as text, e.g. `budget/MOH/2023/06/P1/operating`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for RecordKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A record as stored and sent: who reported it, as of when, and its revision.
///
/// The record's natural key is made of its kind's key fields and, for decision statuses,
/// budget lines and KPIs, this `center`; two records with one key are revisions of one fact.
/// Revisions of one key increase by one each time its content changes at the reporting agent;
/// the collector keeps the highest revision per key and the history of all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RecordEnvelope {
    /// The center the record is about: the batch's center or a center reporting through it.
    pub center: CenterCode,
    /// The day the figures are as of.
    pub as_of: NaiveDate,
    /// 1 or more, per natural key: a new revision must be higher than any the collector holds
    /// for that key (gaps are allowed), else the record is counted as a duplicate and not
    /// stored. Send the first version as 1 and add 1 for each change; resend an unchanged
    /// record with its old revision.
    #[schemars(range(min = 1))]
    pub revision: u64,
    /// The record; its `record` field names the kind.
    pub record: Record,
}

impl RecordEnvelope {
    /// The record's natural key, with the envelope's center where the key includes one.
    pub fn key(&self) -> RecordKey {
        self.record.key(&self.center)
    }
}

/// The words a clerk may write for a status, in English, Arabic or Persian.
impl ExecutionStatus {
    /// The main words of each status, for error messages that list what may be written.
    pub const ACCEPTED_WORDS: &'static str =
        "not-started / لم يبدأ، in-progress / قيد التنفيذ، executed / منفذ، blocked / متعثر";

    /// Reads a status as a clerk writes it, in English, Arabic or Persian, ignoring case, spaces
    /// around it and `_` for `-`; `None` when it is none of them (say [`Self::ACCEPTED_WORDS`]).
    pub fn parse(s: &str) -> Option<ExecutionStatus> {
        let w = normalize_word(s);
        Some(match w.as_str() {
            "not-started"
            | "not started"
            | "notstarted"
            | "لم يبدأ"
            | "لم يتم البدء"
            | "لم تبدأ"
            | "شروع نشده" => ExecutionStatus::NotStarted,
            "in-progress"
            | "in progress"
            | "inprogress"
            | "قيد التنفيذ"
            | "جاري التنفيذ"
            | "در حال اجرا" => ExecutionStatus::InProgress,
            "executed" | "done" | "منفذ" | "منفذة" | "تم التنفيذ" | "اجرا شده" => {
                ExecutionStatus::Executed
            }
            "blocked" | "متعثر" | "متعثرة" | "متوقف" | "متوقف شده" => {
                ExecutionStatus::Blocked
            }
            _ => return None,
        })
    }

    /// The name used in files and on the wire (`in-progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            ExecutionStatus::NotStarted => "not-started",
            ExecutionStatus::InProgress => "in-progress",
            ExecutionStatus::Executed => "executed",
            ExecutionStatus::Blocked => "blocked",
        }
    }

    /// The Arabic word the wall shows (`قيد التنفيذ`).
    pub fn label_ar(self) -> &'static str {
        match self {
            ExecutionStatus::NotStarted => "لم يبدأ",
            ExecutionStatus::InProgress => "قيد التنفيذ",
            ExecutionStatus::Executed => "منفذ",
            ExecutionStatus::Blocked => "متعثر",
        }
    }
}

impl DecisionKind {
    /// Reads `decision` / قرار / مصوبه or `assignment` / تكليف / تکلیف; `None` for anything else.
    pub fn parse(s: &str) -> Option<DecisionKind> {
        match normalize_word(s).as_str() {
            "decision" | "قرار" | "مصوبه" => Some(DecisionKind::Decision),
            "assignment" | "تكليف" | "تکلیف" => Some(DecisionKind::Assignment),
            _ => None,
        }
    }
}

impl FollowUpKind {
    /// Reads a follow-up as a clerk writes it (`call` / اتصال, `letter` / كتاب, `message` / رسالة
    /// نصية, `memo` / مذكرة, and a few other spellings); `None` for anything else.
    pub fn parse(s: &str) -> Option<FollowUpKind> {
        match normalize_word(s).as_str() {
            "call" | "phone" | "اتصال" | "مكالمة" => Some(FollowUpKind::Call),
            "letter" | "كتاب" | "رسالة رسمية" => Some(FollowUpKind::Letter),
            "message" | "sms" | "رسالة نصية" => Some(FollowUpKind::Message),
            "memo" | "مذكرة" | "مذكرة تفسيرية" => Some(FollowUpKind::Memo),
            _ => None,
        }
    }
}

impl BudgetCategory {
    /// Reads a category in English, Arabic or Persian (`operating` / تشغيلية, `development` /
    /// تطويرية, `salaries` / رواتب …); `None` for anything else.
    pub fn parse(s: &str) -> Option<BudgetCategory> {
        match normalize_word(s).as_str() {
            "operating" | "تشغيلية" | "تشغيلي" | "النفقات التشغيلية" | "هزینه‌ای" => {
                Some(BudgetCategory::Operating)
            }
            "development" | "تطويرية" | "تطويري" | "النفقات التطويرية" | "تملک دارایی" => {
                Some(BudgetCategory::Development)
            }
            "salaries" | "رواتب" | "الرواتب" | "رواتب وأجور" | "حقوق" => {
                Some(BudgetCategory::Salaries)
            }
            _ => None,
        }
    }

    /// The name used in keys, files and the wire (`development`).
    pub fn as_str(self) -> &'static str {
        category_str(self)
    }
}

impl CommitteeStatus {
    /// Reads `active` / نشطة / قائمة / فعال or `finished` / منتهية / أنهت أعمالها / پایان یافته;
    /// `None` for anything else.
    pub fn parse(s: &str) -> Option<CommitteeStatus> {
        match normalize_word(s).as_str() {
            "active" | "نشطة" | "قائمة" | "فعال" => Some(CommitteeStatus::Active),
            "finished" | "منتهية" | "أنهت أعمالها" | "پایان یافته" => {
                Some(CommitteeStatus::Finished)
            }
            _ => None,
        }
    }
}

/// Lower-cases Latin letters, trims, folds runs of white space and underscores.
fn normalize_word(s: &str) -> String {
    let lowered = s.trim().to_lowercase().replace('_', "-");
    lowered.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_words_parse_in_english_arabic_and_persian() {
        assert_eq!(
            ExecutionStatus::parse(" In Progress "),
            Some(ExecutionStatus::InProgress)
        );
        assert_eq!(
            ExecutionStatus::parse("قيد  التنفيذ"),
            Some(ExecutionStatus::InProgress)
        );
        assert_eq!(
            ExecutionStatus::parse("منفذ"),
            Some(ExecutionStatus::Executed)
        );
        assert_eq!(
            ExecutionStatus::parse("اجرا شده"),
            Some(ExecutionStatus::Executed)
        );
        assert_eq!(ExecutionStatus::parse("منفذة جزئيا"), None);
    }

    #[test]
    fn keys_name_the_natural_identity() {
        let c = CenterCode::new("MOH").unwrap();
        let r = Record::DecisionStatus(DecisionStatus {
            decision: "18/212/02".parse().unwrap(),
            status: ExecutionStatus::Executed,
            progress: 100,
            note: String::new(),
            follow_ups: vec![],
        });
        assert_eq!(r.key(&c).as_str(), "decision-status/18/212/02/MOH");
    }

    #[test]
    fn every_demo_record_round_trips_through_json() {
        for env in crate::demo::generate().records {
            let json = serde_json::to_string(&env).unwrap();
            assert_eq!(
                serde_json::from_str::<RecordEnvelope>(&json).unwrap(),
                env,
                "{json}"
            );
        }
    }

    #[test]
    fn record_round_trips_through_json_with_its_kind_tag() {
        let r = Record::Budget(BudgetLine {
            fiscal_year: 2023,
            month: 3,
            program: "P1".into(),
            category: BudgetCategory::Development,
            allocated: 100,
            revised: None,
            committed: 0,
            spent: 40,
            currency: "ILS".into(),
        });
        let json = serde_json::to_string(&r).unwrap();
        assert!(json.contains("\"record\":\"budget\""));
        assert_eq!(serde_json::from_str::<Record>(&json).unwrap(), r);
    }
}
