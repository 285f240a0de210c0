"""What the server keeps between requests: one store connection per thread and the story cache."""

from __future__ import annotations

import gzip
import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from synopsis.records import Story, StoryReport, SynopsisError
from synopsis.store.db import Store

# How often the watcher looks for changes made by other processes (a
# `synopsis ingest` into the same file): a page is at most this stale.
WATCH_SECONDS = 2.0

# The report counts a story row carries (the JSON report's names).
LISTED_COUNTS = ("corroborated", "single_source", "disputed", "disputes", "revised_figures", "disputed_claims")


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story as the list shows it (counts are None until its report is computed)."""

    story: Story
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    counts: dict | None
    # The title its report shows once computed (``compare.story_title``), else the stored one.
    title: str = ""


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    report: StoryReport | None = None
    rendered: dict = field(default_factory=dict)  # name -> bytes (page HTML, JSON, their gzip)


def cache_key(story: Story) -> str:
    """Story id plus a hash of its members: a merge keeps the id but changes the report."""
    members = hashlib.sha1(",".join(sorted(story.article_ids)).encode()).hexdigest()[:16]
    return f"{story.id}:{members}"


class ServerState:
    """Per-process state of one app: the database path, connections and caches."""

    def __init__(self, db_path: str, allow_private_urls: bool = False) -> None:
        self.db_path = db_path
        self.allow_private_urls = allow_private_urls
        self._local = threading.local()
        self._stories_lock = threading.Lock()
        self._stories_version: str | None = None
        self._stories: list[Story] = []
        self._current: dict[str, str] = {}  # story id -> cache key of its current membership
        self._entries: dict[str, _Entry] = {}
        self._entries_lock = threading.Lock()
        # spaCy pipelines and the story assigner are not meant for concurrent
        # writers; one ingest or correction at a time keeps both simple and safe.
        self.write_lock = threading.Lock()
        self._stop = threading.Event()
        with Store.open(db_path) as store:  # fail at start-up, not on the first request
            # Pages offer no change a read-only database would refuse (adding, merging, splitting).
            self.read_only = store.read_only

    def store(self) -> Store:
        """This thread's connection (sqlite3 connections must stay in their thread)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db_path)
            self._local.store = store
        return store

    def writable_store(self) -> Store:
        """This thread's connection, for a change (adding articles, merging, splitting): a database
        opened read-only refuses it in one line (400) rather than failing inside SQLite (500)."""
        store = self.store()
        if store.read_only:
            raise SynopsisError(f"the database {self.db_path} is read-only (its file, folder or disk cannot be written): nothing can be changed")
        return store

    def store_version(self) -> str:
        """A fingerprint of the stored articles and their story membership; changes whenever either does."""
        digest = hashlib.sha1()
        conn = self.store().conn
        digest.update(repr(conn.execute("SELECT COUNT(*), COALESCE(SUM(rowid), 0) FROM articles").fetchone()).encode())
        try:
            rows = conn.execute("SELECT article_id, story_id FROM story_articles ORDER BY article_id")
            for article_id, story_id in rows:
                digest.update(f"{article_id}={story_id};".encode())
            digest.update(repr(conn.execute("SELECT COUNT(*), group_concat(title) FROM stories").fetchone()).encode())
        except Exception:  # noqa: BLE001 - a store without persistent stories
            pass
        return digest.hexdigest()

    def stories(self, refresh: bool = True) -> list[Story]:
        """The current stories, newest first; re-read only when the store changed."""
        if not refresh and self._stories_version is not None:
            return self._stories
        version = self.store_version()
        if version == self._stories_version:
            return self._stories
        with self._stories_lock:
            if version != self._stories_version:
                from synopsis import story_jobs

                stories = list(story_jobs.current_stories(self.store()))
                self._current = {s.id: cache_key(s) for s in stories}
                self._stories = stories
                self._drop_stale_entries()
                # current_stories may assign new articles (a write): fingerprint after it.
                self._stories_version = self.store_version()
        return self._stories

    def find_story(self, story_id: str, follow: bool = True) -> Story:
        """The current story with this id (or unique id prefix); with follow, an absorbed
        story's id gives the story that took its articles.  The store resolves the id, so the
        API gives the command line's hints (where a merged story went, what a prefix could be);
        LookupError (404) when no story matches."""
        try:
            found = self.store().resolve_story_id(story_id, follow=follow)
        except SynopsisError as err:
            if str(err).startswith("no story matches"):
                raise LookupError(str(err)) from None
            raise
        story = next((s for s in self.stories() if s.id == found), None)
        if story is None:  # filed by another writer since the list was read
            raise LookupError(f"no story matches {story_id!r}")
        return story

    def _drop_stale_entries(self) -> None:
        """Forget the reports and renderings of memberships no current story has: after a merge,
        a split or an upload a story's old cache key is never asked for again, and keeping its
        entry would grow the cache with every correction. A request still computing a stale
        entry holds it and finishes; the entry just is not kept."""
        current = set(self._current.values())
        with self._entries_lock:
            for key in [key for key in self._entries if key not in current]:
                del self._entries[key]

    def cached_keys(self) -> set[str]:
        """The cache keys (story id and membership) that have a cache entry."""
        with self._entries_lock:
            return set(self._entries)

    def _entry(self, story: Story) -> _Entry:
        with self._entries_lock:
            return self._entries.setdefault(cache_key(story), _Entry())

    def cached_report(self, story: Story) -> StoryReport | None:
        """The report if it was computed already (never computes)."""
        entry = self._entries.get(cache_key(story))
        return entry.report if entry else None

    def report(self, story: Story) -> StoryReport:
        """The story's report, computed once per membership (concurrent first requests wait for one computation)."""
        entry = self._entry(story)
        if entry.report is not None:
            return entry.report
        with entry.lock:
            if entry.report is None:
                from synopsis.compare.story import build_story_report

                analyses = list(self.store().iter_analyses(list(story.article_ids)))
                entry.report = build_story_report(story, analyses)
        return entry.report

    def refresh_reports(self, story_ids: Iterable[str]) -> None:
        """Compute now the reports of stories whose membership a merge, split or upload just
        changed, so their counts are right in the next answer rather than after the watcher's
        next round (the rest of the list keeps what is cached)."""
        wanted = set(story_ids)
        for story in self.stories():
            if story.id in wanted:
                self.report(story)

    def stories_holding(self, article_ids: Iterable[str]) -> list[str]:
        """The ids of the current stories with any of these articles."""
        wanted = set(article_ids)
        return [s.id for s in self.stories() if wanted.intersection(s.article_ids)]

    def counts(self, story: Story) -> dict | None:
        """A story's claim and dispute counts from its cached report (None while there is none)."""
        report = self.cached_report(story)
        if report is None:
            return None
        from synopsis.report.report_json import report_counts

        # The report's own numbers: "disputes" counts disputed points (what the Disputed points
        # section lists, "disputed" is its old name), "disputed_claims" the facts they touch.
        counts = report_counts(report)
        return {key: counts[key] for key in LISTED_COUNTS}

    def title(self, story: Story) -> str:
        """A story's title as its cached report shows it (one that states no figure its later
        reports revised, ``compare.story_title``), else its stored title."""
        report = self.cached_report(story)
        return report.story.title if report is not None else story.title

    def rendered(self, story: Story, name: str, render) -> bytes:
        """A rendering of the story's report (page, JSON), made once and kept as bytes."""
        entry = self._entry(story)
        cached = entry.rendered.get(name)
        if cached is None:
            report = self.report(story)
            with entry.lock:
                cached = entry.rendered.get(name)
                if cached is None:
                    cached = render(report)
                    entry.rendered[name] = cached
        return cached

    def compressed(self, story: Story, name: str, render) -> bytes:
        """The gzip of a cached rendering, made once: pages are 100-200 kB and shrink about 8x."""
        key = name + ".gz"
        entry = self._entry(story)
        cached = entry.rendered.get(key)
        if cached is None:
            plain = self.rendered(story, name, render)
            cached = gzip.compress(plain, compresslevel=6, mtime=0)
            entry.rendered[key] = cached
        return cached

    def rendered_by_id(self, story_id: str, name: str) -> bytes | None:
        """A cached rendering of the story's current membership, from memory only (the fast path)."""
        key = self._current.get(story_id)
        entry = self._entries.get(key) if key else None
        return entry.rendered.get(name) if entry else None

    def story_rows(self, stories: list[Story]) -> list[StoryRow]:
        """List rows for stories: time span and outlets from the store, counts from cached reports."""
        conn = self.store().conn
        rows = []
        for story in stories:
            marks = ",".join("?" * len(story.article_ids))
            found = conn.execute(
                f"SELECT MIN(published), MAX(published), group_concat(DISTINCT COALESCE(outlet, 'unidentified')) "
                f"FROM articles WHERE id IN ({marks})",
                story.article_ids,
            ).fetchone()
            counts = self.counts(story)
            outlets = tuple(sorted(o for o in (found[2] or "").split(",") if o))
            rows.append(StoryRow(story, found[0], found[1], outlets, counts, self.title(story)))
        return rows

    def warm(self) -> None:
        """Compute the report of every current story not computed yet, newest first."""
        for story in list(self.stories()):
            if self._stop.is_set():
                return
            self.report(story)

    def watch(self, interval: float = WATCH_SECONDS) -> None:
        """Until stopped: notice changes by other processes and compute new reports (a background thread)."""
        while not self._stop.is_set():
            try:
                self.warm()
            except Exception:  # noqa: BLE001 - best effort; requests compute on demand and report errors
                pass
            self._stop.wait(interval)
        self.close()

    def stop(self) -> None:
        self._stop.set()

    def close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None
