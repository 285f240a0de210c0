"""When a value is about: dates it states or that are stated near it, the period of its section, the
publication date, the story's main day, clock times."""

from __future__ import annotations

import calendar
import dataclasses
import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from synopsis.facts.intervals import Interval, interval_from_time
from synopsis.facts.story_years import story_middle_day
from synopsis.records import Article, ArticleAnalysis, Claim, Sentence, TimeRef


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

# Outlets whose publication date says when a page was first written, not what it reports on.
UNDATED_KINDS = frozenset({"encyclopedia"})


def parse_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment


def as_of(article: Article) -> datetime | None:
    """When what an article says stands as of: for a new version of a stored article (a
    correction), when it replaced the old text, not its first publication; else when published."""
    return parse_published(article.updated) or parse_published(article.published)


@dataclasses.dataclass(frozen=True, slots=True)
class Stamp:
    """When a text stands as of (``as_of``), at the precision its source gave: a date-only
    publication ("Date: 2025-10-14") is a whole calendar day, not its midnight."""

    moment: datetime
    day_only: bool

    def shown(self) -> str:
        """As a reader should see it: a date alone as a date, never "T00:00+00:00"."""
        return self.moment.date().isoformat() if self.day_only else self.moment.isoformat(timespec="minutes")

    def before(self, other: Stamp, gap: timedelta) -> bool:
        """Whether this stamp is earlier than ``other`` by more than ``gap``. When either is a
        date only, only their calendar days can be ordered (a timed one's day in the zone it is
        written in): a date-only report and one at 07:15 on the same day are of the same day."""
        if self.day_only or other.day_only:
            return self.moment.date() < other.moment.date()
        return self.moment < other.moment - gap


def as_of_stamp(article: Article) -> Stamp | None:
    """``as_of`` with its precision: an update is stored to the second; a publication may be a date only."""
    updated = parse_published(article.updated)
    if updated is not None:
        return Stamp(updated, day_only=False)
    published = parse_published(article.published)
    if published is None:
        return None
    day_only = article.published_precision == "day" or "T" not in (article.published or "")
    return Stamp(published, day_only)


def sentence_bounds(analysis: ArticleAnalysis, claim: Claim) -> tuple[int, int]:
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


# A date right after these is a deadline or a bound ("a summit by the end of August"), not when
# the statement's event happened.
DEADLINE_BEFORE = re.compile(
    r"\b(?:by|until|till|before|ahead\s+of|no\s+later\s+than|in\s+time\s+for)\s+(?:at\s+(?:the\s+)?(?:least|latest|earliest)\s+)?$", re.I)


def is_deadline(text: str, start: int) -> bool:
    """Whether the date at ``start`` of text is a deadline or a bound ("by the end of August")."""
    return bool(DEADLINE_BEFORE.search(text[max(0, start - 40) : start]))


# A date or time right after a reporting verb is when something was said, not when the event
# happened: "a fire broke out late on Sunday ..., the fire service said on Monday", "told
# reporters late on Tuesday", "said in a statement on Friday". Not "were told to evacuate on
# Sunday" (an order, dated by its day), nor "the fire was first reported at 3:15 a.m." (when the
# event came to light). The verb's object is a name or a word for the press ("told the BBC",
# "told Reuters", "told reporters"), not any words: "announced plans on Monday" dates the plans.
# Not "declared" or "claimed", which news uses of things as often ("the emergency declared on
# Tuesday", "the blast on Tuesday claimed 30 lives").
_REPORTING_VERB = (r"(?:said|says|told|tells|announced|(?<!was )(?<!were )(?<!first )reported|confirmed|stated"
                   r"|added|noted|wrote|tweeted|insisted|warned|explained|acknowledged|denied)")
# After the date only verbs that say nothing but speech: "the ministry on Thursday said", not "the
# toll on Monday added 12" or "the strike on Monday denied thousands access".
_SPEECH_ONLY_VERB = r"(?:said|says|told|tells|stated|wrote|tweeted)"
_PRESS = r"(?:reporters|journalists|parliament|lawmakers|the\s+press|(?:the\s+)?(?-i:[A-Z])[\w.'’&-]*(?:\s+(?-i:[A-Z])[\w.'’&-]*)?)"
_STATEMENT_TIME_BEFORE = re.compile(
    rf"\b{_REPORTING_VERB}(?:\s+{_PRESS})?(?:\s+in\s+an?\s+(?:statement|interview|briefing|post|video))?"
    r"\s+(?:(?:late|early|earlier)\s+)?(?:on\s+|at\s+|in\s+)?$", re.I)
# "The ministry on Thursday said ...": the verb right after the date ("Tuesday, officials said"
# does not count: the comma ends the date's clause).
_STATEMENT_TIME_AFTER = re.compile(rf"\s*{_SPEECH_ONLY_VERB}\b", re.I)


def is_statement_time(text: str, start: int, end: int) -> bool:
    """Whether the date or time at ``start:end`` of text dates a statement ("the ministry said on
    Monday", "the ministry on Monday said"), not the event it tells ("police said Monday's
    explosion killed 12"). One rule for the timeline and for disputes on days."""
    if text.startswith(("'s", "’s"), end):
        return False
    return bool(_STATEMENT_TIME_BEFORE.search(text[max(0, start - 80) : start])
                or _STATEMENT_TIME_AFTER.match(text, end))


# A date right after "since" in a comparison is what it reaches back to ("the highest turnout
# since 1996", "the first visit since 2019"), not when the statement's event happened.  Without a
# comparison, "since" dates the event's start ("has burned 4,000 hectares since Sunday").
SINCE_BEFORE = re.compile(
    r"\b(?:first|highest|lowest|largest|biggest|smallest|greatest|worst|best|deadliest|strongest|weakest"
    r"|longest|shortest|heaviest|fewest|most)\b[^,.;:]{0,60}\bsince\s+(?:at\s+least\s+)?$", re.I)


# A date that names the price a figure is measured against: "a premium of 32 percent to
# Brightwater's closing price on Friday", "30 percent above Friday's close". The premium is the
# deal's, offered the day the deal is; Friday is only the day of the price it is counted from.
# A comparing word must lead to the price: "shares closed at 29.17 euros on Friday" is Friday's value.
_REFERENCE_PRICE = (r"(?:(?:closing|opening|settlement|undisturbed|average|share|stock)\s+(?:share\s+)?price|close"
                    r"|closing\s+(?:level|value))")
_COMPARED_TO = r"\b(?:to|over|above|below|under|from|against|versus|vs\.?|on|with)\s+"
REFERENCE_PRICE_BEFORE = re.compile(
    rf"{_COMPARED_TO}(?:the\s+|its\s+|their\s+|[\w.&-]+(?:\s+[\w.&-]+)?['’]s?\s+)?(?:\w+\s+)?{_REFERENCE_PRICE}"
    r"\s+(?:on|of)\s+(?:the\s+)?$", re.I)
_REFERENCE_PRICE_OPEN = re.compile(rf"{_COMPARED_TO}(?:the\s+)?$", re.I)
_REFERENCE_PRICE_AFTER = re.compile(rf"['’]s\s+(?:\w+\s+)?{_REFERENCE_PRICE}\b", re.I)


def is_reference_point(text: str, start: int, end: int | None = None) -> bool:
    """Whether the date at ``start`` (to ``end``) of text is what a comparison measures from: the
    year a record reaches back to ("the highest since 1996"), or the day of the price a premium or a
    rise is counted from ("a premium to the closing price on Friday", "above Friday's close")."""
    before = text[max(0, start - 100) : start]
    if SINCE_BEFORE.search(before) or REFERENCE_PRICE_BEFORE.search(before):
        return True
    return (end is not None and bool(_REFERENCE_PRICE_OPEN.search(before[-20:]))
            and bool(_REFERENCE_PRICE_AFTER.match(text, end)))


# Words whose day is counted from when they were said: inside a quotation that is the speaker's
# day, which the extractor can only take for the report's ("'Today the victims were heard,' she
# said" in the next morning's paper is not dated a day later than the same words in the evening's).
_SPOKEN_DEIXIS = re.compile(r"^(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|afternoon|evening|week))$", re.I)


def _said_from_the_speakers_day(analysis: ArticleAnalysis, time: TimeRef) -> bool:
    """Whether a time is a word like "today" inside a direct quotation."""
    return bool(_SPOKEN_DEIXIS.match(time.text.strip())) and any(
        q.kind == "direct" and q.content_start <= time.start and time.end <= q.content_end for q in analysis.quotes)


def dates_in(analysis: ArticleAnalysis, start: int, end: int, deadlines: bool = True,
             reference_points: bool = True, at: int | None = None) -> list[Interval]:
    """Calendar spans of the dates stated between start and end (without deadlines, or without
    dates measured from, if asked; never a quotation's "today", ``_SPOKEN_DEIXIS``); with ``at``,
    only those that date the value there: not a date of another clause (``TimeRef.clause_start``)."""
    found = []
    text = analysis.article.text
    for time in analysis.times:
        if at is not None and time.clause_start is not None and not time.clause_start <= at < (time.clause_end or 0):
            continue
        if (time.start >= start and time.end <= end and (time.type or "").upper() in {"DATE", "TIME"}
                and states_date(time) and (deadlines or not is_deadline(text, time.start))
                and (reference_points or not is_reference_point(text, time.start, time.end))
                and not _said_from_the_speakers_day(analysis, time)):
            interval = interval_from_time(time)
            day = _day_interval(interval) if interval is not None else None
            if day is not None:
                found.append(day)
    return found


def value_days(analysis: ArticleAnalysis, start: int, end: int,
               values: Sequence[tuple[int, int]]) -> dict[int, tuple[int, Interval]]:
    """The day each value between start and end is given for, where the sentence gives each its own:
    "had reported 150 cases on Monday and 87 cases on Sunday" (a value and its day, in turn) or "on
    Sunday 87, on Monday 150". Keyed by the value's start: (the date's start, its calendar day).
    Empty unless values and days alternate one to one and the days differ: "87 and 150 cases on
    Monday" gives both one day, which ``context_dates`` already says."""
    text = analysis.article.text
    days = []
    for time in analysis.times:
        if not (start <= time.start and time.end <= end) or is_statement_time(text, time.start, time.end):
            continue
        if not dates_in(analysis, time.start, time.end, deadlines=False, reference_points=False):
            continue
        interval = interval_from_time(time)
        if interval is not None and interval.unit == "date" and interval.high - interval.low <= 86400:
            days.append((time.start, calendar_day(interval)))
    if len(days) < 2 or len(days) != len(values) or len({day.low for _, day in days}) < len(days):
        return {}
    marks = sorted([(low, "value", low) for low, _ in values] + [(at, "day", (at, day)) for at, day in days],
                   key=lambda mark: mark[0])
    kinds = [kind for _, kind, _ in marks]
    if any(a == b for a, b in zip(kinds, kinds[1:])):
        return {}
    paired = {}
    for first, second in zip(marks[0::2], marks[1::2]):
        value, day = (first, second) if first[1] == "value" else (second, first)
        paired[value[2]] = day[2]
    return paired


def own_dates(analysis: ArticleAnalysis, claim: Claim, at: int | None = None) -> list[Interval]:
    """Dates the claim itself states, within its own words (not a date it measures from: the
    premium "to the closing price on Friday" is no Friday's figure); with ``at``, of the value there."""
    return dates_in(analysis, claim.start, claim.end, reference_points=False, at=at)


def context_dates(analysis: ArticleAnalysis, claim: Claim, deadlines: bool = True,
                  at: int | None = None) -> list[Interval]:
    """Dates the claim is about: in its sentence, else in the sentences just before, in one
    paragraph (a deadline in its sentence counts as a date unless ``deadlines`` is False; a date
    measured from, "since 1996", never does). With ``at``, the dates of the value there: a date of
    another clause of its sentence leaves it to the sentences before, as an undated sentence is."""
    start, end = sentence_bounds(analysis, claim)
    dates = dates_in(analysis, start, end, deadlines, reference_points=False, at=at)
    index = claim.sentence
    text = analysis.article.text
    steps = 0
    while not dates and 0 < index < len(analysis.sentences) and steps < DATE_LOOKBACK_SENTENCES:
        previous = analysis.sentences[index - 1]
        if "\n" in text[previous.end : analysis.sentences[index].start]:
            break
        dates = dates_in(analysis, previous.start, previous.end, reference_points=False)
        index -= 1
        steps += 1
    return dates


# What may stand before a date that opens its sentence: "On 2 June 2025, …", "As of the morning of
# May 15, …", "Early on 3 March, …".
_OPENING = re.compile(
    r"^\W*(?:(?:on|in|as\s+of|at|by|early|late|later)\s+)*(?:the\s+)?"
    r"(?:(?:morning|afternoon|evening|night|end|start|beginning|middle)\s+of\s+)?$", re.I)


def opens_sentence(text: str, sentence_start: int, start: int) -> bool:
    """Whether the date at ``start`` opens the sentence beginning at ``sentence_start``: how a
    section of an entry, or a new passage, gives its date ("On 2 June 2025, the second round …")."""
    return bool(_OPENING.match(text[sentence_start:start]))


def passage_openers(text: str, sentences: Sequence[Sentence], number: int, starts: Sequence[int]) -> set[int]:
    """Which of the dates starting at ``starts`` (in sentence ``number``) give the date of a
    passage: one that opens its sentence, and the first of a sentence that opens a paragraph ("The
    third round was held on 23 July at …"); later ones are as often a look back ("…, continuing
    the talks begun on 16 May")."""
    sentence = sentences[number]
    found = {start for start in starts if opens_sentence(text, sentence.start, start)}
    if starts and (number == 0 or "\n" in text[sentences[number - 1].end : sentence.start]):
        found.add(min(starts))
    return found


def section_dates(analysis: ArticleAnalysis, claim: Claim) -> list[Interval]:
    """The section's period: the specific dates (a day to a month) of the nearest sentence before
    the claim that opens a paragraph with one, or opens with one itself.  Sections open with their
    date ("On 2 June 2025, the second round was held"); a date later in a sentence is as often a
    look back ("the talks continued the negotiations begun on 16 May"), which made the
    delegations listed under 2 June May's.

    A news report's paragraph is dated so only by a date that opens its sentence ("On May 16,
    ..."): the first date of a paragraph of a report is as often what the paragraph tells besides
    the event ("Consumer prices rose 2.4% in the year to September", "The man died on Tuesday
    night"), and it dated the crown's fall after the announcement to September and the flight's
    passengers to the night after it. An entry goes round by round, its paragraphs opening with
    the round's date wherever the sentence gives it ("The third round was held on 23 July")."""
    text = analysis.article.text
    sentences = analysis.sentences
    outlet = analysis.article.outlet
    entry = outlet is not None and outlet.kind in UNDATED_KINDS
    for index in range(min(claim.sentence, len(sentences)) - 1, max(-1, claim.sentence - SECTION_LOOKBACK), -1):
        sentence = sentences[index]
        dated = [(time, [d for d in dates_in(analysis, time.start, time.end) if d.high - d.low <= 31 * 86400])
                 for time in analysis.times if sentence.start <= time.start < sentence.end]
        dated = [(time, days) for time, days in dated if days]
        starts = [time.start for time, _ in dated]
        openers = (passage_openers(text, sentences, index, starts) if entry
                   else {start for start in starts if opens_sentence(text, sentence.start, start)})
        dates = [day for time, days in dated if time.start in openers for day in days]
        if dates:
            return dates
    return []


def passage_dates(analysis: ArticleAnalysis, claim: Claim) -> list[Interval]:
    """Dates a claim's sentence states; in an entry, which goes date by date (``UNDATED_KINDS``),
    its section's date when the sentence states none: "The delegation was headed by the defence
    minister" under an entry's 2 June round is about 2 June, while a news report's undated
    sentence is about the days before its publication (``recent_interval``).  A news report's
    earlier sentences are not looked up: their date is as often the date of something else
    ("inspected in January", then "ordered an inquiry")."""
    start, end = sentence_bounds(analysis, claim)
    dates = dates_in(analysis, start, end)
    if not dates and analysis.article.outlet is not None and analysis.article.outlet.kind in UNDATED_KINDS:
        dates = section_dates(analysis, claim)
    return dates


def sentence_claim(analysis: ArticleAnalysis, start: int, end: int) -> Claim:
    """The passage from start to end as a claim of the sentence it begins in (for ``passage_dates``)."""
    number = next((n for n, s in enumerate(analysis.sentences) if s.start <= start < s.end), -1)
    return Claim(analysis.article.text[start:end], start, end, number)


# A date this short that overlaps the story's main day dates a fact to it; a month
# or a year that contains the day neither dates a fact to it nor away from it.
DAY_SPAN = 3 * 86400


def named_days(analysis: ArticleAnalysis) -> set[tuple[float, float]]:
    """The calendar days (and spans of a few days) an article names, as (low, high) seconds; not
    the day of a price a figure is counted from (``is_reference_point``): that is no event's day."""
    days = dates_in(analysis, 0, len(analysis.article.text), reference_points=False)
    return {(day.low, day.high) for d in days if d.high - d.low <= DAY_SPAN for day in [calendar_day(d)]}


def main_day(analyses: Sequence[ArticleAnalysis], votes: Counter | None = None) -> Interval | None:
    """The day most of the story's articles name: the day of the event itself.

    Each article votes once per day it states, so an encyclopedia that dates every
    earlier round many times still counts once per round (``votes``: the count of
    ``named_days`` over the analyses, when the caller has it).
    """
    if votes is None:
        votes = Counter(day for analysis in analyses for day in named_days(analysis))
    if not votes:
        return None
    # Ties go to the day nearest the story's publication (background dates an earlier
    # round as often as the story dates its own), else to the later day.
    middle = story_middle_day(analyses)
    anchor = calendar.timegm(middle.timetuple()) if middle else max(low for low, _ in votes)
    (low, high), count = max(votes.items(), key=lambda item: (item[1], -abs(item[0][0] - anchor), item[0][0]))
    return Interval(low, high, high_open=True, unit="date") if count >= 2 else None


class StoryDays:
    """The days a story's reports name, each voting once per day (``main_day``), and from them the
    day a few of its reports (those giving one fact) are about: ``of_reports``."""

    def __init__(self, analyses: Sequence[ArticleAnalysis]) -> None:
        self.named = {a.article.id: named_days(a) for a in analyses}
        self.votes: Counter = Counter(day for days in self.named.values() for day in days)
        self.main = main_day(analyses, self.votes)

    def of_reports(self, analyses: Sequence[ArticleAnalysis]) -> Interval | None:
        """The day these reports are about: the main day when they touch it (name it, or were
        published in the days after it, as ``recent_interval`` reads) or touch no day at all
        (nothing places them elsewhere); else, of the days in their publication windows (a news
        report's undated sentence is about those), or failing those of the days they name, the
        one the whole story names most (later on a tie); None when that is named only once.

        A story a user merged from two days' coverage has two events, and the main day is the
        one more reports name; a fact only the other day's reports give is about their day.
        """
        named: set[tuple[float, float]] = set()
        recent: set[tuple[float, float]] = set()
        for analysis in analyses:
            own = self.named.get(analysis.article.id)
            named |= named_days(analysis) if own is None else own
            window = recent_interval(analysis.article)  # None for an entry or an undated report
            if window is not None:
                recent |= {day for day in self.votes if window.low <= day[0] < window.high}
        main = self.main
        touched = named | recent
        if not touched or (main is not None and any(low < main.high and main.low < high for low, high in touched)):
            return main
        best = max(recent or named, key=lambda day: (self.votes[day], day[0]))
        return Interval(best[0], best[1], high_open=True, unit="date") if self.votes[best] >= 2 else None


def calendar_day(interval: Interval) -> Interval:
    """A part of a day ("late Sunday", "Tuesday morning") as its calendar day, what "on Sunday"
    says; whole days and spans of days as they are."""
    if interval.high - interval.low < 86400:
        start = interval.low - interval.low % 86400
        return Interval(start, start + 86400, high_open=True, unit=interval.unit)
    return interval


def day_start(moment: datetime) -> float:
    """The start of a moment's calendar day, in the zone it is written in, as the naive POSIX
    seconds dates use."""
    return float(calendar.timegm((moment.year, moment.month, moment.day, 0, 0, 0)))


def publication_day(article: Article) -> Interval | None:
    """The calendar day an article was published on, in the zone it gives (None when undated)."""
    published = parse_published(article.published)
    if published is None:
        return None
    low = day_start(published)
    return Interval(low, low + 86400, high_open=True, unit="date")


def recent_interval(article: Article, story_day: Interval | None = None) -> Interval | None:
    """The days a news report's undated sentences are about: the few before its publication
    (``RECENT_DAYS``), and back to ``story_day``, the day of the event its story reports
    (``main_day``), when that is earlier: a follow-up a week later restates the event undated
    ("the bridge collapsed, killing three").  For a report without a publication date, the days
    around ``story_day``, since that is why it is in the story.  None for an entry
    (``UNDATED_KINDS``) or when neither day is known."""
    if article.outlet is not None and article.outlet.kind in UNDATED_KINDS:
        return None
    published = parse_published(article.published)
    if published is None:
        if story_day is None:
            return None
        return Interval(story_day.low - RECENT_DAYS * 86400, story_day.high + 86400, high_open=True, unit="date")
    day = day_start(published)
    low = day - RECENT_DAYS * 86400
    if story_day is not None and story_day.low < low:
        low = story_day.low
    return Interval(low, day + 2 * 86400, high_open=True, unit="date")


_ZONE = re.compile(r"(Z|[+-]\d{2}(?::?\d{2})?)$")
UTC_ZONES = frozenset({"Z", "+00:00", "+0000", "+00", "-00:00"})


def _is_local(time: TimeRef, text: str) -> bool:
    return "local" in time.text.lower() or "local" in text[time.end : time.end + 20].lower()


def clock_intervals(time: TimeRef, text: str) -> list[Interval]:
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
