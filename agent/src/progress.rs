//! Progress of a long import or push, for the clerk watching it: a bar on a terminal; where
//! output goes to a log or a pipe, a line every few seconds instead.

use std::io::{IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a line is printed when stderr is not a terminal.
pub const LINE_EVERY: Duration = Duration::from_secs(5);

/// Where progress lines go when stderr is not a terminal, and how often.
struct Lines {
    label: String,
    last: Instant,
    every: Duration,
    out: Box<dyn Write + Send>,
}

/// Progress of one task counted in rows or records; silent for `--json`.
pub struct Progress {
    bar: indicatif::ProgressBar,
    /// When stderr is not a terminal: lines every few seconds.
    lines: Option<Mutex<Lines>>,
    /// What is counted, in the spoken language (`rows`, `صفوف`).
    unit: String,
}

impl Progress {
    /// Progress of `label` (a file's name, say) counted in `unit` (`rows`, `records`, in the
    /// language the agent speaks).
    pub fn new(label: &str, unit: &str, as_json: bool) -> Progress {
        let bar = indicatif::ProgressBar::hidden();
        let terminal = std::io::stderr().is_terminal();
        if !as_json && terminal {
            bar.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            let style = indicatif::ProgressStyle::with_template(&format!(
                "{{spinner}} {{msg}} {{pos}} {unit} ({{rate}})"
            ))
            .map(|s| {
                s.with_key(
                    "rate",
                    |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                        let _ = write!(w, "{}/s", whole_rate(state.per_sec()));
                    },
                )
            })
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner());
            bar.set_style(style);
            bar.set_message(label.to_string());
        }
        let p = Progress {
            bar,
            lines: None,
            unit: unit.to_string(),
        };
        if !as_json && !terminal {
            p.with_lines(label, LINE_EVERY, Box::new(std::io::stderr()))
        } else {
            p
        }
    }

    /// Lines to `out` every `every` instead of a bar (used when stderr is not a terminal).
    pub fn with_lines(
        mut self,
        label: &str,
        every: Duration,
        out: Box<dyn Write + Send>,
    ) -> Progress {
        self.lines = Some(Mutex::new(Lines {
            label: label.to_string(),
            last: Instant::now(),
            every,
            out,
        }));
        self
    }

    /// A new stage (`file: storing`): counting starts again.
    pub fn stage(&self, label: &str) {
        self.bar.set_message(label.to_string());
        self.bar.reset();
        if let Some(l) = &self.lines
            && let Ok(mut l) = l.lock()
        {
            l.label = label.to_string();
        }
    }

    /// `n` done so far.
    pub fn set(&self, n: usize) {
        self.bar.set_position(n as u64);
        if let Some(l) = &self.lines
            && let Ok(mut l) = l.lock()
            && l.last.elapsed() >= l.every
        {
            let args = [
                ("label", l.label.as_str().into()),
                ("num", grouped(n as u64).into()),
                ("unit", self.unit.as_str().into()),
            ];
            let line = format!("{}\n", crate::language::say("progress-so-far", &args));
            let _ = l.out.write_all(line.as_bytes());
            l.last = Instant::now();
        }
    }

    /// Done: the bar is cleared.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// A rate as a whole number with thousands separators: `123,952`.
pub fn whole_rate(per_sec: f64) -> String {
    if per_sec.is_finite() && per_sec >= 0.0 {
        grouped(per_sec.round() as u64)
    } else {
        "0".to_string()
    }
}

/// `1234567` as `1,234,567`, in the digits the agent writes its numbers in (`١٬٢٣٤٬٥٦٧` with
/// `digits = "arabic-indic"`).
pub fn grouped(n: u64) -> String {
    rasid_shared::i18n::figure_grouped(i64::try_from(n).unwrap_or(i64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A buffer the test keeps a handle on.
    #[derive(Clone, Default)]
    struct Shared(std::sync::Arc<Mutex<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.0.lock().unwrap().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn without_a_terminal_a_line_is_printed_every_few_seconds() {
        let out = Shared::default();
        let p = Progress::new("budget.csv", "rows", true).with_lines(
            "budget.csv",
            Duration::from_millis(50),
            Box::new(out.clone()),
        );
        p.set(10);
        std::thread::sleep(Duration::from_millis(60));
        p.set(4096);
        p.set(8192);
        p.stage("budget.csv: storing");
        std::thread::sleep(Duration::from_millis(60));
        p.set(12_000);
        p.finish();
        let text = String::from_utf8(out.0.lock().unwrap().clone()).unwrap();
        assert_eq!(
            text,
            "budget.csv: 4,096 rows so far\nbudget.csv: storing: 12,000 rows so far\n"
        );
    }

    #[test]
    fn rates_are_whole_numbers_with_separators() {
        assert_eq!(whole_rate(123_951.934_5), "123,952");
        assert_eq!(whole_rate(7.2), "7");
        assert_eq!(whole_rate(f64::NAN), "0");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(999), "999");
    }
}
