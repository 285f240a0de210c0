"""A short neutral brief built from source sentences, every sentence cited to its evidence."""

from __future__ import annotations

import dataclasses
import re
from datetime import datetime, timezone
from typing import Mapping, Sequence

from synopsis.compare.consensus import describe_repeat, find_witnesses, list_citing, repeated_from
from synopsis.compare.disputed_wording import points_given
from synopsis.compare.citations import normalize_name
from synopsis.compare.independence import OriginInfo, Witness, find_independent_origins
from synopsis.compare.quoted_wording import gives_words_to_another, speakers_agree, spoken_wording
from synopsis.compare.other_numbers import numbers_incompatible, passage_amounts
from synopsis.compare.pronoun_antecedents import dangling_pronoun
from synopsis.compare.relative_clauses import RELATIVE_OPENING, embedded_relatives, set_off_clauses
from synopsis.compare.word_choices import loaded_words
from synopsis.facts.dates import DAY_SPAN, context_dates, main_day, sentence_bounds
from synopsis.facts.intervals import Interval
from synopsis.facts.support import MIN_SHARED_WORDS, MIN_SHARED_WORDS_WITH_NUMBERS, SupportCheck, names_actor
from synopsis.compare.voices import word_overlap
from synopsis.facts.words import content_words
from synopsis.link.entities import EntityResolution
from synopsis.records import AlignedClaim, ArticleAnalysis, BriefSentence, Claim, Dispute, DisputeVersion, Evidence

MAX_FACTS = 6
MAX_DISPUTES = 4
# Sentences longer than this read as paragraphs in a brief; prefer a shorter
# version of the same fact when an outlet gives one.
MAX_WORDS = 45
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
# Outlets whose own reporting is preferred as the wording shown, in this order
# (wire copy is written to be neutral and reusable); every outlet is still cited.
PREFERRED_KINDS = ("wire service", "broadcaster", "newspaper", "independent")
# A fact enters the brief because several outlets carry it; the wording shown must still be carried
# by that many once the reports that do not support it (another number, other actors) are set aside.
MIN_SUPPORTING_OUTLETS = 2
# Each wording tried is checked against every report of the fact, so trying them all costs the
# square of the reports: a fact 200 outlets carry took seconds.  The best few wordings (those that
# read best as a statement, that many outlets' own) decide; in the stories of five to ten outlets
# this does not cut, no fact's wordings past the first few were ever the one shown.
WORDINGS_TRIED = 8


# A sentence that opens with a pronoun or a connective leans on the sentence
# before it in its article; out of context, in a brief, it reads as nonsense.
_DEPENDENT_OPENING = re.compile(
    r"^(?:he|she|they|it|this|that|these|those|his|her|their|its|but|however|also|meanwhile|"
    r"still|yet|then|there|here)\b",
    re.IGNORECASE,
)


def stands_alone(text: str) -> bool:
    """Whether a source sentence can be read without the sentence before it."""
    return not _DEPENDENT_OPENING.match(text.lstrip("“\"'‘ "))


def names_its_people(wording: Evidence, check: SupportCheck, alongside: Sequence[Evidence] = ()) -> bool:
    """Whether the wording, as the brief would show it (``shown_text``: "he said" becomes the
    speaker's name), names whom each "he" or "she" in it stands for (``dangling_pronoun``)."""
    shown = shown_text(wording, check, alongside)
    return shown is not None and dangling_pronoun(shown) is None


# A party's own announcement ("X is delighted to announce the signing of ...", "we are proud to
# confirm"): the words of a press release, which cheer what they tell. The brief states a fact in
# a neutral wording when any report gives one; such a sentence is its last choice. Hand-written:
# the word-choice families (word_families.yaml) are stances on what a thing is called, not this.
_PROMOTIONAL = re.compile(
    r"\b(?:is|are|am|was|were|be|been|being|feel|feels|felt)\s+(?:very\s+|so\s+|extremely\s+|truly\s+)?"
    r"(?:delighted|thrilled|proud|pleased|excited|honou?red|happy|overjoyed)\s+to\s+"
    r"(?:announce|confirm|welcome|unveil|introduce|present|share|report|reveal)\b",
    re.IGNORECASE,
)


def is_promotional(text: str) -> bool:
    """Whether a sentence is worded as its teller's own glad announcement (``_PROMOTIONAL``)."""
    return bool(_PROMOTIONAL.search(text))


def wording_rank(evidence: Evidence, kinds: Mapping[str, str]) -> tuple:
    """How well a report's sentence reads as a neutral statement of what it reports (lower is
    better): standing alone, not a glad announcement, no loaded words, not a quotation, not a
    paragraph, from the outlet kind whose copy is written to be neutral. The brief's and the timeline's one order."""
    words = len(evidence.text.split())
    quoted = any(mark in evidence.text for mark in '“”"')
    kind = kinds.get(evidence.outlet)
    preference = PREFERRED_KINDS.index(kind) if kind in PREFERRED_KINDS else len(PREFERRED_KINDS)
    # A wording that passes a judgement on what it reports ("took a bold and decisive step") gives
    # way to one that states the fact plainly, whatever kind of outlet wrote it.
    return (not stands_alone(evidence.text), is_promotional(evidence.text), len(loaded_words(evidence.text)),
            quoted, words > MAX_WORDS, preference, abs(words - 25))


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


# Where a sentence joins one statement to another: a semicolon, a dash, or a comma before a
# participle, a relative or a conjunction ("..., making this the largest exchange to date",
# "..., and the Kremlin has said ..."). Each part is a statement the reader takes as reported.
_PART_BREAK = re.compile(
    r";\s+|\s*[—–]\s*|,\s+(?=(?:which|who|whom|whose|where|while|whereas|although|though|but|and|as)\b)"
    r"|,\s+(?=[a-z]+ing\b)"
)
# A part with fewer content words (outside names) than this names or places something ("Kremlin
# spokesman Dmitry Peskov, speaking on Monday, said ..."); it states nothing of its own to check.
MIN_PART_WORDS = 3
# A first statement cut from a sentence whose rest gives a disputed value (``undisputed_lead``)
# must say what happened, not only name someone: "A suicide bomber struck a bus station in
# Peshawar on Tuesday" has seven content words outside names; "Officials in Kerova" none.
MIN_LEAD_WORDS = 4
# Which values of a statement (``facts.support.Statement``) give a version of a dispute of each kind.
VALUE_KINDS = {"count": "amounts", "amount": "amounts", "duration": "amounts", "date": "dates", "time": "dates"}


def content_parts(wording: Evidence) -> list[Evidence]:
    """The statements a source sentence joins (``_PART_BREAK``), each as a span of its own.

    A relative clause set off inside its main clause is no statement of the sentence's telling:
    "Umerov, who led the Ukrainian delegation, said ..." is one, and cut at ", who" its subject
    would be checked apart from what he said (``relative_clauses.embedded_relatives``, from the
    parse; ``parts_supported`` checks the clause apart). A clause set off at the end of the
    sentence ("..., a step some analysts described as easing by another name") is a part: the
    sentence without it still says what happened.
    """
    text = wording.text
    breaks = [(found.start(), found.end()) for found in _PART_BREAK.finditer(text)]
    if any(RELATIVE_OPENING.match(text, end) for _, end in breaks):
        inside = embedded_relatives(text)
        breaks = [(start, end) for start, end in breaks
                  if not any(end >= low and start < high for low, high in inside)]
    for low, high in set_off_clauses(text):
        comma = text.rfind(",", 0, low)
        if not text[high:].strip(" .!?\"”’'") and comma >= 0 and not any(start <= comma < end for start, end in breaks):
            breaks.append((comma, low))
    parts, begin = [], 0
    for start, end in sorted(breaks):
        if start < begin:
            continue
        parts.append((begin, start))
        begin = end
    parts.append((begin, len(wording.text)))
    return [_span(wording, low, high) for low, high in parts if wording.text[low:high].strip()]


def _span(wording: Evidence, low: int, high: int) -> Evidence:
    """The part of a wording from character ``low`` to ``high`` of its text, as a span of its article."""
    return Evidence(wording.article_id, wording.outlet, wording.start + low, wording.start + high, wording.text[low:high])


def parts_supported(wording: Evidence, others: Sequence[Evidence], check: SupportCheck) -> bool:
    """Whether every statement the wording joins is given by one of the other reports cited for it.

    The support check reads a sentence as a whole, so a report that gives its main statement
    supports it even when the sentence goes on with one outlet's own addition: its evaluation
    ("..., making this one of the most comprehensive agreements to date"), or a further statement
    no other report makes. Shown as the fact, that addition would read as what every cited outlet
    reports. Each part must share as much of its own words with one report as a citation must of
    a whole sentence (``MIN_SHARED_WORDS``, half as much when it states numbers, which the whole
    sentence's check already found in every report). A clause set off by commas inside the
    sentence ("Ostrand, who has pushed for cheaper borrowing for months, was ...") is such a
    statement too, checked on its own (``relative_clauses.set_off_clauses``).
    """
    parts = content_parts(wording)
    parts += [clause for clause in (_span(wording, low, high) for low, high in set_off_clauses(wording.text))
              if all((clause.start, clause.end) != (p.start, p.end) for p in parts)]
    if len(parts) < 2:
        return True
    for part in parts:
        if len(check.statement(part).words) < MIN_PART_WORDS:
            continue
        needed = MIN_SHARED_WORDS_WITH_NUMBERS if check.statement(part).amounts else MIN_SHARED_WORDS
        if not any(check.shared_words(part, other) >= needed for other in others):
            return False
    return True


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
    canonical = check.resolution.canonical_name if check.resolution is not None else None
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
    found = _state_first_supported(claim, wordings, check, witnesses, canonical)
    if found is None or len(found.independent_sources) < 2:
        # No wording is supported whole: each reporter adds a figure or a clause of its own to the
        # fact all of them give ("... exchanged six prisoners in Muscat on Thursday, freeing X after
        # nearly 500 days"). The first statements of those wordings may still be the common account.
        cuts = [cut for w in wordings[:WORDINGS_TRIED] for cut in first_statements(w, check)
                if names_its_people(cut, check, claim.evidence) and not points_given(cut, disputes, check)]
        shorter = _state_first_supported(claim, cuts, check, witnesses, canonical)
        if shorter is not None and (found is None or len(shorter.independent_sources) >= 2):
            found = shorter
    return found


def first_statements(wording: Evidence, check: SupportCheck) -> list[Evidence]:
    """The wording cut after each statement it joins but the last (``content_parts``), longest
    first, where what is left says what happened (``MIN_LEAD_WORDS``): spans of the source, so
    every word shown is still the source's own."""
    parts = content_parts(wording)
    cuts = []
    for part in reversed(parts[:-1]):
        text = wording.text[:part.end - wording.start].rstrip(" ,;:")
        cut = _span(wording, 0, len(text))
        if stands_alone(text) and len(check.statement(cut).words) >= MIN_LEAD_WORDS:
            cuts.append(cut)
    return cuts


def _state_first_supported(claim: AlignedClaim, wordings: Sequence[Evidence], check: SupportCheck,
                           witnesses: Sequence[Witness], canonical) -> AlignedClaim | None:
    """The fact cited to the first of ``wordings`` that independent origins support, else to the
    first that one origin's outlets support (``cite_supported``), else None."""
    one_origin = None
    # Each wording as written first; then a hedged number ("nearly 300") may be cited to the
    # figures it admits ("296"): the fact is stated less precisely rather than not at all, or
    # rather than as one origin's when independent reports support it only so.
    for wording, hedges in [(w, False) for w in wordings[:WORDINGS_TRIED]] + [(w, True) for w in wordings[:WORDINGS_TRIED]]:
        # (not the sentence a lead was cut from: the same words, cited twice)
        # (nor a report that gives the quoted words to someone else: it is no witness of who said them)
        others = tuple(e for e in claim.evidence if not _overlaps(e, wording) and check.supports(wording, e, hedges)
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
    canonical = check.resolution.canonical_name if check.resolution is not None else None
    return spoken_wording(wording, check.analyses.get(wording.article_id), canonical,
                          may_name=speakers_agree([wording, *alongside], check.analyses, canonical))


def undisputed_lead(wording: Evidence, disputes: Sequence[Dispute], check: SupportCheck) -> Evidence | None:
    """The wording's first statement (``content_parts``) when the disputed points it gives a version
    of all lie in the statements after it: "A suicide bomber struck a bus station in Peshawar on
    Tuesday" of "..., killing 14 people, police said", where outlets dispute the toll.  Every
    wording of such a fact gives a version of its number, so without it the brief would not say
    what happened at all, only that accounts of the toll differ; the number stays with the
    dispute.  A span of the source, as every wording is; None when there is no such statement."""
    parts = content_parts(wording)
    if len(parts) < 2:
        return None
    first = parts[0]
    text = first.text.rstrip(" ,;:")
    lead = Evidence(first.article_id, first.outlet, first.start, first.start + len(text), text)
    stated = check.statement(lead)
    if not stands_alone(text) or dangling_pronoun(text) is not None or len(stated.words) < MIN_LEAD_WORDS:
        return None
    # A dispute's evidence is the whole sentence that gives a version: the lead gives one only
    # when it states a value of the dispute's kind itself (or names someone with a disputed office;
    # a statement's dates are its sentence's, so a disputed day anywhere in it keeps the lead out).
    for number in points_given(lead, disputes, check):
        kind = disputes[number].kind
        if kind in VALUE_KINDS and (stated.amounts if VALUE_KINDS[kind] == "amounts" else stated.dates):
            return None
        if kind not in VALUE_KINDS:
            return None
    return lead


def incidental_points(points: Sequence[int], disputes: Sequence[Dispute]) -> bool:
    """Whether the disputed points a wording gives a version of are all someone's office: "NSDC
    Secretary Umerov proposed a summit" reports the proposal, and the office it gives him is said
    to be disputed beside it, where a disputed number or day is the fact itself."""
    return all(disputes[number].kind == "title" for number in points)


def _overlaps(first: Evidence, second: Evidence) -> bool:
    """Whether two spans share characters of one article."""
    return first.article_id == second.article_id and first.start < second.end and second.start < first.end


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


def _one_per_outlet(evidence: Sequence[Evidence]) -> tuple[Evidence, ...]:
    """Each outlet's first report of a version: a brief line names who gives each version, and one
    citation per outlet lets the reader check it (a name spelled one way in 15 places of 5 articles
    gave one line 20 citations); every report stays in the dispute's own section."""
    first: dict[str, Evidence] = {}
    for e in evidence:
        first.setdefault(e.outlet, e)
    return tuple(first.values())


def _with_repeat(text: str, claim: AlignedClaim, fact: AlignedClaim | None = None,
                 analyses: Mapping[str, ArticleAnalysis] | None = None) -> str:
    """Source wording, and for one original carried by several outlets, a note that it is one source.

    The wording shown may be one origin's while its ``fact`` (the aligned claim, as labelled) has
    other independent origins whose reports tell it in words that do not support this wording
    ("less than an hour, according to the inspectorate" for "about 40 minutes, spokesman X said"):
    the note names them, so the brief does not call one original what the corroborated list credits
    to independent outlets (QA: a fire contained in 40 minutes was "one original report (Reuters)"
    in the brief and "Associated Press, Reuters" among the corroborated facts). An outlet whose
    reports of the fact all give numbers the wording's cannot be (``other_numbers``: "a magnitude
    6.7 earthquake" for "a magnitude 6.4 earthquake") tells another version, not the fact: it is
    not named (``analyses``, by article id, are what is read for the numbers).
    """
    note = describe_repeat(claim)
    if not note:
        return text
    if fact is not None:
        cited = {normalize_name(name) for name in claim.independent_sources}
        others = [name for name in fact.independent_sources if normalize_name(name) not in cited
                  and not _gives_other_numbers(name, claim.evidence[0], fact, analyses or {})]
        if others:
            note += f"; {_join_names(others)} {'reports' if len(others) == 1 else 'report'} the fact independently in other words"
    return f"{text} ({note})"


def _gives_other_numbers(outlet: str, wording: Evidence, fact: AlignedClaim,
                         analyses: Mapping[str, ArticleAnalysis]) -> bool:
    """Whether every report of the fact by the outlet gives numbers incompatible with the wording's."""
    if wording.article_id not in analyses:
        return False
    stated = passage_amounts(analyses[wording.article_id], wording.start, wording.end)
    reports = [e for e in fact.evidence if normalize_name(e.outlet) == normalize_name(outlet) and e.article_id in analyses]
    return bool(reports) and all(
        numbers_incompatible(stated, passage_amounts(analyses[e.article_id], e.start, e.end)) for e in reports)


def _join_names(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _shown(wording: Evidence, check: SupportCheck, alongside: Sequence[Evidence] = ()) -> str:
    """The chosen wording's text (``shown_text``; it was chosen only if that names its speaker)."""
    shown = shown_text(wording, check, alongside)
    return wording.text if shown is None else shown


def _as_sentence(text: str) -> str:
    """A wording cut at the end of its first statement (``undisputed_lead``) ends with a full stop."""
    return text if text.endswith((".", "!", "?", "\"", "”", "’", "'", ")")) else text + "."


def _with_disputed_office(text: str, points: Sequence[int], disputes: Sequence[Dispute]) -> str:
    """A wording that gives someone an office outlets dispute, with a note saying so.  (A wording
    giving another disputed value is never shown; a lead cut before it, ``undisputed_lead``, gives
    none, though its sentence does.)"""
    offices = [disputes[number].what for number in points if disputes[number].kind == "title"]
    if not offices:
        return text
    return f"{text} (accounts differ on {', '.join(offices)}: see below)"


def _version_sources(version: DisputeVersion) -> str:
    """Who gives a version: its outlets, and first whom they give an estimate to ("Police, per
    Metro Wire, Iberia Daily"), so the brief never sets one source's figure beside another's as
    if the outlets stated them."""
    outlets = ", ".join(version.sources)
    return f"{', '.join(version.given_by)}, per {outlets}" if version.given_by else outlets


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

    brief = [
        BriefSentence(
            text=_with_disputed_office(_with_repeat(_as_sentence(" ".join(_shown(claim.evidence[0], check, claim.evidence).split())), claim,
                                                    labelled[claim.id], by_id),
                                       points_given(claim.evidence[0], disputes, check), disputes),
            # The wording shown first, then every other outlet's report that supports it.
            citations=claim.evidence,
        )
        for claim in chosen
    ]
    for dispute in list(disputes)[:MAX_DISPUTES]:
        versions = "; ".join(f"{v.value} ({_version_sources(v)})" for v in dispute.versions)
        brief.append(
            BriefSentence(
                text=f"Accounts differ on {dispute.what}: {versions}.",
                citations=tuple(e for v in dispute.versions for e in _one_per_outlet(v.evidence)),
            )
        )
    return [sentence for sentence in brief if sentence.citations]
