"""Tests for the local engine: the pool and the in-process path give the same analyses, in input order."""

import numpy as np

from synopsis.run.local import MIN_ARTICLES_FOR_POOL, analyze_and_embed_locally, analyze_locally
from tests.factories import make_article


def test_pool_and_in_process_give_the_same_analyses_in_input_order(nlp):
    count = MIN_ARTICLES_FOR_POOL + 1  # enough articles for the pool path
    texts = [f"The council of town {i} voted on Monday to buy {i + 2} new buses, the mayor said." for i in range(count)]
    articles = [make_article(f"a{i}", f"Outlet {i}", text) for i, text in enumerate(texts)]
    pooled = list(analyze_locally(articles, workers=2))
    alone = list(analyze_locally(articles, workers=1))
    assert [a.article.id for a in pooled] == [f"a{i}" for i in range(count)]
    assert pooled == alone


def test_ingest_stage_embeds_each_lead_in_the_workers_in_input_order(nlp):
    from synopsis.link.stories import embed_leads

    count = MIN_ARTICLES_FOR_POOL + 3
    texts = [f"Firefighters in town {i} fought a blaze at a {kind} on Tuesday, officials said." for i, kind in
             zip(range(count), ["bakery", "port", "school", "mill", "depot", "hotel", "farm", "bank", "dock", "shop", "church"])]
    articles = [make_article(f"a{i}", f"Outlet {i}", text) for i, text in enumerate(texts)]
    pooled = list(analyze_and_embed_locally(articles, workers=2))
    alone = list(analyze_and_embed_locally(articles, workers=1))
    assert [a.article.id for a, _ in pooled] == [f"a{i}" for i in range(count)]
    assert [a for a, _ in pooled] == [a for a, _ in alone] == list(analyze_locally(articles, workers=1))
    expected = embed_leads([a for a, _ in alone])
    # Each vector belongs to its own article (the leads differ), whichever process made it.
    np.testing.assert_allclose(np.stack([v for _, v in pooled]), expected, atol=1e-5)
    np.testing.assert_allclose(np.stack([v for _, v in alone]), expected, atol=1e-5)
    assert not np.allclose(expected[0], expected[1])


def test_documents_are_built_in_a_pool_with_the_same_articles_and_errors_in_order(tmp_path):
    from synopsis.jobs import load_articles
    from synopsis.run.local import MIN_DOCUMENTS_FOR_POOL

    paths = []
    for i in range(MIN_DOCUMENTS_FOR_POOL + 6):
        path = tmp_path / f"doc{i:03d}.txt"
        if i % 17 == 5:
            path.write_text("   \n")  # empty: refused by build_article
        elif i % 17 == 11:
            path.write_text("Der Stadtrat hat am Montag beschlossen, zwölf neue Busse zu kaufen, sagte der Bürgermeister.")
        else:
            path.write_text(f"The council of town {i} voted on Monday to buy {i + 2} new buses, the mayor said.")
        paths.append(str(path))
    pooled, pooled_errors = load_articles(paths, workers=2)
    alone, alone_errors = load_articles(paths, workers=1)
    assert pooled == alone
    assert [(e.item, e.reason) for e in pooled_errors] == [(e.item, e.reason) for e in alone_errors]
    refused = [e.item for e in pooled_errors]
    assert len(refused) == 8 and refused == sorted(refused)
    assert any("German" in e.reason for e in pooled_errors)
    assert len(pooled) == len(paths) - 8


def _report_blas_threads(batch, in_pool=True):
    from threadpoolctl import threadpool_info

    threads = max(info["num_threads"] for info in threadpool_info() if info["user_api"] == "blas")
    return [(in_pool, threads)] * len(batch)


def test_each_worker_multiplies_on_one_blas_thread():
    # spaCy's matrix products go through numpy's BLAS; two workers with BLAS threads
    # of their own would contend for the same two cores.
    from threadpoolctl import threadpool_limits

    from synopsis.run.local import _run_stage

    articles = [make_article(f"a{i}", "Outlet", f"Text {i}.") for i in range(MIN_ARTICLES_FOR_POOL)]
    # The parent runs two BLAS threads, which forked workers would inherit.
    with threadpool_limits(limits=2, user_api="blas"):
        assert _report_blas_threads([None], in_pool=False) == [(False, 2)]
        reports = list(_run_stage(articles, 2, _report_blas_threads, lead_vectors=False))
    assert reports == [(True, 1)] * len(articles)


def _heap_churn_faults() -> int:
    """Page faults of five rounds of allocating, writing and freeing 64 MB in 8 MB arrays
    (after a first round): what a worker's batches do to the heap, in small."""
    import resource

    def churn():
        blocks = [np.ones(1 << 20) for _ in range(8)]
        del blocks

    churn()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
    for _ in range(5):
        churn()
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before


def _report_heap_churn(batch, in_pool=True):
    return [(in_pool, _heap_churn_faults())] * len(batch)


def test_each_worker_keeps_freed_heap_memory_for_its_next_batch():
    # With glibc's defaults the freed arrays are handed back to the system after each
    # round and faulted in again on the next (~4,000 faults a round); a worker keeps them.
    import subprocess
    import sys

    from synopsis.run.local import _run_stage

    fresh = subprocess.run(
        [sys.executable, "-c", "from tests.run.test_local_speed import _heap_churn_faults as f; print(f())"],
        capture_output=True, text=True, check=True,
    )
    default_faults = int(fresh.stdout)
    assert default_faults > 10_000

    articles = [make_article(f"a{i}", "Outlet", f"Text {i}.") for i in range(MIN_ARTICLES_FOR_POOL)]
    reports = list(_run_stage(articles, 2, _report_heap_churn, lead_vectors=False))
    assert all(in_pool for in_pool, _ in reports)
    assert max(faults for _, faults in reports) < default_faults / 10


def _report_frozen_objects(batch, in_pool=True):
    import gc

    return [(in_pool, gc.get_freeze_count())] * len(batch)


def test_each_worker_exempts_its_loaded_models_from_garbage_collection():
    # The collector's full passes would otherwise walk the models' objects again and again.
    import gc

    from synopsis.run.local import _run_stage

    articles = [make_article(f"a{i}", "Outlet", f"Text {i}.") for i in range(MIN_ARTICLES_FOR_POOL)]
    reports = list(_run_stage(articles, 2, _report_frozen_objects, lead_vectors=False))
    assert all(in_pool for in_pool, _ in reports)
    assert min(frozen for _, frozen in reports) > gc.get_freeze_count() + 10_000
