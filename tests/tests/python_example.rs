//! The integrator's view: docs/examples/push_and_read.py, written from docs/API.md alone, run
//! with `python3` against a real `serve` process, must push its batch and find it on the board;
//! and what API.md says of resends (the `digest`) holds over a socket.
//!
//! Needs `python3` with the `cryptography` package (`.ci/run` installs both); without them the
//! test fails saying what to install, so the example can never silently stop being checked.

use rasid_collector::demo::demo_key;
use rasid_e2e::collector::http_client;
use rasid_e2e::process::run;
use rasid_e2e::{CollectorConfig, CollectorProc, DemoFiles, Workspace};
use rasid_shared::sign::KeyPair;
use rasid_shared::wire;
use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

/// The example script, from the workspace root.
fn example_script() -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    root.parent()
        .unwrap_or(&root)
        .join("docs/examples/push_and_read.py")
}

/// Panics, saying what to install, unless `python3` runs and imports `cryptography`.
fn require_python_with_cryptography() {
    const INSTALL: &str = "install Python and its cryptography package: \
        `apt-get install python3 python3-cryptography` (Debian, Ubuntu; .ci/run does), \
        or `pip install cryptography` for another python3";
    match Command::new("python3")
        .args(["-c", "import cryptography"])
        .output()
    {
        Err(e) => panic!(
            "this test runs docs/examples/push_and_read.py with python3, which cannot be started ({e}); {INSTALL}"
        ),
        Ok(out) if !out.status.success() => panic!(
            "python3 has no `cryptography` package, which docs/examples/push_and_read.py needs; {INSTALL}\n{}",
            String::from_utf8_lossy(&out.stderr)
        ),
        Ok(_) => {}
    }
}

/// A collector with the demo's registry (and keys), holding no records, dated the demo's day.
fn setup(ws: &Workspace) -> (DemoFiles, CollectorProc) {
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(ws, &demo, CollectorConfig::default());
    (demo, collector)
}

/// The collector's year, as `GET /v1/boards` tells it.
fn collector_year(collector: &CollectorProc) -> i32 {
    let today = collector.get_json("/v1/boards")["today"]
        .as_str()
        .unwrap_or_else(|| panic!("GET /v1/boards has no today"))
        .to_string();
    today
        .get(..4)
        .and_then(|y| y.parse().ok())
        .unwrap_or_else(|| panic!("GET /v1/boards: today is {today}, not a date"))
}

#[test]
fn the_python_example_pushes_a_budget_line_that_the_budget_board_then_shows() {
    require_python_with_cryptography();
    let ws = Workspace::new("python-example");
    let (demo, collector) = setup(&ws);
    let spent = 123_457;
    let mut cmd = Command::new("python3");
    cmd.arg(example_script())
        .arg(collector.url())
        .arg("MOH")
        .arg(demo.key_file("MOH"))
        .args(["--spent", &spent.to_string()])
        .args(["--wall", rasid_collector::demo::DEMO_WALL, "--wall-key"])
        .arg(demo.key_file(rasid_collector::demo::DEMO_WALL));
    let out = run(
        cmd,
        "push_and_read.py",
        &ws.logs(),
        Duration::from_secs(120),
    )
    .expect_success();

    let year = collector_year(&collector);
    assert!(
        out.stdout.contains(&format!(
            "budget board, MOH, {year}: spent 0 -> {spent} ILS"
        )),
        "{}",
        out.describe("should have printed the board's figure before and after")
    );
    // Read over HTTP here, not through the script: the line is on the board.
    let board = collector.get_json(&format!("/v1/boards/budget?center=MOH&year={year}"));
    assert_eq!(board["total"]["spent"], spent, "{board}");
    assert_eq!(board["by_program"][0]["program"], "EXAMPLE", "{board}");
    // The script sent its batch twice; the second was answered from memory, as a replay.
    assert_eq!(collector.metric("rasid_batches_accepted_total"), Some(1.0));
    assert_eq!(collector.metric("rasid_batches_replayed_total"), Some(1.0));
}

/// POST /v1/batches of `body` signed by `key` as `center`: status and JSON answer.
fn post_signed(collector: &CollectorProc, center: &str, key: &KeyPair, body: &str) -> (u16, Value) {
    let r = http_client()
        .post(format!("{}/v1/batches", collector.url()))
        .header("content-type", "application/json")
        .header(wire::HEADER_CENTER, center)
        .header(wire::HEADER_SIGNATURE, key.sign(body.as_bytes()))
        .body(body.to_string())
        .send()
        .unwrap_or_else(|e| panic!("POST /v1/batches: {e}"));
    let status = r.status().as_u16();
    let text = r.text().unwrap_or_default();
    let answer = serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("POST /v1/batches answered {status}, not JSON ({e}): {text}"));
    (status, answer)
}

/// API.md, "Epoch": the digest is of the batch as the collector decoded it. A resend written
/// differently (spacing, order of keys, the time zone of `created`) is the same batch; the
/// same records with another `created` are another batch under a used number.
#[test]
fn a_resend_is_the_same_batch_when_it_decodes_to_the_same_values_created_included() {
    let ws = Workspace::new("resend-digest");
    let (_demo, collector) = setup(&ws);
    let key =
        demo_key(&rasid_shared::model::CenterCode::new("MOH").unwrap_or_else(|e| panic!("{e}")));
    let agent = key.key_id();
    let year = collector_year(&collector);
    let line = format!(
        r#"{{"record": "budget", "fiscal_year": {year}, "month": 1, "program": "P1", "category": "operating", "allocated": 1000000, "committed": 0, "spent": 84000, "currency": "ILS"}}"#
    );
    let first = format!(
        r#"{{"version": 1, "center": "MOH", "agent": "{agent}", "epoch": "e1", "seq": 1, "created": "{year}-01-31T09:00:00Z",
 "records": [{{"center": "MOH", "as_of": "{year}-01-31", "revision": 1, "record": {line}}}]}}"#
    );
    let (status, ack) = post_signed(&collector, "MOH", &key, &first);
    assert_eq!(status, 200, "{ack}");
    assert_eq!(ack["accepted"].as_array().map(Vec::len), Some(1), "{ack}");
    assert_eq!(ack["replay"], false);

    // Other bytes, same values: compact, keys in another order, `created` at +03:00.
    let rewritten = format!(
        r#"{{"records":[{{"record":{line},"revision":1,"as_of":"{year}-01-31","center":"MOH"}}],"created":"{year}-01-31T12:00:00+03:00","seq":1,"epoch":"e1","agent":"{agent}","center":"MOH","version":1}}"#
    );
    let (status, again) = post_signed(&collector, "MOH", &key, &rewritten);
    assert_eq!(status, 200, "{again}");
    assert_eq!(again["replay"], true, "{again}");
    assert_eq!(again["digest"], ack["digest"], "{again}");

    // The same records, created a second later: refused, nothing counted.
    let later = first.replace("T09:00:00Z", "T09:00:01Z");
    let (status, refused) = post_signed(&collector, "MOH", &key, &later);
    assert_eq!(status, 409, "{refused}");
    assert_eq!(refused["error"], "batch-number-reused", "{refused}");
    let board = collector.get_json(&format!("/v1/boards/budget?center=MOH&year={year}"));
    assert_eq!(board["total"]["spent"], 84000, "{board}");
    assert_eq!(collector.metric("rasid_batches_accepted_total"), Some(1.0));
}
