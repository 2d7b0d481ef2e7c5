//! The demo dataset as files (written by `rasid-agent demo-data`), and the oracle: the boards
//! `rasid_shared::board::build_board` computes over the records that should have arrived, to
//! compare with what a collector serves.

use crate::binary::agent_binary;
use crate::collector::CollectorProc;
use crate::process::run;
use rasid_shared::board::{
    BoardContext, BoardFilter, BoardName, Dataset, KpiThresholds, build_board,
};
use rasid_shared::demo::{self, DemoData};
use rasid_shared::model::{Center, CenterCode, RecordEnvelope};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// The demo files: `centers.toml`, `keys/CODE.key`, `CODE/KIND.json`.
pub struct DemoFiles {
    pub dir: PathBuf,
    pub data: DemoData,
}

impl DemoFiles {
    /// Runs `rasid-agent demo-data --out DIR`.
    pub fn write(dir: &Path, logs: &Path) -> DemoFiles {
        let mut cmd = Command::new(agent_binary());
        // What it prints is compared in English, whatever this machine's language.
        cmd.env("RASID_LANG", "en");
        cmd.args(["demo-data", "--out"]).arg(dir);
        run(cmd, "demo-data", logs, Duration::from_secs(60)).expect_success();
        DemoFiles {
            dir: dir.to_path_buf(),
            data: demo::generate(),
        }
    }

    pub fn centers_toml(&self) -> PathBuf {
        self.dir.join("centers.toml")
    }

    /// The demo secret key file of `center`.
    pub fn key_file(&self, center: &str) -> PathBuf {
        self.dir.join("keys").join(format!("{center}.key"))
    }

    /// Every center's code, the secretariat first.
    pub fn centers(&self) -> Vec<String> {
        let mut v: Vec<String> = self
            .data
            .centers
            .iter()
            .map(|c| c.code.to_string())
            .collect();
        v.sort_by_key(|c| (c != demo::SECRETARIAT, c.clone()));
        v
    }

    /// The import files of `center`, those other records refer to first: decisions and
    /// sessions (statuses need them) and projects (progress reports need them). A record
    /// arriving before the one it refers to is rejected for good (see the ignored test in
    /// concurrent_centers.rs), so a clerk's `import *.json` order matters.
    pub fn files_of(&self, center: &str) -> Vec<PathBuf> {
        let dir = self.dir.join(center);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()))
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .collect();
        let rank = |p: &PathBuf| match p.file_stem().and_then(|s| s.to_str()) {
            Some("decision") => 0,
            Some("session") => 1,
            Some("project") => 2,
            _ => 3,
        };
        files.sort_by_key(|p| (rank(p), p.clone()));
        files
    }

    /// The demo's records of `center`.
    pub fn records_of(&self, center: &str) -> Vec<RecordEnvelope> {
        self.data
            .records
            .iter()
            .filter(|e| e.center.as_str() == center)
            .cloned()
            .collect()
    }
}

/// A board as a kiosk asks for it: a name and an optional filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BoardQuery {
    pub name: BoardName,
    pub center: Option<&'static str>,
    pub year: Option<i32>,
}

const fn q(name: BoardName, center: Option<&'static str>, year: Option<i32>) -> BoardQuery {
    BoardQuery { name, center, year }
}

/// Every board but `reporting` (which shows when each center was last heard from, so it
/// differs between any two runs), unfiltered, and a few filtered views the wall uses.
pub fn board_queries() -> Vec<BoardQuery> {
    let mut v: Vec<BoardQuery> = BoardName::ALL
        .into_iter()
        .filter(|n| *n != BoardName::Reporting)
        .map(|n| q(n, None, None))
        .collect();
    v.extend([
        q(BoardName::Budget, Some("GSC"), Some(2023)),
        q(BoardName::Budget, Some("MOF"), None),
        q(BoardName::Budget, Some("MOH"), Some(2022)),
        q(BoardName::DecisionExecution, Some("MOH"), None),
        q(BoardName::Overdue, Some("MOF"), None),
        q(BoardName::Kpi, Some("MOE"), Some(2023)),
        q(BoardName::Centers, None, Some(2023)),
        q(BoardName::Committees, None, Some(2023)),
    ]);
    v
}

impl BoardQuery {
    /// The request path, e.g. `/v1/boards/budget?center=GSC&year=2023`.
    pub fn path(&self) -> String {
        let mut params = Vec::new();
        if let Some(c) = self.center {
            params.push(format!("center={c}"));
        }
        if let Some(y) = self.year {
            params.push(format!("year={y}"));
        }
        let query = if params.is_empty() {
            String::new()
        } else {
            format!("?{}", params.join("&"))
        };
        format!("/v1/boards/{}{query}", self.name)
    }

    pub fn filter(&self) -> BoardFilter {
        BoardFilter {
            center: self
                .center
                .map(|c| CenterCode::new(c).unwrap_or_else(|e| panic!("{e}"))),
            year: self.year,
            period: None,
            by: None,
        }
    }
}

/// The boards of [`board_queries`] over `records`, as JSON, by path: what a collector holding
/// exactly these records (and `--today` = the demo's date) must serve.
pub fn oracle(
    centers: &[Center],
    records: impl IntoIterator<Item = RecordEnvelope>,
) -> BTreeMap<String, Value> {
    let data = Dataset::from_envelopes(centers.iter().cloned(), records);
    let ctx = BoardContext {
        today: demo::demo_today(),
        kpi: KpiThresholds::default(),
    };
    board_queries()
        .iter()
        .map(|q| {
            let view = build_board(q.name, &data, &q.filter(), &ctx);
            let json = serde_json::to_value(&view)
                .unwrap_or_else(|e| panic!("encoding {}: {e}", q.path()));
            (q.path(), json)
        })
        .collect()
}

/// The boards of [`board_queries`] as `collector` serves them.
pub fn served_boards(collector: &CollectorProc) -> BTreeMap<String, Value> {
    board_queries()
        .iter()
        .map(|q| (q.path(), collector.get_json(&q.path())))
        .collect()
}

/// Panics, listing the first differences, unless `actual` equals `expected` board for board.
pub fn assert_boards_equal(
    expected: &BTreeMap<String, Value>,
    actual: &BTreeMap<String, Value>,
    context: &str,
) {
    let mut diffs = Vec::new();
    for (path, want) in expected {
        match actual.get(path) {
            Some(got) => differences(path, want, got, &mut diffs),
            None => diffs.push(format!("{path}: not served")),
        }
    }
    assert!(
        diffs.is_empty(),
        "{context}: the boards differ from the oracle in {} place(s); first ones:\n  {}",
        diffs.len(),
        diffs
            .iter()
            .take(25)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n  ")
    );
}

/// Compares the collector's boards with the oracle (see [`assert_boards_equal`]).
pub fn assert_collector_boards(
    collector: &CollectorProc,
    expected: &BTreeMap<String, Value>,
    context: &str,
) {
    assert_boards_equal(expected, &served_boards(collector), context);
}

/// Every place where `b` differs from `a`, as `path: expected … got …`.
pub fn differences(path: &str, a: &Value, b: &Value, out: &mut Vec<String>) {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for (k, v) in x {
                match y.get(k) {
                    Some(w) => differences(&format!("{path}.{k}"), v, w, out),
                    None => out.push(format!("{path}.{k}: missing (expected {})", short(v))),
                }
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.push(format!("{path}.{k}: unexpected {}", short(&y[k])));
            }
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            for (i, (v, w)) in x.iter().zip(y).enumerate() {
                differences(&format!("{path}[{i}]"), v, w, out);
            }
        }
        (Value::Array(x), Value::Array(y)) => {
            out.push(format!(
                "{path}: {} items expected, {} served",
                x.len(),
                y.len()
            ));
        }
        _ if a == b => {}
        _ => out.push(format!(
            "{path}: expected {}, served {}",
            short(a),
            short(b)
        )),
    }
}

fn short(v: &Value) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        format!("{}…", s.chars().take(120).collect::<String>())
    } else {
        s
    }
}
