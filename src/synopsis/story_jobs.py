"""Jobs on stored stories: list and report them, explain why articles share a story or not,
and apply a user's corrections (merge, split) so that they survive later ingests."""

from __future__ import annotations

from dataclasses import dataclass

from synopsis.jobs import assign_pending
from synopsis.records import SynopsisError


def current_stories(store) -> list:
    """The stories of the stored articles, newest first (records.Story); assigns any article still without one."""
    from synopsis.records import Story

    assign_pending(store)
    return [
        Story(id=s.id, title=s.title, article_ids=tuple(a.id for a in store.story_articles(s.id)))
        for s in store.list_stories()
    ]


def story_report(store, story_id: str):
    """The StoryReport of one stored story, by id or unique id prefix."""
    from synopsis.compare.story import build_story_report
    from synopsis.records import Story

    assign_pending(store)
    found = store.resolve_story_id(story_id)
    summary = next(s for s in store.list_stories() if s.id == found)
    ids = tuple(a.id for a in store.story_articles(found))
    return build_story_report(Story(id=found, title=summary.title, article_ids=ids), list(store.iter_analyses(list(ids))))


@dataclass(frozen=True)
class Merged:
    """What ``merge_stories`` did: the story kept (full id), the story absorbed, articles moved."""

    story_id: str
    absorbed: str
    moved: int


def merge_stories(store, keep: str, other: str) -> Merged:
    """Merge story other into story keep (ids or unique prefixes), as a correction later ingests respect.

    The kept story keeps its title: the user merged the other story into it (QA: `stories merge
    KEEP OTHER` renamed KEEP after an article of OTHER, the best fit of a mix of two events).
    Articles a later ingest adds retitle it as they would any story."""
    with store.write_lock():
        keep_id = store.resolve_story_id(keep, follow=False)
        other_id = store.resolve_story_id(other, follow=False)
        moved = store.merge_stories(keep_id, other_id)
    return Merged(keep_id, other_id, moved)


def absorbed_note(store, given: str) -> str | None:
    """For an id (or prefix) naming a story that holds none of its articles now: a line saying
    where they went (the stories holding them, when several do) and how (a user's corrections, or
    regrouping), for a command that shows the story holding most of them; None when ``given``
    names a current story (or none)."""
    shown = store.resolve_story_id(given)
    if shown.startswith(given):
        return None
    found = store.absorbed_story(given)
    if found is None:
        return None
    absorbed, _ = found
    how = "a user's merge or split moved them" if store.story_now(absorbed) == (shown, True) else "regrouping moved them"
    return f"story {absorbed} holds none of its articles now ({how}): {store.where_they_went(absorbed)}; {shown} is shown here"


def article_comparison(store, first: str, second: str) -> dict:
    """Why two stored articles (ids or unique prefixes) share a story or not, as the JSON
    `synopsis stories compare` and the API give (``link.events.explain_events``)."""
    from synopsis.link.events import explain_events
    from synopsis.link.stored_stories import stored_profile
    from synopsis.link.stories import MERGE_SIMILARITY

    assign_pending(store)  # an article gets its event profile when it gets a story
    ids = [store.resolve_id(given) for given in (first, second)]
    if ids[0] == ids[1]:
        raise SynopsisError(f"{first!r} and {second!r} are the same article ({ids[0][:12]}): give two different articles")
    profiles = []
    for article_id in ids:
        profile = stored_profile(store, article_id)
        if profile is None:
            raise SynopsisError(f"article {article_id[:12]} has no event profile yet: run `synopsis ingest` again")
        profiles.append(profile)
    a, b = profiles
    why = explain_events(a, b)
    stories = [store.story_of(p.article_id) for p in (a, b)]
    return {
        "articles": [
            {
                "id": p.article_id,
                "title": p.title,
                "event_day": p.day,  # the lead's calendar date of the event
                "part_of_day_day": p.time_day,  # else the day of its "this morning", "on Monday afternoon"
                "published": p.published,
                "story": story,
            }
            for p, story in zip((a, b), stories)
        ],
        "similarity": round(why.score, 4),
        "merge_similarity": MERGE_SIMILARITY,
        "model_similarity": round(why.model, 4),
        "measures": {name: round(value, 4) for name, value in why.measures.items()},
        "rules": [{"multiplier": m, "why": text} for m, text in why.rules],
        "together_by_user": (by_user := together_by_user(store, a.article_id, b.article_id) if stories[0] == stories[1] else None),
        # The sentence the CLI and the web page both give for it, so they cannot tell it apart.
        "together_by_user_why": USER_PLACEMENTS.get(by_user),
        **stories_apart(store, *stories),
    }


# Why a user's correction keeps two articles together, whatever their similarity.
USER_PLACEMENTS = {
    "merge": "a user merged their stories (`synopsis stories merge`): they share one whatever their similarity",
    "split": "a user split one of them out into a story of its own (`synopsis stories split`), which the other then joined",
}


def together_by_user(store, first: str, second: str) -> str | None:
    """For two articles of one story, the user's correction that put them there, if any: "merge"
    when a user merged one's story into the other's (they share a story whatever their
    similarity), "split" when a user split one out into a story of its own that the other then
    joined; None when no user placed either."""
    placements = {store.user_placement(first), store.user_placement(second)}
    return "merge" if "merge" in placements else "split" if "split" in placements else None


def stories_apart(store, first: str | None, second: str | None) -> dict:
    """For two different stories: their articles' mean similarity across the two (over up to
    MAX_MEMBERS of each), and, when that mean would merge them, why they stay apart: as groups
    they report different events (``link.groups_apart.why_apart``), a user corrected one of them, or
    only that they were never weighed together; None for what does not apply."""
    from synopsis.link.events import compare_events
    from synopsis.link.groups_apart import why_apart
    from synopsis.link.stored_stories import StoreState
    from synopsis.link.stories import MAX_MEMBERS, MERGE_SIMILARITY

    out: dict = {"stories_similarity": None, "stories_apart": None}
    if not first or not second or first == second:
        return out
    state = StoreState(store)
    mine, theirs = state.members(first, MAX_MEMBERS), state.members(second, MAX_MEMBERS)
    if not mine or not theirs:
        return out
    mean = sum(compare_events(a, b) for a in mine for b in theirs) / (len(mine) * len(theirs))
    out["stories_similarity"] = round(mean, 4)
    # Stories too unlike to merge need no group-level reason: the pair's similarity is it.
    # (Unrelated stories of five articles or more nearly always each name someone the
    # other does not.)  A story of 1-3 articles below the threshold may have stayed out
    # of a larger one by the stray rules (link.stories.attach_strays); this says nothing of those.
    if mean >= MERGE_SIMILARITY:
        reasons = []
        if groups := why_apart(mine, theirs):
            reasons.append(f"as groups, {groups}")
        corrected = [story for story in (first, second) if store.story_has_corrections(story)]
        if corrected:
            reasons.append(f"a user corrected {' and '.join(corrected)} (a merge or a split), and regrouping leaves corrected stories alone")
        out["stories_apart"] = "; ".join(reasons) or (
            # Regrouping weighs only the stories near a newly filed article, and none
            # larger than it re-clusters (link.stories.regroup).
            f"nothing keeps them apart but that regrouping never weighed them together (it looks only at stories "
            f"near a new article, of at most {MAX_MEMBERS} articles); `synopsis stories merge` joins them"
        )
    return out


def story_member_fit(store, story_id: str) -> dict[str, float]:
    """Each article's mean similarity to the rest of its story (none for a story of one).
    Members beyond the first MAX_MEMBERS are compared with those only, which bounds the cost
    per article of a large story."""
    from synopsis.link.events import compare_events
    from synopsis.link.stored_stories import StoreState, stored_profile
    from synopsis.link.stories import MAX_MEMBERS, member_fit

    sample = StoreState(store).members(story_id, MAX_MEMBERS)
    if len(sample) < 2:
        return {}
    fit = member_fit(sample)
    for article in store.story_articles(story_id):
        if article.id not in fit and (profile := stored_profile(store, article.id)) is not None:
            fit[article.id] = sum(compare_events(profile, m) for m in sample) / len(sample)
    return fit


def split_article(store, story: str, article: str) -> str:
    """Move one article out of a story into a new story of its own; it never rejoins automatically."""
    with store.write_lock():  # checks, split and retitling in one transaction
        return _split_article(store, story, article)


def _split_article(store, story: str, article: str) -> str:
    from synopsis.link.stored_stories import retitle_story
    from synopsis.link.stories import new_story_id

    story_id = store.resolve_story_id(story, follow=False)
    article_id = store.resolve_id(article)
    if store.story_of(article_id) != story_id:
        raise SynopsisError(f"article {article_id[:12]} is not in story {story_id}")
    if len(store.story_articles(story_id)) == 1:
        # Splitting would only rename the story, and the old id would stop leading anywhere.
        raise SynopsisError(f"article {article_id[:12]} is the only article of story {story_id}: nothing to split")
    # An article a user's merge brought in, alone, takes its old story's id back: that id leads to
    # it again, instead of to the story it left (QA: an error on the old id said the article was
    # still in the story it had been split out of).  Otherwise the id is derived from the article
    # and the story it left, so splitting the same article again elsewhere gives a different,
    # still stable id.
    new_id = store.merged_from(article_id, story_id) or new_story_id(f"split:{story_id}:{article_id}")
    store.split_article(article_id, new_id, "")
    # Both stories are titled as ingest titles them (``retitle_story``): the new one as a story of
    # this one article (QA: an untitled article's story was named by its source label,
    # "articles[0]", where ingest had used its first sentence); the story left behind may have
    # been titled by the article that left.
    retitle_story(store, new_id)
    retitle_story(store, story_id)
    return new_id
