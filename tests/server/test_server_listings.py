"""The API and pages over old story ids and listings (QA25 ops): an id whose articles went to
several stories alike is a 409 naming them; /api/articles is paged and versioned as /api/stories."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema

from tests.cli.test_cli_ops import scattered_store


def schema(name: str) -> dict:
    return json.loads(resources.files("synopsis").joinpath("schemas").joinpath(name).read_text(encoding="utf-8"))


def test_the_api_answers_an_old_story_id_whose_articles_went_to_two_stories_with_409_and_their_ids(tmp_path):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    db = tmp_path / "news.db"
    scattered_store(db)
    with TestClient(create_app(str(db), warm=False)) as client:
        answer = client.get("/api/stories/stalks")
        assert answer.status_code == 409
        assert answer.json()["stories"] == ["sbridge", "shistory"] and answer.json()["story"] == "stalks"
        assert "they went to 2 stories" in answer.json()["error"]
        page = client.get("/stories/stalks", follow_redirects=False)
        assert page.status_code == 409
        assert 'href="/stories/sbridge"' in page.text and 'href="/stories/shistory"' in page.text
        spec = client.get("/openapi.json").json()
        assert "409" in spec["paths"]["/api/stories/{story_id}"]["get"]["responses"]


def test_api_articles_echoes_its_paging_and_schema_as_api_stories_does(client):
    """QA25: /api/articles?limit=2&offset=1 gave only total and articles."""
    everything = client.get("/api/articles").json()["articles"]
    page = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert (page["schema"], page["limit"], page["offset"]) == ("synopsis.articles/1", 1, 1)
    assert page["total"] == len(everything) >= 2 and page["articles"] == everything[1:2]
    jsonschema.validate(page, schema("articles-1.schema.json"))
    stories = client.get("/api/stories", params={"limit": 1}).json()
    assert (stories["limit"], stories["offset"]) == (1, 0)


def test_a_bare_post_to_the_add_page_answers_in_the_words_of_its_form(client):
    """QA25: a POST /add with no body answered with the API's 'empty body: send {"articles": [...]}'."""
    page = client.post("/add")
    assert page.status_code == 400 and "text/html" in page.headers["content-type"]
    assert "nothing to add: choose files, paste JSON or give a URL" in page.text and "empty body" not in page.text
    api = client.post("/api/articles")
    assert api.status_code == 400 and api.json()["error"].startswith("empty body: send")
