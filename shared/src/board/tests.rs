use super::*;
use crate::demo::{self, figures};
use crate::model::*;
use chrono::NaiveDate;

fn demo_dataset() -> Dataset {
    let d = demo::generate();
    Dataset::from_envelopes(d.centers, d.records)
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
        },
        demo::demo_today(),
    );
    let mut parts = 0;
    for t in 1..=3 {
        let f = BoardFilter {
            center: Some(CenterCode::new("GSC").unwrap()),
            year: Some(2023),
            period: Some(Period::FourMonths(t)),
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
    let r = aggregate_center_ranking(&data, &BoardFilter::default());
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
