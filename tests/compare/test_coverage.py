from collections import Counter

from synopsis.compare.coverage import describe_coverage, distinctive_terms
from synopsis.records import Alias, ArticleAnalysis, StoryEntity
from tests.factories import evidence_for, make_article, make_claim, removed

A = "Forces shelled Kiev overnight. The regime claims victory. The regime lies. Donate today to support us."
B = "Forces shelled Kyiv overnight. Residents sheltered in the metro."
C = "Forces shelled Kyiv overnight, officials said. Residents sheltered in the metro stations."


def story():
    a = ArticleAnalysis(
        article=make_article("a", "Outlet A", A, removed=(removed("Donate today to support us.", "donation appeal"),))
    )
    b = ArticleAnalysis(article=make_article("b", "Outlet B", B))
    c = ArticleAnalysis(article=make_article("c", "Outlet C", C))
    shelling = make_claim(
        "c1", "corroborated", [evidence_for(a, "Forces shelled Kiev overnight."), evidence_for(b, "Forces shelled Kyiv overnight.")]
    )
    metro = make_claim(
        "c2",
        "corroborated",
        [evidence_for(b, "Residents sheltered in the metro."), evidence_for(c, "Residents sheltered in the metro stations.")],
    )
    city = StoryEntity(
        name="Kyiv",
        type="GPE",
        aliases=(Alias("Kyiv", ("Outlet B", "Outlet C"), 2), Alias("Kiev", ("Outlet A",), 1)),
    )
    return [a, b, c], [shelling, metro], [city]


def test_omits_lists_corroborated_facts_the_outlet_leaves_out():
    analyses, claims, entities = story()
    coverage = {c.outlet: c for c in describe_coverage(analyses, claims, entities)}
    assert coverage["Outlet A"].omits == ("c2",)
    assert coverage["Outlet B"].omits == ()
    assert coverage["Outlet C"].omits == ("c1",)


def test_spelling_choice_is_reported_as_a_word_choice():
    analyses, claims, entities = story()
    coverage = {c.outlet: c for c in describe_coverage(analyses, claims, entities)}
    assert "Kiev (others: Kyiv)" in coverage["Outlet A"].terms
    assert not any(t.startswith("Kyiv") for t in coverage["Outlet B"].terms)


def test_appeals_are_kept_apart_as_non_reporting():
    analyses, claims, entities = story()
    coverage = {c.outlet: c for c in describe_coverage(analyses, claims, entities)}
    assert [p.reason for p in coverage["Outlet A"].non_reporting] == ["donation appeal"]
    assert coverage["Outlet B"].non_reporting == ()


def test_distinctive_terms_find_words_one_outlet_overuses():
    target = Counter({"regime": 20, "forces": 10, "city": 12})
    rest = Counter({"government": 20, "forces": 12, "city": 14})
    terms = distinctive_terms(target, rest, target + rest)
    assert terms[0] == "regime"
    assert "city" not in terms and "forces" not in terms
