//! A bad network: every agent talks to the collector through a fault-injecting proxy that
//! delays, refuses, resets, cuts requests mid-body, cuts answers after the collector stored the
//! batch, and holds answers past the agent's timeout. Everything must still arrive exactly
//! once: boards equal to the oracle, every record at revision 1 with one history entry.
//!
//! Half the centers run `rasid-agent run` (files dropped in the inbox), half `import` + `push`.
//! The seed is printed; `RASID_E2E_SEED=…` replays the sequence of fault plans.
//! `RASID_E2E_HEAVY=1` sends batches of 10 records instead of 30 (three times the requests).

use rasid_e2e::collector::metric_value;
use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::proxy::{FaultMix, FaultProxy};
use rasid_e2e::rng;
use rasid_e2e::wait::wait_until;
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Proc, Workspace, heavy};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// Drops `file` into the agent's inbox and waits until `run` has stored it (moved it to
/// `inbox/done/`).
fn drop_and_wait(agent: &Agent, file: &Path) {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let to = agent.inbox().join(&name);
    std::fs::copy(file, &to).unwrap_or_else(|e| panic!("dropping {}: {e}", to.display()));
    wait_until(
        &format!("{} to import {name}", agent.center),
        Duration::from_secs(60),
        || {
            let failed = std::fs::read_dir(agent.inbox().join("failed"))
                .map(|d| d.count())
                .unwrap_or(0);
            assert_eq!(
                failed,
                0,
                "{}: run refused {name}: see {}",
                agent.center,
                agent.inbox().join("failed").display()
            );
            std::fs::read_dir(agent.inbox().join("done"))
                .ok()?
                .flatten()
                .any(|e| {
                    e.file_name()
                        .to_string_lossy()
                        .ends_with(&format!("-{name}"))
                })
                .then_some(())
        },
    );
}

#[test]
fn every_record_arrives_exactly_once_through_a_faulty_network() {
    let started = Instant::now();
    let seed = rng::seed("bad_network");
    let ws = Workspace::new("bad-network");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let proxy = FaultProxy::start(collector.addr(), seed, FaultMix::default());
    let batch = if heavy() { 10 } else { 30 };
    let agents: Vec<Agent> = demo
        .centers()
        .iter()
        .map(|c| {
            let a = Agent::init(
                &ws.join(format!("agent-{c}")),
                c,
                &proxy.url(),
                Some(&demo.key_file(c)),
                &ws.logs(),
            );
            a.configure_for_tests(batch);
            a
        })
        .collect();

    // The secretariat's decisions first (statuses need them), through the same bad network.
    let gsc = &agents[0];
    let decisions: Vec<PathBuf> = demo.files_of("GSC").into_iter().take(2).collect();
    gsc.import(&decisions).expect_success();
    let gsc_runs = gsc.push_until_done(Duration::from_secs(120));

    // Then everyone at once: even positions as daemons, odd ones with import + push.
    let mut daemons: Vec<Proc> = Vec::new();
    let mut push_runs = gsc_runs;
    std::thread::scope(|s| {
        let mut handles = Vec::new();
        for (i, a) in agents.iter().enumerate() {
            let files: Vec<PathBuf> = demo
                .files_of(&a.center)
                .into_iter()
                .filter(|f| !decisions.contains(f))
                .collect();
            if i % 2 == 0 {
                daemons.push(a.spawn(&["run"]));
                // One file at a time, each once the previous one is stored: dropped together,
                // progress reports would be imported before their projects (see
                // reference_order.rs).
                handles.push(s.spawn(move || {
                    for f in &files {
                        drop_and_wait(a, f);
                    }
                    0
                }));
            } else {
                // A push after each file: more processes, more connections, more faults.
                handles.push(s.spawn(move || {
                    let mut runs = 0;
                    for f in &files {
                        a.import(std::slice::from_ref(f)).expect_success();
                        runs += a.push_until_done(Duration::from_secs(150));
                    }
                    runs
                }));
            }
        }
        for h in handles {
            push_runs += h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
        }
    });

    let total = demo.data.records.len() as u64;
    wait_until(
        "every record at the collector",
        Duration::from_secs(150),
        || (collector.record_count() >= total).then_some(()),
    );
    for d in daemons.iter_mut() {
        let st = d.terminate(Duration::from_secs(15));
        assert!(
            st.is_some_and(|s| s.success()),
            "`{}` did not stop cleanly on SIGTERM:\n{}",
            d.label(),
            d.stderr_text()
        );
    }
    for a in &agents {
        let st = a.status();
        assert!(
            st.drained(),
            "seed {seed}: {} left something behind: {st:?}",
            a.center
        );
        assert!(
            std::fs::read_dir(a.inbox())
                .map(|d| d.flatten().all(|e| e.path().is_dir()))
                .unwrap_or(true),
            "{}: files left in the inbox",
            a.center
        );
    }

    assert_eq!(
        collector.record_count(),
        total,
        "seed {seed}: records at the collector"
    );
    let expected = oracle(&demo.data.centers, demo.data.records.clone());
    assert_collector_boards(
        &collector,
        &expected,
        &format!("seed {seed}, through the faulty proxy"),
    );
    let (_, metrics) = collector.get("/metrics");
    let replayed = metric_value(&metrics, "rasid_batches_replayed_total").unwrap_or(0.0);
    let counts = proxy.counts();

    let mut collector = collector;
    let store = collector.kill_and_open_store();
    for env in store.records() {
        let env = env.unwrap_or_else(|e| panic!("reading the collector's store: {e}"));
        let key = env.key();
        assert_eq!(
            env.revision, 1,
            "seed {seed}: {key} at revision {}",
            env.revision
        );
        assert_eq!(
            store.history(&key).map(|h| h.len()).unwrap_or(0),
            1,
            "seed {seed}: {key} stored more than once"
        );
    }
    assert!(
        counts.faults() >= 20,
        "seed {seed}: too few faults to prove anything: {counts:?}"
    );
    eprintln!(
        "[e2e] bad network: seed {seed}: {} connections, {} faults ({} delayed, {} refused, {} reset, {} requests cut, \
         {} answers cut, {} reset mid-stream, {} stalled past the timeout); {replayed} batches answered as replays; \
         {push_runs} push runs; {total} records once, 0 lost; {:.1} s",
        counts.connections,
        counts.faults(),
        counts.delayed,
        counts.refused,
        counts.reset,
        counts.cut_request,
        counts.cut_response,
        counts.reset_mid,
        counts.stalled,
        started.elapsed().as_secs_f64()
    );
}
