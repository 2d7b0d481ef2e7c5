//! Lays a template's [`Spec`] out as an .xlsx workbook: an instructions sheet, the data sheet
//! (protected but for the clerk's columns, drop-downs, formats, frozen header, right to left for
//! Arabic and Persian) and the hidden marker sheet.

use super::{Column, MARKER_SHEET, Period, Shape, Spec, Value, marker_rows};
use crate::import::kind_sheet_names;
use crate::template::{Language, TemplateWords};
use anyhow::{Context, Result};
use chrono::Datelike;
use rasid_shared::model::RecordKind;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationErrorStyle, ExcelDateTime, Format, FormatBorder, Workbook,
    Worksheet,
};

const LOCKED_GREY: u32 = 0xE7E6E6;
const OVERDUE_RED: u32 = 0xF4B6B6;

pub(super) fn workbook(
    spec: &Spec,
    kind: RecordKind,
    period: Period,
    lang: Language,
) -> Result<Vec<u8>> {
    let t = lang.texts();
    let mut wb = Workbook::new();
    let sheet_name = kind_sheet_names(kind)[lang.index()].clone();

    let ins = wb.add_worksheet();
    ins.set_name(t.instructions_sheet)?;
    ins.set_right_to_left(lang.right_to_left());
    ins.set_column_width(0, 120)?;
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    let kind_line = t
        .for_period
        .replace("{kind}", &sheet_name)
        .replace("{period}", &period.to_string());
    ins.write_string_with_format(0, 0, kind_line, &bold)?;
    let lines = t
        .general
        .iter()
        .chain(t.lines_of(kind))
        .map(|s| s.to_string())
        .chain(spec.notes.iter().cloned());
    for (i, line) in lines.enumerate() {
        ins.write_string_with_format(i as u32 + 2, 0, line, &wrap)?;
    }

    let ws = wb.add_worksheet();
    ws.set_name(&sheet_name)?;
    data_sheet(ws, spec, lang)?;

    let marker = wb.add_worksheet();
    marker.set_name(MARKER_SHEET)?;
    for (i, (key, value)) in marker_rows(spec, kind, period, &sheet_name)
        .into_iter()
        .enumerate()
    {
        marker.write_string(i as u32, 0, key)?;
        marker.write_string(i as u32, 1, value)?;
    }
    marker.set_hidden(true);
    wb.save_to_buffer().context("writing the template")
}

fn num_format(shape: Shape) -> &'static str {
    match shape {
        Shape::Text => "@",
        Shape::Whole => "0",
        Shape::Amount => "#,##0",
        Shape::Decimal => "General",
        Shape::Date => "yyyy-mm-dd",
    }
}

fn data_sheet(ws: &mut Worksheet, spec: &Spec, lang: Language) -> Result<()> {
    ws.set_right_to_left(lang.right_to_left());
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_border(FormatBorder::Thin)
        .set_background_color(Color::RGB(0xD9E1F2));
    let last_row = (spec.rows.len() + spec.open_rows) as u32;
    for (c, col) in spec.columns.iter().enumerate() {
        let c16 = c as u16;
        ws.write_string_with_format(0, c16, &col.header, &header)?;
        ws.set_column_width(c16, if col.shape == Shape::Text { 24 } else { 14 })?;
        let open = Format::new()
            .set_num_format(num_format(col.shape))
            .set_border(FormatBorder::Thin)
            .set_unlocked();
        let locked = Format::new()
            .set_num_format(num_format(col.shape))
            .set_border(FormatBorder::Thin)
            .set_background_color(Color::RGB(LOCKED_GREY));
        let overdue = locked.clone().set_background_color(Color::RGB(OVERDUE_RED));
        for (r, row) in spec.rows.iter().enumerate() {
            let format = if col.fill {
                &open
            } else if spec.overdue.get(r) == Some(&true) {
                &overdue
            } else {
                &locked
            };
            write_value(
                ws,
                r as u32 + 1,
                c16,
                row.get(c).unwrap_or(&Value::Empty),
                format,
            )?;
        }
        // Rows left open below the prefilled ones: every column read as a field is the clerk's.
        let below = if col.field.is_some() { &open } else { &locked };
        for r in spec.rows.len() as u32 + 1..=last_row {
            ws.write_blank(r, c16, below)?;
        }
        if let Some(words) = &col.list
            && last_row > 0
        {
            add_list(ws, last_row, c16, col, words)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.protect();
    Ok(())
}

fn add_list(ws: &mut Worksheet, last_row: u32, c: u16, col: &Column, words: &[&str]) -> Result<()> {
    // A closed list refuses anything else; an open one (currencies) only reminds.
    let style = if col.list_open {
        DataValidationErrorStyle::Information
    } else {
        DataValidationErrorStyle::Stop
    };
    let v = DataValidation::new()
        .allow_list_strings(words)?
        .set_error_style(style)
        .set_error_title(&col.header)?
        .set_error_message(words.join(" / "))?;
    ws.add_data_validation(1, c, last_row, c, &v)?;
    Ok(())
}

fn write_value(ws: &mut Worksheet, r: u32, c: u16, v: &Value, f: &Format) -> Result<()> {
    match v {
        Value::Empty => ws.write_blank(r, c, f)?,
        Value::Text(s) => ws.write_string_with_format(r, c, s, f)?,
        Value::Number(n) => ws.write_number_with_format(r, c, *n, f)?,
        Value::Date(d) => {
            let (Ok(y), Ok(m), Ok(day)) = (
                u16::try_from(d.year()),
                u8::try_from(d.month()),
                u8::try_from(d.day()),
            ) else {
                return Ok(());
            };
            let dt = ExcelDateTime::from_ymd(y, m, day)?;
            ws.write_datetime_with_format(r, c, &dt, f)?
        }
    };
    Ok(())
}
