//! A process in steps read from the right: each step a big number over its caption, with a
//! chevron pointing left (the reading direction) to the next step.

use super::{Env, columns_rtl, rows, rtl, text};
use crate::theme::size;
use egui::{Align2, Color32, Rect, Stroke, Ui, pos2};

/// One step of [`flow_rtl`].
#[derive(Debug, Clone)]
pub struct FlowStep {
    pub caption: String,
    pub value: String,
    pub color: Color32,
}

/// Steps laid out from the right, equally wide, joined by chevrons pointing left.
pub fn flow_rtl(ui: &Ui, rect: Rect, steps: &[FlowStep], env: &Env) {
    if steps.is_empty() {
        return;
    }
    let gap = 56.0;
    let cells = columns_rtl(rect, &vec![1.0; steps.len()], gap);
    for (i, (step, cell)) in steps.iter().zip(&cells).enumerate() {
        let parts = rows(*cell, &[1.4, 1.0], 4.0);
        text(
            ui,
            parts[0],
            &step.value,
            rtl(size::MEDIUM_NUMBER, step.color).bold(),
            Align2::CENTER_BOTTOM,
            Some(1),
        );
        text(
            ui,
            parts[1],
            &step.caption,
            rtl(size::SMALL, env.theme.muted),
            Align2::CENTER_TOP,
            Some(2),
        );
        if i + 1 < cells.len() {
            // The chevron sits in the gap to the left of this step, pointing at the next.
            let cx = cell.left() - gap / 2.0;
            let cy = parts[0].center().y + parts[0].height() * 0.15;
            let h = 14.0;
            let stroke = Stroke::new(4.0, env.theme.rule);
            ui.painter()
                .line_segment([pos2(cx + h * 0.5, cy - h), pos2(cx - h * 0.5, cy)], stroke);
            ui.painter()
                .line_segment([pos2(cx - h * 0.5, cy), pos2(cx + h * 0.5, cy + h)], stroke);
        }
    }
}
