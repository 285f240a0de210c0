"""Tests for the local engine: the pool and the in-process path give the same analyses, in input order."""

import os

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


_HEAP_CHURN = """
import resource, sys
import numpy as np
from synopsis.run.worker_process import keep_freed_memory

assert keep_freed_memory()

def churn():
    blocks = [np.ones(1 << 20) for _ in range(8)]  # 8 x 8 MB, every page written
    del blocks

churn()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(5):
    churn()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""


def test_a_kept_heap_reuses_freed_memory_instead_of_faulting_it_in_again():
    # Five rounds of writing 64 MB (81,920 pages of 4 KB) after a first round. With
    # glibc's defaults here, ~20,000 of those pages fault in afresh (the freed heap top
    # went back to the system); with the heap kept, the first round's pages serve them all.
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", _HEAP_CHURN], capture_output=True, text=True, check=True)
    assert int(run.stdout) < 1_000


def _report_worker_settings(batch, in_pool=True):
    import gc

    from synopsis.extract.nlp import load_nlp
    from synopsis.run import worker_process

    nlp = load_nlp()
    # Frozen objects are left out of gc.get_objects(): the loaded pipeline must be one.
    model_frozen = not any(obj is nlp for obj in gc.get_objects())
    return [(in_pool, os.getpid(), worker_process.heap_kept, model_frozen)] * len(batch)


def test_pool_workers_keep_freed_heap_memory_and_exempt_their_models_from_collection():
    from synopsis.run.local import TASK_SIZE, _run_stage

    articles = [make_article(f"a{i}", "Outlet", f"Text {i}.") for i in range(4 * TASK_SIZE)]
    reports = list(_run_stage(articles, 2, _report_worker_settings, lead_vectors=False))
    assert len(reports) == len(articles)
    assert all(in_pool and heap_kept and model_frozen for in_pool, _, heap_kept, model_frozen in reports)
    assert os.getpid() not in {pid for _, pid, _, _ in reports}
