"""Currencies by name: what tells a count of "2.4 million dinars" from a count of people, and how
a currency the extractor keys by its ISO code ("EUR") is named in a label ("euros")."""

from __future__ import annotations

import functools

from synopsis.facts.keys import lemmatize_noun
from synopsis.ingest.places import geonames

# The extractor reads only a few currencies as units (``extract.quantity_units``); a sum in any
# other ("fined him 5 million shillings", "repay 2.4 million dinars") is a count whose counted noun
# is the currency. GeoNames names every country's currency ("Dinar", "Shilling"), so the list is
# its, not ours. Words that are also something else are left out: "pound" is a weight too, "won"
# a verb, "gold" a metal.
_NOT_ONLY_CURRENCIES = frozenset({"pound", "won", "gold", "real", "sol"})

# How a label names the ISO codes the extractor gives sums (``quantity_units.UNITS`` and
# ``CURRENCY_SIGNS``): "price in euros", not "price in EUR". Hand-written: eight plural nouns,
# where a locale library would be one more dependency for them.
CURRENCY_PLURALS = {"USD": "dollars", "EUR": "euros", "GBP": "pounds", "RUB": "roubles", "UAH": "hryvnias",
                    "TRY": "lira", "CNY": "yuan", "JPY": "yen"}


@functools.cache
def _currency_nouns() -> frozenset[str]:
    """The last word of every country's currency name in GeoNames, lower-cased ("dinar", "shilling")."""
    names = (country.get("currencyname") or "" for country in geonames().get_countries().values())
    return frozenset(name.split()[-1].lower() for name in names if name) - _NOT_ONLY_CURRENCIES


def is_currency_noun(counted: str | None) -> bool:
    """Whether a counted noun as written ("dinars", "Shillings") names a currency."""
    return bool(counted) and lemmatize_noun(counted.split()[-1]) in _currency_nouns()  # type: ignore[union-attr]


def currency_name(code: str) -> str:
    """How a label names a currency's ISO code: "euros" for "EUR", the code itself when unknown."""
    return CURRENCY_PLURALS.get(code, code)


__all__ = ["CURRENCY_PLURALS", "currency_name", "is_currency_noun"]
