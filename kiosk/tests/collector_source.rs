#![cfg(feature = "demo")]
//! The live source against a real collector on loopback: boards arrive, change when a center
//! pushes, and survive the collector going away through the local cache.

use rasid_kiosk::collector_source::CollectorSource;
use rasid_kiosk::feed::{BoardSource, SourceStatus};
use rasid_shared::board::{BoardFilter, BoardName, BoardView};
use rasid_shared::store::Store;
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Polls `source` until `done` holds or `limit` passes (a functional bound, not a timing test).
fn wait_until(
    source: &mut CollectorSource,
    wake: &mpsc::Receiver<()>,
    limit: Duration,
    mut done: impl FnMut(&mut CollectorSource) -> bool,
) -> bool {
    let end = Instant::now() + limit;
    loop {
        source.poll();
        if done(source) {
            return true;
        }
        let left = end.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return false;
        }
        let _ = wake.recv_timeout(left.min(Duration::from_millis(200)));
    }
}

fn executed(v: &BoardView) -> u32 {
    match v {
        BoardView::DecisionExecution(b) => b.decisions.executed + b.assignments.executed,
        _ => 0,
    }
}

#[test]
fn boards_arrive_follow_pushes_and_are_cached_for_when_the_collector_is_gone() {
    let cache_dir = tempfile::tempdir().unwrap();
    let demo = rasid_kiosk::live_demo::start(Some(Duration::from_millis(300))).unwrap();
    let (tx, rx) = mpsc::channel();
    let cache = Store::open(cache_dir.path()).unwrap();
    let mut live = CollectorSource::start(
        &demo.url,
        demo.wall.clone(),
        Some(cache.clone()),
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    let all = BoardFilter::default();
    let mut first = 0;
    // The first fetch may land before the live stream is up: wait for both.
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(20), |h| {
            h.board(BoardName::DecisionExecution, &all)
                .view
                .map(|v| first = executed(&v))
                .is_some()
                && matches!(h.status(), SourceStatus::Live { .. })
        }),
        "the board arrived and the stream is live"
    );
    assert_eq!(
        first,
        196 + 324,
        "the demo's executed decisions and assignments"
    );
    // The simulated center executes a decision every few pushes; the stream brings it here.
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(30), |h| {
            h.board(BoardName::DecisionExecution, &all)
                .view
                .is_some_and(|v| executed(&v) > first)
        }),
        "a pushed change reached the wall"
    );
    let demo_wall = demo.wall.clone();
    drop(live);
    drop(demo);

    // A wall started with the collector gone shows the cached board, marked as such.
    let (tx2, rx2) = mpsc::channel();
    let mut offline = CollectorSource::start(
        "http://127.0.0.1:9",
        demo_wall.clone(),
        Some(cache),
        Arc::new(move || {
            let _ = tx2.send(());
        }),
    );
    let state = offline.board(BoardName::DecisionExecution, &all);
    assert!(state.from_cache, "shown from the cache");
    assert!(state.view.is_some_and(|v| executed(&v) > first));
    assert!(
        wait_until(
            &mut offline,
            &rx2,
            Duration::from_secs(20),
            |h| matches!(h.status(), SourceStatus::Offline { ref detail, .. } if detail != "connecting")
        ),
        "the wall says the collector cannot be reached"
    );
}

/// A wall on a software renderer pays for every frame, so news of a board that is not on
/// screen must not wake it; news of the board on screen must.
#[test]
fn only_news_of_the_board_on_screen_wakes_the_wall() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let demo = rasid_kiosk::live_demo::start(Some(Duration::from_millis(300))).unwrap();
    let (tx, rx) = mpsc::channel();
    let wakes = Arc::new(AtomicUsize::new(0));
    let counted = wakes.clone();
    let mut live = CollectorSource::start(
        &demo.url,
        demo.wall.clone(),
        None,
        Arc::new(move || {
            counted.fetch_add(1, Ordering::SeqCst);
            let _ = tx.send(());
        }),
    );
    let all = BoardFilter::default();
    // The live demo changes decision statuses and project progress, never the budget: the
    // budget board is on screen, the decision board is wanted too (it was shown before).
    live.showing(BoardName::Budget, &all);
    let mut first = 0;
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(20), |h| {
            let budget = h.board(BoardName::Budget, &all).view.is_some();
            let decisions = h
                .board(BoardName::DecisionExecution, &all)
                .view
                .map(|v| first = executed(&v));
            budget && decisions.is_some() && matches!(h.status(), SourceStatus::Live { .. })
        }),
        "both boards arrived and the stream is live"
    );
    // A board fetched before the stream connected is fetched again on connecting, and its copy
    // (on screen) rightly wakes the wall: let that copy arrive before counting. It comes at once
    // or not at all (when the first fetch came after connecting), so a few quiet seconds do.
    let ptr = |h: &mut CollectorSource| {
        h.board(BoardName::Budget, &all)
            .view
            .map(|v| Arc::as_ptr(&v) as usize)
    };
    let first_copy = ptr(&mut live);
    wait_until(&mut live, &rx, Duration::from_secs(3), |h| {
        ptr(h) != first_copy
    });
    let before = wakes.load(Ordering::SeqCst);
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(30), |h| {
            h.board(BoardName::DecisionExecution, &all)
                .view
                .is_some_and(|v| executed(&v) > first)
        }),
        "the change to the decision board arrived without the wall being woken"
    );
    assert_eq!(
        wakes.load(Ordering::SeqCst),
        before,
        "news of a board off screen woke the wall"
    );

    // The decision board comes on screen: its next change wakes the wall.
    live.showing(BoardName::DecisionExecution, &all);
    let woken = wakes.load(Ordering::SeqCst);
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(30), |_| {
            wakes.load(Ordering::SeqCst) > woken
        }),
        "news of the board on screen did not wake the wall"
    );
}

/// A wall following a collector fetches every board of its playlist at start, not when each
/// comes on screen: the collector lost before the first rotation leaves every board with its
/// last data, and the footer's time of lost contact is written in the wall's digits.
#[test]
fn a_collector_lost_before_the_first_rotation_leaves_every_board_with_data() {
    use egui_kittest::Harness;
    use egui_kittest::kittest::{NodeT, Queryable};
    use rasid_kiosk::app::{Wall, default_env};
    use rasid_kiosk::playlist::default_playlist;
    use rasid_kiosk::theme::{Theme, ThemeName};

    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Store::open(cache_dir.path()).unwrap();
    let demo = rasid_kiosk::live_demo::start(None).unwrap();
    let live = CollectorSource::start(
        &demo.url,
        demo.wall.clone(),
        Some(cache.clone()),
        Arc::new(|| {}),
    );
    let playlist = default_playlist();
    let today = rasid_shared::demo::demo_today();
    let wall = Wall::new(
        default_env(Theme::new(ThemeName::Dark), today),
        Box::new(live),
        playlist.clone(),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1920.0, 1080.0))
        .with_context_setup(rasid_kiosk::text::fonts::install)
        .build_ui_state(|ui, w: &mut Wall| w.ui(ui), wall);
    // Frames take in what the network brought; the first board stays on screen throughout.
    let end = Instant::now() + Duration::from_secs(30);
    let all_cached = || {
        playlist
            .iter()
            .all(|i| CollectorSource::cached_view(&cache, i.board, &i.filter).is_some())
    };
    while !all_cached() && Instant::now() < end {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(h.state().playlist.index(), 0, "no rotation happened yet");
    assert!(
        all_cached(),
        "every board of the playlist was fetched and cached before its turn"
    );

    drop(demo);
    let end = Instant::now() + Duration::from_secs(30);
    let lost = |h: &Harness<'_, Wall>| h.query_by_label_contains("تعذّر الاتصال").is_some();
    while !lost(&h) && Instant::now() < end {
        h.run_steps(1);
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(lost(&h), "the footer says the collector cannot be reached");
    for (i, item) in playlist.iter().enumerate() {
        h.state_mut().go_to(i);
        h.run_steps(1);
        assert!(
            h.query_by_label_contains("بانتظار البيانات").is_none(),
            "board {} ({}) shows no data during the outage",
            i,
            item.board
        );
        let footer = h.get_by_label_contains("تعذّر الاتصال");
        let node = footer.accesskit_node();
        let text = node.label().or(node.value()).unwrap_or_default();
        assert!(
            !text.chars().any(|c| c.is_ascii_digit()),
            "the footer's digits are the wall's (Arabic-Indic): {text}"
        );
    }
}

/// A wall that has no key, or a key the collector does not know, is refused: the wall runs on,
/// and its operator line says why (the collector's word) and what to do.
#[test]
fn a_wall_without_a_registered_key_is_refused_and_its_operator_line_says_what_to_do() {
    use rasid_kiosk::app::{Wall, default_env};
    use rasid_kiosk::identity::{self, WallIdentity};
    use rasid_kiosk::theme::{Theme, ThemeName};
    let demo = rasid_kiosk::live_demo::start(None).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = BoardFilter::default();
    let wake = || {
        let (tx, rx) = mpsc::channel();
        let wake: rasid_kiosk::collector_source::Wake = Arc::new(move || {
            let _ = tx.send(());
        });
        (wake, rx)
    };

    // No key file: said at once, then the collector's refusal.
    let (w, rx) = wake();
    let keyless = WallIdentity::load("hall-1", &dir.path().join("rasid-wall.key"));
    let mut source = CollectorSource::start(&demo.url, keyless, None, w);
    let note = source
        .operator_note()
        .map(|t| t.to_string())
        .unwrap_or_default();
    assert!(
        note.contains("no key") && note.contains("rasid-kiosk init --name hall-1"),
        "{note}"
    );
    assert!(
        wait_until(&mut source, &rx, Duration::from_secs(20), |h| {
            h.board(BoardName::Budget, &all).error.is_some()
                && h.operator_note()
                    .is_some_and(|n| n.to_string().contains("(missing-signature)"))
        }),
        "the refusal reached the operator line: {:?}",
        source.operator_note()
    );
    let error = source.board(BoardName::Budget, &all).error.unwrap();
    assert!(error.to_string().contains("refuses this wall"), "{error}");
    assert!(source.board(BoardName::Budget, &all).view.is_none());
    // The wall shows the same line.
    let env = default_env(
        Theme::new(ThemeName::Dark),
        rasid_shared::demo::demo_today(),
    );
    let wall = Wall::new(
        env,
        Box::new(source),
        rasid_kiosk::playlist::default_playlist(),
    );
    let line = wall
        .operator_line()
        .map(|t| t.to_string())
        .unwrap_or_default();
    assert!(line.contains("(missing-signature)"), "{line}");
    // On the screen, in the wall's language (Arabic), naming the collector's word.
    let shown = wall
        .operator_line()
        .map(|t| t.show(&wall.env))
        .unwrap_or_default();
    assert!(
        shown.contains("يرفض المجمّع") && shown.contains("missing-signature"),
        "{shown}"
    );

    // A key of its own that is not registered at the collector: unknown-wall, naming init.
    let key = dir.path().join("hall-1.key");
    identity::init("hall-1", &key, false).unwrap();
    let (w, rx) = wake();
    let mut source = CollectorSource::start(&demo.url, WallIdentity::load("hall-1", &key), None, w);
    assert!(
        wait_until(&mut source, &rx, Duration::from_secs(20), |h| {
            h.board(BoardName::Budget, &all).error.is_some()
                && h.operator_note()
                    .map(|n| n.to_string())
                    .is_some_and(|n| n.contains("(unknown-wall)") && n.contains("rasid-kiosk init"))
        }),
        "unknown-wall on the operator line: {:?}",
        source.operator_note()
    );
}

/// Board `name` under filters `a` and `b`, fetched by a wall from the demo's collector: what `of`
/// reads in each view, once both have arrived.
fn fetched_side_by_side<T: std::fmt::Debug>(
    name: BoardName,
    a: &BoardFilter,
    b: &BoardFilter,
    of: impl Fn(&BoardView) -> Option<T>,
) -> (T, T) {
    let demo = rasid_kiosk::live_demo::start(None).expect("the demo's collector starts");
    let (tx, rx) = mpsc::channel();
    let mut live = CollectorSource::start(
        &demo.url,
        demo.wall.clone(),
        None,
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    let mut got = (None, None);
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(20), |h| {
            got = (
                h.board(name, a).view.as_deref().and_then(&of),
                h.board(name, b).view.as_deref().and_then(&of),
            );
            got.0.is_some() && got.1.is_some()
        }),
        "both arrived: {got:?}"
    );
    match got {
        (Some(x), Some(y)) => (x, y),
        _ => unreachable!("waited until both arrived"),
    }
}

/// A playlist entry's `by` reaches the collector: the classification board by programme is
/// fetched as such, beside the same board by sector, each kept under its own filter.
#[test]
fn the_classification_board_is_fetched_by_the_field_its_entry_names() {
    use rasid_shared::board::ClassifyBy;
    let by_program = BoardFilter {
        by: Some(ClassifyBy::Program),
        ..BoardFilter::default()
    };
    let got = fetched_side_by_side(
        BoardName::Classification,
        &BoardFilter::default(),
        &by_program,
        |v| match v {
            BoardView::Classification(b) => Some((b.by, b.rows.len())),
            _ => None,
        },
    );
    // Five sectors and four programmes in the demo, each with the unclassified row.
    assert_eq!(got, ((ClassifyBy::Sector, 6), (ClassifyBy::Program, 5)));
}

/// A playlist entry's `period` reaches the collector: the budget board of the first quarter is
/// the first quarter's, not the whole year's under a quarter's title (the wall sent no
/// `period=` before, so a screen set to a quarter showed the year's figures).
#[test]
fn the_budget_board_is_fetched_for_the_period_its_entry_names() {
    use rasid_shared::board::Period;
    let year = BoardFilter {
        year: Some(2023),
        ..BoardFilter::default()
    };
    let quarter = BoardFilter {
        period: Some(Period::Quarter(1)),
        ..year.clone()
    };
    let ((whole_period, whole), (q_period, q)) =
        fetched_side_by_side(BoardName::Budget, &year, &quarter, |v| match v {
            BoardView::Budget(b) => Some((b.period, b.total)),
            _ => None,
        });
    assert_eq!(whole_period, None);
    assert_eq!(q_period, Some(Period::Quarter(1)));
    assert_ne!(whole, q, "the quarter's figures are not the year's");
}

#[test]
fn a_decisions_story_is_fetched_signed_with_its_revisions_and_an_unknown_one_is_not_found() {
    use rasid_kiosk::feed::StoryState;
    use rasid_shared::model::DecisionNumber;
    let demo = rasid_kiosk::live_demo::start(None).unwrap();
    let (tx, rx) = mpsc::channel();
    let mut live = CollectorSource::start(
        &demo.url,
        demo.wall.clone(),
        None,
        Arc::new(move || {
            let _ = tx.send(());
        }),
    );
    let n: DecisionNumber = "18/212/02".parse().unwrap();
    assert_eq!(live.story(&n), StoryState::Loading);
    let mut got = StoryState::Loading;
    assert!(
        wait_until(&mut live, &rx, Duration::from_secs(20), |h| {
            got = h.story(&n);
            got != StoryState::Loading
        }),
        "the story arrived"
    );
    let StoryState::Found(story) = got else {
        panic!("not found: {got:?}")
    };
    let revisions: Vec<u64> = story.centers[0]
        .revisions
        .iter()
        .map(|r| r.revision)
        .collect();
    assert_eq!(
        revisions,
        [1, 2, 3],
        "the collector's history of the demo's reports"
    );

    let unknown: DecisionNumber = "18/999/01".parse().unwrap();
    let mut got = StoryState::Loading;
    assert!(wait_until(&mut live, &rx, Duration::from_secs(20), |h| {
        got = h.story(&unknown);
        got != StoryState::Loading
    }));
    assert_eq!(got, StoryState::NotFound);
}
