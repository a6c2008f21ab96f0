import os
from decimal import Decimal
from typing import Any, Dict, Iterator, List, Optional, Union

__version__: str

Source = Union[str, os.PathLike[str], os.PathLike[bytes], bytes, bytearray, memoryview]

#: A document model (schema/document.schema.json); values are Decimal.
Document = Dict[str, Any]
#: One fact (schema/fact.schema.json); value, multiplier and scaled_value are Decimal.
Fact = Dict[str, Any]

class Error(Exception):
    """A document could not be extracted; ``code`` is the CLI's error code."""

    code: str
    message: str
    def __init__(self, message: str, code: Optional[str] = ...) -> None: ...

class NotAPdfError(Error): ...
class TruncatedError(Error): ...
class EncryptedError(Error): ...
class DamagedXrefError(Error): ...
class UnsupportedFeatureError(Error): ...
class LimitExceededError(Error): ...
class DocumentTimeoutError(Error): ...
class IoError(Error): ...
class InternalError(Error): ...

class UnverifiedError(Error):
    """require_verified=True and a table is not verified; the extraction is attached."""

    document: Optional[Document]
    facts: Optional[List[Fact]]
    def __init__(self, message: str, document: Optional[Document] = ..., facts: Optional[List[Fact]] = ...) -> None: ...

ERROR_CODES: Dict[str, type]

def extract(
    source: Source,
    locale: Optional[str] = ...,
    require_verified: bool = ...,
    *,
    timeout: Optional[float] = ...,
    source_path: Optional[str] = ...,
) -> Document:
    """The document model of one PDF (values as Decimal); GIL released while extracting."""

def facts(
    source: Source,
    locale: Optional[str] = ...,
    require_verified: bool = ...,
    *,
    timeout: Optional[float] = ...,
    source_path: Optional[str] = ...,
) -> Iterator[Fact]:
    """One dict per numeric cell, keys as in the facts NDJSON; Decimal values."""

def to_pandas(doc: Document) -> List[Any]:
    """One pandas.DataFrame per table, header paths as a MultiIndex (needs pandas)."""
