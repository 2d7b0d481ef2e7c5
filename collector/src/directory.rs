//! The registry as the collector uses it: keys by center for verifying signatures, the
//! reporting chain (who reports through whom), and the walls' keys for verifying signed reads.
//!
//! Replaced whole on reload; requests in flight keep the one they started with.

use crate::registry::Registry;
use chrono::{DateTime, Duration, Utc};
use rasid_shared::model::{Center, CenterCode};
use rasid_shared::sign::PublicKey;
use std::collections::BTreeMap;

/// How far a signed GET's timestamp may be from the collector's clock.
pub const MAX_CLOCK_SKEW: Duration = Duration::minutes(5);

/// Why a request's signature was not accepted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AuthError {
    #[error(
        "center '{0}' is not registered at this collector (or has no key); register its public key in centers.toml"
    )]
    UnknownCenter(String),
    #[error("the signature does not match the request and any key registered for {0}")]
    BadSignature(CenterCode),
    #[error(
        "wall '{0}' is not registered at this collector (or has no key); run `rasid-kiosk init` on the wall and add the [[wall]] lines it prints to centers.toml"
    )]
    UnknownWall(String),
    #[error(
        "the signature does not match the request and any key registered for wall {0}; check the wall's key file against its [[wall]] entry in centers.toml"
    )]
    BadWallSignature(String),
    #[error("header {0} is missing; sign the request as docs/API.md (Signing) says")]
    MissingHeader(&'static str),
    #[error(
        "the request time {0} is more than 5 minutes away from the collector's clock ({1}); check the clock of the sending machine"
    )]
    StaleTimestamp(String, String),
}

/// A checked registry, indexed for the collector.
#[derive(Debug, Clone)]
pub struct Directory {
    registry: Registry,
    keys_by_center: BTreeMap<CenterCode, Vec<(String, PublicKey)>>,
}

impl Directory {
    pub fn new(registry: Registry) -> Directory {
        let mut keys_by_center: BTreeMap<CenterCode, Vec<(String, PublicKey)>> = BTreeMap::new();
        for (id, (center, key)) in &registry.keys {
            keys_by_center
                .entry(center.clone())
                .or_default()
                .push((id.clone(), key.clone()));
        }
        Directory {
            registry,
            keys_by_center,
        }
    }

    pub fn secretariat(&self) -> &CenterCode {
        &self.registry.secretariat
    }

    pub fn centers(&self) -> impl Iterator<Item = &Center> {
        self.registry.centers.values()
    }

    pub fn is_registered(&self, code: &CenterCode) -> bool {
        self.registry.centers.contains_key(code)
    }

    /// True when `code` is `ancestor` or reports through it, following `parent` links.
    pub fn is_within(&self, code: &CenterCode, ancestor: &CenterCode) -> bool {
        let mut cur = Some(code);
        // The registry does not forbid parent cycles; a bounded walk cannot loop forever.
        for _ in 0..=self.registry.centers.len() {
            match cur {
                Some(c) if c == ancestor => return true,
                Some(c) => cur = self.registry.centers.get(c).and_then(|x| x.parent.as_ref()),
                None => return false,
            }
        }
        false
    }

    /// Checks `signature` over `bytes` against every key registered for `center` (the header's
    /// text); returns the center and the id of the key that signed.
    pub fn verify(
        &self,
        center: &str,
        bytes: &[u8],
        signature: &str,
    ) -> Result<(CenterCode, String), AuthError> {
        let code =
            CenterCode::new(center).map_err(|_| AuthError::UnknownCenter(printable(center)))?;
        let keys = match self.keys_by_center.get(&code) {
            Some(k) if !k.is_empty() => k,
            _ => return Err(AuthError::UnknownCenter(code.to_string())),
        };
        for (id, key) in keys {
            if key.verify(bytes, signature).is_ok() {
                return Ok((code, id.clone()));
            }
        }
        Err(AuthError::BadSignature(code))
    }

    /// Checks a wall's signed read: as [`Directory::verify_request`], against the keys of the
    /// `[[wall]]` named `wall` (the header's text); returns the wall's name.
    pub fn verify_wall_request(
        &self,
        wall: &str,
        method: &str,
        path_and_query: &str,
        timestamp: &str,
        signature: &str,
        now: DateTime<Utc>,
    ) -> Result<String, AuthError> {
        let w = self
            .registry
            .walls
            .get(wall.trim())
            .filter(|w| !w.keys.is_empty())
            .ok_or_else(|| AuthError::UnknownWall(printable(wall)))?;
        check_time(timestamp, now)?;
        let text = rasid_shared::wire::request_signing_text(method, path_and_query, timestamp);
        if w.keys
            .iter()
            .any(|k| k.verify(text.as_bytes(), signature).is_ok())
        {
            Ok(w.name.clone())
        } else {
            Err(AuthError::BadWallSignature(w.name.clone()))
        }
    }

    /// The registered walls' names.
    pub fn wall_names(&self) -> impl Iterator<Item = &String> {
        self.registry.walls.keys()
    }

    /// Checks a signed GET: the timestamp is within [`MAX_CLOCK_SKEW`] of `now`, and the
    /// signature covers method, path with query and timestamp.
    pub fn verify_request(
        &self,
        center: &str,
        method: &str,
        path_and_query: &str,
        timestamp: &str,
        signature: &str,
        now: DateTime<Utc>,
    ) -> Result<(CenterCode, String), AuthError> {
        check_time(timestamp, now)?;
        let text = rasid_shared::wire::request_signing_text(method, path_and_query, timestamp);
        self.verify(center, text.as_bytes(), signature)
    }
}

/// A signed request's time: RFC 3339 and within [`MAX_CLOCK_SKEW`] of `now`.
fn check_time(timestamp: &str, now: DateTime<Utc>) -> Result<(), AuthError> {
    let stale = || AuthError::StaleTimestamp(printable(timestamp), now.to_rfc3339());
    let at = DateTime::parse_from_rfc3339(timestamp.trim())
        .map_err(|_| stale())?
        .with_timezone(&Utc);
    if (now - at).abs() > MAX_CLOCK_SKEW {
        return Err(stale());
    }
    Ok(())
}

/// Untrusted header text, shortened and stripped of control characters, for messages.
pub(crate) fn printable(s: &str) -> String {
    s.chars().filter(|c| !c.is_control()).take(64).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasid_shared::sign::KeyPair;

    fn directory() -> (Directory, KeyPair) {
        let k = KeyPair::from_seed([3; 32]);
        let text = format!(
            "secretariat = \"GSC\"\n[[center]]\ncode = \"GSC\"\nname_ar = \"أ\"\nname_en = \"G\"\n\
             [[center]]\ncode = \"MOH\"\nname_ar = \"ب\"\nname_en = \"H\"\nkeys = [\"{}\"]\n\
             [[center]]\ncode = \"MOH-PHC\"\nname_ar = \"ج\"\nname_en = \"P\"\nparent = \"MOH\"\n",
            k.public_base64()
        );
        (Directory::new(Registry::parse(&text).unwrap()), k)
    }

    #[test]
    fn signatures_verify_only_for_the_registered_center() {
        let (d, k) = directory();
        let sig = k.sign(b"body");
        assert_eq!(
            d.verify("MOH", b"body", &sig),
            Ok((CenterCode::new("MOH").unwrap(), k.key_id()))
        );
        assert!(matches!(
            d.verify("MOH", b"bodY", &sig),
            Err(AuthError::BadSignature(_))
        ));
        assert!(matches!(
            d.verify("GSC", b"body", &sig),
            Err(AuthError::UnknownCenter(_))
        ));
        assert!(matches!(
            d.verify("not a code\n", b"body", &sig),
            Err(AuthError::UnknownCenter(_))
        ));
        assert!(matches!(
            d.verify("MOH", b"body", "garbage"),
            Err(AuthError::BadSignature(_))
        ));
    }

    #[test]
    fn signed_requests_are_bounded_in_time() {
        let (d, k) = directory();
        let now = Utc::now();
        let ts = now.to_rfc3339();
        let sig = k.sign(rasid_shared::wire::request_signing_text("GET", "/v1/x", &ts).as_bytes());
        assert!(
            d.verify_request("MOH", "GET", "/v1/x", &ts, &sig, now)
                .is_ok()
        );
        let later = now + Duration::minutes(6);
        assert!(matches!(
            d.verify_request("MOH", "GET", "/v1/x", &ts, &sig, later),
            Err(AuthError::StaleTimestamp(..))
        ));
        assert!(matches!(
            d.verify_request("MOH", "GET", "/v1/y", &ts, &sig, now),
            Err(AuthError::BadSignature(_))
        ));
    }

    #[test]
    fn a_wall_reads_only_with_its_own_key_in_time() {
        let (_, center_key) = directory();
        let wall = KeyPair::from_seed([9; 32]);
        let text = format!(
            "secretariat = \"GSC\"\n[[center]]\ncode = \"GSC\"\nname_ar = \"أ\"\nname_en = \"G\"\n\
             [[wall]]\nname = \"hall-1\"\nkeys = [\"{}\"]\n[[wall]]\nname = \"keyless\"\n",
            wall.public_base64()
        );
        let d = Directory::new(Registry::parse(&text).unwrap());
        let now = Utc::now();
        let ts = now.to_rfc3339();
        let signed = |k: &KeyPair, p: &str| {
            k.sign(rasid_shared::wire::request_signing_text("GET", p, &ts).as_bytes())
        };
        let sig = signed(&wall, "/v1/boards");
        assert_eq!(
            d.verify_wall_request("hall-1", "GET", "/v1/boards", &ts, &sig, now),
            Ok("hall-1".to_string())
        );
        assert_eq!(
            d.verify_wall_request("hall-1", "GET", "/v1/boards/budget", &ts, &sig, now),
            Err(AuthError::BadWallSignature("hall-1".into()))
        );
        let forged = signed(&center_key, "/v1/boards");
        assert!(matches!(
            d.verify_wall_request("hall-1", "GET", "/v1/boards", &ts, &forged, now),
            Err(AuthError::BadWallSignature(_))
        ));
        assert!(matches!(
            d.verify_wall_request(
                "hall-1",
                "GET",
                "/v1/boards",
                &ts,
                &sig,
                now + Duration::minutes(6)
            ),
            Err(AuthError::StaleTimestamp(..))
        ));
        for unknown in ["hall-2", "keyless", "MOH"] {
            assert!(matches!(
                d.verify_wall_request(unknown, "GET", "/v1/boards", &ts, &sig, now),
                Err(AuthError::UnknownWall(_))
            ));
        }
    }

    #[test]
    fn reporting_chain_follows_parents() {
        let (d, _) = directory();
        let c = |s: &str| CenterCode::new(s).unwrap();
        assert!(d.is_within(&c("MOH-PHC"), &c("MOH")));
        assert!(d.is_within(&c("MOH"), &c("MOH")));
        assert!(!d.is_within(&c("MOH"), &c("MOH-PHC")));
        assert!(!d.is_within(&c("XYZ"), &c("MOH")));
    }
}
