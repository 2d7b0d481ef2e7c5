//! The registry of centers (`centers.toml`): who may push, with which keys, reporting through whom;
//! and which walls may read the boards, with which keys (`[[wall]]`).
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
    /// The walls (kiosks) allowed to read boards, the stream and screen configurations.
    #[serde(default, rename = "wall", skip_serializing_if = "Vec::is_empty")]
    pub walls: Vec<WallEntry>,
}

/// A `[[wall]]` entry: a kiosk allowed to read, by name, with its keys.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WallEntry {
    /// The wall's name, as it signs its reads in `x-rasid-wall` (see [`check_wall_name`]).
    pub name: String,
    /// Public keys (base64) printed by `rasid-kiosk init` on the wall's machine.
    #[serde(default)]
    pub keys: Vec<String>,
    /// Where the wall is, for the operators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
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
    #[serde(default, rename = "wall")]
    walls: Vec<RawWall>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWall {
    name: Spanned<String>,
    #[serde(default)]
    keys: Vec<Spanned<String>>,
    #[serde(default)]
    description: Option<String>,
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
    /// Registered walls by name: their keys and description.
    pub walls: BTreeMap<String, Wall>,
}

/// A registered wall.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wall {
    /// The name it signs its reads with (`x-rasid-wall`).
    pub name: String,
    /// Where it is, for the operators; may be empty.
    pub description: String,
    /// The keys allowed to sign its reads.
    pub keys: Vec<PublicKey>,
}

/// Longest wall name.
pub const MAX_WALL_NAME: usize = 64;

/// Checks a wall's name: 1 to 64 of ASCII letters, digits, `-`, `_` and `.`, so that it travels
/// unchanged in an HTTP header. The error says what is wrong.
pub fn check_wall_name(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > MAX_WALL_NAME {
        return Err(format!(
            "wall name '{name}' must be 1 to {MAX_WALL_NAME} characters long"
        ));
    }
    if let Some(c) = name
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        return Err(format!(
            "wall name '{name}' has '{c}'; use only ASCII letters, digits, '-', '_' and '.'"
        ));
    }
    Ok(())
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
        let walls = Self::check_walls(p, &file.walls, &keys);
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
            walls,
        })
    }

    /// Each `[[wall]]`: a valid name listed once, keys that read and belong to no center and no
    /// other wall.
    fn check_walls(
        p: &mut Problems<'_>,
        listed: &[RawWall],
        center_keys: &BTreeMap<String, (CenterCode, PublicKey)>,
    ) -> BTreeMap<String, Wall> {
        let mut walls: BTreeMap<String, Wall> = BTreeMap::new();
        let mut owner: BTreeMap<String, String> = BTreeMap::new();
        for (i, w) in listed.iter().enumerate() {
            let at = format!("wall[{}]", i + 1);
            let name = w.name.get_ref().trim().to_string();
            if let Err(e) = check_wall_name(&name) {
                p.at(w.name.span(), format!("{at}.name"), e);
                continue;
            }
            if walls.contains_key(&name) {
                p.at(
                    w.name.span(),
                    format!("{at}.name"),
                    format!("wall {name} is listed twice; keep one [[wall]] entry per name"),
                );
                continue;
            }
            let mut keys = Vec::new();
            for (j, k) in w.keys.iter().enumerate() {
                let key = format!("{at}.keys[{}]", j + 1);
                let pk = match PublicKey::from_base64(k.get_ref()) {
                    Ok(pk) => pk,
                    Err(e) => {
                        p.at(k.span(), key, format!("wall {name}: key {}: {e}; paste the public key `rasid-kiosk init` printed", j + 1));
                        continue;
                    }
                };
                if let Some((center, _)) = center_keys.get(&pk.key_id()) {
                    p.at(k.span(), key, format!("wall {name}: key {} is also registered for center {center}; give the wall its own key (`rasid-kiosk init`)", j + 1));
                } else if let Some(other) = owner.insert(pk.key_id(), name.clone()) {
                    p.at(k.span(), key, format!("wall {name}: key {} is also registered for wall {other}; a wall's key belongs to one wall", j + 1));
                } else {
                    keys.push(pk);
                }
            }
            walls.insert(
                name.clone(),
                Wall {
                    name,
                    description: w.description.clone().unwrap_or_default(),
                    keys,
                },
            );
        }
        walls
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
        assert_eq!(r.walls.len(), 1);
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
    fn walls_are_checked_with_their_line_and_key() {
        let center = rasid_shared::sign::KeyPair::from_seed([1; 32]).public_base64();
        let wall = rasid_shared::sign::KeyPair::from_seed([2; 32]).public_base64();
        let text = format!(
            r#"secretariat = "GSC"
[[center]]
code = "GSC"
name_ar = "أ"
name_en = "G"
keys = ["{center}"]
[[wall]]
name = "hall-1"
keys = ["{wall}"]
description = "cabinet hall"
[[wall]]
name = "hall 2"
[[wall]]
name = "hall-1"
[[wall]]
name = "lobby"
keys = ["{center}", "{wall}", "abc"]
colour = "red"
"#
        );
        let shown: Vec<String> = Registry::check(&text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        let expected = [
            "line 18, wall[4].colour: unknown field `colour`",
            "line 12, wall[2].name: wall name 'hall 2' has ' '",
            "line 14, wall[3].name: wall hall-1 is listed twice",
            "line 17, wall[4].keys[1]: wall lobby: key 1 is also registered for center GSC",
            "line 17, wall[4].keys[2]: wall lobby: key 2 is also registered for wall hall-1",
            "line 17, wall[4].keys[3]: wall lobby: key 3: ",
        ];
        assert_eq!(shown.len(), expected.len(), "{shown:#?}");
        for (got, want) in shown.iter().zip(expected) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
        let ok =
            Registry::parse(text.split("[[wall]]\nname = \"hall 2\"").next().unwrap()).unwrap();
        let w = &ok.walls["hall-1"];
        assert_eq!((w.keys.len(), w.description.as_str()), (1, "cabinet hall"));
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
