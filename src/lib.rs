//! tablelift: tables from born-digital government budget PDFs as typed, normalised JSON.
//!
//! Pipeline (one module per stage, data flows one way):
//! `pdf` → `layout` → `table` → `number` → `output`, driven by `batch` and `cli`.

pub mod cli;
pub mod error;
pub mod layout;
pub mod pdf;

pub use error::{Error, Result};
