//! Decision boards: execution counts, centers ranked by execution, overdue decisions.

use super::{
    BoardFilter, Dataset, MOVED_ROWS, MovedDue, Plan, center_trends, latest, months_through,
    moved_dues,
};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A decision's execution as the wall shows it: reported statuses combined, or none yet.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Execution {
    /// No responsible center has progressed: those that reported said not started.
    NotStarted,
    /// Some responsible center is in progress or has executed, not all have executed, and none
    /// is blocked.
    InProgress,
    /// Every responsible center reported it executed.
    Executed,
    /// At least one responsible center reported it blocked.
    Blocked,
    /// No responsible center has reported yet: unknown, never shown as "not started".
    Unreported,
}

/// Counts of decisions (or assignments) by execution.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ExecutionCounts {
    /// Executed.
    pub executed: u32,
    /// In progress.
    pub in_progress: u32,
    /// Not started.
    pub not_started: u32,
    /// Blocked.
    pub blocked: u32,
    /// Not reported yet: outside every percentage.
    pub unreported: u32,
}

impl ExecutionCounts {
    /// Counts one more decision with execution `e`.
    pub fn add(&mut self, e: Execution) {
        match e {
            Execution::Executed => self.executed += 1,
            Execution::InProgress => self.in_progress += 1,
            Execution::NotStarted => self.not_started += 1,
            Execution::Blocked => self.blocked += 1,
            Execution::Unreported => self.unreported += 1,
        }
    }

    /// Those with a reported status: the base of every percentage.
    pub fn analysed(&self) -> u32 {
        self.executed
            .saturating_add(self.in_progress)
            .saturating_add(self.not_started)
            .saturating_add(self.blocked)
    }

    /// Every decision counted, reported or not.
    pub fn total(&self) -> u32 {
        self.analysed().saturating_add(self.unreported)
    }

    /// `n` as a percentage of the analysed ones; `None` when nothing was analysed.
    pub fn percent(&self, n: u32) -> Option<f64> {
        let base = self.analysed();
        (base > 0).then(|| 100.0 * n as f64 / base as f64)
    }
}

/// Combines the statuses of a decision's responsible centers.
///
/// All executed → executed; none reported → unreported; any blocked → blocked; any progress
/// (in progress, or some centers executed) → in progress; otherwise not started. A center that
/// has not reported counts as not started once another has.
pub fn combine_statuses(statuses: &[Option<ExecutionStatus>]) -> Execution {
    if statuses.is_empty() || statuses.iter().all(Option::is_none) {
        return Execution::Unreported;
    }
    let s: Vec<ExecutionStatus> = statuses
        .iter()
        .map(|s| s.unwrap_or(ExecutionStatus::NotStarted))
        .collect();
    if s.iter().all(|x| *x == ExecutionStatus::Executed) {
        Execution::Executed
    } else if s.contains(&ExecutionStatus::Blocked) {
        Execution::Blocked
    } else if s
        .iter()
        .any(|x| matches!(x, ExecutionStatus::InProgress | ExecutionStatus::Executed))
    {
        Execution::InProgress
    } else {
        Execution::NotStarted
    }
}

/// The execution of `d` as the board sees it: for one center when filtered, else combined.
pub(super) fn execution_of(
    data: &Dataset,
    d: &Decision,
    center: Option<&CenterCode>,
) -> (Execution, Option<NaiveDate>, u8) {
    let centers: Vec<&CenterCode> = responsible_within(data, d, center).collect();
    let mut statuses = Vec::with_capacity(centers.len());
    let mut as_of = None;
    let mut progress_sum = 0u32;
    for c in &centers {
        let s = data.status_of(&d.number, c);
        as_of = latest(as_of, s.map(|x| x.as_of));
        progress_sum += s.map(|x| x.value.progress as u32).unwrap_or(0);
        statuses.push(s.map(|x| x.value.status));
    }
    let progress = if centers.is_empty() {
        0
    } else {
        (progress_sum / centers.len() as u32) as u8
    };
    (combine_statuses(&statuses), as_of, progress)
}

/// The responsible centers of `d` within `center` (and those reporting through it), or all.
pub(super) fn responsible_within<'a>(
    data: &'a Dataset,
    d: &'a Decision,
    center: Option<&'a CenterCode>,
) -> impl Iterator<Item = &'a CenterCode> + 'a {
    d.centers
        .iter()
        .filter(move |x| center.is_none_or(|c| data.is_within(x, c)))
}

/// Decisions that pass the filter: issued in the filter's year, assigned to its center.
pub(super) fn filtered<'a>(
    data: &'a Dataset,
    f: &'a BoardFilter,
) -> impl Iterator<Item = &'a Decision> + 'a {
    data.decisions.values().map(|s| &s.value).filter(move |d| {
        f.year.is_none_or(|y| d.date.year() == y)
            && f.center
                .as_ref()
                .is_none_or(|c| d.centers.iter().any(|x| data.is_within(x, c)))
    })
}

/// One month of issuance in the execution trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MonthExecution {
    /// The year of issuance.
    pub year: i32,
    /// The month of issuance, 1 to 12.
    pub month: u8,
    /// The non-routine decisions and assignments issued that month, by their execution as
    /// reported now.
    pub counts: ExecutionCounts,
}

/// Board `decision-execution`: decisions and assignments by execution, routine excluded.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DecisionExecutionBoard {
    /// The newest report date among the statuses counted; `None` when none was reported.
    pub as_of: Option<NaiveDate>,
    /// Decisions issued (all, routine included).
    pub issued_decisions: u32,
    /// Assignments issued (all, routine included).
    pub issued_assignments: u32,
    /// Sessions held in the period.
    pub sessions: u32,
    /// Non-routine decisions by execution.
    pub decisions: ExecutionCounts,
    /// Non-routine assignments by execution.
    pub assignments: ExecutionCounts,
    /// Routine decisions and assignments left out of the counts above.
    pub routine_excluded: u32,
    /// Non-routine decisions and assignments by month of issuance.
    pub trend: Vec<MonthExecution>,
    /// Follow-up actions recorded on the counted decisions and assignments.
    pub follow_ups: FollowUpCounts,
}

/// Follow-up effort: calls, letters, text messages, requests for explanatory memoranda.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct FollowUpCounts {
    /// Phone calls.
    pub calls: u32,
    /// Official letters.
    pub letters: u32,
    /// Text messages.
    pub messages: u32,
    /// Requests for explanatory memoranda.
    pub memos: u32,
}

impl FollowUpCounts {
    /// Counts one more follow-up of `kind`.
    pub fn add(&mut self, kind: FollowUpKind) {
        match kind {
            FollowUpKind::Call => self.calls += 1,
            FollowUpKind::Letter => self.letters += 1,
            FollowUpKind::Message => self.messages += 1,
            FollowUpKind::Memo => self.memos += 1,
        }
    }
}

/// Computes board `decision-execution`: decisions issued in the filter's year and assigned to its
/// center (or through it), each counted once by its combined execution; sessions held in the year.
pub fn aggregate_decision_execution(data: &Dataset, f: &BoardFilter) -> DecisionExecutionBoard {
    let mut b = DecisionExecutionBoard {
        as_of: None,
        issued_decisions: 0,
        issued_assignments: 0,
        sessions: 0,
        decisions: ExecutionCounts::default(),
        assignments: ExecutionCounts::default(),
        routine_excluded: 0,
        trend: Vec::new(),
        follow_ups: FollowUpCounts::default(),
    };
    let mut trend: BTreeMap<(i32, u8), ExecutionCounts> = BTreeMap::new();
    for d in filtered(data, f) {
        match d.kind {
            DecisionKind::Decision => b.issued_decisions += 1,
            DecisionKind::Assignment => b.issued_assignments += 1,
        }
        if d.routine {
            b.routine_excluded += 1;
            continue;
        }
        let (e, as_of, _) = execution_of(data, d, f.center.as_ref());
        b.as_of = latest(b.as_of, as_of);
        match d.kind {
            DecisionKind::Decision => b.decisions.add(e),
            DecisionKind::Assignment => b.assignments.add(e),
        }
        trend
            .entry((d.date.year(), d.date.month() as u8))
            .or_default()
            .add(e);
        for c in d
            .centers
            .iter()
            .filter(|c| f.center.as_ref().is_none_or(|fc| data.is_within(c, fc)))
        {
            if let Some(s) = data.status_of(&d.number, c) {
                for fu in &s.value.follow_ups {
                    b.follow_ups.add(fu.kind);
                }
            }
        }
    }
    b.sessions = data
        .sessions
        .values()
        .filter(|s| f.year.is_none_or(|y| s.value.date.year() == y))
        .count() as u32;
    b.trend = trend
        .into_iter()
        .map(|((year, month), counts)| MonthExecution {
            year,
            month,
            counts,
        })
        .collect();
    b
}

/// One responsible center's execution record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterExecutionRow {
    /// The responsible center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its English name (its code when it is not registered).
    pub name_en: String,
    /// Its non-routine decisions and assignments, by the status it reported itself.
    pub counts: ExecutionCounts,
    /// Executed as a percentage of analysed; `None` when the center reported nothing.
    pub rate: Option<f64>,
    /// The newest report date among its statuses; `None` when it reported none.
    pub as_of: Option<NaiveDate>,
    /// Its rate at the end of each month of the board's year so far (the centers board's
    /// sparkline): January first, `None` for a month by which it had reported nothing; empty
    /// when the board spans no single year with months to show.
    #[serde(default)]
    pub trend: Vec<Option<f64>>,
}

/// Board `centers`: responsible centers ranked by execution rate, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterRankingBoard {
    /// The newest report date among the rows.
    pub as_of: Option<NaiveDate>,
    /// One row per center with a non-routine decision: highest rate first, then most decisions,
    /// then by code; centers that reported nothing last.
    pub rows: Vec<CenterExecutionRow>,
    /// The year of the rows' `trend`: the filter's, else the latest year of issuance not after
    /// the board's day.
    #[serde(default)]
    pub trend_year: Option<i32>,
}

/// Computes board `centers`: for each responsible center of the filtered decisions (within the
/// filter's center), its own statuses counted and its execution rate, with its rate month by
/// month through the filter's year (else the latest year of issuance) as of `today`.
pub fn aggregate_center_ranking(
    data: &Dataset,
    f: &BoardFilter,
    today: NaiveDate,
) -> CenterRankingBoard {
    let mut per: BTreeMap<CenterCode, (ExecutionCounts, Option<NaiveDate>)> = BTreeMap::new();
    for d in filtered(data, f).filter(|d| !d.routine) {
        for c in &d.centers {
            if let Some(fc) = &f.center
                && !data.is_within(c, fc)
            {
                continue;
            }
            let s = data.status_of(&d.number, c);
            let e = combine_statuses(&[s.map(|x| x.value.status)]);
            let entry = per.entry(c.clone()).or_default();
            entry.0.add(e);
            entry.1 = latest(entry.1, s.map(|x| x.as_of));
        }
    }
    let trend_year = f
        .year
        .or_else(|| super::default_year(filtered(data, f).map(|d| d.date.year()), today));
    let mut trends = match trend_year {
        Some(y) => {
            let days: Vec<NaiveDate> = months_through(y, today)
                .into_iter()
                .map(|(_, d)| d)
                .collect();
            let in_year = BoardFilter {
                year: Some(y),
                ..f.clone()
            };
            center_trends(data, &in_year, &days)
        }
        None => BTreeMap::new(),
    };
    let mut rows: Vec<CenterExecutionRow> = per
        .into_iter()
        .map(|(center, (counts, as_of))| {
            let (name_ar, name_en) = data.center_names(&center);
            CenterExecutionRow {
                rate: counts.percent(counts.executed),
                trend: trends.remove(&center).unwrap_or_default(),
                center,
                name_ar,
                name_en,
                counts,
                as_of,
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        let ra = a.rate.unwrap_or(-1.0);
        let rb = b.rate.unwrap_or(-1.0);
        rb.total_cmp(&ra)
            .then(b.counts.total().cmp(&a.counts.total()))
            .then(a.center.cmp(&b.center))
    });
    CenterRankingBoard {
        as_of: rows.iter().filter_map(|r| r.as_of).max(),
        rows,
        trend_year,
    }
}

/// One overdue decision.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OverdueRow {
    /// The decision's number.
    pub number: DecisionNumber,
    /// Decision or assignment.
    pub kind: DecisionKind,
    /// The day it was issued.
    pub date: NaiveDate,
    /// Its title.
    pub title: String,
    /// Its responsible centers, the lead first.
    pub centers: Vec<CenterCode>,
    /// Arabic name of the lead center.
    pub lead_center_ar: String,
    /// The day it was due.
    pub due: NaiveDate,
    /// Days from `due` to the board's `today`, at least 1.
    pub days_overdue: i64,
    /// The due date first reported, when it was earlier than `due` (see [`MovedDue`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_due: Option<NaiveDate>,
    /// Days from `first_due` to the board's `today`, when `first_due` is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_overdue_first: Option<i64>,
    /// Its execution (never executed), combined over the filter's centers.
    pub execution: Execution,
    /// Mean progress of the responsible centers in the filter, percent 0–100 rounded down; a center
    /// that has not reported counts 0.
    pub progress: u8,
}

/// Board `overdue`: non-routine decisions past their due date and not executed, most overdue first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct OverdueBoard {
    /// The day overdue is counted against: a decision is overdue when its due date is before it.
    pub today: NaiveDate,
    /// The newest report date among the overdue decisions' statuses.
    pub as_of: Option<NaiveDate>,
    /// Non-routine decisions with a due date that were checked: with `total == 0`, a non-zero
    /// `checked` means "nothing overdue", a zero means "no data".
    #[serde(default)]
    pub checked: u32,
    /// All overdue decisions; `rows` holds at most `OVERDUE_ROWS` of them.
    pub total: u32,
    /// The most overdue first (then by number), at most [`OVERDUE_ROWS`].
    pub rows: Vec<OverdueRow>,
    /// Decisions whose due date was pushed back (or removed) after it was first reported, executed
    /// or not: the longest late against the first date first, at most [`MOVED_ROWS`].
    #[serde(default)]
    pub moved: Vec<MovedDue>,
    /// How many due dates were moved in all.
    #[serde(default)]
    pub moved_total: u32,
    /// Of those, decisions not executed, past their first due date and not past the current one:
    /// late by the first plan, on time by the revised one.
    #[serde(default)]
    pub hidden_by_move: u32,
}

/// Most rows the overdue board carries.
pub const OVERDUE_ROWS: usize = 50;

/// The overdue rule: days from `d`'s due date to `today` when `d` is not routine, has a due date
/// before `today` and its execution (as combined by [`execution_of`]) is not executed; `None`
/// otherwise. The overdue board and a decision's story both count with it.
pub fn days_overdue(d: &Decision, execution: Execution, today: NaiveDate) -> Option<i64> {
    let due = d.due?;
    (!d.routine && due < today && execution != Execution::Executed)
        .then(|| (today - due).num_days())
}

/// Computes board `overdue` as of `today`: non-routine decisions of the filter past their due
/// date and not executed.
pub fn aggregate_overdue(data: &Dataset, f: &BoardFilter, today: NaiveDate) -> OverdueBoard {
    let mut rows = Vec::new();
    let mut as_of = None;
    let mut checked = 0u32;
    for d in filtered(data, f).filter(|d| !d.routine) {
        let Some(due) = d.due else { continue };
        checked += 1;
        if due >= today {
            continue;
        }
        let (execution, s_as_of, progress) = execution_of(data, d, f.center.as_ref());
        let Some(days_overdue) = days_overdue(d, execution, today) else {
            continue;
        };
        as_of = latest(as_of, s_as_of);
        let lead_center_ar = d
            .centers
            .first()
            .map(|c| data.center_names(c).0)
            .unwrap_or_default();
        let first_due = data
            .moved_plan(&d.key(), Plan::Due(d.due))
            .and_then(|p| match p.plan {
                Plan::Due(first) => first.filter(|f| *f < due),
                Plan::Targets { .. } => None,
            });
        rows.push(OverdueRow {
            first_due,
            days_overdue_first: first_due.map(|f| (today - f).num_days()),
            number: d.number,
            kind: d.kind,
            date: d.date,
            title: d.title.clone(),
            centers: d.centers.clone(),
            lead_center_ar,
            due,
            days_overdue,
            execution,
            progress,
        });
    }
    rows.sort_by(|a, b| {
        b.days_overdue
            .cmp(&a.days_overdue)
            .then(a.number.cmp(&b.number))
    });
    let total = rows.len() as u32;
    rows.truncate(OVERDUE_ROWS);
    let mut moved = moved_dues(data, f, today);
    let moved_total = moved.len() as u32;
    let hidden_by_move = moved
        .iter()
        .filter(|m| m.days_late_against_first > 0 && m.due.is_none_or(|d| d >= today))
        .count() as u32;
    moved.truncate(MOVED_ROWS);
    OverdueBoard {
        today,
        as_of,
        checked,
        total,
        rows,
        moved,
        moved_total,
        hidden_by_move,
    }
}
