//! Where the wall's boards come from: a [`BoardSource`] gives the current view model of a board
//! and says how current it is.
//!
//! [`DatasetSource`] computes boards from records held in this process (the demo, tests);
//! the live source reading a collector is `collector_source::CollectorSource`. Sources never
//! panic on bad data: a board that cannot be had is an error the wall shows in its place.

use rasid_shared::board::{
    BoardContext, BoardFilter, BoardName, BoardView, Dataset, DecisionStory, StoryError,
    build_board, decision_story,
};
use rasid_shared::model::{CenterCode, DecisionNumber, RecordEnvelope};
use std::collections::HashMap;
use std::sync::Arc;

/// A board as the wall has it.
#[derive(Debug, Clone, Default)]
pub struct BoardState {
    pub view: Option<Arc<BoardView>>,
    /// Why the board could not be had (shown in its place); the last good view is kept.
    pub error: Option<crate::trouble::Trouble>,
    /// Shown from the local cache because the collector cannot be reached.
    pub from_cache: bool,
}

/// Where the data comes from, for the footer.
#[derive(Debug, Clone, PartialEq)]
pub enum SourceStatus {
    /// Embedded demo data.
    Demo,
    /// Connected to a collector.
    Live { url: String },
    /// The collector cannot be reached: last data shown, with since when.
    Offline {
        url: String,
        since: String,
        detail: String,
    },
}

/// One decision's story as the wall has it.
#[derive(Debug, Clone, PartialEq)]
pub enum StoryState {
    /// Asked for; the answer has not come yet.
    Loading,
    /// The story.
    Found(Arc<DecisionStory>),
    /// No decision of that number was received.
    NotFound,
    /// The story could not be had (shown in its place).
    Failed(crate::trouble::Trouble),
}

pub trait BoardSource {
    /// The current state of board `name` filtered by `filter`.
    fn board(&mut self, name: BoardName, filter: &BoardFilter) -> BoardState;
    /// Takes in whatever arrived since the last call; true when any board may have changed.
    fn poll(&mut self) -> bool;
    /// Tells the source which board is on screen, so that news of other boards need not wake
    /// the wall: they are taken in by the next frame's [`Self::poll`] (at the next rotation or
    /// minute). Until it is called, every arrival may wake the wall.
    fn showing(&mut self, _name: BoardName, _filter: &BoardFilter) {}
    /// Tells the source every board the wall's playlist will show, so that a source that
    /// fetches (the collector's) keeps each of them fresh and cached from the start: an outage
    /// at any moment then leaves every board of the rotation with its last data, not only the
    /// boards already shown. Sources that compute their boards on demand need not act.
    fn prefetch(&mut self, _boards: &[(BoardName, BoardFilter)]) {}
    fn status(&self) -> SourceStatus;
    /// What the operator must know about the source itself (a wall without a key, a collector
    /// refusing the wall), for the operator line; `None` when all is well.
    fn operator_note(&self) -> Option<crate::trouble::Trouble> {
        None
    }
    /// The story of decision `number`: at once from a source holding the records, or
    /// [`StoryState::Loading`] until a fetch asked by the first call arrives (later calls with
    /// the same number answer it).
    fn story(&mut self, number: &DecisionNumber) -> StoryState;
    /// The operator closed the story: the next [`Self::story`] asks afresh.
    fn forget_story(&mut self) {}
    /// The registered centers (code, Arabic name, English name), for the operator's filter.
    /// By default read from the reporting board, which lists every registered center.
    fn centers(&mut self) -> Vec<(CenterCode, String, String)> {
        match self
            .board(BoardName::Reporting, &BoardFilter::default())
            .view
            .as_deref()
        {
            Some(BoardView::Reporting(r)) => r
                .centers
                .iter()
                .map(|c| (c.center.clone(), c.name_ar.clone(), c.name_en.clone()))
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Boards computed from an in-memory dataset, cached until the data changes.
pub struct DatasetSource {
    data: Dataset,
    ctx: BoardContext,
    cache: HashMap<(BoardName, BoardFilter), Arc<BoardView>>,
    /// Earlier revisions of status records, for decisions' stories (the dataset keeps only the
    /// latest).
    history: Vec<RecordEnvelope>,
}

impl DatasetSource {
    pub fn new(data: Dataset, ctx: BoardContext) -> DatasetSource {
        DatasetSource {
            data,
            ctx,
            cache: HashMap::new(),
            history: Vec::new(),
        }
    }

    /// The same source telling stories with `history`: stored revisions of status records
    /// (e.g. `rasid_shared::demo::status_history`).
    pub fn with_history(mut self, history: Vec<RecordEnvelope>) -> DatasetSource {
        self.history = history;
        self
    }

    pub fn apply(&mut self, envs: impl IntoIterator<Item = RecordEnvelope>) -> bool {
        let mut changed = false;
        for e in envs {
            changed |= self.data.apply(e);
        }
        if changed {
            self.cache.clear();
        }
        changed
    }
}

impl BoardSource for DatasetSource {
    fn board(&mut self, name: BoardName, filter: &BoardFilter) -> BoardState {
        let view = self
            .cache
            .entry((name, filter.clone()))
            .or_insert_with(|| Arc::new(build_board(name, &self.data, filter, &self.ctx)))
            .clone();
        BoardState {
            view: Some(view),
            error: None,
            from_cache: false,
        }
    }

    fn poll(&mut self) -> bool {
        false
    }

    fn status(&self) -> SourceStatus {
        SourceStatus::Demo
    }

    fn story(&mut self, number: &DecisionNumber) -> StoryState {
        match decision_story(&self.data, number, &self.history, self.ctx.today) {
            Ok(s) => StoryState::Found(Arc::new(s)),
            Err(StoryError::NotFound(_)) => StoryState::NotFound,
        }
    }

    fn centers(&mut self) -> Vec<(CenterCode, String, String)> {
        self.data
            .centers
            .values()
            .map(|c| (c.code.clone(), c.name_ar.clone(), c.name_en.clone()))
            .collect()
    }
}
