//! Compaction of a ruled table. In: a page table read from a grid. Out: the same table without
//! the grid rows and columns in which no cell starts with text (double rules, thin decorative
//! strips), the spans crossing them shrunk.

use super::model::{PageTable, TableCell};

/// Remove grid rows and columns in which no cell starts with text (double rules, thin
/// decorative strips), shrinking the spans that cross them.
pub fn compact(mut t: PageTable) -> PageTable {
    let nc = t.n_cols();
    // Columns: keep a column if any non-covered cell anchored in it has text.
    let keep_col: Vec<bool> = (0..nc)
        .map(|c| t.rows.iter().any(|r| !r.cells[c].covered && !r.cells[c].text.trim().is_empty()))
        .collect();
    if keep_col.iter().any(|k| !k) && keep_col.iter().any(|k| *k) {
        for row in &mut t.rows {
            // Spans crossing a dropped column shrink by one.
            for (c, &keep) in keep_col.iter().enumerate() {
                if !keep {
                    // Find the anchor covering (row, c) in this row, if it lies to the left.
                    let mut a = c;
                    while a > 0 && row.cells[a].covered {
                        a -= 1;
                    }
                    if a < c && !row.cells[a].covered && a + row.cells[a].col_span > c {
                        row.cells[a].col_span -= 1;
                    } else if a == c && !row.cells[c].covered && row.cells[c].col_span > 1 && c + 1 < nc {
                        // An empty anchor in a dropped column hands its span to the next one.
                        let span = row.cells[c].col_span - 1;
                        let rs = row.cells[c].row_span;
                        row.cells[c + 1] = TableCell { text: std::mem::take(&mut row.cells[c].text), row_span: rs, col_span: span, covered: false };
                    }
                }
            }
            let mut k = 0;
            row.cells.retain(|_| {
                let keep = keep_col[k];
                k += 1;
                keep
            });
        }
        let mut xs = vec![t.column_x[0]];
        for (c, &keep) in keep_col.iter().enumerate() {
            if keep {
                xs.push(t.column_x[c + 1]);
            } else if let Some(last) = xs.last_mut() {
                *last = t.column_x[c + 1];
            }
        }
        t.column_x = xs;
    }
    // Rows: drop a row when every cell in it is blank or covered; row spans crossing it shrink.
    let nc = t.n_cols();
    let mut r = 0;
    while r < t.rows.len() {
        if t.rows[r].cells.iter().all(|c| c.covered || c.text.trim().is_empty()) && t.rows.len() > 1 {
            // Shrink row spans of anchors above that cover this row; hand anchors' spans down.
            for c in 0..nc {
                if t.rows[r].cells[c].covered {
                    let mut a = r;
                    while a > 0 && t.rows[a].cells[c].covered {
                        a -= 1;
                    }
                    if !t.rows[a].cells[c].covered && a + t.rows[a].cells[c].row_span > r && t.rows[a].cells[c].row_span > 1 {
                        t.rows[a].cells[c].row_span -= 1;
                    }
                } else if t.rows[r].cells[c].row_span > 1 && r + 1 < t.rows.len() {
                    let cell = t.rows[r].cells[c].clone();
                    t.rows[r + 1].cells[c] = TableCell { row_span: cell.row_span - 1, ..cell };
                }
            }
            let bottom = t.rows[r].bottom;
            if r > 0 {
                t.rows[r - 1].bottom = bottom;
            }
            t.rows.remove(r);
        } else {
            r += 1;
        }
    }
    t
}
