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
- Some values are keyed by what they are rather than by their unit: a penalty ("sentenced to
  seven years in prison", "a two-year ban") by its kind and the person given it, whose day may be
  misreported by a day or a few; a magnitude ("a magnitude 6.4 earthquake") by its event; a
  percentage named by what it measures ("turnout was 58.7 percent"); a fine by its currency; and
  the whole in "52 of the 141 seats" is a slot of its own, not a rival tally of the part.
- A sum of money is keyed by its currency and what it is the value of, by the noun or verb frame
  it stands in (a price: "a fee of", "buy X for", "a deal worth"; revenue, profit, a salary, a
  price per share); a percentage by a premium or stake or the rise or fall of a named measure
  ("revenue rose 8 percent"); a duration by the agreement it is the term of ("a five-year
  contract"); a count of jobs lost by that, whatever the verb. Sums are never converted, so a
  conversion ("€4.2bn ($4.6bn)") is a value in another unit, and a sum "plus up to" another is
  the range the two make.
- A physical measure (a speed, a length, a weight) is keyed by its base unit and what it measures,
  named by the noun or adjective around it ("winds reached 140 km/h", "gusts of up to 150 km/h",
  "8-metre waves", "waves 8 metres high"): the wind speed and the gusts are two values.
- An outlet that gives two versions of one slot (a part and its whole, an update, a correction)
  is on neither side: it does not disagree with itself.
- A count that sources estimate apart (the crowd at a protest or match, whatever the verb or noun:
  "15,000 took part in the march", "police estimated the crowd at 15,000", "the organisers put the
  figure at 60,000"; the share of a workforce on strike) is one slot per story and day, compared
  across a wider spread (``dispute_slots.ESTIMATE_RATIO``), and each value is its source's: an
  outlet giving the police's figure and the organisers' gives two versions, each shown with whom
  it is given to; "about 15,000" and "about 20,000" are two estimates, not one.

A dispute is dated by the day its claims themselves state, else by the story's main day; the dates
near a value help keep slots apart, but they often belong to a recalled earlier round.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synopsis.compare.dispute_facts import Member, collect_facts, holder_names, list_members, person_names
from synopsis.compare.dispute_slots import group_slots
from synopsis.compare.dispute_versions import build_dispute
from synopsis.facts.dates import StoryDays
from synopsis.facts.intervals import Interval
from synopsis.compare.name_disputes import current_titles, find_name_disputes, find_title_disputes
from synopsis.records import ArticleAnalysis, Dispute, StoryEntity

# Re-exported so that callers keep importing these names from this module.
from synopsis.ingest.outlets import outlet_name as name_outlet  # noqa: F401
from synopsis.facts.dates import (  # noqa: F401
    clock_intervals as _clock_intervals,
    DATE_LOOKBACK_SENTENCES,
    RECENT_DAYS,
    SECTION_LOOKBACK,
    states_date,
    UNDATED_KINDS,
    UTC_ZONES,
)
from synopsis.facts.tallies import classify_predicate  # noqa: F401
from synopsis.facts.keys import (  # noqa: F401
    EPISODE_CLASSES,
    EVENT_CLASSES,
    FRAME_WINDOW_AFTER,
    FRAME_WINDOW_BEFORE,
    IRREGULAR_PLURALS,
    lemmatize_noun,
    ORDINALS,
    PREDICATE_CLASSES,
    STOP_WORDS,
)
from synopsis.compare.dispute_slots import COUNT_RATIO  # noqa: F401
from synopsis.compare.dispute_versions import EARLIER_GAP, PARTICIPLES, PREDICATE_WORDS, STALE_GAP  # noqa: F401
from synopsis.compare.name_disputes import FORMER  # noqa: F401


def find_disputes(
    groups: Sequence[Any],
    analyses: Sequence[ArticleAnalysis],
    entities: Sequence[StoryEntity] | None = None,
    day_rivals: Sequence[tuple[Member, Member]] = (),
) -> list[Dispute]:
    """Find slots that outlets fill with incompatible values; every version keeps its outlets and evidence.

    ``groups`` are aligned claim groups, each a sequence of ``(article_id, claim_index)`` members
    (or an object with such a ``members`` attribute). ``entities`` (optional) are the resolved
    story entities, whose titles and findings give name and office disputes.  ``day_rivals``
    are claims told alike but for their days (``link.align.day_rivals``), whose days are compared.
    """
    group_of: dict[Member, int] = {}
    for number, group in enumerate(groups):
        for member in list_members(group):
            group_of.setdefault(member, number)
    facts = collect_facts(analyses, group_of, person_names(entities), holder_names(entities, analyses))
    story_days = StoryDays(analyses)
    story_day = story_days.main
    by_id = {a.article.id: a for a in analyses}
    days: dict[frozenset[str], Interval | None] = {}
    disputes = []
    for slot in group_slots(facts, day_rivals):
        # Dated by the slot's own reports: in a story merged from two events' coverage, the main
        # day is the other event's for the facts only the second event's reports give.
        ids = frozenset(f.article.id for f in slot)
        if ids not in days:
            days[ids] = story_days.of_reports([by_id[i] for i in sorted(ids) if i in by_id])
        dispute = build_dispute(slot, days[ids])
        if dispute is not None:
            disputes.append(dispute)
    for entity in entities or ():
        disputes.extend(find_name_disputes(entity))
        disputes.extend(find_title_disputes(current_titles(entity, analyses, story_day)))
    return order_disputes(disputes)


def order_disputes(disputes: Sequence[Dispute]) -> list[Dispute]:
    """Most widely reported disagreements first (then by kind and point, for a stable order)."""
    return sorted(disputes, key=lambda d: (-len({o for v in d.versions for o in v.sources}), d.kind, d.what))
