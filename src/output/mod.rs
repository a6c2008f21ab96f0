//! Output stage. In: finished tables with their numbers. Out: document JSON (schema version
//! "1"), grid JSON for the evaluators, and facts NDJSON for the warehouse.

mod document;
mod facts;
mod grid;
mod render;

pub use document::{DocumentJson, column_path, table_json};
pub use facts::write_facts;
pub use grid::{GridDocument, GridTable, grid_document};
pub use render::{OutputFormat, Rendered, document_json, read_numbers, render_document, render_failure};
