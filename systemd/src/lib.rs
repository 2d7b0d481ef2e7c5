//! Telling systemd that a Rasid program is ready and still alive: the `sd_notify` protocol
//! (one datagram per message to the Unix socket named by `NOTIFY_SOCKET`), and a [`Watchdog`]
//! that paces `WATCHDOG=1` to half of the unit's `WatchdogSec=`. Not a timer: the program
//! calls [`Watchdog::alive`] from the loop whose progress proves it works (the wall's frame
//! loop, the collector's liveness check, the agent's run loop), so a hung loop stops the pings
//! and systemd restarts the program.
//!
//! Outside systemd (no `NOTIFY_SOCKET`) every call does nothing. A message that cannot be sent
//! is logged once as a warning and never stops the program.

use std::io;
use std::os::unix::net::UnixDatagram;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// Where systemd listens: a path, or a name in the abstract namespace (`@name`).
#[derive(Debug, Clone, PartialEq, Eq)]
enum Address {
    Path(PathBuf),
    Abstract(Vec<u8>),
}

/// The connection to systemd's notification socket, as the environment gives it.
#[derive(Debug)]
pub struct Notifier {
    address: Option<Address>,
    /// How often systemd wants `WATCHDOG=1` at the latest (`WATCHDOG_USEC`), when it asks.
    watchdog: Option<Duration>,
    warned: AtomicBool,
}

impl Notifier {
    /// From `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID`. The watchdog applies when
    /// `WATCHDOG_PID` is absent, this process's id, or its parent's: a wall started by `cage`
    /// or `xinit` is their child, and systemd names the program it started (the unit then has
    /// `NotifyAccess=all`).
    pub fn from_env() -> Notifier {
        let var = |k: &str| std::env::var(k).ok().filter(|v| !v.is_empty());
        Notifier::from_values(
            var("NOTIFY_SOCKET").as_deref(),
            var("WATCHDOG_USEC").as_deref(),
            var("WATCHDOG_PID").as_deref(),
            [std::process::id(), std::os::unix::process::parent_id()],
        )
    }

    fn from_values(
        socket: Option<&str>,
        usec: Option<&str>,
        pid: Option<&str>,
        own_pids: [u32; 2],
    ) -> Notifier {
        let address = socket.map(|s| match s.strip_prefix('@') {
            Some(name) => Address::Abstract(name.as_bytes().to_vec()),
            None => Address::Path(PathBuf::from(s)),
        });
        let for_us =
            pid.is_none_or(|p| p.trim().parse::<u32>().is_ok_and(|p| own_pids.contains(&p)));
        let watchdog = usec
            .and_then(|u| u.trim().parse::<u64>().ok())
            .filter(|&u| u > 0 && for_us)
            .map(Duration::from_micros);
        Notifier {
            address,
            watchdog,
            warned: AtomicBool::new(false),
        }
    }

    /// True when the program runs under systemd with `Type=notify` (a socket is named).
    pub fn is_active(&self) -> bool {
        self.address.is_some()
    }

    /// The unit's `WatchdogSec=`, when it has one.
    pub fn watchdog_timeout(&self) -> Option<Duration> {
        self.watchdog
    }

    /// `READY=1`: the program has started and serves.
    pub fn ready(&self) {
        self.notify("READY=1");
    }

    /// `STOPPING=1`: the program is shutting down on request.
    pub fn stopping(&self) {
        self.notify("STOPPING=1");
    }

    /// Sends `state` (newline-separated `KEY=value` lines); failures are logged once.
    pub fn notify(&self, state: &str) {
        if let Err(e) = self.send(state)
            && !self.warned.swap(true, Ordering::Relaxed)
        {
            tracing::warn!("cannot tell systemd '{state}': {e}");
        }
    }

    /// Sends `state` to systemd; `Ok` with nothing sent outside systemd.
    pub fn send(&self, state: &str) -> io::Result<()> {
        let Some(address) = &self.address else {
            return Ok(());
        };
        let socket = UnixDatagram::unbound()?;
        match address {
            Address::Path(p) => socket.send_to(state.as_bytes(), p)?,
            Address::Abstract(name) => {
                use std::os::linux::net::SocketAddrExt;
                let addr = std::os::unix::net::SocketAddr::from_abstract_name(name)?;
                socket.send_to_addr(state.as_bytes(), &addr)?
            }
        };
        Ok(())
    }
}

/// Paces `WATCHDOG=1`: [`Watchdog::alive`] may be called as often as wanted (every frame);
/// it sends at most once per half of `WatchdogSec=`.
#[derive(Debug)]
pub struct Watchdog {
    notifier: Notifier,
    every: Option<Duration>,
    last: Option<Instant>,
}

impl Watchdog {
    /// The watchdog of `notifier`: active when systemd set `WatchdogSec=`.
    pub fn new(notifier: Notifier) -> Watchdog {
        let every = notifier.watchdog_timeout().map(|t| t / 2);
        Watchdog {
            notifier,
            every,
            last: None,
        }
    }

    /// How often [`Watchdog::alive`] must be called at least (half of `WatchdogSec=`), or
    /// `None` when no watchdog is asked for.
    pub fn interval(&self) -> Option<Duration> {
        self.every
    }

    /// The notifier, for `READY=1` and `STOPPING=1`.
    pub fn notifier(&self) -> &Notifier {
        &self.notifier
    }

    /// The caller's loop made progress: sends `WATCHDOG=1` if the last one is half a timeout old.
    pub fn alive(&mut self) {
        let Some(every) = self.every else {
            return;
        };
        let now = Instant::now();
        if self.last.is_none_or(|t| now.duration_since(t) >= every) {
            self.last = Some(now);
            self.notifier.notify("WATCHDOG=1");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn watchdog_applies_only_to_the_process_it_names() {
        let us = [42, 7]; // this process, its parent (cage, xinit)
        let n = Notifier::from_values(Some("/run/x"), Some("20000000"), Some("41"), us);
        assert_eq!(n.watchdog_timeout(), None);
        let n = Notifier::from_values(Some("/run/x"), Some("20000000"), Some("42"), us);
        assert_eq!(n.watchdog_timeout(), Some(Duration::from_secs(20)));
        let n = Notifier::from_values(Some("/run/x"), Some("20000000"), Some("7"), us);
        assert_eq!(n.watchdog_timeout(), Some(Duration::from_secs(20)));
        let n = Notifier::from_values(Some("/run/x"), Some("20000000"), None, us);
        assert_eq!(Watchdog::new(n).interval(), Some(Duration::from_secs(10)));
        let n = Notifier::from_values(Some("/run/x"), Some("0"), None, us);
        assert_eq!(n.watchdog_timeout(), None);
        let n = Notifier::from_values(Some("/run/x"), Some("soon"), None, us);
        assert_eq!(n.watchdog_timeout(), None);
    }

    #[test]
    fn an_at_sign_names_an_abstract_socket() {
        let n = Notifier::from_values(Some("@rasid/notify"), None, None, [1, 0]);
        assert_eq!(n.address, Some(Address::Abstract(b"rasid/notify".to_vec())));
        assert!(!Notifier::from_values(None, None, None, [1, 0]).is_active());
    }

    #[test]
    fn messages_reach_the_socket_and_watchdog_pings_are_paced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notify");
        let listener = UnixDatagram::bind(&path).unwrap();
        listener
            .set_read_timeout(Some(Duration::from_secs(5)))
            .unwrap();
        let n = Notifier::from_values(path.to_str(), Some("2000000"), None, [1, 0]);
        let mut w = Watchdog::new(n);
        w.notifier().ready();
        w.alive();
        w.alive(); // within the second: not sent
        let mut buf = [0u8; 64];
        let mut got = Vec::new();
        for _ in 0..2 {
            let k = listener.recv(&mut buf).unwrap();
            got.push(String::from_utf8_lossy(&buf[..k]).into_owned());
        }
        assert_eq!(got, ["READY=1", "WATCHDOG=1"]);
        listener.set_nonblocking(true).unwrap();
        assert!(listener.recv(&mut buf).is_err(), "a second ping within 1 s");
    }

    #[test]
    fn outside_systemd_nothing_is_sent_and_nothing_fails() {
        let n = Notifier::from_values(None, Some("2000000"), None, [1, 0]);
        assert!(n.send("READY=1").is_ok());
        let mut w = Watchdog::new(n);
        w.alive();
    }
}
