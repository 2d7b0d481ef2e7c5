//! The report of a refused file in the clerk's language (`ImportError::report`): a bad file's
//! report in Arabic and Persian holds no Latin letter but the file's name, the clerk's own
//! values and the names of file formats; each language's report of one bad file is a committed
//! snapshot (`tests/snapshots/import-report.{ar,fa,en}.txt`, rewritten with
//! `UPDATE_SNAPSHOTS=1`); and every message id the code names is in `import.ftl`, and every id
//! there is named by the code.
// Test code: a failed unwrap is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use rasid_agent::import::{ImportError, ImportOptions, read_file};
use rasid_shared::format::Language;
use rasid_shared::i18n::{AGENT_COMMANDS, AGENT_IMPORT, Catalogue, misses};
use rasid_shared::model::CenterCode;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const LANGUAGES: [(Language, &str); 3] = [
    (Language::Arabic, "ar"),
    (Language::Persian, "fa"),
    (Language::English, "en"),
];

/// A fixture by a path relative to the agent's folder (where cargo runs its tests), so that the
/// reports, which name the file, are the same on every machine.
fn fixture(name: &str) -> PathBuf {
    Path::new("../tests/fixtures").join(name)
}

fn opts() -> ImportOptions {
    let d = NaiveDate::from_ymd_opt(2025, 6, 30).unwrap();
    ImportOptions {
        center: CenterCode::new("MOH").unwrap(),
        as_of: d,
        today: d,
        kind: None,
        encoding: None,
        calendar: None,
    }
}

fn refused(name: &str) -> ImportError {
    read_file(&fixture(name), &opts(), &mut |_| {}).unwrap_err()
}

/// What a report shows as it was written, in any language: the file's name, the sheets' and
/// columns' names as the file has them, and the values inside the messages.
fn kept_as_written(e: &ImportError) -> Vec<String> {
    let mut out = Vec::new();
    match e {
        ImportError::Unreadable { file, detail } | ImportError::Unsupported { file, detail } => {
            out.push(file.display().to_string());
            out.extend(detail.msg.values().into_iter().map(str::to_string));
        }
        ImportError::Problems { file, problems, .. } => {
            out.push(file.display().to_string());
            for p in problems {
                out.extend(p.location.sheet.clone());
                out.extend(p.location.column.clone());
                out.extend(p.msg.values().into_iter().map(str::to_string));
            }
        }
    }
    // Longest first, so that a value holding a shorter one goes whole.
    out.sort_by_key(|v| std::cmp::Reverse(v.chars().count()));
    out
}

/// The words of `report` not written by the catalogue taken out: the file's name, the clerk's
/// values, and the extensions of file formats (`.xlsx`), which a clerk reads as written.
fn catalogue_words(report: &str, e: &ImportError) -> String {
    let mut text = report.to_string();
    for v in kept_as_written(e) {
        if !v.is_empty() {
            text = text.replace(&v, " ");
        }
    }
    for ext in [".xlsx", ".xls", ".ods", ".csv", ".txt", ".json"] {
        text = text.replace(ext, " ");
    }
    text
}

/// The refused files whose reports are checked: every kind of problem the import finds in a
/// clerk's file, a damaged workbook, and a file of a kind the agent does not import (refused by
/// its ending before it is read: there is no such file).
const BAD_FILES: [&str; 6] = [
    "report/decision-status-report.csv",
    "report/budget-report.csv",
    "report/budget-duplicate.csv",
    "decision-status-errors.xlsx",
    "damaged/budget-damaged-fat.xls",
    "report/minutes.docx",
];

#[test]
fn an_arabic_or_persian_report_has_no_latin_letter_but_the_files_own_words() {
    for name in BAD_FILES {
        let e = refused(name);
        for (language, code) in &LANGUAGES[..2] {
            let report = e.report(*language);
            let left = catalogue_words(&report, &e);
            let latin: Vec<&str> = left
                .split(|c: char| !c.is_ascii_alphabetic())
                .filter(|w| !w.is_empty())
                .collect();
            assert!(
                latin.is_empty(),
                "{code}: {name}: English words {latin:?} in the report:\n{report}"
            );
        }
    }
    assert!(misses().is_empty(), "{:?}", misses());
}

#[test]
fn every_language_finds_every_message_of_the_bad_files() {
    for name in BAD_FILES {
        let e = refused(name);
        for (language, code) in LANGUAGES {
            let report = e.report(language);
            assert!(
                !report.contains("import-") && !report.contains("record-"),
                "{code}: {name}: a message id is shown:\n{report}"
            );
        }
        // The English report is the error's text.
        assert_eq!(e.report(Language::English), e.to_string());
    }
    assert!(misses().is_empty(), "{:?}", misses());
}

#[test]
fn each_languages_report_of_a_bad_file_is_its_snapshot() {
    let e = refused("report/decision-status-report.csv");
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    for (language, code) in LANGUAGES {
        let report = format!("{}\n", e.report(language));
        let path = Path::new("tests/snapshots").join(format!("import-report.{code}.txt"));
        if update {
            std::fs::write(&path, &report).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&path).unwrap_or_else(|err| {
            panic!(
                "{}: {err}; write it with UPDATE_SNAPSHOTS=1 and read it",
                path.display()
            )
        });
        assert!(
            report == expected,
            "{code}: the report differs from {}:\n{report}",
            path.display()
        );
    }
}

/// Every string literal in `dir`'s Rust files that looks like an id of `import.ftl`.
fn ids_named_in(dir: &Path, out: &mut BTreeSet<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            ids_named_in(&path, out);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, _) in text.match_indices('"') {
            let rest = &text[i + 1..];
            if !(rest.starts_with("import-") || rest.starts_with("record-")) {
                continue;
            }
            let id: String = rest
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-')
                .collect();
            if rest[id.len()..].starts_with('"') {
                out.insert(id);
            }
        }
    }
}

#[test]
fn every_id_the_code_names_is_in_the_catalogue_and_every_id_there_is_named() {
    let mut named = BTreeSet::new();
    ids_named_in(Path::new("src"), &mut named);
    ids_named_in(Path::new("../shared/src"), &mut named);
    let ids_of = |files: &[Catalogue; 3]| -> BTreeSet<String> {
        let english = files
            .iter()
            .find(|c| c.language == Language::English)
            .unwrap();
        english
            .source
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(id, _)| id))
            .filter(|id| {
                !id.is_empty()
                    && id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
            })
            .map(str::to_string)
            .collect()
    };
    let catalogue = ids_of(&AGENT_IMPORT);
    // The import command's own words (no files named, a bad --kind …) are the commands' file's.
    let commands = ids_of(&AGENT_COMMANDS);
    let missing: Vec<&String> = named
        .iter()
        .filter(|id| !catalogue.contains(*id) && !commands.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "named in the code, in neither import.ftl nor agent.ftl: {missing:?}"
    );
    let unused: Vec<&String> = catalogue.difference(&named).collect();
    assert!(
        unused.is_empty(),
        "in import.ftl, named nowhere: {unused:?}"
    );
}
