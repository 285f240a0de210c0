"""Tests for claim alignment across outlets."""

import dataclasses
import re
from pathlib import Path

import pytest

from synopsis.compare.consensus import label_claims
from synopsis.compare.independence import find_origins
from synopsis.extract.embed import Embedder
from synopsis.extract.nlp import load_nlp
from synopsis.link.align import align_claims
from synopsis.records import (
    Article, ArticleAnalysis, Claim, Entity, Outlet, Quantity, Sentence, TimeRef,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "istanbul-2025"


@pytest.fixture(scope="session")
def embedder():
    return Embedder.load()


def make_analysis(aid, outlet, claims, kind="newspaper", origin=None):
    """Build an analysis from (sentence, quantities, durations) triples; a sentence per line."""
    text = "\n".join(c[0] for c in claims)
    sentences, out, quantities, times, pos = [], [], [], [], 0
    for sentence, qtys, durations in claims:
        start = text.index(sentence, pos)
        end = pos = start + len(sentence)
        sentences.append(Sentence(start, end, sentence))
        q_idx, t_idx = [], []
        for q_text, value, low, high, unit, counted in qtys:
            s = text.index(q_text, start)
            quantities.append(Quantity(q_text, s, s + len(q_text), value, low, high, unit, counted))
            q_idx.append(len(quantities) - 1)
        for t_text, value, mod in durations:
            s = text.index(t_text, start)
            times.append(TimeRef(t_text, s, s + len(t_text), "DURATION", value, modifier=mod))
            t_idx.append(len(times) - 1)
        out.append(Claim(sentence, start, end, len(sentences) - 1, quantities=tuple(q_idx), times=tuple(t_idx)))
    article = Article(id=aid, source=aid, text=text, outlet=Outlet(outlet, kind),
                      origin=Outlet(origin) if origin else None)
    return ArticleAnalysis(article, tuple(sentences), (), tuple(quantities), tuple(times), (), tuple(out))


@pytest.fixture(scope="module")
def story():
    return [
        make_analysis("north", "Northern Star", [
            ("The summit lasted 40 minutes.", [], [("40 minutes", "PT40M", None)]),
            ("The summit was held in French.", [], []),
            ("The ministers agreed to free 300 detainees.", [("300 detainees", 300, 300, 300, None, "detainees")], []),
        ]),
        make_analysis("east", "Eastern Courier", [
            ("The meeting of the ministers was over in less than an hour.", [], [("less than an hour", "PT1H", "LESS_THAN")]),
            ("Both governments promised to release about 300 prisoners.",
             [("about 300 prisoners", 300, 240, 360, None, "prisoners")], []),
            ("A new bridge over the river opened to traffic.", [], []),
        ]),
        make_analysis("west", "Western Post", [
            ("Delegates spoke French throughout the summit.", [], []),
            ("Heavy snow closed the mountain pass for two days.", [], [("two days", "P2D", None)]),
        ]),
        make_analysis("blog", "Rumour Mill", [
            ("The summit lasted 40 minutes, a short meeting.", [], [("40 minutes", "PT40M", None)]),
        ], kind="blog", origin="Northern Star"),
    ]


def group_of(groups, article_id, claim_index):
    for group in groups:
        if (article_id, claim_index) in group.keys:
            return group
    raise AssertionError("claim not in any group")


def test_every_claim_lands_in_exactly_one_group(story, embedder):
    groups = align_claims(story, embedder)
    keys = [k for g in groups for k in g.keys]
    assert sorted(keys) == sorted((a.article.id, i) for a in story for i in range(len(a.claims)))


@pytest.mark.parametrize(
    "first, second",
    [
        (("north", 0), ("east", 0)),  # 40 minutes ~ less than an hour, different words
        (("north", 2), ("east", 1)),  # free 300 detainees ~ release about 300 prisoners
        (("north", 1), ("west", 0)),  # held in French ~ spoke French
        (("north", 0), ("blog", 0)),
    ],
)
def test_paraphrases_align(story, embedder, first, second):
    groups = align_claims(story, embedder)
    assert group_of(groups, *first).id == group_of(groups, *second).id


@pytest.mark.parametrize(
    "first, second",
    [
        (("north", 0), ("north", 1)),  # lasted 40 minutes vs held in French (same article anyway)
        (("east", 0), ("west", 0)),  # duration vs language
        (("north", 0), ("west", 1)),  # 40 minutes vs two days of snow
        (("east", 2), ("west", 1)),  # unrelated events
    ],
)
def test_different_facts_do_not_align(story, embedder, first, second):
    groups = align_claims(story, embedder)
    assert group_of(groups, *first).id != group_of(groups, *second).id


def test_same_words_different_fact_do_not_align(embedder):
    story = [
        make_analysis("a", "Alpha", [("The talks lasted 40 minutes.", [], [("40 minutes", "PT40M", None)])]),
        make_analysis("b", "Beta", [("The talks were held in Russian.", [], [])]),
    ]
    groups = align_claims(story, embedder)
    assert len(groups) == 2


def test_group_has_representative_and_offsets(story, embedder):
    groups = align_claims(story, embedder)
    by_id = {a.article.id: a for a in story}
    for group in groups:
        assert group.text == group.members[group.representative].text
        for m in group.members:
            assert by_id[m.article_id].article.text[m.start:m.end] == m.text
        per_article = {}
        for m in group.members:
            per_article[m.article_id] = per_article.get(m.article_id, 0) + 1
        assert max(per_article.values()) <= 2


def test_alignment_is_deterministic(story, embedder):
    assert align_claims(story, embedder) == align_claims(story, embedder)


def test_rewrite_is_not_a_second_witness(story, embedder):
    groups = align_claims(story, embedder)
    origins = find_origins(story, embedder)
    claims = label_claims(groups, story, origins)
    duration = next(c for c in claims if any(e.article_id == "blog" for e in c.evidence))
    assert "Rumour Mill" in duration.sources
    assert "Rumour Mill" not in duration.independent_sources
    # Northern Star + Eastern Courier are the independent witnesses; the blog adds none.
    assert set(duration.independent_sources) == {"Northern Star", "Eastern Courier"}
    assert duration.status == "corroborated"


def test_canonical_entity_ids_are_used(embedder):
    def analysis(aid, outlet, sentence, name):
        text = sentence
        s = text.index(name)
        article = Article(id=aid, source=aid, text=text, outlet=Outlet(outlet))
        return ArticleAnalysis(article, (Sentence(0, len(text), text),), (Entity(name, "PERSON", s, s + len(name)),),
                               claims=(Claim(text, 0, len(text), 0, entities=(0,)),))

    story = [analysis("a", "Alpha", "Minister Ivanova resigned after the vote.", "Ivanova"),
             analysis("b", "Beta", "The minister, Ivanowa, resigned after the vote.", "Ivanowa")]
    calls = []

    def canonical(article_id, index):
        calls.append((article_id, index))
        return "person:ivanova"

    align_claims(story, embedder, canonical=canonical)
    assert ("a", 0) in calls and ("b", 0) in calls


# --- e2e on the reference corpus, read in place -------------------------------------------

_DURATION = re.compile(r"(?i)\b(?:(less than|about|approximately|more than)\s+)?(an|a|one|\d+)\s+(hour|minute)s?\b")


def read_corpus_analysis(path, nlp, outlet, kind):
    """Minimal claims: one per spaCy sentence of each paragraph, with NER entities and durations."""
    text = path.read_text(encoding="utf-8")
    sentences, entities, times, claims, pos = [], [], [], [], 0
    for para in text.split("\n"):
        offset = text.index(para, pos) if para else pos
        pos = offset + len(para)
        if len(para.split()) < 4:
            continue
        doc = nlp(para)
        for ent in doc.ents:
            entities.append(Entity(ent.text, ent.label_, offset + ent.start_char, offset + ent.end_char))
        # A stand-in for the times extractor: only "(less than|about) N hour(s)/minute(s)".
        for match in _DURATION.finditer(para):
            n = 1 if match.group(2).lower() in {"an", "a", "one"} else int(match.group(2))
            unit = "H" if match.group(3).lower() == "hour" else "M"
            mod = {"less than": "LESS_THAN", "more than": "MORE_THAN"}.get((match.group(1) or "").lower(),
                                                                         "APPROX" if match.group(1) else None)
            start, end = offset + match.start(), offset + match.end()
            times.append(TimeRef(text[start:end], start, end, "DURATION", f"PT{n}{unit}", modifier=mod))
        for sent in doc.sents:
            stripped = sent.text.strip()
            if len(stripped.split()) < 4:
                continue
            start = offset + sent.start_char + sent.text.index(stripped)
            end = start + len(stripped)
            sentences.append(Sentence(start, end, stripped))
            ents = tuple(i for i, e in enumerate(entities) if start <= e.start and e.end <= end
                         and e.label in {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"})
            tims = tuple(i for i, t in enumerate(times) if start <= t.start and t.end <= end)
            claims.append(Claim(stripped, start, end, len(sentences) - 1, entities=ents, times=tims))
    article = Article(id=path.stem, source=str(path), text=text, outlet=Outlet(outlet, kind))
    return ArticleAnalysis(article, tuple(sentences), tuple(entities), times=tuple(times), claims=tuple(claims))


def test_corpus_duration_sentences_of_independent_outlet_and_state_agency_align(embedder):
    nlp = load_nlp()
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    # Outlet names are labels for this test only; the code never sees special cases.
    # The three short reports (independent outlet, state agency, blog) keep the test fast;
    # the long aggregator and encyclopedia pages only add embedding time.
    kinds = {0: "independent", 3: "state media", 4: "blog"}
    analyses = [read_corpus_analysis(files[i], nlp, f"outlet-{i}", kind) for i, kind in kinds.items()]
    groups = align_claims(analyses, embedder)

    def duration_claim(analysis):
        for i, claim in enumerate(analysis.claims):
            if claim.times and "lasted" in claim.text and any(
                    analysis.times[t].value in {"PT1H", "PT40M"} for t in claim.times):
                return i
        raise AssertionError(f"no duration sentence in {analysis.article.id}")

    independent, agency = analyses[0], analyses[1]
    g1 = group_of(groups, independent.article.id, duration_claim(independent))
    g2 = group_of(groups, agency.article.id, duration_claim(agency))
    assert g1.id == g2.id


def analysis_with_counts(aid, outlet, sentence, counts):
    """One-sentence analysis whose quantities carry a predicate: (text, value, counted, predicate)."""
    quantities = []
    for q_text, value, counted, predicate in counts:
        s = sentence.index(q_text)
        quantities.append(Quantity(q_text, s, s + len(q_text), value, value, value, None, counted,
                                   predicate=predicate))
    claim = Claim(sentence, 0, len(sentence), 0, quantities=tuple(range(len(quantities))))
    article = Article(id=aid, source=aid, text=sentence, outlet=Outlet(outlet, "newspaper"))
    return ArticleAnalysis(article, (Sentence(0, len(sentence), sentence),), (), tuple(quantities), (), (), (claim,))


@pytest.mark.parametrize(
    "second, predicate, together",
    [
        ("Two people were injured in the crash.", "injure", False),
        ("Two people died in the crash.", "die", True),
    ],
)
def test_counts_of_different_happenings_do_not_align(embedder, second, predicate, together):
    story = [
        analysis_with_counts("a", "Alpha", "Two people were killed in the crash.", [("Two", 2, "people", "kill")]),
        analysis_with_counts("b", "Beta", second, [("Two", 2, "people", predicate)]),
    ]
    groups = align_claims(story, embedder)
    assert (len(groups) == 1) == together


def test_delay_does_not_align_with_length(embedder):
    story = [
        make_analysis("a", "Alpha", [("The meeting was delayed by more than an hour.", [], [])]),
        make_analysis("b", "Beta", [("The meeting lasted about 40 minutes.", [], [])]),
    ]
    # Durations as the quantity extractor gives them, with their predicates.
    delay = Quantity("more than an hour", 27, 44, 1, 1, None, "hour", None, "more than", "delay")
    length = Quantity("about 40 minutes", 19, 35, 40, 34, 46, "minute", None, "about", "last")
    story = [
        ArticleAnalysis(story[0].article, story[0].sentences, (), (delay,), (), (),
                        (dataclasses.replace(story[0].claims[0], quantities=(0,)),)),
        ArticleAnalysis(story[1].article, story[1].sentences, (), (length,), (), (),
                        (dataclasses.replace(story[1].claims[0], quantities=(0,)),)),
    ]
    assert story[0].article.text[27:44] == "more than an hour" and story[1].article.text[19:35] == "about 40 minutes"
    assert len(align_claims(story, embedder)) == 2


def analysis_with_amount(aid, outlet, sentence, q_text, value, low, high, unit=None, qualifier=None, counted=None):
    """One-sentence analysis with one quantity as the extractor gives it (with its hedge)."""
    s = sentence.index(q_text)
    quantity = Quantity(q_text, s, s + len(q_text), value, low, high, unit, counted, qualifier)
    claim = Claim(sentence, 0, len(sentence), 0, quantities=(0,))
    article = Article(id=aid, source=aid, text=sentence, outlet=Outlet(outlet, "newspaper"))
    return ArticleAnalysis(article, (Sentence(0, len(sentence), sentence),), (), (quantity,), (), (), (claim,))


@pytest.mark.parametrize(
    "first, second",
    [
        (("The council meeting lasted less than an hour.", "less than an hour", 1, 0, 1, "hour", "less than"),
         ("The council meeting lasted about 40 minutes.", "about 40 minutes", 40, 36, 44, "minute", "about")),
        (("More than 1,000 volunteers joined the clean-up.", "More than 1,000", 1000, 1000, None, None, "more than", "volunteers"),
         ("Some 1,200 volunteers joined the clean-up.", "Some 1,200", 1200, 1080, 1320, None, "about", "volunteers")),
        # An unqualified measure is a rounding: "15 percent" may be 15.2.
        (("The envoy would accept a quota cut of 15 percent.", "15 percent", 15, 15, 15, "percent", None),
         ("The envoy would accept a quota cut of more than 15 percent.", "more than 15 percent", 15, 15, None, "percent", "more than")),
    ],
)
def test_compatible_hedged_amounts_align(embedder, first, second):
    story = [analysis_with_amount("a", "Alpha", *first), analysis_with_amount("b", "Beta", *second)]
    assert len(align_claims(story, embedder)) == 1


@pytest.mark.parametrize(
    "first, second",
    [
        # Both open upwards: they overlap whatever the counts, so the overlap says nothing.
        (("The clubs swapped at least 1,200 stickers.", "at least 1,200", 1200, 1200, None, None, "at least", "stickers"),
         ("The clubs swapped at least 1,000 stickers on each side.", "at least 1,000", 1000, 1000, None, None, "at least", "stickers")),
        (("The council meeting lasted 40 minutes.", "40 minutes", 40, 40, 40, "minute", None),
         ("The council meeting lasted 45 minutes.", "45 minutes", 45, 45, 45, "minute", None)),
        (("The council meeting lasted 40 minutes.", "40 minutes", 40, 40, 40, "minute", None),
         ("The council meeting lasted 42 minutes.", "42 minutes", 42, 42, 42, "minute", None)),
        # A count of few things is exact: the same number under "more than" is another count.
        (("Two climbers were killed in the avalanche.", "Two", 2, 2, 2, None, None, "climbers"),
         ("More than two climbers were killed in the avalanche.", "More than two", 2, 2, None, None, "more than", "climbers")),
    ],
)
def test_different_figures_do_not_align(embedder, first, second):
    story = [analysis_with_amount("a", "Alpha", *first), analysis_with_amount("b", "Beta", *second)]
    assert len(align_claims(story, embedder)) == 2


def test_a_duration_written_in_parts_is_one_duration(nlp, embedder):
    # "two hours and 20 minutes" is not "20 minutes": the remainder alone must not meet "about 20 minutes".
    from synopsis.extract.pipeline import analyze_articles
    from tests.factories import make_article

    sentence = "The council meeting lasted roughly two hours and 20 minutes."
    [whole] = analyze_articles([make_article("a", "Alpha", sentence)], nlp)
    assert [q.text for q in whole.quantities] == ["roughly two hours and 20 minutes"]
    short = analysis_with_amount("b", "Beta", "The council meeting lasted about 20 minutes.",
                                 "about 20 minutes", 20, 18, 22, "minute", "about")
    assert len(align_claims([whole, short], embedder)) == 2


def test_claims_told_alike_but_for_their_days_are_day_rivals_not_one_fact(nlp, embedder):
    """One outlet dates a bombing Tuesday, another Sunday: two days apart is no time-zone slip
    (``test_align_days`` has one day apart), so alignment keeps the two sentences apart (one day
    each), and lists them as rivals whose days the dispute finder compares."""
    from synopsis.extract.pipeline import analyze_articles
    from synopsis.link.align import day_rivals, score_candidates
    from tests.factories import make_article

    articles = [
        make_article("a", "Alpha", "A bomb attack at a bus station in the city of Kerova on Tuesday killed 14 people, police said.",
                     published="2026-03-04T08:00:00"),
        make_article("b", "Bravo", "A bomb attack at a bus station in the city of Kerova on Sunday killed 14 people, officials say.",
                     published="2026-03-04T09:00:00"),
        make_article("c", "Charlie", "The city council of Kerova approved a new budget for schools on Monday.",
                     published="2026-03-04T10:00:00"),
    ]
    analyses = list(analyze_articles(articles, nlp))
    candidates = score_candidates(analyses, embedder)
    assert all(len(g.article_ids) == 1 for g in align_claims(analyses, embedder, candidates=candidates))
    assert day_rivals(analyses, candidates) == [(("a", 0), ("b", 0))]
