//! `import`: `rasid-agent import` of a large budget file as a real process, rows per second and
//! peak resident memory, against a process that only reads the same file into memory (the `csv`
//! crate's `StringRecord`s, or calamine's cell range for .xlsx) — the floor of any import.
//!
//! Files are generated before any timing (budget lines with Arabic headers, as a ministry's
//! finance department exports them). `read-file` is the baseline process (this program). To
//! show where the time goes, the agent's two steps are also timed apart, in a process of this
//! program (`import-steps`):
//! reading and checking every row (`import::read_file`), then storing them (`Store::import`
//! and a flush, into a fresh store).

use crate::measure::{self, Stats, TempDir, num, spread, table_row};
use crate::synthetic;
use anyhow::{Context, Result, bail};
use rasid_agent::import::{self as agent_import, ImportOptions};
use rasid_shared::model::{BudgetCategory, Record};
use rasid_shared::store::Store;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FileFormat {
    Csv,
    Xlsx,
}

impl FileFormat {
    fn ext(self) -> &'static str {
        match self {
            FileFormat::Csv => "csv",
            FileFormat::Xlsx => "xlsx",
        }
    }
}

const HEADERS: [&str; 8] = [
    "السنة المالية",
    "الشهر",
    "البرنامج",
    "التصنيف",
    "المخصص",
    "الالتزامات",
    "المصروف",
    "العملة",
];

fn category_word(c: BudgetCategory) -> &'static str {
    match c {
        BudgetCategory::Operating => "تشغيلية",
        BudgetCategory::Development => "تطويرية",
        BudgetCategory::Salaries => "رواتب",
    }
}

/// The cells of budget row `i` of the importing center, in `HEADERS` order.
fn row(i: usize) -> Vec<String> {
    let env = synthetic::budget_line(&synthetic::center_code(1), i);
    let Record::Budget(b) = env.record else {
        unreachable!("budget_line gives budget lines")
    };
    vec![
        b.fiscal_year.to_string(),
        b.month.to_string(),
        b.program,
        category_word(b.category).to_string(),
        b.allocated.to_string(),
        b.committed.to_string(),
        b.spent.to_string(),
        b.currency,
    ]
}

/// Writes `rows` budget rows to `path` (.csv or .xlsx), numbers as numbers in .xlsx.
pub fn write_file(path: &Path, format: FileFormat, rows: usize) -> Result<()> {
    match format {
        FileFormat::Csv => {
            let mut w = csv::Writer::from_path(path)
                .with_context(|| format!("creating {}", path.display()))?;
            w.write_record(HEADERS)?;
            for i in 0..rows {
                w.write_record(row(i))?;
            }
            w.flush()?;
        }
        FileFormat::Xlsx => {
            let mut book = rust_xlsxwriter::Workbook::new();
            let sheet = book.add_worksheet();
            sheet.set_name("الموازنة")?;
            for (c, h) in HEADERS.iter().enumerate() {
                sheet.write_string(0, c as u16, *h)?;
            }
            for i in 0..rows {
                let r = (i + 1) as u32;
                for (c, cell) in row(i).into_iter().enumerate() {
                    match cell.parse::<f64>() {
                        Ok(n) => sheet.write_number(r, c as u16, n)?,
                        Err(_) => sheet.write_string(r, c as u16, cell)?,
                    };
                }
            }
            book.save(path)
                .with_context(|| format!("writing {}", path.display()))?;
        }
    }
    Ok(())
}

/// The baseline process: reads `path` into memory and prints how many rows it holds.
pub fn read_file(path: &Path, format: FileFormat) -> Result<()> {
    let rows = match format {
        FileFormat::Csv => {
            let mut r = csv::Reader::from_path(path)?;
            let records: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>()?;
            records.len()
        }
        FileFormat::Xlsx => {
            use calamine::Reader;
            let mut book = calamine::open_workbook_auto(path)?;
            let name = book
                .sheet_names()
                .first()
                .cloned()
                .context("the workbook has no sheet")?;
            let range = book.worksheet_range(&name)?;
            range.height().saturating_sub(1)
        }
    };
    println!("{rows}");
    Ok(())
}

/// The agent's import in this process, step by step: prints how long reading and checking
/// took, and how long storing the rows in a fresh store under `store_dir` took, in seconds.
pub fn steps_in_process(file: &Path, store_dir: &Path, rows: usize) -> Result<()> {
    let opts = ImportOptions {
        center: synthetic::center_code(1),
        as_of: chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap_or_default(),
        today: chrono::NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default(),
        kind: None,
        encoding: None,
        calendar: None,
    };
    let started = Instant::now();
    let read =
        agent_import::read_file(file, &opts, &mut |_| {}).map_err(|e| anyhow::anyhow!("{e}"))?;
    let reading = started.elapsed();
    if read.len() != rows {
        bail!("read_file gave {} of {rows} rows", read.len());
    }
    let store = Store::open(store_dir)?;
    let started = Instant::now();
    store.import(
        &opts.center,
        read.into_iter().map(|r| (r.as_of, r.record)).collect(),
    )?;
    store.flush()?;
    println!(
        "{} {}",
        reading.as_secs_f64(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Rows per second and peak resident memory (MiB) of one process.
#[derive(Debug, Clone, Copy)]
struct Measured {
    rate: f64,
    rss_mib: f64,
}

/// What one run measured: the agent's import, its two steps, and the baseline.
struct Sample {
    import: Measured,
    read_rate: f64,
    store_rate: f64,
    baseline: Measured,
}

pub fn run(rows: usize, format: FileFormat, runs: usize) -> Result<()> {
    let agent = measure::sibling_program("rasid-agent", "RASID_AGENT_BIN")?;
    let me = std::env::current_exe()?;
    let dir = TempDir::new("import")?;
    let file = dir.path().join(format!("budget.{}", format.ext()));
    write_file(&file, format, rows)?;
    let size_mib = std::fs::metadata(&file)?.len() as f64 / 1024.0 / 1024.0;
    let mut samples = Vec::new();
    for run in 0..runs.max(1) {
        let (read_rate, store_rate) =
            steps_rates(&me, &dir.path().join(format!("steps-{run}")), &file, rows)?;
        let import = agent_import(
            &agent,
            &dir.path().join(format!("agent-{run}")),
            &file,
            rows,
        )?;
        let baseline = baseline_read(&me, format, &file, rows)?;
        samples.push(Sample {
            import,
            read_rate,
            store_rate,
            baseline,
        });
    }
    report(&samples, rows, format, size_mib);
    Ok(())
}

/// The agent's two steps, reading and storing, in rows per second, timed in a process of this
/// program storing into `store`.
fn steps_rates(me: &Path, store: &Path, file: &Path, rows: usize) -> Result<(f64, f64)> {
    // In a process of its own: memory this process holds would show in the peak RSS of
    // every child started after it.
    let mut steps = Command::new(me);
    steps
        .args(["import-steps", "--rows", &rows.to_string(), "--store"])
        .arg(store)
        .arg(file);
    let (_, out) = measure::run_measured(steps)?;
    let secs: Vec<f64> = out
        .split_whitespace()
        .filter_map(|t| t.parse().ok())
        .collect();
    let [read, stored] = secs[..] else {
        bail!("import-steps printed '{}', not two durations", out.trim());
    };
    Ok((rows as f64 / read, rows as f64 / stored))
}

/// `rasid-agent import` of `file` into a new agent under `data`.
fn agent_import(agent: &Path, data: &Path, file: &Path, rows: usize) -> Result<Measured> {
    let mut init = Command::new(agent);
    init.arg("--data").arg(data).args([
        "init",
        "--center",
        "C0001",
        "--upstream",
        "http://127.0.0.1:9",
    ]);
    measure::run_quietly(init)?;
    let mut import = Command::new(agent);
    import
        .arg("--data")
        .arg(data)
        .args(["--json", "import", "--as-of", "2023-12-31"])
        .arg(file);
    let (r, out) = measure::run_measured(import)?;
    let stored: serde_json::Value = serde_json::from_str(&out)
        .with_context(|| format!("reading the import's answer: {out}"))?;
    if stored[0]["rows"].as_u64() != Some(rows as u64) {
        bail!(
            "the import stored {} of {rows} rows: {out}",
            stored[0]["rows"]
        );
    }
    Ok(Measured {
        rate: rows as f64 / r.wall.as_secs_f64(),
        rss_mib: r.max_rss_kib as f64 / 1024.0,
    })
}

/// The baseline process (`read-file`) reading `file`.
fn baseline_read(me: &Path, format: FileFormat, file: &Path, rows: usize) -> Result<Measured> {
    let mut read = Command::new(me);
    read.args(["read-file", "--format", format.ext()]).arg(file);
    let (b, out) = measure::run_measured(read)?;
    if out.trim() != rows.to_string() {
        bail!("the baseline read {} rows, not {rows}", out.trim());
    }
    Ok(Measured {
        rate: rows as f64 / b.wall.as_secs_f64(),
        rss_mib: b.max_rss_kib as f64 / 1024.0,
    })
}

/// The table rows of the benchmark: rates and memory against the baseline's.
fn report(samples: &[Sample], rows: usize, format: FileFormat, size_mib: f64) {
    let stats = |f: fn(&Sample) -> f64| Stats::of(&samples.iter().map(f).collect::<Vec<_>>());
    let n = samples.len();
    let reader = if format == FileFormat::Csv {
        "csv StringRecords"
    } else {
        "calamine range"
    };
    let what = format!(
        "`rasid-agent import` {} rows of .{} ({size_mib:.1} MiB)",
        num(rows as f64, 0),
        format.ext()
    );
    let (r, br) = (stats(|s| s.import.rate), stats(|s| s.baseline.rate));
    table_row(
        &format!("{what}: rows/s"),
        n,
        spread(r, 0),
        &format!("{reader}: {}", num(br.median, 0)),
        &format!("{:.2}× of reading", r.median / br.median),
    );
    let (rd, st) = (stats(|s| s.read_rate), stats(|s| s.store_rate));
    table_row(
        &format!("{what}: of which reading and checking rows (`read_file`, in process), rows/s"),
        n,
        spread(rd, 0),
        &format!("{reader}: {}", num(br.median, 0)),
        &format!("{:.2}× of reading", rd.median / br.median),
    );
    table_row(
        &format!("{what}: of which storing them (`Store::import` + flush, in process), rows/s"),
        n,
        spread(st, 0),
        "–",
        "–",
    );
    let (m, bm) = (stats(|s| s.import.rss_mib), stats(|s| s.baseline.rss_mib));
    table_row(
        &format!("{what}: peak RSS MiB"),
        n,
        spread(m, 1),
        &format!("{reader}: {:.1}", bm.median),
        &format!("{:.2}×", m.median / bm.median),
    );
}
