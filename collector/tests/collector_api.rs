//! The collector's HTTP API, end to end: real collectors on 127.0.0.1 (port 0, temp dirs) where
//! the network matters, the router through `oneshot` where it does not.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use chrono::{SecondsFormat, Utc};
use rasid_collector::demo::{DEMO_WALL, demo_key, demo_registry, demo_wall_key};
use rasid_collector::registry::Registry;
use rasid_collector::{
    self as collector, Collector, CollectorOptions, RegistrySource, RouterOptions, TlsFiles,
};
use rasid_shared::board::{
    BoardContext, BoardFilter, BoardName, BoardView, ClassifyBy, Dataset, KpiThresholds,
    build_board,
};
use rasid_shared::demo::{self, DemoData};
use rasid_shared::model::*;
use rasid_shared::sign::KeyPair;
use rasid_shared::store::Store;
use rasid_shared::wire::{
    self, AssignmentList, Batch, BatchAck, ErrorBody, MAX_BATCH_BYTES, PROTOCOL_VERSION,
};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).unwrap()
}

fn demo_reg(data: &DemoData) -> Registry {
    collector::registry_from(&demo_registry(data)).unwrap()
}

/// A batch from `center`, numbered `seq`, named for `center`'s demo key.
fn batch(center: &str, seq: u64, records: Vec<RecordEnvelope>) -> Batch {
    Batch {
        version: PROTOCOL_VERSION,
        center: code(center),
        agent: demo_key(&code(center)).key_id(),
        epoch: String::new(),
        seq,
        created: Utc::now(),
        records,
    }
}

/// The demo records as batches, one series per center, the secretariat's first (statuses need
/// their decisions), at most 2,000 records each.
fn demo_batches(data: &DemoData) -> Vec<Batch> {
    let mut per: BTreeMap<(bool, CenterCode), Vec<RecordEnvelope>> = BTreeMap::new();
    for e in &data.records {
        per.entry((e.center.as_str() != demo::SECRETARIAT, e.center.clone()))
            .or_default()
            .push(e.clone());
    }
    let mut out = Vec::new();
    for ((_, center), records) in per {
        for (i, chunk) in records.chunks(2000).enumerate() {
            out.push(batch(center.as_str(), i as u64 + 1, chunk.to_vec()));
        }
    }
    out
}

/// Loads the demo dataset through the core, as the kiosk demo does; every record is accepted.
fn preload(c: &Collector, data: &DemoData) {
    for b in demo_batches(data) {
        let center = b.center.clone();
        let ack = c.ingest(&center, b).unwrap();
        assert!(
            ack.rejected.is_empty(),
            "demo records rejected: {:?}",
            &ack.rejected[..ack.rejected.len().min(3)]
        );
    }
    assert_eq!(c.record_count(), data.records.len());
}

fn status(decision: DecisionNumber, s: ExecutionStatus, progress: u8) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision,
        status: s,
        progress,
        note: String::new(),
        follow_ups: vec![],
    })
}

fn env(center: &str, revision: u64, record: Record) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of: demo::demo_today(),
        revision,
        record,
    }
}

/// A non-routine demo decision assigned to `center`, and one not assigned to it.
fn decisions_for(data: &DemoData, center: &str) -> (Decision, Decision) {
    let c = code(center);
    let mut assigned = None;
    let mut other = None;
    for e in &data.records {
        if let Record::Decision(d) = &e.record {
            if d.centers.contains(&c) && !d.routine {
                assigned.get_or_insert_with(|| d.clone());
            } else if !d.centers.contains(&c) {
                other.get_or_insert_with(|| d.clone());
            }
        }
    }
    (assigned.unwrap(), other.unwrap())
}

fn ctx() -> BoardContext {
    BoardContext {
        today: demo::demo_today(),
        kpi: KpiThresholds::default(),
    }
}

// ---------- oneshot helpers ----------

struct Fixture {
    data: DemoData,
    collector: Arc<Collector>,
    app: axum::Router,
}

fn fixture() -> Fixture {
    let data = demo::generate();
    let c = Arc::new(
        Collector::open(
            Store::temporary().unwrap(),
            demo_reg(&data),
            Some(demo::demo_today()),
            false,
        )
        .unwrap(),
    );
    preload(&c, &data);
    let app = collector::router(c.clone(), RouterOptions::new());
    Fixture {
        data,
        collector: c,
        app,
    }
}

/// A signed POST of `body` as `center` with `key`.
fn post(center: &str, key: &KeyPair, body: Vec<u8>) -> Request<Body> {
    Request::post("/v1/batches")
        .header(wire::HEADER_CENTER, center)
        .header(wire::HEADER_SIGNATURE, key.sign(&body))
        .header("content-type", "application/json")
        .body(Body::from(body))
        .unwrap()
}

fn post_batch(b: &Batch) -> Request<Body> {
    let key = demo_key(&b.center);
    post(b.center.as_str(), &key, serde_json::to_vec(b).unwrap())
}

/// A GET of `uri` signed as the demo wall, registered in every registry of these tests.
fn wall_get(uri: &str) -> Request<Body> {
    let mut req = Request::get(uri);
    for (name, value) in
        wire::signed_read_headers(DEMO_WALL, &demo_wall_key(), "GET", uri, Utc::now())
    {
        req = req.header(name, value);
    }
    req.body(Body::empty()).unwrap()
}

async fn call(app: &axum::Router, req: Request<Body>) -> (StatusCode, Vec<u8>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let bytes = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, bytes.to_vec())
}

async fn refused(app: &axum::Router, req: Request<Body>) -> (StatusCode, ErrorBody) {
    let (status, body) = call(app, req).await;
    let err: ErrorBody = serde_json::from_slice(&body)
        .unwrap_or_else(|e| panic!("not an ErrorBody ({e}): {}", String::from_utf8_lossy(&body)));
    (status, err)
}

async fn acked(app: &axum::Router, req: Request<Body>) -> BatchAck {
    let (status, body) = call(app, req).await;
    assert_eq!(status, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    serde_json::from_slice(&body).unwrap()
}

/// Every board's JSON as served, without filter.
async fn all_boards(app: &axum::Router) -> BTreeMap<BoardName, Value> {
    let mut out = BTreeMap::new();
    for name in BoardName::ALL
        .into_iter()
        .filter(|n| *n != BoardName::Reporting)
    {
        let (status, body) = call(app, wall_get(&format!("/v1/boards/{name}"))).await;
        assert_eq!(status, StatusCode::OK);
        out.insert(name, serde_json::from_slice(&body).unwrap());
    }
    out
}

#[tokio::test]
async fn every_refused_batch_says_why_with_its_status_and_changes_no_board() {
    let f = fixture();
    let before = all_boards(&f.app).await;
    let version = f.collector.version();
    let moh_key = demo_key(&code("MOH"));
    let (mine, not_mine) = decisions_for(&f.data, "MOH");
    let good = batch(
        "MOH",
        900,
        vec![env(
            "MOH",
            9,
            status(mine.number, ExecutionStatus::Executed, 100),
        )],
    );
    let body = serde_json::to_vec(&good).unwrap();

    // Forged: signed by a key that is not MOH's.
    let (s, e) = refused(
        &f.app,
        post("MOH", &KeyPair::from_seed([9; 32]), body.clone()),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::UNAUTHORIZED, "bad-signature")
    );
    // Tampered after signing.
    let mut req = post("MOH", &moh_key, body.clone());
    *req.body_mut() = Body::from(
        String::from_utf8(body.clone())
            .unwrap()
            .replace("executed", "blocked"),
    );
    let (s, e) = refused(&f.app, req).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::UNAUTHORIZED, "bad-signature")
    );
    // Unknown center.
    let (s, e) = refused(&f.app, post("XYZ", &moh_key, body.clone())).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::UNAUTHORIZED, "unknown-center")
    );
    assert!(e.message.contains("XYZ"), "{}", e.message);
    // No signature at all.
    let req = Request::post("/v1/batches")
        .header(wire::HEADER_CENTER, "MOH")
        .body(Body::from(body.clone()))
        .unwrap();
    let (s, e) = refused(&f.app, req).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::UNAUTHORIZED, "missing-signature")
    );
    // A center writing as another: MOH's key, MOF's batch.
    let forged = Batch {
        center: code("MOF"),
        ..good.clone()
    };
    let (s, e) = refused(
        &f.app,
        post("MOH", &moh_key, serde_json::to_vec(&forged).unwrap()),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::FORBIDDEN, "center-mismatch")
    );
    assert!(
        e.message.contains("may not write as another"),
        "{}",
        e.message
    );
    // The agent field must be the signing key's id.
    let other_agent = Batch {
        agent: "someone-else".into(),
        ..good.clone()
    };
    let (s, e) = refused(
        &f.app,
        post("MOH", &moh_key, serde_json::to_vec(&other_agent).unwrap()),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::FORBIDDEN, "agent-mismatch")
    );
    // Too large.
    let huge = vec![b' '; MAX_BATCH_BYTES + 1];
    let (s, e) = refused(&f.app, post("MOH", &moh_key, huge)).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::PAYLOAD_TOO_LARGE, "too-large")
    );
    // Malformed JSON: serde's line and column.
    let (s, e) = refused(
        &f.app,
        post(
            "MOH",
            &moh_key,
            b"{\"version\": 1,\n \"center\": }".to_vec(),
        ),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "malformed")
    );
    assert!(e.message.contains("line 2 column"), "{}", e.message);
    // A version this collector does not know, even with fields it cannot read.
    let future = serde_json::json!({ "version": 2, "center": "MOH", "shards": [] });
    let (s, e) = refused(
        &f.app,
        post("MOH", &moh_key, serde_json::to_vec(&future).unwrap()),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "unsupported-version")
    );
    let v2 = Batch {
        version: 2,
        ..good.clone()
    };
    let (s, e) = refused(
        &f.app,
        post("MOH", &moh_key, serde_json::to_vec(&v2).unwrap()),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "unsupported-version")
    );

    // Record by record: the batch is answered, each bad record rejected with a plain reason.
    let mut invalid_status = status(mine.number, ExecutionStatus::InProgress, 150);
    if let Record::DecisionStatus(s) = &mut invalid_status {
        s.note = "x".repeat(3000);
    }
    let fake_decision = Record::Decision(Decision {
        number: DecisionNumber::new(18, 236, 99),
        ..mine.clone()
    });
    let unknown = DecisionNumber::new(18, 999, 1);
    let b = batch(
        "MOH",
        901,
        vec![
            env(
                "MOH",
                9,
                status(not_mine.number, ExecutionStatus::Executed, 100),
            ),
            env("MOH", 1, fake_decision),
            env("MOH", 9, invalid_status),
            env("MOH", 9, status(unknown, ExecutionStatus::Executed, 100)),
            env(
                "MOF",
                9,
                status(mine.number, ExecutionStatus::Executed, 100),
            ),
        ],
    );
    let ack = acked(&f.app, post_batch(&b)).await;
    assert!(
        ack.accepted.is_empty() && ack.duplicates.is_empty(),
        "{ack:?}"
    );
    let reasons: Vec<&str> = ack.rejected.iter().map(|r| r.reason.as_str()).collect();
    assert_eq!(
        reasons[0],
        format!("decision {} is not assigned to MOH", not_mine.number)
    );
    assert!(
        reasons[1].contains("only the secretariat (GSC) may report decision records"),
        "{}",
        reasons[1]
    );
    assert!(
        reasons[2].starts_with("the record is not valid"),
        "{}",
        reasons[2]
    );
    let fields: Vec<&str> = ack.rejected[2]
        .problems
        .iter()
        .map(|p| p.field.as_str())
        .collect();
    assert!(fields.contains(&"progress"), "{fields:?}");
    assert_eq!(
        reasons[3],
        "decision 18/999/01 is not known to the collector; check the number"
    );
    assert!(
        reasons[4].contains("MOH cannot report for MOF"),
        "{}",
        reasons[4]
    );

    assert_eq!(
        all_boards(&f.app).await,
        before,
        "no refusal changes a board"
    );
    assert_eq!(f.collector.version(), version);
    let metrics = f.collector.render_metrics();
    for line in [
        "rasid_requests_refused_total{error=\"bad-signature\"} 2",
        "rasid_requests_refused_total{error=\"too-large\"} 1",
        "rasid_rejections_total{reason=\"not-assigned\"} 1",
        "rasid_rejections_total{reason=\"secretariat-only\"} 1",
        "rasid_rejections_total{reason=\"invalid\"} 1",
        "rasid_rejections_total{reason=\"unknown-decision\"} 1",
        "rasid_rejections_total{reason=\"outside-center\"} 1",
    ] {
        assert!(metrics.contains(line), "{line} missing in\n{metrics}");
    }
}

#[tokio::test]
async fn a_replayed_batch_gets_the_same_answer_and_counts_once() {
    let f = fixture();
    let (mine, _) = decisions_for(&f.data, "MOH");
    let b = batch(
        "MOH",
        77,
        vec![env(
            "MOH",
            5,
            status(mine.number, ExecutionStatus::Blocked, 10),
        )],
    );
    let first = acked(&f.app, post_batch(&b)).await;
    assert_eq!(first.accepted.len(), 1);
    assert!(!first.replay);
    let boards = all_boards(&f.app).await;
    let version = f.collector.version();
    let again = acked(&f.app, post_batch(&b)).await;
    assert!(again.replay);
    assert_eq!(
        BatchAck {
            replay: false,
            ..again
        },
        first
    );
    assert_eq!(all_boards(&f.app).await, boards);
    assert_eq!(f.collector.version(), version);
    // A new batch carrying the same revision is a duplicate, not a second count.
    let dup = acked(&f.app, post_batch(&batch("MOH", 78, b.records.clone()))).await;
    assert_eq!((dup.accepted.len(), dup.duplicates.len()), (0, 1));
    let m = f.collector.render_metrics();
    let records = f.data.records.len() + 1;
    assert!(
        m.contains(&format!("rasid_records_accepted_total {records}")),
        "{m}"
    );
    assert!(m.contains("rasid_batches_replayed_total 1"), "{m}");
    assert!(m.contains("rasid_records_duplicate_total 1"), "{m}");
}

#[tokio::test]
async fn a_batch_number_used_again_for_other_records_is_refused_and_an_epoch_numbers_anew() {
    let f = fixture();
    let (mine, _) = decisions_for(&f.data, "MOH");
    let rec = |progress| {
        env(
            "MOH",
            5,
            status(mine.number, ExecutionStatus::InProgress, progress),
        )
    };
    let first = batch("MOH", 3, vec![rec(10)]);
    assert_eq!(acked(&f.app, post_batch(&first)).await.accepted.len(), 1);
    let boards = all_boards(&f.app).await;
    // The same agent and number, other records: a rebuilt or restored store.
    let reused = batch("MOH", 3, vec![rec(60)]);
    let (status, err) = refused(&f.app, post_batch(&reused)).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(err.error, "batch-number-reused");
    assert!(err.message.contains("new numbering"), "{}", err.message);
    assert_eq!(all_boards(&f.app).await, boards);
    // The very same batch again is still a replay.
    assert!(acked(&f.app, post_batch(&first)).await.replay);
    // In a new epoch, number 3 is another batch; a higher revision supersedes.
    let blocked = self::status(mine.number, ExecutionStatus::Blocked, 60);
    let mut renumbered = batch("MOH", 3, vec![env("MOH", 6, blocked)]);
    renumbered.epoch = "a1b2c3".into();
    let ack = acked(&f.app, post_batch(&renumbered)).await;
    assert_eq!((ack.epoch.as_str(), ack.accepted.len()), ("a1b2c3", 1));
    assert!(
        all_boards(&f.app).await != boards,
        "the new revision changed no board"
    );
    // An epoch is letters and digits.
    let mut odd = batch("MOH", 4, vec![rec(70)]);
    odd.epoch = "../x".into();
    let (status, err) = refused(&f.app, post_batch(&odd)).await;
    assert_eq!(
        (status, err.error.as_str()),
        (StatusCode::BAD_REQUEST, "malformed")
    );
}

#[tokio::test]
async fn unknown_routes_boards_and_queries_are_json_errors() {
    let f = fixture();
    let get = wall_get;
    let (s, e) = refused(&f.app, get("/v2/nothing")).await;
    assert_eq!((s, e.error.as_str()), (StatusCode::NOT_FOUND, "not-found"));
    let (s, e) = refused(&f.app, get("/v1/boards/weather")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::NOT_FOUND, "unknown-board")
    );
    assert!(
        e.message.contains("decision-execution, centers"),
        "{}",
        e.message
    );
    let (s, e) = refused(&f.app, get("/v1/boards/budget?center=NOPE")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "bad-query")
    );
    let (s, e) = refused(
        &f.app,
        get("/v1/boards/budget?center=%D9%88%D8%B2%D8%A7%D8%B1%D8%A9"),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "bad-query")
    );
    let (s, e) = refused(&f.app, get("/v1/boards/budget?year=twenty")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "bad-query")
    );
    let (s, e) = refused(&f.app, get("/v1/boards/classification?by=ministry")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::BAD_REQUEST, "bad-query")
    );
    assert!(
        e.message.contains(
            "by='ministry' is not a classification field; use one of: sector, program, level, type"
        ),
        "{}",
        e.message
    );
    let (s, e) = refused(
        &f.app,
        Request::delete("/v1/boards").body(Body::empty()).unwrap(),
    )
    .await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::METHOD_NOT_ALLOWED, "method-not-allowed")
    );
    let (s, e) = refused(&f.app, get("/v1/screens/hall/config")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::NOT_FOUND, "no-screen-config")
    );
    // A filtered board is the same computation over the same records.
    let (s, body) = call(
        &f.app,
        get("/v1/boards/decision-execution?center=moh&year=2023"),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let filter = BoardFilter {
        center: Some(code("MOH")),
        year: Some(2023),
        period: None,
        by: None,
    };
    let expected = build_board(
        BoardName::DecisionExecution,
        &Dataset::from_envelopes(f.data.centers.clone(), f.data.records.clone()),
        &filter,
        &ctx(),
    );
    assert_eq!(
        serde_json::from_slice::<BoardView>(&body).unwrap(),
        expected
    );
    // `by` reaches the classification board (and its cache: sector and program differ).
    let dataset = Dataset::from_envelopes(f.data.centers.clone(), f.data.records.clone());
    for (query, by) in [
        ("", ClassifyBy::Sector),
        ("?by=program", ClassifyBy::Program),
    ] {
        let (s, body) = call(&f.app, get(&format!("/v1/boards/classification{query}"))).await;
        assert_eq!(s, StatusCode::OK, "{query}");
        let filter = BoardFilter {
            by: (!query.is_empty()).then_some(by),
            ..BoardFilter::default()
        };
        let expected = build_board(BoardName::Classification, &dataset, &filter, &ctx());
        let BoardView::Classification(served) = serde_json::from_slice::<BoardView>(&body).unwrap()
        else {
            panic!("{query}: not the classification board")
        };
        assert_eq!(served.by, by);
        assert_eq!(BoardView::Classification(served), expected, "{query}");
    }
}

/// A GET of `uri` with the given headers only.
fn get_with(uri: &str, headers: &[(&str, String)]) -> Request<Body> {
    let mut req = Request::get(uri);
    for (name, value) in headers {
        req = req.header(*name, value);
    }
    req.body(Body::empty()).unwrap()
}

#[tokio::test]
async fn only_a_registered_wall_reads_boards_the_stream_and_screens_with_a_fresh_signature() {
    let f = fixture();
    let reads = [
        "/v1/boards",
        "/v1/boards/budget?year=2023",
        "/v1/stream",
        "/v1/screens/hall/config",
        "/v1/decisions/18/212/02",
        "/v1/decisions/18%2F212%2F02",
    ];
    let now = Utc::now();
    let signed = |wall: &str, key: &KeyPair, uri: &str, at| {
        wire::signed_read_headers(wall, key, "GET", uri, at).to_vec()
    };
    for uri in reads {
        // Unsigned: refused, saying which header is missing.
        let (s, e) = refused(&f.app, get_with(uri, &[])).await;
        assert_eq!(
            (s, e.error.as_str()),
            (StatusCode::UNAUTHORIZED, "missing-signature"),
            "{uri}"
        );
        assert!(
            e.message.contains(wire::HEADER_WALL),
            "{uri}: {}",
            e.message
        );
        // Signed by another key under the wall's name (a center's key): forged.
        let forged = signed(DEMO_WALL, &demo_key(&code("GSC")), uri, now);
        let (s, e) = refused(&f.app, get_with(uri, &forged)).await;
        assert_eq!(
            (s, e.error.as_str()),
            (StatusCode::UNAUTHORIZED, "bad-signature"),
            "{uri}"
        );
        // The wall's signature of another path does not read this one.
        let moved = signed(DEMO_WALL, &demo_wall_key(), "/v1/boards/kpi", now);
        let (s, e) = refused(&f.app, get_with(uri, &moved)).await;
        assert_eq!(e.error, "bad-signature", "{uri}: {s}");
        // Signed six minutes ago: stale.
        let stale = signed(
            DEMO_WALL,
            &demo_wall_key(),
            uri,
            now - chrono::Duration::minutes(6),
        );
        let (s, e) = refused(&f.app, get_with(uri, &stale)).await;
        assert_eq!(
            (s, e.error.as_str()),
            (StatusCode::UNAUTHORIZED, "stale-timestamp"),
            "{uri}"
        );
        // A wall not in centers.toml, and a center's name as a wall: unknown.
        for who in ["lobby", "GSC"] {
            let unknown = signed(who, &demo_wall_key(), uri, now);
            let (s, e) = refused(&f.app, get_with(uri, &unknown)).await;
            assert_eq!(
                (s, e.error.as_str()),
                (StatusCode::UNAUTHORIZED, "unknown-wall"),
                "{uri} as {who}"
            );
            assert!(e.message.contains("rasid-kiosk init"), "{}", e.message);
        }
        // The registered wall reads (the screen configuration: 404, none was given, but past
        // the check).
        let resp = f.app.clone().oneshot(wall_get(uri)).await.unwrap();
        let want = if uri.starts_with("/v1/screens") {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(resp.status(), want, "{uri}");
    }
    // Health, metrics and unknown routes need no signature.
    for (uri, want) in [
        ("/healthz", StatusCode::OK),
        ("/metrics", StatusCode::OK),
        ("/v1/nothing/here", StatusCode::NOT_FOUND),
    ] {
        let (s, _) = call(&f.app, get_with(uri, &[])).await;
        assert_eq!(s, want, "{uri}");
    }
    // A refused read naming a kiosk does not put that name on the reporting board.
    let spoof = [(collector::HEADER_KIOSK, "spoofed-hall".to_string())];
    let (s, _) = refused(&f.app, get_with("/v1/boards", &spoof)).await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    // The reporting board lists the wall by name, with its last signed read.
    let (_, body) = call(&f.app, wall_get("/v1/boards/reporting")).await;
    let BoardView::Reporting(rep) = serde_json::from_slice(&body).unwrap() else {
        panic!("wrong board")
    };
    assert!(
        rep.kiosks.iter().all(|k| k.name != "spoofed-hall"),
        "{:?}",
        rep.kiosks
    );
    assert_eq!(rep.walls.len(), 1, "{:?}", rep.walls);
    assert_eq!(rep.walls[0].name, DEMO_WALL);
    assert!(rep.walls[0].last_read.is_some());
    // Refusals are counted by word.
    let metrics = String::from_utf8(call(&f.app, get_with("/metrics", &[])).await.1).unwrap();
    assert!(
        metrics.contains("rasid_requests_refused_total{error=\"unknown-wall\"} 12"),
        "{metrics}"
    );
}

#[tokio::test]
async fn with_public_boards_anyone_reads_unsigned() {
    let f = fixture();
    let mut opts = RouterOptions::new();
    opts.public_boards = true;
    let app = collector::router(f.collector.clone(), opts);
    for uri in ["/v1/boards", "/v1/boards/budget", "/v1/stream"] {
        let resp = app.clone().oneshot(get_with(uri, &[])).await.unwrap();
        assert_eq!(resp.status(), StatusCode::OK, "{uri}");
    }
    // Over a real socket too, as `serve --public-boards` runs it.
    let data = demo::generate();
    let mut o = CollectorOptions::new(None, demo_reg(&data));
    o.public_boards = true;
    let h = collector::start(o).await.unwrap();
    let resp = client()
        .get(format!("{}/v1/boards/reporting", h.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    // Without it, the same read is refused.
    let h2 = start(None, demo_reg(&data)).await;
    let resp = client()
        .get(format!("{}/v1/boards/reporting", h2.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 401);
    let e: ErrorBody = resp.json().await.unwrap();
    assert_eq!(e.error, "missing-signature");
}

// ---------- real collectors on loopback ----------

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

async fn start(
    dir: Option<&std::path::Path>,
    registry: impl Into<RegistrySource>,
) -> collector::CollectorHandle {
    let mut o = CollectorOptions::new(dir.map(|d| d.to_path_buf()), registry);
    o.today = Some(demo::demo_today());
    collector::start(o).await.unwrap()
}

async fn push_http(http: &reqwest::Client, url: &str, b: &Batch) -> reqwest::Response {
    let body = serde_json::to_vec(b).unwrap();
    http.post(format!("{url}/v1/batches"))
        .header(wire::HEADER_CENTER, b.center.as_str())
        .header(wire::HEADER_SIGNATURE, demo_key(&b.center).sign(&body))
        .body(body)
        .send()
        .await
        .unwrap()
}

/// A GET of `url` signed as the demo wall, registered in every registry of these tests.
fn wall_http_get(http: &reqwest::Client, url: impl AsRef<str>) -> reqwest::RequestBuilder {
    let url = reqwest::Url::parse(url.as_ref()).unwrap();
    let path = match url.query() {
        Some(q) => format!("{}?{q}", url.path()),
        None => url.path().to_string(),
    };
    let mut req = http.get(url.clone());
    for (name, value) in
        wire::signed_read_headers(DEMO_WALL, &demo_wall_key(), "GET", &path, Utc::now())
    {
        req = req.header(name, value);
    }
    req
}

async fn board_json(http: &reqwest::Client, url: &str, name: BoardName) -> Value {
    let resp = wall_http_get(http, format!("{url}/v1/boards/{name}"))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status(), 200);
    resp.json().await.unwrap()
}

#[tokio::test]
async fn boards_after_pushing_the_demo_dataset_equal_the_pure_aggregation() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await;
    let http = client();
    for b in demo_batches(&data) {
        let resp = push_http(&http, &h.url(), &b).await;
        assert_eq!(resp.status(), 200);
        let ack: BatchAck = resp.json().await.unwrap();
        assert!(ack.rejected.is_empty(), "{:?}", ack.rejected.first());
    }
    let dataset = Dataset::from_envelopes(data.centers.clone(), data.records.clone());
    for name in BoardName::ALL
        .into_iter()
        .filter(|n| *n != BoardName::Reporting)
    {
        let served = board_json(&http, &h.url(), name).await;
        let expected =
            serde_json::to_value(build_board(name, &dataset, &BoardFilter::default(), &ctx()))
                .unwrap();
        assert_eq!(served, expected, "board {name}");
    }
    let de: BoardView =
        serde_json::from_value(board_json(&http, &h.url(), BoardName::DecisionExecution).await)
            .unwrap();
    let BoardView::DecisionExecution(de) = de else {
        panic!("wrong board")
    };
    let pct = |n: u32| de.decisions.percent(n).map(|p| p.round() as i64);
    assert_eq!(
        (
            pct(de.decisions.executed),
            pct(de.decisions.in_progress),
            pct(de.decisions.not_started)
        ),
        (Some(45), Some(37), Some(18))
    );
    // The reporting board lists every registered center and who was heard from.
    let rep = wall_http_get(&http, format!("{}/v1/boards/reporting", h.url()))
        .header("x-rasid-kiosk", "cabinet-hall")
        .send()
        .await
        .unwrap();
    let rep: BoardView = rep.json().await.unwrap();
    let BoardView::Reporting(rep) = rep else {
        panic!("wrong board")
    };
    assert_eq!(rep.centers.len(), data.centers.len());
    let gsc = rep
        .centers
        .iter()
        .find(|r| r.center.as_str() == "GSC")
        .unwrap();
    assert!(gsc.last_heard.is_some() && gsc.last_received.is_some() && gsc.last_as_of.is_some());
    assert!(
        rep.kiosks.iter().any(|k| k.name == "cabinet-hall"),
        "{:?}",
        rep.kiosks
    );
    assert!(
        rep.walls
            .iter()
            .any(|w| w.name == DEMO_WALL && w.last_read.is_some()),
        "{:?}",
        rep.walls
    );
    let list: Value = wall_http_get(&http, format!("{}/v1/boards", h.url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(
        list["boards"].as_array().unwrap().len(),
        BoardName::ALL.len()
    );
    assert_eq!(list["boards"][0]["name"], "decision-execution");
    assert!(list["boards"][0]["as_of"].is_string());
    h.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_restart_on_the_same_data_dir_serves_identical_boards() {
    let data = demo::generate();
    let dir = tempfile::tempdir().unwrap();
    let http = client();
    let h = start(Some(dir.path()), demo_reg(&data)).await;
    preload(h.collector(), &data);
    // And one change over the wire, so the latest revision must win after the restart too (the
    // demo's statuses are at revision 1 or 2).
    let (mine, _) = decisions_for(&data, "MOH");
    let b = batch(
        "MOH",
        500,
        vec![env(
            "MOH",
            3,
            status(mine.number, ExecutionStatus::Executed, 100),
        )],
    );
    assert_eq!(push_http(&http, &h.url(), &b).await.status(), 200);
    // And a due date pushed back: measured against its first revision, which after a restart
    // only the history holds.
    let mut moved = mine.clone();
    moved.due = Some(demo::demo_today() + chrono::Days::new(90));
    let gsc = batch(
        demo::SECRETARIAT,
        501,
        vec![env(demo::SECRETARIAT, 3, Record::Decision(moved))],
    );
    assert_eq!(push_http(&http, &h.url(), &gsc).await.status(), 200);
    let mut before = BTreeMap::new();
    for name in BoardName::ALL
        .into_iter()
        .filter(|n| *n != BoardName::Reporting)
    {
        before.insert(name, board_json(&http, &h.url(), name).await);
    }
    let moved_numbers: Vec<&Value> = before[&BoardName::Overdue]["moved"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| &m["number"])
        .collect();
    assert!(
        moved_numbers.contains(&&serde_json::json!(mine.number.to_string())),
        "{moved_numbers:?}"
    );
    let version_before = h.collector().version();
    h.shutdown().await.unwrap();

    let h = start(Some(dir.path()), demo_reg(&data)).await;
    // Versions go on rising across restarts: a client caching by version never sees one again.
    assert!(
        h.collector().version() > version_before,
        "version {} after a restart, {version_before} before",
        h.collector().version()
    );
    for (name, json) in &before {
        assert_eq!(
            &board_json(&http, &h.url(), *name).await,
            json,
            "board {name} after restart"
        );
    }
    // The restarted collector still remembers the batch it answered.
    let again: BatchAck = push_http(&http, &h.url(), &b).await.json().await.unwrap();
    assert!(again.replay && again.accepted.len() == 1);
    h.shutdown().await.unwrap();
}

/// A signed GET of `path` as `center` at time `ts`.
async fn signed_get(
    http: &reqwest::Client,
    url: &str,
    center: &str,
    key: &KeyPair,
    path: &str,
    ts: &str,
) -> reqwest::Response {
    let sig = key.sign(wire::request_signing_text("GET", path, ts).as_bytes());
    http.get(format!("{url}{path}"))
        .header(wire::HEADER_CENTER, center)
        .header(wire::HEADER_TIMESTAMP, ts)
        .header(wire::HEADER_SIGNATURE, sig)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn assignments_are_served_only_to_their_center_on_a_fresh_signature() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await;
    preload(h.collector(), &data);
    let http = client();
    let moh = demo_key(&code("MOH"));
    let now = Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true);
    let path = "/v1/centers/MOH/assignments?since=2023-06-01";
    let resp = signed_get(&http, &h.url(), "MOH", &moh, path, &now).await;
    assert_eq!(resp.status(), 200);
    let list: AssignmentList = resp.json().await.unwrap();
    let expected = data
        .records
        .iter()
        .filter(|e| matches!(&e.record, Record::Decision(d) if d.centers.contains(&code("MOH")) && d.date >= chrono::NaiveDate::from_ymd_opt(2023, 6, 1).unwrap()))
        .count();
    assert!(expected > 0);
    assert_eq!(list.assignments.len(), expected);
    assert!(
        list.assignments
            .iter()
            .all(|a| a.decision.centers.contains(&code("MOH")))
    );
    assert!(
        list.assignments
            .iter()
            .any(|a| a.status.is_some() && a.status_as_of.is_some())
    );

    let err = |r: reqwest::Response| async move {
        (
            r.status().as_u16(),
            r.json::<ErrorBody>().await.unwrap().error,
        )
    };
    // Signed with another key.
    let forged = signed_get(
        &http,
        &h.url(),
        "MOH",
        &KeyPair::from_seed([5; 32]),
        path,
        &now,
    )
    .await;
    assert_eq!(err(forged).await, (401, "bad-signature".to_string()));
    // A signature for another path does not open this one.
    let sig =
        moh.sign(wire::request_signing_text("GET", "/v1/centers/MOH/assignments", &now).as_bytes());
    let resp = http
        .get(format!("{}{path}", h.url()))
        .header(wire::HEADER_CENTER, "MOH")
        .header(wire::HEADER_TIMESTAMP, &now)
        .header(wire::HEADER_SIGNATURE, sig)
        .send()
        .await
        .unwrap();
    assert_eq!(err(resp).await, (401, "bad-signature".to_string()));
    // Stale.
    let old =
        (Utc::now() - chrono::Duration::minutes(10)).to_rfc3339_opts(SecondsFormat::Secs, true);
    assert_eq!(
        err(signed_get(&http, &h.url(), "MOH", &moh, path, &old).await).await,
        (401, "stale-timestamp".to_string())
    );
    // Another center's assignments.
    let mof_path = "/v1/centers/MOF/assignments";
    assert_eq!(
        err(signed_get(&http, &h.url(), "MOH", &moh, mof_path, &now).await).await,
        (403, "other-center".to_string())
    );
    // A ministry may read those of a directorate reporting through it.
    let mof = demo_key(&code("MOF"));
    let resp = signed_get(
        &http,
        &h.url(),
        "MOF",
        &mof,
        "/v1/centers/MOF-BPD/assignments",
        &now,
    )
    .await;
    assert_eq!(resp.status(), 200);
    assert!(h.collector().last_heard(&code("MOF")).is_some());
    h.shutdown().await.unwrap();
}

/// Reads the event stream into `seen` until it holds `needle`; at most 5 s.
async fn wait_for(stream: &mut reqwest::Response, seen: &mut String, needle: &str) {
    let read = async {
        while !seen.contains(needle) {
            let chunk = stream.chunk().await.unwrap().expect("stream ended");
            seen.push_str(&String::from_utf8_lossy(&chunk));
        }
    };
    if tokio::time::timeout(Duration::from_secs(5), read)
        .await
        .is_err()
    {
        panic!("no '{needle}' within 5 s; got: {seen}");
    }
}

#[tokio::test]
async fn the_stream_announces_a_change_after_a_push() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await;
    preload(h.collector(), &data);
    let http = client();
    let mut stream = wall_http_get(&http, format!("{}/v1/stream", h.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(stream.status(), 200);
    let mut seen = String::new();
    wait_for(&mut stream, &mut seen, "event: ready").await;
    let (mine, _) = decisions_for(&data, "MOH");
    let b = batch(
        "MOH",
        600,
        vec![env(
            "MOH",
            3,
            status(mine.number, ExecutionStatus::Executed, 100),
        )],
    );
    assert_eq!(push_http(&http, &h.url(), &b).await.status(), 200);
    wait_for(&mut stream, &mut seen, "event: boards").await;
    let data_line = seen
        .lines()
        .skip_while(|l| *l != "event: boards")
        .find(|l| l.starts_with("data: "))
        .unwrap();
    let ch: Value = serde_json::from_str(&data_line["data: ".len()..]).unwrap();
    let changed: Vec<&str> = ch["changed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        changed.contains(&"decision-execution") && changed.contains(&"overdue"),
        "{changed:?}"
    );
    assert!(!changed.contains(&"budget"), "{changed:?}");
    assert_eq!(ch["version"].as_u64(), Some(h.collector().version()));
    // Shutting down ends open streams rather than waiting for them.
    tokio::time::timeout(Duration::from_secs(5), h.shutdown())
        .await
        .expect("shutdown with an open stream finishes")
        .unwrap();
    let end = tokio::time::timeout(Duration::from_secs(5), async {
        while let Ok(Some(_)) = stream.chunk().await {}
    });
    assert!(end.await.is_ok(), "the stream ends at shutdown");
}

#[tokio::test]
async fn health_metrics_and_screen_config_answer() {
    let data = demo::generate();
    let dir = tempfile::tempdir().unwrap();
    let boards = dir.path().join("boards.toml");
    std::fs::write(&boards, "# screens\n[screen.hall]\nboards = [\"budget\"]\n").unwrap();
    let mut o = CollectorOptions::new(Some(dir.path().to_path_buf()), demo_reg(&data));
    o.boards_file = Some(boards.clone());
    let h = collector::start(o).await.unwrap();
    let http = client();
    let resp = http
        .get(format!("{}/healthz", h.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(
        (resp.status().as_u16(), resp.text().await.unwrap()),
        (200, "ok\n".to_string())
    );
    let b = batch(
        "GSC",
        1,
        data.records
            .iter()
            .filter(|e| e.center.as_str() == "GSC")
            .take(20)
            .cloned()
            .collect(),
    );
    assert_eq!(push_http(&http, &h.url(), &b).await.status(), 200);
    let text = http
        .get(format!("{}/metrics", h.url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "rasid_batches_received_total 1",
        "rasid_batches_accepted_total 1",
        "rasid_records_accepted_total 20",
        "rasid_store_records 20",
        "# TYPE rasid_request_duration_seconds histogram",
        "rasid_request_duration_seconds_count{method=\"POST\",route=\"/v1/batches\"} 1",
    ] {
        assert!(text.contains(needle), "{needle} missing in\n{text}");
    }
    let cfg = wall_http_get(&http, format!("{}/v1/screens/hall/config", h.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(cfg.status(), 200);
    assert_eq!(
        cfg.text().await.unwrap(),
        std::fs::read_to_string(&boards).unwrap()
    );
    std::fs::write(&boards, "# changed\n").unwrap();
    let cfg = wall_http_get(&http, format!("{}/v1/screens/hall/config", h.url()))
        .send()
        .await
        .unwrap();
    assert_eq!(cfg.text().await.unwrap(), "# changed\n");
    h.shutdown().await.unwrap();
}

/// A registry text with `centers` (code, key), the first being the secretariat.
fn registry_text(centers: &[(&str, Option<&str>, &KeyPair)]) -> String {
    let mut t = format!("secretariat = \"{}\"\n", centers[0].0);
    for (c, parent, key) in centers {
        t.push_str(&format!(
            "[[center]]\ncode = \"{c}\"\nname_ar = \"{c}\"\nname_en = \"{c}\"\nkeys = [\"{}\"]\n",
            key.public_base64()
        ));
        if let Some(p) = parent {
            t.push_str(&format!("parent = \"{p}\"\n"));
        }
    }
    t.push_str(&format!(
        "[[wall]]\nname = \"{DEMO_WALL}\"\nkeys = [\"{}\"]\n",
        demo_wall_key().public_base64()
    ));
    t
}

fn budget_line(center: &str, month: u8) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of: chrono::NaiveDate::from_ymd_opt(2023, month as u32, 28).unwrap(),
        revision: 1,
        record: Record::Budget(BudgetLine {
            fiscal_year: 2023,
            month,
            program: "P1".into(),
            category: BudgetCategory::Operating,
            allocated: 1000,
            revised: None,
            committed: 0,
            spent: 100,
            currency: "ILS".into(),
        }),
    }
}

/// Polls `check` every 50 ms for at most 10 s.
async fn eventually<F, Fut>(what: &str, mut check: F)
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    for _ in 0..200 {
        if check().await {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{what} did not happen within 10 s");
}

#[tokio::test]
async fn the_registry_reloads_when_the_file_changes_and_a_broken_edit_keeps_the_last_good_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centers.toml");
    let (gsc, moh) = (demo_key(&code("GSC")), demo_key(&code("MOH")));
    std::fs::write(&path, registry_text(&[("GSC", None, &gsc)])).unwrap();
    let mut o = CollectorOptions::new(None, path.clone());
    o.reload_every = Duration::from_millis(100);
    let h = collector::start(o).await.unwrap();
    let http = client();
    let b = batch("MOH", 1, vec![budget_line("MOH", 1)]);
    assert_eq!(push_http(&http, &h.url(), &b).await.status(), 401);

    // Written aside and renamed, as editors do, so no half-written file is ever read.
    let replace = |text: &str| {
        let aside = dir.path().join("centers.toml.new");
        std::fs::write(&aside, text).unwrap();
        std::fs::rename(&aside, &path).unwrap();
    };
    replace(&registry_text(&[("GSC", None, &gsc), ("MOH", None, &moh)]));
    let hh = &h;
    eventually("MOH registered", move || async move {
        hh.collector().directory().is_registered(&code("MOH"))
    })
    .await;
    assert_eq!(push_http(&http, &h.url(), &b).await.status(), 200);

    assert!(
        h.collector()
            .render_metrics()
            .contains("rasid_registry_reload_errors_total 0")
    );
    replace("secretariat = \"GSC\"\n[[center]]\ncode = ");
    eventually("the broken edit noticed", move || async move {
        hh.collector()
            .render_metrics()
            .contains("rasid_registry_reload_errors_total 1")
    })
    .await;
    let b2 = batch("MOH", 2, vec![budget_line("MOH", 2)]);
    assert_eq!(
        push_http(&http, &h.url(), &b2).await.status(),
        200,
        "the last good registry stays"
    );
    h.shutdown().await.unwrap();
}

#[tokio::test]
async fn a_ministry_collector_relays_what_it_accepted_to_the_secretariat() {
    let (gsc, moh, phc) = (
        demo_key(&code("GSC")),
        demo_key(&code("MOH")),
        demo_key(&code("MOH-PHC")),
    );
    // The secretariat knows MOH (with the ministry collector's key) and MOH-PHC through it.
    let top_reg = Registry::parse(&registry_text(&[
        ("GSC", None, &gsc),
        ("MOH", None, &moh),
        ("MOH-PHC", Some("MOH"), &phc),
    ]))
    .unwrap();
    let top = start(None, top_reg).await;
    // The ministry's own collector knows its directorate.
    let low_reg = Registry::parse(&registry_text(&[
        ("MOH", None, &moh),
        ("MOH-PHC", Some("MOH"), &phc),
    ]))
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut o = CollectorOptions::new(Some(dir.path().to_path_buf()), low_reg);
    o.relay = Some(collector::RelayOptions::new(
        &top.url(),
        code("MOH"),
        moh.clone(),
    ));
    let low = collector::start(o).await.unwrap();

    let http = client();
    let b = batch(
        "MOH-PHC",
        1,
        vec![budget_line("MOH-PHC", 1), budget_line("MOH-PHC", 2)],
    );
    let ack: BatchAck = push_http(&http, &low.url(), &b).await.json().await.unwrap();
    assert_eq!(ack.accepted.len(), 2);
    let (topr, lowr) = (&top, &low);
    eventually("records relayed upstream", move || async move {
        topr.collector().record_count() == 2
    })
    .await;
    let stored = top
        .collector()
        .store()
        .current(&b.records[0].key())
        .unwrap()
        .unwrap();
    assert_eq!(
        stored, b.records[0],
        "relayed unchanged: same center, as-of and revision"
    );
    eventually("the relay outbox emptied", move || async move {
        lowr.collector()
            .store()
            .outbox_counts()
            .map(|c| c.waiting == 0 && c.inflight_batch.is_none())
            .unwrap_or(false)
    })
    .await;
    low.shutdown().await.unwrap();
    top.shutdown().await.unwrap();
}

/// A budget line of `center` as of `as_of`.
fn budget_env(
    center: &str,
    (fiscal_year, month): (i32, u8),
    program: &str,
    (allocated, spent): (i64, i64),
    as_of: chrono::NaiveDate,
) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of,
        revision: 1,
        record: Record::Budget(BudgetLine {
            fiscal_year,
            month,
            program: program.into(),
            category: BudgetCategory::Operating,
            allocated,
            revised: None,
            committed: 0,
            spent,
            currency: "ILS".into(),
        }),
    }
}

/// Issue 15: signed, well-formed records that passed every check and put a wrong number on the
/// wall (a wrapped sum, a year from the future, "met" at an infinite achievement, a truncated
/// share, an oversized batch). Each is now refused, or computed right, by a real collector.
#[tokio::test]
async fn no_signed_batch_puts_a_wrong_number_on_the_wall() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await; // today: 12 February 2024
    let http = client();
    let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let budget = |query: &str| {
        let (http, url) = (http.clone(), h.url());
        let query = query.to_string();
        async move {
            let v: Value = wall_http_get(&http, format!("{url}/v1/boards/budget{query}"))
                .send()
                .await
                .unwrap()
                .json()
                .await
                .unwrap();
            v
        }
    };

    // A batch over the record limit is refused whole, with its own word.
    let many: Vec<RecordEnvelope> = (0..wire::MAX_BATCH_RECORDS + 1000)
        .map(|i| {
            budget_env(
                "MOH",
                (2023, 1),
                &format!("P{i}"),
                (10, 1),
                date(2023, 1, 31),
            )
        })
        .collect();
    let resp = push_http(&http, &h.url(), &batch("MOH", 1, many)).await;
    assert_eq!(resp.status(), 413);
    let err: ErrorBody = resp.json().await.unwrap();
    assert_eq!(err.error, "too-many-records", "{}", err.message);
    assert!(err.message.contains("at most 5000"), "{}", err.message);
    assert_eq!(h.collector().record_count(), 0);

    // This year's budget, then records from the future: refused, the board stays on 2023.
    let now = vec![budget_env(
        "MOH",
        (2023, 12),
        "P1",
        (1000, 100),
        date(2023, 12, 31),
    )];
    let ack: BatchAck = push_http(&http, &h.url(), &batch("MOH", 2, now))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ack.accepted.len(), 1, "{:?}", ack.rejected);
    let future = vec![
        budget_env("MOH", (2042, 1), "P1", (1000, 100), date(2024, 1, 31)),
        budget_env("MOH", (2023, 12), "P2", (1000, 100), date(2101, 1, 31)),
        // Next year's budget, sent early, is accepted but does not become the default year.
        budget_env("MOH", (2025, 1), "P1", (9000, 0), date(2024, 2, 12)),
    ];
    let ack: BatchAck = push_http(&http, &h.url(), &batch("MOH", 3, future))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ack.accepted.len(), 1, "{:?}", ack.rejected);
    let fields: Vec<&str> = ack
        .rejected
        .iter()
        .map(|r| r.problems[0].field.as_str())
        .collect();
    assert_eq!(fields, ["fiscal_year", "as_of"], "{:?}", ack.rejected);
    let board = budget("").await;
    assert_eq!(board["year"], 2023, "{board}");
    assert_eq!(board["as_of"], "2023-12-31");
    assert_eq!(board["total"]["allocated"], 1000);

    // Amounts that would wrap the sums, and a KPI "met" at an infinite achievement: invalid.
    let huge = vec![
        budget_env(
            "MOH",
            (2023, 12),
            "P3",
            (i64::MAX, i64::MAX),
            date(2023, 12, 31),
        ),
        budget_env(
            "MOH",
            (2023, 12),
            "P4",
            (i64::MAX, i64::MAX),
            date(2023, 12, 31),
        ),
        env(
            "MOH",
            1,
            Record::Kpi(KpiAchievement {
                program: "P1".into(),
                indicator: "I1".into(),
                name: "مؤشر".into(),
                unit: "%".into(),
                year: 2023,
                quarter: 4,
                annual_target: 4e-300,
                quarter_target: 1e-300,
                actual: 1.7e308,
                cost_planned: None,
                cost_actual: None,
            }),
        ),
    ];
    let ack: BatchAck = push_http(&http, &h.url(), &batch("MOH", 4, huge))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((ack.accepted.len(), ack.rejected.len()), (0, 3));
    assert!(
        ack.rejected[0]
            .reason
            .contains("the largest amount accepted"),
        "{}",
        ack.rejected[0].reason
    );
    assert!(
        ack.rejected[2]
            .reason
            .contains("times the quarter's target"),
        "{}",
        ack.rejected[2].reason
    );
    assert_eq!(budget("").await["total"]["allocated"], 1000);

    // Shares of a period are taken of the summed allocation: a twelfth of 1,500,000 is 125,000.
    let shares = vec![
        budget_env("MOH", (2024, 1), "P1", (1_000_000, 0), date(2024, 1, 31)),
        budget_env("MOH", (2024, 1), "P2", (500_000, 0), date(2024, 1, 31)),
    ];
    let ack: BatchAck = push_http(&http, &h.url(), &batch("MOH", 5, shares))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(ack.accepted.len(), 2, "{:?}", ack.rejected);
    let m1 = budget("?year=2024&period=m1").await;
    assert_eq!(m1["total"]["allocated"], 125_000, "{m1}");
    assert_eq!(m1["monthly"][0]["linear_plan"], 125_000, "{m1}");

    let metrics = http
        .get(format!("{}/metrics", h.url()))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for needle in [
        "rasid_rejections_total{reason=\"future-date\"} 2",
        "rasid_rejections_total{reason=\"invalid\"} 3",
        "rasid_requests_refused_total{error=\"too-many-records\"} 1",
    ] {
        assert!(metrics.contains(needle), "{needle} missing in\n{metrics}");
    }
    h.shutdown().await.unwrap();
}

#[tokio::test]
async fn https_serves_with_a_self_signed_certificate() {
    let dir = tempfile::tempdir().unwrap();
    let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).unwrap();
    let (cert_path, key_path) = (dir.path().join("cert.pem"), dir.path().join("key.pem"));
    std::fs::write(&cert_path, cert.cert.pem()).unwrap();
    std::fs::write(&key_path, cert.signing_key.serialize_pem()).unwrap();
    let data = demo::generate();
    let mut o = CollectorOptions::new(None, demo_reg(&data));
    o.tls = Some(TlsFiles {
        cert: cert_path,
        key: key_path,
    });
    let h = collector::start(o).await.unwrap();
    assert!(h.url().starts_with("https://"));
    let http = reqwest::Client::builder()
        .tls_certs_only([reqwest::Certificate::from_pem(cert.cert.pem().as_bytes()).unwrap()])
        .resolve("localhost", h.addr())
        .build()
        .unwrap();
    let url = format!("https://localhost:{}", h.addr().port());
    let resp = http.get(format!("{url}/healthz")).send().await.unwrap();
    assert_eq!(resp.text().await.unwrap(), "ok\n");
    let b = batch(
        "GSC",
        1,
        data.records
            .iter()
            .filter(|e| e.center.as_str() == "GSC")
            .take(5)
            .cloned()
            .collect(),
    );
    let ack: BatchAck = push_http(&http, &url, &b).await.json().await.unwrap();
    assert_eq!(ack.accepted.len(), 5);
    // Plain HTTP to the TLS port gets nowhere.
    assert!(
        client()
            .get(format!("http://{}/healthz", h.addr()))
            .send()
            .await
            .map(|r| r.status() != 200)
            .unwrap_or(true)
    );
    h.shutdown().await.unwrap();
}

/// Throughput of the whole path (HTTP, signature, checks, sled commit, dataset) with many agents
/// pushing at once. Not a pass/fail test: run it on purpose, in release, and read the figure:
/// `cargo test --release -p rasid-agent --test collector_api -- --ignored --nocapture`.
/// `RASID_BENCH_AGENTS`, `RASID_BENCH_BATCHES` and `RASID_BENCH_RECORDS` set the load.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore]
async fn ingest_throughput_with_many_agents() {
    let var = |name: &str, default: usize| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let (agents, batches, per_batch) = (
        var("RASID_BENCH_AGENTS", 200),
        var("RASID_BENCH_BATCHES", 5),
        var("RASID_BENCH_RECORDS", 200),
    );
    let keys: Vec<(String, KeyPair)> = (0..agents)
        .map(|i| {
            (
                format!("C{i:04}"),
                KeyPair::from_seed([
                    (i % 251) as u8 + 1,
                    (i / 251) as u8,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                    7,
                ]),
            )
        })
        .collect();
    let gsc = KeyPair::from_seed([1; 32]);
    let mut list: Vec<(&str, Option<&str>, &KeyPair)> = vec![("GSC", None, &gsc)];
    list.extend(keys.iter().map(|(c, k)| (c.as_str(), None, k)));
    let reg = Registry::parse(&registry_text(&list)).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let h = start(Some(dir.path()), reg).await;
    let url = h.url();
    let started = std::time::Instant::now();
    let mut tasks = Vec::new();
    for (center, key) in keys.clone() {
        let url = url.clone();
        tasks.push(tokio::spawn(async move {
            let http = client();
            for seq in 1..=batches as u64 {
                let records = (0..per_batch)
                    .map(|i| {
                        let mut e = budget_line(&center, 1 + (i % 12) as u8);
                        if let Record::Budget(b) = &mut e.record {
                            b.program = format!("P{seq}-{i}");
                        }
                        e
                    })
                    .collect();
                let b = Batch {
                    version: PROTOCOL_VERSION,
                    center: code(&center),
                    agent: key.key_id(),
                    epoch: String::new(),
                    seq,
                    created: Utc::now(),
                    records,
                };
                let body = serde_json::to_vec(&b).unwrap();
                let resp = http
                    .post(format!("{url}/v1/batches"))
                    .header(wire::HEADER_CENTER, center.as_str())
                    .header(wire::HEADER_SIGNATURE, key.sign(&body))
                    .body(body)
                    .send()
                    .await
                    .unwrap();
                assert_eq!(resp.status(), 200);
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let took = started.elapsed();
    let total = agents * batches * per_batch;
    assert_eq!(h.collector().record_count(), total);
    println!(
        "{total} records from {agents} agents in {:.2} s: {:.0} records/s",
        took.as_secs_f64(),
        total as f64 / took.as_secs_f64()
    );
    h.shutdown().await.unwrap();
}

/// Sends `raw` on a fresh connection to `url` and reads the answer until the collector closes
/// the connection or `within` passes (then the test fails: the answer did not come in time).
async fn raw_exchange(url: &str, raw: &[u8], within: Duration) -> String {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let addr = url.trim_start_matches("http://");
    let mut conn = tokio::net::TcpStream::connect(addr).await.unwrap();
    conn.write_all(raw).await.unwrap();
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    let read_all = async {
        loop {
            match conn.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buf[..n]);
                    // One answer is all these requests get: stop at the end of its JSON body.
                    let text = String::from_utf8_lossy(&answer);
                    if text.contains("\r\n\r\n") && text.trim_end().ends_with('}') {
                        break;
                    }
                }
            }
        }
    };
    tokio::time::timeout(within, read_all)
        .await
        .unwrap_or_else(|_| panic!("no answer within {within:?}"));
    String::from_utf8_lossy(&answer).into_owned()
}

async fn metrics_text(url: &str) -> String {
    client()
        .get(format!("{url}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_body_declared_over_the_limit_is_refused_at_once_from_its_header() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await;
    let addr = h.url();
    let request = format!(
        "POST /v1/batches HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n",
        addr.trim_start_matches("http://"),
        MAX_BATCH_BYTES + 1024 * 1024
    );
    // The body never comes: the answer must not wait for it (the request timeout is 30 s).
    let answer = raw_exchange(&addr, request.as_bytes(), Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("\"error\":\"too-large\""), "{answer}");
    let text = metrics_text(&addr).await;
    assert!(
        text.contains("rasid_requests_refused_total{error=\"too-large\"} 1"),
        "{text}"
    );
}

#[tokio::test]
async fn a_request_over_its_time_is_answered_408_with_a_word_and_counted() {
    let data = demo::generate();
    let mut o = CollectorOptions::new(None, demo_reg(&data));
    o.today = Some(demo::demo_today());
    o.request_timeout = Duration::from_secs(1);
    let h = collector::start(o).await.unwrap();
    let addr = h.url();
    // Ten bytes of a hundred promised: the body is never complete.
    let request = format!(
        "POST /v1/batches HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"version\"",
        addr.trim_start_matches("http://"),
    );
    let answer = raw_exchange(&addr, request.as_bytes(), Duration::from_secs(10)).await;
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"error\":\"timeout\""), "{answer}");
    let text = metrics_text(&addr).await;
    assert!(
        text.contains("rasid_requests_refused_total{error=\"timeout\"} 1"),
        "{text}"
    );
    assert!(
        text.contains(
            "rasid_request_duration_seconds_bucket{method=\"POST\",route=\"/v1/batches\",le=\"5\"} 1"
        ),
        "the refused request is timed too:\n{text}"
    );
}

#[tokio::test]
async fn a_request_that_is_not_http_is_answered_400_and_counted() {
    let data = demo::generate();
    let h = start(None, demo_reg(&data)).await;
    let addr = h.url();
    let answer = raw_exchange(&addr, b"THIS IS NOT HTTP\r\n\r\n", Duration::from_secs(5)).await;
    assert!(answer.starts_with("HTTP/1.1 400"), "{answer}");
    // hyper counts it when the connection ends, just after its answer.
    let mut text = String::new();
    for _ in 0..50 {
        text = metrics_text(&addr).await;
        if text.contains("rasid_requests_refused_total{error=\"bad-http\"} 1") {
            return;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("bad-http not counted:\n{text}");
}

/// `s` percent-encoded as one path segment: the slashes and every non-ASCII byte.
fn one_segment(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

#[tokio::test]
async fn a_decisions_story_is_read_by_a_wall_by_any_form_of_its_number() {
    let f = fixture();
    let (mine, _) = decisions_for(&f.data, "MOH");
    let n = mine.number;
    let revised = batch(
        "MOH",
        900,
        vec![env("MOH", 9, status(n, ExecutionStatus::InProgress, 70))],
    );
    assert!(
        acked(&f.app, post_batch(&revised))
            .await
            .rejected
            .is_empty()
    );

    let western = format!("/v1/decisions/{}", one_segment(&n.to_string()));
    let (s, body) = call(&f.app, wall_get(&western)).await;
    assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&body));
    let story: Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(story["number"], n.to_string());
    let moh = story["centers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["center"] == "MOH")
        .expect("MOH is responsible");
    let last = moh["revisions"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(
        (last["revision"].as_u64(), last["progress"].as_u64()),
        (Some(9), Some(70))
    );

    let arabic_indic: String = n
        .to_string()
        .chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x0660 + d).unwrap(),
            None => c,
        })
        .collect();
    let persian_parts = format!(
        "/v1/decisions/{}/{}/{}",
        one_segment(&to_persian(n.government.to_string())),
        one_segment(&to_persian(n.session.to_string())),
        one_segment(&to_persian(format!("{:02}", n.item)))
    );
    let three = format!("/v1/decisions/{}/{}/{:02}", n.government, n.session, n.item);
    for uri in [
        three,
        format!("/v1/decisions/{}", one_segment(&arabic_indic)),
        persian_parts,
    ] {
        let (s, other) = call(&f.app, wall_get(&uri)).await;
        assert_eq!(s, StatusCode::OK, "{uri}");
        assert_eq!(
            serde_json::from_slice::<Value>(&other).unwrap(),
            story,
            "{uri}"
        );
    }

    let unsigned = Request::get(&western).body(Body::empty()).unwrap();
    let (s, e) = refused(&f.app, unsigned).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::UNAUTHORIZED, "missing-signature")
    );

    let (s, e) = refused(&f.app, wall_get("/v1/decisions/18%2F9999%2F99")).await;
    assert_eq!(
        (s, e.error.as_str()),
        (StatusCode::NOT_FOUND, "unknown-decision")
    );
    assert!(e.message.contains("18/9999/99"), "{}", e.message);

    for bad in ["/v1/decisions/18-212-02", "/v1/decisions/a/b/c"] {
        let (s, e) = refused(&f.app, wall_get(bad)).await;
        assert_eq!(
            (s, e.error.as_str()),
            (StatusCode::BAD_REQUEST, "bad-query"),
            "{bad}"
        );
        assert!(
            e.message.contains("government/session/item"),
            "{}",
            e.message
        );
    }
}

fn to_persian(s: String) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) => char::from_u32(0x06F0 + d).unwrap(),
            None => c,
        })
        .collect()
}
