"""Grouping articles into stories (one real-world event each), in a batch or one article at a time.

Both methods use one similarity (``link.events.compare_events``): the embedding
of title and lead blended with shared names and key words of the whole text,
lowered when the articles fill a slot differently (another main person, another
month or year), set to zero when their event days are too far apart and damped
when their places differ, so look-alike events (another round of the same talks,
another earthquake) stay apart.  A story's score for an article is the mean similarity to its members,
which is what average-linkage clustering merges on; the batch method is that
clustering, the incremental one assigns each new article to the best story among
those its nearest neighbours (an HNSW index, filtered by time window) belong to,
then clusters that story again with the nearby stories the article could bridge
(``regroup``), so the order articles arrive in hardly decides the stories.
Clustering also keeps apart two groups each about a different person, or each
naming someone the other hardly names (``link.groups_apart.why_apart``): checks
that need groups, not one article.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Protocol, Sequence

import numpy as np

from synopsis.extract.embed import LEAD_MODEL_ID
from synopsis.link.event_profile import EventProfile, describe_event, key_names, lead_text
from synopsis.link.events import TIME_WINDOW, compare_events, compare_matrix
from synopsis.link.groups_apart import why_apart
from synopsis.link.index import NO_DAY, VectorIndex
from synopsis.link.pair_scores import PairScores
from synopsis.records import ArticleAnalysis, Story

# Mean similarity an article needs with a story's members to join it (and two
# groups need to merge in the batch method).  Tuned on ECB+ topics 1-25 only
# (bench/ecbplus.py --sweep, session 10: batch F1 0.902 there, 0.905 at 0.325,
# 0.900 at 0.35, 0.899 at 0.40, a spread within the noise between thresholds;
# complete linkage peaked at 0.87 in session 1); the example and reference
# corpora must each form one story at this value (tests/link/test_look_alike_events.py).
MERGE_SIMILARITY = 0.375
# Nearest stored articles looked at for each new article: the stories they
# belong to are the candidates.  News events rarely have more than a few dozen
# articles on one day, and a wrong story ranks below the right one's members.
NEIGHBOURS = 32
# Members of a candidate story compared with the new article: the mean over a
# bounded sample keeps the cost per article flat however large a story grows.
MAX_MEMBERS = 48
# At most this many articles are re-clustered per new article (best-scoring
# stories first): all pairs are compared under the database's write lock.  On
# ECB+ the neighbourhood averages 11 articles and peaks at 59.
REGROUP_LIMIT = 2 * MAX_MEMBERS
# Average linkage judges a lone article by its mean similarity to every member
# of a story, so a follow-up ("charges weighed two months after the arrest"),
# close to a few members and far from the rest, stays a story of its own.  A
# group of at most STRAY_SIZE articles left after the cut joins the story of at
# least STORY_SIZE articles it is clearly closest to: a mean similarity of at
# least ATTACH_SIMILARITY with it, and ATTACH_MARGIN times its mean with any
# other group larger than a stray (at MERGE_SIMILARITY, more than any other's is enough:
# ``clearly_closest``).  Chosen on ECB+ topics 1-25 (bench/ecbplus.py --sweep): batch F1
# 0.902 -> 0.923 there.  A stray of STRAY_NAME_GROUP articles
# or more that keeps naming what the story hardly names (the name rule of
# ``why_apart``) stays apart: in a synthetic archive, three reports of a hotel
# fire in one city had joined eight of a hotel fire in another.  A single
# article is not judged so: nearly every article names someone its story does
# not (on ECB+ the rule then vetoes nearly every attachment).  Streamed, strays
# are attached within the neighbourhood ``regroup`` re-clusters (see
# REGROUP_SIMILARITY), with the candidate stories left out of it as rivals
# (``closest_outside``): a host outside it is not seen, so the stream can still
# differ from batch.
STRAY_SIZE = 3
STORY_SIZE = 5
ATTACH_SIMILARITY = 0.15
ATTACH_MARGIN = 2.0
STRAY_NAME_GROUP = 2
# Nearby stories an article could bridge: they are re-clustered with the
# article's own story after it joins (``regroup``), so arrival order does not
# decide the stories.  Half the merge threshold, or lower where strays need it:
# a stray joins a host at a mean similarity of ATTACH_SIMILARITY, unless a rival
# reaches 1/ATTACH_MARGIN of that, so stories the article scores that little
# with are looked at too.  On ECB+ (bench/ecbplus.py, 10 stream orders) the
# streamed stories equal the batch method's in 6 of 10 orders on topics 1-25
# and 10 of 10 on 26-35 (half the merge threshold alone: 1 and 8 of 10), for
# 11 articles re-clustered per new one instead of 10.
REGROUP_SIMILARITY = min(MERGE_SIMILARITY / 2, ATTACH_SIMILARITY / ATTACH_MARGIN)

__all__ = [
    "MERGE_SIMILARITY",
    "StoryIndex",
    "cluster_stories",
    "describe_events",
    "embed_leads",
    "key_names",
    "lead_text",
    "new_story_id",
    "story_id",
]


def embed_leads(analyses: Sequence[ArticleAnalysis], embedder=None) -> np.ndarray:
    """Unit vectors of every article's title and lead, from the lead model (``Embedder.load_leads``)."""
    if embedder is None:
        from synopsis.extract.embed import Embedder

        embedder = Embedder.load_leads()
    elif getattr(embedder, "model_id", None) != LEAD_MODEL_ID:
        # Lead vectors are compared with the lead vectors stored before them: a
        # vector from the claim model would sit in a slightly different space.
        raise ValueError("lead vectors come from the lead model: pass Embedder.load_leads()")
    return embedder.embed([lead_text(a) for a in analyses])


def describe_events(
    analyses: Sequence[ArticleAnalysis], vectors: np.ndarray | None = None, embedder=None
) -> list[EventProfile]:
    """Event profiles of many articles (embedding their leads unless vectors are given)."""
    if vectors is None:
        vectors = embed_leads(analyses, embedder)
    return [describe_event(a, v) for a, v in zip(analyses, vectors)]


def story_id(article_ids: Sequence[str]) -> str:
    """A stable id from the member articles, so the same grouping gets the same id."""
    return "s" + hashlib.sha256("\n".join(sorted(article_ids)).encode()).hexdigest()[:11]


def new_story_id(first_article_id: str) -> str:
    """The id of a story opened by an article: fixed for the story's life, whatever joins later."""
    return story_id([first_article_id])


def cluster_stories(
    analyses: Sequence[ArticleAnalysis],
    embedder=None,
    threshold: float = MERGE_SIMILARITY,
    vectors: np.ndarray | None = None,
) -> list[Story]:
    """Group articles into stories by average-linkage clustering (batch), newest first."""
    if not analyses:
        return []
    profiles = describe_events(analyses, vectors, embedder)
    labels = cluster_profiles(profiles, threshold)
    groups: dict[int, list[EventProfile]] = defaultdict(list)
    for profile, label in zip(profiles, labels):
        groups[label].append(profile)
    # Named as `synopsis ingest` names a story fed the same input: by the member that came
    # first (the article that opened it) and the store's title rule, so a one-off analysis
    # and a store built from the same files show the same story ids and titles.
    # Articles and stories in the order the store lists them (``store.transactions.ARTICLE_ORDER``,
    # ``StoryTables.list_stories``): earliest article first, undated last, then by id; the story
    # with the latest article first, then by id.  A report of the same files is then the same
    # from either path, down to the order of a story's articles.
    published = {a.article.id: a.article.published for a in analyses}
    stories = [
        Story(
            id=new_story_id(members[0].article_id),
            title=title_from_profiles(members[:MAX_MEMBERS]),
            article_ids=tuple(sorted((m.article_id for m in members), key=lambda i: (published[i] is None, published[i] or "", i))),
        )
        for members in groups.values()
    ]
    stories.sort(key=lambda s: s.id)
    stories.sort(key=lambda s: max(published[i] or "" for i in s.article_ids), reverse=True)  # stable: ties stay by id
    return stories


def cluster_profiles(
    profiles: Sequence[EventProfile],
    threshold: float = MERGE_SIMILARITY,
    scores: PairScores | None = None,
    outside: Sequence[Sequence[EventProfile]] = (),
) -> list[int]:
    """Average-linkage cluster labels of event profiles (with ``scores``, pairs scored before are
    not scored again); ``outside`` are stories left out of the clustering that strays must still
    be clearly closer to their host than to (see ``attach_strays``)."""
    if len(profiles) == 1:
        return [0]
    # SciPy's hierarchical clustering rather than scikit-learn's wrapper around
    # the same algorithm: importing scikit-learn cost over a second of every
    # cold `synopsis analyze` (bench/analyze_speed.py); ECB+ scores are identical.
    from scipy.cluster.hierarchy import linkage
    from scipy.spatial.distance import squareform

    matrix = scores.matrix(profiles) if scores is not None else compare_matrix(profiles)
    distance = np.clip(1.0 - matrix, 0.0, None)
    distance = (distance + distance.T) / 2  # exact symmetry, as squareform requires
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    return attach_strays(cut_tree(tree, profiles, 1.0 - threshold), matrix, profiles, outside, scores)


def attach_strays(
    labels: Sequence[int],
    matrix: np.ndarray,
    profiles: Sequence[EventProfile],
    outside: Sequence[Sequence[EventProfile]] = (),
    scores: PairScores | None = None,
) -> list[int]:
    """Labels with every small group moved into the large story it is clearly closest to
    (STRAY_SIZE, STORY_SIZE, ATTACH_*), unless ``why_apart`` keeps them apart.  Stories
    ``outside`` the clustering are rivals too, never hosts."""
    groups: dict[int, list[int]] = defaultdict(list)
    for i, label in enumerate(labels):
        groups[label].append(i)
    # Groups are measured as the cut left them, whatever strays join them.  Every group
    # larger than a stray is a rival, a host or not: the stray must be clearly closest to its
    # host.  Other strays are not (fragments of one follow-up story would each keep the
    # others from joining).
    out = list(labels)
    rivals = [label for label, members in groups.items() if len(members) > STRAY_SIZE]
    if not rivals:
        return out
    # Each article's total similarity with each rival, summed once for all strays.
    totals = np.stack([matrix[:, groups[label]].sum(axis=1) for label in rivals], axis=1)
    sizes = np.array([len(groups[label]) for label in rivals])
    hosts = [k for k in range(len(rivals)) if sizes[k] >= STORY_SIZE]
    if not hosts:
        return out
    for members in groups.values():
        if len(members) > STRAY_SIZE:
            continue
        means = totals[members].sum(axis=0) / (len(members) * sizes)
        chosen = max(hosts, key=lambda k: (means[k], rivals[k]))
        best, story = float(means[chosen]), rivals[chosen]
        runner_up = max((float(means[k]) for k in range(len(rivals)) if k != chosen), default=0.0)
        stray, host = [profiles[i] for i in members], [profiles[i] for i in groups[story]]
        if (
            best >= ATTACH_SIMILARITY
            and clearly_closest(best, runner_up)
            and clearly_closest(best, closest_outside(stray, outside, scores))
            and why_apart(stray, host, name_group=STRAY_NAME_GROUP) is None
        ):
            for i in members:
                out[i] = story
    return out


def clearly_closest(best: float, rival: float) -> bool:
    """Whether a stray's mean similarity with its host (``best``) beats a rival's clearly enough to
    join: ATTACH_MARGIN times the rival's, or, at the merge threshold, simply more.  A stray that
    reaches MERGE_SIMILARITY with a story would join it as a new article (``pick_story`` takes the
    best story at the threshold, with no margin), so the margin guards only attachments below
    the threshold: on ECB+ topics 1-25 a report at 0.377 with its event and 0.231 with the
    look-alike stayed alone (bench/ecbplus.py: batch F1 0.943 -> 0.944)."""
    return best >= ATTACH_MARGIN * rival or (best >= MERGE_SIMILARITY and best > rival)


def closest_outside(
    stray: Sequence[EventProfile], outside: Sequence[Sequence[EventProfile]], scores: PairScores | None
) -> float:
    """The stray's highest mean similarity with a story left out of the clustering that is
    larger than a stray (0 when there is none).  Streamed, a stray is judged within the
    neighbourhood ``regroup`` re-clusters around a new article, which holds the host but not
    always the rival the stray is about as close to: batch sees every rival, and without
    them the stream attached strays batch kept apart (ECB+ topics 1-25: a report of one
    arrest joined the reports of another shooting in 3 of 4 orders)."""
    rivals = [group for group in outside if len(group) > STRAY_SIZE]
    if not rivals:
        return 0.0
    score = scores.score if scores is not None else compare_events
    return max(float(np.mean([score(s, m) for s in stray for m in group])) for group in rivals)


def cut_tree(tree: np.ndarray, profiles: Sequence[EventProfile], max_distance: float) -> list[int]:
    """Flat clusters of an average-linkage tree: merges strictly below max_distance, except
    merges of two groups that report different events (``why_apart``), which stay apart."""
    from scipy.cluster.hierarchy import to_tree

    labels = [0] * len(profiles)
    groups = 0
    # An explicit stack: the tree of a large batch is deeper than Python's recursion limit.
    stack = [to_tree(tree)]
    while stack:
        node = stack.pop()
        if not node.is_leaf() and node.dist < max_distance:
            left, right = node.get_left().pre_order(), node.get_right().pre_order()
            if why_apart([profiles[i] for i in left], [profiles[i] for i in right]) is None:
                for i in left + right:
                    labels[i] = groups
                groups += 1
                continue
        if node.is_leaf():
            labels[node.get_id()] = groups
            groups += 1
        else:
            stack += [node.get_right(), node.get_left()]
    return labels


# ---------------------------------------------------------------------------
# Incremental assignment
# ---------------------------------------------------------------------------


class StoryState(Protocol):
    """Where the incremental method keeps profiles and memberships (memory or the store)."""

    pair_scores: PairScores  # the pairs this run has scored

    def lookup(self, labels: Sequence[int]) -> dict[int, tuple[EventProfile, str]]:
        """Profile and story id of each indexed label."""

    def members(self, story: str, limit: int) -> list[EventProfile]:
        """Up to limit member profiles of a story."""

    def record(self, profile: EventProfile, story: str, is_new: bool) -> int:
        """Persist the article's profile and membership; return its index label."""

    def is_fixed(self, story: str) -> bool:
        """True when a user corrected the story: regrouping leaves it alone."""

    def move(self, moves: dict[str, str]) -> None:
        """Move articles (id -> story id) to other stories, creating stories as needed (untitled:
        the caller titles them, see ``StoredStories.assign_profiles``)."""


@dataclass(frozen=True)
class Assignment:
    """Where one article went and why."""

    article_id: str
    story_id: str
    score: float  # mean similarity to the story's members (0 for a new story)
    is_new: bool
    label: int  # the article's label in the nearest-neighbour index
    touched: frozenset[str] = frozenset()  # stories whose members changed (the article's, and any regrouped)


def day_ordinal(profile: EventProfile) -> int:
    """The profile's best known day as an integer, for the index's time filter."""
    import datetime as dt

    when = profile.when()
    if not when:
        return NO_DAY
    try:
        return dt.date.fromisoformat(when[:10]).toordinal()
    except ValueError:
        return NO_DAY


@dataclass(frozen=True)
class Candidate:
    """A story near a new article, with the article's mean similarity to its members."""

    story: str
    score: float
    members: tuple[EventProfile, ...]  # the members compared (at most MAX_MEMBERS)
    complete: bool  # members holds every member of the story


def rank_stories(profile: EventProfile, index: VectorIndex, state: StoryState) -> list[Candidate]:
    """The stories of the article's nearest neighbours, each scored by mean similarity, best first."""
    neighbours = index.query(profile.vector, NEIGHBOURS, day_ordinal(profile), TIME_WINDOW)
    if not neighbours:
        return []
    found = state.lookup([label for label, _ in neighbours])
    near_members: dict[str, list[EventProfile]] = defaultdict(list)
    for label, _ in neighbours:
        if label in found:
            other, story = found[label]
            near_members[story].append(other)
    candidates = []
    for story in sorted(near_members):
        members = {m.article_id: m for m in near_members[story]}
        stored = state.members(story, MAX_MEMBERS + 1)
        for member in stored:
            if len(members) >= MAX_MEMBERS:
                break
            members.setdefault(member.article_id, member)
        score = float(np.mean([state.pair_scores.score(profile, m) for m in members.values()]))
        complete = len(stored) <= MAX_MEMBERS and len(members) == len(stored)
        candidates.append(Candidate(story, score, tuple(members.values()), complete))
    candidates.sort(key=lambda c: -c.score)
    return candidates


def pick_story(candidates: Sequence[Candidate], threshold: float = MERGE_SIMILARITY) -> tuple[str | None, float]:
    """The best candidate story if the article reaches the threshold with it (else None), and its score."""
    if not candidates:
        return None, 0.0
    best = candidates[0]
    return (best.story if best.score >= threshold else None), best.score


def regroup(
    profile: EventProfile,
    story: str,
    candidates: Sequence[Candidate],
    state: StoryState,
    threshold: float = MERGE_SIMILARITY,
) -> dict[str, str]:
    """Re-cluster the article's story with the nearby stories it could bridge; return the moves (article id -> story).

    Greedy assignment depends on arrival order: an early look-alike article joins
    a story while it is small, and stays there when the rest of its own event
    arrives.  Average-linkage clustering of the neighbourhood (the article's story
    and every candidate it scores at least REGROUP_SIMILARITY with) undoes that,
    so the stories match what the batch method gives (but for strays, see
    STRAY_SIZE).  Stories a user corrected are left as they are.  A story too large
    to load whole takes part through its sample (the members nearest the article
    first, MAX_MEMBERS in all): members of the sample may move out, the rest stay.
    Left out, a large story kept every look-alike article that joined it while its
    own event had no story yet: in the 10,000-article synthetic archive, 27 reports
    of one round of talks inside a story of 48 of another (1,197 stories of 1,200
    without regrouping large stories, 1,199 with; F1 0.996 -> 0.998).
    """
    own = next((c for c in candidates if c.story == story), None)
    if state.is_fixed(story):
        return {}
    hood: dict[str, list[EventProfile]] = {story: [*(own.members if own else ()), profile]}
    size = len(hood[story])
    for candidate in candidates:  # best first
        if (
            candidate.story != story
            and candidate.complete
            and candidate.score >= REGROUP_SIMILARITY
            and size + len(candidate.members) <= REGROUP_LIMIT
            and not state.is_fixed(candidate.story)
        ):
            hood[candidate.story] = list(candidate.members)
            size += len(candidate.members)
    members = [m for group in hood.values() for m in group]
    if len(members) < 2:
        return {}
    old = {m.article_id: s for s, group in hood.items() for m in group}
    groups: dict[int, list[str]] = defaultdict(list)
    outside = [list(c.members) for c in candidates if c.story not in hood]
    for member, label in zip(members, cluster_profiles(members, threshold, state.pair_scores, outside)):
        groups[label].append(member.article_id)
    moves: dict[str, str] = {}
    taken: set[str] = set()
    # The largest group keeps the id of the story most of it was in; a group
    # whose stories are all taken is a new story, named by its members and the
    # article that caused the regrouping (a lone member's id alone would be the
    # id of the story it opened, and the same members may be split off twice).
    for ids in sorted(groups.values(), key=lambda g: (-len(g), min(g))):
        counts = Counter(old[i] for i in ids)
        target = next((s for s, _ in sorted(counts.items(), key=lambda x: (-x[1], x[0])) if s not in taken), None)
        salt = 0
        while target is None or target in taken:
            target = story_id(["regrouped", profile.article_id, str(salt), *ids])
            salt += 1
        taken.add(target)
        moves.update({i: target for i in ids if old[i] != target})
    return moves


def assign_profile(
    profile: EventProfile, index: VectorIndex, state: StoryState, threshold: float = MERGE_SIMILARITY
) -> Assignment:
    """Put one article into its story (or a new one), record it, index its vector and regroup its neighbourhood."""
    candidates = rank_stories(profile, index, state)
    story, score = pick_story(candidates, threshold)
    is_new = story is None
    story = story or new_story_id(profile.article_id)
    label = state.record(profile, story, is_new)
    moves = regroup(profile, story, candidates, state, threshold)
    if moves:
        state.move(moves)
    # Indexed last: if regrouping fails, the store's write lock rolls the article
    # back, and the index must not keep a label the store may give out again
    # (a caller writing more in the same transaction removes it if that fails).
    index.add([label], profile.vector[None, :], [day_ordinal(profile)])
    left = {c.story for c in candidates if any(m.article_id in moves for m in c.members)}
    touched = frozenset({story, *moves.values(), *left})
    return Assignment(profile.article_id, moves.get(profile.article_id, story), score, is_new, label, touched)


class MemoryState:
    """Profiles and memberships in dictionaries (benchmarks, tests, one-off batches)."""

    def __init__(self) -> None:
        self.profiles: list[EventProfile] = []
        self.story_of: list[str] = []
        self.by_story: dict[str, list[int]] = defaultdict(list)
        self.label_of: dict[str, int] = {}
        self.pair_scores = PairScores()

    def lookup(self, labels: Sequence[int]) -> dict[int, tuple[EventProfile, str]]:
        return {label: (self.profiles[label], self.story_of[label]) for label in labels}

    def members(self, story: str, limit: int) -> list[EventProfile]:
        return [self.profiles[label] for label in self.by_story[story][:limit]]

    def record(self, profile: EventProfile, story: str, is_new: bool) -> int:
        label = len(self.profiles)
        self.profiles.append(profile)
        self.story_of.append(story)
        self.by_story[story].append(label)
        self.label_of[profile.article_id] = label
        return label

    def is_fixed(self, story: str) -> bool:
        return False

    def move(self, moves: dict[str, str]) -> None:
        for article_id, story in moves.items():
            label = self.label_of[article_id]
            old = self.story_of[label]
            self.by_story[old].remove(label)
            if not self.by_story[old]:
                del self.by_story[old]
            self.story_of[label] = story
            self.by_story[story].append(label)


class StoryIndex:
    """Incremental story clustering in memory: ``add`` each profile, get its story id."""

    def __init__(self, threshold: float = MERGE_SIMILARITY, dimensions: int = 384) -> None:
        self.threshold = threshold
        self.index = VectorIndex(dimensions)
        self.state = MemoryState()

    def add(self, profile: EventProfile) -> str:
        """Assign one article; return its story id."""
        return assign_profile(profile, self.index, self.state, self.threshold).story_id

    def stories(self) -> dict[str, list[str]]:
        """Story id -> member article ids, in the order they joined."""
        return {s: [self.state.profiles[l].article_id for l in labels] for s, labels in self.state.by_story.items()}


def stream_stories(
    analyses: Iterable[ArticleAnalysis], embedder=None, threshold: float = MERGE_SIMILARITY
) -> dict[str, list[str]]:
    """Incremental clustering of articles in the given order, in memory: story id -> article ids."""
    analyses = list(analyses)
    index = StoryIndex(threshold)
    for profile in describe_events(analyses, embedder=embedder):
        index.add(profile)
    return index.stories()


def member_fit(profiles: Sequence[EventProfile], scores: PairScores | None = None) -> dict[str, float]:
    """Each member's mean similarity to the other members (none for a story of one): the
    member with the best fit is the story's centre, and a low value marks the article a user
    should check first.  ``scores`` reuses the pairs a run already scored."""
    if len(profiles) < 2:
        return {}
    matrix = scores.matrix(profiles) if scores is not None else compare_matrix(profiles)
    np.fill_diagonal(matrix, 0.0)
    return {p.article_id: float(row.sum() / (len(profiles) - 1)) for p, row in zip(profiles, matrix)}


# Fits are compared at this many decimals: a mean summed in another member order may
# differ in its last bits, which must not change the title.
FIT_DECIMALS = 9


def title_from_profiles(profiles: Sequence[EventProfile], scores: PairScores | None = None) -> str:
    """A story's title: its most central member's, the member with the best fit (``member_fit``,
    as `synopsis stories show` lists it), among the members titled with at least four words (a
    bare outlet name is no headline), all members when none is.  A member that reports a side
    event (a reopening after a theft) fits the story's other reports least and does not title it.
    Ties go to the shorter title, then the lower article id: the same members give the same title
    in any order, and an article that joins without becoming the centre leaves the title as it was."""
    if not profiles:
        return ""
    fit = member_fit(profiles, scores)
    titled = [p for p in profiles if len(p.title.split()) >= 4] or list(profiles)
    centre = min(
        titled,
        key=lambda p: (-round(fit.get(p.article_id, 0.0), FIT_DECIMALS), len(" ".join(p.title.split())), p.article_id),
    )
    return " ".join(centre.title.split())
