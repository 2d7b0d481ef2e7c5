//! What goes wrong that the wall must tell the people in the room and its operator: no key, a
//! collector refusing the wall or out of reach, a board that cannot be read, a configuration
//! not applied. On the screen in the wall's language ([`Trouble::show`], from the catalogue);
//! in the log and in tests in English ([`std::fmt::Display`]).
//!
//! The technical detail of a trouble (what the network library or the configuration's checker
//! said, a file's path, the collector's own message) is shown as it came, in brackets: it is
//! for the person who fixes it, and the log holds the same words.

use crate::widgets::Env;
use std::fmt;

/// One thing wrong, as the wall knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Trouble {
    /// The wall has no key file at `file`: it reads only from a collector started with
    /// `--public-boards`.
    NoKey { name: String, file: String },
    /// The key file at `file` holds no usable key.
    KeyUnusable {
        name: String,
        file: String,
        detail: String,
    },
    /// The key file at `file` cannot be read (permissions, a disk error).
    KeyUnreadable { file: String, detail: String },
    /// The collector answered 401: `code` is its error word (`unknown-wall` …), or `401` when
    /// the answer said no more.
    Refused { code: String, message: String },
    /// The collector's address cannot be read as a URL.
    BadAddress { url: String, detail: String },
    /// The collector cannot be reached.
    Unreachable { detail: String },
    /// The collector's answer broke off.
    Cut { detail: String },
    /// The collector answered with another status than success or 401.
    Answered { status: String, message: String },
    /// The collector's board is not one this wall can read (another version, say).
    Unreadable { detail: String },
    /// The collector sent another board than the one asked for.
    WrongBoard { asked: String, got: String },
    /// A new boards.toml was not applied: its first problem (or why it could not be had), and
    /// how many more.
    ConfigNotApplied { problem: String, more: usize },
    /// The screen is not in boards.toml, so the first one is shown.
    ScreenFallback { detail: String, first: String },
    /// The configuration could not be read at the start, so the default look is used.
    DefaultLook { detail: String },
}

impl Trouble {
    /// The words for the screen, in the wall's language.
    pub fn show(&self, env: &Env) -> String {
        match self {
            Trouble::NoKey { name, file } => env.tr_args(
                "trouble-no-key",
                &[("name", name.into()), ("file", file.into())],
            ),
            Trouble::KeyUnusable { name, file, detail } => env.tr_args(
                "trouble-key-unusable",
                &[
                    ("name", name.into()),
                    ("file", file.into()),
                    ("detail", detail.into()),
                ],
            ),
            Trouble::KeyUnreadable { file, detail } => env.tr_args(
                "trouble-key-unreadable",
                &[("file", file.into()), ("detail", detail.into())],
            ),
            Trouble::Refused { code, message } => env.tr_args(
                "trouble-refused",
                &[("code", code.into()), ("message", message.into())],
            ),
            Trouble::BadAddress { url, detail } => env.tr_args(
                "trouble-bad-address",
                &[("url", url.into()), ("detail", detail.into())],
            ),
            Trouble::Unreachable { detail } => {
                env.tr_args("trouble-unreachable", &[("detail", detail.into())])
            }
            Trouble::Cut { detail } => env.tr_args("trouble-cut", &[("detail", detail.into())]),
            Trouble::Answered { status, message } => env.tr_args(
                "trouble-answered",
                &[
                    ("status", env.digits_of(status).into()),
                    ("message", message.into()),
                ],
            ),
            Trouble::Unreadable { detail } => {
                env.tr_args("trouble-unreadable", &[("detail", detail.into())])
            }
            Trouble::WrongBoard { asked, got } => env.tr_args(
                "trouble-wrong-board",
                &[("asked", asked.into()), ("got", got.into())],
            ),
            Trouble::ConfigNotApplied { problem, more } => {
                let more = match more {
                    0 => String::new(),
                    n => format!(" (+{})", env.digits_of(&n.to_string())),
                };
                env.tr_args(
                    "trouble-config-not-applied",
                    &[("problem", problem.into()), ("more", more.into())],
                )
            }
            Trouble::ScreenFallback { detail, first } => env.tr_args(
                "trouble-screen-fallback",
                &[("detail", detail.into()), ("first", first.into())],
            ),
            Trouble::DefaultLook { detail } => {
                env.tr_args("trouble-default-look", &[("detail", detail.into())])
            }
        }
    }
}

impl fmt::Display for Trouble {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Trouble::NoKey { name, file } => write!(
                f,
                "this wall has no key ({file} not found), so it reads only from a collector started with --public-boards: run `rasid-kiosk init --name {name}` and register the [[wall]] lines it prints in the collector's centers.toml"
            ),
            Trouble::KeyUnusable { name, file, detail } => write!(
                f,
                "this wall's key file {file} cannot be used ({detail}): run `rasid-kiosk init --name {name} --key {file} --force` and register the [[wall]] lines it prints in the collector's centers.toml"
            ),
            Trouble::KeyUnreadable { file, detail } => write!(
                f,
                "this wall's key file {file} cannot be read ({detail}); it reads unsigned until it can"
            ),
            Trouble::Refused { code, message } => {
                write!(
                    f,
                    "the collector refuses this wall's reads ({code}): {message}"
                )
            }
            Trouble::BadAddress { url, detail } => {
                write!(f, "the collector's address {url} cannot be read: {detail}")
            }
            Trouble::Unreachable { detail } => write!(f, "cannot reach the collector: {detail}"),
            Trouble::Cut { detail } => write!(f, "the answer was cut: {detail}"),
            Trouble::Answered { status, message } => {
                write!(f, "the collector answered {status}: {message}")
            }
            Trouble::Unreadable { detail } => write!(
                f,
                "the board sent by the collector cannot be read: {detail}"
            ),
            Trouble::WrongBoard { asked, got } => {
                write!(f, "asked for board {asked}, received {got}")
            }
            Trouble::ConfigNotApplied { problem, more } => {
                write!(f, "{problem}")?;
                if *more > 0 {
                    write!(f, " (+{more} more)")?;
                }
                write!(f, " — the previous configuration stays in force")
            }
            Trouble::ScreenFallback { detail, first } => {
                write!(f, "{detail}; showing the first screen, '{first}'")
            }
            Trouble::DefaultLook { detail } => write!(f, "{detail}; the default look is used"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::default_env;
    use crate::theme::{Theme, ThemeName};
    use rasid_shared::format::Language;

    fn every_trouble() -> Vec<Trouble> {
        let d = || "DETAIL".to_string();
        vec![
            Trouble::NoKey {
                name: "hall-1".into(),
                file: "rasid-wall.key".into(),
            },
            Trouble::KeyUnusable {
                name: "hall-1".into(),
                file: "rasid-wall.key".into(),
                detail: d(),
            },
            Trouble::KeyUnreadable {
                file: "rasid-wall.key".into(),
                detail: d(),
            },
            Trouble::Refused {
                code: "unknown-wall".into(),
                message: d(),
            },
            Trouble::BadAddress {
                url: "http://x".into(),
                detail: d(),
            },
            Trouble::Unreachable { detail: d() },
            Trouble::Cut { detail: d() },
            Trouble::Answered {
                status: "503 Service Unavailable".into(),
                message: d(),
            },
            Trouble::Unreadable { detail: d() },
            Trouble::WrongBoard {
                asked: "kpi".into(),
                got: "budget".into(),
            },
            Trouble::ConfigNotApplied {
                problem: d(),
                more: 2,
            },
            Trouble::ScreenFallback {
                detail: d(),
                first: "hall".into(),
            },
            Trouble::DefaultLook { detail: d() },
        ]
    }

    /// Every trouble reads in the wall's language with its detail in it; in Arabic and Persian
    /// no English word is left but the detail, commands, file names and the collector's words.
    #[test]
    fn every_trouble_is_said_in_the_walls_language_with_its_detail() {
        let latin_allowed = [
            "DETAIL",
            "rasid-kiosk",
            "init",
            "name",
            "hall-1",
            "key",
            "force",
            "rasid-wall",
            "centers",
            "toml",
            "wall",
            "public-boards",
            "unknown-wall",
            "http",
            "x",
            "kpi",
            "budget",
            "hall",
            "Service",
            "Unavailable",
            "boards",
        ];
        for language in [Language::Arabic, Language::Persian, Language::English] {
            let mut env = default_env(Theme::new(ThemeName::Dark), chrono::NaiveDate::MIN);
            env.language = language;
            for t in every_trouble() {
                let shown = t.show(&env);
                assert!(!shown.starts_with("trouble-"), "{language:?}: {shown}");
                let has_detail = match &t {
                    Trouble::WrongBoard { asked, .. } => shown.contains(asked.as_str()),
                    Trouble::NoKey { file, .. } => shown.contains(file.as_str()),
                    _ => shown.contains("DETAIL"),
                };
                assert!(has_detail, "{language:?}: {shown}");
                if language == Language::English {
                    continue;
                }
                for word in shown.split(|c: char| !c.is_ascii_alphabetic() && c != '-') {
                    let word = word.trim_matches('-');
                    assert!(
                        word.is_empty() || latin_allowed.contains(&word),
                        "{language:?}: '{word}' is English in: {shown}"
                    );
                }
            }
        }
        assert!(
            rasid_shared::i18n::misses()
                .iter()
                .all(|m| !m.contains("trouble-")),
            "{:?}",
            rasid_shared::i18n::misses()
        );
    }

    /// The log's English names the same things the screen does.
    #[test]
    fn the_log_says_it_in_english() {
        let t = Trouble::ConfigNotApplied {
            problem: "boards.toml: line 3: x".into(),
            more: 1,
        };
        assert_eq!(
            t.to_string(),
            "boards.toml: line 3: x (+1 more) — the previous configuration stays in force"
        );
    }
}
