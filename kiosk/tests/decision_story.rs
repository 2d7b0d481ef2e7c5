//! One decision's story on the wall: the operator presses D (or #), types the number in any
//! digits, Enter opens the story full screen, Escape returns to the rotation; an unknown number
//! is said on screen and nothing else changes; a row of the overdue board opens its decision.
//! Snapshots at 1080p and 4K in Arabic and 1080p in Persian, looked at before being committed
//! (`UPDATE_SNAPSHOTS=1 cargo test -p rasid-kiosk --test decision_story`).
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::playlist::{PlaylistItem, default_playlist};
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, KpiThresholds, aggregate_overdue};
use rasid_shared::demo::demo_today;
use rasid_shared::model::DecisionNumber;

/// The demo wall with the demo's status history, on `playlist`, at a fixed clock.
fn wall(playlist: Vec<PlaylistItem>) -> Wall {
    let today = demo_today();
    let source = rasid_kiosk::demo::demo_source(BoardContext {
        today,
        kpi: KpiThresholds::default(),
    });
    let mut w = Wall::new(
        default_env(Theme::new(ThemeName::Dark), today),
        Box::new(source),
        playlist,
    );
    w.clock = Clock::Fixed(
        chrono::DateTime::parse_from_rfc3339("2024-02-12T10:30:00+02:00")
            .unwrap()
            .with_timezone(&chrono::Local),
    );
    w
}

fn harness(w: Wall) -> Harness<'static, Wall> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), w);
    h.run_steps(1);
    h
}

fn rendered(w: Wall, width: f32, height: f32) -> Harness<'static, Wall> {
    let ppp = height / 1080.0;
    let mut h = Harness::builder()
        .with_size(egui::vec2(width / ppp, 1080.0))
        .with_pixels_per_point(ppp)
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .wgpu()
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), w);
    h.run_steps(3);
    h
}

fn story_of(number: &str) -> Wall {
    let mut w = wall(default_playlist());
    w.open_story(number.parse::<DecisionNumber>().unwrap());
    w
}

fn type_number(h: &mut Harness<'static, Wall>, open: Key, digits: &str) {
    h.key_press(open);
    h.run_steps(1);
    assert_eq!(h.state().story_query.as_deref(), Some(""));
    h.event(egui::Event::Text(digits.into()));
    h.run_steps(1);
    h.key_press(Key::Enter);
    h.run_steps(2);
}

#[test]
fn arabic_indic_digits_and_enter_open_the_story_and_escape_returns_to_the_rotation() {
    let mut h = harness(wall(default_playlist()));
    let board = h.state().shown().board;
    type_number(&mut h, Key::D, "١٨/٢١٢/٠٢");
    assert_eq!(
        h.state().story.map(|(n, _)| n.to_string()).as_deref(),
        Some("18/212/02")
    );
    assert!(
        h.state().paused,
        "the rotation waits while the story is open"
    );
    h.get_by_label("قصة قرار");
    h.get_by_label("القرار رقم ١٨/٢١٢/٠٢");
    h.key_press(Key::Escape);
    h.run_steps(1);
    assert_eq!(h.state().story, None);
    assert!(!h.state().paused, "the rotation goes on as it was");
    assert_eq!(h.state().shown().board, board);
    assert!(h.query_by_label("قصة قرار").is_none());
}

#[test]
fn an_unknown_number_is_said_on_screen_and_nothing_else_changes() {
    let mut h = harness(wall(default_playlist()));
    let board = h.state().shown().board;
    type_number(&mut h, Key::D, "۱۸/۹۹۹/۰۱");
    assert_eq!(h.state().story, None);
    assert!(!h.state().paused);
    assert_eq!(h.state().shown().board, board);
    h.get_by_label("لا يوجد قرار برقم ١٨/٩٩٩/٠١ لدى المجمّع");
    // Any key puts the message away.
    h.key_press(Key::Escape);
    h.run_steps(1);
    assert_eq!(h.state().story_notice, None);

    type_number(&mut h, Key::D, "18-212");
    assert_eq!(h.state().story, None);
    h.get_by_label_contains("ليس رقم قرار");
}

#[test]
fn the_story_reads_as_a_person_reads_it() {
    let h = harness(story_of("18/212/02"));
    h.get_by_label("إطلاق برنامج وطني لتشغيل الخريجين");
    h.get_by_label("متأخر ٧٩ يوماً");
    h.get_by_label("موعد التنفيذ: ٢٥ نوفمبر ٢٠٢٣");
    h.get_by_label_contains("الجلسة ٢١٢ بتاريخ ١٩ يونيو ٢٠٢٣");
    h.get_by_label("وزارة التنمية الاجتماعية (الجهة الرئيسية)");
    // Three reports of the ministry, oldest at the right (first in reading order).
    let dates = ["٢٩ يونيو ٢٠٢٣", "٧ يوليو ٢٠٢٣", "١٥ يوليو ٢٠٢٣"];
    let xs: Vec<f32> = dates
        .iter()
        .map(|d| h.get_by_label(d).rect().max.x)
        .collect();
    assert!(xs[0] > xs[1] && xs[1] > xs[2], "{xs:?}");
    // The note of the ministry's last report.
    h.get_by_label("لم تتوفر المخصصات المالية بعد");
    h.get_by_label("٥ يوليو ٢٠٢٣: كتاب رسمي — وزارة التنمية الاجتماعية");
    h.get_by_label("١٨/١٨٨/٠١");
    h.get_by_label("تخصيص قطعة أرض حكومية لإقامة مدرسة ثانوية");
}

#[test]
fn a_row_of_the_overdue_board_opens_its_decision() {
    let mut h = harness(wall(vec![PlaylistItem {
        board: BoardName::Overdue,
        seconds: 3600,
        filter: BoardFilter::default(),
    }]));
    h.run_steps(1);
    let today = demo_today();
    let most_overdue = aggregate_overdue(
        &rasid_kiosk::demo::demo_dataset(),
        &BoardFilter::default(),
        today,
    )
    .rows[0]
        .number;
    let env = default_env(Theme::new(ThemeName::Dark), today);
    let shown = env.digits_of(&most_overdue.to_string());
    h.get_by_label(&format!("عرض قصة القرار {shown}")).click();
    h.run_steps(2);
    assert_eq!(h.state().story.map(|(n, _)| n), Some(most_overdue));
    h.get_by_label_contains(&format!("رقم {shown}"));
    h.get_by_label("قصة قرار");
    h.key_press(Key::Escape);
    h.run_steps(1);
    assert_eq!(h.state().story, None);
}

#[test]
fn the_hash_key_opens_the_box_too() {
    let mut h = harness(wall(default_playlist()));
    h.event(egui::Event::Text("#".into()));
    h.run_steps(1);
    assert_eq!(h.state().story_query.as_deref(), Some(""));
    h.key_press(Key::Escape);
    h.run_steps(1);
    assert_eq!(h.state().story_query, None);
}

// ---- Snapshots -------------------------------------------------------------------------

#[test]
fn decision_story_1080p() {
    rendered(story_of("18/212/02"), 1920.0, 1080.0).snapshot("decision_story_1080p");
}

#[test]
fn decision_story_4k() {
    rendered(story_of("18/212/02"), 3840.0, 2160.0).snapshot("decision_story_4k");
}

#[test]
fn decision_story_fa_1080p() {
    let cfg = rasid_kiosk::config::parse(
        "[wall]\nlanguage = \"persian\"\ncalendar = \"solar-hijri\"\ndigits = \"persian\"\n\
         [[screen]]\nname = \"tehran\"\nboards = [{ board = \"overdue\" }]\n",
    )
    .unwrap();
    let mut w = wall(default_playlist());
    w.apply_config(&cfg, None).unwrap();
    w.open_story("18/212/02".parse().unwrap());
    rendered(w, 1920.0, 1080.0).snapshot("decision_story_fa_1080p");
}
