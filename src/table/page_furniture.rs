//! Page furniture: running headers and footers (lines repeated at the same place on several
//! pages) and bare page numbers. In: the text lines of a run of pages. Out: a test telling a
//! page's line is furniture, which the table stage keeps out of tables.

use super::config::AssembleConfig;
use crate::layout::TextLine;
use std::collections::{HashMap, HashSet};

/// Text with digits folded, to match running headers whose page number changes.
fn furniture_key(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// Lines repeated at the same place on several pages (running headers and footers), and bare
/// page numbers in the top or bottom margin.
#[derive(Debug, Default)]
pub struct PageFurniture {
    repeated: HashSet<(String, i64)>,
    cfg: AssembleConfig,
}

/// The lines of one page as page furniture is learnt from them: text with digits folded, at a
/// baseline bucket.
#[derive(Debug, Clone, Default)]
pub struct FurnitureKeys(HashSet<(String, i64)>);

impl FurnitureKeys {
    /// The keys of a page's lines.
    pub fn of_page(lines: &[TextLine], cfg: &AssembleConfig) -> Self {
        FurnitureKeys(lines.iter().map(|l| (furniture_key(&l.text()), (l.baseline / cfg.baseline_bucket).round() as i64)).collect())
    }
}

impl PageFurniture {
    /// Learn from all pages' lines (page heights given per page).
    pub fn learn(pages: &[(f64, &[TextLine])], cfg: &AssembleConfig) -> Self {
        let keys: Vec<FurnitureKeys> = pages.iter().map(|(_, lines)| FurnitureKeys::of_page(lines, cfg)).collect();
        Self::from_keys(&keys.iter().collect::<Vec<_>>(), cfg)
    }

    /// Learn from the keys of a run of pages: a line is furniture when it is on at least half
    /// of them (and at least two).
    pub fn from_keys(pages: &[&FurnitureKeys], cfg: &AssembleConfig) -> Self {
        if pages.len() < 2 {
            return PageFurniture { repeated: HashSet::new(), cfg: *cfg };
        }
        let mut seen: HashMap<&(String, i64), usize> = HashMap::new();
        for page in pages {
            for key in &page.0 {
                *seen.entry(key).or_default() += 1;
            }
        }
        let need = 2.max(pages.len() / 2);
        let repeated = seen.into_iter().filter(|(_, n)| *n >= need).map(|(k, _)| k.clone()).collect();
        PageFurniture { repeated, cfg: *cfg }
    }

    /// True when a line of a page (of this height) is page furniture: a line repeated at the
    /// same place on several pages (digits aside), or a bare page number in the top or bottom
    /// margin.
    pub fn is_furniture(&self, line: &TextLine, page_height: f64) -> bool {
        let t = line.text();
        if !self.repeated.is_empty() && self.repeated.contains(&(furniture_key(&t), (line.baseline / self.cfg.baseline_bucket).round() as i64)) {
            return true;
        }
        let t = t.trim();
        let in_margin = line.bbox.y1 < self.cfg.top_margin_share * page_height || line.bbox.y0 > self.cfg.bottom_margin_share * page_height;
        let page_number = {
            let core = t.trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
            let core = core.strip_prefix("Trang").or_else(|| core.strip_prefix("Page")).unwrap_or(core).trim();
            !core.is_empty() && core.len() <= self.cfg.max_page_number_len && core.chars().all(|c| c.is_ascii_digit())
        };
        in_margin && page_number
    }
}
