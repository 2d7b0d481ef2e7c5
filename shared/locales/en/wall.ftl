# The wall's words in English: for foreign delegations and for developers.
#
# Ids and arguments are those of ar/wall.ftl (shared/tests/catalogue.rs checks it). English
# counts choose [one] or the plural.

## Shared by every board

no-data = No data
list-separator = {", "}
status-executed = Executed
status-in-progress = In progress
status-not-started = Not started
status-blocked = Blocked
status-awaiting-report = Awaiting report
status-no-report = No report
planned = Planned
actual = Actual
range-at-least = { $from } or more
range-from-below = { $from } to under { $below }
range-below = Under { $below }
quarter = { $quarter ->
    [1] Q1
    [2] Q2
    [3] Q3
    [4] Q4
   *[other] Unknown quarter
}
quarter-short = { $quarter ->
   *[other] Q{ $num }
}
count-days = { $count ->
    [one] { $num } day
   *[other] { $num } days
}

## Amounts and currencies

amount-thousands = { $num } thousand
amount-millions = { $num } million
amount-billions = { $num } billion
amount-with-currency = { $amount } { $currency }
amount-unit-with-currency = { $unit } { $currency }
currency-ils = ILS
currency-usd = USD
currency-jod = JOD
currency-eur = EUR
currency-sar = SAR
currency-omr = OMR
currency-irr = IRR

## Calendars

month-gregorian = { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
}
month-hijri = { $month ->
    [1] Muharram
    [2] Safar
    [3] Rabi al-Awwal
    [4] Rabi al-Thani
    [5] Jumada al-Ula
    [6] Jumada al-Akhirah
    [7] Rajab
    [8] Shaban
    [9] Ramadan
    [10] Shawwal
    [11] Dhu al-Qadah
   *[12] Dhu al-Hijjah
}
month-solar-hijri = { $month ->
    [1] Farvardin
    [2] Ordibehesht
    [3] Khordad
    [4] Tir
    [5] Mordad
    [6] Shahrivar
    [7] Mehr
    [8] Aban
    [9] Azar
    [10] Dey
    [11] Bahman
   *[12] Esfand
}
date-long = { $day } { $month } { $year }
date-long-hijri = { $day } { $month } { $year } AH
period-months = { $first }–{ $last }
period-whole-year = Whole year

## The wall around the boards

board-title-decision-execution = Execution of cabinet decisions
board-title-centers = Responsible centers ranked by execution
board-title-overdue = Decisions past their due date
board-title-budget = Budget performance
board-title-kpi = Performance indicators and outputs
board-title-committees = Government committees
board-title-projects = Projects
board-title-reporting = Reporting by the responsible centers
board-title-classification = Execution by classification
board-title-trends = Trends through the year
board-title-complaints = Government complaints
board-title-legislation = Legislative plan
wall-subtitle = General Secretariat of the Cabinet — government performance
wall-waiting-for-data = Waiting for data…
wall-board-failed = This board cannot be shown
wall-source-demo = Source: demo data (annual performance report { $year })
wall-source-live = Source: Rasid collector — General Secretariat of the Cabinet
wall-source-offline = Collector unreachable since { $since } — showing the last data saved
wall-data-as-of = Data as of { $date }
wall-no-data-yet = No data yet
filter-prompt = Type a center's name or code…
filter-title = Filter by center: { $query }
filter-no-match = No center matches
help-title = Operator keys
help-space = Space: pause or resume the rotation
help-next = Left arrow or Page Down: next board
help-previous = Right arrow or Page Up: previous board
help-digits = 1 to 9: go to that board
help-filter = F or /: filter the board by center (type the name, then Enter)
help-escape = Esc: back to the rotation, no filter
help-help = H or F1: show or hide this help
help-story = D or #: go to a decision's story (type its number, then Enter)


## Troubles: the operator line and a board that cannot be shown. The detail (what the network
## or the configuration's checker said, a path, the collector's own message) comes as it is.

trouble-no-key = This wall has no key ({ $file } not found), so it reads only from a collector started with --public-boards: run rasid-kiosk init --name { $name } and register the [[wall]] lines it prints in the collector's centers.toml
trouble-key-unusable = This wall's key file { $file } cannot be used ({ $detail }): run rasid-kiosk init --name { $name } --key { $file } --force and register the [[wall]] lines it prints in the collector's centers.toml
trouble-key-unreadable = This wall's key file { $file } cannot be read ({ $detail }); it reads unsigned until it can
trouble-refused = The collector refuses this wall's reads ({ $code }): { $message }
trouble-bad-address = The collector's address { $url } cannot be read: { $detail }
trouble-unreachable = Cannot reach the collector: { $detail }
trouble-cut = The collector's answer was cut: { $detail }
trouble-answered = The collector answered { $status }: { $message }
trouble-unreadable = The board sent by the collector cannot be read: { $detail }
trouble-wrong-board = Asked for board { $asked }, received { $got }
trouble-config-not-applied = The new configuration was not applied; the previous one stays in force: { $problem }{ $more }
trouble-screen-fallback = Showing the first screen, '{ $first }': { $detail }
trouble-default-look = The default look is used: { $detail }

## Board: decision-execution

decisions-status-of-decisions = Decisions by execution
decisions-status-of-assignments = Assignments by execution
donut-unit-decisions = { $count ->
    [one] decision
   *[other] decisions
}
donut-unit-assignments = { $count ->
    [one] assignment
   *[other] assignments
}
decisions-issued = Decisions issued
decisions-issued-assignments = { $count ->
    [one] and { $num } assignment
   *[other] and { $num } assignments
}
decisions-executed-share = Decisions executed
count-decisions-executed = { $count ->
    [one] { $num } decision executed
   *[other] { $num } decisions executed
}
count-decisions = { $count ->
    [one] { $num } decision
   *[other] { $num } decisions
}
decisions-not-started = Not started
decisions-trend = Decisions and assignments by month of issue
decisions-none-in-period = No decisions in this period
decisions-no-reports-yet = No reports yet
decisions-routine-excluded = { $count ->
    [one] Excluding { $num } routine decision
   *[other] Excluding { $num } routine decisions
}
decisions-awaiting-first-report = { $count ->
    [one] { $num } awaits its first report
   *[other] { $num } await their first report
}
decisions-follow-up = Follow-up
follow-up-calls = Phone calls
follow-up-messages = Text messages
follow-up-letters = Official letters
follow-up-memos = Explanatory memos requested

## Board: centers

centers-weakest-of = { $count ->
    [one] Decisions executed: the weakest { $shown } of { $num } center
   *[other] Decisions executed: the weakest { $shown } of { $num } centers
}
centers-rate-per-center = Decisions executed by center
centers-heading-center = Center
centers-heading-rate = Executed, of the decisions reported on
centers-good-and-weak = { $good-from } or more: { $good } · under { $weak-below }: { $weak }
centers-responsible = Responsible centers
centers-best = Most executed
centers-weakest = Least executed
centers-no-reports-yet = No reports yet: { $names }

## Board: overdue

overdue-none = { $count ->
    [one] Nothing overdue — the { $num } decision is on time or executed
   *[other] Nothing overdue — all { $num } decisions are on time or executed
}
overdue-total = Decisions and assignments overdue
overdue-total-note = Not executed and past their due date
overdue-longest = Longest delay
overdue-decision-number = Decision { $number }
overdue-most-overdue = Most overdue: { $shown } of { $total }
overdue-heading-delay = Delay
overdue-heading-number = Decision no.
overdue-heading-date = Date
overdue-heading-subject = Subject
overdue-heading-center = Responsible center
overdue-heading-status = Status and progress
overdue-assignment-title = Assignment: { $title }
overdue-lead-center-and-others = { $center } and others
overdue-severity = Severity of delay
overdue-days-from-to = { $from } to { $to }

## Board: budget

budget-allocated = Allocated
budget-spent = Spent
budget-caption-with-unit = { $caption } ({ $unit })
budget-until-end-of = To the end of { $month } { $year }
budget-other-currencies-left-out = Amounts in { $currencies } not included
budget-execution-rate = Spent of allocated
budget-category-salaries = Salaries and wages
budget-category-operating = Operating expenses
budget-category-development = Development expenses
budget-spent-of-allocated = { $spent } of { $allocated }
budget-cumulative = Cumulative spending against plan ({ $currency })
budget-cumulative-actual = Cumulative actual
budget-plan-explained = Plan: the allocation spread evenly over the months
budget-plan = Plan
budget-by-category = By type of expense
budget-largest-programs = { $count ->
    [one] Largest programs: { $shown } of { $num } program
   *[other] Largest programs: { $shown } of { $num } programs
}
budget-programs = Programs
budget-largest-centers = Largest centers by allocation: { $shown } of { $total }
budget-spent-by-center = Spent of allocated by center
budget-allocated-in = Allocated ({ $currency })

## Board: kpi

kpi-quarter-of-year = { $quarter } { $year }
kpi-measured = Indicators measured
kpi-mean-achievement = Mean achievement
kpi-mean-achievement-note = Actual against the quarter's target
kpi-met = Met
kpi-partly-met = Partly met
kpi-missed = Missed
kpi-note-at-least = { $indicators } · { $from } or more
kpi-note-from-below = { $indicators } · { $from } to under { $below }
kpi-note-below = { $indicators } · under { $below }
count-indicators = { $count ->
    [one] { $num } indicator
   *[other] { $num } indicators
}
kpi-weakest = Weakest indicators in the latest quarter
kpi-target-and-actual = { $center } · target { $target } · actual { $actual }
kpi-by-quarter = Achievement by quarter (number of indicators)
kpi-legend-met = Met
kpi-legend-partly-met = Partly met
kpi-legend-missed = Missed
kpi-cost = Cost price: planned and actual
kpi-cost-no-data = No cost price data
kpi-cost-indicators = Over { $indicators } with a cost price
kpi-cost-overruns = Furthest over planned cost
kpi-cost-above-plan = { $pct } above plan
kpi-cost-below-plan = { $pct } below plan
kpi-cost-as-planned = As planned
kpi-target-and-actual-first = { $center } · target { $target } (first { $first }) · actual { $actual }
# Moved goalposts: targets lowered and due dates pushed back after they were first reported.
goalposts-lowered-title = Targets lowered after they were set: { $num } · and achievement against the first target
goalposts-quarter-target-cut = { $quarter } target from { $first } to { $now }
goalposts-annual-target-cut = Year's target from { $first } to { $now }
goalposts-lowered-detail = { $center } · { $cut } · on { $date }
goalposts-moved-title = Due dates pushed back after they were set: { $num }; { $hidden } of them late only by their first date
goalposts-due-moved = from { $first } to { $now }
goalposts-due-removed = was { $first }, then removed
goalposts-moved-detail = { $dates } · changed by { $by } on { $date }
goalposts-moved-detail-after-due = { $dates } · changed by { $by } on { $date }, after the first date had passed
goalposts-heading-late-by-first = Late by the first date
goalposts-heading-decision = Decision, its two dates, who moved it and when
# Trends through the year (the trends board and the centers board's sparklines).
centers-heading-trend = Monthly, { $year }
trends-rate-at = Decisions executed by the end of { $month }
trends-rate-on = Decisions executed by { $date }
trends-rate-note = { $executed } executed of { $analysed } reported on
trends-spending-at = Spent by the end of { $month }
trends-spending-previous = Last year, same month: { $pct }
trends-spending-no-previous = No figures for last year
trends-execution-title = Decisions executed at each month's end, { $year }
trends-executed-share = Share executed
trends-spending-title = Cumulative spending against the year's allocation
# The complaints board.
complaints-received = Complaints received
complaints-received-note = through the central system in { $year }
complaints-referred = Referred to the competent departments
complaints-referred-note = followed up there
complaints-handled = Handled by the unit itself
complaints-handled-note = { $accepted } accepted, { $rejected } rejected
complaints-rate = Processing rate
complaints-rate-note = { $processed } of { $accepted } accepted processed
complaints-pending = Accepted, in process
complaints-stuck-note = { $stuck } of them stuck past the time allowed
complaints-by-quarter = Complaints by quarter
complaints-legend-referred = referred
complaints-legend-rejected = rejected
complaints-legend-processed = accepted, processed
complaints-legend-pending = accepted, in process
complaints-by-center = Processing rate by center, weakest first
complaints-center-line = { $center } ({ $stuck } stuck)
complaints-none-accepted = none accepted

## Board: committees

committees-during-year = During { $year }
committees-during-year-of = During { $year }, of { $committees } at work that year
committees-formed = Committees formed
committees-active = Active committees
committees-active-note = Still at work
committees-finished = Committees finished
committees-finished-note = Their mandate fulfilled
committees-approved-of-submitted = { $count ->
    [one] { $num } recommendation of { $submitted }
   *[other] { $num } recommendations of { $submitted }
}
committees-approval-rate = Recommendations approved
committees-path = From meeting to cabinet decision
committees-meetings = Meetings
committees-minutes = Minutes
committees-minutes-to-cabinet = Minutes sent to the cabinet
committees-recommendations-submitted = Recommendations submitted
committees-recommendations-approved = Recommendations approved
committees-busiest = Committees that met most
committees-heading-committee = Committee
committees-heading-meetings = Meetings
committees-heading-submitted = Submitted
committees-heading-approved = Approved
committees-heading-status = Status
committee-status-active = Active
committee-status-finished = Finished

## Board: projects

project-status-on-track = On track
project-status-delayed = Delayed
project-status-stalled = Stalled
project-status-completed = Completed
project-status-cancelled = Cancelled
projects-most-delayed = Furthest behind plan
projects-spending-ahead = Spending ahead of progress
projects-followed = Projects followed
projects-cost = Costing { $amount } { $currency }
projects-on-track-or-done = On track or completed
projects-of-which-done = Of which { $num } completed
projects-late-or-stalled = Delayed or stalled
projects-stalled = { $num } stalled
projects-donor-funded = Funded by donors
projects-donor-funded-note = Of the projects' cost
projects-by-status = Projects by status
donut-unit-projects = { $count ->
    [one] project
   *[other] projects
}
projects-without-report = { $num } not reported yet
projects-by-sector = Planned and actual progress by sector
projects-funding = Sources of funding
projects-public-treasury = Public treasury
projects-none-in-class = No projects in this class
projects-row-detail = { $center } · { $sector } · { $status }
projects-months-late = { $count ->
    [one] Expected { $num } month late
   *[other] Expected { $num } months late
}
projects-on-time = On time
projects-no-progress-yet = No progress yet
count-points = { $count ->
    [one] { $num } point
   *[other] { $num } points
}
projects-spent = { $pct } spent
projects-and-done = { $pct } done

## Board: reporting

reporting-monthly-budget = Budget { $month } { $year }
reporting-four-month-budget = Budget { $first }–{ $last } { $year }
reporting-yearly-budget = Yearly budget { $year }
reporting-quarterly-kpi = Indicators { $quarter } { $year }
reporting-received-of-owed = { $received } of { $owed }
reporting-fell-due = Due { $date }
reporting-never-reported = { $num } of them never reported
reporting-late-note = With a report past due
reporting-late-centers = Centers late
reporting-more-centers = { $count ->
    [one] and { $num } more center
   *[other] and { $num } more centers
}
reporting-last-report = Last report { $date }
reporting-no-report-yet = No report sent yet
reporting-last-heard = { $last } · last heard { $date }
reporting-late-with = Late: { $reports }
reporting-budget-of = Budget { $month }
reporting-kpi-of = Indicators { $quarter }
reporting-received = Received: { $reports }
reporting-none-late = No report late

## Board: classification

# The board's selector $by is the field the operator chose: sector, program, level or type.
classification-by-sector = Sector
classification-by-program = Government programme
classification-by-level = Administrative level
classification-by-type = Type of decision
classification-rates = { $by ->
    [program] Execution rate by government programme, weakest first
    [level] Execution rate by administrative level, weakest first
    [type] Execution rate by type of decision, weakest first
   *[sector] Execution rate by sector, weakest first
}
# When not all classes fit: "the weakest 12 of 15".
classification-weakest-of = { $by ->
    [program] Execution rate by government programme: the weakest { $shown } of { $num }
    [level] Execution rate by administrative level: the weakest { $shown } of { $num }
    [type] Execution rate by type of decision: the weakest { $shown } of { $num }
   *[sector] Execution rate by sector: the weakest { $shown } of { $num }
}
classification-heading-split = Decisions reported on, by status
classification-heading-rate = Executed
classification-unclassified = Unclassified
classification-classes = { $by ->
    [program] Government programmes
    [level] Administrative levels
    [type] Types of decision
   *[sector] Sectors
}
classification-counted = Non-routine decisions and assignments: { $num }
classification-without = { $by ->
    [program] Decisions without a programme
    [level] Decisions without a level
    [type] Decisions without a type
   *[sector] Decisions without a sector
}
classification-unclassified-share = { $pct } of those counted
classification-how-counted = How it is counted
classification-one-per-decision = A decision counts once in its class however many centers are responsible for it: executed when all of them have executed it

## Decision story: one decision, opened by its number (D or #) or from the overdue board
story-title = A decision's story
story-prompt = type the decision's number, e.g. 18/212/02
story-box-title = Go to decision: { $query }
story-box-hint = Enter to show it, Esc to cancel
story-not-a-number = "{ $query }" is not a decision number; write it government/session/item, e.g. 18/212/02
story-not-found = The collector has no decision { $number }
story-loading = Fetching decision { $number }…
story-open = Show the story of decision { $number }
story-kind-decision = Decision
story-kind-assignment = Assignment
story-number = { $kind } { $number }
story-status-progress = { $status } · { $progress }
story-due = Due: { $date }
story-no-due = No due date
story-overdue = Overdue by { $days }
story-not-overdue = Not overdue
story-session = Session { $session } of { $date }
story-session-undated = Session { $session }
story-issued = issued { $date }
story-routine = routine
story-sector = Sector: { $value }
story-program = Programme: { $value }
story-level = Level: { $value }
story-type = Type: { $value }
story-centers = Responsible centers and their reports over time
story-no-centers = No responsible center
story-lead-center = { $center } (lead)
story-no-report = No report yet
story-earlier = and { $count } earlier reports
story-follow-ups = Follow-up actions
story-no-follow-ups = No follow-up recorded
story-follow-up = { $date }: { $kind } — { $center }
story-more = and { $count } more
story-links = Similar decisions linked to it
story-no-links = No linked decision
story-link-unknown = This decision has not reached the collector

# The legislation board.
legislation-plan-rate = Plan completed
legislation-plan-rate-note = { $done } of { $items } planned items done
legislation-laws-done = Laws forwarded to the president
legislation-regulations-done = Regulations approved
legislation-strategies-done = Strategies approved
legislation-in-progress-note = and { $open } in progress
legislation-outside-plan = Added outside the plan
legislation-outside-plan-note = { $done } of them done
legislation-memoranda = Legal memoranda
legislation-memoranda-note = written for the cabinet
legislation-open-by-stage = Items not done, by stage
legislation-stage-drafting = Drafting
legislation-stage-consultation = Consulting the departments
legislation-stage-readings = In the cabinet's readings
legislation-stage-approved = Approved, awaiting forwarding
legislation-stage-forwarded = Forwarded to the president
legislation-type-law = Law
legislation-type-regulation = Regulation
legislation-type-strategy = Strategy
legislation-late = Behind the plan's schedule ({ $num })
legislation-none-late = No item is behind schedule
legislation-late-by = { $count ->
    [one] { $num } quarter late
   *[other] { $num } quarters late
}
legislation-done-this-quarter = Done in { $quarter ->
   *[other] Q{ $num }
}
legislation-none-done = Nothing done this quarter yet
legislation-more = { $count ->
   *[other] and { $num } more
}
