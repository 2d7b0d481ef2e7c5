//! The agent's configuration (`rasid-agent.toml`) and its key file.
//!
//! Every key is documented in docs/AGENT.md with an example that a test loads.

use anyhow::{Context, Result, bail};
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The configuration file name inside the data directory.
pub const CONFIG_FILE: &str = "rasid-agent.toml";
/// The secret key file name inside the data directory.
pub const KEY_FILE: &str = "agent.key";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentConfig {
    /// This center's code, as registered at the collector.
    pub center: CenterCode,
    /// The collector's base URL, e.g. `https://collector.gsc.gov.ps:8443`.
    pub upstream: String,
    /// Folder watched by `rasid-agent run` for new import files (relative to the data dir).
    #[serde(default = "default_drop")]
    pub drop_folder: PathBuf,
    /// Seconds between pulls of assignments in `run`.
    #[serde(default = "default_pull")]
    pub pull_interval_secs: u64,
    /// Most records per pushed batch.
    #[serde(default = "default_batch")]
    pub batch_records: usize,
    /// Seconds before a push or pull request is abandoned and retried.
    #[serde(default = "default_timeout")]
    pub request_timeout_secs: u64,
    /// Longest wait between retries, in seconds (backoff doubles up to this).
    #[serde(default = "default_backoff")]
    pub max_backoff_secs: u64,
}

fn default_drop() -> PathBuf {
    PathBuf::from("inbox")
}
fn default_pull() -> u64 {
    300
}
fn default_batch() -> usize {
    1000
}
fn default_timeout() -> u64 {
    30
}
fn default_backoff() -> u64 {
    300
}

impl AgentConfig {
    pub fn new(center: CenterCode, upstream: String) -> AgentConfig {
        AgentConfig {
            center,
            upstream,
            drop_folder: default_drop(),
            pull_interval_secs: default_pull(),
            batch_records: default_batch(),
            request_timeout_secs: default_timeout(),
            max_backoff_secs: default_backoff(),
        }
    }

    /// Reads and checks the configuration in `data_dir`.
    pub fn load(data_dir: &Path) -> Result<AgentConfig> {
        let path = data_dir.join(CONFIG_FILE);
        let text = std::fs::read_to_string(&path).with_context(|| {
            format!(
                "reading {}; run `rasid-agent init --center CODE --upstream URL` first",
                path.display()
            )
        })?;
        Self::parse(&text).with_context(|| format!("in {}", path.display()))
    }

    pub fn parse(text: &str) -> Result<AgentConfig> {
        let cfg: AgentConfig =
            toml::from_str(text).map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))?;
        if !(cfg.upstream.starts_with("http://") || cfg.upstream.starts_with("https://")) {
            bail!(
                "key 'upstream': '{}' is not a URL; write it like https://collector.example:8443",
                cfg.upstream
            );
        }
        if cfg.batch_records == 0 || cfg.batch_records > rasid_shared::wire::MAX_BATCH_RECORDS {
            bail!(
                "key 'batch_records': use 1 to {}",
                rasid_shared::wire::MAX_BATCH_RECORDS
            );
        }
        Ok(cfg)
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
        assert!(format!("{e:#}").contains("key 'upstream'"), "{e:#}");
        let e = AgentConfig::parse("center = \"وزارة\"\nupstream = \"http://x\"\n").unwrap_err();
        assert!(format!("{e:#}").contains("not a center code"), "{e:#}");
    }
}
