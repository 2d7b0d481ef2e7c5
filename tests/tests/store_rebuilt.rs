//! An agent whose store is rebuilt — `doctor` set a damaged one aside, as docs/AGENT.md tells
//! the clerk to expect, or an older backup was restored — while its key stays the same.
//!
//! Found here first: batch numbers live in the store, so a rebuilt store numbered its batches
//! from 1 again under the same key; the collector answered `center/agent/1` with the old
//! acknowledgement (`replay`) and the agent dropped the new records from its outbox. Now each
//! store has an epoch (shared/src/store/epoch.rs): a rebuilt store begins a new one, and a
//! restored copy that reuses a number for other records is refused with 409
//! `batch-number-reused`, upon which the agent begins a new epoch and sends again.

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::generate::{budget_lines, write_json};
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use std::path::{Path, PathBuf};

/// A collector with the demo registry, and MOH's agent (demo key) pointed at it.
struct Scene {
    ws: Workspace,
    demo: DemoFiles,
    collector: CollectorProc,
    agent: Agent,
}

impl Scene {
    fn start(name: &str) -> Scene {
        let ws = Workspace::new(name);
        let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
        let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
        let agent = Agent::init(
            &ws.join("agent-MOH"),
            "MOH",
            &collector.url(),
            Some(&demo.key_file("MOH")),
            &ws.logs(),
        );
        Scene {
            ws,
            demo,
            collector,
            agent,
        }
    }
}

/// MOH's demo file of `kind` (`budget`, `kpi`, …).
fn demo_file(demo: &DemoFiles, kind: &str) -> PathBuf {
    demo.dir.join("MOH").join(format!("{kind}.json"))
}

#[test]
fn records_imported_after_the_store_was_rebuilt_reach_the_collector() {
    let Scene {
        ws: _ws,
        demo,
        collector,
        agent,
    } = Scene::start("store-rebuilt");
    let file = |kind: &str| demo_file(&demo, kind);

    agent.import(&[file("budget")]).expect_success();
    agent.push().expect_success();

    // The store is damaged; `doctor` sets it aside and starts an empty one.
    std::fs::write(
        agent.dir.join("store").join("conf"),
        b"\x00\x01 not a sled configuration",
    )
    .unwrap_or_else(|e| panic!("damaging the store: {e}"));
    let doctor = agent.run(&["doctor"]);
    assert!(
        doctor.stderr.contains("moved to"),
        "{}",
        doctor.describe("should set the store aside")
    );

    // The clerk does as told: imports the files again — and this month's new one.
    agent
        .import(&[file("budget"), file("kpi")])
        .expect_success();
    let pushed = agent.push().expect_success().json();
    let st = agent.status();
    assert!(st.drained(), "{st:?}");

    let records: Vec<_> = demo
        .records_of("MOH")
        .into_iter()
        .filter(|e| !matches!(e.record, rasid_shared::model::Record::DecisionStatus(_)))
        .collect();
    assert_eq!(
        collector.record_count() as usize,
        records.len(),
        "the agent reported {pushed} and has nothing left to send, but the KPIs never arrived"
    );
    assert_collector_boards(
        &collector,
        &oracle(&demo.data.centers, records),
        "after the store was rebuilt",
    );
}

/// Copies the folder `from` to `to` (files and folders, recursively).
fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap_or_else(|e| panic!("creating {}: {e}", to.display()));
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.unwrap_or_else(|e| panic!("{e}"));
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copying {}: {e}", entry.path().display()));
        }
    }
}

#[test]
fn records_imported_into_a_restored_older_copy_of_the_store_reach_the_collector() {
    let Scene {
        ws,
        demo,
        collector,
        agent,
    } = Scene::start("store-restored");
    let file = |kind: &str| demo_file(&demo, kind);
    let store = agent.dir.join("store");

    agent.import(&[file("budget")]).expect_success();
    agent.push().expect_success();
    // Last night's copy of the store.
    let copy = ws.join("store-copy");
    copy_dir(&store, &copy);
    // Today's work, sent: batch 2.
    agent.import(&[file("kpi")]).expect_success();
    agent.push().expect_success();

    // The disk is replaced and last night's copy put back; the clerk imports a new file, whose
    // first batch is numbered 2 again, for other records.
    std::fs::remove_dir_all(&store).unwrap_or_else(|e| panic!("removing the store: {e}"));
    copy_dir(&copy, &store);
    let older = budget_lines("MOH", 2022, 300);
    let extra = ws.join("budget-2022.json");
    write_json(&extra, &older);
    agent.import(&[extra]).expect_success();
    let pushed = agent.push().expect_success();
    assert!(
        pushed.json()["new_epoch"].is_string(),
        "{}",
        pushed.describe("should have met the reused number and begun a new epoch")
    );
    assert!(agent.status().drained(), "{}", pushed.stdout);

    let mut records: Vec<_> = demo
        .records_of("MOH")
        .into_iter()
        .filter(|e| !matches!(e.record, rasid_shared::model::Record::DecisionStatus(_)))
        .collect();
    records.extend(older);
    assert_eq!(collector.record_count() as usize, records.len());
    assert_collector_boards(
        &collector,
        &oracle(&demo.data.centers, records),
        "after a restored copy of the store was used",
    );
}
