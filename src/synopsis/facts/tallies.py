"""Tallies: counts and shares that went to someone ("won 31 seats", "came second with 22.8
percent"), by the verb that gives them, and who they went to."""

from __future__ import annotations

import re
from collections.abc import Iterable

from synopsis.extract.quantities import predicate_class


# Verbs that say the counted things went to someone ("won 52 seats", "the count gives the party 51
# seats", "secured 30 seats", "polled 22 percent"): outlets tell one tally with any of them.
# (Beside the extractor's classes, ``counted_nouns.PREDICATE_CLASSES``, which are read at compare
# time too.)
ACQUIRE = "win"
_ACQUIRE_VERBS = frozenset({"win", "gain", "secure", "obtain", "get", "give", "grant", "award", "receive", "poll",
                            "garner"})
# "took 23.4 percent and 32 seats" is a tally; "took three hours" is how long something lasted.
_ACQUIRE_UNLESS_TIMED = frozenset({"take"})
# "took" also says people were seized or lives lost, by words in the value's own phrase: "took 2,000
# protesters into custody", "52 people were taken into custody", "took into custody some 40 fans",
# "took 12 officers hostage", "took 300 prisoners" are detentions; "the fire took 30 lives", "took the
# lives of 30 people" deaths. At most five words between the value and the word that says so: "took
# 31 percent of the vote and freed 40 prisoners" is still a tally.
_SEIZED_AFTER = re.compile(r"\S*(?:\s+[\w'’-]+){0,5}?\s+(?:custody|hostages?|prisoners?|captives?)\b", re.I)
_SEIZED_BEFORE = re.compile(r"\b(?:into|in)\s+custody\s+(?:[\w-]+\s+){0,2}$", re.I)
_LIVES_AFTER = re.compile(r"\S*(?:\s+[\w'’-]+)?\s+lives\b", re.I)
_LIVES_BEFORE = re.compile(r"\blives\s+of\s+(?:[\w-]+\s+){0,2}$", re.I)
# Records, data, files, money or valuables "taken" were stolen ("hackers took 2.3 million customer
# records", "2.3 million records were taken"): one count with "stole 2.3 million records", not a
# tally won. Read by the head noun of what is counted (its last word: "customer record").
STEAL = "steal"
# Not photos ("took 200 photos"), cards ("took three yellow cards") nor cars (a ferry "took 30 cars"):
# taken without theft as often as with it.
_STOLEN_THINGS = frozenset({
    "record", "datum", "data", "file", "document", "password", "credential", "email", "cash", "money",
    "banknote", "coin", "valuable", "jewel", "jewellery", "jewelry", "painting", "artwork", "artefact",
    "artifact", "laptop", "computer", "ingot"})
# Money "taken" is read by who took it and from whom, as a sum names no thing taken: by a thief
# ("hackers took $2 million", "$2 million was taken by robbers"; "seized" as well, which police do
# lawfully) or from someone ("took $2 million from the bank") it was stolen; prize money ("took $2
# million in prize money", "took home $2 million") was won. The thief is the subject of the verb
# before the value, at most four words before the verb (hand-written: the parse is not kept past
# extraction, as for the holder below).
_MONEY_TAKING_VERBS = frozenset({"take", "seize"})
_THIEF = (r"(?:hackers?|thie(?:f|ves)|robbers?|gunm[ae]n|attackers?|burglars?|fraudsters?|gang|looters?"
          r"|raiders?|scammers?|cybercriminals?|criminals?)")
_TAKE_OR_SEIZE = r"(?:took|takes|take|taking|taken|seized|seizes|seize|seizing)"
_THIEF_TOOK_BEFORE = re.compile(
    rf"\b{_THIEF}\b(?:\s+[\w'’-]+){{0,4}}?\s+{_TAKE_OR_SEIZE}\s+(?:[\w'’-]+\s+){{0,3}}$", re.I)
_TAKEN_BY_THIEF_AFTER = re.compile(
    rf"\S*(?:\s+[\w'’-]+){{0,5}}?\s+{_TAKE_OR_SEIZE}\s+by\s+(?:[\w'’-]+\s+){{0,2}}?{_THIEF}\b", re.I)
_FROM_AFTER = re.compile(r"\S*(?:\s+[\w'’-]+){0,5}?\s+from\b", re.I)
_PRIZE_AFTER = re.compile(r"\S*(?:\s+[\w'’-]+){0,4}?\s+(?:prize|prizes|winnings|purse|jackpot)\b", re.I)
_TOOK_HOME_BEFORE = re.compile(rf"\b{_TAKE_OR_SEIZE}\s+home\s+(?:[\w'’-]+\s+){{0,2}}$", re.I)

# A count before an active "took" is of the one that took, not of what was taken: "the six-carriage
# train took a sharp curve", "140 passengers took buses" count the train's carriages and the
# passengers, and nothing went to anyone. A tally names what was taken after the verb ("took 41
# seats") or before a passive one ("31 seats were taken by"); one before an active verb is taken
# only in a clause of its own, whose taker comes between ("the 32 seats the party took").
_TAKE_FORM = re.compile(r"\b(?:took|takes|take|taking|taken)\b", re.I)
_ACTIVE_TAKE_AFTER = re.compile(r"\S+((?:\s+[\w'’-]+){0,4}?)\s+(?:took|takes|take|taking)\b", re.I)
_TAKER_BETWEEN = re.compile(r"\b(?:the|a|an|its|their|his|her|it|they|he|she|we|you|which|that|who)\b|\b[A-Z]")

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


# "Seven passengers were treated for minor injuries": the people another outlet calls "injured".
# Treated for anything else ("treated for shock", "treated at the scene") says no injury.
_TREATED_FOR_INJURIES = re.compile(r"\btreated\s+(?:[\w-]+\s+){0,3}?for\s+(?:[\w-]+\s+){0,2}?(?:injuries|wounds|burns)\b",
                                   re.I)
INJURE = "injure"


def classify_predicate(lemma: str | None, sentence: str = "", position: int = 0, timed: bool = False,
                       noun: str | None = None, money: bool = False) -> str | None:
    """The class of a quantity's predicate lemma ("kill" and "die" -> "die"); None stays None.

    The sentence and the value's position in it, when given, tell a result placed with a verb of
    placing (``_PLACED_WITH``) from other uses of the verb, and people "taken" into custody,
    hostage or prisoner, or lives "taken", from a tally (``_SEIZED_AFTER``), and the counted
    ``noun`` (its lemma) things "taken" that were stolen (``_STOLEN_THINGS``); a count before an
    active "took" is of the taker, no tally (``_ACTIVE_TAKE_AFTER``); ``timed``: the value is a
    length of time, which "took" gives as a length, not a tally; ``money``: the value is a sum,
    stolen when taken by a thief or from someone (``_money_stolen``)."""
    lower = lemma.lower() if lemma else None
    if money and lower in _MONEY_TAKING_VERBS and not timed and _money_stolen(lower, sentence, position):
        return predicate_class(STEAL)
    if lower in _ACQUIRE_UNLESS_TIMED and not timed and sentence:
        if _SEIZED_AFTER.match(sentence, position) or _SEIZED_BEFORE.search(sentence, 0, position):
            return predicate_class("detain")
        if _LIVES_AFTER.match(sentence, position) or _LIVES_BEFORE.search(sentence, 0, position):
            return predicate_class("kill")
        if noun and noun.split()[-1] in _STOLEN_THINGS:
            return predicate_class(STEAL)
        if _is_taker(sentence, position):
            return None
    if lower in _ACQUIRE_VERBS or (lower in _ACQUIRE_UNLESS_TIMED and not timed):
        return ACQUIRE
    if lower in _PLACING_VERBS and _PLACED_WITH.search(sentence, 0, position):
        return ACQUIRE
    if lower == "treat" and _TREATED_FOR_INJURIES.search(sentence, position):
        return INJURE
    return predicate_class(lemma)


def _money_stolen(lemma: str, sentence: str, position: int) -> bool:
    """Whether the sum at ``position``, taken or seized, was stolen: not prize money, and taken by a
    thief, or taken from someone."""
    if _PRIZE_AFTER.match(sentence, position) or _TOOK_HOME_BEFORE.search(sentence, 0, position):
        return False
    if _THIEF_TOOK_BEFORE.search(sentence, 0, position) or _TAKEN_BY_THIEF_AFTER.match(sentence, position):
        return True
    # Police "seized $2 million from the gang" took it lawfully: only a sum taken from someone.
    return lemma == "take" and _FROM_AFTER.match(sentence, position) is not None


def _is_taker(sentence: str, position: int) -> bool:
    """Whether the value at ``position`` counts the one that took (``_ACTIVE_TAKE_AFTER``)."""
    if _TAKE_FORM.search(sentence, 0, position):
        return False
    after = _ACTIVE_TAKE_AFTER.match(sentence, position)
    return after is not None and not _TAKER_BETWEEN.search(after.group(1))


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
