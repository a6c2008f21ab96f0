//! Opening a PDF (hayro-syntax) and interpreting its pages (hayro-interpret) into
//! [`PageContent`]: cleaned glyphs and merged rulings in top-left page coordinates.

use super::bytes::PdfBytes;
use super::collector::ContentCollector;
use super::geometry::BBox;
use super::glyph::{Glyph, clean_glyphs};
use super::rotation::upright_page;
use super::stream_guard::find;
use super::ruling::{Ruling, merge_rulings};
use super::watermark::mark_level_watermarks;
use crate::error::{Error, Result};
use hayro_interpret::{Context, InterpreterCache, InterpreterSettings, interpret_page};
use hayro_syntax::{DecryptionError, LoadPdfError, Pdf};
use kurbo::{Affine, Rect};

/// Input-controlled sizes the PDF layer refuses to go past.
#[derive(Debug, Clone)]
pub struct PdfLimits {
    /// Largest decoded content stream of one page, in bytes.
    pub max_content_bytes: usize,
    /// Most glyphs kept on one page.
    pub max_glyphs_per_page: usize,
    /// Most ruling segments read on one page.
    pub max_segments_per_page: usize,
    /// Most pages in one document.
    pub max_pages: usize,
    /// Largest decoded size of one Flate stream (bigger ones are refused as bombs).
    pub max_decoded_stream_bytes: usize,
    /// Most objects in one document.
    pub max_objects: usize,
    /// Decoded page content that may stay cached (the PDF library keeps each page's decoded
    /// content for the life of the opened file) before [`Document::trim_cache`] reopens the
    /// file to drop it. Reopening costs one cross-reference parse (about 20 ms for a
    /// 5,000-page, 280 MB file), so it happens only past this much.
    pub page_cache_bytes: usize,
}

impl Default for PdfLimits {
    fn default() -> Self {
        PdfLimits {
            max_content_bytes: 64 << 20,
            max_glyphs_per_page: 400_000,
            max_segments_per_page: 400_000,
            max_pages: 20_000,
            max_decoded_stream_bytes: 256 << 20,
            max_objects: 5_000_000,
            page_cache_bytes: 16 << 20,
        }
    }
}

/// What one page holds, ready for layout.
#[derive(Debug, Clone)]
pub struct PageContent {
    /// 1-based page number.
    pub number: usize,
    /// Width of the upright page in points.
    pub width: f64,
    /// Height of the upright page in points.
    pub height: f64,
    /// Its glyphs with a Unicode mapping, cleaned (NFC, marks attached, duplicates dropped).
    pub glyphs: Vec<Glyph>,
    /// Its horizontal and vertical rulings, merged.
    pub rulings: Vec<Ruling>,
    /// Glyphs drawn without any Unicode mapping (not in `glyphs`).
    pub unmapped_glyphs: usize,
    /// Images drawn on the page.
    pub images: usize,
}

/// An opened PDF document.
pub struct Document {
    pdf: Pdf,
    limits: PdfLimits,
    /// The bytes `pdf` reads (shared with it), to release mapped pages between windows.
    bytes: std::sync::Arc<PdfBytes>,
    /// Decoded page content `pdf` holds since it was opened.
    cached_bytes: std::sync::atomic::AtomicUsize,
}

/// True when `bytes` look like a PDF: `%PDF-` within the first kilobyte.
fn has_pdf_header(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    find(head, b"%PDF-", 0).is_some()
}

fn describe_non_pdf(bytes: &[u8]) -> String {
    if bytes.is_empty() {
        return "empty file".into();
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
    if head.contains("<html") || head.contains("<!doctype html") {
        "file is an HTML page, not a PDF".into()
    } else if bytes.starts_with(b"PK\x03\x04") {
        "file is a ZIP archive, not a PDF".into()
    } else {
        "no %PDF- header in the first 1024 bytes".into()
    }
}

fn has_eof_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    find(tail, b"%%EOF", 0).is_some()
}

/// Decode a PDF text string (UTF-16BE with BOM, UTF-8 with BOM, or PDFDocEncoding ~ Latin-1).
pub fn decode_text_string(b: &[u8]) -> String {
    if b.starts_with(&[0xFE, 0xFF]) {
        let units: Vec<u16> = b[2..].chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if b.starts_with(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(&b[3..]).into_owned()
    } else {
        b.iter().map(|&c| c as char).collect()
    }
}

impl Document {
    /// Open a document from its bytes, with an empty user password.
    pub fn open(bytes: impl Into<PdfBytes>, limits: PdfLimits) -> Result<Document> {
        let bytes = std::sync::Arc::new(bytes.into());
        let raw: &[u8] = (*bytes).as_ref();
        if !has_pdf_header(raw) {
            return Err(Error::NotAPdf(describe_non_pdf(raw)));
        }
        let eof = has_eof_marker(raw);
        super::stream_guard::check_raw_streams(raw, limits.max_decoded_stream_bytes, &|| bytes.release_resident())?;
        let pdf = bytes.released_while(|| Pdf::new(bytes.clone())).map_err(|e| match e {
            LoadPdfError::Decryption(DecryptionError::PasswordProtected) => {
                Error::Encrypted("password required".into())
            }
            LoadPdfError::Decryption(DecryptionError::UnsupportedAlgorithm) => {
                Error::Encrypted("unsupported encryption algorithm".into())
            }
            LoadPdfError::Decryption(other) => Error::Encrypted(format!("invalid encryption dictionary ({other:?})")),
            LoadPdfError::Invalid if !eof => Error::Truncated("file ends before %%EOF and no pages could be recovered".into()),
            LoadPdfError::Invalid => Error::DamagedXref("no readable cross-reference table or objects".into()),
        })?;
        super::stream_guard::check_streams(&pdf, limits.max_decoded_stream_bytes, limits.max_objects, &|| bytes.release_resident())?;
        bytes.release_resident();
        let doc = Document { pdf, limits, bytes, cached_bytes: std::sync::atomic::AtomicUsize::new(0) };
        if doc.page_count() == 0 {
            return Err(if eof {
                Error::DamagedXref("document has no readable pages".into())
            } else {
                Error::Truncated("file ends before %%EOF and no pages could be recovered".into())
            });
        }
        if doc.page_count() > doc.limits.max_pages {
            return Err(Error::LimitExceeded(format!(
                "{} pages (limit {})",
                doc.page_count(),
                doc.limits.max_pages
            )));
        }
        Ok(doc)
    }

    /// Drop the decoded page content the PDF library keeps once it exceeds
    /// [`PdfLimits::page_cache_bytes`], by opening the same bytes again, so that memory does
    /// not grow with the pages read. Call between pages (no [`PageReader`] may be alive).
    pub fn trim_cache(&mut self) -> Result<()> {
        if self.cached_bytes.load(std::sync::atomic::Ordering::Relaxed) <= self.limits.page_cache_bytes {
            return Ok(());
        }
        self.pdf = self.bytes.released_while(|| Pdf::new(self.bytes.clone())).map_err(|e| Error::Internal(format!("reopening the document failed: {e:?}")))?;
        self.cached_bytes.store(0, std::sync::atomic::Ordering::Relaxed);
        Ok(())
    }

    /// Hand the pages of a mapped file back to the page cache (see [`PdfBytes`]).
    pub fn release_resident(&self) {
        self.bytes.release_resident();
    }

    /// Pages in the document.
    pub fn page_count(&self) -> usize {
        self.pdf.pages().len()
    }

    /// The Producer entry of the document information dictionary.
    pub fn producer(&self) -> Option<String> {
        self.pdf.metadata().producer.as_deref().map(decode_text_string)
    }

    /// Interpret page `number` (1-based). To read many pages, [`Document::reader`] shares
    /// fonts and decoded objects between them.
    pub fn page(&self, number: usize) -> Result<PageContent> {
        self.reader().page(number)
    }

    /// A reader of this document's pages that loads each font and shared object once.
    pub fn reader(&self) -> PageReader<'_> {
        PageReader { doc: self, cache: InterpreterCache::new() }
    }
}

/// Reads pages of one document with a shared interpreter cache (fonts are parsed once, not
/// once per page). Not shared between threads: use one reader per thread.
pub struct PageReader<'d> {
    doc: &'d Document,
    cache: InterpreterCache<'d>,
}

impl PageReader<'_> {
    /// Interpret page `number` (1-based).
    pub fn page(&self, number: usize) -> Result<PageContent> {
        let cache = &self.cache;
        let this = self.doc;
        this.interpret(number, cache)
    }
}

impl Document {
    fn interpret<'d>(&'d self, number: usize, cache: &InterpreterCache<'d>) -> Result<PageContent> {
        let pages = self.pdf.pages();
        let page = pages
            .get(number.wrapping_sub(1))
            .ok_or_else(|| Error::Internal(format!("page {number} out of range")))?;
        let content_len = page.page_stream().map_or(0, |s| s.len());
        self.cached_bytes.fetch_add(content_len, std::sync::atomic::Ordering::Relaxed);
        if content_len > self.limits.max_content_bytes {
            return Err(Error::LimitExceeded(format!(
                "page {number}: content stream of {content_len} bytes (limit {})",
                self.limits.max_content_bytes
            )));
        }
        let (w, h) = page.render_dimensions();
        let user_unit = page.raw().get::<f32>(b"UserUnit".as_slice()).filter(|u| u.is_finite() && *u > 0.0).unwrap_or(1.0) as f64;
        let base = Affine::new(page.initial_transform(true).as_coeffs());
        let transform = Affine::scale(user_unit) * base;
        let (w, h) = (w as f64 * user_unit, h as f64 * user_unit);
        let page_box = BBox::new(0.0, 0.0, w, h);
        let mut ctx = Context::new(transform, Rect::new(0.0, 0.0, w, h), cache, self.pdf.xref(), InterpreterSettings::default());
        let mut collector = ContentCollector::new(page_box, self.limits.max_glyphs_per_page, self.limits.max_segments_per_page);
        interpret_page(page, &mut ctx, &mut collector);
        if collector.over_limit {
            return Err(Error::LimitExceeded(format!(
                "page {number}: more than {} glyphs or {} path segments",
                self.limits.max_glyphs_per_page, self.limits.max_segments_per_page
            )));
        }
        let (glyphs, rulings, w, h) = upright_page(collector.glyphs, &collector.directions, collector.rulings, w, h);
        let mut glyphs = clean_glyphs(glyphs, 1.0);
        mark_level_watermarks(&mut glyphs);
        let rulings = merge_rulings(rulings, 1.0);
        Ok(PageContent {
            number,
            width: w,
            height: h,
            glyphs,
            rulings,
            unmapped_glyphs: collector.unmapped,
            images: collector.images,
        })
    }
}
