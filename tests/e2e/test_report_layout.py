"""The static HTML report and the web app as a journalist reads them: on a 390px phone screen,
following a citation, and with text readable against its background (measured in Chromium)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.conftest import SLOW_MS

PHONE = {"width": 390, "height": 844}
# WCAG 2 AA for normal-size text.
MIN_CONTRAST = 4.5

# The contrast ratio (WCAG 2) of each matching element's text colour on the first opaque
# background behind it, from the colours the browser computed from the CSS.
CONTRASTS_JS = """selector => {
  const rgb = s => s.match(/[\\d.]+/g).map(Number);
  const lum = ([r, g, b]) => { const c = [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]; };
  const background = el => { for (; el; el = el.parentElement) { const c = rgb(getComputedStyle(el).backgroundColor);
    if (c.length < 4 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
  return [...document.querySelectorAll(selector)].filter(el => el.textContent.trim()).map(el => {
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(background(el))].sort((x, y) => y - x);
    return [(el.className || el.tagName.toLowerCase()) + ': ' + el.textContent.trim().slice(0, 30), (a + 0.05) / (b + 0.05)]; });
}"""

# The size in CSS pixels each chart's 11px text is drawn at, after the chart is fitted to the page.
CHART_TEXT_PX_JS = """() => [...document.querySelectorAll('svg.chart')].map(svg =>
  11 * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)"""

# Chart labels drawn beyond the chart's own box (cut off when the page shows the chart).
CUT_LABELS_JS = """() => [...document.querySelectorAll('svg.chart text')].filter(t => {
  const box = t.ownerSVGElement.getBoundingClientRect(), r = t.getBoundingClientRect();
  return r.right > box.right + 0.5 || r.left < box.left - 0.5 || r.top < box.top - 0.5; }).map(t => t.textContent)"""


@pytest.fixture(scope="session")
def static_report(reference_db, tmp_path_factory) -> tuple[Path, object]:
    """The reference story's report as one self-contained HTML file, and the report itself."""
    from synopsis.report.html import render_html
    from synopsis.store.db import Store
    from synopsis.story_jobs import story_report

    with Store.open(reference_db) as store:
        biggest = max(store.list_stories(), key=lambda s: len(store.story_articles(s.id)))
        report = story_report(store, biggest.id)
        articles = {a.article.id: a.article for a in store.iter_analyses(list(report.story.article_ids))}
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(render_html([report], articles), encoding="utf-8")
    return path, report


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(SLOW_MS)
    yield page
    context.close()


def test_static_report_fits_a_phone_screen_with_legible_charts(phone, static_report):
    path, _ = static_report
    phone.goto(path.as_uri())
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    sizes = phone.evaluate(CHART_TEXT_PX_JS)
    assert len(sizes) == 2 and min(sizes) >= 10  # the charts scroll in their box rather than shrink


def test_static_report_charts_draw_every_label_inside_the_chart(page, static_report):
    path, _ = static_report
    page.goto(path.as_uri())
    assert page.locator("svg.chart text").count() > 10
    assert page.evaluate(CUT_LABELS_JS) == []


def test_static_report_citation_shows_the_cited_words_themselves(page, static_report):
    path, report = static_report
    page.goto(path.as_uri())
    citations = [c for b in report.brief for c in b.citations][:4]
    assert citations
    for evidence in citations:
        anchor = f"ev-{evidence.article_id[:16]}-{evidence.start}-{evidence.end}"
        page.locator(f'ol.brief a.cite[href="#{anchor}"]').first.click()
        target = page.evaluate("""() => { const t = document.querySelector(':target'), r = t.getBoundingClientRect();
          const other = [...document.querySelectorAll('.article-text mark')].find(m => !m.contains(t) && !t.contains(m));
          return {id: t.id, tag: t.tagName, text: t.textContent, width: r.width, top: r.top, bottom: r.bottom,
                  background: getComputedStyle(t).backgroundColor, other: getComputedStyle(other).backgroundColor}; }""")
        assert target["id"] == anchor and target["tag"] == "MARK"
        assert target["text"] == evidence.text and target["width"] > 0
        assert 0 <= target["top"] and target["bottom"] <= page.viewport_size["height"]  # scrolled into view
        assert target["background"] != target["other"]  # unlike every other highlighted sentence


def test_static_report_sections_are_linked_from_its_table_of_contents(page, static_report):
    path, _ = static_report
    page.goto(path.as_uri())
    links = page.locator("nav.toc a")
    assert links.count() >= 10
    for index in (0, links.count() // 2, links.count() - 1):
        href = links.nth(index).get_attribute("href")
        links.nth(index).click()
        assert page.evaluate("() => { const t = document.querySelector(':target'); return t.tagName + '#' + t.id; }") == "H3" + href


def test_static_report_text_on_pills_meets_wcag_aa(page, static_report):
    path, _ = static_report
    page.goto(path.as_uri())
    ratios = page.evaluate(CONTRASTS_JS, ".pill, .meta, .value, .note, .finding, summary")
    assert ratios and {"corroborated", "single-source", "disputed"} <= {name.split(":")[0].split()[-1] for name, _ in ratios}
    assert [r for r in ratios if r[1] < MIN_CONTRAST] == []


# A4 at 96 CSS pixels to the inch, less Chromium's default print margins (about 1 cm a side).
A4 = {"width": 794, "height": 1123}

# On paper: <details> whose content is not laid out (closed), and boxes whose content runs past
# their right edge (cut off, since paper cannot scroll).
PRINT_LOSSES_JS = """() => ({
  closed: [...document.querySelectorAll('details')].filter(d => {
    const body = [...d.children].find(c => c.tagName !== 'SUMMARY');
    return body && !body.checkVisibility(); }).length,
  details: document.querySelectorAll('details').length,
  cut: [...document.querySelectorAll('.table-box, .chart-box')].filter(b => b.scrollWidth > b.clientWidth + 1)
    .map(b => (b.previousElementSibling || {}).textContent + ' ' + b.scrollWidth + '/' + b.clientWidth),
  page: document.documentElement.scrollWidth})"""


def test_static_report_prints_every_section_open_and_within_the_page(page, static_report):
    path, _ = static_report
    page.set_viewport_size(A4)
    page.goto(path.as_uri())
    on_screen = page.evaluate(PRINT_LOSSES_JS)
    assert on_screen["closed"] > 0  # on screen, articles and evidence lists start closed
    page.emulate_media(media="print")
    printed = page.evaluate(PRINT_LOSSES_JS)
    assert printed["details"] == on_screen["details"] and printed["closed"] == 0
    assert printed["cut"] == [] and printed["page"] <= A4["width"]
    assert min(page.evaluate(CHART_TEXT_PX_JS)) >= 5  # shrunk to the page, still readable on paper


def _pages(page, base: str) -> list[str]:
    stories = page.request.get(f"{base}/api/stories", timeout=SLOW_MS).json()["stories"]
    story = max(stories, key=lambda s: len(s["articles"]))
    first, second = story["articles"][:2]
    return ["/", f"/stories/{story['id']}", f"/stories/{story['id']}/compare", f"/articles/{first}",
            f"/articles/{first}/compare/{second}", "/add"]


def test_web_pages_fit_a_phone_screen(phone, live_server):
    for path in _pages(phone, live_server):
        phone.goto(live_server + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        assert min(phone.evaluate(CHART_TEXT_PX_JS), default=11) >= 10, path


def test_web_story_page_text_on_pills_meets_wcag_aa(page, live_server):
    for path in _pages(page, live_server)[:3]:
        page.goto(live_server + path)
        ratios = page.evaluate(CONTRASTS_JS, ".pill, .meta, .value, .note, .finding, summary, header.top a")
        assert [r for r in ratios if r[1] < MIN_CONTRAST] == [], path


# Of each matching element, whether it lies within the screen's width (not in a box's scrolled-off part).
ON_SCREEN_JS = """selector => [...document.querySelectorAll(selector)].map(el => {
  const r = el.getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= innerWidth; })"""


def test_on_a_phone_the_stories_list_shows_every_count_and_the_matrix_its_cells(phone, live_server):
    """QA: at 390px the articles and facts columns (the disputed count) sat off-screen in the
    list's scroll box, and the coverage matrix showed only its fact texts, every cell to the right."""
    phone.goto(live_server + "/")
    for column, name in enumerate(("story", "time span", "outlets", "articles", "facts"), 1):
        shown = phone.evaluate(ON_SCREEN_JS, f"table.stories tbody td:nth-child({column})")
        assert shown and all(shown), name
    assert all(phone.evaluate(ON_SCREEN_JS, "table.stories .pill.disputed"))
    stories = phone.request.get(f"{live_server}/api/stories", timeout=SLOW_MS).json()["stories"]
    story = max(stories, key=lambda s: len(s["articles"]))
    phone.goto(f"{live_server}/stories/{story['id']}")
    matrix = phone.locator("svg.chart[aria-label='Which outlet reports which fact']")
    cells = matrix.evaluate("svg => [...svg.querySelectorAll('rect')].map(r => r.getBoundingClientRect().right)")
    assert cells and max(cells) <= PHONE["width"]  # every outlet's column on screen
