//! Units of measure from unit lines (`Đơn vị tính: triệu đồng`, `单位：万元`, `Unit: billion`)
//! and header cells (`金额（万元）`, `(in thousand USD)`, `EUR million`).
//!
//! A unit phrase is a sequence of known words: multipliers (nghìn, triệu, tỷ, 千, 万, 亿,
//! thousand, million, billion, `1.000` …), currencies (đồng, 元, USD, €, …), non-currency
//! measures (%, người, 人, persons …) and fillers (in, of, bằng). It is looked for, in order:
//! after a unit marker (`Đơn vị tính`, `ĐVT`, `单位`, `Unit`), inside brackets, then as the whole
//! text.

use rust_decimal::Decimal;

use super::{UNIT_MARKERS, fold_cell_text, is_cjk};

/// A printed power of ten read as a unit multiplier (`1.000 đồng`) has at most this many zeros
/// (a thousand trillion); longer ones are amounts.
const MOST_MULTIPLIER_ZEROS: u32 = 15;

/// A unit marker that follows more than this many characters of the line is inside a sentence,
/// not a unit line (`… các đơn vị, trong đó đơn vị tính …`). 60: longer than a running header
/// such as "475 望都县乡村振兴局 预算年度：2022".
const UNIT_LINE_LONGEST_PREFIX: usize = 60;

/// Characters of a text that `find_unit` and `is_unit_line` look at: unit lines and header
/// cells are short, and looking further only costs time on pathological input.
const LONGEST_UNIT_TEXT: usize = 1000;

/// A unit of measure for a table or column.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Unit {
    /// The unit as printed (`triệu đồng`, `万元`, `thousand USD`), case preserved.
    pub text: String,
    /// ISO 4217 code (`VND`, `CNY`, `USD`, `EUR` …) when the unit is money.
    pub currency: Option<String>,
    /// What one printed unit is worth in base units (`triệu đồng` → 1000000, `万元` → 10000).
    pub multiplier: Decimal,
}

impl Unit {
    /// `value` × the multiplier (facts' `scaled_value`), keeping the value's printed decimals;
    /// `None` on overflow.
    pub fn scale(&self, value: Decimal) -> Option<Decimal> {
        value.checked_mul(self.multiplier)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitWord {
    Filler,
    /// A power of ten.
    Multiplier(u32),
    Currency(&'static str),
    /// A non-currency unit (%, people, households).
    Measure,
}

use UnitWord::{Currency, Filler, Measure, Multiplier};

/// Known words, lowercase. The longest match at a position wins.
const UNIT_WORDS: &[(&str, UnitWord)] = &[
    // Vietnamese
    ("đồng", Currency("VND")),
    ("đ", Currency("VND")),
    ("vnđ", Currency("VND")),
    ("vnd", Currency("VND")),
    ("₫", Currency("VND")),
    ("nghìn", Multiplier(3)),
    ("ngàn", Multiplier(3)),
    ("triệu", Multiplier(6)),
    ("tỷ", Multiplier(9)),
    ("tỉ", Multiplier(9)),
    ("người", Measure),
    ("hộ", Measure),
    ("bằng", Filler),
    // Chinese
    ("人民币", Currency("CNY")),
    ("元", Currency("CNY")),
    ("千", Multiplier(3)),
    ("万", Multiplier(4)),
    ("萬", Multiplier(4)),
    ("十万", Multiplier(5)),
    ("百万", Multiplier(6)),
    ("千万", Multiplier(7)),
    ("亿", Multiplier(8)),
    ("億", Multiplier(8)),
    ("人", Measure),
    ("户", Measure),
    ("个", Measure),
    ("百分比", Measure),
    ("百分数", Measure),
    // English and other European languages
    ("thousand", Multiplier(3)),
    ("thousands", Multiplier(3)),
    ("'000", Multiplier(3)),
    ("'000s", Multiplier(3)),
    ("000", Multiplier(3)),
    ("000s", Multiplier(3)),
    ("million", Multiplier(6)),
    ("millions", Multiplier(6)),
    ("mn", Multiplier(6)),
    ("mln", Multiplier(6)),
    ("mio", Multiplier(6)),
    ("mio.", Multiplier(6)),
    ("billion", Multiplier(9)),
    ("billions", Multiplier(9)),
    ("bn", Multiplier(9)),
    ("bln", Multiplier(9)),
    ("trillion", Multiplier(12)),
    ("trillions", Multiplier(12)),
    ("lakh", Multiplier(5)),
    ("lakhs", Multiplier(5)),
    ("crore", Multiplier(7)),
    ("crores", Multiplier(7)),
    ("milliers", Multiplier(3)),
    ("milliards", Multiplier(9)),
    ("tausend", Multiplier(3)),
    ("millionen", Multiplier(6)),
    ("mrd", Multiplier(9)),
    ("mrd.", Multiplier(9)),
    ("milliarden", Multiplier(9)),
    ("usd", Currency("USD")),
    ("us$", Currency("USD")),
    ("$", Currency("USD")),
    ("dollar", Currency("USD")),
    ("dollars", Currency("USD")),
    ("us dollars", Currency("USD")),
    ("eur", Currency("EUR")),
    ("€", Currency("EUR")),
    ("euro", Currency("EUR")),
    ("euros", Currency("EUR")),
    ("gbp", Currency("GBP")),
    ("£", Currency("GBP")),
    ("jpy", Currency("JPY")),
    ("円", Currency("JPY")),
    ("yen", Currency("JPY")),
    ("cny", Currency("CNY")),
    ("rmb", Currency("CNY")),
    ("yuan", Currency("CNY")),
    ("¥", Currency("CNY")),
    ("krw", Currency("KRW")),
    ("원", Currency("KRW")),
    ("inr", Currency("INR")),
    ("₹", Currency("INR")),
    ("rupees", Currency("INR")),
    ("%", Measure),
    ("percent", Measure),
    ("per cent", Measure),
    ("persons", Measure),
    ("people", Measure),
    ("in", Filler),
    ("of", Filler),
];


fn lowercase(ch: char) -> char {
    ch.to_lowercase().next().unwrap_or(ch)
}

/// The folded text with its characters indexed, so that matching can work on characters and
/// slicing on byte offsets.
struct IndexedText {
    text: String,
    chars: Vec<(usize, char)>,
}

impl IndexedText {
    fn new(raw: &str) -> IndexedText {
        let mut text = fold_cell_text(raw);
        // Unit lines and header cells are short; looking further would only cost time on
        // pathological input (the marker and bracket scans are quadratic at worst).
        if let Some((cut, _)) = text.char_indices().nth(LONGEST_UNIT_TEXT) {
            text.truncate(cut);
        }
        let chars = text.char_indices().collect();
        IndexedText { text, chars }
    }

    fn char_at(&self, index: usize) -> Option<char> {
        self.chars.get(index).map(|(_, c)| *c)
    }

    fn byte_offset(&self, index: usize) -> usize {
        self.chars
            .get(index)
            .map_or(self.text.len(), |(offset, _)| *offset)
    }

    /// The character index after `pattern` (lowercase) when it matches at `start` within `end`.
    fn match_at(&self, start: usize, end: usize, pattern: &str) -> Option<usize> {
        let mut index = start;
        for pattern_char in pattern.chars() {
            if index >= end || self.char_at(index).map(lowercase) != Some(pattern_char) {
                return None;
            }
            index += 1;
        }
        Some(index)
    }

    /// Whether a word that ends with `last` may end before character `index`.
    fn word_ends_at(&self, index: usize, end: usize, last: char, word: UnitWord) -> bool {
        let next = if index < end {
            self.char_at(index)
        } else {
            None
        };
        let Some(next) = next else {
            return true;
        };
        if is_cjk(last) {
            // `人数` (head count) is not the unit `人`.
            return word != Measure || !is_cjk(next);
        }
        if last.is_alphabetic() {
            return !next.is_alphanumeric();
        }
        if last.is_ascii_digit() {
            return !next.is_ascii_digit();
        }
        true
    }

    /// The longest known word at `start`: its end index and meaning.
    fn unit_word_at(&self, start: usize, end: usize) -> Option<(usize, UnitWord)> {
        UNIT_WORDS
            .iter()
            .filter_map(|(pattern, word)| {
                let after = self.match_at(start, end, pattern)?;
                let last = pattern.chars().last()?;
                self.word_ends_at(after, end, last, *word)
                    .then_some((after, *word))
            })
            .max_by_key(|(after, _)| *after)
    }

    /// A printed power of ten such as `1.000`, `1,000`, `1 000`, `100` at `start`.
    fn numeric_multiplier_at(&self, start: usize, end: usize) -> Option<(usize, u32)> {
        let mut index = start;
        let mut digits = String::new();
        while index < end {
            match self.char_at(index) {
                Some(c) if c.is_ascii_digit() => digits.push(c),
                Some('.' | ',' | ' ' | '\'')
                    if self.char_at(index + 1).is_some_and(|c| c.is_ascii_digit())
                        && !digits.is_empty() => {}
                _ => break,
            }
            index += 1;
        }
        let zeros = digits.strip_prefix('1')?;
        let exponent = u32::try_from(zeros.len()).ok()?;
        (zeros.bytes().all(|b| b == b'0') && (1..=MOST_MULTIPLIER_ZEROS).contains(&exponent))
            .then_some((index, exponent))
    }

    /// Reads a unit phrase in `start..end`. With `require_complete`, every character must belong
    /// to the phrase; otherwise the phrase may stop before unknown text.
    fn read_phrase(&self, start: usize, end: usize, require_complete: bool) -> Option<Unit> {
        let mut index = start;
        let mut exponent = 0u32;
        let mut currency: Option<&'static str> = None;
        let mut has_word = false;
        let mut span: Option<(usize, usize)> = None;
        while index < end {
            let Some(ch) = self.char_at(index) else {
                break;
            };
            if ch.is_whitespace() || ch == '.' || ch == '·' {
                index += 1;
                continue;
            }
            let (after, word) = match self.unit_word_at(index, end) {
                Some(found) => found,
                None => match self.numeric_multiplier_at(index, end) {
                    Some((after, power)) => (after, Multiplier(power)),
                    None if require_complete => return None,
                    None => break,
                },
            };
            match word {
                Filler => {}
                Multiplier(power) => {
                    exponent = exponent.checked_add(power)?;
                    has_word |= ch.is_alphabetic() || ch == '\'' || is_cjk(ch) || ch == '0';
                }
                Currency(code) => {
                    if currency.is_some_and(|seen| seen != code) {
                        return None;
                    }
                    currency = Some(code);
                    has_word = true;
                }
                Measure => has_word = true,
            }
            if word != Filler {
                span = Some((span.map_or(index, |(first, _)| first), after));
            }
            index = after;
        }
        let (first, last) = span?;
        // A Decimal holds at most 28 decimal digits of scale, and 10^28 fits its 96-bit mantissa.
        if !has_word || exponent > Decimal::MAX_SCALE {
            return None;
        }
        // exponent ≤ 28, so 10^exponent fits both i128 and a Decimal's 96-bit mantissa.
        let multiplier = Decimal::try_from_i128_with_scale(10i128.pow(exponent), 0).ok()?;
        let text = self.text[self.byte_offset(first)..self.byte_offset(last)].to_string();
        Some(Unit {
            text,
            currency: currency.map(str::to_string),
            multiplier,
        })
    }

    /// Start and end (after the marker and an optional colon) of each unit marker, and whether
    /// a colon followed it.
    fn markers(&self) -> Vec<(usize, usize, bool)> {
        let mut found = Vec::new();
        for start in 0..self.chars.len() {
            let preceded_by_letter = start > 0
                && self
                    .char_at(start - 1)
                    .is_some_and(|c| c.is_alphabetic() && !is_cjk(c));
            for marker in UNIT_MARKERS {
                let Some(after) = self.match_at(start, self.chars.len(), marker) else {
                    continue;
                };
                let latin = marker.chars().all(|c| !is_cjk(c));
                let followed_by_letter = self.char_at(after).is_some_and(|c| c.is_alphabetic());
                if latin && (preceded_by_letter || followed_by_letter) {
                    continue;
                }
                let mut phrase_start = after;
                while self.char_at(phrase_start).is_some_and(|c| c == ' ') {
                    phrase_start += 1;
                }
                let colon = self.char_at(phrase_start) == Some(':');
                if colon {
                    phrase_start += 1;
                }
                found.push((start, phrase_start, colon));
                break;
            }
        }
        found
    }

    /// Where a phrase that starts at `start` ends: at a closing bracket, `;`, `。`, `|`, or a
    /// comma that is not between digits.
    fn phrase_end(&self, start: usize) -> usize {
        (start..self.chars.len())
            .find(|&index| match self.char_at(index) {
                Some(')' | ']' | ';' | '。' | '|' | '、') => true,
                Some(',') => {
                    let digit_before =
                        index > 0 && self.char_at(index - 1).is_some_and(|c| c.is_ascii_digit());
                    let digit_after = self.char_at(index + 1).is_some_and(|c| c.is_ascii_digit());
                    !(digit_before && digit_after)
                }
                _ => false,
            })
            .unwrap_or(self.chars.len())
    }

    /// Contents (start, end) of each `(…)` and `[…]`.
    fn bracket_contents(&self) -> Vec<(usize, usize)> {
        let mut contents = Vec::new();
        for (index, (_, ch)) in self.chars.iter().enumerate() {
            let closing = match ch {
                '(' => ')',
                '[' => ']',
                _ => continue,
            };
            if let Some(close) =
                (index + 1..self.chars.len()).find(|&j| self.char_at(j) == Some(closing))
            {
                contents.push((index + 1, close));
            }
        }
        contents
    }

    /// `start..end` without brackets around the whole of it.
    fn without_outer_brackets(&self) -> (usize, usize) {
        let end = self.chars.len();
        match (
            self.char_at(0),
            end.checked_sub(1).and_then(|last| self.char_at(last)),
        ) {
            (Some('('), Some(')')) | (Some('['), Some(']')) if end >= 2 => (1, end - 1),
            _ => (0, end),
        }
    }
}

/// Find a unit in a unit line or header text: "Đơn vị tính: triệu đồng", "ĐVT: Đồng",
/// "Đơn vị: nghìn đồng", "单位：万元", "单位:元", "金额（万元）", "(in thousand USD)",
/// "EUR million", "Unit: billion". Non-currency units (%, người, 人) have multiplier 1 and no
/// currency. `text` is the unit as printed, case preserved.
pub fn find_unit(text: &str) -> Option<Unit> {
    let indexed = IndexedText::new(text);
    for (_, phrase_start, colon) in indexed.markers() {
        let end = indexed.phrase_end(phrase_start);
        // Without a colon the marker may be an ordinary word (单位名称), so the phrase must be
        // complete.
        if let Some(unit) = indexed.read_phrase(phrase_start, end, !colon) {
            return Some(unit);
        }
    }
    for (start, end) in indexed.bracket_contents() {
        if let Some(unit) = indexed.read_phrase(start, end, true) {
            return Some(unit);
        }
    }
    indexed.read_phrase(0, indexed.chars.len(), true)
}

/// True when the whole line is a unit line (e.g. "Đơn vị tính: Đồng", "单位：万元",
/// "(in thousand USD)", or a Chinese table header line ending in "单位：万元") rather than a
/// sentence that happens to mention a unit.
pub fn is_unit_line(text: &str) -> bool {
    let indexed = IndexedText::new(text);
    if indexed.chars.is_empty() {
        return false;
    }
    let (start, end) = indexed.without_outer_brackets();
    if indexed.read_phrase(start, end, true).is_some() {
        return true;
    }
    let line_end = (0..indexed.chars.len())
        .rev()
        .find(|&index| !matches!(indexed.char_at(index), Some(')' | ']' | '.' | ' ')))
        .map_or(0, |last| last + 1);
    indexed
        .markers()
        .into_iter()
        .any(|(marker_start, phrase_start, _)| {
            let before = &indexed.text[..indexed.byte_offset(marker_start)];
            let sentence_like =
                before.chars().count() > UNIT_LINE_LONGEST_PREFIX || before.contains([',', ';', '。', '，', '；']);
            !sentence_like
                && phrase_start < line_end
                && indexed.read_phrase(phrase_start, line_end, true).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(text: &str, currency: Option<&str>, multiplier: i64) -> Option<Unit> {
        Some(Unit {
            text: text.to_string(),
            currency: currency.map(str::to_string),
            multiplier: Decimal::from(multiplier),
        })
    }

    #[test]
    fn vietnamese_units() {
        assert_eq!(find_unit("Đơn vị tính: Đồng"), unit("Đồng", Some("VND"), 1));
        assert_eq!(
            find_unit("ĐVT: triệu đồng"),
            unit("triệu đồng", Some("VND"), 1_000_000)
        );
        assert_eq!(
            find_unit("Đơn vị: nghìn đồng"),
            unit("nghìn đồng", Some("VND"), 1000)
        );
        assert_eq!(
            find_unit("Đơn vị tính: ngàn đồng"),
            unit("ngàn đồng", Some("VND"), 1000)
        );
        assert_eq!(
            find_unit("(Đơn vị tính: Tỷ đồng)"),
            unit("Tỷ đồng", Some("VND"), 1_000_000_000)
        );
        assert_eq!(
            find_unit("Đvt: 1.000 đồng"),
            unit("1.000 đồng", Some("VND"), 1000)
        );
        assert_eq!(find_unit("Đơn vị tính: người"), unit("người", None, 1));
        assert_eq!(find_unit("Tỷ lệ (%)"), unit("%", None, 1));
        assert_eq!(
            find_unit("Dự toán năm 2025 (triệu đồng)"),
            unit("triệu đồng", Some("VND"), 1_000_000)
        );
        assert_eq!(
            find_unit("ĐƠN VỊ TÍNH: TRIỆU ĐỒNG"),
            unit("TRIỆU ĐỒNG", Some("VND"), 1_000_000)
        );
        assert_eq!(find_unit("Tổng vốn"), None);
        assert_eq!(find_unit("Tỷ lệ"), None);
        assert_eq!(find_unit("Đồng Nai"), None);
        assert_eq!(find_unit("Các đơn vị sự nghiệp"), None);
        assert_eq!(find_unit("Dự toán năm 2025"), None);
    }

    #[test]
    fn chinese_units() {
        assert_eq!(find_unit("单位：万元"), unit("万元", Some("CNY"), 10_000));
        assert_eq!(find_unit("单位:元"), unit("元", Some("CNY"), 1));
        assert_eq!(find_unit("金额（万元）"), unit("万元", Some("CNY"), 10_000));
        assert_eq!(
            find_unit("单位：亿元"),
            unit("亿元", Some("CNY"), 100_000_000)
        );
        assert_eq!(find_unit("单位：千元"), unit("千元", Some("CNY"), 1000));
        assert_eq!(
            find_unit("单位：人民币百万元"),
            unit("人民币百万元", Some("CNY"), 1_000_000)
        );
        assert_eq!(find_unit("单位：人"), unit("人", None, 1));
        assert_eq!(
            find_unit("475 望都县乡村振兴局 预算年度：2022 单位：万元"),
            unit("万元", Some("CNY"), 10_000)
        );
        assert_eq!(
            find_unit("价值（金额单位：万元）"),
            unit("万元", Some("CNY"), 10_000)
        );
        assert_eq!(find_unit("填报单位：上饶市妇女联合会"), None);
        assert_eq!(find_unit("单位人数"), None);
        assert_eq!(find_unit("单位名称"), None);
        assert_eq!(find_unit("计量\n单位"), None);
        assert_eq!(
            find_unit("填报单位：上饶市妇女联合会 单位：万元"),
            unit("万元", Some("CNY"), 10_000)
        );
    }

    #[test]
    fn english_units() {
        assert_eq!(
            find_unit("(in thousand USD)"),
            unit("thousand USD", Some("USD"), 1000)
        );
        assert_eq!(
            find_unit("EUR million"),
            unit("EUR million", Some("EUR"), 1_000_000)
        );
        assert_eq!(
            find_unit("Unit: billion"),
            unit("billion", None, 1_000_000_000)
        );
        assert_eq!(
            find_unit("In millions of euros"),
            unit("millions of euros", Some("EUR"), 1_000_000)
        );
        assert_eq!(
            find_unit("Amount ($ thousands)"),
            unit("$ thousands", Some("USD"), 1000)
        );
        assert_eq!(find_unit("EUR '000"), unit("EUR '000", Some("EUR"), 1000));
        assert_eq!(find_unit("Share (%)"), unit("%", None, 1));
        assert_eq!(find_unit("Community services"), None);
        assert_eq!(find_unit("(1)"), None);
        assert_eq!(find_unit("100"), None);
        assert_eq!(find_unit(""), None);
    }

    #[test]
    fn unit_lines() {
        assert!(is_unit_line("Đơn vị tính: Đồng"));
        assert!(is_unit_line("(Đơn vị tính: triệu đồng)"));
        assert!(is_unit_line("  ĐVT: Triệu đồng. "));
        assert!(is_unit_line("单位：万元"));
        assert!(is_unit_line(
            "475 望都县乡村振兴局 预算年度：2022 单位：万元"
        ));
        assert!(is_unit_line("(in thousand USD)"));
        assert!(is_unit_line("Unit: EUR million"));
        assert!(is_unit_line("triệu đồng"));
        assert!(!is_unit_line(
            "2022年部门预算收入总额 6490.3万元，其中：一般公共预算收入 6490.3万元"
        ));
        assert!(!is_unit_line("Tổng kinh phí thực hiện là 500 triệu đồng"));
        assert!(!is_unit_line("Kinh phí (triệu đồng) được phân bổ như sau"));
        assert!(!is_unit_line("填报单位：上饶市妇女联合会"));
        assert!(!is_unit_line(
            "Các đơn vị, trong đó đơn vị tính: triệu đồng"
        ));
        assert!(!is_unit_line(
            "Đơn vị tính: triệu đồng, chi tiết theo phụ lục"
        ));
        assert!(!is_unit_line(""));
    }

    #[test]
    fn scaled_values_keep_printed_decimals() {
        let million = find_unit("Đơn vị tính: triệu đồng");
        let scaled = million.and_then(|u| u.scale(Decimal::new(4400, 2)));
        assert_eq!(
            scaled.map(|v| v.to_string()),
            Some("44000000.00".to_string())
        );
    }

    #[test]
    fn serializes_multiplier_as_string() {
        let json = find_unit("单位：万元").map(|u| serde_json::to_string(&u).unwrap_or_default());
        assert_eq!(
            json.as_deref(),
            Some(r#"{"text":"万元","currency":"CNY","multiplier":"10000"}"#)
        );
    }
}
