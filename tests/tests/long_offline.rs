//! A long time offline: the collector is down while an agent imports a large file (20,000
//! budget lines; 100,000 with `RASID_E2E_HEAVY=1`) and tries to push; then the collector comes
//! back and one `push` drains the backlog. The collector's record count and boards are exact.

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::generate::{budget_lines, write_json};
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace, heavy};
use std::time::Instant;

#[test]
fn a_backlog_imported_while_the_collector_is_down_arrives_whole_when_it_returns() {
    let started = Instant::now();
    let n = if heavy() { 100_000 } else { 20_000 };
    let ws = Workspace::new("long-offline");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    // Not started: agents know its address, nothing answers there.
    let mut collector = CollectorProc::new(
        &ws.join("collector"),
        &demo.centers_toml(),
        &ws.logs(),
        CollectorConfig::default(),
    );
    let agent = Agent::init(
        &ws.join("agent-MOH"),
        "MOH",
        &collector.url(),
        Some(&demo.key_file("MOH")),
        &ws.logs(),
    );
    agent.configure_for_tests(1000);

    let records = budget_lines("MOH", 2022, n);
    let file = ws.join("budget-2022.json");
    write_json(&file, &records);
    let t = Instant::now();
    let out = agent.import(std::slice::from_ref(&file)).expect_success();
    let import_secs = t.elapsed().as_secs_f64();
    assert!(
        out.stdout.contains(&format!("{n} rows stored ({n} new")),
        "{}",
        out.stdout
    );

    // Pushing while the collector is down fails, and says the records wait (the count grouped
    // by thousands, as the clerk reads it).
    let failed = agent.push().expect_failure();
    let waiting = format!("{},{:03} records wait", n / 1000, n % 1000);
    assert!(
        failed.stderr.contains(&waiting) && failed.stderr.contains("will be sent when it can"),
        "{}",
        failed.describe("should say what stays queued")
    );
    let st = agent.status();
    assert_eq!((st.records, st.outbox), (n as u64, n as u64), "{st:?}");
    assert!(
        st.last_error.is_some(),
        "status shows the last error: {st:?}"
    );

    collector.restart();
    let t = Instant::now();
    let pushed = agent.push().expect_success().json();
    let push_secs = t.elapsed().as_secs_f64();
    assert_eq!(pushed["accepted"], n, "{pushed}");
    assert_eq!(pushed["duplicates"], 0, "{pushed}");
    assert_eq!(pushed["rejected"], 0, "{pushed}");
    assert!(agent.status().drained());
    assert_eq!(collector.record_count() as usize, n);
    let expected = oracle(&demo.data.centers, records);
    assert_collector_boards(&collector, &expected, "after the backlog drained");
    eprintln!(
        "[e2e] long offline: {n} records imported in {import_secs:.1} s while the collector was down, \
         pushed in {push_secs:.1} s after it returned; 0 lost; total {:.1} s",
        started.elapsed().as_secs_f64()
    );
}
