"""Match minutes: "in the 78th minute", "a 78th-minute winner", "eight minutes from time".

A match minute is a point on the clock of a game, not a length of time: outlets that give one goal
different minutes disagree, and a brief that cites an outlet for "the 78th minute" must find that
minute in it.  The number extractor skips ordinals (they are mostly ranks and dates), and reads
"eight minutes from time" as a duration of eight minutes; this module reads both as a measure in
the unit ``MATCH_MINUTE``, so that they are compared as values like any other measure.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from spacy.tokens import Doc

from synopsis.extract.number_parsing import _parse_words
from synopsis.records import Quantity, TimeRef

MATCH_MINUTE = "match minute"

# A regulation football match: "from time" counts down from its 90th minute.
REGULATION_MINUTES = 90

# "the 78th minute", "a 78th-minute winner", "the 90th+3 minute" is not read (stoppage time is
# written too many ways to compare).
_ORDINAL_MINUTE = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th)[\s-]+minute\b", re.IGNORECASE)

# "eight minutes from time", "five minutes from full-time", "two minutes before the final whistle":
# idioms of a match's clock only ("ten minutes before the end" may be of anything, and is left a
# duration).
_COUNTDOWN = re.compile(
    r"\b(\d{1,2}|[a-z]+(?:-[a-z]+)?)\s+minutes?\s+(?:from\s+(?:time|full[\s-]?time)"
    r"|before\s+(?:the\s+)?(?:final\s+whistle|full[\s-]?time))\b",
    re.IGNORECASE,
)


# Entity labels of words that are not who a minute is told of.
_NOT_PLAYERS = {"GPE", "LOC", "NORP", "FAC", "DATE", "TIME", "CARDINAL", "ORDINAL", "EVENT", "QUANTITY"}


def find_match_minutes(text: str) -> list[Quantity]:
    """Match minutes in ``text``, in text order.

    A countdown ("eight minutes from time") is the minute REGULATION_MINUTES minus the number,
    give or take one: the idiom is said of the minute a goal came in, rounded as speech rounds it.
    """
    found: list[Quantity] = []
    for match in _ORDINAL_MINUTE.finditer(text):
        minute = float(match.group(1))
        if 0 < minute <= 130:
            found.append(Quantity(match.group(0), match.start(), match.end(), minute, minute, minute,
                                  MATCH_MINUTE, None))
    for match in _COUNTDOWN.finditer(text):
        word = match.group(1).lower()
        number = float(word) if word.isdigit() else _parse_words(word.split("-"))
        if number is None or not 0 < number < REGULATION_MINUTES:
            continue
        minute = REGULATION_MINUTES - number
        found.append(Quantity(match.group(0), match.start(), match.end(), None, minute - 1, minute + 1,
                              MATCH_MINUTE, None, "range"))
    return sorted(found, key=lambda q: q.start)


def player_at(doc: Doc, start: int, end: int) -> str | None:
    """The surname of the person a match minute is told of: the nearest person named before it in
    its sentence ("Baturina levelled in the 44th minute"), else the first after it ("the 78th-minute
    winner from Petkovic").  Two minutes of one game are one slot only when told of one player:
    "the 23rd minute" of one goal and "the 44th" of another are not versions of each other.
    Accents are dropped, as outlets do ("Petković", "Petkovic")."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    sentence = span.sent
    people = [e for e in doc.ents if e.label_ == "PERSON" and sentence.start <= e.start and e.end <= sentence.end]
    if not people:
        # The tagger misses names it has not seen ("Petković scored in the 81st minute", or takes
        # one for an organisation): a proper noun, or a capitalised subject, that names no place
        # stands for it.
        names = [t.i for t in sentence
                 if (t.pos_ == "PROPN" or (t.dep_ == "nsubj" and t.text[:1].isupper()))
                 and t.ent_type_ not in _NOT_PLAYERS]
        people = []
        for i in names:  # runs of such words are one name ("Sandro Vellić")
            if people and people[-1].end == i:
                people[-1] = doc[people[-1].start:i + 1]
            else:
                people.append(doc[i:i + 1])
    before = [e for e in people if e.end_char <= start]
    after = [e for e in people if e.start_char >= end]
    person = before[-1] if before else after[0] if after else None
    if person is None:
        return None
    words = [t.text for t in person if t.text not in ("'s", "’s")]
    surname = words[-1] if words else ""
    folded = unicodedata.normalize("NFKD", surname)
    return "".join(c for c in folded if not unicodedata.combining(c)) or None


def without_overlaps(items: Sequence, minutes: Iterable[Quantity]) -> list:
    """``items`` (quantities or time expressions) without those inside a match minute's words:
    "eight minutes" of "eight minutes from time" is not a duration."""
    spans = [(q.start, q.end) for q in minutes]
    return [item for item in items if not any(s <= item.start and item.end <= e for s, e in spans)]


def merge_match_minutes(quantities: list[Quantity], doc: Doc, text: str) -> list[Quantity]:
    """``quantities`` with the text's match minutes in place of the numbers read inside them, each
    with the player it is the minute of (``player_at``) as what it counts."""
    minutes = [replace(q, counted=player_at(doc, q.start, q.end)) for q in find_match_minutes(text)]
    if not minutes:
        return quantities
    return sorted(without_overlaps(quantities, minutes) + minutes, key=lambda q: q.start)


def drop_countdown_durations(times: Sequence[TimeRef], quantities: Iterable[Quantity]) -> list[TimeRef]:
    """Time expressions without the durations that are match minutes' words."""
    return without_overlaps(times, [q for q in quantities if q.unit == MATCH_MINUTE])
