"""A short neutral brief built from source sentences, every sentence cited to its evidence: which
facts it states, in what order, each adding to the ones before it.  How a fact's wording and
citations are chosen is ``fact_citations``; how its sentences read, ``brief_sentences``."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Mapping, Sequence

from synopsis.compare.brief_sentences import dispute_sentence, fact_sentence
from synopsis.compare.consensus import repeated_from
from synopsis.compare.fact_citations import cite_supported, fact_witnesses, number_claims
from synopsis.compare.independence import OriginInfo
from synopsis.compare.voices import word_overlap
from synopsis.facts.dates import DAY_SPAN, context_dates, main_day, sentence_bounds
from synopsis.facts.intervals import Interval
from synopsis.facts.support import SupportCheck, names_actor
from synopsis.facts.words import content_words
from synopsis.link.entities import EntityResolution
from synopsis.records import AlignedClaim, ArticleAnalysis, BriefSentence, Claim, Dispute, Evidence

MAX_FACTS = 6
MAX_DISPUTES = 4
# Two facts whose sentences share more than half their content words say the
# same thing twice; the brief keeps the first.
REDUNDANT_OVERLAP = 0.5
# A sentence enters the brief only if it says something the sentences already chosen do not. It
# repeats one of them when the two are alike in meaning (embedding cosine) and everything it states
# (numbers, dates, numbered episodes, actors) that one states too, and:
# - it dates or numbers the fact (a date, an episode, a number): sharing those, the two report
#   one event; on the reference corpus the three opening sentences saying the delegations met in
#   Istanbul for the third round on July 23 are 0.55-0.68 alike;
# - it names only actors, and is closer still (SAME_STATEMENT_SIMILARITY): actors recur across a
#   story's facts, so "Zelensky confirmed the prisoner exchange" (0.55 alike to a sentence naming
#   Zelensky about a ceasefire) is new, "Putin decided not to attend" (0.61 alike to "Putin is not
#   attending") is not;
# - it states none of these, and that sentence gives most of its own words (COVERED_WORDS).
SAME_TOPIC_SIMILARITY = 0.5
SAME_STATEMENT_SIMILARITY = 0.6
COVERED_WORDS = 0.6


def _date_given(date: Interval, others: Sequence[Interval]) -> bool:
    """Whether another date already says this one, at least as precisely ("July 23" is not given by "July")."""
    return any(o.low < date.high and date.low < o.high and o.high - o.low <= date.high - date.low for o in others)


def repeats(new: Evidence, earlier: Evidence, similarity: float, check: SupportCheck) -> bool:
    """Whether a sentence says nothing an earlier one, this alike in meaning, does not say."""
    if similarity < SAME_TOPIC_SIMILARITY:
        return False
    stated, given = check.statement(new), check.statement(earlier)
    if any(not any(a.given_by(b) for b in given.amounts) for a in stated.amounts):
        return False
    if any(not _date_given(d, given.dates) for d in stated.dates):
        return False
    if set(stated.episodes) - set(given.episodes):
        return False
    context = check.context(earlier)
    if any(not names_actor(actor, context) for actor in stated.actors):
        return False
    if stated.amounts or stated.dates or stated.episodes:
        return True
    if stated.actors:
        return similarity >= SAME_STATEMENT_SIMILARITY
    return check.shared_words(new, earlier) >= COVERED_WORDS


def _day_rank(claim: AlignedClaim, day: Interval | None, claims_at: dict[tuple[str, int], tuple[ArticleAnalysis, Claim]]) -> int:
    """0 when an outlet dates the fact to the story's main day; 2 when every outlet's report
    of it is dated away from that day (background on an earlier round, say); else 1."""
    if day is None:
        return 1
    all_away = True
    for evidence in claim.evidence:
        found = claims_at.get((evidence.article_id, evidence.start))
        # A deadline in the sentence ("proposed a summit by the end of August") is no day of the fact.
        dates = context_dates(*found, deadlines=False) if found is not None else []
        overlapping = [d for d in dates if d.low < day.high and day.low < d.high]
        if any(d.high - d.low <= DAY_SPAN for d in overlapping) or (found and _names_day_without_year(*found, day)):
            return 0
        all_away = all_away and bool(dates) and not overlapping
    return 2 if all_away else 1


def _names_day_without_year(analysis: ArticleAnalysis, claim: Claim, day: Interval) -> bool:
    """Whether the claim's sentence gives the main day's month and day with no year ("on July 23"
    in an undated article, whose dates extraction could not place in a year)."""
    start, end = sentence_bounds(analysis, claim)
    month_day = datetime.fromtimestamp(day.low, timezone.utc).strftime("-%m-%d")
    return any(
        t.start >= start and t.end <= end and t.value.startswith("XXXX-") and t.value[4:] == month_day
        for t in analysis.times
    )


def _position(claim: AlignedClaim, lengths: dict[str, int]) -> float:
    """How early the fact comes in the articles that report it (leads state the main facts)."""
    return min(e.start / max(lengths.get(e.article_id, 1), 1) for e in claim.evidence)


# A fact is a lead when an outlet states it in its first sentences (the second allows for a
# dateline or a kicker line) and at least two outlets carry it.
LEAD_SENTENCES = 2


def _in_lead(claim: AlignedClaim, claims_at: dict[tuple[str, int], tuple[ArticleAnalysis, Claim]]) -> bool:
    if len(claim.sources) < 2:
        return False
    for evidence in claim.evidence:
        found = claims_at.get((evidence.article_id, evidence.start))
        if found is not None and found[1].sentence < LEAD_SENTENCES:
            return True
    return False


def established(claim: AlignedClaim) -> bool:
    """Whether independent origins, two at least, report the fact (not one original repeated)."""
    return len(claim.independent_sources) >= 2


def write_brief(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[AlignedClaim],
    disputes: Sequence[Dispute] = (),
    max_facts: int = MAX_FACTS,
    resolution: EntityResolution | None = None,
    embedder=None,
    origins: Mapping[str, OriginInfo] | None = None,
) -> list[BriefSentence]:
    """Corroborated facts (and facts several outlets carry from one original, said to be so) in
    source wording, each cited only to the reports that support it and each adding information to
    the ones before it, then the disputed points with every version. ``resolution`` (optional)
    tells who a mention is across spellings; ``embedder`` (default: the claim model) how alike
    two sentences are in meaning; ``origins`` (find_origins, optional) whose witness each report
    is, so a sentence counts the independent origins of the reports it cites (without them, the
    outlets its fact's label counted)."""
    kinds = {a.article.outlet.name: a.article.outlet.kind for a in analyses if a.article.outlet}
    check = SupportCheck({a.article.id: a for a in analyses}, resolution)
    lengths = {a.article.id: len(a.article.text) for a in analyses}
    day = main_day(analyses)
    claims_at = {(a.article.id, c.start): (a, c) for a in analyses for c in a.claims}
    # Facts two independent outlets report, and facts several outlets carry from one original
    # (wire copy): the main event is often the latter, and the brief says it is one source.  A
    # disputed fact comes in only as what it says besides its disputed values (``cite_supported``).
    candidates = [c for c in claims
                  if c.evidence and (c.status in {"corroborated", "disputed"} or repeated_from(c))]
    day_rank = {c.id: _day_rank(c, day, claims_at) for c in candidates}
    lead = {c.id: _in_lead(c, claims_at) for c in candidates}
    # Each fact as the brief can state it, counted by the origins of the reports it cites: when
    # only a wire report and its reprints support the wording, the sentence is that one origin's.
    by_id, numbers = {a.article.id: a for a in analyses}, number_claims(analyses)
    labelled = {c.id: c for c in candidates}
    stated = [cited for c in candidates
              if (cited := cite_supported(c, kinds, check, fact_witnesses(c, by_id, origins, numbers), disputes))
              is not None]
    # The event's own facts first, background dated to other days (earlier rounds) last; among
    # them what several outlets open with (the event itself), facts independent outlets establish
    # before one original's, then the best corroborated. A fact of one origin competes for a place
    # only as a lead: the main event may reach a story as wire copy alone.
    ranked = sorted(
        stated,
        key=lambda c: (not (established(c) or lead[c.id]), day_rank[c.id], not lead[c.id], not established(c),
                       -len(c.independent_sources), -len(labelled[c.id].sources),
                       _position(labelled[c.id], lengths)),
    )
    chosen: list[AlignedClaim] = []
    seen_words: list[frozenset[str]] = []
    for cited in ranked:
        full = len(chosen) == max_facts
        if full and all(established(c) for c in chosen):
            break
        if full and not established(cited):
            continue  # full: a further fact may only take the place of one origin's telling of it
        wording = cited.evidence[0]
        words = content_words(wording.text)
        said = {i for i, other in enumerate(seen_words) if word_overlap(words, other) > REDUNDANT_OVERLAP}
        if chosen:
            if embedder is None:
                from synopsis.extract.embed import Embedder

                embedder = Embedder.load()
            # The embedder remembers each text's vector: the chosen ones are computed once.
            *before, vector = embedder.embed([c.evidence[0].text for c in chosen] + [wording.text])
            said |= {i for i, (c, v) in enumerate(zip(chosen, before))
                     if repeats(wording, c.evidence[0], float(vector @ v), check)}
        if said:
            # Said already: the fact enters only in place of one origin's telling of it, when
            # independent outlets establish it.
            if not established(cited) or any(established(chosen[i]) for i in said):
                continue
            chosen = [c for i, c in enumerate(chosen) if i not in said]
            seen_words = [w for i, w in enumerate(seen_words) if i not in said]
        elif full:
            continue
        chosen.append(cited)
        seen_words.append(words)
    # What independent outlets establish leads; a fact of one origin, said to be so, never comes
    # before it (an outlet repeating another is no second witness, however early it states it).
    chosen.sort(key=lambda claim: (not established(claim), day_rank[claim.id], _position(claim, lengths)))

    brief = [fact_sentence(claim, labelled[claim.id], by_id, check, disputes) for claim in chosen]
    brief += [dispute_sentence(dispute) for dispute in list(disputes)[:MAX_DISPUTES]]
    return [sentence for sentence in brief if sentence.citations]
