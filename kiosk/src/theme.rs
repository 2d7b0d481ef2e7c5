//! Design tokens for the wall: colours, type sizes, spacing, corner radii and dialog sizes,
//! named once and used everywhere.
//!
//! Boards are authored on a 1920×1080-point canvas; a 4K screen shows the same layout at two
//! pixels per point (see `app::wall_zoom`), so sizes here are points at 1080p, chosen to be read
//! from several metres away. Not for: layout decisions of a particular board.

use egui::Color32;
use serde::{Deserialize, Serialize};

/// The canvas every board is laid out on, in points.
pub const CANVAS: egui::Vec2 = egui::vec2(1920.0, 1080.0);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ThemeName {
    #[default]
    Dark,
    Light,
}

/// Colours of the wall.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: ThemeName,
    pub background: Color32,
    pub panel: Color32,
    pub panel_stroke: Color32,
    pub rule: Color32,
    pub title: Color32,
    pub text: Color32,
    pub muted: Color32,
    pub grid: Color32,
    pub accent: Color32,
    pub executed: Color32,
    pub in_progress: Color32,
    pub not_started: Color32,
    pub blocked: Color32,
    pub unreported: Color32,
    pub stale: Color32,
    pub error: Color32,
    pub plan: Color32,
    /// Colours of categories that have no status meaning (budget categories, committees),
    /// in order; distinct from each other and from the status colours' reds.
    pub series: [Color32; 4],
    /// Alternate row background of lists drawn on a panel.
    pub row_alt: Color32,
}

impl Theme {
    pub fn new(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme {
                name,
                background: Color32::from_rgb(0x0A, 0x17, 0x2B),
                panel: Color32::from_rgb(0x10, 0x24, 0x42),
                panel_stroke: Color32::from_rgb(0x1F, 0x3B, 0x63),
                rule: Color32::from_rgb(0xD4, 0xA8, 0x3A),
                title: Color32::from_rgb(0xF4, 0xCE, 0x5C),
                text: Color32::from_rgb(0xEE, 0xF3, 0xF9),
                muted: Color32::from_rgb(0xA7, 0xB9, 0xCF),
                grid: Color32::from_rgb(0x24, 0x3E, 0x63),
                accent: Color32::from_rgb(0x4C, 0x8D, 0xF6),
                executed: Color32::from_rgb(0x2F, 0xC9, 0x6B),
                in_progress: Color32::from_rgb(0xF5, 0xA5, 0x24),
                not_started: Color32::from_rgb(0xEF, 0x53, 0x50),
                blocked: Color32::from_rgb(0xB3, 0x7D, 0xF5),
                unreported: Color32::from_rgb(0x6B, 0x7C, 0x93),
                stale: Color32::from_rgb(0xF5, 0xA5, 0x24),
                error: Color32::from_rgb(0xFF, 0x6B, 0x6B),
                plan: Color32::from_rgb(0xA7, 0xB9, 0xCF),
                series: [
                    Color32::from_rgb(0x4C, 0x8D, 0xF6),
                    Color32::from_rgb(0x26, 0xC6, 0xDA),
                    Color32::from_rgb(0xB3, 0x7D, 0xF5),
                    Color32::from_rgb(0xF4, 0xCE, 0x5C),
                ],
                row_alt: Color32::from_rgb(0x16, 0x2D, 0x50),
            },
            ThemeName::Light => Theme {
                name,
                background: Color32::from_rgb(0xF2, 0xF5, 0xF9),
                panel: Color32::WHITE,
                panel_stroke: Color32::from_rgb(0xD5, 0xDE, 0xEA),
                rule: Color32::from_rgb(0xB8, 0x8A, 0x1E),
                title: Color32::from_rgb(0x0B, 0x2A, 0x55),
                text: Color32::from_rgb(0x0F, 0x1C, 0x2E),
                muted: Color32::from_rgb(0x4A, 0x5B, 0x72),
                grid: Color32::from_rgb(0xE2, 0xE8, 0xF0),
                accent: Color32::from_rgb(0x1D, 0x5F, 0xD1),
                executed: Color32::from_rgb(0x16, 0x9C, 0x4E),
                in_progress: Color32::from_rgb(0xD9, 0x80, 0x06),
                not_started: Color32::from_rgb(0xD3, 0x2F, 0x2F),
                blocked: Color32::from_rgb(0x7E, 0x3F, 0xD1),
                unreported: Color32::from_rgb(0x8A, 0x97, 0xA8),
                stale: Color32::from_rgb(0xC2, 0x6A, 0x00),
                error: Color32::from_rgb(0xC6, 0x28, 0x28),
                plan: Color32::from_rgb(0x4A, 0x5B, 0x72),
                series: [
                    Color32::from_rgb(0x1D, 0x5F, 0xD1),
                    Color32::from_rgb(0x00, 0x8B, 0x9E),
                    Color32::from_rgb(0x7E, 0x3F, 0xD1),
                    Color32::from_rgb(0xB8, 0x8A, 0x1E),
                ],
                row_alt: Color32::from_rgb(0xF2, 0xF5, 0xF9),
            },
        }
    }
}

/// Type sizes in points at 1080p.
pub mod size {
    pub const HEADER_TITLE: f32 = 46.0;
    pub const HEADER_SUB: f32 = 24.0;
    pub const CLOCK: f32 = 40.0;
    pub const TILE_TITLE: f32 = 28.0;
    pub const BIG_NUMBER: f32 = 76.0;
    pub const MEDIUM_NUMBER: f32 = 44.0;
    pub const BODY: f32 = 26.0;
    pub const LABEL: f32 = 23.0;
    pub const SMALL: f32 = 20.0;
    pub const FOOTER: f32 = 22.0;
    /// Text of a list row (overdue decisions, weakest indicators): never below 24 at 1080p.
    pub const ROW: f32 = 24.0;
    /// A number that is the point of its row (days overdue, an achievement %).
    pub const ROW_NUMBER: f32 = 34.0;
}

/// Spacing in points.
pub mod space {
    pub const MARGIN: f32 = 24.0;
    pub const GAP: f32 = 20.0;
    pub const PAD: f32 = 20.0;
    pub const HEADER_HEIGHT: f32 = 112.0;
    pub const FOOTER_HEIGHT: f32 = 52.0;
    pub const ACCENT_BAR: f32 = 7.0;
    /// Height of one list row holding one line of [`super::size::ROW`] text.
    pub const ROW_HEIGHT: f32 = 52.0;
}

/// Corner radii in points.
pub mod radius {
    /// Panels and cards, and the frame of a board that cannot be shown.
    pub const PANEL: u8 = 12;
    /// Dialogs over the wall (key help, center filter).
    pub const DIALOG: u8 = 16;
    /// The stripe behind every other row of a compact list (centers, committees, projects).
    pub const ROW_STRIPE: u8 = 6;
    /// The stripe behind every other row of a list of tall rows (overdue, weakest indicators).
    pub const ROW_STRIPE_TALL: u8 = 8;
    /// The frame around "no data".
    pub const NO_DATA_FRAME: u8 = 8;
    /// Bars, meter tracks and the small swatches of a legend row.
    pub const BAR: u8 = 4;
    /// The swatches of a legend list.
    pub const SWATCH: u8 = 5;
}

/// Dialogs drawn over the wall, in points at 1080p.
pub mod dialog {
    use egui::{Vec2, vec2};

    /// Width of a dialog's border.
    pub const STROKE: f32 = 2.0;
    /// The key help, centred on the wall.
    pub const HELP: Vec2 = vec2(1000.0, 700.0);
    /// Space between the key help's border and its text.
    pub const HELP_PAD: f32 = 36.0;
    /// The center filter: its width, centred, and its distance from the top of the wall.
    pub const FILTER_WIDTH: f32 = 900.0;
    pub const FILTER_TOP: f32 = 140.0;
    /// The center filter's height without matches; each match listed adds a
    /// [`FILTER_MATCH_PITCH`].
    pub const FILTER_HEIGHT: f32 = 130.0;
    /// Space between the center filter's border and its text.
    pub const FILTER_PAD: f32 = 28.0;
    /// The line of what the operator typed.
    pub const FILTER_QUERY_HEIGHT: f32 = 44.0;
    /// From one match to the next, and the height of one.
    pub const FILTER_MATCH_PITCH: f32 = 56.0;
    pub const FILTER_MATCH_HEIGHT: f32 = 48.0;
}
