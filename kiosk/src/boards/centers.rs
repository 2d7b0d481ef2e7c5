//! Board `centers`: responsible centers ranked by the share of their decisions executed, so the
//! weakest are seen, each with its counts by status; at the side, how many are doing well or
//! badly, the best three and the weakest three. A center with no report yet says so: never 0%.

use super::no_data_text;
use super::table::{BarArea, CountTable, MIN_ROW_HEIGHT, RowGrid, headed_bars};
use crate::theme::{size, space};
use crate::widgets::*;
use egui::{Align2, Color32, Rect, Ui, pos2, vec2};
use rasid_shared::board::{CenterExecutionRow, CenterRankingBoard, ExecutionCounts, threshold};

pub fn show(ui: &Ui, rect: Rect, b: &CenterRankingBoard, env: &Env) {
    if b.rows.is_empty() {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    }
    let cols = columns_rtl(rect, &[2.55, 1.0], space::GAP);
    ranking(ui, cols[0], b, env);
    side(ui, cols[1], b, env);
}

/// The colour of an execution rate: good, fair, weak, or not reported.
pub(crate) fn rate_color(rate: Option<f64>, env: &Env) -> Color32 {
    let t = &env.theme;
    match rate {
        Some(r) if r >= threshold::EXECUTION_GOOD => t.executed,
        Some(r) if r >= threshold::EXECUTION_FAIR => t.in_progress,
        Some(_) => t.not_started,
        None => t.unreported,
    }
}

/// A rate, or what a center (or class) without any report shows in its place.
pub(crate) fn rate_text(rate: Option<f64>, env: &Env) -> String {
    rate.map(|r| env.pct(r))
        .unwrap_or_else(|| env.tr("status-no-report"))
}

fn ranking(ui: &Ui, rect: Rect, b: &CenterRankingBoard, env: &Env) {
    let legend_h = size::SMALL * 1.8;
    let head_h = size::SMALL * 1.9;
    let capacity =
        ((rect.height() - space::PAD * 2.0 - size::TILE_TITLE * 1.5 - 8.0 - legend_h - head_h)
            / MIN_ROW_HEIGHT)
            .floor()
            .max(1.0) as usize;
    // Too many to show legibly: the weakest are the point of the board (the best are at the side).
    let first = b.rows.len().saturating_sub(capacity);
    let title = if first > 0 {
        env.count_args(
            "centers-weakest-of",
            b.rows.len() as i64,
            &[("shown", env.int(capacity as i64).into())],
        )
    } else {
        env.tr("centers-rate-per-center")
    };
    let body = panel(ui, rect, &title, env);
    let head = Rect::from_min_size(body.min, vec2(body.width(), head_h));
    let legend_r = Rect::from_min_max(pos2(body.left(), body.bottom() - legend_h), body.max);
    let list = Rect::from_min_max(
        pos2(body.left(), head.bottom()),
        pos2(body.right(), legend_r.top() - 6.0),
    );
    let trend_year = b
        .trend_year
        .filter(|_| b.rows.iter().any(|r| r.trend.len() > 1));
    ranking_table(ui, (head, list), &b.rows[first..], (first, trend_year), env);
    execution_legend(ui, legend_r, env);
}

/// The rows `shown` (ranked from `first + 1`): counts at the left, one column per status; the
/// ranking (rank, name, bar) at the right; headings over each.
fn ranking_table(
    ui: &Ui,
    (head, list): (Rect, Rect),
    shown: &[CenterExecutionRow],
    (first, trend_year): (usize, Option<i32>),
    env: &Env,
) {
    let counts: Vec<ExecutionCounts> = shown.iter().map(|r| r.counts).collect();
    let table = CountTable::new(ui, list, &counts, env);
    let rank_w = size::BODY * 1.6;
    let rank_col = Rect::from_min_max(pos2(list.right() - rank_w, list.top()), list.max);
    // The rate month by month through the year, between the counts and the bars.
    let spark_w = if trend_year.is_some() {
        size::BODY * 5.5
    } else {
        0.0
    };
    let spark_col = Rect::from_min_max(
        pos2(table.right() + space::GAP, list.top()),
        pos2(table.right() + space::GAP + spark_w, list.bottom()),
    );
    let bars_rect = Rect::from_min_max(
        pos2(spark_col.right() + space::GAP, list.top()),
        pos2(rank_col.left() - 6.0, list.bottom()),
    );
    let grid = RowGrid::new(head, list, shown.len());
    row_stripes(ui, list, grid.row_h, shown.len(), env);
    rate_bars(ui, &grid, bars_rect, shown, env);
    if let Some(year) = trend_year {
        sparklines(ui, &grid, spark_col, shown, year, env);
    }
    table.show(ui, &grid, &counts, env);
    for i in 0..shown.len() {
        text(
            ui,
            grid.cell(rank_col, i),
            &env.int((first + i + 1) as i64),
            rtl(grid.label_size, env.theme.muted),
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
}

/// Each center's name and its execution rate as a bar, under their headings.
fn rate_bars(ui: &Ui, grid: &RowGrid, bars_rect: Rect, shown: &[CenterExecutionRow], env: &Env) {
    let bars: Vec<Bar> = shown
        .iter()
        .map(|r| Bar {
            label: r.name_ar.clone(),
            value: r.rate.filter(|v| v.is_finite()).unwrap_or(0.0),
            color: rate_color(r.rate, env),
            value_text: rate_text(r.rate, env),
        })
        .collect();
    let headings = [
        env.tr("centers-heading-center"),
        env.tr("centers-heading-rate"),
    ];
    let area = BarArea {
        rect: bars_rect,
        name_share: 0.5,
        max: 100.0,
    };
    headed_bars(ui, grid, area, [&headings[0], &headings[1]], &bars, env);
}

/// Each center's rate at each month's end of `year` as a small line, January at the right, in
/// the colour of its rate now; a 0–100% scale for all, so the lines compare.
fn sparklines(
    ui: &Ui,
    grid: &RowGrid,
    col: Rect,
    shown: &[CenterExecutionRow],
    year: i32,
    env: &Env,
) {
    let head = Rect::from_min_max(
        pos2(col.left(), grid.head.top()),
        pos2(col.right(), grid.head.bottom()),
    );
    text(
        ui,
        head,
        &env.tr_args(
            "centers-heading-trend",
            &[("year", env.digits_of(&year.to_string()).into())],
        ),
        rtl(size::SMALL, env.theme.muted),
        Align2::CENTER_CENTER,
        Some(1),
    );
    for (i, r) in shown.iter().enumerate() {
        let cell = grid.cell(col, i).shrink2(vec2(4.0, grid.row_h * 0.2));
        sparkline_rtl(ui, cell, &r.trend, 100.0, rate_color(r.rate, env));
    }
}

/// What the bars' colours mean: the execution thresholds, and no report.
fn execution_legend(ui: &Ui, rect: Rect, env: &Env) {
    let t = &env.theme;
    let pct = |p: f64| env.pct(p);
    legend_row(
        ui,
        rect,
        &[
            (
                t.executed,
                env.tr_args(
                    "range-at-least",
                    &[("from", pct(threshold::EXECUTION_GOOD).into())],
                ),
            ),
            (
                t.in_progress,
                env.tr_args(
                    "range-from-below",
                    &[
                        ("from", pct(threshold::EXECUTION_FAIR).into()),
                        ("below", pct(threshold::EXECUTION_GOOD).into()),
                    ],
                ),
            ),
            (
                t.not_started,
                env.tr_args(
                    "range-below",
                    &[("below", pct(threshold::EXECUTION_FAIR).into())],
                ),
            ),
            (t.unreported, env.tr("status-no-report")),
        ],
        env,
    );
}

fn side(ui: &Ui, rect: Rect, b: &CenterRankingBoard, env: &Env) {
    let t = &env.theme;
    let reported: Vec<&CenterExecutionRow> = b
        .rows
        .iter()
        .filter(|r| r.rate.is_some_and(f64::is_finite))
        .collect();
    let unreported: Vec<&CenterExecutionRow> = b
        .rows
        .iter()
        .filter(|r| !r.rate.is_some_and(f64::is_finite))
        .collect();
    let good = reported
        .iter()
        .filter(|r| r.rate.unwrap_or(0.0) >= threshold::EXECUTION_GOOD)
        .count();
    let weak = reported
        .iter()
        .filter(|r| r.rate.unwrap_or(0.0) < threshold::EXECUTION_FAIR)
        .count();
    let r = rows(rect, &[1.0, 1.55, 1.55], space::GAP);
    let note = env.tr_args(
        "centers-good-and-weak",
        &[
            ("good-from", env.pct(threshold::EXECUTION_GOOD).into()),
            ("good", env.int(good as i64).into()),
            ("weak-below", env.pct(threshold::EXECUTION_FAIR).into()),
            ("weak", env.int(weak as i64).into()),
        ],
    );
    number_card(
        ui,
        r[0],
        &env.tr("centers-responsible"),
        &env.int(b.rows.len() as i64),
        t.accent,
        Some(&note),
        env,
    );

    let best: Vec<&CenterExecutionRow> = reported.iter().take(3).copied().collect();
    // The weakest three, weakest first, never overlapping the best when there are few centers.
    let weakest: Vec<&CenterExecutionRow> = reported
        .iter()
        .rev()
        .take(3.min(reported.len().saturating_sub(best.len())))
        .copied()
        .collect();
    top_list(ui, r[1], &env.tr("centers-best"), &best, env);
    let body = top_list(ui, r[2], &env.tr("centers-weakest"), &weakest, env);
    if !unreported.is_empty() {
        let names: Vec<&str> = unreported.iter().map(|r| r.name_ar.as_str()).collect();
        let line = env.tr_args(
            "centers-no-reports-yet",
            &[("names", names.join(&env.tr("list-separator")).into())],
        );
        let note = Rect::from_min_max(
            pos2(body.left(), body.bottom() - size::SMALL * 1.5),
            body.max,
        );
        text(ui, note, &line, rtl(size::SMALL, t.muted), RIGHT, Some(1));
    }
}

/// A panel listing `items` with their rates; returns the panel's body.
fn top_list(ui: &Ui, rect: Rect, title: &str, items: &[&CenterExecutionRow], env: &Env) -> Rect {
    let body = panel(ui, rect, title, env);
    if items.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return body;
    }
    let r = rows(
        Rect::from_min_max(
            body.min,
            pos2(body.right(), body.bottom() - size::SMALL * 1.5),
        ),
        &[1.0; 3],
        4.0,
    );
    for (item, row) in items.iter().zip(&r) {
        let cols = columns_rtl(*row, &[3.0, 1.0], 10.0);
        text(
            ui,
            cols[0],
            &item.name_ar,
            rtl(size::BODY, env.theme.text),
            RIGHT,
            Some(2),
        );
        text(
            ui,
            cols[1],
            &rate_text(item.rate, env),
            rtl(size::MEDIUM_NUMBER * 0.8, rate_color(item.rate, env)).bold(),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
    body
}
