//! Board `reporting`: which centers have reported what is due, and who was last heard from.
//!
//! Pure: the records come from the [`Dataset`], the times things were heard from the caller's
//! [`Activity`] (the collector keeps it); the clock is `today`. Nothing here reads a clock.

use super::periods::{DueReport, reports_due};
use super::{BoardFilter, Dataset, latest};
use crate::model::*;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// When the collector last heard from whom; kept by the collector, not derived from records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Activity {
    /// Per center: when it last signed a request, and when a record of it was last accepted.
    #[serde(default)]
    pub centers: BTreeMap<CenterCode, CenterActivity>,
    /// Kiosk name (as the kiosk says it in `x-rasid-kiosk`) → last request.
    #[serde(default)]
    pub kiosks: BTreeMap<String, DateTime<Utc>>,
    /// Registered wall name → last read it signed (`x-rasid-wall`).
    #[serde(default)]
    pub walls: BTreeMap<String, DateTime<Utc>>,
}

/// When the collector last heard from one center.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CenterActivity {
    /// Last authenticated request signed by this center (a batch or a pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_heard: Option<DateTime<Utc>>,
    /// Last time a record of this center was accepted (directly or relayed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_received: Option<DateTime<Utc>>,
}

/// One registered center's reporting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct CenterReporting {
    /// The center.
    pub center: CenterCode,
    /// Its Arabic name (its code when it is not registered).
    pub name_ar: String,
    /// Its English name (its code when it is not registered).
    pub name_en: String,
    /// The newest as-of date among the center's current records.
    pub last_as_of: Option<NaiveDate>,
    /// When a record of the center was last accepted, directly or relayed ([`CenterActivity`]).
    pub last_received: Option<DateTime<Utc>>,
    /// When the center last signed a request, a batch or a pull ([`CenterActivity`]).
    pub last_heard: Option<DateTime<Utc>>,
    /// A budget line for the current month is in.
    pub budget_this_month: bool,
    /// A KPI achievement for the current quarter is in.
    pub kpi_this_quarter: bool,
    /// Each cycle's latest report now due, and whether it is in (see [`reports_due`]).
    pub cycles: Vec<CycleState>,
    /// Something already due is missing (see `missing`).
    pub late: bool,
    /// The reports due and missing.
    pub missing: Vec<DueReport>,
}

/// Whether a due report is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CycleState {
    /// The report: its cycle and period.
    pub report: DueReport,
    /// The center has it: budget lines for every month it covers, or a KPI achievement for its
    /// quarter.
    pub received: bool,
    /// False when the report's period starts before the center's first report of that kind
    /// (before it joined Rasid): it is not owed.
    pub owed: bool,
}

/// A kiosk and when it last asked for something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct KioskHeard {
    /// The kiosk's name, as it gives it in `x-rasid-kiosk`.
    pub name: String,
    /// When it last asked for something.
    pub last_heard: DateTime<Utc>,
}

/// A registered wall and when it last read, signed with its key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct WallRead {
    /// The wall's name, as registered in a `[[wall]]` entry and signed in `x-rasid-wall`.
    pub name: String,
    /// When it last read something, signed; `None` when never since the collector's store began.
    pub last_read: Option<DateTime<Utc>>,
}

/// How many centers have sent the latest due report of one cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct CycleTotal {
    /// The cycle's latest report now due (the same for every center).
    pub report: DueReport,
    /// Centers that sent it.
    pub received: u32,
    /// Centers that owe it.
    pub owed: u32,
}

/// Board `reporting`: completeness of reporting per center, for the secretariat's operators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ReportingBoard {
    /// The newest as-of date among all counted records.
    pub as_of: Option<NaiveDate>,
    /// The day the board was computed for: the collector's date.
    pub today: NaiveDate,
    /// The current month (`year`, `month`) and quarter, per the collector's clock.
    pub year: i32,
    /// The current month, 1 to 12.
    pub month: u8,
    /// The current quarter, 1 to 4.
    pub quarter: u8,
    /// One row per registered center within the filter, reported or not, by code.
    pub centers: Vec<CenterReporting>,
    /// Every kiosk heard from, by name.
    pub kiosks: Vec<KioskHeard>,
    /// Every registered wall, by name, with its last signed read.
    #[serde(default)]
    pub walls: Vec<WallRead>,
    /// Centers with a budget line for the current month.
    pub budget_reported: u32,
    /// Centers with a KPI achievement for the current quarter.
    pub kpi_reported: u32,
    /// The monthly, four-monthly, yearly budget and quarterly KPI reports now due.
    pub cycles: Vec<CycleTotal>,
    /// Centers missing something owed (`late` in their row).
    pub late: u32,
}

/// The quarter, 1 to 4, of `d`.
pub(super) fn quarter_of(d: NaiveDate) -> u8 {
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
pub fn aggregate_reporting(
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
    let mut seen = SeenByCenter::default();
    for s in data.sessions.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.decisions.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.statuses.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.committees.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.projects.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.project_reports.values() {
        seen.bump(&s.center, s.as_of);
    }
    for s in data.budget.values() {
        let e = seen.bump(&s.center, s.as_of);
        e.add_budget_month((s.value.fiscal_year, s.value.month));
    }
    for s in data.kpis.values() {
        let e = seen.bump(&s.center, s.as_of);
        e.add_kpi_quarter((s.value.year, s.value.quarter));
    }
    seen.by_center.into_iter().collect()
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
    /// The month and quarter added last: a center's lines of one month come one after another
    /// (their keys share `budget/{center}/{year}/{month}/`), and each need not be added again.
    last_budget_month: Option<(i32, u8)>,
    last_kpi_quarter: Option<(i32, u8)>,
}

impl Seen {
    /// Counts a budget line of `(year, month)`.
    fn add_budget_month(&mut self, month: (i32, u8)) {
        if self.last_budget_month != Some(month) {
            self.budget_months.insert(month);
            self.last_budget_month = Some(month);
        }
    }

    /// Counts a KPI achievement of `(year, quarter)`.
    fn add_kpi_quarter(&mut self, quarter: (i32, u8)) {
        if self.last_kpi_quarter != Some(quarter) {
            self.kpi_quarters.insert(quarter);
            self.last_kpi_quarter = Some(quarter);
        }
    }

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

/// [`Seen`] per center while the records are read. The last center's place is kept at hand: a
/// map's records of one center mostly come one after another (budget lines and KPIs by key).
#[derive(Default)]
struct SeenByCenter<'a> {
    by_center: Vec<(&'a CenterCode, Seen)>,
    index: HashMap<&'a CenterCode, usize>,
    last: usize,
}

impl<'a> SeenByCenter<'a> {
    /// `c`'s record of day `d` seen: its entry, with `d` if it is the newest.
    fn bump(&mut self, c: &'a CenterCode, d: NaiveDate) -> &mut Seen {
        if self.by_center.get(self.last).is_none_or(|(l, _)| *l != c) {
            self.last = *self.index.entry(c).or_insert_with(|| {
                self.by_center.push((c, Seen::default()));
                self.by_center.len() - 1
            });
        }
        let e = &mut self.by_center[self.last].1;
        e.last_as_of = latest(e.last_as_of, Some(d));
        e
    }
}

#[cfg(test)]
mod oracle;
#[cfg(test)]
mod oracle_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn code(c: &str) -> CenterCode {
        CenterCode::new(c).unwrap()
    }

    fn center(c: &str) -> Center {
        Center {
            code: code(c),
            name_ar: c.into(),
            name_en: c.into(),
            parent: None,
        }
    }

    fn budget(c: &str, year: i32, month: u8) -> RecordEnvelope {
        RecordEnvelope {
            center: code(c),
            as_of: d(year, month as u32, 28),
            revision: 1,
            record: Record::Budget(BudgetLine {
                fiscal_year: year,
                month,
                program: "P".into(),
                category: BudgetCategory::Operating,
                allocated: 10,
                revised: None,
                committed: 0,
                spent: 1,
                currency: "ILS".into(),
            }),
        }
    }

    fn kpi(c: &str, year: i32, quarter: u8) -> RecordEnvelope {
        RecordEnvelope {
            center: code(c),
            as_of: d(year, quarter as u32 * 3, 28),
            revision: 1,
            record: Record::Kpi(KpiAchievement {
                program: "P".into(),
                indicator: "I".into(),
                name: "n".into(),
                unit: "u".into(),
                year,
                quarter,
                annual_target: 4.0,
                quarter_target: 1.0,
                actual: 1.0,
                cost_planned: None,
                cost_actual: None,
            }),
        }
    }

    #[test]
    fn a_center_missing_last_months_budget_after_the_due_day_is_late() {
        let data = Dataset::from_envelopes(
            [center("MOH"), center("MOF"), center("MOE")],
            [
                budget("MOH", 2024, 1),
                kpi("MOH", 2023, 4),
                budget("MOF", 2024, 2),
                budget("MOF", 2024, 1),
            ],
        );
        let heard = Utc.with_ymd_and_hms(2024, 2, 20, 9, 0, 0).unwrap();
        let mut act = Activity::default();
        act.centers.insert(
            code("MOF"),
            CenterActivity {
                last_heard: Some(heard),
                last_received: Some(heard),
            },
        );
        act.kiosks.insert("hall".into(), heard);
        act.walls.insert("hall-1".into(), heard);
        act.walls.insert("removed".into(), heard);
        let mut data = data;
        data.walls = ["hall-1".to_string(), "lobby".to_string()].into();
        // 20 February: January's budget is due (after the 15th); Q4's KPIs are due (day 51).
        let b = aggregate_reporting(&data, &BoardFilter::default(), d(2024, 2, 20), &act);
        assert_eq!((b.year, b.month, b.quarter), (2024, 2, 1));
        let row = |c: &str| b.centers.iter().find(|r| r.center.as_str() == c).unwrap();
        assert!(!row("MOH").late && !row("MOH").budget_this_month);
        assert_eq!(
            row("MOF").missing,
            [DueReport::QuarterlyKpi {
                year: 2023,
                quarter: 4
            }]
        );
        assert!(row("MOF").budget_this_month && row("MOF").late);
        assert_eq!(row("MOF").last_heard, Some(heard));
        assert_eq!(
            row("MOE").missing,
            [
                DueReport::MonthlyBudget {
                    year: 2024,
                    month: 1
                },
                DueReport::QuarterlyKpi {
                    year: 2023,
                    quarter: 4
                }
            ]
        );
        assert_eq!(row("MOE").last_as_of, None);
        assert_eq!((b.budget_reported, b.kpi_reported, b.late), (1, 0, 2));
        assert_eq!(
            b.kiosks,
            [KioskHeard {
                name: "hall".into(),
                last_heard: heard
            }]
        );
        assert_eq!(
            b.walls,
            [
                WallRead {
                    name: "hall-1".into(),
                    last_read: Some(heard)
                },
                WallRead {
                    name: "lobby".into(),
                    last_read: None
                }
            ],
            "every registered wall by name, and only those"
        );
        assert_eq!(b.as_of, Some(d(2024, 2, 28)));
        // 10 January: neither December's budget nor Q4's KPIs are due yet. November's budget and
        // Q3's KPIs are, but MOH started both in 2024 Q4 or later; MOF never sent KPIs and MOE
        // never sent anything, so those two are late.
        let early = aggregate_reporting(&data, &BoardFilter::default(), d(2024, 1, 10), &act);
        assert_eq!(early.late, 2);
        let row = |c: &str| {
            early
                .centers
                .iter()
                .find(|r| r.center.as_str() == c)
                .unwrap()
        };
        assert!(!row("MOH").late);
    }

    #[test]
    fn four_monthly_and_yearly_reports_need_every_month() {
        let mut envs: Vec<RecordEnvelope> = (1..=12).map(|m| budget("MOH", 2023, m)).collect();
        envs.extend((1..=11).map(|m| budget("MOF", 2023, m)));
        envs.extend((9..=12).map(|m| budget("MOE", 2023, m)));
        let data = Dataset::from_envelopes([center("MOH"), center("MOF"), center("MOE")], envs);
        // 15 February 2024: December's budget (not yet January's), Sep–Dec 2023 and the year
        // 2023 are all due.
        let b = aggregate_reporting(
            &data,
            &BoardFilter::default(),
            d(2024, 2, 15),
            &Activity::default(),
        );
        let row = |c: &str| b.centers.iter().find(|r| r.center.as_str() == c).unwrap();
        let budget_missing = |c: &str| {
            row(c)
                .missing
                .iter()
                .copied()
                .filter(|m| !matches!(m, DueReport::QuarterlyKpi { .. }))
                .collect::<Vec<_>>()
        };
        assert_eq!(budget_missing("MOH"), []);
        assert_eq!(
            budget_missing("MOF"),
            [
                DueReport::MonthlyBudget {
                    year: 2023,
                    month: 12
                },
                DueReport::FourMonthBudget {
                    year: 2023,
                    period: 3
                },
                DueReport::YearlyBudget { year: 2023 }
            ]
        );
        // MOE joined in September: it owes the four months it covers, not the whole year.
        assert_eq!(budget_missing("MOE"), []);
        let yearly = row("MOE")
            .cycles
            .iter()
            .find(|c| matches!(c.report, DueReport::YearlyBudget { .. }))
            .unwrap();
        assert!(!yearly.owed && !yearly.received);
        let t = b
            .cycles
            .iter()
            .find(|c| matches!(c.report, DueReport::FourMonthBudget { .. }))
            .unwrap();
        assert_eq!((t.received, t.owed), (2, 3));
    }
}
