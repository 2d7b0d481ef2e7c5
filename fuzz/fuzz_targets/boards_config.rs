//! The kiosk's `boards.toml`. The properties are in `rasid_e2e::fuzz_checks::boards_config`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rasid_e2e::fuzz_checks::boards_config(data));
