# أوامر الوكيل بالعربية: ما يطبعه `rasid-agent` للناس (المساعدة، الملخصات، الحالة، الإرسال،
# القرارات، المرفوض، الفحص). مخرجات `--json` ليست هنا: تبقى بالإنجليزية وثابتة للبرامج.
# أسماء الأوامر والخيارات (`--data`، `import`…) والقيم التي تُكتب كما هي (`budget`، `utf-8`)
# تبقى بحروفها اللاتينية: هي ما يكتبه المستخدم.

agent-language-name = العربية

## المساعدة (--help): كلمات clap نفسها

help-usage = الاستخدام
help-commands = الأوامر
help-arguments = المعطيات
help-options = الخيارات
help-env = متغير البيئة { $name }
help-default = الافتراضي { $value }
help-flag-help = يعرض هذه المساعدة
help-flag-version = يعرض رقم الإصدار
help-cmd-help = يعرض هذه المساعدة أو مساعدة الأمر المذكور
help-arg-help-subcommand = الأمر الذي تُعرض مساعدته

## المساعدة (--help): أوامر الوكيل وخياراته

help-about = وكيل راصد: يستورد تقارير الجهة ويحفظها ويرسلها إلى المجمّع؛ أو يشغّل المجمّع نفسه
help-arg-data = مجلد بيانات الوكيل (الإعدادات والمفتاح والمخزن)
help-arg-json = يطبع النتائج بصيغة JSON للبرامج
help-arg-lang = لغة ما يُطبع: ar أو fa أو en (وإلا فمتغير RASID_LANG، ثم المفتاح `language` في rasid-agent.toml، ثم لغة النظام، ثم الإنجليزية)؛ وهي لغة النموذج أيضاً في الأمر `template`
help-cmd-init = يُنشئ الإعدادات وزوج مفاتيح، ويطبع المفتاح العام الذي يُسجَّل لدى المجمّع
help-arg-init-center = رمز هذه الجهة كما هو مسجّل لدى المجمّع (مثل MOH)
help-arg-init-upstream = عنوان المجمّع، مثل https://collector.example:8443
help-arg-init-force = يستبدل الإعدادات والمفتاح الموجودين (يتوقف المفتاح القديم عن العمل)
help-cmd-import = يستورد ملفات (.xlsx و.xlsm و.xls و.ods و.csv و.txt و.json): يُحفظ كل ملف كاملاً أو لا يُحفظ منه شيء
help-arg-import-files = الملفات المراد استيرادها، أو مجلدات تُستورد ملفاتها (دون مجلداتها الفرعية). تُستورد الملفات بترتيب ما يعتمد بعضها على بعض (الجلسات والقرارات والمشاريع أولاً)
help-arg-import-kind = نوع سجلات الصفوف التي ليس لها عمود `record` (أو `kind`)، ويُقدَّم على اسم الورقة واسم الملف. واحد من: decision-status (حالة القرار)، budget (الموازنة)، kpi (مؤشر)، committee (لجنة)، project (مشروع)، project-progress (تقدم المشاريع)، decision (قرار)، session (جلسة)، complaints (الشكاوى)، legislation (الخطة التشريعية)، legal-memoranda (المذكرات القانونية)
help-arg-import-encoding = ترميز نص ملفات CSV: utf-8 أو windows-1256 (يُكتشف تلقائياً إن لم يُذكر)
help-arg-import-calendar = تقويم التواريخ التي لا علامة لها: gregorian (ميلادي) أو hijri (هجري) أو solar-hijri (هجري شمسي)
help-arg-import-as-of = تاريخ البيانات للصفوف التي لا تاريخ لها (الافتراضي: اليوم)، بصيغة 2023-06-30
help-arg-import-annotate = لكل جدول أو ملف CSV مرفوض، يكتب DIR/<اسم الملف دون امتداده>.errors.xlsx: خلاياه وكل خلية خاطئة ملوّنة بالأحمر وعليها ملاحظة بمشكلتها، بعد ورقة تسرد المشكلات
help-cmd-status = ما هو محفوظ، وما ينتظر الإرسال، وآخر إرسال وآخر جلب، وآخر خطأ
help-cmd-push = يرسل الآن كل ما ينتظر الإرسال إلى المجمّع
help-cmd-decisions = القرارات والتكليفات المسندة إلى هذه الجهة (تُحفظ للعمل دون اتصال)
help-arg-decisions-open = غير المنفذة فقط
help-arg-decisions-offline = دون الاتصال بالمجمّع: يعرض القائمة كما جُلبت آخر مرة
help-cmd-update = يبلّغ عن حالة قرار يدوياً، مثل `update 18/212/02 --status in-progress --progress 40`
help-arg-update-number = رقم القرار، مثل 18/212/02
help-arg-update-status = not-started أو in-progress أو executed أو blocked (وتُقبل الكلمات العربية: لم يبدأ، قيد التنفيذ، منفذ، متعثر)
help-arg-update-progress = نسبة الإنجاز، من 0 إلى 100
help-arg-update-note = ملاحظة على تنفيذ القرار، تُرسل مع حالته
help-arg-update-follow-up = يسجّل إجراء متابعة اتُّخذ اليوم: call (اتصال) أو letter (كتاب) أو message (رسالة) أو memo (مذكرة)، ويمكن تكراره
help-cmd-rejected = السجلات التي رفضها المجمّع، مع أسباب رفضها
help-cmd-run = يعمل في الخلفية: يستورد الملفات الموضوعة في صندوق الوارد، ويرسل، ويجلب التكليفات؛ ويتوقف بـ SIGTERM أو Ctrl-C
help-cmd-doctor = يفحص المخزن؛ والمخزن التالف يُنقل جانباً ويحل محله مخزن فارغ
help-cmd-template = يكتب جدولاً يملؤه الموظف، معبّأً مسبقاً بما يعرفه الوكيل: decision-status أو budget أو kpi أو project-progress. بعد ملئه يوضع في صندوق الوارد (أو يُستورد) دون أي خيار. لغته هي المفتاح `language` في rasid-agent.toml (وإلا فالعربية)، أو --lang
help-arg-template-kind = decision-status (حالة القرارات) أو budget (الموازنة) أو kpi (المؤشرات) أو project-progress (تقدم المشاريع)
help-arg-template-period = للموازنة شهر (2026-11)؛ وللمؤشرات ربع سنة (2026-Q3)؛ ولتقدم المشاريع آخر يوم في الفترة (2026-12-31). الافتراضي: هذا الشهر، هذا الربع، اليوم
help-arg-template-out = أين يُكتب (الافتراضي: KIND-PERIOD.xlsx في المجلد الحالي)
help-cmd-demo-data = يكتب بيانات العرض (سنة 2023 للأمانة العامة كما يرويها تقريرها السنوي) ملفاتٍ
help-arg-demo-data-out = المجلد الذي تُكتب فيه الملفات
help-cmd-check-config = يفحص ملف إعدادات (rasid-agent.toml أو centers.toml) ويطبع كل مشكلة فيه بسطرها ومفتاحها؛ ويخرج بالرمز 0 إن كان سليماً، و1 إن كانت فيه مشكلات، و2 لملف boards.toml (يفحصه `rasid-kiosk --check-config`)
help-arg-check-config-file = ملف الإعدادات المراد فحصه
help-cmd-serve = يشغّل المجمّع: يستقبل الدفعات ويتحقق منها ويحفظها، ويقدّم اللوحات لشاشات العرض
help-arg-serve-listen = العنوان والمنفذ اللذان يستمع عليهما
help-arg-serve-centers = سجل الجهات ومفاتيحها (يُعاد تحميله عند SIGHUP وعند تغيّره)
help-arg-serve-tls-cert = سلسلة شهادات PEM لاتصال HTTPS (مع --tls-key)
help-arg-serve-tls-key = المفتاح الخاص PEM لاتصال HTTPS (مع --tls-cert)
help-arg-serve-boards = ملف boards.toml الذي يُقدَّم لشاشات العرض على /v1/screens/{"{"}name{"}"}/config
help-arg-serve-upstream = يمرّر السجلات المقبولة إلى هذا المجمّع الأعلى (مع --upstream-key و --relay-center)
help-arg-serve-upstream-key = ملف المفتاح السري الذي يوقّع به هذا المجمّع الدفعات الممرَّرة
help-arg-serve-relay-center = رمز هذا المجمّع بوصفه جهة لدى المجمّع الأعلى
help-arg-serve-today = يثبّت تاريخ اللوحات على هذا اليوم (YYYY-MM-DD)، للعروض التوضيحية
help-arg-serve-request-timeout-secs = أطول مدة للرد على طلب، بالثواني (من 1 إلى 3600)
help-arg-serve-public-boards = يقدّم اللوحات والبث المباشر وإعدادات الشاشات لأي أحد دون توقيع (عرض على شبكة موثوقة). ودونه لا يقرأ إلا الشاشات المسجلة في centers.toml ([[wall]])

## أخطاء الوكيل نفسه

error-line = خطأ: { $error }
error-not-set-up = الملف { $file } غير موجود: لم يُعدّ وكيل في { $data }. شغّل أولاً `rasid-agent init --center CODE --upstream URL` هناك، أو سمِّ مجلد الوكيل بالخيار --data
error-reading = تعذّرت قراءة { $file }
error-writing = تعذّرت كتابة { $file }
error-creating = تعذّر إنشاء { $folder }
error-store-newer = مخزن البيانات في { $store } كتبه إصدار أحدث من راصد (صيغة المخزن { $found }، وهذا الإصدار يقرأ الصيغ حتى { $known }). ثبّت ذلك الإصدار من جديد، أو إصداراً أحدث منه، وشغّله على هذا المجلد؛ تُرك المخزن كما هو.
error-store-in-use = مخزن البيانات في { $store } يستخدمه الآن برنامج rasid-agent آخر على هذا الحاسوب (غالباً الخدمة التي تشغّل `rasid-agent run` على هذا المجلد)، ولا يفتحه إلا برنامج واحد في كل مرة. انتظر حتى ينتهي الأمر الآخر، أو اطلب من قسم تقنية المعلومات إيقاف الخدمة، ثم أعد المحاولة؛ لم يتغير شيء.

## init

init-exists = الملف { $file } موجود: هذا الوكيل مُعدّ من قبل. استعمل --force للبدء من جديد بمفتاح جديد (ويجب عندها تسجيله من جديد)
init-done = أُعدّ وكيل الجهة { $center } في { $data }.
init-register = سجّل هذا المفتاح العام للجهة { $center } في ملف centers.toml لدى المجمّع:

## import (سطر الملف المحفوظ وسطر الملف المرفوض في import.ftl)

import-no-files = اذكر ملفاً واحداً على الأقل لاستيراده
import-empty-folder = لا يحوي المجلد ملفات للاستيراد
import-bad-kind = --kind '{ $value }' ليس نوع سجل؛ استعمل واحداً من: { $words }
import-bad-calendar = --calendar '{ $value }' ليس تقويماً؛ استعمل gregorian أو hijri أو solar-hijri
import-bad-as-of = --as-of '{ $value }' ليس تاريخاً؛ اكتبه هكذا 2023-06-30
import-annotate-folder = --annotate { $folder }: تعذّر إنشاء المجلد
import-storing = { $file }: جارٍ الحفظ
import-store-failed = { $file }: تعذّر الحفظ؛ لم يُحفظ شيء من هذا الملف

progress-rows = صف
progress-so-far = { $label }: { $num } { $unit } حتى الآن

## status

status-center = الجهة
status-upstream = المجمّع
status-records = السجلات
status-outbox = بانتظار الإرسال
status-rejected = المرفوضة
status-last-push = آخر إرسال
status-last-pull = آخر جلب
status-last-error = آخر خطأ
status-waiting = { $waiting }
status-waiting-in-flight = { $waiting } (الدفعة { $batch } قيد الإرسال)
status-never = لم يحدث بعد
status-no-error = لا يوجد

## push

push-unreachable = تعذّر الوصول إلى المجمّع على { $upstream }؛ { $count ->
    [zero] لا سجلات تنتظر
    [one] سجل واحد ينتظر
    [two] سجلان ينتظران
    [few] { $num } سجلات تنتظر
    [many] { $num } سجلاً تنتظر
   *[other] { $num } سجل تنتظر
} وستُرسل حين يمكن ذلك
push-progress = جارٍ الإرسال: أُرسل { $sent } من { $total } سجل، وبقي { $left }
push-new-epoch = كان لدى المجمّع بعض أرقام دفعات هذا المخزن لسجلات أخرى (أُعيد بناء المخزن أو استُرجع من نسخة)؛ فصارت دفعاته تُرقَّم في حقبة جديدة، { $epoch }، وأُرسلت من جديد
push-nothing = لا شيء للإرسال: لا شيء ينتظر
push-done = اكتمل الإرسال: الدفعات { $batches }، المقبول { $accepted }، الموجود لدى المجمّع من قبل { $duplicates }، المرفوض { $rejected }
push-done-see-rejected = اكتمل الإرسال: الدفعات { $batches }، المقبول { $accepted }، الموجود لدى المجمّع من قبل { $duplicates }، المرفوض { $rejected } (انظر `rasid-agent rejected`)
push-stays = تبقى السجلات المنتظرة ({ $waiting }) وستُرسل في الإرسال القادم

## decisions و update

decisions-not-refreshed = تعذّر التحديث من المجمّع ({ $error })؛ تُعرض القائمة كما جُلبت آخر مرة
decisions-none-yet = لا قائمة بالقرارات المسندة بعد: اتصل بالمجمّع وشغّل `rasid-agent decisions` مرة واحدة
decisions-heading = { $count ->
    [zero] لا قرارات مسندة
    [one] قرار واحد مسند
    [two] قراران مسندان
    [few] { $num } قرارات مسندة
    [many] { $num } قراراً مسنداً
   *[other] { $num } قرار مسند
} إلى { $center } (قائمة { $generated }):
decisions-no-report = لا تقرير
decisions-due = الاستحقاق { $date }
execution-not-started = لم يبدأ
execution-in-progress = قيد التنفيذ
execution-executed = منفذ
execution-blocked = متعثر
update-not-assigned = القرار { $decision } ليس بين القرارات المسندة إلى { $center } (كما جُلبت آخر مرة)؛ تحقق من الرقم، أو شغّل `rasid-agent decisions` لتحديث القائمة
update-bad-status = --status '{ $value }' ليست حالة؛ استعمل واحدة من: { $words }
update-no-status = لم يُبلَّغ عن حالة للقرار { $decision } بعد: اذكر --status
update-bad-follow-up = --follow-up '{ $value }' ليس إجراء متابعة؛ استعمل call أو letter أو message أو memo
update-recorded = { $decision }: سُجّل «{ $status }» بنسبة { $progress }%؛ وسيُرسل في الإرسال القادم
update-unchanged = { $decision }: لم يتغير شيء، ولا شيء للإرسال

## rejected: الإطار، وأسباب المجمّع الثمانية (agent/src/rejection.rs)

rejected-none = لا سجلات مرفوضة
rejected-heading = { $count ->
    [zero] لا سجلات رفضها
    [one] سجل واحد رفضه
    [two] سجلان رفضهما
    [few] { $num } سجلات رفضها
    [many] { $num } سجلاً رفضها
   *[other] { $num } سجل رفضها
} المجمّع؛ صحّحها في الملف الأصلي ثم استورده من جديد:
rejected-line = { $key } (النسخة { $revision }): { $reason }
rejected-invalid = السجل غير صالح: { $detail }
rejected-outside-center = لا يجوز لـ { $center } أن تبلّغ عن { $other }: الدفعة التي توقّعها { $center } لا تحمل إلا سجلات { $center } والجهات التي تبلّغ عن طريقها
rejected-secretariat-only = لا يبلّغ عن سجلات «{ $kind }» إلا الأمانة العامة ({ $secretariat })، لا { $center }
rejected-unknown-decision = القرار { $decision } غير معروف لدى المجمّع؛ تحقق من الرقم
rejected-not-assigned = القرار { $decision } ليس مسنداً إلى { $center }
rejected-not-executing-center = المشروع { $project } تنفّذه { $owner }؛ ولا يبلّغ عنه غيرها، لا { $center }
rejected-unknown-project = المشروع { $project } غير معروف لدى المجمّع؛ أرسل سجل المشروع أولاً، أو تحقق من الرمز
rejected-future-date = تاريخ السجل بعد تاريخ اليوم لدى المجمّع، { $today }: { $detail }

## doctor

doctor-ok = المخزن سليم: السجلات { $records }، وبانتظار الإرسال { $waiting }
doctor-unreadable = { $count ->
    [one] مدخل واحد تتعذّر قراءته:
    [two] مدخلان تتعذّر قراءتهما:
    [few] { $num } مدخلات تتعذّر قراءتها:
    [many] { $num } مدخلاً تتعذّر قراءتها:
   *[other] { $num } مدخل تتعذّر قراءتها:
}
doctor-disk-full = تُرك المخزن كما هو: امتلاء القرص لا يُتلفه. أفرغ بعض المساحة على ذلك القرص (أو ارفع الحصة أو الحد)، ثم شغّل `rasid-agent doctor` من جديد.
doctor-set-aside-failed = وتعذّر أيضاً نقل المخزن التالف جانباً إلى { $aside }
doctor-set-aside = نُقل المخزن التالف إلى { $aside } وأُنشئ مخزن جديد فارغ.
doctor-import-again = استورد ملفاتك الأصلية من جديد (`rasid-agent import …`): السجلات المرسلة من قبل يعرفها المجمّع ولا يعدّها مرتين.
doctor-left = تُرك المخزن كما هو: لا شيء يدل على أنه تالف.

## template و demo-data

template-unknown-kind = لا نموذج لـ '{ $kind }'؛ اكتب decision-status أو budget أو kpi أو project-progress
template-wrote = كُتب { $file } ({ $kind }، { $period })
demo-wrote = كُتبت بيانات العرض تحت { $folder }: السجلات { $records }، الملفات { $files }

## check-config

check-config-unknown = لا يُعرف أي ملف إعدادات هو { $file }: سمِّه rasid-agent.toml أو centers.toml أو boards.toml، أو اجعل فيه مفاتيح أحدها (docs/AGENT.md و docs/COLLECTOR.md و docs/KIOSK.md)
check-config-boards = { $file } ملف boards.toml (إعدادات شاشة العرض)؛ لا يفحصه الوكيل: شغّل `rasid-kiosk --check-config { $file }`
check-config-ok = { $file }: ملف { $kind } سليم: { $summary }
check-config-agent = الجهة { $center }، المجمّع { $upstream }، صندوق الوارد { $folder }، الجلب كل { $pull } ثانية، الدفعة { $batch } سجل على الأكثر، يُترك الطلب بعد { $timeout } ثانية، وبين المحاولات { $backoff } ثانية على الأكثر
check-config-centers = الجهات { $centers }، مفاتيح الوكلاء { $keys }، الأمانة العامة { $secretariat }، الشاشات المسجلة { $walls }
check-config-problems = { $file }: { $count ->
    [one] مشكلة واحدة
    [two] مشكلتان
    [few] { $num } مشكلات
    [many] { $num } مشكلة
   *[other] { $num } مشكلة
} في ملف { $kind } هذا

## مشكلات rasid-agent.toml (أخطاء صياغة الملف والمفاتيح المجهولة بكلمات قارئ TOML)

config-problem-at-line = { $file }: السطر { $line }، { $key }: { $message }
config-problem = { $file }: { $key }: { $message }
config-out-of-range = { $value } خارج المدى المسموح؛ استعمل من { $low } إلى { $high } (الافتراضي { $default })
config-not-a-url = '{ $value }' ليس عنواناً؛ اكتبه مثل https://collector.example:8443
config-empty-drop-folder = فارغ؛ سمِّ مجلداً مثل "inbox" (داخل مجلد الوكيل)
config-not-a-language = '{ $value }' ليست لغة؛ اكتب arabic أو persian أو english (الافتراضي arabic)
config-not-digits = '{ $value }' ليست أرقاماً معروفة؛ اكتب western أو arabic-indic أو persian (الافتراضي western)
import-problems-marked-in = المشكلات معلَّمة في { $copy }
