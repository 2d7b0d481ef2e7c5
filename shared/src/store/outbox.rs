//! The outbox: records wait here, in order, until a collector has acknowledged them.
//!
//! A batch is cut once and remembered (`inflight`) until acknowledged, so a resend after a crash
//! or a lost answer carries the same number and the same bytes, and the collector counts it once.
//!
//! An outbox entry is a *segment*: the records one import chunk (or one relayed batch) queued,
//! in order, as one compact value under its position and count (12 bytes: position, then the
//! count, both big endian), so that queueing a thousand rows is one write. Format 1 queued each
//! record alone under its position (8 bytes); such entries are read as segments of one. A batch
//! takes whole segments from the head and, when the next one does not fit, its first records
//! ([`Split`]): the answer to the batch removes the whole ones and writes the rest of that one
//! back under the same position.

use super::{RejectedRecord, Result, Store, decode, encode, read_u64};
use crate::model::{CenterCode, RecordEnvelope};
use crate::wire::{Batch, BatchAck, MAX_BATCH_RECORDS, PROTOCOL_VERSION};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

pub(super) const NEXT_OUTBOX: &str = "outbox.next";
pub(super) const BATCH_SEQ: &str = "outbox.batch_seq";
pub(super) const INFLIGHT: &str = "outbox.inflight";

/// A batch cut from the outbox and not yet acknowledged.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InflightBatch {
    /// The store epoch the batch was cut in (empty before epochs).
    #[serde(default)]
    pub epoch: String,
    /// The batch's number within the epoch, from 1.
    pub seq: u64,
    /// The exact body to send (and to sign). Stored as JSON text (the body is JSON); format 1
    /// stored it as an array of byte values, four times longer, and is read either way.
    #[serde(with = "body_text")]
    pub body: Vec<u8>,
    /// Outbox positions this batch carries whole, removed when it is acknowledged.
    pub positions: Vec<u64>,
    /// How many records the batch carries.
    pub records: usize,
    /// The segment the batch carries the first records of, after those of `positions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<Split>,
}

/// A batch body in `meta`: as the text it is, or (format 1, or bytes that are not UTF-8) as the
/// array of its byte values.
mod body_text {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(body: &[u8], s: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(body) {
            Ok(text) => s.serialize_str(text),
            Err(_) => s.collect_seq(body),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Body {
            Text(String),
            Bytes(Vec<u8>),
        }
        Ok(match Body::deserialize(d)? {
            Body::Text(text) => text.into_bytes(),
            Body::Bytes(bytes) => bytes,
        })
    }
}

/// The first records of an outbox segment, taken by a batch without the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    /// The segment's position.
    pub position: u64,
    /// How many of its records, from its first, the batch carries.
    pub taken: usize,
}

/// The outbox key of a segment of `count` records at `position`.
pub(super) fn segment_key(position: u64, count: usize) -> Vec<u8> {
    let mut k = position.to_be_bytes().to_vec();
    k.extend_from_slice(&u32::try_from(count).unwrap_or(u32::MAX).to_be_bytes());
    k
}

/// The position and record count an outbox key names (a format-1 key: one record).
pub(super) fn parse_key(key: &[u8]) -> (u64, usize) {
    let position = read_u64(key.get(..8).map(sled::IVec::from));
    let count = key
        .get(8..12)
        .and_then(|b| <[u8; 4]>::try_from(b).ok())
        .map_or(1, |b| u32::from_be_bytes(b) as usize);
    (position, count)
}

/// The records of the outbox entry `key` → `value`, in order.
pub(super) fn entry_records(key: &[u8], value: &[u8]) -> Result<Vec<RecordEnvelope>> {
    let (position, _) = parse_key(key);
    if key.len() == 8 {
        Ok(vec![decode("outbox", &position.to_string(), value)?])
    } else {
        decode("outbox", &position.to_string(), value)
    }
}

/// How much waits in the outbox.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxCounts {
    /// Records in the outbox not yet acknowledged, those in flight included.
    pub waiting: usize,
    /// The number of the batch sent and not yet acknowledged, if any.
    pub inflight_batch: Option<u64>,
}

impl Store {
    /// How much waits to be sent, and the batch in flight.
    pub fn outbox_counts(&self) -> Result<OutboxCounts> {
        let inflight: Option<InflightBatch> = self.meta(INFLIGHT)?;
        let mut waiting = 0;
        for key in self.outbox.iter().keys() {
            waiting += parse_key(&key?).1;
        }
        Ok(OutboxCounts {
            waiting,
            inflight_batch: inflight.map(|b| b.seq),
        })
    }

    /// The batch to send next: the one in flight if any, else a new one of at most `limit`
    /// records (1 to [`MAX_BATCH_RECORDS`], whatever is asked: a collector refuses more) from the
    /// head of the outbox; `None` when the outbox is empty.
    pub fn outbox_next_batch(
        &self,
        center: &CenterCode,
        agent: &str,
        limit: usize,
        now: DateTime<Utc>,
    ) -> Result<Option<InflightBatch>> {
        if let Some(b) = self.meta::<InflightBatch>(INFLIGHT)? {
            return Ok(Some(b));
        }
        let limit = limit.clamp(1, MAX_BATCH_RECORDS);
        let mut positions = Vec::new();
        let mut split = None;
        let mut records: Vec<RecordEnvelope> = Vec::new();
        // Not the positions of an import under way: it may yet be undone.
        let (_import_marker, visible) = self.outbox_visible()?;
        for item in visible {
            let (k, v) = item?;
            let mut segment = entry_records(&k, &v)?;
            let room = limit - records.len();
            let position = parse_key(&k).0;
            if segment.len() <= room {
                records.append(&mut segment);
                positions.push(position);
            } else {
                records.extend(segment.drain(..room));
                split = Some(Split {
                    position,
                    taken: room,
                });
            }
            if records.len() >= limit {
                break;
            }
        }
        drop(_import_marker);
        if records.is_empty() {
            return Ok(None);
        }
        let seq = self.meta::<u64>(BATCH_SEQ)?.unwrap_or(0) + 1;
        let epoch = self.epoch()?.map(|e| e.id).unwrap_or_default();
        let batch = Batch {
            version: PROTOCOL_VERSION,
            center: center.clone(),
            agent: agent.to_string(),
            epoch: epoch.clone(),
            seq,
            created: now,
            records,
        };
        let inflight = InflightBatch {
            epoch,
            seq,
            // The wire's JSON, not the store's encoding: sent and signed as it is.
            body: serde_json::to_vec(&batch).unwrap_or_default(),
            records: batch.records.len(),
            positions,
            split,
        };
        let inflight_bytes = encode(&inflight);
        self.meta.transaction(|meta| {
            meta.insert(BATCH_SEQ, encode(&seq))?;
            meta.insert(INFLIGHT, inflight_bytes.clone())?;
            Ok::<_, ConflictableTransactionError<super::StoreError>>(())
        })?;
        self.flush()?;
        Ok(Some(inflight))
    }

    /// The collector acknowledged the batch in flight: drop its records from the outbox and
    /// keep its rejections for the clerk, all at once. An answer for another batch (another
    /// number or epoch) changes nothing and returns false.
    ///
    /// Not flushed here: the next [`Store::outbox_next_batch`] that cuts a batch flushes both
    /// at once (sled keeps the order of writes, so a batch cut is never on disk without the
    /// answer before it), and whoever acknowledges the last batch flushes ([`Store::flush`]).
    /// An answer lost to a crash before its flush costs nothing: the batch is still in flight,
    /// is sent again, and the collector gives the same answer again.
    pub fn outbox_acknowledge(&self, ack: &BatchAck) -> Result<bool> {
        let Some(inflight) = self.meta::<InflightBatch>(INFLIGHT)? else {
            return Ok(false);
        };
        if inflight.seq != ack.seq || inflight.epoch != ack.epoch {
            return Ok(false);
        }
        let mut rejected_rows = Vec::new();
        // The batch is read back only for the records refused: most answers refuse none.
        let sent: Vec<RecordEnvelope> = if ack.rejected.is_empty() {
            Vec::new()
        } else {
            serde_json::from_slice::<Batch>(&inflight.body)
                .map_err(|e| super::StoreError::Corrupt {
                    tree: "meta",
                    key: INFLIGHT.into(),
                    detail: e.to_string(),
                })?
                .records
        };
        for rej in &ack.rejected {
            if let Some(env) = sent.iter().find(|e| e.key() == rej.key) {
                let row = RejectedRecord {
                    envelope: env.clone(),
                    rejection: rej.clone(),
                };
                rejected_rows.push((rej.key.as_str().to_string(), encode(&row)));
            }
        }
        // The entries' keys, and what stays of a split segment, read before the transaction: no
        // other writer changes them meanwhile (an import only adds positions after them).
        let mut whole = Vec::new();
        for position in &inflight.positions {
            if let Some(item) = self.outbox.scan_prefix(position.to_be_bytes()).next() {
                whole.push(item?.0);
            }
        }
        let mut rest = None;
        if let Some(split) = inflight.split
            && let Some(item) = self.outbox.scan_prefix(split.position.to_be_bytes()).next()
        {
            let (k, v) = item?;
            let left: Vec<RecordEnvelope> = entry_records(&k, &v)?
                .into_iter()
                .skip(split.taken)
                .collect();
            let new_key = segment_key(split.position, left.len());
            rest = Some((k, new_key, (!left.is_empty()).then(|| encode(&left))));
        }
        (&self.outbox, &self.rejected, &self.meta).transaction(|(outbox, rejected, meta)| {
            for key in &whole {
                outbox.remove(key)?;
            }
            if let Some((old_key, new_key, left)) = &rest {
                outbox.remove(old_key)?;
                if let Some(left) = left {
                    outbox.insert(new_key.as_slice(), left.clone())?;
                }
            }
            for (key, row) in &rejected_rows {
                rejected.insert(key.as_str(), row.clone())?;
            }
            meta.remove(INFLIGHT)?;
            Ok::<_, ConflictableTransactionError<super::StoreError>>(())
        })?;
        Ok(true)
    }
}
