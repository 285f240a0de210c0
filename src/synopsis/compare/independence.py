"""Independence of outlets: which independent origin (witness) each article and each claim counts as.

"Independent is not repeated": a rewrite of CNN is CNN's witness, an aggregator's
"according to Reuters" paragraph is Reuters' witness, and a sentence copied word for
word from an earlier article is the earlier article's witness.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from anyascii import anyascii

from synopsis.ingest.outlets import outlet_name
from synopsis.records import ArticleAnalysis, Claim

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
# (a wire lead run word for word is 20-31 words in the QA cases; stock attributions 8-15), or an
# explicit credit of the original's outlet (the article's origin or cited outlets).
COPY_MIN_SHARED = 2
COPY_LONG_WORDS = 20

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

# Phrases that hand a statement over to another reporter.  Hand-written because
# textacy and spaCy find speech verbs, not media attributions of whole paragraphs.
_NAME = r"(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+(?:of|for|the|de|[A-Z][\w.&'’-]*))*(?:\s+(?:television|radio|newspaper|news\s+agency|agency|channel|broadcaster))?"
# A list continues over commas only when it ends in "and": "A, B and C", never "A, Russian officials".
_LIST = r"(" + _NAME + r"(?:(?:\s*,\s*" + _NAME + r")*\s*,?\s+(?:and|&)\s+" + _NAME + r")?)"
_CITE_PATTERNS = [
    re.compile(
        r"\b(?i:according\s+to|as\s+(?:reported|cited|noted|observed|detailed|quoted|published|first\s+reported)\s+by"
        r"|as\s+per|reported\s+by|cited\s+by|citing|quoted\s+by|told)\s+"
        r"(?i:(?:the\s+)?(?:coverage|reporting|reports?|a\s+report|live\s+coverage|data)\s+(?:by|from|of)\s+)?" + _LIST
    ),
    # "As per Jane Doe and John Roe in The Daily Planet", "... staff for Example News"
    re.compile(
        r"\b(?i:according\s+to|as\s+\w+\s+by|as\s+per)\s[^,;:]{0,80}?\s(?:in|for)\s+" + _LIST
    ),
    # "Reuters reported", "State news agency TASS confirmed"
    re.compile(_LIST + r"\s+(?:reported|reports|confirmed|noted|wrote|writes|said|says|quoted)\b"),
]
_MEDIA_PHRASE = re.compile(
    r"(?i)(?:as\s+(?:reported|cited|observed|detailed|published|first\s+reported)\s+by|reported\s+by|cited\s+by"
    r"|according\s+to\s+(?:the\s+)?(?:coverage|reporting|reports?|a\s+report|live\s+coverage)\s)"
)
_SPEECH_VERB = re.compile(r"\s(?:said|says|confirmed|noted|quoted)$")
_MEDIA_VERB = re.compile(r"\s(?:reported|reports|wrote|writes)$")
_MEDIA_WORDS = re.compile(
    r"\b(?:news|times|post|tv|television|radio|agency|press|journal|herald|tribune|guardian|telegraph|"
    r"gazette|daily|wire|broadcast\w*|channel|newspaper|magazine|media|bbc|cnn|reuters|tass|ria|afp|ap)\b",
    re.IGNORECASE,
)
# Words that make a name an official, a body or a person speaking, not a reporting outlet: "the
# Defense Ministry reported", "White House Press Secretary X said". Independent sources are
# outlets; whoever they quote is a voice (see voices), never a further source.
_SPEAKER_WORDS = re.compile(
    r"\b(?:ministry|ministries|minister|ministers|government|kremlin|office|president|presidency|"
    r"spokes\w*|secretary|council|department|police|army|military|forces|committee|commission|"
    r"parliament|embassy|authorit\w+|officials?|advis[eo]rs?|ambassador|governor|mayor|general|"
    r"command|court|prosecutor\w*|senator|lawmakers?|party|delegation|chief|head|director|"
    r"foreign\s+affairs|white\s+house)\b",
    re.IGNORECASE,
)
# Media words that outweigh speaker words in one name ("BBC World Service", "Press TV").
_MEDIA_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|tv|television|radio|newspaper|magazine|gazette|herald|tribune|journal|wire|"
    r"bbc|cnn|reuters|tass|ria|afp|ap)\b",
    re.IGNORECASE,
)
_DESCRIPTIONS = {"state", "national", "local", "regional", "official", "government", "independent", "private",
                 "public", "foreign", "international", "russian", "ukrainian", "turkish", "western"}
_NOT_NAMES = {"as", "it", "he", "she", "they", "we", "this", "that", "which", "who", "according", "also", "earlier"}
_WORD = re.compile(r"\w+", re.UNICODE)
_NAME_CONNECTORS = {"of", "for", "the", "de", "al", "el", "la", "le", "du", "und", "and"}


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


def name_outlet(analysis: ArticleAnalysis) -> str:
    """Return the outlet name an article is shown under (its source when the outlet is unknown)."""
    return outlet_name(analysis.article)


# Pure and called for every entity against every cited name (22,000 calls for
# five articles): remember the foldings.
@functools.lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Return an outlet or person name folded for comparison ("The New York Times" -> "new york times")."""
    folded = anyascii(name).lower().replace("’", "'")
    folded = re.sub(r"'s\b", "", folded)
    folded = re.sub(r"[^\w\s]", " ", folded)
    folded = re.sub(r"^\s*the\s+", "", folded)
    return " ".join(folded.split())


def build_outlet_index(analyses: Iterable[ArticleAnalysis], extra: Iterable[str] = ()) -> dict[str, str]:
    """Map folded outlet names and aliases of a story to the names they are shown under."""
    index: dict[str, str] = {}
    for analysis in analyses:
        article = analysis.article
        for outlet in (article.outlet, article.origin):
            if outlet is None:
                continue
            for alias in (outlet.name, *outlet.aliases):
                index.setdefault(normalize_name(alias), outlet.name)
        for cited in article.cites:
            index.setdefault(normalize_name(cited), cited)
    for name in extra:
        index.setdefault(normalize_name(name), name)
    index.pop("", None)
    return index


def find_cited_outlets(text: str, outlets: dict[str, str], analysis: ArticleAnalysis | None = None,
                       offset: int = 0) -> tuple[str, ...]:
    """Return the outlets a passage attributes its content to ("According to Reuters and DW, ...")."""
    found: list[str] = []
    for pattern in _CITE_PATTERNS:
        for match in pattern.finditer(text):
            group = match.group(1)
            # "as reported by X" names a reporter; "according to X" may name any speaker.
            media_phrase = bool(_MEDIA_PHRASE.match(match.group(0)) or _MEDIA_VERB.search(match.group(0)))
            # "X said": any organisation speaks; only "according to X" / "told X" may hand a
            # statement to an organisation that is not named like a medium.
            speaking = bool(_SPEECH_VERB.search(match.group(0)))
            for part in re.split(r"\s*(?:,|\band\b|&)\s*", group):
                name = _resolve_outlet(part.strip(), outlets, analysis, offset + match.start(1), media_phrase,
                                       allow_org=not speaking)
                if name and name not in found:
                    found.append(name)
    return tuple(found)


def _resolve_outlet(part: str, outlets: dict[str, str], analysis: ArticleAnalysis | None,
                    position: int, media_phrase: bool = False, allow_org: bool = True) -> str | None:
    part = re.sub(r"^(?:the|state\s+news\s+agency|news\s+agency|agency|broadcaster|newspaper)\s+", "", part,
                  flags=re.IGNORECASE).strip()
    part = re.sub(r"(?:'s|’s)$", "", part.rstrip(".")).strip()
    media_phrase = media_phrase or bool(_MEDIA_WORDS.search(part))
    part = re.sub(r"\s+(?:television|radio|newspaper|news\s+agency|agency|channel|broadcaster)$", "", part)
    if not part or part.lower() in _DESCRIPTIONS:
        return None  # "State news agency" describes an outlet without naming it
    # Outlet names are capitalised words with a few connectors; a lower-case
    # word means the match ran into prose ("Reuters staff for ...",
    # "reporting by ...") and is not a name at all.
    if any(word[:1].islower() and word not in _NAME_CONNECTORS for word in part.split()):
        return None
    folded = normalize_name(part)
    if folded in _NOT_NAMES:
        return None
    if folded in outlets:
        return outlets[folded]
    # "DW's live coverage", "Al Jazeera's Sinem Koseoglu": a known outlet at the start.
    for known, name in outlets.items():
        if folded.startswith(known + " ") and len(known) >= 2:
            return name
    if analysis is not None and _is_person(analysis, part, position):
        return None  # "According to Umerov": a speaker, not a reporter
    if _SPEAKER_WORDS.search(part) and not _MEDIA_OUTLET_WORDS.search(part):
        return None  # "the Defense Ministry reported": an official source, not an outlet
    # An unknown name is an outlet when it is handed the statement as a reporter ("as reported
    # by X", "X reported"), is named like one ("Metro TV"), or is an organisation the statement is
    # credited to ("according to DW's live coverage"); an organisation that merely "said"
    # something (the Kremlin, a company) is a speaker.
    if media_phrase or (allow_org and analysis is not None and _is_org(analysis, position)):
        return part
    return None


def _is_org(analysis: ArticleAnalysis, position: int) -> bool:
    return any(e.label == "ORG" and e.start <= position < e.end for e in analysis.entities)


def _is_person(analysis: ArticleAnalysis, part: str, position: int) -> bool:
    for entity in analysis.entities:
        if entity.label == "PERSON" and entity.start <= position < entity.end:
            return True
        if entity.label == "PERSON" and normalize_name(entity.text) == normalize_name(part):
            return True
    return False


def find_paragraph(text: str, start: int) -> tuple[int, int]:
    """Return the bounds of the paragraph (line) holding offset ``start``."""
    begin = text.rfind("\n", 0, start) + 1
    end = text.find("\n", start)
    return begin, (len(text) if end == -1 else end)


def attribute_claim(analysis: ArticleAnalysis, claim: Claim, outlets: dict[str, str]) -> tuple[str, ...]:
    """Return the outlets a claim is attributed to in its sentence, else earlier in its paragraph."""
    text = analysis.article.text
    sentence_start, sentence_end = claim.start, claim.end
    if 0 <= claim.sentence < len(analysis.sentences):
        sentence = analysis.sentences[claim.sentence]
        sentence_start, sentence_end = min(sentence.start, claim.start), max(sentence.end, claim.end)
    own = name_outlet(analysis)
    cited = [c for c in find_cited_outlets(text[sentence_start:sentence_end], outlets, analysis, sentence_start)
             if normalize_name(c) != normalize_name(own)]
    speakers = [claim.attributed_to, *claim.co_speakers] if claim.attributed_to else []
    for speaker in reversed(speakers):  # inserted at the front: the first speaker ends up first
        # The extractor's speakers of the claim ("Reuters and AP reported" credits both): an
        # outlet only when known or named like one.
        resolved = _resolve_outlet(speaker, outlets, analysis, claim.start, allow_org=False)
        if resolved and normalize_name(resolved) != normalize_name(own) and resolved not in cited:
            cited.insert(0, resolved)
    if cited:
        return tuple(cited)
    # A paragraph opened with "According to X, ..." hands its following sentences to X too.
    begin, _ = find_paragraph(text, claim.start)
    if begin < sentence_start:
        earlier = find_cited_outlets(text[begin:sentence_start], outlets, analysis, begin)
        return tuple(c for c in earlier if normalize_name(c) != normalize_name(own))
    return ()


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
        copies.setdefault(copy, original)
    return _established_copies(analyses, copies, dict(zip(refs, lengths)))


def _established_copies(analyses: Sequence[ArticleAnalysis], copies: dict[tuple[int, int], tuple[int, int]],
                        lengths: dict[tuple[int, int], int]) -> dict[tuple[int, int], tuple[int, int]]:
    """Keep the copies that more than one short sentence establishes (``COPY_MIN_SHARED``)."""
    shared = Counter((a, b) for (a, _), (b, _) in copies.items())

    def credits(a: int, b: int) -> bool:
        article = analyses[a].article
        credited = {normalize_name(name) for name in article.cites}
        if article.origin is not None:
            credited.add(normalize_name(article.origin.name))
        return normalize_name(name_outlet(analyses[b])) in credited

    return {copy: original for copy, original in copies.items()
            if shared[copy[0], original[0]] >= COPY_MIN_SHARED or lengths[copy] >= COPY_LONG_WORDS
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
        if article.origin is not None and normalize_name(article.origin.name) != normalize_name(own):
            origin, derived, note = article.origin.name, True, f"rewrites {article.origin.name}"
        elif kind == "aggregator" and len(article.cites) == 1:
            origin, derived, note = article.cites[0], True, f"aggregates {article.cites[0]}"
        else:
            origin, derived, note = own, False, None
        witnesses: list[tuple[str, ...]] = []
        claim_notes: list[str | None] = []
        for claim in analysis.claims:
            cited = attribute_claim(analysis, claim, outlets) if not derived or kind == "aggregator" else ()
            if cited:
                witnesses.append(cited)
                claim_notes.append("citing " + ", ".join(cited))
            else:
                witnesses.append((origin,))
                claim_notes.append(f"citing {origin}" if derived else None)
        base[article.id] = OriginInfo(article.id, own, origin, derived, tuple(article.cites), note=note)
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
            tuple((c, o, d) for c, (o, d) in sorted(copy_links[aid].items())),
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
