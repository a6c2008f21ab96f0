//! Scoring one layout: run the extractor, match predicted tables to truth tables, and compute
//! per truth table the exact-table flag, ICDAR-2013 adjacency relations (spans honoured, as
//! ../shared/tools/icdar_eval.py does) and numbers right (strict, as budget_eval.py does).

use super::{Layout, TruthTable};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;
use std::str::FromStr;
use unicode_normalization::UnicodeNormalization;

/// A predicted table as grid JSON has it.
#[derive(Debug, Clone, Serialize)]
pub struct PredTable {
    /// All rows, header rows first.
    pub rows: Vec<Vec<String>>,
    /// Merged cells.
    pub spans: Vec<[usize; 4]>,
    /// Values per cell (None in header rows and for text).
    pub values: Vec<Vec<Option<String>>>,
    /// The extractor's quality verdict for the table.
    pub verified: bool,
}

/// The scores of one truth table.
#[derive(Debug, Clone, Serialize)]
pub struct TableScore {
    /// Dimension values.
    pub dims: Vec<(&'static str, String)>,
    /// Exactly one predicted table, with the same cell texts everywhere.
    pub exact: bool,
    /// Relations found, expected, predicted.
    pub adj_tp: usize,
    /// Truth relations.
    pub adj_true: usize,
    /// Predicted relations of the tables matched to this one.
    pub adj_pred: usize,
    /// Adjacency F1 of this table.
    pub adj_f1: f64,
    /// Truth values.
    pub num_true: usize,
    /// Predicted values (rows of the matched tables that are not truth header rows).
    pub num_pred: usize,
    /// Values equal at the same place in the best-matching row.
    pub num_matched: usize,
    /// Indices of the predicted tables matched to this one.
    pub matched: Vec<usize>,
}

/// The scores of a layout and what the extractor predicted.
#[derive(Debug, Clone, Serialize)]
pub struct LayoutScore {
    /// Its seed.
    pub seed: u64,
    /// Per truth table.
    pub tables: Vec<TableScore>,
    /// The prediction.
    pub pred: Vec<PredTable>,
    /// The extractor's error, if it failed.
    pub error: Option<String>,
}

/// NFKC, whitespace removed, lower-cased (the evaluators' `norm`).
pub fn norm(s: &str) -> String {
    s.nfkc()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

type Relations = HashMap<(String, String, bool), usize>;

/// ICDAR-2013 adjacency relations of a grid with spans: each non-blank cell to its nearest
/// non-blank neighbour right (`true`) and below (`false`), from every row / column it covers,
/// each pair of cells once.
pub fn relations(rows: &[Vec<String>], spans: &[[usize; 4]]) -> Relations {
    let n_rows = rows.len();
    let n_cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    let mut cells: Vec<([usize; 4], String)> = Vec::new();
    let mut owner = vec![vec![usize::MAX; n_cols]; n_rows];
    for s in spans {
        let [r0, c0, r1, c1] = *s;
        if r1 >= n_rows
            || c1 >= n_cols
            || (r0..=r1).any(|r| (c0..=c1).any(|c| owner[r][c] != usize::MAX))
        {
            continue;
        }
        let text = norm(rows[r0].get(c0).map_or("", |s| s.as_str()));
        for row in owner.iter_mut().take(r1 + 1).skip(r0) {
            for o in row.iter_mut().take(c1 + 1).skip(c0) {
                *o = cells.len();
            }
        }
        cells.push((*s, text));
    }
    for r in 0..n_rows {
        for c in 0..n_cols {
            if owner[r][c] == usize::MAX {
                owner[r][c] = cells.len();
                cells.push((
                    [r, c, r, c],
                    norm(rows[r].get(c).map_or("", |s| s.as_str())),
                ));
            }
        }
    }
    let occupied = |r: usize, c: usize| -> Option<usize> {
        let i = owner[r][c];
        (!cells[i].1.is_empty()).then_some(i)
    };
    let mut pairs: std::collections::HashSet<(usize, usize, bool)> = Default::default();
    for (i, ([r0, c0, r1, c1], text)) in cells.iter().enumerate() {
        if text.is_empty() {
            continue;
        }
        for r in *r0..=*r1 {
            if let Some(j) = (c1 + 1..n_cols).find_map(|c| occupied(r, c)) {
                pairs.insert((i, j, true));
            }
        }
        for c in *c0..=*c1 {
            if let Some(j) = (r1 + 1..n_rows).find_map(|r| occupied(r, c)) {
                pairs.insert((i, j, false));
            }
        }
    }
    let mut rel = Relations::new();
    for (i, j, d) in pairs {
        *rel.entry((cells[i].1.clone(), cells[j].1.clone(), d))
            .or_default() += 1;
    }
    rel
}

fn intersect(a: &Relations, b: &Relations) -> usize {
    a.iter()
        .map(|(k, n)| (*n).min(b.get(k).copied().unwrap_or(0)))
        .sum()
}

fn total(a: &Relations) -> usize {
    a.values().sum()
}

fn truth_grid(t: &TruthTable) -> Vec<Vec<String>> {
    t.header_rows.iter().chain(&t.rows).cloned().collect()
}

fn text_bag(rows: &[Vec<String>]) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for c in rows.iter().flatten() {
        let n = norm(c);
        if !n.is_empty() {
            *bag.entry(n).or_default() += 1;
        }
    }
    bag
}

fn dec(s: &str) -> Option<Decimal> {
    Decimal::from_str(s.trim()).ok()
}

fn lcs(a: &[Decimal], b: &[Decimal]) -> usize {
    let mut prev = vec![0usize; b.len() + 1];
    for x in a {
        let mut cur = vec![0usize];
        for (j, y) in b.iter().enumerate() {
            cur.push(if x == y {
                prev[j] + 1
            } else {
                prev[j + 1].max(cur[j])
            });
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Numbers right, as budget_eval.py: each truth row with values takes its best predicted row
/// (same first text with a common value first, then most common values, in order), values
/// equal at the same index count. Returns (truth values, predicted values, matched).
fn numbers(t: &TruthTable, preds: &[&PredTable]) -> (usize, usize, usize) {
    let row_key = |r: &[String]| {
        r.iter()
            .map(|c| norm(c))
            .filter(|c| !c.is_empty())
            .collect::<Vec<_>>()
    };
    let header_keys: Vec<Vec<String>> = t
        .header_rows
        .iter()
        .map(|r| row_key(r))
        .filter(|k| !k.is_empty())
        .collect();
    let mut prow: Vec<(String, Vec<Decimal>)> = Vec::new();
    for p in preds {
        for (i, r) in p.rows.iter().enumerate() {
            let key = row_key(r);
            if header_keys.contains(&key) {
                continue;
            }
            let vals: Vec<Decimal> = p
                .values
                .get(i)
                .map(|v| v.iter().flatten().filter_map(|s| dec(s)).collect())
                .unwrap_or_default();
            prow.push((key.first().cloned().unwrap_or_default(), vals));
        }
    }
    let n_pred = prow.iter().map(|(_, v)| v.len()).sum();
    let mut used = vec![false; prow.len()];
    let (mut n_true, mut matched) = (0, 0);
    for (r, vr) in t.rows.iter().zip(&t.values) {
        let tv: Vec<Decimal> = vr.iter().flatten().filter_map(|s| dec(s)).collect();
        if tv.is_empty() {
            continue;
        }
        n_true += tv.len();
        let label = row_key(r).first().cloned().unwrap_or_default();
        let mut best: Option<(usize, (bool, usize, usize, bool, i64))> = None;
        for (j, (pl, pv)) in prow.iter().enumerate() {
            if used[j] || pv.is_empty() {
                continue;
            }
            let al = lcs(&tv, pv);
            let st = tv.iter().zip(pv).filter(|(a, b)| a == b).count();
            let same = *pl == label;
            let key = (same && al > 0, al, st, same, -(j as i64));
            if best.as_ref().is_none_or(|(_, k)| key > *k) {
                best = Some((j, key));
            }
        }
        if let Some((j, key)) = best
            && key.1 > 0 {
                used[j] = true;
                matched += key.2;
            }
    }
    (n_true, n_pred, matched)
}

/// Predicted tables of an extracted document, as grid JSON.
pub fn pred_tables(doc: &tablelift::ExtractedDocument) -> Vec<PredTable> {
    tablelift::output::grid_document(doc)
        .tables
        .into_iter()
        .zip(&doc.tables)
        .map(|(t, x)| PredTable {
            rows: t.rows,
            spans: t.spans,
            values: t.values.unwrap_or_default(),
            verified: x.quality.verified,
        })
        .collect()
}

/// The predicted tables marked verified that hold a value the truth does not have at that
/// place (a misplaced, merged or misread number): (truth table index, predicted table index).
pub fn verified_but_wrong(layout: &Layout, score: &LayoutScore) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (i, (t, s)) in layout.tables.iter().zip(&score.tables).enumerate() {
        for &j in &s.matched {
            let p = &score.pred[j];
            if !p.verified {
                continue;
            }
            let (_, n_pred, n_matched) = numbers(t, &[p]);
            if n_matched < n_pred {
                out.push((i, j));
            }
        }
    }
    out
}

/// Score a prediction against a layout's truth.
pub fn score(layout: &Layout, pred: Vec<PredTable>, error: Option<String>) -> LayoutScore {
    let truths = &layout.tables;
    // Each predicted table goes to the truth table it shares most cell texts with (the last
    // one when it shares none: junk after the tables).
    let tbags: Vec<_> = truths.iter().map(|t| text_bag(&truth_grid(t))).collect();
    let mut assigned: Vec<Vec<usize>> = vec![Vec::new(); truths.len()];
    for (j, p) in pred.iter().enumerate() {
        let pb = text_bag(&p.rows);
        if pb.is_empty() {
            continue;
        }
        let overlap = |tb: &HashMap<String, usize>| {
            pb.iter()
                .map(|(k, n)| (*n).min(tb.get(k).copied().unwrap_or(0)))
                .sum::<usize>()
        };
        let best = (0..truths.len()).max_by_key(|&i| (overlap(&tbags[i]), std::cmp::Reverse(i)));
        let i = match best {
            Some(i) if overlap(&tbags[i]) > 0 => i,
            _ => truths.len().saturating_sub(1),
        };
        if !truths.is_empty() {
            assigned[i].push(j);
        }
    }
    let tables = truths
        .iter()
        .zip(&assigned)
        .map(|(t, js)| {
            let grid = truth_grid(t);
            let trel = relations(&grid, &t.spans);
            let mut prel = Relations::new();
            for &j in js {
                for (k, n) in relations(&pred[j].rows, &pred[j].spans) {
                    *prel.entry(k).or_default() += n;
                }
            }
            let (tp, nt, np) = (intersect(&trel, &prel), total(&trel), total(&prel));
            let (p, r) = (
                if np > 0 { tp as f64 / np as f64 } else { 0.0 },
                if nt > 0 { tp as f64 / nt as f64 } else { 0.0 },
            );
            let f1 = if nt == 0 && np == 0 {
                1.0
            } else if p + r > 0.0 {
                2.0 * p * r / (p + r)
            } else {
                0.0
            };
            let normg = |g: &[Vec<String>]| {
                g.iter()
                    .map(|r| r.iter().map(|c| norm(c)).collect::<Vec<_>>())
                    .collect::<Vec<_>>()
            };
            let exact = js.len() == 1 && normg(&pred[js[0]].rows) == normg(&grid);
            let preds: Vec<&PredTable> = js.iter().map(|&j| &pred[j]).collect();
            let (num_true, num_pred, num_matched) = numbers(t, &preds);
            TableScore {
                dims: t.dims.clone(),
                exact,
                adj_tp: tp,
                adj_true: nt,
                adj_pred: np,
                adj_f1: f1,
                num_true,
                num_pred,
                num_matched,
                matched: js.clone(),
            }
        })
        .collect();
    LayoutScore {
        seed: layout.seed,
        tables,
        pred,
        error,
    }
}

/// Extract the layout's page at the glyph level and score it.
pub fn run_glyph_level(layout: &Layout) -> LayoutScore {
    let pages = layout.pages().iter().enumerate().map(|(k, cv)| cv.page_content(k + 1)).collect();
    match tablelift::extract_from_pages(pages, &tablelift::Options::default()) {
        Ok(doc) => score(layout, pred_tables(&doc), None),
        Err(e) => score(layout, Vec::new(), Some(e.to_string())),
    }
}

/// Extract a PDF of the layout and score it.
pub fn run_pdf(layout: &Layout, bytes: Vec<u8>) -> LayoutScore {
    match tablelift::extract_document(bytes, &tablelift::Options::default()) {
        Ok(doc) => score(layout, pred_tables(&doc), None),
        Err(e) => score(layout, Vec::new(), Some(e.to_string())),
    }
}
