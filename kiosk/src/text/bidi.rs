//! Bidi reordering of one line: from logical text to the pieces egui must be given, left to right.
//!
//! For: resolving paragraph direction and embedding levels (UAX #9, via `unicode-bidi`) and
//! cutting a line into [`VisualPiece`]s that egui's per-section shaper renders as a browser
//! would. Not for: line breaking (`line_break`), fonts, measuring or painting.
//!
//! Why pieces: egui 0.37 has no bidi algorithm. It shapes each section as one harfrust run
//! whose direction comes from the run's first character with a real script, and places
//! sections left to right. So sections must arrive in visual order, and each must be
//! something harfrust orders correctly on its own: a run of right-to-left letters (it
//! reverses and joins them), or text without right-to-left script. Everything else in a
//! right-to-left run goes alone, with brackets mirrored here (harfrust only mirrors inside a
//! right-to-left buffer); Arabic-script digits go one by one so they read left to right.

use std::ops::Range;

use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// Base direction of a paragraph.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum TextDirection {
    /// From the first strong character (UAX #9 rules P2–P3); left to right if there is none
    /// (e.g. a string of only digits). This is what a browser does with `dir="auto"`.
    #[default]
    Auto,
    /// Right to left, whatever the text starts with.
    Rtl,
    /// Left to right, whatever the text starts with.
    Ltr,
}

/// A run of characters that becomes one egui layout section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VisualPiece {
    /// The characters in the order harfrust must receive them (logical order inside the
    /// piece; harfrust reverses right-to-left letter runs itself), brackets already mirrored.
    pub text: String,
    /// Whether the piece belongs to a right-to-left level run.
    pub rtl: bool,
}

/// One paragraph (no `'\n'` inside) with its resolved embedding levels.
pub struct BidiParagraph<'t> {
    info: ParagraphBidiInfo<'t>,
}

impl<'t> BidiParagraph<'t> {
    /// Resolves the levels of `text`, which must not contain a paragraph separator.
    pub fn new(text: &'t str, direction: TextDirection) -> Self {
        let level = match direction {
            TextDirection::Auto => None,
            TextDirection::Rtl => Some(Level::rtl()),
            TextDirection::Ltr => Some(Level::ltr()),
        };
        Self {
            info: ParagraphBidiInfo::new(text, level),
        }
    }

    /// The resolved base direction: [`TextDirection::Rtl`] or [`TextDirection::Ltr`].
    pub fn direction(&self) -> TextDirection {
        if self.info.paragraph_level.is_rtl() {
            TextDirection::Rtl
        } else {
            TextDirection::Ltr
        }
    }

    /// Whether the paragraph's base direction is right to left.
    pub fn is_rtl(&self) -> bool {
        self.info.paragraph_level.is_rtl()
    }

    /// The pieces of the line `line` (a byte range of the paragraph on char boundaries),
    /// left-most first. An empty range gives no pieces.
    pub fn visual_pieces(&self, line: Range<usize>) -> Vec<VisualPiece> {
        let text = self.info.text;
        let mut out = Vec::new();
        if line.is_empty() || line.end > text.len() {
            return out;
        }
        let (levels, runs) = self.info.visual_runs(line);
        for run in runs {
            let rtl = levels.get(run.start).is_some_and(|level| level.is_rtl());
            let Some(run_text) = text.get(run) else {
                continue;
            };
            let mut pieces = split_level_run(run_text, rtl);
            if rtl {
                pieces.reverse();
            }
            out.extend(pieces.into_iter().map(|piece| VisualPiece {
                text: if rtl {
                    mirror_piece(piece)
                } else {
                    piece.to_owned()
                },
                rtl,
            }));
        }
        out
    }
}

/// Splits one level run (logical order) into pieces harfrust shapes correctly one by one.
fn split_level_run(run: &str, rtl: bool) -> Vec<&str> {
    let mut pieces: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut letters = false;
    for (i, c) in run.char_indices() {
        if i == 0 {
            letters = rtl && is_rtl_letter(c);
            continue;
        }
        let joins = if is_attached(c) {
            true
        } else if rtl {
            letters && is_rtl_letter(c)
        } else {
            !letters && !has_rtl_script_range(c)
        };
        if !joins {
            push_piece(&mut pieces, &run[start..i], rtl);
            start = i;
            letters = if rtl {
                is_rtl_letter(c)
            } else {
                has_rtl_script_range(c)
            };
        }
    }
    if start < run.len() {
        push_piece(&mut pieces, &run[start..], rtl);
    }
    pieces
}

/// Pushes `piece`, or its characters one by one when harfrust would guess its direction wrong.
fn push_piece<'a>(pieces: &mut Vec<&'a str>, piece: &'a str, rtl: bool) {
    let needs_split = if rtl {
        // A run of only script-Common right-to-left characters (e.g. "؟؟") would be shaped
        // left to right by harfrust.
        piece.chars().count() > 1 && !piece.chars().any(has_rtl_script)
    } else {
        // Characters of a right-to-left script in a left-to-right run (Arabic-Indic digits,
        // U+066A…) must not reach harfrust together: it would reverse them.
        piece.chars().any(has_rtl_script_range)
    };
    if !needs_split {
        pieces.push(piece);
        return;
    }
    let mut start = 0;
    for (i, c) in piece.char_indices() {
        if i > 0 && !is_attached(c) {
            pieces.push(&piece[start..i]);
            start = i;
        }
    }
    pieces.push(&piece[start..]);
}

/// Right-to-left letters: the characters harfrust joins and reverses in one run.
fn is_rtl_letter(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::AL | BidiClass::R)
}

/// Marks and format characters stay with the character before them (ZWNJ stays in its word).
fn is_attached(c: char) -> bool {
    matches!(bidi_class(c), BidiClass::NSM | BidiClass::BN)
}

/// Whether harfrust sees `c` as being of a right-to-left script (so a run holding it is
/// shaped right to left). Arabic punctuation shared with other scripts is script Common.
fn has_rtl_script(c: char) -> bool {
    has_rtl_script_range(c) && !matches!(c, '\u{060C}' | '\u{061B}' | '\u{061F}' | '\u{0640}')
}

/// Blocks of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo… and their
/// presentation forms): anything here must not share a left-to-right section.
fn has_rtl_script_range(c: char) -> bool {
    matches!(
        c,
        '\u{0590}'..='\u{08FF}'
            | '\u{FB1D}'..='\u{FDFF}'
            | '\u{FE70}'..='\u{FEFF}'
            | '\u{10800}'..='\u{10FFF}'
            | '\u{1E800}'..='\u{1EFFF}'
    )
}

/// Mirrors the first character of a single-character piece of a right-to-left run.
fn mirror_piece(piece: &str) -> String {
    let mut chars = piece.chars();
    match chars.next() {
        Some(first) if !is_rtl_letter(first) => {
            let mut out = String::with_capacity(piece.len());
            out.push(mirrored(first));
            out.push_str(chars.as_str());
            out
        }
        _ => piece.to_owned(),
    }
}

/// The Bidi_Mirroring_Glyph of `c` (UCD BidiMirroring.txt) for the characters a title or a
/// sentence on the wall can hold; `c` itself otherwise.
pub fn mirrored(c: char) -> char {
    const PAIRS: &[(char, char)] = &[
        ('(', ')'),
        ('[', ']'),
        ('{', '}'),
        ('<', '>'),
        ('«', '»'),
        ('‹', '›'),
        ('⁅', '⁆'),
        ('⁽', '⁾'),
        ('₍', '₎'),
        ('≤', '≥'),
        ('≪', '≫'),
        ('⟨', '⟩'),
        ('⟦', '⟧'),
        ('〈', '〉'),
        ('《', '》'),
        ('「', '」'),
        ('『', '』'),
        ('【', '】'),
        ('〔', '〕'),
        ('（', '）'),
        ('［', '］'),
        ('｛', '｝'),
        ('＜', '＞'),
    ];
    PAIRS
        .iter()
        .find_map(|&(open, close)| {
            if c == open {
                Some(close)
            } else if c == close {
                Some(open)
            } else {
                None
            }
        })
        .unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn visual(text: &str, direction: TextDirection) -> Vec<String> {
        let paragraph = BidiParagraph::new(text, direction);
        paragraph
            .visual_pieces(0..text.len())
            .into_iter()
            .map(|piece| piece.text)
            .collect()
    }

    #[test]
    fn arabic_words_come_right_to_left_and_number_stays_left_to_right() {
        // Chromium shows "من %45 تنفيذ تم" from left to right.
        assert_eq!(
            visual("تم تنفيذ 45% من", TextDirection::Auto),
            ["من", " ", "%", "45", " ", "تنفيذ", " ", "تم"]
        );
    }

    #[test]
    fn brackets_are_mirrored_in_a_right_to_left_run() {
        assert_eq!(
            visual("عدد (727 قرار)", TextDirection::Auto),
            ["(", "قرار", " ", "727", ")", " ", "عدد"]
        );
    }

    #[test]
    fn arabic_script_digits_are_given_one_by_one() {
        assert_eq!(
            visual("سال ۱۴۰۲", TextDirection::Auto),
            ["۱", "۴", "۰", "۲", " ", "سال"]
        );
    }

    #[test]
    fn zwnj_stays_inside_its_word() {
        assert_eq!(
            visual("گزارش سه‌ماهه", TextDirection::Auto),
            ["سه\u{200C}ماهه", " ", "گزارش"]
        );
    }

    #[test]
    fn latin_inside_arabic_is_one_left_to_right_piece() {
        assert_eq!(
            visual("نظام Icams للمتابعة", TextDirection::Auto),
            ["للمتابعة", " ", "Icams", " ", "نظام"]
        );
    }

    #[test]
    fn decision_number_reads_as_typed() {
        assert_eq!(
            visual("القرار 18/212/02", TextDirection::Auto),
            ["18/212/02", " ", "القرار"]
        );
    }

    #[test]
    fn left_to_right_paragraph_keeps_its_order() {
        let paragraph = BidiParagraph::new("Report (Q3) 45%", TextDirection::Auto);
        assert!(!paragraph.is_rtl());
        assert_eq!(
            visual("Report (Q3) 45%", TextDirection::Auto),
            ["Report (Q3) 45%"]
        );
    }

    #[test]
    fn forced_direction_overrides_the_first_strong_character() {
        assert!(BidiParagraph::new("Icams نظام", TextDirection::Rtl).is_rtl());
        assert!(!BidiParagraph::new("نظام", TextDirection::Ltr).is_rtl());
        assert!(!BidiParagraph::new("18/212/02", TextDirection::Auto).is_rtl());
    }

    #[test]
    fn empty_line_has_no_pieces() {
        assert!(
            BidiParagraph::new("", TextDirection::Auto)
                .visual_pieces(0..0)
                .is_empty()
        );
    }

    #[test]
    fn mirroring_is_symmetric() {
        for c in "()[]{}<>«»".chars() {
            assert_eq!(mirrored(mirrored(c)), c);
            assert_ne!(mirrored(c), c);
        }
        assert_eq!(mirrored('a'), 'a');
    }
}
