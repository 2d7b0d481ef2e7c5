//! The words Rasid shows people, in Arabic, Persian and English: Project Fluent catalogues per
//! language, embedded in the binary, and the lookup of a message by id with its arguments. The
//! wall's words are `shared/locales/<ar|fa|en>/wall.ftl` ([`WALL`], looked up by [`message`]);
//! the agent's are `agent.ftl` (its commands) and `import.ftl` (what it says about a file), one
//! bundle per language ([`AGENT`], looked up by [`agent_message`]).
//!
//! Pure: no files, no window. Numbers are formatted by the caller (the wall's digits are its
//! own, not the language's) and given as text; a count that chooses a plural form is given as
//! [`Arg::Count`], whose CLDR plural category ([`plural_category`]) the message selects on. A
//! message that is missing, or that refers to an argument not
//! given, never panics: the id is shown in its place and the miss is remembered ([`misses`]), so
//! tests catch it. See docs/I18N.md for adding a string or a language.

use crate::digits::{Digits, format_integer};
use crate::format::Language;
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{LazyLock, Mutex};
use unic_langid::LanguageIdentifier;

/// One language's catalogue as it is in the repository.
#[derive(Debug, Clone, Copy)]
pub struct Catalogue {
    /// The language the file is in.
    pub language: Language,
    /// The BCP 47 id Fluent's plural rules are chosen by: `ar`, `fa`, `en`.
    pub id: &'static str,
    /// Where the file is, from the workspace's root.
    pub path: &'static str,
    /// The file's text.
    pub source: &'static str,
}

macro_rules! catalogue {
    ($language:ident, $id:literal, $file:literal) => {
        Catalogue {
            language: Language::$language,
            id: $id,
            path: concat!("shared/locales/", $id, "/", $file),
            source: include_str!(concat!("../locales/", $id, "/", $file)),
        }
    };
}

/// The wall's catalogue in every language, Arabic first.
pub const WALL: [Catalogue; 3] = [
    catalogue!(Arabic, "ar", "wall.ftl"),
    catalogue!(Persian, "fa", "wall.ftl"),
    catalogue!(English, "en", "wall.ftl"),
];

/// The agent's commands (`agent.ftl`) in every language, Arabic first.
pub const AGENT_COMMANDS: [Catalogue; 3] = [
    catalogue!(Arabic, "ar", "agent.ftl"),
    catalogue!(Persian, "fa", "agent.ftl"),
    catalogue!(English, "en", "agent.ftl"),
];

/// What the agent says about an imported file (`import.ftl`) in every language, Arabic first.
pub const AGENT_IMPORT: [Catalogue; 3] = [
    catalogue!(Arabic, "ar", "import.ftl"),
    catalogue!(Persian, "fa", "import.ftl"),
    catalogue!(English, "en", "import.ftl"),
];

/// Every file of the agent's catalogue: one bundle per language holds both of its files, so an
/// id is unique across them (a duplicate is a miss when loaded, and refused by the tests).
pub const AGENT: [[Catalogue; 3]; 2] = [AGENT_COMMANDS, AGENT_IMPORT];

/// An argument of a message: text (a name, or a number already written in the wall's digits),
/// or a number a message chooses its plural form by.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg<'a> {
    /// Shown as it is.
    Text(Cow<'a, str>),
    /// Chooses an exact variant (`[3]`), as a month or a quarter does.
    Number(i64),
    /// A count: the message selects on its plural category in the message's language (`[two]`,
    /// `[few]`, `[many]` …), computed by [`plural_category`], not by Fluent's own rules
    /// (intl_pluralrules 7.0.2, which fluent-bundle 0.16 uses, drops CLDR's `n % 100` for
    /// Arabic and puts 103 in `other` and 363 in `other` instead of `few` and `many`).
    Count(i64),
}

/// The CLDR cardinal plural category of the integer `n` in `language`: Arabic `zero` (0),
/// `one` (1), `two` (2), `few` (n % 100 in 3–10), `many` (n % 100 in 11–99), else `other`
/// (100, 101, 102 …); Persian `one` (0 and 1), else `other`; English `one` (1), else `other`.
pub fn plural_category(language: Language, n: i64) -> &'static str {
    let n = n.unsigned_abs();
    match language {
        Language::Arabic => match (n, n % 100) {
            (0, _) => "zero",
            (1, _) => "one",
            (2, _) => "two",
            (_, 3..=10) => "few",
            (_, 11..=99) => "many",
            _ => "other",
        },
        Language::Persian if n <= 1 => "one",
        Language::English if n == 1 => "one",
        _ => "other",
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(s: &'a str) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s))
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(s: &'a String) -> Arg<'a> {
        Arg::Text(Cow::Borrowed(s.as_str()))
    }
}

impl From<String> for Arg<'_> {
    fn from(s: String) -> Self {
        Arg::Text(Cow::Owned(s))
    }
}

impl From<i64> for Arg<'_> {
    fn from(n: i64) -> Self {
        Arg::Number(n)
    }
}

/// How many misses are kept: enough for any test, bounded on a wall that runs for months.
const MAX_MISSES: usize = 256;

static MISSES: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn remember_miss(what: String) {
    if let Ok(mut m) = MISSES.lock()
        && m.len() < MAX_MISSES
        && !m.contains(&what)
    {
        m.push(what);
    }
}

/// Every lookup that fell back since the process started (at most 256, each once): `fa:
/// board-title-x: no such message`, `ar: count-days: unknown variable $num`, and problems
/// found in a catalogue when it was loaded. Empty when every string was found.
pub fn misses() -> Vec<String> {
    MISSES.lock().map(|m| m.clone()).unwrap_or_default()
}

struct Loaded {
    language: Language,
    id: &'static str,
    bundle: FluentBundle<FluentResource>,
}

static WALL_BUNDLES: LazyLock<Vec<Loaded>> =
    LazyLock::new(|| WALL.iter().map(|c| load([*c])).collect());

static AGENT_BUNDLES: LazyLock<Vec<Loaded>> = LazyLock::new(|| {
    (0..AGENT_COMMANDS.len())
        .map(|i| load(AGENT.map(|set| set[i])))
        .collect()
});

/// The catalogues of one language made ready for lookups, in one bundle. A problem in a file
/// (which the tests refuse) is remembered as a miss; the messages that could be read are kept.
fn load<const N: usize>(files: [Catalogue; N]) -> Loaded {
    let first = files[0];
    let lang: LanguageIdentifier = first.id.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    // The wall orders text itself (kiosk/src/text/), and a terminal shows text as it is given:
    // Unicode isolation marks around arguments would change that order and could show as boxes
    // in a font without them.
    bundle.set_use_isolating(false);
    for c in &files {
        let resource = match FluentResource::try_new(c.source.to_string()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    remember_miss(format!("{}: {}: {e:?}", c.id, c.path));
                }
                r
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            for e in errors {
                remember_miss(format!("{}: {}: {e}", c.id, c.path));
            }
        }
    }
    Loaded {
        language: first.language,
        id: first.id,
        bundle,
    }
}

/// The message `id` in `language` with `args`. When the message is missing, has no value, or
/// refers to an argument not given, the id itself (or what could be made of the message) is
/// returned and the miss is remembered: the wall shows a visible fault, never a panic.
pub fn message(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    lookup(&WALL_BUNDLES, language, id, args)
}

/// The agent's message `id` in `language` (from `agent.ftl` or `import.ftl`) with `args`; a
/// miss falls back as [`message`] does.
pub fn agent_message(language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    lookup(&AGENT_BUNDLES, language, id, args)
}

fn lookup(bundles: &[Loaded], language: Language, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let Some(loaded) = bundles.iter().find(|b| b.language == language) else {
        remember_miss(format!("{language:?}: no catalogue"));
        return id.to_string();
    };
    let code = loaded.id;
    let bundle = &loaded.bundle;
    let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
        remember_miss(format!("{code}: {id}: no such message"));
        return id.to_string();
    };
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        let v = match value {
            Arg::Text(s) => FluentValue::String(Cow::Owned(s.to_string())),
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Count(n) => FluentValue::from(plural_category(language, *n)),
        };
        fluent_args.set(name.to_string(), v);
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        for e in &errors {
            remember_miss(format!("{code}: {id}: {e}"));
        }
        return id.to_string();
    }
    text.into_owned()
}

/// The digits the agent writes its own numbers in ([`figure`]): Western until
/// [`write_figures_in`] says otherwise.
static FIGURE_DIGITS: AtomicU8 = AtomicU8::new(0);

/// From now on, this process writes the numbers it makes itself (counts, row and line numbers,
/// totals: [`figure`], [`MsgArg::Figure`]) in `digits`; never the values it quotes.
pub fn write_figures_in(digits: Digits) {
    let code = match digits {
        Digits::Western => 0,
        Digits::ArabicIndic => 1,
        Digits::Persian => 2,
    };
    FIGURE_DIGITS.store(code, Ordering::Relaxed);
}

/// The digits set by [`write_figures_in`].
pub fn figure_digits() -> Digits {
    match FIGURE_DIGITS.load(Ordering::Relaxed) {
        1 => Digits::ArabicIndic,
        2 => Digits::Persian,
        _ => Digits::Western,
    }
}

/// A number the process writes itself, without grouping (a row, a line, a count in a
/// sentence: `12`, `١٢`), in [`figure_digits`].
pub fn figure(n: i64) -> String {
    figure_digits().convert(&n.to_string())
}

/// A number the process writes itself, grouped by thousands (`1,234`, `١٬٢٣٤`), in
/// [`figure_digits`].
pub fn figure_grouped(n: i64) -> String {
    format_integer(n, figure_digits())
}

/// A message of the agent's catalogue kept as an id and its arguments, to be written later in
/// whatever language its reader reads ([`Msg::render`]): what is wrong with a file or a record
/// is found once and said in Arabic, Persian or English. Values inside it (a cell's text, a
/// number, a column's header as the file wrote it, a file's name) are [`MsgArg::Text`] and are
/// never translated. An empty id (the [`Default`]) is "no message".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Msg {
    /// The id in `shared/locales/<ar|fa|en>/import.ftl` (or `agent.ftl`).
    pub id: &'static str,
    /// The `$arguments`, by name.
    pub args: Vec<(&'static str, MsgArg)>,
}

/// An argument of a [`Msg`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MsgArg {
    /// Shown as it is, in every language: the clerk's values, numbers, names from the file.
    Text(String),
    /// A count the message chooses its plural form by (see [`Arg::Count`]).
    Count(i64),
    /// A number the agent wrote itself (a count, a row): in the reader's digits
    /// ([`figure_digits`]); in Western digits in English for scripts and logs ([`Msg::english`]).
    Figure(i64),
    /// A number matched exactly (see [`Arg::Number`]).
    Number(i64),
    /// Another message, written in the same language first.
    Msg(Box<Msg>),
    /// A name the code knows in each language, `[English, Arabic, Persian]` (a column's or a
    /// record kind's name as the templates write it).
    Names([String; 3]),
    /// Messages written one after the other, separated by `, ` (`، `), or by `; ` (`؛ `) when
    /// `semicolons`.
    List {
        /// The messages, in order.
        items: Vec<Msg>,
        /// Whether they are clauses (`; `) rather than items (`, `).
        semicolons: bool,
    },
}

impl Msg {
    /// The message `id` without arguments (add them with [`Msg::text`], [`Msg::count`] …).
    pub fn new(id: &'static str) -> Msg {
        Msg {
            id,
            args: Vec::new(),
        }
    }

    /// With `$name` = `value` as written.
    pub fn text(mut self, name: &'static str, value: impl fmt::Display) -> Msg {
        self.args.push((name, MsgArg::Text(value.to_string())));
        self
    }

    /// With a count: `$count` its plural category, `$num` the number in the reader's digits.
    pub fn count(mut self, n: usize) -> Msg {
        let n = i64::try_from(n).unwrap_or(i64::MAX);
        self.args.push(("count", MsgArg::Count(n)));
        self.args.push(("num", MsgArg::Figure(n)));
        self
    }

    /// With `$name` = a number the agent wrote itself (a row, a limit), in the reader's digits.
    pub fn figure(mut self, name: &'static str, n: impl TryInto<i64>) -> Msg {
        let n = n.try_into().unwrap_or(i64::MAX);
        self.args.push((name, MsgArg::Figure(n)));
        self
    }

    /// With `$name` = another message, written in the same language.
    pub fn msg(mut self, name: &'static str, m: Msg) -> Msg {
        self.args.push((name, MsgArg::Msg(Box::new(m))));
        self
    }

    /// With `$name` = a name known in every language, `[English, Arabic, Persian]`.
    pub fn names(mut self, name: &'static str, names: [String; 3]) -> Msg {
        self.args.push((name, MsgArg::Names(names)));
        self
    }

    /// With `$name` = `items` written one after the other, separated by commas.
    pub fn list(mut self, name: &'static str, items: Vec<Msg>) -> Msg {
        let semicolons = false;
        self.args.push((name, MsgArg::List { items, semicolons }));
        self
    }

    /// With `$name` = `items` written one after the other, separated by semicolons.
    pub fn clauses(mut self, name: &'static str, items: Vec<Msg>) -> Msg {
        let semicolons = true;
        self.args.push((name, MsgArg::List { items, semicolons }));
        self
    }

    /// The message in `language`, the agent's own numbers in [`figure_digits`]; a missing id or
    /// argument is a miss ([`misses`]), shown as the id. An empty message is empty text.
    pub fn render(&self, language: Language) -> String {
        self.render_in(language, figure_digits())
    }

    /// The message in `language` with the agent's own numbers in `digits`.
    fn render_in(&self, language: Language, digits: Digits) -> String {
        if self.id.is_empty() {
            return String::new();
        }
        let args: Vec<(&str, Arg<'_>)> = self
            .args
            .iter()
            .map(|(name, a)| {
                let v = match a {
                    MsgArg::Text(s) => Arg::Text(Cow::Borrowed(s.as_str())),
                    MsgArg::Count(n) => Arg::Count(*n),
                    MsgArg::Number(n) => Arg::Number(*n),
                    MsgArg::Figure(n) => Arg::Text(Cow::Owned(digits.convert(&n.to_string()))),
                    MsgArg::Msg(m) => Arg::Text(Cow::Owned(m.render_in(language, digits))),
                    MsgArg::Names(n) => Arg::Text(Cow::Borrowed(match language {
                        Language::English => n[0].as_str(),
                        Language::Arabic => n[1].as_str(),
                        Language::Persian => n[2].as_str(),
                    })),
                    MsgArg::List { items, semicolons } => {
                        let sep = match (semicolons, language) {
                            (false, _) => comma(language),
                            (true, Language::English) => "; ",
                            (true, _) => "؛ ",
                        };
                        let texts: Vec<String> = items
                            .iter()
                            .map(|m| m.render_in(language, digits))
                            .collect();
                        Arg::Text(Cow::Owned(texts.join(sep)))
                    }
                };
                (*name, v)
            })
            .collect();
        agent_message(language, self.id, &args)
    }

    /// The message in English with Western digits, as logs, `--json` and the wire carry it.
    pub fn english(&self) -> String {
        self.render_in(Language::English, Digits::Western)
    }

    /// Every [`MsgArg::Text`] value in this message and the messages inside it: what is shown
    /// as it was written, whatever the language (tests take these out before looking for words
    /// of another language).
    pub fn values(&self) -> Vec<&str> {
        let mut out = Vec::new();
        for (_, a) in &self.args {
            match a {
                MsgArg::Text(s) => out.push(s.as_str()),
                MsgArg::Msg(m) => out.extend(m.values()),
                MsgArg::List { items, .. } => out.extend(items.iter().flat_map(Msg::values)),
                _ => {}
            }
        }
        out
    }
}

/// What separates the items of a list or the parts of a place in `language`: `, ` or `، `.
pub fn comma(language: Language) -> &'static str {
    match language {
        Language::English => ", ",
        Language::Arabic | Language::Persian => "، ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (The process-wide choice is left alone here: tests run side by side in one process.)
    #[test]
    fn the_agents_own_numbers_take_the_digits_and_quoted_values_keep_theirs() {
        let m = Msg::new("import-place-row").figure("row", 12);
        assert_eq!(
            m.render_in(Language::Arabic, Digits::ArabicIndic),
            "الصف ١٢"
        );
        assert_eq!(m.render_in(Language::Persian, Digits::Persian), "ردیف ۱۲");
        assert_eq!(m.render_in(Language::Arabic, Digits::Western), "الصف 12");
        let quoted = Msg::new("import-place-row").text("row", "12");
        assert_eq!(
            quoted.render_in(Language::Arabic, Digits::ArabicIndic),
            "الصف 12"
        );
        // A count's $num converts too; English for scripts stays Western whatever the choice.
        let n = Msg::new("record-too-long").count(2001).figure("max", 2000);
        assert!(
            n.render_in(Language::Arabic, Digits::ArabicIndic)
                .contains("٢٠٠١")
        );
        assert!(n.english().contains("2001") && n.english().contains("2000"));
        assert_eq!(figure_digits().convert("42"), figure(42));
    }

    #[test]
    fn a_message_is_found_in_every_language() {
        for c in WALL {
            let s = message(c.language, "no-data", &[]);
            assert_ne!(s, "no-data", "{}", c.id);
            assert!(!s.is_empty());
        }
        assert_eq!(message(Language::Arabic, "no-data", &[]), "لا توجد بيانات");
    }

    #[test]
    fn a_missing_message_shows_its_id_and_is_remembered() {
        let s = message(Language::Persian, "no-such-message-here", &[]);
        assert_eq!(s, "no-such-message-here");
        assert!(
            misses()
                .iter()
                .any(|m| m == "fa: no-such-message-here: no such message")
        );
    }

    #[test]
    fn a_missing_argument_shows_the_id_and_is_remembered() {
        let s = message(Language::English, "count-days", &[]);
        assert_eq!(s, "count-days");
        assert!(misses().iter().any(|m| m.starts_with("en: count-days:")));
    }

    #[test]
    fn arabic_counts_choose_the_form_arabic_counting_needs() {
        let days = |n: i64| {
            message(
                Language::Arabic,
                "count-days",
                &[("count", Arg::Count(n)), ("num", n.to_string().into())],
            )
        };
        assert_eq!(days(0), "0 يوم");
        assert_eq!(days(1), "1 يوم");
        assert_eq!(days(2), "يومان");
        assert_eq!(days(3), "3 أيام");
        assert_eq!(days(10), "10 أيام");
        assert_eq!(days(11), "11 يوماً");
        assert_eq!(days(100), "100 يوم");
        assert_eq!(days(102), "102 يوم");
        assert_eq!(days(103), "103 أيام");
        assert_eq!(days(312), "312 يوماً");
        assert_eq!(days(363), "363 يوماً");
        assert_eq!(days(1011), "1011 يوماً");
    }

    #[test]
    fn plural_categories_follow_cldr() {
        let ar = |n| plural_category(Language::Arabic, n);
        let got: Vec<&str> = [
            0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 110, 111, 199, 1000,
        ]
        .into_iter()
        .map(ar)
        .collect();
        assert_eq!(
            got,
            [
                "zero", "one", "two", "few", "few", "many", "many", "other", "other", "other",
                "few", "few", "many", "many", "other"
            ]
        );
        assert_eq!(plural_category(Language::Persian, 0), "one");
        assert_eq!(plural_category(Language::Persian, 2), "other");
        assert_eq!(plural_category(Language::English, 1), "one");
        assert_eq!(plural_category(Language::English, 0), "other");
    }

    #[test]
    fn persian_keeps_the_noun_singular_after_a_number() {
        let days = |n: i64| {
            message(
                Language::Persian,
                "count-days",
                &[("count", Arg::Count(n)), ("num", n.to_string().into())],
            )
        };
        assert_eq!(days(1), "1 روز");
        assert_eq!(days(12), "12 روز");
    }
}
