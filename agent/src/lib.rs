//! rasid-agent: the center side (import, outbox, push, assignments) and the collector (`serve`).
//!
//! - [`import`]: rows out of files (JSON, CSV, spreadsheets), validated, all or nothing.
//! - [`config`]: the agent's TOML configuration and key files; [`check_config`]: checking a
//!   configuration file (`rasid-agent check-config`).
//! - [`push`]: sending the outbox to the collector, and pulling assignments.
//! - [`collector`]: the secretariat's HTTP service that verifies, stores and aggregates.
//! - [`demo_files`]: writes the demo dataset as import files.

pub mod check_config;
pub mod collector;
pub mod config;
pub mod demo_files;
pub mod import;
pub mod push;
pub mod registry;
