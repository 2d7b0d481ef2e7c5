# ما يقوله الوكيل عن ملف مستورد، بالعربية: مشكلات الملف المرفوض (تقرير `import`، وملف
# `.errors.txt` الذي يكتبه `run`، وملاحظات النسخة المشروحة) وملخص الملف المحفوظ.


## فحوص السجل الواحد: ما الخطأ في حقل من حقول صف. يُذكر عمود الحقل في موضع المشكلة قبل الرسالة.

record-as-of-ahead = التاريخ { $date } يقع بعد اليوم ({ $today }) بأكثر من { $days } أيام؛ يؤرَّخ التقرير باليوم الذي يصفه: تحقّقوا من التاريخ
record-year-ahead = السنة { $year } بعد السنة القادمة ({ $next })؛ تُقبل التقارير عن سنوات حتى السنة القادمة: تحقّقوا من السنة
record-revision-zero = أرقام المراجعات تبدأ من 1
record-session-number-zero = رقم الجلسة يبدأ من 1
record-government-zero = رقم الحكومة يبدأ من 1
record-empty = فارغ؛ اكتبوا قيمته
record-too-long = طوله { $count ->
    [two] حرفان
    [few] { $num } أحرف
    [many] { $num } حرفًا
   *[other] { $num } حرف
}؛ اختصروه إلى { $max } حرف على الأكثر
record-control-characters = فيه محارف تحكّم غير مرئية؛ أعيدوا كتابته نصًّا عاديًّا
record-amount-negative = المبلغ { $value } سالب؛ المبالغ صفر أو أكثر
record-amount-too-large = المبلغ { $value } أكبر من { $max } (10 أس 15)، وهو أكبر مبلغ مقبول؛ تُكتب المبالغ بوحدات العملة الكاملة: تحقّقوا من عدم وجود أرقام زائدة
record-no-center = لا يسمّي أي مركز مسؤول؛ القرار غير الروتيني يحتاج إلى مركز واحد على الأقل
record-center-twice = يذكر المركز { $center } مرتين؛ اذكروا كل مركز مرة واحدة
record-due-before-date = تاريخ الاستحقاق { $due } يسبق تاريخ القرار { $date }؛ يأتي تاريخ الاستحقاق بعده
record-number-zero = في رقم القرار { $number } رقم جلسة أو بند يساوي صفرًا
record-links-itself = يربط القرار بنفسه
record-percent-over = النسبة { $value }% تتجاوز 100%؛ استعملوا قيمة من 0 إلى 100
record-executed-below-100 = النسبة { $value }% مع الحالة «منفذ»؛ القرار المنفذ نسبة إنجازه 100% (أو اتركوا النسبة فارغة)
record-not-started-progress = النسبة { $value }% مع الحالة «لم يبدأ»؛ اختاروا «قيد التنفيذ»، أو اجعلوا النسبة 0
record-not-a-month = { $value } ليس شهرًا؛ استعملوا رقمًا من 1 إلى 12
record-implausible-fiscal-year = { $value } لا يصلح سنةً مالية
record-not-a-currency = «{ $value }» ليس رمز عملة؛ استعملوا رمزًا من ثلاثة أحرف لاتينية كبيرة مثل { $examples }
record-not-a-quarter = { $value } ليس ربعًا من السنة؛ استعملوا رقمًا من 1 إلى 4
record-implausible-year = { $value } لا يصلح سنةً
record-quarter-over-annual = مستهدف الربع { $quarter } أكبر من المستهدف السنوي { $annual }؛ مستهدف الربع جزء من مستهدف السنة
record-not-finite = ليس رقمًا
record-figure-negative = القيمة { $value } سالبة؛ استعملوا صفرًا أو أكثر
record-figure-too-large = القيمة { $value } أكبر من 10 أس 15، وهي أكبر قيمة مقبولة؛ تحقّقوا من عدم وجود أرقام زائدة ومن وحدة القياس
record-actual-far-over-target = المتحقق { $actual } يزيد على { $ratio } ضعف مستهدف الربع { $target }؛ راجعوا الرقمين ووحدة قياسهما (واجعلوا المستهدف 0 إن لم يكن للربع مستهدف)
record-approved-over-submitted = التوصيات المعتمدة ({ $approved }) أكثر من التوصيات المرفوعة ({ $submitted })
record-minutes-to-cabinet-over = المحاضر المرفوعة إلى مجلس الوزراء ({ $to_cabinet }) أكثر من المحاضر المكتوبة ({ $minutes })
record-minutes-over-meetings = عدد المحاضر ({ $minutes }) أكبر من عدد الاجتماعات ({ $meetings })؛ لكل اجتماع محضر واحد على الأكثر
record-formed-after-year = تاريخ التشكيل { $formed } بعد سنة التقرير { $year }
record-complaints-too-many = { $value } أكثر من الحد ({ $max }) لشكاوى ربع واحد
record-complaints-decided-over-received = المحالة ({ $referred }) والمقبولة ({ $accepted }) والمرفوضة ({ $rejected }) أكثر من الواردة ({ $received })؛ كل شكوى واردة تُحال أو تُقبل أو تُرفض أو تنتظر القرار
record-complaints-accepted-not-split = المعالجة ({ $processed }) وقيد المعالجة ({ $pending }) لا يساويان المقبولة ({ $accepted })؛ كل شكوى مقبولة إما عولجت أو هي قيد المعالجة
record-complaints-overdue-over-open = العالقة ({ $overdue }) أكثر من الشكاوى المفتوحة ({ $open }: قيد المعالجة أو بانتظار القرار)
record-legislation-forwarded-not-law = التنسيب للرئيس للقوانين فقط؛ النظام أو الإستراتيجية يُنجز بمصادقة مجلس الوزراء: اكتبوا مصادق عليه
record-legislation-done-missing = البند في مرحلته الأخيرة (التنسيب للرئيس للقانون، والمصادقة لغيره) بلا تاريخ إنجاز؛ اكتبوا يوم إنجازه
record-legislation-done-early = كُتب تاريخ إنجاز ({ $day }) والبند ليس في مرحلته الأخيرة (التنسيب للرئيس للقانون، والمصادقة لغيره)؛ احذفوا التاريخ أو صححوا المرحلة
record-legislation-done-before-year = أُنجز في { $day } قبل سنة الخطة ({ $year })؛ راجعوا التاريخ والسنة
record-legislation-done-after-as-of = تاريخ الإنجاز { $day } بعد تاريخ التقرير ({ $as_of })؛ لا يُنجز بند بعد يوم تقريره: راجعوا التاريخ
record-memoranda-too-many = { $value } أكثر من الحد ({ $max }) لمذكرات ربع واحد
record-project-code-empty = فارغ؛ اكتبوا رمز المشروع
record-project-name-empty = فارغ؛ اكتبوا اسم المشروع بالعربية
record-sector-empty = فارغ؛ اكتبوا اسم القطاع
record-end-before-start = تاريخ الانتهاء المخطط { $end } يسبق تاريخ البدء { $start }؛ يأتي الانتهاء المخطط بعد البدء
record-donor-empty = فارغ في مشروع يموّله مانح؛ اكتبوا اسم الجهة المانحة
record-donor-for-treasury = مذكور في مشروع تموّله الخزينة؛ اجعلوا مصدر التمويل «مانح»، أو اتركوا خانة المانح فارغة
record-progress-project-empty = فارغ؛ اكتبوا رمز المشروع
record-completed-below-100 = النسبة { $value }% مع الحالة «مكتمل»؛ المشروع المكتمل نسبة إنجازه 100%
record-obstacle-empty = فارغ في مشروع متأخر أو متعثر؛ اذكروا ما يعيقه
record-spent-over-budget = المصروف { $spent } أكبر من موازنة المشروع { $budget }؛ اشرحوا التجاوز في عمود العائق
record-period-before-start = نهاية الفترة { $end } تسبق بدء المشروع { $start }

## تقرير الملف المرفوض: سطره الأول، وموضع كل مشكلة، وعدد ما زاد على المعروض.

import-problems-found = { $file }: { $count ->
    [one] وُجدت مشكلة واحدة
    [two] وُجدت مشكلتان
    [few] وُجدت { $num } مشكلات
    [many] وُجدت { $num } مشكلة
   *[other] وُجدت { $num } مشكلة
}؛ لم يُحفظ شيء من هذا الملف. صحّحوا الملف ثم استوردوه مرة أخرى.
import-and-more = … { $count ->
    [one] ومشكلة أخرى
    [two] ومشكلتان أخريان
    [few] و{ $num } مشكلات أخرى
   *[other] و{ $num } مشكلة أخرى
}
import-at-sheet = الورقة «{ $sheet }»
import-at-row = الصف { $row }
import-at-column = العمود «{ $column }»
import-cannot-read = { $file }: تعذّرت قراءة الملف: { $detail }
import-io-not-found = الملف غير موجود؛ تحقّقوا من اسمه ومن المجلد الذي هو فيه (رسالة النظام: { $error })
import-io-permission = لا يُسمح للوكيل بقراءته؛ اطلبوا من مسؤول الجهاز صلاحية القراءة، أو انسخوا الملف إلى مجلد آخر (رسالة النظام: { $error })
import-io-other = رفض نظام التشغيل قراءته؛ أغلقوا البرامج التي تستعمله وحاولوا مرة أخرى (رسالة النظام: { $error })
import-unknown-extension = لا تُستورد الملفات المنتهية بـ «.{ $extension }»؛ احفظوه بإحدى الصيغ: .xlsx أو .xls أو .ods أو .csv أو .txt (مفصول بعلامات الجدولة) أو .json
import-is-a-folder = مجلد وليس ملفًا؛ سمّوا الملفات التي فيه (rasid-agent import folder/*)، أو استوردوا المجلد نفسه فتُقرأ ملفاته بترتيب اعتماد بعضها على بعض
import-place-row = الصف { $row }
import-place-sheet-row = الورقة «{ $sheet }»، الصف { $row }
import-same-record = { $earlier } و{ $later } سجل واحد ({ $key }) بقيم مختلفة؛ أبقوا أحد الصفين واحذفوا الآخر

## عناوين الأعمدة وخلايا ملف CSV أو ورقة عمل.

import-no-rows = فيه صف العناوين ولا صفوف تحته؛ املؤوا الصفوف، أو تحقّقوا من أن هذا هو الملف المقصود
import-name = { $name }
import-quoted = «{ $text }»
import-plain = { $text }
import-items = { $items }
import-no-headers = لا شيء
import-ambiguous-percent = لا يحوي، للمؤشرات المقيسة بالنسبة المئوية، إلا أرقامًا كسرية من 0 إلى 2: لا يستطيع الوكيل في ملف .xls أو .ods أن يميّز خلية منسّقة نسبةً مئوية (0.94 تظهر 94%) من نسبة صغيرة مكتوبة كما هي (0.94%)؛ احفظوا المصنف بصيغة .xlsx (مصنف إكسل)، أو اكتبوا النسب أرقامًا (94 بدل 94%)
import-not-column-of-row-kind = ليس من أعمدة صفوف «{ $kind }»؛ اتركوه فارغًا في هذا الصف، أو انقلوا الصف إلى ملف من نوعه
import-kind-empty = فارغ؛ اكتبوا نوع الصف: { $kinds }
import-not-a-kind = «{ $value }» ليس نوعًا من أنواع السجلات؛ استعملوا أحد هذه: { $kinds }
import-row-kind-lacks-column = صف من نوع «{ $kind }»، لكن الملف { $missing }
import-not-a-column = ليس عمودًا لأي نوع من السجلات؛ صحّحوا العنوان، أو احذفوا العمود
import-not-column-of-kind = ليس من أعمدة ملفات «{ $kind }»؛ صحّحوا العنوان، أو احذفوا العمود. الأعمدة هي: { $columns }
import-not-column-of-kind-but-of = ليس من أعمدة ملفات «{ $kind }» (إنه من أعمدة ملفات «{ $other }»: هل هذا هو الملف المقصود؟)؛ صحّحوا العنوان، أو احذفوا العمود. الأعمدة هي: { $columns }
import-kind-unknown = لا يبيّن نوع السجلات التي فيه؛ سمّوا الملف أو الورقة باسم النوع (حالة القرار.csv، الموازنة 2023.xlsx)، أو أضيفوا عمودًا عنوانه «النوع»، أو اختاروا النوع عند الاستيراد. الأنواع هي: { $kinds }
import-column-again = يكرّر عمود «{ $field }»، وهو ما يعطيه العمود «{ $first }»؛ أبقوا أحد العمودين
import-missing-column = ليس فيه عمود «{ $field }»، وملفات «{ $kind }» تحتاج إليه؛ أضيفوه. العناوين الموجودة: { $found }
import-cell-error = تظهر فيه قيمة الخطأ { $error }؛ صحّحوا الصيغة، أو اكتبوا القيمة نفسها
import-not-a-word = «{ $value }» ليس { $noun }؛ استعملوا أحد هذه: { $accepted }
import-noun-session-kind = نوعًا من أنواع الجلسات
import-noun-decision-kind = نوعًا من أنواع القرارات
import-noun-status = حالةً من حالات التنفيذ
import-noun-category = تصنيفًا من تصنيفات الموازنة
import-noun-committee-status = حالةً من حالات اللجان
import-noun-funding = مصدرًا من مصادر التمويل
import-noun-project-status = حالةً من حالات المشاريع
import-noun-follow-up = نوعًا من أنواع المتابعة
import-noun-legislation-type = نوعًا من أنواع بنود الخطة التشريعية
import-noun-legislation-stage = مرحلةً من مراحل التشريع
import-follow-up-without-date = فيه متابعة بلا تاريخ؛ اكتبوا التاريخ في عمود تاريخ المتابعة
import-follow-up-without-date-column = فيه متابعة بلا تاريخ؛ أضيفوا عمودًا عنوانه «تاريخ المتابعة»
import-follow-up-date-alone = تاريخ متابعة بلا متابعة؛ اذكروا ما الذي جرى: { $accepted }

## خلية واحدة تُقرأ رقمًا أو نسبة مئوية أو تاريخًا أو نعم/لا.

import-percent-cell-not-percent = منسّق نسبةً مئوية ({ $value }%)، لكن هذا العمود ليس نسبة مئوية؛ نسّقوا الخلية رقمًا (تنسيق الخلايا ← رقم) واكتبوا القيمة نفسها
import-percent-cell-kpi-unit = منسّق نسبةً مئوية ({ $value }%)، لكن وحدة قياس المؤشر ليست نسبة مئوية؛ اكتبوا % في عمود وحدة القياس، أو نسّقوا الخلية رقمًا واكتبوا القيمة نفسها
import-not-a-decimal = «{ $value }» ليس رقمًا؛ اكتبوا أرقامًا مثل 1250 أو 1,250.5
import-not-an-integer = «{ $value }» ليس رقمًا؛ اكتبوا أرقامًا مثل 1250000 أو 1,250,000
import-fraction-number = { $value } ليس عددًا صحيحًا؛ اكتبوه بلا كسور
import-fraction-text = «{ $value }» ليس عددًا صحيحًا؛ اكتبوه بلا كسور
import-too-large-number = { $value } أكبر مما يُقبل
import-too-large-text = «{ $value }» أكبر مما يُقبل
import-negative-text = «{ $value }» سالب؛ اكتبوا صفرًا أو أكثر
import-year-hijri = هجرية
import-year-solar-hijri = هجرية شمسية
import-year-other-calendar = «{ $value }» تبدو سنةً { $calendar }؛ اكتبوا السنة الميلادية التي تعود إليها الأرقام
import-year-other-calendar-spans = «{ $value }» تبدو سنةً { $calendar } (السنة { $year } تمتد من { $first } إلى { $last })؛ اكتبوا السنة الميلادية التي تعود إليها الأرقام ({ $first_year } أو { $last_year }). لا تُحوَّل السنوات: السنة في تقويم آخر تمتد على سنتين ميلاديتين
import-percent-fraction = { $value } كسر؛ اكتبوا النسبة من 0 إلى 100 (40 أو 40%)، أو نسّقوا كل خلايا العمود نسبةً مئوية
import-not-a-percentage = «{ $value }» ليست نسبة مئوية؛ اكتبوا عددًا صحيحًا من 0 إلى 100، مثل 40 أو 40%
import-percent-negative = { $value } سالبة؛ استعملوا قيمة من 0 إلى 100
import-percent-over = { $value } تتجاوز 100%؛ استعملوا قيمة من 0 إلى 100
import-not-yes-no = «{ $value }» ليست نعم ولا لا؛ اكتبوا نعم أو لا
import-date-is-number = { $value } رقم وليس تاريخًا؛ نسّقوا الخلية تاريخًا، أو اكتبوا التاريخ هكذا: 30/6/2023
import-not-a-date-cell = «{ $value }» ليس تاريخًا؛ اكتبوه هكذا: 30/6/2023 أو 2023-06-30
import-not-a-date = «{ $value }» ليس تاريخًا؛ اكتبوه هكذا: 30/6/2023 أو 2023-06-30 (و1444/9/1 هـ للتاريخ الهجري)
import-short-year = عدد أرقام السنة في «{ $value }» هو { $digits }؛ اكتبوا السنة كاملة بأربعة أرقام، مثل 30/6/2023
import-no-such-month = ليس في «{ $value }» شهر صحيح: لا يوجد شهر رقمه { $month }
import-no-such-month-day-first = ليس في «{ $value }» شهر صحيح: لا يوجد شهر رقمه { $month }؛ تُقرأ التواريخ واليوم أولًا، فاكتبوا { $month }/{ $day }/{ $year }
import-calendar-gregorian = الميلادي
import-calendar-hijri = الهجري
import-calendar-solar-hijri = الهجري الشمسي
import-not-a-day = «{ $value }» ليس يومًا في التقويم { $calendar }
import-implausible-date-year = «{ $value }» يقع في السنة الميلادية { $year }، وهذا لا يمكن أن يكون صحيحًا
import-implausible-year-hijri-hint = «{ $value }» يقع في السنة الميلادية { $year }، وهذا لا يمكن أن يكون صحيحًا؛ إن كان تاريخًا هجريًا فاكتبوا بعده هـ (1444/9/1 هـ)، أو ش للهجري الشمسي
import-not-a-month-name = «{ $value }» ليس شهرًا؛ اكتبوا رقمًا من 1 إلى 12، أو اسم الشهر
import-not-a-quarter-name = «{ $value }» ليس ربعًا من السنة؛ اكتبوا رقمًا من 1 إلى 4 (أو الربع الأول مثلًا)

## قراءة الملف نفسه: نص CSV، والمصنفات، وJSON.

import-csv-empty = فارغ؛ احفظوا الجدول مع صف عناوينه واستوردوه مرة أخرى
import-csv-extra-values = عدد القيم فيه { $values } وعدد الأعمدة في صف العناوين { $columns } (القيمة الزائدة «{ $extra }»)؛ إن كانت في قيمةٍ الفاصلةُ «{ $separator }» فضعوا القيمة بين علامتي تنصيص مزدوجتين
import-csv-unreadable = ليس ملف CSV يمكن قراءته: { $error }
import-csv-marked-not-utf8 = يبدأ بعلامة ترميز UTF-8 لكنه ليس نصًّا بهذا الترميز (البايت { $byte } خاطئ)؛ احفظوه مرة أخرى بصيغة «CSV UTF-8»، أو استوردوه بالترميز windows-1256
import-csv-not-utf8 = طُلبت قراءته بترميز UTF-8 لكنه ليس نصًّا بهذا الترميز (البايت { $byte } خاطئ)؛ احفظوه مرة أخرى بصيغة «CSV UTF-8»، أو استوردوه بالترميز windows-1256
import-unknown-encoding = «{ $label }» ليس ترميز نص يعرفه الوكيل؛ استعملوا utf-8 أو windows-1256
import-no-data = لا بيانات فيه: كل أوراقه فارغة
import-sheet-unreadable = تتعذّر قراءتها ({ $detail })؛ افتحوا الملف في إكسل أو ليبر أوفيس واحفظوه مرة أخرى
import-library-says = { $error }
import-not-a-workbook = ليس جدول بيانات يستطيع الوكيل قراءته (.xlsx أو .xls أو .ods)، أو أنه تالف؛ افتحوه في إكسل أو ليبر أوفيس واحفظوه مرة أخرى
import-workbook-password = المصنف محميّ بكلمة مرور؛ أزيلوا كلمة المرور (ملف ← معلومات ← حماية المصنف) واستوردوه مرة أخرى
import-xls-damaged = الملف تالف: تتعذّر قراءة بنيته ({ $error })؛ افتحوه في إكسل أو ليبر أوفيس، واحفظوه مرة أخرى بصيغة .xlsx واستوردوا الملف الجديد
import-sheet-too-large = ورقة تمتد على أكثر من { $rows } × { $cols } (صفوف × أعمدة)، أي أكثر من { $max } خلية، وهو أقصى ما تمتد عليه ورقة (خلية بعيدة عن الجدول، أو ملف تالف)؛ انسخوا الجدول وحده إلى مصنف جديد واستوردوه
import-marker-broken = ورقة العلامة المخفية في نموذج راصد، لكن { $detail }؛ أنشئوا النموذج من جديد (rasid-agent template) وانقلوا الأرقام إليه
import-marker-kind = النوع المذكور فيها «{ $value }» لا يعرفه الوكيل
import-marker-columns = أعمدتها ({ $key }) «{ $value }» ليست أرقام أعمدة
import-marker-no-sheet = لا تسمّي ورقة البيانات
import-template-sheet-missing = نموذج راصد ورقته «{ $sheet }» مفقودة أو فارغة؛ أعيدوا إلى الورقة اسمها، أو أنشئوا النموذج من جديد
import-json-invalid = ليس نص JSON صحيحًا (السطر { $line }، العمود { $column }): { $error }
import-json-other-center = الملف للمركز { $center }، لكن هذا الوكيل يرفع تقارير المركز { $own }
import-json-no-records = ليس فيه قائمة "records"؛ ضعوا الصفوف في "records": [ … ]
import-json-not-a-list = يجب أن يحوي قائمة سجلات، أو كائنًا فيه قائمة "records"
import-json-row-not-object = ليس كائنًا ذا حقول مسمّاة
import-json-not-a-date = «{ $value }» ليس تاريخًا؛ اكتبوه هكذا: 2023-06-30
import-json-not-a-date-string = { $value } ليس تاريخًا؛ اكتبوه نصًّا هكذا: "2023-06-30"
import-json-no-record = لا يبيّن ما هو؛ أضيفوا الحقل "record" بأحد الأنواع التي يقبلها الوكيل، أو سمّوا الملف باسم النوع
import-json-missing-field = مفقود؛ أضيفوه
import-json-unknown-field = ليس حقلًا من حقول هذا النوع من السجلات
import-json-unknown-field-of = ليس حقلًا من حقول هذا النوع من السجلات؛ الحقول المقبولة: { $fields }
import-json-unknown-variant = «{ $value }» غير مقبول هنا؛ استعملوا: { $expected }
import-json-unreadable = تتعذّر قراءته: { $error }
record-not-a-center-code = «{ $value }» ليس رمز مركز؛ يتكوّن الرمز من 2 إلى 16 من الأحرف اللاتينية الكبيرة أو الأرقام أو الشَّرطة (-)، ويُكتب كما أعطته أمانة مجلس الوزراء لمركزكم
record-not-a-decision-number = «{ $value }» ليس رقم قرار؛ اكتبوه بصيغة الحكومة/الجلسة/البند، مثل 18/212/02

## الملف المحفوظ: سطر الملخص الذي يطبعه `import`.

import-stored = { $file }: { $count ->
    [zero] لم يُحفظ أي صف
    [one] حُفظ صف واحد
    [two] حُفظ صفان
    [few] حُفظت { $num } صفوف
    [many] حُفظ { $num } صفًا
   *[other] حُفظ { $num } صف
} (جديدة: { $new }، متغيّرة: { $changed }، بلا تغيير: { $unchanged }{ $resent }){ $identical }
import-stored-resent = ، مرفوضة من قبل وأُعيد إرسالها: { $count ->
   *[other] { $num }
}
import-stored-identical = ؛ { $count ->
    [one] صف مكرر بعينه حُسب مرة واحدة
    [two] صفان مكرران بعينهما حُسب كل منهما مرة واحدة
   *[other] صفوف مكررة بعينها حُسب كل منها مرة واحدة: { $num }
}
