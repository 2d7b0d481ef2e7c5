//! Arabic and Persian text on the wall, checked on laid-out glyphs (not strings) against what a
//! browser engine shows for the same text, plus one snapshot of a page of test strings.
//!
//! Positions are read from the galley: x of a glyph = its row's x + its own x. Glyphs with
//! `advance_width == 0` are skipped (egui 0.37 adds N−1 zero-width duplicates after each
//! right-to-left run of N characters, and ZWNJ is zero width).

use std::sync::Arc;

use egui::text::Galley;
use egui::{Align, Color32, Layout, Stroke, StrokeKind};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use rasid_kiosk::text::{
    self, Digits, RtlLabel, TextDirection, TextStyleSpec, format_integer, format_percent,
    layout_rtl_paragraph, rtl_label,
};

/// Glyph positions are snapped to pixels while advances are not: neighbours may overlap by
/// up to a pixel.
const SLACK: f32 = 1.5;

const SENTENCE: &str = "تم تنفيذ 45% من القرارات (727 قرار)";
const LONG_TITLE: &str = "تقرير متابعة تنفيذ قرارات مجلس الوزراء الصادرة خلال الربع الثالث من العام المالي الحالي وفق خطة العمل المعتمدة";

/// A visible glyph: its character, row, and horizontal extent in galley coordinates.
#[derive(Clone, Copy, Debug)]
struct Placed {
    chr: char,
    row: usize,
    min_x: f32,
    max_x: f32,
}

fn harness_without_ui() -> Harness<'static> {
    Harness::builder()
        .with_size(egui::vec2(800.0, 600.0))
        .with_context_setup(text::fonts::install)
        .build_ui(|_ui| {})
}

fn layout(text: &str, size: f32, max_width: f32, max_lines: Option<usize>) -> Arc<Galley> {
    let harness = harness_without_ui();
    let style = TextStyleSpec::new(size, Color32::WHITE);
    harness
        .ctx
        .fonts_mut(|fonts| layout_rtl_paragraph(fonts, text, &style, max_width, max_lines))
}

/// Visible glyphs of all rows, each row sorted left to right.
fn glyphs(galley: &Galley) -> Vec<Placed> {
    let mut out = Vec::new();
    for (row_index, placed_row) in galley.rows.iter().enumerate() {
        let mut row: Vec<Placed> = placed_row
            .row
            .glyphs
            .iter()
            .filter(|glyph| glyph.advance_width > 0.0)
            .map(|glyph| {
                let min_x = placed_row.pos.x + glyph.pos.x;
                Placed {
                    chr: glyph.chr,
                    row: row_index,
                    min_x,
                    max_x: min_x + glyph.advance_width,
                }
            })
            .collect();
        row.sort_by(|a, b| a.min_x.total_cmp(&b.min_x));
        out.extend(row);
    }
    out
}

/// The only visible glyph of `chr`.
fn glyph(galley: &Galley, chr: char) -> Placed {
    let found: Vec<Placed> = glyphs(galley)
        .into_iter()
        .filter(|g| g.chr == chr)
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one glyph of {chr:?}, got {found:?}"
    );
    found[0]
}

/// The glyphs of `word` as one contiguous visual run: for a right-to-left word its letters
/// appear right to left, i.e. reversed when read left to right. Words must not contain a
/// lam-alef (one glyph for two letters).
fn word(galley: &Galley, word: &str, rtl: bool) -> Vec<Placed> {
    let mut wanted: Vec<char> = word
        .chars()
        .filter(|c| !matches!(c, '\u{200C}' | '\u{200D}'))
        .collect();
    if rtl {
        wanted.reverse();
    }
    let all = glyphs(galley);
    // A neighbour that is a letter or digit of the same row would make this part of a longer word.
    let bounded = |neighbour: Option<&Placed>, row: usize| {
        neighbour.is_none_or(|g| g.row != row || !g.chr.is_alphanumeric())
    };
    let starts: Vec<usize> = (0..(all.len() + 1).saturating_sub(wanted.len()))
        .filter(|&i| {
            let row = all[i].row;
            all[i..i + wanted.len()]
                .iter()
                .zip(&wanted)
                .all(|(g, c)| g.chr == *c && g.row == row)
                && bounded(i.checked_sub(1).and_then(|j| all.get(j)), row)
                && bounded(all.get(i + wanted.len()), row)
        })
        .collect();
    assert_eq!(
        starts.len(),
        1,
        "expected {word:?} once as a visual run; glyphs: {:?}",
        all.iter().map(|g| g.chr).collect::<String>()
    );
    all[starts[0]..starts[0] + wanted.len()].to_vec()
}

fn min_x(glyphs: &[Placed]) -> f32 {
    glyphs.iter().map(|g| g.min_x).fold(f32::INFINITY, f32::min)
}

fn max_x(glyphs: &[Placed]) -> f32 {
    glyphs
        .iter()
        .map(|g| g.max_x)
        .fold(f32::NEG_INFINITY, f32::max)
}

/// Chars of `chars`' glyphs read left to right.
fn read_left_to_right(galley: &Galley, chars: &[char]) -> String {
    glyphs(galley)
        .into_iter()
        .filter(|g| chars.contains(&g.chr))
        .map(|g| g.chr)
        .collect()
}

#[test]
fn percent_run_sits_between_its_words_and_reads_left_to_right() {
    let galley = layout(SENTENCE, 40.0, 2000.0, None);
    assert_eq!(galley.rows.len(), 1);

    let four = glyph(&galley, '4');
    let five = glyph(&galley, '5');
    let percent = glyph(&galley, '%');
    assert!(four.max_x <= five.min_x + SLACK, "45 must read 4 then 5");
    // After Arabic letters "45%" is an Arabic number (UAX #9 W2): the % takes the paragraph
    // direction and shows on the left, as in Chromium.
    assert!(percent.max_x <= four.min_x + SLACK, "% shows left of 45");

    let tamma = word(&galley, "تم", true);
    let tanfidh = word(&galley, "تنفيذ", true);
    let min = word(&galley, "من", true);
    assert!(max_x(&min) <= percent.min_x + SLACK, "من is left of 45%");
    assert!(
        min_x(&tanfidh) >= five.max_x - SLACK,
        "تنفيذ is right of 45%"
    );
    let others_max = glyphs(&galley)
        .iter()
        .filter(|g| !tamma.iter().any(|t| t.min_x == g.min_x))
        .map(|g| g.max_x)
        .fold(f32::NEG_INFINITY, f32::max);
    assert!(
        min_x(&tamma) >= others_max - SLACK,
        "تم is the rightmost word"
    );
}

#[test]
fn brackets_face_the_reading_direction() {
    // Chromium shows the RTL paragraph "… (727 قرار)" as "(قرار 727) …" from left to right.
    let galley = layout(SENTENCE, 40.0, 2000.0, None);
    let all = glyphs(&galley);
    assert_eq!(all.first().map(|g| g.chr), Some('('), "leftmost glyph is (");
    let open = glyph(&galley, '(');
    let close = glyph(&galley, ')');
    let qarar = word(&galley, "قرار", true);
    let sevens: Vec<Placed> = all.iter().copied().filter(|g| g.chr == '7').collect();
    let two = glyph(&galley, '2');
    assert!(open.max_x <= min_x(&qarar) + SLACK, "( then قرار");
    assert!(max_x(&qarar) <= sevens[0].min_x + SLACK, "قرار then 727");
    assert_eq!(read_left_to_right(&galley, &['7', '2']), "727");
    assert!(sevens[0].max_x <= two.min_x + SLACK && two.max_x <= sevens[1].min_x + SLACK);
    assert!(sevens[1].max_x <= close.min_x + SLACK, "727 then )");
    let qararat = word(&galley, "القرارات", true);
    assert!(
        close.max_x <= min_x(&qararat) + SLACK,
        ") is left of القرارات"
    );
}

#[test]
fn arabic_indic_digits_read_left_to_right() {
    let galley = layout("عدد القرارات ٧٢٨ قراراً", 40.0, 2000.0, None);
    assert_eq!(read_left_to_right(&galley, &['٧', '٢', '٨']), "٧٢٨");
    let count = word(&galley, "عدد", true);
    assert!(glyph(&galley, '٨').max_x <= min_x(&count) + SLACK);
}

#[test]
fn persian_digits_read_left_to_right_and_zwnj_word_stays_whole() {
    let galley = layout("گزارش سه‌ماهه ۱۴۰۲", 40.0, 2000.0, None);
    assert_eq!(read_left_to_right(&galley, &['۱', '۴', '۰', '۲']), "۱۴۰۲");
    let report = word(&galley, "گزارش", true);
    let quarterly = word(&galley, "سه\u{200C}ماهه", true);
    assert!(
        max_x(&quarterly) <= min_x(&report) + SLACK,
        "سه‌ماهه left of گزارش"
    );
    assert!(
        glyph(&galley, '۲').max_x <= min_x(&quarterly) + SLACK,
        "۱۴۰۲ leftmost"
    );
}

#[test]
fn decision_number_inside_arabic_reads_as_typed() {
    let galley = layout("القرار 18/212/03 قيد التنفيذ", 40.0, 2000.0, None);
    assert_eq!(
        read_left_to_right(&galley, &['0', '1', '2', '3', '8', '/']),
        "18/212/03"
    );
    let decision = word(&galley, "القرار", true);
    assert!(glyph(&galley, '3').max_x <= min_x(&decision) + SLACK);
}

#[test]
fn latin_word_inside_arabic_reads_left_to_right_in_place() {
    let galley = layout("نظام Icams للمتابعة", 40.0, 2000.0, None);
    let icams = word(&galley, "Icams", false);
    let system = word(&galley, "نظام", true);
    let follow_up = word(&galley, "للمتابعة", true);
    assert!(max_x(&follow_up) <= min_x(&icams) + SLACK);
    assert!(max_x(&icams) <= min_x(&system) + SLACK);
}

#[test]
fn wrapped_title_keeps_first_words_on_first_row_at_the_right() {
    let galley = layout(LONG_TITLE, 40.0, 700.0, None);
    assert!(galley.rows.len() >= 2, "the title must wrap");
    assert_eq!(galley.job.halign, Align::RIGHT);
    let report = word(&galley, "تقرير", true);
    let follow_up = word(&galley, "متابعة", true);
    assert_eq!(report[0].row, 0, "first word on the first row");
    assert_eq!(follow_up[0].row, 0);
    assert!(
        max_x(&follow_up) <= min_x(&report) + SLACK,
        "first word rightmost"
    );
    let approved = word(&galley, "المعتمدة", true);
    assert_eq!(
        approved[0].row,
        galley.rows.len() - 1,
        "last word on the last row"
    );
    for (index, placed_row) in galley.rows.iter().enumerate() {
        let row_glyphs: Vec<Placed> = glyphs(&galley)
            .into_iter()
            .filter(|g| g.row == index)
            .collect();
        assert!(
            max_x(&row_glyphs).abs() <= 1.0,
            "row {index} ends at the right edge: {}",
            max_x(&row_glyphs)
        );
        assert!(placed_row.rect().width() <= 700.0 + 1.0, "row {index} fits");
    }
}

#[test]
fn truncation_puts_the_ellipsis_at_the_logical_end() {
    let galley = layout(LONG_TITLE, 40.0, 600.0, Some(2));
    assert_eq!(galley.rows.len(), 2);
    let ellipsis = glyph(&galley, '…');
    assert_eq!(ellipsis.row, 1, "ellipsis on the last kept row");
    let last_row: Vec<Placed> = glyphs(&galley).into_iter().filter(|g| g.row == 1).collect();
    assert_eq!(
        last_row.first().map(|g| g.chr),
        Some('…'),
        "in RTL the logical end is the left end"
    );
    assert_eq!(word(&galley, "تقرير", true)[0].row, 0);
    assert!(galley.size().x <= 601.0);

    let galley = layout("Cabinet decisions tracking board", 40.0, 400.0, Some(1));
    assert_eq!(galley.rows.len(), 1);
    let all = glyphs(&galley);
    assert_eq!(
        all.last().map(|g| g.chr),
        Some('…'),
        "in LTR it is the right end"
    );
    assert_eq!(all.first().map(|g| g.chr), Some('C'));
}

#[test]
fn ltr_paragraph_stays_ltr() {
    let galley = layout("Decision 18/212/02 (executed) 45%", 40.0, 2000.0, None);
    assert_eq!(galley.job.halign, Align::LEFT);
    assert!(galley.rect.min.x >= 0.0);
    let all = glyphs(&galley);
    assert_eq!(all.first().map(|g| g.chr), Some('D'));
    assert_eq!(all.last().map(|g| g.chr), Some('%'));
    assert!(glyph(&galley, '(').max_x <= glyph(&galley, ')').min_x);
    assert!(glyph(&galley, '4').max_x <= glyph(&galley, '5').min_x + SLACK);
}

#[test]
fn forced_rtl_direction_right_aligns_a_latin_first_line() {
    let harness = harness_without_ui();
    let style = TextStyleSpec::new(40.0, Color32::WHITE).with_direction(TextDirection::Rtl);
    let galley = harness
        .ctx
        .fonts_mut(|fonts| layout_rtl_paragraph(fonts, "Icams نظام", &style, 2000.0, None));
    assert_eq!(galley.job.halign, Align::RIGHT);
    let icams = word(&galley, "Icams", false);
    let system = word(&galley, "نظام", true);
    assert!(
        max_x(&system) <= min_x(&icams) + SLACK,
        "RTL: first word on the right"
    );
}

#[test]
fn rtl_label_is_found_by_its_logical_text() {
    let style = TextStyleSpec::new(40.0, Color32::WHITE);
    let harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 300.0))
        .with_context_setup(text::fonts::install)
        .build_ui(move |ui| {
            rtl_label(ui, SENTENCE, style);
        });
    harness.get_by_label(SENTENCE);
    assert!(
        harness
            .query_by_label("(قرار 727) القرارات من %45 تنفيذ تم")
            .is_none(),
        "the visual order must not be the accessible name"
    );
}

#[test]
fn label_layout_is_cached_across_frames() {
    let style = TextStyleSpec::new(40.0, Color32::WHITE);
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1000.0, 300.0))
        .with_context_setup(text::fonts::install)
        .build_ui(move |ui| {
            for name in ["مركز الرياض", "مركز جدة", "مركز الدمام"] {
                rtl_label(ui, name, style);
            }
        });
    harness.run_steps(5);
    let (entries, hits, misses) = text::context_cache_stats(&harness.ctx);
    assert_eq!(entries, 3);
    assert_eq!(misses, 3, "laid out once each");
    assert!(hits >= 3 * 5, "then served from the cache ({hits} hits)");
}

/// The page a reader checks by eye: wall sizes on the kiosk's dark background.
fn text_page(ui: &mut egui::Ui) {
    let background = Color32::from_rgb(0x12, 0x16, 0x1c);
    let white = Color32::from_rgb(0xf2, 0xf4, 0xf7);
    let muted = Color32::from_rgb(0xa9, 0xb4, 0xc2);
    let accent = Color32::from_rgb(0x5e, 0xc2, 0x8c);
    let frame = Stroke::new(1.0, Color32::from_rgb(0x3a, 0x44, 0x52));
    ui.painter().rect_filled(ui.max_rect(), 0.0, background);

    let outlined = |ui: &mut egui::Ui, label: RtlLabel<'_>| {
        let response = ui.add(label);
        ui.painter()
            .rect_stroke(response.rect, 0.0, frame, StrokeKind::Outside);
    };
    let percent = format_percent(87.5, 1, Digits::ArabicIndic);
    let count = format_integer(1234, Digits::ArabicIndic);
    let arabic_indic = format!("نسبة الإنجاز {percent} من {count} قراراً");

    ui.with_layout(Layout::top_down(Align::Max), |ui| {
        ui.spacing_mut().item_spacing.y = 14.0;
        let bold64 = TextStyleSpec::new(64.0, white).bold();
        outlined(ui, RtlLabel::new("الإدارة العامة للشؤون القانونية", bold64));
        outlined(
            ui,
            RtlLabel::new(SENTENCE, TextStyleSpec::new(52.0, accent)),
        );
        outlined(
            ui,
            RtlLabel::new(
                "گزارش سه‌ماهه ۱۴۰۲: پیگیری چک‌ها و ژتون‌های کارکنان",
                TextStyleSpec::new(48.0, white),
            ),
        );
        outlined(
            ui,
            RtlLabel::new("نظام Icams للمتابعة", TextStyleSpec::new(48.0, white)),
        );
        outlined(
            ui,
            RtlLabel::new(
                "القرار رقم 18/212/02 قيد التنفيذ",
                TextStyleSpec::new(44.0, muted),
            ),
        );
        outlined(
            ui,
            RtlLabel::new(&arabic_indic, TextStyleSpec::new(44.0, white)),
        );
        outlined(
            ui,
            RtlLabel::new(LONG_TITLE, TextStyleSpec::new(40.0, white)).max_width(1100.0),
        );
        outlined(
            ui,
            RtlLabel::new(LONG_TITLE, TextStyleSpec::new(40.0, muted))
                .max_width(900.0)
                .max_lines(1),
        );
    });
    ui.with_layout(Layout::top_down(Align::Min), |ui| {
        outlined(
            ui,
            RtlLabel::new(
                "Cabinet decisions: 45% executed (727 decisions)",
                TextStyleSpec::new(40.0, muted),
            ),
        );
    });
}

#[test]
fn text_page_snapshot() {
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(text::fonts::install)
        .wgpu()
        .build_ui(text_page);
    harness.run();
    harness.snapshot("text_page");
}
