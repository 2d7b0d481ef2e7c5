//! Board `decision-execution`: decisions and assignments by execution (routine excluded, and
//! said so), headline counts, follow-up effort, and the execution of each month's decisions.

use crate::theme::{size, space};
use crate::widgets::*;
use egui::{Align2, Rect, Ui};
use rasid_shared::board::{DecisionExecutionBoard, ExecutionCounts};
use rasid_shared::format::{CalendarKind, month_name};
use rasid_shared::i18n::Arg;

pub fn show_execution(ui: &Ui, rect: Rect, b: &DecisionExecutionBoard, env: &Env) {
    if b.issued_decisions == 0
        && b.issued_assignments == 0
        && b.decisions.total() == 0
        && b.assignments.total() == 0
    {
        no_data(ui, rect, env, &super::no_data_text(env));
        return;
    }
    let r = rows(rect, &[1.0, 2.35, 1.75], space::GAP);
    cards(ui, r[0], b, env);
    let mid = columns_rtl(r[1], &[1.25, 1.25, 0.9], space::GAP);
    execution_donut(
        ui,
        mid[0],
        &env.tr("decisions-status-of-decisions"),
        &|n| env.tr_args("donut-unit-decisions", &[("count", Arg::Count(n.into()))]),
        &b.decisions,
        b.routine_excluded,
        env,
    );
    execution_donut(
        ui,
        mid[1],
        &env.tr("decisions-status-of-assignments"),
        &|n| env.tr_args("donut-unit-assignments", &[("count", Arg::Count(n.into()))]),
        &b.assignments,
        0,
        env,
    );
    follow_up_panel(ui, mid[2], b, env);
    trend(ui, r[2], b, env);
}

/// Decisions and assignments issued, and the shares of decisions executed, in progress and not
/// started.
fn cards(ui: &Ui, rect: Rect, b: &DecisionExecutionBoard, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0, 1.0, 1.0, 1.0], space::GAP);
    let d = &b.decisions;
    let pct = |n: u32, c: &ExecutionCounts| {
        c.percent(n)
            .map(|p| env.pct(p))
            .unwrap_or_else(|| "—".into())
    };
    number_card(
        ui,
        cards[0],
        &env.tr("decisions-issued"),
        &env.int(b.issued_decisions),
        t.accent,
        Some(&env.count("decisions-issued-assignments", b.issued_assignments)),
        env,
    );
    number_card(
        ui,
        cards[1],
        &env.tr("decisions-executed-share"),
        &pct(d.executed, d),
        t.executed,
        Some(&env.count("count-decisions-executed", d.executed)),
        env,
    );
    number_card(
        ui,
        cards[2],
        &env.tr("status-in-progress"),
        &pct(d.in_progress, d),
        t.in_progress,
        Some(&env.count("count-decisions", d.in_progress)),
        env,
    );
    number_card(
        ui,
        cards[3],
        &env.tr("decisions-not-started"),
        &pct(d.not_started, d),
        t.not_started,
        Some(&env.count("count-decisions", d.not_started)),
        env,
    );
}

/// The execution of each month's decisions and assignments, by status.
fn trend(ui: &Ui, rect: Rect, b: &DecisionExecutionBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("decisions-trend"), env);
    if b.trend.is_empty() {
        no_data(ui, body, env, &env.tr("decisions-none-in-period"));
        return;
    }
    let columns: Vec<Column> = b
        .trend
        .iter()
        .map(|m| Column {
            label: month_name(CalendarKind::Gregorian, m.month, env.language),
            parts: status_segments(&m.counts, env),
        })
        .collect();
    let split = columns_rtl(body, &[4.0, 1.0], space::GAP);
    stacked_columns_rtl(ui, split[0], &columns, env);
    let any_blocked = b.trend.iter().any(|m| m.counts.blocked > 0);
    let mut items = status_legend(None, env);
    items.retain(|i| any_blocked || i.0 != env.theme.blocked);
    legend(ui, split[1], &items, env);
}

fn status_segments(c: &ExecutionCounts, env: &Env) -> Vec<Segment> {
    let t = &env.theme;
    vec![
        Segment {
            value: c.executed as f64,
            color: t.executed,
        },
        Segment {
            value: c.in_progress as f64,
            color: t.in_progress,
        },
        Segment {
            value: c.not_started as f64,
            color: t.not_started,
        },
        Segment {
            value: c.blocked as f64,
            color: t.blocked,
        },
        Segment {
            value: c.unreported as f64,
            color: t.unreported,
        },
    ]
}

fn status_legend(c: Option<&ExecutionCounts>, env: &Env) -> Vec<(egui::Color32, String, String)> {
    let t = &env.theme;
    let value = |n: u32| match c {
        Some(c) => c.percent(n).map(|p| env.pct(p)).unwrap_or_default(),
        None => String::new(),
    };
    let mut items = vec![
        (
            t.executed,
            env.tr("status-executed"),
            c.map(|c| value(c.executed)).unwrap_or_default(),
        ),
        (
            t.in_progress,
            env.tr("status-in-progress"),
            c.map(|c| value(c.in_progress)).unwrap_or_default(),
        ),
        (
            t.not_started,
            env.tr("status-not-started"),
            c.map(|c| value(c.not_started)).unwrap_or_default(),
        ),
    ];
    if c.is_none_or(|c| c.blocked > 0) {
        items.push((
            t.blocked,
            env.tr("status-blocked"),
            c.map(|c| value(c.blocked)).unwrap_or_default(),
        ));
    }
    if c.is_none() {
        items.push((
            t.unreported,
            env.tr("status-awaiting-report"),
            String::new(),
        ));
    }
    items
}

fn execution_donut(
    ui: &Ui,
    rect: Rect,
    title: &str,
    unit: &dyn Fn(u32) -> String,
    c: &ExecutionCounts,
    routine: u32,
    env: &Env,
) {
    let body = panel(ui, rect, title, env);
    if c.analysed() == 0 {
        no_data(ui, body, env, &env.tr("decisions-no-reports-yet"));
        return;
    }
    let notes_h = size::SMALL * 1.5 * 2.0;
    let main = Rect::from_min_max(body.min, egui::pos2(body.right(), body.bottom() - notes_h));
    let cols = columns_rtl(main, &[1.0, 1.0], space::GAP);
    // Percentages are of analysed items: those still awaiting a report are not in the ring.
    let reported = ExecutionCounts {
        unreported: 0,
        ..*c
    };
    donut(
        ui,
        cols[0],
        &status_segments(&reported, env),
        &env.int(c.analysed()),
        &unit(c.analysed()),
        env,
    );
    legend(ui, cols[1], &status_legend(Some(c), env), env);
    let notes = Rect::from_min_max(egui::pos2(body.left(), main.bottom()), body.max);
    let mut lines = Vec::new();
    if routine > 0 {
        lines.push(env.count("decisions-routine-excluded", routine));
    }
    if c.unreported > 0 {
        lines.push(env.count("decisions-awaiting-first-report", c.unreported));
    }
    let r = rows(notes, &[1.0, 1.0], 0.0);
    for (i, l) in lines.iter().enumerate() {
        text(
            ui,
            r[i],
            l,
            rtl(size::SMALL, env.theme.muted),
            RIGHT,
            Some(1),
        );
    }
}

fn follow_up_panel(ui: &Ui, rect: Rect, b: &DecisionExecutionBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("decisions-follow-up"), env);
    let f = &b.follow_ups;
    let items = [
        (env.tr("follow-up-calls"), f.calls),
        (env.tr("follow-up-messages"), f.messages),
        (env.tr("follow-up-letters"), f.letters),
        (env.tr("follow-up-memos"), f.memos),
    ];
    let r = rows(body, &[1.0; 4], 6.0);
    for (i, (label, n)) in items.iter().enumerate() {
        let cols = columns_rtl(r[i], &[1.3, 1.0], 8.0);
        text(
            ui,
            cols[0],
            label,
            rtl(size::BODY, env.theme.muted),
            RIGHT,
            Some(1),
        );
        text(
            ui,
            cols[1],
            &env.int(*n),
            rtl(size::MEDIUM_NUMBER, env.theme.text).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}
