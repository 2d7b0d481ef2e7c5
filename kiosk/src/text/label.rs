//! A label widget for right-to-left (and mixed) text, and painting of pre-laid-out paragraphs.
//!
//! For: putting a paragraph from [`super::layout_cached`] into a `Ui` with its own
//! alignment, and giving it the *logical* text as its accessible name (egui's `Label` would
//! expose the visual order, and overwrite our wrapping and alignment).
//! Not for: interaction (it only senses hover) or text selection.

use std::sync::Arc;

use egui::text::Galley;
use egui::{Align, Pos2, Rect, Response, Sense, Ui, Widget, WidgetInfo, pos2};

use super::cache::layout_cached;
use super::layout::TextStyleSpec;

/// Where to paint `galley` so it sits in `rect` by its own alignment: the top right corner
/// for a right-aligned (right-to-left) galley, the top left otherwise; centred vertically
/// when `rect` is taller than the galley.
pub fn galley_anchor(galley: &Galley, rect: Rect) -> Pos2 {
    let y = rect.top() + ((rect.height() - galley.size().y) / 2.0).max(0.0);
    let x = match galley.job.halign {
        Align::RIGHT => rect.right(),
        Align::Center => rect.center().x,
        Align::LEFT => rect.left(),
    };
    pos2(x, y)
}

/// Paints `galley` into `rect` at [`galley_anchor`]; `fallback_color` is for sections
/// without a colour of their own.
pub fn paint_galley(ui: &Ui, rect: Rect, galley: Arc<Galley>, fallback_color: egui::Color32) {
    let anchor = galley_anchor(&galley, rect);
    ui.painter().galley(anchor, galley, fallback_color);
}

/// A paragraph laid out by [`super::layout_rtl_paragraph`] (through the context's cache).
///
/// It allocates the galley's size (widest row × rows) where the `Ui`'s layout puts it, or
/// more in a justified layout; rows of right-to-left text are aligned to the right edge of
/// the allocated rect. To stick a right-to-left label to the right of a column, add it in a
/// `Layout::top_down(Align::Max)` or `Layout::right_to_left(..)` `Ui`, or with `ui.put`.
/// Its accessible name is the logical text.
#[must_use = "add it with `ui.add(..)`"]
pub struct RtlLabel<'a> {
    text: &'a str,
    style: TextStyleSpec,
    max_width: Option<f32>,
    max_lines: Option<usize>,
}

impl<'a> RtlLabel<'a> {
    /// A label of `text` in `style`, wrapped to the available width, with no row limit.
    pub fn new(text: &'a str, style: TextStyleSpec) -> Self {
        Self {
            text,
            style,
            max_width: None,
            max_lines: None,
        }
    }

    /// Wraps at `max_width` points instead of the `Ui`'s available width.
    pub fn max_width(self, max_width: f32) -> Self {
        Self {
            max_width: Some(max_width),
            ..self
        }
    }

    /// Keeps at most `max_lines` rows, ending in "…" if text was cut.
    pub fn max_lines(self, max_lines: usize) -> Self {
        Self {
            max_lines: Some(max_lines),
            ..self
        }
    }
}

impl Widget for RtlLabel<'_> {
    fn ui(self, ui: &mut Ui) -> Response {
        let max_width = self.max_width.unwrap_or_else(|| ui.available_width());
        let galley = layout_cached(ui.ctx(), self.text, &self.style, max_width, self.max_lines);
        let (rect, response) = ui.allocate_at_least(galley.size(), Sense::hover());
        let logical = self.text;
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), logical));
        if ui.is_rect_visible(rect) {
            paint_galley(ui, rect, galley, self.style.color);
        }
        response
    }
}

/// Adds an [`RtlLabel`] of `text` in `style`, wrapped to the available width.
///
/// `get_by_label(text)` in kittest finds it by its logical text.
pub fn rtl_label(ui: &mut Ui, text: &str, style: TextStyleSpec) -> Response {
    ui.add(RtlLabel::new(text, style))
}
