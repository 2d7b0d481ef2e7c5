//! Records that refer to others — a decision status to its decision, a project's progress
//! report to its project — arriving at the collector before what they refer to.
//!
//! Found by this suite and fixed: the collector rejects them (`unknown-decision`,
//! `unknown-project`); importing the same file again sends a rejected record again, and files
//! imported together go referenced-first, so nothing is lost.

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Workspace};
use rasid_shared::model::Record;
use std::path::PathBuf;

fn setup(ws: &Workspace, centers: &[&str]) -> (DemoFiles, CollectorProc, Vec<Agent>) {
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(ws, &demo, CollectorConfig::default());
    let agents = centers
        .iter()
        .map(|c| {
            Agent::init(
                &ws.join(format!("agent-{c}")),
                c,
                &collector.url(),
                Some(&demo.key_file(c)),
                &ws.logs(),
            )
        })
        .collect();
    (demo, collector, agents)
}

#[test]
fn a_status_pushed_before_its_decision_still_reaches_the_board() {
    let ws = Workspace::new("status-before-decision");
    let (demo, collector, agents) = setup(&ws, &["GSC", "MOH"]);
    let (gsc, moh) = (&agents[0], &agents[1]);

    // MOH reports first…
    moh.import(&demo.files_of("MOH")).expect_success();
    moh.push().expect_success();
    // …then the secretariat's decisions arrive…
    gsc.import(&demo.files_of("GSC")).expect_success();
    gsc.push().expect_success();
    // …and the clerk does what the agent guide says for rejected records: import again, push.
    moh.import(&demo.files_of("MOH")).expect_success();
    moh.push().expect_success();

    let mut records = demo.records_of("GSC");
    records.extend(demo.records_of("MOH"));
    let st = moh.status();
    assert_eq!(
        collector.record_count() as usize,
        records.len(),
        "MOH's statuses did not arrive; MOH's agent holds {} rejected record(s)",
        st.rejected
    );
    assert_collector_boards(
        &collector,
        &oracle(&demo.data.centers, records),
        "MOH's statuses after the decisions",
    );
}

#[test]
fn progress_reports_imported_together_with_their_projects_reach_the_board() {
    let ws = Workspace::new("progress-before-project");
    let (demo, collector, agents) = setup(&ws, &["GSC", "MPWH"]);
    let (gsc, mpwh) = (&agents[0], &agents[1]);
    gsc.import(&demo.files_of("GSC")).expect_success();
    gsc.push().expect_success();

    // As the README shows it: `import /tmp/rasid-demo/MPWH/*.json` (the shell sorts the names).
    let mut glob: Vec<PathBuf> = demo.files_of("MPWH");
    glob.sort();
    mpwh.import(&glob).expect_success();
    let pushed = mpwh.push().expect_success().json();
    // The project is at the collector now; the clerk imports everything again and pushes.
    mpwh.import(&glob).expect_success();
    mpwh.push().expect_success();

    let mut records = demo.records_of("GSC");
    records.extend(demo.records_of("MPWH"));
    let progress = demo
        .records_of("MPWH")
        .iter()
        .filter(|e| matches!(e.record, Record::ProjectProgress(_)))
        .count();
    assert!(progress > 0, "the demo has progress reports for MPWH");
    assert_eq!(
        collector.record_count() as usize,
        records.len(),
        "MPWH's first push answered {pushed}; {} record(s) stay rejected ({progress} progress reports)",
        mpwh.status().rejected
    );
    assert_collector_boards(
        &collector,
        &oracle(&demo.data.centers, records),
        "MPWH's projects and progress",
    );
}
