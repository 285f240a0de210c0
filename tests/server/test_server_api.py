"""The HTTP API and pages through FastAPI's test client, including bad input."""

from __future__ import annotations

import html
import json
import threading

import pytest

from synopsis.server.app import CONTENT_SECURITY_POLICY, MAX_BODY_BYTES


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/add", "/api/stories", "/static/app.css", "/no/such/page"):
        response = client.get(path)
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY, path
        assert response.headers["x-content-type-options"] == "nosniff", path
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY


def test_openapi_is_served_and_cdn_docs_are_off(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}", "/api/stories/merge", "/api/stories/{story_id}/split"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_openapi_documents_the_errors_each_endpoint_answers_with(client):
    spec = client.get("/openapi.json").json()
    story = next(s for s in client.get("/api/stories").json()["stories"] if len(s["articles"]) == 2)
    article = story["articles"][0]
    big = b"a" * (MAX_BODY_BYTES + 1)
    # (method, path template, path, request) -> the status each answers with, as the server really does.
    answered = [
        ("get", "/api/stories/{story_id}", "/api/stories/s000000", {}, 404),
        ("get", "/api/articles", "/api/articles?limit=0", {}, 422),
        ("get", "/api/articles/{article_id}", "/api/articles/ffffffff", {}, 404),
        ("get", "/api/articles/{first}/compare/{second}", f"/api/articles/{article}/compare/ffffffff", {}, 404),
        ("post", "/api/articles", "/api/articles", {"json": {"something": 1}}, 400),
        ("post", "/api/articles", "/api/articles", {"files": {"files": ("photo", bytes(range(256)) * 64)}}, 400),
        ("post", "/api/articles", "/api/articles", {"files": {"files": ("big.txt", big)}}, 413),
        ("post", "/api/articles", "/api/articles", {"files": {"files": ("minutes.pdf", b"%PDF-1.4")}}, 415),
        ("post", "/api/articles", "/api/articles", {"content": b"x", "headers": {"content-type": "text/plain"}}, 415),
        ("post", "/api/stories/merge", "/api/stories/merge", {"json": {"stories": ["a"]}}, 400),
        ("post", "/api/stories/merge", "/api/stories/merge", {"json": {"stories": [story["id"], "s-none"]}}, 404),
        ("post", "/api/stories/merge", "/api/stories/merge", {"content": big, "headers": {"content-type": "application/json"}}, 413),
        ("post", "/api/stories/merge", "/api/stories/merge", {"json": ["not", "an", "object"]}, 422),
        ("post", "/api/stories/{story_id}/split", f"/api/stories/{story['id']}/split", {"json": {}}, 400),
        ("post", "/api/stories/{story_id}/split", f"/api/stories/{story['id']}/split", {"json": {"article": "ffffffffff"}}, 404),
        ("post", "/api/stories/{story_id}/split", "/api/stories/s000000/split", {"json": {"article": article}}, 404),
        ("post", "/api/stories/{story_id}/split", f"/api/stories/{story['id']}/split", {"json": "x"}, 422),
    ]
    schemas = spec["components"]["schemas"]
    assert schemas["ErrorBody"]["required"] == ["error"] and schemas["ErrorBody"]["properties"]["error"]["type"] == "string"
    for method, template, path, request, status in answered:
        response = client.request(method.upper(), path, **request)
        assert response.status_code == status, (path, request, response.text)
        assert isinstance(response.json()["error"], str) and response.json()["error"], path
        documented = spec["paths"][template][method]["responses"]
        assert str(status) in documented, (template, status, sorted(documented))
        ref = documented[str(status)]["content"]["application/json"]["schema"]["$ref"]
        assert ref in ("#/components/schemas/ErrorBody", "#/components/schemas/AddErrorBody", "#/components/schemas/ScatteredStoryBody"), (template, status, ref)
        assert documented[str(status)]["description"] not in ("", "Successful Response"), (template, status)
    # FastAPI's own 422 shape ({"detail": [...]}) is documented nowhere: the server never sends it.
    assert "HTTPValidationError" not in schemas
    add = spec["paths"]["/api/articles"]["post"]["responses"]
    assert set(add) == {"200", "201", "400", "413", "415"}
    assert add["201"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/AddBody"


def test_articles_are_listed_searched_and_returned_with_items(client):
    articles = client.get("/api/articles").json()["articles"]
    assert {a["outlet"] for a in articles} == {"Coastal Herald", "Island Gazette"}
    hits = client.get("/api/articles", params={"q": "Quist"}).json()["articles"]
    assert [a["outlet"] for a in hits] == ["Island Gazette"]
    # Punctuation that FTS5 syntax rejects still searches instead of failing.
    assert client.get("/api/articles", params={"q": 'Vellan\'s "'}).status_code == 200
    doc = client.get(hits[0]["url"]).json()
    assert doc["schema"] == "synopsis.article/1"
    article = doc["articles"][0]
    assert article["entities"] and article["quantities"]
    for entity in article["entities"]:
        assert article["text"][entity["start"] : entity["end"]] == entity["text"]
    prefix = client.get(f"/api/articles/{hits[0]['id'][:8]}").json()
    assert prefix["articles"][0]["id"] == hits[0]["id"]


def test_story_json_follows_the_report_schema(client):
    from synopsis.report.report_json import validate_report_json

    stories = client.get("/api/stories").json()["stories"]
    assert stories and all(s["title"] and s["articles"] for s in stories)
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    assert ferry["outlets"] == ["Coastal Herald", "Island Gazette"]
    response = client.get(f"/api/stories/{ferry['id']}")
    assert response.headers["content-type"].startswith("application/json")
    data = response.json()
    validate_report_json(data)
    assert data["schema"] == "synopsis.report/2" and data["stories"][0]["id"] == ferry["id"]
    # Counts appear in the list once the report exists.
    listed = next(s for s in client.get("/api/stories").json()["stories"] if s["id"] == ferry["id"])
    assert listed["counts"] == {k: data["stories"][0]["counts"][k] for k in ("corroborated", "single_source", "disputed", "disputes", "revised_figures", "disputed_claims")}
    assert client.get("/api/stories", params={"q": "Quist"}).json()["stories"][0]["id"] == ferry["id"]
    assert client.get("/api/stories", params={"q": "zeppelin"}).json()["stories"] == []


def test_story_search_finds_an_outlet_by_name(client):
    # Neither article's text names its outlet: the name is found among the outlets.
    ferry = client.get("/api/stories").json()["stories"][0]
    for query in ("island gazette", "Gazette", "COASTAL"):
        assert [s["id"] for s in client.get("/api/stories", params={"q": query}).json()["stories"]] == [ferry["id"]], query
    assert ferry["id"] in client.get("/", params={"q": "gazette"}).text


def test_story_report_is_computed_once_under_concurrent_requests(server_db, monkeypatch):
    import synopsis.compare.story as story_module
    from synopsis.server.state import ServerState

    calls = []
    real = story_module.build_story_report

    def counting(story, analyses, embedder=None):
        calls.append(story.id)
        return real(story, analyses, embedder)

    monkeypatch.setattr(story_module, "build_story_report", counting)
    state = ServerState(server_db)
    story = state.stories()[0]
    results = []
    threads = [threading.Thread(target=lambda: results.append(state.report(story))) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert calls == [story.id]
    assert all(r is results[0] for r in results)
    first = state.rendered(story, "x", lambda r: b"one")
    assert state.rendered(story, "x", lambda r: b"two") == first == state.rendered_by_id(story.id, "x")


def test_pages_render(client):
    story = next(s for s in client.get("/api/stories").json()["stories"] if len(s["articles"]) == 2)
    page = client.get(f"/stories/{story['id']}")
    assert page.status_code == 200
    for section in ('id="brief"', 'id="disputes"', 'id="timeline"', 'id="coverage"', 'id="entities"', 'id="quotes"'):
        assert section in page.text
    assert "Lionel Ortiz" in page.text
    assert "<script" not in page.text  # the CSP forbids inline script; the pages need none
    compare = client.get(f"/stories/{story['id']}/compare", params={"a": "Island Gazette", "b": "Coastal Herald"})
    assert compare.status_code == 200 and "Island Gazette and Coastal Herald side by side" in compare.text
    article_id = story["articles"][0]
    article = client.get(f"/articles/{article_id}", params={"start": 0, "end": 10})
    assert article.status_code == 200
    assert 'class="hl-entity"' in article.text or "hl-entity" in article.text
    assert 'id="cited"' in article.text and "What cleaning removed" in article.text
    assert client.get("/stories/nope").status_code == 404
    assert "no story" in client.get("/stories/nope").text


def test_pages_count_disputed_points_as_the_report_does(client):
    """The list and the story page say "N disputed points" with the report's number of disputed
    points (counts.disputes: what the Disputed points section lists), never a bare "N disputed"."""
    import re

    stories = client.get("/api/stories").json()["stories"]
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    report = client.get(f"/api/stories/{ferry['id']}").json()["stories"][0]
    counts = report["counts"]
    points = counts["disputes"]
    assert points == len(report["disputes"]) >= 1
    label = f"{points} disputed point" + ("" if points == 1 else "s")

    listed = next(s for s in client.get("/api/stories").json()["stories"] if s["id"] == ferry["id"])
    assert {k: listed["counts"][k] for k in ("disputes", "disputed_claims")} == {
        "disputes": points, "disputed_claims": counts["disputed_claims"]}

    story_page = client.get(f"/stories/{ferry['id']}").text
    list_page = client.get("/").text
    for page in (story_page, list_page):
        assert label in page
        assert not re.search(r"\d+ disputed</span>", page)
    assert f"Disputed points ({points})</h2>" in story_page


def test_story_page_lists_each_disputed_claim_under_its_disputed_point(client):
    """Every claim the report marks disputed is shown in the Disputed points section, under the
    point whose version its sentences give, each outlet's sentence linked to its span."""
    import html as html_lib

    stories = client.get("/api/stories").json()["stories"]
    ferry = next(s for s in stories if len(s["articles"]) == 2)
    report = client.get(f"/api/stories/{ferry['id']}").json()["stories"][0]
    disputed = [c for c in report["claims"] if c["status"] == "disputed"]
    assert disputed, "the invented ferry story has disputed claims"
    page = client.get(f"/stories/{ferry['id']}").text
    section = page[page.index('<section id="disputes">'):page.index('<section id="timeline">')]
    rows = section.split('<tr class="dispute"')[1:]
    for claim in disputed:
        points = [i for i, d in enumerate(report["disputes"]) if claim["id"] in d["claims"]]
        assert points, claim
        for i in points:
            assert f"({claim['id']})" in rows[i]
        for e in claim["evidence"]:
            link = html_lib.escape(f"/articles/{e['article_id']}?start={e['start']}&end={e['end']}#cited")
            assert link in section
    assert 'class="side-taken"' in section and "gives “" in section


@pytest.mark.parametrize(
    ("kwargs", "status", "message"),
    [
        ({"files": {"files": ("photo", bytes(range(256)) * 64, "application/octet-stream")}}, 400, "binary"),
        ({"files": {"files": ("photo.bin", bytes(range(256)) * 64, "application/octet-stream")}}, 415, "photo.bin: unsupported file type .bin"),
        ({"files": {"files": ("empty.txt", b"", "text/plain")}}, 400, "empty"),
        ({"files": {"files": ("broken.json", b'{"text": ', "application/json")}}, 400, "malformed json"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "malformed JSON"),
        ({"json": {"articles": [{"title": "no text"}]}}, 400, "no 'text'"),
        ({"json": {"articles": []}}, 400, "non-empty list"),
        ({"json": {"something": 1}}, 400, "JSON must be"),
        ({"json": {"url": "ftp://example.org/a"}}, 400, "unsupported url scheme 'ftp'"),
        ({"json": {"url": "http://[::1"}}, 400, "invalid URL: bad [IPv6] host"),
        ({"json": {"url": "http://256.1.1.1/x"}}, 400, "invalid URL: 256.1.1.1 is not an IP address"),
        ({"content": b"[" * 100_000, "headers": {"content-type": "application/json"}}, 400, "malformed JSON: nested too deeply"),
        ({"files": {"files": ("deep.json", b"[" * 100_000, "application/json")}}, 400, "malformed json: nested too deeply"),
        ({"json": {"url": "http://127.0.0.1:9/article"}}, 400, "private address"),
        ({"json": {"url": "http://localhost:9/feed.xml"}}, 400, "private address"),
        ({"content": b"text", "headers": {"content-type": "text/plain"}}, 415, "unsupported content type"),
    ],
)
def test_bad_additions_get_a_json_error(client, kwargs, status, message):
    response = client.post("/api/articles", **kwargs)
    assert response.status_code == status, response.text
    assert message.lower() in response.json()["error"].lower()
    assert client.get("/api/stories").status_code == 200  # still serving


def test_oversized_upload_is_refused_with_413(client):
    big = b"a" * (MAX_BODY_BYTES + 1)
    response = client.post("/api/articles", files={"files": ("big.txt", big, "text/plain")})
    assert response.status_code == 413
    assert "10 MB" in response.json()["error"]
    page = client.post("/add", files={"files": ("big.txt", big, "text/plain")})
    assert page.status_code == 413 and "10 MB" in page.text and 'role="alert"' in page.text


def test_bad_upload_on_the_page_shows_the_reason(client):
    page = client.post("/add", files={"files": ("photo", bytes(range(256)) * 64, "application/octet-stream")})
    assert page.status_code == 400
    assert "binary" in page.text and 'role="alert"' in page.text
    nothing = client.post("/add", files={"files": ("", b"", "application/octet-stream")})
    assert nothing.status_code == 400 and "nothing to add" in nothing.text


def test_the_add_pages_file_picker_offers_exactly_the_types_that_are_not_refused(client):
    import re

    from synopsis.ingest.readers import KNOWN_EXTENSIONS
    from synopsis.server.ingest import unsupported_reason

    page = client.get("/add")
    picker = re.search(r'<input type="file"[^>]*\saccept="([^"]*)"', page.text)
    assert picker, "the file input has no accept= list"
    offered = picker.group(1).split(",")
    assert set(offered) == KNOWN_EXTENSIONS and all(ext.startswith(".") for ext in offered)
    assert not [ext for ext in offered if unsupported_reason(f"article{ext}")]
    assert unsupported_reason("minutes.pdf") and ".pdf" not in offered
    # The page shown again after a refused upload keeps the list.
    refused = client.post("/add", files={"files": ("minutes.pdf", b"%PDF-1.4\n", "application/pdf")})
    assert refused.status_code == 415 and f'accept="{picker.group(1)}"' in refused.text


def test_files_of_unsupported_types_are_refused_with_415(client):
    # A PDF whose bytes happen to decode as text was read as a text article.
    pdf = b"%PDF-1.4\nThe harbor council of Port Vellan met on Monday to vote on the bridge.\n"
    before = client.get("/api/articles").json()["total"]
    response = client.post("/api/articles", files={"files": ("minutes.pdf", pdf, "application/pdf")})
    assert response.status_code == 415, response.text
    error = response.json()["error"]
    assert error.startswith("nothing added: minutes.pdf: unsupported file type .pdf: synopsis reads text, Markdown, HTML")
    assert ".txt" in error and ".html" in error
    several = client.post("/api/articles", files=[("files", (f"scan{i}.PNG", b"x", "image/png")) for i in range(5)])
    assert several.status_code == 415 and "scan0.PNG: unsupported file type .png" in several.json()["error"]
    assert several.json()["error"].endswith("; and 2 more")
    page = client.post("/add", files={"files": ("minutes.pdf", pdf, "application/pdf")})
    assert page.status_code == 415 and 'role="alert"' in page.text and "minutes.pdf: unsupported file type .pdf" in page.text
    assert client.get("/api/articles").json()["total"] == before
    # Beside a file that is read, the refused one is reported among the errors.
    good = b"Volunteers in Serrow planted 4,000 trees on Saturday along the river, the town said."
    mixed = client.post("/api/articles", files=[("files", ("serrow.txt", good, "text/plain")), ("files", ("minutes.pdf", pdf, "application/pdf"))])
    assert mixed.status_code == 201, mixed.text
    assert [(e["item"], e["reason"].split(":")[0]) for e in mixed.json()["errors"]] == [("minutes.pdf", "unsupported file type .pdf")]
    assert client.get("/api/articles").json()["total"] == before + 1


def test_adding_the_same_article_again_stores_nothing(client, invented_articles):
    response = client.post("/api/articles", json={"articles": invented_articles[:1]})
    assert response.status_code == 200
    assert len(response.json()["already_stored"]) == 1 and response.json()["added"] == []


def test_two_articles_are_compared_with_the_reasons(client):
    articles = {a["outlet"]: a["id"] for a in client.get("/api/articles").json()["articles"]}
    herald, gazette = articles["Coastal Herald"], articles["Island Gazette"]
    out = client.get(f"/api/articles/{herald[:10]}/compare/{gazette}").json()
    assert [a["id"] for a in out["articles"]] == [herald, gazette]
    # Two reports of one council vote: one story, and the similarity says why.
    assert out["articles"][0]["story"] == out["articles"][1]["story"]
    assert out["similarity"] >= out["merge_similarity"]
    assert set(out["measures"]) >= {"cosine", "all_names"} and out["measures"]["all_names"] > 0
    assert client.get(f"/api/articles/{herald}/compare/ffffffff").status_code == 404


def test_an_article_compared_with_itself_is_told_so(client):
    herald = next(a["id"] for a in client.get("/api/articles").json()["articles"] if a["outlet"] == "Coastal Herald")
    for path in (f"/api/articles/{herald}/compare/{herald[:10]}", f"/articles/{herald[:10]}/compare/{herald}"):
        response = client.get(path)
        assert response.status_code == 400 and "the same article" in response.text, path


def test_an_article_link_with_a_span_outside_the_text_is_refused(client):
    article = client.get("/api/articles").json()["articles"][0]
    length = len(client.get(f"/api/articles/{article['id']}").json()["articles"][0]["text"])
    for params in ({"start": 99999, "end": 5}, {"start": 5, "end": 5}, {"start": 0, "end": length + 1}, {"start": -1, "end": 4}, {"start": 3}):
        response = client.get(f"/articles/{article['id']}", params=params)
        assert response.status_code == 400 and "no such span" in response.text, params
    assert client.get(f"/articles/{article['id']}", params={"start": 0, "end": length}).status_code == 200
    # Half a span says which half it lacks, not "characters 3–None".
    half = client.get(f"/articles/{article['id']}", params={"start": 3}).text
    assert "None" not in half and "a span needs both start and end, this link gives only start=3" in half


def test_story_page_shows_how_well_each_article_fits(client):
    import re

    story = next(s for s in client.get("/api/stories").json()["stories"] if len(s["articles"]) == 2)
    page = client.get(f"/stories/{story['id']}").text
    shown = re.findall(r'<td class="fit"><a href="/articles/(\w+)/compare/(\w+)"[^>]*>([^<]*)</a></td>', page)
    # In a story of two, each article's fit is the pair's similarity, and each
    # links to the page that explains it, comparing the article with the other.
    first, second = story["articles"]
    pair = client.get(f"/api/articles/{first}/compare/{second}").json()
    assert sorted(shown) == sorted([(first, second, f"{pair['similarity']:.2f}"), (second, first, f"{pair['similarity']:.2f}")])


def _why_page_matches_the_api(client, one: str, other: str) -> str:
    """Fetch the why page of two articles; check it against the API's comparison; return its text."""
    import re

    from synopsis.link.events import FEATURE_LABELS

    page = client.get(f"/articles/{one[:10]}/compare/{other}")
    assert page.status_code == 200
    pair = client.get(f"/api/articles/{one}/compare/{other}").json()
    assert re.search(r'<strong class="similarity">([\d.]+)</strong>', page.text).group(1) == f"{pair['similarity']:.3f}"
    # Every measure is shown under its label, with its value; every rule with its multiplier.
    for name, value in pair["measures"].items():
        assert f'<td>{FEATURE_LABELS[name]}</td><td class="num">{value:.2f}</td>' in page.text
    for rule in pair["rules"]:
        assert f"<strong>×{rule['multiplier']:g}</strong>" in page.text
    for article in pair["articles"]:
        assert f'href="/stories/{article["story"]}"' in page.text
    if pair["stories_apart"]:
        assert f"They stay apart: {html.escape(pair['stories_apart'])}." in page.text
        assert f'<span class="num">{pair["stories_similarity"]:.3f}</span>' in page.text
    else:
        assert "Why the two stories stay apart" not in page.text
    return page.text


def test_the_why_page_explains_a_pair_of_articles(client):
    story = next(s for s in client.get("/api/stories").json()["stories"] if len(s["articles"]) == 2)
    first, second = story["articles"]
    assert "in one story" in _why_page_matches_the_api(client, first, second)
    assert client.get(f"/articles/{first}/compare/ffffffff").status_code == 404


def test_the_why_page_of_articles_in_different_stories(tmp_path, invented_articles):
    import re

    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app
    from synopsis.server.ingest import documents_from_objects, store_documents
    from synopsis.store.db import Store

    other_event = {
        "title": "Storm closes mountain pass for a week",
        "outlet": "Valley Post",
        "published": "2023-11-20",
        "text": "Heavy snow closed the Korrin mountain pass on Sunday, road officials said, "
        "and it will stay shut for about a week while crews clear avalanches.",
    }
    with Store.open(tmp_path / "two.db") as store:
        added = store_documents(documents_from_objects(invented_articles + [other_event]), store).added
    with TestClient(create_app(str(tmp_path / "two.db"), warm=False)) as client:
        text = _why_page_matches_the_api(client, added[0], added[2])
    assert "in different stories" in text
    assert re.search(r"</strong>:\s*below 0\.375,", text)


def test_the_why_page_says_why_look_alike_stories_stay_apart(tmp_path):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app
    from synopsis.store.db import Store
    from tests.factories import named_group, store_as_stories

    with Store.open(tmp_path / "alike.db") as store:
        store_as_stories(store, {"sship": named_group("s", [{"ins varuna"}] * 5, 10), "spirates": named_group("p", [{"pelago"}] * 5, 20)})
    with TestClient(create_app(str(tmp_path / "alike.db"), warm=False)) as client:
        text = _why_page_matches_the_api(client, "s0", "p0")
    assert "Why the two stories stay apart" in text and "(ins varuna / pelago)" in text


def test_bad_story_and_article_ids(client):
    assert client.get("/api/stories/s000000").json() == {"error": "no story matches 's000000'"}
    assert client.get("/api/articles/ffffffff").status_code == 404
    assert client.post("/api/stories/merge", json={"stories": ["a"]}).status_code == 400
    assert client.post("/api/stories/merge", content=b"[", headers={"content-type": "application/json"}).status_code == 422
    story = client.get("/api/stories").json()["stories"][0]
    assert client.post(f"/api/stories/{story['id']}/split", json={}).status_code == 400


def test_script_in_article_text_is_shown_as_text(tmp_path):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    app = create_app(str(tmp_path / "xss.db"), warm=False)
    hostile = '<script>alert("x")</script> The council <b>met</b> on Monday in <img src=x onerror="alert(1)"> Dorvale.'
    with TestClient(app) as client:
        response = client.post("/api/articles", json={"articles": [{"text": hostile, "title": "<script>t()</script>Council", "outlet": "<i>Gazette</i>"}]})
        assert response.status_code == 201, response.text
        article_id = response.json()["added"][0]
        page = client.get(f"/articles/{article_id}").text
        stories = client.get("/").text
    for html in (page, stories):
        assert "<script>" not in html and "<img src=x" not in html and "<i>Gazette" not in html
    assert "&lt;script&gt;" in page


def test_only_web_links_become_links(client):
    response = client.post("/api/articles", json={"articles": [{"text": "The Dorvale bridge reopened on Friday after repairs.", "url": "javascript:alert(1)"}]})
    assert response.status_code == 201, response.text
    page = client.get(f"/articles/{response.json()['added'][0]}").text
    assert 'href="javascript:' not in page and "url: javascript:alert(1)" in page


def test_article_list_pages(client):
    everything = client.get("/api/articles").json()
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert first["total"] == everything["total"] >= 2 and len(first["articles"]) == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()["articles"][0]
    assert second["id"] == everything["articles"][1]["id"]
    assert "error" in client.get("/api/articles", params={"limit": 0}).json()


def test_upload_keeps_good_files_and_reports_bad_ones(client):
    good = b"Rescue crews in Lomhaven freed 12 miners on Wednesday after a tunnel collapse, the mine operator said."
    response = client.post(
        "/api/articles",
        files=[("files", ("lomhaven.txt", good, "text/plain")), ("files", ("scan.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"))],
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["added"]) == 1
    assert [e["item"] for e in body["errors"]] == ["scan.png"]
    article = client.get(f"/api/articles/{body['added'][0]}").json()["articles"][0]
    assert article["source"] == "lomhaven.txt" and "Lomhaven" in article["text"]
    story_ids = [s["id"] for s in client.get("/api/stories").json()["stories"] if body["added"][0] in s["articles"]]
    assert len(story_ids) == 1  # the new article joined a story right away
    assert client.get(f"/stories/{story_ids[0][:6]}", follow_redirects=False).status_code == 307


def test_an_article_a_newer_version_replaced_is_not_found_and_names_the_newer(tmp_path, invented_articles):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app
    from synopsis.server.ingest import documents_from_objects, store_documents
    from synopsis.store.db import Store

    first = invented_articles[0] | {"url": "https://herald.example/ferry"}
    path = tmp_path / "news.db"
    with Store.open(path) as store:
        (old_id,) = store_documents(documents_from_objects([first]), store).added
    with TestClient(create_app(str(path), warm=False)) as client:
        updated = first | {"text": first["text"] + " The first boats are expected in June."}
        posted = client.post("/api/articles", json={"articles": [updated]})
        assert posted.status_code == 201, posted.text
        (new_id,) = posted.json()["added"]
        answer = client.get(f"/api/articles/{old_id}")
        assert answer.status_code == 404
        assert "replaced by a newer version" in answer.json()["error"] and new_id[:12] in answer.json()["error"]
        assert client.get(f"/api/articles/{new_id}").status_code == 200


@pytest.mark.parametrize("url", ["http://[::1", "http://256.1.1.1/x", "http://exa mple.com"])
def test_a_malformed_url_on_the_add_page_is_a_400_with_the_reason(client, url):
    page = client.post("/add", data={"url": url})
    assert page.status_code == 400, page.text
    assert "invalid URL" in page.text and 'role="alert"' in page.text


def test_a_read_only_database_is_served_and_changes_are_a_400(server_db, invented_articles, monkeypatch):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app
    from synopsis.store import db as store_db

    # As on a read-only mount (tests run as root, whom file permissions do not stop).
    monkeypatch.setattr(store_db, "is_writable", lambda path: False)
    with TestClient(create_app(server_db, warm=False)) as client:
        stories = client.get("/api/stories")
        assert stories.status_code == 200 and stories.json()["stories"]
        added = client.post("/api/articles", json={"articles": invented_articles[:1]})
        assert added.status_code == 400 and "read-only" in added.json()["error"]
        story = stories.json()["stories"][0]["id"]
        split = client.post(f"/api/stories/{story}/split", json={"article": stories.json()["stories"][0]["articles"][0]})
        assert split.status_code == 400 and "read-only" in split.json()["error"]
        # The pages say so once, and offer none of the changes that would be refused.
        for path in ("/", f"/stories/{story}", "/add"):
            page = client.get(path).text
            assert 'class="read-only"' in page and "cannot be merged or split here" in page, path
            assert 'href="/add"' not in page and "split out</button>" not in page and 'action="/add"' not in page, path
        # The API documents the refusal on every route that changes the database.
        paths = client.get("/openapi.json").json()["paths"]
        for route in ("/api/articles", "/api/stories/merge", "/api/stories/{story_id}/split"):
            assert "read-only" in paths[route]["post"]["responses"]["400"]["description"], route


def test_a_writable_database_offers_its_changes_without_a_read_only_notice(client):
    story = client.get("/api/stories").json()["stories"][0]["id"]
    for path in ("/", f"/stories/{story}", "/add"):
        assert 'class="read-only"' not in client.get(path).text, path
    assert 'href="/add"' in client.get("/").text and 'action="/add"' in client.get("/add").text
    assert "split out</button>" in client.get(f"/stories/{story}").text


def test_an_upload_whose_date_is_no_date_is_stored_with_a_warning(client):
    article = {"title": "Ferry line reopens", "outlet": "Coastal Herald", "published": "2026-13-45",
               "text": "The Marlow ferry line reopened on Monday after a two-week repair, the operator said. "
                       "Crossings run every forty minutes until the evening."}
    response = client.post("/api/articles", json={"articles": [article]})
    assert response.status_code == 201, response.text
    body = response.json()
    assert len(body["added"]) == 1 and body["errors"] == []
    assert [w["reason"] for w in body["warnings"]] == ["publication date '2026-13-45' is not a valid date; ignored"]


def test_head_is_answered_wherever_get_is(client):
    story = client.get("/api/stories").json()["stories"][0]["id"]
    for path in ("/", "/api/stories", f"/api/stories/{story}", f"/stories/{story}", "/openapi.json", "/static/app.css"):
        got, head = client.get(path), client.head(path)
        assert head.status_code == got.status_code == 200, path
        assert head.content == b"" and head.headers["content-type"] == got.headers["content-type"], path
    assert client.head("/api/stories/s-none").status_code == 404
    assert client.head("/api/stories/merge").status_code == 405  # only POSTed


def test_get_of_the_merge_route_is_the_wrong_method_not_an_unknown_story(client):
    response = client.get("/api/stories/merge")
    assert response.status_code == 405 and response.headers["allow"] == "POST"
    assert "POST" in response.json()["error"]
