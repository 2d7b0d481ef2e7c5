//! Board `projects`: projects by status, planned against actual progress by sector, the most
//! delayed (gap in points and months against the planned end), projects whose spending runs
//! ahead of their physical progress, and the share funded by donors.

use super::no_data_text;
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Align2, Color32, Rect, Ui};
use rasid_shared::board::{ProjectRow, ProjectsBoard};
use rasid_shared::i18n::Arg;
use rasid_shared::model::ProjectStatus;

/// The name (in the wall's language) and colour of a project status.
pub fn status_label(s: ProjectStatus, env: &Env) -> (String, Color32) {
    let t = &env.theme;
    match s {
        ProjectStatus::OnTrack => (env.tr("project-status-on-track"), t.executed),
        ProjectStatus::Delayed => (env.tr("project-status-delayed"), t.in_progress),
        ProjectStatus::Stalled => (env.tr("project-status-stalled"), t.not_started),
        ProjectStatus::Completed => (env.tr("project-status-completed"), t.accent),
        ProjectStatus::Cancelled => (env.tr("project-status-cancelled"), t.unreported),
    }
}

pub fn show(ui: &Ui, rect: Rect, b: &ProjectsBoard, env: &Env) {
    if b.projects == 0 {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    }
    let r = rows(rect, &[1.0, 2.2, 2.2], space::GAP);
    cards(ui, r[0], b, env);
    let mid = columns_rtl(r[1], &[1.1, 1.5, 1.2], space::GAP);
    status_panel(ui, mid[0], b, env);
    sector_panel(ui, mid[1], b, env);
    funding_panel(ui, mid[2], b, env);
    let low = columns_rtl(r[2], &[1.0, 1.0], space::GAP);
    rows_panel(
        ui,
        low[0],
        &env.tr("projects-most-delayed"),
        &b.most_delayed,
        env,
        Lead::Gap,
    );
    rows_panel(
        ui,
        low[1],
        &env.tr("projects-spending-ahead"),
        &b.spending_ahead,
        env,
        Lead::Spending,
    );
}

/// Projects followed, on track or done, late or stalled, and the donors' share of their cost.
fn cards(ui: &Ui, rect: Rect, b: &ProjectsBoard, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0; 4], space::GAP);
    let count = |s: ProjectStatus| {
        b.by_status
            .iter()
            .find(|x| x.status == s)
            .map(|x| x.projects)
            .unwrap_or(0)
    };
    let lagging = count(ProjectStatus::Delayed) + count(ProjectStatus::Stalled);
    number_card(
        ui,
        cards[0],
        &env.tr("projects-followed"),
        &env.int(b.projects),
        t.accent,
        Some(&env.tr_args(
            "projects-cost",
            &[
                ("amount", env.amount(b.budget_total).into()),
                ("currency", env.currency(&b.currency).into()),
            ],
        )),
        env,
    );
    number_card(
        ui,
        cards[1],
        &env.tr("projects-on-track-or-done"),
        &env.int(count(ProjectStatus::OnTrack) + count(ProjectStatus::Completed)),
        t.executed,
        Some(&env.tr_args(
            "projects-of-which-done",
            &[("num", env.int(count(ProjectStatus::Completed)).into())],
        )),
        env,
    );
    number_card(
        ui,
        cards[2],
        &env.tr("projects-late-or-stalled"),
        &env.int(lagging),
        t.not_started,
        Some(&env.tr_args(
            "projects-stalled",
            &[("num", env.int(count(ProjectStatus::Stalled)).into())],
        )),
        env,
    );
    let donors = b
        .donor_share_pct()
        .filter(|p| p.is_finite())
        .map(|p| env.pct(p))
        .unwrap_or_else(|| "—".into());
    number_card(
        ui,
        cards[3],
        &env.tr("projects-donor-funded"),
        &donors,
        t.blocked,
        Some(&env.tr("projects-donor-funded-note")),
        env,
    );
}

fn status_panel(ui: &Ui, rect: Rect, b: &ProjectsBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("projects-by-status"), env);
    let cols = columns_rtl(body, &[1.0, 1.1], space::GAP);
    let segments: Vec<Segment> = b
        .by_status
        .iter()
        .map(|s| Segment {
            value: s.projects as f64,
            color: status_label(s.status, env).1,
        })
        .collect();
    let reported: u32 = b.by_status.iter().map(|s| s.projects).sum();
    let unit = env.tr_args(
        "donut-unit-projects",
        &[("count", Arg::Count(reported.into()))],
    );
    donut(ui, cols[0], &segments, &env.int(reported), &unit, env);
    let items: Vec<(Color32, String, String)> = b
        .by_status
        .iter()
        .map(|s| {
            let (name, color) = status_label(s.status, env);
            (color, name, env.int(s.projects))
        })
        .collect();
    legend(ui, cols[1], &items, env);
    if b.unreported > 0 {
        let note = Rect::from_min_max(
            egui::pos2(body.left(), body.bottom() - size::SMALL * 1.4),
            body.max,
        );
        text(
            ui,
            note,
            &env.tr_args(
                "projects-without-report",
                &[("num", env.int(b.unreported).into())],
            ),
            rtl(size::SMALL, env.theme.muted),
            RIGHT,
            Some(1),
        );
    }
}

fn sector_panel(ui: &Ui, rect: Rect, b: &ProjectsBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("projects-by-sector"), env);
    let t = &env.theme;
    let key_h = size::SMALL * 1.8;
    let chart = Rect::from_min_max(body.min, egui::pos2(body.right(), body.bottom() - key_h));
    let bars: Vec<PairedBar> = b
        .by_sector
        .iter()
        .map(|s| PairedBar {
            label: s.sector.clone(),
            whole: s.planned,
            part: s.actual,
            color: if s.planned - s.actual >= 15.0 {
                t.in_progress
            } else {
                t.executed
            },
            value_text: format!("{} / {}", env.pct(s.actual), env.pct(s.planned)),
        })
        .collect();
    let labels: Vec<&str> = bars.iter().map(|x| x.label.as_str()).collect();
    let lw = label_width(ui, &labels, size::LABEL, chart.width() * 0.42, env);
    paired_bars_rtl(ui, chart, &bars, lw, size::LABEL, env);
    let key = Rect::from_min_max(egui::pos2(body.left(), chart.bottom()), body.max);
    legend_row(
        ui,
        key,
        &[(t.executed, env.tr("actual")), (t.grid, env.tr("planned"))],
        env,
    );
}

fn funding_panel(ui: &Ui, rect: Rect, b: &ProjectsBoard, env: &Env) {
    let body = panel(ui, rect, &env.tr("projects-funding"), env);
    let t = &env.theme;
    let palette = [
        t.accent,
        t.executed,
        t.in_progress,
        t.blocked,
        t.not_started,
    ];
    let bars: Vec<Bar> = b
        .funding
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let share = if b.budget_total > 0 {
                100.0 * f.budget as f64 / b.budget_total as f64
            } else {
                0.0
            };
            Bar {
                label: f
                    .donor
                    .clone()
                    .unwrap_or_else(|| env.tr("projects-public-treasury")),
                value: share,
                color: if f.donor.is_none() {
                    t.muted
                } else {
                    palette[i % palette.len()]
                },
                value_text: env.pct(share),
            }
        })
        .collect();
    let labels: Vec<&str> = bars.iter().map(|x| x.label.as_str()).collect();
    let lw = label_width(ui, &labels, size::BODY, body.width() * 0.5, env);
    let h = (bars.len() as f32 * size::BODY * 2.2).min(body.height());
    let area = Rect::from_min_size(body.min, egui::vec2(body.width(), h));
    bars_rtl(ui, area, &bars, 100.0, lw, env);
}

enum Lead {
    Gap,
    Spending,
}

fn rows_panel(ui: &Ui, rect: Rect, title: &str, rows_: &[ProjectRow], env: &Env, lead: Lead) {
    let body = panel(ui, rect, title, env);
    let t = &env.theme;
    if rows_.is_empty() {
        no_data(ui, body, env, &env.tr("projects-none-in-class"));
        return;
    }
    let n = rows_
        .len()
        .min(((body.height() / space::ROW_HEIGHT).floor() as usize).max(1));
    let lines = rows(body, &vec![1.0; n], 4.0);
    for (i, (row, r)) in rows_.iter().zip(lines).enumerate() {
        if i % 2 == 1 {
            row_stripe(ui, r, radius::ROW_STRIPE, env);
        }
        let cols = columns_rtl(r.shrink2(egui::vec2(8.0, 0.0)), &[3.2, 1.1, 1.3], 12.0);
        let parts = crate::widgets::rows(cols[0], &[1.2, 0.9], 0.0);
        text(
            ui,
            parts[0],
            &row.name_ar,
            rtl(size::BODY, t.text),
            RIGHT,
            Some(1),
        );
        let (status, color) = status_label(row.status, env);
        let sub = env.tr_args(
            "projects-row-detail",
            &[
                ("center", row.center_ar.as_str().into()),
                ("sector", row.sector.as_str().into()),
                ("status", status.into()),
            ],
        );
        text(
            ui,
            parts[1],
            &sub,
            rtl(size::SMALL, t.muted),
            RIGHT,
            Some(1),
        );
        let (big, small, big_color) = match lead {
            Lead::Gap => {
                let late = match row.months_late {
                    Some(m) if m > 0 => env.count("projects-months-late", m),
                    Some(_) => env.tr("projects-on-time"),
                    None => env.tr("projects-no-progress-yet"),
                };
                (env.count("count-points", row.gap_points), late, color)
            }
            Lead::Spending => {
                let spent = row.spent_pct.filter(|p| p.is_finite()).unwrap_or(0.0);
                (
                    env.tr_args("projects-spent", &[("pct", env.pct(spent).into())]),
                    env.tr_args(
                        "projects-and-done",
                        &[("pct", env.pct(row.actual_progress as f64).into())],
                    ),
                    t.not_started,
                )
            }
        };
        text(
            ui,
            cols[1],
            &big,
            rtl(size::BODY, big_color).bold(),
            Align2::RIGHT_CENTER,
            Some(1),
        );
        text(
            ui,
            cols[2],
            &small,
            rtl(size::SMALL, t.muted),
            Align2::RIGHT_CENTER,
            Some(1),
        );
    }
}
