//! JSON import files: an array of rows, or `{"center": "MOH", "records": [...]}`.
//!
//! A row is a record as on the wire (`record` plus the record's fields) with an optional `as_of`.
//! `record` may be left out when the file name or `--kind` gives it.

use super::{
    Format, ImportError, ImportOptions, ImportedRow, Location, Problems, kind_from_file_name,
};
use chrono::NaiveDate;
use rasid_shared::model::validate::{validate_against_today, validate_record};
use rasid_shared::model::{Record, RecordKind};
use serde_json::Value;
use std::path::Path;

pub struct JsonFormat;

impl Format for JsonFormat {
    fn read(
        &self,
        path: &Path,
        bytes: &[u8],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<ImportedRow>, ImportError> {
        let rows = document_rows(path, bytes, opts)?;
        let default_kind = opts.kind.or_else(|| kind_from_file_name(path));
        let mut problems = Problems::default();
        let mut out = Vec::with_capacity(rows.len());
        for (i, row) in rows.into_iter().enumerate() {
            if i % 1000 == 0 {
                progress(i);
            }
            let at = |column: Option<&str>| Location {
                file: path.to_path_buf(),
                sheet: None,
                row: Some(i + 1),
                column: column.map(str::to_string),
            };
            match read_row(row, default_kind, opts.as_of, opts.today) {
                Ok((as_of, record)) => out.push(ImportedRow {
                    location: at(None),
                    as_of,
                    record,
                }),
                Err(found) => {
                    for (column, message) in found {
                        problems.push(at(column.as_deref()), message);
                    }
                }
            }
        }
        if problems.is_empty() {
            Ok(out)
        } else {
            Err(problems.into_error(path))
        }
    }
}

/// The file's one problem, as the import's error.
fn file_error(path: &Path, at: Location, message: impl Into<String>) -> ImportError {
    let mut p = Problems::default();
    p.push(at, message);
    p.into_error(path)
}

/// The rows of the document in `bytes`: a JSON array, or the `records` of an object for this
/// agent's center.
fn document_rows(
    path: &Path,
    bytes: &[u8],
    opts: &ImportOptions,
) -> Result<Vec<Value>, ImportError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
        file_error(
            path,
            Location {
                row: None,
                ..Location::file(path)
            },
            format!(
                "this is not valid JSON (line {}, column {}): {e}",
                e.line(),
                e.column()
            ),
        )
    })?;
    match doc {
        Value::Array(rows) => Ok(rows),
        Value::Object(mut obj) => {
            if let Some(c) = obj.get("center").and_then(Value::as_str)
                && !c.eq_ignore_ascii_case(opts.center.as_str())
            {
                return Err(file_error(
                    path,
                    Location::file(path),
                    format!(
                        "the file is for center {c}, but this agent reports for {}",
                        opts.center
                    ),
                ));
            }
            match obj.remove("records") {
                Some(Value::Array(rows)) => Ok(rows),
                _ => Err(file_error(
                    path,
                    Location::file(path),
                    "has no \"records\" list; put the rows in \"records\": [ … ]",
                )),
            }
        }
        _ => Err(file_error(
            path,
            Location::file(path),
            "must hold a list of records, or an object with a \"records\" list",
        )),
    }
}

/// A row's problems: the field each is about (`None` for the row), and what is wrong.
type RowProblems = Vec<(Option<String>, String)>;

/// The as-of date and the valid record of one row, or the row's problems; dates are checked
/// against `today` (the agent's clock).
fn read_row(
    row: Value,
    default_kind: Option<RecordKind>,
    default_as_of: NaiveDate,
    today: NaiveDate,
) -> Result<(NaiveDate, Record), RowProblems> {
    let one = |column: Option<&str>, message: String| vec![(column.map(str::to_string), message)];
    let Value::Object(mut obj) = row else {
        return Err(one(None, "is not an object of named fields".to_string()));
    };
    let as_of = match obj.remove("as_of") {
        None | Some(Value::Null) => default_as_of,
        Some(Value::String(s)) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            one(
                Some("as_of"),
                format!("'{s}' is not a date; write it as 2023-06-30"),
            )
        })?,
        Some(other) => {
            return Err(one(
                Some("as_of"),
                format!("{other} is not a date; write it as \"2023-06-30\""),
            ));
        }
    };
    if !obj.contains_key("record") {
        let Some(k) = default_kind else {
            return Err(one(
                Some("record"),
                "does not say what it is; add \"record\" (decision-status, budget, kpi, committee, decision, session) or name the file after the kind".to_string(),
            ));
        };
        obj.insert("record".into(), Value::String(k.as_str().into()));
    }
    let record: Record = serde_json::from_value(Value::Object(obj)).map_err(|e| {
        let (column, message) = explain_serde_error(&e.to_string());
        vec![(column, message)]
    })?;
    let mut found = validate_record(&record);
    found.extend(validate_against_today(as_of, &record, today));
    if found.is_empty() {
        Ok((as_of, record))
    } else {
        Err(found
            .into_iter()
            .map(|p| (Some(p.field), p.message))
            .collect())
    }
}

/// Turns serde's wording into a clerk's, and picks out the field it names.
fn explain_serde_error(msg: &str) -> (Option<String>, String) {
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = quoted(rest);
        return (f.clone(), "is missing; add it".to_string());
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let f = quoted(rest);
        let expected = rest
            .split("expected")
            .nth(1)
            .map(|e| format!("; the fields are{e}"))
            .unwrap_or_default();
        return (
            f,
            format!("is not a field of this kind of record{expected}"),
        );
    }
    if msg.starts_with("unknown variant ") {
        let v = quoted(msg).unwrap_or_default();
        let expected = msg.split("expected").nth(1).unwrap_or("").trim();
        return (None, format!("'{v}' is not allowed here; use {expected}"));
    }
    (None, format!("cannot be read: {msg}"))
}
