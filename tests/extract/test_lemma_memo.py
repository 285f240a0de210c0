"""The remembered lemmatizer gives spaCy's lemmas (the whole-corpus comparison with the stock
pipeline is in test_attribute_lookup.py) and stays within its bound."""

from synopsis.extract import lemma_memo
from synopsis.extract.lemma_memo import LemmaMemo


def test_the_loaded_pipeline_remembers_lemmas(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer").lemmatize, LemmaMemo)


def test_same_word_gets_each_part_of_speech_its_own_lemma(nlp):
    # "saw" as a noun and as a verb, "meeting" as a noun and as a verb: keyed by the word alone,
    # the second reading would get the first one's lemma.
    doc = nlp("He saw the saw. The meeting was long, and they were meeting again.")
    lemmas = [(t.text, t.pos_, t.lemma_) for t in doc if t.text in {"saw", "meeting"}]
    assert ("saw", "VERB", "see") in lemmas and ("saw", "NOUN", "saw") in lemmas
    assert ("meeting", "NOUN", "meeting") in lemmas and ("meeting", "VERB", "meet") in lemmas


def test_same_noun_gets_each_number_its_own_lemma(nlp):
    # A singular noun is its own lemma; the plural goes through the rules. Keyed by
    # word and part of speech alone, whichever came first would decide both.
    assert [t.lemma_ for t in nlp("The data is clear.") if t.text == "data"] == ["data"]
    assert [t.lemma_ for t in nlp("These data are clear.") if t.text == "data"] == ["datum"]


def test_memo_stays_within_its_bound(nlp, monkeypatch):
    memo = nlp.get_pipe("lemmatizer").lemmatize
    text = "The delegations met in Istanbul and agreed to exchange more prisoners of war after the talks."
    expected = [t.lemma_ for t in nlp(text)]
    monkeypatch.setattr(lemma_memo, "MEMO_SIZE", 5)
    memo.memo.clear()
    assert [t.lemma_ for t in nlp(text)] == expected
    assert 0 < len(memo.memo) <= 5
