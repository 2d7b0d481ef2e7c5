//! The shape of the house (docs/ARCHITECTURE.md), checked so it does not drift: the wall built
//! without its demo links no collector, HTTP server or spreadsheet crate, and no function outside
//! tests and generated demo data is longer than a reader can hold in their head.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Crates a production wall (`--no-default-features`) must not link. (tower-http and
/// tokio-rustls stay: reqwest, the wall's HTTP client, uses them.)
const NOT_ON_A_WALL: &[&str] = &[
    "rasid-collector",
    "rasid-agent",
    "rasid-upstream",
    "axum",
    "calamine",
    "zip",
    "csv",
    "encoding_rs",
    "rust_xlsxwriter",
];

/// The longest a function outside tests may be, in lines from its `fn` to its closing brace.
const MAX_FUNCTION_LINES: usize = 100;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

/// What `cargo tree --offline --prefix none ARGS` prints.
fn cargo_tree(args: &[&str]) -> String {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let out = Command::new(cargo)
        .current_dir(workspace_root())
        .args(["tree", "--offline", "--prefix", "none"])
        .args(args)
        .output()
        .expect("running cargo tree");
    assert!(
        out.status.success(),
        "cargo tree failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The names of the crates in the normal-dependency tree that `args` select.
fn crates_in_tree(args: &[&str]) -> Vec<String> {
    let mut all = vec!["-e", "normal", "--format", "{p}"];
    all.extend_from_slice(args);
    cargo_tree(&all)
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .map(str::to_string)
        .collect()
}

#[test]
fn the_wall_without_its_demo_links_no_collector_server_or_spreadsheet_crate() {
    let tree = crates_in_tree(&["-p", "rasid-kiosk", "--no-default-features"]);
    assert!(
        tree.iter().any(|c| c == "egui"),
        "not the wall's tree: {tree:?}"
    );
    let found: Vec<&str> = NOT_ON_A_WALL
        .iter()
        .copied()
        .filter(|c| tree.iter().any(|t| t == c))
        .collect();
    assert!(found.is_empty(), "a wall without its demo links {found:?}");
    // hyper is there for reqwest, as a client only.
    let hyper = cargo_tree(&[
        "-p",
        "rasid-kiosk",
        "--no-default-features",
        "-e",
        "features",
        "-i",
        "hyper",
    ]);
    assert!(hyper.contains("hyper feature \"client\""), "{hyper}");
    assert!(
        !hyper.contains("hyper feature \"server\""),
        "a wall without its demo builds hyper's server: {hyper}"
    );
}

#[test]
fn the_demo_wall_reaches_the_collector_only_through_its_feature() {
    let tree = crates_in_tree(&["-p", "rasid-kiosk"]);
    assert!(
        tree.iter().any(|c| c == "rasid-collector"),
        "the default (demo) wall embeds the collector: {tree:?}"
    );
}

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Source with comments, strings and character literals blanked (their lines kept), so braces
/// can be counted.
fn code_only(src: &str) -> String {
    let b: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let keep_newlines = |s: &[char], out: &mut String| {
        for c in s {
            if *c == '\n' {
                out.push('\n');
            }
        }
    };
    while i < b.len() {
        let c = b[i];
        let next = b.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < b.len() && b[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let start = i;
            i += 2;
            while i + 1 < b.len() && !(b[i] == '*' && b[i + 1] == '/') {
                i += 1;
            }
            i += 2;
            keep_newlines(&b[start..i.min(b.len())], &mut out);
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&b, i) {
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let start = i;
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == '"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            keep_newlines(&b[start..j.min(b.len())], &mut out);
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            let start = i;
            i += 1;
            while i < b.len() && b[i] != '"' {
                i += if b[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            keep_newlines(&b[start..i.min(b.len())], &mut out);
            out.push_str("\"\"");
        } else if c == '\'' {
            // A character literal ('x', '\n', '\u{..}'); otherwise a lifetime.
            if next == Some('\\') {
                i += 2;
                while i < b.len() && b[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            } else if b.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push_str("' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(b: &[char], i: usize) -> bool {
    i > 0 && (b[i - 1].is_alphanumeric() || b[i - 1] == '_')
}

/// `(first line, length, name)` of each function body in `src` before its `#[cfg(test)]` module.
fn function_lengths(src: &str) -> Vec<(usize, usize, String)> {
    let code = code_only(src);
    let lines: Vec<&str> = code.lines().collect();
    let end = lines
        .windows(2)
        .position(|w| w[0].trim() == "#[cfg(test)]" && w[1].trim_start().starts_with("mod "))
        .unwrap_or(lines.len());
    let mut found = Vec::new();
    for (start, line) in lines[..end].iter().enumerate() {
        let Some(name) = fn_name(line) else {
            continue;
        };
        let mut depth = 0i64;
        let mut opened = false;
        'body: for (k, l) in lines[start..].iter().enumerate() {
            for ch in l.chars() {
                match ch {
                    '{' => {
                        depth += 1;
                        opened = true;
                    }
                    '}' => depth -= 1,
                    ';' if !opened => break 'body,
                    _ => {}
                }
                if opened && depth == 0 {
                    found.push((start + 1, k + 1, name.clone()));
                    break 'body;
                }
            }
        }
    }
    found
}

/// The name of the function a line declares, if it declares one.
fn fn_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    let qualifiers = ["pub", "const", "async", "unsafe", "extern", "\"C\""];
    if !words[..at]
        .iter()
        .all(|w| qualifiers.contains(w) || w.starts_with("pub("))
    {
        return None;
    }
    let name: String = words
        .get(at + 1)?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

#[test]
fn the_length_counter_sees_functions_and_skips_strings_and_tests() {
    let src = "pub fn a() {\n    let s = \"}}}\";\n    let c = '}';\n    // }\n}\n\nfn b<'x>(v: &'x str) -> &'x str {\n    v\n}\n\n#[cfg(test)]\nmod tests {\n    fn c() {}\n}\n";
    let found = function_lengths(src);
    assert_eq!(found, vec![(1, 5, "a".into()), (7, 3, "b".into())]);
}

#[test]
fn no_function_outside_tests_and_demo_data_is_over_a_hundred_lines() {
    let root = workspace_root();
    let mut files = Vec::new();
    for dir in [
        "shared/src",
        "upstream/src",
        "agent/src",
        "collector/src",
        "kiosk/src",
    ] {
        rust_files(&root.join(dir), &mut files);
    }
    rust_files(&root.join("bench/src"), &mut files);
    let mut long = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&root).unwrap_or(&f).to_path_buf();
        let name = rel.to_string_lossy().replace('\\', "/");
        // Generated demo data: the 2023 report's figures written out as records.
        if name == "shared/src/demo.rs" || name.ends_with("/tests.rs") || name.contains("/tests/") {
            continue;
        }
        let src = std::fs::read_to_string(&f).expect("reading a source file");
        for (line, len, func) in function_lengths(&src) {
            if len > MAX_FUNCTION_LINES {
                long.push(format!("{name}:{line} {func}: {len} lines"));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FUNCTION_LINES} lines:\n{}",
        long.join("\n")
    );
}
