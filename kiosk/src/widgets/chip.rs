//! Small labelled shapes: a chip (text on a rounded fill) and the measure of a line of text,
//! for cells that must be as wide as what they say.

use super::text;
use crate::text::{TextStyleSpec, layout_cached};
use egui::{Align, Align2, Color32, CornerRadius, Rect, Ui, Vec2, pos2, vec2};

/// The size `s` takes on one line in `spec`.
pub fn text_size(ui: &Ui, s: &str, spec: TextStyleSpec) -> Vec2 {
    if s.is_empty() {
        return Vec2::ZERO;
    }
    layout_cached(ui.ctx(), s, &spec, f32::INFINITY, Some(1)).size()
}

/// A rounded chip holding `s`, as wide as its text (at most `rect`'s width) and placed in
/// `rect` at `align`; returns the chip's rect.
pub fn chip(
    ui: &Ui,
    rect: Rect,
    s: &str,
    spec: TextStyleSpec,
    fill: Color32,
    align: Align2,
) -> Rect {
    let pad = vec2(spec.size * 0.55, spec.size * 0.22);
    let size = (text_size(ui, s, spec) + pad * 2.0).min(rect.size());
    let left = match align.x() {
        Align::Min => rect.left(),
        Align::Center => rect.center().x - size.x / 2.0,
        Align::Max => rect.right() - size.x,
    };
    let top = match align.y() {
        Align::Min => rect.top(),
        Align::Center => rect.center().y - size.y / 2.0,
        Align::Max => rect.bottom() - size.y,
    };
    let r = Rect::from_min_size(pos2(left, top), size);
    ui.painter()
        .rect_filled(r, CornerRadius::same((size.y / 2.0).min(255.0) as u8), fill);
    text(ui, r, s, spec, Align2::CENTER_CENTER, Some(1));
    r
}
