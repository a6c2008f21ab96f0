//! Numbers stage.
//!
//! In: cell text, unit lines, table rows (lexical shapes from [`crate::text`]). Out: exact Decimal values, a locale guess, units,
//! arithmetic checks.
//!
//! Numbers are `rust_decimal::Decimal` end to end, never `f64` for values. No panics on any
//! input: no `unwrap`/`expect` except where an invariant makes failure impossible (then a comment
//! says why). Names say what things are.
//!
//! # How a cell is read ([`parse_cell`])
//!
//! The text is first folded ([`crate::text::fold_cell_text`]): full-width forms become ASCII, every Unicode space
//! becomes one ASCII space, dashes and minus signs become `-`, typographic apostrophes become `'`.
//! Then, in this order:
//!
//! 1. empty → [`CellNumber::Text`]; a lone dash (`-`, `–`, `—`, `−`, up to three) → `Value 0`;
//! 2. shapes that look numeric but are not amounts → [`CellNumber::NotAValue`] ([`crate::text::classify_shape`]):
//!    comparators (`≥98`, `<5%`), dates (`21/5/2025`, `2021-12-31`, `2024年12月31日`,
//!    `2024.1-2024.12`), years and year ranges (bare `1900..=2100`, `2019 - 2024`, `2022年`),
//!    document numbers (`82/TTr-UBND`, `冀财农【2021】126 号`), codes (digits with a leading zero
//!    such as `00515`, digit strings of 7 or more digits such as `2080505`, letter+digit codes such
//!    as `A02010104`), ordinals (`I`, `IV`, `a)`, `1.`, `2.1.`, `一、`, `（一）`, `①`, a single
//!    letter);
//! 3. a number with optional decorations (`text::affix`): sign (`-`, `+`, trailing `-`, `(…)`, `△`),
//!    currency marks (`₫ đ đồng VND ¥ 元 $ € …`), `%`; the digits are read with the format's
//!    decimal separator, and groups must be valid (groups of three after a first group of one to
//!    three digits, or Indian 2-digit groups with `,`) (`text::numeral`). Space, NBSP, thin space and
//!    apostrophe groups are accepted in every format. When the digits are invalid in the given
//!    format but unambiguous in the other one (`6,490.30` in a comma-decimal document,
//!    `24.461,00` in a dot-decimal one), the other reading is used, except that short section
//!    numbers like `1.2` in a comma-decimal format are ordinals;
//! 4. a valid number followed by short unit text (`3 场`, `500 人`, `71 万`, `12 triệu đồng`) →
//!    `NotAValue(WithUnitText)`; digits and separators that form no valid number (`1,2,3`,
//!    `12 00515 098`) → `NotAValue(Malformed)`; anything else → `Text`.
//!
//! Row numbers (`1`, `2`, … in an STT / 序号 column) and short codes (`208`, `20805`) are plain
//! integers here: whether a column holds row numbers or codes is the table stage's decision.
//! [`read_number_ignoring_shape`] gives the number inside a year- or code-shaped cell for a table
//! stage that decides a column holds values after all.

mod checks;
mod column_kind;
mod config;
mod context;
mod document_format;
mod format;
mod formula;
mod header_formulas;
mod locale;
mod parse;
mod quality;
mod table_checks;
mod table_numbers;
mod text_numbers;

#[cfg(test)]
mod cases;

pub use checks::{Check, CheckKind, CheckRow, Identity, run_checks, run_checks_with_config, running_total_check, running_total_check_with_config};
pub use config::{NumberConfig, QualityConfig};
pub use context::table_unit;
pub use format::{NumberFormat, format_decimal};
pub use formula::{ColumnFormula, parse_column_formulas};
pub use locale::{FormatEvidence, LanguageHint, LocaleGuess, detect_language, detect_language_with_config, guess_locale};
pub use crate::text::NonValueKind;
pub use parse::{CellNumber, CellValue, parse_cell, read_number_ignoring_shape};
pub use column_kind::ColumnKind;
pub use document_format::{column_evidence, column_evidence_with_config, document_format, document_format_with_config};
pub use table_numbers::{TableNumbers, table_numbers, table_numbers_with_config};
pub use text_numbers::{numbers_in_text, numbers_in_text_with_config};
pub use quality::{StructureWarning, TableQuality, WarningKind, assess_quality};
pub use crate::text::{Unit, find_unit, is_unit_line};
