//! The ranked lists of the centers, committees and classification boards: rows on a grid under
//! a line of headings, each row's name and bar at the right and its counts in columns at the
//! left.

use crate::theme::size;
use crate::widgets::*;
use egui::{Align2, Color32, Rect, Ui, pos2, vec2};
use rasid_shared::board::ExecutionCounts;

/// Rows thinner than this would need labels under 22 points.
pub(super) const MIN_ROW_HEIGHT: f32 = 36.0;

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

/// A count column: its heading, colour, and the count it shows.
struct CountColumn {
    heading: String,
    color: Color32,
    count: fn(&ExecutionCounts) -> u32,
}

/// The counts by status of a table's rows, one column per status at the left of the list:
/// executed, in progress, not started, and blocked or awaiting a report when a row has any.
pub(super) struct CountTable {
    columns: Vec<(CountColumn, Rect)>,
}

impl CountTable {
    /// The columns `counts` (one per row) need, placed from the left of `list`, each as wide
    /// as its heading and at least two large digits.
    pub fn new(ui: &Ui, list: Rect, counts: &[ExecutionCounts], env: &Env) -> CountTable {
        let head_spec = rtl(size::SMALL, env.theme.muted);
        let columns = count_columns(counts, env);
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| text_size(ui, &c.heading, head_spec).x.max(size::BODY * 2.2) + 18.0)
            .collect();
        let mut right = list.left() + widths.iter().sum::<f32>();
        let columns = columns
            .into_iter()
            .zip(widths)
            .map(|(c, w)| {
                let col =
                    Rect::from_min_max(pos2(right - w, list.top()), pos2(right, list.bottom()));
                right -= w;
                (c, col)
            })
            .collect();
        CountTable { columns }
    }

    /// The right edge of the rightmost column (the list's left when there is none).
    pub fn right(&self) -> f32 {
        self.columns
            .iter()
            .map(|(_, r)| r.right())
            .fold(f32::NEG_INFINITY, f32::max)
    }

    /// Paints each column's heading and its counts, one per row of `grid`.
    pub fn show(&self, ui: &Ui, grid: &RowGrid, counts: &[ExecutionCounts], env: &Env) {
        for (c, col) in &self.columns {
            count_column(ui, grid, *col, c, counts, env);
        }
    }
}

fn count_columns(counts: &[ExecutionCounts], env: &Env) -> Vec<CountColumn> {
    let t = &env.theme;
    let mut cols = vec![
        CountColumn {
            heading: env.tr("status-executed"),
            color: t.executed,
            count: |c| c.executed,
        },
        CountColumn {
            heading: env.tr("status-in-progress"),
            color: t.in_progress,
            count: |c| c.in_progress,
        },
        CountColumn {
            heading: env.tr("status-not-started"),
            color: t.not_started,
            count: |c| c.not_started,
        },
    ];
    if counts.iter().any(|c| c.blocked > 0) {
        cols.push(CountColumn {
            heading: env.tr("status-blocked"),
            color: t.blocked,
            count: |c| c.blocked,
        });
    }
    if counts.iter().any(|c| c.unreported > 0) {
        cols.push(CountColumn {
            heading: env.tr("status-awaiting-report"),
            color: t.unreported,
            count: |c| c.unreported,
        });
    }
    cols
}

/// One status's counts, one per row, under its heading; a zero in the muted colour.
fn count_column(
    ui: &Ui,
    grid: &RowGrid,
    col: Rect,
    c: &CountColumn,
    counts: &[ExecutionCounts],
    env: &Env,
) {
    let t = &env.theme;
    let head_spec = rtl(size::SMALL, t.muted);
    text(
        ui,
        grid.heading(col),
        &c.heading,
        head_spec,
        Align2::CENTER_CENTER,
        Some(1),
    );
    for (i, row) in counts.iter().enumerate() {
        let n = (c.count)(row);
        let color = if n == 0 { t.muted } else { c.color };
        text(
            ui,
            grid.cell(col, i),
            &env.int(n),
            rtl(grid.label_size, color).bold(),
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
}
