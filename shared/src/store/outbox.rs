//! The outbox: records wait here, in order, until a collector has acknowledged them.
//!
//! A batch is cut once and remembered (`inflight`) until acknowledged, so a resend after a crash
//! or a lost answer carries the same number and the same bytes, and the collector counts it once.

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
    /// The exact body to send (and to sign).
    pub body: Vec<u8>,
    /// Outbox positions this batch carries, removed when it is acknowledged.
    pub positions: Vec<u64>,
    /// How many records the batch carries.
    pub records: usize,
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
        Ok(OutboxCounts {
            waiting: self.outbox.len(),
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
        let mut positions = Vec::new();
        let mut records: Vec<RecordEnvelope> = Vec::new();
        // Not the positions of an import under way: it may yet be undone.
        let (_import_marker, visible) = self.outbox_visible()?;
        for item in visible.take(limit.clamp(1, MAX_BATCH_RECORDS)) {
            let (k, v) = item?;
            let pos = read_u64(Some(k.clone()));
            records.push(decode("outbox", &pos.to_string(), &v)?);
            positions.push(pos);
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
    pub fn outbox_acknowledge(&self, ack: &BatchAck) -> Result<bool> {
        let Some(inflight) = self.meta::<InflightBatch>(INFLIGHT)? else {
            return Ok(false);
        };
        if inflight.seq != ack.seq || inflight.epoch != ack.epoch {
            return Ok(false);
        }
        let batch: Batch =
            serde_json::from_slice(&inflight.body).map_err(|e| super::StoreError::Corrupt {
                tree: "meta",
                key: INFLIGHT.into(),
                detail: e.to_string(),
            })?;
        let mut rejected_rows = Vec::new();
        for rej in &ack.rejected {
            if let Some(env) = batch.records.iter().find(|e| e.key() == rej.key) {
                let row = RejectedRecord {
                    envelope: env.clone(),
                    rejection: rej.clone(),
                };
                rejected_rows.push((rej.key.as_str().to_string(), encode(&row)));
            }
        }
        (&self.outbox, &self.rejected, &self.meta).transaction(|(outbox, rejected, meta)| {
            for pos in &inflight.positions {
                outbox.remove(&pos.to_be_bytes())?;
            }
            for (key, row) in &rejected_rows {
                rejected.insert(key.as_str(), row.clone())?;
            }
            meta.remove(INFLIGHT)?;
            Ok::<_, ConflictableTransactionError<super::StoreError>>(())
        })?;
        self.flush()?;
        Ok(true)
    }
}
