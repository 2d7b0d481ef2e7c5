//! The ranked lists of the centers and committees boards: rows on a grid under a line of
//! headings, each row's name and bar at the right and its counts in columns at the left.

use crate::theme::size;
use crate::widgets::*;
use egui::{Rect, Ui, pos2, vec2};

/// Where a table's rows are and how large their labels are written.
pub(super) struct RowGrid {
    /// The headings' line, above the rows.
    pub head: Rect,
    pub list: Rect,
    pub row_h: f32,
    pub label_size: f32,
}

impl RowGrid {
    /// `rows` rows filling `list` under `head`, labels sized to the rows (12 to body size).
    pub fn new(head: Rect, list: Rect, rows: usize) -> RowGrid {
        let row_h = list.height() / rows as f32;
        RowGrid {
            head,
            list,
            row_h,
            label_size: (row_h * 0.62).clamp(12.0, size::BODY),
        }
    }

    /// Row `i` of column `col`.
    pub fn cell(&self, col: Rect, i: usize) -> Rect {
        Rect::from_min_size(
            pos2(col.left(), self.list.top() + self.row_h * i as f32),
            vec2(col.width(), self.row_h),
        )
    }

    /// The heading over column `col`.
    pub fn heading(&self, col: Rect) -> Rect {
        Rect::from_min_max(
            pos2(col.left(), self.head.top()),
            pos2(col.right(), self.head.bottom()),
        )
    }
}

/// Where a table's bars go.
pub(super) struct BarArea {
    pub rect: Rect,
    /// The most of `rect`'s width the names at its right may take.
    pub name_share: f32,
    /// The value of a bar across the whole width.
    pub max: f64,
}

/// `bars` in `area`, their names (as wide as the longest needs, within the area's share) at
/// the right, under two headings: `[over the names, over the bars]`.
pub(super) fn headed_bars(
    ui: &Ui,
    grid: &RowGrid,
    area: BarArea,
    headings: [&str; 2],
    bars: &[Bar],
    env: &Env,
) {
    let bars_rect = area.rect;
    let name_w = label_width(
        ui,
        bars.iter().map(|b| b.label.as_str()),
        grid.label_size,
        bars_rect.width() * area.name_share,
        env,
    );
    let head_spec = rtl(size::SMALL, env.theme.muted);
    let name_head = grid.heading(Rect::from_min_max(
        pos2(bars_rect.right() - name_w, bars_rect.top()),
        bars_rect.max,
    ));
    text(ui, name_head, headings[0], head_spec, RIGHT, Some(1));
    let bar_head = Rect::from_min_max(
        pos2(bars_rect.left(), grid.head.top()),
        pos2(name_head.left() - 12.0, grid.head.bottom()),
    );
    text(ui, bar_head, headings[1], head_spec, RIGHT, Some(1));
    bars_rtl(ui, bars_rect, bars, area.max, name_w, env);
}
