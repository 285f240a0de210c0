"""Incremental story assignment over the SQLite store: what `synopsis ingest` runs.

The store holds every article's event profile and story; the nearest-neighbour
index beside the database file is a cache of the profiles' vectors.  The
clustering itself is ``link.stories``; this module keeps it in the store, under
the database's write lock, so several ingest processes can share one database.
"""

from __future__ import annotations

import functools
from typing import Callable, Sequence

import numpy as np

from synopsis.extract.embed import LEAD_MODEL_ID
from synopsis.link.event_profile import EventProfile
from synopsis.link.pair_scores import PairScores
from synopsis.link.index import VectorIndex
from synopsis.link.stories import (
    MAX_MEMBERS,
    MERGE_SIMILARITY,
    Assignment,
    assign_profile,
    day_ordinal,
    describe_events,
    embed_leads,
    title_from_profiles,
)
from synopsis.records import ArticleAnalysis


def _vector(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype="<f4")


# Profiles decoded from the store, kept for reuse: assigning one article reads
# the profiles of its neighbours and of their stories' members, about 85 per
# article on a synthetic archive, mostly the same recent ones; decoding their
# JSON was a tenth of the ingest's main process.  Keyed by the stored bytes, so
# a recomputed profile is decoded afresh.  About 8 KB each with its key (the
# stored JSON and vector): bounded to ~35-60 MB.
PROFILE_CACHE = 4096


@functools.lru_cache(maxsize=PROFILE_CACHE)
def decode_profile(article_id: str, vector: bytes, profile_json: str) -> EventProfile:
    """An EventProfile from its stored row (a frozen record, so safe to share)."""
    return EventProfile.from_json(article_id, _vector(vector), profile_json)


class StoreState:
    """Profiles and memberships in the SQLite store (tables of migration m003_stories)."""

    def __init__(self, store) -> None:
        self.store = store
        self.pair_scores = PairScores()

    def lookup(self, labels: Sequence[int]) -> dict[int, tuple[EventProfile, str]]:
        return {
            label: (decode_profile(article_id, vector, profile), story)
            for label, article_id, vector, profile, story in self.store.story_events(labels)
            if story is not None
        }

    def members(self, story: str, limit: int) -> list[EventProfile]:
        return story_members(self.store, story, limit)

    def record(self, profile: EventProfile, story: str, is_new: bool, by_user: bool = False) -> int:
        from synopsis.link.event_profile import EVENT_METHOD

        return self.store.record_story_assignment(
            profile.article_id,
            story,
            title=profile.title,
            method=EVENT_METHOD,
            day_ordinal=day_ordinal(profile),
            vector=np.asarray(profile.vector, dtype="<f4").tobytes(),
            profile_json=profile.to_json(),
            lead_model=LEAD_MODEL_ID,
            by_user=by_user,
        )

    def is_fixed(self, story: str) -> bool:
        return self.store.story_has_corrections(story)

    def move(self, moves: dict[str, str]) -> None:
        """Move articles; the caller titles the stories they went to in the same transaction
        (``StoredStories.assign``), so no story is ever listed without a title."""
        self.store.move_story_articles(moves)


def story_members(store, story: str, limit: int) -> list[EventProfile]:
    """The event profiles of up to limit members of a story, earliest first."""
    return [decode_profile(article_id, vector, profile) for _, article_id, vector, profile in store.story_member_events(story, limit)]


def retitle_story(store, story: str, scores: PairScores | None = None) -> None:
    """Title a story by its most central member's title (``title_from_profiles``), among its
    first MAX_MEMBERS members, which bounds the cost for large stories (``scores``: pairs a run
    already scored).  Ingest and split title this way, so a story's title comes from an article
    it still holds, whichever story it came from; a story left empty keeps its title, and so does
    the story a user merged another into (``story_jobs.merge_stories``)."""
    members = story_members(store, story, MAX_MEMBERS)
    if members:
        store.set_story_title(story, title_from_profiles(members, scores))


def stored_profile(store, article_id: str) -> EventProfile | None:
    """The event profile ingest stored for an article (None before it is assigned a story)."""
    row = store.article_event(article_id)
    return decode_profile(article_id, row[0], row[1]) if row else None


def index_path(store) -> str | None:
    """Where the store's nearest-neighbour index is kept: beside the database file."""
    return None if store.path == ":memory:" else store.path + ".stories.hnsw"


# Stored leads embedded again per transaction when the lead model changed.
REFRESH_BATCH = 256


def refresh_lead_vectors(store, embedder=None, on_progress: Callable[[int, int], None] | None = None) -> int:
    """Embed again, with the current lead model, the stored leads another model embedded
    (a store made before an upgrade); return how many. Vectors of two models are
    close (cosine ~0.99) but not interchangeable: a store keeps one kind.  A large
    store takes minutes (about 4 per 10,000 articles here), so ``on_progress``
    hears (0, total) as it starts and (done, total) after each committed batch."""
    stale = store.events_of_other_lead_models(LEAD_MODEL_ID)
    if stale and on_progress:
        on_progress(0, len(stale))
    for begin in range(0, len(stale), REFRESH_BATCH):
        chunk = stale[begin : begin + REFRESH_BATCH]
        vectors = embed_leads([store.get_analysis(article_id) for _, article_id in chunk], embedder)
        store.replace_lead_vectors(
            [(label, np.asarray(v, dtype="<f4").tobytes()) for (label, _), v in zip(chunk, vectors)], LEAD_MODEL_ID
        )
        if on_progress:
            on_progress(begin + len(chunk), len(stale))
    return len(stale)


# Event profiles made again per transaction by ``refresh_event_profiles``: a stopped run keeps
# what it finished, batch by batch.
PROFILE_BATCH = 256


def refresh_event_profiles(store, embedder=None, on_progress: Callable[[int, int], None] | None = None) -> tuple[int, int]:
    """Make again, with this synopsis's recipe (``link.event_profile.EVENT_METHOD``), the stored
    event profiles another recipe made or made from an analysis since replaced (``store.stale_events``);
    return how many were made again and how many of them changed.  A lead is embedded again only
    where its text may have changed (its article was extracted again) or another model embedded
    it; else the stored vector is the one a new ingest computes, and is kept.  A changed profile
    marks the stories to be formed again (``StoredStories.regroup``)."""
    from synopsis.link.event_profile import EVENT_METHOD

    stale = store.stale_events(EVENT_METHOD, LEAD_MODEL_ID)
    if stale and on_progress:
        on_progress(0, len(stale))
    changed = done = 0
    for begin in range(0, len(stale), PROFILE_BATCH):
        chunk = [row for row in stale[begin : begin + PROFILE_BATCH] if store.has_article(row[1])]
        analyses = {a.article.id: a for a in store.iter_analyses([article_id for _, article_id, _ in chunk])}
        chunk = [row for row in chunk if row[1] in analyses]  # removed meanwhile by another process
        redo = [analyses[article_id] for _, article_id, embed in chunk if embed]
        fresh = iter(embed_leads(redo, embedder) if redo else ())
        vectors = []
        for _, article_id, embed in chunk:
            stored = store.article_event(article_id)
            vectors.append(next(fresh) if embed or stored is None else _vector(stored[0]))
        profiles = describe_events([analyses[article_id] for _, article_id, _ in chunk], vectors)
        # One transaction a batch: one per profile cost a synced commit each, 15 s of 1,000
        # profiles' 16 s (bench/synth.py archive, 2 cores).
        with store.write_lock():
            for (label, _, _), profile in zip(chunk, profiles):
                vector = np.asarray(profile.vector, dtype="<f4").tobytes()
                changed += store.replace_event(label, EVENT_METHOD, day_ordinal(profile), vector, profile.to_json(), LEAD_MODEL_ID)
        done += len(chunk)
        if on_progress:
            on_progress(done, len(stale))
    return done, changed


# Articles grouped again per transaction by ``StoredStories.regroup``: a stopped run keeps the
# batches it finished.  One transaction per article, as ingest files them, cost a synced commit
# each; other writers wait for a batch (a few seconds) at most.
REGROUP_BATCH = 256


def grouped_index(store, dimensions: int = 384) -> VectorIndex:
    """A vector index of the articles that have a story, by label: what a new ingest's index
    holds when it meets the next article, so regrouping files each one as a new ingest would."""
    index = VectorIndex(dimensions)
    index.token = store.story_index_token()
    rows = store.grouped_event_vectors()
    for begin in range(0, len(rows), 4096):
        part = rows[begin : begin + 4096]
        index.add([r[0] for r in part], np.stack([_vector(r[2]) for r in part]), [r[1] for r in part])
    return index


def open_index(store, dimensions: int = 384) -> VectorIndex:
    """The store's vector index, loaded from its file and brought up to date with the stored vectors.

    The file may lag behind the database (a killed run saves it last); labels
    stored since are added and labels of removed articles hidden, so the database
    stays the one source of truth and the index file is only a cache.
    """
    path = index_path(store)
    token = store.story_index_token()
    index = VectorIndex.load(path) if path else None
    if index is None or index.dimensions != dimensions or index.token != token:
        index = VectorIndex(dimensions)
    index.token = token
    stored = store.event_labels()
    indexed = index.labels()
    for label in sorted(indexed - stored):
        index.remove(label)
    # Usually only labels newer than the file; set difference also covers
    # labels another process stored while this file was written.
    missing = sorted(stored - indexed)
    for begin in range(0, len(missing), 4096):
        rows = store.event_vectors(missing[begin : begin + 4096])
        index.add([r[0] for r in rows], np.stack([_vector(r[2]) for r in rows]), [r[1] for r in rows])
    return index


class StoredStories:
    """Incremental story assignment backed by the store: ``assign`` analyses, then ``save``."""

    def __init__(
        self,
        store,
        embedder=None,
        threshold: float = MERGE_SIMILARITY,
        on_refresh: Callable[[int, int], None] | None = None,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.threshold = threshold
        # Before the index loads: redone vectors change the store's index token, so
        # an index file of the old vectors is rebuilt, even after a killed run.
        refresh_lead_vectors(store, embedder, on_refresh)
        self.index = open_index(store)
        self.state = StoreState(store)
        # Highest label whose vector the index holds, and labels this process added
        # beyond it: what catch_up must not add twice.
        self.synced = max(self.index.labels(), default=0)
        self.added: set[int] = set()

    def assign(self, analyses: Sequence[ArticleAnalysis], vectors: np.ndarray | None = None) -> list[Assignment]:
        """Give each analysed (and stored) article a story, in order; articles that have one keep it.

        ``vectors`` are the analyses' lead vectors when the per-article stage
        computed them (one row per analysis); else they are computed here.
        """
        keep = [i for i, a in enumerate(analyses) if self.store.story_of(a.article.id) is None]
        if not keep:
            return []
        todo = [analyses[i] for i in keep]
        vectors = embed_leads(todo, self.embedder) if vectors is None else np.asarray(vectors)[keep]
        return self.assign_profiles(describe_events(todo, vectors))

    def assign_profiles(self, profiles: Sequence[EventProfile]) -> list[Assignment]:
        """Give each (stored) article of these event profiles a story, in order."""
        done = []
        for profile in profiles:
            # Choosing and recording under one write lock, after taking in what other
            # processes stored meanwhile: two ingests into one database then see each
            # other's articles and cannot open two stories for one event.
            with self.store.write_lock():
                self.catch_up()
                if self.store.story_of(profile.article_id) is not None:
                    continue
                assignment = assign_profile(profile, self.index, self.state, self.threshold)
                # Titled in the same transaction as the moves: stories regrouping
                # created are never listed untitled.  A new story alone already has
                # its article's title.
                try:
                    if not assignment.is_new or len(assignment.touched) > 1:
                        for story in sorted(assignment.touched):
                            self.retitle(story)
                except BaseException:
                    self.index.remove(assignment.label)  # the transaction rolls the article back
                    raise
            self.added.add(assignment.label)
            done.append(assignment)
        return done

    def place_versions(
        self, analyses: Sequence[ArticleAnalysis], vectors: np.ndarray | None, places: Sequence[tuple[str, bool]]
    ) -> None:
        """Put each (stored) new version of an article in the story of the version it replaced,
        ``places[i]`` = (that story, whether a user had placed the old version there), as the
        old version was placed and without regrouping: a version update changes which text an
        article has, not which story it is in, and regrouping on its arrival moved other members
        of a story a user corrected (the user-placed old version, which kept the story fixed,
        had just been deleted).  The story is titled again: the old version may have titled it."""
        vectors = embed_leads(analyses, self.embedder) if vectors is None else np.asarray(vectors)
        for profile, (story, by_user) in zip(describe_events(analyses, vectors), places):
            with self.store.write_lock():
                self.catch_up()
                if self.store.story_of(profile.article_id) is not None:
                    continue
                label = self.state.record(profile, story, is_new=False, by_user=by_user)
                self.retitle(story)
                # Indexed last, as in ``assign_profile``: a failure above rolls the article back.
                self.index.add([label], profile.vector[None, :], [day_ordinal(profile)])
            self.added.add(label)

    def regroup(self, on_progress: Callable[[int, int], None] | None = None) -> int:
        """Form the stories again after event profiles changed (``refresh_event_profiles``), as a
        new ingest of the same articles in the same order would form them; return how many
        articles were grouped again.  Stories a user corrected stay as they are
        (``store.begin_regrouping``); the rest are emptied and their articles filed again one by
        one, in the order they first came (by label), each against the articles filed before it.
        A stopped run resumes where it stopped: the articles still without a story are filed."""
        if not self.store.regrouping_needed():
            return 0
        if not self.store.regrouping_left():
            self.store.begin_regrouping()
        left = self.store.regrouping_left()
        self.index = grouped_index(self.store, self.index.dimensions)
        # Nothing stored since is missing: catch_up adds only what other processes store meanwhile.
        self.synced = max(self.store.event_labels(), default=0)
        self.added.clear()
        if left and on_progress:
            on_progress(0, len(left))
        for begin in range(0, len(left), REGROUP_BATCH):
            chunk = left[begin : begin + REGROUP_BATCH]
            with self.store.write_lock():
                self.assign_profiles([p for article_id in chunk if (p := stored_profile(self.store, article_id))])
            if on_progress:
                on_progress(begin + len(chunk), len(left))
        self.store.finish_regrouping()
        return len(left)

    def catch_up(self) -> None:
        """Index the event profiles other processes stored since this index was last brought up to date."""
        rows = [row for batch in self.store.iter_event_vectors(self.synced) for row in batch if row[0] not in self.added]
        if rows:
            self.index.add([r[0] for r in rows], np.stack([_vector(r[2]) for r in rows]), [r[1] for r in rows])
        self.synced = max([self.synced, *(r[0] for r in rows), *self.added])
        self.added.clear()

    def retitle(self, story: str) -> None:
        # The pairs regrouping scored are the story's members': titling reuses them.
        retitle_story(self.store, story, self.state.pair_scores)

    def assign_unassigned(self) -> list[Assignment]:
        """Assign every stored article that has no story yet (after a killed run), oldest first, as
        new articles (``jobs.assign_left_behind`` first puts new versions where their old ones were)."""
        ids = self.store.unassigned_article_ids()
        done: list[Assignment] = []
        # Chunks bound memory however many articles a killed run left behind.
        for begin in range(0, len(ids), 256):
            done += self.assign(list(self.store.iter_analyses(ids[begin : begin + 256])))
        return done

    def save(self) -> None:
        """Write the index file beside the database (a cache: losing it costs a rebuild only)."""
        path = index_path(self.store)
        if path:
            self.index.save(path)
