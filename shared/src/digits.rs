//! Numbers in Western, Arabic-Indic or Persian digits, for the wall and for what the agent
//! writes itself.
//!
//! For: integers with thousands grouping, decimals and percentages, written with the digits,
//! separators and signs readers of each digit set expect (CLDR's `latn`, `arab` and
//! `arabext` symbols). Pure string functions. Not for: dates (see `shared`), currency, or
//! parsing numbers back.

/// Which digits a number is written with; in configuration files `western`, `arabic-indic`,
/// `persian` ([`Digits::WORDS`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Digits {
    /// 0123456789, grouping ",", decimal ".", percent "%".
    #[default]
    Western,
    /// ٠١٢٣٤٥٦٧٨٩ (U+0660…), grouping "٬" (U+066C), decimal "٫" (U+066B), percent "٪" (U+066A).
    ArabicIndic,
    /// ۰۱۲۳۴۵۶۷۸۹ (U+06F0…), grouping "٬" (U+066C), decimal "٫" (U+066B), percent "٪" (U+066A).
    Persian,
}

/// Shown for a value that is not a number (NaN or infinite).
pub const NOT_A_NUMBER: &str = "—";

impl Digits {
    /// The words configuration files use, with the digits each names.
    pub const WORDS: [(&'static str, Digits); 3] = [
        ("western", Digits::Western),
        ("arabic-indic", Digits::ArabicIndic),
        ("persian", Digits::Persian),
    ];

    /// The digits named `word` as [`Digits::WORDS`] writes it (spaces around it ignored).
    pub fn parse(word: &str) -> Option<Digits> {
        Self::WORDS
            .iter()
            .find(|(w, _)| *w == word.trim())
            .map(|(_, d)| *d)
    }

    /// True for [`Digits::Western`] (the default, left out of a written configuration).
    pub fn is_western(&self) -> bool {
        *self == Digits::Western
    }

    fn zero(self) -> char {
        match self {
            Self::Western => '0',
            Self::ArabicIndic => '\u{0660}',
            Self::Persian => '\u{06F0}',
        }
    }

    fn group_separator(self) -> char {
        match self {
            Self::Western => ',',
            Self::ArabicIndic | Self::Persian => '\u{066C}',
        }
    }

    fn decimal_separator(self) -> char {
        match self {
            Self::Western => '.',
            Self::ArabicIndic | Self::Persian => '\u{066B}',
        }
    }

    fn percent_sign(self) -> char {
        match self {
            Self::Western => '%',
            Self::ArabicIndic | Self::Persian => '\u{066A}',
        }
    }

    /// The minus sign with the bidi mark CLDR puts before it, so a negative number keeps
    /// its sign on the reading side inside right-to-left text: LRM + "-" for Western
    /// (the sign stays left of the digits), ALM + "-" for Arabic-Indic (the sign goes
    /// right of the digits, read first), LRM + "−" (U+2212) for Persian.
    fn minus_sign(self) -> &'static str {
        match self {
            Self::Western => "\u{200E}-",
            Self::ArabicIndic => "\u{061C}-",
            Self::Persian => "\u{200E}\u{2212}",
        }
    }

    /// `ascii` with each ASCII digit replaced by the digit of this set (other characters kept).
    pub fn convert(self, ascii: &str) -> String {
        let zero = self.zero() as u32;
        ascii
            .chars()
            .map(|c| match c.to_digit(10) {
                Some(d) if c.is_ascii_digit() => char::from_u32(zero + d).unwrap_or(c),
                _ => c,
            })
            .collect()
    }
}

/// `ascii_digits` (only ASCII digits) grouped by threes from the right, in `digits`.
fn grouped(ascii_digits: &str, digits: Digits) -> String {
    let converted: Vec<char> = digits.convert(ascii_digits).chars().collect();
    let mut out = String::with_capacity(ascii_digits.len() * 3);
    for (i, c) in converted.iter().enumerate() {
        if i > 0 && (converted.len() - i).is_multiple_of(3) {
            out.push(digits.group_separator());
        }
        out.push(*c);
    }
    out
}

/// `n` with thousands grouping: `format_integer(-1234567, Western)` is "‎-1,234,567"
/// (with an LRM before the sign, see [`Digits`]); `format_integer(1402, Persian)` is "۱٬۴۰۲".
/// Every `i64`, including `i64::MIN`, is written exactly.
pub fn format_integer(n: i64, digits: Digits) -> String {
    let body = grouped(&n.unsigned_abs().to_string(), digits);
    if n < 0 {
        format!("{}{body}", digits.minus_sign())
    } else {
        body
    }
}

/// `x` rounded to `decimals` places (at most 17; as Rust's `{:.N}` rounds: to nearest, ties
/// to even on the exact binary value, so 0.25 gives 0.2), integer part grouped:
/// `format_decimal(1234.5, 2, ArabicIndic)` is "١٬٢٣٤٫٥٠". A value that rounds to zero has no
/// sign. NaN and infinities give [`NOT_A_NUMBER`].
pub fn format_decimal(x: f64, decimals: usize, digits: Digits) -> String {
    if !x.is_finite() {
        return NOT_A_NUMBER.to_owned();
    }
    let decimals = decimals.min(17);
    let ascii = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = match ascii.split_once('.') {
        Some((int_part, frac_part)) => (int_part, Some(frac_part)),
        None => (ascii.as_str(), None),
    };
    let mut out = String::new();
    let is_zero = ascii.bytes().all(|b| b == b'0' || b == b'.');
    if x < 0.0 && !is_zero {
        out.push_str(digits.minus_sign());
    }
    out.push_str(&grouped(int_part, digits));
    if let Some(frac_part) = frac_part {
        out.push(digits.decimal_separator());
        out.push_str(&digits.convert(frac_part));
    }
    out
}

/// `percent` (in percent: 45.0 is 45 %) as [`format_decimal`] followed by the percent sign
/// of the digit set: `format_percent(45.0, 0, Western)` is "45%", with Arabic-Indic digits
/// "٤٥٪". NaN and infinities give [`NOT_A_NUMBER`].
pub fn format_percent(percent: f64, decimals: usize, digits: Digits) -> String {
    if !percent.is_finite() {
        return NOT_A_NUMBER.to_owned();
    }
    let mut out = format_decimal(percent, decimals, digits);
    out.push(digits.percent_sign());
    out
}

#[cfg(test)]
mod tests {
    use super::Digits::{ArabicIndic, Persian, Western};
    use super::*;

    #[test]
    fn integers_are_grouped_by_thousands() {
        assert_eq!(format_integer(0, Western), "0");
        assert_eq!(format_integer(999, Western), "999");
        assert_eq!(format_integer(1000, Western), "1,000");
        assert_eq!(format_integer(1_234_567, Western), "1,234,567");
        assert_eq!(format_integer(727, ArabicIndic), "٧٢٧");
        assert_eq!(format_integer(1_234_567, ArabicIndic), "١٬٢٣٤٬٥٦٧");
        assert_eq!(format_integer(1402, Persian), "۱٬۴۰۲");
    }

    #[test]
    fn negative_integers_carry_cldr_sign_and_mark() {
        assert_eq!(format_integer(-1234, Western), "\u{200E}-1,234");
        assert_eq!(format_integer(-5, ArabicIndic), "\u{061C}-٥");
        assert_eq!(format_integer(-5, Persian), "\u{200E}\u{2212}۵");
        assert_eq!(
            format_integer(i64::MIN, Western),
            "\u{200E}-9,223,372,036,854,775,808"
        );
    }

    #[test]
    fn decimals_use_the_digit_set_separator() {
        assert_eq!(format_decimal(1234.5, 2, Western), "1,234.50");
        assert_eq!(format_decimal(1234.5, 2, ArabicIndic), "١٬٢٣٤٫٥٠");
        assert_eq!(format_decimal(0.25, 1, Persian), "۰٫۲");
        assert_eq!(format_decimal(12.0, 0, Western), "12");
        assert_eq!(format_decimal(-0.001, 2, Western), "0.00");
        assert_eq!(format_decimal(-2.5, 1, Western), "\u{200E}-2.5");
        assert_eq!(format_decimal(f64::NAN, 2, Western), NOT_A_NUMBER);
        assert_eq!(format_decimal(f64::INFINITY, 2, Persian), NOT_A_NUMBER);
    }

    #[test]
    fn percent_sign_follows_the_digit_set() {
        assert_eq!(format_percent(45.0, 0, Western), "45%");
        assert_eq!(format_percent(45.0, 0, ArabicIndic), "٤٥٪");
        assert_eq!(format_percent(87.5, 1, Persian), "۸۷٫۵٪");
        assert_eq!(format_percent(100.0, 0, Western), "100%");
        assert_eq!(format_percent(f64::NAN, 0, Western), NOT_A_NUMBER);
    }

    #[test]
    fn convert_changes_only_ascii_digits() {
        assert_eq!(ArabicIndic.convert("18/212/02"), "١٨/٢١٢/٠٢");
        assert_eq!(Persian.convert("Q3 ۱"), "Q۳ ۱");
        assert_eq!(Western.convert("45"), "45");
    }
}
