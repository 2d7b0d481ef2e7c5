//! A body pushed to the collector's `POST /v1/batches`. The properties are in
//! `rasid_e2e::fuzz_checks::batch_decode`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| rasid_e2e::fuzz_checks::batch_decode(data));
