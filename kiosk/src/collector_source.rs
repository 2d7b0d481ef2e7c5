//! The live source: boards fetched from a collector, refreshed when its stream says they
//! changed, and kept in a local sled cache so a wall started while the collector is down still
//! shows the last data, marked with its date.
//!
//! A background thread owns the network (a small tokio runtime): it follows `GET /v1/stream`
//! (server-sent events), fetches `GET /v1/boards/{name}` for the boards the wall wants, each
//! request signed with the wall's key ([`WallIdentity`]), and hands results to the UI thread
//! over a channel, waking it. A collector refusing the wall (401) is said on the operator line. It reconnects by itself with
//! backoff. Nothing the collector sends can crash the wall: a board that cannot be read becomes
//! an error shown in that board's place.
//!
//! Bounded however busy the collector is and however rarely the wall draws: a board waits to
//! be fetched at most once ([`FetchQueue`]), and at most one fetched copy of each board waits
//! for the UI, the newest ([`Arrived`]); a wall that draws once a minute while the collector
//! announces a change every second holds one copy of each board, not sixty.

use crate::feed::{BoardSource, BoardState, SourceStatus, StoryState};
pub use crate::identity::HEADER_KIOSK;
use crate::identity::{WallIdentity, refusal};
use crate::trouble::Trouble;
use chrono::{DateTime, Local};
use rasid_shared::board::{BoardFilter, BoardName, BoardView, DecisionStory};
use rasid_shared::model::DecisionNumber;
use rasid_shared::store::Store;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Duration;

type Key = (BoardName, BoardFilter);
type Shown = Arc<Mutex<Option<Key>>>;

/// Called from the network thread when something arrived for the UI.
pub type Wake = Arc<dyn Fn() + Send + Sync>;

/// The [`Wake`] of a wall drawn by `ctx`: one frame per wake.
///
/// It asks for the frame with a delay of 1 ms, not with `request_repaint()`: egui answers that
/// with two frames ("to give things time to settle"), and on a software renderer every frame
/// of the wall costs a large share of a core. The wall draws all it was woken for in one frame.
pub fn wake_frame(ctx: &egui::Context) -> Wake {
    let ctx = ctx.clone();
    Arc::new(move || ctx.request_repaint_after(Duration::from_millis(1)))
}

enum Event {
    /// A fetched copy of this board waits in [`Arrived`] (sent once until the UI takes it).
    Board(Key),
    Connected,
    Disconnected(String),
    /// The collector answered 401: what it said.
    Refused(Trouble),
}

/// The fetched copies of boards the UI has not taken yet: the newest of each.
type Arrived = Arc<Mutex<HashMap<Key, Result<BoardView, Trouble>>>>;

#[derive(Serialize, Deserialize)]
struct Cached {
    fetched: DateTime<Local>,
    view: BoardView,
}

pub struct CollectorSource {
    url: String,
    /// The board on screen, if the wall said (`showing`): only news of it wakes the wall.
    shown: Shown,
    boards: HashMap<Key, BoardState>,
    requested: HashSet<Key>,
    want_tx: tokio::sync::mpsc::UnboundedSender<Key>,
    events: mpsc::Receiver<Event>,
    arrived: Arrived,
    status: SourceStatus,
    cache: Option<Store>,
    /// Why the wall has no key, for the operator line.
    no_key: Option<Trouble>,
    /// The collector's last refusal of the wall, until the stream is accepted again.
    refused: Option<Trouble>,
    /// The wall's identity and wake, for fetching a decision's story apart from the boards.
    wall: WallIdentity,
    wake: Wake,
    /// The story asked for last, and its state.
    story: Arc<Mutex<Option<(DecisionNumber, StoryState)>>>,
}

impl CollectorSource {
    /// Starts following the collector at `url` as `wall`. `cache`: where the last boards are
    /// kept. A wall without a key reads unsigned, and says so on the operator line and in the
    /// log.
    pub fn start(
        url: &str,
        wall: WallIdentity,
        cache: Option<Store>,
        wake: Wake,
    ) -> CollectorSource {
        let (source, net, want_rx) = Self::with_network(url, wall, cache, wake);
        std::thread::Builder::new()
            .name("rasid-collector".into())
            .spawn(move || net.run(want_rx))
            .map_err(|e| tracing::error!("cannot start the network thread: {e}"))
            .ok();
        source
    }

    /// The source and the network side that feeds it, not started.
    fn with_network(
        url: &str,
        wall: WallIdentity,
        cache: Option<Store>,
        wake: Wake,
    ) -> (
        CollectorSource,
        Network,
        tokio::sync::mpsc::UnboundedReceiver<Key>,
    ) {
        let url = url.trim_end_matches('/').to_string();
        let (want_tx, want_rx) = tokio::sync::mpsc::unbounded_channel();
        let (ev_tx, events) = mpsc::channel();
        let shown = Shown::default();
        let arrived = Arrived::default();
        let no_key = wall.problem().cloned();
        if let Some(p) = &no_key {
            tracing::warn!("{p}");
        }
        let net = Network {
            url: url.clone(),
            wall: wall.clone(),
            events: ev_tx,
            arrived: arrived.clone(),
            wake: wake.clone(),
            shown: shown.clone(),
        };
        let source = CollectorSource {
            status: SourceStatus::Offline {
                url: url.clone(),
                since: Local::now().format("%H:%M").to_string(),
                detail: "connecting".into(),
            },
            url,
            shown,
            boards: HashMap::new(),
            requested: HashSet::new(),
            want_tx,
            events,
            arrived,
            cache,
            no_key,
            refused: None,
            wall,
            wake,
            story: Arc::default(),
        };
        (source, net, want_rx)
    }

    /// The last copy of board `name` for `filter` kept in the wall's cache `store`, if any.
    pub fn cached_view(store: &Store, name: BoardName, filter: &BoardFilter) -> Option<BoardView> {
        let k = (name, filter.clone());
        let cached: Cached = store.meta(&Self::cache_key(&k)).ok()??;
        Some(cached.view)
    }

    /// Where the last copy of board `k` is kept: one key per board and filter, every field of
    /// the filter in it, so that a quarter's copy never stands in for the year's (the period and
    /// the classification were left out once; copies kept under those older keys are not read).
    fn cache_key(k: &Key) -> String {
        let or_dash = |s: Option<String>| s.unwrap_or_else(|| "-".into());
        format!(
            "kiosk.board.{}.{}.{}.{}.{}",
            k.0,
            k.1.center.as_ref().map(|c| c.as_str()).unwrap_or("-"),
            or_dash(k.1.year.map(|y| y.to_string())),
            or_dash(k.1.period.map(|p| p.to_string())),
            or_dash(k.1.by.map(|b| b.to_string())),
        )
    }

    fn cached(&self, k: &Key) -> Option<BoardState> {
        let cached: Cached = self.cache.as_ref()?.meta(&Self::cache_key(k)).ok()??;
        Some(BoardState {
            view: Some(Arc::new(cached.view)),
            error: None,
            from_cache: true,
        })
    }

    /// Asks the network thread for board `k` once: from then on it is fetched at every change
    /// notice naming it and at every reconnection. Until it arrives, the cached copy stands.
    fn want(&mut self, k: &Key) {
        if self.requested.insert(k.clone()) {
            let _ = self.want_tx.send(k.clone());
            if let Some(c) = self.cached(k) {
                self.boards.insert(k.clone(), c);
            }
        }
    }
}

impl BoardSource for CollectorSource {
    fn board(&mut self, name: BoardName, filter: &BoardFilter) -> BoardState {
        let k = (name, filter.clone());
        self.want(&k);
        self.boards.get(&k).cloned().unwrap_or_default()
    }

    fn prefetch(&mut self, boards: &[(BoardName, BoardFilter)]) {
        for (name, filter) in boards {
            self.want(&(*name, filter.clone()));
        }
    }

    fn poll(&mut self) -> bool {
        let mut changed = false;
        while let Ok(ev) = self.events.try_recv() {
            changed = true;
            match ev {
                Event::Connected => {
                    self.refused = None;
                    self.status = SourceStatus::Live {
                        url: self.url.clone(),
                    }
                }
                Event::Refused(why) => {
                    if self.refused.as_ref() != Some(&why) {
                        tracing::warn!("{why}");
                    }
                    self.refused = Some(why);
                }
                Event::Disconnected(detail) => {
                    if !matches!(self.status, SourceStatus::Offline { .. })
                        || detail != "connecting"
                    {
                        let since = match &self.status {
                            SourceStatus::Offline { since, .. } => since.clone(),
                            _ => Local::now().format("%H:%M").to_string(),
                        };
                        self.status = SourceStatus::Offline {
                            url: self.url.clone(),
                            since,
                            detail,
                        };
                    }
                    for b in self.boards.values_mut() {
                        b.from_cache = true;
                    }
                }
                Event::Board(k) => match lock(&self.arrived).remove(&k) {
                    // Taken already, at the notice of an earlier copy.
                    None => {}
                    Some(Ok(view)) => {
                        self.refused = None;
                        if let Some(store) = &self.cache {
                            let cached = Cached {
                                fetched: Local::now(),
                                view: view.clone(),
                            };
                            let _ = store.set_meta(&Self::cache_key(&k), &cached);
                        }
                        let state = BoardState {
                            view: Some(Arc::new(view)),
                            error: None,
                            from_cache: false,
                        };
                        self.boards.insert(k, state);
                    }
                    Some(Err(e)) => self.boards.entry(k).or_default().error = Some(e),
                },
            }
        }
        changed
    }

    fn status(&self) -> SourceStatus {
        self.status.clone()
    }

    fn operator_note(&self) -> Option<Trouble> {
        self.refused.clone().or_else(|| self.no_key.clone())
    }

    fn story(&mut self, number: &DecisionNumber) -> StoryState {
        let mut slot = lock(&self.story);
        if let Some((n, state)) = slot.as_ref()
            && n == number
        {
            return state.clone();
        }
        *slot = Some((*number, StoryState::Loading));
        let (url, wall, wake) = (self.url.clone(), self.wall.clone(), self.wake.clone());
        let (story, number) = (self.story.clone(), *number);
        let started = std::thread::Builder::new()
            .name("rasid-story".into())
            .spawn(move || {
                let state = fetch_story(&url, &wall, &number);
                let mut slot = lock(&story);
                // Kept only if the operator still waits for this number.
                if slot.as_ref().is_some_and(|(n, _)| *n == number) {
                    *slot = Some((number, state));
                }
                drop(slot);
                wake();
            });
        match started {
            Ok(_) => StoryState::Loading,
            Err(e) => {
                let state = StoryState::Failed(Trouble::Unreachable {
                    detail: format!("cannot start a thread to fetch the story: {e}"),
                });
                *slot = Some((number, state.clone()));
                state
            }
        }
    }

    fn forget_story(&mut self) {
        *lock(&self.story) = None;
    }

    fn showing(&mut self, name: BoardName, filter: &BoardFilter) {
        let mut shown = lock(&self.shown);
        if shown
            .as_ref()
            .is_none_or(|(n, f)| *n != name || f != filter)
        {
            *shown = Some((name, filter.clone()));
        }
    }
}

/// A lock whose holder cannot leave its value half-changed: a poisoned one is used as it is.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// `GET /v1/decisions/{government}/{session}/{item}` of the collector at `base`, signed as
/// `wall`: the story, not found, or why it could not be had.
fn fetch_story(base: &str, wall: &WallIdentity, number: &DecisionNumber) -> StoryState {
    let rt = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            return StoryState::Failed(Trouble::Unreachable {
                detail: format!("cannot start networking: {e}"),
            });
        }
    };
    let url = format!(
        "{base}/v1/decisions/{}/{}/{:02}",
        number.government, number.session, number.item
    );
    match rt.block_on(fetch_story_from(&url, wall)) {
        Ok(Some(story)) => StoryState::Found(Arc::new(story)),
        Ok(None) => StoryState::NotFound,
        Err(why) => StoryState::Failed(why),
    }
}

async fn fetch_story_from(
    url: &str,
    wall: &WallIdentity,
) -> Result<Option<DecisionStory>, Trouble> {
    let client = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(5))
        .build()
        .map_err(|e| Trouble::Unreachable {
            detail: e.to_string(),
        })?;
    let (status, bytes) = answer(signed_request(&client, wall, url)?).await?;
    if let Some(why) = refusal(status, &bytes) {
        return Err(why);
    }
    let error_word = serde_json::from_slice::<rasid_shared::wire::ErrorBody>(&bytes)
        .map(|e| e.error)
        .unwrap_or_default();
    if status == reqwest::StatusCode::NOT_FOUND && error_word == "unknown-decision" {
        return Ok(None);
    }
    if !status.is_success() {
        return Err(answered(status, &bytes));
    }
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| Trouble::Unreadable {
            detail: e.to_string(),
        })
}

/// A GET of `url` carrying `wall`'s name and, when it has a key, its signature.
fn signed_request(
    client: &reqwest::Client,
    wall: &WallIdentity,
    url: &str,
) -> Result<reqwest::RequestBuilder, Trouble> {
    let url = reqwest::Url::parse(url).map_err(|e| Trouble::BadAddress {
        url: url.to_string(),
        detail: e.to_string(),
    })?;
    let mut req = client.get(url.clone());
    for (name, value) in wall.headers(&url) {
        req = req.header(name, value);
    }
    Ok(req)
}

/// Sends `req` (within 15 s) and reads the whole answer.
async fn answer(req: reqwest::RequestBuilder) -> Result<(reqwest::StatusCode, Vec<u8>), Trouble> {
    let resp = req
        .timeout(Duration::from_secs(15))
        .send()
        .await
        .map_err(|e| Trouble::Unreachable {
            detail: e.to_string(),
        })?;
    let status = resp.status();
    let bytes = resp.bytes().await.map_err(|e| Trouble::Cut {
        detail: e.to_string(),
    })?;
    Ok((status, bytes.to_vec()))
}

/// An answer that is not a success, with the start of what the collector said.
fn answered(status: reqwest::StatusCode, bytes: &[u8]) -> Trouble {
    let message: String = String::from_utf8_lossy(bytes).chars().take(200).collect();
    Trouble::Answered {
        status: status.to_string(),
        message,
    }
}

struct Network {
    url: String,
    wall: WallIdentity,
    events: mpsc::Sender<Event>,
    arrived: Arrived,
    wake: Wake,
    shown: Shown,
}

impl Network {
    /// Hands `e` to the UI thread and wakes it.
    fn send(&self, e: Event) {
        let _ = self.events.send(e);
        (self.wake)();
    }

    /// Hands the fetched copy `r` of board `k` to the UI thread in place of any copy it has
    /// not taken yet, and wakes it when `k` is on screen: on a software renderer every frame of
    /// a 1080p wall costs a good part of a second of CPU, so news of other boards waits for the
    /// next frame.
    fn deliver(&self, k: Key, r: Result<BoardView, Trouble>) {
        let waiting = lock(&self.arrived).insert(k.clone(), r).is_some();
        let on_screen = lock(&self.shown).as_ref().is_none_or(|s| *s == k);
        if !waiting {
            let _ = self.events.send(Event::Board(k));
        }
        if on_screen {
            (self.wake)();
        }
    }

    fn run(self, mut wants: tokio::sync::mpsc::UnboundedReceiver<Key>) {
        let rt = match tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
        {
            Ok(rt) => rt,
            Err(e) => {
                self.send(Event::Disconnected(format!("cannot start networking: {e}")));
                return;
            }
        };
        let client = match reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(5))
            .build()
        {
            Ok(c) => c,
            Err(e) => {
                self.send(Event::Disconnected(format!("cannot start networking: {e}")));
                return;
            }
        };
        let me = Arc::new(self);
        let wanted: Arc<Mutex<HashSet<Key>>> = Arc::default();
        rt.block_on(async move {
            let (queue, mut fetch_rx) = FetchQueue::new();
            let queue = Arc::new(queue);
            // Fetcher: one board at a time, in the order asked.
            let fetcher = {
                let me = me.clone();
                let client = client.clone();
                let queue = queue.clone();
                tokio::spawn(async move {
                    while let Some(k) = fetch_rx.recv().await {
                        queue.started(&k);
                        let r = me.fetch(&client, &k).await;
                        me.deliver(k, r);
                    }
                })
            };
            // Wants from the UI: remember them and fetch each once now.
            let wants_task = {
                let wanted = wanted.clone();
                let queue = queue.clone();
                tokio::spawn(async move {
                    while let Some(k) = wants.recv().await {
                        if lock(&wanted).insert(k.clone()) {
                            queue.ask(k);
                        }
                    }
                })
            };
            me.follow_stream(&client, &wanted, &queue).await;
            fetcher.abort();
            wants_task.abort();
        });
    }

    async fn fetch(&self, client: &reqwest::Client, k: &Key) -> Result<BoardView, Trouble> {
        let mut url = format!("{}/v1/boards/{}", self.url, k.0);
        let mut q = Vec::new();
        if let Some(c) = &k.1.center {
            q.push(format!("center={c}"));
        }
        if let Some(y) = k.1.year {
            q.push(format!("year={y}"));
        }
        if let Some(p) = k.1.period {
            q.push(format!("period={p}"));
        }
        if let Some(by) = k.1.by {
            q.push(format!("by={by}"));
        }
        if !q.is_empty() {
            url.push('?');
            url.push_str(&q.join("&"));
        }
        let (status, bytes) = answer(signed_request(client, &self.wall, &url)?).await?;
        if let Some(why) = refusal(status, &bytes) {
            self.send(Event::Refused(why.clone()));
            return Err(why);
        }
        if !status.is_success() {
            return Err(answered(status, &bytes));
        }
        let view: BoardView = serde_json::from_slice(&bytes).map_err(|e| Trouble::Unreadable {
            detail: e.to_string(),
        })?;
        if view.name() != k.0 {
            return Err(Trouble::WrongBoard {
                asked: k.0.to_string(),
                got: view.name().to_string(),
            });
        }
        Ok(view)
    }

    /// Follows the live stream forever, reconnecting with backoff; each `boards` event refetches
    /// the wanted boards it names, and each (re)connection refetches all of them.
    async fn follow_stream(
        &self,
        client: &reqwest::Client,
        wanted: &Mutex<HashSet<Key>>,
        queue: &FetchQueue,
    ) {
        let mut wait = Duration::from_millis(500);
        loop {
            let resp = match signed_request(client, &self.wall, &format!("{}/v1/stream", self.url))
            {
                Ok(r) => {
                    r.header(reqwest::header::ACCEPT, "text/event-stream")
                        .send()
                        .await
                }
                Err(e) => {
                    // A URL that cannot be read never gets better: say so once and stop.
                    self.send(Event::Disconnected(e.to_string()));
                    return;
                }
            };
            match resp {
                Ok(mut r) if r.status().is_success() => {
                    wait = Duration::from_millis(500);
                    self.send(Event::Connected);
                    for k in lock(wanted).iter().cloned().collect::<Vec<_>>() {
                        queue.ask(k);
                    }
                    let mut buf = String::new();
                    let detail = loop {
                        // A silent stream (keep-alives stop) means a dead connection.
                        match tokio::time::timeout(Duration::from_secs(60), r.chunk()).await {
                            Ok(Ok(Some(bytes))) => {
                                buf.push_str(&String::from_utf8_lossy(&bytes));
                                while let Some(end) = buf.find("\n\n") {
                                    let event: String = buf.drain(..end + 2).collect();
                                    for name in changed_boards(&event) {
                                        let named: Vec<Key> = lock(wanted)
                                            .iter()
                                            .filter(|k| k.0 == name)
                                            .cloned()
                                            .collect();
                                        for k in named {
                                            queue.ask(k);
                                        }
                                    }
                                }
                                if buf.len() > 1 << 20 {
                                    buf.clear();
                                }
                            }
                            Ok(Ok(None)) => break "the collector closed the stream".to_string(),
                            Ok(Err(e)) => break format!("the stream broke: {e}"),
                            Err(_) => break "the collector went silent".to_string(),
                        }
                    };
                    self.send(Event::Disconnected(detail));
                }
                Ok(r) => {
                    let status = r.status();
                    let body = r.bytes().await.unwrap_or_default();
                    match refusal(status, &body) {
                        Some(why) => {
                            self.send(Event::Disconnected(why.to_string()));
                            self.send(Event::Refused(why));
                        }
                        None => self.send(Event::Disconnected(format!(
                            "the collector answered {status}"
                        ))),
                    }
                }
                Err(e) => self.send(Event::Disconnected(format!(
                    "cannot reach the collector: {e}"
                ))),
            }
            tokio::time::sleep(wait).await;
            wait = (wait * 2).min(Duration::from_secs(30));
        }
    }
}

/// The boards waiting to be fetched, in the order asked, each at most once: change notices
/// naming a board that already waits add nothing. A board being fetched can wait again, so a
/// change during its fetch is fetched after it.
struct FetchQueue {
    tx: tokio::sync::mpsc::UnboundedSender<Key>,
    waiting: Mutex<HashSet<Key>>,
}

impl FetchQueue {
    fn new() -> (FetchQueue, tokio::sync::mpsc::UnboundedReceiver<Key>) {
        let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
        let queue = FetchQueue {
            tx,
            waiting: Mutex::default(),
        };
        (queue, rx)
    }

    /// Asks for `k` to be fetched, unless it waits already.
    fn ask(&self, k: Key) {
        if lock(&self.waiting).insert(k.clone()) {
            let _ = self.tx.send(k);
        }
    }

    /// The fetcher took `k` off the queue and is fetching it.
    fn started(&self, k: &Key) {
        lock(&self.waiting).remove(k);
    }
}

#[derive(Deserialize)]
struct BoardsChanged {
    #[serde(default)]
    changed: Vec<String>,
}

/// The most of an event's text a log line quotes.
const QUOTED_EVENT_CHARS: usize = 200;

/// The boards named by one server-sent event of type `boards`; nothing for other events. An
/// event that cannot be read, or that names boards this wall does not know, is logged: the wall
/// goes on, and the operator can see why a board did not refresh.
fn changed_boards(event: &str) -> Vec<BoardName> {
    match parse_boards_event(event) {
        Ok(c) => {
            if !c.unknown.is_empty() {
                tracing::debug!(
                    "the collector named boards this wall does not know: {}",
                    c.unknown.join(", ")
                );
            }
            c.known
        }
        Err(e) => {
            let quoted: String = event.chars().take(QUOTED_EVENT_CHARS).collect();
            tracing::warn!(
                "a stream event from the collector was ignored: {e}; the event: {quoted:?}"
            );
            Vec::new()
        }
    }
}

/// What a `boards` event says changed.
#[derive(Debug, Default, PartialEq)]
struct ChangedBoards {
    known: Vec<BoardName>,
    /// Names this wall does not know (a newer collector's boards).
    unknown: Vec<String>,
}

/// Reads one server-sent event: `Ok` with the boards of a `boards` event (nothing for other
/// events and keep-alives), `Err` saying what is wrong when a `boards` event cannot be read.
fn parse_boards_event(event: &str) -> Result<ChangedBoards, String> {
    let mut kind = "message";
    let mut data = String::new();
    for line in event.lines() {
        if let Some(v) = line.strip_prefix("event:") {
            kind = v.trim();
        } else if let Some(v) = line.strip_prefix("data:") {
            data.push_str(v.trim_start());
        }
    }
    if kind != "boards" {
        return Ok(ChangedBoards::default());
    }
    let c = serde_json::from_str::<BoardsChanged>(&data)
        .map_err(|e| format!("its data is not a list of changed boards ({e})"))?;
    let (known, unknown): (Vec<_>, Vec<_>) = c
        .changed
        .into_iter()
        .map(|n| BoardName::parse(&n).ok_or(n))
        .partition(Result::is_ok);
    Ok(ChangedBoards {
        known: known.into_iter().flatten().collect(),
        unknown: unknown.into_iter().filter_map(Result::err).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_events_name_the_changed_boards_and_others_are_ignored() {
        let e = "event: boards\ndata: {\"version\":3,\"changed\":[\"decision-execution\",\"nonsense\",\"overdue\"]}\n\n";
        assert_eq!(
            changed_boards(e),
            vec![BoardName::DecisionExecution, BoardName::Overdue]
        );
        assert!(changed_boards(": keep-alive\n\n").is_empty());
        assert!(changed_boards("event: boards\ndata: {not json\n\n").is_empty());
    }

    #[test]
    fn a_malformed_boards_event_is_reported_with_what_is_wrong() {
        let e = parse_boards_event("event: boards\ndata: {not json\n\n").unwrap_err();
        assert!(e.contains("not a list of changed boards"), "{e}");
        assert!(parse_boards_event("event: boards\ndata: {\"changed\": 3}\n\n").is_err());
        // Other events and keep-alives are not errors.
        assert_eq!(
            parse_boards_event(": keep-alive\n\n"),
            Ok(ChangedBoards::default())
        );
        assert_eq!(
            parse_boards_event("event: receipts\ndata: {x\n\n"),
            Ok(ChangedBoards::default())
        );
    }

    #[test]
    fn boards_unknown_to_this_wall_are_kept_apart_not_dropped_unseen() {
        let c = parse_boards_event("event: boards\ndata: {\"changed\":[\"kpi\",\"weather\"]}\n\n")
            .unwrap();
        assert_eq!(c.known, vec![BoardName::Kpi]);
        assert_eq!(c.unknown, vec!["weather".to_string()]);
    }

    /// A source and its network side, not started, with a wake that counts.
    fn unstarted() -> (
        CollectorSource,
        Network,
        Arc<std::sync::atomic::AtomicUsize>,
    ) {
        let wakes = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let counted = wakes.clone();
        let wall =
            WallIdentity::with_key("hall-1", rasid_shared::sign::KeyPair::from_seed([7; 32]));
        let wake: Wake = Arc::new(move || {
            counted.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        });
        let (source, net, _) =
            CollectorSource::with_network("http://127.0.0.1:9", wall, None, wake);
        (source, net, wakes)
    }

    #[test]
    fn a_wall_that_draws_rarely_holds_one_copy_of_each_board_the_newest() {
        let (mut source, net, wakes) = unstarted();
        let overdue = (BoardName::Overdue, BoardFilter::default());
        let kpi = (BoardName::Kpi, BoardFilter::default());
        source.showing(BoardName::Overdue, &BoardFilter::default());
        // A busy collector: a thousand fetched copies before the wall's next frame.
        for i in 0..1000 {
            let copy = || Trouble::Cut {
                detail: format!("copy {i}"),
            };
            net.deliver(overdue.clone(), Err(copy()));
            net.deliver(kpi.clone(), Err(copy()));
        }
        assert_eq!(lock(&source.arrived).len(), 2, "one copy a board waits");
        let notices: Vec<Event> = source.events.try_iter().collect();
        assert_eq!(notices.len(), 2, "one notice a board waits");
        for e in notices {
            net.events.send(e).unwrap();
        }
        // Only news of the board on screen wakes the wall.
        assert_eq!(wakes.load(std::sync::atomic::Ordering::Relaxed), 1000);
        assert!(source.poll());
        let error = |s: &mut CollectorSource, k: &Key| s.board(k.0, &k.1).error;
        let last = Some(Trouble::Cut {
            detail: "copy 999".into(),
        });
        assert_eq!(error(&mut source, &overdue), last);
        assert_eq!(error(&mut source, &kpi), last);
        assert!(lock(&source.arrived).is_empty());
        // A copy fetched after the frame took the last one is noticed again.
        let copy_1000 = Trouble::Cut {
            detail: "copy 1000".into(),
        };
        net.deliver(kpi.clone(), Err(copy_1000.clone()));
        assert!(source.poll());
        assert_eq!(error(&mut source, &kpi), Some(copy_1000));
    }

    #[test]
    fn a_board_named_by_many_change_notices_waits_to_be_fetched_once() {
        let (queue, mut rx) = FetchQueue::new();
        let overdue = (BoardName::Overdue, BoardFilter::default());
        let kpi = (BoardName::Kpi, BoardFilter::default());
        for _ in 0..1000 {
            queue.ask(overdue.clone());
            queue.ask(kpi.clone());
        }
        let mut waiting = Vec::new();
        while let Ok(k) = rx.try_recv() {
            waiting.push(k);
        }
        assert_eq!(
            waiting,
            vec![overdue.clone(), kpi.clone()],
            "in the order asked"
        );
        // Once its fetch has started, a change is fetched again after it.
        queue.started(&overdue);
        queue.ask(overdue.clone());
        queue.ask(kpi.clone());
        assert_eq!(rx.try_recv().ok(), Some(overdue));
        assert!(rx.try_recv().is_err(), "kpi still waits from before");
    }

    #[test]
    fn one_wake_asks_for_one_frame() {
        let ctx = egui::Context::default();
        let frame = || {
            ctx.run_ui(egui::RawInput::default(), |_| {})
                .textures_delta
                .clear();
        };
        // The first frames of a context ask for more; let them pass.
        for _ in 0..3 {
            frame();
        }
        assert!(
            !ctx.has_requested_repaint(),
            "an idle wall asks for nothing"
        );
        wake_frame(&ctx)();
        assert!(ctx.has_requested_repaint(), "the wake asks for a frame");
        frame();
        assert!(
            !ctx.has_requested_repaint(),
            "after the frame it asked for, the wake asks for no other"
        );
    }

    #[test]
    fn each_filter_has_its_own_cached_copy() {
        use rasid_shared::board::{ClassifyBy, Period};
        let year = BoardFilter {
            year: Some(2023),
            ..BoardFilter::default()
        };
        let quarter = BoardFilter {
            period: Some(Period::Quarter(1)),
            ..year.clone()
        };
        let by_program = BoardFilter {
            by: Some(ClassifyBy::Program),
            ..year.clone()
        };
        let keys: HashSet<String> = [&year, &quarter, &by_program, &BoardFilter::default()]
            .into_iter()
            .map(|f| CollectorSource::cache_key(&(BoardName::Budget, f.clone())))
            .collect();
        assert_eq!(keys.len(), 4, "{keys:?}");
    }
}
