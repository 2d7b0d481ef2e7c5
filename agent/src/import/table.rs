//! The tabular layer shared by CSV files and spreadsheet sheets: a header row and cells in,
//! validated records out, with every problem named by row and by the header the clerk wrote.
//!
//! What kind of record a row is comes from, in order: a `kind` column (per row); the kind chosen
//! when importing ([`ImportOptions::kind`]); the sheet's name; the file's name; and last, the
//! headers themselves when they fit exactly one kind. Headers are matched in English, Arabic or
//! Persian (see `columns.rs`); cells are read by `values.rs`; a row's record is built by
//! `records.rs`. Not for bytes: `csv.rs` and `sheet.rs` turn files into rows and feed them here.

mod columns;
mod records;
mod values;

pub(crate) use columns::{
    KIND_ACCEPTED_WORDS, field_headers, kind_from_name, kind_sheet_names, parse_record_kind,
};

use super::{ImportError, ImportOptions, ImportedRow, Location, Problems, kind_from_file_name};
use chrono::NaiveDate;
use columns::{AS_OF, Field, fields_of, is_one_of, kind_names, kind_words, normalize_header};
use rasid_shared::format::CalendarKind;
use rasid_shared::i18n::Msg;
use rasid_shared::model::validate::{validate_against_today, validate_as_of, validate_record};
use rasid_shared::model::{CenterCode, CodeError, DecisionNumber, RecordKind};
use std::collections::BTreeSet;
use std::path::Path;

/// How often, in rows, `progress` is told.
const PROGRESS_EVERY: usize = 4096;

/// One cell as a spreadsheet or a CSV file gives it.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A spreadsheet number cell formatted as a percentage: the value as stored (0.94 for 94%).
    Percent(f64),
    /// A spreadsheet date cell: a Gregorian day.
    Date(NaiveDate),
    Bool(bool),
    /// A spreadsheet error value such as `#REF!`.
    Error(String),
}

/// A cell borrowed from a [`Cell`] or straight from a CSV record; text is trimmed, and blank
/// text is [`CellRef::Empty`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellRef<'a> {
    Empty,
    Text(&'a str),
    Number(f64),
    /// A number cell formatted as a percentage, as stored (0.94 for 94%).
    Percent(f64),
    Date(NaiveDate),
    Bool(bool),
    Error(&'a str),
}

impl<'a> CellRef<'a> {
    /// A text cell, trimmed; blank text is empty.
    pub fn text(s: &'a str) -> CellRef<'a> {
        let t = s.trim();
        if t.is_empty() {
            CellRef::Empty
        } else {
            CellRef::Text(t)
        }
    }
}

impl Cell {
    pub fn view(&self) -> CellRef<'_> {
        match self {
            Cell::Empty => CellRef::Empty,
            Cell::Text(s) => CellRef::text(s),
            Cell::Number(n) => CellRef::Number(*n),
            Cell::Percent(n) => CellRef::Percent(*n),
            Cell::Date(d) => CellRef::Date(*d),
            Cell::Bool(b) => CellRef::Bool(*b),
            Cell::Error(e) => CellRef::Error(e),
        }
    }
}

/// The cells of one row, by column (0-based, as the headers); missing cells are empty.
pub trait Cells {
    fn cell(&self, column: usize) -> CellRef<'_>;
}

impl Cells for [Cell] {
    fn cell(&self, column: usize) -> CellRef<'_> {
        self.get(column).map_or(CellRef::Empty, Cell::view)
    }
}

/// What one CSV file or one sheet holds: a header row and the rows under it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// The sheet's name; `None` for a CSV file.
    pub sheet: Option<String>,
    /// The header's row number as the clerk sees it (1 unless title rows come first).
    pub header_row: usize,
    /// The headers as written.
    pub headers: Vec<String>,
    /// Each row's number as the clerk sees it, and its cells by column.
    pub rows: Vec<(usize, Vec<Cell>)>,
    /// Whether the cells' number formats were read, so that a number cell that is not a
    /// [`Cell::Percent`] is known to be plain (an .xlsx sheet); false for .xls, .xlsb and .ods
    /// sheets, and for CSV, whose cells are text.
    pub formats_read: bool,
}

/// Reads every row of `tables` (the sheets of one file): all of them, or every problem found
/// in any table (and none of the rows). `progress` counts rows across the tables.
pub fn rows_from_tables(
    file: &Path,
    tables: &[Table],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<ImportedRow>, ImportError> {
    let mut out = Vec::with_capacity(tables.iter().map(|t| t.rows.len()).sum());
    let mut problems = Problems::default();
    let mut seen = 0;
    let mut done = 0;
    for table in tables {
        seen += collect_table_rows(file, table, opts, &mut out, &mut problems, &mut |n| {
            progress(done + n)
        });
        done += table.rows.len();
    }
    finish(file, seen, out, problems)
}

/// Reads the rows of `table` into `out` and their problems into `problems`; returns how many
/// non-blank rows the table has.
fn collect_table_rows(
    file: &Path,
    table: &Table,
    opts: &ImportOptions,
    out: &mut Vec<ImportedRow>,
    problems: &mut Problems,
    progress: &mut dyn FnMut(usize),
) -> usize {
    let mut reader = TableReader::new(
        file,
        table.sheet.as_deref(),
        table.header_row,
        table.headers.clone(),
        opts,
        problems,
    );
    for col in reader.percent_columns() {
        if is_percent_cell_column(table.rows.iter().map(|(_, cells)| cells.cell(col))) {
            reader.fraction_columns.push(col);
        }
    }
    if let Some((unit, measures)) = reader.kpi_measure_columns()
        && !table.formats_read
    {
        // Only the KPIs measured in percent count: a column also holds counts and amounts.
        let in_percent = |cells: &Vec<Cell>| {
            values::is_percent_unit(&values::text_of(cells.as_slice().cell(unit)))
        };
        for col in measures {
            let cells = table.rows.iter().filter(|(_, c)| in_percent(c));
            if is_percent_cell_column(cells.map(|(_, c)| c.as_slice().cell(col))) {
                reader.ambiguous_percent_column(table.header_row, col, problems);
            }
        }
    }
    for (i, (row, cells)) in table.rows.iter().enumerate() {
        if i > 0 && i % PROGRESS_EVERY == 0 {
            progress(i);
        }
        reader.read_row(*row, cells.as_slice(), out, problems);
    }
    progress(table.rows.len());
    reader.rows_seen()
}

/// The end of a tabular file: its rows, or its problems; a file with headers but no rows is a
/// problem too (the clerk most likely saved the wrong file or sheet).
pub fn finish(
    file: &Path,
    rows_seen: usize,
    out: Vec<ImportedRow>,
    mut problems: Problems,
) -> Result<Vec<ImportedRow>, ImportError> {
    if problems.is_empty() && rows_seen == 0 {
        problems.push(Location::file(file), Msg::new("import-no-rows"));
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems.into_error(file))
    }
}

/// A spreadsheet column formatted as percentages stores 40% as 0.4 and 130% as 1.3: every
/// number in it lies between 0 and 2 (0% to 200%), and one is a fraction. (An .xlsx file's
/// percent cells are known by their number format and are [`CellRef::Percent`]; this rule is
/// for .xls and .ods files, whose cells' formats are not read.) A column of whole
/// percentages (40, 60) never qualifies.
fn is_percent_cell_column<'a>(cells: impl Iterator<Item = CellRef<'a>>) -> bool {
    let mut any_fraction = false;
    for c in cells {
        match c {
            CellRef::Number(n) if (0.0..=2.0).contains(&n) => any_fraction |= n.fract() != 0.0,
            CellRef::Number(_) => return false,
            _ => {}
        }
    }
    any_fraction
}

/// The columns of one kind found in a table's headers.
#[derive(Debug)]
struct Columns {
    kind: RecordKind,
    fields: &'static [Field],
    /// The column of each field, by position in `fields`.
    at: Vec<Option<usize>>,
    /// Columns of other kinds: a row of this kind leaves them empty.
    foreign: Vec<usize>,
}

impl Columns {
    /// Resolves the `usable` columns of `norm` (normalized headers) for `kind`; also returns
    /// pairs of columns naming the same field.
    fn new(kind: RecordKind, norm: &[String], usable: &[bool]) -> (Columns, Vec<(usize, usize)>) {
        let fields = fields_of(kind);
        let mut at = vec![None; fields.len()];
        let mut duplicates = Vec::new();
        let mut foreign = Vec::new();
        for (col, n) in norm.iter().enumerate().filter(|(c, _)| usable[*c]) {
            match fields.iter().position(|f| f.matches(n)) {
                Some(i) => match at[i] {
                    Some(first) => duplicates.push((first, col)),
                    None => at[i] = Some(col),
                },
                None => foreign.push(col),
            }
        }
        (
            Columns {
                kind,
                fields,
                at,
                foreign,
            },
            duplicates,
        )
    }

    fn column(&self, field: &str) -> Option<usize> {
        self.fields
            .iter()
            .position(|f| f.name == field)
            .and_then(|i| self.at[i])
    }

    fn missing(&self) -> impl Iterator<Item = &'static Field> + '_ {
        self.fields
            .iter()
            .zip(&self.at)
            .filter(|(f, at)| f.required && at.is_none())
            .map(|(f, _)| f)
    }

    /// The kind's columns, for a message.
    fn list(&self) -> Vec<Msg> {
        self.fields
            .iter()
            .chain([&AS_OF])
            .map(|f| Msg::new("import-name").names("name", f.names()))
            .collect()
    }
}

enum Mode {
    /// The kind is unknown; the problem was reported and rows are only counted.
    Unknown,
    Fixed(Columns),
    PerRow {
        kind_column: usize,
        /// The kind of rows whose `kind` cell is empty.
        default: Option<RecordKind>,
        /// The columns of every kind, in [`RecordKind::ALL`] order.
        kinds: Vec<Columns>,
        /// Kinds whose missing columns were already reported.
        announced: [bool; RecordKind::ALL.len()],
        last: Option<(String, RecordKind)>,
    },
}

/// Reads rows one at a time against headers resolved once; CSV files stream through it.
pub struct TableReader<'a> {
    file: &'a Path,
    sheet: Option<String>,
    headers: Vec<String>,
    calendar: CalendarKind,
    as_of_default: NaiveDate,
    as_of: Option<usize>,
    /// The agent's date, for [`validate_against_today`].
    today: NaiveDate,
    mode: Mode,
    /// Percentage columns whose cells are spreadsheet percent cells (0.4 for 40%).
    pub fraction_columns: Vec<usize>,
    /// The columns that carry a record's data: not the serial number, an unnamed column, the
    /// kind or the as-of date, which templates often fill in ahead on rows left blank.
    data_columns: Vec<usize>,
    rows_seen: usize,
}

impl<'a> TableReader<'a> {
    /// Resolves `headers` (as written, on row `header_row`); header problems go to `problems`.
    pub fn new(
        file: &'a Path,
        sheet: Option<&str>,
        header_row: usize,
        headers: Vec<String>,
        opts: &ImportOptions,
        problems: &mut Problems,
    ) -> TableReader<'a> {
        let headers: Vec<String> = headers.into_iter().map(|h| h.trim().to_string()).collect();
        let norm: Vec<String> = headers.iter().map(|h| normalize_header(h)).collect();
        let h = HeaderRow {
            file,
            sheet,
            row: header_row,
            headers: &headers,
            norm: &norm,
        };
        let mut usable: Vec<bool> = norm
            .iter()
            .map(|n| !n.is_empty() && !is_one_of(n, columns::SERIAL_HEADERS))
            .collect();
        let as_of = h.take_as_of_column(&mut usable, problems);
        let named = named_kind(file, sheet, opts);
        let mode = match h.kind_column(&usable, named) {
            Some(kind_column) => {
                usable[kind_column] = false;
                h.per_row_mode(kind_column, named, &usable, problems)
            }
            None => match named.or_else(|| infer_kind(&norm, &usable)) {
                Some(kind) => h.fixed_mode(kind, &usable, problems),
                None => h.unknown_mode(problems),
            },
        };
        let data_columns = (0..norm.len()).filter(|c| usable[*c]).collect();
        TableReader {
            file,
            sheet: sheet.map(str::to_string),
            headers,
            calendar: opts.calendar.unwrap_or_default(),
            as_of_default: opts.as_of,
            as_of,
            today: opts.today,
            mode,
            fraction_columns: Vec::new(),
            data_columns,
            rows_seen: 0,
        }
    }

    /// How many non-blank rows were read so far.
    pub fn rows_seen(&self) -> usize {
        self.rows_seen
    }

    /// The columns holding percentages (decision progress, project progress).
    pub fn percent_columns(&self) -> Vec<usize> {
        const PERCENT_FIELDS: [&str; 3] = ["progress", "planned_progress", "actual_progress"];
        let all: Vec<&Columns> = match &self.mode {
            Mode::Unknown => Vec::new(),
            Mode::Fixed(c) => vec![c],
            Mode::PerRow { kinds, .. } => kinds.iter().collect(),
        };
        let mut cols: Vec<usize> = all
            .iter()
            .flat_map(|c| PERCENT_FIELDS.iter().filter_map(|f| c.column(f)))
            .collect();
        cols.sort_unstable();
        cols.dedup();
        cols
    }

    /// The unit column and the target and actual columns of KPI rows, when the table has them.
    fn kpi_measure_columns(&self) -> Option<(usize, Vec<usize>)> {
        let kpi = match &self.mode {
            Mode::Unknown => None,
            Mode::Fixed(c) => Some(c),
            Mode::PerRow { kinds, .. } => kinds.iter().find(|c| c.kind == RecordKind::Kpi),
        }
        .filter(|c| c.kind == RecordKind::Kpi)?;
        let unit = kpi.column("unit")?;
        let measures = ["annual_target", "quarter_target", "actual"]
            .iter()
            .filter_map(|f| kpi.column(f))
            .collect();
        Some((unit, measures))
    }

    /// A KPI target or actual column of an .xls or .ods sheet whose numbers, among the KPIs
    /// measured in percent, are all fractions from 0 to 2: the cells may be percent cells
    /// (0.94 shown as 94%) or small percentages typed as such (0.94%), and these files do not
    /// say which. Guessing could put a figure a hundred times off on the wall, so the column is
    /// a problem with what to do.
    fn ambiguous_percent_column(&self, header_row: usize, col: usize, problems: &mut Problems) {
        problems.push(
            self.location(header_row, Some(col)),
            Msg::new("import-ambiguous-percent"),
        );
    }

    fn location(&self, row: usize, column: Option<usize>) -> Location {
        Location {
            file: self.file.to_path_buf(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column: column.map(|c| {
                self.headers
                    .get(c)
                    .cloned()
                    .unwrap_or_else(|| format!("{}", c + 1))
            }),
        }
    }

    /// Reads row number `row`: its record into `out`, or its problems into `problems`. Rows
    /// with no data (perhaps a serial number or a date filled in ahead) are skipped.
    pub fn read_row<C: Cells + ?Sized>(
        &mut self,
        row: usize,
        cells: &C,
        out: &mut Vec<ImportedRow>,
        problems: &mut Problems,
    ) {
        if self
            .data_columns
            .iter()
            .all(|c| cells.cell(*c) == CellRef::Empty)
        {
            return;
        }
        self.rows_seen += 1;
        let kind_column = match &self.mode {
            Mode::Unknown => return,
            Mode::Fixed(_) => None,
            Mode::PerRow { kind_column, .. } => Some(*kind_column),
        };
        let kind_index = match kind_column {
            None => 0,
            Some(col) => match self.row_kind(row, col, cells, problems) {
                Some(i) => i,
                None => return,
            },
        };
        let columns = match &self.mode {
            Mode::Fixed(c) => c,
            Mode::PerRow { kinds, .. } => &kinds[kind_index],
            Mode::Unknown => return,
        };
        let mut r = RowRead {
            reader: self,
            columns,
            cells,
            row,
            problems,
            failed: false,
        };
        if kind_column.is_some() {
            for &col in &columns.foreign {
                if r.cells.cell(col) != CellRef::Empty {
                    r.fail(
                        col,
                        Msg::new("import-not-column-of-row-kind")
                            .names("kind", kind_names(columns.kind)),
                    );
                }
            }
        }
        let as_of = match self.as_of {
            None => self.as_of_default,
            Some(col) => r
                .cell_value(col, false, |c| values::date(c, self.calendar))
                .unwrap_or(self.as_of_default),
        };
        let record = records::build(columns.kind, &mut r);
        let (Some(record), false) = (record, r.failed) else {
            return;
        };
        let mut found = validate_record(&record);
        found.extend(validate_as_of(as_of, &record));
        found.extend(validate_against_today(as_of, &record, self.today));
        if found.is_empty() {
            out.push(ImportedRow {
                location: self.location(row, None),
                as_of,
                record,
            });
        } else {
            for p in found {
                let column = match p.field.as_str() {
                    "as_of" => self.as_of,
                    field => columns.column(field),
                };
                let mut at = self.location(row, column);
                at.column.get_or_insert(p.field);
                problems.push(at, p.msg);
            }
        }
    }

    /// The kind of a row of a table with a `kind` column, as a position in [`RecordKind::ALL`];
    /// the first row of each kind also reports the columns that kind misses.
    fn row_kind<C: Cells + ?Sized>(
        &mut self,
        row: usize,
        kind_column: usize,
        cells: &C,
        problems: &mut Problems,
    ) -> Option<usize> {
        let Mode::PerRow {
            default,
            kinds,
            announced,
            last,
            ..
        } = &mut self.mode
        else {
            return None;
        };
        let at = |column: usize| Location {
            file: self.file.to_path_buf(),
            sheet: self.sheet.clone(),
            row: Some(row),
            column: self.headers.get(column).cloned(),
        };
        let kind = match cells.cell(kind_column) {
            CellRef::Empty => *default,
            CellRef::Text(s) => match last.as_ref().filter(|(w, _)| w == s) {
                Some((_, k)) => Some(*k),
                None => {
                    columns::parse_record_kind(s).inspect(|k| *last = Some((s.to_string(), *k)))
                }
            },
            _ => None,
        };
        let Some(kind) = kind else {
            let message = match cells.cell(kind_column) {
                CellRef::Empty => Msg::new("import-kind-empty").names("kinds", kind_words()),
                other => Msg::new("import-not-a-kind")
                    .text("value", values::text_of(other))
                    .names("kinds", kind_words()),
            };
            problems.push(at(kind_column), message);
            return None;
        };
        let i = RecordKind::ALL.iter().position(|k| *k == kind)?;
        if !announced[i] {
            announced[i] = true;
            for field in kinds[i].missing() {
                let message = Msg::new("import-row-kind-lacks-column")
                    .names("kind", kind_names(kind))
                    .msg("missing", missing_message(kind, field, &self.headers));
                problems.push(at(kind_column), message);
            }
        }
        Some(i)
    }
}

/// The kind the import names: chosen when importing, else the sheet's name, else the file's.
fn named_kind(file: &Path, sheet: Option<&str>, opts: &ImportOptions) -> Option<RecordKind> {
    opts.kind
        .or_else(|| sheet.and_then(kind_from_name))
        .or_else(|| kind_from_file_name(file))
        .or_else(|| {
            file.file_stem()
                .and_then(|s| s.to_str())
                .and_then(kind_from_name)
        })
}

/// A header row being resolved: where it stands, and its headers as written and normalized.
struct HeaderRow<'h> {
    file: &'h Path,
    sheet: Option<&'h str>,
    row: usize,
    headers: &'h [String],
    norm: &'h [String],
}

impl HeaderRow<'_> {
    /// The header row, at column `col` when given.
    fn at(&self, col: Option<usize>) -> Location {
        Location {
            file: self.file.to_path_buf(),
            sheet: self.sheet.map(str::to_string),
            row: Some(self.row),
            column: col.map(|c| self.headers[c].clone()),
        }
    }

    /// The usable columns, in order, whose header `matches`.
    fn usable_columns<'u>(
        &'u self,
        usable: &'u [bool],
        matches: impl Fn(&str) -> bool + 'u,
    ) -> impl Iterator<Item = usize> + 'u {
        (0..self.norm.len()).filter(move |c| usable[*c] && matches(&self.norm[*c]))
    }

    /// The as-of column, taken out of the usable columns; a second one is a problem.
    fn take_as_of_column(&self, usable: &mut [bool], problems: &mut Problems) -> Option<usize> {
        let mut as_of = None;
        let as_of_columns: Vec<usize> = self.usable_columns(usable, |n| AS_OF.matches(n)).collect();
        for col in as_of_columns {
            usable[col] = false;
            match as_of {
                None => as_of = Some(col),
                Some(first) => problems.push(
                    self.at(Some(col)),
                    duplicate_message(&self.headers[first], &AS_OF),
                ),
            }
        }
        as_of
    }

    /// The column that gives each row's kind: one headed as the record's kind, or a plain
    /// `kind` column unless the kind of the file has a field of its own headed so (a session's
    /// or a decision's `kind`, a legislation item's `type`, all headed `النوع`).
    fn kind_column(&self, usable: &[bool], named: Option<RecordKind>) -> Option<usize> {
        let explicit = self
            .usable_columns(usable, |n| is_one_of(n, columns::RECORD_KIND_HEADERS))
            .next();
        let plain = self
            .usable_columns(usable, |n| is_one_of(n, columns::PLAIN_KIND_HEADERS))
            .next();
        let has_own_kind_field = |k: RecordKind| {
            matches!(
                k,
                RecordKind::Session | RecordKind::Decision | RecordKind::Legislation
            )
        };
        explicit.or_else(|| {
            plain.filter(|_| match named {
                Some(k) => !has_own_kind_field(k),
                None => !infer_kind(self.norm, usable).is_some_and(has_own_kind_field),
            })
        })
    }

    /// The columns of `kind`, with a problem for each column naming a field again (unless
    /// already in `reported`).
    fn columns_of(
        &self,
        kind: RecordKind,
        usable: &[bool],
        reported: &mut BTreeSet<(usize, usize)>,
        problems: &mut Problems,
    ) -> Columns {
        let (cols, dups) = Columns::new(kind, self.norm, usable);
        for (first, col) in dups {
            let field = cols
                .fields
                .iter()
                .find(|f| f.matches(&self.norm[col]))
                .unwrap_or(&AS_OF);
            if reported.insert((first, col)) {
                problems.push(
                    self.at(Some(col)),
                    duplicate_message(&self.headers[first], field),
                );
            }
        }
        cols
    }

    /// Rows of any kind, said by `kind_column`: a column no kind knows is a problem.
    fn per_row_mode(
        &self,
        kind_column: usize,
        default: Option<RecordKind>,
        usable: &[bool],
        problems: &mut Problems,
    ) -> Mode {
        let mut reported = BTreeSet::new();
        let kinds: Vec<Columns> = RecordKind::ALL
            .into_iter()
            .map(|kind| self.columns_of(kind, usable, &mut reported, problems))
            .collect();
        for col in self.usable_columns(usable, |_| true) {
            if kinds.iter().all(|k| k.foreign.contains(&col)) {
                problems.push(self.at(Some(col)), Msg::new("import-not-a-column"));
            }
        }
        Mode::PerRow {
            kind_column,
            default,
            kinds,
            announced: [false; RecordKind::ALL.len()],
            last: None,
        }
    }

    /// Rows all of `kind`: a column of another kind, or a missing one, is a problem.
    fn fixed_mode(&self, kind: RecordKind, usable: &[bool], problems: &mut Problems) -> Mode {
        let cols = self.columns_of(kind, usable, &mut BTreeSet::new(), problems);
        for &col in &cols.foreign {
            let elsewhere = RecordKind::ALL
                .into_iter()
                .find(|k| fields_of(*k).iter().any(|f| f.matches(&self.norm[col])));
            let message = match elsewhere {
                Some(other) => {
                    Msg::new("import-not-column-of-kind-but-of").names("other", kind_names(other))
                }
                None => Msg::new("import-not-column-of-kind"),
            };
            problems.push(
                self.at(Some(col)),
                message
                    .names("kind", kind_names(kind))
                    .list("columns", cols.list()),
            );
        }
        for field in cols.missing() {
            problems.push(self.at(None), missing_message(kind, field, self.headers));
        }
        Mode::Fixed(cols)
    }

    /// Rows of no known kind: one problem for the file; rows are only counted.
    fn unknown_mode(&self, problems: &mut Problems) -> Mode {
        problems.push(
            Location {
                row: None,
                column: None,
                ..self.at(None)
            },
            Msg::new("import-kind-unknown").names("kinds", kind_words()),
        );
        Mode::Unknown
    }
}

fn duplicate_message(first: &str, field: &Field) -> Msg {
    Msg::new("import-column-again")
        .names("field", field.names())
        .text("first", first)
}

fn missing_message(kind: RecordKind, field: &Field, headers: &[String]) -> Msg {
    let found: Vec<Msg> = headers
        .iter()
        .filter(|h| !h.is_empty())
        .map(|h| Msg::new("import-quoted").text("text", h))
        .collect();
    let found = if found.is_empty() {
        Msg::new("import-no-headers")
    } else {
        Msg::new("import-items").list("items", found)
    };
    Msg::new("import-missing-column")
        .names("field", field.names())
        .names("kind", kind_names(kind))
        .msg("found", found)
}

/// The one kind whose required columns are all present and which knows every usable column;
/// `None` when no kind, or more than one, fits.
fn infer_kind(norm: &[String], usable: &[bool]) -> Option<RecordKind> {
    let fits = |kind: RecordKind| {
        let fields = fields_of(kind);
        let known = norm
            .iter()
            .enumerate()
            .filter(|(c, _)| usable[*c])
            .all(|(_, n)| {
                fields.iter().any(|f| f.matches(n)) || is_one_of(n, columns::PLAIN_KIND_HEADERS)
            });
        known
            && fields.iter().filter(|f| f.required).all(|f| {
                norm.iter()
                    .enumerate()
                    .any(|(c, n)| usable[c] && f.matches(n))
            })
    };
    let mut fitting = RecordKind::ALL.into_iter().filter(|k| fits(*k));
    match (fitting.next(), fitting.next()) {
        (Some(k), None) => Some(k),
        _ => None,
    }
}

/// One row being read: problems go straight to the file's list; `failed` marks the row as
/// unusable so that no half-read record is validated or kept.
struct RowRead<'r, 'a, C: Cells + ?Sized> {
    reader: &'r TableReader<'a>,
    columns: &'r Columns,
    cells: &'r C,
    row: usize,
    problems: &'r mut Problems,
    failed: bool,
}

impl<'r, 'a, C: Cells + ?Sized> RowRead<'r, 'a, C> {
    /// Whether `field`'s column holds spreadsheet percent cells (0.4 for 40%).
    fn fractions(&self, field: &str) -> bool {
        self.columns
            .column(field)
            .is_some_and(|c| self.reader.fraction_columns.contains(&c))
    }

    fn fail(&mut self, col: usize, message: Msg) {
        self.problems
            .push(self.reader.location(self.row, Some(col)), message);
        self.failed = true;
    }

    /// Reads column `col`: `None` when empty (a problem when `required`) or unreadable.
    fn cell_value<T>(
        &mut self,
        col: usize,
        required: bool,
        read: impl FnOnce(CellRef<'r>) -> Result<T, Msg>,
    ) -> Option<T> {
        let cells: &'r C = self.cells;
        match cells.cell(col) {
            CellRef::Empty => {
                if required {
                    self.fail(col, Msg::new("record-empty"));
                }
                None
            }
            CellRef::Error(e) => {
                self.fail(col, Msg::new("import-cell-error").text("error", e));
                None
            }
            cell => match read(cell) {
                Ok(v) => Some(v),
                Err(m) => {
                    self.fail(col, m);
                    None
                }
            },
        }
    }

    /// Reads `field`; a required field whose column is missing fails the row silently, the
    /// missing column having been reported once for the file.
    fn value<T>(
        &mut self,
        field: &str,
        required: bool,
        read: impl FnOnce(CellRef<'r>) -> Result<T, Msg>,
    ) -> Option<T> {
        match self.columns.column(field) {
            Some(col) => self.cell_value(col, required, read),
            None => {
                self.failed |= required;
                None
            }
        }
    }

    fn required<T>(
        &mut self,
        field: &str,
        read: impl FnOnce(CellRef<'r>) -> Result<T, Msg>,
    ) -> Option<T> {
        self.value(field, true, read)
    }

    fn optional<T>(
        &mut self,
        field: &str,
        read: impl FnOnce(CellRef<'r>) -> Result<T, Msg>,
    ) -> Option<T> {
        self.value(field, false, read)
    }

    /// Text as written; an empty required text is left to `validate_record` to report.
    fn text(&mut self, field: &str, required: bool) -> String {
        if required && self.columns.column(field).is_none() {
            self.failed = true;
        }
        self.optional(field, |c| Ok(values::text_of(c).into_owned()))
            .unwrap_or_default()
    }

    fn optional_text(&mut self, field: &str) -> Option<String> {
        Some(self.text(field, false)).filter(|t| !t.is_empty())
    }

    fn word<T>(
        &mut self,
        field: &str,
        required: bool,
        parse: impl FnOnce(&str) -> Option<T>,
        noun: &'static str,
        accepted: &str,
    ) -> Option<T> {
        self.value(field, required, |c| {
            let s = values::text_of(c);
            parse(&s).ok_or_else(|| {
                Msg::new("import-not-a-word")
                    .text("value", &s)
                    .msg("noun", Msg::new(noun))
                    .names("accepted", columns::accepted_names(accepted))
            })
        })
    }

    fn date(&mut self, field: &str, required: bool) -> Option<NaiveDate> {
        let calendar = self.reader.calendar;
        self.value(field, required, |c| values::date(c, calendar))
    }

    fn decision_number(&mut self, field: &str, required: bool) -> Option<DecisionNumber> {
        self.value(field, required, |c| {
            values::text_of(c)
                .parse::<DecisionNumber>()
                .map_err(|e| e.msg())
        })
    }

    fn center_code(&mut self, field: &str, required: bool) -> Option<CenterCode> {
        self.value(field, required, |c| {
            CenterCode::new(&values::text_of(c)).map_err(|e| e.msg())
        })
    }

    /// A list cell; empty is an empty list.
    fn list<T>(
        &mut self,
        field: &str,
        required: bool,
        parse: impl Fn(&str) -> Result<T, CodeError>,
    ) -> Option<Vec<T>> {
        if required && self.columns.column(field).is_none() {
            self.failed = true;
            return None;
        }
        let items = self.optional(field, |c| {
            let text = values::text_of(c);
            let mut items = Vec::new();
            let mut errors = Vec::new();
            for item in values::list_items(&text) {
                match parse(item) {
                    Ok(v) => items.push(v),
                    Err(e) => errors.push(e.msg()),
                }
            }
            if errors.is_empty() {
                Ok(items)
            } else {
                Err(Msg::new("import-items").clauses("items", errors))
            }
        });
        match items {
            Some(v) => Some(v),
            None if self.failed => None,
            None => Some(Vec::new()),
        }
    }

    fn is_filled(&self, field: &str) -> Option<usize> {
        self.columns
            .column(field)
            .filter(|c| self.cells.cell(*c) != CellRef::Empty)
    }
}

#[cfg(test)]
mod tests;
