"""Coverage and framing per outlet: what it leaves out, whose voices it quotes, its word choices."""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Sequence

from rapidfuzz import fuzz

from synopsis.compare.fact_tellings import SentencesByWord, SentenceVectors, outlet_name, restates_fact, tells_fact, told_otherwise
from synopsis.compare.voices import CanonicalName, count_voices
from synopsis.compare.word_choices import word_choices
from synopsis.facts.dates import UNDATED_KINDS, as_of, dates_in, day_start
from synopsis.facts.support import SupportCheck
from synopsis.ingest.outlets import name_initials
from synopsis.link.entities import EntityResolution
from synopsis.link.names import fold, key_text
from synopsis.link.place_names import place_key
from synopsis.records import AlignedClaim, Alias, ArticleAnalysis, Coverage, Dispute, NonReporting, StoryEntity

# Reasons the cleaner gives for content that is the outlet speaking for itself
# rather than reporting; these are kept apart, never mixed with the reporting.
NON_REPORTING_REASONS = (
    "appeal",
    "donation",
    "subscription",
    "promotion",
    "self",
    "editorial",
    "advert",
)
# Distinctive words: weighted log-odds with an informative Dirichlet prior
# (Monroe, Colaresi & Quinn 2008, "Fightin' Words"), which, unlike raw
# frequency ratios, does not crown rare words. |z| > 2.58 is p < 0.01.
DISTINCTIVE_Z = 2.58
# Two forms of a name this alike are spellings of one name ("Zelenskyy" / "Zelenskiy" 89,
# "Erdoğan" / "Erdogan" after folding 100); other names of one body are not ("Russian Defense
# Ministry" / "Ministry of Defense" 55).
SPELLING_MIN_RATIO = 80
MAX_TERMS = 10

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W\d_]|[^\W\d_]", re.UNICODE)
_STOP = frozenset(
    """a an the and or but if of to in on at by for with from as is are was were be been being has have had
    do does did will would shall should can could may might must not no nor so than that this these those
    it its it's he she they them his her their our we you i me my your who whom whose which what when where
    why how all any both each few more most other some such only own same too very just also into over
    after before about against between through during out up down off again further then once here there
    said says say told according while since because until than""".split()
)


def _word_counts(analysis: ArticleAnalysis) -> Counter:
    return Counter(
        w for w in (m.group(0).lower().replace("’", "'") for m in _WORD.finditer(analysis.article.text)) if w not in _STOP
    )


def distinctive_terms(target: Counter, rest: Counter, prior: Counter, limit: int = MAX_TERMS) -> list[str]:
    """Words the target uses markedly more than the others (log-odds z-scores)."""
    n_target, n_rest, n_prior = sum(target.values()), sum(rest.values()), sum(prior.values())
    if not n_target or not n_rest:
        return []
    scored = []
    for word, count in target.items():
        if count < 2 or len(word) < 3:
            continue  # a word used once, or a fragment of a name ("al" of "Al Jazeera")
        a0 = prior[word]
        other = rest[word]
        delta = math.log((count + a0) / (n_target + n_prior - count - a0)) - math.log(
            (other + a0) / (n_rest + n_prior - other - a0)
        )
        variance = 1.0 / (count + a0) + 1.0 / (other + a0)
        z = delta / math.sqrt(variance)
        if z > DISTINCTIVE_Z:
            scored.append((z, word))
    scored.sort(reverse=True)
    return [word for _, word in scored[:limit]]


def alias_choices(outlet: str, entities: Sequence[StoryEntity]) -> list[str]:
    """Names this outlet spells differently from the story's usual form ("Kiev (others: Kyiv)")."""
    choices = []
    for entity in entities:
        if len(entity.aliases) < 2:
            continue
        mine = [a for a in entity.aliases if outlet in a.outlets]
        others = [a for a in entity.aliases if outlet not in a.outlets]
        if not mine or not others:
            continue
        mine_forms = {a.text for a in mine}
        other_forms = [a for a in sorted(others, key=lambda a: -a.count) if a.text not in mine_forms]
        # Only full forms are word choices; a surname-only mention is not a spelling.
        for alias in mine:
            rivals = [o for o in other_forms if _same_length_form(alias.text, o.text)]
            # The spelling of a name that most outlets write, then most often, is the story's
            # usual one, not a choice, though a few outlets write another ("Medinsky" against one
            # "Medinskiy"); each spelling is weighed against its own rivals, so a full name is
            # not judged by how often its surname alone is written.
            if rivals and any(_more_used(rival, alias) for rival in rivals):
                choices.append(f"{alias.text} (others: {', '.join(r.text for r in rivals[:2])})")
    return choices


def _more_used(first: Alias, second: Alias) -> bool:
    """Whether more outlets write the first form than the second, or as many and more often."""
    return (len(first.outlets), first.count) > (len(second.outlets), second.count)


def _same_length_form(a: str, b: str) -> bool:
    """Whether two forms of one name are spellings of each other ("Kiev" / "Kyiv", "Zelenskyy" /
    "Zelensky"), not two ways of naming it ("Russian Defense Ministry" / "Ministry of Defense")."""
    if len(a.split()) != len(b.split()) or a.lower() == b.lower():
        return False
    return key_text(a) == key_text(b) or place_key(a) == place_key(b) or fuzz.ratio(fold(a), fold(b)) >= SPELLING_MIN_RATIO


def _publication_day(analysis: ArticleAnalysis) -> float | None:
    """The calendar day an article speaks as of, as the naive POSIX seconds dates use; None when
    unknown or when its date is a page's creation rather than what it reports on (encyclopedias)."""
    article = analysis.article
    if article.outlet is not None and article.outlet.kind in UNDATED_KINDS:
        return None
    moment = as_of(article)
    if moment is None:
        return None
    return day_start(moment)


def came_after(claim: AlignedClaim, outlet_articles: Sequence[ArticleAnalysis], by_id: dict[str, ArticleAnalysis]) -> bool:
    """Whether an outlet's articles all appeared before the claim's fact could be reported, so not
    reporting it is no omission: the fact is dated after the day of the outlet's latest article, or,
    undated, only articles of later days report it ("the Imam appealed for calm on 2 January"
    against a report of 29 December; a preview written before the talks they report)."""
    days = [_publication_day(a) for a in outlet_articles]
    if not days or any(day is None for day in days):
        return False
    latest = max(days)
    fact_days = [
        interval.low
        for evidence in claim.evidence
        if (analysis := by_id.get(evidence.article_id)) is not None
        for interval in dates_in(analysis, evidence.start, evidence.end)
    ]
    if fact_days:
        # The earliest date the reports give: a fact dated both "Monday" and "yesterday" counts as of Monday.
        return min(fact_days) > latest
    return reported_after(claim, latest, by_id)


def reported_after(claim: AlignedClaim, latest: float, by_id: dict[str, ArticleAnalysis]) -> bool:
    """Whether every article reporting the claim's fact appeared on a day after ``latest``."""
    reported = [_publication_day(by_id[e.article_id]) for e in claim.evidence if e.article_id in by_id]
    return bool(reported) and all(day is not None and day > latest for day in reported)


def widely_carried(claim: AlignedClaim, outlets: int) -> bool:
    """Whether a fact of one original report is carried by at least two outlets and at least half
    of the story's ``outlets``: what most of the others tell, an outlet leaves out, though the
    tellers are one witness (a wire's report and its rewrites, one cause statement read alike).
    A fact one original shares with only one or two others of many is that original's report, not
    the story's: an aggregator repeating each of its sources would otherwise make every outlet
    leave out every source's facts (the harbor-bridge example: 15 more omissions, each a fact its
    aggregator or its blog repeats from one outlet, where this rule adds none)."""
    carriers = len(set(claim.sources))
    return claim.status == "single-source" and carriers >= 2 and 2 * carriers >= outlets


def _one_origin_came_after(claim: AlignedClaim, outlet_articles: Sequence[ArticleAnalysis],
                           by_id: dict[str, ArticleAnalysis]) -> bool:
    """Whether the one original report of a fact, and every other report of it, appeared on a day
    after the outlet's articles: an outlet cannot tell what only a later scoop revealed, whatever
    day the scoop dates its fact to ("an inspection in October 2024 had found corroded bearings",
    first reported the day after the outlet's report of the collapse)."""
    days = [_publication_day(a) for a in outlet_articles]
    if not days or any(day is None for day in days):
        return False
    return reported_after(claim, max(days), by_id)


def outlet_names(outlet: str, outlet_articles: Sequence[ArticleAnalysis]) -> frozenset[str]:
    """The names an outlet goes by: its name, its registry aliases, and the initials of its name:
    of three words or more always ("Nordic Wire Service" is "NWS" in others' "According to NWS",
    though the cleaner took the "(NWS)" of its own dateline), of two only where its own articles
    write them (two letters stand for too much else)."""
    names = {outlet}
    for analysis in outlet_articles:
        if analysis.article.outlet is not None:
            names.update(analysis.article.outlet.aliases)
    initials = name_initials(outlet)
    if len(initials) >= 3 or (len(initials) == 2 and any(re.search(rf"\b{initials}\b", a.article.text)
                                                         for a in outlet_articles)):
        names.add(initials)
    return frozenset(n for n in names if n and n != "unidentified")


def cited_to(claim: AlignedClaim, names: frozenset[str]) -> bool:
    """Whether a report of the claim's fact names the outlet ("According to NWS, Karvia released
    ..."): the fact is the outlet's own, relayed by others, and an outlet cannot leave out what it
    is cited for (where its article is not among the story's, the fact is still not one it omits)."""
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", report.text) for report in claim.evidence for name in names)


def describe_coverage(
    analyses: Sequence[ArticleAnalysis],
    claims: Sequence[AlignedClaim],
    entities: Sequence[StoryEntity] = (),
    canonical_name: CanonicalName | None = None,
    disputes: Sequence[Dispute] = (),
    resolution: EntityResolution | None = None,
) -> list[Coverage]:
    """One Coverage record per outlet of the story; ``disputes`` (optional) keep an outlet that
    tells a fact in another version from being said to leave it out (``resolution``, optional:
    who a mention is across spellings)."""
    by_outlet: dict[str, list[ArticleAnalysis]] = {}
    for analysis in analyses:
        by_outlet.setdefault(outlet_name(analysis), []).append(analysis)
    counts = {name: sum((_word_counts(a) for a in items), Counter()) for name, items in by_outlet.items()}
    total = sum(counts.values(), Counter())
    # The facts an outlet may leave out: those independent outlets corroborate, and those most
    # outlets carry from one original (``widely_carried``).
    told = [c for c in claims if c.status == "corroborated" or widely_carried(c, len(by_outlet))]
    by_id = {a.article.id: a for a in analyses}
    wordings = word_choices(by_outlet)
    check = SupportCheck(by_id, resolution)
    otherwise = {c.id: told_otherwise(c, disputes, check) for c in told}

    indexed: dict[str, SentencesByWord] = {}
    vectors: dict[str, SentenceVectors] = {}

    def leaves_out(claim: AlignedClaim, outlet: str, items: list[ArticleAnalysis]) -> bool:
        if outlet in claim.sources or outlet in otherwise[claim.id] or came_after(claim, items, by_id):
            return False
        if claim.status != "corroborated" and _one_origin_came_after(claim, items, by_id):
            return False
        if cited_to(claim, outlet_names(outlet, items)):
            return False
        if outlet not in indexed:
            indexed[outlet] = SentencesByWord(items, check)
        if tells_fact(claim, items, check, indexed[outlet]):
            return False
        if outlet not in vectors:
            vectors[outlet] = SentenceVectors(indexed[outlet])
        return not restates_fact(claim, check, indexed[outlet], vectors[outlet])

    coverage = []
    for name, items in by_outlet.items():
        voices: Counter = Counter()
        for analysis in items:
            voices.update(dict(count_voices(analysis, canonical_name)))
        rest = total - counts[name]
        terms = wordings[name] + alias_choices(name, entities) + distinctive_terms(counts[name], rest, total)
        non_reporting = tuple(
            NonReporting(analysis.article.id, piece.text, piece.reason, piece.start, piece.end)
            for analysis in items
            for piece in analysis.article.removed
            if any(reason in piece.reason.lower() for reason in NON_REPORTING_REASONS)
        )
        coverage.append(
            Coverage(
                outlet=name,
                omits=tuple(c.id for c in told if leaves_out(c, name, items)),
                voices=tuple(sorted(voices.items(), key=lambda item: (-item[1], item[0]))),
                terms=tuple(terms[:MAX_TERMS]),
                non_reporting=non_reporting,
            )
        )
    return coverage
