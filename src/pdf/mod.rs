//! PDF layer. In: PDF bytes. Out: per page, [`PageContent`] with NFC-normalised positioned
//! glyphs and merged horizontal/vertical rulings, in points with the origin at the top-left of
//! the upright page (a page whose text mostly runs sideways is turned so that it reads left to
//! right, and its coordinates are those of the turned page).
//!
//! Parsing and interpretation are done by hayro (pinned, kept behind this module); this module
//! adds error classification, limits, glyph clean-up, watermarks (`watermark`: text set at a
//! slant or far larger than the text it lies across) and ruling extraction.

mod bytes;
mod collector;
mod document;
mod geometry;
mod glyph;
mod rotation;
mod ruling;
mod stream_guard;
mod watermark;

pub use bytes::PdfBytes;
pub use document::{Document, PageContent, PageReader, PdfLimits, decode_text_string};
pub use geometry::{BBox, median};
pub use glyph::{Glyph, clean_glyphs};
pub use ruling::{Orientation, Ruling, merge_rulings};
pub use watermark::mark_level_watermarks;
