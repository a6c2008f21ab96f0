//! Axis-aligned boxes in page points, origin at the top-left of the upright page.

use serde::Serialize;

/// The median of `values` (the upper of the two middle ones for an even count): a line's
/// baseline from its glyphs', a page's type size. None when there are none.
pub fn median(values: impl IntoIterator<Item = f64>) -> Option<f64> {
    let mut values: Vec<f64> = values.into_iter().collect();
    values.sort_by(f64::total_cmp);
    values.get(values.len() / 2).copied()
}

/// An axis-aligned rectangle; `y` grows downwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Default)]
pub struct BBox {
    /// Left edge.
    pub x0: f64,
    /// Top edge.
    pub y0: f64,
    /// Right edge.
    pub x1: f64,
    /// Bottom edge.
    pub y1: f64,
}

impl BBox {
    /// The box spanned by two corners, in any order.
    pub fn new(x0: f64, y0: f64, x1: f64, y1: f64) -> Self {
        BBox { x0: x0.min(x1), y0: y0.min(y1), x1: x0.max(x1), y1: y0.max(y1) }
    }
    /// Horizontal extent.
    pub fn width(&self) -> f64 {
        self.x1 - self.x0
    }
    /// Vertical extent.
    pub fn height(&self) -> f64 {
        self.y1 - self.y0
    }
    /// Horizontal middle.
    pub fn center_x(&self) -> f64 {
        (self.x0 + self.x1) / 2.0
    }
    /// Vertical middle.
    pub fn center_y(&self) -> f64 {
        (self.y0 + self.y1) / 2.0
    }
    /// Smallest box holding both.
    pub fn union(&self, o: &BBox) -> BBox {
        BBox { x0: self.x0.min(o.x0), y0: self.y0.min(o.y0), x1: self.x1.max(o.x1), y1: self.y1.max(o.y1) }
    }
    /// Length of the overlap of the two x ranges (0 when disjoint).
    pub fn x_overlap(&self, o: &BBox) -> f64 {
        (self.x1.min(o.x1) - self.x0.max(o.x0)).max(0.0)
    }
    /// Length of the overlap of the two y ranges (0 when disjoint).
    pub fn y_overlap(&self, o: &BBox) -> f64 {
        (self.y1.min(o.y1) - self.y0.max(o.y0)).max(0.0)
    }
    /// True when the point lies inside or on the edge.
    pub fn contains_point(&self, x: f64, y: f64) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }
    /// `[x0, y0, x1, y1]`.
    pub fn as_array(&self) -> [f64; 4] {
        [self.x0, self.y0, self.x1, self.y1]
    }
}

#[cfg(test)]
mod tests {
    use super::median;

    #[test]
    fn median_takes_the_middle_value_or_the_upper_of_two() {
        assert_eq!(median([3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median([4.0, 1.0, 3.0, 2.0]), Some(3.0));
        assert_eq!(median(std::iter::empty()), None);
    }
}
