//! rasid-kiosk: the wall display of the cabinet's meeting rooms.
//!
//! - [`text`]: right-to-left text (fonts, bidi layout, digits).
//! - [`theme`]: colours, sizes and spacing for a wall read from several metres.
//! - [`widgets`]: panels, numbers and charts laid out from the right.
//! - [`boards`]: one painter per board view model.
//! - [`feed`]: where boards come from: in-process data, or a collector ([`collector_source`])
//!   with a sled cache; [`demo`] and [`live_demo`]: the demo's data, its embedded collector and
//!   live changes.
//! - [`identity`]: the wall's name and key; `rasid-kiosk init`; every read it sends a collector
//!   is signed with it.
//! - [`playlist`]: the rotation (pure); [`app`]: the wall itself (header, board, footer,
//!   operator keys); [`render`]: drawing a wall to PNG without a window.
//! - [`window`]: the wall's window covering its monitor, systemd's watchdog;
//!   [`screen_awake`]: no screen saver or DPMS under X while the wall runs; [`memory`]: freed
//!   memory goes back to the system.

pub mod app;
pub mod boards;
pub mod collector_source;
pub mod config;
pub mod demo;
pub mod feed;
pub mod identity;
#[cfg(feature = "demo")]
pub mod live_demo;
pub mod memory;
pub mod playlist;
pub mod render;
pub mod screen_awake;
pub mod story;
pub mod text;
pub mod theme;
pub mod trouble;
pub mod widgets;
pub mod window;
