"""Currencies by name: what tells a count of "2.4 million dinars" from a count of people, and how
a currency the extractor keys by its ISO code ("EUR") is named in a label ("euros").

Both come from the Unicode CLDR data babel ships: a list kept by others beats a hand-made one,
which had missed the dinar."""

from __future__ import annotations

import functools

from babel.core import get_global
from babel.numbers import get_currency_name

# Words that name a currency in English but as often something else: a weight ("pounds"), a
# material, a grade ("marks"), a verb ("won"), an adjective ("real").
_NOT_ONLY_CURRENCY = frozenset({"gold", "mark", "marks", "pound", "pounds", "real", "won", "sol"})


@functools.cache
def currency_nouns() -> frozenset[str]:
    """The nouns of the currencies in use today, singular and plural ("dinar", "dinars",
    "shillings"). The quantity extractor knows only a few currencies by name; a sum in another
    ("repay 2.4 million dinars") reaches the keys as a count of its noun."""
    codes = {code for currencies in get_global("territory_currencies").values()
             for code, _, end, tender in currencies if end is None and tender}
    return frozenset(name.split()[-1].lower() for code in codes for count in (1, 2)
                     for name in [get_currency_name(code, count=count, locale="en")]) - _NOT_ONLY_CURRENCY


def is_currency_noun(counted: str | None) -> bool:
    """Whether a counted noun as written ("dinars", "Shillings") names a currency."""
    return bool(counted) and counted.split()[-1].lower() in currency_nouns()  # type: ignore[union-attr]


@functools.cache
def currency_name(code: str) -> str:
    """How a label names a currency's ISO code: "euros" for "EUR", the code itself when unknown."""
    name = get_currency_name(code, count=2, locale="en")
    return name if name != code else code


__all__ = ["currency_name", "currency_nouns", "is_currency_noun"]
