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
//! - [`is_year_digits`] and [`YEAR_RANGE`] (`year`), [`is_roman_numeral`] (`roman`),
//!   [`is_cjk`] (`cjk`), [`UNIT_MARKERS`] (`unit_marker`).

mod affix;
mod cjk;
mod fold;
mod non_value;
mod numeral;
mod roman;
mod shape;
mod unit_marker;
mod year;

pub(crate) use affix::{NumberParts, split_number_parts, strip_prefix_ignoring_case};
pub use cjk::is_cjk;
pub use fold::fold_cell_text;
pub use non_value::NonValueKind;
pub(crate) use numeral::{is_section_number, read_numeral};
pub use roman::is_roman_numeral;
pub use shape::classify_shape;
pub use unit_marker::{UNIT_MARKERS, find_unit_marker};
pub use year::{YEAR_RANGE, is_year_digits};
