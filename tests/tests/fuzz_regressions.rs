//! Replays what fuzzing keeps: every seed of `fuzz/corpus/<target>/` and every crash found,
//! `fuzz/regressions/<target>/`, through the same checks the fuzz targets run
//! (`rasid_e2e::fuzz_checks`), so that `cargo test` on stable catches a regression without a
//! fuzzer. Fuzzing itself is `cargo fuzz` in `fuzz/` (docs/RELIABILITY.md, "Fuzzing").

use calamine::{Data, Reader};
use rasid_e2e::fuzz_checks::{self, TARGETS, sheet_grid};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files directly in `dir`, sorted; none when it does not exist.
fn files_in(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .map(|e| e.expect("a directory entry").path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
}

#[test]
fn every_seed_and_every_crash_found_passes_its_fuzz_targets_checks() {
    let mut failures = Vec::new();
    let mut replayed = 0;
    for target in TARGETS {
        let seeds = files_in(&fuzz_dir().join("corpus").join(target));
        assert!(!seeds.is_empty(), "fuzz/corpus/{target}/ holds no seed");
        let crashes = files_in(&fuzz_dir().join("regressions").join(target));
        for file in seeds.iter().chain(&crashes) {
            let data = std::fs::read(file).expect("reading a corpus file");
            replayed += 1;
            if let Err(panic) = catch_unwind(AssertUnwindSafe(|| fuzz_checks::check(target, &data)))
            {
                let why = panic
                    .downcast_ref::<String>()
                    .map(String::as_str)
                    .or_else(|| panic.downcast_ref::<&str>().copied())
                    .unwrap_or("a panic");
                failures.push(format!("{target}: {}: {why}", file.display()));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {replayed} fuzz inputs fail their checks:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The workbooks of `tests/fixtures/` and the seed each is in `fuzz/corpus/sheet_cells/`.
fn sheet_fixtures() -> Vec<(PathBuf, PathBuf)> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    files_in(&fixtures)
        .into_iter()
        .filter(|p| {
            p.extension()
                .is_some_and(|e| ["xlsx", "xls", "ods"].contains(&e.to_str().unwrap_or("")))
        })
        .map(|p| {
            let name = p.file_name().expect("a file name").to_string_lossy();
            let seed = fuzz_dir()
                .join("corpus/sheet_cells")
                .join(format!("fixture-{name}.cells"));
            (p, seed)
        })
        .collect()
}

/// A workbook's worksheets in the byte form the `sheet_cells` target reads.
fn workbook_as_cells(path: &Path) -> Vec<u8> {
    let mut workbook = calamine::open_workbook_auto(path).expect("a fixture workbook opens");
    let mut first_row = 0;
    let sheets = workbook
        .worksheets()
        .into_iter()
        .map(|(name, range)| {
            let (row, column) = range.start().unwrap_or((0, 0));
            first_row = row;
            let rows = range
                .rows()
                .map(|r| {
                    let mut cells = vec![Data::Empty; column as usize];
                    cells.extend(r.iter().cloned());
                    cells
                })
                .collect();
            (name, rows)
        })
        .collect();
    sheet_grid::encode(&sheet_grid::Grid {
        kind: None,
        calendar: None,
        first_row,
        sheets,
    })
}

#[test]
fn the_sheet_cells_seeds_are_the_cells_of_the_fixture_workbooks() {
    let write = std::env::var("RASID_FUZZ_WRITE_SEEDS").is_ok_and(|v| v == "1");
    let fixtures = sheet_fixtures();
    assert!(fixtures.len() >= 4, "{fixtures:?}");
    for (workbook, seed) in fixtures {
        let cells = workbook_as_cells(&workbook);
        if write {
            std::fs::write(&seed, &cells).expect("writing a seed");
            continue;
        }
        let committed = std::fs::read(&seed).unwrap_or_default();
        assert!(
            committed == cells,
            "{} is not the cells of {}; rewrite the seeds with RASID_FUZZ_WRITE_SEEDS=1 \
             cargo test -p rasid-e2e --test fuzz_regressions",
            seed.display(),
            workbook.display()
        );
    }
}

#[test]
fn the_sheet_cells_form_reads_back_every_kind_of_cell_it_wrote() {
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
    let grid = sheet_grid::Grid {
        kind: Some(rasid_shared::model::RecordKind::Budget),
        calendar: Some(rasid_shared::format::CalendarKind::Hijri),
        first_row: 3,
        sheets: vec![
            (
                "الموازنة".into(),
                vec![
                    vec![
                        Data::String("السنة المالية".into()),
                        Data::Empty,
                        Data::Float(0.4),
                        Data::Int(-7),
                        Data::Bool(true),
                    ],
                    vec![],
                    vec![
                        Data::DateTime(ExcelDateTime::new(
                            45107.0,
                            ExcelDateTimeType::DateTime,
                            false,
                        )),
                        Data::DateTime(ExcelDateTime::new(
                            0.5,
                            ExcelDateTimeType::TimeDelta,
                            false,
                        )),
                        Data::DateTimeIso("2023-06-30T00:00:00".into()),
                        Data::Error(CellErrorType::Ref),
                    ],
                ],
            ),
            ("Sheet2".into(), vec![vec![Data::String("x".into())]]),
        ],
    };
    assert_eq!(sheet_grid::decode(&sheet_grid::encode(&grid)), grid);
}

#[test]
fn a_record_column_may_name_every_kind_of_record() {
    // Found by fuzzing: a `record` column naming a project or project-progress row indexed
    // past the end of a table of six kinds and crashed the import.
    let path = fuzz_dir().join("regressions/import_csv/record-column-naming-the-last-kinds.csv");
    let bytes = std::fs::read(&path).expect("the regression file");
    let opts = rasid_agent::import::ImportOptions {
        center: rasid_shared::model::CenterCode::new("MOH").unwrap(),
        as_of: chrono::NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
        today: chrono::NaiveDate::MAX,
        kind: None,
        encoding: None,
        calendar: None,
    };
    let csv = Path::new("mixed.csv");
    let format = rasid_agent::import::format_for(csv).unwrap();
    let err = format
        .read(csv, &bytes, &opts, &mut |_| {})
        .expect_err("the project row lacks its columns");
    let text = err.to_string();
    assert!(
        text.contains("is a project row, but the file"),
        "the missing columns of the project rows are named: {text}"
    );
}

#[test]
fn a_board_period_in_arabic_letters_is_a_problem_on_its_line() {
    // Found by fuzzing: a period not starting with an ASCII letter crashed the parser (and the
    // kiosk watching boards.toml).
    let path = fuzz_dir().join("regressions/boards_config/arabic-period.toml");
    let text = std::fs::read_to_string(&path).expect("the regression file");
    let problems = rasid_kiosk::config::parse(&text).expect_err("not a period");
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, Some(3));
    assert_eq!(problems[0].key, "screen[1].boards[1].period");
}
