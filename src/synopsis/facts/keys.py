"""What a value is about: the counted noun, the event and predicate class, the episode and the words around it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from synopsis.extract.quantities import predicate_class


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

# Function words and reporting verbs that say nothing about what a number counts.
STOP_WORDS = frozenset(
    """a an the of to in on at by for from with and or but as that this these those it its their
    his her our we they he she them is are was were be been being has have had will would could
    should may might can each per some all any more than less about over under up least at most
    nearly almost around approximately roughly also said says say told according who which what
    when where while after before into out not no new other another only just very one two three
    side sides total including included both such own""".split()
)

# Words before a number that make it an additional batch ("another 3,000", "a further 200"):
# it adds to an earlier count, so it never gives that count a different value.
ADDITIONAL = re.compile(r"\b(another|further|additional|more|extra|second|new)\s*$", re.I)
IRREGULAR_PLURALS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "persons": "person", "data": "datum", "lives": "life",
}


# Head nouns (lemmas) that count the people present at an event.  Whatever the verb ("24,000
# spectators attended", "a crowd of 31,000 filled the stadium", "in front of 31,000 fans"), such a
# count says one thing, how many were there: the slot is the attendance.  Viewers at a distance
# (television audiences) are a different number, and are not here.
AUDIENCE_NOUNS = frozenset({"crowd", "spectator", "fan", "supporter", "attendance", "attendee", "audience",
                            "onlooker", "throng", "congregation"})
ATTENDANCE = ("attend", "audience")  # the predicate class and noun of every such count


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


def _stem(word: str) -> str:
    """Crude stem for context overlap ("listed" ~ "list", "exchanges" ~ "exchange")."""
    lower = word.lower().replace("’", "'")
    for suffix in ("ing", "ed", "es", "s"):
        if lower.endswith(suffix) and len(lower) - len(suffix) >= 3:
            return lower[: -len(suffix)]
    return lower


def frame_words(text: str, start: int, end: int, skip: Iterable[str]) -> frozenset[str]:
    """Content-word stems around a value (excluding the counted noun itself)."""
    before = _WORD.findall(text[max(0, start - 120) : start])[-FRAME_WINDOW_BEFORE:]
    after = _WORD.findall(text[end : end + 80])[:FRAME_WINDOW_AFTER]
    skipped = {_stem(word) for word in skip}
    return frozenset(
        _stem(word) for word in before + after
        if word.lower() not in STOP_WORDS and _stem(word) not in skipped and len(word) > 2
    )


def classify_predicate(lemma: str | None) -> str | None:
    """The class of a quantity's predicate lemma ("kill" and "die" -> "die"); None stays None."""
    return predicate_class(lemma)


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
