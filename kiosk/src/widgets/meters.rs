//! Part-of-a-whole bars read from the right: a meter (one thin bar filled to a fraction) and
//! paired bars (each whole as a faint track on a common scale, filled as far as its part),
//! e.g. spent against allocated, actual against target.

use super::{Env, RIGHT, rtl, text, text_size};
use crate::theme::{radius, size};
use egui::{Align2, Color32, CornerRadius, Rect, Ui, pos2, vec2};

/// A thin bar in `rect` filled from the right to `frac` (0..=1) of its width, on a faint track.
pub fn meter_rtl(ui: &Ui, rect: Rect, frac: f64, color: Color32, env: &Env) {
    let radius = CornerRadius::same((rect.height() / 2.0).min(255.0) as u8);
    ui.painter().rect_filled(rect, radius, env.theme.grid);
    let f = if frac.is_finite() {
        frac.clamp(0.0, 1.0) as f32
    } else {
        0.0
    };
    if f > 0.0 {
        let fill = Rect::from_min_max(pos2(rect.right() - rect.width() * f, rect.top()), rect.max);
        ui.painter().rect_filled(fill, radius, color);
    }
}

/// One bar in `rect` split into `parts` from the right, each as wide as its share of their sum,
/// on a faint track (the track alone when the parts sum to nothing).
pub fn stacked_bar_rtl(ui: &Ui, rect: Rect, parts: &[super::Segment], env: &Env) {
    let painter = ui.painter();
    painter.rect_filled(rect, CornerRadius::same(radius::BAR), env.theme.grid);
    let total: f64 = parts
        .iter()
        .map(|p| p.value)
        .filter(|v| v.is_finite() && *v > 0.0)
        .sum();
    if total <= 0.0 {
        return;
    }
    let mut right = rect.right();
    for p in parts
        .iter()
        .filter(|p| p.value.is_finite() && p.value > 0.0)
    {
        let w = rect.width() * (p.value / total) as f32;
        let part = Rect::from_min_max(pos2(right - w, rect.top()), pos2(right, rect.bottom()));
        painter.rect_filled(part, CornerRadius::ZERO, p.color);
        right -= w;
    }
}

/// One row of [`paired_bars_rtl`].
#[derive(Debug, Clone)]
pub struct PairedBar {
    pub label: String,
    /// The whole (e.g. allocated); drawn as the track.
    pub whole: f64,
    /// The part (e.g. spent); drawn filled over the track.
    pub part: f64,
    pub color: Color32,
    /// Shown at the left end of the track (e.g. "٦٧٪").
    pub value_text: String,
}

/// Paired bars from the right: label column of `label_width` at the right, each whole as a
/// faint track scaled to the largest whole, filled as far as its part, value text after it.
/// Label text is `label_size` points at most (smaller only when rows are too thin for it).
pub fn paired_bars_rtl(
    ui: &Ui,
    rect: Rect,
    bars: &[PairedBar],
    label_width: f32,
    label_size: f32,
    env: &Env,
) {
    if bars.is_empty() {
        return;
    }
    let t = &env.theme;
    let row_h = rect.height() / bars.len() as f32;
    let text_size_pt = (row_h * 0.62).clamp(12.0, label_size);
    let value_spec = rtl(text_size_pt, t.text).bold();
    let value_w = bars
        .iter()
        .map(|b| text_size(ui, &b.value_text, value_spec).x)
        .fold(0.0, f32::max)
        + 12.0;
    let label_col = Rect::from_min_max(pos2(rect.right() - label_width, rect.top()), rect.max);
    let plot = Rect::from_min_max(
        pos2(rect.left() + value_w, rect.top()),
        pos2(label_col.left() - 12.0, rect.bottom()),
    );
    let max = bars
        .iter()
        .map(|b| b.whole.max(b.part))
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let bar_h = (row_h * 0.55).clamp(4.0, 30.0);
    let painter = ui.painter();
    for (i, b) in bars.iter().enumerate() {
        let y = rect.top() + row_h * (i as f32 + 0.5);
        let row = Rect::from_center_size(
            pos2(label_col.center().x, y),
            vec2(label_col.width(), row_h),
        );
        text(ui, row, &b.label, rtl(text_size_pt, t.text), RIGHT, Some(1));
        let width_of = |v: f64| {
            if max > 0.0 && v.is_finite() {
                plot.width() * (v / max).clamp(0.0, 1.0) as f32
            } else {
                0.0
            }
        };
        let track = Rect::from_min_max(
            pos2(plot.right() - width_of(b.whole), y - bar_h / 2.0),
            pos2(plot.right(), y + bar_h / 2.0),
        );
        painter.rect_filled(track, CornerRadius::same(radius::BAR), t.grid);
        let fill = Rect::from_min_max(
            pos2(plot.right() - width_of(b.part), track.top()),
            track.max,
        );
        painter.rect_filled(fill, CornerRadius::same(radius::BAR), b.color);
        let end = track.left().min(fill.left());
        let vt = Rect::from_min_max(
            pos2(rect.left(), y - row_h / 2.0),
            pos2(end - 8.0, y + row_h / 2.0),
        );
        text(
            ui,
            vt,
            &b.value_text,
            value_spec,
            Align2::RIGHT_CENTER,
            Some(1),
        );
    }
}

/// The width a label column needs for `labels` at `size` points (capped at `max`).
pub fn label_width(
    ui: &Ui,
    labels: impl IntoIterator<Item = impl AsRef<str>>,
    size_pt: f32,
    max: f32,
    env: &Env,
) -> f32 {
    let spec = rtl(size_pt, env.theme.text);
    labels
        .into_iter()
        .map(|l| text_size(ui, l.as_ref(), spec).x)
        .fold(0.0, f32::max)
        .min(max)
        + 6.0
}

/// The width [`legend_row`] takes for `items`.
pub fn legend_row_width(ui: &Ui, items: &[(Color32, String)], env: &Env) -> f32 {
    let spec = rtl(size::SMALL, env.theme.muted);
    let w: f32 = items
        .iter()
        .map(|(_, l)| 20.0 + 10.0 + text_size(ui, l, spec).x + 28.0)
        .sum();
    (w - 28.0).max(0.0)
}

/// A small legend in one line at the right of `rect`: swatch, then label, item after item.
pub fn legend_row(ui: &Ui, rect: Rect, items: &[(Color32, String)], env: &Env) {
    let spec = rtl(size::SMALL, env.theme.muted);
    let mut right = rect.right();
    for (color, label) in items {
        let sw = Rect::from_center_size(pos2(right - 10.0, rect.center().y), vec2(20.0, 20.0));
        ui.painter()
            .rect_filled(sw, CornerRadius::same(radius::BAR), *color);
        let w = text_size(ui, label, spec).x;
        let lr = Rect::from_min_max(
            pos2(sw.left() - 10.0 - w, rect.top()),
            pos2(sw.left() - 8.0, rect.bottom()),
        );
        text(ui, lr, label, spec, RIGHT, Some(1));
        right = lr.left() - 28.0;
        if right < rect.left() {
            break;
        }
    }
}
