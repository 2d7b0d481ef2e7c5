use super::*;
use crate::import::MAX_PROBLEMS_SHOWN;
use rasid_shared::model::{
    BudgetCategory, BudgetLine, CenterCode, Classification, CommitteeStatus, Decision,
    DecisionKind, DecisionStatus, ExecutionStatus, FollowUp, FollowUpKind, Record, Session,
    SessionKind,
};

fn opts() -> ImportOptions {
    ImportOptions {
        center: CenterCode::new("MOH").unwrap(),
        as_of: d(2023, 6, 30),
        today: d(2025, 6, 30),
        kind: None,
        encoding: None,
        calendar: None,
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// A table of text cells, as a CSV file gives; the header is row 1.
fn table(sheet: Option<&str>, rows: &[&[&str]]) -> Table {
    Table {
        sheet: sheet.map(str::to_string),
        header_row: 1,
        headers: rows[0].iter().map(|h| h.to_string()).collect(),
        rows: rows[1..]
            .iter()
            .enumerate()
            .map(|(i, r)| (i + 2, r.iter().map(|c| Cell::Text(c.to_string())).collect()))
            .collect(),
        formats_read: false,
    }
}

fn read(file: &str, t: Table, opts: &ImportOptions) -> Result<Vec<ImportedRow>, ImportError> {
    rows_from_tables(Path::new(file), &[t], opts, &mut |_| {})
}

/// Each problem as the clerk reads it, without the file name.
fn problems(err: ImportError) -> (Vec<String>, usize) {
    match err {
        ImportError::Problems {
            problems, total, ..
        } => {
            let shown = |p: &crate::import::FileProblem| {
                let s = p.to_string();
                let rest = &s[p.location.file.display().to_string().len()..];
                rest.strip_prefix(", ")
                    .or_else(|| rest.strip_prefix(": "))
                    .unwrap_or(rest)
                    .to_string()
            };
            (problems.iter().map(shown).collect(), total)
        }
        other => panic!("expected problems, got {other}"),
    }
}

fn dn(s: &str) -> DecisionNumber {
    s.parse().unwrap()
}

#[test]
fn arabic_headers_and_arabic_indic_digits_give_the_exact_records() {
    let t = table(
        None,
        &[
            &[
                "م",
                "رقم القرار",
                "الحالة",
                "نسبة الإنجاز",
                "ملاحظات",
                "المتابعة",
                "تاريخ المتابعة",
                "تاريخ التقرير",
            ],
            &["١", "١٨/٢١٢/٠٢", "منفذ", "٪١٠٠", "", "", "", "١/٧/٢٠٢٣"],
            &[
                "٢",
                "18/212/03",
                "قيد التنفيذ",
                "40%",
                "بانتظار المصادقة",
                "كتاب",
                "15/6/2023",
                "",
            ],
            &["٣", "", "", "", "", "", "", "1/7/2023"],
            &["٤", "18/212/04", "لم يبدأ", "", "", "", "", ""],
        ],
    );
    let rows = read("decision-status.csv", t, &opts()).unwrap();
    let got: Vec<(usize, NaiveDate, Record)> = rows
        .into_iter()
        .map(|r| (r.location.row.unwrap(), r.as_of, r.record))
        .collect();
    let status = |n: &str, status, progress, note: &str, follow_ups| {
        Record::DecisionStatus(DecisionStatus {
            decision: dn(n),
            status,
            progress,
            note: note.into(),
            follow_ups,
        })
    };
    assert_eq!(
        got,
        [
            (
                2,
                d(2023, 7, 1),
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
                    vec![FollowUp {
                        kind: FollowUpKind::Letter,
                        date: d(2023, 6, 15)
                    }]
                )
            ),
            (
                5,
                d(2023, 6, 30),
                status("18/212/04", ExecutionStatus::NotStarted, 0, "", vec![])
            ),
        ]
    );
}

#[test]
fn a_wrong_status_word_names_row_column_and_the_accepted_words() {
    let mut rows: Vec<&[&str]> = vec![&["رقم القرار", "الحالة"]];
    rows.extend(std::iter::repeat_n(&["18/212/02", "منفذ"][..], 12));
    rows.push(&["18/212/03", "منفذة جزئيا"]);
    let (messages, total) =
        problems(read("decision-status.csv", table(None, &rows), &opts()).unwrap_err());
    assert_eq!(total, 1);
    assert_eq!(
        messages[0],
        "row 14, column 'الحالة': 'منفذة جزئيا' is not a status; use one of: not-started / لم يبدأ، in-progress / قيد التنفيذ، executed / منفذ، blocked / متعثر"
    );
}

#[test]
fn a_missing_column_is_one_problem_in_both_languages_listing_the_headers() {
    let t = table(
        None,
        &[
            &["رقم القرار", "نسبة الإنجاز"],
            &["18/212/02", "40"],
            &["18/212/03", "50"],
        ],
    );
    let (messages, total) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(total, 1, "{messages:?}");
    assert_eq!(
        messages[0],
        "row 1: has no column for status (الحالة), which decision-status files need; add it. The headers found are: 'رقم القرار', 'نسبة الإنجاز'"
    );
}

#[test]
fn an_unknown_column_is_a_problem_but_empty_and_serial_headers_are_not() {
    let t = table(
        None,
        &[
            &["#", "decision", "status", "progres", ""],
            &["1", "18/212/02", "executed", "100", "scribble"],
        ],
    );
    let (messages, total) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(total, 1, "{messages:?}");
    assert!(
        messages[0]
            .starts_with("row 1, column 'progres': is not a column of decision-status files"),
        "{messages:?}"
    );
    assert!(
        messages[0].contains("progress (نسبة الإنجاز)"),
        "{messages:?}"
    );
}

#[test]
fn a_column_of_another_kind_says_which_file_it_belongs_in() {
    let t = table(
        None,
        &[
            &["decision", "status", "المخصص"],
            &["18/212/02", "executed", "100"],
        ],
    );
    let (messages, _) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert!(
        messages[0].contains("it is a column of budget files: is this the right file?"),
        "{messages:?}"
    );
}

#[test]
fn two_columns_for_one_field_are_a_problem() {
    let t = table(
        None,
        &[
            &["decision", "status", "الحالة"],
            &["18/212/02", "executed", "منفذ"],
        ],
    );
    let (messages, _) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(
        messages[0],
        "row 1, column 'الحالة': gives the status (الحالة) again, as column 'status' does; keep one of the two columns"
    );
}

#[test]
fn validation_problems_point_at_the_header_the_clerk_wrote() {
    let t = table(
        None,
        &[
            &["رقم القرار", "الحالة", "نسبة الإنجاز"],
            &["18/212/02", "لم يبدأ", "140"],
        ],
    );
    let (messages, total) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(total, 2, "{messages:?}");
    assert_eq!(
        messages[0],
        "row 2, column 'نسبة الإنجاز': 140% is over 100%; use 0 to 100"
    );
}

#[test]
fn every_problem_of_every_row_is_counted_and_the_list_is_capped() {
    let mut rows: Vec<Vec<String>> =
        vec![vec!["decision".into(), "status".into(), "progress".into()]];
    for i in 0..120 {
        rows.push(vec![format!("18/{i}/1"), "maybe".into(), "lots".into()]);
    }
    let rows: Vec<Vec<&str>> = rows
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    let err = read("decision-status.csv", table(None, &rows), &opts()).unwrap_err();
    let text = err.to_string();
    let (messages, total) = problems(err);
    assert_eq!(total, 240);
    assert_eq!(messages.len(), MAX_PROBLEMS_SHOWN);
    assert!(text.contains("240 problems found"), "{text}");
    assert!(text.ends_with("… and 190 more"), "{text}");
}

#[test]
fn a_kind_column_lets_one_file_hold_several_kinds() {
    let t = table(
        None,
        &[
            &[
                "kind",
                "decision",
                "status",
                "fiscal_year",
                "month",
                "program",
                "category",
                "allocated",
                "spent",
                "currency",
            ],
            &[
                "decision-status",
                "18/212/02",
                "executed",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &[
                "الموازنة",
                "",
                "",
                "2023",
                "6",
                "P1",
                "تشغيلية",
                "1,000",
                "250",
                "ils",
            ],
        ],
    );
    let rows = read("report.csv", t, &opts()).unwrap();
    assert_eq!(rows[0].record.kind(), RecordKind::DecisionStatus);
    assert_eq!(
        rows[1].record,
        Record::Budget(BudgetLine {
            fiscal_year: 2023,
            month: 6,
            program: "P1".into(),
            category: BudgetCategory::Operating,
            allocated: 1000,
            revised: None,
            committed: 0,
            spent: 250,
            currency: "ILS".into(),
        })
    );
}

#[test]
fn a_kind_column_may_name_every_kind_even_the_last_ones() {
    // Found by fuzzing: rows of the kinds added last (project, project-progress) indexed past
    // a table of six kinds and crashed the import.
    let t = table(
        None,
        &[
            &["record", "project"],
            &["project", "P1"],
            &["project-progress", "P1"],
        ],
    );
    let (problems, _) = problems(read("report.csv", t, &opts()).unwrap_err());
    assert!(
        problems
            .iter()
            .any(|p| p.contains("is a project-progress row, but the file")),
        "{problems:?}"
    );
}

#[test]
fn in_a_mixed_file_a_row_must_leave_other_kinds_columns_empty() {
    let t = table(
        None,
        &[
            &[
                "kind",
                "decision",
                "status",
                "fiscal_year",
                "month",
                "program",
                "category",
                "allocated",
                "spent",
                "currency",
            ],
            &[
                "decision-status",
                "18/212/02",
                "executed",
                "2023",
                "",
                "",
                "",
                "",
                "",
                "",
            ],
            &["weather", "18/212/03", "", "", "", "", "", "", "", ""],
        ],
    );
    let (messages, _) = problems(read("report.csv", t, &opts()).unwrap_err());
    assert!(
        messages[0]
            .starts_with("row 2, column 'fiscal_year': is not a column of decision-status rows"),
        "{messages:?}"
    );
    assert!(
        messages[1].starts_with("row 3, column 'kind': 'weather' is not a kind of record"),
        "{messages:?}"
    );
}

#[test]
fn the_kind_comes_from_the_option_then_the_sheet_then_the_file_then_the_headers() {
    let status = &[&["decision", "status"][..], &["18/212/02", "executed"]];
    let as_status = |file: &str, sheet: Option<&str>, kind: Option<RecordKind>| {
        read(
            file,
            table(sheet, status),
            &ImportOptions { kind, ..opts() },
        )
        .map(|r| r[0].record.kind())
    };
    // The headers fit decision-status only.
    assert_eq!(
        as_status("report.csv", None, None).unwrap(),
        RecordKind::DecisionStatus
    );
    assert_eq!(
        as_status("report.xlsx", Some("حالة القرارات"), None).unwrap(),
        RecordKind::DecisionStatus
    );
    // A name or an option that says otherwise wins, and the columns then do not fit.
    assert!(as_status("budget.csv", None, None).is_err());
    assert!(as_status("decision-status.xlsx", Some("budget"), None).is_err());
    assert!(
        as_status(
            "budget.xlsx",
            Some("budget"),
            Some(RecordKind::DecisionStatus)
        )
        .is_ok()
    );
    // Headers that fit no kind, and no name: the clerk is told how to say it.
    let t = table(None, &[&["رقم", "ملاحظات"], &["1", "x"]]);
    let (messages, total) = problems(read("report.csv", t, &opts()).unwrap_err());
    assert_eq!(total, 1);
    assert!(
        messages[0].starts_with("does not say what kind of records it holds"),
        "{messages:?}"
    );
}

#[test]
fn sessions_and_decisions_read_their_own_kind_column() {
    let t = table(
        None,
        &[
            &["رقم الحكومة", "رقم الجلسة", "تاريخ الجلسة", "النوع"],
            &["18", "212", "2023-05-02", "عادية"],
            &["18", "213", "٩/٥/٢٠٢٣", "طارئة"],
        ],
    );
    let rows = read("sessions.csv", t, &opts()).unwrap();
    assert_eq!(
        rows[1].record,
        Record::Session(Session {
            government: 18,
            number: 213,
            date: d(2023, 5, 9),
            kind: SessionKind::Emergency
        })
    );
    let t = table(
        None,
        &[
            &[
                "رقم القرار",
                "التاريخ",
                "النوع",
                "عنوان القرار",
                "روتيني",
                "القطاع",
                "الجهات المسؤولة",
                "تاريخ الاستحقاق",
                "قرارات مرتبطة",
            ],
            &[
                "18/212/02",
                "2/5/2023",
                "تكليف",
                "إعداد خطة",
                "لا",
                "الصحة",
                "MOH، mof",
                "30/9/2023",
                "18/200/01",
            ],
        ],
    );
    let rows = read("decision.csv", t, &opts()).unwrap();
    assert_eq!(
        rows[0].record,
        Record::Decision(Decision {
            number: dn("18/212/02"),
            date: d(2023, 5, 2),
            kind: DecisionKind::Assignment,
            title: "إعداد خطة".into(),
            routine: false,
            classification: Classification {
                sector: Some("الصحة".into()),
                ..Default::default()
            },
            centers: vec![
                CenterCode::new("MOH").unwrap(),
                CenterCode::new("MOF").unwrap()
            ],
            due: Some(d(2023, 9, 30)),
            links: vec![dn("18/200/01")],
        })
    );
}

#[test]
fn legislation_reads_its_own_type_column_headed_like_a_kind() {
    use rasid_shared::model::{LegislationItem, LegislationStage, LegislationType};
    // `النوع` heads a record-kind column in other files; here it is the item's type, whether
    // the kind comes from the file's name or from the headers alone.
    let rows = [
        &[
            "رمز البند",
            "العنوان",
            "النوع",
            "المرحلة",
            "الجهة المسؤولة",
            "السنة",
            "الربع المخطط",
            "تاريخ الإنجاز",
        ][..],
        &[
            "R-2023-04",
            "نظام المتاحف",
            "لائحة",
            "مصادق عليه",
            "moca",
            "2023",
            "الربع الثالث",
            "10/6/2023",
        ],
    ];
    let expected = Record::Legislation(LegislationItem {
        code: "R-2023-04".into(),
        title: "نظام المتاحف".into(),
        item_type: LegislationType::Regulation,
        stage: LegislationStage::Approved,
        responsible: CenterCode::new("MOCA").unwrap(),
        year: 2023,
        planned_quarter: Some(3),
        done: Some(d(2023, 6, 10)),
    });
    for file in ["legislation.csv", "plan.csv"] {
        let got = read(file, table(None, &rows), &opts()).unwrap();
        assert_eq!(got[0].record, expected, "{file}");
    }
    // Beside a record column, `النوع` is a legislation row's type, and empty in other rows.
    let mut headers = rows[0].to_vec();
    headers.extend(["record", "الربع", "المذكرات القانونية"]);
    let mut item = rows[1].to_vec();
    item.extend(["الخطة التشريعية", "", ""]);
    let mut memoranda = vec![""; rows[0].len()];
    memoranda[5] = "2023"; // السنة
    memoranda.extend(["المذكرات القانونية", "4", "282"]);
    let mixed = table(None, &[&headers, &item, &memoranda]);
    let got = read("legal.csv", mixed, &opts()).unwrap();
    assert_eq!(got[0].record, expected);
    assert_eq!(got[1].record.kind(), RecordKind::LegalMemoranda);
}

#[test]
fn committee_dates_follow_the_calendar_option_unless_marked() {
    let t = table(
        Some("committee"),
        &[
            &[
                "رمز اللجنة",
                "اسم اللجنة",
                "السنة",
                "تاريخ التشكيل",
                "عدد الاجتماعات",
                "التوصيات المرفوعة",
                "التوصيات المعتمدة",
                "الحالة",
                "تاريخ التقرير",
            ],
            &[
                "C-7",
                "لجنة الطاقة",
                "2023",
                "1444/9/1",
                "4",
                "3",
                "2",
                "نشطة",
                "2023-06-30 م",
            ],
        ],
    );
    let rows = read(
        "x.xlsx",
        t,
        &ImportOptions {
            calendar: Some(CalendarKind::Hijri),
            ..opts()
        },
    )
    .unwrap();
    let Record::Committee(c) = &rows[0].record else {
        panic!()
    };
    assert_eq!(
        (c.formed, rows[0].as_of, c.status),
        (d(2023, 3, 23), d(2023, 6, 30), CommitteeStatus::Active)
    );
}

#[test]
fn kpi_rows_take_quarters_and_decimals_in_any_digits() {
    let t = table(
        None,
        &[
            &[
                "البرنامج",
                "رمز المؤشر",
                "اسم المؤشر",
                "وحدة القياس",
                "السنة",
                "الربع",
                "المستهدف السنوي",
                "المستهدف الربعي",
                "المتحقق",
            ],
            &[
                "P1",
                "I-3",
                "نسبة التغطية",
                "%",
                "٢٠٢٣",
                "الربع الثاني",
                "٨٠",
                "٢٠",
                "١٧٫٥",
            ],
        ],
    );
    let rows = read("kpi.csv", t, &opts()).unwrap();
    let Record::Kpi(k) = &rows[0].record else {
        panic!()
    };
    assert_eq!(
        (k.year, k.quarter, k.annual_target, k.actual, k.cost_planned),
        (2023, 2, 80.0, 17.5, None)
    );
}

#[test]
fn spreadsheet_cells_error_values_and_percent_columns() {
    let mut t = table(None, &[&["decision", "status", "progress"]]);
    t.rows = vec![
        (
            2,
            vec![
                Cell::Text("18/212/02".into()),
                Cell::Text("executed".into()),
                Cell::Number(1.0),
            ],
        ),
        (
            3,
            vec![
                Cell::Text("18/212/03".into()),
                Cell::Text("in progress".into()),
                Cell::Number(0.4),
            ],
        ),
    ];
    let rows = read("decision-status.xlsx", t.clone(), &opts()).unwrap();
    let progress: Vec<u8> = rows
        .iter()
        .map(|r| match &r.record {
            Record::DecisionStatus(s) => s.progress,
            _ => 0,
        })
        .collect();
    assert_eq!(progress, [100, 40]);
    t.rows[1].1[2] = Cell::Error("#REF!".into());
    t.rows[0].1[2] = Cell::Number(100.0);
    let (messages, _) = problems(read("decision-status.xlsx", t, &opts()).unwrap_err());
    assert_eq!(
        messages,
        [
            "row 3, column 'progress': shows the error #REF!; correct the formula, or type the value in"
        ]
    );
}

#[test]
fn a_follow_up_needs_its_date() {
    let t = table(
        None,
        &[
            &["decision", "status", "follow_up", "follow_up_date"],
            &["18/212/02", "executed", "call", ""],
        ],
    );
    let (messages, _) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(
        messages,
        [
            "row 2, column 'follow_up': has a follow-up without its date; write the date in the follow-up date column"
        ]
    );
}

#[test]
fn an_impossible_date_is_a_problem() {
    let t = table(
        None,
        &[
            &["decision", "status", "as_of"],
            &["18/212/02", "executed", "31/2/2023"],
        ],
    );
    let (messages, _) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(
        messages,
        ["row 2, column 'as_of': '31/2/2023' is not a day of the Gregorian calendar"]
    );
}

#[test]
fn a_table_of_only_headers_or_blank_rows_has_nothing_to_import() {
    let t = table(None, &[&["decision", "status"], &["", " "]]);
    let (messages, _) = problems(read("decision-status.csv", t, &opts()).unwrap_err());
    assert_eq!(
        messages,
        [
            "has a header row but no rows under it; fill in the rows, or check that this is the right file"
        ]
    );
}
