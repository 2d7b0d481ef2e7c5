//! The store's folder around sled, and the disk under it: what sled's interrupted snapshot
//! writes leave behind, the space a store keeps in reserve so it can be opened on a full disk,
//! and which I/O errors mean "the disk is full". Records are not read or written here: that is
//! sled's, through [`super::Store`].
//!
//! What opening writes (sled 0.34.7, `config.rs` and `pagecache/snapshot.rs`): `conf` only when
//! it is missing; and, when the log has moved on since the newest snapshot, the zeroed tail of
//! the log's last segment (and of any torn segment) and a new snapshot. A snapshot is written to
//! `snap.N.generating`, synced, renamed to `snap.N`, and only then is the older one deleted. So
//! opening a store that was written to since it was last opened needs a little space, and a
//! write that failed for want of it leaves a `.generating` file behind, which sled 0.34 takes
//! for the newest snapshot at every later open ("Read corrupted data"; spacejam/sled#1527).

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, ErrorKind, Write};
use std::path::Path;
use std::time::{Duration, Instant};

/// The file sled locks exclusively (flock, LockFileEx) while a process has the store open.
const LOCK_FILE: &str = "db";

/// The reserve: a file of zeros, deleted when opening the store fails for want of space, so
/// what opening writes fits (sled's snapshot, the rollback of an interrupted import); put back,
/// as far as space allows, whenever the store is opened.
pub(super) const RESERVE_FILE: &str = "space-reserve";

/// The reserve's least size. A snapshot takes about 17 bytes per imported row (171 KB after
/// 10,000 rows, 925 KB after 60,000): the reserve grows with it (see [`reserve_bytes`]).
const RESERVE_MIN_BYTES: u64 = 2 * 1024 * 1024;

/// True when `e` says there is no room for a write: the disk is full (ENOSPC), a quota is
/// reached (EDQUOT) or a file-size limit (EFBIG). By kind, not by code: sled hands an error of
/// its background writes back as a copy that keeps only the kind (`sled::Error::clone`).
pub(super) fn is_disk_full(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge
    ) || e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<io::Error>())
        .is_some_and(is_disk_full)
}

/// [`is_disk_full`] for sled's errors: sled reports I/O failures only as `Error::Io` (never in
/// `Corruption` or `ReportableBug`).
pub(super) fn is_sled_disk_full(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if is_disk_full(io))
}

/// Runs `f` holding the lock sled holds while a process has the store in `dir` open, so no
/// process can open it meanwhile; waits for it at most `patience`. `None` without running `f`
/// when some process has the store open, or when there is no store yet (no `db` file).
fn while_closed<T>(
    dir: &Path,
    patience: Duration,
    f: impl FnOnce() -> io::Result<T>,
) -> io::Result<Option<T>> {
    let db = match File::open(dir.join(LOCK_FILE)) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let deadline = Instant::now() + patience;
    loop {
        match db.try_lock() {
            Ok(()) => break,
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(10));
            }
            Err(TryLockError::WouldBlock) => return Ok(None),
            Err(TryLockError::Error(e)) => return Err(e),
        }
    }
    let out = f();
    // Closing the file releases the lock, for sled to take.
    drop(db);
    out.map(Some)
}

/// Whether another process (or another store of this one) has the store in `dir` open: there
/// is a store, and the lock sled holds while it is open cannot be taken.
pub(super) fn held_by_another(dir: &Path) -> bool {
    dir.join(LOCK_FILE).exists() && matches!(while_closed(dir, Duration::ZERO, || Ok(())), Ok(None))
}

/// Deletes the `snap.N.generating` files in `dir` unless some process has the store open;
/// returns their names. Such a file was never finished: sled renames it once written and synced,
/// and sled writes snapshots only while holding the store's lock. The older snapshot and the log
/// still hold all it would have held, so sled's next opening writes it again.
pub(super) fn remove_unfinished_snapshots(dir: &Path) -> io::Result<Vec<String>> {
    let removed = while_closed(dir, Duration::ZERO, || {
        let mut removed = Vec::new();
        for entry in fs::read_dir(dir)? {
            let entry = entry?;
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with("snap.") && name.ends_with(".generating") {
                fs::remove_file(entry.path())?;
                removed.push(name);
            }
        }
        Ok(removed)
    })?;
    Ok(removed.unwrap_or_default())
}

/// Deletes the reserve in `dir` unless some process has the store open; true when that gave
/// space back. Called after an opening failed: sled lets go of its lock a moment later, once
/// its background writes have ended, so the lock is waited for a little.
pub(super) fn release_reserve(dir: &Path) -> bool {
    let path = dir.join(RESERVE_FILE);
    let released = while_closed(dir, Duration::from_secs(1), || {
        let len = fs::metadata(&path)?.len();
        fs::remove_file(&path)?;
        Ok(len > 0)
    });
    matches!(released, Ok(Some(true)))
}

/// The size the reserve should have in `dir`: at least [`RESERVE_MIN_BYTES`], plus four times
/// the newest snapshot (the next one is bigger when the store has grown).
fn reserve_bytes(dir: &Path) -> u64 {
    let snapshot = fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| {
            let name = e.file_name();
            let name = name.to_string_lossy();
            name.starts_with("snap.") && !name.ends_with(".generating")
        })
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .max()
        .unwrap_or(0);
    RESERVE_MIN_BYTES.saturating_add(snapshot.saturating_mul(4))
}

/// Brings the reserve in `dir` up to its size, as far as the disk allows: on a full disk it
/// stays as far as it got, and the next opening carries on. Called with the store open (sled's
/// lock held), so no other process touches it meanwhile.
pub(super) fn keep_reserve(dir: &Path) {
    let path = dir.join(RESERVE_FILE);
    let want = reserve_bytes(dir);
    let have = fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    if have >= want {
        return;
    }
    let Ok(mut file) = OpenOptions::new().create(true).append(true).open(&path) else {
        return;
    };
    let zeros = [0u8; 64 * 1024];
    let mut left = want - have;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        if file.write_all(&zeros[..n]).is_err() {
            return;
        }
        left -= n as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Store, StoreError};

    #[test]
    fn no_space_a_quota_and_a_file_size_limit_all_count_as_a_full_disk() {
        for kind in [
            ErrorKind::StorageFull,
            ErrorKind::QuotaExceeded,
            ErrorKind::FileTooLarge,
        ] {
            assert!(is_disk_full(&io::Error::from(kind)), "{kind:?}");
        }
        for kind in [
            ErrorKind::PermissionDenied,
            ErrorKind::NotFound,
            ErrorKind::Other,
        ] {
            assert!(!is_disk_full(&io::Error::from(kind)), "{kind:?}");
        }
        // Wrapped in another I/O error.
        let wrapped = io::Error::other(io::Error::from(ErrorKind::StorageFull));
        assert!(is_disk_full(&wrapped));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn enospc_edquot_and_efbig_are_a_full_disk_also_as_sled_hands_them_back() {
        // ENOSPC, EDQUOT, EFBIG on Linux; EACCES and EIO are not.
        for code in [28, 122, 27] {
            let e = sled::Error::Io(io::Error::from_raw_os_error(code));
            assert!(is_sled_disk_full(&e), "errno {code}");
            // sled keeps a background write's error and returns copies of it: kind only.
            let copy = e.clone();
            assert!(is_sled_disk_full(&copy), "errno {code} as copied: {copy:?}");
            assert!(
                matches!(StoreError::from(copy), StoreError::DiskFull),
                "errno {code}"
            );
        }
        for code in [13, 5] {
            let e = sled::Error::Io(io::Error::from_raw_os_error(code));
            assert!(!is_sled_disk_full(&e), "errno {code}");
            assert!(matches!(StoreError::from(e), StoreError::Sled(_)));
        }
    }

    /// Closes `store` and waits until the file lock is released: sled lets go of it a moment
    /// after the store is dropped, when its background writes have finished.
    fn close(store: Store, dir: &Path) {
        drop(store);
        let released = while_closed(dir, Duration::from_secs(5), || Ok(())).unwrap();
        assert!(
            released.is_some(),
            "the store in {} stayed locked",
            dir.display()
        );
    }

    /// A store with one meta value written, closed, opened again (which writes its first
    /// snapshot) and closed.
    fn written_store(dir: &Path) {
        let s = Store::open(dir).unwrap();
        s.set_meta("probe", &"kept").unwrap();
        s.flush().unwrap();
        close(s, dir);
        close(Store::open(dir).unwrap(), dir);
    }

    fn names(dir: &Path) -> Vec<String> {
        let mut n: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        n.sort();
        n
    }

    #[test]
    fn an_unfinished_snapshot_left_by_a_full_disk_no_longer_makes_the_store_unopenable() {
        let dir = tempfile::tempdir().unwrap();
        written_store(dir.path());
        // What a snapshot write that met a full disk leaves: the file, created, empty.
        let left = dir.path().join("snap.00000000FFFFFFFF.generating");
        fs::write(&left, b"").unwrap();
        // sled alone reads it as the newest snapshot.
        let raw = sled::Config::new().path(dir.path()).open();
        assert!(
            matches!(raw, Err(sled::Error::Corruption { .. })),
            "{:?}",
            raw.err()
        );

        let s = Store::open(dir.path()).unwrap();
        assert_eq!(s.meta::<String>("probe").unwrap().as_deref(), Some("kept"));
        assert!(!left.exists());
        assert!(
            names(dir.path())
                .iter()
                .all(|n| !n.ends_with(".generating")),
            "{:?}",
            names(dir.path())
        );
    }

    #[test]
    fn unfinished_snapshots_are_left_alone_while_the_store_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let s = Store::open(dir.path()).unwrap();
        let writing = dir.path().join("snap.0000000000000001.generating");
        fs::write(&writing, b"being written").unwrap();
        assert_eq!(
            remove_unfinished_snapshots(dir.path()).unwrap(),
            Vec::<String>::new()
        );
        assert!(writing.exists());
        assert!(!release_reserve(dir.path()));
        assert!(dir.path().join(RESERVE_FILE).exists());
        close(s, dir.path());
        assert_eq!(
            remove_unfinished_snapshots(dir.path()).unwrap(),
            vec!["snap.0000000000000001.generating".to_string()]
        );
        assert!(release_reserve(dir.path()));
        assert!(!dir.path().join(RESERVE_FILE).exists());
    }

    #[test]
    fn only_unfinished_snapshots_are_removed_and_nothing_without_a_store() {
        let dir = tempfile::tempdir().unwrap();
        // No `db`: no store, nothing touched.
        fs::write(dir.path().join("snap.01.generating"), b"").unwrap();
        assert!(remove_unfinished_snapshots(dir.path()).unwrap().is_empty());
        fs::remove_file(dir.path().join("snap.01.generating")).unwrap();

        written_store(dir.path());
        let before = names(dir.path());
        assert!(before.iter().any(|n| n.starts_with("snap.")), "{before:?}");
        fs::write(dir.path().join("snap.02.generating"), b"x").unwrap();
        fs::write(dir.path().join("notes.generating"), b"y").unwrap();
        assert_eq!(
            remove_unfinished_snapshots(dir.path()).unwrap(),
            vec!["snap.02.generating".to_string()]
        );
        let mut after = before.clone();
        after.push("notes.generating".into());
        after.sort();
        assert_eq!(names(dir.path()), after);
    }

    #[test]
    fn an_opened_store_keeps_its_reserve_and_tops_it_up() {
        let dir = tempfile::tempdir().unwrap();
        written_store(dir.path());
        let reserve = dir.path().join(RESERVE_FILE);
        let len = fs::metadata(&reserve).unwrap().len();
        assert!(len >= RESERVE_MIN_BYTES, "{len}");
        assert_eq!(len, reserve_bytes(dir.path()));
        // Cut short (a full disk when it was made): the next opening carries on.
        File::options()
            .write(true)
            .open(&reserve)
            .unwrap()
            .set_len(1000)
            .unwrap();
        close(Store::open(dir.path()).unwrap(), dir.path());
        assert!(fs::metadata(&reserve).unwrap().len() >= RESERVE_MIN_BYTES);
    }

    #[test]
    fn a_damaged_snapshot_is_damage_and_a_store_in_use_is_not() {
        let dir = tempfile::tempdir().unwrap();
        written_store(dir.path());
        let held = Store::open(dir.path()).unwrap();
        let busy = Store::open(dir.path()).err().unwrap();
        assert!(matches!(busy, StoreError::InUse { .. }), "{busy}");
        assert!(busy.to_string().contains("in use"), "{busy}");
        close(held, dir.path());
        // A finished snapshot (the name sled renames to) that holds garbage.
        fs::write(
            dir.path().join("snap.00000000FFFFFFFF"),
            b"not a snapshot at all",
        )
        .unwrap();
        let damaged = Store::open(dir.path()).err().unwrap();
        assert!(matches!(damaged, StoreError::Damaged { .. }), "{damaged}");
    }
}
