//! `rasid-bench`: whole-process figures of Rasid, each printed as markdown table rows with its
//! baseline beside it (docs/BENCHMARKS.md lists the commands and the figures).
//!
//! Speed and memory are measured here and in the criterion benches (`cargo bench`), never in
//! tests. Every subcommand repeats its measurement `--runs` times and prints min / median / max
//! and the machine's load average, since the machine may be shared.
//!
//! Build first: `cargo build --release -p rasid-agent -p rasid-kiosk` and then
//! `cargo build --release -p rasid-bench` (separately, so the agent and kiosk binaries keep
//! their own features); `rasid-bench` runs the `rasid-agent` and `rasid-kiosk` beside it.

mod agent_idle;
mod criterion;
mod drain;
mod fleet;
mod import;
mod ingest;
mod kiosk;
mod latency;
mod measure;
mod soak;
mod start;
mod synthetic;

use anyhow::Result;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

#[derive(Parser)]
#[command(
    name = "rasid-bench",
    about = "Whole-process benchmarks of Rasid, as markdown table rows"
)]
struct Cli {
    /// How many times each figure is measured (min / median / max are printed).
    #[arg(long, global = true, default_value_t = 3)]
    runs: usize,
    /// Print the table header before the rows.
    #[arg(long, global = true)]
    header: bool,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// The machine: cores, CPU model, memory, kernel, load.
    Machine,
    /// Many agents pushing signed batches to a collector on disk at once: records/s.
    Ingest {
        #[arg(long, default_value_t = 200)]
        agents: usize,
        /// Records pushed in all.
        #[arg(long, default_value_t = 100_000)]
        records: usize,
        /// Records per batch.
        #[arg(long, default_value_t = 200)]
        batch: usize,
    },
    /// From a signed push of a change to the kiosk's board model showing it: p50/p99.
    Latency {
        #[arg(long, default_value_t = 1000)]
        updates: usize,
        /// Over synthetic data at national scale (`--decisions`, `--budget-lines`) instead of
        /// the demo's: decision-status and budget-line changes, every board they feed.
        #[arg(long)]
        scale: bool,
        /// Decisions of `--scale` (with their statuses).
        #[arg(long, default_value_t = 100_000)]
        decisions: usize,
        /// Budget lines of `--scale`.
        #[arg(long, default_value_t = 1_000_000)]
        budget_lines: usize,
    },
    /// `rasid-agent serve` started on a store holding synthetic data: seconds until every board
    /// has been served, and its memory then.
    Start {
        /// Decisions (with their statuses).
        #[arg(long, default_value_t = 100_000)]
        decisions: usize,
        #[arg(long, default_value_t = 1_000_000)]
        budget_lines: usize,
    },
    /// `rasid-agent import` of a generated budget file as a process: rows/s and peak RSS.
    Import {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        #[arg(long, value_enum, default_value = "csv")]
        format: import::FileFormat,
    },
    /// An agent's backlog pushed by `rasid-agent push` to a local collector: records/s.
    Drain {
        #[arg(long, default_value_t = 200_000)]
        records: usize,
    },
    /// `rasid-kiosk --windowed` under X: first frame, first chart, memory, CPU.
    Kiosk {
        /// `demo`: `--demo` with its live changes; `quiet-hub`: `--hub` to a collector that
        /// receives nothing.
        #[arg(long, value_enum, default_value = "demo")]
        feed: kiosk::Feed,
        /// The X display (e.g. an Xvfb started with `Xvfb :97 -screen 0 1920x1080x24 &`).
        #[arg(long, env = "DISPLAY", default_value = ":99")]
        display: String,
        /// Seconds after start at which memory is read.
        #[arg(long, default_value_t = 30)]
        settle: u64,
        /// Seconds over which CPU is measured, after the memory reading.
        #[arg(long, default_value_t = 60)]
        idle: u64,
    },
    /// A wall left on: `rasid-kiosk --hub` following `rasid-agent serve` that receives a change
    /// every few seconds; the wall's PSS, RSS, CPU and cache on disk each minute, then whether
    /// they still grow over the last half.
    Soak {
        /// The X display (e.g. `Xvfb :96 -screen 0 1920x1080x24 -noreset &`).
        #[arg(long, env = "DISPLAY", default_value = ":99")]
        display: String,
        #[arg(long, default_value_t = 60)]
        minutes: u64,
        /// Seconds between two changes pushed to the collector (at least 0.05).
        #[arg(long, default_value_t = 3.0)]
        change_every: f64,
        /// The wall's boards.toml (its `--config`); without it, the default rotation.
        #[arg(long)]
        wall_config: Option<PathBuf>,
    },
    /// `rasid-agent run` with nothing to send: resident memory and CPU.
    AgentIdle {
        #[arg(long, default_value_t = 30)]
        settle: u64,
        #[arg(long, default_value_t = 30)]
        idle: u64,
    },
    /// The criterion benches' last saved results as markdown: min / median / max per
    /// benchmark, and the cost by size of groups measured at several sizes.
    Criterion {
        /// criterion's output folder.
        #[arg(long, default_value = "target/criterion")]
        dir: PathBuf,
    },
    /// Writes a generated budget file (as `import` uses) without measuring anything.
    WriteFile {
        #[arg(long, default_value_t = 100_000)]
        rows: usize,
        #[arg(long, value_enum, default_value = "csv")]
        format: import::FileFormat,
        out: PathBuf,
    },
    /// Part of `import`: the agent's reading and storing of a file, timed apart (seconds).
    #[command(hide = true)]
    ImportSteps {
        #[arg(long)]
        rows: usize,
        /// Where the fresh store goes.
        #[arg(long)]
        store: PathBuf,
        file: PathBuf,
    },
    /// The baseline of `import`'s store size: budget rows as JSON into raw sled under DIR.
    #[command(hide = true)]
    SledRows {
        #[arg(long)]
        rows: usize,
        dir: PathBuf,
    },
    /// Part of `import`: each sled tree of a store with its entries and bytes.
    #[command(hide = true)]
    StoreTrees { dir: PathBuf },
    /// The baseline process of `import`: reads a file into memory, prints its row count.
    #[command(hide = true)]
    ReadFile {
        #[arg(long, value_enum)]
        format: import::FileFormat,
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let measuring = !matches!(
        cli.command,
        Cmd::Machine
            | Cmd::Soak { .. }
            | Cmd::Criterion { .. }
            | Cmd::WriteFile { .. }
            | Cmd::ReadFile { .. }
            | Cmd::ImportSteps { .. }
            | Cmd::SledRows { .. }
            | Cmd::StoreTrees { .. }
    );
    if cli.header && measuring {
        measure::table_header();
    }
    let runs = cli.runs;
    match cli.command {
        Cmd::Machine => println!("{}", measure::machine()),
        Cmd::Ingest {
            agents,
            records,
            batch,
        } => ingest::run(ingest::IngestArgs {
            agents,
            records,
            batch,
            runs,
        })?,
        Cmd::Latency {
            updates,
            scale,
            decisions,
            budget_lines,
        } => {
            let scale = scale.then_some(start::Scale {
                decisions,
                budget_lines,
            });
            latency::run(updates, runs, scale)?
        }
        Cmd::Start {
            decisions,
            budget_lines,
        } => start::run(
            start::Scale {
                decisions,
                budget_lines,
            },
            runs,
        )?,
        Cmd::Import { rows, format } => import::run(rows, format, runs)?,
        Cmd::Drain { records } => drain::run(records, runs)?,
        Cmd::Kiosk {
            display,
            feed,
            settle,
            idle,
        } => kiosk::run(
            &display,
            feed,
            runs,
            Duration::from_secs(settle),
            Duration::from_secs(idle),
        )?,
        Cmd::Soak {
            display,
            minutes,
            change_every,
            wall_config,
        } => {
            anyhow::ensure!(
                change_every.is_finite(),
                "--change-every takes seconds between two changes, e.g. 3 or 0.5"
            );
            soak::run(&soak::SoakArgs {
                display,
                minutes,
                change_every: Duration::from_secs_f64(change_every.clamp(0.05, 86_400.0)),
                wall_config,
            })?
        }
        Cmd::AgentIdle { settle, idle } => {
            agent_idle::run(runs, Duration::from_secs(settle), Duration::from_secs(idle))?
        }
        Cmd::Criterion { dir } => criterion::run(&dir)?,
        Cmd::WriteFile { rows, format, out } => import::write_file(&out, format, rows)?,
        Cmd::ReadFile { format, file } => import::read_file(&file, format)?,
        Cmd::ImportSteps { rows, store, file } => import::steps_in_process(&file, &store, rows)?,
        Cmd::SledRows { rows, dir } => import::sled_rows(&dir, rows)?,
        Cmd::StoreTrees { dir } => import::store_trees(&dir)?,
    }
    Ok(())
}
