//! Arabic and Persian text on the wall: fonts, bidi layout, a layout cache, a label widget,
//! and number formatting.
//!
//! For: everything that turns a logical string into correctly ordered, joined, aligned and
//! accessible text in egui 0.37, which has no bidi algorithm of its own: it shapes each
//! layout section as one run and places sections left to right (see `bidi` for how we feed
//! it). Not for: dates (in `shared`), colours and sizes (theme).
//!
//! Board code: `text::rtl_label(ui, &center.name, TextStyleSpec::new(48.0, colour))`, or
//! `text::layout_cached(ctx, ..)` + `text::paint_galley` when it owns the rect.

mod bidi;
mod cache;
pub use rasid_shared::digits;
pub mod fonts;
mod label;
mod layout;
mod line_break;

pub use bidi::{TextDirection, mirrored};
pub use cache::{DEFAULT_CAPACITY, TextCache, context_cache_stats, layout_cached};
pub use digits::{Digits, format_decimal, format_integer, format_percent};
pub use label::{RtlLabel, galley_anchor, paint_galley, rtl_label};
pub use layout::{ELLIPSIS, TextStyleSpec, build_rtl_layout_job, layout_rtl_paragraph};
