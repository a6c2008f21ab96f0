"""to_pandas: one DataFrame per table, header paths as a MultiIndex, Decimal values."""

from decimal import Decimal

import pytest
import tablelift

from conftest import REPO

pd = pytest.importorskip("pandas")  # optional dependency; CI installs it, so this runs there


def test_one_frame_per_table_with_header_paths():
    doc = tablelift.extract(REPO / "samples" / "zh_shouru_zhichu_zongbiao_2022.pdf")
    frames = tablelift.to_pandas(doc)
    assert len(frames) == len(doc["tables"])
    df, t = frames[0], doc["tables"][0]
    assert isinstance(df.columns, pd.MultiIndex)
    assert df.shape == (len(t["rows"]), len(t["columns"]))
    # Read off the PDF: "本年收入" spans "小计", "财政拨款收入", …; the total row is 合计 3982.06 3909.98.
    assert ("合计", "") in df.columns and ("本年收入", "小计") in df.columns
    assert df[("合计", "")].iloc[0] == Decimal("3982.06")
    assert df[("本年收入", "小计")].iloc[0] == Decimal("3909.98")
    assert all(isinstance(v, Decimal) or v is None for v in df[("合计", "")])
    assert df.attrs["id"] == "t1" and df.attrs["unit"]["multiplier"] == Decimal(10000)
