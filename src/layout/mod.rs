//! Layout stage. In: a page's glyphs ([`crate::pdf::PageContent`]). Out: words grouped into
//! text lines in reading order, CJK-aware text joining, and a plain-text rendering of the
//! page that keeps columns aligned (like `pdftotext -layout`).

mod line;
mod text_join;
mod text_render;

pub use line::{LayoutConfig, TextLine, Word, build_lines, build_lines_from};
pub use text_join::{is_cjk, is_title_shaped, join_pieces, push_joined};
pub use text_render::render_page_text;
