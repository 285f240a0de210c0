"""The web app in a real headless Chromium (fixtures in conftest.py)."""

from __future__ import annotations

from tests.e2e.conftest import ARTIFACTS, SLOW_MS


def biggest_story(page, base: str) -> dict:
    stories = page.request.get(f"{base}/api/stories", timeout=SLOW_MS).json()["stories"]
    return max(stories, key=lambda s: len(s["articles"]))


def article_text(page, base: str, article_id: str) -> str:
    return page.request.get(f"{base}/api/articles/{article_id}").json()["articles"][0]["text"]


def test_dispute_evidence_shows_each_outlets_source_sentence(page, live_server):
    ARTIFACTS.mkdir(exist_ok=True)
    story = biggest_story(page, live_server)
    page.goto(live_server + "/")
    page.click(f'a.story-link[href="/stories/{story["id"]}"]')
    page.wait_for_selector("#disputes", timeout=SLOW_MS)
    assert page.title().startswith(story["title"][:20])
    page.screenshot(path=str(ARTIFACTS / "story-page.png"), full_page=True)

    report = page.request.get(f"{live_server}/api/stories/{story['id']}").json()["stories"][0]
    assert report["disputes"], "the reference story has disputes"
    dispute = page.locator("tr.dispute").first
    quotes = dispute.locator("blockquote.source-sentence")
    assert not quotes.first.is_visible()  # evidence is on demand
    for summary in dispute.locator("details.evidence > summary").all():
        summary.click()
    expected = report["disputes"][0]
    shown = {}
    for quote in quotes.all():
        assert quote.is_visible()
        shown.setdefault(quote.get_attribute("data-outlet"), []).append(quote.inner_text())
    assert set(shown) == {s for v in expected["versions"] for s in v["sources"]}
    for version in expected["versions"]:
        for evidence in version["evidence"]:
            assert any(evidence["text"] in text for text in shown[evidence["outlet"]])
            assert article_text(page, live_server, evidence["article_id"])[evidence["start"] : evidence["end"]] == evidence["text"]
    dispute.scroll_into_view_if_needed()
    dispute.screenshot(path=str(ARTIFACTS / "dispute-view.png"))


def test_citation_in_the_brief_leads_to_its_source_sentence(page, live_server):
    story = biggest_story(page, live_server)
    page.goto(f"{live_server}/stories/{story['id']}")
    citation = page.locator("ol.brief details.cite").first
    sentence = citation.locator("blockquote")
    assert not sentence.is_visible()
    citation.locator("summary").click()
    assert sentence.is_visible()  # revealed in place
    report = page.request.get(f"{live_server}/api/stories/{story['id']}").json()["stories"][0]
    first = report["brief"][0]["citations"][0]
    assert first["text"] in sentence.inner_text()
    sentence.locator("a").click()
    page.wait_for_url(f"**/articles/{first['article_id']}?start={first['start']}&end={first['end']}#cited")
    marked = page.locator(".article-text mark.hl-cited")
    assert "".join(marked.all_inner_texts()) == first["text"]
    assert page.locator("#cited").is_visible()
    # In view: scrolled to, the mark may sit a fraction of a pixel above the top edge.
    assert page.locator("#cited").evaluate("el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top > -2 && r.top < innerHeight; }")


def test_bad_upload_shows_an_error_and_the_server_keeps_serving(page, live_server):
    page.goto(live_server + "/add")
    # A binary file named like text is read and refused; a file of a type synopsis does not read is not read.
    page.set_input_files('input[name="files"]', files=[{"name": "photo.txt", "mimeType": "text/plain", "buffer": bytes(range(256)) * 64}])
    page.click('button[type="submit"]')
    error = page.locator('[role="alert"]')
    error.wait_for()
    assert "photo.txt" in error.inner_text() and "binary" in error.inner_text()
    assert page.request.get(live_server + "/api/stories").ok
    page.goto(live_server + "/add")
    page.set_input_files('input[name="files"]', files=[{"name": "minutes.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.7 " * 64}])
    page.click('button[type="submit"]')
    page.locator('[role="alert"]').wait_for()
    assert "minutes.pdf: unsupported file type .pdf" in page.locator('[role="alert"]').inner_text()


def test_script_in_an_article_does_not_run(page, live_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    hostile = (
        '<script>window.__pwned = 1; alert("script")</script> Officials in Dorvale met on Monday. '
        '<img src="x" onerror="window.__pwned = 2; alert(2)"> <b>bold</b> <a href="javascript:alert(3)">link</a>'
    )
    response = page.request.post(
        live_server + "/api/articles",
        data={"articles": [{"text": hostile, "title": "<script>alert(4)</script>Dorvale", "outlet": "<img src=x onerror=alert(5)>"}]},
    )
    assert response.status == 201, response.text()
    article_id = response.json()["added"][0]
    page.goto(f"{live_server}/articles/{article_id}")
    assert "<script>window.__pwned" in page.locator(".article-text").inner_text()  # shown as text
    assert page.locator(".article-text script, .article-text img, .article-text b").count() == 0
    page.goto(live_server + "/")
    page.goto(f"{live_server}/articles/{article_id}")
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_the_weakest_fit_leads_to_why_the_article_is_in_the_story(page, live_server):
    story = biggest_story(page, live_server)
    page.goto(f"{live_server}/stories/{story['id']}")
    links = page.locator("td.fit a")
    assert links.count() == len(story["articles"]) >= 2
    fits = [float(text) for text in links.all_inner_texts()]
    weakest = links.nth(fits.index(min(fits)))
    weakest.click()
    page.wait_for_url("**/articles/*/compare/*")
    first, second = page.url.rsplit("/articles/", 1)[1].split("/compare/")
    assert first != second and {first, second} <= set(story["articles"])
    pair = page.request.get(f"{live_server}/api/articles/{first}/compare/{second}").json()
    assert page.locator("h1").inner_text() == "Why these articles are in one story"
    assert page.locator("strong.similarity").inner_text() == f"{pair['similarity']:.3f}"
    assert page.locator("table.measures tbody tr").count() == len(pair["measures"])
    assert page.locator("ul.rules li").count() == len(pair["rules"])
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "why-page.png"), full_page=True)
