//! tablelift: tables from born-digital government budget PDFs as typed, normalised JSON.
//!
//! Pipeline (one module per stage, data flows one way):
//! `pdf` → `layout` → `table` → `number` → `output`, driven by `batch` and `cli`.

pub mod batch;
pub mod cli;
pub mod error;
pub mod extract;
pub mod layout;
pub mod number;
pub mod output;
pub mod pdf;
pub mod table;

pub use error::{Error, Result};
pub use extract::{Extraction, Options, extract_structure};
