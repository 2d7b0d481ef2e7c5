//! The store's format, and bringing a store written by an earlier release up to it.

/// Every tree of a store.
pub(super) const TREES: [&str; 7] = [
    "records", "history", "outbox", "seen", "rejected", "meta", "undo",
];

#[cfg(test)]
mod fixture;
