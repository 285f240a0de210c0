"""The attribute ruler's lookup matching gives exactly the annotations of spaCy's own Matcher."""

from __future__ import annotations

import pytest
import spacy

from synopsis.extract.attribute_lookup import AttributeLookup, use_attribute_lookup
from synopsis.extract.nlp import MODEL_PACKAGE
from synopsis.extract.sentence_starts import use_sentence_starts

# Sentences that reach the model's special rules: contractions, colloquial
# pairs, pronoun objects, expletive "there", auxiliaries, whitespace tokens.
SPECIAL_CASES = """\
We're gonna win, y'all, and ain't nobody stopping us; let's go, c'mon.
There is nothin' left, she said.  He gave it to me and I saw you.
They don't know whether it'll rain, but we've got to leave while it's dry.
That   one, not this one!\tThe talks, which had stalled, did resume in Istanbul.
Did he say that? She has had enough of it; it was her who had been asked.
"""


def annotations(doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_) for t in doc]


@pytest.fixture(scope="module")
def stock():
    """The pipeline exactly as spaCy loads it, without the lookup (with the same rule on where
    sentences may start, which the parse depends on and the lookup does not)."""
    pipeline = spacy.load(MODEL_PACKAGE)
    use_sentence_starts(pipeline)
    return pipeline


def test_the_loaded_pipeline_uses_the_lookup(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    assert getattr(ruler.match, "__self__", None).__class__ is AttributeLookup
    assert getattr(ruler.set_annotations, "__self__", None).__class__ is AttributeLookup


def test_every_rule_of_the_model_is_answered_without_the_matcher(stock):
    lookup = AttributeLookup(stock.get_pipe("attribute_ruler"))
    assert len(lookup.others) == 0
    assert sum(len(rows) for table in lookup.tables.values() for rows in table.values()) > 150
    # The multi-token and pattern rules ("gon na", "^n[ou]thin'$", NOT_IN) are masked.
    assert len(lookup.masked) >= 5


def test_reference_corpus_is_annotated_exactly_as_by_spacy(nlp, stock, reference_corpus):
    texts = [path.read_text(encoding="utf-8") for path in sorted(reference_corpus.iterdir())]
    texts.append(SPECIAL_CASES)
    compared = 0
    for fast_doc, stock_doc in zip(nlp.pipe(texts), stock.pipe(texts)):
        assert annotations(fast_doc) == annotations(stock_doc)
        compared += len(fast_doc)
    assert compared > 5000


def test_special_rules_fire(nlp):
    doc = nlp("We're gonna win and there is nothin' left.")
    by_text = {t.text: t for t in doc}
    # "gon na": the colloquial pair's rule sets the lemma "go".
    assert by_text["gon"].lemma_ == "go"
    # "'re" after "We": the contraction rule gives AUX and lemma "be".
    assert (by_text["'re"].pos_, by_text["'re"].lemma_) == ("AUX", "be")


def test_unusual_rules_match_as_the_matcher_does():
    """Rules with operators, sets, exclusions and patterns, on a blank pipeline: same matches both ways."""
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"REGEX": "^b"}}]], {"NORM": "ab"}, index=-1)
    ruler.add([[{"LOWER": {"NOT_IN": ["the", "a"]}, "IS_SPACE": False}]], {"LEMMA": "other"})
    ruler.add([[{"ORTH": "x", "OP": "+"}]], {"LEMMA": "ex"})  # operator: left to the Matcher
    ruler.add([[{"IS_SPACE": True}]], {"LEMMA": "space"})
    ruler.add([[{"LOWER": "the"}], [{"LOWER": {"IN": ["the", "the"]}}]], {"LEMMA": "THE"})  # one match per token
    text = "The a bee an apple x x  the\tan bat"
    expected = ruler.match(nlp.make_doc(text))
    lookup = AttributeLookup(ruler)
    assert len(lookup.others) == 1 and len(lookup.masked) == 2
    assert lookup.match(nlp.make_doc(text)) == expected
    assert lookup.match(nlp.make_doc("")) == []


def test_annotations_are_written_as_the_ruler_writes_them():
    """Negative and positive token indices, overlapping rules (the later wins), one attribute
    or several, docs of 0, 1 and more tokens: the same annotations as spaCy's own writing."""

    def build(fast: bool):
        nlp = spacy.blank("en")
        ruler = nlp.add_pipe("attribute_ruler")
        ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}, {"LOWER": "city"}]], {"LEMMA": "NYC", "POS": "PROPN"}, index=-1)
        ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}, {"LOWER": "city"}]], {"LEMMA": "york"}, index=-2)
        ruler.add([[{"LOWER": "new"}, {"LOWER": "york"}]], {"POS": "ADJ", "MORPH": "Degree=Pos"}, index=0)
        ruler.add([[{"LOWER": "york"}]], {"LEMMA": "York!", "TAG": "NNP"})
        ruler.add([[{"LOWER": "city"}]], {"POS": "NOUN"})  # a later rule than the first: its POS wins
        if fast:
            use_attribute_lookup(nlp)
            assert getattr(ruler.set_annotations, "__self__", None).__class__ is AttributeLookup
        return nlp

    def written(doc):
        return [(t.text, t.lemma_, t.pos_, t.tag_, str(t.morph)) for t in doc]

    stock, fast = build(False), build(True)
    for text in ["", "york", "I love New York City and new york city", "new york"]:
        assert written(fast(text)) == written(stock(text))
    assert written(fast("New York City"))[1:] == [("York", "York!", "", "NNP", ""), ("City", "NYC", "NOUN", "", "")]


def test_use_attribute_lookup_leaves_a_pipeline_without_a_ruler_alone():
    nlp = spacy.blank("en")
    use_attribute_lookup(nlp)
    assert nlp.pipe_names == []
