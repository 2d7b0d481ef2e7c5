//! Board `complaints`: government complaints of the year (`shared::board::complaints`): how
//! many came in, how many were referred to the competent departments or handled by the unit
//! itself, the share of the accepted ones processed and the stuck ones; the quarters side by
//! side; each center's processing rate, the weakest first.

// A processing rate is coloured by the execution thresholds the other boards use.
use super::centers::rate_color;
use super::no_data_text;
use crate::theme::space;
use crate::widgets::*;
use egui::{Rect, Ui};
use rasid_shared::board::ComplaintsBoard;

pub fn show(ui: &Ui, rect: Rect, b: &ComplaintsBoard, env: &Env) {
    let Some(year) = b.year else {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    };
    let r = rows(rect, &[1.0, 3.4], space::GAP);
    cards(ui, r[0], b, year, env);
    let cols = columns_rtl(r[1], &[1.0, 1.0], space::GAP);
    quarters(ui, cols[0], b, env);
    centers(ui, cols[1], b, env);
}

fn cards(ui: &Ui, rect: Rect, b: &ComplaintsBoard, year: i32, env: &Env) {
    let t = &env.theme;
    let n = &b.total;
    let c = columns_rtl(rect, &[1.0; 5], space::GAP);
    let int = |v: u64| env.int(i64::try_from(v).unwrap_or(i64::MAX));
    let year_text = env.digits_of(&year.to_string());
    number_card(
        ui,
        c[0],
        &env.tr("complaints-received"),
        &int(n.received),
        t.accent,
        Some(&env.tr_args("complaints-received-note", &[("year", year_text.into())])),
        env,
    );
    number_card(
        ui,
        c[1],
        &env.tr("complaints-referred"),
        &int(n.referred),
        t.series[1],
        Some(&env.tr("complaints-referred-note")),
        env,
    );
    number_card(
        ui,
        c[2],
        &env.tr("complaints-handled"),
        &int(n.handled()),
        t.series[2],
        Some(&env.tr_args(
            "complaints-handled-note",
            &[
                ("accepted", int(n.accepted).into()),
                ("rejected", int(n.rejected).into()),
            ],
        )),
        env,
    );
    let rate = b
        .processing_rate
        .filter(|r| r.is_finite())
        .map(|r| env.pct(r))
        .unwrap_or_else(|| "—".into());
    number_card(
        ui,
        c[3],
        &env.tr("complaints-rate"),
        &rate,
        rate_color(b.processing_rate, env),
        Some(&env.tr_args(
            "complaints-rate-note",
            &[
                ("processed", int(n.processed).into()),
                ("accepted", int(n.accepted).into()),
            ],
        )),
        env,
    );
    number_card(
        ui,
        c[4],
        &env.tr("complaints-pending"),
        &int(n.pending),
        if n.overdue > 0 {
            t.not_started
        } else {
            t.in_progress
        },
        Some(&env.tr_args("complaints-stuck-note", &[("stuck", int(n.overdue).into())])),
        env,
    );
}

/// Each quarter's complaints as one column: referred, rejected, processed and pending.
fn quarters(ui: &Ui, rect: Rect, b: &ComplaintsBoard, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("complaints-by-quarter"), env);
    let colors = [t.series[1], t.not_started, t.executed, t.in_progress];
    let columns: Vec<Column> = b
        .quarters
        .iter()
        .map(|q| {
            let n = &q.counts;
            let values = [n.referred, n.rejected, n.processed, n.pending];
            Column {
                label: env.tr_args(
                    "quarter-short",
                    &[
                        ("quarter", i64::from(q.quarter).into()),
                        ("num", env.int(q.quarter).into()),
                    ],
                ),
                parts: values
                    .iter()
                    .zip(colors)
                    .map(|(v, color)| Segment {
                        value: *v as f64,
                        color,
                    })
                    .collect(),
            }
        })
        .collect();
    let parts = rows(body, &[3.0, 1.0], space::GAP * 0.5);
    stacked_columns_rtl(ui, parts[0], &columns, env);
    let items = [
        (colors[0], env.tr("complaints-legend-referred")),
        (colors[1], env.tr("complaints-legend-rejected")),
        (colors[2], env.tr("complaints-legend-processed")),
        (colors[3], env.tr("complaints-legend-pending")),
    ];
    let halves = rows(parts[1], &[1.0, 1.0], 4.0);
    legend_row(ui, halves[0], &items[..2], env);
    legend_row(ui, halves[1], &items[2..], env);
}

/// Each center's processing rate, the weakest first, with what it received and what is stuck.
fn centers(ui: &Ui, rect: Rect, b: &ComplaintsBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("complaints-by-center"), env);
    let int = |v: u64| env.int(i64::try_from(v).unwrap_or(i64::MAX));
    let bars: Vec<Bar> = b
        .centers
        .iter()
        .take(12)
        .map(|c| Bar {
            label: env.tr_args(
                "complaints-center-line",
                &[
                    ("center", c.name_ar.as_str().into()),
                    ("stuck", int(c.counts.overdue).into()),
                ],
            ),
            value: c.processing_rate.filter(|r| r.is_finite()).unwrap_or(0.0),
            color: rate_color(c.processing_rate, env),
            value_text: c
                .processing_rate
                .filter(|r| r.is_finite())
                .map(|r| env.pct(r))
                .unwrap_or_else(|| env.tr("complaints-none-accepted")),
        })
        .collect();
    let rows_h = body.height().min(bars.len().max(3) as f32 * 70.0);
    let list = Rect::from_min_size(body.min, egui::vec2(body.width(), rows_h));
    bars_rtl(ui, list, &bars, 100.0, body.width() * 0.6, env);
}
