//! A child process under a guard: its output goes to files in the workspace's `logs/`, every
//! wait has a deadline, and it is killed (SIGKILL) when the guard is dropped — a failing test
//! leaves nothing running.

use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

static NEXT_LOG: AtomicU64 = AtomicU64::new(1);

/// Proxy settings must never route loopback traffic of the processes under test elsewhere.
const PROXY_VARS: [&str; 6] = [
    "HTTP_PROXY",
    "HTTPS_PROXY",
    "ALL_PROXY",
    "http_proxy",
    "https_proxy",
    "all_proxy",
];

/// A running (or finished, not yet collected) child process.
pub struct Proc {
    child: Option<Child>,
    label: String,
    stdout: PathBuf,
    stderr: PathBuf,
    status: Option<ExitStatus>,
}

/// A finished process: how it ended and what it printed.
#[derive(Debug, Clone)]
pub struct Finished {
    pub label: String,
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

impl Finished {
    pub fn success(&self) -> bool {
        self.status.success()
    }

    /// True when the process died of SIGKILL.
    pub fn killed(&self) -> bool {
        self.status.signal() == Some(libc::SIGKILL)
    }

    /// Panics, showing the output, unless the process exited with 0.
    pub fn expect_success(self) -> Finished {
        assert!(self.success(), "{}", self.describe("should have succeeded"));
        self
    }

    /// Panics, showing the output, unless the process exited with a failure code.
    pub fn expect_failure(self) -> Finished {
        assert!(
            !self.success() && self.status.code().is_some(),
            "{}",
            self.describe("should have failed with an exit code")
        );
        self
    }

    /// The standard output parsed as JSON (for `--json` commands).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(self.stdout.trim())
            .unwrap_or_else(|e| panic!("{}", self.describe(&format!("printed no JSON ({e})"))))
    }

    pub fn describe(&self, what: &str) -> String {
        format!(
            "`{}` {what}; it ended with {}\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.label,
            self.status,
            tail(&self.stdout, 4000),
            tail(&self.stderr, 4000)
        )
    }
}

fn tail(s: &str, n: usize) -> &str {
    let start = s.len().saturating_sub(n);
    let start = (start..=s.len())
        .find(|i| s.is_char_boundary(*i))
        .unwrap_or(s.len());
    &s[start..]
}

impl Proc {
    /// Starts `cmd` with its output in `logs/`; `label` names it in messages.
    pub fn spawn(mut cmd: Command, label: &str, logs: &Path) -> Proc {
        let n = NEXT_LOG.fetch_add(1, Ordering::Relaxed);
        let safe: String = label
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' {
                    c
                } else {
                    '_'
                }
            })
            .take(60)
            .collect();
        let stdout = logs.join(format!("{n:05}-{safe}.out"));
        let stderr = logs.join(format!("{n:05}-{safe}.err"));
        let out = std::fs::File::create(&stdout)
            .unwrap_or_else(|e| panic!("creating {}: {e}", stdout.display()));
        let err = std::fs::File::create(&stderr)
            .unwrap_or_else(|e| panic!("creating {}: {e}", stderr.display()));
        for v in PROXY_VARS {
            cmd.env_remove(v);
        }
        cmd.stdin(Stdio::null()).stdout(out).stderr(err);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("starting `{label}`: {e}"));
        Proc {
            child: Some(child),
            label: label.to_string(),
            stdout,
            stderr,
            status: None,
        }
    }

    pub fn label(&self) -> &str {
        &self.label
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// The exit status, without waiting; `None` while it runs.
    pub fn try_status(&mut self) -> Option<ExitStatus> {
        if self.status.is_none()
            && let Some(c) = self.child.as_mut()
        {
            self.status = c.try_wait().ok().flatten();
        }
        self.status
    }

    pub fn is_running(&mut self) -> bool {
        self.try_status().is_none()
    }

    /// SIGKILL now and reap. True when the kill is what ended it (it was still running).
    pub fn kill(&mut self) -> bool {
        if self.try_status().is_some() {
            return false;
        }
        if let Some(c) = self.child.as_mut() {
            let _ = c.kill();
            self.status = c.wait().ok();
        }
        self.status
            .is_some_and(|s| s.signal() == Some(libc::SIGKILL))
    }

    /// SIGTERM, then up to `grace` for a clean exit, then SIGKILL.
    pub fn terminate(&mut self, grace: Duration) -> Option<ExitStatus> {
        if self.try_status().is_none()
            && let Some(pid) = self.pid()
        {
            // SAFETY: kill(2) with a pid we spawned and have not reaped yet.
            unsafe {
                libc::kill(pid as libc::pid_t, libc::SIGTERM);
            }
            if self.wait_timeout(grace).is_none() {
                self.kill();
            }
        }
        self.status
    }

    /// Waits up to `timeout` for the process to end; `None` if it still runs.
    pub fn wait_timeout(&mut self, timeout: Duration) -> Option<ExitStatus> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(s) = self.try_status() {
                return Some(s);
            }
            if Instant::now() >= deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Waits up to `timeout` for the end and returns its output; past the deadline the process
    /// is killed and the test fails, showing what it printed.
    pub fn finish(mut self, timeout: Duration) -> Finished {
        match self.wait_timeout(timeout) {
            Some(_) => self.finished(),
            None => {
                self.kill();
                let f = self.finished();
                panic!(
                    "{}",
                    f.describe(&format!("did not end within {timeout:?} and was killed"))
                );
            }
        }
    }

    /// The output so far and the status (the process must have ended).
    pub fn finished(&mut self) -> Finished {
        let status = self.try_status().expect("finished() on a running process");
        Finished {
            label: self.label.clone(),
            status,
            stdout: self.stdout_text(),
            stderr: self.stderr_text(),
        }
    }

    pub fn stdout_text(&self) -> String {
        std::fs::read_to_string(&self.stdout).unwrap_or_default()
    }

    pub fn stderr_text(&self) -> String {
        std::fs::read_to_string(&self.stderr).unwrap_or_default()
    }
}

impl Drop for Proc {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Runs `cmd` to its end (at most `timeout`).
pub fn run(cmd: Command, label: &str, logs: &Path, timeout: Duration) -> Finished {
    Proc::spawn(cmd, label, logs).finish(timeout)
}

/// Makes the process's writes past `bytes` of any file fail with EFBIG (RLIMIT_FSIZE), with
/// SIGXFSZ ignored so the write fails instead of killing the process.
pub fn limit_file_size(cmd: &mut Command, bytes: u64) {
    // SAFETY: setrlimit(2) and signal(2) are async-signal-safe; nothing is allocated.
    unsafe {
        cmd.pre_exec(move || {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let lim = libc::rlimit {
                rlim_cur: bytes as libc::rlim_t,
                rlim_max: bytes as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_FSIZE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}

/// Lets the process hold at most `n` open files (RLIMIT_NOFILE), sockets included.
pub fn limit_open_files(cmd: &mut Command, n: u64) {
    // SAFETY: setrlimit(2) is async-signal-safe; nothing is allocated.
    unsafe {
        cmd.pre_exec(move || {
            let lim = libc::rlimit {
                rlim_cur: n as libc::rlim_t,
                rlim_max: n as libc::rlim_t,
            };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &lim) != 0 {
                return Err(std::io::Error::last_os_error());
            }
            Ok(())
        });
    }
}
