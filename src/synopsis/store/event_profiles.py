"""The event-profile tables of the store: the vectors stories are clustered from, and the profiles
made again with the stories formed again from them (``synopsis reanalyze``)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator

from synopsis.store.transactions import transaction


class EventProfileTables:
    """Event-profile methods of ``Store`` (tables ``article_events`` and ``story_regrouping``),
    over its connection."""

    conn: sqlite3.Connection
    # From ``StoryTables``, another base of ``Store``: whether a story still holds articles.
    _has_members: Callable[[str], bool]

    def story_events(self, labels: Iterable[int]) -> list[tuple[int, str, bytes, str, str | None]]:
        """(label, article_id, vector, profile_json, story_id) of indexed articles."""
        labels = list(labels)
        if not labels:
            return []
        marks = ",".join("?" * len(labels))
        return self.conn.execute(
            "SELECT e.label, e.article_id, e.vector, e.profile_json, m.story_id FROM article_events AS e "
            f"LEFT JOIN story_articles AS m ON m.article_id = e.article_id WHERE e.label IN ({marks})",
            labels,
        ).fetchall()

    def article_event(self, article_id: str) -> tuple[bytes, str] | None:
        """(vector, profile_json) of one article's stored event profile, if it has one."""
        return self.conn.execute(
            "SELECT vector, profile_json FROM article_events WHERE article_id = ?", (article_id,)
        ).fetchone()

    def story_member_events(self, story_id: str, limit: int) -> list[tuple[int, str, bytes, str]]:
        """(label, article_id, vector, profile_json) of up to limit members of a story, earliest first."""
        return self.conn.execute(
            "SELECT e.label, e.article_id, e.vector, e.profile_json FROM story_articles AS m "
            "JOIN article_events AS e ON e.article_id = m.article_id WHERE m.story_id = ? "
            "ORDER BY e.label LIMIT ?",
            (story_id, limit),
        ).fetchall()

    def iter_event_vectors(self, after_label: int = 0, batch: int = 4096) -> Iterator[list[tuple[int, int, bytes]]]:
        """(label, day_ordinal, vector) of every stored event profile, in batches, by label."""
        while True:
            rows = self.conn.execute(
                "SELECT label, day_ordinal, vector FROM article_events WHERE label > ? ORDER BY label LIMIT ?",
                (after_label, batch),
            ).fetchall()
            if not rows:
                return
            yield rows
            after_label = rows[-1][0]

    def event_vectors(self, labels: Iterable[int]) -> list[tuple[int, int, bytes]]:
        """(label, day_ordinal, vector) of the given labels."""
        labels = list(labels)
        rows = []
        # SQLite limits bound parameters (32,766 by default since 3.32); stay well below.
        for begin in range(0, len(labels), 900):
            chunk = labels[begin : begin + 900]
            rows += self.conn.execute(
                f"SELECT label, day_ordinal, vector FROM article_events WHERE label IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
        return rows

    def story_index_token(self) -> str:
        """An identifier of this database's story tables and of the models that embedded their
        leads, so an index file from another database, or of vectors since redone, is not reused."""
        row = self.conn.execute("SELECT applied_at FROM _migrations WHERE name = 'm003_stories'").fetchone()
        first = self.conn.execute("SELECT article_id FROM article_events ORDER BY label LIMIT 1").fetchone()
        models = ",".join(sorted(r[0] for r in self.conn.execute("SELECT DISTINCT lead_model FROM article_events")))
        return f"{row[0] if row else ''}/{first[0] if first else ''}/{models}"

    def events_of_other_lead_models(self, lead_model: str) -> list[tuple[int, str]]:
        """(label, article_id) of stored event profiles whose lead vector another model made."""
        return self.conn.execute(
            "SELECT label, article_id FROM article_events WHERE lead_model != ? ORDER BY label", (lead_model,)
        ).fetchall()

    def replace_lead_vectors(self, vectors: Iterable[tuple[int, bytes]], lead_model: str) -> None:
        """Store lead vectors made again, by ``lead_model``, for the given labels (one transaction)."""
        with transaction(self.conn):
            self.conn.executemany(
                "UPDATE article_events SET vector = ?, lead_model = ? WHERE label = ?",
                [(vector, lead_model, label) for label, vector in vectors],
            )

    def event_labels(self) -> set[int]:
        """Labels of every stored event profile."""
        return {row[0] for row in self.conn.execute("SELECT label FROM article_events")}

    # Event profiles made again, and the stories formed again from them (``synopsis reanalyze``)
    # ---------------------------------------------------------------------------------------

    def stale_events(self, method: str, lead_model: str) -> list[tuple[int, str, bool]]:
        """(label, article id, whether its lead must be embedded again) of the stored event
        profiles another recipe than ``method`` made, or whose lead another model embedded, by
        label.  A profile whose article was extracted again has the empty recipe
        (``mark_events_outdated``): its lead (title and first sentences) may have changed too."""
        return [
            (label, article_id, recipe == "" or model != lead_model)
            for label, article_id, recipe, model in self.conn.execute(
                "SELECT label, article_id, method, lead_model FROM article_events "
                "WHERE method != ? OR lead_model != ? ORDER BY label",
                (method, lead_model),
            )
        ]

    def mark_events_outdated(self, article_id: str) -> None:
        """Mark an article's event profile as made from an analysis since replaced (joins the
        caller's transaction): ``stale_events`` then finds it, even after a stopped run."""
        self.conn.execute("UPDATE article_events SET method = '' WHERE article_id = ?", (article_id,))

    def replace_event(
        self, label: int, method: str, day_ordinal: int, vector: bytes, profile_json: str, lead_model: str
    ) -> bool:
        """Store an event profile made again, in one transaction; True when it differs from the
        stored one, and then its article's story is to be formed again (``regrouping_needed``)."""
        with transaction(self.conn):
            row = self.conn.execute(
                "SELECT e.article_id, e.day_ordinal, e.vector, e.profile_json, m.story_id FROM article_events AS e "
                "LEFT JOIN story_articles AS m ON m.article_id = e.article_id WHERE e.label = ?",
                (label,),
            ).fetchone()
            if row is None:  # removed meanwhile
                return False
            article_id, old_day, old_vector, old_profile, story = row
            # Compared as JSON values: the same profile written with other spacing or key order is the same.
            changed = (old_day, bytes(old_vector), json.loads(old_profile)) != (day_ordinal, vector, json.loads(profile_json))
            self.conn.execute(
                "UPDATE article_events SET method = ?, day_ordinal = ?, vector = ?, profile_json = ?, lead_model = ? "
                "WHERE label = ?",
                (method, day_ordinal, vector, profile_json, lead_model, label),
            )
            if changed:
                self.conn.execute(
                    "INSERT OR IGNORE INTO story_regrouping (article_id, old_story_id) VALUES (?, ?)", (article_id, story)
                )
        return changed

    def regrouping_needed(self) -> bool:
        """True while stories are to be formed again, or are being formed again."""
        return self.conn.execute("SELECT 1 FROM story_regrouping LIMIT 1").fetchone() is not None

    def begin_regrouping(self) -> int:
        """Take every article a user did not place out of the stories no user corrected (one
        transaction), remembering each one's story, so they are grouped again as a new ingest
        would group them (``regrouping_left``); return how many.  Corrected stories stay whole,
        as regrouping leaves them (``link.stories.regroup``)."""
        uncorrected = (
            "FROM story_articles AS m WHERE m.assigned_by = 'auto' "
            "AND NOT EXISTS (SELECT 1 FROM story_articles AS u WHERE u.story_id = m.story_id AND u.assigned_by = 'user')"
        )
        with transaction(self.conn):
            self.conn.execute(
                f"INSERT OR REPLACE INTO story_regrouping (article_id, old_story_id) SELECT m.article_id, m.story_id {uncorrected}"
            )
            return self.conn.execute(f"DELETE FROM story_articles WHERE article_id IN (SELECT m.article_id {uncorrected})").rowcount

    def regrouping_left(self) -> list[str]:
        """Articles taken out of their stories to be grouped again and not grouped yet, in the
        order they were first grouped (their index labels): the order a new ingest meets them."""
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT e.article_id FROM story_regrouping AS r JOIN article_events AS e ON e.article_id = r.article_id "
                "WHERE NOT EXISTS (SELECT 1 FROM story_articles WHERE article_id = r.article_id) ORDER BY e.label"
            )
        ]

    def grouped_event_vectors(self) -> list[tuple[int, int, bytes]]:
        """(label, day_ordinal, vector) of the event profiles of articles that have a story, by label."""
        return self.conn.execute(
            "SELECT e.label, e.day_ordinal, e.vector FROM article_events AS e "
            "JOIN story_articles AS m ON m.article_id = e.article_id ORDER BY e.label"
        ).fetchall()

    def finish_regrouping(self) -> None:
        """Once every article taken out has a story again: a story left empty leads to the story
        holding most of its former articles (``successor_story``), as after any regrouping; one
        formed again under its own id has its articles back.  One transaction."""
        with transaction(self.conn):
            went: dict[str, Counter] = defaultdict(Counter)
            for old, new in self.conn.execute(
                "SELECT r.old_story_id, m.story_id FROM story_regrouping AS r "
                "JOIN story_articles AS m ON m.article_id = r.article_id WHERE r.old_story_id IS NOT NULL"
            ):
                went[old][new] += 1
            for old, targets in sorted(went.items()):
                if old in targets or self._has_members(old):
                    continue
                successor = max(sorted(targets), key=lambda s: targets[s])
                self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (successor, old))
            self.conn.execute("DELETE FROM story_regrouping")

    def stale_results(self, extraction: str, event_method: str, lead_model: str) -> tuple[int, int, bool]:
        """What an older synopsis left in the store: articles another extraction recipe analysed or
        whose metadata another recipe read (``Store.outdated_metadata``), event profiles another
        recipe made, and whether stories are still to be formed again."""
        from synopsis.ingest.meta import METADATA_METHOD
        from synopsis.store.db import UNREAD_PREFIX

        analyses = self.conn.execute(
            "SELECT COUNT(*) FROM articles WHERE extraction IS NULL OR extraction != ? "
            "OR metadata IS NULL OR metadata NOT IN (?, ?)",
            (extraction, METADATA_METHOD, UNREAD_PREFIX + METADATA_METHOD),
        ).fetchone()[0]
        events = self.conn.execute(
            "SELECT COUNT(*) FROM article_events WHERE method != ? OR lead_model != ?", (event_method, lead_model)
        ).fetchone()[0]
        return analyses, events, self.regrouping_needed()
