"""Which reports a fact of the brief is cited to: the best wording that enough outlets (and
independent origins) support, then only the reports that support it."""

from __future__ import annotations

import dataclasses
from typing import Mapping, Sequence

from synopsis.compare.citations import normalize_name
from synopsis.compare.consensus import find_witnesses, list_citing
from synopsis.compare.disputed_wording import points_given
from synopsis.compare.independence import OriginInfo, Witness, find_independent_origins
from synopsis.compare.neutral_wording import stands_alone, wording_rank
from synopsis.compare.pronoun_antecedents import dangling_pronoun
from synopsis.compare.quoted_wording import gives_words_to_another, speakers_agree, spoken_wording
from synopsis.compare.sentence_parts import first_statements, incidental_points, parts_supported, undisputed_lead
from synopsis.facts.support import SupportCheck
from synopsis.records import AlignedClaim, ArticleAnalysis, Dispute, Evidence

# A fact enters the brief because several outlets carry it; the wording shown must still be carried
# by that many once the reports that do not support it (another number, other actors) are set aside.
MIN_SUPPORTING_OUTLETS = 2
# Each wording tried is checked against every report of the fact, so trying them all costs the
# square of the reports: a fact 200 outlets carry took seconds.  The best few wordings (those that
# read best as a statement, that many outlets' own) decide; in the stories of five to ten outlets
# this does not cut, no fact's wordings past the first few were ever the one shown.
WORDINGS_TRIED = 8


def names_its_people(wording: Evidence, check: SupportCheck, alongside: Sequence[Evidence] = ()) -> bool:
    """Whether the wording, as the brief would show it (``shown_text``: "he said" becomes the
    speaker's name), names whom each "he" or "she" in it stands for (``dangling_pronoun``)."""
    shown = shown_text(wording, check, alongside)
    return shown is not None and dangling_pronoun(shown) is None


def _wordings(claim: AlignedClaim, kinds: dict[str, str]) -> list[Evidence]:
    """The reports of a fact, those whose sentence reads best as a neutral statement of it first."""
    return sorted(claim.evidence, key=lambda evidence: wording_rank(evidence, kinds))


# Where a report stands in its article: (article id, start, end) -> the claim's index.
ClaimNumbers = Mapping[tuple[str, int, int], int]


def number_claims(analyses: Sequence[ArticleAnalysis]) -> ClaimNumbers:
    """Each claim's index in its article, by the span its evidence gives."""
    return {(a.article.id, c.start, c.end): i for a in analyses for i, c in enumerate(a.claims)}


def fact_witnesses(claim: AlignedClaim, analyses: Mapping[str, ArticleAnalysis],
                   origins: Mapping[str, OriginInfo] | None, numbers: ClaimNumbers) -> list[Witness]:
    """The witnesses among a fact's reports, as its label counted them (``consensus.find_witnesses``).

    Without origins, each report whose outlet the label counted is its own witness; the others
    (a reprint the label credited to its original) are none, so a subset of the reports never
    looks more independent than the whole.
    """
    if origins is None:
        counted = {normalize_name(name) for name in claim.independent_sources}
        return [Witness(e.article_id, e.outlet, (e.outlet,)) for e in claim.evidence
                if normalize_name(e.outlet) in counted]
    return find_witnesses([(e.article_id, numbers.get((e.article_id, e.start, e.end))) for e in claim.evidence],
                          analyses, origins)


def origins_cited(evidence: Sequence[Evidence], witnesses: Sequence[Witness]) -> tuple[str, ...]:
    """The independent origins of a fact (among all its reports' ``witnesses``) that some of its
    reports belong to: which reports are one origin is judged over the whole fact, so leaving out
    the report that links two others does not make them independent."""
    cited = {e.article_id for e in evidence}
    return tuple(origin.name for origin in find_independent_origins(witnesses) if origin.article_ids & cited)


def cite_supported(claim: AlignedClaim, kinds: dict[str, str], check: SupportCheck,
                   witnesses: Sequence[Witness] | None = None, disputes: Sequence[Dispute] = ()) -> AlignedClaim | None:
    """The fact as the brief can state it: the best wording first, then only the reports that support it.

    Aligned reports of one fact may differ in a number or in who acted; a wording is kept when
    enough outlets support it, else the next best wording is tried, else the fact is left out.
    A wording independent origins support is preferred to one that only one origin's outlets
    (a wire report and its reprints) support; the fact counts only the origins it cites.
    ``witnesses`` (``fact_witnesses``): whose witness each report is; by default, its outlet's.
    A wording that gives one version of a point in ``disputes`` is not shown: the brief would
    state as fact what outlets dispute (it states the point as disputed instead), unless the point
    is only someone's office (``incidental_points``): then it is tried after the wordings that give
    no version, cited only to reports that give the same office, and shown with a note. Nor is a
    wording shown that joins a statement no other report cited for it gives (``parts_supported``).
    """
    if witnesses is None:
        witnesses = [Witness(e.article_id, e.outlet, (e.outlet,)) for e in claim.evidence]
    # A wording whose speaker is a pronoun nothing resolves says no one's words; one shown as
    # written comes before one whose speaker must be named or whose quotation must be closed.
    candidates = [(w, points_given(w, disputes, check)) for w in _wordings(claim, kinds)
                  if stands_alone(w.text) and names_its_people(w, check, claim.evidence)]
    candidates.sort(key=lambda pair: shown_text(pair[0], check, claim.evidence) != pair[0].text)
    leads = [lead for w, points in candidates
             if points and not incidental_points(points, disputes) and (lead := undisputed_lead(w, disputes, check))
             and shown_text(lead, check, claim.evidence) is not None]
    if claim.status == "disputed":
        # Reports a dispute keeps together may disagree on more than the values it found (a
        # version its extraction missed): only what they say besides their values is stated.
        wordings = leads
    else:
        wordings = [w for w, points in candidates if not points] + [
            w for w, points in candidates if points and incidental_points(points, disputes)] + leads
    found = _state_first_supported(claim, wordings, check, witnesses)
    if found is None or len(found.independent_sources) < 2:
        # No wording is supported whole: each reporter adds a figure or a clause of its own to the
        # fact all of them give ("... exchanged six prisoners in Muscat on Thursday, freeing X after
        # nearly 500 days"). The first statements of those wordings may still be the common account.
        cuts = [cut for w in wordings[:WORDINGS_TRIED] for cut in first_statements(w, check)
                if names_its_people(cut, check, claim.evidence) and not points_given(cut, disputes, check)]
        shorter = _state_first_supported(claim, cuts, check, witnesses)
        if shorter is not None and (found is None or len(shorter.independent_sources) >= 2):
            found = shorter
    return found


def _state_first_supported(claim: AlignedClaim, wordings: Sequence[Evidence], check: SupportCheck,
                           witnesses: Sequence[Witness]) -> AlignedClaim | None:
    """The fact cited to the first of ``wordings`` that independent origins support, else to the
    first that one origin's outlets support (``cite_supported``), else None."""
    one_origin = None
    canonical = check.canonical_name
    # Each wording as written first; then a hedged number ("nearly 300") may be cited to the
    # figures it admits ("296"): the fact is stated less precisely rather than not at all, or
    # rather than as one origin's when independent reports support it only so.
    for wording, hedges in [(w, False) for w in wordings[:WORDINGS_TRIED]] + [(w, True) for w in wordings[:WORDINGS_TRIED]]:
        # (not the sentence a lead was cut from: the same words, cited twice)
        # (nor a report that gives the quoted words to someone else: it is no witness of who said them)
        others = tuple(e for e in claim.evidence if not e.overlaps(wording) and check.supports(wording, e, hedges)
                       and not gives_words_to_another(wording, e, check.analyses, canonical))
        others = _distinct(wording, others)
        if not parts_supported(wording, others, check):
            continue
        sources = tuple(dict.fromkeys(e.outlet for e in (wording,) + others))
        independent = origins_cited((wording,) + others, witnesses)
        if len(sources) < MIN_SUPPORTING_OUTLETS or not independent:
            continue
        # The brief says how many outlets carry a repeated original: only those cited count.
        cited_ids = {e.article_id for e in (wording,) + others}
        cited = dataclasses.replace(
            claim,
            status="corroborated" if len(independent) >= 2 else "single-source",
            sources=sources,
            independent_sources=independent,
            evidence=(wording,) + others,
            citing=list_citing([w for w in witnesses if w.article_id in cited_ids]),
        )
        if len(independent) >= 2:
            return cited
        one_origin = one_origin or cited
    return one_origin


def shown_text(wording: Evidence, check: SupportCheck, alongside: Sequence[Evidence] = ()) -> str | None:
    """The wording as the brief shows it (``quoted_wording.spoken_wording``): its speaker named where
    the source says "he", a quotation cut from a longer one closed and said whose it is; None when
    a speaker it needs cannot be named, or when the fact's other reports (``alongside``) give the
    words to someone else (``speakers_agree``): the name would be cited to them too."""
    canonical = check.canonical_name
    return spoken_wording(wording, check.analyses.get(wording.article_id), canonical,
                          may_name=speakers_agree([wording, *alongside], check.analyses, canonical))


def _distinct(wording: Evidence, others: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """The other reports without repeats: an outlet that prints one sentence twice (an encyclopedia,
    round by round) gives one citation, not two."""
    seen = {(wording.outlet, " ".join(wording.text.split()))}
    kept = []
    for e in others:
        key = (e.outlet, " ".join(e.text.split()))
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return tuple(kept)
