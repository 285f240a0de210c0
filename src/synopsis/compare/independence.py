"""Independence of outlets: which independent origin (witness) each article and each claim counts as.

"Independent is not repeated": a rewrite of CNN is CNN's witness, an aggregator's
"according to Reuters" paragraph is Reuters' witness, and a sentence copied word for
word from an earlier article is the earlier article's witness.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from anyascii import anyascii

from synopsis.compare.citations import (attribute_claim, build_outlet_index, find_lead_credits, name_outlet,
                                        normalize_name)
from synopsis.ingest.outlets import is_same_outlet
from synopsis.link.actors import same_name
from synopsis.records import ArticleAnalysis, Claim, Outlet

# Thresholds for "near-identical sentence" (copying).  Measured with the MiniLM
# embedder on hand-made pairs: a verbatim copy with one word changed scores
# 0.97-0.99 cosine and 0.80-0.90 token Jaccard; two outlets independently
# paraphrasing the same fact ("lasted less than an hour" / "lasted about 40
# minutes") score 0.6-0.8 cosine and < 0.4 Jaccard.  Eight words is the floor
# because short sentences ("The talks were held in Russian.") are written
# identically by independent reporters.
COPY_JACCARD = 0.8
COPY_COSINE = 0.95
COPY_COSINE_MIN_JACCARD = 0.5  # cosine alone matches close paraphrases, so require shared words too
COPY_MIN_WORDS = 8
# An article that repeats another's wording for at least this share of its long claims (and at
# least REPEATED_ARTICLE_CLAIMS of them) is that article republished: it counts as the other's
# witness throughout, short sentences included ("Villagers accused officials of negligence.",
# too short to tell a copy from independent wording on its own).  A republished wire story
# copies nearly every sentence; independent reports of one event share a few stock sentences
# at most, which the per-claim rule already handles.
REPEATED_ARTICLE_SHARE = 0.5
REPEATED_ARTICLE_CLAIMS = 3
# One shared sentence alone does not make an article a copy: independent reporters write the
# same stock attribution ("Three firefighters were injured, fire service spokesman Petar Ivanov
# said.", 10 words, 0.96 cosine with "... told reporters.") from one press briefing.  A copy needs
# COPY_MIN_SHARED sentences taken from the same article, or one sentence of COPY_LONG_WORDS words
# (a wire lead run word for word is 20-31 words in the QA cases; stock attributions 8-15) written
# word for word, or an explicit credit of the original's outlet (the article's origin or cited
# outlets).
COPY_MIN_SHARED = 2
COPY_LONG_WORDS = 20
# "Word for word" is word order, not only the same words or meaning: two outlets paraphrasing one
# fire service statement ("said the blaze was started by sparks from a power line that strong winds
# had brought down" / "said on Monday that the blaze was started by sparks from a power line
# brought down by strong winds") share 0.80-0.88 of their words and score 0.96-0.97 cosine, yet
# only 0.57 of the shorter sentence's word trigrams; a sentence run with one word changed or a
# clause added keeps 0.84-0.89 of them ("The Corran Bridge, opened in 1971, carries ..." / "The
# bridge, which opened in 1971, carries ..., Corvan reported", 0.84).
COPY_VERBATIM_TRIGRAMS = 0.75
# A sentence that both outlets give as the words of one speaker ("the fire service said ...", a
# prosecutor's quote) is no sign of copying: reporters at one briefing, or reading one statement,
# write it alike, and the wording is the speaker's rather than the writer's own.  Such a sentence
# counts only between articles that other sentences or a credit show to be copy and original.

# How primary an outlet kind usually is; used only to orient a copy when
# publication times cannot (lower = more likely the original).
_KIND_RANK = {
    "wire service": 0,
    "government": 0,
    "state media": 1,
    "broadcaster": 2,
    "newspaper": 2,
    "independent": 2,
    "unknown": 3,
    "blog": 4,
    "aggregator": 4,
    "encyclopedia": 5,
}

_WORD = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True, slots=True)
class OriginInfo:
    """Whose witness an article is, and per claim whose witness each claim is."""

    article_id: str
    outlet: str  # the article's own outlet name (or its source when unknown)
    origin: str  # the independent origin the article counts as by default
    derived: bool  # True when the article rewrites or aggregates another outlet
    cites: tuple[str, ...] = ()
    # Per claim (same order as ArticleAnalysis.claims): the independent origins it counts under.
    claim_witnesses: tuple[tuple[str, ...], ...] = ()
    # Per claim: why it is not the article's own witness ("citing X", "repeating X"), or None.
    claim_notes: tuple[str | None, ...] = ()
    note: str | None = None
    # Near-identical claims: (claim, earlier article id, its claim) for each copied claim.
    copies: tuple[tuple[int, str, int], ...] = ()
    # The outlets the article's lead gives as the source of its report (``find_lead_credits``).
    credited: tuple[str, ...] = ()


def _parse_published(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def order_articles(first: ArticleAnalysis, second: ArticleAnalysis) -> int:
    """Return -1 if ``first`` is the likelier original of a shared sentence, 1 if ``second`` is, 0 if unknown."""
    a, b = _parse_published(first.article.published), _parse_published(second.article.published)
    if a is not None and b is not None and a != b:
        return -1 if a < b else 1
    rank = [_KIND_RANK.get(x.article.outlet.kind if x.article.outlet else "unknown", 3)
            + (2 if x.article.origin is not None else 0) for x in (first, second)]
    if rank[0] != rank[1]:
        return -1 if rank[0] < rank[1] else 1
    return 0


def tokenize(text: str) -> list[str]:
    """Return lower-cased word tokens (for token overlap)."""
    return _WORD.findall(anyascii(text).lower())


def find_copies(analyses: Sequence[ArticleAnalysis], embedder=None,
                witnesses: dict[str, str] | None = None) -> dict[tuple[int, int], tuple[int, int]]:
    """Return near-identical claims: (article, claim) of the copy -> (article, claim) of the original."""
    refs: list[tuple[int, int]] = []
    tokens: list[set[str]] = []
    lengths: list[int] = []
    for a, analysis in enumerate(analyses):
        for c, claim in enumerate(analysis.claims):
            words = tokenize(claim.text)
            refs.append((a, c))
            tokens.append(set(words))
            lengths.append(len(words))
    candidates = _find_overlap_candidates(tokens, lengths, refs)
    vectors = None
    if embedder is not None and refs:
        vectors = embedder.embed([analyses[a].claims[c].text for a, c in refs])
    copies: dict[tuple[int, int], tuple[int, int]] = {}
    outlets = build_outlet_index(analyses)
    said_alike: set[tuple[int, int]] = set()  # copies whose two sentences one speaker's statement gives
    verbatim: set[tuple[int, int]] = set()  # copies written word for word (COPY_VERBATIM_TRIGRAMS)
    for i, j in sorted(candidates):
        a, b = refs[i][0], refs[j][0]
        if witnesses is not None and witnesses.get(analyses[a].article.id) == witnesses.get(analyses[b].article.id):
            continue  # already counted as the same witness
        jaccard = len(tokens[i] & tokens[j]) / max(1, len(tokens[i] | tokens[j]))
        near = jaccard >= COPY_JACCARD
        if not near and vectors is not None and jaccard >= COPY_COSINE_MIN_JACCARD:
            near = float(vectors[i] @ vectors[j]) >= COPY_COSINE
        if not near:
            continue
        direction = order_articles(analyses[a], analyses[b])
        if direction == 0:
            # Unknown order: still one witness, not two; keep the first-listed article as the original.
            direction = -1 if a < b else 1
        copy, original = (refs[j], refs[i]) if direction < 0 else (refs[i], refs[j])
        if copy in copies:
            continue
        copies[copy] = original
        first, second = (analyses[x].claims[y] for x, y in (copy, original))
        if _same_speaker(first, second, outlets):
            said_alike.add(copy)
        if _trigram_share(first.text, second.text) >= COPY_VERBATIM_TRIGRAMS:
            verbatim.add(copy)
    return _established_copies(analyses, copies, dict(zip(refs, lengths)), said_alike, verbatim)


def _same_speaker(first: Claim, second: Claim, outlets: dict[str, str]) -> bool:
    """Whether both claims are statements of one speaker that is not a news outlet ("the fire
    service said" in both; "..., Corvan reported" is a credit of the outlet, not a statement)."""
    if not first.attributed_to or not second.attributed_to:
        return False
    names = [normalize_name(claim.attributed_to) for claim in (first, second)]  # type: ignore[arg-type]
    if any(name in outlets for name in names):
        return False
    return same_name(*names)


def _trigrams(text: str) -> set[tuple[str, ...]]:
    words = tokenize(text)
    return {tuple(words[i:i + 3]) for i in range(len(words) - 2)}


def _trigram_share(first: str, second: str) -> float:
    """The share of the shorter sentence's word trigrams that the other gives too."""
    a, b = _trigrams(first), _trigrams(second)
    return len(a & b) / max(1, min(len(a), len(b)))


def _established_copies(analyses: Sequence[ArticleAnalysis], copies: dict[tuple[int, int], tuple[int, int]],
                        lengths: dict[tuple[int, int], int], said_alike: Collection[tuple[int, int]] = (),
                        verbatim: Collection[tuple[int, int]] = ()) -> dict[tuple[int, int], tuple[int, int]]:
    """Keep the copies between articles that more than one sentence in the writer's own words
    (``COPY_MIN_SHARED``), one long sentence word for word, or a credit shows to be copy and
    original; statements of one speaker both give (``said_alike``) show nothing alone."""
    own = {copy: original for copy, original in copies.items() if copy not in said_alike}
    shared = Counter((a, b) for (a, _), (b, _) in own.items())
    long_verbatim = {(copy[0], original[0]) for copy, original in own.items()
                     if lengths[copy] >= COPY_LONG_WORDS and copy in verbatim}

    def credits(a: int, b: int) -> bool:
        article = analyses[a].article
        credited = {normalize_name(name) for name in article.cites}
        if article.origin is not None:
            credited.add(normalize_name(article.origin.name))
        return normalize_name(name_outlet(analyses[b])) in credited

    return {copy: original for copy, original in copies.items()
            if shared[copy[0], original[0]] >= COPY_MIN_SHARED or (copy[0], original[0]) in long_verbatim
            or credits(copy[0], original[0])}


def find_repeated_articles(analyses: Sequence[ArticleAnalysis],
                           copies: dict[tuple[int, int], tuple[int, int]]) -> dict[int, int]:
    """Articles that republish another's text: article index -> index of the one it repeats
    (REPEATED_ARTICLE_SHARE of its long claims are copies of that one)."""
    copied: dict[int, Counter] = {}
    for (a, _), (b, _) in copies.items():
        copied.setdefault(a, Counter())[b] += 1
    repeated = {}
    for a, sources in copied.items():
        b, count = sources.most_common(1)[0]
        long_claims = sum(len(tokenize(c.text)) >= COPY_MIN_WORDS for c in analyses[a].claims)
        if count >= REPEATED_ARTICLE_CLAIMS and count >= REPEATED_ARTICLE_SHARE * long_claims:
            repeated[a] = b
    return repeated


def _find_overlap_candidates(tokens: list[set[str]], lengths: list[int],
                             refs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    # Blocking by shared rare words: an inverted index over the words of long-enough
    # claims; pairs must share at least half of the smaller claim's words.
    df: dict[str, int] = {}
    for words in tokens:
        for w in words:
            df[w] = df.get(w, 0) + 1
    postings: dict[str, list[int]] = {}
    for i, words in enumerate(tokens):
        if lengths[i] < COPY_MIN_WORDS:
            continue
        # Index only each claim's rarest words: copies share them all, and common
        # words ("the", "said") would make the blocking quadratic.
        for w in sorted(words, key=lambda w: (df[w], w))[:6]:
            postings.setdefault(w, []).append(i)
    pairs: set[tuple[int, int]] = set()
    for members in postings.values():
        if len(members) > 200:
            continue
        for x in range(len(members)):
            for y in range(x + 1, len(members)):
                i, j = members[x], members[y]
                if refs[i][0] != refs[j][0]:
                    pairs.add((min(i, j), max(i, j)))
    return pairs


def find_origins(analyses: Sequence[ArticleAnalysis], embedder=None,
                 known_outlets: Collection[str] = ()) -> dict[str, OriginInfo]:
    """Return, per article id, its independent origin and the witness of each of its claims."""
    outlets = build_outlet_index(analyses, known_outlets)
    base: dict[str, OriginInfo] = {}
    per_claim: dict[str, list[tuple[str, ...]]] = {}
    notes: dict[str, list[str | None]] = {}
    for analysis in analyses:
        article = analysis.article
        own = name_outlet(analysis)
        kind = article.outlet.kind if article.outlet else "unknown"
        if article.origin is not None and normalize_name(article.origin.name) != normalize_name(own) and not (
                is_same_outlet(article.origin, article.outlet or Outlet(name=own))):
            origin, derived, note = article.origin.name, True, f"rewrites {article.origin.name}"
        elif kind == "aggregator" and len(article.cites) == 1:
            origin, derived, note = article.cites[0], True, f"aggregates {article.cites[0]}"
        else:
            origin, derived, note = own, False, None
        # A lead that credits an agency with the report ("..., the news agency NWS reported")
        # makes the article a rewrite of it, yet only for what the agency reports too: an article
        # adds background of its own. Each uncited sentence may so come from either (a witness
        # of several origins joins the one that reports the fact, ``find_independent_origins``).
        credited = () if derived or kind == "aggregator" else find_lead_credits(analysis, outlets)
        witnesses: list[tuple[str, ...]] = []
        claim_notes: list[str | None] = []
        for claim in analysis.claims:
            cited = attribute_claim(analysis, claim, outlets) if not derived or kind == "aggregator" else ()
            if cited:
                witnesses.append(cited)
                claim_notes.append("citing " + ", ".join(cited))
            elif credited:
                witnesses.append((origin, *credited))
                claim_notes.append("citing " + ", ".join(credited))
            else:
                witnesses.append((origin,))
                claim_notes.append(f"citing {origin}" if derived else None)
        base[article.id] = OriginInfo(article.id, own, origin, derived, tuple(article.cites), note=note,
                                      credited=credited)
        per_claim[article.id] = witnesses
        notes[article.id] = claim_notes

    copies = find_copies(analyses, embedder, {k: v.origin for k, v in base.items()})
    for a, b in find_repeated_articles(analyses, copies).items():
        article, original = analyses[a].article.id, base[analyses[b].article.id]
        if base[article].derived:
            continue  # its metadata already says whose it is
        repeating = f"repeats {original.outlet}"
        base[article] = OriginInfo(article, base[article].outlet, original.origin, True, base[article].cites, note=repeating)
        per_claim[article] = [(original.origin,)] * len(analyses[a].claims)
        notes[article] = [f"repeating {original.outlet}"] * len(analyses[a].claims)
    copy_links: dict[str, dict[int, tuple[str, int]]] = {a.article.id: {} for a in analyses}
    for (a, c), (b, d) in copies.items():
        copy_links[analyses[a].article.id][c] = (analyses[b].article.id, d)

    def resolve(article_id: str, claim: int, seen: frozenset = frozenset()) -> tuple[str, ...]:
        link = copy_links[article_id].get(claim)
        if link is None or (article_id, claim) in seen:
            return per_claim[article_id][claim]
        return resolve(link[0], link[1], seen | {(article_id, claim)})

    result: dict[str, OriginInfo] = {}
    for analysis in analyses:
        aid = analysis.article.id
        info = base[aid]
        witnesses = list(per_claim[aid])
        claim_notes = list(notes[aid])
        for claim, (other, _) in copy_links[aid].items():
            resolved = resolve(aid, claim)
            if resolved != witnesses[claim]:
                witnesses[claim] = resolved
                claim_notes[claim] = f"repeating {base[other].outlet}"
        result[aid] = OriginInfo(
            info.article_id, info.outlet, info.origin, info.derived, info.cites,
            tuple(witnesses), tuple(claim_notes), info.note,
            tuple((c, o, d) for c, (o, d) in sorted(copy_links[aid].items())), info.credited,
        )
    return result


def claim_witnesses(analysis: ArticleAnalysis, claim: Claim | int, info: OriginInfo | None = None,
                    outlets: dict[str, str] | None = None) -> tuple[str, ...]:
    """Return every independent origin a claim counts under."""
    index = claim if isinstance(claim, int) else _claim_index(analysis, claim)
    if info is not None and index is not None and index < len(info.claim_witnesses):
        return info.claim_witnesses[index]
    origins = find_origins([analysis], known_outlets=tuple(outlets.values()) if outlets else ())
    mine = origins[analysis.article.id]
    if index is not None:
        return mine.claim_witnesses[index]
    claim_obj = claim if isinstance(claim, Claim) else analysis.claims[claim]
    cited = attribute_claim(analysis, claim_obj, build_outlet_index([analysis]))
    return cited or (mine.origin,)


def claim_witness(analysis: ArticleAnalysis, claim: Claim | int, info: OriginInfo | None = None) -> str:
    """Return the independent origin a claim should be counted under (the first when several are cited)."""
    return claim_witnesses(analysis, claim, info)[0]


def _claim_index(analysis: ArticleAnalysis, claim: Claim) -> int | None:
    for i, candidate in enumerate(analysis.claims):
        if candidate == claim:
            return i
    return None


def provenance_label(info: OriginInfo, claim: int | None = None) -> str:
    """Return how a report names a source: "CNN", "Blogname, citing CNN", "Blog, repeating Meduza"."""
    if claim is not None and claim < len(info.claim_notes) and info.claim_notes[claim]:
        return f"{info.outlet}, {info.claim_notes[claim]}"
    if info.derived:
        return f"{info.outlet}, citing {info.origin}"
    return info.outlet


@dataclass(frozen=True, slots=True)
class Witness:
    """One corpus article's report of a fact, and the origins its words may come from: the article
    itself, or the outlets it cites, rewrites or repeats (``find_origins``)."""

    article_id: str
    outlet: str  # the corpus outlet the article is shown under
    origins: tuple[str, ...]

    @property
    def cites(self) -> tuple[str, ...]:
        """The origins that are not the article's own outlet: whom it gives the fact as coming from."""
        return tuple(o for o in self.origins if normalize_name(o) != normalize_name(self.outlet))


@dataclass(frozen=True, slots=True)
class IndependentOrigin:
    """Corpus articles that may tell a fact from one source, under the name that source goes by."""

    name: str
    article_ids: frozenset[str]


def find_independent_origins(witnesses: Iterable[Witness]) -> tuple[IndependentOrigin, ...]:
    """The independent origins among the reports of one fact, in first-seen order.

    A corpus article is one witness however many outlets it names: "according to A and B" says
    where its words may come from, not that A and B were heard. Its reports of one fact are one
    witness too. Two articles that may share a source (both cite one wire, one rewrites or cites
    the other) are one origin, and so are chains of them. An origin is named by the source its
    articles share most (two papers citing one wire: the wire); one article alone by the one
    source it gives, else by itself, so an outlet that is not in the story never stands for an
    article that names several.
    """
    merged: dict[str, Witness] = {}
    for witness in witnesses:
        found = merged.get(witness.article_id)
        origins = witness.origins if found is None else tuple(dict.fromkeys(found.origins + witness.origins))
        merged[witness.article_id] = Witness(witness.article_id, (found or witness).outlet, origins)
    articles = list(merged.values())
    parent = list(range(len(articles)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # Articles giving one source are joined by it (two papers citing one wire).  An article that
    # names several ("according to Reuters and AP") joins the origin of one of them if there is
    # one, but joins no two origins: a roundup citing two wires would otherwise make their own
    # reports one origin, and adding a report would take corroboration away.
    first_by_origin: dict[str, int] = {}
    for i, witness in enumerate(articles):
        if len(witness.origins) == 1:
            j = first_by_origin.setdefault(normalize_name(witness.origins[0]), i)
            parent[root(i)] = root(j)
    for i, witness in enumerate(articles):
        if len(witness.origins) > 1:
            keys = [normalize_name(origin) for origin in witness.origins]
            joined = next((first_by_origin[key] for key in keys if key in first_by_origin), None)
            if joined is not None:
                parent[root(i)] = root(joined)
            for key in keys:
                first_by_origin.setdefault(key, i)
    components: dict[int, list[Witness]] = {}
    for i, witness in enumerate(articles):
        components.setdefault(root(i), []).append(witness)
    found: list[IndependentOrigin] = []
    for members in components.values():
        if len(members) == 1:
            [only] = members
            name = only.origins[0] if len(only.origins) == 1 else only.outlet
        else:
            names: dict[str, str] = {}
            shared: Counter[str] = Counter()
            for witness in members:
                for origin in dict.fromkeys(normalize_name(o) for o in witness.origins):
                    shared[origin] += 1
                for origin in witness.origins:
                    names.setdefault(normalize_name(origin), origin)
            name = names[max(shared, key=lambda folded: shared[folded])]  # ties: the first given
        found.append(IndependentOrigin(name, frozenset(w.article_id for w in members)))
    return tuple(found)


def count_independent(witnesses: Iterable[Witness]) -> tuple[str, ...]:
    """The names of the independent origins among the reports of one fact (``find_independent_origins``)."""
    return tuple(origin.name for origin in find_independent_origins(witnesses))


__all__ = [
    "IndependentOrigin",
    "OriginInfo",
    "Witness",
    "claim_witness",
    "claim_witnesses",
    "count_independent",
    "find_copies",
    "find_independent_origins",
    "find_origins",
    "find_repeated_articles",
    "provenance_label",
]
