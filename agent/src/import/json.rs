//! JSON import files: an array of rows, or `{"center": "MOH", "records": [...]}`.
//!
//! A row is a record as on the wire (`record` plus the record's fields) with an optional `as_of`.
//! `record` may be left out when the file name or `--kind` gives it.

use super::{
    Format, ImportError, ImportOptions, ImportedRow, Location, Problems, kind_from_file_name,
};
use chrono::NaiveDate;
use rasid_shared::model::Record;
use rasid_shared::model::validate::{validate_against_today, validate_record};
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
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let doc: Value = serde_json::from_slice(bytes).map_err(|e| {
            let mut p = Problems::default();
            p.push(
                Location {
                    row: None,
                    ..Location::file(path)
                },
                format!(
                    "this is not valid JSON (line {}, column {}): {e}",
                    e.line(),
                    e.column()
                ),
            );
            p.into_error(path)
        })?;
        let rows = match doc {
            Value::Array(rows) => rows,
            Value::Object(mut obj) => {
                if let Some(c) = obj.get("center").and_then(Value::as_str)
                    && !c.eq_ignore_ascii_case(opts.center.as_str())
                {
                    let mut p = Problems::default();
                    p.push(
                        Location::file(path),
                        format!(
                            "the file is for center {c}, but this agent reports for {}",
                            opts.center
                        ),
                    );
                    return Err(p.into_error(path));
                }
                match obj.remove("records") {
                    Some(Value::Array(rows)) => rows,
                    _ => {
                        let mut p = Problems::default();
                        p.push(
                            Location::file(path),
                            "has no \"records\" list; put the rows in \"records\": [ … ]",
                        );
                        return Err(p.into_error(path));
                    }
                }
            }
            _ => {
                let mut p = Problems::default();
                p.push(
                    Location::file(path),
                    "must hold a list of records, or an object with a \"records\" list",
                );
                return Err(p.into_error(path));
            }
        };
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
            let Value::Object(mut obj) = row else {
                problems.push(at(None), "is not an object of named fields");
                continue;
            };
            let as_of = match obj.remove("as_of") {
                None | Some(Value::Null) => opts.as_of,
                Some(Value::String(s)) => match NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
                    Ok(d) => d,
                    Err(_) => {
                        problems.push(
                            at(Some("as_of")),
                            format!("'{s}' is not a date; write it as 2023-06-30"),
                        );
                        continue;
                    }
                },
                Some(other) => {
                    problems.push(
                        at(Some("as_of")),
                        format!("{other} is not a date; write it as \"2023-06-30\""),
                    );
                    continue;
                }
            };
            if !obj.contains_key("record") {
                match default_kind {
                    Some(k) => {
                        obj.insert("record".into(), Value::String(k.as_str().into()));
                    }
                    None => {
                        problems.push(
                            at(Some("record")),
                            "does not say what it is; add \"record\" (decision-status, budget, kpi, committee, decision, session) or name the file after the kind",
                        );
                        continue;
                    }
                }
            }
            let record: Record = match serde_json::from_value(Value::Object(obj)) {
                Ok(r) => r,
                Err(e) => {
                    let (column, message) = explain_serde_error(&e.to_string());
                    problems.push(at(column.as_deref()), message);
                    continue;
                }
            };
            let mut found = validate_record(&record);
            found.extend(validate_against_today(as_of, &record, opts.today));
            if found.is_empty() {
                out.push(ImportedRow {
                    location: at(None),
                    as_of,
                    record,
                });
            } else {
                for p in found {
                    problems.push(at(Some(&p.field)), p.message);
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
