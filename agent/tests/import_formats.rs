//! CSV and spreadsheet import, end to end: real files from `tests/fixtures/` (written by
//! iconv and LibreOffice, see its README) read through the agent's public `read_file`.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use proptest::prelude::*;
use rasid_agent::import::{ImportError, ImportOptions, ImportedRow, format_for, read_file};
use rasid_shared::format::CalendarKind;
use rasid_shared::model::{
    BudgetCategory, BudgetLine, CenterCode, CommitteeActivity, CommitteeStatus, DecisionNumber,
    DecisionStatus, ExecutionStatus, FollowUp, FollowUpKind, KpiAchievement, Record, RecordKind,
};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures/")).join(name)
}

fn opts() -> ImportOptions {
    ImportOptions {
        center: CenterCode::new("MOH").unwrap(),
        as_of: d(2023, 7, 1),
        today: d(2025, 6, 30),
        kind: None,
        encoding: None,
        calendar: None,
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dn(s: &str) -> DecisionNumber {
    s.parse().unwrap()
}

/// Row number, as-of date and record of each row.
fn rows_of(name: &str, opts: &ImportOptions) -> Vec<(usize, NaiveDate, Record)> {
    let rows = read_file(&fixture(name), opts, &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
    rows.into_iter()
        .map(|r: ImportedRow| (r.location.row.unwrap(), r.as_of, r.record))
        .collect()
}

/// Each problem as `sheet 's', row r, column 'c': message`, without the file's path.
fn problem_lines(err: &ImportError) -> (Vec<String>, usize) {
    let ImportError::Problems {
        problems,
        total,
        file,
    } = err
    else {
        panic!("expected problems, got {err}")
    };
    let prefix = file.display().to_string();
    let lines = problems
        .iter()
        .map(|p| {
            let s = p.to_string();
            let rest = &s[prefix.len()..];
            rest.strip_prefix(", ")
                .or_else(|| rest.strip_prefix(": "))
                .unwrap_or(rest)
                .to_string()
        })
        .collect();
    (lines, *total)
}

fn status(
    n: &str,
    status: ExecutionStatus,
    progress: u8,
    note: &str,
    follow_ups: Vec<FollowUp>,
) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision: dn(n),
        status,
        progress,
        note: note.into(),
        follow_ups,
    })
}

#[test]
fn windows_1256_csv_with_arabic_headers_reads_to_the_exact_records() {
    assert!(
        std::str::from_utf8(&std::fs::read(fixture("decision-status-windows-1256.csv")).unwrap())
            .is_err()
    );
    assert_eq!(
        rows_of("decision-status-windows-1256.csv", &opts()),
        [
            (
                2,
                d(2023, 6, 30),
                status("18/212/02", ExecutionStatus::Executed, 100, "", vec![])
            ),
            (
                3,
                d(2023, 6, 30),
                status(
                    "18/212/03",
                    ExecutionStatus::InProgress,
                    40,
                    "بانتظار المصادقة",
                    vec![]
                )
            ),
            (
                4,
                d(2023, 6, 30),
                status("18/213/01", ExecutionStatus::NotStarted, 0, "", vec![])
            ),
            (
                5,
                d(2023, 6, 30),
                status(
                    "18/214/05",
                    ExecutionStatus::Blocked,
                    15,
                    "تعثر التمويل، بانتظار الموازنة",
                    vec![]
                )
            ),
        ]
    );
}

#[test]
fn utf8_bom_csv_reads_arabic_indic_digits_percent_signs_and_follow_ups() {
    assert_eq!(
        rows_of("decision-status-utf8-bom.csv", &opts()),
        [
            (
                2,
                d(2023, 7, 1),
                status("18/212/02", ExecutionStatus::Executed, 100, "", vec![])
            ),
            (
                3,
                d(2023, 7, 1),
                status(
                    "18/212/03",
                    ExecutionStatus::InProgress,
                    40,
                    "بانتظار المصادقة",
                    vec![FollowUp {
                        kind: FollowUpKind::Letter,
                        date: d(2023, 6, 15)
                    }]
                )
            ),
            (
                4,
                d(2023, 6, 30),
                status(
                    "18/212/07",
                    ExecutionStatus::InProgress,
                    65,
                    "",
                    vec![FollowUp {
                        kind: FollowUpKind::Call,
                        date: d(2023, 6, 20)
                    }]
                )
            ),
        ]
    );
}

fn budget(
    category: BudgetCategory,
    allocated: i64,
    revised: Option<i64>,
    committed: i64,
    spent: i64,
) -> Record {
    Record::Budget(BudgetLine {
        fiscal_year: 2023,
        month: 6,
        program: "الإدارة العامة".into(),
        category,
        allocated,
        revised,
        committed,
        spent,
        currency: "ILS".into(),
    })
}

#[test]
fn libreoffice_xlsx_and_xls_budget_read_typed_numbers_and_dates_under_a_title_row() {
    let expected = [
        (
            3,
            d(2023, 6, 30),
            budget(BudgetCategory::Operating, 828_703, None, 12_000, 64_500),
        ),
        (
            4,
            d(2023, 6, 30),
            budget(
                BudgetCategory::Development,
                1_322_891,
                Some(1_400_000),
                0,
                110_250,
            ),
        ),
        (
            5,
            d(2023, 6, 30),
            budget(BudgetCategory::Salaries, 2_400_000, None, 0, 200_000),
        ),
    ];
    assert_eq!(rows_of("budget-libreoffice.xlsx", &opts()), expected);
    assert_eq!(rows_of("budget-libreoffice.xls", &opts()), expected);
    let rows = read_file(&fixture("budget-libreoffice.xlsx"), &opts(), &mut |_| {}).unwrap();
    assert_eq!(
        rows[0].location.sheet.as_deref(),
        Some("budget-libreoffice")
    );
}

#[test]
fn libreoffice_ods_committee_reads_hijri_dates() {
    let committee =
        |code: &str, name: &str, forming: Option<&str>, formed, counts: [u32; 5], status| {
            Record::Committee(CommitteeActivity {
                committee: code.into(),
                name: name.into(),
                year: 2023,
                forming_decision: forming.map(dn),
                formed,
                meetings: counts[0],
                minutes: counts[1],
                minutes_to_cabinet: counts[2],
                recommendations_submitted: counts[3],
                recommendations_approved: counts[4],
                status,
            })
        };
    // 1 Ramadan 1444 = 23 March 2023; 15 Jumada II 1444 = 8 January 2023; 12 Dhu al-Hijja 1444
    // = 30 June 2023 (Umm al-Qura).
    assert_eq!(
        rows_of("committee-hijri-libreoffice.ods", &opts()),
        [
            (
                2,
                d(2023, 6, 30),
                committee(
                    "C-07",
                    "لجنة أمن الطاقة",
                    Some("18/205/04"),
                    d(2023, 3, 23),
                    [12, 10, 4, 14, 13],
                    CommitteeStatus::Active
                )
            ),
            (
                3,
                d(2023, 6, 30),
                committee(
                    "C-12",
                    "لجنة تطوير التعليم المهني",
                    None,
                    d(2023, 1, 8),
                    [5, 5, 2, 6, 6],
                    CommitteeStatus::Finished
                )
            ),
        ]
    );
}

#[test]
fn persian_kpi_csv_reads_persian_digits_and_solar_hijri_dates() {
    let kpi =
        |indicator: &str, name: &str, unit: &str, targets: [f64; 3], costs: Option<(f64, f64)>| {
            Record::Kpi(KpiAchievement {
                program: "P-210".into(),
                indicator: indicator.into(),
                name: name.into(),
                unit: unit.into(),
                year: 2023,
                quarter: 2,
                annual_target: targets[0],
                quarter_target: targets[1],
                actual: targets[2],
                cost_planned: costs.map(|c| c.0),
                cost_actual: costs.map(|c| c.1),
            })
        };
    // 1402/4/9 (Solar Hijri) = 30 June 2023.
    assert_eq!(
        rows_of("kpi-persian-solar-hijri.csv", &opts()),
        [
            (
                2,
                d(2023, 6, 30),
                kpi(
                    "210-1",
                    "پوشش واکسیناسیون",
                    "درصد",
                    [95.0, 90.0, 87.5],
                    Some((12000.0, 11450.0))
                )
            ),
            (
                3,
                d(2023, 6, 30),
                kpi(
                    "210-2",
                    "مراکز بهداشتی فعال",
                    "مرکز",
                    [400.0, 380.0, 382.0],
                    None
                )
            ),
        ]
    );
}

#[test]
fn errors_xlsx_reports_every_problem_by_row_and_header_and_stores_nothing() {
    let err = read_file(
        &fixture("decision-status-errors.xlsx"),
        &opts(),
        &mut |_| {},
    )
    .unwrap_err();
    let (lines, total) = problem_lines(&err);
    let at = "sheet 'decision-status-errors', row";
    assert_eq!(
        lines,
        [
            format!(
                "{at} 1, column 'المسؤول': is not a column of decision-status files; correct the header, or delete the column. \
                 The columns are: decision (رقم القرار), status (الحالة), progress (نسبة الإنجاز), note (ملاحظات), \
                 follow_up (المتابعة), follow_up_date (تاريخ المتابعة), as_of (تاريخ التقرير)"
            ),
            format!(
                "{at} 3, column 'الحالة': 'منفذة جزئيا' is not a status; use one of: not-started / لم يبدأ، \
                 in-progress / قيد التنفيذ، executed / منفذ، blocked / متعثر"
            ),
            format!(
                "{at} 4, column 'رقم القرار': '18/212' is not a decision number; write government/session/item, such as 18/212/02"
            ),
            format!(
                "{at} 5, column 'نسبة الإنجاز': 30% with status not started; use in progress, or set progress to 0"
            ),
            format!(
                "{at} 6, column 'تاريخ التقرير': '31/2/2023' is not a day of the Gregorian calendar"
            ),
            format!(
                "{at} 7, column 'نسبة الإنجاز': 60% with status executed; an executed decision is at 100% (or leave progress empty)"
            ),
        ]
    );
    assert_eq!(total, 6);
    assert!(
        err.to_string()
            .contains("nothing from this file was stored")
    );
}

fn temp_file(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    (dir, path)
}

#[test]
fn many_errors_are_all_counted_and_fifty_are_listed() {
    let mut text = String::from("رقم القرار,الحالة,نسبة الإنجاز\n");
    for i in 1..=300 {
        text.push_str(&format!("18/{i}/01,منفذة جزئيا,40\n"));
    }
    let (_d, path) = temp_file("decision-status.csv", text.as_bytes());
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!((lines.len(), total), (50, 300));
    assert!(
        lines[49].starts_with("row 51, column 'الحالة'"),
        "{}",
        lines[49]
    );
    assert!(err.to_string().ends_with("… and 250 more"));
}

#[test]
fn a_missing_column_and_an_unknown_column_are_reported_before_any_row() {
    let (_d, path) = temp_file(
        "budget.csv",
        "السنة المالية,الشهر,البرنامج,المخصص,المصروف,العملة,الملاحظات\n2023,6,P1,100,50,ILS,x\n"
            .as_bytes(),
    );
    let (lines, total) = problem_lines(&read_file(&path, &opts(), &mut |_| {}).unwrap_err());
    assert_eq!(total, 2, "{lines:?}");
    assert!(
        lines[0].starts_with("row 1, column 'الملاحظات': is not a column of budget files"),
        "{lines:?}"
    );
    assert_eq!(
        lines[1],
        "row 1: has no column for category (التصنيف), which budget files need; add it. The headers found are: \
         'السنة المالية', 'الشهر', 'البرنامج', 'المخصص', 'المصروف', 'العملة', 'الملاحظات'"
    );
}

#[test]
fn rows_dated_after_the_agents_today_and_amounts_over_the_bound_are_refused_at_import() {
    // The test's today is 30 June 2025 (`opts`): 2027 is after next year, 2101 is the future.
    let (_d, path) = temp_file(
        "budget.csv",
        "السنة المالية,الشهر,البرنامج,التصنيف,المخصص,المصروف,العملة,تاريخ التقرير\n\
         2025,6,P1,تشغيلية,1000,50,ILS,2025-07-03\n\
         2027,6,P1,تشغيلية,1000,50,ILS,2025-06-30\n\
         2025,6,P2,تشغيلية,1000,50,ILS,2101-01-31\n\
         2025,6,P3,تشغيلية,9223372036854775807,50,ILS,2025-06-30\n"
            .as_bytes(),
    );
    let (lines, total) = problem_lines(&read_file(&path, &opts(), &mut |_| {}).unwrap_err());
    assert_eq!(total, 3, "{lines:?}");
    assert!(
        lines[0].starts_with(
            "row 3, column 'السنة المالية': 2027 is after next year (2026); reports are accepted for years up to next year"
        ),
        "{lines:?}"
    );
    assert!(
        lines[1].starts_with(
            "row 4, column 'تاريخ التقرير': 2101-01-31 is more than 3 days after today (2025-06-30)"
        ),
        "{lines:?}"
    );
    assert!(
        lines[2].starts_with(
            "row 5, column 'المخصص': 9223372036854775807 is more than 1000000000000000 (10^15), the largest amount accepted"
        ),
        "{lines:?}"
    );
}

#[test]
fn empty_header_only_and_garbage_files_get_clear_errors() {
    let (_d, empty) = temp_file("decision-status.csv", b"");
    assert!(
        read_file(&empty, &opts(), &mut |_| {})
            .unwrap_err()
            .to_string()
            .contains("is empty")
    );
    let (_d, headers) = temp_file("decision-status.csv", "رقم القرار,الحالة\r\n".as_bytes());
    let err = read_file(&headers, &opts(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("has a header row but no rows under it"),
        "{err}"
    );
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    for name in ["budget.xlsx", "budget.xls", "budget.ods"] {
        let (_d, path) = temp_file(name, &garbage);
        let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
        assert!(matches!(err, ImportError::Unreadable { .. }), "{err}");
        assert!(
            err.to_string()
                .contains("open it in Excel or LibreOffice and save it again"),
            "{err}"
        );
    }
}

/// A workbook with one cell far from its table (a stray entry in XFD1048576, or a damaged file)
/// would be laid out as a grid of 17 billion cells and abort the agent; it is refused with the
/// reason and what to do, and a table of ordinary size beside it still reads.
#[test]
fn a_sheet_reaching_far_from_its_table_is_refused_before_it_is_laid_out() {
    fn workbook(far: Option<(u32, u16)>) -> Vec<u8> {
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        let header = [
            "السنة المالية",
            "الشهر",
            "البرنامج",
            "التصنيف",
            "المخصص",
            "المصروف",
            "العملة",
        ];
        for (col, h) in header.iter().enumerate() {
            sheet.write_string(0, col as u16, *h).unwrap();
        }
        let row = ["2023", "6", "الإدارة العامة", "رواتب", "1000", "10", "ILS"];
        for (col, v) in row.iter().enumerate() {
            sheet.write_string(1, col as u16, *v).unwrap();
        }
        if let Some((r, c)) = far {
            sheet.write_string(r, c, "x").unwrap();
        }
        book.save_to_buffer().unwrap()
    }
    let (_d, far) = temp_file("budget.xlsx", &workbook(Some((1_048_575, 16_383))));
    let err = read_file(&far, &opts(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("more than the 10000000 cells a sheet may span")
            && err.contains("copy only the table into a new workbook"),
        "{err}"
    );
    // Two thousand rows below the table is far, but not too far: the cell is read, and its row
    // (a program and nothing else) is reported as a row with values missing.
    let (_d, near) = temp_file("budget.xlsx", &workbook(Some((2_000, 3))));
    let err = read_file(&near, &opts(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(!err.contains("cells a sheet may span"), "{err}");
    let (_d, plain) = temp_file("budget.xlsx", &workbook(None));
    assert_eq!(read_file(&plain, &opts(), &mut |_| {}).unwrap().len(), 1);
}

/// A legacy .xls damaged in its compound-file structure (a FAT longer than the file) with a
/// DIMENSIONS record whose first row is after its last: calamine's lenient reader goes on and
/// reserves a grid of 1.6 TB, which aborts the agent (the damaged-workbook property test found
/// it). A compound file whose structure cannot be read is refused as damaged instead.
#[test]
fn an_xls_whose_structure_cannot_be_read_is_refused_as_damaged_not_opened() {
    let err = read_file(
        &fixture("damaged/budget-damaged-fat.xls"),
        &opts(),
        &mut |_| {},
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("the file is damaged: its structure cannot be read")
            && err.contains("save it again as .xlsx"),
        "{err}"
    );
}

#[test]
fn the_calendar_option_reads_unmarked_dates_as_hijri() {
    let text = "رمز اللجنة,اسم اللجنة,السنة,تاريخ التشكيل,عدد الاجتماعات,التوصيات المرفوعة,التوصيات المعتمدة,الحالة\n\
                C-1,لجنة,2023,1/9/1444,1,0,0,نشطة\n";
    let (_d, path) = temp_file("committee.csv", text.as_bytes());
    let hijri = ImportOptions {
        calendar: Some(CalendarKind::Hijri),
        ..opts()
    };
    let rows = read_file(&path, &hijri, &mut |_| {}).unwrap();
    let Record::Committee(c) = &rows[0].record else {
        panic!()
    };
    assert_eq!(c.formed, d(2023, 3, 23));
    let err = read_file(&path, &opts(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("write هـ after it"), "{err}");
}

/// Run with `cargo test --release -p rasid-agent --test import_formats -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement; run in release"]
fn hundred_thousand_decision_status_rows_per_second() {
    let mut text = String::from("رقم القرار,الحالة,نسبة الإنجاز,ملاحظات,تاريخ التقرير\n");
    let words = ["منفذ", "قيد التنفيذ", "لم يبدأ"];
    for i in 0..100_000 {
        let (word, progress) = match i % 3 {
            0 => (words[0], 100),
            1 => (words[1], 40),
            _ => (words[2], 0),
        };
        text.push_str(&format!(
            "18/{}/{:02},{word},{progress}%,بانتظار المصادقة,30/6/2023\n",
            i / 50 + 1,
            i % 50 + 1
        ));
    }
    let path = Path::new("decision-status.csv");
    let format = format_for(path).unwrap();
    let start = std::time::Instant::now();
    let rows = format
        .read(path, text.as_bytes(), &opts(), &mut |_| {})
        .unwrap();
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{} rows in {:.3} s: {:.0} rows/s",
        rows.len(),
        secs,
        rows.len() as f64 / secs
    );
    assert_eq!(rows.len(), 100_000);
}

/// A decision-status row as a clerk could write it, and the record it must give.
fn any_status_row() -> impl Strategy<Value = (String, Record)> {
    let statuses = [
        (ExecutionStatus::NotStarted, "لم يبدأ"),
        (ExecutionStatus::InProgress, "قيد التنفيذ"),
        (ExecutionStatus::Executed, "منفذ"),
        (ExecutionStatus::Blocked, "متعثر"),
    ];
    (
        1u16..40,
        1u32..400,
        1u16..99,
        0usize..4,
        1u8..100,
        "[ابتثجحخدذرزسشصضطظعغفقكلمنهوية ]{0,20}",
        any::<bool>(),
    )
        .prop_map(move |(g, s, i, k, p, note, arabic_digits)| {
            let (status, word) = statuses[k];
            let progress = match status {
                ExecutionStatus::NotStarted => 0,
                ExecutionStatus::Executed => 100,
                _ => p,
            };
            let mut number = format!("{g}/{s}/{i:02}");
            if arabic_digits {
                number = number
                    .chars()
                    .map(|c| {
                        c.to_digit(10)
                            .map_or(c, |v| char::from_u32(0x0660 + v).unwrap())
                    })
                    .collect();
            }
            let note = note.trim().to_string();
            let line = format!("{number},{word},{progress}%,\"{note}\"");
            let record = Record::DecisionStatus(DecisionStatus {
                decision: DecisionNumber::new(g, s, i),
                status,
                progress,
                note,
                follow_ups: vec![],
            });
            (line, record)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn arbitrary_bytes_never_panic_the_csv_or_sheet_readers(
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
        prefix in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"\xEF\xBB\xBF"]),
    ) {
        let mut input = prefix.to_vec();
        input.extend_from_slice(&bytes);
        for name in ["decision-status.csv", "budget.xlsx", "budget.xls", "budget.ods"] {
            let path = Path::new(name);
            let _ = format_for(path).unwrap().read(path, &input, &opts(), &mut |_| {});
        }
    }

    #[test]
    fn a_damaged_real_workbook_never_panics_the_sheet_reader(
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
    ) {
        for name in ["budget-libreoffice.xlsx", "budget-libreoffice.xls", "committee-hijri-libreoffice.ods"] {
            let mut bytes = std::fs::read(fixture(name)).unwrap();
            for (at, b) in &flips {
                let i = at.index(bytes.len());
                bytes[i] ^= b;
            }
            bytes.truncate(cut.index(bytes.len()) + bytes.len() / 2);
            let path = Path::new(name);
            let _ = format_for(path).unwrap().read(path, &bytes, &opts(), &mut |_| {});
        }
    }

    #[test]
    fn rows_written_as_csv_read_back_as_the_same_records_in_utf8_and_windows_1256(
        rows in prop::collection::vec(any_status_row(), 1..30),
        windows_1256 in any::<bool>(),
    ) {
        let mut text = String::from("رقم القرار,الحالة,نسبة الإنجاز,ملاحظات\r\n");
        for (line, _) in &rows {
            text.push_str(line);
            text.push_str("\r\n");
        }
        let bytes = if windows_1256 {
            // Windows-1256 has no Arabic-Indic digits: Arabic Excel writes Western ones.
            let western = rasid_shared::format::western_digits(&text);
            encoding_rs::WINDOWS_1256.encode(&western).0.into_owned()
        } else {
            text.into_bytes()
        };
        let path = Path::new("decision-status.csv");
        let read = format_for(path).unwrap().read(path, &bytes, &opts(), &mut |_| {}).unwrap();
        let records: Vec<&Record> = read.iter().map(|r| &r.record).collect();
        let expected: Vec<&Record> = rows.iter().map(|(_, r)| r).collect();
        prop_assert_eq!(records, expected);
        prop_assert!(read.iter().all(|r| r.record.kind() == RecordKind::DecisionStatus));
    }
}

/// A project progress sheet written by LibreOffice with three mistakes a clerk makes: progress
/// over 100%, a delayed project without its obstacle, and a status word that is not one.
#[test]
fn project_progress_from_libreoffice_reports_every_mistake() {
    let err = read_file(
        &fixture("project-progress-libreoffice.xlsx"),
        &opts(),
        &mut |_| {},
    )
    .unwrap_err();
    let ImportError::Problems {
        problems, total, ..
    } = &err
    else {
        panic!("{err}")
    };
    let shown: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
    assert_eq!(*total, 3, "{shown:#?}");
    assert!(
        shown[0].contains("row 3, column 'الإنجاز الفعلي'")
            && shown[0].contains("130% is over 100%"),
        "{}",
        shown[0]
    );
    assert!(
        shown[1].contains("row 4, column 'أبرز العوائق'")
            && shown[1].contains("say what holds it up"),
        "{}",
        shown[1]
    );
    assert!(
        shown[2].contains("row 5, column 'الحالة'") && shown[2].contains("'مؤجل'"),
        "{}",
        shown[2]
    );
    assert!(shown[2].contains("on-track / حسب الخطة"), "{}", shown[2]);
}

/// A KPI workbook as Excel writes one: targets typed as numbers, the actual of the first KPI
/// (unit %) formatted as a percentage, as the clerk in issue #16 did.
fn kpi_workbook(actual_format: &str, spent_as_percent: bool) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let pct = rust_xlsxwriter::Format::new().set_num_format(actual_format);
    let sheet = book.add_worksheet();
    sheet.set_name("kpi").unwrap();
    let header = [
        "البرنامج",
        "رمز المؤشر",
        "اسم المؤشر",
        "وحدة القياس",
        "السنة",
        "الربع",
        "المستهدف السنوي",
        "المستهدف الربعي",
        "الفعلي",
        "التكلفة الفعلية",
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    let rows: [(&str, &str, f64, f64, f64); 2] = [
        ("K1", "%", 85.0, 85.0, 0.94),
        ("K2", "مدرسة", 40.0, 10.0, 12.0),
    ];
    for (i, (code, unit, annual, quarter, actual)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, "التعليم").unwrap();
        sheet.write_string(r, 1, *code).unwrap();
        sheet.write_string(r, 2, "مؤشر").unwrap();
        sheet.write_string(r, 3, *unit).unwrap();
        sheet.write_number(r, 4, 2023).unwrap();
        sheet.write_number(r, 5, 2).unwrap();
        sheet.write_number(r, 6, *annual).unwrap();
        sheet.write_number(r, 7, *quarter).unwrap();
        if i == 0 {
            sheet.write_number_with_format(r, 8, *actual, &pct).unwrap();
        } else {
            sheet.write_number(r, 8, *actual).unwrap();
        }
        if spent_as_percent && i == 1 {
            sheet.write_number_with_format(r, 9, 0.25, &pct).unwrap();
        } else {
            sheet.write_number(r, 9, 1000).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

#[test]
fn percent_cells_in_a_kpi_workbook_mean_percent_and_are_a_problem_in_money() {
    for format in ["0%", "0.0%", "#,##0.00%"] {
        let (_d, path) = temp_file("kpi.xlsx", &kpi_workbook(format, false));
        let rows = read_file(&path, &opts(), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
        let actuals: Vec<(String, f64, f64)> = rows
            .iter()
            .map(|r| match &r.record {
                Record::Kpi(k) => (k.indicator.clone(), k.quarter_target, k.actual),
                other => panic!("{other:?}"),
            })
            .collect();
        // 94%, not 0.94 (which the board would show as missed against 85).
        assert_eq!(
            actuals,
            [("K1".into(), 85.0, 94.0), ("K2".into(), 10.0, 12.0)],
            "{format}"
        );
    }
    let (_d, path) = temp_file("kpi.xlsx", &kpi_workbook("0%", true));
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!(total, 1, "{lines:?}");
    assert!(
        lines[0].contains("sheet 'kpi', row 3, column 'التكلفة الفعلية': is formatted as a percentage (25%), but this column is not a percentage"),
        "{lines:?}"
    );
}

#[test]
fn a_percent_cell_in_a_kpi_not_measured_in_percent_is_a_problem() {
    let mut book = rust_xlsxwriter::Workbook::new();
    let pct = rust_xlsxwriter::Format::new().set_num_format("0%");
    let sheet = book.add_worksheet();
    let header = [
        "program",
        "indicator",
        "name",
        "unit",
        "year",
        "quarter",
        "annual_target",
        "quarter_target",
        "actual",
    ];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (col, v) in ["P", "K", "n", "school"].iter().enumerate() {
        sheet.write_string(1, col as u16, *v).unwrap();
    }
    for (col, v) in [2023.0, 1.0, 40.0, 10.0].iter().enumerate() {
        sheet.write_number(1, col as u16 + 4, *v).unwrap();
    }
    sheet.write_number_with_format(1, 8, 0.5, &pct).unwrap();
    let (_d, path) = temp_file("kpi.xlsx", &book.save_to_buffer().unwrap());
    let (lines, _) = problem_lines(&read_file(&path, &opts(), &mut |_| {}).unwrap_err());
    assert!(
        lines[0].contains("row 2, column 'actual': is formatted as a percentage (50%), but the KPI's unit is not a percentage"),
        "{lines:?}"
    );
}

#[test]
fn two_rows_with_one_key_are_a_problem_naming_both_and_identical_ones_count_once() {
    let head = "fiscal_year,month,program,category,allocated,spent,currency\n";
    let line = "2023,6,P1,operating,1000,10,ILS\n";
    let other = "2023,6,P1,operating,1000,99,ILS\n";
    let text = format!("{head}{line}2023,7,P1,operating,1000,10,ILS\n{other}");
    let (_d, path) = temp_file("budget.csv", text.as_bytes());
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!(total, 1, "{lines:?}");
    assert!(
        lines[0].contains("row 4: row 2 and row 4 are the same record (budget/MOH/2023/06/P1/operating) with different values; keep one of the two rows"),
        "{lines:?}"
    );
    let text = format!("{head}{line}{line}{line}");
    let (_d, path) = temp_file("budget.csv", text.as_bytes());
    let read = rasid_agent::import::read_file_counted(&path, &opts(), &mut |_| {}).unwrap();
    assert_eq!((read.rows.len(), read.identical), (1, 2));
}

#[test]
fn utf16_text_without_a_mark_and_txt_files_are_read_as_tab_separated_text() {
    let text = "رقم القرار\tالحالة\tنسبة الإنجاز\r\n18/212/02\tمنفذ\t100\r\n";
    let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    for name in ["decision-status.csv", "decision-status.txt"] {
        let (_d, path) = temp_file(name, &le);
        let rows = read_file(&path, &opts(), &mut |_| {}).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(rows.len(), 1, "{name}");
        let Record::DecisionStatus(s) = &rows[0].record else {
            panic!()
        };
        assert_eq!(
            (s.decision.to_string(), s.progress),
            ("18/212/02".into(), 100)
        );
    }
}

#[test]
fn a_folder_is_called_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let err = read_file(dir.path(), &opts(), &mut |_| {})
        .unwrap_err()
        .to_string();
    assert!(err.contains("is a folder"), "{err}");
    assert!(!err.contains("cannot be imported"), "{err}");
}

#[test]
fn a_solar_hijri_fiscal_year_is_refused_with_what_to_write() {
    let text = "fiscal_year,month,program,category,allocated,spent,currency\n۱۴۰۲,6,P1,operating,1000,10,ILS\n";
    let (_d, path) = temp_file("budget.csv", text.as_bytes());
    let (lines, _) = problem_lines(&read_file(&path, &opts(), &mut |_| {}).unwrap_err());
    assert!(
        lines[0].contains("column 'fiscal_year': '۱۴۰۲' looks like a Solar Hijri year (1402 runs from 21/3/2023 to 19/3/2024); write the Gregorian year the figures belong to (2023 or 2024)"),
        "{lines:?}"
    );
}

/// An .ods or .xls sheet's cell formats are not read: a KPI column holding, among the KPIs
/// measured in percent, only fractions from 0 to 2 may be percent cells (0.94 shown as 94%) or
/// small percentages (0.94%). Neither guess is safe, so the column is refused with what to do;
/// the KPIs not measured in percent do not make a column ambiguous.
#[test]
fn without_cell_formats_a_percent_kpi_column_of_fractions_is_refused_not_guessed() {
    use calamine::{Data, Range};
    let header = [
        "program",
        "indicator",
        "name",
        "unit",
        "year",
        "quarter",
        "annual_target",
        "quarter_target",
        "actual",
    ];
    let rows: [(&str, &str, f64, f64, f64); 3] = [
        ("K1", "%", 85.0, 85.0, 0.94),
        ("K2", "school", 40.0, 10.0, 12.0),
        ("K3", "نسبة", 90.0, 90.0, 1.0),
    ];
    let mut range = Range::new((0, 0), (rows.len() as u32, header.len() as u32 - 1));
    for (c, h) in header.iter().enumerate() {
        range.set_value((0, c as u32), Data::String(h.to_string()));
    }
    for (i, (code, unit, annual, quarter, actual)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (c, v) in ["P", code, "n", unit].iter().enumerate() {
            range.set_value((r, c as u32), Data::String(v.to_string()));
        }
        for (c, v) in [2023.0, 2.0, *annual, *quarter, *actual].iter().enumerate() {
            range.set_value((r, c as u32 + 4), Data::Float(*v));
        }
    }
    let read = |range: &Range<Data>| {
        rasid_agent::import::rows_from_sheets(
            Path::new("kpi.ods"),
            &[("kpi".to_string(), range.clone())],
            &opts(),
            &mut |_| {},
        )
    };
    let err = read(&range).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!(total, 1, "{lines:?}");
    assert!(
        lines[0].starts_with("sheet 'kpi', row 1, column 'actual': holds, for the KPIs measured in percent, only numbers from 0 to 2 with fractions")
            && lines[0].contains("save the workbook as .xlsx"),
        "{lines:?}"
    );
    // Typed as numbers, the same figures read as written.
    range.set_value((1, 8), Data::Float(94.0));
    range.set_value((3, 8), Data::Float(100.0));
    let actuals: Vec<f64> = read(&range)
        .unwrap_or_else(|e| panic!("{e}"))
        .iter()
        .map(|r| match &r.record {
            Record::Kpi(k) => k.actual,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(actuals, [94.0, 12.0, 100.0]);
}

#[test]
fn persian_complaints_csv_reads_persian_headers_and_digits() {
    let rows = rows_of("complaints-persian.csv", &opts());
    let expected = Record::Complaints(rasid_shared::model::ComplaintsQuarter {
        year: 2023,
        quarter: 1,
        received: 55,
        referred: 25,
        accepted: 16,
        rejected: 14,
        processed: 16,
        pending: 0,
        overdue: 0,
    });
    assert_eq!(rows, [(2, d(2023, 7, 1), expected)]);
}

#[test]
fn complaints_that_do_not_add_up_are_refused_row_by_row() {
    let err = read_file(&fixture("complaints-errors.csv"), &opts(), &mut |_| {}).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!(total, 4, "{lines:#?}");
    let at = |row: usize, column: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(&format!("row {row}, column '{column}'")))
    };
    assert!(at(3, "الشكاوى الواردة"), "{lines:#?}");
    assert!(at(4, "قيد المعالجة"), "{lines:#?}");
    assert!(at(5, "العالقة"), "{lines:#?}");
    assert!(at(6, "الربع"), "{lines:#?}");
}

#[test]
fn persian_legislation_csv_reads_persian_headers_words_and_digits() {
    use rasid_shared::model::{LegislationItem, LegislationStage, LegislationType};
    let rows = rows_of("legislation-persian.csv", &opts());
    let item = |code: &str, title: &str, item_type, stage, responsible: &str| LegislationItem {
        code: code.into(),
        title: title.into(),
        item_type,
        stage,
        responsible: CenterCode::new(responsible).unwrap(),
        year: 2023,
        planned_quarter: None,
        done: None,
    };
    // The report's day, ۱۴۰۲/۱۰/۱۰ ه.ش, is the last day of 2023.
    let as_of = d(2023, 12, 31);
    let expected = [
        LegislationItem {
            planned_quarter: Some(2),
            // ۱۴۰۲/۸/۱۴ ه.ش
            done: Some(d(2023, 11, 5)),
            ..item(
                "L-2023-03",
                "لایحه حمایت از حقوق مصرف‌کنندگان",
                LegislationType::Law,
                LegislationStage::Forwarded,
                "MOJ",
            )
        },
        LegislationItem {
            planned_quarter: Some(4),
            ..item(
                "R-2023-07",
                "آیین‌نامه اجرایی قانون گردشگری",
                LegislationType::Regulation,
                LegislationStage::Drafting,
                "MOT",
            )
        },
        // Outside the plan: no planned quarter.
        LegislationItem {
            done: Some(d(2023, 6, 20)),
            ..item(
                "S-2023-02",
                "راهبرد ملی تحول دیجیتال",
                LegislationType::Strategy,
                LegislationStage::Approved,
                "MTIT",
            )
        },
    ];
    let expected: Vec<_> = (2..)
        .zip(expected)
        .map(|(row, i)| (row, as_of, Record::Legislation(i)))
        .collect();
    assert_eq!(rows, expected);
}

#[test]
fn legislation_breaking_the_stage_rules_is_refused_row_by_row() {
    let err = read_file(&fixture("legislation-errors.csv"), &opts(), &mut |_| {}).unwrap_err();
    let (lines, total) = problem_lines(&err);
    assert_eq!(total, 5, "{lines:#?}");
    let at = |row: usize, column: &str, says: &str| {
        lines
            .iter()
            .any(|l| l.starts_with(&format!("row {row}, column '{column}'")) && l.contains(says))
    };
    // A regulation is done when approved; only a law is forwarded to the president.
    assert!(at(3, "المرحلة", "only a law is forwarded"), "{lines:#?}");
    // A law forwarded to the president is done: it needs the day.
    assert!(at(4, "تاريخ الإنجاز", "has no done date"), "{lines:#?}");
    // A strategy still in the cabinet's readings is not done: no day yet.
    assert!(at(5, "تاريخ الإنجاز", "2023-03-15"), "{lines:#?}");
    assert!(
        at(6, "النوع", "'معاهدة' is not a type of legislation"),
        "{lines:#?}"
    );
    assert!(at(6, "النوع", "regulation / نظام"), "{lines:#?}");
    assert!(at(7, "الجهة المسؤولة", "وزارة النقل"), "{lines:#?}");
}

#[test]
fn legal_memoranda_csv_with_arabic_headers_reads_each_quarter() {
    use rasid_shared::model::LegalMemoranda;
    let rows = rows_of("legal-memoranda.csv", &opts());
    let quarter = |row, as_of, quarter, memoranda| {
        let m = LegalMemoranda {
            year: 2023,
            quarter,
            memoranda,
        };
        (row, as_of, Record::LegalMemoranda(m))
    };
    assert_eq!(
        rows,
        [
            quarter(2, d(2023, 4, 10), 1, 262),
            quarter(3, d(2023, 7, 10), 2, 281),
            quarter(4, d(2023, 10, 10), 3, 255),
            quarter(5, d(2024, 1, 10), 4, 282),
        ]
    );
}
