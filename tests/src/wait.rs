//! Bounded waiting: every wait in the suite has a deadline and says what it waited for.

use std::time::{Duration, Instant};

/// Polls `f` every `every` until it returns `Some`, or `None` once `timeout` has passed.
pub fn poll<T>(timeout: Duration, every: Duration, mut f: impl FnMut() -> Option<T>) -> Option<T> {
    let deadline = Instant::now() + timeout;
    loop {
        if let Some(v) = f() {
            return Some(v);
        }
        if Instant::now() >= deadline {
            return None;
        }
        std::thread::sleep(every.min(deadline.saturating_duration_since(Instant::now())));
    }
}

/// Like [`poll`] (every 50 ms), but panics naming `what` when the deadline passes.
pub fn wait_until<T>(what: &str, timeout: Duration, f: impl FnMut() -> Option<T>) -> T {
    poll(timeout, Duration::from_millis(50), f)
        .unwrap_or_else(|| panic!("timed out after {timeout:?} waiting for {what}"))
}
