//! The agent speaks the clerk's language: `--help` of every command, `status`, `doctor`,
//! `rejected` and the agent's own errors in Arabic and Persian carry no English word but
//! names (commands, options, placeholders, values typed as they are, codes, paths); and the
//! language is chosen by `--lang`, else `RASID_LANG`, else the `language` key of
//! rasid-agent.toml, else the system's locale, else English. Real processes, temp data folders.
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

/// The variables that choose a language, removed so that each test sets its own.
const LANGUAGE_VARIABLES: [&str; 5] = ["RASID_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"];

/// `rasid-agent ARGS…` with only the language variables of `env` set (and the locale C unless
/// `env` names one), so that this machine's own language never shows.
fn agent_with(env: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_rasid-agent"));
    for v in LANGUAGE_VARIABLES {
        cmd.env_remove(v);
    }
    cmd.env_remove("RASID_DATA");
    cmd.env("LC_ALL", "C").env("LANG", "C");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.args(args).output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// Words of Latin letters that may stand in Arabic or Persian text: what the user types as it
/// is (commands, values), and names.
const NAMES: &[&str] = &[
    // Commands.
    "rasid-agent",
    "rasid-kiosk",
    "init",
    "import",
    "status",
    "push",
    "decisions",
    "update",
    "rejected",
    "run",
    "doctor",
    "template",
    "demo-data",
    "check-config",
    "serve",
    "help",
    // Values typed as they are.
    "decision-status",
    "budget",
    "kpi",
    "committee",
    "project",
    "project-progress",
    "complaints",
    "legislation",
    "legal-memoranda",
    "decision",
    "session",
    "utf-8",
    "windows-1256",
    "gregorian",
    "hijri",
    "solar-hijri",
    "not-started",
    "in-progress",
    "executed",
    "blocked",
    "call",
    "letter",
    "message",
    "memo",
    "ar",
    "fa",
    "en",
    "Ctrl-C",
    // Names of a folder and of a configuration's table.
    "rasid-data",
    "wall",
];

/// The words of `text` that are English: Latin words with a small letter that are not a name
/// of [`NAMES`], an option (`--data`), a placeholder (`<DATA>`), a path or address (with `.`,
/// `/` or `@`), or quoted as code (`` `rasid-agent decisions` ``). Capitals only (`JSON`,
/// `MOH`, `[OPTIONS]`, `RASID_DATA`) are names.
fn english_words(text: &str) -> Vec<String> {
    // Code in backticks is what the person types.
    let mut plain = String::new();
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 0 {
            plain.push_str(part);
            plain.push(' ');
        }
    }
    let mut found = Vec::new();
    for token in plain.split(|c: char| c.is_whitespace() || "،؛«»()[]<>,;'\"".contains(c)) {
        let word = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_');
        let has_small_latin = word.chars().any(|c| c.is_ascii_lowercase());
        let is_name =
            word.starts_with('-') || token.contains(['.', '/', '@']) || NAMES.contains(&word);
        if has_small_latin && !is_name {
            found.push(word.to_string());
        }
    }
    found
}

fn assert_no_english(what: &str, text: &str) {
    let words = english_words(text);
    assert!(
        words.is_empty(),
        "{what}: English words {words:?} in:\n{text}"
    );
}

#[test]
fn the_english_word_finder_finds_english_and_spares_names() {
    assert_eq!(
        english_words("  -h, --help         Print help"),
        ["Print".to_string()]
    );
    assert!(english_words("[default: rasid-data]").contains(&"default".to_string()));
    assert!(english_words("الجهة:         MOH  http://127.0.0.1:9 `rasid-agent decisions` --data <DATA> [OPTIONS] budget").is_empty());
}

/// The commands, as the packaged help (deploy/help/rasid-agent.txt, held to what the binary
/// prints by tests/help_text.rs) lists them: `$ rasid-agent NAME --help`.
fn commands() -> Vec<String> {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../deploy/help/rasid-agent.txt");
    std::fs::read_to_string(file)
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("$ rasid-agent ")?.strip_suffix(" --help"))
        .filter(|c| !c.is_empty() && !c.starts_with('-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn help_of_every_command_in_arabic_and_persian_has_no_english_but_names() {
    let commands = commands();
    assert!(commands.len() > 10, "{commands:?}");
    for lang in ["ar", "fa"] {
        let top = agent_with(&[], &["--lang", lang, "--help"]);
        assert!(top.status.success());
        assert_no_english(&format!("{lang} --help"), &text(&top));
        for c in &commands {
            let out = agent_with(&[("RASID_LANG", lang)], &[c, "--help"]);
            assert!(out.status.success(), "{lang} {c} --help: {}", text(&out));
            assert_no_english(&format!("{lang} {c} --help"), &text(&out));
        }
    }
    // The same help in English is clap's, with its English headings.
    let en = text(&agent_with(&[("RASID_LANG", "en")], &["status", "--help"]));
    assert!(
        en.contains("Usage: rasid-agent status") && en.contains("Print help"),
        "{en}"
    );
}

/// A data folder set up by `init` for MOH, with a collector nobody listens at.
fn set_up(dir: &Path) {
    let data = dir.to_str().unwrap();
    let out = agent_with(
        &[("RASID_LANG", "en")],
        &[
            "--data",
            data,
            "init",
            "--center",
            "MOH",
            "--upstream",
            "http://127.0.0.1:9",
        ],
    );
    assert!(out.status.success(), "{}", text(&out));
}

#[test]
fn status_doctor_and_rejected_in_arabic_and_persian_have_no_english_but_names() {
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path());
    let data = dir.path().to_str().unwrap();
    for lang in ["ar", "fa"] {
        for command in ["status", "doctor", "rejected"] {
            let out = agent_with(&[], &["--lang", lang, "--data", data, command]);
            assert!(out.status.success(), "{lang} {command}: {}", text(&out));
            assert_no_english(&format!("{lang} {command}"), &text(&out));
        }
        // The agent's own errors: no list of decisions yet; no agent in this folder.
        let out = agent_with(
            &[],
            &["--lang", lang, "--data", data, "decisions", "--offline"],
        );
        assert!(!out.status.success());
        assert_no_english(&format!("{lang} decisions --offline"), &text(&out));
        let empty = tempfile::tempdir().unwrap();
        let out = agent_with(
            &[("RASID_LANG", lang)],
            &["--data", empty.path().to_str().unwrap(), "status"],
        );
        assert!(!out.status.success());
        assert_no_english(&format!("{lang} status without an agent"), &text(&out));
    }
    // The same in English, as it always was.
    let out = agent_with(&[("RASID_LANG", "en")], &["--data", data, "status"]);
    let status = text(&out);
    assert!(status.starts_with("center:        MOH\n"), "{status}");
    assert!(status.contains("last push:     never\n"), "{status}");
}

/// `status`, `doctor` and `push` of the agent set up in `dir`, in Arabic and in Persian, on a
/// store they cannot open (`what`): each fails and says so with no English but names, naming the
/// store's folder, and `doctor` sets nothing aside. What each said, for more checks.
fn refused_in_arabic_and_persian(dir: &Path, what: &str) -> Vec<String> {
    let data = dir.to_str().unwrap();
    let store_dir = dir.join("store");
    let mut said_all = Vec::new();
    for lang in ["ar", "fa"] {
        for command in ["status", "doctor", "push"] {
            let out = agent_with(&[], &["--lang", lang, "--data", data, command]);
            assert!(!out.status.success(), "{lang} {command}: {}", text(&out));
            let said = text(&out);
            assert_no_english(&format!("{lang} {command} {what}"), &said);
            assert!(said.contains(store_dir.to_str().unwrap()), "{said}");
            said_all.push(said);
        }
    }
    let entries: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !entries.iter().any(|e| e.starts_with("store.damaged")),
        "{entries:?}"
    );
    said_all
}

/// A store written by a newer release (its format set above this release's) is refused by every
/// command that opens it, in the clerk's language, naming the folder and what to do; the store
/// stays as it was.
#[test]
fn a_store_of_a_newer_release_is_refused_in_the_clerks_language() {
    use rasid_shared::store::{CURRENT_FORMAT, Store, StoreError};
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path());
    let data = dir.path().to_str().unwrap();
    let store_dir = dir.path().join("store");
    let newer = CURRENT_FORMAT + 1;
    {
        let store = Store::open(&store_dir).unwrap();
        store.set_meta("store.format", &newer).unwrap();
        store.flush().unwrap();
    }
    // sled lets go of its folder a moment after the handle is dropped.
    let mut english = String::new();
    for _ in 0..200 {
        let out = agent_with(&[("RASID_LANG", "en")], &["--data", data, "status"]);
        assert!(!out.status.success());
        english = text(&out);
        if english.contains("newer release") {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(25));
    }
    assert!(
        english.contains(&format!("store format {newer}"))
            && english.contains("Install that release again"),
        "{english}"
    );
    for said in refused_in_arabic_and_persian(dir.path(), "on a newer store") {
        assert!(said.contains("راصد"), "{said}");
    }
    // Left as it was: still the newer format, and not set aside by `doctor`.
    let reopened = loop {
        match Store::open(&store_dir) {
            Err(StoreError::Open { .. } | StoreError::InUse { .. }) => {
                std::thread::sleep(std::time::Duration::from_millis(25))
            }
            other => break other,
        }
    };
    assert!(
        matches!(reopened, Err(StoreError::Newer { found, .. }) if found == newer),
        "{:?}",
        reopened.as_ref().err()
    );
}

/// While another process holds the store (the service `rasid-agent run`, say), a command says
/// so in the clerk's language, naming the folder and what to do, and changes nothing: `doctor`
/// sets nothing aside.
#[test]
fn a_store_in_use_by_another_process_is_said_in_the_clerks_language() {
    use rasid_shared::store::Store;
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path());
    let data = dir.path().to_str().unwrap();
    let store_dir = dir.path().join("store");
    let held = Store::open(&store_dir).unwrap();
    let out = agent_with(&[("RASID_LANG", "en")], &["--data", data, "status"]);
    assert!(!out.status.success());
    let english = text(&out);
    assert!(
        english.contains("is in use by another rasid-agent") && english.contains("rasid-agent run"),
        "{english}"
    );
    refused_in_arabic_and_persian(dir.path(), "on a store in use");
    assert_eq!(held.record_count(), 0);
}

/// The language `status` spoke in, by its first word.
fn language_of_status(env: &[(&str, &str)], args: &[&str]) -> &'static str {
    let out = agent_with(env, args);
    let shown = text(&out);
    assert!(out.status.success(), "{shown}");
    match shown.split(':').next().unwrap_or_default() {
        "center" => "en",
        "الجهة" => "ar",
        "دستگاه" => "fa",
        _ => panic!("status in no known language: {shown}"),
    }
}

#[test]
fn the_flag_beats_the_variable_beats_the_configuration_beats_the_locale_beats_english() {
    let dir = tempfile::tempdir().unwrap();
    set_up(dir.path());
    let data = dir.path().to_str().unwrap();
    let config = dir.path().join("rasid-agent.toml");
    let written = std::fs::read_to_string(&config).unwrap();
    // `init` writes the documented default, Arabic.
    assert!(written.contains("language = \"arabic\""), "{written}");
    let persian = written.replace("language = \"arabic\"", "language = \"persian\"");
    std::fs::write(&config, &persian).unwrap();
    let status = ["--data", data, "status"];
    let arabic_locale = ("LC_ALL", "ar_SA.UTF-8");

    // --lang, before or after the command, beats RASID_LANG.
    let flag = ["--lang", "en", "--data", data, "status"];
    assert_eq!(language_of_status(&[("RASID_LANG", "ar")], &flag), "en");
    let late = [&status[..], &["--lang=fa"]].concat();
    assert_eq!(language_of_status(&[("RASID_LANG", "ar")], &late), "fa");
    // RASID_LANG beats the configuration.
    assert_eq!(language_of_status(&[("RASID_LANG", "ar")], &status), "ar");
    // The configuration (found by --data=, or by RASID_DATA) beats the locale.
    let equals = format!("--data={data}");
    assert_eq!(
        language_of_status(&[arabic_locale], &[&equals, "status"]),
        "fa"
    );
    assert_eq!(
        language_of_status(&[arabic_locale, ("RASID_DATA", data)], &["status"]),
        "fa"
    );
    // Without the key, the locale.
    let without: String = persian
        .lines()
        .filter(|l| !l.starts_with("language"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&config, without).unwrap();
    assert_eq!(language_of_status(&[arabic_locale], &status), "ar");
    assert_eq!(
        language_of_status(&[("LC_ALL", "fa_IR.UTF-8")], &status),
        "fa"
    );
    // Without any, English.
    assert_eq!(language_of_status(&[], &status), "en");
    assert_eq!(
        language_of_status(&[("LC_ALL", "de_DE.UTF-8")], &status),
        "en"
    );
}

#[test]
fn a_language_the_agent_does_not_speak_is_refused_naming_those_it_does() {
    for (env, args) in [
        (vec![], vec!["--lang", "french", "status"]),
        (vec![("RASID_LANG", "de")], vec!["--help"]),
    ] {
        let out = agent_with(&env, &args);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out));
        let shown = text(&out);
        assert!(
            shown.contains(
                "is not a language the agent speaks; use ar (Arabic), fa (Persian) or en (English)"
            ),
            "{shown}"
        );
    }
}

/// The import report of `file` (copied into `dir` as `name`) by `rasid-agent --lang ar`.
fn arabic_report(dir: &Path, name: &str) -> String {
    let file = dir.join(name);
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/report/decision-status-report.csv"),
        &file,
    )
    .unwrap();
    let data = dir.join("data");
    let out = agent_with(
        &[],
        &[
            "--lang",
            "ar",
            "--data",
            data.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ],
    );
    assert!(!out.status.success(), "the file is refused");
    text(&out)
}

/// `status` by `rasid-agent --lang ar`.
fn arabic_status(data: &Path) -> String {
    let out = agent_with(
        &[],
        &["--lang", "ar", "--data", data.to_str().unwrap(), "status"],
    );
    assert!(out.status.success(), "{}", text(&out));
    text(&out)
}

#[test]
fn the_agents_own_numbers_are_in_the_digits_the_configuration_names_and_the_clerks_stay() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    set_up(&data);
    // Without the key: Western digits, as ever.
    let report = arabic_report(dir.path(), "decision-status-2023.csv");
    assert!(report.contains("وُجدت 10 مشكلات"), "{report}");
    assert!(report.contains("الصف 3،"), "{report}");
    assert!(arabic_status(&data).contains(" 0\n"));

    let config = data.join("rasid-agent.toml");
    let mut toml = std::fs::read_to_string(&config).unwrap();
    toml.push_str("digits = \"arabic-indic\"\n");
    std::fs::write(&config, toml).unwrap();
    let report = arabic_report(dir.path(), "decision-status-2023.csv");
    // The agent's count and row numbers in Arabic-Indic digits…
    assert!(report.contains("وُجدت ١٠ مشكلات"), "{report}");
    assert!(report.contains("الصف ٣،"), "{report}");
    assert!(report.contains("الصف ١١،"), "{report}");
    // …the clerk's values and the file's name as written.
    assert!(report.contains("«18/212/8x»"), "{report}");
    assert!(report.contains("«31/2/2023»"), "{report}");
    assert!(report.contains("decision-status-2023.csv"), "{report}");
    assert!(!report.contains("الصف 3،"), "{report}");
    let status = arabic_status(&data);
    assert!(
        status.contains(" ٠\n") && !status.contains(" 0\n"),
        "{status}"
    );
    // --json stays Western, for scripts.
    let out = agent_with(
        &[],
        &[
            "--lang",
            "ar",
            "--data",
            data.to_str().unwrap(),
            "--json",
            "status",
        ],
    );
    assert!(text(&out).contains("\"records\":0"), "{}", text(&out));

    // A value that is not a set of digits is refused with its line and key.
    let toml = std::fs::read_to_string(&config)
        .unwrap()
        .replace("arabic-indic", "hindi");
    std::fs::write(&config, toml).unwrap();
    let out = agent_with(
        &[("RASID_LANG", "en")],
        &["check-config", config.to_str().unwrap()],
    );
    let said = text(&out);
    assert!(!out.status.success(), "{said}");
    assert!(
        said.contains("digits") && said.contains("'hindi' is not a set of digits"),
        "{said}"
    );
}
