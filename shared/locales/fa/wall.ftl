# The wall's words in Persian (فارسی), in the words of the Iranian regulation the Persian wall
# serves (مصوبه، دستگاه اجرایی، اعتبار مصوب، شاخص عملکرد، قیمت تمام‌شده).
#
# Ids and arguments are those of ar/wall.ftl (shared/tests/catalogue.rs checks it). A noun
# after a number stays singular in Persian ("۵ مصوبه", "۱۲ روز"), so counted messages take
# $count only to keep the same arguments as the other languages: they have one form.

## Shared by every board

no-data = داده‌ای موجود نیست
list-separator = {"، "}
status-executed = اجراشده
status-in-progress = در حال اجرا
status-not-started = آغازنشده
status-blocked = دچار مشکل
status-awaiting-report = در انتظار گزارش
status-no-report = گزارشی نرسیده
planned = برنامه‌ای
actual = واقعی
range-at-least = { $from } و بیشتر
range-from-below = { $from } تا کمتر از { $below }
range-below = کمتر از { $below }
quarter = { $quarter ->
    [1] سه‌ماهه اول
    [2] سه‌ماهه دوم
    [3] سه‌ماهه سوم
    [4] سه‌ماهه چهارم
   *[other] سه‌ماهه نامعلوم
}
# Under a column of a chart, where a quarter's full name does not fit: "سه‌ماهه ۲".
quarter-short = { $quarter ->
   *[other] سه‌ماهه { $num }
}
count-days = { $count ->
   *[other] { $num } روز
}

## Amounts and currencies

amount-thousands = { $num } هزار
amount-millions = { $num } میلیون
amount-billions = { $num } میلیارد
amount-with-currency = { $amount } { $currency }
amount-unit-with-currency = { $unit } { $currency }
currency-ils = شِکِل
currency-usd = دلار آمریکا
currency-jod = دینار اردن
currency-eur = یورو
currency-sar = ریال سعودی
currency-omr = ریال عمان
currency-irr = ریال

## Calendars

month-gregorian = { $month ->
    [1] ژانویه
    [2] فوریه
    [3] مارس
    [4] آوریل
    [5] مه
    [6] ژوئن
    [7] ژوئیه
    [8] اوت
    [9] سپتامبر
    [10] اکتبر
    [11] نوامبر
   *[12] دسامبر
}
month-hijri = { $month ->
    [1] محرم
    [2] صفر
    [3] ربیع‌الاول
    [4] ربیع‌الثانی
    [5] جمادی‌الاول
    [6] جمادی‌الثانی
    [7] رجب
    [8] شعبان
    [9] رمضان
    [10] شوال
    [11] ذی‌القعده
   *[12] ذی‌الحجه
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
# A lunar Hijri year is marked ق (قمری) in Persian.
date-long-hijri = { $day } { $month } { $year } ق
period-months = { $first }–{ $last }
period-whole-year = کل سال

## The wall around the boards

board-title-decision-execution = پیگیری اجرای مصوبات هیئت وزیران
board-title-centers = رتبه‌بندی دستگاه‌های اجرایی بر پایه درصد اجرا
board-title-overdue = مصوبات گذشته از مهلت اجرا
board-title-budget = عملکرد بودجه
board-title-kpi = شاخص‌های عملکرد و خروجی‌ها
board-title-committees = کمیته‌های دولتی
board-title-projects = پیگیری پروژه‌ها
board-title-reporting = نظم گزارش‌دهی دستگاه‌های اجرایی
board-title-classification = اجرای مصوبات بر حسب طبقه‌بندی
board-title-trends = روندها در طول سال
board-title-complaints = شکایت‌های دولتی
board-title-legislation = برنامه قانون‌گذاری
wall-subtitle = دبیرخانه هیئت وزیران — پایش عملکرد دولت
wall-waiting-for-data = در انتظار داده‌ها…
wall-board-failed = نمایش این صفحه ممکن نشد
wall-source-demo = منبع: داده‌های نمایشی (گزارش عملکرد سالانه { $year })
wall-source-live = منبع: گردآورنده راصد — دبیرخانه هیئت وزیران
wall-source-offline = ارتباط با گردآورنده از { $since } برقرار نیست — آخرین داده‌های ذخیره‌شده نمایش داده می‌شود
wall-data-as-of = داده‌ها تا { $date }
wall-no-data-yet = هنوز داده‌ای نرسیده
filter-prompt = نام یا کد دستگاه را بنویسید…
filter-title = فیلتر بر پایه دستگاه: { $query }
filter-no-match = دستگاهی با این نوشته یافت نشد
help-title = کلیدهای اپراتور
help-space = فاصله: توقف یا ادامه چرخش صفحه‌ها
help-next = پیکان چپ یا Page Down: صفحه بعد
help-previous = پیکان راست یا Page Up: صفحه قبل
help-digits = 1 تا 9: رفتن به یک صفحه
help-filter = F یا /: فیلتر صفحه بر پایه دستگاه (نام را بنویسید، سپس Enter)
help-escape = Esc: بازگشت به چرخش بدون فیلتر
help-help = H یا F1: نمایش یا پنهان کردن این راهنما
help-story = D یا #: رفتن به سرگذشت یک مصوبه (شماره‌اش را بنویسید و Enter)


## Troubles: the operator line and a board that cannot be shown. The detail (what the network
## or the configuration's checker said, a path, the collector's own message) comes as it is.

trouble-no-key = این نمایشگر کلید ندارد ({ $file } یافت نشد) و فقط از گردآورنده‌ای می‌خواند که با --public-boards اجرا شده است: rasid-kiosk init --name { $name } را اجرا کنید و سطرهای [[wall]] را که چاپ می‌کند در centers.toml گردآورنده ثبت کنید
trouble-key-unusable = پرونده کلید این نمایشگر { $file } قابل استفاده نیست ({ $detail }): rasid-kiosk init --name { $name } --key { $file } --force را اجرا کنید و سطرهای [[wall]] را که چاپ می‌کند در centers.toml گردآورنده ثبت کنید
trouble-key-unreadable = پرونده کلید این نمایشگر { $file } خوانده نشد ({ $detail })؛ تا خوانده شود، بدون امضا می‌خواند
trouble-refused = گردآورنده درخواست‌های این نمایشگر را نمی‌پذیرد ({ $code }): { $message }
trouble-bad-address = نشانی گردآورنده { $url } معتبر نیست: { $detail }
trouble-unreachable = دسترسی به گردآورنده ممکن نشد: { $detail }
trouble-cut = پاسخ گردآورنده پیش از پایان قطع شد: { $detail }
trouble-answered = گردآورنده با کد { $status } پاسخ داد: { $message }
trouble-unreadable = صفحه‌ای که گردآورنده فرستاد خوانده نشد: { $detail }
trouble-wrong-board = صفحه { $asked } درخواست شد و صفحه { $got } رسید
trouble-config-not-applied = پیکربندی تازه اعمال نشد و پیکربندی پیشین برقرار است: { $problem }{ $more }
trouble-screen-fallback = نخستین نمایشگر، «{ $first }»، نمایش داده می‌شود: { $detail }
trouble-default-look = نمای پیش‌فرض به کار می‌رود: { $detail }

## Board: decision-execution

decisions-status-of-decisions = وضعیت اجرای مصوبات
decisions-status-of-assignments = وضعیت اجرای تکالیف
donut-unit-decisions = { $count ->
   *[other] مصوبه
}
donut-unit-assignments = { $count ->
   *[other] تکلیف
}
decisions-issued = مصوبات صادرشده
decisions-issued-assignments = { $count ->
   *[other] و { $num } تکلیف
}
decisions-executed-share = درصد مصوبات اجراشده
count-decisions-executed = { $count ->
   *[other] { $num } مصوبه اجراشده
}
count-decisions = { $count ->
   *[other] { $num } مصوبه
}
decisions-not-started = اجرا آغاز نشده
decisions-trend = اجرای مصوبات و تکالیف بر پایه ماه صدور
decisions-none-in-period = در این دوره مصوبه‌ای نیست
decisions-no-reports-yet = هنوز گزارشی نرسیده
decisions-routine-excluded = { $count ->
   *[other] بدون احتساب { $num } مصوبه عادی
}
decisions-awaiting-first-report = { $count ->
   *[other] { $num } در انتظار نخستین گزارش
}
decisions-follow-up = اقدامات پیگیری
follow-up-calls = تماس تلفنی
follow-up-messages = پیامک
follow-up-letters = نامه رسمی
follow-up-memos = درخواست توضیح

## Board: centers

centers-weakest-of = { $count ->
   *[other] درصد مصوبات اجراشده: ضعیف‌ترین { $shown } از { $num } دستگاه
}
centers-rate-per-center = درصد مصوبات اجراشده هر دستگاه
centers-heading-center = دستگاه اجرایی
centers-heading-rate = درصد اجراشده از گزارش‌شده‌ها
centers-good-and-weak = { $good-from } و بیشتر: { $good } · زیر { $weak-below }: { $weak }
centers-responsible = دستگاه‌های اجرایی مسئول
centers-best = بیشترین اجرا
centers-weakest = کمترین اجرا
centers-no-reports-yet = هنوز گزارشی نفرستاده‌اند: { $names }

## Board: overdue

overdue-none = { $count ->
   *[other] مصوبه‌ای از مهلت نگذشته — هر { $num } مصوبه در مهلت یا اجراشده‌اند
}
overdue-total = مصوبات و تکالیف گذشته از مهلت
overdue-total-note = اجرانشده و گذشته از مهلت اجرا
overdue-longest = بیشترین تأخیر
overdue-decision-number = مصوبه { $number }
overdue-most-overdue = بیشترین تأخیرها: { $shown } از { $total }
overdue-heading-delay = تأخیر
overdue-heading-number = شماره مصوبه
overdue-heading-date = تاریخ مصوبه
overdue-heading-subject = موضوع
overdue-heading-center = دستگاه مسئول
overdue-heading-status = وضعیت و پیشرفت
overdue-assignment-title = تکلیف: { $title }
overdue-lead-center-and-others = { $center } و دیگران
overdue-severity = شدت تأخیر
overdue-days-from-to = از { $from } تا { $to }

## Board: budget

budget-allocated = اعتبار مصوب
budget-spent = هزینه‌شده
budget-caption-with-unit = { $caption } ({ $unit })
budget-until-end-of = تا پایان { $month } { $year }
budget-other-currencies-left-out = مبالغ به { $currencies } در این ارقام نیست
budget-execution-rate = درصد هزینه از اعتبار مصوب
budget-category-salaries = حقوق و دستمزد
budget-category-operating = هزینه‌های جاری
budget-category-development = هزینه‌های عمرانی
budget-spent-of-allocated = { $spent } از { $allocated }
budget-cumulative = هزینه انباشته در برابر برنامه ({ $currency })
budget-cumulative-actual = هزینه انباشته واقعی
budget-plan-explained = برنامه: اعتبار مصوب به‌طور یکسان میان ماه‌ها
budget-plan = برنامه
budget-by-category = بر پایه نوع هزینه
budget-largest-programs = { $count ->
   *[other] برنامه‌های با بیشترین اعتبار: { $shown } از { $num } برنامه
}
budget-programs = برنامه‌ها
budget-largest-centers = دستگاه‌های با بیشترین اعتبار: { $shown } از { $total }
budget-spent-by-center = هزینه‌شده از اعتبار مصوب به تفکیک دستگاه
budget-allocated-in = اعتبار مصوب ({ $currency })

## Board: kpi

kpi-quarter-of-year = { $quarter } { $year }
kpi-measured = شاخص‌های سنجیده‌شده
kpi-mean-achievement = میانگین تحقق
kpi-mean-achievement-note = عملکرد نسبت به هدف سه‌ماهه
kpi-met = محقق‌شده
kpi-partly-met = نیمه‌محقق
kpi-missed = محقق‌نشده
kpi-note-at-least = { $indicators } · { $from } و بیشتر
kpi-note-from-below = { $indicators } · { $from } تا کمتر از { $below }
kpi-note-below = { $indicators } · کمتر از { $below }
count-indicators = { $count ->
   *[other] { $num } شاخص
}
kpi-weakest = ضعیف‌ترین شاخص‌ها در آخرین سه‌ماهه
kpi-target-and-actual = { $center } · هدف { $target } · عملکرد { $actual }
kpi-by-quarter = تحقق بر پایه سه‌ماهه (تعداد شاخص‌ها)
kpi-legend-met = محقق
kpi-legend-partly-met = نیمه‌محقق
kpi-legend-missed = محقق‌نشده
kpi-cost = قیمت تمام‌شده: برنامه‌ای و واقعی
kpi-cost-no-data = داده‌ای از قیمت تمام‌شده موجود نیست
kpi-cost-indicators = در { $indicators } دارای قیمت تمام‌شده
kpi-cost-overruns = بیشترین فزونی بر قیمت تمام‌شده برنامه‌ای
kpi-cost-above-plan = { $pct } بیش از برنامه
kpi-cost-below-plan = { $pct } کمتر از برنامه
kpi-cost-as-planned = برابر برنامه
kpi-target-and-actual-first = { $center } · هدف { $target } (پیش‌تر { $first }) · عملکرد { $actual }
# Moved goalposts: targets lowered and due dates pushed back after they were first reported.
goalposts-lowered-title = هدف‌هایی که پس از اعلام کاهش یافت: { $num } · و تحقق نسبت به هدف نخست
goalposts-quarter-target-cut = هدف { $quarter } از { $first } به { $now }
goalposts-annual-target-cut = هدف سالانه از { $first } به { $now }
goalposts-lowered-detail = { $center } · { $cut } · در { $date }
goalposts-moved-title = مهلت‌هایی که پس از تعیین عقب رفت: { $num }، که { $hidden } مورد تنها با مهلت نخست دیرکرد دارند
goalposts-due-moved = از { $first } به { $now }
goalposts-due-removed = { $first } بود و مهلت حذف شد
goalposts-moved-detail = { $dates } · با تغییر { $by } در { $date }
goalposts-moved-detail-after-due = { $dates } · با تغییر { $by } در { $date } پس از گذشت مهلت نخست
goalposts-heading-late-by-first = تأخیر از مهلت نخست
goalposts-heading-decision = مصوبه، دو مهلت آن، و اینکه چه کسی و کی مهلت را تغییر داد
# Trends through the year (the trends board and the centers board's sparklines).
centers-heading-trend = ماهانه در { $year }
trends-rate-at = نرخ اجرای مصوبات در پایان { $month }
trends-rate-on = نرخ اجرای مصوبات در { $date }
trends-rate-note = { $executed } اجراشده از { $analysed } گزارش‌شده
trends-spending-at = نرخ هزینه تا پایان { $month }
trends-spending-previous = سال پیش در همین ماه: { $pct }
trends-spending-no-previous = داده‌ای از سال پیش نیست
trends-execution-title = سهم مصوبات اجراشده در پایان هر ماه از { $year }
trends-executed-share = سهم اجراشده
trends-spending-title = هزینه انباشته از اعتبار سالانه
# The complaints board.
complaints-received = شکایت‌های دریافتی
complaints-received-note = از سامانه رایانه‌ای در { $year }
complaints-referred = ارجاع به دستگاه‌های صلاحیت‌دار
complaints-referred-note = در آنجا بر پایه صلاحیت پیگیری می‌شود
complaints-handled = پیگیری‌شده در خود واحد
complaints-handled-note = { $accepted } پذیرفته و { $rejected } رد شد
complaints-rate = نرخ رسیدگی
complaints-rate-note = { $processed } از { $accepted } پذیرفته رسیدگی شد
complaints-pending = پذیرفته در حال رسیدگی
complaints-stuck-note = { $stuck } مورد معوق پس از مهلت مجاز
complaints-by-quarter = شکایت‌ها بر پایه سه‌ماهه
complaints-legend-referred = ارجاع‌شده
complaints-legend-rejected = ردشده
complaints-legend-processed = پذیرفته و رسیدگی‌شده
complaints-legend-pending = پذیرفته در حال رسیدگی
complaints-by-center = نرخ رسیدگی هر دستگاه، ضعیف‌ترین نخست
complaints-center-line = { $center } ({ $stuck } معوق)
complaints-none-accepted = بدون پذیرفته

## Board: committees

committees-during-year = در سال { $year }
committees-during-year-of = در { $year }، از { $committees } کمیته فعال در آن سال
committees-formed = کمیته‌های تشکیل‌شده
committees-active = کمیته‌های فعال
committees-active-note = همچنان به کار خود ادامه می‌دهند
committees-finished = کمیته‌های پایان‌یافته
committees-finished-note = مأموریت خود را به انجام رسانده‌اند
committees-approved-of-submitted = { $count ->
   *[other] { $num } پیشنهاد از { $submitted }
}
committees-approval-rate = درصد تصویب پیشنهادها
committees-path = از جلسه تا مصوبه هیئت وزیران
committees-meetings = جلسات
committees-minutes = صورتجلسه‌ها
committees-minutes-to-cabinet = صورتجلسه‌های فرستاده به هیئت وزیران
committees-recommendations-submitted = پیشنهادهای فرستاده به هیئت
committees-recommendations-approved = پیشنهادهای تصویب‌شده هیئت
committees-busiest = کمیته‌های با بیشترین جلسه
committees-heading-committee = کمیته
committees-heading-meetings = تعداد جلسات
committees-heading-submitted = پیشنهادهای فرستاده
committees-heading-approved = پیشنهادهای مصوب
committees-heading-status = وضعیت
committee-status-active = فعال
committee-status-finished = پایان‌یافته

## Board: projects

project-status-on-track = طبق برنامه
project-status-delayed = با تأخیر
project-status-stalled = متوقف
project-status-completed = تکمیل‌شده
project-status-cancelled = لغوشده
projects-most-delayed = بیشترین عقب‌ماندگی از برنامه
projects-spending-ahead = هزینه جلوتر از پیشرفت واقعی
projects-followed = پروژه‌های پیگیری‌شده
projects-cost = با هزینه { $amount } { $currency }
projects-on-track-or-done = طبق برنامه یا تکمیل‌شده
projects-of-which-done = از جمله { $num } تکمیل‌شده
projects-late-or-stalled = با تأخیر یا متوقف
projects-stalled = { $num } متوقف
projects-donor-funded = با تأمین مالی اهداکنندگان
projects-donor-funded-note = از هزینه پروژه‌ها
projects-by-status = پروژه‌ها بر پایه وضعیت
donut-unit-projects = { $count ->
   *[other] پروژه
}
projects-without-report = { $num } هنوز بدون گزارش
projects-by-sector = پیشرفت برنامه‌ای و واقعی بر پایه بخش
projects-funding = منابع تأمین مالی
projects-public-treasury = خزانه عمومی
projects-none-in-class = پروژه‌ای در این دسته نیست
projects-row-detail = { $center } · { $sector } · { $status }
projects-months-late = { $count ->
   *[other] تأخیر احتمالی { $num } ماه
}
projects-on-time = در موعد
projects-no-progress-yet = هنوز پیشرفتی نیست
count-points = { $count ->
   *[other] { $num } واحد درصد
}
projects-spent = { $pct } هزینه‌شده
projects-and-done = و { $pct } انجام‌شده

## Board: reporting

reporting-monthly-budget = بودجه { $month } { $year }
reporting-four-month-budget = بودجه { $first }–{ $last } { $year }
reporting-yearly-budget = بودجه سالانه { $year }
reporting-quarterly-kpi = شاخص‌های { $quarter } { $year }
reporting-received-of-owed = { $received } از { $owed }
reporting-fell-due = سررسید { $date }
reporting-never-reported = از جمله { $num } بدون هیچ گزارشی
reporting-late-note = برای گزارشی که موعدش رسیده
reporting-late-centers = دستگاه‌های با تأخیر
reporting-more-centers = { $count ->
   *[other] و { $num } دستگاه دیگر
}
reporting-last-report = آخرین گزارش { $date }
reporting-no-report-yet = هنوز هیچ گزارشی نفرستاده
reporting-last-heard = { $last } · آخرین تماس { $date }
reporting-late-with = با تأخیر: { $reports }
reporting-budget-of = بودجه { $month }
reporting-kpi-of = شاخص‌های { $quarter }
reporting-received = رسیده: { $reports }
reporting-none-late = گزارش عقب‌افتاده‌ای نیست

## Board: classification

# The board's selector $by is the field the operator chose: sector, program, level or type.
classification-by-sector = بخش
classification-by-program = برنامه دولت
classification-by-level = سطح اداری
classification-by-type = نوع مصوبه
classification-rates = { $by ->
    [program] نرخ اجرا بر حسب برنامه دولت، ضعیف‌ترین نخست
    [level] نرخ اجرا بر حسب سطح اداری، ضعیف‌ترین نخست
    [type] نرخ اجرا بر حسب نوع مصوبه، ضعیف‌ترین نخست
   *[sector] نرخ اجرا بر حسب بخش، ضعیف‌ترین نخست
}
# When not all classes fit: "the weakest 12 of 15".
classification-weakest-of = { $by ->
    [program] نرخ اجرا بر حسب برنامه دولت: { $shown } ضعیف‌ترین از { $num }
    [level] نرخ اجرا بر حسب سطح اداری: { $shown } ضعیف‌ترین از { $num }
    [type] نرخ اجرا بر حسب نوع مصوبه: { $shown } ضعیف‌ترین از { $num }
   *[sector] نرخ اجرا بر حسب بخش: { $shown } ضعیف‌ترین از { $num }
}
classification-heading-split = مصوبات گزارش‌شده بر حسب وضعیت
classification-heading-rate = نرخ اجراشده
classification-unclassified = طبقه‌بندی‌نشده
classification-classes = { $by ->
    [program] برنامه‌های دولت
    [level] سطوح اداری
    [type] انواع مصوبه
   *[sector] بخش‌ها
}
classification-counted = مصوبات و تکالیف غیرعادی: { $num }
classification-without = { $by ->
    [program] مصوبات بی برنامه دولت
    [level] مصوبات بی سطح اداری
    [type] مصوبات بی نوع
   *[sector] مصوبات بی بخش
}
classification-unclassified-share = { $pct } از مصوبات شمرده‌شده
classification-how-counted = چگونه شمرده می‌شود
classification-one-per-decision = هر مصوبه یک بار در طبقه خود شمرده می‌شود، هرچند چند دستگاه مسئول آن باشند: اجراشده وقتی همه اجرا کرده باشند

## Decision story: one decision, opened by its number (D or #) or from the overdue board
story-title = سرگذشت یک مصوبه
story-prompt = شماره مصوبه را بنویسید، مانند 18/212/02
story-box-title = رفتن به مصوبه: { $query }
story-box-hint = Enter برای نمایش، Esc برای لغو
story-not-a-number = «{ $query }» شماره مصوبه نیست؛ آن را دولت/جلسه/بند بنویسید، مانند 18/212/02
story-not-found = مصوبه‌ای با شماره { $number } در گردآورنده نیست
story-loading = در حال دریافت مصوبه { $number }…
story-open = نمایش سرگذشت مصوبه { $number }
story-kind-decision = مصوبه
story-kind-assignment = تکلیف
story-number = { $kind } شماره { $number }
story-status-progress = { $status } · { $progress }
story-due = موعد اجرا: { $date }
story-no-due = بدون موعد اجرا
story-overdue = { $days } تأخیر
story-not-overdue = بدون تأخیر
story-session = جلسه { $session } در { $date }
story-session-undated = جلسه { $session }
story-issued = صادرشده در { $date }
story-routine = روزمره
story-sector = بخش: { $value }
story-program = برنامه: { $value }
story-level = سطح: { $value }
story-type = نوع: { $value }
story-centers = دستگاه‌های مسئول و گزارش‌هایشان در طول زمان
story-no-centers = دستگاه مسئولی ندارد
story-lead-center = { $center } (دستگاه اصلی)
story-no-report = هنوز گزارشی نرسیده
story-earlier = و { $count } گزارش پیشین
story-follow-ups = اقدامات پیگیری
story-no-follow-ups = اقدام پیگیری ثبت نشده
story-follow-up = { $date }: { $kind } — { $center }
story-more = و { $count } مورد دیگر
story-links = مصوبه‌های مشابه پیوندخورده
story-no-links = مصوبه پیوندخورده‌ای ندارد
story-link-unknown = این مصوبه به گردآورنده نرسیده است

# The legislation board.
legislation-plan-rate = درصد انجام برنامه
legislation-plan-rate-note = { $done } از { $items } مورد برنامه انجام شده
legislation-laws-done = ارسال به رئیس جمهور
legislation-regulations-done = آیین‌نامه تصویب‌شده
legislation-strategies-done = راهبرد تصویب‌شده
legislation-in-progress-note = و { $open } در دست اقدام
legislation-outside-plan = افزوده خارج از برنامه
legislation-outside-plan-note = { $done } مورد انجام شده
legislation-memoranda = یادداشت حقوقی
legislation-memoranda-note = برای هیئت وزیران تهیه شده
legislation-open-by-stage = موارد انجام‌نشده بر حسب مرحله
legislation-stage-drafting = در دست تهیه پیش‌نویس
legislation-stage-consultation = در نظرخواهی از دستگاه‌ها
legislation-stage-readings = در بررسی هیئت وزیران
legislation-stage-approved = تصویب‌شده، در انتظار ارسال
legislation-stage-forwarded = ارسال‌شده به رئیس جمهور
legislation-type-law = قانون
legislation-type-regulation = آیین‌نامه
legislation-type-strategy = راهبرد
legislation-late = عقب‌تر از موعد برنامه ({ $num })
legislation-none-late = هیچ موردی از موعد عقب نیست
legislation-late-by = { $count ->
   *[other] { $num } سه‌ماهه تأخیر
}
legislation-done-this-quarter = انجام‌شده در { $quarter ->
   *[other] سه‌ماهه { $num }
}
legislation-none-done = در این سه‌ماهه هنوز موردی انجام نشده
legislation-more = { $count ->
   *[other] و { $num } مورد دیگر
}
