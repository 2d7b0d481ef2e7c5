//! CSV files as Excel and LibreOffice save them for Arabic users: UTF-8 with or without a byte
//! order mark, UTF-16 with one, or Windows-1256 (Arabic Excel's "CSV"); separated by `,`, `;`,
//! tab or the Arabic comma `،`, whichever the header line uses.
//!
//! The encoding is, in order: the byte order mark; `ImportOptions::encoding`; UTF-16 when the
//! bytes hold NULs in one half of the byte pairs only (UTF-16 without a mark); UTF-8 when the
//! bytes are valid UTF-8; otherwise Windows-1256. Rows stream through [`TableReader`] without
//! being collected into a [`super::table::Table`]. Row numbers are line numbers (header = 1).

use super::table::{CellRef, Cells, TableReader, finish};
use super::{Detail, Format, ImportError, ImportOptions, ImportedRow, Location, Problems};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1256};
use rasid_shared::i18n::Msg;
use std::borrow::Cow;
use std::path::Path;

/// How often, in rows, `progress` is told.
const PROGRESS_EVERY: usize = 4096;

/// The byte the Arabic comma is replaced with when it separates fields: the csv crate splits on
/// single bytes, and the ASCII unit separator never appears in a clerk's text.
const ARABIC_COMMA_STAND_IN: u8 = 0x1F;

pub struct CsvFormat;

impl Format for CsvFormat {
    fn read(
        &self,
        path: &Path,
        bytes: &[u8],
        opts: &ImportOptions,
        progress: &mut dyn FnMut(usize),
    ) -> Result<Vec<ImportedRow>, ImportError> {
        let text = decode(path, bytes, opts.encoding.as_deref())?;
        let mut problems = Problems::default();
        if text.trim().is_empty() {
            problems.push(Location::file(path), Msg::new("import-csv-empty"));
            return Err(problems.into_error(path));
        }
        let (text, delimiter) = with_delimiter(text);
        let mut reader = reader_of(&text, delimiter);
        let mut record = ::csv::StringRecord::new();
        let mut lines = LineCounter::default();
        let header_line = match reader.read_record(&mut record) {
            Ok(true) => lines.line_of(text.as_bytes(), &record),
            Ok(false) => {
                problems.push(Location::file(path), Msg::new("import-csv-empty"));
                return Err(problems.into_error(path));
            }
            Err(e) => return Err(unreadable(path, &e)),
        };
        let headers: Vec<String> = record.iter().map(str::to_string).collect();
        let width = headers.len();
        let mut table = TableReader::new(path, None, header_line, headers, opts, &mut problems);
        let mut out = Vec::new();
        let mut rows = 0usize;
        loop {
            match reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => return Err(unreadable(path, &e)),
            }
            rows += 1;
            if rows.is_multiple_of(PROGRESS_EVERY) {
                progress(rows);
            }
            let line = lines.line_of(text.as_bytes(), &record);
            if let Some(extra) = (width..record.len()).find(|i| !record[*i].trim().is_empty()) {
                let shown = if delimiter == ARABIC_COMMA_STAND_IN {
                    '،'
                } else {
                    char::from(delimiter)
                };
                problems.push(
                    Location {
                        row: Some(line),
                        ..Location::file(path)
                    },
                    Msg::new("import-csv-extra-values")
                        .text("values", record.len())
                        .text("columns", width)
                        .text("extra", record[extra].trim())
                        .text("separator", shown),
                );
                continue;
            }
            table.read_row(line, &Record(&record), &mut out, &mut problems);
        }
        progress(rows);
        finish(path, table.rows_seen(), out, problems)
    }
}

/// Every record of a CSV file as the import decodes and splits it (same encoding, same
/// separator), each with its line number (header = 1), for the annotated copy of a refused
/// file (`crate::annotate`).
pub(crate) fn records(
    path: &Path,
    bytes: &[u8],
    encoding: Option<&str>,
) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let (text, delimiter) = with_delimiter(decode(path, bytes, encoding)?);
    let mut reader = reader_of(&text, delimiter);
    let mut record = ::csv::StringRecord::new();
    let mut lines = LineCounter::default();
    let mut out = Vec::new();
    loop {
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => return Err(unreadable(path, &e)),
        }
        let line = lines.line_of(text.as_bytes(), &record);
        out.push((line, record.iter().map(str::to_string).collect()));
    }
    Ok(out)
}

/// The text as the csv reader takes it, and its separator: the one its first line uses, an
/// Arabic comma (not one byte) stood in for by [`ARABIC_COMMA_STAND_IN`] outside quotes.
fn with_delimiter(text: Cow<'_, str>) -> (Cow<'_, str>, u8) {
    let delimiter = detect_delimiter(first_line(&text));
    if delimiter == '،' {
        let text = replace_unquoted(&text, '،', char::from(ARABIC_COMMA_STAND_IN));
        (Cow::Owned(text), ARABIC_COMMA_STAND_IN)
    } else {
        (text, delimiter as u8)
    }
}

/// A reader of every record of `text` (the header too), rows of any width.
fn reader_of(text: &str, delimiter: u8) -> ::csv::Reader<&[u8]> {
    ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes())
}

/// Line numbers of records, as an editor or a spreadsheet shows them (header = 1).
///
/// The csv crate's own line numbers are one short after a CRLF line end (Excel's), so lines
/// are counted here from the records' byte offsets, in one pass over the text. A line ends as
/// the csv crate ends records: with `\n`, `\r\n`, or a lone `\r` (Excel for Mac's "CSV").
#[derive(Default)]
struct LineCounter {
    byte: usize,
    line: usize,
}

impl LineCounter {
    fn line_of(&mut self, text: &[u8], record: &::csv::StringRecord) -> usize {
        let mut start = record
            .position()
            .map_or(self.byte, |p| p.byte() as usize)
            .clamp(self.byte, text.len());
        while matches!(text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let passed = &text[self.byte..start];
        self.line += passed
            .iter()
            .enumerate()
            .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && passed.get(i + 1) != Some(&b'\n')))
            .count();
        self.byte = start;
        self.line + 1
    }
}

/// A CSV record as cells.
struct Record<'r>(&'r ::csv::StringRecord);

impl Cells for Record<'_> {
    fn cell(&self, column: usize) -> CellRef<'_> {
        self.0.get(column).map_or(CellRef::Empty, CellRef::text)
    }
}

fn unreadable(path: &Path, e: &::csv::Error) -> ImportError {
    ImportError::Unreadable {
        file: path.to_path_buf(),
        detail: Detail::new(Msg::new("import-csv-unreadable").text("error", e)),
    }
}

/// The file's text: see the module documentation for how the encoding is chosen.
fn decode<'b>(
    path: &Path,
    bytes: &'b [u8],
    encoding: Option<&str>,
) -> Result<Cow<'b, str>, ImportError> {
    let not_utf8 = |e: std::str::Utf8Error, marked: bool| {
        let mut p = Problems::default();
        p.push(
            Location::file(path),
            Msg::new(if marked {
                "import-csv-marked-not-utf8"
            } else {
                "import-csv-not-utf8"
            })
            .text("byte", e.valid_up_to() + 1),
        );
        p.into_error(path)
    };
    if let Some((found, bom)) = Encoding::for_bom(bytes) {
        let body = &bytes[bom..];
        return if found == UTF_8 {
            std::str::from_utf8(body)
                .map(Cow::Borrowed)
                .map_err(|e| not_utf8(e, true))
        } else {
            Ok(found.decode_without_bom_handling(body).0)
        };
    }
    let chosen = match encoding {
        None => None,
        Some(label) => match Encoding::for_label(label.trim().as_bytes()) {
            Some(e) if e != encoding_rs::REPLACEMENT => Some(e),
            _ => {
                return Err(ImportError::Unsupported {
                    file: path.to_path_buf(),
                    detail: Detail::new(Msg::new("import-unknown-encoding").text("label", label)),
                });
            }
        },
    };
    match chosen {
        Some(e) if e == UTF_8 => std::str::from_utf8(bytes)
            .map(Cow::Borrowed)
            .map_err(|e| not_utf8(e, false)),
        Some(e) => Ok(e.decode_without_bom_handling(bytes).0),
        None => match (utf16_without_mark(bytes), std::str::from_utf8(bytes)) {
            (Some(e), _) => Ok(e.decode_without_bom_handling(bytes).0),
            (None, Ok(s)) => Ok(Cow::Borrowed(s)),
            (None, Err(_)) => Ok(WINDOWS_1256.decode_without_bom_handling(bytes).0),
        },
    }
}

/// UTF-16 written without a byte order mark, little- or big-endian: text files never hold a
/// NUL byte, and UTF-16 puts one in every character of Latin text (digits, separators, line
/// ends). Which half of the pairs the NULs fall in says the byte order; a few NULs in a long
/// text are a damaged file, read as it is (found by fuzzing: a byte order mark changed it).
fn utf16_without_mark(bytes: &[u8]) -> Option<&'static Encoding> {
    if bytes.len() < 2 || !bytes.contains(&0) {
        return None;
    }
    let (mut even, mut odd) = (0usize, 0usize);
    for (i, b) in bytes.iter().enumerate() {
        if *b == 0 {
            if i % 2 == 0 {
                even += 1;
            } else {
                odd += 1;
            }
        }
    }
    // A stray NUL in text is damage, not an encoding: UTF-16 has one in an eighth of its
    // characters at the least (every separator, digit and line end).
    if odd.max(even) * 8 < bytes.len() / 2 {
        return None;
    }
    if odd > 0 && even == 0 {
        Some(UTF_16LE)
    } else if even > 0 && odd == 0 {
        Some(UTF_16BE)
    } else {
        None
    }
}

/// The first line of the text that is not blank (lines end as in [`LineCounter`]).
fn first_line(text: &str) -> &str {
    text.split(['\n', '\r'])
        .find(|l| !l.trim().is_empty())
        .unwrap_or("")
}

/// The separator the header line uses most, outside double quotes; `,` when none.
fn detect_delimiter(header: &str) -> char {
    const CANDIDATES: [char; 4] = [',', ';', '\t', '،'];
    let mut counts = [0usize; 4];
    let mut quoted = false;
    for c in header.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted && let Some(i) = CANDIDATES.iter().position(|d| *d == c) {
            counts[i] += 1;
        }
    }
    let best = (0..4)
        .max_by_key(|i| (counts[*i], std::cmp::Reverse(*i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        ','
    } else {
        CANDIDATES[best]
    }
}

/// `text` with `from` replaced by `to` wherever it is not inside double quotes.
fn replace_unquoted(text: &str, from: char, to: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quoted = false;
    for c in text.chars() {
        if c == '"' {
            quoted = !quoted;
        }
        out.push(if c == from && !quoted { to } else { c });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::ImportError;
    use chrono::NaiveDate;
    use rasid_shared::model::{CenterCode, ExecutionStatus, Record as R, RecordKind};

    fn opts() -> ImportOptions {
        ImportOptions {
            center: CenterCode::new("MOH").unwrap(),
            as_of: NaiveDate::from_ymd_opt(2023, 6, 30).unwrap(),
            today: NaiveDate::from_ymd_opt(2025, 6, 30).unwrap(),
            kind: None,
            encoding: None,
            calendar: None,
        }
    }

    fn read(
        name: &str,
        bytes: &[u8],
        opts: &ImportOptions,
    ) -> Result<Vec<ImportedRow>, ImportError> {
        CsvFormat.read(Path::new(name), bytes, opts, &mut |_| {})
    }

    fn problems(err: ImportError) -> (Vec<String>, usize) {
        match err {
            ImportError::Problems {
                problems, total, ..
            } => (problems.iter().map(|p| p.to_string()).collect(), total),
            other => panic!("expected problems, got {other}"),
        }
    }

    fn statuses(rows: &[ImportedRow]) -> Vec<(String, ExecutionStatus, u8)> {
        rows.iter()
            .map(|r| match &r.record {
                R::DecisionStatus(s) => (s.decision.to_string(), s.status, s.progress),
                other => panic!("{other:?}"),
            })
            .collect()
    }

    const ARABIC: &str =
        "رقم القرار,الحالة,نسبة الإنجاز\n18/212/02,منفذ,100\n18/212/03,قيد التنفيذ,40\n";

    #[test]
    fn windows_1256_is_detected_when_the_bytes_are_not_utf8() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        assert!(std::str::from_utf8(&bytes).is_err());
        let rows = read("decision-status.csv", &bytes, &opts()).unwrap();
        assert_eq!(
            statuses(&rows)[1],
            ("18/212/03".into(), ExecutionStatus::InProgress, 40)
        );
    }

    #[test]
    fn a_byte_order_mark_wins_over_the_chosen_encoding() {
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend_from_slice(ARABIC.as_bytes());
        let o = ImportOptions {
            encoding: Some("windows-1256".into()),
            ..opts()
        };
        assert_eq!(read("decision-status.csv", &bytes, &o).unwrap().len(), 2);
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend(ARABIC.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(
            read("decision-status.csv", &utf16, &opts()).unwrap().len(),
            2
        );
    }

    #[test]
    fn utf16_without_a_byte_order_mark_is_detected() {
        let le: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = ARABIC.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [le, be] {
            let rows = read("decision-status.csv", &bytes, &opts()).unwrap();
            assert_eq!(
                statuses(&rows)[1],
                ("18/212/03".into(), ExecutionStatus::InProgress, 40)
            );
        }
    }

    #[test]
    fn the_chosen_encoding_is_used_and_a_wrong_name_is_refused() {
        let (bytes, _, _) = WINDOWS_1256.encode(ARABIC);
        let o = ImportOptions {
            encoding: Some("cp1256".into()),
            ..opts()
        };
        assert_eq!(read("decision-status.csv", &bytes, &o).unwrap().len(), 2);
        let o = ImportOptions {
            encoding: Some("utf-8".into()),
            ..opts()
        };
        let (messages, _) = problems(read("decision-status.csv", &bytes, &o).unwrap_err());
        assert!(messages[0].contains("is not UTF-8 text"), "{messages:?}");
        let o = ImportOptions {
            encoding: Some("arabic-dos".into()),
            ..opts()
        };
        let err = read("decision-status.csv", ARABIC.as_bytes(), &o).unwrap_err();
        assert!(
            err.to_string()
                .contains("'arabic-dos' is not a text encoding"),
            "{err}"
        );
    }

    #[test]
    fn separators_are_detected_from_the_header_line() {
        for sep in [";", "\t", "،"] {
            let text = ARABIC.replace(',', sep);
            let rows = read("decision-status.csv", text.as_bytes(), &opts()).unwrap();
            assert_eq!(statuses(&rows).len(), 2, "separator {sep:?}");
        }
        assert_eq!(detect_delimiter("\"a;b\",c,d"), ',');
        assert_eq!(detect_delimiter("one column"), ',');
    }

    #[test]
    fn an_arabic_comma_inside_quotes_is_text() {
        let text = "رقم القرار،الحالة،ملاحظات\n18/212/02،منفذ،\"تم، بانتظار الصرف\"\n";
        let rows = read("decision-status.csv", text.as_bytes(), &opts()).unwrap();
        let R::DecisionStatus(s) = &rows[0].record else {
            panic!()
        };
        assert_eq!(s.note, "تم، بانتظار الصرف");
    }

    #[test]
    fn a_row_with_more_values_than_headers_is_a_problem() {
        let text = "decision,status,progress\n18/212/02,executed,100\n18/212/03,in progress,1,5\n";
        let (messages, total) =
            problems(read("decision-status.csv", text.as_bytes(), &opts()).unwrap_err());
        assert_eq!(total, 1);
        assert!(
            messages[0].contains("row 3: has 4 values but the header has 3 columns"),
            "{messages:?}"
        );
    }

    #[test]
    fn rows_are_numbered_by_line_and_blank_lines_are_skipped() {
        // A lone CR ends lines in Excel for Mac's "CSV"; found by fuzzing (every row was row 1).
        for newline in ["\n", "\r\n", "\r"] {
            let text = "decision,status\n\n18/212/02,executed\n,\n18/212/03,finished\n\"18/212/04\",\"not\nsure\"\n18/2/1,x\n"
                .replace('\n', newline);
            let (messages, total) =
                problems(read("decision-status.csv", text.as_bytes(), &opts()).unwrap_err());
            assert_eq!(total, 3);
            assert!(
                messages[0].contains("row 5, column 'status': 'finished' is not a status"),
                "{messages:?}"
            );
            assert!(
                messages[1].contains("row 6, column 'status'"),
                "{messages:?}"
            );
            assert!(
                messages[2].contains("row 8, column 'status'"),
                "{messages:?}"
            );
        }
    }

    #[test]
    fn empty_and_header_only_files_say_so() {
        for bytes in [&b""[..], b"\xEF\xBB\xBF", b"\n \n"] {
            let (messages, _) = problems(read("budget.csv", bytes, &opts()).unwrap_err());
            assert!(messages[0].contains("is empty"), "{messages:?}");
        }
        let (messages, _) =
            problems(read("decision-status.csv", b"decision,status\n", &opts()).unwrap_err());
        assert!(
            messages[0].contains("has a header row but no rows"),
            "{messages:?}"
        );
    }

    #[test]
    fn progress_is_told_while_reading_many_rows() {
        let mut text = String::from("decision,status,progress\n");
        for i in 1..=10_000 {
            text.push_str(&format!("18/{i}/01,in progress,40\n"));
        }
        let mut told = Vec::new();
        let o = ImportOptions {
            kind: Some(RecordKind::DecisionStatus),
            ..opts()
        };
        let rows = CsvFormat
            .read(Path::new("x.csv"), text.as_bytes(), &o, &mut |n| {
                told.push(n)
            })
            .unwrap();
        assert_eq!(rows.len(), 10_000);
        assert_eq!(told, [4096, 8192, 10_000]);
    }
}
