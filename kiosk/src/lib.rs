//! rasid-kiosk: the wall display of the cabinet's meeting rooms.
//!
//! - [`text`]: right-to-left text (fonts, bidi layout, digits).
//! - [`theme`]: colours, sizes and spacing for a wall read from several metres.
//! - [`widgets`]: panels, numbers and charts laid out from the right.
//! - [`boards`]: one painter per board view model.
//! - [`feed`]: where boards come from; [`demo`]: the demo's data and its simulated changes.
//! - [`app`]: the wall itself (header, board, footer, rotation, operator keys);
//!   [`render`]: drawing a wall to PNG without a window.

pub mod app;
pub mod boards;
pub mod demo;
pub mod feed;
pub mod render;
pub mod text;
pub mod theme;
pub mod widgets;
