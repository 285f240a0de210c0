"""The parser splits sentences only where punctuation or a line break stands."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        # QA pass 21: an outlet's name opening a paragraph was cut after its first word
        (
            "Harlow dug their heels in for weeks.\n\nBack Page Daily understands Verlin will earn more.",
            ["Harlow dug their heels in for weeks.", "Back Page Daily understands Verlin will earn more."],
        ),
        # a full stop inside a token still ends a sentence
        ("The talks were held in the U.S. The next round is in May.", ["The talks were held in the U.S.", "The next round is in May."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
    ],
)
def test_sentences_end_only_at_punctuation_or_a_line_break(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences
