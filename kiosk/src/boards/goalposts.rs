//! Moved goalposts on the wall: the KPI targets lowered and the due dates pushed back after they
//! were first reported (`shared::board::goalposts`), each with who moved it and as of when, so a
//! revised plan cannot make a late center look on time unseen.

use super::kpi::measure;
use super::overdue::decision_number;
use super::{days, quarter_name};
use crate::theme::{radius, size};
use crate::widgets::*;
use egui::{Align2, Rect, Ui, vec2};
use rasid_shared::board::{Achievement, KpiBoard, LoweredTarget, MovedDue, OverdueBoard};

/// The height of one two-line entry.
fn entry_height() -> f32 {
    size::ROW * 1.4 + size::SMALL * 1.4 + 10.0
}

/// How many entries of `entry_h` fit in a panel of `rect` (at least one).
fn capacity(rect: Rect, entry_h: f32) -> usize {
    ((rect.height() - size::TILE_TITLE * 2.2) / entry_h)
        .floor()
        .max(1.0) as usize
}

/// What was cut: the quarter's target when it was lowered, else the year's.
fn cut_text(l: &LoweredTarget, env: &Env) -> String {
    let m = |v: f64| measure(v, &l.unit, env);
    if l.quarter_target < l.first_quarter_target {
        env.tr_args(
            "goalposts-quarter-target-cut",
            &[
                ("quarter", quarter_name(l.quarter, env).into()),
                ("first", m(l.first_quarter_target).into()),
                ("now", m(l.quarter_target).into()),
            ],
        )
    } else {
        env.tr_args(
            "goalposts-annual-target-cut",
            &[
                ("first", m(l.first_annual_target).into()),
                ("now", m(l.annual_target).into()),
            ],
        )
    }
}

/// Panel of the KPI board: the targets lowered, the deepest cut first, each with its center,
/// the cut, the day of the revision and the achievement against the first target.
pub fn lowered_panel(ui: &Ui, rect: Rect, b: &KpiBoard, env: &Env) {
    let t = &env.theme;
    let title = env.tr_args(
        "goalposts-lowered-title",
        &[("num", env.int(b.lowered_total).into())],
    );
    let body = panel(ui, rect, &title, env);
    let cap = capacity(rect, entry_height());
    let shown = &b.lowered[..b.lowered.len().min(cap)];
    let r = rows(body, &vec![1.0; cap], 4.0);
    for (i, (l, cell)) in shown.iter().zip(r).enumerate() {
        if i % 2 == 1 {
            row_stripe(
                ui,
                cell.expand2(vec2(8.0, 2.0)),
                radius::ROW_STRIPE_TALL,
                env,
            );
        }
        let lines = rows(cell, &[1.4, 1.0], 0.0);
        let head = columns_rtl(lines[0], &[3.0, 1.4], 10.0);
        text(
            ui,
            head[0],
            &env.digits_of(&l.name),
            rtl(size::ROW, t.text),
            RIGHT,
            Some(1),
        );
        // The achievement against the first target: the figure the revised plan hides.
        let color = match b.thresholds.classify(l.achievement_first_pct) {
            Achievement::Met => t.executed,
            Achievement::Partly => t.in_progress,
            Achievement::Missed => t.not_started,
            Achievement::NoTarget => t.muted,
        };
        let first = l
            .achievement_first_pct
            .filter(|p| p.is_finite())
            .map(|p| env.pct(p))
            .unwrap_or_else(|| "—".into());
        text(
            ui,
            head[1],
            &first,
            rtl(size::ROW, color).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
        let detail = env.tr_args(
            "goalposts-lowered-detail",
            &[
                ("center", l.center_ar.as_str().into()),
                ("cut", cut_text(l, env).into()),
                ("date", env.date(l.as_of).into()),
            ],
        );
        text(
            ui,
            lines[1],
            &detail,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
    }
}

/// The due dates of a move: "١ أبريل ٢٠٢٣ ← ١ سبتمبر ٢٠٢٣", or the first date and "removed".
fn dates_text(m: &MovedDue, env: &Env) -> String {
    match m.due {
        Some(due) => env.tr_args(
            "goalposts-due-moved",
            &[
                ("first", env.date(m.first_due).into()),
                ("now", env.date(due).into()),
            ],
        ),
        None => env.tr_args(
            "goalposts-due-removed",
            &[("first", env.date(m.first_due).into())],
        ),
    }
}

/// Panel of the overdue board: the decisions whose due date was pushed back or removed, the
/// longest late against their first date first; each with its number, title, the two dates, who
/// moved it and as of when.
pub fn moved_panel(ui: &Ui, rect: Rect, b: &OverdueBoard, env: &Env) {
    let t = &env.theme;
    let title = env.tr_args(
        "goalposts-moved-title",
        &[
            ("num", env.int(b.moved_total).into()),
            ("hidden", env.int(b.hidden_by_move).into()),
        ],
    );
    let body = panel(ui, rect, &title, env);
    let head_h = size::SMALL * 1.8;
    let head = Rect::from_min_size(body.min, vec2(body.width(), head_h));
    let list = Rect::from_min_max(egui::pos2(body.left(), head.bottom()), body.max);
    let cap = ((list.height() / entry_height()).floor() as usize).max(1);
    let heads = columns_rtl(head, &[1.1, 6.0], 12.0);
    for (h, c) in [
        env.tr("goalposts-heading-late-by-first"),
        env.tr("goalposts-heading-decision"),
    ]
    .iter()
    .zip(heads)
    {
        text(ui, c, h, rtl(size::SMALL, t.muted), RIGHT, Some(1));
    }
    let shown = &b.moved[..b.moved.len().min(cap)];
    let r = rows(list, &vec![1.0; cap], 4.0);
    for (i, (m, cell)) in shown.iter().zip(r).enumerate() {
        if i % 2 == 1 {
            row_stripe(
                ui,
                cell.expand2(vec2(8.0, 2.0)),
                radius::ROW_STRIPE_TALL,
                env,
            );
        }
        let cols = columns_rtl(cell, &[1.1, 6.0], 12.0);
        let late = if m.days_late_against_first > 0 {
            days(env, m.days_late_against_first)
        } else {
            "—".into()
        };
        let chip_color = if m.days_late_against_first > 0 {
            t.not_started
        } else {
            t.muted
        };
        chip(
            ui,
            Rect::from_center_size(cols[0].center(), vec2(cols[0].width(), size::ROW * 1.5)),
            &late,
            rtl(size::ROW_NUMBER * 0.7, t.background).bold(),
            chip_color,
            RIGHT,
        );
        let lines = rows(cols[1], &[1.4, 1.0], 0.0);
        let head = columns_rtl(lines[0], &[1.0, 6.0], 12.0);
        let (number, spec) = decision_number(&m.number, env);
        text(ui, head[0], &number, spec, RIGHT, Some(1));
        text(
            ui,
            head[1],
            &m.title,
            rtl(size::ROW, t.text),
            RIGHT,
            Some(1),
        );
        let args = [
            ("dates", dates_text(m, env).into()),
            ("by", m.by_ar.as_str().into()),
            ("date", env.date(m.as_of).into()),
        ];
        let detail = if m.moved_after_due {
            env.tr_args("goalposts-moved-detail-after-due", &args)
        } else {
            env.tr_args("goalposts-moved-detail", &args)
        };
        text(
            ui,
            lines[1],
            &detail,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
    }
}
