//! The wall says only what its catalogue holds (`shared/locales/<lang>/wall.ftl`): every id its
//! code asks for is in every language, every message is used, every board in every language
//! finds all its words, and an English wall over Latin names draws no Arabic letter, so a
//! string written into the code instead of the catalogue is caught.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::{Local, TimeZone};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::feed::DatasetSource;
use rasid_kiosk::playlist::PlaylistItem;
use rasid_kiosk::text::Digits;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, Dataset, KpiThresholds};
use rasid_shared::demo::demo_today;
use rasid_shared::format::Language;
use rasid_shared::i18n::{self, WALL};
use rasid_shared::model::{Center, RecordEnvelope};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The sources whose words are the wall's: the kiosk's code and the shared calendar names.
fn wall_sources() -> Vec<(PathBuf, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![root.join("../shared/src/format.rs")];
    let mut dirs = vec![root.join("src")];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let s = std::fs::read_to_string(&p).unwrap();
            (p, s)
        })
        .collect()
}

/// The ids asked for in `src`: the string literal that is the first argument of `tr(`,
/// `tr_args(`, `count(`, `count_args(`, or the second of `message(language, …`.
fn ids_asked_for(src: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for call in ["tr(", "tr_args(", "count(", "count_args(", "message("] {
        for (at, _) in src.match_indices(call) {
            let before = src[..at].chars().next_back().unwrap_or(' ');
            if before.is_alphanumeric() || before == '_' {
                continue;
            }
            let mut rest = src[at + call.len()..].trim_start();
            if call == "message(" {
                // message(language, "id", …): skip the language argument.
                let Some(comma) = rest.find(',') else {
                    continue;
                };
                if rest[..comma].contains(['(', '"']) {
                    continue;
                }
                rest = rest[comma + 1..].trim_start();
            }
            let Some(literal) = rest.strip_prefix('"') else {
                continue;
            };
            if let Some(end) = literal.find('"') {
                ids.push(literal[..end].to_string());
            }
        }
    }
    ids
}

/// The message ids of a catalogue's text.
fn catalogue_ids(source: &str) -> BTreeSet<String> {
    let resource = fluent_syntax::parser::parse(source).unwrap();
    resource
        .body
        .iter()
        .filter_map(|e| match e {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn every_id_the_wall_asks_for_is_in_every_catalogue() {
    let mut asked = BTreeMap::new();
    for (path, src) in wall_sources() {
        for id in ids_asked_for(&src) {
            asked
                .entry(id)
                .or_insert_with(|| path.display().to_string());
        }
    }
    assert!(asked.len() > 150, "the scan found only {} ids", asked.len());
    for c in WALL {
        let have = catalogue_ids(c.source);
        let missing: Vec<String> = asked
            .iter()
            .filter(|(id, _)| !have.contains(*id))
            .map(|(id, path)| format!("{id} (asked for in {path})"))
            .collect();
        assert!(missing.is_empty(), "{} lacks: {missing:#?}", c.path);
    }
}

#[test]
fn every_message_of_the_catalogue_is_used_by_the_wall() {
    let asked: BTreeSet<String> = wall_sources()
        .iter()
        .flat_map(|(_, src)| ids_asked_for(src))
        .collect();
    let unused: Vec<String> = catalogue_ids(WALL[0].source)
        .into_iter()
        .filter(|id| !asked.contains(id))
        .collect();
    assert!(unused.is_empty(), "messages no code asks for: {unused:#?}");
}

#[test]
fn the_scan_finds_ids_in_every_way_the_wall_asks_for_them() {
    let src = r#"
        env.tr("a-one");
        env.tr_args(
            "a-two", &[]);
        self.env.count("a-three", n);
        e.count_args("a-four", n, &[]);
        message(language, "a-five", &args);
        let n = items.iter().count();
        self.tr_args(id, &args);
        xtr("not-an-id");
    "#;
    assert_eq!(
        ids_asked_for(src),
        ["a-one", "a-two", "a-three", "a-four", "a-five"]
    );
}

fn context() -> BoardContext {
    BoardContext {
        today: demo_today(),
        kpi: KpiThresholds::default(),
    }
}

/// A wall showing `board` of `data` in `language` and `digits`, with a fixed clock.
fn wall(board: BoardName, data: Dataset, language: Language, digits: Digits) -> Wall {
    let mut env = default_env(Theme::new(ThemeName::Dark), demo_today());
    env.language = language;
    env.digits = digits;
    let playlist = vec![PlaylistItem {
        board,
        seconds: 3600,
        filter: BoardFilter::default(),
    }];
    let mut w = Wall::new(env, Box::new(DatasetSource::new(data, context())), playlist);
    w.clock = Clock::Fixed(Local.with_ymd_and_hms(2024, 2, 12, 10, 30, 0).unwrap());
    w
}

/// Every text the wall drew, as the accessibility tree has it, after the board, then its
/// help, then its filter box with a query that matches nothing.
fn drawn_texts(w: Wall) -> Vec<String> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), w);
    let mut texts = Vec::new();
    let mut collect = |h: &Harness<'_, Wall>| {
        for node in h.query_all(By::new().include_labels()) {
            let n = node.accesskit_node();
            texts.extend(n.label().or(n.value()));
        }
    };
    h.run_steps(2);
    collect(&h);
    h.key_press(egui::Key::H);
    h.run_steps(2);
    collect(&h);
    h.key_press(egui::Key::Escape);
    h.key_press(egui::Key::F);
    h.run_steps(1);
    h.event(egui::Event::Text("zzz".into()));
    h.run_steps(2);
    collect(&h);
    texts
}

#[test]
fn every_board_in_every_language_finds_all_its_words() {
    let data = rasid_kiosk::demo::demo_dataset();
    for c in WALL {
        for board in BoardName::ALL {
            let texts = drawn_texts(wall(board, data.clone(), c.language, Digits::Western));
            assert!(!texts.is_empty());
        }
        // Before any data arrives.
        drawn_texts(wall(
            BoardName::Budget,
            Dataset::default(),
            c.language,
            Digits::Western,
        ));
    }
    assert_eq!(i18n::misses(), Vec::<String>::new());
}

fn arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// `v` with every string in Arabic script replaced by Latin: a `…_ar` field by its `…_en`
/// sibling when there is one, anything else by a stable "Latin N" (the same text, the same N).
fn latinise(v: &mut serde_json::Value, seen: &mut BTreeMap<String, String>) {
    match v {
        serde_json::Value::Object(map) => {
            let english: BTreeMap<String, serde_json::Value> = map
                .iter()
                .filter_map(|(k, v)| Some((k.strip_suffix("_en")?.to_string(), v.clone())))
                .collect();
            for (k, field) in map.iter_mut() {
                match k.strip_suffix("_ar").and_then(|base| english.get(base)) {
                    Some(en) => *field = en.clone(),
                    None => latinise(field, seen),
                }
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(|i| latinise(i, seen)),
        serde_json::Value::String(s) if s.chars().any(arabic_script) => {
            let n = seen.len() + 1;
            *s = seen
                .entry(s.clone())
                .or_insert_with(|| format!("Latin {n}"))
                .clone();
        }
        _ => {}
    }
}

/// The demo's records and centers with every name, title, unit and sector in Latin letters.
fn latin_demo() -> Dataset {
    let d = rasid_shared::demo::generate();
    let mut seen = BTreeMap::new();
    let mut centers = serde_json::to_value(&d.centers).unwrap();
    latinise(&mut centers, &mut seen);
    let mut records = serde_json::to_value(&d.records).unwrap();
    latinise(&mut records, &mut seen);
    let centers: Vec<Center> = serde_json::from_value(centers).unwrap();
    let records: Vec<RecordEnvelope> = serde_json::from_value(records).unwrap();
    assert!(!seen.is_empty(), "the demo has Arabic data to replace");
    Dataset::from_envelopes(centers, records)
}

#[test]
fn an_english_wall_over_latin_names_draws_no_arabic_letter() {
    let data = latin_demo();
    let mut drawn = 0;
    for board in BoardName::ALL {
        let texts = drawn_texts(wall(
            board,
            data.clone(),
            Language::English,
            Digits::Western,
        ));
        drawn += texts.len();
        let arabic: Vec<&String> = texts
            .iter()
            .filter(|t| t.chars().any(arabic_script))
            .collect();
        assert!(
            arabic.is_empty(),
            "board {}: Arabic script drawn on an English wall (a string not in the \
             catalogue?): {arabic:#?}",
            board.as_str()
        );
    }
    assert!(drawn > 400, "only {drawn} texts were read from the walls");
}

/// The same check sees Arabic when there is some: the Arabic wall over the same data.
#[test]
fn the_arabic_wall_over_latin_names_is_seen_to_draw_arabic() {
    let texts = drawn_texts(wall(
        BoardName::Budget,
        latin_demo(),
        Language::Arabic,
        Digits::Western,
    ));
    assert!(texts.iter().any(|t| t.chars().any(arabic_script)));
}
