"""Who did it: one act (a proposal) credited to different actors by different outlets (our own
sentences, fictional outlets and people, read by the real extractor)."""

from __future__ import annotations

import pytest

from synopsis.compare.doer_disputes import find_doer_disputes
from synopsis.link.entities import resolve_entities
from tests.compare.dispute_builders import extracted

# Who the people are, said in every article so entity resolution sees both in each.
CAST = ("Chancellor Ilse Varden of Norland and President Piotr Salko of Estmark met in Tarvin on "
        "Monday.")


def doer_disputes(nlp, texts: dict[str, str]):
    analyses = extracted(nlp, {outlet: f"{CAST} {text}" for outlet, text in texts.items()})
    return find_doer_disputes(analyses, resolve_entities(analyses))


def test_one_proposal_credited_to_two_people_is_a_dispute_with_each_versions_outlets(nlp) -> None:
    [dispute] = doer_disputes(nlp, {
        "Alpha": "Varden proposed the harbour fund on the first day.",
        "Bravo": "The harbour fund was proposed by Chancellor Varden, officials said.",
        "Charlie": "President Salko proposed the creation of a harbour fund at the opening session.",
        # Reports both claims, each in a sentence of its own, "it" read as the fund told before.
        "Delta": ("The statement does not say who proposed the fund. Norland says Varden put it forward; "
                  "Estmark describes it as Salko's initiative."),
    })
    assert dispute.kind == "actor"
    assert dispute.what == "who proposed the harbour fund"
    versions = {v.value: v.sources for v in dispute.versions}
    assert versions == {"Ilse Varden": ("Alpha", "Bravo", "Delta"), "Piotr Salko": ("Charlie", "Delta")}
    # Each version cites the sentences that give it, and the outlet giving both is said to.
    for version in dispute.versions:
        assert {e.outlet for e in version.evidence} == set(version.sources)
        surname = version.value.split()[-1]
        assert all(surname in e.text for e in version.evidence)
    assert "Delta reports more than one version" in dispute.explanation


@pytest.mark.parametrize("alpha, bravo", [
    # Together: the joint statement joins both names into one version.
    ("Varden and Salko proposed the harbour fund together.", "Salko proposed the harbour fund."),
    ("Varden proposed the harbour fund together with Salko.", "Salko proposed the harbour fund."),
    # One proposes, the other accepts or backs it: no two doers of one act.
    ("Varden proposed the harbour fund.", "Salko accepted the harbour fund on Tuesday."),
    ("Varden proposed the harbour fund.", "Salko backed the harbour fund proposed by Varden."),
    # A body and its head: "Norland" (a country) and its chancellor are no two versions.
    ("Norland proposed the harbour fund.", "Salko proposed the harbour fund."),
    # Different objects: a fund and a commission.
    ("Varden proposed the harbour fund.", "Salko proposed the border commission."),
    # Negated: an outlet that says someone did not propose it credits no one.
    ("Varden proposed the harbour fund.", "Salko did not propose the harbour fund."),
    # A pronoun doer takes no side.
    ("Varden proposed the harbour fund.", "His proposal for a harbour fund was adopted."),
])
def test_no_dispute_without_two_named_doers_of_one_act(nlp, alpha, bravo) -> None:
    assert doer_disputes(nlp, {"Alpha": alpha, "Bravo": bravo}) == []


def test_the_same_person_under_a_surname_a_full_name_or_a_title_is_no_dispute(nlp) -> None:
    assert doer_disputes(nlp, {
        "Alpha": "Varden proposed the harbour fund.",
        "Bravo": "Chancellor Ilse Varden proposed the harbour fund.",
        "Charlie": "The harbour fund was the chancellor's idea.",
    }) == []


def test_the_brief_states_the_point_as_disputed_not_either_side(nlp) -> None:
    from synopsis.compare.brief import write_brief
    from synopsis.compare.consensus import label_claims
    from synopsis.compare.independence import OriginInfo
    from synopsis.link.align import ClaimGroup, ClaimMember

    analyses = extracted(nlp, {
        "Alpha": "Chancellor Ilse Varden proposed the harbour fund in Tarvin on Monday.",
        "Bravo": "Chancellor Ilse Varden proposed the harbour fund in Tarvin on Monday.",
        "Charlie": "President Piotr Salko proposed the harbour fund in Tarvin on Monday.",
    })
    members = [ClaimMember(a.article.id, 0, a.claims[0].text, a.claims[0].start, a.claims[0].end) for a in analyses]
    groups = [ClaimGroup("g", tuple(members), 0, members[0].text, 1.0)]
    resolution = resolve_entities(analyses)
    origins = {a.article.id: OriginInfo(a.article.id, a.article.outlet.name, a.article.outlet.name, False,
                                        claim_witnesses=(), claim_notes=()) for a in analyses}

    def brief(disputes):
        claims = label_claims(groups, analyses, origins, disputes=disputes, canonical_name=resolution.canonical_name)
        return [s.text for s in write_brief(analyses, claims, disputes, resolution=resolution, origins=origins)]

    # Without the point, two outlets' wording is stated as the fact.
    assert any(text.startswith("Chancellor Ilse Varden proposed the harbour fund") for text in brief([]))
    disputes = find_doer_disputes(analyses, resolution)
    assert [d.what for d in disputes] == ["who proposed the harbour fund"]
    texts = brief(disputes)
    assert not any("proposed the harbour fund in Tarvin" in text for text in texts)
    assert "Accounts differ on who proposed the harbour fund: Ilse Varden (Alpha, Bravo); Piotr Salko (Charlie)." in texts


# Two companies named in every article, so entity resolution sees both in each.
DEAL = "Selwyn Foods agreed on Monday to buy Brannock Group for 900 million crowns."


def approach_disputes(nlp, texts: dict[str, str]):
    analyses = extracted(nlp, {outlet: f"{DEAL} {text}" for outlet, text in texts.items()})
    return find_doer_disputes(analyses, resolve_entities(analyses))


def test_a_first_approach_credited_to_opposite_companies_is_a_dispute(nlp) -> None:
    [dispute] = approach_disputes(nlp, {
        "Alpha": "Selwyn Foods first approached Brannock Group in October, people familiar with the talks said.",
        "Bravo": "The talks began after the Brannock Group board approached Selwyn Foods in search of a buyer.",
        "Charlie": "Brannock Group was approached by Selwyn Foods last year.",
    })
    assert dispute.kind == "actor"
    assert dispute.what.startswith("who made the first approach")
    versions = {v.value.split()[0]: v.sources for v in dispute.versions}
    assert versions == {"Selwyn": ("Alpha", "Charlie"), "Brannock": ("Bravo",)}


@pytest.mark.parametrize("bravo", [
    "Selwyn Foods approached Brannock Group in October.",  # the same way round
    "Brannock Group and Selwyn Foods approached the regulator together.",  # a joint doer, another party
    "They approached Selwyn Foods in search of a buyer.",  # a pronoun takes no side
    "Brannock Group did not approach Selwyn Foods.",  # negated
])
def test_no_approach_dispute_without_opposite_named_doers(nlp, bravo) -> None:
    assert approach_disputes(nlp, {"Alpha": "Selwyn Foods first approached Brannock Group in October.",
                                   "Bravo": bravo}) == []
