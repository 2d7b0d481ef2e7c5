//! The agent and the collector under systemd: the real `rasid-agent serve` and `rasid-agent
//! run` tell a fake `NOTIFY_SOCKET` (a datagram socket in a temp dir) READY=1, then WATCHDOG=1
//! at the pace of `WATCHDOG_USEC`, and STOPPING=1 on SIGTERM (deploy/systemd/*.service).
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A fake systemd notification socket.
struct FakeSystemd {
    socket: UnixDatagram,
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
}

impl FakeSystemd {
    fn new() -> FakeSystemd {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let socket = UnixDatagram::bind(&path).unwrap();
        socket
            .set_read_timeout(Some(Duration::from_millis(200)))
            .unwrap();
        FakeSystemd {
            socket,
            _dir: dir,
            path,
        }
    }

    /// Every message received until `until` returns true for the ones so far, or `within` ends.
    fn messages(&self, within: Duration, until: impl Fn(&[String]) -> bool) -> Vec<String> {
        let deadline = Instant::now() + within;
        let mut got = Vec::new();
        let mut buf = [0u8; 256];
        while Instant::now() < deadline && !until(&got) {
            if let Ok(k) = self.socket.recv(&mut buf) {
                got.push(String::from_utf8_lossy(&buf[..k]).into_owned());
            }
        }
        got
    }
}

fn spawn(data: &Path, args: &[&str], systemd: &FakeSystemd, watchdog: &[(&str, &str)]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .arg("--data")
        .arg(data)
        .args(args)
        .env("NOTIFY_SOCKET", &systemd.path)
        .envs(watchdog.iter().copied())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn count(messages: &[String], m: &str) -> usize {
    messages.iter().filter(|x| *x == m).count()
}

/// Sends SIGTERM and waits for the exit; the process must end by itself within 15 s.
fn terminate(mut child: Child) -> std::process::ExitStatus {
    let ok = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(ok.success());
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(s) = child.try_wait().unwrap() {
            return s;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("still running 15 s after SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn centers_example() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/examples/centers.toml")
}

#[test]
fn the_collector_tells_systemd_it_is_ready_then_alive_then_stopping() {
    let systemd = FakeSystemd::new();
    let data = tempfile::tempdir().unwrap();
    let centers = centers_example();
    let args = [
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--centers",
        centers.to_str().unwrap(),
    ];
    let child = spawn(data.path(), &args, &systemd, &[("WATCHDOG_USEC", "400000")]);
    let got = systemd.messages(Duration::from_secs(30), |m| count(m, "WATCHDOG=1") >= 3);
    let status = terminate(child);
    assert_eq!(got.first().map(String::as_str), Some("READY=1"), "{got:?}");
    assert!(count(&got, "WATCHDOG=1") >= 3, "{got:?}");
    let rest = systemd.messages(Duration::from_secs(2), |m| {
        m.iter().any(|x| x == "STOPPING=1")
    });
    assert!(rest.iter().any(|x| x == "STOPPING=1"), "{rest:?}");
    assert!(status.success(), "{status}");
}

#[test]
fn the_agent_daemon_tells_systemd_it_is_ready_then_alive_then_stopping() {
    let systemd = FakeSystemd::new();
    let data = tempfile::tempdir().unwrap();
    // An upstream nobody listens on: pulls fail, the loop goes on and stays alive.
    let init = Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .arg("--data")
        .arg(data.path())
        .args([
            "init",
            "--center",
            "MOH",
            "--upstream",
            "http://127.0.0.1:9",
        ])
        .output()
        .unwrap();
    assert!(
        init.status.success(),
        "{}",
        String::from_utf8_lossy(&init.stderr)
    );
    let child = spawn(
        data.path(),
        &["run"],
        &systemd,
        &[("WATCHDOG_USEC", "1000000")],
    );
    let got = systemd.messages(Duration::from_secs(30), |m| count(m, "WATCHDOG=1") >= 2);
    let status = terminate(child);
    assert_eq!(got.first().map(String::as_str), Some("READY=1"), "{got:?}");
    assert!(count(&got, "WATCHDOG=1") >= 2, "{got:?}");
    let rest = systemd.messages(Duration::from_secs(2), |m| {
        m.iter().any(|x| x == "STOPPING=1")
    });
    assert!(rest.iter().any(|x| x == "STOPPING=1"), "{rest:?}");
    assert!(status.success(), "{status}");
}

#[test]
fn a_watchdog_meant_for_another_process_is_not_pinged() {
    let systemd = FakeSystemd::new();
    let data = tempfile::tempdir().unwrap();
    let centers = centers_example();
    let args = [
        "serve",
        "--listen",
        "127.0.0.1:0",
        "--centers",
        centers.to_str().unwrap(),
    ];
    // WATCHDOG_PID names another process (systemd sets it to the main process it watches).
    let watchdog = [("WATCHDOG_USEC", "200000"), ("WATCHDOG_PID", "1")];
    let child = spawn(data.path(), &args, &systemd, &watchdog);
    let got = systemd.messages(Duration::from_secs(3), |_| false);
    let status = terminate(child);
    assert_eq!(got, ["READY=1"]);
    assert!(status.success(), "{status}");
}
