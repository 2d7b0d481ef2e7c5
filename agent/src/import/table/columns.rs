//! The columns of each record kind and the headers clerks write for them, in English, Arabic
//! and Persian; and the names of kinds as files, sheets and `kind` cells give them.
//!
//! Headers are compared after [`normalize_header`], so `Fiscal Year`, `fiscal_year` and
//! `السنة  المالية` all match. This module only names things; reading values is `values.rs`.

use rasid_shared::model::RecordKind;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A column of a record kind.
#[derive(Debug)]
pub(crate) struct Field {
    /// The record's field, as in JSON files and in `validate_record`'s problems.
    pub name: &'static str,
    /// The Arabic header shown next to `name` in messages and the docs.
    pub arabic: &'static str,
    /// A file of this kind must have the column (cells may still be checked further).
    pub required: bool,
    /// Other headers accepted for it (the name and `arabic` are always accepted).
    pub aliases: &'static [&'static str],
}

const fn f(
    name: &'static str,
    arabic: &'static str,
    required: bool,
    aliases: &'static [&'static str],
) -> Field {
    Field {
        name,
        arabic,
        required,
        aliases,
    }
}

/// The report date every kind may carry; `ImportOptions::as_of` when absent.
pub(crate) const AS_OF: Field = f(
    "as_of",
    "تاريخ التقرير",
    false,
    &[
        "as of",
        "report date",
        "تاريخ البيانات",
        "كما في",
        "تاریخ گزارش",
    ],
);

/// Headers of a column saying what kind of record each row is (`record`, as in JSON files).
pub(crate) const RECORD_KIND_HEADERS: &[&str] =
    &["record", "record_kind", "نوع السجل", "نوع البيانات"];
/// Headers that mean the record kind unless the file holds sessions, decisions or legislation,
/// whose own field is headed so (ordinary/emergency, decision/assignment, law/regulation/strategy).
pub(crate) const PLAIN_KIND_HEADERS: &[&str] = &["kind", "النوع"];

/// Serial-number columns (م، #، ردیف): spreadsheets number their rows; they carry no data.
pub(crate) const SERIAL_HEADERS: &[&str] = &[
    "م",
    "#",
    "ت",
    "تسلسل",
    "مسلسل",
    "الرقم التسلسلي",
    "no",
    "no.",
    "s/n",
    "serial",
    "ردیف",
];

const PROGRAM: &[&str] = &["البرنامج", "اسم البرنامج", "برنامه"];
const YEAR: &[&str] = &["السنة", "سال"];
const QUARTER: &[&str] = &["فصل", "سه‌ماهه"];
const DATE: &[&str] = &["التاريخ", "تاریخ"];
const STATUS: &[&str] = &["الحالة", "وضعیت"];

const SESSION: &[Field] = &[
    f("government", "رقم الحكومة", true, &["الحكومة", "دولت"]),
    f(
        "number",
        "رقم الجلسة",
        true,
        &["session", "session number", "الجلسة", "شماره جلسه"],
    ),
    f("date", "تاريخ الجلسة", true, DATE),
    f("kind", "النوع", true, &["type", "نوع الجلسة", "نوع جلسه"]),
];

const DECISION: &[Field] = &[
    f(
        "number",
        "رقم القرار",
        true,
        &["decision", "decision number", "رقم", "شماره مصوبه"],
    ),
    f("date", "تاريخ القرار", true, DATE),
    f("kind", "النوع", true, &["type", "قرار أو تكليف"]),
    f(
        "title",
        "عنوان القرار",
        true,
        &["subject", "العنوان", "الموضوع", "نص القرار", "عنوان"],
    ),
    f("routine", "روتيني", false, &["قرار روتيني", "عادی"]),
    f("program", "البرنامج الحكومي", false, PROGRAM),
    f("sector", "القطاع", false, &["القطاع التنموي", "بخش"]),
    f("level", "المستوى الإداري", false, &["المستوى"]),
    f("decision_type", "نوع القرار", false, &["decision type"]),
    f(
        "centers",
        "الجهات المسؤولة",
        true,
        &[
            "responsible centers",
            "الجهة المسؤولة",
            "مراكز المسؤولية",
            "الجهات",
            "دستگاه‌های مسئول",
        ],
    ),
    f(
        "due",
        "تاريخ الاستحقاق",
        false,
        &["due date", "الموعد النهائي", "مهلت"],
    ),
    f(
        "links",
        "قرارات مرتبطة",
        false,
        &["linked decisions", "قرارات مشابهة", "مصوبات مرتبط"],
    ),
];

const DECISION_STATUS: &[Field] = &[
    f(
        "decision",
        "رقم القرار",
        true,
        &[
            "decision number",
            "number",
            "القرار",
            "شماره مصوبه",
            "مصوبه",
        ],
    ),
    f(
        "status",
        "الحالة",
        true,
        &["حالة التنفيذ", "وضعیت", "وضعیت اجرا"],
    ),
    f(
        "progress",
        "نسبة الإنجاز",
        false,
        &["percent", "نسبة التنفيذ", "الإنجاز", "درصد پیشرفت", "پیشرفت"],
    ),
    f(
        "note",
        "ملاحظات",
        false,
        &[
            "notes",
            "comment",
            "comments",
            "ملاحظة",
            "توضيحات",
            "توضیحات",
        ],
    ),
    f(
        "follow_up",
        "المتابعة",
        false,
        &["follow up", "نوع المتابعة", "إجراء المتابعة", "پیگیری"],
    ),
    f(
        "follow_up_date",
        "تاريخ المتابعة",
        false,
        &["follow up date", "تاریخ پیگیری"],
    ),
];

const BUDGET: &[Field] = &[
    f(
        "fiscal_year",
        "السنة المالية",
        true,
        &["fiscal year", "year", "السنة", "سال مالی", "سال"],
    ),
    f("month", "الشهر", true, &["ماه"]),
    f("program", "البرنامج", true, PROGRAM),
    f(
        "category",
        "التصنيف",
        true,
        &["نوع النفقة", "نوع النفقات", "الفئة", "نوع اعتبار"],
    ),
    f(
        "allocated",
        "المخصص",
        true,
        &[
            "allocation",
            "budget",
            "الموازنة المخصصة",
            "الاعتماد",
            "اعتبار مصوب",
        ],
    ),
    f(
        "revised",
        "المخصص المعدل",
        false,
        &["revised allocation", "الموازنة المعدلة", "اعتبار اصلاحی"],
    ),
    f(
        "committed",
        "الالتزامات",
        false,
        &["commitments", "الارتباطات", "تعهد"],
    ),
    f(
        "spent",
        "المصروف",
        true,
        &[
            "expenditure",
            "actual",
            "النفقات الفعلية",
            "الصرف الفعلي",
            "المنصرف",
            "هزینه",
        ],
    ),
    f("currency", "العملة", true, &["واحد پول", "ارز"]),
];

const KPI: &[Field] = &[
    f("program", "البرنامج", true, PROGRAM),
    f(
        "indicator",
        "رمز المؤشر",
        true,
        &[
            "indicator code",
            "code",
            "المؤشر",
            "كود المؤشر",
            "شاخص",
            "کد شاخص",
        ],
    ),
    f("name", "اسم المؤشر", true, &["indicator name", "نام شاخص"]),
    f(
        "unit",
        "وحدة القياس",
        false,
        &["الوحدة", "واحد", "واحد سنجش"],
    ),
    f("year", "السنة", true, YEAR),
    f("quarter", "الربع", true, QUARTER),
    f(
        "annual_target",
        "المستهدف السنوي",
        true,
        &[
            "annual target",
            "target",
            "الهدف السنوي",
            "المستهدف",
            "هدف سالانه",
        ],
    ),
    f(
        "quarter_target",
        "المستهدف الربعي",
        true,
        &[
            "quarter target",
            "quarterly target",
            "مستهدف الربع",
            "هدف فصلی",
        ],
    ),
    f(
        "actual",
        "الفعلي",
        true,
        &["achieved", "المتحقق", "المنجز", "المحقق", "عملکرد"],
    ),
    f(
        "cost_planned",
        "التكلفة المخططة",
        false,
        &["planned cost", "التكلفة المقدرة", "قیمت تمام شده مصوب"],
    ),
    f(
        "cost_actual",
        "التكلفة الفعلية",
        false,
        &["actual cost", "قیمت تمام شده"],
    ),
];

const COMPLAINTS: &[Field] = &[
    f("year", "السنة", true, YEAR),
    f("quarter", "الربع", true, QUARTER),
    f(
        "received",
        "الشكاوى الواردة",
        true,
        &["الواردة", "عدد الشكاوى", "شکایت‌های دریافتی"],
    ),
    f(
        "referred",
        "المحالة للجهات المختصة",
        true,
        &["المحالة", "ارجاع‌شده"],
    ),
    f(
        "accepted",
        "المقبولة",
        true,
        &["الشكاوى المقبولة", "پذیرفته‌شده"],
    ),
    f("rejected", "المرفوضة", true, &["الشكاوى المرفوضة", "ردشده"]),
    f(
        "processed",
        "المعالجة",
        true,
        &["تمت معالجتها", "رسیدگی‌شده"],
    ),
    f(
        "pending",
        "قيد المعالجة",
        true,
        &["in process", "در حال رسیدگی"],
    ),
    f(
        "overdue",
        "العالقة",
        false,
        &["stuck", "المتعثرة", "العالقة والمتعثرة", "معوق"],
    ),
];

const LEGISLATION: &[Field] = &[
    f("code", "رمز البند", true, &["item code", "الرمز", "کد"]),
    f("title", "العنوان", true, &["عنوان المشروع", "عنوان"]),
    f("type", "النوع", true, &["نوع التشريع", "نوع"]),
    f("stage", "المرحلة", true, &["مرحله"]),
    f(
        "responsible",
        "الجهة المسؤولة",
        true,
        &["responsible center", "الجهة المختصة", "دستگاه مسئول"],
    ),
    f("year", "السنة", true, &["plan year", "سنة الخطة", "سال"]),
    f(
        "planned_quarter",
        "الربع المخطط",
        false,
        &["ربع الإنجاز المخطط", "فصل برنامه"],
    ),
    f("done", "تاريخ الإنجاز", false, &["done date", "تاریخ انجام"]),
];

const LEGAL_MEMORANDA: &[Field] = &[
    f("year", "السنة", true, YEAR),
    f("quarter", "الربع", true, QUARTER),
    f(
        "memoranda",
        "المذكرات القانونية",
        true,
        &[
            "legal memoranda",
            "عدد المذكرات",
            "مذكرات الرأي القانوني",
            "یادداشت‌های حقوقی",
        ],
    ),
];

const COMMITTEE: &[Field] = &[
    f(
        "committee",
        "رمز اللجنة",
        true,
        &["committee code", "اللجنة", "کارگروه"],
    ),
    f(
        "name",
        "اسم اللجنة",
        true,
        &["committee name", "نام کارگروه"],
    ),
    f("year", "السنة", true, YEAR),
    f(
        "forming_decision",
        "قرار التشكيل",
        false,
        &["forming decision", "رقم قرار التشكيل"],
    ),
    f(
        "formed",
        "تاريخ التشكيل",
        true,
        &["formation date", "تاریخ تشکیل"],
    ),
    f(
        "meetings",
        "عدد الاجتماعات",
        true,
        &["الاجتماعات", "تعداد جلسات"],
    ),
    f("minutes", "المحاضر", false, &["عدد المحاضر", "صورتجلسات"]),
    f(
        "minutes_to_cabinet",
        "المحاضر المرفوعة لمجلس الوزراء",
        false,
        &["minutes to cabinet", "المحاضر المرفوعة"],
    ),
    f(
        "recommendations_submitted",
        "التوصيات المرفوعة",
        true,
        &["recommendations submitted", "عدد التوصيات"],
    ),
    f(
        "recommendations_approved",
        "التوصيات المعتمدة",
        true,
        &["recommendations approved", "التوصيات المقرة"],
    ),
    f("status", "الحالة", true, STATUS),
];

const PROJECT: &[Field] = &[
    f(
        "code",
        "رمز المشروع",
        true,
        &["project code", "كود المشروع", "کد پروژه"],
    ),
    f(
        "name_ar",
        "اسم المشروع",
        true,
        &["project name", "name", "نام پروژه"],
    ),
    f(
        "name_en",
        "الاسم بالإنجليزية",
        false,
        &["english name", "name en"],
    ),
    f("sector", "القطاع", true, &["بخش"]),
    f(
        "plan",
        "الخطة",
        false,
        &["programme", "program", "البرنامج", "برنامه"],
    ),
    f(
        "funding",
        "مصدر التمويل",
        true,
        &["funding source", "التمويل", "منبع تأمین"],
    ),
    f("donor", "الجهة المانحة", false, &["المانح", "اهداکننده"]),
    f(
        "agreement",
        "اتفاقية التمويل",
        false,
        &["الاتفاقية", "قرارداد"],
    ),
    f("start", "تاريخ البدء", true, &["start date", "تاریخ شروع"]),
    f(
        "planned_end",
        "تاريخ الانتهاء المخطط",
        true,
        &["planned end", "end date", "تاريخ الانتهاء", "تاریخ پایان"],
    ),
    f(
        "budget",
        "الموازنة الكلية",
        true,
        &["total budget", "الكلفة الكلية", "اعتبار کل"],
    ),
    f("currency", "العملة", true, &["ارز"]),
];

const PROJECT_PROGRESS: &[Field] = &[
    f(
        "project",
        "المشروع",
        true,
        &["project code", "رمز المشروع", "کد پروژه"],
    ),
    f(
        "period_end",
        "نهاية الفترة",
        true,
        &["period end", "تاريخ الفترة", "تا تاریخ"],
    ),
    f(
        "planned_progress",
        "الإنجاز المخطط",
        true,
        &["planned progress", "نسبة الإنجاز المخططة", "پیشرفت برنامه‌ای"],
    ),
    f(
        "actual_progress",
        "الإنجاز الفعلي",
        true,
        &["actual progress", "نسبة الإنجاز الفعلية", "پیشرفت واقعی"],
    ),
    f(
        "cumulative_spent",
        "الإنفاق التراكمي",
        true,
        &[
            "cumulative spent",
            "spent",
            "المصروف التراكمي",
            "هزینه تجمعی",
        ],
    ),
    f("status", "الحالة", true, STATUS),
    f(
        "obstacle",
        "أبرز العوائق",
        false,
        &["العائق", "المعيقات", "مانع"],
    ),
];

/// The columns of `kind`, in the order the docs list them.
pub(crate) fn fields_of(kind: RecordKind) -> &'static [Field] {
    match kind {
        RecordKind::Session => SESSION,
        RecordKind::Decision => DECISION,
        RecordKind::DecisionStatus => DECISION_STATUS,
        RecordKind::Budget => BUDGET,
        RecordKind::Kpi => KPI,
        RecordKind::Committee => COMMITTEE,
        RecordKind::Project => PROJECT,
        RecordKind::ProjectProgress => PROJECT_PROGRESS,
        RecordKind::Complaints => COMPLAINTS,
        RecordKind::Legislation => LEGISLATION,
        RecordKind::LegalMemoranda => LEGAL_MEMORANDA,
    }
}

/// The headers a written template gives `field` of `kind`, in English (the name, `_` written
/// as a space), Arabic and Persian (the last alias in Arabic script, else the Arabic header):
/// the import reads each of them back as that field.
pub(crate) fn field_headers(kind: RecordKind, field: &str) -> Option<[String; 3]> {
    let f = fields_of(kind).iter().find(|f| f.name == field)?;
    let [_, arabic, persian] = f.names();
    Some([f.name.replace('_', " "), arabic, persian])
}

/// A sheet name the import reads as `kind`, in English, Arabic and Persian.
pub(crate) fn kind_sheet_names(kind: RecordKind) -> [String; 3] {
    let words = KIND_WORDS
        .iter()
        .find(|(k, _)| *k == kind)
        .map(|(_, w)| *w)
        .unwrap_or(&[]);
    let en = kind.as_str().to_string();
    let ar = words.first().map_or_else(|| en.clone(), |w| w.to_string());
    let fa = words.last().map_or_else(|| en.clone(), |w| w.to_string());
    [en, ar, fa]
}

/// [`normalize_header`] of every header this module names, folded once: resolving a file's
/// headers compares each of them with every name and alias of every kind.
static FOLDED: LazyLock<HashMap<&'static str, String>> = LazyLock::new(|| {
    let fields = RecordKind::ALL
        .into_iter()
        .flat_map(fields_of)
        .chain([&AS_OF])
        .flat_map(|f| {
            [f.name, f.arabic]
                .into_iter()
                .chain(f.aliases.iter().copied())
        });
    let lists = [RECORD_KIND_HEADERS, PLAIN_KIND_HEADERS, SERIAL_HEADERS]
        .into_iter()
        .chain(KIND_WORDS.iter().map(|(_, words)| *words))
        .flatten()
        .copied();
    fields
        .chain(lists)
        .map(|w| (w, normalize_header(w)))
        .collect()
});

/// [`normalize_header`] of `header`, taken from [`FOLDED`] when this module names it.
fn folded(header: &str) -> Cow<'_, str> {
    FOLDED.get(header).map_or_else(
        || Cow::Owned(normalize_header(header)),
        |n| Cow::Borrowed(n.as_str()),
    )
}

impl Field {
    /// Whether `normalized` (a header passed through [`normalize_header`]) names this field.
    pub(crate) fn matches(&self, normalized: &str) -> bool {
        folded(self.name) == normalized
            || folded(self.arabic) == normalized
            || self.aliases.iter().any(|a| folded(a) == normalized)
    }

    /// `status (الحالة)`, as messages name a column.
    pub(crate) fn both_names(&self) -> String {
        format!("{} ({})", self.name, self.arabic)
    }

    /// The column's name in a message, `[English, Arabic, Persian]`: `status (الحالة)` in
    /// English (both, as files may use either), the template's header in Arabic and Persian.
    pub(crate) fn names(&self) -> [String; 3] {
        let arabic_script = |s: &&&str| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c));
        let persian = self
            .aliases
            .iter()
            .rev()
            .find(arabic_script)
            .copied()
            .unwrap_or(self.arabic);
        [
            self.both_names(),
            self.arabic.to_string(),
            persian.to_string(),
        ]
    }
}

/// The words of a list of accepted words written `english / arabic، english / arabic`, for a
/// message: `[the list as it is, the Arabic words, the Arabic words]` (the import accepts
/// them in a Persian file too).
pub(crate) fn accepted_names(words: &str) -> [String; 3] {
    let arabic: Vec<&str> = words
        .split('،')
        .map(|w| w.rsplit(" / ").next().unwrap_or(w).trim())
        .collect();
    let arabic = arabic.join("، ");
    [words.to_string(), arabic.clone(), arabic]
}

/// A record kind's name in a message, `[English, Arabic, Persian]`.
pub(crate) fn kind_names(kind: RecordKind) -> [String; 3] {
    kind_sheet_names(kind)
}

/// The words a `kind` cell accepts, for a message, `[English, Arabic, Persian]`.
pub(crate) fn kind_words() -> [String; 3] {
    let [_, ar, _] = accepted_names(KIND_ACCEPTED_WORDS);
    let fa: Vec<String> = RecordKind::ALL
        .into_iter()
        .map(|k| kind_sheet_names(k)[2].clone())
        .collect();
    [KIND_ACCEPTED_WORDS.to_string(), ar, fa.join("، ")]
}

/// Whether `normalized` is one of `headers`.
pub(crate) fn is_one_of(normalized: &str, headers: &[&str]) -> bool {
    headers.iter().any(|h| folded(h) == normalized)
}

/// Folds the ways one header gets written into one key: case, spaces, `_` and `-`, a unit in
/// brackets (`المخصص (شيكل)`), the Arabic article, hamza and ta marbuta forms, Persian letter
/// forms, tatweel, diacritics and bidi marks.
pub(crate) fn normalize_header(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut depth = 0usize;
    for word in s.split(|c: char| c.is_whitespace() || c == '_' || c == '-' || c == '\u{200C}') {
        let mut w = String::with_capacity(word.len());
        for c in word.chars() {
            match c {
                '(' | '[' | '（' => depth += 1,
                ')' | ']' | '）' => depth = depth.saturating_sub(1),
                _ if depth > 0 => {}
                '\u{0640}'
                | '\u{064B}'..='\u{065F}'
                | '\u{0670}'
                | '\u{200E}'
                | '\u{200F}'
                | '\u{061C}'
                | '\u{202A}'..='\u{202E}'
                | '\u{FEFF}'
                | ':'
                | '*' => {}
                'أ' | 'إ' | 'آ' | 'ٱ' => w.push('ا'),
                'ة' | 'ۀ' => w.push('ه'),
                'ى' | 'ی' | 'ې' => w.push('ي'),
                'ک' => w.push('ك'),
                c => w.extend(c.to_lowercase()),
            }
        }
        let w = match w.strip_prefix("ال") {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => w.as_str(),
        };
        out.push_str(w);
    }
    out
}

/// The kind a sheet's (or file's) name announces: `budget`, `decision_status 2023`, `الموازنة`.
pub(crate) fn kind_from_name(name: &str) -> Option<RecordKind> {
    let latin = name.trim().to_lowercase().replace(['_', ' '], "-");
    let mut kinds = RecordKind::ALL;
    // Longest names first, so `decision-status` is not read as `decision`.
    kinds.sort_by_key(|k| std::cmp::Reverse(k.as_str().len()));
    if let Some(k) = kinds
        .into_iter()
        .find(|k| latin == k.as_str() || latin.starts_with(&format!("{}-", k.as_str())))
    {
        return Some(k);
    }
    let n = normalize_header(name);
    KIND_WORDS
        .iter()
        .find(|(_, words)| is_one_of(&n, words))
        .map(|(k, _)| *k)
}

/// Arabic and Persian names of the kinds, as a `kind` cell, a sheet or a file may give them.
const KIND_WORDS: &[(RecordKind, &[&str])] = &[
    (
        RecordKind::DecisionStatus,
        &[
            "حالة القرار",
            "حالة القرارات",
            "متابعة القرارات",
            "وضعیت مصوبات",
        ],
    ),
    (
        RecordKind::Budget,
        &["الموازنة", "موازنة", "أداء الموازنة", "بودجه"],
    ),
    (
        RecordKind::Kpi,
        &["مؤشر", "المؤشرات", "مؤشرات الأداء", "شاخص‌ها"],
    ),
    (RecordKind::Committee, &["لجنة", "اللجان", "کارگروه‌ها"]),
    (
        RecordKind::Complaints,
        &["الشكاوى", "شكاوى", "الشكاوى الحكومية", "شکایت‌ها"],
    ),
    (
        RecordKind::Legislation,
        &["الخطة التشريعية", "التشريعات", "برنامه قانون‌گذاری"],
    ),
    (
        RecordKind::LegalMemoranda,
        &["المذكرات القانونية", "مذكرات قانونية", "یادداشت‌های حقوقی"],
    ),
    (
        RecordKind::ProjectProgress,
        &[
            "تقدم المشاريع",
            "إنجاز المشاريع",
            "تقارير المشاريع",
            "پیشرفت پروژه‌ها",
        ],
    ),
    (RecordKind::Project, &["مشروع", "المشاريع", "پروژه‌ها"]),
    (RecordKind::Decision, &["قرار", "القرارات", "مصوبات"]),
    (RecordKind::Session, &["جلسة", "الجلسات", "جلسات"]),
];

/// The words accepted in a `kind` cell, for messages.
pub(crate) const KIND_ACCEPTED_WORDS: &str = "decision-status / حالة القرار، budget / الموازنة، kpi / مؤشر، committee / لجنة، project / مشروع، project-progress / تقدم المشاريع، decision / قرار، session / جلسة، complaints / الشكاوى، legislation / الخطة التشريعية، legal-memoranda / المذكرات القانونية";

/// A `kind` cell: `decision-status`, `Decision Status`, `حالة القرار`.
pub(crate) fn parse_record_kind(s: &str) -> Option<RecordKind> {
    let latin = s.trim().to_lowercase().replace(['_', ' '], "-");
    RecordKind::parse(&latin).or_else(|| {
        let n = normalize_header(s);
        KIND_WORDS
            .iter()
            .find(|(_, words)| is_one_of(&n, words))
            .map(|(k, _)| *k)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_case_spacing_articles_and_letter_forms() {
        assert_eq!(
            normalize_header(" Fiscal_Year "),
            normalize_header("fiscal year")
        );
        assert_eq!(
            normalize_header("السنة  المالية"),
            normalize_header("سنة مالية")
        );
        assert_eq!(
            normalize_header("نسبة الانجاز"),
            normalize_header("نسبة الإنجاز")
        );
        assert_eq!(
            normalize_header("المخصص (شيكل)"),
            normalize_header("المخصص")
        );
        assert_eq!(normalize_header("وضعیت"), normalize_header("وضعيت"));
        assert_eq!(normalize_header("الحالة:"), normalize_header("الحاله"));
        assert_ne!(normalize_header("المؤشر"), normalize_header("اسم المؤشر"));
    }

    #[test]
    fn no_header_names_two_columns_of_one_kind() {
        for kind in RecordKind::ALL {
            let fields = fields_of(kind);
            let mut headers: Vec<(&str, &str)> = Vec::new();
            for fl in fields.iter().chain([&AS_OF]) {
                for h in [fl.name, fl.arabic].iter().chain(fl.aliases) {
                    headers.push((fl.name, h));
                }
            }
            for (i, (field, h)) in headers.iter().enumerate() {
                let n = normalize_header(h);
                for (other, h2) in &headers[i + 1..] {
                    assert!(
                        field == other || normalize_header(h2) != n,
                        "{kind}: '{h}' names both {field} and {other}"
                    );
                }
                assert!(
                    !is_one_of(&n, SERIAL_HEADERS),
                    "{kind}: '{h}' is also a serial-number header"
                );
                assert!(
                    !is_one_of(&n, RECORD_KIND_HEADERS),
                    "{kind}: '{h}' is also a record-kind header"
                );
            }
        }
    }

    /// The table of `kind`'s columns in docs/IMPORT-FORMATS.md.
    fn docs_table(kind: RecordKind) -> String {
        let mut t = String::from(
            "| Column | Arabic header | Also accepted | Required |\n|---|---|---|---|\n",
        );
        for fl in fields_of(kind).iter().chain([&AS_OF]) {
            let own = [normalize_header(fl.name), normalize_header(fl.arabic)];
            let also: Vec<&str> = fl
                .aliases
                .iter()
                .copied()
                .filter(|a| !own.contains(&normalize_header(a)))
                .collect();
            let also = also.join(", ");
            let required = if fl.required { "yes" } else { "" };
            t.push_str(&format!(
                "| `{}` | {} | {also} | {required} |\n",
                fl.name, fl.arabic
            ));
        }
        t
    }

    #[test]
    fn the_docs_list_every_column_and_header_the_code_accepts() {
        let doc = include_str!("../../../../docs/IMPORT-FORMATS.md");
        let missing: Vec<String> = RecordKind::ALL
            .into_iter()
            .map(|k| (k, docs_table(k)))
            .filter(|(_, t)| !doc.contains(t))
            .map(|(k, t)| format!("### {k}\n\n{t}"))
            .collect();
        assert!(
            missing.is_empty(),
            "docs/IMPORT-FORMATS.md lacks these tables:\n\n{}",
            missing.join("\n")
        );
        for words in [SERIAL_HEADERS, RECORD_KIND_HEADERS] {
            assert!(
                doc.contains(&words.join(", ")),
                "docs/IMPORT-FORMATS.md lacks: {}",
                words.join(", ")
            );
        }
    }

    #[test]
    fn kinds_read_from_english_and_arabic_names() {
        assert_eq!(
            kind_from_name("Decision Status"),
            Some(RecordKind::DecisionStatus)
        );
        assert_eq!(kind_from_name("budget_2023"), Some(RecordKind::Budget));
        assert_eq!(kind_from_name("الموازنة"), Some(RecordKind::Budget));
        assert_eq!(kind_from_name("Sheet1"), None);
        assert_eq!(
            parse_record_kind("حالة القرار"),
            Some(RecordKind::DecisionStatus)
        );
        assert_eq!(parse_record_kind("KPI"), Some(RecordKind::Kpi));
        assert_eq!(parse_record_kind("ordinary"), None);
        assert_eq!(
            kind_from_name("الخطة التشريعية"),
            Some(RecordKind::Legislation)
        );
        assert_eq!(
            kind_from_name("legal_memoranda 2023"),
            Some(RecordKind::LegalMemoranda)
        );
        assert_eq!(
            parse_record_kind("یادداشت‌های حقوقی"),
            Some(RecordKind::LegalMemoranda)
        );
        assert_eq!(
            parse_record_kind("برنامه قانون‌گذاری"),
            Some(RecordKind::Legislation)
        );
    }

    #[test]
    fn every_kind_has_words_and_no_word_names_two_kinds() {
        for kind in RecordKind::ALL {
            assert!(
                KIND_WORDS.iter().any(|(k, _)| *k == kind),
                "{kind} has no Arabic or Persian name"
            );
            assert!(
                KIND_ACCEPTED_WORDS.contains(&format!("{kind} / ")),
                "{kind} is missing from KIND_ACCEPTED_WORDS"
            );
        }
        let words: Vec<(RecordKind, String)> = KIND_WORDS
            .iter()
            .flat_map(|(k, words)| words.iter().map(|w| (*k, normalize_header(w))))
            .collect();
        for (i, (kind, w)) in words.iter().enumerate() {
            for (other, w2) in &words[i + 1..] {
                assert!(kind == other || w != w2, "'{w}' names {kind} and {other}");
            }
        }
    }
}
