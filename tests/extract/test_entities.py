"""Entities: NER clean-up (the labels and extents of names the tagger gets wrong); reference corpus."""

from __future__ import annotations

import pytest

from synopsis.extract.entities import find_entities


@pytest.mark.parametrize(
    "sentence,text,label",
    [
        ("The talks were hosted by the United Nations in Geneva.", "United Nations", "ORG"),
        ("Vladimir Zelensky's office issued a statement.", "Vladimir Zelensky", "PERSON"),
        ("Russian Presidential Spokesman Pavel Sorokin declined to comment.", "Pavel Sorokin", "PERSON"),
    ],
)
def test_span_fixes(nlp, sentence, text, label):
    ents = find_entities(nlp(sentence))
    assert any(e.text == text and e.label == label for e in ents), [(e.text, e.label) for e in ents]


def test_dates_and_numbers_are_left_to_other_extractors(nlp):
    ents = find_entities(nlp("On July 23, 2025, 40 delegates from Turkey met for 3 hours."))
    assert {e.label for e in ents} <= {"GPE", "NORP", "ORG", "PERSON", "LOC"}
    assert any(e.text == "Turkey" for e in ents)


@pytest.fixture(scope="module")
def corpus_entities(nlp, reference_corpus):
    out = {}
    for path in sorted(reference_corpus.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out[path.name[:3]] = (text, find_entities(nlp(text)))
    return out


def test_corpus_offsets(corpus_entities):
    for text, ents in corpus_entities.values():
        assert ents
        for e in ents:
            assert text[e.start:e.end] == e.text
            assert not e.text.endswith(("'s", "’s")) and not e.text.lower().startswith("the ")
            if e.title is not None:
                assert text[e.title_start:e.title_end] == e.title


def test_corpus_titles_of_delegation_heads(corpus_entities):
    titles = {(e.text.split()[-1], e.title) for _, ents in corpus_entities.values() for e in ents if e.title}
    assert ("Umerov", "National Security and Defense Council Secretary") in titles
    assert ("Medinsky", "Presidential Aide") in titles or ("Medinsky", "Kremlin aide") in titles
    assert ("Umerov", "former Defense Minister") in titles
    assert ("Fidan", "Turkish Foreign Minister") in titles


def test_full_name_the_tagger_missed_elsewhere_in_the_article_is_a_mention(nlp):
    doc = nlp("Defense Minister Ivan Petrenko led the team. Later Defence Minister Ivan Petrenko spoke. "
              "Ivan Petrenko left.")
    # The tagger's slips, as the small model makes them: the second mention cut to the surname,
    # the third missed.
    first = doc.text.index("Ivan")
    second = doc.text.index("Petrenko", doc.text.index("Later"))
    doc.ents = [doc.char_span(first, first + len("Ivan Petrenko"), label="PERSON"),
                doc.char_span(second, second + len("Petrenko"), label="PERSON")]
    people = [(e.text, e.title) for e in find_entities(doc) if e.label == "PERSON"]
    assert people == [("Ivan Petrenko", "Defense Minister"), ("Ivan Petrenko", "Defence Minister"), ("Ivan Petrenko", None)]


@pytest.mark.parametrize(
    "sentence,organisation",
    [
        ("Officials of the Defence Council Strategy Review met on Monday.", "Defence Council Strategy Review"),
        ("The Harbour Authority Press Office declined to comment.", "Harbour Authority Press Office"),
        ("Reporters from the Union Pacific Railroad Company waited.", "Union Pacific Railroad Company"),
    ],
)
def test_an_organisations_own_last_words_stay_in_its_name(nlp, sentence, organisation):
    assert organisation in [e.text for e in find_entities(nlp(sentence)) if e.label == "ORG"]


def test_name_cut_after_a_joiner_ends_before_it(nlp):
    doc = nlp("The Ministry of Foreign Affairs of the Republic of Borovia announced the talks.")
    start = doc.text.index("Ministry")
    doc.ents = [doc.char_span(start, doc.text.index(" the Republic"), label="ORG")]
    assert [e.text for e in find_entities(doc)] == ["Ministry of Foreign Affairs"]


@pytest.mark.parametrize(
    ("sentence", "place"),
    [
        ("Shelling hit Donetsk, Luhansk, Zaporizhzhia and Kherson overnight.", "Zaporizhzhia"),  # tagged PERSON
        ("Shelling hit Donetsk, Luhansk, Zaporizhzhia and Kherson overnight.", "Kherson"),
        ("Civilians were killed in the town of Bucha, officials said.", "Bucha"),  # tagged ORG
        ("Protesters gathered in Kramatorsk on Sunday.", "Kramatorsk"),  # tagged PRODUCT
        ("Andre Jackson and Kyiv officials met in Lviv.", "Kyiv"),  # tagged PERSON
    ],
)
def test_towns_the_tagger_takes_for_people_or_organisations_are_places(nlp, sentence, place):
    tagged = {e.text: e.label_ for e in nlp(sentence).ents}
    assert tagged[place] != "GPE"  # the tagger's slip this test is about
    assert {e.text: e.label for e in find_entities(nlp(sentence))}[place] == "GPE"


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Jackson said the talks had failed.", "Jackson"),  # a town's name, written as a person's
        ("Andre Jackson and Kyiv officials met in Lviv.", "Andre Jackson"),
    ],
)
def test_people_named_like_towns_stay_people(nlp, sentence, person):
    assert {e.text: e.label for e in find_entities(nlp(sentence))}[person] == "PERSON"


def test_an_ordinary_word_a_sentence_capitalised_is_not_a_person(nlp):
    # The small model tags "Calm" PERSON; the article writes "calm" in lower case later on.
    found = {(e.text, e.label) for e in find_entities(nlp("Calm returned to the streets of Cairo on Tuesday. The imam appealed for calm."))}
    assert not any(label == "PERSON" for _, label in found)
    assert ("Cairo", "GPE") in found


def test_a_one_word_name_opening_a_sentence_stays_a_person(nlp):
    # Never written in lower case: a name, wherever the sentence puts it.
    text = "Tomas Keller spoke first. Keller said the plan was sound."
    assert ("Keller", "PERSON") in {(e.text, e.label) for e in find_entities(nlp(text))}


def test_an_organisation_tagged_as_a_person_is_an_organisation(nlp):
    found = {(e.text, e.label) for e in find_entities(nlp("Hundreds protested outside the Press Syndicate in Cairo on Monday."))}
    assert any(label == "ORG" and text.endswith("Syndicate") for text, label in found)
    assert not any(label == "PERSON" for _, label in found)


@pytest.mark.parametrize(
    ("sentence", "street"),
    [
        ("Thousands marched from the old tobacco factory to Place Bellecour on Thursday.", "Place Bellecour"),
        ("Protesters gathered on Avenue Habib Bourguiba in the evening.", "Avenue Habib Bourguiba"),
    ],
)
def test_a_street_the_tagger_takes_for_a_person_is_a_place(nlp, sentence, street):
    found = {(e.text, e.label) for e in find_entities(nlp(sentence))}
    assert (street, "FAC") in found
    assert not any(label == "PERSON" for _, label in found)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        # A surname that is also an ordinary word, opening its sentence after the full name.
        ("Prime Minister Theresa May met EU leaders. May said a deal was close, though talks may fail.", "May"),
        # Surnames that are street or organisation words.
        ("Diane Lane arrived in Paris.", "Diane Lane"),
        ("Margaret Court said the plan was sound.", "Margaret Court"),
    ],
)
def test_people_named_like_words_streets_or_bodies_stay_people(nlp, text, person):
    assert (person, "PERSON") in {(e.text, e.label) for e in find_entities(nlp(text))}


def _as_tagged(nlp, sentence: str, ents: list[tuple[str, str]]):
    """The parsed sentence with the tagger's entities set as the small model tags them."""
    doc = nlp(sentence)
    doc.ents = [doc.char_span(sentence.index(text), sentence.index(text) + len(text), label=label) for text, label in ents]
    return doc


@pytest.mark.parametrize(
    ("sentence", "ents", "person", "title"),
    [
        # The name tagged ORG after a title and its body's abbreviation.
        ("Other members included Deputy Head of the Security Service of Norland (NSS) Petro Lysenko.",
         [("Deputy Head", "PERSON"), ("Security Service of Norland", "ORG"), ("NSS", "ORG"), ("Petro Lysenko", "ORG")],
         "Petro Lysenko", "Deputy Head of the Security Service of Norland"),
        # ... and after a title that ends with its body's name.
        ("The talks were joined by Deputy Head of the Security Service of Norland Petro Lysenko.",
         [("Security Service of Norland", "ORG"), ("Petro Lysenko", "ORG")],
         "Petro Lysenko", "Deputy Head of the Security Service of Norland"),
        # A name the tagger ran into the body of its office, which it does not read alone as a person.
        ("Other members included Deputy Head of the Foreign Intelligence Service Taras Holub.",
         [("Deputy Head", "PERSON"), ("Foreign Intelligence Service Taras Holub", "ORG")],
         "Taras Holub", "Deputy Head of the Foreign Intelligence Service"),
    ],
)
def test_a_name_after_a_persons_title_is_a_person_whatever_the_tagger_says(nlp, sentence, ents, person, title):
    found = {e.text: (e.label, e.title) for e in find_entities(_as_tagged(nlp, sentence, ents))}
    assert found[person] == ("PERSON", title)


@pytest.mark.parametrize(
    ("sentence", "ents", "name"),
    [
        ("She is the chief executive of Goldman Sachs.", [("Goldman Sachs", "ORG")], "Goldman Sachs"),
        ("Officials met Morgan Stanley and the Security Council.", [("Morgan Stanley", "ORG"), ("Security Council", "ORG")],
         "Morgan Stanley"),
    ],
)
def test_a_firm_named_like_a_person_without_a_title_stays_an_organisation(nlp, sentence, ents, name):
    assert {e.text: e.label for e in find_entities(_as_tagged(nlp, sentence, ents))}[name] == "ORG"


@pytest.mark.parametrize(
    ("sentence", "ents", "outlet"),
    [
        # The tagger cuts a registered outlet's name in two ("PBS" ORG, "NewsHour" PRODUCT).
        ("PBS NewsHour, Al Jazeera and France24 reported that little headway was made.",
         [("PBS", "ORG"), ("NewsHour", "PRODUCT"), ("Al Jazeera", "ORG"), ("France24", "ORG")], "PBS NewsHour"),
        # A programme the registry lists for its outlet is the outlet, not a product.
        ("She told NewsHour that the talks had stalled.", [("NewsHour", "PRODUCT")], "NewsHour"),
    ],
)
def test_an_outlets_name_or_programme_is_an_organisation(nlp, sentence, ents, outlet):
    found = {e.text: e.label for e in find_entities(_as_tagged(nlp, sentence, ents))}
    assert found[outlet] == "ORG"
    assert "NewsHour" not in found or outlet == "NewsHour"


def _tagged(nlp, sentence: str, name: str, label: str):
    """The sentence's doc with one name tagged as the small model mis-tags it."""
    doc = nlp(sentence)
    start = doc.text.index(name)
    doc.ents = [doc.char_span(start, start + len(name), label=label)]
    return doc


@pytest.mark.parametrize(
    ("sentence", "tagged", "label", "expected"),
    [
        # A score glued to a club's name: the club, an organisation.
        ("Olimpija Varna beat Radnik Borovo 2-1 on Thursday.", "Radnik Borovo 2-1", "LAW", [("Radnik Borovo", "ORG")]),
        ("Radnik Borovo lost to Olimpija Varna 3–0 at home.", "Olimpija Varna 3–0", "WORK_OF_ART", [("Olimpija Varna", "ORG")]),
        # A player's score leaves a person.
        ("Tomas Verlin 6-3 was the final set.", "Tomas Verlin 6-3", "PERSON", [("Tomas Verlin", "PERSON")]),
        # A number that is no score stays in the name.
        ("Resolution 2231 was adopted.", "Resolution 2231", "LAW", [("Resolution 2231", "LAW")]),
    ],
)
def test_a_score_glued_to_a_name_is_cut_off(nlp, sentence, tagged, label, expected):
    assert [(e.text, e.label) for e in find_entities(_tagged(nlp, sentence, tagged, label))] == expected


@pytest.mark.parametrize(
    ("sentence", "tagged", "label"),
    [
        ("A crowd of 20,000 watched at the Kovalin stadium.", "Kovalin", "FAC"),  # a venue's name
        ("Olek Kovalin said the stadium was full.", "Olek Kovalin", "PERSON"),
        ("They met Olek Kovalin at the hospital.", "Olek Kovalin", "PERSON"),
    ],
)
def test_a_name_written_before_a_venue_noun_is_the_venue(nlp, sentence, tagged, label):
    assert [(e.text, e.label) for e in find_entities(_tagged(nlp, sentence, tagged, "PERSON"))] == [(tagged, label)]


@pytest.mark.parametrize(
    ("sentence", "tagged", "expected"),
    [
        # "X in <town>" run together: the body and the town.
        ("Talks with the Northern Defence Forces in Jeddah ended.", "Northern Defence Forces in Jeddah",
         [("Northern Defence Forces", "ORG"), ("Jeddah", "GPE")]),
        # A body whose own name ends in a region or country keeps it.
        ("The Organization for Security and Co-operation in Europe sent observers.",
         "Organization for Security and Co-operation in Europe",
         [("Organization for Security and Co-operation in Europe", "ORG")]),
        ("The Bank of Farming in Sudan lent the money.", "Bank of Farming in Sudan", [("Bank of Farming in Sudan", "ORG")]),
    ],
)
def test_an_organisation_run_into_its_town_is_split(nlp, sentence, tagged, expected):
    assert [(e.text, e.label) for e in find_entities(_tagged(nlp, sentence, tagged, "ORG"))] == expected


def test_an_organisations_name_with_and_inside_stays_whole(nlp):
    # QA: "The Integrity and Anti-Corruption Commission" was cut to "Anti-Corruption Commission"
    doc = _as_tagged(nlp, "The Audit and Public Ethics Board said the ruling was fair.", [("Public Ethics Board", "ORG")])
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Audit and Public Ethics Board", "ORG")]


def test_a_body_and_a_place_joined_by_and_stay_apart(nlp):
    doc = _as_tagged(nlp, "Norland and the Public Ethics Board said the ruling was fair.",
                     [("Norland", "GPE"), ("Public Ethics Board", "ORG")])
    assert [e.text for e in find_entities(doc)] == ["Norland", "Public Ethics Board"]


def test_a_name_after_a_number_of_members_is_a_body_without_a_title(nlp):
    # QA: "the 141-member Seimas" was a person titled "member"
    doc = _as_tagged(nlp, "The party won 51 seats in the 141-member Valdra.", [("Valdra", "PERSON")])
    assert [(e.text, e.label, e.title) for e in find_entities(doc)] == [("Valdra", "ORG", None)]
    # The count of a family's members is the family's: its name stays a person's.
    doc = _as_tagged(nlp, "The 12-member Orlov family sued the city.", [("Orlov", "PERSON")])
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Orlov", "PERSON")]


def test_a_town_before_an_office_word_is_a_place_not_a_person(nlp):
    ents = {e.text: e.label for e in find_entities(nlp("Former Zarqa mayor Tarek Nouri was sentenced on Sunday."))}
    assert ents.get("Zarqa") == "GPE"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # The parse coordinates the first word with the rest of the body's name, or the tagger
        # makes it an organisation of its own: either way one body.
        ("The Audit and Anti-Fraud Commission said the contract was the largest it had reviewed.",
         ["Audit and Anti-Fraud Commission"]),
        ("On Friday the Integrity and Anti-Fraud Commission opened an inquiry.", ["Integrity and Anti-Fraud Commission"]),
        # Two bodies, the first the head of the pair: two names.
        ("The Kremlin and Foreign Ministry said talks would go on.", ["Kremlin", "Foreign Ministry"]),
    ],
)
def test_a_body_named_across_and_is_one_name_two_bodies_stay_two(nlp, sentence, names):
    assert [e.text for e in find_entities(nlp(sentence)) if e.label == "ORG"] == names


@pytest.mark.parametrize(
    ("sentence", "tagged", "label"),
    [
        # QA pass 21: "Brenmoor General Hospital" tagged PERSON became a person "Hospital" titled
        # "Brenmoor General"
        ("Two fans were taken to Harlow General Hospital.", "Harlow General Hospital", "FAC"),
        ("She studied at Kelby Central University.", "Kelby Central University", "ORG"),
    ],
)
def test_a_name_ending_in_an_institution_word_is_no_person(nlp, sentence, tagged, label):
    assert [(e.text, e.label) for e in find_entities(_tagged(nlp, sentence, tagged, "PERSON"))] == [(tagged, label)]


def test_a_persons_name_ends_before_lower_case_words_run_into_it(nlp):
    # QA pass 21: "with Valmonte third in the table" gave a speaker "Valmonte third"
    doc = _tagged(nlp, "Fans were angry, with Verlin third in the table.", "Verlin third", "PERSON")
    assert [(e.text, e.label) for e in find_entities(doc)] == [("Verlin", "PERSON")]


@pytest.mark.parametrize(
    ("sentence", "ents", "person"),
    [
        # The small model tags given names it does not know as it guesses.
        ("Joaquim Quintela has left Rivergate for Brenvale.", [("Joaquim Quintela", "ORG")], "Joaquim Quintela"),
        ("Buyers can order a Hedda Lindqvist shirt online.", [("Hedda Lindqvist", "NORP")], "Hedda Lindqvist"),
        # A lone surname tagged a place takes in the given name left before it ...
        ("Dorota Kaminska, of the union, said the deal was poor.", [("Kaminska", "GPE")], "Dorota Kaminska"),
        # ... or the given name the tagger alone read as a person's.
        ("Dorota Kaminska, of the union, said the deal was poor.", [("Dorota", "PERSON"), ("Kaminska", "GPE")],
         "Dorota Kaminska"),
        # ... and a lone given name the surname after it.
        ("The club signed Tomasz Wierzbicki on Friday.", [("Tomasz", "GPE")], "Tomasz Wierzbicki"),
    ],
)
def test_a_given_name_and_surname_the_tagger_took_for_a_place_or_body_is_a_person(nlp, sentence, ents, person):
    found = {e.text: e.label for e in find_entities(_as_tagged(nlp, sentence, ents))}
    assert found[person] == "PERSON"
    assert not [name for name in found if name != person and name in person]  # one mention, not two


@pytest.mark.parametrize(
    ("sentence", "ents", "name", "label"),
    [
        ("Ships sailed from Port Quintela at dawn.", [("Port Quintela", "GPE")], "Port Quintela", "GPE"),  # a place's first word
        ("Fans of Joaquim Quintela United cheered.", [("Joaquim Quintela United", "ORG")], "Joaquim Quintela United", "ORG"),
        ("Fans filled the Joaquim Quintela stadium.", [("Joaquim Quintela", "FAC")], "Joaquim Quintela", "FAC"),
        ("The Hedda Lindqvist Foundation gave money.", [("Hedda Lindqvist Foundation", "ORG")],
         "Hedda Lindqvist Foundation", "ORG"),
        ("Floods reached Florence Quintela overnight.", [("Florence Quintela", "GPE")], "Florence Quintela", "GPE"),  # a town's name first
        ("Talks were held in Brenvale Quintela.", [("Brenvale Quintela", "GPE")], "Brenvale Quintela", "GPE"),  # no given name
    ],
)
def test_a_given_name_and_surname_written_as_a_place_or_body_keeps_its_label(nlp, sentence, ents, name, label):
    assert {e.text: e.label for e in find_entities(_as_tagged(nlp, sentence, ents))}[name] == label


def test_a_lone_surname_of_such_a_person_is_that_person_wherever_written(nlp):
    text = ("Joaquim Quintela has left Rivergate for Brenvale. Quintela thanked the fans. "
            "Supporters can still buy a Quintela shirt. His brother Rui Quintela stays.")
    doc = _as_tagged(nlp, text, [("Joaquim Quintela", "ORG"), ("Rui Quintela", "PERSON")])
    doc.ents = [*doc.ents, doc.char_span(text.index("Quintela shirt"), text.index(" shirt"), label="NORP")]
    found = [(e.text, e.label, e.start) for e in find_entities(doc)]
    lone = [start for text_, label, start in found if text_ == "Quintela" and label == "PERSON"]
    # the untagged surname, and the one tagged a nationality; not the brother's
    assert lone == [text.index("Quintela thanked"), text.index("Quintela shirt")]
    assert ("Rui Quintela", "PERSON", text.index("Rui Quintela")) in found


def test_without_the_names_extra_the_tagger_s_label_stays(nlp, monkeypatch):
    from synopsis.extract import person_gender

    monkeypatch.setattr(person_gender, "_detector", lambda: None)
    doc = _as_tagged(nlp, "Joaquim Quintela has left Rivergate for Brenvale.", [("Joaquim Quintela", "ORG")])
    assert {e.text: e.label for e in find_entities(doc)}["Joaquim Quintela"] == "ORG"


@pytest.mark.parametrize(
    ("sentence", "person"),
    [
        ("Dr Vorhagen, the governor, argued that growth left room to act.", "Vorhagen"),
        ("The cut was a mistake, Ms Tallqvist told the paper.", "Tallqvist"),
    ],
)
def test_a_name_the_tagger_missed_after_a_courtesy_title_is_a_person(nlp, sentence, person):
    people = [e.text for e in find_entities(nlp(sentence)) if e.label == "PERSON"]
    assert person in people


@pytest.mark.parametrize(
    ("text", "place", "label"),
    [
        ("Residents of Dunmore Hill were woken shortly after midnight.", "Dunmore Hill", "LOC"),
        ("Pets can be taken to the showground on Tannery Lane.", "Tannery Lane", "FAC"),
    ],
)
def test_a_hill_or_lane_written_as_a_place_is_one(nlp, text, place, label):
    # as the small model tags such names: a person
    found = {e.text: e.label for e in find_entities(_as_tagged(nlp, text, [(place, "PERSON")]))}
    assert found.get(place) == label, found


def test_a_person_named_hill_or_lane_stays_a_person(nlp):
    text = "The festival opened with a film of Diane Lane."
    found = {e.text: e.label for e in find_entities(_as_tagged(nlp, text, [("Diane Lane", "PERSON")]))}
    assert found["Diane Lane"] == "PERSON"


def test_a_plural_word_opening_a_sentence_is_no_person(nlp):
    text = "Schools in Dunmore will remain closed until Thursday."
    found = find_entities(_as_tagged(nlp, text, [("Schools", "PERSON"), ("Dunmore", "GPE")]))
    assert not any(e.label == "PERSON" for e in found)


def test_a_surname_that_is_a_plural_word_stays_a_person(nlp):
    text = "Woods said his back hurt. The golfer Tom Woods withdrew on Friday."
    found = find_entities(_as_tagged(nlp, text, [("Tom Woods", "PERSON"), ("Woods", "PERSON")]))
    assert ("Woods", "PERSON") in {(e.text, e.label) for e in found}


def test_a_companys_first_word_alone_is_that_company(nlp):
    text = ("Morvane Systems agreed to buy Quellick Logistics on Monday. Morvane will pay 40 euros "
            "for each Quellick share. Quellick shares rose 18 percent.")
    found = {(e.text, e.label) for e in find_entities(nlp(text))}
    assert ("Morvane", "ORG") in found and ("Quellick", "ORG") in found, found


def test_a_town_a_body_is_named_after_stays_a_town(nlp):
    text = "The Lindmark District Court sat in Lindmark on Monday. Lindmark lies on the river."
    found = {(e.text, e.label) for e in find_entities(nlp(text))}
    assert not any(text == "Lindmark" and label == "ORG" for text, label in found), found
