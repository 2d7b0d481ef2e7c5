//! Group commit: writers that need their writes on disk share one flush.
//!
//! The collector answers a batch only once what it stored is on disk. With one flush per batch
//! and the batches written one after the other, the flushes were taken in turn, each waiting for
//! the last. Here a writer takes a [`Ticket`] once its transaction is committed, and
//! [`Store::durable`] returns once a flush that began after that commit has ended: the first
//! writer to ask flushes everything written so far, and those who asked meanwhile wait for it,
//! or for the next one if theirs came later. Durability before acknowledgement holds as before:
//! every ticket is covered by a flush that began after its write.

use super::{Result, Store, StoreError};
use std::sync::{Condvar, Mutex, MutexGuard};

/// A committed write, in the order of commits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ticket(u64);

#[derive(Debug, Default)]
struct State {
    /// The last ticket given.
    written: u64,
    /// Every ticket up to this one is on disk.
    flushed: u64,
    /// A flush is under way.
    flushing: bool,
}

/// The store's shared group-commit state.
#[derive(Debug, Default)]
pub(super) struct GroupCommit {
    state: Mutex<State>,
    done: Condvar,
}

impl GroupCommit {
    fn lock(&self) -> MutexGuard<'_, State> {
        // The state is a few counters, each update whole: a panic elsewhere leaves them sound.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }
}

impl Store {
    /// A ticket for everything committed so far (call it after the commit).
    pub fn ticket(&self) -> Ticket {
        let mut st = self.commits.lock();
        st.written += 1;
        Ticket(st.written)
    }

    /// Returns once everything committed before `ticket` was taken is on disk, sharing the
    /// flush with whoever waits at the same time. An error of the flush is returned to the
    /// writer who ran it and to those it would have covered (they try again, and fail the same
    /// way while the disk does).
    pub fn durable(&self, ticket: Ticket) -> Result<()> {
        let mut st = self.commits.lock();
        loop {
            if st.flushed >= ticket.0 {
                return Ok(());
            }
            if st.flushing {
                st = self
                    .commits
                    .done
                    .wait(st)
                    .unwrap_or_else(|p| p.into_inner());
                continue;
            }
            st.flushing = true;
            let target = st.written;
            drop(st);
            let flushed: Result<()> = self.db.flush().map(|_| ()).map_err(StoreError::from);
            st = self.commits.lock();
            st.flushing = false;
            if flushed.is_ok() {
                st.flushed = st.flushed.max(target);
            }
            self.commits.done.notify_all();
            flushed?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tests::{moh, status};
    use crate::wire::BatchAck;
    use chrono::NaiveDate;

    fn ack(seq: u64) -> BatchAck {
        BatchAck {
            center: moh(),
            agent: "a".into(),
            epoch: String::new(),
            seq,
            digest: None,
            replay: false,
            accepted: vec![],
            duplicates: vec![],
            rejected: vec![],
        }
    }

    #[test]
    fn writers_at_once_each_return_with_their_write_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        std::thread::scope(|scope| {
            for t in 0..8u16 {
                let s = s.clone();
                scope.spawn(move || {
                    for n in 0..20u16 {
                        let env = crate::model::RecordEnvelope {
                            center: moh(),
                            as_of: NaiveDate::from_ymd_opt(2023, 6, 1).unwrap(),
                            revision: 1,
                            record: status(t * 100 + n, 5),
                        };
                        let id = format!("MOH/a/{t}/{n}");
                        let ticket = s.write_batch(&id, &[env], &ack(u64::from(n))).unwrap();
                        s.durable(ticket).unwrap();
                        // Covered: nothing this thread wrote waits for a flush.
                        assert!(s.commits.lock().flushed >= ticket.0);
                    }
                });
            }
        });
        assert_eq!(s.record_count(), 160);
        let st = s.commits.lock();
        assert_eq!((st.written, st.flushed, st.flushing), (160, 160, false));
    }

    #[test]
    fn a_ticket_already_covered_returns_at_once_and_a_later_one_flushes() {
        let s = Store::temporary().unwrap();
        let first = s.ticket();
        s.durable(first).unwrap();
        s.durable(first).unwrap();
        let second = s.ticket();
        assert!(second > first);
        s.durable(second).unwrap();
        assert_eq!(s.commits.lock().flushed, 2);
    }
}
