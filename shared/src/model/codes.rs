//! Identifiers people type: center codes and decision numbers, parsed strictly with clear errors.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// Why a code or number could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    #[error(
        "'{0}' is not a center code; use 2 to 16 Latin capital letters, digits or '-', such as MOH or MOF-BUDGET"
    )]
    /// The text (as given) is not a center code.
    Center(String),
    /// The text (as given) is not a decision number `government/session/item`.
    #[error("'{0}' is not a decision number; write government/session/item, such as 18/212/02")]
    Decision(String),
}

impl CodeError {
    /// The error as a message of the agent's catalogue, to say it in the clerk's language.
    pub fn msg(&self) -> crate::i18n::Msg {
        use crate::i18n::Msg;
        match self {
            CodeError::Center(s) => Msg::new("record-not-a-center-code").text("value", s),
            CodeError::Decision(s) => Msg::new("record-not-a-decision-number").text("value", s),
        }
    }
}

/// A responsible center's code, e.g. `MOH`: 2–16 characters of `A-Z`, `0-9` and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CenterCode(String);

impl CenterCode {
    /// Accepts lower case and surrounding spaces, which clerks type, and stores upper case.
    pub fn new(s: &str) -> Result<CenterCode, CodeError> {
        let t = s.trim().to_ascii_uppercase();
        let ok = (2..=16).contains(&t.len())
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
            && !t.starts_with('-');
        if ok {
            Ok(CenterCode(t))
        } else {
            Err(CodeError::Center(s.to_string()))
        }
    }

    /// The code as stored: upper case, 2 to 16 characters.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for CenterCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl FromStr for CenterCode {
    type Err = CodeError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        CenterCode::new(s)
    }
}

impl Serialize for CenterCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for CenterCode {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        CenterCode::new(&s).map_err(serde::de::Error::custom)
    }
}

/// A cabinet decision number `government/session/item`, e.g. `18/212/02`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DecisionNumber {
    /// The government that issued it (`18`).
    pub government: u16,
    /// The session of that government (`212`).
    pub session: u32,
    /// The item within the session (`2`, printed `02`).
    pub item: u16,
}

impl DecisionNumber {
    /// The number `government/session/item`; no range is checked here (validation refuses a zero
    /// session or item in a decision).
    pub fn new(government: u16, session: u32, item: u16) -> DecisionNumber {
        DecisionNumber {
            government,
            session,
            item,
        }
    }
}

impl fmt::Display for DecisionNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}/{:02}", self.government, self.session, self.item)
    }
}

impl FromStr for DecisionNumber {
    type Err = CodeError;
    /// Accepts Western, Arabic-Indic and Persian digits, and spaces around the slashes.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || CodeError::Decision(s.to_string());
        let western = crate::format::western_digits(s);
        let parts: Vec<&str> = western.split('/').map(str::trim).collect();
        if parts.len() != 3
            || parts
                .iter()
                .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
        {
            return Err(err());
        }
        Ok(DecisionNumber {
            government: parts[0].parse().map_err(|_| err())?,
            session: parts[1].parse().map_err(|_| err())?,
            item: parts[2].parse().map_err(|_| err())?,
        })
    }
}

impl Serialize for DecisionNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DecisionNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl schemars::JsonSchema for CenterCode {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "CenterCode".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A center's code as registered at the collector: 2 to 16 of A-Z, 0-9 and '-', not starting with '-' (MOH, MOF-BUDGET). The collector also reads lower case and white space around the code, and stores it upper-cased.",
            "pattern": crate::schema::center_code_pattern(),
            "examples": ["MOH", "MOF-BUDGET"],
        })
    }
}

impl schemars::JsonSchema for DecisionNumber {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DecisionNumber".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A cabinet decision number government/session/item, written 18/212/02 (the item with two digits). Government and item are 0 to 65535, the session 0 to 4294967295. The collector also reads Arabic-Indic and Persian digits (١٨/٢١٢/٠٢), any leading zeros, white space around each part and Arabic thousands separators; it writes the Western form.",
            "pattern": crate::schema::decision_number_pattern(),
            "examples": ["18/212/02"],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decision_numbers_read_in_any_digits_and_print_padded() {
        let n: DecisionNumber = "18/212/2".parse().unwrap();
        assert_eq!(n.to_string(), "18/212/02");
        let a: DecisionNumber = "١٨/٢١٢/٠٢".parse().unwrap();
        assert_eq!(a, n);
        assert!("18/212".parse::<DecisionNumber>().is_err());
        assert!("18/x/02".parse::<DecisionNumber>().is_err());
        assert!("99999999/1/1".parse::<DecisionNumber>().is_err());
    }

    #[test]
    fn center_codes_are_upper_cased_and_checked() {
        assert_eq!(CenterCode::new(" moh ").unwrap().as_str(), "MOH");
        assert!(CenterCode::new("M").is_err());
        assert!(CenterCode::new("وزارة").is_err());
        assert!(CenterCode::new("-AB").is_err());
    }
}
