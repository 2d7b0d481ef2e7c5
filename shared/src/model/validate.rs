//! Validation of records: every problem at once, each naming the field and what is wrong.
//!
//! These checks need nothing but the record itself. Checks that need the store (is this
//! decision assigned to that center?) belong to the collector.

use super::*;
use crate::i18n::Msg;
use chrono::Datelike;
use std::fmt;

// On the wire a problem is `field` and the English `message`; the message's id and arguments
// (`msg`, to say it in the clerk's language) stay in memory: a problem read from the wire has
// none, and is shown in English. (This is a comment, not documentation: the doc comment below
// is the JSON Schema's description, in docs/schemas/ and docs/openapi.json.)
/// One thing wrong with a record, in words a clerk understands.
#[derive(Debug, Clone, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Problem {
    /// The field, as named in import files and the wire (`progress`, `spent`).
    pub field: String,
    /// What is wrong and what to do, in the clerk's words (`is empty; write it in`).
    pub message: String,
    /// The same message as an id and arguments of `import.ftl`; empty when read from the wire.
    #[serde(skip)]
    pub msg: Msg,
}

impl Problem {
    /// A problem with `field`, named as in import files and on the wire; `message` in English
    /// is `msg` written in English.
    pub fn new(field: &str, msg: Msg) -> Problem {
        Problem {
            field: field.to_string(),
            message: msg.english(),
            msg,
        }
    }

    /// The message in `language`; the English `message` when the problem came without its id.
    pub fn render(&self, language: crate::format::Language) -> String {
        if self.msg.id.is_empty() {
            self.message.clone()
        } else {
            self.msg.render(language)
        }
    }
}

/// The same problem on the wire: the same field and message (the id and arguments are not
/// sent, so a problem read back equals the one written).
impl PartialEq for Problem {
    fn eq(&self, other: &Problem) -> bool {
        self.field == other.field && self.message == other.message
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

/// Longest title or note accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Longest name, program or indicator, in characters.
pub const MAX_NAME_CHARS: usize = 300;
/// Largest amount accepted (budget lines, projects), in whole units of the currency: 10^15, a
/// thousand times the largest national budget in any currency still in use. It keeps every sum
/// a board makes far from the end of `i64`, and catches a figure typed with extra digits.
pub const MAX_AMOUNT: i64 = 1_000_000_000_000_000;
/// Largest KPI figure accepted (targets, actual, costs): 10^15, as for amounts.
pub const MAX_KPI_VALUE: f64 = 1e15;
/// Most an indicator's actual may be of its quarter's target: 1,000 times (100,000%). More is a
/// misplaced decimal point or a target in the wrong unit, and would put an absurd achievement on
/// the wall.
pub const MAX_ACHIEVEMENT_RATIO: f64 = 1000.0;

/// Days an as-of date may lie after the checking machine's date. A month's report is dated the
/// month's last day and may be sent in its last days; clocks and time zones of agents and the
/// collector differ by up to a day. Three days allows both; a date further ahead would date the
/// wall's boards in the future.
pub const AS_OF_AHEAD_DAYS: u64 = 3;

/// Checks the dates of `record`, reported as of `as_of`, against `today`: the checking machine's
/// date (the collector's clock at ingest, the agent's at import; nothing here reads a clock).
///
/// Refused: an as-of date more than [`AS_OF_AHEAD_DAYS`] after `today`, and a budget fiscal year,
/// KPI year or committee year after next year (a budget for next year may be sent early). Such a
/// record would move the boards' default year or as-of date into the future. Returns every
/// problem found (empty when the dates are acceptable).
pub fn validate_against_today(as_of: NaiveDate, record: &Record, today: NaiveDate) -> Vec<Problem> {
    let mut p = Vec::new();
    let latest_as_of = today
        .checked_add_days(chrono::Days::new(AS_OF_AHEAD_DAYS))
        .unwrap_or(NaiveDate::MAX);
    if as_of > latest_as_of {
        p.push(Problem::new(
            "as_of",
            Msg::new("record-as-of-ahead")
                .text("date", as_of)
                .text("days", AS_OF_AHEAD_DAYS)
                .text("today", today),
        ));
    }
    let year = match record {
        Record::Budget(b) => Some(("fiscal_year", b.fiscal_year)),
        Record::Kpi(k) => Some(("year", k.year)),
        Record::Committee(c) => Some(("year", c.year)),
        Record::Complaints(c) => Some(("year", c.year)),
        Record::Legislation(i) => Some(("year", i.year)),
        Record::LegalMemoranda(m) => Some(("year", m.year)),
        _ => None,
    };
    let next_year = today.year().saturating_add(1);
    if let Some((field, y)) = year
        && y > next_year
    {
        p.push(Problem::new(
            field,
            Msg::new("record-year-ahead")
                .text("year", y)
                .text("next", next_year),
        ));
    }
    p
}

/// Checks an envelope and its record; returns every problem found (empty when valid).
pub fn validate_envelope(env: &RecordEnvelope) -> Vec<Problem> {
    let mut p = validate_record(&env.record);
    if env.revision == 0 {
        p.push(Problem::new("revision", Msg::new("record-revision-zero")));
    }
    p.extend(validate_as_of(env.as_of, &env.record));
    p
}

/// Checks `record` against the day it is reported as of: a legislation item cannot have been
/// done after that day (a day typed in the future would count it done before it is). The
/// import calls it beside [`validate_record`], the collector through [`validate_envelope`].
pub fn validate_as_of(as_of: NaiveDate, record: &Record) -> Vec<Problem> {
    let mut p = Vec::new();
    if let Record::Legislation(i) = record
        && let Some(done) = i.done.filter(|d| *d > as_of)
    {
        p.push(Problem::new(
            "done",
            Msg::new("record-legislation-done-after-as-of")
                .text("day", done)
                .text("as_of", as_of),
        ));
    }
    p
}

/// Checks one record; returns every problem found (empty when valid).
pub fn validate_record(record: &Record) -> Vec<Problem> {
    let mut p = Vec::new();
    match record {
        Record::Session(s) => {
            if s.number == 0 {
                p.push(Problem::new(
                    "number",
                    Msg::new("record-session-number-zero"),
                ));
            }
            if s.government == 0 {
                p.push(Problem::new(
                    "government",
                    Msg::new("record-government-zero"),
                ));
            }
        }
        Record::Decision(d) => validate_decision(d, &mut p),
        Record::DecisionStatus(s) => validate_status(s, &mut p),
        Record::Budget(b) => validate_budget(b, &mut p),
        Record::Kpi(k) => validate_kpi(k, &mut p),
        Record::Committee(c) => validate_committee(c, &mut p),
        Record::Project(x) => super::project::validate_project(x, &mut p),
        Record::ProjectProgress(r) => super::project::validate_progress(r, &mut p),
        Record::Complaints(c) => validate_complaints(c, &mut p),
        Record::Legislation(i) => super::legislation::validate_item(i, &mut p),
        Record::LegalMemoranda(m) => super::legislation::validate_memoranda(m, &mut p),
    }
    p
}

/// The most complaints one quarter's record may count.
pub const MAX_COMPLAINTS: u32 = 10_000_000;

/// A quarter of complaints: a real quarter and year, figures within bounds, and the figures
/// adding up: referred, accepted and rejected not more than received; processed and pending
/// exactly the accepted; stuck not more than those still open.
fn validate_complaints(c: &ComplaintsQuarter, p: &mut Vec<Problem>) {
    year_and_quarter(p, c.year, Some(c.quarter), "quarter");
    let figures = [
        ("received", c.received),
        ("referred", c.referred),
        ("accepted", c.accepted),
        ("rejected", c.rejected),
        ("processed", c.processed),
        ("pending", c.pending),
        ("overdue", c.overdue),
    ];
    for (field, n) in figures {
        if n > MAX_COMPLAINTS {
            p.push(Problem::new(
                field,
                Msg::new("record-complaints-too-many")
                    .text("value", n)
                    .figure("max", MAX_COMPLAINTS),
            ));
        }
    }
    let decided = u64::from(c.referred) + u64::from(c.accepted) + u64::from(c.rejected);
    if decided > u64::from(c.received) {
        p.push(Problem::new(
            "received",
            Msg::new("record-complaints-decided-over-received")
                .text("referred", c.referred)
                .text("accepted", c.accepted)
                .text("rejected", c.rejected)
                .text("received", c.received),
        ));
    }
    if u64::from(c.processed) + u64::from(c.pending) != u64::from(c.accepted) {
        p.push(Problem::new(
            "pending",
            Msg::new("record-complaints-accepted-not-split")
                .text("processed", c.processed)
                .text("pending", c.pending)
                .text("accepted", c.accepted),
        ));
    }
    let open = u64::from(c.pending) + u64::from(c.received).saturating_sub(decided);
    if u64::from(c.overdue) > open {
        p.push(Problem::new(
            "overdue",
            Msg::new("record-complaints-overdue-over-open")
                .text("overdue", c.overdue)
                .figure("open", open),
        ));
    }
}

/// A year 1900 to 2200 (field `year`) and, when given, a quarter 1 to 4 (field `quarter_field`).
pub(super) fn year_and_quarter(
    p: &mut Vec<Problem>,
    year: i32,
    quarter: Option<u8>,
    quarter_field: &str,
) {
    if let Some(q) = quarter.filter(|q| !(1..=4).contains(q)) {
        p.push(Problem::new(
            quarter_field,
            Msg::new("record-not-a-quarter").text("value", q),
        ));
    }
    if !(1900..=2200).contains(&year) {
        p.push(Problem::new(
            "year",
            Msg::new("record-implausible-year").text("value", year),
        ));
    }
}

/// A name or code: not blank, at most [`MAX_NAME_CHARS`].
pub(super) fn name(p: &mut Vec<Problem>, field: &str, value: &str) {
    text(p, field, value, true, MAX_NAME_CHARS);
}

fn text(p: &mut Vec<Problem>, field: &str, value: &str, required: bool, max: usize) {
    let n = value.chars().count();
    if required && value.trim().is_empty() {
        p.push(Problem::new(field, Msg::new("record-empty")));
    } else if n > max {
        p.push(Problem::new(
            field,
            Msg::new("record-too-long").count(n).figure("max", max),
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        p.push(Problem::new(field, Msg::new("record-control-characters")));
    }
}

/// An amount of money: 0 to [`MAX_AMOUNT`].
pub(super) fn amount(p: &mut Vec<Problem>, field: &str, v: i64) {
    if v < 0 {
        p.push(Problem::new(
            field,
            Msg::new("record-amount-negative").text("value", v),
        ));
    } else if v > MAX_AMOUNT {
        p.push(Problem::new(
            field,
            Msg::new("record-amount-too-large")
                .text("value", v)
                .text("max", MAX_AMOUNT),
        ));
    }
}

fn validate_decision(d: &Decision, p: &mut Vec<Problem>) {
    text(p, "title", &d.title, true, MAX_TEXT_CHARS);
    if d.centers.is_empty() && !d.routine {
        p.push(Problem::new("centers", Msg::new("record-no-center")));
    }
    let mut seen = std::collections::HashSet::new();
    for c in &d.centers {
        if !seen.insert(c) {
            p.push(Problem::new(
                "centers",
                Msg::new("record-center-twice").text("center", c),
            ));
        }
    }
    if let Some(due) = d.due
        && due < d.date
    {
        p.push(Problem::new(
            "due",
            Msg::new("record-due-before-date")
                .text("due", due)
                .text("date", d.date),
        ));
    }
    if d.number.session == 0 || d.number.item == 0 {
        p.push(Problem::new(
            "number",
            Msg::new("record-number-zero").text("number", d.number),
        ));
    }
    if d.links.contains(&d.number) {
        p.push(Problem::new("links", Msg::new("record-links-itself")));
    }
}

fn validate_status(s: &DecisionStatus, p: &mut Vec<Problem>) {
    if s.progress > 100 {
        p.push(Problem::new(
            "progress",
            Msg::new("record-percent-over").text("value", s.progress),
        ));
    }
    match s.status {
        ExecutionStatus::Executed if s.progress < 100 && s.progress != 0 => p.push(Problem::new(
            "progress",
            Msg::new("record-executed-below-100").text("value", s.progress),
        )),
        ExecutionStatus::NotStarted if s.progress > 0 => p.push(Problem::new(
            "progress",
            Msg::new("record-not-started-progress").text("value", s.progress),
        )),
        _ => {}
    }
    text(p, "note", &s.note, false, MAX_TEXT_CHARS);
}

fn validate_budget(b: &BudgetLine, p: &mut Vec<Problem>) {
    if !(1..=12).contains(&b.month) {
        p.push(Problem::new(
            "month",
            Msg::new("record-not-a-month").text("value", b.month),
        ));
    }
    if !(1900..=2200).contains(&b.fiscal_year) {
        p.push(Problem::new(
            "fiscal_year",
            Msg::new("record-implausible-fiscal-year").text("value", b.fiscal_year),
        ));
    }
    text(p, "program", &b.program, true, MAX_NAME_CHARS);
    amount(p, "allocated", b.allocated);
    amount(p, "committed", b.committed);
    amount(p, "spent", b.spent);
    if let Some(r) = b.revised {
        amount(p, "revised", r);
    }
    if b.currency.len() != 3 || !b.currency.chars().all(|c| c.is_ascii_uppercase()) {
        p.push(Problem::new(
            "currency",
            Msg::new("record-not-a-currency")
                .text("value", &b.currency)
                .text("examples", "ILS, USD, JOD"),
        ));
    }
}

fn validate_kpi(k: &KpiAchievement, p: &mut Vec<Problem>) {
    if !(1..=4).contains(&k.quarter) {
        p.push(Problem::new(
            "quarter",
            Msg::new("record-not-a-quarter").text("value", k.quarter),
        ));
    }
    if !(1900..=2200).contains(&k.year) {
        p.push(Problem::new(
            "year",
            Msg::new("record-implausible-year").text("value", k.year),
        ));
    }
    text(p, "program", &k.program, true, MAX_NAME_CHARS);
    text(p, "indicator", &k.indicator, true, MAX_NAME_CHARS);
    text(p, "name", &k.name, true, MAX_NAME_CHARS);
    text(p, "unit", &k.unit, false, MAX_NAME_CHARS);
    kpi_figures(k, p);
    if k.quarter_target.is_finite()
        && k.annual_target.is_finite()
        && k.quarter_target > k.annual_target
        && k.annual_target > 0.0
    {
        p.push(Problem::new(
            "quarter_target",
            Msg::new("record-quarter-over-annual")
                .text("quarter", k.quarter_target)
                .text("annual", k.annual_target),
        ));
    }
}

/// A KPI's figures: finite, 0 to [`MAX_KPI_VALUE`], and an actual within
/// [`MAX_ACHIEVEMENT_RATIO`] times a positive quarter target.
fn kpi_figures(k: &KpiAchievement, p: &mut Vec<Problem>) {
    let nums = [
        ("annual_target", Some(k.annual_target)),
        ("quarter_target", Some(k.quarter_target)),
        ("actual", Some(k.actual)),
        ("cost_planned", k.cost_planned),
        ("cost_actual", k.cost_actual),
    ];
    for (field, v) in nums {
        if let Some(v) = v {
            if !v.is_finite() {
                p.push(Problem::new(field, Msg::new("record-not-finite")));
            } else if v < 0.0 {
                p.push(Problem::new(
                    field,
                    Msg::new("record-figure-negative").text("value", v),
                ));
            } else if v > MAX_KPI_VALUE {
                p.push(Problem::new(
                    field,
                    Msg::new("record-figure-too-large").text("value", v),
                ));
            }
        }
    }
    if k.quarter_target > 0.0 && k.actual > k.quarter_target * MAX_ACHIEVEMENT_RATIO {
        p.push(Problem::new(
            "actual",
            Msg::new("record-actual-far-over-target")
                .text("actual", k.actual)
                .text("ratio", MAX_ACHIEVEMENT_RATIO)
                .text("target", k.quarter_target),
        ));
    }
}

fn validate_committee(c: &CommitteeActivity, p: &mut Vec<Problem>) {
    text(p, "committee", &c.committee, true, MAX_NAME_CHARS);
    text(p, "name", &c.name, true, MAX_NAME_CHARS);
    if c.recommendations_approved > c.recommendations_submitted {
        p.push(Problem::new(
            "recommendations_approved",
            Msg::new("record-approved-over-submitted")
                .text("approved", c.recommendations_approved)
                .text("submitted", c.recommendations_submitted),
        ));
    }
    if c.minutes_to_cabinet > c.minutes {
        p.push(Problem::new(
            "minutes_to_cabinet",
            Msg::new("record-minutes-to-cabinet-over")
                .text("to_cabinet", c.minutes_to_cabinet)
                .text("minutes", c.minutes),
        ));
    }
    if c.minutes > c.meetings {
        p.push(Problem::new(
            "minutes",
            Msg::new("record-minutes-over-meetings")
                .text("minutes", c.minutes)
                .text("meetings", c.meetings),
        ));
    }
    if c.formed.year() > c.year {
        p.push(Problem::new(
            "formed",
            Msg::new("record-formed-after-year")
                .text("formed", c.formed)
                .text("year", c.year),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn fields(p: &[Problem]) -> Vec<&str> {
        p.iter().map(|x| x.field.as_str()).collect()
    }

    fn complaints(n: [u32; 7]) -> Record {
        Record::Complaints(ComplaintsQuarter::new(2023, 2, n))
    }

    #[test]
    fn complaints_must_add_up() {
        // The report's year: 233 received, 106 referred, 68 accepted, 59 rejected, 65 + 3.
        assert!(validate_record(&complaints([233, 106, 68, 59, 65, 3, 3])).is_empty());
        // More decided than received.
        let p = validate_record(&complaints([100, 50, 40, 20, 40, 0, 0]));
        assert_eq!(fields(&p), ["received"]);
        // Processed and pending are not the accepted.
        let p = validate_record(&complaints([100, 50, 40, 10, 30, 5, 0]));
        assert_eq!(fields(&p), ["pending"]);
        // Stuck beyond what is open: 3 pending + 0 awaiting a decision.
        let p = validate_record(&complaints([233, 106, 68, 59, 65, 3, 4]));
        assert_eq!(fields(&p), ["overdue"]);
        // 10 awaiting a decision count as open.
        assert!(validate_record(&complaints([243, 106, 68, 59, 65, 3, 13])).is_empty());
        let mut q = complaints([1, 0, 0, 0, 0, 0, 0]);
        if let Record::Complaints(c) = &mut q {
            (c.quarter, c.year, c.received) = (5, 1800, MAX_COMPLAINTS + 1);
        }
        assert_eq!(
            fields(&validate_record(&q)),
            ["quarter", "year", "received"]
        );
    }

    #[test]
    fn decision_problems_are_all_reported() {
        let r = Record::Decision(Decision {
            number: DecisionNumber::new(18, 212, 2),
            date: d(2023, 5, 1),
            kind: DecisionKind::Decision,
            title: "  ".into(),
            routine: false,
            classification: Classification::default(),
            centers: vec![],
            due: Some(d(2023, 4, 1)),
            links: vec![DecisionNumber::new(18, 212, 2)],
        });
        let p = validate_record(&r);
        assert_eq!(fields(&p), ["title", "centers", "due", "links"]);
        assert!(
            p[2].message.contains("before the decision's date"),
            "{}",
            p[2]
        );
    }

    #[test]
    fn status_with_impossible_progress_is_refused() {
        let r = Record::DecisionStatus(DecisionStatus {
            decision: DecisionNumber::new(18, 212, 2),
            status: ExecutionStatus::NotStarted,
            progress: 140,
            note: "x\u{0007}".into(),
            follow_ups: vec![],
        });
        let p = validate_record(&r);
        assert_eq!(fields(&p), ["progress", "progress", "note"]);
        assert!(p[0].message.contains("140% is over 100%"));
    }

    #[test]
    fn budget_line_problems_name_each_field() {
        let r = Record::Budget(BudgetLine {
            fiscal_year: 23,
            month: 13,
            program: String::new(),
            category: BudgetCategory::Operating,
            allocated: -5,
            revised: Some(-1),
            committed: 0,
            spent: -2,
            currency: "shekel".into(),
        });
        let p = validate_record(&r);
        assert_eq!(
            fields(&p),
            [
                "month",
                "fiscal_year",
                "program",
                "allocated",
                "spent",
                "revised",
                "currency"
            ]
        );
    }

    #[test]
    fn kpi_problems_include_non_numbers_and_targets() {
        let r = Record::Kpi(KpiAchievement {
            program: "P1".into(),
            indicator: "I1".into(),
            name: "مؤشر".into(),
            unit: "%".into(),
            year: 2023,
            quarter: 5,
            annual_target: 10.0,
            quarter_target: 20.0,
            actual: f64::NAN,
            cost_planned: Some(-3.0),
            cost_actual: None,
        });
        let p = validate_record(&r);
        assert_eq!(
            fields(&p),
            ["quarter", "actual", "cost_planned", "quarter_target"]
        );
    }

    #[test]
    fn committee_cannot_approve_more_than_it_submitted() {
        let r = Record::Committee(CommitteeActivity {
            committee: "C1".into(),
            name: "لجنة".into(),
            year: 2023,
            forming_decision: None,
            formed: d(2024, 1, 1),
            meetings: 2,
            minutes: 3,
            minutes_to_cabinet: 4,
            recommendations_submitted: 1,
            recommendations_approved: 2,
            status: CommitteeStatus::Active,
        });
        let p = validate_record(&r);
        assert_eq!(
            fields(&p),
            [
                "recommendations_approved",
                "minutes_to_cabinet",
                "minutes",
                "formed"
            ]
        );
    }

    #[test]
    fn session_and_revision_problems() {
        let env = RecordEnvelope {
            center: CenterCode::new("GSC").unwrap(),
            as_of: d(2023, 1, 1),
            revision: 0,
            record: Record::Session(Session {
                government: 0,
                number: 0,
                date: d(2023, 1, 1),
                kind: SessionKind::Ordinary,
            }),
        };
        assert_eq!(
            fields(&validate_envelope(&env)),
            ["number", "government", "revision"]
        );
    }

    #[test]
    fn project_problems_are_all_reported() {
        let r = Record::Project(Project {
            code: " ".into(),
            name_ar: "مشروع".into(),
            name_en: String::new(),
            sector: "السياحة".into(),
            plan: String::new(),
            funding: FundingSource::Donor,
            donor: None,
            agreement: None,
            start: d(2023, 6, 1),
            planned_end: d(2023, 1, 1),
            budget: -1,
            currency: "usd".into(),
        });
        assert_eq!(
            fields(&validate_record(&r)),
            ["code", "planned_end", "budget", "currency", "donor"]
        );
        let p = Record::ProjectProgress(ProjectProgress {
            project: "P1".into(),
            period_end: d(2023, 6, 30),
            planned_progress: 120,
            actual_progress: 90,
            cumulative_spent: -5,
            status: ProjectStatus::Completed,
            obstacle: String::new(),
        });
        assert_eq!(
            fields(&validate_record(&p)),
            ["planned_progress", "cumulative_spent", "actual_progress"]
        );
        let stalled = Record::ProjectProgress(ProjectProgress {
            project: "P1".into(),
            period_end: d(2023, 6, 30),
            planned_progress: 50,
            actual_progress: 130,
            cumulative_spent: 0,
            status: ProjectStatus::Stalled,
            obstacle: " ".into(),
        });
        let problems = validate_record(&stalled);
        assert_eq!(fields(&problems), ["actual_progress", "obstacle"]);
        assert!(problems[0].message.contains("130% is over 100%"));
    }

    #[test]
    fn spending_over_budget_needs_a_note() {
        let project = Project {
            code: "P1".into(),
            name_ar: "مشروع".into(),
            name_en: String::new(),
            sector: "السياحة".into(),
            plan: String::new(),
            funding: FundingSource::Treasury,
            donor: None,
            agreement: None,
            start: d(2023, 1, 1),
            planned_end: d(2024, 1, 1),
            budget: 100,
            currency: "OMR".into(),
        };
        let mut r = ProjectProgress {
            project: "P1".into(),
            period_end: d(2023, 6, 30),
            planned_progress: 50,
            actual_progress: 40,
            cumulative_spent: 120,
            status: ProjectStatus::OnTrack,
            obstacle: String::new(),
        };
        assert_eq!(
            fields(&project::validate_progress_against(&r, &project)),
            ["cumulative_spent"]
        );
        r.obstacle = "ارتفاع أسعار المواد".into();
        assert!(project::validate_progress_against(&r, &project).is_empty());
    }

    fn budget(allocated: i64, spent: i64) -> Record {
        Record::Budget(BudgetLine {
            fiscal_year: 2023,
            month: 1,
            program: "P1".into(),
            category: BudgetCategory::Operating,
            allocated,
            revised: Some(MAX_AMOUNT + 1),
            committed: MAX_AMOUNT,
            spent,
            currency: "ILS".into(),
        })
    }

    #[test]
    fn amounts_over_ten_to_the_fifteen_are_refused_naming_field_and_bound() {
        let p = validate_record(&budget(i64::MAX, i64::MAX));
        assert_eq!(fields(&p), ["allocated", "spent", "revised"]);
        assert_eq!(
            p[0].message,
            "9223372036854775807 is more than 1000000000000000 (10^15), the largest amount accepted; amounts are whole units of the currency: check for extra digits"
        );
        // The bound itself is accepted.
        assert_eq!(
            fields(&validate_record(&budget(MAX_AMOUNT, 0))),
            ["revised"]
        );
    }

    fn kpi(quarter_target: f64, actual: f64) -> Record {
        Record::Kpi(KpiAchievement {
            program: "P1".into(),
            indicator: "I1".into(),
            name: "مؤشر".into(),
            unit: "%".into(),
            year: 2023,
            quarter: 1,
            annual_target: 4.0 * quarter_target,
            quarter_target,
            actual,
            cost_planned: Some(f64::INFINITY),
            cost_actual: Some(2e15),
        })
    }

    #[test]
    fn kpi_extremes_and_absurd_ratios_are_refused() {
        // 1.7e308 against 1e-300 once showed an achievement of null and "met".
        let p = validate_record(&kpi(1e-300, 1.7e308));
        assert_eq!(
            fields(&p),
            ["actual", "cost_planned", "cost_actual", "actual"]
        );
        assert!(p[0].message.contains("more than 10^15"), "{}", p[0]);
        assert!(
            p[3].message
                .contains("more than 1000 times the quarter's target"),
            "{}",
            p[3]
        );
        // 1,000 times the target is the most accepted; a quarter without a target has no ratio.
        assert_eq!(
            fields(&validate_record(&kpi(2.0, 2000.0))),
            ["cost_planned", "cost_actual"]
        );
        assert_eq!(
            fields(&validate_record(&kpi(2.0, 2000.5))),
            ["cost_planned", "cost_actual", "actual"]
        );
        assert_eq!(
            fields(&validate_record(&kpi(0.0, 5e14))),
            ["cost_planned", "cost_actual"]
        );
    }

    #[test]
    fn dates_after_the_checking_clock_are_refused() {
        let today = d(2024, 2, 12);
        let line = |fiscal_year| {
            Record::Budget(BudgetLine {
                fiscal_year,
                month: 1,
                program: "P1".into(),
                category: BudgetCategory::Operating,
                allocated: 10,
                revised: None,
                committed: 0,
                spent: 1,
                currency: "ILS".into(),
            })
        };
        let p = validate_against_today(d(2101, 1, 31), &line(2042), today);
        assert_eq!(fields(&p), ["as_of", "fiscal_year"]);
        assert_eq!(
            p[0].message,
            "2101-01-31 is more than 3 days after today (2024-02-12); a report is dated the day it describes: check the date"
        );
        assert_eq!(
            p[1].message,
            "2042 is after next year (2025); reports are accepted for years up to next year: check the year"
        );
        // Three days ahead and next year's budget are accepted; a fourth day is not.
        assert!(validate_against_today(d(2024, 2, 15), &line(2025), today).is_empty());
        assert_eq!(
            fields(&validate_against_today(d(2024, 2, 16), &line(2024), today)),
            ["as_of"]
        );
        let k = kpi(1.0, 1.0);
        let Record::Kpi(mut future) = k else {
            unreachable!()
        };
        future.year = 2026;
        assert_eq!(
            fields(&validate_against_today(today, &Record::Kpi(future), today)),
            ["year"]
        );
        // Clocks at the ends of the calendar do not overflow.
        assert!(validate_against_today(NaiveDate::MAX, &line(2042), NaiveDate::MAX).is_empty());
    }

    #[test]
    fn valid_records_have_no_problems() {
        let r = Record::DecisionStatus(DecisionStatus {
            decision: DecisionNumber::new(18, 212, 2),
            status: ExecutionStatus::InProgress,
            progress: 40,
            note: "بانتظار المصادقة".into(),
            follow_ups: vec![],
        });
        assert!(validate_record(&r).is_empty());
    }
}
