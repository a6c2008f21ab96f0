//! Table-driven cases for [`parse_cell`]: real strings from the seeds
//! (`../shared/seeds/000_*.txt` Vietnamese annex, `002_*.txt` and `004_*.txt` Chinese department
//! budgets, `003_*.txt` Vietnamese form) and the budget-dev ground truth, plus the other printed
//! formats the numbers stage must read. Each expected result was worked out by hand from the
//! rules in the module documentation.

use super::{CellNumber, NonValueKind, NumberFormat, parse_cell};

use NonValueKind::{
    Code, Comparator, Date, DocumentNumber, Malformed, Ordinal, WithUnitText, Year,
};

#[derive(Debug, Clone, Copy)]
enum Expected {
    /// A plain value, as its exact decimal string (scale included).
    Value(&'static str),
    /// A value printed with %.
    Percent(&'static str),
    Not(NonValueKind),
    Text,
}

use Expected::{Not, Percent, Text, Value};

const VI: NumberFormat = NumberFormat::VI;
const EN: NumberFormat = NumberFormat::EN;
const FR: NumberFormat = NumberFormat::FR;
const CH: NumberFormat = NumberFormat::CH;

const CASES: &[(&str, NumberFormat, Expected)] = &[
    // --- Seed 000: Vietnamese annex, amounts in đồng with dot groups ---
    ("14.100.210.000", VI, Value("14100210000")),
    ("13.800.210.000", VI, Value("13800210000")),
    ("-300.000.000", VI, Value("-300000000")),
    ("300.000.000", VI, Value("300000000")),
    ("0", VI, Value("0")),
    // --- Seed 000: annex 02, amounts in triệu đồng with comma decimals ---
    ("24.461,00", VI, Value("24461.00")),
    ("21.269,00", VI, Value("21269.00")),
    ("1.636,00", VI, Value("1636.00")),
    ("1.914,00", VI, Value("1914.00")),
    ("1.078,00", VI, Value("1078.00")),
    ("15.291,00", VI, Value("15291.00")),
    ("1.350,00", VI, Value("1350.00")),
    ("2.127,00", VI, Value("2127.00")),
    ("164,00", VI, Value("164.00")),
    ("191,00", VI, Value("191.00")),
    ("107,00", VI, Value("107.00")),
    ("1.528,00", VI, Value("1528.00")),
    ("137,00", VI, Value("137.00")),
    ("1.065,00", VI, Value("1065.00")),
    ("82,00", VI, Value("82.00")),
    ("96,00", VI, Value("96.00")),
    ("54,00", VI, Value("54.00")),
    ("764,00", VI, Value("764.00")),
    ("69,00", VI, Value("69.00")),
    ("1.424,00", VI, Value("1424.00")),
    ("1.238,00", VI, Value("1238.00")),
    ("124,00", VI, Value("124.00")),
    ("62,00", VI, Value("62.00")),
    ("44,00", VI, Value("44.00")),
    ("38,00", VI, Value("38.00")),
    ("4,00", VI, Value("4.00")),
    ("2,00", VI, Value("2.00")),
    ("1,15", VI, Value("1.15")),
    ("0,10", VI, Value("0.10")),
    ("0,05", VI, Value("0.05")),
    ("95,45", VI, Value("95.45")),
    ("83,00", VI, Value("83.00")),
    ("8,30", VI, Value("8.30")),
    ("4,15", VI, Value("4.15")),
    ("132,25", VI, Value("132.25")),
    ("11,50", VI, Value("11.50")),
    ("5,75", VI, Value("5.75")),
    ("189,75", VI, Value("189.75")),
    ("16,50", VI, Value("16.50")),
    ("8,25", VI, Value("8.25")),
    ("313,95", VI, Value("313.95")),
    ("27,30", VI, Value("27.30")),
    ("13,65", VI, Value("13.65")),
    ("239,00", VI, Value("239.00")),
    ("119,50", VI, Value("119.50")),
    ("104,50", VI, Value("104.50")),
    ("13.271,00", VI, Value("13271.00")),
    ("11.540,00", VI, Value("11540.00")),
    ("1.154,00", VI, Value("1154.00")),
    ("577,00", VI, Value("577.00")),
    ("3.266,00", VI, Value("3266.00")),
    ("2.840,00", VI, Value("2840.00")),
    ("763,60", VI, Value("763.60")),
    ("66,40", VI, Value("66.40")),
    ("33,20", VI, Value("33.20")),
    ("10.005,00", VI, Value("10005.00")),
    ("8.700,00", VI, Value("8700.00")),
    ("5.182,00", VI, Value("5182.00")),
    ("4.507,00", VI, Value("4507.00")),
    ("450,00", VI, Value("450.00")),
    ("2.461,00", VI, Value("2461.00")),
    ("1.882,00", VI, Value("1882.00")),
    ("838,00", VI, Value("838.00")),
    ("1.239,00", VI, Value("1239.00")),
    ("1.175,00", VI, Value("1175.00")),
    ("1.020,00", VI, Value("1020.00")),
    ("381,00", VI, Value("381.00")),
    ("1.551,00", VI, Value("1551.00")),
    ("1.186,00", VI, Value("1186.00")),
    ("1.188,00", VI, Value("1188.00")),
    ("1.033,00", VI, Value("1033.00")),
    ("17,20", VI, Value("17.20")),
    ("3,45", VI, Value("3.45")),
    ("0,70", VI, Value("0.70")),
    ("0,15", VI, Value("0.15")),
    ("-", VI, Value("0")),
    // Dashes of other kinds and widths: zero.
    ("–", VI, Value("0")),
    ("—", VI, Value("0")),
    ("\u{2212}", VI, Value("0")),
    ("－", EN, Value("0")),
    ("--", VI, Value("0")),
    (" - ", EN, Value("0")),
    // --- budget-dev truth: Vietnamese ---
    ("10.034,33", VI, Value("10034.33")),
    ("8.725,50", VI, Value("8725.50")),
    ("872,55", VI, Value("872.55")),
    ("40,03", VI, Value("40.03")),
    ("1.730,75", VI, Value("1730.75")),
    ("22.415.191.000", VI, Value("22415191000")),
    ("1.071.619.000", VI, Value("1071619000")),
    ("114.921.000", VI, Value("114921000")),
    ("37.397.012.000", VI, Value("37397012000")),
    ("-1.369.000.000", VI, Value("-1369000000")),
    ("-1.450.000.000", VI, Value("-1450000000")),
    ("81.000.000", VI, Value("81000000")),
    ("2.246", VI, Value("2246")),
    ("320", VI, Value("320")),
    ("1.955", VI, Value("1955")),
    ("802.000.000", VI, Value("802000000")),
    ("99,1%", VI, Percent("99.1")),
    ("107,2%", VI, Percent("107.2")),
    ("122,2%", VI, Percent("122.2")),
    ("100,5%", VI, Percent("100.5")),
    ("116,0%", VI, Percent("116.0")),
    // A Vietnamese document printed with English grouping (budget-dev enus_grouping): the
    // digits are unambiguous, so they read correctly even with the Vietnamese format.
    ("507,589,648,000", VI, Value("507589648000")),
    ("104.8%", VI, Percent("104.8")),
    ("6,490.30", VI, Value("6490.30")),
    ("1234.567", VI, Value("1234.567")),
    ("0.238", VI, Value("0.238")),
    // The same cells with the English format.
    ("507,589,648,000", EN, Value("507589648000")),
    ("51,965,947,000", EN, Value("51965947000")),
    ("104.8%", EN, Percent("104.8")),
    ("105.0%", EN, Percent("105.0")),
    ("95.7%", EN, Percent("95.7")),
    // --- Codes, row labels, document numbers and dates in Vietnamese documents ---
    ("00515", VI, Not(Code)),
    ("00516", VI, Not(Code)),
    ("098", VI, Not(Code)),
    ("12", VI, Value("12")), // a row number or a short code: the table stage decides
    ("398", VI, Value("398")),
    ("82/TTr-UBND", VI, Not(DocumentNumber)),
    ("82  /TTr-UBND", VI, Not(DocumentNumber)),
    ("205/KH-MTTQ-BTT", VI, Not(DocumentNumber)),
    ("121/2017/TT-BTC", VI, Not(DocumentNumber)),
    ("Số 82/TTr-UBND", VI, Not(DocumentNumber)),
    ("3/2022/NĐ-CP", VI, Not(DocumentNumber)),
    ("21/5/2025", VI, Not(Date)),
    ("21  /5/2025", VI, Not(Date)),
    ("18/4/2022", VI, Not(Date)),
    ("4/2022", VI, Not(Date)),
    ("31.12.2021", VI, Not(Date)),
    ("2019 - 2024", VI, Not(Year)),
    ("2022 - 2024", VI, Not(Year)),
    ("2024", VI, Not(Year)),
    ("2025", VI, Not(Year)),
    ("I", VI, Not(Ordinal)),
    ("II", VI, Not(Ordinal)),
    ("IV", VI, Not(Ordinal)),
    ("A", VI, Not(Ordinal)),
    ("a.", VI, Not(Ordinal)),
    ("b)", VI, Not(Ordinal)),
    ("1.", VI, Not(Ordinal)),
    ("2.1.", VI, Not(Ordinal)),
    ("1.1", VI, Not(Ordinal)), // a heading number: `.` cannot be a decimal point here
    ("1.1", EN, Value("1.1")),
    ("*", VI, Text),
    ("TỔNG SỐ", VI, Text),
    ("Xã Sơn Hạ", VI, Text),
    ("(1)=(2)+(8)+(14)", VI, Text),
    ("(3)", VI, Value("-3")), // parentheses around digits always mean a negative number
    ("Đơn vị tính: Đồng", VI, Text),
    ("6 tháng 2022", VI, Text),
    ("4. Công tác dân tộc, tôn giáo:", VI, Text),
    ("Các khoản thu xã hưởng 100%", VI, Text),
    // --- Vietnamese currency marks and unit text ---
    ("1.000.000đ", VI, Value("1000000")),
    ("500.000 đồng", VI, Value("500000")),
    ("500.000 Đồng", VI, Value("500000")),
    ("1.000.000 ₫", VI, Value("1000000")),
    ("₫1.000", VI, Value("1000")),
    ("1.500 VNĐ", VI, Value("1500")),
    ("12 triệu đồng", VI, Not(WithUnitText)),
    ("10 hộ", VI, Not(WithUnitText)),
    ("12 người", VI, Not(WithUnitText)),
    ("5 đơn vị", VI, Not(WithUnitText)),
    // --- Sign, percent and grouping variants in the Vietnamese format ---
    ("1.234", VI, Value("1234")),
    ("1.238", VI, Value("1238")),
    ("(1.234)", VI, Value("-1234")),
    ("1.234-", VI, Value("-1234")),
    ("\u{2212}1.234", VI, Value("-1234")),
    ("+1.234", VI, Value("1234")),
    ("12,5%", VI, Percent("12.5")),
    ("-12,5%", VI, Percent("-12.5")),
    ("(12,5%)", VI, Percent("-12.5")),
    ("12,5 %", VI, Percent("12.5")),
    ("1 234,5", VI, Value("1234.5")),
    ("1\u{00A0}234\u{00A0}567", VI, Value("1234567")),
    ("1\u{202F}234,50", VI, Value("1234.50")),
    ("1\u{2009}234", VI, Value("1234")),
    ("1.234.567,891", VI, Value("1234567.891")),
    ("0,5", VI, Value("0.5")),
    (",5", VI, Value("0.5")),
    ("0,00", VI, Value("0.00")),
    ("-0,00", VI, Value("0.00")),
    ("12.34.567", VI, Not(Malformed)),
    ("12 00515 098", VI, Not(Malformed)),
    ("1.2345", VI, Value("1.2345")), // four digits after `.`: only a decimal point fits
    // --- Seeds 002 and 004: Chinese department budgets, 万元 with dot decimals ---
    ("6490.30", EN, Value("6490.30")),
    ("11.85", EN, Value("11.85")),
    ("11.49", EN, Value("11.49")),
    ("0.36", EN, Value("0.36")),
    ("4.65", EN, Value("4.65")),
    ("6466.60", EN, Value("6466.60")),
    ("109.60", EN, Value("109.60")),
    ("20.00", EN, Value("20.00")),
    ("265.00", EN, Value("265.00")),
    ("5946.19", EN, Value("5946.19")),
    ("125.81", EN, Value("125.81")),
    ("7.20", EN, Value("7.20")),
    ("133.30", EN, Value("133.30")),
    ("6357.00", EN, Value("6357.00")),
    ("110.12", EN, Value("110.12")),
    ("23.18", EN, Value("23.18")),
    ("58.80", EN, Value("58.80")),
    ("13.38", EN, Value("13.38")),
    ("3.19", EN, Value("3.19")),
    ("46.21", EN, Value("46.21")),
    ("13.11", EN, Value("13.11")),
    ("33.10", EN, Value("33.10")),
    ("691.29", EN, Value("691.29")),
    ("497.38", EN, Value("497.38")),
    ("193.92", EN, Value("193.92")),
    ("487.90", EN, Value("487.90")),
    ("416.90", EN, Value("416.90")),
    ("370.12", EN, Value("370.12")),
    ("0.17", EN, Value("0.17")),
    ("3.00", EN, Value("3.00")),
    ("71", EN, Value("71")),
    ("104.92", EN, Value("104.92")),
    ("0", EN, Value("0")),
    // budget-dev truth: Chinese 元 tables with comma groups.
    ("77,031,421.57", EN, Value("77031421.57")),
    ("5,037,480.78", EN, Value("5037480.78")),
    ("931,610.60", EN, Value("931610.60")),
    ("37,571.62", EN, Value("37571.62")),
    // Function and economic codes.
    ("2080505", EN, Not(Code)),
    ("2130599", EN, Not(Code)),
    ("2012901", EN, Not(Code)),
    ("2210201", EN, Not(Code)),
    ("208", EN, Value("208")), // short codes: the table stage decides from the column
    ("A02010104", EN, Not(Code)),
    ("B99", EN, Not(Code)),
    ("C23090000", EN, Not(Code)),
    // Performance-target tables.
    ("≥98", EN, Not(Comparator)),
    ("≥100", EN, Not(Comparator)),
    ("≥98 百分比", EN, Not(Comparator)),
    ("≤5%", EN, Not(Comparator)),
    ("<5%", EN, Not(Comparator)),
    ("> 100", EN, Not(Comparator)),
    ("＞90", EN, Not(Comparator)),
    ("3 场", EN, Not(WithUnitText)),
    ("1 场", EN, Not(WithUnitText)),
    ("4场", EN, Not(WithUnitText)),
    ("500 人", EN, Not(WithUnitText)),
    ("40 人", EN, Not(WithUnitText)),
    ("6218 户", EN, Not(WithUnitText)),
    ("100 户", EN, Not(WithUnitText)),
    ("5 个", EN, Not(WithUnitText)),
    ("13 个", EN, Not(WithUnitText)),
    ("3000 份", EN, Not(WithUnitText)),
    ("71 万", EN, Not(WithUnitText)),
    ("104.92 万", EN, Not(WithUnitText)),
    ("6 百分比", EN, Not(WithUnitText)),
    ("2022 年方案", EN, Not(WithUnitText)),
    ("6490.3万元", EN, Not(WithUnitText)),
    ("265.00万元", EN, Not(WithUnitText)),
    ("2022", EN, Not(Year)),
    ("2022年", EN, Not(Year)),
    ("2021-12-31", EN, Not(Date)),
    ("2024.1-2024.12", EN, Not(Date)),
    ("2024年12月31日", EN, Not(Date)),
    ("2023 年 9 月 30 日", EN, Not(Date)),
    ("2021/12/31", EN, Not(Date)),
    ("12/31/2021", EN, Not(Date)),
    ("冀财农【2021】126 号", EN, Not(DocumentNumber)),
    ("一、", EN, Not(Ordinal)),
    ("（一）", EN, Not(Ordinal)),
    ("十一、", EN, Not(Ordinal)),
    ("①", EN, Not(Ordinal)),
    ("(a)", EN, Not(Ordinal)),
    ("iv", EN, Not(Ordinal)),
    ("12.", EN, Not(Ordinal)),
    ("3)", EN, Not(Ordinal)),
    ("合计", EN, Text),
    ("栏次", EN, Text),
    ("1.保障工作顺利进行，巩固脱贫攻坚成果", EN, Text),
    ("按实际上访人数提供法律帮助", EN, Text),
    // --- English format: groups, Indian grouping, negatives ---
    ("1,234", EN, Value("1234")),
    ("1.238", EN, Value("1.238")),
    ("1.000", EN, Value("1.000")),
    ("1,23,45,678.00", EN, Value("12345678.00")),
    ("12,34,567", EN, Value("1234567")),
    ("1,00,000", EN, Value("100000")),
    ("(300,000,000)", EN, Value("-300000000")),
    ("-1,234.5", EN, Value("-1234.5")),
    ("1,234.50-", EN, Value("-1234.50")),
    ("+6490.30", EN, Value("6490.30")),
    ("\u{2212}6490.30", EN, Value("-6490.30")),
    ("12.5%", EN, Percent("12.5")),
    ("100%", EN, Percent("100")),
    ("0.5 %", EN, Percent("0.5")),
    (".5", EN, Value("0.5")),
    ("1'234.50", EN, Value("1234.50")),
    ("△1,234", EN, Value("-1234")),
    ("▲500", EN, Value("-500")),
    // Unambiguous comma decimals read with the English format.
    ("24.461,00", EN, Value("24461.00")),
    ("12,5", EN, Value("12.5")),
    ("1.234.567", EN, Value("1234567")),
    ("1,2,3", EN, Not(Malformed)),
    ("1..2", EN, Not(Malformed)),
    ("1.2.3", EN, Not(Ordinal)),
    // --- Full-width digits and separators ---
    ("１２３．４５", EN, Value("123.45")),
    ("１，２３４．５", EN, Value("1234.5")),
    ("１２，５％", VI, Percent("12.5")),
    ("－１２３", EN, Value("-123")),
    ("（１２３）", EN, Value("-123")),
    ("￥１２３．００", EN, Value("123.00")),
    // --- Currency marks ---
    ("¥6,490.30", EN, Value("6490.30")),
    ("$1,234.56", EN, Value("1234.56")),
    ("€1.234,56", VI, Value("1234.56")),
    ("1.234,56 €", VI, Value("1234.56")),
    ("1,234 USD", EN, Value("1234")),
    ("US$ 5,000", EN, Value("5000")),
    ("-$1,234", EN, Value("-1234")),
    ("$(1,234)", EN, Value("-1234")),
    ("6490.30元", EN, Value("6490.30")),
    ("6490.30 元", EN, Value("6490.30")),
    ("500 USD/người", EN, Not(WithUnitText)),
    // --- French and Swiss formats ---
    ("1 234,5", FR, Value("1234.5")),
    ("1 234 567,89", FR, Value("1234567.89")),
    ("12,5 %", FR, Percent("12.5")),
    ("-1 234", FR, Value("-1234")),
    ("1\u{202F}234,56", FR, Value("1234.56")),
    ("1.234,5", FR, Value("1234.5")),
    ("1'234.50", CH, Value("1234.50")),
    ("1\u{2019}234.50", CH, Value("1234.50")),
    ("1'234'567", CH, Value("1234567")),
    ("-1'000", CH, Value("-1000")),
    // --- Empty and ordinary text ---
    ("", VI, Text),
    ("   ", VI, Text),
    ("\u{00A0}", EN, Text),
    ("n/a", EN, Text),
    ("%", EN, Text),
    ("(5", EN, Text),
    ("5) Xã Sơn Hạ", EN, Text),
    ("(-5)", EN, Text),
    ("5 - 10", EN, Text),
    ("15/12", EN, Text),
];

fn describe(parsed: &CellNumber) -> String {
    match parsed {
        CellNumber::Value {
            value,
            percent: false,
        } => format!("Value({value})"),
        CellNumber::Value {
            value,
            percent: true,
        } => format!("Percent({value})"),
        CellNumber::NotAValue { kind } => format!("Not({kind:?})"),
        CellNumber::Text => "Text".to_string(),
    }
}

fn describe_expected(expected: Expected) -> String {
    match expected {
        Value(value) => format!("Value({value})"),
        Percent(value) => format!("Percent({value})"),
        Not(kind) => format!("Not({kind:?})"),
        Text => "Text".to_string(),
    }
}

#[test]
fn real_format_cases() {
    assert!(CASES.len() >= 150, "only {} cases", CASES.len());
    let failures: Vec<String> = CASES
        .iter()
        .filter_map(|(input, format, expected)| {
            let parsed = describe(&parse_cell(input, format));
            let wanted = describe_expected(*expected);
            (parsed != wanted).then(|| {
                format!(
                    "{input:?} with {:?}/{:?}: got {parsed}, expected {wanted}",
                    format.decimal, format.group
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn parse_cell_never_panics_on_odd_input() {
    let odd = [
        "\u{0}",
        "(",
        ")",
        "()",
        "-(",
        "%%",
        "1%%",
        "$",
        "$$1",
        "1e5",
        "∞",
        "NaN",
        "1/0",
        "..",
        ",,",
        "1,",
        ",",
        "'",
        "1'",
        "''1",
        "(((1)))",
        "--1",
        "1--",
        "△",
        "▲-1",
        "0x1F",
        "99999999999999999999999999999999999",
        "1.000.000.000.000.000.000.000.000.000.000",
        "0,0000000000000000000000000000001",
        "١٢٣",
        "১২৩",
        "Ⅳ",
        "²",
        "½",
        "元",
        "đ",
        "₫₫1",
        "≥",
        "<",
        "1/",
        "/1",
        "年",
        "2024年13月",
        "【2021】号",
        "第",
        "、",
        "(一",
        "一)",
    ];
    for text in odd {
        for format in [VI, EN, FR, CH] {
            let _ = parse_cell(text, &format);
        }
    }
    for long in [
        "1.234,5 ".repeat(10_000),
        "1-".repeat(50_000),
        "1/".repeat(50_000),
        "(".repeat(50_000),
    ] {
        for format in [VI, EN] {
            let _ = parse_cell(&long, &format);
        }
        let _ = crate::text::find_unit(&long);
        let _ = crate::text::is_unit_line(&long);
        let _ = super::guess_locale([long.as_str()], super::LanguageHint::Unknown);
        let _ = super::detect_language(&long);
        let _ = super::parse_column_formulas(&[long.as_str()]);
    }
    let markers = "单位".repeat(50_000);
    assert_eq!(crate::text::find_unit(&markers), None);
    assert!(!crate::text::is_unit_line(&markers));
}
