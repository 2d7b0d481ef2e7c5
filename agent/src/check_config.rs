//! `rasid-agent check-config FILE`: tells which configuration file FILE is and prints every
//! problem in it with its line and key, as `vector validate` does. It reads; it changes nothing.
//!
//! The agent checks `rasid-agent.toml` and `centers.toml` fully. `boards.toml` belongs to the
//! wall: only `rasid-kiosk --check-config FILE` checks it, and this command says so.

use crate::config::{AgentConfig, CONFIG_FILE};
use crate::language::{Language, counted};
use anyhow::{Context, Result, bail};
use rasid_collector::registry::{CENTERS_FILE, Registry};
use rasid_shared::config_check::{ConfigProblem, ConfigProblems};
use rasid_shared::i18n::{Arg, agent_message};
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

/// Checks `text` as a file of `kind`: what was checked, in a line in `language`, or every
/// problem found. `None` for `boards.toml`, which only the wall checks.
pub fn check(
    kind: ConfigKind,
    text: &str,
    language: Language,
) -> Option<Result<String, Vec<ConfigProblem>>> {
    let say = |id: &str, args: &[(&str, String)]| {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, v.into())).collect();
        agent_message(language, id, &args)
    };
    match kind {
        ConfigKind::Agent => Some(AgentConfig::check(text).map(|c| {
            say(
                "check-config-agent",
                &[
                    ("center", c.center.to_string()),
                    ("upstream", c.upstream.clone()),
                    ("folder", c.drop_folder.display().to_string()),
                    ("pull", c.pull_interval_secs.to_string()),
                    ("batch", c.batch_records.to_string()),
                    ("timeout", c.request_timeout_secs.to_string()),
                    ("backoff", c.max_backoff_secs.to_string()),
                ],
            )
        })),
        ConfigKind::Centers => Some(Registry::check(text).map(|r| {
            say(
                "check-config-centers",
                &[
                    ("centers", r.centers.len().to_string()),
                    ("keys", r.keys.len().to_string()),
                    ("secretariat", r.secretariat.to_string()),
                    ("walls", r.walls.len().to_string()),
                ],
            )
        })),
        ConfigKind::Boards => None,
    }
}

/// The command: prints the outcome in `language` (as JSON, in English, with `as_json`) and
/// returns the exit status: 0 clean, 1 problems, [`EXIT_NOT_CHECKED`] for a `boards.toml`. The
/// problems themselves are the checks' own words (English).
pub fn run(path: &Path, as_json: bool, language: Language) -> Result<ExitCode> {
    let shown = path.display().to_string();
    let file = || [("file", Arg::from(shown.as_str()))];
    // `--json` is for scripts: its words stay English whatever the language.
    let language = if as_json { Language::English } else { language };
    let text = std::fs::read_to_string(path)
        .with_context(|| agent_message(language, "error-reading", &file()))?;
    let Some(kind) = ConfigKind::recognise(path, &text) else {
        bail!(agent_message(language, "check-config-unknown", &file()));
    };
    let Some(outcome) = check(kind, &text, language) else {
        let advice = agent_message(language, "check-config-boards", &file());
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
        let args = [
            ("file", shown.as_str().into()),
            ("kind", kind.file_name().into()),
            ("summary", summary.into()),
        ];
        println!("{}", agent_message(language, "check-config-ok", &args));
    } else {
        let n = problems.len();
        eprintln!(
            "{}",
            problems_text(&ConfigProblems {
                file: shown.clone(),
                problems
            })
        );
        let [count, num] = counted(n);
        let args = [
            ("file", shown.as_str().into()),
            count,
            num,
            ("kind", kind.file_name().into()),
        ];
        eprintln!(
            "{}",
            agent_message(language, "check-config-problems", &args)
        );
    }
    Ok(if summary.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// Every problem of `problems`, a line each, in the language the agent speaks:
/// `FILE: line 5, pull_interval_secs: …` (the messages are the checks' own).
pub fn problems_text(problems: &ConfigProblems) -> String {
    let file = problems.file.as_str();
    problems
        .problems
        .iter()
        .map(|p| match p.line {
            Some(line) => crate::language::say(
                "config-problem-at-line",
                &[
                    ("file", file.into()),
                    (
                        "line",
                        rasid_shared::i18n::figure(i64::try_from(line).unwrap_or(i64::MAX)).into(),
                    ),
                    ("key", p.key.as_str().into()),
                    ("message", p.message.as_str().into()),
                ],
            ),
            None => crate::language::say(
                "config-problem",
                &[
                    ("file", file.into()),
                    ("key", p.key.as_str().into()),
                    ("message", p.message.as_str().into()),
                ],
            ),
        })
        .collect::<Vec<_>>()
        .join("\n")
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
            Language::English,
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
            Language::English,
        );
        assert!(
            centers.as_ref().is_some_and(|r| r
                .as_ref()
                .is_ok_and(|s| s.contains("secretariat GSC, walls registered: 1"))),
            "{centers:?}"
        );
        assert!(check(ConfigKind::Boards, "", Language::English).is_none());
    }
}
