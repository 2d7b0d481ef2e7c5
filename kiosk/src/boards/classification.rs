//! Board `classification`: the decisions' execution per sector (or program, level, type), the
//! weakest classes first, each as one bar split by status with its rate and counts; at the side,
//! how many classes, how many decisions carry no class, and how a decision is counted.

use super::centers::{rate_color, rate_text};
use super::no_data_text;
use super::table::{CountTable, MIN_ROW_HEIGHT, RowGrid};
use crate::theme::{size, space};
use crate::widgets::*;
use egui::{Align2, Rect, Ui, pos2, vec2};
use rasid_shared::board::{ClassRow, ClassificationBoard, ClassifyBy, ExecutionCounts};

/// Rows no taller than this, so a board of three classes does not spread them over the screen.
const MAX_ROW_HEIGHT: f32 = 84.0;

pub fn show(ui: &Ui, rect: Rect, b: &ClassificationBoard, env: &Env) {
    if b.rows.is_empty() {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    }
    let cols = columns_rtl(rect, &[2.55, 1.0], space::GAP);
    classes(ui, cols[0], b, env);
    side(ui, cols[1], b, env);
}

/// The argument that selects the words of `by` in the catalogue's messages.
fn by_arg(by: ClassifyBy) -> &'static str {
    by.as_str()
}

/// A row's name: the class as the secretariat wrote it, or "unclassified".
fn class_name(r: &ClassRow, env: &Env) -> String {
    r.class
        .clone()
        .unwrap_or_else(|| env.tr("classification-unclassified"))
}

/// The main panel: one row per class, the weakest first.
fn classes(ui: &Ui, rect: Rect, b: &ClassificationBoard, env: &Env) {
    let legend_h = size::SMALL * 1.8;
    let head_h = size::SMALL * 1.9;
    let fixed = space::PAD * 2.0 + size::TILE_TITLE * 1.5 + 8.0 + legend_h + head_h;
    let capacity = ((rect.height() - fixed) / MIN_ROW_HEIGHT).floor().max(1.0) as usize;
    // Too many to show legibly: the weakest are the point of the board.
    let shown = &b.rows[..b.rows.len().min(capacity)];
    let title = if shown.len() < b.rows.len() {
        env.tr_args(
            "classification-weakest-of",
            &[
                ("by", by_arg(b.by).into()),
                ("shown", env.int(shown.len() as i64).into()),
                ("num", env.int(b.rows.len() as i64).into()),
            ],
        )
    } else {
        env.tr_args("classification-rates", &[("by", by_arg(b.by).into())])
    };
    let body = panel(ui, rect, &title, env);
    let head = Rect::from_min_size(body.min, vec2(body.width(), head_h));
    let rows_h = (body.height() - head_h - legend_h - 6.0).min(MAX_ROW_HEIGHT * shown.len() as f32);
    let list = Rect::from_min_size(pos2(body.left(), head.bottom()), vec2(body.width(), rows_h));
    let legend_r = Rect::from_min_size(
        pos2(body.left(), list.bottom() + 6.0),
        vec2(body.width(), legend_h),
    );
    class_table(ui, head, list, shown, b.by, env);
    let blocked = b.rows.iter().any(|r| r.counts.blocked > 0);
    status_legend(ui, legend_r, blocked, env);
}

/// Rank, name, a bar split by status with the rate beside it, and counts by status.
fn class_table(ui: &Ui, head: Rect, list: Rect, shown: &[ClassRow], by: ClassifyBy, env: &Env) {
    let t = &env.theme;
    let counts: Vec<ExecutionCounts> = shown.iter().map(|r| r.counts).collect();
    let table = CountTable::new(ui, list, &counts, env);
    let grid = RowGrid::new(head, list, shown.len());
    row_stripes(ui, list, grid.row_h, shown.len(), env);
    let rank_w = size::BODY * 1.6;
    let rank_col = Rect::from_min_max(pos2(list.right() - rank_w, list.top()), list.max);
    let area = Rect::from_min_max(
        pos2(table.right() + space::GAP, list.top()),
        pos2(rank_col.left() - 6.0, list.bottom()),
    );
    let names: Vec<String> = shown.iter().map(|r| class_name(r, env)).collect();
    let name_w = label_width(ui, &names, grid.label_size, area.width() * 0.42, env);
    let name_col = Rect::from_min_max(pos2(area.right() - name_w, area.top()), area.max);
    let rate_texts: Vec<String> = shown.iter().map(|r| rate_text(r.rate, env)).collect();
    let rate_heading = env.tr("classification-heading-rate");
    let rate_w = label_width(ui, &rate_texts, grid.label_size, area.width() * 0.2, env)
        .max(text_size(ui, &rate_heading, rtl(size::SMALL, t.muted)).x + 6.0)
        + 12.0;
    let rate_col = Rect::from_min_max(area.min, pos2(area.left() + rate_w, area.bottom()));
    let bar_col = Rect::from_min_max(
        pos2(rate_col.right() + 10.0, area.top()),
        pos2(name_col.left() - 14.0, area.bottom()),
    );
    let head_spec = rtl(size::SMALL, t.muted);
    text(
        ui,
        grid.heading(name_col),
        &by_heading(by, env),
        head_spec,
        RIGHT,
        Some(1),
    );
    text(
        ui,
        grid.heading(bar_col),
        &env.tr("classification-heading-split"),
        head_spec,
        RIGHT,
        Some(1),
    );
    text(
        ui,
        grid.heading(rate_col),
        &rate_heading,
        head_spec,
        Align2::CENTER_CENTER,
        Some(1),
    );
    for (i, (r, name)) in shown.iter().zip(&names).enumerate() {
        let muted = r.class.is_none();
        text(
            ui,
            grid.cell(rank_col, i),
            &if muted {
                String::new()
            } else {
                env.int((i + 1) as i64)
            },
            rtl(grid.label_size, t.muted),
            Align2::CENTER_CENTER,
            Some(1),
        );
        let name_color = if muted { t.muted } else { t.text };
        text(
            ui,
            grid.cell(name_col, i),
            name,
            rtl(grid.label_size, name_color),
            RIGHT,
            Some(1),
        );
        let cell = grid.cell(bar_col, i);
        let bar_h = (grid.row_h * 0.5).clamp(4.0, 34.0);
        let bar = Rect::from_center_size(cell.center(), vec2(cell.width(), bar_h));
        stacked_bar_rtl(ui, bar, &status_parts(&r.counts, env), env);
        text(
            ui,
            grid.cell(rate_col, i),
            &rate_texts[i],
            rtl(grid.label_size, rate_color(r.rate, env)).bold(),
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
    table.show(ui, &grid, &counts, env);
}

/// The heading over the classes' names: "القطاع", "البرنامج الحكومي" …
fn by_heading(by: ClassifyBy, env: &Env) -> String {
    match by {
        ClassifyBy::Sector => env.tr("classification-by-sector"),
        ClassifyBy::Program => env.tr("classification-by-program"),
        ClassifyBy::Level => env.tr("classification-by-level"),
        ClassifyBy::Type => env.tr("classification-by-type"),
    }
}

/// A class's reported decisions by status, executed first (at the right); those awaiting a
/// report are outside the bar as they are outside the rate.
fn status_parts(c: &ExecutionCounts, env: &Env) -> Vec<Segment> {
    let t = &env.theme;
    [
        (c.executed, t.executed),
        (c.in_progress, t.in_progress),
        (c.not_started, t.not_started),
        (c.blocked, t.blocked),
    ]
    .into_iter()
    .map(|(n, color)| Segment {
        value: f64::from(n),
        color,
    })
    .collect()
}

/// What the bars' colours mean (blocked only when a class has a blocked decision).
fn status_legend(ui: &Ui, rect: Rect, blocked: bool, env: &Env) {
    let t = &env.theme;
    let mut items = vec![
        (t.executed, env.tr("status-executed")),
        (t.in_progress, env.tr("status-in-progress")),
        (t.not_started, env.tr("status-not-started")),
    ];
    if blocked {
        items.push((t.blocked, env.tr("status-blocked")));
    }
    legend_row(ui, rect, &items, env);
}

/// How many classes and decisions, how many carry no class, and how a decision is counted.
fn side(ui: &Ui, rect: Rect, b: &ClassificationBoard, env: &Env) {
    let t = &env.theme;
    let r = rows(rect, &[1.0, 1.0, 1.6], space::GAP);
    let classes = b.rows.iter().filter(|r| r.class.is_some()).count();
    number_card(
        ui,
        r[0],
        &env.tr_args("classification-classes", &[("by", by_arg(b.by).into())]),
        &env.int(classes as i64),
        t.accent,
        Some(&env.tr_args(
            "classification-counted",
            &[("num", env.int(b.decisions).into())],
        )),
        env,
    );
    let share = (b.decisions > 0)
        .then(|| env.pct(100.0 * f64::from(b.unclassified) / f64::from(b.decisions)));
    let note =
        share.map(|p| env.tr_args("classification-unclassified-share", &[("pct", p.into())]));
    number_card(
        ui,
        r[1],
        &env.tr_args("classification-without", &[("by", by_arg(b.by).into())]),
        &env.int(b.unclassified),
        if b.unclassified > 0 {
            t.in_progress
        } else {
            t.executed
        },
        note.as_deref(),
        env,
    );
    how_counted(ui, r[2], b, env);
}

/// The notes on what is counted: routine decisions left out, decisions awaiting a first
/// report, and a decision with several centers counted once.
fn how_counted(ui: &Ui, rect: Rect, b: &ClassificationBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("classification-how-counted"), env);
    let awaiting: u32 = b.rows.iter().map(|r| r.counts.unreported).sum();
    let mut lines = vec![env.tr("classification-one-per-decision")];
    if b.routine_excluded > 0 {
        lines.push(env.count("decisions-routine-excluded", b.routine_excluded));
    }
    if awaiting > 0 {
        lines.push(env.count("decisions-awaiting-first-report", awaiting));
    }
    // One under the other from the top, each as tall as its lines.
    let mut top = body.top();
    for line in &lines {
        let room = Rect::from_min_max(pos2(body.left(), top), body.max);
        let painted = text(
            ui,
            room,
            line,
            rtl(size::BODY * 0.85, env.theme.muted),
            Align2::RIGHT_TOP,
            Some(3),
        );
        top = painted.bottom().max(top) + size::SMALL;
    }
}
