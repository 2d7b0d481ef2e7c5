#![warn(missing_docs)]

//! Rasid's shared core: what agents, collectors and kiosks all need and nothing that touches
//! a window or a socket.
//!
//! [`format`]: mod@format
//!
//! - [`model`]: the records centers report, their keys and validation.
//! - [`wire`]: the versioned JSON protocol; [`sign`]: ed25519 signing of batches.
//! - [`store`]: the sled-backed store (records, history, outbox, seen batches, meta).
//! - [`board`]: pure aggregation from records to board view models.
//! - [`schema`]: JSON Schemas of batches and records (docs/schemas/).
//! - [`format`]: digits and calendars; [`demo`]: the deterministic 2023 demo dataset.
//! - [`i18n`]: the words shown to people in Arabic, Persian and English (Fluent catalogues).
//! - [`config_check`]: problems in a TOML configuration file, each with its line and key.

pub mod board;
pub mod config_check;
pub mod demo;
pub mod digits;
pub mod format;
pub mod i18n;
pub mod model;
pub mod schema;
pub mod sign;
pub mod store;
pub mod wire;
