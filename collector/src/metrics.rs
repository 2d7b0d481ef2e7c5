//! Counters for `GET /metrics`, rendered in the Prometheus text format (version 0.0.4).
//!
//! Plain atomics and small maps: no metrics library, nothing that can fail while counting.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Upper bounds (seconds) of the request latency histogram's buckets, up to the default
/// request timeout (30 s), past which a request is answered 408.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0, 5.0, 10.0, 30.0,
];

#[derive(Default)]
struct Histogram {
    counts: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    pub batches_received: AtomicU64,
    pub batches_accepted: AtomicU64,
    pub batches_replayed: AtomicU64,
    pub records_accepted: AtomicU64,
    pub records_duplicate: AtomicU64,
    pub records_rejected: AtomicU64,
    pub registry_reloads: AtomicU64,
    pub registry_reload_errors: AtomicU64,
    pub stream_clients: AtomicU64,
    rejections: Mutex<BTreeMap<&'static str, u64>>,
    refusals: Mutex<BTreeMap<&'static str, u64>>,
    latency: Mutex<BTreeMap<(String, String), Histogram>>,
}

/// Values read at render time rather than counted.
pub struct Gauges {
    pub store_records: usize,
    pub boards_version: u64,
    pub relay_waiting: Option<usize>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Metrics {
    pub fn add(counter: &AtomicU64, n: usize) {
        counter.fetch_add(n as u64, Ordering::Relaxed);
    }

    /// A record rejected for `reason`.
    pub fn rejection(&self, reason: &'static str) {
        *lock(&self.rejections).entry(reason).or_default() += 1;
    }

    /// A request refused with the error word `error` (`bad-signature`, …).
    pub fn refusal(&self, error: &'static str) {
        *lock(&self.refusals).entry(error).or_default() += 1;
    }

    /// A request to `route` (the matched route pattern, never the raw path) took `took`.
    pub fn observe(&self, method: &str, route: &str, took: Duration) {
        let secs = took.as_secs_f64();
        let mut map = lock(&self.latency);
        let h = map
            .entry((method.to_string(), route.to_string()))
            .or_default();
        for (i, le) in BUCKETS.iter().enumerate() {
            if secs <= *le {
                h.counts[i] += 1;
            }
        }
        h.count += 1;
        h.sum += secs;
    }

    pub fn render(&self, g: &Gauges) -> String {
        let mut out = String::new();
        self.render_counters(&mut out);
        labelled_counter(
            &mut out,
            "rasid_rejections_total",
            "Records refused, by reason.",
            "reason",
            &lock(&self.rejections),
        );
        labelled_counter(
            &mut out,
            "rasid_requests_refused_total",
            "Requests refused, by error.",
            "error",
            &lock(&self.refusals),
        );
        self.render_gauges(&mut out, g);
        self.render_latency(&mut out);
        out
    }

    fn render_counters(&self, out: &mut String) {
        let counters: [(&str, &str, &AtomicU64); 8] = [
            (
                "rasid_batches_received_total",
                "Batch requests received (before any check).",
                &self.batches_received,
            ),
            (
                "rasid_batches_accepted_total",
                "Batches stored and acknowledged (first time).",
                &self.batches_accepted,
            ),
            (
                "rasid_batches_replayed_total",
                "Batches received again and answered from memory.",
                &self.batches_replayed,
            ),
            (
                "rasid_records_accepted_total",
                "Records stored.",
                &self.records_accepted,
            ),
            (
                "rasid_records_duplicate_total",
                "Records already stored at this or a newer revision.",
                &self.records_duplicate,
            ),
            (
                "rasid_records_rejected_total",
                "Records refused.",
                &self.records_rejected,
            ),
            (
                "rasid_registry_reloads_total",
                "Successful reloads of centers.toml.",
                &self.registry_reloads,
            ),
            (
                "rasid_registry_reload_errors_total",
                "Reloads of centers.toml that failed (the last good registry stays).",
                &self.registry_reload_errors,
            ),
        ];
        for (name, help, c) in counters {
            metric(out, name, "counter", help, c.load(Ordering::Relaxed));
        }
    }

    fn render_gauges(&self, out: &mut String, g: &Gauges) {
        let mut gauges = vec![
            (
                "rasid_store_records",
                "Current records in the collector's store.",
                g.store_records as u64,
            ),
            (
                "rasid_boards_version",
                "Increases with every change to the boards.",
                g.boards_version,
            ),
            (
                "rasid_stream_clients",
                "Open /v1/stream connections.",
                self.stream_clients.load(Ordering::Relaxed),
            ),
        ];
        if let Some(w) = g.relay_waiting {
            gauges.push((
                "rasid_relay_outbox_records",
                "Records waiting to be relayed upstream.",
                w as u64,
            ));
        }
        for (name, help, v) in gauges {
            metric(out, name, "gauge", help, v);
        }
    }

    fn render_latency(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "# HELP rasid_request_duration_seconds Time to answer a request (to the first byte).\n# TYPE rasid_request_duration_seconds histogram"
        );
        for ((method, route), h) in lock(&self.latency).iter() {
            let labels = format!("method=\"{method}\",route=\"{route}\"");
            for (i, le) in BUCKETS.iter().enumerate() {
                let _ = writeln!(
                    out,
                    "rasid_request_duration_seconds_bucket{{{labels},le=\"{le}\"}} {}",
                    h.counts[i]
                );
            }
            let _ = writeln!(
                out,
                "rasid_request_duration_seconds_bucket{{{labels},le=\"+Inf\"}} {}",
                h.count
            );
            let _ = writeln!(
                out,
                "rasid_request_duration_seconds_sum{{{labels}}} {}",
                h.sum
            );
            let _ = writeln!(
                out,
                "rasid_request_duration_seconds_count{{{labels}}} {}",
                h.count
            );
        }
    }
}

/// One unlabelled sample of `kind` (`counter`, `gauge`) with its help and type lines.
fn metric(out: &mut String, name: &str, kind: &str, help: &str, v: u64) {
    let _ = writeln!(
        out,
        "# HELP {name} {help}\n# TYPE {name} {kind}\n{name} {v}"
    );
}

/// A counter with one sample per value of `label`.
fn labelled_counter(
    out: &mut String,
    name: &str,
    help: &str,
    label: &str,
    samples: &BTreeMap<&'static str, u64>,
) {
    let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} counter");
    for (value, n) in samples {
        let _ = writeln!(out, "{name}{{{label}=\"{value}\"}} {n}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_histogram_reaches_the_request_timeout() {
        let m = Metrics::default();
        m.observe("POST", "/v1/batches", Duration::from_secs(12));
        let text = m.render(&Gauges {
            store_records: 0,
            boards_version: 1,
            relay_waiting: None,
        });
        let bucket = |le: &str| {
            format!(
                "rasid_request_duration_seconds_bucket{{method=\"POST\",route=\"/v1/batches\",le=\"{le}\"}}"
            )
        };
        assert!(text.contains(&format!("{} 0", bucket("10"))), "{text}");
        assert!(text.contains(&format!("{} 1", bucket("30"))), "{text}");
    }

    #[test]
    fn histogram_buckets_are_cumulative() {
        let m = Metrics::default();
        m.observe("GET", "/healthz", Duration::from_micros(500));
        m.observe("GET", "/healthz", Duration::from_millis(20));
        m.rejection("not-assigned");
        let text = m.render(&Gauges {
            store_records: 3,
            boards_version: 1,
            relay_waiting: None,
        });
        assert!(text.contains("rasid_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.001\"} 1"));
        assert!(text.contains("rasid_request_duration_seconds_bucket{method=\"GET\",route=\"/healthz\",le=\"0.025\"} 2"));
        assert!(
            text.contains(
                "rasid_request_duration_seconds_count{method=\"GET\",route=\"/healthz\"} 2"
            )
        );
        assert!(text.contains("rasid_rejections_total{reason=\"not-assigned\"} 1"));
        assert!(text.contains("rasid_store_records 3"));
        assert!(!text.contains("rasid_relay_outbox_records"));
    }
}
