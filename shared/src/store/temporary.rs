//! Where a [`Store::temporary`](super::Store::temporary) lives, and the cleaning up of those a
//! killed process left behind. sled removes a temporary store when it is dropped, but a process
//! killed (a wall restarted by its watchdog, a test stopped) drops nothing: its store stayed in
//! `/dev/shm`, in memory, until the machine restarted (17 MB for the kiosk's demo each time).
//! Each store is named for its process, and a new one first removes those of processes gone.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The start of every temporary store's folder name: `rasid-store.<pid>.<n>`.
const PREFIX: &str = "rasid-store.";

/// A fresh folder for a temporary store: in `/dev/shm` where there is one (memory, as sled's
/// own temporary stores), else in the system's temporary folder. Removes the stores of
/// processes that no longer run first.
pub(super) fn new_path() -> PathBuf {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let shm = Path::new("/dev/shm");
    let base = if shm.is_dir() {
        shm.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    remove_orphans(&base, process_runs);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    base.join(format!("{PREFIX}{}.{n}", std::process::id()))
}

/// Whether process `pid` runs; `true` where that cannot be told (no `/proc`), so that nothing
/// of a running process is ever removed.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.is_dir() || proc.join(pid.to_string()).exists()
}

/// Removes the temporary stores in `base` whose process does not run. Best effort: a store that
/// cannot be removed is left for the next time.
fn remove_orphans(base: &Path, runs: impl Fn(u32) -> bool) {
    let Ok(entries) = std::fs::read_dir(base) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(owner) else {
            continue;
        };
        if pid != std::process::id() && !runs(pid) {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// The process that made the store named `name`, if it is a temporary store's name.
fn owner(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?;
    let (pid, n) = rest.split_once('.')?;
    n.parse::<u64>().ok()?;
    pid.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stores_of_processes_gone_are_removed_and_nothing_else() {
        let base = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let mine = std::process::id();
        for name in [
            format!("{PREFIX}{mine}.0"),
            format!("{PREFIX}{}.3", mine + 1),
            format!("{PREFIX}{}.0", mine + 2),
            "rasid-store.x.0".to_string(),
            "pagecache.tmp.123".to_string(),
        ] {
            std::fs::create_dir_all(base.path().join(name).join("blobs"))
                .unwrap_or_else(|e| panic!("{e}"));
        }
        // mine + 1 is gone, mine + 2 runs.
        remove_orphans(base.path(), |pid| pid == mine + 2);
        let mut left: Vec<String> = std::fs::read_dir(base.path())
            .unwrap_or_else(|e| panic!("{e}"))
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut want = vec![
            format!("{PREFIX}{mine}.0"),
            format!("{PREFIX}{}.0", mine + 2),
            "pagecache.tmp.123".to_string(),
            "rasid-store.x.0".to_string(),
        ];
        want.sort();
        assert_eq!(left, want);
    }

    #[test]
    fn a_temporary_store_is_named_for_its_process_and_removed_when_dropped() {
        let name = new_path()
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        assert_eq!(owner(&name), Some(std::process::id()), "{name}");
        let base = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = base.path().join(name);
        let store = super::super::Store::temporary_at(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(path.is_dir());
        drop(store);
        assert!(!path.exists(), "{} left behind", path.display());
    }
}
