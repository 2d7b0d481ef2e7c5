//! Unattended for weeks: many rotations through every board with data changing underneath must
//! not make the wall grow. Drives the real `Wall` (layout, text, tessellation inputs) without a
//! GPU and compares resident memory after a warm-up with resident memory at the end.
//!
//! Default: 1,600 frames (200 rotations of the 8 boards, a data change every 5 frames);
//! `RASID_SOAK_FRAMES=200000` for a long run.

use egui_kittest::Harness;
use rasid_kiosk::app::{Clock, Wall, default_env};
use rasid_kiosk::feed::{BoardSource, BoardState, DatasetSource, SourceStatus, StoryState};
use rasid_kiosk::playlist::PlaylistItem;
use rasid_kiosk::theme::{Theme, ThemeName};
use rasid_shared::board::{BoardContext, BoardFilter, BoardName, KpiThresholds};
use rasid_shared::model::{DecisionNumber, ExecutionStatus, Record, RecordEnvelope};
use std::sync::{Arc, Mutex};

/// Resident memory of this process in KiB (Linux), or `None` elsewhere.
fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

struct Soak {
    wall: Wall,
    updates: Vec<RecordEnvelope>,
    inbox: Arc<Mutex<Vec<RecordEnvelope>>>,
}

/// A source whose data changes the way a live one's does: records arrive, `poll` takes them in
/// and boards are recomputed.
struct Changing {
    inner: DatasetSource,
    inbox: Arc<Mutex<Vec<RecordEnvelope>>>,
}

impl BoardSource for Changing {
    fn board(&mut self, name: BoardName, filter: &BoardFilter) -> BoardState {
        self.inner.board(name, filter)
    }
    fn story(&mut self, number: &DecisionNumber) -> StoryState {
        self.inner.story(number)
    }
    fn poll(&mut self) -> bool {
        let arrived: Vec<RecordEnvelope> = self
            .inbox
            .lock()
            .map(|mut v| std::mem::take(&mut *v))
            .unwrap_or_default();
        self.inner.apply(arrived)
    }
    fn status(&self) -> SourceStatus {
        self.inner.status()
    }
}

#[test]
fn thousands_of_rotations_and_updates_do_not_grow_memory() {
    let frames: usize = std::env::var("RASID_SOAK_FRAMES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_600);
    let today = rasid_shared::demo::demo_today();
    let demo = rasid_shared::demo::generate();
    let updates: Vec<RecordEnvelope> = demo
        .records
        .iter()
        .filter(|e| matches!(&e.record, Record::DecisionStatus(s) if s.status == ExecutionStatus::InProgress))
        .cloned()
        .collect();
    let inbox: Arc<Mutex<Vec<RecordEnvelope>>> = Arc::default();
    let source = Changing {
        inner: DatasetSource::new(
            rasid_kiosk::demo::demo_dataset(),
            BoardContext {
                today,
                kpi: KpiThresholds::default(),
            },
        ),
        inbox: inbox.clone(),
    };
    let playlist: Vec<PlaylistItem> = BoardName::ALL
        .iter()
        .map(|b| PlaylistItem {
            board: *b,
            seconds: 3600,
            filter: BoardFilter::default(),
        })
        .collect();
    let mut wall = Wall::new(
        default_env(Theme::new(ThemeName::Dark), today),
        Box::new(source),
        playlist,
    );
    wall.clock = Clock::Fixed(chrono::Local::now());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(
            |ui, s: &mut Soak| s.wall.ui(ui),
            Soak {
                wall,
                updates,
                inbox,
            },
        );
    let mut baseline = None;
    for frame in 0..frames {
        let s = h.state_mut();
        s.wall.next();
        if frame % 5 == 0 && !s.updates.is_empty() {
            let i = frame % s.updates.len();
            let env = &mut s.updates[i];
            env.revision += 1;
            if let Record::DecisionStatus(st) = &mut env.record {
                st.progress = (st.progress % 99) + 1;
            }
            let changed = env.clone();
            if let Ok(mut v) = s.inbox.lock() {
                v.push(changed);
            }
        }
        h.step();
        // Warm-up: every board laid out at least twice, caches filled.
        if frame == 3 * BoardName::ALL.len() * 2 {
            baseline = rss_kib();
        }
    }
    let (Some(start), Some(end)) = (baseline, rss_kib()) else {
        return;
    };
    let growth_mib = end.saturating_sub(start) as f64 / 1024.0;
    eprintln!(
        "soak: {frames} frames, resident {:.1} MiB -> {:.1} MiB",
        start as f64 / 1024.0,
        end as f64 / 1024.0
    );
    assert!(
        growth_mib < 24.0,
        "resident memory grew by {growth_mib:.1} MiB over {frames} frames"
    );
}
