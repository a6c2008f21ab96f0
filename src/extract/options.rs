//! Everything that tunes one extraction, as typed values validated where they enter (the CLI
//! or a library caller), so that no stage re-parses a string.

use crate::layout::LayoutConfig;
use crate::number::{NumberConfig, NumberFormat, QualityConfig};
use crate::pdf::PdfLimits;
use crate::table::TableConfig;
use std::str::FromStr;
use std::time::Instant;

/// Everything that tunes one extraction.
#[derive(Debug, Clone)]
pub struct Options {
    /// Input-controlled sizes the PDF stage refuses to go past.
    pub limits: PdfLimits,
    /// Layout-stage tunables (words and lines).
    pub layout: LayoutConfig,
    /// Table-stage tunables.
    pub table: TableConfig,
    /// Number-stage thresholds (language, format evidence, column kinds, check tolerance).
    pub number: NumberConfig,
    /// Thresholds of the quality verdict's structural warnings.
    pub quality: QualityConfig,
    /// The number format: guessed per document (and per column where mixed), or fixed.
    pub locale: Locale,
    /// Give up (with a `timeout` error) when this moment passes; checked between pages, between
    /// stages and between tables of the number stage.
    pub deadline: Option<Instant>,
    /// Read the pages one after another on the calling thread. A batch that already runs one
    /// document per worker sets this: splitting pages too would load each font once per split.
    pub sequential_pages: bool,
    /// Pages read, laid out and cut into tables together before they are dropped: the bound
    /// on the pages in memory at once. Page furniture is learnt over two windows, and the
    /// number format from the first window, so a document of at most this many pages is read
    /// exactly as if whole. 32 covers every corpus document (the longest has 23 pages) and
    /// keeps a window of dense pages to a few tens of megabytes.
    pub window_pages: usize,
    /// Give up (with a `limit_exceeded` error) when the document holds more heap than this;
    /// checked where the deadline is. Needs [`crate::memory::CountingAllocator`].
    pub memory_ceiling: Option<crate::memory::MemoryCeiling>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            limits: PdfLimits::default(),
            layout: LayoutConfig::default(),
            table: TableConfig::default(),
            number: NumberConfig::default(),
            quality: QualityConfig::default(),
            locale: Locale::Auto,
            deadline: None,
            sequential_pages: false,
            window_pages: 32,
            memory_ceiling: None,
        }
    }
}

/// How numbers are read: the format guessed from the document, or one fixed by a locale code.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum Locale {
    /// Guess the format per document (and per column where a column disagrees clearly).
    #[default]
    Auto,
    /// Read every number in the format of this locale.
    Fixed {
        /// The locale code as given (`vi`, `zh-CN`, `de_CH`, …), lower-cased.
        code: String,
        /// The number format that code stands for.
        format: NumberFormat,
    },
}

impl Locale {
    /// The fixed number format, if any.
    pub fn fixed_format(&self) -> Option<NumberFormat> {
        match self {
            Locale::Auto => None,
            Locale::Fixed { format, .. } => Some(*format),
        }
    }
}

/// A locale code that names no number format tablelift knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {0:?} (try auto, vi, zh, en, de, fr)")]
pub struct UnknownLocale(pub String);

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// `auto`, or a locale code (`vi`, `zh`, `en`, `de`, `fr`, `de-CH`, …).
    fn from_str(s: &str) -> Result<Locale, UnknownLocale> {
        let code = s.trim().to_ascii_lowercase();
        if code == "auto" {
            return Ok(Locale::Auto);
        }
        match NumberFormat::for_locale_code(&code) {
            Some(format) => Ok(Locale::Fixed { code, format }),
            None => Err(UnknownLocale(s.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_codes_parse_or_fail_clearly() {
        assert_eq!("auto".parse::<Locale>(), Ok(Locale::Auto));
        assert_eq!("vi".parse::<Locale>().map(|l| l.fixed_format()), Ok(Some(NumberFormat::VI)));
        assert_eq!("de_CH".parse::<Locale>().map(|l| l.fixed_format()), Ok(Some(NumberFormat::CH)));
        assert_eq!("EN".parse::<Locale>().map(|l| l.fixed_format()), Ok(Some(NumberFormat::EN)));
        // A misspelt code is an error, never a silent `auto`.
        assert_eq!("vn".parse::<Locale>(), Err(UnknownLocale("vn".into())));
        assert!("xx".parse::<Locale>().unwrap_err().to_string().contains("unknown locale"));
    }
}
