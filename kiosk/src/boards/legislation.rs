//! Board `legislation`: the year's legislative plan (`shared::board::legislation`): how much of
//! the plan is done, each type's items done and in progress, the items outside the plan and the
//! legal memoranda; where the open items stand; the planned items whose quarter is over and
//! are not done, the longest late first; those done this quarter.

use super::centers::rate_color;
use super::no_data_text;
use crate::theme::{size, space};
use crate::widgets::*;
use egui::{Align2, Rect, Ui, pos2, vec2};
use rasid_shared::board::{LegislationBoard, LegislationCounts, LegislationItemRow};
use rasid_shared::model::{LegislationStage, LegislationType};

pub fn show(ui: &Ui, rect: Rect, b: &LegislationBoard, env: &Env) {
    if b.year.is_none() {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    }
    let r = rows(rect, &[1.0, 3.4], space::GAP);
    cards(ui, r[0], b, env);
    let cols = columns_rtl(r[1], &[1.0, 1.6], space::GAP);
    stages(ui, cols[0], b, env);
    let lists = rows(cols[1], &[1.4, 1.0], space::GAP);
    late(ui, lists[0], b, env);
    done_this_quarter(ui, lists[1], b, env);
}

fn int(env: &Env, v: u64) -> String {
    env.int(i64::try_from(v).unwrap_or(i64::MAX))
}

pub(crate) fn type_word(t: LegislationType, env: &Env) -> String {
    match t {
        LegislationType::Law => env.tr("legislation-type-law"),
        LegislationType::Regulation => env.tr("legislation-type-regulation"),
        LegislationType::Strategy => env.tr("legislation-type-strategy"),
    }
}

fn stage_word(s: LegislationStage, env: &Env) -> String {
    match s {
        LegislationStage::Drafting => env.tr("legislation-stage-drafting"),
        LegislationStage::Consultation => env.tr("legislation-stage-consultation"),
        LegislationStage::Readings => env.tr("legislation-stage-readings"),
        LegislationStage::Approved => env.tr("legislation-stage-approved"),
        LegislationStage::Forwarded => env.tr("legislation-stage-forwarded"),
    }
}

fn cards(ui: &Ui, rect: Rect, b: &LegislationBoard, env: &Env) {
    let t = &env.theme;
    let c = columns_rtl(rect, &[1.0; 6], space::GAP);
    let rate = b
        .plan_rate
        .filter(|r| r.is_finite())
        .map(|r| env.pct(r))
        .unwrap_or_else(|| "—".into());
    number_card(
        ui,
        c[0],
        &env.tr("legislation-plan-rate"),
        &rate,
        rate_color(b.plan_rate, env),
        Some(&env.tr_args(
            "legislation-plan-rate-note",
            &[
                ("done", int(env, b.plan.done).into()),
                ("items", int(env, b.plan.items).into()),
            ],
        )),
        env,
    );
    let types = [
        (env.tr("legislation-laws-done"), t.executed),
        (env.tr("legislation-regulations-done"), t.series[1]),
        (env.tr("legislation-strategies-done"), t.series[2]),
    ];
    for (i, (title, color)) in types.into_iter().enumerate() {
        let counts = b
            .by_type
            .get(i)
            .map(|r| r.counts)
            .unwrap_or(LegislationCounts::default());
        number_card(
            ui,
            c[i + 1],
            &title,
            &int(env, counts.done),
            color,
            Some(&env.tr_args(
                "legislation-in-progress-note",
                &[("open", int(env, counts.in_progress()).into())],
            )),
            env,
        );
    }
    number_card(
        ui,
        c[4],
        &env.tr("legislation-outside-plan"),
        &int(env, b.outside_plan.items),
        t.muted,
        Some(&env.tr_args(
            "legislation-outside-plan-note",
            &[("done", int(env, b.outside_plan.done).into())],
        )),
        env,
    );
    number_card(
        ui,
        c[5],
        &env.tr("legislation-memoranda"),
        &int(env, b.memoranda),
        t.accent,
        Some(&env.tr("legislation-memoranda-note")),
        env,
    );
}

/// The open items per stage, in the order an item passes them.
fn stages(ui: &Ui, rect: Rect, b: &LegislationBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("legislation-open-by-stage"), env);
    let max = b.open_by_stage.iter().map(|r| r.items).max().unwrap_or(0);
    let bars: Vec<Bar> = b
        .open_by_stage
        .iter()
        .map(|r| Bar {
            label: stage_word(r.stage, env),
            value: r.items as f64,
            color: env.theme.in_progress,
            value_text: int(env, r.items),
        })
        .collect();
    let rows_h = body.height().min(bars.len().max(3) as f32 * 80.0);
    let list = Rect::from_min_size(body.min, vec2(body.width(), rows_h));
    bars_rtl(ui, list, &bars, max.max(1) as f64, body.width() * 0.45, env);
}

/// The late planned items, the longest late first, as many as fit, then how many more.
fn late(ui: &Ui, rect: Rect, b: &LegislationBoard, env: &Env) {
    let title = env.tr_args(
        "legislation-late",
        &[("num", int(env, b.late.len() as u64).into())],
    );
    let none = (env.tr("legislation-none-late"), env.theme.executed);
    item_panel(ui, rect, &title, &b.late, none, env, |r| {
        (
            env.count("legislation-late-by", r.quarters_late),
            env.theme.not_started,
        )
    });
}

/// The items done in the board's quarter, the latest first.
fn done_this_quarter(ui: &Ui, rect: Rect, b: &LegislationBoard, env: &Env) {
    let quarter = b.this_quarter.unwrap_or(4);
    let title = env.tr_args(
        "legislation-done-this-quarter",
        &[
            ("quarter", i64::from(quarter).into()),
            ("num", env.int(quarter).into()),
        ],
    );
    let none = (env.tr("legislation-none-done"), env.theme.muted);
    item_panel(ui, rect, &title, &b.done_this_quarter, none, env, |r| {
        let day = r.done.map(|d| env.date(d)).unwrap_or_default();
        (day, env.theme.executed)
    });
}

/// A panel of items, one line each: its type and title at the right, its responsible center,
/// and `tag` (text and colour) at the left; the rows that do not fit are counted on a last line.
/// Without items, `none` (text and colour) says so.
fn item_panel(
    ui: &Ui,
    rect: Rect,
    title: &str,
    items: &[LegislationItemRow],
    none: (String, egui::Color32),
    env: &Env,
    tag: impl Fn(&LegislationItemRow) -> (String, egui::Color32),
) {
    let body = panel(ui, rect, title, env);
    if items.is_empty() {
        text(ui, body, &none.0, rtl(size::BODY, none.1), RIGHT, Some(1));
        return;
    }
    let row_h = 46.0_f32;
    let fit = ((body.height() / row_h).floor() as usize).max(1);
    let (shown, more) = if items.len() > fit {
        (fit - 1, items.len() - (fit - 1))
    } else {
        (items.len(), 0)
    };
    let t = &env.theme;
    for (i, r) in items.iter().take(shown).enumerate() {
        let row = Rect::from_min_size(
            pos2(body.left(), body.top() + row_h * i as f32),
            vec2(body.width(), row_h),
        );
        if i % 2 == 0 {
            row_stripe(ui, row, crate::theme::radius::ROW_STRIPE, env);
        }
        let cols = columns_rtl(row.shrink2(vec2(8.0, 0.0)), &[3.2, 1.3, 1.0], 12.0);
        let title = format!("{}: {}", type_word(r.item_type, env), r.title);
        text(
            ui,
            cols[0],
            &title,
            rtl(size::LABEL, t.text),
            RIGHT,
            Some(1),
        );
        let center = rtl(size::SMALL, t.muted);
        text(ui, cols[1], &r.responsible_ar, center, RIGHT, Some(1));
        let (tag_text, color) = tag(r);
        let spec = rtl(size::SMALL, color);
        text(ui, cols[2], &tag_text, spec, Align2::LEFT_CENTER, Some(1));
    }
    if more > 0 {
        let row = Rect::from_min_size(
            pos2(body.left(), body.top() + row_h * shown as f32),
            vec2(body.width(), row_h),
        );
        let line = env.count("legislation-more", more as i64);
        text(
            ui,
            row.shrink2(vec2(8.0, 0.0)),
            &line,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
    }
}
