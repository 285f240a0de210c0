"""Claim alignment: group statements in different articles that report the same fact."""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from synopsis.extract.embed import Embedder
from synopsis.facts.amounts import amounts_incompatible
from synopsis.facts.support import SupportCheck, dated_apart, episode_conflict, names_actor
from synopsis.link.actors import EntityKey, modalities_clash, same_actor, same_name
from synopsis.link.claim_features import KNOWN_PREDICATES, ClaimFeatures, describe_claims
from synopsis.link.misdating import event_day_rivals, nearly_same_words, one_frame_a_day_apart, other_occasions
from synopsis.link.reported_content import reported_words, same_statement
from synopsis.records import ArticleAnalysis, Evidence

# --- Thresholds (evidence: tests/link/test_align.py pairs and the istanbul-2025
# corpus read in place, claims = spaCy sentences, MiniLM int8 cosine) ---------
# Same fact, different words, no shared numbers: "The mayor resigned on Monday" /
# "The mayor stepped down on Monday" 0.78; "Forty houses burned down" / "The fire
# destroyed 40 homes" 0.88.  Different facts about the same event: "The talks
# lasted less than an hour" / "The talks were held in Russian" 0.56; "swap 1,200
# prisoners" / "bodies of 3,000 soldiers handed over" 0.35.  In the corpus the two
# independent duration sentences ("lasted less than an hour" / "kicked off at
# ... and lasted for about 40 minutes") score 0.62 on cosine alone, which is why
# structure (a shared duration slot) must add to the score.
# ACTOR_MISSING was measured on 64 candidate pairs scoring 0.70 or more (reference corpus and a
# ferry story written for QA), each read and labelled same fact or not. At LINK_SCORE 0.72 it
# lifts pair F1 from 0.65 (P 0.48, R 1.0) to 0.72 (P 0.58, R 0.96); at 0.74 F1 reaches 0.82
# (P 0.75, R 0.91), but the corpus's two independent duration sentences (0.726) fall apart,
# so LINK_SCORE stays until a larger labelled set says more.
# bench/alignment.py scores the pair score on a larger set: every candidate pair scoring 0.65 or
# more in the reference corpus and two QA stories (bench/alignment-labels, ~350 pairs), labelled
# by hand.  The claim-frame penalties below were sized on it; LINK_SCORE 0.70-0.74 was swept with
# them and 0.72 stayed best.
LINK_SCORE = 0.72  # score a candidate pair needs to be linked
MIN_COSINE = 0.40  # below this, no amount of shared structure links two claims
MERGE_AVERAGE = 0.66  # average-linkage floor when merging two groups (stops chaining)
NEIGHBOURS = 12  # candidates per claim from nearest-neighbour search
MAX_PER_ARTICLE = 2  # an article may state the same fact twice (lede + body), rarely more
HNSW_ABOVE = 4000
SLOT_BLOCK_LIMIT = 200  # claims per quantity slot kind beyond which the slot is no block  # exact numpy search below this many claims, hnswlib above

# Structure bonuses, added to the cosine.  Sized so that a shared slot lifts a
# borderline paraphrase (0.60) over LINK_SCORE, but cannot lift an unrelated pair (< 0.45).
ENTITY_BONUS = 0.08  # all shared entities together, weighted by rarity in the story
QUANTITY_SAME = 0.20  # same counted thing / unit, intervals overlap: "less than an hour" ~ "40 minutes"
QUANTITY_NEAR = 0.12  # same counted thing, values within 10 %: likely one fact reported differently
QUANTITY_FAR = 0.0  # same counted thing, far apart values (250 vs 1,200 prisoners): separate facts
QUANTITY_CLASH = -0.06  # both count things but nothing in common (minutes vs prisoners)
# Same measure, different happening, nothing else shared: "Two people were killed in the crash" /
# "Two people were injured in the crash" score 0.81 cosine, "delayed by more than an hour" /
# "lasted about 40 minutes" 0.71; the penalty puts both under LINK_SCORE.
PREDICATE_CLASH = -0.15
TIME_BONUS = 0.05  # same date/time value, weighted by rarity
TIME_CLASH = -0.08  # both dated, no date in common: a May round and a July round are different facts
# One speaker for both, and what the two report them saying shares more than its subject
# (``link.reported_content``).
# Istanbul's grouped F1 falls from 0.66 to 0.62 without it; a speaker's two remarks on one subject
# ("the bomber was around 18" / "the bomber was on foot and detonated his vest", QA: Peshawar) get
# none.
SPEAKER_SAME = 0.05
# Neither sentence names every person and organisation the other names as acting (the citation
# rule of ``facts.support``): "Peskov confirmed the delegation had not changed" / "Putin did
# not attend". One report may add who acted; when each names someone the other leaves out,
# they are more often two facts about one meeting.
ACTOR_MISSING = -0.08
SPEAKER_OTHER = -0.03
# Claim frames (``extract.claim_frames``).  Sizes were set on the labelled pairs of
# bench/alignment-labels (see bench/alignment.py for the table before and after).
# The agents are two different named parties and neither sentence names the other's:
# "Moscow demands Ukraine's withdrawal" / "The Kyiv administration demanded the removal of
# Russian control" score 0.85 on words and structure; they are two opposing demands.
# Sized to part near-identical sentences (cosine 0.94 for "Germany demands the withdrawal of
# French troops" / "France demands the withdrawal of German troops"); on the labelled pairs no
# pair of one fact is parted by any size from -0.15 to -0.5.
AGENT_CLASH = -0.30
# One says a thing happened, the other that it is expected, planned or hoped for, or that
# someone demands or proposes it: "talks are expected to take place in Istanbul" / "held
# the third round in Istanbul" (0.80).  A report of what will happen ("would not attend")
# agrees with the report that it happened, and with a proposal or demand reported with
# "would"; a hope is no announcement ("we hope talks begin" / "would discuss").
# -0.20 is best on the labelled pairs (from -0.12 to -0.40: -0.25 and more part one pair of one
# fact whose two frames come from different clauses).  With the same predicate the modality is
# all that differs ("are expected to sign the agreement" / "signed the agreement", cosine 0.92),
# and it weighs as a negation does.
MODALITY_CLASH = -0.20
MODALITY_CLASH_SAME_PREDICATE = -0.30
# The same predicate asserted by one and denied by the other is a dispute, not agreement
# ("attended the summit" / "did not attend the summit", cosine 0.95).  On the labelled pairs
# no pair of one fact is parted by any size from -0.2 to -0.5.
NEGATION_CLASH = -0.30
# Different main predicates ("was headed by" / "included", "confirmed" / "was completed") need
# a little more evidence.  On the labelled pairs 20 of the 24 pairs this moves under LINK_SCORE
# are different facts.  Not when the two share a measure (a duration, a count): that is the
# fact then, and "kicked off at 8:37 p.m. and lasted about 40 minutes" words it with another verb.
PREDICATE_OTHER = -0.02
# One speaker, two predicates: two things one person said ("Peskov confirmed the delegation
# had completed its preparations" / "Peskov said Moscow and Kiev would discuss the memorandums").
# On the labelled pairs -0.05 parts two such pairs and -0.10 three, and neither parts a pair
# labelled the same fact.
SPEAKER_STATEMENT_OTHER = -0.10


@dataclass(frozen=True, slots=True)
class ClaimMember:
    """One claim of one article inside a group."""

    article_id: str
    claim_index: int  # index into ArticleAnalysis.claims
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ClaimGroup:
    """Claims from different articles that report the same fact."""

    id: str  # stable: hash of the member keys
    members: tuple[ClaimMember, ...]
    representative: int  # index into members of the most central member
    text: str  # the representative's wording
    cohesion: float  # average pair score inside the group (1.0 for a single claim)

    @property
    def keys(self) -> tuple[tuple[str, int], ...]:
        """Return the (article_id, claim_index) of every member."""
        return tuple((m.article_id, m.claim_index) for m in self.members)

    @property
    def article_ids(self) -> tuple[str, ...]:
        """Return the distinct articles in the group, in member order."""
        return tuple(dict.fromkeys(m.article_id for m in self.members))


class _Scorer:
    """Pair score = embedding cosine + bonuses for shared structure."""

    def __init__(self, vectors: np.ndarray, features: list[ClaimFeatures],
                 actors_named: Callable[[int, int], bool] | None = None,
                 said: Sequence[frozenset[str]] | None = None,
                 other_occasions: Callable[[int, int], bool] | None = None) -> None:
        self.vectors = vectors
        self.features = features
        self.actors_named = actors_named
        # ``other_occasions(i, j)``: whether two claims told alike but for their days are about
        # two days of an ongoing event (``misdating.other_occasions``); without it, never.
        self.other_occasions = other_occasions
        self._misdated: dict[tuple[int, int], bool] = {}
        # Per claim, the words it reports its speaker saying (``link.reported_content``); without
        # them a shared speaker counts whatever was said.
        self.said = said
        n = max(2, len(features))
        df: dict[str, int] = {}
        for f in features:
            for key in f.entities | f.times:
                df[key] = df.get(key, 0) + 1
        # Rarity in [0, 1]: a name in every claim of the story ("Russia") says nothing.
        self.rarity = {key: math.log(n / count) / math.log(n) for key, count in df.items()}

    def conflict(self, i: int, j: int, days: bool = True) -> bool:
        """Whether two claims cannot report one fact: they state incompatible numbers in one unit,
        are dated to different days (an undated news claim is about the days before its
        publication, an entry's about its section's date), or are about different numbered episodes.

        Similar wording does not make one fact: "the June 2 round is scheduled" / "held the third
        round", "at least 1,200 people" / "at least 1,000 on each side". Different values of one
        count are a dispute, which ``compare.disputes`` finds across the story without alignment;
        compatible ones ("less than an hour" / "about 40 minutes") may be one fact.
        """
        fi, fj = self.features[i], self.features[j]
        return (
            amounts_incompatible(fi.amounts, fj.amounts)
            or (days and self.dated_apart(i, j) and not self.misdated(i, j))
            or episode_conflict(fi.episodes, fj.episodes) is not None
        )

    def dated_apart(self, i: int, j: int) -> bool:
        """Whether two claims are dated to different days (``facts.support.dated_apart``)."""
        fi, fj = self.features[i], self.features[j]
        return dated_apart(fi.dates, fi.recent, fj.dates, fj.recent) is not None

    def misdated(self, i: int, j: int) -> bool:
        """Whether two claims dated a day apart report one event all the same (see
        ``link.misdating``): one day each, adjacent; the same predicate, asserted alike, by the same
        agent; each names every party the other names, and they share one; nearly the same
        content words; they would be linked were they undated; and neither report tells the
        other's day apart (``other_occasions``)."""
        key = (min(i, j), max(i, j))
        if key not in self._misdated:
            self._misdated[key] = self._misdated_uncached(*key)
        return self._misdated[key]

    def _misdated_uncached(self, i: int, j: int) -> bool:
        fi, fj = self.features[i], self.features[j]
        if not one_frame_a_day_apart(fi, fj):
            return False
        if self.actors_named is not None and not (self.actors_named(i, j) and self.actors_named(j, i)):
            return False
        if not nearly_same_words(fi, fj, same_numbers=self._quantities(fi, fj) >= QUANTITY_SAME):
            return False
        if self.score(i, j, days=False) < LINK_SCORE:
            return False
        return not (self.other_occasions is not None and self.other_occasions(i, j))

    def score(self, i: int, j: int, days: bool = True) -> float:
        """The pair score; with ``days`` False, as if the two claims gave no day (``day_rivals``)."""
        cosine = float(self.vectors[i] @ self.vectors[j])
        if self.conflict(i, j, days):
            return cosine - 1.0  # never linked, and sinks any average it is part of
        if cosine < MIN_COSINE:
            return cosine
        fi, fj = self.features[i], self.features[j]
        actors = 0.0
        if self.actors_named is not None and not (self.actors_named(i, j) or self.actors_named(j, i)):
            actors = ACTOR_MISSING
        quantities = self._quantities(fi, fj)
        times = self._times(fi, fj) if days else 0.0
        return (cosine + self._entities(fi, fj) + quantities + times
                + self._speaker(i, j) + actors + self._frames(fi, fj, measured=quantities > 0))

    def _frames(self, fi: ClaimFeatures, fj: ClaimFeatures, measured: bool = False) -> float:
        """Penalties for two frames that cannot report one fact (see AGENT_CLASH and below)."""
        penalty = 0.0
        if fi.agent and fj.agent and not same_actor(fi.agent, fj.agent):
            # Two parties (countries, peoples, organisations) acting are two sides, even when
            # each sentence names the other ("Moscow demands Ukraine's withdrawal" / "Kyiv
            # demands the removal of Russian control").  A person may act for a party or report
            # for it ("Umerov proposed" / "Umerov said Ukraine proposed"): only when neither
            # sentence names the other's agent are they two acts.
            named = any(same_actor(fi.agent, x) for x in fj.actors) or any(same_actor(fj.agent, x) for x in fi.actors)
            if (fi.agent_party and fj.agent_party) or not named:
                penalty += AGENT_CLASH
        if fi.modality and fj.modality and modalities_clash(fi.modality, fj.modality):
            penalty += MODALITY_CLASH_SAME_PREDICATE if fi.predicate == fj.predicate else MODALITY_CLASH
        if fi.predicate and fi.predicate == fj.predicate and fi.negated != fj.negated:
            penalty += NEGATION_CLASH
        if fi.predicate and fj.predicate and fi.predicate != fj.predicate and not measured:
            penalty += PREDICATE_OTHER
            if fi.speaker and fj.speaker and same_name(fi.speaker, fj.speaker):
                penalty += SPEAKER_STATEMENT_OTHER
        return penalty

    def _entities(self, fi: ClaimFeatures, fj: ClaimFeatures) -> float:
        weight = 0.0
        for a in fi.entities:
            if any(same_name(a, b) for b in fj.entities):
                weight += self.rarity.get(a, 0.0)
        return ENTITY_BONUS * min(1.0, weight)

    def _quantities(self, fi: ClaimFeatures, fj: ClaimFeatures) -> float:
        if not fi.slots or not fj.slots:
            return 0.0
        best = None
        clash = False
        for s in fi.slots:
            for t in fj.slots:
                overlap = s.low <= t.high and t.low <= s.high
                if s.predicate in KNOWN_PREDICATES and t.predicate in KNOWN_PREDICATES and s.predicate != t.predicate:
                    # "two people died" / "14 people were injured", "delayed by an hour" /
                    # "lasted 40 minutes": the same measure of different happenings.
                    clash = clash or s.kind == t.kind
                    continue
                if s.kind != t.kind:
                    # "300 detainees" / "about 300 prisoners": synonyms for the counted
                    # thing, so equal counts of different nouns still hint at one fact.
                    if overlap and s.kind.startswith("count:") and t.kind.startswith("count:"):
                        best = max(best or 0.0, QUANTITY_NEAR)
                    continue
                if overlap:
                    bonus = QUANTITY_SAME
                elif s.value and t.value and abs(s.value - t.value) <= 0.1 * max(abs(s.value), abs(t.value)):
                    bonus = QUANTITY_NEAR
                else:
                    bonus = QUANTITY_FAR
                best = bonus if best is None else max(best, bonus)
        if best is None:
            return PREDICATE_CLASH if clash else QUANTITY_CLASH
        return best

    def _times(self, fi: ClaimFeatures, fj: ClaimFeatures) -> float:
        if not fi.times or not fj.times:
            return 0.0
        weight, compatible, compared = 0.0, False, False
        for a in fi.times:
            for b in fj.times:
                # "2025-07" contains "2025-07-23": compatible at different precision.
                # A clock time without its day ("T08:15") compares with the clock of the other.
                if a.startswith("T") or b.startswith("T"):
                    a_clock, b_clock = a.partition("T")[2], b.partition("T")[2]
                    if not a_clock or not b_clock:
                        continue  # a clock and a day say nothing about each other
                    same = a_clock.startswith(b_clock) or b_clock.startswith(a_clock)
                else:
                    same = a == b or a.startswith(b) or b.startswith(a)
                compared = True
                if same:
                    compatible = True
                    weight = max(weight, self.rarity.get(a, 0.0))
        if not compared:
            return 0.0
        return TIME_BONUS * weight if compatible else TIME_CLASH

    def _speaker(self, i: int, j: int) -> float:
        fi, fj = self.features[i], self.features[j]
        if not fi.speaker or not fj.speaker:
            return 0.0
        if not same_name(fi.speaker, fj.speaker):
            return SPEAKER_OTHER
        # One speaker says many things about one event.  The bonus is for one statement reported
        # twice, so what the two report them saying must be alike too ("the bomber was around 18
        # years old" / "the bomber was on foot and detonated his vest" share the subject only):
        # otherwise a speaker's two remarks on one subject are lifted over LINK_SCORE, the more so
        # as a speaker named in both sentences is a shared entity too.  (This replaces a rule that
        # gave no bonus when both sentences named the speaker: with entity resolution it never
        # matched, and where it did it also took the bonus from one remark reported twice.)
        if self.said is not None and not same_statement(self.said[i], self.said[j]):
            return 0.0
        return SPEAKER_SAME


def find_neighbours(vectors: np.ndarray, articles: np.ndarray, k: int = NEIGHBOURS) -> list[list[int]]:
    """Return, per row, the indices of its k most similar rows from other articles."""
    n = len(vectors)
    if n == 0:
        return []
    if n > HNSW_ABOVE:
        return _find_neighbours_hnsw(vectors, articles, k)
    result: list[list[int]] = []
    for begin in range(0, n, 1024):
        sims = vectors[begin : begin + 1024] @ vectors.T
        sims[articles[begin : begin + 1024, None] == articles[None, :]] = -np.inf
        take = min(k, n - 1)
        top = np.argpartition(-sims, take - 1, axis=1)[:, :take] if take > 0 else np.zeros((len(sims), 0), int)
        for row, cols in enumerate(top):
            result.append([int(c) for c in cols if np.isfinite(sims[row, c])])
    return result


def _find_neighbours_hnsw(vectors: np.ndarray, articles: np.ndarray, k: int) -> list[list[int]]:
    import hnswlib

    index = hnswlib.Index(space="ip", dim=vectors.shape[1])
    index.init_index(max_elements=len(vectors), ef_construction=200, M=16, random_seed=7)
    index.add_items(vectors, np.arange(len(vectors)))
    fetch = min(len(vectors), k * 3)
    index.set_ef(max(fetch, 50))
    labels, _ = index.knn_query(vectors, k=fetch)
    return [[int(c) for c in row if articles[c] != articles[i]][:k] for i, row in enumerate(labels)]


def find_slot_pairs(features: list[ClaimFeatures], limit: int = SLOT_BLOCK_LIMIT) -> set[tuple[int, int]]:
    """Return cross-article claim pairs that share a quantity slot kind (blocking, not scoring)."""
    postings: dict[str, list[int]] = {}
    for i, f in enumerate(features):
        for kind in {slot.kind for slot in f.slots}:
            postings.setdefault(kind, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > limit:
            continue  # too common to be a useful block; nearest neighbours cover it
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if features[i].article != features[j].article:
                    pairs.add((i, j))
    return pairs


@dataclass
class Candidates:
    """The candidate pairs of a story's claims and their scores (what clustering starts from)."""

    refs: list[tuple[int, int]]  # (analysis index, claim index) of every claim, in order
    vectors: np.ndarray  # unit embedding per claim: cosine = dot product
    scorer: _Scorer
    edges: dict[tuple[int, int], float]  # (i, j), i < j, indices into refs -> pair score


def score_candidates(
    analyses: Sequence[ArticleAnalysis], embedder: Embedder | None = None, canonical: EntityKey | None = None,
) -> Candidates:
    """Find cross-article candidate pairs (nearest neighbours and shared quantity slots) and score them."""
    refs = [(a, c) for a, analysis in enumerate(analyses) for c in range(len(analysis.claims))]
    if not refs:
        return Candidates(refs, np.zeros((0, 0)), _Scorer(np.zeros((0, 0)), []), {})
    embedder = embedder or Embedder.load()
    vectors = embedder.embed([analyses[a].claims[c].text for a, c in refs])
    features = describe_claims(analyses, canonical)
    said = [reported_words(analyses[a], analyses[a].claims[c]) for a, c in refs]
    scorer = _Scorer(vectors, features, _actor_check(analyses, refs), said)
    scorer.other_occasions = lambda i, j: other_occasions(analyses, refs, features, i, j)
    articles = np.array([a for a, _ in refs])

    edges: dict[tuple[int, int], float] = {}
    for i, neighbours in enumerate(find_neighbours(vectors, articles)):
        for j in neighbours:
            key = (min(i, j), max(i, j))
            if key not in edges:
                edges[key] = scorer.score(*key)
    # Second blocking key: claims that measure the same thing (a duration, a count of
    # prisoners).  Long multi-fact sentences can fall outside each other's top-k on
    # cosine alone (the corpus's two duration sentences: cosine 0.53, rank > 12).
    for i, j in find_slot_pairs(features):
        if (i, j) not in edges:
            edges[(i, j)] = scorer.score(i, j)
    return Candidates(refs, vectors, scorer, edges)


def align_claims(
    analyses: Sequence[ArticleAnalysis],
    embedder: Embedder | None = None,
    canonical: EntityKey | None = None,
    include_singletons: bool = True,
    candidates: Candidates | None = None,
) -> list[ClaimGroup]:
    """Group claims from different articles that report the same fact (every claim lands in one group).

    ``canonical(article_id, entity_index)`` may map an entity mention to a story-wide id
    (from entity resolution); without it entity names are compared as folded text.
    ``candidates`` are the story's scored pairs when already found (``score_candidates``).
    """
    candidates = candidates or score_candidates(analyses, embedder, canonical)
    if not candidates.refs:
        return []
    refs, scorer, edges = candidates.refs, candidates.scorer, candidates.edges
    articles = np.array([a for a, _ in refs])
    clusters = _cluster(edges, scorer, articles, len(refs))
    groups = [_build_group(members, analyses, refs, scorer) for members in clusters]
    if not include_singletons:
        groups = [g for g in groups if len(g.members) > 1]
    # Widely reported facts first; otherwise in reading order (clusters come ordered by first member).
    groups.sort(key=lambda g: -len(g.article_ids))
    return groups


def day_rivals(analyses: Sequence[ArticleAnalysis], candidates: Candidates) -> list[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of claims of two articles that would be linked as one fact but for the days they give
    ("a bomb ... killed 14 people on Tuesday" / "... on Monday"), as ((article id, claim index),
    ...) pairs.  Alignment keeps them apart, one day each; they are what ``compare.disputes``
    compares the event's day across, since outlets may give one event different days."""
    refs, scorer = candidates.refs, candidates.scorer
    found = []
    for i, j in sorted(candidates.edges):
        # Pairs one day apart that alignment links all the same (``_Scorer.misdated``) are rivals
        # too: their days are versions of one day, in one group or not.
        if refs[i][0] == refs[j][0] or not scorer.dated_apart(i, j) or scorer.conflict(i, j, days=False):
            continue
        if scorer.score(i, j, days=False) >= LINK_SCORE and not other_occasions(analyses, refs, scorer.features, i, j):
            found.append(((analyses[refs[i][0]].article.id, refs[i][1]), (analyses[refs[j][0]].article.id, refs[j][1])))
    # And claims told differently that give one event at one place a day apart (``event_day_rivals``).
    for i, j in event_day_rivals(analyses, refs, scorer.features):
        pair = ((analyses[refs[i][0]].article.id, refs[i][1]), (analyses[refs[j][0]].article.id, refs[j][1]))
        if pair not in found:
            found.append(pair)
    return found


def _actor_check(analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``named(i, j)``: whether claim j's sentence (or its speaker) names every person and
    organisation claim i names, in any spelling (``facts.support.names_actor``)."""
    check = SupportCheck({a.article.id: a for a in analyses})
    spans = []
    for a, c in refs:
        claim = analyses[a].claims[c]
        spans.append(Evidence(analyses[a].article.id, "", claim.start, claim.end, claim.text))

    def named(i: int, j: int) -> bool:
        actors = check.statement(spans[i]).actors
        if not actors:
            return True
        context = check.context(spans[j])
        return all(names_actor(actor, context) for actor in actors)

    return named


def _cluster(edges: dict[tuple[int, int], float], scorer: _Scorer, articles: np.ndarray, n: int) -> list[list[int]]:
    # Average linkage restricted to candidate edges: strongest links merge first, and
    # two groups merge only if the average score over all their cross-article pairs
    # stays high and no article gets more than MAX_PER_ARTICLE members.  Single
    # linkage (connected components) chained "lasted 40 minutes" -> "lasted less
    # than an hour" -> "ended without a deal" in early trials.
    cluster_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    cache = dict(edges)

    def pair_score(i: int, j: int) -> float:
        key = (min(i, j), max(i, j))
        if key not in cache:
            cache[key] = scorer.score(*key)
        return cache[key]

    for (i, j), score in sorted(edges.items(), key=lambda kv: (-kv[1], kv[0])):
        if score < LINK_SCORE:
            break
        ci, cj = cluster_of[i], cluster_of[j]
        if ci == cj:
            continue
        a, b = members[ci], members[cj]
        counts: dict[int, int] = {}
        for m in a + b:
            counts[int(articles[m])] = counts.get(int(articles[m]), 0) + 1
        if max(counts.values()) > MAX_PER_ARTICLE:
            continue
        cross = [pair_score(x, y) for x in a for y in b if articles[x] != articles[y]]
        if not cross or sum(cross) / len(cross) < MERGE_AVERAGE:
            continue
        # Every member must be compatible with every other, whatever the average: one claim
        # dated to another round or giving another number makes the group two facts.
        if any(scorer.conflict(x, y) for x in a for y in b):
            continue
        # Keep the smaller id as the cluster id so results do not depend on dict order.
        keep, drop = (ci, cj) if ci < cj else (cj, ci)
        members[keep] = sorted(members[keep] + members.pop(drop))
        for m in members[keep]:
            cluster_of[m] = keep
    return [members[c] for c in sorted(members)]


def _build_group(indices: list[int], analyses: Sequence[ArticleAnalysis], refs: list[tuple[int, int]],
                 scorer: _Scorer) -> ClaimGroup:
    members = []
    for i in indices:
        a, c = refs[i]
        claim = analyses[a].claims[c]
        members.append(ClaimMember(analyses[a].article.id, c, claim.text, claim.start, claim.end))
    if len(indices) == 1:
        centre, cohesion = 0, 1.0
    else:
        totals = []
        pair_scores = []
        for x in indices:
            row = [scorer.score(x, y) for y in indices if y != x and refs[y][0] != refs[x][0]]
            totals.append(sum(row) / max(1, len(row)))
            pair_scores.extend(row)
        # Most central member; ties go to the shorter wording (easier to read).
        centre = max(range(len(indices)), key=lambda k: (round(totals[k], 6), -len(members[k].text), -k))
        cohesion = sum(pair_scores) / max(1, len(pair_scores))
    key = "|".join(f"{m.article_id}:{m.claim_index}" for m in members)
    group_id = "g-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]
    return ClaimGroup(group_id, tuple(members), centre, members[centre].text, round(float(cohesion), 4))


__all__ = ["Candidates", "ClaimGroup", "ClaimMember", "align_claims", "day_rivals", "find_neighbours", "score_candidates"]
