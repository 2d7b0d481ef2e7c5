//! The wire protocol between agents, collectors and kiosks: versioned JSON under `/v1/`.
//!
//! A batch travels as the HTTP body of `POST /v1/batches`; the signature over those exact bytes
//! travels in headers, so no canonical JSON form is needed. See docs/API.md.

use crate::board::BoardName;
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
/// Header naming the wall (a `[[wall]]` of the collector's `centers.toml`) whose key signed a
/// read of boards, the stream or a screen configuration.
pub const HEADER_WALL: &str = "x-rasid-wall";
/// Header carrying the request time (RFC 3339) of a signed GET, to bound replays.
pub const HEADER_TIMESTAMP: &str = "x-rasid-timestamp";
/// Largest batch body a collector accepts, in bytes.
pub const MAX_BATCH_BYTES: usize = 8 * 1024 * 1024;
/// Most records in one batch: a collector refuses a batch with more (413 `too-many-records`),
/// and an outbox never cuts a larger one.
pub const MAX_BATCH_RECORDS: usize = 5_000;

/// Records pushed by one agent, numbered per agent so that a resend is recognised.
///
/// The body of `POST /v1/batches`, at most 8 MiB (`MAX_BATCH_BYTES`), signed over its exact
/// bytes (docs/API.md).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Batch {
    /// The batch format's version: 1 (`PROTOCOL_VERSION`); a collector refuses any other with
    /// 400 `unsupported-version`.
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
    /// When the agent made the batch (RFC 3339). Part of the batch's digest: a resend keeps it.
    pub created: DateTime<Utc>,
    /// The records, each in its envelope, at most 5,000 (`MAX_BATCH_RECORDS`; more is refused
    /// with 413 `too-many-records`). Each is accepted, counted as a duplicate or rejected on its
    /// own; one not of `center` or of a center reporting through it is rejected
    /// (`outside-center`).
    #[schemars(length(max = MAX_BATCH_RECORDS))]
    pub records: Vec<RecordEnvelope>,
}

/// A record the collector refused, with the reason in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Rejection {
    /// The refused record's natural key.
    pub key: RecordKey,
    /// Why, in plain words for a clerk (e.g. `decision 18/212/02 is not assigned to MOH`).
    pub reason: String,
    /// For an invalid record, every problem validation found; empty for other reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<Problem>,
}

/// The collector's answer to a batch. Sent only after everything accepted is on disk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct BatchAck {
    /// The batch's center.
    pub center: CenterCode,
    /// The batch's agent (key id).
    pub agent: String,
    /// The batch's epoch; empty when it had none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub epoch: String,
    /// The batch's number.
    pub seq: u64,
    /// SHA-256 of the batch as the collector read it (hex): a resend carries the same batch,
    /// so a batch number used again for other records is recognised and refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// True when this batch had been received before; the answer is the one given then.
    #[serde(default)]
    pub replay: bool,
    /// Records stored by this batch (on disk before the answer was sent).
    pub accepted: Vec<RecordKey>,
    /// Records already stored at this or a newer revision: counted once, not again.
    pub duplicates: Vec<RecordKey>,
    /// Records refused, each with its reason; the agent keeps them until corrected.
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

    /// SHA-256 (hex) of the batch's JSON encoding: equal for a resend of the same batch. An
    /// error when the batch cannot be written as JSON (never the digest of nothing, which
    /// every such batch would share).
    pub fn digest(&self) -> Result<String, serde_json::Error> {
        use sha2::{Digest, Sha256};
        let bytes = serde_json::to_vec(self)?;
        Ok(Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    }
}

/// An error answer of the HTTP API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorBody {
    /// A stable machine word: `bad-signature`, `unknown-center`, `malformed`, …
    pub error: String,
    /// What is wrong and what to do, for a person.
    pub message: String,
}

/// A decision assigned to a center, with the center's latest reported status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assignment {
    /// The decision or assignment, as the secretariat reported it.
    pub decision: Decision,
    /// The center's latest status on it; `None` when it has reported none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DecisionStatus>,
    /// The report date of `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_as_of: Option<NaiveDate>,
}

/// Answer of `GET /v1/centers/{code}/assignments`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct AssignmentList {
    /// The center asked about (the path's `{code}`).
    pub center: CenterCode,
    /// When the collector made this answer.
    pub generated: DateTime<Utc>,
    /// Every decision whose `centers` include `center` (issued on or after `since` when given).
    pub assignments: Vec<Assignment>,
}

/// Answer of `GET /v1/boards`: every board with its date, and the boards' version.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BoardList {
    /// The boards' version: it increases with every accepted change, and across restarts (it
    /// goes on from the last one stored, or from the clock in milliseconds if that is higher).
    pub version: u64,
    /// The collector's today, by which overdue and future dates are judged.
    pub today: NaiveDate,
    /// Every board, in the order of `BoardName::ALL`.
    pub boards: Vec<BoardListing>,
}

/// One board in a [`BoardList`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct BoardListing {
    /// The board's name, as in `GET /v1/boards/{name}`.
    pub name: BoardName,
    /// The newest report date among the records the board counts, unfiltered; `null` when it
    /// counts none.
    pub as_of: Option<NaiveDate>,
}

/// The text a signed GET request signs: method, path with query, and timestamp, one per line.
pub fn request_signing_text(method: &str, path_and_query: &str, timestamp: &str) -> String {
    format!("{method}\n{path_and_query}\n{timestamp}")
}

/// The three headers of a read signed by the wall `wall` with `key` at `now`
/// (`x-rasid-wall`, `x-rasid-timestamp`, `x-rasid-signature`): the signature covers
/// [`request_signing_text`] of `method`, `path_and_query` (exactly as sent, e.g.
/// `/v1/boards/budget?year=2024`) and the timestamp (RFC 3339, whole seconds, UTC).
pub fn signed_read_headers(
    wall: &str,
    key: &crate::sign::KeyPair,
    method: &str,
    path_and_query: &str,
    now: DateTime<Utc>,
) -> [(&'static str, String); 3] {
    let ts = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let signature = key.sign(request_signing_text(method, path_and_query, &ts).as_bytes());
    [
        (HEADER_WALL, wall.to_string()),
        (HEADER_TIMESTAMP, ts),
        (HEADER_SIGNATURE, signature),
    ]
}
