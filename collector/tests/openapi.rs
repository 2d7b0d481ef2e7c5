//! docs/openapi.json: the committed document is the generated one, `GET /v1/openapi.json`
//! serves it, it is valid OpenAPI 3.1, and it describes every route the collector serves and
//! every route docs/API.md names.
//!
//! Regenerate the file with `RASID_WRITE_OPENAPI=1 cargo test -p rasid-collector --test openapi`.
//!
//! tests/fixtures/openapi-3.1-schema.json is the OpenAPI Initiative's JSON Schema of OpenAPI
//! 3.1 documents (src/schemas/validation/schema.yaml of OAI/OpenAPI-Specification, branch
//! v3.1-dev, commit 76fa096c, Apache-2.0), converted from YAML to JSON.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use rasid_collector::demo::demo_registry;
use rasid_collector::{self as collector, Collector, RouterOptions};
use rasid_shared::demo;
use rasid_shared::store::Store;
use rasid_shared::wire;
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

const REGENERATE: &str = "RASID_WRITE_OPENAPI=1 cargo test -p rasid-collector --test openapi";

fn docs() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn app() -> axum::Router {
    let data = demo::generate();
    let registry = collector::registry_from(&demo_registry(&data)).unwrap();
    let c = Collector::open(
        Store::temporary().unwrap(),
        registry,
        Some(demo::demo_today()),
        false,
    )
    .unwrap();
    collector::router(Arc::new(c), RouterOptions::new())
}

async fn get(app: &axum::Router, req: Request<Body>) -> (StatusCode, String, Vec<u8>) {
    let resp = app.clone().oneshot(req).await.unwrap();
    let status = resp.status();
    let ctype = resp
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let body = axum::body::to_bytes(resp.into_body(), usize::MAX)
        .await
        .unwrap();
    (status, ctype, body.to_vec())
}

/// Every operation of the document: (method in upper case, path).
fn operations(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if [
                "get", "put", "post", "delete", "options", "head", "patch", "trace",
            ]
            .contains(&method.as_str())
            {
                out.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    out
}

#[test]
fn committed_openapi_json_is_the_generated_one() {
    let path = docs().join("openapi.json");
    let generated = collector::openapi_text();
    if std::env::var_os("RASID_WRITE_OPENAPI").is_some_and(|v| v == "1") {
        std::fs::write(&path, &generated).unwrap();
    }
    let committed = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e}; run `{REGENERATE}`", path.display()));
    assert!(
        committed == generated,
        "docs/openapi.json is not the document the code makes; run `{REGENERATE}` and commit it"
    );
    assert!(generated.ends_with("}\n"));
}

#[tokio::test]
async fn get_v1_openapi_json_serves_the_document_and_is_counted() {
    let app = app();
    let (status, ctype, body) = get(
        &app,
        Request::get("/v1/openapi.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(ctype, "application/json");
    assert_eq!(String::from_utf8(body).unwrap(), collector::openapi_text());
    let (_, _, metrics) = get(&app, Request::get("/metrics").body(Body::empty()).unwrap()).await;
    let metrics = String::from_utf8(metrics).unwrap();
    assert!(
        metrics.contains(r#"method="GET",route="/v1/openapi.json""#),
        "{metrics}"
    );
}

#[test]
fn the_document_is_valid_openapi_3_1() {
    let doc = collector::openapi_document();
    assert_eq!(doc["openapi"], "3.1.0");
    assert_eq!(doc["info"]["version"], env!("CARGO_PKG_VERSION"));
    let meta: Value = serde_json::from_str(
        &std::fs::read_to_string(
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/openapi-3.1-schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::draft202012::new(&meta).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&doc)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert_eq!(errors, Vec::<String>::new());
    // Each component is a JSON Schema 2020-12 (OpenAPI 3.1's dialect), every `$ref` resolves.
    let components = doc["components"]["schemas"].as_object().unwrap();
    for (name, schema) in components {
        let whole = serde_json::json!({"components": doc["components"], "$ref": format!("#/components/schemas/{name}")});
        jsonschema::draft202012::new(&whole)
            .unwrap_or_else(|e| panic!("component {name} is not a valid schema: {e}"));
        assert!(schema.is_object(), "{name}");
    }
    let mut refs = Vec::new();
    collect_refs(&doc, &mut refs);
    assert!(!refs.is_empty());
    for r in refs {
        let target = r
            .strip_prefix('#')
            .unwrap_or_else(|| panic!("{r} is not local"));
        assert!(doc.pointer(target).is_some(), "{r} does not resolve");
    }
}

fn collect_refs(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Object(obj) => {
            for (k, v) in obj {
                match v {
                    Value::String(s) if k == "$ref" => out.push(s.clone()),
                    _ => collect_refs(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| collect_refs(i, out)),
        _ => {}
    }
}

#[test]
fn every_path_parameter_is_declared_and_every_signed_header_named_as_the_code_reads_it() {
    let doc = collector::openapi_document();
    for (method, path) in operations(&doc) {
        let op = &doc["paths"][&path][method.to_lowercase()];
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        let declared: BTreeSet<&str> = params
            .iter()
            .filter(|p| p["in"] == "path")
            .inspect(|p| assert_eq!(p["required"], true, "{method} {path}: {p}"))
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        let in_path: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{').and_then(|s| s.strip_suffix('}')))
            .collect();
        assert_eq!(declared, in_path, "{method} {path}");
        assert!(op["summary"].is_string(), "{method} {path} has no summary");
        assert!(
            op["responses"]["200"].is_object(),
            "{method} {path} has no 200"
        );
        // Headers of the protocol are spelled as the collector reads them.
        for p in params.iter().filter(|p| p["in"] == "header") {
            let name = p["name"].as_str().unwrap();
            assert!(
                [
                    wire::HEADER_CENTER,
                    wire::HEADER_SIGNATURE,
                    wire::HEADER_TIMESTAMP,
                    wire::HEADER_WALL,
                    collector::HEADER_KIOSK
                ]
                .contains(&name),
                "{method} {path}: header {name}"
            );
        }
    }
    let batches = &doc["paths"]["/v1/batches"]["post"]["parameters"];
    let signed: Vec<&str> = batches
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(signed, [wire::HEADER_CENTER, wire::HEADER_SIGNATURE]);
}

/// The routes of API.md's table (`| `METHOD /path` | who | what |`).
fn api_md_routes() -> BTreeSet<(String, String)> {
    let text = std::fs::read_to_string(docs().join("API.md")).unwrap();
    text.lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once("` |"))
        .filter_map(|(route, _)| route.split_once(' '))
        .filter(|(m, _)| m.chars().all(|c| c.is_ascii_uppercase()))
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect()
}

#[tokio::test]
async fn the_document_api_md_and_the_router_name_the_same_routes() {
    let doc = collector::openapi_document();
    let ops = operations(&doc);
    assert_eq!(
        ops,
        api_md_routes(),
        "the document's operations and API.md's table differ"
    );
    // Every operation is routed: with its path parameters filled, it is never answered 404
    // `not-found` or 405; the same path with another method is 405.
    let app = app();
    for (method, path) in &ops {
        let uri = path.replace("{code}", "MOH").replace("{name}", "budget");
        let req = Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(&uri)
            .body(Body::empty())
            .unwrap();
        if uri == "/v1/stream" {
            // An endless body once open: the status says it is routed (unsigned, the walls'
            // check answers 401 before the stream opens).
            let resp = app.clone().oneshot(req).await.unwrap();
            assert_eq!(resp.status(), StatusCode::UNAUTHORIZED);
            continue;
        }
        let (status, _, body) = get(&app, req).await;
        let body = String::from_utf8_lossy(&body);
        assert!(
            status != StatusCode::METHOD_NOT_ALLOWED && !body.contains("\"not-found\""),
            "{method} {path}: {status} {body}"
        );
        let other = if method == "GET" { "DELETE" } else { "GET" };
        let req = Request::builder()
            .method(other)
            .uri(&uri)
            .body(Body::empty())
            .unwrap();
        let (status, _, _) = get(&app, req).await;
        assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED, "{other} {path}");
    }
    // A path outside the document is not routed.
    let (status, _, body) = get(
        &app,
        Request::get("/v1/openapi.yaml")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(String::from_utf8_lossy(&body).contains("not-found"));
}
