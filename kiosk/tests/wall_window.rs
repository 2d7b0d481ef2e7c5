//! The wall in a meeting room: the real `rasid-kiosk --demo` on an X server with no window
//! manager (Xvfb, started here on a free display), as a wall started by `xinit` or a systemd
//! unit runs. Its window must cover the screen (nobody honours a full-screen request there),
//! the X screen saver must be off while it runs, and it must tell a fake systemd
//! (`NOTIFY_SOCKET`) READY=1 and then WATCHDOG=1 from its frame loop.
//!
//! Skipped, with the reason printed, when Xvfb or xwininfo is not installed (`.ci/run` installs
//! both: packages xvfb and x11-utils).
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use std::ffi::CString;
use std::os::unix::net::UnixDatagram;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A process of this test, killed when the test ends however it ends.
struct Owned(Child);

impl Drop for Owned {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|p| std::env::split_paths(&p).any(|d| d.join(program).is_file()))
}

/// Starts Xvfb with one screen of `size` on a display no one uses.
fn start_xvfb(size: &str) -> (Owned, String) {
    for n in 70..200 {
        let socket = format!("/tmp/.X11-unix/X{n}");
        if Path::new(&socket).exists() || Path::new(&format!("/tmp/.X{n}-lock")).exists() {
            continue;
        }
        let display = format!(":{n}");
        let child = Command::new("Xvfb")
            .args([
                &display,
                "-screen",
                "0",
                &format!("{size}x24"),
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut xvfb = Owned(child);
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            if Path::new(&socket).exists() {
                return (xvfb, display);
            }
            if xvfb.0.try_wait().unwrap().is_some() {
                break; // lost a race for this display: try the next
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    panic!("no free X display between :70 and :199 for Xvfb");
}

/// The geometry `xwininfo` reports for the window titled Rasid: x, y, width, height.
fn rasid_window(display: &str) -> Option<(i64, i64, i64, i64)> {
    let out = Command::new("xwininfo")
        .args(["-display", display, "-name", "Rasid"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.trim().strip_prefix(name))
            .and_then(|v| v.trim().parse::<i64>().ok())
    };
    if !text.contains("IsViewable") {
        return None;
    }
    Some((
        field("Absolute upper-left X:")?,
        field("Absolute upper-left Y:")?,
        field("Width:")?,
        field("Height:")?,
    ))
}

/// The X server's screen saver timeout, in seconds (0: off).
fn screen_saver_timeout(display: &str) -> i32 {
    let x = x11_dl::xlib::Xlib::open().unwrap();
    let name = CString::new(display).unwrap();
    // SAFETY: a valid C string; the display is checked, read once and closed.
    unsafe {
        let d = (x.XOpenDisplay)(name.as_ptr());
        assert!(!d.is_null(), "cannot open {display}");
        let (mut timeout, mut interval, mut blanking, mut exposures) = (0, 0, 0, 0);
        (x.XGetScreenSaver)(
            d,
            &mut timeout,
            &mut interval,
            &mut blanking,
            &mut exposures,
        );
        (x.XCloseDisplay)(d);
        timeout
    }
}

#[test]
fn without_a_window_manager_the_wall_covers_the_screen_keeps_it_on_and_feeds_the_watchdog() {
    for program in ["Xvfb", "xwininfo"] {
        if !installed(program) {
            eprintln!("SKIPPED: {program} is not installed (apt-get install xvfb x11-utils)");
            return;
        }
    }
    // Not the 800x600 eframe opens, nor the 1920x1080 of --size's default.
    let (_xvfb, display) = start_xvfb("1600x900");
    assert_ne!(
        screen_saver_timeout(&display),
        0,
        "Xvfb starts with its screen saver on"
    );
    let dir = tempfile::tempdir().unwrap();
    let notify = dir.path().join("notify");
    let systemd = UnixDatagram::bind(&notify).unwrap();
    systemd
        .set_read_timeout(Some(Duration::from_millis(200)))
        .unwrap();
    let log = std::fs::File::create(dir.path().join("kiosk.log")).unwrap();
    let kiosk = Command::new(env!("CARGO_BIN_EXE_rasid-kiosk"))
        .arg("--demo")
        .current_dir(dir.path())
        .env("DISPLAY", &display)
        .env_remove("WAYLAND_DISPLAY")
        .env(
            "WGPU_BACKEND",
            std::env::var("WGPU_BACKEND").unwrap_or_else(|_| "gl".into()),
        )
        .env("NOTIFY_SOCKET", &notify)
        .env("WATCHDOG_USEC", "1000000")
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let mut kiosk = Owned(kiosk);
    let log = || std::fs::read_to_string(dir.path().join("kiosk.log")).unwrap_or_default();

    // A debug build under a software renderer: allow it time for its first frames.
    let deadline = Instant::now() + Duration::from_secs(120);
    let mut last = None;
    let mut messages = Vec::new();
    let mut buf = [0u8; 256];
    loop {
        if let Ok(k) = systemd.recv(&mut buf) {
            messages.push(String::from_utf8_lossy(&buf[..k]).into_owned());
        }
        last = rasid_window(&display).or(last);
        let pings = messages.iter().filter(|m| *m == "WATCHDOG=1").count();
        if last == Some((0, 0, 1600, 900)) && pings >= 2 {
            break;
        }
        assert!(
            kiosk.0.try_wait().unwrap().is_none(),
            "the kiosk exited:\n{}",
            log()
        );
        assert!(
            Instant::now() < deadline,
            "after 120 s the window is {last:?} (x, y, width, height), not (0, 0, 1600, 900); \
             systemd heard {} message(s), the first {:?}\n{}",
            messages.len(),
            messages.iter().take(3).collect::<Vec<_>>(),
            log()
        );
    }
    assert_eq!(
        messages.first().map(String::as_str),
        Some("READY=1"),
        "{messages:?}"
    );
    assert_eq!(
        screen_saver_timeout(&display),
        0,
        "the screen saver is still on:\n{}",
        log()
    );
}
