"""Tests for the local engine's batching: balanced tasks, results in input order either way."""

import pytest

from synopsis.run.local import TASK_SIZE, analyze_locally, task_size
from tests.factories import make_article


@pytest.mark.parametrize(
    "articles, workers, expected",
    [
        (1, 2, 1),
        (8, 2, 1),
        (20, 2, 3),  # 7 tasks instead of 8 + 8 + 4
        (50, 2, 7),
        (200, 2, 8),  # capped: enough documents per task for nlp.pipe to batch
        (1000, 4, 8),
    ],
)
def test_task_size(articles, workers, expected):
    assert task_size(articles, workers) == expected
    assert 1 <= task_size(articles, workers) <= TASK_SIZE


def test_pool_and_in_process_give_the_same_analyses_in_input_order(nlp):
    texts = [f"The council of town {i} voted on Monday to buy {i + 2} new buses, the mayor said." for i in range(9)]
    articles = [make_article(f"a{i}", f"Outlet {i}", text) for i, text in enumerate(texts)]
    pooled = list(analyze_locally(articles, workers=2))  # 9 articles: the pool path
    alone = list(analyze_locally(articles, workers=1))
    assert [a.article.id for a in pooled] == [f"a{i}" for i in range(9)]
    assert pooled == alone
