"""Disputes on names: offices and first names outlets give a person (hand-built analyses, fictional outlets)."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.records import Alias, ArticleAnalysis, Evidence, StoryEntity
from tests.compare.dispute_builders import MET, S, T, build


def person(aliases: dict[str, tuple[str, ...]], mentions: list[tuple[str, str]] = ()) -> StoryEntity:
    """A person flagged for different first names: full names with the outlets that write them, and
    (outlet, words) mentions."""
    return StoryEntity(
        name=next(iter(aliases)), type="PERSON",
        aliases=tuple(Alias(text, outlets, len(outlets)) for text, outlets in aliases.items()),
        findings=("outlets give different first names",),
        mentions=tuple(Evidence(f"id-{outlet}", outlet, 0, len(text), text) for outlet, text in mentions),
    )




def test_office_given_as_current_and_former() -> None:
    entity = StoryEntity(
        name="Ivan Petrenko", type="PERSON",
        aliases=(Alias("Ivan Petrenko", ("Alpha", "Bravo"), 2),),
        titles=(Alias("Defence Minister", ("Alpha",), 1), Alias("former Defence Minister", ("Bravo",), 1)),
        mentions=(Evidence("id-Alpha", "Alpha", 0, 30, "Defence Minister Ivan Petrenko"),
                  Evidence("id-Bravo", "Bravo", 0, 37, "former Defence Minister Ivan Petrenko")),
    )
    disputes = find_disputes([], [], entities=[entity])
    assert len(disputes) == 1
    dispute = disputes[0]
    assert dispute.kind == "title"
    current = next(v for v in dispute.versions if v.sources == ("Alpha",))
    assert current.note is not None and "stale" in current.note
    assert current.evidence and current.evidence[0].outlet == "Alpha"
    # A person's office takes no article: not "the Ivan Petrenko's office".
    assert dispute.explanation.startswith("Outlets disagree on Ivan Petrenko's office: ")


def test_a_former_office_stands_with_the_current_office_it_fits() -> None:
    """"former Defence Minister" contradicts "Defence Minister", not "Security Council Secretary":
    Bravo stands with the secretary's version, not as a version of its own."""
    def said(outlet: str, title: str) -> Evidence:
        text = f"{title} Ivan Petrenko"
        return Evidence(f"id-{outlet}", outlet, 0, len(text), text)

    entity = StoryEntity(
        name="Ivan Petrenko", type="PERSON",
        aliases=(Alias("Ivan Petrenko", ("Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"), 6),),
        titles=(Alias("Defence Minister", ("Alpha",), 1), Alias("former Defence Minister", ("Bravo",), 1),
                Alias("Security Council Secretary", ("Charlie", "Delta"), 2),
                # The post's word lost in extraction: still the council secretary's version.
                Alias("Security Council", ("Echo",), 1),
                # A function for the talks, not an office: no version of its own.
                Alias("chief negotiator", ("Foxtrot",), 1)),
        mentions=(said("Alpha", "Defence Minister"), said("Bravo", "former Defence Minister"),
                  said("Charlie", "Security Council Secretary"), said("Delta", "Security Council Secretary"),
                  said("Echo", "Security Council"), said("Foxtrot", "chief negotiator")),
    )
    [dispute] = find_disputes([], [], entities=[entity])
    assert dispute.kind == "title"
    by_sources = {frozenset(v.sources): v for v in dispute.versions}
    assert set(by_sources) == {frozenset({"Bravo", "Charlie", "Delta", "Echo"}), frozenset({"Alpha"})}
    secretary = by_sources[frozenset({"Bravo", "Charlie", "Delta", "Echo"})]
    assert {e.outlet for e in secretary.evidence} == {"Bravo", "Charlie", "Delta", "Echo"}
    alpha = by_sources[frozenset({"Alpha"})]
    assert alpha.note is not None and "stale" in alpha.note and "Bravo" in alpha.note
    assert [e.text for e in alpha.evidence] == ["Defence Minister Ivan Petrenko"]


def test_offices_an_outlet_gives_at_different_times_are_no_dispute() -> None:
    entity = StoryEntity(
        name="Ivan Petrenko", type="PERSON",
        aliases=(Alias("Ivan Petrenko", ("Alpha", "Bravo"), 2),),
        titles=(Alias("Defence Minister", ("Alpha", "Bravo"), 2), Alias("Security Council Secretary", ("Alpha",), 1)),
    )
    assert find_disputes([], [], entities=[entity]) == []


@pytest.mark.parametrize(
    ("first_names", "expected"),
    [(("Ivan", "Oleg"), 1), (("Dmitry", "Dmitri"), 0), (("I.", "Ivan"), 0)],
)
def test_first_names(first_names: tuple[str, str], expected: int) -> None:
    entity = StoryEntity(
        name=f"{first_names[1]} Petrenko", type="PERSON",
        aliases=(Alias(f"{first_names[0]} Petrenko", ("Alpha",), 1), Alias(f"{first_names[1]} Petrenko", ("Bravo",), 1)),
        findings=("outlets give different first names",),
    )
    disputes = find_disputes([], [], entities=[entity])
    assert len(disputes) == expected
    if expected:
        assert disputes[0].kind == "name"
        assert {s for v in disputes[0].versions for s in v.sources} == {"Alpha", "Bravo"}


@pytest.mark.parametrize(("written", "folded"), [("Küre", "Kure"), ("Zoë", "Zoe"), ("Volodymyr", "Vladimir"),
                                               ("Jelena", "Elena"), ("Yevhen", "Evgeny")])
def test_spellings_of_one_first_name_are_one_version(written: str, folded: str) -> None:
    assert find_disputes([], [], entities=[person({f"{written} Marr": ("Alpha",), f"{folded} Marr": ("Bravo",)})]) == []
    entity = person({f"{written} Marr": ("Alpha",), f"{folded} Marr": ("Bravo",), "Ayla Marr": ("Charlie",)})
    [dispute] = find_disputes([], [], entities=[entity])
    assert sorted(v.sources for v in dispute.versions) == [("Alpha", "Bravo"), ("Charlie",)]


def test_an_outlet_writing_two_first_names_stands_on_one_side() -> None:
    entity = person(
        {"Ivan Petrenko": ("Alpha", "Bravo"), "Oleg Petrenko": ("Alpha", "Charlie")},
        [("Alpha", "Ivan Petrenko"), ("Alpha", "Minister Ivan Petrenko"), ("Alpha", "Oleg Petrenko"),
         ("Bravo", "Ivan Petrenko"), ("Charlie", "Oleg Petrenko")],
    )
    [dispute] = find_disputes([], [], entities=[entity])
    by_name = {v.normalized: v for v in dispute.versions}
    assert by_name["Ivan"].sources == ("Alpha", "Bravo") and by_name["Oleg"].sources == ("Charlie",)
    assert "Alpha also writes Oleg Petrenko (1 of 3 mentions)" in by_name["Ivan"].note
    assert {e.outlet for e in by_name["Oleg"].evidence} == {"Charlie"}


def test_an_outlet_contradicting_only_itself_is_no_dispute() -> None:
    entity = person(
        {"Ivan Petrenko": ("Alpha", "Bravo"), "Oleg Petrenko": ("Alpha",)},
        [("Alpha", "Ivan Petrenko"), ("Alpha", "Ivan Petrenko"), ("Alpha", "Oleg Petrenko"), ("Bravo", "Ivan Petrenko")],
    )
    assert find_disputes([], [], entities=[entity]) == []


def test_a_title_given_only_for_an_earlier_round_is_no_version() -> None:
    """An entry that calls the man Defence Minister only in its section on an earlier round, and
    Council Secretary in the one on this round, stands on one side only: the current one."""
    earlier = S("In January the delegation was led by Defence Minister Ivan Petrenko.", [T("January", "2026-01", precision="month")])
    now = S("On March 3 the talks were led by Security Council Secretary Ivan Petrenko.", [T("March 3", "2026-03-03")],
            new_paragraph=True)
    analyses = [
        build("Alpha", [MET, S("Security Council Secretary Ivan Petrenko led the team.")]),
        build("Bravo", [MET, S("Security Council Secretary Ivan Petrenko spoke.")]),
        build("Charlie", [MET, S("Defence Minister Ivan Petrenko spoke.")]),
        build("Wiki", [earlier, now], kind="encyclopedia", published="2025-11-20"),
    ]

    def mention(analysis: ArticleAnalysis, words: str) -> Evidence:
        start = analysis.article.text.index(words)
        return Evidence(analysis.article.id, analysis.article.outlet.name, start, start + len(words), words)

    entity = StoryEntity(
        name="Ivan Petrenko", type="PERSON",
        aliases=(Alias("Ivan Petrenko", ("Alpha", "Bravo", "Charlie", "Wiki"), 5),),
        titles=(Alias("Security Council Secretary", ("Alpha", "Bravo", "Wiki"), 3),
                Alias("Defence Minister", ("Charlie", "Wiki"), 2)),
        mentions=(mention(analyses[0], "Security Council Secretary Ivan Petrenko"),
                  mention(analyses[1], "Security Council Secretary Ivan Petrenko"),
                  mention(analyses[2], "Defence Minister Ivan Petrenko"),
                  mention(analyses[3], "Defence Minister Ivan Petrenko"),
                  mention(analyses[3], "Security Council Secretary Ivan Petrenko")),
    )
    [dispute] = [d for d in find_disputes([], analyses, entities=[entity]) if d.kind == "title"]
    assert sorted(sorted(v.sources) for v in dispute.versions) == [["Alpha", "Bravo", "Wiki"], ["Charlie"]]


def test_an_outlet_writing_two_first_names_about_equally_stands_on_both_sides() -> None:
    entity = person(
        {"Ivan Petrenko": ("Alpha", "Bravo"), "Oleg Petrenko": ("Alpha", "Charlie")},
        [("Alpha", "Ivan Petrenko"), ("Alpha", "Minister Ivan Petrenko"), ("Alpha", "Oleg Petrenko"),
         ("Alpha", "Minister Oleg Petrenko"), ("Alpha", "Oleg Petrenko"), ("Bravo", "Ivan Petrenko"),
         ("Charlie", "Oleg Petrenko")],
    )
    [dispute] = find_disputes([], [], entities=[entity])
    by_name = {v.normalized: v for v in dispute.versions}
    assert by_name["Ivan"].sources == ("Alpha", "Bravo") and by_name["Oleg"].sources == ("Alpha", "Charlie")
    for version in by_name.values():
        assert "Alpha writes both (Oleg Petrenko 3, Ivan Petrenko 2 of 5 mentions)" in version.note
    assert [e.outlet for e in by_name["Oleg"].evidence] == ["Alpha"] * 3 + ["Charlie"]


def test_a_name_only_an_outlet_writing_both_gives_is_no_dispute_between_outlets() -> None:
    # Alpha writes Oleg as often as Ivan; no other outlet writes Oleg: Alpha disagrees with itself.
    entity = person(
        {"Ivan Petrenko": ("Alpha", "Bravo", "Charlie"), "Oleg Petrenko": ("Alpha",)},
        [("Alpha", "Ivan Petrenko"), ("Alpha", "Minister Ivan Petrenko"), ("Alpha", "Oleg Petrenko"),
         ("Alpha", "Minister Oleg Petrenko"), ("Alpha", "Oleg Petrenko"), ("Bravo", "Ivan Petrenko"),
         ("Charlie", "Ivan Petrenko")],
    )
    assert find_disputes([], [], entities=[entity]) == []
