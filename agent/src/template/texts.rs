//! The template's own texts (instructions, sheet names, reference headers, drop-down words), one
//! table per language. Column headers of record fields are not here: they come from the
//! import's header tables (`import::field_headers`), so what a template writes is what the
//! import reads.

use rasid_shared::model::RecordKind;

/// The clerk's language: the template's headers, words, instructions and direction. The one
/// language type of Rasid ([`rasid_shared::format::Language`]), named here for the templates.
pub use rasid_shared::format::Language;

/// A language's place among the template's words: its position in `[English, Arabic, Persian]`
/// triples, and its table of texts.
pub trait TemplateWords {
    /// The position of this language in `[English, Arabic, Persian]` triples.
    fn index(self) -> usize;
    /// Every text a template writes in this language.
    fn texts(self) -> &'static Texts;
}

impl TemplateWords for Language {
    fn index(self) -> usize {
        match self {
            Language::English => 0,
            Language::Arabic => 1,
            Language::Persian => 2,
        }
    }

    fn texts(self) -> &'static Texts {
        match self {
            Language::Arabic => &ARABIC,
            Language::Persian => &PERSIAN,
            Language::English => &ENGLISH,
        }
    }
}

/// Every text a template writes in one language.
#[derive(Debug)]
pub struct Texts {
    pub instructions_sheet: &'static str,
    /// Lines every template's instructions begin with.
    pub general: &'static [&'static str],
    pub decision_status: &'static [&'static str],
    pub budget: &'static [&'static str],
    pub kpi: &'static [&'static str],
    pub project_progress: &'static [&'static str],
    /// Said when the agent has nothing to prefill the rows with.
    pub no_decisions: &'static str,
    pub no_budget: &'static str,
    pub no_kpi: &'static str,
    pub no_projects: &'static str,
    /// Instruction line naming the kind and the period: `{kind}` and `{period}` are replaced.
    pub for_period: &'static str,
    // Reference columns (shown, locked, not imported).
    pub title: &'static str,
    pub session_date: &'static str,
    pub due: &'static str,
    pub overdue: &'static str,
    pub overdue_word: &'static str,
    pub current_status: &'static str,
    pub current_progress: &'static str,
    pub no_report: &'static str,
    pub project_name: &'static str,
    pub last_period: &'static str,
    pub last_progress: &'static str,
    /// Drop-down words, in the order of `ExecutionStatus`: not started, in progress, executed,
    /// blocked.
    pub status_words: [&'static str; 4],
    /// Call, letter, message, memo.
    pub follow_up_words: [&'static str; 4],
    /// Operating, development, salaries.
    pub category_words: [&'static str; 3],
    /// On track, delayed, stalled, completed, cancelled.
    pub project_status_words: [&'static str; 5],
}

impl Texts {
    /// The instruction lines proper to `kind`.
    pub fn lines_of(&self, kind: RecordKind) -> &'static [&'static str] {
        match kind {
            RecordKind::DecisionStatus => self.decision_status,
            RecordKind::Budget => self.budget,
            RecordKind::Kpi => self.kpi,
            _ => self.project_progress,
        }
    }
}

pub static ARABIC: Texts = Texts {
    instructions_sheet: "تعليمات",
    general: &[
        "هذا نموذج أعده وكيل راصد لمركزكم. املؤوا الخلايا البيضاء فقط في الورقة التالية؛ الخلايا الرمادية معبأة مسبقًا ومقفلة.",
        "اختاروا الكلمات من القوائم المنسدلة، واكتبوا الأرقام بلا رموز، والتواريخ بصيغة يوم/شهر/سنة أو كما يعرضها البرنامج.",
        "الصف الذي لا تملؤون فيه شيئًا لا يُرسل. لا تغيّروا أسماء الأوراق ولا تحذفوا الأعمدة.",
        "احفظوا الملف بصيغة xlsx وضعوه في مجلد الوارد (inbox)؛ إن رُفض تجدون بجانبه في inbox/failed ملف الأخطاء.",
    ],
    decision_status: &[
        "القرارات والتكليفات المفتوحة لمركزكم؛ المتأخرة أولًا ومعلمة بالأحمر.",
        "املؤوا الحالة ونسبة الإنجاز (0 إلى 100)، وعند الحاجة الملاحظات ونوع المتابعة وتاريخها.",
    ],
    budget: &[
        "سطر لكل برنامج وتصنيف من آخر تقرير موازنة لمركزكم؛ المخصص معبأ عند معرفته.",
        "املؤوا الالتزامات والمصروف بعملة السطر، وأضيفوا في الصفوف الفارغة أسفل الجدول أي برنامج غير مدرج.",
    ],
    kpi: &[
        "مؤشرات مركزكم للربع، بوحدة القياس والمستهدفات المعروفة.",
        "املؤوا الفعلي، والتكلفة المخططة والفعلية إن وجدت، والمستهدفات غير المعبأة.",
    ],
    project_progress: &[
        "مشاريع مركزكم مع آخر تقدم مُبلّغ عنه.",
        "املؤوا الإنجاز المخطط والفعلي (0 إلى 100) والإنفاق التراكمي والحالة وأبرز العوائق.",
    ],
    no_decisions: "لا توجد بعد قائمة بالقرارات المسندة إلى مركزكم: اتصلوا بالمجمّع وشغّلوا rasid-agent decisions ثم اكتبوا النموذج من جديد، أو اكتبوا أرقام القرارات في الصفوف الفارغة.",
    no_budget: "لا يوجد تقرير موازنة سابق لمركزكم: املؤوا كل الأعمدة في الصفوف الفارغة، سطرًا لكل برنامج وتصنيف.",
    no_kpi: "لا توجد مؤشرات سابقة لمركزكم: املؤوا كل الأعمدة في الصفوف الفارغة، سطرًا لكل مؤشر.",
    no_projects: "لا توجد مشاريع مسجلة لمركزكم في هذا الوكيل: استوردوا ملف المشاريع أولًا، أو املؤوا رموز المشاريع في الصفوف الفارغة.",
    for_period: "النموذج: {kind} — الفترة: {period}",
    title: "عنوان القرار",
    session_date: "تاريخ الجلسة",
    due: "تاريخ الاستحقاق",
    overdue: "متأخر؟",
    overdue_word: "متأخر",
    current_status: "الحالة الحالية",
    current_progress: "الإنجاز الحالي",
    no_report: "لا تقرير",
    project_name: "اسم المشروع",
    last_period: "آخر فترة مبلغ عنها",
    last_progress: "آخر إنجاز فعلي",
    status_words: ["لم يبدأ", "قيد التنفيذ", "منفذ", "متعثر"],
    follow_up_words: ["اتصال", "كتاب", "رسالة نصية", "مذكرة"],
    category_words: ["تشغيلية", "تطويرية", "رواتب"],
    project_status_words: ["حسب الخطة", "متأخر", "متوقف", "منجز", "ملغى"],
};

pub static PERSIAN: Texts = Texts {
    instructions_sheet: "راهنما",
    general: &[
        "این فرم را عامل راصد برای دستگاه شما آماده کرده است. فقط خانه‌های سفید برگهٔ بعد را پر کنید؛ خانه‌های خاکستری از پیش پر شده و قفل‌اند.",
        "واژه‌ها را از فهرست‌های کشویی برگزینید، اعداد را بدون نماد و تاریخ‌ها را به صورت روز/ماه/سال بنویسید.",
        "ردیفی که در آن چیزی پر نکنید فرستاده نمی‌شود. نام برگه‌ها را تغییر ندهید و ستونی را حذف نکنید.",
        "پرونده را با قالب xlsx ذخیره کنید و در پوشهٔ inbox بگذارید؛ اگر پذیرفته نشد، فهرست خطاها کنار آن در inbox/failed است.",
    ],
    decision_status: &[
        "مصوبات و تکالیف باز دستگاه شما؛ موارد با تأخیر در آغاز و با رنگ قرمز.",
        "وضعیت و درصد پیشرفت (۰ تا ۱۰۰) را پر کنید و در صورت نیاز توضیحات و پیگیری و تاریخ آن را.",
    ],
    budget: &[
        "یک ردیف برای هر برنامه و نوع اعتبار از آخرین گزارش بودجهٔ دستگاه شما؛ اعتبار مصوب در صورت معلوم بودن پر شده است.",
        "تعهد و هزینه را به ارز ردیف پر کنید و برنامه‌های دیگر را در ردیف‌های خالی زیر جدول بیفزایید.",
    ],
    kpi: &[
        "شاخص‌های دستگاه شما برای این فصل، با واحد سنجش و هدف‌های معلوم.",
        "عملکرد، قیمت تمام شده و هدف‌های پر نشده را بنویسید.",
    ],
    project_progress: &[
        "پروژه‌های دستگاه شما با آخرین پیشرفت گزارش شده.",
        "پیشرفت برنامه‌ای و واقعی (۰ تا ۱۰۰)، هزینهٔ تجمعی، وضعیت و موانع را پر کنید.",
    ],
    no_decisions: "هنوز فهرست مصوبات دستگاه شما دریافت نشده است: به گردآورنده وصل شوید و rasid-agent decisions را اجرا کنید، سپس فرم را دوباره بسازید؛ یا شمارهٔ مصوبات را در ردیف‌های خالی بنویسید.",
    no_budget: "گزارش بودجهٔ پیشینی برای دستگاه شما نیست: همهٔ ستون‌ها را در ردیف‌های خالی پر کنید، یک ردیف برای هر برنامه و نوع اعتبار.",
    no_kpi: "شاخص پیشینی برای دستگاه شما نیست: همهٔ ستون‌ها را در ردیف‌های خالی پر کنید، یک ردیف برای هر شاخص.",
    no_projects: "پروژه‌ای برای دستگاه شما در این عامل ثبت نشده است: نخست پروندهٔ پروژه‌ها را وارد کنید، یا کد پروژه‌ها را در ردیف‌های خالی بنویسید.",
    for_period: "فرم: {kind} — دوره: {period}",
    title: "عنوان مصوبه",
    session_date: "تاریخ جلسه",
    due: "مهلت اجرا",
    overdue: "با تأخیر؟",
    overdue_word: "با تأخیر",
    current_status: "وضعیت کنونی",
    current_progress: "پیشرفت کنونی",
    no_report: "بدون گزارش",
    project_name: "نام پروژه",
    last_period: "آخرین دورهٔ گزارش شده",
    last_progress: "آخرین پیشرفت واقعی",
    status_words: ["شروع نشده", "در حال اجرا", "اجرا شده", "متوقف شده"],
    follow_up_words: ["اتصال", "كتاب", "رسالة نصية", "مذكرة"],
    category_words: ["هزینه‌ای", "تملک دارایی", "حقوق"],
    project_status_words: [
        "طبق برنامه",
        "با تأخیر",
        "متوقف شده",
        "تکمیل شده",
        "لغو شده",
    ],
};

pub static ENGLISH: Texts = Texts {
    instructions_sheet: "instructions",
    general: &[
        "This template was written by the Rasid agent for your center. Fill only the white cells of the next sheet; grey cells are filled in ahead and locked.",
        "Choose words from the drop-down lists; write numbers without symbols and dates as the spreadsheet shows them.",
        "A row where you fill nothing is not sent. Do not rename the sheets or delete columns.",
        "Save the file as .xlsx and put it in the inbox folder; if it is refused, its list of problems is beside it in inbox/failed.",
    ],
    decision_status: &[
        "Your center's open decisions and assignments; the overdue ones first, marked in red.",
        "Fill the status and progress (0 to 100) and, when needed, the note, follow-up and follow-up date.",
    ],
    budget: &[
        "One row per program and category of your center's last budget report; the allocation is filled in when known.",
        "Fill committed and spent in the row's currency; add any program not listed in the empty rows below the table.",
    ],
    kpi: &[
        "Your center's indicators for the quarter, with unit and the targets known.",
        "Fill the actual figure, the planned and actual cost price, and any target left empty.",
    ],
    project_progress: &[
        "Your center's projects with their last reported progress.",
        "Fill planned and actual progress (0 to 100), cumulative spending, status and the main obstacle.",
    ],
    no_decisions: "No list of decisions assigned to your center yet: connect to the collector, run `rasid-agent decisions` and write the template again, or write decision numbers in the empty rows.",
    no_budget: "No earlier budget report of your center: fill every column in the empty rows, one row per program and category.",
    no_kpi: "No earlier indicators of your center: fill every column in the empty rows, one row per indicator.",
    no_projects: "No projects of your center in this agent: import the projects file first, or write project codes in the empty rows.",
    for_period: "Template: {kind} — period: {period}",
    title: "title",
    session_date: "session date",
    due: "due date",
    overdue: "overdue?",
    overdue_word: "overdue",
    current_status: "current status",
    current_progress: "current progress",
    no_report: "no report",
    project_name: "project name",
    last_period: "last period reported",
    last_progress: "last actual progress",
    status_words: ["not-started", "in-progress", "executed", "blocked"],
    follow_up_words: ["call", "letter", "message", "memo"],
    category_words: ["operating", "development", "salaries"],
    project_status_words: ["on-track", "delayed", "stalled", "completed", "cancelled"],
};
