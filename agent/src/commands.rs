//! The agent's commands that talk to the collector or run as a daemon: push, decisions,
//! update, rejected, run, doctor. Each prints for people, or JSON with `--json`.

use anyhow::{Context, Result, bail};
use chrono::Local;
use rasid_agent::config::{AgentConfig, load_key};
use rasid_agent::import::{ImportOptions, read_file};
use rasid_agent::language::{counted, say};
use rasid_agent::progress::grouped;
use rasid_shared::i18n::Arg;
use rasid_shared::model::{
    DecisionNumber, DecisionStatus, ExecutionStatus, FollowUp, FollowUpKind, Record,
};
use rasid_shared::store::{Beginning, Store, StoreError};
use rasid_shared::wire::AssignmentList;
use rasid_upstream::{self as push, META_ASSIGNMENTS, Upstream};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// The store in `dir`, opened (and brought to this release's format if an older release wrote
/// it). A store written by a newer release is refused in the clerk's language, saying what to
/// do; other errors are the store's own.
pub fn open_store(dir: &Path) -> Result<Store> {
    Store::open(dir).map_err(|e| match said_of_store(dir, &e) {
        Some(text) => anyhow::anyhow!(text),
        None => e.into(),
    })
}

/// What the clerk is told, in the clerk's language, of a store that cannot be opened because of
/// something outside it: written by a newer release (run that release again), or in use by
/// another process (the service, say: wait or have it stopped). `None` for the store's other
/// errors, said as they are.
fn said_of_store(dir: &Path, e: &StoreError) -> Option<String> {
    match e {
        StoreError::Newer { found, known } => Some(say(
            "error-store-newer",
            &[
                ("store", shown(dir)),
                ("found", number(*found as usize)),
                ("known", number(*known as usize)),
            ],
        )),
        StoreError::InUse { .. } => Some(say("error-store-in-use", &[("store", shown(dir))])),
        _ => None,
    }
}

/// The agent set up in `data`: its checked configuration and its store. A folder without a
/// configuration is said plainly (the most common mistake: the wrong folder, or no `init` yet).
pub fn open_agent(data: &Path) -> Result<(AgentConfig, Store)> {
    let file = data.join(rasid_agent::config::CONFIG_FILE);
    if !file.exists() {
        bail!(say(
            "error-not-set-up",
            &[("file", shown(&file)), ("data", shown(data))]
        ));
    }
    let cfg = AgentConfig::load(data).map_err(|e| match e
        .downcast::<rasid_shared::config_check::ConfigProblems>()
    {
        Ok(problems) => anyhow::anyhow!(rasid_agent::check_config::problems_text(&problems)),
        Err(e) => e,
    })?;
    let store = open_store(&data.join("store"))?;
    // `init` begins the first epoch; a store found without one was made anew since (the old
    // one set aside by `doctor`, or deleted), so its numbering must not meet the old one's.
    store.ensure_epoch(Beginning::Replacement, chrono::Utc::now())?;
    Ok((cfg, store))
}

/// The collector this agent pushes to, as its configuration and key name it.
fn upstream_of(cfg: &AgentConfig, data: &Path) -> Result<Upstream> {
    Ok(Upstream::new(
        &cfg.upstream,
        cfg.center.clone(),
        load_key(data)?,
        Duration::from_secs(cfg.request_timeout_secs),
    )?)
}

fn push_settings(cfg: &AgentConfig) -> push::PushSettings {
    push::PushSettings {
        batch_records: cfg.batch_records,
        max_backoff: Duration::from_secs(cfg.max_backoff_secs),
    }
}

fn runtime() -> Result<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")
}

/// How `rasid_upstream::PushError::Unreachable` begins, as stored in the last error.
const UNREACHABLE_PREFIX: &str = "cannot reach the collector at ";

/// How often `push` says how far it got.
const PUSH_PROGRESS_EVERY: Duration = Duration::from_secs(3);

/// The last error stored by a push or pull (`<time> <error>`), as `status` shows it: an
/// unreachable collector in plain words, with what waits for it.
pub fn last_error_text(stored: &str, upstream: &str, waiting: usize) -> String {
    match stored.split_once(' ') {
        Some((when, error)) if error.starts_with(UNREACHABLE_PREFIX) => {
            format!("{when} {}", messages::unreachable(upstream, waiting))
        }
        _ => stored.to_string(),
    }
}

/// A path as an argument of a message.
fn shown(path: &Path) -> Arg<'static> {
    path.display().to_string().into()
}

/// A count as an argument of a message, its digits grouped (`1,234`).
fn number(n: usize) -> Arg<'static> {
    grouped(n as u64).into()
}

/// The words of this module's messages that more than one command says.
mod messages {
    use super::{counted, number, say};

    /// The collector could not be reached; `waiting` records wait for it.
    pub fn unreachable(upstream: &str, waiting: usize) -> String {
        let [count, _] = counted(waiting);
        say(
            "push-unreachable",
            &[
                ("upstream", upstream.into()),
                count,
                ("num", number(waiting)),
            ],
        )
    }

    /// A push under way: `total` records waited when it began, `waiting` still do.
    pub fn pushing(total: usize, waiting: usize) -> String {
        say(
            "push-progress",
            &[
                ("sent", number(total.saturating_sub(waiting))),
                ("total", number(total)),
                ("left", number(waiting)),
            ],
        )
    }

    /// An execution status in words (`in-progress` in English, as the command line takes it).
    pub fn execution(status: rasid_shared::model::ExecutionStatus) -> String {
        use rasid_shared::model::ExecutionStatus as S;
        let id = match status {
            S::NotStarted => "execution-not-started",
            S::InProgress => "execution-in-progress",
            S::Executed => "execution-executed",
            S::Blocked => "execution-blocked",
        };
        say(id, &[])
    }
}

/// `push`: send everything waiting, retrying a few times.
pub fn push(data: &Path, as_json: bool) -> Result<ExitCode> {
    let (cfg, store) = open_agent(data)?;
    let up = upstream_of(&cfg, data)?;
    let total = store.outbox_counts()?.waiting;
    let report = runtime()?.block_on(async {
        let pushing = push::push_with_retries(&store, &up, push_settings(&cfg), 4);
        tokio::pin!(pushing);
        // A large backlog takes a while: say how far it got every few seconds.
        let mut tick = tokio::time::interval(PUSH_PROGRESS_EVERY);
        tick.tick().await;
        loop {
            tokio::select! {
                r = &mut pushing => break r,
                _ = tick.tick() => {
                    if let (false, Ok(c)) = (as_json, store.outbox_counts()) {
                        eprintln!("{}", messages::pushing(total, c.waiting));
                    }
                }
            }
        }
    });
    match report {
        Ok(r) => {
            if let (Some(epoch), false) = (&r.new_epoch, as_json) {
                println!("{}", say("push-new-epoch", &[("epoch", epoch.into())]));
            }
            if as_json {
                println!("{}", serde_json::to_string(&r)?);
            } else if r.batches == 0 {
                println!("{}", say("push-nothing", &[]));
            } else {
                let id = if r.rejected > 0 {
                    "push-done-see-rejected"
                } else {
                    "push-done"
                };
                let args = [
                    ("batches", number(r.batches)),
                    ("accepted", number(r.accepted)),
                    ("duplicates", number(r.duplicates)),
                    ("rejected", number(r.rejected)),
                ];
                println!("{}", say(id, &args));
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            let waiting = store.outbox_counts()?.waiting;
            if let push::PushError::Unreachable { detail, .. } = &e {
                bail!(
                    "{}\n({detail})",
                    messages::unreachable(&cfg.upstream, waiting)
                );
            }
            bail!(
                "{e}\n{}",
                say("push-stays", &[("waiting", number(waiting))])
            )
        }
    }
}

/// `decisions`: the decisions assigned to this center, pulled now or, offline, as last pulled.
pub fn decisions(data: &Path, open_only: bool, offline: bool, as_json: bool) -> Result<ExitCode> {
    let (cfg, store) = open_agent(data)?;
    let mut note = None;
    let list: Option<AssignmentList> = if offline {
        store.meta(META_ASSIGNMENTS)?
    } else {
        let up = upstream_of(&cfg, data)?;
        match runtime()?.block_on(push::pull_assignments(&store, &up)) {
            Ok(l) => Some(l),
            Err(e) => {
                note = Some(say(
                    "decisions-not-refreshed",
                    &[("error", e.to_string().into())],
                ));
                store.meta(META_ASSIGNMENTS)?
            }
        }
    };
    let Some(list) = list else {
        bail!(
            "{}{}",
            note.map(|n| format!("{n}\n")).unwrap_or_default(),
            say("decisions-none-yet", &[])
        );
    };
    // The center's own latest reports take precedence over what the collector last saw.
    let rows: Vec<_> = list
        .assignments
        .iter()
        .map(|a| {
            let key = Record::DecisionStatus(DecisionStatus {
                decision: a.decision.number,
                status: ExecutionStatus::NotStarted,
                progress: 0,
                note: String::new(),
                follow_ups: vec![],
            })
            .key(&cfg.center);
            let local = store
                .current(&key)
                .ok()
                .flatten()
                .and_then(|e| match e.record {
                    Record::DecisionStatus(s) => Some(s),
                    _ => None,
                });
            (a, local.or_else(|| a.status.clone()))
        })
        .filter(|(_, s)| {
            !open_only
                || s.as_ref()
                    .is_none_or(|s| s.status != ExecutionStatus::Executed)
        })
        .collect();
    if let Some(n) = &note {
        eprintln!("{n}");
    }
    if as_json {
        let out: Vec<_> = rows
            .iter()
            .map(|(a, s)| json!({ "decision": a.decision, "status": s }))
            .collect();
        println!(
            "{}",
            json!({ "center": list.center, "generated": list.generated, "assignments": out })
        );
    } else {
        let [count, num] = counted(rows.len());
        let heading = [
            count,
            num,
            ("center", list.center.to_string().into()),
            (
                "generated",
                list.generated.format("%Y-%m-%d %H:%M").to_string().into(),
            ),
        ];
        println!("{}", say("decisions-heading", &heading));
        for (a, s) in rows {
            let d = &a.decision;
            let state = s
                .map(|s| format!("{} {}%", messages::execution(s.status), s.progress))
                .unwrap_or_else(|| say("decisions-no-report", &[]));
            let due = d
                .due
                .map(|x| {
                    format!(
                        " {}",
                        say("decisions-due", &[("date", x.to_string().into())])
                    )
                })
                .unwrap_or_default();
            println!(
                "  {:<10} {:<18} {}{due}  {}",
                d.number, state, d.date, d.title
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The status `update` reports: the one given (`--status`, in English or Arabic words), else
/// the decision's previous one; an error when neither is there.
fn status_of(
    given: Option<&str>,
    previous: Option<&DecisionStatus>,
    number: DecisionNumber,
) -> Result<ExecutionStatus> {
    match (given, previous) {
        (Some(s), _) => ExecutionStatus::parse(s).with_context(|| {
            say(
                "update-bad-status",
                &[
                    ("value", s.into()),
                    ("words", ExecutionStatus::ACCEPTED_WORDS.into()),
                ],
            )
        }),
        (None, Some(p)) => Ok(p.status),
        (None, None) => bail!(say(
            "update-no-status",
            &[("decision", number.to_string().into())]
        )),
    }
}

/// `update`: report a decision's status by hand; queued for the next push.
pub fn update(
    data: &Path,
    number: &str,
    status: Option<&str>,
    progress: Option<u8>,
    note: Option<String>,
    follow_ups: &[String],
    as_json: bool,
) -> Result<ExitCode> {
    let (cfg, store) = open_agent(data)?;
    let number: DecisionNumber = number.parse()?;
    let assigned: Option<AssignmentList> = store.meta(META_ASSIGNMENTS)?;
    if let Some(list) = &assigned
        && !list.assignments.iter().any(|a| a.decision.number == number)
    {
        bail!(say(
            "update-not-assigned",
            &[
                ("decision", number.to_string().into()),
                ("center", cfg.center.to_string().into())
            ]
        ));
    }
    let key = Record::DecisionStatus(DecisionStatus {
        decision: number,
        status: ExecutionStatus::NotStarted,
        progress: 0,
        note: String::new(),
        follow_ups: vec![],
    })
    .key(&cfg.center);
    let previous = match store.current(&key)?.map(|e| e.record) {
        Some(Record::DecisionStatus(s)) => Some(s),
        _ => None,
    };
    let status = status_of(status, previous.as_ref(), number)?;
    let today = Local::now().date_naive();
    let mut fus = previous
        .as_ref()
        .map(|p| p.follow_ups.clone())
        .unwrap_or_default();
    for f in follow_ups {
        let kind = FollowUpKind::parse(f)
            .with_context(|| say("update-bad-follow-up", &[("value", f.into())]))?;
        fus.push(FollowUp { kind, date: today });
    }
    let progress = progress.unwrap_or(match status {
        ExecutionStatus::Executed => 100,
        ExecutionStatus::NotStarted => 0,
        _ => previous.as_ref().map(|p| p.progress).unwrap_or(0),
    });
    let record = Record::DecisionStatus(DecisionStatus {
        decision: number,
        status,
        progress,
        note: note
            .or_else(|| previous.as_ref().map(|p| p.note.clone()))
            .unwrap_or_default(),
        follow_ups: fus,
    });
    let problems = rasid_shared::model::validate::validate_record(&record);
    if !problems.is_empty() {
        bail!(
            "decision {number}: {}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        );
    }
    let summary = store.import(&cfg.center, vec![(today, record)])?;
    store.flush()?;
    let queued = summary.new + summary.changed > 0;
    if as_json {
        println!(
            "{}",
            json!({ "decision": number, "status": status.as_str(), "progress": progress, "queued": queued })
        );
    } else if queued {
        let args = [
            ("decision", number.to_string().into()),
            ("status", messages::execution(status).into()),
            ("progress", progress.to_string().into()),
        ];
        println!("{}", say("update-recorded", &args));
    } else {
        let args = [("decision", number.to_string().into())];
        println!("{}", say("update-unchanged", &args));
    }
    Ok(ExitCode::SUCCESS)
}

/// `rejected`: records the collector refused, with its reason.
pub fn rejected(data: &Path, as_json: bool) -> Result<ExitCode> {
    let (_cfg, store) = open_agent(data)?;
    let rows = store.rejected()?;
    if as_json {
        let out: Vec<_> = rows
            .iter()
            .map(|r| json!({ "key": r.rejection.key, "reason": r.rejection.reason, "problems": r.rejection.problems, "record": r.envelope }))
            .collect();
        println!("{}", serde_json::Value::Array(out));
    } else if rows.is_empty() {
        println!("{}", say("rejected-none", &[]));
    } else {
        println!("{}", say("rejected-heading", &counted(rows.len())));
        let language = rasid_agent::language::spoken();
        for r in rows {
            let reason = rasid_agent::rejection::reason_text(&r.rejection.reason, language);
            let args = [
                ("key", r.rejection.key.to_string().into()),
                ("revision", r.envelope.revision.to_string().into()),
                ("reason", reason.into()),
            ];
            println!("  {}", say("rejected-line", &args));
            for p in &r.rejection.problems {
                println!("      {p}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `doctor`: reads every entry of the store and reports what cannot be read.
pub fn doctor(data: &Path, as_json: bool) -> Result<ExitCode> {
    let store_dir = data.join("store");
    match Store::open(&store_dir) {
        Ok(store) => {
            let bad = store.check()?;
            if as_json {
                println!(
                    "{}",
                    json!({ "ok": bad.is_empty(), "records": store.record_count(), "unreadable": bad })
                );
            } else if bad.is_empty() {
                let args = [
                    ("records", number(store.record_count())),
                    ("waiting", number(store.outbox_counts()?.waiting)),
                ];
                println!("{}", say("doctor-ok", &args));
            } else {
                println!("{}", say("doctor-unreadable", &counted(bad.len())));
                for (tree, key, detail) in &bad {
                    println!("  {tree} / {key}: {detail}");
                }
            }
            Ok(if bad.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
        // Only damage sets the store aside. A full disk, a store in use or a permission
        // problem is none: setting the store aside would only hide its records and outbox.
        Err(e @ StoreError::DiskFull) => bail!("{e}\n{}", say("doctor-disk-full", &[])),
        Err(e @ StoreError::Damaged { .. }) => {
            let aside = data.join(format!(
                "store.damaged-{}",
                Local::now().format("%Y%m%d-%H%M%S")
            ));
            let moved = [("aside", shown(&aside))];
            std::fs::rename(&store_dir, &aside)
                .with_context(|| format!("{e}\n{}", say("doctor-set-aside-failed", &moved)))?;
            Store::open(&store_dir)?;
            bail!(
                "{e}\n{}\n{}",
                say("doctor-set-aside", &moved),
                say("doctor-import-again", &[])
            )
        }
        Err(e) => match said_of_store(&store_dir, &e) {
            Some(text) => bail!(text),
            None => bail!("{e}\n{}", say("doctor-left", &[])),
        },
    }
}

/// `run`: the daemon. Imports files dropped into the drop folder, pushes as soon as there is
/// something, pulls assignments periodically, stops cleanly on SIGTERM or Ctrl-C.
pub fn run_daemon(data: &Path) -> Result<ExitCode> {
    let (cfg, store) = open_agent(data)?;
    let up = upstream_of(&cfg, data)?;
    let drop = data.join(&cfg.drop_folder);
    for sub in ["", "done", "failed"] {
        std::fs::create_dir_all(drop.join(sub))
            .with_context(|| format!("creating {}", drop.join(sub).display()))?;
    }
    tracing::info!(center = %cfg.center, upstream = %cfg.upstream, drop = %drop.display(), "agent running");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    rt.block_on(async move {
        let mut stop = Box::pin(shutdown_signal());
        let mut backoff = push::Backoff::new(Duration::from_secs(cfg.max_backoff_secs));
        let mut next_push = Instant::now();
        let mut next_pull = Instant::now();
        let mut seen_sizes: std::collections::HashMap<PathBuf, u64> = Default::default();
        // systemd (Type=notify): ready once the loop starts; WATCHDOG=1 from each turn of it.
        let mut watchdog = rasid_systemd::Watchdog::new(rasid_systemd::Notifier::from_env());
        watchdog.notifier().ready();
        loop {
            watchdog.alive();
            // Files are imported once their size has stayed the same for one tick (copy done).
            let mut imported = false;
            for path in ready_files(&drop, &mut seen_sizes) {
                imported |= import_dropped(&store, &cfg, &drop, &path);
            }
            if imported {
                // Coalesce a burst of files into one push.
                next_push = next_push.min(Instant::now() + Duration::from_millis(300));
            }
            let waiting = store
                .outbox_counts()
                .map(|c| c.waiting > 0 || c.inflight_batch.is_some())
                .unwrap_or(false);
            if waiting && Instant::now() >= next_push {
                match push::push_outbox(&store, &up, cfg.batch_records).await {
                    Ok(r) => {
                        backoff.reset();
                        if r.batches > 0 {
                            tracing::info!(
                                batches = r.batches,
                                accepted = r.accepted,
                                duplicates = r.duplicates,
                                rejected = r.rejected,
                                "pushed"
                            );
                        }
                    }
                    Err(e) => {
                        let wait = if e.is_retryable() {
                            backoff.next_delay()
                        } else {
                            Duration::from_secs(cfg.max_backoff_secs)
                        };
                        tracing::warn!("push failed: {e}; next try in {:.0} s", wait.as_secs_f64());
                        next_push = Instant::now() + wait;
                    }
                }
            }
            if Instant::now() >= next_pull {
                match push::pull_assignments(&store, &up).await {
                    Ok(l) => {
                        tracing::info!(assignments = l.assignments.len(), "pulled assignments");
                        refresh_templates(data, &cfg, &store);
                    }
                    Err(e) => tracing::warn!("pull failed: {e}"),
                }
                next_pull = Instant::now() + Duration::from_secs(cfg.pull_interval_secs);
            }
            tokio::select! {
                _ = &mut stop => break,
                _ = tokio::time::sleep(Duration::from_millis(500)) => {}
            }
        }
        watchdog.notifier().stopping();
        tracing::info!("stopping: everything imported is on disk");
        store.flush()?;
        Ok::<_, anyhow::Error>(())
    })?;
    Ok(ExitCode::SUCCESS)
}

async fn shutdown_signal() {
    #[cfg(unix)]
    {
        let mut term =
            match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
                Ok(s) => s,
                Err(_) => {
                    let _ = tokio::signal::ctrl_c().await;
                    return;
                }
            };
        tokio::select! {
            _ = term.recv() => {}
            _ = tokio::signal::ctrl_c() => {}
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
}

fn ready_files(drop: &Path, seen: &mut std::collections::HashMap<PathBuf, u64>) -> Vec<PathBuf> {
    let mut ready = Vec::new();
    let Ok(entries) = std::fs::read_dir(drop) else {
        return ready;
    };
    let mut present = std::collections::HashSet::new();
    for e in entries.flatten() {
        let path = e.path();
        let Ok(meta) = e.metadata() else { continue };
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if !meta.is_file()
            || name.starts_with('.')
            || name.starts_with("~$")
            || name.ends_with(".errors.txt")
            || name.ends_with(".errors.xlsx")
        {
            continue;
        }
        present.insert(path.clone());
        if seen.get(&path) == Some(&meta.len()) {
            ready.push(path.clone());
            seen.remove(&path);
        } else {
            seen.insert(path, meta.len());
        }
    }
    seen.retain(|p, _| present.contains(p));
    ready.sort();
    rasid_agent::import::in_dependency_order(&mut ready);
    ready
}

/// Imports one dropped file and moves it to `done/` or `failed/` (with its errors beside it).
fn import_dropped(store: &Store, cfg: &AgentConfig, drop: &Path, path: &Path) -> bool {
    let opts = ImportOptions {
        center: cfg.center.clone(),
        as_of: Local::now().date_naive(),
        today: Local::now().date_naive(),
        kind: None,
        encoding: None,
        calendar: None,
    };
    let name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    let stamp = Local::now().format("%Y%m%d-%H%M%S").to_string();
    let target = |sub: &str| {
        drop.join(sub)
            .join(format!("{stamp}-{}", name.to_string_lossy()))
    };
    match read_file(path, &opts, &mut |_| {}) {
        Ok(rows) => {
            let n = rows.len();
            match store
                .import(
                    &cfg.center,
                    rows.into_iter().map(|r| (r.as_of, r.record)).collect(),
                )
                .and_then(|s| {
                    store.flush()?;
                    Ok(s)
                }) {
                Ok(s) => {
                    tracing::info!(file = %path.display(), rows = n, new = s.new, changed = s.changed, "imported");
                    let _ = std::fs::rename(path, target("done"));
                    true
                }
                // Storage failed (disk full …): leave the file where it is to be retried.
                Err(e) => {
                    tracing::error!(file = %path.display(), "import not stored: {e}");
                    false
                }
            }
        }
        Err(e) => {
            tracing::warn!(file = %path.display(), "import refused: {e}");
            let t = target("failed");
            let _ = std::fs::rename(path, &t);
            // The errors name the file where it now is, in `failed/`.
            let e = e.moved_to(&t);
            let report = e.report(rasid_agent::language::spoken());
            let _ = std::fs::write(t.with_extension("errors.txt"), format!("{report}\n"));
            write_annotated(&t, &e, None, cfg.language, &t.with_extension("errors.xlsx"));
            false
        }
    }
}

/// Writes the annotated copy of `file`, refused with `error`, at `out` (`rasid_agent::annotate`);
/// the path written, if any. A failure is logged and printed, and touches neither the file nor
/// its `.errors.txt`.
pub fn write_annotated(
    file: &Path,
    error: &rasid_agent::import::ImportError,
    encoding: Option<&str>,
    language: rasid_agent::template::Language,
    out: &Path,
) -> Option<PathBuf> {
    let copy = std::fs::read(file)
        .map_err(|e| e.to_string())
        .and_then(|bytes| {
            rasid_agent::annotate::annotated_copy(file, &bytes, error, encoding, language)
        });
    let failed = |e: String| {
        tracing::warn!(file = %file.display(), "annotated copy not written: {e}");
        eprintln!("{}: the annotated copy was not written: {e}", out.display());
        None
    };
    match copy {
        Ok(Some(bytes)) => match std::fs::write(out, bytes) {
            Ok(()) => Some(out.to_path_buf()),
            Err(e) => failed(e.to_string()),
        },
        Ok(None) => None,
        Err(e) => failed(e),
    }
}

/// What the agent knows to prefill templates with: the assigned decisions as last pulled and
/// the center's own current records.
fn known_of(cfg: &AgentConfig, store: &Store) -> Result<rasid_agent::template::Known> {
    Ok(rasid_agent::template::Known {
        center: cfg.center.clone(),
        today: Local::now().date_naive(),
        assignments: store.meta(META_ASSIGNMENTS)?,
        records: store.records().collect::<Result<Vec<_>, _>>()?,
    })
}

/// `template`: writes a template for the clerk to fill.
pub fn template(
    data: &Path,
    kind: &str,
    period: Option<&str>,
    lang: Option<&str>,
    out: Option<PathBuf>,
    as_json: bool,
) -> Result<ExitCode> {
    use rasid_agent::template::{self as t, Language, Period};
    let kind = rasid_shared::model::RecordKind::parse(kind.trim())
        .filter(|k| t::KINDS.contains(k))
        .with_context(|| say("template-unknown-kind", &[("kind", kind.into())]))?;
    let (cfg, store) = open_agent(data)?;
    // The binary has refused a --lang that names no language before parsing.
    let language = lang.and_then(Language::parse).unwrap_or(cfg.language);
    let known = known_of(&cfg, &store)?;
    let period = Period::of(kind, period, known.today)?;
    let bytes = t::write(kind, period, language, &known)?;
    let out = out.unwrap_or_else(|| PathBuf::from(t::file_name(kind, period)));
    std::fs::write(&out, bytes).with_context(|| say("error-writing", &[("file", shown(&out))]))?;
    if as_json {
        println!(
            "{}",
            json!({ "file": out, "kind": kind.as_str(), "period": period.to_string() })
        );
    } else {
        let args = [
            ("file", shown(&out)),
            (
                "kind",
                rasid_agent::language::kind_name(kind, rasid_agent::language::spoken()).into(),
            ),
            ("period", period.to_string().into()),
        ];
        println!("{}", say("template-wrote", &args));
    }
    Ok(ExitCode::SUCCESS)
}

/// `run`'s refresh of the templates in the data folder's `templates/` after a pull.
fn refresh_templates(data: &Path, cfg: &AgentConfig, store: &Store) {
    let result = known_of(cfg, store).and_then(|known| {
        rasid_agent::template::refresh_all(&data.join("templates"), cfg.language, &known)
    });
    if let Err(e) = result {
        tracing::warn!("templates not refreshed: {e:#}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `status` knows an unreachable collector by how upstream words the error it stored: the
    /// two must not drift apart.
    #[test]
    fn a_stored_unreachable_error_is_shown_in_plain_words() {
        let e = push::PushError::Unreachable {
            url: "http://127.0.0.1:9".into(),
            detail: "tcp connect error: Connection refused (os error 111)".into(),
        };
        let stored = format!("2026-12-04T10:00:00Z {e}");
        assert_eq!(
            last_error_text(&stored, "http://127.0.0.1:9", 1234),
            "2026-12-04T10:00:00Z the collector at http://127.0.0.1:9 cannot be reached; 1,234 records wait and will be sent when it can"
        );
        let other = "2026-12-04T10:00:00Z the collector at X answered 503: busy";
        assert_eq!(last_error_text(other, "X", 1), other);
    }
}
