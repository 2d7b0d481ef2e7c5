//! JSON import files: an array of rows, or `{"center": "MOH", "records": [...]}`.
//!
//! A row is a record as on the wire (`record` plus the record's fields) with an optional `as_of`.
//! `record` may be left out when the file name or `--kind` gives it.

use super::{
    Format, ImportError, ImportOptions, ImportedRow, Location, Problems, kind_from_file_name,
};
use chrono::NaiveDate;
use rasid_shared::i18n::Msg;
use rasid_shared::model::validate::{validate_against_today, validate_as_of, validate_record};
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
fn file_error(path: &Path, at: Location, message: Msg) -> ImportError {
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
            Msg::new("import-json-invalid")
                .text("line", e.line())
                .text("column", e.column())
                .text("error", e),
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
                    Msg::new("import-json-other-center")
                        .text("center", c)
                        .text("own", &opts.center),
                ));
            }
            match obj.remove("records") {
                Some(Value::Array(rows)) => Ok(rows),
                _ => Err(file_error(
                    path,
                    Location::file(path),
                    Msg::new("import-json-no-records"),
                )),
            }
        }
        _ => Err(file_error(
            path,
            Location::file(path),
            Msg::new("import-json-not-a-list"),
        )),
    }
}

/// A row's problems: the field each is about (`None` for the row), and what is wrong.
type RowProblems = Vec<(Option<String>, Msg)>;

/// The as-of date and the valid record of one row, or the row's problems; dates are checked
/// against `today` (the agent's clock).
fn read_row(
    row: Value,
    default_kind: Option<RecordKind>,
    default_as_of: NaiveDate,
    today: NaiveDate,
) -> Result<(NaiveDate, Record), RowProblems> {
    let one = |column: Option<&str>, message: Msg| vec![(column.map(str::to_string), message)];
    let Value::Object(mut obj) = row else {
        return Err(one(None, Msg::new("import-json-row-not-object")));
    };
    let as_of = match obj.remove("as_of") {
        None | Some(Value::Null) => default_as_of,
        Some(Value::String(s)) => NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| {
            one(
                Some("as_of"),
                Msg::new("import-json-not-a-date").text("value", &s),
            )
        })?,
        Some(other) => {
            return Err(one(
                Some("as_of"),
                Msg::new("import-json-not-a-date-string").text("value", other),
            ));
        }
    };
    if !obj.contains_key("record") {
        let Some(k) = default_kind else {
            return Err(one(Some("record"), Msg::new("import-json-no-record")));
        };
        obj.insert("record".into(), Value::String(k.as_str().into()));
    }
    let record: Record = serde_json::from_value(Value::Object(obj)).map_err(|e| {
        let (column, message) = explain_serde_error(&e.to_string());
        vec![(column, message)]
    })?;
    let mut found = validate_record(&record);
    found.extend(validate_as_of(as_of, &record));
    found.extend(validate_against_today(as_of, &record, today));
    if found.is_empty() {
        Ok((as_of, record))
    } else {
        Err(found.into_iter().map(|p| (Some(p.field), p.msg)).collect())
    }
}

/// Turns serde's wording into a clerk's, and picks out the field it names.
fn explain_serde_error(msg: &str) -> (Option<String>, Msg) {
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = msg.strip_prefix("missing field ") {
        let f = quoted(rest);
        return (f.clone(), Msg::new("import-json-missing-field"));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let f = quoted(rest);
        let message = match rest.split("expected").nth(1) {
            Some(fields) => Msg::new("import-json-unknown-field-of").text("fields", fields.trim()),
            None => Msg::new("import-json-unknown-field"),
        };
        return (f, message);
    }
    if msg.starts_with("unknown variant ") {
        let v = quoted(msg).unwrap_or_default();
        let expected = msg.split("expected").nth(1).unwrap_or("").trim();
        return (
            None,
            Msg::new("import-json-unknown-variant")
                .text("value", v)
                .text("expected", expected),
        );
    }
    (None, Msg::new("import-json-unreadable").text("error", msg))
}
