//! Line breaking in logical order, and cutting a line to make room for an ellipsis.
//!
//! For: deciding which logical words go on which row, before any reordering, so the first
//! words of an Arabic title stay on the first row. Widths come from a caller-supplied
//! `measure` function (egui's shaper in the app, a fake in unit tests).
//! Not for: bidi reordering (`bidi`), hyphenation, or the full UAX #14 rules: rows break
//! after spaces, and a word wider than the row is cut between characters.

use std::ops::Range;

/// Whether a row may break after `c` (and `c` is dropped at the row's end).
fn is_break_space(c: char) -> bool {
    c == '\u{200B}' || (c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{2007}' | '\u{202F}'))
}

/// Whether `c` belongs to the character before it (combining marks, ZWNJ, ZWJ), so no
/// row may start with it.
fn continues_cluster(c: char) -> bool {
    matches!(
        unicode_bidi::bidi_class(c),
        unicode_bidi::BidiClass::NSM | unicode_bidi::BidiClass::BN
    ) && !is_break_space(c)
}

/// A word of a paragraph: its byte range and the spaces before it.
struct Word {
    range: Range<usize>,
    space_before: Range<usize>,
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut space_start = 0;
    let mut word_start = None;
    for (i, c) in text.char_indices() {
        match (is_break_space(c), word_start) {
            (true, Some(start)) => {
                out.push(Word {
                    range: start..i,
                    space_before: space_start..start,
                });
                word_start = None;
                space_start = i;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
    }
    if let Some(start) = word_start {
        out.push(Word {
            range: start..text.len(),
            space_before: space_start..start,
        });
    }
    out
}

/// Byte offsets inside `range` where a too-long word may be cut (never before a mark).
fn cluster_boundaries(text: &str, range: Range<usize>) -> Vec<usize> {
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    slice
        .char_indices()
        .filter(|&(i, c)| i > 0 && !continues_cluster(c))
        .map(|(i, _)| range.start + i)
        .chain(std::iter::once(range.end))
        .collect()
}

/// The largest boundary `b` in `boundaries` with `measure(text[start..b]) <= max_width`,
/// or the first boundary if none fits (a row always takes at least one character).
fn longest_fitting(
    text: &str,
    start: usize,
    boundaries: &[usize],
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> usize {
    let fits = |b: usize, measure: &mut dyn FnMut(&str) -> f32| {
        text.get(start..b).is_some_and(|s| measure(s) <= max_width)
    };
    // Boundaries ahead of `start`, ascending: binary search for the last one that fits.
    let ahead: Vec<usize> = boundaries.iter().copied().filter(|&b| b > start).collect();
    let Some(&first) = ahead.first() else {
        return start;
    };
    let (mut lo, mut hi) = (0, ahead.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if fits(ahead[mid], measure) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    if lo == 0 { first } else { ahead[lo - 1] }
}

/// Breaks one paragraph into rows, in logical order.
///
/// Returns byte ranges of `text`, in order, each starting and ending on a character and
/// holding no leading or trailing break spaces; together they cover every word of `text`.
/// A row holds as many whole words as fit in `max_width`; a word wider than `max_width` is cut
/// between characters (at least one character per row, so this always terminates).
/// A paragraph of only spaces gives no rows. `max_width` may be infinite (no wrapping).
pub fn break_lines(
    text: &str,
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> Vec<Range<usize>> {
    let max_width = if max_width.is_nan() {
        f32::INFINITY
    } else {
        max_width
    };
    let mut rows = Vec::new();
    // The row being filled: its range and width.
    let mut current: Option<(Range<usize>, f32)> = None;

    for word in words(text) {
        let word_width = measure(&text[word.range.clone()]);
        if let Some((range, width)) = current.take() {
            let with_word = width + measure(&text[word.space_before.clone()]) + word_width;
            if with_word <= max_width {
                current = Some((range.start..word.range.end, with_word));
                continue;
            }
            rows.push(range);
        }
        if word_width <= max_width {
            current = Some((word.range, word_width));
            continue;
        }
        // Too wide for any row: cut it between characters.
        let boundaries = cluster_boundaries(text, word.range.clone());
        let mut start = word.range.start;
        while start < word.range.end {
            let end = longest_fitting(text, start, &boundaries, max_width, measure);
            if end >= word.range.end {
                let width = measure(&text[start..word.range.end]);
                current = Some((start..word.range.end, width));
                break;
            }
            rows.push(start..end);
            start = end;
        }
    }
    rows.extend(current.map(|(range, _)| range));
    rows
}

/// Where to cut the row `row` of `text` so that its text up to the cut, followed by an
/// ellipsis of width `ellipsis_width`, fits in `max_width`.
///
/// Returns a byte offset in `row.start..=row.end`: the end of the last word that fits, else
/// the largest character boundary inside the first word, else `row.start` (only the ellipsis
/// is left).
pub fn ellipsis_cut(
    text: &str,
    row: Range<usize>,
    ellipsis_width: f32,
    max_width: f32,
    measure: &mut dyn FnMut(&str) -> f32,
) -> usize {
    let Some(row_text) = text.get(row.clone()) else {
        return row.start;
    };
    let budget = max_width - ellipsis_width;
    let word_ends: Vec<usize> = words(row_text)
        .into_iter()
        .map(|word| row.start + word.range.end)
        .collect();
    for &end in word_ends.iter().rev() {
        if measure(&text[row.start..end]) <= budget {
            return end;
        }
    }
    let Some(&first_word_end) = word_ends.first() else {
        return row.start;
    };
    let first_word_start = row.start + (row_text.len() - row_text.trim_start().len());
    let boundaries = cluster_boundaries(text, first_word_start..first_word_end);
    let end = longest_fitting(text, first_word_start, &boundaries, budget, measure);
    if text
        .get(row.start..end)
        .is_some_and(|s| measure(s) <= budget)
    {
        end
    } else {
        row.start
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit per character: easy widths for tests.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    fn rows(text: &str, max_width: f32) -> Vec<&str> {
        break_lines(text, max_width, &mut chars)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn words_fill_rows_in_logical_order() {
        assert_eq!(
            rows("الإدارة العامة للشؤون القانونية", 14.0),
            ["الإدارة العامة", "للشؤون", "القانونية"]
        );
    }

    #[test]
    fn a_row_that_fits_exactly_is_not_broken() {
        assert_eq!(rows("ab cd", 5.0), ["ab cd"]);
        assert_eq!(rows("ab cd", 4.9), ["ab", "cd"]);
    }

    #[test]
    fn spaces_at_row_edges_are_dropped() {
        assert_eq!(rows("  ab   cd  ", 3.0), ["ab", "cd"]);
        assert!(rows("   ", 10.0).is_empty());
        assert!(rows("", 10.0).is_empty());
    }

    #[test]
    fn too_long_word_is_cut_between_characters() {
        assert_eq!(rows("abcdefgh ij", 3.0), ["abc", "def", "gh", "ij"]);
    }

    #[test]
    fn zwnj_and_marks_never_start_a_row() {
        // "سه‌ماهه": the ZWNJ stays with the letter before it.
        let text = "سه\u{200C}ماهه";
        for row in rows(text, 2.0) {
            assert!(!row.starts_with('\u{200C}'), "{row:?}");
        }
        assert_eq!(rows("بَبَ", 1.0), ["بَ", "بَ"]);
    }

    #[test]
    fn zero_width_still_makes_progress() {
        assert_eq!(rows("ab", 0.0), ["a", "b"]);
        assert_eq!(rows("ab c", f32::NAN), ["ab c"]);
    }

    #[test]
    fn no_break_space_keeps_words_together() {
        assert_eq!(rows("12\u{00A0}345 ab", 6.0), ["12\u{00A0}345", "ab"]);
    }

    #[test]
    fn ellipsis_cut_drops_whole_words_first() {
        let text = "aa bb cc";
        // Budget 6 - 1 = 5: "aa bb" fits.
        assert_eq!(ellipsis_cut(text, 0..text.len(), 1.0, 6.0, &mut chars), 5);
        // Budget 2: only "aa".
        assert_eq!(ellipsis_cut(text, 0..text.len(), 1.0, 3.0, &mut chars), 2);
        // Budget 1: part of the first word.
        assert_eq!(ellipsis_cut(text, 0..text.len(), 1.0, 2.0, &mut chars), 1);
        // No room at all: only the ellipsis.
        assert_eq!(ellipsis_cut(text, 0..text.len(), 1.0, 1.0, &mut chars), 0);
    }

    #[test]
    fn ellipsis_cut_of_a_later_row_stays_in_that_row() {
        let text = "aa bb cc dd";
        assert_eq!(ellipsis_cut(text, 6..11, 1.0, 4.0, &mut chars), 8);
    }
}
