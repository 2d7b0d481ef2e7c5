use super::*;
use crate::board::Execution;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
}

fn code(s: &str) -> CenterCode {
    CenterCode::new(s).expect("a center code")
}

fn num(s: &str) -> DecisionNumber {
    s.parse().expect("a decision number")
}

fn center(c: &str, ar: &str) -> Center {
    Center {
        code: code(c),
        name_ar: ar.into(),
        name_en: c.into(),
        parent: None,
    }
}

fn decision(n: &str, centers: &[&str], due: Option<NaiveDate>, links: &[&str]) -> Decision {
    Decision {
        number: num(n),
        date: day(2023, 3, 1),
        kind: DecisionKind::Decision,
        title: format!("قرار {n}"),
        routine: false,
        classification: Classification {
            sector: Some("الصحة".into()),
            ..Default::default()
        },
        centers: centers.iter().map(|c| code(c)).collect(),
        due,
        links: links.iter().map(|l| num(l)).collect(),
    }
}

fn env(c: &str, as_of: NaiveDate, revision: u64, record: Record) -> RecordEnvelope {
    RecordEnvelope {
        center: code(c),
        as_of,
        revision,
        record,
    }
}

fn status(n: &str, s: ExecutionStatus, progress: u8, note: &str, f: &[FollowUp]) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision: num(n),
        status: s,
        progress,
        note: note.into(),
        follow_ups: f.to_vec(),
    })
}

/// 18/212/02 for MOH (lead) and MOF, due 2023-06-30, linked to 18/200/05 (known, executed) and
/// 18/999/01 (never received). MOH revised its status three times; MOF reported once.
fn scene() -> (Dataset, Vec<RecordEnvelope>) {
    let sec = "SEC";
    let mut data = Dataset::new([center("MOH", "وزارة الصحة"), center("MOF", "وزارة المالية")]);
    let call = FollowUp {
        kind: FollowUpKind::Call,
        date: day(2023, 8, 10),
    };
    let letter = FollowUp {
        kind: FollowUpKind::Letter,
        date: day(2023, 7, 2),
    };
    let memo = FollowUp {
        kind: FollowUpKind::Memo,
        date: day(2023, 9, 1),
    };
    let moh = [
        env(
            "MOH",
            day(2023, 4, 1),
            1,
            status("18/212/02", ExecutionStatus::NotStarted, 0, "", &[]),
        ),
        env(
            "MOH",
            day(2023, 7, 1),
            2,
            status(
                "18/212/02",
                ExecutionStatus::InProgress,
                30,
                "بدء التنفيذ",
                std::slice::from_ref(&letter),
            ),
        ),
        env(
            "MOH",
            day(2023, 10, 1),
            3,
            status(
                "18/212/02",
                ExecutionStatus::InProgress,
                60,
                "",
                &[letter.clone(), call.clone()],
            ),
        ),
    ];
    let mof = env(
        "MOF",
        day(2023, 9, 15),
        1,
        status(
            "18/212/02",
            ExecutionStatus::Blocked,
            10,
            "بانتظار التمويل",
            &[memo],
        ),
    );
    let records = [
        env(
            sec,
            day(2023, 3, 1),
            1,
            Record::Session(Session {
                government: 18,
                number: 212,
                date: day(2023, 2, 28),
                kind: SessionKind::Ordinary,
            }),
        ),
        env(
            sec,
            day(2023, 3, 1),
            1,
            Record::Decision(decision(
                "18/212/02",
                &["MOH", "MOF"],
                Some(day(2023, 6, 30)),
                &["18/200/05", "18/999/01"],
            )),
        ),
        env(
            sec,
            day(2023, 1, 5),
            1,
            Record::Decision(decision("18/200/05", &["MOF"], None, &[])),
        ),
        env(
            "MOF",
            day(2023, 5, 1),
            1,
            status("18/200/05", ExecutionStatus::Executed, 100, "", &[]),
        ),
    ];
    for e in records.iter().chain(moh.iter()).chain([&mof]) {
        data.apply(e.clone());
    }
    // The store's history of the decision's status keys: every revision, here out of order.
    let history = vec![moh[2].clone(), moh[0].clone(), mof, moh[1].clone()];
    (data, history)
}

#[test]
fn a_story_lists_every_revision_of_every_center_oldest_first() {
    let (data, history) = scene();
    let s = decision_story(&data, &num("18/212/02"), &history, day(2023, 12, 31)).expect("found");
    assert_eq!(s.title, "قرار 18/212/02");
    assert_eq!(s.session_date, Some(day(2023, 2, 28)));
    assert_eq!(s.classification.sector.as_deref(), Some("الصحة"));
    let moh = &s.centers[0];
    assert!(moh.lead);
    assert_eq!(moh.name_ar, "وزارة الصحة");
    let seen: Vec<(NaiveDate, ExecutionStatus, u8)> = moh
        .revisions
        .iter()
        .map(|r| (r.as_of, r.status, r.progress))
        .collect();
    assert_eq!(
        seen,
        vec![
            (day(2023, 4, 1), ExecutionStatus::NotStarted, 0),
            (day(2023, 7, 1), ExecutionStatus::InProgress, 30),
            (day(2023, 10, 1), ExecutionStatus::InProgress, 60),
        ]
    );
    assert_eq!(moh.revisions[1].note, "بدء التنفيذ");
    let mof = &s.centers[1];
    assert!(!mof.lead);
    assert_eq!(mof.revisions.len(), 1);
    assert_eq!(mof.revisions[0].status, ExecutionStatus::Blocked);
    // MOF blocked → blocked; (60 + 10) / 2 = 35; newest report 2023-10-01.
    assert_eq!(s.execution, Execution::Blocked);
    assert_eq!(s.progress, 35);
    assert_eq!(s.as_of, Some(day(2023, 10, 1)));
    // Due 2023-06-30, today 2023-12-31: 1 + 31 + 31 + 30 + 31 + 30 + 30 = 184 days.
    assert_eq!(s.days_overdue, Some(184));
}

#[test]
fn the_follow_ups_are_those_of_the_current_statuses_by_date() {
    let (data, history) = scene();
    let s = decision_story(&data, &num("18/212/02"), &history, day(2023, 12, 31)).expect("found");
    let f: Vec<(NaiveDate, FollowUpKind, &str)> = s
        .follow_ups
        .iter()
        .map(|f| (f.date, f.kind, f.center.as_str()))
        .collect();
    assert_eq!(
        f,
        vec![
            (day(2023, 7, 2), FollowUpKind::Letter, "MOH"),
            (day(2023, 8, 10), FollowUpKind::Call, "MOH"),
            (day(2023, 9, 1), FollowUpKind::Memo, "MOF"),
        ]
    );
}

#[test]
fn a_link_to_an_unknown_decision_is_kept_and_said_unknown() {
    let (data, history) = scene();
    let s = decision_story(&data, &num("18/212/02"), &history, day(2023, 12, 31)).expect("found");
    assert_eq!(s.links.len(), 2);
    assert_eq!(s.links[0].number, num("18/200/05"));
    assert!(s.links[0].known);
    assert_eq!(s.links[0].execution, Some(Execution::Executed));
    assert_eq!(s.links[0].title.as_deref(), Some("قرار 18/200/05"));
    assert_eq!(s.links[1].number, num("18/999/01"));
    assert!(!s.links[1].known);
    assert_eq!(
        (s.links[1].title.as_ref(), s.links[1].execution),
        (None, None)
    );
}

#[test]
fn without_history_the_current_status_is_the_only_revision() {
    let (data, _) = scene();
    let s = decision_story(&data, &num("18/212/02"), [], day(2023, 12, 31)).expect("found");
    assert_eq!(s.centers[0].revisions.len(), 1);
    assert_eq!(s.centers[0].revisions[0].progress, 60);
}

#[test]
fn a_routine_decision_is_never_overdue_and_a_center_without_report_has_no_revision() {
    let (mut data, _) = scene();
    let mut d = decision("18/212/03", &["MOH"], Some(day(2023, 4, 1)), &[]);
    d.routine = true;
    data.apply(env("SEC", day(2023, 3, 1), 1, Record::Decision(d)));
    let s = decision_story(&data, &num("18/212/03"), [], day(2023, 12, 31)).expect("found");
    assert!(s.routine);
    assert_eq!(s.days_overdue, None);
    assert_eq!(s.execution, Execution::Unreported);
    assert!(s.centers[0].revisions.is_empty());
    assert!(s.follow_ups.is_empty() && s.links.is_empty());
}

#[test]
fn an_executed_or_not_yet_due_decision_is_not_overdue() {
    let (data, history) = scene();
    let s = decision_story(&data, &num("18/200/05"), &history, day(2023, 12, 31)).expect("found");
    assert_eq!((s.execution, s.days_overdue), (Execution::Executed, None));
    let s = decision_story(&data, &num("18/212/02"), &history, day(2023, 6, 30)).expect("found");
    assert_eq!(s.days_overdue, None, "due that very day: not yet overdue");
}

#[test]
fn an_unknown_number_is_not_found_not_an_empty_story() {
    let (data, history) = scene();
    let e = decision_story(&data, &num("18/212/99"), &history, day(2023, 12, 31))
        .expect_err("no such decision");
    assert_eq!(e, StoryError::NotFound(num("18/212/99")));
    assert!(e.to_string().contains("18/212/99"), "{e}");
}

#[test]
fn the_status_key_is_the_one_records_are_stored_under() {
    let r = status("18/212/02", ExecutionStatus::Executed, 100, "", &[]);
    assert_eq!(
        status_key(&num("18/212/02"), &code("MOH")),
        r.key(&code("MOH"))
    );
}

#[test]
fn the_demo_tells_the_story_of_18_212_02_with_earlier_revisions() {
    let d = crate::demo::generate();
    let history = crate::demo::status_history(&d);
    let data = Dataset::from_envelopes(d.centers, d.records);
    let s = decision_story(
        &data,
        &num("18/212/02"),
        &history,
        crate::demo::demo_today(),
    )
    .expect("18/212/02 is in the demo");
    assert!(!s.links.is_empty() && s.links.iter().all(|l| l.known));
    assert!(s.centers.iter().all(|c| c.revisions.len() == 3), "{s:#?}");
}
