"""Tests for consensus labels over aligned claim groups."""

import pytest

from synopsis.compare.consensus import label_claims, make_claim_id
from synopsis.compare.independence import OriginInfo
from synopsis.link.align import ClaimGroup, ClaimMember
from synopsis.records import Article, ArticleAnalysis, Claim, Dispute, DisputeVersion, Evidence, Outlet

TEXT = "The bridge closed at noon."


def make(aid, outlet):
    article = Article(id=aid, source=aid, text=TEXT, outlet=Outlet(outlet))
    return ArticleAnalysis(article, claims=(Claim(TEXT, 0, len(TEXT), 0),))


def origin(aid, outlet, witness):
    return OriginInfo(aid, outlet, witness, witness != outlet, claim_witnesses=((witness,),), claim_notes=(None,))


def group(*aids):
    members = tuple(ClaimMember(a, 0, TEXT, 0, len(TEXT)) for a in aids)
    return ClaimGroup("g-" + "-".join(aids), members, 0, TEXT, 1.0)


ANALYSES = [make("a", "Alpha"), make("b", "Beta"), make("c", "Gamma")]


@pytest.mark.parametrize(
    "members, witnesses, expected_status, expected_independent",
    [
        (("a", "b"), {"a": "Alpha", "b": "Beta"}, "corroborated", ("Alpha", "Beta")),
        (("a",), {"a": "Alpha"}, "single-source", ("Alpha",)),
        (("a", "b"), {"a": "Alpha", "b": "Alpha"}, "single-source", ("Alpha",)),  # b rewrites a
        (("b", "c"), {"b": "Delta", "c": "Delta"}, "single-source", ("Delta",)),  # both cite one outlet
        (("a", "b", "c"), {"a": "Alpha", "b": "Alpha", "c": "Gamma"}, "corroborated", ("Alpha", "Gamma")),
    ],
)
def test_status_counts_independent_origins(members, witnesses, expected_status, expected_independent):
    outlets = {"a": "Alpha", "b": "Beta", "c": "Gamma"}
    origins = {aid: origin(aid, outlets[aid], w) for aid, w in witnesses.items()}
    [claim] = label_claims([group(*members)], ANALYSES, origins)
    assert claim.status == expected_status
    assert claim.independent_sources == expected_independent
    assert claim.sources == tuple(outlets[m] for m in members)
    assert [e.article_id for e in claim.evidence] == list(members)
    assert all(e.text == TEXT and (e.start, e.end) == (0, len(TEXT)) for e in claim.evidence)


def test_disputed_group_ids_win_over_corroboration():
    g = group("a", "b")
    origins = {"a": origin("a", "Alpha", "Alpha"), "b": origin("b", "Beta", "Beta")}
    [claim] = label_claims([g], ANALYSES, origins, disputed={g.id})
    assert claim.status == "disputed"


def test_disputes_are_matched_to_groups_by_evidence_span():
    g, other = group("a", "b"), group("c")
    origins = {k: origin(k, v, v) for k, v in {"a": "Alpha", "b": "Beta", "c": "Gamma"}.items()}
    version = DisputeVersion("noon", "12:00", ("Alpha",), (Evidence("a", "Alpha", 21, 25, "noon"),))
    dispute = Dispute("closing time", "time", (version,), "outlets give different times")
    claims = label_claims([g, other], ANALYSES, origins, disputes=[dispute])
    status = {c.evidence[0].article_id: c.status for c in claims}
    assert status == {"a": "disputed", "c": "single-source"}


def test_ids_are_stable_and_order_puts_corroborated_first():
    origins = {k: origin(k, v, v) for k, v in {"a": "Alpha", "b": "Beta", "c": "Gamma"}.items()}
    groups = [group("c"), group("a", "b")]
    first = label_claims(groups, ANALYSES, origins)
    assert [c.status for c in first] == ["corroborated", "single-source"]
    assert first == label_claims(groups, ANALYSES, origins)
    assert first[0].id == make_claim_id(groups[1]) and first[0].id.startswith("claim-")


def test_aggregator_sentence_without_attribution_counts_as_the_cited_outlet():
    digest = Article(id="d", source="d", text=TEXT, outlet=Outlet("Digest", "aggregator"), cites=("Alpha",))
    analyses = ANALYSES + [ArticleAnalysis(digest, claims=(Claim(TEXT, 0, len(TEXT), 0),))]
    origins = {"a": origin("a", "Alpha", "Alpha"), "d": origin("d", "Digest", "Digest")}
    [claim] = label_claims([group("a", "d")], analyses, origins)
    assert claim.status == "single-source"
    assert claim.independent_sources == ("Alpha",)
    # control: an outlet it does not cite stays a second witness
    origins["b"] = origin("b", "Beta", "Beta")
    [claim] = label_claims([group("b", "d")], analyses, origins)
    assert claim.status == "corroborated"


def test_group_touching_a_dispute_in_passing_is_not_disputed():
    origins = {k: origin(k, v, v) for k, v in {"a": "Alpha", "b": "Beta", "c": "Gamma"}.items()}
    first = DisputeVersion("noon", "12:00", ("Alpha",), (Evidence("a", "Alpha", 21, 25, "noon"),))
    second = DisputeVersion("noon", "13:00", ("Beta",), (Evidence("b", "Beta", 21, 25, "noon"),))
    dispute = Dispute("closing time", "time", (first, second), "outlets give different times")
    [claim] = label_claims([group("a", "c", "c")], ANALYSES, origins, disputes=[dispute])
    assert claim.status != "disputed"
    [claim] = label_claims([group("a", "b", "c")], ANALYSES, origins, disputes=[dispute])
    assert claim.status == "disputed"


@pytest.mark.parametrize(("kind", "status"), [("time", "disputed"), ("title", "corroborated"), ("name", "corroborated")])
def test_a_dispute_about_who_someone_is_makes_no_fact_disputed(kind, status):
    # Both sentences name someone whose office (or first name) outlets disagree on; what the
    # sentences state is not in dispute for that.
    g = group("a", "b")
    origins = {k: origin(k, v, v) for k, v in {"a": "Alpha", "b": "Beta"}.items()}
    versions = (
        DisputeVersion("one", "one", ("Alpha",), (Evidence("a", "Alpha", 0, 10, TEXT[:10]),)),
        DisputeVersion("other", "other", ("Beta",), (Evidence("b", "Beta", 0, 10, TEXT[:10]),)),
    )
    claims = label_claims([g], ANALYSES, origins, disputes=[Dispute("what", kind, versions, "outlets differ")])
    assert claims[0].status == status


def cites(aid, outlet, *cited):
    """An article whose sentence gives the fact "according to" the outlets ``cited``."""
    return OriginInfo(aid, outlet, outlet, False, claim_witnesses=(cited,), claim_notes=("citing " + ", ".join(cited),))


def test_an_article_naming_several_outlets_is_one_witness():
    # "According to Wire X and Wire Y, ...": the article says where its words may come from; it
    # is still one report in hand, and neither wire is in the story.
    origins = {"a": cites("a", "Alpha", "Wire X", "Wire Y"), "b": origin("b", "Beta", "Beta")}
    [alone] = label_claims([group("a")], ANALYSES, origins)
    assert alone.status == "single-source" and alone.independent_sources == ("Alpha",)
    [claim] = label_claims([group("a", "b")], ANALYSES, origins)
    assert claim.status == "corroborated"
    assert claim.independent_sources == ("Alpha", "Beta")
    # Which outlets of the story report it, and apart from that whom they cite.
    assert claim.sources == ("Alpha", "Beta")
    assert [(a.outlet, a.cites) for a in claim.citing] == [("Alpha", ("Wire X", "Wire Y"))]


def test_articles_that_may_share_a_source_are_one_origin():
    # Beta cites Wire X; Gamma cites Wire X and Wire Y: both may tell Wire X's report.
    origins = {"b": cites("b", "Beta", "Wire X"), "c": cites("c", "Gamma", "Wire X", "Wire Y")}
    [claim] = label_claims([group("b", "c")], ANALYSES, origins)
    assert claim.status == "single-source"
    assert claim.independent_sources == ("Wire X",)
    # A third article telling it on its own is a second origin.
    origins["a"] = origin("a", "Alpha", "Alpha")
    [claim] = label_claims([group("a", "b", "c")], ANALYSES, origins)
    assert claim.status == "corroborated" and claim.independent_sources == ("Alpha", "Wire X")


def test_a_roundup_citing_two_wires_does_not_make_their_own_reports_one_origin():
    # Alpha cites Wire X, Beta cites Wire Y: two origins.  Gamma's "according to Wire X and Wire
    # Y" adds a report of one of them; it must not join the two, taking corroboration away.
    origins = {"a": cites("a", "Alpha", "Wire X"), "b": cites("b", "Beta", "Wire Y"),
               "c": cites("c", "Gamma", "Wire X", "Wire Y")}
    [without] = label_claims([group("a", "b")], ANALYSES, origins)
    [claim] = label_claims([group("a", "b", "c")], ANALYSES, origins)
    assert without.status == claim.status == "corroborated"
    assert claim.independent_sources == without.independent_sources == ("Wire X", "Wire Y")


def test_a_claim_is_worded_with_its_pronoun_speaker_named_as_the_story_knows_the_person():
    from synopsis.records import Quote

    said = '"The bridge stays shut," he said.'
    he = said.index("he said")
    quote = Quote("direct", "The bridge stays shut", 1, 22, "he", he, he + 2, "said", he + 3, he + 7, 0, he + 7,
                  speaker_entity="Korhonen")
    article = Article(id="q", source="q", text=said, outlet=Outlet("Quill"))
    analyses = [ArticleAnalysis(article, quotes=(quote,), claims=(Claim(said, 0, len(said), 0, quote=0),))]
    g = ClaimGroup("g-q", (ClaimMember("q", 0, said, 0, len(said)),), 0, said, 1.0)
    origins = {"q": origin("q", "Quill", "Quill")}
    [claim] = label_claims([g], analyses, origins, canonical_name={"Korhonen": "Aino Korhonen"}.get)
    assert claim.text == '"The bridge stays shut," [Aino Korhonen] said.'
    assert claim.evidence[0].text == said  # the evidence stays the source's words


def test_a_claim_names_no_pronoun_speaker_its_other_sentences_give_the_words_to_someone_else():
    from synopsis.records import Quote

    def said_by(article_id: str, outlet: str, pronoun: str, entity: str) -> ArticleAnalysis:
        text = f'"The bridge stays shut," {pronoun} said.'
        at = text.index(f"{pronoun} said")
        quote = Quote("direct", "The bridge stays shut", 1, 22, pronoun, at, at + len(pronoun), "said",
                      at + len(pronoun) + 1, at + len(pronoun) + 5, 0, len(text) - 1, speaker_entity=entity)
        article = Article(id=article_id, source=article_id, text=text, outlet=Outlet(outlet))
        return ArticleAnalysis(article, quotes=(quote,), claims=(Claim(text, 0, len(text), 0, quote=0),))

    analyses = [said_by("q", "Quill", "she", "Aino Korhonen"), said_by("r", "Rook", "he", "Pavel Ostrik")]
    members = tuple(ClaimMember(a.article.id, 0, a.article.text, 0, len(a.article.text)) for a in analyses)
    g = ClaimGroup("g-q", members, 0, members[0].text, 1.0)
    origins = {"q": origin("q", "Quill", "Quill"), "r": origin("r", "Rook", "Rook")}
    [claim] = label_claims([g], analyses, origins)
    # Shown as written: neither outlet's guess at whom the pronoun means is cited to both.
    assert claim.text == '"The bridge stays shut," she said.'


def _quoted(article_id: str, outlet: str, speaker: str, *, entity: str | None = None,
            agrees: bool = False) -> ArticleAnalysis:
    """One article: the same quoted words, given to ``speaker`` (resolved to ``entity``)."""
    from synopsis.records import Quote

    text = f'"The bridge stays shut until the inspectors are done," {speaker} said.'
    at = text.index(f"{speaker} said")
    end = at + len(speaker)
    quote = Quote("direct", "The bridge stays shut until the inspectors are done", 1, 52, speaker, at, end, "said",
                  end + 1, end + 5, 0, len(text) - 1, speaker_entity=entity or speaker, pronoun_agrees=agrees)
    article = Article(id=article_id, source=article_id, text=text, outlet=Outlet(outlet))
    return ArticleAnalysis(article, quotes=(quote,), claims=(Claim(text, 0, len(text), 0, quote=0),))


def _label_one_group(analyses):
    members = tuple(ClaimMember(a.article.id, 0, a.article.text, 0, len(a.article.text)) for a in analyses)
    origins = {a.article.id: origin(a.article.id, a.article.outlet.name, a.article.outlet.name) for a in analyses}
    return label_claims([ClaimGroup("g-q", members, 0, members[0].text, 1.0)], analyses, origins)


def test_a_report_giving_the_quoted_words_to_someone_else_is_no_second_witness():
    claims = _label_one_group([_quoted("q", "Quill", "Aino Korhonen"), _quoted("r", "Rook", "Pavel Ostrik"),
                               _quoted("s", "Spire", "Korhonen", entity="Aino Korhonen")])
    # Quill and Spire give the words to Korhonen: they corroborate each other. Rook names someone
    # else: its report is a claim of its own, from one outlet.
    assert [(c.status, c.sources) for c in claims] == [("corroborated", ("Quill", "Spire")),
                                                        ("single-source", ("Rook",))]
    assert {e.article_id for e in claims[1].evidence} == {"r"}


def test_a_checked_pronoun_is_its_speaker_an_unchecked_one_no_other_speaker():
    # "he", resolved to the one man nearby his gender fits, is that man: another speaker.
    checked = _label_one_group([_quoted("q", "Quill", "Aino Korhonen"),
                                _quoted("r", "Rook", "he", entity="Pavel Ostrik", agrees=True)])
    assert [c.status for c in checked] == ["single-source", "single-source"]
    # A guess (the man named last) may be wrong: the reports stay one fact.
    [guessed] = _label_one_group([_quoted("q", "Quill", "Aino Korhonen"),
                                  _quoted("r", "Rook", "he", entity="Pavel Ostrik")])
    assert guessed.status == "corroborated"


def test_a_report_that_does_not_state_the_fact_is_no_witness_of_it(nlp):
    """Alignment groups reports of one topic: one that says something else of the same person
    (Gamma) is a fact of its own outlet."""
    from tests.compare.dispute_builders import extracted

    analyses = extracted(nlp, {
        "Alpha": "Selwyn chief executive Anneli Varga will join the Brannock board after the deal closes.",
        "Beta": "Anneli Varga will join the Brannock board once the deal is completed.",
        "Gamma": "Anneli Varga said she would recommend the Brannock offer to shareholders.",
    })
    members = tuple(ClaimMember(a.article.id, 0, a.claims[0].text, a.claims[0].start, a.claims[0].end)
                    for a in analyses)
    origins = {a.article.id: origin(a.article.id, a.article.outlet.name, a.article.outlet.name) for a in analyses}
    claims = label_claims([ClaimGroup("g-join", members, 0, members[0].text, 1.0)], analyses, origins)
    assert [(c.status, c.sources) for c in claims] == [("corroborated", ("Alpha", "Beta")),
                                                        ("single-source", ("Gamma",))]


def _label_sentences(nlp, sentences: dict[str, str], group_id: str):
    from tests.compare.dispute_builders import extracted

    analyses = extracted(nlp, sentences)
    members = tuple(ClaimMember(a.article.id, 0, a.claims[0].text, a.claims[0].start, a.claims[0].end)
                    for a in analyses)
    origins = {a.article.id: origin(a.article.id, a.article.outlet.name, a.article.outlet.name) for a in analyses}
    return label_claims([ClaimGroup(group_id, members, 0, members[0].text, 1.0)], analyses, origins)


def test_a_report_without_the_facts_number_is_shown_by_the_wording_all_support(nlp):
    """A report that gives no count of the witnesses still tells the trial: it stays a witness of
    the fact, and the fact is shown in the words every report bears out, not with a count one of
    its outlets never gave."""
    claims = _label_sentences(nlp, {
        "Alpha": "The trial of Marek Osk heard from more than 30 witnesses over seven weeks.",
        "Beta": "The trial of Marek Osk heard from 34 witnesses over seven weeks.",
        "Gamma": "The trial of Marek Osk heard from witnesses over seven weeks.",
    }, "g-trial")
    assert [(c.status, c.sources) for c in claims] == [("corroborated", ("Alpha", "Beta", "Gamma"))]
    assert claims[0].text == "The trial of Marek Osk heard from witnesses over seven weeks."


def test_a_report_with_an_extra_number_still_corroborates_the_fact(nlp):
    """One outlet adds a figure the other does not give: a detail more, no other fact."""
    claims = _label_sentences(nlp, {
        "Alpha": "Dorvan Mining agreed to sell its Kessel copper mine to Ulmet Resources for 1.2 billion euros.",
        "Beta": "Dorvan Mining agreed to sell its Kessel copper mine to Ulmet Resources.",
    }, "g-sale")
    assert [(c.status, c.sources) for c in claims] == [("corroborated", ("Alpha", "Beta"))]
    # Beta's sentence, which Alpha bears out, is the one shown.
    assert claims[0].text == "Dorvan Mining agreed to sell its Kessel copper mine to Ulmet Resources."
