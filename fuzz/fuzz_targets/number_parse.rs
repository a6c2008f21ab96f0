//! Arbitrary text through the numbers stage. The input is read as a small table: lines are rows,
//! `|` or TAB separates cells. Every cell is parsed in each number format, units and formulas are
//! read, the locale is guessed, and the arithmetic checks run over the parsed values.
//!
//! Invariants checked besides "no panic":
//! - `parse_cell` never returns negative zero (documented);
//! - a parsed value printed back with `format_decimal` (plain and grouped) in each format reads
//!   back to the same value with `read_number_ignoring_shape`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use tablelift::number::{
    CellNumber, CheckRow, NumberFormat, detect_language, find_unit, format_decimal, guess_locale,
    is_unit_line, parse_cell, parse_column_formulas, read_number_ignoring_shape, run_checks,
    table_unit,
};

const FORMATS: [NumberFormat; 4] = [NumberFormat::VI, NumberFormat::EN, NumberFormat::FR, NumberFormat::CH];

fn round_trip(value: Decimal) {
    for format in &FORMATS {
        for grouped in [false, true] {
            let printed = format_decimal(value, format, grouped);
            let back = read_number_ignoring_shape(&printed, format);
            assert_eq!(back, Some(value), "{value} printed as {printed:?} in {format:?} reads back as {back:?}");
        }
    }
}

fn value_of(cell: &str, format: &NumberFormat) -> Option<Decimal> {
    match parse_cell(cell, format) {
        CellNumber::Value { value, .. } => Some(value),
        _ => None,
    }
}

fuzz_target!(|text: &str| {
    let rows: Vec<Vec<&str>> = text.split('\n').map(|line| line.split(['|', '\t']).collect()).collect();
    let cells: Vec<&str> = rows.iter().flatten().copied().collect();

    for cell in &cells {
        for format in &FORMATS {
            if let CellNumber::Value { value, .. } = parse_cell(cell, format) {
                assert!(!(value.is_zero() && value.is_sign_negative()), "negative zero from {cell:?}");
                round_trip(value);
                if let Some(unit) = find_unit(cell) {
                    let _ = unit.scale(value);
                }
            }
            let _ = read_number_ignoring_shape(cell, format);
        }
        let _ = find_unit(cell);
        let _ = is_unit_line(cell);
        let _ = tablelift::text::is_total_label(cell);
        let _ = tablelift::text::is_row_marker(cell);
        let _ = tablelift::text::is_value_like(cell);
        let _ = NumberFormat::for_locale_code(cell);
    }

    let language = detect_language(text);
    let guess = guess_locale(cells.iter().copied(), language);
    assert!((0.0..=1.0).contains(&guess.confidence), "confidence {}", guess.confidence);

    // The first row as a column-number row ("(1)=(2)+(3)" …), the rest as body rows.
    let formulas = parse_column_formulas(&rows[0]);
    let check_rows: Vec<CheckRow> = rows
        .iter()
        .skip(1)
        .map(|row| {
            let label = row.first().copied().unwrap_or("");
            CheckRow {
                level: (label.len() % 4) as u8,
                is_total: tablelift::text::is_total_label(label),
                values: row.iter().map(|cell| value_of(cell, &guess.format)).collect(),
            }
        })
        .collect();
    let _ = run_checks(&check_rows, &formulas);

    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    let above: Vec<tablelift::table::ContextLine> = lines.iter().map(|l| tablelift::table::ContextLine::new(l.as_str(), tablelift::pdf::BBox::default())).collect();
    let title = tablelift::table::table_title(&above);
    let _ = table_unit(&above, title.as_deref(), &lines[lines.len().saturating_sub(1)..]);
});
