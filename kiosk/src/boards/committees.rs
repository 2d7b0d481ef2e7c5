//! Board `committees`: government committees of the year: how many were formed, are active or
//! finished their mandate; the path from meetings to minutes, to minutes put before the
//! cabinet, to recommendations submitted and approved (with the approval rate); and the
//! busiest committees by meetings with their recommendations.

use super::no_data_text;
use super::table::{BarArea, RowGrid, headed_bars};
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Align2, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2};
use rasid_shared::board::{CommitteeRow, CommitteesBoard};
use rasid_shared::model::CommitteeStatus;

/// The approval rate as the board paints it ("٩١٪"), or a dash when nothing was submitted.
pub(crate) fn approval_text(b: &CommitteesBoard, env: &Env) -> String {
    b.approval_pct()
        .filter(|p| p.is_finite())
        .map(|p| env.pct(p))
        .unwrap_or_else(|| "—".into())
}

pub fn show(ui: &Ui, rect: Rect, b: &CommitteesBoard, env: &Env) {
    let Some(year) = b.year else {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    };
    let r = rows(rect, &[1.0, 0.95, 3.2], space::GAP);
    cards(ui, r[0], b, year, env);
    path(ui, r[1], b, env);
    busiest(ui, r[2], &b.busiest, env);
}

/// Committees formed, active and finished in `year`, and the share of recommendations approved.
fn cards(ui: &Ui, rect: Rect, b: &CommitteesBoard, year: i32, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0; 4], space::GAP);
    let year_s = env.digits_of(&year.to_string());
    let formed_note = if b.formed == b.committees {
        env.tr_args("committees-during-year", &[("year", year_s.into())])
    } else {
        env.tr_args(
            "committees-during-year-of",
            &[
                ("year", year_s.into()),
                ("committees", env.int(b.committees).into()),
            ],
        )
    };
    number_card(
        ui,
        cards[0],
        &env.tr("committees-formed"),
        &env.int(b.formed),
        t.accent,
        Some(&formed_note),
        env,
    );
    number_card(
        ui,
        cards[1],
        &env.tr("committees-active"),
        &env.int(b.active),
        t.in_progress,
        Some(&env.tr("committees-active-note")),
        env,
    );
    number_card(
        ui,
        cards[2],
        &env.tr("committees-finished"),
        &env.int(b.finished),
        t.executed,
        Some(&env.tr("committees-finished-note")),
        env,
    );
    let approved = env.count_args(
        "committees-approved-of-submitted",
        b.recommendations_approved,
        &[("submitted", env.int(b.recommendations_submitted).into())],
    );
    number_card(
        ui,
        cards[3],
        &env.tr("committees-approval-rate"),
        &approval_text(b, env),
        t.executed,
        Some(&approved),
        env,
    );
}

/// The path from meetings to the cabinet's approval; it reads from right to left: its title at
/// the right, then the steps.
fn path(ui: &Ui, rect: Rect, b: &CommitteesBoard, env: &Env) {
    let t = &env.theme;
    ui.painter().rect(
        rect,
        CornerRadius::same(radius::PANEL),
        t.panel,
        Stroke::new(1.0, t.panel_stroke),
        StrokeKind::Inside,
    );
    let path = columns_rtl(rect.shrink(space::PAD), &[1.0, 5.6], space::GAP);
    text(
        ui,
        path[0],
        &env.tr("committees-path"),
        rtl(size::TILE_TITLE, t.title).bold(),
        RIGHT,
        Some(2),
    );
    let body = path[1];
    let steps = [
        (env.tr("committees-meetings"), b.meetings, t.text),
        (env.tr("committees-minutes"), b.minutes, t.text),
        (
            env.tr("committees-minutes-to-cabinet"),
            b.minutes_to_cabinet,
            t.text,
        ),
        (
            env.tr("committees-recommendations-submitted"),
            b.recommendations_submitted,
            t.text,
        ),
        (
            env.tr("committees-recommendations-approved"),
            b.recommendations_approved,
            t.executed,
        ),
    ];
    let steps: Vec<FlowStep> = steps
        .iter()
        .map(|(c, v, color)| FlowStep {
            caption: c.to_string(),
            value: env.int(*v),
            color: *color,
        })
        .collect();
    flow_rtl(ui, body, &steps, env);
}

fn busiest(ui: &Ui, rect: Rect, rows_in: &[CommitteeRow], env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("committees-busiest"), env);
    if rows_in.is_empty() {
        no_data(ui, body, env, &no_data_text(env));
        return;
    }
    let head_h = size::SMALL * 1.8;
    let head = Rect::from_min_size(body.min, vec2(body.width(), head_h));
    let list = Rect::from_min_max(pos2(body.left(), head.bottom()), body.max);
    let grid = RowGrid::new(head, list, rows_in.len());
    // Recommendations and status at the left; bars of meetings at the right.
    let side = columns_rtl(
        Rect::from_min_max(list.min, pos2(list.left() + 560.0, list.bottom())),
        &[1.0, 1.0, 1.0],
        10.0,
    );
    let bars_rect = Rect::from_min_max(
        pos2(list.left() + 560.0 + space::GAP * 2.0, list.top()),
        list.max,
    );
    row_stripes(ui, list, grid.row_h, rows_in.len(), env);
    let max = rows_in.iter().map(|r| r.meetings).max().unwrap_or(0) as f64;
    let bars: Vec<Bar> = rows_in
        .iter()
        .map(|r| Bar {
            label: env.digits_of(&r.name),
            value: r.meetings as f64,
            color: t.accent,
            value_text: env.int(r.meetings),
        })
        .collect();
    let headings = [
        env.tr("committees-heading-committee"),
        env.tr("committees-heading-meetings"),
    ];
    let area = BarArea {
        rect: bars_rect,
        name_share: 0.6,
        max: nice_ceiling(max),
    };
    headed_bars(ui, &grid, area, [&headings[0], &headings[1]], &bars, env);
    let head_spec = rtl(size::SMALL, t.muted);
    let heads = [
        env.tr("committees-heading-submitted"),
        env.tr("committees-heading-approved"),
        env.tr("committees-heading-status"),
    ];
    for (h, col) in heads.iter().zip(&side) {
        text(
            ui,
            grid.heading(*col),
            h,
            head_spec,
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
    for (i, r) in rows_in.iter().enumerate() {
        recommendations_row(ui, |c| grid.cell(c, i), &side, grid.label_size, r, env);
    }
}

/// One committee's recommendations submitted and approved, and its status, in the `side`
/// columns (`cell` gives its row of a column).
fn recommendations_row(
    ui: &Ui,
    cell: impl Fn(Rect) -> Rect,
    side: &[Rect],
    label_size: f32,
    r: &CommitteeRow,
    env: &Env,
) {
    let t = &env.theme;
    text(
        ui,
        cell(side[0]),
        &env.int(r.recommendations_submitted),
        rtl(label_size, t.text).bold(),
        Align2::CENTER_CENTER,
        Some(1),
    );
    let approved_color = if r.recommendations_approved > 0 {
        t.executed
    } else {
        t.muted
    };
    text(
        ui,
        cell(side[1]),
        &env.int(r.recommendations_approved),
        rtl(label_size, approved_color).bold(),
        Align2::CENTER_CENTER,
        Some(1),
    );
    let (status, color) = match r.status {
        CommitteeStatus::Active => (env.tr("committee-status-active"), t.in_progress),
        CommitteeStatus::Finished => (env.tr("committee-status-finished"), t.executed),
    };
    text(
        ui,
        cell(side[2]),
        &status,
        rtl(label_size.min(size::ROW), color),
        Align2::CENTER_CENTER,
        Some(1),
    );
}
