//! The annotated copy of a refused file: an .xlsx holding the file's cells as they were, every
//! cell with a problem filled red and carrying the problem as a note, after a first sheet that
//! lists every problem with a link to its cell. Its own words (sheet name, headers, the note's
//! prefix) are in the clerk's language ([`Language`]); the problems themselves are the import's
//! messages.
//!
//! The cells are read by the import's own readers (`import::sheet::visible_sheets`,
//! `import::csv::records`), so sheet names and row numbers are the ones the problems give.

use crate::import::{FileProblem, ImportError, Location};
use crate::template::Language;
use calamine::Data;
use rust_xlsxwriter::{Color, Format, Note, Url, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

/// The copy's own words in one language.
struct Texts {
    problems_sheet: &'static str,
    sheet: &'static str,
    row: &'static str,
    column: &'static str,
    problem: &'static str,
    cell: &'static str,
    /// The link's text.
    go: &'static str,
    /// Before each note's problem.
    note_prefix: &'static str,
    /// First line of the problems sheet.
    intro: &'static str,
    /// Said when only some problems are listed: `{shown}` and `{total}` are replaced.
    only_first: &'static str,
    /// A row or column cell for the whole file or the whole row.
    whole: &'static str,
}

const ENGLISH: Texts = Texts {
    problems_sheet: "problems",
    sheet: "Sheet",
    row: "Row",
    column: "Column",
    problem: "Problem",
    cell: "Cell",
    go: "go to the cell",
    note_prefix: "Problem: ",
    intro: "Nothing from this file was stored. Correct these problems in your original file (the red cells of the next sheets show where) and drop it again.",
    only_first: "Only the first {shown} of {total} problems are listed and marked; correct them and import again to see the rest.",
    whole: "(all)",
};

const ARABIC: Texts = Texts {
    problems_sheet: "المشكلات",
    sheet: "الورقة",
    row: "الصف",
    column: "العمود",
    problem: "المشكلة",
    cell: "الخلية",
    go: "انتقل إلى الخلية",
    note_prefix: "مشكلة: ",
    intro: "لم يُخزَّن شيء من هذا الملف. صحّح هذه المشكلات في ملفك الأصلي (الخلايا الحمراء في الأوراق التالية تبيّن مواضعها) ثم ضعه مرة أخرى.",
    only_first: "أُدرجت أول {shown} مشكلة فقط من {total} وعُلّمت؛ صحّحها واستورد الملف مرة أخرى لترى الباقي.",
    whole: "(الكل)",
};

const PERSIAN: Texts = Texts {
    problems_sheet: "مشکلات",
    sheet: "برگه",
    row: "سطر",
    column: "ستون",
    problem: "مشکل",
    cell: "خانه",
    go: "رفتن به خانه",
    note_prefix: "مشکل: ",
    intro: "چیزی از این پرونده ذخیره نشد. این مشکلات را در پروندهٔ اصلی خود اصلاح کنید (خانه‌های قرمز برگه‌های بعدی جای آن‌ها را نشان می‌دهند) و دوباره آن را بگذارید.",
    only_first: "تنها {shown} مشکل نخست از {total} فهرست و علامت‌گذاری شده است؛ آن‌ها را اصلاح کنید و دوباره وارد کنید تا بقیه را ببینید.",
    whole: "(همه)",
};

fn texts(language: Language) -> &'static Texts {
    match language {
        Language::English => &ENGLISH,
        Language::Arabic => &ARABIC,
        Language::Persian => &PERSIAN,
    }
}

/// One sheet of the copy: its name, its cells by (0-based row, column), and where its header is.
struct Grid {
    name: String,
    cells: BTreeMap<(u32, u16), Data>,
    /// The number cells formatted as percent in the original, written so again (a clerk who
    /// typed 30% reads 30%, as the problem does, not 0.3).
    percent: HashSet<(u32, u32)>,
    /// The header row (0-based) and its texts by column.
    header: Option<(u32, Vec<(u16, String)>)>,
}

impl Grid {
    /// The cell a problem at `location` points to: its row and column, the row's first cell
    /// when no column is named, `None` for a problem of the whole file or sheet.
    fn cell_of(&self, location: &Location) -> Option<(u32, u16)> {
        let row = u32::try_from(location.row?.checked_sub(1)?).ok()?;
        let column = match &location.column {
            Some(name) => self.column_of(name),
            None => None,
        };
        let first = || {
            self.cells
                .range((row, 0)..=(row, u16::MAX))
                .next()
                .map_or(0, |((_, c), _)| *c)
        };
        Some((row, column.unwrap_or_else(first)))
    }

    fn column_of(&self, name: &str) -> Option<u16> {
        let name = name.trim();
        if let Some((_, headers)) = &self.header
            && let Some((c, _)) = headers.iter().find(|(_, h)| h.trim() == name)
        {
            return Some(*c);
        }
        // A column without a header is named by its number (1-based).
        name.parse::<u16>().ok()?.checked_sub(1)
    }
}

/// The annotated copy of `path` (whose content is `bytes`), refused with `error`, as .xlsx bytes;
/// `Ok(None)` when there is nothing to annotate (an unreadable or unsupported file, a JSON file).
/// `encoding` is the one the import was told for CSV files.
pub fn annotated_copy(
    path: &Path,
    bytes: &[u8],
    error: &ImportError,
    encoding: Option<&str>,
    language: Language,
) -> Result<Option<Vec<u8>>, String> {
    let ImportError::Problems {
        problems, total, ..
    } = error
    else {
        return Ok(None);
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let grids = match ext.as_str() {
        "csv" | "txt" => vec![csv_grid(path, bytes, encoding)?],
        "xlsx" | "xlsm" | "xls" | "ods" => crate::import::sheet::visible_sheets(bytes)
            .map_err(|m| m.render(language))?
            .into_iter()
            .map(|(name, range, percent)| sheet_grid(name, &range, percent.unwrap_or_default()))
            .collect(),
        _ => return Ok(None),
    };
    write(&grids, problems, *total, language)
        .map(Some)
        .map_err(|e| e.to_string())
}

fn sheet_grid(name: String, range: &calamine::Range<Data>, percent: HashSet<(u32, u32)>) -> Grid {
    let mut cells = BTreeMap::new();
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, c, d) in range.used_cells() {
        let (row, col) = (r0 + r as u32, c0 + c as u32);
        if let Ok(col) = u16::try_from(col) {
            cells.insert((row, col), d.clone());
        }
    }
    let header = header_of(&cells);
    Grid {
        name,
        cells,
        percent,
        header,
    }
}

/// The header as the import finds it: the first row with two or more filled cells, else the
/// first filled row.
fn header_of(cells: &BTreeMap<(u32, u16), Data>) -> Option<(u32, Vec<(u16, String)>)> {
    let mut rows: BTreeMap<u32, Vec<(u16, String)>> = BTreeMap::new();
    for ((r, c), d) in cells {
        let text = d.to_string();
        if !text.trim().is_empty() {
            rows.entry(*r).or_default().push((*c, text));
        }
    }
    let first = rows.iter().next().map(|(r, h)| (*r, h.clone()));
    rows.into_iter().find(|(_, h)| h.len() >= 2).or(first)
}

fn csv_grid(path: &Path, bytes: &[u8], encoding: Option<&str>) -> Result<Grid, String> {
    let records = crate::import::csv::records(path, bytes, encoding).map_err(|e| e.to_string())?;
    let mut cells = BTreeMap::new();
    let mut header = None;
    for (line, values) in records {
        let row = u32::try_from(line.saturating_sub(1)).unwrap_or(u32::MAX);
        let mut texts = Vec::new();
        for (c, v) in values.into_iter().enumerate() {
            let Ok(c) = u16::try_from(c) else { break };
            texts.push((c, v.clone()));
            if !v.is_empty() {
                cells.insert((row, c), Data::String(v));
            }
        }
        if header.is_none() {
            header = Some((row, texts));
        }
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(Grid {
        name: sheet_name(&stem),
        cells,
        percent: HashSet::new(),
        header,
    })
}

/// A valid sheet name: without the characters Excel refuses, at most 31 characters, not blank.
fn sheet_name(wanted: &str) -> String {
    let name: String = wanted
        .chars()
        .filter(|c| !matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\'))
        .take(31)
        .collect();
    let name = name.trim_matches('\'').trim().to_string();
    if name.is_empty() { "1".into() } else { name }
}

/// A cell's name, as `C4`.
fn cell_name(row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

fn write(
    grids: &[Grid],
    problems: &[FileProblem],
    total: usize,
    language: Language,
) -> Result<Vec<u8>, XlsxError> {
    let t = texts(language);
    let mut book = Workbook::new();
    let mut list_name = t.problems_sheet.to_string();
    while grids.iter().any(|g| g.name == list_name) {
        list_name.push('_');
    }
    // Each problem's sheet (index into grids) and cell, when it has one.
    let placed: Vec<Option<(usize, (u32, u16))>> = problems
        .iter()
        .map(|p| {
            let g = match &p.location.sheet {
                Some(s) => grids.iter().position(|g| &g.name == s)?,
                None if grids.len() == 1 => 0,
                None => return None,
            };
            grids[g].cell_of(&p.location).map(|cell| (g, cell))
        })
        .collect();
    let list = book.add_worksheet();
    list.set_name(&list_name)?;
    problems_sheet(list, t, grids, problems, &placed, total, language)?;
    for (g, grid) in grids.iter().enumerate() {
        let mut notes: BTreeMap<(u32, u16), Vec<String>> = BTreeMap::new();
        for (p, place) in problems.iter().zip(&placed) {
            if let Some((pg, cell)) = place
                && *pg == g
            {
                notes.entry(*cell).or_default().push(p.msg.render(language));
            }
        }
        let ws = book.add_worksheet();
        ws.set_name(&grid.name)?;
        ws.set_right_to_left(language.right_to_left());
        data_sheet(ws, t, grid, &notes)?;
    }
    book.save_to_buffer()
}

/// The width of the problems sheet's problem column, in characters.
const PROBLEM_WIDTH: usize = 90;

fn problems_sheet(
    ws: &mut Worksheet,
    t: &Texts,
    grids: &[Grid],
    problems: &[FileProblem],
    placed: &[Option<(usize, (u32, u16))>],
    total: usize,
    language: Language,
) -> Result<(), XlsxError> {
    ws.set_right_to_left(language.right_to_left());
    let bold = Format::new().set_bold();
    let wrap = Format::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let top = Format::new().set_align(rust_xlsxwriter::FormatAlign::Top);
    let link = top
        .clone()
        .set_font_color(Color::Theme(10, 0))
        .set_underline(rust_xlsxwriter::FormatUnderline::Single);
    ws.write_string(0, 0, t.intro)?;
    let mut row = 1;
    if total > problems.len() {
        let line = t
            .only_first
            .replace("{shown}", &problems.len().to_string())
            .replace("{total}", &total.to_string());
        ws.write_string(row, 0, line)?;
        row += 1;
    }
    row += 1;
    for (c, h) in [t.sheet, t.row, t.column, t.problem, t.cell]
        .into_iter()
        .enumerate()
    {
        ws.write_string_with_format(row, c as u16, h, &bold)?;
    }
    for (p, place) in problems.iter().zip(placed) {
        row += 1;
        let sheet = match (&p.location.sheet, place) {
            (Some(s), _) => s.clone(),
            (None, Some((g, _))) => grids[*g].name.clone(),
            (None, None) => t.whole.to_string(),
        };
        ws.write_string_with_format(row, 0, sheet, &top)?;
        match p.location.row {
            Some(r) => ws.write_number_with_format(row, 1, r as f64, &top)?,
            None => ws.write_string_with_format(row, 1, t.whole, &top)?,
        };
        let column = p.location.column.as_deref().unwrap_or(t.whole);
        ws.write_string_with_format(row, 2, column, &top)?;
        let message = p.msg.render(language);
        ws.write_string_with_format(row, 3, &message, &wrap)?;
        // Spreadsheets do not grow a row for wrapped text written by a program: as many lines
        // as the problem takes in its column (about PROBLEM_WIDTH characters a line).
        let lines = message.chars().count().div_ceil(PROBLEM_WIDTH).max(1);
        ws.set_row_height(row, 15.0 * lines as f64)?;
        if let Some((g, (r, c))) = place {
            let target = format!(
                "internal:'{}'!{}",
                grids[*g].name.replace('\'', "''"),
                cell_name(*r, *c)
            );
            ws.write_url_with_format(row, 4, Url::new(target).set_text(t.go), &link)?;
        }
    }
    let widest = grids
        .iter()
        .map(|g| g.name.chars().count())
        .max()
        .unwrap_or(0);
    ws.set_column_width(0, (widest + 2).clamp(10, 33) as f64)?;
    ws.set_column_width(2, 20)?;
    ws.set_column_width(3, PROBLEM_WIDTH as f64)?;
    ws.set_column_width(4, 18)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_landscape();
    Ok(())
}

/// `format` with the fill of a cell with a problem.
fn red(format: Format) -> Format {
    format.set_background_color(Color::RGB(0xFF_9C9C))
}

fn data_sheet(
    ws: &mut Worksheet,
    t: &Texts,
    grid: &Grid,
    notes: &BTreeMap<(u32, u16), Vec<String>>,
) -> Result<(), XlsxError> {
    let red = red(Format::new());
    for (&(r, c), d) in &grid.cells {
        let bad = notes.contains_key(&(r, c));
        let percent = grid.percent.contains(&(r, u32::from(c)));
        let f = |num_format: &str| {
            let f = Format::new().set_num_format(num_format);
            if bad { self::red(f) } else { f }
        };
        match d {
            Data::Int(i) if percent => ws.write_number_with_format(r, c, *i as f64, &f("0%"))?,
            Data::Float(x) if percent => {
                let whole = (x * 100.0).fract() == 0.0;
                ws.write_number_with_format(r, c, *x, &f(if whole { "0%" } else { "0.00%" }))?
            }
            Data::Int(i) => ws.write_number_with_format(r, c, *i as f64, &f("General"))?,
            Data::Float(x) => ws.write_number_with_format(r, c, *x, &f("General"))?,
            Data::Bool(b) => ws.write_boolean_with_format(r, c, *b, &f("General"))?,
            Data::DateTime(dt) if dt.is_datetime() => {
                ws.write_number_with_format(r, c, dt.as_f64(), &f("yyyy-mm-dd"))?
            }
            Data::DateTime(dt) => ws.write_number_with_format(r, c, dt.as_f64(), &f("General"))?,
            Data::Empty => ws.write_blank(r, c, &f("General"))?,
            other => ws.write_string_with_format(r, c, other.to_string(), &f("General"))?,
        };
    }
    for (&(r, c), messages) in notes {
        if !grid.cells.contains_key(&(r, c)) {
            ws.write_blank(r, c, &red)?;
        }
        let text: Vec<String> = messages
            .iter()
            .map(|m| format!("{}{m}", t.note_prefix))
            .collect();
        let note = Note::new(text.join("\n"))
            .add_author_prefix(false)
            .set_width(400)
            .set_height(160);
        ws.insert_note(r, c, &note)?;
    }
    // Wide enough for what the cells hold (a date as ### helps nobody); printed a page wide.
    ws.autofit();
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(3, 2), "C4");
        assert_eq!(cell_name(9, 25), "Z10");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    /// A cell the clerk formatted as percent is one in the copy too: the problem says 30%, the
    /// cell must not read 0.3.
    #[test]
    fn percent_cells_stay_percent() {
        let path = Path::new(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../tests/fixtures/decision-status-errors.xlsx"
        ));
        let bytes = std::fs::read(path).unwrap();
        let options = crate::import::ImportOptions {
            center: rasid_shared::model::CenterCode::new("MOH").unwrap(),
            as_of: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            today: chrono::NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            kind: None,
            encoding: None,
            calendar: None,
        };
        let error = crate::import::read_file(path, &options, &mut |_| {}).unwrap_err();
        let copy = annotated_copy(path, &bytes, &error, None, Language::Arabic)
            .unwrap()
            .unwrap();
        let percent = |bytes: &[u8], sheet: usize| {
            let sheets = crate::import::sheet::visible_sheets(bytes).unwrap();
            let mut cells: Vec<_> = sheets[sheet].2.clone().unwrap().into_iter().collect();
            cells.sort();
            cells
        };
        let original = percent(&bytes, 0);
        assert_eq!(
            original.len(),
            6,
            "the fixture's progress column is percent"
        );
        assert_eq!(percent(&copy, 1), original);
    }

    #[test]
    fn sheet_names_are_made_valid() {
        assert_eq!(sheet_name("a/b:c"), "abc");
        assert_eq!(sheet_name("''"), "1");
        assert_eq!(sheet_name(&"x".repeat(40)).len(), 31);
    }
}
