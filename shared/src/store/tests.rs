use super::*;
use crate::model::*;
use crate::wire::{BatchAck, Rejection};
use chrono::{NaiveDate, TimeZone, Utc};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(super) fn moh() -> CenterCode {
    CenterCode::new("MOH").unwrap()
}

pub(super) fn status(item: u16, progress: u8) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision: DecisionNumber::new(18, 200, item),
        status: ExecutionStatus::InProgress,
        progress,
        note: String::new(),
        follow_ups: vec![],
    })
}

/// Opens the store in `dir` that this process has just closed: sled lets go of its lock a
/// moment after the last handle is dropped, once its background writes are done.
pub(super) fn reopen(dir: &std::path::Path) -> Store {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        match Store::open(dir) {
            Err(StoreError::Open { .. } | StoreError::InUse { .. })
                if std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            opened => return opened.unwrap(),
        }
    }
}

fn at(as_of: NaiveDate, records: Vec<Record>) -> Vec<(NaiveDate, Record)> {
    records.into_iter().map(|r| (as_of, r)).collect()
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2023, 6, 1, 12, 0, 0).unwrap()
}

#[test]
fn importing_the_same_records_twice_changes_nothing() {
    let s = Store::temporary().unwrap();
    let first = s
        .import(
            &moh(),
            at(d(2023, 6, 1), vec![status(1, 10), status(2, 20)]),
        )
        .unwrap();
    assert_eq!(
        first,
        ImportSummary {
            new: 2,
            changed: 0,
            unchanged: 0,
            resent: 0
        }
    );
    let again = s
        .import(
            &moh(),
            at(d(2023, 6, 2), vec![status(1, 10), status(2, 20)]),
        )
        .unwrap();
    assert_eq!(
        again,
        ImportSummary {
            new: 0,
            changed: 0,
            unchanged: 2,
            resent: 0
        }
    );
    assert_eq!(s.outbox_counts().unwrap().waiting, 2);
}

#[test]
fn no_batch_is_cut_over_the_collectors_record_limit_whatever_is_asked() {
    let s = Store::temporary().unwrap();
    let n = crate::wire::MAX_BATCH_RECORDS as u16 + 1;
    s.import(
        &moh(),
        at(d(2023, 6, 1), (1..=n).map(|i| status(i, 10)).collect()),
    )
    .unwrap();
    let b = s
        .outbox_next_batch(&moh(), "agent", 6_000, now())
        .unwrap()
        .unwrap();
    assert_eq!(b.records, crate::wire::MAX_BATCH_RECORDS);
}

#[test]
fn a_changed_record_gets_the_next_revision_and_keeps_history() {
    let s = Store::temporary().unwrap();
    s.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    let sum = s
        .import(&moh(), at(d(2023, 7, 1), vec![status(1, 50)]))
        .unwrap();
    assert_eq!(sum.changed, 1);
    let key = status(1, 0).key(&moh());
    let cur = s.current(&key).unwrap().unwrap();
    assert_eq!((cur.revision, cur.as_of), (2, d(2023, 7, 1)));
    let h = s.history(&key).unwrap();
    assert_eq!(h.iter().map(|e| e.revision).collect::<Vec<_>>(), [1, 2]);
    let first = s.first_revision(&key).unwrap().unwrap();
    assert_eq!((first.revision, first.as_of), (1, d(2023, 6, 1)));
    let other = status(2, 0).key(&moh());
    assert!(s.first_revision(&other).unwrap().is_none());
}

#[test]
fn outbox_resends_the_same_batch_until_acknowledged() {
    let s = Store::temporary().unwrap();
    s.import(
        &moh(),
        at(d(2023, 6, 1), (1..=5).map(|i| status(i, 10)).collect()),
    )
    .unwrap();
    let b1 = s
        .outbox_next_batch(&moh(), "agent", 3, now())
        .unwrap()
        .unwrap();
    assert_eq!((b1.seq, b1.records), (1, 3));
    // A later call (after a crash, or a lost answer) gets the very same bytes.
    let again = s
        .outbox_next_batch(&moh(), "agent", 3, now() + chrono::Duration::hours(1))
        .unwrap()
        .unwrap();
    assert_eq!(again, b1);
    // An answer for another batch is ignored.
    let wrong = BatchAck {
        center: moh(),
        agent: "agent".into(),
        epoch: String::new(),
        digest: None,
        seq: 9,
        replay: false,
        accepted: vec![],
        duplicates: vec![],
        rejected: vec![],
    };
    assert!(!s.outbox_acknowledge(&wrong).unwrap());
    let batch: crate::wire::Batch = serde_json::from_slice(&b1.body).unwrap();
    let rejected_key = batch.records[0].key();
    let ack = BatchAck {
        seq: 1,
        accepted: batch.records[1..].iter().map(|e| e.key()).collect(),
        rejected: vec![Rejection {
            key: rejected_key.clone(),
            reason: "not assigned".into(),
            problems: vec![],
        }],
        ..wrong
    };
    assert!(s.outbox_acknowledge(&ack).unwrap());
    assert_eq!(
        s.outbox_counts().unwrap(),
        OutboxCounts {
            waiting: 2,
            inflight_batch: None
        }
    );
    let rej = s.rejected().unwrap();
    assert_eq!(rej.len(), 1);
    assert_eq!(rej[0].rejection.key, rejected_key);
    let b2 = s
        .outbox_next_batch(&moh(), "agent", 3, now())
        .unwrap()
        .unwrap();
    assert_eq!((b2.seq, b2.records), (2, 2));
    // Correcting the rejected record replaces the rejection and queues it again.
    s.import(&moh(), at(d(2023, 6, 3), vec![status(1, 11)]))
        .unwrap();
    assert_eq!(s.rejected_count(), 0);
    assert_eq!(s.outbox_counts().unwrap().waiting, 3);
}

#[test]
fn a_rejected_record_imported_again_unchanged_is_sent_again() {
    let s = Store::temporary().unwrap();
    s.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    let b1 = s
        .outbox_next_batch(&moh(), "agent", 10, now())
        .unwrap()
        .unwrap();
    let batch: crate::wire::Batch = serde_json::from_slice(&b1.body).unwrap();
    let key = batch.records[0].key();
    let ack = BatchAck {
        center: moh(),
        agent: "agent".into(),
        epoch: String::new(),
        digest: None,
        seq: b1.seq,
        replay: false,
        accepted: vec![],
        duplicates: vec![],
        rejected: vec![Rejection {
            key: key.clone(),
            reason: "decision 18/200/01 is not known".into(),
            problems: vec![],
        }],
    };
    assert!(s.outbox_acknowledge(&ack).unwrap());
    assert_eq!(s.outbox_counts().unwrap().waiting, 0);
    // The decision has reached the collector since: the same file imported again resends it.
    let again = s
        .import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    assert_eq!(
        (again.resent, again.unchanged, again.new, again.changed),
        (1, 0, 0, 0)
    );
    assert_eq!(s.rejected_count(), 0);
    let b2 = s
        .outbox_next_batch(&moh(), "agent", 10, now())
        .unwrap()
        .unwrap();
    let resent: crate::wire::Batch = serde_json::from_slice(&b2.body).unwrap();
    assert_eq!(resent.records.len(), 1);
    assert_eq!(
        (resent.records[0].key(), resent.records[0].revision),
        (key, 1)
    );
    // Once accepted, importing it again changes nothing.
    let ok = BatchAck {
        seq: b2.seq,
        rejected: vec![],
        accepted: vec![resent.records[0].key()],
        ..ack
    };
    assert!(s.outbox_acknowledge(&ok).unwrap());
    let third = s
        .import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    assert_eq!((third.resent, third.unchanged), (0, 1));
}

#[test]
fn committed_batches_survive_reopening_and_are_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let env = RecordEnvelope {
        center: moh(),
        as_of: d(2023, 6, 1),
        revision: 3,
        record: status(1, 30),
    };
    let ack = BatchAck {
        center: moh(),
        agent: "a".into(),
        epoch: String::new(),
        digest: None,
        seq: 1,
        replay: false,
        accepted: vec![env.key()],
        duplicates: vec![],
        rejected: vec![],
    };
    {
        let s = Store::open(dir.path()).unwrap();
        s.commit_batch("MOH/a/1", std::slice::from_ref(&env), &ack)
            .unwrap();
        // An older revision arriving later does not overwrite the newer one.
        let older = RecordEnvelope {
            revision: 2,
            ..env.clone()
        };
        s.commit_batch("MOH/a/2", &[older], &ack).unwrap();
    }
    let s = reopen(dir.path());
    assert_eq!(s.current(&env.key()).unwrap().unwrap().revision, 3);
    assert_eq!(s.seen_batch("MOH/a/1").unwrap(), Some(ack));
    assert_eq!(s.seen_batch("MOH/a/3").unwrap(), None);
    assert!(s.check().unwrap().is_empty());
}

#[test]
fn a_relaying_collector_queues_what_it_stores_unchanged() {
    let s = Store::temporary().unwrap();
    let phc = CenterCode::new("MOH-PHC").unwrap();
    let env = RecordEnvelope {
        center: phc.clone(),
        as_of: d(2023, 6, 1),
        revision: 4,
        record: status(1, 30),
    };
    let ack = BatchAck {
        center: phc,
        agent: "a".into(),
        epoch: String::new(),
        digest: None,
        seq: 1,
        replay: false,
        accepted: vec![env.key()],
        duplicates: vec![],
        rejected: vec![],
    };
    s.commit_batch_relayed("MOH-PHC/a/1", std::slice::from_ref(&env), &ack)
        .unwrap();
    // Not newer than what is stored: neither stored again nor queued again.
    s.commit_batch_relayed("MOH-PHC/a/2", std::slice::from_ref(&env), &ack)
        .unwrap();
    assert_eq!(s.outbox_counts().unwrap().waiting, 1);
    let b = s
        .outbox_next_batch(&moh(), "relay", 10, now())
        .unwrap()
        .unwrap();
    let batch: crate::wire::Batch = serde_json::from_slice(&b.body).unwrap();
    assert_eq!(batch.center, moh());
    assert_eq!(batch.records, vec![env]);
    // A plain collector queues nothing.
    let plain = Store::temporary().unwrap();
    plain.commit_batch("x/a/1", &batch.records, &ack).unwrap();
    assert_eq!(plain.outbox_counts().unwrap().waiting, 0);
}

#[test]
fn meta_values_round_trip() {
    let s = Store::temporary().unwrap();
    s.set_meta("last_push", &"2023-06-01").unwrap();
    assert_eq!(
        s.meta::<String>("last_push").unwrap().as_deref(),
        Some("2023-06-01")
    );
    s.remove_meta("last_push").unwrap();
    assert_eq!(s.meta::<String>("last_push").unwrap(), None);
}

fn next_batch(s: &Store) -> InflightBatch {
    s.outbox_next_batch(&moh(), "agent", 100, now())
        .unwrap()
        .unwrap()
}

fn ack_of(b: &InflightBatch) -> BatchAck {
    let batch: crate::wire::Batch = serde_json::from_slice(&b.body).unwrap();
    BatchAck {
        center: moh(),
        agent: "agent".into(),
        epoch: batch.epoch.clone(),
        seq: batch.seq,
        digest: batch.digest().ok(),
        replay: false,
        accepted: batch.records.iter().map(|e| e.key()).collect(),
        duplicates: vec![],
        rejected: vec![],
    }
}

#[test]
fn a_first_epoch_counts_revisions_from_one_and_numbers_batches_within_it() {
    let s = Store::temporary().unwrap();
    let e = s.ensure_epoch(Beginning::First, now()).unwrap();
    assert_eq!(e.floor, 0);
    assert_eq!(e.id.len(), 12, "{e:?}");
    // Asking again keeps it.
    assert_eq!(s.ensure_epoch(Beginning::Replacement, now()).unwrap(), e);
    s.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    assert_eq!(
        s.current(&status(1, 0).key(&moh()))
            .unwrap()
            .unwrap()
            .revision,
        1
    );
    let b = next_batch(&s);
    let batch: crate::wire::Batch = serde_json::from_slice(&b.body).unwrap();
    assert_eq!((batch.epoch.as_str(), batch.seq), (e.id.as_str(), 1));
    assert_eq!(batch.id(), format!("MOH/agent/{}/1", e.id));
}

#[test]
fn a_replacement_store_revises_above_anything_an_earlier_epoch_assigned() {
    let old = Store::temporary().unwrap();
    old.ensure_epoch(Beginning::First, now()).unwrap();
    for p in 0..50 {
        old.import(&moh(), at(d(2023, 6, 1), vec![status(1, p)]))
            .unwrap();
    }
    let key = status(1, 0).key(&moh());
    let old_rev = old.current(&key).unwrap().unwrap().revision;
    assert_eq!(old_rev, 50);

    // The store set aside and made anew a day later: the same record again.
    let new = Store::temporary().unwrap();
    let later = now() + chrono::Duration::days(1);
    let e = new.ensure_epoch(Beginning::Replacement, later).unwrap();
    assert_eq!(e.floor, revision_floor(later));
    assert!(e.floor > old_rev);
    new.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    let rev = new.current(&key).unwrap().unwrap().revision;
    assert_eq!(rev, e.floor + 1);
    new.import(&moh(), at(d(2023, 6, 2), vec![status(1, 11)]))
        .unwrap();
    assert_eq!(new.current(&key).unwrap().unwrap().revision, e.floor + 2);
    // Floors grow with the clock, a second at a time.
    assert!(revision_floor(later + chrono::Duration::seconds(1)) > e.floor + 1_000_000);
}

#[test]
fn a_store_used_before_epochs_keeps_its_numbering() {
    let s = Store::temporary().unwrap();
    s.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    let e = s.ensure_epoch(Beginning::Replacement, now()).unwrap();
    assert_eq!((e.id.as_str(), e.floor), ("", 0));
    let b = next_batch(&s);
    let batch: crate::wire::Batch = serde_json::from_slice(&b.body).unwrap();
    assert_eq!(batch.id(), "MOH/agent/1");
    // The batch as it always travelled: no epoch field.
    assert!(!String::from_utf8_lossy(&b.body).contains("epoch"));
}

#[test]
fn a_new_epoch_numbers_again_and_resends_what_was_in_flight() {
    let s = Store::temporary().unwrap();
    let first = s.ensure_epoch(Beginning::First, now()).unwrap();
    s.import(
        &moh(),
        at(d(2023, 6, 1), (1..=3).map(|i| status(i, 10)).collect()),
    )
    .unwrap();
    let b1 = next_batch(&s);
    assert!(s.outbox_acknowledge(&ack_of(&b1)).unwrap());
    s.import(&moh(), at(d(2023, 6, 2), vec![status(4, 10)]))
        .unwrap();
    let b2 = next_batch(&s);
    assert_eq!(b2.seq, 2);

    let later = now() + chrono::Duration::minutes(5);
    let second = s.begin_new_epoch(later).unwrap();
    assert_ne!(second.id, first.id);
    assert!(second.floor >= revision_floor(later));
    // The batch in flight is cut again, numbered 1 in the new epoch, with the same record.
    let again = next_batch(&s);
    assert_eq!((again.epoch.as_str(), again.seq), (second.id.as_str(), 1));
    assert_eq!(again.positions, b2.positions);
    // An answer for the old epoch's batch 1 is not an answer for this one.
    let stale = BatchAck {
        epoch: first.id.clone(),
        ..ack_of(&again)
    };
    assert!(!s.outbox_acknowledge(&stale).unwrap());
    assert!(s.outbox_acknowledge(&ack_of(&again)).unwrap());
    assert_eq!(s.outbox_counts().unwrap().waiting, 0);
    // A third epoch, even at the same moment, floors above the second.
    assert!(s.begin_new_epoch(later).unwrap().floor > second.floor);
}

/// The progress values of the statuses `b` carries, in order.
fn progress_of(b: &InflightBatch) -> Vec<u8> {
    let batch: crate::wire::Batch = serde_json::from_slice(&b.body).unwrap();
    batch
        .records
        .iter()
        .map(|e| match &e.record {
            Record::DecisionStatus(s) => s.progress,
            other => panic!("not a status: {other:?}"),
        })
        .collect()
}

#[test]
fn batches_take_segments_whole_or_their_first_records_and_answers_keep_the_rest_in_order() {
    let s = Store::temporary().unwrap();
    // Two imports: two segments, of 10 records (items 1–10) and of 4 (items 11–14).
    s.import(
        &moh(),
        at(
            d(2023, 6, 1),
            (1..=10).map(|i| status(i, i as u8)).collect(),
        ),
    )
    .unwrap();
    s.import(
        &moh(),
        at(
            d(2023, 6, 1),
            (11..=14).map(|i| status(i, i as u8)).collect(),
        ),
    )
    .unwrap();
    assert_eq!(s.outbox_counts().unwrap().waiting, 14);
    let cut = |limit| {
        s.outbox_next_batch(&moh(), "agent", limit, now())
            .unwrap()
            .unwrap()
    };
    // The first 3 of the first segment.
    let b = cut(3);
    assert_eq!(progress_of(&b), [1, 2, 3]);
    assert_eq!(
        (b.positions.as_slice(), b.split),
        (
            &[][..],
            Some(Split {
                position: 1,
                taken: 3
            })
        )
    );
    // Unanswered, the same batch, whatever the limit.
    assert_eq!(cut(100), b);
    assert!(s.outbox_acknowledge(&ack_of(&b)).unwrap());
    assert_eq!(s.outbox_counts().unwrap().waiting, 11);
    // The rest of the first segment, whole, and the first of the second.
    let b = cut(8);
    assert_eq!(progress_of(&b), [4, 5, 6, 7, 8, 9, 10, 11]);
    assert_eq!(
        (b.positions.as_slice(), b.split),
        (
            &[1][..],
            Some(Split {
                position: 2,
                taken: 1
            })
        )
    );
    // An answer for another batch changes nothing.
    let mut other = ack_of(&b);
    other.seq += 1;
    assert!(!s.outbox_acknowledge(&other).unwrap());
    assert_eq!(s.outbox_counts().unwrap().waiting, 11);
    assert!(s.outbox_acknowledge(&ack_of(&b)).unwrap());
    let b = cut(100);
    assert_eq!(progress_of(&b), [12, 13, 14]);
    assert_eq!((b.positions.as_slice(), b.split), (&[2][..], None));
    assert!(s.outbox_acknowledge(&ack_of(&b)).unwrap());
    assert_eq!(s.outbox_counts().unwrap().waiting, 0);
    assert_eq!(
        s.outbox_next_batch(&moh(), "agent", 100, now()).unwrap(),
        None
    );
}

#[test]
fn a_batch_carries_records_queued_one_by_one_by_format_1_then_segments() {
    let s = Store::temporary().unwrap();
    // What format 1 queued: a record alone under its 8-byte position.
    for i in 1..=3u16 {
        let env = RecordEnvelope {
            center: moh(),
            as_of: d(2023, 6, 1),
            revision: 1,
            record: status(i, i as u8),
        };
        s.outbox
            .insert(
                u64::from(i).to_be_bytes(),
                serde_json::to_vec(&env).unwrap(),
            )
            .unwrap();
    }
    s.meta
        .insert(outbox::NEXT_OUTBOX, &3u64.to_be_bytes())
        .unwrap();
    s.import(
        &moh(),
        at(d(2023, 6, 1), (4..=6).map(|i| status(i, i as u8)).collect()),
    )
    .unwrap();
    assert_eq!(s.outbox_counts().unwrap().waiting, 6);
    let b = s
        .outbox_next_batch(&moh(), "agent", 4, now())
        .unwrap()
        .unwrap();
    assert_eq!(progress_of(&b), [1, 2, 3, 4]);
    assert_eq!(
        (b.positions.as_slice(), b.split),
        (
            &[1, 2, 3][..],
            Some(Split {
                position: 4,
                taken: 1
            })
        )
    );
    assert!(s.outbox_acknowledge(&ack_of(&b)).unwrap());
    let b = s
        .outbox_next_batch(&moh(), "agent", 4, now())
        .unwrap()
        .unwrap();
    assert_eq!(progress_of(&b), [5, 6]);
}

#[test]
fn the_history_holds_what_was_replaced_and_reads_with_the_current_revision() {
    let s = Store::temporary().unwrap();
    for progress in [10, 20, 30] {
        s.import(&moh(), at(d(2023, 6, 1), vec![status(1, progress)]))
            .unwrap();
    }
    let key = status(1, 0).key(&moh());
    // Two entries in `history`: revisions 1 and 2; the third is the current record.
    assert_eq!(s.history.len(), 2);
    let all = s.history(&key).unwrap();
    assert_eq!(
        all.iter().map(|e| e.revision).collect::<Vec<_>>(),
        [1, 2, 3]
    );
    assert_eq!(all.last(), s.current(&key).unwrap().as_ref());
    assert_eq!(s.first_revision(&key).unwrap().unwrap().revision, 1);
    // A record never revised: its one revision is the current one.
    s.import(&moh(), at(d(2023, 6, 1), vec![status(2, 5)]))
        .unwrap();
    let once = status(2, 0).key(&moh());
    assert_eq!(s.history(&once).unwrap().len(), 1);
    assert_eq!(s.first_revision(&once).unwrap().unwrap().revision, 1);
    // A format-1 store also kept the current revision in `history`: read once.
    let current = s.current(&once).unwrap().unwrap();
    s.history
        .insert(history_key(&once, 1), serde_json::to_vec(&current).unwrap())
        .unwrap();
    assert_eq!(s.history(&once).unwrap(), vec![current]);
}

#[test]
fn a_batch_in_flight_keeps_its_body_as_text_and_reads_one_kept_as_bytes() {
    let s = Store::temporary().unwrap();
    s.import(&moh(), at(d(2023, 6, 1), vec![status(1, 10)]))
        .unwrap();
    let b = next_batch(&s);
    let stored = serde_json::to_value(&b).unwrap();
    assert_eq!(
        stored["body"].as_str().unwrap().as_bytes(),
        b.body.as_slice()
    );
    // As format 1 kept it: an array of byte values.
    let mut old = stored.clone();
    old["body"] =
        serde_json::to_value(b.body.iter().map(|&x| u64::from(x)).collect::<Vec<_>>()).unwrap();
    let read: InflightBatch = serde_json::from_value(old).unwrap();
    assert_eq!(read, b);
}
