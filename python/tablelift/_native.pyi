"""The Rust half of tablelift (see tablelift/__init__.py for the public API)."""

from typing import Optional, Tuple, Union

__version__: str

class ExtractError(Exception):
    """A document failed: ``args`` are ``(code, message)``."""

def run(
    source: Union[str, bytes],
    *,
    locale: Optional[str] = None,
    timeout: Optional[float] = None,
    source_path: Optional[str] = None,
    document: bool = True,
    facts: bool = False,
) -> Tuple[Optional[bytes], Optional[bytes], bool]:
    """Extract one PDF with the GIL released: (document JSON, facts NDJSON, all tables verified)."""
