//! Board `budget`: budget performance of the year: allocated, spent and the execution rate;
//! cumulative spending by month against the linear plan; the split by category (salaries,
//! operating, development); spending against allocation by center and for the largest
//! programs. Amounts are abbreviated for the wall and say their currency; lines in other
//! currencies are left out, and the board says which.

use super::no_data_text;
use crate::theme::{size, space};
use crate::widgets::*;
use egui::{Rect, Ui, pos2, vec2};
use rasid_shared::board::{BudgetBoard, BudgetTotals};
use rasid_shared::format::{CalendarKind, month_name};
use rasid_shared::model::BudgetCategory;

pub fn show(ui: &Ui, rect: Rect, b: &BudgetBoard, env: &Env) {
    let Some(year) = b.year else {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    };
    let t = &env.theme;
    let currency = env.currency(&b.currency);
    let cols = columns_rtl(rect, &[1.0, 1.55], space::GAP);
    let left = rows(cols[1], &[1.1, 1.8, 2.45], space::GAP);

    let cards = columns_rtl(left[0], &[1.0, 1.0, 1.0], space::GAP);
    let total = &b.total;
    amount_card(
        ui,
        cards[0],
        &env.tr("budget-allocated"),
        total.allocated,
        &currency,
        t.accent,
        env,
    );
    amount_card(
        ui,
        cards[1],
        &env.tr("budget-spent"),
        total.spent,
        &currency,
        t.series[1],
        env,
    );
    let month = month_name(
        CalendarKind::Gregorian,
        b.latest_month.clamp(1, 12),
        env.language,
    );
    let period = env.tr_args(
        "budget-until-end-of",
        &[
            ("month", month.into()),
            ("year", env.digits_of(&year.to_string()).into()),
        ],
    );
    let note = if b.other_currencies.is_empty() {
        period
    } else {
        let others: Vec<String> = b.other_currencies.iter().map(|c| env.currency(c)).collect();
        env.tr_args(
            "budget-other-currencies-left-out",
            &[("currencies", others.join(&env.tr("list-separator")).into())],
        )
    };
    let rate = total
        .execution_pct()
        .map(|p| env.pct(p))
        .unwrap_or_else(|| "—".into());
    number_card(
        ui,
        cards[2],
        &env.tr("budget-execution-rate"),
        &rate,
        t.executed,
        Some(&note),
        env,
    );

    cumulative(ui, left[1], b, &currency, env);
    if b.by_center.len() > 1 {
        let bottom = columns_rtl(left[2], &[1.0, 1.2], space::GAP);
        categories(ui, bottom[0], b, env);
        programs(ui, bottom[1], b, env);
        centers(ui, cols[0], b, &currency, env);
    } else {
        // One center (a ministry's own board): its programs take the side column.
        categories(ui, left[2], b, env);
        programs(ui, cols[0], b, env);
    }
}

/// A headline amount: the abbreviated number large, its unit word and currency in the caption
/// ("الموازنة المخصصة (مليون شيكل)"), the exact amount in the note.
fn amount_card(
    ui: &Ui,
    rect: Rect,
    caption: &str,
    amount: i64,
    currency: &str,
    accent: egui::Color32,
    env: &Env,
) {
    let short = env.amount(amount);
    let (number, unit) = match short.rsplit_once(' ') {
        Some((n, w)) => (
            n.to_string(),
            env.tr_args(
                "amount-unit-with-currency",
                &[("unit", w.into()), ("currency", currency.into())],
            ),
        ),
        None => (short.clone(), currency.to_string()),
    };
    let exact = env.tr_args(
        "amount-with-currency",
        &[
            ("amount", env.int(amount).into()),
            ("currency", currency.into()),
        ],
    );
    let caption = env.tr_args(
        "budget-caption-with-unit",
        &[("caption", caption.into()), ("unit", unit.into())],
    );
    number_card(ui, rect, &caption, &number, accent, Some(&exact), env);
}

fn category_name(c: BudgetCategory, env: &Env) -> String {
    match c {
        BudgetCategory::Salaries => env.tr("budget-category-salaries"),
        BudgetCategory::Operating => env.tr("budget-category-operating"),
        BudgetCategory::Development => env.tr("budget-category-development"),
    }
}

fn category_color(c: BudgetCategory, env: &Env) -> egui::Color32 {
    let s = &env.theme.series;
    match c {
        BudgetCategory::Development => s[1],
        BudgetCategory::Operating => s[0],
        BudgetCategory::Salaries => s[2],
    }
}

/// "٢٫٢ من ٣٫٢ مليون" when both amounts take the same word, else both in full words.
fn spent_of(t: &BudgetTotals, env: &Env) -> String {
    let spent = env.amount(t.spent);
    let alloc = env.amount(t.allocated);
    match (spent.rsplit_once(' '), alloc.rsplit_once(' ')) {
        (Some((s, w1)), Some((_, w2))) if w1 == w2 => env.tr_args(
            "budget-spent-of-allocated",
            &[("spent", s.into()), ("allocated", alloc.as_str().into())],
        ),
        _ => env.tr_args(
            "budget-spent-of-allocated",
            &[
                ("spent", spent.as_str().into()),
                ("allocated", alloc.as_str().into()),
            ],
        ),
    }
}

/// A row: `title` (over a muted `subtitle`, when there is one) over a meter of spent against
/// allocated, the execution % and the amounts.
fn budget_row(
    ui: &Ui,
    rect: Rect,
    title: &str,
    subtitle: &str,
    totals: &BudgetTotals,
    color: egui::Color32,
    env: &Env,
) {
    let t = &env.theme;
    let lines = if subtitle.is_empty() {
        rows(rect, &[1.1, 1.0], 2.0)
    } else {
        rows(rect, &[1.1, 0.85, 1.0], 0.0)
    };
    text(ui, lines[0], title, rtl(size::ROW, t.text), RIGHT, Some(1));
    if !subtitle.is_empty() {
        text(
            ui,
            lines[1],
            subtitle,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
    }
    let last = lines[lines.len() - 1];
    // The amounts keep their words whole (Persian's are longer than Arabic's): the meter gives
    // up what they need beyond their usual share.
    let amounts = spent_of(totals, env);
    let usual = columns_rtl(last, &[1.0, 0.38, 0.95], 10.0);
    let need = text_size(ui, &amounts, rtl(size::SMALL, t.muted)).x + 4.0;
    let amounts_w = need.max(usual[2].width()).min(last.width() * 0.6);
    let meter_w = (last.width() - 20.0 - usual[1].width() - amounts_w).max(0.0);
    let bottom = columns_rtl(last, &[meter_w, usual[1].width(), amounts_w], 10.0);
    let pct = totals.execution_pct();
    let meter = Rect::from_center_size(bottom[0].center(), vec2(bottom[0].width(), 14.0));
    meter_rtl(ui, meter, pct.unwrap_or(0.0) / 100.0, color, env);
    text(
        ui,
        bottom[1],
        &pct.map(|p| env.pct(p)).unwrap_or_else(|| "—".into()),
        rtl(size::ROW, t.text).bold(),
        RIGHT,
        Some(1),
    );
    text(
        ui,
        bottom[2],
        &amounts,
        rtl(size::SMALL, t.muted),
        RIGHT,
        Some(1),
    );
}

fn cumulative(ui: &Ui, rect: Rect, b: &BudgetBoard, currency: &str, env: &Env) {
    let t = &env.theme;
    let body = panel(
        ui,
        rect,
        &env.tr_args("budget-cumulative", &[("currency", currency.into())]),
        env,
    );
    if b.monthly.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    // The legend shares the title's row, at its left.
    let items = [
        (t.series[1], env.tr("budget-cumulative-actual")),
        (t.plan, env.tr("budget-plan-explained")),
    ];
    let legend_r = Rect::from_min_size(
        pos2(rect.left() + space::PAD, rect.top() + space::PAD),
        vec2(
            legend_row_width(ui, &items, env) + 4.0,
            size::TILE_TITLE * 1.5,
        ),
    );
    legend_row(ui, legend_r, &items, env);
    let labels: Vec<String> = b
        .monthly
        .iter()
        .map(|m| month_name(CalendarKind::Gregorian, m.month.clamp(1, 12), env.language))
        .collect();
    let series = [
        Series {
            name: env.tr("budget-plan"),
            values: b.monthly.iter().map(|m| m.linear_plan as f64).collect(),
            color: t.plan,
            dashed: true,
            fill: false,
        },
        Series {
            name: env.tr("actual"),
            values: b
                .monthly
                .iter()
                .map(|m| m.cumulative_spent as f64)
                .collect(),
            color: t.series[1],
            dashed: false,
            fill: true,
        },
    ];
    lines_rtl(
        ui,
        body,
        &labels,
        &series,
        &|v| env.amount(v.round() as i64),
        env,
    );
}

fn categories(ui: &Ui, rect: Rect, b: &BudgetBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("budget-by-category"), env);
    if b.by_category.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let n = b.by_category.len().max(3);
    let r = rows(body, &vec![1.0; n], space::GAP * 0.6);
    for (row, cell) in b.by_category.iter().zip(r) {
        budget_row(
            ui,
            cell,
            &category_name(row.category, env),
            "",
            &row.totals,
            category_color(row.category, env),
            env,
        );
    }
}

fn programs(ui: &Ui, rect: Rect, b: &BudgetBoard, env: &Env) {
    let t = &env.theme;
    let lines = if b.by_center.len() > 1 {
        size::ROW * 1.25 + size::SMALL * 1.25 + size::ROW * 1.2
    } else {
        size::ROW * 1.25 + size::ROW * 1.2
    };
    let row_h = lines + space::GAP * 0.4;
    let capacity = ((rect.height() - space::PAD * 2.0 - size::TILE_TITLE * 1.5 - 8.0) / row_h)
        .floor()
        .max(1.0) as usize;
    let shown = &b.by_program[..b.by_program.len().min(capacity)];
    let title = if shown.len() < b.by_program.len() {
        env.count_args(
            "budget-largest-programs",
            b.by_program.len() as i64,
            &[("shown", env.int(shown.len() as i64).into())],
        )
    } else {
        env.tr("budget-programs")
    };
    let body = panel(ui, rect, &title, env);
    if shown.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    // Rows no taller than 1.4 of what they need, from the top: a short list stays together.
    let slots = shown
        .len()
        .max((body.height() / (row_h * 1.4)).floor() as usize);
    let r = rows(body, &vec![1.0; slots], space::GAP * 0.4);
    let centers_named = b.by_center.len() > 1;
    for (p, cell) in shown.iter().zip(r) {
        let center = if centers_named {
            b.by_center
                .iter()
                .find(|c| c.center == p.center)
                .map(|c| c.name_ar.clone())
                .unwrap_or_else(|| p.center.to_string())
        } else {
            String::new()
        };
        budget_row(ui, cell, &p.program, &center, &p.totals, t.series[0], env);
    }
}

fn centers(ui: &Ui, rect: Rect, b: &BudgetBoard, currency: &str, env: &Env) {
    let t = &env.theme;
    let min_row = 38.0;
    let capacity =
        ((rect.height() - space::PAD * 2.0 - size::TILE_TITLE * 1.5 - 8.0 - size::SMALL * 1.8)
            / min_row)
            .floor()
            .max(1.0) as usize;
    let shown = &b.by_center[..b.by_center.len().min(capacity)];
    let title = if shown.len() < b.by_center.len() {
        env.tr_args(
            "budget-largest-centers",
            &[
                ("shown", env.int(shown.len() as i64).into()),
                ("total", env.int(b.by_center.len() as i64).into()),
            ],
        )
    } else {
        env.tr("budget-spent-by-center")
    };
    let body = panel(ui, rect, &title, env);
    if shown.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let legend_h = size::SMALL * 1.8;
    let list = Rect::from_min_max(body.min, pos2(body.right(), body.bottom() - legend_h));
    let row_h = list.height() / shown.len() as f32;
    let label_size = (row_h * 0.62).clamp(12.0, size::ROW);
    let name_w = label_width(
        ui,
        shown.iter().map(|c| c.name_ar.as_str()),
        label_size,
        list.width() * 0.62,
        env,
    );
    let bars: Vec<PairedBar> = shown
        .iter()
        .map(|c| PairedBar {
            label: c.name_ar.clone(),
            whole: c.totals.allocated as f64,
            part: c.totals.spent as f64,
            color: t.series[1],
            value_text: c
                .totals
                .execution_pct()
                .map(|p| env.pct(p))
                .unwrap_or_else(|| "—".into()),
        })
        .collect();
    paired_bars_rtl(ui, list, &bars, name_w, size::ROW, env);
    let legend_r = Rect::from_min_max(pos2(body.left(), list.bottom()), body.max);
    legend_row(
        ui,
        legend_r,
        &[
            (t.series[1], env.tr("budget-spent")),
            (
                t.grid,
                env.tr_args("budget-allocated-in", &[("currency", currency.into())]),
            ),
        ],
        env,
    );
}
