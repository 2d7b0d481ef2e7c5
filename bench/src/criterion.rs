//! `criterion`: what the criterion benches (`cargo bench`) last saved under `target/criterion`,
//! as the markdown of docs/BENCHMARKS.md: min / median / max time per iteration of every
//! benchmark, and, for a group measured at several sizes (`rebuild/1k-…`, `rebuild/10k-…`),
//! how the cost grows from one size to the next.
//!
//! Reads each benchmark's `new/benchmark.json` (its names and throughput) and `new/sample.json`
//! (per sample: iterations run and their total time in ns). Measures nothing itself, and says
//! when each group was measured, since a filtered `cargo bench` leaves older groups in place.

use crate::measure::{Stats, num};
use anyhow::{Context, Result, bail};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// One benchmark as criterion saved it.
#[derive(Debug, Clone)]
pub struct Saved {
    /// `rebuild/1k-decisions-10k-budget`.
    pub group: String,
    /// The benchmark within its group: `floor`, `decision-execution`, `budget/wall-ui`.
    pub name: String,
    /// Elements one iteration processes, when the bench declared a throughput.
    pub elements: Option<u64>,
    /// Time per iteration of each sample, ns.
    pub per_iteration: Vec<f64>,
    /// When the samples were written.
    pub measured: SystemTime,
}

impl Saved {
    /// Min, median and max of the per-iteration times. The median is interpolated between the
    /// two middle samples, as criterion's own report computes it.
    pub fn stats(&self) -> Stats {
        Stats::of_interpolated(&self.per_iteration)
    }
}

#[derive(Deserialize)]
struct BenchmarkFile {
    group_id: String,
    full_id: String,
    throughput: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct SampleFile {
    iters: Vec<f64>,
    times: Vec<f64>,
}

/// Elements per iteration from criterion's `Throughput` as saved: `{"Elements": n}` or
/// `{"ElementsAndBytes": {"elements": n, …}}`; bytes and bits are not records.
fn elements(throughput: &serde_json::Value) -> Option<u64> {
    throughput
        .get("Elements")
        .or_else(|| throughput.get("ElementsAndBytes")?.get("elements"))
        .and_then(serde_json::Value::as_u64)
}

/// One benchmark from its `new` folder (holding `benchmark.json` and `sample.json`).
fn read_one(new: &Path) -> Result<Saved> {
    let bench_path = new.join("benchmark.json");
    let sample_path = new.join("sample.json");
    let bench: BenchmarkFile = serde_json::from_slice(
        &std::fs::read(&bench_path).with_context(|| format!("reading {}", bench_path.display()))?,
    )
    .with_context(|| format!("{} is not criterion's benchmark.json", bench_path.display()))?;
    let sample: SampleFile = serde_json::from_slice(
        &std::fs::read(&sample_path)
            .with_context(|| format!("reading {}", sample_path.display()))?,
    )
    .with_context(|| format!("{} is not criterion's sample.json", sample_path.display()))?;
    if sample.iters.len() != sample.times.len() || sample.iters.is_empty() {
        bail!(
            "{}: {} iteration counts for {} times; run the bench again",
            sample_path.display(),
            sample.iters.len(),
            sample.times.len()
        );
    }
    let per_iteration = sample
        .iters
        .iter()
        .zip(&sample.times)
        .map(|(n, t)| t / n)
        .collect();
    let name = bench
        .full_id
        .strip_prefix(&bench.group_id)
        .and_then(|rest| rest.strip_prefix('/'))
        .unwrap_or(&bench.full_id)
        .to_string();
    let measured = std::fs::metadata(&sample_path)
        .and_then(|m| m.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH);
    Ok(Saved {
        group: bench.group_id,
        name,
        elements: bench.throughput.as_ref().and_then(elements),
        per_iteration,
        measured,
    })
}

/// Every `…/new/benchmark.json` under `dir` (criterion's `report` folders hold none).
fn new_folders(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let path = entry?.path();
        if !path.is_dir() {
            continue;
        }
        if path.file_name().is_some_and(|n| n == "new") && path.join("benchmark.json").is_file() {
            found.push(path);
        } else {
            new_folders(&path, found)?;
        }
    }
    Ok(())
}

/// Every benchmark saved under `dir`, sorted by group and name.
pub fn load(dir: &Path) -> Result<Vec<Saved>> {
    if !dir.is_dir() {
        bail!(
            "{} does not exist: run the criterion benches first (`cargo bench -p rasid-shared --bench aggregation` …), or name their folder with --dir",
            dir.display()
        );
    }
    let mut folders = Vec::new();
    new_folders(dir, &mut folders)?;
    let mut saved = folders
        .iter()
        .map(|f| read_one(f))
        .collect::<Result<Vec<_>>>()?;
    saved.sort_by(|a, b| (&a.group, &a.name).cmp(&(&b.group, &b.name)));
    Ok(saved)
}

/// A duration in ns with the unit that suits `unit_of`, three significant digits.
fn time_in(ns: f64, unit_of: f64) -> String {
    let (div, _) = unit(unit_of);
    let x = ns / div;
    // Three significant digits, and more below 1 ns (the per-record cost of a board that does
    // not depend on the records).
    let decimals = if x == 0.0 {
        0
    } else {
        (2.0 - x.abs().log10().floor()).clamp(0.0, 6.0) as usize
    };
    num(x, decimals)
}

/// The divisor and name of the unit for a duration of `ns`.
fn unit(ns: f64) -> (f64, &'static str) {
    match ns.abs() {
        x if x >= 1e9 => (1e9, "s"),
        x if x >= 1e6 => (1e6, "ms"),
        x if x >= 1e3 => (1e3, "µs"),
        _ => (1.0, "ns"),
    }
}

/// A duration in ns with its own unit: `23.2 µs`.
pub fn time(ns: f64) -> String {
    if !ns.is_finite() {
        return "–".into();
    }
    format!("{} {}", time_in(ns, ns), unit(ns).1)
}

/// `min / **median** / max unit`, all three in the median's unit.
fn spread(s: Stats) -> String {
    if !s.median.is_finite() {
        return "–".into();
    }
    format!(
        "{} / **{}** / {} {}",
        time_in(s.min, s.median),
        time_in(s.median, s.median),
        time_in(s.max, s.median),
        unit(s.median).1
    )
}

/// The size a group label starts with: `1k-decisions…` → 1,000; `100-records` → 100.
fn leading_size(label: &str) -> Option<f64> {
    let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
    let n: f64 = digits.parse().ok()?;
    let factor = match label[digits.len()..].chars().next() {
        Some('k') => 1e3,
        Some('m' | 'M') => 1e6,
        _ => 1.0,
    };
    Some(n * factor)
}

/// When a group was measured, as the headings give it.
fn when(t: SystemTime) -> String {
    chrono::DateTime::<chrono::Utc>::from(t)
        .format("%Y-%m-%d %H:%M UTC")
        .to_string()
}

/// The markdown: one table per group (min / median / max per iteration, per record), then one
/// scaling table per family of groups measured at several sizes.
pub fn render(saved: &[Saved]) -> String {
    let mut out = String::new();
    let mut groups: BTreeMap<&str, Vec<&Saved>> = BTreeMap::new();
    for s in saved {
        groups.entry(&s.group).or_default().push(s);
    }
    for (group, benches) in &groups {
        let newest = benches.iter().map(|s| s.measured).max();
        let _ = writeln!(
            out,
            "### {group} (measured {})\n",
            newest.map(when).unwrap_or_default()
        );
        out.push_str("| benchmark | samples | min / **median** / max per iteration | per record (median) |\n");
        out.push_str("|---|---|---|---|\n");
        for s in benches {
            let st = s.stats();
            let per_record = match s.elements {
                Some(n) if n > 0 => format!(
                    "{} ({} record{})",
                    time(st.median / n as f64),
                    num(n as f64, 0),
                    if n == 1 { "" } else { "s" }
                ),
                _ => "–".into(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {per_record} |",
                s.name,
                s.per_iteration.len(),
                spread(st)
            );
        }
        out.push('\n');
    }

    // Families: groups `family/label` whose labels start with a size, at two sizes or more.
    let mut families: BTreeMap<&str, Vec<(f64, &str)>> = BTreeMap::new();
    for group in groups.keys() {
        if let Some((family, label)) = group.rsplit_once('/')
            && let Some(size) = leading_size(label)
        {
            families.entry(family).or_default().push((size, label));
        }
    }
    for (family, mut sizes) in families {
        if sizes.len() < 2 {
            continue;
        }
        sizes.sort_by(|a, b| a.0.total_cmp(&b.0));
        let _ = writeln!(out, "### {family}: cost by size\n");
        out.push_str("| benchmark | size | records | median | per record | × size | × time |\n");
        out.push_str("|---|---|---|---|---|---|---|\n");
        let mut names: Vec<&str> = Vec::new();
        for (_, label) in &sizes {
            for s in &groups[format!("{family}/{label}").as_str()] {
                if !names.contains(&s.name.as_str()) {
                    names.push(&s.name);
                }
            }
        }
        for name in names {
            let mut previous: Option<(f64, f64)> = None;
            for (size, label) in &sizes {
                let Some(s) = groups[format!("{family}/{label}").as_str()]
                    .iter()
                    .find(|s| s.name == name)
                else {
                    continue;
                };
                let median = s.stats().median;
                // The records an iteration handles when declared, else the label's size.
                let work = s.elements.map(|n| n as f64).unwrap_or(*size);
                let records = s.elements.map(|n| num(n as f64, 0)).unwrap_or("–".into());
                let per_record = match s.elements {
                    Some(n) if n > 0 => time(median / n as f64),
                    _ => "–".into(),
                };
                let (x_size, x_time) = match previous {
                    Some((w, m)) => (format!("{:.1}×", work / w), format!("{:.1}×", median / m)),
                    None => ("–".into(), "–".into()),
                };
                let _ = writeln!(
                    out,
                    "| {name} | {label} | {records} | {} | {per_record} | {x_size} | {x_time} |",
                    time(median)
                );
                previous = Some((work, median));
            }
        }
        out.push('\n');
    }
    out
}

pub fn run(dir: &Path) -> Result<()> {
    let saved = load(dir)?;
    if saved.is_empty() {
        bail!(
            "no criterion results under {}: run `cargo bench` first",
            dir.display()
        );
    }
    print!("{}", render(&saved));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::measure::TempDir;

    /// Writes a benchmark's `new` folder as criterion 0.8 does.
    fn write_bench(
        root: &Path,
        group: &str,
        name: &str,
        throughput: &str,
        iters: &[f64],
        times: &[f64],
    ) {
        let new = root
            .join(group.replace('/', "_"))
            .join(name.replace('/', "_"))
            .join("new");
        std::fs::create_dir_all(&new).unwrap();
        let full_id = format!("{group}/{name}");
        std::fs::write(
            new.join("benchmark.json"),
            format!(
                r#"{{"group_id":"{group}","function_id":"{name}","value_str":null,"throughput":{throughput},"full_id":"{full_id}","directory_name":"x","title":"{full_id}"}}"#
            ),
        )
        .unwrap();
        std::fs::write(
            new.join("sample.json"),
            serde_json::json!({"sampling_mode": "Linear", "iters": iters, "times": times})
                .to_string(),
        )
        .unwrap();
        // criterion's older results and its report beside them, which must be ignored.
        let base = new.with_file_name("base");
        std::fs::create_dir_all(&base).unwrap();
        std::fs::write(base.join("benchmark.json"), "not read").unwrap();
    }

    fn fixture() -> TempDir {
        let dir = TempDir::new("criterion-fixture").unwrap();
        let root = dir.path();
        // 10 records: 1 µs, 2 µs, 3 µs, 4 µs per iteration (iterations 10, 20, 30, 40).
        write_bench(
            root,
            "grow/10-records",
            "work",
            r#"{"Elements":10}"#,
            &[10.0, 20.0, 30.0, 40.0],
            &[10_000.0, 40_000.0, 90_000.0, 160_000.0],
        );
        // 100 records: 30, 40, 50 µs per iteration.
        write_bench(
            root,
            "grow/100-records",
            "work",
            r#"{"Elements":100}"#,
            &[1.0, 1.0, 1.0],
            &[50_000.0, 30_000.0, 40_000.0],
        );
        write_bench(
            root,
            "grow/100-records",
            "baseline",
            r#"{"Elements":100}"#,
            &[2.0],
            &[1_000.0],
        );
        write_bench(root, "one", "single", r#"{"Elements":1}"#, &[4.0], &[100.0]);
        write_bench(root, "frame", "board/wall-ui", "null", &[5.0], &[1.5e6]);
        std::fs::create_dir_all(root.join("report")).unwrap();
        dir
    }

    #[test]
    fn per_iteration_times_come_from_times_over_iters() {
        let dir = fixture();
        let saved = load(dir.path()).unwrap();
        let names: Vec<(&str, &str)> = saved
            .iter()
            .map(|s| (s.group.as_str(), s.name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("frame", "board/wall-ui"),
                ("grow/10-records", "work"),
                ("grow/100-records", "baseline"),
                ("grow/100-records", "work"),
                ("one", "single"),
            ]
        );
        let small = &saved[1];
        assert_eq!(small.elements, Some(10));
        assert_eq!(small.per_iteration, [1_000.0, 2_000.0, 3_000.0, 4_000.0]);
        // An even count: the median lies between the two middle samples.
        assert_eq!(
            small.stats(),
            Stats {
                min: 1_000.0,
                median: 2_500.0,
                max: 4_000.0
            }
        );
        assert_eq!(saved[3].stats().median, 40_000.0);
        assert_eq!(saved[0].elements, None);
        assert_eq!(saved[0].per_iteration, [300_000.0]);
    }

    #[test]
    fn rows_give_the_spread_in_one_unit_and_the_cost_per_record() {
        let text = render(&load(fixture().path()).unwrap());
        assert!(
            text.contains("| work | 4 | 1.00 / **2.50** / 4.00 µs | 250 ns (10 records) |"),
            "{text}"
        );
        assert!(
            text.contains("| board/wall-ui | 1 | 300 / **300** / 300 µs | – |"),
            "{text}"
        );
    }

    #[test]
    fn groups_at_several_sizes_get_a_scaling_table_in_size_order() {
        let text = render(&load(fixture().path()).unwrap());
        let table = &text[text
            .find("### grow: cost by size")
            .expect("a scaling table")..];
        let small = table
            .find("| work | 10-records | 10 | 2.50 µs | 250 ns | – | – |")
            .expect(&text);
        let big = table
            .find("| work | 100-records | 100 | 40.0 µs | 400 ns | 10.0× | 16.0× |")
            .expect(&text);
        assert!(small < big);
        // Measured at one size only: listed, with nothing to compare it to.
        assert!(table.contains("| baseline | 100-records | 100 | 500 ns | 5.00 ns | – | – |"));
        assert!(!text.contains("### frame: cost by size"));
    }

    #[test]
    fn times_keep_three_significant_digits_in_a_fitting_unit() {
        assert_eq!(time(23_167.2), "23.2 µs");
        assert_eq!(time(1_510_000_000.0), "1.51 s");
        assert_eq!(time(999.0), "999 ns");
        assert_eq!(time(0.0232), "0.0232 ns");
        assert_eq!(time(f64::NAN), "–");
    }

    #[test]
    fn sizes_are_read_from_the_group_label() {
        assert_eq!(leading_size("1k-decisions-10k-budget"), Some(1e3));
        assert_eq!(leading_size("100k-decisions-1m-budget"), Some(1e5));
        assert_eq!(leading_size("1000-records"), Some(1e3));
        assert_eq!(leading_size("10k-decisions-300-centers"), Some(1e4));
        assert_eq!(leading_size("rtl-300-names"), None);
    }

    #[test]
    fn a_damaged_sample_file_is_named_in_the_error() {
        let dir = fixture();
        let sample = dir
            .path()
            .join("frame")
            .join("board_wall-ui")
            .join("new")
            .join("sample.json");
        std::fs::write(&sample, r#"{"iters":[1.0],"times":[]}"#).unwrap();
        let err = format!("{:#}", load(dir.path()).unwrap_err());
        assert!(err.contains("sample.json"), "{err}");
        assert!(err.contains("run the bench again"), "{err}");
    }

    #[test]
    fn a_missing_folder_says_to_run_the_benches() {
        let err = load(Path::new("/nonexistent/criterion")).unwrap_err();
        assert!(err.to_string().contains("run the criterion benches first"));
    }
}
