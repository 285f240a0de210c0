"""The slot keys read from a sentence's words: which duration is a penalty's term, and what a
percentage with no counted noun is a value of."""

from __future__ import annotations

import pytest

from synopsis.facts.keys import is_fine_at, measured_noun, penalty_at
from synopsis.facts.keys_crowd import is_crowd_at, is_strike_participation_at


def _penalty(sentence: str, value: str):
    position = sentence.index(value)
    found = penalty_at(sentence, position, position + len(value))
    return found[0] if found else None


@pytest.mark.parametrize("sentence, value, penalty", [
    ("The court sentenced Jane Roe, a former clerk, to four years in prison.", "four years", "prison"),
    ("Judge Ines Varga jailed Tomas Reed, the former treasurer of Harbour United, for 12 years.", "12 years", "prison"),
    ("The court sentenced the convicted clerk to four years.", "four years", "prison"),
    ("He was banned on Friday for two years.", "two years", "ban"),
    ("She was suspended for six months.", "six months", "suspension"),
])
def test_a_term_the_penalty_verb_gives_is_a_penalty(sentence, value, penalty) -> None:
    assert _penalty(sentence, value) == penalty


@pytest.mark.parametrize("sentence, value", [
    # The "for" belongs to another verb, after a comma, in a clause of its own, or after an adjective.
    ("Aydin, who was jailed in the 1990s, served for 12 years as mayor.", "12 years"),
    ("He was banned from the stadium after a fight that lasted for 10 minutes.", "10 minutes"),
    ("The suspended mayor ruled the city for 8 years.", "8 years"),
])
def test_a_duration_another_verb_governs_is_no_penalty(sentence, value) -> None:
    assert _penalty(sentence, value) is None


def _measured(sentence: str) -> str | None:
    return measured_noun(sentence, sentence.index(next(w for w in sentence.split() if w[0].isdigit())))


@pytest.mark.parametrize("sentence, measure", [
    ("Turnout was 58 percent.", "turnout"),
    ("The board put the turnout at 61 percent.", "turnout"),
    ("The unemployment rate stood at 6.1 percent.", "unemployment"),
    ("Inflation rose to 4 percent in March.", "inflation"),
])
def test_a_whole_population_measure_names_its_percentage(sentence, measure) -> None:
    assert _measured(sentence) == measure


@pytest.mark.parametrize("sentence", [
    "The ruling party's vote share was 42 percent.",  # one party's part of the vote
    "Unemployment among women rose to 9 percent.",    # one group's
    "Prices of bread rose to 12 percent.",
    "Ankara's unemployment was 11 percent.",           # one city's
    "Support for Labour was 30 percent.",
])
def test_a_part_s_percentage_names_no_measure_of_the_whole(sentence) -> None:
    assert _measured(sentence) is None


@pytest.mark.parametrize("sentence, value, fine", [
    ("The judge fined Tomas Reed 5 million shillings.", "5 million", True),
    ("The judge fined Reed 5 million shillings and Ilona Berec 800,000 shillings.", "800,000", True),
    ("The firm must pay a fine of 20,000 euros.", "20,000", True),
    # Another verb after the fine's: what he must repay is no fine.
    ("The judge fined Reed 5 million shillings and ordered him to repay 310 million shillings.", "310 million", False),
])
def test_a_sum_is_a_fine_only_as_the_fine_verb_s_object(sentence, value, fine) -> None:
    position = sentence.index(value)
    assert is_fine_at(sentence, position, position + len(value)) is fine


def _crowd(sentence: str, value: str, noun: str | None, lemma: str | None) -> bool:
    position = sentence.index(value)
    return is_crowd_at(sentence, position, position + len(value), noun, lemma)


@pytest.mark.parametrize("sentence, value, noun, lemma", [
    ("Organisers said about 9,000 people took part in the vigil outside the court.", "about 9,000", "person", "take"),
    ("Roughly 4,000 cyclists joined the protest ride across the bridge.", "Roughly 4,000", "cyclist", "join"),
    ("Some 12,000 farmers and their families filled the main square of Dunmere.", "Some 12,000", "farmer", "fill"),
    ("Nearly 700 residents turned out despite the rain.", "Nearly 700", "resident", "turn"),
    ("More than 2,500 students rallied outside the ministry.", "More than 2,500", "student", "rally"),
    ("About 3,000 demonstrators were outside the court by noon.", "About 3,000", "demonstrator", "be"),
    ("Local police estimated the crowd at 6,500.", "6,500", None, None),
    ("The council put the number of marchers at about 5,000.", "about 5,000", None, None),
    ("By nightfall the crowd had swelled to 40,000.", "40,000", None, "swell"),
])
def test_a_count_of_those_at_a_protest_is_its_crowd(sentence, value, noun, lemma) -> None:
    assert _crowd(sentence, value, noun, lemma)


@pytest.mark.parametrize("sentence, value, noun, lemma", [
    # Marchers counted for what happened to them are not the crowd.
    ("Police said 40 protesters were arrested after the march.", "40", "protester", "arrest"),
    ("Six demonstrators were injured when the barrier gave way.", "Six", "demonstrator", "injure"),
    # Marchers held by the police, whatever the verb ("took" is no verb of happening to anyone).
    ("Police took 2,000 protesters into custody after the march.", "2,000", "protester", "take"),
    ("Police rounded up about 300 demonstrators near the square.", "about 300", "demonstrator", "round"),
    # People near a march, not in it, and a workforce counted by its size.
    ("The march passed 300 shops on its way to the harbour.", "300", "shop", "pass"),
    ("The union has 45,000 members across the region.", "45,000", "member", "have"),
])
def test_other_counts_near_a_protest_are_no_crowd(sentence, value, noun, lemma) -> None:
    assert not _crowd(sentence, value, noun, lemma)


def _participation(sentence: str, value: str) -> bool:
    position = sentence.index(value)
    return is_strike_participation_at(sentence, position, position + len(value))


@pytest.mark.parametrize("sentence, value", [
    ("The hospital board said 35 percent of nurses had joined the strike.", "35 percent"),
    ("The union said 80 percent had stopped work by midday.", "80 percent"),
    ("The walkout was joined by 62 percent of dock workers, the port authority said.", "62 percent"),
    ("Around 70 percent of drivers were on strike on Monday.", "70 percent"),
])
def test_the_share_that_joined_a_strike_is_its_participation(sentence, value) -> None:
    assert _participation(sentence, value)


@pytest.mark.parametrize("sentence, value", [
    ("The nurses went on strike for a 12 percent pay rise.", "12 percent"),
    ("During the strike, 20 percent of flights were cancelled.", "20 percent"),
    ("The union rejected the 4 percent offer and joined the strike call.", "4 percent"),
])
def test_other_percentages_in_a_strike_story_are_not_its_participation(sentence, value) -> None:
    assert not _participation(sentence, value)


# --- tallies: what was won, and by whom ------------------------------------------------------------

@pytest.mark.parametrize("lemma, sentence, value, timed, expected", [
    ("come", "The Blue Party came second with 19.5 percent of the vote.", "19.5", False, "win"),
    ("finish", "The Blue Party finished first in the regional poll with 41 seats.", "41", False, "win"),
    ("come", "The Blue Party came third with 12 percent and 9 seats.", "9", False, "win"),
    ("take", "The Blue Party took 41 seats.", "41", False, "win"),
    ("poll", "The Blue Party polled 19.5 percent.", "19.5", False, "win"),
    # No place before "with": nothing was won.
    ("come", "Riot police came with 200 officers.", "200", False, "come"),
    ("end", "The meeting ended with three agreements.", "three", False, "end"),
    # "took three hours" is a length of time, not a tally.
    ("take", "The count took three hours.", "three", True, "length"),
    # People taken into custody, hostage or prisoner were detained; lives taken were lost.
    ("take", "Police took 2,000 protesters into custody on Sunday.", "2,000", False, "detain"),
    ("take", "About 52 people were taken into custody after the match.", "About 52", False, "detain"),
    ("take", "Officers took into custody some 40 fans.", "40", False, "detain"),
    ("take", "Gunmen took 12 police officers hostage.", "12", False, "detain"),
    ("take", "The army took 300 prisoners in the offensive.", "300", False, "detain"),
    ("take", "The fire took 30 lives.", "30", False, "die"),
    ("take", "The quake took the lives of 300 people.", "300", False, "die"),
    # Points, shares of the vote and seats taken are still tallies, also beside a detention later on.
    ("take", "The Blue Party took 40% of the vote.", "40%", False, "win"),
    ("take", "Rivergate took three points from the game.", "three", False, "win"),
    ("take", "The Blue Party took 31 percent of the vote and freed 40 prisoners.", "31", False, "win"),
])
def test_a_tally_is_read_from_the_verb_and_a_place_before_with(lemma, sentence, value, timed, expected) -> None:
    from synopsis.facts.tallies import classify_predicate

    assert classify_predicate(lemma, sentence, sentence.index(value), timed) == expected


@pytest.mark.parametrize("sentence, value, counted, expected", [
    # Records, data or money "taken" were stolen: one count with "stole".
    ("Officials say 2.3 million records were taken.", "2.3", "records", "steal"),
    ("Hackers took 2.3 million customer records from its servers.", "2.3", "customer records", "steal"),
    ("Burglars took 40 paintings from the museum.", "40", "paintings", "steal"),
    # A count before an active "took" is of the one that took: nothing went to anyone.
    ("The crash came as the six-carriage train took a sharp curve.", "six", "carriage", None),
    ("About 140 passengers took buses to the next town.", "About", "passengers", None),
    # Seats and points taken are still tallies, also in a clause of their own and in the passive.
    ("The 32 seats the party took were a record.", "32", "seats", "win"),
    ("31 seats were taken by the Blue Party.", "31", "seats", "win"),
    ("The Blue Party took 41 seats.", "41", "seats", "win"),
])
def test_take_is_read_by_what_was_taken(sentence, value, counted, expected) -> None:
    from synopsis.facts.measures import counted_lemma
    from synopsis.facts.tallies import classify_predicate

    assert classify_predicate("take", sentence, sentence.index(value), False, counted_lemma(counted)) == expected


@pytest.mark.parametrize("sentence, lemma, unit, counted, expected", [
    # A sum taken by a thief, or taken from someone, was stolen: one count with "stole $2 million".
    ("Hackers took $2 million from the exchange.", "take", "USD", None, "steal"),
    ("The gang took $2 million.", "take", "USD", None, "steal"),
    ("About $2 million was taken by armed robbers.", "take", "USD", None, "steal"),
    ("The gunmen seized $2 million.", "seize", "USD", None, "steal"),
    ("The clerk took 2 million dinars from the bank.", "take", None, "dinars", "steal"),
    # Prize money taken was won; a sum police seized, even from the gang, was not stolen.
    ("She took $2 million in prize money.", "take", "USD", None, "win"),
    ("She took home $2 million.", "take", "USD", None, "win"),
    ("Police seized $2 million from the gang.", "seize", "USD", None, "seize"),
])
def test_a_sum_taken_is_read_by_who_took_it_and_from_whom(sentence, lemma, unit, counted, expected) -> None:
    from synopsis.facts.measures import measure_at

    start = sentence.index("2")
    start = start - 1 if sentence[start - 1] == "$" else start
    end = sentence.index("million") + len("million")
    assert measure_at(sentence, start, end, unit, counted, lemma).predicate == expected


def _names(sentence: str, *names: str) -> list[tuple[int, int]]:
    return [(sentence.index(name), sentence.index(name) + len(name)) for name in names]


@pytest.mark.parametrize("sentence, names, value, holder", [
    # The first name is the party; its leader in "of ..." won nothing.
    ("The ruling Blue Party of Premier Ana Lutz came second with 31 seats.", ("Blue Party", "Ana Lutz"), "31",
     "Blue Party"),
    # A list of results: each tally is its own clause's.
    ("The Blue Party took 31 seats, and the Green League 16 seats.", ("Blue Party", "Green League"), "16",
     "Green League"),
    ("The Blue Party took 31 seats, and the Green League 16 seats.", ("Blue Party", "Green League"), "31",
     "Blue Party"),
    # A relative clause names no one: the tally is the one's it describes.
    ("The Green League, which won 16 seats, will join the coalition.", ("Green League",), "16", "Green League"),
    # A speaker and an owner win nothing.
    ("The Electoral Board said the party won 31 seats.", ("Electoral Board",), "31", None),
    ("Ana Lutz's party won 31 seats.", ("Ana Lutz",), "31", None),
    ("According to the Electoral Board, the party won 31 seats.", ("Electoral Board",), "31", None),
])
def test_a_tally_goes_to_the_party_its_clause_names(sentence, names, value, holder) -> None:
    from synopsis.facts.tallies import holder_at

    found = holder_at(sentence, sentence.index(value), _names(sentence, *names))
    assert (sentence[found[0]:found[1]] if found else None) == holder
