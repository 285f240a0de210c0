"""Whether a cited span supports a brief sentence: it gives the sentence's numbers and names its actors.

A brief sentence is one outlet's wording of a fact, cited to the reports aligned with it. Alignment
groups reports of one fact by meaning, so a report can be "the same fact" and still give another
number ("at least 1,000" where the sentence says "at least 1,200") or leave out who acted ("Russia
and Ukraine held talks" for a sentence about White House officials). A citation to it would send
the reader to words that contradict, or do not contain, what they read. The check reads what
extraction already found (quantities, dates, entities, attributions) and compares names by their
story entity, else by the spelling-proof keys of ``link.names``. A cited span must also share enough
of the sentence's own words (what happened): alignment groups reports by topic, and a report on
topic ("the children were raised in the talks") does not say what the sentence says ("Kyiv handed
over a list of deported children"); nor does one dated only before the days a news report's
undated sentence is about (an earlier exchange of prisoners for "the talks ended with an exchange").
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from synopsis.facts.amounts import Amount, amounts_in
from synopsis.facts.dates import main_day, passage_dates, recent_interval, sentence_claim
from synopsis.facts.keys import episodes_in
from synopsis.facts.keys_money import is_currency
from synopsis.facts.roles import Role, reversed_role, roles_in
from synopsis.facts.intervals import Interval
from synopsis.facts.words import content_stems
from synopsis.link.entities import EntityResolution
from synopsis.link.names import fold, key_text, strip_possessive
from synopsis.link.offices import titles_conflict
from synopsis.link.person_names import parse_person, surnames_match
from synopsis.link.place_names import acronym, place_key, strip_name
from synopsis.records import ArticleAnalysis, Entity, Evidence, StoryEntity, spans_overlap

# Who acts in a sentence: people and organisations. Places and nationalities are left out: they
# say where or whose, and outlets write them as adjectives ("Russian delegations") as often as names.
ACTOR_LABELS = frozenset({"PERSON", "ORG"})

_NAME_TOKEN = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)

# The share of a sentence's own words (outside names, each weighted by how rare it is in the
# story) that a cited span must give. Measured on the 99 (sentence, citation) pairs the brief could
# show for the reference corpus and examples/harbor-bridge, hand-labelled (62 supported, 27 not, 10
# partly): the unsupported citations of number-free sentences share up to 0.136 (a spokesman's "we
# hope talks begin soon" cited for his "the delegation is ready to travel"), the supported ones at
# least 0.165 ("Ukraine keeps insisting on a full and unconditional ceasefire" / "Ukraine is ready
# for ... a lasting, unconditional ceasefire"). A sentence whose numbers the span gives (every one
# must be) is anchored by them and needs half as much: supported ones share at least 0.125 ("the
# exchange of approximately 1,200 prisoners of war" / "over 1,200 prisoners"), while "a memorandum
# of three sections" / "three working groups" share nothing. Together: 15 of the 27 unsupported
# citations dropped, none of the 62 supported.
MIN_SHARED_WORDS = 0.15
MIN_SHARED_WORDS_WITH_NUMBERS = MIN_SHARED_WORDS / 2


# A sum a report says was not made public: "for an undisclosed fee", "terms were not disclosed",
# "an unspecified amount". Not a conflict with a report that names the sum (the one did not say
# it, the other did), but no support for it either: a sentence giving "a fee of 45 million euros"
# is not borne out by one saying the fee was undisclosed, nor the reverse.
_WITHHELD_SUM = re.compile(
    r"\b(?:undisclosed|unspecified|confidential)\s+(?:[a-z-]+\s+)?"
    r"(?:fee|sum|amount|price|figure|terms|compensation|settlement)\b"
    r"|\b(?:fee|sum|amount|price|terms|figure)\s+(?:was|were|has\s+not\s+been|have\s+not\s+been|was\s+not|were\s+not)"
    r"\s+(?:not\s+)?(?:disclosed|revealed|made\s+public)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Actor:
    """A person or organisation a sentence names, with the story entity the mention resolved to."""

    text: str
    label: str
    entity: StoryEntity | None = None


@dataclass(frozen=True, slots=True)
class Statement:
    """What a brief sentence states that a report cited for it must give, or must not contradict."""

    amounts: tuple[Amount, ...]
    dates: tuple[Interval, ...]
    episodes: tuple[tuple[str, int], ...]  # ("meeting", 3) for "the third round"
    actors: tuple[Actor, ...]
    words: frozenset[str] = frozenset()  # content-word stems outside names: what the sentence says happened
    recent: Interval | None = None  # the days its report covers (``recent_interval``)


@dataclass(frozen=True, slots=True)
class Context:
    """A cited span as it is read: its numbers, and its whole sentence with the speaker of its claim.

    A claim can be a clause of a longer sentence, and "he said" names its speaker only through the
    attribution extraction resolved; both still tell the reader who acted and when.
    """

    amounts: tuple[Amount, ...]  # in the span itself: the numbers the citation shows
    dates: tuple[Interval, ...]  # what its passage is about (``passage_dates``)
    episodes: tuple[tuple[str, int], ...]
    text: str  # the sentence(s), then the speaker
    entities: tuple[Entity, ...]
    resolved: tuple[StoryEntity, ...] = ()  # story entities its mentions resolved to
    recent: Interval | None = None  # the days its report covers (``recent_interval``)
    # Read once when the context is made: alignment asks of one context whether it names each
    # actor of hundreds of claims (in a 200-article story, 97,000 times).
    tokens: tuple[str, ...] = field(init=False, compare=False)  # its capitalised words, possessives cut
    key: str = field(init=False, compare=False)  # its text by transliteration key, space-padded

    def __post_init__(self):
        tokens = tuple(strip_possessive(m.group(0)).rstrip(".") for m in _NAME_TOKEN.finditer(self.text))
        object.__setattr__(self, "tokens", tokens)
        object.__setattr__(self, "key", f" {key_text(self.text)} ")


def names_actor(actor: Actor, context: Context) -> bool:
    """Whether the context names the person or organisation, in any spelling outlets use for it."""
    if actor.entity is not None and any(found is actor.entity for found in context.resolved):
        return True
    person = parse_person(actor.text) if actor.label == "PERSON" else None
    if person is not None:
        # A person is named by their surname ("Putin", "President Vladimir Putin").
        return any(surnames_match(person.surname, token) for token in context.tokens)
    key = key_text(strip_name(actor.text))
    if key and f" {key} " in context.key:
        return True
    # "the UN" for "the United Nations", "NATO" for its full name.
    short = fold(strip_name(actor.text))
    own_acronym = acronym(actor.text)
    return any(
        place_key(e.text) == place_key(actor.text)
        or (own_acronym is not None and fold(strip_name(e.text)) == own_acronym)
        or acronym(e.text) == short
        for e in context.entities
    )


def dates_conflict(first: Iterable[Interval], second: Iterable[Interval]) -> bool:
    """Whether two passages are dated to different days: both give dates, and none overlap."""
    first, second = tuple(first), tuple(second)
    return bool(first and second) and not any(d.low < o.high and o.low < d.high for d in first for o in second)


def reports_earlier(recent: Interval | None, dates: Iterable[Interval]) -> bool:
    """Whether dates (a cited span's) all lie before ``recent``, the few days a news article
    reports on (``recent_interval``; None for an article of no such days).

    An undated sentence of a news report is about the days before its publication (``RECENT_DAYS``);
    a span dated only earlier ("On 26 June, another exchange took place", cited for "the new round
    ended with a prisoner exchange" published on July 23) reports an earlier event. Later dates do
    not count against it: "suspended until at least March 10" says how long, not when.
    """
    dates = tuple(dates)
    return recent is not None and bool(dates) and all(d.high <= recent.low for d in dates)


def dated_apart(
    first: Sequence[Interval], first_recent: Interval | None, second: Sequence[Interval], second_recent: Interval | None
) -> str | None:
    """Why two passages (their dates, and the days their reports cover when undated) cannot report
    one fact, or None.  Dates only conflict: a report that leaves the day to its dateline still
    reports the fact; one that names another day does not, nor does an undated news sentence
    and a passage dated only before the days its report covers, either way round."""
    if dates_conflict(first, second):
        return "is dated to another day"
    if not first and reports_earlier(first_recent, second):
        return "is dated before the days the sentence's report covers"
    if not second and reports_earlier(second_recent, first):
        return "is about days after the sentence's date"
    return None


def episode_conflict(first: Iterable[tuple[str, int]], second: Iterable[tuple[str, int]]) -> str | None:
    """The kind of episode two passages number differently ("the second round" / "the third round"), else None."""
    first, second = tuple(first), tuple(second)
    for kind in sorted({k for k, _ in first} & {k for k, _ in second}):
        if not {n for k, n in first if k == kind} & {n for k, n in second if k == kind}:
            return kind
    return None


def blank_out(text: str, start: int, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` (which starts at ``start`` of its article) with the given spans blanked out."""
    chars = list(text)
    for low, high in spans:
        for i in range(max(low - start, 0), min(high - start, len(chars))):
            chars[i] = " "
    return "".join(chars)


def _speaker_titles(analysis: ArticleAnalysis, start: int, end: int) -> list[tuple[int, int]]:
    """The titles of the people a passage credits with its words ("senior police officer X told
    reporters"): they say who spoke, not what the passage states, so another remark of the same
    officer ("According to senior superintendent of police X, the bomber was around 18") does not
    support it by sharing them (QA: Peshawar)."""
    speakers = {q.speaker_start for q in analysis.quotes if q.speaker_start is not None}
    return [(e.title_start, e.title_end) for e in analysis.entities
            if e.start in speakers and e.title_start is not None and e.title_end is not None
            and start <= e.title_start and e.title_end <= end]


@dataclass(frozen=True, slots=True)
class TitledPerson:
    """A person a passage names with a title ("Defense Minister Rustem Umerov"): what it says they are."""

    name: str
    title: str
    entity: StoryEntity | None = None


def same_person(first: TitledPerson, second: TitledPerson) -> bool:
    """Whether two mentions name one person: the story entity both resolved to, else their surname
    in any spelling outlets use."""
    if first.entity is not None and second.entity is not None:
        return first.entity is second.entity
    a, b = parse_person(first.name), parse_person(second.name)
    return a is not None and b is not None and surnames_match(a.surname, b.surname)


def title_conflict(stated: Iterable[TitledPerson], given: Iterable[TitledPerson]) -> tuple[TitledPerson, TitledPerson] | None:
    """A person both passages name whom they give offices that cannot both hold, as (the one
    stated, the one given), else None. The test is ``link.offices.titles_conflict``, the one office
    disputes are found by: "Defense Minister X" and "Security Council Secretary X" conflict, "Defense
    Minister X" and "former Defense Minister X" too, a role ("chief negotiator") never does."""
    given = tuple(given)
    for person in stated:
        for other in given:
            if same_person(person, other) and titles_conflict(person.title, other.title):
                return person, other
    return None


class SupportCheck:
    """Support checks over the articles of one story; what each span states is read once."""

    def __init__(self, analyses: Mapping[str, ArticleAnalysis], resolution: EntityResolution | None = None):
        self.analyses = analyses
        self.resolution = resolution
        self._statements: dict[Evidence, Statement] = {}
        self._contexts: dict[Evidence, Context] = {}
        self._frequency: Counter[str] | None = None
        self._sentences = 0
        # A brief checks each wording of a fact against every report of it: in a story of 200
        # articles, 120,000 checks over a few thousand spans.  Each span's words and each
        # word's weight are worked out once (brief CPU 18 s -> see docs/benchmarks.md).
        self._weights: dict[str, float] = {}
        self._given: dict[Evidence, frozenset[str]] = {}
        self._totals: dict[Evidence, float] = {}
        self._story_day: tuple[Interval | None] | None = None
        self._titled: dict[tuple[str, int, int], tuple[TitledPerson, ...]] = {}
        self._roles: dict[tuple[str, int, int], tuple[Role, ...]] = {}

    @property
    def canonical_name(self) -> Callable[[str], str | None] | None:
        """The story's canonical name for a name (``EntityResolution.canonical_name``), None
        without a resolution."""
        return self.resolution.canonical_name if self.resolution is not None else None

    def _recent(self, analysis: ArticleAnalysis) -> Interval | None:
        """The days an undated sentence of this report is about (``recent_interval``)."""
        if self._story_day is None:
            self._story_day = (main_day(list(self.analyses.values())),)
        return recent_interval(analysis.article, self._story_day[0])

    def _weight(self, stem: str) -> float:
        """How much a word says in this story: words in most of its sentences ("talks") say little."""
        if (weight := self._weights.get(stem)) is not None:
            return weight
        if self._frequency is None:
            self._frequency = Counter()
            for analysis in self.analyses.values():
                for sentence in analysis.sentences:
                    self._frequency.update(content_stems(sentence.text))
                self._sentences += len(analysis.sentences)
        weight = self._weights[stem] = math.log((self._sentences + 1) / (self._frequency[stem] + 1)) + 1
        return weight

    def shared_words(self, sentence: Evidence, cited: Evidence) -> float:
        """The share of the sentence's own words (outside names, weighted by rarity) the cited span gives."""
        words = self.statement(sentence).words
        if (total := self._totals.get(sentence)) is None:
            total = self._totals[sentence] = sum(self._weight(w) for w in words)
        if not total:
            return 1.0
        if (given := self._given.get(cited)) is None:
            given = self._given[cited] = content_stems(self.context(cited).text)
        return sum(self._weight(w) for w in words & given) / total

    def own_words(self, article_id: str, start: int, end: int, days: bool = False,
                  skip: Iterable[tuple[int, int]] = ()) -> frozenset[str]:
        """The content-word stems of a passage outside names and their titles, the ``skip`` spans
        and, unless ``days``, the days it names ("on Monday": a date is checked as a date, and an
        outlet may leave it to its dateline)."""
        analysis = self.analyses[article_id]
        return content_stems(blank_out(analysis.article.text[start:end], start, [
            *skip,
            *((e.start, e.end) for e in analysis.entities if start <= e.start and e.end <= end),
            *((e.title_start, e.title_end) for e in analysis.entities
              if e.title_start is not None and e.title_end is not None and start <= e.title_start and e.title_end <= end),
            *((t.start, t.end) for t in analysis.times
              if not days and start <= t.start and t.end <= end and t.type in ("DATE", "TIME")),
        ]))

    def sentences_with(self, stem: str) -> tuple[int, int]:
        """How many of the story's sentences have the word ("fire" in a story of a fire), of how many."""
        self._weight(stem)  # counts the story's words once
        return self._frequency[stem], self._sentences

    def share_given(self, words: frozenset[str], cited: Iterable[Evidence]) -> float:
        """The share of the words (weighted by rarity, as ``shared_words``) that the cited spans'
        sentences give between them; 1 for no words."""
        total = sum(self._weight(w) for w in words)
        if not total:
            return 1.0
        given: set[str] = set()
        for span in cited:
            if (found := self._given.get(span)) is None:
                found = self._given[span] = content_stems(self.context(span).text)
            given |= found
        return sum(self._weight(w) for w in words & given) / total

    def _resolved(self, article_id: str, index: int) -> StoryEntity | None:
        return self.resolution.entity(article_id, index) if self.resolution is not None else None

    def _actors(self, analysis: ArticleAnalysis, start: int, end: int) -> tuple[Actor, ...]:
        """The people and organisations named between start and end.

        A mention's type is its story entity's when resolved: the tagger calls a lone "Zelenskyy" a
        place in one sentence, while the story's other mentions of him make him a person. An
        organisation in a person's title ("Kremlin spokesman Dmitry Peskov") says who the person
        is; a report that names only "Peskov" still names the one who acted.
        """
        mentions = [(i, e) for i, e in enumerate(analysis.entities) if start <= e.start and e.end <= end]
        titles = [(e.title_start, e.title_end) for _, e in mentions if e.title_start is not None and e.title_end is not None]
        actors = []
        for index, mention in mentions:
            if any(low <= mention.start and mention.end <= high for low, high in titles):
                continue
            entity = self._resolved(analysis.article.id, index)
            label = entity.type if entity is not None else mention.label
            if label in ACTOR_LABELS:
                actors.append(Actor(mention.text, label, entity))
        return tuple(actors)

    def statement(self, sentence: Evidence) -> Statement:
        """What a source sentence shown in the brief states."""
        if sentence not in self._statements:
            analysis = self.analyses[sentence.article_id]
            start, end = sentence.start, sentence.end
            self._statements[sentence] = Statement(
                amounts=amounts_in((q for q in analysis.quantities if start <= q.start and q.end <= end),
                                   analysis.article.text, start, end),
                dates=tuple(passage_dates(analysis, sentence_claim(analysis, start, end))),
                episodes=tuple(episodes_in(analysis.article.text, start, end)),
                actors=self._actors(analysis, start, end),
                words=content_stems(blank_out(
                    analysis.article.text[start:end], start,
                    [*((e.start, e.end) for e in analysis.entities if start <= e.start and e.end <= end),
                     *_speaker_titles(analysis, start, end)],
                )),
                recent=self._recent(analysis),
            )
        return self._statements[sentence]

    def context(self, span: Evidence) -> Context:
        """A cited span with its sentence(s), the speaker of its claim and what they name."""
        if span not in self._contexts:
            analysis = self.analyses[span.article_id]
            start, end = self.sentence_bounds(span)
            parts = [analysis.article.text[start:end]]
            for claim in analysis.claims:
                if claim.start == span.start and claim.end == span.end:
                    parts += [claim.attributed_to or "", *claim.co_speakers]
                    if claim.quote is not None and claim.quote < len(analysis.quotes):
                        parts.append(analysis.quotes[claim.quote].speaker_entity or "")
            indices = [i for i, e in enumerate(analysis.entities) if start <= e.start and e.end <= end]
            resolved = (self._resolved(span.article_id, i) for i in indices)
            self._contexts[span] = Context(
                amounts=amounts_in((q for q in analysis.quantities if span.start <= q.start and q.end <= span.end),
                                   analysis.article.text, start, end),
                dates=tuple(passage_dates(analysis, sentence_claim(analysis, span.start, span.end))),
                episodes=tuple(episodes_in(analysis.article.text, start, end)),
                text=" ".join(parts),
                entities=tuple(analysis.entities[i] for i in indices),
                resolved=tuple(e for e in resolved if e is not None),
                recent=self._recent(analysis),
            )
        return self._contexts[span]

    def titled(self, article_id: str, start: int, end: int) -> tuple[TitledPerson, ...]:
        """The people named between start and end with a title, each with the story entity it resolved to."""
        key = (article_id, start, end)
        if key not in self._titled:
            analysis = self.analyses[article_id]
            self._titled[key] = tuple(
                TitledPerson(e.text, e.title, self._resolved(article_id, i))
                for i, e in enumerate(analysis.entities)
                if e.title and e.label == "PERSON" and start <= e.start and e.end <= end
            )
        return self._titled[key]

    def sentence_bounds(self, span: Evidence) -> tuple[int, int]:
        """The span widened to the sentence(s) it stands in (what ``context`` reads)."""
        analysis = self.analyses[span.article_id]
        sentences = [s for s in analysis.sentences if spans_overlap(s, span)]
        return min([span.start] + [s.start for s in sentences]), max([span.end] + [s.end for s in sentences])

    def problem(self, sentence: Evidence, cited: Evidence, hedges: bool = False, words: bool = True) -> str | None:
        """Why the cited span does not support the sentence (a source span), or None when it does.

        Every number the sentence states must be in the span, meant the same way (``Amount.given_by``:
        "about 60" does not give "more than 60"; with ``hedges``, it may be a hedge the
        span's figure satisfies: "nearly 300" by "296"); a date or a numbered episode ("the
        third round") the span's sentence gives must not be another than the sentence's; every
        person and organisation the sentence names must be named in the span's sentence or be
        the speaker of its claim; the span's sentence must give enough of the sentence's own
        words (``MIN_SHARED_WORDS``, half as many when its numbers anchor it; not checked without
        ``words``); and it must give no person of the sentence another office (``office_problem``).
        """
        if cited == sentence:
            return None
        if sentence.article_id not in self.analyses or cited.article_id not in self.analyses:
            return "the cited article is not in the story"
        stated, context = self.statement(sentence), self.context(cited)
        if (withheld := self.withheld(sentence)) is not None and any(is_currency(a.unit) for a in context.amounts):
            return f"gives a sum where the sentence says {withheld}"
        if (withheld := self.withheld(cited)) is not None and any(is_currency(a.unit) for a in stated.amounts):
            return f"says {withheld} where the sentence gives a sum"
        for amount in stated.amounts:
            # A hedged number is given by a source whose figure its hedge admits: "296 passengers"
            # says "nearly 300 passengers", and "a dozen" says "at least 12" (not the reverse).
            if not any(amount.given_by(given) or (hedges and amount.admits(given)) for given in context.amounts):
                found = ", ".join(a.text for a in context.amounts) or "no number"
                return f"gives {found} where the sentence says {amount.text}"
        # Episodes only conflict too: one that names another round does not report the fact.
        if apart := dated_apart(stated.dates, stated.recent, context.dates, context.recent):
            return apart
        other_episode = episode_conflict(stated.episodes, context.episodes)
        if other_episode is not None:
            return f"is about another {other_episode}"
        for actor in stated.actors:
            if not names_actor(actor, context):
                return f"does not name {actor.text}"
        if (reversal := self.reversed_roles(sentence, cited)) is not None:
            return reversal
        shared = self.shared_words(sentence, cited) if words else 1.0
        if shared < (MIN_SHARED_WORDS_WITH_NUMBERS if stated.amounts else MIN_SHARED_WORDS):
            return f"shares too few of its words ({shared:.2f} of their weight)"
        # Checked last, so that a span this is the one objection to is a report of the same fact
        # that gives someone in it another office (coverage: the fact told in another version).
        return self.office_problem(sentence, cited)

    def roles(self, article_id: str, start: int, end: int) -> tuple[Role, ...]:
        """Who acted on whom between start and end (``facts.roles``); parsed only where two names are."""
        key = (article_id, start, end)
        if key not in self._roles:
            analysis = self.analyses[article_id]
            entities = [e for e in analysis.entities if start <= e.start and e.end <= end]
            self._roles[key] = roles_in(analysis.article.text[start:end], start, entities) if len(entities) >= 2 else ()
        return self._roles[key]

    def reversed_roles(self, sentence: Evidence, cited: Evidence) -> str | None:
        """How the cited span's sentence tells who acted on whom the other way round from the
        sentence ("the Veltrix board approached Haldor" for "Haldor approached Veltrix"), else None:
        the same words and names, the opposite fact."""
        stated = self.roles(sentence.article_id, sentence.start, sentence.end)
        if not stated:
            return None
        found = reversed_role(stated, self.roles(cited.article_id, *self.sentence_bounds(cited)))
        if found is None:
            return None
        role, other = found
        return f"says {other.agent_text} {other.verb} {other.patient_text}, the other way round"

    def withheld(self, span: Evidence) -> str | None:
        """The words by which a span says a sum was not made public ("an undisclosed fee"), or None."""
        found = _WITHHELD_SUM.search(self.analyses[span.article_id].article.text, span.start, span.end)
        return " ".join(found.group(0).split()) if found is not None else None

    def office_problem(self, sentence: Evidence, cited: Evidence) -> str | None:
        """The office the cited span's sentence gives a person of the sentence where the sentence
        gives one that cannot also hold (``title_conflict``), else None: such a span tells who the
        person is otherwise, a version of that point, not support for the sentence's."""
        people = self.titled(sentence.article_id, sentence.start, sentence.end)
        if not people:
            return None
        conflict = title_conflict(people, self.titled(cited.article_id, *self.sentence_bounds(cited)))
        if conflict is None:
            return None
        person, other = conflict
        return f"gives {person.name} another office ({other.title})"

    def supports(self, sentence: Evidence, cited: Evidence, hedges: bool = False) -> bool:
        """Whether the cited span states what the sentence states (see ``problem``)."""
        return self.problem(sentence, cited, hedges) is None


def support_problem(
    sentence: Evidence,
    cited: Evidence,
    analyses: Mapping[str, ArticleAnalysis],
    resolution: EntityResolution | None = None,
) -> str | None:
    """Why the cited span does not support the sentence, or None when it does (one-off check)."""
    return SupportCheck(analyses, resolution).problem(sentence, cited)


__all__ = [
    "Actor", "Context", "MIN_SHARED_WORDS", "Statement", "SupportCheck", "TitledPerson", "dated_apart",
    "dates_conflict", "episode_conflict", "names_actor", "same_person", "support_problem", "title_conflict",
]
