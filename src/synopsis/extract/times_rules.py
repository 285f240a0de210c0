"""Core of the time grammar: candidate hits, the text context and rule registration.

The rules themselves live in one module per concern -- ``times_dates`` (dates
named outright), ``times_relative`` (dates counted from the anchor or the text),
``times_durations`` (durations, sets and vague references) and ``times_clock``
(clock times).  Each registers its rules here at import; ``times.find_times``
imports them in that order, which is the order that breaks ties between
equally long matches.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from synopsis.extract import times_grammar as g

@dataclass(slots=True)
class _Hit:
    """A candidate expression; TIME parts stay separate until the date is known."""

    start: int
    end: int
    type: str
    value: str
    precision: str | None = None
    modifier: str | None = None
    clock: str | None = None  # "T20:37" or "TMO" for TIMEs
    minutes: int | None = None  # clock time in minutes after midnight, for zone arithmetic
    zone: int | None = None  # UTC offset in minutes
    day: str | None = None  # the TIME's own date, if it states one
    part_ok: bool = True  # may take "the end of"/"early" in front
    weekday: bool = False  # a bare weekday, resolved by tense
    anaphor: tuple[float, str] | None = None  # ("the next", "day") -> (1, "day"): relative to the last date
    year_ago: bool = False  # "a year ago", "year-earlier": the same reporting period a year before
    report: int | None = None  # "the latest period" (0), "the 1988 period" (1988): the reported quarter, in that year


# The simple past of irregular verbs news leads use ("met on Tuesday", "struck on Saturday"),
# which the "-ed" pattern misses: without them "met in Brussels on Tuesday and will meet again"
# took its tense from "will" and dated the meeting a week ahead.  Forms that are also
# present tenses or nouns read otherwise in a lead ("hit", "put", "set", "beat", "saw",
# "lay") are left out.
IRREGULAR_PAST = (
    "met", "won", "lost", "struck", "held", "began", "came", "went", "took", "made", "fell", "rose",
    "led", "gave", "spoke", "sent", "shot", "broke", "ran", "fought", "brought", "bought", "sold",
    "chose", "drew", "flew", "grew", "knew", "paid", "shook", "sank", "stood", "swept", "threw",
    "tore", "wrote", "caught", "thought", "felt", "kept", "became", "withdrew", "spent", "built",
    "fled", "stole", "swore", "got", "meant", "heard", "sought", "taught", "drove", "sat", "stuck",
    "hung", "dug", "hid", "slept", "blew", "bled", "dealt", "arose", "overtook", "undertook",
)  # fmt: skip


class _Context:
    """The text, the anchor date and cheap sentence bounds for tense and date context."""

    # A sentence ends at . ! ? before a capital, or at a line break.  Wire copy
    # abbreviates months ("Aug. 7"), so a digit after the stop does not end one.
    # Initials and titles ("Daniel P. Davison", "Mr. Smith", "U.S. Trust") do not end one.
    _END = re.compile(
        r"[.!?](?<!\b[A-Z].)(?<!\bM[rs].)(?<!\bMrs.)(?<!\bDr.)(?<!\bSt.)(?<!\bGen.)(?<!\bGov.)(?<!\bSen.)(?<!\bRep.)"
        r"[\"'”’)]*\s+(?=(?:[\"'“‘(]|''|``)?[A-Z])"
        # "4 a.m. EDT Thursday": a clock time's "a.m." ends a sentence only before an ordinary word.
        r"(?:(?<![ap]\.m\.\s)|(?!(?:[A-Z]{2,4}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b))|\n"
    )
    # Future cues: with them a bare "Friday" is the coming one; news mostly
    # reports the past, so the past is the default.
    # The verb nearest before the expression decides ("said Friday he will go"
    # is past); with none before it, the first one after.
    _TENSE = re.compile(
        r"(?P<f>\b(?:will|won't|shall|going\s+to|is\s+to|are\s+to|scheduled|expected|plans?\s+to|"
        r"planned|set\s+to|due|would|should|must|could|might|may|can|as\s+soon\s+as|upcoming|intends?\s+to|"
        r"aims?\s+to|hopes?\s+to|planning\s+to|tomorrow)\b|'ll\b"
        # "urged supporters to gather on Monday", "called for a strike on Friday": what is asked
        # for is to come, though the asking is past.
        r"|\b(?:urg(?:ed|es|ing)|call(?:ed|s|ing)\s+on|ask(?:ed|s|ing)|invit(?:ed|es|ing)|encourag(?:ed|es|ing)|"
        r"appeal(?:ed|s|ing)\s+to)\s+"
        r"(?!(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|last|this|on|in)\b)(?:[\w'’-]+\s+){1,4}?to\s+(?!be\b|have\b)[a-z]+\b"
        r"|\bcall(?:ed|s|ing)?\s+for\b"
        # "he had been summoned for questioning on Thursday": a perfect takes no past day of its
        # own ("has been summoned on Thursday" is not English), so the day is the appearance's.
        r"|\b(?:has|have|had)\s+been\s+(?:summoned|called|ordered|invited)\s+(?:to|for)\b)"
        # Past participles and past tenses in lower case: "United", "hundred" and "need" are not verbs.
        r"|(?P<p>\b(?:was|were|had|did|said|says|told|ago|yesterday|last|" + "|".join(IRREGULAR_PAST) + r""
        r"|(?-i:(?!(?:hundred|need|indeed|speed|proceed|succeed|exceed)\b)[a-z]\w{2,}ed))\b)",
        re.IGNORECASE,
    )
    # "will be named", "is to be held": a participle after these is passive, not past.
    _PASSIVE = re.compile(r"\b(?:be|been|being)\s+$", re.IGNORECASE)

    _ATTRIBUTIVE = re.compile(r"\b(?:an?|the|still|newly|its|their|his|her)\s+$", re.IGNORECASE)

    def __init__(self, text: str, anchor: dt.datetime | dt.date | None):
        self.text = text
        self.date: dt.date | None = None
        self.zone: int | None = None
        # Minutes into the anchor's day, when it has a time: midnight exactly is what a date
        # without a time becomes ("2026-11-16" read as a datetime), so it says nothing.
        self.minutes: int | None = None
        if isinstance(anchor, dt.datetime):
            self.date = anchor.date()
            if anchor.time() != dt.time(0):
                self.minutes = anchor.hour * 60 + anchor.minute
            offset = anchor.utcoffset()
            self.zone = int(offset.total_seconds() // 60) if offset is not None else None
        elif isinstance(anchor, dt.date):
            self.date = anchor
        self.bounds = [m.end() for m in self._END.finditer(text)]

    def sentence(self, pos: int) -> tuple[int, int]:
        """Start and end of the sentence around ``pos``."""
        i = bisect.bisect_right(self.bounds, pos)
        start = self.bounds[i - 1] if i else 0
        end = self.bounds[i] if i < len(self.bounds) else len(self.text)
        return start, end

    def future(self, pos: int) -> bool:
        """True when the sentence around ``pos`` talks about the future."""
        cue = self._tense_cue(pos)
        return cue is not None and cue["f"] is not None

    def past(self, pos: int) -> bool:
        """True when the sentence around ``pos`` has a past verb for its tense (not merely no future one)."""
        cue = self._tense_cue(pos)
        return cue is not None and cue["p"] is not None

    # A clause of time or condition takes the present for what is to come ("will discuss it when
    # it meets on Thursday"): its tense is the clause it hangs on.
    _TIME_CLAUSE = re.compile(r"\b(?:when|whenever|once|as\s+soon\s+as|after|before|until|till|by\s+the\s+time|if)\b",
                              re.IGNORECASE)
    # What makes that clause present: a subject and its verb in the present ("it meets", "the
    # council sits", "Parliament reconvenes", "they meet"). Not a noun alone ("after the flood on
    # Monday" is a preposition's), nor a plural noun ("when the floods hit"): a verb like "hit" is
    # past as often, and a clause that only may be past keeps the past verb's tense.
    _PRESENT_CLAUSE = re.compile(
        r"\s*(?:(?:it|he|she|who|which|that|(?:the|a|an|its|their|his|her|this)\s+(?:[a-z-]+\s+){0,2}?[a-z-]*[^s\W]"
        r"|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)\s+(?:[a-z]+ly\s+)?[a-z]+(?<!ss)(?<!us)(?<!is)s"
        r"|(?:they|we|you)\s+(?:[a-z]+ly\s+)?(?!(?:hit|put|set|cut|spread|shut|let|beat|burst|hurt|cost|quit|read|lay)\b)[a-z]+)\b")

    def _tense_cue(self, pos: int) -> re.Match[str] | None:
        """The tense word that decides the tense of the sentence around ``pos``."""
        start, end = self.sentence(pos)
        cues = self._tense_cues(start, end)
        before = next((m for m in reversed(cues) if m.start() < pos), None)
        after = next((m for m in cues if m.start() > pos + 3), None)
        if before is not None and before["p"] is not None:
            # "will discuss aid for farmers who lost livestock when it meets on Thursday": the past
            # verb nearest the date is in a clause the time clause does not belong to; the time
            # clause ("when it meets") is in the present and goes with the future before it.
            clause = None
            for clause in self._TIME_CLAUSE.finditer(self.text, before.end(), pos):
                pass
            if clause is not None and self._PRESENT_CLAUSE.match(self.text, clause.end(), pos):
                ahead = next((m for m in reversed(cues) if m.start() < before.start() and m["f"] is not None), None)
                if ahead is not None:
                    return ahead
        return before or after

    def _tense_cues(self, start: int, end: int) -> list[re.Match[str]]:
        """The tense words of the sentence from ``start`` to ``end``, in order (participles used as
        adjectives or after "be" left out: they tell no tense of their own)."""
        cues = []
        for m in self._TENSE.finditer(self.text, start, end):
            attributive = self._ATTRIBUTIVE.search(self.text, max(start, m.start() - 12), m.start())
            if m["p"] and m["p"].endswith("ed") and attributive:
                continue  # "an unspecified date": a participle used as an adjective, not a past verb
            if m["p"] and self._PASSIVE.search(self.text, max(start, m.start() - 8), m.start()):
                continue  # "her successor will be named on Wednesday": the tense is the auxiliary's
            cues.append(m)
        return cues


# ---------------------------------------------------------------------------
# Rules
# ---------------------------------------------------------------------------

_Handler = Callable[[re.Match[str], _Context], "_Hit | list[_Hit] | None"]



_LOOKAHEAD = 12
_WORD_TAIL = re.compile(r"\w*")


@dataclass(frozen=True, slots=True)
class _Rule:
    pattern: re.Pattern[str]
    handler: _Handler
    # Python's re tries a pattern at every position of the text; patterns that
    # open with optional modifiers and number words cost ~1 ms per 2,000
    # characters each.  A cheap trigger (the unit word, "ago", a clock digit)
    # finds the few places worth trying; the pattern then runs only within
    # ``back`` characters before and ``fwd`` after each trigger.  Triggers run
    # on the lower-cased text and are written in lower case: case-insensitive
    # alternations defeat re's literal search and cost 25x more.
    trigger: re.Pattern[str] | None = None
    back: int = 0
    fwd: int = 0

    def finditer(self, text: str, lowered: str) -> list[re.Match[str]]:
        if self.trigger is None:
            return list(self.pattern.finditer(text))
        windows: list[list[int]] = []
        for t in self.trigger.finditer(lowered):
            # The window ends a few characters past ``fwd`` so that a closing
            # \b or lookahead sees the real next character ("the quarter" must
            # not match inside "the quarterly").
            lo, hi = max(0, t.start() - self.back), min(len(text), t.end() + self.fwd + _LOOKAHEAD)
            # Never cut a word: the search treats the window's end as the text's, so a
            # \b there would pass "five min|isters" off as "five min".
            hi = _WORD_TAIL.match(text, hi).end()
            if windows and lo <= windows[-1][1]:
                windows[-1][1] = hi
            else:
                windows.append([lo, hi])
        return [m for lo, hi in windows for m in self.pattern.finditer(text, lo, hi)]


_RULES: list[_Rule] = []


def _rule(pattern: str, trigger: str | None = None, back: int = 0, fwd: int = 0) -> Callable[[_Handler], _Handler]:
    """Register a handler for a pattern (compiled once, at import), optionally behind a trigger."""
    # Only word starts can begin an expression: checking that first lets re
    # reject most positions before it tries the long alternations.
    compiled = re.compile(r"(?<!\w)(?=[\w'’])(?:" + pattern + ")")
    compiled_trigger = re.compile(trigger) if trigger else None

    def register(handler: _Handler) -> _Handler:
        _RULES.append(_Rule(compiled, handler, compiled_trigger, back, fwd))
        return handler

    return register


_PAST_RELS = {"last", "past", "this past", "previous", "the previous", "the past", "the last"}
_NEXT_RELS = {"next", "coming", "this coming", "following", "the following", "the next", "the coming"}


def _rel(text: str | None) -> str | None:
    return " ".join(text.lower().split()) if text else None


_POD = r"(?i:morning|afternoon|evening|night)"


_PART_MODS = {"end": "END", "close": "END", "late": "END", "latter part": "END", "beginning": "START",
              "start": "START", "early": "START", "early part": "START", "middle": "MID", "mid": "MID",
              "dawn": "START"}  # fmt: skip


_NUMSTRICT = rf"(?:\d+(?:[.,]\d+)?|(?i:{g.NUMWORD}))"


def _year_of(m: re.Match[str], ctx: _Context, group: str = "y", rel_group: str = "yrel") -> int | None:
    if m.groupdict().get(group):
        return int(m[group])
    rel = _rel(m.groupdict().get(rel_group))
    if ctx.date is None:
        return None
    return ctx.date.year + (-1 if rel == "last" else 1 if rel == "next" else 0)


def attach_triggers(triggers: dict[str, list[tuple[str, int, int]]]) -> None:
    """Give the rules of ``triggers`` (handler name -> one trigger per rule, in rule order) their triggers."""
    seen: dict[str, int] = {}
    for i, rule in enumerate(_RULES):
        name = rule.handler.__name__
        if rule.trigger is None and name in triggers:
            trigger, back, fwd = triggers[name][seen.get(name, 0)]
            seen[name] = seen.get(name, 0) + 1
            _RULES[i] = _Rule(rule.pattern, rule.handler, re.compile(trigger), back, fwd)
