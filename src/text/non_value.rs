//! Why a numeric-looking cell is not a plain value: the kinds that [`classify_shape`](super::classify_shape)
//! recognises from a cell's shape alone and the ones the number stage finds while reading the
//! number (unit text after it, malformed digit groups).

/// Why a numeric-looking cell is not a plain value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NonValueKind {
    /// `00515`, `098`, `2080505`, `A02010104`.
    Code,
    /// `2022`, `2019 - 2024`, `2022年`.
    Year,
    /// `21/5/2025`, `2021-12-31`, `2024年12月31日`, `2024.1-2024.12`.
    Date,
    /// `82/TTr-UBND`, `121/2017/TT-BTC`, `冀财农【2021】126 号`.
    DocumentNumber,
    /// `≥98`, `<5%`, `> 100`.
    Comparator,
    /// `3 场`, `500 人`, `71 万`, `12 triệu đồng`.
    WithUnitText,
    /// `I`, `II`, `a)`, `1.`, `2.1.`, `一、`, `（一）`, `①`, a single letter; in a comma-decimal
    /// format also a section number such as `1.2`.
    Ordinal,
    /// Only digits and separators, but no valid number in either decimal convention
    /// (`1,2,3`, `12 00515 098`).
    Malformed,
}
