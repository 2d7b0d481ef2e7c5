//! Configuration changes reach a running wall without a restart; a broken edit is reported on
//! the operator line and the last good configuration stays in force.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::playlist::default_playlist;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardName, KpiThresholds};
use std::sync::mpsc;

fn wall() -> Wall {
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
    w
}

/// The operator line's note, in English (as the log has it); empty when there is none.
fn note_of(h: &Harness<'static, Wall>) -> String {
    h.state()
        .operator_note
        .as_ref()
        .map(ToString::to_string)
        .unwrap_or_default()
}

fn harness(w: Wall) -> Harness<'static, Wall> {
    Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), w)
}

#[test]
fn edits_apply_live_and_a_broken_edit_keeps_the_last_good_configuration() {
    let (tx, rx) = mpsc::channel();
    let mut w = wall();
    w.follow_config(rx, Some("hall".into()));
    let mut h = harness(w);
    h.run_steps(2);
    assert_eq!(h.state().current().board, BoardName::DecisionExecution);

    tx.send(Ok(
        "[[screen]]\nname = \"hall\"\nboards = [{ board = \"committees\", seconds = 600 }]\n"
            .into(),
    ))
    .unwrap();
    h.run_steps(2);
    assert_eq!(h.state().playlist.len(), 1);
    assert_eq!(h.state().current().board, BoardName::Committees);
    h.get_by_label(&rasid_kiosk::boards::title(
        BoardName::Committees,
        &h.state().env,
    ));

    tx.send(Ok(
        "[[screen]]\nname = \"hall\"\nboards = [{ board = \"comittees\" }]\n".into(),
    ))
    .unwrap();
    h.run_steps(2);
    assert_eq!(
        h.state().current().board,
        BoardName::Committees,
        "the last good configuration stays"
    );
    let note = note_of(&h);
    assert!(
        note.contains("line 3") && note.contains("'comittees' is not a board"),
        "{note}"
    );
    h.query_by_label_contains("'comittees' is not a board")
        .expect("the error is on the wall");
    // In the wall's language (Arabic), the checker's words given as they are.
    h.query_by_label_contains("لم يُطبَّق الإعداد الجديد ويبقى السابق نافذاً")
        .expect("the wall says it in Arabic");
    h.snapshot("wall_config_not_applied_1080p");

    tx.send(Ok(
        "[[screen]]\nname = \"lobby\"\nboards = [{ board = \"kpi\" }]\n".into(),
    ))
    .unwrap();
    h.run_steps(2);
    assert!(note_of(&h).contains("no screen named 'hall'"));
    assert_eq!(h.state().current().board, BoardName::Committees);
}

#[test]
fn a_wall_following_the_collector_shows_its_own_screen_or_the_first_and_says_so() {
    let (tx, rx) = mpsc::channel();
    let mut w = wall();
    w.screen_fallback = true;
    w.follow_config(rx, Some("hall".into()));
    let mut h = harness(w);
    h.run_steps(2);

    // The collector's boards.toml has no screen "hall": its first screen, and a note.
    tx.send(Ok(
        "[[screen]]\nname = \"lobby\"\nboards = [{ board = \"kpi\" }]\n".into(),
    ))
    .unwrap();
    h.run_steps(2);
    assert_eq!(h.state().current().board, BoardName::Kpi);
    let note = note_of(&h);
    assert!(
        note.contains("no screen named 'hall'")
            && note.contains("showing the first screen, 'lobby'"),
        "{note}"
    );

    // Once the file has a section for "hall", the wall shows that one, and the note goes.
    tx.send(Ok(
        "[[screen]]\nname = \"lobby\"\nboards = [{ board = \"kpi\" }]\n\n\
         [[screen]]\nname = \"hall\"\nboards = [{ board = \"committees\" }]\n"
            .into(),
    ))
    .unwrap();
    h.run_steps(2);
    assert_eq!(h.state().current().board, BoardName::Committees);
    assert_eq!(h.state().operator_note, None);
}

/// A screenshot shows a board as its screen does: with a Persian, Solar Hijri configuration the
/// footer is in Persian with its date Solar Hijri in Persian digits, and the board keeps the
/// center and year its playlist gives it.
#[test]
fn a_board_shown_as_its_screen_takes_the_screens_language_digits_calendar_and_filter() {
    let cfg = rasid_kiosk::config::parse(
        "[wall]\nlanguage = \"persian\"\ncalendar = \"solar-hijri\"\ndigits = \"persian\"\n\
         [[screen]]\nname = \"tehran\"\nboards = [{ board = \"kpi\" }, { board = \"budget\", center = \"GSC\", year = 2023 }]\n",
    )
    .unwrap();
    let mut w = wall();
    w.show_as_screen(&cfg, Some("tehran"), BoardName::Budget)
        .unwrap();
    let shown = w.shown();
    assert_eq!(shown.board, BoardName::Budget);
    assert_eq!(
        shown.filter.center.as_ref().map(|c| c.as_str()),
        Some("GSC")
    );
    assert_eq!(shown.filter.year, Some(2023));
    assert_eq!(w.playlist.len(), 1, "the screenshot shows that one board");
    let mut h = harness(w);
    h.run_steps(2);
    // "داده‌ها تا": the Persian catalogue's footer, not the Arabic "البيانات حتى".
    let footer = h.get_by_label_contains("داده\u{200c}ها تا");
    assert!(h.query_by_label_contains("البيانات حتى").is_none());
    let node = egui_kittest::kittest::NodeT::accesskit_node(&footer);
    let text = node.label().or(node.value()).unwrap_or_default();
    let persian = |c: char| ('\u{06F0}'..='\u{06F9}').contains(&c);
    let arabic_indic = |c: char| ('\u{0660}'..='\u{0669}').contains(&c);
    assert!(
        text.chars().any(persian) && !text.chars().any(arabic_indic),
        "{text}"
    );
    // Solar Hijri: the year 2023 is 1401 or 1402, written ۱۴۰۱ or ۱۴۰۲.
    assert!(text.contains("۱۴۰"), "{text}");
    // A screen the file does not have is an error, not a silent default.
    let mut w = wall();
    let err = w
        .show_as_screen(&cfg, Some("lobby"), BoardName::Budget)
        .unwrap_err();
    assert!(err.contains("no screen named 'lobby'"), "{err}");
}

/// `rasid-kiosk --screenshot` reads `--config` and `--screen`: an unknown screen is refused
/// (it was ignored, and the PNG showed the default look whatever the file said).
#[test]
fn the_screenshot_command_reads_the_configuration_and_its_screen() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("boards.toml");
    std::fs::write(
        &cfg,
        "[wall]\nlanguage = \"persian\"\n[[screen]]\nname = \"tehran\"\nboards = [{ board = \"budget\" }]\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rasid-kiosk"))
        .args([
            "--demo", "--board", "budget", "--screen", "lobby", "--config",
        ])
        .arg(&cfg)
        .arg("--screenshot")
        .arg(dir.path().join("out.png"))
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success(), "{err}");
    assert!(err.contains("no screen named 'lobby'"), "{err}");
}
