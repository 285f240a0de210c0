"""Timeline: the dated events of a story, merged across outlets and sorted by date."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from synopsis.compare.neutral_wording import is_promotional, stands_alone, wording_rank
from synopsis.compare.disputes import list_members, states_date
from synopsis.compare.quoted_wording import CanonicalName, gives_words_to_another, speakers_agree, spoken_wording
from synopsis.compare.word_choices import loaded_words
from synopsis.facts.dates import DEADLINE_BEFORE, day_start, is_reference_point, is_statement_time, parse_published
from synopsis.facts.intervals import interval_from_time
from synopsis.facts.amounts import Amount, amount_of, amounts_conflict
from synopsis.facts.words import content_words, stem
from synopsis.ingest.outlets import outlet_name
from synopsis.records import ArticleAnalysis, Evidence, TimeRef, TimelineEvent

# Two statements with the same date report one event when this share of the shorter one's content
# words also appears in the other (overlap coefficient). 0.5 joins "Delegations met in Geneva on
# 3 March" with "On 3 March the delegations met in Geneva for talks" and keeps apart two different
# things that happened on one day, which share a word or two ("talks", "Geneva") at most.
SAME_EVENT_OVERLAP = 0.5
MIN_SHARED_WORDS = 2
# A sentence with fewer content words than this besides its date is a header, caption or byline
# ("Published: 23 July 2025 – 4:50 PM"), not an event.
MIN_EVENT_WORDS = 3
DEFAULT_LIMIT = 30
HEADER_CUES = re.compile(r"^\W*(published|updated|posted|last updated|date|first published|modified)\b", re.I)
# Precisions from fine to coarse, to order events that start together (a day before its month).
PRECISION_RANK = {"minute": 0, "hour": 1, "part-of-day": 2, "day": 3, "week": 4, "part-of-month": 5,
                  "month": 6, "quarter": 7, "season": 8, "half": 9, "year": 10, "decade": 11}
_DATELINE = re.compile(r"(^|\n|\.\s)\s*[A-Z][A-Z .'’-]{2,},\s*$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}")
# A statement is cut only where an independent clause starts (a semicolon, a line break; not at
# "U.S. President"): cutting at ", and" made fragments of "in May, June, and July 2025".
_SEGMENT = re.compile(r";\s|\n")
# What joins two dates into one span: "23 and 25 May", "May 15–16", "May, June, and July".
_JOIN = re.compile(r"^\s*(?:[-–—]|to|and|or|through|until|till|,|,\s*and|,\s*or)\s*$", re.I)
# Between the previous date (or the start of the statement) and a date, these open a clause about
# another event: "evacuated on Tuesday after the dam collapsed on Monday".
_SUBORDINATE = re.compile(
    r"\b(?:after|when|since|before|following|until|once|while|because|which|who|whom|whose|where|whereas|"
    r"amid|than|if)\b", re.I)
# ", built in 1974,": a participle after a comma describes a noun with a date of its own.
_APPOSITIVE = re.compile(r",\s*(?:[a-z]+ed|built|held|made|born|founded|begun|taken|given|known)\b[^,]*$")
_DETERMINER = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z]")
# A statement about what is to come: "is due to report on 20 March", "will meet on Monday".
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|expected|scheduled|set|going|to\s+be)|plans?\s+to|intends?\s+to|"
    r"expects?|forecasts?|(?:is|are)\s+to\s+(?!blame\b)[a-z]+)\b|'ll\b", re.I)
# The future of a reported statement: "said the two sides would meet again next week". "would" also
# tells of a past habit or a wish ("would meet every Monday"), so it marks a plan only for a date
# after the report's own.
_FUTURE_IN_PAST = re.compile(
    r"\b(?:would|(?:was|were)\s+(?:to|due|expected|scheduled|set|going)|planned\s+to|intended\s+to)\b", re.I)
# Precisions that frame a statement rather than date its event, when a finer date is there too.
_FRAME_PRECISIONS = {"year", "season", "half", "decade", "century", "quarter"}
_FINE_PRECISIONS = {"minute", "hour", "part-of-day", "day", "week", "part-of-month", "month"}
# Words for one happening that outlets name differently ("talks", "negotiations", "meeting"),
# keyed by their stems (``facts.words.stem``), as content words are compared.
_SYNONYMS = {
    stem(word): happening
    for happening, words in {
        "talk": ("negotiation", "negotiations", "negotiating", "meeting", "meetings", "meet", "met"),
        "visit": ("tour", "toured", "touring", "tours"),
        "protest": ("rally", "rallied", "rallies", "demonstration", "demonstrations"),
    }.items()
    for word in words
}
# Words naming a happening. Two statements of one day that name the same one right by their date
# ("the meeting on 2 June", "the June 2 peace talks", "toured the area on Wednesday") tell of one
# happening, even in words too different for the overlap above; named further from the date, the
# word is often another happening's ("held a press conference after meeting the president").
_HAPPENINGS = frozenset({"talk", "visit", "protest"})


def _content_words(text: str) -> frozenset[str]:
    """A statement's content-word stems, each happening under one name ("meeting", "talks" -> "talk")."""
    return frozenset(_SYNONYMS.get(w, w) for w in content_words(text, stemmed=True))


def _date_of(time: TimeRef) -> tuple[str, str | None, str | None] | None:
    """The calendar value, precision and modifier a DATE/TIME ref puts an event on (clock times by their day)."""
    kind = (time.type or "").upper()
    value = (time.value or "").strip()
    if kind not in {"DATE", "TIME"} or not value or "X" in value.split("T")[0]:
        return None
    if kind == "TIME" or "T" in value:
        if not states_date(time):  # "at 12:30": the day was filled in from the publication date
            return None
        day = _DAY.match(value)
        return (day.group(0), "day", None) if day else None
    if interval_from_time(time) is None:
        return None
    precision = time.precision
    if precision is None:
        precision = {4: "year", 7: "month", 10: "day"}.get(len(value))
    if precision in {"minute", "hour", "second"}:
        precision = "day"
    modifier = (time.modifier or "").upper() or None
    if modifier in {"START", "MID", "END", "EARLY", "LATE"} and precision == "month":
        precision = "part-of-month"
    return value, precision, modifier


def _is_dateline(text: str, start: int) -> bool:
    """A date right after an upper-case place ("KYIV, March 4") is the report's dateline, not an event."""
    return bool(_DATELINE.search(text[max(0, start - 40) : start]))


def _segments(text: str, offset: int) -> list[tuple[int, int]]:
    """The independent parts of a statement: its sentences and the halves of a semicolon."""
    cuts = [0] + [m.end() for m in _SEGMENT.finditer(text)] + [len(text)]
    return [(offset + low, offset + high) for low, high in zip(cuts, cuts[1:]) if text[low:high].strip()]


def _ends_before_start(first: str, last: str) -> bool:
    """Whether a span from ``first`` to ``last`` would end before it starts: "on 6 July, two days
    earlier than ..." is a date and something said about it, not a span back to 4 July."""
    start, end = _first_day(first.split("/")[0]), _first_day(last.split("/")[0])
    return start is not None and end is not None and end < start


def _groups_of_refs(text: str, refs: list[tuple[TimeRef, tuple[str, str | None, str | None]]]):
    """Dates joined into one span: "between 23 and 25 May", "May 15–16", "in May, June and July"."""
    groups: list[list[tuple[TimeRef, tuple[str, str | None, str | None]]]] = []
    for ref, date in refs:
        if groups:
            last_ref, last_date = groups[-1][-1]
            if last_ref.end <= ref.start and _JOIN.match(text[last_ref.end : ref.start]) and (
                (last_date[1] or "") == (date[1] or "")
            ) and not _ends_before_start(last_date[0], date[0]):
                groups[-1].append((ref, date))
                continue
        groups.append([(ref, date)])
    return groups


# "net profit was 214 million euros, up from 188 million euros a year earlier": the period a
# figure is compared with dates that figure only, not the report of the quarter the sentence is about.
_YEAR_BACK = re.compile(r"\b(?:a|one)\s+year\s+(?:earlier|ago|before)\b|\byear-(?:ago|earlier)\b"
                        r"|\blast\s+year['’]s\s+(?:quarter|period)\b", re.I)
_COMPARED_WITH = re.compile(r"(?:\bfrom\s+[^,;]*\d[^,;]*|\bcompared\s+(?:with|to)\b[^;]*|\b(?:against|versus|vs\.?)\s+[^,;]*)$",
                            re.I)


def _compared_period(text: str, start: int, end: int, before: str) -> bool:
    """Whether the date at ``start:end`` is the period a figure is compared with (``_YEAR_BACK``)."""
    return bool(_YEAR_BACK.search(text, start, end)) and bool(_COMPARED_WITH.search(before[-80:]))


def _role(text: str, seg_start: int, start: int, end: int, after_previous: int, finer_elsewhere: bool,
          precision: str | None, in_noun_phrase: bool = False) -> int:
    """How far a date is from the event the statement's main verb reports (0: that event's date).

    1: when it was said ("the ministry said on Thursday"); 2: the date of something the
    statement only refers to (after a subordinator, "Monday's protests", ", built in 1974,", a
    noun's modifier the parse found: "the deal signed on 5 May"); 3: a year or season that only
    frames a statement with a finer date ("the third rise this year"); 4: a deadline ("by the end
    of August", "before winter").
    """
    before = text[seg_start:start]
    if DEADLINE_BEFORE.search(before[-40:]):
        return 4
    if finer_elsewhere and precision in _FRAME_PRECISIONS:
        return 3
    if in_noun_phrase or _compared_period(text, start, end, before):
        return 2
    if text.startswith(("'s", "’s"), end) or (_DETERMINER.search(before[-12:]) and _NOUN_AFTER.match(text, end)):
        return 2  # "Monday's protests", "the 2024 warning": a date that names a thing, not the event
    statement_time = is_statement_time(text, start, end)
    if statement_time:
        # "The number of people evacuated because of the fire has risen to 3,400, the service said
        # on Tuesday": a clause before the comma that opens the reporting tag has ended there; what
        # it subordinates is not the statement's day.
        after_previous = max(after_previous, text.rfind(",", after_previous, start) + 1)
    if _SUBORDINATE.search(text, after_previous, start) or _APPOSITIVE.search(before[-60:]):
        return 2
    if statement_time:
        return 1
    return 0


def _is_header(analysis: ArticleAnalysis, text: str, time_texts: Sequence[str]) -> bool:
    if HEADER_CUES.search(text):
        return True
    rest = text
    for time_text in time_texts:
        rest = rest.replace(time_text, " ")
    return len(_content_words(rest)) < MIN_EVENT_WORDS


@dataclass(eq=False)
class _Event:
    date: str
    precision: str | None
    modifier: str | None
    planned: bool = False
    items: list[tuple[str, Evidence, frozenset[str]]] = field(default_factory=list)  # (outlet, evidence, words)
    amounts: dict[Evidence, tuple[Amount, ...]] = field(default_factory=dict)  # the numbers each statement gives
    groups: set[int] = field(default_factory=set)
    parts: set[Evidence] = field(default_factory=set)  # noun phrases cited for their own event, not whole statements
    # Statements dated only by when they were said or reported ("NWS reported on Thursday that ..."):
    # they tell the event at one remove.
    told_at_one_remove: set[Evidence] = field(default_factory=set)

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(outlet for outlet, _, _ in self.items))


def _similar(a: frozenset[str], b: frozenset[str], precision: str | None = None) -> bool:
    shared = a & b
    if len(shared) >= MIN_SHARED_WORDS and len(shared) / max(1, min(len(a), len(b))) >= SAME_EVENT_OVERLAP:
        return True
    return precision in {"day", "part-of-day"} and any(w.startswith("@") for w in shared)


def _happenings_by(text: str, start: int, end: int) -> frozenset[str]:
    """The happenings named right by a date (six words before it, three after), as "@talk" marks."""
    before = " ".join(text[max(0, start - 80) : start].split()[-6:])
    after = " ".join(text[end : end + 40].split()[:3])
    return frozenset("@" + w for w in _content_words(before + " " + after) & _HAPPENINGS)


_WEEK = re.compile(r"^(\d{4})-W(\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")


def _first_day(value: str) -> dt.date | None:
    """The first day of a day, ISO week ("2026-W46"), month or year value."""
    if _DAY.match(value):
        return _day(value)
    try:
        if re.fullmatch(r"\d{4}", value):
            return dt.date(int(value), 1, 1)
        if week := _WEEK.match(value):
            return dt.date.fromisocalendar(int(week[1]), int(week[2]), 1)
        if month := _MONTH.match(value):
            return dt.date(int(month[1]), int(month[2]), 1)
    except ValueError:
        return None
    return None


# A week or month counted forward from the report ("next week", "the coming month").
_AHEAD = re.compile(r"\b(?:next|coming|(?:in|within)\s+(?:a|an|a\s+few|several|\d+|one|two|three|four|five|six|seven"
                    r"|eight|nine|ten|twelve)\s+(?:days?|weeks?|months?|years?|decades?))\b", re.I)
# What parts a "would" from a date of another clause: a comma, a semicolon, a conjunction.
_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:and|but|while|whereas|after|before|when)\b", re.I)


def _future_in_past(text: str, start: int, date_start: int) -> bool:
    """"said the two sides would meet again next week": a "would" whose clause the date is in,
    not one of a clause before it ("After it became clear X would not attend, Y decided on 15 May")."""
    cues = list(_FUTURE_IN_PAST.finditer(text, start, date_start))
    return bool(cues) and not _CLAUSE_BREAK.search(text, cues[-1].end(), date_start)


def _end_and_publication_day(published: str | None, time: TimeRef) -> tuple[float, float] | None:
    """When the date ends and when the day the article was published starts; None when the
    article is undated or the time is no date."""
    day = parse_published(published)
    interval = interval_from_time(time)
    if day is None or interval is None or interval.unit != "date":
        return None
    return interval.high, day_start(day)


def _ends_after_publication(published: str | None, time: TimeRef) -> bool:
    """Whether the date ends after the day the article was published ("by the end of August" in
    a report of 10 August), or the article is undated: a bound still to come."""
    known = _end_and_publication_day(published, time)
    return known is None or known[0] > known[1] + 86400


def _ends_before_publication(published: str | None, time: TimeRef) -> bool:
    """Whether the date ends before the day the article was published (False when either is unknown)."""
    known = _end_and_publication_day(published, time)
    return known is not None and known[0] <= known[1]


def _after_publication(published: str | None, value: str) -> bool:
    """True when a day, week or month starts after the day the article was published."""
    day = _first_day(value.split("/")[0])
    first = _day(published) if published and _DAY.match(published) else None
    return day is not None and first is not None and day > first


def _main_date(text: str, seg_start: int, seg_end: int, dated):
    """The date of the event a statement's main verb reports, as (value, precision, modifier, role, refs)."""
    inside = [(ref, d) for ref, d in dated if seg_start <= ref.start and ref.end <= seg_end]
    if not inside:
        return None
    spans = _groups_of_refs(text, inside)
    finest = {d[1] for _, d in inside}
    best = None
    previous_end = seg_start
    for span in spans:
        first, (value, precision, modifier) = span[0]
        last, (last_value, _, _) = span[-1]
        finer_elsewhere = bool(finest & _FINE_PRECISIONS) and precision not in _FINE_PRECISIONS
        role = _role(text, seg_start, first.start, last.end, previous_end, finer_elsewhere, precision,
                     _noun_phrase(first) is not None)
        previous_end = last.end
        if last_value != value:
            value = f"{value}/{last_value}"
        if best is None or role < best[3]:
            best = (value, precision, modifier, role, [ref for ref, _ in span])
    return best


def _noun_phrase(ref: TimeRef) -> tuple[int, int] | None:
    """The noun phrase whose own event a date in its modifier dates ("the deal signed on 5 May")."""
    if ref.noun_phrase_start is None or ref.noun_phrase_end is None:
        return None
    return ref.noun_phrase_start, ref.noun_phrase_end


_COUNT = re.compile(r"^P(\d+)([DW])$")
_COUNTED_FROM = re.compile(r"\s+(?:after|later\s+than|(?P<back>before|earlier\s+than))\s")


def _counted_dates(text: str, refs: list[TimeRef], dated: list) -> list:
    """"broke out two days after the rise on 28 December": the event's own date, 30 December."""
    added = []
    for ref in refs:
        count = _COUNT.match(ref.value or "") if (ref.type or "").upper() == "DURATION" else None
        counted_from = _COUNTED_FROM.match(text, ref.end) if count is not None else None
        if counted_from is None:
            continue
        following = [(r, d) for r, d in dated if r.start >= ref.end and d[1] == "day" and _DAY.match(d[0])]
        if not following or not (base := _day(following[0][1][0])):
            continue
        days = int(count[1]) * (7 if count[2] == "W" else 1) * (-1 if counted_from["back"] else 1)
        added.append((ref, ((base + dt.timedelta(days=days)).isoformat(), "day", None)))
    return sorted(dated + added, key=lambda x: x[0].start) if added else dated


def _day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# A sentence that stops on a word that needs more ("and", "the", a comma), or one that opens in
# lower case, is half of a sentence the parser cut.
_OPEN_END = re.compile(r"(?:,|\b(?:and|or|but|nor|the|a|an|of|with|to|in|on|at|for|by|from|that|as))\s*$")
_OPEN_START = re.compile(r"^\s*[a-z]")


def _sentence_of(analysis: ArticleAnalysis, claim: Any) -> tuple[int, int]:
    """The span of the sentence a claim comes from (the claim's own span when it has none).

    A parser's sentence that stops on "and" ("... the Russian delegation and") goes on in the
    next one, unless a line break parts them (a heading, a list item).
    """
    sentences, text = analysis.sentences, analysis.article.text
    if not 0 <= claim.sentence < len(sentences):
        return claim.start, claim.end
    first = last = claim.sentence
    if not (sentences[first].start <= claim.start and claim.end <= sentences[last].end):
        return claim.start, claim.end
    def joined(one: int, two: int) -> bool:
        return "\n" not in text[sentences[one].end : sentences[two].start] and bool(
            _OPEN_END.search(sentences[one].text) or _OPEN_START.match(sentences[two].text))

    while first > 0 and joined(first - 1, first):
        first -= 1
    while last + 1 < len(sentences) and joined(last, last + 1):
        last += 1
    return sentences[first].start, sentences[last].end


def _candidates(analyses: Sequence[ArticleAnalysis], group_of: dict[tuple[str, int], int]):
    """Each statement once, under the date of its own event; its other dates are its context."""
    for analysis in analyses:
        article = analysis.article
        outlet = outlet_name(article)
        done: set[tuple[int, int]] = set()
        for index, claim in enumerate(analysis.claims):
            # The whole sentence a claim comes from: a claim cut at "and" or a line break is a fragment.
            unit_start, unit_end = _sentence_of(analysis, claim)
            if (unit_start, unit_end) in done:
                continue
            # Every date inside the statement: "after Wednesday's talks" dates it even where the
            # claim's own list leaves it out.
            refs = [t for t in analysis.times if unit_start <= t.start and t.end <= unit_end]
            # A dateline dates the report; a comparison's reference point ("the first cut since
            # March last year") dates an earlier happening the sentence only measures from.
            dated = [(ref, _date_of(ref)) for ref in refs
                     if not _is_dateline(article.text, ref.start) and not is_reference_point(article.text, ref.start, ref.end)]
            dated = [(ref, d) for ref, d in sorted(dated, key=lambda x: x[0].start) if d is not None]
            dated = _counted_dates(article.text, refs, dated)
            unit_text = article.text[unit_start:unit_end]
            if not dated or _is_header(analysis, unit_text, [ref.text for ref in refs]):
                continue
            done.add((unit_start, unit_end))
            group = next((group_of[(article.id, i)] for i, other in enumerate(analysis.claims)
                          if (article.id, i) in group_of and unit_start <= other.start and other.end <= unit_end), None)
            segments = _segments(unit_text, unit_start)
            # Cut only between independent clauses that each date an event of their own.
            if sum(any(a <= r.start < b for r, _ in dated) for a, b in segments) < 2:
                segments = [(unit_start, unit_end)]
            for seg_start, seg_end in segments:
                main = _main_date(article.text, seg_start, seg_end, dated)
                if main is None:
                    continue
                value, precision, modifier, role, main_refs = main
                # No date of the statement's own event, only one in a noun's modifier ("it said the
                # swap followed the agreement reached during the June 2 talks"): what is dated is
                # the noun's event, filed and cited as that phrase, not the sentence.
                phrase = _noun_phrase(main_refs[0]) if role == 2 else None
                if phrase is not None:  # through the last date of a span ("in May, June and July")
                    phrase = (phrase[0], max(phrase[1], main_refs[-1].end))
                    if not seg_start <= phrase[0] < phrase[1] <= seg_end:
                        phrase = None
                if role >= 2 and precision in _FRAME_PRECISIONS:
                    # "who also led the talks in 2022", "the treaty signed in 1994": a year of
                    # something else dates nothing here, nor does it date that thing for the story.
                    continue
                start, end = phrase or (seg_start, seg_end)
                while start < end and article.text[start] in " ,;:\n":
                    start += 1
                while end > start and article.text[end - 1] in " \n":
                    end -= 1
                text = article.text[start:end]
                words = text
                for ref in main_refs:
                    words = words.replace(ref.text, " ")
                evidence = Evidence(article.id, outlet, start, end, text)
                if phrase is not None:  # the sentence's claims are about its own event, not the noun's
                    group = next((group_of[(article.id, i)] for i, other in enumerate(analysis.claims)
                                  if (article.id, i) in group_of and start <= other.start and other.end <= end), None)
                amounts = tuple(
                    a for a in (amount_of(q) for q in analysis.quantities if start <= q.start and q.end <= end)
                    if a is not None
                )
                # A coming event, or a deadline still to come: a plan made, not yet a happening
                # ("a summit by the end of August"; but "by Wednesday morning the count stood at
                # 19", in Wednesday's report, is a count already made).
                deadline = role == 4 and _ends_after_publication(article.published, main_refs[-1])
                planned = deadline or bool(_FUTURE.search(article.text, start, main_refs[0].start)) or (
                    _future_in_past(article.text, start, main_refs[0].start)
                    and _after_publication(article.published, value))
                # "urged supporters to gather on Monday": a day the extractor counted forward from
                # the publication date is to come (a written date may postdate an old version; a
                # bare "In June" in an encyclopedia's old version is no plan).
                planned = planned or (
                    not any(c.isdigit() for c in main_refs[0].text)
                    and (bool(_DAY.match(value)) or bool(_AHEAD.search(main_refs[0].text)))
                    and _after_publication(article.published, value))
                # "will pay ... a premium to the closing price on Friday", published on Monday: a
                # day over before the report is no plan, whatever the sentence's verb promises.
                planned = planned and not _ends_before_publication(article.published, main_refs[-1])
                happenings = _happenings_by(article.text, main_refs[0].start, main_refs[-1].end)
                yield (value, precision, modifier, planned, outlet, evidence, _content_words(words) | happenings, amounts,
                       group, phrase is not None, role == 1)


def _shared_share(item: tuple[str, Evidence, frozenset[str]], event: _Event) -> float:
    """How widely the other outlets of the event carry a statement's words: per content word, the
    share of those outlets that use it, averaged. A wording of the event's common words scores
    high; one outlet's own colour ("the terror flight", "a wall of turbulence") scores low. An
    event only one outlet tells is measured against that outlet's other statements of it."""
    outlet, evidence, words = item
    others: dict[object, set[str]] = {}
    for other_outlet, other, other_words in event.items:
        if other_outlet != outlet:
            others.setdefault(other_outlet, set()).update(other_words)
    if not others:
        others = {other: set(other_words) for _, other, other_words in event.items if other is not evidence}
    if not words or not others:
        return 0.0
    return sum(sum(w in theirs for theirs in others.values()) for w in words) / (len(words) * len(others))


def _representative_span(event: _Event, by_id: dict[str, ArticleAnalysis] | None = None,
                         canonical_name: CanonicalName | None = None) -> Evidence:
    """The statement shown for the event: a whole statement before a noun phrase cited for its own
    event ("the deal signed on 5 May"); never one giving a quotation to a speaker the event's other
    reports do not (``gives_words_to_another``); then one that reads as a neutral statement (the
    brief's order: standing alone, no glad announcement, no loaded word); one that dates the event
    itself before one dated by when it was reported ("NWS reported on Thursday"); then the one whose words
    the other outlets carry most widely (``_shared_share``), then the brief's ``wording_rank``
    (the outlet kind written to be neutral, a sentence's length); last, the shortest."""
    by_id = by_id or {}
    kinds = {a.article.outlet.name: a.article.outlet.kind for a in by_id.values() if a.article.outlet}

    def score(item: tuple[str, Evidence, frozenset[str]]) -> tuple:
        evidence = item[1]
        disagrees = any(gives_words_to_another(evidence, other, by_id, canonical_name)
                        for _, other, _ in event.items if other is not evidence)
        return (evidence in event.parts, disagrees, not stands_alone(evidence.text), is_promotional(evidence.text),
                bool(loaded_words(evidence.text)), evidence in event.told_at_one_remove,
                -round(_shared_share(item, event), 2), wording_rank(evidence, kinds), len(evidence.text))
    return min(event.items, key=score)[1]


def _representative(event: _Event, by_id: dict[str, ArticleAnalysis] | None = None) -> str:
    return _representative_span(event, by_id).text.strip()


def _shown(event: _Event, by_id: dict[str, ArticleAnalysis], canonical_name: CanonicalName | None) -> str:
    """The event's statement as a reader can take it out of its article (``quoted_wording``: "he
    said" named, a quotation cut from a longer one closed and attributed); as written when its
    speaker cannot be named."""
    span = _representative_span(event, by_id, canonical_name)
    shown = spoken_wording(span, by_id.get(span.article_id), canonical_name,
                           may_name=speakers_agree([e for _, e, _ in event.items], by_id, canonical_name))
    return (shown or span.text).strip()


def _start(event: _Event) -> float:
    value = event.date.split("/")[0]
    interval = interval_from_time(TimeRef(value, 0, 0, "DATE", value, event.precision, event.modifier))
    return interval.low if interval is not None else float("inf")


def _merge(into: _Event, other: _Event) -> None:
    for item in other.items:
        if not any(e == item[1] for _, e, _ in into.items):
            into.items.append(item)
    into.amounts.update(other.amounts)
    into.groups |= other.groups
    into.parts |= other.parts
    into.told_at_one_remove |= other.told_at_one_remove


def build_timeline(
    analyses: Sequence[ArticleAnalysis], groups: Sequence[Any] | None = None, limit: int = DEFAULT_LIMIT,
    canonical_name: CanonicalName | None = None,
) -> list[TimelineEvent]:
    """Merge the dated statements of all outlets into events, keep the `limit` best supported, sort by date;
    a speaker written as a pronoun is shown by the name ``canonical_name`` (the story's) gives."""
    group_of: dict[tuple[str, int], int] = {}
    for number, group in enumerate(groups or ()):
        for member in list_members(group):
            group_of.setdefault(member, number)
    events: list[_Event] = []
    by_date: dict[tuple[str, str | None, bool], list[_Event]] = {}
    # Statements of what happened first; a plan or deadline ("proposed a summit by the end of
    # August") then joins the event an aligned statement dates, else it stands as a planned one.
    candidates = sorted(_candidates(analyses, group_of), key=lambda c: c[3])
    by_id = {a.article.id: a for a in analyses}
    for value, precision, modifier, planned, outlet, evidence, words, amounts, group, part, reported in candidates:
        matches: list[_Event] = []
        if planned and group is not None:
            matches = [e for e in events if group in e.groups and not e.planned][:1]
        if not matches:
            for event in by_date.get((value, modifier, planned), []):
                # "On Monday, 40 homes were destroyed" and "On Monday, 55 homes were destroyed" share
                # their words but not their number: an outlet listed under one does not say the other.
                if any(amounts_conflict(amounts, other) for other in event.amounts.values()):
                    continue
                # '"…," the prime minister said' and 'the foreign minister said: "…"': one quotation
                # given to two speakers is two reports of who said it, each its outlets' own (a "he"
                # the extractor only guessed at splits nothing: it may be the other's speaker).
                if any(gives_words_to_another(evidence, e, by_id, canonical_name, guessed_pronouns=False)
                       for _, e, _ in event.items):
                    continue
                if (group is not None and group in event.groups) or any(_similar(words, w, precision) for _, _, w in event.items):
                    matches.append(event)
        if matches:
            event = matches[0]
            for other in matches[1:]:  # the statement bridges two events of one day: they are one
                _merge(event, other)
                events.remove(other)
                by_date[(other.date, other.modifier, other.planned)].remove(other)
        else:
            event = _Event(value, precision, modifier, planned)
            events.append(event)
            by_date.setdefault((value, modifier, planned), []).append(event)
        if any(e == evidence for _, e, _ in event.items):
            continue
        event.items.append((outlet, evidence, words))
        event.amounts[evidence] = amounts
        if part:
            event.parts.add(evidence)
        if reported:
            event.told_at_one_remove.add(evidence)
        if group is not None:
            event.groups.add(group)
    # Best supported first for the cut (more outlets, then more statements), then by date; within
    # one start, finer precision first (a day before the month it opens).
    kept = sorted(events, key=lambda e: (-len(e.outlets), -len(e.items)))[:limit]
    kept.sort(key=lambda e: (_start(e), PRECISION_RANK.get(e.precision or "", 12), _representative(e, by_id)))
    return [
        TimelineEvent(
            date=event.date, precision=_shown_precision(event), text=_shown(event, by_id, canonical_name),
            sources=tuple(event.outlets), evidence=tuple(e for _, e, _ in event.items),
        )
        for event in kept
    ]


def _shown_precision(event: _Event) -> str | None:
    """The precision, marked "planned" for a coming event or a deadline rather than a happening."""
    if not event.planned:
        return event.precision
    return f"{event.precision}, planned" if event.precision else "planned"
