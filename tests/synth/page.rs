//! One page: page-level choices (orientation, script, face, number format, how many tables,
//! what follows them), then each table with its own family and drawing style, title and unit
//! lines above, notes, prose, lists or signatures below. A layout that does not fit its page is
//! redrawn with fewer rows and columns.

use super::canvas::Canvas;
use super::content::{self, Budget, Family, Logical, NumStyle};
use super::draw::{self, Rules, TableStyle, VAlign};
use super::fonts::{Face, text_width};
use super::numbers::{FORMATS, NegStyle, ZeroStyle};
use super::rng::Rng;
use super::words::{self, Script};
use super::{GenOptions, Layout, TruthTable};

/// What follows the last table.
const TRAILERS: [&str; 5] = ["none", "prose", "list", "notes", "signature"];

struct PageChoice {
    width: f64,
    height: f64,
    script: Script,
    face: Face,
    ns: NumStyle,
    n_tables: usize,
    trailer: &'static str,
    size: f64,
    dims: Vec<(&'static str, String)>,
    /// Per table: family and drawing style, fixed before fitting so that redrawing a layout
    /// that did not fit does not favour narrow families or tight styles.
    tables: Vec<(Family, TableStyle, bool)>,
    rotated: bool,
    /// The table of a one-table page continues on a second page: the share of its body rows
    /// on the first, and whether the second repeats the header.
    continued: Option<(f64, bool)>,
    /// Two tables are set side by side, each in its half of the page, with this gap between
    /// the halves in ems; the second in the first one's family and style (one template, rows
    /// often on one baseline) when the flag is set.
    side_by_side: Option<(f64, bool)>,
    /// A watermark across the page: its size (points) and angle (degrees anticlockwise).
    watermark: Option<(f64, f64)>,
    /// The page is set in two columns of prose (a gazette), this many ems apart, and the one
    /// table stands in the left column (flag set) or the right one, between paragraphs.
    in_prose: Option<(f64, bool)>,
}

fn choose_page(rng: &mut Rng, opts: GenOptions) -> PageChoice {
    let landscape = rng.chance(0.3);
    // Landscape pages of the PDF sample are half the time portrait pages with /Rotate 90.
    let rotated = landscape && opts.pdf_styles && rng.chance(0.5);
    let (width, height) = if landscape {
        (842.0, 595.0)
    } else {
        (595.0, 842.0)
    };
    let script = rng.pick(&[Script::Cjk, Script::Vi, Script::Latin]);
    let face = rng.pick(&[Face::Sans, Face::Serif]);
    let format = rng.pick(&FORMATS);
    let decimals = if format.name == "zh" || rng.chance(0.4) {
        2
    } else {
        0
    };
    let neg = if rng.chance(0.5) {
        Some(rng.pick(&[
            NegStyle::Minus,
            NegStyle::Trailing,
            NegStyle::Parens,
            NegStyle::Unicode,
        ]))
    } else {
        None
    };
    let zero = rng.pick(&[ZeroStyle::Blank, ZeroStyle::Dash, ZeroStyle::Digit]);
    let n_tables = match rng.below(20) {
        0..=11 => 1,
        12..=16 => 2,
        _ => 3,
    };
    let trailer = rng.pick(&TRAILERS);
    let size = (rng.float(8.0, 12.5) * 2.0).floor() / 2.0;
    let dims = vec![
        (
            "orientation",
            if rotated {
                "rotated"
            } else if landscape {
                "landscape"
            } else {
                "portrait"
            }
            .to_string(),
        ),
        ("script", script.name().to_string()),
        ("face", face.dim().to_string()),
        ("format", format.name.to_string()),
        ("decimals", decimals.to_string()),
        ("negatives", neg.map_or("none", |n| n.name()).to_string()),
        ("zeros", zero.name().to_string()),
        (
            "size",
            (if size < 9.5 {
                "8-9"
            } else if size < 11.0 {
                "9.5-10.5"
            } else {
                "11-12"
            })
            .to_string(),
        ),
        ("tables_per_page", n_tables.to_string()),
    ];
    let mut pc = PageChoice {
        width,
        height,
        script,
        face,
        ns: NumStyle {
            format,
            decimals,
            neg,
            zero,
        },
        n_tables,
        trailer,
        size,
        dims,
        tables: Vec::new(),
        rotated,
        continued: None,
        side_by_side: None,
        watermark: None,
        in_prose: None,
    };
    pc.tables = (0..n_tables)
        .map(|_| {
            (
                rng.pick(&Family::ALL),
                choose_style(rng, &pc, opts),
                rng.chance(0.6),
            )
        })
        .collect();
    // (Drawn from a side stream: adding continuation pages left every other choice as it was.)
    let mut side = Rng::new(rng.clone().next_u64() ^ 0xBB67_AE85_84CA_A73B);
    if n_tables == 1 && side.chance(0.15) {
        pc.continued = Some((side.float(0.4, 0.7), side.chance(0.7)));
    }
    // (A stream of its own again, for the same reason.)
    let mut pair = Rng::new(side.clone().next_u64() ^ 0x3C6E_F372_FE94_F82B);
    if n_tables == 2 && pair.chance(0.3) {
        let same_style = pair.chance(0.5);
        pc.side_by_side = Some((pair.float(1.0, 4.0), same_style));
        if same_style {
            pc.tables[1] = pc.tables[0];
        }
    }
    let mut mark = Rng::new(pair.clone().next_u64() ^ 0xA54F_F53A_5F1D_36F1);
    if mark.chance(0.15) {
        pc.watermark = Some((mark.float(40.0, 90.0), mark.float(25.0, 65.0)));
        pc.dims.push(("watermark", "diagonal".to_string()));
    } else if mark.chance(0.08) {
        pc.watermark = Some((mark.float(40.0, 90.0), 0.0));
        pc.dims.push(("watermark", "level".to_string()));
    } else {
        pc.dims.push(("watermark", "none".to_string()));
    }
    let mut gazette = Rng::new(mark.clone().next_u64() ^ 0x510E_527F_ADE6_82D1);
    if n_tables == 1 && pc.continued.is_none() && gazette.chance(0.12) {
        pc.in_prose = Some((gazette.float(1.0, 2.5), gazette.chance(0.5)));
    }
    pc
}

/// Whole paragraphs of prose, justified (the last line of each set ragged), in the column
/// `x0..x1` from the baseline after `y` down, at least `min_lines` lines; returns the last
/// baseline.
fn prose_lines(cv: &mut Canvas, rng: &mut Rng, pc: &PageChoice, x0: f64, x1: f64, mut y: f64, min_lines: usize) -> f64 {
    let lh = pc.size * 1.4;
    let mut drawn = 0;
    while drawn < min_lines {
        let text = words::prose(rng, pc.script);
        let lines = draw::wrap(&text, pc.face, pc.size, x1 - x0);
        for (k, line) in lines.iter().enumerate() {
            y += lh;
            drawn += 1;
            let words: Vec<&str> = line.split(' ').collect();
            let inked: f64 = words.iter().map(|w| text_width(pc.face, pc.size, w)).sum();
            let space = text_width(pc.face, pc.size, " ");
            // Justified: the spaces stretched to fill the column, unless that would open
            // gaps wider than three spaces (the paragraph's last line, a line of few words).
            let stretched = if words.len() > 1 { (x1 - x0 - inked) / (words.len() - 1) as f64 } else { space };
            let gap = if k + 1 < lines.len() && stretched <= 3.0 * space { stretched } else { space };
            let mut x = x0;
            for w in words {
                cv.text(w, x, y, pc.size, false);
                x += text_width(pc.face, pc.size, w) + gap;
            }
        }
    }
    y
}

fn choose_style(rng: &mut Rng, pc: &PageChoice, opts: GenOptions) -> TableStyle {
    // Choices added to the generator later (group gaps, box rules, accounting underlines) draw
    // from a stream of their own so that adding them left every other choice of a seed as it
    // was.
    let mut side = Rng::new(rng.clone().next_u64() ^ 0x6A09_E667_F3BC_C908);
    let rules = if opts.pdf_styles && rng.chance(1.0 / 6.0) {
        Rules::Shaded
    } else {
        rng.pick(&Rules::GLYPH)
    };
    let group_gap_share = side.float(0.0, 1.0);
    let group_gap_rows = side.float(0.5, 1.0);
    let rules = if side.chance(1.0 / 7.0) { Rules::Box } else { rules };
    // Gutters log-uniform from a third of an em to three ems.
    let gutter_em = (rng.float((1.0f64 / 3.0).ln(), 3.0f64.ln())).exp();
    let cjk = pc.script == Script::Cjk;
    let unruled_body = matches!(rules, Rules::None | Rules::TopBottom | Rules::Booktabs | Rules::Shaded | Rules::Box);
    let group_gap = if unruled_body && group_gap_share < 0.3 { group_gap_rows } else { 0.0 };
    let underlines = unruled_body && side.chance(0.2);
    TableStyle {
        size: pc.size,
        face: pc.face,
        rules,
        gutter_em,
        valign: rng.pick(&[VAlign::Top, VAlign::Center, VAlign::Bottom]),
        label_max_em: if cjk {
            rng.float(6.0, 18.0)
        } else {
            rng.float(10.0, 32.0)
        },
        header_max_em: if cjk {
            rng.float(4.0, 10.0)
        } else {
            rng.float(5.0, 14.0)
        },
        leading: rng.float(1.1, 1.5),
        row_pad: if matches!(rules, Rules::Grid | Rules::Horizontal | Rules::Frame) {
            rng.float(0.2, 0.5)
        } else {
            rng.float(0.05, 0.45)
        },
        header_bold: rng.chance(0.6),
        leaders: rng.chance(0.15),
        group_gap,
        underlines,
    }
}

fn gutter_bucket(em: f64) -> &'static str {
    if em < 0.5 {
        "<0.5em"
    } else if em < 1.0 {
        "0.5-1em"
    } else if em < 2.0 {
        "1-2em"
    } else {
        ">=2em"
    }
}

/// The truth grid of a logical table.
fn truth(t: &Logical, dims: Vec<(&'static str, String)>) -> TruthTable {
    let mut spans = Vec::new();
    let header_rows = t
        .header
        .iter()
        .enumerate()
        .map(|(r, row)| {
            row.iter()
                .enumerate()
                .map(|(c, cell)| match cell {
                    Some(cell) => {
                        if (cell.row_span > 1 || cell.col_span > 1) && !cell.text.is_empty() {
                            spans.push([r, c, r + cell.row_span - 1, c + cell.col_span - 1]);
                        }
                        cell.text.clone()
                    }
                    None => String::new(),
                })
                .collect()
        })
        .collect();
    TruthTable {
        header_rows,
        rows: t
            .body
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect(),
        spans,
        values: t
            .body
            .iter()
            .map(|r| r.iter().map(|c| c.value.clone()).collect())
            .collect(),
        dims,
    }
}

/// Lines of text under the last table; returns the new y.
fn trailer(
    cv: &mut Canvas,
    rng: &mut Rng,
    pc: &PageChoice,
    kind: &str,
    x0: f64,
    x1: f64,
    mut y: f64,
) -> f64 {
    let (s, size, face) = (pc.script, pc.size, pc.face);
    let lh = size * 1.4;
    y += lh * rng.float(0.8, 2.0);
    match kind {
        "prose" => {
            let text = words::prose(rng, s);
            for (k, line) in draw::wrap(&text, face, size, x1 - x0 - 2.0 * size)
                .iter()
                .enumerate()
            {
                cv.text(
                    line,
                    x0 + if k == 0 { 2.0 * size } else { 0.0 },
                    y,
                    size,
                    false,
                );
                y += lh;
            }
        }
        "list" => {
            for (k, line) in words::list_lines(s).iter().enumerate() {
                cv.text(line, x0 + if k == 0 { 0.0 } else { size }, y, size, k == 0);
                y += lh;
            }
        }
        "notes" => {
            let text = words::note(rng, s);
            for line in draw::wrap(&text, face, size, x1 - x0) {
                cv.text(&line, x0, y, size, false);
                y += lh;
            }
        }
        "signature" => {
            let mid = (x0 + x1) / 2.0;
            for (l, r) in words::signature(s) {
                let (wl, wr) = (text_width(face, size, l), text_width(face, size, r));
                cv.text(l, (x0 + mid) / 2.0 - wl / 2.0, y, size, true);
                cv.text(r, (mid + x1) / 2.0 - wr / 2.0, y, size, true);
                y += lh * 1.5;
            }
        }
        _ => {}
    }
    y
}

/// Try to draw the page within `budget`: None when a table is too wide, else the drawing and
/// whether it fits the page's height.
fn attempt(
    rng: &mut Rng,
    pc: &PageChoice,
    budget: Budget,
) -> Option<(Vec<Canvas>, Vec<TruthTable>, bool)> {
    let mut cv = Canvas::new(pc.width, pc.height, pc.face, pc.script == Script::Cjk);
    let mut pages = Vec::new();
    let margin = rng.float(36.0, 64.0);
    let (xl, xr) = (margin, pc.width - margin);
    let mut y = rng.float(40.0, 70.0);
    let mut tables = Vec::new();
    if let Some((size, angle)) = pc.watermark {
        let mut words_rng = Rng::new(size.to_bits());
        cv.watermark(&words::watermark(&mut words_rng, pc.script), pc.width / 2.0, pc.height / 2.0, size, angle);
    }
    let per_table = Budget {
        rows: (budget.rows / pc.n_tables).max(2),
        ..budget
    };
    let side_by_side = pc.side_by_side.filter(|_| pc.n_tables == 2);
    let (top, mut bottom) = (y, y);
    for k in 0..pc.n_tables {
        let (family, mut st, has_title) = pc.tables[k];
        st.size = pc.size;
        let logical = content::build(rng, family, pc.script, &pc.ns, per_table);
        let w = draw::table_width(&logical, &st);
        // The table's share of the page: all of it, one half of a pair set side by side, or
        // its column of prose (under a paragraph or two).
        let (xl, xr) = match (side_by_side, pc.in_prose) {
            (Some((gap_em, _)), _) => {
                let half = (xr - xl - gap_em * pc.size) / 2.0;
                y = top;
                if k == 0 { (xl, xl + half) } else { (xr - half, xr) }
            }
            (None, Some((gap_em, left))) => {
                let half = (xr - xl - gap_em * pc.size) / 2.0;
                let column = if left { (xl, xl + half) } else { (xr - half, xr) };
                let above = rng.below(5) + 1;
                y = prose_lines(&mut cv, rng, pc, column.0, column.1, y, above) + pc.size * 0.6;
                column
            }
            (None, None) => (xl, xr),
        };
        if w > xr - xl {
            return None;
        }
        let x0 = if rng.chance(0.4) {
            xl + (xr - xl - w) / 2.0
        } else {
            xl
        };
        if has_title {
            let title = words::title(rng, pc.script, k);
            let tw = text_width(pc.face, pc.size + 1.0, &title);
            y += pc.size * 1.2;
            cv.text(&title, (xl + xr - tw) / 2.0, y, pc.size + 1.0, true);
            y += pc.size * 0.6;
        }
        if rng.chance(0.5) {
            let unit = words::unit_line(rng, pc.script);
            let uw = text_width(pc.face, pc.size, &unit);
            y += pc.size * 1.4;
            cv.text(&unit, x0 + w - uw, y, pc.size, false);
        }
        y += pc.size * rng.float(0.6, 1.5);
        // A table continued on the next page: the first rows here, the rest (under the
        // header again or not) at the top of the next page, in the same column widths.
        let split = pc.continued.filter(|_| pc.n_tables == 1 && logical.body.len() >= 4);
        let drawn = match split {
            None => draw::draw_table(&mut cv, &logical, &st, x0, y),
            Some((share, repeat)) => {
                let n = logical.body.len();
                let k = ((n as f64 * share).round() as usize).clamp(2, n - 2);
                let w = draw::widths(&logical, &st);
                let first = Logical { body: logical.body[..k].to_vec(), roles: logical.roles[..k].to_vec(), ..logical.clone() };
                let rest = Logical {
                    header: if repeat { logical.header.clone() } else { Vec::new() },
                    body: logical.body[k..].to_vec(),
                    roles: logical.roles[k..].to_vec(),
                    ..logical.clone()
                };
                let d1 = draw::draw_table_in(&mut cv, &first, &st, x0, y, &w);
                pages.push(std::mem::replace(&mut cv, Canvas::new(pc.width, pc.height, pc.face, pc.script == Script::Cjk)));
                let d2 = draw::draw_table_in(&mut cv, &rest, &st, x0, margin, &w);
                draw::Drawn { bbox: d2.bbox, max_lines: d1.max_lines.max(d2.max_lines), gapped: d1.gapped || d2.gapped }
            }
        };
        y = drawn.bbox[3];
        bottom = bottom.max(y);
        let followed = if k + 1 < pc.n_tables {
            "table"
        } else if pc.in_prose.is_some() {
            "prose"
        } else {
            pc.trailer
        };
        let mut dims = logical.dims.clone();
        dims.extend([
            ("rules", st.rules.name().to_string()),
            ("gutter", gutter_bucket(st.gutter_em).to_string()),
            ("label_wrap", drawn.max_lines.min(3).to_string()),
            (
                "num_line",
                if drawn.max_lines > 1 {
                    st.valign.name()
                } else {
                    "single"
                }
                .to_string(),
            ),
            ("title", if has_title { "yes" } else { "no" }.to_string()),
            ("leaders", if st.leaders { "dots" } else { "none" }.to_string()),
            ("group_gap", if drawn.gapped { "blank_line" } else { "none" }.to_string()),
            ("underlines", if st.underlines { "accounting" } else { "none" }.to_string()),
            ("followed_by", followed.to_string()),
            (
                "continued",
                match split {
                    None => "no",
                    Some((_, true)) => "repeat_header",
                    Some((_, false)) => "no_header",
                }
                .to_string(),
            ),
            (
                "arrangement",
                match (pc.n_tables, side_by_side) {
                    (1, _) if pc.in_prose.is_some() => "in_prose",
                    (1, _) => "one",
                    (_, None) => "stacked",
                    (_, Some((_, false))) => "side_by_side",
                    (_, Some((_, true))) => "side_by_side_alike",
                }
                .to_string(),
            ),
        ]);
        dims.extend(pc.dims.iter().cloned());
        tables.push(truth(&logical, dims));
        // A gazette page: prose goes on under the table in its column, and fills the other
        // column from the top down as far.
        if let Some((gap_em, left)) = pc.in_prose {
            let below = rng.below(5) + 2;
            y = prose_lines(&mut cv, rng, pc, xl, xr, y + pc.size * 0.4, below);
            let (pl, pr) = (margin, pc.width - margin);
            let half = (pr - pl - gap_em * pc.size) / 2.0;
            let (ox0, ox1) = if left { (pr - half, pr) } else { (pl, pl + half) };
            let lines = ((y - top) / (pc.size * 1.4)).ceil() as usize;
            prose_lines(&mut cv, rng, pc, ox0, ox1, top, lines);
        }
        if k + 1 < pc.n_tables && side_by_side.is_none() {
            y += pc.size * rng.float(1.5, 4.0);
        }
    }
    y = y.max(bottom);
    if pc.in_prose.is_none() {
        y = trailer(&mut cv, rng, pc, pc.trailer, xl, xr, y);
    }
    pages.push(cv);
    Some((pages, tables, y <= pc.height - 30.0))
}

/// The layout of `seed`.
pub fn generate(seed: u64, opts: GenOptions) -> Layout {
    let mut rng = Rng::new(seed);
    let mut pc = choose_page(&mut rng, opts);
    let mut budget = Budget {
        rows: 16,
        amount_cols: 5,
    };
    for round in 0.. {
        let mut arng = rng.fork();
        if let Some((pages, tables, fits)) = attempt(&mut arng, &pc, budget) {
            // A page that still overflows after many rounds is kept (text below the page
            // bottom is still text).
            if fits || round >= 30 {
                let mut pages = pages.into_iter().map(|mut cv| {
                    cv.rotated = pc.rotated;
                    cv
                });
                if let Some(canvas) = pages.next() {
                    return Layout { seed, canvas, next_page: pages.next(), tables };
                }
            }
        }
        budget = Budget {
            rows: (budget.rows * 3 / 4).max(2),
            amount_cols: if round % 2 == 1 {
                budget.amount_cols.saturating_sub(1).max(2)
            } else {
                budget.amount_cols
            },
        };
        // A table too wide for a column of prose after many rounds takes the page's width.
        if round >= 12 {
            pc.in_prose = None;
        }
        if round >= 6 && pc.n_tables > 1 {
            pc.n_tables -= 1;
            pc.tables.pop();
            if let Some(d) = pc.dims.iter_mut().find(|d| d.0 == "tables_per_page") {
                d.1 = pc.n_tables.to_string();
            }
        }
        if round >= 10 {
            pc.size = (pc.size - 0.5).max(6.0);
            let bucket = if pc.size < 9.5 {
                "8-9"
            } else if pc.size < 11.0 {
                "9.5-10.5"
            } else {
                "11-12"
            };
            if let Some(d) = pc.dims.iter_mut().find(|d| d.0 == "size") {
                d.1 = if pc.size < 8.0 { "6-7.5" } else { bucket }.to_string();
            }
        }
    }
    unreachable!("the loop only ends by returning")
}
