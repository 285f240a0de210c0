"""The web app shows a toll that rose as the reports do: under Revised figures, not as a disputed
point, on a story titled by a headline that states no overtaken figure. Our own articles about a
fictional ferry crash."""

from __future__ import annotations

import html

import pytest

from tests.compare.test_revised_figures_story import AFTERNOON, EVENING, MORNING, NOON


def _posted(article) -> dict:
    _, outlet, published, title, text = article
    return {"title": title, "outlet": outlet, "published": published, "text": text}


@pytest.fixture(scope="module")
def ferry_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from synopsis.server.app import create_app

    db = tmp_path_factory.mktemp("revised") / "ferry.db"
    with TestClient(create_app(str(db), warm=False)) as client:
        response = client.post("/api/articles", json={"articles": [_posted(a) for a in (MORNING, NOON, AFTERNOON, EVENING)]})
        assert response.status_code == 201 and len(response.json()["added"]) == 4
        yield client


def test_story_page_lists_a_toll_that_rose_under_revised_figures(ferry_client):
    [story] = ferry_client.get("/api/stories").json()["stories"]
    report = ferry_client.get(f"/api/stories/{story['id']}").json()
    assert report["schema"] == "synopsis.report/2"
    data = report["stories"][0]
    assert data["title"] == EVENING[3]
    revised = data["counts"]["revised_figures"]
    assert revised == len(data["revised_figures"]) == 2
    page = ferry_client.get(f"/stories/{story['id']}").text
    assert f"<h1>{html.escape(EVENING[3])}</h1>" in page
    assert f"Disputed points ({data['counts']['disputes']})</h2>" in page
    section = page[page.index('<section id="revised">'):page.index('<section id="timeline">')]
    assert "Revised figures (2)</h2>" in section and "2 revised figures" in page
    assert 'href="#revised"' in page
    assert "Harbour Wire (09:10)" in section and "Harbour Wire (20:30)" in section
    assert section.count('class="version latest"') == 2


def test_story_list_counts_revised_figures_and_shows_the_reports_title(ferry_client):
    [story] = ferry_client.get("/api/stories").json()["stories"]
    ferry_client.get(f"/stories/{story['id']}")  # the report is computed (and cached) on the first visit
    [listed] = ferry_client.get("/api/stories").json()["stories"]
    assert listed["counts"]["revised_figures"] == 2 and listed["title"] == EVENING[3]
    page = ferry_client.get("/").text
    assert "2 revised figures" in page and html.escape(EVENING[3]) in page
