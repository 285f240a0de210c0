"""Quantities: numbers with unit, counted noun, qualifier and interval; skips; helpers; reference corpus."""

from __future__ import annotations

import pytest

from synopsis.extract.quantities import find_quantities, normalize_unit, quantity_interval
from synopsis.facts.intervals import interval_from_quantity
from synopsis.records import Quantity

# (sentence, text, value, low, high, unit, counted, qualifier)
CASES = [
    ("Officials freed about 1,200 prisoners on Monday.", "about 1,200", 1200, 1080, 1320, None, "prisoners", "about"),
    ("More than 1,000 people attended the rally.", "More than 1,000", 1000, 1000, None, None, "people", "more than"),
    ("The deal covers at least 1,200 people in total.", "at least 1,200", 1200, 1200, None, None, "people", "at least"),
    ("They handed over the remains of 6,000 soldiers.", "6,000", 6000, 6000, 6000, None, "soldiers", None),
    ("Over 6,000 volunteers signed up for the program.", "Over 6,000", 6000, 6000, None, None, "volunteers", "more than"),
    ("The hearing lasted 40 minutes on Friday.", "40 minutes", 40, 40, 40, "minute", None, None),
    ("The council asked for pauses of 24 to 48 hours.", "24 to 48 hours", None, 24, 48, "hour", None, "range"),
    ("The vote took three and a half hours to count.", "three and a half hours", 3.5, 3.5, 3.5, "hour", None, None),
    ("Twelve inspectors visited the plant last week.", "Twelve", 12, 12, 12, None, "inspectors", None),
    ("The army sent three thousand troops to the border.", "three thousand", 3000, 3000, 3000, None, "troops", None),
    ("Police found a dozen cars at the scene.", "a dozen", 12, 12, 12, None, "cars", None),
    ("Hundreds of residents gathered near the harbour.", "Hundreds", None, 200, 999, None, "residents", "vague"),
    ("Thousands of workers joined the strike.", "Thousands", None, 2000, 9999, None, "workers", "vague"),
    ("The sides agreed a 500-for-500 detainee swap.", "500-for-500", 500, 500, 500, None, "detainees", "exchange"),
    ("The board grew from 12 to 14 members this year.", "12", 12, 12, 12, None, "members", "changed from"),
    ("The city pledged $2 billion for new schools.", "$2 billion", 2e9, 2e9, 2e9, "USD", None, None),
    ("Turnout reached 50 percent in the north.", "50 percent", 50, 50, 50, "percent", None, None),
    ("Only 50% of the ballots were counted.", "50%", 50, 50, 50, "percent", None, None),
    ("The storm left 1 million homes without power.", "1 million", 1e6, 1e6, 1e6, None, "homes", None),
    ("The air force shot down 472 drones overnight.", "472", 472, 472, 472, None, "drones", None),
    ("Each side released 250 prisoners of war from its camps.", "250", 250, 250, 250, None, "prisoners of war", None),
    ("The agency returned 339 Ukrainian children home.", "339", 339, 339, 339, None, "children", None),
    # A duration written in parts is one, in the unit of its last part, hedged as its first.
    ("The hearing lasted approximately one hour and 45 minutes.", "approximately one hour and 45 minutes",
     105, 99, 111, "minute", None, "about"),
    ("The siege lasted two days, five hours.", "two days, five hours", 53, 53, 53, "hour", None, None),
    ("The queue moved in less than an hour.", "less than an hour", 1, 0, 1, "hour", None, "less than"),
    ("The repairs took nearly 30 days in total.", "nearly 30 days", 30, 27, 30, "day", None, "nearly"),
    ("The team may hire up to 40 engineers.", "up to 40", 40, 0, 40, None, "engineers", "up to"),
    ("The bridge is 12 km long and cost 3 million euros.", "12 km", 12, 12, 12, "km", None, None),
    ("The bridge is 12 km long and cost 3 million euros.", "3 million euros", 3e6, 3e6, 3e6, "EUR", None, None),
    # A speed written out is one unit, not a distance followed by "per hour".
    ("The train was within the speed limit of 80 kilometres per hour.", "80 kilometres per hour", 80, 80, 80,
     "km/h", None, None),
    ("Winds reached 70 miles per hour on the coast.", "70 miles per hour", 70, 70, 70, "mph", None, None),
    ("Investors lost $4m in the fraud.", "$4m", 4e6, 4e6, 4e6, "USD", None, None),
    ("Casualties have exceeded 10,000 since spring.", "10,000", 10000, 10000, None, None, "Casualties", "more than"),
    ("Fewer than 300 ships used the canal.", "Fewer than 300", 300, 0, 300, None, "ships", "less than"),
    ("The ceasefire gave families a 30-day window.", "30-day", 30, 30, 30, "day", None, None),
    ("The team met for about half an hour.", "about half an hour", 0.5, 0.45, 0.55, "hour", None, "about"),
    # The tagger reads "Forty" here as a DATE: a number word counting its noun is still a count.
    ("Forty passengers were injured in the crash.", "Forty", 40, 40, 40, None, "passengers", None),
    # "over" before a length of time: the period of what happened, or a lower bound of the length.
    ("Prices rose 4% over six months.", "over six months", 6, 6, 6, "month", None, None),
    ("The bank will buy bonds over six months.", "over six months", 6, 6, 6, "month", None, None),
    ("Sales fell sharply over six months.", "over six months", 6, 6, 6, "month", None, None),
    ("The talks lasted over six months.", "over six months", 6, 6, None, "month", None, "more than"),
    ("He was jailed for over six months.", "over six months", 6, 6, None, "month", None, "more than"),
    ("He spent over two years in prison.", "over two years", 2, 2, None, "year", None, "more than"),
    # A length told by its article alone, as a verb's object or after "for"/"to", is one of it.
    ("The arsonist will spend a decade behind bars.", "a decade", 1, 1, 1, "decade", None, None),
    ("She was sentenced to a year in prison.", "a year", 1, 1, 1, "year", None, None),
    ("The talks lasted an hour on Friday.", "an hour", 1, 1, 1, "hour", None, None),
    ("The pier will stay closed for a month.", "a month", 1, 1, 1, "month", None, None),
    # Areas in any unit: acres are an area, not a count of "acres of forest".
    ("The fire has burned 11,900 acres of forest.", "11,900 acres", 11900, 11900, 11900, "acre", None, None),
    ("Crews saved 300 ha of vineyards.", "300 ha", 300, 300, 300, "ha", None, None),
    ("The park spans 2 square miles.", "2 square miles", 2, 2, 2, "sq mile", None, None),
]


@pytest.mark.parametrize("sentence,text,value,low,high,unit,counted,qualifier", CASES)
def test_quantity_forms(nlp, sentence, text, value, low, high, unit, counted, qualifier):
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    q = found[text]
    assert q.value == (None if value is None else pytest.approx(value))
    assert q.low == (None if low is None else pytest.approx(low))
    assert q.high == (None if high is None else pytest.approx(high))
    assert (q.unit, q.counted, q.qualifier) == (unit, counted, qualifier)


def test_change_gives_old_and_new_value(nlp):
    qs = find_quantities(nlp("The party cut its staff from 40 to 25 people."))
    assert [(q.value, q.qualifier, q.counted) for q in qs] == [
        (40, "changed from", "people"),
        (25, "changed to", "people"),
    ]


def test_between_range(nlp):
    (q,) = find_quantities(nlp("The blast damaged between 30 and 40 houses."))
    assert (q.low, q.high, q.qualifier, q.counted) == (30, 40, "range", "houses")


@pytest.mark.parametrize(
    "sentence",
    [
        "The summit opened on July 23, 2025 in the capital.",
        "The talks began at 8:37 p.m. local time.",
        "The third round ended without a deal.",
        "The war started in 2022 and has not ended.",
        "Call the hotline on +1 202-555-0143 for help.",
        "Article 5 of the treaty was discussed.",
        "They held a one-on-one meeting after lunch.",
        "One of them refused to answer the question.",
        "The two sides left the room without comment.",
        "Shipments resumed on 9, 10 and 12 June under the deal.",
        "He met the Bucharest Nine leaders on Tuesday.",
        "He was born in nineteen eighty.",
        # "a year", "a decade" that say when, how often or what a span was, not how long something took.
        "The plant closed a year ago.",
        "Profit rose from a year earlier.",
        "A decade of war left the city in ruins.",
        "It was the worst flood in a decade.",
        "The guards are paid twice a month.",
        "The board meets once a year.",
        "They announced a year-long inquiry.",
        "Police said they found a second bomb.",
        "She hosted the show for a second time.",
    ],
)
def test_skips_dates_times_ordinals_and_identifiers(nlp, sentence):
    assert find_quantities(nlp(sentence)) == []


def test_offsets_match_text(nlp):
    text = (
        "About 40 people died.\n\nThe strike lasted 24 to 48 hours, cost $2 billion and hit 50% of the\u00a0grid; "
        "at\u00a0least 1,200 workers and hundreds of families left within three and a half hours."
    )
    doc = nlp(text)
    qs = find_quantities(doc)
    assert len(qs) >= 7
    for q in qs:
        assert text[q.start:q.end] == q.text
        assert q.low is None or q.high is None or q.low <= q.high


def test_no_break_spaces_do_not_hide_qualifiers(nlp):
    (q,) = find_quantities(nlp("The exchange involves at\u00a0least 1,200 people."))
    assert (q.qualifier, q.low, q.high, q.counted) == ("at least", 1200, None, "people")


# Hyphenated ranges: (sentence, span text, low, high, unit, counted).
HYPHEN_RANGES = [
    ("Officials freed 1,000-1,200 prisoners on Monday.", "1,000-1,200", 1000, 1200, None, "prisoners"),
    ("Officials freed 1000-1200 prisoners on Monday.", "1000-1200", 1000, 1200, None, "prisoners"),
    ("The pause lasted 40-50 minutes in the end.", "40-50 minutes", 40, 50, "minute", None),
    ("Witnesses counted 10-12 drones over the port.", "10-12", 10, 12, None, "drones"),
    ("Officials said 10,000-12,000 troops massed nearby.", "10,000-12,000", 10000, 12000, None, "troops"),
    ("Officials said 10000-12000 troops massed nearby.", "10000-12000", 10000, 12000, None, "troops"),
    ("Between 95-100 tanks crossed the river.", "95-100", 95, 100, None, "tanks"),
    # The scale is written once, after the second end: both ends carry it.
    ("About 2-3 million people fled the region.", "2-3 million", 2e6, 3e6, None, "people"),
    ("The repairs cost $2-3bn in total.", "$2-3bn", 2e9, 3e9, "USD", None),
]


@pytest.mark.parametrize("sentence,text,low,high,unit,counted", HYPHEN_RANGES)
def test_hyphenated_range(nlp, sentence, text, low, high, unit, counted):
    qs = find_quantities(nlp(sentence))
    assert [q.text for q in qs] == [text]
    (q,) = qs
    start = sentence.index(text)
    assert (q.start, q.end) == (start, start + len(text))
    assert sentence[q.start:q.end] == text
    assert (q.value, q.low, q.high, q.unit, q.counted, q.qualifier) == (None, low, high, unit, counted, "range")


@pytest.mark.parametrize(
    "sentence,low,high",
    [
        ("Between 2 and 3 million people fled the region.", 2e6, 3e6),
        ("Some 2\u20133 million people fled the region.", 2e6, 3e6),
        ("Two to three million people fled the region.", 2e6, 3e6),
        # The first end is a full number by itself: it keeps its value.
        ("Between 500 and 3 million people fled the region.", 500, 3e6),
    ],
)
def test_range_scale_written_once(nlp, sentence, low, high):
    (q,) = find_quantities(nlp(sentence))
    assert (q.low, q.high, q.qualifier, q.counted) == (low, high, "range", "people")


@pytest.mark.parametrize(
    "sentence",
    [
        "The 2024-2025 season was the hardest yet.",
        "The league ran from 1939-1945 without a break.",
        "They won 3-1 on Sunday.",
        "They lost 1-3 to the visitors on Sunday.",
        "The hosts suffered a 2-4 defeat at home.",
        "The committee voted 4-5 against the plan.",
        "Call 555-1234 for tickets.",
        "Call the office on 020-7946 for details.",
        "The COVID-19 pandemic closed the border.",
        "The F-16 and the MiG-29 flew over the city.",
        "The airline bought the 737-800 jets last year.",
        "The talks on 2025-07-23 ended without a deal.",
        "Talks were held on 1-3 June in the capital.",
    ],
)
def test_hyphenated_non_ranges_are_not_amounts(nlp, sentence):
    assert find_quantities(nlp(sentence)) == []


def test_hyphenated_compound_stays_one_number(nlp):
    (q,) = find_quantities(nlp("A 24-hour truce held across the front."))
    assert (q.text, q.value, q.unit) == ("24-hour", 24, "hour")


@pytest.mark.parametrize(
    "unit,base,factor",
    [("minute", "second", 60.0), ("hour", "second", 3600.0), ("day", "second", 86400.0), ("km", "m", 1000.0),
     ("percent", "percent", 1.0), ("USD", "USD", 1.0), (None, None, 1.0)],
)
def test_normalize_unit(unit, base, factor):
    assert normalize_unit(unit) == (base, factor)


def test_interval_in_base_units_makes_durations_comparable():
    about_40_min = Quantity("about 40 minutes", 0, 16, 40, 36, 44, "minute", None, "about")
    under_an_hour = Quantity("less than an hour", 0, 17, 1, 0, 1, "hour", None, "less than")
    low, high = quantity_interval(about_40_min)
    low2, high2 = quantity_interval(under_an_hour)
    assert (low, high) == (2160, 2640)
    assert (low2, high2) == (0, 3600)
    assert low2 <= low and high <= high2
    assert quantity_interval(Quantity("over 5", 0, 6, 5, 5, None, None, "x", "more than")) == (5, None)


# ---------------------------------------------------------------------------
# Reference corpus, read in place
# ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_quantities(nlp, reference_corpus):
    """Each reference article's text and quantities, parsed once for this module."""
    out = {}
    for path in sorted(reference_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, find_quantities(nlp(text)))
    return out


def test_corpus_independent_outlet_at_least_1200_people(corpus_quantities):
    _, qs = corpus_quantities["000"]
    assert any(q.value == 1200 and q.qualifier == "at least" and q.counted == "people" and q.high is None for q in qs)


def test_corpus_state_agency_about_40_minutes(corpus_quantities):
    _, qs = corpus_quantities["003"]
    hits = [q for q in qs if q.value == 40 and q.unit == "minute" and q.qualifier == "about"]
    assert hits and quantity_interval(hits[0]) == (2160, 2640)


def test_corpus_list_of_children_339_and_329(corpus_quantities):
    counts = {(key, q.value) for key, (_, qs) in corpus_quantities.items() for q in qs if q.counted == "children"}
    assert ("000", 339) in counts
    assert ("002", 329) in counts


def test_corpus_offsets_and_no_dates(corpus_quantities):
    assert len(corpus_quantities) == 5
    for text, qs in corpus_quantities.values():
        assert qs
        for q in qs:
            assert text[q.start:q.end] == q.text
            assert q.value not in (2022, 2025), q  # years are dates, not amounts


# (sentence, quantity text, expected predicate): what happened to what is counted.
PREDICATE_CASES = [
    ("Four people were injured when the roof fell.", "Four", "injure"),
    ("The blast injured 14 and damaged two shops.", "14", "injure"),
    ("The storm left 20 dead and 40 injured.", "20", "die"),
    ("The storm left 20 dead and 40 injured.", "40", "injure"),
    ("Three workers died at the mine.", "Three", "die"),
    # A participle after the number is what happened, not the counted noun (QA: "hurt" read as killed).
    ("Three people were killed and at least 20 hurt when the train left the tracks.", "at least 20", "hurt"),
    ("Two people were killed and 14 wounded when the bus overturned.", "14", "wound"),
    # A number in words before "dead" counts the dead, though no noun follows it (QA derail:
    # "a toll of two dead and 17 injured" gave only the 17).
    ("Earlier the fire service had given a toll of two dead and 17 injured.", "two", "die"),
    ("By noon the toll stood at three dead.", "three", "die"),
    ("The avalanche killed two skiers.", "two", "kill"),
    ("Medics evacuated more than 300 patients overnight.", "more than 300", "evacuate"),
    ("More than 300 tenants were evacuated from the tower.", "More than 300", "evacuate"),
    ("The rivals agreed to exchange 250 detainees.", "250", "exchange"),
    ("Both camps approved the exchange of 900 captives.", "900", "exchange"),
    ("The envoy went through the list of 45 names.", "45", "list"),
    ("The 45 pupils listed by the school were found.", "45", "list"),
    ("The club has 45 members.", "45", None),
    ("Officials said 12 climbers were rescued.", "12", "rescue"),
    # A route or a means: nothing is done to what the number counts.
    ("The truce lets food through three crossings into the city.", "three", None),
    ("The sides agreed to open three crossings into the city.", "three", "open"),
    ("The convoy drove aid across two bridges.", "two", None),
    # On board a craft: carried, whatever the verb of its journey; what happened to them still says.
    ("The jet, with nearly 190 passengers on board, was flying to Warsaw.", "nearly 190", "carry"),
    ("The plane had 181 people on board.", "181", "carry"),
    ("There were 186 passengers and six crew aboard the plane.", "186", "carry"),
    ("The plane, carrying 192 people, landed safely.", "192", "carry"),
    ("The crash killed all 150 people on board.", "150", "kill"),
]


@pytest.mark.parametrize("sentence,text,predicate", PREDICATE_CASES)
def test_quantity_predicate(nlp, sentence, text, predicate):
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    assert found[text].predicate == predicate


# Comparatives bound the number whatever the adjective, and "no/not" turns the bound round:
# (sentence, span text, low, high, canonical qualifier).
COMPARATIVES = [
    ("The union will refuse any pay cut larger than 15 percent.", "larger than 15 percent", 15, None, "more than"),
    ("Turnout was higher than 60 percent in the hill districts.", "higher than 60 percent", 60, None, "more than"),
    ("Waves bigger than 4 metres flooded the promenade.", "bigger than 4 metres", 4, None, "more than"),
    ("The ferry fare will be no higher than 20 dollars.", "no higher than 20 dollars", 0, 20, "up to"),
    ("Crowds smaller than 300 people met the minister.", "smaller than 300", 0, 300, "less than"),
    ("Rents lower than 500 euros are rare in the old town.", "lower than 500 euros", 0, 500, "less than"),
    ("The plan stays short of 40 percent of the target.", "short of 40 percent", 0, 40, "less than"),
    ("Well over 2,000 fans waited at the gate.", "Well over 2,000", 2000, None, "more than"),
    ("The line needs not fewer than 30 buses a day.", "not fewer than 30", 30, None, "at least"),
    ("Plots no smaller than 10 hectares qualify for the grant.", "no smaller than 10 hectares", 10, None, "at least"),
]


@pytest.mark.parametrize("sentence,text,low,high,qualifier", COMPARATIVES)
def test_comparative_qualifiers_bound_the_number(nlp, sentence, text, low, high, qualifier):
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert text in found, list(found)
    q = found[text]
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


def test_four_digit_count_the_tagger_calls_a_date_is_kept(nlp):
    """The time extractor does not read "1999 votes" as a year; neither may the quantity extractor drop it."""
    (q,) = find_quantities(nlp("The count ended and 1999 votes were declared valid."))
    assert (q.text, q.value, q.counted) == ("1999", 1999, "votes")
    assert find_quantities(nlp("The 2020 elections brought a new council.")) == []
    (q,) = find_quantities(nlp("Organisers say there's 2000 people in the square."))
    assert (q.text, q.value, q.counted) == ("2000", 2000, "people")


def test_a_four_letter_number_word_is_counted_not_read_as_a_year(nlp):
    # "five" spans four characters, as a year does: the year check must not take it for digits.
    (quantity,) = find_quantities(nlp("Rescuers said five people were hurt in the blast."))
    assert (quantity.text, quantity.value, quantity.counted) == ("five", 5, "people")


@pytest.mark.parametrize(
    "sentence, parts",
    [
        # "45 minutes later" dates what follows; it is not the rest of the hour.
        ("The hearing lasted one hour, and 45 minutes later the court rose.", ["one hour", "45 minutes"]),
        ("It took 3 hours and 4 hours.", ["3 hours", "4 hours"]),  # the same unit: two durations
        ("It took 1 hour and 90 minutes.", ["1 hour", "90 minutes"]),  # no remainder of an hour
    ],
)
def test_durations_that_are_not_parts_of_one_stay_apart(nlp, sentence, parts):
    assert [q.text for q in find_quantities(nlp(sentence)) if q.unit] == parts


# (sentence, span, low, high, player): match minutes are points on a game's clock, told of a player.
MATCH_MINUTES = [
    ("Ivo Marek scored the winner in the 64th minute.", "64th minute", 64, 64, "Marek"),
    ("Tomas Lind's 71st-minute header settled the derby.", "71st-minute", 71, 71, "Lind"),
    ("Marek levelled in the 2nd minute of stoppage time.", "2nd minute", 2, 2, "Marek"),
    ("The 88th-minute goal came from Sandro Vellić.", "88th-minute", 88, 88, "Vellic"),
    # A countdown from the 90th, give or take a minute: not a duration of five minutes.
    ("Sandro Vell equalised five minutes from time.", "five minutes from time", 84, 86, "Vell"),
    ("Oskar Brandt struck 12 minutes from full-time.", "12 minutes from full-time", 77, 79, "Brandt"),
]


@pytest.mark.parametrize("sentence,text,low,high,player", MATCH_MINUTES)
def test_match_minutes(nlp, sentence, text, low, high, player):
    found = find_quantities(nlp(sentence))
    assert [q.text for q in found] == [text]
    assert (found[0].low, found[0].high, found[0].unit, found[0].counted) == (low, high, "match minute", player)


def test_a_countdown_is_no_duration(nlp):
    from synopsis.extract.match_minutes import drop_countdown_durations
    from synopsis.extract.times import find_times

    sentence = "Sandro Vell equalised five minutes from time after a break of ten minutes."
    quantities = find_quantities(nlp(sentence))
    durations = [t.text for t in drop_countdown_durations(find_times(sentence), quantities) if t.type == "DURATION"]
    assert durations == ["ten minutes"]
    assert [q.text for q in quantities if q.unit == "minute"] == ["ten minutes"]


def test_match_minutes_are_not_rounded():
    minute = Quantity("80th minute", 0, 11, 80, 80, 80, "match minute", "Marek")
    assert interval_from_quantity(minute).low == interval_from_quantity(minute).high == 80


# (sentence, span, counted): a gathering counted by a bare number in its "of".
GATHERINGS = [
    ("A crowd of 18,000 watched the final.", "18,000", "crowd"),
    ("The club announced an attendance of 9,500 for the match.", "9,500", "attendance"),
    ("A total of 300 were killed.", "300", None),  # a sum is not a gathering
]


@pytest.mark.parametrize("sentence,text,counted", GATHERINGS)
def test_gathering_counts_its_people(nlp, sentence, text, counted):
    found = {q.text: q for q in find_quantities(nlp(sentence))}
    assert found[text].counted == counted


# (sentence, span, majority, minority): a vote split is one value, the tally for and against together.
VOTE_SPLITS = [
    ("The committee voted seven to two for the cut.", "seven to two", 7, 2),
    ("The panel split six votes to three on the cut.", "six votes to three", 6, 3),
    ("The court handed down a 5–4 ruling on Friday.", "5–4", 5, 4),
    ("Members voted 7-2 to approve the budget.", "7-2", 7, 2),
    ("The motion passed by 312 votes to 198.", "312 votes to 198", 312, 198),
    ("The plan was approved by a vote of 7 to 2.", "7 to 2", 7, 2),
    # Told by sides, in either order, the larger side the majority.
    ("Nine members voted in favour and four against.", "Nine members voted in favour and four against", 9, 4),
    ("The motion was carried with four against and nine in favour.", "four against and nine in favour", 9, 4),
    ("The board approved it, nine in favour, four against.", "nine in favour, four against", 9, 4),
    ("The bill was backed by 9 votes to 4.", "9 votes to 4", 9, 4),
    ("The Senate passed the bill 52-48.", "52-48", 52, 48),
    ("It was carried with 212 votes in favour, 150 against.", "212 votes in favour, 150 against",
     212, 150),
]


@pytest.mark.parametrize("sentence,text,majority,minority", VOTE_SPLITS)
def test_vote_splits_are_one_value(nlp, sentence, text, majority, minority):
    from synopsis.extract.vote_splits import VOTE_SPLIT, split_of

    found = find_quantities(nlp(sentence))
    assert [(q.text, q.unit) for q in found] == [(text, VOTE_SPLIT)]
    interval = interval_from_quantity(found[0])
    assert interval.low == interval.high and split_of(interval.low) == f"{majority}–{minority}"


@pytest.mark.parametrize("sentence", [
    "Dinamo won 3-1 at home on Sunday.",            # a match score
    "Volunteers ages 18-25 may apply.",             # a range of ages
    "The office is open from 2-4pm.",               # a range of hours
    "The council voted to extend the pause by 30 to 60 days.",  # a range, though voted
    "The partners agreed to split the cost 50-50.",  # an even share, not a vote
    "The board has nine members, four of them new.",  # two numbers, no sides
    "Four of the nine members voted against.",  # one side only
    "The council voted unanimously for the plan.",  # no number to compare
])
def test_scores_and_ranges_are_no_vote_split(nlp, sentence):
    assert all(q.unit != "vote split" for q in find_quantities(nlp(sentence)))


def test_vote_splits_differ_and_agree():
    from synopsis.extract.vote_splits import find_vote_splits
    from synopsis.facts.intervals import compatible

    seven_two, six_three = find_vote_splits("They voted seven to two; others say it split six votes to three.")
    other_seven_two = find_vote_splits("a 7-2 vote")[0]
    assert not compatible(interval_from_quantity(seven_two), interval_from_quantity(six_three))
    assert compatible(interval_from_quantity(seven_two), interval_from_quantity(other_seven_two))
