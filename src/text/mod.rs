//! Text stage below `layout`, `table` and `number`: the one vocabulary of what a token or a
//! cell's text is. It imports nothing from the other stages; they ask it.
//!
//! - [`fold_cell_text`] (`fold`): full-width forms, Unicode spaces, dashes and apostrophes
//!   folded to ASCII before anything is recognised;
//! - `numeral` and `affix`: a run of digits and separators read with a given decimal separator
//!   (valid digit groups), and the sign, parentheses, currency marks, `%` and unit text around
//!   it — the lexical half of reading a number, whose format the number stage decides;
//! - [`classify_shape`] (`shape`): numeric-looking cells that are not amounts, by shape alone
//!   ([`NonValueKind`]: comparators, dates, years, document numbers, codes, ordinals);
//! - [`classify`] (`token`): what a token is — number, not-a-value shape, row marker, total
//!   label — with "(1)" decided by its [`Context`]; the table stage's quick predicates
//!   [`is_value_like`], [`is_numeric_token`], [`money_core`];
//! - [`marker_style`] (`marker`): row markers and their styles; [`is_total_label`] and
//!   [`is_total_caption`] (`caption`): total rows and total columns;
//! - [`is_year_digits`] and [`YEAR_RANGE`] (`year`), [`is_roman_numeral`] (`roman`),
//!   [`is_cjk`] (`cjk`), [`UNIT_MARKERS`] (`unit_marker`).

mod affix;
mod caption;
mod cjk;
mod fold;
mod marker;
mod non_value;
mod numeral;
mod roman;
mod shape;
mod token;
mod unit;
mod unit_marker;
mod year;

pub(crate) use affix::{NumberParts, split_number_parts, strip_prefix_ignoring_case};
pub use caption::{is_caption_line, is_figure_caption, is_share_caption, is_table_caption, is_total_caption, is_total_label};
pub use cjk::is_cjk;
pub use fold::fold_cell_text;
pub use marker::{CHINESE_NUMERALS, MarkerStyle, is_chinese_numeral, is_row_marker, marker_style};
pub use non_value::NonValueKind;
pub(crate) use numeral::{is_section_number, read_numeral};
pub use roman::is_roman_numeral;
pub use shape::{CODE_MIN_DIGITS, classify_shape};
pub(crate) use token::{Lexed, lex};
pub use token::{Context, TokenShape, classify, is_dash_zero, is_numeric_token, is_unit_text, is_value_like, money_core, numeral_words, without_comparison};
pub use unit::{Unit, find_unit, is_unit_line};
pub use unit_marker::{UNIT_MARKERS, find_unit_marker};
pub use year::{YEAR_RANGE, is_year_digits};
