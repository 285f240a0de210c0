"""build_article: validation, cleaning, ids, and the reference corpus end to end."""

from __future__ import annotations

import pytest

from synopsis.ingest.article import build_article, build_article_warned
from synopsis.ingest.readers import read_inputs
from synopsis.records import RawDocument, SynopsisError

PARA = (
    "Two ferries collided in thick fog near the pier on Monday, the harbour authority said, and nobody "
    "was hurt in the crash according to the coastguard, which sent two boats."
)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("   \n", "empty document"),
        ("Skip to main content\nShare\nTags\n", "no text left after cleaning"),
        (
            "Zwei Fähren sind am Montag im dichten Nebel in der Nähe des Piers zusammengestoßen, teilte die "
            "Hafenbehörde mit. Niemand wurde verletzt, sagte die Küstenwache.",
            "language looks like German, only English is handled",
        ),
        (
            # Finnish is not among the languages loaded: it is not named as the nearest one.
            "Kaksi lauttaa törmäsi sakeassa sumussa laiturin lähellä maanantaina, satamaviranomainen kertoi. "
            "Kukaan ei loukkaantunut, rannikkovartiosto sanoi tiistaina.",
            "language is not English, only English is handled",
        ),
        # QA21: a one-word upload was stored as an English article and made a story titled "short".
        ("short", "too short to be an article: 1 word (an article has at least 5)"),
        ("Title: Ferries collide in fog\nPublished: 2025-06-02\n\nUpdate at 14:00, 2025.", "too short to be an article: 2 words (an article has at least 5)"),
    ],
)
def test_bad_documents(content: str, reason: str) -> None:
    with pytest.raises(SynopsisError) as err:
        build_article(RawDocument(source="t.txt", content=content))
    assert str(err.value) == reason


@pytest.mark.parametrize("text", ["Police arrested two men Monday.", "The Dorvale bridge reopened on Friday after repairs."])
def test_a_one_sentence_news_flash_is_an_article(text: str) -> None:
    assert build_article(RawDocument(source="t.txt", content=text)).text == text


def test_same_content_same_id_and_id_is_of_clean_text() -> None:
    a = build_article(RawDocument(source="a.txt", content=f"Skip to main content\n{PARA}"))
    b = build_article(RawDocument(source="b.txt", content=PARA))
    assert a.id == b.id and len(a.id) == 16 and a.text == PARA
    assert a.removed[0].reason == "navigation"


def test_extracted_text_keeps_widgets_but_drops_title_and_metadata_lines() -> None:
    raw = RawDocument(source="p.html", content=f"Ferries collide\nPublished: March 4, 2024\nShare\n{PARA}", title="Ferries collide", is_extracted=True)
    article = build_article(raw)
    assert article.text == f"Share\n\n{PARA}"
    assert [r.reason for r in article.removed] == ["title", "metadata line"]


@pytest.fixture(scope="module")
def corpus(corpus_files):
    articles = {}
    for key, path in corpus_files.items():
        [raw] = list(read_inputs([str(path)]))
        articles[key] = build_article(raw)
    return articles


def test_corpus_every_article_has_an_outlet(corpus) -> None:
    assert all(a.outlet is not None and a.outlet.name for a in corpus.values())
    assert all(a.language == "en" for a in corpus.values())


def test_corpus_000_is_meduza(corpus) -> None:
    a = corpus["000"]
    assert a.outlet.name == "Meduza" and a.outlet.kind == "independent"
    assert "Donate" not in a.text and "Skip to main content" not in a.text
    assert "lasted less than an hour" in a.text


def test_corpus_001_is_an_aggregator(corpus) -> None:
    a = corpus["001"]
    assert a.outlet.kind == "aggregator" and a.outlet.name.startswith("unidentified aggregator (001_")
    assert {"Reuters", "Al Jazeera"} <= set(a.cites) and len(a.cites) >= 5


def test_corpus_002_is_a_turkish_encyclopedia_with_author(corpus) -> None:
    a = corpus["002"]
    assert a.outlet.kind == "encyclopedia" and a.outlet.country == "TR"
    assert a.author == "Edanur Karakoç"
    assert a.published.startswith("2025-05-13")


def test_corpus_003_is_tass_with_dateline(corpus) -> None:
    a = corpus["003"]
    assert a.outlet.name == "TASS" and a.outlet.kind == "state media"
    assert a.dateline.casefold() == "istanbul"
    assert a.published == "2025-07-24" and a.published_precision == "day"
    assert not a.text.startswith(("date", "ISTANBUL"))


def test_corpus_004_is_a_blog_rewriting_cnn(corpus) -> None:
    a = corpus["004"]
    assert a.outlet.kind == "blog"
    assert a.origin is not None and a.origin.name == "CNN"
    assert a.published.startswith("2025-07-23T16:50") and a.published.endswith("-08:00")
    assert "Source: CNN" not in a.text and "Explore More" not in a.text


def test_corpus_removed_offsets_point_into_raw(corpus, corpus_files) -> None:
    for key, article in corpus.items():
        raw = corpus_files[key].read_text(encoding="utf-8")
        for r in article.removed:
            assert raw[r.start : r.end] == r.text, (key, r)


def test_language_is_checked_from_the_fortieth_letter_on() -> None:
    from synopsis.ingest.article import MIN_LETTERS_FOR_LANGUAGE, has_letters

    assert MIN_LETTERS_FOR_LANGUAGE == 40
    assert has_letters("a1 " * 40, 40) and not has_letters("a1 " * 39, 40)
    assert not has_letters("1234 — 5678 " * 20, 1)
    # A short German line is let through unchecked, a longer German text is refused.
    short = RawDocument(source="kurz.txt", content="Die Gespräche gingen am Mittwoch weiter.")
    assert build_article(short).language == "en"
    long = RawDocument(source="lang.txt", content="Die Gespräche in Istanbul gingen am Mittwoch weiter, "
                       "sagte der Sprecher des Außenministeriums, und beide Seiten tauschten Gefangene aus.")
    with pytest.raises(SynopsisError, match="German"):
        build_article(long)


@pytest.mark.parametrize(
    "header",
    [
        "# Ferries collide in fog near the pier\nPublished: 2025-06-02\nSource: Deutsche Welle\n",
        "Published: 2025-06-02\nSource: Deutsche Welle\n# Ferries collide in fog near the pier\n",
    ],
)
def test_markdown_header_lines_are_read_like_in_text_files(tmp_path, header: str) -> None:
    """CommonMark joins consecutive lines into one paragraph; header lines stay lines of their own."""
    path = tmp_path / "a.md"
    path.write_text(f"{header}\n{PARA}\nIt was the *second* collision\nthis year.\n", encoding="utf-8")
    (raw,) = read_inputs([str(path)])
    assert "Published: 2025-06-02\n\nSource: Deutsche Welle\n\n" in raw.content
    article = build_article(raw)
    assert (article.published, article.published_precision) == ("2025-06-02", "day")
    assert article.outlet.name == "Deutsche Welle"
    assert article.title == "Ferries collide in fog near the pier"
    assert "2025" not in article.text and "Source" not in article.text
    assert article.text.endswith("It was the second collision this year.")  # wrapped prose is still joined


def test_a_labelled_title_is_stripped_from_title_and_text(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Ferries collide in fog near the pier\nPublished: 2025-06-02\n\n{PARA}\n", encoding="utf-8")
    (raw,) = read_inputs([str(path)])
    article = build_article(raw)
    assert (article.title, article.published, article.text) == ("Ferries collide in fog near the pier", "2025-06-02", PARA)


def test_header_lines_of_hard_wrapped_text_are_read(tmp_path) -> None:
    """Hard-wrapped text (e-mail, plain-text exports) joins lines into paragraphs, but not header lines."""
    wrapped = (
        "The harbour authority said on Monday that two ferries had collided in\n"
        "thick fog near the pier, and that nobody had been hurt in the crash,\n"
        "according to the coastguard, which sent two boats to the scene.\n\n"
        "Inspectors will examine the radar logs of both ferries this week, the\n"
        "authority added, and a report on the collision is expected before the\n"
        "end of the month, a spokeswoman for the harbour authority said.\n"
    )
    path = tmp_path / "a.txt"
    path.write_text(f"Title: Ferries collide in fog near the pier\nPublished: 2025-06-02\n\n{wrapped}", encoding="utf-8")
    (raw,) = read_inputs([str(path)])
    article = build_article(raw)
    assert (article.title, article.published) == ("Ferries collide in fog near the pier", "2025-06-02")
    assert article.text == wrapped.replace("\n\n", "\0").replace("\n", " ").strip().replace("\0", "\n\n")


@pytest.mark.parametrize("suffix", [".txt", ".md"])
def test_labelled_author_and_url_lines_are_read_not_dropped_as_headings(tmp_path, suffix: str) -> None:
    """"Author: Ana Ruiz" (no date) is the author and "URL: https://..." the article's address;
    both leave the text with their own reason, and the title is still the labelled one."""
    path = tmp_path / f"a{suffix}"
    path.write_text(
        "Title: Ferries collide in fog near the pier\nAuthor: Ana Ruiz\n"
        f"URL: https://www.dw.com/en/ferries/a-1\nPublished: 2025-06-02\n\n{PARA}\n",
        encoding="utf-8",
    )
    (raw,) = read_inputs([str(path)])
    article = build_article(raw)
    assert article.author == "Ana Ruiz"
    assert article.url == "https://www.dw.com/en/ferries/a-1"
    assert article.outlet.name == "Deutsche Welle"  # the labelled URL's domain names the outlet
    assert (article.title, article.published, article.text) == ("Ferries collide in fog near the pier", "2025-06-02", PARA)
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Author: Ana Ruiz"] == "author"
    assert reasons["URL: https://www.dw.com/en/ferries/a-1"] == "url"


def test_an_author_line_alone_is_neither_title_nor_heading(tmp_path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"Author: Ana Ruiz\n\n{PARA}\n", encoding="utf-8")
    (raw,) = read_inputs([str(path)])
    article = build_article(raw)
    assert (article.author, article.title, article.text) == ("Ana Ruiz", None, PARA)
    assert article.url is None and article.outlet.kind == "unknown"


@pytest.mark.parametrize("opening", ["QUETTA: ", "ISLAMABAD, July 23: ", "Published: 2025-07-24\n\nPESHAWAR: "])
def test_a_colon_dateline_is_cut_from_the_body_like_the_dash_ones(opening: str) -> None:
    """Left in, "QUETTA:" would open the story as a speaker's label or its first sentence's subject."""
    raw = opening + PARA
    article = build_article(RawDocument(source="t.txt", content=raw))
    assert article.text.startswith("Two ferries collided")
    (dateline,) = [r for r in article.removed if r.reason == "dateline"]
    assert dateline.text == opening.split("\n")[-1].strip() and raw[dateline.start : dateline.end] == dateline.text


def test_a_capitalised_label_that_names_no_town_stays_in_the_body() -> None:
    article = build_article(RawDocument(source="t.txt", content="UPDATE: " + PARA))
    assert article.text.startswith("UPDATE: Two ferries") and article.dateline is None


def test_an_article_carries_what_its_reader_and_its_metadata_left_out() -> None:
    raw = RawDocument(
        source="a.json#2", content=f"Published: 2026-13-45\n\n{PARA}", url="https://www.reuters.com/world/ferries",
        warnings=("'outlet' is a number (7), not text; ignored",),
    )
    article, warnings = build_article_warned(raw)
    assert article.outlet.name == "Reuters"  # from the address, as without the field
    assert article.published is None and "Published" not in article.text
    assert warnings == (
        "'outlet' is a number (7), not text; ignored",
        "publication date '2026-13-45' is not a valid date; ignored",
    )


def test_build_articles_reports_each_warning_with_its_item(registry) -> None:
    from synopsis.jobs import build_articles

    heard = []
    raws = [RawDocument(source="x.txt", content=f"Published: 2026-13-45\n\n{PARA}"), RawDocument(source="y.txt", content=PARA)]
    articles, errors = build_articles(raws, registry, workers=1, on_warning=lambda item, reason: heard.append((item, reason)))
    assert len(articles) == 2 and not errors
    assert heard == [("x.txt", "publication date '2026-13-45' is not a valid date; ignored")]


def test_one_article_with_a_long_or_short_title_has_one_id() -> None:
    """The title line is no part of the text, however long, so a re-ingest with a shorter
    title is the same article (the store keeps it once)."""
    headline = "Harbour authority closes the northern container terminal for the week after a crane collapses " * 3
    header = "Source: Harbour Weekly\nPublished: 2025-10-02\n\n"
    long_one = build_article(RawDocument(source="a.txt", content=f"Title: {headline.strip()}\n{header}{PARA}"))
    short_one = build_article(RawDocument(source="b.txt", content=f"Title: Crane collapse closes terminal\n{header}{PARA}"))
    assert long_one.text == short_one.text == PARA
    assert long_one.id == short_one.id
    assert (long_one.outlet.name, long_one.published) == ("Harbour Weekly", "2025-10-02")


def test_the_publishing_outlets_talk_of_itself_is_cut_by_its_registered_name(registry) -> None:
    promise = "Reuters will publish a full list of the victims later this week."
    raw = RawDocument(source="a.txt", content=f"{PARA}\n\n{promise}", url="https://www.reuters.com/world/ferries")
    article = build_article(raw, registry)
    assert article.outlet.name == "Reuters" and promise not in article.text and PARA in article.text
    assert [r.reason for r in article.removed] == ["self-promotion"]
