# آنچه عامل دربارهٔ یک پروندهٔ واردشده می‌گوید، به فارسی: ایرادهای پروندهٔ ردشده و خلاصهٔ پروندهٔ ذخیره‌شده.


## بررسی‌های یک رکورد: ایراد یک فیلد از یک ردیف. ستون فیلد در جای ایراد، پیش از پیام، آمده است.

record-as-of-ahead = تاریخ { $date } بیش از { $days } روز پس از امروز ({ $today }) است؛ گزارش به تاریخ روزی که شرح می‌دهد ثبت می‌شود: تاریخ را بررسی کنید
record-year-ahead = سال { $year } پس از سال آینده ({ $next }) است؛ گزارش‌ها تا سال آینده پذیرفته می‌شوند: سال را بررسی کنید
record-revision-zero = شمارهٔ بازنگری از 1 آغاز می‌شود
record-session-number-zero = شمارهٔ جلسه از 1 آغاز می‌شود
record-government-zero = شمارهٔ دولت از 1 آغاز می‌شود
record-empty = خالی است؛ مقدار آن را بنویسید
record-too-long = { $count ->
   *[other] { $num }
} نویسه است؛ آن را به حداکثر { $max } نویسه کوتاه کنید
record-control-characters = نویسه‌های کنترلی نامرئی دارد؛ آن را به‌صورت متن ساده دوباره بنویسید
record-amount-negative = مبلغ { $value } منفی است؛ مبلغ‌ها صفر یا بیشترند
record-amount-too-large = مبلغ { $value } بیشتر از { $max } (10 به توان 15)، بزرگ‌ترین مبلغ پذیرفتنی، است؛ مبلغ‌ها به واحد کامل پول نوشته می‌شوند: رقم‌های اضافه را بررسی کنید
record-no-center = هیچ دستگاه اجرایی مسئولی نام نبرده است؛ مصوبهٔ غیرعادی دست‌کم یک دستگاه مسئول می‌خواهد
record-center-twice = دستگاه { $center } را دو بار آورده است؛ هر دستگاه را یک بار بنویسید
record-due-before-date = مهلت { $due } پیش از تاریخ مصوبه { $date } است؛ مهلت پس از آن می‌آید
record-number-zero = در شمارهٔ مصوبه { $number } شمارهٔ جلسه یا بند صفر است
record-links-itself = مصوبه را به خودش پیوند داده است
record-percent-over = { $value }% بیش از 100% است؛ عددی از 0 تا 100 بنویسید
record-executed-below-100 = { $value }% با وضعیت «اجراشده»؛ مصوبهٔ اجراشده 100% پیشرفت دارد (یا پیشرفت را خالی بگذارید)
record-not-started-progress = { $value }% با وضعیت «آغازنشده»؛ «در حال اجرا» را برگزینید، یا پیشرفت را 0 کنید
record-not-a-month = { $value } ماه نیست؛ عددی از 1 تا 12 بنویسید
record-implausible-fiscal-year = { $value } سال مالی پذیرفتنی نیست
record-not-a-currency = «{ $value }» کد پول نیست؛ سه حرف بزرگ لاتین بنویسید، مانند { $examples }
record-not-a-quarter = { $value } فصل نیست؛ عددی از 1 تا 4 بنویسید
record-implausible-year = { $value } سال پذیرفتنی نیست
record-quarter-over-annual = هدف فصل { $quarter } بیشتر از هدف سالانه { $annual } است؛ هدف فصل بخشی از هدف سال است
record-not-finite = عدد نیست
record-figure-negative = مقدار { $value } منفی است؛ صفر یا بیشتر بنویسید
record-figure-too-large = مقدار { $value } بیشتر از 10 به توان 15، بزرگ‌ترین مقدار پذیرفتنی، است؛ رقم‌های اضافه و واحد سنجش را بررسی کنید
record-actual-far-over-target = عملکرد { $actual } بیش از { $ratio } برابر هدف فصل { $target } است؛ هر دو عدد و واحد سنجش آن‌ها را بررسی کنید (اگر فصل هدفی ندارد، هدف را 0 بگذارید)
record-approved-over-submitted = پیشنهادهای تصویب‌شده ({ $approved }) بیشتر از پیشنهادهای ارائه‌شده ({ $submitted }) است
record-minutes-to-cabinet-over = صورت‌جلسه‌های فرستاده‌شده به هیئت وزیران ({ $to_cabinet }) بیشتر از صورت‌جلسه‌های نوشته‌شده ({ $minutes }) است
record-minutes-over-meetings = { $minutes } صورت‌جلسه برای { $meetings } نشست؛ هر نشست حداکثر یک صورت‌جلسه دارد
record-formed-after-year = تاریخ تشکیل { $formed } پس از سال گزارش { $year } است
record-complaints-too-many = { $value } بیش از حد ({ $max }) شکایت‌های یک سه‌ماهه است
record-complaints-decided-over-received = ارجاع‌شده ({ $referred })، پذیرفته ({ $accepted }) و ردشده ({ $rejected }) بیش از دریافتی ({ $received }) است؛ هر شکایت دریافتی ارجاع، پذیرفته یا رد می‌شود یا در انتظار تصمیم است
record-complaints-accepted-not-split = رسیدگی‌شده ({ $processed }) و در حال رسیدگی ({ $pending }) با پذیرفته ({ $accepted }) برابر نیست؛ هر شکایت پذیرفته یا رسیدگی شده یا در حال رسیدگی است
record-complaints-overdue-over-open = معوق ({ $overdue }) بیش از شکایت‌های باز ({ $open }: در حال رسیدگی یا در انتظار تصمیم) است
record-legislation-forwarded-not-law = فقط قانون برای رئیس جمهور ارسال می‌شود؛ آیین‌نامه یا راهبرد با تصویب هیئت وزیران انجام می‌شود: تصویب شده بنویسید
record-legislation-done-missing = مورد در آخرین مرحله است (ارسال به رئیس جمهور برای قانون، تصویب برای بقیه) اما تاریخ انجام ندارد؛ روز انجام را بنویسید
record-legislation-done-early = تاریخ انجام ({ $day }) نوشته شده اما مورد در آخرین مرحله نیست (ارسال به رئیس جمهور برای قانون، تصویب برای بقیه)؛ تاریخ را پاک یا مرحله را اصلاح کنید
record-legislation-done-before-year = در { $day }، پیش از سال برنامه ({ $year }) انجام شده است؛ تاریخ و سال را بررسی کنید
record-legislation-done-after-as-of = تاریخ انجام { $day } پس از تاریخ گزارش ({ $as_of }) است؛ موردی پس از روز گزارشش انجام نمی‌شود: تاریخ را بررسی کنید
record-memoranda-too-many = { $value } بیش از حد ({ $max }) یادداشت‌های یک سه‌ماهه است
record-project-code-empty = خالی است؛ کد طرح را بنویسید
record-project-name-empty = خالی است؛ نام عربی طرح را بنویسید
record-sector-empty = خالی است؛ نام بخش را بنویسید
record-end-before-start = پایان برنامه‌ریزی‌شدهٔ { $end } پیش از آغاز { $start } است؛ پایان برنامه‌ریزی‌شده پس از آغاز می‌آید
record-donor-empty = در طرحی با تأمین اعتبار از کمک‌دهنده خالی است؛ نام کمک‌دهنده را بنویسید
record-donor-for-treasury = در طرحی با اعتبار خزانه آمده است؛ منبع اعتبار را «کمک‌دهنده» کنید، یا کمک‌دهنده را خالی بگذارید
record-progress-project-empty = خالی است؛ کد طرح را بنویسید
record-completed-below-100 = { $value }% با وضعیت «تکمیل‌شده»؛ طرح تکمیل‌شده 100% پیشرفت دارد
record-obstacle-empty = در طرح تأخیردار یا متوقف خالی است؛ بنویسید چه چیزی مانع آن است
record-spent-over-budget = هزینهٔ { $spent } بیشتر از اعتبار طرح { $budget } است؛ علت فراتر رفتن را در ستون مانع توضیح دهید
record-period-before-start = پایان دوره { $end } پیش از آغاز طرح { $start } است

## گزارش پروندهٔ ردشده: سطر نخست، جای هر ایراد، و شمار ایرادهای بیش از فهرست.

import-problems-found = { $file }: { $count ->
   *[other] { $num } ایراد
} پیدا شد؛ چیزی از این پرونده ذخیره نشد. پرونده را اصلاح کنید و دوباره وارد کنید.
import-and-more = … و { $count ->
   *[other] { $num }
} ایراد دیگر
import-at-sheet = برگهٔ «{ $sheet }»
import-at-row = ردیف { $row }
import-at-column = ستون «{ $column }»
import-cannot-read = { $file }: پرونده خوانده نشد: { $detail }
import-io-not-found = پرونده وجود ندارد؛ نام و پوشهٔ آن را بررسی کنید (پیام سیستم: { $error })
import-io-permission = عامل اجازهٔ خواندن آن را ندارد؛ از مسئول رایانه اجازهٔ خواندن بخواهید، یا پرونده را در پوشهٔ دیگری رونوشت کنید (پیام سیستم: { $error })
import-io-other = سیستم‌عامل خواندن آن را نپذیرفت؛ برنامه‌هایی را که آن را باز کرده‌اند ببندید و دوباره بکوشید (پیام سیستم: { $error })
import-unknown-extension = پرونده‌های با پسوند «.{ $extension }» وارد نمی‌شوند؛ آن را با یکی از این قالب‌ها ذخیره کنید: .xlsx، .xls، .ods، .csv، .txt (جداشده با جهش) یا .json
import-is-a-folder = پوشه است، نه پرونده؛ پرونده‌های درون آن را نام ببرید (rasid-agent import folder/*)، یا خود پوشه را وارد کنید تا پرونده‌هایش به ترتیب وابستگی خوانده شوند
import-place-row = ردیف { $row }
import-place-sheet-row = برگهٔ «{ $sheet }»، ردیف { $row }
import-same-record = { $earlier } و { $later } یک رکوردند ({ $key }) با مقدارهای گوناگون؛ یکی از دو ردیف را نگه دارید و دیگری را پاک کنید

## سرستون‌ها و خانه‌های یک پروندهٔ CSV یا یک برگه.

import-no-rows = ردیف سرستون دارد ولی ردیفی زیر آن نیست؛ ردیف‌ها را پر کنید، یا بررسی کنید که پروندهٔ درست همین است
import-name = { $name }
import-quoted = «{ $text }»
import-plain = { $text }
import-items = { $items }
import-no-headers = هیچ
import-ambiguous-percent = برای شاخص‌هایی که به درصد سنجیده می‌شوند فقط عددهای کسری از 0 تا 2 دارد: عامل در پروندهٔ .xls یا .ods نمی‌تواند خانه‌ای را که قالب درصد دارد (0.94 که 94% نمایش داده می‌شود) از درصد کوچکی که همان‌گونه نوشته شده (0.94%) جدا کند؛ کارپوشه را با قالب .xlsx (کارپوشهٔ اکسل) ذخیره کنید، یا درصدها را به‌صورت عدد بنویسید (94 به‌جای 94%)
import-not-column-of-row-kind = از ستون‌های ردیف‌های «{ $kind }» نیست؛ در این ردیف خالی‌اش بگذارید، یا ردیف را به پرونده‌ای از نوع خودش ببرید
import-kind-empty = خالی است؛ نوع ردیف را بنویسید: { $kinds }
import-not-a-kind = «{ $value }» نوعی از رکوردها نیست؛ یکی از این‌ها را بنویسید: { $kinds }
import-row-kind-lacks-column = ردیفی از نوع «{ $kind }» است، ولی پرونده { $missing }
import-not-a-column = ستون هیچ نوعی از رکوردها نیست؛ سرستون را اصلاح کنید، یا ستون را پاک کنید
import-not-column-of-kind = از ستون‌های پرونده‌های «{ $kind }» نیست؛ سرستون را اصلاح کنید، یا ستون را پاک کنید. ستون‌ها این‌هایند: { $columns }
import-not-column-of-kind-but-of = از ستون‌های پرونده‌های «{ $kind }» نیست (ستونی از پرونده‌های «{ $other }» است: آیا پروندهٔ درست همین است؟)؛ سرستون را اصلاح کنید، یا ستون را پاک کنید. ستون‌ها این‌هایند: { $columns }
import-kind-unknown = نمی‌گوید چه نوع رکوردهایی دارد؛ پرونده یا برگه را به نام نوع بنامید (وضعیت مصوبات.csv، بودجه 2023.xlsx)، یا ستونی با سرستون «النوع» بیفزایید، یا هنگام واردکردن نوع را برگزینید. نوع‌ها این‌هایند: { $kinds }
import-column-again = ستون «{ $field }» را دوباره آورده است، همان که ستون «{ $first }» می‌دهد؛ یکی از دو ستون را نگه دارید
import-missing-column = ستونی برای «{ $field }» ندارد، که پرونده‌های «{ $kind }» به آن نیاز دارند؛ آن را بیفزایید. سرستون‌های یافته‌شده: { $found }
import-cell-error = خطای { $error } را نشان می‌دهد؛ فرمول را اصلاح کنید، یا خود مقدار را بنویسید
import-not-a-word = «{ $value }» { $noun } نیست؛ یکی از این‌ها را بنویسید: { $accepted }
import-noun-session-kind = نوعی از جلسه
import-noun-decision-kind = نوعی از مصوبه
import-noun-status = وضعیتی از اجرا
import-noun-category = ردهٔ بودجه
import-noun-committee-status = وضعیتی از کارگروه
import-noun-funding = منبع اعتبار
import-noun-project-status = وضعیتی از طرح
import-noun-follow-up = نوعی از پیگیری
import-noun-legislation-type = نوعی از موارد برنامهٔ قانون‌گذاری
import-noun-legislation-stage = مرحله‌ای از قانون‌گذاری
import-follow-up-without-date = پیگیری بدون تاریخ دارد؛ تاریخ را در ستون تاریخ پیگیری بنویسید
import-follow-up-without-date-column = پیگیری بدون تاریخ دارد؛ ستونی با سرستون «تاريخ المتابعة» بیفزایید
import-follow-up-date-alone = تاریخ پیگیری بدون پیگیری است؛ بنویسید چه کاری انجام شد: { $accepted }

## یک خانه که به‌صورت عدد، درصد، تاریخ یا بله/خیر خوانده می‌شود.

import-percent-cell-not-percent = قالب درصد دارد ({ $value }%)، ولی این ستون درصد نیست؛ قالب خانه را عدد کنید (قالب‌بندی خانه‌ها ← عدد) و خود مقدار را بنویسید
import-percent-cell-kpi-unit = قالب درصد دارد ({ $value }%)، ولی واحد سنجش شاخص درصد نیست؛ در ستون واحد سنجش % بنویسید، یا قالب خانه را عدد کنید و خود مقدار را بنویسید
import-not-a-decimal = «{ $value }» عدد نیست؛ رقم بنویسید، مانند 1250 یا 1,250.5
import-not-an-integer = «{ $value }» عدد نیست؛ رقم بنویسید، مانند 1250000 یا 1,250,000
import-fraction-number = { $value } عدد درست نیست؛ آن را بدون کسر بنویسید
import-fraction-text = «{ $value }» عدد درست نیست؛ آن را بدون کسر بنویسید
import-too-large-number = { $value } بیش از اندازه بزرگ است
import-too-large-text = «{ $value }» بیش از اندازه بزرگ است
import-negative-text = «{ $value }» منفی است؛ صفر یا بیشتر بنویسید
import-year-hijri = هجری قمری
import-year-solar-hijri = هجری شمسی
import-year-other-calendar = «{ $value }» سال { $calendar } به نظر می‌رسد؛ سال میلادی‌ای را که عددها به آن تعلق دارند بنویسید
import-year-other-calendar-spans = «{ $value }» سال { $calendar } به نظر می‌رسد (سال { $year } از { $first } تا { $last } است)؛ سال میلادی‌ای را که عددها به آن تعلق دارند بنویسید ({ $first_year } یا { $last_year }). سال‌ها تبدیل نمی‌شوند: سالِ تقویمی دیگر دو سال میلادی را دربرمی‌گیرد
import-percent-fraction = { $value } کسر است؛ درصد را از 0 تا 100 بنویسید (40 یا 40%)، یا قالب همهٔ خانه‌های ستون را درصد کنید
import-not-a-percentage = «{ $value }» درصد نیست؛ عدد درستی از 0 تا 100 بنویسید، مانند 40 یا 40%
import-percent-negative = { $value } منفی است؛ عددی از 0 تا 100 بنویسید
import-percent-over = { $value } بیش از 100% است؛ عددی از 0 تا 100 بنویسید
import-not-yes-no = «{ $value }» نه بله است نه خیر؛ بله یا خیر بنویسید
import-date-is-number = { $value } عدد است، نه تاریخ؛ قالب خانه را تاریخ کنید، یا تاریخ را این‌گونه بنویسید: 30/6/2023
import-not-a-date-cell = «{ $value }» تاریخ نیست؛ آن را این‌گونه بنویسید: 30/6/2023 یا 2023-06-30
import-not-a-date = «{ $value }» تاریخ نیست؛ آن را این‌گونه بنویسید: 30/6/2023 یا 2023-06-30 (و 1402/3/19 ش برای هجری شمسی)
import-short-year = شمار رقم‌های سال در «{ $value }» { $digits } است؛ سال را کامل با چهار رقم بنویسید، مانند 30/6/2023
import-no-such-month = «{ $value }» ماه درستی ندارد: ماه { $month } وجود ندارد
import-no-such-month-day-first = «{ $value }» ماه درستی ندارد: ماه { $month } وجود ندارد؛ تاریخ‌ها روز-نخست خوانده می‌شوند، پس بنویسید { $month }/{ $day }/{ $year }
import-calendar-gregorian = میلادی
import-calendar-hijri = هجری قمری
import-calendar-solar-hijri = هجری شمسی
import-not-a-day = «{ $value }» روزی از تقویم { $calendar } نیست
import-implausible-date-year = «{ $value }» در سال میلادی { $year } می‌افتد، که نمی‌تواند درست باشد
import-implausible-year-hijri-hint = «{ $value }» در سال میلادی { $year } می‌افتد، که نمی‌تواند درست باشد؛ اگر تاریخ هجری قمری است، پس از آن هـ بنویسید (1444/9/1 هـ)، یا ش برای هجری شمسی
import-not-a-month-name = «{ $value }» ماه نیست؛ عددی از 1 تا 12 یا نام ماه را بنویسید
import-not-a-quarter-name = «{ $value }» فصل نیست؛ عددی از 1 تا 4 بنویسید (یا مثلاً فصل اول)

## خواندن خود پرونده: متن CSV، کارپوشه‌ها، JSON.

import-csv-empty = خالی است؛ جدول را با ردیف سرستون‌هایش ذخیره کنید و دوباره وارد کنید
import-csv-extra-values = { $values } مقدار دارد ولی ردیف سرستون { $columns } ستون دارد (مقدار اضافه «{ $extra }» است)؛ اگر مقداری «{ $separator }» دارد، آن را میان دو نشانهٔ نقل‌قول دوتایی بگذارید
import-csv-unreadable = پروندهٔ CSV خواندنی نیست: { $error }
import-csv-marked-not-utf8 = با نشانهٔ رمزگذاری UTF-8 آغاز می‌شود ولی متنی با این رمزگذاری نیست (بایت { $byte } نادرست است)؛ آن را دوباره با قالب «CSV UTF-8» ذخیره کنید، یا با رمزگذاری windows-1256 وارد کنید
import-csv-not-utf8 = قرار بود با رمزگذاری UTF-8 خوانده شود ولی متنی با این رمزگذاری نیست (بایت { $byte } نادرست است)؛ آن را دوباره با قالب «CSV UTF-8» ذخیره کنید، یا با رمزگذاری windows-1256 وارد کنید
import-unknown-encoding = «{ $label }» رمزگذاری متنی نیست که عامل بشناسد؛ utf-8 یا windows-1256 را به کار ببرید
import-no-data = داده‌ای ندارد: همهٔ برگه‌هایش خالی‌اند
import-sheet-unreadable = خوانده نمی‌شود ({ $detail })؛ پرونده را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید
import-library-says = { $error }
import-not-a-workbook = صفحه‌گستری نیست که عامل بتواند بخواند (.xlsx، .xls یا .ods)، یا آسیب دیده است؛ آن را در اکسل یا لیبره‌آفیس باز کنید و دوباره ذخیره کنید
import-workbook-password = کارپوشه با گذرواژه قفل شده است؛ گذرواژه را بردارید (پرونده ← اطلاعات ← محافظت از کارپوشه) و دوباره وارد کنید
import-xls-damaged = پرونده آسیب دیده است: ساختار آن خوانده نمی‌شود ({ $error })؛ آن را در اکسل یا لیبره‌آفیس باز کنید، دوباره با قالب .xlsx ذخیره کنید و پروندهٔ تازه را وارد کنید
import-sheet-too-large = برگه‌ای بیش از { $rows } ردیف × { $cols } ستون را دربرمی‌گیرد، بیش از { $max } خانه که بیشینهٔ گسترهٔ یک برگه است (خانه‌ای دور از جدول، یا پرونده‌ای آسیب‌دیده)؛ فقط جدول را در کارپوشهٔ تازه‌ای رونوشت کنید و آن را وارد کنید
import-marker-broken = برگهٔ نشانهٔ پنهان یک الگوی راصد است، ولی { $detail }؛ الگو را دوباره بسازید (rasid-agent template) و عددها را به آن ببرید
import-marker-kind = نوعی که در آن آمده («{ $value }») برای عامل شناخته نیست
import-marker-columns = ستون‌های آن ({ $key }) «{ $value }» شمارهٔ ستون نیستند
import-marker-no-sheet = برگهٔ داده‌ها را نام نمی‌برد
import-template-sheet-missing = الگوی راصدی است که برگهٔ «{ $sheet }» آن نیست یا خالی است؛ نام برگه را به آن برگردانید، یا الگو را دوباره بسازید
import-json-invalid = متن JSON درستی نیست (سطر { $line }، ستون { $column }): { $error }
import-json-other-center = پرونده برای دستگاه { $center } است، ولی این عامل برای دستگاه { $own } گزارش می‌دهد
import-json-no-records = فهرست "records" ندارد؛ ردیف‌ها را در "records": [ … ] بگذارید
import-json-not-a-list = باید فهرستی از رکوردها، یا شیئی با فهرست "records" داشته باشد
import-json-row-not-object = شیئی با فیلدهای نام‌دار نیست
import-json-not-a-date = «{ $value }» تاریخ نیست؛ آن را این‌گونه بنویسید: 2023-06-30
import-json-not-a-date-string = { $value } تاریخ نیست؛ آن را به‌صورت متن این‌گونه بنویسید: "2023-06-30"
import-json-no-record = نمی‌گوید چیست؛ فیلد "record" را با یکی از نوع‌هایی که عامل می‌پذیرد بیفزایید، یا پرونده را به نام نوع بنامید
import-json-missing-field = نیست؛ آن را بیفزایید
import-json-unknown-field = فیلدی از این نوع رکورد نیست
import-json-unknown-field-of = فیلدی از این نوع رکورد نیست؛ فیلدهای پذیرفتنی: { $fields }
import-json-unknown-variant = «{ $value }» اینجا پذیرفته نیست؛ یکی از این‌ها را بنویسید: { $expected }
import-json-unreadable = خوانده نمی‌شود: { $error }
record-not-a-center-code = «{ $value }» کد دستگاه نیست؛ کد از 2 تا 16 حرف بزرگ لاتین، رقم یا خط تیره (-) ساخته می‌شود، همان‌گونه که دبیرخانهٔ هیئت دولت به دستگاه شما داده است
record-not-a-decision-number = «{ $value }» شمارهٔ مصوبه نیست؛ آن را به‌صورت دولت/جلسه/بند بنویسید، مانند 18/212/02

## پروندهٔ ذخیره‌شده: سطر خلاصه‌ای که `import` چاپ می‌کند.

import-stored = { $file }: { $count ->
   *[other] { $num } ردیف
} ذخیره شد (تازه: { $new }، تغییریافته: { $changed }، بی‌تغییر: { $unchanged }{ $resent }){ $identical }
import-stored-resent = ، ردشده در گذشته و دوباره فرستاده‌شده: { $count ->
   *[other] { $num }
}
import-stored-identical = ؛ { $count ->
   *[other] { $num } ردیف تکراری یک بار شمرده شد
}
