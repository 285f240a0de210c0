"""Outlets an article names: the ones it attributes content to, and the one it speaks of as itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from synopsis.ingest.outlets import OutletRegistry
from synopsis.records import Outlet

# Words that mark an outlet mention as an attribution ("According to X", "X reported").
ATTRIBUTION_CUE = re.compile(
    r"\b(according to|as reported by|reported|reports|reporting|report|said|says|told|cited|citing|cite|"
    r"quoted|quoting|as per|per|noted|notes|wrote|writes|confirmed|coverage|as detailed by|as noted by|"
    r"observed|chronicled|via|in an interview with|broadcast|aired|published|learned|claimed|stated|"
    r"announced|described|journalists? from|correspondent)\b",
    re.IGNORECASE,
)
# How pages speak of their own outlet ("a source told TASS", "Join Meduza").
SELF_REFERENCE = (
    r"\b(?:told|speaking to|said to|in an interview with)\s+{name}\b",
    r"\b{name}\s+(?:has|have)\s+(?:learned|gathered|condemned|contacted|reached out|asked|obtained|seen)\b",
    r"\b(?:join|support|donate to|subscribe to)\s+{name}\b",
    r"\b{name}\s+(?:could not|was unable to|cannot) (?:independently )?(?:verify|confirm)\b",
    r"\b{name}(?:'s|’s) (?:correspondent|reporter|editorial|newsroom)\b",
    r"©\s*(?:\d{{4}}\s+)?{name}\b",
)


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence (or line) holding a span."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start))
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end), text.find("? ", end)) if i >= 0]
    right = min(right_candidates) if right_candidates else len(text)
    return text[left + 1 : right + 1]


def find_cites(text: str, registry: OutletRegistry, skip: Sequence[tuple[int, int]], own: Outlet | None) -> tuple[str, ...]:
    """Registered outlets the article attributes content to, in order of first mention."""
    cites: list[str] = []
    for outlet, start, end in registry.find_mentions(text):
        if outlet.kind == "government" or (own is not None and outlet.name == own.name):
            continue
        if any(s <= start < e for s, e in skip):
            continue
        if ATTRIBUTION_CUE.search(sentence_around(text, start, end)) and outlet.name not in cites:
            cites.append(outlet.name)
    return tuple(cites)


def find_self_reference(text: str, registry: OutletRegistry, skip: Sequence[tuple[int, int]]) -> Outlet | None:
    """The registered outlet the text speaks of as itself, if exactly one does."""
    found: dict[str, Outlet] = {}
    mentioned = {o.name: o for o, s, e in registry.find_mentions(text) if not any(a <= s < b for a, b in skip)}
    for outlet in mentioned.values():
        entry = registry.entry(outlet)
        names = (outlet.name, *outlet.aliases)
        if entry:
            names = tuple(n for n in names if n not in entry.ambiguous)
        alternatives = "|".join(re.escape(n) for n in names if len(n) > 1)
        if not alternatives:
            continue
        for template in SELF_REFERENCE:
            if re.search(template.format(name=f"(?:{alternatives})"), text):
                found[outlet.name] = outlet
                break
    return next(iter(found.values())) if len(found) == 1 else None
