//! Layout stage. In: a page's glyphs ([`crate::pdf::PageContent`]). Out: words grouped into
//! text lines in reading order, CJK-aware text joining, and a plain-text rendering of the
//! page that keeps columns aligned (like `pdftotext -layout`).

mod leaders;
mod line;
mod text_join;
mod text_render;

pub use leaders::LeaderConfig;
pub use line::{LayoutConfig, TextLine, Word, build_lines, build_lines_from};
pub use text_join::{is_cjk, is_title_shaped, join_pieces, push_joined};
pub use text_render::render_page_text;

/// The text lines of each page, built once per page: in parallel, or on the calling thread
/// when `sequential`.
pub fn lines_of_pages(pages: &[crate::pdf::PageContent], cfg: &LayoutConfig, sequential: bool) -> Vec<Vec<TextLine>> {
    use rayon::prelude::*;
    if sequential { pages.iter().map(|p| build_lines(&p.glyphs, cfg)).collect() } else { pages.par_iter().map(|p| build_lines(&p.glyphs, cfg)).collect() }
}
