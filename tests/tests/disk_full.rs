//! A full disk on the agent's machine. Where the test may mount (root with CAP_SYS_ADMIN), the
//! agent's data directory is a 64 MiB `tmpfs`, filled but for 1 MiB by another file: the
//! import meets ENOSPC, exactly as on a full disk. Where mounting is refused (or with
//! `RASID_E2E_DISK=rlimit`), the failing `import` runs with RLIMIT_FSIZE set to its store's
//! size plus 1 MiB (SIGXFSZ ignored), so the store's writes past it fail with EFBIG: the same
//! failure path in sled and in the store, but another errno, so the message is the store's
//! generic "the data store failed: … File too large" instead of "the disk … is full". The
//! test prints which it used.
//!
//! Checked either way: the import fails with a message saying nothing from the file was
//! stored; once space returns (filler deleted, limit lifted) `status` shows the store exactly
//! as before and `doctor` finds it sound; the same import then works and its records reach
//! the collector exactly. Reading the store while the disk is *still* full is the ignored
//! test at the end: it fails (a bug, described there).

use rasid_e2e::demo::{assert_collector_boards, oracle};
use rasid_e2e::disk::{Tmpfs, fill};
use rasid_e2e::generate::{budget_lines, write_json};
use rasid_e2e::process::{limit_file_size, run};
use rasid_e2e::{
    Agent, AgentStatus, CollectorConfig, CollectorProc, DemoFiles, Finished, Workspace,
};
use rasid_shared::model::{Record, RecordEnvelope};
use std::path::{Path, PathBuf};

/// How the disk is made full.
enum Full {
    /// A 64 MiB tmpfs, filled but for 1 MiB by `filler`.
    Tmpfs { _mount: Tmpfs, filler: PathBuf },
    /// `import` runs with its file sizes limited to this many bytes.
    FileSize(u64),
}

/// The MOH agent, its demo files imported, with a data directory on a small file system when
/// one can be mounted.
fn agent_on_small_disk(ws: &Workspace, demo: &DemoFiles, upstream: &str) -> (Agent, Option<Tmpfs>) {
    let mount_point = ws.join("small-disk");
    let (dir, mount) = match Tmpfs::mount(&mount_point, 64 * 1024 * 1024) {
        Ok(m) => (m.path().join("agent-MOH"), Some(m)),
        Err(why) => {
            eprintln!(
                "[e2e] disk full: no tmpfs ({why}); limiting file sizes with RLIMIT_FSIZE instead"
            );
            (ws.join("agent-MOH"), None)
        }
    };
    let agent = Agent::init(
        &dir,
        "MOH",
        upstream,
        Some(&demo.key_file("MOH")),
        &ws.logs(),
    );
    agent.configure_for_tests(1000);
    agent.import(&own_files(demo)).expect_success();
    (agent, mount)
}

/// MOH's demo files but its decision statuses (the collector here has no decisions).
fn own_files(demo: &DemoFiles) -> Vec<PathBuf> {
    demo.files_of("MOH")
        .into_iter()
        .filter(|f| f.file_stem().is_none_or(|s| s != "decision-status"))
        .collect()
}

/// The records of [`own_files`].
fn own_records(demo: &DemoFiles) -> Vec<RecordEnvelope> {
    demo.records_of("MOH")
        .into_iter()
        .filter(|e| !matches!(e.record, Record::DecisionStatus(_)))
        .collect()
}

/// Makes the disk full (or prepares the file-size limit).
fn make_full(agent: &Agent, mount: Option<Tmpfs>) -> Full {
    match mount {
        Some(m) => {
            let filler = fill(m.path(), 1024 * 1024);
            Full::Tmpfs { _mount: m, filler }
        }
        None => {
            let db = agent.dir.join("store").join("db");
            let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
            Full::FileSize(size + 1024 * 1024)
        }
    }
}

/// `import FILE` under the disk condition.
fn import_when_full(ws: &Workspace, agent: &Agent, full: &Full, file: &Path) -> Finished {
    let mut cmd = agent.command(&["import"]);
    cmd.arg(file);
    if let Full::FileSize(limit) = full {
        limit_file_size(&mut cmd, *limit);
    }
    run(
        cmd,
        "agent-MOH-import-full",
        &ws.logs(),
        std::time::Duration::from_secs(120),
    )
}

#[test]
fn a_full_disk_fails_the_import_cleanly_and_the_same_import_works_when_space_returns() {
    let ws = Workspace::new("disk-full");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let collector = CollectorProc::start(
        &ws.join("collector"),
        &demo.centers_toml(),
        &ws.logs(),
        CollectorConfig::default(),
    );
    let (agent, mount) = agent_on_small_disk(&ws, &demo, &collector.url());
    let before = agent.status();
    let big = budget_lines("MOH", 2022, 10_000);
    let file = ws.join("budget-2022.json");
    write_json(&file, &big);

    let full = make_full(&agent, mount);
    let how = match &full {
        Full::Tmpfs { .. } => "tmpfs filled to 1 MiB free (ENOSPC)",
        Full::FileSize(_) => "RLIMIT_FSIZE (EFBIG)",
    };
    let failed = import_when_full(&ws, &agent, &full, &file).expect_failure();
    assert!(
        failed.stderr.contains("nothing from this file was stored"),
        "{}",
        failed.describe("should say that nothing was stored")
    );
    if let Full::Tmpfs { .. } = full {
        assert!(
            failed
                .stderr
                .contains("the disk holding the data store is full"),
            "{}",
            failed.describe("should say the disk is full")
        );
    }

    // Space returns (or the limit is lifted): the store reads as before, and the import works.
    if let Full::Tmpfs { filler, .. } = &full {
        std::fs::remove_file(filler).unwrap_or_else(|e| panic!("removing the filler: {e}"));
    }
    let after: AgentStatus = agent.status();
    assert_eq!(after, before, "the failed import changed the store");
    agent.run(&["doctor"]).expect_success();
    let ok = agent.import(std::slice::from_ref(&file)).expect_success();
    assert!(
        ok.stdout.contains("10000 rows stored (10000 new"),
        "{}",
        ok.stdout
    );
    agent.push().expect_success();
    assert!(agent.status().drained());

    let mut records = own_records(&demo);
    records.extend(big);
    assert_eq!(collector.record_count() as usize, records.len());
    assert_collector_boards(
        &collector,
        &oracle(&demo.data.centers, records),
        "after space returned",
    );
    eprintln!(
        "[e2e] disk full ({how}): import refused with a clear message, store unchanged, import and push worked after"
    );
    drop(full);
}

/// While the disk is full, `status` and `doctor` must read the store; once space returns the
/// store must be as it was, and `doctor` must never take a full disk for a damaged store.
///
/// Found (sled 0.34.7): opening a store writes to it (its `conf`, and a snapshot file
/// `snap.N.generating` renamed when complete), so on a full disk even `status` fails ("the
/// disk … is full"). The failed snapshot write leaves the empty `.generating` file behind;
/// every later open reads it as the newest snapshot and fails with "Read corrupted data", even
/// after space returns, and `doctor` then moves the whole store (records and unsent outbox)
/// aside to `store.damaged-…` and starts an empty one. Deleting the `.generating` file by
/// hand recovers the store (known upstream: spacejam/sled#1527, #1533). With RLIMIT_FSIZE
/// instead of a tmpfs (no mount allowed), the open fails with EFBIG, which the store does not
/// recognise as "disk full" (nor would it EDQUOT, a quota): `doctor` sets the intact store
/// aside at once.
#[test]
#[ignore = "bug: the store cannot be opened while the disk is full; on tmpfs it stays unopenable after space returns, and doctor sets it aside"]
fn a_full_disk_leaves_the_store_readable_and_intact_when_space_returns() {
    let ws = Workspace::new("disk-full-readable");
    let demo = DemoFiles::write(&ws.join("demo"), &ws.logs());
    let file = ws.join("budget-2022.json");
    write_json(&file, &budget_lines("MOH", 2022, 10_000));
    let expected = own_records(&demo).len() as u64;
    let problems = match Tmpfs::mount(&ws.join("small-disk"), 64 * 1024 * 1024) {
        Ok(mount) => full_tmpfs_problems(&ws, &demo, &mount, &file, expected),
        Err(why) => {
            eprintln!("[e2e] no tmpfs ({why}): the store is read under RLIMIT_FSIZE instead");
            file_size_limit_problems(&ws, &demo, &file, expected)
        }
    };
    assert!(problems.is_empty(), "{}", problems.join("\n\n"));
}

/// On a filled tmpfs: fresh stores, a failed import, `status` with every byte taken, then
/// `status` and `doctor` once space returns. Whether an opening needs a new snapshot depends
/// on where sled's log stands, so a few fresh stores are tried.
fn full_tmpfs_problems(
    ws: &Workspace,
    demo: &DemoFiles,
    mount: &Tmpfs,
    file: &Path,
    expected: u64,
) -> Vec<String> {
    let root = mount.path();
    let mut problems = Vec::new();
    for attempt in 1..=8 {
        let agent = Agent::init(
            &root.join(format!("agent-{attempt}")),
            "MOH",
            "http://127.0.0.1:9",
            Some(&demo.key_file("MOH")),
            &ws.logs(),
        );
        agent.import(&own_files(demo)).expect_success();
        let filler = fill(root, 1024 * 1024);
        agent.import(&[file.to_path_buf()]).expect_failure();
        let _ = agent.run(&["status"]);
        let rest = fill_completely(root);
        let status = agent.run(&["--json", "status"]);
        if !status.success() {
            problems.push(status.describe(&format!(
                "could not read the store while the disk was full (attempt {attempt})"
            )));
        }
        let _ = std::fs::remove_file(&rest);
        let _ = std::fs::remove_file(&filler);
        check_store_after(&agent, expected, &mut problems);
        if !problems.is_empty() {
            break;
        }
        let _ = std::fs::remove_dir_all(&agent.dir);
    }
    problems
}

/// Under RLIMIT_FSIZE: a failed import, then `status` and `doctor` with the limit still in
/// force, then `status` without it.
fn file_size_limit_problems(
    ws: &Workspace,
    demo: &DemoFiles,
    file: &Path,
    expected: u64,
) -> Vec<String> {
    let agent = Agent::init(
        &ws.join("agent-MOH"),
        "MOH",
        "http://127.0.0.1:9",
        Some(&demo.key_file("MOH")),
        &ws.logs(),
    );
    agent.import(&own_files(demo)).expect_success();
    let full = make_full(&agent, None);
    import_when_full(ws, &agent, &full, file).expect_failure();
    let Full::FileSize(limit) = full else {
        unreachable!("no tmpfs here")
    };
    let mut problems = Vec::new();
    let limited = |args: &[&str]| {
        let mut cmd = agent.command(args);
        limit_file_size(&mut cmd, limit);
        run(
            cmd,
            "agent-MOH-limited",
            &ws.logs(),
            std::time::Duration::from_secs(60),
        )
    };
    let status = limited(&["--json", "status"]);
    if !status.success() {
        problems.push(status.describe("could not read the store with its file size limited"));
    }
    let doctor = limited(&["doctor"]);
    if !doctor.success() {
        problems.push(doctor.describe("did not find the store intact with its file size limited"));
    }
    check_store_after(&agent, expected, &mut problems);
    problems
}

/// `status` shows the store as before the failed import, and `doctor` leaves it in place.
fn check_store_after(agent: &Agent, expected: u64, problems: &mut Vec<String>) {
    let status = agent.run(&["--json", "status"]);
    if !status.success() {
        let left: Vec<String> = std::fs::read_dir(agent.dir.join("store"))
            .map(|d| {
                d.flatten()
                    .map(|e| e.file_name().to_string_lossy().into_owned())
                    .collect()
            })
            .unwrap_or_default();
        problems.push(format!(
            "{}\nthe store folder holds: {left:?}",
            status.describe("could not read the store once space returned")
        ));
    } else {
        let v = status.json();
        if v["records"] != expected || v["outbox"] != expected {
            problems.push(format!("the store changed: {v}"));
        }
    }
    let doctor = agent.run(&["doctor"]);
    let set_aside: Vec<String> = std::fs::read_dir(&agent.dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("store.damaged"))
                .collect()
        })
        .unwrap_or_default();
    if !doctor.success() || !set_aside.is_empty() {
        problems.push(format!(
            "{}\nset aside: {set_aside:?}",
            doctor.describe("did not find the store intact")
        ));
    }
}

/// Takes every free byte of the file system holding `dir`; returns the file to delete.
fn fill_completely(dir: &Path) -> PathBuf {
    use std::io::Write;
    let path = dir.join("filler-rest");
    if let Ok(mut f) = std::fs::File::create(&path) {
        let page = [0u8; 4096];
        while f.write_all(&page).is_ok() {}
        let _ = f.sync_all();
    }
    path
}
