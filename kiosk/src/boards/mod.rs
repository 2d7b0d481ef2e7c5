//! The boards: each paints one view model (from `rasid_shared::board`) into the wall's body.
//!
//! One file per board with a `show(ui, rect, board, env)` function, and one list here
//! ([`show`] and [`title`]). Boards lay out numbers the shared aggregation computed; they
//! compute nothing of their own beyond percentages for display.

mod decisions;

use crate::widgets::{Env, no_data};
use egui::{Rect, Ui};
use rasid_shared::board::{BoardName, BoardView};

/// The board's title on the wall.
pub fn title(name: BoardName) -> &'static str {
    match name {
        BoardName::DecisionExecution => "متابعة تنفيذ قرارات مجلس الوزراء",
        BoardName::Centers => "ترتيب الجهات المسؤولة حسب نسبة التنفيذ",
        BoardName::Overdue => "القرارات المتأخرة عن موعد التنفيذ",
        BoardName::Budget => "أداء الموازنة",
        BoardName::Kpi => "مؤشرات الأداء والمخرجات",
        BoardName::Committees => "اللجان الحكومية",
        #[allow(unreachable_patterns)]
        _ => "لوحة",
    }
}

/// Paints `view` into `rect`.
pub fn show(ui: &Ui, rect: Rect, view: &BoardView, env: &Env) {
    match view {
        BoardView::DecisionExecution(b) => decisions::show_execution(ui, rect, b, env),
        #[allow(unreachable_patterns)]
        _ => no_data(ui, rect, env, "هذه اللوحة غير متاحة بعد في هذا الإصدار"),
    }
}
