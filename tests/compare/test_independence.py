"""Tests for independence of outlets (who is whose witness)."""

import dataclasses

import pytest

from synopsis.compare.citations import find_cited_outlets
from synopsis.compare.independence import (
    claim_witness,
    find_origins,
    provenance_label,
)
from synopsis.extract.embed import Embedder
from synopsis.records import Article, ArticleAnalysis, Claim, Entity, Outlet, Sentence


@pytest.fixture(scope="session")
def embedder():
    return Embedder.load()


def make_analysis(aid, outlet, kind, text, origin=None, cites=(), published=None, entities=()):
    """Build an analysis whose claims are the lines of ``text``."""
    sentences, claims, pos = [], [], 0
    for line in text.split("\n"):
        start = text.index(line, pos)
        pos = start + len(line)
        sentences.append(Sentence(start, pos, line))
        claims.append(Claim(line, start, pos, len(sentences) - 1))
    ents = tuple(Entity(t, label, text.index(t), text.index(t) + len(t)) for t, label in entities)
    article = Article(id=aid, source=f"{aid}.txt", text=text, outlet=Outlet(outlet, kind),
                      origin=Outlet(origin) if origin else None, cites=tuple(cites), published=published)
    return ArticleAnalysis(article, tuple(sentences), ents, claims=tuple(claims))


@pytest.mark.parametrize(
    "text, known, expected",
    [
        ("According to Daily Planet, the bridge closed at noon.", {"daily planet": "Daily Planet"}, ("Daily Planet",)),
        ("The bridge closed at noon, as reported by Gotham Gazette.", {}, ("Gotham Gazette",)),
        ("According to Metro TV and the Harbor Herald, the bridge closed.", {}, ("Metro TV", "Harbor Herald")),
        ("Northwind Radio reported that the bridge closed.", {}, ("Northwind Radio",)),
        ("The mayor said the bridge closed, a source told Coast Wire.", {}, ("Coast Wire",)),
        ("According to the mayor, the bridge closed.", {}, ()),
        ("According to Alice Brown, the bridge closed.", {}, ()),  # a person, not a reporter
        ("The bridge closed at noon.", {}, ()),
    ],
)
def test_find_cited_outlets(text, known, expected):
    assert find_cited_outlets(text, known) == expected


def test_person_entity_is_not_an_outlet():
    text = "According to Dana Reporter Smith, the bridge closed."
    analysis = make_analysis("a", "X", "newspaper", text, entities=[("Dana Reporter Smith", "PERSON")])
    assert find_cited_outlets(text, {}, analysis) == ()


@pytest.mark.parametrize(
    "kind, origin, cites, text, expected_witness, expected_label",
    [
        # An ordinary outlet is its own witness.
        ("newspaper", None, (), "The bridge closed at noon on Friday after the storm.", "Daily Planet", "Daily Planet"),
        # A rewrite ("Source: CNN - ...") counts as its origin.
        ("blog", "Gotham Gazette", (), "The bridge closed at noon on Friday after the storm.", "Gotham Gazette",
         "Daily Planet, citing Gotham Gazette"),
        # An aggregator counts as the outlet named in the claim's sentence.
        ("aggregator", None, ("Coast Wire", "Metro TV"), "According to Coast Wire, the bridge closed at noon.",
         "Coast Wire", "Daily Planet, citing Coast Wire"),
        # A named outlet inside any outlet's sentence hands the claim over.
        ("newspaper", None, (), "According to Metro TV, the bridge closed at noon.", "Metro TV",
         "Daily Planet, citing Metro TV"),
        # A person is a speaker, not a witness of another outlet.
        ("newspaper", None, (), "According to the mayor, the bridge closed at noon.", "Daily Planet", "Daily Planet"),
        # An aggregator's own uncited sentence is its own.
        ("aggregator", None, ("Coast Wire", "Metro TV"), "Traffic was diverted to the ring road.", "Daily Planet",
         "Daily Planet"),
    ],
)
def test_article_and_claim_rules(kind, origin, cites, text, expected_witness, expected_label):
    analysis = make_analysis("a1", "Daily Planet", kind, text, origin=origin, cites=cites)
    origins = find_origins([analysis])
    info = origins["a1"]
    assert claim_witness(analysis, 0, info) == expected_witness
    assert provenance_label(info, 0) == expected_label


def test_paragraph_attribution_carries_to_following_sentence():
    text = "According to Coast Wire, the bridge closed at noon. Traffic was diverted to the ring road."
    first = text.index("Traffic")
    article = Article(id="p", source="p", text=text, outlet=Outlet("Hub", "aggregator"), cites=("Coast Wire",))
    analysis = ArticleAnalysis(
        article,
        (Sentence(0, first - 1, text[: first - 1]), Sentence(first, len(text), text[first:])),
        claims=(Claim(text[: first - 1], 0, first - 1, 0), Claim(text[first:], first, len(text), 1)),
    )
    info = find_origins([analysis])["p"]
    assert info.claim_witnesses == (("Coast Wire",), ("Coast Wire",))


def test_aggregator_with_one_cited_outlet_counts_as_it():
    analysis = make_analysis("agg", "Hub", "aggregator", "Traffic was diverted to the ring road.", cites=("Coast Wire",))
    info = find_origins([analysis])["agg"]
    assert info.derived and info.origin == "Coast Wire"


SHARED = "Officials said the old harbour bridge will stay closed until engineers finish the inspection."
# A second copied sentence: one shared sentence alone is not enough to call a copy.
SHARED_TOO = "Ferries will carry commuters across the estuary every twenty minutes from Monday morning."


@pytest.mark.parametrize(
    "published_a, published_b, copier",
    [
        ("2025-03-01T09:00:00+00:00", "2025-03-01T12:00:00+00:00", "b"),
        ("2025-03-02T09:00:00+00:00", "2025-03-01T12:00:00+00:00", "a"),
    ],
)
def test_near_identical_sentence_makes_later_article_derived(embedder, published_a, published_b, copier):
    a = make_analysis("a", "Daily Planet", "newspaper", SHARED + "\nThe storm also flooded two streets.\n" + SHARED_TOO,
                      published=published_a)
    b = make_analysis("b", "Gotham Gazette", "newspaper",
                      SHARED.replace("Officials said", "Officials stated") + "\nSchools reopened on Monday.\n"
                      + SHARED_TOO, published=published_b)
    origins = find_origins([a, b], embedder)
    original = "a" if copier == "b" else "b"
    original_outlet = origins[original].outlet
    assert origins[copier].claim_witnesses[0] == (original_outlet,)
    assert provenance_label(origins[copier], 0).endswith(f"repeating {original_outlet}")
    assert origins[original].claim_witnesses[0] == (original_outlet,)
    # the copier's other claim is still its own
    assert origins[copier].claim_witnesses[1] == (origins[copier].outlet,)


STOCK = "Three firefighters were injured, fire service spokesman Tomas Verhoeven told reporters."
LONG_LEAD = ("A fire broke out at a grain warehouse in the river port of Marlow late on Sunday, forcing the "
             "evacuation of 300 people from nearby streets, the regional fire service said on Monday.")


@pytest.mark.parametrize(
    "first, second, cites, copied",
    [
        # One short stock attribution from one briefing: two witnesses, not a copy (QA: min7).
        ("A blaze hit a Marlow warehouse.\n" + STOCK,
         "Fire swept through a depot in Marlow.\n" + STOCK.replace("told reporters", "said"), (), False),
        # The same short sentence in an article that credits the other outlet: a copy.
        ("A blaze hit a Marlow warehouse.\n" + STOCK,
         "Fire swept through a depot in Marlow.\n" + STOCK.replace("told reporters", "said"), ("Harbor Wire",), True),
        # One long sentence taken word for word: a copy on its own.
        ("Rescuers searched the depot.\n" + LONG_LEAD, "Crowds watched from the quay.\n" + LONG_LEAD, (), True),
        # Two shared sentences: a copy.
        (STOCK + "\n" + SHARED, "Crowds watched from the quay.\n" + STOCK + "\n" + SHARED, (), True),
    ],
)
def test_a_copy_takes_more_than_one_short_shared_sentence(embedder, first, second, cites, copied):
    a = make_analysis("a", "Harbor Wire", "wire service", first, published="2026-11-16T09:00:00+00:00")
    b = make_analysis("b", "Coast Press", "wire service", second, cites=cites, published="2026-11-16T10:00:00+00:00")
    origins = find_origins([a, b], embedder)
    repeated = [w for w in origins["b"].claim_witnesses if w == ("Harbor Wire",)]
    assert bool(repeated) == copied
    assert not origins["b"].derived  # a copied sentence or two never makes the whole article a rewrite
    assert all(w == ("Harbor Wire",) for w in origins["a"].claim_witnesses)


def spoken_by(analysis, speakers):
    """The analysis with its claims attributed to ``speakers`` (one per line, None: unattributed)."""
    claims = tuple(dataclasses.replace(claim, attributed_to=speaker) for claim, speaker in zip(analysis.claims, speakers))
    return dataclasses.replace(analysis, claims=claims)


# One port authority statement, paraphrased by two outlets: nearly the same words in another order.
BRIEFED = ("The port authority said the crane had collapsed because a gust of wind tore loose a cable that "
           "workers had left unsecured near the container quay.")
BRIEFED_TOO = ("The port authority said on Friday that the crane had collapsed because a cable left unsecured by "
               "workers was torn loose by a gust of wind near the container quay.")
QUOTED = ('Harbour master Elin Strand said after the inquiry: "We have checked every cable on every crane, and we '
          'will publish what we found."')


@pytest.mark.parametrize(
    "first, second, speakers, cites, copied",
    [
        # Two outlets giving one official statement in their own words: two witnesses (QA: wildfire cause).
        ("Crowds watched from the quay.\n" + BRIEFED, "Rescuers searched the dock.\n" + BRIEFED_TOO,
         (None, "Port Authority"), (), False),
        # The same paraphrase given as the outlet's own: word for word it is not, so one sentence
        # is still no copy, however alike its words and meaning.
        ("Crowds watched from the quay.\n" + BRIEFED.replace("The port authority said the", "The"),
         "Rescuers searched the dock.\n" + BRIEFED_TOO.replace("The port authority said on Friday that the", "The"),
         (None, None), (), False),
        # One speaker's words quoted by both, even word for word: the speaker's wording, not a copy.
        ("Crowds watched from the quay.\n" + QUOTED, "Rescuers searched the dock.\n" + QUOTED,
         (None, "Elin Strand"), (), False),
        # ... unless the article credits the other outlet: then its statements are the other's too.
        ("Crowds watched from the quay.\n" + QUOTED, "Rescuers searched the dock.\n" + QUOTED,
         (None, "Elin Strand"), ("Harbor Wire",), True),
    ],
)
def test_statements_of_one_speaker_and_paraphrases_are_no_copies(embedder, first, second, speakers, cites, copied):
    a = spoken_by(make_analysis("a", "Harbor Wire", "wire service", first, published="2026-11-16T09:00:00+00:00"), speakers)
    b = spoken_by(make_analysis("b", "Coast Press", "newspaper", second, cites=cites,
                                published="2026-11-16T10:00:00+00:00"), speakers)
    origins = find_origins([a, b], embedder)
    assert (origins["b"].claim_witnesses[1] == ("Harbor Wire",)) == copied
    assert origins["a"].claim_witnesses[1] == ("Harbor Wire",)


def test_a_speaker_s_statement_counts_between_articles_other_sentences_show_copied(embedder):
    text = LONG_LEAD.replace(", the regional fire service said on Monday", "") + "\n" + SHARED_TOO + "\n" + QUOTED
    a = spoken_by(make_analysis("a", "Harbor Wire", "wire service", text, published="2026-11-16T09:00:00+00:00"),
                  (None, None, "Elin Strand"))
    b = spoken_by(make_analysis("b", "Coast Press", "newspaper", text.replace("late on Sunday", "on Sunday night"),
                                published="2026-11-16T10:00:00+00:00"), (None, None, "Elin Strand"))
    assert find_origins([a, b], embedder)["b"].claim_witnesses == (("Harbor Wire",),) * 3


def test_independent_paraphrase_is_not_a_copy(embedder):
    a = make_analysis("a", "Daily Planet", "newspaper", "The old harbour bridge stays closed until the inspection ends.")
    b = make_analysis("b", "Gotham Gazette", "newspaper", "Engineers must finish checking the harbour crossing before it reopens.")
    origins = find_origins([a, b], embedder)
    assert origins["b"].claim_witnesses[0] == ("Gotham Gazette",)
    assert origins["a"].claim_witnesses[0] == ("Daily Planet",)


def test_short_identical_sentences_are_not_copies():
    a = make_analysis("a", "Daily Planet", "newspaper", "The talks were held in French.")
    b = make_analysis("b", "Gotham Gazette", "newspaper", "The talks were held in French.")
    origins = find_origins([a, b])
    assert origins["b"].claim_witnesses[0] == ("Gotham Gazette",)


REPUBLISHED = (
    "Authorities evacuated some 4,000 people from the valley after the dam collapsed on Monday night.\n"
    "The emergencies minister said the situation was under control but the reservoir was still draining.\n"
    "Engineers warned that the damaged embankment could give way again within the next few days.\n"
    "Villagers accused officials of negligence.\n"
    "The United Nations offered emergency assistance."
)


def test_an_article_republishing_another_counts_as_its_witness_throughout(embedder):
    a = make_analysis("a", "Valley Monitor", "newspaper", REPUBLISHED, published="2025-03-05T09:00:00+00:00")
    b = make_analysis("b", "Steppe Courier", "newspaper", REPUBLISHED.replace("some 4,000", "about 4,000"),
                      published="2025-03-06T09:00:00+00:00")
    # An independent report sharing one stock short sentence stays its own witness.
    c = make_analysis("c", "Hill Herald", "newspaper", "Villagers accused officials of negligence.\nRescuers searched the mud.",
                      published="2025-03-06T10:00:00+00:00")
    origins = find_origins([a, b, c], embedder)
    assert origins["b"].derived and origins["b"].origin == "Valley Monitor" and origins["b"].note == "repeats Valley Monitor"
    # The short sentences too: too short to be called copies one by one.
    assert [w for w in origins["b"].claim_witnesses] == [("Valley Monitor",)] * 5
    assert not origins["a"].derived and not origins["c"].derived
    assert origins["c"].claim_witnesses[0] == ("Hill Herald",)


@pytest.mark.parametrize(
    "text, entities",
    [
        # An official body "reports" too: it is a speaker, not a reporting outlet.
        ("The Harbor Defense Ministry reported that 84 soldiers came home on Friday.", [("Harbor Defense Ministry", "ORG")]),
        # A titled speaker that NER takes for an organisation.
        ("Harbor's Minister of Foreign Affairs Lena Ostrova said 84 soldiers came home on Friday.",
         [("Harbor's Minister of Foreign Affairs", "ORG")]),
        ("White House Press Secretary Dana Miles said 84 soldiers came home on Friday.", []),
        ("The Kremlin said 84 soldiers came home on Friday.", [("Kremlin", "ORG")]),
    ],
)
def test_speakers_are_not_independent_sources(text, entities):
    """independent_sources counts outlets: two outlets quoting one speaker are two outlets, and the
    speaker is not a third source."""
    from synopsis.compare.consensus import label_claims
    from synopsis.link.align import ClaimGroup, ClaimMember

    a = make_analysis("a", "Daily Planet", "newspaper", text, entities=entities)
    # The other outlet words it its own way (a near-identical sentence would be a copy).
    other = text.replace("84 soldiers came home on Friday", "on Friday, 84 troops returned after months in captivity")
    b = make_analysis("b", "Gotham Gazette", "newspaper", other, entities=entities)
    origins = find_origins([a, b])
    assert origins["a"].claim_witnesses == (("Daily Planet",),)
    members = tuple(ClaimMember(x.article.id, 0, x.article.text, 0, len(x.article.text)) for x in (a, b))
    [claim] = label_claims([ClaimGroup("g", members, 0, text, 1.0)], [a, b], origins)
    assert claim.independent_sources == ("Daily Planet", "Gotham Gazette")
    assert claim.status == "corroborated"


def test_an_outlet_that_made_a_statement_jointly_is_its_witness():
    # "announced" is no verb of citing: the outlet is found only as one of the claim's speakers
    text = "Port officials and the Daily Planet announced on Monday that the bridge would close for a week."
    a = make_analysis("a", "Hub", "aggregator", text, cites=("Daily Planet",))
    joint = Claim(text, 0, len(text), 0, attributed_to="Port officials", co_speakers=("Daily Planet",))
    a = ArticleAnalysis(a.article, a.sentences, a.entities, claims=(joint,))
    assert find_origins([a])["a"].claim_witnesses == (("Daily Planet",),)


def test_state_news_agency_named_with_its_kind_is_one_outlet():
    text = "State news agency TASS confirmed that the two delegations would meet on Wednesday in the city."
    a = make_analysis("a", "Hub", "aggregator", text, cites=("TASS", "Coast Wire"),
                      entities=[("State news agency TASS", "ORG")])
    a = ArticleAnalysis(a.article, a.sentences, a.entities,
                        claims=(Claim(text, 0, len(text), 0, attributed_to="State news agency"),))
    assert find_origins([a])["a"].claim_witnesses == (("TASS",),)


# A lead crediting an agency with the whole report (QA swap: "..., the Nordic news agency NWS
# reported") makes the article a rewrite of it for what the agency reports too.
REWRITE_LEAD = "Two countries exchanged six prisoners at the airport, the news agency Coast Wire reported on Thursday."


@pytest.mark.parametrize(
    "text, expected",
    [
        (REWRITE_LEAD + "\nThe journalist had been held since June.", ("Coast Wire",)),
        # A headline repeated as the first line is not the lead.
        ("Prisoners exchanged at the airport\n" + REWRITE_LEAD, ("Coast Wire",)),
        # An interview given to the agency is a speaker's words, not a rewrite of its report.
        ("The foreign minister told Coast Wire that six prisoners were exchanged at the airport.", ()),
        # A credit inside a quotation is the speaker's.
        ('"As Coast Wire reported, six prisoners were exchanged at the airport," the minister said.', ()),
        # One late credit covers its own paragraph, not the article.
        ("Two countries exchanged six prisoners at the airport on Thursday evening.\n"
         "The journalist had been held since June, Coast Wire reported later.", ()),
    ],
)
def test_lead_credits(text, expected):
    from dataclasses import replace

    from synopsis.compare.citations import find_lead_credits

    analysis = make_analysis("r", "Daily Planet", "newspaper", text)
    analysis = replace(analysis, article=replace(analysis.article, title="Prisoners exchanged at the airport"))
    assert find_lead_credits(analysis, {"coast wire": "Coast Wire"}) == expected  # the wire is in the story


def _origins_of_fact(analyses, line):
    """The independent origins among the analyses' claims whose text is ``line``."""
    from synopsis.compare.independence import Witness, find_independent_origins

    origins = find_origins(analyses)
    witnesses = [Witness(a.article.id, a.article.outlet.name, origins[a.article.id].claim_witnesses[i])
                 for a in analyses for i, claim in enumerate(a.claims) if claim.text == line]
    return [o.name for o in find_independent_origins(witnesses)]


def test_a_rewrite_credited_in_its_lead_is_no_second_witness_of_the_agency_s_facts():
    held = "The journalist had been held since June."
    wire = make_analysis("w", "Coast Wire", "wire service", "Six prisoners were exchanged at the airport.\n" + held)
    rewrite = make_analysis("r", "Daily Planet", "newspaper", REWRITE_LEAD + "\n" + held)
    assert _origins_of_fact([wire, rewrite], held) == ["Coast Wire"]


def test_a_rewrite_s_own_fact_that_the_agency_does_not_report_stays_its_own():
    """Background the rewrite adds, reported also by a third outlet, is two origins, not the agency's."""
    mediation = "Oman mediated the talks for a year."
    wire = make_analysis("w", "Coast Wire", "wire service", "Six prisoners were exchanged at the airport.")
    rewrite = make_analysis("r", "Daily Planet", "newspaper", REWRITE_LEAD + "\n" + mediation)
    other = make_analysis("o", "Harbor Herald", "newspaper", "The swap ended a long standoff.\n" + mediation)
    assert sorted(_origins_of_fact([wire, rewrite, other], mediation)) == ["Daily Planet", "Harbor Herald"]


def test_a_sentence_of_a_rewrite_that_cites_someone_else_is_that_outlet_s():
    line = "According to Metro TV, the journalist had been held since June."
    rewrite = make_analysis("r", "Daily Planet", "newspaper", REWRITE_LEAD + "\n" + line)
    info = find_origins([rewrite])["r"]
    assert info.claim_witnesses == (("Coast Wire",), ("Metro TV",))


def test_the_sources_table_names_the_agency_a_lead_credits():
    from synopsis.compare.story import list_sources

    wire = make_analysis("w", "Coast Wire", "wire service", "Six prisoners were exchanged at the airport.",
                         published="2025-11-06T20:00:00+00:00")
    rewrite = make_analysis("r", "Daily Planet", "newspaper", REWRITE_LEAD, published="2025-11-07T08:00:00+00:00")
    sources = list_sources([wire, rewrite], find_origins([wire, rewrite]))
    assert {s.outlet: s.origin for s in sources} == {"Coast Wire": None, "Daily Planet": "Coast Wire"}


def test_an_outlet_s_own_short_name_as_its_origin_is_no_other_witness():
    """A dateline signed with the outlet's name short of "Press Agency" ("(Meridian)" in Meridian
    Press Agency's copy), stored as its origin, names the outlet itself: not "citing Meridian"."""
    from synopsis.compare.story import list_sources

    own = make_analysis("m", "Meridian Press Agency", "wire service", "The train derailed at 7:42 a.m.",
                        origin="Meridian")
    other = make_analysis("g", "Harbour Daily", "newspaper", "The train derailed at 7:42 a.m.",
                          origin="Meridian Rail Times")
    origins = find_origins([own, other])
    assert provenance_label(origins["m"], 0) == "Meridian Press Agency"
    assert claim_witness(own, 0, origins["m"]) == "Meridian Press Agency"
    assert provenance_label(origins["g"], 0) == "Harbour Daily, citing Meridian Rail Times"
    sources = list_sources([own, other], origins)
    assert {s.outlet: s.origin for s in sources} == {"Meridian Press Agency": None,
                                                     "Harbour Daily": "Meridian Rail Times"}
