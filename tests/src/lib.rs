//! The end-to-end harness: real `rasid-agent` processes (collectors and agents) on loopback,
//! driven the way operators and clerks drive them, killed the way machines die.
//!
//! What it is for: the scenarios in `tests/tests/*.rs` (many centers at once, crash loops, a bad
//! network, a long offline spell, the security matrix, a full disk), described with their
//! guarantees in docs/RELIABILITY.md. What it is not for: unit or in-process API tests (those
//! live next to the code and in `agent/tests/`). Tests that show a known bug are marked
//! `#[ignore = "bug: …"]`; `cargo test -p rasid-e2e -- --ignored` runs them.
//!
//! - [`binary`]: finds (or builds once) the `rasid-agent` binary next to the test executable.
//! - [`process`]: a guard around a child process; killed (SIGKILL) when dropped.
//! - [`collector`]: `rasid-agent serve` as a process: start, kill, restart, read boards.
//! - [`agent`]: an agent's data directory and its commands (`init`, `import`, `push`, `run` …).
//! - [`demo`]: the demo files and the oracle: boards computed by `rasid_shared::board`.
//! - [`proxy`]: a seeded fault-injecting TCP proxy between agents and collector.
//! - [`disk`]: a size-limited file system for the agent (tmpfs), or a file-size limit.
//! - [`generate`]: large generated import files; [`rng`]: the seeded PRNG; [`wait`]: deadlines;
//!   [`workspace`]: a test's temporary directory and its `logs/`.
//! - [`fuzz_checks`]: what each fuzz target (`fuzz/`) checks, shared with
//!   `tests/fuzz_regressions.rs`, which replays the committed corpora.

pub mod agent;
pub mod binary;
pub mod collector;
pub mod demo;
pub mod disk;
pub mod fuzz_checks;
pub mod generate;
pub mod process;
pub mod proxy;
pub mod rng;
pub mod wait;
pub mod workspace;

pub use agent::{Agent, AgentStatus};
pub use collector::{CollectorConfig, CollectorProc};
pub use demo::{BoardQuery, DemoFiles};
pub use process::{Finished, Proc};
pub use rng::Rng;
pub use workspace::Workspace;

/// True when `RASID_E2E_HEAVY=1`: the heavier variants (more kills, 100,000 records …) run.
pub fn heavy() -> bool {
    std::env::var("RASID_E2E_HEAVY").is_ok_and(|v| v == "1")
}
