"""Which wording of a fact the brief may state: none giving one version of a disputed point (an
office only as a last resort, with a note; a disputed toll cut off), none joining a statement no
other report gives, hedged figures cited to the figures they admit."""

import pytest

from synopsis.compare.brief import write_brief
from synopsis.records import ArticleAnalysis, Dispute, DisputeVersion
from tests.factories import evidence_for, make_article, make_claim


def titled_story():
    """Four outlets report who led the delegation; two of them give the man offices that cannot
    both hold, and one (on an earlier round, left out of the versions) gives one of those offices."""
    from synopsis.records import Entity, Sentence

    def titled(aid, outlet, text, title=None, kind="newspaper"):
        entities = ()
        if title is not None:
            at = text.index(title)
            name = text.index("Ivan Petrenko")
            entities = (Entity("Ivan Petrenko", "PERSON", name, name + 13, title, at, at + len(title)),)
        else:
            name = text.index("Ivan Petrenko")
            entities = (Entity("Ivan Petrenko", "PERSON", name, name + 13),)
        return ArticleAnalysis(article=make_article(aid, outlet, text, kind=kind), entities=entities,
                               sentences=(Sentence(0, len(text), text),))

    a = titled("a", "Wire A", "Defence Minister Ivan Petrenko led the delegation to Velm.", "Defence Minister", "wire service")
    b = titled("b", "Paper B", "The delegation to Velm was led by Defence Minister Ivan Petrenko.", "Defence Minister")
    c = titled("c", "Paper C", "Security Council Secretary Ivan Petrenko led the delegation to Velm.",
               "Security Council Secretary")
    d = titled("d", "Paper D", "Ivan Petrenko led the delegation to Velm.")
    analyses = [a, b, c, d]
    led = make_claim("k1", "corroborated", [evidence_for(x, x.article.text) for x in analyses])
    office = Dispute(
        what="Ivan Petrenko's office", kind="title",
        versions=(
            DisputeVersion("Defence Minister", "defence minister", ("Wire A",),
                           (evidence_for(a, "Defence Minister Ivan Petrenko"),)),
            DisputeVersion("Security Council Secretary", "security council secretary", ("Paper C",),
                           (evidence_for(c, "Security Council Secretary Ivan Petrenko"),)),
        ),
        explanation="Wire A says Defence Minister; Paper C says Security Council Secretary.",
    )
    return analyses, led, office


def test_a_wording_that_gives_one_version_of_a_disputed_point_is_not_stated_as_fact():
    analyses, led, office = titled_story()
    brief = write_brief(analyses, [led], [office])
    facts = [s for s in brief if not s.text.startswith("Accounts differ")]
    # Not the wire's wording (a version), nor Paper B's, whose office is one side's though its
    # sentence is no evidence of a version: the one wording that gives no office.
    assert [s.text for s in facts] == ["Ivan Petrenko led the delegation to Velm."]
    assert brief[-1].text.startswith("Accounts differ on Ivan Petrenko's office")
    # Without a wording that gives no office, a disputed office is incidental to what the sentence
    # reports: the wording is shown, cited only to the reports giving the same office, and says
    # the office is disputed.
    without_d = analyses[:3]
    led = make_claim("k1", "corroborated", [e for e in led.evidence if e.article_id != "d"])
    [fact, point] = write_brief(without_d, [led], [office])
    assert fact.text == ("Defence Minister Ivan Petrenko led the delegation to Velm. "
                         "(accounts differ on Ivan Petrenko's office: see below)")
    assert {c.article_id for c in fact.citations} == {"a", "b"}
    assert point.text.startswith("Accounts differ on Ivan Petrenko's office")


def test_a_wording_that_gives_one_version_of_a_disputed_number_is_never_stated():
    # A disputed number is the fact itself, not a detail of it: no note makes it neutral.
    a = ArticleAnalysis(article=make_article("a", "Wire A", "The ferry accident killed 12 people on the lake."))
    b = ArticleAnalysis(article=make_article("b", "Paper B", "The ferry accident killed 12 people on the lake, police said."))
    c = ArticleAnalysis(article=make_article("c", "Radio C", "The ferry accident killed 19 people on the lake."))
    killed = make_claim("k1", "corroborated", [evidence_for(a, a.article.text), evidence_for(b, b.article.text)])
    toll = Dispute(
        what="number of people killed", kind="count",
        versions=(DisputeVersion("12", "12", ("Wire A", "Paper B"), (evidence_for(a, "12"), evidence_for(b, "12"))),
                  DisputeVersion("19", "19", ("Radio C",), (evidence_for(c, "19"),))),
        explanation="Wire A and Paper B say 12; Radio C says 19.",
    )
    brief = write_brief([a, b, c], [killed], [toll])
    assert [s.text[:len("Accounts differ")] for s in brief] == ["Accounts differ"]


@pytest.mark.parametrize("supported", [False, True])
def test_a_wording_that_adds_a_statement_no_other_report_gives_is_not_shown(supported):
    # The wire's sentence goes on with its own evaluation; shown as the fact, the evaluation would
    # read as what every cited outlet reports.
    wire = "The two sides agreed to swap captured sailors, making it the largest exchange of the war."
    paper = ("The two sides agreed to swap captured sailors, the largest exchange of the war so far."
             if supported else "The two sides agreed to swap captured sailors on Friday.")
    radio = "Negotiators from the two sides agreed to swap captured sailors."
    a = ArticleAnalysis(article=make_article("a", "Wire A", wire, kind="wire service"))
    b = ArticleAnalysis(article=make_article("b", "Paper B", paper))
    c = ArticleAnalysis(article=make_article("c", "Radio C", radio, kind="broadcaster"))
    swap = make_claim("k1", "corroborated", [evidence_for(a, wire), evidence_for(b, paper), evidence_for(c, radio)])
    [sentence] = write_brief([a, b, c], [swap])
    if supported:
        # Another report gives the evaluation too: the wire's wording stands.
        assert sentence.text == wire
    else:
        assert sentence.text in {paper, radio}
        assert "largest" not in sentence.text


@pytest.mark.parametrize("trailing", [False, True])
def test_a_relative_clause_inside_the_main_clause_is_no_statement_of_its_own(trailing):
    # "X, who led ..., said ..." is one statement: cut at ", who", its opening ("Speaking to
    # reporters on Friday, Mayor Ana Lind") would be a part no other report gives, and the fact
    # would be left out (Meduza's wording of Umerov's summit proposal in the reference corpus).
    wire = ("The ferry operator agreed to pay compensation to the families, which critics called an admission of guilt."
            if trailing else
            "Speaking to reporters on Friday, Mayor Ana Lind, who led the inquiry, said the ferry operator had agreed "
            "to pay compensation to the families.")
    paper = "She said the ferry operator had agreed to pay compensation to the families of the victims."
    a = ArticleAnalysis(article=make_article("a", "Wire A", wire, kind="wire service"))
    b = ArticleAnalysis(article=make_article("b", "Paper B", paper))
    fact = make_claim("k1", "corroborated", [evidence_for(a, wire), evidence_for(b, paper)])
    brief = write_brief([a, b], [fact])
    if trailing:
        # An addition at the end is still one outlet's own: the fact is stated without it, in the
        # wire's words up to the clause, which the paper supports.
        [sentence] = brief
        assert sentence.text == "The ferry operator agreed to pay compensation to the families."
        assert "guilt" not in sentence.text
        assert [c.outlet for c in sentence.citations] == ["Wire A", "Paper B"]
    else:
        [sentence] = brief
        assert sentence.text == wire
        assert [c.outlet for c in sentence.citations] == ["Wire A", "Paper B"]


@pytest.mark.parametrize(
    "text, parts",
    [
        ("The ferry sank at noon.", ["The ferry sank at noon."]),
        ("The ferry sank at noon, making it the worst accident in years.",
         ["The ferry sank at noon", "making it the worst accident in years."]),
        ("The ferry sank at noon; rescuers arrived an hour later.", ["The ferry sank at noon", "rescuers arrived an hour later."]),
        ("The mayor set a deadline—or new fines.", ["The mayor set a deadline", "or new fines."]),
        ("The ferry sank, and the operator denied blame.", ["The ferry sank", "and the operator denied blame."]),
        ("Mayor Ana Lind, a former nurse, visited the pier.", ["Mayor Ana Lind, a former nurse, visited the pier."]),
        # A relative clause set off inside its main clause tells who or what; the main clause goes on after it.
        ("Speaking on Friday, Mayor Ana Lind, who led the inquiry, said the ferry sank at noon.",
         ["Speaking on Friday, Mayor Ana Lind, who led the inquiry, said the ferry sank at noon."]),
        ("The ferry, which sank at noon, was towed to port.", ["The ferry, which sank at noon, was towed to port."]),
        ("The ferry, whose captain was arrested, sank at noon.", ["The ferry, whose captain was arrested, sank at noon."]),
        ("Mayor Ana Lind — who led the inquiry — said the ferry sank.", ["Mayor Ana Lind — who led the inquiry — said the ferry sank."]),
        ("The mayor said the ferry, which sank at noon, was towed to port.",
         ["The mayor said the ferry, which sank at noon, was towed to port."]),
        # So does one with no comma before it: the participle after it is no break of the main clause.
        ("The captain who steered the ferry onto the rocks at noon, injuring two crew, will stand trial in May.",
         ["The captain who steered the ferry onto the rocks at noon, injuring two crew, will stand trial in May."]),
        # One at the end of its sentence, or followed by another statement, adds one.
        ("Rescuers reached the mayor, who said the ferry sank at noon.", ["Rescuers reached the mayor", "who said the ferry sank at noon."]),
        ("The ferry sank at noon, which made it the worst accident in years.",
         ["The ferry sank at noon", "which made it the worst accident in years."]),
        ("The mayor met the captain, who had swum ashore, and the operator denied blame.",
         ["The mayor met the captain", "who had swum ashore", "and the operator denied blame."]),
    ],
)
def test_content_parts_split_a_sentence_into_the_statements_it_joins(text, parts):
    from synopsis.compare.sentence_parts import content_parts

    a = ArticleAnalysis(article=make_article("a", "Paper A", "Before. " + text))
    found = content_parts(evidence_for(a, text))
    assert [p.text for p in found] == parts
    assert all(a.article.text[p.start:p.end] == p.text for p in found)


def test_a_disputed_toll_leaves_the_brief_saying_what_happened_without_it(nlp):
    """Every outlet's lead gives its toll, and the tolls are disputed: the brief states the lead's
    first statement, cut before the toll, cited to the reports it cites, and the toll only as
    disputed."""
    from synopsis.compare.story import build_story_report
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.records import Story

    leads = {
        "a": ("Wire A", "A suicide bomber blew himself up at a crowded bus station in Kerova on Tuesday, killing 14 people, police said."),
        "b": ("Wire B", "A suicide bomber struck a busy bus station in Kerova on Tuesday, killing 14 people, officials said."),
        "c": ("Paper C", "At least 21 people were killed when a suicide bomber blew himself up at the bus station in Kerova on Tuesday."),
    }
    articles = [make_article(key, outlet, text, kind="wire service" if key != "c" else "newspaper",
                             published="2026-03-03T12:00:00") for key, (outlet, text) in leads.items()]
    analyses = list(analyze_articles(articles, nlp))
    report = build_story_report(Story("s", "t", tuple(a.article.id for a in analyses)), analyses)
    facts = [s for s in report.brief if not s.text.startswith("Accounts differ")]
    assert [s.text for s in facts] == ["A suicide bomber blew himself up at a crowded bus station in Kerova on Tuesday."]
    [fact] = facts
    assert {c.article_id for c in fact.citations} >= {"a", "b"}
    texts = {a.article.id: a.article.text for a in analyses}
    # The first citation is the words shown; every citation is the words of its source.
    assert fact.citations[0].text == fact.text[:-1]
    assert all(texts[c.article_id][c.start:c.end] == c.text for c in fact.citations)
    assert any(s.text.startswith("Accounts differ on number of people killed") for s in report.brief)


def test_a_hedged_number_is_cited_to_the_figure_it_admits_only_when_nothing_is_cited_as_written(nlp):
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.facts.support import SupportCheck

    texts = {"a": "A ferry carrying nearly 300 passengers sank off Lombok on Monday.",
             "b": "A ferry with 296 passengers on board sank near Lombok on Monday."}
    analyses = list(analyze_articles([make_article(k, f"Outlet {k}", t) for k, t in texts.items()], nlp))
    check = SupportCheck({a.article.id: a for a in analyses})
    hedged, precise = (evidence_for(a, a.article.text) for a in analyses)
    assert check.problem(hedged, precise) is not None  # as written, 296 is not "nearly 300"
    assert check.supports(hedged, precise, hedges=True)  # but 296 passengers are nearly 300
    assert not check.supports(precise, hedged, hedges=True)  # and "nearly 300" is not 296
    claim = make_claim("k1", "corroborated", [hedged, precise])
    [fact] = write_brief(analyses, [claim])
    assert fact.text == texts["a"] and {c.article_id for c in fact.citations} == {"a", "b"}


def quoted(aid: str, outlet: str, text: str, content: str, speaker: str | None, entity: str | None,
           kind: str = "newspaper"):
    """An article with one direct quotation: its words, and the speaker as written (found after the
    words; None: the sentence gives none) with the name it resolves to in its article."""
    from synopsis.records import Quote, Sentence

    low = text.index(content)
    at = text.index(speaker, low + len(content)) if speaker else None
    quote = Quote("direct", content, low, low + len(content), speaker, at, at + len(speaker) if speaker else None,
                  "said" if speaker else None, at + len(speaker) + 1 if speaker else None,
                  at + len(speaker) + 5 if speaker else None, low, (at + len(speaker)) if speaker else low + len(content),
                  speaker_entity=entity)
    return ArticleAnalysis(article=make_article(aid, outlet, text, kind=kind), quotes=(quote,),
                           sentences=(Sentence(0, len(text), text),))


PIER = "The pier must be rebuilt before any passenger boards again"


def test_a_quoted_sentence_whose_speaker_is_a_pronoun_names_the_speaker():
    a = quoted("a", "Wire A", f'"{PIER}," she said.', PIER, "she", "Ilse Marend", kind="wire service")
    b = quoted("b", "Paper B", f'"{PIER}," she said.', PIER, "she", "Ilse Marend")
    claim = make_claim("k1", "corroborated", [evidence_for(a, a.article.text), evidence_for(b, b.article.text)])
    [fact] = write_brief([a, b], [claim])
    assert fact.text == f'"{PIER}," [Ilse Marend] said.'
    # The citation is still the source's own words.
    assert fact.citations[0].text == f'"{PIER}," she said.'
    # A wording that names the speaker itself is preferred, even to the wire's.
    c = quoted("c", "Paper C", f'"{PIER}," Marend said.', PIER, "Marend", "Ilse Marend")
    claim = make_claim("k1", "corroborated", [evidence_for(x, x.article.text) for x in (a, b, c)])
    [fact] = write_brief([a, b, c], [claim])
    assert fact.text == f'"{PIER}," Marend said.' and fact.citations[0].article_id == "c"


def test_a_quoted_sentence_whose_pronoun_speaker_nothing_resolves_is_not_stated():
    a = quoted("a", "Wire A", f'"{PIER}," she said.', PIER, "she", None)
    b = quoted("b", "Paper B", f'"{PIER}," she said.', PIER, "she", None)
    claim = make_claim("k1", "corroborated", [evidence_for(a, a.article.text), evidence_for(b, b.article.text)])
    assert write_brief([a, b], [claim]) == []


def test_a_sentence_cut_from_a_longer_quotation_closes_its_marks_and_says_whose_it_is():
    said = f'"{PIER}. Repairs will take weeks," Marend said.'
    content = f"{PIER}. Repairs will take weeks"
    a = quoted("a", "Wire A", said, content, "Marend", "Ilse Marend")
    b = quoted("b", "Paper B", said, content, "Marend", "Ilse Marend")
    first = f'"{PIER}.'
    claim = make_claim("k1", "corroborated", [evidence_for(a, first), evidence_for(b, first)])
    [fact] = write_brief([a, b], [claim])
    assert fact.text == f'[Ilse Marend said:] "{PIER}."'
    assert fact.citations[0].text == first


def test_a_quotation_whose_speaker_is_disputed_is_stated_with_neither_speaker():
    """Each outlet's sentence goes on with a statement of its own, so a lead could be cut from it:
    the lead still gives one speaker of the quotation, and is not stated either."""
    a = quoted("a", "Wire A", f'"{PIER}," Marend said, adding that repairs would take weeks.', PIER, "Marend", "Ilse Marend")
    b = quoted("b", "Paper B", f'"{PIER}," Ostrik said, adding that repairs would take weeks.', PIER, "Ostrik", "Pavel Ostrik")
    said = [evidence_for(x, x.article.text) for x in (a, b)]
    claim = make_claim("k1", "disputed", said)
    speaker = Dispute(
        what=f"speaker of the quotation “{PIER}”", kind="speaker",
        versions=(DisputeVersion("Ilse Marend", "Ilse Marend", ("Wire A",), (said[0],)),
                  DisputeVersion("Pavel Ostrik", "Pavel Ostrik", ("Paper B",), (said[1],))),
        explanation="Wire A gives it to Ilse Marend; Paper B gives it to Pavel Ostrik.",
    )
    [line] = write_brief([a, b], [claim], [speaker])
    assert line.text.startswith("Accounts differ on speaker of the quotation")
    assert "Ilse Marend (Wire A)" in line.text and "Pavel Ostrik (Paper B)" in line.text


def test_a_pronoun_is_not_named_when_another_report_of_the_fact_gives_the_words_to_someone_else():
    # One outlet's "she" resolves to the harbour master, the other gives the words to the mayor:
    # "[Ilse Marend] said" cited to both would credit the second outlet with her name.
    a = quoted("a", "Wire A", f'"{PIER}," she said.', PIER, "she", "Ilse Marend", kind="wire service")
    b = quoted("b", "Paper B", f'"{PIER}," he said.', PIER, "he", "Pavel Ostrik")
    claim = make_claim("k1", "corroborated", [evidence_for(a, a.article.text), evidence_for(b, b.article.text)])
    assert all("Ilse Marend" not in fact.text for fact in write_brief([a, b], [claim]))
