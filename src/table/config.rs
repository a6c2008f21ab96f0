//! Every tunable of the table stage, with its default and what it means.

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
            max_single_lines: 3,
            max_row_gap: 2.5,
            max_header_gap: 4.0,
            max_words_per_chunk: 7.0,
            max_lowercase_share: 0.3,
            wrap_gap: 0.6,
            context_lines: 4,
            min_stream_fill: 0.5,
            caption_distance: 100.0,
        }
    }
}
