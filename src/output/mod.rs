//! Output stage. In: finished tables with their values and checks. Out: document JSON (schema
//! version "1"), grid JSON for the evaluators, and facts NDJSON for the warehouse.

mod grid;
mod render;

pub use grid::{GridDocument, GridTable, grid_document};
pub use render::{OutputFormat, Rendered, render_document};
