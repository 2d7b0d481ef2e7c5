//! The agent's commands that talk to the collector or run as a daemon: push, decisions,
//! update, rejected, run, doctor. Each prints for people, or JSON with `--json`.

use anyhow::{Context, Result, bail};
use chrono::Local;
use rasid_agent::config::{AgentConfig, load_key};
use rasid_agent::import::{ImportOptions, read_file};
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

pub fn open_agent(data: &Path) -> Result<(AgentConfig, Store)> {
    let cfg = AgentConfig::load(data)?;
    let store = Store::open(&data.join("store"))?;
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

/// The words of this module's new messages, in one place to be translated.
mod messages {
    use rasid_agent::progress::grouped;

    /// The collector could not be reached; `waiting` records wait for it.
    pub fn unreachable(upstream: &str, waiting: usize) -> String {
        let records = match waiting {
            1 => "1 record waits".to_string(),
            n => format!("{} records wait", grouped(n as u64)),
        };
        format!(
            "the collector at {upstream} cannot be reached; {records} and will be sent when it can"
        )
    }

    /// A push under way: `total` records waited when it began, `waiting` still do.
    pub fn pushing(total: usize, waiting: usize) -> String {
        format!(
            "pushing: {} of {} records sent, {} to go",
            grouped(total.saturating_sub(waiting) as u64),
            grouped(total as u64),
            grouped(waiting as u64)
        )
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
                println!(
                    "the collector already had some of this store's batch numbers for other records (the store was rebuilt or restored from a copy); its batches are now numbered in a new epoch, {epoch}, and were sent again"
                );
            }
            if as_json {
                println!("{}", serde_json::to_string(&r)?);
            } else if r.batches == 0 {
                println!("nothing to push: the outbox is empty");
            } else {
                println!(
                    "pushed {} batch(es): {} accepted, {} already there, {} rejected{}",
                    r.batches,
                    r.accepted,
                    r.duplicates,
                    r.rejected,
                    if r.rejected > 0 {
                        " (see `rasid-agent rejected`)"
                    } else {
                        ""
                    }
                );
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
            bail!("{e}\n{waiting} record(s) stay in the outbox and will be sent by the next push")
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
                note = Some(format!(
                    "could not refresh from the collector ({e}); showing the list as last pulled"
                ));
                store.meta(META_ASSIGNMENTS)?
            }
        }
    };
    let Some(list) = list else {
        bail!(
            "{}no list of assigned decisions yet: connect to the collector and run `rasid-agent decisions` once",
            note.map(|n| format!("{n}\n")).unwrap_or_default()
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
        println!(
            "{} decision(s) assigned to {} (list of {}):",
            rows.len(),
            list.center,
            list.generated.format("%Y-%m-%d %H:%M")
        );
        for (a, s) in rows {
            let d = &a.decision;
            let state = s
                .map(|s| format!("{} {}%", s.status.as_str(), s.progress))
                .unwrap_or_else(|| "no report".into());
            let due = d.due.map(|x| format!(" due {x}")).unwrap_or_default();
            println!(
                "  {:<10} {:<18} {}{due}  {}",
                d.number, state, d.date, d.title
            );
        }
    }
    Ok(ExitCode::SUCCESS)
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
        bail!(
            "decision {number} is not among the decisions assigned to {} (as last pulled); check the number, or run `rasid-agent decisions` to refresh the list",
            cfg.center
        );
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
    let status = match status {
        Some(s) => ExecutionStatus::parse(s).with_context(|| {
            format!(
                "--status '{s}' is not a status; use one of: {}",
                ExecutionStatus::ACCEPTED_WORDS
            )
        })?,
        None => match &previous {
            Some(p) => p.status,
            None => bail!("no status reported yet for {number}: give --status"),
        },
    };
    let today = Local::now().date_naive();
    let mut fus = previous
        .as_ref()
        .map(|p| p.follow_ups.clone())
        .unwrap_or_default();
    for f in follow_ups {
        let kind = FollowUpKind::parse(f).with_context(|| {
            format!("--follow-up '{f}' is not a follow-up; use call, letter, message or memo")
        })?;
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
        println!(
            "{number}: {} {progress}% recorded; it will be sent with the next push",
            status.as_str()
        );
    } else {
        println!("{number}: unchanged, nothing to send");
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
        println!("no rejected records");
    } else {
        println!(
            "{} record(s) rejected by the collector; correct them in the source file and import it again:",
            rows.len()
        );
        for r in rows {
            println!(
                "  {} (revision {}): {}",
                r.rejection.key, r.envelope.revision, r.rejection.reason
            );
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
                println!(
                    "store OK: {} records, {} waiting in the outbox",
                    store.record_count(),
                    store.outbox_counts()?.waiting
                );
            } else {
                println!("{} unreadable entr(ies):", bad.len());
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
        Err(e @ StoreError::DiskFull) => bail!(
            "{e}\nThe store was left as it is: a full disk does not damage it. Free some space on that disk (or raise the quota or limit), then run `rasid-agent doctor` again."
        ),
        Err(e @ StoreError::Damaged { .. }) => {
            let aside = data.join(format!(
                "store.damaged-{}",
                Local::now().format("%Y%m%d-%H%M%S")
            ));
            std::fs::rename(&store_dir, &aside).with_context(|| {
                format!(
                    "{e}\nsetting the damaged store aside as {} failed too",
                    aside.display()
                )
            })?;
            Store::open(&store_dir)?;
            bail!(
                "{e}\nThe damaged store was moved to {} and a new empty store was created.\nImport your source files again (`rasid-agent import …`): records already sent are recognised by the collector and not counted twice.",
                aside.display()
            )
        }
        Err(e) => bail!("{e}\nThe store was left as it is: nothing shows that it is damaged."),
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
            let report = e.report(cfg.language.into());
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
        .with_context(|| {
            format!(
                "no template for '{kind}'; write decision-status, budget, kpi or project-progress"
            )
        })?;
    let (cfg, store) = open_agent(data)?;
    let language = match lang {
        Some(l) => Language::parse(l)
            .with_context(|| format!("--lang '{l}' is not a language; write ar, fa or en"))?,
        None => cfg.language,
    };
    let known = known_of(&cfg, &store)?;
    let period = Period::of(kind, period, known.today)?;
    let bytes = t::write(kind, period, language, &known)?;
    let out = out.unwrap_or_else(|| PathBuf::from(t::file_name(kind, period)));
    std::fs::write(&out, bytes).with_context(|| format!("writing {}", out.display()))?;
    if as_json {
        println!(
            "{}",
            json!({ "file": out, "kind": kind.as_str(), "period": period.to_string() })
        );
    } else {
        println!("wrote {} ({kind}, {period})", out.display());
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
