"""Merging and splitting stories from the web: checked calls into ``synopsis.jobs``, one writer at a time."""

from __future__ import annotations

from synopsis import story_jobs
from synopsis.records import SynopsisError
from synopsis.server.state import ServerState


def merge(state: ServerState, keep: str, other: str) -> tuple[str, int]:
    """Merge story other into story keep; returns the kept id and how many articles moved."""
    if not keep or not other:
        raise SynopsisError("give two story ids to merge")
    keep_id, other_id = state.find_story(keep, follow=False).id, state.find_story(other, follow=False).id
    if keep_id == other_id:
        raise SynopsisError("cannot merge a story with itself")
    with state.write_lock:
        moved = story_jobs.merge_stories(state.writable_store(), keep_id, other_id).moved
    state.refresh_reports([keep_id])  # the list shows the merged story's counts at once
    return keep_id, moved


def split(state: ServerState, story_id: str, article_id: str) -> str:
    """Move one article out of a story into a story of its own; returns the new story's id."""
    if not article_id:
        raise SynopsisError("give the id of the article to split out")
    from synopsis.server.routes_api import resolve_article

    story = state.find_story(story_id, follow=False)
    full_id = resolve_article(state, article_id)  # 404 for an unknown article, from the page as from the API
    with state.write_lock:  # story_jobs.split_article refuses an article not in the story, or its only one
        new_id = story_jobs.split_article(state.writable_store(), story.id, full_id)
    state.refresh_reports([story.id, new_id])  # both stories' counts are right at once
    return new_id
