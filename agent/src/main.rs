//! `rasid-agent`: the command line of the center agent and of the collector (`serve`).

use anyhow::{Context, Result, bail};
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use rasid_agent::config::{AgentConfig, CONFIG_FILE, KEY_FILE, load_key};
use rasid_agent::import::{
    FileRows, ImportOptions, ImportedRow, read_file_counted, stored_summary,
};
use rasid_agent::language::{self, say, spoken};
use rasid_agent::progress::Progress;
use rasid_shared::model::CenterCode;
use rasid_shared::sign::KeyPair;
use rasid_shared::store::{Beginning, ImportSummary, Store};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod commands;
mod help;

#[derive(Parser)]
#[command(
    name = "rasid-agent",
    version,
    about = "Rasid agent: import, keep and push a center's reports; or run the collector"
)]
struct Cli {
    /// The agent's data directory (configuration, key and store).
    #[arg(long, global = true, env = "RASID_DATA", default_value = "rasid-data")]
    data: PathBuf,
    /// Print results as JSON, for scripts.
    #[arg(long, global = true)]
    json: bool,
    /// The language of what is printed: ar, fa or en (else RASID_LANG, the `language` key of
    /// rasid-agent.toml, the system's language, English); for `template`, also the template's
    /// language.
    // Read before parsing (rasid_agent::language), since --help is written in it.
    #[arg(long, global = true)]
    lang: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create the configuration and a key pair; prints the public key to register at the collector.
    Init {
        /// This center's code, as registered at the collector (e.g. MOH).
        #[arg(long)]
        center: String,
        /// The collector's address, e.g. https://collector.example:8443
        #[arg(long)]
        upstream: String,
        /// Replace an existing configuration and key (the old key stops working).
        #[arg(long)]
        force: bool,
    },
    /// Import files (.xlsx, .xlsm, .xls, .ods, .csv, .txt, .json): each file is stored whole or not at all.
    Import {
        /// The files to import, or folders: a folder's files are imported (not its subfolders).
        /// Files are imported in dependency order (sessions, decisions and projects first).
        files: Vec<PathBuf>,
        /// The record kind of rows without a `record` (or `kind`) column; it takes precedence over the
        /// sheet and file names. One of: decision-status (حالة القرار), budget (الموازنة),
        /// kpi (مؤشر), committee (لجنة), project (مشروع), project-progress (تقدم المشاريع),
        /// decision (قرار), session (جلسة), complaints (الشكاوى), legislation (الخطة التشريعية),
        /// legal-memoranda (المذكرات القانونية).
        #[arg(long)]
        kind: Option<String>,
        /// Text encoding of CSV files: utf-8 or windows-1256 (detected when left out).
        #[arg(long)]
        encoding: Option<String>,
        /// Calendar of dates without a marker: gregorian, hijri or solar-hijri.
        #[arg(long)]
        calendar: Option<String>,
        /// The as-of date for rows without one (default: today), as 2023-06-30.
        #[arg(long)]
        as_of: Option<String>,
        /// For each refused spreadsheet or CSV file, write DIR/<file name without its ending>.errors.xlsx:
        /// its cells with every bad cell red and its problem as a note, after a sheet listing the problems.
        #[arg(long, value_name = "DIR")]
        annotate: Option<PathBuf>,
    },
    /// What is stored, what waits in the outbox, the last push and pull, the last error.
    Status,
    /// Send everything waiting in the outbox to the collector now.
    Push,
    /// The decisions and assignments assigned to this center (kept for offline use).
    Decisions {
        /// Only those not yet executed.
        #[arg(long)]
        open: bool,
        /// Do not contact the collector; show the list as last pulled.
        #[arg(long)]
        offline: bool,
    },
    /// Report a decision's status by hand, e.g. `update 18/212/02 --status in-progress --progress 40`.
    Update {
        /// The decision number, e.g. 18/212/02.
        number: String,
        /// not-started, in-progress, executed or blocked (Arabic words accepted).
        #[arg(long)]
        status: Option<String>,
        /// Percent complete, 0 to 100.
        #[arg(long)]
        progress: Option<u8>,
        /// A note on the decision's execution, sent with its status.
        #[arg(long)]
        note: Option<String>,
        /// Record a follow-up action taken today: call, letter, message or memo (repeatable).
        #[arg(long = "follow-up")]
        follow_up: Vec<String>,
    },
    /// Records the collector rejected, with its reasons.
    Rejected,
    /// Run as a daemon: import dropped files, push, pull assignments; stop with SIGTERM or Ctrl-C.
    Run,
    /// Check the store; a damaged one is set aside and replaced by an empty one.
    Doctor,
    /// Write a spreadsheet for the clerk to fill, prefilled from what the agent knows:
    /// decision-status, budget, kpi or project-progress. Filled and dropped in the inbox (or
    /// imported), it needs no flags. Its language is the `language` key of rasid-agent.toml
    /// (else Arabic), or --lang.
    Template {
        /// decision-status, budget, kpi or project-progress.
        kind: String,
        /// budget: a month (2026-11); kpi: a quarter (2026-Q3); project-progress: the period's
        /// end day (2026-12-31). Default: this month, this quarter, today.
        #[arg(long)]
        period: Option<String>,
        /// Where to write it (default: KIND-PERIOD.xlsx in the current folder).
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Write the demo dataset (the secretariat's 2023 as its annual report tells it) as files.
    DemoData {
        /// The folder to write the files into.
        #[arg(long)]
        out: PathBuf,
    },
    /// Check a configuration file (rasid-agent.toml, centers.toml) and print every problem with
    /// its line and key; exits 0 when clean, 1 with problems, 2 for a boards.toml (checked by
    /// `rasid-kiosk --check-config`).
    CheckConfig {
        /// The configuration file to check.
        file: PathBuf,
    },
    /// Run the collector: receive, verify and store batches; serve boards to kiosks.
    Serve(rasid_collector::ServeArgs),
}

fn main() -> ExitCode {
    // The language is chosen before parsing: --help is written in it.
    let chosen = match language::choose(&language::sources_of_process()) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    language::speak(chosen);
    // The agent's own numbers in the digits its configuration names (Western by default).
    let digits = language::digits_of_config(&language::data_of_process());
    rasid_shared::i18n::write_figures_in(digits.unwrap_or_default());
    let matches = help::localized(Cli::command(), chosen).get_matches();
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(e) => e.exit(),
    };
    if cli.json {
        // Scripts read --json, and what goes with it, in English whatever the language.
        language::speak(language::Language::English);
        rasid_shared::i18n::write_figures_in(language::Digits::Western);
    }
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!(
                "{}",
                say("error-line", &[("error", format!("{e:#}").into())])
            );
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Init {
            center,
            upstream,
            force,
        } => init(&cli.data, &center, &upstream, force, cli.json),
        Command::Import {
            files,
            kind,
            encoding,
            calendar,
            as_of,
            annotate,
        } => import(
            &cli.data,
            files,
            ImportArgs {
                kind,
                encoding,
                calendar,
                as_of,
                annotate,
            },
            cli.json,
        ),
        Command::Status => status(&cli.data, cli.json),
        Command::Serve(args) => rasid_collector::run_serve(args, &cli.data),
        Command::CheckConfig { file } => {
            rasid_agent::check_config::run(&file, cli.json, language::spoken())
        }
        Command::Push => commands::push(&cli.data, cli.json),
        Command::Decisions { open, offline } => {
            commands::decisions(&cli.data, open, offline, cli.json)
        }
        Command::Update {
            number,
            status,
            progress,
            note,
            follow_up,
        } => commands::update(
            &cli.data,
            &number,
            status.as_deref(),
            progress,
            note,
            &follow_up,
            cli.json,
        ),
        Command::Rejected => commands::rejected(&cli.data, cli.json),
        Command::Run => {
            init_tracing();
            commands::run_daemon(&cli.data)
        }
        Command::Doctor => commands::doctor(&cli.data, cli.json),
        Command::Template { kind, period, out } => commands::template(
            &cli.data,
            &kind,
            period.as_deref(),
            cli.lang.as_deref(),
            out,
            cli.json,
        ),
        Command::DemoData { out } => {
            let s = rasid_agent::demo_files::write_demo(&out)?;
            if cli.json {
                println!(
                    "{}",
                    json!({ "out": out, "files": s.files, "records": s.records })
                );
            } else {
                println!(
                    "{}",
                    say(
                        "demo-wrote",
                        &[
                            (
                                "records",
                                rasid_shared::i18n::figure(s.records as i64).into()
                            ),
                            ("files", rasid_shared::i18n::figure(s.files as i64).into()),
                            ("folder", out.display().to_string().into()),
                        ],
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn init_tracing() {
    let filter =
        tracing_subscriber::EnvFilter::try_from_env("RASID_LOG").unwrap_or_else(|_| "info".into());
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

fn init(data: &Path, center: &str, upstream: &str, force: bool, as_json: bool) -> Result<ExitCode> {
    let center = CenterCode::new(center)?;
    let cfg = AgentConfig::new(center, upstream.trim_end_matches('/').to_string());
    AgentConfig::parse(&cfg.to_toml())?;
    let cfg_path = data.join(CONFIG_FILE);
    if cfg_path.exists() && !force {
        bail!(say("init-exists", &[("file", shown(&cfg_path))]));
    }
    std::fs::create_dir_all(data.join(&cfg.drop_folder))
        .with_context(|| say("error-creating", &[("folder", shown(data))]))?;
    let key = KeyPair::generate()?;
    write_private(&data.join(KEY_FILE), &key.secret_base64())?;
    std::fs::write(&cfg_path, cfg.to_toml())
        .with_context(|| say("error-writing", &[("file", shown(&cfg_path))]))?;
    commands::open_store(&data.join("store"))?
        .ensure_epoch(Beginning::First, chrono::Utc::now())?;
    if as_json {
        println!(
            "{}",
            json!({ "center": cfg.center, "public_key": key.public_base64(), "config": cfg_path })
        );
    } else {
        let center = || ("center", cfg.center.to_string().into());
        println!("{}", say("init-done", &[center(), ("data", shown(data))]));
        println!("{}", say("init-register", &[center()]));
        println!("  {}", key.public_base64());
    }
    Ok(ExitCode::SUCCESS)
}

/// A path as an argument of a message.
fn shown(path: &Path) -> rasid_shared::i18n::Arg<'static> {
    path.display().to_string().into()
}

fn write_private(path: &Path, text: &str) -> Result<()> {
    std::fs::write(path, text).with_context(|| say("error-writing", &[("file", shown(path))]))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600))
            .with_context(|| format!("protecting {}", path.display()))?;
    }
    Ok(())
}

/// The `import` command's options.
struct ImportArgs {
    kind: Option<String>,
    encoding: Option<String>,
    calendar: Option<String>,
    as_of: Option<String>,
    annotate: Option<PathBuf>,
}

fn import(data: &Path, files: Vec<PathBuf>, args: ImportArgs, as_json: bool) -> Result<ExitCode> {
    if files.is_empty() {
        bail!(say("import-no-files", &[]));
    }
    let (cfg, store) = commands::open_agent(data)?;
    let ImportArgs {
        kind,
        encoding,
        calendar,
        as_of,
        annotate,
    } = args;
    let opts = import_options(cfg.center.clone(), kind, encoding, calendar, as_of)?;
    if let Some(dir) = &annotate {
        std::fs::create_dir_all(dir)
            .with_context(|| say("import-annotate-folder", &[("folder", shown(dir))]))?;
    }
    let mut files = rasid_agent::import::files_of(&files)?;
    if files.is_empty() {
        bail!(say("import-empty-folder", &[]));
    }
    rasid_agent::import::in_dependency_order(&mut files);
    let mut failed = 0;
    let mut results = Vec::new();
    for file in &files {
        let rows = say("progress-rows", &[]);
        let bar = Progress::new(&file.display().to_string(), &rows, as_json);
        match read_file_counted(file, &opts, &mut |n| bar.set(n)) {
            Ok(FileRows { rows, identical }) => {
                let n = rows.len();
                let summary = store_rows(&store, &cfg.center, file, rows, &bar)?;
                if as_json {
                    results.push(json!({ "file": file, "ok": true, "rows": n, "new": summary.new, "changed": summary.changed, "unchanged": summary.unchanged, "resent": summary.resent, "identical_rows": identical }));
                } else {
                    println!("{}", stored_summary(spoken(), file, n, identical, &summary));
                }
            }
            Err(e) => {
                bar.finish();
                failed += 1;
                let copy = annotate.as_ref().and_then(|dir| {
                    let stem = file.file_stem().unwrap_or_default().to_string_lossy();
                    let out = dir.join(format!("{stem}.errors.xlsx"));
                    commands::write_annotated(
                        file,
                        &e,
                        opts.encoding.as_deref(),
                        cfg.language,
                        &out,
                    )
                });
                if as_json {
                    results.push(refused_json(file, &e, copy));
                } else {
                    eprintln!("{}", e.report(spoken()));
                    if let Some(copy) = copy {
                        let copy = copy.display().to_string();
                        eprintln!(
                            "  {}",
                            say("import-problems-marked-in", &[("copy", copy.into())])
                        );
                    }
                }
            }
        }
    }
    if as_json {
        println!("{}", serde_json::Value::Array(results));
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A refused file in `import --json`: the error as one text (`error`), and, when the file was
/// read and found wanting, each problem with its place (`problems`: sheet, row, column, the
/// English message and its `id` in import.ftl, `null` where the problem is of the whole file
/// or row) and how many there were in
/// all (`problems_total`: only the first 50 are listed).
fn refused_json(
    file: &Path,
    e: &rasid_agent::import::ImportError,
    annotated: Option<PathBuf>,
) -> serde_json::Value {
    let mut out =
        json!({ "file": file, "ok": false, "error": e.to_string(), "annotated": annotated });
    if let rasid_agent::import::ImportError::Problems {
        problems, total, ..
    } = e
    {
        let listed: Vec<serde_json::Value> = problems
            .iter()
            .map(|p| {
                json!({
                    "sheet": p.location.sheet,
                    "row": p.location.row,
                    "column": p.location.column,
                    "message": p.message,
                    "id": p.msg.id,
                })
            })
            .collect();
        out["problems"] = json!(listed);
        out["problems_total"] = json!(total);
    }
    out
}

/// The import's options from the command line's words.
fn import_options(
    center: CenterCode,
    kind: Option<String>,
    encoding: Option<String>,
    calendar: Option<String>,
    as_of: Option<String>,
) -> Result<ImportOptions> {
    let kind = match kind {
        Some(k) => Some(rasid_agent::import::parse_kind(&k).with_context(|| {
            say(
                "import-bad-kind",
                &[
                    ("value", k.as_str().into()),
                    ("words", rasid_agent::import::KIND_WORDS.into()),
                ],
            )
        })?),
        None => None,
    };
    let calendar = match calendar {
        Some(c) => Some(
            rasid_shared::format::CalendarKind::parse(&c)
                .with_context(|| say("import-bad-calendar", &[("value", c.as_str().into())]))?,
        ),
        None => None,
    };
    let as_of = match as_of {
        Some(s) => chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .with_context(|| say("import-bad-as-of", &[("value", s.as_str().into())]))?,
        None => chrono::Local::now().date_naive(),
    };
    Ok(ImportOptions {
        center,
        as_of,
        today: chrono::Local::now().date_naive(),
        kind,
        encoding,
        calendar,
    })
}

/// Stores the rows read from `file` and flushes: all of them, or (on an error) none.
fn store_rows(
    store: &Store,
    center: &CenterCode,
    file: &Path,
    rows: Vec<ImportedRow>,
    bar: &Progress,
) -> Result<ImportSummary> {
    bar.stage(&say("import-storing", &[("file", shown(file))]));
    // Until the flush the file may still be undone: a kill or a failed write
    // leaves nothing of it at the next start.
    let stored = store
        .import_with_progress(
            center,
            rows.into_iter().map(|r| (r.as_of, r.record)).collect(),
            &mut |done| bar.set(done),
        )
        .and_then(|summary| store.flush().map(|()| summary));
    bar.finish();
    stored.with_context(|| say("import-store-failed", &[("file", shown(file))]))
}

fn status(data: &Path, as_json: bool) -> Result<ExitCode> {
    let (cfg, store) = commands::open_agent(data)?;
    let outbox = store.outbox_counts()?;
    let last_push: Option<String> = store.meta("agent.last_push")?;
    let last_pull: Option<String> = store.meta("agent.last_pull")?;
    let last_error: Option<String> = store.meta("agent.last_error")?;
    let key = load_key(data)?;
    if as_json {
        println!(
            "{}",
            json!({
                "center": cfg.center, "upstream": cfg.upstream, "public_key": key.public_base64(),
                "records": store.record_count(), "outbox": outbox.waiting, "inflight_batch": outbox.inflight_batch,
                "rejected": store.rejected_count(), "last_push": last_push, "last_pull": last_pull, "last_error": last_error,
            })
        );
    } else {
        let own = |n: usize| rasid_shared::i18n::figure(i64::try_from(n).unwrap_or(i64::MAX));
        let waiting = own(outbox.waiting);
        let outbox_text = match outbox.inflight_batch {
            Some(batch) => say(
                "status-waiting-in-flight",
                &[
                    ("waiting", waiting.into()),
                    ("batch", rasid_shared::i18n::figure(batch as i64).into()),
                ],
            ),
            None => say("status-waiting", &[("waiting", waiting.into())]),
        };
        let never = || say("status-never", &[]);
        let last_error = last_error.as_deref().map_or_else(
            || say("status-no-error", &[]),
            |e| commands::last_error_text(e, &cfg.upstream, outbox.waiting),
        );
        print_fields(&[
            ("status-center", cfg.center.to_string()),
            ("status-upstream", cfg.upstream.clone()),
            ("status-records", own(store.record_count())),
            ("status-outbox", outbox_text),
            ("status-rejected", own(store.rejected_count())),
            ("status-last-push", last_push.unwrap_or_else(never)),
            ("status-last-pull", last_pull.unwrap_or_else(never)),
            ("status-last-error", last_error),
        ]);
    }
    Ok(ExitCode::SUCCESS)
}

/// Prints `label: value` lines, the labels (message ids) said in the spoken language and the
/// values lined up after the longest (at least as English's `status` always did).
fn print_fields(fields: &[(&str, String)]) {
    let labels: Vec<String> = fields
        .iter()
        .map(|(id, _)| format!("{}:", say(id, &[])))
        .collect();
    let width = labels
        .iter()
        .map(|l| l.chars().count() + 4)
        .max()
        .unwrap_or(0)
        .max(15);
    for (label, (_, value)) in labels.iter().zip(fields) {
        println!("{label:<width$}{value}");
    }
}
