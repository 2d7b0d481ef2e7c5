//! The agent's commands as center staff use them, against a real collector on loopback:
//! init, decisions (online and offline), update, import, push, rejected, status, doctor, and the
//! `run` daemon picking up a dropped file and stopping cleanly on SIGTERM.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use chrono::{NaiveDate, Utc};
use rasid_collector::demo::demo_key;
use rasid_collector::registry::Registry;
use rasid_collector::{self as collector, CollectorOptions, RegistrySource};
use rasid_shared::board::{BoardFilter, BoardName, BoardView};
use rasid_shared::model::*;
use rasid_shared::wire::{Batch, PROTOCOL_VERSION};
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn agent(data: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
        .env("RASID_LANG", "en")
        .arg("--data")
        .arg(data)
        .args(args)
        .output()
        .expect("the agent runs")
}

fn json_of(out: &Output) -> Value {
    assert!(
        out.status.success(),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn decision(item: u16, center: &str) -> RecordEnvelope {
    RecordEnvelope {
        center: CenterCode::new("GSC").unwrap(),
        as_of: day(2024, 1, 7),
        revision: 1,
        record: Record::Decision(Decision {
            number: DecisionNumber::new(18, 240, item),
            date: day(2024, 1, 7),
            kind: DecisionKind::Decision,
            title: "إعداد خطة وطنية لتطوير الخدمات الإلكترونية".into(),
            routine: false,
            classification: Classification::default(),
            centers: vec![CenterCode::new(center).unwrap()],
            due: Some(day(2024, 6, 30)),
            links: vec![],
        }),
    }
}

/// A daemon that is killed if the test fails before stopping it.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn a_center_works_through_its_day_with_the_agent() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("moh");
    // 1. Set up: the public key is what the secretariat registers.
    let init = json_of(&agent(
        &data,
        &[
            "--json",
            "init",
            "--center",
            "moh",
            "--upstream",
            "http://127.0.0.1:9",
        ],
    ));
    let public = init["public_key"].as_str().unwrap().to_string();
    assert!(data.join("agent.key").exists() && data.join("rasid-agent.toml").exists());
    let again = agent(
        &data,
        &[
            "init",
            "--center",
            "MOH",
            "--upstream",
            "http://127.0.0.1:9",
        ],
    );
    assert!(
        !again.status.success(),
        "a second init does not overwrite the key"
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));

    // 2. The collector knows MOH by that key; the secretariat has issued two decisions.
    let centers = dir.path().join("centers.toml");
    std::fs::write(
        &centers,
        format!(
            "secretariat = \"GSC\"\n\
             [[center]]\ncode = \"GSC\"\nname_ar = \"الأمانة العامة لمجلس الوزراء\"\nname_en = \"GSC\"\nkeys = [\"{}\"]\n\
             [[center]]\ncode = \"MOH\"\nname_ar = \"وزارة الصحة\"\nname_en = \"Health\"\nkeys = [\"{public}\"]\n\
             [[center]]\ncode = \"MOF\"\nname_ar = \"وزارة المالية\"\nname_en = \"Finance\"\n",
            demo_key(&CenterCode::new("GSC").unwrap()).public_base64()
        ),
    )
    .unwrap();
    Registry::parse(&std::fs::read_to_string(&centers).unwrap()).unwrap();
    let rt = tokio::runtime::Runtime::new().unwrap();
    let mut opts = CollectorOptions::new(
        Some(dir.path().join("collector")),
        RegistrySource::File(centers.clone()),
    );
    // The collector's own clock: the agent dates what it sends by today, and a collector whose
    // day were fixed in the past would refuse that as dated in its future (future-date).
    opts.today = None;
    let handle = rt.block_on(collector::start(opts)).unwrap();
    let gsc = CenterCode::new("GSC").unwrap();
    let batch = Batch {
        version: PROTOCOL_VERSION,
        center: gsc.clone(),
        agent: demo_key(&gsc).key_id(),
        epoch: String::new(),
        seq: 1,
        created: Utc::now(),
        records: vec![decision(2, "MOH"), decision(3, "MOF")],
    };
    assert_eq!(
        handle
            .collector()
            .ingest(&gsc, batch)
            .unwrap()
            .accepted
            .len(),
        2
    );
    let cfg = std::fs::read_to_string(data.join("rasid-agent.toml")).unwrap();
    std::fs::write(
        data.join("rasid-agent.toml"),
        cfg.replace("http://127.0.0.1:9", &handle.url()),
    )
    .unwrap();

    // 3. Which decisions are ours: pulled, then available offline.
    let list = json_of(&agent(&data, &["--json", "decisions"]));
    let numbers: Vec<&str> = list["assignments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["decision"]["number"].as_str().unwrap())
        .collect();
    assert_eq!(numbers, ["18/240/02"]);
    let offline = json_of(&agent(&data, &["--json", "decisions", "--offline"]));
    assert_eq!(offline["assignments"].as_array().unwrap().len(), 1);

    // 4. A status by hand; a decision that is not ours is refused on the spot.
    let upd = json_of(&agent(
        &data,
        &[
            "--json",
            "update",
            "18/240/02",
            "--status",
            "قيد التنفيذ",
            "--progress",
            "40",
            "--follow-up",
            "call",
        ],
    ));
    assert_eq!(upd["queued"], true);
    let not_ours = agent(&data, &["update", "18/240/03", "--status", "executed"]);
    assert!(!not_ours.status.success());
    assert!(
        String::from_utf8_lossy(&not_ours.stderr)
            .contains("not among the decisions assigned to MOH")
    );
    let bad = agent(&data, &["update", "18/240/02", "--status", "منفذة جزئيا"]);
    assert!(String::from_utf8_lossy(&bad.stderr).contains("is not a status"));

    // 5. A file reports on a decision assigned to another center: stored here, refused there.
    let file = dir.path().join("decision-status.json");
    std::fs::write(
        &file,
        r#"[{"decision": "18/240/03", "status": "executed", "progress": 100}]"#,
    )
    .unwrap();
    let imported = json_of(&agent(&data, &["--json", "import", file.to_str().unwrap()]));
    assert_eq!(imported[0]["new"], 1);
    let pushed = json_of(&agent(&data, &["--json", "push"]));
    assert_eq!(
        (pushed["accepted"].as_u64(), pushed["rejected"].as_u64()),
        (Some(1), Some(1))
    );
    let rejected = json_of(&agent(&data, &["--json", "rejected"]));
    assert!(
        rejected[0]["reason"]
            .as_str()
            .unwrap()
            .contains("not assigned to MOH"),
        "{rejected}"
    );
    // The collector's reason in the clerk's language: the agent knows the sentence it sends.
    let in_arabic = agent(&data, &["--lang", "ar", "rejected"]);
    let in_arabic = String::from_utf8_lossy(&in_arabic.stdout);
    assert!(
        in_arabic.contains("القرار 18/240/03 ليس مسنداً إلى MOH"),
        "{in_arabic}"
    );
    let status = json_of(&agent(&data, &["--json", "status"]));
    assert_eq!(
        (status["outbox"].as_u64(), status["rejected"].as_u64()),
        (Some(0), Some(1))
    );
    assert!(status["last_push"].is_string());
    match handle
        .collector()
        .board(BoardName::DecisionExecution, &BoardFilter::default())
    {
        BoardView::DecisionExecution(b) => {
            assert_eq!((b.decisions.in_progress, b.follow_ups.calls), (1, 1))
        }
        other => panic!("{other:?}"),
    }
    let doctor = agent(&data, &["doctor"]);
    assert!(
        doctor.status.success(),
        "{}",
        String::from_utf8_lossy(&doctor.stdout)
    );

    // 6. The daemon imports a dropped file, pushes it, and stops cleanly on SIGTERM. It speaks
    // the language of its rasid-agent.toml (init wrote arabic): no --lang, no RASID_LANG.
    let mut daemon = KillOnDrop(
        Command::new(env!("CARGO_BIN_EXE_rasid-agent"))
            .env_remove("RASID_LANG")
            .arg("--data")
            .arg(&data)
            .arg("run")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap(),
    );
    std::fs::write(
        data.join("inbox").join("decision-status.json"),
        r#"[{"decision": "18/240/02", "status": "executed", "progress": 100}]"#,
    )
    .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let executed = match handle
            .collector()
            .board(BoardName::DecisionExecution, &BoardFilter::default())
        {
            BoardView::DecisionExecution(b) => b.decisions.executed,
            _ => 0,
        };
        if executed == 1 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the daemon did not deliver the dropped file within 30 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    let done: Vec<_> = std::fs::read_dir(data.join("inbox").join("done"))
        .unwrap()
        .collect();
    assert_eq!(done.len(), 1, "the imported file is moved to inbox/done");
    // A file with a mistake is moved to inbox/failed, its errors beside it naming it there.
    std::fs::write(
        data.join("inbox").join("budget.csv"),
        "fiscal_year,month,program,category,allocated,spent,currency\n2023,13,P1,operating,1,1,ILS\n",
    )
    .unwrap();
    let failed_dir = data.join("inbox").join("failed");
    let deadline = Instant::now() + Duration::from_secs(30);
    let errors = loop {
        let found = std::fs::read_dir(&failed_dir).ok().and_then(|d| {
            d.flatten()
                .map(|e| e.path())
                .find(|p| p.to_string_lossy().ends_with(".errors.txt"))
        });
        if let Some(p) = found {
            break p;
        }
        assert!(
            Instant::now() < deadline,
            "the daemon did not refuse the bad file"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    std::thread::sleep(Duration::from_millis(300));
    let text = std::fs::read_to_string(&errors).unwrap();
    let moved = errors.to_string_lossy().replace(".errors.txt", ".csv");
    // In the agent's language: the language key of rasid-agent.toml, Arabic here.
    assert!(
        text.starts_with(&format!("{moved}: وُجدت مشكلة واحدة؛")) && text.ends_with('\n'),
        "{text}"
    );
    assert!(std::path::Path::new(&moved).exists(), "{moved}");
    // Beside them, the annotated copy: the problems listed first, then the file's cells.
    let copy = errors
        .to_string_lossy()
        .replace(".errors.txt", ".errors.xlsx");
    let deadline = Instant::now() + Duration::from_secs(10);
    while !Path::new(&copy).exists() {
        assert!(Instant::now() < deadline, "no annotated copy {copy}");
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(300));
    {
        use calamine::Reader;
        let mut book = calamine::open_workbook_auto(&copy).unwrap();
        let names = book.sheet_names();
        assert_eq!(names[0], "المشكلات");
        // A CSV's one sheet is named after the file, here as moved: <time>-budget.
        assert!(names[1].ends_with("-budget"), "{names:?}");
        let data = book.worksheet_range(&names[1]).unwrap();
        assert_eq!(
            data.get_value((1, 1)),
            Some(&calamine::Data::String("13".into()))
        );
    }
    // After its pull, the daemon keeps the clerk's templates current beside the inbox.
    for name in [
        "decision-status.xlsx",
        "budget-",
        "kpi-",
        "project-progress-",
    ] {
        assert!(
            std::fs::read_dir(data.join("templates"))
                .unwrap()
                .flatten()
                .any(|e| e.file_name().to_string_lossy().starts_with(name)),
            "templates/ has no {name}"
        );
    }
    Command::new("kill")
        .arg("-TERM")
        .arg(daemon.0.id().to_string())
        .status()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(20);
    let code = loop {
        if let Some(c) = daemon.0.try_wait().unwrap() {
            break c;
        }
        if Instant::now() > deadline {
            let _ = daemon.0.kill();
            panic!("the daemon did not stop on SIGTERM");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(code.success(), "SIGTERM is a clean stop: {code:?}");
    rt.block_on(handle.shutdown()).unwrap();
}

fn check_config(file: &Path, json: bool) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasid-agent"));
    // What it prints is compared in English, whatever this machine's language.
    cmd.env("RASID_LANG", "en");
    if json {
        cmd.arg("--json");
    }
    cmd.arg("check-config")
        .arg(file)
        .output()
        .expect("the agent runs")
}

fn docs_example(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../docs/examples")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn check_config_passes_the_documented_files_and_names_every_problem_of_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    for (name, good, bad, problems) in [
        (
            "rasid-agent.toml",
            docs_example("rasid-agent.toml"),
            "center = \"MOH\"\nupstream = \"collector\"\npull_interval_secs = 0\nbatch = 3\n",
            vec![
                "line 4, batch: unknown field `batch`",
                "line 2, upstream: 'collector' is not a URL",
                "line 3, pull_interval_secs: 0 is out of range",
            ],
        ),
        (
            "centers.toml",
            docs_example("centers.toml"),
            "secretariat = \"GSC\"\n[[center]]\ncode = \"MOH\"\nname_ar = \"\"\nname_en = \"Health\"\nparent = \"NOPE\"\n",
            vec![
                "line 4, center[1].name_ar: center MOH: 'name_ar' is empty",
                "line 6, center[1].parent: center MOH: parent NOPE is not a listed center",
                "line 1, secretariat: secretariat GSC is not a listed center",
            ],
        ),
    ] {
        let good_path = dir.path().join("good").join(name);
        let bad_path = dir.path().join("bad").join(name);
        for (p, text) in [(&good_path, good.as_str()), (&bad_path, bad)] {
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        let out = check_config(&good_path, false);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(stdout.contains(&format!("{name} OK")), "{stdout}");

        let out = check_config(&bad_path, false);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        for p in &problems {
            assert!(
                stderr.contains(&format!("{}: {p}", bad_path.display())),
                "{name}: {p} missing in:\n{stderr}"
            );
        }
        assert!(
            stderr.contains(&format!("{} problems in this {name}", problems.len())),
            "{stderr}"
        );

        let report = check_config(&bad_path, true);
        assert_eq!(report.status.code(), Some(1));
        let v: Value = serde_json::from_slice(&report.stdout).unwrap();
        assert_eq!(v["kind"], name);
        assert_eq!(v["ok"], false);
        assert_eq!(
            v["problems"].as_array().map(|a| a.len()),
            Some(problems.len())
        );
        assert!(v["problems"][0]["line"].is_u64(), "{v}");
        assert!(v["problems"][0]["key"].is_string(), "{v}");
    }
}

#[test]
fn check_config_recognises_a_file_by_its_keys_and_leaves_boards_toml_to_the_kiosk() {
    let dir = tempfile::tempdir().unwrap();
    let registry = dir.path().join("registry-2024.toml");
    std::fs::write(&registry, docs_example("centers.toml")).unwrap();
    let v = json_of(&check_config(&registry, true));
    assert_eq!(v["kind"], "centers.toml");
    assert_eq!(v["ok"], true);
    assert!(
        v["summary"]
            .as_str()
            .is_some_and(|s| s.contains("3 centers")),
        "{v}"
    );

    for (name, text) in [
        ("boards.toml", docs_example("boards.toml")),
        ("hall.toml", "[wall]\ncalendar = \"julian\"\n".to_string()),
    ] {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let out = check_config(&path, false);
        assert_eq!(out.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!("rasid-kiosk --check-config {}", path.display())),
            "{stderr}"
        );
    }

    let unknown = dir.path().join("notes.toml");
    std::fs::write(&unknown, "title = \"x\"\n").unwrap();
    let out = check_config(&unknown, false);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot tell which configuration"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Issue #16 §3: what a new clerk met importing and pushing with no collector in reach.
#[test]
fn a_new_clerk_gets_plain_answers_from_import_push_and_status() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("moh");
    // Port 9 (discard) on loopback: nothing listens, the connection is refused.
    json_of(&agent(
        &data,
        &[
            "--json",
            "init",
            "--center",
            "MOH",
            "--upstream",
            "http://127.0.0.1:9",
        ],
    ));

    let help = agent(&data, &["import", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout);
    for word in [
        ".xlsm",
        ".txt",
        "folders",
        "dependency order",
        "budget (الموازنة)",
        "project-progress",
    ] {
        assert!(help.contains(word), "import --help lacks {word}: {help}");
    }

    // A folder: its files are imported, sessions before the statuses that need them.
    let folder = dir.path().join("reports");
    std::fs::create_dir(&folder).unwrap();
    let head = "fiscal_year,month,program,category,allocated,spent,currency\n";
    let line = "2023,6,P1,operating,1000,10,ILS\n";
    std::fs::write(folder.join("موازنة.csv"), format!("{head}{line}{line}")).unwrap();
    std::fs::write(folder.join("~$موازنة.csv"), "lock").unwrap();
    let out = agent(
        &data,
        &["import", "--kind", "الموازنة", folder.to_str().unwrap()],
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        stdout
            .contains("1 row stored (1 new, 0 changed, 0 unchanged); 1 identical row counted once"),
        "{stdout}"
    );
    let out = agent(
        &data,
        &["import", "--kind", "ميزانية", folder.to_str().unwrap()],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !out.status.success() && stderr.contains("budget / الموازنة"),
        "{stderr}"
    );

    // The push cannot reach the collector; status says so in words, and what waits.
    let out = agent(&data, &["push"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("the collector at http://127.0.0.1:9 cannot be reached; 1 record waits and will be sent when it can"),
        "{stderr}"
    );
    let out = agent(&data, &["status"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("the collector at http://127.0.0.1:9 cannot be reached; 1 record waits and will be sent when it can")
            && !stdout.contains("os error"),
        "{stdout}"
    );
}

/// A request timeout of 0 (or an hour and more) is refused when the collector starts, saying
/// what is allowed; it was silently raised to one second.
#[test]
fn serve_refuses_a_request_timeout_out_of_range() {
    let dir = tempfile::tempdir().unwrap();
    for bad in ["0", "3601"] {
        let out = agent(
            &dir.path().join("collector"),
            &[
                "serve",
                "--centers",
                "centers.toml",
                "--request-timeout-secs",
                bad,
            ],
        );
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{bad}: {err}");
        assert!(
            err.contains("--request-timeout-secs") && err.contains("1..=3600"),
            "{bad}: {err}"
        );
    }
}
