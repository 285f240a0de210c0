"""What a count of people at an event is: its crowd (attendance, a protest's marchers, "the figure"
put on it after), a part of it, or the share of a workforce that joined a strike."""

from __future__ import annotations

import re

from synopsis.facts.keys import HEDGE
from synopsis.facts.tallies import classify_predicate


# Head nouns (lemmas) that count the people present at an event.  Whatever the verb ("24,000
# spectators attended", "a crowd of 31,000 filled the stadium", "in front of 31,000 fans"), such a
# count says one thing, how many were there: the slot is the attendance.  Viewers at a distance
# (television audiences) are a different number, and are not here.
AUDIENCE_NOUNS = frozenset({"crowd", "spectator", "fan", "supporter", "attendance", "attendee", "audience",
                            "onlooker", "throng", "congregation"})
ATTENDANCE = ("attend", "audience")  # the predicate class and noun of every such count

# The crowd at a protest is its attendance too: "about 15,000 people took part in the march",
# "20,000 marched", "some 60,000 teachers filled the avenues", "police estimated the crowd at
# 15,000" and "5,000 protesters gathered" are one number, which police and organisers estimate
# apart.  Marchers counted for what happened to them ("20 protesters were arrested") are a count of
# that, whatever the noun: only a predicate that says they were there makes a crowd of them.
PROTEST_NOUNS = frozenset({"protester", "protestor", "demonstrator", "marcher", "rallygoer", "participant"})
# Predicate classes (``classify_predicate``) that say what happened to the people counted.
_HAPPENED_TO = frozenset({"die", "injure", "evacuate", "exchange", "detain", "rescue", "list"})
# Verbs whose subject counted is a crowd by themselves ("20,000 marched", "thousands rallied").
_CROWD_VERBS = frozenset({"march", "rally", "protest", "demonstrate", "gather", "assemble", "throng", "parade"})
_PROTEST_EVENT = r"(?:march|marches|protest|protests|rally|rallies|demonstration|demonstrations|procession|vigil|sit-in)"
# Verbs that make a crowd only with what follows them: "took part in the march", "joined the
# protest", "took to the streets", "filled the avenues", "turned out".
_CROWD_PHRASE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,4}?(?:took|take|takes|taking|taken)\s+(?:part\s+in\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+){0,2}"
    + _PROTEST_EVENT + r"|to\s+the\s+streets)\b"
    r"|\s+(?:[a-z]+\s+){0,4}?(?:joined|join|joining)\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+){0,2}" + _PROTEST_EVENT + r"\b"
    r"|\s+(?:[a-z]+\s+){0,4}?(?:filled|fill|packed|thronged|lined)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}"
    r"(?:streets|avenues|square|squares|boulevards?|roads)\b"
    r"|\s+(?:[a-z]+\s+){0,4}?(?:turned|turn)\s+out\b",
    re.I,
)
# A crowd named before its number: "estimated the crowd at 15,000", "put the turnout at about
# 20,000", "put the number of marchers at 60,000", "the crowd had swelled to 40,000".
_CROWD_BEFORE = re.compile(
    r"\b(?:crowd|turnout|attendance|(?:number\s+of\s+)?(?:protesters|protestors|demonstrators|marchers|participants))"
    r"(?:\s+size)?,?\s+(?:[a-z]+\s+){0,2}?(?:at|to)\s+" + HEDGE + "$",
    re.I,
)


# Words before the noun that make the count one part of a crowd: "3,000 away fans", "2,000 visiting
# students" (another outlet's whole crowd is no rival of it).
_CROWD_PART = re.compile(r"\s+(?:away|visiting|travell?ing|home|rival|opposing)\b", re.I)


def is_crowd_part_at(sentence: str, value_end: int) -> bool:
    """Whether the count ending at ``value_end`` of the sentence is one part of a crowd (``_CROWD_PART``)."""
    return bool(_CROWD_PART.match(sentence, value_end))


# Marchers held by the police are counted for that, whatever the verb ("took 2,000 protesters into
# custody", "rounded up 300 demonstrators", "300 marchers were held"): no crowd.
_HELD_BEFORE = re.compile(
    r"\b(?:arrest(?:ed|ing|s)?|detain(?:ed|ing|s)?|held|hold(?:ing|s)?|rounded\s+up|round(?:ing|s)?\s+up|jailed"
    r"|dispersed|took|taken|take|takes|taking|charged|kettled)\s+(?:[a-z]+\s+)?$", re.I)
_HELD_AFTER = re.compile(
    r"\s+(?:[\w-]+\s+){0,5}?(?:(?:into|in)\s+(?:police\s+)?custody|under\s+arrest|(?:were|was|had\s+been|have\s+been)"
    r"\s+(?:arrested|detained|held|rounded\s+up|jailed|charged))\b", re.I)


def is_crowd_at(sentence: str, position: int, value_end: int, noun: str | None, lemma: str | None) -> bool:
    """Whether the count at ``position`` of the sentence, of ``noun`` (a lemma, or None) with
    predicate ``lemma`` (as extracted), is the crowd at a protest (``PROTEST_NOUNS``)."""
    predicate = (lemma or "").lower()
    if classify_predicate(predicate) in _HAPPENED_TO:
        return False
    if _HELD_BEFORE.search(sentence, max(0, position - 40), position) or _HELD_AFTER.match(sentence, value_end):
        return False
    if noun in PROTEST_NOUNS or predicate in _CROWD_VERBS:
        return True
    if noun is None and _CROWD_BEFORE.search(sentence, 0, position):
        return True
    return bool(_CROWD_PHRASE_AFTER.match(sentence, value_end))


# A share of a workforce on strike is one measure of the strike, "participation", which unions and
# governments give apart ("the ministry said 41 percent of teachers had joined the strike"; "the
# union said 88 percent had stopped work"; "the strike had been joined by 41 percent").  The words
# must say the share took part, not merely be near a strike ("a 3 percent raise").
PARTICIPATION = "participation"  # as ``WHOLE_MEASURES`` names "the participation rate was 60 percent"
_STRIKE_WORDS = r"(?:strike|stoppage|walkout|walk-out|industrial\s+action)"
_PARTICIPATION_AFTER = re.compile(
    r"\s+(?:of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[\w'-]+\s+){1,2}?)?(?:(?:had|have|has|were|was|are|is)\s+)?(?:been\s+)?"
    r"(?:(?:joined|join|joining)\s+(?:the\s+|a\s+|their\s+)?(?:[\w-]+\s+){0,2}" + _STRIKE_WORDS +
    r"|(?:took|take|taking|taken)\s+part\s+in\s+(?:the\s+|a\s+)?(?:[\w-]+\s+){0,2}" + _STRIKE_WORDS +
    r"|on\s+strike|(?:stopped|stop|downed|down)\s+(?:work|tools)|(?:walked|walk)\s+out|(?:struck|striking))\b",
    re.I,
)
_PARTICIPATION_BEFORE = re.compile(
    _STRIKE_WORDS + r"\s+(?:had\s+|has\s+|was\s+)?(?:been\s+)?(?:joined|observed|followed)\s+by\s+" + HEDGE + "$",
    re.I,
)


def is_strike_participation_at(sentence: str, position: int, value_end: int) -> bool:
    """Whether the percentage at ``position`` of the sentence is the share that joined a strike."""
    return bool(_PARTICIPATION_AFTER.match(sentence, value_end) or _PARTICIPATION_BEFORE.search(sentence, 0, position))


# A figure named only as "the figure" ("The organisers put the figure at 60,000") gives another
# estimate of the count its article gave just before: the crowd of "Police said about 15,000
# people took part in the march."
_FIGURE_AT = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|estimating|placed|places|gave|gives|giving)\s+(?:the|their|its|his|her)"
    r"\s+(?:own\s+)?(?:figure|number|estimate|total|count|tally)\s+at\s+" + HEDGE + "$",
    re.I,
)


def is_figure_at(sentence: str, position: int) -> bool:
    """Whether the value at ``position`` of the sentence is "the figure" someone puts it at (``_FIGURE_AT``)."""
    return bool(_FIGURE_AT.search(sentence, 0, position))
