//! Drawing parts shared by every board: text placed in a rect, panels, number cards, donuts,
//! bars, columns and lines, all laid out from the right for right-to-left reading.
//!
//! Widgets take a rect and paint into it; they hold no state. Every piece of text they paint is
//! also given to the accessibility tree under its logical text, so tests can read the wall.

mod charts;
mod chip;
mod flow;
mod meters;

pub use charts::*;
pub use chip::*;
pub use flow::*;
pub use meters::*;

use crate::text::{self, Digits, TextDirection, TextStyleSpec};
use crate::theme::{Theme, radius, size, space};
use chrono::NaiveDate;
use egui::{Align, Align2, Color32, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2};
use rasid_shared::format::{CalendarKind, Language, format_long_date};
use rasid_shared::i18n::{self, Arg};

/// What every board and widget needs besides its data: colours, digits, calendar, language.
#[derive(Debug, Clone)]
pub struct Env {
    pub theme: Theme,
    pub digits: Digits,
    pub calendar: CalendarKind,
    pub language: Language,
    /// The wall's current day (for staleness and "days overdue").
    pub today: NaiveDate,
}

impl Env {
    /// The wall's words for `id` in its language (`shared/locales/<lang>/wall.ftl`); a missing
    /// id shows as itself and is remembered by `rasid_shared::i18n::misses`.
    pub fn tr(&self, id: &str) -> String {
        i18n::message(self.language, id, &[])
    }

    /// Like [`Env::tr`], with arguments: numbers already written by [`Env::int`] and the like,
    /// names as they are.
    pub fn tr_args(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        i18n::message(self.language, id, args)
    }

    /// A counted phrase: the message `id` given `$count` (choosing its plural form) and `$num`
    /// (the count in the wall's digits): `count-days` of 5 is "٥ أيام" on an Arabic wall.
    pub fn count(&self, id: &str, n: impl Into<i64>) -> String {
        let n = n.into();
        self.tr_args(id, &[("count", Arg::Count(n)), ("num", self.int(n).into())])
    }

    /// A counted message with more arguments than `$count` and `$num`.
    pub fn count_args(&self, id: &str, n: impl Into<i64>, more: &[(&str, Arg<'_>)]) -> String {
        let n = n.into();
        let mut args = vec![("count", Arg::Count(n)), ("num", self.int(n).into())];
        args.extend(more.iter().cloned());
        self.tr_args(id, &args)
    }

    pub fn int(&self, n: impl Into<i64>) -> String {
        text::format_integer(n.into(), self.digits)
    }

    pub fn pct(&self, p: f64) -> String {
        text::format_percent(p, 0, self.digits)
    }

    /// A long date in the wall's calendar and digits: `31 ديسمبر 2023`.
    pub fn date(&self, d: NaiveDate) -> String {
        self.digits
            .convert(&format_long_date(d, self.calendar, self.language))
    }

    /// A number given as a Western-digit string (e.g. a decision number) in the wall's digits.
    pub fn digits_of(&self, s: &str) -> String {
        self.digits.convert(s)
    }

    /// An amount of money as a wall is read: exact and grouped below ten thousand, otherwise
    /// in thousands, millions or billions, with one decimal below 100 of the unit and none
    /// above: 8,500 → "٨٬٥٠٠", 828,703 → "٨٢٩ ألف", 3,222,036 → "٣٫٢ مليون",
    /// 712,400,000 → "٧١٢ مليون". Never rounds up to "1000 ألف": that is "١ مليون".
    pub fn amount(&self, n: i64) -> String {
        if n.unsigned_abs() < 10_000 {
            return self.int(n);
        }
        let units = [1e3, 1e6, 1e9];
        let x = n as f64;
        let mut i = units.iter().rposition(|u| x.abs() >= *u).unwrap_or(0);
        loop {
            let v = x / units[i];
            if v.abs().round() >= 1000.0 && i + 1 < units.len() {
                i += 1;
                continue;
            }
            // One decimal only where it says something: "٣٫٢ مليون", not "٧١٢٫٤ مليون" or "٣٫٠".
            let tenths = (v * 10.0).round() / 10.0;
            let decimals = usize::from(tenths.abs() < 100.0 && tenths.fract() != 0.0);
            // Halves round up, as people round money (format_decimal alone rounds 1.25 to 1.2).
            let rounded = if decimals == 1 { tenths } else { v.round() };
            let number = text::format_decimal(rounded, decimals, self.digits);
            // The unit's message gets the number: "٣٫٢ مليون", "۳٫۲ میلیون", "3.2 million".
            let args = [("num", number.into())];
            return match i {
                0 => self.tr_args("amount-thousands", &args),
                1 => self.tr_args("amount-millions", &args),
                _ => self.tr_args("amount-billions", &args),
            };
        }
    }

    /// The name of a currency as the wall says it: `ILS` → "شيكل"; an unknown code as given.
    pub fn currency(&self, code: &str) -> String {
        match code.trim().to_ascii_uppercase().as_str() {
            "ILS" => self.tr("currency-ils"),
            "USD" => self.tr("currency-usd"),
            "JOD" => self.tr("currency-jod"),
            "EUR" => self.tr("currency-eur"),
            "SAR" => self.tr("currency-sar"),
            "OMR" => self.tr("currency-omr"),
            "IRR" => self.tr("currency-irr"),
            _ => code.trim().to_string(),
        }
    }
}

/// Paints `s` inside `rect` at `align` (horizontal and vertical), wrapping to the rect's width
/// and keeping at most `max_lines` rows (an ellipsis ends cut text). Returns the painted rect.
pub fn text(
    ui: &Ui,
    rect: Rect,
    s: &str,
    spec: TextStyleSpec,
    align: Align2,
    max_lines: Option<usize>,
) -> Rect {
    if s.is_empty() || rect.width() <= 1.0 {
        return Rect::NOTHING;
    }
    let galley = text::layout_cached(ui.ctx(), s, &spec, rect.width(), max_lines);
    let sz = galley.size();
    let left = match align.x() {
        Align::Min => rect.left(),
        Align::Center => rect.center().x - sz.x / 2.0,
        Align::Max => rect.right() - sz.x,
    };
    let top = match align.y() {
        Align::Min => rect.top(),
        Align::Center => rect.center().y - sz.y / 2.0,
        Align::Max => rect.bottom() - sz.y,
    };
    // A right-aligned galley's rows end at x = 0 relative to where it is painted.
    let anchor_x = if galley.job.halign == Align::RIGHT {
        left + sz.x
    } else {
        left
    };
    let painted = Rect::from_min_size(pos2(left, top), sz);
    ui.painter().galley(pos2(anchor_x, top), galley, spec.color);
    let id = ui
        .scope_id()
        .with(("text", painted.min.x as i32, painted.min.y as i32, s));
    let response = ui.interact(painted, id, egui::Sense::hover());
    let label = s.to_string();
    response.widget_info(move || egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
    painted
}

/// A style of `size` in `color`, right to left.
pub fn rtl(size: f32, color: Color32) -> TextStyleSpec {
    TextStyleSpec::new(size, color).with_direction(TextDirection::Rtl)
}

/// Right-aligned in its rect, vertically centred: the usual place of Arabic text.
pub const RIGHT: Align2 = Align2::RIGHT_CENTER;

/// Splits `rect` into columns of the given relative `weights`, the first column at the RIGHT.
pub fn columns_rtl(rect: Rect, weights: &[f32], gap: f32) -> Vec<Rect> {
    let total: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    let usable = rect.width() - gap * (weights.len().saturating_sub(1)) as f32;
    let mut right = rect.right();
    weights
        .iter()
        .map(|w| {
            let width = usable * w / total;
            let r = Rect::from_min_max(pos2(right - width, rect.top()), pos2(right, rect.bottom()));
            right -= width + gap;
            r
        })
        .collect()
}

/// Splits `rect` into rows of the given relative `weights`, top first.
pub fn rows(rect: Rect, weights: &[f32], gap: f32) -> Vec<Rect> {
    let total: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
    let usable = rect.height() - gap * (weights.len().saturating_sub(1)) as f32;
    let mut top = rect.top();
    weights
        .iter()
        .map(|w| {
            let h = usable * w / total;
            let r = Rect::from_min_max(pos2(rect.left(), top), pos2(rect.right(), top + h));
            top += h + gap;
            r
        })
        .collect()
}

/// How current a tile's data is.
#[derive(Debug, Clone, PartialEq)]
pub enum Freshness {
    Current,
    /// Older than its reporting cycle allows.
    Stale,
    /// Nothing reported yet.
    NoData,
}

/// A panel with a title at its top right; returns the rect left for content.
pub fn panel(ui: &Ui, rect: Rect, title: &str, env: &Env) -> Rect {
    let t = &env.theme;
    ui.painter().rect(
        rect,
        CornerRadius::same(radius::PANEL),
        t.panel,
        Stroke::new(1.0, t.panel_stroke),
        StrokeKind::Inside,
    );
    let inner = rect.shrink(space::PAD);
    let title_rect = Rect::from_min_size(inner.min, vec2(inner.width(), size::TILE_TITLE * 1.5));
    text(
        ui,
        title_rect,
        title,
        rtl(size::TILE_TITLE, t.title).bold(),
        RIGHT,
        Some(1),
    );
    Rect::from_min_max(pos2(inner.left(), title_rect.bottom() + 8.0), inner.max)
}

/// The message shown in place of a chart when there is nothing to draw; never a zero.
pub fn no_data(ui: &Ui, rect: Rect, env: &Env, message: &str) {
    let t = &env.theme;
    ui.painter().rect_stroke(
        rect.shrink(4.0),
        CornerRadius::same(radius::NO_DATA_FRAME),
        Stroke::new(1.5, t.unreported),
        StrokeKind::Inside,
    );
    text(
        ui,
        rect,
        message,
        rtl(size::BODY, t.muted),
        Align2::CENTER_CENTER,
        Some(2),
    );
}

/// The stripe behind a row of a list (every other one), so the eye follows the row across;
/// `corner` is [`radius::ROW_STRIPE`] or [`radius::ROW_STRIPE_TALL`].
pub fn row_stripe(ui: &Ui, rect: Rect, corner: u8, env: &Env) {
    ui.painter()
        .rect_filled(rect, CornerRadius::same(corner), env.theme.row_alt);
}

/// How far a [`row_stripes`] stripe reaches past its list on each side.
const STRIPE_OUTSET: f32 = 6.0;

/// Stripes behind the 2nd, 4th … of `count` rows of `row_h` from the top of `list`.
pub fn row_stripes(ui: &Ui, list: Rect, row_h: f32, count: usize, env: &Env) {
    for i in (0..count).filter(|i| i % 2 == 1) {
        let r = Rect::from_min_size(
            pos2(list.left() - STRIPE_OUTSET, list.top() + row_h * i as f32),
            vec2(list.width() + 2.0 * STRIPE_OUTSET, row_h),
        );
        row_stripe(ui, r, radius::ROW_STRIPE, env);
    }
}

/// A card's background: the panel with its border, and a bar of `accent` along the right edge
/// (where a right-to-left reader starts).
pub fn accent_card(ui: &Ui, rect: Rect, accent: Color32, env: &Env) {
    let t = &env.theme;
    ui.painter().rect(
        rect,
        CornerRadius::same(radius::PANEL),
        t.panel,
        Stroke::new(1.0, t.panel_stroke),
        StrokeKind::Inside,
    );
    let bar = Rect::from_min_max(
        pos2(rect.right() - space::ACCENT_BAR, rect.top()),
        rect.right_bottom(),
    );
    ui.painter().rect_filled(
        bar,
        CornerRadius {
            nw: 0,
            sw: 0,
            ne: radius::PANEL,
            se: radius::PANEL,
        },
        accent,
    );
}

/// A headline number card: caption at the top right, the value large, an accent bar at the
/// right edge, an optional note under the value.
pub fn number_card(
    ui: &Ui,
    rect: Rect,
    caption: &str,
    value: &str,
    accent: Color32,
    note: Option<&str>,
    env: &Env,
) {
    let t = &env.theme;
    accent_card(ui, rect, accent, env);
    let inner = rect.shrink2(vec2(space::PAD + space::ACCENT_BAR, space::PAD * 0.8));
    let parts = rows(
        inner,
        &[0.9, 1.6, if note.is_some() { 0.6 } else { 0.0001 }],
        0.0,
    );
    // A caption a little too long for its card (Persian month names are longer than Arabic
    // ones) is written smaller rather than cut; one that fits is left as it is.
    let need = text_size(ui, caption, rtl(size::BODY, t.muted)).x + 4.0;
    let fit = (parts[0].width() / need.max(1.0)).clamp(0.8, 1.0);
    text(
        ui,
        parts[0],
        caption,
        rtl(size::BODY * fit, t.muted),
        RIGHT,
        Some(1),
    );
    text(
        ui,
        parts[1],
        value,
        rtl(size::BIG_NUMBER, t.text).bold(),
        RIGHT,
        Some(1),
    );
    if let Some(n) = note {
        text(ui, parts[2], n, rtl(size::SMALL, t.muted), RIGHT, Some(1));
    }
}

/// A legend: one row per item, a colour swatch at the right, label, then the value at the left.
pub fn legend(ui: &Ui, rect: Rect, items: &[(Color32, String, String)], env: &Env) {
    if items.is_empty() {
        return;
    }
    let row_h = (rect.height() / items.len() as f32).min(size::BODY * 2.1);
    let top = rect.center().y - row_h * items.len() as f32 / 2.0;
    for (i, (color, label, value)) in items.iter().enumerate() {
        let r = Rect::from_min_size(
            pos2(rect.left(), top + i as f32 * row_h),
            vec2(rect.width(), row_h),
        );
        let sw = Rect::from_center_size(pos2(r.right() - 14.0, r.center().y), vec2(26.0, 26.0));
        ui.painter()
            .rect_filled(sw, CornerRadius::same(radius::SWATCH), *color);
        let label_rect = Rect::from_min_max(r.min, pos2(sw.left() - 12.0, r.bottom()));
        text(
            ui,
            label_rect,
            label,
            rtl(size::BODY, env.theme.text),
            RIGHT,
            Some(1),
        );
        text(
            ui,
            label_rect,
            value,
            rtl(size::BODY, env.theme.text).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::ThemeName;

    fn env(digits: Digits) -> Env {
        Env {
            theme: Theme::new(ThemeName::Dark),
            digits,
            calendar: CalendarKind::Gregorian,
            language: Language::Arabic,
            today: NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default(),
        }
    }

    #[test]
    fn amounts_are_abbreviated_for_the_wall() {
        let e = env(Digits::ArabicIndic);
        assert_eq!(e.amount(8_500), "٨٬٥٠٠");
        assert_eq!(e.amount(828_703), "٨٢٩ ألف");
        assert_eq!(e.amount(40_807), "٤٠٫٨ ألف");
        assert_eq!(e.amount(3_222_036), "٣٫٢ مليون");
        assert_eq!(e.amount(2_161_594), "٢٫٢ مليون");
        assert_eq!(e.amount(3_000_000), "٣ مليون");
        assert_eq!(e.amount(712_400_000), "٧١٢ مليون");
        assert_eq!(e.amount(1_250_000_000), "١٫٣ مليار");
        let w = env(Digits::Western);
        assert_eq!(w.amount(999_960), "1 مليون", "never 1000 ألف");
        assert_eq!(w.amount(999_400), "999 ألف");
        assert_eq!(w.amount(-3_222_036), "\u{200E}-3.2 مليون");
        assert_eq!(w.amount(0), "0");
    }

    #[test]
    fn currencies_are_named_in_arabic() {
        let e = env(Digits::ArabicIndic);
        assert_eq!(e.currency("ILS"), "شيكل");
        assert_eq!(e.currency("usd"), "دولار أمريكي");
        assert_eq!(e.currency("XYZ"), "XYZ");
    }
}
