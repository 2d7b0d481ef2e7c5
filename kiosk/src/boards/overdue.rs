//! Board `overdue`: the non-executed decisions and assignments most past their due date, one
//! row each (days overdue coloured by severity, number, date, subject, lead center, status and
//! progress), as many as fit at list size, under the total overdue and the longest delay.

use super::{days, no_data_text};
use crate::text::{TextDirection, TextStyleSpec};
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Align2, Color32, Rect, Ui, pos2, vec2};
use rasid_shared::board::{Execution, OverdueBoard, OverdueRow, threshold};
use rasid_shared::model::{DecisionKind, DecisionNumber};

/// A decision number as the wall paints it: in the wall's digits, in its own left-to-right
/// cell, so `18/212/02` reads as written (government, session, item) inside a right-to-left row.
pub fn decision_number(number: &DecisionNumber, env: &Env) -> (String, TextStyleSpec) {
    let spec = TextStyleSpec::new(size::ROW, env.theme.text)
        .bold()
        .with_direction(TextDirection::Ltr);
    (env.digits_of(&number.to_string()), spec)
}

/// The colour of a delay: severe, serious, or overdue.
fn severity_color(days_overdue: i64, env: &Env) -> Color32 {
    let t = &env.theme;
    if days_overdue >= threshold::OVERDUE_SEVERE_DAYS {
        t.not_started
    } else if days_overdue >= threshold::OVERDUE_SERIOUS_DAYS {
        t.in_progress
    } else {
        t.accent
    }
}

/// A decision's execution in the wall's words, with its colour.
pub(crate) fn execution_text(e: Execution, env: &Env) -> (String, Color32) {
    let t = &env.theme;
    match e {
        Execution::NotStarted => (env.tr("status-not-started"), t.not_started),
        Execution::InProgress => (env.tr("status-in-progress"), t.in_progress),
        Execution::Executed => (env.tr("status-executed"), t.executed),
        Execution::Blocked => (env.tr("status-blocked"), t.blocked),
        Execution::Unreported => (env.tr("status-no-report"), t.unreported),
    }
}

pub fn show(ui: &Ui, rect: Rect, b: &OverdueBoard, env: &Env) {
    // "Nothing overdue" is good news worth saying; "nothing checked" is no data, never a zero.
    if b.rows.is_empty() {
        if b.checked > 0 {
            let msg = env.count("overdue-none", b.checked);
            no_data(ui, rect, env, &msg);
        } else {
            no_data(ui, rect, env, &no_data_text(env));
        }
        return;
    }
    let t = &env.theme;
    let r = rows(rect, &[1.0, 4.4], space::GAP);
    let cards = columns_rtl(r[0], &[1.0, 1.0, 1.6], space::GAP);
    number_card(
        ui,
        cards[0],
        &env.tr("overdue-total"),
        &env.int(b.total),
        t.not_started,
        Some(&env.tr("overdue-total-note")),
        env,
    );
    let longest = &b.rows[0];
    let (number, _) = decision_number(&longest.number, env);
    number_card(
        ui,
        cards[1],
        &env.tr("overdue-longest"),
        &days(env, longest.days_overdue),
        severity_color(longest.days_overdue, env),
        Some(&env.tr_args("overdue-decision-number", &[("number", number.into())])),
        env,
    );
    severity_legend(ui, cards[2], env);

    let list_rect = if b.moved.is_empty() {
        r[1]
    } else {
        let parts = rows(r[1], &[1.35, 1.0], space::GAP);
        super::goalposts::moved_panel(ui, parts[1], b, env);
        parts[0]
    };
    let capacity =
        ((list_rect.height() - space::PAD * 2.0 - size::TILE_TITLE * 1.5 - 8.0 - size::SMALL * 1.8)
            / space::ROW_HEIGHT)
            .floor()
            .max(1.0) as usize;
    let shown = &b.rows[..b.rows.len().min(capacity)];
    let title = env.tr_args(
        "overdue-most-overdue",
        &[
            ("shown", env.int(shown.len() as i64).into()),
            ("total", env.int(b.total).into()),
        ],
    );
    let body = panel(ui, list_rect, &title, env);
    let head = Rect::from_min_size(body.min, vec2(body.width(), size::SMALL * 1.8));
    let list = Rect::from_min_max(pos2(body.left(), head.bottom()), body.max);
    let cells = |r: Rect| columns_rtl(r, &[150.0, 175.0, 190.0, 640.0, 330.0, 300.0], space::GAP);
    let heads = [
        env.tr("overdue-heading-delay"),
        env.tr("overdue-heading-number"),
        env.tr("overdue-heading-date"),
        env.tr("overdue-heading-subject"),
        env.tr("overdue-heading-center"),
        env.tr("overdue-heading-status"),
    ];
    for (h, c) in heads.iter().zip(cells(head)) {
        text(ui, c, h, rtl(size::SMALL, t.muted), RIGHT, Some(1));
    }
    let row_h = (list.height() / shown.len() as f32).min(space::ROW_HEIGHT * 1.25);
    for (i, row) in shown.iter().enumerate() {
        let rr = Rect::from_min_size(
            pos2(list.left(), list.top() + row_h * i as f32),
            vec2(list.width(), row_h),
        );
        if i % 2 == 0 {
            row_stripe(
                ui,
                rr.expand2(vec2(8.0, -2.0)),
                radius::ROW_STRIPE_TALL,
                env,
            );
        }
        overdue_row(ui, cells(rr), row, env);
        crate::story::open_on_click(ui, rr, &row.number, env);
    }
}

fn overdue_row(ui: &Ui, c: Vec<Rect>, row: &OverdueRow, env: &Env) {
    let t = &env.theme;
    let chip_spec = rtl(size::ROW_NUMBER * 0.8, t.background).bold();
    chip(
        ui,
        c[0],
        &days(env, row.days_overdue),
        chip_spec,
        severity_color(row.days_overdue, env),
        RIGHT,
    );
    let (number, spec) = decision_number(&row.number, env);
    text(ui, c[1], &number, spec, RIGHT, Some(1));
    text(
        ui,
        c[2],
        &env.date(row.date),
        rtl(size::ROW, t.muted),
        RIGHT,
        Some(1),
    );
    let title = match row.kind {
        DecisionKind::Assignment => env.tr_args(
            "overdue-assignment-title",
            &[("title", row.title.as_str().into())],
        ),
        DecisionKind::Decision => row.title.clone(),
    };
    text(ui, c[3], &title, rtl(size::ROW, t.text), RIGHT, Some(1));
    let center = if row.centers.len() > 1 {
        env.tr_args(
            "overdue-lead-center-and-others",
            &[("center", row.lead_center_ar.as_str().into())],
        )
    } else {
        row.lead_center_ar.clone()
    };
    text(ui, c[4], &center, rtl(size::ROW, t.text), RIGHT, Some(1));
    let (status, color) = execution_text(row.execution, env);
    let parts = columns_rtl(c[5], &[1.25, 1.0], 10.0);
    text(
        ui,
        parts[0],
        &status,
        rtl(size::ROW, color).bold(),
        RIGHT,
        Some(1),
    );
    if row.execution == Execution::InProgress && row.progress > 0 {
        let p = columns_rtl(parts[1], &[1.0, 1.0], 8.0);
        let meter = Rect::from_center_size(p[0].center(), vec2(p[0].width(), 10.0));
        meter_rtl(ui, meter, row.progress as f64 / 100.0, color, env);
        text(
            ui,
            p[1],
            &env.pct(row.progress as f64),
            rtl(size::ROW, t.text),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}

fn severity_legend(ui: &Ui, rect: Rect, env: &Env) {
    let t = &env.theme;
    let body = panel(ui, rect, &env.tr("overdue-severity"), env);
    let severe = threshold::OVERDUE_SEVERE_DAYS;
    let serious = threshold::OVERDUE_SERIOUS_DAYS;
    let items = [
        (
            severity_color(severe, env),
            env.tr_args("range-at-least", &[("from", days(env, severe).into())]),
        ),
        (
            severity_color(serious, env),
            env.tr_args(
                "overdue-days-from-to",
                &[
                    ("from", env.int(serious).into()),
                    ("to", days(env, severe - 1).into()),
                ],
            ),
        ),
        (
            severity_color(0, env),
            env.tr_args("range-below", &[("below", days(env, serious).into())]),
        ),
    ];
    let cols = columns_rtl(body, &[1.0, 1.25, 1.0], 12.0);
    for ((color, label), cell) in items.iter().zip(cols) {
        chip(
            ui,
            cell,
            label,
            rtl(size::LABEL, t.background).bold(),
            *color,
            Align2::CENTER_CENTER,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Digits;
    use crate::theme::{Theme, ThemeName};
    use rasid_shared::format::{CalendarKind, Language};

    fn env() -> Env {
        Env {
            theme: Theme::new(ThemeName::Dark),
            digits: Digits::ArabicIndic,
            calendar: CalendarKind::Gregorian,
            language: Language::Arabic,
            today: chrono::NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default(),
        }
    }

    #[test]
    fn decision_numbers_are_in_the_walls_digits_in_a_left_to_right_cell() {
        let (s, spec) = decision_number(&DecisionNumber::new(18, 212, 2), &env());
        assert_eq!(s, "١٨/٢١٢/٠٢");
        assert_eq!(spec.direction, TextDirection::Ltr);
    }

    #[test]
    fn severity_changes_at_the_theme_thresholds() {
        let e = env();
        assert_eq!(
            severity_color(threshold::OVERDUE_SEVERE_DAYS, &e),
            e.theme.not_started
        );
        assert_eq!(
            severity_color(threshold::OVERDUE_SEVERE_DAYS - 1, &e),
            e.theme.in_progress
        );
        assert_eq!(
            severity_color(threshold::OVERDUE_SERIOUS_DAYS, &e),
            e.theme.in_progress
        );
        assert_eq!(
            severity_color(threshold::OVERDUE_SERIOUS_DAYS - 1, &e),
            e.theme.accent
        );
    }

    #[test]
    fn days_take_the_counted_form() {
        let e = env();
        assert_eq!(days(&e, 2), "يومان");
        assert_eq!(days(&e, 5), "٥ أيام");
        assert_eq!(days(&e, 312), "٣١٢ يوماً");
        assert_eq!(days(&e, 100), "١٠٠ يوم");
    }
}
