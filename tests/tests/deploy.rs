//! What a meeting room is installed from (docs/DEPLOY.md): the systemd units under
//! deploy/systemd/ pass `systemd-analyze verify`, and the Debian packages' metadata
//! (`[package.metadata.deb]` of agent/ and kiosk/, built with `cargo deb`) names files that
//! exist, the units, the example configurations, the help texts and the fonts' licence.
//!
//! `RASID_BUILD_DEBS=1` also builds both packages (`cargo deb`, a release build: many minutes;
//! needs `cargo install cargo-deb`) and checks each .deb's file list against its metadata.

use std::path::{Path, PathBuf};
use std::process::Command;

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_path_buf()
}

fn units() -> Vec<PathBuf> {
    let dir = workspace_root().join("deploy/systemd");
    let mut units: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "service"))
        .collect();
    units.sort();
    units
}

/// The programs units start that this machine may lack (`cage`, `xinit`, the Rasid binaries
/// before installation): `systemd-analyze verify` insists that ExecStart names an executable.
const INSTALLED_LATER: &[&str] = &[
    "/usr/bin/rasid-agent",
    "/usr/bin/rasid-kiosk",
    "/usr/bin/cage",
    "/usr/bin/xinit",
];

/// `systemd-analyze verify` of `unit`, with the programs of [`INSTALLED_LATER`] replaced by
/// stubs in `stubs`: its exit status and everything it printed.
fn verify(unit: &Path, stubs: &Path) -> (bool, String) {
    let mut text = std::fs::read_to_string(unit).expect("reading a unit");
    for program in INSTALLED_LATER {
        let name = Path::new(program).file_name().expect("a file name");
        let stub = stubs.join("bin").join(name);
        std::fs::create_dir_all(stub.parent().expect("bin")).expect("stub folder");
        std::fs::write(&stub, "#!/bin/sh\n").expect("writing a stub");
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&stub, std::fs::Permissions::from_mode(0o755)).expect("chmod");
        text = text.replace(program, &stub.to_string_lossy());
    }
    let copy = stubs.join(unit.file_name().expect("a unit's name"));
    std::fs::write(&copy, text).expect("writing the unit's copy");
    let out = Command::new("systemd-analyze")
        .args(["verify", "--man=no"])
        .arg(&copy)
        .output()
        .expect("running systemd-analyze");
    let printed = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), printed)
}

fn systemd_analyze_installed() -> bool {
    Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok()
}

#[test]
fn every_unit_passes_systemd_analyze_verify_without_a_word() {
    if !systemd_analyze_installed() {
        eprintln!("SKIPPED: systemd-analyze is not installed (apt-get install systemd)");
        return;
    }
    let units = units();
    let names: Vec<_> = units.iter().filter_map(|u| u.file_name()).collect();
    assert_eq!(
        names,
        [
            "rasid-agent.service",
            "rasid-collector.service",
            "rasid-kiosk-x11.service",
            "rasid-kiosk.service"
        ]
    );
    let stubs = tempfile::tempdir().expect("a temp dir");
    for unit in &units {
        let (ok, printed) = verify(unit, stubs.path());
        assert!(
            ok && printed.trim().is_empty(),
            "{}:\n{printed}",
            unit.display()
        );
    }
}

#[test]
fn systemd_analyze_verify_catches_a_mistyped_key() {
    if !systemd_analyze_installed() {
        eprintln!("SKIPPED: systemd-analyze is not installed (apt-get install systemd)");
        return;
    }
    let dir = tempfile::tempdir().expect("a temp dir");
    let unit = dir.path().join("rasid-agent.service");
    let good = std::fs::read_to_string(workspace_root().join("deploy/systemd/rasid-agent.service"))
        .expect("the agent's unit");
    std::fs::write(&unit, good.replace("WatchdogSec=", "WatchDogSec=")).expect("writing");
    let stubs = dir.path().join("stubs");
    let (_, printed) = verify(&unit, &stubs);
    assert!(printed.contains("WatchDogSec"), "{printed}");
}

/// The units each service unit must carry (the hardening and watchdog).
#[test]
fn services_are_hardened_and_watched() {
    for unit in units() {
        let text = std::fs::read_to_string(&unit).expect("reading a unit");
        let name = unit
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let has = |line: &str| text.lines().any(|l| l.trim() == line);
        let mut wanted = vec!["Type=notify", "NoNewPrivileges=yes"];
        if name.starts_with("rasid-kiosk") {
            wanted.extend(["NotifyAccess=all", "Restart=always", "TTYPath=/dev/tty1"]);
            wanted.extend(["User=rasid-wall", "StateDirectory=rasid-kiosk"]);
        } else {
            wanted.extend(["ProtectSystem=strict", "Restart=on-failure", "User=rasid"]);
        }
        for line in wanted {
            assert!(has(line), "{name} lacks {line}");
        }
        assert!(
            text.lines().any(|l| l.starts_with("WatchdogSec=")),
            "{name} has no WatchdogSec="
        );
        assert!(
            text.lines().any(|l| l.starts_with("StateDirectory=")),
            "{name} has no StateDirectory="
        );
    }
}

/// The `[package.metadata.deb]` table of `crate_dir`/Cargo.toml.
fn deb_metadata(crate_dir: &str) -> toml::Table {
    let path = workspace_root().join(crate_dir).join("Cargo.toml");
    let text = std::fs::read_to_string(&path).expect("reading Cargo.toml");
    let manifest: toml::Table = toml::from_str(&text).expect("Cargo.toml parses");
    manifest
        .get("package")
        .and_then(|p| p.get("metadata"))
        .and_then(|m| m.get("deb"))
        .and_then(|d| d.as_table())
        .cloned()
        .unwrap_or_else(|| panic!("{} has no [package.metadata.deb]", path.display()))
}

/// (source, destination) of every asset; sources relative to the crate, as cargo-deb reads them.
fn assets(meta: &toml::Table) -> Vec<(String, String)> {
    let list = meta
        .get("assets")
        .and_then(|a| a.as_array())
        .expect("assets = [...]");
    list.iter()
        .map(|a| {
            let a = a
                .as_array()
                .expect("an asset is [source, destination, mode]");
            assert_eq!(a.len(), 3, "{a:?}");
            let s = |i: usize| a[i].as_str().expect("a string").to_string();
            let mode = s(2);
            assert!(
                mode.len() == 3 && mode.chars().all(|c| ('0'..='7').contains(&c)),
                "{mode}"
            );
            (s(0), s(1))
        })
        .collect()
}

#[test]
fn each_package_names_files_that_exist_and_ships_what_a_meeting_room_needs() {
    let cases = [
        (
            "agent",
            "rasid-agent",
            vec![
                "usr/bin/",
                "lib/systemd/system/rasid-agent.service",
                "lib/systemd/system/rasid-collector.service",
                "etc/rasid/collector.env",
                "etc/rasid/centers.toml.example",
                "usr/share/doc/rasid-agent/rasid-agent.txt",
                "usr/share/doc/rasid-agent/DEPLOY.md",
            ],
        ),
        (
            "kiosk",
            "rasid-kiosk",
            vec![
                "usr/bin/",
                "lib/systemd/system/rasid-kiosk.service",
                "lib/systemd/system/rasid-kiosk-x11.service",
                "etc/rasid/kiosk.env",
                "usr/share/doc/rasid-kiosk/fonts/OFL.txt",
                "usr/share/doc/rasid-kiosk/rasid-kiosk.txt",
                "usr/share/doc/rasid-kiosk/DEPLOY.md",
            ],
        ),
    ];
    for (dir, program, wanted) in cases {
        let meta = deb_metadata(dir);
        let base = workspace_root().join(dir);
        let mut installed = Vec::new();
        for (source, dest) in assets(&meta) {
            if source == format!("target/release/{program}") {
                assert_eq!(dest, "usr/bin/");
            } else {
                let file = base.join(&source);
                assert!(file.is_file(), "{dir}: asset {source} does not exist");
            }
            let name = Path::new(&source).file_name().and_then(|n| n.to_str());
            installed.push(match (dest.ends_with('/'), name) {
                (true, Some(n)) if dest != "usr/bin/" => format!("{dest}{n}"),
                _ => dest,
            });
        }
        for w in wanted {
            assert!(
                installed.iter().any(|i| i == w),
                "{dir}: nothing installs {w}: {installed:?}"
            );
        }
        let scripts = meta
            .get("maintainer-scripts")
            .and_then(|s| s.as_str())
            .expect("maintainer-scripts");
        assert!(
            base.join(scripts).join("postinst").is_file(),
            "{dir}: no postinst"
        );
        for conf in meta
            .get("conf-files")
            .and_then(|c| c.as_array())
            .expect("conf-files")
        {
            let conf = conf.as_str().expect("a path");
            let rel = conf.trim_start_matches('/');
            assert!(
                installed.iter().any(|i| i == rel),
                "{dir}: conf-file {conf} is not installed"
            );
        }
    }
}

/// `RASID_BUILD_DEBS=1`: builds both packages with cargo-deb and lists their contents.
#[test]
fn the_debian_packages_build_when_asked() {
    if std::env::var_os("RASID_BUILD_DEBS").is_none() {
        eprintln!("SKIPPED: set RASID_BUILD_DEBS=1 to build the .deb packages (a release build)");
        return;
    }
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    for (program, wanted) in [
        (
            "rasid-agent",
            "./lib/systemd/system/rasid-collector.service",
        ),
        ("rasid-kiosk", "./usr/share/doc/rasid-kiosk/fonts/OFL.txt"),
    ] {
        let out = Command::new(&cargo)
            .current_dir(workspace_root())
            .args(["deb", "-p", program])
            .output()
            .expect("running cargo deb (cargo install cargo-deb)");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            out.status.success(),
            "cargo deb -p {program}:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let deb = stdout
            .lines()
            .last()
            .expect("cargo deb prints the .deb's path")
            .trim();
        let list = Command::new("dpkg-deb")
            .args(["-c", deb])
            .output()
            .expect("dpkg-deb");
        let list = String::from_utf8_lossy(&list.stdout);
        assert!(list.contains(wanted), "{deb} lacks {wanted}:\n{list}");
        // The program, stripped: its symbols are in the -dbgsym package beside it (a wall's
        // binary with its line tables weighs 200 MB, stripped about 30).
        let size = list
            .lines()
            .find(|l| l.ends_with(&format!("./usr/bin/{program}")))
            .and_then(|l| l.split_whitespace().nth(2))
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or_else(|| panic!("{deb} lacks ./usr/bin/{program}:\n{list}"));
        assert!(
            size < 80_000_000,
            "{deb}: /usr/bin/{program} is {size} bytes, not stripped"
        );
        assert!(
            stdout.contains(&format!("{program}-dbgsym_")),
            "no -dbgsym package beside {deb}:\n{stdout}"
        );
    }
}
