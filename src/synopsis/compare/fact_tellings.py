"""Whether an outlet tells a fact that alignment did not put its sentences with: in another version
(another number, day or office), with added detail, with other numbers, or in other words; an
outlet that does is not said to leave the fact out (``coverage.describe_coverage``)."""

from __future__ import annotations

import dataclasses
import re
from typing import Sequence

import numpy as np

from synopsis.compare.disputed_wording import points_given
from synopsis.compare.frame_agents import agent_person
from synopsis.compare.other_numbers import CountedAmount, measure_agreement, measure_conflict, passage_amounts
from synopsis.compare.percent_moves import percent_moves, same_moves
from synopsis.compare.relative_clauses import set_off_clauses
from synopsis.extract.embed import embed_texts
from synopsis.facts.dates import DAY_SPAN, dates_in
from synopsis.facts.support import (MIN_SHARED_WORDS, MIN_SHARED_WORDS_WITH_NUMBERS, Actor, Context, Statement,
                                    SupportCheck, dated_apart, episode_conflict, names_actor)
from synopsis.facts.words import content_stems, long_words, stem
from synopsis.link.actors import modalities_clash, same_name
from synopsis.link.names import fold
from synopsis.records import AlignedClaim, ArticleAnalysis, Claim, Dispute, Evidence

# A sentence alignment did not put with a fact tells it, with added detail, when the support check
# accepts it as a citation and it gives at least this share of the fact's own words (weighted as
# the check weighs them). The check's own floor (``MIN_SHARED_WORDS``) is for reports alignment
# already found to be about the fact; over every sentence of an outlet it also accepts another
# remark of the same speaker. Measured on the omissions of the reference corpus, the ferry and fire
# benchmarks and three QA stories: the sentence that told the fact with more ("the defence would
# appeal" / "would appeal within the 30 days allowed by law") gave all of its words, the other
# remarks at most half ("the town was in mourning" / "the town would hold a vigil", 0.50).
TELLS_WITH_DETAIL_WORDS = 0.75
# A sentence giving a fact's measure another number is not anchored to the fact by its numbers, as
# a citation is (``MIN_SHARED_WORDS_WITH_NUMBERS``, half the words): it must name someone the fact
# names, or, where the fact names no one, give twice the words a sentence without numbers must
# ("pauses lasting 24 to 48 hours" / "the talks, which lasted less than an hour" share 0.16 of
# their words and name no one).
UNANCHORED_WORDS = 2 * MIN_SHARED_WORDS
# A sentence of an outlet whose embedding (``extract.embed``, MiniLM, unit vectors) is at least this
# close to a report of a fact that gives no number tells the fact in other words or contradicts it:
# either way the outlet does not leave it out. Measured on the QA stories of round 22 and the
# near misses of this module's tests: an outlet's own telling of a fact it was said to leave out
# scored 0.68 to 0.76 ("the seatbelt sign was off" / "the seatbelt sign had been switched on",
# 0.68; "Ostrand ... was triumphant" / "Ostrand welcomed the decision", 0.76), a sentence on
# something else about the same people at most 0.56 ("Ivan Petrenko opened a hospital in Dorn" /
# "led the delegation to Velm", 0.557; "a deal brokered by Oman" / "thanked Oman for its
# mediation", 0.37). Numbers are where embeddings fail: "left 40 people injured in the old quarter"
# scores 0.72 against "left 200 people homeless in the old quarter", so a report with numbers is
# told only by the same number of the same thing (``_same_values``); and a sentence on the same
# subject may score as high ("Ukraine's delegation is headed by Rustem Umerov" / "Umerov proposed a
# summit", 0.72 on the reference corpus), so the sentence must also give the report's words.
SAME_FACT_COSINE = 0.6
# A sentence that names everyone a report without numbers names (and no one else by their names)
# is anchored to it as ``tells_fact`` anchors one, so it need give only the words a citation gives
# (``MIN_SHARED_WORDS``, not ``UNANCHORED_WORDS``), if it is this close in meaning: "Arvid Lenz and
# Joel Maarten ... could not escape the smoke" for "Arvid Lenz and Joel Maarten were unable to
# reach the stairs through the smoke" (0.79, giving 0.17 of its words); a sentence on something
# else about the same person stays out ("Ukraine's delegation is headed by Rustem Umerov" for
# "Umerov proposed a summit by the end of August", 0.72, the highest of the near misses above).
NAMED_SAME_FACT_COSINE = 0.75
# An undated report continues the day its article last gave, a sentence or two before it ("The
# fire broke out ... on March 14, 2025, ... The two workers ... died of smoke inhalation."): its
# day is that one, not the days its report covers (``Statement.recent``), which would set another
# outlet's "died of smoke inhalation ... on March 14, 2025" apart from it in a report of the trial.
NARRATIVE_SENTENCES = 2


def outlet_name(analysis: ArticleAnalysis) -> str:
    outlet = analysis.article.outlet
    return outlet.name if outlet else "unidentified"


def told_otherwise(claim: AlignedClaim, disputes: Sequence[Dispute], check: SupportCheck) -> set[str]:
    """The outlets that tell the claim's fact in another version: another number, day or time for
    it, or another office for someone in it.

    A report of the fact gives a version of a disputed point; alignment keeps facts with
    incompatible values apart, so an outlet giving another version of that point is not among
    the fact's reports, yet it does not leave the fact out: it contradicts it, and the dispute
    shows that ("Three workers were injured" against another outlet's "Four workers were hurt").
    The outlet counts when a sentence of its that gives a version tells the report's fact: for a
    value, one sharing as much of the report's words as a citation with numbers must (the
    sentence of the version, not another fact of the outlet's that happens to give the toll);
    for an office, which belongs to a person named in many facts, one the support check would
    accept but for the office it gives (``SupportCheck.office_problem`` is its one objection:
    "Council Secretary X, who led the delegation, said ..."). An outlet that only names the man
    otherwise, or gives the value in a sentence about something else, still leaves the fact out.
    """
    outlets = set()
    # A report may be a longer sentence that also gives another value ("the alliance took 23.4
    # percent and 32 seats, and the Liberal Movement 11.5 percent"): a version of that value is
    # no version of the claim's fact unless the sentence the claim shows gives one too. (An
    # office is checked against the report itself, below.)
    shown = next((e for e in claim.evidence if e.text == claim.text), None)
    points_shown = set(points_given(shown, disputes, check)) if shown is not None else None
    for report in claim.evidence:
        for number in points_given(report, disputes, check):
            dispute = disputes[number]
            if dispute.kind != "title" and points_shown is not None and number not in points_shown:
                continue
            for version in dispute.versions:
                for mention in version.evidence:
                    if mention.outlet in outlets or mention.article_id not in check.analyses:
                        continue
                    if dispute.kind != "title":
                        if check.shared_words(report, mention) >= MIN_SHARED_WORDS_WITH_NUMBERS:
                            outlets.add(mention.outlet)
                        continue
                    found = check.problem(report, mention)
                    if found is not None and found == check.office_problem(report, mention):
                        outlets.add(mention.outlet)
    return outlets


class SentencesByWord:
    """An outlet's sentences by the words the support check reads in them (``content_stems`` of
    ``SupportCheck.context``): a sentence sharing no word with a fact cannot tell it, and a story
    of 200 articles asks of each of its outlets about hundreds of facts."""

    def __init__(self, outlet_articles: Sequence[ArticleAnalysis], check: SupportCheck):
        self.spans: list[tuple[ArticleAnalysis, Evidence]] = []
        self.by_word: dict[str, list[int]] = {}
        for analysis in outlet_articles:
            for sentence in analysis.sentences:
                span = Evidence(analysis.article.id, outlet_name(analysis), sentence.start, sentence.end, sentence.text)
                for word in content_stems(check.context(span).text):
                    self.by_word.setdefault(word, []).append(len(self.spans))
                self.spans.append((analysis, span))

    def sharing(self, words: frozenset[str]) -> list[tuple[ArticleAnalysis, Evidence]]:
        """The sentences that give one of the words at least, in reading order (all of them for no
        words: the support check takes a fact with no words of its own as given by any sentence)."""
        if not words:
            return list(self.spans)
        found = sorted({index for word in words for index in self.by_word.get(word, ())})
        return [self.spans[index] for index in found]


def tells_fact(claim: AlignedClaim, outlet_articles: Sequence[ArticleAnalysis], check: SupportCheck,
               sentences: SentencesByWord | None = None) -> bool:
    """Whether one of the outlet's sentences tells the claim's fact, though alignment did not put
    it with the fact's reports: with added detail, with its numbers in other words, or with other
    numbers, whether or not a dispute was found for them.

    A sentence tells a report of the fact with added detail when the support check accepts it
    and it gives most of the report's own words (``TELLS_WITH_DETAIL_WORDS``: "the defence would
    appeal" in "said he would appeal within the 30 days allowed by law"). It tells it with other
    numbers when it gives, for something the report measures, none of the report's numbers
    (``other_numbers.measure_conflict``: "sentenced to nine years" for "to seven years") and the
    support check would take it but for its numbers and its day, within a few days (outlets that
    give a fact another number often give it another day too, ``_days_near``): as many of the
    report's words as a sentence without numbers must give (``MIN_SHARED_WORDS``), no other
    numbered episode, and someone the report names, while naming no one else by the name of
    someone in it ("Mohammed al-Rashid" for the sentence of his brother "Khaled al-Rashid"); a
    report that names no one needs twice the words instead (``UNANCHORED_WORDS``). It tells it with
    its numbers in other words when, so anchored, it gives the report's number for something the
    report measures and another for nothing it measures (``other_numbers.measure_agreement``:
    "was jailed for 4 years" for "was sentenced to four years", "took 31 seats" for "came second
    with 31 seats"): the number of the same measure anchors it as another number does, so it need
    not give most of the report's words, nor name everyone the report names (the support check's
    demand, which "the Blue Party of Premier Ana Lutz" fails against "the Blue Party took"). A move in
    percent of the same named thing, the same way, anchors it too, whatever verb gives the move
    (``percent_moves``: "Haldor slipped 3 percent" for "Haldor's shares fell 3 percent").
    ``sentences``: the outlet's sentences indexed by word, when already made.
    """
    sentences = sentences or SentencesByWord(outlet_articles, check)
    for report in claim.evidence:
        if report.article_id not in check.analyses:
            continue
        stated = check.statement(report)
        numbers = None
        for analysis, span in sentences.sharing(stated.words):
            shared = check.shared_words(report, span)
            if shared < MIN_SHARED_WORDS:
                continue
            context = check.context(span)
            if episode_conflict(stated.episodes, context.episodes) is not None:
                continue
            if stated.actors and (any(_names_another(actor, context) for actor in stated.actors)
                                  or not any(_names(actor, context) for actor in stated.actors)):
                continue
            # A report naming no one passes the names above; its frame's doer, resolved as
            # ``restates_fact`` resolves it, still tells another person's act apart ("He proposed
            # that the summit be held by the end of August", he: Umerov, against "Erdogan proposed
            # that the two presidents hold a summit by the end of August").
            if _other_frame(check.analyses[report.article_id], report, analysis, span):
                continue
            if shared >= TELLS_WITH_DETAIL_WORDS and check.supports(report, span):
                return True
            if numbers is None:
                numbers = passage_amounts(check.analyses[report.article_id], report.start, report.end)
            if not numbers or not (stated.actors or shared >= UNANCHORED_WORDS):
                continue
            theirs = passage_amounts(analysis, span.start, span.end)
            told = (measure_conflict(numbers, theirs) or measure_agreement(numbers, theirs)
                    or same_moves(percent_moves(check.analyses[report.article_id], report.start, report.end),
                                  percent_moves(analysis, span.start, span.end)))
            if told and _days_near(stated, context):
                return True
    return False


class SentenceVectors:
    """An outlet's sentences (those of ``SentencesByWord``, by position) as unit embedding vectors,
    made the first time a fact is about to be listed as left out by the outlet (most outlets of a
    story are never asked)."""

    def __init__(self, sentences: SentencesByWord):
        self.sentences = sentences
        self._vectors: np.ndarray | None = None
        self._rows: dict[int, int] = {id(span): row for row, (_, span) in enumerate(sentences.spans)}
        self._probes: dict[str, np.ndarray] = {}

    def cosine(self, text: str, span: Evidence) -> float:
        """The cosine between ``text`` and one of the outlet's sentences."""
        if self._vectors is None:
            self._vectors = _unit_rows(embed_texts([span.text for _, span in self.sentences.spans]))
        if (probe := self._probes.get(text)) is None:
            probe = self._probes[text] = _unit_rows(embed_texts([text]))[0]
        return float(self._vectors[self._rows[id(span)]] @ probe)


def _unit_rows(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


def restates_fact(claim: AlignedClaim, check: SupportCheck, sentences: SentencesByWord,
                  vectors: SentenceVectors) -> bool:
    """Whether the outlet reports the claim's fact in other words, or contradicts it, where
    ``tells_fact`` reads too little of the sentence to say so.

    A report with numbers is told by a sentence giving the same number of the same thing, the same
    thing happening to it (``CountedAmount.same_measure``: "Nine people were injured, including two
    cabin crew" for "Nine people were injured when a Baltica Air flight ... hit severe turbulence"),
    on a day near the report's, with no other episode and as many of its words as a citation with
    numbers gives (``MIN_SHARED_WORDS_WITH_NUMBERS``); it need not name whom the report names, as
    ``tells_fact`` demands of a sentence sharing fewer words. A time of day to the minute is such a
    number (``_clock_times``: "came off the tracks at 7:42 a.m." for "The crash happened at 7:42
    a.m."), and so is every number of a report the support check finds given by a sentence of the
    same meaning (below). A report without numbers is told or
    contradicted by a sentence meaning nearly the same (``SAME_FACT_COSINE``: "the seatbelt sign
    was off" against "had been switched on"), which words do not show: negation and paraphrase
    change them. Not anchored by the names the report gives, which it need not name ("the seatbelt
    sign was off, passengers said" for the airline spokeswoman's words), it must give as many of
    the report's words as a sentence naming no one must (``UNANCHORED_WORDS``; "the seatbelt sign
    was off" gives 0.38), on a day near it, of no other episode: meaning alone takes a sentence on
    the same person or subject for the fact ("Ukraine's delegation is headed by Rustem Umerov" for
    "Umerov proposed a summit by the end of August", 0.72, giving 0.20 of its words). Named by
    everyone the report names, it need give only a citation's words, if closer in meaning
    (``NAMED_SAME_FACT_COSINE``). An undated report is also read as of the day its article gave just
    before it (``_narrative_dates``)."""
    for report in claim.evidence:
        if report.article_id not in check.analyses:
            continue
        numbers = passage_amounts(check.analyses[report.article_id], report.start, report.end)
        clock = _clock_times(check.analyses[report.article_id], report.start, report.end)
        stated = check.statement(report)
        narrative = None
        for analysis, span in sentences.sharing(stated.words):
            shared = check.shared_words(report, span)
            if shared < (MIN_SHARED_WORDS_WITH_NUMBERS if numbers or clock else MIN_SHARED_WORDS):
                continue
            context = check.context(span)
            # Named by everyone the report names, a sentence need give only a citation's words,
            # if it is closer in meaning (``NAMED_SAME_FACT_COSINE``).
            closeness = SAME_FACT_COSINE
            if not (numbers or clock) and shared < UNANCHORED_WORDS:
                if not stated.actors or any(not _names(actor, context) or _names_another(actor, context)
                                            for actor in stated.actors):
                    continue
                closeness = NAMED_SAME_FACT_COSINE
            if episode_conflict(stated.episodes, context.episodes) is not None:
                continue
            if narrative is None:
                narrative = _narrative_dates(check.analyses[report.article_id], report, stated)
            if not (_days_near(stated, context) or _days_near(narrative, context)):
                # A sentence dated apart may date another clause than the one giving the number
                # ("the train had been running at 80 km/h and the track had been inspected in
                # April"): the number's own clause decides (``dates_in`` at the number).
                if numbers and any(_days_near(stated, _dated_at(context, analysis, span, check, same.start))
                                   for same in _same_values(numbers, passage_amounts(analysis, span.start, span.end))):
                    return True
                continue
            if numbers and _same_values(numbers, passage_amounts(analysis, span.start, span.end)):
                return True
            if clock and clock & _clock_times(analysis, span.start, span.end):
                return True
            # Meaning fails on numbers, so a report with numbers is told by a sentence of the same
            # meaning only when that sentence gives every one of them as the report does, which the
            # support check asks ("the law, which gives companies 72 hours to report a breach" for
            # "The law requires companies to report a breach within 72 hours").
            if ((not numbers or check.supports(report, span))
                    and not _other_frame(check.analyses[report.article_id], report, analysis, span)
                    and vectors.cosine(report.text, span) >= closeness):
                return True
    return False


def _narrative_dates(analysis: ArticleAnalysis, report: Evidence, stated: Statement) -> Statement:
    """The statement of an undated report dated to the day its article last gave before it, within
    ``NARRATIVE_SENTENCES`` sentences; the statement itself when dated, or when no such day is given."""
    if stated.dates:
        return stated
    before = [s for s in analysis.sentences if s.end <= report.start][-NARRATIVE_SENTENCES:]
    for sentence in reversed(before):
        if days := dates_in(analysis, sentence.start, sentence.end):
            return dataclasses.replace(stated, dates=tuple(days), recent=None)
    return stated


def _framed_claims(analysis: ArticleAnalysis, start: int, end: int) -> list[Claim]:
    return [c for c in analysis.claims if c.frame is not None and start <= c.start < end]


def _other_frame(report_analysis: ArticleAnalysis, report: Evidence, analysis: ArticleAnalysis, span: Evidence) -> bool:
    """Whether the sentence tells another kind of fact than the report, as the parse reads both:
    a happening against a demand or plan ("Some of the children have already been returned"
    against "Ukraine continues to call for the repatriation of children", 0.65 alike by meaning),
    or one named actor's act against another's. Either without a frame is not told apart."""
    mine = _framed_claims(report_analysis, report.start, report.end)
    theirs = _framed_claims(analysis, span.start, span.end)
    if not mine or not theirs:
        return False
    if _told_in_unframed_clause(mine, theirs, span):
        return False
    return not any(not modalities_clash(_modality(a), _modality(b))
                   and not _other_agents(report_analysis, a, analysis, b)
                   for a in mine for b in theirs)


# "could not" in a report tells what did not happen ("could not escape the smoke": they did not
# escape), as "were unable to" does; the parse reads "could" as a possibility.
_COULD_NOT = re.compile(r"\bcould\s*(?:not|n[’']t|never)\b", re.I)


def _modality(claim: Claim) -> str:
    """The modality of a claim's frame, with a negated "could" read as what happened."""
    frame = claim.frame
    if frame.modality == "possible" and frame.negated and _COULD_NOT.search(claim.text):  # type: ignore[union-attr]
        return "asserted"
    return frame.modality  # type: ignore[union-attr]


def _verb_root(word: str) -> str:
    """A verb's crude stem without its final "e", so that a frame's lemma and the word written in
    a sentence meet ("propose" / "proposed", "give" / "gives")."""
    return stem(word).removesuffix("e")


def _told_in_unframed_clause(mine: Sequence[Claim], theirs: Sequence[Claim], span: Evidence) -> bool:
    """Whether the sentence writes the verb of a report's frame, which none of its own frames has,
    in a clause set off from its main one (``relative_clauses.set_off_clauses``): a participle or
    relative clause that tells the report's event beside what the main clause tells ("The
    communique sets up a border commission, proposed by Prime Minister Reval" for "The commission
    was proposed by Reval"; "the delay broke the law, which gives companies 72 hours to report a
    breach" for "The law requires companies to report a breach"), so the sentence's frames do not
    tell it apart from the report. A verb's word elsewhere ("a call for the return of civilians"
    against "the children have been returned") is no such clause."""
    verbs = {_verb_root(claim.frame.predicate) for claim in mine} - {  # type: ignore[union-attr]
        _verb_root(claim.frame.predicate) for claim in theirs}  # type: ignore[union-attr]
    if not verbs or not verbs & {_verb_root(word) for word in long_words(span.text)}:
        return False  # the sentence is parsed only when it writes one of the verbs
    return any(verbs & {_verb_root(word) for word in long_words(span.text[low:high])}
               for low, high in set_off_clauses(span.text))


def _other_agents(first_analysis: ArticleAnalysis, first: Claim, second_analysis: ArticleAnalysis,
                  second: Claim) -> bool:
    """Whether both claims' doers are named people who are not one (by their names' keys): "He
    proposed that the summit be held" (he, the speaker resolved to Umerov) is not "Erdogan has
    called for both leaders to meet" (``frame_agents.agent_person``)."""
    names = [agent_person(first_analysis, first), agent_person(second_analysis, second)]
    if None in names:
        return False
    return not same_name(*(fold(name) for name in names))  # type: ignore[arg-type]


def _clock_times(analysis: ArticleAnalysis, start: int, end: int) -> frozenset[str]:
    """The times of day to the minute stated between start and end, as TIMEX values with their
    day ("2026-05-14T07:42"). A time to the minute is a number of the fact as a count is: two
    events of one story told at the same minute of the same day are one ("The crash happened at
    7:42 a.m." / "The train came off the tracks at 7:42 a.m."), while an hour ("at 10 a.m.") is
    shared by a news conference and a vote, and is not read as one."""
    return frozenset(time.value for time in analysis.times
                     if time.type == "TIME" and time.precision == "minute" and start <= time.start and time.end <= end)


def _same_values(mine: Sequence[CountedAmount], theirs: Sequence[CountedAmount]) -> list[CountedAmount]:
    """The second passage's numbers that give one of the first's for the same thing."""
    return [b for b in theirs if any(a.same_measure(b) and a.amount.same_as(b.amount) for a in mine)]


def _dated_at(context: Context, analysis: ArticleAnalysis, span: Evidence, check: SupportCheck,
              at: int | None) -> Context:
    """The sentence's context with only the dates of the clause that the number at ``at`` is in."""
    if at is None:
        return context
    return dataclasses.replace(context, dates=tuple(dates_in(analysis, *check.sentence_bounds(span), at=at)))


def _days_near(stated: Statement, context: Context) -> bool:
    """Whether a sentence may tell the fact by its days: it is not dated apart from it
    (``dated_apart``), or both are dated, at most ``DAY_SPAN`` apart ("on Sunday" / "on Monday": a
    version of the day, as outlets giving another number often give)."""
    if dated_apart(stated.dates, stated.recent, context.dates, context.recent) is None:
        return True
    return any(x.low - DAY_SPAN < y.high and y.low - DAY_SPAN < x.high for x in stated.dates for y in context.dates)


def _names(actor: Actor, context: Context) -> bool:
    """Whether the context names the actor: the story entity it resolved to, else its name in any
    spelling (``names_actor``) that is not another entity's."""
    if actor.entity is not None and any(found is actor.entity for found in context.resolved):
        return True
    return names_actor(actor, context) and not _names_another(actor, context)


def _names_another(actor: Actor, context: Context) -> bool:
    """Whether the context names, by the actor's name, a story entity other than the actor's."""
    if actor.entity is None:
        return False
    bare = Actor(actor.text, actor.label)
    return any(found is not actor.entity and names_actor(bare, Context((), (), (), found.name, ()))
               for found in context.resolved)
