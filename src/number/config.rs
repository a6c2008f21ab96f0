//! Every threshold a rule of the number stage compares against: [`NumberConfig`] for the
//! tunable ones (threaded from the stage's entry points), named constants for the lexical
//! facts that the hot cell parser reads directly.

use rust_decimal::Decimal;

/// Thresholds and weights of the number stage. [`NumberConfig::DEFAULT`] (also
/// [`Default::default`]) is what the corpus was tuned with.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberConfig {
    // --- Language detection (`detect_language`) ---
    /// Text is East Asian when its Latin letters are at most this many times its Han, kana and
    /// hangul characters. 3: a CJK character carries about as much text as three Latin letters,
    /// so a Chinese page with English codes and abbreviations still counts as Chinese.
    pub latin_per_east_asian: usize,
    /// Fewest kana for a Japanese text. 2: one stray kana (a full-width `ー`) is not Japanese.
    pub min_kana: usize,
    /// East-Asian text is Japanese when its Han, kana and hangul characters are at most this many
    /// times its kana. 10: Japanese prose is well over a tenth kana; Chinese has none.
    pub east_asian_per_kana: usize,
    /// Latin text shorter than this many letters is Vietnamese as soon as it has one Vietnamese
    /// letter. 40: a short Vietnamese unit line or caption may carry a single `đ` or `ơ`.
    pub short_text_latin_letters: usize,
    /// Longer Latin text is Vietnamese when its letters are at most this many times its
    /// Vietnamese letters. 50: Vietnamese prose has a marked letter every few words, a foreign
    /// name in English text only a few.
    pub latin_per_vietnamese_letter: usize,
    /// Score of one English, French or German function word ("the", "les", "und"). 2: a
    /// function word is stronger evidence than one accented letter.
    pub function_word_weight: usize,
    /// Score of one French accented letter (é, è, ç …). 1: such letters also occur in other
    /// languages' names.
    pub french_letter_weight: usize,
    /// Score of one German letter (ä, ö, ü, ß). 2: they are rarer outside German than French
    /// accents are outside French.
    pub german_letter_weight: usize,

    // --- Number format evidence (`FormatEvidence`, `guess_locale`) ---
    /// Weight of the language hint, in unambiguous cells. 0.75: less than one cell, so any
    /// unambiguous evidence outweighs the hint, which only decides ties.
    pub hint_weight: f64,
    /// Weight of a bare short section-like cell such as `1.5`, which may be a heading number.
    /// 0.5: half a cell. Tallies stay multiples of 0.5 so they add up exactly.
    pub section_like_weight: f64,
    /// Weight of a round thousand such as `2.000` or `15,000`, far more often a grouped integer
    /// than a number printed with three zero decimals. 0.5: weak evidence, half a cell.
    pub round_thousand_weight: f64,
    /// Confidence of a guess from the language hint alone (no unambiguous cell). 0.6: better
    /// than a coin toss, well below what evidence gives.
    pub hint_only_confidence: f64,
    /// Confidence of the bare default (no evidence, no hint). 0.3: a guess.
    pub default_confidence: f64,
    /// Confidence with evidence starts here (evenly split evidence). 0.5: a coin toss.
    pub evidence_base_confidence: f64,
    /// How far above [`Self::evidence_base_confidence`] full agreement can raise the confidence.
    /// 0.49: evidence never makes a guess certain (0.99 at most).
    pub evidence_confidence_span: f64,
    /// Amount of evidence (in cells) at which the confidence has gone half the way from base to
    /// its top. 1.0: one unambiguous cell is already telling, many make it nearly certain.
    pub half_confidence_support: f64,
    /// A column reads with its own format instead of the document's when its own evidence points
    /// to another format with at least this confidence. 0.8: several agreeing unambiguous cells.
    pub column_format_confidence: f64,

    // --- Column kinds (`column_kind`) ---
    /// A label column (row markers, STT, 序号) is one of the first this many columns. 2: the
    /// marker column is first, or second after a code column.
    pub label_columns: usize,
    /// A column of digit strings is a code column (without a code header) only when every cell
    /// has at least this many digits. 3: the shortest classification codes (科目 208, 301); row
    /// numbers and small counts are shorter.
    pub min_code_digits: usize,
    /// A column is a number column when at least this share of its non-blank cells are values.
    /// 0.5: at least half; columns of mostly text with a few numbers are text.
    pub number_column_share: f64,

    // --- Numbers in running text (`numbers_in_text`) ---
    /// Shortest number-like word of the prose that counts as format evidence. 3: `2.5` and
    /// longer; shorter words (`1.`, `12`) say nothing about separators.
    pub min_text_number_len: usize,

    // --- Arithmetic checks (`run_checks`) ---
    /// A check passes when expected and found differ by at most this fraction of one unit of
    /// `found`'s last printed decimal place. 0.5: half a unit, the largest rounding error of a
    /// correctly rounded printed value.
    pub check_tolerance: Decimal,
}

impl NumberConfig {
    /// The defaults (see each field).
    pub const DEFAULT: NumberConfig = NumberConfig {
        latin_per_east_asian: 3,
        min_kana: 2,
        east_asian_per_kana: 10,
        short_text_latin_letters: 40,
        latin_per_vietnamese_letter: 50,
        function_word_weight: 2,
        french_letter_weight: 1,
        german_letter_weight: 2,
        hint_weight: 0.75,
        section_like_weight: 0.5,
        round_thousand_weight: 0.5,
        hint_only_confidence: 0.6,
        default_confidence: 0.3,
        evidence_base_confidence: 0.5,
        evidence_confidence_span: 0.49,
        half_confidence_support: 1.0,
        column_format_confidence: 0.8,
        label_columns: 2,
        min_code_digits: 3,
        number_column_share: 0.5,
        min_text_number_len: 3,
        // 0.5 = 5 × 10⁻¹.
        check_tolerance: Decimal::from_parts(5, 0, 0, false, 1),
    };
}

impl Default for NumberConfig {
    fn default() -> Self {
        NumberConfig::DEFAULT
    }
}

/// A printed column number (`(12)`, `7`) in a column-number row has at most this many digits;
/// tables have fewer than ten thousand columns, and longer numbers are values.
pub(crate) const COLUMN_NUMBER_MAX_DIGITS: usize = 4;

/// Thresholds of the structural warnings.
#[derive(Debug, Clone)]
pub struct QualityConfig {
    /// A column whose non-blank body cells are values in at least this share, and text in at
    /// least this share, is of mixed types. A fifth either way is more than the odd "x" or
    /// note cell that real amount columns hold.
    pub mixed_column_share: f64,
    /// …and only when it has at least this many non-blank body cells, so that a short column
    /// with one stray cell is not flagged.
    pub mixed_column_min_cells: usize,
}

impl Default for QualityConfig {
    fn default() -> Self {
        QualityConfig { mixed_column_share: 0.2, mixed_column_min_cells: 5 }
    }
}
