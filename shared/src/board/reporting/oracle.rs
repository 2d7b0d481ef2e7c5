//! The reporting board as it was computed before it was made fast (commit d9b0c08): the
//! reference the property test in `reporting/oracle_tests.rs` holds the fast one to. Test-only;
//! its code is the old code, unchanged but for its imports.

use super::super::periods::{DueReport, reports_due};
use super::super::{BoardFilter, Dataset, latest};
use super::{
    Activity, CenterReporting, CycleState, CycleTotal, KioskHeard, ReportingBoard, WallRead,
};
use crate::model::*;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// The quarter, 1 to 4, of `d`.
fn quarter_of(d: NaiveDate) -> u8 {
    (d.month0() / 3 + 1) as u8
}

/// Computes the reporting board. Every registered center (within the filter's center) has a
/// row, reported or not; the filter's year is not used (reporting is about now).
///
/// For each cycle (monthly, four-monthly and yearly budget; quarterly KPIs) the latest report
/// whose due date has passed is checked ([`reports_due`]). A budget report is in when the center
/// has budget lines for every month it covers; a KPI report when it has an achievement for the
/// quarter. Reports whose period starts before the center's first report of that kind are not owed;
/// a center that never reported owes the monthly budget and the quarterly KPIs.
pub(super) fn aggregate_reporting(
    data: &Dataset,
    f: &BoardFilter,
    today: NaiveDate,
    activity: &Activity,
) -> ReportingBoard {
    let seen = seen_per_center(data);
    let due = reports_due(today);
    let mut b = empty_board(today, activity, &due);
    b.walls = data
        .walls
        .iter()
        .map(|name| WallRead {
            name: name.clone(),
            last_read: activity.walls.get(name).copied(),
        })
        .collect();
    let mut as_of = None;
    let empty = Seen::default();
    for code in data
        .centers
        .keys()
        .filter(|c| f.center.as_ref().is_none_or(|fc| data.is_within(c, fc)))
    {
        let s = seen.get(code).unwrap_or(&empty);
        as_of = latest(as_of, s.last_as_of);
        let row = center_row(data, code, s, (today, &due), activity);
        for (total, c) in b.cycles.iter_mut().zip(&row.cycles) {
            total.received += u32::from(c.received);
            total.owed += u32::from(c.owed);
        }
        b.budget_reported += u32::from(row.budget_this_month);
        b.kpi_reported += u32::from(row.kpi_this_quarter);
        b.late += u32::from(row.late);
        b.centers.push(row);
    }
    // Records of centers no longer registered still date the board.
    if f.center.is_none() {
        for s in seen.values() {
            as_of = latest(as_of, s.last_as_of);
        }
    }
    b.as_of = as_of;
    b
}

/// What each center's current records show, by center.
fn seen_per_center(data: &Dataset) -> BTreeMap<&CenterCode, Seen> {
    let mut seen: BTreeMap<&CenterCode, Seen> = BTreeMap::new();
    for s in data.sessions.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.decisions.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.statuses.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.committees.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.projects.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.project_reports.values() {
        bump(&mut seen, &s.center, s.as_of);
    }
    for s in data.budget.values() {
        let e = bump(&mut seen, &s.center, s.as_of);
        e.budget_months.insert((s.value.fiscal_year, s.value.month));
    }
    for s in data.kpis.values() {
        let e = bump(&mut seen, &s.center, s.as_of);
        e.kpi_quarters.insert((s.value.year, s.value.quarter));
    }
    seen
}

/// The board with no center counted yet: the clock's month and quarter, the kiosks heard from.
fn empty_board(today: NaiveDate, activity: &Activity, due: &[DueReport]) -> ReportingBoard {
    ReportingBoard {
        as_of: None,
        today,
        year: today.year(),
        month: today.month() as u8,
        quarter: quarter_of(today),
        centers: Vec::new(),
        kiosks: activity
            .kiosks
            .iter()
            .map(|(name, t)| KioskHeard {
                name: name.clone(),
                last_heard: *t,
            })
            .collect(),
        walls: Vec::new(),
        budget_reported: 0,
        kpi_reported: 0,
        cycles: due
            .iter()
            .map(|r| CycleTotal {
                report: *r,
                received: 0,
                owed: 0,
            })
            .collect(),
        late: 0,
    }
}

/// One registered center's row: its cycles against the reports `due` by `today`, and when it
/// was heard from.
fn center_row(
    data: &Dataset,
    code: &CenterCode,
    s: &Seen,
    (today, due): (NaiveDate, &[DueReport]),
    activity: &Activity,
) -> CenterReporting {
    let (year, month, quarter) = (today.year(), today.month() as u8, quarter_of(today));
    let cycles: Vec<CycleState> = due
        .iter()
        .map(|r| CycleState {
            report: *r,
            received: s.has(r),
            owed: s.owes(r),
        })
        .collect();
    let missing: Vec<DueReport> = cycles
        .iter()
        .filter(|c| c.owed && !c.received)
        .map(|c| c.report)
        .collect();
    let act = activity.centers.get(code).copied().unwrap_or_default();
    let (name_ar, name_en) = data.center_names(code);
    CenterReporting {
        center: code.clone(),
        name_ar,
        name_en,
        last_as_of: s.last_as_of,
        last_received: act.last_received,
        last_heard: act.last_heard,
        budget_this_month: s.budget_months.contains(&(year, month)),
        kpi_this_quarter: s.kpi_quarters.contains(&(year, quarter)),
        cycles,
        late: !missing.is_empty(),
        missing,
    }
}

/// What one center's current records show.
#[derive(Default)]
struct Seen {
    last_as_of: Option<NaiveDate>,
    budget_months: BTreeSet<(i32, u8)>,
    kpi_quarters: BTreeSet<(i32, u8)>,
}

impl Seen {
    fn has(&self, r: &DueReport) -> bool {
        match *r {
            DueReport::QuarterlyKpi { year, quarter } => {
                self.kpi_quarters.contains(&(year, quarter))
            }
            DueReport::MonthlyBudget { year, .. }
            | DueReport::FourMonthBudget { year, .. }
            | DueReport::YearlyBudget { year } => r
                .budget_months()
                .all(|m| self.budget_months.contains(&(year, m))),
        }
    }

    fn owes(&self, r: &DueReport) -> bool {
        let first = match r {
            DueReport::QuarterlyKpi { .. } => self
                .kpi_quarters
                .first()
                .map(|(y, q)| (*y, (q - 1) * 3 + 1)),
            _ => self.budget_months.first().copied(),
        };
        match (first, r) {
            (None, DueReport::MonthlyBudget { .. } | DueReport::QuarterlyKpi { .. }) => true,
            (None, _) => false,
            (Some((y, m)), _) => {
                let start = NaiveDate::from_ymd_opt(y, m as u32, 1).unwrap_or(NaiveDate::MIN);
                r.period_start() >= start
            }
        }
    }
}

fn bump<'a, 'b>(
    seen: &'b mut BTreeMap<&'a CenterCode, Seen>,
    c: &'a CenterCode,
    d: NaiveDate,
) -> &'b mut Seen {
    let e = seen.entry(c).or_default();
    e.last_as_of = latest(e.last_as_of, Some(d));
    e
}
