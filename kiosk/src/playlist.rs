//! The wall's rotation: which board of a screen's playlist is up, and when the next one is due.
//!
//! Pure: every step is given the time (`now`) and whether the operator paused the rotation, so
//! the rules are tested without a window or a clock. Not for: drawing (`app::Wall`) or reading
//! `boards.toml` (`config`).

use rasid_shared::board::{BoardFilter, BoardName};
use rasid_shared::model::CenterCode;
use std::time::{Duration, Instant};

/// One entry of a screen's rotation.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaylistItem {
    pub board: BoardName,
    pub seconds: u64,
    pub filter: BoardFilter,
}

/// Seconds a board shows in the default rotation.
const DEFAULT_SECONDS: u64 = 20;

/// The shortest time a board stays up, whatever its entry says: a board must be readable.
pub const MIN_DWELL: Duration = Duration::from_secs(3);

/// The rotation used when no configuration says otherwise: every board, 20 seconds each.
pub fn default_playlist() -> Vec<PlaylistItem> {
    BoardName::ALL
        .iter()
        .map(|b| PlaylistItem {
            board: *b,
            seconds: DEFAULT_SECONDS,
            filter: BoardFilter::default(),
        })
        .collect()
}

/// A screen's rotation: its entries (never empty), the one shown and since when.
#[derive(Debug, Clone)]
pub struct Playlist {
    items: Vec<PlaylistItem>,
    index: usize,
    /// When the current board came up, or its dwell was restarted (a pause lifted).
    since: Instant,
}

impl Playlist {
    /// A rotation of `items` from the first, starting at `now`; the default playlist when
    /// `items` is empty.
    pub fn new(items: Vec<PlaylistItem>, now: Instant) -> Playlist {
        Playlist {
            items: non_empty(items),
            index: 0,
            since: now,
        }
    }

    /// Takes new entries and keeps showing the current board when it is still listed (from the
    /// first otherwise). The current board's dwell goes on: an edit does not restart it.
    pub fn replace(&mut self, items: Vec<PlaylistItem>) {
        let current = self.current().clone();
        self.items = non_empty(items);
        self.index = self.items.iter().position(|p| *p == current).unwrap_or(0);
    }

    pub fn items(&self) -> &[PlaylistItem] {
        &self.items
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Always false: a playlist has at least one entry.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The position of the board shown, from 0.
    pub fn index(&self) -> usize {
        self.index
    }

    pub fn current(&self) -> &PlaylistItem {
        &self.items[self.index]
    }

    /// Shows entry `index` (wrapping around) from `now`.
    pub fn go_to(&mut self, index: usize, now: Instant) {
        self.index = index % self.items.len();
        self.since = now;
    }

    pub fn next(&mut self, now: Instant) {
        self.go_to(self.index + 1, now);
    }

    pub fn previous(&mut self, now: Instant) {
        self.go_to(self.index + self.items.len() - 1, now);
    }

    /// The board to show: the current entry, narrowed to `center` when the operator chose one.
    pub fn shown(&self, center: Option<&CenterCode>) -> PlaylistItem {
        let mut item = self.current().clone();
        if let Some(c) = center {
            item.filter.center = Some(c.clone());
        }
        item
    }

    /// The current board gets its whole dwell again from `now` (after a pause).
    pub fn restart_dwell(&mut self, now: Instant) {
        self.since = now;
    }

    /// How long the current board stays up: its entry's seconds, at least [`MIN_DWELL`].
    pub fn dwell(&self) -> Duration {
        Duration::from_secs(self.current().seconds).max(MIN_DWELL)
    }

    /// Moves to the next board when the current one's dwell is over at `now`, unless `paused`
    /// or there is only one board. True when it moved.
    pub fn advance(&mut self, now: Instant, paused: bool) -> bool {
        let due = self.until_next(now, paused) == Some(Duration::ZERO);
        if due {
            self.next(now);
        }
        due
    }

    /// Time from `now` until the next rotation; `None` when nothing rotates (paused, or one
    /// board only).
    pub fn until_next(&self, now: Instant, paused: bool) -> Option<Duration> {
        if paused || self.items.len() < 2 {
            return None;
        }
        Some(
            self.dwell()
                .saturating_sub(now.saturating_duration_since(self.since)),
        )
    }
}

fn non_empty(items: Vec<PlaylistItem>) -> Vec<PlaylistItem> {
    if items.is_empty() {
        default_playlist()
    } else {
        items
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(board: BoardName, seconds: u64) -> PlaylistItem {
        PlaylistItem {
            board,
            seconds,
            filter: BoardFilter::default(),
        }
    }

    fn three(t0: Instant) -> Playlist {
        Playlist::new(
            vec![
                item(BoardName::DecisionExecution, 30),
                item(BoardName::Centers, 5),
                item(BoardName::Kpi, 10),
            ],
            t0,
        )
    }

    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn a_board_stays_for_its_dwell_then_the_next_comes_up() {
        let t0 = Instant::now();
        let mut p = three(t0);
        assert!(!p.advance(t0 + S(29), false));
        assert_eq!(p.current().board, BoardName::DecisionExecution);
        assert!(p.advance(t0 + S(30), false));
        assert_eq!(p.current().board, BoardName::Centers);
    }

    #[test]
    fn the_next_rotation_is_timed_by_the_board_now_shown() {
        let t0 = Instant::now();
        let mut p = three(t0);
        assert_eq!(p.until_next(t0 + S(10), false), Some(S(20)));
        assert!(p.advance(t0 + S(30), false));
        // Centers shows for 5 s, not for the 30 s of the board before it.
        assert_eq!(p.until_next(t0 + S(30), false), Some(S(5)));
        assert!(p.advance(t0 + S(35), false));
        assert_eq!(p.current().board, BoardName::Kpi);
    }

    #[test]
    fn a_paused_rotation_stays_and_asks_for_no_rotation() {
        let t0 = Instant::now();
        let mut p = three(t0);
        assert!(!p.advance(t0 + S(300), true));
        assert_eq!(p.index(), 0);
        assert_eq!(p.until_next(t0 + S(300), true), None);
    }

    #[test]
    fn restarting_the_dwell_gives_the_board_its_whole_time_again() {
        let t0 = Instant::now();
        let mut p = three(t0);
        p.restart_dwell(t0 + S(100));
        assert!(!p.advance(t0 + S(101), false));
        assert_eq!(p.until_next(t0 + S(101), false), Some(S(29)));
    }

    #[test]
    fn a_single_board_never_rotates() {
        let t0 = Instant::now();
        let mut p = Playlist::new(vec![item(BoardName::Budget, 5)], t0);
        assert!(!p.advance(t0 + S(3600), false));
        assert_eq!(p.until_next(t0 + S(3600), false), None);
    }

    #[test]
    fn a_short_entry_still_shows_for_the_minimum_dwell() {
        let t0 = Instant::now();
        let mut p = Playlist::new(
            vec![item(BoardName::Budget, 0), item(BoardName::Kpi, 0)],
            t0,
        );
        assert_eq!(p.dwell(), MIN_DWELL);
        assert!(!p.advance(t0 + S(2), false));
        assert!(p.advance(t0 + S(3), false));
    }

    #[test]
    fn jumps_wrap_around_both_ways_and_restart_the_dwell() {
        let t0 = Instant::now();
        let mut p = three(t0);
        p.previous(t0 + S(1));
        assert_eq!(p.current().board, BoardName::Kpi);
        p.next(t0 + S(2));
        assert_eq!(p.current().board, BoardName::DecisionExecution);
        p.go_to(4, t0 + S(3));
        assert_eq!(p.current().board, BoardName::Centers);
        assert_eq!(p.until_next(t0 + S(3), false), Some(S(5)));
    }

    #[test]
    fn the_rotation_wraps_from_the_last_board_to_the_first() {
        let t0 = Instant::now();
        let mut p = three(t0);
        p.go_to(2, t0);
        assert!(p.advance(t0 + S(10), false));
        assert_eq!(p.index(), 0);
    }

    #[test]
    fn an_empty_playlist_is_the_default_rotation_of_every_board() {
        let p = Playlist::new(Vec::new(), Instant::now());
        assert_eq!(p.len(), BoardName::ALL.len());
        assert!(p.items().iter().all(|i| i.seconds == 20));
    }

    #[test]
    fn replacing_keeps_the_current_board_when_still_listed_and_its_dwell_goes_on() {
        let t0 = Instant::now();
        let mut p = three(t0);
        p.go_to(1, t0);
        p.replace(vec![item(BoardName::Kpi, 10), item(BoardName::Centers, 5)]);
        assert_eq!((p.index(), p.current().board), (1, BoardName::Centers));
        assert_eq!(p.until_next(t0 + S(4), false), Some(S(1)));
        // The same board with another filter is another entry: the rotation starts over.
        let mut narrowed = item(BoardName::Centers, 5);
        narrowed.filter.year = Some(2023);
        p.replace(vec![item(BoardName::Kpi, 10), narrowed]);
        assert_eq!(p.index(), 0);
    }

    #[test]
    fn the_operators_center_narrows_the_board_shown_and_keeps_its_other_filters() {
        let t0 = Instant::now();
        let mut entry = item(BoardName::Budget, 10);
        entry.filter.year = Some(2023);
        let p = Playlist::new(vec![entry.clone()], t0);
        assert_eq!(p.shown(None), entry);
        let code = CenterCode::new("MOH").unwrap();
        let shown = p.shown(Some(&code));
        assert_eq!(shown.filter.center, Some(code));
        assert_eq!(shown.filter.year, Some(2023));
        assert_eq!(
            p.current().filter.center,
            None,
            "the playlist itself is unchanged"
        );
    }
}
