//! Runs the binary on samples/ PDFs and compares the document JSON with the hand-made ground
//! truth published with the budget-dev corpus (samples/*.truth.json): every body row's cell
//! texts and values, and the header rows. Texts are compared with whitespace removed (the
//! truth keeps line breaks inside cells; the JSON joins lines with one space).

// A panic is how a test or benchmark reports a failure.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use serde_json::Value;
use std::path::PathBuf;
use std::process::Command;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn run_extract(name: &str) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_tablelift"))
        .arg("extract")
        .arg(samples().join(format!("{name}.pdf")))
        .output()
        .expect("run tablelift");
    assert!(out.status.success(), "{name}: exit {:?}: {}", out.status, String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("document JSON")
}

fn truth(name: &str) -> Value {
    let text = std::fs::read_to_string(samples().join(format!("{name}.truth.json"))).expect("truth file");
    serde_json::from_str(&text).expect("truth JSON")
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn texts(cells: &Value) -> Vec<String> {
    cells.as_array().unwrap().iter().map(|c| norm(c["text"].as_str().unwrap())).collect()
}

/// Compare every table of `name` with its truth (tables matched in order).
fn check_sample(name: &str) {
    let doc = run_extract(name);
    let truth = truth(name);
    let ours = doc["tables"].as_array().unwrap();
    let want = truth["tables"].as_array().unwrap();
    assert_eq!(ours.len(), want.len(), "{name}: number of tables");
    for (k, (o, w)) in ours.iter().zip(want).enumerate() {
        assert_eq!(o["pages"], w["pages"], "{name} table {k}: pages");
        let o_rows = o["rows"].as_array().unwrap();
        let w_rows = w["rows"].as_array().unwrap();
        assert_eq!(o_rows.len(), w_rows.len(), "{name} table {k}: body rows");
        for (i, (orow, wrow)) in o_rows.iter().zip(w_rows).enumerate() {
            let wt: Vec<String> = wrow.as_array().unwrap().iter().map(|c| norm(c.as_str().unwrap())).collect();
            assert_eq!(texts(&orow["cells"]), wt, "{name} table {k} row {i}: texts");
            let ov: Vec<Value> = orow["cells"].as_array().unwrap().iter().map(|c| c["value"].clone()).collect();
            assert_eq!(ov, w["values"][i].as_array().unwrap().clone(), "{name} table {k} row {i}: values");
        }
        let o_hdr: Vec<Vec<String>> = o["header_rows"].as_array().unwrap().iter().map(texts).collect();
        let w_hdr: Vec<Vec<String>> = w["header_rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r.as_array().unwrap().iter().map(|c| norm(c.as_str().unwrap())).collect())
            .collect();
        if !w_hdr.is_empty() {
            assert_eq!(o_hdr, w_hdr, "{name} table {k}: header rows");
        }
    }
}

#[test]
fn vietnamese_wide_ruled_annex_over_three_pages() {
    // 21 columns, 5-row header with merged cells and the (1)=(2)+(8)+(14) row, repeated on
    // each page; wrapped labels; dash zeros; triệu đồng.
    check_sample("vi_pl02_mtqg_wide_ruled");
    let doc = run_extract("vi_pl02_mtqg_wide_ruled");
    let t = &doc["tables"][0];
    assert_eq!(t["unit"]["multiplier"], "1000000");
    assert_eq!(t["unit"]["currency"], "VND");
    assert!(t["title"].as_str().unwrap().starts_with("PHỤ LỤC 02:"));
    assert_eq!(doc["locale"]["decimal"], ",");
    assert_eq!(doc["locale"]["group"], ".");
}

#[test]
fn vietnamese_adjustment_with_codes_and_negatives() {
    check_sample("vi_totrinh_dieuchinh_dong");
}

#[test]
fn vietnamese_document_with_english_grouping() {
    check_sample("vi_chi_linhvuc_enus_grouping");
}

#[test]
fn vietnamese_form_table_after_prose() {
    check_sample("vi_decuong_phuluc_form");
}

#[test]
fn chinese_income_and_expense_totals() {
    check_sample("zh_shouru_zhichu_zongbiao_2022");
    check_sample("zh_shouzhi_zongbiao_2022");
}

#[test]
fn chinese_procurement_and_performance_forms() {
    check_sample("zh_zhengfu_caigou");
    check_sample("zh_xiangmu_jixiao_mubiao");
}

#[test]
fn prose_document_has_no_tables() {
    let doc = run_extract("vi_kehoach_prose");
    assert_eq!(doc["tables"].as_array().unwrap().len(), 0);
}

#[test]
fn empty_chinese_tables_keep_header_and_note() {
    let doc = run_extract("zh_kongbiao_2022");
    let tables = doc["tables"].as_array().unwrap();
    assert_eq!(tables.len(), 3);
    for t in tables {
        assert_eq!(t["rows"].as_array().unwrap().len(), 0, "empty table has no body rows");
        assert!(t["notes"].as_array().unwrap().iter().any(|n| n.as_str().unwrap().contains("空表")), "note attached: {:?}", t["notes"]);
        assert_eq!(t["unit"]["text"], "万元");
    }
}

/// Every identity of the truth's `checks` (parent = Σ children per column; target column =
/// Σ plus − Σ minus per row) is reported ok, and no failing check is reported on these
/// consistent tables.
#[test]
fn arithmetic_checks_match_the_truth_identities() {
    let names = [
        "vi_chi_linhvuc_enus_grouping",
        "vi_decuong_phuluc_form",
        "vi_ngansach_xa_unruled",
        "vi_pl02_mtqg_wide_ruled",
        "vi_totrinh_dieuchinh_dong",
        "zh_kongbiao_2022",
        "zh_shouru_zhichu_zongbiao_2022",
        "zh_shouzhi_zongbiao_2022",
        "zh_xiangmu_jixiao_mubiao",
        "zh_yiban_jiben_yuan_unruled",
        "zh_zhengfu_caigou",
    ];
    let (mut want, mut found) = (0usize, 0usize);
    for name in names {
        let doc = run_extract(name);
        let truth = truth(name);
        for (ti, t) in truth["tables"].as_array().unwrap().iter().enumerate() {
            let ours = &doc["tables"][ti]["checks"];
            for c in ours.as_array().unwrap() {
                assert_eq!(c["failed"].as_array().map(Vec::len), Some(0), "{name} table {ti}: failing check reported on a consistent table: {c}");
            }
            // Checks come one entry per identity: a sum row checked in `columns`, or a result
            // column checked on `rows`.
            let has = |list: &serde_json::Value, x: usize| list.as_array().is_some_and(|l| l.iter().any(|v| *v == x));
            let ok_at = |r: usize, col: usize| {
                ours.as_array().unwrap().iter().any(|c| (c["row"] == r && has(&c["columns"], col)) || (c["column"] == col && has(&c["rows"], r)))
            };
            let values = &t["values"];
            let checks = &t["checks"];
            for rs in checks["row_sums"].as_array().into_iter().flatten() {
                let r = rs["target"].as_u64().unwrap() as usize;
                for col in rs["cols"].as_array().unwrap() {
                    let col = col.as_u64().unwrap() as usize;
                    if !values[r][col].is_null() {
                        want += 1;
                        found += ok_at(r, col) as usize;
                    }
                }
            }
            for cs in checks["col_sums"].as_array().into_iter().flatten() {
                let col = cs["target"].as_u64().unwrap() as usize;
                let rows: Vec<usize> = match cs["rows"].as_array() {
                    Some(rows) => rows.iter().map(|r| r.as_u64().unwrap() as usize).collect(),
                    None => (0..values.as_array().unwrap().len()).collect(),
                };
                for r in rows {
                    if !values[r][col].is_null() {
                        want += 1;
                        found += ok_at(r, col) as usize;
                    }
                }
            }
        }
    }
    assert!(want >= 800, "truth identities: {want}");
    assert_eq!(found, want, "identities reported ok");
}

#[test]
fn locale_guess_matches_every_truth_file() {
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".truth.json")) else { continue };
        let truth = truth(name);
        let doc = run_extract(name);
        assert_eq!(doc["locale"]["decimal"], truth["decimal_sep"], "{name}: decimal separator");
        // A document printed without any grouping has no group separator to check.
        if truth["group_sep"] != "" {
            assert_eq!(doc["locale"]["group"], truth["group_sep"], "{name}: group separator");
        }
    }
}

/// Every ruled table of budget-dev: the grid has the truth's number of columns, and every
/// column and row boundary of it lies on a ruling found on the page (so all grid lines were
/// read).
#[test]
fn ruled_tables_have_all_their_grid_lines() {
    use tablelift::layout::LayoutConfig;
    use tablelift::pdf::{Document, Orientation, PdfLimits};
    use tablelift::table::{Method, TableConfig, find_page_tables};
    let mut checked = 0;
    for entry in std::fs::read_dir(samples()).unwrap() {
        let path = entry.unwrap().path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()).and_then(|n| n.strip_suffix(".truth.json")) else { continue };
        let truth = truth(name);
        if !truth["features"].as_array().unwrap().iter().any(|f| f == "ruled") {
            continue;
        }
        let doc = Document::open(std::fs::read(samples().join(format!("{name}.pdf"))).unwrap(), PdfLimits::default()).unwrap();
        let pages: Vec<_> = (1..=doc.page_count()).map(|n| doc.page(n).unwrap()).collect();
        // (Rows kept only as the possible rest of a table before, such as a letterhead at the
        // top of a page, or as the head of one after, are no table unless they continue one or
        // one continues them: none here does.)
        for t in find_page_tables(&pages, &TableConfig::default(), &LayoutConfig::default()).into_iter().filter(|t| !t.continuation_only && !t.head_only) {
            assert_eq!(t.method, Method::Ruled, "{name} page {}: found by its rulings", t.page);
            let want = truth["tables"].as_array().unwrap().iter().find(|w| w["pages"].as_array().unwrap().iter().any(|p| p == t.page)).unwrap();
            let ncols = want["header_rows"][0].as_array().or(want["rows"][0].as_array()).unwrap().len();
            assert_eq!(t.n_cols(), ncols, "{name} page {}: columns", t.page);
            let rulings = &pages[t.page - 1].rulings;
            let on_rule = |o: Orientation, pos: f64| rulings.iter().any(|r| r.orientation == o && (r.pos - pos).abs() <= 2.0);
            for x in &t.column_x {
                assert!(on_rule(Orientation::Vertical, *x), "{name} page {}: no vertical ruling at x={x:.1}", t.page);
            }
            for r in &t.rows {
                assert!(on_rule(Orientation::Horizontal, r.top), "{name} page {}: no horizontal ruling at y={:.1}", t.page, r.top);
            }
            checked += 1;
        }
    }
    assert!(checked >= 12, "ruled tables checked: {checked}");
}
