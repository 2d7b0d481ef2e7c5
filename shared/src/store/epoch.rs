//! A store's epoch: the life of one agent store, from its creation to its replacement.
//!
//! Batch numbers and record revisions are counted in the store. When the store is replaced,
//! by `doctor` setting a damaged one aside or by a restored older copy, counting must not start
//! again where the collector has already seen those numbers: it would answer a new batch with
//! an old acknowledgement, and take new revisions for ones it has. So each store has an epoch:
//! an id that batches carry (numbering starts again within it), and a revision floor that every
//! revision assigned in it exceeds. The first epoch of a store made by `init` has the floor 0
//! (revisions 1, 2, 3 …); a later epoch's floor comes from the clock
//! ([`revision_floor`]), above anything an earlier epoch can have assigned.

use super::{Result, Store, encode, outbox};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;

const EPOCH: &str = "store.epoch";

/// Revisions one key can take within an epoch before the next epoch's floor could be reached
/// (an epoch begun a second later has a floor this much higher).
const REVISIONS_PER_SECOND: u64 = 1 << 20;

/// The epoch a store is in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Epoch {
    /// Carried by batches (`Batch::epoch`); empty for a store made before epochs existed.
    pub id: String,
    /// Every revision assigned in this epoch is above this.
    pub floor: u64,
    /// When the epoch began.
    pub started: DateTime<Utc>,
}

/// What an opened store without an epoch is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Beginning {
    /// Just made by `init`: revisions start at 1.
    First,
    /// Found without an epoch when it should have one: a store made anew after the old one was
    /// set aside or deleted. Its revisions start above the clock's floor.
    Replacement,
}

/// The revision floor of an epoch begun at `now`: 2^20 per second since 2020-01-01. Later
/// epochs have higher floors as long as the machine's clock does not go back.
pub fn revision_floor(now: DateTime<Utc>) -> u64 {
    let base = DateTime::parse_from_rfc3339("2020-01-01T00:00:00Z")
        .map(|d| d.timestamp())
        .unwrap_or(1_577_836_800);
    let secs = u64::try_from(now.timestamp() - base).unwrap_or(0);
    secs.saturating_mul(REVISIONS_PER_SECOND)
}

fn new_id() -> String {
    let mut bytes = [0u8; 6];
    // Without the system's randomness the clock still tells epochs apart.
    if getrandom::fill(&mut bytes).is_err() {
        let nanos = Utc::now().timestamp_nanos_opt().unwrap_or_default();
        bytes.copy_from_slice(&nanos.to_be_bytes()[2..]);
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Store {
    /// The store's epoch, if it has one.
    pub fn epoch(&self) -> Result<Option<Epoch>> {
        self.meta(EPOCH)
    }

    /// The revision floor of the current epoch (0 without one).
    pub(super) fn current_floor(&self) -> Result<u64> {
        Ok(self.epoch()?.map_or(0, |e| e.floor))
    }

    /// The store's epoch, beginning one if it has none. A store that already holds something
    /// but no epoch was made before epochs existed: it keeps its numbering (empty id, floor 0).
    /// An empty one begins as `beginning` says.
    pub fn ensure_epoch(&self, beginning: Beginning, now: DateTime<Utc>) -> Result<Epoch> {
        if let Some(e) = self.epoch()? {
            return Ok(e);
        }
        let used = !self.records.is_empty()
            || !self.outbox.is_empty()
            || self.meta.get(outbox::BATCH_SEQ)?.is_some();
        let epoch = if used {
            Epoch {
                id: String::new(),
                floor: 0,
                started: now,
            }
        } else {
            Epoch {
                id: new_id(),
                floor: match beginning {
                    Beginning::First => 0,
                    Beginning::Replacement => revision_floor(now),
                },
                started: now,
            }
        };
        self.set_meta(EPOCH, &epoch)?;
        self.flush()?;
        Ok(epoch)
    }

    /// Begins a new epoch now: a new id, batch numbering from 1 again, and a floor above the
    /// clock's and the old epoch's. The batch in flight is dropped (its records stay in the
    /// outbox and go in the next batch, numbered in the new epoch).
    pub fn begin_new_epoch(&self, now: DateTime<Utc>) -> Result<Epoch> {
        let old_floor = self.current_floor()?;
        let epoch = Epoch {
            id: new_id(),
            floor: revision_floor(now).max(old_floor.saturating_add(REVISIONS_PER_SECOND)),
            started: now,
        };
        let bytes = encode(&epoch);
        (&self.meta,).transaction(|(meta,)| {
            meta.insert(EPOCH, bytes.clone())?;
            meta.remove(outbox::BATCH_SEQ)?;
            meta.remove(outbox::INFLIGHT)?;
            Ok::<_, ConflictableTransactionError<super::StoreError>>(())
        })?;
        self.flush()?;
        Ok(epoch)
    }
}

/// The revision a record gets in an epoch with floor `floor`, when its stored revision is
/// `current`: one more than the higher of the two.
pub(super) fn next_revision(current: Option<u64>, floor: u64) -> u64 {
    current.unwrap_or(0).max(floor).saturating_add(1)
}
