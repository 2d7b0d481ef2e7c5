//! The boards: each paints one view model (from `rasid_shared::board`) into the wall's body.
//!
//! One file per board with a `show(ui, rect, board, env)` function, and one list here
//! ([`show`] and [`title`]). Boards lay out numbers the shared aggregation computed; they
//! compute nothing of their own beyond percentages for display.

mod budget;
mod centers;
mod committees;
mod decisions;
mod kpi;
mod overdue;
mod projects;
mod reporting;
mod table;

pub use overdue::decision_number;

use crate::widgets::Env;
use egui::{Rect, Ui};
use rasid_shared::board::{BoardName, BoardView};

/// What a board (or a panel of one) says when its view model holds nothing to show: never a
/// zero that would look like a current figure.
pub const NO_DATA: &str = "لا توجد بيانات";

/// The board's title on the wall.
pub fn title(name: BoardName) -> &'static str {
    match name {
        BoardName::DecisionExecution => "متابعة تنفيذ قرارات مجلس الوزراء",
        BoardName::Centers => "ترتيب الجهات المسؤولة حسب نسبة التنفيذ",
        BoardName::Overdue => "القرارات المتأخرة عن موعد التنفيذ",
        BoardName::Budget => "أداء الموازنة",
        BoardName::Kpi => "مؤشرات الأداء والمخرجات",
        BoardName::Committees => "اللجان الحكومية",
        BoardName::Projects => "متابعة المشاريع",
        BoardName::Reporting => "انتظام تقارير الجهات المسؤولة",
    }
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
    }
}

/// "N <noun>" with the form of the noun Arabic counting needs: `count_noun(env, n, ["قرار",
/// "قراران", "قرارات", "قراراً"])` gives "قراران" for 2 (the dual says the number), "٣ قرارات"
/// (3–10: plural), "١٩٦ قراراً" (11–99 in the last two digits: accusative singular), and
/// "١ قرار", "١٠٠ قرار" otherwise.
pub(crate) fn count_noun(env: &Env, n: i64, forms: [&str; 4]) -> String {
    let [one, two, few, many] = forms;
    let a = n.unsigned_abs();
    let r = a % 100;
    if a == 2 {
        return two.to_string();
    }
    let noun = if (3..=10).contains(&r) {
        few
    } else if (11..=99).contains(&r) {
        many
    } else {
        one
    };
    format!("{} {noun}", env.int(n))
}

/// Days: "يومان", "٥ أيام", "٣١٢ يوماً".
pub(crate) fn days(env: &Env, n: i64) -> String {
    count_noun(env, n, ["يوم", "يومان", "أيام", "يوماً"])
}
