//! The agent's configuration (`rasid-agent.toml`) and its key file.
//!
//! Every key is documented in docs/AGENT.md with an example that a test loads.

use crate::language::say;
use anyhow::{Context, Result};
use rasid_shared::config_check::{ConfigProblem, ConfigProblems, Problems};
use rasid_shared::digits::Digits;
use rasid_shared::i18n::figure;
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The configuration file name inside the data directory.
pub const CONFIG_FILE: &str = "rasid-agent.toml";
/// The secret key file name inside the data directory.
pub const KEY_FILE: &str = "agent.key";

/// Allowed `pull_interval_secs`: from 5 s (the collector is not a chat server) to a day.
pub const PULL_INTERVAL_SECS: RangeInclusive<u64> = 5..=86_400;
/// Allowed `batch_records`: what the collector accepts in one batch.
pub const BATCH_RECORDS: RangeInclusive<u64> = 1..=rasid_shared::wire::MAX_BATCH_RECORDS as u64;
/// Allowed `request_timeout_secs`: 0 would abandon every request at once.
pub const REQUEST_TIMEOUT_SECS: RangeInclusive<u64> = 1..=600;
/// Allowed `max_backoff_secs`: 0 would retry in a tight loop; more than an hour hides outages.
pub const MAX_BACKOFF_SECS: RangeInclusive<u64> = 1..=3600;

/// A checked configuration: [`AgentConfig::parse`] and [`AgentConfig::load`] give only values
/// within the documented ranges.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgentConfig {
    /// This center's code, as registered at the collector.
    pub center: CenterCode,
    /// The collector's base URL, e.g. `https://collector.gsc.gov.ps:8443`.
    pub upstream: String,
    /// Folder watched by `rasid-agent run` for new import files (relative to the data dir).
    pub drop_folder: PathBuf,
    /// Seconds between pulls of assignments in `run` ([`PULL_INTERVAL_SECS`]).
    pub pull_interval_secs: u64,
    /// Most records per pushed batch ([`BATCH_RECORDS`]).
    pub batch_records: usize,
    /// Seconds before a push or pull request is abandoned and retried ([`REQUEST_TIMEOUT_SECS`]).
    pub request_timeout_secs: u64,
    /// Longest wait between retries, in seconds; backoff doubles up to this ([`MAX_BACKOFF_SECS`]).
    pub max_backoff_secs: u64,
    /// The clerk's language: templates are written in it (`arabic`, `persian`, `english`).
    pub language: crate::template::Language,
    /// The digits the agent writes its own numbers in (counts, rows, totals): `western` (the
    /// default, left out when written), `arabic-indic`, `persian`.
    #[serde(skip_serializing_if = "Digits::is_western")]
    pub digits: Digits,
}

/// `rasid-agent.toml` as written, with where each value is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    center: Spanned<String>,
    upstream: Spanned<String>,
    drop_folder: Option<Spanned<String>>,
    pull_interval_secs: Option<Spanned<i64>>,
    batch_records: Option<Spanned<i64>>,
    request_timeout_secs: Option<Spanned<i64>>,
    max_backoff_secs: Option<Spanned<i64>>,
    language: Option<Spanned<String>>,
    digits: Option<Spanned<String>>,
}

fn default_drop() -> PathBuf {
    PathBuf::from("inbox")
}
const DEFAULT_PULL: u64 = 300;
const DEFAULT_BATCH: u64 = 1000;
const DEFAULT_TIMEOUT: u64 = 30;
const DEFAULT_BACKOFF: u64 = 300;

/// `value` when it lies in `range`; else a problem naming the range, and the default.
fn in_range(
    p: &mut Problems<'_>,
    value: &Option<Spanned<i64>>,
    key: &str,
    range: RangeInclusive<u64>,
    default: u64,
) -> u64 {
    let Some(v) = value else { return default };
    match u64::try_from(*v.get_ref()) {
        Ok(n) if range.contains(&n) => n,
        _ => {
            let own = |n: u64| figure(i64::try_from(n).unwrap_or(i64::MAX)).into();
            let args = [
                ("value", v.get_ref().to_string().into()),
                ("low", own(*range.start())),
                ("high", own(*range.end())),
                ("default", own(default)),
            ];
            p.at(v.span(), key, say("config-out-of-range", &args));
            default
        }
    }
}

impl AgentConfig {
    pub fn new(center: CenterCode, upstream: String) -> AgentConfig {
        AgentConfig {
            center,
            upstream,
            drop_folder: default_drop(),
            pull_interval_secs: DEFAULT_PULL,
            batch_records: DEFAULT_BATCH as usize,
            request_timeout_secs: DEFAULT_TIMEOUT,
            max_backoff_secs: DEFAULT_BACKOFF,
            language: crate::template::Language::Arabic,
            digits: Digits::Western,
        }
    }

    /// Reads and checks the configuration in `data_dir`; the error lists every problem with the
    /// file's path, line and key.
    pub fn load(data_dir: &Path) -> Result<AgentConfig> {
        let path = data_dir.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {}; run `rasid-agent init --center CODE --upstream URL` first",
                path.display()
            )
        })?;
        Self::check(&text).map_err(|problems| {
            ConfigProblems {
                file: path.display().to_string(),
                problems,
            }
            .into()
        })
    }

    /// [`AgentConfig::check`], its problems as one error naming `rasid-agent.toml`.
    pub fn parse(text: &str) -> Result<AgentConfig> {
        Self::check(text).map_err(|problems| {
            ConfigProblems {
                file: CONFIG_FILE.into(),
                problems,
            }
            .into()
        })
    }

    /// Parses and checks `text`; on failure, every problem found with its line and key.
    pub fn check(text: &str) -> Result<AgentConfig, Vec<ConfigProblem>> {
        rasid_shared::config_check::check(text, Self::from_file)
    }

    fn from_file(f: File, p: &mut Problems<'_>) -> Option<AgentConfig> {
        let center = CenterCode::new(f.center.get_ref())
            .map_err(|e| p.at(f.center.span(), "center", e.to_string()))
            .ok();
        let upstream = f.upstream.get_ref().trim().to_string();
        if !(upstream.starts_with("http://") || upstream.starts_with("https://")) {
            p.at(
                f.upstream.span(),
                "upstream",
                say("config-not-a-url", &[("value", upstream.as_str().into())]),
            );
        }
        let drop_folder = match &f.drop_folder {
            None => default_drop(),
            Some(d) if d.get_ref().trim().is_empty() => {
                p.at(
                    d.span(),
                    "drop_folder",
                    say("config-empty-drop-folder", &[]),
                );
                default_drop()
            }
            Some(d) => PathBuf::from(d.get_ref()),
        };
        let pull_interval_secs = in_range(
            p,
            &f.pull_interval_secs,
            "pull_interval_secs",
            PULL_INTERVAL_SECS,
            DEFAULT_PULL,
        );
        let batch_records = in_range(
            p,
            &f.batch_records,
            "batch_records",
            BATCH_RECORDS,
            DEFAULT_BATCH,
        );
        let request_timeout_secs = in_range(
            p,
            &f.request_timeout_secs,
            "request_timeout_secs",
            REQUEST_TIMEOUT_SECS,
            DEFAULT_TIMEOUT,
        );
        let max_backoff_secs = in_range(
            p,
            &f.max_backoff_secs,
            "max_backoff_secs",
            MAX_BACKOFF_SECS,
            DEFAULT_BACKOFF,
        );
        let language = match &f.language {
            None => crate::template::Language::Arabic,
            Some(l) => crate::template::Language::parse(l.get_ref()).unwrap_or_else(|| {
                p.at(
                    l.span(),
                    "language",
                    say("config-not-a-language", &[("value", l.get_ref().into())]),
                );
                crate::template::Language::Arabic
            }),
        };
        let digits = match &f.digits {
            None => Digits::Western,
            Some(d) => Digits::parse(d.get_ref()).unwrap_or_else(|| {
                p.at(
                    d.span(),
                    "digits",
                    say("config-not-digits", &[("value", d.get_ref().into())]),
                );
                Digits::Western
            }),
        };
        Some(AgentConfig {
            language,
            digits,
            center: center?,
            upstream,
            drop_folder,
            pull_interval_secs,
            batch_records: batch_records as usize,
            request_timeout_secs,
            max_backoff_secs,
        })
    }

    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads the agent's secret key from `data_dir`.
pub fn load_key(data_dir: &Path) -> Result<KeyPair> {
    let path = data_dir.join(KEY_FILE);
    let text = std::fs::read_to_string(&path)
        .with_context(|| format!("reading the key file {}; restore it from backup, or run `rasid-agent init` again and register the new public key", path.display()))?;
    KeyPair::from_secret_base64(&text).with_context(|| format!("in {}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_loads() {
        let text = include_str!("../../docs/examples/rasid-agent.toml");
        let cfg = AgentConfig::parse(text).unwrap();
        assert_eq!(cfg.center.as_str(), "MOH");
    }

    #[test]
    fn unknown_keys_and_bad_urls_are_named() {
        let e = AgentConfig::parse("center = \"MOH\"\nupstream = \"http://x\"\nbatch = 3\n")
            .unwrap_err();
        assert!(format!("{e:#}").contains("unknown field `batch`"), "{e:#}");
        let e = AgentConfig::parse("center = \"MOH\"\nupstream = \"collector\"\n").unwrap_err();
        assert!(
            format!("{e:#}").contains("line 2, upstream: 'collector' is not a URL"),
            "{e:#}"
        );
        let e = AgentConfig::parse("center = \"وزارة\"\nupstream = \"http://x\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("not a center code"), "{e:#}");
    }

    fn problems(text: &str) -> Vec<String> {
        AgentConfig::check(text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect()
    }

    #[test]
    fn every_problem_is_reported_with_its_line_and_key() {
        let text = r#"center = "وزارة"
upstream = "collector.example"
colour = "blue"
drop_folder = ""
pull_interval_secs = 0
batch_records = 9000
request_timeout_secs = -1
max_backoff_secs = 0
"#;
        let shown = problems(text);
        let expected = [
            "line 3, colour: unknown field `colour`",
            "line 1, center: ",
            "line 2, upstream: 'collector.example' is not a URL",
            "line 4, drop_folder: is empty",
            "line 5, pull_interval_secs: 0 is out of range; use 5 to 86400",
            "line 6, batch_records: 9000 is out of range; use 1 to 5000",
            "line 7, request_timeout_secs: -1 is out of range; use 1 to 600",
            "line 8, max_backoff_secs: 0 is out of range; use 1 to 3600",
        ];
        assert_eq!(shown.len(), expected.len(), "{shown:#?}");
        for (got, want) in shown.iter().zip(expected) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
    }

    #[test]
    fn an_interval_of_zero_is_refused_at_load_with_the_file_line_and_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(CONFIG_FILE),
            "center = \"MOH\"\nupstream = \"http://x\"\npull_interval_secs = 0\n",
        )
        .unwrap();
        let e = format!("{:#}", AgentConfig::load(dir.path()).unwrap_err());
        let file = dir.path().join(CONFIG_FILE);
        assert!(
            e.starts_with(&format!(
                "{}: line 3, pull_interval_secs: 0 is out of range",
                file.display()
            )),
            "{e}"
        );
    }

    #[test]
    fn the_ends_of_every_range_are_accepted_and_left_out_keys_take_their_defaults() {
        let low = AgentConfig::check(
            "center = \"MOH\"\nupstream = \"http://x\"\npull_interval_secs = 5\nbatch_records = 1\nrequest_timeout_secs = 1\nmax_backoff_secs = 1\n",
        )
        .unwrap();
        assert_eq!(
            (
                low.pull_interval_secs,
                low.batch_records,
                low.request_timeout_secs,
                low.max_backoff_secs
            ),
            (5, 1, 1, 1)
        );
        let high = AgentConfig::check(
            "center = \"MOH\"\nupstream = \"http://x\"\npull_interval_secs = 86400\nbatch_records = 5000\nrequest_timeout_secs = 600\nmax_backoff_secs = 3600\n",
        )
        .unwrap();
        assert_eq!(
            (
                high.pull_interval_secs,
                high.batch_records,
                high.request_timeout_secs,
                high.max_backoff_secs
            ),
            (86_400, 5000, 600, 3600)
        );
        let bare = AgentConfig::check("center = \"moh\"\nupstream = \"http://x\"\n").unwrap();
        assert_eq!(
            bare,
            AgentConfig::new(bare.center.clone(), "http://x".into())
        );
        assert_eq!(bare.center.as_str(), "MOH");
    }

    #[test]
    fn what_init_writes_reads_back_the_same() {
        let cfg = AgentConfig::new(CenterCode::new("MOH").unwrap(), "https://c.example".into());
        assert_eq!(AgentConfig::check(&cfg.to_toml()).unwrap(), cfg);
    }

    #[test]
    fn the_documented_ranges_are_the_ranges_checked() {
        let doc = include_str!("../../docs/AGENT.md");
        for (key, range) in [
            ("pull_interval_secs", PULL_INTERVAL_SECS),
            ("batch_records", BATCH_RECORDS),
            ("request_timeout_secs", REQUEST_TIMEOUT_SECS),
            ("max_backoff_secs", MAX_BACKOFF_SECS),
        ] {
            let row = doc
                .lines()
                .find(|l| l.starts_with(&format!("| `{key}`")))
                .unwrap_or_else(|| panic!("docs/AGENT.md has no row for {key}"));
            assert!(
                row.contains(&format!("{} to {}", range.start(), range.end())),
                "{row}"
            );
        }
    }
}
