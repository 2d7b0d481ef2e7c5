//! Which language `rasid-agent` speaks to a person: the first of `--lang`, `RASID_LANG`, the
//! `language` key of the data folder's `rasid-agent.toml`, the operating system's language
//! (`sys-locale`: Arabic and Persian are recognised, any other is English), and English.
//!
//! Chosen before the command line is parsed, because `--help` is written in it: the flag and the
//! data folder are read from the raw arguments. What it chooses is the language of what the
//! agent prints; `--json` stays English, and templates follow the `language` key (or
//! `template --lang`), see docs/AGENT.md. The numbers the agent writes itself (counts, rows,
//! totals) are in the digits the `digits` key of `rasid-agent.toml` names, Western by default.

use crate::config::CONFIG_FILE;
use crate::template::TemplateWords;
pub use rasid_shared::digits::Digits;
pub use rasid_shared::format::Language;
use rasid_shared::i18n::{Arg, agent_message, figure};
use rasid_shared::model::RecordKind;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The environment variable naming the language.
pub const LANG_ENV: &str = "RASID_LANG";
/// The environment variable naming the data folder (as `--data` does).
pub const DATA_ENV: &str = "RASID_DATA";
/// The data folder when neither `--data` nor `RASID_DATA` names one.
pub const DEFAULT_DATA: &str = "rasid-data";

/// What the language is chosen from, the first given winning.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// `--lang` on the command line.
    pub flag: Option<String>,
    /// `RASID_LANG`.
    pub env: Option<String>,
    /// The `language` key of `rasid-agent.toml`, when the file has a readable one.
    pub config: Option<Language>,
    /// The operating system's locale, as `ar-SA`, `fa_IR.UTF-8` or `en-US`.
    pub locale: Option<String>,
}

/// A `--lang` or `RASID_LANG` that names no language. Said in English: no language is known yet.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "{source_name} '{value}' is not a language the agent speaks; use ar (Arabic), fa (Persian) or en (English)"
)]
pub struct BadLanguage {
    /// `--lang` or `RASID_LANG`.
    pub source_name: &'static str,
    /// What was given.
    pub value: String,
}

/// The language chosen from `sources`: `--lang`, else `RASID_LANG` (when not empty), else the
/// configuration's key, else the locale, else English. A flag or variable naming no language is
/// an error, not skipped: the person asked for something the agent cannot do.
pub fn choose(sources: &Sources) -> Result<Language, BadLanguage> {
    if let Some(flag) = &sources.flag {
        return Language::parse(flag).ok_or_else(|| BadLanguage {
            source_name: "--lang",
            value: flag.clone(),
        });
    }
    if let Some(env) = sources.env.as_ref().filter(|e| !e.trim().is_empty()) {
        return Language::parse(env).ok_or_else(|| BadLanguage {
            source_name: LANG_ENV,
            value: env.clone(),
        });
    }
    Ok(sources
        .config
        .or_else(|| sources.locale.as_deref().and_then(of_locale))
        .unwrap_or(Language::English))
}

/// The language of an operating system's locale: `ar…` Arabic, `fa…` Persian, else none (the
/// caller falls back to English). Accepts BCP 47 (`ar-SA`) and POSIX (`fa_IR.UTF-8`) forms.
pub fn of_locale(locale: &str) -> Option<Language> {
    let primary = locale
        .split(['-', '_', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match primary.as_str() {
        "ar" => Some(Language::Arabic),
        "fa" | "per" | "fas" => Some(Language::Persian),
        _ => None,
    }
}

/// The value of the option `--name` in `args` (the program's arguments without its name), as
/// `--name VALUE` or `--name=VALUE`; the last one given wins, as clap's does. Arguments after
/// `--` are not options.
pub fn option_in(args: &[OsString], name: &str) -> Option<OsString> {
    let long = format!("--{name}");
    let with_equals = format!("--{name}=");
    let mut found = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        let Some(text) = word.to_str() else { continue };
        if text == "--" {
            break;
        }
        if text == long {
            found = words.next().cloned();
        } else if let Some(value) = text.strip_prefix(&with_equals) {
            found = Some(OsString::from(value));
        }
    }
    found
}

/// The `language` key of `data`'s `rasid-agent.toml`, when the file exists and the key names a
/// language. Anything else (no file, a broken file, a bad value) gives `None`: the command that
/// reads the configuration reports its problems, in the language chosen without it.
pub fn of_config(data: &Path) -> Option<Language> {
    config_word(data, "language").and_then(|w| Language::parse(&w))
}

/// The text of `key` in `data`'s `rasid-agent.toml`, read before the configuration is checked.
fn config_word(data: &Path, key: &str) -> Option<String> {
    let text = std::fs::read_to_string(data.join(CONFIG_FILE)).ok()?;
    let table: toml::Table = toml::from_str(&text).ok()?;
    table.get(key)?.as_str().map(str::to_string)
}

/// The sources of this process: its arguments, its environment, the configuration in the data
/// folder (`--data`, else `RASID_DATA`, else `rasid-data`) and the system's locale.
pub fn sources_of_process() -> Sources {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let data = data_in(&args);
    Sources {
        flag: option_in(&args, "lang").map(|v| v.to_string_lossy().into_owned()),
        env: std::env::var_os(LANG_ENV).map(|v| v.to_string_lossy().into_owned()),
        config: of_config(&data),
        locale: sys_locale::get_locale(),
    }
}

/// The language this process speaks, set by the binary before it parses its command line (and
/// to English for `--json`).
static SPOKEN: Mutex<Language> = Mutex::new(Language::English);

/// Sets the language this process speaks from now on.
pub fn speak(language: Language) {
    if let Ok(mut spoken) = SPOKEN.lock() {
        *spoken = language;
    }
}

/// The language this process speaks: English until [`speak`] is called (in unit tests).
pub fn spoken() -> Language {
    SPOKEN.lock().map_or(Language::English, |l| *l)
}

/// The agent's message `id` (shared/locales/*/agent.ftl) in the language this process speaks.
pub fn say(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    agent_message(spoken(), id, args)
}

/// A record kind's name in `language` (`budget` → الموازنة), as the import and the templates
/// name its sheet.
pub fn kind_name(kind: RecordKind, language: Language) -> String {
    crate::import::kind_sheet_names(kind)[language.index()].clone()
}

/// The arguments of a counted phrase: `$count` (the plural category of `n`) and `$num` (`n` in
/// the digits the agent writes its numbers in: `digits` of rasid-agent.toml).
pub fn counted(n: usize) -> [(&'static str, Arg<'static>); 2] {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    [("count", Arg::Count(n)), ("num", figure(n).into())]
}

/// The `digits` key of `data`'s `rasid-agent.toml`, when the file exists and the key names
/// digits; else `None` (the command that reads the configuration reports a bad value).
pub fn digits_of_config(data: &Path) -> Option<Digits> {
    config_word(data, "digits").and_then(|w| Digits::parse(&w))
}

/// The data folder of this process: `--data`, else `RASID_DATA`, else `rasid-data`.
pub fn data_of_process() -> PathBuf {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    data_in(&args)
}

fn data_in(args: &[OsString]) -> PathBuf {
    option_in(args, "data")
        .or_else(|| std::env::var_os(DATA_ENV))
        .map_or_else(|| PathBuf::from(DEFAULT_DATA), PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_first_source_given_wins() {
        let all = Sources {
            flag: Some("fa".into()),
            env: Some("en".into()),
            config: Some(Language::English),
            locale: Some("en-US".into()),
        };
        assert_eq!(choose(&all), Ok(Language::Persian));
        let env = Sources {
            flag: None,
            ..all.clone()
        };
        assert_eq!(choose(&env), Ok(Language::English));
        let config = Sources {
            env: Some("  ".into()),
            config: Some(Language::Arabic),
            ..env.clone()
        };
        assert_eq!(choose(&config), Ok(Language::Arabic));
        let locale = Sources {
            config: None,
            locale: Some("fa_IR.UTF-8".into()),
            ..config.clone()
        };
        assert_eq!(choose(&locale), Ok(Language::Persian));
        assert_eq!(choose(&Sources::default()), Ok(Language::English));
    }

    #[test]
    fn a_bad_flag_or_variable_is_refused_naming_the_languages() {
        let e = choose(&Sources {
            flag: Some("french".into()),
            ..Sources::default()
        })
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "--lang 'french' is not a language the agent speaks; use ar (Arabic), fa (Persian) or en (English)"
        );
        let e = choose(&Sources {
            env: Some("de".into()),
            ..Sources::default()
        })
        .unwrap_err();
        assert!(e.to_string().starts_with("RASID_LANG 'de'"), "{e}");
    }

    #[test]
    fn locales_are_read_in_both_forms() {
        for (locale, want) in [
            ("ar", Some(Language::Arabic)),
            ("ar-SA", Some(Language::Arabic)),
            ("ar_EG.UTF-8", Some(Language::Arabic)),
            ("fa-IR", Some(Language::Persian)),
            ("fa_IR.UTF-8", Some(Language::Persian)),
            ("en-US", None),
            ("C", None),
            ("arn-CL", None),
            ("", None),
        ] {
            assert_eq!(of_locale(locale), want, "{locale}");
        }
    }

    #[test]
    fn options_are_found_before_the_double_dash_and_the_last_wins() {
        let a = args(&["--lang", "fa", "status"]);
        assert_eq!(option_in(&a, "lang"), Some("fa".into()));
        let a = args(&["status", "--lang=ar", "--lang", "en"]);
        assert_eq!(option_in(&a, "lang"), Some("en".into()));
        let a = args(&["import", "--", "--lang", "fa"]);
        assert_eq!(option_in(&a, "lang"), None);
        let a = args(&["--language", "fa", "--lang"]);
        assert_eq!(option_in(&a, "lang"), None);
        let a = args(&["--data", "/srv/moh", "status"]);
        assert_eq!(option_in(&a, "data"), Some("/srv/moh".into()));
    }

    #[test]
    fn the_configuration_key_is_read_when_it_names_a_language() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(of_config(dir.path()), None);
        let file = dir.path().join(CONFIG_FILE);
        std::fs::write(&file, "center = \"MOH\"\nlanguage = \"persian\"\n").unwrap();
        assert_eq!(of_config(dir.path()), Some(Language::Persian));
        std::fs::write(&file, "language = \"klingon\"\n").unwrap();
        assert_eq!(of_config(dir.path()), None);
        std::fs::write(&file, "[[broken").unwrap();
        assert_eq!(of_config(dir.path()), None);
    }
}
