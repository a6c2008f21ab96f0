//! Unit tests of `context`.

use super::*;
use crate::pdf::BBox;

fn line(text: &str) -> ContextLine {
    ContextLine::new(text, BBox::default())
}

#[test]
fn unit_from_lines_above_title_or_running_header() {
    let lines = vec![
        line("PHỤ LỤC 02: Phân bổ vốn sự nghiệp"),
        line("(Kèm theo Tờ trình số 82/TTr-UBND ngày 21/5/2025)"),
        line("Đơn vị tính: Triệu đồng"),
    ];
    let unit = table_unit(&lines, Some("PHỤ LỤC 02: Phân bổ vốn sự nghiệp"), &[]).unwrap();
    assert_eq!(unit.multiplier, rust_decimal::Decimal::from(1_000_000));
    assert_eq!(unit.currency.as_deref(), Some("VND"));
    let from_header = table_unit(&[line("部门预算支出表")], Some("部门预算支出表"), &["475 望都县乡村振兴局 预算年度：2022 单位：万元".to_string()]);
    assert_eq!(from_header.map(|u| u.text), Some("万元".to_string()));
    let from_title = table_unit(&[], Some("部门预算支出表 单位：万元"), &[]);
    assert_eq!(from_title.map(|u| u.text), Some("万元".to_string()));
}
