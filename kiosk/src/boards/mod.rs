//! The boards: each paints one view model (from `rasid_shared::board`) into the wall's body.
//!
//! One file per board with a `show(ui, rect, board, env)` function, and one list here
//! ([`show`] and [`title`]). Boards lay out numbers the shared aggregation computed; they
//! compute nothing of their own beyond percentages for display. Every word they paint comes
//! from the catalogue (`Env::tr`, `shared/locales/`).

mod budget;
mod centers;
mod classification;
mod committees;
mod complaints;
mod decisions;
mod goalposts;
mod kpi;
mod legislation;
mod overdue;
mod projects;
mod reporting;
mod table;
mod trends;

pub use overdue::decision_number;
pub(crate) use overdue::execution_text;

use crate::widgets::Env;
use egui::{Rect, Ui};
use rasid_shared::board::{BoardName, BoardView};

/// What a board (or a panel of one) says when its view model holds nothing to show: never a
/// zero that would look like a current figure.
pub fn no_data_text(env: &Env) -> String {
    env.tr("no-data")
}

/// The board's title on the wall.
pub fn title(name: BoardName, env: &Env) -> String {
    match name {
        BoardName::DecisionExecution => env.tr("board-title-decision-execution"),
        BoardName::Centers => env.tr("board-title-centers"),
        BoardName::Overdue => env.tr("board-title-overdue"),
        BoardName::Budget => env.tr("board-title-budget"),
        BoardName::Kpi => env.tr("board-title-kpi"),
        BoardName::Committees => env.tr("board-title-committees"),
        BoardName::Projects => env.tr("board-title-projects"),
        BoardName::Reporting => env.tr("board-title-reporting"),
        BoardName::Classification => env.tr("board-title-classification"),
        BoardName::Trends => env.tr("board-title-trends"),
        BoardName::Complaints => env.tr("board-title-complaints"),
        BoardName::Legislation => env.tr("board-title-legislation"),
    }
}

/// The name of quarter `q` (1–4): "الربع الأول".
pub(crate) fn quarter_name(q: u8, env: &Env) -> String {
    env.tr_args("quarter", &[("quarter", i64::from(q).into())])
}

/// Paints `view` into `rect`.
pub fn show(ui: &Ui, rect: Rect, view: &BoardView, env: &Env) {
    match view {
        BoardView::DecisionExecution(b) => decisions::show_execution(ui, rect, b, env),
        BoardView::Centers(b) => centers::show(ui, rect, b, env),
        BoardView::Overdue(b) => overdue::show(ui, rect, b, env),
        BoardView::Budget(b) => budget::show(ui, rect, b, env),
        BoardView::Kpi(b) => kpi::show(ui, rect, b, env),
        BoardView::Committees(b) => committees::show(ui, rect, b, env),
        BoardView::Projects(b) => projects::show(ui, rect, b, env),
        BoardView::Reporting(b) => reporting::show(ui, rect, b, env),
        BoardView::Classification(b) => classification::show(ui, rect, b, env),
        BoardView::Trends(b) => trends::show(ui, rect, b, env),
        BoardView::Complaints(b) => complaints::show(ui, rect, b, env),
        BoardView::Legislation(b) => legislation::show(ui, rect, b, env),
    }
}

/// Days: "يومان", "٥ أيام", "٣١٢ يوماً" (the counted forms are the catalogue's).
pub(crate) fn days(env: &Env, n: i64) -> String {
    env.count("count-days", n)
}
