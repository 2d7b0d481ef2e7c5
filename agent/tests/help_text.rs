//! deploy/help/rasid-agent.txt, installed by the Debian package as the program's reference, is
//! `rasid-agent --help` and the `--help` of every command: this test fails when it is not what
//! the binary prints. `RASID_UPDATE_HELP=1 cargo test -p rasid-agent --test help_text`
//! rewrites it.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

fn help(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .args(args)
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success(), "{args:?} --help failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The command names under "Commands:" in a --help text (but `help`).
fn commands(text: &str) -> Vec<String> {
    text.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_string)
        .collect()
}

#[test]
fn the_packaged_help_text_is_what_the_binary_prints() {
    let main = help(&[]);
    let mut text = format!("$ rasid-agent --help\n{main}");
    let names = commands(&main);
    assert!(names.contains(&"serve".to_string()), "{main}");
    for c in &names {
        text.push_str(&format!("\n$ rasid-agent {c} --help\n{}", help(&[c])));
    }
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/help/rasid-agent.txt");
    if std::env::var_os("RASID_UPDATE_HELP").is_some() {
        std::fs::write(&file, &text).unwrap();
    }
    let committed = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        committed == text,
        "{} is not what the binary prints; run RASID_UPDATE_HELP=1 cargo test -p rasid-agent --test help_text",
        file.display()
    );
}
