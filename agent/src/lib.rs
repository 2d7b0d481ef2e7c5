//! rasid-agent: the center side (import, outbox, push, assignments). The binary's `serve`
//! command runs the collector (`rasid-collector`); pushing itself is `rasid-upstream`.
//!
//! - [`import`]: rows out of files (JSON, CSV, spreadsheets), validated, all or nothing;
//!   [`annotate`]: a refused file's cells with its problems marked, as .xlsx.
//! - [`config`]: the agent's TOML configuration and key files; [`check_config`]: checking a
//!   configuration file (`rasid-agent check-config`).
//! - [`template`]: spreadsheets prefilled for the clerk to fill (`rasid-agent template`).
//! - [`demo_files`]: writes the demo dataset as import files.
//! - [`language`]: which language the agent speaks to a person (`--lang`, `RASID_LANG`, …);
//!   [`rejection`]: the collector's reasons for a rejected record, in that language.

pub mod annotate;
pub mod check_config;
pub mod config;
pub mod demo_files;
pub mod import;
pub mod language;
pub mod progress;
pub mod rejection;
pub mod template;
