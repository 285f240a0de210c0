"""Facts: one value of one claim, with the keys and dates that say what it is about."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from synopsis.extract.quantity_units import LEADING_QUALIFIER_RE
from synopsis.extract.vote_splits import VOTE_SPLIT
from synopsis.facts.dates import (
    SECTION_LOOKBACK,
    clock_intervals,
    context_dates,
    is_statement_time,
    own_dates,
    recent_interval,
    section_dates,
    sentence_bounds,
    value_days,
)
from synopsis.facts.keys import (
    ADDITIONAL,
    ADDITIONAL_AFTER,
    FINE,
    INSTANT_EVENTS,
    MAGNITUDE,
    PENALTY,
    episodes_in,
    event_class_at,
    frame_words,
    lemmatize_noun,
    magnitude_at,
    predicate_class_at,
)
from synopsis.facts.keys_crowd import ATTENDANCE, PARTICIPATION, is_figure_at
from synopsis.facts.keys_money import TERM, extra_sum_at, is_currency, is_money_measure
from synopsis.facts.keys_physical import is_physical_measure
from synopsis.facts.tallies import ACQUIRE, HOLDER_LABELS
from synopsis.facts.measures import counted_lemma, measure_at, tally_holder
from synopsis.facts.revisions import revision_at
from synopsis.facts.intervals import (
    Interval,
    apply_qualifier,
    compatible,
    interval_from_quantity,
    interval_from_time,
    rounding_margin,
    stated_interval,
    within,
)
from synopsis.facts.shares import PLAIN, Share, parties_between, scaled, share_of
from synopsis.ingest.outlets import outlet_name
from synopsis.records import Article, ArticleAnalysis, Claim, Evidence, Quantity, StoryEntity


Member = tuple[str, int]  # (article_id, claim_index)
PersonNames = dict[str, list[tuple[int, int, str]]]  # article id -> (start, end, story name) of each person mention


def person_names(entities: Sequence[StoryEntity] | None, types: frozenset[str] = frozenset({"PERSON"})) -> PersonNames:
    """Where each person (or other entity of ``types``) of the story is mentioned, under the one name
    the story gives them, so that "Jon Doe" and "Jonathan Doe" in two outlets are one person."""
    names: PersonNames = {}
    for entity in entities or ():
        if entity.type not in types:
            continue
        for mention in entity.mentions:
            names.setdefault(mention.article_id, []).append((mention.start, mention.end, entity.name))
    return names


def _penalised(analysis: ArticleAnalysis, cue: int, value: int, names: PersonNames, sentence_start: int) -> str | None:
    """Who a penalty in the sentence is given to: the person between its verb and the term
    ("sentenced Jane Roe to four years"), else the last one before the verb ("Jane Roe was jailed
    for"); not one named with "by" (the judge).  Their story name, else as written; None if unnamed."""
    text = analysis.article.text
    people = [e for e in analysis.entities if e.label == "PERSON" and sentence_start <= e.start and e.end <= value
              and not re.search(r"\bby\s+(?:\w+\s+){0,2}$", text[max(0, e.start - 40) : e.start], re.I)]
    # The first person after the verb is its object ("jailed Peter Kamau, the former director of
    # ..., for"): those after it are named in the apposition.
    after_cue = [e for e in people if e.start >= cue]
    chosen = after_cue[0] if after_cue else (people or [None])[-1]
    if chosen is None:
        return None
    for start, end, name in names.get(analysis.article.id, ()):
        if start <= chosen.start and chosen.end <= end:
            return name
    return " ".join(chosen.text.split())


# "fined Kamau 5 million", "fined Kamau 5 million shillings and Wanjiru 800,000": the name just
# before the sum, after the verb or after "and" in the verb's list.
_FINED_NAME = re.compile(r"\bfined\s+(?:[^.;:]{0,80}?\band\s+)?(?P<name>(?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)\s+$")


def _fined(analysis: ArticleAnalysis, sentence: str, position: int, names: PersonNames, sentence_start: int) -> str | None:
    """Who the fine at ``position`` of the sentence is given to: the name after "fined" (the tagger
    often reads "Kamau 5 million" as one name of a law, so its people are not enough), by the story
    name of a person of the article it is the surname of, else as written; else the person a
    penalty would be given to (``_penalised``: "Jane Roe was fined")."""
    found = _FINED_NAME.search(sentence, 0, position)
    if found is None:
        cues = list(re.finditer(r"\bfine[ds]?\b", sentence[:position], re.I))
        cue = cues[-1].start() if cues else position
        return _penalised(analysis, sentence_start + cue, sentence_start + position, names, sentence_start)
    written = found.group("name")
    for _, _, name in names.get(analysis.article.id, ()):
        if name == written or name.split()[-1] == written.split()[-1]:
            return name
    return written


# A sentence that opens by naming who gives what follows: "The federation said 88 percent had
# stopped work", "Organisers estimated that ...". The quotation finder does not always take these
# as attributions, and a value's source is what tells two estimates of one count apart.
_GIVER_OPENING = re.compile(
    r"^(?P<who>(?:the\s+|a\s+|an\s+)?[A-Za-z][\w'’-]*(?:\s+[A-Z]?[\w'’-]+){0,4}?)\s+"
    r"(?:said|says|estimated|estimates|put|puts|reported|reports|claimed|claims|counted|gave|placed|told)\b",
)
# Predicates whose agent is the one giving the number ("The organisers put the figure at 60,000",
# "Police estimated the crowd at 15,000").
_ESTIMATE_PREDICATES = frozenset({"put", "estimate", "place", "count", "give", "say", "report", "claim", "tally"})


def voice_of(analysis: ArticleAnalysis, claim: Claim, quantity: Quantity, sentence: str, sentence_start: int) -> str | None:
    """Who the sentence gives the quantity to: the speaker of the narrowest attribution whose
    content holds it ("about 20,000 people marched, according to city police" inside "The
    government said ..."), else the claim's, else the agent of a verb of estimating, else the
    subject of an opening "X said"; None when the outlet states it on its own account."""
    holding = [q for q in analysis.quotes if q.content_start <= quantity.start and quantity.end <= q.content_end
               and q.speaker and q.speaker_kind is None]
    if holding:
        quote = min(holding, key=lambda q: q.content_end - q.content_start)
        return quote.speaker_entity or quote.speaker
    if claim.attributed_to:
        return claim.attributed_to
    if claim.frame is not None and claim.frame.agent and claim.frame.predicate in _ESTIMATE_PREDICATES:
        return claim.frame.agent
    opening = _GIVER_OPENING.match(sentence)
    if opening is not None and sentence_start + opening.end() <= quantity.start:
        return opening.group("who")
    return None


def voice_key(voice: str | None) -> str | None:
    """A voice as compared: "The organisers" and "organisers" are one."""
    if voice is None:
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", " ".join(voice.lower().split()))


def holder_names(entities: Sequence[StoryEntity] | None, analyses: Sequence[ArticleAnalysis]) -> PersonNames:
    """Where each party, person or group of the story (``HOLDER_LABELS``) is named, under its story
    name: where the tagger found it, and wherever an article writes one of its names the tagger
    missed there (it finds "the Farmers and Greens Alliance" in one sentence and not the next)."""
    names = person_names(entities, HOLDER_LABELS)
    forms = {alias.text: entity.name for entity in entities or () if entity.type in HOLDER_LABELS
             for alias in entity.aliases if len(alias.text) > 3}
    if not forms:
        return names
    # One pattern for every form, longest first, so that a story of many articles and names is
    # read once per article ("Farmers and Greens Alliance" before "Alliance").
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(text) for text in sorted(forms, key=len, reverse=True))
                         + r")(?!\w)")
    for analysis in analyses:
        tagged = names.setdefault(analysis.article.id, [])
        found = [(m.start(), m.end(), forms[m.group(0)]) for m in pattern.finditer(analysis.article.text)]
        tagged.extend(span for span in found if not any(low < span[1] and span[0] < high for low, high, _ in tagged))
    return names


# A percentage won ("won 22.8 percent", "came second with 22.8 percent"): the share of the vote, or
# of whatever was contested, that went to the one named; the unit and this slot, with the holder.
SHARE_WON = "share won"


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


@dataclass
class Fact:
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
    own: list[Interval] = field(default_factory=list)  # dates the claim itself states (what a dispute is dated by)
    share: Share = PLAIN  # "1,200 prisoners from each side": each party's share, compared like with like
    stated: list[Interval] = field(default_factory=list)  # counts and amounts: the numbers as written, unhedged
    given_by: str | None = None  # who the sentence gives the value to ("Police", "the organisers"), if anyone
    count_day: Interval | None = None  # the day the sentence gives this value for, beside others' (``value_days``)
    revised: bool = False  # counts: the sentence gives the value as a revised figure ("revised ... to 17 from 12")

    @property
    def key_known(self) -> bool:
        return all(part is not None for part in self.key)


def _episode(analysis: ArticleAnalysis, claim: Claim) -> tuple[str, int] | None:
    """The numbered episode the claim is about: nearest "the third round" in or before its sentence."""
    text = analysis.article.text
    start, end = sentence_bounds(analysis, claim)
    spans = [(start, end)]
    for index in range(min(claim.sentence, len(analysis.sentences)) - 1,
                       max(-1, claim.sentence - SECTION_LOOKBACK), -1):
        sentence = analysis.sentences[index]
        spans.append((sentence.start, sentence.end))
    for span_start, span_end in spans:
        found = episodes_in(text, span_start, span_end)
        if found:
            return found[-1]
    return None


def is_penalty(fact: Fact) -> bool:
    """Whether the fact is a term given to someone (``keys.penalty_at``), not how long something lasted."""
    return fact.kind == "duration" and len(fact.key) > 2 and fact.key[1] == PENALTY


def episodes_agree(a: Fact, b: Fact) -> bool:
    """False when both facts are about numbered episodes of one kind with different numbers."""
    if a.episode is None or b.episode is None or a.episode[0] != b.episode[0]:
        return True
    return a.episode[1] == b.episode[1]


def nouns_agree(a: Fact, b: Fact) -> bool:
    """Counted nouns agree when equal or when either is unknown ("14 were hurt")."""
    return a.noun is None or b.noun is None or a.noun == b.noun


_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|or)\s*")


def _join_duration_ranges(items: list[tuple[int, int, Interval]], text: str) -> list[tuple[int, int, Interval]]:
    """Join "40-50 minutes" (the two ends of one range) and drop the same span read twice. A
    duration written in parts ("one hour and 45 minutes") is one value already (the extractors
    join it)."""
    joined: list[tuple[int, int, Interval]] = []
    for start, end, interval in sorted(items, key=lambda item: (item[0], -item[1])):
        if joined and start < joined[-1][1]:  # the same words as quantity and as time expression
            continue
        gap = text[joined[-1][1] : start] if joined else ""
        first = joined[-1][2] if joined else None
        # "40-50 minutes", "2 to 3 hours", and "between 40 and 50": the extractor reads the ends as
        # "at least 40" and "at most 50"; the value is the range between them, not either end alone.
        ends = first is not None and first.high == float("inf") and interval.low <= 0 and not first.low_open
        if first is not None and (_RANGE_GAP.fullmatch(gap) or (ends and re.fullmatch(r"\s*and\s*", gap))):
            low, high = first.low, interval.high
            if low <= high and high != float("inf"):
                first_start, _, _ = joined.pop()
                joined.append((first_start, end, Interval(low, high, first.low_open, interval.high_open, "s")))
                continue
        joined.append((start, end, interval))
    return joined


def _as_stated(quantity) -> str:
    """A value as the outlet hedged it: "more than 1,200" even when the extractor's span is "1,200",
    so that "more than 1,200" and "nearly 1,200" never read as the same value."""
    qualifier = (quantity.qualifier or "").strip()
    # "range" and "vague" are how the extractor read the words ("24 to 48", "dozens"), not words of the outlet's.
    if (not qualifier or qualifier.lower() in {"range", "vague"} or not qualifier.replace(" ", "").isalpha()
            or qualifier.isupper()):
        return quantity.text
    if qualifier.lower() in quantity.text.lower() or LEADING_QUALIFIER_RE.match(quantity.text):
        return quantity.text  # the span has the outlet's own hedge ("approximately 1,200", read as "about")
    return f"{qualifier} {quantity.text}"


# "52 of the 141 seats", "12 out of 300 passengers", "three of the five judges": the number after
# "of" is the whole the first is a part of, with the part's noun (if it has one) between them.
_PART_OF = re.compile(r"\s+(?:(?P<noun>[a-z]+)\s+)?(?:out\s+)?of\s+(?:the\s+|all\s+|a\s+total\s+of\s+)?", re.I)
WHOLE = "whole"  # the predicate class of such a total: a slot of its own ("number of seats in all")


def _is_whole(text: str, quantity: Quantity, others: Sequence[Quantity]) -> bool:
    """Whether the quantity is the whole another quantity of its claim is a part of (``_PART_OF``).
    It is not a rival tally of the part: read as one, "52 of the 141 seats" disputes "51 of the 141"
    with 141, and each outlet itself."""
    for other in others:
        if other is quantity or other.end > quantity.start:
            continue
        found = _PART_OF.fullmatch(text, other.end, quantity.start)
        if found is None:
            continue
        noun = found.group("noun")
        if noun is None or (quantity.counted and lemmatize_noun(noun) == lemmatize_noun(quantity.counted.split()[-1])):
            return True
    return False


def collect_facts(analyses: Sequence[ArticleAnalysis], group_of: dict[Member, int],
                  names: PersonNames | None = None, holders: PersonNames | None = None) -> list[Fact]:
    """The value facts of every claim; ``names`` (``person_names``) say who a penalty is given to,
    ``holders`` (``person_names`` of ``HOLDER_LABELS``) who a tally went to ("won 31 seats")."""
    facts: list[Fact] = []
    for analysis in analyses:
        article = analysis.article
        outlet = outlet_name(article)
        recent = recent_interval(article)
        crowd_sentences: set[int] = set()  # sentences of the article that give a crowd (``keys_crowd.is_crowd_at``)
        for index, claim in enumerate(analysis.claims):
            group = group_of.get((article.id, index))
            start, end = sentence_bounds(analysis, claim)
            sentence = article.text[start:end]
            dates = context_dates(analysis, claim)
            own = own_dates(analysis, claim)
            section = [] if dates else section_dates(analysis, claim)
            episode = _episode(analysis, claim)
            evidence = Evidence(article.id, outlet, claim.start, claim.end, claim.text)
            raw: list[Fact] = []
            # "had reported 150 cases on Monday and 87 cases on Sunday": each count is its own day's.
            counts_here = [(q.start, q.end) for q in analysis.quantities if start <= q.start and q.end <= end
                           and (interval := interval_from_quantity(q)) is not None and interval.unit == "count"]
            days_of_values = value_days(analysis, start, end, counts_here) if len(counts_here) > 1 else {}

            def add(kind: str, key: tuple[str | None, ...], intervals: list[Interval], value: str,
                    frame: frozenset[str] = frozenset(), label: str | None = None, noun: str | None = None,
                    additional: bool = False, share: Share = PLAIN, quantity: Quantity | None = None,
                    revised: bool = False) -> None:
                stated = stated_interval(quantity) if quantity is not None else None
                given_by = voice_of(analysis, claim, quantity, sentence, start) if quantity is not None else None
                value_dates, value_own, value_section, count_day = dates, own, section, None
                if quantity is not None and any(t.clause_start is not None for t in analysis.times):
                    # A date of another clause of the sentence ("ready to talk tomorrow") dates no value here.
                    value_dates = context_dates(analysis, claim, at=quantity.start)
                    value_own = own_dates(analysis, claim, at=quantity.start)
                    if value_dates:
                        value_section = []
                    elif dates:
                        value_section = section_dates(analysis, claim)
                if quantity is not None and quantity.start in days_of_values:
                    at, count_day = days_of_values[quantity.start]
                    value_dates = [count_day]
                    value_own = [count_day] if claim.start <= at < claim.end else []
                raw.append(Fact(kind, key, intervals, [" ".join(value.split())], article, outlet, evidence,
                                 (article.id, index), group, value_dates, None if value_dates else recent, value_section,
                                 frame, label, noun, additional, episode, value_own, share, [stated] if stated else [],
                                 given_by, count_day, revised))

            durations: list[tuple[int, int, Interval]] = []
            claim_quantities = [analysis.quantities[i] for i in claim.quantities if 0 <= i < len(analysis.quantities)]
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
                counted = counted_lemma(quantity.counted)
                frame = frame_words(article.text, quantity.start, quantity.end, [quantity.counted or ""])
                position, value_end = quantity.start - start, quantity.end - start
                magnitude = magnitude_at(sentence, position, value_end) if interval.unit == "count" else None
                if magnitude is not None and quantity.value is not None:
                    # A magnitude of an event, not a count of events; a measure, so "7" may be 7.1.
                    measure = apply_qualifier(quantity.value, quantity.qualifier, MAGNITUDE, rounding_margin(quantity.value))
                    add("amount", (MAGNITUDE, magnitude[0]), [measure], _as_stated(quantity), frame)
                    continue
                slot = measure_at(sentence, position, value_end, interval.unit, quantity.counted, quantity.predicate)
                share = share_of(article.text, quantity, start, end)
                # A share is shown as one ("over 1,200 each"): set beside a total, the bare number misleads.
                value = _as_stated(quantity) + (" each" if share.each else "")
                if interval.unit == "count":
                    # The slot is what happened to what is counted: "two died" and "14 injured" are
                    # two slots even when both count people.
                    additional = bool(ADDITIONAL.search(article.text[max(0, quantity.start - 20) : quantity.start])
                                      or ADDITIONAL_AFTER.match(article.text, quantity.end))
                    predicate = slot.predicate
                    if _is_whole(article.text, quantity, claim_quantities):
                        predicate = WHOLE
                    else:
                        counted = slot.noun
                        if (predicate != FINE and counted is None and is_figure_at(sentence, position)
                                and claim.sentence - 1 in crowd_sentences):
                            # "The organisers put the figure at 60,000" after a crowd count: its estimate.
                            predicate, counted = ATTENDANCE
                    revision = revision_at(sentence, position) if predicate not in {FINE, ATTENDANCE[0]} else None
                    if revision is not None and revision.previous:
                        continue  # "revised ... to 17 from 12": 12 is the figure replaced, not this outlet's
                    if revision is not None:
                        # "the number of injured": the words name what happened, not the verb ("revise").
                        predicate, counted = revision.predicate, None
                    if predicate == ATTENDANCE[0]:
                        crowd_sentences.add(claim.sentence)
                    key: tuple[str | None, ...] = (predicate,)
                    if predicate == FINE:
                        # Like a term, a fine is one person's: "fined Kamau 5 million" and "Wanjiru
                        # 3 million" are two fines (a fine naming no one keeps the plain key).
                        person = _fined(analysis, sentence, position, names or {}, start)
                        key = (FINE, person) if person else key
                    elif predicate == ACQUIRE:
                        # A tally is the one its holder won: "31 seats" of one party and "32" of another
                        # are two tallies (a tally naming no one keeps the plain key, as a fine does).
                        won_by = tally_holder(analysis, start, end, quantity.start, (holders or {}).get(article.id, ()))
                        key = (ACQUIRE, won_by) if won_by else key
                    add("count", key, [interval], value, frame, quantity.counted, counted, additional, share, quantity,
                        revised=revision is not None)
                    continue
                measure = slot.measure
                if interval.unit == "percent" and measure is None and counted is None and slot.predicate == ACQUIRE:
                    # A percentage won ("won 22.8 percent") naming no measure: the share of its holder.
                    won_by = tally_holder(analysis, start, end, quantity.start, (holders or {}).get(article.id, ()))
                    if won_by:
                        add("amount", (interval.unit, SHARE_WON, won_by), [interval], value, frame, share=share,
                            quantity=quantity)
                        continue
                if is_currency(interval.unit) and counted is None:
                    if _adds_to_sum(raw, sentence, position, value_end, interval):
                        continue
                    measure = measure or _converted_measure(raw, sentence, position)
                # A vote split's noun is the body that voted (``measures.measure_at``): two bodies' votes
                # are two facts, though both are "the vote".
                body = slot.noun if interval.unit == VOTE_SPLIT else None
                add("amount", (interval.unit, measure or counted), [interval], value, frame, quantity.counted,
                    noun=body, share=share, quantity=quantity)
            for t_index in claim.times:
                if not 0 <= t_index < len(analysis.times):
                    continue
                time = analysis.times[t_index]
                kind = (time.type or "").upper()
                interval = interval_from_time(time)
                if interval is None:
                    continue
                position = time.start - start
                event = event_class_at(sentence, position)
                predicate = predicate_class_at(sentence, position, time.end - start)
                if kind == "DURATION":
                    durations.append((time.start, time.end, interval))
                elif is_statement_time(sentence, position, time.end - start):
                    continue  # when a source spoke, not when the event happened: no version of its day
                elif interval.unit == "date" and time.precision in {None, "day", "part-of-day"}:
                    # A day, or part of one ("late Sunday", "Saturday night", whichever type the
                    # tagger gave it): a version of the day of the event.
                    add("date", (event, predicate), [interval], time.text)
                elif kind == "TIME":
                    if predicate is None and event in INSTANT_EVENTS:
                        predicate = "occurred"  # "collapsed at 6:40 a.m.": the time the incident happened
                    add("time", (event, predicate), clock_intervals(time, article.text), time.text)
            for d_start, d_end, interval in _join_duration_ranges(durations, article.text):
                position = d_start - start
                slot = measure_at(sentence, position, d_end - start, interval.unit, None, None, timed=True)
                if slot.predicate == PENALTY and slot.cue is not None:
                    # A term given to someone: keyed by what it is and whom it is given to.
                    person = _penalised(analysis, start + slot.cue, d_start, names or {}, start)
                    add("duration", (slot.measure, PENALTY, person), [interval], article.text[d_start:d_end])
                    continue
                if slot.predicate == TERM:
                    # How long an agreement is to run ("a contract of five years"): one value of it.
                    add("duration", (slot.measure, TERM), [interval], article.text[d_start:d_end])
                    continue
                key = (event_class_at(sentence, position), predicate_class_at(sentence, position, d_end - start))
                add("duration", key, [interval], article.text[d_start:d_end])
            facts.extend(_merge_same_claim(raw))
    return facts


_CONVERSION_OPEN = re.compile(r"\(\s*$")


def _converted_measure(raw: list[Fact], sentence: str, position: int) -> str | None:
    """The measure of a sum in brackets after another ("€4.2bn ($4.6bn)"): the same value in another
    currency, which keeps the measure of the sum before it; None for any other sum."""
    if _CONVERSION_OPEN.search(sentence, 0, position) and raw:
        last = raw[-1]
        if last.kind == "amount" and is_currency(last.key[0]) and is_money_measure(last.key[1]):
            return last.key[1]
    return None


def _adds_to_sum(raw: list[Fact], sentence: str, position: int, value_end: int, interval: Interval) -> bool:
    """Whether a sum put on top of the claim's previous sum of one measure ("a fee of 45 million
    euros, plus up to 5 million euros in add-ons") widens that sum to the range it makes (45 to 50
    million): a report of the whole, 50 million, gives the same value; the extra is no value of its own."""
    start = extra_sum_at(sentence, position)
    previous = next((f for f in reversed(raw) if f.kind == "amount" and f.key[0] == interval.unit), None)
    if start is None or previous is None or not is_money_measure(previous.key[1]) or interval.high == float("inf"):
        return False
    base = previous.intervals[-1]
    previous.intervals[-1] = Interval(base.low, base.high + interval.high, base.low_open, base.high_open, base.unit)
    previous.values[-1] = f"{previous.values[-1]}, {' '.join(sentence[start:value_end].split())}"
    return True


def is_term(fact: Fact) -> bool:
    """Whether the fact is how long an agreement is to run (``keys_money.term_at``)."""
    return fact.kind == "duration" and len(fact.key) == 2 and fact.key[1] == TERM


def is_measured_sum(fact: Fact) -> bool:
    """Whether the fact is a sum of money keyed by what it is the value of (``keys_money.money_measure_at``)."""
    return fact.kind == "amount" and is_currency(fact.key[0]) and is_money_measure(fact.key[1])


def is_measured_physical(fact: Fact) -> bool:
    """Whether the fact is a physical measure keyed by what it measures (``keys_physical.physical_measure_at``:
    "wind speed", "height of the waves")."""
    return fact.kind == "amount" and len(fact.key) == 2 and is_physical_measure(fact.key[0], fact.key[1])


def fact_relation(a: Fact, b: Fact) -> bool | None:
    """True if the values agree, False if they contradict, None if they cannot be compared.

    A per-party share and a value not marked so (``shares``) agree when the value is the share or
    its whole: of the parties the share's sentence counts, else of the one number of parties that
    could make them one ("1,200 from each side" / "2,400 prisoners").
    """
    per = a if a.share.each and not b.share.each else b if b.share.each and not a.share.each else None
    estimates = is_rival_estimate(a) and is_rival_estimate(b)
    verdict: bool | None = None
    for i, x in enumerate(a.intervals):
        for j, y in enumerate(b.intervals):
            if x.unit != y.unit:
                continue
            if compatible(x, y) and (not estimates or _admit_either(_stated(a, i), x, _stated(b, j), y)):
                return True
            if per is not None:
                share, other = (x, y) if per is a else (y, x)
                parties = per.share.parties or parties_between(share, other)
                if parties is not None and compatible(scaled(share, parties), other):
                    return True
            verdict = False
    return verdict


def is_rival_estimate(fact: Fact) -> bool:
    """Whether the fact is a count sources estimate apart, and give as theirs: a crowd
    (``keys_crowd.ATTENDANCE``) or the share that joined a strike (``keys_crowd.PARTICIPATION``)."""
    if fact.kind == "count":
        return fact.key[0] == ATTENDANCE[0]
    return fact.kind == "amount" and fact.key == ("percent", PARTICIPATION)


def _stated(fact: Fact, index: int) -> Interval | None:
    """The number as written of the fact's ``index``-th value, when known."""
    return fact.stated[index] if len(fact.stated) == len(fact.intervals) else None


def _admit_either(stated_a: Interval | None, x: Interval, stated_b: Interval | None, y: Interval) -> bool:
    """Whether one of two estimates (values ``x`` and ``y``, written ``stated_a`` and ``stated_b``)
    leaves room for the number the other writes: "about 15,000" and "some 15,000" or "15,000"
    agree, "about 15,000" and "about 20,000" do not, though 15 % either side of each they overlap
    (the test by which ``amounts.Amount.compatible_with`` aligns claims). Without the numbers as
    written, overlap decides."""
    if stated_a is None or stated_b is None:
        return True
    return within(stated_a, y) or within(stated_b, x)


def _merge_same_claim(facts: list[Fact]) -> list[Fact]:
    """One claim giving one value twice ("8:37 p.m. local time (5:37 p.m. GMT)") is one fact."""
    merged: list[Fact] = []
    for fact in facts:
        for other in merged:
            if (other.kind == fact.kind and other.key == fact.key and other.noun == fact.noun
                    and fact_relation(other, fact) is not False):
                other.intervals.extend(fact.intervals)
                other.stated.extend(fact.stated)
                other.values.extend(v for v in fact.values if v not in other.values)
                break
        else:
            merged.append(fact)
    return merged
