# فرمان‌های عامل به فارسی: آنچه `rasid-agent` برای کاربر چاپ می‌کند. خروجی `--json` اینجا نیست:
# انگلیسی و پایدار می‌ماند. نام فرمان‌ها و گزینه‌ها (`--data`، `import`…) و مقدارهایی که همان‌طور
# نوشته می‌شوند (`budget`، `utf-8`) با حروف لاتین می‌مانند. در فارسی اسم پس از عدد مفرد است.

agent-language-name = فارسی

## راهنما (--help): واژه‌های خود clap

help-usage = کاربرد
help-commands = فرمان‌ها
help-arguments = ورودی‌ها
help-options = گزینه‌ها
help-env = متغیر محیطی { $name }
help-default = پیش‌فرض { $value }
help-flag-help = همین راهنما را نشان می‌دهد
help-flag-version = شمارهٔ نسخه را نشان می‌دهد
help-cmd-help = همین راهنما یا راهنمای فرمان نام‌برده را نشان می‌دهد
help-arg-help-subcommand = فرمانی که راهنمایش نشان داده می‌شود

## راهنما (--help): فرمان‌ها و گزینه‌های عامل

help-about = عامل راصد: گزارش‌های دستگاه را وارد، نگهداری و به گردآورنده ارسال می‌کند؛ یا خود گردآورنده را اجرا می‌کند
help-arg-data = پوشهٔ داده‌های عامل (تنظیمات، کلید و انباره)
help-arg-json = نتیجه‌ها را برای برنامه‌ها به صورت JSON چاپ می‌کند
help-arg-lang = زبان آنچه چاپ می‌شود: ar یا fa یا en (وگرنه متغیر RASID_LANG، سپس کلید `language` در rasid-agent.toml، سپس زبان سیستم، سپس انگلیسی)؛ در فرمان `template` زبان الگو نیز همین است
help-cmd-init = تنظیمات و یک جفت کلید می‌سازد و کلید عمومی را برای ثبت نزد گردآورنده چاپ می‌کند
help-arg-init-center = کد این دستگاه، همان‌گونه که نزد گردآورنده ثبت شده است (مانند MOH)
help-arg-init-upstream = نشانی گردآورنده، مانند https://collector.example:8443
help-arg-init-force = تنظیمات و کلید موجود را جایگزین می‌کند (کلید قبلی دیگر کار نمی‌کند)
help-cmd-import = پرونده‌ها را وارد می‌کند (.xlsx، .xlsm، .xls، .ods، .csv، .txt، .json): هر پرونده یا کامل ذخیره می‌شود یا هیچ
help-arg-import-files = پرونده‌هایی که وارد می‌شوند، یا پوشه‌هایی که پرونده‌هایشان وارد می‌شود (بدون زیرپوشه‌ها). پرونده‌ها به ترتیب وابستگی وارد می‌شوند (نخست جلسه‌ها، مصوبه‌ها و پروژه‌ها)
help-arg-import-kind = نوع رکورد ردیف‌هایی که ستون `record` (یا `kind`) ندارند؛ بر نام برگه و نام پرونده مقدم است. یکی از: decision-status (وضعیت مصوبه)، budget (بودجه)، kpi (شاخص)، committee (کمیته)، project (پروژه)، project-progress (پیشرفت پروژه‌ها)، decision (مصوبه)، session (جلسه)، complaints (شکایت‌ها)، legislation (برنامه قانون‌گذاری)، legal-memoranda (یادداشت‌های حقوقی)
help-arg-import-encoding = رمزگذاری متن پرونده‌های CSV: utf-8 یا windows-1256 (اگر گفته نشود، خودکار تشخیص داده می‌شود)
help-arg-import-calendar = تقویم تاریخ‌های بی‌نشانه: gregorian (میلادی) یا hijri (هجری قمری) یا solar-hijri (هجری شمسی)
help-arg-import-as-of = تاریخ داده برای ردیف‌هایی که تاریخ ندارند (پیش‌فرض: امروز)، به شکل 2023-06-30
help-arg-import-annotate = برای هر صفحه‌گسترده یا پروندهٔ CSV ردشده، DIR/<نام پرونده بدون پسوند>.errors.xlsx را می‌نویسد: خانه‌های آن، هر خانهٔ نادرست به رنگ قرمز با یادداشتی از مشکلش، پس از برگه‌ای که مشکلات را فهرست می‌کند
help-cmd-status = آنچه ذخیره شده، آنچه در انتظار ارسال است، آخرین ارسال و دریافت، و آخرین خطا
help-cmd-push = هر آنچه در انتظار ارسال است را همین حالا به گردآورنده می‌فرستد
help-cmd-decisions = مصوبه‌ها و تکلیف‌های سپرده به این دستگاه (برای کار بدون اتصال نگهداری می‌شوند)
help-arg-decisions-open = فقط آن‌هایی که هنوز اجرا نشده‌اند
help-arg-decisions-offline = بدون تماس با گردآورنده؛ فهرست را همان‌گونه که آخرین بار دریافت شد نشان می‌دهد
help-cmd-update = وضعیت یک مصوبه را دستی گزارش می‌کند، مانند `update 18/212/02 --status in-progress --progress 40`
help-arg-update-number = شمارهٔ مصوبه، مانند 18/212/02
help-arg-update-status = not-started یا in-progress یا executed یا blocked (واژه‌های عربی هم پذیرفته می‌شوند)
help-arg-update-progress = درصد پیشرفت، از 0 تا 100
help-arg-update-note = یادداشتی دربارهٔ اجرای مصوبه که با وضعیتش فرستاده می‌شود
help-arg-update-follow-up = اقدام پیگیری انجام‌شده در امروز را ثبت می‌کند: call (تماس) یا letter (نامه) یا message (پیام) یا memo (یادداشت)؛ تکرارپذیر
help-cmd-rejected = رکوردهایی که گردآورنده رد کرده، با دلیل‌هایشان
help-cmd-run = در پس‌زمینه کار می‌کند: پرونده‌های گذاشته‌شده در صندوق ورودی را وارد می‌کند، ارسال می‌کند و تکلیف‌ها را دریافت می‌کند؛ با SIGTERM یا Ctrl-C می‌ایستد
help-cmd-doctor = انباره را بررسی می‌کند؛ انبارهٔ آسیب‌دیده کنار گذاشته و انباره‌ای خالی جایش ساخته می‌شود
help-cmd-template = صفحه‌گسترده‌ای برای پر کردن کارمند می‌نویسد که از پیش با دانسته‌های عامل پر شده است: decision-status یا budget یا kpi یا project-progress. پس از پر شدن در صندوق ورودی گذاشته (یا وارد) می‌شود و گزینه‌ای نمی‌خواهد. زبانش کلید `language` در rasid-agent.toml است (وگرنه عربی)، یا --lang
help-arg-template-kind = decision-status (وضعیت مصوبه‌ها) یا budget (بودجه) یا kpi (شاخص‌ها) یا project-progress (پیشرفت پروژه‌ها)
help-arg-template-period = بودجه: یک ماه (2026-11)؛ شاخص‌ها: یک فصل (2026-Q3)؛ پیشرفت پروژه‌ها: روز پایان دوره (2026-12-31). پیش‌فرض: همین ماه، همین فصل، امروز
help-arg-template-out = جای نوشتن (پیش‌فرض: KIND-PERIOD.xlsx در پوشهٔ کنونی)
help-cmd-demo-data = دادهٔ نمایشی (سال 2023 دبیرخانه، چنان‌که گزارش سالانه‌اش روایت می‌کند) را به صورت پرونده می‌نویسد
help-arg-demo-data-out = پوشه‌ای که پرونده‌ها در آن نوشته می‌شوند
help-cmd-check-config = یک پروندهٔ تنظیمات (rasid-agent.toml یا centers.toml) را بررسی می‌کند و هر مشکل را با سطر و کلیدش چاپ می‌کند؛ اگر سالم باشد با کد 0، با مشکل 1، و برای boards.toml با 2 پایان می‌یابد (آن را `rasid-kiosk --check-config` بررسی می‌کند)
help-arg-check-config-file = پروندهٔ تنظیماتی که بررسی می‌شود
help-cmd-serve = گردآورنده را اجرا می‌کند: دسته‌ها را دریافت، وارسی و ذخیره می‌کند و تابلوها را به نمایشگرها می‌دهد
help-arg-serve-listen = نشانی و درگاهی که به آن گوش می‌دهد
help-arg-serve-centers = فهرست دستگاه‌ها و کلیدهایشان (با SIGHUP و هنگام تغییر دوباره خوانده می‌شود)
help-arg-serve-tls-cert = زنجیرهٔ گواهی PEM برای HTTPS (همراه با --tls-key)
help-arg-serve-tls-key = کلید خصوصی PEM برای HTTPS (همراه با --tls-cert)
help-arg-serve-boards = پروندهٔ boards.toml که در /v1/screens/{"{"}name{"}"}/config به نمایشگرها داده می‌شود
help-arg-serve-upstream = رکوردهای پذیرفته را به این گردآورندهٔ بالادست می‌فرستد (همراه با --upstream-key و --relay-center)
help-arg-serve-upstream-key = پروندهٔ کلید سری که این گردآورنده دسته‌های بازفرستاده را با آن امضا می‌کند
help-arg-serve-relay-center = کد این گردآورنده به عنوان دستگاه نزد گردآورندهٔ بالادست
help-arg-serve-today = تاریخ تابلوها را روی این روز ثابت می‌کند (YYYY-MM-DD)، برای نمایش
help-arg-serve-request-timeout-secs = بیشترین زمان پاسخ به یک درخواست، به ثانیه (از 1 تا 3600)
help-arg-serve-public-boards = تابلوها، پخش زنده و تنظیمات نمایشگرها را بی‌امضا به هر کسی می‌دهد (نمایش در شبکه‌ای مطمئن). بدون آن فقط نمایشگرهای ثبت‌شده در centers.toml ([[wall]]) می‌خوانند

## خطاهای خود عامل

error-line = خطا: { $error }
error-not-set-up = پروندهٔ { $file } وجود ندارد: هیچ عاملی در { $data } راه‌اندازی نشده است. نخست در آنجا `rasid-agent init --center CODE --upstream URL` را اجرا کنید، یا پوشهٔ عامل را با --data نام ببرید
error-reading = خواندن { $file } ممکن نشد
error-writing = نوشتن { $file } ممکن نشد
error-creating = ساختن { $folder } ممکن نشد
error-store-newer = انبارهٔ داده‌ها در { $store } را نسخه‌ای تازه‌تر از راصد نوشته است (قالب انباره { $found }؛ این نسخه قالب‌ها را تا { $known } می‌خواند). آن نسخه یا نسخه‌ای تازه‌تر را دوباره نصب کنید و روی همین پوشه اجرا کنید؛ انباره همان‌گونه ماند.
error-store-in-use = انبارهٔ داده‌ها در { $store } را اکنون یک rasid-agent دیگر روی این رایانه به کار می‌برد (اغلب سرویسی که `rasid-agent run` را روی این پوشه اجرا می‌کند) و هر بار تنها یک برنامه می‌تواند آن را باز کند. صبر کنید تا فرمان دیگر تمام شود، یا از واحد فناوری اطلاعات بخواهید سرویس را متوقف کند، سپس دوباره تلاش کنید؛ چیزی تغییر نکرد.

## init

init-exists = پروندهٔ { $file } از پیش هست: این عامل راه‌اندازی شده است. برای شروع دوباره با کلید تازه --force را به کار ببرید (کلید تازه باید دوباره ثبت شود)
init-done = عامل دستگاه { $center } در { $data } راه‌اندازی شد.
init-register = این کلید عمومی را برای { $center } در پروندهٔ centers.toml گردآورنده ثبت کنید:

## import (سطر پروندهٔ ذخیره‌شده و پروندهٔ ردشده در import.ftl است)

import-no-files = دست‌کم یک پرونده برای ورود نام ببرید
import-empty-folder = این پوشه پرونده‌ای برای ورود ندارد
import-bad-kind = --kind '{ $value }' نوع رکورد نیست؛ یکی از این‌ها را به کار ببرید: { $words }
import-bad-calendar = --calendar '{ $value }' تقویم نیست؛ gregorian یا hijri یا solar-hijri را به کار ببرید
import-bad-as-of = --as-of '{ $value }' تاریخ نیست؛ آن را به شکل 2023-06-30 بنویسید
import-annotate-folder = --annotate { $folder }: ساختن پوشه ممکن نشد
import-storing = { $file }: در حال ذخیره
import-store-failed = { $file }: ذخیره ممکن نشد؛ چیزی از این پرونده ذخیره نشد

progress-rows = ردیف
progress-so-far = { $label }: تا اینجا { $num } { $unit }

## status

status-center = دستگاه
status-upstream = گردآورنده
status-records = رکوردها
status-outbox = در انتظار ارسال
status-rejected = ردشده
status-last-push = آخرین ارسال
status-last-pull = آخرین دریافت
status-last-error = آخرین خطا
status-waiting = { $waiting }
status-waiting-in-flight = { $waiting } (دستهٔ { $batch } در حال ارسال)
status-never = هنوز نه
status-no-error = هیچ

## push

push-unreachable = گردآورنده در { $upstream } در دسترس نیست؛ { $count ->
   *[other] { $num } رکورد در انتظار است
} و هر وقت ممکن شود فرستاده می‌شود
push-progress = در حال ارسال: { $sent } از { $total } رکورد فرستاده شد، { $left } مانده
push-new-epoch = گردآورنده برخی از شماره‌های دستهٔ این انباره را برای رکوردهای دیگری داشت (انباره از نو ساخته یا از نسخه‌ای بازگردانده شده است)؛ اکنون دسته‌هایش در دوره‌ای تازه، { $epoch }، شماره‌گذاری و دوباره فرستاده شدند
push-nothing = چیزی برای ارسال نیست: چیزی در انتظار نیست
push-done = { $batches } دسته فرستاده شد: { $accepted } پذیرفته، { $duplicates } از پیش موجود، { $rejected } ردشده
push-done-see-rejected = { $batches } دسته فرستاده شد: { $accepted } پذیرفته، { $duplicates } از پیش موجود، { $rejected } ردشده (`rasid-agent rejected` را ببینید)
push-stays = { $waiting } رکورد در انتظار می‌ماند و در ارسال بعدی فرستاده می‌شود

## decisions و update

decisions-not-refreshed = به‌روزرسانی از گردآورنده ممکن نشد ({ $error })؛ فهرست همان‌گونه که آخرین بار دریافت شد نشان داده می‌شود
decisions-none-yet = هنوز فهرستی از مصوبه‌های سپرده نیست: به گردآورنده وصل شوید و یک بار `rasid-agent decisions` را اجرا کنید
decisions-heading = { $count ->
   *[other] { $num } مصوبه
} سپرده به { $center } (فهرست { $generated }):
decisions-no-report = بی‌گزارش
decisions-due = سررسید { $date }
execution-not-started = آغازنشده
execution-in-progress = در حال اجرا
execution-executed = اجراشده
execution-blocked = متوقف
update-not-assigned = مصوبهٔ { $decision } در میان مصوبه‌های سپرده به { $center } (چنان‌که آخرین بار دریافت شد) نیست؛ شماره را بررسی کنید، یا برای به‌روزرسانی فهرست `rasid-agent decisions` را اجرا کنید
update-bad-status = --status '{ $value }' وضعیت نیست؛ یکی از این‌ها را به کار ببرید: { $words }
update-no-status = هنوز وضعیتی برای { $decision } گزارش نشده است: --status را بدهید
update-bad-follow-up = --follow-up '{ $value }' اقدام پیگیری نیست؛ call یا letter یا message یا memo را به کار ببرید
update-recorded = { $decision }: «{ $status }» با { $progress }% ثبت شد؛ در ارسال بعدی فرستاده می‌شود
update-unchanged = { $decision }: تغییری نکرد، چیزی برای ارسال نیست

## rejected: چارچوب، و هشت دلیل گردآورنده (agent/src/rejection.rs)

rejected-none = رکورد ردشده‌ای نیست
rejected-heading = { $count ->
   *[other] { $num } رکورد
} را گردآورنده رد کرد؛ آن‌ها را در پروندهٔ اصلی درست کنید و دوباره وارد کنید:
rejected-line = { $key } (نسخهٔ { $revision }): { $reason }
rejected-invalid = رکورد معتبر نیست: { $detail }
rejected-outside-center = { $center } نمی‌تواند برای { $other } گزارش دهد: دسته‌ای که { $center } امضا می‌کند فقط رکوردهای { $center } و دستگاه‌هایی را که از راه آن گزارش می‌دهند دارد
rejected-secretariat-only = رکوردهای «{ $kind }» را فقط دبیرخانه ({ $secretariat }) گزارش می‌دهد، نه { $center }
rejected-unknown-decision = مصوبهٔ { $decision } برای گردآورنده شناخته نیست؛ شماره را بررسی کنید
rejected-not-assigned = مصوبهٔ { $decision } به { $center } سپرده نشده است
rejected-not-executing-center = پروژهٔ { $project } را { $owner } اجرا می‌کند؛ فقط { $owner } دربارهٔ آن گزارش می‌دهد، نه { $center }
rejected-unknown-project = پروژهٔ { $project } برای گردآورنده شناخته نیست؛ نخست رکورد پروژه را بفرستید، یا کد را بررسی کنید
rejected-future-date = تاریخ رکورد پس از امروزِ گردآورنده، { $today }، است: { $detail }

## doctor

doctor-ok = انباره سالم است: { $records } رکورد، { $waiting } در انتظار ارسال
doctor-unreadable = { $count ->
   *[other] { $num } مدخل خواندنی نیست:
}
doctor-disk-full = انباره همان‌گونه ماند: پر شدن دیسک به آن آسیب نمی‌زند. کمی فضا روی آن دیسک آزاد کنید (یا سهمیه یا سقف را بالا ببرید)، سپس دوباره `rasid-agent doctor` را اجرا کنید.
doctor-set-aside-failed = کنار گذاشتن انبارهٔ آسیب‌دیده به نام { $aside } نیز ممکن نشد
doctor-set-aside = انبارهٔ آسیب‌دیده به { $aside } منتقل و انباره‌ای تازه و خالی ساخته شد.
doctor-import-again = پرونده‌های اصلی خود را دوباره وارد کنید (`rasid-agent import …`): گردآورنده رکوردهای فرستاده‌شده را می‌شناسد و دو بار نمی‌شمارد.
doctor-left = انباره همان‌گونه ماند: نشانه‌ای از آسیب در آن نیست.

## template و demo-data

template-unknown-kind = الگویی برای '{ $kind }' نیست؛ decision-status یا budget یا kpi یا project-progress بنویسید
template-wrote = { $file } نوشته شد ({ $kind }، { $period })
demo-wrote = { $records } رکورد در { $files } پرونده زیر { $folder } نوشته شد

## check-config

check-config-unknown = معلوم نیست { $file } کدام پروندهٔ تنظیمات است: نامش را rasid-agent.toml یا centers.toml یا boards.toml بگذارید، یا کلیدهای یکی از آن‌ها را در آن بنویسید (docs/AGENT.md، docs/COLLECTOR.md، docs/KIOSK.md)
check-config-boards = { $file } یک boards.toml است (تنظیمات نمایشگر)؛ عامل آن را بررسی نمی‌کند: `rasid-kiosk --check-config { $file }` را اجرا کنید
check-config-ok = { $file }: پروندهٔ { $kind } سالم است: { $summary }
check-config-agent = دستگاه { $center }، گردآورنده { $upstream }، صندوق ورودی { $folder }، دریافت هر { $pull } ثانیه، دسته‌ها حداکثر { $batch } رکورد، رها کردن درخواست پس از { $timeout } ثانیه، فاصلهٔ تلاش‌ها حداکثر { $backoff } ثانیه
check-config-centers = { $centers } دستگاه، { $keys } کلید عامل، دبیرخانه { $secretariat }، نمایشگرهای ثبت‌شده: { $walls }
check-config-problems = { $file }: { $count ->
   *[other] { $num } مشکل
} در این پروندهٔ { $kind }

## مشکلات rasid-agent.toml (خطاهای نگارش پرونده و کلیدهای ناشناخته به زبان خوانندهٔ TOML است)

config-problem-at-line = { $file }: سطر { $line }، { $key }: { $message }
config-problem = { $file }: { $key }: { $message }
config-out-of-range = { $value } بیرون از بازهٔ مجاز است؛ از { $low } تا { $high } را به کار ببرید (پیش‌فرض { $default })
config-not-a-url = '{ $value }' نشانی نیست؛ آن را مانند https://collector.example:8443 بنویسید
config-empty-drop-folder = خالی است؛ پوشه‌ای مانند "inbox" نام ببرید (درون پوشهٔ عامل)
config-not-a-language = '{ $value }' زبان نیست؛ arabic یا persian یا english بنویسید (پیش‌فرض arabic)
config-not-digits = '{ $value }' رقم‌نویسی شناخته‌شده نیست؛ western یا arabic-indic یا persian بنویسید (پیش‌فرض western)
import-problems-marked-in = ایرادها در { $copy } علامت خورده‌اند
