//! A test's temporary directory: data directories, import files and process logs.
//!
//! Removed when the test ends; with `RASID_E2E_KEEP=1` a failing test's directory is kept
//! and its path printed, to read the collector's and agents' logs.

use std::path::{Path, PathBuf};
use tempfile::TempDir;

pub struct Workspace {
    dir: Option<TempDir>,
    name: String,
}

impl Workspace {
    /// A fresh directory for test `name`, with a `logs/` folder.
    pub fn new(name: &str) -> Workspace {
        let dir = tempfile::Builder::new()
            .prefix(&format!("rasid-e2e-{name}-"))
            .tempdir()
            .unwrap_or_else(|e| panic!("creating a temporary directory for {name}: {e}"));
        std::fs::create_dir_all(dir.path().join("logs"))
            .unwrap_or_else(|e| panic!("creating the logs folder: {e}"));
        Workspace {
            dir: Some(dir),
            name: name.to_string(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir
            .as_ref()
            .map(|d| d.path())
            .unwrap_or_else(|| Path::new("/nonexistent"))
    }

    pub fn join(&self, p: impl AsRef<Path>) -> PathBuf {
        self.path().join(p)
    }

    /// Where processes write their standard output and error.
    pub fn logs(&self) -> PathBuf {
        self.join("logs")
    }

    /// Writes `text` to the file `name` inside the workspace (its folders made as needed).
    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.join(name);
        if let Some(dir) = p.parent() {
            std::fs::create_dir_all(dir)
                .unwrap_or_else(|e| panic!("creating {}: {e}", dir.display()));
        }
        std::fs::write(&p, text).unwrap_or_else(|e| panic!("writing {}: {e}", p.display()));
        p
    }

    /// A new empty folder `name` inside the workspace.
    pub fn mkdir(&self, name: &str) -> PathBuf {
        let p = self.join(name);
        std::fs::create_dir_all(&p).unwrap_or_else(|e| panic!("creating {}: {e}", p.display()));
        p
    }
}

impl Drop for Workspace {
    fn drop(&mut self) {
        if std::thread::panicking()
            && std::env::var("RASID_E2E_KEEP").is_ok_and(|v| v == "1")
            && let Some(d) = self.dir.take()
        {
            let kept = d.keep();
            eprintln!(
                "[e2e] {}: kept {} for inspection",
                self.name,
                kept.display()
            );
        }
    }
}
