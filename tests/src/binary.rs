//! The `rasid-agent` binary under test.
//!
//! Cargo builds only the library of `rasid-agent` for this crate, so the binary is looked up
//! next to the test executable (`target/<profile>/rasid-agent`) and built once with
//! `cargo build -p rasid-agent --bin rasid-agent` (same profile and target directory) when it
//! is missing or older than a source file of `agent/` or `shared/` — testing a stale binary
//! would prove nothing. `RASID_AGENT_BIN=/path` uses that binary as is.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

/// The path of the `rasid-agent` binary, building it first if needed (once per test binary).
pub fn agent_binary() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(locate_or_build)
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn locate_or_build() -> PathBuf {
    if let Ok(p) = std::env::var("RASID_AGENT_BIN") {
        let p = PathBuf::from(p);
        assert!(p.is_file(), "RASID_AGENT_BIN={} is not a file", p.display());
        return p;
    }
    let exe = std::env::current_exe().expect("the test executable's path");
    let mut profile_dir = exe
        .parent()
        .expect("the test executable's folder")
        .to_path_buf();
    if profile_dir.file_name().is_some_and(|n| n == "deps") {
        profile_dir.pop();
    }
    let bin = profile_dir.join(format!("rasid-agent{}", std::env::consts::EXE_SUFFIX));
    let root = workspace_root();
    let built = modified(&bin);
    let newest_source = ["agent", "shared"]
        .iter()
        .map(|d| newest(&root.join(d)))
        .chain([modified(&root.join("Cargo.lock"))])
        .max()
        .flatten();
    let fresh = match (built, newest_source) {
        (Some(b), Some(s)) => b >= s,
        (Some(_), None) => true,
        (None, _) => false,
    };
    if !fresh {
        build(&root, &profile_dir);
        assert!(
            bin.is_file(),
            "cargo build did not produce {}",
            bin.display()
        );
    }
    bin
}

/// Runs `cargo build -p rasid-agent --bin rasid-agent` for the profile of `profile_dir`.
fn build(root: &Path, profile_dir: &Path) {
    let cargo = std::env::var("CARGO")
        .ok()
        .or_else(|| option_env!("CARGO").map(str::to_string))
        .unwrap_or_else(|| "cargo".into());
    let profile = profile_dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("debug")
        .to_string();
    let mut cmd = Command::new(&cargo);
    cmd.current_dir(root)
        .args(["build", "-p", "rasid-agent", "--bin", "rasid-agent"]);
    match profile.as_str() {
        "debug" => {}
        "release" => {
            cmd.arg("--release");
        }
        other => {
            cmd.args(["--profile", other]);
        }
    }
    // target/<profile> or target/<triple>/<profile>: the target directory holds CACHEDIR.TAG.
    let parent = profile_dir.parent().unwrap_or(profile_dir);
    if parent.join("CACHEDIR.TAG").is_file() {
        cmd.arg("--target-dir").arg(parent);
    } else if let (Some(triple), Some(target_dir)) = (parent.file_name(), parent.parent()) {
        cmd.arg("--target")
            .arg(triple)
            .arg("--target-dir")
            .arg(target_dir);
    }
    eprintln!("[e2e] building the agent: {cmd:?}");
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cargo} to build rasid-agent: {e}"));
    // Generous: another build may hold cargo's lock on a shared machine.
    let status = crate::wait::poll(
        Duration::from_secs(30 * 60),
        Duration::from_millis(200),
        || child.try_wait().ok().flatten(),
    );
    match status {
        Some(s) if s.success() => {}
        Some(s) => {
            panic!("building rasid-agent failed ({s}); run `cargo build -p rasid-agent` to see why")
        }
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("building rasid-agent took more than 30 minutes");
        }
    }
}

fn modified(p: &Path) -> Option<SystemTime> {
    std::fs::metadata(p).and_then(|m| m.modified()).ok()
}

/// The newest modification time of the sources under `dir` (Rust files and manifests).
fn newest(dir: &Path) -> Option<SystemTime> {
    let mut best = None;
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p = e.path();
            let Ok(ft) = e.file_type() else { continue };
            if ft.is_dir() {
                if p.file_name().is_some_and(|n| {
                    !["target", "tests", "benches", "examples"]
                        .iter()
                        .any(|x| n == *x)
                }) {
                    stack.push(p);
                }
            } else if p.extension().is_some_and(|x| x == "rs")
                || p.file_name().is_some_and(|n| n == "Cargo.toml")
            {
                best = best.max(modified(&p));
            }
        }
    }
    best
}
