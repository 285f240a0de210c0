"""Disputes on values that are no plain count, read by the real extractor from our own sentences:
a penalty's term, a part of a whole ("40 of the 120 seats"), a magnitude and a percentage that
says what it measures; and an outlet that gives two versions of one slot."""

from __future__ import annotations

from synopsis.compare.disputes import find_disputes
from tests.compare.dispute_builders import Q, S, build, extracted


def _versions(dispute) -> dict[str, tuple[str, ...]]:
    return {v.value: v.sources for v in dispute.versions}


# --- penalties ------------------------------------------------------------------------------------

SENTENCED = "A court in Dornholm on Tuesday sentenced former port director Viktor Szalai to {} in prison for bribery."


def test_prison_terms_given_one_person_are_disputed(nlp) -> None:
    """"six years in prison" and "jailed for eight years" are two versions of one man's term, named
    as a term, not as how long something lasted."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "Former port director Viktor Szalai was jailed for eight years on Tuesday for taking bribes.",
        "Charlie": SENTENCED.format("6 years"),
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what == "prison term for Viktor Szalai"
    assert _versions(dispute) == {"six years": ("Alpha", "Charlie"), "eight years": ("Bravo",)}
    assert "lasted" not in dispute.explanation
    assert all(v.normalized.endswith(" years") for v in dispute.versions)  # not "2,557 days"


def test_an_earlier_report_of_a_term_or_fine_is_not_said_to_be_superseded(nlp) -> None:
    """A term or a fine is handed down once: a report a day later giving another is no update, so
    the earlier version gets no "earlier report...; later reports differ" note (QA)."""
    from synopsis.extract.pipeline import analyze_articles
    from tests.factories import make_article

    texts = {"Alpha": (FINED.format("Szalai 5 million shillings"), "2026-03-03T09:00:00+00:00"),
             "Bravo": (FINED.format("Szalai 3 million shillings").replace("six", "nine"), "2026-03-04T18:00:00+00:00")}
    articles = [make_article(f"id-{outlet}", outlet, text, published=published)
                for outlet, (text, published) in texts.items()]
    disputes = find_disputes([], list(analyze_articles(articles, nlp)))
    assert {d.what.split(" for ")[0] for d in disputes} == {"prison term", "fine"}
    assert all(v.note is None for d in disputes for v in d.versions)


def test_a_term_dated_a_day_apart_is_still_one_sentencing(nlp) -> None:
    """One outlet dates the sentencing to Tuesday, another to Wednesday: one person's term, misdated."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": SENTENCED.format("eight years").replace("Tuesday", "Wednesday"),
    })
    [dispute] = find_disputes([], analyses)
    assert set(_versions(dispute)) == {"six years", "eight years"}


def test_a_term_after_the_person_and_an_apposition_naming_a_body_is_the_person_s(nlp) -> None:
    """"jailed Viktor Szalai, the former director of the Dornholm Port Authority, for eight years":
    the term is the first person's after the verb, not the body's the apposition names (QA: the
    outlet "gives none of the versions")."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "A court in Dornholm on Tuesday jailed Viktor Szalai, the former director of the Dornholm Port "
                 "Authority, for eight years after finding him guilty of bribery.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what == "prison term for Viktor Szalai"
    assert _versions(dispute) == {"six years": ("Alpha",), "eight years": ("Bravo",)}


def test_terms_of_different_people_are_not_versions_of_one(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "A court in Dornholm on Tuesday sentenced his deputy Ilona Berec to five years in prison for bribery.",
    })
    assert find_disputes([], analyses) == []


UNNAMED = "The former port director who took the bribes will spend {} behind bars, a court ruled on Tuesday."


def test_a_term_naming_no_one_is_the_one_sentenced_person_s(nlp) -> None:
    """One outlet's lead names no one ("the former port director who ..."), the others name Viktor
    Szalai: the story sentences one man, so the unnamed term is his and its value a version (QA:
    "a decade" beside "12 years" was never compared)."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": UNNAMED.format("eight years"),
        "Charlie": UNNAMED.format("six years"),
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what == "prison term for Viktor Szalai"
    assert _versions(dispute) == {"six years": ("Alpha", "Charlie"), "eight years": ("Bravo",)}


def test_a_term_naming_no_one_is_nobody_s_when_two_people_are_sentenced(nlp) -> None:
    """With two people sentenced in the story, a term naming no one may be either's: compared with neither."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "A court in Dornholm on Tuesday sentenced his deputy Ilona Berec to five years in prison for bribery.",
        "Charlie": UNNAMED.format("eight years"),
    })
    assert find_disputes([], analyses) == []


def test_a_ban_is_not_compared_with_a_prison_term(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "On Tuesday the court also banned Viktor Szalai from public office for eight years.",
    })
    assert find_disputes([], analyses) == []


def test_the_brief_states_neither_term_of_a_disputed_sentence(nlp) -> None:
    from synopsis.compare.story import build_story_report
    from synopsis.records import Story

    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": SENTENCED.format("six years").replace("A court in Dornholm", "A Dornholm court"),
        "Charlie": SENTENCED.format("nine years"),
    })
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    stated = [s.text for s in report.brief if not s.text.startswith("Accounts differ")]
    assert not [text for text in stated if "years" in text]
    assert any(s.text.startswith("Accounts differ on prison term for Viktor Szalai") for s in report.brief)


# --- parts of a whole, and outlets that give two versions -----------------------------------------

ELECTION_DAY = "The assembly election was held on Sunday."


def test_the_whole_after_of_the_is_not_a_rival_count(nlp) -> None:
    """"40 of the 120 seats": 120 is the assembly, not the party's tally."""
    analyses = extracted(nlp, {
        "Alpha": f"{ELECTION_DAY} The Green Alliance won 40 of the 120 seats in the assembly.",
        "Bravo": f"{ELECTION_DAY} The Green Alliance won 38 of the 120 seats in the assembly.",
    })
    [dispute] = find_disputes([], analyses)
    assert _versions(dispute) == {"38": ("Bravo",), "40": ("Alpha",)}
    assert dispute.what.startswith("number of seats won")


def test_an_outlet_giving_two_values_of_one_slot_is_on_neither_side() -> None:
    """Alpha gives the first toll and its update; shown on both sides it would dispute itself."""
    day = S("A bridge collapsed in Teller on March 3.", [])
    analyses = [
        build("Alpha", [day, S("Twelve people were killed.", [Q("Twelve", 12, counted="people", predicate="kill")]),
                        S("Later the toll rose to 19 people killed.", [Q("19", 19, counted="people", predicate="kill")])]),
        build("Bravo", [day, S("Nineteen people were killed.", [Q("Nineteen", 19, counted="people", predicate="kill")])]),
        build("Charlie", [day, S("Twenty-five people were killed.", [Q("Twenty-five", 25, counted="people", predicate="kill")])]),
    ]
    [dispute] = find_disputes([], analyses)
    assert all("Alpha" not in v.sources for v in dispute.versions)
    assert _versions(dispute) == {"Nineteen": ("Bravo",), "Twenty-five": ("Charlie",)}


# --- magnitudes and percentages ---------------------------------------------------------------------


def test_magnitudes_of_one_earthquake_are_disputed_as_magnitudes(nlp) -> None:
    """Read as counts, "a magnitude 5.8 earthquake" is 5.8 earthquakes; an aftershock's magnitude,
    in a clause of its own, is another shock's."""
    analyses = extracted(nlp, {
        "Alpha": "A magnitude 5.8 earthquake struck the coastal province of Velm on Friday, officials said. "
                 "Seismologists recorded 20 aftershocks after the main quake, the strongest a magnitude 4.9.",
        "Bravo": "A 6.1-magnitude quake struck the coastal province of Velm on Friday, officials said.",
        "Charlie": "The earthquake, which measured 6.3, damaged hundreds of homes in Velm on Friday.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("magnitude of the earthquake")
    assert _versions(dispute) == {"5.8": ("Alpha",), "6.1": ("Bravo",), "6.3": ("Charlie",)}


def test_a_magnitude_rounded_to_a_whole_number_agrees_with_its_decimals(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": "A magnitude 6 earthquake struck the coastal province of Velm on Friday, officials said.",
        "Bravo": "A magnitude 6.2 earthquake struck the coastal province of Velm on Friday, officials said.",
    })
    assert find_disputes([], analyses) == []


def test_turnout_percentages_are_disputed_and_party_shares_are_not(nlp) -> None:
    """A percentage named by what it measures ("turnout was") is a slot of its own; shares of
    different parties ("won 30 percent of the vote") are not versions of one value."""
    analyses = extracted(nlp, {
        "Alpha": f"{ELECTION_DAY} Turnout was 47.2 percent, the highest since 1998, the electoral board said. "
                 "The Green Alliance won 30 percent of the vote.",
        "Bravo": f"{ELECTION_DAY} Turnout stood at 44.9 percent, the electoral board said. "
                 "The Farmers' Union won 25 percent of the vote.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("turnout on ")
    assert _versions(dispute) == {"47.2 percent": ("Alpha",), "44.9 percent": ("Bravo",)}


def test_two_parties_vote_shares_are_not_versions_of_one_value(nlp) -> None:
    """"the ruling party's vote share" and "the opposition's vote share" are two parties' parts."""
    analyses = extracted(nlp, {
        "Alpha": f"{ELECTION_DAY} The ruling party's vote share was 42 percent, the electoral board said.",
        "Bravo": f"{ELECTION_DAY} The opposition's vote share was 37 percent, the electoral board said.",
    })
    assert find_disputes([], analyses) == []


def test_a_duration_another_verb_governs_is_not_compared_with_a_term(nlp) -> None:
    """"who was jailed in the 1990s, served for 12 years as mayor" gives no prison term."""
    analyses = extracted(nlp, {
        "Alpha": SENTENCED.format("six years"),
        "Bravo": "Viktor Szalai, who was jailed in the 1990s, served for 12 years as port director.",
    })
    assert find_disputes([], analyses) == []



def test_fines_told_with_different_verbs_are_one_slot(nlp) -> None:
    """"ordered to pay a fine of 250,000 crowns" and "was fined 300,000 crowns": one fine."""
    analyses = extracted(nlp, {
        "Alpha": "A court in Dornholm on Tuesday ordered the shipping firm Vessa to pay a fine of 250,000 crowns "
                 "for polluting the harbour.",
        "Bravo": "The shipping firm Vessa was fined 300,000 crowns on Tuesday for polluting the harbour.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("fine") and " in crowns" in dispute.what
    assert _versions(dispute) == {"250,000": ("Alpha",), "300,000": ("Bravo",)}


FINED = "A court in Dornholm on Tuesday jailed former port director Viktor Szalai for six years. Judge Ines Varga also fined {}."


def test_fines_given_a_person_named_before_the_sum_are_compared(nlp) -> None:
    """"fined Szalai 5 million shillings" (the tagger reads "Szalai 5 million" as a name) and "fined
    Szalai 3 million shillings": one man's fine, told two ways; in dinars too."""
    for currency in ("shillings", "dinars"):
        analyses = extracted(nlp, {
            "Alpha": FINED.format(f"Szalai 5 million {currency} and ordered him to repay 310 million {currency}"),
            "Bravo": FINED.format(f"Szalai 3 million {currency}"),
        })
        [dispute] = find_disputes([], analyses)
        assert dispute.what.startswith("fine for") and f"in {currency}" in dispute.what
        assert _versions(dispute) == {"5 million": ("Alpha",), "3 million": ("Bravo",)}


def test_a_sum_to_return_and_a_sum_to_repay_in_dinars_are_one_sum(nlp) -> None:
    """Dinars are a currency (CLDR's names), not people or things: "return" (a verb of prisoner
    swaps) and "repay" give one sum, and outlets' different sums are compared."""
    analyses = extracted(nlp, {
        "Alpha": FINED.format("Szalai 500,000 dinars and ordered him to repay 2.4 million dinars"),
        "Bravo": "The court ordered Szalai to return 2.4 million dinars to the port authority.",
        "Charlie": "Judge Varga ordered Szalai to repay 1.2 million dinars.",
    })
    [dispute] = find_disputes([], analyses)
    assert dispute.what.startswith("sum to repay in dinars")
    assert _versions(dispute) == {"2.4 million": ("Alpha", "Bravo"), "1.2 million": ("Charlie",)}


def test_fines_of_different_people_and_bail_are_not_versions_of_one(nlp) -> None:
    analyses = extracted(nlp, {
        "Alpha": FINED.format("Szalai 5 million shillings"),
        "Bravo": FINED.format("his deputy Ilona Berec 3 million shillings"),
        "Charlie": "Viktor Szalai was released on bail of 3 million shillings on Tuesday pending an appeal.",
    })
    assert find_disputes([], analyses) == []


def test_two_fines_in_one_sentence_are_each_their_own(nlp) -> None:
    """"fined Szalai 5 million and Berec 800,000": one outlet gives two people's fines, not two
    versions of one; another giving Szalai 3 million disputes his alone."""
    analyses = extracted(nlp, {
        "Alpha": FINED.format("Szalai 5 million shillings and Berec 800,000 shillings"),
        "Bravo": FINED.format("Szalai 3 million shillings"),
    })
    [dispute] = find_disputes([], analyses)
    assert _versions(dispute) == {"5 million": ("Alpha",), "3 million": ("Bravo",)}


# --- tallies of parties -----------------------------------------------------------------------------


def _tally_disputes(nlp, texts: dict[str, str]):
    from synopsis.link.entities import resolve_entities

    analyses = extracted(nlp, {outlet: f"{ELECTION_DAY} {text}" for outlet, text in texts.items()})
    return find_disputes([], analyses, resolve_entities(analyses).entities)


def test_a_party_s_seats_and_share_are_disputed_whatever_verb_gives_them(nlp) -> None:
    """"came second with 24.1 percent and 33 seats" and "took 25.3 percent and 35 seats" are two
    versions of one party's result (QA: the outlet giving them was said to leave the result out);
    the other party in the same list gives its result alike, and is in no dispute."""
    disputes = _tally_disputes(nlp, {
        "Alpha": "The ruling Blue Party of Premier Ana Lutz came second with 24.1 percent and 33 seats.",
        "Bravo": "The Blue Party took 25.3 percent and 35 seats, and the Green League 11.2 percent and 14 seats.",
        "Charlie": "The Green League came third with 11.2 percent and 14 seats.",
    })
    found = {d.what.split(" on ")[0]: _versions(d) for d in disputes}
    assert found == {"number of seats won by Blue Party": {"33": ("Alpha",), "35": ("Bravo",)},
                     "share won by Blue Party": {"24.1 percent": ("Alpha",), "25.3 percent": ("Bravo",)}}


def test_seats_won_by_two_parties_are_not_versions_of_one_tally(nlp) -> None:
    disputes = _tally_disputes(nlp, {"Alpha": "The Blue Party won 40 seats in the assembly.",
                                     "Bravo": "The Green League won 38 seats in the assembly."})
    assert disputes == []
