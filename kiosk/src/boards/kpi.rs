//! Board `kpi`: performance indicators and outputs against their quarterly targets: in the
//! latest quarter how many are met, partly met and missed (by the operator's thresholds, as
//! the view model classifies them) and the mean achievement; the same split per quarter; the
//! weakest indicators with target, actual and achievement; cost price planned against actual
//! (its totals and ranking are `shared::board::kpi_cost`'s).

use super::{no_data_text, quarter_name};
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Align2, Color32, Rect, Ui, pos2};
use rasid_shared::board::{Achievement, CostOverrun, KpiBoard, KpiRow, QuarterSummary, kpi_cost};

pub fn show(ui: &Ui, rect: Rect, b: &KpiBoard, env: &Env) {
    let (Some(year), Some(latest)) = (
        b.year,
        b.quarters.iter().find(|q| q.quarter == b.latest_quarter),
    ) else {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    };
    let r = rows(rect, &[1.0, 3.4], space::GAP);
    cards(ui, r[0], b, year, latest, env);
    let cols = columns_rtl(r[1], &[1.4, 0.95, 1.1], space::GAP);
    if b.lowered.is_empty() {
        weakest(ui, cols[0], b, env);
        quarters(ui, cols[1], b, env);
    } else {
        // Targets lowered since first reported run under the weakest and the quarters, wide
        // enough for who lowered what and when.
        let parts = rows(cols[0].union(cols[1]), &[1.8, 1.0], space::GAP);
        let top = columns_rtl(parts[0], &[1.4, 0.95], space::GAP);
        weakest(ui, top[0], b, env);
        quarters(ui, top[1], b, env);
        super::goalposts::lowered_panel(ui, parts[1], b, env);
    }
    cost(ui, cols[2], b, env);
}

/// The latest quarter: indicators measured, mean achievement, and the shares met, partly met
/// and missed with the thresholds that split them.
fn cards(ui: &Ui, rect: Rect, b: &KpiBoard, year: i32, latest: &QuarterSummary, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0; 5], space::GAP);
    let period = env.tr_args(
        "kpi-quarter-of-year",
        &[
            ("quarter", quarter_name(latest.quarter, env).into()),
            ("year", env.digits_of(&year.to_string()).into()),
        ],
    );
    number_card(
        ui,
        cards[0],
        &env.tr("kpi-measured"),
        &env.int(latest.indicators),
        t.accent,
        Some(&period),
        env,
    );
    let mean = latest
        .mean_achievement
        .filter(|m| m.is_finite())
        .map(|m| env.pct(m))
        .unwrap_or_else(|| "—".into());
    number_card(
        ui,
        cards[1],
        &env.tr("kpi-mean-achievement"),
        &mean,
        t.series[1],
        Some(&env.tr("kpi-mean-achievement-note")),
        env,
    );
    let measured = latest.met as u64 + latest.partly as u64 + latest.missed as u64;
    let share = |n: u32| {
        if measured > 0 {
            env.pct(100.0 * n as f64 / measured as f64)
        } else {
            "—".into()
        }
    };
    let th = &b.thresholds;
    number_card(
        ui,
        cards[2],
        &env.tr("kpi-met"),
        &share(latest.met),
        t.executed,
        Some(&env.tr_args(
            "kpi-note-at-least",
            &[
                ("indicators", indicators(env, latest.met).into()),
                ("from", env.pct(th.met).into()),
            ],
        )),
        env,
    );
    number_card(
        ui,
        cards[3],
        &env.tr("kpi-partly-met"),
        &share(latest.partly),
        t.in_progress,
        Some(&env.tr_args(
            "kpi-note-from-below",
            &[
                ("indicators", indicators(env, latest.partly).into()),
                ("from", env.pct(th.partly).into()),
                ("below", env.pct(th.met).into()),
            ],
        )),
        env,
    );
    number_card(
        ui,
        cards[4],
        &env.tr("kpi-missed"),
        &share(latest.missed),
        t.not_started,
        Some(&env.tr_args(
            "kpi-note-below",
            &[
                ("indicators", indicators(env, latest.missed).into()),
                ("below", env.pct(th.partly).into()),
            ],
        )),
        env,
    );
}

fn indicators(env: &Env, n: u32) -> String {
    env.count("count-indicators", n)
}

fn achievement_color(a: Achievement, env: &Env) -> Color32 {
    let t = &env.theme;
    match a {
        Achievement::Met => t.executed,
        Achievement::Partly => t.in_progress,
        Achievement::Missed => t.not_started,
        Achievement::NoTarget => t.unreported,
    }
}

/// A measured value with its unit: "٨٥٪", "١٢ زيارة", "٢٫٥ ورشة".
pub(super) fn measure(v: f64, unit: &str, env: &Env) -> String {
    let decimals = usize::from(v.fract() != 0.0);
    if unit.trim() == "%" {
        return crate::text::format_percent(v, decimals, env.digits);
    }
    let n = crate::text::format_decimal(v, decimals, env.digits);
    match unit.trim() {
        "" => n,
        u => format!("{n} {u}"),
    }
}

fn weakest(ui: &Ui, rect: Rect, b: &KpiBoard, env: &Env) {
    let t = &env.theme;
    let row_h = size::ROW * 1.4 + size::SMALL * 1.4 + 10.0;
    let capacity = ((rect.height() - space::PAD * 2.0 - size::TILE_TITLE * 1.5 - 8.0) / row_h)
        .floor()
        .max(1.0) as usize;
    let measured: Vec<&KpiRow> = b
        .rows
        .iter()
        .filter(|r| r.achievement_pct.is_some_and(f64::is_finite))
        .collect();
    let shown = &measured[..measured.len().min(capacity)];
    let body = panel(ui, rect, &env.tr("kpi-weakest"), env);
    if shown.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let r = rows(body, &vec![1.0; capacity], 4.0);
    for (i, (k, cell)) in shown.iter().zip(r).enumerate() {
        if i % 2 == 1 {
            row_stripe(
                ui,
                cell.expand2(egui::vec2(8.0, 2.0)),
                radius::ROW_STRIPE_TALL,
                env,
            );
        }
        let cols = columns_rtl(cell, &[6.0, 1.0], 12.0);
        let lines = rows(cols[0], &[1.4, 1.0], 0.0);
        text(
            ui,
            lines[0],
            &env.digits_of(&k.name),
            rtl(size::ROW, t.text),
            RIGHT,
            Some(1),
        );
        let center = k.center_ar.as_str();
        let target = measure(k.quarter_target, &k.unit, env);
        let actual = measure(k.actual, &k.unit, env);
        // A target lowered since it was first reported says so beside the current one.
        let detail = match k.first_quarter_target {
            Some(first) => env.tr_args(
                "kpi-target-and-actual-first",
                &[
                    ("center", center.into()),
                    ("target", target.into()),
                    ("first", measure(first, &k.unit, env).into()),
                    ("actual", actual.into()),
                ],
            ),
            None => env.tr_args(
                "kpi-target-and-actual",
                &[
                    ("center", center.into()),
                    ("target", target.into()),
                    ("actual", actual.into()),
                ],
            ),
        };
        text(
            ui,
            lines[1],
            &detail,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
        let pct = k
            .achievement_pct
            .map(|p| env.pct(p))
            .unwrap_or_else(|| "—".into());
        text(
            ui,
            cols[1],
            &pct,
            rtl(size::ROW_NUMBER, achievement_color(k.achievement, env)).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}

fn quarters(ui: &Ui, rect: Rect, b: &KpiBoard, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("kpi-by-quarter"), env);
    let columns: Vec<Column> = b
        .quarters
        .iter()
        .map(|q: &QuarterSummary| Column {
            label: env.tr_args(
                "quarter-short",
                &[
                    ("quarter", i64::from(q.quarter).into()),
                    ("num", env.int(q.quarter).into()),
                ],
            ),
            parts: vec![
                Segment {
                    value: q.met as f64,
                    color: t.executed,
                },
                Segment {
                    value: q.partly as f64,
                    color: t.in_progress,
                },
                Segment {
                    value: q.missed as f64,
                    color: t.not_started,
                },
            ],
        })
        .collect();
    // The legend keeps room for its three lines however short the panel is.
    let legend_h = (body.height() * 1.1 / 4.1).max(size::LABEL * 4.6);
    let parts = [
        Rect::from_min_max(
            body.min,
            pos2(body.right(), body.bottom() - legend_h - space::GAP * 0.5),
        ),
        Rect::from_min_max(pos2(body.left(), body.bottom() - legend_h), body.max),
    ];
    stacked_columns_rtl(ui, parts[0], &columns, env);
    let th = &b.thresholds;
    legend(
        ui,
        parts[1],
        &[
            (
                t.executed,
                env.tr("kpi-legend-met"),
                env.tr_args("range-at-least", &[("from", env.pct(th.met).into())]),
            ),
            (
                t.in_progress,
                env.tr("kpi-legend-partly-met"),
                env.tr_args("range-at-least", &[("from", env.pct(th.partly).into())]),
            ),
            (
                t.not_started,
                env.tr("kpi-legend-missed"),
                env.tr_args("range-below", &[("below", env.pct(th.partly).into())]),
            ),
        ],
        env,
    );
}

fn cost(ui: &Ui, rect: Rect, b: &KpiBoard, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("kpi-cost"), env);
    let Some(c) = kpi_cost(&b.rows) else {
        no_data(ui, body, env, &env.tr("kpi-cost-no-data"));
        return;
    };
    let r = rows(body, &[1.25, 0.55, 0.5, 2.6], 6.0);
    let top = columns_rtl(r[0], &[1.0, 1.0], space::GAP);
    for (cell, caption, v, color) in [
        (top[0], env.tr("planned"), c.planned, t.plan),
        (top[1], env.tr("actual"), c.actual, t.text),
    ] {
        let p = rows(cell, &[0.8, 1.2], 0.0);
        text(ui, p[0], &caption, rtl(size::BODY, t.muted), RIGHT, Some(1));
        text(
            ui,
            p[1],
            &env.amount(v.round() as i64),
            rtl(size::MEDIUM_NUMBER * 0.85, color).bold(),
            RIGHT,
            Some(1),
        );
    }
    let (line, color) = difference(c.difference_pct, env);
    text(
        ui,
        r[1],
        &line,
        rtl(size::BODY, color).bold(),
        RIGHT,
        Some(1),
    );
    text(
        ui,
        r[2],
        &env.tr_args(
            "kpi-cost-indicators",
            &[("indicators", indicators(env, c.indicators as u32).into())],
        ),
        rtl(size::SMALL, t.muted),
        RIGHT,
        Some(1),
    );
    overruns(ui, r[3], &c.overruns, env);
}

/// The three indicators furthest over their planned cost, with how far.
fn overruns(ui: &Ui, list: Rect, over: &[CostOverrun], env: &Env) {
    let t = &env.theme;
    let n = 3;
    let head = Rect::from_min_max(list.min, pos2(list.right(), list.top() + size::SMALL * 1.6));
    text(
        ui,
        head,
        &env.tr("kpi-cost-overruns"),
        rtl(size::SMALL, t.title),
        RIGHT,
        Some(1),
    );
    let items = rows(
        Rect::from_min_max(pos2(list.left(), head.bottom() + 4.0), list.max),
        &vec![1.0; n],
        6.0,
    );
    for (o, cell) in over.iter().take(n).zip(items) {
        let cols = columns_rtl(cell, &[5.0, 1.0], 8.0);
        let lines = rows(cols[0], &[1.0, 1.0], 0.0);
        text(
            ui,
            lines[0],
            &env.digits_of(&o.row.name),
            rtl(size::SMALL, t.text),
            RIGHT,
            Some(1),
        );
        text(
            ui,
            lines[1],
            &o.row.center_ar,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
        text(
            ui,
            cols[1],
            &env.pct(o.overrun_pct),
            rtl(size::ROW, t.not_started).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}

/// "أعلى من المخطط بـ ٨٪" or "أقل من المخطط بـ ٥٪", coloured by whether it is an overrun.
fn difference(diff: f64, env: &Env) -> (String, Color32) {
    let t = &env.theme;
    if diff > 0.5 {
        (
            env.tr_args("kpi-cost-above-plan", &[("pct", env.pct(diff).into())]),
            t.not_started,
        )
    } else if diff < -0.5 {
        (
            env.tr_args("kpi-cost-below-plan", &[("pct", env.pct(-diff).into())]),
            t.executed,
        )
    } else {
        (env.tr("kpi-cost-as-planned"), t.executed)
    }
}
