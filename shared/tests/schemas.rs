//! docs/schemas/: the committed JSON Schemas are the generated ones, the demo's batches pass
//! them, invalid records fail them, and their patterns accept exactly what the parsers accept.
//!
//! Regenerate the files with `RASID_WRITE_SCHEMAS=1 cargo test -p rasid-shared --test schemas`.

use chrono::{TimeZone, Utc};
use proptest::prelude::*;
use rasid_shared::demo;
use rasid_shared::model::validate::{validate_envelope, validate_record};
use rasid_shared::model::{CenterCode, DecisionNumber, Record, RecordEnvelope, RecordKind};
use rasid_shared::schema::schema_files;
use rasid_shared::wire::Batch;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::LazyLock;

const REGENERATE: &str = "RASID_WRITE_SCHEMAS=1 cargo test -p rasid-shared --test schemas";

fn schema_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs/schemas")
}

fn writing() -> bool {
    std::env::var_os("RASID_WRITE_SCHEMAS").is_some_and(|v| v == "1")
}

/// A committed schema file, compiled (the generated one while the files are being rewritten).
fn committed(name: &str) -> jsonschema::Validator {
    if writing() {
        let generated = schema_files().into_iter().find(|f| f.name == name);
        let schema = generated
            .unwrap_or_else(|| panic!("{name} is not generated"))
            .schema;
        return compile(&schema).unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"));
    }
    let path = schema_dir().join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `{REGENERATE}`", path.display()));
    let schema: Value = serde_json::from_str(&text).expect("committed schemas are JSON");
    compile(&schema).unwrap_or_else(|e| panic!("{name} is not a valid schema: {e}"))
}

/// A validator that also asserts formats (`date`, `date-time`), as API.md advises integrators.
fn compile(schema: &Value) -> Result<jsonschema::Validator, jsonschema::ValidationError<'static>> {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
}

static BATCH: LazyLock<jsonschema::Validator> = LazyLock::new(|| committed("batch.json"));
static ENVELOPE: LazyLock<jsonschema::Validator> = LazyLock::new(|| committed("envelope.json"));

/// The schema of one definition of batch.json (`CenterCode`, `DecisionNumber` …), with the
/// definitions it may refer to.
fn definition(name: &str) -> jsonschema::Validator {
    let batch = schema_files()
        .into_iter()
        .find(|f| f.name == "batch.json")
        .expect("batch.json is generated")
        .schema;
    let schema = json!({"$defs": batch["$defs"], "$ref": format!("#/$defs/{name}")});
    compile(&schema).expect("a valid schema")
}

fn errors(v: &jsonschema::Validator, value: &Value) -> Vec<String> {
    v.iter_errors(value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn committed_schemas_are_the_generated_ones() {
    let dir = schema_dir();
    let files = schema_files();
    if writing() {
        std::fs::create_dir_all(&dir).expect("docs/schemas");
        for f in &files {
            std::fs::write(dir.join(&f.name), f.text()).expect("writing a schema");
        }
    }
    let mut stale = Vec::new();
    for f in &files {
        let path = dir.join(&f.name);
        match std::fs::read_to_string(&path) {
            Ok(text) if text == f.text() => {}
            Ok(_) => stale.push(format!(
                "{} differs from the generated schema",
                path.display()
            )),
            Err(e) => stale.push(format!("{}: {e}", path.display())),
        }
    }
    let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
    for entry in std::fs::read_dir(&dir).expect("docs/schemas") {
        let name = entry.expect("a directory entry").file_name();
        let name = name.to_string_lossy();
        if !names.contains(&name.as_ref()) {
            stale.push(format!(
                "docs/schemas/{name} is not generated any more; delete it"
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/schemas/ is not what the types say:\n{}\nrun `{REGENERATE}` and commit the result",
        stale.join("\n")
    );
}

#[test]
fn every_schema_is_a_valid_draft_2020_12_schema_with_local_refs_only() {
    for f in schema_files() {
        compile(&f.schema).unwrap_or_else(|e| panic!("{}: {e}", f.name));
        let text = f.text();
        for (i, _) in text.match_indices("\"$ref\": \"") {
            assert!(
                text[i..].starts_with("\"$ref\": \"#/$defs/"),
                "{} refers outside itself: {}",
                f.name,
                &text[i..i + 60.min(text.len() - i)]
            );
        }
    }
}

/// The demo dataset cut into batches per center, as agents would send it.
fn demo_batches() -> Vec<Batch> {
    let mut by_center: BTreeMap<String, Vec<RecordEnvelope>> = BTreeMap::new();
    for env in demo::generate().records {
        by_center
            .entry(env.center.to_string())
            .or_default()
            .push(env);
    }
    let mut batches = Vec::new();
    for (center, records) in by_center {
        for (i, chunk) in records.chunks(500).enumerate() {
            batches.push(Batch {
                version: rasid_shared::wire::PROTOCOL_VERSION,
                center: CenterCode::new(&center).expect("demo centers are valid"),
                agent: "0673e86129ef0280".into(),
                epoch: if i % 2 == 0 {
                    "9f2c41d07a3e".into()
                } else {
                    String::new()
                },
                seq: i as u64 + 1,
                created: Utc.with_ymd_and_hms(2024, 2, 12, 9, 0, 0).unwrap(),
                records: chunk.to_vec(),
            });
        }
    }
    batches
}

#[test]
fn the_demo_batches_pass_the_batch_schema() {
    let batches = demo_batches();
    assert!(batches.len() > 5);
    let mut kinds = std::collections::BTreeSet::new();
    for b in &batches {
        let value = serde_json::to_value(b).expect("a batch encodes");
        let errs = errors(&BATCH, &value);
        assert!(errs.is_empty(), "batch {}: {}", b.id(), errs.join("\n"));
        for env in &b.records {
            kinds.insert(env.record.kind());
            let value = serde_json::to_value(env).expect("an envelope encodes");
            let errs = errors(&ENVELOPE, &value);
            assert!(errs.is_empty(), "{}: {}", env.key(), errs.join("\n"));
            let kind = committed(&format!("record-{}.json", env.record.kind()));
            let errs = errors(&kind, &value["record"]);
            assert!(errs.is_empty(), "{}: {}", env.key(), errs.join("\n"));
        }
    }
    assert_eq!(
        kinds.len(),
        RecordKind::ALL.len(),
        "the demo has every kind: {kinds:?}"
    );
}

/// A valid budget line, a valid decision status and a valid project progress, as JSON.
fn budget() -> Value {
    json!({"center": "MOH", "as_of": "2024-01-31", "revision": 1,
        "record": {"record": "budget", "fiscal_year": 2024, "month": 1, "program": "P1",
            "category": "operating", "allocated": 1000000, "committed": 0, "spent": 84000,
            "currency": "ILS"}})
}

fn status() -> Value {
    json!({"center": "MOH", "as_of": "2024-01-31", "revision": 3,
        "record": {"record": "decision-status", "decision": "18/212/02", "status": "in-progress",
            "progress": 40, "note": "بانتظار المصادقة"}})
}

fn decision() -> Value {
    json!({"center": "GSC", "as_of": "2023-06-05", "revision": 1,
        "record": {"record": "decision", "number": "18/212/02", "date": "2023-06-05",
            "kind": "assignment", "title": "تأهيل المراكز الصحية", "centers": ["MOH", "MOF"],
            "due": "2023-09-05"}})
}

fn project() -> Value {
    json!({"center": "MOH", "as_of": "2023-01-31", "revision": 1,
        "record": {"record": "project", "code": "MOH-HOSP", "name_ar": "مستشفى", "sector": "الصحة",
            "funding": "donor", "donor": "البنك الدولي", "start": "2023-01-01",
            "planned_end": "2025-12-31", "budget": 5000000, "currency": "USD"}})
}

fn routine_decision() -> Value {
    let mut v = changed(decision(), "/record/centers", json!([]));
    v["record"]["routine"] = json!(true);
    v
}

fn progress() -> Value {
    json!({"center": "MOH", "as_of": "2024-01-31", "revision": 1,
        "record": {"record": "project-progress", "project": "MOH-HOSP", "period_end": "2023-12-31",
            "planned_progress": 50, "actual_progress": 40, "cumulative_spent": 1000,
            "status": "on-track"}})
}

/// Whether the collector's side reads and validates `value` as an envelope without problems.
fn rust_accepts(value: &Value) -> bool {
    serde_json::from_value::<RecordEnvelope>(value.clone())
        .is_ok_and(|env| validate_envelope(&env).is_empty())
}

fn changed(mut v: Value, pointer: &str, new: Value) -> Value {
    *v.pointer_mut(pointer).expect("the field exists") = new;
    v
}

fn without(mut v: Value, field: &str) -> Value {
    v["record"]
        .as_object_mut()
        .expect("an object")
        .remove(field);
    v
}

#[test]
fn the_valid_examples_pass_both_the_schema_and_the_collector() {
    for v in [
        budget(),
        status(),
        progress(),
        decision(),
        routine_decision(),
        project(),
        without(
            changed(project(), "/record/funding", json!("treasury")),
            "donor",
        ),
    ] {
        assert!(rust_accepts(&v), "{v}");
        assert_eq!(errors(&ENVELOPE, &v), Vec::<String>::new(), "{v}");
    }
}

#[test]
fn invalid_records_are_refused_by_the_schema_as_by_the_collector() {
    let cases = [
        (
            "unknown status word",
            changed(status(), "/record/status", json!("partly-done")),
        ),
        (
            "Arabic status word (import files only)",
            changed(status(), "/record/status", json!("منفذ")),
        ),
        (
            "decision number with two parts",
            changed(status(), "/record/decision", json!("18/212")),
        ),
        (
            "decision number with a letter",
            changed(status(), "/record/decision", json!("18/x/02")),
        ),
        (
            "government number over 65535",
            changed(status(), "/record/decision", json!("99999999/1/1")),
        ),
        (
            "decision of session 0",
            changed(decision(), "/record/number", json!("18/0/02")),
        ),
        (
            "decision of item 0",
            changed(decision(), "/record/number", json!("18/212/00")),
        ),
        (
            "non-routine decision without centers",
            changed(decision(), "/record/centers", json!([])),
        ),
        (
            "a center named twice",
            changed(decision(), "/record/centers", json!(["MOH", "MOH"])),
        ),
        (
            "blank title",
            changed(decision(), "/record/title", json!(" \n")),
        ),
        ("donor-funded without a donor", without(project(), "donor")),
        (
            "donor-funded with a blank donor",
            changed(project(), "/record/donor", json!(" ")),
        ),
        (
            "treasury-funded with a donor",
            changed(project(), "/record/funding", json!("treasury")),
        ),
        ("missing spent", without(budget(), "spent")),
        ("missing kind tag", without(budget(), "record")),
        (
            "unknown kind",
            changed(budget(), "/record/record", json!("expense")),
        ),
        ("unknown field", {
            let mut v = budget();
            v["record"]["spent_total"] = json!(5);
            v
        }),
        ("month 13", changed(budget(), "/record/month", json!(13))),
        (
            "fiscal year 23",
            changed(budget(), "/record/fiscal_year", json!(23)),
        ),
        (
            "negative amount",
            changed(budget(), "/record/allocated", json!(-5)),
        ),
        (
            "an amount over 10^15",
            changed(budget(), "/record/spent", json!(1_000_000_000_000_001_i64)),
        ),
        (
            "lower-case currency",
            changed(budget(), "/record/currency", json!("ils")),
        ),
        (
            "blank program",
            changed(budget(), "/record/program", json!("  ")),
        ),
        (
            "program with a control character",
            changed(budget(), "/record/program", json!("P\u{7}1")),
        ),
        (
            "program over 300 characters",
            changed(budget(), "/record/program", json!("ب".repeat(301))),
        ),
        ("revision 0", changed(budget(), "/revision", json!(0))),
        (
            "revision beyond 64 bits",
            changed(budget(), "/revision", json!(u64::MAX as f64 * 2.0)),
        ),
        (
            "amount beyond 64 bits",
            changed(budget(), "/record/spent", json!(u64::MAX)),
        ),
        (
            "an integer written with a fraction",
            changed(budget(), "/record/month", json!(1.5)),
        ),
        (
            "center code of one letter",
            changed(budget(), "/center", json!("M")),
        ),
        (
            "progress over 100",
            changed(status(), "/record/progress", json!(140)),
        ),
        (
            "not started at 40%",
            changed(status(), "/record/status", json!("not-started")),
        ),
        (
            "executed at 40%",
            changed(status(), "/record/status", json!("executed")),
        ),
        (
            "completed at 40%",
            changed(progress(), "/record/status", json!("completed")),
        ),
        (
            "stalled without an obstacle",
            changed(progress(), "/record/status", json!("stalled")),
        ),
        (
            "not a date",
            changed(budget(), "/as_of", json!("31/01/2024")),
        ),
    ];
    for (what, v) in cases {
        assert!(!rust_accepts(&v), "the collector accepts {what}: {v}");
        assert!(
            !ENVELOPE.is_valid(&v),
            "the envelope schema accepts {what}: {v}"
        );
        let batch = json!({"version": 1, "center": "MOH", "agent": "0673e86129ef0280",
            "seq": 1, "created": "2024-02-12T09:00:00Z", "records": [budget(), v]});
        assert!(!BATCH.is_valid(&batch), "the batch schema accepts {what}");
    }
}

#[test]
fn batch_fields_the_collector_refuses_are_refused_by_the_schema() {
    let good = json!({"version": 1, "center": "MOH", "agent": "0673e86129ef0280",
        "epoch": "9f2c41d07a3e", "seq": 1, "created": "2024-02-12T09:00:00Z",
        "records": [budget()]});
    assert_eq!(errors(&BATCH, &good), Vec::<String>::new());
    assert!(serde_json::from_value::<Batch>(good.clone()).is_ok());
    for (field, value) in [
        ("version", json!(2)),
        ("agent", json!("0673E86129EF0280")),
        ("agent", json!("0673e861")),
        ("epoch", json!("9f2c-41d0")),
        ("epoch", json!("a".repeat(33))),
        ("created", json!(17)),
        ("records", json!({})),
    ] {
        let mut bad = good.clone();
        bad[field] = value.clone();
        assert!(!BATCH.is_valid(&bad), "{field} = {value}");
    }
}

// ---- The patterns accept exactly what the parsers accept ------------------------------------

/// Characters that matter to decision numbers and center codes: digits of three scripts,
/// separators, white space of several kinds, letters, and a few that must be refused.
fn tricky_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        '0', '1', '2', '5', '6', '9', '٠', '١', '٥', '٦', '٩', '۰', '۱', '۵', '۶', '۹', '/', ' ',
        '\t', '\u{A0}', '\u{2003}', '\u{FEFF}', '\u{180E}', '\u{66C}', '\u{66B}', 'a', 'M', 'z',
        'O', 'H', '-', '_', '+', '.', 'é', '\u{0}', '\n',
    ])
}

fn tricky_string() -> impl Strategy<Value = String> {
    prop::collection::vec(tricky_char(), 0..24).prop_map(|cs| cs.into_iter().collect())
}

/// One part of a near decision number: digits of any size with optional noise around them.
fn near_part() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(tricky_char(), 0..3),
        prop::num::u64::ANY,
        0u32..4,
        prop::collection::vec(tricky_char(), 0..2),
    )
        .prop_map(|(pre, n, scale, post)| {
            let n = match scale {
                0 => n % 100,
                1 => n % 70_000,
                2 => n % 5_000_000_000,
                _ => n,
            };
            let mut s: String = pre.into_iter().collect();
            s.push_str(&n.to_string());
            s.extend(post);
            s
        })
}

/// Strings close to decision numbers: three parts of digits with optional noise.
fn near_decision_number() -> impl Strategy<Value = String> {
    (near_part(), near_part(), near_part()).prop_map(|(a, b, c)| format!("{a}/{b}/{c}"))
}

static DECISION_NUMBER: LazyLock<jsonschema::Validator> =
    LazyLock::new(|| definition("DecisionNumber"));
static CENTER_CODE: LazyLock<jsonschema::Validator> = LazyLock::new(|| definition("CenterCode"));

fn check_decision_number(s: &str) -> Result<(), TestCaseError> {
    let parsed = s.parse::<DecisionNumber>().is_ok();
    let by_schema = DECISION_NUMBER.is_valid(&json!(s));
    prop_assert_eq!(parsed, by_schema, "{:?}", s);
    Ok(())
}

proptest! {
    #[test]
    fn the_decision_number_pattern_accepts_what_the_parser_accepts(s in tricky_string()) {
        check_decision_number(&s)?;
    }

    #[test]
    fn the_decision_number_pattern_agrees_near_the_limits(s in near_decision_number()) {
        check_decision_number(&s)?;
    }

    #[test]
    fn the_center_code_pattern_accepts_what_the_parser_accepts(s in tricky_string()) {
        let parsed = CenterCode::new(&s).is_ok();
        prop_assert_eq!(parsed, CENTER_CODE.is_valid(&json!(s)), "{:?}", s);
    }

    #[test]
    fn text_rules_agree_with_validation(s in tricky_string(), long in 0usize..3) {
        // A program name: required, at most 300 characters, no control characters.
        let s = s.repeat([1, 14, 40][long]);
        let mut v = budget();
        v["record"]["program"] = json!(s);
        let record: Record = serde_json::from_value(v["record"].clone()).expect("a budget line");
        let valid = validate_record(&record).iter().all(|p| p.field != "program");
        prop_assert_eq!(valid, ENVELOPE.is_valid(&v), "{:?}", s);
    }
}

#[test]
fn pattern_edges_agree_with_the_parsers() {
    for s in [
        "18/212/02",
        "١٨/٢١٢/٠٢",
        "۱۸/۲۱۲/۰۲",
        " 18 / 212 / 2 ",
        "1\u{66C}8/212/02",
        "65535/4294967295/65535",
        "65536/1/1",
        "1/4294967296/1",
        "000000000000065535/0/0",
        "18/212/02/",
        "+18/212/02",
        "18//02",
        "",
    ] {
        check_decision_number(s).unwrap();
    }
    for s in [
        "MOH",
        " moh ",
        "MOF-BUDGET",
        "-AB",
        "M",
        "A234567890123456",
        "A2345678901234567",
        "وزارة",
    ] {
        assert_eq!(
            CenterCode::new(s).is_ok(),
            CENTER_CODE.is_valid(&json!(s)),
            "{s:?}"
        );
    }
}

#[test]
fn the_gaps_api_md_names_are_the_only_ones_met_here() {
    // A zero fraction is an integer to JSON Schema, not to serde.
    let v = changed(budget(), "/record/month", json!(1.0));
    assert!(ENVELOPE.is_valid(&v));
    assert!(!rust_accepts(&v));
    // chrono reads a one-digit month; a validator asserting `format: date` does not.
    let v = changed(budget(), "/as_of", json!("2024-1-31"));
    assert!(rust_accepts(&v));
    assert!(!ENVELOPE.is_valid(&v));
}
