"""Merging and splitting stories from the web: thin calls into the jobs layer.

Stories are persisted and corrected by ``synopsis.jobs`` (``merge_stories``,
``split_article``); this module only checks the request and turns the jobs'
answers into what the API returns.
"""

from __future__ import annotations

from synopsis.records import SynopsisError


def merge(store, story_a: str, story_b: str):
    """Merge two stories into one; returns what the jobs layer returns (the merged story)."""
    from synopsis import jobs

    if not story_a or not story_b:
        raise SynopsisError("give two story ids to merge")
    if story_a == story_b:
        raise SynopsisError("cannot merge a story with itself")
    merge_stories = getattr(jobs, "merge_stories", None)
    if merge_stories is None:
        raise NotImplementedError("merging stories is not available in this version")
    return merge_stories(store, story_a, story_b)


def split(store, story_id: str, article_id: str):
    """Move one article out of a story into a story of its own."""
    from synopsis import jobs

    if not article_id:
        raise SynopsisError("give the id of the article to split out")
    split_article = getattr(jobs, "split_article", None)
    if split_article is None:
        raise NotImplementedError("splitting stories is not available in this version")
    return split_article(store, story_id, article_id)
