//! Output stage. In: finished tables with their numbers. Out: document JSON (schema version
//! "1"), grid JSON for the evaluators, facts NDJSON for the warehouse, and an SVG picture of a
//! page with its detected tables (`tablelift inspect`).

mod document;
mod facts;
mod grid;
mod render;
mod svg;

pub use document::{DocumentJson, column_path, table_json};
pub use facts::write_facts;
pub use grid::{GridDocument, GridTable, grid_document};
pub use svg::page_svg;
pub use render::{OutputFormat, Rendered, document_json, read_numbers, render_document, render_failure};
