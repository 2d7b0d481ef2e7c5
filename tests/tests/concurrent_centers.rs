//! Many centers at once: every center of the demo (the report's 19, and more) has its own
//! agent process, and all of them import and push at the same moment to one collector
//! process. The boards must equal the oracle exactly, and every agent's outbox be empty.

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use rasid_shared::demo::figures;
use std::path::PathBuf;
use std::sync::Barrier;
use std::time::Instant;

/// Sets up a collector with the demo registry and one agent per demo center (demo keys).
fn setup(ws: &Workspace) -> (DemoFiles, CollectorProc, Vec<Agent>) {
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(ws, &demo, CollectorConfig::default());
    let agents: Vec<Agent> = demo
        .centers()
        .iter()
        .map(|c| {
            let a = Agent::init(
                &ws.join(format!("agent-{c}")),
                c,
                &collector.url(),
                Some(&demo.key_file(c)),
                &ws.logs(),
            );
            a.configure_for_tests(250);
            a
        })
        .collect();
    (demo, collector, agents)
}

#[test]
fn every_demo_center_importing_and_pushing_at_once_gives_exactly_the_demo_boards() {
    let started = Instant::now();
    let ws = Workspace::new("concurrent");
    let (demo, collector, agents) = setup(&ws);
    assert_eq!(agents.len(), demo.data.centers.len());
    assert!(
        agents.len() >= 19,
        "the demo has at least the report's 19 centers"
    );

    // The secretariat issues its decisions first, as it does in life: a status for a decision
    // the collector does not know yet is rejected for good (see reference_order.rs).
    let gsc = &agents[0];
    assert_eq!(gsc.center, "GSC");
    let decisions: Vec<PathBuf> = demo.files_of("GSC").into_iter().take(2).collect();
    gsc.import(&decisions).expect_success();
    gsc.push().expect_success();

    // Then all at once: each imports its remaining files, then pushes.
    let barrier = Barrier::new(agents.len());
    std::thread::scope(|s| {
        for a in &agents {
            let files: Vec<PathBuf> = demo
                .files_of(&a.center)
                .into_iter()
                .filter(|f| !decisions.contains(f))
                .collect();
            let barrier = &barrier;
            s.spawn(move || {
                barrier.wait();
                if !files.is_empty() {
                    a.import(&files).expect_success();
                }
                let out = a.push().expect_success().json();
                assert_eq!(out["rejected"], 0, "{}: {out}", a.center);
            });
        }
    });

    for a in &agents {
        let st = a.status();
        assert!(
            st.drained(),
            "{}: something was left behind: {st:?}",
            a.center
        );
        assert_eq!(
            st.records as usize,
            demo.records_of(&a.center).len(),
            "{}",
            a.center
        );
    }
    assert_eq!(
        collector.record_count() as usize,
        demo.data.records.len(),
        "records at the collector"
    );
    let expected = oracle(&demo.data.centers, demo.data.records.clone());
    assert_collector_boards(&collector, &expected, "after every agent pushed at once");

    // And the annual report's own figures, as served.
    let d = collector.get_json("/v1/boards/decision-execution");
    assert_eq!(d["issued_decisions"], figures::DECISIONS);
    assert_eq!(d["issued_assignments"], figures::ASSIGNMENTS);
    assert_eq!(d["routine_excluded"], figures::ROUTINE_DECISIONS);
    let c = collector.get_json("/v1/boards/committees?year=2023");
    assert_eq!(c["committees"], figures::COMMITTEES);
    assert_eq!(c["meetings"], figures::COMMITTEE_MEETINGS);
    assert_eq!(
        c["recommendations_approved"],
        figures::RECOMMENDATIONS_APPROVED
    );
    let b = collector.get_json("/v1/boards/budget?center=GSC&year=2023");
    assert_eq!(b["total"]["allocated"], figures::SECRETARIAT_BUDGET_PLANNED);
    assert_eq!(b["total"]["spent"], figures::SECRETARIAT_BUDGET_SPENT);
    eprintln!(
        "[e2e] concurrent: {} agents, {} records, boards equal the oracle, {:.1} s",
        agents.len(),
        demo.data.records.len(),
        started.elapsed().as_secs_f64()
    );
}
