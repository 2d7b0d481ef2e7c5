//! The registry of centers (`centers.toml`): who may push, with which keys, reporting through whom.
//!
//! Read by the collector; written by `demo-data`. Documented in docs/COLLECTOR.md with an
//! example loaded by a test.

use anyhow::Result;
use rasid_shared::config_check::{ConfigProblem, ConfigProblems, Problems};
use rasid_shared::model::{Center, CenterCode};
use rasid_shared::sign::PublicKey;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use toml::Spanned;

/// The usual name of the registry file.
pub const CENTERS_FILE: &str = "centers.toml";

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

/// `centers.toml` as written, with where each value is.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    secretariat: Spanned<String>,
    #[serde(default, rename = "center")]
    centers: Vec<RawEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntry {
    code: Spanned<String>,
    name_ar: Spanned<String>,
    name_en: String,
    #[serde(default)]
    parent: Option<Spanned<String>>,
    #[serde(default)]
    keys: Vec<Spanned<String>>,
}

/// A checked registry.
#[derive(Debug, Clone)]
pub struct Registry {
    pub secretariat: CenterCode,
    pub centers: BTreeMap<CenterCode, Center>,
    /// Public key id → (center, key).
    pub keys: BTreeMap<String, (CenterCode, PublicKey)>,
}

/// A center code, or the problem at its line and key.
fn code_at(p: &mut Problems<'_>, v: &Spanned<String>, key: &str) -> Option<CenterCode> {
    CenterCode::new(v.get_ref())
        .map_err(|e| p.at(v.span(), key, e.to_string()))
        .ok()
}

impl Registry {
    /// [`Registry::check`], its problems as one error naming `centers.toml`.
    pub fn parse(text: &str) -> Result<Registry> {
        Self::check(text).map_err(|problems| {
            ConfigProblems {
                file: CENTERS_FILE.into(),
                problems,
            }
            .into()
        })
    }

    /// Parses and checks `centers.toml`; on failure, every problem with its line and key.
    pub fn check(text: &str) -> Result<Registry, Vec<ConfigProblem>> {
        rasid_shared::config_check::check(text, Self::from_file)
    }

    fn from_file(file: RawFile, p: &mut Problems<'_>) -> Option<Registry> {
        let mut centers = BTreeMap::new();
        let mut keys = BTreeMap::new();
        for (i, c) in file.centers.iter().enumerate() {
            let at = format!("center[{}]", i + 1);
            let Some(code) = code_at(p, &c.code, &format!("{at}.code")) else {
                continue;
            };
            if centers.contains_key(&code) {
                p.at(
                    c.code.span(),
                    format!("{at}.code"),
                    format!("center {code} is listed twice; keep one [[center]] entry per code"),
                );
            }
            if c.name_ar.get_ref().trim().is_empty() {
                p.at(
                    c.name_ar.span(),
                    format!("{at}.name_ar"),
                    format!("center {code}: 'name_ar' is empty; write the center's name in Arabic"),
                );
            }
            Self::check_keys(p, &at, &code, &c.keys, &mut keys);
            let parent = c
                .parent
                .as_ref()
                .and_then(|v| code_at(p, v, &format!("{at}.parent")));
            centers.entry(code.clone()).or_insert(Center {
                code,
                name_ar: c.name_ar.get_ref().clone(),
                name_en: c.name_en.clone(),
                parent,
            });
        }
        for (i, c) in file.centers.iter().enumerate() {
            if let (Some(v), Ok(code)) = (&c.parent, CenterCode::new(c.code.get_ref()))
                && let Ok(parent) = CenterCode::new(v.get_ref())
                && !centers.contains_key(&parent)
            {
                p.at(
                    v.span(),
                    format!("center[{}].parent", i + 1),
                    format!("center {code}: parent {parent} is not a listed center; list it in a [[center]] entry or correct the code"),
                );
            }
        }
        let secretariat = code_at(p, &file.secretariat, "secretariat")?;
        if !centers.contains_key(&secretariat) {
            p.at(
                file.secretariat.span(),
                "secretariat",
                format!("secretariat {secretariat} is not a listed center; list it in a [[center]] entry"),
            );
        }
        Some(Registry {
            secretariat,
            centers,
            keys,
        })
    }

    /// Each key of one center read, and registered once only.
    fn check_keys(
        p: &mut Problems<'_>,
        at: &str,
        code: &CenterCode,
        listed: &[Spanned<String>],
        keys: &mut BTreeMap<String, (CenterCode, PublicKey)>,
    ) {
        for (i, k) in listed.iter().enumerate() {
            let key = format!("{at}.keys[{}]", i + 1);
            match PublicKey::from_base64(k.get_ref()) {
                Ok(pk) => {
                    if let Some((other, _)) = keys.insert(pk.key_id(), (code.clone(), pk)) {
                        p.at(
                            k.span(),
                            key,
                            format!("center {code}: key {} is also registered for {other}; an agent's key belongs to one center", i + 1),
                        );
                    }
                }
                Err(e) => p.at(
                    k.span(),
                    key,
                    format!("center {code}: key {}: {e}; paste the public key `rasid-agent init` printed", i + 1),
                ),
            }
        }
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

    #[test]
    fn every_problem_has_its_line_and_key() {
        let text = r#"secretariat = "XYZ"
[[center]]
code = "MOH"
name_ar = ""
name_en = "Health"
parent = "NOPE"
keys = ["abc"]
colour = "red"
[[center]]
code = "MOH"
name_ar = "وزارة الصحة"
name_en = "Health"
"#;
        let shown: Vec<String> = Registry::check(text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        let expected = [
            "line 8, center[1].colour: unknown field `colour`",
            "line 4, center[1].name_ar: center MOH: 'name_ar' is empty",
            "line 7, center[1].keys[1]: center MOH: key 1: ",
            "line 10, center[2].code: center MOH is listed twice",
            "line 6, center[1].parent: center MOH: parent NOPE is not a listed center",
            "line 1, secretariat: secretariat XYZ is not a listed center",
        ];
        assert_eq!(shown.len(), expected.len(), "{shown:#?}");
        for (got, want) in shown.iter().zip(expected) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
    }

    #[test]
    fn a_bad_code_is_named_at_its_line() {
        let e = Registry::parse("secretariat = \"GSC\"\n[[center]]\ncode = \"وزارة\"\nname_ar = \"x\"\nname_en = \"x\"\n")
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("centers.toml: line 3, center[1].code: "),
            "{e}"
        );
        assert!(e.contains("not a center code"), "{e}");
    }
}
