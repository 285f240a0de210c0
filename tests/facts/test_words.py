"""Content words: the one pattern, stop list and stemmer passages are compared by."""

import pytest

from synopsis.facts.words import content_stems, content_words, stem


@pytest.mark.parametrize("text, expected", [
    # Function words and reporting verbs go, whatever the caller: these were in the stop list of
    # the statement comparison ("there", "then", "him", "must") or of the support check.
    ("Officials said there would then be talks with him that must start.", {"officials", "talks", "start"}),
    ("About two sides, according to those told, approximately agreed.", {"agreed"}),
    # Words of three letters or more only; digits are no words; letters beyond ASCII are.
    ("The UN and EU sent 40 envoys to Erdoğan's palace.", {"sent", "envoys", "erdoğan", "palace"}),
    # A hyphen or an apostrophe ends a word: "Russia's" is Russia.
    ("A cease-fire in Russia's south.", {"cease", "fire", "russia", "south"}),
])
def test_content_words_leave_out_function_words(text, expected):
    assert content_words(text) == expected


def test_stemmed_content_words_match_inflections():
    assert content_words("Prisoners were listed", stemmed=True) == {"prisoner", "list"}
    assert content_stems("the talks") == content_stems("a talk") == {"talk"}


@pytest.mark.parametrize("word, expected", [
    ("listed", "list"), ("talking", "talk"), ("talks", "talk"), ("buses", "bus"),
    # Too short a remainder keeps the word whole.
    ("bed", "bed"), ("gas", "gas"),
])
def test_stem_cuts_one_suffix(word, expected):
    assert stem(word) == expected
