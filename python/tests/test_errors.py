"""Failures are exceptions carrying the CLI's error codes."""

import json

import pytest
import tablelift

from conftest import REPO, run_cli

SAMPLE = REPO / "samples" / "vi_ngansach_xa_unruled.pdf"


def cli_error_code(pdf, tmp_path):
    out = run_cli("extract", "-q", "-o", str(tmp_path / "out"), str(pdf))
    assert out.returncode == 1
    (line,) = (tmp_path / "out" / "manifest.ndjson").read_text().splitlines()
    return json.loads(line)["error_code"]


def test_truncated_file_raises_truncated_like_the_cli(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(SAMPLE.read_bytes()[:20000])
    with pytest.raises(tablelift.TruncatedError) as e:
        tablelift.extract(str(broken))
    assert e.value.code == "truncated" == cli_error_code(broken, tmp_path)
    assert isinstance(e.value, tablelift.Error) and "truncated" in str(e.value)
    with pytest.raises(tablelift.TruncatedError):  # facts raise on the call, before iterating
        tablelift.facts(broken.read_bytes())


def test_not_a_pdf(tmp_path):
    text = tmp_path / "notes.pdf"
    text.write_text("this is not a PDF\n")
    with pytest.raises(tablelift.NotAPdfError) as e:
        tablelift.extract(text)
    assert e.value.code == "not_a_pdf" == cli_error_code(text, tmp_path)
    with pytest.raises(tablelift.Error) as e:
        tablelift.extract(b"")
    assert e.value.code == "not_a_pdf"


def test_missing_file_is_io(tmp_path):
    with pytest.raises(tablelift.IoError) as e:
        tablelift.extract(tmp_path / "nowhere.pdf")
    assert e.value.code == "io" and "nowhere.pdf" in e.value.message


def test_every_cli_error_code_has_a_class():
    codes = ["not_a_pdf", "truncated", "encrypted", "damaged_xref", "unsupported_feature", "limit_exceeded", "timeout", "io", "internal"]
    for code in codes:
        cls = tablelift.ERROR_CODES[code]
        assert issubclass(cls, tablelift.Error) and cls.code == code


def test_require_verified_raises_with_the_document_attached(samples):
    docs = {p.name: tablelift.extract(p) for p in samples}
    unverified = next(n for n, d in docs.items() if any(not t["quality"]["verified"] for t in d["tables"]))
    verified = next(n for n, d in docs.items() if d["tables"] and all(t["quality"]["verified"] for t in d["tables"]))
    with pytest.raises(tablelift.UnverifiedError) as e:
        tablelift.extract(REPO / "samples" / unverified, require_verified=True)
    assert e.value.code == "unverified" and e.value.document == docs[unverified]
    with pytest.raises(tablelift.UnverifiedError) as e:
        tablelift.facts(REPO / "samples" / unverified, require_verified=True)
    assert e.value.facts and not all(f["verified"] for f in e.value.facts)
    assert tablelift.extract(REPO / "samples" / verified, require_verified=True) == docs[verified]


def test_wrong_argument_types():
    with pytest.raises(TypeError):
        tablelift.extract(12)
    with pytest.raises(ValueError):
        tablelift.extract(SAMPLE, timeout=-1)
