//! Import: rows out of a file, validated, stored whole or not at all.
//!
//! Every format implements [`Format`]: it turns a file's bytes into [`ImportedRow`]s, or into
//! every [`FileProblem`] it found, each naming the file, sheet, row and column. Adding a format
//! is one new file and one line in [`format_for`].

pub(crate) mod csv;
mod json;
pub(crate) mod sheet;
mod table;

pub use sheet::{MARKER_SHEET, rows_from_sheets};
pub(crate) use table::{field_headers, kind_sheet_names};

/// A record kind as a clerk names it, in English, Arabic or Persian (`budget`, `الموازنة`,
/// `Decision Status`); the same words as a `kind` column accepts.
pub fn parse_kind(s: &str) -> Option<RecordKind> {
    table::parse_record_kind(s)
}

/// The kinds' names, English and Arabic, for messages and help.
pub const KIND_WORDS: &str = table::KIND_ACCEPTED_WORDS;

use chrono::NaiveDate;
use rasid_shared::format::{CalendarKind, Language};
use rasid_shared::i18n::{Msg, agent_message, comma, figure};
use rasid_shared::model::{CenterCode, Record, RecordKind};
use std::fmt;
use std::path::{Path, PathBuf};

/// Most problems listed for one file; the rest are counted.
pub const MAX_PROBLEMS_SHOWN: usize = 50;

/// How to read a file.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The agent's own center: rows are reported by it.
    pub center: CenterCode,
    /// The as-of date for rows that do not give one (usually today).
    pub as_of: NaiveDate,
    /// The agent's date: rows dated after it (an as-of date more than a few days ahead, a year
    /// after next) are refused, as the collector would refuse them
    /// ([`validate_against_today`](rasid_shared::model::validate::validate_against_today)).
    pub today: NaiveDate,
    /// The record kind, when the file does not say (column `kind`, file name or `--kind`).
    pub kind: Option<RecordKind>,
    /// Text encoding of CSV files (`utf-8`, `windows-1256`); detected when `None`.
    pub encoding: Option<String>,
    /// Calendar of dates written without a marker; Gregorian when `None`.
    pub calendar: Option<CalendarKind>,
}

/// Where in a file something is: the file, the sheet, the row as the clerk sees it, the column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub file: PathBuf,
    pub sheet: Option<String>,
    /// 1-based, as shown by a spreadsheet program (the header is row 1); `None` for the file.
    pub row: Option<usize>,
    pub column: Option<String>,
}

impl Location {
    pub fn file(file: &Path) -> Location {
        Location {
            file: file.to_path_buf(),
            sheet: None,
            row: None,
            column: None,
        }
    }
}

impl Location {
    /// The place in `language`: the file's name as it is, then the sheet, row and column
    /// (`budget.xlsx، الورقة «الموازنة»، الصف ٤، العمود «المصروف»`); the row in the digits the
    /// agent writes its own numbers in (`rasid_shared::i18n::figure`).
    pub fn render(&self, language: Language) -> String {
        let mut s = self.file.display().to_string();
        let mut part = |id: &str, name: &str, value: String| {
            s.push_str(comma(language));
            s.push_str(&agent_message(language, id, &[(name, value.into())]));
        };
        if let Some(sheet) = &self.sheet {
            part("import-at-sheet", "sheet", sheet.clone());
        }
        if let Some(r) = self.row {
            part(
                "import-at-row",
                "row",
                figure(i64::try_from(r).unwrap_or(i64::MAX)),
            );
        }
        if let Some(c) = &self.column {
            part("import-at-column", "column", c.clone());
        }
        s
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Language::English))
    }
}

/// One thing wrong in a file, in a clerk's words: `message` in English (logs, `--json`), `msg`
/// to say it in the clerk's language ([`FileProblem::render`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileProblem {
    pub location: Location,
    pub message: String,
    pub msg: Msg,
}

impl FileProblem {
    /// The problem with its place, in `language`.
    pub fn render(&self, language: Language) -> String {
        format!(
            "{}: {}",
            self.location.render(language),
            self.msg.render(language)
        )
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.location, self.message)
    }
}

/// Why a whole file was refused, unread: its English text (what `Display` and logs show, and
/// what the error `Deref`s to) and the message to say it in the clerk's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detail {
    pub msg: Msg,
    english: String,
}

impl Detail {
    pub fn new(msg: Msg) -> Detail {
        Detail {
            english: msg.english(),
            msg,
        }
    }

    /// Why an operating system's read failed, its own words kept as an argument.
    pub fn io(e: &std::io::Error) -> Detail {
        let id = match e.kind() {
            std::io::ErrorKind::NotFound => "import-io-not-found",
            std::io::ErrorKind::PermissionDenied => "import-io-permission",
            _ => "import-io-other",
        };
        Detail::new(Msg::new(id).text("error", e))
    }
}

impl std::ops::Deref for Detail {
    type Target = str;
    fn deref(&self) -> &str {
        &self.english
    }
}

impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.english)
    }
}

/// A row read and validated.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportedRow {
    pub location: Location,
    pub as_of: NaiveDate,
    pub record: Record,
}

/// Why a file was not imported. Nothing of it was stored.
#[derive(Debug)]
pub enum ImportError {
    Unreadable {
        file: PathBuf,
        detail: Detail,
    },
    Unsupported {
        file: PathBuf,
        detail: Detail,
    },
    Problems {
        file: PathBuf,
        problems: Vec<FileProblem>,
        total: usize,
    },
}

/// The English report ([`ImportError::report`]).
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.report(Language::English))
    }
}

impl std::error::Error for ImportError {}

impl ImportError {
    /// The same error about the same file found at `file` now (moved to `failed/`, say).
    pub fn moved_to(self, file: &Path) -> ImportError {
        match self {
            ImportError::Unreadable { detail, .. } => ImportError::Unreadable {
                file: file.to_path_buf(),
                detail,
            },
            ImportError::Unsupported { detail, .. } => ImportError::Unsupported {
                file: file.to_path_buf(),
                detail,
            },
            ImportError::Problems {
                problems, total, ..
            } => ImportError::Problems {
                file: file.to_path_buf(),
                problems: problems
                    .into_iter()
                    .map(|p| FileProblem {
                        location: Location {
                            file: file.to_path_buf(),
                            ..p.location
                        },
                        ..p
                    })
                    .collect(),
                total,
            },
        }
    }

    /// The whole report in `language`, as `import` prints it and `run` writes it next to a
    /// refused file (`.errors.txt`): a first line saying how many problems were found and that
    /// nothing was stored, then one line per problem with its place, and how many more there
    /// were past the first [`MAX_PROBLEMS_SHOWN`]. File names, the clerk's values and the
    /// headers as written are kept as they are; numbers are in Western digits. `Display` is
    /// the English report.
    pub fn report(&self, language: Language) -> String {
        let file_text = |file: &Path| file.display().to_string();
        match self {
            ImportError::Unreadable { file, detail } => Msg::new("import-cannot-read")
                .text("file", file_text(file))
                .msg("detail", detail.msg.clone())
                .render(language),
            ImportError::Unsupported { file, detail } => {
                format!("{}: {}", file_text(file), detail.msg.render(language))
            }
            ImportError::Problems {
                file,
                problems,
                total,
            } => {
                let mut s = Msg::new("import-problems-found")
                    .text("file", file_text(file))
                    .count(*total)
                    .render(language);
                for p in problems {
                    s.push_str("\n  ");
                    s.push_str(&p.render(language));
                }
                if *total > problems.len() {
                    s.push_str("\n  ");
                    s.push_str(
                        &Msg::new("import-and-more")
                            .count(total - problems.len())
                            .render(language),
                    );
                }
                s
            }
        }
    }
}

/// What `import` says of a file it stored, in `language`: `budget.csv: 12 rows stored (3 new,
/// 9 changed, 0 unchanged); 1 identical row counted once`. `rows` were stored, `identical`
/// rows repeated one above them and were counted once; `summary` is what the store made of
/// them. Numbers in Western digits.
pub fn stored_summary(
    language: Language,
    file: &Path,
    rows: usize,
    identical: usize,
    summary: &rasid_shared::store::ImportSummary,
) -> String {
    let resent = match summary.resent {
        0 => Msg::default(),
        n => Msg::new("import-stored-resent").count(n),
    };
    let identical = match identical {
        0 => Msg::default(),
        n => Msg::new("import-stored-identical").count(n),
    };
    Msg::new("import-stored")
        .text("file", file.display())
        .count(rows)
        .text("new", summary.new)
        .text("changed", summary.changed)
        .text("unchanged", summary.unchanged)
        .msg("resent", resent)
        .msg("identical", identical)
        .render(language)
}

/// Collects problems up to [`MAX_PROBLEMS_SHOWN`] while counting all of them.
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<FileProblem>,
    pub total: usize,
}

impl Problems {
    pub fn push(&mut self, location: Location, msg: Msg) {
        self.total += 1;
        if self.list.len() < MAX_PROBLEMS_SHOWN {
            self.list.push(FileProblem {
                location,
                message: msg.english(),
                msg,
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    pub fn into_error(self, file: &Path) -> ImportError {
        ImportError::Problems {
            file: file.to_path_buf(),
            problems: self.list,
            total: self.total,
        }
    }
}

/// A file format: rows out of a file.
pub trait Format {
    /// Reads every row of `bytes` (the content of `path`), validating each; all problems at once.
    /// `progress` is called now and then with the number of rows read so far.
    fn read(
        &self,
        path: &Path,
        bytes: &[u8],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<ImportedRow>, ImportError>;
}

/// The format of `path`, by its extension.
pub fn format_for(path: &Path) -> Result<Box<dyn Format>, ImportError> {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    match ext.as_str() {
        "json" => Ok(Box::new(json::JsonFormat)),
        // `.txt`: Excel's "Unicode text" (UTF-16, tab-separated) and "Text (Tab delimited)".
        "csv" | "txt" => Ok(Box::new(csv::CsvFormat)),
        "xlsx" | "xlsm" | "xls" | "ods" => Ok(Box::new(sheet::SheetFormat)),
        _ => Err(ImportError::Unsupported {
            file: path.to_path_buf(),
            detail: Detail::new(Msg::new("import-unknown-extension").text("extension", ext)),
        }),
    }
}

/// Reads and validates one file. Stores nothing. Identical rows are kept once (see
/// [`read_file_counted`]).
pub fn read_file(
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<ImportedRow>, ImportError> {
    read_file_counted(path, opts, progress).map(|f| f.rows)
}

/// The rows of one file, and how many rows repeated one above them exactly.
#[derive(Debug)]
pub struct FileRows {
    pub rows: Vec<ImportedRow>,
    /// Rows identical to an earlier row of the file (same record, same as-of date): dropped.
    pub identical: usize,
}

/// Reads and validates one file; two rows with the same record key (the same budget line, the
/// same KPI quarter …) are a problem naming both, unless they are identical, when the later is
/// dropped and counted. Stores nothing.
pub fn read_file_counted(
    path: &Path,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<FileRows, ImportError> {
    if path.is_dir() {
        return Err(ImportError::Unsupported {
            file: path.to_path_buf(),
            detail: Detail::new(Msg::new("import-is-a-folder")),
        });
    }
    let format = format_for(path)?;
    let bytes = std::fs::read(path).map_err(|e| ImportError::Unreadable {
        file: path.to_path_buf(),
        detail: Detail::io(&e),
    })?;
    let rows = format.read(path, &bytes, opts, progress)?;
    without_duplicates(path, rows, &opts.center)
}

/// The rows with identical repeats dropped; a problem for each key given twice differently.
fn without_duplicates(
    path: &Path,
    rows: Vec<ImportedRow>,
    center: &CenterCode,
) -> Result<FileRows, ImportError> {
    let mut first: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut kept: Vec<ImportedRow> = Vec::with_capacity(rows.len());
    let mut identical = 0;
    let mut problems = Problems::default();
    for row in rows {
        let key = row.record.key(center).0;
        match first.get(&key) {
            None => {
                first.insert(key, kept.len());
                kept.push(row);
            }
            Some(&i) if kept[i].record == row.record && kept[i].as_of == row.as_of => {
                identical += 1;
            }
            Some(&i) => {
                let message = messages::same_record(&kept[i].location, &row.location, &key);
                problems.push(row.location.clone(), message);
            }
        }
    }
    if problems.is_empty() {
        Ok(FileRows {
            rows: kept,
            identical,
        })
    } else {
        Err(problems.into_error(path))
    }
}

/// The messages of this module that take some building.
mod messages {
    use super::Location;
    use rasid_shared::i18n::Msg;

    /// A row giving again the record of an earlier row, with other values.
    pub fn same_record(earlier: &Location, later: &Location, key: &str) -> Msg {
        let at = |l: &Location| {
            let row = |m: Msg| match l.row {
                Some(r) => m.figure("row", r),
                None => m.text("row", ""),
            };
            match (&l.sheet, &later.sheet) {
                (Some(s), Some(t)) if s != t => {
                    row(Msg::new("import-place-sheet-row").text("sheet", s))
                }
                _ => row(Msg::new("import-place-row")),
            }
        };
        Msg::new("import-same-record")
            .msg("earlier", at(earlier))
            .msg("later", at(later))
            .text("key", key)
    }
}

/// The files to import for the paths named: a file as it is; a folder's files (not its
/// subfolders, nor hidden files, Office lock files `~$…`, `.errors.txt` notes or `.errors.xlsx`
/// annotated copies), by name.
pub fn files_of(paths: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let entries = std::fs::read_dir(p).map_err(|e| ImportError::Unreadable {
            file: p.clone(),
            detail: Detail::io(&e),
        })?;
        let mut inside: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|f| f.is_file())
            .filter(|f| {
                let name = f.file_name().and_then(|n| n.to_str()).unwrap_or("");
                !(name.starts_with('.')
                    || name.starts_with("~$")
                    || name.ends_with(".errors.txt")
                    || name.ends_with(".errors.xlsx"))
            })
            .collect();
        inside.sort();
        out.extend(inside);
    }
    Ok(out)
}

/// Sorts files so that those holding what others refer to come first (sessions, decisions and
/// projects before statuses and progress reports); the order is otherwise kept. A collector
/// refuses a status for a decision it does not know yet.
pub fn in_dependency_order(files: &mut [PathBuf]) {
    let rank = |p: &PathBuf| match kind_from_file_name(p) {
        Some(RecordKind::Session) => 0,
        Some(RecordKind::Decision) => 1,
        Some(RecordKind::Project) => 2,
        Some(RecordKind::DecisionStatus | RecordKind::ProjectProgress) => 4,
        _ => 3,
    };
    files.sort_by_key(rank);
}

/// The record kind a file name announces (`decision-status.csv`, `budget_2023.xlsx`).
pub fn kind_from_file_name(path: &Path) -> Option<RecordKind> {
    let stem = path
        .file_stem()?
        .to_str()?
        .to_ascii_lowercase()
        .replace('_', "-");
    let mut kinds = RecordKind::ALL.to_vec();
    // Longest names first, so `decision-status` is not read as `decision`.
    kinds.sort_by_key(|k| std::cmp::Reverse(k.as_str().len()));
    kinds
        .into_iter()
        .find(|k| stem == k.as_str() || stem.starts_with(&format!("{}-", k.as_str())))
}

#[cfg(test)]
mod tests;
