"""Whether two claims a day apart can be one misdated event: one day each and adjacent, the same
frame, and nearly the same content words (fewer when they also give the same numbers). Invented
claim features, no model."""

from __future__ import annotations

import calendar

import pytest

from synopsis.facts.intervals import Interval
from synopsis.link.claim_features import ClaimFeatures
from synopsis.link.misdating import nearly_same_words, one_frame_a_day_apart, other_occasions
from synopsis.records import Article, ArticleAnalysis, Claim

DAY = 86400.0
SUNDAY = 20_000 * DAY  # any midnight


def _day(start: float, hours: float = 24) -> Interval:
    return Interval(start, start + hours * 3600, high_open=True, unit="date")


def _claim(dates, predicate="sentence", actors=("court",), agent=None, negated=False, modality=None, words=()):
    return ClaimFeatures(
        article=0, entities=frozenset(), slots=(), times=frozenset(), speaker=None,
        dates=tuple(dates), predicate=predicate, agent=agent, negated=negated, modality=modality,
        actors=frozenset(actors), words=frozenset(words),
    )


def test_the_same_frame_on_adjacent_days_may_be_one_event():
    assert one_frame_a_day_apart(_claim([_day(SUNDAY)]), _claim([_day(SUNDAY + DAY)]))
    # a part of a day counts as its calendar day: "late on Sunday" / "on Monday"
    assert one_frame_a_day_apart(_claim([_day(SUNDAY + 20 * 3600, hours=4)]), _claim([_day(SUNDAY + DAY)]))


@pytest.mark.parametrize(("first", "second"), [
    (_claim([_day(SUNDAY)]), _claim([_day(SUNDAY + 2 * DAY)])),  # two days apart
    (_claim([_day(SUNDAY)]), _claim([_day(SUNDAY)])),  # the same day: nothing misdated
    (_claim([_day(SUNDAY, hours=48)]), _claim([_day(SUNDAY + 2 * DAY)])),  # a span of days, not one day
    (_claim([_day(SUNDAY)]), _claim([])),  # undated
    (_claim([_day(SUNDAY)], predicate="hear"), _claim([_day(SUNDAY + DAY)])),  # a hearing, then the verdict
    (_claim([_day(SUNDAY)], negated=True), _claim([_day(SUNDAY + DAY)])),  # denied by one
    (_claim([_day(SUNDAY)], actors=("court",)), _claim([_day(SUNDAY + DAY)], actors=("army",))),  # no party shared
])
def test_other_days_frames_or_parties_are_not_one_misdated_event(first, second):
    assert not one_frame_a_day_apart(first, second)


def test_nearly_all_content_words_must_be_shared_and_fewer_with_the_same_numbers():
    five = _claim([], words="tribunal norvik sentence harbour master".split())
    four_of_five = _claim([], words="tribunal norvik sentence harbour".split())
    assert nearly_same_words(five, four_of_five, same_numbers=False)
    eight = _claim([], words="tribunal norvik sentence former harbour master fraud year".split())
    five_of_eight = _claim([], words="tribunal norvik sentence harbour master".split() + ["brandt", "crown", "repay"])
    assert not nearly_same_words(eight, five_of_eight, same_numbers=False)
    assert nearly_same_words(eight, five_of_eight, same_numbers=True)
    # never on fewer than four shared words, however short the sentences
    three = _claim([], words="court sentence mayor".split())
    assert not nearly_same_words(three, three, same_numbers=True)


def _report(published: str, text: str = "The court sat.") -> ArticleAnalysis:
    article = Article(id=published, source="x", text=text, published=published)
    return ArticleAnalysis(article, claims=(Claim(text, 0, len(text), 0),))


@pytest.mark.parametrize("published", ["2025-10-12", "2025-10-12T14:20:00+00:00"])
def test_a_date_only_report_reaches_the_next_day_as_a_same_day_timed_one_does(published):
    # A report of Sunday 12 October, by its date alone or stamped that afternoon, may already be
    # read where it is Monday: a Monday claim is within its reach, so the two may be one misdated event.
    sunday = calendar.timegm((2025, 10, 12, 0, 0, 0))
    analyses = [_report(published), _report("2025-10-13T09:00:00+00:00")]
    features = [_claim([_day(sunday)]), _claim([_day(sunday + DAY)])]
    assert not other_occasions(analyses, [(0, 0), (1, 0)], features, 0, 1)
    # A Tuesday claim is out of its reach either way.
    features = [_claim([_day(sunday)]), _claim([_day(sunday + 2 * DAY)])]
    assert other_occasions(analyses, [(0, 0), (1, 0)], features, 0, 1)
