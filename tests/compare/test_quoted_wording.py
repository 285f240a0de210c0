"""A source sentence as a reader can take it out of its article (our own sentences, hand-built quotes)."""

from __future__ import annotations

import pytest

from synopsis.compare.quoted_wording import balanced, spoken_wording
from synopsis.records import ArticleAnalysis, Evidence, Quote
from tests.factories import make_article

TEXT = ("Harbour master Ilse Marend spoke at the quay. “The pier is gone. Repairs will take weeks. "
        "Nobody boards before May,” she said. She thanked the divers. "
        'Officials said the pier was "beyond repair" after the storm.')
CONTENT = "The pier is gone. Repairs will take weeks. Nobody boards before May,"


def analysis(entity: str | None = "Ilse Marend") -> ArticleAnalysis:
    low = TEXT.index(CONTENT)
    she = TEXT.index("she said")
    phrase = TEXT.index("beyond repair")
    officials = TEXT.index("Officials")
    quotes = (
        Quote("direct", CONTENT, low, low + len(CONTENT), "she", she, she + 3, "said", she + 4, she + 8,
              low - 1, she + 8, speaker_entity=entity),
        Quote("direct", "beyond repair", phrase, phrase + 13, "Officials", officials, officials + 9, "said",
              officials + 10, officials + 14, officials, phrase + 14, speaker_entity="Officials"),
    )
    return ArticleAnalysis(article=make_article("a", "Paper A", TEXT), quotes=quotes)


def span(text: str) -> Evidence:
    start = TEXT.index(text)
    return Evidence("a", "Paper A", start, start + len(text), text)


@pytest.mark.parametrize("sentence, shown", [
    # The first sentence of a longer quotation: closed, and whose it is.
    # (Every word added is bracketed: the reader tells the source's words from the report's.)
    ("“The pier is gone.", "[Ilse Marend said:] “The pier is gone.”"),
    # A sentence from its middle: both marks, and whose it is.
    ("Repairs will take weeks.", "[Ilse Marend said:] “Repairs will take weeks.”"),
    # The last one names its speaker by a pronoun: opened, and the pronoun named.
    ("Nobody boards before May,” she said.", "“Nobody boards before May,” [Ilse Marend] said."),
    # Not speech: a pronoun that speaks for no quotation is left as written.
    ("She thanked the divers.", "She thanked the divers."),
    # The outlet's own sentence carrying a quoted phrase, marks balanced: as written.
    ('Officials said the pier was "beyond repair" after the storm.',
     'Officials said the pier was "beyond repair" after the storm.'),
])
def test_a_sentence_is_shown_with_its_speaker_named_and_its_marks_closed(sentence, shown):
    assert spoken_wording(span(sentence), analysis()) == shown


def test_the_speaker_is_named_as_the_story_knows_the_person():
    assert spoken_wording(span("Repairs will take weeks."), analysis("Marend"),
                          {"Marend": "Ilse Marend"}.get) == "[Ilse Marend said:] “Repairs will take weeks.”"


def test_a_quotation_whose_speaker_nothing_names_cannot_be_shown():
    assert spoken_wording(span("Nobody boards before May,” she said."), analysis(None)) is None
    assert spoken_wording(span("Repairs will take weeks."), analysis(None)) is None


def test_a_pronoun_speaker_the_sentence_has_named_already_stays():
    text = "Mayor Pavel Ostrik announced that he would rebuild the pier."
    he = text.index("he would")
    quote = Quote("indirect", "would rebuild the pier", he + 3, len(text) - 1, "he", he, he + 2, "announced",
                  text.index("announced"), text.index("announced") + 9, 0, len(text) - 1, speaker_entity="Pavel Ostrik")
    said = ArticleAnalysis(article=make_article("b", "Paper B", text), quotes=(quote,))
    assert spoken_wording(Evidence("b", "Paper B", 0, len(text), text), said) == text


@pytest.mark.parametrize("text, shown", [
    # A quotation inside a paraphrase, cut before its closing mark: closed.
    ('Ostrik had "run the harbour as his own yard', 'Ostrik had "run the harbour as his own yard"'),
    # The first sentence of a longer quotation: closed in its own style.
    ("“The pier is gone.", "“The pier is gone.”"),
    # The last sentence of one: opened.
    ("Nobody boards before May,” she said.", "“Nobody boards before May,” she said."),
    # Balanced already: as written.
    ('Officials said the pier was "beyond repair".', 'Officials said the pier was "beyond repair".'),
])
def test_a_span_cut_inside_a_quotation_is_shown_with_its_marks_balanced(text, shown):
    assert balanced(text) == shown
