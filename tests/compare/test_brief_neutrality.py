"""The brief's wording of a fact: plain rather than loaded, each clause set off by commas checked on
its own, cut before a clause no other report gives, and naming whom its "he" or "she" stands for."""

import pytest

from synopsis.compare.brief import write_brief
from synopsis.compare.sentence_parts import content_parts
from synopsis.compare.pronoun_antecedents import dangling_pronoun
from synopsis.compare.relative_clauses import set_off_clauses
from synopsis.compare.word_choices import loaded_words
from synopsis.records import ArticleAnalysis
from tests.factories import evidence_for, make_article, make_claim


def _reports(nlp, texts):
    """One analysed article per text, from outlets A, B, C, ... in order (no outlet kind known)."""
    from synopsis.extract.pipeline import analyze_articles

    articles = [make_article(chr(ord("a") + i), f"Outlet {chr(ord('A') + i)}", text, published="2026-03-02")
                for i, text in enumerate(texts)]
    return list(analyze_articles(articles, nlp))


def _fact(analyses):
    return make_claim("fact", "corroborated", [evidence_for(x, x.article.text) for x in analyses])


@pytest.mark.parametrize(("text", "clauses"), [
    ("The ferry sank on Monday, the worst accident on the lake in a decade.", ["the worst accident on the lake in a decade"]),
    ("Harbour master Olle Dahl, who has warned about the ferry for years, ordered an inquiry.",
     ["who has warned about the ferry for years"]),
    ("The captain, rescued from the water after an hour, was taken to hospital.", ["rescued from the water after an hour"]),
    ("The ferry sank on Monday, officials said.", []),
    ("The ferry sank near the harbour on Monday.", []),
])
def test_clauses_set_off_by_commas_are_found_from_the_parse(text, clauses):
    assert [text[low:high] for low, high in set_off_clauses(text)] == clauses


def test_a_clause_set_off_at_the_end_of_a_sentence_is_a_part_of_its_own():
    text = "The ferry sank on Monday, the worst accident on the lake in a decade."
    a = ArticleAnalysis(article=make_article("a", "Paper A", "Before. " + text))
    assert [p.text for p in content_parts(evidence_for(a, text))] == [
        "The ferry sank on Monday", "the worst accident on the lake in a decade."]


def test_a_clause_inside_the_sentence_that_one_outlet_adds_loses_to_a_wording_without_it(nlp):
    texts = ["Harbour master Olle Dahl, who has campaigned against the ferry company for years, ordered an inquiry "
             "into the sinking of the Vega on Monday.",
             "Harbour master Olle Dahl ordered an inquiry into the sinking of the Vega on Monday.",
             "An inquiry into the sinking of the Vega was ordered on Monday by harbour master Olle Dahl."]
    analyses = _reports(nlp, texts)
    [sentence] = write_brief(analyses, [_fact(analyses)])
    assert "campaigned" not in sentence.text
    assert sentence.text in texts[1:]


@pytest.mark.parametrize(("text", "loaded"), [
    ("The council took a bold and wise step, cutting fares by half.", ["bold", "wise"]),
    ("The coming weeks may prove decisive for the talks.", []),
    ("The shares plummeted 4 per cent.", ["plunged"]),
    ("Critics called the plan a reckless gamble with savings.", ["reckless", "gamble"]),
    ("The council cut fares by half.", []),
    ("The shares fell 4 per cent.", []),
])
def test_loaded_words_are_the_families_loaded_variants(text, loaded):
    assert loaded_words(text) == loaded


def test_the_brief_shows_the_plain_wording_of_a_fact_when_no_outlet_kind_is_known(nlp):
    # The loaded wording is nearer the length the brief prefers: only its words rank it last.
    texts = ["The Velm city council took a bold and decisive step on Monday, cutting the price of a ferry ticket "
             "by half for all residents.",
             "The Velm city council cut the price of a ferry ticket by half on Monday."]
    analyses = _reports(nlp, texts)
    [sentence] = write_brief(analyses, [_fact(analyses)])
    assert sentence.text == texts[1]
    assert [c.outlet for c in sentence.citations] == ["Outlet B", "Outlet A"]


@pytest.mark.parametrize(("text", "pronoun"), [
    ("Judges in Velm sentenced her to six years in prison.", "her"),
    ("Officials said he would not attend the talks.", "he"),
    ("The minister said she would resign on Friday.", None),
    ("Anna Berg said her lawyers would appeal.", None),
    ("The ferry sank near the harbour on Monday.", None),
])
def test_a_person_pronoun_needs_someone_named_before_it(text, pronoun):
    assert dangling_pronoun(text) == pronoun


def test_a_wording_whose_her_stands_for_no_one_named_is_not_shown(nlp):
    texts = ["Judges in Velm sentenced her to six years in prison on Monday for spying.",
             "Journalist Anna Berg was sentenced to six years in prison on Monday for spying.",
             "Anna Berg was sentenced to six years in prison for spying on Monday."]
    analyses = _reports(nlp, texts)
    [sentence] = write_brief(analyses, [_fact(analyses)])
    assert sentence.text in texts[1:]


def test_a_fact_each_outlet_tells_with_an_addition_of_its_own_is_stated_without_the_additions(nlp):
    # No wording is supported whole (each adds a figure or a clause no other report gives), yet
    # both open with the same account of the event: the brief states that, not nothing.
    texts = ["Karst and Velm exchanged ten prisoners at Orra airport on Friday, freeing the reporter Ida Holm "
             "after 300 days in a Karst jail.",
             "Karst and Velm exchanged ten prisoners at Orra airport on Friday, the third such swap between "
             "the two countries since the border war ended."]
    analyses = _reports(nlp, texts)
    [sentence] = write_brief(analyses, [_fact(analyses)])
    assert sentence.text == "Karst and Velm exchanged ten prisoners at Orra airport on Friday."
    assert {c.outlet for c in sentence.citations} == {"Outlet A", "Outlet B"}
    assert "300 days" not in sentence.text and "third" not in sentence.text
