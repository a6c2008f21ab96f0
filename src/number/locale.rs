//! Guessing a document's (or a column's) number format from the evidence in its cells and the
//! language of its text.
//!
//! Evidence: each numeric cell is read with `.` as the decimal separator and with `,`. When only
//! one reading is valid the cell is unambiguous evidence (`24.461,00`, `1.234.567`, `12,5%` →
//! comma decimal; `6,490.30`, `1,234,567`, `6490.30`, `0.238` → dot decimal). When both readings
//! are valid and differ (`1.238`) the cell is ambiguous and counts for nothing; when they agree
//! (`1 234`, `500`) it only tells the group separator. A bare short section-like cell (`1.5`) is
//! weak evidence (half weight): it may be a heading number. The language hint adds a prior worth
//! less than one unambiguous cell, so evidence beats the hint and the hint decides ties.

use std::collections::HashMap;

use super::config::NumberConfig;
use super::format::NumberFormat;
use crate::text::{Lexed, fold_cell_text, is_section_number, lex, read_numeral};

/// The first code point after the Latin blocks (Basic Latin through Latin Extended-B; IPA
/// extensions start here).
const END_OF_LATIN: u32 = 0x0250;

/// Evidence-based guess of a document's (or a column's) format from its cell texts and a
/// language hint.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize)]
pub struct LocaleGuess {
    /// The guessed format.
    #[serde(flatten)]
    pub format: NumberFormat,
    /// In `[0, 1]`: 0.3 for a bare default, 0.6 for a language hint alone, rising towards 0.99
    /// with the amount and agreement of unambiguous evidence.
    pub confidence: f64,
}

/// The language of a document's text, as far as it matters for number formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageHint {
    /// Vietnamese letters (ệ ơ ư đ ă …): comma decimals.
    Vietnamese,
    /// Han characters without kana or hangul: dot decimals.
    Chinese,
    /// Han with kana: dot decimals.
    Japanese,
    /// Hangul: dot decimals.
    Korean,
    /// English function words: dot decimals.
    English,
    /// French function words and accents: comma decimals, space groups.
    French,
    /// German function words and letters: comma decimals.
    German,
    /// Latin text of another language: no typical format.
    Other,
    /// No letters at all.
    Unknown,
}

impl LanguageHint {
    /// The number format usually printed in this language, if there is one.
    pub fn typical_format(self) -> Option<NumberFormat> {
        match self {
            LanguageHint::Vietnamese | LanguageHint::German => Some(NumberFormat::VI),
            LanguageHint::French => Some(NumberFormat::FR),
            LanguageHint::Chinese
            | LanguageHint::Japanese
            | LanguageHint::Korean
            | LanguageHint::English => Some(NumberFormat::EN),
            LanguageHint::Other | LanguageHint::Unknown => None,
        }
    }
}

/// The language of `text` from its script and diacritics: Vietnamese letters (ệ ơ ư đ ă …),
/// Han characters, kana, hangul; for other Latin text, common function words and letters of
/// English, French and German. `Unknown` when the text has no letters. With
/// [`NumberConfig::DEFAULT`].
pub fn detect_language(text: &str) -> LanguageHint {
    detect_language_with_config(text, &NumberConfig::DEFAULT)
}

/// [`detect_language`] with the thresholds of `cfg`.
pub fn detect_language_with_config(text: &str, cfg: &NumberConfig) -> LanguageHint {
    let mut vietnamese = 0usize;
    let mut han = 0usize;
    let mut kana = 0usize;
    let mut hangul = 0usize;
    let mut latin = 0usize;
    let mut french_letters = 0usize;
    let mut german_letters = 0usize;
    for ch in text.chars() {
        if ch.is_ascii() {
            // No script below is ASCII; an ASCII letter is plain Latin.
            latin += ch.is_ascii_alphabetic() as usize;
            continue;
        }
        match ch as u32 {
            0x1EA0..=0x1EF9
            | 0x0102
            | 0x0103
            | 0x0110
            | 0x0111
            | 0x01A0
            | 0x01A1
            | 0x01AF
            | 0x01B0 => vietnamese += 1,
            0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF => han += 1,
            0x3041..=0x30FA | 0xFF66..=0xFF9D => kana += 1,
            0xAC00..=0xD7A3 | 0x1100..=0x11FF | 0x3130..=0x318F => hangul += 1,
            _ => {}
        }
        if ch.is_alphabetic() && (ch as u32) < END_OF_LATIN {
            latin += 1;
            if "éèêëàâçîïôûùœÉÈÊÀÇ".contains(ch) {
                french_letters += 1;
            }
            if "äöüßÄÖÜ".contains(ch) {
                german_letters += 1;
            }
        }
    }
    let east_asian = han + kana + hangul;
    if east_asian > 0 && east_asian * cfg.latin_per_east_asian >= latin {
        // Korean when hangul is the majority of the East-Asian characters.
        return if hangul * 2 > east_asian {
            LanguageHint::Korean
        } else if kana >= cfg.min_kana && kana * cfg.east_asian_per_kana >= east_asian {
            LanguageHint::Japanese
        } else {
            LanguageHint::Chinese
        };
    }
    if vietnamese >= 1 && (latin < cfg.short_text_latin_letters || vietnamese * cfg.latin_per_vietnamese_letter >= latin) {
        return LanguageHint::Vietnamese;
    }
    if latin == 0 {
        return if east_asian > 0 {
            LanguageHint::Chinese
        } else {
            LanguageHint::Unknown
        };
    }
    let (mut english, mut french, mut german) = (0usize, 0usize, 0usize);
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        let word = word.to_lowercase();
        match word.as_str() {
            "the" | "and" | "of" | "to" | "for" | "total" | "with" | "from" | "is" | "budget" => {
                english += cfg.function_word_weight
            }
            "le" | "la" | "les" | "des" | "et" | "du" | "pour" | "au" | "aux" | "une" | "est" => {
                french += cfg.function_word_weight
            }
            "der" | "die" | "das" | "und" | "für" | "mit" | "von" | "den" | "im" | "ist"
            | "nicht" => german += cfg.function_word_weight,
            _ => {}
        }
    }
    french += french_letters * cfg.french_letter_weight;
    german += german_letters * cfg.german_letter_weight;
    let best = english.max(french).max(german);
    if best == 0 {
        LanguageHint::Other
    } else if best == english {
        LanguageHint::English
    } else if best == german {
        LanguageHint::German
    } else {
        LanguageHint::French
    }
}

/// The separator of a numeral shaped like a round thousand (`2.000`, `15,000`, `300.000`):
/// one to three digits not starting with 0, one separator, then exactly `000`.
fn round_thousand_separator(numeral: &str) -> Option<char> {
    let mut chars = numeral.chars();
    let head: String = chars.by_ref().take_while(|c| c.is_ascii_digit()).collect();
    let sep = numeral.chars().nth(head.len())?;
    let tail = &numeral[head.len() + sep.len_utf8()..];
    // A first digit group of a thousand has one to three digits.
    let ok = !head.is_empty() && head.len() <= 3 && !head.starts_with('0') && tail == "000" && (sep == '.' || sep == ',');
    ok.then_some(sep)
}

/// Tallies of evidence for each decimal separator and of the group separators seen with it.
/// Tallies add up exactly (every weight is a multiple of 0.5), so merging the tallies of parts
/// gives the tally of the whole.
#[derive(Debug, Clone, Default)]
pub struct FormatEvidence {
    dot_decimal: f64,
    comma_decimal: f64,
    groups_with_dot_decimal: HashMap<char, f64>,
    groups_with_comma_decimal: HashMap<char, f64>,
}

impl FormatEvidence {
    /// Add the evidence of one cell text (weights of [`NumberConfig::DEFAULT`]).
    pub fn add_cell(&mut self, cell: &str) {
        self.add_cell_with_config(cell, &NumberConfig::DEFAULT);
    }

    /// Add the evidence of one cell text, weighed with `cfg`.
    pub fn add_cell_with_config(&mut self, cell: &str, cfg: &NumberConfig) {
        let folded = fold_cell_text(cell);
        let Lexed::Number(parts) = lex(&folded) else {
            return;
        };
        if !parts.trailing_text.is_empty() {
            return;
        }
        let weight = if parts.bare && is_section_number(parts.numeral) {
            cfg.section_like_weight
        } else {
            // One unambiguous cell is the unit of evidence.
            1.0
        };
        let as_dot = read_numeral(parts.numeral, '.');
        let as_comma = read_numeral(parts.numeral, ',');
        if let Some(group) = as_dot.and_then(|reading| reading.group) {
            *self.groups_with_dot_decimal.entry(group).or_default() += weight;
        }
        if let Some(group) = as_comma.and_then(|reading| reading.group) {
            *self.groups_with_comma_decimal.entry(group).or_default() += weight;
        }
        match (as_dot, as_comma) {
            (Some(_), None) => self.dot_decimal += weight,
            (None, Some(_)) => self.comma_decimal += weight,
            // `2.000`, `15,000`: a round thousand is far more often a grouped integer than a
            // number printed with three zero decimals, so it is weak evidence that the
            // separator groups (and the other one is the decimal separator).
            (Some(_), Some(_)) => match round_thousand_separator(parts.numeral) {
                Some('.') => self.comma_decimal += cfg.round_thousand_weight,
                Some(',') => self.dot_decimal += cfg.round_thousand_weight,
                _ => {}
            },
            _ => {}
        }
    }

    /// Add another tally to this one.
    pub fn merge(&mut self, other: &FormatEvidence) {
        self.dot_decimal += other.dot_decimal;
        self.comma_decimal += other.comma_decimal;
        for (g, w) in &other.groups_with_dot_decimal {
            *self.groups_with_dot_decimal.entry(*g).or_default() += w;
        }
        for (g, w) in &other.groups_with_comma_decimal {
            *self.groups_with_comma_decimal.entry(*g).or_default() += w;
        }
    }

    /// The format this evidence and the language hint point to (see [`guess_locale`]), with
    /// [`NumberConfig::DEFAULT`].
    pub fn decide(&self, hint: LanguageHint) -> LocaleGuess {
        self.decide_with_config(hint, &NumberConfig::DEFAULT)
    }

    /// [`FormatEvidence::decide`] with the weights and confidences of `cfg`.
    pub fn decide_with_config(&self, hint: LanguageHint, cfg: &NumberConfig) -> LocaleGuess {
        let hinted_decimal = hint.typical_format().map(|f| f.decimal);
        let prior = |decimal: char| {
            if hinted_decimal == Some(decimal) {
                cfg.hint_weight
            } else {
                0.0
            }
        };
        let dot_score = self.dot_decimal + prior('.');
        let comma_score = self.comma_decimal + prior(',');
        let decimal = if dot_score > comma_score {
            '.'
        } else if comma_score > dot_score {
            ','
        } else {
            hinted_decimal.unwrap_or('.')
        };
        let evidence = self.dot_decimal + self.comma_decimal;
        let confidence = if evidence == 0.0 {
            if hinted_decimal.is_some() { cfg.hint_only_confidence } else { cfg.default_confidence }
        } else {
            let (winning, losing) = if decimal == '.' {
                (dot_score, comma_score)
            } else {
                (comma_score, dot_score)
            };
            let margin = (winning - losing) / (winning + losing);
            let support = evidence + prior(decimal);
            cfg.evidence_base_confidence + cfg.evidence_confidence_span * margin * support / (support + cfg.half_confidence_support)
        };
        let (groups_seen, default_format) = if decimal == '.' {
            (&self.groups_with_dot_decimal, NumberFormat::EN)
        } else {
            let default = match hint {
                LanguageHint::French => NumberFormat::FR,
                _ => NumberFormat::VI,
            };
            (&self.groups_with_comma_decimal, default)
        };
        // Most frequent group separator; ties go to the most usual one for that decimal.
        let preference = [default_format.group.unwrap_or(' '), '.', ',', ' ', '\''];
        let group = preference
            .iter()
            .copied()
            .filter(|g| *g != decimal)
            .filter_map(|g| groups_seen.get(&g).map(|count| (g, *count)))
            .fold(None::<(char, f64)>, |best, (g, count)| match best {
                Some((_, best_count)) if best_count >= count => best,
                _ => Some((g, count)),
            })
            .map(|(g, _)| g)
            .or(default_format.group);
        LocaleGuess {
            format: NumberFormat { decimal, group },
            confidence: confidence.clamp(0.0, 1.0),
        }
    }
}

/// Evidence-based guess of a document's (or a column's) format from its cell texts and a
/// language hint: unambiguous cells first, weighted by counts; then the hint (Vietnamese, German,
/// French suggest comma decimals; Chinese, Japanese, Korean, English dot decimals). With no
/// evidence and no hint: [`NumberFormat::EN`] with confidence 0.3.
pub fn guess_locale<'a>(
    cells: impl IntoIterator<Item = &'a str>,
    hint: LanguageHint,
) -> LocaleGuess {
    let mut tally = FormatEvidence::default();
    for cell in cells {
        tally.add_cell(cell);
    }
    tally.decide(hint)
}

#[cfg(test)]
mod round_thousand_tests {
    use super::*;

    #[test]
    fn round_thousands_tip_an_ambiguous_document() {
        // Enquiry counts printed with dot groups in an English document (a statistics table).
        let cells = ["3.597", "1.847", "1.783", "2.000", "4.000", "1.000", "23.900"];
        let g = guess_locale(cells, LanguageHint::English);
        assert_eq!(g.format.decimal, ',');
        // Real decimals outweigh a stray round thousand.
        let cells = ["0.323", "0.272", "1.000", "0.290"];
        assert_eq!(guess_locale(cells, LanguageHint::English).format.decimal, '.');
        assert_eq!(round_thousand_separator("15,000"), Some(','));
        assert_eq!(round_thousand_separator("1.500"), None);
        assert_eq!(round_thousand_separator("0.000"), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages() {
        assert_eq!(
            detect_language("Đơn vị tính: Đồng"),
            LanguageHint::Vietnamese
        );
        assert_eq!(
            detect_language("Phân bổ vốn sự nghiệp thực hiện Chương trình mục tiêu quốc gia"),
            LanguageHint::Vietnamese
        );
        assert_eq!(
            detect_language("部门预算收支总表 单位：万元"),
            LanguageHint::Chinese
        );
        assert_eq!(
            detect_language("令和5年度 予算の概要について"),
            LanguageHint::Japanese
        );
        assert_eq!(detect_language("2024년 예산 개요"), LanguageHint::Korean);
        assert_eq!(
            detect_language("The total budget of the department for the year"),
            LanguageHint::English
        );
        assert_eq!(
            detect_language("Le budget total des collectivités et des régions"),
            LanguageHint::French
        );
        assert_eq!(
            detect_language("Der Haushalt und die Ausgaben für das Jahr"),
            LanguageHint::German
        );
        assert_eq!(
            detect_language("Presupuesto municipal"),
            LanguageHint::Other
        );
        assert_eq!(detect_language("12.345 67"), LanguageHint::Unknown);
        assert_eq!(detect_language(""), LanguageHint::Unknown);
    }

    #[test]
    fn ambiguous_cell_goes_by_hint() {
        let vietnamese = guess_locale(["1.238"], LanguageHint::Vietnamese);
        assert_eq!(vietnamese.format, NumberFormat::VI);
        let chinese = guess_locale(["1.238"], LanguageHint::Chinese);
        assert_eq!(chinese.format.decimal, '.');
        assert!((vietnamese.confidence - 0.6).abs() < 1e-9);
    }

    #[test]
    fn evidence_beats_hint() {
        let guess = guess_locale(
            ["507,589,648,000", "104.8%", "1.238"],
            LanguageHint::Vietnamese,
        );
        assert_eq!(guess.format, NumberFormat::EN);
        let guess = guess_locale(["6490.30"], LanguageHint::Vietnamese);
        assert_eq!(guess.format.decimal, '.');
        let guess = guess_locale(["24.461,00", "1.238"], LanguageHint::English);
        assert_eq!(guess.format, NumberFormat::VI);
        let guess = guess_locale(["14.100.210.000"], LanguageHint::Chinese);
        assert_eq!(guess.format, NumberFormat::VI);
    }

    #[test]
    fn no_evidence_no_hint_is_en_with_low_confidence() {
        let guess = guess_locale(["", "abc", "12", "2024"], LanguageHint::Unknown);
        assert_eq!(guess.format, NumberFormat::EN);
        assert!(guess.confidence < 0.5);
        let guess = guess_locale(std::iter::empty::<&str>(), LanguageHint::Other);
        assert_eq!(guess.format, NumberFormat::EN);
        assert!(guess.confidence < 0.5);
    }

    #[test]
    fn confidence_grows_with_evidence_and_agreement() {
        let one = guess_locale(["24.461,00"], LanguageHint::Unknown).confidence;
        let many = guess_locale(
            [
                "24.461,00",
                "21.269,00",
                "1.636,00",
                "164,00",
                "-300.000.000",
            ],
            LanguageHint::Unknown,
        )
        .confidence;
        let agreeing = guess_locale(["24.461,00"], LanguageHint::Vietnamese).confidence;
        let disagreeing = guess_locale(["24.461,00"], LanguageHint::Chinese).confidence;
        assert!(0.5 < one && one < many && many <= 1.0, "{one} {many}");
        assert!(
            agreeing > one && disagreeing < one,
            "{agreeing} {one} {disagreeing}"
        );
        let mixed = guess_locale(
            ["24.461,00", "24.461,00", "6,490.30"],
            LanguageHint::Unknown,
        );
        assert_eq!(mixed.format.decimal, ',');
        assert!(mixed.confidence < many);
    }

    #[test]
    fn group_separator_follows_evidence() {
        let french = guess_locale(["1 234,5", "12 345,67", "5,5"], LanguageHint::Unknown);
        assert_eq!(
            french.format,
            NumberFormat {
                decimal: ',',
                group: Some(' ')
            }
        );
        let swiss = guess_locale(["1'234.50", "12'345.00"], LanguageHint::German);
        assert_eq!(swiss.format, NumberFormat::CH);
        let french_hint = guess_locale(["12,5"], LanguageHint::French);
        assert_eq!(french_hint.format, NumberFormat::FR);
        let chinese = guess_locale(["6490.30", "11.85", "4.65"], LanguageHint::Chinese);
        assert_eq!(chinese.format, NumberFormat::EN);
    }

    #[test]
    fn seed_like_documents() {
        // Lines of seed 000 (Vietnamese annex) split into cells.
        let vietnamese_annex = "TỔNG SỐ 14.100.210.000 0 14.100.210.000 I 14.100.210.000 \
            -300.000.000 13.800.210.000 12 00515 098 1.424,00 1.238,00 - 44,00 38,00 1.1 1.2";
        let cells: Vec<&str> = vietnamese_annex.split_whitespace().collect();
        let hint = detect_language(vietnamese_annex);
        let guess = guess_locale(cells.iter().copied(), hint);
        assert_eq!(guess.format, NumberFormat::VI);
        assert!(guess.confidence > 0.8, "{}", guess.confidence);
        // Seed 002 (Chinese department budget).
        let chinese_budget = "1 合计 6490.30 6490.30 6490.30 2 208 社会保障和就业支出 11.85 11.85 \
            4 2080505 机关事业单位基本养老保险缴费支出 11.49 栏次 1 2 3 4 5";
        let cells: Vec<&str> = chinese_budget.split_whitespace().collect();
        let guess = guess_locale(cells.iter().copied(), detect_language(chinese_budget));
        assert_eq!(guess.format, NumberFormat::EN);
        assert!(guess.confidence > 0.9, "{}", guess.confidence);
    }

    #[test]
    fn serializes_flat() {
        let guess = LocaleGuess {
            format: NumberFormat::VI,
            confidence: 0.5,
        };
        let json = serde_json::to_string(&guess).unwrap_or_default();
        assert_eq!(json, r#"{"decimal":",","group":".","confidence":0.5}"#);
    }
}
