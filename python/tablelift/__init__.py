"""tablelift: tables from born-digital government budget PDFs as typed data.

A PDF (a path or its bytes) goes in; out comes the same document model as the CLI's document
JSON (``schema/document.schema.json``) as dicts and lists, or one dict per numeric cell (the
facts NDJSON, ``schema/fact.schema.json``). Every value is a :class:`decimal.Decimal`, exactly
as printed in the PDF, never a float. Extraction runs in Rust with the GIL released, one core
per call: threads extract several documents at once.

>>> import tablelift
>>> doc = tablelift.extract("budget.pdf")                       # doctest: +SKIP
>>> for fact in tablelift.facts("budget.pdf"):                  # doctest: +SKIP
...     print(fact["row_path"], fact["column_path"], fact["scaled_value"])

Failures raise a subclass of :class:`tablelift.Error` whose ``code`` is the CLI's error code
(``not_a_pdf``, ``truncated``, ``encrypted``, …).
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _native

__all__ = [
    "extract",
    "facts",
    "to_pandas",
    "Error",
    "NotAPdfError",
    "TruncatedError",
    "EncryptedError",
    "DamagedXrefError",
    "UnsupportedFeatureError",
    "LimitExceededError",
    "DocumentTimeoutError",
    "IoError",
    "InternalError",
    "UnverifiedError",
    "ERROR_CODES",
]

__version__: str = _native.__version__

Source = Union[str, "os.PathLike[str]", "os.PathLike[bytes]", bytes, bytearray, memoryview]


class Error(Exception):
    """A document could not be extracted. ``code`` is the CLI's stable error code (the
    manifest's ``error_code``); ``message`` says what went wrong."""

    code: str = "internal"

    def __init__(self, message: str, code: Optional[str] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code


class NotAPdfError(Error):
    """The bytes do not start like a PDF."""

    code = "not_a_pdf"


class TruncatedError(Error):
    """The file ends before its structure is complete."""

    code = "truncated"


class EncryptedError(Error):
    """The document is encrypted and needs a password (or uses an unsupported scheme)."""

    code = "encrypted"


class DamagedXrefError(Error):
    """The cross-reference data is broken beyond repair."""

    code = "damaged_xref"


class UnsupportedFeatureError(Error):
    """A PDF feature tablelift does not handle."""

    code = "unsupported_feature"


class LimitExceededError(Error):
    """An input-controlled size or count went over its limit."""

    code = "limit_exceeded"


class DocumentTimeoutError(Error):
    """The document took longer than its time budget (``timeout=``)."""

    code = "timeout"


class IoError(Error):
    """Reading the file failed."""

    code = "io"


class InternalError(Error):
    """A bug in tablelift (a caught panic); the message says where."""

    code = "internal"


class UnverifiedError(Error):
    """``require_verified=True`` and not every table is ``verified`` (the CLI's manifest status
    ``unverified``). The extraction is not lost: ``document`` holds the document model (from
    :func:`extract`) and ``facts`` the fact list (from :func:`facts`)."""

    code = "unverified"

    def __init__(self, message: str, document: Optional[Dict[str, Any]] = None, facts: Optional[List[Dict[str, Any]]] = None) -> None:
        super().__init__(message)
        self.document = document
        self.facts = facts


#: Error code → exception class, for every code the CLI's manifest can report, plus ``unverified``.
ERROR_CODES: Dict[str, type] = {
    cls.code: cls
    for cls in (
        NotAPdfError,
        TruncatedError,
        EncryptedError,
        DamagedXrefError,
        UnsupportedFeatureError,
        LimitExceededError,
        DocumentTimeoutError,
        IoError,
        InternalError,
        UnverifiedError,
    )
}


def _native_input(source: Source) -> Union[str, bytes]:
    """What the Rust side takes: a ``str`` path or ``bytes``."""
    if isinstance(source, bytes):
        return source
    if isinstance(source, (bytearray, memoryview)):
        return bytes(source)
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(os.fspath(source))
    raise TypeError(f"tablelift takes a path or the PDF's bytes, not {type(source).__name__}")


def _run(source: Source, locale: Optional[str], timeout: Optional[float], source_path: Optional[str], document: bool, facts: bool) -> Tuple[Optional[bytes], Optional[bytes], bool]:
    try:
        return _native.run(_native_input(source), locale=locale, timeout=timeout, source_path=source_path, document=document, facts=facts)
    except _native.ExtractError as e:
        code, message = e.args
        raise ERROR_CODES.get(code, Error)(message, code) from None


def _decimal(s: Optional[str]) -> Optional[Decimal]:
    return None if s is None else Decimal(s)


def _unit(u: Optional[Dict[str, Any]]) -> None:
    if u is not None:
        u["multiplier"] = Decimal(u["multiplier"])


def _decimal_document(doc: Dict[str, Any]) -> Dict[str, Any]:
    """Every value in a parsed document JSON as a Decimal: cell values, unit multipliers, the
    expected and found values of failed checks."""
    for t in doc.get("tables") or ():
        _unit(t.get("unit"))
        for c in t.get("columns") or ():
            _unit(c.get("unit"))
        for r in t.get("rows") or ():
            for cell in r["cells"]:
                v = cell.get("value")
                if v is not None:
                    cell["value"] = Decimal(v)
        for check in t.get("checks") or ():
            for cell in check.get("failed") or ():
                for key in ("expected", "found"):
                    if isinstance(cell.get(key), str):
                        cell[key] = Decimal(cell[key])
    return doc


def _decimal_fact(fact: Dict[str, Any]) -> Dict[str, Any]:
    fact["value"] = Decimal(fact["value"])
    fact["multiplier"] = _decimal(fact.get("multiplier"))
    fact["scaled_value"] = _decimal(fact.get("scaled_value"))
    return fact


def extract(
    source: Source,
    locale: Optional[str] = None,
    require_verified: bool = False,
    *,
    timeout: Optional[float] = None,
    source_path: Optional[str] = None,
) -> Dict[str, Any]:
    """Extract the tables of one PDF into the document model.

    ``source`` is a path (``str`` or path-like) or the PDF's bytes. ``locale`` fixes the number
    format as the CLI's ``--locale`` does (``"vi"``, ``"zh"``, ``"de"``, …; ``None`` or
    ``"auto"``: guessed per document and column); an unknown code raises ``ValueError``.
    ``timeout`` is a time budget in seconds (default: none). ``source_path`` is the path the
    result's ``source.path`` names (default: the path given, or ``""`` for bytes).

    Returns the document JSON (``schema/document.schema.json``) as dicts and lists, with cell
    values, unit multipliers and check amounts as :class:`decimal.Decimal`.

    Raises a :class:`tablelift.Error` subclass carrying the CLI's error code when the document
    fails, and :class:`UnverifiedError` (with the document attached) when ``require_verified``
    is set and a table is not verified. The GIL is released while the document is extracted.
    """
    raw, _, verified = _run(source, locale, timeout, source_path, document=True, facts=False)
    assert raw is not None  # asked for
    doc = _decimal_document(json.loads(raw))
    if require_verified and not verified:
        raise UnverifiedError(f"{_unverified_count(doc)} of {len(doc['tables'])} tables are not verified", document=doc)
    return doc


def facts(
    source: Source,
    locale: Optional[str] = None,
    require_verified: bool = False,
    *,
    timeout: Optional[float] = None,
    source_path: Optional[str] = None,
) -> Iterator[Dict[str, Any]]:
    """One dict per numeric cell of one PDF, with the keys of the CLI's facts NDJSON
    (``schema/fact.schema.json``): ``doc_sha256``, ``path``, ``table``, ``page``, ``row``,
    ``col``, ``row_label``, ``row_path``, ``row_text``, ``column_path``, ``text``, ``value``,
    ``percent``, ``unit``, ``multiplier``, ``scaled_value``, ``verified``. ``value``,
    ``multiplier`` and ``scaled_value`` are :class:`decimal.Decimal` (or ``None``).

    Arguments and errors as for :func:`extract`; the document is extracted before this returns,
    so errors are raised by the call, not while iterating. With ``require_verified`` a document
    with any unverified table raises :class:`UnverifiedError` (its ``facts`` attached) and
    yields nothing.
    """
    _, raw, verified = _run(source, locale, timeout, source_path, document=False, facts=True)
    assert raw is not None  # asked for
    rows = [_decimal_fact(json.loads(line)) for line in raw.splitlines() if line]
    if require_verified and not verified:
        raise UnverifiedError("not every table of the document is verified", facts=rows)
    return iter(rows)


def _unverified_count(doc: Dict[str, Any]) -> int:
    return sum(1 for t in doc["tables"] if not t["quality"]["verified"])


def to_pandas(doc: Dict[str, Any]) -> "List[Any]":
    """One ``pandas.DataFrame`` per table of a document from :func:`extract`.

    Columns are a ``MultiIndex`` of the header paths (captions above each column, outermost
    first, padded with ``""`` to the deepest path; a plain ``RangeIndex`` when the table has no
    header). A cell in a ``number`` column is its :class:`decimal.Decimal` value (``None`` when
    blank or not a number); other cells are their text. ``df.attrs`` holds the table's ``id``,
    ``title``, ``pages``, ``unit``, ``verified``, and per row ``row_labels``, ``row_levels``
    and ``row_pages``. Needs pandas (``pip install tablelift[pandas]``).
    """
    try:
        import pandas as pd
    except ImportError as e:  # optional dependency
        raise ImportError("tablelift.to_pandas needs pandas: pip install pandas") from e
    frames = []
    for t in doc["tables"]:
        kinds = [c["kind"] for c in t["columns"]]
        paths = [tuple(c["header"]) for c in t["columns"]]
        depth = max((len(p) for p in paths), default=0)
        columns: Any
        if depth == 0:
            columns = pd.RangeIndex(len(paths))
        else:
            columns = pd.MultiIndex.from_tuples([p + ("",) * (depth - len(p)) for p in paths])
        data = [[cell.get("value") if i < len(kinds) and kinds[i] == "number" else cell["text"] for i, cell in enumerate(r["cells"])] for r in t["rows"]]
        df = pd.DataFrame(data, columns=columns, dtype=object)
        df.attrs.update(
            id=t["id"],
            title=t["title"],
            pages=t["pages"],
            unit=t["unit"],
            verified=t["quality"]["verified"],
            row_labels=[r["label"] for r in t["rows"]],
            row_levels=[r["level"] for r in t["rows"]],
            row_pages=[r["page"] for r in t["rows"]],
        )
        frames.append(df)
    return frames
