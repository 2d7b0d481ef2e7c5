//! Board aggregation: pure functions from the current records to the view models the wall shows.
//!
//! No I/O and no drawing here. The collector serves these view models as JSON; the kiosk lays
//! them out. Every board says `as_of`: the newest report date among the records it counts.

mod budget;
mod classification;
mod committees;
mod complaints;
mod dataset;
mod decisions;
mod goalposts;
mod kpi;
mod legislation;
mod periods;
mod projects;
mod reporting;
mod story;
mod trends;

pub use budget::*;
pub use classification::*;
pub use committees::*;
pub use complaints::*;
pub use dataset::{Dataset, FirstPlan, HistoryNeed, Plan, StatusPoint, Stored};
pub use decisions::*;
pub use goalposts::*;
pub use kpi::*;
pub use legislation::*;
pub use periods::*;
pub use projects::*;
pub use reporting::*;
pub use story::*;
pub use trends::*;

use crate::model::CenterCode;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The boards, by the name used in URLs, `boards.toml` and `--board`.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum BoardName {
    /// `decision-execution`: decisions and assignments by execution ([`DecisionExecutionBoard`]).
    DecisionExecution,
    /// `centers`: responsible centers ranked by execution rate ([`CenterRankingBoard`]).
    Centers,
    /// `overdue`: decisions past their due date and not executed ([`OverdueBoard`]).
    Overdue,
    /// `budget`: budget execution ([`BudgetBoard`]).
    Budget,
    /// `kpi`: KPI achievement against targets ([`KpiBoard`]).
    Kpi,
    /// `committees`: committees' meetings and recommendations ([`CommitteesBoard`]).
    Committees,
    /// `projects`: projects' progress and spending ([`ProjectsBoard`]).
    Projects,
    /// `reporting`: who reported what and who is late, for operators ([`ReportingBoard`]).
    Reporting,
    /// `classification`: decisions' execution per sector, program, level or type, the weakest
    /// classes first ([`ClassificationBoard`]).
    Classification,
    /// `trends`: the year month by month: decisions' execution rate and the budget's spending
    /// rate against the year before ([`TrendsBoard`]).
    Trends,
    /// `complaints`: government complaints received, handled and processed, by center and
    /// quarter ([`ComplaintsBoard`]).
    Complaints,
    /// `legislation`: the year's legislative plan: completion, by type and stage, late items,
    /// done this quarter, legal memoranda ([`LegislationBoard`]).
    Legislation,
}

impl BoardName {
    /// Every board, in the order [`BoardName::list`] names them.
    pub const ALL: [BoardName; 12] = [
        BoardName::DecisionExecution,
        BoardName::Centers,
        BoardName::Overdue,
        BoardName::Budget,
        BoardName::Kpi,
        BoardName::Committees,
        BoardName::Projects,
        BoardName::Reporting,
        BoardName::Classification,
        BoardName::Trends,
        BoardName::Complaints,
        BoardName::Legislation,
    ];

    /// The board's name in URLs, `boards.toml` and `--board` (`decision-execution`).
    pub fn as_str(self) -> &'static str {
        match self {
            BoardName::DecisionExecution => "decision-execution",
            BoardName::Centers => "centers",
            BoardName::Overdue => "overdue",
            BoardName::Budget => "budget",
            BoardName::Kpi => "kpi",
            BoardName::Committees => "committees",
            BoardName::Projects => "projects",
            BoardName::Reporting => "reporting",
            BoardName::Classification => "classification",
            BoardName::Trends => "trends",
            BoardName::Complaints => "complaints",
            BoardName::Legislation => "legislation",
        }
    }

    /// The board named `s` exactly as [`BoardName::as_str`] writes it (spaces around it ignored);
    /// `None` for any other text (say [`BoardName::list`]).
    pub fn parse(s: &str) -> Option<BoardName> {
        Self::ALL.into_iter().find(|b| b.as_str() == s.trim())
    }

    /// Every board name, for error messages.
    pub fn list() -> String {
        Self::ALL.map(BoardName::as_str).join(", ")
    }
}

impl fmt::Display for BoardName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a board is narrowed to: one center (and the centers reporting through it), one year,
/// one part of the year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct BoardFilter {
    /// Only this center and the centers reporting through it (directly or not); `None`: every
    /// center.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<CenterCode>,
    /// Only this year: of issuance for decisions and sessions, the fiscal year for budget, the
    /// reported year for KPIs and committees, the years a project runs for projects; the
    /// reporting board ignores it. `None`: every year for the decision and project boards; the
    /// budget, KPI and committees boards pick one of the years they have records for (and say
    /// which in their `year`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// A part of the year (month, four months, quarter): used by the budget board (its
    /// figures cover only that part) and the KPI board (a quarter).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<Period>,
    /// The field of the classification the classification board groups by; `None`: sector.
    /// The other boards ignore it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<ClassifyBy>,
}

/// Any board's view model, tagged with its name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "board", rename_all = "kebab-case")]
pub enum BoardView {
    /// Board `decision-execution`.
    DecisionExecution(DecisionExecutionBoard),
    /// Board `centers`.
    Centers(CenterRankingBoard),
    /// Board `overdue`.
    Overdue(OverdueBoard),
    /// Board `budget`.
    Budget(BudgetBoard),
    /// Board `kpi`.
    Kpi(KpiBoard),
    /// Board `committees`.
    Committees(CommitteesBoard),
    /// Board `projects`.
    Projects(ProjectsBoard),
    /// Board `reporting`.
    Reporting(ReportingBoard),
    /// Board `classification`.
    Classification(ClassificationBoard),
    /// Board `trends`.
    Trends(TrendsBoard),
    /// Board `complaints`.
    Complaints(ComplaintsBoard),
    /// Board `legislation`.
    Legislation(LegislationBoard),
}

impl BoardView {
    /// Which board this is.
    pub fn name(&self) -> BoardName {
        match self {
            BoardView::DecisionExecution(_) => BoardName::DecisionExecution,
            BoardView::Centers(_) => BoardName::Centers,
            BoardView::Overdue(_) => BoardName::Overdue,
            BoardView::Budget(_) => BoardName::Budget,
            BoardView::Kpi(_) => BoardName::Kpi,
            BoardView::Committees(_) => BoardName::Committees,
            BoardView::Projects(_) => BoardName::Projects,
            BoardView::Reporting(_) => BoardName::Reporting,
            BoardView::Classification(_) => BoardName::Classification,
            BoardView::Trends(_) => BoardName::Trends,
            BoardView::Complaints(_) => BoardName::Complaints,
            BoardView::Legislation(_) => BoardName::Legislation,
        }
    }

    /// The newest report date among the records this board counts.
    pub fn as_of(&self) -> Option<NaiveDate> {
        match self {
            BoardView::DecisionExecution(b) => b.as_of,
            BoardView::Centers(b) => b.as_of,
            BoardView::Overdue(b) => b.as_of,
            BoardView::Budget(b) => b.as_of,
            BoardView::Kpi(b) => b.as_of,
            BoardView::Committees(b) => b.as_of,
            BoardView::Projects(b) => b.as_of,
            BoardView::Reporting(b) => b.as_of,
            BoardView::Classification(b) => b.as_of,
            BoardView::Trends(b) => b.as_of,
            BoardView::Complaints(b) => b.as_of,
            BoardView::Legislation(b) => b.as_of,
        }
    }
}

/// Settings a board's computation depends on besides the records.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoardContext {
    /// The day against which overdue is counted.
    pub today: NaiveDate,
    /// The achievement percentages at which the KPI board counts an indicator met or partly met.
    pub kpi: KpiThresholds,
}

/// Computes board `name` over `data`.
pub fn build_board(
    name: BoardName,
    data: &Dataset,
    filter: &BoardFilter,
    ctx: &BoardContext,
) -> BoardView {
    match name {
        BoardName::DecisionExecution => {
            BoardView::DecisionExecution(aggregate_decision_execution(data, filter))
        }
        BoardName::Centers => BoardView::Centers(aggregate_center_ranking(data, filter, ctx.today)),
        BoardName::Overdue => BoardView::Overdue(aggregate_overdue(data, filter, ctx.today)),
        BoardName::Budget => BoardView::Budget(aggregate_budget(data, filter, ctx.today)),
        BoardName::Kpi => BoardView::Kpi(aggregate_kpi(data, filter, ctx.kpi, ctx.today)),
        BoardName::Committees => {
            BoardView::Committees(aggregate_committees(data, filter, ctx.today))
        }
        BoardName::Projects => BoardView::Projects(aggregate_projects(data, filter)),
        // Without the collector's activity: who was heard from when is left empty.
        BoardName::Reporting => BoardView::Reporting(aggregate_reporting(
            data,
            filter,
            ctx.today,
            &Activity::default(),
        )),
        BoardName::Classification => {
            BoardView::Classification(aggregate_classification(data, filter))
        }
        BoardName::Trends => BoardView::Trends(aggregate_trends(data, filter, ctx.today)),
        BoardName::Complaints => {
            BoardView::Complaints(aggregate_complaints(data, filter, ctx.today))
        }
        BoardName::Legislation => {
            BoardView::Legislation(aggregate_legislation(data, filter, ctx.today))
        }
    }
}

/// The year a board shows when the filter names none: the newest of `years` (the years it has
/// data for) that is not after `today`'s year; when every one is later (next year's budget sent
/// early, and nothing else), the earliest of them. Never a year only because it is the highest
/// anyone sent. `None` when there is no year at all.
pub fn default_year(years: impl IntoIterator<Item = i32>, today: NaiveDate) -> Option<i32> {
    let current = today.year();
    let (mut past, mut later): (Option<i32>, Option<i32>) = (None, None);
    for y in years {
        if y <= current {
            past = past.max(Some(y));
        } else {
            later = Some(later.map_or(y, |l| l.min(y)));
        }
    }
    past.or(later)
}

/// `n / d` (`d` > 0) rounded to the nearest whole number, a half to the even one (banker's
/// rounding: no drift up when many halves are summed); saturates at the ends of `i64`.
pub fn div_round_half_even(n: i128, d: i128) -> i64 {
    let d = d.max(1);
    let (q, r) = (n.div_euclid(d), n.rem_euclid(d));
    let q = match (2 * r).cmp(&d) {
        std::cmp::Ordering::Greater => q + 1,
        std::cmp::Ordering::Equal if q % 2 != 0 => q + 1,
        _ => q,
    };
    i64::try_from(q).unwrap_or(if q < 0 { i64::MIN } else { i64::MAX })
}

/// The filter's center and the centers reporting through it, asked of record after record: the
/// answer for the last center asked is kept, since a dataset's records of one center mostly come
/// one after another, and [`Dataset::is_within`] walks the registry each time.
pub(crate) struct CenterScope<'a> {
    data: &'a Dataset,
    center: Option<&'a CenterCode>,
    last: Option<(&'a CenterCode, bool)>,
}

impl<'a> CenterScope<'a> {
    /// The scope of `f`'s center; every center when it names none.
    pub(crate) fn new(data: &'a Dataset, f: &'a BoardFilter) -> CenterScope<'a> {
        CenterScope {
            data,
            center: f.center.as_ref(),
            last: None,
        }
    }

    /// True when `code` is the filter's center or reports through it, or the filter names none:
    /// what `data.is_within(code, center)` says.
    pub(crate) fn contains(&mut self, code: &'a CenterCode) -> bool {
        let Some(center) = self.center else {
            return true;
        };
        match self.last {
            Some((last, within)) if last == code => within,
            _ => {
                let within = self.data.is_within(code, center);
                self.last = Some((code, within));
                within
            }
        }
    }
}

pub(crate) fn latest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(x), Some(y)) => Some(x.max(y)),
        (x, None) => x,
        (None, y) => y,
    }
}

#[cfg(test)]
mod arbitrary;
#[cfg(test)]
mod tests;
