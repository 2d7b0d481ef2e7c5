//! Reloading `centers.toml` without a restart: on SIGHUP, and when the file changes (polled).
//!
//! A broken edit is logged and counted, and the last good registry stays in force.

use super::metrics::Metrics;
use super::state::Collector;
use crate::registry::Registry;
use anyhow::{Context, Result};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};
use tokio::sync::watch;

/// Reads and checks the registry file; returns it with the text it was read from.
pub fn load_registry(path: &Path) -> Result<(Registry, String)> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("reading {}", path.display()))?;
    let reg = Registry::parse(&text)
        .with_context(|| format!("{} is not a valid registry", path.display()))?;
    Ok((reg, text))
}

/// What was last seen of the file: its modification time and its text.
#[derive(Default, PartialEq)]
struct Seen {
    modified: Option<SystemTime>,
    text: Option<String>,
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

fn look(path: &Path) -> Seen {
    Seen {
        modified: modified(path),
        text: std::fs::read_to_string(path).ok(),
    }
}

/// Watches `path` until `closing` becomes true (or its sender is dropped); `loaded` is the text
/// the collector's registry in force was read from.
pub async fn watch_registry(
    collector: Arc<Collector>,
    path: PathBuf,
    loaded: String,
    every: Duration,
    mut closing: watch::Receiver<bool>,
) {
    let mut seen = Seen {
        modified: modified(&path),
        text: Some(loaded),
    };
    let mut hangup = hangup_signal();
    let mut tick = tokio::time::interval(every);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        let forced = tokio::select! {
            _ = tick.tick() => false,
            _ = hangup.recv() => true,
            r = closing.changed() => {
                if r.is_err() || *closing.borrow() {
                    return;
                }
                continue;
            }
        };
        let now = look(&path);
        // The text is compared too: a modification time may not change within its resolution.
        if !forced && now == seen {
            continue;
        }
        seen = now;
        match load_registry(&path) {
            Ok((reg, _)) => {
                tracing::info!(
                    "reloaded {} ({} centers)",
                    path.display(),
                    reg.centers.len()
                );
                collector.set_registry(reg);
                Metrics::add(&collector.metrics.registry_reloads, 1);
            }
            Err(e) => {
                tracing::error!(
                    "{e:#}; the previous registry stays in force until the file is fixed"
                );
                Metrics::add(&collector.metrics.registry_reload_errors, 1);
            }
        }
    }
}

/// A stream of SIGHUP signals; on other platforms, or if the signal cannot be hooked, never.
struct Hangup {
    #[cfg(unix)]
    signal: Option<tokio::signal::unix::Signal>,
}

impl Hangup {
    async fn recv(&mut self) {
        #[cfg(unix)]
        if let Some(s) = &mut self.signal {
            if s.recv().await.is_some() {
                return;
            }
            self.signal = None;
        }
        std::future::pending::<()>().await
    }
}

#[cfg(unix)]
fn hangup_signal() -> Hangup {
    match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::hangup()) {
        Ok(s) => Hangup { signal: Some(s) },
        Err(e) => {
            tracing::warn!(
                "cannot listen for SIGHUP ({e}); the registry reloads only when the file changes"
            );
            Hangup { signal: None }
        }
    }
}

#[cfg(not(unix))]
fn hangup_signal() -> Hangup {
    Hangup {}
}
