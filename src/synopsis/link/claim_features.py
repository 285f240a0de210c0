"""What claim alignment compares of each claim: its entities, the quantities and durations it states
(as slots in a common unit), its dates and times, its speaker, the numbers, days and numbered
episodes a report of the same fact must not contradict, and its frame (predicate, agent,
negation, modality)."""

from __future__ import annotations

import dataclasses
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.extract.counted_nouns import PREDICATE_CLASSES
from synopsis.extract.quantities import predicate_class
from synopsis.facts.dates import main_day, passage_dates, recent_interval, states_date
from synopsis.facts.intervals import Interval
from synopsis.facts.keys import episodes_in, lemmatize_noun
from synopsis.facts.amounts import Amount, amounts_in
from synopsis.facts.support import blank_out, content_stems
from synopsis.link.actors import EntityKey, actor_key, fold, is_capital, party_keys
from synopsis.records import ArticleAnalysis, Quantity, TimeRef, spans_overlap

_DURATION_MINUTES = {
    "second": 1 / 60, "minute": 1.0, "hour": 60.0, "day": 1440.0, "week": 10080.0,
    "month": 43800.0, "year": 525600.0,
}
_ISO_DURATION = re.compile(
    r"^P(?:(?P<Y>[\d.]+)Y)?(?:(?P<M>[\d.]+)M)?(?:(?P<W>[\d.]+)W)?(?:(?P<D>[\d.]+)D)?"
    r"(?:T(?:(?P<h>[\d.]+)H)?(?:(?P<m>[\d.]+)M)?(?:(?P<s>[\d.]+)S)?)?$"
)
_ISO_MINUTES = {"Y": 525600.0, "M": 43800.0, "W": 10080.0, "D": 1440.0, "h": 60.0, "m": 1.0, "s": 1 / 60}


@dataclass(frozen=True, slots=True)
class Slot:
    """A comparable quantity: what is counted, and the interval of values in a common unit."""

    kind: str
    low: float
    high: float
    value: float | None
    # What happened to what is measured ("die", "injure", "length", "delay"); None when unknown.
    # Counts of one noun with different predicates ("two died" / "14 injured") are different facts.
    predicate: str | None = None


@dataclass
class ClaimFeatures:
    article: int
    entities: frozenset[str]
    slots: tuple[Slot, ...]
    times: frozenset[str]
    speaker: str | None
    # What a report of the fact must not contradict (the checks of ``facts.support``): the
    # numbers the claim states, the days it is about (``facts.dates.passage_dates``), and the
    # numbered episodes it names ("the third round"); an undated claim of a news report is about
    # the days its report covers (``recent``).
    amounts: tuple[Amount, ...] = ()
    dates: tuple[Interval, ...] = ()
    recent: Interval | None = None
    episodes: tuple[tuple[str, int], ...] = ()
    # The claim frame (``records.ClaimFrame``): predicate lemma, the agent as an actor key when
    # it is a named entity, negation, modality; and the actor keys of every party the
    # sentence names (its speaker too), to tell whether one sentence names the other's agent.
    predicate: str | None = None
    agent: str | None = None
    agent_party: bool = False  # the agent is a country, people or organisation, not a person
    negated: bool = False
    modality: str | None = None
    actors: frozenset[str] = frozenset()
    # Content stems of the claim's sentence without its time expressions (``facts.support.
    # content_stems``): what two reports of one event dated a day apart must share.
    words: frozenset[str] = frozenset()


# Predicate classes the extractor knows ("die", "rescue", "exchange"); any other lemma ("pull",
# "hold") is a wording, and two wordings of one happening ("rescued 173" / "pulled 173 from
# the water") must not count as two happenings.
KNOWN_PREDICATES = frozenset(PREDICATE_CLASSES.values())


def singularize(noun: str) -> str:
    """Return a crude singular of an English head noun ("prisoners" -> "prisoner", "children" -> "child")."""
    return lemmatize_noun(fold(noun))


def describe_quantity(quantity: Quantity) -> Slot | None:
    """Return the comparable slot of a quantity, durations in minutes."""
    unit = fold(quantity.unit) if quantity.unit else None
    base = singularize(unit) if unit else None
    if base in _DURATION_MINUTES:
        factor, kind = _DURATION_MINUTES[base], "duration"
    elif unit:
        factor, kind = 1.0, "unit:" + unit
    elif quantity.counted:
        factor, kind = 1.0, "count:" + singularize(quantity.counted.split()[-1])
    else:
        return None
    low = quantity.low if quantity.low is not None else (quantity.value if quantity.high is None else 0.0)
    high = quantity.high if quantity.high is not None else (quantity.value if quantity.low is None else math.inf)
    if low is None or high is None:
        return None
    value = quantity.value * factor if quantity.value is not None else None
    return Slot(kind, low * factor, high * factor, value, predicate_class(quantity.predicate))


def describe_duration(time: TimeRef) -> Slot | None:
    """Return a TimeML duration ("PT40M", modifier LESS_THAN) as a slot in minutes."""
    match = _ISO_DURATION.match(time.value or "")
    if time.type != "DURATION" or not match or not any(match.groupdict().values()):
        return None
    minutes = sum(float(v) * _ISO_MINUTES[k] for k, v in match.groupdict().items() if v)
    mod = (time.modifier or "").upper()
    low, high = minutes, minutes
    if mod in {"LESS_THAN", "BEFORE", "END"}:
        low = 0.0
    elif mod in {"MORE_THAN", "AFTER"}:
        high = math.inf
    elif mod in {"APPROX", "MID"}:
        low, high = minutes * 0.8, minutes * 1.2
    if mod in {"EQUAL_OR_LESS"}:
        low = 0.0
    if mod in {"EQUAL_OR_MORE"}:
        high = math.inf
    return Slot("duration", low, high, minutes)


def describe_claims(analyses: Sequence[ArticleAnalysis], canonical: EntityKey | None) -> list[ClaimFeatures]:
    """Return the structure (entities, quantity slots, times, speaker) of every claim, in order."""
    features: list[ClaimFeatures] = []
    story_day = main_day(analyses)
    for a, analysis in enumerate(analyses):
        aid = analysis.article.id
        recent = recent_interval(analysis.article, story_day)
        for claim in analysis.claims:
            entities = set()
            for e in claim.entities:
                if not 0 <= e < len(analysis.entities):
                    continue
                key = canonical(aid, e) if canonical else None
                entities.add(key or fold(analysis.entities[e].text))
            quantities = [analysis.quantities[q] for q in claim.quantities if 0 <= q < len(analysis.quantities)]
            slots = [describe_quantity(q) for q in quantities]
            times = set()
            for t in claim.times:
                if not 0 <= t < len(analysis.times):
                    continue
                ref = analysis.times[t]
                duration = describe_duration(ref)
                if duration is not None:
                    # The same words read as a quantity carry the parse's predicate ("lasted", "delayed").
                    same = [q.predicate for q in quantities if spans_overlap(q, ref) and q.predicate]
                    if same:
                        duration = dataclasses.replace(duration, predicate=predicate_class(same[0]))
                    slots.append(duration)
                elif ref.type in {"DATE", "TIME"} and ref.value and "X" not in ref.value:
                    # "at 8:15 a.m." gets its day from the publication date, which differs between
                    # outlets that report one moment: such a time compares by its clock alone.
                    value = ref.value
                    if not states_date(ref) and "T" in value:
                        value = "T" + value.split("T", 1)[1]
                    times.add(value)
            speaker = None
            if claim.quote is not None and 0 <= claim.quote < len(analysis.quotes):
                quote = analysis.quotes[claim.quote]
                speaker = quote.speaker_entity or quote.speaker
            speaker = speaker or claim.attributed_to
            sentence = analysis.sentences[claim.sentence] if 0 <= claim.sentence < len(analysis.sentences) else None
            start = min(claim.start, sentence.start) if sentence else claim.start
            end = max(claim.end, sentence.end) if sentence else claim.end
            actors = {actor_key(key or "") for key in party_keys(analysis, claim, aid, canonical)}
            # Every speaker of a joint statement is a party to it ("officials and President X said").
            for name in (speaker, *claim.co_speakers):
                if name:
                    actors.add(actor_key(name))
            frame = claim.frame
            agent, party = None, False
            if frame is not None and frame.agent_entity is not None and 0 <= frame.agent_entity < len(analysis.entities):
                entity = analysis.entities[frame.agent_entity]
                name = (canonical(aid, frame.agent_entity) if canonical else None) or entity.text
                agent = actor_key(name)
                # A capital stands for its government whatever the tagger says ("Kiev" as a PERSON).
                party = entity.label != "PERSON" or is_capital(name)
            features.append(ClaimFeatures(
                a, frozenset(x for x in entities if x), tuple(s for s in slots if s),
                frozenset(times), fold(speaker) if speaker else None,
                amounts=amounts_in(quantities, analysis.article.text, start, end),
                dates=tuple(passage_dates(analysis, claim)),
                recent=recent,
                episodes=tuple(episodes_in(analysis.article.text, start, end)),
                predicate=frame.predicate if frame else None,
                agent=agent or None,
                agent_party=party,
                negated=frame.negated if frame else False,
                modality=frame.modality if frame else None,
                actors=frozenset(x for x in actors if x),
                words=content_stems(blank_out(analysis.article.text[start:end], start,
                                              [(t.start, t.end) for t in analysis.times if start <= t.start < end])),
            ))
    return features
