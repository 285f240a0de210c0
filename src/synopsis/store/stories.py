"""The story tables of the store: memberships, corrections and successors (event profiles are
``event_profiles``)."""

from __future__ import annotations

import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from synopsis.records import SynopsisError
from synopsis.store.transactions import ARTICLE_ORDER, now, starts_with, transaction
from synopsis.store.versions import Replaced


class StoryScattered(SynopsisError):
    """A story id that holds none of its articles now, whose articles went to several stories,
    none holding more of them than the others: the id cannot lead to one (``successor_stories``)."""

    def __init__(self, story_id: str, stories: tuple[str, ...], message: str) -> None:
        super().__init__(message)
        self.story_id = story_id
        self.stories = stories


@dataclass(frozen=True, slots=True)
class StorySummary:
    """One stored story as a listing shows it."""

    id: str
    title: str
    first: str | None  # earliest publication among its articles
    last: str | None
    articles: int
    created: str
    updated: str


@dataclass(frozen=True, slots=True)
class StoryArticle:
    """One article of a stored story."""

    id: str
    source: str
    outlet: str | None
    published: str | None
    title: str | None
    assigned_by: str  # "auto" or "user"


class StoryTables:
    """Story methods of ``Store`` (tables of migrations m003 and m004), over its connection."""

    conn: sqlite3.Connection

    def record_story_assignment(
        self,
        article_id: str,
        story_id: str,
        *,
        title: str,
        method: str,
        day_ordinal: int,
        vector: bytes,
        profile_json: str,
        lead_model: str,
        score: float | None = None,
        by_user: bool = False,
    ) -> int:
        """Store an article's event profile and its story in one transaction; return its index label.

        An article that already has a story keeps it (a user's correction, or
        another process that got there first); its profile is stored once.
        ``by_user`` records the membership as a user's placement (the new version of an
        article a user placed), which regrouping leaves alone.
        """
        stamp = now()
        with transaction(self.conn):
            row = self.conn.execute("SELECT label FROM article_events WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                label = self.conn.execute(
                    "INSERT INTO article_events (article_id, method, day_ordinal, vector, profile_json, lead_model) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (article_id, method, day_ordinal, vector, profile_json, lead_model),
                ).lastrowid
            else:
                label = row[0]
            if self.conn.execute("SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,)).fetchone() is None:
                self.conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                    (story_id, title, stamp, stamp),
                )
                self.conn.execute(
                    "INSERT INTO story_articles (article_id, story_id, assigned_by, score, assigned_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (article_id, story_id, "user" if by_user else "auto", score, stamp),
                )
        return label

    def unassigned_article_ids(self) -> list[str]:
        """Stored articles without a story (stored by a run killed before assigning), chronologically."""
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT a.id FROM articles AS a LEFT JOIN story_articles AS m ON m.article_id = a.id "
                f"WHERE m.article_id IS NULL {ARTICLE_ORDER}"
            )
        ]

    def list_stories(self) -> list[StorySummary]:
        """Every story with its time span and size, newest first."""
        rows = self.conn.execute(
            "SELECT s.id, s.title, MIN(a.published), MAX(a.published), COUNT(*), s.created, s.updated "
            "FROM stories AS s JOIN story_articles AS m ON m.story_id = s.id JOIN articles AS a ON a.id = m.article_id "
            "GROUP BY s.id ORDER BY MAX(a.published) IS NULL, MAX(a.published) DESC, s.id"
        ).fetchall()
        return [StorySummary(*row) for row in rows]

    def story_articles(self, story_id: str) -> list[StoryArticle]:
        """The articles of one story, oldest first."""
        rows = self.conn.execute(
            "SELECT a.id, a.source, a.outlet, a.published, a.title, m.assigned_by FROM story_articles AS m "
            f"JOIN articles AS a ON a.id = m.article_id WHERE m.story_id = ? {ARTICLE_ORDER}",
            (story_id,),
        ).fetchall()
        return [StoryArticle(*row) for row in rows]

    def story_of(self, article_id: str) -> str | None:
        """The story an article belongs to, if assigned."""
        row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        return row[0] if row else None

    def resolve_story_id(self, id_or_prefix: str, follow: bool = True) -> str:
        """Return the one story id equal to or starting with id_or_prefix (or, with follow, the
        story that absorbed it, see ``successor_story``); raise SynopsisError otherwise.

        Corrections pass follow=False: merging a stale id must not merge its successor,
        which may hold many other articles."""
        matching, bounds = starts_with("id", id_or_prefix)
        rows = self.conn.execute(
            f"SELECT id FROM stories WHERE {matching} AND EXISTS "
            "(SELECT 1 FROM story_articles WHERE story_id = stories.id) ORDER BY id LIMIT 4",
            bounds,
        ).fetchall()
        if id_or_prefix and not rows and (emptied := self._emptied_story(id_or_prefix)):
            successors = self.successor_stories(emptied)
            if len(successors) == 1 and follow:
                return successors[0]
            if len(successors) > 1:
                where = self.where_they_went(emptied)
                raise StoryScattered(emptied, successors, f"story {emptied} holds none of its articles now: {where}; name one")
            if successors:
                raise SynopsisError(f"story {id_or_prefix!r} holds no articles now: they are in {successors[0]}, name that story")
        if not id_or_prefix or not rows:
            member, bounds = starts_with("m.article_id", id_or_prefix)
            article = self.conn.execute(
                f"SELECT m.article_id, m.story_id FROM story_articles AS m WHERE {member} LIMIT 2", bounds
            ).fetchall()
            if id_or_prefix and len(article) == 1:
                raise SynopsisError(f"no story matches {id_or_prefix!r}; article {article[0][0][:12]} does, in story {article[0][1]}")
            raise SynopsisError(f"no story matches {id_or_prefix!r}")
        if len(rows) > 1 and rows[0][0] != id_or_prefix:
            shown = ", ".join(row[0] for row in rows[:3]) + (", …" if len(rows) > 3 else "")
            raise SynopsisError(f"{id_or_prefix!r} is ambiguous: it could be {shown}")
        return rows[0][0]

    def successor_story(self, id_or_prefix: str) -> str | None:
        """The current story holding most of the former articles of an emptied story (merged by a
        user, regrouped or split up), the first by id of those holding as many; None when the id
        names no emptied story, or its articles are in no story now (``successor_stories``)."""
        emptied = self._emptied_story(id_or_prefix)
        if emptied is None:
            return None
        return next(iter(self.successor_stories(emptied)), None)

    def successor_stories(self, story_id: str) -> tuple[str, ...]:
        """Where the id of a story that holds none of its articles now leads: the current story
        holding most of the articles it held (``former_articles_now``), or all those holding as
        many (``StoryScattered`` when more than one), by id.  A store that knows no former
        article of it (articles since removed) follows the ``merged_into`` chain instead."""
        went = self.former_articles_now(story_id)
        if went:
            most = went[0][1]
            return tuple(story for story, count in went if count == most)
        return tuple(story for story in self._merge_chain(story_id) if self._has_members(story))[:1]

    # The articles a story held (``story_memberships``), each as its current version, where they are
    # now, but for those a user split out of that very story: the user said they are not its own.
    # (QA25: a story merged into another, then each of its articles split out and merged
    # elsewhere; a user's split of an article out of the story it had been merged into does count.)
    _FORMER_ARTICLES = (
        "FROM story_memberships AS h LEFT JOIN article_versions AS v ON v.old_id = h.article_id "
        "JOIN story_articles AS m ON m.article_id = COALESCE(v.new_id, h.article_id) "
        "WHERE h.story_id = ? AND NOT EXISTS (SELECT 1 FROM story_corrections AS c "
        "WHERE c.kind = 'split' AND c.story_id = h.story_id AND c.article_id = h.article_id)"
    )

    def former_articles_now(self, story_id: str) -> list[tuple[str, int]]:
        """(story, how many) of the other current stories holding articles ``story_id`` held
        (``_FORMER_ARTICLES``), most first, then by id."""
        return self.conn.execute(
            f"SELECT m.story_id, COUNT(DISTINCT m.article_id) {self._FORMER_ARTICLES} AND m.story_id != ? "
            "GROUP BY m.story_id ORDER BY 2 DESC, 1",
            (story_id, story_id),
        ).fetchall()

    def where_they_went(self, story_id: str) -> str:
        """Where an emptied story's articles are now, in words: "they are in sA" when one story
        holds them all, else each story with how many ("they went to 2 stories: 3 are in sA, 1 in sB")."""
        went = self.former_articles_now(story_id)
        if len(went) <= 1:
            successors = [story for story, _ in went] or list(self.successor_stories(story_id))
            return f"they are in {successors[0]}" if successors else "they are in no story now"
        shown = ", ".join(f"{count} in {story}" for story, count in went[:5])
        more = f" and {len(went) - 5} more" if len(went) > 5 else ""
        return f"they went to {len(went)} stories: {shown.replace(' in ', ' are in ', 1)}{more}"

    def _emptied_story(self, id_or_prefix: str) -> str | None:
        """The full id of the one story emptied into others (``merged_into`` set by a merge, a
        regrouping or a new version) that id_or_prefix names, or that it starts; None for no
        prefix, no such story, or more than one."""
        if not id_or_prefix:
            return None
        matching, bounds = starts_with("id", id_or_prefix)
        rows = self.conn.execute(
            f"SELECT id FROM stories WHERE {matching} AND merged_into IS NOT NULL ORDER BY id LIMIT 2", bounds
        ).fetchall()
        if not rows or (len(rows) > 1 and rows[0][0] != id_or_prefix):
            return None
        return rows[0][0]

    def _merge_chain(self, story_id: str) -> Iterator[str]:
        """The stories an emptied story's articles went to, merge after merge (``merged_into``),
        up to a story merged nowhere, or no story; a cycle ends it too."""
        seen = {story_id}
        row = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        while row is not None and row[0] is not None and row[0] not in seen:
            story = row[0]
            yield story
            seen.add(story)
            row = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story,)).fetchone()

    def _has_members(self, story_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (story_id,)).fetchone() is not None

    def story_now(self, story_id: str) -> tuple[str, bool] | None:
        """Where the articles of a story are now, and whether a user put them there: the story
        itself, unless it holds none of them now (``successor_stories``, the first of several);
        None when no such story is stored, or its articles are in no story now."""
        row = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (story_id,)).fetchone()
        if row is None:
            return None
        if row[0] is None or self._has_members(story_id):
            # Not emptied into another (a killed ingest replaced its only article and stopped
            # before following it): the new version's place is still this story.
            return story_id, False
        successors = self.successor_stories(story_id)
        if not successors:
            return None
        return successors[0], self._placed_by_user(story_id, successors[0])

    def _placed_by_user(self, story_id: str, now_in: str) -> bool:
        """Whether a user's correction put the former articles of ``story_id`` where they are now,
        in ``now_in``: articles a user's merge or split moves become the user's placements
        (``merge_stories``, ``split_article``), which regrouping leaves alone."""
        return self.conn.execute(
            f"SELECT 1 {self._FORMER_ARTICLES} AND m.story_id = ? AND m.assigned_by = 'user' LIMIT 1", (story_id, now_in)
        ).fetchone() is not None

    def absorbed_story(self, id_or_prefix: str) -> tuple[str, bool] | None:
        """For the id (or unique prefix) of a story emptied into another: its full id, and whether
        a user merged it away (else regrouping moved its articles); None for any other id."""
        story = self._emptied_story(id_or_prefix)
        if story is None:
            return None
        by_user = self.conn.execute(
            "SELECT 1 FROM story_corrections WHERE kind = 'merge' AND other_story_id = ? LIMIT 1", (story,)
        ).fetchone()
        return story, by_user is not None

    def user_placement(self, article_id: str) -> str | None:
        """How a user put an article in its story: "split" (split out into it, this version or an
        older one), "merge" (moved with its story into another by a user's merge), None otherwise."""
        row = self.conn.execute("SELECT story_id, assigned_by FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None or row[1] != "user":
            return None
        versions = [article_id, *(old for old, _, _ in self.past_versions(article_id))]
        split = self.conn.execute(
            f"SELECT 1 FROM story_corrections WHERE kind = 'split' AND other_story_id = ? "
            f"AND article_id IN ({','.join('?' * len(versions))}) LIMIT 1",
            (row[0], *versions),
        ).fetchone()
        if split:
            return "split"
        # Only a merge a user made into this story: a user-placed row may also be a new version
        # taking its old version's place, or a story regrouping filled after a correction.
        merged = self.conn.execute(
            "SELECT 1 FROM story_corrections WHERE kind = 'merge' AND story_id = ? LIMIT 1", (row[0],)
        ).fetchone()
        return "merge" if merged else None

    def unfollowed_versions(self) -> list[tuple[str, str]]:
        """(old story, new version's id) for every story a replaced article left empty that leads
        nowhere yet: a killed ingest replaced the article but stopped before following it."""
        return self.conn.execute(
            """
            SELECT v.story_id, v.new_id FROM article_versions v JOIN stories s ON s.id = v.story_id
            WHERE s.merged_into IS NULL
              AND NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.story_id = v.story_id)
            ORDER BY v.replaced_at
            """
        ).fetchall()

    def unplaced_versions(self) -> list[tuple[str, tuple[Replaced, ...]]]:
        """For every stored article without a story that replaced versions which had one (a killed
        ingest stored it but stopped before placing it, or one ran without stories): its id and
        those versions, latest first, each with the story its own story is now and whether a user
        placed it there (``story_now``; no story when that is gone).  Oldest articles first."""
        rows = self.conn.execute(
            f"""
            SELECT a.id, v.old_id, v.source, v.story_id, v.placed_by_user FROM articles AS a
            JOIN article_versions AS v ON v.new_id = a.id
            WHERE v.story_id IS NOT NULL
              AND NOT EXISTS (SELECT 1 FROM story_articles WHERE article_id = a.id)
            {ARTICLE_ORDER}, v.replaced_at DESC, v.old_id
            """
        ).fetchall()
        versions: dict[str, list[Replaced]] = {}
        for article_id, old_id, source, story, by_user in rows:
            story_now, merged_by_user = self.story_now(story) or (None, False)
            versions.setdefault(article_id, []).append(Replaced(old_id, source, story_now, bool(by_user) or merged_by_user))
        return [(article_id, tuple(replaced)) for article_id, replaced in versions.items()]

    def follow_new_version(self, old_story: str, article_id: str) -> bool:
        """After a newer version of an article replaced the only article of ``old_story``: the
        story the new version joined is where the old story's id leads now (as after a merge).
        Returns True when the old story was left empty and now leads there."""
        with transaction(self.conn):
            new_story = self.story_of(article_id)
            if new_story is None or new_story == old_story:
                return False
            if self.conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (old_story,)).fetchone():
                return False
            self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (new_story, old_story))
        return True

    def merge_stories(self, keep: str, other: str) -> int:
        """Move every article of story other into story keep (as a user correction); return how many moved."""
        if keep == other:
            raise SynopsisError("cannot merge a story with itself")
        stamp = now()
        with transaction(self.conn):
            # One correction row per article moved, so a later split knows where an article came
            # from (``merged_from``); a merge that moved nothing is still recorded.
            articles = [row[0] for row in self.conn.execute("SELECT article_id FROM story_articles WHERE story_id = ?", (other,))]
            moved = self.conn.execute(
                "UPDATE story_articles SET story_id = ?, assigned_by = 'user', assigned_at = ? WHERE story_id = ?",
                (keep, stamp, other),
            ).rowcount
            self.conn.execute("UPDATE stories SET updated = ? WHERE id = ?", (stamp, keep))
            self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (keep, other))
            self.conn.executemany(
                "INSERT INTO story_corrections (kind, story_id, other_story_id, article_id, at) VALUES ('merge', ?, ?, ?, ?)",
                [(keep, other, article, stamp) for article in articles or [None]],
            )
        return moved

    def merged_from(self, article_id: str, story_id: str) -> str | None:
        """The emptied story a user's merge brought an article into ``story_id`` from, when the
        article was all that story held (so the article alone can take the story's id back)."""
        row = self.conn.execute(
            "SELECT other_story_id, at FROM story_corrections WHERE kind = 'merge' AND story_id = ? AND article_id = ? "
            "ORDER BY id DESC LIMIT 1",
            (story_id, article_id),
        ).fetchone()
        if row is None or self._has_members(row[0]):
            return None
        moved = self.conn.execute(
            "SELECT COUNT(*) FROM story_corrections WHERE kind = 'merge' AND story_id = ? AND other_story_id = ? AND at = ?",
            (story_id, row[0], row[1]),
        ).fetchone()[0]
        merged_into = self.conn.execute("SELECT merged_into FROM stories WHERE id = ?", (row[0],)).fetchone()
        return row[0] if moved == 1 and merged_into is not None and merged_into[0] == story_id else None

    def split_article(self, article_id: str, new_story_id: str, title: str) -> str:
        """Move one article out of its story into a new story of its own (a user correction)."""
        stamp = now()
        with transaction(self.conn):
            row = self.conn.execute("SELECT story_id FROM story_articles WHERE article_id = ?", (article_id,)).fetchone()
            if row is None:
                raise SynopsisError(f"article {article_id} has no story yet")
            self.conn.execute(
                "INSERT INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                (new_story_id, title, stamp, stamp),
            )
            self.conn.execute(
                "UPDATE story_articles SET story_id = ?, assigned_by = 'user', assigned_at = ? WHERE article_id = ?",
                (new_story_id, stamp, article_id),
            )
            self.conn.execute(
                "INSERT INTO story_corrections (kind, story_id, other_story_id, article_id, at) "
                "VALUES ('split', ?, ?, ?, ?)",
                (row[0], new_story_id, article_id, stamp),
            )
        return new_story_id

    def place_by_user(self, article_id: str, story_id: str) -> None:
        """Put an article in a story as a user placed it (the new version of an article a user
        had placed there): later regrouping leaves it there."""
        with transaction(self.conn):
            self.conn.execute(
                "UPDATE story_articles SET story_id = ?, assigned_by = 'user', assigned_at = ? WHERE article_id = ?",
                (story_id, now(), article_id),
            )

    def story_has_corrections(self, story_id: str) -> bool:
        """True when a user put any of the story's articles there (a merge or a split)."""
        row = self.conn.execute(
            "SELECT 1 FROM story_articles WHERE story_id = ? AND assigned_by = 'user' LIMIT 1", (story_id,)
        ).fetchone()
        return row is not None

    def move_story_articles(self, moves: dict[str, str]) -> int:
        """Move automatically assigned articles (id -> story id) to other stories, creating
        stories as needed; articles a user placed stay.  Returns how many moved."""
        stamp = now()
        moved = 0
        with transaction(self.conn):
            for story_id in sorted(set(moves.values())):
                self.conn.execute(
                    "INSERT INTO stories (id, title, created, updated) VALUES (?, '', ?, ?) "
                    "ON CONFLICT (id) DO UPDATE SET updated = excluded.updated, merged_into = NULL",
                    (story_id, stamp, stamp),
                )
            received: dict[str, Counter] = defaultdict(Counter)  # old story -> where its articles went
            for article_id, story_id in moves.items():
                row = self.conn.execute(
                    "SELECT story_id FROM story_articles WHERE article_id = ? AND assigned_by = 'auto'", (article_id,)
                ).fetchone()
                if row is None or row[0] == story_id:
                    continue
                self.conn.execute(
                    "UPDATE story_articles SET story_id = ?, assigned_at = ? WHERE article_id = ?", (story_id, stamp, article_id)
                )
                received[row[0]][story_id] += 1
                moved += 1
            for old, targets in received.items():
                if self.conn.execute("SELECT 1 FROM story_articles WHERE story_id = ? LIMIT 1", (old,)).fetchone() is None:
                    successor = max(sorted(targets), key=lambda s: targets[s])
                    self.conn.execute("UPDATE stories SET merged_into = ? WHERE id = ?", (successor, old))
        return moved

    def set_story_title(self, story_id: str, title: str) -> None:
        """Replace a story's title."""
        with transaction(self.conn):
            self.conn.execute("UPDATE stories SET title = ? WHERE id = ?", (title, story_id))
