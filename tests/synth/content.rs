//! The logical tables of the five families (what a table says, before it is drawn): header
//! grid with spans, body cells with their printed text and exact value, and totals that are
//! the sums of their children.

use super::numbers::{NegStyle, NumFormat, Printed, ZeroStyle, print};
use super::rng::Rng;
use super::words::{self, Script};

/// Table family (dimension `family`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Revenue/expenditure summary, one-sided or two-sided.
    Summary,
    /// Department budget: code column + name column + amounts.
    Department,
    /// Allocation annex: multi-level spanning headers over amount columns.
    Annex,
    /// Performance targets: long text cells, few numbers.
    Performance,
    /// Statistical table: regions × years, a change column in percent.
    Statistical,
}

impl Family {
    /// All families, for random choice.
    pub const ALL: [Family; 5] = [
        Family::Summary,
        Family::Department,
        Family::Annex,
        Family::Performance,
        Family::Statistical,
    ];

    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            Family::Summary => "summary",
            Family::Department => "department",
            Family::Annex => "annex",
            Family::Performance => "performance",
            Family::Statistical => "statistical",
        }
    }
}

/// What a column holds; decides alignment and wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// Row number (`1`, `I`): centred, never wraps.
    Index,
    /// Function code (`2080501`): left-aligned, never wraps.
    Code,
    /// Label or long text: left-aligned, wraps.
    Text,
    /// Amount: right-aligned.
    Amount,
    /// Percentage or target text (`96,8`, `≥95%`): right-aligned, never wraps.
    Percent,
}

/// One header cell (top-left of its span).
#[derive(Debug, Clone)]
pub struct HeaderCell {
    /// Its text ("" for a blank cell).
    pub text: String,
    /// Rows covered.
    pub row_span: usize,
    /// Columns covered.
    pub col_span: usize,
}

/// Role of a body row (drawn bold for totals and groups).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowRole {
    /// A total of everything.
    Total,
    /// A group row: the sum of its children, or a heading with no numbers.
    Group,
    /// A leaf row.
    Leaf,
}

/// A table's content.
#[derive(Debug, Clone)]
pub struct Logical {
    /// Column kinds.
    pub kinds: Vec<ColKind>,
    /// Header rows: `None` where a span covers the position.
    pub header: Vec<Vec<Option<HeaderCell>>>,
    /// Body rows: printed cells.
    pub body: Vec<Vec<Printed>>,
    /// Role of each body row.
    pub roles: Vec<RowRole>,
    /// Dimension values fixed by the content (family, header depth, …).
    pub dims: Vec<(&'static str, String)>,
}

/// Page-level number settings shared by the tables of a layout.
#[derive(Debug, Clone, Copy)]
pub struct NumStyle {
    /// Separators.
    pub format: NumFormat,
    /// Decimals printed (0 or 2).
    pub decimals: u32,
    /// Negatives, if the tables have any.
    pub neg: Option<NegStyle>,
    /// Zeros.
    pub zero: ZeroStyle,
}

/// Limits that shrink when a layout does not fit its page.
#[derive(Debug, Clone, Copy)]
pub struct Budget {
    /// Most leaf rows.
    pub rows: usize,
    /// Most amount columns.
    pub amount_cols: usize,
}

fn text(s: impl Into<String>) -> Printed {
    Printed {
        text: s.into(),
        value: None,
    }
}

/// Random leaf amounts for `n` columns: sized so the largest prints with two groups (or a
/// decimal part), some zero, some negative when the style has negatives.
fn leaf_values(rng: &mut Rng, n: usize, ns: &NumStyle, exp: u32) -> Vec<i128> {
    // One column always has a number: a row of zeros only is not a leaf anyone prints.
    let keep = rng.below(n.max(1));
    (0..n)
        .map(|c| {
            if c != keep && rng.chance(0.15) {
                return 0;
            }
            let hi = 10i128.pow(exp);
            let v = (rng.float(0.1, 1.0) * hi as f64) as i128;
            // Round to thousands in integer formats half the time (budgets often do).
            let v = if ns.decimals == 0 && rng.chance(0.5) {
                (v / 1000) * 1000
            } else {
                v
            };
            if ns.neg.is_some() && rng.chance(0.25) {
                -v
            } else {
                v
            }
        })
        .collect()
}

fn print_row(vals: &[i128], ns: &NumStyle) -> Vec<Printed> {
    vals.iter()
        .map(|&v| {
            print(
                v,
                ns.decimals,
                &ns.format,
                ns.neg.unwrap_or(NegStyle::Minus),
                ns.zero,
            )
        })
        .collect()
}

fn sum_rows(rows: &[Vec<i128>]) -> Vec<i128> {
    let n = rows.first().map_or(0, |r| r.len());
    (0..n).map(|c| rows.iter().map(|r| r[c]).sum()).collect()
}

/// Amount rows with a first "total" column equal to the sum of the others when `formula`.
fn with_formula(mut v: Vec<i128>, formula: bool) -> Vec<i128> {
    if formula && v.len() >= 3 {
        v[0] = v[1..].iter().sum();
    }
    v
}

/// Column-number row: `栏次 | | 1 | 2 | 3` or `A | B | 1=2+3 | 2 | 3`.
fn colnum_row(
    rng: &mut Rng,
    kinds: &[ColKind],
    formula: bool,
    script: Script,
) -> (Vec<Option<HeaderCell>>, &'static str) {
    let n_amount = kinds
        .iter()
        .filter(|k| matches!(k, ColKind::Amount | ColKind::Percent))
        .count();
    let style_formula = formula && n_amount >= 3 && rng.chance(0.5);
    let mut letter = b'A';
    let mut num = 0;
    let first_label = if script == Script::Cjk && rng.chance(0.5) {
        Some("栏次")
    } else {
        None
    };
    let cells = kinds
        .iter()
        .enumerate()
        .map(|(c, k)| {
            let t = match k {
                ColKind::Amount | ColKind::Percent => {
                    num += 1;
                    if style_formula && num == 1 {
                        let rest: Vec<String> = (2..=n_amount).map(|i| format!("({i})")).collect();
                        format!("(1)={}", rest.join("+"))
                    } else if style_formula {
                        format!("({num})")
                    } else {
                        num.to_string()
                    }
                }
                _ => match (c, first_label) {
                    (0, Some(l)) => l.to_string(),
                    (_, Some(_)) => String::new(),
                    _ => {
                        let s = (letter as char).to_string();
                        letter += 1;
                        s
                    }
                },
            };
            Some(HeaderCell {
                text: t,
                row_span: 1,
                col_span: 1,
            })
        })
        .collect();
    (cells, if style_formula { "formula" } else { "numbers" })
}

/// Header rows from leading single columns (spanning all header rows) and a tree of amount
/// headers: `(text, children)`, a leaf has no children.
#[derive(Debug, Clone)]
struct HNode(String, Vec<HNode>);

fn leaves(n: &HNode) -> usize {
    if n.1.is_empty() {
        1
    } else {
        n.1.iter().map(leaves).sum()
    }
}

fn depth(n: &HNode) -> usize {
    1 + n.1.iter().map(depth).max().unwrap_or(0)
}

fn header_grid(singles: &[String], tree: &[HNode]) -> Vec<Vec<Option<HeaderCell>>> {
    let d = tree.iter().map(depth).max().unwrap_or(1);
    let n_cols = singles.len() + tree.iter().map(leaves).sum::<usize>();
    let mut grid: Vec<Vec<Option<HeaderCell>>> = vec![vec![None; n_cols]; d];
    for (c, s) in singles.iter().enumerate() {
        grid[0][c] = Some(HeaderCell {
            text: s.clone(),
            row_span: d,
            col_span: 1,
        });
    }
    fn place(
        grid: &mut [Vec<Option<HeaderCell>>],
        n: &HNode,
        row: usize,
        col: usize,
        d: usize,
    ) -> usize {
        let w = leaves(n);
        let rs = if n.1.is_empty() { d - row } else { 1 };
        grid[row][col] = Some(HeaderCell {
            text: n.0.clone(),
            row_span: rs,
            col_span: w,
        });
        let mut c = col;
        for ch in &n.1 {
            c += place(grid, ch, row + 1, c, d);
        }
        w
    }
    let mut c = singles.len();
    for n in tree {
        c += place(&mut grid, n, 0, c, d);
    }
    grid
}

fn distinct_amount_headers(rng: &mut Rng, s: Script, n: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut tries = 0;
    while out.len() < n {
        let h = words::amount_header(rng, s);
        tries += 1;
        if !out.contains(&h) || tries > 50 {
            out.push(if out.contains(&h) {
                format!("{h} {}", out.len() + 1)
            } else {
                h
            });
        }
    }
    out
}

/// Build one table of `family`.
pub fn build(
    rng: &mut Rng,
    family: Family,
    script: Script,
    ns: &NumStyle,
    budget: Budget,
) -> Logical {
    let mut dims = vec![("family", family.name().to_string())];
    // Integer amounts of at least a million (two group separators: the format shows), amounts
    // with decimals from 10.00 up.
    let exp = if ns.decimals == 0 {
        rng.range(7, 10) as u32
    } else {
        rng.range(4, 8) as u32
    };
    let mut t = match family {
        Family::Summary => summary(rng, script, ns, budget, exp, &mut dims),
        Family::Department => department(rng, script, ns, budget, exp, &mut dims),
        Family::Annex => annex(rng, script, ns, budget, exp, &mut dims),
        Family::Performance => performance(rng, script, budget, &mut dims),
        Family::Statistical => statistical(rng, script, ns, budget, &mut dims),
    };
    t.dims.splice(0..0, dims);
    let depth = t.header.len();
    t.dims.push(("header_rows", depth.to_string()));
    t
}

/// Body of grouped rows: total, groups (sum of children or heading only), leaves.
struct Grouped {
    rows: Vec<(RowRole, Vec<String>, Vec<i128>, bool)>,
}

fn grouped(
    rng: &mut Rng,
    n_amount: usize,
    ns: &NumStyle,
    budget: Budget,
    exp: u32,
    formula: bool,
    headings: bool,
    total_first: bool,
) -> Grouped {
    let n_groups = rng.range(1, 4);
    let per = (budget.rows / n_groups).max(1);
    let mut rows = Vec::new();
    let mut groups = Vec::new();
    for _ in 0..n_groups {
        let n_leaves = rng.range(1, per.clamp(1, 5));
        let leaves: Vec<Vec<i128>> = (0..n_leaves)
            .map(|_| with_formula(leaf_values(rng, n_amount, ns, exp), formula))
            .collect();
        groups.push(leaves);
    }
    let group_sums: Vec<Vec<i128>> = groups.iter().map(|g| sum_rows(g)).collect();
    let total = sum_rows(&group_sums);
    if total_first {
        rows.push((RowRole::Total, vec![], total.clone(), true));
    }
    for (k, g) in groups.into_iter().enumerate() {
        rows.push((
            RowRole::Group,
            vec![k.to_string()],
            group_sums[k].clone(),
            !headings,
        ));
        for (i, leaf) in g.into_iter().enumerate() {
            rows.push((
                RowRole::Leaf,
                vec![k.to_string(), i.to_string()],
                leaf,
                true,
            ));
        }
    }
    if !total_first {
        rows.push((RowRole::Total, vec![], total, true));
    }
    Grouped { rows }
}

fn summary(
    rng: &mut Rng,
    s: Script,
    ns: &NumStyle,
    budget: Budget,
    exp: u32,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    if rng.chance(0.3) {
        return two_sided(rng, s, ns, budget, exp, dims);
    }
    let n_amount = rng.range(1, budget.amount_cols.clamp(1, 4));
    let index = rng.chance(0.6);
    let remarks = rng.chance(0.3);
    let formula = n_amount >= 3 && rng.chance(0.7);
    let headings = rng.chance(0.3);
    dims.push((
        "col_order",
        if remarks { "remarks_last" } else { "standard" }.into(),
    ));
    dims.push((
        "group_rows",
        if headings { "headings" } else { "sums" }.into(),
    ));
    let total_first = rng.chance(0.7);
    let g = grouped(
        rng,
        n_amount,
        ns,
        budget,
        exp,
        formula,
        headings,
        total_first,
    );
    let (rh, rt) = words::remarks(rng, s);
    let mut kinds = Vec::new();
    let mut singles = Vec::new();
    if index {
        kinds.push(ColKind::Index);
        singles.push(words::index_header(s).to_string());
    }
    kinds.push(ColKind::Text);
    singles.push(words::label_header(rng, s));
    let amount_heads = distinct_amount_headers(rng, s, n_amount);
    let mut tree: Vec<HNode> = amount_heads
        .iter()
        .map(|h| HNode(h.clone(), vec![]))
        .collect();
    if n_amount >= 3 && rng.chance(0.5) {
        // First amount = total, the others under a spanning "of which".
        let rest = tree.split_off(1);
        tree.push(HNode(words::span_header(rng, s), rest));
    }
    kinds.extend(std::iter::repeat_n(ColKind::Amount, n_amount));
    if remarks {
        kinds.push(ColKind::Text);
        tree.push(HNode(rh, vec![]));
    }
    let mut header = header_grid(&singles, &tree);
    add_colnums(rng, &mut header, &kinds, formula, s, dims);
    let mut body = Vec::new();
    let mut roles = Vec::new();
    for (role, path, vals, show) in g.rows {
        let mut row = Vec::new();
        let (idx, label) = match role {
            RowRole::Total => (String::new(), words::total_label(rng, s)),
            RowRole::Group => {
                let (i, name) = words::group_label(rng, s, path[0].parse().unwrap_or(0));
                (i, name)
            }
            RowRole::Leaf => (
                (path[1].parse::<usize>().unwrap_or(0) + 1).to_string(),
                words::item_label_p(rng, s, 0.35),
            ),
        };
        if index {
            row.push(text(idx));
        }
        row.push(text(label));
        if show {
            row.extend(print_row(&vals, ns));
        } else {
            row.extend((0..n_amount).map(|_| text("")));
        }
        if remarks {
            row.push(text(if role == RowRole::Leaf && rng.chance(0.4) {
                rt.clone()
            } else {
                String::new()
            }));
        }
        body.push(row);
        roles.push(role);
    }
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}

fn add_colnums(
    rng: &mut Rng,
    header: &mut Vec<Vec<Option<HeaderCell>>>,
    kinds: &[ColKind],
    formula: bool,
    s: Script,
    dims: &mut Vec<(&'static str, String)>,
) {
    if rng.chance(0.35) {
        let (row, style) = colnum_row(rng, kinds, formula, s);
        header.push(row);
        dims.push(("colnums", style.into()));
    } else {
        dims.push(("colnums", "none".into()));
    }
}

fn two_sided(
    rng: &mut Rng,
    s: Script,
    ns: &NumStyle,
    budget: Budget,
    exp: u32,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    dims.push(("col_order", "two_sided".into()));
    dims.push(("group_rows", "none".into()));
    let n_left = rng.range(2, budget.rows.clamp(2, 8));
    let n_right = rng.range(2, budget.rows.clamp(2, 8));
    let left: Vec<i128> = (0..n_left)
        .map(|_| leaf_values(rng, 1, ns, exp)[0])
        .collect();
    let right: Vec<i128> = (0..n_right)
        .map(|_| leaf_values(rng, 1, ns, exp)[0])
        .collect();
    let kinds = vec![
        ColKind::Text,
        ColKind::Amount,
        ColKind::Text,
        ColKind::Amount,
    ];
    let (rev, exp_word, item, amt) = match s {
        Script::Cjk => ("收入", "支出", "项目", "预算数"),
        Script::Vi => ("Thu", "Chi", "Nội dung", "Dự toán"),
        Script::Latin => ("Revenue", "Expenditure", "Item", "Budget"),
    };
    let header = if rng.chance(0.5) {
        header_grid(
            &[],
            &[
                HNode(
                    rev.into(),
                    vec![HNode(item.into(), vec![]), HNode(amt.into(), vec![])],
                ),
                HNode(
                    exp_word.into(),
                    vec![HNode(item.into(), vec![]), HNode(amt.into(), vec![])],
                ),
            ],
        )
    } else {
        header_grid(
            &[
                format!("{rev} {item}"),
                amt.into(),
                format!("{exp_word} {item}"),
                amt.into(),
            ],
            &[],
        )
    };
    let p = |v: i128| {
        print(
            v,
            ns.decimals,
            &ns.format,
            ns.neg.unwrap_or(NegStyle::Minus),
            ns.zero,
        )
    };
    let mut body = Vec::new();
    let mut roles = Vec::new();
    for i in 0..n_left.max(n_right) {
        let l = if i < n_left {
            vec![text(words::item_label_p(rng, s, 0.25)), p(left[i])]
        } else {
            vec![text(""), text("")]
        };
        let r = if i < n_right {
            vec![text(words::item_label_p(rng, s, 0.25)), p(right[i])]
        } else {
            vec![text(""), text("")]
        };
        body.push([l, r].concat());
        roles.push(RowRole::Leaf);
    }
    let tl = words::total_label(rng, s);
    body.push(vec![
        text(tl.clone()),
        p(left.iter().sum()),
        text(tl),
        p(right.iter().sum()),
    ]);
    roles.push(RowRole::Total);
    dims.push(("colnums", "none".into()));
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}

fn department(
    rng: &mut Rng,
    s: Script,
    ns: &NumStyle,
    budget: Budget,
    exp: u32,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    let n_amount = rng.range(2, budget.amount_cols.clamp(2, 5));
    let formula = n_amount >= 3 || rng.chance(0.5);
    let remarks = rng.chance(0.2);
    dims.push((
        "col_order",
        if remarks {
            "code_name_remarks"
        } else {
            "code_name"
        }
        .into(),
    ));
    dims.push(("group_rows", "sums".into()));
    let g = grouped(
        rng,
        n_amount,
        ns,
        budget,
        exp,
        formula && n_amount >= 3,
        false,
        true,
    );
    let (ch, nh) = words::code_headers(s);
    let mut kinds = vec![ColKind::Code, ColKind::Text];
    kinds.extend(std::iter::repeat_n(ColKind::Amount, n_amount));
    let heads = distinct_amount_headers(rng, s, n_amount);
    let mut tree: Vec<HNode> = heads.iter().map(|h| HNode(h.clone(), vec![])).collect();
    if n_amount >= 3 && rng.chance(0.6) {
        let rest = tree.split_off(1);
        tree.push(HNode(words::span_header(rng, s), rest));
    }
    let (rh, rt) = words::remarks(rng, s);
    if remarks {
        kinds.push(ColKind::Text);
        tree.push(HNode(rh, vec![]));
    }
    let mut header = header_grid(&[ch.into(), nh.into()], &tree);
    add_colnums(rng, &mut header, &kinds, formula && n_amount >= 3, s, dims);
    let classes = ["201", "205", "208", "210", "212", "213", "221"];
    let mut body = Vec::new();
    let mut roles = Vec::new();
    let mut class = String::new();
    for (role, path, vals, _) in g.rows {
        let (code, name) = match role {
            RowRole::Total => (String::new(), words::total_label(rng, s)),
            RowRole::Group => {
                class = classes[path[0].parse::<usize>().unwrap_or(0) % classes.len()].to_string();
                (class.clone(), words::item_label(rng, s, false))
            }
            RowRole::Leaf => (
                format!(
                    "{class}{:02}{:02}",
                    rng.range(1, 9),
                    path[1].parse::<usize>().unwrap_or(0) + 1
                ),
                words::item_label_p(rng, s, 0.3),
            ),
        };
        let mut row = vec![text(code), text(name)];
        row.extend(print_row(&vals, ns));
        if remarks {
            row.push(text(if role == RowRole::Leaf && rng.chance(0.4) {
                rt.clone()
            } else {
                String::new()
            }));
        }
        body.push(row);
        roles.push(role);
    }
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}

fn annex(
    rng: &mut Rng,
    s: Script,
    ns: &NumStyle,
    budget: Budget,
    exp: u32,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    // Total | span { span { a, b }, span { c, d } } or Total | span { a, b, c }.
    let three = budget.amount_cols >= 5 && rng.chance(0.6);
    let n_leaf_amounts = if three { 4 } else { rng.range(2, 3) };
    let n_amount = n_leaf_amounts + 1;
    let heads = distinct_amount_headers(rng, s, n_leaf_amounts);
    let leaf = |h: &String| HNode(h.clone(), vec![]);
    let total_head = match s {
        Script::Cjk => "合计",
        Script::Vi => "Tổng số",
        Script::Latin => "Total",
    };
    let inner = if three {
        let (a, b) = (words::span_header(rng, s), words::span_header(rng, s));
        let b = if a == b { format!("{b} 2") } else { b };
        vec![
            HNode(a, heads[..2].iter().map(leaf).collect()),
            HNode(b, heads[2..].iter().map(leaf).collect()),
        ]
    } else {
        heads.iter().map(leaf).collect()
    };
    let tree = vec![
        HNode(total_head.into(), vec![]),
        HNode(words::span_header(rng, s), inner),
    ];
    let headings = rng.chance(0.3);
    dims.push(("col_order", "standard".into()));
    dims.push((
        "group_rows",
        if headings { "headings" } else { "sums" }.into(),
    ));
    let g = grouped(rng, n_amount, ns, budget, exp, true, headings, true);
    let mut kinds = vec![ColKind::Index, ColKind::Text];
    kinds.extend(std::iter::repeat_n(ColKind::Amount, n_amount));
    let mut header = header_grid(
        &[words::index_header(s).into(), words::label_header(rng, s)],
        &tree,
    );
    add_colnums(rng, &mut header, &kinds, true, s, dims);
    let mut body = Vec::new();
    let mut roles = Vec::new();
    for (role, path, vals, show) in g.rows {
        let (idx, label) = match role {
            RowRole::Total => (String::new(), words::total_label(rng, s)),
            RowRole::Group => words::group_label(rng, s, path[0].parse().unwrap_or(0)),
            RowRole::Leaf => (
                (path[1].parse::<usize>().unwrap_or(0) + 1).to_string(),
                words::item_label_p(rng, s, 0.4),
            ),
        };
        let mut row = vec![text(idx), text(label)];
        if show {
            row.extend(print_row(&vals, ns));
        } else {
            row.extend((0..n_amount).map(|_| text("")));
        }
        body.push(row);
        roles.push(role);
    }
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}

fn performance(
    rng: &mut Rng,
    s: Script,
    budget: Budget,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    dims.push(("col_order", "standard".into()));
    dims.push(("group_rows", "none".into()));
    dims.push(("colnums", "none".into()));
    let h = words::perf_headers(s);
    let kinds = vec![
        ColKind::Text,
        ColKind::Text,
        ColKind::Text,
        ColKind::Percent,
    ];
    let header = header_grid(&h.iter().map(|x| x.to_string()).collect::<Vec<_>>(), &[]);
    let n = rng.range(3, budget.rows.clamp(3, 8));
    let mut body = Vec::new();
    let mut last_l1 = String::new();
    for _ in 0..n {
        let (l1, l2, l3, v) = words::perf_row(rng, s);
        // The level-1 indicator is printed once for its group of rows.
        let l1 = if l1 == last_l1 {
            String::new()
        } else {
            last_l1 = l1.clone();
            l1
        };
        body.push(vec![text(l1), text(l2), text(l3), text(v)]);
    }
    let roles = vec![RowRole::Leaf; body.len()];
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}

fn statistical(
    rng: &mut Rng,
    s: Script,
    ns: &NumStyle,
    budget: Budget,
    dims: &mut Vec<(&'static str, String)>,
) -> Logical {
    dims.push(("col_order", "standard".into()));
    dims.push(("group_rows", "none".into()));
    let n_years = rng.range(2, budget.amount_cols.clamp(2, 6));
    let first_year = rng.range(2015, 2020);
    let (year_word, change_word, all_word) = words::stat_words(s);
    let years: Vec<String> = (0..n_years).map(|k| (first_year + k).to_string()).collect();
    let label_head = words::label_header(rng, s);
    let tree: Vec<HNode> = if rng.chance(0.5) {
        vec![
            HNode(
                year_word.into(),
                years.iter().map(|y| HNode(y.clone(), vec![])).collect(),
            ),
            HNode(change_word.into(), vec![]),
        ]
    } else {
        years
            .iter()
            .map(|y| HNode(y.clone(), vec![]))
            .chain([HNode(change_word.into(), vec![])])
            .collect()
    };
    let mut kinds = vec![ColKind::Text];
    kinds.extend(std::iter::repeat_n(ColKind::Amount, n_years));
    kinds.push(ColKind::Percent);
    let mut header = header_grid(&[label_head], &tree);
    add_colnums(rng, &mut header, &kinds, false, s, dims);
    let exp = if ns.decimals == 0 {
        rng.range(7, 9) as u32
    } else {
        rng.range(4, 7) as u32
    };
    let n = rng.range(3, budget.rows.clamp(3, 10));
    let mut names: Vec<String> = Vec::new();
    while names.len() < n {
        let r = words::region(rng, s);
        if !names.contains(&r) {
            names.push(r);
        } else if names.len() >= 6 {
            break;
        }
    }
    let vals: Vec<Vec<i128>> = names
        .iter()
        .map(|_| {
            let base = (rng.float(0.1, 1.0) * 10f64.powi(exp as i32)) as i128;
            (0..n_years)
                .map(|_| (base as f64 * rng.float(0.85, 1.2)) as i128)
                .collect()
        })
        .collect();
    let total = sum_rows(&vals);
    let pct_zero = ZeroStyle::Digit;
    let change = |v: &[i128]| -> Printed {
        let (a, b) = (v[v.len() - 2] as f64, v[v.len() - 1] as f64);
        let tenths = if a != 0.0 {
            ((b / a - 1.0) * 1000.0).round() as i128
        } else {
            0
        };
        print(
            tenths,
            1,
            &NumFormat {
                group: None,
                ..ns.format
            },
            ns.neg.unwrap_or(NegStyle::Minus),
            pct_zero,
        )
    };
    let mut body = vec![];
    let mut roles = vec![];
    let mut push = |label: String, v: &[i128], role: RowRole| {
        let mut row = vec![text(label)];
        row.extend(print_row(v, ns));
        row.push(change(v));
        body.push(row);
        roles.push(role);
    };
    push(all_word.to_string(), &total, RowRole::Total);
    for (name, v) in names.iter().zip(&vals) {
        push(name.clone(), v, RowRole::Leaf);
    }
    Logical {
        kinds,
        header,
        body,
        roles,
        dims: vec![],
    }
}
