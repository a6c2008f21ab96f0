//! Words per script: labels, header texts, titles and the prose, lists, notes and signature
//! blocks drawn around tables. Labels are built from parts so that their lengths vary and some
//! wrap over two or three lines.

use super::rng::Rng;

/// The script of a layout's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Chinese, full-width ideographs.
    Cjk,
    /// Vietnamese, Latin letters with diacritics.
    Vi,
    /// English.
    Latin,
}

impl Script {
    /// Dimension value.
    pub fn name(self) -> &'static str {
        match self {
            Script::Cjk => "cjk",
            Script::Vi => "vi",
            Script::Latin => "latin",
        }
    }
}

fn pick3<'a>(rng: &mut Rng, s: Script, zh: &[&'a str], vi: &[&'a str], en: &[&'a str]) -> &'a str {
    match s {
        Script::Cjk => rng.pick(zh),
        Script::Vi => rng.pick(vi),
        Script::Latin => rng.pick(en),
    }
}

const ZH_ITEMS: [&str; 16] = [
    "一般公共服务支出",
    "教育支出",
    "科学技术支出",
    "文化旅游体育与传媒支出",
    "社会保障和就业支出",
    "卫生健康支出",
    "节能环保支出",
    "城乡社区支出",
    "农林水支出",
    "住房保障支出",
    "行政单位离退休",
    "机关事业单位基本养老保险缴费支出",
    "其他社会保障和就业支出",
    "行政运行",
    "一般行政管理事务",
    "事业运行",
];
const ZH_TAILS: [&str; 6] = [
    "",
    "",
    "（含专项转移支付）",
    "及相关配套经费",
    "项目",
    "其他支出",
];
const VI_HEADS: [&str; 10] = [
    "Chi sự nghiệp",
    "Vốn sự nghiệp",
    "Kinh phí",
    "Chi thường xuyên",
    "Chi đầu tư phát triển",
    "Hỗ trợ",
    "Phòng",
    "Xã",
    "Trường Tiểu học",
    "Trung tâm",
];
const VI_OBJS: [&str; 12] = [
    "giáo dục - đào tạo và dạy nghề",
    "y tế, dân số và gia đình",
    "Dân tộc và Tôn giáo",
    "Nội vụ",
    "văn hóa thông tin",
    "bảo vệ môi trường",
    "Sơn Hạ",
    "Sơn Thành",
    "đảm bảo xã hội",
    "quản lý hành chính",
    "phát triển kinh tế - xã hội vùng đồng bào dân tộc thiểu số và miền núi",
    "Chương trình MTQG xây dựng nông thôn mới",
];
const VI_TAILS: [&str; 6] = [
    "",
    "",
    "huyện Sơn Hà",
    "năm 2025",
    "theo Nghị quyết số 15/NQ-HĐND",
    "(nguồn ngân sách tỉnh)",
];
const EN_HEADS: [&str; 10] = [
    "General public services",
    "Education",
    "Health",
    "Social protection",
    "Public order and safety",
    "Economic affairs",
    "Environmental protection",
    "Housing and community amenities",
    "Recreation, culture and religion",
    "Defence",
];
const EN_TAILS: [&str; 7] = [
    "",
    "",
    "and related programmes",
    "(current transfers)",
    "of which capital expenditure",
    "for the regional authorities",
    "n.e.c.",
];

/// A body row label; `long` asks for one likely to wrap.
pub fn item_label(rng: &mut Rng, s: Script, long: bool) -> String {
    match s {
        Script::Cjk => {
            let mut t = rng.pick(&ZH_ITEMS).to_string();
            if long {
                t.push_str(rng.pick(&ZH_ITEMS));
                t.push_str(rng.pick(&ZH_TAILS[2..]));
            } else {
                t.push_str(rng.pick(&ZH_TAILS));
            }
            t
        }
        Script::Vi => {
            let mut t = format!("{} {}", rng.pick(&VI_HEADS), rng.pick(&VI_OBJS));
            let tail = if long {
                rng.pick(&VI_TAILS[2..])
            } else {
                rng.pick(&VI_TAILS)
            };
            if !tail.is_empty() {
                t.push(' ');
                t.push_str(tail);
            }
            if long {
                t.push_str(" và ");
                t.push_str(rng.pick(&VI_OBJS));
            }
            t
        }
        Script::Latin => {
            let mut t = rng.pick(&EN_HEADS).to_string();
            let tail = if long {
                rng.pick(&EN_TAILS[2..])
            } else {
                rng.pick(&EN_TAILS)
            };
            if !tail.is_empty() {
                t.push(' ');
                t.push_str(tail);
            }
            if long {
                t.push_str(" and ");
                t.push_str(&rng.pick(&EN_HEADS).to_lowercase());
            }
            t
        }
    }
}

/// A body row label, long with probability `p_long`.
pub fn item_label_p(rng: &mut Rng, s: Script, p_long: f64) -> String {
    let long = rng.chance(p_long);
    item_label(rng, s, long)
}

/// The label of a group row (`I`, `一、`, …) and its name.
pub fn group_label(rng: &mut Rng, s: Script, k: usize) -> (String, String) {
    const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];
    const ZH_NUM: [&str; 8] = ["一", "二", "三", "四", "五", "六", "七", "八"];
    let name = match s {
        Script::Cjk => format!("{}、{}", ZH_NUM[k % 8], rng.pick(&ZH_ITEMS)),
        Script::Vi => format!(
            "{} {}",
            rng.pick(&["Khối", "Phòng", "Lĩnh vực", "Chương trình"]),
            rng.pick(&VI_OBJS)
        )
        .to_uppercase(),
        Script::Latin => rng.pick(&EN_HEADS).to_uppercase(),
    };
    (ROMAN[k % 8].to_string(), name)
}

/// The total row's label.
pub fn total_label(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &["合计", "总计", "收入总计", "支出合计"],
        &["TỔNG SỐ", "TỔNG CỘNG", "Tổng cộng"],
        &["Total", "TOTAL", "Grand total"],
    )
    .to_string()
}

/// Header words of the common columns.
pub fn index_header(s: Script) -> &'static str {
    match s {
        Script::Cjk => "序号",
        Script::Vi => "STT",
        Script::Latin => "No.",
    }
}

/// Header of the label column.
pub fn label_header(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &["项目", "项 目", "科目名称", "单位名称"],
        &["Nội dung", "Tên đơn vị", "Nội dung chi"],
        &["Item", "Function", "Description"],
    )
    .to_string()
}

/// Header of a code column and of the name column beside it.
pub fn code_headers(s: Script) -> (&'static str, &'static str) {
    match s {
        Script::Cjk => ("科目编码", "科目名称"),
        Script::Vi => ("Mã số", "Tên nội dung"),
        Script::Latin => ("Code", "Name"),
    }
}

/// Headers of amount columns.
pub fn amount_header(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &[
            "合计",
            "基本支出",
            "项目支出",
            "财政拨款收入",
            "财政专户收入",
            "一般公共预算",
            "政府性基金",
            "年初预算数",
            "本年支出",
            "上年结转",
            "事业收入",
        ],
        &[
            "Tổng số",
            "Dự toán năm 2025",
            "Quyết toán",
            "Thực hiện",
            "Vốn trong nước",
            "Vốn nước ngoài",
            "Chi thường xuyên",
            "Chi đầu tư",
            "Điều chỉnh",
            "Dự toán sau điều chỉnh",
        ],
        &[
            "Total",
            "Budget 2025",
            "Actual 2024",
            "Current",
            "Capital",
            "Revised",
            "Outturn",
            "Transfers",
            "Adjustment",
            "Estimate",
        ],
    )
    .to_string()
}

/// A spanning header over amount columns.
pub fn span_header(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &[
            "一般公共预算拨款",
            "其中",
            "本年收入",
            "财政拨款支出",
            "政府性基金预算",
        ],
        &[
            "Trong đó",
            "Ngân sách Trung ương",
            "Ngân sách địa phương",
            "Nguồn vốn",
            "Chia ra",
        ],
        &[
            "of which",
            "Central government",
            "Local government",
            "Funding source",
            "Breakdown",
        ],
    )
    .to_string()
}

/// Header and cell texts of a remarks column.
pub fn remarks(rng: &mut Rng, s: Script) -> (String, String) {
    let h = pick3(rng, s, &["备注"], &["Ghi chú"], &["Remarks"]).to_string();
    let t = pick3(
        rng,
        s,
        &["新增项目", "含上年结转", "按进度拨付", "据实结算"],
        &["Bổ sung mới", "Chuyển nguồn", "Theo tiến độ", "Đã cấp"],
        &["new item", "carried over", "as disbursed", "provisional"],
    )
    .to_string();
    (h, t)
}

/// Performance-target texts: (level-1 indicator, level-2 indicator, long description, target).
pub fn perf_row(rng: &mut Rng, s: Script) -> (String, String, String, String) {
    let n = rng.range(60, 100);
    match s {
        Script::Cjk => (
            rng.pick(&["产出指标", "效益指标", "满意度指标"])
                .to_string(),
            rng.pick(&[
                "数量指标",
                "质量指标",
                "时效指标",
                "社会效益指标",
                "服务对象满意度指标",
            ])
            .to_string(),
            format!(
                "{}{}",
                rng.pick(&[
                    "按时足额发放离退休人员待遇，保障",
                    "完成年度预算编制和执行工作，确保",
                    "开展公共服务项目绩效评价，提高"
                ]),
                rng.pick(&["财政资金使用效益", "基本运转正常", "群众满意度稳步提升"])
            ),
            format!("{}{}%", rng.pick(&["≥", "≤", "="]), n),
        ),
        Script::Vi => (
            rng.pick(&["Chỉ tiêu đầu ra", "Chỉ tiêu hiệu quả", "Mức độ hài lòng"])
                .to_string(),
            rng.pick(&["Số lượng", "Chất lượng", "Tiến độ", "Hiệu quả xã hội"])
                .to_string(),
            format!(
                "{} {}",
                rng.pick(&[
                    "Hoàn thành kế hoạch giải ngân vốn đầu tư công, bảo đảm",
                    "Tổ chức thực hiện chương trình đào tạo nghề cho lao động nông thôn nhằm",
                    "Chi trả đầy đủ, kịp thời chế độ chính sách để"
                ]),
                rng.pick(&[
                    "hiệu quả sử dụng ngân sách",
                    "ổn định đời sống người dân",
                    "đúng tiến độ được giao"
                ])
            ),
            format!("{}{}%", rng.pick(&["≥", "≤"]), n),
        ),
        Script::Latin => (
            rng.pick(&["Output", "Outcome", "Satisfaction"]).to_string(),
            rng.pick(&["Quantity", "Quality", "Timeliness", "Social benefit"])
                .to_string(),
            format!(
                "{} {}",
                rng.pick(&[
                    "Complete the annual budget programme on schedule and",
                    "Deliver the training courses planned for the year so as to",
                    "Pay all pension entitlements in full and on time to"
                ]),
                rng.pick(&[
                    "improve value for money",
                    "keep services running",
                    "raise user satisfaction"
                ])
            ),
            format!("{}{}%", rng.pick(&["≥", "≤"]), n),
        ),
    }
}

/// Headers of a performance-target table.
pub fn perf_headers(s: Script) -> [&'static str; 4] {
    match s {
        Script::Cjk => ["一级指标", "二级指标", "三级指标", "指标值"],
        Script::Vi => [
            "Chỉ tiêu cấp 1",
            "Chỉ tiêu cấp 2",
            "Nội dung chỉ tiêu",
            "Giá trị",
        ],
        Script::Latin => ["Level 1", "Level 2", "Indicator", "Target"],
    }
}

/// Row names of a statistical table (regions).
pub fn region(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &[
            "北京市",
            "天津市",
            "河北省",
            "山西省",
            "内蒙古自治区",
            "辽宁省",
            "吉林省",
            "黑龙江省",
            "上海市",
            "江苏省",
        ],
        &[
            "Hà Nội",
            "Hải Phòng",
            "Quảng Ngãi",
            "Đà Nẵng",
            "Thành phố Hồ Chí Minh",
            "Cần Thơ",
            "Bắc Ninh",
            "Thừa Thiên Huế",
        ],
        &[
            "Belgium", "Bulgaria", "Czechia", "Denmark", "Germany", "Estonia", "Ireland", "Greece",
            "Spain", "France",
        ],
    )
    .to_string()
}

/// Header over the year columns of a statistical table, the change column's header and the
/// whole area's name.
pub fn stat_words(s: Script) -> (&'static str, &'static str, &'static str) {
    match s {
        Script::Cjk => ("年份", "增长（%）", "全国"),
        Script::Vi => ("Năm", "Tăng/giảm (%)", "Cả nước"),
        Script::Latin => ("Year", "Change (%)", "EU-27"),
    }
}

/// A title line above a table.
pub fn title(rng: &mut Rng, s: Script, k: usize) -> String {
    match s {
        Script::Cjk => format!(
            "{}表{}",
            rng.pick(&[
                "部门收支总",
                "一般公共预算支出",
                "财政拨款收支总",
                "项目支出绩效目标"
            ]),
            k + 1
        ),
        Script::Vi => format!(
            "PHỤ LỤC {:02}: {}",
            k + 1,
            rng.pick(&[
                "DỰ TOÁN CHI NGÂN SÁCH HUYỆN NĂM 2025",
                "PHÂN BỔ VỐN SỰ NGHIỆP",
                "TỔNG HỢP QUYẾT TOÁN THU CHI"
            ])
        ),
        Script::Latin => format!(
            "Table {}: {}",
            k + 1,
            rng.pick(&[
                "Expenditure by function",
                "Revenue and expenditure summary",
                "General government budget"
            ])
        ),
    }
}

/// A unit line (`Đơn vị tính: triệu đồng`).
/// A watermark across the page.
pub fn watermark(rng: &mut Rng, s: Script) -> String {
    pick3(rng, s, &["草稿", "内部资料"], &["DỰ THẢO", "BẢN SAO"], &["DRAFT", "CONFIDENTIAL"]).to_string()
}

pub fn unit_line(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &["单位：万元", "单位：元"],
        &["Đơn vị tính: Đồng", "Đơn vị tính: triệu đồng"],
        &["EUR million", "Unit: thousand euro"],
    )
    .to_string()
}

/// A prose paragraph's lines (wrapped by the caller).
pub fn prose(rng: &mut Rng, s: Script) -> String {
    match s {
        Script::Cjk => rng.pick(&["本部门2025年收支总预算6490.30万元，比上年增加12.5%，主要原因是新增专项业务经费。其中一般公共预算拨款收入5200.00万元，政府性基金预算拨款收入0万元。", "注意事项：以上数据为年初预算数，执行中如有调整，以财政部门批复为准，各单位应按规定及时公开。"]).to_string(),
        Script::Vi => rng.pick(&["Căn cứ Nghị quyết số 15/NQ-HĐND ngày 10 tháng 12 năm 2024 của Hội đồng nhân dân huyện về dự toán ngân sách năm 2025, Ủy ban nhân dân huyện giao các đơn vị tổ chức thực hiện đúng quy định hiện hành.", "Các cơ quan, đơn vị có trách nhiệm quản lý, sử dụng kinh phí được giao đúng mục đích, tiết kiệm, hiệu quả và thanh quyết toán theo quy định của Luật Ngân sách nhà nước."]).to_string(),
        Script::Latin => rng.pick(&["Figures are provisional and may not add up to the totals shown because of rounding. Capital expenditure includes transfers to local authorities of 1,250 million in 2024.", "The budget was adopted by the council on 12 December 2024; the amounts for 2025 are estimates and will be revised in the spring supplementary budget."]).to_string(),
    }
}

/// Lines of a distribution list (`Nơi nhận:` …).
pub fn list_lines(s: Script) -> Vec<&'static str> {
    match s {
        Script::Cjk => vec![
            "抄送：",
            "- 县人大常委会办公室；",
            "- 县财政局；",
            "- 存档。",
        ],
        Script::Vi => vec!["Nơi nhận:", "- Như trên;", "- TT HĐND huyện;", "- Lưu: VT."],
        Script::Latin => vec![
            "Distribution:",
            "- Budget committee;",
            "- Ministry of Finance;",
            "- File.",
        ],
    }
}

/// A note line under a table.
pub fn note(rng: &mut Rng, s: Script) -> String {
    pick3(
        rng,
        s,
        &[
            "注：无政府性基金预算财政拨款收支，空表列示。",
            "注：本表数据为年初预算数。",
        ],
        &[
            "Ghi chú: Số liệu năm 2025 là số dự toán.",
            "Ghi chú: Kinh phí chuyển nguồn sang năm sau.",
        ],
        &[
            "Note: 2025 figures are budget estimates.",
            "Note: totals may differ because of rounding.",
        ],
    )
    .to_string()
}

/// A two-column signature block: (left, right) lines.
pub fn signature(s: Script) -> Vec<(&'static str, &'static str)> {
    match s {
        Script::Cjk => vec![("制表人：", "单位负责人："), ("", ""), ("王小明", "李建国")],
        Script::Vi => vec![
            ("NGƯỜI LẬP BIỂU", "TM. ỦY BAN NHÂN DÂN"),
            ("", "CHỦ TỊCH"),
            ("Nguyễn Văn An", "Trần Thị Bình"),
        ],
        Script::Latin => vec![
            ("Prepared by", "Approved by"),
            ("", ""),
            ("J. Smith", "A. Jones"),
        ],
    }
}
