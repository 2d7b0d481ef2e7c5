//! Board `trends`: the year month by month (`shared::board::trends`): the decisions' execution
//! rate at each month's end, and the budget's cumulative spending against the same month of the
//! year before. The months run right to left, January at the right.

use super::no_data_text;
use crate::theme::{size, space};
use crate::widgets::*;
use chrono::Datelike;
use egui::{Rect, Ui, pos2, vec2};
use rasid_shared::board::{ExecutionPoint, TrendsBoard};
use rasid_shared::format::{CalendarKind, month_name};

fn month(m: u8, env: &Env) -> String {
    month_name(CalendarKind::Gregorian, m.clamp(1, 12), env.language)
}

pub fn show(ui: &Ui, rect: Rect, b: &TrendsBoard, env: &Env) {
    let Some(year) = b.year else {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    };
    let r = rows(rect, &[1.0, 3.4], space::GAP);
    cards(ui, r[0], b, env);
    let cols = columns_rtl(r[1], &[1.0, 1.0], space::GAP);
    execution(ui, cols[0], b, year, env);
    spending(ui, cols[1], b, year, env);
}

/// The months from the first with a reported rate: before it there is nothing to draw (never 0%).
fn reported(b: &TrendsBoard) -> &[ExecutionPoint] {
    let first = b
        .execution
        .iter()
        .position(|p| p.rate.is_some_and(f64::is_finite))
        .unwrap_or(b.execution.len());
    &b.execution[first..]
}

fn rate_card(ui: &Ui, rect: Rect, p: &ExecutionPoint, env: &Env) {
    // The current month is counted to the board's day, not to a month's end it has not reached.
    let month_ended = p
        .day
        .succ_opt()
        .is_none_or(|next| next.month() != p.day.month());
    let title = if month_ended {
        env.tr_args("trends-rate-at", &[("month", month(p.month, env).into())])
    } else {
        env.tr_args("trends-rate-on", &[("date", env.date(p.day).into())])
    };
    number_card(
        ui,
        rect,
        &title,
        &p.rate.map(|r| env.pct(r)).unwrap_or_else(|| "—".into()),
        super::centers::rate_color(p.rate, env),
        Some(&env.tr_args(
            "trends-rate-note",
            &[
                ("executed", env.int(p.counts.executed).into()),
                ("analysed", env.int(p.counts.analysed()).into()),
            ],
        )),
        env,
    );
}

/// Now, three months before, and the spending against last year's same month.
fn cards(ui: &Ui, rect: Rect, b: &TrendsBoard, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0; 3], space::GAP);
    let points = reported(b);
    if let Some(now) = points.last() {
        rate_card(ui, cards[0], now, env);
        let before = &points[points.len().saturating_sub(4)];
        if before.month != now.month {
            rate_card(ui, cards[1], before, env);
        }
    }
    if let Some(s) = b.spending.last() {
        let note = match s.previous_year_rate {
            Some(p) => env.tr_args("trends-spending-previous", &[("pct", env.pct(p).into())]),
            None => env.tr("trends-spending-no-previous"),
        };
        number_card(
            ui,
            cards[2],
            &env.tr_args(
                "trends-spending-at",
                &[("month", month(s.month, env).into())],
            ),
            &s.rate.map(|r| env.pct(r)).unwrap_or_else(|| "—".into()),
            t.series[1],
            Some(&note),
            env,
        );
    }
}

fn execution(ui: &Ui, rect: Rect, b: &TrendsBoard, year: i32, env: &Env) {
    let t = &env.theme;
    let title = env.tr_args(
        "trends-execution-title",
        &[("year", env.digits_of(&year.to_string()).into())],
    );
    let body = panel(ui, rect, &title, env);
    let points = reported(b);
    if points.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let labels: Vec<String> = points.iter().map(|p| month(p.month, env)).collect();
    // A month without a reported decision (none issued yet) keeps the month before's rate.
    let mut last = 0.0;
    let values: Vec<f64> = points
        .iter()
        .map(|p| {
            last = p.rate.filter(|r| r.is_finite()).unwrap_or(last);
            last
        })
        .collect();
    let series = [Series {
        name: env.tr("trends-executed-share"),
        values,
        color: t.executed,
        dashed: false,
        fill: true,
    }];
    lines_rtl(ui, body, &labels, &series, &|v| env.pct(v), env);
}

fn spending(ui: &Ui, rect: Rect, b: &TrendsBoard, year: i32, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("trends-spending-title"), env);
    if b.spending.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let this_year = env.digits_of(&year.to_string());
    let last_year = env.digits_of(&year.saturating_sub(1).to_string());
    let has_last = b.spending.iter().all(|p| p.previous_year_rate.is_some());
    let mut items = vec![(t.series[1], this_year.clone())];
    if has_last {
        items.push((t.plan, last_year.clone()));
    }
    let legend_r = Rect::from_min_size(
        pos2(rect.left() + space::PAD, rect.top() + space::PAD),
        vec2(
            legend_row_width(ui, &items, env) + 4.0,
            size::TILE_TITLE * 1.5,
        ),
    );
    legend_row(ui, legend_r, &items, env);
    let labels: Vec<String> = b.spending.iter().map(|p| month(p.month, env)).collect();
    let mut series = vec![Series {
        name: this_year,
        values: b.spending.iter().map(|p| p.rate.unwrap_or(0.0)).collect(),
        color: t.series[1],
        dashed: false,
        fill: true,
    }];
    if has_last {
        series.push(Series {
            name: last_year,
            values: b
                .spending
                .iter()
                .map(|p| p.previous_year_rate.unwrap_or(0.0))
                .collect(),
            color: t.plan,
            dashed: true,
            fill: false,
        });
    }
    lines_rtl(ui, body, &labels, &series, &|v| env.pct(v), env);
}
