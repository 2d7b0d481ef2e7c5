use super::*;
use crate::demo::{self, figures};
use crate::model::*;
use chrono::NaiveDate;

fn demo_dataset() -> Dataset {
    let d = demo::generate();
    Dataset::from_envelopes(d.centers, d.records)
}

/// Board `name` of the demo, unfiltered.
fn demo_board(name: BoardName) -> BoardView {
    build_board(name, &demo_dataset(), &BoardFilter::default(), &ctx())
}

fn ctx() -> BoardContext {
    BoardContext {
        today: demo::demo_today(),
        kpi: KpiThresholds::default(),
    }
}

fn pct(n: u32, c: &ExecutionCounts) -> i64 {
    c.percent(n).map(|p| p.round() as i64).unwrap_or(-1)
}

#[test]
fn demo_reproduces_the_2023_decision_figures() {
    let data = demo_dataset();
    let b = aggregate_decision_execution(&data, &BoardFilter::default());
    assert_eq!(b.issued_decisions, figures::DECISIONS);
    assert_eq!(b.issued_assignments, figures::ASSIGNMENTS);
    assert_eq!(b.routine_excluded, figures::ROUTINE_DECISIONS);
    // Analysed decisions: the non-routine ones with a status plus the routine analysed ones.
    assert_eq!(b.decisions.analysed() + 291, figures::ANALYSED_DECISIONS);
    assert_eq!(
        (
            pct(b.decisions.executed, &b.decisions),
            pct(b.decisions.in_progress, &b.decisions),
            pct(b.decisions.not_started, &b.decisions)
        ),
        (45, 37, 18)
    );
    assert_eq!(
        (
            pct(b.assignments.executed, &b.assignments),
            pct(b.assignments.in_progress, &b.assignments),
            pct(b.assignments.not_started, &b.assignments)
        ),
        (50, 37, 13)
    );
    assert_eq!(
        b.decisions.unreported, 30,
        "decisions of the last sessions await their first report"
    );
    assert_eq!(b.assignments.unreported, 0);
    assert_eq!(b.sessions, 49);
    assert_eq!(
        (
            b.follow_ups.calls,
            b.follow_ups.letters,
            b.follow_ups.messages,
            b.follow_ups.memos
        ),
        (
            figures::CALLS,
            figures::LETTERS,
            figures::MESSAGES,
            figures::MEMOS
        )
    );
    let trend_total: u32 = b.trend.iter().map(|m| m.counts.total()).sum();
    assert_eq!(trend_total, b.decisions.total() + b.assignments.total());
}

#[test]
fn demo_reproduces_the_committee_figures() {
    let b = aggregate_committees(&demo_dataset(), &BoardFilter::default(), demo::demo_today());
    assert_eq!(b.committees, figures::COMMITTEES);
    assert_eq!(b.formed, figures::COMMITTEES);
    assert_eq!(b.meetings, figures::COMMITTEE_MEETINGS);
    assert_eq!(b.minutes, figures::COMMITTEE_MINUTES);
    assert_eq!(b.minutes_to_cabinet, figures::MINUTES_TO_CABINET);
    assert_eq!(b.recommendations_submitted, figures::RECOMMENDATIONS);
    assert_eq!(
        b.recommendations_approved,
        figures::RECOMMENDATIONS_APPROVED
    );
    assert_eq!(b.finished, figures::COMMITTEES_FINISHED);
    assert_eq!(b.approval_pct().map(|p| p.round() as i64), Some(91));
}

#[test]
fn demo_reproduces_the_secretariat_budget() {
    let f = BoardFilter {
        center: Some(CenterCode::new("GSC").unwrap()),
        year: Some(2023),
        period: None,
        by: None,
    };
    let b = aggregate_budget(&demo_dataset(), &f, demo::demo_today());
    assert_eq!(b.total.allocated, figures::SECRETARIAT_BUDGET_PLANNED);
    assert_eq!(b.total.spent, figures::SECRETARIAT_BUDGET_SPENT);
    assert_eq!(b.total.execution_pct().map(|p| p.round() as i64), Some(67));
    assert_eq!(b.currency, "ILS");
    let dev = b
        .by_category
        .iter()
        .find(|c| c.category == BudgetCategory::Development)
        .unwrap();
    let op = b
        .by_category
        .iter()
        .find(|c| c.category == BudgetCategory::Operating)
        .unwrap();
    assert_eq!(dev.totals.spent, figures::SECRETARIAT_DEVELOPMENT_SPENT);
    assert_eq!(op.totals.spent, figures::SECRETARIAT_OPERATING_SPENT);
    assert_eq!(
        (100.0 * dev.totals.spent as f64 / b.total.spent as f64).round() as i64,
        62
    );
    assert_eq!(b.monthly.len(), 12);
    assert_eq!(
        b.monthly[11].cumulative_spent,
        figures::SECRETARIAT_BUDGET_SPENT
    );
    assert_eq!(
        b.monthly[11].linear_plan,
        figures::SECRETARIAT_BUDGET_PLANNED
    );
}

#[test]
fn budget_by_four_month_period_counts_only_its_months() {
    let data = demo_dataset();
    let year = aggregate_budget(
        &data,
        &BoardFilter {
            center: Some(CenterCode::new("GSC").unwrap()),
            year: Some(2023),
            period: None,
            by: None,
        },
        demo::demo_today(),
    );
    let mut parts = 0;
    for t in 1..=3 {
        let f = BoardFilter {
            center: Some(CenterCode::new("GSC").unwrap()),
            year: Some(2023),
            period: Some(Period::FourMonths(t)),
            by: None,
        };
        let b = aggregate_budget(&data, &f, demo::demo_today());
        assert_eq!(b.monthly.len(), 4);
        assert_eq!(b.monthly[0].month, (t - 1) * 4 + 1);
        assert_eq!(b.monthly[3].cumulative_spent, b.total.spent);
        assert_eq!(b.monthly[3].linear_plan, b.total.allocated);
        parts += b.total.spent;
    }
    assert_eq!(
        parts, year.total.spent,
        "the three four-month periods add up to the year"
    );
    let q = aggregate_kpi(
        &data,
        &BoardFilter {
            center: None,
            year: Some(2023),
            period: Some(Period::Quarter(2)),
            by: None,
        },
        KpiThresholds::default(),
        demo::demo_today(),
    );
    assert_eq!(q.quarters.len(), 1);
    assert_eq!(q.quarters[0].quarter, 2);
}

#[test]
fn demo_has_the_operational_plan_and_every_board_builds() {
    let data = demo_dataset();
    let f = BoardFilter {
        center: Some(CenterCode::new("GSC").unwrap()),
        year: None,
        period: None,
        by: None,
    };
    let k = aggregate_kpi(&data, &f, KpiThresholds::default(), demo::demo_today());
    assert_eq!(k.rows.len() as u32, figures::OPERATIONAL_PLAN_ACTIVITIES);
    assert_eq!(k.quarters.len(), 4);
    for name in BoardName::ALL {
        let v = build_board(name, &data, &BoardFilter::default(), &ctx());
        assert_eq!(v.name(), name);
        assert!(v.as_of().is_some(), "{name} has an as-of date");
        let json = serde_json::to_string(&v).unwrap();
        assert_eq!(
            serde_json::from_str::<BoardView>(&json).unwrap(),
            v,
            "{name} round-trips"
        );
    }
}

#[test]
fn ranking_and_overdue_are_ordered() {
    let data = demo_dataset();
    let r = aggregate_center_ranking(&data, &BoardFilter::default(), demo::demo_today());
    assert!(r.rows.len() >= 15);
    assert!(
        r.rows
            .windows(2)
            .all(|w| w[0].rate.unwrap_or(-1.0) >= w[1].rate.unwrap_or(-1.0))
    );
    let o = aggregate_overdue(&data, &BoardFilter::default(), demo::demo_today());
    assert!(o.total > 0 && o.rows.len() <= OVERDUE_ROWS);
    assert!(
        o.rows
            .windows(2)
            .all(|w| w[0].days_overdue >= w[1].days_overdue)
    );
    assert!(
        o.rows
            .iter()
            .all(|r| r.execution != Execution::Executed && r.due < o.today)
    );
}

#[test]
fn demo_projects_board_shows_status_delays_overspending_and_donors() {
    let data = demo_dataset();
    let b = aggregate_projects(&data, &BoardFilter::default());
    assert_eq!(b.projects, 21);
    assert_eq!(b.unreported, 0);
    let count = |s: ProjectStatus| {
        b.by_status
            .iter()
            .find(|x| x.status == s)
            .map(|x| x.projects)
            .unwrap_or(0)
    };
    assert_eq!(
        [
            count(ProjectStatus::OnTrack),
            count(ProjectStatus::Delayed),
            count(ProjectStatus::Stalled),
            count(ProjectStatus::Completed),
            count(ProjectStatus::Cancelled)
        ],
        [10, 5, 3, 2, 1]
    );
    assert_eq!(
        b.most_delayed[0].code, "GSC-ME-SYSTEM",
        "planned 100%, at 10%"
    );
    assert_eq!(b.most_delayed[0].gap_points, 90);
    assert!(
        b.most_delayed
            .windows(2)
            .all(|w| w[0].gap_points >= w[1].gap_points)
    );
    // The Gaza fishing port spent 79% of its budget at 35% progress.
    let port = b
        .spending_ahead
        .iter()
        .find(|r| r.code == "MOA-GAZA-PORT")
        .expect("overspending stands out");
    assert_eq!(port.spent_pct.map(|p| p.round() as i64), Some(79));
    assert_eq!(b.by_sector.len(), 6);
    assert_eq!(b.funding[0].donor, None, "the treasury comes first");
    let share = b.donor_share_pct().unwrap();
    assert!((60.0..90.0).contains(&share), "{share}");
    // The secretariat's own projects follow its budget: the solar plant cost 495,036.
    let gsc = BoardFilter {
        center: Some(CenterCode::new("GSC").unwrap()),
        year: None,
        period: None,
        by: None,
    };
    let g = aggregate_projects(&data, &gsc);
    assert_eq!(g.projects, 4);
    assert_eq!(
        g.budget_total, 2_140_000,
        "the secretariat's development allocation"
    );
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn env(center: &str, revision: u64, record: Record) -> RecordEnvelope {
    RecordEnvelope {
        center: CenterCode::new(center).unwrap(),
        as_of: d(2023, 6, 1),
        revision,
        record,
    }
}

fn decision(item: u16, centers: &[&str], routine: bool) -> Record {
    Record::Decision(Decision {
        number: DecisionNumber::new(18, 200, item),
        date: d(2023, 3, 1),
        kind: DecisionKind::Decision,
        title: "قرار".into(),
        routine,
        classification: Classification::default(),
        centers: centers
            .iter()
            .map(|c| CenterCode::new(c).unwrap())
            .collect(),
        due: Some(d(2023, 4, 1)),
        links: vec![],
    })
}

fn status(item: u16, s: ExecutionStatus) -> Record {
    Record::DecisionStatus(DecisionStatus {
        decision: DecisionNumber::new(18, 200, item),
        status: s,
        progress: if s == ExecutionStatus::Executed {
            100
        } else {
            0
        },
        note: String::new(),
        follow_ups: vec![],
    })
}

#[test]
fn combined_status_follows_the_weakest_center_and_unreported_is_not_zero() {
    use ExecutionStatus::*;
    assert_eq!(combine_statuses(&[]), Execution::Unreported);
    assert_eq!(combine_statuses(&[None, None]), Execution::Unreported);
    assert_eq!(
        combine_statuses(&[Some(Executed), None]),
        Execution::InProgress
    );
    assert_eq!(
        combine_statuses(&[Some(Executed), Some(Executed)]),
        Execution::Executed
    );
    assert_eq!(
        combine_statuses(&[Some(Executed), Some(Blocked)]),
        Execution::Blocked
    );
    assert_eq!(
        combine_statuses(&[Some(NotStarted), None]),
        Execution::NotStarted
    );
}

#[test]
fn newer_revisions_win_and_older_ones_change_nothing() {
    let mut data = Dataset::default();
    assert!(data.apply(env("GSC", 1, decision(1, &["MOH"], false))));
    assert!(data.apply(env("MOH", 2, status(1, ExecutionStatus::Executed))));
    assert!(!data.apply(env("MOH", 1, status(1, ExecutionStatus::NotStarted))));
    assert!(!data.apply(env("MOH", 2, status(1, ExecutionStatus::NotStarted))));
    let b = aggregate_decision_execution(&data, &BoardFilter::default());
    assert_eq!(b.decisions.executed, 1);
    assert_eq!(b.decisions.not_started, 0);
}

#[test]
fn center_filter_counts_only_that_centers_part() {
    let mut data = Dataset::default();
    data.apply(env("GSC", 1, decision(1, &["MOH", "MOF"], false)));
    data.apply(env("GSC", 1, decision(2, &["MOF"], false)));
    data.apply(env("GSC", 1, decision(3, &["MOH"], true)));
    data.apply(env("MOH", 1, status(1, ExecutionStatus::Executed)));
    let moh = BoardFilter {
        center: Some(CenterCode::new("MOH").unwrap()),
        year: None,
        period: None,
        by: None,
    };
    let b = aggregate_decision_execution(&data, &moh);
    assert_eq!(
        (
            b.decisions.executed,
            b.decisions.total(),
            b.routine_excluded
        ),
        (1, 1, 1)
    );
    let all = aggregate_decision_execution(&data, &BoardFilter::default());
    // Decision 1 is half done (MOF has not reported); decision 2 has no report at all.
    assert_eq!(
        (all.decisions.in_progress, all.decisions.unreported),
        (1, 1)
    );
    let overdue = aggregate_overdue(&data, &BoardFilter::default(), d(2023, 5, 1));
    assert_eq!(overdue.total, 2);
    assert_eq!(overdue.rows[0].days_overdue, 30);
}

#[test]
fn empty_dataset_gives_empty_boards_without_panicking() {
    let data = Dataset::default();
    for name in BoardName::ALL {
        let v = build_board(name, &data, &BoardFilter::default(), &ctx());
        assert_eq!(v.as_of(), None, "{name}");
    }
}

mod laws {
    use super::*;
    use proptest::prelude::*;

    fn arb_status() -> impl Strategy<Value = ExecutionStatus> {
        prop_oneof![
            Just(ExecutionStatus::NotStarted),
            Just(ExecutionStatus::InProgress),
            Just(ExecutionStatus::Executed),
            Just(ExecutionStatus::Blocked)
        ]
    }

    proptest! {
        /// Aggregating the union of two disjoint sets of decisions equals the sum of each.
        #[test]
        fn execution_counts_of_a_union_are_the_sum(
            a in proptest::collection::vec(proptest::option::of(arb_status()), 0..40),
            b in proptest::collection::vec(proptest::option::of(arb_status()), 0..40),
        ) {
            let build = |xs: &[Option<ExecutionStatus>], offset: u16| {
                let mut envs = Vec::new();
                for (i, s) in xs.iter().enumerate() {
                    let item = offset + i as u16 + 1;
                    envs.push(env("GSC", 1, decision(item, &["MOH"], false)));
                    if let Some(s) = s {
                        envs.push(env("MOH", 1, status(item, *s)));
                    }
                }
                envs
            };
            let ea = build(&a, 0);
            let eb = build(&b, 100);
            let count = |envs: Vec<RecordEnvelope>| {
                aggregate_decision_execution(&Dataset::from_envelopes(vec![], envs), &BoardFilter::default()).decisions
            };
            let ca = count(ea.clone());
            let cb = count(eb.clone());
            let cu = count(ea.into_iter().chain(eb).collect());
            prop_assert_eq!(cu.executed, ca.executed + cb.executed);
            prop_assert_eq!(cu.in_progress, ca.in_progress + cb.in_progress);
            prop_assert_eq!(cu.not_started, ca.not_started + cb.not_started);
            prop_assert_eq!(cu.blocked, ca.blocked + cb.blocked);
            prop_assert_eq!(cu.unreported, ca.unreported + cb.unreported);
        }

        /// Applying the same envelopes in any order gives the same boards.
        #[test]
        fn dataset_is_independent_of_arrival_order(seed in any::<u64>()) {
            let mut envs = vec![
                env("GSC", 1, decision(1, &["MOH"], false)),
                env("MOH", 1, status(1, ExecutionStatus::NotStarted)),
                env("MOH", 2, status(1, ExecutionStatus::InProgress)),
                env("MOH", 3, status(1, ExecutionStatus::Executed)),
            ];
            let base = aggregate_decision_execution(&Dataset::from_envelopes(vec![], envs.clone()), &BoardFilter::default());
            let n = envs.len();
            for i in 0..n {
                envs.swap(i, (seed as usize >> i) % n);
            }
            let again = aggregate_decision_execution(&Dataset::from_envelopes(vec![], envs), &BoardFilter::default());
            prop_assert_eq!(base, again);
        }
    }
}

/// A budget line of `center` for month `month` of `year`, as stored (not validated).
fn budget_line(
    center: &str,
    year: i32,
    month: u8,
    program: &str,
    allocated: i64,
    spent: i64,
) -> RecordEnvelope {
    env(
        center,
        1,
        Record::Budget(BudgetLine {
            fiscal_year: year,
            month,
            program: program.into(),
            category: BudgetCategory::Operating,
            allocated,
            revised: None,
            committed: 0,
            spent,
            currency: "ILS".into(),
        }),
    )
}

#[test]
fn budget_sums_saturate_instead_of_wrapping() {
    // Two lines at the end of i64 (stored before amounts were bounded) once showed a total of -2.
    let data = Dataset::from_envelopes(
        vec![],
        [
            budget_line("MOH", 2023, 1, "P1", i64::MAX, i64::MAX),
            budget_line("MOF", 2023, 1, "P1", i64::MAX, i64::MAX),
        ],
    );
    let b = aggregate_budget(&data, &BoardFilter::default(), d(2024, 2, 12));
    assert_eq!((b.total.allocated, b.total.spent), (i64::MAX, i64::MAX));
    assert_eq!(b.monthly[0].cumulative_spent, i64::MAX);
    assert!(b.by_center.iter().all(|c| c.totals.allocated == i64::MAX));
}

#[test]
fn a_period_share_is_taken_of_the_summed_allocation_rounded_half_to_even() {
    let data = Dataset::from_envelopes(
        vec![],
        [
            budget_line("MOH", 2023, 1, "P1", 1_000_000, 0),
            budget_line("MOH", 2023, 1, "P2", 500_000, 0),
        ],
    );
    let m1 = BoardFilter {
        period: Some(Period::Month(1)),
        ..BoardFilter::default()
    };
    let b = aggregate_budget(&data, &m1, d(2024, 2, 12));
    // Not 83,333 + 41,666 = 124,999: a twelfth of 1,500,000.
    assert_eq!(b.total.allocated, 125_000);
    assert_eq!(b.by_center[0].totals.allocated, 125_000);
    assert_eq!(b.monthly[0].linear_plan, 125_000);
    let programs: Vec<i64> = b.by_program.iter().map(|p| p.totals.allocated).collect();
    assert_eq!(programs, [83_333, 41_667]);
    // Halves go to the even neighbour: 6/12 -> 0, 18/12 -> 2, 30/12 -> 2.
    assert_eq!([6, 18, 30].map(|a| period_share(a, 1)), [0, 2, 2]);
    assert_eq!(period_share(i64::MAX, 12), i64::MAX);
}

#[test]
fn without_a_year_boards_show_the_current_year_not_the_highest_sent() {
    let today = d(2024, 2, 12);
    let kpi = |year: i32| {
        env(
            "MOH",
            1,
            Record::Kpi(KpiAchievement {
                program: "P1".into(),
                indicator: "I1".into(),
                name: "مؤشر".into(),
                unit: "%".into(),
                year,
                quarter: 1,
                annual_target: 4.0,
                quarter_target: 1.0,
                actual: 1.0,
                cost_planned: None,
                cost_actual: None,
            }),
        )
    };
    let committee = |year: i32| {
        env(
            "GSC",
            1,
            Record::Committee(CommitteeActivity {
                committee: "C1".into(),
                name: "لجنة".into(),
                year,
                forming_decision: None,
                formed: d(2023, 1, 1),
                meetings: 1,
                minutes: 0,
                minutes_to_cabinet: 0,
                recommendations_submitted: 0,
                recommendations_approved: 0,
                status: CommitteeStatus::Active,
            }),
        )
    };
    let data = Dataset::from_envelopes(
        vec![],
        [
            budget_line("MOH", 2023, 12, "P1", 1000, 10),
            budget_line("MOH", 2042, 1, "P1", 5000, 10),
            kpi(2023),
            kpi(2042),
            committee(2023),
            committee(2042),
        ],
    );
    let all = BoardFilter::default();
    assert_eq!(aggregate_budget(&data, &all, today).year, Some(2023));
    assert_eq!(
        aggregate_kpi(&data, &all, KpiThresholds::default(), today).year,
        Some(2023)
    );
    assert_eq!(aggregate_committees(&data, &all, today).year, Some(2023));
    // The current year is shown once it has data; a later one only when nothing else has.
    assert_eq!(default_year([2023, 2024, 2025], today), Some(2024));
    assert_eq!(default_year([2026, 2025], today), Some(2025));
    assert_eq!(default_year([], today), None);
}

#[test]
fn an_infinite_achievement_is_never_met() {
    // 1.7e308 against 1e-300 (stored before KPI figures were bounded): no status, not "met".
    let k = env(
        "MOH",
        1,
        Record::Kpi(KpiAchievement {
            program: "P1".into(),
            indicator: "I1".into(),
            name: "مؤشر".into(),
            unit: "%".into(),
            year: 2023,
            quarter: 1,
            annual_target: 4e-300,
            quarter_target: 1e-300,
            actual: 1.7e308,
            cost_planned: None,
            cost_actual: None,
        }),
    );
    let b = aggregate_kpi(
        &Dataset::from_envelopes(vec![], [k]),
        &BoardFilter::default(),
        KpiThresholds::default(),
        d(2024, 2, 12),
    );
    assert_eq!(b.rows[0].achievement_pct, None);
    assert_eq!(b.rows[0].achievement, Achievement::NoTarget);
    assert_eq!(
        (b.quarters[0].met, b.quarters[0].mean_achievement),
        (0, None)
    );
    let t = KpiThresholds::default();
    for p in [f64::INFINITY, f64::NAN, f64::NEG_INFINITY] {
        assert_eq!(t.classify(Some(p)), Achievement::NoTarget, "{p}");
    }
}

mod classification {
    use super::*;
    use ExecutionStatus::*;

    /// Decision `item` of session 200, with `sector` (and the program "P") as its classification.
    fn classified(item: u16, centers: &[&str], routine: bool, sector: Option<&str>) -> Record {
        let Record::Decision(mut d) = decision(item, centers, routine) else {
            unreachable!("decision() makes a decision")
        };
        d.classification = Classification {
            sector: sector.map(str::to_string),
            program: Some("P".into()),
            ..Classification::default()
        };
        Record::Decision(d)
    }

    fn data(records: Vec<RecordEnvelope>) -> Dataset {
        let mut data = Dataset::default();
        for r in records {
            assert!(data.apply(r));
        }
        data
    }

    fn row<'a>(b: &'a ClassificationBoard, class: Option<&str>) -> &'a ClassRow {
        b.rows
            .iter()
            .find(|r| r.class.as_deref() == class)
            .unwrap_or_else(|| panic!("no row {class:?} in {:?}", b.rows))
    }

    /// Health: 1 executed of 3 reported (33%) and 1 awaiting; economy: 1 of 2 (50%); security:
    /// 1 of 3 (33%, a tie with health, which has more decisions); two routine decisions left
    /// out; one without a sector; one whose sector is blank.
    fn mixed() -> Dataset {
        let mut r = vec![
            env("GSC", 1, classified(1, &["MOH"], false, Some("صحة"))),
            env("GSC", 1, classified(2, &["MOH"], false, Some("  صحة "))),
            env("GSC", 1, classified(3, &["MOH"], false, Some("صحة"))),
            env("GSC", 1, classified(4, &["MOH"], false, Some("صحة"))),
            env("GSC", 1, classified(5, &["MOF"], false, Some("اقتصاد"))),
            env("GSC", 1, classified(6, &["MOF"], false, Some("اقتصاد"))),
            env("GSC", 1, classified(7, &["MOI"], false, Some("أمن"))),
            env("GSC", 1, classified(8, &["MOI"], false, Some("أمن"))),
            env("GSC", 1, classified(9, &["MOI"], false, Some("أمن"))),
            env("GSC", 1, classified(10, &[], true, Some("صحة"))),
            env("GSC", 1, classified(11, &[], true, None)),
            env("GSC", 1, classified(12, &["MOA"], false, None)),
            env("GSC", 1, classified(13, &["MOA"], false, Some("   "))),
        ];
        for (item, center, s) in [
            (1, "MOH", Executed),
            (2, "MOH", InProgress),
            (3, "MOH", NotStarted),
            (5, "MOF", Executed),
            (6, "MOF", NotStarted),
            (7, "MOI", Executed),
            (8, "MOI", Blocked),
            (9, "MOI", InProgress),
            (12, "MOA", Executed),
        ] {
            r.push(env(center, 1, status(item, s)));
        }
        data(r)
    }

    #[test]
    fn weakest_first_with_ties_by_size_and_unclassified_last() {
        let b = aggregate_classification(&mixed(), &BoardFilter::default());
        assert_eq!(
            b.by,
            ClassifyBy::Sector,
            "sector when the filter names none"
        );
        let order: Vec<Option<&str>> = b.rows.iter().map(|r| r.class.as_deref()).collect();
        // Health and security both 1 of 3 (33%): health has 4 decisions, security 3.
        assert_eq!(order, [Some("صحة"), Some("أمن"), Some("اقتصاد"), None]);
        let health = row(&b, Some("صحة"));
        assert_eq!(
            (
                health.counts.executed,
                health.counts.in_progress,
                health.counts.not_started,
                health.counts.unreported
            ),
            (1, 1, 1, 1),
            "'  صحة ' is the class 'صحة'; decision 4 awaits its first report"
        );
        assert_eq!(health.rate.map(|r| (r * 100.0).round() as i64), Some(3333));
        let security = row(&b, Some("أمن"));
        assert_eq!(
            (security.counts.blocked, security.counts.analysed()),
            (1, 3)
        );
        assert_eq!(row(&b, Some("اقتصاد")).rate, Some(50.0));
        let none = row(&b, None);
        assert_eq!((none.counts.executed, none.counts.unreported), (1, 1));
        assert_eq!(none.rate, Some(100.0), "last although it is the best");
        assert_eq!(b.unclassified, 2, "no sector, and a blank one");
        assert_eq!(b.decisions, 11);
        assert_eq!(b.routine_excluded, 2);
        let total: u32 = b.rows.iter().map(|r| r.counts.total()).sum();
        assert_eq!(
            total, b.decisions,
            "every counted decision is in exactly one row"
        );
        assert_eq!(b.as_of, Some(d(2023, 6, 1)));
    }

    #[test]
    fn by_program_groups_by_another_field() {
        let f = BoardFilter {
            by: Some(ClassifyBy::Program),
            ..BoardFilter::default()
        };
        let b = aggregate_classification(&mixed(), &f);
        assert_eq!(b.by, ClassifyBy::Program);
        assert_eq!(b.rows.len(), 1);
        assert_eq!(b.rows[0].class.as_deref(), Some("P"));
        assert_eq!(b.rows[0].counts.executed, 4);
        assert_eq!(
            b.rows[0].counts.analysed(),
            9,
            "statuses of 1–3, 5–9 and 12"
        );
        assert_eq!(b.unclassified, 0);
        let f = BoardFilter {
            by: Some(ClassifyBy::Level),
            ..BoardFilter::default()
        };
        let b = aggregate_classification(&mixed(), &f);
        assert_eq!(
            (b.rows.len(), b.unclassified),
            (1, 11),
            "no decision has a level"
        );
        assert_eq!(b.rows[0].class, None);
    }

    #[test]
    fn a_decision_of_several_centers_counts_once_with_its_combined_status() {
        // 20: MOH executed, MOF not started → in progress (decision-execution's combination);
        // 21: both executed → executed; 22: MOH executed, MOF not reported → in progress.
        let data = data(vec![
            env(
                "GSC",
                1,
                classified(20, &["MOH", "MOF"], false, Some("صحة")),
            ),
            env(
                "GSC",
                1,
                classified(21, &["MOH", "MOF"], false, Some("صحة")),
            ),
            env(
                "GSC",
                1,
                classified(22, &["MOH", "MOF"], false, Some("صحة")),
            ),
            env("MOH", 1, status(20, Executed)),
            env("MOF", 1, status(20, NotStarted)),
            env("MOH", 1, status(21, Executed)),
            env("MOF", 1, status(21, Executed)),
            env("MOH", 1, status(22, Executed)),
        ]);
        let b = aggregate_classification(&data, &BoardFilter::default());
        assert_eq!(b.rows.len(), 1);
        let c = b.rows[0].counts;
        assert_eq!((c.executed, c.in_progress, c.total()), (1, 2, 3));
        let execution = aggregate_decision_execution(&data, &BoardFilter::default());
        assert_eq!(
            c, execution.decisions,
            "the same statuses as decision-execution"
        );
        // Filtered to MOH, only its own statuses count: all three executed.
        let moh = BoardFilter {
            center: Some(CenterCode::new("MOH").unwrap()),
            ..BoardFilter::default()
        };
        let b = aggregate_classification(&data, &moh);
        assert_eq!(
            (b.rows[0].counts.executed, b.rows[0].counts.total()),
            (3, 3)
        );
        let mof = BoardFilter {
            center: Some(CenterCode::new("MOF").unwrap()),
            ..BoardFilter::default()
        };
        let c = aggregate_classification(&data, &mof).rows[0].counts;
        assert_eq!((c.executed, c.not_started, c.unreported), (1, 1, 1));
    }

    #[test]
    fn classes_without_reports_come_after_rated_ones_and_an_empty_dataset_has_no_rows() {
        let data = data(vec![
            env("GSC", 1, classified(1, &["MOH"], false, Some("ب"))),
            env("GSC", 1, classified(2, &["MOH"], false, Some("أ"))),
            env("MOH", 1, status(2, Executed)),
        ]);
        let b = aggregate_classification(&data, &BoardFilter::default());
        let order: Vec<Option<&str>> = b.rows.iter().map(|r| r.class.as_deref()).collect();
        assert_eq!(
            order,
            [Some("أ"), Some("ب")],
            "100% before a class with no report"
        );
        assert_eq!(b.rows[1].rate, None);
        let empty = aggregate_classification(&Dataset::default(), &BoardFilter::default());
        assert!(empty.rows.is_empty());
        assert_eq!(
            (empty.decisions, empty.unclassified, empty.as_of),
            (0, 0, None)
        );
    }

    #[test]
    fn only_routine_decisions_give_no_rows_but_say_how_many_were_left_out() {
        let data = data(vec![
            env("GSC", 1, classified(1, &[], true, Some("صحة"))),
            env("GSC", 1, classified(2, &[], true, None)),
        ]);
        let b = aggregate_classification(&data, &BoardFilter::default());
        assert!(b.rows.is_empty());
        assert_eq!((b.routine_excluded, b.decisions), (2, 0));
    }

    #[test]
    fn by_is_read_as_written_and_nothing_else() {
        assert_eq!(ClassifyBy::parse(" type "), Some(ClassifyBy::Type));
        assert_eq!(ClassifyBy::parse("Sector"), None);
        assert_eq!(ClassifyBy::list(), "sector, program, level, type");
        let c = Classification {
            decision_type: Some(" مالي\tإداري ".into()),
            ..Classification::default()
        };
        assert_eq!(ClassifyBy::Type.class_of(&c).as_deref(), Some("مالي إداري"));
        assert_eq!(ClassifyBy::Sector.class_of(&c), None);
    }
}

#[test]
fn demo_classification_board_shows_infrastructure_weakest_and_the_unanalysed_unclassified() {
    let data = demo_dataset();
    let b = aggregate_classification(&data, &BoardFilter::default());
    let execution = aggregate_decision_execution(&data, &BoardFilter::default());
    assert_eq!(
        b.decisions,
        execution.decisions.total() + execution.assignments.total()
    );
    assert_eq!(b.routine_excluded, figures::ROUTINE_DECISIONS);
    let shown: Vec<(Option<&str>, [u32; 4], Option<i64>)> = b
        .rows
        .iter()
        .map(|r| {
            let c = r.counts;
            (
                r.class.as_deref(),
                [c.executed, c.in_progress, c.not_started, c.unreported],
                r.rate.map(|p| p.round() as i64),
            )
        })
        .collect();
    assert_eq!(
        shown,
        [
            (Some("البنية التحتية"), [58, 90, 69, 0], Some(27)),
            (Some("الاقتصاد"), [92, 99, 43, 0], Some(39)),
            (Some("الاجتماعي"), [116, 98, 23, 0], Some(49)),
            (Some("الأمن وسيادة القانون"), [94, 47, 14, 0], Some(61)),
            (Some("الحوكمة والإصلاح الإداري"), [160, 66, 14, 0], Some(67)),
            (None, [0, 0, 0, 30], None),
        ]
    );
    // The decisions the report had not analysed yet are the unclassified ones.
    assert_eq!(b.unclassified, execution.decisions.unreported);
    let by_status =
        |f: fn(&ExecutionCounts) -> u32| -> u32 { b.rows.iter().map(|r| f(&r.counts)).sum() };
    assert_eq!(
        by_status(|c| c.executed),
        figures::DECISIONS_EXECUTED + figures::ASSIGNMENTS_EXECUTED
    );
    assert_eq!(
        by_status(|c| c.not_started),
        figures::DECISIONS_NOT_STARTED + figures::ASSIGNMENTS_NOT_STARTED
    );
    let programs = aggregate_classification(
        &data,
        &BoardFilter {
            by: Some(ClassifyBy::Program),
            ..BoardFilter::default()
        },
    );
    assert_eq!(programs.rows.len(), 5, "four programs and the unclassified");
    assert_eq!(programs.rows[0].class.as_deref(), Some("الانفكاك الاقتصادي"));
}

#[test]
fn demo_history_changes_only_trends_moves_and_last_years_yearly_report() {
    let d = demo::generate();
    let current = Dataset::from_envelopes(d.centers.clone(), d.records.clone());
    let all = Dataset::from_envelopes(d.centers.clone(), d.all_revisions());
    let f = BoardFilter::default();
    for name in BoardName::ALL {
        let (a, b) = (
            build_board(name, &current, &f, &ctx()),
            build_board(name, &all, &f, &ctx()),
        );
        match (a, b) {
            (BoardView::Overdue(mut a), BoardView::Overdue(mut b)) => {
                assert!(a.moved.is_empty() && a.rows.iter().all(|r| r.first_due.is_none()));
                assert_eq!(
                    (b.moved_total, b.hidden_by_move, b.moved.len()),
                    (30, 2, 30),
                    "the demo's moved due dates"
                );
                assert!(b.moved.iter().any(|m| m.moved_after_due));
                for r in b.rows.iter_mut() {
                    (r.first_due, r.days_overdue_first) = (None, None);
                }
                (b.moved, b.moved_total, b.hidden_by_move) = (vec![], 0, 0);
                a.moved = vec![];
                assert_eq!(a, b, "every current overdue figure is unchanged");
            }
            (BoardView::Kpi(a), BoardView::Kpi(mut b)) => {
                assert!(a.lowered.is_empty());
                assert_eq!(b.lowered_total, 38, "the demo's lowered targets");
                assert!(b.rows.iter().any(|r| r.first_quarter_target.is_some()));
                for r in b.rows.iter_mut() {
                    (r.first_quarter_target, r.achievement_first_pct) = (None, None);
                }
                (b.lowered, b.lowered_total) = (vec![], 0);
                assert_eq!(a, b, "every current KPI figure is unchanged");
            }
            (BoardView::Centers(mut a), BoardView::Centers(mut b)) => {
                // The month-end rates move with the earlier revisions; December's is today's.
                for (x, y) in a.rows.iter_mut().zip(b.rows.iter_mut()) {
                    assert_eq!(y.trend.last().copied().flatten(), y.rate, "{}", y.center);
                    assert_ne!(x.trend, y.trend, "{}", y.center);
                    (x.trend, y.trend) = (vec![], vec![]);
                }
                assert_eq!(a, b, "every current centers figure is unchanged");
            }
            (BoardView::Trends(a), BoardView::Trends(b)) => {
                let last = |t: &TrendsBoard| t.execution.last().and_then(|p| p.rate);
                assert_eq!(last(&a), last(&b), "December's rate is today's");
                assert_eq!(
                    last(&b).map(f64::round),
                    Some(45.0),
                    "the decision-execution board's share of decisions executed"
                );
                assert!(a.spending.iter().all(|p| p.previous_year_rate.is_none()));
                assert!(b.spending.iter().all(|p| p.previous_year_rate.is_some()));
            }
            (BoardView::Reporting(mut a), BoardView::Reporting(mut b)) => {
                // Last year's budget makes last year's yearly report received, and only that.
                let yearly = |r: &mut ReportingBoard| {
                    for c in r.centers.iter_mut() {
                        c.cycles
                            .retain(|x| !matches!(x.report, DueReport::YearlyBudget { .. }));
                    }
                    r.cycles
                        .retain(|x| !matches!(x.report, DueReport::YearlyBudget { .. }));
                };
                yearly(&mut a);
                yearly(&mut b);
                assert_eq!(a, b, "every other reporting figure is unchanged");
            }
            (a, b) => assert_eq!(a, b, "board {name}"),
        }
    }
}

#[test]
fn demo_reproduces_the_complaints_figures() {
    let BoardView::Complaints(b) = demo_board(BoardName::Complaints) else {
        unreachable!()
    };
    use figures::*;
    assert_eq!(b.year, Some(2023));
    assert_eq!(
        (
            b.total.received,
            b.total.referred,
            b.total.handled(),
            b.total.accepted,
            b.total.rejected,
            b.total.processed,
            b.total.pending
        ),
        (
            COMPLAINTS_RECEIVED,
            COMPLAINTS_REFERRED,
            127,
            COMPLAINTS_ACCEPTED,
            COMPLAINTS_REJECTED,
            COMPLAINTS_PROCESSED,
            COMPLAINTS_PENDING
        )
    );
    assert_eq!(
        b.processing_rate.map(|r| (r * 10.0).round() / 10.0),
        Some(95.6)
    );
    assert_eq!(b.quarters.len(), 4);
    assert_eq!(b.total.overdue, 2);
}

#[test]
fn demo_reproduces_the_legislative_plans_figures() {
    let BoardView::Legislation(b) = demo_board(BoardName::Legislation) else {
        unreachable!()
    };
    use figures::*;
    assert_eq!(b.year, Some(2023));
    assert_eq!(
        (b.plan.items, b.plan.done),
        (LEGISLATION_PLANNED, LEGISLATION_PLANNED_DONE)
    );
    // 28 of 91: 30.8%, the report's 31%.
    assert_eq!(b.plan_rate.map(f64::round), Some(31.0));
    let by_type: Vec<(u64, u64)> = b
        .by_type
        .iter()
        .map(|r| (r.counts.done, r.counts.in_progress()))
        .collect();
    assert_eq!(
        by_type,
        [
            (LAWS_FORWARDED, LAWS_IN_PROGRESS),
            (REGULATIONS_APPROVED, REGULATIONS_IN_PROGRESS),
            (STRATEGIES_APPROVED, STRATEGIES_IN_PROGRESS)
        ]
    );
    assert_eq!((b.outside_plan.items, b.outside_plan.done), (8, 4));
    assert_eq!(b.memoranda, LEGAL_MEMORANDA);
    // The open items stand somewhere, and some are late on the year's last day.
    let open: u64 = b.open_by_stage.iter().map(|r| r.items).sum();
    assert_eq!(open, 32 + 31 + 4);
    assert!(!b.late.is_empty() && !b.done_this_quarter.is_empty());
    assert!(
        b.late
            .iter()
            .all(|r| r.done.is_none() && r.quarters_late > 0)
    );
}
