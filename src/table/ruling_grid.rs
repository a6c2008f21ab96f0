//! Ruled tables: connected groups of rulings become a `RulingGrid` of row and column boundaries,
//! with merged cells found where a separating ruling is missing.

use super::config::GridConfig;
use crate::pdf::{BBox, Orientation, Ruling};

/// A lattice of boundaries and the cells it forms (spans included).
#[derive(Debug, Clone)]
pub struct RulingGrid {
    /// Column boundaries, left to right (n_cols + 1 values).
    pub xs: Vec<f64>,
    /// Row boundaries, top to bottom (n_rows + 1 values).
    pub ys: Vec<f64>,
    /// Cells as (row, col, row_span, col_span), top-left anchored, covering the grid exactly once.
    pub cells: Vec<GridCell>,
    /// The grid's outer box.
    pub bbox: BBox,
    /// The rulings the grid was built from (to rebuild it with more column boundaries).
    rulings: Vec<Ruling>,
    tolerance: f64,
    cfg: GridConfig,
}

impl RulingGrid {
    /// The same grid with extra column boundaries (where text columns show that a vertical
    /// rule is missing); cells are re-derived from the rulings, so text that crossed the new
    /// boundary becomes a spanning cell.
    pub fn with_extra_columns(&self, extra: &[f64]) -> Option<RulingGrid> {
        let h: Vec<&Ruling> = self.rulings.iter().filter(|r| r.orientation == Orientation::Horizontal).collect();
        let v: Vec<&Ruling> = self.rulings.iter().filter(|r| r.orientation == Orientation::Vertical).collect();
        build_grid(&h, &v, self.tolerance, extra, &self.cfg)
    }

    /// Per inner column boundary (`xs[1..n]`), whether a vertical rule is drawn there anywhere
    /// in the grid (false: a boundary only the text's white space shows).
    pub fn drawn_column_boundaries(&self) -> Vec<bool> {
        let inner = self.xs.get(1..self.xs.len().saturating_sub(1)).unwrap_or(&[]);
        inner
            .iter()
            .map(|&x| self.rulings.iter().any(|r| r.orientation == Orientation::Vertical && (r.pos - x).abs() <= self.tolerance))
            .collect()
    }
}

/// One cell of a grid: its top-left position and how many rows and columns it spans.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct GridCell {
    /// First row.
    pub row: usize,
    /// First column.
    pub col: usize,
    /// Rows spanned (at least 1).
    pub row_span: usize,
    /// Columns spanned (at least 1).
    pub col_span: usize,
}

impl GridCell {
    /// The cell's box in the grid `g`.
    pub fn bbox(&self, g: &RulingGrid) -> BBox {
        BBox::new(g.xs[self.col], g.ys[self.row], g.xs[self.col + self.col_span], g.ys[self.row + self.row_span])
    }
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind((0..n).collect())
    }
    fn find(&mut self, mut a: usize) -> usize {
        while self.0[a] != a {
            self.0[a] = self.0[self.0[a]];
            a = self.0[a];
        }
        a
    }
    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.0[ra.max(rb)] = ra.min(rb);
        }
    }
}

fn intersects(h: &Ruling, v: &Ruling, tol: f64) -> bool {
    h.pos >= v.start - tol && h.pos <= v.end + tol && v.pos >= h.start - tol && v.pos <= h.end + tol
}

/// Cluster sorted positions that lie within `tol` of each other; returns cluster means.
fn cluster_positions(mut v: Vec<f64>, tol: f64) -> Vec<f64> {
    v.sort_by(f64::total_cmp);
    let mut out: Vec<f64> = Vec::new();
    let mut group: Vec<f64> = Vec::new();
    for x in v {
        if let Some(&last) = group.last()
            && x - last > tol
        {
            out.push(group.iter().sum::<f64>() / group.len() as f64);
            group.clear();
        }
        group.push(x);
    }
    if !group.is_empty() {
        out.push(group.iter().sum::<f64>() / group.len() as f64);
    }
    out
}

/// Length of `[a, b]` covered by rulings of `set` lying at `pos` (within tol).
fn covered_length(set: &[&Ruling], pos: f64, a: f64, b: f64, tol: f64) -> f64 {
    let mut ivs: Vec<(f64, f64)> = set
        .iter()
        .filter(|r| (r.pos - pos).abs() <= tol)
        .map(|r| (r.start.max(a), r.end.min(b)))
        .filter(|(s, e)| e > s)
        .collect();
    ivs.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut total = 0.0;
    let mut cur: Option<(f64, f64)> = None;
    for (s, e) in ivs {
        match cur {
            Some((cs, ce)) if s <= ce => cur = Some((cs, ce.max(e))),
            Some((cs, ce)) => {
                total += ce - cs;
                cur = Some((s, e));
            }
            None => cur = Some((s, e)),
        }
    }
    if let Some((cs, ce)) = cur {
        total += ce - cs;
    }
    total
}

/// Find the ruled grids of a page. `tol` is the snapping tolerance in points.
pub fn find_grids(rulings: &[Ruling], tol: f64, cfg: &GridConfig) -> Vec<RulingGrid> {
    let rulings: Vec<&Ruling> = rulings.iter().filter(|r| r.length() >= cfg.min_ruling_length).collect();
    let n = rulings.len();
    if n < cfg.min_rulings {
        return Vec::new();
    }
    // Connected components over H–V intersections. Sort verticals by x to prune the scan.
    let mut uf = UnionFind::new(n);
    let hs: Vec<usize> = (0..n).filter(|&i| rulings[i].orientation == Orientation::Horizontal).collect();
    let mut vs: Vec<usize> = (0..n).filter(|&i| rulings[i].orientation == Orientation::Vertical).collect();
    vs.sort_by(|&a, &b| rulings[a].pos.total_cmp(&rulings[b].pos));
    for &h in &hs {
        let hr = rulings[h];
        let lo = vs.partition_point(|&v| rulings[v].pos < hr.start - tol);
        for &v in &vs[lo..] {
            if rulings[v].pos > hr.end + tol {
                break;
            }
            if intersects(hr, rulings[v], tol) {
                uf.union(h, v);
            }
        }
    }
    // Double rules (two parallel horizontal rules a few points apart, e.g. under a header or
    // above a total) tie the grids on either side into one table.
    let mut hs_sorted = hs.clone();
    hs_sorted.sort_by(|&a, &b| rulings[a].pos.total_cmp(&rulings[b].pos));
    for (k, &a) in hs_sorted.iter().enumerate() {
        for &b in &hs_sorted[k + 1..] {
            let (ra, rb) = (rulings[a], rulings[b]);
            if rb.pos - ra.pos > cfg.double_rule_gap {
                break;
            }
            let overlap = ra.end.min(rb.end) - ra.start.max(rb.start);
            if overlap >= cfg.double_rule_overlap * ra.length().min(rb.length()) {
                uf.union(a, b);
            }
        }
    }
    let mut groups: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in 0..n {
        let root = uf.find(i);
        groups.entry(root).or_default().push(i);
    }
    let mut grids = Vec::new();
    for members in groups.values() {
        let h: Vec<&Ruling> = members.iter().map(|&i| rulings[i]).filter(|r| r.orientation == Orientation::Horizontal).collect();
        let v: Vec<&Ruling> = members.iter().map(|&i| rulings[i]).filter(|r| r.orientation == Orientation::Vertical).collect();
        // Open-sided tables: two horizontal rules and one inner vertical already make a grid
        // (the outer edges come from the rules' extent).
        if h.len() < 2 || v.is_empty() {
            continue;
        }
        if let Some(g) = build_grid(&h, &v, tol, &[], cfg) {
            grids.push(g);
        }
    }
    grids
}

fn build_grid(h: &[&Ruling], v: &[&Ruling], tol: f64, extra_xs: &[f64], cfg: &GridConfig) -> Option<RulingGrid> {
    let x_min = h.iter().map(|r| r.start).chain(v.iter().map(|r| r.pos)).fold(f64::MAX, f64::min);
    let x_max = h.iter().map(|r| r.end).chain(v.iter().map(|r| r.pos)).fold(f64::MIN, f64::max);
    let y_min = v.iter().map(|r| r.start).chain(h.iter().map(|r| r.pos)).fold(f64::MAX, f64::min);
    let y_max = v.iter().map(|r| r.end).chain(h.iter().map(|r| r.pos)).fold(f64::MIN, f64::max);
    // Outer edges count as boundaries even when the frame is open on a side.
    let xs = cluster_positions(v.iter().map(|r| r.pos).chain([x_min, x_max]).chain(extra_xs.iter().copied().filter(|x| *x > x_min && *x < x_max)).collect(), tol);
    let ys = cluster_positions(h.iter().map(|r| r.pos).chain([y_min, y_max]).collect(), tol);
    if xs.len() < 2 || ys.len() < 2 || x_max - x_min < cfg.min_grid_width || y_max - y_min < cfg.min_grid_height {
        return None;
    }
    let (nr, nc) = (ys.len() - 1, xs.len() - 1);
    if nr * nc > cfg.max_grid_positions {
        return None;
    }
    // Positions (r, c) are joined with a neighbour when no ruling separates them along at
    // least half of the shared edge.
    let mut uf = UnionFind::new(nr * nc);
    for r in 0..nr {
        for c in 0..nc {
            if c + 1 < nc {
                let len = ys[r + 1] - ys[r];
                if covered_length(v, xs[c + 1], ys[r], ys[r + 1], tol) < cfg.edge_coverage * len {
                    uf.union(r * nc + c, r * nc + c + 1);
                }
            }
            if r + 1 < nr {
                let len = xs[c + 1] - xs[c];
                if covered_length(h, ys[r + 1], xs[c], xs[c + 1], tol) < cfg.edge_coverage * len {
                    uf.union(r * nc + c, (r + 1) * nc + c);
                }
            }
        }
    }
    // Each union becomes the bounding rectangle of its positions; positions already taken by
    // an earlier rectangle are skipped so the cells never overlap.
    let mut bounds: std::collections::BTreeMap<usize, (usize, usize, usize, usize)> = Default::default();
    for r in 0..nr {
        for c in 0..nc {
            let root = uf.find(r * nc + c);
            let e = bounds.entry(root).or_insert((r, c, r, c));
            e.0 = e.0.min(r);
            e.1 = e.1.min(c);
            e.2 = e.2.max(r);
            e.3 = e.3.max(c);
        }
    }
    let mut taken = vec![false; nr * nc];
    let mut rects: Vec<(usize, usize, usize, usize)> = bounds.into_values().collect();
    rects.sort();
    let mut cells = Vec::new();
    for (r0, c0, r1, c1) in rects {
        if taken[r0 * nc + c0] {
            continue;
        }
        // Shrink to the free part of the rectangle: grow right then down while free.
        let mut c_end = c0;
        while c_end < c1 && !taken[r0 * nc + c_end + 1] {
            c_end += 1;
        }
        let mut r_end = r0;
        while r_end < r1 && (c0..=c_end).all(|c| !taken[(r_end + 1) * nc + c]) {
            r_end += 1;
        }
        for r in r0..=r_end {
            for c in c0..=c_end {
                taken[r * nc + c] = true;
            }
        }
        cells.push(GridCell { row: r0, col: c0, row_span: r_end - r0 + 1, col_span: c_end - c0 + 1 });
    }
    // Positions left untaken (from clipped rectangles) become single cells.
    for r in 0..nr {
        for c in 0..nc {
            if !taken[r * nc + c] {
                cells.push(GridCell { row: r, col: c, row_span: 1, col_span: 1 });
            }
        }
    }
    let bbox = BBox::new(xs[0], ys[0], xs[nc], ys[nr]);
    let rulings = h.iter().chain(v).map(|r| **r).collect();
    Some(RulingGrid { xs, ys, cells, bbox, rulings, tolerance: tol, cfg: *cfg })
}

/// Index of the interval of `bounds` holding `x` (None outside).
pub(super) fn slot(bounds: &[f64], x: f64) -> Option<usize> {
    if bounds.len() < 2 || x < bounds[0] || x > bounds[bounds.len() - 1] {
        return None;
    }
    let i = bounds.partition_point(|&b| b <= x);
    Some(i.saturating_sub(1).min(bounds.len() - 2))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(y: f64, x0: f64, x1: f64) -> Ruling {
        Ruling { orientation: Orientation::Horizontal, pos: y, start: x0, end: x1 }
    }
    fn v(x: f64, y0: f64, y1: f64) -> Ruling {
        Ruling { orientation: Orientation::Vertical, pos: x, start: y0, end: y1 }
    }

    #[test]
    fn full_grid_with_a_merged_header_cell() {
        // 3 columns x 3 rows; the top row's first two columns are merged (no ruling at x=50
        // between y=0 and y=10).
        let rs = vec![
            h(0.0, 0.0, 150.0),
            h(10.0, 0.0, 150.0),
            h(20.0, 0.0, 150.0),
            h(30.0, 0.0, 150.0),
            v(0.0, 0.0, 30.0),
            v(50.0, 10.0, 30.0),
            v(100.0, 0.0, 30.0),
            v(150.0, 0.0, 30.0),
        ];
        let grids = find_grids(&rs, 1.0, &GridConfig::default());
        assert_eq!(grids.len(), 1);
        let g = &grids[0];
        assert_eq!(g.xs, vec![0.0, 50.0, 100.0, 150.0]);
        assert_eq!(g.ys, vec![0.0, 10.0, 20.0, 30.0]);
        assert_eq!(g.cells.len(), 8);
        assert!(g.cells.contains(&GridCell { row: 0, col: 0, row_span: 1, col_span: 2 }));
    }

    #[test]
    fn two_separate_tables() {
        let mut rs = Vec::new();
        for off in [0.0, 200.0] {
            rs.extend([h(off, 0.0, 100.0), h(off + 20.0, 0.0, 100.0), v(0.0, off, off + 20.0), v(50.0, off, off + 20.0), v(100.0, off, off + 20.0)]);
        }
        assert_eq!(find_grids(&rs, 1.0, &GridConfig::default()).len(), 2);
    }

    #[test]
    fn open_sided_grid_uses_outer_extent() {
        // Only horizontal rules plus one inner vertical: outer x edges come from the rules.
        let rs = vec![h(0.0, 0.0, 100.0), h(20.0, 0.0, 100.0), h(40.0, 0.0, 100.0), v(60.0, 0.0, 40.0), v(61.5, 0.0, 40.0)];
        let g = &find_grids(&rs, 2.0, &GridConfig::default())[0];
        assert_eq!(g.xs.len(), 3);
        assert_eq!(g.ys.len(), 3);
    }
}
