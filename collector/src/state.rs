//! The collector's core, without HTTP: ingest batches, keep the dataset and board cache, announce
//! changes, answer assignments. The HTTP layer ([`super::http`]) and the kiosk's demo call this.
//!
//! Ingest is serialized by one mutex: check, commit to sled (flushed), then apply to memory.
//! Everything else reads the in-memory [`Dataset`], which always equals what sled holds.

use super::directory::Directory;
use super::ingest::{check_batch, take_future_records};
use super::metrics::{Gauges, Metrics};
use crate::registry::Registry;
use axum::body::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use rasid_shared::board::{
    Activity, BoardContext, BoardFilter, BoardName, BoardView, Dataset, DecisionStory, HistoryNeed,
    KpiThresholds, StoryError, aggregate_reporting, build_board, decision_story, status_key,
};
use rasid_shared::model::{CenterCode, DecisionNumber, RecordKind};
use rasid_shared::store::{Store, StoreError};
use rasid_shared::wire::{
    Assignment, AssignmentList, Batch, BatchAck, MAX_BATCH_RECORDS, PROTOCOL_VERSION,
};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, RwLock, RwLockReadGuard, RwLockWriteGuard};
use tokio::sync::{Notify, broadcast};

/// Store meta name of the persisted [`Activity`].
const META_ACTIVITY: &str = "collector.activity";
const META_VERSION: &str = "collector.boards_version";
/// Most distinct kiosk names remembered (names come from an unauthenticated header).
const MAX_KIOSKS: usize = 256;

/// Why a batch was refused as a whole.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error(
        "batch format version {0} is not supported; this collector reads version {PROTOCOL_VERSION}. Upgrade the agent or the collector"
    )]
    WrongVersion(u32),
    #[error(
        "the batch says it is from {batch} but is signed by {signed_by}: a center may not write as another"
    )]
    CenterMismatch {
        signed_by: CenterCode,
        batch: CenterCode,
    },
    #[error(
        "batch {batch} was received before with other records: the agent's store was rebuilt or restored from an older copy. The agent begins a new numbering by itself and sends its records again; nothing is lost"
    )]
    NumberReused { batch: String },
    #[error(
        "the batch holds {0} records; a batch holds at most {MAX_BATCH_RECORDS}. Send fewer records per batch"
    )]
    TooManyRecords(usize),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Encode(#[from] EncodeError),
}

/// Something the collector could not write as JSON: a fault of the collector, never of the
/// request, so it is answered as an error (500) rather than as an empty body.
#[derive(Debug, thiserror::Error)]
#[error(
    "the collector could not write {what} as JSON ({source}); this is a fault of the collector, not of the request: report it with the collector's log"
)]
pub struct EncodeError {
    /// What was being written: `board budget`, `batch MOH/k1/7`.
    pub what: String,
    #[source]
    pub source: serde_json::Error,
}

/// `view`, the board `name`, as the JSON bytes served for it.
fn encode_board(name: BoardName, view: &impl Serialize) -> Result<Bytes, EncodeError> {
    serde_json::to_vec(view)
        .map(Bytes::from)
        .map_err(|source| EncodeError {
            what: format!("board {name}"),
            source,
        })
}

/// Announced on every change: which boards changed, and the new version of the boards. The data
/// of a `boards` event of `GET /v1/stream`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct BoardsChanged {
    /// The boards' version after the change (as `version` of `GET /v1/boards`).
    pub version: u64,
    /// The boards the change affected.
    pub changed: Vec<BoardName>,
}

/// The boards a record kind feeds.
pub fn boards_fed_by(kind: RecordKind) -> &'static [BoardName] {
    use BoardName::*;
    match kind {
        RecordKind::Session => &[DecisionExecution, Reporting],
        RecordKind::Decision | RecordKind::DecisionStatus => &[
            DecisionExecution,
            Centers,
            Overdue,
            Classification,
            Trends,
            Reporting,
        ],
        RecordKind::Budget => &[Budget, Trends, Reporting],
        RecordKind::Kpi => &[Kpi, Reporting],
        RecordKind::Committee => &[Committees, Reporting],
        RecordKind::Project | RecordKind::ProjectProgress => &[Projects, Reporting],
        RecordKind::Complaints => &[Complaints, Reporting],
        RecordKind::Legislation | RecordKind::LegalMemoranda => &[Legislation, Reporting],
    }
}

/// A computed board, kept until one of its records changes.
struct CachedBoard {
    view: BoardView,
    json: Bytes,
}

type CacheKey = (BoardName, BoardFilter, NaiveDate);

/// The collector's state. Shared as `Arc<Collector>` by handlers, the kiosk demo and tasks.
pub struct Collector {
    store: Store,
    dir: RwLock<Arc<Directory>>,
    data: RwLock<Dataset>,
    ingest: Mutex<()>,
    cache: Mutex<HashMap<CacheKey, Arc<CachedBoard>>>,
    version: AtomicU64,
    changes: broadcast::Sender<BoardsChanged>,
    activity: Mutex<Activity>,
    today: Option<NaiveDate>,
    kpi: KpiThresholds,
    relay: bool,
    relay_wake: Notify,
    pub(crate) metrics: Metrics,
}

fn read<T>(l: &RwLock<T>) -> RwLockReadGuard<'_, T> {
    l.read().unwrap_or_else(|e| e.into_inner())
}

fn write<T>(l: &RwLock<T>) -> RwLockWriteGuard<'_, T> {
    l.write().unwrap_or_else(|e| e.into_inner())
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Collector {
    /// Builds the collector over `store`, rebuilding the dataset from every stored record.
    ///
    /// `today` fixes the clock (demo, tests); `None` uses the local date. With `relay`, every
    /// accepted record is also queued in the store's outbox for an upstream collector.
    pub fn open(
        store: Store,
        registry: Registry,
        today: Option<NaiveDate>,
        relay: bool,
    ) -> Result<Collector, StoreError> {
        let dir = Directory::new(registry);
        let mut data = Dataset::new(dir.centers().cloned());
        data.walls = dir.wall_names().cloned().collect();
        for env in store.records() {
            let env = env?;
            // A revised plan is measured against its first revision, and a status's trend needs
            // every revision: only the history holds them.
            if env.revision > 1 {
                match Dataset::needs_history(env.record.kind()) {
                    HistoryNeed::None => {}
                    HistoryNeed::First => {
                        if let Some(first) = store.first_revision(&env.key())? {
                            data.apply(first);
                        }
                    }
                    HistoryNeed::All => {
                        for older in store.history(&env.key())? {
                            data.apply(older);
                        }
                    }
                }
            }
            data.apply(env);
        }
        let activity: Activity = store.meta(META_ACTIVITY)?.unwrap_or_default();
        // The boards' version goes on from the last one stored, and from the clock, so that it
        // rises across restarts even when the last versions had not reached the disk.
        let last_version: u64 = store.meta(META_VERSION)?.unwrap_or(0);
        let now_ms = u64::try_from(Utc::now().timestamp_millis()).unwrap_or(0);
        let (changes, _) = broadcast::channel(256);
        Ok(Collector {
            store,
            dir: RwLock::new(Arc::new(dir)),
            data: RwLock::new(data),
            ingest: Mutex::new(()),
            cache: Mutex::new(HashMap::new()),
            version: AtomicU64::new(last_version.saturating_add(1).max(now_ms)),
            changes,
            activity: Mutex::new(activity),
            today,
            kpi: KpiThresholds::default(),
            relay,
            relay_wake: Notify::new(),
            metrics: Metrics::default(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The registry in force.
    pub fn directory(&self) -> Arc<Directory> {
        read(&self.dir).clone()
    }

    /// The collector's date: the fixed one if set, else today's local date.
    pub fn today(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// The version of the boards: increases with every accepted change or registry reload.
    pub fn version(&self) -> u64 {
        self.version.load(Ordering::SeqCst)
    }

    /// How many records are held (in memory, equal to the store).
    pub fn record_count(&self) -> usize {
        read(&self.data).record_count()
    }

    /// Receives a [`BoardsChanged`] for every change from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<BoardsChanged> {
        self.changes.subscribe()
    }

    pub(crate) fn relay_wake(&self) -> &Notify {
        &self.relay_wake
    }

    /// Ingests a batch whose signature the caller has verified as `signed_by`'s.
    ///
    /// Refuses the batch when its center is not `signed_by`, its version is unknown or it holds
    /// more than [`MAX_BATCH_RECORDS`] records. A batch
    /// seen before (same center, agent and number) gets the answer given then, with `replay`
    /// set, and changes nothing. Otherwise every record is checked (see
    /// [`check_batch`](super::ingest::check_batch); records dated after the collector's today
    /// are refused first, see [`take_future_records`]); what is accepted is on disk before this
    /// returns, then in the boards, then announced. Batches are checked and written one at a
    /// time; batches that wait for the disk at once share one flush (`Store::durable`).
    pub fn ingest(
        &self,
        signed_by: &CenterCode,
        mut batch: Batch,
    ) -> Result<BatchAck, IngestError> {
        if batch.version != PROTOCOL_VERSION {
            return Err(IngestError::WrongVersion(batch.version));
        }
        if batch.records.len() > MAX_BATCH_RECORDS {
            return Err(IngestError::TooManyRecords(batch.records.len()));
        }
        if batch.center != *signed_by {
            return Err(IngestError::CenterMismatch {
                signed_by: signed_by.clone(),
                batch: batch.center,
            });
        }
        let batch_id = batch.id();
        let digest = batch.digest().map_err(|source| EncodeError {
            what: format!("batch {batch_id}"),
            source,
        })?;
        // Batches are checked and written one at a time; the flush that puts a batch on disk is
        // waited for after, shared with the batches written meanwhile (group commit,
        // `Store::durable`), and nothing is answered, applied or announced before it.
        let serial = lock(&self.ingest);
        if let Some(mut ack) = self.store.seen_batch(&batch_id)? {
            // An answer stored without a digest (before digests) is taken as the same batch.
            if ack.digest.as_ref().is_some_and(|d| *d != digest) {
                return Err(IngestError::NumberReused { batch: batch_id });
            }
            // The first answer may still wait for its flush: this one waits for it too.
            let ticket = self.store.ticket();
            drop(serial);
            self.store.durable(ticket)?;
            Metrics::add(&self.metrics.batches_replayed, 1);
            ack.replay = true;
            return Ok(ack);
        }
        let dir = self.directory();
        let future = take_future_records(&mut batch, self.today());
        let mut verdict = {
            let data = read(&self.data);
            check_batch(batch, &dir, &data)
        };
        verdict.refuse(future);
        verdict.ack.digest = Some(digest);
        let ticket = if self.relay {
            self.store
                .write_batch_relayed(&batch_id, &verdict.accepted, &verdict.ack)?
        } else {
            self.store
                .write_batch(&batch_id, &verdict.accepted, &verdict.ack)?
        };
        drop(serial);
        self.store.durable(ticket)?;
        Metrics::add(&self.metrics.batches_accepted, 1);
        Metrics::add(&self.metrics.records_accepted, verdict.accepted.len());
        Metrics::add(
            &self.metrics.records_duplicate,
            verdict.ack.duplicates.len(),
        );
        Metrics::add(&self.metrics.records_rejected, verdict.ack.rejected.len());
        for r in &verdict.reasons {
            self.metrics.rejection(r.as_str());
        }
        if verdict.accepted.is_empty() {
            return Ok(verdict.ack);
        }
        let now = Utc::now();
        let mut changed = BTreeSet::new();
        let mut centers = BTreeSet::new();
        {
            let mut data = write(&self.data);
            for env in verdict.accepted {
                changed.extend(boards_fed_by(env.record.kind()));
                centers.insert(env.center.clone());
                data.apply(env);
            }
        }
        {
            let mut act = lock(&self.activity);
            for c in centers {
                act.centers.entry(c).or_default().last_received = Some(now);
            }
            // Written without its own flush: the next commit's flush carries it to disk.
            self.store.set_meta(META_ACTIVITY, &*act)?;
        }
        self.announce(changed.into_iter().collect());
        if self.relay {
            self.relay_wake.notify_one();
        }
        Ok(verdict.ack)
    }

    /// Drops the cached boards named in `changed`, bumps the version and tells subscribers.
    fn announce(&self, changed: Vec<BoardName>) {
        lock(&self.cache).retain(|(name, _, _), _| !changed.contains(name));
        let version = self.version.fetch_add(1, Ordering::SeqCst) + 1;
        // Without a flush of its own: the next commit's flush carries it to disk.
        if let Err(e) = self.store.set_meta(META_VERSION, &version) {
            tracing::warn!("could not note the boards' version {version}: {e}");
        }
        // No subscriber is not an error.
        let _ = self.changes.send(BoardsChanged { version, changed });
    }

    /// Replaces the registry (a reload): names and reporting chains change on every board.
    pub fn set_registry(&self, registry: Registry) {
        let dir = Arc::new(Directory::new(registry));
        {
            let mut data = write(&self.data);
            data.centers = dir.centers().map(|c| (c.code.clone(), c.clone())).collect();
            data.walls = dir.wall_names().cloned().collect();
        }
        *write(&self.dir) = dir;
        self.announce(BoardName::ALL.to_vec());
    }

    /// Notes an authenticated request from `center`.
    pub fn heard_from_center(&self, center: &CenterCode) {
        lock(&self.activity)
            .centers
            .entry(center.clone())
            .or_default()
            .last_heard = Some(Utc::now());
    }

    /// Notes a request from the kiosk calling itself `name`.
    pub fn heard_from_kiosk(&self, name: &str) {
        let name: String = name.chars().filter(|c| !c.is_control()).take(64).collect();
        let mut act = lock(&self.activity);
        if act.kiosks.len() >= MAX_KIOSKS && !act.kiosks.contains_key(&name) {
            return;
        }
        act.kiosks.insert(name, Utc::now());
    }

    /// Notes a read signed by the registered wall `name`.
    pub fn heard_from_wall(&self, name: &str) {
        let mut act = lock(&self.activity);
        // Only registered names get here; a wall removed from the registry is forgotten.
        if act.walls.len() >= MAX_KIOSKS && !act.walls.contains_key(name) {
            act.walls
                .retain(|w, _| self.directory().wall_names().any(|n| n == w));
        }
        act.walls.insert(name.to_string(), Utc::now());
    }

    /// Saves what was heard from whom (at shutdown; batches save it as they come).
    pub fn save_activity(&self) -> Result<(), StoreError> {
        let act = lock(&self.activity).clone();
        self.store.set_meta(META_ACTIVITY, &act)?;
        self.store.flush()
    }

    /// Board `name` narrowed by `filter`, from the cache when nothing it counts has changed.
    pub fn board(&self, name: BoardName, filter: &BoardFilter) -> BoardView {
        self.board_cached(name, filter).0
    }

    /// Board `name` as JSON bytes, as served by `GET /v1/boards/{name}`; an error when the
    /// board cannot be written as JSON (it is then not cached, and computed again next time).
    pub fn board_json(&self, name: BoardName, filter: &BoardFilter) -> Result<Bytes, EncodeError> {
        self.board_cached(name, filter).1
    }

    fn board_cached(
        &self,
        name: BoardName,
        filter: &BoardFilter,
    ) -> (BoardView, Result<Bytes, EncodeError>) {
        if name == BoardName::Reporting {
            // Depends on who was heard from when, which changes on every request: not cached.
            let act = lock(&self.activity).clone();
            let view = BoardView::Reporting(aggregate_reporting(
                &read(&self.data),
                filter,
                self.today(),
                &act,
            ));
            let json = encode_board(name, &view);
            return (view, json);
        }
        let ctx = BoardContext {
            today: self.today(),
            kpi: self.kpi,
        };
        let key = (name, filter.clone(), ctx.today);
        if let Some(c) = lock(&self.cache).get(&key) {
            return (c.view.clone(), Ok(c.json.clone()));
        }
        // Computed under the dataset's read lock, so a concurrent ingest cannot slip a change in
        // between computing and caching (it would invalidate after we insert).
        let data = read(&self.data);
        let view = build_board(name, &data, filter, &ctx);
        let json = encode_board(name, &view);
        if let Ok(json) = &json {
            lock(&self.cache).insert(
                key,
                Arc::new(CachedBoard {
                    view: view.clone(),
                    json: json.clone(),
                }),
            );
        }
        (view, json)
    }

    /// The story of decision `number` as of the collector's date: its latest records and every
    /// stored revision of its responsible centers' statuses. The inner error when no such
    /// decision was received; the outer when the store could not be read.
    pub fn decision_story(
        &self,
        number: &DecisionNumber,
    ) -> Result<Result<DecisionStory, StoryError>, StoreError> {
        let data = read(&self.data);
        let Some(d) = data.decisions.get(number) else {
            return Ok(Err(StoryError::NotFound(*number)));
        };
        let mut history = Vec::new();
        for c in &d.value.centers {
            history.extend(self.store.history(&status_key(number, c))?);
        }
        Ok(decision_story(&data, number, &history, self.today()))
    }

    /// Decisions assigned to `center` (issued on or after `since`), with its latest status.
    pub fn assignments(&self, center: &CenterCode, since: Option<NaiveDate>) -> AssignmentList {
        let data = read(&self.data);
        let assignments = data
            .decisions
            .values()
            .filter(|d| d.value.centers.contains(center) && since.is_none_or(|s| d.value.date >= s))
            .map(|d| {
                let status = data.status_of(&d.value.number, center);
                Assignment {
                    decision: d.value.clone(),
                    status: status.map(|s| s.value.clone()),
                    status_as_of: status.map(|s| s.as_of),
                }
            })
            .collect();
        AssignmentList {
            center: center.clone(),
            generated: Utc::now(),
            assignments,
        }
    }

    /// True when the store answers a read.
    pub fn store_readable(&self) -> bool {
        self.store.meta::<serde_json::Value>(META_ACTIVITY).is_ok()
            && self.store.records().next().transpose().is_ok()
    }

    pub fn render_metrics(&self) -> String {
        let relay_waiting = if self.relay {
            self.store.outbox_counts().ok().map(|c| c.waiting)
        } else {
            None
        };
        self.metrics.render(&Gauges {
            store_records: self.store.record_count(),
            boards_version: self.version(),
            relay_waiting,
        })
    }

    /// When the collector last heard from `center`, for tests and the reporting board.
    pub fn last_heard(&self, center: &CenterCode) -> Option<DateTime<Utc>> {
        lock(&self.activity)
            .centers
            .get(center)
            .and_then(|a| a.last_heard)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_board_that_cannot_be_written_as_json_is_an_error_not_an_empty_body() {
        // JSON object keys must be strings: a map keyed by pairs cannot be written.
        let unwritable: HashMap<(u8, u8), u8> = HashMap::from([((1, 2), 3)]);
        let err = encode_board(BoardName::Budget, &unwritable)
            .expect_err("a map with pair keys is not JSON");
        assert!(err.to_string().contains("board budget"), "{err}");
        assert_eq!(
            encode_board(BoardName::Budget, &HashMap::from([("a", 1)])).ok(),
            Some(Bytes::from_static(b"{\"a\":1}"))
        );
    }
}
