//! The domain model: what centers report and what the secretariat issues, as serde types.
//!
//! Every record has a natural key ([`RecordKey`]), the reporting center, an `as_of` date and a
//! revision ([`RecordEnvelope`]). This module holds types, keys and parsing of the words people
//! write in spreadsheets; it does no I/O. Validation lives in [`validate`].

mod codes;
pub mod project;
pub mod validate;

pub use codes::{CenterCode, CodeError, DecisionNumber};
pub use project::{FundingSource, Project, ProjectProgress, ProjectStatus};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A responsible center (ministry, agency, general directorate) as registered at the collector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Center {
    pub code: CenterCode,
    pub name_ar: String,
    pub name_en: String,
    /// The center this one reports through (a directorate's ministry), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CenterCode>,
}

/// A cabinet session (جلسة).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub government: u16,
    pub number: u32,
    pub date: NaiveDate,
    pub kind: SessionKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SessionKind {
    Ordinary,
    Emergency,
}

/// Whether a cabinet output is a decision (قرار) or an assignment (تكليف).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DecisionKind {
    Decision,
    Assignment,
}

/// How a decision is classified in the secretariat's analysis; every field is optional.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Classification {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub program: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decision_type: Option<String>,
}

/// A decision or assignment issued by the cabinet. Only the secretariat reports these.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub number: DecisionNumber,
    pub date: NaiveDate,
    pub kind: DecisionKind,
    pub title: String,
    #[serde(default)]
    pub routine: bool,
    #[serde(default)]
    pub classification: Classification,
    /// Responsible centers; the first is the lead.
    pub centers: Vec<CenterCode>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Similar decisions this one was linked to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<DecisionNumber>,
}

/// Execution status of a decision at one responsible center.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExecutionStatus {
    NotStarted,
    InProgress,
    Executed,
    Blocked,
}

/// A follow-up action taken to chase a decision's execution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpKind {
    Call,
    Letter,
    Message,
    Memo,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    pub kind: FollowUpKind,
    pub date: NaiveDate,
}

/// A responsible center's report on one decision assigned to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecisionStatus {
    pub decision: DecisionNumber,
    pub status: ExecutionStatus,
    /// Percent complete, 0 to 100.
    pub progress: u8,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<FollowUp>,
}

/// Budget category of the finance ministry's classification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BudgetCategory {
    Operating,
    Development,
    Salaries,
}

/// One month of budget execution for one program and category of a center.
///
/// Amounts are whole units of `currency`. `allocated` (and `revised`, when the allocation was
/// changed during the year) is the annual allocation as known that month; `committed` and
/// `spent` are what was committed and spent *in that month*.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BudgetLine {
    pub fiscal_year: i32,
    pub month: u8,
    pub program: String,
    pub category: BudgetCategory,
    pub allocated: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<i64>,
    #[serde(default)]
    pub committed: i64,
    pub spent: i64,
    pub currency: String,
}

impl BudgetLine {
    /// The allocation in force: the revised one when there is one.
    pub fn allocation(&self) -> i64 {
        self.revised.unwrap_or(self.allocated)
    }
}

/// Quarterly achievement of an output or performance indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KpiAchievement {
    pub program: String,
    /// The indicator's code within the program.
    pub indicator: String,
    pub name: String,
    pub unit: String,
    pub year: i32,
    pub quarter: u8,
    pub annual_target: f64,
    pub quarter_target: f64,
    pub actual: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_planned: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost_actual: Option<f64>,
}

/// A committee's activity over one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommitteeActivity {
    pub committee: String,
    pub name: String,
    pub year: i32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forming_decision: Option<DecisionNumber>,
    pub formed: NaiveDate,
    pub meetings: u32,
    #[serde(default)]
    pub minutes: u32,
    #[serde(default)]
    pub minutes_to_cabinet: u32,
    pub recommendations_submitted: u32,
    pub recommendations_approved: u32,
    pub status: CommitteeStatus,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CommitteeStatus {
    Active,
    Finished,
}

/// What a record is, for routing, permissions and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    Session,
    Decision,
    DecisionStatus,
    Budget,
    Kpi,
    Committee,
    Project,
    ProjectProgress,
}

impl RecordKind {
    pub const ALL: [RecordKind; 8] = [
        RecordKind::Session,
        RecordKind::Decision,
        RecordKind::DecisionStatus,
        RecordKind::Budget,
        RecordKind::Kpi,
        RecordKind::Committee,
        RecordKind::Project,
        RecordKind::ProjectProgress,
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
        }
    }

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
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
/// On the wire and in files the record kind is the `record` field (`"record": "budget"`);
/// `kind` is a field of some records themselves (a decision's kind, a session's kind).
#[serde(tag = "record", rename_all = "kebab-case")]
pub enum Record {
    Session(Session),
    Decision(Decision),
    DecisionStatus(DecisionStatus),
    Budget(BudgetLine),
    Kpi(KpiAchievement),
    Committee(CommitteeActivity),
    Project(Project),
    ProjectProgress(ProjectProgress),
}

impl Record {
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
        }
    }

    /// The natural key of this record when reported by `center`.
    ///
    /// Two reports with the same key are revisions of the same fact; the newest wins.
    pub fn key(&self, center: &CenterCode) -> RecordKey {
        let k = match self {
            Record::Session(s) => format!("session/{}/{}", s.government, s.number),
            Record::Decision(d) => format!("decision/{}", d.number),
            Record::DecisionStatus(s) => format!("decision-status/{}/{}", s.decision, center),
            Record::Budget(b) => format!(
                "budget/{}/{}/{:02}/{}/{}",
                center,
                b.fiscal_year,
                b.month,
                b.program,
                category_str(b.category)
            ),
            Record::Kpi(k) => format!(
                "kpi/{}/{}/Q{}/{}/{}",
                center, k.year, k.quarter, k.program, k.indicator
            ),
            Record::Committee(c) => format!("committee/{}/{}", c.committee, c.year),
            Record::Project(p) => format!("project/{}", p.code),
            Record::ProjectProgress(r) => {
                format!("project-progress/{}/{}", r.project, r.period_end)
            }
        };
        RecordKey(k)
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
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct RecordKey(pub String);

impl RecordKey {
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
/// Revisions of one key increase by one each time its content changes at the reporting agent;
/// the collector keeps the highest revision per key and the history of all of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RecordEnvelope {
    pub center: CenterCode,
    pub as_of: NaiveDate,
    pub revision: u64,
    pub record: Record,
}

impl RecordEnvelope {
    pub fn key(&self) -> RecordKey {
        self.record.key(&self.center)
    }
}

/// The words a clerk may write for a status, in English, Arabic or Persian.
impl ExecutionStatus {
    pub const ACCEPTED_WORDS: &'static str =
        "not-started / لم يبدأ، in-progress / قيد التنفيذ، executed / منفذ، blocked / متعثر";

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

    pub fn as_str(self) -> &'static str {
        match self {
            ExecutionStatus::NotStarted => "not-started",
            ExecutionStatus::InProgress => "in-progress",
            ExecutionStatus::Executed => "executed",
            ExecutionStatus::Blocked => "blocked",
        }
    }

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
    pub fn parse(s: &str) -> Option<DecisionKind> {
        match normalize_word(s).as_str() {
            "decision" | "قرار" | "مصوبه" => Some(DecisionKind::Decision),
            "assignment" | "تكليف" | "تکلیف" => Some(DecisionKind::Assignment),
            _ => None,
        }
    }
}

impl FollowUpKind {
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

    pub fn as_str(self) -> &'static str {
        category_str(self)
    }
}

impl CommitteeStatus {
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
