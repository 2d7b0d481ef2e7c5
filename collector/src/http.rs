//! The collector's HTTP API (`/v1/…`, `/healthz`, `/metrics`): thin handlers over [`Collector`].
//!
//! Each handler parses, calls the core, and maps the outcome; every refusal is an [`ApiError`],
//! answered as JSON [`ErrorBody`]. The contract is docs/API.md.

use super::directory::{AuthError, printable};
use super::metrics::Metrics;
use super::state::{BoardsChanged, Collector, EncodeError, IngestError};
use axum::Json;
use axum::Router;
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, PathRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, MatchedPath, Path, Query, Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::middleware::{self, Next};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use chrono::{NaiveDate, Utc};
use futures_util::Stream;
use rasid_shared::board::{BoardFilter, BoardName, ClassifyBy, DecisionStory, Period, StoryError};
use rasid_shared::model::{CenterCode, DecisionNumber};
use rasid_shared::store::StoreError;
use rasid_shared::wire::{
    self, AssignmentList, Batch, BatchAck, BoardList, BoardListing, ErrorBody, MAX_BATCH_BYTES,
    PROTOCOL_VERSION,
};
use serde::Deserialize;
use std::collections::HashMap;
use std::convert::Infallible;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::{broadcast, watch};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Header a kiosk names itself with on its GETs, for the reporting board.
pub const HEADER_KIOSK: &str = "x-rasid-kiosk";

/// What the router needs besides the collector.
#[derive(Clone)]
pub struct RouterOptions {
    /// The boards.toml served to kiosks, if any.
    pub boards_file: Option<PathBuf>,
    /// Longest time to answer a request (live streams excepted).
    pub request_timeout: Duration,
    /// Interval of keep-alive comments on `/v1/stream`.
    pub keep_alive: Duration,
    /// Becomes true when the collector shuts down: live streams end. A dropped sender means
    /// "never".
    pub closing: watch::Receiver<bool>,
    /// Serve the wall's reads (boards, stream, screen configurations) to anyone, unsigned
    /// (`serve --public-boards`). Off: only registered walls read, signing each request.
    pub public_boards: bool,
}

impl RouterOptions {
    /// Defaults for tests: no boards file, 30 s timeout, 15 s keep-alive, never closing, reads
    /// signed by walls.
    pub fn new() -> RouterOptions {
        let (_, closing) = watch::channel(false);
        RouterOptions {
            boards_file: None,
            request_timeout: Duration::from_secs(30),
            keep_alive: Duration::from_secs(15),
            closing,
            public_boards: false,
        }
    }
}

impl Default for RouterOptions {
    fn default() -> Self {
        Self::new()
    }
}

#[derive(Clone)]
struct AppState {
    collector: Arc<Collector>,
    opts: RouterOptions,
    /// The text of `GET /v1/openapi.json`, made once from the routes.
    openapi: Arc<str>,
}

/// A refused request: the status, a stable error word and a message for a person.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    #[error(transparent)]
    Auth(#[from] AuthError),
    #[error("{0}")]
    Malformed(String),
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
        "the batch names agent '{batch}' but was signed by key {signed}; the agent field must be the signing key's id"
    )]
    WrongAgent { batch: String, signed: String },
    #[error(
        "{signed_by} may read only its own assignments and those of centers reporting through it, not {path}'s"
    )]
    OtherCenter { signed_by: CenterCode, path: String },
    #[error(
        "the request body is larger than {MAX_BATCH_BYTES} bytes; send fewer records per batch"
    )]
    TooLarge,
    #[error("{0}")]
    TooManyRecords(String),
    #[error("{0}")]
    BadQuery(String),
    #[error("there is no board '{0}'; the boards are: {list}", list = BoardName::list())]
    UnknownBoard(String),
    #[error("{0}")]
    UnknownDecision(StoryError),
    #[error(
        "this collector was started without --boards, so it has no screen configuration to serve"
    )]
    NoScreenConfig,
    #[error("no such endpoint: {0} {1}; see docs/API.md")]
    NotFound(Method, String),
    #[error("{0} is not allowed on {1}; see docs/API.md")]
    MethodNotAllowed(Method, String),
    #[error("{0}")]
    NumberReused(String),
    #[error("the collector's store failed: {0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Unavailable(String),
    #[error(transparent)]
    Encode(#[from] EncodeError),
    #[error(
        "the request was not answered within {} s (the collector's --request-timeout-secs); send it again",
        .0.as_secs()
    )]
    Timeout(Duration),
}

impl From<IngestError> for ApiError {
    fn from(e: IngestError) -> Self {
        match e {
            IngestError::WrongVersion(v) => ApiError::WrongVersion(v),
            IngestError::CenterMismatch { signed_by, batch } => {
                ApiError::CenterMismatch { signed_by, batch }
            }
            e @ IngestError::NumberReused { .. } => ApiError::NumberReused(e.to_string()),
            e @ IngestError::TooManyRecords(_) => ApiError::TooManyRecords(e.to_string()),
            IngestError::Store(s) => ApiError::Store(s),
            IngestError::Encode(e) => ApiError::Encode(e),
        }
    }
}

/// The error word of a refused response, read by the metrics middleware.
#[derive(Debug, Clone, Copy)]
struct ErrorWord(&'static str);

impl ApiError {
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Auth(_) => StatusCode::UNAUTHORIZED,
            ApiError::Malformed(_) | ApiError::WrongVersion(_) | ApiError::BadQuery(_) => {
                StatusCode::BAD_REQUEST
            }
            ApiError::CenterMismatch { .. }
            | ApiError::WrongAgent { .. }
            | ApiError::OtherCenter { .. } => StatusCode::FORBIDDEN,
            ApiError::TooLarge | ApiError::TooManyRecords(_) => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnknownBoard(_)
            | ApiError::UnknownDecision(_)
            | ApiError::NoScreenConfig
            | ApiError::NotFound(..) => StatusCode::NOT_FOUND,
            ApiError::MethodNotAllowed(..) => StatusCode::METHOD_NOT_ALLOWED,
            ApiError::NumberReused(_) => StatusCode::CONFLICT,
            ApiError::Store(StoreError::DiskFull) => StatusCode::INSUFFICIENT_STORAGE,
            ApiError::Store(_) | ApiError::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Encode(_) => StatusCode::INTERNAL_SERVER_ERROR,
            ApiError::Timeout(_) => StatusCode::REQUEST_TIMEOUT,
        }
    }

    /// The stable machine word of [`ErrorBody::error`].
    pub fn word(&self) -> &'static str {
        match self {
            ApiError::Auth(AuthError::UnknownCenter(_)) => "unknown-center",
            ApiError::Auth(AuthError::BadSignature(_) | AuthError::BadWallSignature(_)) => {
                "bad-signature"
            }
            ApiError::Auth(AuthError::UnknownWall(_)) => "unknown-wall",
            ApiError::Auth(AuthError::MissingHeader(_)) => "missing-signature",
            ApiError::Auth(AuthError::StaleTimestamp(..)) => "stale-timestamp",
            ApiError::Malformed(_) => "malformed",
            ApiError::WrongVersion(_) => "unsupported-version",
            ApiError::CenterMismatch { .. } => "center-mismatch",
            ApiError::WrongAgent { .. } => "agent-mismatch",
            ApiError::OtherCenter { .. } => "other-center",
            ApiError::TooLarge => "too-large",
            ApiError::TooManyRecords(_) => "too-many-records",
            ApiError::BadQuery(_) => "bad-query",
            ApiError::UnknownBoard(_) => "unknown-board",
            ApiError::UnknownDecision(_) => "unknown-decision",
            ApiError::NoScreenConfig => "no-screen-config",
            ApiError::NotFound(..) => "not-found",
            ApiError::MethodNotAllowed(..) => "method-not-allowed",
            ApiError::NumberReused(_) => "batch-number-reused",
            ApiError::Store(StoreError::DiskFull) => "disk-full",
            ApiError::Store(_) => "store-failed",
            ApiError::Unavailable(_) => "unavailable",
            ApiError::Encode(_) => "internal",
            ApiError::Timeout(_) => "timeout",
        }
    }

    fn from_body(e: BytesRejection) -> ApiError {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge
        } else {
            ApiError::Malformed(format!(
                "the request body could not be read: {}",
                e.body_text()
            ))
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        if matches!(
            self,
            ApiError::Store(_) | ApiError::Unavailable(_) | ApiError::Encode(_)
        ) {
            tracing::error!("{self}");
        }
        let body = ErrorBody {
            error: self.word().to_string(),
            message: self.to_string(),
        };
        let mut resp = (self.status(), Json(body)).into_response();
        resp.extensions_mut().insert(ErrorWord(self.word()));
        resp
    }
}

/// Every route of the API, with its operation in the OpenAPI document: each handler is routed
/// at the method and path of its `#[utoipa::path]`, so the two cannot differ. `wall_check`:
/// the state the walls' reads are checked against (`None` when only the document is wanted).
fn api(wall_check: Option<AppState>) -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(crate::openapi::header())
        .routes(
            routes!(post_batch)
                .layer(DefaultBodyLimit::max(MAX_BATCH_BYTES))
                .layer(middleware::from_fn(refuse_declared_oversize)),
        )
        .routes(routes!(get_assignments))
        .merge(wall_reads(wall_check))
        .routes(routes!(openapi_json))
        .routes(routes!(healthz))
        .routes(routes!(metrics))
}

/// What a wall reads: boards, the stream, screen configurations. Every route here, and any read
/// route added here later (e.g. `/v1/decisions/…`), is behind [`require_wall`] once the router
/// has its state (`wall_check`); without it the routes are only described, for the document.
fn wall_reads(wall_check: Option<AppState>) -> OpenApiRouter<AppState> {
    let reads = OpenApiRouter::new()
        .routes(routes!(list_boards))
        .routes(routes!(get_board))
        .routes(routes!(get_decision))
        .routes(routes!(get_decision_in_parts))
        .routes(routes!(stream))
        .routes(routes!(screen_config));
    match wall_check {
        Some(state) => reads.route_layer(middleware::from_fn_with_state(state, require_wall)),
        None => reads,
    }
}

/// The collector's OpenAPI 3.1 document (docs/openapi.json), as `GET /v1/openapi.json` serves it.
pub fn openapi_document() -> serde_json::Value {
    crate::openapi::document(api(None).into_openapi())
}

/// The text of [`openapi_document`], as served and committed: pretty JSON, final newline.
pub fn openapi_text() -> String {
    crate::openapi::document_text(&openapi_document())
}

/// The collector's router. Tests call it with `tower::ServiceExt::oneshot`, no port needed.
pub fn router(collector: Arc<Collector>, opts: RouterOptions) -> Router {
    let timeout = opts.request_timeout;
    let openapi = openapi_text().into();
    let state = AppState {
        collector,
        opts,
        openapi,
    };
    let (routes, _) = api(Some(state.clone())).split_for_parts();
    routes
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn_with_state(timeout, time_limit))
        .layer(middleware::from_fn_with_state(state.clone(), observe))
        .with_state(state)
}

/// Lets a read through when it is signed by a registered wall (`x-rasid-wall`,
/// `x-rasid-timestamp`, `x-rasid-signature` over method, path with query and time, as an
/// agent's signed GET), or when the collector serves boards publicly. A stream is checked when
/// it connects.
async fn require_wall(State(s): State<AppState>, req: Request, next: Next) -> Response {
    if s.opts.public_boards {
        heard_from_kiosk(&s, &req);
        return next.run(req).await;
    }
    let uri = req.uri();
    let path_and_query = uri.path_and_query().map_or(uri.path(), |p| p.as_str());
    let headers = req.headers();
    let verified = (|| -> Result<String, ApiError> {
        Ok(s.collector.directory().verify_wall_request(
            header(headers, wire::HEADER_WALL)?,
            req.method().as_str(),
            path_and_query,
            header(headers, wire::HEADER_TIMESTAMP)?,
            header(headers, wire::HEADER_SIGNATURE)?,
            Utc::now(),
        )?)
    })();
    match verified {
        Ok(wall) => {
            s.collector.heard_from_wall(&wall);
            heard_from_kiosk(&s, &req);
            next.run(req).await
        }
        Err(e) => e.into_response(),
    }
}

/// Notes the kiosk a read names (`x-rasid-kiosk`), once the read has passed the walls' check: a
/// refused read (a wall without a key, or anybody naming a kiosk) puts no name on the
/// reporting board.
fn heard_from_kiosk(s: &AppState, req: &Request) {
    if let Some(kiosk) = req
        .headers()
        .get(HEADER_KIOSK)
        .and_then(|v| v.to_str().ok())
    {
        s.collector.heard_from_kiosk(kiosk);
    }
}

/// A batch whose `Content-Length` is over the limit is refused at once from its header, before
/// a byte of its body is read: waiting for a body that may never come would hold the
/// connection until the request timeout.
async fn refuse_declared_oversize(req: Request, next: Next) -> Response {
    let declared = req
        .headers()
        .get(axum::http::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BATCH_BYTES as u64) {
        return ApiError::TooLarge.into_response();
    }
    next.run(req).await
}

/// Answers 408 `timeout` (a JSON error body, counted in the metrics like every refusal) when
/// the answer is not ready within `limit`. The stream's events are not bounded: only the time
/// to its first answer is.
async fn time_limit(State(limit): State<Duration>, req: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(resp) => resp,
        Err(_) => ApiError::Timeout(limit).into_response(),
    }
}

/// Records latency and refusals per route.
async fn observe(State(s): State<AppState>, req: Request, next: Next) -> Response {
    let start = Instant::now();
    let method = match *req.method() {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::HEAD => "HEAD",
        _ => "OTHER",
    };
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_string());
    let resp = next.run(req).await;
    let metrics = &s.collector.metrics;
    metrics.observe(
        method,
        route.as_deref().unwrap_or("unmatched"),
        start.elapsed(),
    );
    if let Some(ErrorWord(w)) = resp.extensions().get::<ErrorWord>() {
        metrics.refusal(w);
    }
    resp
}

fn header<'a>(headers: &'a HeaderMap, name: &'static str) -> Result<&'a str, ApiError> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .ok_or(ApiError::Auth(AuthError::MissingHeader(name)))
}

/// Reads a pushed body as a [`Batch`], checking nothing else (signature, version, center and
/// records are checked after). A version this collector does not know is named as such
/// ([`ApiError::WrongVersion`]); anything else unreadable is [`ApiError::Malformed`].
pub fn decode_batch(body: &[u8]) -> Result<Batch, ApiError> {
    serde_json::from_slice::<Batch>(body).map_err(|e| {
        #[derive(Deserialize)]
        struct VersionOnly {
            version: u32,
        }
        match serde_json::from_slice::<VersionOnly>(body) {
            Ok(v) if v.version != PROTOCOL_VERSION => ApiError::WrongVersion(v.version),
            _ => ApiError::Malformed(format!(
                "the batch is not valid JSON of batch format version {PROTOCOL_VERSION}: {e}"
            )),
        }
    })
}

/// `POST /v1/batches`.
#[utoipa::path(
    post,
    path = "/v1/batches",
    tag = "agents",
    summary = "Push a signed batch of records",
    description = "The records of one agent (or relaying collector), numbered per agent and epoch so a resend is recognised. Checked in this order: body size, signature, JSON, version, center, agent, epoch, number of records; then each record on its own. The answer is sent only after everything accepted is on disk. A batch received before with the same content is answered again (`replay`: true) and counted once.",
    params(crate::openapi::SignedBody),
    request_body(
        content = ref("#/components/schemas/Batch"),
        content_type = "application/json",
        description = "A batch, at most 8 MiB (`MAX_BATCH_BYTES`) and 5,000 records; signed over these exact bytes.",
    ),
    responses(
        (status = 200, description = "The batch was read: each record is listed as accepted, duplicate or rejected (with its reason).", body = ref("#/components/schemas/BatchAck")),
        (status = 400, description = "`malformed`: the body is not JSON of a batch (the message has serde's line and column), or its `epoch` is not at most 32 ASCII letters and digits.\n`unsupported-version`: the batch's `version` is not 1.", body = ref("#/components/schemas/ErrorBody")),
        (status = 401, description = "`missing-signature`: `x-rasid-center` or `x-rasid-signature` is missing.\n`unknown-center`: the center is not registered, or has no key.\n`bad-signature`: the signature does not verify with any key registered for that center.", body = ref("#/components/schemas/ErrorBody")),
        (status = 403, description = "`center-mismatch`: the batch's `center` is not the signing center.\n`agent-mismatch`: the batch's `agent` is not the signing key's id.", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`, e.g. a body sent too slowly; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 409, description = "`batch-number-reused`: this agent's batch with this epoch and number was received before with other content; nothing changed.", body = ref("#/components/schemas/ErrorBody")),
        (status = 413, description = "`too-large`: the body is over 8 MiB; a `Content-Length` over it is refused before the body is read.\n`too-many-records`: more than 5,000 records; nothing of the batch is stored.", body = ref("#/components/schemas/ErrorBody")),
        (status = 500, description = "`internal`: the collector could not write the batch's digest as JSON: its fault, logged there.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = "`store-failed`: the store failed.\n`unavailable`: the batch could not be processed; send it again later.", body = ref("#/components/schemas/ErrorBody")),
        (status = 507, description = "`disk-full`: the collector's disk is full; nothing was stored.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn post_batch(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<BatchAck>, ApiError> {
    Metrics::add(&s.collector.metrics.batches_received, 1);
    let body = body.map_err(ApiError::from_body)?;
    let center = header(&headers, wire::HEADER_CENTER)?.to_string();
    let signature = header(&headers, wire::HEADER_SIGNATURE)?.to_string();
    // Verifying and parsing up to 8 MiB is CPU work: off the async workers, like the commit.
    let c = s.collector.clone();
    tokio::task::spawn_blocking(move || receive_batch(&c, &center, &signature, &body))
        .await
        .map_err(|e| {
            ApiError::Unavailable(format!(
                "the batch could not be processed ({e}); send it again"
            ))
        })?
        .map(Json)
}

/// Checks a pushed body's signature and envelope, then ingests it.
fn receive_batch(
    c: &Collector,
    center: &str,
    signature: &str,
    body: &[u8],
) -> Result<BatchAck, ApiError> {
    let (signed_by, key_id) = c.directory().verify(center, body, signature)?;
    c.heard_from_center(&signed_by);
    let batch = decode_batch(body)?;
    if batch.version != PROTOCOL_VERSION {
        return Err(ApiError::WrongVersion(batch.version));
    }
    if batch.center != signed_by {
        return Err(ApiError::CenterMismatch {
            signed_by,
            batch: batch.center,
        });
    }
    if batch.agent != key_id {
        return Err(ApiError::WrongAgent {
            batch: printable(&batch.agent),
            signed: key_id,
        });
    }
    if batch.epoch.len() > 32 || !batch.epoch.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::Malformed(format!(
            "the batch's epoch '{}' is not at most 32 letters and digits",
            printable(&batch.epoch)
        )));
    }
    Ok(c.ingest(&signed_by, batch)?)
}

fn query_map(
    q: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<HashMap<String, String>, ApiError> {
    q.map(|Query(m)| m).map_err(|e| {
        ApiError::BadQuery(format!(
            "the query string could not be read: {}",
            e.body_text()
        ))
    })
}

fn path_text(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    p.map(|Path(s)| s)
        .map_err(|e| ApiError::BadQuery(format!("the path could not be read: {}", e.body_text())))
}

/// `GET /v1/centers/{code}/assignments?since=YYYY-MM-DD` (signed).
#[utoipa::path(
    get,
    path = "/v1/centers/{code}/assignments",
    tag = "agents",
    summary = "Decisions assigned to a center (signed GET)",
    description = "Every decision whose `centers` include `{code}`, with that center's latest status, if any.",
    params(
        ("code" = String, Path, description = "The center asked about: the signing center or a center reporting through it (`parent` in centers.toml).", example = "MOH"),
        ("since" = Option<String>, Query, format = Date, description = "Only decisions issued on or after this date (`YYYY-MM-DD`).", example = "2023-06-01"),
        crate::openapi::SignedGet,
    ),
    responses(
        (status = 200, description = "The center's assignments.", body = ref("#/components/schemas/AssignmentList")),
        (status = 400, description = "`bad-query`: `since` is not a date, or the path or query cannot be read.", body = ref("#/components/schemas/ErrorBody")),
        (status = 401, description = "`missing-signature`: `x-rasid-center`, `x-rasid-timestamp` or `x-rasid-signature` is missing.\n`unknown-center`: the center is not registered, or has no key.\n`bad-signature`: the signature does not verify with any key registered for that center.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.", body = ref("#/components/schemas/ErrorBody")),
        (status = 403, description = "`other-center`: `{code}` is not the signing center nor reports through it.", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn get_assignments(
    State(s): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    code: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Json<AssignmentList>, ApiError> {
    let path_and_query = uri
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or_else(|| uri.path());
    let (signed_by, _) = s.collector.directory().verify_request(
        header(&headers, wire::HEADER_CENTER)?,
        "GET",
        path_and_query,
        header(&headers, wire::HEADER_TIMESTAMP)?,
        header(&headers, wire::HEADER_SIGNATURE)?,
        Utc::now(),
    )?;
    s.collector.heard_from_center(&signed_by);
    let code = path_text(code)?;
    let center = CenterCode::new(&code)
        .ok()
        .filter(|c| s.collector.directory().is_within(c, &signed_by))
        .ok_or_else(|| ApiError::OtherCenter {
            signed_by: signed_by.clone(),
            path: printable(&code),
        })?;
    let since = match query_map(query)?.get("since") {
        Some(t) => Some(
            NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").map_err(|_| {
                ApiError::BadQuery(format!(
                    "since='{}' is not a date; write it as 2023-06-30",
                    printable(t)
                ))
            })?,
        ),
        None => None,
    };
    Ok(Json(s.collector.assignments(&center, since)))
}

/// `GET /v1/boards`: every board's name and as-of date.
#[utoipa::path(
    get,
    path = "/v1/boards",
    tag = "boards",
    summary = "Every board with its date, and the boards' version",
    params(crate::openapi::WallSignedGet, crate::openapi::KioskName),
    responses(
        (status = 200, description = "The boards.", body = ref("#/components/schemas/BoardList")),
        (status = 401, description = "`missing-signature`: `x-rasid-wall`, `x-rasid-timestamp` or `x-rasid-signature` is missing (not when the collector runs with `--public-boards`).\n`unknown-wall`: the wall is not registered in centers.toml (`[[wall]]`), or has no key.\n`bad-signature`: the signature does not verify with any key registered for that wall.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = "`unavailable`: the boards could not be listed; try again later.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn list_boards(State(s): State<AppState>) -> Result<Json<BoardList>, ApiError> {
    let c = s.collector.clone();
    tokio::task::spawn_blocking(move || list_boards_of(&c))
        .await
        .map(Json)
        .map_err(|e| ApiError::Unavailable(format!("the boards could not be listed ({e})")))
}

fn list_boards_of(c: &Collector) -> BoardList {
    let boards = BoardName::ALL
        .iter()
        .map(|n| BoardListing {
            name: *n,
            as_of: c.board(*n, &BoardFilter::default()).as_of(),
        })
        .collect();
    BoardList {
        version: c.version(),
        today: c.today(),
        boards,
    }
}

/// Reads `center`, `year`, `period` and `by` of a board query; all optional, all checked.
fn board_filter(s: &AppState, q: &HashMap<String, String>) -> Result<BoardFilter, ApiError> {
    let center = match q.get("center").map(|c| c.trim()).filter(|c| !c.is_empty()) {
        Some(text) => {
            let code =
                CenterCode::new(text).map_err(|e| ApiError::BadQuery(format!("center: {e}")))?;
            if !s.collector.directory().is_registered(&code) {
                return Err(ApiError::BadQuery(format!(
                    "center {code} is not registered at this collector"
                )));
            }
            Some(code)
        }
        None => None,
    };
    let year = match q.get("year").map(|y| y.trim()).filter(|y| !y.is_empty()) {
        Some(text) => Some(
            text.parse::<i32>()
                .ok()
                .filter(|y| (1900..=2200).contains(y))
                .ok_or_else(|| {
                    ApiError::BadQuery(format!(
                        "year='{}' is not a year; write it as 2023",
                        printable(text)
                    ))
                })?,
        ),
        None => None,
    };
    let period = match q.get("period").map(|p| p.trim()).filter(|p| !p.is_empty()) {
        None => None,
        Some(p) => Some(Period::parse(p).ok_or_else(|| {
            ApiError::BadQuery(format!(
                "period='{p}' is not a period; use {}",
                Period::ACCEPTED
            ))
        })?),
    };
    let by = match q.get("by").map(|b| b.trim()).filter(|b| !b.is_empty()) {
        None => None,
        Some(b) => Some(ClassifyBy::parse(b).ok_or_else(|| {
            ApiError::BadQuery(format!(
                "by='{}' is not a classification field; use one of: {}",
                printable(b),
                ClassifyBy::list()
            ))
        })?),
    };
    Ok(BoardFilter {
        center,
        year,
        period,
        by,
    })
}

/// `GET /v1/boards/{name}?center=…&year=…&period=…&by=…`: a board's view model.
#[utoipa::path(
    get,
    path = "/v1/boards/{name}",
    tag = "boards",
    summary = "One board's view model",
    description = "The board computed over the stored records, narrowed by the query; a JSON object tagged with `board`. A restart serves the same JSON.",
    params(
        crate::openapi::BoardPath,
        crate::openapi::BoardQuery,
        crate::openapi::WallSignedGet,
        crate::openapi::KioskName,
    ),
    responses(
        (status = 200, description = "The board.", body = ref("#/components/schemas/BoardView")),
        (status = 400, description = "`bad-query`: `center` is not a center code or not registered, `year` is not a year from 1900 to 2200, `period` is not a period, `by` is not one of sector, program, level, type, or the path or query cannot be read.", body = ref("#/components/schemas/ErrorBody")),
        (status = 401, description = "`missing-signature`: `x-rasid-wall`, `x-rasid-timestamp` or `x-rasid-signature` is missing (not when the collector runs with `--public-boards`).\n`unknown-wall`: the wall is not registered in centers.toml (`[[wall]]`), or has no key.\n`bad-signature`: the signature does not verify with any key registered for that wall.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.", body = ref("#/components/schemas/ErrorBody")),
        (status = 404, description = "`unknown-board`: no board of that name (the message lists them).", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 500, description = "`internal`: the collector could not write the board as JSON: its fault, logged there.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = "`unavailable`: the board could not be computed; try again later.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn get_board(
    State(s): State<AppState>,
    name: Result<Path<String>, PathRejection>,
    query: Result<Query<HashMap<String, String>>, QueryRejection>,
) -> Result<Response, ApiError> {
    let name = path_text(name)?;
    let board = BoardName::parse(&name).ok_or_else(|| ApiError::UnknownBoard(printable(&name)))?;
    let filter = board_filter(&s, &query_map(query)?)?;
    let c = s.collector.clone();
    let json = tokio::task::spawn_blocking(move || c.board_json(board, &filter))
        .await
        .map_err(|e| ApiError::Unavailable(format!("the board could not be computed ({e})")))??;
    Ok(typed("application/json", json))
}

const STORY_400: &str = "`bad-query`: the number is not government/session/item (e.g. 18/212/02), or the path cannot be read.";
const STORY_404: &str = "`unknown-decision`: no decision of that number was received.";
const STORY_503: &str = "`store-failed`: the statuses' history could not be read; try again later.\n`unavailable`: the story could not be computed; try again later.";
const STORY_401: &str = "`missing-signature`: `x-rasid-wall`, `x-rasid-timestamp` or `x-rasid-signature` is missing (not when the collector runs with `--public-boards`).\n`unknown-wall`: the wall is not registered in centers.toml (`[[wall]]`), or has no key.\n`bad-signature`: the signature does not verify with any key registered for that wall.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.";

/// `GET /v1/decisions/{number}`, the number percent-encoded (`18%2F212%2F02`).
#[utoipa::path(
    get,
    path = "/v1/decisions/{number}",
    tag = "boards",
    summary = "One decision's story",
    description = "The decision with every status its responsible centers reported on it (each revision the collector keeps, oldest first), the follow-ups taken, the similar decisions linked to it with their execution, and days overdue as the `overdue` board counts them. The same as `/v1/decisions/{government}/{session}/{item}`.",
    params(
        ("number" = String, Path, description = "The decision's number with its slashes percent-encoded (`18%2F212%2F02`); Arabic-Indic and Persian digits are read too.", example = "18%2F212%2F02"),
        crate::openapi::WallSignedGet,
        crate::openapi::KioskName,
    ),
    responses(
        (status = 200, description = "The decision's story.", body = ref("#/components/schemas/DecisionStory")),
        (status = 400, description = STORY_400, body = ref("#/components/schemas/ErrorBody")),
        (status = 401, description = STORY_401, body = ref("#/components/schemas/ErrorBody")),
        (status = 404, description = STORY_404, body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = STORY_503, body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn get_decision(
    State(s): State<AppState>,
    number: Result<Path<String>, PathRejection>,
) -> Result<Json<DecisionStory>, ApiError> {
    let text = path_text(number)?;
    story_of(&s, &text).await
}

/// `GET /v1/decisions/{government}/{session}/{item}`: the number as three path segments.
#[utoipa::path(
    get,
    path = "/v1/decisions/{government}/{session}/{item}",
    tag = "boards",
    summary = "One decision's story, its number as three path segments",
    description = "The same as `/v1/decisions/{number}`.",
    params(
        ("government" = String, Path, description = "The government (`18`).", example = "18"),
        ("session" = String, Path, description = "The session (`212`).", example = "212"),
        ("item" = String, Path, description = "The item (`02`).", example = "02"),
        crate::openapi::WallSignedGet,
        crate::openapi::KioskName,
    ),
    responses(
        (status = 200, description = "The decision's story.", body = ref("#/components/schemas/DecisionStory")),
        (status = 400, description = STORY_400, body = ref("#/components/schemas/ErrorBody")),
        (status = 401, description = STORY_401, body = ref("#/components/schemas/ErrorBody")),
        (status = 404, description = STORY_404, body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = STORY_503, body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn get_decision_in_parts(
    State(s): State<AppState>,
    parts: Result<Path<(String, String, String)>, PathRejection>,
) -> Result<Json<DecisionStory>, ApiError> {
    let (g, n, i) = parts.map(|Path(p)| p).map_err(|e| {
        ApiError::BadQuery(format!("the path could not be read: {}", e.body_text()))
    })?;
    story_of(&s, &format!("{g}/{n}/{i}")).await
}

/// Reads the number `text` and answers its story.
async fn story_of(s: &AppState, text: &str) -> Result<Json<DecisionStory>, ApiError> {
    let number: DecisionNumber = text.parse().map_err(|_| {
        ApiError::BadQuery(format!(
            "'{}' is not a decision number; write it government/session/item, e.g. 18/212/02 (in a URL 18%2F212%2F02, or /v1/decisions/18/212/02)",
            printable(text)
        ))
    })?;
    let c = s.collector.clone();
    let story = tokio::task::spawn_blocking(move || c.decision_story(&number))
        .await
        .map_err(|e| ApiError::Unavailable(format!("the story could not be computed ({e})")))??;
    story.map(Json).map_err(ApiError::UnknownDecision)
}

/// `GET /v1/stream`: server-sent events announcing board changes.
///
/// A kiosk naming itself in `x-rasid-kiosk` counts as heard from as long as its stream is open.
#[utoipa::path(
    get,
    path = "/v1/stream",
    tag = "boards",
    summary = "Server-sent events: which boards changed",
    description = "First an event `ready` whose data is `{\"version\": N}`, the current version; then an event `boards` within a moment of every accepted change, whose data is a `BoardsChanged` (`#/components/schemas/BoardsChanged`) naming the boards it affected; a client that fell far behind receives one naming every board. Comment lines (`:`) every 15 s keep the connection alive. The stream ends when the collector shuts down: reconnect with backoff and refetch what you show.",
    params(crate::openapi::WallSignedGet, crate::openapi::KioskName),
    responses(
        (status = 200, description = "The event stream; it stays open.", content_type = "text/event-stream", body = String),
        (status = 401, description = "`missing-signature`: `x-rasid-wall`, `x-rasid-timestamp` or `x-rasid-signature` is missing (not when the collector runs with `--public-boards`).\n`unknown-wall`: the wall is not registered in centers.toml (`[[wall]]`), or has no key.\n`bad-signature`: the signature does not verify with any key registered for that wall.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; connect again.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn stream(
    State(s): State<AppState>,
    headers: HeaderMap,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    struct Feed {
        rx: broadcast::Receiver<BoardsChanged>,
        closing: watch::Receiver<bool>,
        collector: std::sync::Weak<Collector>,
        ready: Option<u64>,
        kiosk: Option<String>,
        every: Duration,
    }
    impl Drop for Feed {
        fn drop(&mut self) {
            if let Some(c) = self.collector.upgrade() {
                c.metrics
                    .stream_clients
                    .fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
            }
        }
    }
    fn boards_event(ch: &BoardsChanged) -> Event {
        Event::default()
            .event("boards")
            .data(serde_json::to_string(ch).unwrap_or_default())
    }
    let c = &s.collector;
    Metrics::add(&c.metrics.stream_clients, 1);
    let feed = Feed {
        rx: c.subscribe(),
        closing: s.opts.closing.clone(),
        collector: Arc::downgrade(c),
        ready: Some(c.version()),
        kiosk: headers
            .get(HEADER_KIOSK)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string),
        every: s.opts.keep_alive,
    };
    let events = futures_util::stream::unfold(feed, |mut f| async move {
        if let Some(version) = f.ready.take() {
            let ev = Event::default()
                .event("ready")
                .data(serde_json::json!({ "version": version }).to_string());
            return Some((Ok(ev), f));
        }
        loop {
            let ev = tokio::select! {
                r = f.rx.recv() => match r {
                    Ok(ch) => boards_event(&ch),
                    // Fell behind: say everything changed, at the newest version.
                    Err(broadcast::error::RecvError::Lagged(_)) => {
                        let version = f.collector.upgrade().map(|c| c.version()).unwrap_or_default();
                        boards_event(&BoardsChanged { version, changed: BoardName::ALL.to_vec() })
                    }
                    Err(broadcast::error::RecvError::Closed) => return None,
                },
                _ = closed(&mut f.closing) => return None,
                _ = tokio::time::sleep(f.every), if f.kiosk.is_some() => {
                    if let (Some(c), Some(k)) = (f.collector.upgrade(), &f.kiosk) {
                        c.heard_from_kiosk(k);
                    }
                    continue;
                }
            };
            return Some((Ok(ev), f));
        }
    });
    Sse::new(events).keep_alive(KeepAlive::new().interval(s.opts.keep_alive))
}

/// Resolves when `closing` becomes true; never when its sender is gone.
async fn closed(closing: &mut watch::Receiver<bool>) {
    loop {
        if *closing.borrow_and_update() {
            return;
        }
        if closing.changed().await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// `GET /v1/screens/{name}/config`: the boards.toml text, for kiosks to parse.
#[utoipa::path(
    get,
    path = "/v1/screens/{name}/config",
    tag = "boards",
    summary = "The operators' boards.toml, for a kiosk to parse",
    description = "The text of the collector's `--boards` file as it is now. The answer is the whole file, the same for every `{name}`: choosing the screen is the kiosk's part (docs/KIOSK.md describes the format).",
    params(
        ("name" = String, Path, description = "The kiosk's screen; any name is answered with the whole file.", example = "cabinet-hall"),
        crate::openapi::WallSignedGet,
        crate::openapi::KioskName,
    ),
    responses(
        (status = 200, description = "The boards.toml text.", content_type = "application/toml; charset=utf-8", body = String),
        (status = 401, description = "`missing-signature`: `x-rasid-wall`, `x-rasid-timestamp` or `x-rasid-signature` is missing (not when the collector runs with `--public-boards`).\n`unknown-wall`: the wall is not registered in centers.toml (`[[wall]]`), or has no key.\n`bad-signature`: the signature does not verify with any key registered for that wall.\n`stale-timestamp`: `x-rasid-timestamp` is not RFC 3339 or is more than 5 minutes off.", body = ref("#/components/schemas/ErrorBody")),
        (status = 404, description = "`no-screen-config`: the collector runs without `--boards`.", body = ref("#/components/schemas/ErrorBody")),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = "`unavailable`: the boards file cannot be read; try again later.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn screen_config(State(s): State<AppState>) -> Result<Response, ApiError> {
    let path = s.opts.boards_file.clone().ok_or(ApiError::NoScreenConfig)?;
    let text = tokio::fs::read_to_string(&path).await.map_err(|e| {
        ApiError::Unavailable(format!(
            "the boards file {} cannot be read: {e}",
            path.display()
        ))
    })?;
    Ok(typed("application/toml; charset=utf-8", text))
}

/// `GET /v1/openapi.json`: this API's OpenAPI 3.1 document, the same as docs/openapi.json.
#[utoipa::path(
    get,
    path = "/v1/openapi.json",
    tag = "operations",
    summary = "This document",
    responses(
        (status = 200, description = "The collector's OpenAPI 3.1 document; docs/openapi.json of the same version.", content_type = "application/json", body = Object),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`; send it again.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn openapi_json(State(s): State<AppState>) -> Response {
    typed("application/json", s.openapi.to_string())
}

/// `GET /healthz`: 200 `ok` when the store answers.
#[utoipa::path(
    get,
    path = "/healthz",
    tag = "operations",
    summary = "Whether the store can be read",
    responses(
        (status = 200, description = "`ok` and a line feed: the store answers.", content_type = "text/plain; charset=utf-8", body = String),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`.", body = ref("#/components/schemas/ErrorBody")),
        (status = 503, description = "`store unreadable` and a line feed (plain text, not an `ErrorBody`).", content_type = "text/plain; charset=utf-8", body = String),
    ),
)]
async fn healthz(State(s): State<AppState>) -> Response {
    let c = s.collector.clone();
    match tokio::task::spawn_blocking(move || c.store_readable()).await {
        Ok(true) => (StatusCode::OK, "ok\n").into_response(),
        _ => (StatusCode::SERVICE_UNAVAILABLE, "store unreadable\n").into_response(),
    }
}

/// `GET /metrics`: Prometheus text format.
#[utoipa::path(
    get,
    path = "/metrics",
    tag = "operations",
    summary = "Counters, gauges and latency for Prometheus",
    description = "Prometheus text format 0.0.4; docs/API.md lists the metrics.",
    responses(
        (status = 200, description = "The metrics.", content_type = "text/plain; version=0.0.4; charset=utf-8", body = String),
        (status = 408, description = "`timeout`: not answered within `--request-timeout-secs`.", body = ref("#/components/schemas/ErrorBody")),
    ),
)]
async fn metrics(State(s): State<AppState>) -> Response {
    typed(
        "text/plain; version=0.0.4; charset=utf-8",
        s.collector.render_metrics(),
    )
}

/// A 200 answer of `body` with its content type.
fn typed(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

async fn not_found(method: Method, uri: Uri) -> ApiError {
    ApiError::NotFound(method, printable(uri.path()))
}

async fn method_not_allowed(method: Method, uri: Uri) -> ApiError {
    ApiError::MethodNotAllowed(method, printable(uri.path()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One refusal of each kind. The `match` has no wildcard: a new variant does not compile
    /// until it is added here, and so to the check of the document below.
    fn every_refusal() -> Vec<ApiError> {
        let code = CenterCode::new("MOH").expect("a center code");
        let encode = || EncodeError {
            what: "board budget".into(),
            source: serde_json::from_str::<u8>("x").expect_err("not a number"),
        };
        let all = vec![
            ApiError::Auth(AuthError::UnknownCenter("X".into())),
            ApiError::Auth(AuthError::BadSignature(code.clone())),
            ApiError::Auth(AuthError::UnknownWall("w".into())),
            ApiError::Auth(AuthError::BadWallSignature("w".into())),
            ApiError::Auth(AuthError::MissingHeader(wire::HEADER_SIGNATURE)),
            ApiError::Auth(AuthError::StaleTimestamp("t".into(), "u".into())),
            ApiError::Malformed("m".into()),
            ApiError::WrongVersion(2),
            ApiError::CenterMismatch {
                signed_by: code.clone(),
                batch: code.clone(),
            },
            ApiError::WrongAgent {
                batch: "a".into(),
                signed: "b".into(),
            },
            ApiError::OtherCenter {
                signed_by: code.clone(),
                path: "MOF".into(),
            },
            ApiError::TooLarge,
            ApiError::TooManyRecords("t".into()),
            ApiError::BadQuery("q".into()),
            ApiError::UnknownBoard("b".into()),
            ApiError::UnknownDecision(StoryError::NotFound(DecisionNumber::new(18, 212, 99))),
            ApiError::NoScreenConfig,
            ApiError::NotFound(Method::GET, "/x".into()),
            ApiError::MethodNotAllowed(Method::DELETE, "/x".into()),
            ApiError::NumberReused("n".into()),
            ApiError::Store(StoreError::DiskFull),
            ApiError::Store(StoreError::Damaged {
                path: "p".into(),
                detail: "d".into(),
            }),
            ApiError::Unavailable("u".into()),
            ApiError::Encode(encode()),
            ApiError::Timeout(Duration::from_secs(30)),
        ];
        for e in &all {
            match e {
                ApiError::Auth(_)
                | ApiError::Malformed(_)
                | ApiError::WrongVersion(_)
                | ApiError::CenterMismatch { .. }
                | ApiError::WrongAgent { .. }
                | ApiError::OtherCenter { .. }
                | ApiError::TooLarge
                | ApiError::TooManyRecords(_)
                | ApiError::BadQuery(_)
                | ApiError::UnknownBoard(_)
                | ApiError::UnknownDecision(_)
                | ApiError::NoScreenConfig
                | ApiError::NotFound(..)
                | ApiError::MethodNotAllowed(..)
                | ApiError::NumberReused(_)
                | ApiError::Store(_)
                | ApiError::Unavailable(_)
                | ApiError::Encode(_)
                | ApiError::Timeout(_) => {}
            }
        }
        all
    }

    /// The error words an error response of the document names: each line of its description
    /// starts with one, in backticks, followed by a colon.
    fn documented_words(description: &str) -> Vec<&str> {
        description
            .lines()
            .filter_map(|l| l.strip_prefix('`')?.split_once("`:"))
            .map(|(word, _)| word)
            .collect()
    }

    #[test]
    fn the_openapi_document_names_every_error_word_under_its_status() {
        let status_of: HashMap<&str, u16> = every_refusal()
            .iter()
            .map(|e| (e.word(), e.status().as_u16()))
            .collect();
        let doc = openapi_document();
        let mut named = std::collections::BTreeSet::new();
        for (path, item) in doc["paths"].as_object().expect("paths") {
            for (method, op) in item.as_object().expect("a path item") {
                let responses = op["responses"].as_object().expect("responses");
                for (status, resp) in responses {
                    let json = &resp["content"]["application/json"]["schema"]["$ref"];
                    if json != "#/components/schemas/ErrorBody" {
                        continue;
                    }
                    let words = documented_words(resp["description"].as_str().expect("text"));
                    assert!(!words.is_empty(), "{method} {path} {status} names no word");
                    for w in words {
                        let expected = status_of.get(w).map(u16::to_string);
                        assert_eq!(
                            expected.as_deref(),
                            Some(status.as_str()),
                            "{method} {path}: `{w}` under {status}"
                        );
                        named.insert(w);
                    }
                }
                assert!(responses.contains_key("408"), "{method} {path}: no 408");
            }
        }
        // The two the router gives any request are in the document's introduction.
        let intro = doc["info"]["description"].as_str().expect("a description");
        for w in status_of.keys() {
            assert!(
                named.contains(w) || intro.contains(&format!("`{w}`")),
                "`{w}` is nowhere in the document"
            );
        }
    }

    #[tokio::test]
    async fn a_value_that_cannot_be_written_as_json_is_answered_500_with_an_error_body() {
        let source = serde_json::to_vec(&HashMap::from([((1u8, 2u8), 3u8)]))
            .expect_err("a map with pair keys is not JSON");
        let err = ApiError::from(IngestError::Encode(EncodeError {
            what: "board budget".into(),
            source,
        }));
        let resp = err.into_response();
        assert_eq!(resp.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let body = axum::body::to_bytes(resp.into_body(), 1 << 16)
            .await
            .expect("the error body is small");
        let body: ErrorBody = serde_json::from_slice(&body).expect("an error body");
        assert_eq!(body.error, "internal");
        assert!(body.message.contains("board budget"), "{}", body.message);
    }
}
