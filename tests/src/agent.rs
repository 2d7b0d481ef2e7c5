//! An agent as a center runs it: a data directory and the `rasid-agent` commands, each a real
//! process. Set up with `init`, then given the demo key of its center (so the demo registry's
//! public keys match) and a configuration tuned for tests (small batches, short timeouts).

use crate::binary::agent_binary;
use crate::process::{Finished, Proc, run};
use rasid_agent::config::{AgentConfig, CONFIG_FILE, KEY_FILE};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long a single `import`, `push`, `status` … may take before the test fails.
pub const COMMAND_TIMEOUT: Duration = Duration::from_secs(120);

/// An agent's data directory and the commands run in it.
#[derive(Debug, Clone)]
pub struct Agent {
    pub center: String,
    pub dir: PathBuf,
    logs: PathBuf,
}

/// What `rasid-agent status --json` says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentStatus {
    pub records: u64,
    pub outbox: u64,
    pub inflight_batch: Option<u64>,
    pub rejected: u64,
    pub last_error: Option<String>,
}

impl AgentStatus {
    /// Nothing waits to be sent and nothing was refused.
    pub fn drained(&self) -> bool {
        self.outbox == 0 && self.inflight_batch.is_none() && self.rejected == 0
    }
}

impl Agent {
    /// `rasid-agent --data DIR init --center CENTER --upstream URL`, then the key in `key_file`
    /// (a demo key written by `demo-data`) replaces the generated one.
    pub fn init(
        dir: &Path,
        center: &str,
        upstream: &str,
        key_file: Option<&Path>,
        logs: &Path,
    ) -> Agent {
        let agent = Agent {
            center: center.to_string(),
            dir: dir.to_path_buf(),
            logs: logs.to_path_buf(),
        };
        let out = agent
            .run(&["--json", "init", "--center", center, "--upstream", upstream])
            .expect_success();
        let printed = out.json();
        assert_eq!(printed["center"], center, "init printed {printed}");
        if let Some(k) = key_file {
            let key = std::fs::read_to_string(k)
                .unwrap_or_else(|e| panic!("reading {}: {e}", k.display()));
            std::fs::write(dir.join(KEY_FILE), key)
                .unwrap_or_else(|e| panic!("writing {}: {e}", dir.join(KEY_FILE).display()));
        }
        agent
    }

    /// The agent of demo center `center` in `ws` (folder `agent-CENTER`, the demo's key), pushing
    /// to `upstream`.
    pub fn of_demo(
        ws: &crate::Workspace,
        demo: &crate::DemoFiles,
        upstream: &str,
        center: &str,
    ) -> Agent {
        Agent::init(
            &ws.join(format!("agent-{center}")),
            center,
            upstream,
            Some(&demo.key_file(center)),
            &ws.logs(),
        )
    }

    /// Imports `file` and pushes it, both expected to succeed.
    pub fn import_and_push(&self, file: &Path) {
        self.import(&[file.to_path_buf()]).expect_success();
        self.push().expect_success();
    }

    /// Changes the agent's `rasid-agent.toml` (validated as the agent validates it).
    pub fn configure(&self, change: impl FnOnce(&mut AgentConfig)) {
        let mut cfg = AgentConfig::load(&self.dir).unwrap_or_else(|e| panic!("{e:#}"));
        change(&mut cfg);
        AgentConfig::parse(&cfg.to_toml())
            .unwrap_or_else(|e| panic!("the test's configuration: {e:#}"));
        std::fs::write(self.dir.join(CONFIG_FILE), cfg.to_toml())
            .unwrap_or_else(|e| panic!("writing the config: {e}"));
    }

    /// Test settings: `batch` records per batch, short timeouts and backoff.
    pub fn configure_for_tests(&self, batch: usize) {
        self.configure(|c| {
            c.batch_records = batch;
            c.request_timeout_secs = 3;
            c.max_backoff_secs = 1;
            c.pull_interval_secs = 5;
        });
    }

    /// Points the agent at another collector address.
    pub fn set_upstream(&self, url: &str) {
        self.configure(|c| c.upstream = url.to_string());
    }

    /// The folder `rasid-agent run` watches.
    pub fn inbox(&self) -> PathBuf {
        self.dir.join("inbox")
    }

    /// `rasid-agent --data DIR ARGS…`, not started.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(agent_binary());
        // What it prints is compared in English, whatever this machine's language.
        cmd.env("RASID_LANG", "en");
        cmd.arg("--data")
            .arg(&self.dir)
            .args(args)
            .env("RASID_LOG", "info");
        cmd
    }

    /// Starts `rasid-agent ARGS…` (e.g. `run`) under a guard.
    pub fn spawn(&self, args: &[&str]) -> Proc {
        Proc::spawn(self.command(args), &self.label(args), &self.logs)
    }

    /// Starts `import FILES…`.
    pub fn spawn_import(&self, files: &[PathBuf]) -> Proc {
        let mut cmd = self.command(&["import"]);
        cmd.args(files);
        Proc::spawn(cmd, &self.label(&["import"]), &self.logs)
    }

    /// Runs `rasid-agent ARGS…` to its end.
    pub fn run(&self, args: &[&str]) -> Finished {
        run(
            self.command(args),
            &self.label(args),
            &self.logs,
            COMMAND_TIMEOUT,
        )
    }

    /// Runs `import FILES…` to its end.
    pub fn import(&self, files: &[PathBuf]) -> Finished {
        self.spawn_import(files).finish(COMMAND_TIMEOUT)
    }

    /// Runs `push` to its end.
    pub fn push(&self) -> Finished {
        self.run(&["--json", "push"])
    }

    /// Runs `push` until one succeeds (each `push` already retries a few times), at most
    /// `timeout`; returns how many `push` runs it took.
    pub fn push_until_done(&self, timeout: Duration) -> u32 {
        let deadline = Instant::now() + timeout;
        let mut runs = 0;
        loop {
            runs += 1;
            let f = self.push();
            if f.success() {
                return runs;
            }
            assert!(
                Instant::now() < deadline,
                "{}",
                f.describe(&format!("still failing after {runs} runs and {timeout:?}"))
            );
        }
    }

    /// `status --json`.
    pub fn status(&self) -> AgentStatus {
        let f = self.run(&["--json", "status"]).expect_success();
        let v = f.json();
        let n = |k: &str| {
            v[k].as_u64()
                .unwrap_or_else(|| panic!("status --json has no number '{k}': {v}"))
        };
        AgentStatus {
            records: n("records"),
            outbox: n("outbox"),
            inflight_batch: v["inflight_batch"].as_u64(),
            rejected: n("rejected"),
            last_error: v["last_error"].as_str().map(str::to_string),
        }
    }

    fn label(&self, args: &[&str]) -> String {
        let words: Vec<&str> = args
            .iter()
            .copied()
            .filter(|a| !a.starts_with("--"))
            .take(1)
            .collect();
        format!("agent-{}-{}", self.center, words.join("-"))
    }
}
