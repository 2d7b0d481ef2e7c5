//! A workbook's cells (in the byte form of `fuzz_checks::sheet_grid`) through the spreadsheet
//! import. The properties are in `rasid_e2e::fuzz_checks::sheet_cells`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rasid_e2e::fuzz_checks::sheet_cells(data));
