//! Templates: the work comes to the clerk as a spreadsheet (`rasid-agent template`, and `run`
//! after each pull). Each kind's rows are prefilled from what the agent knows (the assigned
//! decisions as last pulled, the center's own last reports); the clerk fills the unlocked
//! columns, and the import reads the file back with no flags through its hidden marker sheet
//! ([`MARKER_SHEET`]). Texts are in `texts.rs`; headers of record fields come from the import's
//! own tables.

mod sheets;
pub mod texts;

use crate::import::{MARKER_SHEET, field_headers};
use anyhow::{Result, bail};
use chrono::{Datelike, NaiveDate};
use rasid_shared::model::{
    BudgetCategory, CenterCode, DecisionStatus, ExecutionStatus, KpiAchievement, Project,
    ProjectProgress, Record, RecordEnvelope, RecordKind,
};
use rasid_shared::wire::AssignmentList;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use texts::Texts;
pub use texts::{Language, TemplateWords};

/// The kinds a template can be written for.
pub const KINDS: [RecordKind; 4] = [
    RecordKind::DecisionStatus,
    RecordKind::Budget,
    RecordKind::Kpi,
    RecordKind::ProjectProgress,
];

/// What the agent knows to prefill a template with.
#[derive(Debug, Clone)]
pub struct Known {
    pub center: CenterCode,
    pub today: NaiveDate,
    /// The decisions assigned to the center, as last pulled.
    pub assignments: Option<AssignmentList>,
    /// The center's own current records (its store).
    pub records: Vec<RecordEnvelope>,
}

/// The period a template is for, as the `--period` flag writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// decision-status and project-progress: a day (`2026-12-04`).
    Day(NaiveDate),
    /// budget: a month (`2026-11`).
    Month(i32, u8),
    /// kpi: a quarter (`2026-Q3`).
    Quarter(i32, u8),
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Period::Day(d) => write!(f, "{d}"),
            Period::Month(y, m) => write!(f, "{y}-{m:02}"),
            Period::Quarter(y, q) => write!(f, "{y}-Q{q}"),
        }
    }
}

impl Period {
    /// `kind`'s period written as `text`, or the default one (today, this month, this quarter).
    pub fn of(kind: RecordKind, text: Option<&str>, today: NaiveDate) -> Result<Period> {
        let Some(t) = text.map(str::trim) else {
            return Ok(match kind {
                RecordKind::Budget => Period::Month(today.year(), today.month() as u8),
                RecordKind::Kpi => Period::Quarter(today.year(), today.month0() as u8 / 3 + 1),
                _ => Period::Day(today),
            });
        };
        let bad = |form: &str| {
            anyhow::anyhow!("--period '{t}' is not a {kind} period; write it as {form}")
        };
        match kind {
            RecordKind::Budget => {
                let (y, m) = t
                    .split_once('-')
                    .ok_or_else(|| bad("2026-11 (year-month)"))?;
                match (y.parse::<i32>(), m.parse::<u8>()) {
                    (Ok(y), Ok(m)) if (1..=12).contains(&m) && (1900..=2200).contains(&y) => {
                        Ok(Period::Month(y, m))
                    }
                    _ => Err(bad("2026-11 (year-month)")),
                }
            }
            RecordKind::Kpi => {
                let (y, q) = t
                    .to_ascii_uppercase()
                    .split_once("-Q")
                    .map(|(a, b)| (a.to_string(), b.to_string()))
                    .ok_or_else(|| bad("2026-Q3 (year-quarter)"))?;
                match (y.parse::<i32>(), q.parse::<u8>()) {
                    (Ok(y), Ok(q)) if (1..=4).contains(&q) && (1900..=2200).contains(&y) => {
                        Ok(Period::Quarter(y, q))
                    }
                    _ => Err(bad("2026-Q3 (year-quarter)")),
                }
            }
            _ => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                .map(Period::Day)
                .map_err(|_| bad("2026-12-04 (a day)")),
        }
    }
}

/// The file name a template of `kind` for `period` gets: `budget-2026-11.xlsx`.
pub fn file_name(kind: RecordKind, period: Period) -> String {
    match (kind, period) {
        (RecordKind::DecisionStatus, _) => "decision-status.xlsx".into(),
        (_, p) => format!("{kind}-{p}.xlsx"),
    }
}

/// The template of `kind` for `period` in `language`, as .xlsx bytes.
pub fn write(
    kind: RecordKind,
    period: Period,
    language: Language,
    known: &Known,
) -> Result<Vec<u8>> {
    let t = language.texts();
    let spec = match (kind, period) {
        (RecordKind::DecisionStatus, _) => decision_status(t, language, known),
        (RecordKind::Budget, Period::Month(y, m)) => budget(t, language, known, y, m),
        (RecordKind::Kpi, Period::Quarter(y, q)) => kpi(t, language, known, y, q),
        (RecordKind::ProjectProgress, Period::Day(d)) => project_progress(t, language, known, d),
        _ => bail!(
            "no template for {kind}; templates are written for decision-status, budget, kpi and project-progress"
        ),
    };
    sheets::workbook(&spec, kind, period, language)
}

/// Writes the template of every kind, for its default period, into `dir`; returns the files.
pub fn refresh_all(dir: &Path, language: Language, known: &Known) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for kind in KINDS {
        let period = Period::of(kind, None, known.today)?;
        let bytes = write(kind, period, language, known)?;
        let path = dir.join(file_name(kind, period));
        // Written beside, then renamed: a clerk opening the file never sees half of it.
        let part = dir.join(format!(".{}.part", file_name(kind, period)));
        std::fs::write(&part, bytes)?;
        std::fs::rename(&part, &path)?;
        written.push(path);
    }
    Ok(written)
}

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Text,
    Whole,
    Amount,
    Decimal,
    Date,
}

/// One column of a template's data sheet.
#[derive(Debug, Clone)]
struct Column {
    header: String,
    /// The record field it is read as; `None` for a reference column (shown, not read).
    field: Option<&'static str>,
    /// Unlocked for the clerk.
    fill: bool,
    shape: Shape,
    /// The drop-down's words.
    list: Option<Vec<&'static str>>,
    /// Whether the drop-down's words are only suggestions (currencies: any three capital
    /// letters are accepted), so that another value may be typed; otherwise only they are.
    list_open: bool,
}

#[derive(Debug, Clone, PartialEq)]
enum Value {
    Empty,
    Text(String),
    Number(f64),
    Date(NaiveDate),
}

/// A template's data sheet before it is written.
#[derive(Debug)]
struct Spec {
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
    /// Rows marked overdue.
    overdue: Vec<bool>,
    /// Instruction lines of this template beyond the kind's own.
    notes: Vec<String>,
    /// Empty rows left open below the prefilled ones.
    open_rows: usize,
}

fn field(kind: RecordKind, name: &'static str, lang: Language, fill: bool, shape: Shape) -> Column {
    let header = field_headers(kind, name)
        .map(|h| h[lang.index()].clone())
        .unwrap_or_else(|| name.to_string());
    Column {
        header,
        field: Some(name),
        fill,
        shape,
        list: None,
        list_open: false,
    }
}

fn reference(header: &str, shape: Shape) -> Column {
    Column {
        header: header.to_string(),
        field: None,
        fill: false,
        shape,
        list: None,
        list_open: false,
    }
}

fn listed(mut c: Column, words: &[&'static str]) -> Column {
    c.list = Some(words.to_vec());
    c
}

/// A drop-down of the usual words that also takes any other the import accepts.
fn suggested(mut c: Column, words: &[&'static str]) -> Column {
    c.list = Some(words.to_vec());
    c.list_open = true;
    c
}

fn status_word(t: &Texts, s: ExecutionStatus) -> &'static str {
    t.status_words[match s {
        ExecutionStatus::NotStarted => 0,
        ExecutionStatus::InProgress => 1,
        ExecutionStatus::Executed => 2,
        ExecutionStatus::Blocked => 3,
    }]
}

fn category_word(t: &Texts, c: BudgetCategory) -> &'static str {
    t.category_words[match c {
        BudgetCategory::Operating => 0,
        BudgetCategory::Development => 1,
        BudgetCategory::Salaries => 2,
    }]
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn opt_date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Empty, Value::Date)
}

/// The center's own current records of one kind.
fn own<'k, T: 'k>(
    known: &'k Known,
    pick: impl Fn(&'k Record) -> Option<&'k T> + 'k,
) -> impl Iterator<Item = &'k T> + 'k {
    known
        .records
        .iter()
        .filter(move |e| e.center == known.center)
        .filter_map(move |e| pick(&e.record))
}

fn decision_status(t: &Texts, lang: Language, known: &Known) -> Spec {
    let k = RecordKind::DecisionStatus;
    let columns = vec![
        field(k, "decision", lang, false, Shape::Text),
        reference(t.title, Shape::Text),
        reference(t.session_date, Shape::Date),
        reference(t.due, Shape::Date),
        reference(t.overdue, Shape::Text),
        reference(t.current_status, Shape::Text),
        reference(t.current_progress, Shape::Whole),
        listed(field(k, "status", lang, true, Shape::Text), &t.status_words),
        field(k, "progress", lang, true, Shape::Whole),
        field(k, "note", lang, true, Shape::Text),
        listed(
            field(k, "follow_up", lang, true, Shape::Text),
            &t.follow_up_words,
        ),
        field(k, "follow_up_date", lang, true, Shape::Date),
    ];
    let local: BTreeMap<String, &DecisionStatus> = own(known, |r| match r {
        Record::DecisionStatus(s) => Some(s),
        _ => None,
    })
    .map(|s| (s.decision.to_string(), s))
    .collect();
    let mut open: Vec<_> = known
        .assignments
        .iter()
        .flat_map(|l| &l.assignments)
        .map(|a| {
            let current = local
                .get(&a.decision.number.to_string())
                .copied()
                .or(a.status.as_ref());
            (a, current)
        })
        .filter(|(_, s)| s.is_none_or(|s| s.status != ExecutionStatus::Executed))
        .collect();
    let overdue =
        |a: &rasid_shared::wire::Assignment| a.decision.due.is_some_and(|d| d < known.today);
    open.sort_by_key(|(a, _)| {
        (
            !overdue(a),
            a.decision.due.is_none(),
            a.decision.due,
            a.decision.number.to_string(),
        )
    });
    let rows = open
        .iter()
        .map(|(a, s)| {
            let d = &a.decision;
            vec![
                text(d.number.to_string()),
                text(d.title.clone()),
                Value::Date(d.date),
                opt_date(d.due),
                if overdue(a) {
                    text(t.overdue_word)
                } else {
                    Value::Empty
                },
                text(s.map_or(t.no_report, |s| status_word(t, s.status))),
                s.map_or(Value::Empty, |s| Value::Number(s.progress.into())),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Empty,
            ]
        })
        .collect::<Vec<_>>();
    let notes = if known.assignments.is_none() {
        vec![t.no_decisions.to_string()]
    } else {
        vec![]
    };
    Spec {
        overdue: open.iter().map(|(a, _)| overdue(a)).collect(),
        columns,
        rows,
        notes,
        open_rows: 0,
    }
}

fn budget(t: &Texts, lang: Language, known: &Known, year: i32, month: u8) -> Spec {
    let k = RecordKind::Budget;
    let columns = vec![
        field(k, "fiscal_year", lang, false, Shape::Whole),
        field(k, "month", lang, false, Shape::Whole),
        field(k, "program", lang, false, Shape::Text),
        listed(
            field(k, "category", lang, false, Shape::Text),
            &t.category_words,
        ),
        field(k, "allocated", lang, true, Shape::Amount),
        field(k, "revised", lang, true, Shape::Amount),
        field(k, "committed", lang, true, Shape::Amount),
        field(k, "spent", lang, true, Shape::Amount),
        suggested(field(k, "currency", lang, false, Shape::Text), &CURRENCIES),
    ];
    let lines: Vec<_> = own(known, |r| match r {
        Record::Budget(b) => Some(b),
        _ => None,
    })
    .collect();
    // The last report before or at the month asked.
    let last = lines
        .iter()
        .map(|b| (b.fiscal_year, b.month))
        .filter(|p| *p <= (year, month))
        .max();
    let rows: Vec<Vec<Value>> = lines
        .iter()
        .filter(|b| Some((b.fiscal_year, b.month)) == last)
        .map(|b| {
            // Allocations carry over within a fiscal year only; never guessed across years.
            let same_year = b.fiscal_year == year;
            let amount = |v: Option<i64>| match v {
                Some(v) if same_year => Value::Number(v as f64),
                _ => Value::Empty,
            };
            vec![
                Value::Number(year.into()),
                Value::Number(month.into()),
                text(b.program.clone()),
                text(category_word(t, b.category)),
                amount(Some(b.allocated)),
                amount(b.revised),
                Value::Empty,
                Value::Empty,
                text(b.currency.clone()),
            ]
        })
        .collect();
    unmarked(columns, rows, t.no_budget, 30)
}

/// Currencies offered in the drop-down; any other three capital letters may be typed too.
const CURRENCIES: [&str; 5] = ["ILS", "USD", "JOD", "EUR", "IRR"];

fn kpi(t: &Texts, lang: Language, known: &Known, year: i32, quarter: u8) -> Spec {
    let k = RecordKind::Kpi;
    let columns = vec![
        field(k, "program", lang, false, Shape::Text),
        field(k, "indicator", lang, false, Shape::Text),
        field(k, "name", lang, false, Shape::Text),
        field(k, "unit", lang, false, Shape::Text),
        field(k, "year", lang, false, Shape::Whole),
        field(k, "quarter", lang, false, Shape::Whole),
        field(k, "annual_target", lang, true, Shape::Decimal),
        field(k, "quarter_target", lang, true, Shape::Decimal),
        field(k, "actual", lang, true, Shape::Decimal),
        field(k, "cost_planned", lang, true, Shape::Decimal),
        field(k, "cost_actual", lang, true, Shape::Decimal),
    ];
    let mut latest: BTreeMap<(String, String), &KpiAchievement> = BTreeMap::new();
    for a in own(known, |r| match r {
        Record::Kpi(a) => Some(a),
        _ => None,
    }) {
        let slot = latest
            .entry((a.program.clone(), a.indicator.clone()))
            .or_insert(a);
        if (a.year, a.quarter) > (slot.year, slot.quarter) {
            *slot = a;
        }
    }
    let rows: Vec<Vec<Value>> = latest
        .values()
        .map(|a| {
            let same_year = a.year == year;
            let same_quarter = same_year && a.quarter == quarter;
            let known_if = |yes: bool, v: f64| if yes { Value::Number(v) } else { Value::Empty };
            vec![
                text(a.program.clone()),
                text(a.indicator.clone()),
                text(a.name.clone()),
                text(a.unit.clone()),
                Value::Number(year.into()),
                Value::Number(quarter.into()),
                known_if(same_year, a.annual_target),
                known_if(same_quarter, a.quarter_target),
                Value::Empty,
                Value::Empty,
                Value::Empty,
            ]
        })
        .collect();
    unmarked(columns, rows, t.no_kpi, 30)
}

/// A sheet whose rows are never marked overdue; `empty_note` is its instructions' line when
/// the agent has nothing to prefill.
fn unmarked(
    columns: Vec<Column>,
    rows: Vec<Vec<Value>>,
    empty_note: &str,
    open_rows: usize,
) -> Spec {
    let notes = if rows.is_empty() {
        vec![empty_note.to_string()]
    } else {
        vec![]
    };
    Spec {
        overdue: vec![false; rows.len()],
        columns,
        rows,
        notes,
        open_rows,
    }
}

fn project_progress(t: &Texts, lang: Language, known: &Known, day: NaiveDate) -> Spec {
    let k = RecordKind::ProjectProgress;
    let columns = vec![
        field(k, "project", lang, false, Shape::Text),
        reference(t.project_name, Shape::Text),
        reference(t.last_period, Shape::Date),
        reference(t.last_progress, Shape::Whole),
        field(k, "period_end", lang, false, Shape::Date),
        field(k, "planned_progress", lang, true, Shape::Whole),
        field(k, "actual_progress", lang, true, Shape::Whole),
        field(k, "cumulative_spent", lang, true, Shape::Amount),
        listed(
            field(k, "status", lang, true, Shape::Text),
            &t.project_status_words,
        ),
        field(k, "obstacle", lang, true, Shape::Text),
    ];
    let mut last: BTreeMap<String, &ProjectProgress> = BTreeMap::new();
    for p in own(known, |r| match r {
        Record::ProjectProgress(p) => Some(p),
        _ => None,
    }) {
        let slot = last.entry(p.project.clone()).or_insert(p);
        if p.period_end > slot.period_end {
            *slot = p;
        }
    }
    let projects: Vec<&Project> = own(known, |r| match r {
        Record::Project(p) => Some(p),
        _ => None,
    })
    .collect();
    let rows: Vec<Vec<Value>> = projects
        .iter()
        .map(|p| {
            let l = last.get(&p.code);
            let name = if lang == Language::English && !p.name_en.is_empty() {
                &p.name_en
            } else {
                &p.name_ar
            };
            vec![
                text(p.code.clone()),
                text(name.clone()),
                opt_date(l.map(|l| l.period_end)),
                l.map_or(Value::Empty, |l| Value::Number(l.actual_progress.into())),
                Value::Date(day),
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Empty,
                Value::Empty,
            ]
        })
        .collect();
    unmarked(columns, rows, t.no_projects, 20)
}

/// The marker's rows: what the import reads back (see `import::sheet::Marker`).
fn marker_rows(
    spec: &Spec,
    kind: RecordKind,
    period: Period,
    sheet: &str,
) -> Vec<(&'static str, String)> {
    let numbers = |pick: &dyn Fn(usize, &Column) -> bool| {
        spec.columns
            .iter()
            .enumerate()
            .filter(|(i, c)| pick(*i, c))
            .map(|(i, _)| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(",")
    };
    let prefilled = |i: usize, c: &Column| {
        c.field.is_some()
            && spec
                .rows
                .iter()
                .any(|r| r.get(i).is_some_and(|v| *v != Value::Empty))
    };
    vec![
        ("rasid-template", "1".into()),
        ("kind", kind.as_str().into()),
        ("period", period.to_string()),
        ("sheet", sheet.into()),
        ("reference", numbers(&|_, c| c.field.is_none())),
        ("prefilled", numbers(&prefilled)),
    ]
}

#[cfg(test)]
mod tests;
