"""What a value is about: the counted noun, the event and predicate class, the episode and the words around it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from synopsis.facts.words import STOP_WORDS, stem


# The words a number may be hedged with where a frame names it ("a fee of about", "estimated the
# crowd at more than"): one list for every frame, optional. ``HEDGE_WORD`` is the words alone.
HEDGE_WORD = (r"(?:about|around|some|nearly|almost|roughly|approximately|up\s+to|more\s+than|over|under|less\s+than"
              r"|at\s+least)")
HEDGE = rf"(?:{HEDGE_WORD}\s+)?"

# Words on each side of a number whose content words describe what the number is of.
FRAME_WINDOW_BEFORE = 6
FRAME_WINDOW_AFTER = 4

# Event nouns mapped to a class: outlets call the same meeting "the talks", "the negotiations",
# "the meeting" or "the round", so these compare as one event.
EVENT_CLASSES = {
    "meeting": "meeting", "meetings": "meeting", "talks": "meeting", "talk": "meeting",
    "negotiations": "meeting", "negotiation": "meeting", "round": "meeting", "session": "meeting",
    "discussions": "meeting", "discussion": "meeting", "consultations": "meeting",
    "summit": "summit", "visit": "visit", "trip": "visit",
    "press conference": "press conference", "briefing": "press conference", "news conference": "press conference",
    "conference": "conference", "call": "call", "phone call": "call", "conversation": "call",
    "ceasefire": "ceasefire", "truce": "ceasefire", "pause": "ceasefire", "pauses": "ceasefire",
    "exchange": "exchange", "swap": "exchange", "prisoner exchange": "exchange",
    "attack": "attack", "strike": "attack", "strikes": "attack", "bombardment": "attack", "shelling": "attack",
    "hearing": "hearing", "trial": "trial", "interview": "interview", "speech": "speech", "vote": "vote",
    "flight": "flight", "outage": "outage", "blackout": "outage", "protest": "protest", "rally": "protest",
    "election": "election", "match": "match", "game": "match", "concert": "event", "ceremony": "ceremony",
    # Incidents, by noun and by the verbs reports use for them ("collapsed at 6:40 a.m.",
    # "the span gave way at 6:40"): a time or count near one is about that incident.
    "collapse": "collapse", "collapsed": "collapse", "collapses": "collapse", "gave way": "collapse",
    "caved in": "collapse", "explosion": "explosion", "exploded": "explosion", "blast": "explosion",
    "crash": "crash", "crashed": "crash", "collision": "crash", "collided": "crash",
    "derailment": "derailment", "derailed": "derailment", "earthquake": "earthquake", "quake": "earthquake",
    "tremor": "earthquake", "eruption": "eruption", "erupted": "eruption", "fire": "fire", "blaze": "fire",
    "shooting": "shooting", "flood": "flood", "flooding": "flood", "landslide": "landslide",
}
# Incidents that happen at a moment: a clock time given for one says when it happened.
INSTANT_EVENTS = frozenset({"collapse", "explosion", "crash", "derailment", "earthquake", "eruption", "shooting", "landslide"})
_EVENT_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in EVENT_CLASSES), key=len, reverse=True)) + r")\b", re.I
)

# Predicate cues for what a duration or clock time says about its event.
PREDICATE_CLASSES = {
    "length": r"lasted|lasting|lasts|last|went on|continued for|ran for|running for|totall?ing|totall?ed|in total|duration|long",
    "start": r"began|begin|begins|beginning|started|start|starts|starting|kicked off|kick off|opened|commenced|got under way|got underway",
    "end": r"ended|ends|end|concluded|finished|wrapped up|until|closed|broke up|was over",
    "scheduled": r"scheduled|planned|due|set for|set to",
    # "late" as in "started an hour late", not "late on Sunday" or "late last night".
    "delay": r"delayed|delay|postponed|late(?!\s+(?:on|in|at|last|that|this|yesterday|night|evening|afternoon"
             r"|morning|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)|pushed back",
}
_PREDICATE_RE = re.compile(
    "|".join(f"(?P<{name}>\\b(?:{pattern})\\b)" for name, pattern in PREDICATE_CLASSES.items()), re.I
)

# "the third round", "the first meeting", "the second day": which episode of a recurring event a
# passage is about. Values from different episodes are different facts, whatever their wording.
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5,
    "6th": 6, "7th": 7, "8th": 8, "9th": 9, "10th": 10,
}
EPISODE_CLASSES = {
    "round": "meeting", "rounds": "meeting", "stage": "stage", "phase": "stage", "day": "day",
    "leg": "stage", "wave": "stage", "batch": "stage",
}
ORDINAL_RE = re.compile(
    r"\b(" + "|".join(ORDINALS) + r")\s+(?:[a-z-]+\s+)?("
    + "|".join(sorted({*EPISODE_CLASSES, *EVENT_CLASSES}, key=len, reverse=True)) + r")\b",
    re.I,
)


def episodes_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, int]]:
    """The numbered episodes a passage names, in order: "the third round" -> ("meeting", 3)."""
    found = []
    for match in ORDINAL_RE.finditer(text, start, len(text) if end is None else end):
        ordinal, noun = match.group(1).lower(), match.group(2).lower()
        found.append((EPISODE_CLASSES.get(noun) or EVENT_CLASSES.get(noun) or noun, ORDINALS[ordinal]))
    return found


_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Words before a number that make it an additional batch ("another 3,000", "a further 200"):
# it adds to an earlier count, so it never gives that count a different value.
ADDITIONAL = re.compile(r"\b(another|further|additional|more|extra|second|new)\s*$", re.I)
# The same written after the number: "three other citizens still held", "two more bodies" (not
# "20 more than last year", a comparison).
ADDITIONAL_AFTER = re.compile(r"\s+(?:other|further|additional|more(?!\s+than))\b", re.I)
IRREGULAR_PLURALS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "persons": "person", "data": "datum", "lives": "life",
}


def lemmatize_noun(word: str) -> str:
    """Reduce an English plural noun to its singular (prisoners -> prisoner, children -> child)."""
    # Hand-written: slot keys need only head nouns, and loading a spaCy pipeline here for
    # lemmas would tie the comparison stage to a model.
    lower = word.lower().strip()
    if lower in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[lower]
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def frame_words(text: str, start: int, end: int, skip: Iterable[str]) -> frozenset[str]:
    """Content-word stems around a value (excluding the counted noun itself)."""
    before = _WORD.findall(text[max(0, start - 120) : start])[-FRAME_WINDOW_BEFORE:]
    after = _WORD.findall(text[end : end + 80])[:FRAME_WINDOW_AFTER]
    skipped = {stem(word) for word in skip}
    return frozenset(
        stem(word) for word in before + after
        if word.lower() not in STOP_WORDS and stem(word) not in skipped and len(word) > 2
    )


def events_named(text: str) -> set[str]:
    """The classes of the events a passage names by noun or verb ("the swap", "collapsed")."""
    return {EVENT_CLASSES[m.group(1).lower()] for m in _EVENT_RE.finditer(text)}


def event_class_at(sentence: str, position: int) -> str | None:
    """The event a value in the sentence is about: the nearest event noun before it, else after it."""
    before = [m for m in _EVENT_RE.finditer(sentence) if m.end() <= position]
    if before:
        return EVENT_CLASSES[before[-1].group(1).lower()]
    after = _EVENT_RE.search(sentence, position)
    return EVENT_CLASSES[after.group(1).lower()] if after else None


def predicate_class_at(sentence: str, position: int, value_end: int) -> str | None:
    """What the value says about the event: the nearest predicate cue before it ("lasted", "began")."""
    cues = [m for m in _PREDICATE_RE.finditer(sentence[:position])]
    if cues:
        return cues[-1].lastgroup
    # "a 40-minute meeting", "a two-hour session": the value itself is the length.
    if _EVENT_RE.match(sentence[value_end:].lstrip(" -")) and "-" in sentence[max(0, position) : value_end + 1]:
        return "length"
    return None


# A duration that is a penalty: "sentenced X to seven years in prison", "jailed for nine years", "a
# two-year ban", "suspended for six months".  It is the term someone was given, not how long
# something lasted, so it is compared with the terms other outlets give the same person.
PENALTY = "penalty"  # the predicate class of such a duration
# What the penalty is, by the words that name it after the value or the verb that gives it before.
# A sentence in years with no other word ("sentenced to seven years") is a prison term.
_PENALTY_NAMES = (
    ("probation", r"probation"),
    ("suspension", r"suspension|suspended"),
    ("ban", r"ban|banned|barred|disqualified|disqualification"),
    ("prison", r"in\s+(?:prison|jail|custody)|behind\s+bars|(?:of\s+)?imprisonment|prison|jail|custodial"
               r"|sentenced|sentence|jailed|imprisoned"),
)
_PENALTY_AFTER = re.compile(
    r"[\s'’s-]*(?:of\s+)?(?P<words>in\s+(?:prison|jail|custody)|behind\s+bars|imprisonment|(?:prison|jail|custodial)"
    r"(?:\s+(?:term|sentence))?|sentence|ban|suspension|probation)\b", re.I)
_PENALTY_CUE = re.compile(
    r"\b(?:sentenced|jailed|imprisoned|banned|barred|suspended|disqualified)\b", re.I)
# Between the verb and the term: its object and the preposition that gives the term ("sentenced
# Jane Roe, a former clerk, to", "banned on Friday for"); a longer stretch says something else.
_PENALTY_LINK = re.compile(r"[^.;:]{0,120}?\b(?:to|for|of)\s+(?:a\s+|an\s+)?", re.I)
# A stretch with a verb of its own or a clause of its own gives the term to that verb, not the
# penalty's ("jailed in the 1990s, served for 12 years", "banned after a fight that lasted for 10
# minutes", "the suspended mayor ruled the city for 8 years"). Hand-written because these are
# plain strings with no parse; a lower-case past form after a determiner is an adjective ("the
# convicted clerk") and a capitalised one a name ("Mombasa United").
_CLAUSE_WORDS = (r"who|whom|whose|which|that|after|before|when|while|because|since|until|where|as|but"
                 r"|was|were|is|are|has|have|had|will|would")
_PAST_FORM = r"(?<!\bthe\s)(?<!\ba\s)(?<!\ban\s)(?<!\bhis\s)(?<!\bher\s)(?<!\btheir\s)\b[a-z]{2,}ed\b"
_LINK_CLAUSE = re.compile(rf"\b(?:{_CLAUSE_WORDS}|and)\b|{_PAST_FORM}")
# Between "fined" and the sum a list of those fined may go on ("fined Kamau 5 million shillings
# and Wanjiru 800,000"), but not another verb ("fined Kamau 5 million and ordered him to repay 310
# million": the 310 million is no fine).
_FINE_CLAUSE = re.compile(rf"\b(?:{_CLAUSE_WORDS}|to)\b|{_PAST_FORM}")
_NOT_PAST_FORMS = frozenset({"hundred", "need", "speed", "indeed", "seed", "breed", "red", "bed", "shed"})


def _links_penalty(sentence: str, cue_end: int, position: int) -> bool:
    """Whether the words from a penalty verb to the value give the value as its term (``_PENALTY_LINK``)
    with no verb or clause of their own between (``_LINK_CLAUSE``)."""
    link = _PENALTY_LINK.fullmatch(sentence, cue_end, position)
    if link is None:
        return False
    stretch = sentence[cue_end : position]
    return not _has_clause(stretch, _LINK_CLAUSE)


def _has_clause(stretch: str, clause: re.Pattern[str]) -> bool:
    return any(m.group(0).lower() not in _NOT_PAST_FORMS for m in clause.finditer(stretch))


def penalty_at(sentence: str, position: int, value_end: int) -> tuple[str, int] | None:
    """The penalty a duration in the sentence is, and where the words giving it begin, or None.

    ("prison", start of "sentenced") for "sentenced Jane Roe to four years", ("ban", start of the
    value) for "a two-year ban"; the words after the value name the penalty before the verb does
    ("sentenced to two years' probation")."""
    after = _PENALTY_AFTER.match(sentence, value_end)
    cue = None
    for found in _PENALTY_CUE.finditer(sentence, 0, position):
        if _links_penalty(sentence, found.end(), position):
            cue = found
    if after is None and cue is None:
        return None
    words = after.group("words") if after is not None else cue.group(0)  # type: ignore[union-attr]
    name = next(name for name, pattern in _PENALTY_NAMES if re.match(f"(?:{pattern})", words, re.I))
    return name, cue.start() if cue is not None else position


# A magnitude, a unitless measure on a scale of its own: "a magnitude 6.4 earthquake", "a
# 6.9-magnitude quake", "a magnitude of 6.7", "measuring 6.4 on the Richter scale", "the quake,
# which measured 6.9".  Read as a count it would be "6.4 earthquakes", and rival counts of events.
MAGNITUDE = "magnitude"  # the unit of such a value
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$", re.I)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude\b|on\s+the\s+(?:richter|moment[\s-]+magnitude)\s+scale\b)", re.I)
_MEASURED_BEFORE = re.compile(r"\b(?:measured|measuring|registered|registering)\s+(?:a\s+)?$", re.I)
# Where a clause ends before a value, unless what follows goes on about the noun before it ("the
# quake, which measured 6.9", "an earthquake, measuring 6.4").
_CLAUSE_BREAK = re.compile(r"[,;:(](?!\s*(?:which|that|measuring|registering|with|of)\b)|[.!?]\s", re.I)


def _clause_event(sentence: str, position: int, value_end: int) -> str | None:
    """The event noun of the value's own clause: the first after it ("6.4 earthquake"), else the
    last before it, not past a clause break ("the main quake, the strongest of magnitude 4.9" is
    about another shock)."""
    end = next((m.start() for m in _CLAUSE_BREAK.finditer(sentence, value_end)), len(sentence))
    after = _EVENT_RE.search(sentence, value_end, end)
    if after:
        return EVENT_CLASSES[after.group(1).lower()]
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, position)), default=0)
    before = [m for m in _EVENT_RE.finditer(sentence, start, position)]
    return EVENT_CLASSES[before[-1].group(1).lower()] if before else None


def magnitude_at(sentence: str, position: int, value_end: int) -> tuple[str | None] | None:
    """(the event,) when the unitless value at ``position`` is a magnitude (``MAGNITUDE``), else None.
    "measured 6.9" is a magnitude only of an earthquake."""
    event = _clause_event(sentence, position, value_end)
    if _MAGNITUDE_BEFORE.search(sentence, 0, position) or _MAGNITUDE_AFTER.match(sentence, value_end):
        return (event,)
    if event == "earthquake" and _MEASURED_BEFORE.search(sentence, 0, position):
        return (event,)
    return None


# What a percentage with no counted noun measures, named just before it: "turnout was 58 percent",
# "a turnout of 61 percent", "unemployment stood at 6.1 percent", "the inflation rate rose to 4
# percent". Only a measure of a whole population (``WHOLE_MEASURES``) is one value every report
# gives a version of; "the ruling party's vote share", "unemployment among women" or "prices of
# bread" are values of one part, which another part's value does not contradict. So a measure
# named as someone's ("Ankara's unemployment", "the party's turnout") is none either.
WHOLE_MEASURES = frozenset({"turnout", "unemployment", "inflation", "participation", "approval", "employment",
                            "literacy", "poverty"})
_MEASURED_NOUN = re.compile(
    r"(?:^|(?<=[\s(]))(?P<noun>[A-Za-z][a-z]+)(?:\s+(?:rate|rating|level|figure))?"
    r"\s+(?:was|is|were|stood\s+at|of|at|reached|hit|(?:rose|fell|dropped|climbed)\s+to)\s+$")
_OWNED = re.compile(r"(?:['’]s?|\bof)\s+$", re.I)


def measured_noun(sentence: str, position: int) -> str | None:
    """The whole-population measure (``WHOLE_MEASURES``) a percentage at ``position`` (its qualifier
    included) is a value of, lower-cased, or None."""
    found = _MEASURED_NOUN.search(sentence, 0, position)
    if found is None:
        return None
    noun = found.group("noun").lower()
    if noun not in WHOLE_MEASURES or _OWNED.search(sentence, 0, found.start("noun")):
        return None
    return noun


# A sum that is a fine, whatever verb the sentence gives it with ("fined him 500 crowns", "ordered
# to pay a fine of 500 crowns", "500 crowns in fines"): one slot, "fine", of the sum's currency.
FINE = "fine"
_FINE_BEFORE = re.compile(rf"\b(?:fined\b(?P<stretch>[^.;:]{{0,60}})|(?:a\s+)?fine\s+of\s+{HEDGE})$", re.I)
_FINE_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?(?:in\s+)?fines?\b", re.I)


def is_fine_at(sentence: str, position: int, value_end: int) -> bool:
    """Whether the sum at ``position`` of the sentence is a fine (``FINE``)."""
    before = _FINE_BEFORE.search(sentence, 0, position)
    if before is not None and not _has_clause(before.group("stretch") or "", _FINE_CLAUSE):
        return True
    return bool(_FINE_AFTER.match(sentence, value_end))
