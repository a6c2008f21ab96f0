//! Page selections like `1-3,7`.

/// A set of 1-based page numbers given as comma-separated numbers and ranges.
#[derive(Debug, Clone, PartialEq)]
pub struct PageSelection(Vec<(usize, usize)>);

impl PageSelection {
    pub fn parse(s: &str) -> Result<PageSelection, String> {
        let mut ranges = Vec::new();
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (a, b) = match part.split_once('-') {
                Some((a, b)) => (a.trim(), b.trim()),
                None => (part, part),
            };
            let a: usize = a.parse().map_err(|_| format!("bad page number {a:?} in {s:?}"))?;
            let b: usize = if b.is_empty() { usize::MAX } else { b.parse().map_err(|_| format!("bad page number {b:?} in {s:?}"))? };
            if a == 0 || b < a {
                return Err(format!("bad page range {part:?} (pages start at 1)"));
            }
            ranges.push((a, b));
        }
        if ranges.is_empty() {
            return Err("empty page selection".into());
        }
        Ok(PageSelection(ranges))
    }

    pub fn contains(&self, page: usize) -> bool {
        self.0.iter().any(|&(a, b)| page >= a && page <= b)
    }
}

#[cfg(test)]
#[path = "page_range_tests.rs"]
mod tests;
