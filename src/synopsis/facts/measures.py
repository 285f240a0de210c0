"""What one value in a sentence is the value of: the one reading of a number's slot that disputes
(``compare.dispute_facts``) and the test of other numbers (``compare.other_numbers``) both key by,
so a report never disputes a value the other test reads as something else. What needs more than
the sentence (a currency conversion after a sum, add-ons to it, a whole another count is part of,
a figure given after a crowd count) is left to the caller, which has the article."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from synopsis.facts.keys import FINE, PENALTY, is_fine_at, lemmatize_noun, measured_noun, penalty_at
from synopsis.facts.keys_crowd import (
    ATTENDANCE,
    AUDIENCE_NOUNS,
    PARTICIPATION,
    is_crowd_at,
    is_crowd_part_at,
    is_strike_participation_at,
)
from synopsis.extract.vote_splits import VOTE_SPLIT, voting_body
from synopsis.facts.currency_names import is_currency_noun
from synopsis.facts.emergency_counts import DEPLOY, EVACUATE, is_deployment, is_forced_from_homes
from synopsis.facts.keys_money import (
    JOB_CUTS,
    TERM,
    is_currency,
    is_job_cut_at,
    money_measure_at,
    percent_measure_at,
    term_at,
)
from synopsis.facts.keys_physical import physical_measure_at
from synopsis.facts.tallies import HOLDER_LABELS, classify_predicate, holder_at
from synopsis.records import ArticleAnalysis

Names = Sequence[tuple[int, int, str]]  # (start, end, story name) of the mentions of an article


@dataclass(frozen=True, slots=True)
class Slot:
    """What a value is of, as far as its sentence says."""

    noun: str | None  # the lemma of what is counted ("person"; "audience" of a crowd, "job" of job cuts)
    predicate: str | None  # the class of what happened to it ("die", ``ACQUIRE``, ``FINE``, ``PENALTY``, ``TERM``)
    # What an amount is the value of ("price", "stake", "turnout", "wind speed", ``PARTICIPATION``);
    # of a penalty, its kind ("prison"); of a term, the agreement ("contract"). None when unnamed.
    measure: str | None = None
    cue: int | None = None  # a penalty: where the words giving it begin in the sentence


# Words that name a count, not what it counts: "the number of people evacuated has risen to 3,400"
# counts people, whatever the extractor read as its noun. Such a count names no noun, and agrees
# with the noun another outlet gives.
COUNT_WORDS = frozenset({"number", "total", "figure", "tally", "count"})


def counted_lemma(counted: str | None) -> str | None:
    """The head noun of what a quantity counts: "prisoners of war" and "prisoners" count the same
    people; None for a word that names the count itself (``COUNT_WORDS``)."""
    noun = lemmatize_noun(re.split(r"\s+of\s+", counted)[0]) if counted else None
    return None if noun in COUNT_WORDS else noun


def measure_at(sentence: str, position: int, value_end: int, unit: str | None, counted: str | None,
               lemma: str | None, timed: bool = False) -> Slot:
    """The slot of the value at ``position`` to ``value_end`` of the sentence (its hedge included),
    in base ``unit`` (None or "count" for a count), counting ``counted`` (as extracted), with
    predicate ``lemma``; ``timed``: the value is a length of time.

    A length of time is a penalty's or an agreement's term, when words say so. A count is a fine, a
    crowd, or jobs lost whatever its verb. An amount is the value of the measure it names, which
    comes before the verb: "took a 30 percent stake" is a stake, "shares gained 4.1 percent" a rise
    of shares, and only a percentage naming none is a share won ("won 22.8 percent")."""
    noun = counted_lemma(counted)
    if unit == VOTE_SPLIT:
        # The split of the story's vote by the body the sentence names (its noun), whatever other
        # words surround it: a committee's vote and a parliament's are two, one naming no body may
        # be either.
        return Slot(voting_body(sentence, position, value_end), None, "vote")
    if timed:
        if (penalty := penalty_at(sentence, position, value_end)) is not None:
            return Slot(noun, PENALTY, penalty[0], penalty[1])
        if (term := term_at(sentence, position, value_end)) is not None:
            return Slot(noun, TERM, term)
        return Slot(noun, classify_predicate(lemma, sentence, position, timed, noun))
    predicate = classify_predicate(lemma, sentence, position, noun=noun,
                                   money=is_currency(unit) or is_currency_noun(counted))
    if unit in {None, "count"}:
        if is_fine_at(sentence, position, value_end):
            return Slot(noun, FINE)
        if is_crowd_part_at(sentence, value_end):
            return Slot(noun, predicate)  # "3,000 away fans": a part of the crowd, a count of its own noun
        if noun in AUDIENCE_NOUNS or is_crowd_at(sentence, position, value_end, noun, lemma):
            return Slot(ATTENDANCE[1], ATTENDANCE[0])
        if is_job_cut_at(sentence, position, value_end, noun):
            return Slot(JOB_CUTS[1], JOB_CUTS[0])
        if is_currency_noun(counted):
            # A sum in a currency read as a count of its noun ("repay 2.4 million dinars"): keyed by
            # what the sum is, as sums are, so "return" (an exchange of people) and "repay" meet.
            return Slot(noun, money_measure_at(sentence, position, value_end) or predicate)
        if is_deployment(lemma, noun):
            return Slot(noun, DEPLOY)  # "working on the fire line", "fighting the fire", "deployed": one count
        if is_forced_from_homes(lemma, sentence):
            return Slot(noun, EVACUATE)  # "forced 1,200 people to leave their homes": evacuated
        return Slot(noun, predicate)
    measure = None
    if unit == "percent":
        if is_strike_participation_at(sentence, position, value_end):
            measure = PARTICIPATION  # "41 percent of teachers had joined the strike": of the strike
        elif noun is None:
            measure = measured_noun(sentence, position) or percent_measure_at(sentence, position, value_end)
    elif is_currency(unit):
        if is_fine_at(sentence, position, value_end):
            predicate = FINE
        if noun is None:
            measure = money_measure_at(sentence, position, value_end)
    elif noun is None:
        measure = physical_measure_at(sentence, position, value_end, unit)
    return Slot(noun, predicate, measure)


def tally_holder(analysis: ArticleAnalysis, start: int, end: int, position: int, names: Names = ()) -> str | None:
    """Who the tally at ``position`` (in the article) of the passage ``start`` to ``end`` went to
    (``tallies.holder_at``), among the parties, people and groups the tagger found there and the
    mentions ``names`` gives: their story name in ``names``, else as written; None when the passage
    names no one it could have gone to."""
    text = analysis.article.text
    spans = [(low - start, high - start)
             for low, high in [*((e.start, e.end) for e in analysis.entities if e.label in HOLDER_LABELS),
                               *((low, high) for low, high, _ in names)]
             if start <= low and high <= end]
    found = holder_at(text[start:end], position - start, spans)
    if found is None:
        return None
    low, high = found[0] + start, found[1] + start
    for name_start, name_end, name in names:
        if name_start <= low and high <= name_end:
            return name
    return " ".join(text[low:high].split())


__all__ = ["Slot", "counted_lemma", "measure_at", "tally_holder"]
