//! What each fuzz target checks, in one place: the targets in `fuzz/` call these functions on
//! the fuzzer's inputs, and `tests/fuzz_regressions.rs` calls them on every committed corpus
//! and crash file, so the normal suite replays what fuzzing found. Not a test harness of its
//! own: each function takes any bytes and panics when a property does not hold.
//!
//! The properties, beyond "does not panic": an import that succeeds yields rows that pass
//! validation, in file order, each of which reads back the same when written as a JSON import
//! row; an import that fails says so with at most [`MAX_PROBLEMS_SHOWN`] problems, all in the
//! file; a UTF-8 byte order mark changes nothing (in a CSV file without NULs: with them, the
//! bytes may be UTF-16 without its mark); a decoded batch encodes and decodes to itself
//! and a refused one is a 400 `malformed` or `unsupported-version`; a `boards.toml` that parses
//! has screens with unique names rotating known boards within the documented limits.

pub mod sheet_grid;

use chrono::NaiveDate;
use rasid_agent::import::{
    ImportError, ImportOptions, ImportedRow, MAX_PROBLEMS_SHOWN, format_for, rows_from_sheets,
};
use rasid_collector::ApiError;
use rasid_collector::http::decode_batch;
use rasid_kiosk::config::{self, WallConfig};
use rasid_shared::board::BoardName;
use rasid_shared::model::validate::{validate_envelope, validate_record};
use rasid_shared::model::{CenterCode, RecordEnvelope};
use rasid_shared::wire::PROTOCOL_VERSION;
use serde_json::Value;
use std::path::Path;

/// The fuzz targets, named as in `fuzz/Cargo.toml` and `fuzz/corpus/<target>/`.
pub const TARGETS: [&str; 5] = [
    "import_csv",
    "import_json",
    "sheet_cells",
    "batch_decode",
    "boards_config",
];

/// Runs the check of `target` (one of [`TARGETS`]) on `data`.
pub fn check(target: &str, data: &[u8]) {
    match target {
        "import_csv" => import_csv(data),
        "import_json" => import_json(data),
        "sheet_cells" => sheet_cells(data),
        "batch_decode" => batch_decode(data),
        "boards_config" => boards_config(data),
        other => panic!("no fuzz target is called '{other}'"),
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The agent importing: center MOH, rows dated 2023-06-30 unless they say; kind, encoding and
/// calendar from the file.
fn options() -> ImportOptions {
    ImportOptions {
        center: CenterCode::new("MOH").expect("MOH is a center code"),
        as_of: NaiveDate::from_ymd_opt(2023, 6, 30).expect("a date"),
        // No row is after the last day: the fuzzed checks stay those of the records alone.
        today: NaiveDate::MAX,
        kind: None,
        encoding: None,
        calendar: None,
    }
}

/// The import of `bytes` as the file `name`, as `rasid-agent import` reads it, and the progress
/// counts it reported.
fn read(name: &str, bytes: &[u8], opts: &ImportOptions) -> Result<Vec<ImportedRow>, ImportError> {
    let path = Path::new(name);
    let format = format_for(path).expect("a known extension");
    let mut counts = Vec::new();
    let result = format.read(path, bytes, opts, &mut |n| counts.push(n));
    assert!(
        counts.is_sorted(),
        "progress went backwards reading {name}: {counts:?}"
    );
    result
}

/// A CSV file: see the module documentation.
pub fn import_csv(data: &[u8]) {
    let opts = options();
    let result = read("fuzz.csv", data, &opts);
    check_import("fuzz.csv", &result, &opts, 2);
    // Bytes with NULs in them may be UTF-16 written without its mark, which the reader detects
    // from the NULs alone; a UTF-8 mark in front of them says the opposite and wins. Text without
    // a NUL is never read as UTF-16, so the mark must change nothing.
    if !data.contains(&0) {
        same_with_bom("fuzz.csv", data, &result, &opts);
    }
}

/// A JSON import file: see the module documentation.
pub fn import_json(data: &[u8]) {
    let opts = options();
    let result = read("fuzz.json", data, &opts);
    check_import("fuzz.json", &result, &opts, 1);
    same_with_bom("fuzz.json", data, &result, &opts);
}

/// A workbook's cells (in the form of [`sheet_grid`]) through the spreadsheet import.
pub fn sheet_cells(data: &[u8]) {
    let grid = sheet_grid::decode(data);
    let opts = ImportOptions {
        kind: grid.kind,
        calendar: grid.calendar,
        ..options()
    };
    let sheets = grid.ranges();
    let path = Path::new("fuzz.xlsx");
    let mut counts = Vec::new();
    let result = rows_from_sheets(path, &sheets, &opts, &mut |n| counts.push(n));
    assert!(counts.is_sorted(), "progress went backwards: {counts:?}");
    // A sheet's rows are numbered below its header, which is at least on the sheet's first row.
    check_import("fuzz.xlsx", &result, &opts, grid.first_row as usize + 2);
    if let Ok(rows) = &result {
        for row in rows {
            let sheet = row.location.sheet.as_deref().expect("a sheet's name");
            assert!(
                grid.sheets.iter().any(|(name, _)| name == sheet),
                "row from a sheet that does not exist: {:?}",
                row.location
            );
        }
    }
}

/// What every import must satisfy; `first_row` is the lowest row number a record may have.
fn check_import(
    name: &str,
    result: &Result<Vec<ImportedRow>, ImportError>,
    opts: &ImportOptions,
    first_row: usize,
) {
    let path = Path::new(name);
    match result {
        Ok(rows) => {
            let mut previous: Option<(&Option<String>, usize)> = None;
            for row in rows {
                let problems = validate_record(&row.record);
                assert!(
                    problems.is_empty(),
                    "an imported row does not pass validation: {problems:?} in {row:?}"
                );
                let envelope = RecordEnvelope {
                    center: opts.center.clone(),
                    as_of: row.as_of,
                    revision: 1,
                    record: row.record.clone(),
                };
                assert_eq!(validate_envelope(&envelope), vec![], "{row:?}");
                let key = envelope.key();
                assert!(
                    key.as_str()
                        .starts_with(&format!("{}/", row.record.kind().as_str())),
                    "key {key} of {row:?}"
                );
                assert_eq!(row.location.file, path, "{row:?}");
                let at = row.location.row.expect("an imported row has a row number");
                assert!(
                    at >= first_row,
                    "row number {at} below {first_row}: {row:?}"
                );
                if let Some((sheet, before)) = previous
                    && sheet == &row.location.sheet
                {
                    assert!(at > before, "rows out of order: {before} then {row:?}");
                }
                previous = Some((&row.location.sheet, at));
            }
            reads_back_as_json(rows, opts);
        }
        Err(ImportError::Problems {
            file,
            problems,
            total,
        }) => {
            assert_eq!(file, path);
            assert!(!problems.is_empty(), "a failed import names no problem");
            assert_eq!(problems.len(), (*total).min(MAX_PROBLEMS_SHOWN), "{total}");
            for p in problems {
                assert_eq!(p.location.file, path, "{p:?}");
                assert!(!p.message.trim().is_empty(), "{p:?}");
            }
            let text = result.as_ref().expect_err("an error").to_string();
            assert!(text.contains("nothing from this file was stored"), "{text}");
        }
        Err(
            ImportError::Unreadable { file, detail } | ImportError::Unsupported { file, detail },
        ) => {
            assert_eq!(file, path);
            assert!(!detail.trim().is_empty(), "an error without a reason");
        }
    }
}

/// Every imported row, written as a row of a JSON import file (`record`, its fields, `as_of`),
/// reads back as the same record and date.
fn reads_back_as_json(rows: &[ImportedRow], opts: &ImportOptions) {
    if rows.is_empty() {
        return;
    }
    let file: Vec<Value> = rows
        .iter()
        .map(|row| {
            let mut v = serde_json::to_value(&row.record).expect("a record is JSON");
            v.as_object_mut()
                .expect("a record is a JSON object")
                .insert("as_of".into(), Value::String(row.as_of.to_string()));
            v
        })
        .collect();
    let bytes = serde_json::to_vec(&file).expect("JSON");
    let again = match read("again.json", &bytes, opts) {
        Ok(again) => again,
        Err(e) => panic!(
            "imported rows do not read back as a JSON file: {e}\n{}",
            String::from_utf8_lossy(&bytes)
        ),
    };
    assert_eq!(again.len(), rows.len());
    for (a, b) in rows.iter().zip(&again) {
        assert_eq!(
            (&a.record, a.as_of),
            (&b.record, b.as_of),
            "a row changed on its way through JSON"
        );
    }
}

/// A file saved with a UTF-8 byte order mark (Excel's "CSV UTF-8") reads exactly as without it.
fn same_with_bom(
    name: &str,
    data: &[u8],
    result: &Result<Vec<ImportedRow>, ImportError>,
    opts: &ImportOptions,
) {
    if data.starts_with(BOM) || std::str::from_utf8(data).is_err() {
        return;
    }
    let marked = [BOM, data].concat();
    let again = read(name, &marked, opts);
    match (result, &again) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "a byte order mark changed the rows"),
        (Err(a), Err(b)) => assert_eq!(
            a.to_string(),
            b.to_string(),
            "a byte order mark changed the problems"
        ),
        (a, b) => panic!("a byte order mark changed the outcome: {a:?} without, {b:?} with"),
    }
}

/// A body pushed to `POST /v1/batches`: see the module documentation.
pub fn batch_decode(data: &[u8]) {
    match decode_batch(data) {
        Ok(batch) => {
            let _ = batch.id();
            for r in &batch.records {
                let _ = r.key();
                let _ = validate_envelope(r);
            }
            let encoded = serde_json::to_vec(&batch).expect("a batch is JSON");
            match decode_batch(&encoded) {
                Ok(again) => assert_eq!(again, batch, "a batch changed on re-encoding"),
                Err(e) => panic!(
                    "a decoded batch does not decode once encoded: {e}\n{}",
                    String::from_utf8_lossy(&encoded)
                ),
            }
        }
        Err(e) => {
            assert!(
                matches!(&e, ApiError::Malformed(_))
                    || matches!(&e, ApiError::WrongVersion(v) if *v != PROTOCOL_VERSION),
                "unexpected refusal {e:?}"
            );
            assert_eq!(e.status().as_u16(), 400, "{e:?}");
            assert!(!e.to_string().trim().is_empty());
        }
    }
}

/// A `boards.toml`: see the module documentation.
pub fn boards_config(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    match config::parse(&text) {
        Ok(wall) => check_wall(&wall),
        Err(problems) => {
            assert!(!problems.is_empty(), "refused without a problem");
            let lines = text.lines().count() + 1;
            for p in &problems {
                assert!(
                    p.line.is_none_or(|l| (1..=lines).contains(&l)),
                    "problem on line {:?} of a {lines}-line file: {p}",
                    p.line
                );
                assert!(!p.message.trim().is_empty(), "{p:?}");
            }
            let _ = config::problems_text(&problems);
        }
    }
}

fn check_wall(wall: &WallConfig) {
    assert!(!wall.screens.is_empty(), "a configuration without screens");
    assert!(wall.screen(None).is_ok());
    assert!(
        (0.0..=200.0).contains(&wall.kpi.met)
            && (0.0..=200.0).contains(&wall.kpi.partly)
            && wall.kpi.partly <= wall.kpi.met,
        "{:?}",
        wall.kpi
    );
    let mut names = std::collections::HashSet::new();
    for (i, screen) in wall.screens.iter().enumerate() {
        assert!(!screen.name.trim().is_empty(), "screen {i} has no name");
        assert!(
            names.insert(&screen.name),
            "two screens are called '{}'",
            screen.name
        );
        assert!(wall.screen(Some(&screen.name)).is_ok());
        assert!(
            !screen.playlist.is_empty(),
            "screen '{}' shows nothing",
            screen.name
        );
        for item in &screen.playlist {
            assert!(BoardName::ALL.contains(&item.board), "{item:?}");
            assert_eq!(BoardName::parse(item.board.as_str()), Some(item.board));
            assert!((5..=3600).contains(&item.seconds), "{item:?}");
            assert!(
                item.filter.year.is_none_or(|y| (1900..=2200).contains(&y)),
                "{item:?}"
            );
        }
    }
}
