//! A small file system for an agent's data, to fill it up: a `tmpfs` mounted for the test
//! (needs root with CAP_SYS_ADMIN), or — where mounting is refused — nothing, and the test
//! limits the agent's file sizes instead (see [`crate::process::limit_file_size`]).
//!
//! `RASID_E2E_DISK=rlimit` skips the mount attempt, to exercise the fallback on a machine
//! that could mount.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A mounted tmpfs, unmounted (lazily, so a busy mount cannot fail the drop) when dropped.
pub struct Tmpfs {
    path: PathBuf,
}

impl Tmpfs {
    /// Mounts a tmpfs of `bytes` at `path` (created if needed); `Err` says why it could not.
    pub fn mount(path: &Path, bytes: u64) -> Result<Tmpfs, String> {
        if std::env::var("RASID_E2E_DISK").is_ok_and(|v| v == "rlimit") {
            return Err("RASID_E2E_DISK=rlimit".into());
        }
        std::fs::create_dir_all(path).map_err(|e| format!("creating {}: {e}", path.display()))?;
        let out = Command::new("mount")
            .args([
                "-t",
                "tmpfs",
                "-o",
                &format!("size={bytes},mode=0700"),
                "rasid-e2e",
            ])
            .arg(path)
            .output()
            .map_err(|e| format!("running mount: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "mount -t tmpfs failed ({}): {}",
                out.status,
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        Ok(Tmpfs {
            path: path.to_path_buf(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.path).output();
    }
}

/// Bytes available to an unprivileged writer on the file system holding `path`.
pub fn free_bytes(path: &Path) -> u64 {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    // SAFETY: statvfs(3) fills the zeroed struct we pass; the path is a valid C string.
    unsafe {
        let mut s: libc::statvfs = std::mem::zeroed();
        assert_eq!(
            libc::statvfs(c.as_ptr(), &mut s),
            0,
            "statvfs {}",
            path.display()
        );
        s.f_bavail as u64 * s.f_frsize as u64
    }
}

/// Fills the file system of `dir` with a file `dir/filler` until at most `leave` bytes are
/// free; returns its path (delete it to give the space back).
pub fn fill(dir: &Path, leave: u64) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler");
    let mut f =
        std::fs::File::create(&path).unwrap_or_else(|e| panic!("creating {}: {e}", path.display()));
    let chunk = vec![0x5Au8; 256 * 1024];
    while free_bytes(dir) > leave {
        let n = (free_bytes(dir) - leave).min(chunk.len() as u64) as usize;
        if f.write_all(&chunk[..n.max(1)]).is_err() {
            break;
        }
        let _ = f.sync_data();
    }
    path
}
