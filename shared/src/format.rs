//! Digits and calendars shared by import (reading what clerks type) and the wall (showing dates).
//!
//! Calendar arithmetic is ICU4X's (`icu_calendar`): Gregorian, Hijri (Umm al-Qura) and Solar
//! Hijri. Display of digit shapes and bidi belongs to the kiosk's text module, not here.

use crate::i18n::message;
use chrono::{Datelike, NaiveDate};
use icu_calendar::cal::{Hijri, Persian};
use icu_calendar::types::{Month, YearInput};
use icu_calendar::{Date, Iso};
use serde::{Deserialize, Serialize};

/// Replaces Arabic-Indic (٠–٩) and Persian (۰–۹) digits with ASCII digits, and the Arabic
/// decimal and thousands separators with `.` and nothing; everything else is kept.
pub fn western_digits(s: &str) -> String {
    s.chars()
        .filter(|c| *c != '\u{066C}')
        .map(|c| match c {
            '\u{0660}'..='\u{0669}' => char::from(b'0' + (c as u32 - 0x0660) as u8),
            '\u{06F0}'..='\u{06F9}' => char::from(b'0' + (c as u32 - 0x06F0) as u8),
            '\u{066B}' => '.',
            other => other,
        })
        .collect()
}

/// The calendar a date is written or shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CalendarKind {
    /// The Gregorian calendar (ميلادي); the default, and the one dates are stored in.
    #[default]
    Gregorian,
    /// Islamic, Umm al-Qura.
    Hijri,
    /// Iranian (Solar Hijri), as in the Persian seed.
    SolarHijri,
}

impl CalendarKind {
    /// Reads a calendar's name as an operator or clerk writes it (`gregorian`, `hijri` / هجري,
    /// `solar-hijri` / `persian` / `jalali` / شمسی …), ignoring case and surrounding spaces; `None`
    /// for anything else.
    pub fn parse(s: &str) -> Option<CalendarKind> {
        match s.trim().to_ascii_lowercase().as_str() {
            "gregorian" | "ميلادي" => Some(CalendarKind::Gregorian),
            "hijri" | "هجري" | "islamic" => Some(CalendarKind::Hijri),
            "solar-hijri" | "solar hijri" | "persian" | "jalali" | "شمسی" | "هجري شمسي" => {
                Some(CalendarKind::SolarHijri)
            }
            _ => None,
        }
    }
}

/// A day written in some calendar: year, month 1–12, day 1–31.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CalendarDate {
    /// The year in that calendar (1444 for a Hijri date of 2023).
    pub year: i32,
    /// The month, 1 to 12.
    pub month: u8,
    /// The day of the month, from 1.
    pub day: u8,
}

/// Converts a Gregorian date into `calendar`.
pub fn to_calendar(date: NaiveDate, calendar: CalendarKind) -> CalendarDate {
    let Ok(g) = Date::try_new_iso(date.year(), date.month() as u8, date.day() as u8) else {
        return CalendarDate {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        };
    };
    let (year, month, day) = match calendar {
        CalendarKind::Gregorian => {
            return CalendarDate {
                year: date.year(),
                month: date.month() as u8,
                day: date.day() as u8,
            };
        }
        CalendarKind::Hijri => {
            let h = g.to_calendar(Hijri::new_umm_al_qura());
            (
                h.year().extended_year(),
                h.month().ordinal,
                h.day_of_month().0,
            )
        }
        CalendarKind::SolarHijri => {
            let p = g.to_calendar(Persian::new());
            (
                p.year().extended_year(),
                p.month().ordinal,
                p.day_of_month().0,
            )
        }
    };
    CalendarDate { year, month, day }
}

/// Converts a date written in `calendar` to Gregorian; `None` when no such day exists.
pub fn from_calendar(d: CalendarDate, calendar: CalendarKind) -> Option<NaiveDate> {
    let iso = match calendar {
        CalendarKind::Gregorian => {
            return NaiveDate::from_ymd_opt(d.year, d.month as u32, d.day as u32);
        }
        CalendarKind::Hijri => Date::try_new(
            YearInput::from(d.year),
            Month::new(d.month),
            d.day,
            Hijri::new_umm_al_qura(),
        )
        .ok()?
        .to_calendar(Iso),
        CalendarKind::SolarHijri => Date::try_new(
            YearInput::from(d.year),
            Month::new(d.month),
            d.day,
            Persian::new(),
        )
        .ok()?
        .to_calendar(Iso),
    };
    NaiveDate::from_ymd_opt(
        iso.year().extended_year(),
        iso.month().ordinal as u32,
        iso.day_of_month().0 as u32,
    )
}

/// The language of the wall's words (its catalogue in `shared/locales/`, see [`crate::i18n`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Language {
    /// Arabic: the default.
    #[default]
    Arabic,
    /// Persian, as the Iranian regulation of the seed documents writes it.
    Persian,
    /// English: for foreign delegations and developers.
    English,
}

impl Language {
    /// Every language, Arabic first.
    pub const ALL: [Language; 3] = [Language::Arabic, Language::Persian, Language::English];

    /// Reads `ar` / `arabic`, `fa` / `persian`, `en` / `english` (any case, spaces around).
    pub fn parse(s: &str) -> Option<Language> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ar" | "arabic" => Some(Language::Arabic),
            "fa" | "persian" => Some(Language::Persian),
            "en" | "english" => Some(Language::English),
            _ => None,
        }
    }

    /// Whether text in this language runs right to left.
    pub fn right_to_left(self) -> bool {
        self != Language::English
    }
}

/// The name of `month` (1–12, clamped) of `calendar` in `language`, from the catalogue.
pub fn month_name(calendar: CalendarKind, month: u8, language: Language) -> String {
    let args = [("month", i64::from(month.clamp(1, 12)).into())];
    match calendar {
        CalendarKind::Gregorian => message(language, "month-gregorian", &args),
        CalendarKind::Hijri => message(language, "month-hijri", &args),
        CalendarKind::SolarHijri => message(language, "month-solar-hijri", &args),
    }
}

/// A long date for the wall, in logical order and Western digits: `14 مايو 2023`,
/// `23 شوال 1444 هـ`, `24 اردیبهشت 1402`, `14 May 2023`. The kiosk reshapes digits and orders it
/// for display.
pub fn format_long_date(date: NaiveDate, calendar: CalendarKind, language: Language) -> String {
    let c = to_calendar(date, calendar);
    let month = month_name(calendar, c.month, language);
    let args = [
        ("day", c.day.to_string().into()),
        ("month", month.into()),
        ("year", c.year.to_string().into()),
    ];
    match calendar {
        CalendarKind::Hijri => message(language, "date-long-hijri", &args),
        _ => message(language, "date-long", &args),
    }
}

/// A short numeric date `day/month/year` in `calendar`, as written in Arabic documents.
pub fn format_short_date(date: NaiveDate, calendar: CalendarKind) -> String {
    let c = to_calendar(date, calendar);
    format!("{}/{}/{}", c.day, c.month, c.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn eastern_digits_become_western() {
        assert_eq!(western_digits("١٤٠٢/٣/١٩"), "1402/3/19");
        assert_eq!(western_digits("۱۳۹۹/۳/۱۹"), "1399/3/19");
        assert_eq!(western_digits("٣٬٢٢٢٬٠٣٦٫٥"), "3222036.5");
    }

    #[test]
    fn solar_hijri_round_trips_the_seed_date() {
        // 1399/3/19 is the date of the Persian seed regulation: 8 June 2020.
        let g = from_calendar(
            CalendarDate {
                year: 1399,
                month: 3,
                day: 19,
            },
            CalendarKind::SolarHijri,
        )
        .unwrap();
        assert_eq!(g, d(2020, 6, 8));
        assert_eq!(
            to_calendar(g, CalendarKind::SolarHijri),
            CalendarDate {
                year: 1399,
                month: 3,
                day: 19
            }
        );
    }

    #[test]
    fn hijri_dates_convert_both_ways() {
        // 1 Ramadan 1444 (Umm al-Qura) = 23 March 2023.
        let g = from_calendar(
            CalendarDate {
                year: 1444,
                month: 9,
                day: 1,
            },
            CalendarKind::Hijri,
        )
        .unwrap();
        assert_eq!(g, d(2023, 3, 23));
        assert_eq!(
            format_long_date(g, CalendarKind::Hijri, Language::Arabic),
            "1 رمضان 1444 هـ"
        );
    }

    #[test]
    fn impossible_days_are_none() {
        assert!(
            from_calendar(
                CalendarDate {
                    year: 2023,
                    month: 2,
                    day: 30
                },
                CalendarKind::Gregorian
            )
            .is_none()
        );
        assert!(
            from_calendar(
                CalendarDate {
                    year: 1402,
                    month: 13,
                    day: 1
                },
                CalendarKind::SolarHijri
            )
            .is_none()
        );
    }

    #[test]
    fn long_dates_name_the_month() {
        assert_eq!(
            format_long_date(d(2023, 5, 14), CalendarKind::Gregorian, Language::Arabic),
            "14 مايو 2023"
        );
        assert_eq!(
            format_long_date(d(2023, 5, 14), CalendarKind::SolarHijri, Language::Persian),
            "24 اردیبهشت 1402"
        );
    }
}
