"""Disputes: the same fact (a slot) given incompatible values by different outlets.

A *slot* is what a value is about: the number of prisoners in one swap, the length of one meeting,
the start time of one meeting, a person's first name or office. Values of one slot are compared as
intervals (see ``intervals``), compatible values merge into one version, and a dispute is two or
more mutually incompatible versions coming from different outlets. Every version keeps every
outlet and every evidence span; where the evidence suggests a version is stale or derived, the
version gets a note, and it is still shown.

How values are put into slots (rules kept general; no story-specific names):

- Values inside one aligned claim group (the aligner says: the same fact) share a slot when they
  have the same kind and the same slot key; a value whose key is unknown joins the group's only key.
- Across the whole story, values share a slot when the kind and the full key match (counts: the
  counted noun's lemma; durations and clock times: the event noun class and the predicate class,
  e.g. ("meeting", "length")), their time context does not contradict (the dates in or just before
  their sentence; a report without dates is taken to be about the days before it was published),
  and for counts the words around the number share a content word ("list of 339 children" /
  "329 children listed"): the same noun in different frames is usually a different thing.
- Dates of events are compared only inside aligned groups: a story about several rounds of talks
  has many "talks were held on ..." with different, correct dates.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from rapidfuzz import fuzz

from synopsis.compare.intervals import (
    Interval,
    compatible,
    describe,
    interval_from_quantity,
    interval_from_time,
)
from synopsis.extract.quantities import predicate_class
from synopsis.records import (
    Article,
    ArticleAnalysis,
    Claim,
    Dispute,
    DisputeVersion,
    Evidence,
    StoryEntity,
    TimeRef,
)

Member = tuple[str, int]  # (article_id, claim_index)

# A report with no date near a value is read as being about the few days before publication
# (news reports events of the last day or two; three days covers weekend editions). Used only to
# keep values about clearly different periods apart, never to merge them.
RECENT_DAYS = 3
# Sentences to look back for the date a sentence is about, without crossing a paragraph break:
# reports give the date once ("talks were held on July 23") and continue ("The meeting lasted").
DATE_LOOKBACK_SENTENCES = 3
# Sentences to look back, across paragraphs, for the period a section of an article is about
# (background sections and encyclopedia entries go round by round, each opening with its date).
SECTION_LOOKBACK = 25
# Words on each side of a number whose content words describe what the number is of.
FRAME_WINDOW_BEFORE = 6
FRAME_WINDOW_AFTER = 4
# Counts of one noun that are not aligned are compared only when within this factor of each other:
# outlets misreporting one figure differ by a few percent to a few tens of percent (339 / 329,
# 1,000 / 1,200), while "20 children" and "19,000 children" in one story are different groups.
COUNT_RATIO = 2.0
# A report published this long before the event it describes was written for something else
# (an encyclopedia entry first written months earlier and updated since).
STALE_GAP = timedelta(days=2)
# A version whose reports all appeared this much before every report of another version may have
# been overtaken by events (breaking news is corrected within hours).
EARLIER_GAP = timedelta(hours=1)
# Name spellings this similar (0-100) are transliterations of one name, not different names:
# "Dmitry"/"Dmitri" score 83, "Rustem"/"Rustam" 83, "Vladimir"/"Volodymyr" 71.
SAME_NAME_SCORE = 80

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
}
_EVENT_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(k) for k in EVENT_CLASSES), key=len, reverse=True)) + r")\b", re.I
)
# Predicate cues for what a duration or clock time says about its event.
PREDICATE_CLASSES = {
    "length": r"lasted|lasting|lasts|last|went on|continued for|ran for|running for|totall?ing|totall?ed|in total|duration|long",
    "start": r"began|begin|begins|beginning|started|start|starts|starting|kicked off|kick off|opened|commenced|got under way|got underway",
    "end": r"ended|ends|end|concluded|finished|wrapped up|until|closed|broke up|was over",
    "scheduled": r"scheduled|planned|due|set for|set to",
    "delay": r"delayed|delay|postponed|late|pushed back",
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
_ORDINAL_RE = re.compile(
    r"\b(" + "|".join(ORDINALS) + r")\s+(?:[a-z-]+\s+)?("
    + "|".join(sorted({*EPISODE_CLASSES, *EVENT_CLASSES}, key=len, reverse=True)) + r")\b",
    re.I,
)
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
_ADDITIONAL = re.compile(r"\b(another|further|additional|more|extra|second|new)\s*$", re.I)
IRREGULAR_PLURALS = {
    "people": "person", "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "persons": "person", "data": "datum",
}
# Outlets whose publication date says when a page was first written, not what it reports on.
UNDATED_KINDS = frozenset({"encyclopedia"})


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


def name_outlet(article: Article) -> str:
    """The outlet name to show for an article (its source when the outlet is unknown)."""
    if article.outlet is not None:
        return article.outlet.name
    return article.source


def _parse_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def list_members(group: Any) -> list[Member]:
    """The (article_id, claim_index) members of an aligned group (pairs, or objects with those fields)."""
    members = getattr(group, "members", group)
    found = []
    for member in members:
        if hasattr(member, "article_id"):
            found.append((str(member.article_id), int(member.claim_index)))
        else:
            article_id, index = member
            found.append((str(article_id), int(index)))
    return found


# ---------------------------------------------------------------------------
# Facts: one value of one claim, with what it is about
# ---------------------------------------------------------------------------


@dataclass
class _Fact:
    kind: str  # count, amount, duration, time, date
    key: tuple[str | None, ...]
    intervals: list[Interval]
    values: list[str]
    article: Article
    outlet: str
    evidence: Evidence
    claim: tuple[str, int]
    group: int | None
    dates: list[Interval]  # explicit dates the sentence (or its paragraph) is about
    recent: Interval | None  # the days before publication, if no explicit date
    section: list[Interval]  # the period of the article's section, if no explicit date
    frame: frozenset[str] = field(default_factory=frozenset)
    label: str | None = None  # what is counted, as written ("children")
    noun: str | None = None  # counts: lemma of what is counted (None agrees with any noun)
    additional: bool = False  # "another 3,000": a further batch, compared only inside aligned groups
    episode: tuple[str, int] | None = None  # ("meeting", 3) for a passage about "the third round"

    @property
    def key_known(self) -> bool:
        return all(part is not None for part in self.key)


def _sentence_bounds(analysis: ArticleAnalysis, claim: Claim) -> tuple[int, int]:
    if 0 <= claim.sentence < len(analysis.sentences):
        sentence = analysis.sentences[claim.sentence]
        return min(sentence.start, claim.start), max(sentence.end, claim.end)
    return claim.start, claim.end


def _day_interval(value: Interval) -> Interval | None:
    """The calendar span a time or date interval falls on (dates only; instants by their UTC day)."""
    if value.unit == "date":
        return value
    if value.unit == "instant" or value.unit.startswith("local"):
        day = (value.low + value.high) / 2 // 86400 * 86400
        # A day's slack each side: a UTC day and a local day differ by the zone offset.
        return Interval(day - 86400, day + 2 * 86400, high_open=True, unit="date")
    return None


_DATE_WORDS = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b|\b(mon|tues|wednes|thurs|fri|satur|sun)day\b"
    r"|\b(today|yesterday|tomorrow|tonight)\b|\b\d{4}\b|\b\d{1,2}[./-]\d{1,2}\b",
    re.I,
)


def states_date(time: TimeRef) -> bool:
    """Whether a time expression says its date ("8 p.m. on July 23"), rather than having it filled in."""
    return (time.type or "").upper() != "TIME" or bool(_DATE_WORDS.search(time.text))


def _dates_in(analysis: ArticleAnalysis, start: int, end: int) -> list[Interval]:
    found = []
    for time in analysis.times:
        if (time.start >= start and time.end <= end and (time.type or "").upper() in {"DATE", "TIME"}
                and states_date(time)):
            interval = interval_from_time(time)
            day = _day_interval(interval) if interval is not None else None
            if day is not None:
                found.append(day)
    return found


def _context_dates(analysis: ArticleAnalysis, claim: Claim) -> list[Interval]:
    """Dates the claim is about: in its sentence, else in the sentences just before, in one paragraph."""
    start, end = _sentence_bounds(analysis, claim)
    dates = _dates_in(analysis, start, end)
    index = claim.sentence
    text = analysis.article.text
    steps = 0
    while not dates and 0 < index < len(analysis.sentences) and steps < DATE_LOOKBACK_SENTENCES:
        previous = analysis.sentences[index - 1]
        if "\n" in text[previous.end : analysis.sentences[index].start]:
            break
        dates = _dates_in(analysis, previous.start, previous.end)
        index -= 1
        steps += 1
    return dates


def _section_dates(analysis: ArticleAnalysis, claim: Claim) -> list[Interval]:
    """The latest specific date (a day to a month) stated earlier in the article: the section's period."""
    for index in range(min(claim.sentence, len(analysis.sentences)) - 1, max(-1, claim.sentence - SECTION_LOOKBACK) , -1):
        sentence = analysis.sentences[index]
        dates = [d for d in _dates_in(analysis, sentence.start, sentence.end) if d.high - d.low <= 31 * 86400]
        if dates:
            return dates
    return []


def _episode(analysis: ArticleAnalysis, claim: Claim) -> tuple[str, int] | None:
    """The numbered episode the claim is about: nearest "the third round" in or before its sentence."""
    text = analysis.article.text
    start, end = _sentence_bounds(analysis, claim)
    spans = [(start, end)]
    for index in range(min(claim.sentence, len(analysis.sentences)) - 1,
                       max(-1, claim.sentence - SECTION_LOOKBACK), -1):
        sentence = analysis.sentences[index]
        spans.append((sentence.start, sentence.end))
    for span_start, span_end in spans:
        found = list(_ORDINAL_RE.finditer(text, span_start, span_end))
        if found:
            ordinal, noun = found[-1].group(1).lower(), found[-1].group(2).lower()
            kind = EPISODE_CLASSES.get(noun) or EVENT_CLASSES.get(noun) or noun
            return kind, ORDINALS[ordinal]
    return None


def _episodes_agree(a: _Fact, b: _Fact) -> bool:
    """False when both facts are about numbered episodes of one kind with different numbers."""
    if a.episode is None or b.episode is None or a.episode[0] != b.episode[0]:
        return True
    return a.episode[1] == b.episode[1]


def _recent_interval(article: Article) -> Interval | None:
    if article.outlet is not None and article.outlet.kind in UNDATED_KINDS:
        return None
    published = _parse_published(article.published)
    if published is None:
        return None
    day = datetime(published.year, published.month, published.day, tzinfo=timezone.utc).timestamp()
    return Interval(day - RECENT_DAYS * 86400, day + 2 * 86400, high_open=True, unit="date")


def _frame(text: str, start: int, end: int, skip: Iterable[str]) -> frozenset[str]:
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


def _nouns_agree(a: _Fact, b: _Fact) -> bool:
    """Counted nouns agree when equal or when either is unknown ("14 were hurt")."""
    return a.noun is None or b.noun is None or a.noun == b.noun


def _event_class(sentence: str, position: int) -> str | None:
    """The event a value in the sentence is about: the nearest event noun before it, else after it."""
    before = [m for m in _EVENT_RE.finditer(sentence) if m.end() <= position]
    if before:
        return EVENT_CLASSES[before[-1].group(1).lower()]
    after = _EVENT_RE.search(sentence, position)
    return EVENT_CLASSES[after.group(1).lower()] if after else None


def _predicate_class(sentence: str, position: int, value_end: int) -> str | None:
    """What the value says about the event: the nearest predicate cue before it ("lasted", "began")."""
    cues = [m for m in _PREDICATE_RE.finditer(sentence[:position])]
    if cues:
        return cues[-1].lastgroup
    # "a 40-minute meeting", "a two-hour session": the value itself is the length.
    if _EVENT_RE.match(sentence[value_end:].lstrip(" -")) and "-" in sentence[max(0, position) : value_end + 1]:
        return "length"
    return None


_ZONE = re.compile(r"(Z|[+-]\d{2}(?::?\d{2})?)$")
UTC_ZONES = frozenset({"Z", "+00:00", "+0000", "+00", "-00:00"})


def _is_local(time: TimeRef, text: str) -> bool:
    return "local" in time.text.lower() or "local" in text[time.end : time.end + 20].lower()


def _clock_intervals(time: TimeRef, text: str) -> list[Interval]:
    """A clock time as compared: with its date only when the text states one, else the time of day."""
    value = time.value
    if not states_date(time):
        # The extractor fills a missing date from the publication date, which is often not the
        # event's date (reports appear after midnight, entries are edited months later).
        value = re.sub(r"^(\d{4}-\d{2}-\d{2}|XXXX-XX-XX)(?=T)", "", value)
    intervals = []
    for candidate in (value, None):
        if candidate is None:
            # "8:37 p.m. local time (UTC+3)": the wall clock is known too, so it also compares
            # with zone-less local times of the same event.
            zone = _ZONE.search(value)
            if not (zone and zone.group(0) not in UTC_ZONES and "T" in value and _is_local(time, text)):
                continue
            candidate = value[: zone.start()]
        interval = interval_from_time(dataclasses.replace(time, value=candidate))
        if interval is not None:
            intervals.append(interval)
    return intervals


def _join_durations(items: list[tuple[int, int, Interval]], text: str) -> list[tuple[int, int, Interval]]:
    """Join "one hour and 45 minutes" (two values, one duration) and drop the same span read twice."""
    joined: list[tuple[int, int, Interval]] = []
    for start, end, interval in sorted(items, key=lambda item: (item[0], -item[1])):
        if joined and start < joined[-1][1]:  # the same words as quantity and as time expression
            continue
        if joined and re.fullmatch(r"\s*(and|,)\s*", text[joined[-1][1] : start]):
            first_start, _, first = joined.pop()
            interval = Interval(first.low + interval.low, first.high + interval.high,
                                first.low_open or interval.low_open, first.high_open or interval.high_open, "s")
            start = first_start
        joined.append((start, end, interval))
    return joined


def _collect_facts(analyses: Sequence[ArticleAnalysis], group_of: dict[Member, int]) -> list[_Fact]:
    facts: list[_Fact] = []
    for analysis in analyses:
        article = analysis.article
        outlet = name_outlet(article)
        recent = _recent_interval(article)
        for index, claim in enumerate(analysis.claims):
            group = group_of.get((article.id, index))
            start, end = _sentence_bounds(analysis, claim)
            sentence = article.text[start:end]
            dates = _context_dates(analysis, claim)
            section = [] if dates else _section_dates(analysis, claim)
            episode = _episode(analysis, claim)
            evidence = Evidence(article.id, outlet, claim.start, claim.end, claim.text)
            raw: list[_Fact] = []

            def add(kind: str, key: tuple[str | None, ...], intervals: list[Interval], value: str,
                    frame: frozenset[str] = frozenset(), label: str | None = None, noun: str | None = None,
                    additional: bool = False) -> None:
                raw.append(_Fact(kind, key, intervals, [" ".join(value.split())], article, outlet, evidence,
                                 (article.id, index), group, dates, None if dates else recent, section, frame, label,
                                 noun, additional, episode))

            durations: list[tuple[int, int, Interval]] = []
            for q_index in claim.quantities:
                if not 0 <= q_index < len(analysis.quantities):
                    continue
                quantity = analysis.quantities[q_index]
                interval = interval_from_quantity(quantity)
                if interval is None:
                    continue
                if interval.unit == "s":
                    durations.append((quantity.start, quantity.end, interval))
                    continue
                # "prisoners of war" and "prisoners" count the same people: key on the head noun.
                counted = lemmatize_noun(re.split(r"\s+of\s+", quantity.counted)[0]) if quantity.counted else None
                frame = _frame(article.text, quantity.start, quantity.end, [quantity.counted or ""])
                if interval.unit == "count":
                    # The slot is what happened to what is counted: "two died" and "14 injured" are
                    # two slots even when both count people.
                    additional = bool(_ADDITIONAL.search(article.text[max(0, quantity.start - 20) : quantity.start]))
                    add("count", (classify_predicate(quantity.predicate),), [interval], quantity.text, frame,
                        quantity.counted, counted, additional)
                else:
                    add("amount", (interval.unit, counted), [interval], quantity.text, frame, quantity.counted)
            for t_index in claim.times:
                if not 0 <= t_index < len(analysis.times):
                    continue
                time = analysis.times[t_index]
                kind = (time.type or "").upper()
                interval = interval_from_time(time)
                if interval is None:
                    continue
                position = time.start - start
                event = _event_class(sentence, position)
                predicate = _predicate_class(sentence, position, time.end - start)
                if kind == "DURATION":
                    durations.append((time.start, time.end, interval))
                elif kind == "TIME":
                    add("time", (event, predicate), _clock_intervals(time, article.text), time.text)
                elif kind == "DATE" and interval.unit == "date" and (time.precision in {None, "day"}):
                    add("date", (event, predicate), [interval], time.text)
            for d_start, d_end, interval in _join_durations(durations, article.text):
                position = d_start - start
                key = (_event_class(sentence, position), _predicate_class(sentence, position, d_end - start))
                add("duration", key, [interval], article.text[d_start:d_end])
            facts.extend(_merge_same_claim(raw))
    return facts


def _fact_relation(a: _Fact, b: _Fact) -> bool | None:
    """True if the values agree, False if they contradict, None if they cannot be compared."""
    verdict: bool | None = None
    for x in a.intervals:
        for y in b.intervals:
            if x.unit != y.unit:
                continue
            if compatible(x, y):
                return True
            verdict = False
    return verdict


def _merge_same_claim(facts: list[_Fact]) -> list[_Fact]:
    """One claim giving one value twice ("8:37 p.m. local time (5:37 p.m. GMT)") is one fact."""
    merged: list[_Fact] = []
    for fact in facts:
        for other in merged:
            if (other.kind == fact.kind and other.key == fact.key and other.noun == fact.noun
                    and _fact_relation(other, fact) is not False):
                other.intervals.extend(fact.intervals)
                other.values.extend(v for v in fact.values if v not in other.values)
                break
        else:
            merged.append(fact)
    return merged


# ---------------------------------------------------------------------------
# Slots
# ---------------------------------------------------------------------------


def _contexts_agree(a: _Fact, b: _Fact) -> tuple[bool, bool]:
    """(no contradiction, explicitly the same dates) between two facts' time contexts.

    Explicit dates must overlap. A section date (from earlier in the article) must meet the other's
    explicit or section date. The publication window is checked only against explicit dates,
    since entries edited long after they were first published carry misleading dates.
    """
    if a.dates and b.dates:
        same = any(compatible(x, y) for x in a.dates for y in b.dates)
        return same, same
    a_known, b_known = a.dates or a.section, b.dates or b.section
    if a_known and b_known:
        return any(compatible(x, y) for x in a_known for y in b_known), False
    if a.dates and b.recent is not None:
        return any(compatible(x, b.recent) for x in a.dates), False
    if b.dates and a.recent is not None:
        return any(compatible(a.recent, y) for y in b.dates), False
    return True, False


def _same_slot_across(a: _Fact, b: _Fact) -> bool:
    if a.kind != b.kind or a.key != b.key or not a.key_known or a.kind == "date":
        return False
    if a.additional or b.additional or not _nouns_agree(a, b) or not _episodes_agree(a, b):
        return False
    agree, same_dates = _contexts_agree(a, b)
    if not agree:
        return False
    if a.kind in {"count", "amount"}:
        return (same_dates or bool(a.frame & b.frame)) and _close(a, b)
    return True


def _typical(interval: Interval) -> float:
    if interval.high == float("inf"):
        return interval.low
    return (interval.low + interval.high) / 2


def _close(a: _Fact, b: _Fact) -> bool:
    """Unaligned counts of one noun within a factor of COUNT_RATIO: the same thing misreported."""
    x, y = _typical(a.intervals[0]), _typical(b.intervals[0])
    if x <= 0 or y <= 0:
        return x == y
    return max(x, y) / min(x, y) <= COUNT_RATIO


def _find(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _slots(facts: list[_Fact]) -> list[list[_Fact]]:
    """Cluster facts into slots (union-find over 'same slot' links), blocked by kind and key."""
    parent = list(range(len(facts)))

    def union(i: int, j: int) -> None:
        parent[_find(parent, i)] = _find(parent, j)

    # Inside aligned groups: the aligner already says these claims report one fact.
    by_group: dict[tuple[int, str], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.group is not None:
            by_group.setdefault((fact.group, fact.kind), []).append(i)
    for indices in by_group.values():
        known_keys = {facts[i].key for i in indices if facts[i].key_known}
        for pos, i in enumerate(indices):
            for j in indices[pos + 1 :]:
                a, b = facts[i], facts[j]
                if a.claim[0] == b.claim[0]:
                    continue
                same_key = a.key == b.key or (len(known_keys) <= 1 and (not a.key_known or not b.key_known))
                if same_key and _nouns_agree(a, b) and _episodes_agree(a, b) and _contexts_agree(a, b)[0]:
                    union(i, j)
    # Across the story, blocked by (kind, key) so the work stays linear in practice.
    blocks: dict[tuple[str, tuple[str | None, ...]], list[int]] = {}
    for i, fact in enumerate(facts):
        if fact.key_known:
            blocks.setdefault((fact.kind, fact.key), []).append(i)
    for indices in blocks.values():
        for pos, i in enumerate(indices):
            for j in indices[pos + 1 :]:
                if facts[i].claim[0] != facts[j].claim[0] and _same_slot_across(facts[i], facts[j]):
                    union(i, j)
    slots: dict[int, list[_Fact]] = {}
    for i, fact in enumerate(facts):
        slots.setdefault(_find(parent, i), []).append(fact)
    return [slot for slot in slots.values() if len({f.outlet for f in slot}) >= 2]


def _width(fact: _Fact) -> float:
    return min(i.high - i.low for i in fact.intervals)


def _versions(slot: list[_Fact]) -> list[list[_Fact]]:
    """Group a slot's values into versions: a value joins a version it agrees with entirely."""
    versions: list[list[_Fact]] = []
    # Narrow values first, so broad ones ("less than an hour") join the precise one they contain.
    for fact in sorted(slot, key=_width):
        for version in versions:
            relations = [_fact_relation(fact, other) for other in version]
            if False not in relations and True in relations:
                version.append(fact)
                break
        else:
            versions.append([fact])
    return versions


def _in_conflict(versions: list[list[_Fact]]) -> list[list[_Fact]]:
    """Keep versions that contradict another version given by a different outlet."""
    kept = []
    for i, version in enumerate(versions):
        for j, other in enumerate(versions):
            if i == j:
                continue
            if any(_fact_relation(a, b) is False and a.outlet != b.outlet for a in version for b in other):
                kept.append(version)
                break
    return kept


# ---------------------------------------------------------------------------
# Wording
# ---------------------------------------------------------------------------


def _join(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _unique(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _slot_days(slot: list[_Fact]) -> list[Interval]:
    """Day-precision dates the slot's values are about (stated, else from their sections)."""
    days = [d for f in slot for d in f.dates if d.high - d.low <= 86400]
    return days or [d for f in slot for d in f.section if d.high - d.low <= 86400]


def _slot_date(slot: list[_Fact]) -> str | None:
    days = _slot_days(slot)
    if not days:
        return None
    return describe(min(days, key=lambda d: d.low))


PARTICIPLES = {
    "die": "killed", "injure": "injured", "evacuate": "evacuated", "exchange": "exchanged or released",
    "detain": "detained", "rescue": "rescued", "list": "listed",
}
PREDICATE_WORDS = {"start": "start time", "end": "end time", "scheduled": "scheduled time", "delay": "delay"}


def _what(slot: list[_Fact]) -> str:
    fact = next((f for f in slot if f.key_known), slot[0])
    event = fact.key[0] if fact.kind in {"duration", "time", "date"} else None
    when = _slot_date(slot)
    suffix = f" on {when}" if when else ""
    if fact.kind == "count":
        counted = next((f.label.lower() for f in slot if f.label), None) or "people or things"
        happened = PARTICIPLES.get(fact.key[0] or "", "")
        return f"number of {counted}{' ' + happened if happened else ''}{suffix}"
    if fact.kind == "amount":
        return f"amount in {fact.key[0]}" + (f" for {fact.key[1]}" if fact.key[1] else "") + suffix
    if fact.kind == "duration":
        if fact.key[1] == "delay":
            return f"delay of the {event or 'event'}{suffix}"
        return f"duration of the {event or 'event'}{suffix}"
    if fact.kind == "time":
        return f"{PREDICATE_WORDS.get(fact.key[1] or '', 'time')} of the {event or 'event'}{suffix}"
    return f"date of the {event or 'event'}"


def _verb(kind: str) -> str:
    return {"duration": "it lasted ", "time": "it was at ", "date": "it was on "}.get(kind, "")


def _explain(what: str, kind: str, versions: Sequence[DisputeVersion]) -> str:
    parts = []
    for version in versions:
        outlets = list(version.sources)
        verb = "says" if len(outlets) == 1 else "say"
        parts.append(f"{_join(outlets)} {verb} {_verb(kind)}{version.value}")
    return f"Outlets disagree on the {what}: " + "; ".join(parts) + "."


def _notes(versions: list[list[_Fact]], event: Interval | None) -> list[str | None]:
    """Say where a version looks derived or stale; every version is still shown."""
    outlets = {f.outlet for version in versions for f in version}
    published = [[_parse_published(f.article.published) for f in version] for version in versions]
    notes: list[str | None] = []
    for i, version in enumerate(versions):
        found: list[str] = []
        stale = False
        for fact in version:
            origin = fact.article.origin
            if origin is not None and origin.name in outlets and origin.name != fact.outlet:
                found.append(f"derived: {fact.outlet} rewrites {origin.name}")
            moment = _parse_published(fact.article.published)
            if event is not None and moment is not None:
                event_start = datetime.fromtimestamp(event.low, tz=timezone.utc)
                if moment < event_start - STALE_GAP:
                    stale = True
                    kind = fact.article.outlet.kind if fact.article.outlet else "report"
                    what = "an encyclopedia entry" if kind == "encyclopedia" else "a report"
                    found.append(
                        f"{fact.outlet} is {what} first published {moment.date().isoformat()}, long before"
                        f" the event ({describe(event)}): edited since or about something earlier"
                    )
        mine = [m for m in published[i] if m is not None]
        others = [m for j, ms in enumerate(published) if j != i for m in ms if m is not None]
        if not stale and mine and others and max(mine) < min(others) - EARLIER_GAP:
            found.append(f"earlier report (published {max(mine).isoformat(timespec='minutes')}); later reports differ")
        notes.append("; ".join(_unique(found)) or None)
    return notes


def _dispute_from(slot: list[_Fact]) -> Dispute | None:
    versions = _in_conflict(_versions(slot))
    if len(versions) < 2:
        return None
    what = _what(slot)
    days = _slot_days(slot)
    event = min(days, key=lambda d: d.low) if days else None
    notes = _notes(versions, event)
    records = []
    for version, note in zip(versions, notes):
        ordered = sorted(version, key=lambda f: (f.outlet, f.evidence.start))
        records.append(
            DisputeVersion(
                value=" / ".join(_unique(v for f in ordered for v in f.values)),
                normalized=" / ".join(_unique(describe(f.intervals[0]) for f in ordered)),
                sources=tuple(_unique(f.outlet for f in ordered)),
                evidence=tuple(dict.fromkeys(f.evidence for f in ordered)),
                note=note,
            )
        )
    records.sort(key=lambda v: (-len(v.sources), v.normalized))
    kind = slot[0].kind if slot[0].kind != "amount" else "count"
    return Dispute(what=what, kind=kind, versions=tuple(records), explanation=_explain(what, kind, records))


# ---------------------------------------------------------------------------
# Names and titles (from entity resolution)
# ---------------------------------------------------------------------------


FORMER = re.compile(r"^(former|ex-|ex |then-|outgoing|previous)\s*", re.I)


def _normalize_title(title: str) -> tuple[str, bool]:
    text = re.sub(r"[^\w\s-]", "", title).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    former = bool(FORMER.match(text))
    return FORMER.sub("", text).strip(), former


def _mentions(entity: StoryEntity, outlets: Iterable[str], texts: Iterable[str]) -> tuple[Evidence, ...]:
    outlets, texts = set(outlets), [t.lower() for t in texts]
    return tuple(m for m in entity.mentions if m.outlet in outlets and any(t in m.text.lower() for t in texts))


def _title_disputes(entity: StoryEntity) -> list[Dispute]:
    """An office given as current by some outlets and as former by others, or offices that differ."""
    flagged = any(re.search(r"title|office|role|position", f, re.I) for f in entity.findings)
    current: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    former: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for alias in entity.titles:
        base, is_former = _normalize_title(alias.text)
        if base:
            (former if is_former else current).setdefault(base, []).append((alias.text, alias.outlets))
    disputes = []
    for base, written in current.items():
        if base not in former:
            continue
        now_outlets = _unique(o for _, outlets in written for o in outlets)
        then_outlets = _unique(o for _, outlets in former[base] for o in outlets)
        if not set(now_outlets) - set(then_outlets) or not set(then_outlets) - set(now_outlets):
            continue
        now_texts = _unique(t for t, _ in written)
        then_texts = _unique(t for t, _ in former[base])
        versions = (
            DisputeVersion(" / ".join(then_texts), f"former {base}", tuple(then_outlets),
                           _mentions(entity, then_outlets, then_texts)),
            DisputeVersion(" / ".join(now_texts), base, tuple(now_outlets), _mentions(entity, now_outlets, now_texts),
                           note=f"possibly stale: a title held before a change of office ({_join(then_outlets)}"
                                f" call{'s' if len(then_outlets) == 1 else ''} it former)"),
        )
        what = f"{entity.name}'s office"
        disputes.append(Dispute(what, "title", versions, _explain(what, "title", versions)))
    if flagged and not disputes and len(current) >= 2:
        groups: list[list[str]] = []
        for base in current:
            for group in groups:
                if fuzz.token_set_ratio(base, group[0]) >= 90:
                    group.append(base)
                    break
            else:
                groups.append([base])
        if len(groups) >= 2:
            versions = tuple(
                DisputeVersion(
                    " / ".join(_unique(t for b in group for t, _ in current[b])), group[0],
                    tuple(_unique(o for b in group for _, outlets in current[b] for o in outlets)),
                    _mentions(entity, [o for b in group for _, outs in current[b] for o in outs],
                              [t for b in group for t, _ in current[b]]),
                )
                for group in groups
            )
            what = f"{entity.name}'s office"
            disputes.append(Dispute(what, "title", versions, _explain(what, "title", versions)))
    return disputes


def _name_disputes(entity: StoryEntity) -> list[Dispute]:
    """Different first names for one person, when entity resolution flags it."""
    if entity.type not in {"PERSON", "person"}:
        return []
    if not any(re.search(r"first name|given name|forename|name", f, re.I) for f in entity.findings):
        return []
    groups: list[tuple[str, list[str], list[str]]] = []  # (first name, spellings, outlets)
    for alias in entity.aliases:
        tokens = alias.text.split()
        if len(tokens) < 2:
            continue
        first = tokens[0].strip(".")
        if len(first) <= 1:  # an initial agrees with any name
            continue
        for name, spellings, outlets in groups:
            if fuzz.ratio(first.lower(), name.lower()) >= SAME_NAME_SCORE:
                spellings.append(alias.text)
                outlets.extend(alias.outlets)
                break
        else:
            groups.append((first, [alias.text], list(alias.outlets)))
    if len(groups) < 2:
        return []
    versions = tuple(
        DisputeVersion(" / ".join(_unique(spellings)), name, tuple(_unique(outlets)),
                       _mentions(entity, outlets, spellings))
        for name, spellings, outlets in groups
    )
    if len({o for v in versions for o in v.sources}) < 2:
        return []
    what = f"first name of {entity.name}"
    return [Dispute(what, "name", versions, _explain(what, "name", versions))]


# ---------------------------------------------------------------------------
# Entry point
# ---------------------------------------------------------------------------


def find_disputes(
    groups: Sequence[Any],
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[StoryEntity] | None = None,
) -> list[Dispute]:
    """Find slots that outlets fill with incompatible values; every version keeps its outlets and evidence.

    ``groups`` are aligned claim groups, each a sequence of ``(article_id, claim_index)`` members
    (or an object with such a ``members`` attribute). ``entities`` (optional) are the resolved
    story entities, whose titles and findings give name and office disputes.
    """
    group_of: dict[Member, int] = {}
    for number, group in enumerate(groups):
        for member in list_members(group):
            group_of.setdefault(member, number)
    facts = _collect_facts(analyses, group_of)
    disputes = [d for d in (_dispute_from(slot) for slot in _slots(facts)) if d is not None]
    for entity in entities or ():
        disputes.extend(_name_disputes(entity))
        disputes.extend(_title_disputes(entity))
    # Most widely reported disagreements first.
    disputes.sort(key=lambda d: (-len({o for v in d.versions for o in v.sources}), d.kind, d.what))
    return disputes
