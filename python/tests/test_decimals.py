"""Values are exact decimals: checked against numbers read off the PDFs by hand."""

from decimal import Decimal

import tablelift

from conftest import REPO

VI = REPO / "samples" / "vi_ngansach_xa_unruled.pdf"
ZH = REPO / "samples" / "zh_shouru_zhichu_zongbiao_2022.pdf"


def cell(doc, table, row, col):
    return doc["tables"][table]["rows"][row]["cells"][col]


def test_vietnamese_grouping_and_comma_decimals_are_exact():
    # Page 1 of the PDF (tablelift text / pdftotext): "TỔNG THU NGÂN SÁCH XÃ
    # 22.415.191.000 22.180.831.000 21.975.210.000 99,1%", then section I "1.071.619.000"
    # with items 114.921.000, 270.494.000, 366.599.000, 319.605.000.
    doc = tablelift.extract(VI)
    total = cell(doc, 0, 0, 2)
    assert total["text"] == "22.415.191.000"
    assert type(total["value"]) is Decimal and total["value"] == Decimal("22415191000")
    share = cell(doc, 0, 0, 5)
    assert share["text"] == "99,1%" and share["percent"] is True
    assert share["value"] == Decimal("99.1") and share["value"] != 99.1  # a float 99.1 is not 99.1
    section = [cell(doc, 0, r, 2)["value"] for r in range(1, 6)]
    assert section == [Decimal(v) for v in ("1071619000", "114921000", "270494000", "366599000", "319605000")]
    assert sum(section[1:], Decimal(0)) == section[0]


def test_scaled_values_are_exact_and_sums_hold_to_the_cent():
    # Page 1: "合计 3982.06 3909.98 3909.98 ... 72.08", unit 万元 (10,000 yuan).
    facts = [f for f in tablelift.facts(ZH) if f["table"] == "t1" and f["row"] == 0]
    by_text = {f["text"]: f for f in facts}
    total, income, carried = by_text["3982.06"], by_text["3909.98"], by_text["72.08"]
    for f in facts:
        assert all(type(f[k]) is Decimal for k in ("value", "multiplier", "scaled_value"))
    assert total["multiplier"] == Decimal(10000) and total["unit"] == "万元"
    assert total["scaled_value"] == Decimal("39820600.00")
    assert income["value"] + carried["value"] == total["value"]
    assert income["scaled_value"] + carried["scaled_value"] == total["scaled_value"]


def _value(rows, row, col):
    cells = rows[row]["cells"]
    v = cells[col].get("value") if col < len(cells) else None
    return v if v is not None else Decimal(0)


def test_checks_that_hold_are_exact_equalities(samples):
    # A check is one identity over a table: `rows` kind says row `row` = sum of rows `plus`
    # (minus rows `minus`) in each of `columns`; `columns` kind says column `column` = sum of
    # columns `plus` minus columns `minus` in each of `rows`. Cells listed in `failed` do not
    # hold (with exact Decimal expected/found); every other covered cell must hold exactly,
    # recomputed here from the cell values.
    held = failed = 0
    for pdf in samples:
        for t in tablelift.extract(pdf)["tables"]:
            rows = t["rows"]
            for c in t["checks"]:
                bad = {(f["row"], f["column"]) for f in c["failed"]}
                for f in c["failed"]:
                    assert type(f["expected"]) is Decimal and type(f["found"]) is Decimal
                    assert f["expected"] != f["found"]
                    failed += 1
                if "row" in c:
                    cells = [(c["row"], col) for col in c["columns"]]
                else:
                    cells = [(row, c["column"]) for row in c["rows"]]
                for row, col in cells:
                    if (row, col) in bad:
                        continue
                    if "row" in c:
                        plus = [_value(rows, r, col) for r in c["plus"]]
                        minus = [_value(rows, r, col) for r in c.get("minus", [])]
                    else:
                        plus = [_value(rows, row, k) for k in c["plus"]]
                        minus = [_value(rows, row, k) for k in c.get("minus", [])]
                    expected = sum(plus, Decimal(0)) - sum(minus, Decimal(0))
                    assert _value(rows, row, col) == expected, (pdf.name, c, row, col)
                    held += 1
    assert held > 100
