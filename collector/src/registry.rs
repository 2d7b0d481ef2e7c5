//! The registry of centers (`centers.toml`): who may push, with which keys, reporting through whom.
//!
//! Read by the collector; written by `demo-data`. Documented in docs/COLLECTOR.md with an
//! example loaded by a test.

use anyhow::{Result, bail};
use rasid_shared::model::{Center, CenterCode};
use rasid_shared::sign::PublicKey;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CentersFile {
    /// The center that issues decisions and sessions (the cabinet secretariat).
    pub secretariat: CenterCode,
    #[serde(default, rename = "center")]
    pub centers: Vec<CenterEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CenterEntry {
    pub code: CenterCode,
    pub name_ar: String,
    pub name_en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<CenterCode>,
    /// Public keys (base64) of the agents allowed to sign for this center.
    #[serde(default)]
    pub keys: Vec<String>,
}

/// A checked registry.
#[derive(Debug, Clone)]
pub struct Registry {
    pub secretariat: CenterCode,
    pub centers: BTreeMap<CenterCode, Center>,
    /// Public key id → (center, key).
    pub keys: BTreeMap<String, (CenterCode, PublicKey)>,
}

impl Registry {
    /// Parses and checks `centers.toml`; every problem is reported at once.
    pub fn parse(text: &str) -> Result<Registry> {
        let file: CentersFile =
            toml::from_str(text).map_err(|e| anyhow::anyhow!("{}", e.to_string().trim_end()))?;
        let mut problems = Vec::new();
        let mut seen = HashSet::new();
        let mut keys = BTreeMap::new();
        for c in &file.centers {
            if !seen.insert(c.code.clone()) {
                problems.push(format!(
                    "center {} is listed twice; keep one [[center]] entry per code",
                    c.code
                ));
            }
            if c.name_ar.trim().is_empty() {
                problems.push(format!("center {}: key 'name_ar' is empty", c.code));
            }
            for (i, k) in c.keys.iter().enumerate() {
                match PublicKey::from_base64(k) {
                    Ok(pk) => {
                        if let Some((other, _)) = keys.insert(pk.key_id(), (c.code.clone(), pk)) {
                            problems.push(format!(
                                "center {}: key {} is also registered for {other}",
                                c.code,
                                i + 1
                            ));
                        }
                    }
                    Err(e) => problems.push(format!("center {}: key {}: {e}", c.code, i + 1)),
                }
            }
        }
        for c in &file.centers {
            if let Some(p) = &c.parent
                && !seen.contains(p)
            {
                problems.push(format!(
                    "center {}: parent {p} is not a listed center",
                    c.code
                ));
            }
        }
        if !seen.contains(&file.secretariat) {
            problems.push(format!(
                "secretariat {} is not a listed center",
                file.secretariat
            ));
        }
        if !problems.is_empty() {
            bail!("{}", problems.join("\n"));
        }
        let centers = file
            .centers
            .into_iter()
            .map(|c| {
                (
                    c.code.clone(),
                    Center {
                        code: c.code,
                        name_ar: c.name_ar,
                        name_en: c.name_en,
                        parent: c.parent,
                    },
                )
            })
            .collect();
        Ok(Registry {
            secretariat: file.secretariat,
            centers,
            keys,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_loads() {
        let r = Registry::parse(include_str!("../../docs/examples/centers.toml")).unwrap();
        assert_eq!(r.secretariat.as_str(), "GSC");
        assert_eq!(r.keys.len(), 2);
    }

    #[test]
    fn every_problem_is_reported() {
        let text = r#"
secretariat = "XYZ"
[[center]]
code = "MOH"
name_ar = ""
name_en = "Health"
parent = "NOPE"
keys = ["abc"]
[[center]]
code = "MOH"
name_ar = "وزارة الصحة"
name_en = "Health"
"#;
        let e = Registry::parse(text).unwrap_err().to_string();
        for part in [
            "listed twice",
            "'name_ar' is empty",
            "key 1",
            "parent NOPE",
            "secretariat XYZ",
        ] {
            assert!(e.contains(part), "{part} missing in: {e}");
        }
    }
}
