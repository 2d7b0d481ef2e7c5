//! Board `reporting`: which centers have reported what is due, and who was last heard from.
//!
//! Pure: the records come from the [`Dataset`], the times things were heard from the caller's
//! [`Activity`] (the collector keeps it); the clock is `today`. Nothing here reads a clock.

use super::{BoardFilter, Dataset, latest};
use crate::model::*;
use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The day of the month by which last month's budget must be in.
pub const BUDGET_DUE_DAY: u32 = 15;
/// Days into a quarter by which last quarter's KPIs must be in.
pub const KPI_DUE_DAYS: i64 = 30;

/// When the collector last heard from whom; kept by the collector, not derived from records.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Activity {
    #[serde(default)]
    pub centers: BTreeMap<CenterCode, CenterActivity>,
    /// Kiosk name (as the kiosk says it in `x-rasid-kiosk`) → last request.
    #[serde(default)]
    pub kiosks: BTreeMap<String, DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CenterActivity {
    /// Last authenticated request signed by this center (a batch or a pull).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_heard: Option<DateTime<Utc>>,
    /// Last time a record of this center was accepted (directly or relayed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_received: Option<DateTime<Utc>>,
}

/// One registered center's reporting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CenterReporting {
    pub center: CenterCode,
    pub name_ar: String,
    pub name_en: String,
    /// The newest as-of date among the center's current records.
    pub last_as_of: Option<NaiveDate>,
    pub last_received: Option<DateTime<Utc>>,
    pub last_heard: Option<DateTime<Utc>>,
    /// A budget line for the current month is in.
    pub budget_this_month: bool,
    /// A KPI achievement for the current quarter is in.
    pub kpi_this_quarter: bool,
    /// Something already due is missing (see `missing`).
    pub late: bool,
    /// What is due and missing, in plain words: `budget 2024-01`, `KPIs 2023 Q4`.
    pub missing: Vec<String>,
}

/// A kiosk and when it last asked for something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KioskHeard {
    pub name: String,
    pub last_heard: DateTime<Utc>,
}

/// Board `reporting`: completeness of reporting per center, for the secretariat's operators.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportingBoard {
    /// The newest as-of date among all counted records.
    pub as_of: Option<NaiveDate>,
    pub today: NaiveDate,
    /// The current month (`year`, `month`) and quarter, per the collector's clock.
    pub year: i32,
    pub month: u8,
    pub quarter: u8,
    pub centers: Vec<CenterReporting>,
    pub kiosks: Vec<KioskHeard>,
    pub budget_reported: u32,
    pub kpi_reported: u32,
    pub late: u32,
}

fn quarter_of(d: NaiveDate) -> u8 {
    (d.month0() / 3 + 1) as u8
}

/// The month before `d`'s, as (year, month).
fn previous_month(d: NaiveDate) -> (i32, u8) {
    if d.month() == 1 {
        (d.year() - 1, 12)
    } else {
        (d.year(), d.month() as u8 - 1)
    }
}

/// The quarter before `d`'s, as (year, quarter).
fn previous_quarter(d: NaiveDate) -> (i32, u8) {
    match quarter_of(d) {
        1 => (d.year() - 1, 4),
        q => (d.year(), q - 1),
    }
}

fn first_day_of_quarter(d: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(d.year(), d.month0() / 3 * 3 + 1, 1).unwrap_or(d)
}

/// Computes the reporting board. Every registered center (within the filter's center) has a
/// row, reported or not; the filter's year is not used (reporting is about now).
///
/// A center is late when, after the 15th of a month, it has no budget line for the previous
/// month, or, after the first 30 days of a quarter, no KPI for the previous quarter.
pub fn aggregate_reporting(
    data: &Dataset,
    f: &BoardFilter,
    today: NaiveDate,
    activity: &Activity,
) -> ReportingBoard {
    let (year, month, quarter) = (today.year(), today.month() as u8, quarter_of(today));
    let prev_month = previous_month(today);
    let prev_quarter = previous_quarter(today);
    let mut seen: BTreeMap<&CenterCode, Seen> = BTreeMap::new();
    let mut as_of = None;
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
        let period = (s.value.fiscal_year, s.value.month);
        e.budget_now |= period == (year, month);
        e.budget_prev |= period == prev_month;
    }
    for s in data.kpis.values() {
        let e = bump(&mut seen, &s.center, s.as_of);
        let period = (s.value.year, s.value.quarter);
        e.kpi_now |= period == (year, quarter);
        e.kpi_prev |= period == prev_quarter;
    }
    let budget_due = today.day() > BUDGET_DUE_DAY;
    let kpi_due = (today - first_day_of_quarter(today)).num_days() >= KPI_DUE_DAYS;
    let mut b = ReportingBoard {
        as_of: None,
        today,
        year,
        month,
        quarter,
        centers: Vec::new(),
        kiosks: activity
            .kiosks
            .iter()
            .map(|(name, t)| KioskHeard {
                name: name.clone(),
                last_heard: *t,
            })
            .collect(),
        budget_reported: 0,
        kpi_reported: 0,
        late: 0,
    };
    let empty = Seen::default();
    for code in data
        .centers
        .keys()
        .filter(|c| f.center.as_ref().is_none_or(|fc| data.is_within(c, fc)))
    {
        let s = seen.get(code).unwrap_or(&empty);
        let mut missing = Vec::new();
        if budget_due && !s.budget_prev {
            missing.push(format!("budget {}-{:02}", prev_month.0, prev_month.1));
        }
        if kpi_due && !s.kpi_prev {
            missing.push(format!("KPIs {} Q{}", prev_quarter.0, prev_quarter.1));
        }
        let act = activity.centers.get(code).copied().unwrap_or_default();
        let (name_ar, name_en) = data.center_names(code);
        as_of = latest(as_of, s.last_as_of);
        b.budget_reported += u32::from(s.budget_now);
        b.kpi_reported += u32::from(s.kpi_now);
        b.late += u32::from(!missing.is_empty());
        b.centers.push(CenterReporting {
            center: code.clone(),
            name_ar,
            name_en,
            last_as_of: s.last_as_of,
            last_received: act.last_received,
            last_heard: act.last_heard,
            budget_this_month: s.budget_now,
            kpi_this_quarter: s.kpi_now,
            late: !missing.is_empty(),
            missing,
        });
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

/// What one center's current records show.
#[derive(Default)]
struct Seen {
    last_as_of: Option<NaiveDate>,
    budget_now: bool,
    budget_prev: bool,
    kpi_now: bool,
    kpi_prev: bool,
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
        // 20 February: January's budget is due (after the 15th); Q4's KPIs are due (day 51).
        let b = aggregate_reporting(&data, &BoardFilter::default(), d(2024, 2, 20), &act);
        assert_eq!((b.year, b.month, b.quarter), (2024, 2, 1));
        let row = |c: &str| b.centers.iter().find(|r| r.center.as_str() == c).unwrap();
        assert!(!row("MOH").late && !row("MOH").budget_this_month);
        assert_eq!(row("MOF").missing, ["KPIs 2023 Q4"]);
        assert!(row("MOF").budget_this_month && row("MOF").late);
        assert_eq!(row("MOF").last_heard, Some(heard));
        assert_eq!(row("MOE").missing, ["budget 2024-01", "KPIs 2023 Q4"]);
        assert_eq!(row("MOE").last_as_of, None);
        assert_eq!((b.budget_reported, b.kpi_reported, b.late), (1, 0, 2));
        assert_eq!(
            b.kiosks,
            [KioskHeard {
                name: "hall".into(),
                last_heard: heard
            }]
        );
        assert_eq!(b.as_of, Some(d(2024, 2, 28)));
        // 10 January: neither December's budget nor Q4's KPIs are due yet.
        let early = aggregate_reporting(&data, &BoardFilter::default(), d(2024, 1, 10), &act);
        assert_eq!(early.late, 0);
    }
}
