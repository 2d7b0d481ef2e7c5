# What the agent says about an imported file, in English: the problems of a refused file (the
# report printed by `import`, the `.errors.txt` of `run`, the notes of an annotated copy) and the
# summary of a stored one. Ids and arguments are those of ar/import.ftl.


## The checks of one record (rasid_shared::model::validate): what is wrong with one field of
## a row. The field's column is named by the place the report gives before the message.

record-as-of-ahead = { $date } is more than { $days } days after today ({ $today }); a report is dated the day it describes: check the date
record-year-ahead = { $year } is after next year ({ $next }); reports are accepted for years up to next year: check the year
record-revision-zero = revisions start at 1
record-session-number-zero = a session number starts at 1
record-government-zero = a government number starts at 1
record-empty = is empty; write it in
record-too-long = is { $count ->
   *[other] { $num }
} characters long; shorten it to at most { $max }
record-control-characters = contains control characters; retype it as plain text
record-amount-negative = { $value } is negative; amounts are 0 or more
record-amount-too-large = { $value } is more than { $max } (10^15), the largest amount accepted; amounts are whole units of the currency: check for extra digits
record-no-center = names no responsible center; a non-routine decision needs at least one
record-center-twice = names { $center } twice; list each center once
record-due-before-date = { $due } is before the decision's date { $date }; a due date comes after it
record-number-zero = { $number } has a zero session or item
record-links-itself = links the decision to itself
record-percent-over = { $value }% is over 100%; use 0 to 100
record-executed-below-100 = { $value }% with status executed; an executed decision is at 100% (or leave progress empty)
record-not-started-progress = { $value }% with status not started; use in progress, or set progress to 0
record-not-a-month = { $value } is not a month; use 1 to 12
record-implausible-fiscal-year = { $value } is not a plausible fiscal year
record-not-a-currency = '{ $value }' is not a currency code; use three capital letters such as { $examples }
record-not-a-quarter = { $value } is not a quarter; use 1 to 4
record-implausible-year = { $value } is not a plausible year
record-quarter-over-annual = { $quarter } is more than the annual target { $annual }; a quarter's target is part of the year's
record-not-finite = is not a number
record-figure-negative = { $value } is negative; use 0 or more
record-figure-too-large = { $value } is more than 10^15, the largest figure accepted; check for extra digits or the unit
record-actual-far-over-target = { $actual } is more than { $ratio } times the quarter's target { $target }; check both figures and their unit (leave the target 0 when the quarter has none)
record-approved-over-submitted = { $approved } approved is more than the { $submitted } submitted
record-minutes-to-cabinet-over = { $to_cabinet } put before the cabinet is more than the { $minutes } minutes written
record-minutes-over-meetings = { $minutes } minutes for { $meetings } meetings; a meeting has at most one minute
record-formed-after-year = { $formed } is after the reported year { $year }
record-complaints-too-many = { $value } is more than a quarter's complaints may be ({ $max })
record-complaints-decided-over-received = referred ({ $referred }), accepted ({ $accepted }) and rejected ({ $rejected }) are more than received ({ $received }); each complaint received is referred, accepted, rejected or awaits a decision
record-complaints-accepted-not-split = processed ({ $processed }) and pending ({ $pending }) do not add up to accepted ({ $accepted }); each accepted complaint is processed or still in process
record-complaints-overdue-over-open = stuck ({ $overdue }) is more than the complaints still open ({ $open }: pending or awaiting a decision)
record-legislation-forwarded-not-law = only a law is forwarded to the president; a regulation or a strategy is done when the cabinet approves it: write approved
record-legislation-done-missing = the item is at its last stage (forwarded to the president for a law, approved otherwise) but has no done date; write the day it was done
record-legislation-done-early = a done date ({ $day }) is given but the item is not at its last stage (forwarded to the president for a law, approved otherwise); clear the date or correct the stage
record-legislation-done-before-year = done on { $day }, before the plan's year ({ $year }); check the date and the year
record-legislation-done-after-as-of = done on { $day }, after the day the report is as of ({ $as_of }); an item cannot be done later than its report: check the date
record-memoranda-too-many = { $value } is more than a quarter's memoranda may be ({ $max })
record-project-code-empty = is empty; give the project its code
record-project-name-empty = is empty; write the project's Arabic name
record-sector-empty = is empty; name the sector
record-end-before-start = { $end } is before the start { $start }; the planned end comes after the start
record-donor-empty = is empty for a donor-funded project; name the donor
record-donor-for-treasury = is given for a treasury-funded project; set funding to donor, or leave the donor empty
record-progress-project-empty = is empty; give the project's code
record-completed-below-100 = { $value }% with status completed; a completed project is at 100%
record-obstacle-empty = is empty for a delayed or stalled project; say what holds it up
record-spent-over-budget = { $spent } is more than the project's budget { $budget }; explain the overrun in 'obstacle'
record-period-before-start = { $end } is before the project's start { $start }

## The report of a refused file: its first line, the place of each problem, the rest counted.

import-problems-found = { $file }: { $count ->
    [one] { $num } problem
   *[other] { $num } problems
} found; nothing from this file was stored. Correct the file and import it again.
import-and-more = … and { $count ->
   *[other] { $num }
} more
import-at-sheet = sheet '{ $sheet }'
import-at-row = row { $row }
import-at-column = column '{ $column }'
import-cannot-read = { $file }: cannot read the file: { $detail }
import-io-not-found = { $error }
import-io-permission = { $error }
import-io-other = { $error }
import-unknown-extension = files ending in '.{ $extension }' cannot be imported; save it as .xlsx, .xls, .ods, .csv, .txt (tab-separated) or .json
import-is-a-folder = is a folder; name the files in it (rasid-agent import folder/*), or import the folder itself, whose files are read in dependency order
import-place-row = row { $row }
import-place-sheet-row = sheet '{ $sheet }', row { $row }
import-same-record = { $earlier } and { $later } are the same record ({ $key }) with different values; keep one of the two rows

## The headers and cells of a CSV file or a sheet.

import-no-rows = has a header row but no rows under it; fill in the rows, or check that this is the right file
import-name = { $name }
import-quoted = '{ $text }'
import-plain = { $text }
import-items = { $items }
import-no-headers = none
import-ambiguous-percent = holds, for the KPIs measured in percent, only numbers from 0 to 2 with fractions: in an .xls or .ods file the agent cannot tell a cell formatted as a percentage (0.94 shown as 94%) from a small percentage typed as it is (0.94%); save the workbook as .xlsx (Excel workbook), or type the percentages as numbers (94 for 94%)
import-not-column-of-row-kind = is not a column of { $kind } rows; leave it empty in this row, or put the row in a file of its own kind
import-kind-empty = is empty; write what the row is: { $kinds }
import-not-a-kind = '{ $value }' is not a kind of record; use one of: { $kinds }
import-row-kind-lacks-column = is a { $kind } row, but the file { $missing }
import-not-a-column = is not a column of any kind of record; correct the header, or delete the column
import-not-column-of-kind = is not a column of { $kind } files; correct the header, or delete the column. The columns are: { $columns }
import-not-column-of-kind-but-of = is not a column of { $kind } files (it is a column of { $other } files: is this the right file?); correct the header, or delete the column. The columns are: { $columns }
import-kind-unknown = does not say what kind of records it holds; name the file or the sheet after the kind (decision-status.csv, budget-2023.xlsx), add a column 'kind', or choose the kind when importing. The kinds are: { $kinds }
import-column-again = gives the { $field } again, as column '{ $first }' does; keep one of the two columns
import-missing-column = has no column for { $field }, which { $kind } files need; add it. The headers found are: { $found }
import-cell-error = shows the error { $error }; correct the formula, or type the value in
import-not-a-word = '{ $value }' is not { $noun }; use one of: { $accepted }
import-noun-session-kind = a kind of session
import-noun-decision-kind = a kind of decision
import-noun-status = a status
import-noun-category = a budget category
import-noun-committee-status = a committee status
import-noun-funding = a funding source
import-noun-project-status = a project status
import-noun-follow-up = a follow-up
import-noun-legislation-type = a type of legislation
import-noun-legislation-stage = a stage of legislation
import-follow-up-without-date = has a follow-up without its date; write the date in the follow-up date column
import-follow-up-without-date-column = has a follow-up without its date; add a column follow_up_date (تاريخ المتابعة)
import-follow-up-date-alone = is a follow-up date without a follow-up; say what was done: { $accepted }

## One cell read as a number, a percentage, a date, yes or no.

import-percent-cell-not-percent = is formatted as a percentage ({ $value }%), but this column is not a percentage; format the cell as a number (Format Cells → Number) and type the value itself
import-percent-cell-kpi-unit = is formatted as a percentage ({ $value }%), but the KPI's unit is not a percentage; write % in its unit column, or format the cell as a number and type the value itself
import-not-a-decimal = '{ $value }' is not a number; write digits such as 1250 or 1,250.5
import-not-an-integer = '{ $value }' is not a number; write digits such as 1250000 or 1,250,000
import-fraction-number = { $value } is not a whole number; write it without a fraction
import-fraction-text = '{ $value }' is not a whole number; write it without a fraction
import-too-large-number = { $value } is too large
import-too-large-text = '{ $value }' is too large
import-negative-text = '{ $value }' is negative; write 0 or more
import-year-hijri = Hijri
import-year-solar-hijri = Solar Hijri
import-year-other-calendar = '{ $value }' looks like a { $calendar } year; write the Gregorian year the figures belong to
import-year-other-calendar-spans = '{ $value }' looks like a { $calendar } year ({ $year } runs from { $first } to { $last }); write the Gregorian year the figures belong to ({ $first_year } or { $last_year }). Years are not converted: a year of another calendar spans two Gregorian years
import-percent-fraction = { $value } is a fraction; write the percentage as 0 to 100 (40 or 40%), or format every cell of the column as a percentage
import-not-a-percentage = '{ $value }' is not a percentage; write a whole number from 0 to 100, such as 40 or 40%
import-percent-negative = { $value } is negative; use 0 to 100
import-percent-over = { $value } is over 100%; use 0 to 100
import-not-yes-no = '{ $value }' is not yes or no; write نعم or لا (yes or no)
import-date-is-number = { $value } is a number, not a date; format the cell as a date or write the date as 30/6/2023
import-not-a-date-cell = '{ $value }' is not a date; write it as 30/6/2023 or 2023-06-30
import-not-a-date = '{ $value }' is not a date; write it as 30/6/2023 or 2023-06-30 (1444/9/1 هـ for Hijri)
import-short-year = '{ $value }' has a { $digits }-digit year; write the year in full, such as 30/6/2023
import-no-such-month = '{ $value }' has no month { $month }
import-no-such-month-day-first = '{ $value }' has no month { $month }; dates are read day first, so write { $month }/{ $day }/{ $year }
import-calendar-gregorian = Gregorian
import-calendar-hijri = Hijri
import-calendar-solar-hijri = Solar Hijri
import-not-a-day = '{ $value }' is not a day of the { $calendar } calendar
import-implausible-date-year = '{ $value }' is the year { $year } in the Gregorian calendar, which cannot be right
import-implausible-year-hijri-hint = '{ $value }' is the year { $year } in the Gregorian calendar, which cannot be right; if it is a Hijri date, write هـ after it (1444/9/1 هـ), or ش for Solar Hijri
import-not-a-month-name = '{ $value }' is not a month; write 1 to 12, or the month's name
import-not-a-quarter-name = '{ $value }' is not a quarter; write 1 to 4 (or Q1, الربع الأول)

## Reading the file itself: CSV text, workbooks, JSON.

import-csv-empty = is empty; save the table with its header row and import it again
import-csv-extra-values = has { $values } values but the header has { $columns } columns (the extra value is '{ $extra }'); if a value contains '{ $separator }', put the value in double quotes
import-csv-unreadable = it is not a readable CSV file: { $error }
import-csv-marked-not-utf8 = starts with a UTF-8 mark but is not UTF-8 text (byte { $byte } is wrong); save it again as "CSV UTF-8", or import it with the encoding windows-1256
import-csv-not-utf8 = was to be read as UTF-8 but is not UTF-8 text (byte { $byte } is wrong); save it again as "CSV UTF-8", or import it with the encoding windows-1256
import-unknown-encoding = '{ $label }' is not a text encoding this agent knows; use utf-8 or windows-1256
import-no-data = has no data: every sheet is empty
import-sheet-unreadable = cannot be read ({ $detail }); open the file in Excel or LibreOffice and save it again
import-library-says = { $error }
import-not-a-workbook = it is not a spreadsheet this agent can read (.xlsx, .xls or .ods), or it is damaged; open it in Excel or LibreOffice and save it again
import-workbook-password = the workbook is protected by a password; remove the password (File → Info → Protect Workbook) and import it again
import-xls-damaged = the file is damaged: its structure cannot be read ({ $error }); open it in Excel or LibreOffice Calc, save it again as .xlsx and import that
import-sheet-too-large = a sheet reaches over { $rows } rows × { $cols } columns, more than the { $max } cells a sheet may span (a cell far from the table, or a damaged file); copy only the table into a new workbook and import that
import-marker-broken = is a Rasid template's hidden marker sheet, but { $detail }; write the template again (`rasid-agent template`) and copy the figures into it
import-marker-kind = its kind '{ $value }' is none this agent knows
import-marker-columns = its { $key } columns '{ $value }' are not column numbers
import-marker-no-sheet = it names no data sheet
import-template-sheet-missing = is a Rasid template whose sheet '{ $sheet }' is missing or empty; give the sheet its name back, or write the template again
import-json-invalid = this is not valid JSON (line { $line }, column { $column }): { $error }
import-json-other-center = the file is for center { $center }, but this agent reports for { $own }
import-json-no-records = has no "records" list; put the rows in "records": [ … ]
import-json-not-a-list = must hold a list of records, or an object with a "records" list
import-json-row-not-object = is not an object of named fields
import-json-not-a-date = '{ $value }' is not a date; write it as 2023-06-30
import-json-not-a-date-string = { $value } is not a date; write it as "2023-06-30"
import-json-no-record = does not say what it is; add "record" (decision-status, budget, kpi, committee, decision, session) or name the file after the kind
import-json-missing-field = is missing; add it
import-json-unknown-field = is not a field of this kind of record
import-json-unknown-field-of = is not a field of this kind of record; the fields are { $fields }
import-json-unknown-variant = '{ $value }' is not allowed here; use { $expected }
import-json-unreadable = cannot be read: { $error }
record-not-a-center-code = '{ $value }' is not a center code; use 2 to 16 Latin capital letters, digits or '-', such as MOH or MOF-BUDGET
record-not-a-decision-number = '{ $value }' is not a decision number; write government/session/item, such as 18/212/02

## A stored file: `import`'s summary line.

import-stored = { $file }: { $count ->
    [one] { $num } row
   *[other] { $num } rows
} stored ({ $new } new, { $changed } changed, { $unchanged } unchanged{ $resent }){ $identical }
import-stored-resent = , { $count ->
   *[other] { $num }
} refused before and sent again
import-stored-identical = ; { $count ->
    [one] { $num } identical row
   *[other] { $num } identical rows
} counted once
