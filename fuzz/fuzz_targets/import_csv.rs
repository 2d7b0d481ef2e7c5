//! A CSV import file, as `rasid-agent import` reads it. The properties are in
//! `rasid_e2e::fuzz_checks::import_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rasid_e2e::fuzz_checks::import_csv(data));
