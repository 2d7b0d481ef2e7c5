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
//!
//! After the import, the agent's store is measured on disk (every file under it but its
//! `space-reserve`) per imported row, beside raw sled holding the same envelopes as JSON, one
//! insert a row in `sled::Batch`es of 1,000 and a flush (`sled-rows`, a process of this program);
//! what the store holds is split by sled tree (keys and values as sled has them, `store-trees`),
//! the rest of the disk being sled's own (its log's pages, snapshot).

use crate::measure::{self, Stats, TempDir, num, spread, table_row};
use crate::synthetic;
use anyhow::{Context, Result, bail};
use rasid_agent::import::{self as agent_import, ImportOptions};
use rasid_shared::model::{BudgetCategory, Record, RecordEnvelope};
use rasid_shared::store::Store;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

/// The date the bench's imports are made as of (`rasid-agent import --as-of`).
const AS_OF: (i32, u32, u32) = (2023, 12, 31);

/// Records a raw sled `Batch` holds in the baseline, as an import chunk would.
const RAW_BATCH: usize = 1_000;

/// The sled trees whose keys and values are printed apart; the others are summed together.
const TREES_APART: [&str; 3] = ["records", "outbox", "history"];

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

/// The envelope `rasid-agent import --as-of 2023-12-31` stores for budget row `i`.
fn imported_envelope(i: usize) -> RecordEnvelope {
    let mut env = synthetic::budget_line(&synthetic::center_code(1), i);
    env.as_of = chrono::NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap_or_default();
    env
}

/// The baseline of the store's size, in this process: `rows` imported envelopes as JSON, one
/// insert a row (key: the record's key) into a fresh raw sled under `dir` (as
/// `fleet::raw_sled_writes` opens it), in batches of [`RAW_BATCH`], then one flush. Prints the
/// seconds the writes and the flush took; encoding is done before.
pub fn sled_rows(dir: &Path, rows: usize) -> Result<()> {
    let encoded: Vec<(String, Vec<u8>)> = (0..rows)
        .map(|i| {
            let env = imported_envelope(i);
            Ok((env.key().0, serde_json::to_vec(&env)?))
        })
        .collect::<Result<_>>()?;
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .open()
        .context("opening sled")?;
    let tree = db.open_tree("records")?;
    let started = Instant::now();
    for chunk in encoded.chunks(RAW_BATCH) {
        let mut b = sled::Batch::default();
        for (k, v) in chunk {
            b.insert(k.as_bytes(), v.as_slice());
        }
        tree.apply_batch(b)?;
    }
    db.flush()?;
    println!("{}", started.elapsed().as_secs_f64());
    Ok(())
}

/// What the store under `dir` holds, seen from outside through sled: a line per tree with its
/// name, its entries and the bytes of their keys and values.
pub fn store_trees(dir: &Path) -> Result<()> {
    let db = sled::Config::new()
        .path(dir)
        .cache_capacity(32 * 1024 * 1024)
        .open()
        .with_context(|| format!("opening {} with sled", dir.display()))?;
    for name in db.tree_names() {
        let tree = db.open_tree(&name)?;
        let (mut entries, mut bytes) = (0u64, 0u64);
        for kv in tree.iter() {
            let (k, v) = kv?;
            entries += 1;
            bytes += (k.len() + v.len()) as u64;
        }
        println!("{} {entries} {bytes}", String::from_utf8_lossy(&name));
    }
    Ok(())
}

/// The agent's import in this process, step by step: prints how long reading and checking
/// took, and how long storing the rows in a fresh store under `store_dir` took, in seconds.
pub fn steps_in_process(file: &Path, store_dir: &Path, rows: usize) -> Result<()> {
    let opts = ImportOptions {
        center: synthetic::center_code(1),
        as_of: chrono::NaiveDate::from_ymd_opt(AS_OF.0, AS_OF.1, AS_OF.2).unwrap_or_default(),
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

/// What one run measured: the agent's import, its two steps, and the baselines.
struct Sample {
    import: Measured,
    read_rate: f64,
    store_rate: f64,
    baseline: Measured,
    /// The agent's store on disk after the import, bytes per row (its reserve left out).
    store_bytes_per_row: f64,
    /// Keys and values of each sled tree of that store, bytes per row.
    trees: BTreeMap<String, f64>,
    /// Raw sled holding the same envelopes as JSON: rows/s and bytes on disk per row.
    sled_rate: f64,
    sled_bytes_per_row: f64,
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
        let data = dir.path().join(format!("agent-{run}"));
        let import = agent_import(&agent, &data, &file, rows)?;
        let store = data.join("store");
        let store_bytes_per_row = measure::store_bytes(&store)? as f64 / rows as f64;
        let trees = tree_bytes(&me, &store)?
            .into_iter()
            .map(|(name, bytes)| (name, bytes as f64 / rows as f64))
            .collect();
        std::fs::remove_dir_all(&data)?;
        let baseline = baseline_read(&me, format, &file, rows)?;
        let (sled_rate, sled_bytes_per_row) =
            raw_sled(&me, &dir.path().join(format!("sled-{run}")), rows)?;
        samples.push(Sample {
            import,
            read_rate,
            store_rate,
            baseline,
            store_bytes_per_row,
            trees,
            sled_rate,
            sled_bytes_per_row,
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

/// The bytes of keys and values in each sled tree of the store under `store`, read by a
/// process of this program (`store-trees`) once the agent's has ended.
fn tree_bytes(me: &Path, store: &Path) -> Result<BTreeMap<String, u64>> {
    let mut cmd = Command::new(me);
    cmd.arg("store-trees").arg(store);
    let out = measure::run_quietly(cmd)?;
    let mut trees = BTreeMap::new();
    for line in out.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [name, _entries, bytes] = parts[..] else {
            bail!("store-trees printed '{line}', not a tree, its entries and its bytes");
        };
        trees.insert(name.to_string(), bytes.parse()?);
    }
    Ok(trees)
}

/// The raw sled baseline in a process of this program (`sled-rows`) writing under `dir`: rows
/// per second, and bytes on disk per row once it has ended. `dir` is removed after.
fn raw_sled(me: &Path, dir: &Path, rows: usize) -> Result<(f64, f64)> {
    let mut cmd = Command::new(me);
    cmd.args(["sled-rows", "--rows", &rows.to_string()])
        .arg(dir);
    let (_, out) = measure::run_measured(cmd)?;
    let secs: f64 = out
        .trim()
        .parse()
        .with_context(|| format!("sled-rows printed '{}', not a duration", out.trim()))?;
    let bytes = measure::store_bytes(dir)?;
    std::fs::remove_dir_all(dir)?;
    Ok((rows as f64 / secs, bytes as f64 / rows as f64))
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
    let sr = stats(|s| s.sled_rate);
    let raw = format!(
        "raw sled, a JSON insert a row, batches of {} + flush",
        num(RAW_BATCH as f64, 0)
    );
    table_row(
        &format!("{what}: of which storing them (`Store::import` + flush, in process), rows/s"),
        n,
        spread(st, 0),
        &format!("{raw}: {}", num(sr.median, 0)),
        &format!("{:.2}× of sled", st.median / sr.median),
    );
    let (sb, rb) = (
        stats(|s| s.store_bytes_per_row),
        stats(|s| s.sled_bytes_per_row),
    );
    table_row(
        &format!(
            "{what}: the agent's store on disk after it (files, `space-reserve` left out), bytes per row"
        ),
        n,
        spread(sb, 0),
        &format!("{raw}: {}", num(rb.median, 0)),
        &format!("{:.2}× of sled", sb.median / rb.median),
    );
    report_trees(samples, &what);
    let (m, bm) = (stats(|s| s.import.rss_mib), stats(|s| s.baseline.rss_mib));
    table_row(
        &format!("{what}: peak RSS MiB"),
        n,
        spread(m, 1),
        &format!("{reader}: {:.1}", bm.median),
        &format!("{:.2}×", m.median / bm.median),
    );
}

/// The rows splitting the agent's store on disk: each tree's keys and values, and sled's own.
fn report_trees(samples: &[Sample], what: &str) {
    let n = samples.len();
    let tree = |s: &Sample, name: &str| s.trees.get(name).copied().unwrap_or(0.0);
    for name in TREES_APART {
        let t = Stats::of(&samples.iter().map(|s| tree(s, name)).collect::<Vec<_>>());
        table_row(
            &format!("{what}: of which keys + values in the store's `{name}` tree, bytes per row"),
            n,
            spread(t, 0),
            "–",
            "–",
        );
    }
    let others: Vec<f64> = samples
        .iter()
        .map(|s| {
            s.trees
                .iter()
                .filter(|(name, _)| !TREES_APART.contains(&name.as_str()))
                .map(|(_, b)| b)
                .sum()
        })
        .collect();
    table_row(
        &format!("{what}: of which keys + values in its other trees, bytes per row"),
        n,
        spread(Stats::of(&others), 1),
        "–",
        "–",
    );
    let sled_own: Vec<f64> = samples
        .iter()
        .map(|s| s.store_bytes_per_row - s.trees.values().sum::<f64>())
        .collect();
    table_row(
        &format!(
            "{what}: of which sled's own (the disk beyond keys + values: log pages, snapshot), bytes per row"
        ),
        n,
        spread(Stats::of(&sled_own), 0),
        "–",
        "–",
    );
}
