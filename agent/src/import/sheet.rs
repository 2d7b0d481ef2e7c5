//! Spreadsheets: .xlsx, .xlsm, .xls and .ods, through calamine. Each sheet is a [`Table`].
//!
//! Which sheets are read: the visible, non-empty worksheets. When there are several and some are
//! named after a kind (`decision-status`, `budget`, `الموازنة` …), only those are read, so that
//! instruction sheets and drop-down lists beside the data are left alone; otherwise every one is
//! read, and a sheet that is not a table of records shows up as problems rather than being
//! skipped in silence. Hidden sheets are never read.
//!
//! In a sheet, the header is the first row with two or more filled cells; title rows above it
//! (one merged cell, say) are skipped. Row numbers are the sheet's own. Typed cells keep their
//! type: numbers, dates (always Gregorian days), TRUE/FALSE; an error cell (`#REF!`) is a problem
//! where a value is needed.

mod bounds;

use super::table::{Cell, Table, kind_from_name, rows_from_tables};
use super::{Detail, Format, ImportError, ImportOptions, ImportedRow, Location, Problems};
use calamine::{
    Data, Reader, SheetType, SheetVisible, Sheets, open_workbook_auto_from_rs,
    open_workbook_from_rs,
};
use chrono::NaiveDate;
use rasid_shared::i18n::Msg;
use rasid_shared::model::RecordKind;
use std::collections::HashSet;
use std::io::Cursor;
use std::path::Path;

pub struct SheetFormat;

impl Format for SheetFormat {
    fn read(
        &self,
        path: &Path,
        bytes: &[u8],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<ImportedRow>, ImportError> {
        let mut problems = Problems::default();
        let (mut tables, marker) = read_tables(path, bytes, &mut problems)?;
        let mut opts = opts.clone();
        if let Some(m) = marker {
            tables = apply_marker(path, tables, &m, &mut problems);
            opts.kind = opts.kind.or(Some(m.kind));
        }
        rows_of_workbook(path, tables, problems, &opts, progress)
    }
}

/// Rows out of worksheets already read: each visible worksheet's name and cells, in workbook
/// order. The same path as a workbook file from there on (header row found under title rows,
/// sheets chosen by name, typed cells, [`rows_from_tables`]); for tests and fuzzing, which need
/// no file.
pub fn rows_from_sheets(
    path: &Path,
    sheets: &[(String, calamine::Range<Data>)],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<ImportedRow>, ImportError> {
    let tables = sheets
        .iter()
        .filter_map(|(name, range)| table_from_range(name, range, &None))
        .collect();
    rows_of_workbook(path, tables, Problems::default(), opts, progress)
}

/// The rows of a workbook's tables, or every problem (`problems` holds those met reading it).
fn rows_of_workbook(
    path: &Path,
    tables: Vec<Table>,
    mut problems: Problems,
    opts: &ImportOptions,
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<ImportedRow>, ImportError> {
    let tables = chosen_tables(tables);
    if tables.is_empty() && problems.is_empty() {
        problems.push(Location::file(path), Msg::new("import-no-data"));
        return Err(problems.into_error(path));
    }
    if !problems.is_empty() {
        return Err(problems.into_error(path));
    }
    rows_from_tables(path, &tables, opts, progress)
}

/// Every visible, non-empty worksheet as a table. A workbook that cannot be opened is an error;
/// a sheet that cannot be read is a problem.
fn read_tables(
    path: &Path,
    bytes: &[u8],
    problems: &mut Problems,
) -> Result<(Vec<Table>, Option<Marker>), ImportError> {
    // calamine parses untrusted bytes; should it ever panic on a damaged file, the clerk gets
    // an error about the file rather than a crashed agent.
    let read = std::panic::catch_unwind(|| read_sheets(bytes));
    let unreadable = |detail: Msg| ImportError::Unreadable {
        file: path.to_path_buf(),
        detail: Detail::new(detail),
    };
    let (sheets, marker) = match read {
        Ok(Ok(sheets)) => sheets,
        Ok(Err(detail)) => return Err(unreadable(detail)),
        Err(_) => return Err(unreadable(damaged())),
    };
    let mut tables = Vec::new();
    for sheet in sheets {
        match sheet {
            Ok(t) => tables.push(t),
            Err(SheetError { name, detail }) => problems.push(
                Location {
                    sheet: Some(name),
                    ..Location::file(path)
                },
                Msg::new("import-sheet-unreadable").msg("detail", detail),
            ),
        }
    }
    let marker = match marker {
        Some(Ok(m)) => Some(m),
        Some(Err(detail)) => {
            problems.push(
                Location {
                    sheet: Some(MARKER_SHEET.into()),
                    ..Location::file(path)
                },
                Msg::new("import-marker-broken").msg("detail", detail),
            );
            None
        }
        None => None,
    };
    Ok((tables, marker))
}

fn damaged() -> Msg {
    Msg::new("import-not-a-workbook")
}

/// A spreadsheet library's own words about what it could not read, kept as they are.
fn library(e: impl std::fmt::Display) -> Msg {
    Msg::new("import-library-says").text("error", e)
}

/// A sheet that could not be read: its name and why.
struct SheetError {
    name: String,
    detail: Msg,
}

/// What a sheet reading gives: each visible, non-empty worksheet's table, and a template's
/// marker when the workbook has one.
type SheetsRead = (Vec<Result<Table, SheetError>>, Option<Result<Marker, Msg>>);

/// The tables of the visible, non-empty worksheets; `Err` when the workbook cannot be opened.
fn read_sheets(bytes: &[u8]) -> Result<SheetsRead, Msg> {
    // calamine lays out a legacy .xls's sheets as it opens it: their reach is checked first.
    bounds::check_xls(bytes)?;
    let mut workbook = open(bytes)?;
    let names = visible_names(&workbook);
    let has_marker = workbook
        .sheets_metadata()
        .iter()
        .any(|s| s.name == MARKER_SHEET && s.typ == SheetType::WorkSheet);
    let marker = has_marker.then(|| {
        worksheet(&mut workbook, MARKER_SHEET).and_then(|(range, _)| Marker::from_range(&range))
    });
    let tables = names
        .into_iter()
        .filter_map(|name| match worksheet(&mut workbook, &name) {
            Ok((range, percent)) => table_from_range(&name, &range, &percent).map(Ok),
            Err(e) => Some(Err(SheetError { name, detail: e })),
        })
        .collect();
    Ok((tables, marker))
}

/// The names of the workbook's visible worksheets (not charts, not hidden sheets), in order.
fn visible_names(workbook: &Sheets<Cursor<&[u8]>>) -> Vec<String> {
    workbook
        .sheets_metadata()
        .iter()
        .filter(|s| s.visible == SheetVisible::Visible && s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

/// A visible worksheet as the annotated copy needs it: its name, its cells, and the positions of
/// the number cells formatted as percent (`None` when the format cannot tell).
pub(crate) type VisibleSheet = (String, calamine::Range<Data>, Option<HashSet<(u32, u32)>>);

/// Every visible worksheet's name and cells as the import reads them (the same opening, the same
/// positions, so row numbers agree), for the annotated copy of a refused file
/// (`crate::annotate`). `Err` says why the workbook cannot be read.
pub(crate) fn visible_sheets(bytes: &[u8]) -> Result<Vec<VisibleSheet>, Msg> {
    let read = std::panic::catch_unwind(|| -> Result<_, Msg> {
        bounds::check_xls(bytes)?;
        let mut workbook = open(bytes)?;
        let names = visible_names(&workbook);
        let mut out = Vec::new();
        for name in names {
            let (range, percent) = worksheet(&mut workbook, &name)?;
            out.push((name, range, percent));
        }
        Ok(out)
    });
    read.unwrap_or_else(|_| Err(damaged()))
}

/// The name of the hidden sheet by which a template written by `rasid-agent template` tells the
/// import its kind, period, data sheet and prefilled columns (see docs/IMPORT-FORMATS.md).
pub const MARKER_SHEET: &str = "rasid";

/// What a template's marker sheet says.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Marker {
    pub kind: RecordKind,
    pub period: String,
    /// The sheet holding the rows.
    pub sheet: String,
    /// Columns (0-based) shown for reference only: not read.
    pub reference: Vec<usize>,
    /// Columns (0-based) the template filled in ahead: read, but a row with nothing else
    /// filled is skipped.
    pub prefilled: Vec<usize>,
}

impl Marker {
    /// Reads the marker's `key | value` rows; `Err` says what is wrong with it.
    fn from_range(range: &calamine::Range<Data>) -> Result<Marker, Msg> {
        let mut values = std::collections::HashMap::new();
        for row in range.rows() {
            let text = |i: usize| row.get(i).map(data_text).unwrap_or_default();
            values.insert(text(0), text(1));
        }
        let get = |key: &str| values.get(key).cloned().unwrap_or_default();
        let kind = RecordKind::parse(get("kind").trim())
            .ok_or_else(|| Msg::new("import-marker-kind").text("value", get("kind")))?;
        let columns = |key: &str| -> Result<Vec<usize>, Msg> {
            get(key)
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(|s| match s.parse::<usize>() {
                    Ok(n) if (1..=16_384).contains(&n) => Ok(n - 1),
                    _ => Err(Msg::new("import-marker-columns")
                        .text("key", key)
                        .text("value", get(key))),
                })
                .collect()
        };
        let sheet = get("sheet");
        if sheet.trim().is_empty() {
            return Err(Msg::new("import-marker-no-sheet"));
        }
        Ok(Marker {
            kind,
            period: get("period"),
            sheet,
            reference: columns("reference")?,
            prefilled: columns("prefilled")?,
        })
    }
}

fn data_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        other => other.to_string(),
    }
}

/// The tables of a template: only its data sheet, with the reference columns left unread and
/// the rows where the clerk filled nothing dropped. A data sheet renamed or deleted is a
/// problem.
fn apply_marker(
    path: &Path,
    tables: Vec<Table>,
    marker: &Marker,
    problems: &mut Problems,
) -> Vec<Table> {
    let Some(mut table) = tables
        .into_iter()
        .find(|t| t.sheet.as_deref() == Some(marker.sheet.as_str()))
    else {
        problems.push(
            Location::file(path),
            Msg::new("import-template-sheet-missing").text("sheet", &marker.sheet),
        );
        return Vec::new();
    };
    for &c in &marker.reference {
        if let Some(h) = table.headers.get_mut(c) {
            h.clear();
        }
    }
    let filled_in_ahead = |c: usize| marker.reference.contains(&c) || marker.prefilled.contains(&c);
    table.rows.retain(|(_, cells)| {
        cells
            .iter()
            .enumerate()
            .any(|(c, cell)| !filled_in_ahead(c) && !is_blank(cell))
    });
    vec![table]
}

/// The positions (row, column) of a sheet's number cells formatted as percentages; `None` when
/// the sheet's number formats are not read (.xls, .xlsb, .ods), so that no cell is known to be
/// plain either.
type PercentCells = Option<HashSet<(u32, u32)>>;

/// The sheet's cells as calamine lays them out, and which of them are percent cells (known for
/// .xlsx sheets, whose cells' number formats are read; empty for the others). An .xlsx or .xlsb
/// sheet is read cell by cell first, so that one reaching too far is refused before it is laid
/// out (the others are bounded when opened: `bounds::check_xls`, calamine's own limits for .ods).
fn worksheet(
    workbook: &mut Sheets<Cursor<&[u8]>>,
    name: &str,
) -> Result<(calamine::Range<Data>, PercentCells), Msg> {
    match workbook {
        Sheets::Xlsx(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(library)?;
            let percent_styles: HashSet<usize> = cells
                .styles()
                .iter()
                .enumerate()
                .filter(|(_, s)| {
                    s.number_format
                        .as_ref()
                        .is_some_and(|f| is_percent_format(&f.format_code))
                })
                .map(|(i, _)| i)
                .collect();
            bounded_range(true, || {
                cells
                    .next_cell_with_style_id()
                    .map(|c| c.map(|(cell, style)| (cell, percent_styles.contains(&style))))
                    .map_err(library)
            })
        }
        Sheets::Xlsb(x) => {
            let mut cells = x.worksheet_cells_reader(name).map_err(library)?;
            bounded_range(false, || {
                cells
                    .next_cell()
                    .map(|c| c.map(|cell| (cell, false)))
                    .map_err(library)
            })
        }
        other => other
            .worksheet_range(name)
            .map(|r| (r, None))
            .map_err(library),
    }
}

/// Whether a number format code shows numbers as percentages (`0%`, `0.00%`, `#,##0.0%`): it
/// has a `%` outside quotes and escapes in its first section.
fn is_percent_format(code: &str) -> bool {
    let mut quoted = false;
    let mut escaped = false;
    for c in code.chars() {
        match (c, quoted, escaped) {
            (_, _, true) => escaped = false,
            ('"', _, _) => quoted = !quoted,
            (_, true, _) => {}
            ('\\' | '_' | '*', ..) => escaped = true,
            (';', ..) => return false,
            ('%', ..) => return true,
            _ => {}
        }
    }
    false
}

/// The filled cells `next` gives (each with whether it is a percent cell), laid out as a range
/// once their reach is known to be within `bounds::MAX_SHEET_CELLS`. `formats_read`: whether
/// `next` knows the cells' number formats (else no cell is known to be a percent cell or not).
fn bounded_range<'a>(
    formats_read: bool,
    mut next: impl FnMut() -> Result<Option<(calamine::Cell<calamine::DataRef<'a>>, bool)>, Msg>,
) -> Result<(calamine::Range<Data>, PercentCells), Msg> {
    let mut reach = bounds::Reach::default();
    let mut cells = Vec::new();
    let mut percent = HashSet::new();
    while let Some((cell, is_percent)) = next()? {
        if matches!(cell.get_value(), calamine::DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        reach.add(row, col)?;
        if is_percent {
            percent.insert((row, col));
        }
        cells.push(calamine::Cell::new(
            (row, col),
            Data::from(cell.get_value().clone()),
        ));
    }
    Ok((
        calamine::Range::from_sparse(cells),
        formats_read.then_some(percent),
    ))
}

/// Opens the workbook whatever its extension says; says why when it cannot.
fn open(bytes: &[u8]) -> Result<Sheets<Cursor<&[u8]>>, Msg> {
    if let Ok(workbook) = open_workbook_auto_from_rs(Cursor::new(bytes)) {
        return Ok(workbook);
    }
    let protected = matches!(
        open_workbook_from_rs::<calamine::Xlsx<_>, _>(Cursor::new(bytes)),
        Err(calamine::XlsxError::Password)
    ) || matches!(
        open_workbook_from_rs::<calamine::Xls<_>, _>(Cursor::new(bytes)),
        Err(calamine::XlsError::Password)
    ) || matches!(
        open_workbook_from_rs::<calamine::Ods<_>, _>(Cursor::new(bytes)),
        Err(calamine::OdsError::Password)
    );
    if protected {
        return Err(Msg::new("import-workbook-password"));
    }
    Err(damaged())
}

/// The tables to import: see the module documentation.
fn chosen_tables(tables: Vec<Table>) -> Vec<Table> {
    let named = |t: &Table| t.sheet.as_deref().and_then(kind_from_name).is_some();
    if tables.len() > 1 && tables.iter().any(named) {
        tables.into_iter().filter(named).collect()
    } else {
        tables
    }
}

/// The sheet as a table; `None` when it has no filled cell. The number cells at `percent`'s
/// positions are percent cells.
fn table_from_range(
    name: &str,
    range: &calamine::Range<Data>,
    percent: &PercentCells,
) -> Option<Table> {
    let (first_row, first_col) = range.start()?;
    let rows: Vec<Vec<Cell>> = range
        .rows()
        .enumerate()
        .map(|(i, r)| {
            r.iter()
                .enumerate()
                .map(|(j, d)| match cell_from(d) {
                    Cell::Number(n)
                        if percent.as_ref().is_some_and(|p| {
                            p.contains(&(first_row + i as u32, first_col + j as u32))
                        }) =>
                    {
                        Cell::Percent(n)
                    }
                    c => c,
                })
                .collect()
        })
        .collect();
    let filled = |r: &[Cell]| r.iter().filter(|c| !is_blank(c)).count();
    let header_at = rows
        .iter()
        .position(|r| filled(r) >= 2)
        .or_else(|| rows.iter().position(|r| filled(r) > 0))?;
    let mut rows = rows.into_iter().enumerate().skip(header_at);
    let (_, header) = rows.next()?;
    let number = |i: usize| first_row as usize + i + 1;
    Some(Table {
        sheet: Some(name.to_string()),
        header_row: number(header_at),
        headers: header.iter().map(header_text).collect(),
        rows: rows.map(|(i, cells)| (number(i), cells)).collect(),
        formats_read: percent.is_some(),
    })
}

fn is_blank(c: &Cell) -> bool {
    match c {
        Cell::Empty => true,
        Cell::Text(s) => s.trim().is_empty(),
        _ => false,
    }
}

fn header_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) => n.to_string(),
        Cell::Percent(n) => format!("{}%", n * 100.0),
        Cell::Date(d) => d.to_string(),
        Cell::Bool(b) => b.to_string(),
        Cell::Error(e) => e.clone(),
        Cell::Empty => String::new(),
    }
}

fn cell_from(d: &Data) -> Cell {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, day, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), day.into())
                .map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
            .map_or_else(|| Cell::Text(s.clone()), Cell::Date),
        Data::DurationIso(s) => Cell::Text(s.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType, Range};

    fn range(rows: &[&[Data]]) -> Range<Data> {
        let mut r = Range::new(
            (2, 0),
            (2 + rows.len() as u32 - 1, rows[0].len() as u32 - 1),
        );
        for (i, row) in rows.iter().enumerate() {
            for (j, v) in row.iter().enumerate() {
                r.set_value((2 + i as u32, j as u32), v.clone());
            }
        }
        r
    }

    fn s(x: &str) -> Data {
        Data::String(x.into())
    }

    #[test]
    fn title_rows_are_skipped_and_rows_keep_the_sheets_numbers() {
        let r = range(&[
            &[s("تقرير متابعة القرارات"), Data::Empty],
            &[s("رقم القرار"), s("الحالة")],
            &[s("18/212/02"), s("منفذ")],
        ]);
        let t = table_from_range("Sheet1", &r, &None).unwrap();
        assert_eq!(t.header_row, 4);
        assert_eq!(t.headers, ["رقم القرار", "الحالة"]);
        assert_eq!(t.rows[0].0, 5);
    }

    #[test]
    fn typed_cells_keep_their_type() {
        let date = ExcelDateTime::new(45107.0, ExcelDateTimeType::DateTime, false);
        assert_eq!(
            cell_from(&Data::DateTime(date)),
            Cell::Date(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap())
        );
        assert_eq!(
            cell_from(&Data::DateTimeIso("2023-06-30T00:00:00".into())),
            Cell::Date(NaiveDate::from_ymd_opt(2023, 6, 30).unwrap())
        );
        assert_eq!(cell_from(&Data::Int(7)), Cell::Number(7.0));
        assert_eq!(
            cell_from(&Data::Error(CellErrorType::Ref)),
            Cell::Error("#REF!".into())
        );
    }

    #[test]
    fn sheets_named_after_kinds_are_chosen_over_the_others() {
        let t = |name: &str| Table {
            sheet: Some(name.into()),
            header_row: 1,
            headers: vec![],
            rows: vec![],
            formats_read: false,
        };
        let chosen = chosen_tables(vec![t("تعليمات"), t("budget"), t("kpi 2023"), t("lists")]);
        assert_eq!(
            chosen
                .iter()
                .map(|t| t.sheet.clone().unwrap())
                .collect::<Vec<_>>(),
            ["budget", "kpi 2023"]
        );
        assert_eq!(chosen_tables(vec![t("Sheet1"), t("Sheet2")]).len(), 2);
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let mut p = Problems::default();
        let err = read_tables(
            Path::new("budget.xlsx"),
            b"PK\x03\x04 this is not a workbook",
            &mut p,
        )
        .unwrap_err();
        assert!(
            err.to_string()
                .contains("open it in Excel or LibreOffice and save it again"),
            "{err}"
        );
    }
}
