//! Progress of a long import or push, for the clerk watching it: a bar on a terminal; where
//! output goes to a log or a pipe, a line every few seconds instead.

use std::io::IsTerminal;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How often a line is printed when stderr is not a terminal.
pub const LINE_EVERY: Duration = Duration::from_secs(5);

/// Progress of one task counted in rows or records; silent for `--json`.
pub struct Progress {
    bar: indicatif::ProgressBar,
    /// When stderr is not a terminal: the label and when a line was last printed.
    lines: Option<Mutex<(String, Instant)>>,
    unit: &'static str,
}

impl Progress {
    /// Progress of `label` (a file's name, say) counted in `unit` (`rows`, `records`).
    pub fn new(label: &str, unit: &'static str, as_json: bool) -> Progress {
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
        let lines =
            (!as_json && !terminal).then(|| Mutex::new((label.to_string(), Instant::now())));
        Progress { bar, lines, unit }
    }

    /// A new stage (`file: storing`): counting starts again.
    pub fn stage(&self, label: &str) {
        self.bar.set_message(label.to_string());
        self.bar.reset();
        if let Some(l) = &self.lines
            && let Ok(mut l) = l.lock()
        {
            l.0 = label.to_string();
        }
    }

    /// `n` done so far.
    pub fn set(&self, n: usize) {
        self.bar.set_position(n as u64);
        if let Some(l) = &self.lines
            && let Ok(mut l) = l.lock()
            && l.1.elapsed() >= LINE_EVERY
        {
            eprintln!("{}: {} {} so far", l.0, grouped(n as u64), self.unit);
            l.1 = Instant::now();
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

/// `1234567` as `1,234,567`.
pub fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_whole_numbers_with_separators() {
        assert_eq!(whole_rate(123_951.934_5), "123,952");
        assert_eq!(whole_rate(7.2), "7");
        assert_eq!(whole_rate(f64::NAN), "0");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(999), "999");
    }
}
