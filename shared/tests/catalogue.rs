//! The catalogues of every language agree: each parses without error, has the same message ids
//! as the others, and each message refers to the same arguments in every language; and the
//! Arabic counted forms are those the wall wrote before the catalogue (its `count_noun`).
// Test code: its helpers unwrap too, and a failed unwrap there is a failed test.
#![allow(clippy::unwrap_used)]

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use rasid_shared::format::Language;
use rasid_shared::i18n::{AGENT, Arg, Catalogue, WALL, agent_message, message, misses};
use std::collections::{BTreeMap, BTreeSet};

/// The `$variables` a pattern refers to, in its variants and selectors too.
fn variables(p: &Pattern<&str>, out: &mut BTreeSet<String>) {
    for e in &p.elements {
        if let PatternElement::Placeable { expression } = e {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        Expression::Inline(i) => inline_variables(i, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, out);
            }
            for a in &arguments.named {
                inline_variables(&a.value, out);
            }
        }
        _ => {}
    }
}

/// Message id → the variables it refers to, for one catalogue; a parse error fails the test.
fn messages(path: &str, source: &str) -> BTreeMap<String, BTreeSet<String>> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((_, errors)) => panic!("{path} does not parse: {errors:#?}"),
    };
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        match entry {
            Entry::Message(m) => {
                let mut vars = BTreeSet::new();
                let value = m
                    .value
                    .as_ref()
                    .unwrap_or_else(|| panic!("{path}: {} has no value", m.id.name));
                variables(value, &mut vars);
                let before = out.insert(m.id.name.to_string(), vars);
                assert!(before.is_none(), "{path}: {} twice", m.id.name);
            }
            Entry::Junk { content } => panic!("{path}: unreadable: {content}"),
            _ => {}
        }
    }
    out
}

/// One file in every language: the same ids, each with the same arguments, as in Arabic's.
fn same_in_every_language(files: &[Catalogue; 3]) -> BTreeMap<String, BTreeSet<String>> {
    let arabic = messages(files[0].path, files[0].source);
    for c in &files[1..] {
        let other = messages(c.path, c.source);
        let ids_a: BTreeSet<&String> = arabic.keys().collect();
        let ids_o: BTreeSet<&String> = other.keys().collect();
        assert_eq!(
            ids_a.difference(&ids_o).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in {} but not in {}",
            files[0].path,
            c.path
        );
        assert_eq!(
            ids_o.difference(&ids_a).collect::<Vec<_>>(),
            Vec::<&&String>::new(),
            "in {} but not in {}",
            c.path,
            files[0].path
        );
        for (id, vars) in &arabic {
            assert_eq!(
                Some(vars),
                other.get(id),
                "{id} takes other arguments in {} than in {}",
                c.path,
                files[0].path
            );
        }
    }
    arabic
}

#[test]
fn every_language_has_every_message_with_the_same_arguments() {
    assert!(same_in_every_language(&WALL).len() > 150);
}

#[test]
fn the_agents_files_agree_across_languages_and_share_no_id() {
    let mut seen = BTreeMap::new();
    for files in &AGENT {
        for id in same_in_every_language(files).into_keys() {
            if let Some(other) = seen.insert(id.clone(), files[0].path) {
                panic!("{id} is in both {other} and {}", files[0].path);
            }
        }
    }
    // Every file loads into its language's bundle without a problem.
    for files in &AGENT {
        for c in files {
            let id = "agent-language-name";
            assert_ne!(agent_message(c.language, id, &[]), id, "{}", c.path);
        }
    }
    let loading: Vec<String> = misses()
        .into_iter()
        .filter(|m| m.contains(".ftl"))
        .collect();
    assert!(loading.is_empty(), "{loading:#?}");
}

/// The wall's Arabic counting before the catalogue (`count_noun`): the dual alone for 2, the
/// plural for 3–10 in the last two digits, the accusative singular for 11–99, else the singular.
fn count_noun(n: i64, [one, two, few, many]: [&str; 4]) -> String {
    let a = n.unsigned_abs();
    let r = a % 100;
    if a == 2 {
        return two.to_string();
    }
    let noun = if (3..=10).contains(&r) {
        few
    } else if (11..=99).contains(&r) {
        many
    } else {
        one
    };
    format!("{n} {noun}")
}

fn arabic(id: &str, n: i64, more: &[(&str, &str)]) -> String {
    let mut args = vec![("count", Arg::Count(n)), ("num", n.to_string().into())];
    args.extend(more.iter().map(|(k, v)| (*k, Arg::from(*v))));
    message(Language::Arabic, id, &args)
}

const COUNTS: [i64; 14] = [0, 1, 2, 3, 10, 11, 99, 100, 101, 102, 103, 111, 200, 1012];

#[test]
fn arabic_counted_forms_are_those_the_wall_wrote_before() {
    for n in COUNTS {
        let days = ["يوم", "يومان", "أيام", "يوماً"];
        assert_eq!(arabic("count-days", n, &[]), count_noun(n, days), "{n}");
        let indicators = ["مؤشر", "مؤشران", "مؤشرات", "مؤشراً"];
        assert_eq!(
            arabic("count-indicators", n, &[]),
            count_noun(n, indicators)
        );
        let programs = ["برنامج", "برنامجين", "برامج", "برنامجاً"];
        assert_eq!(
            arabic("budget-largest-programs", n, &[("shown", "9")]),
            format!("أكبر البرامج مخصصات: 9 من {}", count_noun(n, programs))
        );
        let centers = ["جهة", "جهتين", "جهات", "جهة"];
        assert_eq!(
            arabic("centers-weakest-of", n, &[("shown", "14")]),
            format!(
                "نسبة القرارات المنفذة: أضعف 14 من {}",
                count_noun(n, centers)
            )
        );
        let recommendations = ["توصية", "توصيتان", "توصيات", "توصية"];
        assert_eq!(
            arabic(
                "committees-approved-of-submitted",
                n,
                &[("submitted", "45")]
            ),
            format!("{} من 45", count_noun(n, recommendations))
        );
        let more = ["جهة", "جهتان", "جهات", "جهة"];
        assert_eq!(
            arabic("reporting-more-centers", n, &[]),
            format!("و{} أخرى", count_noun(n, more))
        );
    }
}

/// The counted notes of the decision and project boards: one and two said in words, 3–10 in the
/// last two digits plural, 11–99 accusative singular, the rest singular (96 قراراً but 310
/// قرارات, 100 قرار); before the catalogue they were always accusative (٣١٠ قراراً).
#[test]
fn arabic_counted_notes_take_the_form_their_count_asks() {
    let cases: [(&str, [&str; 7]); 5] = [
        (
            "count-decisions",
            [
                "قرار واحد",
                "قراران",
                "5 قرارات",
                "96 قراراً",
                "310 قرارات",
                "100 قرار",
                "0 قرار",
            ],
        ),
        (
            "count-decisions-executed",
            [
                "قرار واحد منفذ",
                "قراران منفذان",
                "5 قرارات منفذة",
                "96 قراراً منفذاً",
                "310 قرارات منفذة",
                "100 قرار منفذ",
                "0 قرار منفذ",
            ],
        ),
        (
            "decisions-routine-excluded",
            [
                "باستثناء قرار روتيني واحد",
                "باستثناء قرارين روتينيين",
                "باستثناء 5 قرارات روتينية",
                "باستثناء 96 قراراً روتينياً",
                "باستثناء 310 قرارات روتينية",
                "باستثناء 100 قرار روتيني",
                "باستثناء 0 قرار روتيني",
            ],
        ),
        (
            "decisions-issued-assignments",
            [
                "وتكليف واحد",
                "وتكليفان",
                "و5 تكليفات",
                "و96 تكليفاً",
                "و310 تكليفات",
                "و100 تكليف",
                "و0 تكليف",
            ],
        ),
        (
            "projects-months-late",
            [
                "تأخر متوقع شهر واحد",
                "تأخر متوقع شهران",
                "تأخر متوقع 5 أشهر",
                "تأخر متوقع 96 شهراً",
                "تأخر متوقع 310 أشهر",
                "تأخر متوقع 100 شهر",
                "تأخر متوقع 0 شهر",
            ],
        ),
    ];
    for (id, expected) in cases {
        for (n, want) in [1, 2, 5, 96, 310, 100, 0].into_iter().zip(expected) {
            assert_eq!(arabic(id, n, &[]), want, "{id} {n}");
        }
    }
    let unit = |n| {
        message(
            Language::Arabic,
            "donut-unit-decisions",
            &[("count", Arg::Count(n))],
        )
    };
    assert_eq!(
        [2, 3, 11, 100, 436].map(unit),
        ["قراران", "قرارات", "قراراً", "قرار", "قراراً"]
    );
}

#[test]
fn persian_and_english_count_as_their_readers_do() {
    let say = |language, n: i64| {
        message(
            language,
            "count-decisions",
            &[("count", Arg::Count(n)), ("num", n.to_string().into())],
        )
    };
    assert_eq!(say(Language::Persian, 5), "5 مصوبه");
    assert_eq!(say(Language::Persian, 12), "12 مصوبه");
    assert_eq!(say(Language::English, 1), "1 decision");
    assert_eq!(say(Language::English, 12), "12 decisions");
}
