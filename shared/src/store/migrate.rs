//! The store's format, and bringing a store written by an earlier release up to it.
//!
//! - Format 1 (every release before #18): each value JSON.
//! - Format 2: each value compact (`codec.rs`): its JSON compressed with dictionary 1.
//!
//! The format is kept in `meta` under [`FORMAT`]; a store without it that holds anything is
//! format 1, an empty one is made at the current format. Opening a format-1 store migrates it
//! in place, tree by tree, a chunk of [`CHUNK_ENTRIES`] entries at a time, each chunk one atomic
//! sled batch; then [`FORMAT`] is written and flushed. Nothing is lost if the process is killed
//! (or the disk fills) half way: a value is read whichever format it is in, so the store is
//! whole and usable at every moment, and the next opening carries on (entries already compact
//! are left as they are). The migration compresses each value's JSON bytes as they are, never
//! decoding and encoding them again, so what it stores reads back byte for byte.

use super::{Result, Store, StoreError, codec, outbox};

/// Every tree of a store.
pub(super) const TREES: [&str; 7] = [
    "records", "history", "outbox", "seen", "rejected", "meta", "undo",
];

/// The `meta` entry naming the store's format.
pub(super) const FORMAT: &str = "store.format";

/// The format this release writes.
pub const CURRENT_FORMAT: u32 = 2;

/// Entries rewritten per sled batch.
const CHUNK_ENTRIES: usize = 1_000;

/// Where a migration stops in tests, as a kill or a full disk would stop it.
pub(super) type Fault<'a> = &'a dyn Fn(usize) -> Result<()>;

impl Store {
    /// The store's format: [`CURRENT_FORMAT`] once opened by this release, unless its
    /// migration could not finish (then it carries on at the next opening).
    pub fn format(&self) -> Result<u32> {
        match self.meta::<u32>(FORMAT)? {
            Some(f) => Ok(f),
            None if self.holds_nothing()? => Ok(CURRENT_FORMAT),
            None => Ok(1),
        }
    }

    fn holds_nothing(&self) -> Result<bool> {
        for name in TREES {
            if !self.db.open_tree(name)?.is_empty() {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// Brings the store to [`CURRENT_FORMAT`]. A store of a newer format is refused: this
    /// release may not read what it holds.
    pub(super) fn migrate(&self, fault: Fault<'_>) -> Result<()> {
        let format = self.format()?;
        if format > CURRENT_FORMAT {
            return Err(StoreError::Newer {
                found: format,
                known: CURRENT_FORMAT,
            });
        }
        if format < 2 {
            self.compact_every_value(fault)?;
        }
        if self.meta.get(FORMAT)?.is_none() || format < CURRENT_FORMAT {
            self.set_meta(FORMAT, &CURRENT_FORMAT)?;
            self.flush()?;
        }
        Ok(())
    }

    /// Format 1 → 2: every JSON value compressed, chunk by chunk.
    fn compact_every_value(&self, fault: Fault<'_>) -> Result<()> {
        let mut chunk = 0;
        for name in TREES {
            let tree = self.db.open_tree(name)?;
            let mut after: Option<sled::IVec> = None;
            loop {
                let range = match &after {
                    Some(k) => tree.range::<&[u8], _>((
                        std::ops::Bound::Excluded(k.as_ref()),
                        std::ops::Bound::Unbounded,
                    )),
                    None => tree.iter(),
                };
                let mut batch = sled::Batch::default();
                let mut seen = 0;
                for item in range.take(CHUNK_ENTRIES) {
                    let (k, v) = item?;
                    seen += 1;
                    if needs_compacting(name, &k, &v) {
                        batch.insert(k.clone(), codec::compact(&v));
                    }
                    after = Some(k);
                }
                if seen == 0 {
                    break;
                }
                fault(chunk)?;
                chunk += 1;
                tree.apply_batch(batch)?;
            }
        }
        self.flush()
    }
}

/// True for a format-1 value of `tree` at `key`: JSON, not yet compact. The outbox's counter
/// in `meta` is 8 bytes, not JSON, and stays so.
fn needs_compacting(tree: &str, key: &[u8], value: &[u8]) -> bool {
    if codec::is_compact(value) || (tree == "meta" && key == outbox::NEXT_OUTBOX.as_bytes()) {
        return false;
    }
    serde_json::from_slice::<serde::de::IgnoredAny>(value).is_ok()
}

#[cfg(test)]
mod fixture;
#[cfg(test)]
mod tests;
