"""Misdating: whether two claims dated a day apart report one event whose day the outlets give
differently, or two days of an ongoing event.

Claim alignment (``link.align``) links the first kind as one fact (``_Scorer.misdated``), so that
the day is disputed inside its group, and gives both kinds' pairs, when told alike, to the day
disputes (``day_rivals``).
"""

from __future__ import annotations

from collections.abc import Sequence

from synopsis.facts.dates import as_of, calendar_day, dates_in
from synopsis.facts.intervals import Interval
from synopsis.link.actors import modalities_clash, same_actor
from synopsis.link.claim_features import ClaimFeatures
from synopsis.records import ArticleAnalysis

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


def other_occasions(analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]],
                    features: Sequence[ClaimFeatures], i: int, j: int) -> bool:
    """Whether two claims told alike but for their days are about two days of an ongoing event
    (marches on Saturday and again on Sunday) rather than one day outlets disagree on: one
    report's day begins after the other report was published (``ZONE_SLACK`` after its stamp), so
    that report could not tell it, or one article names the other's day too, so it tells both days
    apart.  ``refs`` give each claim's (analysis index, claim index), ``features`` its features."""
    for mine, theirs in ((i, j), (j, i)):
        other = analyses[refs[theirs][0]]
        published = as_of(other.article)
        if published is not None:
            out_of_reach = published.timestamp() + ZONE_SLACK
            if any(day.low >= out_of_reach for day in features[mine].dates):
                return True
        claim = other.claims[refs[theirs][1]]
        elsewhere = dates_in(other, 0, claim.start) + dates_in(other, claim.end, len(other.article.text))
        if any(day.low < seen.high and seen.low < day.high for day in features[mine].dates for seen in elsewhere):
            return True
    return False


__all__ = [
    "DAY_APART_MIN_WORDS",
    "DAY_APART_WORDS",
    "DAY_APART_WORDS_WITH_NUMBERS",
    "ZONE_SLACK",
    "nearly_same_words",
    "one_frame_a_day_apart",
    "other_occasions",
]
