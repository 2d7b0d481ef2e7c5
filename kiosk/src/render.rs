//! Rendering the wall to an image without a window (`--screenshot`, snapshot tests), with the
//! same fonts and drawing code as the real window, through egui_kittest's wgpu renderer.

use crate::app::Wall;
use crate::theme::CANVAS;
use anyhow::{Context, Result, anyhow};
use std::path::Path;

/// Renders `wall` at `width`×`height` pixels (the canvas is scaled to the height, as on a wall).
pub fn render_wall(wall: Wall, width: u32, height: u32) -> Result<image::RgbaImage> {
    let ppp = height as f32 / CANVAS.y;
    let points = egui::vec2(width as f32 / ppp, CANVAS.y);
    let mut harness = egui_kittest::Harness::builder()
        .with_size(points)
        .with_pixels_per_point(ppp)
        .with_context_setup(crate::text::fonts::install)
        .wgpu()
        .build_ui_state(|ui, wall: &mut Wall| wall.ui(ui), wall);
    harness.run_steps(3);
    harness
        .render()
        .map_err(|e| anyhow!("rendering failed: {e}"))
}

/// Renders `wall` and writes it as PNG to `path`.
pub fn screenshot(wall: Wall, width: u32, height: u32, path: &Path) -> Result<()> {
    let img = render_wall(wall, width, height)?;
    img.save(path)
        .with_context(|| format!("writing {}", path.display()))
}

/// Reads `WxH` (e.g. `1920x1080`).
pub fn parse_size(s: &str) -> Result<(u32, u32)> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .ok_or_else(|| anyhow!("--size '{s}' is not WIDTHxHEIGHT, e.g. 1920x1080"))?;
    let w: u32 = w
        .trim()
        .parse()
        .map_err(|_| anyhow!("--size '{s}': '{w}' is not a width in pixels"))?;
    let h: u32 = h
        .trim()
        .parse()
        .map_err(|_| anyhow!("--size '{s}': '{h}' is not a height in pixels"))?;
    if !(320..=8192).contains(&w) || !(240..=8192).contains(&h) {
        return Err(anyhow!("--size '{s}': use 320x240 up to 8192x8192"));
    }
    Ok((w, h))
}
