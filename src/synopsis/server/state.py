"""What the server keeps between requests: one store connection per thread and the story cache."""

from __future__ import annotations

import gzip
import hashlib
import threading
from dataclasses import dataclass, field

from synopsis.records import Story, StoryReport, SynopsisError
from synopsis.store.db import Store


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One story as the list shows it (counts are None until its report is computed)."""

    story: Story
    first: str | None
    last: str | None
    outlets: tuple[str, ...]
    counts: dict | None


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    report: StoryReport | None = None
    rendered: dict = field(default_factory=dict)  # name -> bytes (page HTML, JSON)


class ServerState:
    """Per-process state of one app: the database path, connections and caches."""

    def __init__(self, db_path: str, allow_private_urls: bool = False) -> None:
        self.db_path = db_path
        self.allow_private_urls = allow_private_urls
        self._local = threading.local()
        self._stories_lock = threading.Lock()
        self._stories_version: str | None = None
        self._stories: list[Story] = []
        self._entries: dict[str, _Entry] = {}
        self._entries_lock = threading.Lock()
        # spaCy pipelines and the store writer are not meant for concurrent
        # writers; one ingest at a time keeps both simple and safe.
        self.ingest_lock = threading.Lock()
        Store.open(db_path).close()  # fail at start-up, not on the first request

    def store(self) -> Store:
        """This thread's connection (sqlite3 connections must stay in their thread)."""
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store.open(self.db_path)
            self._local.store = store
        return store

    def store_version(self) -> str:
        """A fingerprint of the stored articles and story corrections; changes whenever either does."""
        conn = self.store().conn
        count, top, total = conn.execute("SELECT COUNT(*), COALESCE(MAX(rowid), 0), COALESCE(SUM(rowid), 0) FROM articles").fetchone()
        parts = [str(count), str(top), str(total)]
        for table in ("story_articles", "story_corrections"):
            try:
                row = conn.execute(f"SELECT COUNT(*), COALESCE(SUM(rowid), 0) FROM {table}").fetchone()
                # story_articles has a TEXT primary key: rowid changes on reassignment.
                parts += [str(v) for v in row]
            except Exception:  # table absent in older databases
                continue
        return hashlib.sha1(":".join(parts).encode()).hexdigest()

    def stories(self) -> list[Story]:
        """The current stories, newest first; regrouped only when the store changed."""
        version = self.store_version()
        if version == self._stories_version:
            return self._stories
        with self._stories_lock:
            if version != self._stories_version:
                from synopsis import jobs

                self._stories = list(jobs.current_stories(self.store()))
                self._stories_version = version
        return self._stories

    def find_story(self, story_id: str) -> Story:
        """The current story with this id (or unique id prefix)."""
        matches = [s for s in self.stories() if s.id == story_id]
        if not matches and story_id:
            matches = [s for s in self.stories() if s.id.startswith(story_id)]
        if not matches:
            raise LookupError(f"no story {story_id!r}")
        if len(matches) > 1:
            raise SynopsisError(f"{story_id!r} is ambiguous: {len(matches)} stories match")
        return matches[0]

    def _entry(self, story_id: str) -> _Entry:
        with self._entries_lock:
            return self._entries.setdefault(story_id, _Entry())

    def cached_report(self, story_id: str) -> StoryReport | None:
        """The report if it was computed already (never computes)."""
        entry = self._entries.get(story_id)
        return entry.report if entry else None

    def report(self, story: Story) -> StoryReport:
        """The story's report, computed once per story id.

        The id is a hash of the member articles and articles are immutable
        (their id hashes their text), so a cached report never goes stale: a
        change of membership makes a new id.
        """
        entry = self._entry(story.id)
        if entry.report is not None:
            return entry.report
        with entry.lock:  # concurrent first requests wait for one computation
            if entry.report is None:
                from synopsis.compare.story import build_story_report

                analyses = list(self.store().iter_analyses(list(story.article_ids)))
                entry.report = build_story_report(story, analyses)
        return entry.report

    def rendered(self, story: Story, name: str, render) -> bytes:
        """A rendering of the story's report (page, JSON), made once and kept as bytes."""
        entry = self._entry(story.id)
        cached = entry.rendered.get(name)
        if cached is None:
            report = self.report(story)
            with entry.lock:
                cached = entry.rendered.get(name)
                if cached is None:
                    cached = render(report)
                    entry.rendered[name] = cached
        return cached

    def rendered_by_id(self, story_id: str, name: str) -> bytes | None:
        """A cached rendering by exact story id, without touching the store (the fast path)."""
        entry = self._entries.get(story_id)
        return entry.rendered.get(name) if entry else None

    def compressed(self, story: Story, name: str, render) -> bytes:
        """The gzip of a cached rendering, made once: pages are 100-200 kB and shrink about 8x."""
        key = name + ".gz"
        entry = self._entry(story.id)
        cached = entry.rendered.get(key)
        if cached is None:
            plain = self.rendered(story, name, render)
            cached = gzip.compress(plain, compresslevel=6, mtime=0)
            entry.rendered[key] = cached
        return cached

    def story_rows(self, stories: list[Story]) -> list[StoryRow]:
        """List rows for stories: time span and outlets from the store, counts from cached reports."""
        conn = self.store().conn
        rows = []
        for story in stories:
            marks = ",".join("?" * len(story.article_ids))
            found = conn.execute(
                f"SELECT MIN(published), MAX(published), group_concat(DISTINCT outlet) FROM articles WHERE id IN ({marks})",
                story.article_ids,
            ).fetchone()
            report = self.cached_report(story.id)
            counts = None
            if report is not None:
                counts = {
                    "corroborated": sum(c.status == "corroborated" for c in report.claims),
                    "single_source": sum(c.status == "single-source" for c in report.claims),
                    "disputed": len(report.disputes),
                }
            outlets = tuple(sorted(o for o in (found[2] or "").split(",") if o))
            rows.append(StoryRow(story, found[0], found[1], outlets, counts))
        return rows

    def warm(self) -> None:
        """Compute every current story's report, newest first (run in a background thread)."""
        try:
            for story in list(self.stories()):
                self.report(story)
        except Exception:  # noqa: BLE001 - warming is best effort; requests compute on demand
            pass

    def close(self) -> None:
        store = getattr(self._local, "store", None)
        if store is not None:
            store.close()
            self._local.store = None
