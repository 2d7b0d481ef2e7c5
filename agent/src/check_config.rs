//! `rasid-agent check-config FILE`: tells which configuration file FILE is and prints every
//! problem in it with its line and key, as `vector validate` does. It reads; it changes nothing.
//!
//! The agent checks `rasid-agent.toml` and `centers.toml` fully. `boards.toml` belongs to the
//! wall: only `rasid-kiosk --check-config FILE` checks it, and this command says so.

use crate::config::{AgentConfig, CONFIG_FILE};
use anyhow::{Context, Result, bail};
use rasid_collector::registry::{CENTERS_FILE, Registry};
use rasid_shared::config_check::{ConfigProblem, ConfigProblems};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

/// The wall's configuration file.
pub const BOARDS_FILE: &str = "boards.toml";

/// Exit status of `check-config` for a `boards.toml`, which it does not check.
pub const EXIT_NOT_CHECKED: u8 = 2;

/// The configuration files of Rasid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigKind {
    /// `rasid-agent.toml`, in the agent's data directory.
    Agent,
    /// `centers.toml`, the collector's registry of centers.
    Centers,
    /// `boards.toml`, the wall's screens and boards.
    Boards,
}

impl ConfigKind {
    /// The file's usual name.
    pub fn file_name(self) -> &'static str {
        match self {
            ConfigKind::Agent => CONFIG_FILE,
            ConfigKind::Centers => CENTERS_FILE,
            ConfigKind::Boards => BOARDS_FILE,
        }
    }

    /// Which file `path` is: by its name, else by its top-level keys; `None` when neither tells.
    pub fn recognise(path: &Path, text: &str) -> Option<ConfigKind> {
        let by_name = path.file_name().and_then(|n| n.to_str());
        let named = [ConfigKind::Agent, ConfigKind::Centers, ConfigKind::Boards]
            .into_iter()
            .find(|k| by_name == Some(k.file_name()));
        named.or_else(|| Self::by_keys(text))
    }

    fn by_keys(text: &str) -> Option<ConfigKind> {
        let table: toml::Table = toml::from_str(text).ok()?;
        let has = |k: &str| table.contains_key(k);
        let array = |k: &str| table.get(k).is_some_and(|c| c.is_array());
        // `[wall]` is the wall's settings in boards.toml; `[[wall]]` registers walls in
        // centers.toml.
        if has("secretariat") || array("center") || array("wall") {
            Some(ConfigKind::Centers)
        } else if has("wall") || has("screen") || has("thresholds") {
            Some(ConfigKind::Boards)
        } else if has("upstream") || table.get("center").is_some_and(|c| c.is_str()) {
            Some(ConfigKind::Agent)
        } else {
            None
        }
    }
}

/// Checks `text` as a file of `kind`: what was checked, in a line, or every problem found.
/// `None` for `boards.toml`, which only the wall checks.
pub fn check(kind: ConfigKind, text: &str) -> Option<Result<String, Vec<ConfigProblem>>> {
    match kind {
        ConfigKind::Agent => Some(AgentConfig::check(text).map(|c| {
            format!(
                "center {}, upstream {}, drop folder {}, pull every {} s, batches of at most {} records, requests abandoned after {} s, retries at most {} s apart",
                c.center,
                c.upstream,
                c.drop_folder.display(),
                c.pull_interval_secs,
                c.batch_records,
                c.request_timeout_secs,
                c.max_backoff_secs
            )
        })),
        ConfigKind::Centers => Some(Registry::check(text).map(|r| {
            format!(
                "{} centers, {} agent keys, secretariat {}, walls registered: {}",
                r.centers.len(),
                r.keys.len(),
                r.secretariat,
                r.walls.len()
            )
        })),
        ConfigKind::Boards => None,
    }
}

/// The command: prints the outcome (as JSON with `as_json`) and returns the exit status:
/// 0 clean, 1 problems, [`EXIT_NOT_CHECKED`] for a `boards.toml`.
pub fn run(path: &Path, as_json: bool) -> Result<ExitCode> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let Some(kind) = ConfigKind::recognise(path, &text) else {
        bail!(
            "cannot tell which configuration {} is: name it {CONFIG_FILE}, {CENTERS_FILE} or {BOARDS_FILE}, or give it the keys of one of them (docs/AGENT.md, docs/COLLECTOR.md, docs/KIOSK.md)",
            path.display()
        );
    };
    let shown = path.display().to_string();
    let Some(outcome) = check(kind, &text) else {
        let advice = format!(
            "{shown} is a {BOARDS_FILE} (the wall's configuration); the agent does not check it: run `rasid-kiosk --check-config {shown}`"
        );
        if as_json {
            println!(
                "{}",
                json!({ "file": shown, "kind": kind.file_name(), "checked": false, "ok": null, "advice": advice })
            );
        } else {
            eprintln!("{advice}");
        }
        return Ok(ExitCode::from(EXIT_NOT_CHECKED));
    };
    let (summary, problems) = match outcome {
        Ok(summary) => (Some(summary), Vec::new()),
        Err(problems) => (None, problems),
    };
    if as_json {
        println!(
            "{}",
            json!({ "file": shown, "kind": kind.file_name(), "checked": true, "ok": problems.is_empty(), "summary": summary, "problems": problems })
        );
    } else if let Some(summary) = &summary {
        println!("{shown}: {} OK: {summary}", kind.file_name());
    } else {
        let n = problems.len();
        eprintln!(
            "{}",
            ConfigProblems {
                file: shown.clone(),
                problems
            }
        );
        eprintln!(
            "{shown}: {n} problem{} in this {}",
            if n == 1 { "" } else { "s" },
            kind.file_name()
        );
    }
    Ok(if summary.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_recognised_by_name_then_by_keys() {
        let agent = include_str!("../../docs/examples/rasid-agent.toml");
        let centers = include_str!("../../docs/examples/centers.toml");
        let boards = include_str!("../../docs/examples/boards.toml");
        for (name, text, kind) in [
            ("rasid-agent.toml", "", ConfigKind::Agent),
            ("centers.toml", "", ConfigKind::Centers),
            ("boards.toml", "", ConfigKind::Boards),
            ("moh.toml", agent, ConfigKind::Agent),
            ("registry.toml", centers, ConfigKind::Centers),
            ("hall.toml", boards, ConfigKind::Boards),
            (
                "walls.toml",
                "[[wall]]\nname = \"hall\"\n",
                ConfigKind::Centers,
            ),
            // The name wins over the keys.
            ("centers.toml", agent, ConfigKind::Centers),
        ] {
            assert_eq!(
                ConfigKind::recognise(Path::new(name), text),
                Some(kind),
                "{name}"
            );
        }
        assert_eq!(ConfigKind::recognise(Path::new("x.toml"), "a = 1"), None);
        assert_eq!(ConfigKind::recognise(Path::new("x.toml"), "[[broken"), None);
    }

    #[test]
    fn the_documented_examples_are_clean_and_boards_is_left_to_the_kiosk() {
        let agent = check(
            ConfigKind::Agent,
            include_str!("../../docs/examples/rasid-agent.toml"),
        );
        assert!(
            agent
                .as_ref()
                .is_some_and(|r| r.as_ref().is_ok_and(|s| s.contains("center MOH"))),
            "{agent:?}"
        );
        let centers = check(
            ConfigKind::Centers,
            include_str!("../../docs/examples/centers.toml"),
        );
        assert!(
            centers.as_ref().is_some_and(|r| r
                .as_ref()
                .is_ok_and(|s| s.contains("secretariat GSC, walls registered: 1"))),
            "{centers:?}"
        );
        assert!(check(ConfigKind::Boards, "").is_none());
    }
}
