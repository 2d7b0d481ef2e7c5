//! The wire protocol between agents, collectors and kiosks: versioned JSON under `/v1/`.
//!
//! A batch travels as the HTTP body of `POST /v1/batches`; the signature over those exact bytes
//! travels in headers, so no canonical JSON form is needed. See docs/API.md.

use crate::model::{
    CenterCode, Decision, DecisionStatus, RecordEnvelope, RecordKey, validate::Problem,
};
use chrono::{DateTime, NaiveDate, Utc};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the batch format; a collector refuses versions it does not know.
pub const PROTOCOL_VERSION: u32 = 1;
/// Header naming the center whose key signed the body.
pub const HEADER_CENTER: &str = "x-rasid-center";
/// Header carrying the base64 ed25519 signature of the body (or of the request line for GETs).
pub const HEADER_SIGNATURE: &str = "x-rasid-signature";
/// Header carrying the request time (RFC 3339) of a signed GET, to bound replays.
pub const HEADER_TIMESTAMP: &str = "x-rasid-timestamp";
/// Largest batch body a collector accepts, in bytes.
pub const MAX_BATCH_BYTES: usize = 8 * 1024 * 1024;
/// Most records an agent puts in one batch.
pub const MAX_BATCH_RECORDS: usize = 5_000;

/// Records pushed by one agent, numbered per agent so that a resend is recognised.
///
/// The body of `POST /v1/batches`, at most 8 MiB (`MAX_BATCH_BYTES`), signed over its exact
/// bytes (docs/API.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Batch {
    /// The batch format's version: 1 (`PROTOCOL_VERSION`); others are refused.
    #[schemars(extend("const" = PROTOCOL_VERSION))]
    pub version: u32,
    /// The center whose key signs this batch (a relaying collector signs as its own center).
    pub center: CenterCode,
    /// Identifies the agent's key pair, so a re-initialised agent starts a new numbering: the
    /// signing key's id, the lower-case hex of the public key's first 8 bytes.
    #[schemars(regex(pattern = "^[0-9a-f]{16}$"))]
    pub agent: String,
    /// The agent's store epoch: a new one begins when its store is rebuilt or restored, and
    /// numbering starts again within it. At most 32 ASCII letters and digits; empty (or absent)
    /// for stores older than epochs (and for relays).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[schemars(regex(pattern = "^[A-Za-z0-9]{0,32}$"))]
    pub epoch: String,
    /// 1, 2, 3 … per agent and epoch; a batch is resent with the same number and the same
    /// records.
    pub seq: u64,
    /// When the agent made the batch (RFC 3339).
    pub created: DateTime<Utc>,
    /// The records, each in its envelope.
    pub records: Vec<RecordEnvelope>,
}

/// A record the collector refused, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection {
    pub key: RecordKey,
    pub reason: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// The collector's answer to a batch. Sent only after everything accepted is on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchAck {
    pub center: CenterCode,
    pub agent: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub epoch: String,
    pub seq: u64,
    /// SHA-256 of the batch as the collector read it (hex): a resend carries the same batch,
    /// so a batch number used again for other records is recognised and refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// True when this batch had been received before; the answer is the one given then.
    #[serde(default)]
    pub replay: bool,
    pub accepted: Vec<RecordKey>,
    /// Records already stored at this or a newer revision: counted once, not again.
    pub duplicates: Vec<RecordKey>,
    pub rejected: Vec<Rejection>,
}

impl Batch {
    /// The collector's name for this batch: center, agent (and epoch) and number.
    pub fn id(&self) -> String {
        if self.epoch.is_empty() {
            format!("{}/{}/{}", self.center, self.agent, self.seq)
        } else {
            format!("{}/{}/{}/{}", self.center, self.agent, self.epoch, self.seq)
        }
    }

    /// SHA-256 (hex) of the batch's JSON encoding: equal for a resend of the same batch.
    pub fn digest(&self) -> String {
        use sha2::{Digest, Sha256};
        let bytes = serde_json::to_vec(self).unwrap_or_default();
        Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect()
    }
}

/// An error answer of the HTTP API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ErrorBody {
    /// A stable machine word: `bad-signature`, `unknown-center`, `malformed`, …
    pub error: String,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// A decision assigned to a center, with the center's latest reported status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub decision: Decision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DecisionStatus>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_as_of: Option<NaiveDate>,
}

/// Answer of `GET /v1/centers/{code}/assignments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssignmentList {
    pub center: CenterCode,
    pub generated: DateTime<Utc>,
    pub assignments: Vec<Assignment>,
}

/// The text a signed GET request signs: method, path with query, and timestamp, one per line.
pub fn request_signing_text(method: &str, path_and_query: &str, timestamp: &str) -> String {
    format!("{method}\n{path_and_query}\n{timestamp}")
}
