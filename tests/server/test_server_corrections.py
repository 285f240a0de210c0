"""Merging and splitting stories, adding by URL, and the serve command, each over a fresh store."""

from __future__ import annotations

import html
import http.server
import threading
from functools import partial

import pytest

OTHER_EVENT = {
    "title": "Wildfire forces evacuation of Alder Creek valley",
    "outlet": "Mountain Courier",
    "published": "2024-08-19",
    "text": (
        "About 3,000 residents of the Alder Creek valley were told to leave their homes on Sunday as a wildfire spread. "
        "Fire chief Tomas Reinholt said crews had contained 20 percent of the blaze."
    ),
}


@pytest.fixture
def fresh_client(tmp_path, invented_articles):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    with TestClient(create_app(str(tmp_path / "fresh.db"), warm=False)) as client:
        response = client.post("/api/articles", json={"articles": invented_articles + [OTHER_EVENT]})
        assert response.status_code == 201 and len(response.json()["added"]) == 3
        yield client


def test_merge_then_split_changes_the_stories_and_their_reports(fresh_client):
    client = fresh_client
    stories = client.get("/api/stories").json()["stories"]
    assert sorted(len(s["articles"]) for s in stories) == [1, 2]
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    fire = next(s for s in stories if len(s["articles"]) == 1)
    before = client.get(f"/api/stories/{ferry['id']}").json()["stories"][0]
    assert len(before["articles"]) == 2

    merged = client.post("/api/stories/merge", json={"stories": [ferry["id"], fire["id"]]})
    assert merged.status_code == 200, merged.text
    assert merged.json()["story"]["id"] == ferry["id"] and merged.json()["moved"] == 1
    assert [len(s["articles"]) for s in client.get("/api/stories").json()["stories"]] == [3]
    # Same id, new membership: the cached report must not be served.
    after = client.get(f"/api/stories/{ferry['id']}").json()["stories"][0]
    assert sorted(after["articles"]) == sorted(ferry["articles"] + fire["articles"])
    assert "Mountain Courier" in client.get(f"/stories/{ferry['id']}").text
    # The absorbed story's id still leads to its article, now in the merged story.
    absorbed = client.get(f"/stories/{fire['id']}", follow_redirects=False)
    assert absorbed.status_code == 307 and absorbed.headers["location"] == f"/stories/{ferry['id']}"
    assert client.get(f"/api/stories/{fire['id']}").json()["stories"][0]["id"] == ferry["id"]
    # Why the fire report now shares the ferry story: the page says what the API and CLI say.
    pair = client.get(f"/api/articles/{ferry['articles'][0]}/compare/{fire['articles'][0]}").json()
    assert pair["together_by_user"] == "merge" and "a user merged their stories" in pair["together_by_user_why"]
    why = client.get(f"/articles/{ferry['articles'][0]}/compare/{fire['articles'][0]}").text
    assert html.escape(pair["together_by_user_why"]) in why and "one pair below it can still share a story" not in why
    # A correction must name a live story, and is told which one took the articles.
    stale = client.post("/api/stories/merge", json={"stories": [ferry["id"], fire["id"]]})
    assert stale.status_code == 400
    assert stale.json()["error"] == f"story '{fire['id']}' holds no articles now: they are in {ferry['id']}, name that story"

    fire_article = fire["articles"][0]
    split = client.post(f"/api/stories/{ferry['id']}/split", json={"article": fire_article})
    assert split.status_code == 200, split.text
    new_story = split.json()["story"]
    assert new_story["articles"] == [fire_article] and new_story["id"] != ferry["id"]
    assert sorted(client.get(f"/api/stories/{ferry['id']}").json()["stories"][0]["articles"]) == sorted(ferry["articles"])

    assert client.post("/api/stories/merge", json={"stories": [ferry["id"], ferry["id"]]}).status_code == 400
    wrong = client.post(f"/api/stories/{ferry['id']}/split", json={"article": fire_article})
    assert wrong.status_code == 400 and "not in story" in wrong.json()["error"]
    only = client.post(f"/api/stories/{new_story['id']}/split", json={"article": fire_article})
    assert only.status_code == 400 and "is the only article of story" in only.json()["error"]
    assert client.post(f"/api/stories/{ferry['id']}/split", json={"article": "ffffffffff"}).status_code == 404
    assert client.post("/api/stories/merge", json={"stories": [ferry["id"], "s-none"]}).status_code == 404


def test_merge_form_asks_before_merging_then_redirects_to_the_merged_story(fresh_client):
    client = fresh_client
    stories = client.get("/api/stories").json()["stories"]
    # The list's form chooses no story for the user: both selects start on a disabled placeholder.
    page = client.get("/").text
    form = page[page.index('<form class="merge"'):page.index("</form>", page.index('<form class="merge"'))]
    assert form.count(" selected") == 2 and form.count("selected disabled") == 2
    asked = client.post("/stories/merge", data={"a": stories[0]["id"], "b": stories[1]["id"]}, follow_redirects=False)
    assert asked.status_code == 200 and "Merge two stories?" in asked.text
    assert stories[0]["title"] in asked.text and stories[1]["title"] in asked.text
    assert [len(s["articles"]) for s in client.get("/api/stories").json()["stories"]] == [len(s["articles"]) for s in stories]
    assert client.post("/stories/merge", data={"a": stories[0]["id"], "b": stories[0]["id"]}).status_code == 400
    response = client.post("/stories/merge", data={"a": stories[0]["id"], "b": stories[1]["id"], "confirm": "yes"}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == f"/stories/{stories[0]['id']}"
    assert len(client.get("/api/stories").json()["stories"]) == len(stories) - 1


def test_split_of_an_unknown_article_is_404_from_the_page_as_from_the_api(fresh_client):
    story = next(s for s in fresh_client.get("/api/stories").json()["stories"] if len(s["articles"]) == 2)
    assert fresh_client.post(f"/stories/{story['id']}/split", data={"article": "ffffffffff"}).status_code == 404


@pytest.fixture
def page_server(tmp_path):
    """A local web server with one article page (loopback, so only reachable with the flag)."""
    (tmp_path / "article.html").write_text(
        "<html><head><title>Dam inspection finds cracks</title></head><body><article><h1>Dam inspection finds cracks</h1>"
        "<p>Engineers inspecting the Brennan Dam found three cracks on Thursday, the regional water authority said.</p>"
        "<p>The authority said repairs would take about six weeks and cost 2 million dollars.</p></article></body></html>",
        encoding="utf-8",
    )
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/article.html"
    server.shutdown()


def test_private_urls_are_fetched_only_with_the_flag(tmp_path, page_server):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    with TestClient(create_app(str(tmp_path / "strict.db"), warm=False)) as strict:
        refused = strict.post("/api/articles", json={"url": page_server})
        assert refused.status_code == 400 and "private address" in refused.json()["error"]
        page = strict.post("/add", data={"url": page_server})
        assert page.status_code == 400 and "private address" in page.text
    with TestClient(create_app(str(tmp_path / "open.db"), allow_private_urls=True, warm=False)) as open_client:
        added = open_client.post("/api/articles", json={"url": page_server})
        assert added.status_code == 201, added.text
        article = open_client.get(f"/api/articles/{added.json()['added'][0]}").json()["articles"][0]
        assert "Brennan Dam" in article["text"] and article["url"] == page_server


def test_serve_command_is_registered():
    from click.testing import CliRunner

    from synopsis.cli.main import cli

    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--allow-private-urls" in result.output and "127.0.0.1" in result.output


def _listed_counts(client) -> dict[str, dict | None]:
    return {s["id"]: s["counts"] for s in client.get("/api/stories").json()["stories"]}


def _report_counts(client, story_id: str) -> dict:
    counts = client.get(f"/api/stories/{story_id}").json()["stories"][0]["counts"]
    return {k: counts[k] for k in ("corroborated", "single_source", "disputed", "disputes", "revised_figures", "disputed_claims")}


def test_story_counts_are_listed_right_after_upload_merge_and_split(fresh_client):
    client = fresh_client
    # The fixture's upload: no story page was visited, and no watcher runs (warm=False).
    listed = _listed_counts(client)
    assert len(listed) == 2 and all(counts is not None for counts in listed.values()), listed
    stories = client.get("/api/stories").json()["stories"]
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    fire = next(s for s in stories if len(s["articles"]) == 1)
    before = _report_counts(client, ferry["id"])
    assert listed[ferry["id"]] == before

    merged = client.post("/api/stories/merge", json={"stories": [ferry["id"], fire["id"]]}).json()
    listed = _listed_counts(client)
    assert list(listed) == [ferry["id"]] and listed[ferry["id"]] is not None
    assert merged["story"]["counts"] == listed[ferry["id"]]
    assert listed[ferry["id"]] == _report_counts(client, ferry["id"]) != before  # the fire's claims joined

    split = client.post(f"/api/stories/{ferry['id']}/split", json={"article": fire["articles"][0]}).json()
    new_id = split["story"]["id"]
    listed = _listed_counts(client)
    assert set(listed) == {ferry["id"], new_id} and None not in listed.values(), listed
    assert split["story"]["counts"] == listed[new_id] == _report_counts(client, new_id)
    assert split["from"]["counts"] == listed[ferry["id"]] == _report_counts(client, ferry["id"]) == before


def test_cache_keeps_only_current_story_memberships(fresh_client):
    """After a merge and a split, the reports of memberships that no longer exist are dropped:
    the cache holds entries for current stories only, so corrections do not grow it."""
    from synopsis.server.state import cache_key

    client = fresh_client
    state = client.app.state.synopsis

    def current_keys() -> set[str]:
        return {cache_key(s) for s in state.stories()}

    stories = client.get("/api/stories").json()["stories"]
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    fire = next(s for s in stories if len(s["articles"]) == 1)
    for story in stories:
        assert client.get(f"/stories/{story['id']}").status_code == 200  # page and report cached
    before = state.cached_keys()
    assert before == current_keys() and len(before) == 2

    assert client.post("/api/stories/merge", json={"stories": [ferry["id"], fire["id"]]}).status_code == 200
    assert client.get(f"/stories/{ferry['id']}").status_code == 200
    merged = state.cached_keys()
    assert merged == current_keys() and len(merged) == 1
    assert not merged & before  # the ferry's two-article report and the fire's are gone

    split = client.post(f"/api/stories/{ferry['id']}/split", json={"article": fire["articles"][0]})
    assert split.status_code == 200
    for story in client.get("/api/stories").json()["stories"]:
        assert client.get(f"/stories/{story['id']}").status_code == 200
    after = state.cached_keys()
    assert after == current_keys() and len(after) == 2
    assert not after & merged  # the three-article report is gone


def test_split_names_the_new_story_as_ingest_would_and_gives_back_a_merged_away_id(fresh_client):
    client = fresh_client
    # An untitled article: ingest titles its story by its first sentence, not by "articles[0]".
    untitled = {"outlet": "Valley Notes", "published": "2024-09-02",
                "text": "Beekeepers in Orrin Vale reported record honey yields this summer. The cooperative plans a new depot."}
    added = client.post("/api/articles", json={"articles": [untitled]}).json()["added"][0]
    stories = client.get("/api/stories").json()["stories"]
    alone = next(s for s in stories if s["articles"] == [added])
    ingest_title = alone["title"]
    assert ingest_title.startswith("Beekeepers in Orrin Vale")
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    assert client.post("/api/stories/merge", json={"stories": [ferry["id"], alone["id"]]}).status_code == 200

    split = client.post(f"/api/stories/{ferry['id']}/split", json={"article": added})
    assert split.status_code == 200, split.text
    new_story = split.json()["story"]
    assert new_story["title"] == ingest_title
    # The article was all its old story held: that story's id leads to it again, not to the ferry story.
    assert new_story["id"] == alone["id"]
    assert client.get(f"/api/stories/{alone['id']}").json()["stories"][0]["articles"] == [added]
    assert client.get("/stories/" + alone["id"], follow_redirects=False).status_code == 200
    # An article that came by merge with others keeps the derived id: the old id still leads to the
    # rest, and when the rest is no more than what left (one article each), to both (QA25: 409).
    fire = next(s for s in client.get("/api/stories").json()["stories"] if s["id"] not in {ferry["id"], alone["id"]})
    assert client.post("/api/stories/merge", json={"stories": [fire["id"], ferry["id"]]}).status_code == 200
    moved = client.post(f"/api/stories/{fire['id']}/split", json={"article": ferry["articles"][0]}).json()["story"]
    assert moved["id"] != ferry["id"]
    both = client.get(f"/api/stories/{ferry['id']}")
    assert both.status_code == 409 and both.json()["stories"] == sorted([fire["id"], moved["id"]])
    # The article merged into the ferry story and split back out of it is not the ferry story's own.
    assert alone["id"] not in both.json()["stories"]


def test_the_story_list_pages_with_limit_and_offset_and_counts_them_all(fresh_client):
    client = fresh_client
    everything = client.get("/api/stories").json()
    assert everything["total"] == len(everything["stories"]) == 2 and everything["offset"] == 0
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert [s["id"] for s in first["stories"] + second["stories"]] == [s["id"] for s in everything["stories"]]
    assert client.get("/api/stories", params={"offset": 2}).json()["stories"] == []
    assert client.get("/api/stories", params={"limit": 0}).status_code == 422
    parameters = client.get("/openapi.json").json()["paths"]["/api/stories"]["get"]["parameters"]
    assert {"q", "limit", "offset"} <= {p["name"] for p in parameters}


def test_the_add_page_names_what_it_stored_and_gives_each_error_once(fresh_client, invented_articles):
    import json
    import re

    client = fresh_client
    new = {"title": "Serrow volunteers plant 4,000 trees", "outlet": "River Post", "published": "2024-04-02",
           "text": "Volunteers in Serrow planted 4,000 trees on Saturday along the river, the town council said."}
    page = client.post("/add", data={"json": json.dumps({"articles": [new, invented_articles[0]]})})
    assert page.status_code == 200, page.text
    added = client.get("/api/articles", params={"q": "Serrow"}).json()["articles"][0]
    story = client.get("/api/stories", params={"q": "Serrow"}).json()["stories"][0]["id"]
    listed = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page.text)))
    # Each stored article by title, outlet, where it came from and its story, not a bare id.
    assert f"Added: {new['title']} — River Post · {added['source']} · in story {story}" in listed
    known = invented_articles[0]
    assert f"Already stored (nothing changed): {known['title']} — {known['outlet']}" in listed
    assert f'href="/stories/{story}"' in page.text and f'href="/articles/{added["id"]}"' in page.text
    # A reason is given once, in the result's list, not again in the alert above it.
    refused = client.post("/add", files={"files": ("photo", bytes(range(256)) * 64, "application/octet-stream")})
    assert refused.status_code == 400 and 'role="alert"' in refused.text
    reason = client.post("/api/articles", files={"files": ("photo", bytes(range(256)) * 64, "application/octet-stream")}).json()["errors"][0]["reason"]
    assert refused.text.count(html.escape(reason, quote=False)) == 1
