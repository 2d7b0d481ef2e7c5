//! The records of rows: one function per record kind, reading its fields from a row's cells
//! by field name (see `columns.rs`) and giving up only after every field was read.

use super::columns::{accepted_names, is_one_of, normalize_header};
use super::{Cells, RowRead, values};
use rasid_shared::i18n::Msg;
use rasid_shared::model::{
    BudgetCategory, BudgetLine, CenterCode, Classification, CommitteeActivity, CommitteeStatus,
    ComplaintsQuarter, Decision, DecisionKind, DecisionNumber, DecisionStatus, ExecutionStatus,
    FollowUp, FollowUpKind, FundingSource, KpiAchievement, LegalMemoranda, LegislationItem,
    LegislationStage, LegislationType, Project, ProjectProgress, ProjectStatus, Record, RecordKind,
    Session, SessionKind,
};

/// The record of a row of `kind`; `None` (or `r.failed`) when something could not be read.
/// Every field is read before giving up, so that a row's problems are all reported at once.
pub(super) fn build<C: Cells + ?Sized>(
    kind: RecordKind,
    r: &mut RowRead<'_, '_, C>,
) -> Option<Record> {
    match kind {
        RecordKind::Session => session(r),
        RecordKind::Decision => decision(r),
        RecordKind::DecisionStatus => decision_status(r),
        RecordKind::Budget => budget_line(r),
        RecordKind::Kpi => kpi_achievement(r),
        RecordKind::Committee => committee_activity(r),
        RecordKind::Project => project(r),
        RecordKind::ProjectProgress => project_progress(r),
        RecordKind::Complaints => complaints(r),
        RecordKind::Legislation => legislation(r),
        RecordKind::LegalMemoranda => legal_memoranda(r),
    }
}

/// A quarter of a center's complaints.
fn complaints<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let year = r.required("year", values::year);
    let quarter = r.required("quarter", values::quarter);
    let mut count = |name: &str| r.required(name, values::whole::<u32>);
    let received = count("received");
    let referred = count("referred");
    let accepted = count("accepted");
    let rejected = count("rejected");
    let processed = count("processed");
    let pending = count("pending");
    let overdue = r.optional("overdue", values::whole::<u32>).unwrap_or(0);
    Some(Record::Complaints(ComplaintsQuarter {
        year: year?,
        quarter: quarter?,
        received: received?,
        referred: referred?,
        accepted: accepted?,
        rejected: rejected?,
        processed: processed?,
        pending: pending?,
        overdue,
    }))
}

/// An item of a year's legislative plan.
fn legislation<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let code = r.text("code", true);
    let title = r.text("title", true);
    let item_type = r.word(
        "type",
        true,
        LegislationType::parse,
        "import-noun-legislation-type",
        LegislationType::ACCEPTED_WORDS,
    );
    let stage = r.word(
        "stage",
        true,
        LegislationStage::parse,
        "import-noun-legislation-stage",
        LegislationStage::ACCEPTED_WORDS,
    );
    let responsible = r.center_code("responsible", true);
    let year = r.required("year", values::year);
    let planned_quarter = r.optional("planned_quarter", values::quarter);
    let done = r.date("done", false);
    Some(Record::Legislation(LegislationItem {
        code,
        title,
        item_type: item_type?,
        stage: stage?,
        responsible: responsible?,
        year: year?,
        planned_quarter,
        done,
    }))
}

/// A quarter's legal memoranda.
fn legal_memoranda<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let year = r.required("year", values::year);
    let quarter = r.required("quarter", values::quarter);
    let memoranda = r.required("memoranda", values::whole::<u32>);
    Some(Record::LegalMemoranda(LegalMemoranda {
        year: year?,
        quarter: quarter?,
        memoranda: memoranda?,
    }))
}

/// A cabinet session.
fn session<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let government = r.required("government", values::whole::<u16>);
    let number = r.required("number", values::whole::<u32>);
    let date = r.date("date", true);
    let kind = r.word(
        "kind",
        true,
        parse_session_kind,
        "import-noun-session-kind",
        SESSION_KIND_WORDS,
    );
    Some(Record::Session(Session {
        government: government?,
        number: number?,
        date: date?,
        kind: kind?,
    }))
}

/// A decision or an assignment of the cabinet.
fn decision<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let number = r.decision_number("number", true);
    let date = r.date("date", true);
    let kind = r.word(
        "kind",
        true,
        DecisionKind::parse,
        "import-noun-decision-kind",
        DECISION_KIND_WORDS,
    );
    let title = r.text("title", true);
    let routine = r.optional("routine", values::yes_no).unwrap_or(false);
    let classification = Classification {
        program: r.optional_text("program"),
        sector: r.optional_text("sector"),
        level: r.optional_text("level"),
        decision_type: r.optional_text("decision_type"),
    };
    let centers = r.list("centers", true, CenterCode::new);
    let due = r.date("due", false);
    let links = r.list("links", false, str::parse::<DecisionNumber>);
    Some(Record::Decision(Decision {
        number: number?,
        date: date?,
        kind: kind?,
        title,
        routine,
        classification,
        centers: centers?,
        due,
        links: links?,
    }))
}

/// A center's status of a decision assigned to it.
fn decision_status<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let decision = r.decision_number("decision", true);
    let status = r.word(
        "status",
        true,
        ExecutionStatus::parse,
        "import-noun-status",
        ExecutionStatus::ACCEPTED_WORDS,
    );
    let fractions = r.fractions("progress");
    let progress = r.optional("progress", |c| values::percent(c, fractions));
    let note = r.text("note", false);
    let follow_ups = follow_up(r);
    let status = status?;
    // An empty progress says nothing more than the status does.
    let progress = progress.unwrap_or(if status == ExecutionStatus::Executed {
        100
    } else {
        0
    });
    Some(Record::DecisionStatus(DecisionStatus {
        decision: decision?,
        status,
        progress,
        note,
        follow_ups,
    }))
}

/// A budget line of a month.
fn budget_line<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let fiscal_year = r.required("fiscal_year", values::year);
    let month = r.required("month", values::month);
    let program = r.text("program", true);
    let category = r.word(
        "category",
        true,
        BudgetCategory::parse,
        "import-noun-category",
        CATEGORY_WORDS,
    );
    let allocated = r.required("allocated", values::whole::<i64>);
    let revised = r.optional("revised", values::whole::<i64>);
    let committed = r.optional("committed", values::whole::<i64>).unwrap_or(0);
    let spent = r.required("spent", values::whole::<i64>);
    let currency = r.text("currency", true).to_ascii_uppercase();
    Some(Record::Budget(BudgetLine {
        fiscal_year: fiscal_year?,
        month: month?,
        program,
        category: category?,
        allocated: allocated?,
        revised,
        committed,
        spent: spent?,
        currency,
    }))
}

/// A KPI's achievement in a quarter.
fn kpi_achievement<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let program = r.text("program", true);
    let indicator = r.text("indicator", true);
    let name = r.text("name", true);
    let unit = r.text("unit", false);
    let year = r.required("year", values::year);
    let quarter = r.required("quarter", values::quarter);
    // A target or actual of a KPI measured in percent may be a percent cell (0.94 shown as 94%).
    let pct = values::is_percent_unit(&unit);
    let (af, qf, xf) = (
        r.fractions("annual_target"),
        r.fractions("quarter_target"),
        r.fractions("actual"),
    );
    let annual_target = r.required("annual_target", |c| values::measure(c, pct, af));
    let quarter_target = r.required("quarter_target", |c| values::measure(c, pct, qf));
    let actual = r.required("actual", |c| values::measure(c, pct, xf));
    let cost_planned = r.optional("cost_planned", values::decimal);
    let cost_actual = r.optional("cost_actual", values::decimal);
    Some(Record::Kpi(KpiAchievement {
        program,
        indicator,
        name,
        unit,
        year: year?,
        quarter: quarter?,
        annual_target: annual_target?,
        quarter_target: quarter_target?,
        actual: actual?,
        cost_planned,
        cost_actual,
    }))
}

/// A committee's activity in a year.
fn committee_activity<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let committee = r.text("committee", true);
    let name = r.text("name", true);
    let year = r.required("year", values::year);
    let forming_decision = r.decision_number("forming_decision", false);
    let formed = r.date("formed", true);
    let meetings = r.required("meetings", values::whole::<u32>);
    let minutes = r.optional("minutes", values::whole::<u32>).unwrap_or(0);
    let minutes_to_cabinet = r
        .optional("minutes_to_cabinet", values::whole::<u32>)
        .unwrap_or(0);
    let submitted = r.required("recommendations_submitted", values::whole::<u32>);
    let approved = r.required("recommendations_approved", values::whole::<u32>);
    let status = r.word(
        "status",
        true,
        CommitteeStatus::parse,
        "import-noun-committee-status",
        COMMITTEE_STATUS_WORDS,
    );
    Some(Record::Committee(CommitteeActivity {
        committee,
        name,
        year: year?,
        forming_decision,
        formed: formed?,
        meetings: meetings?,
        minutes,
        minutes_to_cabinet,
        recommendations_submitted: submitted?,
        recommendations_approved: approved?,
        status: status?,
    }))
}

/// A project, as its executing center defines it.
fn project<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let code = r.text("code", true);
    let name_ar = r.text("name_ar", true);
    let name_en = r.text("name_en", false);
    let sector = r.text("sector", true);
    let plan = r.text("plan", false);
    let funding = r.word(
        "funding",
        true,
        FundingSource::parse,
        "import-noun-funding",
        FUNDING_WORDS,
    );
    let donor = r.optional_text("donor");
    let agreement = r.optional_text("agreement");
    let start = r.date("start", true);
    let planned_end = r.date("planned_end", true);
    let budget = r.required("budget", values::whole::<i64>);
    let currency = r.text("currency", true).to_uppercase();
    Some(Record::Project(Project {
        code,
        name_ar,
        name_en,
        sector,
        plan,
        funding: funding?,
        donor,
        agreement,
        start: start?,
        planned_end: planned_end?,
        budget: budget?,
        currency,
    }))
}

/// A project's progress at the end of a period.
fn project_progress<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Option<Record> {
    let project = r.text("project", true);
    let period_end = r.date("period_end", true);
    let (pf, af) = (
        r.fractions("planned_progress"),
        r.fractions("actual_progress"),
    );
    let planned = r.required("planned_progress", |c| values::percent(c, pf));
    let actual = r.required("actual_progress", |c| values::percent(c, af));
    let spent = r.required("cumulative_spent", values::whole::<i64>);
    let status = r.word(
        "status",
        true,
        ProjectStatus::parse,
        "import-noun-project-status",
        ProjectStatus::ACCEPTED_WORDS,
    );
    let obstacle = r.text("obstacle", false);
    Some(Record::ProjectProgress(ProjectProgress {
        project,
        period_end: period_end?,
        planned_progress: planned?,
        actual_progress: actual?,
        cumulative_spent: spent?,
        status: status?,
        obstacle,
    }))
}

/// The follow-up of a decision-status row: its kind and its date, both or neither.
fn follow_up<C: Cells + ?Sized>(r: &mut RowRead<'_, '_, C>) -> Vec<FollowUp> {
    let kind = r.word(
        "follow_up",
        false,
        FollowUpKind::parse,
        "import-noun-follow-up",
        FOLLOW_UP_WORDS,
    );
    let date = r.date("follow_up_date", false);
    match (
        kind,
        date,
        r.is_filled("follow_up"),
        r.is_filled("follow_up_date"),
    ) {
        (Some(kind), Some(date), _, _) => vec![FollowUp { kind, date }],
        (_, _, Some(col), None) => {
            let m = match r.columns.column("follow_up_date") {
                Some(_) => "import-follow-up-without-date",
                None => "import-follow-up-without-date-column",
            };
            r.fail(col, Msg::new(m));
            Vec::new()
        }
        (_, _, None, Some(col)) => {
            r.fail(
                col,
                Msg::new("import-follow-up-date-alone")
                    .names("accepted", accepted_names(FOLLOW_UP_WORDS)),
            );
            Vec::new()
        }
        _ => Vec::new(),
    }
}

const SESSION_KIND_WORDS: &str = "ordinary / عادية، emergency / طارئة";
const DECISION_KIND_WORDS: &str = "decision / قرار، assignment / تكليف";
const CATEGORY_WORDS: &str = "operating / تشغيلية، development / تطويرية، salaries / رواتب";
const COMMITTEE_STATUS_WORDS: &str = "active / نشطة، finished / منتهية";
const FUNDING_WORDS: &str = "treasury / الخزينة، donor / جهة مانحة";
const FOLLOW_UP_WORDS: &str = "call / اتصال، letter / كتاب، message / رسالة نصية، memo / مذكرة";

fn parse_session_kind(s: &str) -> Option<SessionKind> {
    let n = normalize_header(s);
    if is_one_of(&n, &["ordinary", "عادية", "عادي", "اعتيادية", "عادی"]) {
        Some(SessionKind::Ordinary)
    } else if is_one_of(
        &n,
        &["emergency", "طارئة", "طارئ", "استثنائية", "فوق‌العاده"],
    ) {
        Some(SessionKind::Emergency)
    } else {
        None
    }
}
