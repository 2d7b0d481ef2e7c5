use super::*;
use crate::store::InflightBatch;
use crate::store::tests::{moh, status};
use crate::wire::{Batch, BatchAck, Rejection};
use chrono::{TimeZone, Utc};

fn rows(records: &[Record]) -> Vec<(NaiveDate, Record)> {
    let as_of = NaiveDate::from_ymd_opt(2023, 7, 1).unwrap();
    records.iter().map(|r| (as_of, r.clone())).collect()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 7, 2, 9, 0, 0).unwrap()
}

/// Every tree but `undo` (what a reader of the store can see), entry by entry.
type Contents = Vec<(&'static str, Vec<(Vec<u8>, Vec<u8>)>)>;

fn contents(s: &Store) -> Contents {
    [
        ("records", &s.records),
        ("history", &s.history),
        ("outbox", &s.outbox),
        ("rejected", &s.rejected),
        ("seen", &s.seen),
        ("meta", &s.meta),
    ]
    .into_iter()
    .map(|(name, tree)| {
        let entries = tree
            .iter()
            .map(|e| {
                let (k, v) = e.unwrap();
                (k.to_vec(), v.to_vec())
            })
            .collect();
        (name, entries)
    })
    .collect()
}

fn cut(s: &Store, limit: usize) -> Option<InflightBatch> {
    s.outbox_next_batch(&moh(), "agent", limit, now()).unwrap()
}

fn acknowledge(s: &Store, b: &InflightBatch, refused: &[u16]) {
    let batch: Batch = serde_json::from_slice(&b.body).unwrap();
    let refused: Vec<RecordKey> = refused.iter().map(|&i| status(i, 0).key(&moh())).collect();
    let ack = BatchAck {
        center: moh(),
        agent: "agent".into(),
        epoch: batch.epoch.clone(),
        digest: batch.digest().ok(),
        seq: batch.seq,
        replay: false,
        accepted: batch
            .records
            .iter()
            .map(|e| e.key())
            .filter(|k| !refused.contains(k))
            .collect(),
        duplicates: vec![],
        rejected: refused
            .iter()
            .map(|k| Rejection {
                key: k.clone(),
                reason: "decision not known yet".into(),
                problems: vec![],
            })
            .collect(),
    };
    assert!(s.outbox_acknowledge(&ack).unwrap());
}

/// A store that has been used: decisions 1–8 imported; a batch of 1–3 answered with 1 and 2
/// refused; a batch of 4–5 in flight; 6–8 waiting. One outbox segment (position 1, the counter
/// at 1), batch number 2.
fn used(s: &Store) {
    s.import(
        &moh(),
        rows(&(1..=8).map(|i| status(i, 10)).collect::<Vec<_>>()),
    )
    .unwrap();
    let b = cut(s, 3).unwrap();
    acknowledge(s, &b, &[1, 2]);
    assert_eq!(items(&cut(s, 2).unwrap()), [4, 5]);
}

/// `contents` with the outbox as the records it queues, in order, whatever its segments, and
/// without the outbox's counter (which counts segments).
fn unsegmented(contents: Contents) -> (Contents, Vec<RecordEnvelope>) {
    let mut queued = Vec::new();
    let rest = contents
        .into_iter()
        .map(|(name, entries)| match name {
            "outbox" => {
                for (k, v) in &entries {
                    queued.extend(outbox::entry_records(k, v).unwrap());
                }
                (name, vec![])
            }
            "meta" => (
                name,
                entries
                    .into_iter()
                    .filter(|(k, _)| k.as_slice() != outbox::NEXT_OUTBOX.as_bytes())
                    .collect(),
            ),
            _ => (name, entries),
        })
        .collect();
    (rest, queued)
}

/// The decisions whose statuses `b` carries, by item number, in order.
fn items(b: &InflightBatch) -> Vec<u16> {
    let batch: Batch = serde_json::from_slice(&b.body).unwrap();
    batch
        .records
        .iter()
        .map(|e| match &e.record {
            Record::DecisionStatus(s) => s.decision.item,
            other => panic!("not a status: {other:?}"),
        })
        .collect()
}

/// The file imported over [`used`]: every case of the revision rules, and keys met twice, in
/// other chunks when cut in threes.
fn file() -> Vec<Record> {
    vec![
        status(1, 10), // refused before, unchanged: resent
        status(2, 20), // refused before, changed: the rejection goes
        status(3, 10), // unchanged …
        status(4, 40), // changed …
        status(20, 1), // new …
        status(4, 45), // … and changed again, in the next chunk
        status(3, 30), // … then changed
        status(20, 2), // … then changed
        status(21, 1), // new
        status(1, 10), // resent already: unchanged
        status(5, 10), // unchanged (in flight)
        status(22, 5), // new
        status(2, 20), // unchanged now
    ]
}

const FILE_SUMMARY: ImportSummary = ImportSummary {
    new: 3,
    changed: 5,
    unchanged: 4,
    resent: 1,
};

fn plan(chunk_rows: usize, fault: &dyn Fn(Step) -> Result<()>) -> Plan<'_> {
    Plan { chunk_rows, fault }
}

fn no_fault(_: Step) -> Result<()> {
    Ok(())
}

/// Fails (as a full disk would) at each of `steps`.
fn failing_at(steps: &[Step]) -> impl Fn(Step) -> Result<()> + '_ {
    move |step| {
        if steps.contains(&step) {
            Err(StoreError::DiskFull)
        } else {
            Ok(())
        }
    }
}

/// [`file`] imported over [`used`] in a single transaction: the store as it must end.
fn reference() -> (ImportSummary, Contents) {
    let s = Store::temporary().unwrap();
    used(&s);
    let summary = s
        .import_planned(
            &moh(),
            rows(&file()),
            &plan(usize::MAX, &no_fault),
            &mut |_| {},
        )
        .unwrap();
    (summary, contents(&s))
}

#[test]
fn a_file_stored_in_chunks_ends_as_if_stored_in_one_transaction() {
    let (summary, expected) = reference();
    assert_eq!(summary, FILE_SUMMARY);
    for chunk_rows in [1, 2, 3, 5, 13] {
        let s = Store::temporary().unwrap();
        used(&s);
        let mut seen = Vec::new();
        let got = s
            .import_planned(
                &moh(),
                rows(&file()),
                &plan(chunk_rows, &no_fault),
                &mut |n| seen.push(n),
            )
            .unwrap();
        assert_eq!(got, FILE_SUMMARY, "chunks of {chunk_rows}");
        // The same but for how the outbox is cut into segments: a segment per chunk.
        assert_eq!(
            unsegmented(contents(&s)),
            unsegmented(expected.clone()),
            "chunks of {chunk_rows}"
        );
        assert_eq!(seen.last(), Some(&13));
        assert_eq!(seen.len(), 13usize.div_ceil(chunk_rows));
    }
    // The revisions and history of keys met twice, and the rejections.
    let s = Store::temporary().unwrap();
    used(&s);
    s.import_planned(&moh(), rows(&file()), &plan(3, &no_fault), &mut |_| {})
        .unwrap();
    let revisions = |i| {
        s.history(&status(i, 0).key(&moh()))
            .unwrap()
            .iter()
            .map(|e| e.revision)
            .collect::<Vec<_>>()
    };
    assert_eq!(revisions(1), [1]);
    assert_eq!(revisions(3), [1, 2]);
    assert_eq!(revisions(4), [1, 2, 3]);
    assert_eq!(revisions(20), [1, 2]);
    assert_eq!(s.rejected_count(), 0);
    assert_eq!(s.pending_import().unwrap(), None);
}

#[test]
fn an_import_that_fails_at_any_chunk_leaves_the_store_exactly_as_before() {
    let (_, expected) = reference();
    let steps = (0..5).map(Step::Chunk).chain([Step::Finish]);
    for step in steps {
        let s = Store::temporary().unwrap();
        used(&s);
        let before = contents(&s);
        let fault = failing_at(std::slice::from_ref(&step));
        let failed = s.import_planned(&moh(), rows(&file()), &plan(3, &fault), &mut |_| {});
        assert!(
            matches!(failed, Err(StoreError::DiskFull)),
            "{step:?}: {failed:?}"
        );
        assert_eq!(contents(&s), before, "failing at {step:?}");
        assert_eq!(s.rejected_count(), 2);
        // The store works on: the same file goes in whole.
        assert_eq!(s.import(&moh(), rows(&file())).unwrap(), FILE_SUMMARY);
        assert_eq!(contents(&s), expected, "after failing at {step:?}");
    }
}

#[test]
fn a_failed_first_import_leaves_an_empty_store_empty() {
    let s = Store::temporary().unwrap();
    let before = contents(&s);
    let fault = failing_at(&[Step::Chunk(2)]);
    assert!(
        s.import_planned(&moh(), rows(&file()), &plan(3, &fault), &mut |_| {})
            .is_err()
    );
    assert_eq!(contents(&s), before);
    assert_eq!(s.meta.get(outbox::NEXT_OUTBOX).unwrap(), None);
}

#[test]
fn an_import_killed_midway_is_undone_when_the_store_is_opened_again() {
    let (_, expected) = reference();
    // Killed after some chunks; after all of them; and in the middle of undoing.
    let cases = [
        vec![Step::Chunk(1), Step::RollBack(0)],
        vec![Step::Chunk(3), Step::RollBack(0)],
        vec![Step::Finish, Step::RollBack(0)],
        vec![Step::Finish, Step::RollBack(1)],
        vec![Step::Finish, Step::RollBack(3)], // all undone but the marker
    ];
    for steps in cases {
        let dir = tempfile::tempdir().unwrap();
        let before = {
            let s = Store::open(dir.path()).unwrap();
            used(&s);
            let before = contents(&s);
            let fault = failing_at(&steps);
            assert!(
                s.import_planned(&moh(), rows(&file()), &plan(3, &fault), &mut |_| {})
                    .is_err()
            );
            // What a killed agent leaves on disk: the marker, and part of the file.
            assert!(s.pending_import().unwrap().is_some(), "{steps:?}");
            assert_ne!(contents(&s), before, "{steps:?}");
            s.flush().unwrap();
            before
        };
        let s = crate::store::tests::reopen(dir.path());
        assert_eq!(contents(&s), before, "{steps:?}");
        assert_eq!(s.outbox_counts().unwrap().waiting, 5);
        assert_eq!(items(&cut(&s, 10).unwrap()), [4, 5]);
        assert_eq!(s.import(&moh(), rows(&file())).unwrap(), FILE_SUMMARY);
        assert_eq!(contents(&s), expected, "{steps:?}");
    }
}

#[test]
fn an_undo_that_fails_is_finished_by_the_next_import_of_the_same_process() {
    let s = Store::temporary().unwrap();
    used(&s);
    let before = contents(&s);
    let fault = failing_at(&[Step::Chunk(2), Step::RollBack(0)]);
    assert!(
        s.import_planned(&moh(), rows(&file()), &plan(3, &fault), &mut |_| {})
            .is_err()
    );
    let pending = s.pending_import().unwrap().unwrap();
    assert_eq!((pending.first, pending.next_before), (2, Some(1)));
    // Meanwhile a push sees only what was there before.
    let b = cut(&s, 100).unwrap();
    assert_eq!(items(&b), [4, 5]);
    acknowledge(&s, &b, &[]);
    assert_eq!(items(&cut(&s, 100).unwrap()), [6, 7, 8]);
    // The next import undoes the failed one first: only its own record is new.
    let only = s.import(&moh(), rows(&[status(30, 1)])).unwrap();
    assert_eq!(only.new, 1);
    assert_eq!(s.pending_import().unwrap(), None);
    assert_eq!(s.rejected_count(), 2);
    assert_eq!(s.current(&status(20, 0).key(&moh())).unwrap(), None);
    // Its outbox position follows those from before the failed import.
    let waiting = cut(&s, 100).unwrap();
    assert_eq!(items(&waiting), [6, 7, 8]);
    assert_eq!(waiting.positions, [1]);
    acknowledge(&s, &waiting, &[]);
    let batch = cut(&s, 100).unwrap();
    assert_eq!(batch.positions, [2]);
    let sent: Batch = serde_json::from_slice(&batch.body).unwrap();
    assert_eq!(sent.records[0].record, status(30, 1));
    assert_ne!(contents(&s), before);
}

#[test]
fn a_batch_cut_while_an_import_is_stored_carries_nothing_of_it() {
    for fault in [None, Some(Step::Chunk(3))] {
        let s = Store::temporary().unwrap();
        used(&s);
        let steps: Vec<Step> = fault.into_iter().collect();
        let fail = failing_at(&steps);
        let mut cut_during = Vec::new();
        let result = s.import_planned(&moh(), rows(&file()), &plan(3, &fail), &mut |n| {
            // Between chunks: the batch in flight is answered and the next one cut.
            if let Some(b) = cut(&s, 100) {
                acknowledge(&s, &b, &[]);
                cut_during.push(items(&b));
            }
            assert!(n < 13 || s.pending_import().unwrap().is_some());
        });
        assert_eq!(result.is_ok(), fault.is_none());
        // The batch in flight, then what waited before: never a position of the import.
        assert_eq!(cut_during[0], [4, 5]);
        assert_eq!(cut_during[1], [6, 7, 8]);
        assert!(cut_during[2..].is_empty(), "{cut_during:?}");
        match fault {
            None => assert_eq!(
                cut(&s, 100).unwrap().records,
                FILE_SUMMARY.new + FILE_SUMMARY.changed + FILE_SUMMARY.resent
            ),
            Some(_) => assert_eq!(cut(&s, 100), None),
        }
    }
}

#[test]
fn a_thread_pushing_while_a_large_import_is_stored_then_undone_never_sends_any_of_it() {
    let s = Store::temporary().unwrap();
    used(&s);
    let file: Vec<Record> = (100..2_100).map(|i| status(i, 50)).collect();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|scope| {
        let pusher = scope.spawn(|| {
            let mut sent = Vec::new();
            while !done.load(std::sync::atomic::Ordering::SeqCst) {
                if let Some(b) = cut(&s, 7) {
                    sent.extend(items(&b));
                    acknowledge(&s, &b, &[]);
                }
            }
            sent
        });
        let fault = failing_at(&[Step::Finish]);
        let failed = s.import_planned(&moh(), rows(&file), &plan(50, &fault), &mut |_| {});
        done.store(true, std::sync::atomic::Ordering::SeqCst);
        assert!(failed.is_err());
        let sent = pusher.join().unwrap();
        assert_eq!(sent, [4, 5, 6, 7, 8]);
        // Nothing of the import (its decisions are numbered from 100).
        assert!(sent.iter().all(|&item| item < 100));
    });
    assert_eq!(s.record_count(), 8);
    assert_eq!(s.outbox_counts().unwrap().waiting, 0);
}

/// Records are encoded ahead on another thread at a new key's first revision; what is stored is
/// byte for byte what encoding each stored envelope gives, whatever the chunk mixes: new keys,
/// changed ones (another revision, encoded in the transaction), unchanged ones and a key given
/// twice in one chunk. The outbox segments hold what was queued, in order.
#[test]
fn records_encoded_ahead_are_the_bytes_of_what_is_stored_whatever_a_chunk_mixes() {
    let dir = tempfile::tempdir().unwrap();
    let s = Store::open(dir.path()).unwrap();
    let plan = Plan {
        chunk_rows: 3,
        ..Plan::PRODUCTION
    };
    let first: Vec<Record> = (1..=5).map(|i| status(i, 10)).collect();
    s.import_planned(&moh(), rows(&first), &plan, &mut |_| {})
        .unwrap();
    // 1 unchanged; 2 and 3 changed; 6 new, then changed again in the same chunk; 7 new.
    let second = vec![
        status(1, 10),
        status(2, 20),
        status(3, 30),
        status(6, 60),
        status(6, 61),
        status(7, 70),
    ];
    let summary = s
        .import_planned(&moh(), rows(&second), &plan, &mut |_| {})
        .unwrap();
    assert_eq!(
        (summary.new, summary.changed, summary.unchanged),
        (2, 3, 1),
        "{summary:?}"
    );
    let mut revisions = Vec::new();
    for item in s.records.iter() {
        let (k, v) = item.unwrap();
        let env: RecordEnvelope = decode("records", "", &v).unwrap();
        assert_eq!(v.to_vec(), encode(&env), "{}", String::from_utf8_lossy(&k));
        let Record::DecisionStatus(st) = &env.record else {
            panic!("{env:?}")
        };
        revisions.push((st.decision.to_string(), st.progress, env.revision));
    }
    let n = |i: u16| crate::model::DecisionNumber::new(18, 200, i).to_string();
    assert_eq!(
        revisions,
        vec![
            (n(1), 10, 1),
            (n(2), 20, 2),
            (n(3), 30, 2),
            (n(4), 10, 1),
            (n(5), 10, 1),
            (n(6), 61, 2),
            (n(7), 70, 1),
        ]
    );
    // Queued, in order: the first import's five, then 2, 3, 6 (new), 6 (changed), 7.
    let mut queued = Vec::new();
    for item in s.outbox.iter() {
        let (k, v) = item.unwrap();
        assert_eq!(v.to_vec(), encode(&outbox::entry_records(&k, &v).unwrap()));
        queued.extend(outbox::entry_records(&k, &v).unwrap());
    }
    let progress: Vec<(u8, u64)> = queued
        .iter()
        .map(|e| match &e.record {
            Record::DecisionStatus(st) => (st.progress, e.revision),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        progress,
        vec![
            (10, 1),
            (10, 1),
            (10, 1),
            (10, 1),
            (10, 1),
            (20, 2),
            (30, 2),
            (60, 1),
            (61, 2),
            (70, 1)
        ]
    );
}
