//! Board `reporting`: whether the responsible centers report what is due: how many sent this
//! month's budget and this quarter's indicators, which are late with what and since when (their
//! last report), and which have never reported. One tile per center, the late ones first.

use super::{no_data_text, quarter_name};
use crate::theme::{radius, size, space};
use crate::widgets::*;
use egui::{Color32, CornerRadius, Rect, Stroke, StrokeKind, Ui, pos2, vec2};
use rasid_shared::board::{CenterReporting, DueReport, ReportingBoard};
use rasid_shared::format::{CalendarKind, month_name};

/// Tiles lower than this cannot hold their three lines.
const MIN_TILE_HEIGHT: f32 = 100.0;
const TILE_COLUMNS: usize = 4;

/// A due report in the wall's words: "موازنة ديسمبر ٢٠٢٣", "موازنة سبتمبر–ديسمبر ٢٠٢٣",
/// "الموازنة السنوية ٢٠٢٣", "مؤشرات الربع الرابع ٢٠٢٣".
pub fn due_report_in_words(r: &DueReport, env: &Env) -> String {
    let month = |m: u8| month_name(CalendarKind::Gregorian, m.clamp(1, 12), env.language);
    let year = |y: i32| env.digits_of(&y.to_string());
    match *r {
        DueReport::MonthlyBudget { year: y, month: m } => env.tr_args(
            "reporting-monthly-budget",
            &[("month", month(m).into()), ("year", year(y).into())],
        ),
        DueReport::FourMonthBudget { year: y, period } => {
            let p = period.clamp(1, 3);
            env.tr_args(
                "reporting-four-month-budget",
                &[
                    ("first", month((p - 1) * 4 + 1).into()),
                    ("last", month(p * 4).into()),
                    ("year", year(y).into()),
                ],
            )
        }
        DueReport::YearlyBudget { year: y } => {
            env.tr_args("reporting-yearly-budget", &[("year", year(y).into())])
        }
        DueReport::QuarterlyKpi { year: y, quarter } => env.tr_args(
            "reporting-quarterly-kpi",
            &[
                ("quarter", quarter_name(quarter, env).into()),
                ("year", year(y).into()),
            ],
        ),
    }
}

pub fn show(ui: &Ui, rect: Rect, b: &ReportingBoard, env: &Env) {
    if b.centers.is_empty() {
        no_data(ui, rect, env, &no_data_text(env));
        return;
    }
    let r = rows(rect, &[1.0, 3.6], space::GAP);
    cards(ui, r[0], b, env);
    tiles(ui, r[1], b, env);
}

/// One card per reporting cycle, then the number of centers late.
fn cards(ui: &Ui, rect: Rect, b: &ReportingBoard, env: &Env) {
    let t = &env.theme;
    let cards = columns_rtl(rect, &[1.0; 5], space::GAP);
    // One card per reporting cycle: the latest report now due, how many of those who owe it
    // sent it, and when it fell due, in the wall's calendar.
    for (card, c) in cards.iter().zip(&b.cycles) {
        let accent = if c.received >= c.owed {
            t.executed
        } else {
            t.in_progress
        };
        let value = if c.owed == 0 {
            "—".to_string()
        } else {
            env.tr_args(
                "reporting-received-of-owed",
                &[
                    ("received", env.int(c.received).into()),
                    ("owed", env.int(c.owed).into()),
                ],
            )
        };
        let note = env.tr_args(
            "reporting-fell-due",
            &[("date", env.date(c.report.due()).into())],
        );
        number_card(
            ui,
            *card,
            &due_report_in_words(&c.report, env),
            &value,
            accent,
            Some(&note),
            env,
        );
    }
    if let Some(card) = cards.get(4) {
        let never = b.centers.iter().filter(|c| c.last_as_of.is_none()).count() as i64;
        let note = if never > 0 {
            env.tr_args(
                "reporting-never-reported",
                &[("num", env.int(never).into())],
            )
        } else {
            env.tr("reporting-late-note")
        };
        number_card(
            ui,
            *card,
            &env.tr("reporting-late-centers"),
            &env.int(b.late),
            t.not_started,
            Some(&note),
            env,
        );
    }
}

/// A tile per center, as many as fit in `grid`, the late first; the last tile says how many
/// more when not all fit.
fn tiles(ui: &Ui, grid: Rect, b: &ReportingBoard, env: &Env) {
    let t = &env.theme;
    let mut order: Vec<&CenterReporting> = b.centers.iter().collect();
    // Late first, then those never heard from, then the rest; the registry's order within.
    order.sort_by_key(|c| (!c.late, c.last_as_of.is_some()));
    let tile_rows_fit = ((grid.height() + space::GAP) / (MIN_TILE_HEIGHT + space::GAP))
        .floor()
        .max(1.0) as usize;
    let needed_rows = order.len().div_ceil(TILE_COLUMNS);
    let tile_rows = needed_rows.min(tile_rows_fit).max(1);
    let capacity = tile_rows * TILE_COLUMNS;
    let hidden = order.len().saturating_sub(capacity);
    // When not all fit, the last tile says how many (all on time, since late ones come first).
    let shown = if hidden > 0 {
        &order[..capacity - 1]
    } else {
        &order[..]
    };
    let grid_rows = rows(grid, &vec![1.0; tile_rows], space::GAP);
    let cells: Vec<Rect> = grid_rows
        .iter()
        .flat_map(|row| columns_rtl(*row, &[1.0; TILE_COLUMNS], space::GAP))
        .collect();
    for (c, cell) in shown.iter().zip(&cells) {
        tile(ui, *cell, c, b, env);
    }
    if hidden > 0
        && let Some(cell) = cells.get(capacity - 1)
    {
        let more = env.count("reporting-more-centers", (hidden + 1) as i64);
        ui.painter().rect_stroke(
            *cell,
            CornerRadius::same(radius::PANEL),
            Stroke::new(1.5, t.panel_stroke),
            StrokeKind::Inside,
        );
        text(
            ui,
            *cell,
            &more,
            rtl(size::BODY, t.muted),
            egui::Align2::CENTER_CENTER,
            Some(2),
        );
    }
}

fn tile(ui: &Ui, rect: Rect, c: &CenterReporting, b: &ReportingBoard, env: &Env) {
    let t = &env.theme;
    let current = c.budget_this_month || c.kpi_this_quarter;
    let accent: Color32 = if c.late {
        t.not_started
    } else if c.last_as_of.is_none() {
        t.unreported
    } else {
        t.executed
    };
    accent_card(ui, rect, accent, env);
    let inner = rect.shrink2(vec2(space::PAD * 0.7, space::PAD * 0.45));
    let inner = Rect::from_min_max(
        inner.min,
        pos2(inner.right() - space::ACCENT_BAR, inner.bottom()),
    );
    let lines = rows(inner, &[1.25, 1.0, 1.0], 0.0);
    text(
        ui,
        lines[0],
        &c.name_ar,
        rtl(size::ROW, t.text).bold(),
        RIGHT,
        Some(1),
    );
    let last = match c.last_as_of {
        Some(d) => env.tr_args("reporting-last-report", &[("date", env.date(d).into())]),
        None => env.tr("reporting-no-report-yet"),
    };
    let last = match c.last_heard {
        Some(h) if c.last_as_of.is_none_or(|d| h.date_naive() > d) => env.tr_args(
            "reporting-last-heard",
            &[
                ("last", last.into()),
                ("date", env.date(h.date_naive()).into()),
            ],
        ),
        _ => last,
    };
    text(
        ui,
        lines[1],
        &last,
        rtl(
            size::SMALL,
            if c.last_as_of.is_some() {
                t.muted
            } else {
                t.not_started
            },
        ),
        RIGHT,
        Some(1),
    );
    let (status, color) = if c.late {
        let items: Vec<String> = c
            .missing
            .iter()
            .map(|m| due_report_in_words(m, env))
            .collect();
        let items = items.join(&env.tr("list-separator"));
        (
            env.tr_args("reporting-late-with", &[("reports", items.into())]),
            t.not_started,
        )
    } else if current {
        let mut got = Vec::new();
        if c.budget_this_month {
            let month = month_name(CalendarKind::Gregorian, b.month.clamp(1, 12), env.language);
            got.push(env.tr_args("reporting-budget-of", &[("month", month.into())]));
        }
        if c.kpi_this_quarter {
            got.push(env.tr_args(
                "reporting-kpi-of",
                &[("quarter", quarter_name(b.quarter, env).into())],
            ));
        }
        let got = got.join(&env.tr("list-separator"));
        (
            env.tr_args("reporting-received", &[("reports", got.into())]),
            t.executed,
        )
    } else {
        (env.tr("reporting-none-late"), t.executed)
    };
    text(
        ui,
        lines[2],
        &status,
        rtl(size::SMALL, color).bold(),
        RIGHT,
        Some(1),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Digits;
    use crate::theme::{Theme, ThemeName};
    use rasid_shared::format::Language;

    #[test]
    fn due_reports_are_said_in_arabic() {
        let env = Env {
            theme: Theme::new(ThemeName::Dark),
            digits: Digits::ArabicIndic,
            calendar: CalendarKind::Gregorian,
            language: Language::Arabic,
            today: chrono::NaiveDate::from_ymd_opt(2024, 2, 12).unwrap_or_default(),
        };
        let say = |r: DueReport| due_report_in_words(&r, &env);
        assert_eq!(
            say(DueReport::MonthlyBudget {
                year: 2024,
                month: 1
            }),
            "موازنة يناير ٢٠٢٤"
        );
        assert_eq!(
            say(DueReport::FourMonthBudget {
                year: 2023,
                period: 3
            }),
            "موازنة سبتمبر–ديسمبر ٢٠٢٣"
        );
        assert_eq!(
            say(DueReport::YearlyBudget { year: 2023 }),
            "الموازنة السنوية ٢٠٢٣"
        );
        assert_eq!(
            say(DueReport::QuarterlyKpi {
                year: 2023,
                quarter: 4
            }),
            "مؤشرات الربع الرابع ٢٠٢٣"
        );
    }
}
