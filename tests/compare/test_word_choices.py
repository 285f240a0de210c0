"""Word choices in coverage: contested words an outlet uses and others avoid, loaded words, and
the distinctive words one outlet overuses (``compare.coverage``, ``compare.word_choices``)."""

from collections import Counter

from synopsis.compare.coverage import describe_coverage, distinctive_terms
from synopsis.records import Alias, ArticleAnalysis, StoryEntity
from tests.factories import make_article


def test_distinctive_terms_find_words_one_outlet_overuses():
    target = Counter({"regime": 20, "forces": 10, "city": 12})
    rest = Counter({"government": 20, "forces": 12, "city": 14})
    terms = distinctive_terms(target, rest, target + rest)
    assert terms[0] == "regime"
    assert "city" not in terms and "forces" not in terms


def test_word_choices_name_the_contested_words_an_outlet_uses_and_others_avoid():
    texts = {
        "Gate": "Security forces ended riots by small groups of saboteurs. The rioters damaged shops.",
        "Observer": "Hundreds protested against the price rise. Protesters chanted outside the syndicate.",
        "Ledger": "Hundreds of protesters rallied in two cities. The protests were peaceful.",
        "Levant": "Rights groups condemned the crackdown on the protests.",
    }
    analyses = [ArticleAnalysis(article=make_article(name.lower(), name, text)) for name, text in texts.items()]
    coverage = {c.outlet: c for c in describe_coverage(analyses, [])}
    assert coverage["Gate"].terms[:2] == ("riots (others: protests)", "saboteurs (others: protesters)")
    # "protests" is what most outlets write: the usual word is no choice.
    assert not any(t.startswith("protests") for t in coverage["Observer"].terms)
    # A word no other outlet has a rival for is no choice either ("crackdown" alone).
    assert not any(t.startswith("crackdown") for t in coverage["Levant"].terms)


def test_word_choices_match_whole_words_and_endings_only():
    from synopsis.compare.word_choices import load_word_families, variants_used

    families = load_word_families()
    assert variants_used("The rioters were dispersed.", families) == {"the street protests": {"riots"}}
    assert variants_used("Prices rose in March. The chariot was restored.", families) == {}
    assert variants_used("Moscow calls it a special military operation.", families)["the war"] == {"special military operation"}


def test_name_fragments_are_not_distinctive_words():
    target = Counter({"al": 30, "regime": 30, "said": 40})
    rest = Counter({"government": 200, "said": 200})
    assert distinctive_terms(target, rest, target + rest) == ["regime"]


def test_a_loaded_word_no_other_outlet_uses_is_a_choice_even_without_a_rival():
    texts = {
        "Press N": "Terrorists attacked the post. The regime's forces cracked down on the town.",
        "Wire C": "Gunfire was heard near the post. Residents fled.",
        "Daily F": "The post was attacked overnight, officials said.",
    }
    analyses = [ArticleAnalysis(article=make_article(name.lower(), name, text)) for name, text in texts.items()]
    terms = {c.outlet: c.terms for c in describe_coverage(analyses, [])}
    assert "terrorists (only this outlet)" in terms["Press N"] and "regime (only this outlet)" in terms["Press N"]
    # A neutral word nobody else uses is no choice ("crackdown" has no rival here and is not loaded).
    assert not any(t.startswith("crackdown") for t in terms["Press N"])


def test_a_loaded_word_is_shown_beside_the_plain_word_other_outlets_use_for_the_thing():
    texts = {
        "Herald": "The strongman of Nordia met the other leaders. The minister caved in to his demands "
                  "and will pay half. Nordia boasted that it had won.",
        "Wire": "President Ostrov of Nordia agreed to the plan and said Nordia would pay a third.",
        "Daily": "The president agreed to contribute, officials said.",
    }
    analyses = [ArticleAnalysis(article=make_article(name.lower(), name, text)) for name, text in texts.items()]
    terms = {c.outlet: c.terms for c in describe_coverage(analyses, [])}
    for choice in ("strongman (others: leader)", "caved in (others: agreed)", "boasted (others: said)"):
        assert choice in terms["Herald"]
    # The plain words are nobody's choice.
    assert not any(t.startswith(("leader", "agreed", "said", "pays")) for o in texts for t in terms[o])


def test_a_loaded_word_in_the_headline_is_the_outlets_and_one_in_a_quotation_the_speakers():
    herald = make_article("h", "Herald", '"He is a dictator," said an opposition leader. The minister will pay half.',
                          title="Minister bankrolls Nordia's river plan")
    wire = make_article("w", "Wire", "Nordia will contribute a third, the president said.")
    terms = {c.outlet: c.terms for c in describe_coverage([ArticleAnalysis(article=herald), ArticleAnalysis(article=wire)], [])}
    assert "bankrolls (others: pays)" in terms["Herald"]
    assert not any(t.startswith("strongman") for t in terms["Herald"])


def test_the_spelling_most_outlets_write_is_no_word_choice():
    from synopsis.compare.coverage import alias_choices

    person = StoryEntity(
        name="Ivan Sorokin",
        type="PERSON",
        aliases=(
            Alias("Ivan Sorokin", ("Outlet A", "Outlet B", "Outlet C", "Outlet D"), 6),
            Alias("Sorokin", ("Outlet A", "Outlet B", "Outlet C"), 5),
            Alias("Sorokine", ("Outlet D",), 1),
        ),
    )
    # "Sorokin" is what three outlets write; the one outlet writing "Sorokine" made the choice.
    assert alias_choices("Outlet B", [person]) == []
    assert alias_choices("Outlet D", [person]) == ["Sorokine (others: Sorokin)"]


def test_a_takeover_told_as_swallowing_is_a_loaded_word_beside_the_plain_one():
    texts = {
        "Trade Review": "Norlam has swallowed its smaller rival Castel in a 2 billion euro grab. The takeover gobbles "
                        "up Castel's best product.",
        "Wire": "Norlam agreed to buy Castel for 2 billion euros.",
        "Ledger": "Norlam said it would acquire Castel in an all-cash deal.",
    }
    analyses = [ArticleAnalysis(article=make_article(name.lower(), name, text)) for name, text in texts.items()]
    terms = {c.outlet: c.terms for c in describe_coverage(analyses, [])}
    assert "swallowed (others: acquired)" in terms["Trade Review"]
    # The plain words are nobody's choice; a sandwich grabbed at lunch is no takeover.
    assert not any(t.startswith("acquired") for o in texts for t in terms[o])
    from synopsis.compare.word_choices import load_word_families, variants_used
    assert "buying the company" not in variants_used("Staff grabbed a sandwich at lunch.", load_word_families())


def test_a_word_one_outlet_uses_many_times_and_no_other_uses_is_distinctive():
    """The distinctive words fire on a word one outlet of a news story keeps using and the others
    never do, though the prior is the story's own counts (the reason they seldom fire: a word must
    be used some nine times by one outlet of five, and by no other, in short reports)."""
    filler = "The council met on Monday and the mayor spoke about the budget and the roads."
    texts = {
        "Gazette": " ".join(["Gridlock again choked the city centre."] * 10 + [filler]),
        "Wire": " ".join(["Traffic was slow in the city centre."] * 10 + [filler]),
        "Ledger": " ".join(["Drivers waited at the junctions for hours."] * 10 + [filler]),
        "Radio": " ".join(["Buses ran late across the city centre."] * 10 + [filler]),
    }
    analyses = [ArticleAnalysis(article=make_article(name.lower(), name, text)) for name, text in texts.items()]
    terms = {c.outlet: c.terms for c in describe_coverage(analyses, [])}
    assert "gridlock" in terms["Gazette"]
    # A word every outlet uses as often is nobody's.
    assert not any("council" in t or "mayor" in t for o in texts for t in terms[o])
