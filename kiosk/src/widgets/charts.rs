//! Charts drawn with the painter, read from the right: donuts, bars growing from the right,
//! columns whose first category is at the right, and lines against a plan.

use super::{Env, RIGHT, rtl, text};
use crate::theme::{radius, size};
use egui::epaint::{Mesh, PathShape, PathStroke, Vertex};
use egui::{Align2, Color32, CornerRadius, Pos2, Rect, Stroke, Ui, pos2, vec2};

/// One part of a whole.
#[derive(Debug, Clone)]
pub struct Segment {
    pub value: f64,
    pub color: Color32,
}

/// A ring chart, clockwise from the top, with `center` text (e.g. the total) in the hole.
pub fn donut(ui: &Ui, rect: Rect, segments: &[Segment], center: &str, caption: &str, env: &Env) {
    let radius = rect.width().min(rect.height()) / 2.0 - 4.0;
    if radius <= 10.0 {
        return;
    }
    let c = rect.center();
    let inner = radius * 0.62;
    let total: f64 = segments.iter().map(|s| s.value.max(0.0)).sum();
    let painter = ui.painter();
    if total <= 0.0 {
        painter.circle_stroke(
            c,
            (radius + inner) / 2.0,
            Stroke::new(radius - inner, env.theme.grid),
        );
    } else {
        let mut start = -std::f32::consts::FRAC_PI_2;
        for s in segments {
            let sweep = (s.value.max(0.0) / total) as f32 * std::f32::consts::TAU;
            if sweep > 0.0 {
                painter.add(ring_segment(
                    c,
                    inner,
                    radius,
                    start,
                    start + sweep,
                    s.color,
                ));
            }
            start += sweep;
        }
        // Thin separators between segments, in the panel colour.
        let mut a = -std::f32::consts::FRAC_PI_2;
        for s in segments {
            let sweep = (s.value.max(0.0) / total) as f32 * std::f32::consts::TAU;
            if sweep > 0.0 && sweep < std::f32::consts::TAU - 1e-3 {
                let dir = vec2(a.cos(), a.sin());
                painter.line_segment(
                    [c + dir * inner, c + dir * radius],
                    Stroke::new(3.0, env.theme.panel),
                );
            }
            a += sweep;
        }
    }
    let hole = Rect::from_center_size(c, vec2(inner * 1.6, inner * 1.2));
    let parts = super::rows(hole, &[1.3, 0.8], 0.0);
    text(
        ui,
        parts[0],
        center,
        rtl(size::MEDIUM_NUMBER, env.theme.text).bold(),
        Align2::CENTER_BOTTOM,
        Some(1),
    );
    text(
        ui,
        parts[1],
        caption,
        rtl(size::LABEL, env.theme.muted),
        Align2::CENTER_TOP,
        Some(1),
    );
}

fn ring_segment(c: Pos2, r0: f32, r1: f32, a0: f32, a1: f32, color: Color32) -> Mesh {
    let steps = (((a1 - a0).abs() / 0.04).ceil() as usize).max(2);
    let mut mesh = Mesh::default();
    for i in 0..=steps {
        let a = a0 + (a1 - a0) * i as f32 / steps as f32;
        let dir = vec2(a.cos(), a.sin());
        mesh.vertices.push(Vertex {
            pos: c + dir * r0,
            uv: Pos2::ZERO,
            color,
        });
        mesh.vertices.push(Vertex {
            pos: c + dir * r1,
            uv: Pos2::ZERO,
            color,
        });
        if i > 0 {
            let b = (i as u32) * 2;
            mesh.add_triangle(b - 2, b - 1, b);
            mesh.add_triangle(b - 1, b + 1, b);
        }
    }
    mesh
}

/// One bar of a ranking: label at the right, bar growing leftwards from the right.
#[derive(Debug, Clone)]
pub struct Bar {
    pub label: String,
    /// 0..=max.
    pub value: f64,
    pub color: Color32,
    /// Shown at the bar's end (e.g. "62%").
    pub value_text: String,
}

/// Horizontal bars from the right, labels in a column at the right, with a light grid.
/// `max` is the full scale (e.g. 100 for percentages).
pub fn bars_rtl(ui: &Ui, rect: Rect, bars: &[Bar], max: f64, label_width: f32, env: &Env) {
    if bars.is_empty() {
        return;
    }
    let t = &env.theme;
    let label_col = Rect::from_min_max(pos2(rect.right() - label_width, rect.top()), rect.max);
    let value_w = size::LABEL * 3.2;
    let plot = Rect::from_min_max(
        pos2(rect.left() + value_w, rect.top()),
        pos2(label_col.left() - 12.0, rect.bottom()),
    );
    let row_h = rect.height() / bars.len() as f32;
    let bar_h = (row_h * 0.62).clamp(4.0, 34.0);
    let painter = ui.painter();
    for k in 0..=4 {
        let x = plot.right() - plot.width() * k as f32 / 4.0;
        painter.line_segment(
            [pos2(x, plot.top()), pos2(x, plot.bottom())],
            Stroke::new(1.0, t.grid),
        );
    }
    let label_size = (row_h * 0.62).clamp(12.0, size::BODY);
    for (i, b) in bars.iter().enumerate() {
        let y = rect.top() + row_h * (i as f32 + 0.5);
        let row = Rect::from_center_size(
            pos2(label_col.center().x, y),
            vec2(label_col.width(), row_h),
        );
        text(ui, row, &b.label, rtl(label_size, t.text), RIGHT, Some(1));
        let frac = if max > 0.0 {
            (b.value / max).clamp(0.0, 1.0) as f32
        } else {
            0.0
        };
        let w = plot.width() * frac;
        let bar = Rect::from_min_max(
            pos2(plot.right() - w, y - bar_h / 2.0),
            pos2(plot.right(), y + bar_h / 2.0),
        );
        painter.rect_filled(bar, CornerRadius::same(radius::BAR), b.color);
        let vt = Rect::from_min_max(
            pos2(rect.left(), y - row_h / 2.0),
            pos2(bar.left() - 8.0, y + row_h / 2.0),
        );
        text(
            ui,
            vt,
            &b.value_text,
            rtl(label_size, t.text).bold(),
            Align2::RIGHT_CENTER,
            Some(1),
        );
    }
}

/// A column of stacked parts, with its label under it.
#[derive(Debug, Clone)]
pub struct Column {
    pub label: String,
    pub parts: Vec<Segment>,
}

/// Stacked columns, the first at the RIGHT (January at the right edge), with a value axis.
pub fn stacked_columns_rtl(ui: &Ui, rect: Rect, columns: &[Column], env: &Env) {
    if columns.is_empty() {
        return;
    }
    let t = &env.theme;
    let max = columns
        .iter()
        .map(|c| c.parts.iter().map(|p| p.value.max(0.0)).sum::<f64>())
        .fold(0.0, f64::max);
    let axis_w = size::LABEL * 2.6;
    let label_h = size::LABEL * 1.6;
    let plot = Rect::from_min_max(
        pos2(rect.left(), rect.top() + 8.0),
        pos2(rect.right() - axis_w, rect.bottom() - label_h),
    );
    let scale = nice_ceiling(max);
    let painter = ui.painter();
    for k in 0..=4 {
        let y = plot.bottom() - plot.height() * k as f32 / 4.0;
        painter.line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, t.grid),
        );
        let v = scale * k as f64 / 4.0;
        let r = Rect::from_min_max(
            pos2(plot.right() + 6.0, y - 14.0),
            pos2(rect.right(), y + 14.0),
        );
        text(
            ui,
            r,
            &env.int(v.round() as i64),
            rtl(size::SMALL, t.muted),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
    let slot = plot.width() / columns.len() as f32;
    let w = (slot * 0.6).min(70.0);
    for (i, col) in columns.iter().enumerate() {
        let cx = plot.right() - slot * (i as f32 + 0.5);
        let mut y = plot.bottom();
        for p in &col.parts {
            let h = if scale > 0.0 {
                (p.value.max(0.0) / scale) as f32 * plot.height()
            } else {
                0.0
            };
            if h > 0.0 {
                let r = Rect::from_min_max(pos2(cx - w / 2.0, y - h), pos2(cx + w / 2.0, y));
                painter.rect_filled(r, CornerRadius::ZERO, p.color);
            }
            y -= h;
        }
        let lr = Rect::from_center_size(
            pos2(cx, plot.bottom() + label_h / 2.0 + 2.0),
            vec2(slot, label_h),
        );
        text(
            ui,
            lr,
            &col.label,
            rtl(size::SMALL, t.muted),
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
}

/// A line series.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    pub color: Color32,
    pub dashed: bool,
    /// Fill the area under the line, faintly.
    pub fill: bool,
}

/// Lines over `labels.len()` points, the first point at the RIGHT, with a value axis whose
/// numbers are formatted by `fmt`.
pub fn lines_rtl(
    ui: &Ui,
    rect: Rect,
    labels: &[String],
    series: &[Series],
    fmt: &dyn Fn(f64) -> String,
    env: &Env,
) {
    let n = labels.len();
    if n == 0 {
        return;
    }
    let t = &env.theme;
    let max = series
        .iter()
        .flat_map(|s| s.values.iter().copied())
        .fold(0.0, f64::max);
    // Four gridlines a round step apart: 0.8M a step gives 1, 2, 3, 4 million, not 1.25.
    let scale = nice_ceiling(max / 4.0) * 4.0;
    // Wide enough for the widest of the axis's numbers as written (Persian words are longer
    // than Arabic ones), at most a third of the chart.
    let ticks = (0..=4).map(|k| fmt(scale * k as f64 / 4.0));
    let widest = super::meters::label_width(ui, ticks, size::SMALL, rect.width() / 3.0, env);
    let axis_w = (size::LABEL * 4.2).max(widest + 6.0);
    let label_h = size::LABEL * 1.6;
    let plot = Rect::from_min_max(
        pos2(rect.left(), rect.top() + 8.0),
        pos2(rect.right() - axis_w, rect.bottom() - label_h),
    );
    value_axis(ui, plot, rect.right(), scale, fmt, env);
    // The end points sit half a label in from the plot's edges so their labels stay inside.
    let inset = (plot.width() / (2 * n) as f32).min(size::SMALL * 2.2);
    let x_of = |i: usize| {
        if n == 1 {
            plot.center().x
        } else {
            plot.right() - inset - (plot.width() - 2.0 * inset) * i as f32 / (n - 1) as f32
        }
    };
    let y_of = |v: f64| {
        plot.bottom()
            - if scale > 0.0 {
                (v / scale) as f32 * plot.height()
            } else {
                0.0
            }
    };
    for s in series {
        let pts: Vec<Pos2> = s
            .values
            .iter()
            .enumerate()
            .map(|(i, v)| pos2(x_of(i), y_of(*v)))
            .collect();
        draw_series(ui.painter(), s, &pts, plot.bottom());
    }
    for (i, l) in labels.iter().enumerate() {
        let lr = Rect::from_center_size(
            pos2(x_of(i), plot.bottom() + label_h / 2.0 + 2.0),
            vec2(plot.width() / n as f32, label_h),
        );
        text(
            ui,
            lr,
            l,
            rtl(size::SMALL, t.muted),
            Align2::CENTER_CENTER,
            Some(1),
        );
    }
}

/// Five gridlines across `plot` from 0 to `scale`, each with its value (by `fmt`) between the
/// plot and `right`.
fn value_axis(ui: &Ui, plot: Rect, right: f32, scale: f64, fmt: &dyn Fn(f64) -> String, env: &Env) {
    let t = &env.theme;
    for k in 0..=4 {
        let y = plot.bottom() - plot.height() * k as f32 / 4.0;
        ui.painter().line_segment(
            [pos2(plot.left(), y), pos2(plot.right(), y)],
            Stroke::new(1.0, t.grid),
        );
        let r = Rect::from_min_max(pos2(plot.right() + 6.0, y - 14.0), pos2(right, y + 14.0));
        text(
            ui,
            r,
            &fmt(scale * k as f64 / 4.0),
            rtl(size::SMALL, t.muted),
            Align2::LEFT_CENTER,
            Some(1),
        );
    }
}

/// One series through `pts`: the faint area down to `bottom` if it has one, then the line,
/// dashed or solid with its points marked.
fn draw_series(painter: &egui::Painter, s: &Series, pts: &[Pos2], bottom: f32) {
    if s.fill && pts.len() > 1 {
        let mut mesh = Mesh::default();
        let fill = s.color.gamma_multiply(0.18);
        for (i, p) in pts.iter().enumerate() {
            mesh.vertices.push(Vertex {
                pos: *p,
                uv: Pos2::ZERO,
                color: fill,
            });
            mesh.vertices.push(Vertex {
                pos: pos2(p.x, bottom),
                uv: Pos2::ZERO,
                color: fill,
            });
            if i > 0 {
                let b = (i as u32) * 2;
                mesh.add_triangle(b - 2, b - 1, b);
                mesh.add_triangle(b - 1, b + 1, b);
            }
        }
        painter.add(mesh);
    }
    if s.dashed {
        painter.extend(egui::Shape::dashed_line(
            pts,
            Stroke::new(3.0, s.color),
            12.0,
            8.0,
        ));
    } else {
        painter.add(PathShape::line(pts.to_vec(), PathStroke::new(4.0, s.color)));
        for p in pts {
            painter.circle_filled(*p, 5.0, s.color);
        }
    }
}

/// A round number at or above `v` for an axis's top (1, 2, 2.5, 5 × 10ⁿ).
pub fn nice_ceiling(v: f64) -> f64 {
    if v <= 0.0 || !v.is_finite() {
        return 1.0;
    }
    let exp = 10f64.powf(v.log10().floor());
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * exp >= v {
            return m * exp;
        }
    }
    10.0 * exp
}

/// A small line of `values` (0 to `max`) across `rect`, the first at the RIGHT (so a year reads
/// from January at the right); broken where a value is missing, with a dot on the last value.
/// Fewer than two values, or no positive `max`, draws nothing.
pub fn sparkline_rtl(ui: &Ui, rect: Rect, values: &[Option<f64>], max: f64, color: Color32) {
    let n = values.len();
    if n < 2 || !(max > 0.0 && max.is_finite()) {
        return;
    }
    let x = |i: usize| rect.right() - i as f32 * rect.width() / (n - 1) as f32;
    let y = |v: f64| rect.bottom() - (v.clamp(0.0, max) / max) as f32 * rect.height();
    let stroke = egui::Stroke::new((rect.height() / 10.0).clamp(1.5, 4.0), color);
    let painter = ui.painter();
    let mut run: Vec<egui::Pos2> = Vec::new();
    let mut last = None;
    for (i, v) in values.iter().enumerate() {
        match v.filter(|v| v.is_finite()) {
            Some(v) => {
                let p = pos2(x(i), y(v));
                run.push(p);
                last = Some(p);
            }
            None => {
                if run.len() > 1 {
                    painter.add(egui::Shape::line(std::mem::take(&mut run), stroke));
                }
                run.clear();
            }
        }
    }
    if run.len() > 1 {
        painter.add(egui::Shape::line(run, stroke));
    }
    if let Some(p) = last {
        painter.circle_filled(p, stroke.width * 1.6, color);
    }
}

#[cfg(test)]
mod tests {
    use super::nice_ceiling;

    #[test]
    fn axis_tops_are_round() {
        assert_eq!(nice_ceiling(0.0), 1.0);
        assert_eq!(nice_ceiling(87.0), 100.0);
        assert_eq!(nice_ceiling(130.0), 200.0);
        assert_eq!(nice_ceiling(2_161_594.0), 2_500_000.0);
        assert_eq!(nice_ceiling(f64::NAN), 1.0);
    }
}
