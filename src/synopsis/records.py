"""Typed records that flow between the stages of synopsis.

Every extracted item points into ``Article.text`` (the clean text) by character
offsets ``start``/``end`` (Python slice convention: ``text[start:end]``), so a
reader can always get back to the words it came from.  Records are frozen: a
stage returns new records instead of mutating old ones.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import dataclass
from typing import Any, Literal, Protocol

OutletKind = Literal[
    "wire service",
    "state media",
    "independent",
    "broadcaster",
    "newspaper",
    "aggregator",
    "encyclopedia",
    "blog",
    "government",
    "unknown",
]


@dataclass(frozen=True, slots=True)
class Outlet:
    """A news organisation as listed in the outlet registry (or guessed)."""

    name: str
    kind: str = "unknown"
    country: str | None = None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Removed:
    """A piece of the raw text that cleaning dropped, with the reason (for audit)."""

    text: str
    reason: str
    # Offsets into the *raw* text the article was read from (the clean text no
    # longer contains these characters).
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RawDocument:
    """What a reader produced: text (or HTML) plus whatever metadata came with it."""

    source: str  # path, URL, "<stdin>", or "path#3" for the 3rd item of a JSON array or feed (line 3 of JSON Lines)
    content: str  # plain text; readers convert HTML and feed entries to text
    title: str | None = None
    url: str | None = None
    outlet: str | None = None  # outlet name given by the container (JSON field, HTML metadata, feed)
    published: str | None = None  # as given by the container, any format
    author: str | None = None
    is_extracted: bool = False  # True when trafilatura already removed page clutter
    # Fields the reader could not use and left out (a number for an outlet's name), one short
    # reason each, for the user (``ingest.article.build_article_warned``).
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """One cleaned article with its metadata; all later offsets point into ``text``."""

    id: str  # stable content hash of the clean text (same content -> same id)
    source: str
    text: str
    title: str | None = None
    author: str | None = None
    url: str | None = None
    outlet: Outlet | None = None
    origin: Outlet | None = None  # the outlet this article rewrites or cites as its source
    cites: tuple[str, ...] = ()  # other outlets named as sources inside the text
    published: str | None = None  # ISO 8601, with time zone offset when known
    published_precision: str | None = None  # "day", "minute", ...
    # Set when the publication date was numeric with day and month swappable ("05/02/2024"):
    # what settled the reading, "weekday", "text", "outlet country" or "default" (day-first).
    published_ambiguous: str | None = None
    # ISO 8601: when this text replaced an earlier version of the same article (set by the
    # store; None for a first version).  ``published`` stays the first publication; what the
    # text says is as of this time (facts.dates.as_of).
    updated: str | None = None
    dateline: str | None = None  # place in the dateline ("ISTANBUL")
    # The dateline's date as ISO 8601, "XXXX" standing for a year it leaves out ("KABUL, April 3 -"
    # in a text with no other date: "XXXX-04-03"), so an undated report still says which day it is of.
    dateline_date: str | None = None
    language: str = "en"
    removed: tuple[Removed, ...] = ()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Entity:
    """A named entity mention; ``title`` is a role attached to a person, if any."""

    text: str
    label: str  # spaCy label: PERSON, GPE, ORG, NORP, LOC, FAC, EVENT, ...
    start: int
    end: int
    title: str | None = None  # "Kremlin aide", "former Defense Minister"
    title_start: int | None = None
    title_end: int | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with what it counts, as an interval [low, high] (None = unbounded)."""

    text: str
    start: int
    end: int
    value: float | None  # the stated number (midpoint-free: the number as written)
    low: float | None
    high: float | None
    unit: str | None  # "minute", "hour", "USD", "percent", ... or None for a bare count
    counted: str | None  # head noun of what is counted: "prisoners", "people", "soldiers"
    qualifier: str | None = None  # "about", "more than", "at least", "less than", "up to", "range"
    # What happened to the counted things: lemma of the governing verb, adjective or participle
    # ("14 people were injured" -> "injure", "evacuated more than 300" -> "evacuate").
    predicate: str | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression normalised in the TimeML (TIMEX3) style."""

    text: str
    start: int
    end: int
    type: str  # DATE, TIME, DURATION, SET
    value: str  # "2025-07-23", "2025-08", "2025-07-23T20:37+03:00", "PT40M", "P1W", "XXXX-WXX-3", ...
    precision: str | None = None  # "year", "month", "part-of-month", "week", "day", "minute", ...
    modifier: str | None = None  # TimeML mod: "END", "START", "MID", "APPROX", "LESS_THAN", ...
    # When the expression sits in a clause modifying a noun ("the agreement reached during the
    # June 2 talks", "the deal signed on 5 May"), the span of that noun phrase: the date is of
    # the noun's own event, not of the event the sentence reports (``extract.times_attachment``).
    noun_phrase_start: int | None = None
    noun_phrase_end: int | None = None
    # When the expression dates a clause inside its sentence ("said 41 percent were on strike and
    # that the minister was ready to talk tomorrow": "to talk tomorrow"), the span of that clause:
    # a value outside it is not dated by it (``extract.times_attachment``). None: its sentence's.
    # A date in a modifier of a noun other than the subject has that noun phrase here too ("voted
    # at the end of a meeting that began on Tuesday": the meeting's start, not the vote's day).
    clause_start: int | None = None
    clause_end: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    """An attribution: who (source) said (cue) what (content)."""

    kind: Literal["direct", "indirect"]
    content: str
    content_start: int
    content_end: int
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    cue_end: int | None
    start: int  # whole attribution span
    end: int
    speaker_entity: str | None = None  # canonical in-article name the speaker resolves to
    # What the speaker is when it is no participant's voice: "outlet", a news medium the statement
    # is credited to ("according to Al Arabiya", "as reported by ... for Reuters"), or "document", a
    # text whose issuer the article does not name ("the decree says"). None: a person, a body or a
    # country speaking (a document whose issuer is named speaks for the issuer: speaker_entity).
    # "outlet" with no speaker: a passive that names no one ("It was agreed that ..."), the
    # article's own outlet reporting it.
    speaker_kind: Literal["outlet", "document"] | None = None
    # The speaker is "he" or "she" (or "his", "her") and speaker_entity the one person nearby whose
    # gender the article gives (an honorific, a role noun, a given name, an earlier pronoun) and
    # agrees; False for any other speaker, and for a pronoun whose resolution is a guess (no gender
    # known, or another person it may be named in between).
    pronoun_agrees: bool = False


@dataclass(frozen=True, slots=True)
class ClaimFrame:
    """Who does what in a claim, as its parse reads it: what alignment compares beyond the words.

    For reported speech the frame is the reported content's ("Peskov said Putin would not
    attend" -> attend, Putin, negated, future); the speaker is the claim's ``attributed_to``.
    """

    predicate: str  # lemma of the main predicate ("attend", "demand", "lead")
    agent: str | None = None  # who acts: the subject's (or passive by-phrase's) head text, lower case
    agent_entity: int | None = None  # index into ArticleAnalysis.entities when the agent is one named entity
    negated: bool = False  # "did not attend", "decided not to attend", "neither ... nor ..."
    # asserted (it happens or happened) | future (will, would) | expected | planned | hoped | possible
    # (could, may) | demanded (demand, call for, insist, must) | proposed (propose, offer, ready to)
    modality: str = "asserted"


@dataclass(frozen=True, slots=True)
class Claim:
    """A factual statement that later stages compare across outlets."""

    text: str
    start: int
    end: int
    sentence: int  # index into ArticleAnalysis.sentences
    entities: tuple[int, ...] = ()  # indices into ArticleAnalysis.entities
    quantities: tuple[int, ...] = ()
    times: tuple[int, ...] = ()
    quote: int | None = None  # index into ArticleAnalysis.quotes if the claim is attributed
    attributed_to: str | None = None
    frame: ClaimFrame | None = None  # None for claims made elsewhere than the parser (tests, old files)
    # The other speakers of a jointly made statement ("officials and President X said"): each has a
    # quote of its own, with its span, and is as much the claim's speaker as ``attributed_to``.
    co_speakers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything extracted from one article."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    times: tuple[TimeRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    claims: tuple[Claim, ...] = ()


# ---------------------------------------------------------------------------
# Story level (across articles)
# ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of one article that supports something a report shows."""

    article_id: str
    outlet: str
    start: int
    end: int
    text: str

    def overlaps(self, other: Evidence) -> bool:
        """Whether the two spans share characters of one article."""
        return self.article_id == other.article_id and spans_overlap(self, other)


@dataclass(frozen=True, slots=True)
class Source:
    """One article of a story as a report lists it."""

    article_id: str
    outlet: str
    kind: str
    country: str | None
    published: str | None
    origin: str | None  # outlet it rewrites or cites, if any
    title: str | None
    source: str


@dataclass(frozen=True, slots=True)
class Alias:
    text: str
    outlets: tuple[str, ...]
    count: int


@dataclass(frozen=True, slots=True)
class StoryEntity:
    """One real person, place or organisation across all outlets of a story."""

    name: str
    type: str
    aliases: tuple[Alias, ...]
    titles: tuple[Alias, ...] = ()  # roles/offices given to the entity, by outlet
    findings: tuple[str, ...] = ()  # e.g. outlets give different first names or offices
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Attribution:
    """An outlet of the story that gives a fact as coming from others, and whom it names."""

    outlet: str
    cites: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AlignedClaim:
    """Statements from different articles that report the same fact."""

    id: str
    text: str  # representative wording
    status: Literal["corroborated", "single-source", "disputed"]
    sources: tuple[str, ...]  # outlets of the story that report it
    independent_sources: tuple[str, ...]  # independent origins among them, one per witness or shared source
    evidence: tuple[Evidence, ...]
    citing: tuple[Attribution, ...] = ()  # of those outlets, the ones that cite others for it


@dataclass(frozen=True, slots=True)
class DisputeVersion:
    value: str  # as written ("less than an hour")
    normalized: str  # as compared ("[0, 60) min", "2025-07-23", "339")
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    note: str | None = None  # e.g. "derived: B rewrites A", "earlier report"
    # Who the outlets give an estimate of this version to ("Police", "the organisers"), for counts
    # that sources estimate apart (a crowd, a strike's turnout); empty when the outlets state it.
    given_by: tuple[str, ...] = ()
    # Every wording outlets give this version in ("EUR 4,200 million", "4.2 billion euros",
    # "€4.2bn"), where ``value`` shows one per reading; empty where ``value`` is all of them.
    wordings: tuple[str, ...] = ()
    # Of a revised figure (``Dispute.rose``): when each of ``sources`` first gave it, as ISO 8601
    # in the zone of the count's first report ("2026-05-14T12:30+02:00"; a date alone for a report
    # dated by its day), in the order of ``sources``; empty for rival readings.
    reported: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Dispute:
    what: str  # the slot: "duration of the 23 July meeting"
    kind: str  # count, duration, time, date, name, title, place, actor
    versions: tuple[DisputeVersion, ...]
    explanation: str  # plain words on what differs
    # A running count whose figures only rose from report to report (2, 3, 4, 5 dead over the
    # day): its versions, in the order first reported, are a rise, not rival readings; a story
    # report lists it under its revised figures (``StoryReport.revised_figures``), not its disputes.
    rose: bool = False


@dataclass(frozen=True, slots=True)
class StoryQuote:
    speaker: str
    text: str
    kind: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    speaker_kind: str | None = None  # Quote.speaker_kind: "outlet" (reported by), "document", None (a voice)


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    date: str  # TimeML value
    precision: str | None
    text: str
    sources: tuple[str, ...]
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class NonReporting:
    """A piece of an article in which the outlet speaks for itself (an appeal, a promotion), which
    cleaning kept apart from the reporting: the article's ``removed`` item, with the article's id."""

    article_id: str
    text: str
    reason: str
    # Offsets into the raw input the article was read from, as in Article.removed: cleaning
    # cut these words, so the clean text (where evidence spans point) does not contain them.
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Coverage:
    """How one outlet covered the story."""

    outlet: str
    # ids of the claims this outlet does not report: corroborated ones, and single-source ones most
    # outlets carry from one original report (``compare.coverage.widely_carried``)
    omits: tuple[str, ...]
    voices: tuple[tuple[str, int], ...]  # (speaker, number of attributions)
    terms: tuple[str, ...]  # distinctive word choices
    # Content that is not reporting (appeals, promotion, editorial asides), kept
    # apart by cleaning, each with the article it was cut from.
    non_reporting: tuple[NonReporting, ...] = ()


@dataclass(frozen=True, slots=True)
class BriefSentence:
    text: str
    citations: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class StoryReport:
    story: Story
    sources: tuple[Source, ...]
    entities: tuple[StoryEntity, ...]
    claims: tuple[AlignedClaim, ...]
    disputes: tuple[Dispute, ...]
    quotes: tuple[StoryQuote, ...]
    timeline: tuple[TimelineEvent, ...]
    coverage: tuple[Coverage, ...]
    brief: tuple[BriefSentence, ...]
    # Running counts that only rose from report to report (``Dispute.rose``): no outlet disagrees
    # with another, so they are listed apart from ``disputes``, each figure as first reported.
    revised_figures: tuple[Dispute, ...] = ()


@dataclass(frozen=True, slots=True)
class InputError:
    """A user-facing failure for one input item; the batch goes on."""

    item: str
    reason: str

    def __str__(self) -> str:
        return f"{self.item}: {self.reason}"


class SynopsisError(Exception):
    """An error caused by user input or environment, shown as one line, never a traceback."""


class Span(Protocol):
    """Any record with offsets into one text (a sentence, an entity, a quantity, evidence)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def spans_overlap(first: Span, second: Span) -> bool:
    """Whether two spans of one text share a character (``start``/``end`` as slice bounds)."""
    return first.start < second.end and second.start < first.end


def to_dict(record: Any) -> Any:
    """Recursively turn records (dataclasses, tuples) into JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def _pickle_by_fields(cls: type) -> None:
    """Pickle a record as its class and field values, rebuilt through ``__init__``.

    The default for frozen slotted dataclasses reads ``dataclasses.fields()`` and
    sets each attribute by name on every object. An article's analysis holds a
    few hundred records and crosses a process boundary on every ingest:
    dumping it took 1.1 ms and loading 1.2 ms, against 0.3 and 0.8 ms this way.
    The values are positional, so these pickles are for passing records between
    processes of one version, never for storage (the store keeps JSON).
    """
    names = [f.name for f in dataclasses.fields(cls)]
    values = operator.attrgetter(*names)
    one_field = len(names) == 1  # attrgetter of one name gives the value, not a tuple

    def __reduce__(self):
        if type(self) is not cls:  # a subclass may add fields: name them all
            return type(self), tuple(getattr(self, f.name) for f in dataclasses.fields(self))
        return cls, (values(self),) if one_field else values(self)

    cls.__reduce__ = __reduce__


# Every record class defined above.
RECORD_TYPES: tuple[type, ...] = tuple(
    value for value in list(globals().values())
    if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == __name__
)
for _record in RECORD_TYPES:
    _pickle_by_fields(_record)


__all__ = [
    "Article",
    "ArticleAnalysis",
    "NonReporting",
    "Claim",
    "ClaimFrame",
    "Entity",
    "InputError",
    "Outlet",
    "Quantity",
    "Quote",
    "RawDocument",
    "Removed",
    "Sentence",
    "Span",
    "spans_overlap",
    "SynopsisError",
    "TimeRef",
    "to_dict",
]
