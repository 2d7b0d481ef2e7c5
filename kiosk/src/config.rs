//! The wall's configuration (`boards.toml`): screens, the boards each rotates with durations and
//! filters, and how the wall writes (language, calendar, digits, theme, thresholds).
//!
//! Parsing is pure: text in, a checked [`WallConfig`] or every problem with its line and key out.
//! Watching the file or the collector for edits is `ConfigWatcher`'s job. The reference of every
//! key is docs/BOARDS.md, with an example loaded by a test.

use crate::playlist::PlaylistItem;
use crate::text::Digits;
use crate::theme::ThemeName;
use rasid_shared::board::{BoardFilter, BoardName, ClassifyBy, KpiThresholds, Period};
use rasid_shared::config_check::Problems;
use rasid_shared::format::{CalendarKind, Language};
use rasid_shared::model::CenterCode;
use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    wall: WallSection,
    #[serde(default)]
    thresholds: Option<Spanned<ThresholdSection>>,
    #[serde(default, rename = "screen")]
    screens: Vec<ScreenSection>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct WallSection {
    language: Option<Spanned<String>>,
    calendar: Option<Spanned<String>>,
    digits: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    seconds: Option<Spanned<i64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThresholdSection {
    kpi_met: Option<f64>,
    kpi_partly: Option<f64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ScreenSection {
    name: Spanned<String>,
    theme: Option<Spanned<String>>,
    #[serde(default)]
    boards: Vec<BoardEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BoardEntry {
    board: Spanned<String>,
    seconds: Option<Spanned<i64>>,
    center: Option<Spanned<String>>,
    year: Option<Spanned<i64>>,
    period: Option<Spanned<String>>,
    by: Option<Spanned<String>>,
}

/// One screen's rotation and look.
#[derive(Debug, Clone, PartialEq)]
pub struct Screen {
    pub name: String,
    pub theme: ThemeName,
    pub playlist: Vec<PlaylistItem>,
}

/// A checked configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct WallConfig {
    pub language: Language,
    pub calendar: CalendarKind,
    pub digits: Digits,
    pub kpi: KpiThresholds,
    pub screens: Vec<Screen>,
}

impl WallConfig {
    /// The screen named `name`, or the first when `name` is `None`.
    pub fn screen(&self, name: Option<&str>) -> Result<&Screen, String> {
        match name {
            None => self
                .screens
                .first()
                .ok_or_else(|| "boards.toml defines no [[screen]]".to_string()),
            Some(n) => self.screens.iter().find(|s| s.name == n).ok_or_else(|| {
                format!(
                    "boards.toml has no screen named '{n}'; the screens are: {}",
                    self.screens
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            }),
        }
    }
}

/// One problem in boards.toml, with where it is (line and key).
pub use rasid_shared::config_check::ConfigProblem;

/// Parses and checks `text`; on failure, every problem found, each with its line and key.
pub fn parse(text: &str) -> Result<WallConfig, Vec<ConfigProblem>> {
    rasid_shared::config_check::check(text, |file: File, p| Some(check_file(&file, p)))
}

fn check_file(file: &File, p: &mut Problems<'_>) -> WallConfig {
    let wall = check_wall(&file.wall, p);
    let kpi = check_thresholds(file.thresholds.as_ref(), p);
    let screens = check_screens(&file.screens, &wall, p);
    if file.screens.is_empty() {
        p.whole_file(
            "screen",
            "no [[screen]] is defined; add one with a name and its boards",
        );
    }
    WallConfig {
        language: wall.language,
        calendar: wall.calendar,
        digits: wall.digits,
        kpi,
        screens,
    }
}

const LANGS: &[(&str, Language)] = &[("arabic", Language::Arabic), ("persian", Language::Persian)];
/// Why `language = "english"` is refused although the catalogue has English (docs/KIOSK.md).
const ENGLISH_REFUSED: &str = "'english' is not offered on the wall: its boards are laid out right \
    to left, and English text on them reads wrongly (numbers after their nouns, dates out of \
    order); use one of: arabic, persian";
const CALS: &[(&str, CalendarKind)] = &[
    ("gregorian", CalendarKind::Gregorian),
    ("hijri", CalendarKind::Hijri),
    ("solar-hijri", CalendarKind::SolarHijri),
];
const DIGITS: &[(&str, Digits)] = &Digits::WORDS;
const THEMES: &[(&str, ThemeName)] = &[("dark", ThemeName::Dark), ("light", ThemeName::Light)];
/// Seconds a board shows when neither it nor `[wall]` says.
const DEFAULT_SECONDS: u64 = 20;

/// The `[wall]` section, checked: what every screen inherits.
struct Wall {
    language: Language,
    calendar: CalendarKind,
    digits: Digits,
    theme: ThemeName,
    seconds: u64,
}

/// The option named by `v`, `default` when absent, or a problem listing the options.
fn pick<T: Copy>(
    p: &mut Problems<'_>,
    v: &Option<Spanned<String>>,
    key: &str,
    options: &[(&str, T)],
    default: T,
) -> T {
    let Some(s) = v else { return default };
    match options.iter().find(|(n, _)| *n == s.get_ref().trim()) {
        Some((_, t)) => *t,
        None => {
            p.at(
                s.span(),
                key,
                format!(
                    "'{}' is not allowed; use one of: {}",
                    s.get_ref(),
                    options.iter().map(|o| o.0).collect::<Vec<_>>().join(", ")
                ),
            );
            default
        }
    }
}

fn check_seconds(p: &mut Problems<'_>, v: &Spanned<i64>, key: &str) -> u64 {
    let s = *v.get_ref();
    if (5..=3600).contains(&s) {
        s as u64
    } else {
        p.at(
            v.span(),
            key,
            format!("{s} seconds is out of range; use 5 to 3600"),
        );
        DEFAULT_SECONDS
    }
}

fn check_wall(w: &WallSection, p: &mut Problems<'_>) -> Wall {
    let language = match &w.language {
        // English is in the wall's catalogue (tests, developers), but every board is laid out
        // right to left: an English wall would put numbers after their nouns and read wrongly.
        Some(l) if l.get_ref().trim() == "english" => {
            p.at(l.span(), "wall.language", ENGLISH_REFUSED.to_string());
            Language::Arabic
        }
        _ => pick(p, &w.language, "wall.language", LANGS, Language::Arabic),
    };
    let calendar = pick(
        p,
        &w.calendar,
        "wall.calendar",
        CALS,
        CalendarKind::Gregorian,
    );
    let default_digits = if language == Language::Persian {
        Digits::Persian
    } else {
        Digits::ArabicIndic
    };
    let digits = pick(p, &w.digits, "wall.digits", DIGITS, default_digits);
    let theme = pick(p, &w.theme, "wall.theme", THEMES, ThemeName::Dark);
    let seconds = w
        .seconds
        .as_ref()
        .map(|v| check_seconds(p, v, "wall.seconds"))
        .unwrap_or(DEFAULT_SECONDS);
    Wall {
        language,
        calendar,
        digits,
        theme,
        seconds,
    }
}

fn check_thresholds(t: Option<&Spanned<ThresholdSection>>, p: &mut Problems<'_>) -> KpiThresholds {
    let mut kpi = KpiThresholds::default();
    let Some(t) = t else { return kpi };
    let span = t.span();
    let t = t.get_ref();
    kpi.met = t.kpi_met.unwrap_or(kpi.met);
    kpi.partly = t.kpi_partly.unwrap_or(kpi.partly);
    if !(0.0..=200.0).contains(&kpi.met)
        || !(0.0..=200.0).contains(&kpi.partly)
        || kpi.partly > kpi.met
    {
        p.at(
            span,
            "thresholds",
            format!(
                "kpi_partly ({}) and kpi_met ({}) must be percentages with kpi_partly ≤ kpi_met",
                kpi.partly, kpi.met
            ),
        );
    }
    kpi
}

fn check_screens(screens: &[ScreenSection], wall: &Wall, p: &mut Problems<'_>) -> Vec<Screen> {
    let mut names = std::collections::HashSet::new();
    let mut checked = Vec::new();
    for (i, s) in screens.iter().enumerate() {
        let key = format!("screen[{}]", i + 1);
        let name = s.name.get_ref().trim().to_string();
        if name.is_empty() {
            p.at(
                s.name.span(),
                format!("{key}.name"),
                "is empty; give the screen a name such as \"main-hall\"",
            );
        } else if !names.insert(name.clone()) {
            p.at(
                s.name.span(),
                format!("{key}.name"),
                format!("'{name}' is used by another screen; names must differ"),
            );
        }
        let theme = pick(p, &s.theme, &format!("{key}.theme"), THEMES, wall.theme);
        if s.boards.is_empty() {
            p.at(
                s.name.span(),
                format!("{key}.boards"),
                "lists no boards; add at least one { board = \"decision-execution\" }",
            );
        }
        let playlist = s
            .boards
            .iter()
            .enumerate()
            .filter_map(|(j, b)| check_board(b, &format!("{key}.boards[{}]", j + 1), wall, p))
            .collect();
        checked.push(Screen {
            name,
            theme,
            playlist,
        });
    }
    checked
}

/// One entry of a screen's `boards`; `None` when it names no board.
fn check_board(
    b: &BoardEntry,
    key: &str,
    wall: &Wall,
    p: &mut Problems<'_>,
) -> Option<PlaylistItem> {
    let Some(board) = BoardName::parse(b.board.get_ref()) else {
        p.at(
            b.board.span(),
            format!("{key}.board"),
            format!(
                "'{}' is not a board; use one of: {}",
                b.board.get_ref(),
                BoardName::list()
            ),
        );
        return None;
    };
    let seconds = b
        .seconds
        .as_ref()
        .map(|v| check_seconds(p, v, &format!("{key}.seconds")))
        .unwrap_or(wall.seconds);
    Some(PlaylistItem {
        board,
        seconds,
        filter: check_filter(b, key, p),
    })
}

fn check_filter(b: &BoardEntry, key: &str, p: &mut Problems<'_>) -> BoardFilter {
    let mut filter = BoardFilter::default();
    if let Some(c) = &b.center {
        match CenterCode::new(c.get_ref()) {
            Ok(code) => filter.center = Some(code),
            Err(e) => p.at(c.span(), format!("{key}.center"), e.to_string()),
        }
    }
    if let Some(y) = &b.year {
        let v = *y.get_ref();
        if (1900..=2200).contains(&v) {
            filter.year = Some(v as i32);
        } else {
            p.at(
                y.span(),
                format!("{key}.year"),
                format!("{v} is not a plausible year"),
            );
        }
    }
    if let Some(per) = &b.period {
        match Period::parse(per.get_ref()) {
            Some(x) => filter.period = Some(x),
            None => p.at(
                per.span(),
                format!("{key}.period"),
                format!(
                    "'{}' is not a period; use {}",
                    per.get_ref(),
                    Period::ACCEPTED
                ),
            ),
        }
    }
    if let Some(by) = &b.by {
        match ClassifyBy::parse(by.get_ref()) {
            Some(x) => filter.by = Some(x),
            None => p.at(
                by.span(),
                format!("{key}.by"),
                format!(
                    "'{}' is not a classification field; use one of: {}",
                    by.get_ref(),
                    ClassifyBy::list()
                ),
            ),
        }
    }
    filter
}

/// The configuration used when none is given: one screen rotating every board.
pub fn default_config() -> WallConfig {
    WallConfig {
        language: Language::Arabic,
        calendar: CalendarKind::Gregorian,
        digits: Digits::ArabicIndic,
        kpi: KpiThresholds::default(),
        screens: vec![Screen {
            name: "wall".into(),
            theme: ThemeName::Dark,
            playlist: crate::playlist::default_playlist(),
        }],
    }
}

/// Problems as one text, one per line, for the operator line and `--check-config`.
pub fn problems_text(problems: &[ConfigProblem]) -> String {
    rasid_shared::config_check::ConfigProblems {
        file: "boards.toml".into(),
        problems: problems.to_vec(),
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn documented_example_loads() {
        let cfg = parse(include_str!("../../docs/examples/boards.toml"))
            .unwrap_or_else(|p| panic!("{}", problems_text(&p)));
        assert_eq!(cfg.screens.len(), 2);
        let main = cfg.screen(Some("main-hall")).unwrap();
        assert_eq!(main.playlist[0].board, BoardName::DecisionExecution);
        assert_eq!(main.playlist[0].seconds, 30);
        assert_eq!(main.playlist.len(), 9);
        assert_eq!(cfg.calendar, CalendarKind::Hijri);
        let second = cfg.screen(Some("minister-office")).unwrap();
        assert_eq!(second.theme, ThemeName::Light);
        assert_eq!(
            second.playlist[0]
                .filter
                .center
                .as_ref()
                .map(|c| c.as_str()),
            Some("GSC")
        );
        assert_eq!(
            second.playlist[1].filter.period,
            Some(Period::FourMonths(3))
        );
        assert_eq!(second.playlist[3].board, BoardName::Classification);
        assert_eq!(second.playlist[3].filter.by, Some(ClassifyBy::Program));
    }

    #[test]
    fn english_is_refused_with_why() {
        let p = parse("[wall]\nlanguage = \"english\"\n[[screen]]\nname = \"hall\"\nboards = [{ board = \"kpi\" }]\n")
            .unwrap_err();
        let shown: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert!(
            shown[0].starts_with("line 2, wall.language: 'english' is not offered on the wall"),
            "{}",
            shown[0]
        );
    }

    #[test]
    fn every_problem_names_its_line_and_key() {
        let text = r#"[wall]
calendar = "julian"
seconds = 2

[[screen]]
name = "hall"
boards = [
  { board = "decisions" },
  { board = "budget", center = "وزارة", year = 99 },
]
"#;
        let p = parse(text).unwrap_err();
        let shown: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        assert_eq!(p.len(), 5, "{shown:#?}");
        assert!(
            shown[0].starts_with("line 2, wall.calendar: 'julian' is not allowed"),
            "{}",
            shown[0]
        );
        assert!(
            shown[1].starts_with("line 3, wall.seconds: 2 seconds is out of range"),
            "{}",
            shown[1]
        );
        assert!(
            shown[2].starts_with("line 8, screen[1].boards[1].board: 'decisions' is not a board"),
            "{}",
            shown[2]
        );
        assert!(
            shown[3].starts_with("line 9, screen[1].boards[2].center"),
            "{}",
            shown[3]
        );
        assert!(
            shown[4].starts_with("line 9, screen[1].boards[2].year: 99"),
            "{}",
            shown[4]
        );
    }

    #[test]
    fn by_chooses_the_classification_and_a_wrong_one_names_its_line() {
        let cfg = parse(
            "[[screen]]\nname = \"hall\"\nboards = [\n  { board = \"classification\", by = \"program\" },\n  { board = \"classification\" },\n]\n",
        )
        .unwrap_or_else(|p| panic!("{}", problems_text(&p)));
        let playlist = &cfg.screens[0].playlist;
        assert_eq!(playlist[0].board, BoardName::Classification);
        assert_eq!(playlist[0].filter.by, Some(ClassifyBy::Program));
        assert_eq!(
            playlist[1].filter.by, None,
            "no by: the board's default, sector"
        );
        let p = parse(
            "[[screen]]\nname = \"hall\"\nboards = [\n  { board = \"classification\", by = \"ministry\" },\n]\n",
        )
        .unwrap_err();
        let shown: Vec<String> = p.iter().map(|x| x.to_string()).collect();
        assert_eq!(shown.len(), 1, "{shown:#?}");
        assert!(
            shown[0].starts_with(
                "line 4, screen[1].boards[1].by: 'ministry' is not a classification field; use one of: sector, program, level, type"
            ),
            "{}",
            shown[0]
        );
    }

    #[test]
    fn syntax_errors_and_unknown_keys_have_a_line() {
        let p = parse("[wall]\ncalender = \"hijri\"\n").unwrap_err();
        assert_eq!(p[0].line, Some(2), "{}", p[0]);
        assert!(
            p[0].message.contains("unknown field `calender`"),
            "{}",
            p[0]
        );
        let p = parse("[[screen]\nname = 1").unwrap_err();
        assert_eq!(p[0].line, Some(1), "{}", p[0]);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_reported_with_the_other_problems() {
        let text = r#"[wall]
calender = "hijri"
seconds = "ten"
theme = "neon"

[[screen]]
name = "hall"
boards = [{ board = "budget", year = 99, colour = "red" }]
"#;
        let shown: Vec<String> = parse(text)
            .unwrap_err()
            .iter()
            .map(|x| x.to_string())
            .collect();
        let expected = [
            "line 2, wall.calender: unknown field `calender`",
            "line 3, wall.seconds: invalid type: string \"ten\"",
            "line 8, screen[1].boards[1].colour: unknown field `colour`",
            "line 4, wall.theme: 'neon' is not allowed",
            "line 8, screen[1].boards[1].year: 99 is not a plausible year",
        ];
        assert_eq!(shown.len(), expected.len(), "{shown:#?}");
        for (got, want) in shown.iter().zip(expected) {
            assert!(got.starts_with(want), "{got:?} should start with {want:?}");
        }
    }

    #[test]
    fn unknown_screen_names_the_known_ones() {
        let cfg = parse(include_str!("../../docs/examples/boards.toml")).unwrap();
        assert!(
            cfg.screen(Some("lobby"))
                .unwrap_err()
                .contains("main-hall, minister-office")
        );
    }
}

/// Where the configuration comes from, for [`watch`].
#[derive(Debug, Clone)]
pub enum ConfigOrigin {
    File(std::path::PathBuf),
    /// `GET {url}/v1/screens/{screen}/config` of a collector, signed as `wall`.
    Collector {
        url: String,
        screen: String,
        wall: crate::identity::WallIdentity,
    },
}

/// Reads the configuration's text once, now.
pub fn read_origin(origin: &ConfigOrigin) -> Result<String, String> {
    match origin {
        ConfigOrigin::File(path) => std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display())),
        ConfigOrigin::Collector { url, screen, wall } => {
            let u = format!("{}/v1/screens/{screen}/config", url.trim_end_matches('/'));
            let parsed = reqwest::Url::parse(&u)
                .map_err(|e| format!("the collector's address {u} cannot be read: {e}"))?;
            let resp = reqwest::blocking::Client::builder()
                .timeout(std::time::Duration::from_secs(10))
                .build()
                .and_then(|c| {
                    let mut req = c.get(parsed.clone());
                    for (name, value) in wall.headers(&parsed) {
                        req = req.header(name, value);
                    }
                    req.send()
                })
                .map_err(|e| format!("cannot fetch the configuration from {u}: {e}"))?;
            let status = resp.status();
            let text = resp
                .text()
                .map_err(|e| format!("the configuration from {u} was cut: {e}"))?;
            if let Some(why) = crate::identity::refusal(status, text.as_bytes()) {
                return Err(why.to_string());
            }
            if status.is_success() {
                Ok(text)
            } else {
                Err(format!(
                    "the collector answered {status} for {u}: {}",
                    text.chars().take(200).collect::<String>()
                ))
            }
        }
    }
}

/// Watches `origin` and sends its text each time it changes (or the error, each time that
/// changes), waking the wall. A file is checked every 2 s, a collector every 15 s.
pub fn watch(
    origin: ConfigOrigin,
    first: Option<String>,
    wake: crate::collector_source::Wake,
) -> std::sync::mpsc::Receiver<Result<String, String>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let every = match origin {
        ConfigOrigin::File(_) => std::time::Duration::from_secs(2),
        ConfigOrigin::Collector { .. } => std::time::Duration::from_secs(15),
    };
    let spawned = std::thread::Builder::new()
        .name("rasid-config".into())
        .spawn(move || {
            let mut last: Option<Result<String, String>> = first.map(Ok);
            loop {
                std::thread::sleep(every);
                let now = read_origin(&origin);
                if last.as_ref() != Some(&now) {
                    last = Some(now.clone());
                    if tx.send(now).is_err() {
                        return;
                    }
                    wake();
                }
            }
        });
    if let Err(e) = spawned {
        tracing::error!("cannot watch the configuration: {e}");
    }
    rx
}
