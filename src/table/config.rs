//! Every tunable of the table stage, with its default and what it means.
//!
//! The flat fields of [`TableConfig`] are the long-standing ones (library callers set them by
//! name); the thresholds of each part of the stage sit in one sub-struct per part
//! ([`StreamConfig`], [`LatticeConfig`], [`GridConfig`], [`PageConfig`], [`SideBySideConfig`], [`AssembleConfig`],
//! [`HeaderConfig`], [`HierarchyConfig`]). Distances are in points or in multiples of the font
//! size (or line height), as each field says.

/// Table-stage tunables. Distances are in points or in multiples of the font size.
#[derive(Debug, Clone)]
pub struct TableConfig {
    /// Snapping tolerance for ruling positions and intersections (points).
    pub ruling_tolerance: f64,
    /// Words further apart than this many font sizes start a new chunk (cell) in a line.
    pub column_gap: f64,
    /// The same, between two numbers (numbers in adjacent columns can sit closer together).
    pub number_gap: f64,
    /// Narrowest whitespace gap (points) that separates two stream columns.
    pub min_gap_width: f64,
    /// Share of a block's multi-chunk lines allowed to cross a column gap (spanning headers).
    pub gap_crossing_share: f64,
    /// Fewest multi-chunk lines that make a stream table.
    pub min_stream_rows: usize,
    /// Fewest lines of several cells inside one column of a ruled grid (most of its lines, or
    /// lines with values beside text) that show the columns its rules lack. Fewer than an
    /// unruled table needs: the grid already says it is a table, and a box of two rows (the
    /// first page of a table continued) shows its gutters in both.
    pub min_grid_column_lines: usize,
    /// Most consecutive single-chunk lines inside a stream table.
    pub max_single_lines: usize,
    /// Largest vertical gap between lines of one stream table, in font sizes.
    pub max_row_gap: f64,
    /// The same, between a block of captions (no values yet) and the lines below it.
    pub max_header_gap: f64,
    /// Average words per chunk above which a block is prose, not a table.
    pub max_words_per_chunk: f64,
    /// Share of chunks starting in lowercase above which a block with few numbers is running
    /// text in columns, not a table.
    pub max_lowercase_share: f64,
    /// A wrapped line joins its row when the gap is at most this many line heights.
    pub wrap_gap: f64,
    /// How many lines above a table are searched for its title and unit.
    pub context_lines: usize,
    /// Least share of filled cells in a stream table (chart axes and labels are sparser).
    pub min_stream_fill: f64,
    /// Largest gap (points) between a figure caption and a block that belongs to the figure.
    pub caption_distance: f64,
    /// Slack (points) when comparing the positions of lines, rules and table edges: a line
    /// "above" a table may end up to this much below its top edge, two rules closer than this
    /// are one. One point absorbs rounding in the PDF's coordinates (a rule drawn at a line's
    /// edge) without joining things a reader sees apart.
    pub position_slack: f64,
    /// Unruled tables: chunking, columns, blocks, rule bands and the prose gate.
    pub stream: StreamConfig,
    /// Ruled tables: text placed into grid cells.
    pub lattice: LatticeConfig,
    /// Ruling grids: which rulings form a grid and where cells merge.
    pub grid: GridConfig,
    /// One page: which tables are kept and which text moves into their context.
    pub page: PageConfig,
    /// Tables set side by side: where a band of lines is cut into two blocks.
    pub side_by_side: SideBySideConfig,
    /// Across pages: page furniture and table continuation.
    pub assemble: AssembleConfig,
    /// Header rows.
    pub header: HeaderConfig,
    /// Row hierarchy from code columns and numbering.
    pub hierarchy: HierarchyConfig,
}

impl Default for TableConfig {
    fn default() -> Self {
        TableConfig {
            ruling_tolerance: 2.0,
            column_gap: 0.9,
            number_gap: 0.5,
            min_gap_width: 2.0,
            gap_crossing_share: 0.1,
            min_stream_rows: 3,
            min_grid_column_lines: 2,
            max_single_lines: 3,
            max_row_gap: 2.5,
            max_header_gap: 4.0,
            max_words_per_chunk: 7.0,
            max_lowercase_share: 0.3,
            wrap_gap: 0.6,
            context_lines: 4,
            min_stream_fill: 0.5,
            caption_distance: 100.0,
            position_slack: 1.0,
            stream: StreamConfig::default(),
            lattice: LatticeConfig::default(),
            grid: GridConfig::default(),
            page: PageConfig::default(),
            side_by_side: SideBySideConfig::default(),
            assemble: AssembleConfig::default(),
            header: HeaderConfig::default(),
            hierarchy: HierarchyConfig::default(),
        }
    }
}

/// Thresholds of unruled (stream) tables.
#[derive(Debug, Clone)]
pub struct StreamConfig {
    /// Two values each carrying its own separator ("3,068,550 3,103,540") are two chunks when
    /// further apart than this many font sizes: tighter than `number_gap`, because such
    /// numbers are known to be two values however closely set (3 pt between amounts set at
    /// 8 pt); 0.15 of the size is wider than the spacing inside a number, narrower than a space.
    pub separated_values_gap: f64,
    /// A word gap is cut at a column boundary only when wider than this many font sizes (the
    /// gap between letters of one word, a hairline, is never cut).
    pub min_cut_gap: f64,
    /// A chunk lies in a column when the overlap is at least this share of the chunk…
    pub chunk_column_share: f64,
    /// …or at least this share of the column, so a caption that only grazes a boundary stays
    /// in one column. A short rule under a header caption covers the columns it runs along
    /// for more than this share of their width (`caption_rules`).
    pub column_chunk_share: f64,
    /// A column is kept only when the centres of chunks fall in it on at least this many lines
    /// (a header word sticking out beside its column would make a sliver column otherwise).
    pub min_column_support: usize,
    /// Lines filling at least this share of the columns are body-like: only they measure a
    /// column's content range (captions would blur the ranges). "Most columns": a body line
    /// may leave a few cells blank, a caption line fills few.
    pub body_line_fill: f64,
    /// A chunk crossing a column boundary covers a column when it overlaps more than this
    /// share of that column's content range. A caption wider than its right-aligned numbers
    /// pokes a little into the next column's gap; a fifth of the range is more than such a poke.
    pub content_overlap_share: f64,
    /// A caption inside one column spans it and a neighbour when its centre lies within this
    /// many font sizes of the middle of the two columns (their content ranges or their
    /// boundaries): a caption centred over two sub-columns. A third of a size allows for
    /// rounding in the layout; a caption centred in its own column is set half a column width
    /// away from the pair's middle.
    pub centred_caption_slack: f64,
    /// …and when it sits this many times nearer the pair's middle than its own column's middle
    /// (twice: a caption between the two clearly favours the pair).
    pub centred_caption_ratio: f64,
    /// A band between rules whose first column starts a row on at least this many lines is a
    /// block of rows, not one wrapped row.
    pub min_row_starts_per_band: usize,
    /// A band (between rules, or a ruled grid row) holds several rows when some column has
    /// values on at least this many of its lines.
    pub min_value_lines_per_band: usize,
    /// Chunks of at most this many words are captions when growing a block: a block of
    /// captions alone may sit a little further above its body (`max_header_gap`). Column
    /// captions are a few words; a sentence is longer.
    pub max_caption_words: usize,
    /// A header line above a block joins it when a rule lies within this many of its line
    /// heights above it (a ruled header whose first line has one caption only). Two heights: the
    /// rule frames the header's top with some padding, not a line further up.
    pub rule_above_heights: f64,
    /// A "Table N" caption this many lines above or below a block's first line names it (the
    /// line just above, or two when a heading or the caption's own wrapped line sits between).
    pub caption_search_lines: usize,
    /// … when it lies within this many of its font sizes above the block (a caption is set
    /// close to its table; a paragraph gap is one to two sizes, a section break more).
    pub caption_gap_sizes: f64,
    /// A caption line within this many lines at the top of a block is the table's title, not
    /// a row (a running page header may sit above it).
    pub title_search_lines: usize,
    /// A column at a table's edge is running text only when it has at least this many filled
    /// cells (fewer are no evidence of the other text column of the page; a side column of running text has about six).
    pub min_running_text_cells: usize,
    /// A column at a table's edge is running text only when its cells starting in lowercase
    /// outnumber those starting with a capital more than this many times (a label column whose
    /// labels wrap over three lines starts one line in three with a capital).
    pub lowercase_per_capital: usize,
    /// A line with at least this many chunks is a wide line (evidence of a table: a label and
    /// one value is also how letterheads and signature blocks are set).
    pub wide_line_chunks: usize,
    /// A block with fewer wide lines than this and few numbers is a letterhead or signature
    /// block, not a table (one wide line can be a heading set in columns).
    pub min_wide_lines: usize,
    /// A block whose share of numeric chunks is below this has few numbers (then lowercase
    /// starts or few wide lines make it prose). Budget tables have a number in most value
    /// columns; two-column prose has almost none.
    pub few_numbers_share: f64,
    /// A horizontal rule separates rows only when it spans at least this share of the block's
    /// width, nearly all of it: shorter rules underline single cells (amounts over a total) or
    /// a caption over some of the columns (booktabs' `\cmidrule`, which then spans the caption:
    /// `caption_rules`). Half the width, as before, let a rule under a caption over three of
    /// five columns cut the header into bands (3 generator seeds: 231 tables better, 9 worse).
    pub separator_share: f64,
    /// Lines of one wrapped cell sit closer than two rows: a baseline pitch counts as within
    /// a row when it is below the smallest pitch between two value lines (two rows) by more
    /// than this many font sizes. Rows add cell padding to the leading; a twentieth of the size
    /// is above the rounding of baselines and below the thinnest padding (a tenth of the size
    /// over a row, top and bottom).
    pub wrap_pitch_slack: f64,
    /// A section heading without case ("一、社会保障和就业支出": Chinese has no case to tell a
    /// heading from the label below it) is a row of its own when the line below it sits more
    /// than this many font sizes further down: a wrapped label's next line sits at the leading
    /// (about 1.2 sizes), a heading over its group's first row a row apart.
    pub heading_row_pitch: f64,
    /// Lines without values after a table's last value line are below the table (notes, a
    /// signature block, the next table's captions) when their baseline sits further below it
    /// than two neighbouring value lines sit apart by more than this many font sizes. A third
    /// of the size is more than the spread of row pitches in one table and less than the space
    /// a paragraph or block break adds.
    pub table_end_slack: f64,
    /// A block goes on across a gap when the next line's baseline sits at most this many of
    /// the block's row pitches below its last line (plus `table_end_slack`): a row and one
    /// blank row, as tables leave between groups of rows. Two blank rows set a table apart.
    pub blank_row_pitches: f64,
    /// A column is an amount column when at least this share of its filled body cells (first
    /// to last value line) are values; a line after the body that puts text into one is below
    /// the table (`stream_tail`). Budget amount columns hold only amounts and dashes; a fifth
    /// of text is a mixed column (targets, remarks), where text may continue.
    pub amount_column_share: f64,
    /// A value of at most this many digits may be a column number ("A B 1 2" under the
    /// captions): such lines do not show where a column's values sit. Tables have a few dozen
    /// columns at most.
    pub column_number_digits: usize,
    /// Widest gap, in font sizes, between a bare digit group and a following three-digit group
    /// that still reads as one space-grouped number ("1 234 567"). Space, no-break space and
    /// thin space are 0.17–0.28 of the size in common faces; column gutters narrower than 0.3
    /// are not told apart from a group space.
    pub group_space_gap: f64,
    /// Between two words of text on one line, a gap wider than this many times the line's
    /// narrowest word space is a candidate cell edge (two text columns set a small gutter
    /// apart: `Satisfaction  Quality  Deliver the …`). It only becomes a column where the
    /// block's lines agree. A space is 0.25–0.28 em in common faces and gutters start at a
    /// third of an em; 1.3 lies above the spread of ordinary spaces on a line (kerning,
    /// rounding) and at or below the narrowest gutters.
    pub text_edge_space_ratio: f64,
    /// …or wider than this many times it when the second word starts at a left text edge of
    /// the block (words starting at one x on several lines: a left-aligned text column). A
    /// gutter of a third of an em is 1.2–1.3 spaces; 1.1 lies above the spread of ordinary
    /// spaces in one face.
    pub edge_space_ratio: f64,
    /// Word starts within this many points share a left text edge: left-aligned cells start
    /// at one x, to rounding in the PDF's coordinates.
    pub edge_tolerance: f64,
    /// A left text edge needs words starting there on at least this many lines: a column's
    /// cells and wrapped lines; two lines of a paragraph can share a word start by chance.
    pub min_edge_lines: usize,
    /// A bare integer of at most this many digits, set between two words of text at ordinary
    /// word spaces, is a word of that text (a year, an article or phase number), not a value
    /// beside it. Four digits take years; amounts in budget tables are longer or grouped.
    pub text_integer_digits: usize,
    /// A narrow gutter (a line of one chunk split at its cell edges) must show on lines within
    /// this many lines above or below: the value lines of a table whose rows wrap over three
    /// lines are three lines apart, so six reaches two other rows.
    pub gutter_window: usize,
    /// A word after a table's last value line crosses a gutter of the body when it covers more
    /// than this share of it: a signature or note runs across the gutter; a wrapped word of the
    /// last row pokes at most a little past its column's other lines.
    pub gutter_cross_share: f64,
}

impl StreamConfig {
    /// A horizontal rule of `length` (along the block) separates rows of a block `width` wide:
    /// it spans at least [`StreamConfig::separator_share`] of it.
    pub fn separates_rows(&self, length: f64, width: f64) -> bool {
        length >= self.separator_share * width
    }
}

impl Default for StreamConfig {
    fn default() -> Self {
        StreamConfig {
            separated_values_gap: 0.15,
            min_cut_gap: 0.1,
            chunk_column_share: 0.25,
            column_chunk_share: 0.5,
            min_column_support: 2,
            body_line_fill: 0.6,
            content_overlap_share: 0.2,
            centred_caption_slack: 0.3,
            centred_caption_ratio: 2.0,
            min_row_starts_per_band: 3,
            min_value_lines_per_band: 2,
            max_caption_words: 6,
            rule_above_heights: 2.0,
            caption_search_lines: 2,
            caption_gap_sizes: 4.0,
            title_search_lines: 4,
            min_running_text_cells: 5,
            lowercase_per_capital: 2,
            wide_line_chunks: 3,
            min_wide_lines: 2,
            few_numbers_share: 0.3,
            separator_share: 0.9,
            wrap_pitch_slack: 0.05,
            heading_row_pitch: 1.5,
            table_end_slack: 0.3,
            blank_row_pitches: 2.0,
            amount_column_share: 0.8,
            column_number_digits: 2,
            group_space_gap: 0.3,
            text_edge_space_ratio: 1.3,
            edge_space_ratio: 1.1,
            edge_tolerance: 0.3,
            min_edge_lines: 3,
            text_integer_digits: 4,
            gutter_window: 6,
            gutter_cross_share: 0.5,
        }
    }
}

/// Thresholds of ruled (lattice) tables.
#[derive(Debug, Clone)]
pub struct LatticeConfig {
    /// A text column boundary found inside a grid column is dropped when it lies within this
    /// many `min_gap_width`s of one already found (one gap seen on several lines).
    pub duplicate_bound_gaps: f64,
    /// A chunk's edges are moved this many points inwards before its grid column is looked up,
    /// so a chunk that touches a vertical rule is not placed in the neighbouring column.
    pub edge_inset: f64,
    /// A line of a tall cell lies inside one grid row when it crosses the row's edges by at
    /// most this share of its height (descenders and tight rows; a wrapped paragraph's lines
    /// straddle row edges by far more).
    pub row_overlap_share: f64,
    /// A tall cell is split into rows only when at least this many rows get text (two lines
    /// may be one wrapped label, program tables have labels on three or more rows).
    pub min_split_rows: usize,
    /// In a header cell of several levels, a caption stands over a run of captions below it
    /// when its centre lies within this share of the run's width of the run's middle (a
    /// caption centred over two or three sub-columns whose ink covers only one of them).
    pub centred_caption_share: f64,
    /// In a header cell of several levels, a text line whose baseline lies less than this
    /// many font sizes below the line before it, with captions in other columns, is part of
    /// that line (a one-line caption set between the lines of a wrapped neighbour).
    pub staggered_line_share: f64,
}

impl Default for LatticeConfig {
    fn default() -> Self {
        LatticeConfig { duplicate_bound_gaps: 2.0, edge_inset: 0.5, row_overlap_share: 0.15, min_split_rows: 3, centred_caption_share: 0.15, staggered_line_share: 0.75 }
    }
}

/// Thresholds of ruling grids.
#[derive(Debug, Clone, Copy)]
pub struct GridConfig {
    /// Rulings shorter than this (points) are dots, tick marks or glyph parts, not rules.
    pub min_ruling_length: f64,
    /// Fewer rulings than this on a page make no grid (quick rejection: a box around a word or
    /// a rule above and below a line is no table).
    pub min_rulings: usize,
    /// Largest distance (points) between the two lines of a double rule.
    pub double_rule_gap: f64,
    /// Two parallel rules form a double rule when they overlap along at least this share of
    /// the shorter one.
    pub double_rule_overlap: f64,
    /// Narrowest grid (points); narrower ones are underlines or boxes around a word.
    pub min_grid_width: f64,
    /// Lowest grid (points).
    pub min_grid_height: f64,
    /// Most grid positions (rows × columns); more is a hatching or a chart, and too costly.
    pub max_grid_positions: usize,
    /// Two neighbouring positions are one cell when rulings cover less than this share of
    /// their shared edge.
    pub edge_coverage: f64,
}

impl Default for GridConfig {
    fn default() -> Self {
        GridConfig {
            min_ruling_length: 3.0,
            min_rulings: 4,
            double_rule_gap: 4.0,
            double_rule_overlap: 0.8,
            min_grid_width: 10.0,
            min_grid_height: 5.0,
            max_grid_positions: 250_000,
            edge_coverage: 0.5,
        }
    }
}

/// Thresholds of one page's tables and their context.
#[derive(Debug, Clone)]
pub struct PageConfig {
    /// A line belongs to a table (and is not context) when more than this share of its height
    /// overlaps the table.
    pub line_in_table_share: f64,
    /// A framed first row naming a table is its title only when the table has at least this
    /// many rows: after it moves out, a header and two body rows remain.
    pub min_rows_for_title: usize,
    /// Framed note rows at the bottom move out only while the table has at least this many
    /// rows, so that a header and a body row remain.
    pub min_rows_for_notes: usize,
    /// A cell names its row when it holds at least this many letters (one letter is a marker
    /// or a unit such as "B", not a name).
    pub min_label_letters: usize,
    /// A column is a label column when it names at least this percentage of the rows (a
    /// sparse budget table still names nearly every row; a chart's labels name few).
    pub label_column_percent: usize,
    /// A figure caption may sit beside a chart: lines within this share of the table's width
    /// to either side count.
    pub caption_margin_share: f64,
    /// Lines of a wrapped figure caption followed upwards from a line near the table (a
    /// caption wraps over two or three lines; a longer paragraph is text, not a caption).
    pub caption_lines: usize,
    /// Slack (points) when following a caption paragraph upwards: the line above may overlap
    /// this one by half a point (tight leading).
    pub caption_line_slack: f64,
    /// Two lines are one paragraph when the gap is at most this many line heights (the same
    /// measure as `wrap_gap`: ordinary leading is well below, a paragraph break above).
    pub caption_line_gap: f64,
    /// Row labels set outside a ruled grid, left of its first vertical, belong to it when they
    /// end at most this many font sizes before the grid.
    pub outside_label_gap: f64,
}

impl PageConfig {
    /// Whether `named` of `rows` rows are enough for a label column (`label_column_percent`).
    pub fn names_label_column(&self, named: usize, rows: usize) -> bool {
        named * 100 >= rows * self.label_column_percent
    }
}

impl Default for PageConfig {
    fn default() -> Self {
        PageConfig {
            line_in_table_share: 0.5,
            min_rows_for_title: 4,
            min_rows_for_notes: 3,
            min_label_letters: 2,
            label_column_percent: 70,
            caption_margin_share: 0.25,
            caption_lines: 4,
            caption_line_slack: 0.5,
            caption_line_gap: 0.6,
            outside_label_gap: 3.0,
        }
    }
}

/// Thresholds of cutting a band of lines into two tables set side by side (`side_by_side`).
#[derive(Debug, Clone)]
pub struct SideBySideConfig {
    /// The white corridor between the blocks is at least this many font sizes wide (a third of
    /// an em is a table's narrowest gutter; blocks set side by side stand an em or more apart).
    pub min_gap: f64,
    /// Each side holds amounts on at least this many lines (two tables, not a table and a
    /// note beside it).
    pub min_value_lines: usize,
    /// At most this share of either side's amount lines has words on the other side (shares
    /// a baseline with it): one table's rows share baselines across every gutter, two tables'
    /// lines fall between each other's, but now and then meet by chance.
    pub max_aligned_share: f64,
    /// Two words share a baseline when their baselines differ by at most this share of the
    /// font size (cells of one row are set on one baseline; lines are joined more loosely).
    pub baseline_tolerance: f64,
    /// A region is cut at most this many times over (the halves of a band, and what is above
    /// and below it, are cut again).
    pub max_depth: usize,
    /// A band is also cut where one side is a column of prose (a gazette set in two columns,
    /// a table in one of them): at least this many of its lines of prose follow one another
    /// with no amount beside them on the other side (a table's labels wrap over three lines
    /// at most).
    pub min_prose_lines: usize,
    /// ... and the other side holds at least this many rows ending with an amount (a column of
    /// prose says the band holds two blocks: a total and one row are enough for the table).
    pub min_rows_beside_prose: usize,
    /// ... and its lines of prose are at least this share of that side's lines.
    pub prose_line_share: f64,
    /// A line of prose holds at least this many words with letters (CJK characters, set
    /// without spaces, counted [`SideBySideConfig::prose_cjk_per_word`] to a word). A column
    /// of prose runs 6–12 words a line (6–8 in a narrow gazette column); the wrapped text of a
    /// remarks column, which must also fill its side and run three lines with no amount beside
    /// them, seldom holds more than 5.
    pub prose_words: usize,
    /// CJK characters per word of prose (a Chinese word is one to three characters; a column
    /// of Chinese prose runs 20–30 characters a line).
    pub prose_cjk_per_word: usize,
    /// No two words of a line of prose stand further apart than this many font sizes (its
    /// spaces, stretched to justify it, stay under one; a table's gutters open wider).
    pub prose_max_space: f64,
    /// A line of prose spans at least this share of its side's width (the last line of a
    /// paragraph aside).
    pub prose_fill: f64,
}

impl Default for SideBySideConfig {
    fn default() -> Self {
        SideBySideConfig {
            min_gap: 1.0,
            min_value_lines: 3,
            max_aligned_share: 0.7,
            baseline_tolerance: 0.05,
            max_depth: 3,
            min_prose_lines: 3,
            min_rows_beside_prose: 2,
            prose_line_share: 0.5,
            prose_words: 6,
            prose_cjk_per_word: 3,
            prose_max_space: 1.0,
            prose_fill: 0.85,
        }
    }
}

/// Thresholds of document assembly (page furniture, continuation).
#[derive(Debug, Clone, Copy)]
pub struct AssembleConfig {
    /// Baselines are compared in buckets of this many points (a running header may move a
    /// little from page to page; three points is a quarter line at 12 pt, less than any gap
    /// between two lines).
    pub baseline_bucket: f64,
    /// Top margin as a share of the page height (where bare page numbers sit): about the top
    /// 0.9 inch of a Letter or A4 page, above the text block.
    pub top_margin_share: f64,
    /// Start of the bottom margin as a share of the page height (the same margin at the foot).
    pub bottom_margin_share: f64,
    /// A bare page number has at most this many digits (documents of up to 9999 pages; longer
    /// numbers in a margin are amounts or codes).
    pub max_page_number_len: usize,
    /// Page width (points) assumed when a page's width is unknown (about a Letter or A4 page:
    /// 612 or 595 points).
    pub default_page_width: f64,
    /// Columns of two pages' tables align when their boundaries differ by at most this share
    /// of the page width (about 18 pt on a Letter page: stream columns are found from gaps and
    /// move with the widest text of each page).
    pub column_align_share: f64,
}

impl Default for AssembleConfig {
    fn default() -> Self {
        AssembleConfig {
            baseline_bucket: 3.0,
            top_margin_share: 0.08,
            bottom_margin_share: 0.92,
            max_page_number_len: 4,
            default_page_width: 600.0,
            column_align_share: 0.03,
        }
    }
}

/// Thresholds of header-row recognition.
#[derive(Debug, Clone, Copy)]
pub struct HeaderConfig {
    /// A column-number row ("(1) (2) (3)") ends the header when it is among this many first
    /// rows (under a header of up to seven caption lines; further down such a row is body).
    pub column_number_search_rows: usize,
    /// Most header rows (a deeper header is body rows without values: a block of text rows
    /// above the first number).
    pub max_header_rows: usize,
    /// A cell wider than this many Latin-letter widths is a paragraph: its row is a form row
    /// (about two lines of a table cell; column captions are shorter).
    pub paragraph_width: usize,
    /// A value cell spanning the rest of a row longer than this many characters makes a
    /// "key | value" form row (longer than a number or a one-word caption, as in 绩效目标表).
    pub form_value_chars: usize,
    /// A "key | value" form row has at least this many cells (the key and a value spanning
    /// two or more columns; a two-column row is an ordinary label and value).
    pub form_min_cells: usize,
    /// A number of at most this many digits alone on a header line, under a caption of one
    /// column ending in a letter, is that caption's last word wrapped ("Chỉ tiêu cấp" over
    /// "2"); longer numbers are years or amounts.
    pub caption_end_digits: usize,
}

impl Default for HeaderConfig {
    fn default() -> Self {
        HeaderConfig { column_number_search_rows: 8, max_header_rows: 6, paragraph_width: 120, form_value_chars: 12, form_min_cells: 3, caption_end_digits: 2 }
    }
}

/// Thresholds of the row hierarchy.
#[derive(Debug, Clone, Copy)]
pub struct HierarchyConfig {
    /// A classification-code column is one of this many first columns (a row number and a
    /// name may come before the code).
    pub code_columns: usize,
    /// Fewest codes that make a code column (two codes of different lengths could be chance).
    pub min_codes: usize,
    /// Fewest numbers 1, 2, 3, … in the first column that make a plain row numbering (序号;
    /// as for codes, three in sequence are not chance).
    pub min_numbered_rows: usize,
    /// Shortest classification code (208: the 类 level of the Chinese budget classification;
    /// shorter numbers are row numbers).
    pub min_code_len: usize,
    /// Longest classification code (the deepest economic codes have about ten digits; longer
    /// digit strings are amounts).
    pub max_code_len: usize,
    /// A total label makes a total row when it is in one of this many first cells (marker,
    /// code, name: the label columns of the widest budget tables).
    pub total_label_cells: usize,
}

impl Default for HierarchyConfig {
    fn default() -> Self {
        HierarchyConfig { code_columns: 3, min_codes: 3, min_numbered_rows: 3, min_code_len: 3, max_code_len: 12, total_label_cells: 3 }
    }
}
