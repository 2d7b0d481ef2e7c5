# The wall's words in Arabic (the wall's first language).
#
# One message per thing the wall says; ids are the same in ar, fa and en, and each message
# takes the same arguments in every language (shared/tests/catalogue.rs checks both;
# kiosk/tests/catalogue.rs checks that the wall asks only for ids that are here).
# Numbers come already written in the wall's digits ($num, $pct, $year …); $count is the
# same number's CLDR plural category (rasid_shared::i18n::plural_category), for choosing the
# counted form: Arabic counting takes [two] (the dual, said without the number), [few] (3–10
# in the last two digits), [many] (11–99 in the last two digits) and the singular otherwise
# (0, 1, 100, 101, 102 …). Names of centers, programs and decisions are data and are
# never translated. See docs/I18N.md.
#
# Every counted noun takes its counted form: قرار واحد، قراران، ٥ قرارات، ٩٦ قراراً، ٣١٠ قرارات،
# ١٠٠ قرار (the last two digits decide, as [few] and [many] do).

## Shared by every board

no-data = لا توجد بيانات
# Between the names of a list.
list-separator = {"، "}
status-executed = منفذ
status-in-progress = قيد التنفيذ
status-not-started = لم يبدأ
status-blocked = متعثر
status-awaiting-report = بانتظار التقرير
status-no-report = لم يرد تقرير
planned = المخطط
actual = الفعلي
# Classes of a value by thresholds: "٧٥٪ فأكثر", "٥٠٪ إلى أقل من ٧٥٪", "أقل من ٥٠٪".
range-at-least = { $from } فأكثر
range-from-below = { $from } إلى أقل من { $below }
range-below = أقل من { $below }
quarter = { $quarter ->
    [1] الربع الأول
    [2] الربع الثاني
    [3] الربع الثالث
    [4] الربع الرابع
   *[other] ربع غير معروف
}
# Under a column of a chart, where a quarter's name must be short.
quarter-short = { $quarter ->
    [1] الربع الأول
    [2] الربع الثاني
    [3] الربع الثالث
    [4] الربع الرابع
   *[other] الربع { $num }
}
count-days = { $count ->
    [two] يومان
    [few] { $num } أيام
    [many] { $num } يوماً
   *[other] { $num } يوم
}

## Amounts and currencies

amount-thousands = { $num } ألف
amount-millions = { $num } مليون
amount-billions = { $num } مليار
# An exact amount: "٨٢٨٬٧٠٣ شيكل".
amount-with-currency = { $amount } { $currency }
# A unit word with the currency: "مليون شيكل".
amount-unit-with-currency = { $unit } { $currency }
currency-ils = شيكل
currency-usd = دولار أمريكي
currency-jod = دينار أردني
currency-eur = يورو
currency-sar = ريال سعودي
currency-omr = ريال عماني
currency-irr = ريال إيراني

## Calendars (digits are Western here; the wall writes them in its own)

month-gregorian = { $month ->
    [1] يناير
    [2] فبراير
    [3] مارس
    [4] أبريل
    [5] مايو
    [6] يونيو
    [7] يوليو
    [8] أغسطس
    [9] سبتمبر
    [10] أكتوبر
    [11] نوفمبر
   *[12] ديسمبر
}
month-hijri = { $month ->
    [1] محرم
    [2] صفر
    [3] ربيع الأول
    [4] ربيع الآخر
    [5] جمادى الأولى
    [6] جمادى الآخرة
    [7] رجب
    [8] شعبان
    [9] رمضان
    [10] شوال
    [11] ذو القعدة
   *[12] ذو الحجة
}
month-solar-hijri = { $month ->
    [1] فروردین
    [2] اردیبهشت
    [3] خرداد
    [4] تیر
    [5] مرداد
    [6] شهریور
    [7] مهر
    [8] آبان
    [9] آذر
    [10] دی
    [11] بهمن
   *[12] اسفند
}
date-long = { $day } { $month } { $year }
date-long-hijri = { $day } { $month } { $year } هـ
# Months of a four-month period: "سبتمبر–ديسمبر".
period-months = { $first }–{ $last }
period-whole-year = السنة كاملة

## The wall around the boards

board-title-decision-execution = متابعة تنفيذ قرارات مجلس الوزراء
board-title-centers = ترتيب الجهات المسؤولة حسب نسبة التنفيذ
board-title-overdue = القرارات المتأخرة عن موعد التنفيذ
board-title-budget = أداء الموازنة
board-title-kpi = مؤشرات الأداء والمخرجات
board-title-committees = اللجان الحكومية
board-title-projects = متابعة المشاريع
board-title-reporting = انتظام تقارير الجهات المسؤولة
board-title-classification = تنفيذ القرارات حسب التصنيف
board-title-trends = الاتجاهات خلال العام
board-title-complaints = الشكاوى الحكومية
board-title-legislation = الخطة التشريعية
wall-subtitle = الأمانة العامة لمجلس الوزراء — متابعة الأداء الحكومي
wall-waiting-for-data = بانتظار البيانات…
wall-board-failed = تعذّر عرض هذه اللوحة
wall-source-demo = المصدر: بيانات العرض التجريبي (تقرير الأداء السنوي { $year })
wall-source-live = المصدر: مجمّع راصد — الأمانة العامة لمجلس الوزراء
wall-source-offline = تعذّر الاتصال بالمجمّع منذ { $since } — تُعرض آخر بيانات محفوظة
wall-data-as-of = البيانات حتى { $date }
wall-no-data-yet = لا توجد بيانات بعد
filter-prompt = اكتب اسم الجهة أو رمزها…
filter-title = تصفية حسب الجهة: { $query }
filter-no-match = لا جهة تطابق ما كُتب
help-title = مفاتيح المشغّل
help-space = مسافة: إيقاف التدوير أو استئنافه
help-next = السهم الأيسر أو Page Down: اللوحة التالية
help-previous = السهم الأيمن أو Page Up: اللوحة السابقة
help-digits = 1 إلى 9: الانتقال إلى لوحة بعينها
help-filter = F أو /: تصفية اللوحة حسب جهة (اكتب الاسم ثم Enter)
help-escape = Esc: العودة إلى التدوير دون تصفية
help-help = H أو F1: إظهار هذه المساعدة أو إخفاؤها
help-story = D أو #: الانتقال إلى قصة قرار (اكتب رقمه ثم Enter)


## Troubles: the operator line and a board that cannot be shown. The detail (what the network
## or the configuration's checker said, a path, the collector's own message) comes as it is.

trouble-no-key = لا مفتاح لهذه الشاشة ({ $file } غير موجود)، فلا تقرأ إلا من مجمّع شُغّل بـ --public-boards: شغّل rasid-kiosk init --name { $name } وسجّل أسطر [[wall]] التي يطبعها في centers.toml لدى المجمّع
trouble-key-unusable = ملف مفتاح هذه الشاشة { $file } لا يصلح ({ $detail }): شغّل rasid-kiosk init --name { $name } --key { $file } --force وسجّل أسطر [[wall]] التي يطبعها في centers.toml لدى المجمّع
trouble-key-unreadable = تعذّرت قراءة ملف مفتاح هذه الشاشة { $file } ({ $detail })، فهي تقرأ دون توقيع حتى تتمكن من قراءته
trouble-refused = يرفض المجمّع قراءات هذه الشاشة ({ $code }): { $message }
trouble-bad-address = عنوان المجمّع { $url } غير صالح: { $detail }
trouble-unreachable = تعذّر الوصول إلى المجمّع: { $detail }
trouble-cut = انقطع ردّ المجمّع قبل اكتماله: { $detail }
trouble-answered = ردّ المجمّع بالرمز { $status }: { $message }
trouble-unreadable = تعذّرت قراءة اللوحة التي أرسلها المجمّع: { $detail }
trouble-wrong-board = طُلبت اللوحة { $asked } فوصلت اللوحة { $got }
trouble-config-not-applied = لم يُطبَّق الإعداد الجديد ويبقى السابق نافذاً: { $problem }{ $more }
trouble-screen-fallback = تُعرض الشاشة الأولى «{ $first }»: { $detail }
trouble-default-look = يُعرض الشكل الافتراضي: { $detail }

## Board: decision-execution

decisions-status-of-decisions = حالة تنفيذ القرارات
decisions-status-of-assignments = حالة تنفيذ التكليفات
# Under the number in the ring: the noun alone, in the form the count takes.
donut-unit-decisions = { $count ->
    [two] قراران
    [few] قرارات
    [many] قراراً
   *[other] قرار
}
donut-unit-assignments = { $count ->
    [two] تكليفان
    [few] تكليفات
    [many] تكليفاً
   *[other] تكليف
}
decisions-issued = القرارات الصادرة
# The note under the decisions issued: "and 196 assignments".
decisions-issued-assignments = { $count ->
    [one] وتكليف واحد
    [two] وتكليفان
    [few] و{ $num } تكليفات
    [many] و{ $num } تكليفاً
   *[other] و{ $num } تكليف
}
decisions-executed-share = نسبة القرارات المنفذة
count-decisions-executed = { $count ->
    [one] قرار واحد منفذ
    [two] قراران منفذان
    [few] { $num } قرارات منفذة
    [many] { $num } قراراً منفذاً
   *[other] { $num } قرار منفذ
}
count-decisions = { $count ->
    [one] قرار واحد
    [two] قراران
    [few] { $num } قرارات
    [many] { $num } قراراً
   *[other] { $num } قرار
}
decisions-not-started = لم يبدأ تنفيذها
decisions-trend = تنفيذ القرارات والتكليفات حسب شهر الصدور
decisions-none-in-period = لا توجد قرارات في هذه الفترة
decisions-no-reports-yet = لم تصل تقارير بعد
decisions-routine-excluded = { $count ->
    [one] باستثناء قرار روتيني واحد
    [two] باستثناء قرارين روتينيين
    [few] باستثناء { $num } قرارات روتينية
    [many] باستثناء { $num } قراراً روتينياً
   *[other] باستثناء { $num } قرار روتيني
}
decisions-awaiting-first-report = { $count ->
   *[other] { $num } بانتظار التقرير الأول
}
decisions-follow-up = جهود المتابعة
follow-up-calls = اتصال هاتفي
follow-up-messages = رسالة نصية
follow-up-letters = كتاب رسمي
follow-up-memos = طلب مذكرة تفسيرية

## Board: centers

# The weakest centers when not all fit: "the weakest 14 of 31 centers".
centers-weakest-of = نسبة القرارات المنفذة: أضعف { $shown } من { $count ->
    [two] جهتين
    [few] { $num } جهات
    [many] { $num } جهة
   *[other] { $num } جهة
}
centers-rate-per-center = نسبة القرارات المنفذة لكل جهة
centers-heading-center = الجهة
centers-heading-rate = نسبة المنفذ مما ورد عنه تقرير
centers-good-and-weak = { $good-from } فأكثر: { $good } · دون { $weak-below }: { $weak }
centers-responsible = الجهات المسؤولة
centers-best = الأعلى تنفيذاً
centers-weakest = الأضعف تنفيذاً
centers-no-reports-yet = لم ترد تقارير بعد: { $names }

## Board: overdue

# Nothing is overdue among the decisions checked: good news, not "no data".
overdue-none = { $count ->
   *[other] لا توجد قرارات متأخرة — جميع القرارات الـ{ $num } في موعدها أو منفذة
}
overdue-total = قرارات وتكليفات متأخرة
overdue-total-note = غير منفذة وتجاوزت موعد تنفيذها
overdue-longest = أطول تأخير
overdue-decision-number = القرار { $number }
overdue-most-overdue = الأكثر تأخراً: { $shown } من { $total }
overdue-heading-delay = التأخير
overdue-heading-number = رقم القرار
overdue-heading-date = تاريخ القرار
overdue-heading-subject = الموضوع
overdue-heading-center = الجهة المسؤولة
overdue-heading-status = الحالة والإنجاز
overdue-assignment-title = تكليف: { $title }
overdue-lead-center-and-others = { $center } وآخرون
overdue-severity = درجة التأخير
# The middle class of delay: "from 90 to 179 days".
overdue-days-from-to = من { $from } إلى { $to }

## Board: budget

budget-allocated = المخصص
budget-spent = المصروف
# A card's caption with the unit of its number: "المخصص (مليون شيكل)".
budget-caption-with-unit = { $caption } ({ $unit })
budget-until-end-of = حتى نهاية { $month } { $year }
budget-other-currencies-left-out = لا تشمل المبالغ بعملة: { $currencies }
budget-execution-rate = نسبة الصرف من المخصص
budget-category-salaries = الرواتب والأجور
budget-category-operating = النفقات التشغيلية
budget-category-development = النفقات التطويرية
# "٢٫٢ من ٣٫٢ مليون": spent of allocated.
budget-spent-of-allocated = { $spent } من { $allocated }
budget-cumulative = الإنفاق التراكمي مقابل الخطة ({ $currency })
budget-cumulative-actual = الفعلي التراكمي
budget-plan-explained = الخطة: المخصص موزعاً بالتساوي على الأشهر
budget-plan = الخطة
budget-by-category = حسب نوع الإنفاق
# The programs panel when not all fit: "the largest 9 of 12 programs".
budget-largest-programs = أكبر البرامج مخصصات: { $shown } من { $count ->
    [two] برنامجين
    [few] { $num } برامج
    [many] { $num } برنامجاً
   *[other] { $num } برنامج
}
budget-programs = البرامج
budget-largest-centers = الجهات الأكبر مخصصات: { $shown } من { $total }
budget-spent-by-center = المصروف من المخصص حسب الجهة
budget-allocated-in = المخصص ({ $currency })

## Board: kpi

kpi-quarter-of-year = { $quarter } { $year }
kpi-measured = المؤشرات المقيسة
kpi-mean-achievement = متوسط الإنجاز
kpi-mean-achievement-note = الفعلي من المستهدف الربعي
kpi-met = متحققة
kpi-partly-met = متحققة جزئياً
kpi-missed = غير متحققة
# Under a card: how many indicators, and the threshold of the class.
kpi-note-at-least = { $indicators } · { $from } فأكثر
kpi-note-from-below = { $indicators } · { $from } إلى أقل من { $below }
kpi-note-below = { $indicators } · أقل من { $below }
count-indicators = { $count ->
    [two] مؤشران
    [few] { $num } مؤشرات
    [many] { $num } مؤشراً
   *[other] { $num } مؤشر
}
kpi-weakest = المؤشرات الأضعف إنجازاً في آخر ربع
# Under an indicator: its center, the quarter's target and the actual, with their units.
kpi-target-and-actual = { $center } · المستهدف { $target } · الفعلي { $actual }
kpi-by-quarter = الإنجاز حسب الربع (عدد المؤشرات)
kpi-legend-met = متحقق
kpi-legend-partly-met = متحقق جزئياً
kpi-legend-missed = غير متحقق
kpi-cost = سعر التكلفة: المخطط والفعلي
kpi-cost-no-data = لا تتوفر بيانات سعر التكلفة
kpi-cost-indicators = في { $indicators } ذات سعر تكلفة
kpi-cost-overruns = الأعلى تجاوزاً للتكلفة المخططة
kpi-cost-above-plan = أعلى من المخطط بـ { $pct }
kpi-cost-below-plan = أقل من المخطط بـ { $pct }
kpi-cost-as-planned = مطابق للمخطط
kpi-target-and-actual-first = { $center } · المستهدف { $target } (كان { $first }) · الفعلي { $actual }
# Moved goalposts: targets lowered and due dates pushed back after they were first reported.
goalposts-lowered-title = مستهدفات خُفّضت بعد إعلانها: { $num } · والإنجاز مقيساً بالمستهدف الأول
goalposts-quarter-target-cut = مستهدف { $quarter } من { $first } إلى { $now }
goalposts-annual-target-cut = المستهدف السنوي من { $first } إلى { $now }
goalposts-lowered-detail = { $center } · { $cut } · في { $date }
goalposts-moved-title = مواعيد تنفيذ أُجّلت بعد تحديدها: { $num }، منها { $hidden } لا تبدو متأخرة إلا بموعدها الأول
goalposts-due-moved = من { $first } إلى { $now }
goalposts-due-removed = كان { $first } ثم أُلغي الموعد
goalposts-moved-detail = { $dates } · بتعديل من { $by } في { $date }
goalposts-moved-detail-after-due = { $dates } · بتعديل من { $by } في { $date } بعد فوات الموعد الأول
goalposts-heading-late-by-first = التأخير عن الموعد الأول
goalposts-heading-decision = القرار، موعداه، ومن عدّل الموعد ومتى
# Trends through the year (the trends board and the centers board's sparklines).
centers-heading-trend = شهرياً في { $year }
trends-rate-at = نسبة تنفيذ القرارات في نهاية { $month }
trends-rate-on = نسبة تنفيذ القرارات في { $date }
trends-rate-note = { $executed } منفذة من { $analysed } ورد عنها تقرير
trends-spending-at = نسبة الصرف حتى نهاية { $month }
trends-spending-previous = العام السابق في الشهر نفسه: { $pct }
trends-spending-no-previous = لا بيانات للعام السابق
trends-execution-title = نسبة القرارات المنفذة في نهاية كل شهر من { $year }
trends-executed-share = نسبة المنفذ
trends-spending-title = الصرف التراكمي من المخصص السنوي
# The complaints board.
complaints-received = الشكاوى الواردة
complaints-received-note = عبر النظام المحوسب في { $year }
complaints-referred = أُحيلت إلى الجهات المختصة
complaints-referred-note = تُتابَع هناك حسب الاختصاص
complaints-handled = تابعتها الجهة نفسها
complaints-handled-note = قُبلت { $accepted } ورُفضت { $rejected }
complaints-rate = نسبة المعالجة
complaints-rate-note = عولجت { $processed } من { $accepted } مقبولة
complaints-pending = مقبولة قيد المعالجة
complaints-stuck-note = منها { $stuck } عالقة بعد المدة المسموح بها
complaints-by-quarter = الشكاوى حسب الربع
complaints-legend-referred = محالة
complaints-legend-rejected = مرفوضة
complaints-legend-processed = مقبولة وعولجت
complaints-legend-pending = مقبولة قيد المعالجة
complaints-by-center = نسبة المعالجة حسب الجهة، الأضعف أولاً
complaints-center-line = { $center } ({ $stuck } عالقة)
complaints-none-accepted = لا مقبولة

## Board: committees

committees-during-year = خلال عام { $year }
committees-during-year-of = خلال { $year }، من { $committees } عملت فيه
committees-formed = اللجان المشكّلة
committees-active = لجان عاملة
committees-active-note = ما زالت تمارس مهامها
committees-finished = لجان أنهت أعمالها
committees-finished-note = أنجزت المهمة المكلفة بها
# "٤١ توصية من ٤٥": recommendations approved of those submitted.
committees-approved-of-submitted = { $count ->
    [two] توصيتان
    [few] { $num } توصيات
    [many] { $num } توصية
   *[other] { $num } توصية
} من { $submitted }
committees-approval-rate = نسبة اعتماد التوصيات
committees-path = من الاجتماع إلى قرار المجلس
committees-meetings = اجتماعات
committees-minutes = محاضر اجتماعات
committees-minutes-to-cabinet = محاضر رُفعت لمجلس الوزراء
committees-recommendations-submitted = توصيات رُفعت للمجلس
committees-recommendations-approved = توصيات اعتمدها المجلس
committees-busiest = اللجان الأكثر اجتماعاً
committees-heading-committee = اللجنة
committees-heading-meetings = عدد الاجتماعات
committees-heading-submitted = توصيات مرفوعة
committees-heading-approved = توصيات معتمدة
committees-heading-status = الحالة
committee-status-active = عاملة
committee-status-finished = أنهت أعمالها

## Board: projects

project-status-on-track = حسب الخطة
project-status-delayed = متأخر
project-status-stalled = متوقف
project-status-completed = منجز
project-status-cancelled = ملغى
projects-most-delayed = الأكثر تأخراً عن الخطة
projects-spending-ahead = إنفاق يسبق الإنجاز الفعلي
projects-followed = المشاريع المتابَعة
# The cost of the projects followed: "بكلفة ٤٨٫٦ مليون دولار أمريكي".
projects-cost = بكلفة { $amount } { $currency }
projects-on-track-or-done = حسب الخطة أو منجزة
projects-of-which-done = منها { $num } منجزة
projects-late-or-stalled = متأخرة أو متوقفة
projects-stalled = { $num } متوقفة
projects-donor-funded = بتمويل من المانحين
projects-donor-funded-note = من كلفة المشاريع
projects-by-status = المشاريع حسب الحالة
donut-unit-projects = { $count ->
    [two] مشروعان
    [few] مشاريع
    [many] مشروعاً
   *[other] مشروع
}
projects-without-report = { $num } بلا تقرير بعد
projects-by-sector = الإنجاز المخطط والفعلي حسب القطاع
projects-funding = مصادر التمويل
# A source of funding that is no donor.
projects-public-treasury = الخزينة العامة
projects-none-in-class = لا توجد مشاريع في هذه الفئة
projects-row-detail = { $center } · { $sector } · { $status }
projects-months-late = { $count ->
    [one] تأخر متوقع شهر واحد
    [two] تأخر متوقع شهران
    [few] تأخر متوقع { $num } أشهر
    [many] تأخر متوقع { $num } شهراً
   *[other] تأخر متوقع { $num } شهر
}
projects-on-time = ضمن الموعد
projects-no-progress-yet = لا تقدم بعد
# How far actual progress is behind the plan, in percentage points.
count-points = { $count ->
    [one] نقطة واحدة
    [two] نقطتان
    [few] { $num } نقاط
   *[other] { $num } نقطة
}
projects-spent = أُنفق { $pct }
projects-and-done = وأُنجز { $pct }

## Board: reporting

reporting-monthly-budget = موازنة { $month } { $year }
# A four-month budget report: "موازنة سبتمبر–ديسمبر ٢٠٢٣".
reporting-four-month-budget = موازنة { $first }–{ $last } { $year }
reporting-yearly-budget = الموازنة السنوية { $year }
reporting-quarterly-kpi = مؤشرات { $quarter } { $year }
reporting-received-of-owed = { $received } من { $owed }
reporting-fell-due = استُحقت في { $date }
reporting-never-reported = منها { $num } لم ترسل أي تقرير
reporting-late-note = عن تقرير حلّ موعده
reporting-late-centers = جهات متأخرة
# The last tile when not all fit: "and 5 more centers".
reporting-more-centers = { $count ->
    [two] وجهتان أخرى
    [few] و{ $num } جهات أخرى
    [many] و{ $num } جهة أخرى
   *[other] و{ $num } جهة أخرى
}
reporting-last-report = آخر تقرير { $date }
reporting-no-report-yet = لم ترسل أي تقرير بعد
reporting-last-heard = { $last } · آخر اتصال { $date }
reporting-late-with = متأخرة: { $reports }
reporting-budget-of = موازنة { $month }
reporting-kpi-of = مؤشرات { $quarter }
reporting-received = وصلت: { $reports }
reporting-none-late = لا تقارير متأخرة

## Board: classification

# The board's selector $by is the field the operator chose: sector, program, level or type.
classification-by-sector = القطاع
classification-by-program = البرنامج الحكومي
classification-by-level = المستوى الإداري
classification-by-type = نوع القرار
classification-rates = { $by ->
    [program] نسبة التنفيذ حسب البرنامج الحكومي، الأضعف أولاً
    [level] نسبة التنفيذ حسب المستوى الإداري، الأضعف أولاً
    [type] نسبة التنفيذ حسب نوع القرار، الأضعف أولاً
   *[sector] نسبة التنفيذ حسب القطاع، الأضعف أولاً
}
# When not all classes fit: "the weakest 12 of 15".
classification-weakest-of = { $by ->
    [program] نسبة التنفيذ حسب البرنامج الحكومي: أضعف { $shown } من { $num }
    [level] نسبة التنفيذ حسب المستوى الإداري: أضعف { $shown } من { $num }
    [type] نسبة التنفيذ حسب نوع القرار: أضعف { $shown } من { $num }
   *[sector] نسبة التنفيذ حسب القطاع: أضعف { $shown } من { $num }
}
classification-heading-split = القرارات التي وردت عنها تقارير حسب الحالة
classification-heading-rate = نسبة المنفذ
classification-unclassified = غير مصنّفة
classification-classes = { $by ->
    [program] البرامج الحكومية
    [level] المستويات الإدارية
    [type] أنواع القرارات
   *[sector] القطاعات
}
classification-counted = القرارات والتكليفات غير الروتينية: { $num }
classification-without = { $by ->
    [program] قرارات بلا برنامج حكومي
    [level] قرارات بلا مستوى إداري
    [type] قرارات بلا نوع
   *[sector] قرارات بلا قطاع
}
classification-unclassified-share = { $pct } من القرارات المحتسبة
classification-how-counted = كيف تُحتسب
classification-one-per-decision = يُحتسب القرار مرة واحدة في تصنيفه ولو تعددت الجهات المسؤولة عنه: منفذ إذا نفذته جميعها

## Decision story: one decision, opened by its number (D or #) or from the overdue board
story-title = قصة قرار
story-prompt = اكتب رقم القرار، مثل 18/212/02
story-box-title = الانتقال إلى القرار: { $query }
story-box-hint = Enter لعرض القرار، Esc للإلغاء
story-not-a-number = «{ $query }» ليس رقم قرار؛ اكتبه حكومة/جلسة/بند، مثل 18/212/02
story-not-found = لا يوجد قرار برقم { $number } لدى المجمّع
story-loading = جارٍ جلب القرار { $number }…
story-open = عرض قصة القرار { $number }
story-kind-decision = القرار
story-kind-assignment = التكليف
story-number = { $kind } رقم { $number }
story-status-progress = { $status } · { $progress }
story-due = موعد التنفيذ: { $date }
story-no-due = بلا موعد تنفيذ
story-overdue = متأخر { $days }
story-not-overdue = غير متأخر
story-session = الجلسة { $session } بتاريخ { $date }
story-session-undated = الجلسة { $session }
story-issued = صدر في { $date }
story-routine = روتيني
story-sector = القطاع: { $value }
story-program = البرنامج: { $value }
story-level = المستوى: { $value }
story-type = النوع: { $value }
story-centers = الجهات المسؤولة وتقاريرها عبر الزمن
story-no-centers = لا جهات مسؤولة
story-lead-center = { $center } (الجهة الرئيسية)
story-no-report = لم ترد تقارير بعد
story-earlier = و{ $count } تقارير أقدم
story-follow-ups = إجراءات المتابعة
story-no-follow-ups = لم تُسجَّل إجراءات متابعة
story-follow-up = { $date }: { $kind } — { $center }
story-more = و{ $count } غيرها
story-links = قرارات مشابهة مرتبطة به
story-no-links = لا قرارات مرتبطة
story-link-unknown = لم يصل هذا القرار إلى المجمّع

# The legislation board.
legislation-plan-rate = نسبة إنجاز الخطة
legislation-plan-rate-note = أُنجز { $done } من { $items } في الخطة
legislation-laws-done = قوانين نُسّبت للرئيس
legislation-regulations-done = أنظمة ولوائح صودق عليها
legislation-strategies-done = إستراتيجيات صودق عليها
legislation-in-progress-note = و{ $open } قيد العمل
legislation-outside-plan = أُضيفت من خارج الخطة
legislation-outside-plan-note = أُنجز منها { $done }
legislation-memoranda = مذكرات قانونية
legislation-memoranda-note = أُعدّت لمجلس الوزراء
legislation-open-by-stage = غير المنجزة حسب المرحلة
legislation-stage-drafting = قيد الصياغة
legislation-stage-consultation = قيد التشاور مع الدوائر
legislation-stage-readings = قيد القراءات في المجلس
legislation-stage-approved = صودق عليها وتنتظر التنسيب
legislation-stage-forwarded = نُسّبت للرئيس
legislation-type-law = قانون
legislation-type-regulation = نظام
legislation-type-strategy = إستراتيجية
legislation-late = متأخرة عن موعدها في الخطة ({ $num })
legislation-none-late = لا بند متأخر عن موعده
legislation-late-by = { $count ->
    [two] متأخر ربعين
    [few] متأخر { $num } أرباع
    [many] متأخر { $num } ربعاً
    [one] متأخر ربعاً
   *[other] متأخر { $num } ربع
}
legislation-done-this-quarter = أُنجزت في { $quarter ->
    [1] الربع الأول
    [2] الربع الثاني
    [3] الربع الثالث
    [4] الربع الرابع
   *[other] الربع { $num }
}
legislation-none-done = لم يُنجز بند في هذا الربع بعد
legislation-more = { $count ->
    [two] وبندان آخران
    [few] و{ $num } بنود أخرى
    [many] و{ $num } بنداً آخر
    [one] وبند آخر
   *[other] و{ $num } بند آخر
}
