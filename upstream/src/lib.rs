//! The client half of Rasid's protocol: pushing an outbox to a collector as signed, numbered
//! batches, and pulling the decisions assigned to a center. The agent pushes with it, and so does
//! a collector that relays to another. Not the server side (`rasid-collector`).
//!
//! A batch leaves the outbox only when the collector has acknowledged it (see
//! `rasid_shared::store::outbox`). Failures that may pass (network, 5xx, 429) are retried with
//! exponential backoff and jitter; refusals (4xx) are reported and the records stay queued.

use chrono::{NaiveDate, SecondsFormat, Utc};
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use rasid_shared::store::{InflightBatch, Store, StoreError};
use rasid_shared::wire::{self, AssignmentList, BatchAck, ErrorBody};
use std::time::Duration;

/// Store meta names written by push and pull, read by `status`.
pub const META_LAST_PUSH: &str = "agent.last_push";
pub const META_LAST_PULL: &str = "agent.last_pull";
pub const META_LAST_ERROR: &str = "agent.last_error";
pub const META_ASSIGNMENTS: &str = "agent.assignments";
/// The collector's error word for a batch number it has for other records.
pub const NUMBER_REUSED: &str = "batch-number-reused";

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    /// The collector could not be reached or did not answer in time: try again later.
    #[error("cannot reach the collector at {url}: {detail}")]
    Unreachable { url: String, detail: String },
    /// The collector failed or is overloaded (5xx, 429): try again later.
    #[error("the collector at {url} answered {status}: {message}")]
    Busy {
        url: String,
        status: u16,
        message: String,
    },
    /// The collector refused the request (4xx): retrying will not help until something changes.
    #[error("the collector refused the request ({status} {error}): {message}")]
    Refused {
        status: u16,
        error: String,
        message: String,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl PushError {
    /// True when waiting and trying again may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(self, PushError::Unreachable { .. } | PushError::Busy { .. })
    }
}

/// The collector as seen from an agent: base URL, this center, its key.
#[derive(Clone)]
pub struct Upstream {
    client: reqwest::Client,
    base: String,
    center: CenterCode,
    key: KeyPair,
}

impl Upstream {
    pub fn new(
        base: &str,
        center: CenterCode,
        key: KeyPair,
        timeout: Duration,
    ) -> Result<Upstream, PushError> {
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(10)))
            .user_agent(concat!("rasid-agent/", env!("CARGO_PKG_VERSION")))
            .build()
            .map_err(|e| PushError::Unreachable {
                url: base.to_string(),
                detail: e.to_string(),
            })?;
        Ok(Upstream {
            client,
            base: base.trim_end_matches('/').to_string(),
            center,
            key,
        })
    }

    /// The key id this agent signs with: the `agent` field of its batches.
    pub fn agent_id(&self) -> String {
        self.key.key_id()
    }

    pub fn center(&self) -> &CenterCode {
        &self.center
    }

    /// Sends one batch (its exact bytes, signed) and returns the collector's answer.
    pub async fn send_batch(&self, batch: &InflightBatch) -> Result<BatchAck, PushError> {
        let url = format!("{}/v1/batches", self.base);
        let resp = self
            .client
            .post(&url)
            .header(wire::HEADER_CENTER, self.center.as_str())
            .header(wire::HEADER_SIGNATURE, self.key.sign(&batch.body))
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(batch.body.clone())
            .send()
            .await
            .map_err(|e| PushError::Unreachable {
                url: url.clone(),
                detail: error_chain(&e),
            })?;
        decode_answer(&url, resp).await
    }

    /// Fetches the decisions assigned to this center (signed GET).
    pub async fn fetch_assignments(
        &self,
        since: Option<NaiveDate>,
    ) -> Result<AssignmentList, PushError> {
        let mut path = format!("/v1/centers/{}/assignments", self.center);
        if let Some(s) = since {
            path.push_str(&format!("?since={s}"));
        }
        let url = format!("{}{path}", self.base);
        let ts = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
        let sig = self
            .key
            .sign(wire::request_signing_text("GET", &path, &ts).as_bytes());
        let resp = self
            .client
            .get(&url)
            .header(wire::HEADER_CENTER, self.center.as_str())
            .header(wire::HEADER_TIMESTAMP, &ts)
            .header(wire::HEADER_SIGNATURE, sig)
            .send()
            .await
            .map_err(|e| PushError::Unreachable {
                url: url.clone(),
                detail: error_chain(&e),
            })?;
        decode_answer(&url, resp).await
    }
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut s = e.to_string();
    let mut cur = e.source();
    while let Some(c) = cur {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cur = c.source();
    }
    s
}

async fn decode_answer<T: serde::de::DeserializeOwned>(
    url: &str,
    resp: reqwest::Response,
) -> Result<T, PushError> {
    let status = resp.status();
    let bytes = resp.bytes().await.map_err(|e| PushError::Unreachable {
        url: url.to_string(),
        detail: error_chain(&e),
    })?;
    if status.is_success() {
        return serde_json::from_slice(&bytes).map_err(|e| PushError::Busy {
            url: url.to_string(),
            status: status.as_u16(),
            message: format!("the answer could not be read ({e}); is this a Rasid collector?"),
        });
    }
    let body: Option<ErrorBody> = serde_json::from_slice(&bytes).ok();
    let message = body
        .as_ref()
        .map(|b| b.message.clone())
        .unwrap_or_else(|| String::from_utf8_lossy(&bytes).chars().take(300).collect());
    if status.is_server_error() || status.as_u16() == 429 || status.as_u16() == 408 {
        Err(PushError::Busy {
            url: url.to_string(),
            status: status.as_u16(),
            message,
        })
    } else {
        Err(PushError::Refused {
            status: status.as_u16(),
            error: body.map(|b| b.error).unwrap_or_else(|| "refused".into()),
            message,
        })
    }
}

/// Exponential backoff with full jitter: 1 s, 2 s, 4 s … up to `max`, each a random part of it.
#[derive(Debug, Clone)]
pub struct Backoff {
    attempt: u32,
    max: Duration,
}

impl Backoff {
    pub fn new(max: Duration) -> Backoff {
        Backoff { attempt: 0, max }
    }

    /// The wait before the next attempt.
    pub fn next_delay(&mut self) -> Duration {
        let ceiling = Duration::from_secs(1u64 << self.attempt.min(16)).min(self.max);
        self.attempt += 1;
        let mut r = [0u8; 8];
        let frac = if getrandom::fill(&mut r).is_ok() {
            u64::from_le_bytes(r) as f64 / u64::MAX as f64
        } else {
            0.5
        };
        // Half fixed, half random: never a zero wait, never a thundering herd.
        ceiling.mul_f64(0.5 + 0.5 * frac)
    }

    pub fn reset(&mut self) {
        self.attempt = 0;
    }
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct PushReport {
    pub batches: usize,
    pub accepted: usize,
    pub duplicates: usize,
    pub rejected: usize,
    /// The store epoch begun because the collector had one of this store's batch numbers for
    /// other records (a rebuilt or restored store).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub new_epoch: Option<String>,
}

/// Sends batches until the outbox is empty. Stops at the first error (the batch stays in flight
/// and is resent as is next time). Records the outcome in the store's meta for `status`.
pub async fn push_outbox(
    store: &Store,
    up: &Upstream,
    batch_records: usize,
) -> Result<PushReport, PushError> {
    let mut report = PushReport::default();
    while let Some(batch) =
        store.outbox_next_batch(up.center(), &up.agent_id(), batch_records, Utc::now())?
    {
        let answer = match up.send_batch(&batch).await {
            // The collector has this number for other records: this store was rebuilt or
            // restored. Begin a new epoch (new numbering, revisions above the old ones) and send
            // the outbox again; once is enough, a second refusal is reported.
            Err(PushError::Refused { error, .. })
                if error == NUMBER_REUSED && report.new_epoch.is_none() =>
            {
                let epoch = store.begin_new_epoch(Utc::now())?;
                tracing::warn!(
                    "the collector already had batch {} of this agent with other records; numbering again in a new store epoch {}",
                    batch.seq,
                    epoch.id
                );
                report.new_epoch = Some(epoch.id);
                continue;
            }
            Ok(ack) if !store.outbox_acknowledge(&ack)? => Err(PushError::Busy {
                url: up.base.clone(),
                status: 200,
                message: format!(
                    "the collector answered for batch {} (epoch '{}') while batch {} (epoch '{}') was sent",
                    ack.seq, ack.epoch, batch.seq, batch.epoch
                ),
            }),
            other => other,
        };
        match answer {
            Ok(ack) => {
                report.batches += 1;
                report.accepted += ack.accepted.len();
                report.duplicates += ack.duplicates.len();
                report.rejected += ack.rejected.len();
                store.set_meta(
                    META_LAST_PUSH,
                    &Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
                )?;
            }
            Err(e) => {
                store.set_meta(
                    META_LAST_ERROR,
                    &format!(
                        "{} {e}",
                        Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
                    ),
                )?;
                return Err(e);
            }
        }
    }
    if report.batches > 0 {
        store.remove_meta(META_LAST_ERROR)?;
    }
    // The last answer on disk (each earlier one went with the next batch's cut).
    store.flush()?;
    Ok(report)
}

/// Pulls the assignments and keeps them in the store so `decisions` works offline.
pub async fn pull_assignments(store: &Store, up: &Upstream) -> Result<AssignmentList, PushError> {
    match up.fetch_assignments(None).await {
        Ok(list) => {
            store.set_meta(META_ASSIGNMENTS, &list)?;
            store.set_meta(
                META_LAST_PULL,
                &Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
            )?;
            store.flush()?;
            Ok(list)
        }
        Err(e) => {
            store.set_meta(
                META_LAST_ERROR,
                &format!(
                    "{} {e}",
                    Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true)
                ),
            )?;
            Err(e)
        }
    }
}

/// How a push is cut and retried: records per batch and the longest wait between tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PushSettings {
    /// Records per batch (at most `wire::MAX_BATCH_RECORDS`).
    pub batch_records: usize,
    /// The ceiling of the backoff between tries.
    pub max_backoff: Duration,
}

/// Pushes, retrying what may pass with backoff, at most `attempts` times.
pub async fn push_with_retries(
    store: &Store,
    up: &Upstream,
    settings: PushSettings,
    attempts: u32,
) -> Result<PushReport, PushError> {
    let mut backoff = Backoff::new(settings.max_backoff);
    let mut total = PushReport::default();
    let mut tries = 0;
    loop {
        match push_outbox(store, up, settings.batch_records).await {
            Ok(r) => {
                total.batches += r.batches;
                total.accepted += r.accepted;
                total.duplicates += r.duplicates;
                total.rejected += r.rejected;
                total.new_epoch = total.new_epoch.or(r.new_epoch);
                return Ok(total);
            }
            Err(e) if e.is_retryable() && tries + 1 < attempts => {
                tries += 1;
                let wait = backoff.next_delay();
                tracing::warn!("push failed ({e}); retrying in {:.1} s", wait.as_secs_f64());
                tokio::time::sleep(wait).await;
            }
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_to_its_ceiling_and_never_waits_zero() {
        let mut b = Backoff::new(Duration::from_secs(8));
        let waits: Vec<Duration> = (0..8).map(|_| b.next_delay()).collect();
        assert!(
            waits
                .iter()
                .all(|w| *w >= Duration::from_millis(500) && *w <= Duration::from_secs(8))
        );
        assert!(
            waits[6] >= Duration::from_secs(4),
            "late waits sit near the ceiling: {waits:?}"
        );
        b.reset();
        assert!(b.next_delay() <= Duration::from_secs(1));
    }
}
