//! Projects and their periodic progress reports: the major projects of a development plan, the
//! donor-funded projects the finance ministry follows, a center's own development projects.

use super::validate::Problem;
use crate::i18n::Msg;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Who pays for a project (closed list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum FundingSource {
    /// The general budget.
    Treasury,
    /// A named donor under an agreement.
    Donor,
}

impl FundingSource {
    /// Reads `treasury` / الخزينة / الموازنة العامة / خزانه or `donor` / مانح / جهة مانحة / تمويل
    /// خارجي, ignoring case and surrounding spaces; `None` for anything else.
    pub fn parse(s: &str) -> Option<FundingSource> {
        match s.trim().to_lowercase().as_str() {
            "treasury" | "الخزينة" | "الموازنة العامة" | "خزانه" => {
                Some(FundingSource::Treasury)
            }
            "donor" | "مانح" | "جهة مانحة" | "تمويل خارجي" => {
                Some(FundingSource::Donor)
            }
            _ => None,
        }
    }
}

/// A project as its executing center describes it.
///
/// Natural key: `project/{code}`. The center that first reports a project executes it; only
/// that center reports the project and its progress afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::schema::project_rules)]
pub struct Project {
    /// The project's code, unique nationally (e.g. `GSC-SOLAR-78KW`); not blank.
    #[schemars(schema_with = "crate::schema::not_blank")]
    pub code: String,
    /// The project's name in Arabic; not blank.
    #[schemars(schema_with = "crate::schema::not_blank")]
    pub name_ar: String,
    /// The project's name in English.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name_en: String,
    /// The sector, e.g. one of the five diversification sectors of a five-year plan; not blank.
    #[schemars(schema_with = "crate::schema::not_blank")]
    pub sector: String,
    /// The plan or programme the project belongs to.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub plan: String,
    /// Who pays: a donor-funded project names its `donor`, a treasury-funded one names none.
    pub funding: FundingSource,
    /// The donor, required for (and only for) a donor-funded project (World Bank, European
    /// Union …); a treasury-funded project has none (`null` or absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub donor: Option<String>,
    /// The agreement behind the funding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agreement: Option<String>,
    /// The day work started (or starts).
    pub start: NaiveDate,
    /// The day work is planned to end, not before `start`.
    pub planned_end: NaiveDate,
    /// Total budget over the project's life, in whole units of `currency`, 0 or more.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub budget: i64,
    /// The currency, three capital letters (ILS, USD, OMR).
    #[schemars(schema_with = "crate::schema::currency")]
    pub currency: String,
}

/// A project's state as the executing center reports it (closed list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ProjectStatus {
    /// As planned (حسب الخطة).
    OnTrack,
    /// Behind plan (متأخر); needs an `obstacle`.
    Delayed,
    /// Stopped (متوقف); needs an `obstacle`.
    Stalled,
    /// Done (منجز); actual progress is 100.
    Completed,
    /// Cancelled (ملغى).
    Cancelled,
}

impl ProjectStatus {
    /// The main words of each status, for error messages that list what may be written.
    pub const ACCEPTED_WORDS: &'static str = "on-track / حسب الخطة، delayed / متأخر، stalled / متوقف، completed / منجز، cancelled / ملغى";

    /// Reads a status in English, Arabic or Persian, ignoring case, surrounding spaces and `_` for
    /// `-`; `None` when it is none of them (say [`Self::ACCEPTED_WORDS`]).
    pub fn parse(s: &str) -> Option<ProjectStatus> {
        let w = s.trim().to_lowercase().replace('_', "-");
        Some(match w.as_str() {
            "on-track" | "on track" | "حسب الخطة" | "ضمن الخطة" | "طبق برنامه" => {
                ProjectStatus::OnTrack
            }
            "delayed" | "متأخر" | "متاخر" | "با تأخیر" => ProjectStatus::Delayed,
            "stalled" | "متوقف" | "متعثر" | "متوقف شده" => ProjectStatus::Stalled,
            "completed" | "منجز" | "مكتمل" | "تکمیل شده" => {
                ProjectStatus::Completed
            }
            "cancelled" | "canceled" | "ملغى" | "ملغي" | "لغو شده" => {
                ProjectStatus::Cancelled
            }
            _ => return None,
        })
    }

    /// The name used in files and on the wire (`on-track`).
    pub fn as_str(self) -> &'static str {
        match self {
            ProjectStatus::OnTrack => "on-track",
            ProjectStatus::Delayed => "delayed",
            ProjectStatus::Stalled => "stalled",
            ProjectStatus::Completed => "completed",
            ProjectStatus::Cancelled => "cancelled",
        }
    }
}

/// One periodic progress report of a project.
///
/// Natural key: `project-progress/{project}/{period_end}`. The project must be known to the
/// collector (stored, or earlier in the same batch) and executed by the reporting center.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(transform = crate::schema::project_progress_rules)]
pub struct ProjectProgress {
    /// The project's code; not blank.
    #[schemars(schema_with = "crate::schema::not_blank")]
    pub project: String,
    /// The day the report describes.
    pub period_end: NaiveDate,
    /// Planned physical progress at `period_end`, percent, 0 to 100.
    #[schemars(range(max = 100))]
    pub planned_progress: u8,
    /// Actual physical progress, percent, 0 to 100; 100 when completed.
    #[schemars(range(max = 100))]
    pub actual_progress: u8,
    /// Spent since the project's start (cumulative, unlike a budget line's `spent`), in whole
    /// units of the project's currency, 0 or more.
    #[schemars(range(min = 0, max = crate::model::validate::MAX_AMOUNT))]
    pub cumulative_spent: i64,
    /// The project's state.
    pub status: ProjectStatus,
    /// The main obstacle, in a short note; required when delayed or stalled, and to explain
    /// spending over the project's budget.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub obstacle: String,
}

pub(super) fn validate_project(p: &Project, out: &mut Vec<Problem>) {
    if p.code.trim().is_empty() {
        out.push(Problem::new("code", Msg::new("record-project-code-empty")));
    }
    if p.name_ar.trim().is_empty() {
        out.push(Problem::new(
            "name_ar",
            Msg::new("record-project-name-empty"),
        ));
    }
    if p.sector.trim().is_empty() {
        out.push(Problem::new("sector", Msg::new("record-sector-empty")));
    }
    if p.planned_end < p.start {
        out.push(Problem::new(
            "planned_end",
            Msg::new("record-end-before-start")
                .text("end", p.planned_end)
                .text("start", p.start),
        ));
    }
    super::validate::amount(out, "budget", p.budget);
    if p.currency.len() != 3 || !p.currency.chars().all(|c| c.is_ascii_uppercase()) {
        out.push(Problem::new(
            "currency",
            Msg::new("record-not-a-currency")
                .text("value", &p.currency)
                .text("examples", "ILS, USD, OMR"),
        ));
    }
    match p.funding {
        FundingSource::Donor if p.donor.as_deref().is_none_or(|d| d.trim().is_empty()) => {
            out.push(Problem::new("donor", Msg::new("record-donor-empty")))
        }
        FundingSource::Treasury if p.donor.is_some() => {
            out.push(Problem::new("donor", Msg::new("record-donor-for-treasury")))
        }
        _ => {}
    }
}

/// Checks a progress report; `budget` is the project's, when known, to catch spending over it.
pub(super) fn validate_progress(r: &ProjectProgress, out: &mut Vec<Problem>) {
    if r.project.trim().is_empty() {
        out.push(Problem::new(
            "project",
            Msg::new("record-progress-project-empty"),
        ));
    }
    for (field, v) in [
        ("planned_progress", r.planned_progress),
        ("actual_progress", r.actual_progress),
    ] {
        if v > 100 {
            out.push(Problem::new(
                field,
                Msg::new("record-percent-over").text("value", v),
            ));
        }
    }
    super::validate::amount(out, "cumulative_spent", r.cumulative_spent);
    if r.status == ProjectStatus::Completed && r.actual_progress < 100 {
        out.push(Problem::new(
            "actual_progress",
            Msg::new("record-completed-below-100").text("value", r.actual_progress),
        ));
    }
    if matches!(r.status, ProjectStatus::Stalled | ProjectStatus::Delayed)
        && r.obstacle.trim().is_empty()
    {
        out.push(Problem::new("obstacle", Msg::new("record-obstacle-empty")));
    }
}

/// Checks a report against its project: spending over the budget needs an obstacle note.
pub fn validate_progress_against(r: &ProjectProgress, p: &Project) -> Vec<Problem> {
    let mut out = Vec::new();
    if r.cumulative_spent > p.budget && r.obstacle.trim().is_empty() {
        out.push(Problem::new(
            "cumulative_spent",
            Msg::new("record-spent-over-budget")
                .text("spent", r.cumulative_spent)
                .text("budget", p.budget),
        ));
    }
    if r.period_end < p.start {
        out.push(Problem::new(
            "period_end",
            Msg::new("record-period-before-start")
                .text("end", r.period_end)
                .text("start", p.start),
        ));
    }
    out
}
