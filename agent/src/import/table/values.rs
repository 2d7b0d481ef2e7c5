//! Reading one cell as a number, percentage, date, yes/no or list, the ways clerks write them.
//!
//! Every function returns the value or the message for the clerk (without the location, which
//! the caller adds). Nothing here knows about columns or record kinds.

use super::CellRef;
use super::columns::normalize_header;
use chrono::NaiveDate;
use rasid_shared::format::{CalendarDate, CalendarKind, from_calendar};
use rasid_shared::i18n::Msg;
use std::borrow::Cow;

/// Years a date may fall in once converted to Gregorian; outside them it was almost certainly
/// written in another calendar without its marker, or mistyped.
const PLAUSIBLE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// The cell as text, for text fields: numbers as written (`101`, not `101.0`), dates as ISO.
pub(crate) fn text_of<'a>(cell: CellRef<'a>) -> Cow<'a, str> {
    match cell {
        CellRef::Empty => Cow::Borrowed(""),
        CellRef::Text(s) | CellRef::Error(s) => Cow::Borrowed(s),
        CellRef::Number(n) => Cow::Owned(number_text(n)),
        CellRef::Percent(n) => Cow::Owned(format!("{}%", number_text(hundredfold(n)))),
        CellRef::Date(d) => Cow::Owned(d.to_string()),
        CellRef::Bool(b) => Cow::Borrowed(if b { "TRUE" } else { "FALSE" }),
    }
}

/// `n` × 100 without the float noise of the multiplication (0.94 → 94, not 94.00000000000001).
pub(crate) fn hundredfold(n: f64) -> f64 {
    let v = n * 100.0;
    let r = (v * 1e9).round() / 1e9;
    if r.is_finite() { r } else { v }
}

/// The problem of a percent cell in a column that is not a percentage (an amount, a count).
pub(crate) fn not_a_percentage_column(n: f64) -> Msg {
    Msg::new("import-percent-cell-not-percent").text("value", number_text(hundredfold(n)))
}

fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

/// Characters a spreadsheet or a keyboard puts around or inside numbers that mean nothing.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A number written with Western, Arabic-Indic or Persian digits, an optional sign, thousands
/// separators (`,` `،` `٬` or a space, in groups of three) and a decimal point (`.` or `٫`),
/// turned into plain ASCII (`-1234.5`); `None` when it is not such a number.
fn plain_number(s: &str) -> Option<Cow<'_, str>> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return Some(Cow::Borrowed(s));
    }
    let mut out = String::with_capacity(s.len());
    let mut groups: Vec<usize> = Vec::new(); // digits in each group of the whole part
    let mut grouped = false;
    let mut in_fraction = false;
    let mut digits_in_group = 0usize;
    for c in s.chars() {
        let digit = match c {
            '0'..='9' => Some(c),
            '\u{0660}'..='\u{0669}' => char::from_digit(c as u32 - 0x0660, 10),
            '\u{06F0}'..='\u{06F9}' => char::from_digit(c as u32 - 0x06F0, 10),
            _ => None,
        };
        if let Some(d) = digit {
            out.push(d);
            digits_in_group += 1;
            continue;
        }
        match c {
            '-' | '\u{2212}' | '+' if out.is_empty() && digits_in_group == 0 => {
                if c != '+' {
                    out.push('-');
                }
            }
            ',' | '،' | '\u{066C}' | ' ' | '\u{00A0}' | '\u{202F}' if !in_fraction => {
                if digits_in_group == 0 {
                    return None;
                }
                grouped = true;
                groups.push(digits_in_group);
                digits_in_group = 0;
            }
            '.' | '\u{066B}' if !in_fraction => {
                if digits_in_group == 0 && groups.is_empty() {
                    out.push('0');
                }
                groups.push(digits_in_group);
                digits_in_group = 0;
                in_fraction = true;
                out.push('.');
            }
            c if is_invisible(c) => {}
            _ => return None,
        }
    }
    if !in_fraction {
        groups.push(digits_in_group);
    }
    if grouped {
        let ok = groups.first().is_some_and(|g| (1..=3).contains(g))
            && groups[1..].iter().all(|g| *g == 3);
        if !ok {
            return None;
        }
    }
    if !out.bytes().any(|b| b.is_ascii_digit())
        || out.ends_with('.') && digits_in_group == 0 && in_fraction
    {
        return None;
    }
    Some(Cow::Owned(out))
}

/// Removes one `%` or `٪` before or after the number.
fn without_percent_sign(s: &str) -> (&str, bool) {
    let t = s.trim().trim_matches(is_invisible);
    for sign in ['%', '\u{066A}'] {
        if let Some(rest) = t.strip_suffix(sign).or_else(|| t.strip_prefix(sign)) {
            return (rest.trim(), true);
        }
    }
    (t, false)
}

/// A number of any size, as KPI targets and costs are; `85%` is read as 85.
pub(crate) fn decimal(cell: CellRef<'_>) -> Result<f64, Msg> {
    match cell {
        CellRef::Number(n) => Ok(n),
        CellRef::Percent(n) => Err(not_a_percentage_column(n)),
        CellRef::Text(s) => {
            let (t, _) = without_percent_sign(s);
            plain_number(t)
                .and_then(|p| p.parse::<f64>().ok())
                .filter(|v| v.is_finite())
                .ok_or_else(|| Msg::new("import-not-a-decimal").text("value", s))
        }
        other => Err(Msg::new("import-not-a-decimal").text("value", text_of(other))),
    }
}

/// A whole number that fits `T` (amounts, counts, years, months).
pub(crate) fn whole<T: TryFrom<i64>>(cell: CellRef<'_>) -> Result<T, Msg> {
    let written = text_of(cell);
    let value: i64 = match cell {
        CellRef::Percent(n) => return Err(not_a_percentage_column(n)),
        CellRef::Number(n) => {
            if n.fract() != 0.0 {
                return Err(Msg::new("import-fraction-number").text("value", written));
            }
            if n.abs() >= 9.0e15 {
                return Err(Msg::new("import-too-large-number").text("value", written));
            }
            n as i64
        }
        CellRef::Text(s) => {
            let Some(p) = plain_number(s) else {
                return Err(Msg::new("import-not-an-integer").text("value", s));
            };
            let (int, frac) = p.split_once('.').unwrap_or((&p, ""));
            if !frac.bytes().all(|b| b == b'0') {
                return Err(Msg::new("import-fraction-text").text("value", s));
            }
            int.parse::<i64>()
                .map_err(|_| Msg::new("import-too-large-text").text("value", s))?
        }
        _ => {
            return Err(Msg::new("import-not-an-integer").text("value", written));
        }
    };
    T::try_from(value).map_err(|_| {
        if value < 0 {
            Msg::new("import-negative-text").text("value", &written)
        } else {
            Msg::new("import-too-large-text").text("value", &written)
        }
    })
}

/// A year (a budget's fiscal year, a KPI's or a committee's year), Gregorian. A year between
/// 1300 and 1500 was written in the Solar Hijri (۱۴۰۲) or Hijri (1444) calendar: it is refused
/// with the Gregorian years it spans, not converted, since a year of another calendar straddles
/// two Gregorian years and which one the figures belong to is the clerk's to say.
pub(crate) fn year(cell: CellRef<'_>) -> Result<i32, Msg> {
    let y = whole::<i32>(cell)?;
    if !(1300..=1500).contains(&y) {
        return Ok(y);
    }
    // Solar Hijri years now run in the 1400s' first decades, Hijri ones in the 1440s.
    let (calendar, id) = if y < 1425 {
        (CalendarKind::SolarHijri, "import-year-solar-hijri")
    } else {
        (CalendarKind::Hijri, "import-year-hijri")
    };
    let start = |year| {
        from_calendar(
            CalendarDate {
                year,
                month: 1,
                day: 1,
            },
            calendar,
        )
    };
    let (Some(first), Some(next)) = (start(y), start(y + 1)) else {
        return Err(Msg::new("import-year-other-calendar")
            .msg("calendar", Msg::new(id))
            .text("value", text_of(cell)));
    };
    let last = next.pred_opt().unwrap_or(next);
    use chrono::Datelike;
    Err(Msg::new("import-year-other-calendar-spans")
        .msg("calendar", Msg::new(id))
        .text("value", text_of(cell))
        .text("year", y)
        .text("first", first.format("%-d/%-m/%Y"))
        .text("last", last.format("%-d/%-m/%Y"))
        .text("first_year", first.year())
        .text("last_year", last.year()))
}

/// A percentage 0–255 (the range check is `validate_record`'s), rounded to a whole percent:
/// `40`, `40%`, `٪٤٠`, `40.4`, or a percent cell (0.4 formatted as 40%). `fractions` says the
/// column's plain number cells are percent cells too (see `is_percent_cell_column`).
pub(crate) fn percent(cell: CellRef<'_>, fractions: bool) -> Result<u8, Msg> {
    let plain = |text: String| Msg::new("import-plain").text("text", text);
    let (value, written) = match cell {
        CellRef::Percent(n) => (
            hundredfold(n),
            plain(format!("{}%", number_text(hundredfold(n)))),
        ),
        CellRef::Number(n) if fractions => (
            hundredfold(n),
            plain(format!("{}%", number_text(hundredfold(n)))),
        ),
        CellRef::Number(n) => {
            if n > 0.0 && n < 1.0 && n.fract() != 0.0 {
                return Err(Msg::new("import-percent-fraction").text("value", n));
            }
            (n, plain(number_text(n)))
        }
        CellRef::Text(s) => {
            let (t, _) = without_percent_sign(s);
            let v = plain_number(t)
                .and_then(|p| p.parse::<f64>().ok())
                .filter(|v| v.is_finite())
                .ok_or_else(|| Msg::new("import-not-a-percentage").text("value", s))?;
            (v, Msg::new("import-quoted").text("text", s))
        }
        other => {
            return Err(Msg::new("import-not-a-percentage").text("value", text_of(other)));
        }
    };
    let rounded = value.round();
    if rounded < 0.0 {
        return Err(Msg::new("import-percent-negative").msg("value", written));
    }
    if rounded > 255.0 {
        return Err(Msg::new("import-percent-over").msg("value", written));
    }
    Ok(rounded as u8)
}

/// A KPI's target or actual. When the KPI's unit is a percentage (`percent_unit`), a percent
/// cell (0.94 formatted as 94%) is 94, as are plain number cells of a column of percent cells
/// (`fractions`); when it is not, a percent cell is a problem. Otherwise as [`decimal`].
pub(crate) fn measure(cell: CellRef<'_>, percent_unit: bool, fractions: bool) -> Result<f64, Msg> {
    match cell {
        CellRef::Percent(n) if percent_unit => Ok(hundredfold(n)),
        CellRef::Percent(n) => {
            Err(Msg::new("import-percent-cell-kpi-unit").text("value", number_text(hundredfold(n))))
        }
        CellRef::Number(n) if percent_unit && fractions => Ok(hundredfold(n)),
        other => decimal(other),
    }
}

/// Whether a KPI's unit is a percentage: `%`, `٪`, `percent`, `percentage`, `نسبة`,
/// `نسبة مئوية`, `درصد`, or any unit with a percent sign in it (`% of schools`).
pub(crate) fn is_percent_unit(unit: &str) -> bool {
    const WORDS: [&str; 9] = [
        "percent",
        "percentage",
        "pct",
        "نسبة",
        "نسبه",
        "نسبة مئوية",
        "نسبه مئويه",
        "درصد",
        "في المئة",
    ];
    let n = normalize_header(unit);
    unit.contains(['%', '\u{066A}']) || WORDS.iter().any(|w| normalize_header(w) == n)
}

/// Yes or no: نعم/لا, yes/no, true/false, 1/0, بله/خیر, or a spreadsheet TRUE/FALSE cell.
pub(crate) fn yes_no(cell: CellRef<'_>) -> Result<bool, Msg> {
    let err = |w: &str| Msg::new("import-not-yes-no").text("value", w);
    match cell {
        CellRef::Bool(b) => Ok(b),
        CellRef::Number(1.0) => Ok(true),
        CellRef::Number(0.0) => Ok(false),
        CellRef::Text(s) => match s.trim().to_lowercase().as_str() {
            "نعم" | "yes" | "y" | "true" | "1" | "١" | "۱" | "بله" | "آری" | "صح" => {
                Ok(true)
            }
            "لا" | "no" | "n" | "false" | "0" | "٠" | "۰" | "خیر" | "نه" | "خطأ" => {
                Ok(false)
            }
            _ => Err(err(s)),
        },
        other => Err(err(&text_of(other))),
    }
}

/// A day. Text is `2023-06-30`, `30/6/2023` (day first, as Arabic documents write it; `-` and
/// `.` also separate), or year first `1444/9/1`. A marker says the calendar: `هـ` Hijri,
/// `ش` or `ه.ش` Solar Hijri, `م` Gregorian; unmarked text is in `calendar`. A spreadsheet date
/// cell is a Gregorian day whatever `calendar` says.
pub(crate) fn date(cell: CellRef<'_>, calendar: CalendarKind) -> Result<NaiveDate, Msg> {
    match cell {
        CellRef::Date(d) => Ok(d),
        CellRef::Text(s) => date_text(s, calendar),
        CellRef::Number(n) => Err(Msg::new("import-date-is-number").text("value", number_text(n))),
        other => Err(Msg::new("import-not-a-date-cell").text("value", text_of(other))),
    }
}

fn date_text(s: &str, default_calendar: CalendarKind) -> Result<NaiveDate, Msg> {
    let not_a_date = || Msg::new("import-not-a-date").text("value", s);
    let (core, marker) = split_calendar_marker(s.trim()).ok_or_else(not_a_date)?;
    let calendar = marked_calendar(&marker, default_calendar).ok_or_else(not_a_date)?;
    let western = rasid_shared::format::western_digits(core);
    let parts = day_parts(&western).ok_or_else(not_a_date)?;
    let n = |p: &str| p.parse::<u32>().unwrap_or(0);
    let (year, month, day, year_first) = if parts[0].len() == 4 {
        (parts[0], n(parts[1]), n(parts[2]), true)
    } else {
        (parts[2], n(parts[1]), n(parts[0]), false)
    };
    if year.len() != 4 {
        return Err(Msg::new("import-short-year")
            .text("value", s)
            .text("digits", year.len()));
    }
    let year = n(year) as i32;
    if month > 12 {
        let m = if !year_first && day <= 12 {
            Msg::new("import-no-such-month-day-first")
                .text("day", day)
                .text("year", year)
        } else {
            Msg::new("import-no-such-month")
        };
        return Err(m.text("value", s).text("month", month));
    }
    calendar_day(s, year, month, day, calendar)
}

/// The digits of `t` from the first to the last, and what is written around them (the
/// calendar's marker, without spaces, dots, tatweel or invisible marks); `None` without digits.
fn split_calendar_marker(t: &str) -> Option<(&str, String)> {
    let is_digit = |c: char| {
        c.is_ascii_digit()
            || ('\u{0660}'..='\u{0669}').contains(&c)
            || ('\u{06F0}'..='\u{06F9}').contains(&c)
    };
    let (first, last) = (t.find(is_digit)?, t.rfind(is_digit)?);
    let last_end = last + t[last..].chars().next().map_or(1, char::len_utf8);
    let marker: String = t[..first]
        .chars()
        .chain(t[last_end..].chars())
        .filter(|c| !(c.is_whitespace() || matches!(c, '.' | '\u{0640}') || is_invisible(*c)))
        .collect();
    Some((&t[first..last_end], marker))
}

/// The calendar a marker names; unmarked is `default_calendar`, an unknown marker `None`.
fn marked_calendar(marker: &str, default_calendar: CalendarKind) -> Option<CalendarKind> {
    Some(match marker {
        "" => default_calendar,
        "ه" | "هـ" | "ھ" | "هجري" | "هجرية" | "AH" | "ah" => CalendarKind::Hijri,
        "ش" | "هش" | "ھش" | "شمسي" | "شمسی" | "هجريشمسي" | "SH" | "sh" => {
            CalendarKind::SolarHijri
        }
        "م" | "ميلادي" | "ميلادية" | "AD" | "ad" => CalendarKind::Gregorian,
        _ => return None,
    })
}

/// The three numbers of a day in western digits, as written (`/`, `-` or `.` between them),
/// each of one to four digits; a time after an ISO date (`2023-06-30 00:00:00`,
/// `2023-06-30T00:00`) is ignored.
fn day_parts(western: &str) -> Option<Vec<&str>> {
    let day_part = match western.split_once([' ', 'T']) {
        Some((d, time))
            if time
                .trim()
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.') =>
        {
            d
        }
        Some(_) => return None,
        None => western,
    };
    let parts: Vec<&str> = day_part.split(['/', '-', '.']).collect();
    let well_formed = parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()));
    well_formed.then_some(parts)
}

/// Day `day` of month `month` (1–12) of `year` in `calendar`, as a Gregorian day within
/// [`PLAUSIBLE_YEARS`]; `s` is the text as written, for the messages.
fn calendar_day(
    s: &str,
    year: i32,
    month: u32,
    day: u32,
    calendar: CalendarKind,
) -> Result<NaiveDate, Msg> {
    let calendar_name = Msg::new(match calendar {
        CalendarKind::Gregorian => "import-calendar-gregorian",
        CalendarKind::Hijri => "import-calendar-hijri",
        CalendarKind::SolarHijri => "import-calendar-solar-hijri",
    });
    let written = CalendarDate {
        year,
        month: month as u8,
        day: day.min(255) as u8,
    };
    let possible = (1..=31).contains(&day) && month >= 1;
    let Some(d) = possible.then(|| from_calendar(written, calendar)).flatten() else {
        return Err(Msg::new("import-not-a-day")
            .text("value", s)
            .msg("calendar", calendar_name));
    };
    use chrono::Datelike;
    if !PLAUSIBLE_YEARS.contains(&d.year()) {
        let id = match calendar {
            CalendarKind::Gregorian if (1300..1500).contains(&year) => {
                "import-implausible-year-hijri-hint"
            }
            _ => "import-implausible-date-year",
        };
        return Err(Msg::new(id).text("value", s).text("year", d.year()));
    }
    Ok(d)
}

/// A month 1–12 (the range check is `validate_record`'s): a number, or its name in English or
/// Arabic (يناير or كانون الثاني).
pub(crate) fn month(cell: CellRef<'_>) -> Result<u8, Msg> {
    const NAMES: [[&str; 4]; 12] = [
        ["january", "jan", "يناير", "كانون الثاني"],
        ["february", "feb", "فبراير", "شباط"],
        ["march", "mar", "مارس", "آذار"],
        ["april", "apr", "أبريل", "نيسان"],
        ["may", "may", "مايو", "أيار"],
        ["june", "jun", "يونيو", "حزيران"],
        ["july", "jul", "يوليو", "تموز"],
        ["august", "aug", "أغسطس", "آب"],
        ["september", "sep", "سبتمبر", "أيلول"],
        ["october", "oct", "أكتوبر", "تشرين الأول"],
        ["november", "nov", "نوفمبر", "تشرين الثاني"],
        ["december", "dec", "ديسمبر", "كانون الأول"],
    ];
    if let CellRef::Text(s) = cell
        && plain_number(s).is_none()
    {
        let n = normalize_header(s);
        return NAMES
            .iter()
            .position(|names| names.iter().any(|m| normalize_header(m) == n))
            .map(|i| i as u8 + 1)
            .ok_or_else(|| Msg::new("import-not-a-month-name").text("value", s));
    }
    whole::<u8>(cell)
}

/// A quarter 1–4 (the range check is `validate_record`'s): `2`, `Q2`, `الربع الثاني`, `فصل دوم`.
pub(crate) fn quarter(cell: CellRef<'_>) -> Result<u8, Msg> {
    if let CellRef::Text(s) = cell
        && plain_number(s).is_none()
    {
        let n = normalize_header(&rasid_shared::format::western_digits(s));
        let rest = ["quarter", "ربع", "فصل", "سهماهه", "q"]
            .iter()
            .find_map(|p| n.strip_prefix(p))
            .unwrap_or(&n);
        return match rest {
            "1" | "اول" | "first" => Ok(1),
            "2" | "ثاني" | "دوم" | "second" => Ok(2),
            "3" | "ثالث" | "سوم" | "third" => Ok(3),
            "4" | "رابع" | "چهارم" | "fourth" => Ok(4),
            _ => Err(Msg::new("import-not-a-quarter-name").text("value", s)),
        };
    }
    whole::<u8>(cell)
}

/// The items of a list cell: `MOH, MOF`, `MOH، MOF`, `MOH؛ MOF` or one per line.
pub(crate) fn list_items(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', '،', ';', '؛', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> CellRef<'_> {
        CellRef::Text(s)
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn numbers_read_in_arabic_indic_and_persian_digits_with_separators() {
        assert_eq!(whole::<i64>(t("1,250,000")), Ok(1_250_000));
        assert_eq!(whole::<i64>(t("١٬٢٥٠٬٠٠٠")), Ok(1_250_000));
        assert_eq!(whole::<i64>(t("١،٢٥٠،٠٠٠")), Ok(1_250_000));
        assert_eq!(whole::<i64>(t("۳۲۲۲۰۳۶")), Ok(3_222_036));
        assert_eq!(whole::<i64>(t("\u{200F}-1 250")), Ok(-1250));
        assert_eq!(whole::<i64>(t("1250.00")), Ok(1250));
        assert_eq!(decimal(t("٣٢٫٥")), Ok(32.5));
        assert_eq!(decimal(t("85%")), Ok(85.0));
        assert_eq!(whole::<i64>(CellRef::Number(42.0)), Ok(42));
    }

    #[test]
    fn misgrouped_or_foreign_numbers_are_refused_not_guessed() {
        assert!(
            whole::<i64>(t("1,25"))
                .unwrap_err()
                .english()
                .contains("'1,25' is not a number")
        );
        assert!(
            whole::<i64>(t("12.5"))
                .unwrap_err()
                .english()
                .contains("not a whole number")
        );
        assert!(whole::<i64>(t("1.234.567")).is_err());
        assert!(whole::<i64>(t("ten")).is_err());
        assert!(
            whole::<u8>(t("300"))
                .unwrap_err()
                .english()
                .contains("too large")
        );
        assert!(
            whole::<u32>(t("-3"))
                .unwrap_err()
                .english()
                .contains("negative")
        );
        assert!(
            whole::<i64>(CellRef::Number(2.5))
                .unwrap_err()
                .english()
                .contains("not a whole number")
        );
        assert!(decimal(t("-")).is_err());
        assert!(decimal(t(".")).is_err());
    }

    #[test]
    fn percentages_take_either_sign_and_spreadsheet_fractions() {
        assert_eq!(percent(t("40%"), false), Ok(40));
        assert_eq!(percent(t("٪٤٠"), false), Ok(40));
        assert_eq!(percent(t("40.4"), false), Ok(40));
        assert_eq!(percent(CellRef::Number(0.4), true), Ok(40));
        assert_eq!(percent(CellRef::Number(1.0), true), Ok(100));
        assert!(
            percent(CellRef::Number(0.4), false)
                .unwrap_err()
                .english()
                .contains("is a fraction")
        );
        assert!(
            percent(t("-5"), false)
                .unwrap_err()
                .english()
                .contains("negative")
        );
        assert!(
            percent(t("400%"), false)
                .unwrap_err()
                .english()
                .contains("over 100%")
        );
        assert!(
            percent(t("نصف"), false)
                .unwrap_err()
                .english()
                .contains("'نصف' is not a percentage")
        );
    }

    #[test]
    fn dates_read_day_first_iso_and_with_calendar_markers() {
        let g = CalendarKind::Gregorian;
        assert_eq!(date(t("2023-06-30"), g), Ok(d(2023, 6, 30)));
        assert_eq!(date(t("2023-06-30 00:00:00"), g), Ok(d(2023, 6, 30)));
        assert_eq!(date(t("30/6/2023"), g), Ok(d(2023, 6, 30)));
        assert_eq!(date(t("٣٠/٦/٢٠٢٣م"), g), Ok(d(2023, 6, 30)));
        assert_eq!(date(t("30.06.2023"), g), Ok(d(2023, 6, 30)));
        // 1 Ramadan 1444 (Umm al-Qura) = 23 March 2023; 1399/3/19 (Solar Hijri) = 8 June 2020.
        assert_eq!(date(t("1444/9/1 هـ"), g), Ok(d(2023, 3, 23)));
        assert_eq!(date(t("1/9/1444هـ"), g), Ok(d(2023, 3, 23)));
        assert_eq!(date(t("۱۳۹۹/۳/۱۹ ه.ش"), g), Ok(d(2020, 6, 8)));
        assert_eq!(date(t("1399/3/19 ش"), g), Ok(d(2020, 6, 8)));
        assert_eq!(date(t("1444/9/1"), CalendarKind::Hijri), Ok(d(2023, 3, 23)));
        assert_eq!(
            date(t("2023-06-30 م"), CalendarKind::Hijri),
            Ok(d(2023, 6, 30))
        );
        assert_eq!(
            date(CellRef::Date(d(2023, 6, 30)), CalendarKind::SolarHijri),
            Ok(d(2023, 6, 30))
        );
    }

    #[test]
    fn impossible_or_ambiguous_dates_are_refused_with_a_hint() {
        let g = CalendarKind::Gregorian;
        assert!(
            date(t("31/2/2023"), g)
                .unwrap_err()
                .english()
                .contains("not a day of the Gregorian calendar")
        );
        assert!(
            date(t("6/30/2023"), g)
                .unwrap_err()
                .english()
                .contains("read day first")
        );
        assert!(
            date(t("1444/9/1"), g)
                .unwrap_err()
                .english()
                .contains("write هـ after it")
        );
        assert!(
            date(t("1402/13/1 ش"), g)
                .unwrap_err()
                .english()
                .contains("no month 13")
        );
        assert!(
            date(t("1444/9/31 هـ"), g)
                .unwrap_err()
                .english()
                .contains("not a day of the Hijri calendar")
        );
        assert!(
            date(t("0/6/2023"), g)
                .unwrap_err()
                .english()
                .contains("not a day")
        );
        assert!(
            date(t("30/6/23"), g)
                .unwrap_err()
                .english()
                .contains("year in full")
        );
        assert!(
            date(t("soon"), g)
                .unwrap_err()
                .english()
                .contains("'soon' is not a date")
        );
        assert!(date(t("30/6/2023 x"), g).is_err());
        assert!(
            date(CellRef::Number(45107.0), g)
                .unwrap_err()
                .english()
                .contains("format the cell as a date")
        );
    }

    #[test]
    fn a_solar_hijri_or_hijri_year_is_refused_with_the_gregorian_years_it_spans() {
        let e = year(t("۱۴۰۲")).unwrap_err().english();
        assert!(
            e.contains(
                "'۱۴۰۲' looks like a Solar Hijri year (1402 runs from 21/3/2023 to 19/3/2024)"
            ) && e.contains("(2023 or 2024)"),
            "{e}"
        );
        let e = year(CellRef::Number(1444.0)).unwrap_err().english();
        assert!(
            e.contains("looks like a Hijri year (1444 runs from 30/7/2022 to 18/7/2023)"),
            "{e}"
        );
        assert_eq!(year(t("2023")), Ok(2023));
    }

    #[test]
    fn percent_cells_are_percent_where_a_percentage_is_meant_and_a_problem_elsewhere() {
        assert_eq!(measure(CellRef::Percent(0.94), true, false), Ok(94.0));
        assert_eq!(measure(CellRef::Number(0.94), true, true), Ok(94.0));
        assert_eq!(measure(CellRef::Number(85.0), true, false), Ok(85.0));
        assert!(
            measure(CellRef::Percent(0.94), false, false)
                .unwrap_err()
                .english()
                .contains(
                    "formatted as a percentage (94%), but the KPI's unit is not a percentage"
                )
        );
        assert!(
            whole::<i64>(CellRef::Percent(0.5))
                .unwrap_err()
                .english()
                .contains("formatted as a percentage (50%)")
        );
        assert_eq!(percent(CellRef::Percent(0.4), false), Ok(40));
        assert!(is_percent_unit("%") && is_percent_unit("٪") && is_percent_unit("نسبة مئوية"));
        assert!(
            is_percent_unit("% of schools") && !is_percent_unit("school") && !is_percent_unit("")
        );
    }

    #[test]
    fn months_and_quarters_by_number_or_name() {
        assert_eq!(month(t("٦")), Ok(6));
        assert_eq!(month(t("حزيران")), Ok(6));
        assert_eq!(month(t("يونيو")), Ok(6));
        assert_eq!(month(t("تشرين الأول")), Ok(10));
        assert_eq!(month(CellRef::Number(12.0)), Ok(12));
        assert!(
            month(t("Smarch"))
                .unwrap_err()
                .english()
                .contains("not a month")
        );
        assert_eq!(quarter(t("Q3")), Ok(3));
        assert_eq!(quarter(t("الربع الثاني")), Ok(2));
        assert_eq!(quarter(t("فصل دوم")), Ok(2));
        assert_eq!(quarter(t("۴")), Ok(4));
        assert!(
            quarter(t("الربع الخامس"))
                .unwrap_err()
                .english()
                .contains("not a quarter")
        );
    }

    #[test]
    fn yes_and_no_in_three_languages() {
        assert_eq!(yes_no(t("نعم")), Ok(true));
        assert_eq!(yes_no(t("No")), Ok(false));
        assert_eq!(yes_no(t("خیر")), Ok(false));
        assert_eq!(yes_no(CellRef::Bool(true)), Ok(true));
        assert!(
            yes_no(t("ربما"))
                .unwrap_err()
                .english()
                .contains("نعم or لا")
        );
    }

    #[test]
    fn list_cells_split_on_latin_and_arabic_punctuation() {
        assert_eq!(
            list_items("MOH، MOF; ,MOE\nMOI").collect::<Vec<_>>(),
            ["MOH", "MOF", "MOE", "MOI"]
        );
    }
}
