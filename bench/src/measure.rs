//! How figures are taken and printed: wall time of child processes with their peak memory,
//! memory and CPU of running processes from /proc, the machine's load, statistics over runs,
//! and the markdown rows of docs/BENCHMARKS.md.
//!
//! Linux only (/proc, `wait4`). Not for criterion benches, which measure themselves.

use anyhow::{Context, Result, bail};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus};
use std::time::{Duration, Instant};

/// Min, median and max of a series.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stats {
    pub min: f64,
    pub median: f64,
    pub max: f64,
}

impl Stats {
    /// Of the finite `values`; the median of an even count is the upper middle value.
    pub fn of(values: &[f64]) -> Stats {
        Self::with_median(values, |v| v[v.len() / 2])
    }

    /// Of the finite `values`, the median interpolated between the two middle values of an
    /// even count, as criterion's own report computes it.
    pub fn of_interpolated(values: &[f64]) -> Stats {
        Self::with_median(values, |v| {
            let mid = v.len() / 2;
            if v.len() % 2 == 1 {
                v[mid]
            } else {
                (v[mid - 1] + v[mid]) / 2.0
            }
        })
    }

    /// `median` is given the finite values sorted, never empty. All NaN when there are none.
    fn with_median(values: &[f64], median: fn(&[f64]) -> f64) -> Stats {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        v.sort_by(f64::total_cmp);
        match v.first().zip(v.last()) {
            Some((&min, &max)) => Stats {
                min,
                median: median(&v),
                max,
            },
            None => Stats {
                min: f64::NAN,
                median: f64::NAN,
                max: f64::NAN,
            },
        }
    }
}

/// The `q` quantile (0..=1) of `values`, nearest rank.
pub fn quantile(values: &[f64], q: f64) -> f64 {
    let mut v: Vec<f64> = values.to_vec();
    v.sort_by(f64::total_cmp);
    if v.is_empty() {
        return f64::NAN;
    }
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

/// The 1, 5 and 15 minute load averages, as `uptime` prints them.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

/// A number as the tables print it: grouped thousands, `decimals` after the point.
pub fn num(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s
        .split_once('.')
        .map(|(a, b)| (a.to_string(), Some(b.to_string())))
        .unwrap_or((s.clone(), None));
    let mut grouped = String::new();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if x < 0.0 { "-" } else { "" };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// `min / median / max` of `s`.
pub fn spread(s: Stats, decimals: usize) -> String {
    format!(
        "{} / **{}** / {}",
        num(s.min, decimals),
        num(s.median, decimals),
        num(s.max, decimals)
    )
}

/// The header of the tables every subcommand prints.
pub fn table_header() {
    println!(
        "| figure | runs | min / **median** / max | baseline (median) | ratio | load avg (1/5/15 min) |"
    );
    println!("|---|---|---|---|---|---|");
}

/// One row: what, how many runs, the spread, the baseline beside it and the ratio.
pub fn table_row(figure: &str, runs: usize, value: String, baseline: &str, ratio: &str) {
    println!(
        "| {figure} | {runs} | {value} | {baseline} | {ratio} | {} |",
        load_average()
    );
}

/// A folder removed with everything in it when dropped.
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(what: &str) -> Result<TempDir> {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::SeqCst);
        let dir =
            std::env::temp_dir().join(format!("rasid-bench-{}-{what}-{n}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
        Ok(TempDir(dir))
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The file a store keeps as a reserve of zeros so it can be opened on a full disk
/// (`rasid_shared::store`): deliberate, and not what the records take.
const STORE_RESERVE_FILE: &str = "space-reserve";

/// What a store takes on disk: the sizes of the files under `dir`, in every subfolder, but for
/// its reserve of space (`space-reserve`).
pub fn store_bytes(dir: &Path) -> Result<u64> {
    let mut bytes = 0;
    for entry in std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))? {
        let entry = entry?;
        let meta = entry.metadata()?;
        if meta.is_dir() {
            bytes += store_bytes(&entry.path())?;
        } else if entry.file_name() != STORE_RESERVE_FILE {
            bytes += meta.len();
        }
    }
    Ok(bytes)
}

/// A sibling program of this one in the same target folder (`rasid-agent`, `rasid-kiosk`), or
/// the one named by the environment variable `var`.
pub fn sibling_program(name: &str, var: &str) -> Result<PathBuf> {
    if let Some(p) = std::env::var_os(var) {
        return Ok(PathBuf::from(p));
    }
    let me = std::env::current_exe().context("finding this program")?;
    let p = me.with_file_name(name);
    if !p.exists() {
        bail!(
            "{} not found; build it with `cargo build --release -p {}`, or name it with {var}",
            p.display(),
            if name == "rasid-kiosk" {
                "rasid-kiosk"
            } else {
                "rasid-agent"
            }
        );
    }
    Ok(p)
}

/// What a finished child process took.
#[derive(Debug, Clone, Copy)]
pub struct ProcessRun {
    pub wall: Duration,
    pub status: ExitStatus,
    /// Peak resident set size of the child, in KiB (`ru_maxrss`).
    pub max_rss_kib: u64,
}

/// Waits for `child` (spawned at `started`) with `wait4`, which also gives its peak memory.
pub fn wait_measured(child: Child, started: Instant) -> Result<ProcessRun> {
    let pid = child.id() as libc::pid_t;
    let mut status: libc::c_int = 0;
    // SAFETY: an all-zero rusage is a valid value to be overwritten.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = loop {
        // SAFETY: pid is our own child, not waited for yet; status and usage are valid pointers.
        let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if r == -1 && std::io::Error::last_os_error().kind() == std::io::ErrorKind::Interrupted {
            continue;
        }
        break r;
    };
    let wall = started.elapsed();
    if r != pid {
        bail!(
            "waiting for process {pid}: {}",
            std::io::Error::last_os_error()
        );
    }
    // The child is reaped: std's handle must not wait for it again.
    std::mem::forget(child);
    Ok(ProcessRun {
        wall,
        status: std::os::unix::process::ExitStatusExt::from_raw(status),
        max_rss_kib: usage.ru_maxrss as u64,
    })
}

/// Runs `cmd` to the end, measured; fails when it fails, with its error output.
pub fn run_measured(mut cmd: Command) -> Result<(ProcessRun, String)> {
    let dir = TempDir::new("out")?;
    let out_path = dir.path().join("stdout");
    let err_path = dir.path().join("stderr");
    cmd.stdout(std::fs::File::create(&out_path)?)
        .stderr(std::fs::File::create(&err_path)?);
    let started = Instant::now();
    let child = cmd.spawn().with_context(|| format!("starting {cmd:?}"))?;
    let run = wait_measured(child, started)?;
    let stdout = std::fs::read_to_string(&out_path).unwrap_or_default();
    if !run.status.success() {
        let stderr = std::fs::read_to_string(&err_path).unwrap_or_default();
        bail!("{cmd:?} failed ({}):\n{stdout}{stderr}", run.status);
    }
    Ok((run, stdout))
}

/// Runs `cmd` to the end (not measured); returns what it printed.
pub fn run_quietly(mut cmd: Command) -> Result<String> {
    let out = cmd.output().with_context(|| format!("starting {cmd:?}"))?;
    if !out.status.success() {
        bail!(
            "{cmd:?} failed ({}):\n{}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
    Ok(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A value in KiB from a `Name:   1234 kB` line of a /proc file.
fn proc_kib(path: &str, field: &str) -> Option<u64> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
}

/// Peak resident memory of `pid` so far (VmHWM), in KiB: readable while it runs, unlike
/// `ru_maxrss`.
pub fn peak_rss_kib(pid: u32) -> Option<u64> {
    proc_kib(&format!("/proc/{pid}/status"), "VmHWM")
}

/// Resident memory of `pid` now (VmRSS), in KiB.
pub fn rss_kib(pid: u32) -> Option<u64> {
    proc_kib(&format!("/proc/{pid}/status"), "VmRSS")
}

/// Proportional set size of `pid` (shared pages divided among their users), in KiB.
pub fn pss_kib(pid: u32) -> Option<u64> {
    proc_kib(&format!("/proc/{pid}/smaps_rollup"), "Pss")
}

/// CPU time `pid` has used so far (all threads, user and kernel).
pub fn cpu_time(pid: u32) -> Option<Duration> {
    stat_cpu(&format!("/proc/{pid}/stat"))
}

/// CPU time used so far by the threads of `pid` whose name starts with `prefix` (e.g. Mesa's
/// software renderer `llvmpipe-0`, `llvmpipe-1` …).
pub fn threads_cpu_time(pid: u32, prefix: &str) -> Option<Duration> {
    let mut total = Duration::ZERO;
    for task in std::fs::read_dir(format!("/proc/{pid}/task"))
        .ok()?
        .flatten()
    {
        let comm = std::fs::read_to_string(task.path().join("comm")).unwrap_or_default();
        if comm.starts_with(prefix) {
            total += stat_cpu(&task.path().join("stat").to_string_lossy()).unwrap_or_default();
        }
    }
    Some(total)
}

/// utime + stime of a /proc `stat` file.
fn stat_cpu(path: &str) -> Option<Duration> {
    let stat = std::fs::read_to_string(path).ok()?;
    // Fields after the command name (which may hold spaces) start with the state, field 3.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions.
    let ticks = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as f64;
    Some(Duration::from_secs_f64((utime + stime) as f64 / ticks))
}

/// A child process stopped (SIGTERM) and reaped when dropped.
pub struct Running(pub Child);

impl Running {
    /// Asks it to stop (SIGTERM) and waits for its end.
    pub fn stop(self) -> std::io::Result<ExitStatus> {
        // Reaped here: the drop must not signal a pid that may be reused.
        let mut me = std::mem::ManuallyDrop::new(self);
        terminate(me.0.id());
        me.0.wait()
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        terminate(self.0.id());
        let _ = self.0.wait();
    }
}

/// Asks `pid` to stop (SIGTERM).
pub fn terminate(pid: u32) {
    // SAFETY: sending a signal has no memory effects; the pid is a child we started.
    unsafe {
        libc::kill(pid as libc::pid_t, libc::SIGTERM);
    }
}

/// The machine, as docs/BENCHMARKS.md lists it.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|t| {
            t.lines().find_map(|l| {
                l.strip_prefix("model name")
                    .map(|v| v.trim_start_matches([' ', '\t', ':']).to_string())
            })
        })
        .unwrap_or_else(|| "?".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = proc_kib("/proc/meminfo", "MemTotal")
        .map(|k| k as f64 / 1024.0 / 1024.0)
        .unwrap_or(f64::NAN);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    format!(
        "{cores} cores ({cpu}), {mem:.1} GiB memory, Linux {}, load {}",
        kernel.trim(),
        load_average()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stats_and_quantiles_pick_the_ranks_a_reader_expects() {
        let v = [5.0, 1.0, 3.0, 2.0, 4.0];
        assert_eq!(
            Stats::of(&v),
            Stats {
                min: 1.0,
                median: 3.0,
                max: 5.0
            }
        );
        assert_eq!(quantile(&v, 0.5), 3.0);
        assert_eq!(quantile(&v, 0.99), 5.0);
        let hundred: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(quantile(&hundred, 0.99), 99.0);
    }

    #[test]
    fn a_store_is_measured_without_its_reserve() {
        let dir = TempDir::new("store-bytes-test").unwrap();
        std::fs::create_dir_all(dir.path().join("blobs")).unwrap();
        std::fs::write(dir.path().join("db"), [0u8; 100]).unwrap();
        std::fs::write(dir.path().join("blobs/1"), [0u8; 20]).unwrap();
        std::fs::write(dir.path().join(STORE_RESERVE_FILE), [0u8; 4096]).unwrap();
        assert_eq!(store_bytes(dir.path()).unwrap(), 120);
    }

    #[test]
    fn numbers_are_grouped_by_thousands() {
        assert_eq!(num(1234567.891, 1), "1,234,567.9");
        assert_eq!(num(999.0, 0), "999");
        assert_eq!(num(-1000.0, 0), "-1,000");
    }
}
