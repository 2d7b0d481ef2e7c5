use super::*;
use chrono::NaiveDate;
use std::io::Write;

fn opts() -> ImportOptions {
    ImportOptions {
        center: CenterCode::new("MOH").unwrap(),
        as_of: NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
        today: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
        kind: None,
        encoding: None,
        calendar: None,
    }
}

fn file(name: &str, content: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::File::create(&path)
        .unwrap()
        .write_all(content.as_bytes())
        .unwrap();
    (dir, path)
}

#[test]
fn json_rows_take_their_kind_from_the_file_name() {
    let (_d, path) = file(
        "decision-status.json",
        r#"[{"decision": "18/212/02", "status": "executed", "progress": 100, "as_of": "2023-05-01"},
            {"decision": "18/212/03", "status": "in-progress", "progress": 40}]"#,
    );
    let rows = read_file(&path, &opts(), &mut |_| {}).unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0].as_of, NaiveDate::from_ymd_opt(2023, 5, 1).unwrap());
    assert_eq!(rows[1].as_of, opts().as_of);
    assert_eq!(rows[1].record.kind(), RecordKind::DecisionStatus);
}

#[test]
fn json_problems_name_row_and_field_and_nothing_is_returned() {
    let (_d, path) = file(
        "decision-status.json",
        r#"{"center": "MOH", "records": [
            {"decision": "18/212/02", "status": "executed", "progress": 100},
            {"decision": "18/212/03", "status": "partly", "progress": 40},
            {"decision": "18/212/04", "status": "in-progress", "progress": 140},
            {"decision": "18/212/05", "status": "in-progress", "progres": 40},
            {"status": "in-progress", "progress": 40, "as_of": "30/6/2023"}
        ]}"#,
    );
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let ImportError::Problems {
        problems, total, ..
    } = &err
    else {
        panic!("{err}")
    };
    assert_eq!(*total, 4, "{err}");
    assert_eq!(problems[0].location.row, Some(2));
    assert!(
        problems[0].message.contains("'partly' is not allowed"),
        "{}",
        problems[0]
    );
    assert_eq!(problems[1].location.column.as_deref(), Some("progress"));
    assert!(problems[1].message.contains("140% is over 100%"));
    assert_eq!(problems[2].location.column.as_deref(), Some("progres"));
    assert_eq!(problems[3].location.column.as_deref(), Some("as_of"));
    let text = err.to_string();
    assert!(text.contains("nothing from this file was stored"), "{text}");
    assert!(text.contains("row 3, column 'progress'"), "{text}");
}

#[test]
fn json_rows_dated_after_the_agents_today_name_the_field() {
    let (_d, path) = file(
        "budget.json",
        r#"[{"fiscal_year": 2042, "month": 1, "program": "P1", "category": "operating",
             "allocated": 1000, "spent": 10, "currency": "ILS", "as_of": "2101-01-31"}]"#,
    );
    let err = read_file(&path, &opts(), &mut |_| {}).unwrap_err();
    let ImportError::Problems { problems, .. } = &err else {
        panic!("{err}")
    };
    let columns: Vec<_> = problems
        .iter()
        .map(|p| p.location.column.as_deref())
        .collect();
    assert_eq!(columns, [Some("as_of"), Some("fiscal_year")], "{err}");
    assert_eq!(problems[0].location.row, Some(1));
}

#[test]
fn json_for_another_center_or_not_json_is_refused() {
    let (_d, path) = file("budget.json", r#"{"center": "MOF", "records": []}"#);
    assert!(
        read_file(&path, &opts(), &mut |_| {})
            .unwrap_err()
            .to_string()
            .contains("for center MOF")
    );
    let (_d2, path2) = file("budget.json", "{ not json");
    assert!(
        read_file(&path2, &opts(), &mut |_| {})
            .unwrap_err()
            .to_string()
            .contains("not valid JSON")
    );
    let (_d3, path3) = file("budget.docx", "x");
    assert!(
        read_file(&path3, &opts(), &mut |_| {})
            .unwrap_err()
            .to_string()
            .contains("cannot be imported")
    );
}

#[test]
fn file_names_announce_kinds() {
    assert_eq!(
        kind_from_file_name(Path::new("decision-status.csv")),
        Some(RecordKind::DecisionStatus)
    );
    assert_eq!(
        kind_from_file_name(Path::new("decision_status_2023.xlsx")),
        Some(RecordKind::DecisionStatus)
    );
    assert_eq!(
        kind_from_file_name(Path::new("budget-2023-06.xlsx")),
        Some(RecordKind::Budget)
    );
    assert_eq!(kind_from_file_name(Path::new("report.xlsx")), None);
}

#[test]
fn files_are_imported_referenced_first() {
    let mut files: Vec<PathBuf> = [
        "project-progress.json",
        "budget.csv",
        "decision-status.xlsx",
        "project.json",
        "decision.json",
    ]
    .iter()
    .map(PathBuf::from)
    .collect();
    in_dependency_order(&mut files);
    let names: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "decision.json",
            "project.json",
            "budget.csv",
            "project-progress.json",
            "decision-status.xlsx"
        ]
    );
}

#[test]
fn the_stored_summary_reads_as_before_in_english_and_counts_in_arabic() {
    use rasid_shared::store::ImportSummary;
    let file = Path::new("budget.csv");
    let summary = |new, changed, unchanged, resent| ImportSummary {
        new,
        changed,
        unchanged,
        resent,
    };
    let en = |rows, identical, s: &ImportSummary| {
        stored_summary(Language::English, file, rows, identical, s)
    };
    assert_eq!(
        en(12, 0, &summary(3, 9, 0, 0)),
        "budget.csv: 12 rows stored (3 new, 9 changed, 0 unchanged)"
    );
    assert_eq!(
        en(1, 1, &summary(0, 0, 1, 1)),
        "budget.csv: 1 row stored (0 new, 0 changed, 1 unchanged, 1 refused before and sent again); 1 identical row counted once"
    );
    assert_eq!(
        en(2, 4, &summary(2, 0, 0, 0)),
        "budget.csv: 2 rows stored (2 new, 0 changed, 0 unchanged); 4 identical rows counted once"
    );
    let ar = |rows| stored_summary(Language::Arabic, file, rows, 0, &summary(rows, 0, 0, 0));
    assert_eq!(
        ar(2),
        "budget.csv: حُفظ صفان (جديدة: 2، متغيّرة: 0، بلا تغيير: 0)"
    );
    assert!(ar(11).contains("حُفظ 11 صفًا"), "{}", ar(11));
    assert!(ar(103).contains("حُفظت 103 صفوف"), "{}", ar(103));
    let fa = stored_summary(Language::Persian, file, 5, 2, &summary(5, 0, 0, 1));
    assert_eq!(
        fa,
        "budget.csv: 5 ردیف ذخیره شد (تازه: 5، تغییریافته: 0، بی‌تغییر: 0، ردشده در گذشته و دوباره فرستاده‌شده: 1)؛ 2 ردیف تکراری یک بار شمرده شد"
    );
    assert!(
        rasid_shared::i18n::misses().is_empty(),
        "{:?}",
        rasid_shared::i18n::misses()
    );
}
