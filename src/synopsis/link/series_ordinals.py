"""Numbered events of a series in a lead: "the third round of talks", "round three", "met for the
third time", read as "round:3".

Two leads that number one kind of event differently report different rounds of a series
(``link.events.ordinal_conflict``, ``link.groups_apart.numbered_apart``); ``link.event_profile``
stores what ``series_ordinals`` reads from its title and lead.
"""

from __future__ import annotations

import functools
import re

# Nouns that number recurring events of one kind ("the third round of talks");
# see ``link.events.ORDINAL_CONFLICT_FACTOR`` for what a conflict between them does.
# "meeting" or "day" are left out because "the first meeting since 2019" and "the second
# day of talks" do not number events, and "phase" because "the second phase of the
# ceasefire deal" is a part of one agreement.
ORDINAL_NOUNS = ("round", "leg", "stage", "session", "edition", "summit", "debate")
# Talks are numbered in more ways than "the third round of talks": "the third peace
# talks", "met for the third time", "round three".  All of them number rounds, so they
# are read as "round:N" and conflict with one another.
ROUND_WORDS = ("talks", "negotiations")
# An ordinal, at most one word between ("direct", "and final"), a series noun, then
# "of": "the third round of talks", "a 4th round of direct negotiations".  The
# "of" is what marks a numbered event rather than a part of one: reports of one
# boxing match disagree on "the sixth round" and "a seventh-round stoppage"
# (ECB+ topic 7), and only the article that wrote "the seventh round of their
# contest" numbers the event.  A pattern rather than the parse: the phrase is
# contiguous, and titles are not parsed.  English ordinal words all end in
# -st/-nd/-rd/-th, and so does "and": the lookahead lets matches overlap, so
# "the second and third round of" is tried at "and" and at "third".  The word
# between may not be a count ("the first two rounds of" numbers no round).
_ORDINAL_WORD = r"(?<![\w,-])([a-z]+(?:-[a-z]+)?(?:st|nd|rd|th)|\d{1,3}(?:st|nd|rd|th))"
_COUNT_WORD = r"(?:two|three|four|five|six|seven|eight|nine|ten)\b"
_ORDINAL_PHRASE = re.compile(
    r"(?=" + _ORDINAL_WORD + r"\s+"
    r"(?:and\s+final\s+|(?!" + _COUNT_WORD + r")[a-z]+\s+)?("
    + "|".join(ORDINAL_NOUNS)
    + r")s?\s+of\b)",
    re.IGNORECASE,
)
# "the third peace talks", "a second round of Istanbul negotiations" is above; here the
# talks themselves are numbered, with at most two words between ("second direct peace
# talks").  The words between may not be a count ("the first two talks") nor make the ordinal
# number something else ("the second day of talks", "the first time talks were held").
_ORDINAL_TALKS = re.compile(
    r"(?=" + _ORDINAL_WORD + r"\s+(?:(?!" + _COUNT_WORD + r"|(?:of|day|days|week|weeks|time|times)\b)[A-Za-z-]+\s+){0,2}(?:"
    + "|".join(ROUND_WORDS)
    + r")\b)",
    re.IGNORECASE,
)
# "met for the third time", "will meet for a second time": a numbered meeting.  Not "for the
# first time", which in news mostly means "for once" ("for the first time since 2019").
_ORDINAL_MEETING = re.compile(
    r"\b(?:met|meet|meets|meeting|sat\s+down|talked|negotiated)\s+(?:again\s+)?for\s+(?:the|a)\s+"
    + _ORDINAL_WORD
    + r"\s+time\b",
    re.IGNORECASE,
)
# "round three", "Round 2 of the talks"; the number must end the phrase, since "another
# round two weeks later" counts weeks.
_ROUND_NUMBER = re.compile(
    r"\bround\s+(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})"
    r"(?=\s+of\b|\s*[.,;:!?)\"\u201d]|\s*$)",
    re.IGNORECASE,
)
# A number given to a coming event numbers the next one, not the event reported: "won the
# first round and will face him in the second round", "progressing to the second round",
# "ahead of the third round", "the fourth round, which will be held".  Such mentions are
# not read: they would tie an election-night report to the runoff's.
_PROSPECTIVE_BEFORE = re.compile(
    r"\b(?:will|would|shall|'ll|to\s+face|set\s+to|expected\s+to|due\s+to|scheduled\s+to"
    r"|(?:advanc|progress|head|mov)\w*\s+(?:on\s+)?(?:in)?to|through\s+to|qualif\w*\s+for|ahead\s+of|run-up\s+to)\b",
    re.IGNORECASE,
)
# After the number: the rest of its noun phrase ("round of the election"), no verb or
# conjunction, then "will" or "which will".
_PROSPECTIVE_AFTER = re.compile(
    r"^[\w'-]*(?:\s+(?!(?:and|but|or)\b)[\w'-]+){0,6}?(?:,\s*(?:which|that))?"
    r"\s+(?:will|is\s+(?:due|set|scheduled|expected)\s+to)\b",
    re.IGNORECASE,
)
_CLAUSE_START = re.compile(r"[.;!?]\s")
_CARDINALS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_NUMERAL_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)


@functools.lru_cache(maxsize=1024)
def _ordinal_value(word: str) -> int | None:
    # number_parser rebuilds its language tables on every call (~2.5 ms), and a
    # handful of ordinal words recur in every lead.
    from number_parser import parse_ordinal

    return parse_ordinal(word)


def series_ordinals(text: str) -> frozenset[str]:
    """Numbered events of a series named in text, as "noun:number" ("the third round" -> "round:3")."""
    found = set()
    for match in _ORDINAL_PHRASE.finditer(text):
        if (number := _ordinal_number(match.group(1))) and not prospective(text, match.start(1), match.end(1)):
            found.add(f"{match.group(2).lower()}:{number}")
    for pattern in (_ORDINAL_TALKS, _ORDINAL_MEETING):
        for match in pattern.finditer(text):
            number = _ordinal_number(match.group(1))
            # "for the first time" is excluded above; "the first talks" stays (round one).
            if number and not (pattern is _ORDINAL_MEETING and number < 2) and not prospective(text, match.start(1), match.end(1)):
                found.add(f"round:{number}")
    for match in _ROUND_NUMBER.finditer(text):
        if not prospective(text, match.start(), match.end()):
            word = match.group(1).lower()
            found.add(f"round:{int(word) if word.isdigit() else _CARDINALS[word]}")
    return frozenset(found)


def prospective(text: str, start: int, end: int) -> bool:
    """True when the number at text[start:end] is given to a coming event (_PROSPECTIVE_*)."""
    clause_start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, start)), default=0)
    return bool(_PROSPECTIVE_BEFORE.search(text, clause_start, start) or _PROSPECTIVE_AFTER.match(text[end:]))


def _ordinal_number(word: str) -> int | None:
    """3 for "third" or "3rd"; None for a word that is no ordinal ("and", "last")."""
    numeral = _NUMERAL_ORDINAL.match(word)
    return int(numeral.group(1)) if numeral else _ordinal_value(word.lower())
