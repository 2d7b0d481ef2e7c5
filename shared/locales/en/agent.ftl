# The agent's commands in English: what `rasid-agent` prints for a person (help, summaries,
# status, push, decisions, rejected, doctor). `--json` output is not here: it stays English and
# stable for scripts. Ids and arguments are those of ar/agent.ftl (shared/tests/catalogue.rs).
# The `help-` texts of English are the doc comments of agent/src/main.rs (a test holds them
# together); a counted phrase takes `$count` (its plural category) and `$num` (the number).

agent-language-name = English

## --help: clap's own words (Arabic and Persian replace them; English keeps clap's)

help-usage = Usage
help-commands = Commands
help-arguments = Arguments
help-options = Options
help-env = env: { $name }
help-default = default: { $value }
help-flag-help = Print help
help-flag-version = Print version
help-cmd-help = Print this message or the help of the given subcommand(s)
help-arg-help-subcommand = Print help for the subcommand(s)

## --help: the agent's commands and options

help-about = Rasid agent: import, keep and push a center's reports; or run the collector
help-arg-data = The agent's data directory (configuration, key and store)
help-arg-json = Print results as JSON, for scripts
help-arg-lang = The language of what is printed: ar, fa or en (else RASID_LANG, the `language` key of rasid-agent.toml, the system's language, English); for `template`, also the template's language
help-cmd-init = Create the configuration and a key pair; prints the public key to register at the collector
help-arg-init-center = This center's code, as registered at the collector (e.g. MOH)
help-arg-init-upstream = The collector's address, e.g. https://collector.example:8443
help-arg-init-force = Replace an existing configuration and key (the old key stops working)
help-cmd-import = Import files (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .json): each file is stored whole or not at all
help-arg-import-files = The files to import, or folders: a folder's files are imported (not its subfolders). Files are imported in dependency order (sessions, decisions and projects first)
help-arg-import-kind = The record kind of rows without a `record` (or `kind`) column; it takes precedence over the sheet and file names. One of: decision-status (حالة القرار), budget (الموازنة), kpi (مؤشر), committee (لجنة), project (مشروع), project-progress (تقدم المشاريع), decision (قرار), session (جلسة), complaints (الشكاوى), legislation (الخطة التشريعية), legal-memoranda (المذكرات القانونية)
help-arg-import-encoding = Text encoding of CSV files: utf-8 or windows-1256 (detected when left out)
help-arg-import-calendar = Calendar of dates without a marker: gregorian, hijri or solar-hijri
help-arg-import-as-of = The as-of date for rows without one (default: today), as 2023-06-30
help-arg-import-annotate = For each refused spreadsheet or CSV file, write DIR/<file name without its ending>.errors.xlsx: its cells with every bad cell red and its problem as a note, after a sheet listing the problems
help-cmd-status = What is stored, what waits in the outbox, the last push and pull, the last error
help-cmd-push = Send everything waiting in the outbox to the collector now
help-cmd-decisions = The decisions and assignments assigned to this center (kept for offline use)
help-arg-decisions-open = Only those not yet executed
help-arg-decisions-offline = Do not contact the collector; show the list as last pulled
help-cmd-update = Report a decision's status by hand, e.g. `update 18/212/02 --status in-progress --progress 40`
help-arg-update-number = The decision number, e.g. 18/212/02
help-arg-update-status = not-started, in-progress, executed or blocked (Arabic words accepted)
help-arg-update-progress = Percent complete, 0 to 100
help-arg-update-note = A note on the decision's execution, sent with its status
help-arg-update-follow-up = Record a follow-up action taken today: call, letter, message or memo (repeatable)
help-cmd-rejected = Records the collector rejected, with its reasons
help-cmd-run = Run as a daemon: import dropped files, push, pull assignments; stop with SIGTERM or Ctrl-C
help-cmd-doctor = Check the store; a damaged one is set aside and replaced by an empty one
help-cmd-template = Write a spreadsheet for the clerk to fill, prefilled from what the agent knows: decision-status, budget, kpi or project-progress. Filled and dropped in the inbox (or imported), it needs no flags. Its language is the `language` key of rasid-agent.toml (else Arabic), or --lang
help-arg-template-kind = decision-status, budget, kpi or project-progress
help-arg-template-period = budget: a month (2026-11); kpi: a quarter (2026-Q3); project-progress: the period's end day (2026-12-31). Default: this month, this quarter, today
help-arg-template-out = Where to write it (default: KIND-PERIOD.xlsx in the current folder)
help-cmd-demo-data = Write the demo dataset (the secretariat's 2023 as its annual report tells it) as files
help-arg-demo-data-out = The folder to write the files into
help-cmd-check-config = Check a configuration file (rasid-agent.toml, centers.toml) and print every problem with its line and key; exits 0 when clean, 1 with problems, 2 for a boards.toml (checked by `rasid-kiosk --check-config`)
help-arg-check-config-file = The configuration file to check
help-cmd-serve = Run the collector: receive, verify and store batches; serve boards to kiosks
help-arg-serve-listen = Address and port to listen on
help-arg-serve-centers = The registry of centers and their keys (reloaded on SIGHUP and when it changes)
help-arg-serve-tls-cert = PEM certificate chain for HTTPS (with --tls-key)
help-arg-serve-tls-key = PEM private key for HTTPS (with --tls-cert)
help-arg-serve-boards = boards.toml served to kiosks at /v1/screens/{"{"}name{"}"}/config
help-arg-serve-upstream = Relay accepted records to this upstream collector (with --upstream-key and --relay-center)
help-arg-serve-upstream-key = The secret key file this collector signs relayed batches with
help-arg-serve-relay-center = This collector's center code at the upstream
help-arg-serve-today = Fix the boards' clock to this date (YYYY-MM-DD), for demonstrations
help-arg-serve-request-timeout-secs = Longest time to answer a request, in seconds (1 to 3600)
help-arg-serve-public-boards = Serve boards, the live stream and screen configurations to anyone, unsigned (a demo on a trusted network). Without it only walls registered in centers.toml ([[wall]]) read

## Errors of the agent's own

error-line = error: { $error }
error-not-set-up = { $file } does not exist: no agent is set up in { $data }. Run `rasid-agent init --center CODE --upstream URL` there first, or name the agent's folder with --data
error-reading = reading { $file }
error-writing = writing { $file }
error-creating = creating { $folder }
error-store-newer = the data store { $store } was written by a newer release of Rasid (store format { $found }; this release reads formats up to { $known }). Install that release again, or a newer one, and run it on this folder; the store was left as it is.
error-store-in-use = the data store { $store } is in use by another rasid-agent on this computer (often the service that runs `rasid-agent run` on this folder); one program at a time can open it. Wait for the other command to finish, or ask IT to stop the service, then try again; nothing was changed.

## init

init-exists = { $file } already exists; this agent is set up. Use --force to start over with a new key (it must then be registered again)
init-done = Agent for { $center } set up in { $data }.
init-register = Register this public key for { $center } in the collector's centers.toml:

## import (the line of a stored file, and of a refused one, is import.ftl's)

import-no-files = name at least one file to import
import-empty-folder = the folder holds no files to import
import-bad-kind = --kind '{ $value }' is not a record kind; use one of: { $words }
import-bad-calendar = --calendar '{ $value }' is not a calendar; use gregorian, hijri or solar-hijri
import-bad-as-of = --as-of '{ $value }' is not a date; write it as 2023-06-30
import-annotate-folder = --annotate { $folder }: cannot create the folder
import-storing = { $file }: storing
import-store-failed = { $file }: storing failed; nothing from this file was stored

progress-rows = rows
progress-so-far = { $label }: { $num } { $unit } so far

## status

status-center = center
status-upstream = upstream
status-records = records
status-outbox = outbox
status-rejected = rejected
status-last-push = last push
status-last-pull = last pull
status-last-error = last error
status-waiting = { $waiting } waiting
status-waiting-in-flight = { $waiting } waiting (batch { $batch } in flight)
status-never = never
status-no-error = none

## push

push-unreachable = the collector at { $upstream } cannot be reached; { $count ->
    [one] 1 record waits
   *[other] { $num } records wait
} and will be sent when it can
push-progress = pushing: { $sent } of { $total } records sent, { $left } to go
push-new-epoch = the collector already had some of this store's batch numbers for other records (the store was rebuilt or restored from a copy); its batches are now numbered in a new epoch, { $epoch }, and were sent again
push-nothing = nothing to push: the outbox is empty
push-done = pushed { $batches } batch(es): { $accepted } accepted, { $duplicates } already there, { $rejected } rejected
push-done-see-rejected = pushed { $batches } batch(es): { $accepted } accepted, { $duplicates } already there, { $rejected } rejected (see `rasid-agent rejected`)
push-stays = { $waiting } record(s) stay in the outbox and will be sent by the next push

## decisions and update

decisions-not-refreshed = could not refresh from the collector ({ $error }); showing the list as last pulled
decisions-none-yet = no list of assigned decisions yet: connect to the collector and run `rasid-agent decisions` once
decisions-heading = { $count ->
   *[other] { $num } decision(s)
} assigned to { $center } (list of { $generated }):
decisions-no-report = no report
decisions-due = due { $date }
execution-not-started = not-started
execution-in-progress = in-progress
execution-executed = executed
execution-blocked = blocked
update-not-assigned = decision { $decision } is not among the decisions assigned to { $center } (as last pulled); check the number, or run `rasid-agent decisions` to refresh the list
update-bad-status = --status '{ $value }' is not a status; use one of: { $words }
update-no-status = no status reported yet for { $decision }: give --status
update-bad-follow-up = --follow-up '{ $value }' is not a follow-up; use call, letter, message or memo
update-recorded = { $decision }: { $status } { $progress }% recorded; it will be sent with the next push
update-unchanged = { $decision }: unchanged, nothing to send

## rejected: the frame, and the collector's eight reasons (agent/src/rejection.rs)

rejected-none = no rejected records
rejected-heading = { $count ->
   *[other] { $num } record(s)
} rejected by the collector; correct them in the source file and import it again:
rejected-line = { $key } (revision { $revision }): { $reason }
rejected-invalid = the record is not valid: { $detail }
rejected-outside-center = { $center } cannot report for { $other }: a batch signed by { $center } may carry only records of { $center } and of centers reporting through it
rejected-secretariat-only = only the secretariat ({ $secretariat }) may report { $kind } records, not { $center }
rejected-unknown-decision = decision { $decision } is not known to the collector; check the number
rejected-not-assigned = decision { $decision } is not assigned to { $center }
rejected-not-executing-center = project { $project } is executed by { $owner }; only { $owner } reports on it, not { $center }
rejected-unknown-project = project { $project } is not known to the collector; send the project record first, or check the code
rejected-future-date = the record is dated after the collector's today, { $today }: { $detail }

## doctor

doctor-ok = store OK: { $records } records, { $waiting } waiting in the outbox
doctor-unreadable = { $count ->
   *[other] { $num } unreadable entr(ies):
}
doctor-disk-full = The store was left as it is: a full disk does not damage it. Free some space on that disk (or raise the quota or limit), then run `rasid-agent doctor` again.
doctor-set-aside-failed = setting the damaged store aside as { $aside } failed too
doctor-set-aside = The damaged store was moved to { $aside } and a new empty store was created.
doctor-import-again = Import your source files again (`rasid-agent import …`): records already sent are recognised by the collector and not counted twice.
doctor-left = The store was left as it is: nothing shows that it is damaged.

## template and demo-data

template-unknown-kind = no template for '{ $kind }'; write decision-status, budget, kpi or project-progress
template-wrote = wrote { $file } ({ $kind }, { $period })
demo-wrote = wrote { $records } records in { $files } files under { $folder }

## check-config

check-config-unknown = cannot tell which configuration { $file } is: name it rasid-agent.toml, centers.toml or boards.toml, or give it the keys of one of them (docs/AGENT.md, docs/COLLECTOR.md, docs/KIOSK.md)
check-config-boards = { $file } is a boards.toml (the wall's configuration); the agent does not check it: run `rasid-kiosk --check-config { $file }`
check-config-ok = { $file }: { $kind } OK: { $summary }
check-config-agent = center { $center }, upstream { $upstream }, drop folder { $folder }, pull every { $pull } s, batches of at most { $batch } records, requests abandoned after { $timeout } s, retries at most { $backoff } s apart
check-config-centers = { $centers } centers, { $keys } agent keys, secretariat { $secretariat }, walls registered: { $walls }
check-config-problems = { $file }: { $count ->
    [one] { $num } problem
   *[other] { $num } problems
} in this { $kind }

## rasid-agent.toml's problems (the file's syntax and unknown keys are the TOML reader's words)

config-problem-at-line = { $file }: line { $line }, { $key }: { $message }
config-problem = { $file }: { $key }: { $message }
config-out-of-range = { $value } is out of range; use { $low } to { $high } (default { $default })
config-not-a-url = '{ $value }' is not a URL; write it like https://collector.example:8443
config-empty-drop-folder = is empty; name a folder such as "inbox" (relative to the data directory)
config-not-a-language = '{ $value }' is not a language; write arabic, persian or english (default arabic)
config-not-digits = '{ $value }' is not a set of digits; write western, arabic-indic or persian (default western)
import-problems-marked-in = the problems are marked in { $copy }
