"""Parsing JSON from inputs: a document nested too deeply is malformed input, not a crash."""

from __future__ import annotations

import json
from typing import Any

TOO_DEEP = "nested too deeply"


class JSONTooDeep(ValueError):
    """JSON nested deeper than the parser's recursion allows ("[" * 100000); a ValueError, as
    json.JSONDecodeError is, so callers that sniff for JSON treat it as not JSON."""

    def __init__(self) -> None:
        super().__init__(TOO_DEEP)


def load_json(text: str | bytes) -> Any:
    """``json.loads``, raising JSONTooDeep where the standard library raises RecursionError.

    The parser recurses once per nesting level, so hostile input hits Python's
    recursion limit; no article is nested more than a few levels, so such input is
    reported as malformed, in one line, like any other bad JSON.
    """
    try:
        return json.loads(text)
    except RecursionError:
        raise JSONTooDeep() from None
