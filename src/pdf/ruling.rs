//! Rulings: horizontal and vertical line segments drawn on a page (stroked lines and thin
//! filled rectangles), normalised and merged so that one visual line is one `Ruling`.

use serde::Serialize;

/// A segment shorter than this (points) both ways is a dot, not a ruling.
const MIN_SEGMENT_EXTENT: f64 = 0.5;

/// A ruling drifts at most this many points across its direction (a slightly watermark line
/// still separates rows or columns).
const MAX_RULING_THICKNESS: f64 = 1.0;

/// A ruling is at least this many times longer than its drift across.
const MIN_RULING_ASPECT: f64 = 10.0;

/// Length (points) a very short ruling counts for when merged rulings' positions are averaged
/// by length, so that a zero-length piece still counts.
const MIN_MERGE_WEIGHT: f64 = 0.1;

/// Direction of a ruling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Orientation {
    /// Runs left to right (a row separator).
    Horizontal,
    /// Runs top to bottom (a column separator).
    Vertical,
}

/// An axis-aligned line segment. For a horizontal ruling `pos` is its y and `start..end` its x
/// range; for a vertical one `pos` is its x and `start..end` its y range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ruling {
    /// Horizontal or vertical.
    pub orientation: Orientation,
    /// y of a horizontal ruling, x of a vertical one.
    pub pos: f64,
    /// Where it starts along its direction (the smaller coordinate).
    pub start: f64,
    /// Where it ends along its direction (the larger coordinate).
    pub end: f64,
}

impl Ruling {
    /// Extent along its direction.
    pub fn length(&self) -> f64 {
        self.end - self.start
    }

    /// Build a ruling from two end points if the segment is (nearly) axis-aligned.
    pub fn from_segment(x0: f64, y0: f64, x1: f64, y1: f64) -> Option<Ruling> {
        let (dx, dy) = ((x1 - x0).abs(), (y1 - y0).abs());
        if dx < MIN_SEGMENT_EXTENT && dy < MIN_SEGMENT_EXTENT {
            return None;
        }
        if dy <= MAX_RULING_THICKNESS && dx > dy * MIN_RULING_ASPECT {
            Some(Ruling { orientation: Orientation::Horizontal, pos: (y0 + y1) / 2.0, start: x0.min(x1), end: x0.max(x1) })
        } else if dx <= MAX_RULING_THICKNESS && dy > dx * MIN_RULING_ASPECT {
            Some(Ruling { orientation: Orientation::Vertical, pos: (x0 + x1) / 2.0, start: y0.min(y1), end: y0.max(y1) })
        } else {
            None
        }
    }
}

/// Merge collinear rulings that touch or overlap (within `tol` points) into single segments.
/// Output is sorted by orientation, then position, then start.
pub fn merge_rulings(mut rulings: Vec<Ruling>, tol: f64) -> Vec<Ruling> {
    rulings.retain(|r| r.pos.is_finite() && r.start.is_finite() && r.end.is_finite());
    rulings.sort_by(|a, b| {
        (a.orientation as u8)
            .cmp(&(b.orientation as u8))
            .then(a.pos.total_cmp(&b.pos))
            .then(a.start.total_cmp(&b.start))
    });
    // Group rulings whose positions are within tol, then merge their ranges.
    let mut out: Vec<Ruling> = Vec::new();
    let mut i = 0;
    while i < rulings.len() {
        let mut j = i + 1;
        while j < rulings.len()
            && rulings[j].orientation == rulings[i].orientation
            && rulings[j].pos - rulings[j - 1].pos <= tol
        {
            j += 1;
        }
        let mut group: Vec<Ruling> = rulings[i..j].to_vec();
        group.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut cur = group[0];
        let mut pos_sum = cur.pos * cur.length().max(MIN_MERGE_WEIGHT);
        let mut w_sum = cur.length().max(MIN_MERGE_WEIGHT);
        for r in &group[1..] {
            if r.start <= cur.end + tol {
                cur.end = cur.end.max(r.end);
                pos_sum += r.pos * r.length().max(MIN_MERGE_WEIGHT);
                w_sum += r.length().max(MIN_MERGE_WEIGHT);
            } else {
                cur.pos = pos_sum / w_sum;
                out.push(cur);
                cur = *r;
                pos_sum = cur.pos * cur.length().max(MIN_MERGE_WEIGHT);
                w_sum = cur.length().max(MIN_MERGE_WEIGHT);
            }
        }
        cur.pos = pos_sum / w_sum;
        out.push(cur);
        i = j;
    }
    out
}

#[cfg(test)]
#[path = "ruling_tests.rs"]
mod tests;
