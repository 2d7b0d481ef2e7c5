//! HTTPS with a private CA, as docs/API.md ("HTTPS") tells integrators: a real agent trusts the
//! CA named in `SSL_CERT_FILE` (or a folder in `SSL_CERT_DIR`) and nothing else it was not
//! told, and refuses a collector whose own certificate is a CA certificate even when it trusts
//! that very certificate. The certificates are in tests/fixtures/tls/ (remade by its make.py).

use rasid_e2e::collector::free_port;
use rasid_e2e::process::run;
use rasid_e2e::wait::poll;
use rasid_e2e::{Agent, DemoFiles, Finished, Proc, Workspace};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/tls")
        .join(name)
}

/// `rasid-agent serve` over HTTPS with `cert_stem`.pem and .key, on localhost; its port.
fn start_https(ws: &Workspace, demo: &DemoFiles, cert_stem: &str) -> (Proc, u16) {
    let port = free_port();
    let mut cmd = std::process::Command::new(rasid_e2e::binary::agent_binary());
    // What it prints is compared in English, whatever this machine's language.
    cmd.env("RASID_LANG", "en");
    cmd.arg("--data")
        .arg(ws.join(format!("collector-{cert_stem}")))
        .arg("serve")
        .args(["--listen", &format!("127.0.0.1:{port}")])
        .arg("--centers")
        .arg(demo.centers_toml())
        .arg("--tls-cert")
        .arg(fixture(&format!("{cert_stem}.pem")))
        .arg("--tls-key")
        .arg(fixture(&format!("{cert_stem}.key")))
        .env("RUST_LOG", "warn");
    let mut p = Proc::spawn(cmd, &format!("collector-{cert_stem}"), &ws.logs());
    let up = poll(Duration::from_secs(30), Duration::from_millis(25), || {
        if !p.is_running() {
            return Some(false);
        }
        TcpStream::connect(("127.0.0.1", port))
            .is_ok()
            .then_some(true)
    });
    if up != Some(true) {
        p.kill();
        panic!(
            "{}",
            p.finished().describe("(an HTTPS collector) did not start")
        );
    }
    (p, port)
}

/// A new agent of MOH for `https://localhost:{port}` holding the demo's MOH budget lines, and
/// its `push` with only the trust settings in `env` (`SSL_CERT_FILE`, `SSL_CERT_DIR`).
fn push_budget(
    ws: &Workspace,
    demo: &DemoFiles,
    label: &str,
    port: u16,
    env: &[(&str, &Path)],
) -> Finished {
    let agent = Agent::init(
        &ws.join(format!("agent-{label}")),
        "MOH",
        &format!("https://localhost:{port}"),
        Some(&demo.key_file("MOH")),
        &ws.logs(),
    );
    agent.configure_for_tests(500);
    agent
        .import(&[demo.dir.join("MOH/budget.json")])
        .expect_success();
    let mut cmd = agent.command(&["push"]);
    cmd.env_remove("SSL_CERT_FILE").env_remove("SSL_CERT_DIR");
    for (k, v) in env {
        cmd.env(k, v);
    }
    run(
        cmd,
        &format!("push-{label}"),
        &ws.logs(),
        Duration::from_secs(120),
    )
}

#[test]
fn an_agent_trusts_the_private_ca_named_in_ssl_cert_file_or_ssl_cert_dir() {
    let ws = Workspace::new("private-ca");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let (_collector, port) = start_https(&ws, &demo, "collector-by-private-ca");

    let untrusted = push_budget(&ws, &demo, "untrusted", port, &[]).expect_failure();
    assert!(
        untrusted.stderr.contains("UnknownIssuer"),
        "{}",
        untrusted.describe("should have named the unknown issuer")
    );

    let ca = fixture("private-ca.pem");
    push_budget(&ws, &demo, "ssl-cert-file", port, &[("SSL_CERT_FILE", &ca)]).expect_success();
    let dir = ws.mkdir("ca-dir");
    std::fs::copy(&ca, dir.join("ministry-ca.pem"))
        .unwrap_or_else(|e| panic!("copying the CA into {}: {e}", dir.display()));
    push_budget(&ws, &demo, "ssl-cert-dir", port, &[("SSL_CERT_DIR", &dir)]).expect_success();

    // What was pushed is served over the same HTTPS to a client that trusts the CA.
    let pem = std::fs::read(&ca).unwrap_or_else(|e| panic!("reading {}: {e}", ca.display()));
    let http = reqwest::blocking::Client::builder()
        .no_proxy()
        .tls_certs_only([reqwest::Certificate::from_pem(&pem)
            .unwrap_or_else(|e| panic!("{} is not PEM: {e}", ca.display()))])
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_else(|e| panic!("building an HTTPS client: {e}"));
    let path = "/v1/boards/budget?center=MOH";
    let mut req = http.get(format!("https://localhost:{port}{path}"));
    for (name, value) in rasid_shared::wire::signed_read_headers(
        rasid_collector::demo::DEMO_WALL,
        &rasid_collector::demo::demo_wall_key(),
        "GET",
        path,
        chrono::Utc::now(),
    ) {
        req = req.header(name, value);
    }
    let board: serde_json::Value = req
        .send()
        .and_then(|r| r.json())
        .unwrap_or_else(|e| panic!("GET the budget board over HTTPS: {e}"));
    assert!(
        board["total"]["spent"].as_i64().is_some_and(|s| s > 0),
        "{board}"
    );
}

#[test]
fn an_agent_refuses_a_collector_whose_own_certificate_is_a_ca_certificate() {
    let ws = Workspace::new("ca-as-server");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let (_collector, port) = start_https(&ws, &demo, "collector-ca-certificate");
    // Trusting that very certificate does not help.
    let cert = fixture("collector-ca-certificate.pem");
    let refused =
        push_budget(&ws, &demo, "trusting-it", port, &[("SSL_CERT_FILE", &cert)]).expect_failure();
    assert!(
        refused.stderr.contains("CaUsedAsEndEntity"),
        "{}",
        refused.describe("should have said the CA certificate was used as the server's")
    );
}
