//! The byte form of a workbook's cells that the `sheet_cells` fuzz target reads: any bytes are
//! a workbook (sheets of typed cells) plus the import options, so the fuzzer can reach every
//! cell type a spreadsheet gives without having to build a zip file. Not a file format anyone
//! else reads; [`encode`] writes it, for the seeds made from the real fixtures.
//!
//! Layout: byte 0 picks the record kind option (`b % 9`: 0 none, else `RecordKind::ALL[b%9-1]`),
//! byte 1 the calendar option (`b % 4`: none, Gregorian, Hijri, Solar Hijri), byte 2 the row
//! where every sheet's cells start (`b % 8`, rows above being empty). Then operations, each a
//! tag byte (`t % 11`) and its operand:
//!
//! | tag | operation | operand |
//! |---|---|---|
//! | 0 | empty cell | — |
//! | 1 | text cell | u16 LE length, then that many bytes (lossy UTF-8) |
//! | 2 | float cell | f64 LE |
//! | 3 | integer cell | i64 LE |
//! | 4 | TRUE/FALSE cell | 1 byte, odd is TRUE |
//! | 5 | date-time cell (Excel serial day, 1900 system) | f64 LE |
//! | 6 | ISO date-time cell (as .ods gives them) | u16 LE length, bytes |
//! | 7 | error cell (`#REF!` …) | 1 byte choosing the error |
//! | 8 | end of row | — |
//! | 9 | new sheet | u16 LE length, name bytes |
//! | 10 | duration cell (Excel serial time span) | f64 LE |
//!
//! Cells before the first "new sheet" go to a sheet named `Sheet1`. A truncated operand reads as
//! zeros. At most [`MAX_SHEETS`] sheets, [`MAX_ROWS`] rows and [`MAX_COLUMNS`] cells a row are
//! kept (the rest is ignored), so that one input cannot ask for gigabytes of cells.

use calamine::{CellErrorType, Data, ExcelDateTime, ExcelDateTimeType, Range};
use rasid_shared::format::CalendarKind;
use rasid_shared::model::RecordKind;

pub const MAX_SHEETS: usize = 8;
pub const MAX_ROWS: usize = 2000;
pub const MAX_COLUMNS: usize = 64;

const ERRORS: [CellErrorType; 8] = [
    CellErrorType::Div0,
    CellErrorType::NA,
    CellErrorType::Name,
    CellErrorType::Null,
    CellErrorType::Num,
    CellErrorType::Ref,
    CellErrorType::Value,
    CellErrorType::GettingData,
];

/// A workbook as the fuzz target reads it: options and sheets.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub kind: Option<RecordKind>,
    pub calendar: Option<CalendarKind>,
    /// 0-based row of every sheet's first row of cells.
    pub first_row: u32,
    /// Each sheet's name and rows of cells.
    pub sheets: Vec<(String, Vec<Vec<Data>>)>,
}

impl Grid {
    /// The sheets as calamine ranges, as a workbook reader gives them.
    pub fn ranges(&self) -> Vec<(String, Range<Data>)> {
        self.sheets
            .iter()
            .map(|(name, rows)| {
                let width = rows.iter().map(Vec::len).max().unwrap_or(0);
                let range = if rows.is_empty() || width == 0 {
                    Range::empty()
                } else {
                    let mut r = Range::new(
                        (self.first_row, 0),
                        (self.first_row + rows.len() as u32 - 1, width as u32 - 1),
                    );
                    for (i, row) in rows.iter().enumerate() {
                        for (j, cell) in row.iter().enumerate() {
                            r.set_value((self.first_row + i as u32, j as u32), cell.clone());
                        }
                    }
                    r
                };
                (name.clone(), range)
            })
            .collect()
    }
}

/// Reads any bytes as a [`Grid`]; see the module documentation.
pub fn decode(data: &[u8]) -> Grid {
    let mut r = Reader { data, at: 0 };
    let kind = match r.byte() % 9 {
        0 => None,
        k => Some(RecordKind::ALL[k as usize - 1]),
    };
    let calendar = match r.byte() % 4 {
        0 => None,
        1 => Some(CalendarKind::Gregorian),
        2 => Some(CalendarKind::Hijri),
        _ => Some(CalendarKind::SolarHijri),
    };
    let first_row = u32::from(r.byte() % 8);
    let mut sheets: Vec<(String, Vec<Vec<Data>>)> = Vec::new();
    let mut row: Vec<Data> = Vec::new();
    let end_row = |sheets: &mut Vec<(String, Vec<Vec<Data>>)>, row: &mut Vec<Data>| {
        if sheets.is_empty() {
            sheets.push(("Sheet1".into(), Vec::new()));
        }
        let rows = &mut sheets.last_mut().expect("a sheet").1;
        if rows.len() < MAX_ROWS {
            rows.push(std::mem::take(row));
        }
        row.clear();
    };
    while !r.done() {
        let cell = match r.byte() % 11 {
            0 => Data::Empty,
            1 => Data::String(r.text()),
            2 => Data::Float(r.f64()),
            3 => Data::Int(r.i64()),
            4 => Data::Bool(r.byte() % 2 == 1),
            5 => Data::DateTime(ExcelDateTime::new(
                r.f64(),
                ExcelDateTimeType::DateTime,
                false,
            )),
            6 => Data::DateTimeIso(r.text()),
            7 => Data::Error(ERRORS[usize::from(r.byte()) % ERRORS.len()].clone()),
            8 => {
                end_row(&mut sheets, &mut row);
                continue;
            }
            9 => {
                let name = r.text();
                if !row.is_empty() {
                    end_row(&mut sheets, &mut row);
                }
                if sheets.len() < MAX_SHEETS {
                    sheets.push((name, Vec::new()));
                }
                continue;
            }
            _ => Data::DateTime(ExcelDateTime::new(
                r.f64(),
                ExcelDateTimeType::TimeDelta,
                false,
            )),
        };
        if row.len() < MAX_COLUMNS {
            row.push(cell);
        }
    }
    if !row.is_empty() {
        end_row(&mut sheets, &mut row);
    }
    Grid {
        kind,
        calendar,
        first_row,
        sheets,
    }
}

/// Writes `grid` so that [`decode`] reads it back (cells of types this form has no tag for are
/// written as text). Sheet names and texts longer than 65,535 bytes are cut.
pub fn encode(grid: &Grid) -> Vec<u8> {
    let mut out = vec![
        grid.kind
            .and_then(|k| RecordKind::ALL.iter().position(|x| *x == k))
            .map_or(0, |i| i as u8 + 1),
        match grid.calendar {
            None => 0,
            Some(CalendarKind::Gregorian) => 1,
            Some(CalendarKind::Hijri) => 2,
            Some(CalendarKind::SolarHijri) => 3,
        },
        (grid.first_row % 8) as u8,
    ];
    let text = |out: &mut Vec<u8>, s: &str| {
        let mut end = s.len().min(usize::from(u16::MAX));
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        out.extend_from_slice(&(end as u16).to_le_bytes());
        out.extend_from_slice(&s.as_bytes()[..end]);
    };
    for (name, rows) in &grid.sheets {
        out.push(9);
        text(&mut out, name);
        for row in rows {
            for cell in row {
                match cell {
                    Data::Empty => out.push(0),
                    Data::String(s) => {
                        out.push(1);
                        text(&mut out, s);
                    }
                    Data::Float(f) => {
                        out.push(2);
                        out.extend_from_slice(&f.to_le_bytes());
                    }
                    Data::Int(i) => {
                        out.push(3);
                        out.extend_from_slice(&i.to_le_bytes());
                    }
                    Data::Bool(b) => out.extend_from_slice(&[4, u8::from(*b)]),
                    Data::DateTime(d) => {
                        out.push(if d.is_datetime() { 5 } else { 10 });
                        out.extend_from_slice(&d.as_f64().to_le_bytes());
                    }
                    Data::DateTimeIso(s) => {
                        out.push(6);
                        text(&mut out, s);
                    }
                    Data::Error(e) => {
                        let i = ERRORS.iter().position(|x| x == e).unwrap_or(0);
                        out.extend_from_slice(&[7, i as u8]);
                    }
                    Data::DurationIso(s) => {
                        out.push(1);
                        text(&mut out, s);
                    }
                }
            }
            out.push(8);
        }
    }
    out
}

struct Reader<'a> {
    data: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn done(&self) -> bool {
        self.at >= self.data.len()
    }

    fn take(&mut self, n: usize) -> &[u8] {
        let start = self.at.min(self.data.len());
        let end = self.at.saturating_add(n).min(self.data.len());
        self.at = self.at.saturating_add(n);
        &self.data[start..end]
    }

    fn array<const N: usize>(&mut self) -> [u8; N] {
        let mut a = [0; N];
        let got = self.take(N);
        a[..got.len()].copy_from_slice(got);
        a
    }

    fn byte(&mut self) -> u8 {
        self.array::<1>()[0]
    }

    fn f64(&mut self) -> f64 {
        f64::from_le_bytes(self.array())
    }

    fn i64(&mut self) -> i64 {
        i64::from_le_bytes(self.array())
    }

    fn text(&mut self) -> String {
        let n = u16::from_le_bytes(self.array());
        String::from_utf8_lossy(self.take(usize::from(n))).into_owned()
    }
}
