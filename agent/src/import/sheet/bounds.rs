//! How far a workbook's sheets reach, checked before calamine lays them out. calamine makes each
//! sheet a dense grid from its first filled cell to its last (and reserves the grid a legacy
//! .xls's DIMENSIONS record announces), so a damaged or crafted file with one cell written far
//! away asks for tens of gigabytes. An allocation that fails aborts the agent: it is not a
//! panic, and nothing can catch it. So the reach of every sheet is read first, the same way
//! calamine will read it, and a sheet over [`MAX_SHEET_CELLS`] is refused with a reason.

use rasid_shared::i18n::Msg;
use std::io::{Cursor, Read};

/// The most cells a sheet may span, rows × columns from its first filled cell to its last: ten
/// million (e.g. 500,000 rows of 20 columns; about 400 MB once laid out).
pub const MAX_SHEET_CELLS: u64 = 10_000_000;

/// The reason a sheet spanning `rows` × `cols` is refused.
pub fn too_large(rows: u64, cols: u64) -> Msg {
    Msg::new("import-sheet-too-large")
        .text("rows", rows)
        .text("cols", cols)
        .text("max", MAX_SHEET_CELLS)
}

/// The rows and columns between the first and the last cell seen.
#[derive(Debug, Default)]
pub struct Reach {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
}

impl Reach {
    /// Takes in a cell at `row`, `col` (0-based); `Err` once the reach is over the limit.
    pub fn add(&mut self, row: u32, col: u32) -> Result<(), Msg> {
        let grow = |r: Option<(u32, u32)>, v: u32| match r {
            None => Some((v, v)),
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
        };
        self.rows = grow(self.rows, row);
        self.cols = grow(self.cols, col);
        self.check()
    }

    fn check(&self) -> Result<(), Msg> {
        let span = |r: Option<(u32, u32)>| r.map_or(0, |(lo, hi)| u64::from(hi - lo) + 1);
        let (rows, cols) = (span(self.rows), span(self.cols));
        if rows.saturating_mul(cols) > MAX_SHEET_CELLS {
            return Err(too_large(rows, cols));
        }
        Ok(())
    }
}

/// The first bytes of a compound file (a legacy .xls, among others).
const COMPOUND_FILE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// A legacy .xls (BIFF records in a compound file): `Err` when one of its sheets reaches over
/// the limit, or announces a grid over it, or when it is a compound file whose structure cannot
/// be read here (calamine's own reader is more lenient and would go on into a damaged file, so
/// a file that cannot be checked is not opened). Anything that is not a compound file passes:
/// calamine says what it is.
pub fn check_xls(bytes: &[u8]) -> Result<(), Msg> {
    let damaged = |e: &dyn std::fmt::Display| Msg::new("import-xls-damaged").text("error", e);
    let mut file = match cfb::CompoundFile::open(Cursor::new(bytes)) {
        Ok(file) => file,
        Err(e) if bytes.starts_with(&COMPOUND_FILE_MAGIC) => return Err(damaged(&e)),
        Err(_) => return Ok(()),
    };
    let mut stream = Vec::new();
    let read = match file.open_stream("/Workbook") {
        Ok(mut s) => s.read_to_end(&mut stream),
        Err(_) => match file.open_stream("/Book") {
            Ok(mut s) => s.read_to_end(&mut stream),
            Err(_) => return Ok(()),
        },
    };
    if let Err(e) = read {
        return Err(damaged(&e));
    }
    check_biff(&stream)
}

/// The records of a BIFF stream from its start: `(type, data)`; stops where a record is cut.
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16::from_le_bytes([*rest.first()?, *rest.get(1)?]);
        let len = usize::from(u16::from_le_bytes([*rest.get(2)?, *rest.get(3)?]));
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from(u16::from_le_bytes([
        *data.get(at)?,
        *data.get(at + 1)?,
    ])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(data.get(at..at + 4)?.try_into().ok()?))
}

/// The workbook globals name each sheet's position (BOUNDSHEET); every sheet is then read from
/// there, as calamine reads it. An encrypted workbook (FILEPASS) is left to calamine, which
/// says it has a password.
fn check_biff(stream: &[u8]) -> Result<(), Msg> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            0x002F => return Ok(()),
            0x0085 => sheets.extend(u32_at(data, 0)),
            0x000A => break,
            _ => {}
        }
    }
    for pos in sheets {
        if let Some(sheet) = stream.get(pos as usize..) {
            check_sheet(sheet)?;
        }
    }
    Ok(())
}

/// One sheet's records up to its EOF, embedded substreams (charts) skipped: the grid its
/// DIMENSIONS record announces, and the reach of its cells and formulas.
fn check_sheet(sheet: &[u8]) -> Result<(), Msg> {
    let mut reach = Reach::default();
    let mut seen_bof = false;
    let mut depth = 0usize;
    for (typ, data) in records(sheet) {
        if depth > 0 {
            match typ {
                0x0809 => depth += 1,
                0x000A => depth -= 1,
                _ => {}
            }
            continue;
        }
        match typ {
            0x0809 if seen_bof => depth += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => check_dimensions(data)?,
            // Number, Label, RString, BoolErr, Rk, LabelSst, Formula: row, then column.
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let (Some(row), Some(col)) = (u16_at(data, 0), u16_at(data, 2)) {
                    reach.add(row, col)?;
                }
            }
            // MulRk: a row, its first column, …, its last column.
            0x00BD if data.len() >= 6 => {
                if let (Some(row), Some(first), Some(last)) = (
                    u16_at(data, 0),
                    u16_at(data, 2),
                    u16_at(data, data.len() - 2),
                ) {
                    reach.add(row, first)?;
                    reach.add(row, last)?;
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// DIMENSIONS: calamine reserves (last row − first row + 1) × (last column − first column + 1)
/// cells from it, reading it as [MS-XLS] 2.4.90 says (BIFF8: 32-bit rows, 16-bit columns).
fn check_dimensions(data: &[u8]) -> Result<(), Msg> {
    let (rf, rl, cf, cl) = match data.len() {
        10 => (
            u16_at(data, 0),
            u16_at(data, 2),
            u16_at(data, 4),
            u16_at(data, 6),
        ),
        14 | 16 => (
            u32_at(data, 0),
            u32_at(data, 4),
            u16_at(data, 8),
            u16_at(data, 10),
        ),
        _ => return Ok(()),
    };
    let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = (rf, rl, cf, cl) else {
        return Ok(());
    };
    if 0xFF < cf || cl < cf {
        cf = 0;
    }
    if rl == 0 || cl == 0 {
        return Ok(());
    }
    // calamine subtracts in 32 bits: a first row after the last wraps to a vast grid.
    let rows = u64::from((rl - 1).wrapping_sub(rf).wrapping_add(1));
    let cols = u64::from((cl - 1).wrapping_sub(cf).wrapping_add(1));
    if rows.saturating_mul(cols) > MAX_SHEET_CELLS {
        return Err(too_large(rows, cols));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut r = typ.to_le_bytes().to_vec();
        r.extend_from_slice(&(data.len() as u16).to_le_bytes());
        r.extend_from_slice(data);
        r
    }

    fn cell(row: u16, col: u16) -> Vec<u8> {
        let mut d = row.to_le_bytes().to_vec();
        d.extend_from_slice(&col.to_le_bytes());
        d.extend_from_slice(&[0; 10]);
        record(0x0203, &d)
    }

    /// A globals substream naming one sheet, then that sheet's records.
    fn workbook(sheet: &[Vec<u8>]) -> Vec<u8> {
        let bof = record(0x0809, &[0; 16]);
        let eof = record(0x000A, &[]);
        let globals_len = bof.len() + 4 + 8 + eof.len();
        let mut out = bof.clone();
        let mut boundsheet = (globals_len as u32).to_le_bytes().to_vec();
        boundsheet.extend_from_slice(&[0, 0, 1, 0]);
        out.extend(record(0x0085, &boundsheet));
        out.extend(&eof);
        out.extend(&bof);
        for r in sheet {
            out.extend(r);
        }
        out.extend(eof);
        out
    }

    #[test]
    fn a_table_passes_and_a_cell_far_away_is_refused() {
        assert_eq!(check_biff(&workbook(&[cell(0, 0), cell(300, 12)])), Ok(()));
        let err = check_biff(&workbook(&[cell(0, 0), cell(65_535, 255)]))
            .unwrap_err()
            .english();
        assert!(err.contains("65536 rows × 256 columns"), "{err}");
    }

    #[test]
    fn a_vast_announced_grid_is_refused_and_cells_in_a_chart_do_not_count() {
        let mut dims = 0u32.to_le_bytes().to_vec();
        dims.extend_from_slice(&1_000_000u32.to_le_bytes());
        dims.extend_from_slice(&0u16.to_le_bytes());
        dims.extend_from_slice(&200u16.to_le_bytes());
        dims.extend_from_slice(&[0, 0]);
        assert!(check_biff(&workbook(&[record(0x0200, &dims)])).is_err());
        let chart = [
            cell(0, 0),
            record(0x0809, &[0; 16]),
            cell(65_535, 255),
            record(0x000A, &[]),
            cell(2, 2),
        ];
        assert_eq!(check_biff(&workbook(&chart)), Ok(()));
    }

    #[test]
    fn reach_counts_rows_and_columns_between_the_outermost_cells() {
        let mut r = Reach::default();
        assert!(r.add(10, 3).is_ok());
        assert!(
            r.add(10 + 999, 3 + 9_999).is_ok(),
            "1,000 × 10,000 is the limit"
        );
        assert!(r.add(10 + 1_000, 3).is_err());
    }
}
