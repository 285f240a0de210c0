"""Misdating: whether two claims dated a day apart report one event whose day the outlets give
differently, or two days of an ongoing event.

Claim alignment (``link.align``) links the first kind as one fact (``_Scorer.misdated``), so that
the day is disputed inside its group, and gives both kinds' pairs, when told alike, to the day
disputes (``day_rivals``).
"""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.facts.dates import as_of_stamp, calendar_day, dates_in, day_start
from synopsis.facts.intervals import Interval
from synopsis.facts.keys import EVENT_CLASSES, INSTANT_EVENTS, events_named
from synopsis.link.actors import fold, modalities_clash, same_actor, same_name
from synopsis.link.claim_features import ClaimFeatures
from synopsis.records import Article, ArticleAnalysis

# Outlets date one event a day apart more often than they misreport anything else about it: the
# day an outlet names is the day in its own time zone ("late on Sunday" there is "early Monday"
# here), and "last night" or "yesterday" is counted from when the reporter wrote.  Two claims one
# day apart are one fact when all else says so (``align._Scorer.misdated``): the same predicate,
# the same parties, and nearly the same words ("A court in Amman on Sunday sentenced former Zarqa
# mayor Mohammed al-Rashid to seven years" / "... on Monday sentenced Mohamed Al Rashid, the former
# mayor of Zarqa, to seven years": 11 of 12 content words); the day is then disputed inside the
# group.  Two days of one summit told alike ("leaders met in Brussels on Monday to discuss trade
# with China" / "on Tuesday to discuss defence spending") share 4 of 6; a hearing and the verdict
# the next day differ in predicate.  With the same numbers as well ("seven years", "14 people")
# the words may differ more.
DAY_APART_WORDS = 0.75  # share of the shorter sentence's content words the other must have
DAY_APART_WORDS_WITH_NUMBERS = 0.5  # the same, when the two also give the same numbers
DAY_APART_MIN_WORDS = 4  # and never fewer shared words than this
# Publication stamps rarely carry a zone, and the day a report names is in its writer's zone: a
# report stamped Sunday 14:20 may already be read where it is Monday.  A report's day is out of
# another report's reach only when it begins this long after that report was stamped (the widest
# zone offset from UTC, +14 h).
ZONE_SLACK = 14 * 3600


def one_frame_a_day_apart(fi: ClaimFeatures, fj: ClaimFeatures) -> bool:
    """Whether two claims give one day each, adjacent, and the same frame: the same predicate,
    asserted alike, by the same agent, and a party in common."""
    if not _one_day_apart(fi.dates, fj.dates):
        return False
    if not fi.predicate or fi.predicate != fj.predicate or fi.negated != fj.negated:
        return False
    if fi.modality and fj.modality and modalities_clash(fi.modality, fj.modality):
        return False
    if fi.agent and fj.agent and not same_actor(fi.agent, fj.agent):
        return False
    return any(same_actor(x, y) for x in fi.actors for y in fj.actors)


def nearly_same_words(fi: ClaimFeatures, fj: ClaimFeatures, same_numbers: bool) -> bool:
    """Whether two claims share nearly all their content words (``DAY_APART_WORDS``; fewer when
    they also give the same numbers)."""
    shared = len(fi.words & fj.words)
    share = DAY_APART_WORDS_WITH_NUMBERS if same_numbers else DAY_APART_WORDS
    return shared >= DAY_APART_MIN_WORDS and shared >= share * min(len(fi.words), len(fj.words))


def _one_day_apart(first: Sequence[Interval], second: Sequence[Interval]) -> bool:
    """Whether two passages give one day each (or parts of one), no day in common, and the days
    are next to each other: "on Sunday" / "on Monday", not a week, a month or two days apart."""
    if not first or not second:
        return False
    mine, theirs = [calendar_day(d) for d in first], [calendar_day(d) for d in second]
    if any(d.high - d.low > 86400 for d in (*mine, *theirs)):
        return False
    if any(a.low < b.high and b.low < a.high for a in mine for b in theirs):
        return False
    return any(a.high == b.low or b.high == a.low for a in mine for b in theirs)


# Entity labels of a place where an event happens ("at Muscat airport", "in Geneva").
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Events over within a day: two reports giving one at one place a day apart give it different
# days. Talks, a summit, a protest or a fire go on for days, and each day's report is right.
ONE_DAY_EVENTS = INSTANT_EVENTS | {"exchange"}


def event_day_rivals(analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]],
                     features: Sequence[ClaimFeatures]) -> list[tuple[int, int]]:
    """Pairs of claims of two articles that give one event a day apart, however differently they
    tell it: each names one kind of event over within a day (``ONE_DAY_EVENTS``, by noun or by
    its verb: "The swap took place at Muscat airport on Wednesday" / "Karvia and Lindmark
    exchanged six prisoners at Muscat airport on Thursday in a deal brokered by Oman, ..."), a
    place in common and one day each, next to the other's; and neither report gives the other's day to that kind of event
    (then it tells two occasions apart) or was out before that day began. Such sentences seldom
    read alike as wholes (cosine 0.41 for the pair above), so the days are compared here rather
    than by the pair score. ``refs`` and ``features`` as for ``other_occasions``; pairs of indices
    into them, smaller first."""
    told: list[tuple[int, str, list[str]]] = []
    for k, (a, c) in enumerate(refs):
        if len(features[k].dates) != 1:
            continue
        analysis = analyses[a]
        claim = analysis.claims[c]
        predicate = claim.frame.predicate if claim.frame is not None else None
        events = events_named(claim.text) | ({EVENT_CLASSES[predicate]} if predicate in EVENT_CLASSES else set())
        places = [fold(e.text) for e in analysis.entities
                  if e.label in PLACE_LABELS and claim.start <= e.start and e.end <= claim.end]
        if len(events) == 1 and events <= ONE_DAY_EVENTS and places:
            told.append((k, next(iter(events)), places))
    pairs = []
    for x, (i, event, places) in enumerate(told):
        for j, other_event, other_places in told[x + 1 :]:
            if refs[i][0] == refs[j][0] or event != other_event:
                continue
            if not any(same_name(p, q) for p in places for q in other_places):
                continue
            if not _one_day_apart(features[i].dates, features[j].dates):
                continue
            if (_out_of_reach(analyses, refs, features, i, j)
                    or _gives_day_to(analyses[refs[j][0]], event, features[i].dates)
                    or _gives_day_to(analyses[refs[i][0]], event, features[j].dates)):
                continue
            pairs.append((i, j))
    return pairs


def _gives_day_to(analysis: ArticleAnalysis, event: str, days: Sequence[Interval]) -> bool:
    """Whether a sentence of the article names the kind of event and one of the days."""
    text = analysis.article.text
    for sentence in analysis.sentences:
        if event not in events_named(text[sentence.start : sentence.end]):
            continue
        if any(day.low < seen.high and seen.low < day.high
               for day in days for seen in dates_in(analysis, sentence.start, sentence.end)):
            return True
    return False


def _out_of_reach(analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]],
                  features: Sequence[ClaimFeatures], i: int, j: int) -> bool:
    """Whether one claim's day begins after the other's report was published (``ZONE_SLACK``
    after its stamp), so that report could not tell it."""
    for mine, theirs in ((i, j), (j, i)):
        latest = _latest_moment(analyses[refs[theirs][0]].article)
        if latest is not None and any(day.low >= latest + ZONE_SLACK for day in features[mine].dates):
            return True
    return False


def _latest_moment(article: Article) -> float | None:
    """The latest a report may have been written, as POSIX seconds: its stamp, or for a date-only
    publication the end of that day. Read as its midnight, a report dated only Sunday could not
    tell a Monday that a report stamped Sunday 14:20 can (``facts.dates.Stamp``)."""
    stamp = as_of_stamp(article)
    if stamp is None:
        return None
    return day_start(stamp.moment) + 86400 if stamp.day_only else stamp.moment.timestamp()


def other_occasions(analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]],
                    features: Sequence[ClaimFeatures], i: int, j: int) -> bool:
    """Whether two claims told alike but for their days are about two days of an ongoing event
    (marches on Saturday and again on Sunday) rather than one day outlets disagree on: one
    report's day begins after the other report was published (``ZONE_SLACK`` after its stamp), so
    that report could not tell it, or one article names the other's day too, so it tells both days
    apart.  ``refs`` give each claim's (analysis index, claim index), ``features`` its features."""
    if _out_of_reach(analyses, refs, features, i, j):
        return True
    for mine, theirs in ((i, j), (j, i)):
        other = analyses[refs[theirs][0]]
        claim = other.claims[refs[theirs][1]]
        elsewhere = dates_in(other, 0, claim.start) + dates_in(other, claim.end, len(other.article.text))
        if any(day.low < seen.high and seen.low < day.high for day in features[mine].dates for seen in elsewhere):
            return True
    return False


__all__ = [
    "DAY_APART_MIN_WORDS",
    "DAY_APART_WORDS",
    "DAY_APART_WORDS_WITH_NUMBERS",
    "ONE_DAY_EVENTS",
    "PLACE_LABELS",
    "ZONE_SLACK",
    "event_day_rivals",
    "nearly_same_words",
    "one_frame_a_day_apart",
    "other_occasions",
]
