//! The collector's OpenAPI 3.1 document: served at `GET /v1/openapi.json`, committed as
//! docs/openapi.json (collector/tests/openapi.rs keeps the two equal).
//!
//! The paths come from `#[utoipa::path]` on the handlers in `http.rs`, which utoipa-axum also
//! routes, so the router serves exactly the operations the document describes. The body
//! schemas are not utoipa's: they are the schemars schemas docs/schemas/ is made of
//! (`rasid_shared::schema::ApiSchemas`), placed under `components.schemas`, so each type has
//! one description, its serde attributes and doc comments, wherever it is published. Not here:
//! the handlers themselves, and anything a client must do that JSON cannot say (docs/API.md).

use crate::state::BoardsChanged;
use rasid_shared::board::{BoardView, DecisionStory};
use rasid_shared::schema::ApiSchemas;
use rasid_shared::wire::{AssignmentList, Batch, BatchAck, BoardList, ErrorBody};
use serde_json::Value;
use utoipa::openapi::{OpenApi, RefOr, Schema};
use utoipa::{IntoParams, OpenApi as _};

/// What the document says besides its paths: the router starts from it.
#[derive(utoipa::OpenApi)]
#[openapi(
    info(
        title = "Rasid collector API",
        description = include_str!("openapi_intro.md"),
        license(name = "Apache-2.0", identifier = "Apache-2.0"),
    ),
    servers(
        (url = "https://collector.gsc.example:8443", description = "A collector over HTTPS (`--tls-cert`, `--tls-key`); the host is an example"),
        (url = "http://127.0.0.1:8440", description = "A collector on this machine without TLS, at `rasid-agent serve`'s default `--listen`"),
    ),
    tags(
        (name = "agents", description = "Signed requests of agents and relaying collectors"),
        (name = "boards", description = "What kiosks read: boards, their live stream, the screens' configuration"),
        (name = "operations", description = "Health, metrics and this document"),
    ),
)]
struct Header;

/// The document without paths (info, servers, tags), for the router to add its paths to.
pub(crate) fn header() -> OpenApi {
    Header::openapi()
}

/// The document as JSON: `paths` (collected by utoipa-axum while building the router) with
/// the body schemas.
pub(crate) fn document(paths: OpenApi) -> Value {
    let mut doc = serde_json::to_value(paths).unwrap_or_default();
    doc["components"]["schemas"] = Value::Object(components());
    doc
}

/// The document's text: pretty JSON with a final newline, keys in a stable order (utoipa's maps
/// are sorted; schemars keeps fields in declaration order).
pub(crate) fn document_text(doc: &Value) -> String {
    let mut s = serde_json::to_string_pretty(doc).unwrap_or_default();
    s.push('\n');
    s
}

/// Every body schema the annotations in `http.rs` refer to as `#/components/schemas/NAME`,
/// with the schemas they refer to.
fn components() -> serde_json::Map<String, Value> {
    let mut schemas = ApiSchemas::new();
    schemas.read::<Batch>();
    schemas.answer::<BatchAck>();
    schemas.answer::<ErrorBody>();
    schemas.answer::<AssignmentList>();
    schemas.answer::<BoardList>();
    schemas.answer::<BoardView>();
    schemas.answer::<DecisionStory>();
    schemas.answer::<BoardsChanged>();
    schemas.finish()
}

/// Stands for a component schema in a parameter (`schema_with` would drop the parameter's
/// description): utoipa refers to it as `#/components/schemas/NAME`.
macro_rules! component_ref {
    ($ty:ident, $name:literal) => {
        #[doc = concat!("The `", $name, "` component, as a parameter's type.")]
        pub(crate) struct $ty;

        impl utoipa::PartialSchema for $ty {
            fn schema() -> RefOr<Schema> {
                RefOr::Ref(utoipa::openapi::Ref::from_schema_name($name))
            }
        }

        impl utoipa::ToSchema for $ty {
            fn name() -> std::borrow::Cow<'static, str> {
                $name.into()
            }
        }
    };
}

component_ref!(BoardNameRef, "BoardName");
component_ref!(PeriodRef, "Period");
component_ref!(ClassifyByRef, "ClassifyBy");
component_ref!(CenterCodeRef, "CenterCode");

// ---- Parameters shared by several operations ------------------------------------------------
//
// Only for the document: no handler reads these structs (the handlers read the headers by the
// names in `rasid_shared::wire`; collector/tests/openapi.rs checks the names agree). A new
// signed route lists `SignedGet` (or a new list here) in its `params(...)`.

/// The headers of a signed body (`POST /v1/batches`).
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct SignedBody {
    /// The center whose key signed the body (`CenterCode`, e.g. `MOH`).
    #[param(rename = "x-rasid-center", example = "MOH")]
    center: String,
    /// The ed25519 signature of the exact bytes of the body, standard base64 with padding.
    #[param(rename = "x-rasid-signature")]
    signature: String,
}

/// The headers of a signed GET: the signature covers `GET\nPATH_AND_QUERY\nTIMESTAMP`.
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct SignedGet {
    /// The center whose key signed the request (`CenterCode`, e.g. `MOH`).
    #[param(rename = "x-rasid-center", example = "MOH")]
    center: String,
    /// When the request was signed, RFC 3339; refused when more than 5 minutes from the
    /// collector's clock (401 `stale-timestamp`).
    #[param(rename = "x-rasid-timestamp", example = "2024-02-12T09:00:00Z")]
    timestamp: String,
    /// The ed25519 signature of `GET`, the path with its query, and the timestamp, joined by
    /// line feeds (no final one), standard base64 with padding.
    #[param(rename = "x-rasid-signature")]
    signature: String,
}

/// The headers of a wall's signed read (boards, the stream, screens): the agents' signed-GET
/// scheme with the wall's name in place of the center. Not required when the collector runs
/// with `--public-boards`.
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct WallSignedGet {
    /// The wall whose key signed the request: its `name` in a `[[wall]]` of centers.toml.
    #[param(rename = "x-rasid-wall", example = "cabinet-hall")]
    wall: String,
    /// When the request was signed, RFC 3339; refused when more than 5 minutes from the
    /// collector's clock (401 `stale-timestamp`).
    #[param(rename = "x-rasid-timestamp", example = "2024-02-12T09:00:00Z")]
    timestamp: String,
    /// The ed25519 signature of `GET`, the path with its query, and the timestamp, joined by
    /// line feeds (no final one), standard base64 with padding.
    #[param(rename = "x-rasid-signature")]
    signature: String,
}

/// The optional header a kiosk names itself with on its GETs (the `reporting` board's `kiosks`).
#[derive(IntoParams)]
#[into_params(parameter_in = Header)]
#[allow(dead_code)]
pub(crate) struct KioskName {
    /// The kiosk's name, e.g. `cabinet-hall`; an open `/v1/stream` keeps it heard.
    #[param(rename = "x-rasid-kiosk", required = false, example = "cabinet-hall")]
    kiosk: String,
}

/// The board of `GET /v1/boards/{name}`.
#[derive(IntoParams)]
#[into_params(parameter_in = Path)]
#[allow(dead_code)]
pub(crate) struct BoardPath {
    /// The board's name.
    name: BoardNameRef,
}

/// What narrows a board: all optional; an empty value is the same as none.
#[derive(IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub(crate) struct BoardQuery {
    /// Only this center and the centers reporting through it; it must be registered at the
    /// collector (else 400 `bad-query`). Empty: every center.
    #[param(example = "MOH")]
    center: Option<CenterCodeRef>,
    /// Only this year (1900–2200): of issuance for decisions, the fiscal year for budget, the
    /// reported year for KPIs and committees, the years a project runs; `reporting` ignores it.
    /// Without it the budget, KPI and committees boards show the newest year with data that is
    /// not after the collector's current year. Empty: as without it.
    #[param(minimum = 1900, maximum = 2200, example = 2024)]
    year: Option<i32>,
    /// A part of the year: the budget board's figures cover only it; a quarter narrows the KPI
    /// board. Upper case, `y` for `year` and leading zeros are read too. Empty: the whole year.
    period: Option<PeriodRef>,
    /// The field the `classification` board groups decisions by: `sector` (as without it),
    /// `program`, `level` or `type`; the other boards ignore it. Empty: sector.
    by: Option<ClassifyByRef>,
}
