"""Fixtures for the web app: a small store of invented articles, and a test client over it."""

from __future__ import annotations

import pytest

ARTICLES = [
    {
        "title": "Harbor council approves new ferry line after long debate",
        "outlet": "Coastal Herald",
        "published": "2024-03-05",
        "text": (
            "The harbor council of Port Vellan approved a new ferry line on Tuesday. "
            "The meeting lasted about 40 minutes, council member Dana Whitcombe said. "
            "Mayor Lionel Ortiz said the line would carry 1,200 passengers a day. "
            "\"This is a good day for the islands,\" Ortiz said after the vote."
        ),
    },
    {
        "title": "Port Vellan council backs ferry plan",
        "outlet": "Island Gazette",
        "published": "2024-03-06",
        "text": (
            "Port Vellan's harbor council backed a new ferry line on Tuesday after a meeting that lasted three hours. "
            "Mayor Lionel Ortiz said the ferry would carry 900 passengers a day. "
            "Opposition leader Mara Quist said the plan was rushed. "
            "The first boats are expected in June."
        ),
    },
]


@pytest.fixture(scope="session")
def invented_articles():
    """The invented articles as posted JSON objects."""
    return [dict(a) for a in ARTICLES]


@pytest.fixture(scope="session")
def server_db(tmp_path_factory):
    """A store holding the invented articles, analysed once per session."""
    from synopsis.server.ingest import documents_from_objects, store_documents
    from synopsis.store.db import Store

    path = tmp_path_factory.mktemp("server") / "news.db"
    with Store.open(path) as store:
        result = store_documents(documents_from_objects(ARTICLES), store)
    assert len(result.added) == 2, result
    return str(path)


@pytest.fixture(scope="session")
def client(server_db):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    with TestClient(create_app(server_db, warm=False)) as test_client:
        yield test_client
