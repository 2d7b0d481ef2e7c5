//! The operator narrows the wall to one center by typing its name (Arabic or English), and goes
//! back to the playlist with Escape.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rasid_kiosk::app::{Clock, Wall, default_env, fold_for_search};
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::playlist::default_playlist;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, KpiThresholds};

fn harness() -> Harness<'static, Wall> {
    let today = rasid_shared::demo::demo_today();
    let source = DatasetSource::new(
        rasid_kiosk::demo::demo_dataset(),
        BoardContext {
            today,
            kpi: KpiThresholds::default(),
        },
    );
    let mut w = Wall::new(
        default_env(Theme::new(ThemeName::Dark), today),
        Box::new(source),
        default_playlist(),
    );
    w.clock = Clock::Fixed(
        chrono::DateTime::parse_from_rfc3339("2024-02-12T10:30:00+02:00")
            .unwrap()
            .with_timezone(&chrono::Local),
    );
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), w)
}

#[test]
fn typing_a_ministry_filters_the_board_and_escape_returns_to_the_playlist() {
    let mut h = harness();
    h.run_steps(1);
    h.key_press(egui::Key::F);
    h.run_steps(1);
    assert_eq!(h.state().filter_query.as_deref(), Some(""));
    h.event(egui::Event::Text("الصحة".into()));
    h.run_steps(1);
    h.get_by_label("وزارة الصحة");
    h.key_press(egui::Key::Enter);
    h.run_steps(2);
    assert_eq!(
        h.state().center_override.as_ref().map(|c| c.as_str()),
        Some("MOH")
    );
    assert!(
        h.state().paused,
        "the rotation waits while the cabinet discusses one ministry"
    );
    h.query_by_label_contains("وزارة الصحة")
        .expect("the header names the ministry");

    h.key_press(egui::Key::Escape);
    h.run_steps(1);
    assert_eq!(h.state().center_override, None);
    assert!(!h.state().paused);
}

#[test]
fn english_codes_and_names_match_too_and_nothing_matches_nonsense() {
    let mut h = harness();
    h.run_steps(1);
    h.key_press(egui::Key::Slash);
    h.run_steps(1);
    h.event(egui::Event::Text("finance".into()));
    h.run_steps(1);
    let m = h.state_mut().filter_matches(3);
    assert_eq!(m[0].0.as_str(), "MOF", "{m:?}");
    h.event(egui::Event::Text("zzz".into()));
    h.run_steps(1);
    assert!(h.state_mut().filter_matches(3).is_empty());
    h.key_press(egui::Key::Enter);
    h.run_steps(1);
    assert_eq!(h.state().center_override, None, "no match, no filter");
}

#[test]
fn search_folding_unifies_arabic_letter_variants() {
    assert_eq!(fold_for_search("الإدارة"), fold_for_search("الادارة"));
    assert_eq!(fold_for_search("وزارة"), "وزاره");
    assert_eq!(fold_for_search("MoH"), "moh");
}
