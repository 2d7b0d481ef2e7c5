//! JSON Schemas of what an agent sends: a batch, a record envelope, the records of each kind.
//!
//! Generated from the serde types with `schemars`, so they say what the types read; committed
//! under docs/schemas/ and checked by shared/tests/schemas.rs. They hold what can be checked on
//! one record alone; rules that need the collector's registry, store or clock are not in them.
//! The patterns here accept exactly what the custom (de)serialisers of codes accept.

use crate::model::{
    BudgetLine, CommitteeActivity, ComplaintsQuarter, Decision, DecisionStatus, KpiAchievement,
    LegalMemoranda, LegislationItem, Project, ProjectProgress, Record, RecordEnvelope, RecordKind,
    Session,
};
use crate::wire::Batch;
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};
use std::collections::BTreeSet;

/// One schema file of docs/schemas/.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaFile {
    /// The file name within docs/schemas/, e.g. `batch.json`.
    pub name: String,
    /// The schema (JSON Schema 2020-12), self-contained: every `$ref` points into its `$defs`.
    pub schema: Value,
}

impl SchemaFile {
    /// The file's text: pretty JSON with a final newline, fields in declaration order.
    pub fn text(&self) -> String {
        let mut s = serde_json::to_string_pretty(&self.schema).unwrap_or_default();
        s.push('\n');
        s
    }
}

/// Every schema of docs/schemas/: `batch.json` (what `POST /v1/batches` reads), `envelope.json`
/// (one record as stored and sent), `record.json` (any record) and `record-<kind>.json` (one
/// kind, tag included).
pub fn schema_files() -> Vec<SchemaFile> {
    let mut files = vec![
        file("batch.json", root::<Batch>()),
        file("envelope.json", root::<RecordEnvelope>()),
        file("record.json", root::<Record>()),
    ];
    for kind in RecordKind::ALL {
        let schema = match kind {
            RecordKind::Session => root::<Session>(),
            RecordKind::Decision => root::<Decision>(),
            RecordKind::DecisionStatus => root::<DecisionStatus>(),
            RecordKind::Budget => root::<BudgetLine>(),
            RecordKind::Kpi => root::<KpiAchievement>(),
            RecordKind::Committee => root::<CommitteeActivity>(),
            RecordKind::Project => root::<Project>(),
            RecordKind::ProjectProgress => root::<ProjectProgress>(),
            RecordKind::Complaints => root::<ComplaintsQuarter>(),
            RecordKind::Legislation => root::<LegislationItem>(),
            RecordKind::LegalMemoranda => root::<LegalMemoranda>(),
        };
        files.push(file(
            &format!("record-{kind}.json"),
            with_record_tag(schema, kind),
        ));
    }
    files
}

fn file(name: &str, schema: Schema) -> SchemaFile {
    let mut schema = schema.to_value();
    tidy(&mut schema);
    SchemaFile {
        name: name.to_string(),
        schema,
    }
}

/// What every generated schema goes through: descriptions unwrapped, integers bounded.
fn tidy(schema: &mut Value) {
    unwrap_descriptions(schema);
    bound_integers(schema);
}

/// The schemas of an HTTP API's bodies, for an OpenAPI 3.1 document's `components.schemas`
/// (docs/openapi.json): each a JSON Schema 2020-12 made by the same generator as
/// docs/schemas/, referring to the others as `#/components/schemas/NAME`.
///
/// What the API reads is described as serde reads it ([`ApiSchemas::read`]) and what it answers
/// as serde writes it ([`ApiSchemas::answer`]): a field with a default may be left out of a
/// request but is always in an answer. A type whose two schemas differ appears twice, its
/// answer form named with the suffix `Answer` (`Decision`, `DecisionAnswer`).
pub struct ApiSchemas {
    read: SchemaGenerator,
    answer: SchemaGenerator,
}

/// Where an OpenAPI document keeps its schemas.
const COMPONENTS: &str = "/components/schemas";

impl ApiSchemas {
    /// No schemas yet.
    pub fn new() -> ApiSchemas {
        let settings = |s: SchemaSettings| s.with(|s| s.definitions_path = COMPONENTS.into());
        ApiSchemas {
            read: settings(SchemaSettings::draft2020_12().for_deserialize()).into_generator(),
            answer: settings(SchemaSettings::draft2020_12().for_serialize()).into_generator(),
        }
    }

    /// Adds `T` as a request body (and every type it refers to); returns its reference.
    pub fn read<T: JsonSchema>(&mut self) -> Value {
        self.read.subschema_for::<T>().to_value()
    }

    /// Adds `T` as an answer (and every type it refers to); returns its reference (before
    /// [`ApiSchemas::finish`] renames answer forms: refer to a type that is also read as
    /// `NAMEAnswer`).
    pub fn answer<T: JsonSchema>(&mut self) -> Value {
        self.answer.subschema_for::<T>().to_value()
    }

    /// Every schema added, by name, tidied as docs/schemas/ are. An answer form that differs
    /// from the request form of the same name (or refers to one that does) is named
    /// `NAMEAnswer`, and the answers refer to it by that name.
    pub fn finish(mut self) -> Map<String, Value> {
        let mut all = self.read.take_definitions(true);
        let answers = self.answer.take_definitions(true);
        // An answer form differs from the request form of the same name when its schema does,
        // or when it refers to one that does.
        let mut renamed: BTreeSet<String> = answers
            .iter()
            .filter(|(name, schema)| all.get(*name).is_some_and(|s| s != *schema))
            .map(|(name, _)| name.clone())
            .collect();
        loop {
            let more: Vec<String> = answers
                .iter()
                .filter(|(name, schema)| {
                    all.contains_key(*name)
                        && !renamed.contains(*name)
                        && refs(schema).iter().any(|r| renamed.contains(r))
                })
                .map(|(name, _)| name.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            renamed.extend(more);
        }
        for (name, mut schema) in answers {
            rename_refs(&mut schema, &renamed);
            let name = if renamed.contains(&name) {
                format!("{name}Answer")
            } else {
                name
            };
            all.insert(name, schema);
        }
        for schema in all.values_mut() {
            tidy(schema);
        }
        all
    }
}

impl Default for ApiSchemas {
    fn default() -> Self {
        Self::new()
    }
}

/// The names of the components a schema refers to.
fn refs(v: &Value) -> Vec<String> {
    match v {
        Value::Object(obj) => obj
            .iter()
            .flat_map(|(key, value)| match value {
                Value::String(target) if key == "$ref" => target
                    .strip_prefix("#/components/schemas/")
                    .map(str::to_string)
                    .into_iter()
                    .collect(),
                _ => refs(value),
            })
            .collect(),
        Value::Array(items) => items.iter().flat_map(refs).collect(),
        _ => Vec::new(),
    }
}

/// Points every `$ref` to one of `renamed` at its answer form.
fn rename_refs(v: &mut Value, renamed: &BTreeSet<String>) {
    match v {
        Value::Object(obj) => {
            for (key, value) in obj.iter_mut() {
                match value {
                    Value::String(target) if key == "$ref" => {
                        let name = target.strip_prefix("#/components/schemas/");
                        if name.is_some_and(|n| renamed.contains(n)) {
                            target.push_str("Answer");
                        }
                    }
                    _ => rename_refs(value, renamed),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| rename_refs(i, renamed)),
        _ => {}
    }
}

/// States the range of each integer's Rust type where no tighter bound is given: serde refuses
/// a number its field cannot hold, so the schema must too.
fn bound_integers(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            let range: Option<(Value, Value)> = match obj.get("format").and_then(Value::as_str) {
                Some("int32") => Some((i32::MIN.into(), i32::MAX.into())),
                Some("int64") => Some((i64::MIN.into(), i64::MAX.into())),
                Some("uint8") => Some((0.into(), u8::MAX.into())),
                Some("uint16") => Some((0.into(), u16::MAX.into())),
                Some("uint32") => Some((0.into(), u32::MAX.into())),
                Some("uint64") => Some((0.into(), u64::MAX.into())),
                _ => None,
            };
            if let Some((min, max)) = range {
                obj.entry("minimum").or_insert(min);
                obj.entry("maximum").or_insert(max);
            }
            obj.values_mut().for_each(bound_integers);
        }
        Value::Array(items) => items.iter_mut().for_each(bound_integers),
        _ => {}
    }
}

/// Joins the lines of each paragraph of the descriptions, which come from doc comments wrapped
/// at 100 columns; paragraphs stay apart.
fn unwrap_descriptions(v: &mut Value) {
    match v {
        Value::Object(obj) => {
            for (key, value) in obj.iter_mut() {
                match value {
                    Value::String(text) if key == "description" => {
                        *text = text
                            .split("\n\n")
                            .map(|p| p.split('\n').collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => unwrap_descriptions(value),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(unwrap_descriptions),
        _ => {}
    }
}

/// The schema of `T` as the collector reads it (the deserialising side of serde).
fn root<T: JsonSchema>() -> Schema {
    SchemaGenerator::new(SchemaSettings::draft2020_12().for_deserialize())
        .into_root_schema_for::<T>()
}

/// A kind's schema as it stands in an envelope: with the `record` field naming the kind first,
/// as `Record`'s internal tag puts it.
fn with_record_tag(mut schema: Schema, kind: RecordKind) -> Schema {
    if let Some(obj) = schema.as_object_mut() {
        let tag = json_schema!({
            "type": "string",
            "const": kind.as_str(),
            "description": format!("The record's kind: `{kind}`."),
        })
        .to_value();
        if let Some(Value::Object(props)) = obj.get_mut("properties") {
            let fields = std::mem::take(props);
            let mut tagged = Map::new();
            tagged.insert("record".to_string(), tag);
            tagged.extend(fields);
            *props = tagged;
        }
        if let Some(Value::Array(required)) = obj.get_mut("required") {
            required.insert(0, Value::from("record"));
        }
    }
    schema
}

// ---- Patterns ------------------------------------------------------------------------------
//
// Written in the common subset of ECMA-262 (JSON Schema's dialect) and the Rust `regex` crate:
// classes with \uXXXX escapes, (?:…) groups, counted repetition.

/// What Rust's `char::is_whitespace` (Unicode White_Space) takes for white space, and so what
/// `str::trim` removes, as the inside of a regex class.
const WHITE_SPACE: &str =
    r"\t\n\u000B\u000C\r \u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000";

/// Control characters the validation refuses in text (all but tab and line feed).
const CONTROL: &str = r"\u0000-\u0008\u000B-\u001F\u007F-\u009F";

/// A character that is neither white space nor a refused control character.
const VISIBLE: &str =
    r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// The Arabic thousands separator, which digit conversion drops wherever it stands.
const ARABIC_THOUSANDS: &str = r"\u066C*";

/// Pattern of a center code as `CenterCode::new` reads it: surrounding white space and lower
/// case are accepted; 2–16 of `A-Z`, `0-9`, `-`, not starting with `-`.
pub(crate) fn center_code_pattern() -> String {
    format!("^[{WHITE_SPACE}]*[A-Za-z0-9][A-Za-z0-9-]{{1,15}}[{WHITE_SPACE}]*$")
}

/// Pattern of a decision number as `DecisionNumber::from_str` reads it: three parts
/// government (0–65535), session (0–4294967295) and item (0–65535) separated by `/`, each in
/// Western, Arabic-Indic or Persian digits with any leading zeros, white space around each
/// part, and Arabic thousands separators anywhere.
pub(crate) fn decision_number_pattern() -> String {
    number_pattern(true)
}

/// Like [`decision_number_pattern`], with session and item 1 or more, as a decision's own
/// number must be (the government may be 0).
fn issued_decision_number_pattern() -> String {
    number_pattern(false)
}

fn number_pattern(zero: bool) -> String {
    let part = |max: u64, zero: bool| {
        let space = format!("(?:[{WHITE_SPACE}]{ARABIC_THOUSANDS})*");
        format!("{space}{}{space}", number_up_to(max, zero))
    };
    format!(
        "^{ARABIC_THOUSANDS}{}/{ARABIC_THOUSANDS}{}/{ARABIC_THOUSANDS}{}$",
        part(u64::from(u16::MAX), true),
        part(u64::from(u32::MAX), zero),
        part(u64::from(u16::MAX), zero),
    )
}

/// One digit from `lo` to `hi` in Western, Arabic-Indic or Persian digits, then any separators.
fn digit(lo: u8, hi: u8) -> String {
    let range = |base: &str, zero: u32| {
        let a = format!("{base}{:04X}", zero + u32::from(lo));
        let b = format!("{base}{:04X}", zero + u32::from(hi));
        if lo == hi { a } else { format!("{a}-{b}") }
    };
    let western = if lo == hi {
        lo.to_string()
    } else {
        format!("{lo}-{hi}")
    };
    format!(
        "[{western}{}{}]{ARABIC_THOUSANDS}",
        range(r"\u", 0x0660),
        range(r"\u", 0x06F0)
    )
}

/// A non-empty run of digits whose value is at most `max`, and at least 1 unless `zero` is
/// allowed; any leading zeros.
fn number_up_to(max: u64, zero: bool) -> String {
    let d: Vec<u8> = max.to_string().bytes().map(|b| b - b'0').collect();
    let n = d.len();
    let any = |count: String| format!("(?:{}){{{count}}}", digit(0, 9));
    // After the leading zeros: a first digit of 1 to 9, and no more digits than `max` has.
    let mut nonzero = Vec::new();
    if n > 1 {
        nonzero.push(format!("{}{}", digit(1, 9), any(format!("0,{}", n - 2))));
    }
    // As many digits as `max`: equal to it up to position i, lower at i, anything after.
    for i in 0..n {
        let lowest = if i == 0 { 1 } else { 0 };
        if d[i] <= lowest {
            continue;
        }
        let mut a: String = d[..i].iter().map(|&x| digit(x, x)).collect();
        a.push_str(&digit(lowest, d[i] - 1));
        if n - i - 1 > 0 {
            a.push_str(&any((n - i - 1).to_string()));
        }
        nonzero.push(a);
    }
    nonzero.push(d.iter().map(|&x| digit(x, x)).collect());
    let zeros = format!("(?:{})*", digit(0, 0));
    if zero {
        format!("{zeros}(?:{}|{})", nonzero.join("|"), digit(0, 0))
    } else {
        format!("{zeros}(?:{})", nonzero.join("|"))
    }
}

// ---- Field schemas used through `#[schemars(schema_with = …)]` --------------------------------

/// A decision's own number: session and item 1 or more.
pub(crate) fn issued_decision_number(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": issued_decision_number_pattern(),
        "examples": ["18/212/02"],
    })
}

/// Text the validation requires: not blank, at most `max` characters, no control characters
/// but tab and line feed.
fn required_text(max: usize) -> Schema {
    json_schema!({
        "type": "string",
        "minLength": 1,
        "maxLength": max,
        "pattern": format!("^[^{CONTROL}]*{VISIBLE}[^{CONTROL}]*$"),
    })
}

/// Text the validation allows empty: at most `max` characters, no control characters but tab
/// and line feed.
fn optional_text(max: usize) -> Schema {
    json_schema!({
        "type": "string",
        "maxLength": max,
        "pattern": format!("^[^{CONTROL}]*$"),
    })
}

/// A required name, program or indicator (`MAX_NAME_CHARS`).
pub(crate) fn required_name(_: &mut SchemaGenerator) -> Schema {
    required_text(crate::model::validate::MAX_NAME_CHARS)
}

/// An optional name or unit (`MAX_NAME_CHARS`).
pub(crate) fn optional_name(_: &mut SchemaGenerator) -> Schema {
    optional_text(crate::model::validate::MAX_NAME_CHARS)
}

/// A required title (`MAX_TEXT_CHARS`).
pub(crate) fn required_title(_: &mut SchemaGenerator) -> Schema {
    required_text(crate::model::validate::MAX_TEXT_CHARS)
}

/// An optional note (`MAX_TEXT_CHARS`).
pub(crate) fn optional_note(_: &mut SchemaGenerator) -> Schema {
    optional_text(crate::model::validate::MAX_TEXT_CHARS)
}

/// A string that must hold something besides white space (no length or character limit).
pub(crate) fn not_blank(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": format!("[^{WHITE_SPACE}]"),
    })
}

/// A currency code: three capital letters (ISO 4217 style, not checked against the list).
pub(crate) fn currency(_: &mut SchemaGenerator) -> Schema {
    json_schema!({
        "type": "string",
        "pattern": "^[A-Z]{3}$",
        "examples": ["ILS", "JOD", "USD"],
    })
}

// ---- Rules across fields, added to a record kind's schema through `#[schemars(transform)]` ---

/// Adds `if`/`then` rules to a schema's `allOf`.
fn add_rules(schema: &mut Schema, rules: Vec<Value>) {
    if let Some(obj) = schema.as_object_mut() {
        match obj.get_mut("allOf") {
            Some(Value::Array(all)) => all.extend(rules),
            _ => {
                obj.insert("allOf".to_string(), Value::Array(rules));
            }
        }
    }
}

/// A string holding something besides white space.
fn not_blank_string() -> Value {
    serde_json::json!({"type": "string", "pattern": format!("[^{WHITE_SPACE}]")})
}

/// A decision names at least one responsible center unless it is routine.
pub(crate) fn decision_rules(schema: &mut Schema) {
    add_rules(
        schema,
        vec![serde_json::json!({
            "if": {"properties": {"routine": {"const": true}}, "required": ["routine"]},
            "else": {"properties": {"centers": {"minItems": 1}}},
        })],
    );
}

/// Not started is at 0%; executed is at 100% (or 0%, not measured).
pub(crate) fn decision_status_rules(schema: &mut Schema) {
    add_rules(
        schema,
        vec![
            serde_json::json!({
                "if": {"properties": {"status": {"const": "not-started"}}, "required": ["status"]},
                "then": {"properties": {"progress": {"const": 0}}},
            }),
            serde_json::json!({
                "if": {"properties": {"status": {"const": "executed"}}, "required": ["status"]},
                "then": {"properties": {"progress": {"enum": [0, 100]}}},
            }),
        ],
    );
}

/// A donor-funded project names its donor; a treasury-funded one has none.
pub(crate) fn project_rules(schema: &mut Schema) {
    add_rules(
        schema,
        vec![
            serde_json::json!({
                "if": {"properties": {"funding": {"const": "donor"}}, "required": ["funding"]},
                "then": {"required": ["donor"], "properties": {"donor": not_blank_string()}},
            }),
            serde_json::json!({
                "if": {"properties": {"funding": {"const": "treasury"}}, "required": ["funding"]},
                "then": {"properties": {"donor": {"type": "null"}}},
            }),
        ],
    );
}

/// A completed project is at 100%; a delayed or stalled one says what holds it up.
pub(crate) fn project_progress_rules(schema: &mut Schema) {
    add_rules(
        schema,
        vec![
            serde_json::json!({
                "if": {"properties": {"status": {"const": "completed"}}, "required": ["status"]},
                "then": {"properties": {"actual_progress": {"const": 100}}},
            }),
            serde_json::json!({
                "if": {"properties": {"status": {"enum": ["delayed", "stalled"]}}, "required": ["status"]},
                "then": {"required": ["obstacle"], "properties": {"obstacle": not_blank_string()}},
            }),
        ],
    );
}
