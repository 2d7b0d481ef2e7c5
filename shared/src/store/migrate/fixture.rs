//! The stores of `shared/tests/fixtures/store-format-1/`: what the release before the compact
//! encoding wrote (format 1, every value JSON), with a dump of every tree beside each, and the
//! code that made them (run at commit 3537c3d, where the store wrote format 1):
//!
//! ```sh
//! RASID_WRITE_STORE_FIXTURE=1 cargo test -p rasid-shared --lib store::migrate -- --ignored
//! ```
//!
//! Run again at a later commit it would write that commit's format: the committed fixture is the
//! one to migrate from, and is not to be made again.

use super::super::Store;
use crate::demo;
use crate::model::{CenterCode, RecordEnvelope, RecordKey};
use crate::store::Beginning;
use crate::wire::{BatchAck, Rejection};
use chrono::{TimeZone, Utc};
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(super) fn fixture_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/store-format-1")
}

/// Every tree of `store` as JSON: tree → [key as hex, value]. A value that is JSON is given as
/// that JSON; another (a counter's 8 bytes) as `{"raw": hex}`. Read with the codec of the code
/// running, so the dump of a migrated store compares with the dump of the store before.
pub(super) fn dump(store: &Store) -> Value {
    let mut out = BTreeMap::new();
    for name in super::TREES {
        let tree = store.db.open_tree(name).expect("opening a tree");
        let mut entries = Vec::new();
        for item in tree.iter() {
            let (k, v) = item.expect("reading a tree");
            let value = match super::super::decode::<Value>("dump", "", &v) {
                Ok(value) => value,
                Err(_) => json!({ "raw": hex(&v) }),
            };
            entries.push(json!([hex(&k), value]));
        }
        out.insert(name.to_string(), Value::Array(entries));
    }
    serde_json::to_value(out).expect("a map of JSON values")
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn records_of(data: &[RecordEnvelope], center: &str, n: usize) -> Vec<RecordEnvelope> {
    data.iter()
        .filter(|e| e.center.as_str() == center)
        .take(n)
        .cloned()
        .collect()
}

/// An agent's store: two imports (the second changing some records), a batch acknowledged with a rejection, another in flight.
fn agent_store(dir: &Path) {
    let data = demo::generate();
    let center = CenterCode::new("MOH").expect("a center code");
    let s = Store::open(dir).expect("opening");
    let now = Utc.with_ymd_and_hms(2026, 12, 5, 8, 0, 0).unwrap();
    s.ensure_epoch(Beginning::First, now).expect("epoch");
    let earlier = records_of(&data.earlier, "MOH", 40);
    let current = records_of(&data.records, "MOH", 120);
    s.import(
        &center,
        earlier
            .iter()
            .map(|e| (e.as_of, e.record.clone()))
            .collect(),
    )
    .expect("first import");
    let batch = s
        .outbox_next_batch(&center, "k-moh", 25, now)
        .expect("a batch")
        .expect("records waiting");
    let refused: RecordKey = earlier[3].key();
    let ack = BatchAck {
        center: center.clone(),
        agent: "k-moh".into(),
        epoch: batch.epoch.clone(),
        seq: batch.seq,
        digest: Some("ab".repeat(32)),
        replay: false,
        accepted: earlier[..25]
            .iter()
            .map(RecordEnvelope::key)
            .filter(|k| *k != refused)
            .collect(),
        duplicates: vec![],
        rejected: vec![Rejection {
            key: refused,
            reason: "قرار غير مسند إلى هذا المركز".into(),
            problems: vec![],
        }],
    };
    assert!(s.outbox_acknowledge(&ack).expect("acknowledging"));
    // The refused record is not in the second file: its rejection stays for the clerk.
    s.import(
        &center,
        current
            .iter()
            .filter(|e| e.key() != ack.rejected[0].key)
            .map(|e| (e.as_of, e.record.clone()))
            .collect(),
    )
    .expect("second import");
    s.outbox_next_batch(&center, "k-moh", 30, now)
        .expect("a batch")
        .expect("records waiting");
    s.flush().expect("flushing");
}

/// A relaying collector's store: batches from two centers with their answers (duplicates and a
/// rejection among them), the relayed records queued in its outbox.
fn collector_store(dir: &Path) {
    let data = demo::generate();
    let s = Store::open(dir).expect("opening");
    let all = data.all_revisions();
    for (n, center) in ["MOH", "MOE", "GSC"].iter().enumerate() {
        let envs = records_of(&all, center, 60);
        let (accepted, refused) = envs.split_at(envs.len() - 1);
        let code = CenterCode::new(center).expect("a center code");
        let ack = BatchAck {
            center: code,
            agent: format!("k-{n}"),
            epoch: "0a1b2c3d4e5f".into(),
            seq: 1,
            digest: Some(format!("{n}").repeat(64)),
            replay: false,
            accepted: accepted.iter().map(RecordEnvelope::key).collect(),
            duplicates: accepted.iter().take(2).map(RecordEnvelope::key).collect(),
            rejected: refused
                .iter()
                .map(|e| Rejection {
                    key: e.key(),
                    reason: "تاريخ بعد اليوم".into(),
                    problems: vec![],
                })
                .collect(),
        };
        let id = format!("{center}/k-{n}/0a1b2c3d4e5f/1");
        if n == 1 {
            s.commit_batch_relayed(&id, accepted, &ack)
                .expect("relayed");
        } else {
            s.commit_batch(&id, accepted, &ack).expect("committed");
        }
    }
    s.flush().expect("flushing");
}

#[test]
#[ignore = "writes the committed fixture; see the module's documentation"]
fn write_format_1_fixture() {
    if std::env::var_os("RASID_WRITE_STORE_FIXTURE").is_none() {
        return;
    }
    let root = fixture_dir();
    for (name, make) in [
        ("agent", agent_store as fn(&Path)),
        ("collector", collector_store),
    ] {
        let dir = root.join(name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("creating the fixture's folder");
        make(&dir);
        let s = Store::open(&dir).expect("opening again");
        let dumped = serde_json::to_string_pretty(&dump(&s)).expect("JSON");
        drop(s);
        std::thread::sleep(std::time::Duration::from_millis(500));
        std::fs::remove_file(dir.join(super::super::disk::RESERVE_FILE)).ok();
        std::fs::write(root.join(format!("{name}.json")), dumped + "\n").expect("writing the dump");
    }
}
