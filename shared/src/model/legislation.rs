//! The legislative plan: the laws, regulations and strategies a year's plan holds, each with its
//! stage, and the legal memoranda written for the cabinet each quarter.
//!
//! An item is done when it reaches its type's last stage: a law when it is forwarded to the
//! president, a regulation or a strategy when the cabinet approves it.

use super::validate::Problem;
use super::{CenterCode, normalize_word};
use crate::i18n::Msg;
use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What an item of the plan is (closed list).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum LegislationType {
    /// A law or a decree-law (قانون، قرار بقانون).
    Law,
    /// A regulation, by-law or executive regulation (نظام، لائحة).
    Regulation,
    /// A strategy, policy or agenda (إستراتيجية، سياسة، أجندة).
    Strategy,
}

impl LegislationType {
    /// Every type, in the order boards list them.
    pub const ALL: [LegislationType; 3] = [
        LegislationType::Law,
        LegislationType::Regulation,
        LegislationType::Strategy,
    ];

    /// The main words of each type, for error messages that list what may be written.
    pub const ACCEPTED_WORDS: &'static str =
        "law / قانون، regulation / نظام، strategy / إستراتيجية";

    /// Reads a type in English, Arabic or Persian, ignoring case and surrounding spaces; `None`
    /// when it is none of them (say [`Self::ACCEPTED_WORDS`]).
    pub fn parse(s: &str) -> Option<LegislationType> {
        Some(match normalize_word(s).as_str() {
            "law"
            | "decree-law"
            | "قانون"
            | "قرار بقانون"
            | "مشروع قانون"
            | "مشروع قرار بقانون"
            | "لایحه"
            | "لایحه قانونی" => LegislationType::Law,
            "regulation"
            | "by-law"
            | "نظام"
            | "لائحة"
            | "لائحة تنفيذية"
            | "نظام/لائحة"
            | "آیین‌نامه"
            | "آیین نامه"
            | "آئین‌نامه"
            | "آئین نامه" => LegislationType::Regulation,
            "strategy"
            | "policy"
            | "agenda"
            | "إستراتيجية"
            | "استراتيجية"
            | "سياسة"
            | "أجندة"
            | "اجندة"
            | "راهبرد"
            | "سیاست"
            | "برنامه راهبردی" => LegislationType::Strategy,
            _ => return None,
        })
    }

    /// The name used in files and on the wire (`regulation`).
    pub fn as_str(self) -> &'static str {
        match self {
            LegislationType::Law => "law",
            LegislationType::Regulation => "regulation",
            LegislationType::Strategy => "strategy",
        }
    }

    /// The stage at which an item of this type is done.
    pub fn last_stage(self) -> LegislationStage {
        match self {
            LegislationType::Law => LegislationStage::Forwarded,
            LegislationType::Regulation | LegislationType::Strategy => LegislationStage::Approved,
        }
    }
}

/// Where an item of the plan stands (closed list, in the order an item passes them).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum LegislationStage {
    /// Being drafted by the responsible center or the legal affairs (قيد الصياغة).
    Drafting,
    /// Sent to the government's departments for their comments (قيد التشاور).
    Consultation,
    /// Before the cabinet, in its readings (قيد القراءات).
    Readings,
    /// Approved by the cabinet (مصادق عليه): done for a regulation or a strategy; a law still
    /// goes to the president.
    Approved,
    /// A law forwarded to the president for issuing (منسب للرئيس): done. Laws only.
    Forwarded,
}

impl LegislationStage {
    /// Every stage, in the order an item passes them.
    pub const ALL: [LegislationStage; 5] = [
        LegislationStage::Drafting,
        LegislationStage::Consultation,
        LegislationStage::Readings,
        LegislationStage::Approved,
        LegislationStage::Forwarded,
    ];

    /// The main words of each stage, for error messages that list what may be written.
    pub const ACCEPTED_WORDS: &'static str = "drafting / قيد الصياغة، consultation / قيد التشاور، readings / قيد القراءات، approved / مصادق عليه، forwarded / منسب للرئيس";

    /// Reads a stage in English, Arabic or Persian, ignoring case and surrounding spaces; `None`
    /// when it is none of them (say [`Self::ACCEPTED_WORDS`]).
    pub fn parse(s: &str) -> Option<LegislationStage> {
        Some(match normalize_word(s).as_str() {
            "drafting"
            | "draft"
            | "قيد الصياغة"
            | "صياغة"
            | "مسودة"
            | "پیش‌نویس"
            | "پیش نویس"
            | "در دست تهیه" => LegislationStage::Drafting,
            "consultation" | "قيد التشاور" | "تشاور" | "قيد الدراسة لدى الدوائر" | "نظرخواهی" => {
                LegislationStage::Consultation
            }
            "readings"
            | "cabinet-readings"
            | "قيد القراءات"
            | "قراءات"
            | "قيد القراءة"
            | "در حال بررسی در هیئت وزیران"
            | "بررسی در هیئت وزیران" => LegislationStage::Readings,
            "approved"
            | "مصادق عليه"
            | "مصادق عليها"
            | "تمت المصادقة"
            | "مصادقة"
            | "مقر"
            | "تصویب شده"
            | "مصوب" => LegislationStage::Approved,
            "forwarded"
            | "forwarded-to-president"
            | "منسب للرئيس"
            | "تم التنسيب"
            | "منسب"
            | "تنسيب للرئيس"
            | "ارسال به رئیس جمهور"
            | "ارسال‌شده به رئیس جمهور" => LegislationStage::Forwarded,
            _ => return None,
        })
    }

    /// The name used in files and on the wire (`readings`).
    pub fn as_str(self) -> &'static str {
        match self {
            LegislationStage::Drafting => "drafting",
            LegislationStage::Consultation => "consultation",
            LegislationStage::Readings => "readings",
            LegislationStage::Approved => "approved",
            LegislationStage::Forwarded => "forwarded",
        }
    }
}

/// One law, regulation or strategy of a year's legislative plan, as the legal affairs report it.
///
/// Natural key: `legislation/{center}/{year}/{code}`, `center` being the envelope's (the center
/// that keeps the plan: the secretariat's legal affairs, or a ministry's own). An item carried
/// into the next year's plan is a record of that year too.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegislationItem {
    /// The item's code in the plan (e.g. `L-2023-07`), not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub code: String,
    /// The item's title (مشروع قرار بقانون بشأن …), not blank, at most 300 characters.
    #[schemars(schema_with = "crate::schema::required_name")]
    pub title: String,
    /// Law, regulation or strategy.
    #[serde(rename = "type")]
    pub item_type: LegislationType,
    /// Where it stands; `forwarded` is for laws only.
    pub stage: LegislationStage,
    /// The center that proposes it or must prepare it (a ministry), as registered.
    pub responsible: CenterCode,
    /// The plan's year, 1900 to 2200.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i32,
    /// The quarter of `year` the plan set for it to be done, 1 to 4; absent for an item outside
    /// the plan (added during the year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1, max = 4))]
    pub planned_quarter: Option<u8>,
    /// The day it was done, required when (and only when) `stage` is its type's last one
    /// (`forwarded` for a law, `approved` otherwise); not before the plan's year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<NaiveDate>,
}

impl LegislationItem {
    /// Whether the item reached its type's last stage.
    pub fn is_done(&self) -> bool {
        self.stage == self.item_type.last_stage()
    }

    /// Whether the year's plan holds it (it has a planned quarter).
    pub fn in_plan(&self) -> bool {
        self.planned_quarter.is_some()
    }
}

/// The legal memoranda (مذكرات قانونية، مذكرات رأي قانوني) a center wrote for the cabinet in
/// one quarter.
///
/// Natural key: `legal-memoranda/{center}/{year}/Q{quarter}`, `center` being the envelope's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LegalMemoranda {
    /// The year, 1900 to 2200.
    #[schemars(range(min = 1900, max = 2200))]
    pub year: i32,
    /// The quarter, 1 to 4.
    #[schemars(range(min = 1, max = 4))]
    pub quarter: u8,
    /// Memoranda written in the quarter, at most 10,000,000.
    #[schemars(range(min = 0, max = MAX_MEMORANDA))]
    pub memoranda: u32,
}

/// The most memoranda one quarter's record may count.
pub const MAX_MEMORANDA: u32 = 10_000_000;

pub(super) fn validate_item(i: &LegislationItem, p: &mut Vec<Problem>) {
    super::validate::name(p, "code", &i.code);
    super::validate::name(p, "title", &i.title);
    super::validate::year_and_quarter(p, i.year, i.planned_quarter, "planned_quarter");
    if i.stage == LegislationStage::Forwarded && i.item_type != LegislationType::Law {
        // One mistake, one problem: the day done is judged once the stage is right.
        p.push(Problem::new(
            "stage",
            Msg::new("record-legislation-forwarded-not-law"),
        ));
        return;
    }
    match (i.is_done(), i.done) {
        (true, None) => p.push(Problem::new(
            "done",
            Msg::new("record-legislation-done-missing"),
        )),
        (false, Some(day)) => p.push(Problem::new(
            "done",
            Msg::new("record-legislation-done-early").text("day", day),
        )),
        (true, Some(day)) if day.year() < i.year => p.push(Problem::new(
            "done",
            Msg::new("record-legislation-done-before-year")
                .text("day", day)
                .text("year", i.year),
        )),
        _ => {}
    }
}

pub(super) fn validate_memoranda(m: &LegalMemoranda, p: &mut Vec<Problem>) {
    super::validate::year_and_quarter(p, m.year, Some(m.quarter), "quarter");
    if m.memoranda > MAX_MEMORANDA {
        p.push(Problem::new(
            "memoranda",
            Msg::new("record-memoranda-too-many")
                .text("value", m.memoranda)
                .figure("max", MAX_MEMORANDA),
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Record;
    use crate::model::validate::validate_record;

    fn law(stage: LegislationStage, done: Option<NaiveDate>) -> LegislationItem {
        LegislationItem {
            code: "L-2023-01".into(),
            title: "مشروع قرار بقانون بشأن السياحة".into(),
            item_type: LegislationType::Law,
            stage,
            responsible: CenterCode::new("MOT").expect("a code"),
            year: 2023,
            planned_quarter: Some(2),
            done,
        }
    }

    fn fields(i: LegislationItem) -> Vec<String> {
        validate_record(&Record::Legislation(i))
            .into_iter()
            .map(|p| p.field)
            .collect()
    }

    fn day(m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(2023, m, d)
    }

    #[test]
    fn words_read_in_english_arabic_and_persian() {
        use LegislationStage as S;
        use LegislationType as T;
        assert_eq!(LegislationType::parse(" Law "), Some(T::Law));
        assert_eq!(LegislationType::parse("قرار بقانون"), Some(T::Law));
        assert_eq!(LegislationType::parse("لائحة"), Some(T::Regulation));
        assert_eq!(LegislationType::parse("آیین‌نامه"), Some(T::Regulation));
        assert_eq!(LegislationType::parse("سياسة"), Some(T::Strategy));
        assert_eq!(LegislationType::parse("treaty"), None);
        assert_eq!(LegislationStage::parse("قيد القراءات"), Some(S::Readings));
        assert_eq!(LegislationStage::parse("تصویب شده"), Some(S::Approved));
        assert_eq!(
            LegislationStage::parse("forwarded_to_president"),
            Some(S::Forwarded)
        );
        assert_eq!(LegislationStage::parse("منسب للرئيس"), Some(S::Forwarded));
        assert_eq!(LegislationStage::parse("done"), None);
        for t in LegislationType::ALL {
            assert_eq!(LegislationType::parse(t.as_str()), Some(t));
        }
        for s in LegislationStage::ALL {
            assert_eq!(LegislationStage::parse(s.as_str()), Some(s));
        }
    }

    #[test]
    fn an_item_is_done_exactly_at_its_types_last_stage_with_a_day() {
        assert!(fields(law(LegislationStage::Readings, None)).is_empty());
        assert!(fields(law(LegislationStage::Forwarded, day(11, 5))).is_empty());
        // A law approved by the cabinet is not done until forwarded: no done date yet.
        assert_eq!(
            fields(law(LegislationStage::Approved, day(11, 5))),
            ["done"]
        );
        assert_eq!(fields(law(LegislationStage::Forwarded, None)), ["done"]);
        let mut r = law(LegislationStage::Forwarded, None);
        r.item_type = LegislationType::Regulation;
        assert_eq!(fields(r.clone()), ["stage"]);
        // A regulation "forwarded" with its day: the stage is the mistake, not the day.
        r.done = day(5, 3);
        assert_eq!(fields(r.clone()), ["stage"]);
        r.stage = LegislationStage::Approved;
        r.done = day(3, 1);
        assert!(fields(r.clone()).is_empty());
        r.done = NaiveDate::from_ymd_opt(2022, 12, 31);
        assert_eq!(fields(r), ["done"]);
    }

    #[test]
    fn an_item_is_not_done_after_the_day_its_report_is_as_of() {
        use crate::model::RecordEnvelope;
        use crate::model::validate::validate_envelope;
        let env = |as_of| RecordEnvelope {
            center: CenterCode::new("GSC-LEGAL").expect("a code"),
            as_of,
            revision: 1,
            record: Record::Legislation(law(LegislationStage::Forwarded, day(11, 5))),
        };
        assert!(
            validate_envelope(&env(NaiveDate::from_ymd_opt(2023, 11, 5).expect("a day")))
                .is_empty()
        );
        let p = validate_envelope(&env(NaiveDate::from_ymd_opt(2023, 11, 4).expect("a day")));
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].field, "done");
    }

    #[test]
    fn codes_quarters_and_years_are_checked() {
        let mut i = law(LegislationStage::Drafting, None);
        i.code = " ".into();
        i.planned_quarter = Some(5);
        i.year = 1800;
        assert_eq!(fields(i.clone()), ["code", "planned_quarter", "year"]);
        // Outside the plan: no quarter, no problem.
        i = law(LegislationStage::Drafting, None);
        i.planned_quarter = None;
        assert!(fields(i).is_empty());
        let m = |n| {
            validate_record(&Record::LegalMemoranda(LegalMemoranda {
                year: 2023,
                quarter: 4,
                memoranda: n,
            }))
        };
        assert!(m(1080).is_empty());
        assert_eq!(m(MAX_MEMORANDA + 1)[0].field, "memoranda");
    }
}
