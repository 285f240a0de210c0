"""Tests for the speed helpers: the cached Doc text, the memoised number parser, the embedder's session options."""

import pytest

from synopsis.extract import embed, quantities
from synopsis.extract.nlp import doc_text


@pytest.mark.parametrize(
    "text",
    [
        "The council met on Tuesday.  It voted 7 to 2.\n\nThe mayor said “no comment”.",
        "Line one\nline two  with double spaces ",
        "",
    ],
)
def test_doc_text_equals_doc_text_and_is_built_once(nlp, text):
    doc = nlp(text)
    first = doc_text(doc)
    assert first == doc.text == text
    # The second read returns the very same string object: nothing is joined again.
    assert doc_text(doc) is first


def test_extractors_read_the_article_text_itself_never_a_join_of_the_tokens(nlp):
    from spacy.tokens import Doc

    from synopsis.extract.pipeline import analyze_doc
    from tests.factories import make_article

    class DocThatCannotJoin(Doc):
        @property
        def text(self):
            raise AssertionError("Doc.text was joined")

    article = make_article("a1", "Outlet", 'The council voted 7 to 2 on Tuesday. "We lost," the mayor said.')
    parsed = nlp(article.text)
    doc = DocThatCannotJoin(nlp.vocab, words=[t.text for t in parsed], spaces=[bool(t.whitespace_) for t in parsed])
    for _, component in nlp.pipeline:
        doc = component(doc)
    analysis = analyze_doc(article, doc)
    assert doc_text(doc) is article.text
    assert [q.text for q in analysis.quantities] and [q.content for q in analysis.quotes]


def test_doc_text_is_per_doc(nlp):
    a, b = nlp("First text here."), nlp("Second, different text.")
    assert doc_text(a) == "First text here."
    assert doc_text(b) == "Second, different text."


@pytest.mark.parametrize(
    "words, expected",
    [
        ("three thousand", 3000),
        ("twelve hundred", 1200),
        ("forty", 40),
    ],
)
def test_memoised_number_parser_gives_number_parser_values(words, expected):
    assert quantities._parse_number(words) == expected
    assert quantities._parse_number(words) == expected  # served from the memo
    assert quantities._parse_number.cache_info().hits >= 1


def test_embedder_threads_do_not_spin():
    session = embed.Embedder.load().session
    options = session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"
    assert embed.BATCH_SIZE == 16
