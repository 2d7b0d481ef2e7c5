//! The sled-backed store used by agents, collectors and kiosks.
//!
//! Trees: `records` (newest revision per key), `history` (the revisions replaced since, by key
//! and revision), `outbox` (records waiting to be pushed, in order, a segment per import chunk or
//! relayed batch: see `outbox.rs`), `seen` (answers given per received batch), `rejected`
//! (records the collector refused, with its reason) and `meta` (small named values).
//! Every multi-tree change is one sled transaction, so a crash shows all of it or none of it;
//! an import, committed in chunks, is undone as a whole from `undo` (see `import.rs`).

mod codec;
mod disk;
mod durable;
mod epoch;
mod import;
mod migrate;
mod outbox;
mod temporary;

pub use durable::Ticket;
pub use epoch::{Beginning, Epoch, revision_floor};
pub use import::ImportSummary;
pub use migrate::CURRENT_FORMAT;
pub use outbox::{InflightBatch, OutboxCounts, Split};

use crate::model::{RecordEnvelope, RecordKey};
use crate::wire::{BatchAck, Rejection};
use serde::{Serialize, de::DeserializeOwned};
use sled::Transactional;
use sled::transaction::{ConflictableTransactionError, TransactionError};
use std::path::{Path, PathBuf};

/// Why a store operation failed, with what to do about it.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "cannot open the data store at {path}: {detail}. If another rasid process uses this folder, stop it first; if the store is damaged, run `rasid-agent doctor`"
    )]
    /// The store's folder could not be opened: another process holds it, or permissions.
    Open {
        /// The store's folder.
        path: PathBuf,
        /// What the system or sled said.
        detail: String,
    },
    /// Another process has the store open (the agent's service, say): sled opens it in one
    /// process at a time.
    #[error(
        "the data store at {path} is in use by another rasid process (the agent's service `rasid-agent run`, or a collector, on this folder); it opens in one process at a time. Wait for the other to finish, or stop it, then try again; nothing was changed"
    )]
    InUse {
        /// The store's folder.
        path: PathBuf,
    },
    /// sled cannot make sense of its own files: the only error that means the store is damaged.
    #[error(
        "the data store at {path} is damaged: {detail}. `rasid-agent doctor` sets it aside and starts an empty one"
    )]
    Damaged {
        /// The store's folder.
        path: PathBuf,
        /// What sled said.
        detail: String,
    },
    /// No room for a write: the disk is full, or a quota or a file-size limit is reached.
    #[error(
        "the disk holding the data store is full (or its quota or a file size limit is reached); free some space and try again (nothing was stored)"
    )]
    DiskFull,
    /// Any other failure of sled (an I/O error, say); carries its text.
    #[error("the data store failed: {0}")]
    Sled(String),
    #[error(
        "the data store holds an unreadable entry in '{tree}' at '{key}': {detail}; run `rasid-agent doctor`"
    )]
    /// An entry could not be decoded: the store holds something this version cannot read.
    Corrupt {
        /// The tree holding it (`records`, `history`, `outbox`, `seen`, `rejected`, `meta` …).
        tree: &'static str,
        /// Its key, as text.
        key: String,
        /// What the JSON decoder said.
        detail: String,
    },
    /// The store was written by a newer release, in a format this one does not know.
    #[error(
        "the data store was written by a newer release of Rasid (store format {found}; this release reads formats up to {known}). Run that release or a newer one; the store is left as it is"
    )]
    Newer {
        /// The store's format.
        found: u32,
        /// The newest format this release reads.
        known: u32,
    },
}

impl From<sled::Error> for StoreError {
    fn from(e: sled::Error) -> Self {
        if disk::is_sled_disk_full(&e) {
            return StoreError::DiskFull;
        }
        StoreError::Sled(e.to_string())
    }
}

impl From<TransactionError<StoreError>> for StoreError {
    fn from(e: TransactionError<StoreError>) -> Self {
        match e {
            TransactionError::Abort(inner) => inner,
            TransactionError::Storage(s) => s.into(),
        }
    }
}

/// The result of a store operation.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// A record the collector rejected, kept at the agent until corrected.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct RejectedRecord {
    /// The record as it was sent.
    pub envelope: RecordEnvelope,
    /// The collector's reason for refusing it.
    pub rejection: Rejection,
}

/// An open store. Cheap to clone; clones share the same database.
#[derive(Clone)]
pub struct Store {
    db: sled::Db,
    records: sled::Tree,
    history: sled::Tree,
    outbox: sled::Tree,
    seen: sled::Tree,
    rejected: sled::Tree,
    meta: sled::Tree,
    /// What an import under way overwrote (see `import.rs`).
    undo: sled::Tree,
    imports: std::sync::Arc<import::ImportGate>,
    /// Flushes shared by writers waiting at once (see `durable.rs`).
    commits: std::sync::Arc<durable::GroupCommit>,
}

/// The page cache of a [`Store::temporary`]: as an on-disk store's. (4 MiB was tried: 2 MiB less
/// PSS for the demo's wall, and its first chart 30 ms later, its pages read again.)
const TEMPORARY_CACHE_BYTES: u64 = 32 * 1024 * 1024;

impl Store {
    /// Opens (creating if needed) the store in `dir`.
    ///
    /// Fails with [`StoreError::DiskFull`] when there is no room for what opening writes (see
    /// `disk.rs`), leaving the store as it was; with [`StoreError::Damaged`] only when sled cannot
    /// make sense of its own files; with [`StoreError::InUse`] when another process has it open;
    /// with [`StoreError::Open`] otherwise (permissions, say). What an interrupted snapshot write
    /// left is removed first, and on a full disk the store gives up its reserve of space, so it
    /// can still be opened and read.
    pub fn open(dir: &Path) -> Result<Store> {
        let store = match Self::open_once(dir) {
            // Opening writes (sled's recovery, the rollback of an interrupted import): the
            // reserve's space lets it.
            Err(StoreError::DiskFull) if disk::release_reserve(dir) => Self::open_once(dir),
            other => other,
        }?;
        disk::keep_reserve(dir);
        Ok(store)
    }

    fn open_once(dir: &Path) -> Result<Store> {
        let opened = disk::remove_unfinished_snapshots(dir)
            .map_err(sled::Error::from)
            .and_then(|_| {
                sled::Config::new()
                    .path(dir)
                    .cache_capacity(32 * 1024 * 1024)
                    .open()
            });
        let db = opened.map_err(|e| match e {
            e if disk::is_sled_disk_full(&e) => StoreError::DiskFull,
            // Files sled cannot make sense of (including a `conf` not of its version).
            e @ (sled::Error::Corruption { .. }
            | sled::Error::ReportableBug(_)
            | sled::Error::Unsupported(_)) => StoreError::Damaged {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            },
            _ if disk::held_by_another(dir) => StoreError::InUse {
                path: dir.to_path_buf(),
            },
            e => StoreError::Open {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            },
        })?;
        Self::from_db(db)
    }

    /// A store that lives only in memory, for tests and the kiosk demo, removed when dropped
    /// (and, if its process is killed, by the next temporary store: see `temporary.rs`). Its
    /// cache is capped as an on-disk store's: sled's default (1 GiB) would keep every page in
    /// the process beside the copy in its file, and the wall's `--demo` runs in that process.
    pub fn temporary() -> Result<Store> {
        Self::temporary_at(&temporary::new_path())
    }

    fn temporary_at(path: &Path) -> Result<Store> {
        Self::from_db(
            sled::Config::new()
                .path(path)
                .temporary(true)
                .cache_capacity(TEMPORARY_CACHE_BYTES)
                .open()?,
        )
    }

    /// The store over `db`, with an import a killed process left half done undone first.
    fn from_db(db: sled::Db) -> Result<Store> {
        Self::from_db_migrating(db, &|_| Ok(()))
    }

    /// [`Store::from_db`], the migration stopping where `fault` says (tests).
    fn from_db_migrating(db: sled::Db, fault: migrate::Fault<'_>) -> Result<Store> {
        let store = Store {
            records: db.open_tree("records")?,
            history: db.open_tree("history")?,
            outbox: db.open_tree("outbox")?,
            seen: db.open_tree("seen")?,
            rejected: db.open_tree("rejected")?,
            meta: db.open_tree("meta")?,
            undo: db.open_tree("undo")?,
            imports: Default::default(),
            commits: Default::default(),
            db,
        };
        store.finish_interrupted_import()?;
        match store.migrate(fault) {
            Err(e @ StoreError::Newer { .. }) => Err(e),
            // Not finished (a full disk, say): every value reads whichever format it is in, so
            // the store is used as it is, and the next opening carries on.
            Err(_) | Ok(()) => Ok(store),
        }
    }

    /// Waits until everything written so far is on disk.
    pub fn flush(&self) -> Result<()> {
        self.db.flush()?;
        Ok(())
    }

    /// The newest stored revision of `key`.
    pub fn current(&self, key: &RecordKey) -> Result<Option<RecordEnvelope>> {
        match self.records.get(key.as_str())? {
            Some(v) => Ok(Some(decode("records", key.as_str(), &v)?)),
            None => Ok(None),
        }
    }

    /// Every current record, in key order. Stops at the first unreadable entry.
    pub fn records(&self) -> impl Iterator<Item = Result<RecordEnvelope>> + '_ {
        self.records.iter().map(|item| {
            let (k, v) = item?;
            decode("records", &String::from_utf8_lossy(&k), &v)
        })
    }

    /// Current records whose key starts with `prefix` (e.g. `decision/`).
    pub fn records_with_prefix(
        &self,
        prefix: &str,
    ) -> impl Iterator<Item = Result<RecordEnvelope>> + '_ {
        self.records.scan_prefix(prefix).map(|item| {
            let (k, v) = item?;
            decode("records", &String::from_utf8_lossy(&k), &v)
        })
    }

    /// How many current records are stored: one per key.
    pub fn record_count(&self) -> usize {
        self.records.len()
    }

    /// Every stored revision of `key`, oldest first: those it replaced (`history`), then the
    /// current one (`records`). A format-1 store also kept the current one in `history`.
    pub fn history(&self, key: &RecordKey) -> Result<Vec<RecordEnvelope>> {
        let mut revisions: Vec<RecordEnvelope> = self
            .history
            .scan_prefix(history_prefix(key))
            .map(|item| {
                let (k, v) = item?;
                decode("history", &String::from_utf8_lossy(&k), &v)
            })
            .collect::<Result<_>>()?;
        if let Some(current) = self.current(key)?
            && revisions
                .last()
                .is_none_or(|r| r.revision < current.revision)
        {
            revisions.push(current);
        }
        Ok(revisions)
    }

    /// The oldest stored revision of `key` (its first plan, for a decision or a KPI), if any.
    pub fn first_revision(&self, key: &RecordKey) -> Result<Option<RecordEnvelope>> {
        match self.history.scan_prefix(history_prefix(key)).next() {
            Some(item) => {
                let (k, v) = item?;
                decode("history", &String::from_utf8_lossy(&k), &v).map(Some)
            }
            None => self.current(key),
        }
    }

    /// The answer given to the batch `batch_id`, if it was received before.
    pub fn seen_batch(&self, batch_id: &str) -> Result<Option<BatchAck>> {
        match self.seen.get(batch_id)? {
            Some(v) => Ok(Some(decode("seen", batch_id, &v)?)),
            None => Ok(None),
        }
    }

    /// Collector side: stores the accepted envelopes of a batch and the answer given to it,
    /// all or none, then flushes to disk. An envelope not newer than what is stored is skipped
    /// (the caller already counted it as a duplicate).
    pub fn commit_batch(
        &self,
        batch_id: &str,
        accepted: &[RecordEnvelope],
        ack: &BatchAck,
    ) -> Result<()> {
        let ticket = self.commit_batch_inner(batch_id, accepted, ack, false)?;
        self.durable(ticket)
    }

    /// [`Store::commit_batch`] without waiting for the disk: the ticket to give
    /// [`Store::durable`] before the answer is sent. Writers that wait at once share a flush.
    pub fn write_batch(
        &self,
        batch_id: &str,
        accepted: &[RecordEnvelope],
        ack: &BatchAck,
    ) -> Result<Ticket> {
        self.commit_batch_inner(batch_id, accepted, ack, false)
    }

    /// A relaying collector's [`Store::commit_batch`]: in the same transaction, the envelopes it
    /// stores are also queued in the outbox (unchanged: same center, as-of and revision), to be
    /// sent upstream with [`Store::outbox_next_batch`] and [`Store::outbox_acknowledge`].
    pub fn commit_batch_relayed(
        &self,
        batch_id: &str,
        accepted: &[RecordEnvelope],
        ack: &BatchAck,
    ) -> Result<()> {
        let ticket = self.commit_batch_inner(batch_id, accepted, ack, true)?;
        self.durable(ticket)
    }

    /// [`Store::commit_batch_relayed`] without waiting for the disk (see [`Store::write_batch`]).
    pub fn write_batch_relayed(
        &self,
        batch_id: &str,
        accepted: &[RecordEnvelope],
        ack: &BatchAck,
    ) -> Result<Ticket> {
        self.commit_batch_inner(batch_id, accepted, ack, true)
    }

    fn commit_batch_inner(
        &self,
        batch_id: &str,
        accepted: &[RecordEnvelope],
        ack: &BatchAck,
        relay: bool,
    ) -> Result<Ticket> {
        let ack_bytes = encode(ack);
        (
            &self.records,
            &self.history,
            &self.seen,
            &self.outbox,
            &self.meta,
        )
            .transaction(|(records, history, seen, outbox, meta)| {
                let mut relayed: Vec<&RecordEnvelope> = Vec::new();
                for env in accepted {
                    let key = env.key();
                    if let Some(v) = records.get(key.as_str())? {
                        let cur: RecordEnvelope = decode("records", key.as_str(), &v)
                            .map_err(ConflictableTransactionError::Abort)?;
                        if cur.revision >= env.revision {
                            continue;
                        }
                        // The revision replaced goes to the history, as it was stored.
                        history.insert(history_key(&key, cur.revision), v)?;
                    }
                    records.insert(key.as_str(), encode(env))?;
                    if relay {
                        relayed.push(env);
                    }
                }
                if !relayed.is_empty() {
                    // One segment for the batch (see `outbox.rs`).
                    let next = read_u64(meta.get(outbox::NEXT_OUTBOX)?) + 1;
                    outbox.insert(outbox::segment_key(next, relayed.len()), encode(&relayed))?;
                    meta.insert(outbox::NEXT_OUTBOX, &next.to_be_bytes())?;
                }
                seen.insert(batch_id, ack_bytes.clone())?;
                Ok(())
            })?;
        Ok(self.ticket())
    }

    /// Records the collector rejected, oldest key first.
    pub fn rejected(&self) -> Result<Vec<RejectedRecord>> {
        self.rejected
            .iter()
            .map(|item| {
                let (k, v) = item?;
                decode("rejected", &String::from_utf8_lossy(&k), &v)
            })
            .collect()
    }

    /// How many records stand rejected by the collector: not corrected, nor queued again, since.
    pub fn rejected_count(&self) -> usize {
        self.rejected.len()
    }

    /// A small named value, stored as JSON.
    pub fn meta<T: DeserializeOwned>(&self, name: &str) -> Result<Option<T>> {
        match self.meta.get(name)? {
            Some(v) => Ok(Some(decode("meta", name, &v)?)),
            None => Ok(None),
        }
    }

    /// Stores `value` as JSON under `name`, replacing what was there; not flushed (call
    /// [`Store::flush`] to have it on disk).
    pub fn set_meta<T: Serialize>(&self, name: &str, value: &T) -> Result<()> {
        self.meta.insert(name, encode(value))?;
        Ok(())
    }

    /// Removes the value named `name`, if any; not flushed.
    pub fn remove_meta(&self, name: &str) -> Result<()> {
        self.meta.remove(name)?;
        Ok(())
    }

    /// Reads every entry of every tree; returns the unreadable ones (tree, key, detail).
    pub fn check(&self) -> Result<Vec<(String, String, String)>> {
        let mut bad = Vec::new();
        let trees: [(&'static str, &sled::Tree); 5] = [
            ("records", &self.records),
            ("history", &self.history),
            ("outbox", &self.outbox),
            ("seen", &self.seen),
            ("rejected", &self.rejected),
        ];
        for (name, tree) in trees {
            for item in tree.iter() {
                let (k, v) = item?;
                let key = String::from_utf8_lossy(&k).to_string();
                if let Err(detail) = codec::decode::<serde::de::IgnoredAny>(&v) {
                    bad.push((name.to_string(), key, detail));
                }
            }
        }
        Ok(bad)
    }
}

/// The `history` keys of `key`'s revisions begin with this: the key, then a zero byte.
fn history_prefix(key: &RecordKey) -> Vec<u8> {
    let mut k = key.as_str().as_bytes().to_vec();
    k.push(0);
    k
}

fn history_key(key: &RecordKey, revision: u64) -> Vec<u8> {
    let mut k = history_prefix(key);
    k.extend_from_slice(&revision.to_be_bytes());
    k
}

fn read_u64(v: Option<sled::IVec>) -> u64 {
    v.and_then(|b| <[u8; 8]>::try_from(b.as_ref()).ok())
        .map(u64::from_be_bytes)
        .unwrap_or(0)
}

/// `value` as the store keeps it (see `codec.rs`).
pub(crate) fn encode<T: Serialize>(value: &T) -> Vec<u8> {
    codec::encode(value)
}

/// A value of `tree` at `key` read back, whichever format it was written in.
pub(crate) fn decode<T: DeserializeOwned>(
    tree: &'static str,
    key: &str,
    bytes: &[u8],
) -> Result<T> {
    codec::decode(bytes).map_err(|detail| StoreError::Corrupt {
        tree,
        key: key.to_string(),
        detail,
    })
}

#[cfg(test)]
mod tests;
