//! Figures per dimension value and overall: count of tables, exact-table rate, mean adjacency
//! F1, numbers precision and recall (pooled), so that a weakness shows as a row.

use super::score::LayoutScore;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Sums over a set of tables.
#[derive(Debug, Clone, Copy, Default)]
pub struct Agg {
    /// Tables.
    pub n: usize,
    /// Tables extracted exactly.
    pub exact: usize,
    /// Sum of per-table adjacency F1.
    pub f1_sum: f64,
    /// Relations: found, expected, predicted (for the pooled F1).
    pub adj_tp: usize,
    /// Expected relations.
    pub adj_true: usize,
    /// Predicted relations.
    pub adj_pred: usize,
    /// Truth values.
    pub num_true: usize,
    /// Predicted values.
    pub num_pred: usize,
    /// Matched values.
    pub num_matched: usize,
}

impl Agg {
    /// Exact-table rate.
    pub fn exact_rate(&self) -> f64 {
        self.exact as f64 / self.n.max(1) as f64
    }
    /// Mean adjacency F1 of the tables.
    pub fn mean_f1(&self) -> f64 {
        self.f1_sum / self.n.max(1) as f64
    }
    /// Numbers precision (1 when nothing was predicted).
    pub fn num_p(&self) -> f64 {
        if self.num_pred == 0 {
            1.0
        } else {
            self.num_matched as f64 / self.num_pred as f64
        }
    }
    /// Numbers recall (1 when there was nothing to find).
    pub fn num_r(&self) -> f64 {
        if self.num_true == 0 {
            1.0
        } else {
            self.num_matched as f64 / self.num_true as f64
        }
    }
    /// Pooled adjacency F1.
    pub fn pooled_f1(&self) -> f64 {
        let p = self.adj_tp as f64 / self.adj_pred.max(1) as f64;
        let r = self.adj_tp as f64 / self.adj_true.max(1) as f64;
        if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        }
    }
}

/// Aggregates of a run.
#[derive(Debug, Default)]
pub struct Report {
    /// Layouts scored.
    pub layouts: usize,
    /// Layouts whose tables were all exact.
    pub layouts_exact: usize,
    /// Layouts where the extractor returned an error.
    pub errors: usize,
    /// All tables.
    pub overall: Agg,
    /// Per (dimension, value).
    pub per: BTreeMap<(&'static str, String), Agg>,
}

impl Report {
    /// Add one layout's scores.
    pub fn add(&mut self, ls: &LayoutScore) {
        self.layouts += 1;
        self.layouts_exact += ls.tables.iter().all(|t| t.exact) as usize;
        self.errors += ls.error.is_some() as usize;
        for t in &ls.tables {
            let add = |a: &mut Agg| {
                a.n += 1;
                a.exact += t.exact as usize;
                a.f1_sum += t.adj_f1;
                a.adj_tp += t.adj_tp;
                a.adj_true += t.adj_true;
                a.adj_pred += t.adj_pred;
                a.num_true += t.num_true;
                a.num_pred += t.num_pred;
                a.num_matched += t.num_matched;
            };
            add(&mut self.overall);
            for (d, v) in &t.dims {
                add(self.per.entry((*d, v.clone())).or_default());
            }
        }
    }

    /// The figures of one dimension value.
    pub fn get(&self, dim: &str, value: &str) -> Option<&Agg> {
        self.per
            .iter()
            .find(|((d, v), _)| *d == dim && v == value)
            .map(|(_, a)| a)
    }

    /// The `k` dimension values with the lowest mean adjacency F1 (at least `min_n` tables).
    pub fn weakest(&self, k: usize, min_n: usize) -> Vec<(&'static str, String, Agg)> {
        let mut v: Vec<_> = self
            .per
            .iter()
            .filter(|(_, a)| a.n >= min_n)
            .map(|((d, val), a)| (*d, val.clone(), *a))
            .collect();
        v.sort_by(|a, b| a.2.mean_f1().total_cmp(&b.2.mean_f1()));
        v.truncate(k);
        v
    }

    /// The table of figures as text.
    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<16} {:<18} {:>6} {:>6} {:>6} {:>6} {:>6}",
            "dimension", "value", "tables", "exact", "adjF1", "numP", "numR"
        );
        let line = |s: &mut String, d: &str, v: &str, a: &Agg| {
            let _ = writeln!(
                s,
                "{:<16} {:<18} {:>6} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
                d,
                v,
                a.n,
                a.exact_rate(),
                a.mean_f1(),
                a.num_p(),
                a.num_r()
            );
        };
        let mut last = "";
        for ((d, v), a) in &self.per {
            if *d != last && !last.is_empty() {
                s.push('\n');
            }
            last = d;
            line(&mut s, d, v, a);
        }
        s.push('\n');
        line(&mut s, "OVERALL", "tables", &self.overall);
        let _ = writeln!(
            s,
            "layouts {}  all tables exact {:.3}  pooled adjacency F1 {:.3}  extractor errors {}",
            self.layouts,
            self.layouts_exact as f64 / self.layouts.max(1) as f64,
            self.overall.pooled_f1(),
            self.errors
        );
        s
    }
}
