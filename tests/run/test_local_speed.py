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
