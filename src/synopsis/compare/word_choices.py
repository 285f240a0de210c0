"""Contested wordings: which of the words for one thing (``word_families.yaml``) each outlet uses
that the story's other outlets do not ("riots (others: protests)")."""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import yaml

from synopsis.extract.quote_marks import find_quotation_marks
from synopsis.records import ArticleAnalysis


@dataclass(frozen=True, slots=True)
class WordFamily:
    """Words outlets choose between for one thing: variant name -> pattern matching its phrases."""

    what: str
    variants: tuple[tuple[str, re.Pattern], ...]
    loaded: frozenset[str] = frozenset()  # variants that are a choice even when nobody else names the thing


def _phrase_pattern(phrases: Sequence[str]) -> re.Pattern:
    parts = []
    for phrase in phrases:
        stem = re.escape(phrase.rstrip("*")).replace(r"\ ", r"\s+")
        parts.append(stem + (r"\w*" if phrase.endswith("*") else ""))
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)


@functools.cache
def load_word_families() -> tuple[WordFamily, ...]:
    """The shipped families of contested wordings."""
    text = resources.files("synopsis.compare").joinpath("word_families.yaml").read_text(encoding="utf-8")
    return tuple(
        WordFamily(
            entry["what"],
            tuple((name, _phrase_pattern(phrases)) for name, phrases in entry["variants"].items()),
            frozenset(entry.get("loaded", ())),
        )
        for entry in yaml.safe_load(text)
    )


def variants_used(text: str, families: Sequence[WordFamily]) -> dict[str, set[str]]:
    """Per family (by what it names), the variants a text uses."""
    used: dict[str, set[str]] = {}
    for family in families:
        found = {name for name, pattern in family.variants if pattern.search(text)}
        if found:
            used[family.what] = found
    return used


def loaded_words(text: str, families: Sequence[WordFamily] | None = None) -> list[str]:
    """The loaded variants (each family's ``loaded``) a text uses: the words that take a side
    whoever else names the thing ("terrorists", "reckless"), in family order."""
    families = load_word_families() if families is None else families
    return [name for family in families for name, pattern in family.variants
            if name in family.loaded and pattern.search(text)]


def outlet_own_words(text: str) -> str:
    """A text without its quotations: what the outlet wrote in its own voice.  "The chancellor
    has paid a dictator," said the opposition leader: "dictator" is his word, not the outlet's."""
    kept, last = [], 0
    for mark in find_quotation_marks(text):
        kept.append(text[last:mark.start])
        last = mark.end
    kept.append(text[last:])
    return " ".join(kept)


def word_choices(by_outlet: Mapping[str, Sequence[ArticleAnalysis]],
                 families: Sequence[WordFamily] | None = None) -> dict[str, list[str]]:
    """Per outlet, the wordings it uses in its own voice (outside quotations) that most other
    outlets of the story avoid while some use another word for the same thing ("riots (others:
    protests)"), and loaded words no other outlet uses, beside the plain words the others use for
    the thing ("regime (others: government)") or alone ("terrorists (only this outlet)")."""
    families = load_word_families() if families is None else families
    used = {
        # The headline too: the outlet's most visible choice of words.
        outlet: variants_used(" ".join(outlet_own_words(f"{a.article.title or ''}\n\n{a.article.text}")
                                       for a in items), families)
        for outlet, items in by_outlet.items()
    }
    choices: dict[str, list[str]] = {outlet: [] for outlet in by_outlet}
    for family in families:
        for outlet, mine in used.items():
            others = [u.get(family.what, set()) for o, u in used.items() if o != outlet]
            for name, _ in family.variants:
                if name not in mine.get(family.what, set()):
                    continue
                sharing = sum(name in theirs for theirs in others)
                # Other words for it that other outlets use and this one does not.
                rivals = sorted({v for theirs in others for v in theirs} - mine.get(family.what, set()))
                if sharing * 2 >= len(others):
                    continue
                if rivals:
                    choices[outlet].append(f"{name} (others: {', '.join(rivals)})")
                elif name in family.loaded and not sharing:
                    # A loaded word beside the plain one the others use for the thing, though this
                    # outlet writes the plain one too elsewhere ("strongman (others: president)").
                    plain = sorted({v for theirs in others for v in theirs} - {name})
                    choices[outlet].append(f"{name} (others: {', '.join(plain)})" if plain
                                           else f"{name} (only this outlet)")
    return choices


__all__ = ["WordFamily", "load_word_families", "loaded_words", "outlet_own_words", "variants_used", "word_choices"]
