import dataclasses

from synopsis.compare.coverage import describe_coverage
from synopsis.records import Alias, ArticleAnalysis, StoryEntity, TimeRef
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
    # Provenance: the article it was cut from, and where in that article's raw input.
    piece, = coverage["Outlet A"].non_reporting
    cut, = next(a for a in analyses if a.article.id == piece.article_id).article.removed
    assert (piece.article_id, piece.text, piece.start, piece.end) == ("a", cut.text, cut.start, cut.end)


def _dated(analysis: ArticleAnalysis, *dates: tuple[str, str]) -> ArticleAnalysis:
    """The analysis with DATE expressions at the given words ((words, value) pairs)."""
    text = analysis.article.text
    times = tuple(TimeRef(words, text.index(words), text.index(words) + len(words), "DATE", value) for words, value in dates)
    return dataclasses.replace(analysis, times=times)


def _reported_by(claim_id: str, sentence: str, *analyses: ArticleAnalysis):
    return make_claim(claim_id, "corroborated", [evidence_for(a, sentence) for a in analyses])


DATES = (("31 December", "2024-12-31"), ("2 January", "2025-01-02"), ("28 December", "2024-12-28"))
LATER_TEXT = ("Police arrested 120 protesters on 31 December. The imam appealed for calm on 2 January. "
              "Fuel prices rose by 15 percent on 28 December. Unions called a strike.")


def test_an_outlet_is_not_charged_with_facts_from_after_it_published():
    early = ArticleAnalysis(article=make_article("e", "Early Wire", "Markets were calm.", published="2024-12-29T11:00:00+02:00"))
    mid = _dated(ArticleAnalysis(article=make_article("m", "Mid Post", LATER_TEXT, published="2025-01-02T09:00:00+02:00")), *DATES)
    late = _dated(ArticleAnalysis(article=make_article("l", "Late Daily", LATER_TEXT, published="2025-01-03T07:00:00+00:00")), *DATES)
    claims = [
        _reported_by("arrests", "Police arrested 120 protesters on 31 December.", mid, late),
        _reported_by("appeal", "The imam appealed for calm on 2 January.", mid, late),
        _reported_by("rise", "Fuel prices rose by 15 percent on 28 December.", mid, late),
        # Undated, and reported only on days after the early report: a later development.
        _reported_by("strike", "Unions called a strike.", mid, late),
    ]
    coverage = {c.outlet: c for c in describe_coverage([early, mid, late], claims)}
    # The price rise came the day before the early report: that one it does leave out.
    assert coverage["Early Wire"].omits == ("rise",)
    # The same facts are all omissions for an outlet that published after them.
    on_the_3rd = ArticleAnalysis(article=make_article("x", "Third Paper", "Markets were calm.", published="2025-01-03T12:00:00+00:00"))
    coverage = {c.outlet: c for c in describe_coverage([early, mid, late, on_the_3rd], claims)}
    assert coverage["Third Paper"].omits == ("arrests", "appeal", "rise", "strike")
    # Undated articles and encyclopedias (a page's creation date) are charged as before.
    undated = ArticleAnalysis(article=make_article("u", "No Date", "Markets were calm."))
    page = ArticleAnalysis(article=make_article("p", "Wiki", "Markets were calm.", kind="encyclopedia", published="2024-12-01"))
    coverage = {c.outlet: c for c in describe_coverage([undated, page, mid, late], claims)}
    assert coverage["No Date"].omits == coverage["Wiki"].omits == ("arrests", "appeal", "rise", "strike")


def test_only_spellings_of_a_name_are_word_choices_not_other_names_for_it():
    body = StoryEntity(
        name="Russian Ministry of Defense",
        type="ORG",
        aliases=(Alias("Ministry of Defense", ("Outlet B", "Outlet C"), 2), Alias("Russian Defense Ministry", ("Outlet A",), 1)),
    )
    analyses, claims, entities = story()
    terms = {c.outlet: c.terms for c in describe_coverage(analyses, claims, entities + [body])}
    assert "Kiev (others: Kyiv)" in terms["Outlet A"]
    assert not any("Defense Ministry" in t for t in terms["Outlet A"])


def test_an_outlet_telling_the_fact_in_another_version_does_not_leave_it_out():
    from synopsis.records import Entity, Sentence
    from tests.compare.test_brief_wordings import titled_story

    analyses, led, office = titled_story()
    # Paper E calls him Council Secretary too, but in a sentence on something else.
    text = "Security Council Secretary Ivan Petrenko opened a hospital in Dorn."
    e = ArticleAnalysis(article=make_article("e", "Paper E", text), sentences=(Sentence(0, len(text), text),),
                        entities=(Entity("Ivan Petrenko", "PERSON", 27, 40, "Security Council Secretary", 0, 26),))
    council = office.versions[1]
    office = dataclasses.replace(office, versions=(office.versions[0], dataclasses.replace(
        council, sources=council.sources + ("Paper E",),
        evidence=council.evidence + (evidence_for(e, "Security Council Secretary Ivan Petrenko"),))))
    # Alignment kept Paper C's sentence (another office) and Paper D's apart from the fact.
    led = make_claim("k1", "corroborated", [x for x in led.evidence if x.article_id in {"a", "b"}])
    coverage = {item.outlet: item for item in describe_coverage(analyses + [e], [led], disputes=[office])}
    assert coverage["Paper C"].omits == ()
    # An outlet that gives the point's version about something else is still said to leave the
    # fact out; one that gives no version but tells the fact in its words bar the office ("Ivan
    # Petrenko led the delegation to Velm") does not leave it out (``restates_fact``).
    assert coverage["Paper D"].omits == ()
    assert coverage["Paper E"].omits == ("k1",)


def test_an_outlet_giving_another_number_for_the_fact_does_not_leave_it_out():
    """Alignment keeps "three injured" and "four hurt" apart as incompatible; the outlet saying four
    contradicts the fact (the dispute shows it) rather than leaving it out."""
    from synopsis.records import Dispute, DisputeVersion

    texts = {"a": "Three workers were injured in the blast at the depot.",
             "b": "Three workers were injured when the depot blew up.",
             "c": "Four workers were hurt in the blast at the depot.",
             "d": "Smoke rose over the depot for hours.",
             "e": "Police arrested a guard. Four workers were hurt earlier in the week."}
    analyses = [ArticleAnalysis(article=make_article(key, f"Paper {key.upper()}", text)) for key, text in texts.items()]
    a, b, c, _, e = analyses
    injured = make_claim("k1", "corroborated", [evidence_for(a, texts["a"]), evidence_for(b, texts["b"])])
    count = Dispute("number of workers injured", "count", (
        DisputeVersion("Three", "3", ("Paper A", "Paper B"), (evidence_for(a, texts["a"]), evidence_for(b, texts["b"]))),
        DisputeVersion("Four", "4", ("Paper C", "Paper E"),
                       (evidence_for(c, texts["c"]), evidence_for(e, "Police arrested a guard."))),
    ), "Outlets disagree on the number of workers injured.")
    coverage = {item.outlet: item for item in describe_coverage(analyses, [injured], disputes=[count])}
    assert coverage["Paper C"].omits == ()
    assert coverage["Paper D"].omits == ("k1",)
    # A version given in a sentence about something else does not tell the fact.
    assert coverage["Paper E"].omits == ("k1",)
    # Without the dispute, and with no number read from its sentence (no quantities here), nothing
    # says Paper C tells the fact otherwise: it is said to leave it out.
    assert {item.outlet: item for item in describe_coverage(analyses, [injured])}["Paper C"].omits == ("k1",)


def test_a_version_of_another_point_in_a_longer_report_is_no_version_of_the_fact():
    """Paper C's report of the Liberal result also gives the Farmers' share, which is disputed;
    Paper D gives the Farmers' share alone and never the Liberal result: it leaves that out."""
    from synopsis.records import Dispute, DisputeVersion

    texts = {"a": "The Liberal Movement came third with 11.5 percent and 16 seats.",
             "b": "The Liberal Movement came third with 11.5 percent and 16 seats.",
             "c": "The Farmers and Greens Alliance took 23.4 percent, and the Liberal Movement 11.5 percent and 16 seats.",
             "d": "The Farmers and Greens Alliance won 22.8 percent of the vote."}
    analyses = [ArticleAnalysis(article=make_article(key, f"Paper {key.upper()}", text)) for key, text in texts.items()]
    a, b, c, d = analyses
    liberal = make_claim("k1", "corroborated", [evidence_for(x, texts[x.article.id]) for x in (a, b, c)])
    farmers = Dispute("share won by Farmers and Greens Alliance", "count", (
        DisputeVersion("22.8 percent", "22.8", ("Paper D",), (evidence_for(d, texts["d"]),)),
        DisputeVersion("23.4 percent", "23.4", ("Paper C",), (evidence_for(c, texts["c"]),)),
    ), "Outlets disagree on the share won by Farmers and Greens Alliance.")
    coverage = {item.outlet: item for item in describe_coverage(analyses, [liberal], disputes=[farmers])}
    assert coverage["Paper D"].omits == ("k1",)


def _article_of_sentences(key: str, outlet: str, sentences: list[str], *numbers, person: str | None = None):
    """An analysis whose text is the sentences, with quantities (number, value, counted noun,
    predicate) and the person named in them, if any."""
    from synopsis.records import Entity, Quantity, Sentence

    text = " ".join(sentences)
    spans, position = [], 0
    for sentence in sentences:
        start = text.index(sentence, position)
        position = start + len(sentence)
        spans.append(Sentence(start, position, sentence))
    quantities = []
    for number, value, counted, predicate in numbers:
        start = text.index(number)
        quantities.append(Quantity(number, start, start + len(number), value, value, value, None, counted,
                                   predicate=predicate))
    entities = ()
    if person is not None:
        start = text.index(person)
        entities = (Entity(person, "PERSON", start, start + len(person)),)
    return ArticleAnalysis(article=make_article(key, outlet, text), sentences=tuple(spans), quantities=tuple(quantities),
                           entities=entities)


def test_an_outlet_telling_the_fact_with_another_number_does_not_leave_it_out_without_a_dispute():
    """Alignment keeps "fined 40,000 crowns" and "fined 25,000 crowns" apart and no dispute may be
    found: the outlet saying 25,000 tells the fact otherwise, it does not leave it out (QA: an outlet
    saying nine years "leaves out" the sentence of seven years)."""
    fine = "Inspectors fined the ferry operator 40,000 crowns over its rusted lifeboats on Monday."
    a = _article_of_sentences("a", "Paper A", [fine], ("40,000", 40000.0, "crowns", "fine"))
    b = _article_of_sentences("b", "Paper B", [fine, "The ferry kept sailing."], ("40,000", 40000.0, "crowns", "fine"))
    c = _article_of_sentences("c", "Paper C", ["Passengers were calm.",
                                               "Inspectors fined the ferry operator 25,000 crowns over its lifeboats."],
                              ("25,000", 25000.0, "crowns", "fine"))
    d = _article_of_sentences("d", "Paper D", ["Passengers were calm.", "The ferry kept sailing."])
    # Another number in words much like the fact's, but of another thing: the fact is still left out.
    e = _article_of_sentences("e", "Paper E", ["Inspectors said the ferry operator carried 25,000 passengers past "
                                               "its rusted lifeboats on Monday."],
                              ("25,000", 25000.0, "passengers", "carry"))
    fined = make_claim("k1", "corroborated", [evidence_for(a, fine), evidence_for(b, fine)])
    coverage = {item.outlet: item.omits for item in describe_coverage([a, b, c, d, e], [fined])}
    assert coverage["Paper C"] == ()
    assert coverage["Paper D"] == ("k1",)
    assert coverage["Paper E"] == ("k1",)


def test_an_outlet_telling_the_fact_with_more_detail_does_not_leave_it_out():
    """A sentence alignment did not put with the fact may tell all of it and more ("would appeal
    within 30 days"): the outlet reports the fact (QA: Amman Times "leaves out" that the defence
    would appeal); another remark of the same speaker is no report of it."""
    from synopsis.facts.support import SupportCheck

    said = "Harbour master Ines Varro said the ferry pier would reopen."
    varro = "Ines Varro"
    a = _article_of_sentences("a", "Paper A", [said], person=varro)
    b = _article_of_sentences("b", "Paper B", [said, "Gulls circled the quay."], person=varro)
    c = _article_of_sentences("c", "Paper C", ["Gulls circled the quay.", "Harbour master Ines Varro said the ferry "
                                               "pier would reopen once divers had checked its piles, probably in May."],
                              person=varro)
    d = _article_of_sentences("d", "Paper D", ["Harbour master Ines Varro said the storm had been the worst in years.",
                                               "Gulls circled the quay."], person=varro)
    reopen = make_claim("k1", "corroborated", [evidence_for(a, said), evidence_for(b, said)])
    coverage = {item.outlet: item.omits for item in describe_coverage([a, b, c, d], [reopen])}
    assert coverage["Paper C"] == ()
    # The support check, made for reports alignment already grouped, would cite Paper D's remark
    # for the fact; it gives too little of the fact's words to be a report of it found apart.
    assert SupportCheck({x.article.id: x for x in (a, b, c, d)}).supports(
        evidence_for(a, said), evidence_for(d, d.sentences[0].text))
    assert coverage["Paper D"] == ("k1",)


HOMELESS = "The explosion left 200 people homeless in the old quarter of the city."


def _homeless_story(*others):
    """Papers A and B: the blast left 200 people homeless; the papers after them: the sentences given."""
    a = _article_of_sentences("a", "Paper A", [HOMELESS], ("200", 200.0, "people", "leave"))
    b = _article_of_sentences("b", "Paper B", [HOMELESS, "Shops stayed shut."], ("200", 200.0, "people", "leave"))
    homeless = make_claim("k1", "corroborated", [evidence_for(a, HOMELESS), evidence_for(b, HOMELESS)])
    return [a, b, *others], homeless


def test_a_count_of_something_else_that_happened_is_no_other_number_for_the_fact():
    """"left 40 people injured" counts people too, but what happened to them is another slot (as a
    dispute keys it): the outlet leaves out how many were left homeless (review: it was taken as
    telling the fact with another number). One that says 150 were left homeless does tell it."""
    injured = _article_of_sentences("c", "Paper C", ["The explosion left 40 people injured in the old quarter of the city."],
                                    ("40", 40.0, "people", "injure"))
    unknown = _article_of_sentences("d", "Paper D", ["The explosion had 40 people in the old quarter of the city."],
                                    ("40", 40.0, "people", None))
    other = _article_of_sentences("e", "Paper E", ["The explosion left 150 people homeless in the old quarter of the city."],
                                  ("150", 150.0, "people", "leave"))
    analyses, homeless = _homeless_story(injured, unknown, other)
    coverage = {item.outlet: item.omits for item in describe_coverage(analyses, [homeless])}
    assert coverage["Paper C"] == ("k1",)
    assert coverage["Paper D"] == ("k1",)  # nothing said to have happened to them: no slot
    assert coverage["Paper E"] == ()


def test_another_number_in_a_sentence_naming_no_one_must_give_twice_the_words():
    """A fact naming no one is told with another number only by a sentence giving ``UNANCHORED_WORDS``
    of its words; one giving the support check's floor (``MIN_SHARED_WORDS``) but less says
    something else about the same count."""
    from synopsis.compare.fact_tellings import UNANCHORED_WORDS
    from synopsis.facts.support import MIN_SHARED_WORDS, SupportCheck

    few = "Aid workers said 150 people were homeless."
    sparse = _article_of_sentences("c", "Paper C", [few], ("150", 150.0, "people", "leave"))
    analyses, homeless = _homeless_story(sparse)
    check = SupportCheck({a.article.id: a for a in analyses})
    assert MIN_SHARED_WORDS <= check.shared_words(homeless.evidence[0], evidence_for(sparse, few)) < UNANCHORED_WORDS
    assert {item.outlet: item.omits for item in describe_coverage(analyses, [homeless])}["Paper C"] == ("k1",)
    # Given more of the fact's words, the same number is the fact told otherwise.
    more = "Aid workers said 150 people in the city were homeless."
    fuller = _article_of_sentences("c", "Paper C", [more], ("150", 150.0, "people", "leave"))
    analyses, homeless = _homeless_story(fuller)
    check = SupportCheck({a.article.id: a for a in analyses})  # words are weighted by their rarity in the story
    assert check.shared_words(homeless.evidence[0], evidence_for(fuller, more)) >= UNANCHORED_WORDS
    assert {item.outlet: item.omits for item in describe_coverage(analyses, [homeless])}["Paper C"] == ()


def _omits_by_outlet(nlp, fact: str, others: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """What each outlet leaves out of one fact Papers A and B report in the same sentence, the
    articles read by the real extractor."""
    from tests.compare.dispute_builders import extracted

    analyses = extracted(nlp, {"Paper A": fact, "Paper B": f"{fact} Gulls circled the quay.", **others})
    a, b = analyses[:2]
    claim = make_claim("k1", "corroborated", [evidence_for(a, fact), evidence_for(b, fact)])
    return {item.outlet: item.omits for item in describe_coverage(analyses, [claim])}


def test_an_outlet_telling_the_fact_with_its_number_in_other_words_does_not_leave_it_out(nlp):
    """"jailed for 4 years" tells "sentenced to four years" with other words and the same number,
    in a sentence about someone else's term as well (QA: the outlet "leaves out" the deputy's four
    years); the same number for something else, or the other person's term alone, does not."""
    fact = "A court in Dornholm on Tuesday sentenced his deputy Ilona Berec to four years in prison."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "Former port director Viktor Szalai was sentenced on Tuesday to nine years in jail for bribery, "
                   "while his deputy Ilona Berec was jailed for 4 years.",
        "Paper D": "Former port director Viktor Szalai was sentenced on Tuesday to nine years in jail for bribery.",
        "Paper E": "His deputy Ilona Berec, who had run the port for 4 years, was questioned in court on Tuesday.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)
    assert omits["Paper E"] == ("k1",)


def test_an_outlet_giving_a_party_s_result_with_another_verb_tells_it(nlp):
    """"came second with 24.1 percent and 33 seats" is told by "took 24.1 percent and 33 seats", and
    told otherwise by "took 25.3 percent and 35 seats" (QA: that outlet "leaves out" the result);
    another party's result, in its own sentence, does not tell it."""
    fact = "The ruling Blue Party of Premier Ana Lutz came second with 24.1 percent and 33 seats."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "The Blue Party took 24.1 percent and 33 seats, and the Green League 11.2 percent and 14 seats.",
        "Paper D": "The Blue Party took 25.3 percent and 35 seats, and the Green League 11.2 percent and 14 seats.",
        "Paper E": "The Green League came third with 11.2 percent and 14 seats.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ()
    assert omits["Paper E"] == ("k1",)


def test_an_outlet_is_not_charged_with_a_fact_others_cite_it_for():
    """"According to NWS, Karvia released ..." is the Nordic Wire Service's own fact relayed by others
    (QA: NWS "leaves out" it), named by the initials of its name, which its own text need not
    write (the cleaner takes its dateline's "(NWS)"). An outlet that neither tells nor is cited for
    the fact still leaves it out."""
    fact = "According to NWS, Karvia released the journalist Elin Strand and the businessman Oskar Berg."
    a = _article_of_sentences("a", "Paper A", [fact])
    b = _article_of_sentences("b", "Paper B", [fact, "Gulls circled the quay."])
    wire = _article_of_sentences("w", "Nordic Wire Service", ["Karvia and Lindmark swapped six prisoners.",
                                                              "Oman brokered the deal."])
    other = _article_of_sentences("d", "Paper D", ["Karvia and Lindmark swapped six prisoners.", "Oman brokered the deal."])
    released = make_claim("k1", "corroborated", [evidence_for(a, fact), evidence_for(b, fact)])
    coverage = {item.outlet: item.omits for item in describe_coverage([a, b, wire, other], [released])}
    assert coverage["Nordic Wire Service"] == ()
    assert coverage["Paper D"] == ("k1",)


def test_an_outlet_giving_the_fact_s_number_of_the_same_thing_in_a_shorter_sentence_tells_it():
    """"Nine people were injured, including two cabin crew" tells "Nine people were injured when the
    flight hit severe turbulence ..." though it shares few of its words (QA: the outlet "leaves
    out" the injured); the same number of people something else happened to does not."""
    fact = "Nine people were injured when the flight hit severe turbulence over the Alps on Saturday, the airline said."
    nine = ("Nine", 9.0, "people", "injure")
    a = _article_of_sentences("a", "Paper A", [fact], nine)
    b = _article_of_sentences("b", "Paper B", [fact, "Gulls circled the quay."], nine)
    told = _article_of_sentences("c", "Paper C", ["Nine people were injured, including two cabin crew, and were taken "
                                                  "to hospital."], nine)
    other = _article_of_sentences("d", "Paper D", ["Nine people were questioned by police at the airport."],
                                  ("Nine", 9.0, "people", "question"))
    injured = make_claim("k1", "corroborated", [evidence_for(a, fact), evidence_for(b, fact)])
    coverage = {item.outlet: item.omits for item in describe_coverage([a, b, told, other], [injured])}
    assert coverage["Paper C"] == ()
    assert coverage["Paper D"] == ("k1",)


def test_an_outlet_contradicting_a_fact_without_numbers_does_not_leave_it_out():
    """"the seatbelt sign was off" contradicts "had been switched on": a contradiction is no
    omission (QA: the outlet "leaves out" the fact it disputes); a sentence on something else
    that happened on the flight does not tell it."""
    fact = ("Meridian said the seatbelt sign had been switched on minutes before the jolt, after the crew was warned "
            "of rough air ahead.")
    a = _article_of_sentences("a", "Paper A", [fact])
    b = _article_of_sentences("b", "Paper B", [fact, "Gulls circled the quay."])
    contradicts = _article_of_sentences("c", "Paper C", ["Shockingly, the seatbelt sign was off when the jet hit the "
                                                         "rough air, according to passengers."])
    other = _article_of_sentences("d", "Paper D", ["Passengers described being thrown from their seats as meals were "
                                                   "being served."])
    sign = make_claim("k1", "corroborated", [evidence_for(a, fact), evidence_for(b, fact)])
    coverage = {item.outlet: item.omits for item in describe_coverage([a, b, contradicts, other], [sign])}
    assert coverage["Paper C"] == ()
    assert coverage["Paper D"] == ("k1",)


def test_a_demand_for_what_the_fact_says_happened_does_not_tell_it(nlp):
    """A sentence alike in meaning but telling a demand for the fact's event is not the event
    (reference: "Some of the children have already been returned" against a call for "the
    repatriation of children"); the same event told in other words still is."""
    fact = "Some of the detained fishermen have already been returned to their families in Velmora."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "Velmora continues to call for the repatriation of fishermen it says were detained.",
        "Paper D": "Several of the detained fishermen were already returned to their families in Velmora.",
        # The fact's verb as a noun in the list of what is called for is no clause telling it.
        "Paper E": "Velmora continues to call for an exchange of all prisoners, return of sailors from captivity, "
                   "and the repatriation of fishermen it says were detained.",
    })
    assert omits["Paper C"] == ("k1",)
    assert omits["Paper E"] == ("k1",)
    assert omits["Paper D"] == ()


def test_a_pronoun_doer_is_the_person_the_extractor_resolved_it_to(nlp):
    """"He proposed that ..." (he: the minister named as speaker before) is the minister's act:
    another person's call for the same summit, alike by meaning, does not tell it (reference:
    Umerov's proposal against "Erdogan has called repeatedly for both leaders to meet"), though
    the minister's own proposal in other words does."""
    from tests.compare.dispute_builders import extracted

    intro = "Defence Minister Rustem Umerov said the talks in Istanbul had been useful."
    fact = "He proposed that the summit of the two presidents be held in Istanbul by the end of August."
    analyses = extracted(nlp, {
        "Paper A": f"{intro} {fact}",
        "Paper B": f"{intro} {fact} Gulls circled the quay.",
        "Paper C": "Turkish President Recep Tayyip Erdogan has called repeatedly for a summit of the two presidents "
                   "in Istanbul by the end of August.",
        "Paper D": "Rustem Umerov proposed that the two presidents hold their summit in Istanbul by the end of August.",
    })
    claim = make_claim("k1", "corroborated", [evidence_for(analyses[0], fact), evidence_for(analyses[1], fact)])
    omits = {item.outlet: item.omits for item in describe_coverage(analyses, [claim])}
    assert omits["Paper C"] == ("k1",)
    assert omits["Paper D"] == ()


def test_a_fact_told_in_a_participle_clause_is_not_told_apart_by_the_main_clause_s_frame(nlp):
    """"The council sets up a harbour commission, proposed by Mayor Karin Holt" tells "The harbour
    commission was proposed by Mayor Karin Holt" in a participle clause its frame (sets up, planned)
    does not read (QA: the outlet "leaves out" who proposed the commission); a sentence on something
    else the mayor did still leaves it out."""
    fact = "The harbour commission was proposed by Mayor Karin Holt, whose town has complained for years about ferry queues."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "The agreement also sets up a harbour commission, proposed by Mayor Karin Holt, to deal with "
                   "the queues of ferries at the quay.",
        "Paper D": "Mayor Karin Holt opened the new ferry terminal at the quay.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)


def test_a_fact_with_a_number_told_in_a_relative_clause_does_not_leave_it_out(nlp):
    """"the law, which gives companies 72 hours to report a breach" tells "The law requires companies
    to report a breach within 72 hours": a sentence of the same meaning that gives every number of
    the report as the report does (QA: the outlet "leaves out" the 72-hour rule); one that gives the
    law without its rule, or the same number of something else, still leaves it out."""
    fact = "The law requires companies to report a breach within 72 hours."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "Critics said the delay broke the law, which gives companies 72 hours to report a breach.",
        "Paper D": "Critics said the delay broke the law on data breaches.",
        "Paper E": "Critics said customers had waited 72 hours for a reply from the company.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)
    assert omits["Paper E"] == ("k1",)


def test_the_same_time_of_day_to_the_minute_tells_the_fact(nlp):
    """"The vessel struck the pier at 6:17 a.m." tells "The ferry hit the pier at 6:17 a.m. as it
    turned into the harbour" though it shares few of its words: a time to the minute anchors a
    sentence to the fact as a number does (QA: two outlets giving 7:42 "leave out" the crash at
    7:42 a.m.); a sentence on the pier at another time does not."""
    fact = "The ferry hit the pier at 6:17 a.m. on Monday as it turned into the harbour in heavy fog."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "The vessel struck the pier at 6:17 a.m. on Monday, just after it passed the lighthouse.",
        "Paper D": "Divers inspected the pier at 11:40 a.m. on Monday, after the fog lifted.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)


def test_a_date_of_another_clause_does_not_date_the_number_that_tells_the_fact(nlp):
    """"the train had been running at 80 km/h and that the track had been inspected in April" gives
    the report's speed in a clause April does not date (QA: the outlet "leaves out" "the train had
    been within the permitted speed of 80 kilometres per hour"); the same speed of a train dated
    in April itself is another event."""
    fact = "Ostral Rail said on Thursday that the train had been within the permitted speed of 80 kilometres per hour."
    omits = _omits_by_outlet(nlp, fact, {
        "Paper C": "Ostral Rail said in a statement that the train had been running at or below the line speed of "
                   "80 km/h and that the track had been inspected in April.",
        "Paper D": "In April a test train of Ostral Rail had been running at the line speed of 80 km/h.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)


def test_a_pronoun_doer_s_fact_is_not_told_by_most_of_its_words_with_another_doer(nlp):
    """A sentence giving most of the words of "He proposed that ..." (he: the minister) with
    another named person proposing does not tell it (reference: Umerov's proposal "leaves out" by
    nobody once "Erdogan proposed that the two presidents hold a summit by the end of August"
    took it); the minister's proposal with added detail still does."""
    from tests.compare.dispute_builders import extracted

    intro = "Defence Minister Rustem Umerov said the talks in Istanbul had been useful."
    fact = "He proposed that the summit of the two presidents be held in Istanbul by the end of August."
    analyses = extracted(nlp, {
        "Paper A": f"{intro} {fact}",
        "Paper B": f"{intro} {fact} Gulls circled the quay.",
        "Paper C": "Turkish President Recep Tayyip Erdogan proposed that the summit of the two presidents be held "
                   "in Istanbul by the end of August.",
        "Paper D": "Rustem Umerov proposed on Monday that the summit of the two presidents be held in Istanbul "
                   "by the end of August, before the harvest.",
    })
    claim = make_claim("k1", "corroborated", [evidence_for(analyses[0], fact), evidence_for(analyses[1], fact)])
    omits = {item.outlet: item.omits for item in describe_coverage(analyses, [claim])}
    assert omits["Paper C"] == ("k1",)
    assert omits["Paper D"] == ()
