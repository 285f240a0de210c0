"""Local engine: runs the per-article stage in a process pool on this machine.

The stage functions do not know where they run; this module only decides how
articles are batched and which process parses them.
"""

from __future__ import annotations

import contextlib
import itertools
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

from synopsis.records import Article, ArticleAnalysis, RawDocument, SynopsisError
from synopsis.run.worker_process import (
    exit_with_parent,
    freeze_loaded_objects,
    leave_interrupts_to_parent,
    prepare_worker_process,
)

# Below this many articles a pool costs more than it saves: each worker has to
# import spaCy and load the model (about 1 s here) before it does any work.
MIN_ARTICLES_FOR_POOL = 8
# Articles per task sent to a worker: large enough for nlp.pipe to batch, small
# enough that both workers stay busy and results stream back steadily.
TASK_SIZE = 8
# Cleaning and identifying a document costs about 10 ms; below this many a pool
# (forked: the language models are shared, not loaded again) is not worth starting.
MIN_DOCUMENTS_FOR_POOL = 64
DOCUMENTS_PER_TASK = 32


WORKERS_VAR = "SYNOPSIS_WORKERS"


def default_workers() -> int:
    """Every core by default; SYNOPSIS_WORKERS overrides.  A value that is no count of workers is
    an error, as ``--workers abc`` is (QA25: "abc" and "0" were silently ignored), and an empty
    one is unset, as shells write it."""
    configured = os.environ.get(WORKERS_VAR, "").strip()
    if not configured:
        return max(1, os.cpu_count() or 1)
    if not configured.isdigit() or int(configured) < 1:
        raise SynopsisError(f"{WORKERS_VAR}={configured!r} is no number of worker processes: give a whole number of 1 or more")
    return int(configured)


def _pool_context():
    """fork where there is one: it shares the already imported libraries and loaded models
    copy-on-write; spawn would import everything again in each worker."""
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return multiprocessing.get_context(method)


def _init_worker(parent: int, lead_vectors: bool = False) -> None:
    # Load the models once per worker, before the first task arrives.
    leave_interrupts_to_parent()  # first: the imports below take seconds in a fresh worker
    from synopsis.extract.nlp import load_nlp

    exit_with_parent(parent)
    prepare_worker_process()
    load_nlp()
    if lead_vectors:
        from synopsis.extract.embed import Embedder

        Embedder.load_leads(threads=1)
    freeze_loaded_objects()


def _analyze_batch(articles: Sequence[Article], in_pool: bool = True) -> list[ArticleAnalysis]:
    from synopsis.extract.pipeline import analyze_articles

    return list(analyze_articles(articles))


def _analyze_and_embed_batch(articles: Sequence[Article], in_pool: bool = True) -> list[tuple[ArticleAnalysis, np.ndarray]]:
    """The per-article stage of an ingest: the analysis and the vector of its title and lead."""
    from synopsis.extract.embed import Embedder
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.link.stories import embed_leads

    analyses = list(analyze_articles(articles))
    # In a pool every core already runs a worker: one thread each.
    embedder = Embedder.load_leads(threads=1) if in_pool else Embedder.load_leads()
    return list(zip(analyses, embed_leads(analyses, embedder) if analyses else []))


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of up to ``size`` items, read lazily from any iterable."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def analyze_locally(articles: Sequence[Article], workers: int | None = None) -> Iterator[ArticleAnalysis]:
    """Analyse articles, in input order, with a process pool when it pays off."""
    return _run_stage(articles, workers, _analyze_batch, lead_vectors=False)


def analyze_and_embed_locally(
    articles: Sequence[Article], workers: int | None = None
) -> Iterator[tuple[ArticleAnalysis, np.ndarray]]:
    """Analyse articles and embed their leads (what story assignment needs), in input order.

    The lead's embedding is per-article work like the parse, so it runs in the
    workers too: in the main process it was a third of that process's time
    and did not grow with the cores.
    """
    return _run_stage(articles, workers, _analyze_and_embed_batch, lead_vectors=True)


def _run_stage(articles: Sequence[Article], workers: int | None, stage: Callable, lead_vectors: bool) -> Iterator:
    workers = workers or default_workers()
    if workers <= 1 or len(articles) < MIN_ARTICLES_FOR_POOL:
        # Batch by batch, so results (and a caller's progress and commits) still stream.
        for batch in batches(articles, TASK_SIZE):
            yield from stage(batch, in_pool=False)
        return
    if lead_vectors:
        from synopsis.extract.embed_model import prepare_runtime_model

        prepare_runtime_model()
    with stopping_at_once(
        ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=_init_worker, initargs=(os.getpid(), lead_vectors)
        )
    ) as pool:
        for batch_result in pool.map(stage, batches(articles, TASK_SIZE)):
            yield from batch_result


@contextlib.contextmanager
def stopping_at_once(pool: ProcessPoolExecutor) -> Iterator[ProcessPoolExecutor]:
    """The pool, shut down when the block ends; stopped at once when it ends by an exception
    (Ctrl-C, a failure, a consumer that stops reading).

    ``with pool`` alone waits for every task already submitted: ``map`` submits them all
    before yielding, and workers ignore Ctrl-C (``leave_interrupts_to_parent``), so an
    interrupted ingest went on analysing its whole window before it stopped.  Their results
    would be thrown away, so queued tasks are cancelled and the workers terminated.
    """
    try:
        yield pool
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        # The executor has no public way to stop a running task; its worker processes
        # are in ``_processes`` (CPython 3.8 to 3.13).
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
        raise
    else:
        pool.shutdown(wait=True)


_registry = None  # the outlet registry of a document-building worker


def _init_builder(parent: int, registry) -> None:
    global _registry
    leave_interrupts_to_parent()
    exit_with_parent(parent)
    _registry = registry


def _build(raw: RawDocument, registry=None) -> tuple[Article, tuple[str, ...]] | SynopsisError:
    from synopsis.ingest.article import build_article_warned

    try:
        return build_article_warned(raw, registry if registry is not None else _registry)
    except SynopsisError as err:
        return err  # a user error travels back as a value, in its input's place


def build_locally(
    raws: Sequence[RawDocument], registry, workers: int | None = None
) -> Iterator[tuple[Article, tuple[str, ...]] | SynopsisError]:
    """Clean and identify documents (``ingest.article.build_article_warned``), in input order, with a
    process pool when there are many; each yields its Article and warnings, or the SynopsisError
    that refused it."""
    workers = workers or default_workers()
    if workers <= 1 or len(raws) < MIN_DOCUMENTS_FOR_POOL:
        yield from (_build(raw, registry) for raw in raws)
        return
    from synopsis.ingest.language import detect_language

    # Load the language models a document needs before forking, so the workers
    # share them instead of each loading its own: lingua loads models lazily, as
    # a text needs them (preloading all of them cost small runs 3 s and 350 MB).
    # lingua starts a thread pool, which a fork does not carry over: safe while
    # workers call only detect_language_of, which runs in the calling thread.
    detect_language(raws[0].content)
    with stopping_at_once(
        ProcessPoolExecutor(
            max_workers=workers, mp_context=_pool_context(), initializer=_init_builder, initargs=(os.getpid(), registry)
        )
    ) as pool:
        yield from pool.map(_build, raws, chunksize=DOCUMENTS_PER_TASK)
