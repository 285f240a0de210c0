"""Story reports in JSON, Markdown and HTML, from a hand-built StoryReport."""

import dataclasses
import json
import re

import pytest

from synopsis import records

from synopsis.records import (
    Alias,
    ArticleAnalysis,
    BriefSentence,
    Coverage,
    Dispute,
    DisputeVersion,
    Source,
    Story,
    StoryEntity,
    StoryQuote,
    StoryReport,
    TimelineEvent,
)
from synopsis.report.html import render_html
from synopsis.report.markdown import render_markdown
from synopsis.report.report_json import reports_to_json, validate_report_json
from tests.factories import evidence_for, make_article, make_claim, removed

HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)>'
A = f"The talks lasted less than an hour. {HOSTILE} Officials met at noon."
B = "The talks lasted three and a half hours. Officials met at noon."


@pytest.fixture()
def story():
    a = ArticleAnalysis(article=make_article("aaaa1111", "Outlet <A>", A, removed=(removed("Donate now", "donation appeal"),)))
    b = ArticleAnalysis(article=make_article("bbbb2222", "Outlet B", B))
    noon = make_claim("c1", "corroborated", [evidence_for(a, "Officials met at noon."), evidence_for(b, "Officials met at noon.")])
    hostile = make_claim("c2", "single-source", [evidence_for(a, HOSTILE)])
    short = evidence_for(a, "The talks lasted less than an hour.")
    long = evidence_for(b, "The talks lasted three and a half hours.")
    dispute = Dispute(
        what="duration of the talks",
        kind="duration",
        versions=(
            DisputeVersion("less than an hour", "[0, 60) min", ("Outlet <A>",), (short,)),
            DisputeVersion("three and a half hours", "[199.5, 220.5] min", ("Outlet B",), (long,), note="earlier report"),
        ),
        explanation="Outlet <A> says less than an hour; Outlet B says three and a half hours.",
    )
    report = StoryReport(
        story=Story("s123", "Talks <end>", ("aaaa1111", "bbbb2222")),
        sources=(
            Source("aaaa1111", "Outlet <A>", "newspaper", None, "2025-07-23", None, "A", "a.txt"),
            Source("bbbb2222", "Outlet B", "blog", None, None, "Outlet <A>", None, "/home/ana/inbox/b.txt"),
        ),
        entities=(StoryEntity("Kyiv", "GPE", (Alias("Kyiv", ("Outlet B",), 1), Alias("Kiev", ("Outlet <A>",), 2)), findings=("outlets spell Kyiv differently",)),),
        claims=(noon, hostile),
        disputes=(dispute,),
        quotes=(StoryQuote("Jane <b>Doe</b>", HOSTILE, "direct", ("Outlet <A>",), (evidence_for(a, HOSTILE),)),),
        timeline=(TimelineEvent("2025-07-23", "day", "Officials met at noon.", ("Outlet <A>", "Outlet B"), noon.evidence),),
        coverage=(Coverage("Outlet B", ("c2",), (("Jane Doe", 2),), ("Kyiv",), ()), Coverage("Outlet <A>", (), (), (), (records.NonReporting("aaaa1111", "Donate now", "donation appeal", 0, 10),))),
        brief=(BriefSentence("Officials met at noon.", noon.evidence), BriefSentence("Accounts differ on duration of the talks.", (short, long))),
    )
    return report, {"aaaa1111": a.article, "bbbb2222": b.article}


def test_json_follows_the_published_schema(story):
    report, _ = story
    data = json.loads(json.dumps(reports_to_json([report])))
    validate_report_json(data)
    out = data["stories"][0]
    assert data["schema"] == "synopsis.report/2"
    assert out["counts"] == {"articles": 2, "outlets": 2, "corroborated": 1, "single_source": 1,
                             "single_source_shared": 0, "disputed": 1, "disputes": 1, "revised_figures": 0,
                             "disputed_claims": 0}
    assert out["revised_figures"] == []
    assert [v["value"] for v in out["disputes"][0]["versions"]] == ["less than an hour", "three and a half hours"]
    assert out["coverage"][0]["voices"] == [{"speaker": "Jane Doe", "count": 2}]


def test_json_non_reporting_pieces_name_their_article_and_the_schema_requires_it(story):
    import jsonschema

    report, _ = story
    data = json.loads(json.dumps(reports_to_json([report])))
    piece, = data["stories"][0]["coverage"][1]["non_reporting"]
    assert piece == {"article_id": "aaaa1111", "text": "Donate now", "reason": "donation appeal", "start": 0, "end": 10}
    assert piece["article_id"] in data["stories"][0]["articles"]
    del piece["article_id"]
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)


def test_json_schema_rejects_a_dispute_with_one_version(story):
    import jsonschema

    report, _ = story
    data = reports_to_json([report])
    data["stories"][0]["disputes"][0]["versions"] = data["stories"][0]["disputes"][0]["versions"][:1]
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)


def test_markdown_neutralises_html_and_cites_every_span(story):
    report, _ = story
    text = render_markdown([report])
    assert "<script>" not in text and "<img" not in text
    assert "&lt;script&gt;" in text
    notes = set(re.findall(r"\[\^(\d+)\]:", text))
    used = set(re.findall(r"\[\^(\d+)\](?!:)", text))
    assert used and used == notes
    assert "less than an hour" in text and "three and a half hours" in text


def test_html_is_self_contained_escaped_and_links_citations_to_source_spans(story):
    report, articles = story
    page = render_html([report], articles)
    assert "<script" not in page.lower().replace("&lt;script", "")
    assert "&lt;script&gt;alert" in page
    assert "onerror=alert" not in page.replace("onerror=alert(1)&gt;", "")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//|url\(\s*["']?(?:https?:)?//""", page)  # no CDN
    anchors = set(re.findall(r'id="(ev-[^"]+)"', page))
    links = set(re.findall(r'href="#(ev-[^"]+)"', page))
    assert links and links <= anchors
    # The anchor sits where the cited sentence starts in the article's text.
    start = A.index("The talks lasted less than an hour.")
    assert f"ev-aaaa1111-{start}-{start + len('The talks lasted less than an hour.')}" in anchors
    assert page.count("<svg") == 2  # timeline and coverage matrix drawn as pictures


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_untitled_article_is_listed_by_its_file_name_not_its_full_path(story, fmt):
    report, articles = story
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    assert "untitled (b.txt)" in text
    assert "/home/ana/inbox" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_counts_in_the_header_agree_with_their_nouns(story, fmt):
    report, articles = story
    one = dataclasses.replace(report, story=Story("s124", "Talks", ("aaaa1111",)), sources=report.sources[:1])
    for r, expected in ((report, "2 articles from 2 outlets"), (one, "1 article from 1 outlet ")):
        text = render_markdown([r]) if fmt == "md" else render_html([r], articles)
        assert expected in text
    # An outlet's coverage counts agree with their nouns too.
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    # (The fact Outlet B leaves out is single-source: one most outlets carry from one original.)
    assert "leaves out 1 fact most outlets carry" in text and "leaves out 1 facts" not in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_an_empty_brief_says_why_where_the_brief_would_be(story, fmt):
    report, articles = story
    one = dataclasses.replace(report, story=Story("s124", "Talks", ("aaaa1111",)), sources=report.sources[:1], brief=())
    none_stated = dataclasses.replace(report, brief=())  # "Officials met at noon." is corroborated
    none_shared = dataclasses.replace(report, brief=(), claims=tuple(c for c in report.claims if c.status != "corroborated"))
    render = (lambda r: render_markdown([r])) if fmt == "md" else (lambda r: render_html([r], articles))
    assert "this story has one outlet" in render(one)
    assert "no sentence of the facts several outlets report is supported in full" in render(none_stated)
    assert "no fact is reported by more than one outlet" in render(none_shared)
    assert "No brief" not in render(report)


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_wire_copy_is_listed_as_one_original_shared_by_several_outlets(story, fmt):
    report, articles = story
    a, b = (ArticleAnalysis(article=articles[i]) for i in ("aaaa1111", "bbbb2222"))
    # Both outlets print the same sentence; Outlet <A> published it first, so it is one source.
    copied = dataclasses.replace(
        make_claim("c3", "single-source", [evidence_for(a, "Officials met at noon."), evidence_for(b, "Officials met at noon.")]),
        independent_sources=("Outlet <A>",),
    )
    lone = make_claim("c4", "single-source", [evidence_for(b, "The talks lasted three and a half hours.")])
    report = dataclasses.replace(report, claims=(copied, lone))
    if fmt == "json":
        data = reports_to_json([report])
        validate_report_json(data)
        out = data["stories"][0]
        assert [c.get("repeated_from") for c in out["claims"]] == ["Outlet <A>", None]
        assert out["counts"]["single_source"] == 2 and out["counts"]["single_source_shared"] == 1
        return
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    shared_at = text.index("One original, shared by several outlets")
    lone_at = text.index("Reported by one outlet only")
    assert shared_at < text.index("Officials met at noon.", shared_at) < lone_at
    assert "one original report (Outlet" in text[shared_at:lone_at] and "shared by 2 outlets" in text[shared_at:lone_at]
    assert "Officials met at noon." not in text[lone_at:text.index("Who said what")]
    assert "2 single-source (1 of them one original shared by several outlets)" in text


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_header_counts_disputed_points_as_the_section_lists_them(story, fmt):
    """Two claims touch the one dispute: the header says 1 disputed point, as the section lists."""
    report, articles = story
    claims = tuple(dataclasses.replace(c, status="disputed") for c in report.claims)
    report = dataclasses.replace(report, claims=claims)
    if fmt == "json":
        counts = reports_to_json([report])["stories"][0]["counts"]
        assert (counts["disputes"], counts["disputed_claims"]) == (1, 2)
        return
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    assert "1 disputed point" in text and "disputed points" not in text.split("Sources")[0]
    assert "Disputed points (1)" in text
    assert "2 disputed" not in text


def _with_disputed_claims(report):
    """Claim c3 aligns the two sentences that give the two versions; c4 is flagged disputed but
    gives no version of the listed point (flagged by other means)."""
    short, long = (v.evidence[0] for v in report.disputes[0].versions)
    both = dataclasses.replace(make_claim("c3", "disputed", [short, long]), text="The talks lasted less than an hour.")
    noon = next(c for c in report.claims if c.id == "c1")
    flagged = dataclasses.replace(noon, id="c4", status="disputed")
    return dataclasses.replace(report, claims=(*report.claims, both, flagged)), short, long


def _disputed_section(text: str, end_marker: str) -> str:
    start = text.index("Disputed points (1)")
    return text[start:text.index(end_marker, start)]


def test_markdown_lists_disputed_claims_under_their_point_with_each_outlets_version(story):
    report, _ = story
    report, short, long = _with_disputed_claims(report)
    text = render_markdown([report])
    section = _disputed_section(text, "### Corroborated")
    assert "Disputed facts on this point (1)" in section
    assert "The talks lasted less than an hour. (`c3`)" in section
    notes = dict(re.findall(r"^\[\^(\d+)\]: (.*)$", text, re.M))
    found = re.findall(r"^  - (.+?) gives “([^”]+)” \[\^(\d+)\]$", section, re.M)
    sides = {outlet: (value, note) for outlet, value, note in found}
    assert set(sides) == {"Outlet &lt;A&gt;", "Outlet B"}
    for outlet, evidence, value in (("Outlet &lt;A&gt;", short, "less than an hour"), ("Outlet B", long, "three and a half hours")):
        given, note = sides[outlet]
        assert given == value
        # The footnote is the provenance: article id and the sentence's span.
        assert f"article `{evidence.article_id[:12]}` chars {evidence.start}–{evidence.end}" in notes[note]
    # A disputed claim no point reaches is still listed in the section.
    assert "Other disputed facts (1)" in section and "(`c4`)" in section


def test_html_lists_disputed_claims_under_their_point_with_each_outlets_version(story):
    report, articles = story
    report, short, long = _with_disputed_claims(report)
    text = render_html([report], articles)
    section = _disputed_section(text, "-timeline\">Timeline")
    assert "Disputed facts on this point (1)" in section and "(c3)" in section
    for evidence, value in ((short, "less than an hour"), (long, "three and a half hours")):
        assert f"gives “{value}”" in section
        assert f'href="#ev-{evidence.article_id[:16]}-{evidence.start}-{evidence.end}"' in section
        assert f"article {evidence.article_id[:12]}, chars {evidence.start}–{evidence.end}" in section
        assert f'id="ev-{evidence.article_id[:16]}-{evidence.start}-{evidence.end}"' in text  # the anchor exists
    assert "Other disputed facts (1)" in section and "(c4)" in section


def test_json_disputes_name_the_disputed_claims_they_reach(story):
    report, _ = story
    report, _, _ = _with_disputed_claims(report)
    data = reports_to_json([report])
    validate_report_json(data)
    out = data["stories"][0]
    assert out["disputes"][0]["claims"] == ["c3"]
    assert out["counts"]["disputed_claims"] == 2


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_every_disputed_claim_is_reachable_from_the_disputed_points_section(story, fmt):
    report, articles = story
    report, _, _ = _with_disputed_claims(report)
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    section = _disputed_section(text, "### Corroborated" if fmt == "md" else "-timeline\">Timeline")
    disputed = [c for c in report.claims if c.status == "disputed"]
    assert len(disputed) == 2
    for claim in disputed:
        assert (f"(`{claim.id}`)" if fmt == "md" else f"({claim.id})") in section


def test_markdown_who_said_what_cuts_no_speaker_off(story):
    report, _ = story
    first = report.quotes[0]
    many = tuple(dataclasses.replace(first, speaker="Anna Berg", text=f"Statement {n}.") for n in range(45))
    late = dataclasses.replace(first, speaker="Zoe Marr", text="The pier stays shut.")
    outlet = dataclasses.replace(first, speaker="Harbour News", text="The pier reopened.", speaker_kind="outlet")
    text = render_markdown([dataclasses.replace(report, quotes=(*many, late, outlet))])
    section = text[text.index("### Who said what"):text.index("### Timeline")]
    assert "**Zoe Marr**" in section and "reported by **Harbour News**" in section
    assert section.count("**Anna Berg**") == 38
    assert "… and 7 more" in section


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_corroborated_fact_lists_the_story_outlets_and_apart_whom_they_cite(story, fmt):
    report, articles = story
    a, b = (ArticleAnalysis(article=articles[i]) for i in ("aaaa1111", "bbbb2222"))
    claim = make_claim("c5", "corroborated", [evidence_for(a, "Officials met at noon."), evidence_for(b, "Officials met at noon.")])
    # Outlet <B> gave it "according to" two outlets that are not in the story.
    claim = dataclasses.replace(claim, citing=(records.Attribution("Outlet B", ("Coast Wire", "Harbor Radio")),))
    report = dataclasses.replace(report, claims=(claim,))
    if fmt == "json":
        data = reports_to_json([report])
        validate_report_json(data)
        assert data["stories"][0]["claims"][0]["citing"] == [{"outlet": "Outlet B", "cites": ["Coast Wire", "Harbor Radio"]}]
        return
    text = render_markdown([report]) if fmt == "md" else render_html([report], articles)
    corroborated = text[text.index("Corroborated"):text.index("Reported by one outlet only")]
    assert "Outlet B (citing Coast Wire, Harbor Radio)" in corroborated


def _with_speaker_dispute(report):
    """The story's noon claim as a quotation that Outlet <A> gives to one person, Outlet B to another."""
    said_a, said_b = report.claims[0].evidence
    dispute = Dispute(
        what="speaker of the quotation “Officials met at noon”", kind="speaker",
        versions=(DisputeVersion("Ilse Marend", "Ilse Marend", ("Outlet <A>",), (said_a,)),
                  DisputeVersion("Pavel Ostrik", "Pavel Ostrik", ("Outlet B",), (said_b,))),
        explanation="Outlets disagree on who said “Officials met at noon”: Outlet <A> gives it to Ilse Marend; "
                    "Outlet B gives it to Pavel Ostrik.",
    )
    disputed = dataclasses.replace(report.claims[0], id="q1", status="disputed")
    return dataclasses.replace(report, disputes=(dispute,), claims=(disputed, *report.claims[1:])), said_a, said_b


def test_a_speaker_dispute_renders_in_every_format_with_each_outlets_speaker(story):
    report, articles = story
    report, said_a, said_b = _with_speaker_dispute(report)
    data = reports_to_json([report])
    validate_report_json(data)
    [point] = data["stories"][0]["disputes"]
    assert point["kind"] == "speaker" and point["claims"] == ["q1"]
    assert [(v["value"], v["sources"]) for v in point["versions"]] == [("Ilse Marend", ["Outlet <A>"]),
                                                                       ("Pavel Ostrik", ["Outlet B"])]
    text = render_markdown([report])
    section = _disputed_section(text, "### Corroborated")
    assert "**speaker of the quotation “Officials met at noon”** (speaker)" in section
    assert "| Ilse Marend | Ilse Marend | Outlet &lt;A&gt; |" in section
    # Each outlet's sentence says whom it gives the words to, not that it "gives" a name.
    assert re.search(r"^  - Outlet B gives the words to Pavel Ostrik \[\^\d+\]$", section, re.M)
    page = render_html([report], articles)
    section = _disputed_section(page, "-timeline\">Timeline")
    assert "speaker of the quotation “Officials met at noon”" in section
    assert "<b>Outlet &lt;A&gt;</b> gives the words to Ilse Marend" in section
    assert f'href="#ev-{said_b.article_id[:16]}-{said_b.start}-{said_b.end}"' in section


def _element_texts(page: str) -> dict[str, tuple[str, str]]:
    """Each id in a page: the tag of its element and the element's text."""
    import lxml.html

    return {el.get("id"): (el.tag, el.text_content()) for el in lxml.html.fromstring(page).iter() if el.get("id")}


def test_html_citation_leads_to_an_element_holding_exactly_the_cited_words(story):
    report, articles = story
    page = render_html([report], articles)
    elements = _element_texts(page)
    cited = [e for c in report.claims for e in c.evidence] + [e for b in report.brief for e in b.citations]
    cited += [e for q in report.quotes for e in q.evidence] + [e for d in report.disputes for v in d.versions for e in v.evidence]
    for evidence in cited:
        tag, text = elements[f"ev-{evidence.article_id[:16]}-{evidence.start}-{evidence.end}"]
        assert tag == "mark" and text == evidence.text  # not an empty anchor before it
    # :target styles the cited words apart from the other highlighted sentences.
    assert re.search(r"mark:target\s*\{[^}]*background:\s*#(?!fefcbf)", page)


def test_marks_nest_and_a_span_crossing_another_is_continued_without_its_id():
    from synopsis.report.html import mark_text

    text = "One two three. Four five six."
    spans = {(0, 14), (4, 7), (8, 19), (15, 29)}
    marked = str(mark_text(text, spans, "art"))
    elements = _element_texts(f"<div>{marked}</div>")
    assert elements["ev-art-0-14"] == ("mark", "One two three.")
    assert elements["ev-art-4-7"] == ("mark", "two")
    assert elements["ev-art-15-29"] == ("mark", "Four five six.")
    assert elements["ev-art-8-19"][1] == "three."  # closed where the sentence holding it ends...
    assert marked.count('<mark class="cont">') == 2 and "Four" in marked.split('<mark class="cont">')[-1]  # ...continued without its id
    assert re.sub(r"<[^>]+>", "", marked) == text


def test_html_has_a_table_of_contents_linking_every_section_heading(story):
    import lxml.html

    report, articles = story
    page = render_html([report], articles)
    tree = lxml.html.fromstring(page)
    headings = [h for h in tree.iter("h3")]
    assert headings and all(h.get("id") for h in headings)
    toc = [a.get("href")[1:] for nav in tree.iter("nav") if nav.get("class") == "toc" for a in nav.iter("a")]
    ids = {h.get("id") for h in headings}
    assert set(toc) <= ids and len(toc) >= 10


def _with_revised_figure(report):
    """The story's one point turned into a toll that rose, two at 09:10 then five at 20:30, with a
    claim whose two sentences give the two figures."""
    early, late = (v.evidence[0] for v in report.disputes[0].versions)
    rise = Dispute(
        what="number of people killed", kind="count", rose=True,
        versions=(
            DisputeVersion("two", "2", ("Outlet <A>",), (early,), note="earlier report (published 2026-05-14T09:10+02:00); later reports differ",
                           reported=("2026-05-14T09:10+02:00",)),
            DisputeVersion("five", "5", ("Outlet B",), (late,), note="latest figure (published 2026-05-14T20:30+02:00)",
                           reported=("2026-05-14T20:30+02:00",)),
        ),
        explanation="The number of people killed rose over the day: two (Outlet <A>, 09:10) → five (Outlet B, 20:30).",
    )
    both = dataclasses.replace(make_claim("c3", "disputed", [early, late]), text="Two people were killed.")
    return dataclasses.replace(report, disputes=(), revised_figures=(rise,), claims=(*report.claims, both))


def test_markdown_lists_a_count_that_rose_as_revised_figures_not_disputed_points(story):
    """QA derail: 2, 3, 4, 5 dead over the day were counted among the disputed points."""
    report, _ = story
    text = render_markdown([_with_revised_figure(report)])
    assert "· 0 disputed points · 1 revised figure\n" in text
    assert "### Disputed points (0)" in text and "Counts that rose from report to report are under Revised figures." in text
    section = text[text.index("### Revised figures (1)"):text.index("### Corroborated")]
    assert "the last is the latest" in section
    # Each figure in the order first reported, with who gave it and when; the latest marked.
    rows = re.findall(r"^\| (two|five) \| \d \| (.+?) \| .+? \| (.+?) \|$", section, re.M)
    assert [(value, who) for value, who, _ in rows] == [("two", "Outlet &lt;A&gt; (09:10)"), ("five", "Outlet B (20:30)")]
    assert rows[1][2].startswith("latest figure")
    assert "Facts these figures are given in (1)" in section and "(`c3`)" in section
    assert "Other disputed facts" not in text  # c3 is reached, from the revised figure


def test_html_lists_a_count_that_rose_as_revised_figures_linked_from_the_contents(story):
    import lxml.html

    report, articles = story
    report = _with_revised_figure(report)
    page = render_html([report], articles)
    tree = lxml.html.fromstring(page)
    heading = tree.get_element_by_id("s123-revised")
    assert heading.text_content() == "Revised figures (1)"
    assert "#s123-revised" in [a.get("href") for nav in tree.iter("nav") for a in nav.iter("a")]
    assert "Disputed points (0)" in page and "1 revised figure" in page
    versions = tree.find_class("revision")[0].find_class("version")
    assert [v.find_class("value")[0].text_content() for v in versions] == ["two", "five"]
    assert "Outlet <A> (09:10)" in versions[0].text_content() and "latest" in versions[1].get("class")
    assert "Other disputed facts" not in page


def test_json_lists_a_count_that_rose_under_revised_figures_and_the_schema_types_it(story):
    """Version 2 of the report schema: a rise is under revised_figures, not disputes."""
    import jsonschema

    report, _ = story
    data = reports_to_json([_with_revised_figure(report)])
    validate_report_json(data)
    out = data["stories"][0]
    assert out["disputes"] == [] and (out["counts"]["disputes"], out["counts"]["revised_figures"]) == (0, 1)
    [rise] = out["revised_figures"]
    assert rise["rose"] is True and rise["claims"] == ["c3"]
    assert [(v["value"], v["reported"]) for v in rise["versions"]] == [("two", ["2026-05-14T09:10+02:00"]),
                                                                        ("five", ["2026-05-14T20:30+02:00"])]
    assert reports_to_json([report])["stories"][0]["disputes"][0]["rose"] is False
    rise["rose"] = "yes"
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)
    del out["revised_figures"]
    with pytest.raises(jsonschema.ValidationError):
        validate_report_json(data)
