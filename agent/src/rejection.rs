//! The collector's reason for a rejected record, said in the clerk's language.
//!
//! The collector answers each rejected record with a sentence in English (`Rejection::reason`;
//! its eight kinds are the stable words of docs/API.md: `invalid`, `outside-center`, …). The
//! agent knows each kind by the sentence's fixed words and says it again from its catalogue
//! with the same codes and numbers; a sentence it does not know is shown as it came.

use rasid_shared::format::Language;
use rasid_shared::i18n::{Arg, agent_message};
use rasid_shared::model::RecordKind;

/// One of the collector's reasons, with the names and numbers its sentence carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// `invalid`: the validation's problems follow.
    Invalid { detail: &'a str },
    /// `outside-center`: `center` signed a batch carrying a record of `other`.
    OutsideCenter { center: &'a str, other: &'a str },
    /// `secretariat-only`: only `secretariat` reports records of `kind`, not `center`.
    SecretariatOnly {
        secretariat: &'a str,
        kind: &'a str,
        center: &'a str,
    },
    /// `unknown-decision`.
    UnknownDecision { decision: &'a str },
    /// `not-assigned`: `decision` is not assigned to `center`.
    NotAssigned { decision: &'a str, center: &'a str },
    /// `not-executing-center`: `project` is executed by `owner`, not `center`.
    NotExecutingCenter {
        project: &'a str,
        owner: &'a str,
        center: &'a str,
    },
    /// `unknown-project`.
    UnknownProject { project: &'a str },
    /// `future-date`: dated after the collector's `today`; the problems follow.
    FutureDate { today: &'a str, detail: &'a str },
}

/// The reason a collector's sentence says, when it is one of the eight it writes
/// (collector/src/ingest.rs).
pub fn recognise(text: &str) -> Option<Reason<'_>> {
    if let Some(detail) = text.strip_prefix("the record is not valid: ") {
        return Some(Reason::Invalid { detail });
    }
    if let Some(rest) = text.strip_prefix("the record is dated after the collector's today, ") {
        let (today, detail) = rest.split_once(": ")?;
        return Some(Reason::FutureDate { today, detail });
    }
    if let Some(rest) = text.strip_prefix("only the secretariat (") {
        let (secretariat, rest) = rest.split_once(") may report ")?;
        let (kind, center) = rest.split_once(" records, not ")?;
        return Some(Reason::SecretariatOnly {
            secretariat,
            kind,
            center,
        });
    }
    if let Some(rest) = text.strip_prefix("decision ") {
        if let Some(decision) =
            rest.strip_suffix(" is not known to the collector; check the number")
        {
            return Some(Reason::UnknownDecision { decision });
        }
        let (decision, center) = rest.split_once(" is not assigned to ")?;
        return Some(Reason::NotAssigned { decision, center });
    }
    if let Some(rest) = text.strip_prefix("project ") {
        if let Some(project) = rest.strip_suffix(
            " is not known to the collector; send the project record first, or check the code",
        ) {
            return Some(Reason::UnknownProject { project });
        }
        let (project, rest) = rest.split_once(" is executed by ")?;
        let (owner, rest) = rest.split_once("; only ")?;
        let (_, center) = rest.split_once(" reports on it, not ")?;
        return Some(Reason::NotExecutingCenter {
            project,
            owner,
            center,
        });
    }
    let (center, rest) = text.split_once(" cannot report for ")?;
    let (other, _) = rest.split_once(": a batch signed by ")?;
    Some(Reason::OutsideCenter { center, other })
}

/// A record kind's name in `language` (`decision` → قرار), or the word as given when it names
/// no kind.
fn kind_name(kind: &str, language: Language) -> String {
    match RecordKind::parse(kind) {
        Some(k) => crate::language::kind_name(k, language),
        None => kind.to_string(),
    }
}

/// The collector's sentence `text` in `language`; as it came when it is not one the agent knows.
pub fn reason_text(text: &str, language: Language) -> String {
    let Some(reason) = recognise(text) else {
        return text.to_string();
    };
    let say = |id: &str, args: &[(&str, &str)]| {
        let args: Vec<(&str, Arg<'_>)> = args.iter().map(|(k, v)| (*k, (*v).into())).collect();
        agent_message(language, id, &args)
    };
    match reason {
        Reason::Invalid { detail } => say("rejected-invalid", &[("detail", detail)]),
        Reason::OutsideCenter { center, other } => say(
            "rejected-outside-center",
            &[("center", center), ("other", other)],
        ),
        Reason::SecretariatOnly {
            secretariat,
            kind,
            center,
        } => say(
            "rejected-secretariat-only",
            &[
                ("secretariat", secretariat),
                ("kind", &kind_name(kind, language)),
                ("center", center),
            ],
        ),
        Reason::UnknownDecision { decision } => {
            say("rejected-unknown-decision", &[("decision", decision)])
        }
        Reason::NotAssigned { decision, center } => say(
            "rejected-not-assigned",
            &[("decision", decision), ("center", center)],
        ),
        Reason::NotExecutingCenter {
            project,
            owner,
            center,
        } => say(
            "rejected-not-executing-center",
            &[("project", project), ("owner", owner), ("center", center)],
        ),
        Reason::UnknownProject { project } => {
            say("rejected-unknown-project", &[("project", project)])
        }
        Reason::FutureDate { today, detail } => say(
            "rejected-future-date",
            &[("today", today), ("detail", detail)],
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The collector's sentences, as docs/API.md lists them.
    const SENTENCES: [&str; 8] = [
        "the record is not valid: progress: 140 is more than 100",
        "MOH cannot report for MOF: a batch signed by MOH may carry only records of MOH and of centers reporting through it",
        "only the secretariat (GSC) may report decision records, not MOH",
        "decision 18/999/01 is not known to the collector; check the number",
        "decision 18/212/02 is not assigned to MOH",
        "project MOH-HOSP is executed by MOH; only MOH reports on it, not GSC",
        "project MOH-HOSP is not known to the collector; send the project record first, or check the code",
        "the record is dated after the collector's today, 2024-02-12: as_of: 2101-01-31 is more than 3 days after today (2024-02-12)",
    ];

    #[test]
    fn every_reason_of_the_collector_is_known_and_said_again_the_same_in_english() {
        for s in SENTENCES {
            assert!(recognise(s).is_some(), "{s}");
            assert_eq!(reason_text(s, Language::English), s);
        }
        assert_eq!(
            recognise("decision 18/212/02 is not assigned to MOH"),
            Some(Reason::NotAssigned {
                decision: "18/212/02",
                center: "MOH"
            })
        );
    }

    #[test]
    fn in_arabic_and_persian_a_reason_keeps_its_codes_and_loses_its_english() {
        let s = "only the secretariat (GSC) may report decision records, not MOH";
        let ar = reason_text(s, Language::Arabic);
        assert!(
            ar.contains("GSC") && ar.contains("MOH") && ar.contains("قرار"),
            "{ar}"
        );
        for language in [Language::Arabic, Language::Persian] {
            for s in &SENTENCES[1..7] {
                let text = reason_text(s, language);
                assert!(
                    !text.contains(" is ") && !text.contains(" the "),
                    "{language:?}: {text}"
                );
            }
        }
    }

    #[test]
    fn an_unknown_sentence_is_shown_as_it_came() {
        let s = "the collector is tired today";
        assert_eq!(recognise(s), None);
        assert_eq!(reason_text(s, Language::Arabic), s);
    }
}
