//! Crash loop: agents (during `import`, `push` and `run`) and the collector are killed with
//! SIGKILL at seeded random moments, restarted, again and again; then everything drains. The
//! collector must hold exactly what was imported: every record, each once (revision 1, one
//! history entry), and boards equal to the oracle.
//!
//! The seed is printed; `RASID_E2E_SEED=…` replays a run. `RASID_E2E_HEAVY=1` kills 300 times
//! instead of 60, and `RASID_E2E_KILLS=N` N times.

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::rng::{self, Rng};
use rasid_e2e::{Agent, CollectorConfig, CollectorProc, DemoFiles, Proc, Workspace, heavy};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One center under test: its agent and which of its files are known to be stored.
struct Center {
    agent: Agent,
    files: Vec<PathBuf>,
    imported: Vec<bool>,
    /// Something may wait in its outbox.
    dirty: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Import(usize),
    Push,
    /// `rasid-agent run` with file `n` dropped into its inbox.
    Daemon(usize),
}

#[derive(Debug, Default)]
struct Tally {
    rounds: u32,
    kills_import: u32,
    kills_push: u32,
    kills_daemon: u32,
    kills_collector: u32,
    imports_done: u32,
    pushes_done: u32,
}

impl Tally {
    fn kills(&self) -> u32 {
        self.kills_import + self.kills_push + self.kills_daemon + self.kills_collector
    }
}

fn is_status_file(p: &Path) -> bool {
    p.file_stem().is_some_and(|s| s == "decision-status")
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// True when `run` moved `name` to `inbox/done/` (it does so after storing it).
fn daemon_imported(agent: &Agent, name: &str) -> bool {
    std::fs::read_dir(agent.inbox().join("done"))
        .map(|d| {
            d.flatten().any(|e| {
                e.file_name()
                    .to_string_lossy()
                    .ends_with(&format!("-{name}"))
            })
        })
        .unwrap_or(false)
}

/// How many kills the loop must reach, and the time it may take: `RASID_E2E_KILLS=N` (3 s a
/// kill, at least 170 s), else 300 kills in 900 s with `RASID_E2E_HEAVY=1`, else 60 in 170 s.
fn kills_and_budget() -> (u32, Duration) {
    let asked = std::env::var("RASID_E2E_KILLS").ok().map(|v| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .unwrap_or_else(|| {
                panic!("RASID_E2E_KILLS={v}: give a whole number of kills, e.g. 1000")
            })
    });
    match asked {
        Some(n) => (n, Duration::from_secs((3 * u64::from(n)).max(170))),
        None if heavy() => (300, Duration::from_secs(900)),
        None => (60, Duration::from_secs(170)),
    }
}

#[test]
fn killing_agents_and_collector_at_random_moments_loses_and_duplicates_nothing() {
    let started = Instant::now();
    let seed = rng::seed("crash_loop");
    let mut rng = Rng::new(seed);
    let (target_kills, budget) = kills_and_budget();

    let ws = Workspace::new("crash-loop");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let mut collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
    let mut centers: Vec<Center> = demo
        .centers()
        .iter()
        .map(|c| {
            let agent = Agent::init(
                &ws.join(format!("agent-{c}")),
                c,
                &collector.url(),
                Some(&demo.key_file(c)),
                &ws.logs(),
            );
            // Small batches: a push is many batches, so kills land between and inside them.
            agent.configure_for_tests(20);
            let files = demo.files_of(c);
            Center {
                imported: vec![false; files.len()],
                agent,
                files,
                dirty: false,
            }
        })
        .collect();
    let decisions_known = |c: &CollectorProc| {
        let d = c.get_json("/v1/boards/decision-execution");
        d["issued_decisions"] == rasid_shared::demo::figures::DECISIONS
            && d["issued_assignments"] == rasid_shared::demo::figures::ASSIGNMENTS
    };
    // Statuses are imported only once the secretariat's decisions are at the collector (a
    // status arriving first is rejected for good: see concurrent_centers.rs).
    let mut statuses_allowed = false;
    let mut tally = Tally::default();
    let context = |t: &Tally| {
        format!(
            "seed {seed}, after {} rounds and {} kills",
            t.rounds,
            t.kills()
        )
    };

    loop {
        let all_imported = centers.iter().all(|c| c.imported.iter().all(|i| *i));
        if all_imported && tally.kills() >= target_kills {
            break;
        }
        assert!(
            started.elapsed() < budget,
            "the crash loop did not finish within {budget:?} ({}; {tally:?})",
            context(&tally)
        );
        tally.rounds += 1;

        // Who acts this round, and how.
        let mut order: Vec<usize> = (0..centers.len()).collect();
        rng.shuffle(&mut order);
        let wanted = 1 + rng.below(4) as usize;
        let mut ops: Vec<(usize, Op)> = Vec::new();
        for &i in &order {
            if ops.len() == wanted {
                break;
            }
            let c = &centers[i];
            let pending: Vec<usize> = (0..c.files.len())
                .filter(|&f| !c.imported[f] && (statuses_allowed || !is_status_file(&c.files[f])))
                .collect();
            let op = if !pending.is_empty() && (rng.chance(0.6) || !c.dirty) {
                let f = pending[0];
                if rng.chance(0.15) {
                    Op::Daemon(f)
                } else {
                    Op::Import(f)
                }
            } else if c.dirty || (all_imported && rng.chance(0.5)) {
                Op::Push
            } else if all_imported {
                // Everything is in: keep killing over no-op imports (they must stay no-ops).
                Op::Import(rng.below(c.files.len() as u64) as usize)
            } else {
                continue;
            };
            ops.push((i, op));
        }

        // Start them all at once.
        let mut running: Vec<(usize, Op, Proc)> = ops
            .iter()
            .map(|&(i, op)| {
                let c = &centers[i];
                let p = match op {
                    Op::Import(f) => c.agent.spawn_import(&[c.files[f].clone()]),
                    Op::Push => c.agent.spawn(&["--json", "push"]),
                    Op::Daemon(f) => {
                        let target = c.agent.inbox().join(file_name(&c.files[f]));
                        std::fs::copy(&c.files[f], &target)
                            .unwrap_or_else(|e| panic!("dropping {}: {e}", target.display()));
                        c.agent.spawn(&["run"])
                    }
                };
                (i, op, p)
            })
            .collect();

        // A random moment, then kills.
        let has_daemon = ops.iter().any(|(_, op)| matches!(op, Op::Daemon(_)));
        let delay = if has_daemon {
            rng.range(300, 2_000)
        } else if rng.chance(0.5) {
            // Most imports and short pushes end within this: kill them early.
            rng.range(0, 120)
        } else {
            rng.range(0, 600)
        };
        let kill_collector = rng.chance(0.3);
        std::thread::sleep(Duration::from_millis(delay));
        for (_, op, p) in running.iter_mut() {
            let daemon = matches!(op, Op::Daemon(_));
            if (daemon || rng.chance(0.8)) && p.kill() {
                match op {
                    Op::Import(_) => tally.kills_import += 1,
                    Op::Push => tally.kills_push += 1,
                    Op::Daemon(_) => tally.kills_daemon += 1,
                }
            }
        }
        if kill_collector {
            if collector.kill() {
                tally.kills_collector += 1;
            }
            std::thread::sleep(Duration::from_millis(rng.range(0, 300)));
            collector.restart();
        }

        // The rest run to their end (a push retries while the collector restarts).
        for (i, op, p) in running.iter_mut() {
            let c = &mut centers[*i];
            let status = p.wait_timeout(Duration::from_secs(60)).unwrap_or_else(|| {
                p.kill();
                panic!(
                    "{}: `{}` did not end within 60 s:\n{}",
                    context(&tally),
                    p.label(),
                    p.stderr_text()
                )
            });
            match *op {
                Op::Import(f) => {
                    c.dirty = true;
                    if status.success() {
                        c.imported[f] = true;
                        tally.imports_done += 1;
                    } else if status.code().is_some() {
                        panic!("{}: {}", context(&tally), p.finished().describe("failed"));
                    }
                }
                Op::Push => {
                    // A push that exits 0 has emptied the outbox; one that fails (collector
                    // killed under it for longer than its retries) leaves it for later.
                    if status.success() {
                        c.dirty = false;
                        tally.pushes_done += 1;
                    }
                }
                Op::Daemon(f) => {
                    c.dirty = true;
                    let name = file_name(&c.files[f]);
                    if daemon_imported(&c.agent, &name) {
                        c.imported[f] = true;
                    }
                    // Not yet imported: take it back; it is scheduled again later.
                    let _ = std::fs::remove_file(c.agent.inbox().join(&name));
                    assert!(
                        std::fs::read_dir(c.agent.inbox().join("failed"))
                            .map(|d| d.count() == 0)
                            .unwrap_or(true),
                        "{}: the daemon refused a demo file: see {}",
                        context(&tally),
                        c.agent.inbox().join("failed").display()
                    );
                }
            }
        }
        if !statuses_allowed && centers[0].imported[0] && decisions_known(&collector) {
            statuses_allowed = true;
        }
    }

    // Drain: everything imported again (no-ops where it was stored) and pushed.
    let kill_phase = started.elapsed();
    if !collector.is_running() {
        collector.restart();
    }
    for c in &centers {
        c.agent.import(&c.files).expect_success();
        c.agent.push_until_done(Duration::from_secs(90));
    }
    for c in &centers {
        let st = c.agent.status();
        assert!(
            st.drained(),
            "{}: {} left something behind: {st:?}",
            context(&tally),
            c.agent.center
        );
    }

    let total = demo.data.records.len();
    assert_eq!(
        collector.record_count() as usize,
        total,
        "{}: records at the collector",
        context(&tally)
    );
    let expected = oracle(&demo.data.centers, demo.data.records.clone());
    assert_collector_boards(&collector, &expected, &context(&tally));

    // Each record once: revision 1 and a single history entry, no key that was not imported.
    let store = collector.kill_and_open_store();
    let want: BTreeSet<String> = demo
        .data
        .records
        .iter()
        .map(|e| e.key().as_str().to_string())
        .collect();
    let mut seen = BTreeSet::new();
    for env in store.records() {
        let env = env
            .unwrap_or_else(|e| panic!("{}: reading the collector's store: {e}", context(&tally)));
        let key = env.key();
        assert_eq!(
            env.revision,
            1,
            "{}: {key} stored at revision {}",
            context(&tally),
            env.revision
        );
        let history = store.history(&key).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            history.len(),
            1,
            "{}: {key} has {} history entries",
            context(&tally),
            history.len()
        );
        seen.insert(key.as_str().to_string());
    }
    assert_eq!(
        seen,
        want,
        "{}: the stored keys are not the imported ones",
        context(&tally)
    );
    drop(store);

    // A restart serves the same boards (rebuilt from disk).
    collector.restart();
    assert_collector_boards(&collector, &expected, "after the final restart");
    eprintln!(
        "[e2e] crash loop: seed {seed}: {} kills ({} import, {} push, {} run, {} collector) in {} rounds, {} collector starts; \
         {} records delivered once, 0 lost; kill phase {:.1} s, total {:.1} s",
        tally.kills(),
        tally.kills_import,
        tally.kills_push,
        tally.kills_daemon,
        tally.kills_collector,
        tally.rounds,
        collector.starts(),
        total,
        kill_phase.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
}
