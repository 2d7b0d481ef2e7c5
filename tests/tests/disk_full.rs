//! A full disk on the agent's machine. Where the test may mount (root with CAP_SYS_ADMIN), the
//! agent's data directory is a 64 MiB `tmpfs`, filled but for 1 MiB by another file: the
//! import meets ENOSPC, exactly as on a full disk. Where mounting is refused (or with
//! `RASID_E2E_DISK=rlimit`), the failing `import` runs with RLIMIT_FSIZE set to its store's
//! size plus 1 MiB (SIGXFSZ ignored), so the store's writes past it fail with EFBIG: the same
//! failure path in sled and in the store, another errno, the same message (a file-size limit or
//! a quota counts as a full disk). The test prints which it used.
//!
//! Checked either way: the import fails saying the disk is full and nothing from the file was
//! stored; once space returns (filler deleted, limit lifted) `status` shows the store exactly
//! as before and `doctor` finds it sound; the same import then works and its records reach
//! the collector exactly. Reading the store while the disk is *still* full is the second test.

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
    let collector = CollectorProc::start_demo(&ws, &demo, CollectorConfig::default());
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
    assert!(
        failed.stderr.contains(DISK_FULL),
        "{}",
        failed.describe("should say the disk is full")
    );

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

/// What the store says when there is no room for a write.
const DISK_FULL: &str = "the disk holding the data store is full";

/// While the disk is full, `status` and `doctor` read the store; once space returns the store
/// is as it was; `doctor` never takes a full disk for a damaged store.
///
/// Why this needs care (sled 0.34.7): opening a store whose log moved on since its newest
/// snapshot writes a new one (`snap.N.generating`, renamed `snap.N` when complete) and zeroes
/// the unused end of the log. This used to break the store: on a full disk the snapshot write
/// failed and left an empty `.generating` file, which every later opening read as the newest
/// snapshot ("Read corrupted data", also once space had returned: spacejam/sled#1527), and
/// `doctor` then moved the whole store, unsent outbox included, aside. Now `Store::open`
/// removes such leftovers (while no process holds the store), keeps a reserve of space that it
/// gives up when opening meets a full disk, counts EDQUOT and EFBIG as a full disk, and
/// `doctor` sets a store aside only for damage sled reports.
///
/// On a filled tmpfs, `status` and `doctor` must succeed with every byte taken, both right after
/// an import (opening must write a snapshot: the reserve pays for it) and after a failed import.
///
/// Under RLIMIT_FSIZE (no tmpfs), `status` and `doctor` with the limit still in force may only
/// fail saying the disk is full, and must leave the store where it is. They usually do fail,
/// and no code of ours can avoid it with sled 0.34: the failed import wrote the log up to the
/// limit, and the next opening's recovery zeroes that torn last segment to its end, past the
/// limit (EFBIG); freeing space cannot lift a limit on a file's size. Once the limit is lifted
/// the store must read as before.
#[test]
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

/// On a filled tmpfs: fresh stores; `status` and `doctor` with every byte taken right after an
/// import; a failed import, then `status` with every byte taken; then `status` and `doctor`
/// once space returns. Whether an opening after the failed import needs a new snapshot depends
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
        // The log moved on since the last snapshot: this opening has to write one.
        let all = fill_completely(root);
        problems.extend(read_while_full(
            &agent,
            expected,
            &format!("after an import (attempt {attempt})"),
        ));
        let _ = std::fs::remove_file(&all);
        let filler = fill(root, 1024 * 1024);
        let failed = agent.import(&[file.to_path_buf()]).expect_failure();
        if !failed.stderr.contains(DISK_FULL) {
            problems.push(failed.describe("did not say the disk is full"));
        }
        let _ = agent.run(&["status"]);
        let rest = fill_completely(root);
        problems.extend(read_while_full(
            &agent,
            expected,
            &format!("after a failed import (attempt {attempt})"),
        ));
        let _ = std::fs::remove_file(&rest);
        let _ = std::fs::remove_file(&filler);
        check_store_after(&agent, expected, &mut problems);
        if !problems.is_empty() {
            break;
        }
        let _ = std::fs::remove_dir_all(&agent.dir);
        if attempt == 8 {
            eprintln!(
                "[e2e] disk full (tmpfs): 8 fresh stores read with every byte taken, after an import and after a failed import; intact when space returned"
            );
        }
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
    // Either reads the store or says the disk is full (see the test's comment for why it
    // usually cannot read it); nothing else, and the store stays where it is.
    let status = limited(&["--json", "status"]);
    if status.success() {
        let v = status.json();
        if v["records"] != expected || v["outbox"] != expected {
            problems.push(format!("the store changed: {v}"));
        }
    } else if status.status.code().is_none() || !status.stderr.contains(DISK_FULL) {
        problems.push(status.describe(
            "neither read the store nor said the disk is full with its file size limited",
        ));
    }
    let doctor = limited(&["doctor"]);
    if !doctor.success()
        && (doctor.status.code().is_none()
            || !doctor.stderr.contains(DISK_FULL)
            || !doctor.stderr.contains("left as it is"))
    {
        problems.push(doctor.describe(
            "neither found the store sound nor said the disk is full with its file size limited",
        ));
    }
    eprintln!(
        "[e2e] disk full (RLIMIT_FSIZE): with the limit in force, status {} and doctor {}",
        if status.success() {
            "read the store"
        } else {
            "said the disk is full"
        },
        if doctor.success() {
            "found it sound"
        } else {
            "said the disk is full"
        },
    );
    problems.extend(
        set_aside(agent.dir.as_path())
            .into_iter()
            .map(|n| format!("doctor set the store aside as {n} with its file size limited")),
    );
    check_store_after(&agent, expected, &mut problems);
    problems
}

/// `status` and `doctor` while the disk is full: both read the store as it was.
fn read_while_full(agent: &Agent, expected: u64, when: &str) -> Vec<String> {
    let mut problems = Vec::new();
    let status = agent.run(&["--json", "status"]);
    if !status.success() {
        problems.push(status.describe(&format!(
            "could not read the store while the disk was full, {when}"
        )));
    } else {
        let v = status.json();
        if v["records"] != expected || v["outbox"] != expected {
            problems.push(format!("the store changed ({when}): {v}"));
        }
    }
    let doctor = agent.run(&["doctor"]);
    if !doctor.success() {
        problems.push(doctor.describe(&format!(
            "did not find the store sound while the disk was full, {when}"
        )));
    }
    problems.extend(
        set_aside(&agent.dir)
            .into_iter()
            .map(|n| format!("doctor set the store aside as {n} while the disk was full, {when}")),
    );
    problems
}

/// The stores `doctor` set aside in the data directory `dir`.
fn set_aside(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with("store.damaged"))
                .collect()
        })
        .unwrap_or_default()
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
    let set_aside = set_aside(&agent.dir);
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
