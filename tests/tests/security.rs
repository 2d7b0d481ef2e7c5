//! The security matrix against a real `serve` process over sockets: forged signatures, unknown
//! keys and centers, a center writing as another, statuses for decisions not assigned to the
//! center, replays (also after a crash of the collector), oversized and malformed bodies, stale
//! signed GETs, unsigned, forged, stale and unknown walls' reads of boards, the stream and
//! screens, and slow-loris clients. Each is refused with its status code and reason, and
//! none of it changes a board. (collector/tests/collector_api.rs checks the same words in process.)

use chrono::{SecondsFormat, Utc};
use rasid_collector::demo::{DEMO_WALL, demo_key, demo_wall_key};
use rasid_e2e::collector::{http_client, metric_value};
use rasid_e2e::demo::{assert_boards_equal, served_boards};
use rasid_e2e::wait::poll;
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use rasid_shared::demo::demo_today;
use rasid_shared::model::{
    CenterCode, Decision, DecisionStatus, ExecutionStatus, Record, RecordEnvelope,
};
use rasid_shared::sign::KeyPair;
use rasid_shared::wire::{self, Batch, PROTOCOL_VERSION};
use serde_json::Value;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

fn code(c: &str) -> CenterCode {
    CenterCode::new(c).unwrap_or_else(|e| panic!("{e}"))
}

/// A collector holding the secretariat's decisions and the Ministry of Health's reports,
/// pushed by real agents; request timeout 2 s (for the slow-loris cases).
fn setup(ws: &Workspace, config: CollectorConfig) -> (DemoFiles, CollectorProc) {
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(ws, &demo, config);
    for c in ["GSC", "MOH"] {
        let a = Agent::init(
            &ws.join(format!("agent-{c}")),
            c,
            &collector.url(),
            Some(&demo.key_file(c)),
            &ws.logs(),
        );
        a.import(&demo.files_of(c)).expect_success();
        a.push().expect_success();
    }
    (demo, collector)
}

/// A demo decision assigned to `center` (not routine), and one not assigned to it.
fn decisions_for(demo: &DemoFiles, center: &str) -> (Decision, Decision) {
    let c = code(center);
    let mut assigned = None;
    let mut other = None;
    for e in &demo.data.records {
        if let Record::Decision(d) = &e.record {
            if d.centers.contains(&c) && !d.routine {
                assigned.get_or_insert_with(|| d.clone());
            } else if !d.centers.contains(&c) {
                other.get_or_insert_with(|| d.clone());
            }
        }
    }
    (
        assigned.expect("an assigned decision"),
        other.expect("a decision of others"),
    )
}

fn status_env(center: &str, d: &Decision, progress: u8, revision: u64) -> RecordEnvelope {
    RecordEnvelope {
        center: code(center),
        as_of: demo_today(),
        revision,
        record: Record::DecisionStatus(DecisionStatus {
            decision: d.number,
            status: ExecutionStatus::InProgress,
            progress,
            note: "e2e".into(),
            follow_ups: vec![],
        }),
    }
}

fn batch(center: &str, agent: &str, seq: u64, records: Vec<RecordEnvelope>) -> Vec<u8> {
    let b = Batch {
        version: PROTOCOL_VERSION,
        center: code(center),
        agent: agent.to_string(),
        epoch: String::new(),
        seq,
        created: Utc::now(),
        records,
    };
    serde_json::to_vec(&b).unwrap_or_else(|e| panic!("{e}"))
}

struct Api {
    url: String,
    http: reqwest::blocking::Client,
}

impl Api {
    /// POST /v1/batches with the given headers (each left out when `None`).
    fn post(&self, center: Option<&str>, signature: Option<&str>, body: &[u8]) -> (u16, Value) {
        let mut req = self
            .http
            .post(format!("{}/v1/batches", self.url))
            .header("content-type", "application/json")
            .body(body.to_vec());
        if let Some(c) = center {
            req = req.header(wire::HEADER_CENTER, c);
        }
        if let Some(s) = signature {
            req = req.header(wire::HEADER_SIGNATURE, s);
        }
        let r = req
            .send()
            .unwrap_or_else(|e| panic!("POST /v1/batches: {e}"));
        let status = r.status().as_u16();
        let text = r.text().unwrap_or_default();
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    /// POST signed with `key`, as `center`.
    fn post_signed(&self, center: &str, key: &KeyPair, body: &[u8]) -> (u16, Value) {
        self.post(Some(center), Some(&key.sign(body)), body)
    }

    /// A signed GET of `path` by `center` with timestamp `ts`.
    fn get_signed(&self, center: &str, key: &KeyPair, path: &str, ts: &str) -> (u16, Value) {
        let sig = key.sign(wire::request_signing_text("GET", path, ts).as_bytes());
        let r = self
            .http
            .get(format!("{}{path}", self.url))
            .header(wire::HEADER_CENTER, center)
            .header(wire::HEADER_TIMESTAMP, ts)
            .header(wire::HEADER_SIGNATURE, sig)
            .send()
            .unwrap_or_else(|e| panic!("GET {path}: {e}"));
        let status = r.status().as_u16();
        (status, r.json().unwrap_or(Value::Null))
    }
}

/// Checks a refusal: status and error word.
#[track_caller]
fn refused(case: &str, got: (u16, Value), status: u16, word: &str) {
    assert_eq!(
        (got.0, got.1["error"].as_str()),
        (status, Some(word)),
        "{case}: answered {} {}",
        got.0,
        got.1
    );
    assert!(
        got.1["message"].as_str().is_some_and(|m| !m.is_empty()),
        "{case}: no message: {}",
        got.1
    );
}

/// Checks an accepted batch whose only record was rejected with a reason containing `reason`.
#[track_caller]
fn record_rejected(case: &str, got: (u16, Value), reason: &str) {
    assert_eq!(got.0, 200, "{case}: {}", got.1);
    let ack = &got.1;
    assert_eq!(
        ack["accepted"].as_array().map(Vec::len),
        Some(0),
        "{case}: {ack}"
    );
    let rejected = ack["rejected"].as_array().cloned().unwrap_or_default();
    assert_eq!(rejected.len(), 1, "{case}: {ack}");
    let text = rejected[0]["reason"].as_str().unwrap_or_default();
    assert!(
        text.contains(reason),
        "{case}: reason '{text}' does not say '{reason}'"
    );
}

/// Sends `head` and then `body_len` bytes of body (chunked when `chunked`) from a second
/// thread, and returns the status line the collector answered with (it may answer before the
/// body is complete and close the connection).
fn send_large(addr: SocketAddr, head: &str, body_len: usize, chunked: bool) -> String {
    for _attempt in 0..3 {
        let mut s =
            TcpStream::connect(addr).unwrap_or_else(|e| panic!("connecting to {addr}: {e}"));
        s.set_read_timeout(Some(Duration::from_secs(20))).ok();
        let mut w = s.try_clone().unwrap_or_else(|e| panic!("{e}"));
        let head = head.to_string();
        let writer = std::thread::spawn(move || {
            if w.write_all(head.as_bytes()).is_err() {
                return;
            }
            let chunk = vec![b'['; 64 * 1024];
            let mut sent = 0;
            while sent < body_len {
                let n = chunk.len().min(body_len - sent);
                let ok = if chunked {
                    w.write_all(format!("{n:x}\r\n").as_bytes()).is_ok()
                        && w.write_all(&chunk[..n]).is_ok()
                        && w.write_all(b"\r\n").is_ok()
                } else {
                    w.write_all(&chunk[..n]).is_ok()
                };
                if !ok {
                    return;
                }
                sent += n;
            }
            if chunked {
                let _ = w.write_all(b"0\r\n\r\n");
            }
        });
        let mut answer = Vec::new();
        let mut buf = [0u8; 4096];
        while !answer.windows(2).any(|w| w == b"\r\n") {
            match s.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
        let _ = s.shutdown(std::net::Shutdown::Both);
        let _ = writer.join();
        let text = String::from_utf8_lossy(&answer).to_string();
        if let Some(line) = text.lines().next().filter(|l| l.starts_with("HTTP/")) {
            return line.to_string();
        }
        // Reset before the answer could be read: inconclusive, try again.
    }
    panic!("the collector never answered the large request");
}

/// Opens a connection and sends `head` (a partial request); returns the stream.
fn partial_request(addr: SocketAddr, head: &str) -> TcpStream {
    let mut s = TcpStream::connect(addr).unwrap_or_else(|e| panic!("connecting to {addr}: {e}"));
    s.write_all(head.as_bytes())
        .unwrap_or_else(|e| panic!("writing a partial request: {e}"));
    s
}

#[test]
fn every_refusal_has_its_status_and_reason_and_changes_no_board() {
    let ws = Workspace::new("security");
    let config = CollectorConfig {
        request_timeout_secs: Some(2),
        ..CollectorConfig::default()
    };
    let (demo, mut collector) = setup(&ws, config);
    let api = Api {
        url: collector.url(),
        http: http_client(),
    };
    let moh = demo_key(&code("MOH"));
    let mof = demo_key(&code("MOF"));
    let moh_id = moh.key_id();
    let (assigned, not_assigned) = decisions_for(&demo, "MOH");

    // One more genuine batch from MOH (seq far above the agent's), kept to be replayed.
    let genuine = batch(
        "MOH",
        &moh_id,
        9_000,
        vec![status_env("MOH", &assigned, 55, 7)],
    );
    let genuine_sig = moh.sign(&genuine);
    let first = api.post(Some("MOH"), Some(&genuine_sig), &genuine);
    assert_eq!(first.0, 200, "{}", first.1);
    assert_eq!(
        first.1["accepted"].as_array().map(Vec::len),
        Some(1),
        "{}",
        first.1
    );

    let boards = served_boards(&collector);
    let mut version = collector.version();
    let records = collector.record_count();
    // What would change a board if it got through: a newer revision of an assigned status.
    let tempting = |seq| {
        batch(
            "MOH",
            &moh_id,
            seq,
            vec![status_env("MOH", &assigned, 99, 50)],
        )
    };

    // Signatures and keys.
    let body = tempting(9_001);
    refused(
        "signed with another center's key",
        api.post_signed("MOH", &mof, &body),
        401,
        "bad-signature",
    );
    let other_body = tempting(9_002);
    refused(
        "signature of another body",
        api.post(Some("MOH"), Some(&moh.sign(&other_body)), &body),
        401,
        "bad-signature",
    );
    refused(
        "signature not base64",
        api.post(Some("MOH"), Some("%%%not-a-signature%%%"), &body),
        401,
        "bad-signature",
    );
    let stranger = KeyPair::generate().unwrap_or_else(|e| panic!("{e}"));
    let strangers = batch(
        "MOH",
        &stranger.key_id(),
        1,
        vec![status_env("MOH", &assigned, 99, 50)],
    );
    refused(
        "a key nobody registered",
        api.post_signed("MOH", &stranger, &strangers),
        401,
        "bad-signature",
    );
    refused(
        "a center nobody registered",
        api.post_signed("XYZ", &stranger, &strangers),
        401,
        "unknown-center",
    );
    refused(
        "no signature",
        api.post(Some("MOH"), None, &body),
        401,
        "missing-signature",
    );
    refused(
        "no center",
        api.post(None, Some(&moh.sign(&body)), &body),
        401,
        "missing-signature",
    );

    // A center writing as another.
    let as_mof = batch(
        "MOF",
        &moh_id,
        9_003,
        vec![status_env("MOF", &assigned, 99, 50)],
    );
    refused(
        "MOH's batch claiming to be MOF's",
        api.post_signed("MOH", &moh, &as_mof),
        403,
        "center-mismatch",
    );
    refused(
        "MOH's signature under MOF's name",
        api.post_signed("MOF", &moh, &as_mof),
        401,
        "bad-signature",
    );
    let wrong_agent = batch(
        "MOH",
        &mof.key_id(),
        9_004,
        vec![status_env("MOH", &assigned, 99, 50)],
    );
    refused(
        "agent field of another key",
        api.post_signed("MOH", &moh, &wrong_agent),
        403,
        "agent-mismatch",
    );
    let carried = batch(
        "MOH",
        &moh_id,
        9_005,
        vec![status_env("MOF", &assigned, 99, 50)],
    );
    record_rejected(
        "MOH carrying MOF's record",
        api.post_signed("MOH", &moh, &carried),
        "MOH cannot report for MOF",
    );

    // Records a center may not send.
    let decision = RecordEnvelope {
        center: code("MOH"),
        as_of: demo_today(),
        revision: 9,
        record: Record::Decision(assigned.clone()),
    };
    record_rejected(
        "a decision from a ministry",
        api.post_signed("MOH", &moh, &batch("MOH", &moh_id, 9_006, vec![decision])),
        "only the secretariat",
    );
    record_rejected(
        "a status for a decision not assigned to MOH",
        api.post_signed(
            "MOH",
            &moh,
            &batch(
                "MOH",
                &moh_id,
                9_007,
                vec![status_env("MOH", &not_assigned, 99, 50)],
            ),
        ),
        &format!("decision {} is not assigned to MOH", not_assigned.number),
    );
    let mut unknown = assigned.clone();
    unknown.number = rasid_shared::model::DecisionNumber::new(18, 999, 99);
    record_rejected(
        "a status for an unknown decision",
        api.post_signed(
            "MOH",
            &moh,
            &batch(
                "MOH",
                &moh_id,
                9_008,
                vec![status_env("MOH", &unknown, 99, 50)],
            ),
        ),
        "is not known to the collector",
    );
    record_rejected(
        "an invalid record",
        api.post_signed(
            "MOH",
            &moh,
            &batch(
                "MOH",
                &moh_id,
                9_009,
                vec![status_env("MOH", &assigned, 150, 50)],
            ),
        ),
        "not valid",
    );

    // Replays: the same bytes again — before and after the collector is killed — are answered
    // as before and count nothing; old records under a new number are duplicates.
    let again = api.post(Some("MOH"), Some(&genuine_sig), &genuine);
    assert_eq!(
        (again.0, &again.1["replay"]),
        (200, &Value::Bool(true)),
        "{}",
        again.1
    );
    assert_eq!(again.1["accepted"], first.1["accepted"]);
    assert_eq!(
        collector.version(),
        version,
        "the boards' version moved before the crash"
    );
    collector.kill();
    collector.restart();
    // The version restarts with the process (it is not persisted); count from the new one.
    version = collector.version();
    let after_crash = api.post(Some("MOH"), Some(&genuine_sig), &genuine);
    assert_eq!(
        (after_crash.0, &after_crash.1["replay"]),
        (200, &Value::Bool(true)),
        "{}",
        after_crash.1
    );
    let renumbered = batch(
        "MOH",
        &moh_id,
        9_010,
        vec![status_env("MOH", &assigned, 55, 7)],
    );
    let dup = api.post_signed("MOH", &moh, &renumbered);
    assert_eq!(
        (dup.0, dup.1["duplicates"].as_array().map(Vec::len)),
        (200, Some(1)),
        "{}",
        dup.1
    );
    // A replayed number with other content is refused: not new content, and not an answer the
    // agent could take for its own (a rebuilt or restored store numbers anew when told).
    let swapped = batch(
        "MOH",
        &moh_id,
        9_000,
        vec![status_env("MOH", &assigned, 99, 50)],
    );
    let swapped = api.post_signed("MOH", &moh, &swapped);
    assert_eq!(
        (swapped.0, swapped.1["error"].as_str()),
        (409, Some("batch-number-reused")),
        "{}",
        swapped.1
    );

    // Bodies.
    refused(
        "malformed JSON",
        api.post_signed("MOH", &moh, b"{\"version\": 1, \"center\": "),
        400,
        "malformed",
    );
    let v2 =
        String::from_utf8_lossy(&tempting(9_011)).replacen("\"version\":1", "\"version\":2", 1);
    refused(
        "an unknown version",
        api.post_signed("MOH", &moh, v2.as_bytes()),
        400,
        "unsupported-version",
    );
    let big = wire::MAX_BATCH_BYTES + 1024 * 1024;
    let head = format!(
        "POST /v1/batches HTTP/1.1\r\nhost: e2e\r\ncontent-type: application/json\r\nx-rasid-center: MOH\r\n\
         x-rasid-signature: {}\r\ncontent-length: {big}\r\n\r\n",
        moh.sign(b"x")
    );
    let line = send_large(collector.addr(), &head, big, false);
    assert!(line.contains(" 413"), "a 9 MiB body answered: {line}");
    let head = "POST /v1/batches HTTP/1.1\r\nhost: e2e\r\ncontent-type: application/json\r\nx-rasid-center: MOH\r\n\
                x-rasid-signature: AAAA\r\ntransfer-encoding: chunked\r\n\r\n";
    let line = send_large(collector.addr(), head, big, true);
    assert!(
        line.contains(" 413"),
        "a 9 MiB chunked body answered: {line}"
    );

    // Signed GETs.
    let now = Utc::now();
    let ts = now.to_rfc3339_opts(SecondsFormat::Secs, true);
    let old = (now - chrono::Duration::minutes(10)).to_rfc3339_opts(SecondsFormat::Secs, true);
    let (s, v) = api.get_signed("MOH", &moh, "/v1/centers/MOH/assignments", &ts);
    assert_eq!(s, 200, "{v}");
    refused(
        "a signed GET from 10 minutes ago",
        api.get_signed("MOH", &moh, "/v1/centers/MOH/assignments", &old),
        401,
        "stale-timestamp",
    );
    refused(
        "another center's assignments",
        api.get_signed("MOH", &moh, "/v1/centers/MOF/assignments", &ts),
        403,
        "other-center",
    );

    // Walls' reads: boards, the stream and screen configurations only for a registered wall,
    // signing each request now with its own key.
    let wall = demo_wall_key();
    let read = |path: &str, headers: &[(&str, String)]| {
        let (status, text) = collector.get_with(path, headers);
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    };
    let signed = |name: &str, key: &KeyPair, path: &str, at| {
        wire::signed_read_headers(name, key, "GET", path, at).to_vec()
    };
    for path in [
        "/v1/boards",
        "/v1/boards/budget?center=MOH&year=2023",
        "/v1/stream",
        "/v1/screens/main-hall/config",
    ] {
        refused(
            &format!("an unsigned read of {path}"),
            read(path, &[]),
            401,
            "missing-signature",
        );
        refused(
            &format!("a read of {path} signed with a center's key as the wall"),
            read(path, &signed(DEMO_WALL, &moh, path, now)),
            401,
            "bad-signature",
        );
        refused(
            &format!("a read of {path} signed 10 minutes ago"),
            read(
                path,
                &signed(DEMO_WALL, &wall, path, now - chrono::Duration::minutes(10)),
            ),
            401,
            "stale-timestamp",
        );
        refused(
            &format!("a read of {path} by a wall not registered"),
            read(path, &signed("lobby", &wall, path, now)),
            401,
            "unknown-wall",
        );
    }
    let (s, v) = read("/v1/boards", &signed(DEMO_WALL, &wall, "/v1/boards", now));
    assert_eq!(s, 200, "the registered wall reads: {v}");

    // Slow loris: a body trickled byte by byte is cut off at the request timeout (408), and
    // the collector keeps serving everyone else meanwhile.
    let addr = collector.addr();
    let head = format!(
        "POST /v1/batches HTTP/1.1\r\nhost: e2e\r\ncontent-type: application/json\r\nx-rasid-center: MOH\r\n\
         x-rasid-signature: {}\r\ncontent-length: 100000\r\n\r\n{{",
        moh.sign(b"x")
    );
    let mut loris = partial_request(addr, &head);
    let mut trickle = loris.try_clone().unwrap_or_else(|e| panic!("{e}"));
    let trickler = std::thread::spawn(move || {
        for _ in 0..100 {
            std::thread::sleep(Duration::from_millis(100));
            if trickle.write_all(b" ").is_err() {
                return;
            }
        }
    });
    // Idle and half-sent headers, too: they must not stop others from being served.
    let _idle: Vec<TcpStream> = (0..20)
        .map(|_| partial_request(addr, "GET /v1/boards HTTP/1.1\r\nhost: e"))
        .collect();
    let opened = Instant::now();
    for _ in 0..10 {
        let t = Instant::now();
        let (s, _) = collector.get("/v1/boards/decision-execution");
        assert_eq!(s, 200);
        assert!(
            t.elapsed() < Duration::from_secs(1),
            "a board took {:?} while slow clients were connected",
            t.elapsed()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    loris.set_read_timeout(Some(Duration::from_secs(10))).ok();
    let mut answer = Vec::new();
    let _ = loris.read_to_end(&mut answer);
    let waited = opened.elapsed();
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.starts_with("HTTP/1.1 408"),
        "the slow-loris body was answered after {waited:?}: {answer:?}"
    );
    assert!(
        waited < Duration::from_secs(8),
        "the slow-loris body was cut off only after {waited:?}"
    );
    let _ = trickler.join();

    // Nothing of it changed a board.
    assert_eq!(collector.version(), version, "the boards' version moved");
    assert_eq!(
        collector.record_count(),
        records,
        "records at the collector"
    );
    assert_boards_equal(
        &boards,
        &served_boards(&collector),
        "after the whole matrix",
    );
    let (_, metrics) = collector.get("/metrics");
    // Counted since the restart (counters live in memory).
    for (word, count) in [
        ("malformed", 1.0),
        ("unsupported-version", 1.0),
        ("too-large", 2.0),
        ("stale-timestamp", 5.0),
        ("other-center", 1.0),
        ("unknown-wall", 4.0),
    ] {
        let name = format!("rasid_requests_refused_total{{error=\"{word}\"}}");
        let n = metric_value(&metrics, &name).unwrap_or(0.0);
        assert_eq!(n, count, "{name} after the restart");
    }
}

/// Slow-loris clients that never finish their request headers are cut off by the collector's
/// header-read timeout, so even with its file descriptors limited they cannot lock agents out.
/// (Found by this suite: `axum::serve` gave hyper no timer; fixed in collector/serve.rs.)
#[test]
fn clients_that_never_finish_their_headers_are_cut_off() {
    let ws = Workspace::new("slow-loris-headers");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let config = CollectorConfig {
        request_timeout_secs: Some(2),
        open_files: Some(64),
        ..CollectorConfig::default()
    };
    let collector = CollectorProc::start_demo(&ws, &demo, config);
    let addr = collector.addr();
    let mut held: Vec<TcpStream> = Vec::new();
    for _ in 0..80 {
        match TcpStream::connect_timeout(&addr, Duration::from_secs(1)) {
            Ok(mut s) => {
                let _ = s.write_all(b"GET /v1/boards HTTP/1.1\r\nhost: e2e\r\nx-slow: ");
                held.push(s);
            }
            Err(_) => break,
        }
    }
    let trickle = std::thread::spawn(move || {
        for _ in 0..60 {
            for s in held.iter_mut() {
                let _ = s.write_all(b"a");
            }
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    // Any sensible header timeout (hyper's default is 30 s) frees the descriptors in time.
    let http = http_client();
    let served = poll(Duration::from_secs(45), Duration::from_millis(500), || {
        http.get(format!("{}/healthz", collector.url()))
            .timeout(Duration::from_secs(2))
            .send()
            .ok()
            .filter(|r| r.status().is_success())
    });
    assert!(
        served.is_some(),
        "with 80 slow-loris clients connected, nobody else was served for 45 s"
    );
    drop(trickle);
}
