"""Revised counts: "revised the number of injured to 17 from 12", "the death toll rose to 31 from 19",
"earlier the fire service had given a toll of two dead".

A sentence that revises a running count gives two numbers: the new figure, the outlet's own, and the
figure it replaces, which is no version of the outlet's and only repeats what others said before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.extract.counted_nouns import predicate_class
from synopsis.facts.keys import lemmatize_noun

# What a revised count counts, as words that name it after "number of" or before "toll": the
# people hurt or killed. Other running counts (arrests, cases) are left to the extractor's nouns.
_WHAT_HAPPENED = {
    "injured": "injure", "wounded": "injure", "hurt": "injure", "injury": "injure",
    "dead": "die", "killed": "die", "death": "die", "fatality": "die",
}
_NAMED = r"(?:(?:people|passengers|persons)\s+)?(?P<what>[a-z]+)"
# "the number of injured", "the count of people killed", "the death toll", "the injury toll".
_COUNTED = (r"(?:(?:number|count|tally|total|toll)\s+of\s+(?:the\s+)?" + _NAMED
            + r"|(?P<before>[a-z]+)\s+(?:toll|count|tally))")
# What the count is of may stand between it and its verb: "the number of people killed when the
# train derailed near Tarnholm on Thursday morning has risen to five", "death toll in the derailment
# rises to five". A clause, not a sentence: no comma or full stop inside.
_OF_WHAT = r"(?:\s+(?:when|after|in|from|since|on|at)\s+[^,;.]{1,100}?)?"
# Verbs of revision: someone revises the count ("revised the number of injured to 17"), or the
# count moves ("the death toll has risen to 31").
_HEADS = (
    r"\b(?:revised|revises|raised|raises|lowered|lowers|increased|updated|corrected|put|brought)"
    r"\s+(?:the|its|their)\s+" + _COUNTED,
    _COUNTED + _OF_WHAT + r"\s+(?:has\s+|had\s+|was\s+)?(?:risen|rose|rises|climbed|climbs|jumped|increased|grew"
    r"|fallen|fell|dropped|reached|revised|raised|lowered)",
)
_VALUE = r"[\w.,]+(?:\s+[\w.,]+)?"
# The new figure follows "to" / "at", after "from <old>" or not; the old one follows "from".
_NEW = [re.compile(r"(?i)" + head + r"(?:\s+from\s+" + _VALUE + r")?\s+(?:to|at)\s+$") for head in _HEADS]
_PREVIOUS = [re.compile(r"(?i)" + head + r"(?:\s+(?:to|at)\s+" + _VALUE + r")?\s+from\s+$") for head in _HEADS]
# A figure given as an earlier one ("Earlier in the day the fire service had given a toll of two
# dead and 17 injured"): the outlet's own figure is another, later one; this repeats what was said
# before, as "from 12" does.
_EARLIER_WORD = r"\b(?:earlier|initially|at\s+first|previously)\b"
_TOLL_WORD = r"\b(?:(?P<before>[a-z]+)\s+)?(?:toll|number|figure|count|tally)\b"
_EARLIER = [re.compile(r"(?i)" + _EARLIER_WORD + r"[^.;]*?" + _TOLL_WORD + r"[^.;]*$"),
            # "the death toll, initially put at 12, ..."
            re.compile(r"(?i)" + _TOLL_WORD + r"[^.;]{0,40}?" + _EARLIER_WORD
                       + r"\s+(?:put|given|reported|estimated|set)\s+at\s+$")]
# The word after an earlier figure that says what happened ("two dead", "17 people injured").
_AFTER = re.compile(r"(?i)^[\w.,-]+(?:\s+(?:people|passengers|persons))?\s+(?P<what>[a-z]+)")
# Far enough back to hold the head, a clause of what it counts and an old figure in words.
_LOOKBACK = 240


@dataclass(frozen=True, slots=True)
class Revision:
    """A count a sentence gives as revised: what happened to those counted, and whether this value
    is the figure replaced ("from 12") rather than the new one."""

    predicate: str
    previous: bool


def revision_at(sentence: str, position: int) -> Revision | None:
    """The revision the count at ``position`` of ``sentence`` is part of, if any."""
    before = sentence[max(0, position - _LOOKBACK):position]
    for patterns, previous in ((_NEW, False), (_PREVIOUS, True)):
        for pattern in patterns:
            match = pattern.search(before)
            if match is None:
                continue
            predicate = _happened(match.group("what") or match.group("before"))
            if predicate is not None:
                return Revision(predicate_class(predicate) or predicate, previous)
    for earlier in filter(None, (pattern.search(before) for pattern in _EARLIER)):
        after = _AFTER.match(sentence[position:])
        for word in (after.group("what") if after else None, earlier.group("before")):
            predicate = _happened(word) if word else None
            if predicate is not None:
                return Revision(predicate_class(predicate) or predicate, True)
    return None


def _happened(word: str) -> str | None:
    word = word.lower()
    return _WHAT_HAPPENED.get(word) or _WHAT_HAPPENED.get(lemmatize_noun(word))
