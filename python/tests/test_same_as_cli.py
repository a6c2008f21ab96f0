"""`tablelift.extract` and `tablelift.facts` give what the CLI writes, for every budget-dev
document: the same keys and structure, every value the same exact decimal (as a Decimal)."""

from decimal import Decimal

import pytest
import tablelift

from conftest import SAMPLES, cli_document, cli_facts

# Strings in the JSON that hold exact decimals; the package gives them as Decimal.
DECIMAL_KEYS = {"value", "multiplier", "expected", "found", "scaled_value"}


def assert_same(py, cli, where="$"):
    """`py` (package output) is `cli` (parsed CLI JSON) with decimal strings as Decimals of
    the same digits and exponent."""
    if isinstance(py, Decimal):
        assert isinstance(cli, str), f"{where}: Decimal {py!r} where the CLI has {cli!r}"
        assert Decimal(cli).as_tuple() == py.as_tuple(), f"{where}: {py!r} != {cli!r}"
    elif isinstance(py, dict):
        assert isinstance(cli, dict) and py.keys() == cli.keys(), f"{where}: keys {sorted(py)} != {sorted(cli)}"
        for k in py:
            if k in DECIMAL_KEYS and cli[k] is not None and not isinstance(cli[k], (bool, int, float)):
                assert isinstance(py[k], Decimal), f"{where}.{k}: {py[k]!r} is not a Decimal"
            assert_same(py[k], cli[k], f"{where}.{k}")
    elif isinstance(py, list):
        assert isinstance(cli, list) and len(py) == len(cli), f"{where}: lengths differ"
        for i, (a, b) in enumerate(zip(py, cli)):
            assert_same(a, b, f"{where}[{i}]")
    else:
        assert type(py) is type(cli) and py == cli, f"{where}: {py!r} != {cli!r}"


@pytest.mark.parametrize("pdf", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_document_equals_cli_json(pdf):
    doc = tablelift.extract(str(pdf))
    assert_same(doc, cli_document(pdf))
    # bytes and path-like inputs give the same model (bytes name no path unless told)
    assert_same(tablelift.extract(pdf.read_bytes(), source_path=str(pdf)), cli_document(pdf))
    assert tablelift.extract(bytearray(pdf.read_bytes()))["source"]["path"] == ""
    assert tablelift.extract(pdf)["source"]["sha256"] == doc["source"]["sha256"]


def test_budget_dev_has_values_to_compare(samples):
    """The comparison above is not vacuous: the samples hold many values."""
    n_values = sum(
        1 for pdf in samples for t in tablelift.extract(pdf)["tables"] for r in t["rows"] for c in r["cells"] if c["value"] is not None
    )
    assert n_values > 1000


def test_facts_equal_cli_facts_row_for_row(samples, tmp_path):
    cli = cli_facts(samples, tmp_path)
    py = [f for pdf in samples for f in tablelift.facts(str(pdf))]
    key = lambda f: (f["doc_sha256"], int(f["table"][1:]), f["row"], f["col"])  # noqa: E731
    cli.sort(key=key)
    py.sort(key=key)
    assert len(py) == len(cli) > 1000
    for a, b in zip(py, cli):
        assert_same(a, b, f"{b['path']} {b['table']} r{b['row']} c{b['col']}")


def test_locale_option_is_the_cli_locale(samples):
    pdf = next(p for p in samples if p.name == "vi_ngansach_xa_unruled.pdf")
    from conftest import run_cli
    import json

    out = run_cli("extract", "-q", "--locale", "vi", str(pdf))
    assert out.returncode == 0
    assert_same(tablelift.extract(str(pdf), locale="vi"), json.loads(out.stdout))
    with pytest.raises(ValueError, match="unknown locale"):
        tablelift.extract(str(pdf), locale="vn")
