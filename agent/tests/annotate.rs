//! The annotated copy of a refused file (`rasid_agent::annotate`, `import --annotate DIR`), read
//! back with calamine: the problems sheet lists each problem by sheet, row and column, the data
//! sheet holds the original's cells, and each bad cell carries a note and a red fill.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use calamine::{Data, Range, Reader, open_workbook_auto_from_rs};
use chrono::NaiveDate;
use rasid_agent::annotate::annotated_copy;
use rasid_agent::import::{ImportError, ImportOptions, read_file};
use rasid_agent::template::Language;
use rasid_shared::model::CenterCode;
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/")).join(name)
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

fn sheets(bytes: &[u8]) -> Vec<(String, Range<Data>)> {
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.sheet_names()
        .into_iter()
        .map(|n| {
            let r = book.worksheet_range(&n).unwrap();
            (n, r)
        })
        .collect()
}

/// Each filled cell with its absolute position (0-based row, column).
fn cells(range: &Range<Data>) -> Vec<((u32, u32), Data)> {
    let (r0, c0) = range.start().unwrap();
    range
        .used_cells()
        .filter(|(_, _, d)| !matches!(d, Data::Empty))
        .map(|(r, c, d)| ((r0 + r as u32, c0 + c as u32), d.clone()))
        .collect()
}

/// The text of every file in the zip whose name starts with `prefix`.
fn zipped(bytes: &[u8], prefix: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = String::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().starts_with(prefix) {
            f.read_to_string(&mut out).unwrap();
        }
    }
    out
}

/// The problems sheet's rows below its header: sheet, row, column, problem.
fn listed(range: &Range<Data>, header: &str) -> Vec<[String; 4]> {
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|d| d.to_string()).collect())
        .collect();
    let at = rows.iter().position(|r| r[0] == header).unwrap();
    rows[at + 1..]
        .iter()
        .map(|r| [r[0].clone(), r[1].clone(), r[2].clone(), r[3].clone()])
        .collect()
}

/// A problem's sheet, row, column and message.
type Problem = (Option<String>, Option<usize>, Option<String>, String);

fn problems(err: &ImportError) -> Vec<Problem> {
    problems_in(err, Language::English)
}

/// The same, each message as a copy in `language` writes it.
fn problems_in(err: &ImportError, language: Language) -> Vec<Problem> {
    let ImportError::Problems { problems, .. } = err else {
        panic!("{err}")
    };
    problems
        .iter()
        .map(|p| {
            (
                p.location.sheet.clone(),
                p.location.row,
                p.location.column.clone(),
                p.msg.render(language),
            )
        })
        .collect()
}

fn cell_name(row: u32, col: u32) -> String {
    format!("{}{}", char::from(b'A' + col as u8), row + 1)
}

/// The column (0-based) of `header` in the sheet's header row `row` (0-based).
fn column(range: &Range<Data>, row: u32, header: &str) -> u32 {
    cells(range)
        .into_iter()
        .find(|((r, _), d)| *r == row && d.to_string().trim() == header)
        .map(|((_, c), _)| c)
        .unwrap_or_else(|| panic!("no column {header}"))
}

#[test]
fn a_refused_xlsx_comes_back_with_its_cells_its_problems_listed_and_its_bad_cells_noted() {
    let path = fixture("decision-status-errors.xlsx");
    let bytes = std::fs::read(&path).unwrap();
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let copy = annotated_copy(&path, &bytes, &err, None, Language::Arabic)
        .unwrap()
        .unwrap();
    let original = sheets(&bytes);
    let back = sheets(&copy);
    let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["المشكلات", "decision-status-errors"]);

    // The first sheet lists every problem: sheet, row, column, problem (in the copy's language).
    let expected: Vec<[String; 4]> = problems_in(&err, Language::Arabic)
        .into_iter()
        .map(|(s, r, c, m)| [s.unwrap(), r.unwrap().to_string(), c.unwrap(), m])
        .collect();
    assert_eq!(expected.len(), 6);
    assert_eq!(listed(&back[0].1, "الورقة"), expected);

    // The data sheet's cells are the original's, values and types.
    assert_eq!(cells(&back[1].1), cells(&original[0].1));

    // Every bad cell has a note naming it, with its problem, and a red fill.
    let comments = zipped(&copy, "xl/comments");
    let range = &original[0].1;
    let header_row = range.start().unwrap().0;
    for (_, row, col, message) in problems_in(&err, Language::Arabic) {
        let cell = cell_name(
            row.unwrap() as u32 - 1,
            column(range, header_row, &col.unwrap()),
        );
        assert!(
            comments.contains(&format!("ref=\"{cell}\"")),
            "{cell}: {comments}"
        );
        let start = message.split('\'').next().unwrap();
        assert!(comments.contains(start), "{message}");
    }
    assert!(comments.contains("مشكلة: "), "{comments}");
    assert!(zipped(&copy, "xl/styles.xml").contains("FFFF9C9C"));
    // The links go to the cells.
    let sheet1 = zipped(&copy, "xl/worksheets/sheet1.xml");
    assert!(
        sheet1.contains("location=\"'decision-status-errors'!"),
        "{sheet1}"
    );
}

#[test]
fn a_refused_csv_comes_back_as_one_sheet_of_its_decoded_cells() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decision-status.csv");
    // Semicolons, a title-less header, an empty line: row numbers are line numbers.
    std::fs::write(
        &path,
        "رقم القرار;الحالة;نسبة الإنجاز\n18/212/01;منفذ;100\n\n18/212/02;منفذة جزئيا;40\n",
    )
    .unwrap();
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    assert_eq!(
        problems(&err)
            .iter()
            .map(|(_, r, c, _)| (*r, c.clone()))
            .collect::<Vec<_>>(),
        [(Some(4), Some("الحالة".to_string()))]
    );
    let bytes = std::fs::read(&path).unwrap();
    let copy = annotated_copy(&path, &bytes, &err, None, Language::English)
        .unwrap()
        .unwrap();
    let back = sheets(&copy);
    let names: Vec<&str> = back.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["problems", "decision-status"]);
    let listed = listed(&back[0].1, "Sheet");
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0][..3], ["decision-status", "4", "الحالة"]);
    let s = |x: &str| Data::String(x.into());
    assert_eq!(
        cells(&back[1].1),
        [
            ((0, 0), s("رقم القرار")),
            ((0, 1), s("الحالة")),
            ((0, 2), s("نسبة الإنجاز")),
            ((1, 0), s("18/212/01")),
            ((1, 1), s("منفذ")),
            ((1, 2), s("100")),
            ((3, 0), s("18/212/02")),
            ((3, 1), s("منفذة جزئيا")),
            ((3, 2), s("40")),
        ]
    );
    let comments = zipped(&copy, "xl/comments");
    assert!(comments.contains("ref=\"B4\""), "{comments}");
    assert!(comments.contains("Problem: "), "{comments}");
}

#[test]
fn only_the_first_problems_are_listed_and_the_sheet_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("decision-status.csv");
    let mut text = String::from("رقم القرار,الحالة\n");
    for i in 1..=60 {
        text.push_str(&format!("18/{i}/01,منفذة جزئيا\n"));
    }
    std::fs::write(&path, &text).unwrap();
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let copy = annotated_copy(&path, text.as_bytes(), &err, None, Language::English)
        .unwrap()
        .unwrap();
    let back = sheets(&copy);
    assert_eq!(listed(&back[0].1, "Sheet").len(), 50);
    let said = back[0].1.get_value((1, 0)).unwrap().to_string();
    assert!(said.contains("first 50 of 60 problems"), "{said}");
}

#[test]
fn import_annotate_writes_the_copy_of_each_refused_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("moh");
    let agent = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
            .env("RASID_LANG", "en")
            .arg("--data")
            .arg(&data)
            .args(args)
            .output()
            .unwrap()
    };
    let init = agent(&[
        "init",
        "--center",
        "MOH",
        "--upstream",
        "http://127.0.0.1:9",
    ]);
    assert!(init.status.success(), "{init:?}");
    let out_dir = dir.path().join("marked");
    let fixture = fixture("decision-status-errors.xlsx");
    let out = agent(&[
        "import",
        "--annotate",
        out_dir.to_str().unwrap(),
        fixture.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let copy = out_dir.join("decision-status-errors.errors.xlsx");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("the problems are marked in {}", copy.display())),
        "{stderr}"
    );
    let back = sheets(&std::fs::read(&copy).unwrap());
    assert_eq!(back[0].0, "المشكلات");
    assert_eq!(listed(&back[0].1, "الورقة").len(), 6);

    // With --json, each problem with its place, for a script to show or mark itself.
    let out = agent(&[
        "--json",
        "import",
        "--annotate",
        out_dir.to_str().unwrap(),
        fixture.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &v[0];
    assert_eq!(file["ok"], false);
    assert_eq!(file["problems_total"], 6);
    assert_eq!(file["annotated"], copy.to_str().unwrap());
    let third = &file["problems"][2];
    assert_eq!(third["sheet"], "decision-status-errors");
    assert_eq!(third["row"], 4);
    assert_eq!(third["column"], "رقم القرار");
    assert!(
        third["message"]
            .as_str()
            .unwrap()
            .starts_with("'18/212' is not a decision number"),
        "{third}"
    );
    // The message's id in import.ftl, stable for scripts whatever the wording.
    assert_eq!(third["id"], "record-not-a-decision-number");
    assert_eq!(file["problems"].as_array().unwrap().len(), 6);
}
