//! Storing a file's records: all of them or none, committed a chunk at a time.
//!
//! One sled transaction over a whole file held every write of it, and all that the writes
//! replaced, in memory until the commit: 1.7 GB for 100,000 rows. So [`Store::import`] commits
//! the rows in chunks, and keeps "a file is stored whole or not at all" with a marker and an
//! undo journal:
//!
//! 1. `import.pending` is written to `meta`, alone: the import's first outbox position and the
//!    outbox counter before it.
//! 2. Each chunk is one transaction: each new or changed record in `records` (the revision it
//!    replaces moved to `history`), rejections it corrects removed, the chunk's queued records
//!    as one outbox segment at the next position, and in `undo` what the import overwrites, the
//!    first time it changes a key: the previous record (`r` + key) and rejection (`j` + key). A
//!    key that had neither gets no entry.
//! 3. Removing the marker (one small write) stores the file.
//!
//! A store opened with the marker still there (the agent was killed mid-import, or a chunk
//! failed and so did its rollback) is rolled back in `Store::from_db`, before anything reads
//! it; a failed chunk is rolled back before `import` returns its error. The rollback walks the
//! import's outbox segments (positions from the marker's on), one transaction each: each record
//! in one names a key the import wrote; `undo` says what the key held before, and the history
//! entries at or above that revision are the import's (what it replaced). It can be cut short
//! and run again. In the
//! process that imports, `outbox_next_batch` takes no position of a pending import (other
//! processes cannot open the store: sled locks it). `undo` is emptied when the next import
//! begins. Not here: reading and checking files (the agent's `import/`), the collector's commits.

use super::{
    RecordEnvelope, Result, Store, StoreError, decode, encode, epoch, history_key, history_prefix,
    outbox, read_u64,
};
use crate::model::{CenterCode, Record, RecordKey};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use sled::Transactional;
use sled::transaction::ConflictableTransactionError;
use std::collections::HashSet;
use std::sync::{Mutex, MutexGuard};

/// The `meta` entry of an import under way.
const PENDING: &str = "import.pending";

/// Rows per transaction. Storing 100,000 budget lines took as long with 250 rows per chunk as
/// with 30,000, while the process's peak memory grew with the chunk (sled keeps what a commit
/// replaces until the commit ends): about 115 MB at 250 rows, 145 MB at 1,000, 230 MB at 4,000
/// and 680 MB at 30,000 (1.7 GB with the whole file in one transaction).
const CHUNK_ROWS: usize = 1_000;

/// What an import did to the store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportSummary {
    /// Keys seen for the first time.
    pub new: usize,
    /// Keys whose content changed: a new revision was queued.
    pub changed: usize,
    /// Records identical to what is stored: nothing queued.
    pub unchanged: usize,
    /// Records identical to what is stored that the collector had rejected: queued again as
    /// they are, so a record refused for arriving before what it refers to gets another chance.
    #[serde(default)]
    pub resent: usize,
}

impl ImportSummary {
    fn add(&mut self, other: ImportSummary) {
        self.new += other.new;
        self.changed += other.changed;
        self.unchanged += other.unchanged;
        self.resent += other.resent;
    }
}

/// The marker of an import under way (`import.pending`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct PendingImport {
    /// The first outbox position the import takes: every position from here on is its own.
    pub first: u64,
    /// The outbox counter (`outbox.next`) before the import; none if it was never set.
    pub next_before: Option<u64>,
    pub rows: usize,
    pub chunks: usize,
}

/// Imports within one process: one at a time, and out of sight of the outbox until stored.
#[derive(Debug, Default)]
pub(super) struct ImportGate {
    /// Held through an import or a rollback.
    running: Mutex<()>,
    /// Held while the marker is written or removed, and while a batch is cut from the outbox, so
    /// that a batch never sees the positions of an import without its marker.
    marker: Mutex<()>,
}

fn hold(m: &Mutex<()>) -> MutexGuard<'_, ()> {
    // The lock guards no data: a thread that panicked holding it left nothing half-done in it.
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// A point where tests make the store fail, as a full disk would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// Before committing chunk `n` (from 0) of an import.
    Chunk(usize),
    /// Before removing the marker of an import whose chunks are all committed.
    Finish,
    /// Before committing the `n`th transaction (from 0) of a rollback, its last one included.
    RollBack(usize),
}

/// How an import is cut into chunks, and (in tests) where it fails.
pub(super) struct Plan<'a> {
    pub chunk_rows: usize,
    pub fault: &'a dyn Fn(Step) -> Result<()>,
}

impl Plan<'_> {
    const PRODUCTION: Plan<'static> = Plan {
        chunk_rows: CHUNK_ROWS,
        fault: &|_| Ok(()),
    };
}

/// `undo` keys: the tag, then the record's key.
const UNDO_RECORD: u8 = b'r';
const UNDO_REJECTED: u8 = b'j';

fn undo_key(tag: u8, key: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(key.len() + 1);
    k.push(tag);
    k.extend_from_slice(key.as_bytes());
    k
}

impl Store {
    /// Stores `records` (each with its as-of date) reported by `center`, all or none.
    ///
    /// A record identical to the stored one is left alone (unless the collector rejected it: then
    /// it is queued again as it is); a new or changed one gets the next revision, goes into the
    /// history and is queued in the outbox. A corrected record replaces any rejection of the same
    /// key. Importing the same records twice changes nothing.
    ///
    /// On success every record is in the store (flush to have it on disk); on an error the store
    /// is as before, or, if undoing failed too, it is undone when the store is next opened. A
    /// process killed meanwhile leaves nothing of the file either.
    pub fn import(
        &self,
        center: &CenterCode,
        records: Vec<(NaiveDate, Record)>,
    ) -> Result<ImportSummary> {
        self.import_with_progress(center, records, &mut |_| {})
    }

    /// [`Store::import`], telling `progress` how many rows are stored so far, chunk by chunk.
    pub fn import_with_progress(
        &self,
        center: &CenterCode,
        records: Vec<(NaiveDate, Record)>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary> {
        self.import_planned(center, records, &Plan::PRODUCTION, progress)
    }

    pub(super) fn import_planned(
        &self,
        center: &CenterCode,
        records: Vec<(NaiveDate, Record)>,
        plan: &Plan<'_>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary> {
        let _running = hold(&self.imports.running);
        // Left by an import of this process whose rollback failed (a full disk): finish it.
        if let Some(pending) = self.pending_import()? {
            self.roll_back_import(&pending, plan)?;
        }
        // What a finished import left for undoing is of no use now, and must not be taken for
        // this import's.
        if !self.undo.is_empty() {
            self.undo.clear()?;
        }
        let keys: Vec<RecordKey> = records.iter().map(|(_, r)| r.key(center)).collect();
        let chunk_rows = plan.chunk_rows.max(1);
        let next_before = self
            .meta
            .get(outbox::NEXT_OUTBOX)?
            .map(|v| read_u64(Some(v)));
        let pending = PendingImport {
            first: next_before.unwrap_or(0) + 1,
            next_before,
            rows: records.len(),
            chunks: records.len().div_ceil(chunk_rows),
        };
        {
            let _marker = hold(&self.imports.marker);
            self.meta.insert(PENDING, encode(&pending))?;
        }
        match self.store_chunks(center, &keys, &records, &pending, plan, progress) {
            Ok(summary) => Ok(summary),
            Err(e) => {
                // If this fails too (the disk is still full), the marker stays, and the next
                // import or the next opening of the store finishes the rollback.
                let _ = self.roll_back_import(&pending, plan);
                Err(e)
            }
        }
    }

    /// The chunks of an import begun with `pending`, then the marker's removal.
    fn store_chunks(
        &self,
        center: &CenterCode,
        keys: &[RecordKey],
        records: &[(NaiveDate, Record)],
        pending: &PendingImport,
        plan: &Plan<'_>,
        progress: &mut dyn FnMut(usize),
    ) -> Result<ImportSummary> {
        let floor = self.current_floor()?;
        let chunk_rows = plan.chunk_rows.max(1);
        let mut summary = ImportSummary::default();
        let mut changed: HashSet<&str> = HashSet::new();
        let mut next = pending.first - 1;
        // A new key's first revision is known before anything is read: another thread encodes
        // each chunk's records at it while the chunk before is written (encoding is most of the
        // work a record costs outside sled). A record found with another revision is encoded
        // in the transaction instead, as it was.
        let fresh = Prepared::revision_of(floor);
        std::thread::scope(|scope| {
            let (encoded, ready) = std::sync::mpsc::sync_channel::<(Vec<Vec<u8>>, Vec<u8>)>(2);
            scope.spawn(move || {
                for rows in records.chunks(chunk_rows) {
                    let envelopes: Vec<RecordEnvelope> = rows
                        .iter()
                        .map(|(as_of, record)| RecordEnvelope {
                            center: center.clone(),
                            as_of: *as_of,
                            revision: fresh,
                            record: record.clone(),
                        })
                        .collect();
                    let values = envelopes.iter().map(encode).collect();
                    // The writing side stopped (an error, a fault): nothing more is wanted.
                    if encoded.send((values, encode(&envelopes))).is_err() {
                        return;
                    }
                }
            });
            for (n, (keys, records)) in keys
                .chunks(chunk_rows)
                .zip(records.chunks(chunk_rows))
                .enumerate()
            {
                (plan.fault)(Step::Chunk(n))?;
                let (values, segment) = ready.recv().unwrap_or_default();
                let prepared = Prepared {
                    floor,
                    values,
                    segment,
                };
                let (s, last, first_changes) =
                    self.store_chunk(center, keys, records, next, &changed, &prepared)?;
                summary.add(s);
                next = last;
                changed.extend(first_changes.into_iter().map(|i| keys[i].as_str()));
                progress(n * chunk_rows + keys.len());
            }
            Ok::<_, super::StoreError>(())
        })?;
        (plan.fault)(Step::Finish)?;
        let _marker = hold(&self.imports.marker);
        self.meta.remove(PENDING)?;
        Ok(summary)
    }

    /// One chunk of an import, in one transaction. `next` is the last outbox position taken,
    /// `changed` the keys earlier chunks changed (their state before the import is in `undo`
    /// already), `prepared` the chunk's records encoded at a new key's revision above the store's
    /// floor. Returns the chunk's summary, the last outbox position it took and the indices
    /// (in `keys`) of the keys it changed first.
    fn store_chunk(
        &self,
        center: &CenterCode,
        keys: &[RecordKey],
        rows: &[(NaiveDate, Record)],
        next: u64,
        changed: &HashSet<&str>,
        prepared: &Prepared,
    ) -> Result<(ImportSummary, u64, Vec<usize>)> {
        let floor = prepared.floor;
        let done = (
            &self.records,
            &self.history,
            &self.outbox,
            &self.rejected,
            &self.meta,
            &self.undo,
        )
            .transaction(|(records, history, outbox, rejected, meta, undo)| {
                let mut summary = ImportSummary::default();
                let mut queued: Vec<RecordEnvelope> = Vec::new();
                let mut first_changes: Vec<usize> = Vec::new();
                let mut changed_here: HashSet<&str> = HashSet::new();
                for (i, (key, (as_of, record))) in keys.iter().zip(rows).enumerate() {
                    let k = key.as_str();
                    let stored = records.get(k)?;
                    let current: Option<RecordEnvelope> = match &stored {
                        Some(v) => Some(
                            decode("records", k, v).map_err(ConflictableTransactionError::Abort)?,
                        ),
                        None => None,
                    };
                    let first_change = !changed.contains(k) && changed_here.insert(k);
                    let revision = match current {
                        // Unchanged, but the collector refused it (say, it came before the
                        // decision or project it reports on): send the same revision again.
                        Some(cur) if &cur.record == record && rejected.get(k)?.is_some() => {
                            summary.resent += 1;
                            queued.push(cur);
                            let refused = rejected.remove(k)?;
                            if first_change {
                                first_changes.push(i);
                                save_undo(undo, k, stored, refused)?;
                            }
                            continue;
                        }
                        Some(cur) if &cur.record == record => {
                            summary.unchanged += 1;
                            if first_change {
                                changed_here.remove(k);
                            }
                            continue;
                        }
                        Some(cur) => {
                            summary.changed += 1;
                            // The revision replaced goes to the history, as it was stored.
                            if let Some(v) = &stored {
                                history.insert(history_key(key, cur.revision), v.clone())?;
                            }
                            epoch::next_revision(Some(cur.revision), floor)
                        }
                        None => {
                            summary.new += 1;
                            epoch::next_revision(None, floor)
                        }
                    };
                    let env = RecordEnvelope {
                        center: center.clone(),
                        as_of: *as_of,
                        revision,
                        record: record.clone(),
                    };
                    records.insert(k, prepared.value_of(i, &env))?;
                    queued.push(env);
                    let refused = match rejected.get(k)? {
                        Some(_) => rejected.remove(k)?,
                        None => None,
                    };
                    if first_change {
                        first_changes.push(i);
                        save_undo(undo, k, stored, refused)?;
                    }
                }
                let mut next = next;
                if !queued.is_empty() {
                    // The chunk's records, queued as one outbox segment (see `outbox.rs`).
                    next += 1;
                    let segment = prepared.segment_of(summary.new == rows.len(), &queued);
                    outbox.insert(outbox::segment_key(next, queued.len()), segment)?;
                    meta.insert(outbox::NEXT_OUTBOX, &next.to_be_bytes())?;
                }
                Ok((summary, next, first_changes))
            })?;
        Ok(done)
    }

    /// The marker of an import under way, if any.
    pub(super) fn pending_import(&self) -> Result<Option<PendingImport>> {
        self.meta(PENDING)
    }

    /// The outbox as a batch may take it: without the positions of an import under way. Hold
    /// the guard while iterating.
    pub(super) fn outbox_visible(&self) -> Result<(MutexGuard<'_, ()>, sled::Iter)> {
        let guard = hold(&self.imports.marker);
        let iter = match self.pending_import()? {
            Some(p) => self.outbox.range(..p.first.to_be_bytes()),
            None => self.outbox.iter(),
        };
        Ok((guard, iter))
    }

    /// Undoes an import a killed process left behind, before the store is used.
    pub(super) fn finish_interrupted_import(&self) -> Result<()> {
        let _running = hold(&self.imports.running);
        match self.pending_import()? {
            Some(pending) => self.roll_back_import(&pending, &Plan::PRODUCTION),
            None => Ok(()),
        }
    }

    /// Puts the store back as it was before the import `pending`, in transactions of at most a
    /// chunk of outbox entries, then removes the marker. Idempotent: each transaction removes
    /// the outbox entries it has undone, and `undo` is read, never changed, until the next
    /// import.
    fn roll_back_import(&self, pending: &PendingImport, plan: &Plan<'_>) -> Result<()> {
        let mut step = 0;
        loop {
            // One outbox segment (a chunk of the import) per transaction.
            let Some(item) = self.outbox.range(pending.first.to_be_bytes()..).next() else {
                break;
            };
            let (position, bytes) = item?;
            let mut entries = Vec::new();
            for env in outbox::entry_records(&position, &bytes)? {
                let key = env.key();
                let before = self.undo.get(undo_key(UNDO_RECORD, key.as_str()))?;
                let revision_before = match &before {
                    Some(b) => Some(decode::<RecordEnvelope>("undo", key.as_str(), b)?.revision),
                    None => None,
                };
                let refused_before = self.undo.get(undo_key(UNDO_REJECTED, key.as_str()))?;
                // What the import put in the history: the revision it replaced and any it made
                // and replaced again (a key met twice), each at or above the revision before.
                let mut added = Vec::new();
                for h in self.history.scan_prefix(history_prefix(&key)).keys() {
                    let h = h?;
                    let revision =
                        read_u64(h.get(h.len().saturating_sub(8)..).map(sled::IVec::from));
                    if revision_before.is_none_or(|r| revision >= r) {
                        added.push(h);
                    }
                }
                entries.push((key, before, refused_before, added));
            }
            (plan.fault)(Step::RollBack(step))?;
            step += 1;
            (&self.records, &self.history, &self.outbox, &self.rejected).transaction(
                |(records, history, outbox, rejected)| {
                    for (key, before, refused_before, added) in &entries {
                        match before {
                            Some(b) => records.insert(key.as_str(), b.clone())?,
                            None => records.remove(key.as_str())?,
                        };
                        if let Some(r) = refused_before {
                            rejected.insert(key.as_str(), r.clone())?;
                        }
                        for h in added {
                            history.remove(h.clone())?;
                        }
                    }
                    outbox.remove(position.clone())?;
                    Ok::<_, ConflictableTransactionError<StoreError>>(())
                },
            )?;
        }
        (plan.fault)(Step::RollBack(step))?;
        let _marker = hold(&self.imports.marker);
        self.meta.transaction(|meta| {
            match pending.next_before {
                Some(n) => meta.insert(outbox::NEXT_OUTBOX, &n.to_be_bytes())?,
                None => meta.remove(outbox::NEXT_OUTBOX)?,
            };
            meta.remove(PENDING)?;
            Ok::<_, ConflictableTransactionError<StoreError>>(())
        })?;
        Ok(())
    }
}

/// Journals what a key held before the import first changed it: its record and its rejection.
fn save_undo(
    undo: &sled::transaction::TransactionalTree,
    key: &str,
    record: Option<sled::IVec>,
    refused: Option<sled::IVec>,
) -> std::result::Result<(), sled::transaction::UnabortableTransactionError> {
    if let Some(r) = record {
        undo.insert(undo_key(UNDO_RECORD, key), r)?;
    }
    if let Some(j) = refused {
        undo.insert(undo_key(UNDO_REJECTED, key), j)?;
    }
    Ok(())
}

/// A chunk's records encoded ahead, each at a new key's first revision above the store's
/// `floor` ([`Prepared::revision_of`]), in the chunk's order.
struct Prepared {
    floor: u64,
    values: Vec<Vec<u8>>,
    /// The outbox segment of the chunk's records, every one new.
    segment: Vec<u8>,
}

impl Prepared {
    /// The revision records are encoded ahead at: a new key's first above `floor`.
    fn revision_of(floor: u64) -> u64 {
        epoch::next_revision(None, floor)
    }

    /// The value of the chunk's `i`-th record, stored as `env`: the one encoded ahead when `env`
    /// is at the revision it was encoded at, else encoded now.
    fn value_of(&self, i: usize, env: &RecordEnvelope) -> sled::IVec {
        match self.values.get(i) {
            Some(ahead) if env.revision == Self::revision_of(self.floor) => {
                sled::IVec::from(ahead.as_slice())
            }
            _ => encode(env).into(),
        }
    }

    /// The chunk's outbox segment holding `queued`: the one encoded ahead when `all_new` (every
    /// record of the chunk queued at the revision encoded at, in the chunk's order), else
    /// encoded now.
    fn segment_of(&self, all_new: bool, queued: &[RecordEnvelope]) -> sled::IVec {
        if all_new && self.values.len() == queued.len() {
            sled::IVec::from(self.segment.as_slice())
        } else {
            encode(&queued).into()
        }
    }
}

#[cfg(test)]
mod tests;
