use super::fixture::{dump, fixture_dir};
use super::*;
use crate::model::CenterCode;
use crate::store::codec::is_compact;
use crate::store::tests::reopen;
use chrono::{TimeZone, Utc};
use serde_json::Value;
use std::path::Path;

/// A copy of the fixture store `name` in a temporary folder.
fn copy_of(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let from = fixture_dir().join(name);
    for entry in std::fs::read_dir(&from).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_file() {
            std::fs::copy(entry.path(), dir.path().join(entry.file_name())).unwrap();
        }
    }
    dir
}

fn expected(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture_dir().join(format!("{name}.json"))).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// `dump` without the format's own entry, which format 1 did not have.
fn dump_without_format(store: &Store) -> Value {
    let mut d = dump(store);
    let format_key: String = FORMAT.bytes().map(|b| format!("{b:02x}")).collect();
    if let Some(Value::Array(meta)) = d.get_mut("meta") {
        meta.retain(|e| e[0] != Value::String(format_key.clone()));
    }
    d
}

/// Every value of every tree is compact but the outbox's counter.
fn assert_all_compact(store: &Store) {
    for name in TREES {
        for item in store.db.open_tree(name).unwrap().iter() {
            let (k, v) = item.unwrap();
            let counter = name == "meta" && k.as_ref() == outbox::NEXT_OUTBOX.as_bytes();
            assert_eq!(
                is_compact(&v),
                !counter,
                "{name} {:?}",
                String::from_utf8_lossy(&k)
            );
        }
    }
}

fn open_with(dir: &Path, fault: Fault<'_>) -> Store {
    let db = sled::Config::new().path(dir).open().unwrap();
    Store::from_db_migrating(db, fault).unwrap()
}

fn close(store: Store) {
    store.flush().unwrap();
    drop(store);
}

#[test]
fn the_fixture_stores_are_format_1_and_every_entry_is_as_dumped() {
    for name in ["agent", "collector"] {
        let dir = copy_of(name);
        let db = sled::Config::new().path(dir.path()).open().unwrap();
        // Read before any migration: sled alone.
        let tree = db.open_tree("records").unwrap();
        let (_, v) = tree.iter().next().unwrap().unwrap();
        assert!(!is_compact(&v) && v.starts_with(b"{"), "{name}");
        assert!(db.open_tree("meta").unwrap().get(FORMAT).unwrap().is_none());
    }
}

#[test]
fn a_store_of_the_previous_release_opens_migrated_with_every_entry_kept() {
    for name in ["agent", "collector"] {
        let dir = copy_of(name);
        let store = Store::open(dir.path()).unwrap();
        assert_eq!(store.format().unwrap(), CURRENT_FORMAT);
        assert_eq!(dump_without_format(&store), expected(name), "{name}");
        assert_all_compact(&store);
        assert!(store.check().unwrap().is_empty());
        close(store);
        // And again after a reopening: nothing left to do, nothing changed.
        let store = reopen(dir.path());
        assert_eq!(dump_without_format(&store), expected(name), "{name}");
    }
}

#[test]
fn the_migrated_agent_store_carries_on_where_it_was() {
    let dir = copy_of("agent");
    let store = Store::open(dir.path()).unwrap();
    let d = expected("agent");
    let center = CenterCode::new("MOH").unwrap();
    // The batch in flight is sent again byte for byte, then the next one is cut.
    let inflight_key: String = outbox::INFLIGHT
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect();
    let inflight = d["meta"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e[0] == Value::String(inflight_key.clone()))
        .unwrap()[1]
        .clone();
    let now = Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap();
    let batch = store
        .outbox_next_batch(&center, "k-moh", 30, now)
        .unwrap()
        .unwrap();
    // Format 1 kept the body as an array of byte values: the same bytes.
    let body: Vec<u8> = serde_json::from_value(inflight["body"].clone()).unwrap();
    assert_eq!(batch.body, body);
    assert_eq!(
        (batch.seq, batch.epoch.as_str(), batch.records),
        (
            inflight["seq"].as_u64().unwrap(),
            inflight["epoch"].as_str().unwrap(),
            inflight["records"].as_u64().unwrap() as usize
        )
    );
    assert_eq!(
        serde_json::to_value(&batch.positions).unwrap(),
        inflight["positions"]
    );
    let counts = store.outbox_counts().unwrap();
    assert_eq!(counts.waiting, d["outbox"].as_array().unwrap().len());
    assert_eq!(store.rejected().unwrap().len(), 1);
    assert_eq!(store.record_count(), d["records"].as_array().unwrap().len());
    // A new import after the migration is stored compact beside the migrated entries.
    let again: Vec<_> = store
        .records()
        .take(3)
        .map(|e| {
            let mut e = e.unwrap();
            if let crate::model::Record::DecisionStatus(s) = &mut e.record {
                s.note.push_str(" (after the upgrade)");
            }
            (e.as_of, e.record)
        })
        .collect();
    store.import(&center, again).unwrap();
    assert_all_compact(&store);
}

#[test]
fn the_migrated_collector_store_answers_its_batches_as_before() {
    let dir = copy_of("collector");
    let store = Store::open(dir.path()).unwrap();
    let d = expected("collector");
    for entry in d["seen"].as_array().unwrap() {
        let id = String::from_utf8(
            (0..entry[0].as_str().unwrap().len())
                .step_by(2)
                .map(|i| u8::from_str_radix(&entry[0].as_str().unwrap()[i..i + 2], 16).unwrap())
                .collect(),
        )
        .unwrap();
        let ack = store.seen_batch(&id).unwrap().unwrap();
        assert_eq!(serde_json::to_value(&ack).unwrap(), entry[1], "{id}");
    }
    for env in store.records() {
        let env = env.unwrap();
        let history = store.history(&env.key()).unwrap();
        assert_eq!(history.last(), Some(&env));
    }
}

#[test]
fn a_migration_stopped_at_any_chunk_loses_nothing_and_the_next_opening_finishes_it() {
    // The agent's fixture is migrated in 6 chunks: one per tree that holds anything (all but
    // `seen`), each under 1,000 entries.
    for stop in 0..6 {
        let dir = copy_of("agent");
        let store = open_with(dir.path(), &|chunk| {
            if chunk == stop {
                Err(StoreError::DiskFull)
            } else {
                Ok(())
            }
        });
        // Half migrated: still format 1, and every entry reads as it was.
        assert_eq!(store.format().unwrap(), 1, "stopped at {stop}");
        assert_eq!(
            dump_without_format(&store),
            expected("agent"),
            "stopped at {stop}"
        );
        close(store);
        let store = reopen(dir.path());
        assert_eq!(store.format().unwrap(), CURRENT_FORMAT);
        assert_eq!(
            dump_without_format(&store),
            expected("agent"),
            "stopped at {stop}"
        );
        assert_all_compact(&store);
    }
}

#[test]
fn a_process_killed_while_migrating_leaves_a_store_the_next_opening_finishes() {
    // As a kill leaves it: two chunks written, then the store closed without the migration's
    // last flush and without its format.
    let dir = copy_of("collector");
    let store = open_with(dir.path(), &|chunk| {
        if chunk == 2 {
            Err(StoreError::Sled("killed".into()))
        } else {
            Ok(())
        }
    });
    drop(store);
    let store = reopen(dir.path());
    assert_eq!(dump_without_format(&store), expected("collector"));
    assert_all_compact(&store);
}

#[test]
fn an_empty_store_is_made_at_the_current_format_and_a_newer_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path()).unwrap();
    assert_eq!(store.format().unwrap(), CURRENT_FORMAT);
    store.set_meta(FORMAT, &(CURRENT_FORMAT + 1)).unwrap();
    close(store);
    let err = loop {
        match Store::open(dir.path()) {
            // Not yet let go of by the store just closed.
            Err(StoreError::Open { .. } | StoreError::InUse { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(20))
            }
            Err(e) => break e,
            Ok(_) => panic!("a store of a newer format was opened"),
        }
    };
    assert!(
        matches!(err, StoreError::Newer { found: 3, known: 2 }),
        "{err}"
    );
    assert!(err.to_string().contains("newer release"), "{err}");
}
