//! Board `projects`: projects by status, planned against actual progress by sector, the most
//! delayed, spending running ahead of physical progress, and the share funded by donors.

use super::{BoardFilter, Dataset, Stored, latest};
use crate::model::CenterCode;
use crate::model::project::{FundingSource, Project, ProjectProgress, ProjectStatus};
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How many reported projects are in one status, by their latest report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct StatusCount {
    /// The status.
    pub status: ProjectStatus,
    /// Projects whose latest report gives it.
    pub projects: u32,
}

/// Progress and budget of one sector's projects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SectorProgress {
    /// The sector, as the projects name it.
    pub sector: String,
    /// The sector's projects, reported or not.
    pub projects: u32,
    /// Mean planned and actual physical progress of the sector's reported projects, percent.
    pub planned: f64,
    /// Mean actual physical progress of the same projects, percent; 0 when none has reported.
    pub actual: f64,
    /// Total budget of the sector's projects in the board's currency, whole units.
    pub budget: i64,
}

/// A project whose execution lags its plan or whose spending runs ahead of its progress.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectRow {
    /// The project's code.
    pub code: String,
    /// Its Arabic name.
    pub name_ar: String,
    /// The executing center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub center_ar: String,
    /// The project's sector.
    pub sector: String,
    /// The status in its latest report.
    pub status: ProjectStatus,
    /// Planned physical progress at its latest report, percent.
    pub planned_progress: u8,
    /// Actual physical progress at its latest report, percent.
    pub actual_progress: u8,
    /// Planned minus actual progress, in percentage points.
    pub gap_points: i32,
    /// Months the projected end (at the pace so far) falls after the planned end; `None` when
    /// no pace can be read (no progress yet).
    pub months_late: Option<i64>,
    /// The day it is planned to end.
    pub planned_end: NaiveDate,
    /// Cumulative spending as a percentage of the budget.
    pub spent_pct: Option<f64>,
    /// The main obstacle, from its latest report; may be empty.
    pub obstacle: String,
}

/// The budget of one funding source on the projects board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct FundingShare {
    /// The donor, or `None` for the treasury.
    pub donor: Option<String>,
    /// Projects funded by it (in the board's currency).
    pub projects: u32,
    /// Their total budget, whole units of the board's currency.
    pub budget: i64,
}

/// Board `projects`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ProjectsBoard {
    /// The newest report date among the projects' latest reports.
    pub as_of: Option<NaiveDate>,
    /// Projects of the filter's center (and those reporting through it) running in the filter's
    /// year; every project without a filter.
    pub projects: u32,
    /// Projects without any progress report yet.
    pub unreported: u32,
    /// Reported projects per status, in status order (on track first).
    pub by_status: Vec<StatusCount>,
    /// Every sector with a project, by name.
    pub by_sector: Vec<SectorProgress>,
    /// Most delayed first (largest gap), at most `PROJECT_ROWS`.
    pub most_delayed: Vec<ProjectRow>,
    /// Spending ahead of physical progress by `OVERSPEND_POINTS` or more, worst first.
    pub spending_ahead: Vec<ProjectRow>,
    /// Budget by source, in `currency`; the treasury first, then donors by budget.
    pub funding: Vec<FundingShare>,
    /// The currency of every amount here: the one with the largest total budget. Projects in other
    /// currencies are counted but left out of the amounts.
    pub currency: String,
    /// Total budget of the projects in `currency`, whole units.
    pub budget_total: i64,
}

/// Most rows in `most_delayed` and in `spending_ahead`.
pub const PROJECT_ROWS: usize = 8;
/// Spending (as % of budget) this many points above physical progress stands out.
pub const OVERSPEND_POINTS: f64 = 25.0;

impl ProjectsBoard {
    /// Share of the budget funded by donors, percent.
    pub fn donor_share_pct(&self) -> Option<f64> {
        let donors: i64 = self
            .funding
            .iter()
            .filter(|f| f.donor.is_some())
            .fold(0i64, |sum, f| sum.saturating_add(f.budget));
        (self.budget_total > 0).then(|| 100.0 * donors as f64 / self.budget_total as f64)
    }
}

fn months_between(a: NaiveDate, b: NaiveDate) -> f64 {
    (b - a).num_days() as f64 / 30.44
}

fn row(p: &Project, center: &CenterCode, center_ar: String, r: &ProjectProgress) -> ProjectRow {
    let elapsed = months_between(p.start, r.period_end).max(0.0);
    let months_late = if r.actual_progress >= 100
        || matches!(
            r.status,
            ProjectStatus::Completed | ProjectStatus::Cancelled
        ) {
        Some(0)
    } else if r.actual_progress == 0 || elapsed <= 0.0 {
        None
    } else {
        let pace = r.actual_progress as f64 / elapsed;
        let remaining = (100.0 - r.actual_progress as f64) / pace;
        let projected_end =
            r.period_end + chrono::Duration::days((remaining * 30.44).round() as i64);
        Some(months_between(p.planned_end, projected_end).round() as i64)
    };
    ProjectRow {
        code: p.code.clone(),
        name_ar: p.name_ar.clone(),
        center: center.clone(),
        center_ar,
        sector: p.sector.clone(),
        status: r.status,
        planned_progress: r.planned_progress,
        actual_progress: r.actual_progress,
        gap_points: r.planned_progress as i32 - r.actual_progress as i32,
        months_late,
        planned_end: p.planned_end,
        spent_pct: (p.budget > 0).then(|| 100.0 * r.cumulative_spent as f64 / p.budget as f64),
        obstacle: r.obstacle.clone(),
    }
}

/// Per sector: projects, sum of planned and of actual progress, projects reported, budget.
type SectorSums = BTreeMap<String, (u32, f64, f64, u32, i64)>;
/// Per funding source (the donor, or `None` for the treasury): projects and budget.
type FundingSums = BTreeMap<Option<String>, (u32, i64)>;

/// What the projects add up to, before the board's lists are cut and sorted.
#[derive(Default)]
struct ProjectSums {
    status: BTreeMap<ProjectStatus, u32>,
    sectors: SectorSums,
    funding: FundingSums,
    rows: Vec<ProjectRow>,
}

/// Computes board `projects`: the projects of the filter's center (and those reporting through
/// it) running in the filter's year, each counted by the latest report from its executing center.
pub fn aggregate_projects(data: &Dataset, f: &BoardFilter) -> ProjectsBoard {
    let projects = projects_in_view(data, f);
    let currency = board_currency(&projects);
    let mut b = ProjectsBoard {
        as_of: None,
        projects: projects.len() as u32,
        unreported: 0,
        by_status: Vec::new(),
        by_sector: Vec::new(),
        most_delayed: Vec::new(),
        spending_ahead: Vec::new(),
        funding: Vec::new(),
        currency: currency.clone(),
        budget_total: 0,
    };
    let sums = sum_projects(data, &projects, &mut b);
    b.by_status = sums
        .status
        .into_iter()
        .map(|(status, projects)| StatusCount { status, projects })
        .collect();
    b.by_sector = sector_rows(sums.sectors);
    b.most_delayed = most_delayed(&sums.rows);
    b.spending_ahead = spending_ahead(&sums.rows);
    b.funding = funding_rows(sums.funding);
    b
}

/// The projects of the filter's center (and those reporting through it) running in its year.
fn projects_in_view<'a>(data: &'a Dataset, f: &BoardFilter) -> Vec<&'a Stored<Project>> {
    data.projects
        .values()
        .filter(|s| {
            f.center
                .as_ref()
                .is_none_or(|c| data.is_within(&s.center, c))
        })
        .filter(|s| {
            f.year
                .is_none_or(|y| s.value.start.year() <= y && s.value.planned_end.year() >= y)
        })
        .collect()
}

/// The board's currency is the one with the largest budget; other currencies are left out.
fn board_currency(projects: &[&Stored<Project>]) -> String {
    let mut by_currency: BTreeMap<&str, i64> = BTreeMap::new();
    for s in projects {
        let sum = by_currency.entry(s.value.currency.as_str()).or_default();
        *sum = sum.saturating_add(s.value.budget);
    }
    by_currency
        .iter()
        .max_by_key(|(_, b)| **b)
        .map(|(c, _)| c.to_string())
        .unwrap_or_default()
}

/// Counts every project by status, sector and funding, with its latest report; sets the board's
/// `as_of`, `unreported` and `budget_total` (budgets in the board's currency only).
fn sum_projects(
    data: &Dataset,
    projects: &[&Stored<Project>],
    b: &mut ProjectsBoard,
) -> ProjectSums {
    let mut sums = ProjectSums::default();
    for s in projects {
        let p = &s.value;
        let sector = sums.sectors.entry(p.sector.clone()).or_default();
        sector.0 += 1;
        if p.currency == b.currency {
            sector.4 = sector.4.saturating_add(p.budget);
            b.budget_total = b.budget_total.saturating_add(p.budget);
            let donor = match p.funding {
                FundingSource::Treasury => None,
                FundingSource::Donor => p.donor.clone(),
            };
            let e = sums.funding.entry(donor).or_default();
            e.0 += 1;
            e.1 = e.1.saturating_add(p.budget);
        }
        // The latest report of the project, from its executing center.
        let report = data
            .project_reports
            .range((p.code.clone(), NaiveDate::MIN)..=(p.code.clone(), NaiveDate::MAX))
            .rfind(|(_, r)| r.center == s.center);
        let Some((_, r)) = report else {
            b.unreported += 1;
            continue;
        };
        b.as_of = latest(b.as_of, Some(r.as_of));
        *sums.status.entry(r.value.status).or_default() += 1;
        sector.1 += r.value.planned_progress as f64;
        sector.2 += r.value.actual_progress as f64;
        sector.3 += 1;
        sums.rows
            .push(row(p, &s.center, data.center_names(&s.center).0, &r.value));
    }
    sums
}

fn sector_rows(sectors: SectorSums) -> Vec<SectorProgress> {
    sectors
        .into_iter()
        .map(
            |(sector, (n, planned, actual, reported, budget))| SectorProgress {
                sector,
                projects: n,
                planned: if reported > 0 {
                    planned / reported as f64
                } else {
                    0.0
                },
                actual: if reported > 0 {
                    actual / reported as f64
                } else {
                    0.0
                },
                budget,
            },
        )
        .collect()
}

fn is_open(r: &&ProjectRow) -> bool {
    !matches!(
        r.status,
        ProjectStatus::Completed | ProjectStatus::Cancelled
    )
}

/// Open projects behind their plan, largest gap first, at most [`PROJECT_ROWS`].
fn most_delayed(rows: &[ProjectRow]) -> Vec<ProjectRow> {
    let mut delayed: Vec<ProjectRow> = rows
        .iter()
        .filter(is_open)
        .filter(|r| r.gap_points > 0)
        .cloned()
        .collect();
    delayed.sort_by(|a, b| b.gap_points.cmp(&a.gap_points).then(a.code.cmp(&b.code)));
    delayed.truncate(PROJECT_ROWS);
    delayed
}

/// Open projects spending [`OVERSPEND_POINTS`] or more ahead of their progress, worst first.
fn spending_ahead(rows: &[ProjectRow]) -> Vec<ProjectRow> {
    let mut ahead: Vec<ProjectRow> = rows
        .iter()
        .filter(is_open)
        .filter(|r| {
            r.spent_pct
                .is_some_and(|s| s - r.actual_progress as f64 >= OVERSPEND_POINTS)
        })
        .cloned()
        .collect();
    let lead = |r: &ProjectRow| r.spent_pct.unwrap_or(0.0) - r.actual_progress as f64;
    ahead.sort_by(|a, b| lead(b).total_cmp(&lead(a)).then(a.code.cmp(&b.code)));
    ahead.truncate(PROJECT_ROWS);
    ahead
}

/// Budget by source: the treasury first, then donors by budget.
fn funding_rows(funding: FundingSums) -> Vec<FundingShare> {
    let mut funding: Vec<FundingShare> = funding
        .into_iter()
        .map(|(donor, (projects, budget))| FundingShare {
            donor,
            projects,
            budget,
        })
        .collect();
    funding.sort_by(|a, b| {
        a.donor
            .is_some()
            .cmp(&b.donor.is_some())
            .then(b.budget.cmp(&a.budget))
    });
    funding
}
