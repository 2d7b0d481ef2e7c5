//! The finance ministry's reporting cycles: budget performance is reported monthly, every four
//! months (January–April, May–August, September–December) and yearly; KPIs quarterly.
//! Pure calendar arithmetic on fiscal months; no I/O.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A part of a fiscal year a board can be narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Period {
    /// Month 1–12.
    Month(u8),
    /// Four-month period 1–3: January–April, May–August, September–December.
    FourMonths(u8),
    /// Quarter 1–4.
    Quarter(u8),
    /// The whole year, months 1–12.
    Year,
}

impl Period {
    /// Reads `m1`…`m12`, `t1`…`t3` (four-month periods), `q1`…`q4`, `year`.
    pub fn parse(s: &str) -> Option<Period> {
        let s = s.trim().to_ascii_lowercase();
        if s == "year" || s == "y" {
            return Some(Period::Year);
        }
        // By character: the text comes from boards.toml and from the API's `period=`.
        let mut chars = s.chars();
        let kind = chars.next()?;
        let n: u8 = chars.as_str().parse().ok()?;
        match kind {
            'm' if (1..=12).contains(&n) => Some(Period::Month(n)),
            't' if (1..=3).contains(&n) => Some(Period::FourMonths(n)),
            'q' if (1..=4).contains(&n) => Some(Period::Quarter(n)),
            _ => None,
        }
    }

    /// What [`Period::parse`] accepts, for error messages.
    pub const ACCEPTED: &'static str =
        "m1 to m12 (a month), t1 to t3 (four months), q1 to q4 (a quarter), year";

    /// The fiscal months the period covers.
    pub fn months(self) -> std::ops::RangeInclusive<u8> {
        match self {
            Period::Month(m) => m..=m,
            Period::FourMonths(t) => (t - 1) * 4 + 1..=t * 4,
            Period::Quarter(q) => (q - 1) * 3 + 1..=q * 3,
            Period::Year => 1..=12,
        }
    }

    /// The last fiscal month the period covers (12 for the year).
    pub fn last_month(self) -> u8 {
        *self.months().end()
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Period::Month(m) => write!(f, "m{m}"),
            Period::FourMonths(t) => write!(f, "t{t}"),
            Period::Quarter(q) => write!(f, "q{q}"),
            Period::Year => f.write_str("year"),
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The canonical spellings, the ones a board writes; [`Period::parse`] also reads upper case,
/// `y`, leading zeros and white space around.
impl JsonSchema for Period {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Period".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut names: Vec<String> = (1..=12).map(|m| format!("m{m}")).collect();
        names.extend((1..=3).map(|t| format!("t{t}")));
        names.extend((1..=4).map(|q| format!("q{q}")));
        names.push("year".to_string());
        schemars::json_schema!({
            "type": "string",
            "enum": names,
            "description": format!("A part of the fiscal year: {}.", Period::ACCEPTED),
        })
    }
}

impl<'de> Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Period::parse(&s).ok_or_else(|| {
            serde::de::Error::custom(format!("'{s}' is not a period; use {}", Period::ACCEPTED))
        })
    }
}

/// The four-month period (1–3) of fiscal month `m`.
pub fn four_months_of(month: u8) -> u8 {
    (month.clamp(1, 12) - 1) / 4 + 1
}

/// A budget report a center owes, by cycle.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(tag = "cycle", rename_all = "kebab-case")]
pub enum DueReport {
    /// Budget lines for one month.
    MonthlyBudget {
        /// The fiscal year.
        year: i32,
        /// The month, 1 to 12.
        month: u8,
    },
    /// Budget lines for every month of a four-month period.
    FourMonthBudget {
        /// The fiscal year.
        year: i32,
        /// The four-month period, 1 to 3 (January–April, May–August, September–December).
        period: u8,
    },
    /// Budget lines for every month of the year.
    YearlyBudget {
        /// The fiscal year.
        year: i32,
    },
    /// KPI achievement for one quarter.
    QuarterlyKpi {
        /// The year.
        year: i32,
        /// The quarter, 1 to 4.
        quarter: u8,
    },
}

/// Days after a month's end by which its budget report is due.
pub const MONTHLY_DUE_DAYS: i64 = 15;
/// Days after a four-month period's end by which its report is due.
pub const FOUR_MONTH_DUE_DAYS: i64 = 30;
/// Days after the year's end by which the yearly report is due.
pub const YEARLY_DUE_DAYS: i64 = 45;
/// Days after a quarter's end by which its KPIs are due.
pub const QUARTERLY_DUE_DAYS: i64 = 30;

/// The last day of `month` (clamped to 1–12) of `year`; `NaiveDate::MAX` past chrono's range.
fn last_day(year: i32, month: u8) -> NaiveDate {
    let month = month.clamp(1, 12);
    let next = if month == 12 {
        year.checked_add(1).map(|y| (y, 1))
    } else {
        Some((year, month as u32 + 1))
    };
    next.and_then(|(y, m)| NaiveDate::from_ymd_opt(y, m, 1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(if year < 0 {
            NaiveDate::MIN
        } else {
            NaiveDate::MAX
        })
}

impl DueReport {
    /// The last day the report covers.
    pub fn period_end(self) -> NaiveDate {
        match self {
            DueReport::MonthlyBudget { year, month } => last_day(year, month),
            DueReport::FourMonthBudget { year, period } => last_day(year, period.clamp(1, 3) * 4),
            DueReport::YearlyBudget { year } => last_day(year, 12),
            DueReport::QuarterlyKpi { year, quarter } => last_day(year, quarter.clamp(1, 4) * 3),
        }
    }

    /// The first day the report covers.
    pub fn period_start(self) -> NaiveDate {
        let (year, month) = match self {
            DueReport::MonthlyBudget { year, month } => (year, month),
            DueReport::FourMonthBudget { year, period } => (year, (period.clamp(1, 3) - 1) * 4 + 1),
            DueReport::YearlyBudget { year } => (year, 1),
            DueReport::QuarterlyKpi { year, quarter } => (year, (quarter.clamp(1, 4) - 1) * 3 + 1),
        };
        NaiveDate::from_ymd_opt(year, month.clamp(1, 12) as u32, 1).unwrap_or(NaiveDate::MIN)
    }

    /// The day by which it is due.
    pub fn due(self) -> NaiveDate {
        let days = match self {
            DueReport::MonthlyBudget { .. } => MONTHLY_DUE_DAYS,
            DueReport::FourMonthBudget { .. } => FOUR_MONTH_DUE_DAYS,
            DueReport::YearlyBudget { .. } => YEARLY_DUE_DAYS,
            DueReport::QuarterlyKpi { .. } => QUARTERLY_DUE_DAYS,
        };
        self.period_end()
            .checked_add_signed(chrono::Duration::days(days))
            .unwrap_or(NaiveDate::MAX)
    }

    /// The fiscal months of budget lines the report needs (empty for KPIs).
    pub fn budget_months(self) -> std::ops::RangeInclusive<u8> {
        match self {
            DueReport::MonthlyBudget { month, .. } => month..=month,
            DueReport::FourMonthBudget { period, .. } => {
                Period::FourMonths(period.clamp(1, 3)).months()
            }
            DueReport::YearlyBudget { .. } => 1..=12,
            #[allow(clippy::reversed_empty_ranges)]
            DueReport::QuarterlyKpi { .. } => 1..=0,
        }
    }
}

/// The latest report of each cycle whose due date has passed by `today`.
pub fn reports_due(today: NaiveDate) -> [DueReport; 4] {
    let (y, m) = (today.year(), today.month() as u8);
    let months_back = |n: u8| -> (i32, u8) {
        let total = y * 12 + m as i32 - 1 - n as i32;
        (total.div_euclid(12), (total.rem_euclid(12) + 1) as u8)
    };
    // Monthly: the latest month whose due date has passed.
    let monthly = (1..=3)
        .map(|n| {
            let (yy, mm) = months_back(n);
            DueReport::MonthlyBudget {
                year: yy,
                month: mm,
            }
        })
        .find(|r| r.due() < today)
        .unwrap_or(DueReport::MonthlyBudget { year: y, month: m });
    let four = (1..=6)
        .map(|n| {
            let (yy, mm) = months_back(n);
            DueReport::FourMonthBudget {
                year: yy,
                period: four_months_of(mm),
            }
        })
        .find(|r| r.period_end() < today && r.due() < today)
        .unwrap_or(DueReport::FourMonthBudget {
            year: y - 1,
            period: 3,
        });
    let yearly = if (DueReport::YearlyBudget { year: y - 1 }).due() < today {
        DueReport::YearlyBudget { year: y - 1 }
    } else {
        DueReport::YearlyBudget { year: y - 2 }
    };
    let quarterly = (1..=6)
        .map(|n| {
            let (yy, mm) = months_back(n);
            DueReport::QuarterlyKpi {
                year: yy,
                quarter: (mm - 1) / 3 + 1,
            }
        })
        .find(|r| r.period_end() < today && r.due() < today)
        .unwrap_or(DueReport::QuarterlyKpi {
            year: y - 1,
            quarter: 4,
        });
    [monthly, four, yearly, quarterly]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn four_month_periods_follow_the_finance_ministry() {
        assert_eq!(Period::FourMonths(1).months(), 1..=4);
        assert_eq!(Period::FourMonths(2).months(), 5..=8);
        assert_eq!(Period::FourMonths(3).months(), 9..=12);
        assert_eq!([1, 4, 5, 8, 9, 12].map(four_months_of), [1, 1, 2, 2, 3, 3]);
        assert_eq!(Period::parse("t2"), Some(Period::FourMonths(2)));
        assert_eq!(Period::parse("Q4"), Some(Period::Quarter(4)));
        assert_eq!(Period::parse("t4"), None);
        assert_eq!(Period::parse("m13"), None);
        assert_eq!(Period::parse(""), None);
        assert_eq!(serde_json::to_string(&Period::Month(3)).unwrap(), "\"m3\"");
    }

    #[test]
    fn a_period_starting_with_a_letter_beyond_ascii_is_refused_not_a_panic() {
        // Found by fuzzing boards.toml (fuzz/regressions/boards_config/).
        assert_eq!(Period::parse("ر1"), None);
        assert_eq!(Period::parse("\u{FFFD}reporting"), None);
        assert_eq!(Period::parse("م"), None);
    }

    #[test]
    fn absurd_years_do_not_overflow() {
        assert_eq!(
            DueReport::YearlyBudget { year: i32::MAX }.due(),
            NaiveDate::MAX
        );
        assert_eq!(
            DueReport::MonthlyBudget {
                year: i32::MIN,
                month: 99
            }
            .period_end(),
            NaiveDate::MIN
        );
        let _ = DueReport::FourMonthBudget {
            year: i32::MAX,
            period: 9,
        }
        .period_start();
    }

    #[test]
    fn due_reports_on_the_annual_report_date() {
        // 12 February 2024: January's budget is not due until the 15th, December's is.
        let due = reports_due(d(2024, 2, 12));
        assert_eq!(
            due[0],
            DueReport::MonthlyBudget {
                year: 2023,
                month: 12
            }
        );
        assert_eq!(
            due[1],
            DueReport::FourMonthBudget {
                year: 2023,
                period: 3
            }
        );
        // The 2023 yearly report is due by 14 February 2024: not yet; 2022's is.
        assert_eq!(due[2], DueReport::YearlyBudget { year: 2022 });
        assert_eq!(
            due[3],
            DueReport::QuarterlyKpi {
                year: 2023,
                quarter: 4
            }
        );
        let later = reports_due(d(2024, 6, 20));
        assert_eq!(
            later[0],
            DueReport::MonthlyBudget {
                year: 2024,
                month: 5
            }
        );
        assert_eq!(
            later[1],
            DueReport::FourMonthBudget {
                year: 2024,
                period: 1
            }
        );
        assert_eq!(later[2], DueReport::YearlyBudget { year: 2023 });
        assert_eq!(
            later[3],
            DueReport::QuarterlyKpi {
                year: 2024,
                quarter: 1
            }
        );
        assert_eq!(
            DueReport::FourMonthBudget {
                year: 2024,
                period: 1
            }
            .due(),
            d(2024, 5, 30)
        );
    }
}
