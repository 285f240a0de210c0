"""Tests for the local engine: the pool and the in-process path give the same analyses, in input order."""

from synopsis.run.local import MIN_ARTICLES_FOR_POOL, analyze_locally
from tests.factories import make_article


def test_pool_and_in_process_give_the_same_analyses_in_input_order(nlp):
    count = MIN_ARTICLES_FOR_POOL + 1  # enough articles for the pool path
    texts = [f"The council of town {i} voted on Monday to buy {i + 2} new buses, the mayor said." for i in range(count)]
    articles = [make_article(f"a{i}", f"Outlet {i}", text) for i, text in enumerate(texts)]
    pooled = list(analyze_locally(articles, workers=2))
    alone = list(analyze_locally(articles, workers=1))
    assert [a.article.id for a in pooled] == [f"a{i}" for i in range(count)]
    assert pooled == alone
