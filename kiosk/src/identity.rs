//! The wall's identity at a collector: its name and its key. `rasid-kiosk init` makes the key
//! file; every GET the wall sends to a collector is signed with it (docs/API.md, "Walls'
//! reads"). Not the network itself (`collector_source.rs`, `config.rs` send the requests).
//!
//! A wall without a key still runs: it reads unsigned, which only a collector started with
//! `--public-boards` answers, and says on its operator line what to do.

use crate::trouble::Trouble;
use chrono::Utc;
use rasid_shared::sign::KeyPair;
use rasid_shared::wire::{self, ErrorBody};
use std::path::Path;
use std::sync::Arc;

/// The key file `rasid-kiosk init` writes and the wall reads when `--key` is not given.
pub const DEFAULT_KEY_FILE: &str = "rasid-wall.key";

/// Header a kiosk sends so the collector knows when each wall was last heard from.
pub const HEADER_KIOSK: &str = "x-rasid-kiosk";

/// Who the wall is to a collector: its name, and its key when it has one.
#[derive(Clone, Debug)]
pub struct WallIdentity {
    name: String,
    /// The key (shared: a key pair is large), or why there is none, for the operator.
    key: Result<Arc<KeyPair>, Trouble>,
}

impl WallIdentity {
    /// A wall named `name` signing with `key`.
    pub fn with_key(name: &str, key: KeyPair) -> WallIdentity {
        WallIdentity {
            name: name.to_string(),
            key: Ok(Arc::new(key)),
        }
    }

    /// The wall named `name` with the key in `path`, as `rasid-kiosk init` wrote it. A file
    /// that is missing or unreadable leaves the wall without a key, with a message saying what
    /// to do (see [`WallIdentity::problem`]); it never stops the wall.
    pub fn load(name: &str, path: &Path) -> WallIdentity {
        let file = path.display().to_string();
        let key = match std::fs::read_to_string(path) {
            Ok(text) => KeyPair::from_secret_base64(&text)
                .map(Arc::new)
                .map_err(|e| Trouble::KeyUnusable {
                    name: name.to_string(),
                    file,
                    detail: e.to_string(),
                }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(Trouble::NoKey {
                name: name.to_string(),
                file,
            }),
            Err(e) => Err(Trouble::KeyUnreadable {
                file,
                detail: e.to_string(),
            }),
        };
        WallIdentity {
            name: name.to_string(),
            key,
        }
    }

    /// The wall's name (`--name`), sent in `x-rasid-kiosk` and, signed, in `x-rasid-wall`.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Why the wall has no key, in words for the operator; `None` when it has one.
    pub fn problem(&self) -> Option<&Trouble> {
        self.key.as_ref().err()
    }

    /// The headers of a GET of `url`: the kiosk's name, and the wall's signature of the URL's
    /// path and query as they are sent, when the wall has a key.
    pub fn headers(&self, url: &reqwest::Url) -> Vec<(&'static str, String)> {
        let mut h = vec![(HEADER_KIOSK, self.name.clone())];
        if let Ok(key) = &self.key {
            let path = match url.query() {
                Some(q) => format!("{}?{q}", url.path()),
                None => url.path().to_string(),
            };
            h.extend(wire::signed_read_headers(
                &self.name,
                key,
                "GET",
                &path,
                Utc::now(),
            ));
        }
        h
    }
}

/// When a collector answered 401, what it said, for the operator line and the log:
/// `the collector refuses this wall's reads (unknown-wall): …`. `None` for any other status.
pub fn refusal(status: reqwest::StatusCode, body: &[u8]) -> Option<Trouble> {
    if status != reqwest::StatusCode::UNAUTHORIZED {
        return None;
    }
    Some(match serde_json::from_slice::<ErrorBody>(body) {
        Ok(e) => Trouble::Refused {
            code: e.error,
            message: e.message,
        },
        Err(_) => Trouble::Refused {
            code: "401".into(),
            message: "run `rasid-kiosk init` and register the wall in its centers.toml".into(),
        },
    })
}

/// What `rasid-kiosk init` did, for printing.
#[derive(Debug)]
pub struct Initialised {
    /// The public key, base64, as a `[[wall]]` entry registers it.
    pub public_key: String,
    /// The lines to paste into the collector's centers.toml.
    pub registry_lines: String,
}

/// `rasid-kiosk init`: makes a new key for the wall `name` and writes it to `path`, readable by
/// its owner only (mode 0600 on Unix). An existing file is kept unless `force`: the wall's
/// registered key would stop working.
pub fn init(name: &str, path: &Path, force: bool) -> anyhow::Result<Initialised> {
    use anyhow::Context;
    check_name(name)?;
    let key = KeyPair::generate()?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true);
    if force {
        options.create(true).truncate(true);
    } else {
        options.create_new(true);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            anyhow::anyhow!(
                "{} already exists: this wall has a key. Use --force to replace it (the new key must then be registered instead of the old one)",
                path.display()
            )
        } else {
            anyhow::anyhow!("writing {}: {e}", path.display())
        }
    })?;
    #[cfg(unix)]
    {
        // A file that existed keeps its mode through `open`; --force makes it private too.
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("protecting {}", path.display()))?;
    }
    std::io::Write::write_all(&mut file, key.secret_base64().as_bytes())
        .with_context(|| format!("writing {}", path.display()))?;
    let public_key = key.public_base64();
    Ok(Initialised {
        registry_lines: format!("[[wall]]\nname = \"{name}\"\nkeys = [\"{public_key}\"]\n"),
        public_key,
    })
}

/// A wall's name as the collector's registry accepts it: 1 to 64 of ASCII letters, digits,
/// `-`, `_` and `.`.
pub fn check_name(name: &str) -> anyhow::Result<()> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(())
    } else {
        anyhow::bail!(
            "--name '{name}': a wall's name is 1 to 64 of ASCII letters, digits, '-', '_' and '.' (e.g. cabinet-hall)"
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_writes_a_private_key_the_wall_loads_and_keeps_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("wall.key");
        let made = init("hall-1", &path, false).unwrap();
        assert!(made.registry_lines.contains("name = \"hall-1\""));
        assert!(made.registry_lines.contains(&made.public_key));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let wall = WallIdentity::load("hall-1", &path);
        assert_eq!(wall.problem(), None);
        let url = reqwest::Url::parse("http://c.example/v1/boards/budget?year=2024").unwrap();
        let h = wall.headers(&url);
        assert_eq!(h.len(), 4);
        assert!(
            h.iter()
                .any(|(k, v)| *k == wire::HEADER_WALL && v == "hall-1")
        );
        let again = init("hall-1", &path, false).unwrap_err().to_string();
        assert!(again.contains("already exists"), "{again}");
        let replaced = init("hall-1", &path, true).unwrap();
        assert_ne!(replaced.public_key, made.public_key);
        assert!(init("hall 1", &dir.path().join("x.key"), false).is_err());
    }

    #[test]
    fn a_wall_without_a_key_says_what_to_do_and_reads_unsigned() {
        let dir = tempfile::tempdir().unwrap();
        let wall = WallIdentity::load("hall-1", &dir.path().join("none.key"));
        let problem = wall.problem().unwrap().to_string();
        assert!(
            problem.contains("rasid-kiosk init --name hall-1"),
            "{problem}"
        );
        let url = reqwest::Url::parse("http://c.example/v1/stream").unwrap();
        assert_eq!(wall.headers(&url), [(HEADER_KIOSK, "hall-1".to_string())]);
        std::fs::write(dir.path().join("bad.key"), "not a key").unwrap();
        let bad = WallIdentity::load("hall-1", &dir.path().join("bad.key"));
        assert!(
            bad.problem()
                .unwrap()
                .to_string()
                .contains("cannot be used")
        );
    }

    #[test]
    fn a_401_is_read_for_its_word() {
        let body = br#"{"error":"unknown-wall","message":"wall 'x' is not registered"}"#;
        let r = refusal(reqwest::StatusCode::UNAUTHORIZED, body)
            .unwrap()
            .to_string();
        assert!(
            r.contains("(unknown-wall)") && r.contains("not registered"),
            "{r}"
        );
        assert!(refusal(reqwest::StatusCode::UNAUTHORIZED, b"<html>").is_some());
        assert_eq!(refusal(reqwest::StatusCode::NOT_FOUND, body), None);
    }
}
