"""Text output that line-based tools read one record a line: JSON Lines with the Unicode line
separators escaped, and CSV values without NUL.

`json.dumps(..., ensure_ascii=False)` leaves U+2028, U+2029 and U+0085 raw inside strings; JSON allows
that, but `str.splitlines()`, JavaScript's older parsers and many editors break a line there, so a
record would look like two. Escaped (`\\u2028`), every JSON reader still gives the same text back. A NUL
in a CSV value stops C-based readers at that byte and no database text column takes it (PostgreSQL's
refuses it): CSV output drops it."""

from __future__ import annotations

import json
from typing import Any

# Line breaks str.splitlines() knows that json.dumps leaves raw (it escapes the ones below U+0020).
_RAW_BREAKS = {ord("\x85"): "\\u0085", ord("\u2028"): "\\u2028", ord("\u2029"): "\\u2029"}


def json_line(obj: Any, **dumps: Any) -> str:
    """`obj` as one line of JSON Lines (no newline at the end), non-ASCII text kept readable but the
    Unicode line separators escaped. `dumps` go to json.dumps (`default=`, say)."""
    return json.dumps(obj, ensure_ascii=False, **dumps).translate(_RAW_BREAKS)


def csv_value(value: Any) -> Any:
    """A value for a CSV cell: text without NUL characters, anything else as it is."""
    return value.replace("\x00", "") if isinstance(value, str) else value
