"""The jobs behind the commands: read inputs, analyse articles, store them, report stories.

The CLI and the web server call these functions; they hold no parsing of options
and print nothing themselves (progress and errors go through callbacks).
"""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass, field
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

import numpy as np

from synopsis.ingest.outlets import OutletRegistry
from synopsis.ingest.readers import FetchOptions, read_inputs
from synopsis.records import Article, ArticleAnalysis, InputError, RawDocument, SynopsisError
from synopsis.run.local import analyze_and_embed_locally, analyze_locally, batches, build_locally
from synopsis.store.versions import Replaced, item_key

OnError = Callable[[InputError], None]
# (an input item, the earlier item of the same input with the same clean text): the
# later one is dropped, a duplicate in input.
OnDuplicate = Callable[[str, str], None]
# (an input item, what was left out of it): the item was read without a part it could not
# read (``ingest.article.build_article_warned``: a field of the wrong kind, an impossible date).
OnWarning = Callable[[str, str], None]


@dataclass(frozen=True)
class VersionNote:
    """An input item whose file or address a stored article already has, with another text:
    "updated" (its text, stored as ``article_id``, replaced ``others``, older versions of it),
    "outdated" (its text is a version that ``others[0]``, stored, replaced: not stored again)
    or "apart" (its text, stored as ``article_id``, is no revision of ``others``: another
    article under the same name, kept beside them)."""

    kind: str
    source: str
    article_id: str
    others: tuple[str, ...]


OnVersion = Callable[[VersionNote], None]
# Stored articles get their stories in small batches, close behind their storing;
# the articles of a killed run that were stored but not yet assigned are picked
# up by the next run.
ASSIGN_BATCH = 16
# (articles done, articles in all); the total is None while more inputs may follow
# (an ingest reads its inputs INGEST_WINDOW at a time, so it learns the total late).
OnProgress = Callable[[int, int | None], None]


@dataclass
class BatchResult:
    """What a batch did: analyses produced, articles already known, and per-item failures."""

    analyses: list[ArticleAnalysis] = field(default_factory=list)
    added: int = 0
    updated: int = 0  # stored as the new version of an article stored before (not counted in added)
    already_stored: int = 0
    duplicates: int = 0
    errors: list[InputError] = field(default_factory=list)
    # Kept, like the analyses, unless the caller asks for none (a large ingest):
    added_ids: list[str] = field(default_factory=list)  # articles this batch stored
    known_ids: list[str] = field(default_factory=list)  # already stored, or repeated within the batch


def load_articles(
    items: Iterable[str],
    *,
    registry: OutletRegistry | None = None,
    stdin: BinaryIO | None = None,
    fetch: FetchOptions | None = None,
    on_error: OnError | None = None,
    workers: int | None = None,
    on_ignored: Callable[[str], None] | None = None,
    on_warning: OnWarning | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Read, clean and identify every input (on ``workers`` processes); bad items become errors and the rest go on."""
    registry = registry or OutletRegistry.load()
    articles: list[Article] = []
    errors: list[InputError] = []
    # Window by window, so raw documents are released once built.
    for window in batches(read_inputs(items, stdin=stdin, fetch=fetch, on_ignored=on_ignored), INGEST_WINDOW):
        built, failed = build_articles(window, registry, workers, on_error, on_warning)
        articles += built
        errors += failed
    return articles, errors


def build_articles(
    read: Sequence[RawDocument | InputError],
    registry: OutletRegistry,
    workers: int | None = None,
    on_error: OnError | None = None,
    on_warning: OnWarning | None = None,
) -> tuple[list[Article], list[InputError]]:
    """Clean and identify what the readers produced, in order; read failures and refused documents become errors,
    and ``on_warning`` hears what the articles built had to leave out."""
    articles: list[Article] = []
    errors: list[InputError] = []
    built = build_locally([item for item in read if not isinstance(item, InputError)], registry, workers)
    for item in read:
        if isinstance(item, InputError):
            problem = item
        else:
            outcome = next(built)
            if not isinstance(outcome, SynopsisError):
                article, warnings = outcome
                articles.append(article)
                for warning in warnings if on_warning else ():
                    on_warning(article.source, warning)
                continue
            problem = InputError(item.source, str(outcome))
        errors.append(problem)
        if on_error:
            on_error(problem)
    return articles, errors


def unique_articles(
    articles: Sequence[Article], on_duplicate: OnDuplicate | None = None
) -> tuple[list[Article], int]:
    """Drop articles whose clean text was already seen in this batch (same id);
    ``on_duplicate`` hears of each one dropped and of the item it repeats."""
    first: dict[str, str] = {}
    unique = []
    for article in articles:
        if article.id not in first:
            first[article.id] = article.source
            unique.append(article)
        elif on_duplicate:
            on_duplicate(article.source, first[article.id])
    return unique, len(articles) - len(unique)


def analyze_with_engine(
    articles: Sequence[Article], engine: str = "local", workers: int | None = None, ray_address: str | None = None
) -> Iterator[ArticleAnalysis]:
    """Analyse articles in input order on the chosen engine: "local" (process pool) or "ray" (Ray Data)."""
    return _on_engine(articles, engine, workers, ray_address, lead_vectors=False)


def analyze_and_embed_with_engine(
    articles: Sequence[Article], engine: str = "local", workers: int | None = None, ray_address: str | None = None
) -> Iterator[tuple[ArticleAnalysis, np.ndarray]]:
    """The ingest's per-article stage on the chosen engine: each analysis with the vector of its lead."""
    return _on_engine(articles, engine, workers, ray_address, lead_vectors=True)


def _on_engine(articles, engine: str, workers: int | None, ray_address: str | None, lead_vectors: bool) -> Iterator:
    if engine == "ray":
        from synopsis.run import ray as ray_engine

        run = ray_engine.analyze_and_embed_with_ray if lead_vectors else ray_engine.analyze_with_ray
        # --workers sizes the actor pool too; by default one actor per cluster CPU.
        return run(articles, address=ray_address, actors=workers)
    if engine != "local":
        raise SynopsisError(f"unknown engine {engine!r}: use 'local' or 'ray'")
    return (analyze_and_embed_locally if lead_vectors else analyze_locally)(articles, workers)


def analyze_inputs(
    items: Iterable[str],
    *,
    registry: OutletRegistry | None = None,
    stdin: BinaryIO | None = None,
    fetch: FetchOptions | None = None,
    workers: int | None = None,
    on_error: OnError | None = None,
    on_progress: OnProgress | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    on_ignored: Callable[[str], None] | None = None,
    on_duplicate: OnDuplicate | None = None,
    on_warning: OnWarning | None = None,
) -> BatchResult:
    """Read and analyse inputs without storing anything (``synopsis extract``)."""
    articles, errors = load_articles(
        items,
        registry=registry,
        stdin=stdin,
        fetch=fetch,
        on_error=on_error,
        workers=_build_workers(engine, workers),
        on_ignored=on_ignored,
        on_warning=on_warning,
    )
    articles, duplicates = unique_articles(articles, on_duplicate)
    result = BatchResult(errors=errors, duplicates=duplicates)
    for done, analysis in enumerate(analyze_with_engine(articles, engine, workers, ray_address), start=1):
        result.analyses.append(analysis)
        if on_progress:
            on_progress(done, len(articles))
    return result


# Inputs read, cleaned, analysed and stored per step of an ingest: a step's
# documents, articles and analyses are released before the next is read, so an
# ingest's memory does not grow with the archive (it grew by ~1 GB per 10,000
# articles of 500 words); only the ids seen, 16 characters each, are kept.
# Each step starts its worker pools again, and a step's cleaning waits for the
# previous step's analysis: measured at 10,000 articles on two cores, steps cost
# about 5% of the throughput (6.78 against 7.59 articles/s; docs/benchmarks.md).
INGEST_WINDOW = 2000


def read_until_readable(
    documents: Iterable[RawDocument | InputError],
) -> tuple[Iterator[RawDocument | InputError], bool]:
    """The same documents, read up to the first one that could be read, and False when every
    input item failed to read: a command that stores articles then has nothing to store, and
    need not open, nor make, its database."""
    documents = iter(documents)
    failures: list[InputError] = []
    for item in documents:
        if not isinstance(item, InputError):
            return itertools.chain(failures, [item], documents), True
        failures.append(item)
    # No input at all (an empty folder) is no failure: the command goes on and says it stored nothing.
    return iter(failures), not failures


def ingest_inputs(
    items: Iterable[str],
    store,
    *,
    stdin: BinaryIO | None = None,
    fetch: FetchOptions | None = None,
    on_ignored: Callable[[str], None] | None = None,
    **options,
) -> BatchResult:
    """Read inputs (paths, folders, URLs, "-") and ingest what they hold: see ``ingest_documents``,
    which takes the same keyword options."""
    options.setdefault("item_files", True)
    return ingest_documents(read_inputs(items, stdin=stdin, fetch=fetch, on_ignored=on_ignored), store, **options)


def ingest_documents(
    documents: Iterable[RawDocument | InputError],
    store,
    *,
    registry: OutletRegistry | None = None,
    workers: int | None = None,
    on_error: OnError | None = None,
    on_warning: OnWarning | None = None,
    on_duplicate: OnDuplicate | None = None,
    on_version: OnVersion | None = None,
    on_progress: OnProgress | None = None,
    on_refresh: OnProgress | None = None,
    on_stored: Callable[[ArticleAnalysis], None] | None = None,
    include_stored: bool = False,
    stories: bool = True,
    engine: str = "local",
    ray_address: str | None = None,
    keep_analyses: bool = True,
    item_files: bool = False,
) -> BatchResult:
    """Clean, analyse and store documents, one transaction per article, INGEST_WINDOW at a time.

    Read failures among the documents are reported as errors, and the rest go on;
    ``on_warning`` hears what an article read had to leave out (``build_articles``).
    A document whose clean text an earlier one of the input had is dropped (``on_duplicate``
    hears of it and of the earlier one).
    A document of the same input item as a stored article (the same URL, or with ``item_files``,
    when sources are paths of files on this machine, the same file) whose text revises the
    stored one's is its new version: it replaces the stored article, whose extracted items go
    with it (its text is kept in the store's version history), and takes its place in its story
    (``version_home``, ``StoredStories.place_versions``); ``on_version`` hears of it (see ``VersionNote``).  Re-reading
    a version that was replaced stores nothing.
    Articles already in the store are skipped before analysis, so a killed run
    resumes where it stopped and re-ingesting the same content stores nothing twice;
    the articles it stored but gave no story get theirs first (``assign_left_behind``).
    The new analyses, and the ids of the articles stored and of those already
    known, are returned unless ``keep_analyses`` is false (a large ingest then
    holds one window in memory, whatever the archive's size).
    With ``include_stored`` the stored analyses of inputs stored before are returned too (for reports).
    With ``stories`` (the default) each stored article joins a story or opens one
    right after it is stored (see ``assign_stories``); ``on_refresh`` hears the
    progress of embedding again the leads of a store made by an older lead model
    (``link.stored_stories.refresh_lead_vectors``), which comes first.
    """
    registry = registry or OutletRegistry.load()
    result = BatchResult()
    # The input item each article id was first met in: duplicates name it.  (The
    # names cost memory with the archive's size, about 100 bytes an article.)
    seen: dict[str, str] = {}
    stored_before: list[str] = []  # input articles this run found already stored
    # Opened with the first new article: loading and saving the story index is
    # wasted on a batch that stores nothing (a web upload of known articles).
    assigner = None
    done = known = 0
    built_any = False  # an article came of the input: not every item was refused
    unknown_total_shown = False  # progress was reported without a total
    try:
        for window in batches(documents, INGEST_WINDOW):
            more_may_follow = len(window) == INGEST_WINDOW
            articles, errors = build_articles(window, registry, _build_workers(engine, workers), on_error, on_warning)
            result.errors += errors
            built_any = built_any or bool(articles)
            fresh = []
            for article in articles:
                if article.id in seen:
                    result.duplicates += 1
                    if on_duplicate:
                        on_duplicate(article.source, seen[article.id])
                elif current := (article.id if store.has_article(article.id) else store.replaced_by(article.id)):
                    seen[article.id] = article.source
                    result.already_stored += 1
                    stored_before.append(current)
                    if current != article.id:
                        # A version a newer one replaced (re-read from an old copy, or an archive holding both).
                        if on_version:
                            on_version(VersionNote("outdated", article.source, article.id, (current,)))
                        if keep_analyses:
                            result.known_ids.append(current)
                        continue
                    # Stored under an older name of this item (JSON and feed items were numbered from 0): the name it goes by now.
                    store.rename_item_source(article.id, article.source)
                else:
                    seen[article.id] = article.source
                    fresh.append(article)
                    continue
                if keep_analyses:
                    result.known_ids.append(article.id)
            known += len(fresh)
            if stories and fresh and assigner is None:
                assigner = open_assigner(store, on_refresh)
                assign_left_behind(assigner)  # articles a killed run stored but did not assign yet
            if stories:
                analysed = analyze_and_embed_with_engine(fresh, engine, workers, ray_address)
            else:
                analysed = ((a, None) for a in analyze_with_engine(fresh, engine, workers, ray_address))
            pending: list[tuple[ArticleAnalysis, np.ndarray | None]] = []
            replaced: list[tuple[Replaced, str]] = []  # (an old version, the id of the new one)
            stored_this_run: set[str] = set()
            for analysis, lead_vector in analysed:
                done += 1
                article = analysis.article
                key = item_key(article.url, article.source, item_files)
                # Stored before item keys existed: a file is found by its source as typed.
                legacy = article.source if item_files and key and key.startswith("file:") else None
                outcome = store.add_version(analysis, key, legacy)
                stored = outcome.stored
                if outcome.updated and article.updated != outcome.updated:
                    # As stored: a new version's text is as of when it replaced the old one.
                    article = dataclasses.replace(article, updated=outcome.updated)
                    analysis = dataclasses.replace(analysis, article=article)
                if outcome.replaced:
                    replaced += [(old, article.id) for old in outcome.replaced]
                    # A version this run stored a moment ago (two texts of one URL in one input):
                    # it is gone from the store, so it gets no story and is not reported as stored.
                    if gone := {r.id for r in outcome.replaced} & stored_this_run:
                        stored_this_run -= gone
                        pending = [(a, v) for a, v in pending if a.article.id not in gone]
                        result.analyses = [a for a in result.analyses if a.article.id not in gone]
                        result.added_ids = [i for i in result.added_ids if i not in gone]
                    if on_version:
                        on_version(VersionNote("updated", article.source, article.id, tuple(r.id for r in outcome.replaced)))
                if outcome.apart and on_version:
                    on_version(VersionNote("apart", article.source, article.id, outcome.apart))
                if keep_analyses:
                    result.analyses.append(analysis)
                    (result.added_ids if stored else result.known_ids).append(analysis.article.id)
                if stored:
                    stored_this_run.add(article.id)
                    if outcome.replaced:
                        result.updated += 1
                    else:
                        result.added += 1
                    if assigner and (home := version_home(outcome.replaced)):
                        # The new version takes the old one's place: it revises the same
                        # article, so it is not grouped again (see StoredStories.place_versions).
                        assigner.place_versions([analysis], None if lead_vector is None else lead_vector[None, :], [home])
                    elif assigner:
                        pending.append((analysis, lead_vector))
                        if len(pending) >= ASSIGN_BATCH:
                            assign_with_vectors(assigner, pending)
                            pending = []
                    if on_stored:
                        on_stored(analysis)
                else:
                    result.already_stored += 1  # stored by another writer since the check above
                if on_progress:
                    on_progress(done, None if more_may_follow else known)
                    unknown_total_shown = more_may_follow
            if assigner and pending:
                assign_with_vectors(assigner, pending)
            if assigner and replaced:
                follow_new_versions(store, assigner, replaced)
            if assigner:
                follow_unfollowed_versions(store)
        if on_progress and unknown_total_shown:
            on_progress(done, done)  # the last progress had no total: close it with the final count
        if stories and assigner is None and built_any:
            # Nothing new, but a killed run may have left articles without a story.  (Not when
            # every item was refused: a database not made yet stays so, ``store.db.DeferredStore``.)
            assign_pending(store)
    finally:
        if assigner:
            assigner.save()
    if include_stored and stored_before:
        result.analyses.extend(store.iter_analyses(list(dict.fromkeys(stored_before))))
    return result


@dataclass(frozen=True)
class ReanalyzeResult:
    """What ``reanalyze`` did: articles analysed again, articles already current, event profiles
    made again (and how many of them changed), and articles whose stories were formed again."""

    reanalyzed: int
    current: int
    profiles: int = 0
    profiles_changed: int = 0
    regrouped: int = 0
    reread: int = 0  # articles whose inputs were read again for their metadata
    metadata_changed: int = 0  # ... and gave other metadata (then analysed again, counted in reanalyzed)
    unreadable: int = 0  # ... whose inputs could not be read again: they keep their metadata


def reanalyze(
    store,
    *,
    everything: bool = False,
    workers: int | None = None,
    engine: str = "local",
    ray_address: str | None = None,
    on_progress: OnProgress | None = None,
    on_profiles: OnProgress | None = None,
    on_regroup: OnProgress | None = None,
    registry: OutletRegistry | None = None,
) -> ReanalyzeResult:
    """Bring every stored result up to this synopsis's recipes, doing only what is stale: read
    again the inputs of the articles whose metadata an older recipe read (``ingest.reread``, with
    ``registry``: the outlets the ingest knew), and analyse again those it gives other metadata;
    extract again, from their stored clean text, the articles an older recipe analysed (all with
    ``everything``); make again the event profiles an older recipe made, or made from an analysis
    just replaced (``link.stored_stories.refresh_event_profiles``); and when any profile changed,
    form the stories again as a new ingest of the same articles would (``StoredStories.regroup``;
    stories a user corrected stay).  Ids, versions and corrections stay.  Each step commits as it
    goes, so a stopped run keeps what it finished and the next run does the rest."""
    from synopsis.link.stored_stories import refresh_event_profiles

    from synopsis.ingest.meta import METADATA_METHOD
    from synopsis.ingest.reread import reread_metadata

    registry = registry or OutletRegistry.load()
    total = store.count_articles()
    done = reread = unreadable = 0
    analysed: set[str] = set()  # analysed again for their new metadata
    # Metadata first: an article it changes is analysed once, with its new date and outlet.
    for window in batches(store.outdated_metadata(), INGEST_WINDOW):
        keys = dict(window)
        stored = [analysis.article for analysis in store.iter_analyses([i for i in keys if store.has_article(i)])]
        found = reread_metadata(((article, keys[article.id]) for article in stored), registry)
        fresh = [found[a.id] for a in stored if found[a.id] is not None and found[a.id] != a]
        unread = [a.id for a in stored if found[a.id] is None]
        store.mark_metadata(unread, reread=False)
        store.mark_metadata([a.id for a in stored if found[a.id] == a], reread=True)
        reread += len(stored) - len(unread)
        unreadable += len(unread)
        for analysis in analyze_with_engine(fresh, engine, workers, ray_address):
            if store.replace_analysis(analysis, metadata=METADATA_METHOD):
                done += 1
                analysed.add(analysis.article.id)
            if on_progress:
                on_progress(done, None)
    ids = [a.id for a in store.list_articles()] if everything else store.outdated_ids()
    ids = [i for i in ids if i not in analysed]
    if on_progress:
        on_progress(done, done + len(ids))
    for window in batches(ids, INGEST_WINDOW):
        articles = [analysis.article for analysis in store.iter_analyses(window)]
        for analysis in analyze_with_engine(articles, engine, workers, ray_address):
            done += store.replace_analysis(analysis)
            if on_progress:
                on_progress(done, len(analysed) + len(ids))
    profiles, profiles_changed = refresh_event_profiles(store, on_progress=on_profiles)
    regrouped = 0
    if store.regrouping_needed():
        assigner = open_assigner(store)
        try:
            regrouped = assigner.regroup(on_regroup)
            # Articles without a story (a stopped ingest's) are filed as the next ingest would.
            assign_left_behind(assigner)
        finally:
            assigner.save()
    return ReanalyzeResult(
        done, total - len(analysed) - len(ids), profiles, profiles_changed, regrouped, reread, len(analysed), unreadable
    )


def version_home(replaced: Sequence[Replaced]) -> tuple[str, bool] | None:
    """The story a new version takes, and whether a user placed it there: the story of the
    version it replaced (of one a user placed, when it replaced several); None when none had one."""
    placed = sorted((old for old in replaced if old.story_id), key=lambda old: not old.placed_by_user)
    return (placed[0].story_id, placed[0].placed_by_user) if placed else None


def follow_new_versions(store, assigner, replaced: Sequence[tuple[Replaced, str]]) -> None:
    """Once the new versions of replaced articles have their stories (the story of the version
    each replaced, see ``version_home``, or one found as for a new article when that had none):
    a new version that replaced several stories' articles goes where a user placed one of them,
    as a user's placement, since corrections outlive later ingests; a story a replaced article
    was alone in leads to its new version's story; one it shared is titled again (the old
    version may have titled it)."""
    for old, new_id in replaced:
        if old.story_id is None or store.story_of(new_id) == old.story_id:
            continue
        if old.placed_by_user and (given := store.story_of(new_id)) is not None:
            store.place_by_user(new_id, old.story_id)
            with store.write_lock():
                assigner.retitle(old.story_id)
                if store.story_articles(given):
                    assigner.retitle(given)
            continue
        if store.follow_new_version(old.story_id, new_id):
            continue
        if store.story_articles(old.story_id):
            with store.write_lock():
                assigner.retitle(old.story_id)


def _build_workers(engine: str, workers: int | None) -> int | None:
    """Processes that clean documents: none beside the driver once Ray runs in it, since
    forking a Ray driver is unsupported (and Ray spreads only the analysis)."""
    return 1 if engine == "ray" else workers


def assign_with_vectors(assigner, pending: Sequence[tuple[ArticleAnalysis, np.ndarray]]) -> None:
    """Assign stored analyses whose lead vectors the per-article stage computed."""
    assigner.assign([a for a, _ in pending], np.stack([v for _, v in pending]))


def open_assigner(store, on_refresh: OnProgress | None = None):
    """The incremental story assigner over a store (loads its nearest-neighbour index once,
    after embedding again any leads an older lead model embedded)."""
    from synopsis.link.stored_stories import StoredStories

    return StoredStories(store, on_refresh=on_refresh)


def assign_stories(store, analyses: Sequence[ArticleAnalysis] | None = None) -> list:
    """Give stored articles a story (the given ones, else every one without a story, see
    ``assign_left_behind``); returns the link.stories.Assignment records of those grouped."""
    assigner = open_assigner(store)
    try:
        return assigner.assign(analyses) if analyses is not None else assign_left_behind(assigner)
    finally:
        assigner.save()


# New versions placed per batch when a killed run left them without a story: bounds the
# analyses held at once, however many it left.
PLACE_BATCH = 256


def assign_left_behind(assigner) -> list:
    """Give a story to every stored article without one (left by a killed ingest, or by one run
    without stories).  A new version goes where the versions it replaced are now, as when the
    ingest runs to the end (``version_home``, ``StoredStories.place_versions``, ``follow_new_versions``):
    grouped as a new article, it could land in another story, and a user's placement of the old
    version would be lost.  The others are grouped as new articles; returns their Assignment records."""
    store = assigner.store
    # A regrouping ``reanalyze`` began and did not finish: its articles are filed first, as it
    # files them, not as new ones against every stored article.
    if store.regrouping_left():
        assigner.regroup()
    homeward = [
        (article_id, replaced, home) for article_id, replaced in store.unplaced_versions() if (home := version_home(replaced))
    ]
    for begin in range(0, len(homeward), PLACE_BATCH):
        chunk = homeward[begin : begin + PLACE_BATCH]
        homes = {article_id: home for article_id, _, home in chunk}
        # Homes by id: an article another process removed meanwhile is not loaded, and pairing
        # the rest by position would file each later one in the wrong story.
        analyses = list(store.iter_analyses(list(homes)))
        assigner.place_versions(analyses, None, [homes[a.article.id] for a in analyses])
        follow_new_versions(store, assigner, [(old, article_id) for article_id, replaced, _ in chunk for old in replaced])
    return assigner.assign_unassigned()


def assign_pending(store) -> None:
    """Give a story to every stored article still without one (stored before stories existed,
    or left by a killed ingest)."""
    if store.unassigned_article_ids():
        assign_stories(store)
    follow_unfollowed_versions(store)


def follow_unfollowed_versions(store) -> None:
    """Lead the stories a killed ingest emptied by replacing their article to the new version's
    story, as an ingest that ran to the end does (``follow_new_versions``)."""
    for old_story, new_id in store.unfollowed_versions():
        store.follow_new_version(old_story, new_id)
