//! Board `classification`: the decisions' execution per class of the secretariat's
//! classification (sector, program, level or type), the weakest classes first.
//!
//! Each decision's execution is the decision-execution board's (`execution_of`), not derived
//! again here; this module only groups. Not for: showing one decision's classification.

use super::decisions::{execution_of, filtered};
use super::{BoardFilter, Dataset, ExecutionCounts, latest};
use crate::model::{Classification, Decision};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::BTreeMap;
use std::fmt;

/// Which field of a decision's classification the board groups by (`by` in `boards.toml` and
/// the API).
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum ClassifyBy {
    /// `sector`: the development sector (the default).
    #[default]
    Sector,
    /// `program`: the government programme.
    Program,
    /// `level`: the administrative level.
    Level,
    /// `type`: the secretariat's type of decision (`decision_type`).
    Type,
}

impl ClassifyBy {
    /// Every choice, in the order [`ClassifyBy::list`] names them.
    pub const ALL: [ClassifyBy; 4] = [
        ClassifyBy::Sector,
        ClassifyBy::Program,
        ClassifyBy::Level,
        ClassifyBy::Type,
    ];

    /// Its word in `boards.toml` and the API: `sector`, `program`, `level`, `type`.
    pub fn as_str(self) -> &'static str {
        match self {
            ClassifyBy::Sector => "sector",
            ClassifyBy::Program => "program",
            ClassifyBy::Level => "level",
            ClassifyBy::Type => "type",
        }
    }

    /// The choice written `s` exactly as [`ClassifyBy::as_str`] writes it (spaces around it
    /// ignored); `None` for any other text (say [`ClassifyBy::list`]).
    pub fn parse(s: &str) -> Option<ClassifyBy> {
        Self::ALL.into_iter().find(|b| b.as_str() == s.trim())
    }

    /// Every choice, for error messages: `sector, program, level, type`.
    pub fn list() -> String {
        Self::ALL.map(ClassifyBy::as_str).join(", ")
    }

    /// The class `c` puts a decision in for this field: its text with spaces at the ends
    /// dropped and runs of spaces made one; `None` when the field is absent or blank.
    pub fn class_of(self, c: &Classification) -> Option<String> {
        let field = match self {
            ClassifyBy::Sector => &c.sector,
            ClassifyBy::Program => &c.program,
            ClassifyBy::Level => &c.level,
            ClassifyBy::Type => &c.decision_type,
        };
        let words: Vec<&str> = field.as_deref().unwrap_or("").split_whitespace().collect();
        (!words.is_empty()).then(|| words.join(" "))
    }
}

impl fmt::Display for ClassifyBy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One class's decisions by execution.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClassRow {
    /// The class as the secretariat wrote it (see [`ClassifyBy::class_of`]); `None`: the
    /// decisions without this field ("unclassified").
    pub class: Option<String>,
    /// Its non-routine decisions and assignments, each once, by its execution as the
    /// decision-execution board counts it.
    pub counts: ExecutionCounts,
    /// Executed as a percentage of analysed (those with a reported status); `None` when none
    /// of its decisions was reported on.
    pub rate: Option<f64>,
    /// The newest report date among its decisions' statuses; `None` when none was reported.
    pub as_of: Option<NaiveDate>,
}

/// Board `classification`: execution per class, the weakest classes first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ClassificationBoard {
    /// The field the decisions are grouped by.
    pub by: ClassifyBy,
    /// The newest report date among the statuses counted; `None` when none was reported.
    pub as_of: Option<NaiveDate>,
    /// One row per class: lowest rate first (equal rates: more decisions first, then by the
    /// class's text); classes none of whose decisions was reported on after those; the
    /// unclassified row, when there is one, always last.
    pub rows: Vec<ClassRow>,
    /// Non-routine decisions and assignments counted, each once.
    pub decisions: u32,
    /// Of those, how many have no text in the field (the unclassified row's total).
    pub unclassified: u32,
    /// Routine decisions and assignments left out, as on the decision-execution board.
    pub routine_excluded: u32,
}

/// Computes board `classification`: the decisions and assignments of the filter (issued in its
/// year, assigned to its center or through it), routine left out, grouped by `by` (the
/// filter's, else sector). A decision counts once in its class whatever its number of
/// responsible centers, with the execution the decision-execution board gives it (the
/// statuses of its centers within the filter combined by `combine_statuses`).
pub fn aggregate_classification(data: &Dataset, f: &BoardFilter) -> ClassificationBoard {
    let by = f.by.unwrap_or_default();
    let mut classes: BTreeMap<Option<String>, (ExecutionCounts, Option<NaiveDate>)> =
        BTreeMap::new();
    let mut routine_excluded = 0u32;
    let mut decisions = 0u32;
    for d in filtered(data, f) {
        if d.routine {
            routine_excluded += 1;
            continue;
        }
        decisions += 1;
        count_decision(data, f, by, d, &mut classes);
    }
    let mut rows: Vec<ClassRow> = classes
        .into_iter()
        .map(|(class, (counts, as_of))| ClassRow {
            class,
            rate: counts.percent(counts.executed),
            counts,
            as_of,
        })
        .collect();
    rows.sort_by(weakest_first);
    ClassificationBoard {
        by,
        as_of: rows.iter().filter_map(|r| r.as_of).max(),
        unclassified: rows
            .iter()
            .filter(|r| r.class.is_none())
            .map(|r| r.counts.total())
            .sum(),
        rows,
        decisions,
        routine_excluded,
    }
}

fn count_decision(
    data: &Dataset,
    f: &BoardFilter,
    by: ClassifyBy,
    d: &Decision,
    classes: &mut BTreeMap<Option<String>, (ExecutionCounts, Option<NaiveDate>)>,
) {
    let (e, as_of, _) = execution_of(data, d, f.center.as_ref());
    let entry = classes.entry(by.class_of(&d.classification)).or_default();
    entry.0.add(e);
    entry.1 = latest(entry.1, as_of);
}

/// The board's order: the unclassified row last; before it, classes with a rate, lowest first
/// (compared exactly, as fractions), more decisions first at equal rates, then by text; then
/// classes without any report.
fn weakest_first(a: &ClassRow, b: &ClassRow) -> Ordering {
    let rank = |r: &ClassRow| match (&r.class, r.counts.analysed()) {
        (None, _) => 2,
        (Some(_), 0) => 1,
        _ => 0,
    };
    rank(a)
        .cmp(&rank(b))
        .then_with(|| {
            let (ea, na) = (u64::from(a.counts.executed), u64::from(a.counts.analysed()));
            let (eb, nb) = (u64::from(b.counts.executed), u64::from(b.counts.analysed()));
            (ea * nb.max(1)).cmp(&(eb * na.max(1)))
        })
        .then(b.counts.total().cmp(&a.counts.total()))
        .then_with(|| a.class.cmp(&b.class))
}
