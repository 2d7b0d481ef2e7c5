//! The deterministic demo dataset: the cabinet secretariat's year 2023 as its annual report
//! tells it (shared/seeds `001_…`), spread over the real centers the report names.
//!
//! The totals reproduce the report: 776 decisions and 647 assignments from sessions 188–236;
//! of the analysed non-routine decisions 45% executed, 37% in progress, 18% not started
//! (assignments 50/37/13); 72 committees, 300 meetings, 214 recommendations, 195 approved;
//! the secretariat's budget 3,222,036 ILS planned and 2,161,594 spent. Decisions are classified
//! by sector, programme, level and type as the report says the secretariat does; it gives no
//! figure per class, so the split is made up (infrastructure lags, governance leads) and the
//! decisions not yet analysed are not yet classified. The same seed gives the
//! same records on every machine, so demo boards and snapshots never drift.

use crate::model::*;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;

/// The year the dataset describes.
pub const DEMO_YEAR: i32 = 2023;
mod legislation_titles;

/// The day the annual report was signed; the demo's boards are "as of" this day.
pub fn demo_today() -> NaiveDate {
    date(2024, 2, 12)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The secretariat's own code: the only center that may report decisions and sessions.
pub const SECRETARIAT: &str = "GSC";

/// Figures the dataset reproduces, for tests and documentation.
pub mod figures {
    /// Decisions issued in 2023, routine included.
    pub const DECISIONS: u32 = 776;
    /// Assignments issued in 2023.
    pub const ASSIGNMENTS: u32 = 647;
    /// Decisions the report analysed, routine included; the other 49 (the year's last sessions)
    /// have no status yet.
    pub const ANALYSED_DECISIONS: u32 = 727;
    /// Routine decisions (about 40%), left out of execution figures.
    pub const ROUTINE_DECISIONS: u32 = 310;
    /// Analysed non-routine decisions executed (45%).
    pub const DECISIONS_EXECUTED: u32 = 196;
    /// Analysed non-routine decisions in progress (37%).
    pub const DECISIONS_IN_PROGRESS: u32 = 161;
    /// Analysed non-routine decisions not started (18%).
    pub const DECISIONS_NOT_STARTED: u32 = 79;
    /// Assignments executed (50%).
    pub const ASSIGNMENTS_EXECUTED: u32 = 324;
    /// Assignments in progress (37%).
    pub const ASSIGNMENTS_IN_PROGRESS: u32 = 239;
    /// Assignments not started (13%).
    pub const ASSIGNMENTS_NOT_STARTED: u32 = 84;
    /// Committees with activity in 2023.
    pub const COMMITTEES: u32 = 72;
    /// Committee meetings held.
    pub const COMMITTEE_MEETINGS: u32 = 300;
    /// Committee minutes reviewed.
    pub const COMMITTEE_MINUTES: u32 = 157;
    /// Minutes put before the cabinet.
    pub const MINUTES_TO_CABINET: u32 = 68;
    /// Recommendations those minutes held, submitted to the cabinet.
    pub const RECOMMENDATIONS: u32 = 214;
    /// Recommendations the cabinet approved (91%).
    pub const RECOMMENDATIONS_APPROVED: u32 = 195;
    /// Committees that finished their mandate.
    pub const COMMITTEES_FINISHED: u32 = 35;
    /// The secretariat's own budget for 2023, salaries excluded, in ILS.
    pub const SECRETARIAT_BUDGET_PLANNED: i64 = 3_222_036;
    /// What the secretariat spent of it, in ILS (67%).
    pub const SECRETARIAT_BUDGET_SPENT: i64 = 2_161_594;
    /// Of that, development spending, in ILS. The report prints 1,322,891, which does not add up
    /// with the operating figure to the total; this one does.
    pub const SECRETARIAT_DEVELOPMENT_SPENT: i64 = 1_332_891;
    /// Of that, operating spending, in ILS.
    pub const SECRETARIAT_OPERATING_SPENT: i64 = 828_703;
    /// Follow-up phone calls.
    pub const CALLS: u32 = 2_237;
    /// Follow-up official letters.
    pub const LETTERS: u32 = 680;
    /// Follow-up text messages.
    pub const MESSAGES: u32 = 1_008;
    /// Requests for explanatory memoranda.
    pub const MEMOS: u32 = 23;
    /// Activities of the secretariat's operational plan; each is a KPI with quarterly targets
    /// in the demo.
    pub const OPERATIONAL_PLAN_ACTIVITIES: u32 = 129;
    /// Complaints the secretariat's central system received in 2023.
    pub const COMPLAINTS_RECEIVED: u64 = 233;
    /// Of those, referred to the competent departments.
    pub const COMPLAINTS_REFERRED: u64 = 106;
    /// Followed up by the secretariat's complaints department and accepted.
    pub const COMPLAINTS_ACCEPTED: u64 = 68;
    /// Followed up by the secretariat's complaints department and rejected.
    pub const COMPLAINTS_REJECTED: u64 = 59;
    /// Of the accepted, processed (65 of 68: 96%).
    pub const COMPLAINTS_PROCESSED: u64 = 65;
    /// Of the accepted, still in process at the year's end.
    pub const COMPLAINTS_PENDING: u64 = 3;
    /// Laws, regulations and strategies in the 2023 legislative plan.
    pub const LEGISLATION_PLANNED: u64 = 91;
    /// Of those, done (31%).
    pub const LEGISLATION_PLANNED_DONE: u64 = 28;
    /// Laws forwarded to the president in 2023.
    pub const LAWS_FORWARDED: u64 = 8;
    /// Draft laws in progress.
    pub const LAWS_IN_PROGRESS: u64 = 32;
    /// Regulations approved in 2023.
    pub const REGULATIONS_APPROVED: u64 = 20;
    /// Regulations in progress.
    pub const REGULATIONS_IN_PROGRESS: u64 = 31;
    /// Strategies, policies and agendas approved in 2023.
    pub const STRATEGIES_APPROVED: u64 = 4;
    /// Strategies, policies and agendas in progress.
    pub const STRATEGIES_IN_PROGRESS: u64 = 4;
    /// Legal memoranda written for the cabinet in 2023.
    pub const LEGAL_MEMORANDA: u64 = 1_080;
}

/// The demo's centers and records (revision 1 each, but those with earlier revisions in
/// `earlier`: revision 2, or 3 for the statuses of the [`story_decisions`]; reported by the
/// center named in each).
#[derive(Debug, Clone)]
pub struct DemoData {
    /// The centers the report names, with the secretariat ([`SECRETARIAT`]).
    pub centers: Vec<Center>,
    /// Every record of the year, one envelope per key: what a center's files hold today.
    pub records: Vec<RecordEnvelope>,
    /// The past the current figures do not count: earlier revisions of statuses (a decision in
    /// progress before it was executed, not started before it was in progress: the trends),
    /// of a few decisions and KPIs whose current record moved the goalposts (a due date the
    /// secretariat pushed back, a target a center lowered), and the budget of the year before
    /// (spending against the same month of last year). A wall fed all of them shows the trends
    /// and the moves; `records` alone gives every other figure the same, as import files (which
    /// hold only the current state) do. Every current record with an earlier revision here is
    /// revision 2.
    pub earlier: Vec<RecordEnvelope>,
}

impl DemoData {
    /// Every revision, the earlier ones first: what a collector that saw the whole year holds.
    pub fn all_revisions(&self) -> Vec<RecordEnvelope> {
        self.earlier.iter().chain(&self.records).cloned().collect()
    }
}

/// SplitMix64: tiny, and value-stable forever (unlike general-purpose generators whose streams
/// may change between releases), which keeps the demo identical across upgrades.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

const CENTERS: &[(&str, &str, &str, Option<&str>)] = &[
    (
        "GSC",
        "الأمانة العامة لمجلس الوزراء",
        "General Secretariat of the Council of Ministers",
        None,
    ),
    (
        "GSC-LEGAL",
        "الإدارة العامة للشؤون القانونية",
        "General Directorate of Legal Affairs",
        Some("GSC"),
    ),
    ("MOF", "وزارة المالية", "Ministry of Finance", None),
    (
        "MOF-BPD",
        "الإدارة العامة للتنسيق ومتابعة أداء الموازنة",
        "Budget Performance Directorate",
        Some("MOF"),
    ),
    ("MOH", "وزارة الصحة", "Ministry of Health", None),
    ("MOI", "وزارة الداخلية", "Ministry of Interior", None),
    (
        "MOE",
        "وزارة التربية والتعليم",
        "Ministry of Education",
        None,
    ),
    (
        "MOHE",
        "وزارة التعليم العالي والبحث العلمي",
        "Ministry of Higher Education and Scientific Research",
        None,
    ),
    (
        "MOLG",
        "وزارة الحكم المحلي",
        "Ministry of Local Government",
        None,
    ),
    (
        "MOT",
        "وزارة النقل والمواصلات",
        "Ministry of Transport",
        None,
    ),
    ("MOJ", "وزارة العدل", "Ministry of Justice", None),
    ("MOA", "وزارة الزراعة", "Ministry of Agriculture", None),
    (
        "MOSD",
        "وزارة التنمية الاجتماعية",
        "Ministry of Social Development",
        None,
    ),
    (
        "MONE",
        "وزارة الاقتصاد الوطني",
        "Ministry of National Economy",
        None,
    ),
    (
        "MPWH",
        "وزارة الأشغال العامة والإسكان",
        "Ministry of Public Works and Housing",
        None,
    ),
    (
        "MTIT",
        "وزارة الاتصالات وتكنولوجيا المعلومات",
        "Ministry of Telecommunications and IT",
        None,
    ),
    (
        "MOAWQ",
        "وزارة الأوقاف والشؤون الدينية",
        "Ministry of Awqaf and Religious Affairs",
        None,
    ),
    (
        "MOWA",
        "وزارة شؤون المرأة",
        "Ministry of Women's Affairs",
        None,
    ),
    (
        "GPC",
        "ديوان الموظفين العام",
        "General Personnel Council",
        None,
    ),
    // Executes tourism projects only: it has no decisions, budget lines or KPIs in the demo.
    (
        "MOTA",
        "وزارة السياحة والآثار",
        "Ministry of Tourism and Antiquities",
        None,
    ),
];

/// Centers whose budget and indicators the demo does not generate.
const PROJECTS_ONLY: &[&str] = &["MOTA"];

/// Centers that receive decisions, with a weight for how many.
const RESPONSIBLE: &[(&str, usize)] = &[
    ("MOF", 14),
    ("MOH", 10),
    ("MOI", 9),
    ("MOE", 8),
    ("MOHE", 5),
    ("MOLG", 8),
    ("MOT", 5),
    ("MOJ", 5),
    ("MOA", 6),
    ("MOSD", 7),
    ("MONE", 6),
    ("MPWH", 6),
    ("MTIT", 4),
    ("MOAWQ", 2),
    ("MOWA", 3),
    ("GPC", 4),
    ("GSC-LEGAL", 3),
];

const TITLES: &[&str] = &[
    "إعداد خطة وطنية لتطوير الخدمات الحكومية الإلكترونية",
    "المصادقة على نظام الأراضي الحكومية المعدل",
    "إحالة مشروع قرار بقانون بشأن الشركات غير الربحية إلى الجهات المختصة",
    "اعتماد الهيكل التنظيمي المعدل وتسكين الموظفين عليه",
    "تخصيص قطعة أرض حكومية لإقامة مدرسة ثانوية",
    "إعداد تقرير حول تنفيذ خطة الطوارئ الصحية في المحافظات",
    "متابعة تنفيذ مشاريع قطاع المياه العادمة",
    "تعزيز الرقابة على الأسعار في الأسواق المحلية",
    "توفير الدعم العاجل للمزارعين المتضررين من الأحوال الجوية",
    "المصادقة على اتفاقية تعاون فني مع الاتحاد الأوروبي",
    "إعداد دراسة حول ترشيد النفقات التشغيلية للدوائر الحكومية",
    "تطوير منظومة الشكاوى الحكومية وربطها إلكترونياً",
    "رفع مذكرة تفسيرية حول تعديل اللائحة التنفيذية",
    "استمرار تقديم الخدمات الأساسية لأبناء شعبنا في قطاع غزة",
    "تشكيل فريق فني لمراجعة رسوم الخدمات الحكومية",
    "إعداد مشروع موازنة البرامج للعام القادم",
    "تنظيم عمل المعابر وتسهيل حركة البضائع",
    "إطلاق برنامج وطني لتشغيل الخريجين",
    "تحديث الخطة التشريعية وفق أولويات الحكومة",
    "صيانة الطرق الرئيسية بين المحافظات",
];

const SECTORS: &[&str] = &[
    "الحوكمة والإصلاح الإداري",
    "الاقتصاد",
    "الاجتماعي",
    "البنية التحتية",
    "الأمن وسيادة القانون",
];
const PROGRAMS: &[&str] = &[
    "الانفكاك الاقتصادي",
    "تعزيز صمود المواطنين",
    "الإصلاح المالي والإداري",
    "تحسين الخدمات العامة",
];
const LEVELS: &[&str] = &["وطني", "قطاعي", "مؤسسي"];
const TYPES: &[&str] = &["تنظيمي", "مالي", "تشريعي", "إداري"];

/// How likely each of [`SECTORS`] is for a decision that ends executed, in progress and not
/// started: the report gives no figure per sector, so these make a plausible year in which
/// infrastructure lags (development projects held up by the financial crisis the report
/// describes) and governance leads.
const SECTOR_WEIGHTS: [[u64; 5]; 3] = [
    [30, 18, 24, 10, 18],
    [16, 24, 22, 26, 12],
    [10, 22, 14, 44, 10],
];
/// The same for [`PROGRAMS`]: financial and administrative reform furthest ahead, economic
/// disengagement furthest behind.
const PROGRAM_WEIGHTS: [[u64; 4]; 3] = [[18, 26, 32, 24], [30, 24, 20, 26], [40, 24, 14, 22]];

/// The index `draw` picks among `weights`, each as likely as its weight.
fn weighted(draw: u64, weights: &[u64]) -> usize {
    let mut x = draw % weights.iter().sum::<u64>().max(1);
    for (i, w) in weights.iter().enumerate() {
        if x < *w {
            return i;
        }
        x -= w;
    }
    0
}

/// A decision's classification from four random draws: sector and program weighted by how its
/// execution ends (non-routine only), level and type even. Decisions the report had not yet
/// analysed (the year's last sessions, `Target::Unreported`) are not classified yet either.
fn demo_classification(routine: bool, target: Target, draws: [u64; 4]) -> Classification {
    let row = match target {
        Target::Unreported => return Classification::default(),
        _ if routine => None,
        Target::Executed => Some(0),
        Target::InProgress => Some(1),
        Target::NotStarted => Some(2),
    };
    let pick = |draw: u64, n: usize| (draw % n as u64) as usize;
    let sector = row.map_or(pick(draws[1], SECTORS.len()), |r| {
        weighted(draws[1], &SECTOR_WEIGHTS[r])
    });
    let program = row.map_or(pick(draws[0], PROGRAMS.len()), |r| {
        weighted(draws[0], &PROGRAM_WEIGHTS[r])
    });
    Classification {
        program: Some(PROGRAMS[program].to_string()),
        sector: Some(SECTORS[sector].to_string()),
        level: Some(LEVELS[pick(draws[2], LEVELS.len())].to_string()),
        decision_type: Some(TYPES[pick(draws[3], TYPES.len())].to_string()),
    }
}

/// Builds the demo dataset. Pure and deterministic.
pub fn generate() -> DemoData {
    let mut rng = Rng(0x5241_5349_4432_3032); // "RASID2023"
    let centers: Vec<Center> = CENTERS
        .iter()
        .map(|(code, ar, en, parent)| Center {
            code: code_of(code),
            name_ar: ar.to_string(),
            name_en: en.to_string(),
            parent: parent.map(code_of),
        })
        .collect();
    let mut out = Vec::new();
    let sessions = sessions(&mut out);
    decisions(&mut rng, &sessions, &mut out);
    tell_stories(&mut out);
    secretariat_budget(&mut rng, &mut out);
    center_budgets(&mut rng, &mut out);
    kpis(&mut rng, &mut out);
    committees(&mut rng, &mut out);
    projects(&mut out);
    complaints(&mut out);
    legislation(&mut out);
    let mut earlier = story_history(&out);
    earlier.extend(moved_goalposts(&mut out));
    earlier.extend(earlier_statuses(&mut out));
    earlier.extend(previous_year_budget(&out));
    DemoData {
        centers,
        records: out,
        earlier,
    }
}

/// The earlier revision of each status that moved during the year: an executed decision was in
/// progress halfway between its issue and its execution, one in progress was not started a week
/// after its issue (when reported a fortnight or more after it). Derived from the current
/// records alone (no draw of the generator), so the rest of the demo is unchanged.
fn earlier_statuses(out: &mut [RecordEnvelope]) -> Vec<RecordEnvelope> {
    let issued: BTreeMap<DecisionNumber, NaiveDate> = out
        .iter()
        .filter_map(|e| match &e.record {
            Record::Decision(d) => Some((d.number, d.date)),
            _ => None,
        })
        .collect();
    let mut earlier = Vec::new();
    for e in out.iter_mut() {
        let Record::DecisionStatus(s) = &e.record else {
            continue;
        };
        // The story decisions' statuses have their own history (`story_history`).
        if e.revision > 1 {
            continue;
        }
        let Some(issue) = issued.get(&s.decision).copied() else {
            continue;
        };
        let span = (e.as_of - issue).num_days();
        let (status, progress, as_of) = match s.status {
            ExecutionStatus::Executed if span >= 14 => (
                ExecutionStatus::InProgress,
                40,
                issue + Duration::days(span / 2),
            ),
            ExecutionStatus::InProgress if span >= 14 => {
                (ExecutionStatus::NotStarted, 0, issue + Duration::days(7))
            }
            _ => continue,
        };
        let mut first = s.clone();
        first.status = status;
        first.progress = progress;
        first.follow_ups.clear();
        earlier.push(RecordEnvelope {
            center: e.center.clone(),
            as_of,
            revision: 1,
            record: Record::DecisionStatus(first),
        });
        e.revision = 2;
    }
    earlier
}

/// The year before's budget: every line of the demo's year a year earlier, allocated 5% less
/// and spent 12% less (rounded down).
fn previous_year_budget(out: &[RecordEnvelope]) -> Vec<RecordEnvelope> {
    out.iter()
        .filter_map(|e| {
            let Record::Budget(b) = &e.record else {
                return None;
            };
            let mut last = b.clone();
            last.fiscal_year -= 1;
            last.allocated = b.allocated / 100 * 95;
            last.revised = b.revised.map(|r| r / 100 * 95);
            last.committed = b.committed / 100 * 88;
            last.spent = b.spent / 100 * 88;
            Some(RecordEnvelope {
                center: e.center.clone(),
                as_of: e.as_of.checked_sub_months(chrono::Months::new(12))?,
                revision: 1,
                record: Record::Budget(last),
            })
        })
        .collect()
}

/// The secretariat's central complaints system in 2023, quarter by quarter, adding up to the
/// report's year (the figures per quarter are made up; the report gives the year's only):
/// 233 received, 106 referred, 68 accepted, 59 rejected, 65 processed and 3 still in process, 2
/// of them stuck (the report's quarterly reports on stuck complaints).
fn complaints(out: &mut Vec<RecordEnvelope>) {
    // [received, referred, accepted, rejected, processed, pending, overdue] per quarter.
    const QUARTERS: [[u32; 7]; 4] = [
        [55, 25, 16, 14, 16, 0, 0],
        [62, 28, 18, 16, 18, 0, 0],
        [58, 27, 17, 14, 17, 0, 0],
        [58, 26, 17, 15, 14, 3, 2],
    ];
    for (q, n) in (1u8..).zip(QUARTERS) {
        let as_of = match q {
            4 => date(DEMO_YEAR + 1, 1, 10),
            _ => date(DEMO_YEAR, u32::from(q) * 3 + 1, 10),
        };
        push(
            out,
            SECRETARIAT,
            as_of,
            Record::Complaints(ComplaintsQuarter::new(DEMO_YEAR, q, n)),
        );
    }
}

/// The centers the demo makes responsible for the plan's items, in turn.
const LEGISLATION_CENTERS: [&str; 12] = [
    "MOJ", "MOF", "MOH", "MOI", "MOE", "MOLG", "MOT", "MOSD", "MONE", "MTIT", "MOWA", "MOA",
];

/// The 2023 legislative plan as the secretariat's legal affairs report it, and their legal
/// memoranda. The report's per-type figures (8 laws forwarded and 32 in progress, 20 regulations
/// approved and 31 in progress, 4 strategies approved and 4 in progress) add up to 99 items and
/// 32 done, while it gives the plan as 91 items and 28 done (31%); the demo reads the difference
/// as 8 items added during the year outside the plan, 4 of them done (which 8 is made up, as are
/// the stages of the open items, the planned quarters, the days done, the responsible centers
/// and the memoranda per quarter).
fn legislation(out: &mut Vec<RecordEnvelope>) {
    use crate::model::{LegislationStage as S, LegislationType as T};
    use legislation_titles::*;
    // (type, titles, done, item indices outside the plan)
    let groups: [(T, &[&str], bool, &[usize]); 6] = [
        (T::Law, &LAWS_DONE, true, &[7]),
        (T::Law, &LAWS_IN_PROGRESS, false, &[30, 31]),
        (T::Regulation, &REGULATIONS_DONE, true, &[17, 18, 19]),
        (T::Regulation, &REGULATIONS_IN_PROGRESS, false, &[29, 30]),
        (T::Strategy, &STRATEGIES_DONE, true, &[]),
        (T::Strategy, &STRATEGIES_IN_PROGRESS, false, &[]),
    ];
    let open_stages = [S::Drafting, S::Consultation, S::Readings, S::Approved];
    let mut n = 0usize;
    for (t, titles, done, outside) in groups {
        for (i, title) in titles.iter().enumerate() {
            n += 1;
            let planned = (!outside.contains(&i)).then_some((n * 3 % 4 + 1) as u8);
            // A done item was done in its planned quarter or the next (the fourth's in it).
            let day = done.then(|| {
                let q = planned.map_or(n % 4 + 1, |q| usize::from(q) + n % 2).min(4);
                date(
                    DEMO_YEAR,
                    (q * 3 - 2 + n % 3) as u32,
                    (n * 7 % 27 + 1) as u32,
                )
            });
            // Open laws may stand approved, waiting to be forwarded; other types stop before.
            let stages = if t == T::Law { 4 } else { 3 };
            let stage = if done {
                t.last_stage()
            } else {
                open_stages[n % stages]
            };
            let record = Record::Legislation(crate::model::LegislationItem {
                code: format!("LP-{DEMO_YEAR}-{n:03}"),
                title: title.to_string(),
                item_type: t,
                stage,
                responsible: code_of(LEGISLATION_CENTERS[n % LEGISLATION_CENTERS.len()]),
                year: DEMO_YEAR,
                planned_quarter: planned,
                done: day,
            });
            push(
                out,
                "GSC-LEGAL",
                day.unwrap_or(date(DEMO_YEAR + 1, 1, 10)),
                record,
            );
        }
    }
    for (quarter, memoranda) in (1u8..).zip([262u32, 281, 255, 282]) {
        let as_of = match quarter {
            4 => date(DEMO_YEAR + 1, 1, 10),
            _ => date(DEMO_YEAR, u32::from(quarter) * 3 + 1, 10),
        };
        let m = LegalMemoranda {
            year: DEMO_YEAR,
            quarter,
            memoranda,
        };
        push(out, "GSC-LEGAL", as_of, Record::LegalMemoranda(m));
    }
}

/// Every this many non-routine decisions with a due date, one had its due date pushed back.
const MOVED_DUE_EVERY: usize = 37;
/// Every this many KPI achievements with a target, one had its target lowered.
const LOWERED_TARGET_EVERY: usize = 23;

/// Makes a few current records revision 2 of a plan first reported otherwise, and returns those
/// first revisions: due dates first set 45 to 119 days earlier (never before the decision's day),
/// quarter targets first set a quarter to a half higher. Current figures are unchanged.
fn moved_goalposts(out: &mut [RecordEnvelope]) -> Vec<RecordEnvelope> {
    let mut earlier = Vec::new();
    let (mut decisions, mut kpis) = (0usize, 0usize);
    for e in out.iter_mut() {
        let first = match &e.record {
            Record::Decision(d) if !d.routine && d.due.is_some() => {
                decisions += 1;
                let Some(due) = d.due.filter(|_| decisions % MOVED_DUE_EVERY == 0) else {
                    continue;
                };
                let back = 45 + (decisions as u64 * 7) % 75;
                let first_due = (due - chrono::Days::new(back)).max(d.date);
                if first_due == due {
                    continue;
                }
                let mut f = d.clone();
                f.due = Some(first_due);
                // Half were moved once already late, half before the first date came.
                let moved_on = if decisions % (2 * MOVED_DUE_EVERY) == 0 {
                    first_due + chrono::Days::new(20)
                } else {
                    (first_due - chrono::Days::new(10)).max(d.date)
                };
                e.as_of = moved_on.min(date(DEMO_YEAR, 12, 31)).max(e.as_of);
                (Record::Decision(f), d.date)
            }
            Record::Kpi(k) if k.quarter_target > 0.0 => {
                kpis += 1;
                if kpis % LOWERED_TARGET_EVERY != 0 {
                    continue;
                }
                let mut f = k.clone();
                let raise = 1.25 + 0.25 * ((kpis / LOWERED_TARGET_EVERY) % 2) as f64;
                f.quarter_target = (k.quarter_target * raise).round();
                f.annual_target = f.annual_target.max(f.quarter_target);
                let quarter_start = date(k.year, u32::from(k.quarter) * 3 - 2, 1);
                (Record::Kpi(f), quarter_start.min(e.as_of))
            }
            _ => continue,
        };
        earlier.push(RecordEnvelope {
            center: e.center.clone(),
            as_of: first.1,
            revision: 1,
            record: first.0,
        });
        e.revision = 2;
    }
    earlier
}

fn code_of(s: &str) -> CenterCode {
    CenterCode::new(s).unwrap_or_else(|_| unreachable!("demo center codes are valid"))
}

fn push(out: &mut Vec<RecordEnvelope>, center: &str, as_of: NaiveDate, record: Record) {
    out.push(RecordEnvelope {
        center: code_of(center),
        as_of,
        revision: 1,
        record,
    });
}

/// Sessions 188–236, weekly from the first Monday of 2023; two emergency sessions in October.
fn sessions(out: &mut Vec<RecordEnvelope>) -> Vec<(u32, NaiveDate)> {
    let first = date(DEMO_YEAR, 1, 2);
    (188u32..=236)
        .enumerate()
        .map(|(i, number)| {
            let d = first
                + Duration::weeks(i as i64)
                + Duration::days((i as i64 % 3) - 1).max(Duration::zero());
            let kind = if matches!(number, 228 | 229) {
                SessionKind::Emergency
            } else {
                SessionKind::Ordinary
            };
            push(
                out,
                SECRETARIAT,
                d,
                Record::Session(Session {
                    government: 18,
                    number,
                    date: d,
                    kind,
                }),
            );
            (number, d)
        })
        .collect()
}

#[derive(Clone, Copy, PartialEq)]
enum Target {
    Executed,
    InProgress,
    NotStarted,
    Unreported,
}

fn labels(counts: &[(Target, u32)], rng: &mut Rng) -> Vec<Target> {
    let mut v: Vec<Target> = counts
        .iter()
        .flat_map(|(t, n)| std::iter::repeat_n(*t, *n as usize))
        .collect();
    rng.shuffle(&mut v);
    v
}

fn weighted_center(rng: &mut Rng) -> &'static str {
    let total: usize = RESPONSIBLE.iter().map(|(_, w)| w).sum();
    let mut x = rng.below(total);
    for (c, w) in RESPONSIBLE {
        if x < *w {
            return c;
        }
        x -= w;
    }
    RESPONSIBLE[0].0
}

fn decisions(rng: &mut Rng, sessions: &[(u32, NaiveDate)], out: &mut Vec<RecordEnvelope>) {
    use figures::*;
    let total = (DECISIONS + ASSIGNMENTS) as usize;
    let mut kinds: Vec<DecisionKind> =
        std::iter::repeat_n(DecisionKind::Decision, DECISIONS as usize)
            .chain(std::iter::repeat_n(
                DecisionKind::Assignment,
                ASSIGNMENTS as usize,
            ))
            .collect();
    rng.shuffle(&mut kinds);
    // The last 49 decisions (sessions at the year's end) are not yet analysed: 19 routine, 30 not.
    let unanalysed = DECISIONS - ANALYSED_DECISIONS;
    let routine_analysed = 291;
    let nonroutine_analysed = ANALYSED_DECISIONS - routine_analysed;
    debug_assert_eq!(
        nonroutine_analysed,
        DECISIONS_EXECUTED + DECISIONS_IN_PROGRESS + DECISIONS_NOT_STARTED
    );
    let mut analysed_routine = labels(
        &[
            (Target::Executed, routine_analysed),
            (Target::Unreported, nonroutine_analysed),
        ],
        rng,
    );
    let mut analysed_targets = labels(
        &[
            (Target::Executed, DECISIONS_EXECUTED),
            (Target::InProgress, DECISIONS_IN_PROGRESS),
            (Target::NotStarted, DECISIONS_NOT_STARTED),
        ],
        rng,
    );
    let mut late_routine = labels(
        &[
            (Target::Executed, 19),
            (Target::Unreported, unanalysed - 19),
        ],
        rng,
    );
    let mut assignment_targets = labels(
        &[
            (Target::Executed, ASSIGNMENTS_EXECUTED),
            (Target::InProgress, ASSIGNMENTS_IN_PROGRESS),
            (Target::NotStarted, ASSIGNMENTS_NOT_STARTED),
        ],
        rng,
    );
    // Follow-up actions are dealt afterwards to non-routine statuses, unfinished work four
    // times as likely as finished: `chase` lists each status once per chance.
    let mut chase: Vec<usize> = Vec::new();

    let mut decision_index = 0u32;
    let mut item_in_session = vec![0u16; sessions.len()];
    for (i, kind) in kinds.into_iter().enumerate() {
        let s = i * sessions.len() / total;
        let (session, session_date) = sessions[s];
        item_in_session[s] += 1;
        let number = DecisionNumber::new(18, session, item_in_session[s]);
        let (routine, target) = match kind {
            DecisionKind::Decision => {
                let idx = decision_index;
                decision_index += 1;
                if idx < ANALYSED_DECISIONS {
                    let routine = analysed_routine.pop() == Some(Target::Executed);
                    if routine {
                        (true, Target::Executed)
                    } else {
                        (false, analysed_targets.pop().unwrap_or(Target::Unreported))
                    }
                } else {
                    let routine = late_routine.pop() == Some(Target::Executed);
                    (routine, Target::Unreported)
                }
            }
            DecisionKind::Assignment => (
                false,
                assignment_targets.pop().unwrap_or(Target::Unreported),
            ),
        };
        let lead = weighted_center(rng);
        let mut centers = vec![code_of(lead)];
        if !routine && rng.below(100) < 15 {
            let second = weighted_center(rng);
            if second != lead {
                centers.push(code_of(second));
            }
        }
        let due = session_date + Duration::days(rng.range(30, 200));
        let title = TITLES[rng.below(TITLES.len())].to_string();
        // Four draws whatever the classification, so the rest of the demo stays as it was.
        let draws = [rng.next(), rng.next(), rng.next(), rng.next()];
        let decision = Decision {
            number,
            date: session_date,
            kind,
            title,
            routine,
            classification: demo_classification(routine, target, draws),
            centers: centers.clone(),
            due: (!routine).then_some(due),
            links: Vec::new(),
        };
        push(out, SECRETARIAT, session_date, Record::Decision(decision));
        if target == Target::Unreported {
            continue;
        }
        for (ci, center) in centers.iter().enumerate() {
            let status = match target {
                Target::Executed => ExecutionStatus::Executed,
                Target::NotStarted => ExecutionStatus::NotStarted,
                // With two centers, one may have finished its part already.
                Target::InProgress if ci > 0 && rng.below(2) == 0 => ExecutionStatus::Executed,
                _ => ExecutionStatus::InProgress,
            };
            let progress = match status {
                ExecutionStatus::Executed => 100,
                ExecutionStatus::InProgress => rng.range(10, 90) as u8,
                _ => 0,
            };
            let as_of =
                (session_date + Duration::days(rng.range(14, 120))).min(date(DEMO_YEAR, 12, 31));
            if !routine {
                let weight = if status == ExecutionStatus::Executed {
                    1
                } else {
                    4
                };
                for _ in 0..weight {
                    chase.push(out.len());
                }
            }
            let note = match status {
                ExecutionStatus::InProgress => {
                    "بانتظار استكمال الإجراءات مع الجهات الشريكة".to_string()
                }
                ExecutionStatus::NotStarted => "لم تتوفر المخصصات المالية بعد".to_string(),
                _ => String::new(),
            };
            push(
                out,
                center.as_str(),
                as_of,
                Record::DecisionStatus(DecisionStatus {
                    decision: number,
                    status,
                    progress,
                    note,
                    follow_ups: Vec::new(),
                }),
            );
        }
    }
    for kind in labels_fu(rng) {
        let i = chase[rng.below(chase.len())];
        let date = out[i].as_of - Duration::days(rng.range(1, 10));
        if let Record::DecisionStatus(st) = &mut out[i].record {
            st.follow_ups.push(FollowUp { kind, date });
        }
    }
}

fn labels_fu(rng: &mut Rng) -> Vec<FollowUpKind> {
    use figures::*;
    let mut v: Vec<FollowUpKind> = std::iter::repeat_n(FollowUpKind::Call, CALLS as usize)
        .chain(std::iter::repeat_n(FollowUpKind::Letter, LETTERS as usize))
        .chain(std::iter::repeat_n(
            FollowUpKind::Message,
            MESSAGES as usize,
        ))
        .chain(std::iter::repeat_n(FollowUpKind::Memo, MEMOS as usize))
        .collect();
    rng.shuffle(&mut v);
    v
}

/// Splits `total` over `weights` exactly (largest remainders go to the first parts).
fn split_by(total: i64, weights: &[i64]) -> Vec<i64> {
    let sum: i64 = weights.iter().sum::<i64>().max(1);
    let mut parts: Vec<i64> = weights.iter().map(|w| total * w / sum).collect();
    let mut rest = total - parts.iter().sum::<i64>();
    let n = parts.len();
    let mut i = 0;
    while rest > 0 && n > 0 {
        if weights[i % n] > 0 {
            parts[i % n] += 1;
            rest -= 1;
        }
        i += 1;
    }
    parts
}

fn budget_lines(
    out: &mut Vec<RecordEnvelope>,
    center: &str,
    program: &str,
    category: BudgetCategory,
    allocated: i64,
    spent: i64,
    monthly_weights: &[i64; 12],
) {
    let months = split_by(spent, monthly_weights);
    for (m, s) in months.into_iter().enumerate() {
        let month = m as u8 + 1;
        let as_of = date(DEMO_YEAR, month as u32, 1) + Duration::days(40);
        push(
            out,
            center,
            as_of,
            Record::Budget(BudgetLine {
                fiscal_year: DEMO_YEAR,
                month,
                program: program.to_string(),
                category,
                allocated,
                revised: None,
                committed: s + s / 10,
                spent: s,
                currency: "ILS".into(),
            }),
        );
    }
}

/// The secretariat's 2023 budget (salaries excluded), as in the annual report: IT projects
/// 707,048 and the 78 kW solar plant 495,036 of development spending; the M&E project and the
/// building rehabilitation postponed, which is why only 67% was spent.
fn secretariat_budget(rng: &mut Rng, out: &mut Vec<RecordEnvelope>) {
    let even = [8, 8, 9, 8, 8, 9, 8, 8, 9, 8, 8, 9];
    let summer = [0, 0, 0, 0, 0, 3, 4, 4, 2, 0, 0, 0];
    let late = [0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4];
    let mut varied = [0i64; 12];
    for v in &mut varied {
        *v = rng.range(6, 12);
    }
    use BudgetCategory::*;
    budget_lines(
        out,
        SECRETARIAT,
        "التحول الرقمي",
        Development,
        850_000,
        707_048,
        &varied,
    );
    budget_lines(
        out,
        SECRETARIAT,
        "الطاقة المتجددة",
        Development,
        500_000,
        495_036,
        &summer,
    );
    budget_lines(
        out,
        SECRETARIAT,
        "المتابعة والتقييم",
        Development,
        380_000,
        40_807,
        &late,
    );
    budget_lines(
        out,
        SECRETARIAT,
        "تأهيل المبنى",
        Development,
        410_000,
        90_000,
        &late,
    );
    budget_lines(
        out,
        SECRETARIAT,
        "دعم أعمال مجلس الوزراء",
        Operating,
        600_000,
        472_103,
        &even,
    );
    budget_lines(
        out,
        SECRETARIAT,
        "الخدمات الحكومية والشكاوى",
        Operating,
        482_036,
        356_600,
        &even,
    );
}

fn center_budgets(rng: &mut Rng, out: &mut Vec<RecordEnvelope>) {
    use BudgetCategory::*;
    for (code, _, _, _) in CENTERS
        .iter()
        .filter(|c| !c.0.starts_with("GSC") && !PROJECTS_ONLY.contains(&c.0))
    {
        for p in 0..3 {
            let program = [
                "البرنامج الإداري والمالي",
                "برنامج الخدمات الرئيسية",
                "برنامج التطوير المؤسسي",
            ][p];
            for category in [Salaries, Operating, Development] {
                let base = match category {
                    Salaries => 4_000_000,
                    Operating => 1_500_000,
                    Development => 2_500_000,
                };
                let allocated = rng.range(base / 2, base * 3);
                let rate = match category {
                    Salaries => rng.range(88, 99),
                    Operating => rng.range(55, 95),
                    Development => rng.range(25, 85),
                };
                let mut w = [0i64; 12];
                for v in &mut w {
                    *v = rng.range(5, 12);
                }
                budget_lines(
                    out,
                    code,
                    program,
                    category,
                    allocated,
                    allocated * rate / 100,
                    &w,
                );
            }
        }
    }
}

const KPI_NAMES: &[(&str, &str)] = &[
    ("نسبة القرارات التي تمت متابعتها مع الجهات المسؤولة", "%"),
    ("عدد الزيارات الميدانية للدوائر الحكومية", "زيارة"),
    ("عدد الورش التدريبية المنفذة", "ورشة"),
    ("نسبة الشكاوى المعالجة ضمن المدة المحددة", "%"),
    ("عدد التقارير الدورية المرفوعة لمجلس الوزراء", "تقرير"),
    ("عدد الخدمات الحكومية المحوسبة", "خدمة"),
    ("عدد مشاريع القوانين المنجزة", "مشروع"),
    ("نسبة الموظفين الذين تلقوا تدريباً", "%"),
];

fn kpis(rng: &mut Rng, out: &mut Vec<RecordEnvelope>) {
    // The secretariat's operational plan: 129 activities with quarterly targets.
    for a in 1..=figures::OPERATIONAL_PLAN_ACTIVITIES {
        let (name, unit) = KPI_NAMES[(a as usize) % KPI_NAMES.len()];
        let program = PROGRAMS[(a as usize) % PROGRAMS.len()];
        kpi_year(
            rng,
            out,
            SECRETARIAT,
            program,
            &format!("A{a:03}"),
            &format!("{name} ({a})"),
            unit,
        );
    }
    for (code, _, _, _) in CENTERS
        .iter()
        .filter(|c| !c.0.starts_with("GSC") && !PROJECTS_ONLY.contains(&c.0))
    {
        for i in 1..=4 {
            let (name, unit) = KPI_NAMES[rng.below(KPI_NAMES.len())];
            kpi_year(
                rng,
                out,
                code,
                "برنامج الخدمات الرئيسية",
                &format!("K{i:02}"),
                name,
                unit,
            );
        }
    }
}

fn kpi_year(
    rng: &mut Rng,
    out: &mut Vec<RecordEnvelope>,
    center: &str,
    program: &str,
    code: &str,
    name: &str,
    unit: &str,
) {
    let annual = if unit == "%" {
        100.0
    } else {
        rng.range(8, 120) as f64
    };
    let skill = rng.range(45, 115) as f64 / 100.0;
    for q in 1..=4u8 {
        let quarter_target = if unit == "%" {
            annual
        } else {
            (annual / 4.0).ceil()
        };
        let achieved = (quarter_target * skill * rng.range(85, 110) as f64 / 100.0).round();
        let actual = if unit == "%" {
            achieved.min(100.0)
        } else {
            achieved
        };
        let cost_planned = (center != SECRETARIAT).then(|| rng.range(20, 80) as f64 * 1000.0);
        let cost_actual = cost_planned.map(|c| (c * rng.range(80, 130) as f64 / 100.0).round());
        let as_of = date(DEMO_YEAR, q as u32 * 3, 1) + Duration::days(45);
        push(
            out,
            center,
            as_of,
            Record::Kpi(KpiAchievement {
                program: program.to_string(),
                indicator: code.to_string(),
                name: name.to_string(),
                unit: unit.to_string(),
                year: DEMO_YEAR,
                quarter: q,
                annual_target: annual,
                quarter_target,
                actual,
                cost_planned,
                cost_actual,
            }),
        );
    }
}

const COMMITTEE_TOPICS: &[&str] = &[
    "اللجنة الوزارية لمتابعة أوضاع قطاع غزة",
    "لجنة الإصلاح الإداري",
    "اللجنة الفنية للأراضي الحكومية",
    "لجنة مراجعة رسوم الخدمات",
    "اللجنة الوطنية للتحول الرقمي",
    "لجنة الطوارئ الصحية",
    "لجنة ترشيد النفقات",
    "اللجنة الوطنية لأمن المعلومات",
    "لجنة متابعة قطاع المياه",
];

/// Deals `total` units one at a time to parts whose cap is not reached.
fn deal(rng: &mut Rng, total: u32, caps: &[u32]) -> Vec<u32> {
    let mut parts = vec![0u32; caps.len()];
    let mut left = total;
    while left > 0 {
        let open: Vec<usize> = (0..caps.len()).filter(|i| parts[*i] < caps[*i]).collect();
        if open.is_empty() {
            break;
        }
        parts[open[rng.below(open.len())]] += 1;
        left -= 1;
    }
    parts
}

fn committees(rng: &mut Rng, out: &mut Vec<RecordEnvelope>) {
    use figures::*;
    let n = COMMITTEES as usize;
    let mut meetings = vec![1u32; n];
    for (i, extra) in deal(rng, COMMITTEE_MEETINGS - COMMITTEES, &vec![20; n])
        .into_iter()
        .enumerate()
    {
        meetings[i] += extra;
    }
    let minutes = deal(rng, COMMITTEE_MINUTES, &meetings);
    let to_cabinet = deal(rng, MINUTES_TO_CABINET, &minutes);
    // Every minute put before the cabinet holds at least one recommendation.
    let mut submitted = to_cabinet.clone();
    let caps: Vec<u32> = to_cabinet
        .iter()
        .map(|m| if *m > 0 { m * 6 } else { 0 })
        .collect();
    for (i, extra) in deal(rng, RECOMMENDATIONS - MINUTES_TO_CABINET, &caps)
        .into_iter()
        .enumerate()
    {
        submitted[i] += extra;
    }
    let approved = deal(rng, RECOMMENDATIONS_APPROVED, &submitted);
    let mut finished = labels(
        &[
            (Target::Executed, COMMITTEES_FINISHED),
            (Target::InProgress, COMMITTEES - COMMITTEES_FINISHED),
        ],
        rng,
    );
    for i in 0..n {
        let formed = date(DEMO_YEAR, 1, 8) + Duration::days((i as i64 * 350) / n as i64);
        let topic = COMMITTEE_TOPICS[i % COMMITTEE_TOPICS.len()];
        let status = if finished.pop() == Some(Target::Executed) {
            CommitteeStatus::Finished
        } else {
            CommitteeStatus::Active
        };
        push(
            out,
            SECRETARIAT,
            date(DEMO_YEAR, 12, 31)
                .min(formed + Duration::days(300))
                .max(formed),
            Record::Committee(CommitteeActivity {
                committee: format!("C{}-{:02}", DEMO_YEAR, i + 1),
                name: format!("{topic} ({})", i / COMMITTEE_TOPICS.len() + 1),
                year: DEMO_YEAR,
                forming_decision: Some(DecisionNumber::new(
                    18,
                    188 + (formed.ordinal() / 7).min(48),
                    1,
                )),
                formed,
                meetings: meetings[i],
                minutes: minutes[i],
                minutes_to_cabinet: to_cabinet[i],
                recommendations_submitted: submitted[i],
                recommendations_approved: approved[i],
                status,
            }),
        );
    }
}

/// A demo project: code, Arabic name, executing center, sector, donor (None: treasury), start,
/// planned end, budget, and its state at the end of 2023: planned and actual progress,
/// spent, status, obstacle.
struct DemoProject {
    code: &'static str,
    name: &'static str,
    center: &'static str,
    sector: &'static str,
    donor: Option<(&'static str, &'static str)>,
    start: (i32, u32),
    end: (i32, u32),
    budget: i64,
    planned: u8,
    actual: u8,
    spent: i64,
    status: ProjectStatus,
    obstacle: &'static str,
}

const WB: Option<(&str, &str)> = Some(("البنك الدولي", "اتفاقية منحة التنمية المحلية 2021"));
const EU: Option<(&str, &str)> = Some(("الاتحاد الأوروبي", "برنامج PEGASE للدعم التنموي"));

/// The secretariat's own four development projects match its 2023 budget lines and the annual
/// report (the 78 kW solar plant done; IT 53% of development spending; the M&E project and the
/// building rehabilitation postponed); the others follow the five diversification sectors.
const PROJECTS: &[DemoProject] = &[
    DemoProject {
        code: "GSC-SOLAR-78KW",
        name: "محطة الطاقة الشمسية بقدرة 78 كيلوواط",
        center: "GSC",
        sector: "الطاقة والبنية الحكومية",
        donor: None,
        start: (2023, 3),
        end: (2023, 10),
        budget: 500_000,
        planned: 100,
        actual: 100,
        spent: 495_036,
        status: ProjectStatus::Completed,
        obstacle: "",
    },
    DemoProject {
        code: "GSC-IT-2023",
        name: "تطوير البنية التحتية لتكنولوجيا المعلومات",
        center: "GSC",
        sector: "الطاقة والبنية الحكومية",
        donor: None,
        start: (2023, 1),
        end: (2024, 3),
        budget: 850_000,
        planned: 90,
        actual: 85,
        spent: 707_048,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "GSC-ME-SYSTEM",
        name: "نظام المتابعة والتقييم الحكومي",
        center: "GSC",
        sector: "الطاقة والبنية الحكومية",
        donor: None,
        start: (2023, 2),
        end: (2023, 12),
        budget: 380_000,
        planned: 100,
        actual: 10,
        spent: 40_807,
        status: ProjectStatus::Stalled,
        obstacle: "تأجيل المشروع لعدم توفر السيولة",
    },
    DemoProject {
        code: "GSC-BLDG-REHAB",
        name: "إعادة تأهيل مبنى الأمانة العامة",
        center: "GSC",
        sector: "الطاقة والبنية الحكومية",
        donor: None,
        start: (2023, 4),
        end: (2023, 12),
        budget: 410_000,
        planned: 100,
        actual: 15,
        spent: 90_000,
        status: ProjectStatus::Stalled,
        obstacle: "تأجيل أعمال التأهيل إلى العام القادم",
    },
    DemoProject {
        code: "MONE-JENIN-IZ",
        name: "المنطقة الصناعية في جنين",
        center: "MONE",
        sector: "الصناعات التحويلية",
        donor: WB,
        start: (2021, 6),
        end: (2024, 12),
        budget: 42_000_000,
        planned: 70,
        actual: 58,
        spent: 25_400_000,
        status: ProjectStatus::Delayed,
        obstacle: "تأخر استملاك الأراضي",
    },
    DemoProject {
        code: "MONE-FOOD-INC",
        name: "حاضنة الصناعات الغذائية",
        center: "MONE",
        sector: "الصناعات التحويلية",
        donor: EU,
        start: (2022, 9),
        end: (2024, 6),
        budget: 6_500_000,
        planned: 60,
        actual: 57,
        spent: 3_600_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MONE-EXPORT",
        name: "برنامج تنمية الصادرات الصناعية",
        center: "MONE",
        sector: "الصناعات التحويلية",
        donor: None,
        start: (2023, 1),
        end: (2025, 12),
        budget: 9_000_000,
        planned: 30,
        actual: 28,
        spent: 2_500_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MOA-GAZA-PORT",
        name: "ميناء الصيد في غزة",
        center: "MOA",
        sector: "الثروة السمكية",
        donor: WB,
        start: (2022, 3),
        end: (2024, 3),
        budget: 18_000_000,
        planned: 85,
        actual: 35,
        spent: 14_200_000,
        status: ProjectStatus::Stalled,
        obstacle: "توقف الأعمال بسبب العدوان على قطاع غزة",
    },
    DemoProject {
        code: "MOA-AQUA",
        name: "مزارع الاستزراع السمكي",
        center: "MOA",
        sector: "الثروة السمكية",
        donor: EU,
        start: (2022, 1),
        end: (2024, 6),
        budget: 5_200_000,
        planned: 75,
        actual: 70,
        spent: 3_700_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MOA-COLD",
        name: "سلسلة التبريد لمنتجات الصيد",
        center: "MOA",
        sector: "الثروة السمكية",
        donor: None,
        start: (2023, 2),
        end: (2024, 8),
        budget: 3_100_000,
        planned: 55,
        actual: 30,
        spent: 2_600_000,
        status: ProjectStatus::Delayed,
        obstacle: "ارتفاع كلفة المعدات المستوردة",
    },
    DemoProject {
        code: "MOTA-HEBRON-OC",
        name: "تأهيل البلدة القديمة في الخليل",
        center: "MOTA",
        sector: "السياحة",
        donor: EU,
        start: (2021, 9),
        end: (2024, 9),
        budget: 12_500_000,
        planned: 80,
        actual: 76,
        spent: 9_300_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MOTA-TRAIL",
        name: "مسار السياحة البيئية في الأغوار",
        center: "MOTA",
        sector: "السياحة",
        donor: None,
        start: (2023, 3),
        end: (2024, 12),
        budget: 2_800_000,
        planned: 45,
        actual: 40,
        spent: 1_250_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MOTA-SEBASTIA",
        name: "حماية الموقع الأثري في سبسطية",
        center: "MOTA",
        sector: "السياحة",
        donor: WB,
        start: (2022, 5),
        end: (2023, 12),
        budget: 4_400_000,
        planned: 100,
        actual: 62,
        spent: 3_900_000,
        status: ProjectStatus::Delayed,
        obstacle: "قيود على الوصول إلى الموقع",
    },
    DemoProject {
        code: "MONE-QUARRY",
        name: "المسح الجيولوجي للمحاجر والموارد الحجرية",
        center: "MONE",
        sector: "التعدين",
        donor: None,
        start: (2022, 7),
        end: (2024, 1),
        budget: 2_300_000,
        planned: 95,
        actual: 90,
        spent: 2_050_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MONE-DEADSEA",
        name: "دراسة استخراج أملاح البحر الميت",
        center: "MONE",
        sector: "التعدين",
        donor: WB,
        start: (2023, 1),
        end: (2025, 6),
        budget: 7_800_000,
        planned: 35,
        actual: 12,
        spent: 5_900_000,
        status: ProjectStatus::Delayed,
        obstacle: "انتظار موافقات الاستخدام",
    },
    DemoProject {
        code: "MOT-BYPASS",
        name: "الطريق الالتفافي بيت لحم – الخليل",
        center: "MOT",
        sector: "النقل والخدمات اللوجستية",
        donor: WB,
        start: (2021, 4),
        end: (2024, 4),
        budget: 65_000_000,
        planned: 88,
        actual: 79,
        spent: 52_000_000,
        status: ProjectStatus::Delayed,
        obstacle: "تأخر صرف الدفعات للمقاول",
    },
    DemoProject {
        code: "MOT-JERICHO-LOG",
        name: "المركز اللوجستي في أريحا",
        center: "MOT",
        sector: "النقل والخدمات اللوجستية",
        donor: EU,
        start: (2022, 10),
        end: (2025, 3),
        budget: 21_000_000,
        planned: 50,
        actual: 48,
        spent: 9_800_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MOT-SMART-BUS",
        name: "نظام النقل العام الذكي",
        center: "MOT",
        sector: "النقل والخدمات اللوجستية",
        donor: None,
        start: (2023, 5),
        end: (2024, 10),
        budget: 4_600_000,
        planned: 40,
        actual: 38,
        spent: 1_700_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MPWH-RAMALLAH-RING",
        name: "الطريق الدائري لمدينة رام الله",
        center: "MPWH",
        sector: "النقل والخدمات اللوجستية",
        donor: None,
        start: (2020, 6),
        end: (2023, 6),
        budget: 30_000_000,
        planned: 100,
        actual: 100,
        spent: 29_400_000,
        status: ProjectStatus::Completed,
        obstacle: "",
    },
    DemoProject {
        code: "MPWH-NABLUS-RD",
        name: "تأهيل طريق نابلس – طولكرم",
        center: "MPWH",
        sector: "النقل والخدمات اللوجستية",
        donor: WB,
        start: (2023, 1),
        end: (2024, 12),
        budget: 14_000_000,
        planned: 45,
        actual: 44,
        spent: 6_100_000,
        status: ProjectStatus::OnTrack,
        obstacle: "",
    },
    DemoProject {
        code: "MONE-GLASS",
        name: "مصنع الزجاج في الخليل",
        center: "MONE",
        sector: "الصناعات التحويلية",
        donor: None,
        start: (2022, 2),
        end: (2023, 8),
        budget: 3_900_000,
        planned: 100,
        actual: 0,
        spent: 0,
        status: ProjectStatus::Cancelled,
        obstacle: "انسحاب الشريك الاستثماري",
    },
];

fn projects(out: &mut Vec<RecordEnvelope>) {
    for p in PROJECTS {
        let start = date(p.start.0, p.start.1, 1);
        let end = date(p.end.0, p.end.1, 28);
        push(
            out,
            p.center,
            start,
            Record::Project(Project {
                code: p.code.to_string(),
                name_ar: p.name.to_string(),
                name_en: String::new(),
                sector: p.sector.to_string(),
                plan: "الخطة الوطنية للتنمية 2021–2025".to_string(),
                funding: if p.donor.is_some() {
                    FundingSource::Donor
                } else {
                    FundingSource::Treasury
                },
                donor: p.donor.map(|d| d.0.to_string()),
                agreement: p.donor.map(|d| d.1.to_string()),
                start,
                planned_end: end,
                budget: p.budget,
                currency: "ILS".into(),
            }),
        );
        // Quarterly reports through 2023, the last one giving the year-end state.
        for q in 1..=4u32 {
            let period_end = date(DEMO_YEAR, q * 3, if q == 1 || q == 4 { 31 } else { 30 });
            if period_end < start {
                continue;
            }
            let f = |x: u8| -> u8 { ((x as u32 * (q + 2)) / 6).min(x as u32) as u8 };
            let last = q == 4;
            let actual = if last { p.actual } else { f(p.actual) };
            let planned = if last {
                p.planned
            } else {
                f(p.planned).max(actual)
            };
            let status = if last {
                p.status
            } else if planned.saturating_sub(actual) >= 10 && !p.obstacle.is_empty() {
                ProjectStatus::Delayed
            } else {
                ProjectStatus::OnTrack
            };
            push(
                out,
                p.center,
                period_end + Duration::days(15),
                Record::ProjectProgress(ProjectProgress {
                    project: p.code.to_string(),
                    period_end,
                    planned_progress: planned,
                    actual_progress: actual,
                    cumulative_spent: if last {
                        p.spent
                    } else {
                        p.spent * (q as i64 + 2) / 6
                    },
                    status,
                    obstacle: if matches!(status, ProjectStatus::OnTrack | ProjectStatus::Completed)
                    {
                        String::new()
                    } else {
                        p.obstacle.to_string()
                    },
                }),
            );
        }
    }
}

/// The decisions whose story the demo tells over the year: 18/212/02 (the report's example),
/// and the first two with a status chased by follow-ups. Their current statuses are revision 3,
/// `story_history` has the two before; each is linked to the one before it in this list.
pub fn story_decisions(records: &[RecordEnvelope]) -> Vec<DecisionNumber> {
    let mut out = vec![DecisionNumber::new(18, 212, 2)];
    for e in records {
        if let Record::DecisionStatus(s) = &e.record
            && !s.follow_ups.is_empty()
            && !out.contains(&s.decision)
            && out.len() < 3
        {
            out.push(s.decision);
        }
    }
    out
}

/// Links the story decisions one to the next and makes their current statuses revision 3. No
/// board counts links or revisions: every figure stays as it was.
fn tell_stories(out: &mut [RecordEnvelope]) {
    let story = story_decisions(out);
    for e in out.iter_mut() {
        match &mut e.record {
            Record::Decision(d) => {
                if let Some(i) = story.iter().position(|n| *n == d.number) {
                    d.links = story
                        .iter()
                        .enumerate()
                        .filter(|(j, _)| *j + 1 == i || *j == i + 1)
                        .map(|(_, n)| *n)
                        .collect();
                }
            }
            Record::DecisionStatus(s) if story.contains(&s.decision) => e.revision = 3,
            _ => {}
        }
    }
}

/// The earlier revisions of the story decisions' statuses, as a collector's history keeps them
/// (the Dataset keeps only the latest): revision 1, not started, ten days after the decision;
/// revision 2, in progress at a third of the current progress (none past 0 when it is still not
/// started), halfway to the current report. Oldest first.
fn story_history(records: &[RecordEnvelope]) -> Vec<RecordEnvelope> {
    let story = story_decisions(records);
    let issued: std::collections::HashMap<DecisionNumber, NaiveDate> = records
        .iter()
        .filter_map(|e| match &e.record {
            Record::Decision(d) if story.contains(&d.number) => Some((d.number, d.date)),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for e in records {
        let Record::DecisionStatus(s) = &e.record else {
            continue;
        };
        let Some(date) = issued.get(&s.decision) else {
            continue;
        };
        let first = (*date + Duration::days(10)).min(e.as_of);
        let second = first + (e.as_of - first) / 2;
        let progressing = s.status != ExecutionStatus::NotStarted;
        for (revision, as_of, status, progress) in [
            (1, first, ExecutionStatus::NotStarted, 0),
            (
                2,
                second,
                if progressing {
                    ExecutionStatus::InProgress
                } else {
                    ExecutionStatus::NotStarted
                },
                if progressing {
                    (s.progress / 3).max(1)
                } else {
                    0
                },
            ),
        ] {
            out.push(RecordEnvelope {
                center: e.center.clone(),
                as_of,
                revision,
                record: Record::DecisionStatus(DecisionStatus {
                    decision: s.decision,
                    status,
                    progress,
                    note: String::new(),
                    follow_ups: Vec::new(),
                }),
            });
        }
    }
    out
}

/// Every earlier revision of a status in the demo (of `earlier`), oldest first per key: what a
/// collector's history holds beside the current records, for decisions' stories.
pub fn status_history(data: &DemoData) -> Vec<RecordEnvelope> {
    let mut h: Vec<RecordEnvelope> = data
        .earlier
        .iter()
        .filter(|e| matches!(e.record, Record::DecisionStatus(_)))
        .cloned()
        .collect();
    h.sort_by_key(|e| (e.key(), e.revision));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::validate::validate_envelope;

    #[test]
    fn demo_is_deterministic_and_valid() {
        let a = generate();
        let b = generate();
        assert_eq!(a.records, b.records);
        for env in &a.records {
            let p = validate_envelope(env);
            assert!(p.is_empty(), "{}: {:?}", env.key(), p);
        }
        let keys: std::collections::HashSet<_> = a.records.iter().map(|e| e.key()).collect();
        assert_eq!(
            keys.len(),
            a.records.len(),
            "every demo record has its own key"
        );
    }
}
