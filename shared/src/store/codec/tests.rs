use super::*;
use crate::demo;
use crate::model::{Record, RecordEnvelope};
use crate::store::RejectedRecord;
use crate::wire::{BatchAck, Rejection};
use sha2::{Digest, Sha256};

/// Dictionary 1's SHA-256: every store written since format 2 depends on its bytes.
const DICTIONARY_1_SHA256: &str =
    "626f77d40fc1f9062aed9a8b434226e502dec4c771212f4d592d656f1fc79a58";

fn json_samples() -> Vec<Vec<u8>> {
    let data = demo::generate();
    let mut samples: Vec<Vec<u8>> = data
        .all_revisions()
        .iter()
        .map(|e| serde_json::to_vec(e).unwrap())
        .collect();
    for (n, chunk) in data.records.chunks(7).enumerate() {
        let ack = BatchAck {
            center: chunk[0].center.clone(),
            agent: format!("agent-{n}"),
            epoch: format!("{:012x}", n * 7919),
            seq: n as u64 + 1,
            digest: Some(format!("{:064x}", n * 104_729)),
            replay: false,
            accepted: chunk.iter().skip(1).map(RecordEnvelope::key).collect(),
            duplicates: vec![],
            rejected: vec![Rejection {
                key: chunk[0].key(),
                reason: format!("decision {} is not assigned to {}", n, chunk[0].center),
                problems: vec![],
            }],
        };
        samples.push(serde_json::to_vec(&ack).unwrap());
        let rejected = RejectedRecord {
            envelope: chunk[0].clone(),
            rejection: ack.rejected[0].clone(),
        };
        samples.push(serde_json::to_vec(&rejected).unwrap());
    }
    samples
}

/// Writes `dictionary-1.zdict`. Done once, when format 2 was made; never again (see
/// [`DICTIONARY_1`]): `RASID_WRITE_STORE_DICTIONARY=1 cargo test -p rasid-shared --lib
/// store::codec -- --ignored`.
#[test]
#[ignore = "writes the committed dictionary, which must never change"]
fn write_dictionary() {
    if std::env::var_os("RASID_WRITE_STORE_DICTIONARY").is_none() {
        return;
    }
    let dict = zstd::dict::from_samples(&json_samples(), 16 * 1024).unwrap();
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/dictionary-1.zdict");
    std::fs::write(path, dict).unwrap();
}

#[test]
fn the_dictionary_is_the_one_stores_were_written_with() {
    let digest: String = Sha256::digest(DICTIONARY_1)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(digest, DICTIONARY_1_SHA256);
}

#[test]
fn every_demo_record_reads_back_as_it_was_and_takes_a_fraction_of_its_json() {
    let data = demo::generate();
    let (mut json_bytes, mut compact_bytes) = (0, 0);
    for env in data.all_revisions() {
        let stored = encode(&env);
        assert!(is_compact(&stored));
        assert_eq!(decode::<RecordEnvelope>(&stored).unwrap(), env);
        json_bytes += serde_json::to_vec(&env).unwrap().len();
        compact_bytes += stored.len();
    }
    assert!(
        compact_bytes * 3 < json_bytes,
        "{compact_bytes} compact bytes against {json_bytes} of JSON"
    );
}

#[test]
fn a_budget_line_is_kept_in_under_a_third_of_its_json() {
    let data = demo::generate();
    let line = data
        .records
        .iter()
        .find(|e| matches!(e.record, Record::Budget(_)))
        .unwrap();
    let json = serde_json::to_vec(line).unwrap();
    let stored = encode(line);
    assert!(
        stored.len() * 3 < json.len(),
        "{} of {}",
        stored.len(),
        json.len()
    );
}

#[test]
fn json_written_by_format_1_reads_as_ever() {
    let data = demo::generate();
    let env = &data.records[10];
    let json = serde_json::to_vec(env).unwrap();
    assert!(!is_compact(&json));
    assert_eq!(&decode::<RecordEnvelope>(&json).unwrap(), env);
    assert_eq!(json_of(&json).unwrap().as_ref(), json.as_slice());
}

#[test]
fn a_damaged_compact_value_is_an_error_not_a_panic() {
    let stored = encode(&demo::generate().records[0]);
    // Cut short, bytes flipped, a size claimed beyond the bound, nothing after the tag.
    let mut cases = vec![stored[..stored.len() / 2].to_vec(), vec![COMPACT_1]];
    let mut flipped = stored.clone();
    for b in flipped.iter_mut().skip(6) {
        *b ^= 0x5A;
    }
    cases.push(flipped);
    // A frame header claiming 2^40 bytes (single segment, 8-byte size).
    let mut huge = vec![COMPACT_1, 0xE0];
    huge.extend_from_slice(&(1u64 << 40).to_le_bytes());
    cases.push(huge);
    for case in cases {
        assert!(decode::<RecordEnvelope>(&case).is_err(), "{case:?}");
    }
}

#[test]
fn a_value_compresses_the_same_on_every_thread() {
    let env = demo::generate().records[3].clone();
    let here = encode(&env);
    let there = std::thread::spawn(move || encode(&env)).join().unwrap();
    assert_eq!(here, there);
}
