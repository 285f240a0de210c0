"""What a value is about: the counted noun, the event and predicate class, the episode and the words around it."""

from __future__ import annotations

import re
from collections.abc import Iterable

from synopsis.extract.quantities import predicate_class
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


# Verbs that say the counted things went to someone ("won 52 seats", "the count gives the party 51
# seats", "secured 30 seats", "polled 22 percent"): outlets tell one tally with any of them.
# (Beside the extractor's classes, ``counted_nouns.PREDICATE_CLASSES``, which are read at compare
# time too.)
ACQUIRE = "win"
_ACQUIRE_VERBS = frozenset({"win", "gain", "secure", "obtain", "get", "give", "grant", "award", "receive", "poll",
                            "garner"})
# "took 23.4 percent and 32 seats" is a tally; "took three hours" is how long something lasted.
_ACQUIRE_UNLESS_TIMED = frozenset({"take"})
# A result told by the place it gave ("came second with 22.8 percent and 31 seats", "finished first
# in the election with 33.9 percent", "placed third with 16 seats"): the values after "with" are
# the tally of the one placed, whatever the verb. The place is required: "came with 200 officers",
# "the meeting ended with three agreements" give nothing to anyone.
_PLACING_VERBS = frozenset({"come", "finish", "end", "place", "rank"})
_RANK = (r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|top|runner-up"
         r"|\d+(?:st|nd|rd|th))")
_PLACED_WITH = re.compile(
    rf"\b(?:came|comes|come|coming|finished|finishes|finish|finishing|ended|ends|end|ending|placed|places|ranked"
    rf"|ranks)\s+(?:up\s+|in\s+)?{_RANK}\b(?:\s+place)?[^;:]{{0,60}}?\bwith\s+(?:[^;:]{{0,40}}?\band\s+)?$", re.I)


def classify_predicate(lemma: str | None, sentence: str = "", position: int = 0, timed: bool = False) -> str | None:
    """The class of a quantity's predicate lemma ("kill" and "die" -> "die"); None stays None.

    The sentence and the value's position in it, when given, tell a result placed with a verb of
    placing (``_PLACED_WITH``) from other uses of the verb; ``timed``: the value is a length of
    time, which "took" gives as a length, not a tally."""
    lower = lemma.lower() if lemma else None
    if lower in _ACQUIRE_VERBS or (lower in _ACQUIRE_UNLESS_TIMED and not timed):
        return ACQUIRE
    if lower in _PLACING_VERBS and _PLACED_WITH.search(sentence, 0, position):
        return ACQUIRE
    return predicate_class(lemma)


# Who a tally went to: the last party, person or group named before it in its clause ("X took 32
# seats, and Y 16 seats": Y's 16), else before its clause ("the Social Democrats, who won 14
# seats"). Not a name in a phrase of its own ("the alliance of Prime Minister X", "led by X",
# "according to X"), one that owns what follows ("X's alliance"), nor one that speaks ("the
# commission said the party won"): none of these won anything. Hand-written over plain strings,
# like the penalty's person: the parse is not kept past extraction.
HOLDER_LABELS = frozenset({"ORG", "PERSON", "NORP"})
_CLAUSE_START = re.compile(r"[;,]\s*")
_IN_PHRASE = re.compile(r"\b(?:of|by|to|for|from|with|in|at|on|under|against|than)\s+(?:the\s+)?"
                        r"(?:[A-Z][\w'’.-]*\s+){0,3}$")
_SPEAKS = re.compile(r"\b(?:said|says|say|told|tells|reported|reports|announced|announces|confirmed|confirms"
                     r"|showed|shows|estimated|estimates|projected|projects|predicted|predicts)\b", re.I)


def holder_at(sentence: str, position: int, names: Iterable[tuple[int, int]]) -> tuple[int, int] | None:
    """The (start, end), within the sentence, of the name a tally at ``position`` went to, chosen
    among ``names`` (the spans of the sentence's parties, people and groups, ``HOLDER_LABELS``)."""
    candidates = sorted(
        (start, end) for start, end in names
        if end <= position and not re.match(r"['’]s?\b", sentence[end:end + 2])
        and not _IN_PHRASE.search(sentence, 0, start) and not _SPEAKS.search(sentence, end, position))
    if not candidates:
        return None
    clause = max((m.end() for m in _CLAUSE_START.finditer(sentence, 0, position)), default=0)
    in_clause = [span for span in candidates if span[0] >= clause]
    return (in_clause or candidates)[-1]


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


# --- Money, percentages, terms and job cuts: what a sum or a share is the value of ----------------
# A sum of money is keyed by its currency and what it is the value of, named by the noun or the verb
# frame it stands in ("a fee of", "buy X for", "paid ... for", "worth", "valued at", "a €4.2bn
# deal"): one price, one revenue, one profit are each one value every report gives a version of,
# while a fee and a salary, revenue and profit in one story are different values. A sum per unit
# ("€38.50 a share", "150,000 euros a week") is a value of its own ("price per share"). Currencies
# are never converted, so "€4.2bn ($4.6bn)" and "£3.6bn" are values in other units, never rivals.
# Hand-written: these are plain strings with no parse, and the frames are few and fixed.

# A company's figures, by the measure they name: each a sum ("revenue of") or a change in percent
# ("revenue rose 8 percent"), one table for both.
_FIGURE_NOUNS = {"revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue",
                 "profit": "profit", "profits": "profit", "net profit": "profit", "earnings": "profit",
                 "income": "profit", "net income": "profit", "loss": "loss", "losses": "loss"}
MONEY_NOUNS = {
    "fee": "price", "price": "price", "value": "price", "valuation": "price", "offer": "price", "bid": "price",
    "deal": "price", "takeover": "price", "transfer": "price", "acquisition": "price", "purchase": "price",
    "swoop": "price", "sale": "price", "merger": "price", "price tag": "price",
    **_FIGURE_NOUNS,
    "savings": "savings", "salary": "salary", "wage": "salary", "wages": "salary",
    "loan": "loan", "loans": "loan", "budget": "budget", "investment": "investment",
    "compensation": "compensation", "damages": "compensation",
}
# How a figure went ("revenue rose 8 percent to", "shares fell 4.1 percent"): up or down.
RISE = r"rose|rise|rises|risen|up|grew|grow|grows|grown|increased|increase|increases|climbed|jumped|surged|gained|soared"
FALL = r"fell|fall|falls|fallen|down|dropped|drop|declined|decreased|decrease|slumped|slid|lost|plunged|tumbled"
_MONEY_NOUN = "|".join(sorted((re.escape(k) for k in MONEY_NOUNS), key=len, reverse=True))
# "revenue rose 8 percent to", "profit was", "a fee of", "savings of", "revenue up 8 percent at".
_MONEY_NOUN_BEFORE = re.compile(
    rf"\b(?P<noun>{_MONEY_NOUN})\s+(?:(?:was|is|were|are|stood|had|has)\s+(?:at\s+)?(?=$|{HEDGE_WORD}\b)"
    rf"|(?:(?:was|is|were|are|stood|had|has)\s+)?"
    rf"(?:(?:{RISE}|{FALL})\s+(?:by\s+)?"
    rf"(?:[\d.,]+\s*(?:percent|per\s+cent|pct|pc|%)\s+)?)?"
    rf"(?:of|at|to|totall?ing|totall?ed|reached|hit)\s+){HEDGE}$", re.I)
# "buy Brightwater Dairy for", "sold the club for", "paid 12 million euros for": the verbs of a price.
_MONEY_VERBS = (
    ("price", r"(?:buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|purchasing|sell|sells|sold|selling"
              r"|sign|signs|signed|signing|take\s+over|took\s+over|taking\s+over)\b[^.;:()]{0,60}?\bfor"),
    ("price", r"paid|pay|pays|paying|offering|offered|offers|bidding|valu(?:es|ing)\s+[^.;:()]{0,40}?\bat"),
    # "worth" and "valued at" say a price only of a deal ("a deal worth"): "aid worth $2bn" is none.
    ("price", r"(?:deal|takeover|transfer|offer|bid|acquisition|purchase|merger|sale|move)\s+(?:[a-z]+\s+){0,2}?"
              r"(?:worth|valued\s+at)"),
    ("salary", r"earn|earns|earned|earning|paid\s+a\s+salary\s+of"),
    ("loan", r"borrow|borrows|borrowed|borrowing"),
)
_MONEY_VERB_BEFORE = [(measure, re.compile(rf"\b(?:{verbs})\s+{HEDGE}$", re.I)) for measure, verbs in _MONEY_VERBS]
# "a €4.2bn deal", "a €50million swoop", "in a £3.6bn takeover".
_MONEY_NOUN_AFTER = re.compile(rf"[\s-]*(?:[a-z]+\s+)?(?P<noun>{_MONEY_NOUN})\b", re.I)
# "€38.50 a share", "38.50 euros for each Brightwater share", "180 million euros a year".
_PER_UNIT = re.compile(r"\s*(?:a|an|per|each|for\s+each|for\s+every|every)\s+(?:[A-Z][\w'’-]*\s+)*(?P<unit>[a-z]+)\b")
# "plus up to 5 million euros in add-ons", "with a further 5 million euros in bonuses": more money on
# top of the sum before it, not a sum of its own (``collect_facts`` reads the two as one range).
_EXTRA_SUM_BEFORE = re.compile(
    r"\b(?:plus|with\s+(?:a\s+|another\s+)?further|and\s+(?:a\s+|another\s+)?further|plus\s+(?:a\s+)?further"
    r"|and\s+up\s+to|with\s+up\s+to|and\s+another)\s+(?:up\s+to\s+)?$", re.I)


def money_measure_at(sentence: str, position: int, value_end: int) -> str | None:
    """What the sum at ``position`` of the sentence (its hedge included) is the value of ("price",
    "revenue", "price per share"), by ``MONEY_NOUNS`` and ``_MONEY_VERBS``, or None."""
    before = sentence[max(0, position - 120) : position]
    measure = None
    if (found := _MONEY_NOUN_BEFORE.search(before)) is not None:
        measure = MONEY_NOUNS[" ".join(found.group("noun").lower().split())]
    else:
        measure = next((m for m, pattern in _MONEY_VERB_BEFORE if pattern.search(before)), None)
    if measure is None and (found := _MONEY_NOUN_AFTER.match(sentence, value_end)) is not None:
        measure = MONEY_NOUNS[" ".join(found.group("noun").lower().split())]
    if measure is None:
        return None
    per = _PER_UNIT.match(sentence, value_end)
    if per is not None and per.group("unit").lower() not in MONEY_NOUNS:
        return f"{measure} per {lemmatize_noun(per.group('unit'))}"
    return measure


def extra_sum_at(sentence: str, position: int) -> int | None:
    """Where the words begin that put the sum at ``position`` on top of the one before it ("plus up
    to 5 million euros in add-ons"), or None for a sum of its own."""
    found = _EXTRA_SUM_BEFORE.search(sentence, max(0, position - 40), position)
    return found.start() if found is not None else None


# A percentage that is a premium, a stake, or the change of a named measure ("revenue rose 8
# percent", "shares were down 4.1 percent", "a 32pc premium"): keyed by that measure and the
# direction of the change, so a rise and a fall, or revenue and profit, are never rivals.
_CHANGED = {**_FIGURE_NOUNS, "share": "shares", "shares": "shares", "stock": "shares", "price": "price",
            "prices": "price", "exports": "exports", "imports": "imports", "output": "output", "production": "output"}
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<noun>{'|'.join(_CHANGED)})\s+(?:(?:were|was|is|are|had|have|has)\s+)?"
    rf"(?:(?P<up>{RISE})|(?P<down>{FALL}))\s+(?:by\s+)?{HEDGE}$", re.I)
_CHANGE_AFTER = re.compile(
    rf"[\s-]*(?:(?P<up>rise|increase|jump|growth|gain)|(?P<down>fall|drop|decline|decrease))\s+in\s+"
    rf"(?:[a-z-]+\s+)?(?P<noun>{'|'.join(_CHANGED)})\b", re.I)
_PERCENT_NOUN_BEFORE = re.compile(rf"\b(?P<noun>premium|stake|discount)\s+of\s+{HEDGE}$", re.I)
_PERCENT_NOUN_AFTER = re.compile(r"[\s-]*(?P<noun>premium|stake|discount)\b", re.I)


def percent_measure_at(sentence: str, position: int, value_end: int) -> str | None:
    """What the percentage at ``position`` measures ("premium", "revenue rise", "shares fall"), or None."""
    before = sentence[max(0, position - 80) : position]
    if (found := _PERCENT_NOUN_BEFORE.search(before)) or (found := _PERCENT_NOUN_AFTER.match(sentence, value_end)):
        return found.group("noun").lower()
    found = _CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(sentence, value_end)
    if found is None:
        return None
    return f"{_CHANGED[found.group('noun').lower()]} {'rise' if found.group('up') else 'fall'}"


# A duration that is the term of an agreement: "a contract of five and a half years", "a
# four-and-a-half-year contract", "a contract that runs for five years", "a three-year deal". It is
# how long the agreement is to run, not how long something lasted.
TERM = "term"  # the predicate class of such a duration
_TERM_NOUN = r"contract|deal|agreement|lease|loan|mandate|extension|concession|licence|license"
_TERM_BEFORE = re.compile(
    rf"\b(?P<noun>{_TERM_NOUN})\s+(?:of|lasting|(?:that|which)\s+(?:will\s+)?(?:runs?|lasts?)\s+(?:for\s+)?)\s*{HEDGE}$",
    re.I)
_TERM_AFTER = re.compile(rf"[\s-]*(?:long\s+)?(?P<noun>{_TERM_NOUN})\b", re.I)


def term_at(sentence: str, position: int, value_end: int) -> str | None:
    """The agreement a duration at ``position`` is the term of ("contract"), or None."""
    found = _TERM_BEFORE.search(sentence[max(0, position - 80) : position]) or _TERM_AFTER.match(sentence, value_end)
    return found.group("noun").lower() if found is not None else None


# A count of jobs to go ("cut about 1,200 jobs", "1,200 jobs will go", "1,500 workers face losing
# their jobs"): whatever the verb, one number, how many jobs are lost.
JOB_CUTS = ("job cut", "job")  # the predicate class and noun of every such count
_JOB_NOUNS = frozenset({"job", "post", "position", "role"})
_STAFF_NOUNS = frozenset({"worker", "employee", "staff"})
# Jobs are lost by any of these; people only by the ones that say their jobs go ("300 workers will
# go on strike", "workers lost their lives" are no job cuts).
_STAFF_LOSS = (r"cut|cuts|cutting|shed|sheds|shedding|axe|axed|slash|slashed|slashing|eliminated?|eliminating"
               r"|redundan\w*|lay\s+off|laid\s+off|layoffs?|(?:lose|losing|lost)\s+(?:their\s+)?jobs")
_STAFF_JOB_LOSS = re.compile(rf"\b(?:{_STAFF_LOSS})\b", re.I)
_JOB_LOSS = re.compile(rf"\b(?:{_STAFF_LOSS}|go|going|gone|lose|losing|lost)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|but|and)\b|\.\s")


def is_job_cut_at(sentence: str, position: int, value_end: int, noun: str | None) -> bool:
    """Whether a count of ``noun`` (a lemma) at ``position`` counts jobs lost (``JOB_CUTS``)."""
    if noun not in _JOB_NOUNS and noun not in _STAFF_NOUNS:
        return False
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, position)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(sentence, value_end)), len(sentence))
    return bool((_JOB_LOSS if noun in _JOB_NOUNS else _STAFF_JOB_LOSS).search(sentence, start, end))


MONEY_MEASURES = frozenset(MONEY_NOUNS.values())


def is_currency(unit: str | None) -> bool:
    """Whether a base unit is a currency (an ISO code: "EUR", "USD"; ``quantity_units``)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()  # type: ignore[union-attr]


def is_money_measure(name: str | None) -> bool:
    """Whether an amount's measure is one ``money_measure_at`` names ("price", "price per share")."""
    return bool(name) and name.split(" per ")[0] in MONEY_MEASURES  # type: ignore[union-attr]


# --- Physical measures: what a speed, a length or a weight is the value of ------------------------
# A physical measure is keyed by its base unit and what it measures, named by the noun before or
# after the value ("winds reached 140 km/h", "gusts of up to 150 km/h", "8-metre waves", "a depth
# of 40 metres", "the load weighed 12 tonnes") or the adjective after it ("waves 8 metres high"):
# one wind speed of one storm is one value every report gives a version of, while the wind and
# its gusts, or the height of the waves and the depth of the water, are different values. Each
# measure has the base unit (``quantity_units``) it can be given in, so "winds ... 20 km" inland is
# no wind speed. Hand-written for the reason the money frames are: few fixed phrases, no parse.
PHYSICAL_MEASURES = {
    "wind": ("wind speed", "km/h"), "winds": ("wind speed", "km/h"), "wind speed": ("wind speed", "km/h"),
    "wind speeds": ("wind speed", "km/h"), "sustained winds": ("wind speed", "km/h"),
    "gust": ("gusts", "km/h"), "gusts": ("gusts", "km/h"), "wind gusts": ("gusts", "km/h"),
    "speed": ("speed", "km/h"), "speeds": ("speed", "km/h"),
    "wave": ("height of the waves", "m"), "waves": ("height of the waves", "m"),
    "swell": ("height of the waves", "m"), "swells": ("height of the waves", "m"),
    "storm surge": ("storm surge", "m"), "surge": ("storm surge", "m"),
    "rainfall": ("rainfall", "m"), "rain": ("rainfall", "m"), "snow": ("snowfall", "m"), "snowfall": ("snowfall", "m"),
    "depth": ("depth", "m"), "height": ("height", "m"), "length": ("length", "m"), "width": ("width", "m"),
    "altitude": ("altitude", "m"), "elevation": ("altitude", "m"), "visibility": ("visibility", "m"),
    "weight": ("weight", "kg"), "load": ("load", "kg"),
}
# "8 metres high", "a crane 60 metres tall", "a tunnel 3 km long": the adjective names the measure.
_MEASURE_ADJECTIVES = {"high": "height", "tall": "height", "long": "length", "deep": "depth", "wide": "width",
                       "heavy": "weight"}
_PHYSICAL_NOUN = "|".join(sorted((re.escape(k) for k in PHYSICAL_MEASURES), key=len, reverse=True))
# "winds reached", "gusts of up to", "waves as high as", "wind speeds were", "the depth was".
_PHYSICAL_LINK = (r"(?:of|at|reached|reaching|reach|hit|hitting|topped|topping|peaked\s+at|peaking\s+at|exceeded"
                  r"|exceeding|was|were|is|are|measured|measuring|gusting\s+(?:to|at)|up\s+to|as\s+high\s+as"
                  r"|rose\s+to|climbed\s+to)")
_PHYSICAL_BEFORE = re.compile(rf"\b(?P<noun>{_PHYSICAL_NOUN})\s+(?:{_PHYSICAL_LINK}\s+){{1,3}}{HEDGE}$", re.I)
_WEIGHED_BEFORE = re.compile(rf"\b(?:weigh|weighs|weighed|weighing)\s+{HEDGE}$", re.I)
_PHYSICAL_AFTER = re.compile(rf"[\s-]*(?:[a-z]+\s+)?(?P<noun>{_PHYSICAL_NOUN})\b", re.I)
_ADJECTIVE_AFTER = re.compile(rf"\s+(?P<adjective>{'|'.join(_MEASURE_ADJECTIVES)})\b", re.I)
_NOUN_RIGHT_BEFORE = re.compile(rf"\b(?P<noun>{_PHYSICAL_NOUN})\s+{HEDGE}$", re.I)


def physical_measure_at(sentence: str, position: int, value_end: int, unit: str | None) -> str | None:
    """What the physical measure at ``position`` of the sentence (its hedge included), in base
    ``unit``, is the value of ("wind speed", "height of the waves"), by ``PHYSICAL_MEASURES``, or None."""
    before = sentence[max(0, position - 80) : position]
    found = [m.group("noun") for m in (_PHYSICAL_BEFORE.search(before), _PHYSICAL_AFTER.match(sentence, value_end))
             if m is not None]
    for noun in found:
        measure, measured_in = PHYSICAL_MEASURES[" ".join(noun.lower().split())]
        if measured_in == unit:
            return measure
    if unit == "kg" and _WEIGHED_BEFORE.search(before):
        return "weight"
    if (adjective := _ADJECTIVE_AFTER.match(sentence, value_end)) is not None:
        measure = _MEASURE_ADJECTIVES[adjective.group("adjective").lower()]
        # "waves 8 metres high": the height of the noun right before, when it is a measure itself.
        if (noun := _NOUN_RIGHT_BEFORE.search(before)) is not None:
            named, measured_in = PHYSICAL_MEASURES[" ".join(noun.group("noun").lower().split())]
            if measured_in == unit and measure == "height":
                return named
        if PHYSICAL_MEASURES[measure][1] == unit:
            return measure
    return None


def is_physical_measure(unit: str | None, name: str | None) -> bool:
    """Whether an amount's (base unit, measure) is one ``physical_measure_at`` names."""
    return (name, unit) in _PHYSICAL_PAIRS


_PHYSICAL_PAIRS = frozenset(PHYSICAL_MEASURES.values())  # (measure, base unit) of every physical measure
