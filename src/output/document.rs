//! Document JSON, schema version "1" (see schema/document.schema.json and SPEC section 4):
//! the serialized form of an [`ExtractedDocument`], or of a document that failed.

use super::SourceInfo;
use crate::error::Error;
use crate::extract::{ExtractedDocument, ExtractedTable};
use crate::number::{Check, ColumnKind, Identity, LanguageHint, LocaleGuess, TableQuality, Unit};
use std::collections::HashMap;
use crate::table::{Table, TableCell};
use serde::Serialize;

/// The document JSON of one PDF (`schema/document.schema.json`).
#[derive(Debug, Serialize)]
pub struct DocumentJson {
    /// Always "1".
    pub schema_version: &'static str,
    /// Where the document came from.
    pub source: SourceJson,
    /// "ok" or "failed".
    pub status: &'static str,
    /// The number format the document was read in (absent when it failed).
    pub locale: Option<LocaleJson>,
    /// The tables in reading order.
    pub tables: Vec<TableJson>,
    /// Page-level problems that did not stop the document.
    pub warnings: Vec<WarningJson>,
    /// Why the document failed.
    pub error: Option<ErrorJson>,
}

/// The input a document came from.
#[derive(Debug, Serialize)]
pub struct SourceJson {
    /// The input path as given.
    pub path: String,
    /// Lower-case hex sha256 of the bytes.
    pub sha256: String,
    /// Size in bytes.
    pub bytes: usize,
    /// Pages in the PDF.
    pub pages: usize,
    /// The PDF's `/Producer`.
    pub producer: Option<String>,
}

impl SourceJson {
    /// The source block of a document with `pages` pages.
    pub fn new(source: &SourceInfo<'_>, pages: usize, producer: Option<String>) -> Self {
        SourceJson { path: source.path.to_string(), sha256: source.sha256.to_string(), bytes: source.bytes, pages, producer }
    }
}

/// A document's number format and how sure the guess is.
#[derive(Debug, Serialize)]
pub struct LocaleJson {
    /// Decimal separator.
    pub decimal: String,
    /// Group (thousands) separator, if any.
    pub group: Option<String>,
    /// In `[0, 1]`, rounded to three places.
    pub confidence: f64,
    /// Language the guess was informed by (vi, zh, en, …), when recognised.
    pub language: Option<&'static str>,
}

impl LocaleJson {
    /// The locale block of a guess.
    pub fn new(g: &LocaleGuess, language: Option<&'static str>) -> Self {
        LocaleJson {
            decimal: g.format.decimal.to_string(),
            group: g.format.group.map(|c| c.to_string()),
            confidence: (g.confidence * 1000.0).round() / 1000.0,
            language,
        }
    }
}

/// A page-level problem.
#[derive(Debug, Serialize)]
pub struct WarningJson {
    /// 1-based page number.
    pub page: usize,
    /// Stable code (`no_text_layer`, `unmapped_glyphs`).
    pub code: &'static str,
    /// What a person reads.
    pub message: String,
}

impl From<&crate::extract::PageWarning> for WarningJson {
    fn from(w: &crate::extract::PageWarning) -> Self {
        WarningJson { page: w.page, code: w.code, message: w.message.clone() }
    }
}

/// Why a document failed.
#[derive(Debug, Serialize)]
pub struct ErrorJson {
    /// Stable error code (`not_a_pdf`, `encrypted`, …).
    pub code: &'static str,
    /// What a person reads.
    pub message: String,
}

/// A unit of measure.
#[derive(Debug, Serialize)]
pub struct UnitJson {
    /// The unit as printed ("triệu đồng", "万元").
    pub text: String,
    /// ISO 4217 code when the unit is money.
    pub currency: Option<String>,
    /// What one printed unit is worth in base units, as a decimal string.
    pub multiplier: String,
}

impl From<&Unit> for UnitJson {
    fn from(u: &Unit) -> Self {
        UnitJson { text: u.text.clone(), currency: u.currency.clone(), multiplier: u.multiplier.to_string() }
    }
}

fn is_one(n: &usize) -> bool {
    *n == 1
}
fn is_false(b: &bool) -> bool {
    !*b
}

/// One grid position of a table.
#[derive(Debug, Serialize)]
pub struct CellJson {
    /// The cell text as printed.
    pub text: String,
    /// Its exact decimal value, when it holds one.
    pub value: Option<String>,
    /// The value is a percentage.
    #[serde(skip_serializing_if = "is_false")]
    pub percent: bool,
    /// Rows a merged cell spans (absent when 1).
    #[serde(skip_serializing_if = "is_one")]
    pub row_span: usize,
    /// Columns a merged cell spans (absent when 1).
    #[serde(skip_serializing_if = "is_one")]
    pub col_span: usize,
}

impl CellJson {
    fn header(c: &TableCell) -> Self {
        CellJson { text: c.text.clone(), value: None, percent: false, row_span: c.row_span.max(1), col_span: c.col_span.max(1) }
    }
}

/// One column of a table.
#[derive(Debug, Serialize)]
pub struct ColumnJson {
    /// 0-based position.
    pub index: usize,
    /// Its header path: the captions above it, outermost first.
    pub header: Vec<String>,
    /// What it holds (label, code, number, text).
    pub kind: ColumnKind,
    /// A unit its header states.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<UnitJson>,
}

/// One body row.
#[derive(Debug, Serialize)]
pub struct RowJson {
    /// The page it is on.
    pub page: usize,
    /// Its row marker ("I", "1", "a)", "一、").
    pub label: Option<String>,
    /// Depth in the row hierarchy (0 for totals).
    pub level: Option<u8>,
    /// One cell per column.
    pub cells: Vec<CellJson>,
}

/// One arithmetic identity of a table and every cell it was checked at: a row that is the sum
/// of other rows (`row`, `plus`, checked in `columns`), or a column that is the signed sum of
/// other columns (`column`, `plus`, `minus`, checked on `rows`). Only the cells where it
/// failed are listed with their numbers.
#[derive(Debug, Serialize)]
pub struct IdentityJson {
    /// Which identity (sum of children, column formula, total of the top level).
    pub kind: crate::number::CheckKind,
    /// The sum row of a row identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// The result column of a column identity.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The rows (row identity) or columns (column identity) added.
    pub plus: Vec<usize>,
    /// The columns subtracted (column identity).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub minus: Vec<usize>,
    /// The columns a row identity was checked in.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub columns: Option<Vec<usize>>,
    /// The rows a column identity was checked on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rows: Option<Vec<usize>>,
    /// The cells where it does not hold.
    pub failed: Vec<FailedCheckJson>,
}

/// A cell where an identity does not hold.
#[derive(Debug, Serialize)]
pub struct FailedCheckJson {
    /// Its body row.
    pub row: usize,
    /// Its column.
    pub column: usize,
    /// The value the identity gives.
    pub expected: String,
    /// The value printed.
    pub found: String,
}

/// The checks of a table, one entry per identity (in the order each was first checked).
pub fn identities_json(checks: &[Check]) -> Vec<IdentityJson> {
    let mut out: Vec<IdentityJson> = Vec::new();
    let mut index: HashMap<(crate::number::CheckKind, &Identity), usize> = HashMap::new();
    for c in checks {
        let k = *index.entry((c.kind, &c.identity)).or_insert_with(|| {
            out.push(match &c.identity {
                Identity::Rows { target, plus } => IdentityJson {
                    kind: c.kind,
                    row: Some(*target),
                    column: None,
                    plus: plus.clone(),
                    minus: Vec::new(),
                    columns: Some(Vec::new()),
                    rows: None,
                    failed: Vec::new(),
                },
                Identity::Columns { target, plus, minus } => IdentityJson {
                    kind: c.kind,
                    row: None,
                    column: Some(*target),
                    plus: plus.clone(),
                    minus: minus.clone(),
                    columns: None,
                    rows: Some(Vec::new()),
                    failed: Vec::new(),
                },
            });
            out.len() - 1
        });
        let entry = &mut out[k];
        if let Some(columns) = &mut entry.columns {
            columns.push(c.column);
        }
        if let Some(rows) = &mut entry.rows {
            rows.push(c.row);
        }
        if !c.ok {
            entry.failed.push(FailedCheckJson { row: c.row, column: c.column, expected: c.expected.to_string(), found: c.found.to_string() });
        }
    }
    out
}

/// One table.
#[derive(Debug, Serialize)]
pub struct TableJson {
    /// `t1`, `t2`, … in document order.
    pub id: String,
    /// The pages it spans.
    pub pages: Vec<usize>,
    /// Box on its first page, `[x0, y0, x1, y1]` in points from the top-left.
    pub bbox: [f64; 4],
    /// Its title.
    pub title: Option<String>,
    /// The unit of its values.
    pub unit: Option<UnitJson>,
    /// How it was found (ruled or stream).
    pub method: crate::table::Method,
    /// Header rows, cells with spans.
    pub header_rows: Vec<Vec<CellJson>>,
    /// One entry per column.
    pub columns: Vec<ColumnJson>,
    /// Body rows.
    pub rows: Vec<RowJson>,
    /// Notes printed under it.
    pub notes: Vec<String>,
    /// Arithmetic self-checks, one entry per identity.
    pub checks: Vec<IdentityJson>,
    /// How sure we are of the table.
    pub quality: TableQuality,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Column path of a column: the distinct non-blank header captions above it, a spanning
/// caption counting for every column it covers.
pub fn column_path(t: &Table, col: usize) -> Vec<String> {
    let mut path: Vec<String> = Vec::new();
    // Column-number rows ("(1)=(2)+(8)", "栏次 1 2 3") number the columns; they are no captions.
    for r in t.header_rows.iter().filter(|r| r.kind != crate::table::RowKind::ColumnNumbers) {
        if let Some((_, c)) = r.anchor_covering(col) {
            let text = c.text.trim();
            if !text.is_empty() && path.last().map(String::as_str) != Some(text) {
                path.push(text.to_string());
            }
        }
    }
    path
}

/// The document JSON of an extracted document.
pub fn document_json(doc: &ExtractedDocument, source: &SourceInfo<'_>) -> DocumentJson {
    DocumentJson {
        schema_version: "1",
        source: SourceJson::new(source, doc.page_count, doc.producer.clone()),
        status: "ok",
        locale: Some(LocaleJson::new(&doc.locale, language_code(doc.language))),
        tables: doc.tables.iter().enumerate().map(|(k, t)| table_json(k, t)).collect(),
        warnings: doc.warnings.iter().map(WarningJson::from).collect(),
        error: None,
    }
}

/// The document JSON of a document that failed: status "failed" and the error, no tables.
pub fn failure_json(source: &SourceInfo<'_>, err: &Error) -> DocumentJson {
    DocumentJson {
        schema_version: "1",
        source: SourceJson::new(source, 0, None),
        status: "failed",
        locale: None,
        tables: Vec::new(),
        warnings: Vec::new(),
        error: Some(ErrorJson { code: err.code(), message: err.to_string() }),
    }
}

/// The language code the locale block reports (`vi`, `zh`, …), when recognised.
pub fn language_code(l: LanguageHint) -> Option<&'static str> {
    match l {
        LanguageHint::Vietnamese => Some("vi"),
        LanguageHint::Chinese => Some("zh"),
        LanguageHint::Japanese => Some("ja"),
        LanguageHint::Korean => Some("ko"),
        LanguageHint::English => Some("en"),
        LanguageHint::French => Some("fr"),
        LanguageHint::German => Some("de"),
        LanguageHint::Other | LanguageHint::Unknown => None,
    }
}

/// Build the JSON of one table (`index` counts from 0; its id is `t{index + 1}`).
pub fn table_json(index: usize, extracted: &ExtractedTable) -> TableJson {
    let (t, nums) = (&extracted.table, &extracted.numbers);
    let header_rows = t.header_rows.iter().map(|r| r.cells.iter().map(CellJson::header).collect()).collect();
    let rows = t
        .rows
        .iter()
        .zip(&nums.values)
        .map(|(r, vals)| RowJson {
            page: r.page,
            label: r.label.clone(),
            level: r.level,
            cells: r
                .cells
                .iter()
                .zip(vals)
                .map(|(c, v)| CellJson {
                    text: c.text.clone(),
                    value: v.map(|v| v.value.to_string()),
                    percent: v.is_some_and(|v| v.percent),
                    row_span: c.row_span.max(1),
                    col_span: c.col_span.max(1),
                })
                .collect(),
        })
        .collect();
    let columns = (0..t.n_cols)
        .map(|c| ColumnJson {
            index: c,
            header: column_path(t, c),
            kind: nums.columns.get(c).copied().unwrap_or(ColumnKind::Text),
            unit: nums.column_units.get(c).and_then(|u| u.as_ref()).map(UnitJson::from),
        })
        .collect();
    TableJson {
        id: format!("t{}", index + 1),
        pages: t.pages.clone(),
        bbox: [round2(t.bbox.x0), round2(t.bbox.y0), round2(t.bbox.x1), round2(t.bbox.y1)],
        title: t.title.clone(),
        unit: nums.unit.as_ref().map(UnitJson::from),
        method: t.method,
        header_rows,
        columns,
        rows,
        notes: t.notes.clone(),
        checks: identities_json(&nums.checks),
        quality: extracted.quality.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::number::CheckKind;
    use rust_decimal::Decimal;

    fn check(kind: CheckKind, identity: Identity, row: usize, column: usize, expected: i64, found: i64) -> Check {
        let (expected, found) = (Decimal::from(expected), Decimal::from(found));
        Check { kind, row, column, expected, found, ok: expected == found, terms: Vec::new(), identity }
    }

    /// A parent row checked in two columns (one fails) and a column formula checked on two
    /// rows come out as two entries, in the order first checked, the failure with its numbers.
    #[test]
    fn checks_are_grouped_by_identity() {
        let parent = Identity::Rows { target: 0, plus: vec![1, 2] };
        let formula = Identity::Columns { target: 1, plus: vec![2], minus: vec![3] };
        let checks = vec![
            check(CheckKind::SumOfChildren, parent.clone(), 0, 1, 30, 30),
            check(CheckKind::ColumnFormula, formula.clone(), 0, 1, 30, 30),
            check(CheckKind::SumOfChildren, parent, 0, 2, 7, 8),
            check(CheckKind::ColumnFormula, formula, 1, 1, 10, 10),
        ];
        assert_eq!(
            serde_json::to_string(&identities_json(&checks)).unwrap(),
            concat!(
                r#"[{"kind":"sum_of_children","row":0,"plus":[1,2],"columns":[1,2],"failed":[{"row":0,"column":2,"expected":"7","found":"8"}]},"#,
                r#"{"kind":"column_formula","column":1,"plus":[2],"minus":[3],"rows":[0,1],"failed":[]}]"#
            )
        );
    }
}
