//! Laying out a paragraph of Arabic, Persian or mixed text into an egui [`Galley`].
//!
//! For: the egui edge of the text layer: measure words with egui's shaper, break rows in
//! logical order (`line_break`), reorder each row (`bidi`), and build a [`LayoutJob`] whose
//! sections are in visual order, one row per `'\n'`, right-aligned when the text is right to
//! left. Not for: caching (`cache`) or painting into a `Ui` (`label`).

use std::sync::Arc;

use egui::epaint::text::FontsView;
use egui::text::{ByteIndex, Galley, LayoutJob, LayoutSection, TextFormat};
use egui::{Align, Color32, FontFamily, FontId};

use super::bidi::{BidiParagraph, TextDirection, VisualPiece};
use super::fonts::bold_family;
use super::line_break::{break_lines, ellipsis_cut};

/// The ellipsis put at the logical end of truncated text.
pub const ELLIPSIS: &str = "…";

/// How a paragraph looks: size, colour, weight and base direction.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TextStyleSpec {
    /// Font size in points.
    pub size: f32,
    /// Text colour.
    pub color: Color32,
    /// Vazirmatn Bold instead of Regular.
    pub bold: bool,
    /// Base direction of each paragraph.
    pub direction: TextDirection,
}

impl TextStyleSpec {
    /// Regular weight, direction from the text ([`TextDirection::Auto`]).
    pub fn new(size: f32, color: Color32) -> Self {
        Self {
            size,
            color,
            bold: false,
            direction: TextDirection::Auto,
        }
    }

    /// The same style in bold.
    #[must_use]
    pub fn bold(self) -> Self {
        Self { bold: true, ..self }
    }

    /// The same style with a forced (or automatic) base direction.
    #[must_use]
    pub fn with_direction(self, direction: TextDirection) -> Self {
        Self { direction, ..self }
    }

    /// The egui font of this style (requires [`super::fonts::install`]).
    pub fn font_id(&self) -> FontId {
        let family = if self.bold {
            bold_family()
        } else {
            FontFamily::Proportional
        };
        FontId::new(self.size, family)
    }
}

/// Builds the [`LayoutJob`] of `text` (see [`layout_rtl_paragraph`] for the contract).
///
/// This is the costly part (bidi, measuring every word): cache its result, e.g. with
/// [`super::TextCache`], which also keeps the galley `FontsView::layout_job` makes of it.
pub fn build_rtl_layout_job(
    fonts: &mut FontsView<'_>,
    text: &str,
    style: &TextStyleSpec,
    max_width: f32,
    max_lines: Option<usize>,
) -> LayoutJob {
    let font_id = style.font_id();
    let mut measure = |s: &str| -> f32 {
        if s.is_empty() {
            0.0
        } else {
            fonts
                .layout_no_wrap(s.to_owned(), font_id.clone(), Color32::WHITE)
                .intrinsic_size()
                .x
        }
    };
    let (rows, rtl) = visual_rows(text, style.direction, max_width, max_lines, &mut measure);
    job_from_rows(&rows, rtl, style)
}

/// Lays out `text` as right-to-left-aware rows no wider than `max_width` points.
///
/// Contract:
/// - Each `'\n'` starts a paragraph; each paragraph gets its base direction from
///   `style.direction` (for [`TextDirection::Auto`], from its first strong character).
/// - Rows are broken in logical order after spaces (a word wider than `max_width` is cut
///   between characters), so the first words of a title are on the first row.
/// - Each row is reordered as a browser would (UAX #9 with mirrored brackets; numbers read
///   left to right). The galley's text is that *visual* text: use the logical `text` for
///   accessibility.
/// - With `max_lines = Some(n)`, at most `n` rows are kept; if text was dropped, the logical
///   text is cut at a word end and "…" follows it at the logical end (the left end of a
///   right-to-left row). `Some(0)` gives an empty galley.
/// - Alignment: if the first paragraph is right to left, `galley.job.halign` is
///   [`Align::RIGHT`] and every row ends at x = 0 (the galley's rect spans `-width..0`):
///   paint it at the right edge of its rect. Otherwise it is [`Align::LEFT`]. Use
///   [`super::galley_anchor`] to pick the point.
/// - The job never wraps again inside egui (`wrap.max_width` is infinite).
pub fn layout_rtl_paragraph(
    fonts: &mut FontsView<'_>,
    text: &str,
    style: &TextStyleSpec,
    max_width: f32,
    max_lines: Option<usize>,
) -> Arc<Galley> {
    let job = build_rtl_layout_job(fonts, text, style, max_width, max_lines);
    fonts.layout_job(job)
}

/// Rows of pieces in visual order, and whether the first paragraph is right to left.
fn visual_rows(
    text: &str,
    direction: TextDirection,
    max_width: f32,
    max_lines: Option<usize>,
    measure: &mut dyn FnMut(&str) -> f32,
) -> (Vec<Vec<VisualPiece>>, bool) {
    let max_rows = max_lines.unwrap_or(usize::MAX);
    let paragraphs: Vec<&str> = text
        .split('\n')
        .map(|p| p.strip_suffix('\r').unwrap_or(p))
        .collect();
    let mut rows: Vec<Vec<VisualPiece>> = Vec::new();
    let mut first_rtl = None;
    if max_rows == 0 {
        return (rows, false);
    }

    for (p_index, paragraph) in paragraphs.iter().enumerate() {
        let bidi = BidiParagraph::new(paragraph, direction);
        first_rtl.get_or_insert(bidi.is_rtl());
        let mut lines = break_lines(paragraph, max_width, measure);
        if lines.is_empty() {
            lines.push(0..0);
        }
        let more_paragraphs = p_index + 1 < paragraphs.len();
        for (l_index, line) in lines.iter().enumerate() {
            let more_text = more_paragraphs || l_index + 1 < lines.len();
            if rows.len() + 1 < max_rows || !more_text {
                rows.push(bidi.visual_pieces(line.clone()));
                continue;
            }
            // Last row allowed and text left over: cut and put the ellipsis at the logical end.
            let ellipsis_width = measure(ELLIPSIS);
            let cut = ellipsis_cut(paragraph, line.clone(), ellipsis_width, max_width, measure);
            let kept = paragraph[..cut].trim_end();
            let truncated = format!("{kept}{ELLIPSIS}");
            // Levels depend on the text before the row, so resolve the whole kept paragraph,
            // keeping the paragraph's base direction.
            let truncated_bidi = BidiParagraph::new(&truncated, bidi.direction());
            let start = line.start.min(kept.len());
            rows.push(truncated_bidi.visual_pieces(start..truncated.len()));
            return (rows, first_rtl.unwrap_or(false));
        }
    }
    (rows, first_rtl.unwrap_or(false))
}

/// The job: one section per piece, rows joined by `'\n'`.
fn job_from_rows(rows: &[Vec<VisualPiece>], rtl: bool, style: &TextStyleSpec) -> LayoutJob {
    let format = TextFormat {
        font_id: style.font_id(),
        color: style.color,
        ..Default::default()
    };
    let mut job = LayoutJob {
        halign: if rtl { Align::RIGHT } else { Align::LEFT },
        break_on_newline: true,
        ..Default::default()
    };
    job.wrap.max_width = f32::INFINITY;

    // `LayoutJob::append` would merge equal-format sections into one shaping run; pieces must
    // stay separate runs, so sections are pushed by hand.
    let push = |job: &mut LayoutJob, piece: &str| {
        let start = job.text.len();
        job.text.push_str(piece);
        job.sections.push(LayoutSection {
            leading_space: 0.0,
            byte_range: ByteIndex(start)..ByteIndex(job.text.len()),
            format: format.clone(),
        });
    };
    for (index, row) in rows.iter().enumerate() {
        if index > 0 {
            push(&mut job, "\n");
        }
        for piece in row {
            push(&mut job, &piece.text);
        }
    }
    if job.sections.is_empty() && !rows.is_empty() {
        // An empty paragraph still takes one row's height.
        push(&mut job, "");
    }
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    fn row_texts(text: &str, max_width: f32, max_lines: Option<usize>) -> Vec<String> {
        let (rows, _) = visual_rows(text, TextDirection::Auto, max_width, max_lines, &mut chars);
        rows.iter()
            .map(|row| row.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn wrapped_title_keeps_first_words_on_first_row() {
        assert_eq!(
            row_texts("الإدارة العامة للشؤون القانونية", 14.0, None),
            ["العامة الإدارة", "للشؤون", "القانونية"]
        );
    }

    #[test]
    fn truncated_text_ends_with_ellipsis_at_logical_end() {
        // Logical "الإدارة العامة…" displays with the ellipsis on the left.
        assert_eq!(
            row_texts("الإدارة العامة للشؤون القانونية", 15.0, Some(1)),
            ["…العامة الإدارة"]
        );
        assert_eq!(
            row_texts("Legal affairs department", 14.0, Some(1)),
            ["Legal affairs…"]
        );
    }

    #[test]
    fn text_that_fits_is_not_marked_truncated() {
        assert_eq!(row_texts("تم", 10.0, Some(1)), ["تم"]);
        assert_eq!(row_texts("a\nb", 10.0, Some(2)), ["a", "b"]);
        assert_eq!(row_texts("a\nb\nc", 10.0, Some(2)), ["a", "b…"]);
    }

    #[test]
    fn zero_lines_and_empty_text() {
        assert!(row_texts("تم", 10.0, Some(0)).is_empty());
        assert_eq!(row_texts("", 10.0, None), [""]);
        assert_eq!(row_texts("a\n\nb", 10.0, None), ["a", "", "b"]);
    }

    #[test]
    fn alignment_follows_first_paragraph() {
        let style = TextStyleSpec::new(20.0, Color32::WHITE);
        let (rows, rtl) = visual_rows("تم", style.direction, 100.0, None, &mut chars);
        assert!(rtl);
        assert_eq!(job_from_rows(&rows, rtl, &style).halign, Align::RIGHT);
        let (rows, rtl) = visual_rows("Done", style.direction, 100.0, None, &mut chars);
        assert!(!rtl);
        assert_eq!(job_from_rows(&rows, rtl, &style).halign, Align::LEFT);
    }

    #[test]
    fn every_piece_is_its_own_section() {
        let style = TextStyleSpec::new(20.0, Color32::WHITE);
        let (rows, rtl) = visual_rows("تم تنفيذ", style.direction, 100.0, None, &mut chars);
        let job = job_from_rows(&rows, rtl, &style);
        assert_eq!(job.text, "تنفيذ تم");
        assert_eq!(job.sections.len(), 3);
    }
}
