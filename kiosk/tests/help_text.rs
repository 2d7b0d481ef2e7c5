//! deploy/help/rasid-kiosk.txt, installed by the Debian package as the program's reference, is
//! `rasid-kiosk --help`: this test fails when it is not what the binary prints.
//! `RASID_UPDATE_HELP=1 cargo test -p rasid-kiosk --test help_text` rewrites it.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

#[test]
fn the_packaged_help_text_is_what_the_binary_prints() {
    let out = Command::new(env!("CARGO_BIN_EXE_rasid-kiosk"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = format!(
        "$ rasid-kiosk --help\n{}",
        String::from_utf8(out.stdout).unwrap()
    );
    assert!(text.contains("--monitor <N>"), "{text}");
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/help/rasid-kiosk.txt");
    if std::env::var_os("RASID_UPDATE_HELP").is_some() {
        std::fs::write(&file, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "{} is not what the binary prints; run RASID_UPDATE_HELP=1 cargo test -p rasid-kiosk --test help_text",
        file.display()
    );
}
