//! Checking a TOML configuration file (`rasid-agent.toml`, `centers.toml`, `boards.toml`): every
//! problem with its line and key, all of them at once, not the first only.
//!
//! A loader reads its file into a private struct of `Spanned` fields with [`Problems::deserialize`],
//! checks each value with [`Problems::at`], and ends with [`Problems::finish`]. What a file means is
//! the loader's business; this module only knows TOML, lines and keys.

use serde::Serialize;
use serde::de::DeserializeOwned;
use std::fmt;
use std::ops::Range;
use toml::de::{DeTable, DeValue};

/// Structural problems (syntax, unknown keys, wrong types) reported before giving up: beyond
/// this, the file is probably not the one its name says.
const MAX_STRUCTURAL: usize = 50;

/// One problem in a configuration file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ConfigProblem {
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// The key as written in the file, with 1-based positions in arrays: `screen[1].boards[2].year`.
    pub key: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "line {l}, {}: {}", self.key, self.message),
            None => write!(f, "{}: {}", self.key, self.message),
        }
    }
}

/// Every problem found in one file: the error of a loader that knows the file's name or path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigProblems {
    /// The file as the operator knows it: its path, or its usual name.
    pub file: String,
    /// Never empty.
    pub problems: Vec<ConfigProblem>,
}

impl fmt::Display for ConfigProblems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}: {p}", self.file)?;
        }
        Ok(())
    }
}

impl std::error::Error for ConfigProblems {}

/// The 1-based line of byte `offset` in `text` (offsets past the end count as the last line).
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// The problems found so far in one text.
#[derive(Debug)]
pub struct Problems<'t> {
    text: &'t str,
    list: Vec<ConfigProblem>,
}

impl<'t> Problems<'t> {
    /// No problems yet in `text`.
    pub fn new(text: &'t str) -> Problems<'t> {
        Problems {
            text,
            list: Vec::new(),
        }
    }

    /// A problem at `span` (bytes of the text, as [`toml::Spanned::span`] gives them) in `key`.
    pub fn at(&mut self, span: Range<usize>, key: impl Into<String>, message: impl Into<String>) {
        self.list.push(ConfigProblem {
            line: Some(line_of(self.text, span.start)),
            key: key.into(),
            message: message.into(),
        });
    }

    /// A problem of the whole file (something missing), with no line.
    pub fn whole_file(&mut self, key: impl Into<String>, message: impl Into<String>) {
        self.list.push(ConfigProblem {
            line: None,
            key: key.into(),
            message: message.into(),
        });
    }

    /// Whether nothing is wrong so far.
    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// `value` when nothing is wrong, else every problem in the order found.
    pub fn finish<T>(self, value: T) -> Result<T, Vec<ConfigProblem>> {
        if self.list.is_empty() {
            Ok(value)
        } else {
            Err(self.list)
        }
    }

    /// The problems found, in the order found.
    pub fn into_vec(self) -> Vec<ConfigProblem> {
        self.list
    }

    /// Reads the text as `T` (usually a struct of `Spanned` fields with `deny_unknown_fields`).
    ///
    /// Every syntax error is recorded, and `None` returned. Otherwise every unknown key and value
    /// of the wrong type is recorded with its line and key, and `T` is read from the rest, so that
    /// the loader's own checks still run; `None` when a required key is missing or wrong.
    pub fn deserialize<T: DeserializeOwned>(&mut self) -> Option<T> {
        let (tree, syntax) = DeTable::parse_recoverable(self.text);
        if !syntax.is_empty() {
            for e in syntax.iter().take(MAX_STRUCTURAL) {
                self.list.push(ConfigProblem {
                    line: e.span().map(|s| line_of(self.text, s.start)),
                    key: "syntax".into(),
                    message: e.message().trim().to_string(),
                });
            }
            return None;
        }
        let mut tree = tree;
        let mut found = Vec::new();
        let mut removed: Vec<String> = Vec::new();
        let value = loop {
            let e = match T::deserialize(toml::de::Deserializer::from(tree.clone())) {
                Ok(v) => break Some(v),
                Err(e) => e,
            };
            let message = e.message().trim().to_string();
            let missing = missing_field(&message);
            let (path, key) = match (missing, e.span()) {
                (Some(field), span) => {
                    if removed.iter().any(|r| r == field) {
                        // Its wrong value was reported already.
                        break None;
                    }
                    // The span is the table's that lacks the key.
                    let table = span
                        .and_then(|s| table_path(tree.get_ref(), &s))
                        .map(|p| key_text(&p))
                        .unwrap_or_default();
                    let key = if table.is_empty() {
                        field.to_string()
                    } else {
                        format!("{table}.{field}")
                    };
                    (None, key)
                }
                (None, span) => {
                    let path = span.and_then(|s| path_at(tree.get_ref(), s.start));
                    let key = path.as_ref().map(|p| key_text(p)).unwrap_or_default();
                    (path, key)
                }
            };
            found.push(ConfigProblem {
                line: e.span().map(|s| line_of(self.text, s.start)),
                key: if key.is_empty() { "file".into() } else { key },
                message,
            });
            // Go on without the faulty key, to find the next problem.
            let Some(gone) = path.and_then(|p| remove_entry(tree.get_mut(), &p)) else {
                break None;
            };
            removed.push(gone);
            if found.len() >= MAX_STRUCTURAL {
                found.push(ConfigProblem {
                    line: None,
                    key: "file".into(),
                    message: format!(
                        "more than {MAX_STRUCTURAL} problems; fix these and check again"
                    ),
                });
                break None;
            }
        };
        found.sort_by_key(|p| p.line.unwrap_or(usize::MAX));
        self.list.extend(found);
        value
    }
}

/// `x` of serde's "missing field `x`".
fn missing_field(message: &str) -> Option<&str> {
    message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split('`').next())
}

/// One step of a key path.
#[derive(Debug, Clone, PartialEq)]
enum Step {
    Key(String),
    /// 0-based.
    Index(usize),
}

fn key_text(path: &[Step]) -> String {
    let mut s = String::new();
    for step in path {
        match step {
            Step::Key(k) => {
                if !s.is_empty() {
                    s.push('.');
                }
                s.push_str(k);
            }
            Step::Index(i) => s.push_str(&format!("[{}]", i + 1)),
        }
    }
    s
}

/// The path of the deepest key whose name or value holds byte `offset`.
fn path_at(table: &DeTable<'_>, offset: usize) -> Option<Vec<Step>> {
    table.iter().find_map(|(k, v)| {
        let below = path_in_value(v.get_ref(), offset);
        if below.is_none() && !k.span().contains(&offset) && !v.span().contains(&offset) {
            return None;
        }
        let mut path = vec![Step::Key(k.get_ref().to_string())];
        path.extend(below.unwrap_or_default());
        Some(path)
    })
}

/// Searches every item, not only those whose span holds the offset: the span of a table of an
/// array of tables (`[[screen]]`) does not cover the keys under it.
fn path_in_value(value: &DeValue<'_>, offset: usize) -> Option<Vec<Step>> {
    match value {
        DeValue::Table(t) => path_at(t, offset),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let below = path_in_value(item.get_ref(), offset);
            if below.is_none() && !item.span().contains(&offset) {
                return None;
            }
            let mut path = vec![Step::Index(i)];
            path.extend(below.unwrap_or_default());
            Some(path)
        }),
        _ => None,
    }
}

/// The path of the table (or table of an array) whose span is `span`; empty for the document.
fn table_path(table: &DeTable<'_>, span: &Range<usize>) -> Option<Vec<Step>> {
    table.iter().find_map(|(k, v)| {
        let mut path = vec![Step::Key(k.get_ref().to_string())];
        if v.span() == *span && v.get_ref().is_table() {
            return Some(path);
        }
        path.extend(table_path_in(v.get_ref(), span)?);
        Some(path)
    })
}

fn table_path_in(value: &DeValue<'_>, span: &Range<usize>) -> Option<Vec<Step>> {
    match value {
        DeValue::Table(t) => table_path(t, span),
        DeValue::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            let mut path = vec![Step::Index(i)];
            if item.span() == *span && item.get_ref().is_table() {
                return Some(path);
            }
            path.extend(table_path_in(item.get_ref(), span)?);
            Some(path)
        }),
        _ => None,
    }
}

/// Removes the deepest key of `path` from `table`; returns its name.
fn remove_entry(table: &mut DeTable<'_>, path: &[Step]) -> Option<String> {
    let last_key = path.iter().rposition(|s| matches!(s, Step::Key(_)))?;
    let (Step::Key(name), parents) = (&path[last_key], &path[..last_key]) else {
        return None;
    };
    let owner = table_at(table, parents)?;
    owner.remove(name.as_str()).map(|_| name.clone())
}

fn table_at<'a, 'i>(table: &'a mut DeTable<'i>, path: &[Step]) -> Option<&'a mut DeTable<'i>> {
    let Some((first, rest)) = path.split_first() else {
        return Some(table);
    };
    let Step::Key(k) = first else { return None };
    let mut value = table.get_mut(k.as_str())?.get_mut();
    let mut rest = rest;
    while let Some((Step::Index(i), more)) = rest.split_first() {
        let DeValue::Array(items) = value else {
            return None;
        };
        value = items.get_mut(*i)?.get_mut();
        rest = more;
    }
    let DeValue::Table(t) = value else {
        return None;
    };
    table_at(t, rest)
}

/// Reads `text` as `T` and runs `check` on it: the whole of a loader but its own checks.
///
/// `check` records its problems and returns the checked value, or `None` when a problem leaves
/// no value to return (it must then have recorded that problem).
pub fn check<T: DeserializeOwned, C>(
    text: &str,
    check: impl FnOnce(T, &mut Problems<'_>) -> Option<C>,
) -> Result<C, Vec<ConfigProblem>> {
    let mut problems = Problems::new(text);
    let Some(raw) = problems.deserialize::<T>() else {
        return Err(problems.into_vec());
    };
    match check(raw, &mut problems) {
        Some(checked) => problems.finish(checked),
        None if problems.is_empty() => {
            problems.whole_file(
                "file",
                "cannot be read; check it against its documented example",
            );
            Err(problems.into_vec())
        }
        None => Err(problems.into_vec()),
    }
}

/// Spans for tests: where `needle` starts in `text`.
#[cfg(test)]
fn span_of(text: &str, needle: &str) -> Range<usize> {
    let start = text.find(needle).unwrap_or(0);
    start..start + needle.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;
    use toml::Spanned;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct File {
        name: Spanned<String>,
        #[serde(default)]
        seconds: Option<Spanned<i64>>,
        #[serde(default)]
        part: Vec<Part>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Part {
        code: Spanned<String>,
        #[serde(default)]
        keys: Vec<String>,
    }

    fn shown(p: &[ConfigProblem]) -> Vec<String> {
        p.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn lines_count_from_one_and_stop_at_the_end() {
        assert_eq!(line_of("a\nb\nc", 0), 1);
        assert_eq!(line_of("a\nb\nc", 2), 2);
        assert_eq!(line_of("a\nb\nc", 4), 3);
        assert_eq!(line_of("a\nb\nc", 99), 3);
        assert_eq!(line_of("", 5), 1);
    }

    #[test]
    fn a_problem_shows_its_line_and_key_and_the_list_its_file() {
        let text = "name = \"x\"\nseconds = 0\n";
        let mut p = Problems::new(text);
        p.at(
            span_of(text, "0"),
            "seconds",
            "0 is out of range; use 1 to 60",
        );
        p.whole_file("part", "no [[part]]; add one");
        let all = ConfigProblems {
            file: "demo.toml".into(),
            problems: p.into_vec(),
        };
        assert_eq!(
            all.to_string(),
            "demo.toml: line 2, seconds: 0 is out of range; use 1 to 60\n\
             demo.toml: part: no [[part]]; add one"
        );
    }

    #[test]
    fn every_unknown_key_and_wrong_type_is_reported_with_its_line_and_key() {
        let text = r#"name = "x"
colour = "red"
seconds = "ten"

[[part]]
code = "A"

[[part]]
code = "B"
keys = ["k", 5]
size = 3
"#;
        let p = check::<File, ()>(text, |_, _| Some(())).unwrap_err();
        assert_eq!(
            shown(&p),
            [
                "line 2, colour: unknown field `colour`, expected one of `name`, `seconds`, `part`",
                "line 3, seconds: invalid type: string \"ten\", expected i64",
                "line 10, part[2].keys[2]: invalid type: integer `5`, expected a string",
                "line 11, part[2].size: unknown field `size`, expected `code` or `keys`",
            ],
        );
    }

    #[test]
    fn the_loaders_checks_run_on_what_could_be_read() {
        let text = "name = \"\"\nextra = 1\nseconds = 0\n";
        let p = check::<File, ()>(text, |f, p| {
            if f.name.get_ref().is_empty() {
                p.at(f.name.span(), "name", "is empty");
            }
            if let Some(s) = &f.seconds
                && *s.get_ref() < 1
            {
                p.at(s.span(), "seconds", "use 1 to 60");
            }
            Some(())
        })
        .unwrap_err();
        assert_eq!(
            shown(&p),
            [
                "line 2, extra: unknown field `extra`, expected one of `name`, `seconds`, `part`",
                "line 1, name: is empty",
                "line 3, seconds: use 1 to 60",
            ]
        );
    }

    #[test]
    fn a_missing_key_is_named_and_a_wrong_required_key_reported_once() {
        let p = check::<File, ()>("seconds = 3\n", |_, _| Some(())).unwrap_err();
        assert_eq!(p.len(), 1, "{:?}", shown(&p));
        assert_eq!(p[0].key, "name");
        assert!(p[0].message.contains("missing field `name`"), "{}", p[0]);

        let p = check::<File, ()>("name = 3\n", |_, _| Some(())).unwrap_err();
        assert_eq!(
            shown(&p),
            ["line 1, name: invalid type: integer `3`, expected a string"]
        );

        let p =
            check::<File, ()>("name = \"x\"\n[[part]]\nkeys = []\n", |_, _| Some(())).unwrap_err();
        assert_eq!(p.len(), 1, "{:?}", shown(&p));
        assert!(p[0].key.ends_with("code"), "{}", p[0]);
        assert_eq!(p[0].line, Some(2), "{}", p[0]);
    }

    #[test]
    fn every_syntax_error_has_a_line() {
        let p =
            check::<File, ()>("name = \"x\"\n[part\nseconds = = 3\n", |_, _| Some(())).unwrap_err();
        assert!(!p.is_empty());
        assert!(
            p.iter().all(|x| x.key == "syntax" && x.line.is_some()),
            "{:?}",
            shown(&p)
        );
        assert_eq!(p[0].line, Some(2), "{:?}", shown(&p));
    }

    #[test]
    fn a_clean_file_reads_with_its_spans() {
        let text = "name = \"x\"\nseconds = 7\n[[part]]\ncode = \"A\"\nkeys = [\"k\"]\n";
        let f = check::<File, File>(text, |f, _| Some(f)).unwrap();
        assert_eq!(f.name.get_ref(), "x");
        assert_eq!(
            line_of(text, f.seconds.map(|s| s.span().start).unwrap_or(0)),
            2
        );
        assert_eq!(f.part.len(), 1);
        assert_eq!(line_of(text, f.part[0].code.span().start), 4);
        assert_eq!(f.part[0].keys, ["k"]);
    }

    #[test]
    fn a_flood_of_unknown_keys_stops_with_a_note() {
        let mut text = String::from("name = \"x\"\n");
        for i in 0..200 {
            text.push_str(&format!("k{i} = 1\n"));
        }
        let p = check::<File, ()>(&text, |_, _| Some(())).unwrap_err();
        assert_eq!(p.len(), MAX_STRUCTURAL + 1);
        assert!(p.last().is_some_and(|x| x.message.contains("fix these")));
    }
}
