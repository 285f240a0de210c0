"""One speaker, two statements: a shared speaker is evidence of one fact only when what the two
claims report them saying is alike too (QA: a police officer's remark on the bomber's age grouped
with his remark on how the bomber detonated, as one corroborated fact)."""

from __future__ import annotations

import pytest

from synopsis.extract.embed import Embedder
from synopsis.extract.pipeline import analyze_articles
from synopsis.link.align import SPEAKER_SAME, align_claims, score_candidates
from synopsis.link.entities import resolve_entities
from synopsis.link.reported_content import reported_words, same_statement
from synopsis.records import ArticleAnalysis, Claim, Entity, Quote, Sentence
from tests.factories import make_article

AGE = "According to senior fire inspector Dana Holm, the arsonist was in his thirties."
DOCK = '"The arsonist was on foot and started the blaze near the loading dock," fire inspector Dana Holm told reporters at the scene.'
DOCK_AGAIN = "Fire inspector Dana Holm said the arsonist came on foot and started the blaze by the loading dock."


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def story(nlp, *reports: tuple[str, str]) -> list[ArticleAnalysis]:
    articles = [make_article(f"a{i}", outlet, text, published="2031-04-08") for i, (outlet, text) in enumerate(reports)]
    return list(analyze_articles(articles, nlp))


def grouped(analyses, embedder, first: str, second: str) -> bool:
    """Whether the claims whose text starts with ``first`` and ``second`` land in one group (as the
    report aligns them: with story-wide entity names)."""
    groups = align_claims(analyses, embedder, resolve_entities(analyses).canonical)
    for group in groups:
        texts = [m.text for m in group.members]
        if any(t.startswith(first) for t in texts):
            return any(t.startswith(second) for t in texts)
    raise AssertionError(f"no claim starts with {first!r}")


def test_two_remarks_of_one_speaker_are_two_facts(nlp, embedder):
    # One inspector, one subject (the arsonist), two things said about it: his age, how he started
    # the fire.  Words and names alike bring them near the link score; the speaker must not be
    # what lifts them over it.
    analyses = story(
        nlp,
        ("Valley Courier", f"A fire destroyed a timber warehouse in Brenton on Monday night. {AGE}"),
        ("Harbour Times", f"An arson attack gutted a Brenton warehouse on Monday. {DOCK}"),
    )
    assert not grouped(analyses, embedder, AGE[:20], DOCK[:20])


def test_one_remark_reported_by_two_outlets_still_aligns(nlp, embedder):
    analyses = story(
        nlp,
        ("Harbour Times", f"An arson attack gutted a Brenton warehouse on Monday. {DOCK}"),
        ("Evening Ledger", f"A warehouse burned down in Brenton overnight on Monday. {DOCK_AGAIN}"),
    )
    assert grouped(analyses, embedder, DOCK[:20], DOCK_AGAIN[:20])


def test_reported_words_leave_out_who_spoke(nlp):
    [analysis] = story(nlp, ("Harbour Times", DOCK))
    words = reported_words(analysis, analysis.claims[0])
    assert {"arsonist", "foot", "blaze", "dock"} <= words
    # The speaker's name, title and reporting verb say who spoke, not what was said; "scene" is
    # where they spoke.
    assert not words & {"dana", "holm", "fire", "inspector", "told", "reporter", "scene"}


def pronoun_quote(aid: str, content: str, speaker: str | None) -> ArticleAnalysis:
    """A one-sentence article quoting someone it names by a pronoun only ("..., she said."), the
    pronoun resolved to ``speaker``: no name in the sentence, so only the speaker can be shared.
    With ``speaker`` None the sentence is read as no one's."""
    text = f'"{content}," she said.'
    quotes = ()
    if speaker is not None:
        at = text.index("she")
        quotes = (Quote("direct", content, 1, 1 + len(content), "she", at, at + 3, "said", at + 4, at + 8, 0, len(text),
                        speaker_entity=speaker),)
    claim = Claim(text, 0, len(text), 0, quote=0 if quotes else None, attributed_to=speaker)
    return ArticleAnalysis(make_article(aid, aid.title(), text), (Sentence(0, len(text), text),), quotes=quotes,
                           claims=(claim,))


def pair_score(embedder, first: ArticleAnalysis, second: ArticleAnalysis) -> float:
    candidates = score_candidates([first, second], embedder)
    return candidates.edges[(0, 1)]


@pytest.mark.parametrize("other, counts", [
    # What she is reported saying shares the subject only: two statements.
    ("The arsonist was in his thirties", False),
    # The same statement in other words: the speaker is one more sign of one fact.
    ("The arsonist started the blaze by the loading dock", True),
])
def test_a_shared_speaker_counts_only_for_a_shared_statement(embedder, other, counts):
    dock = "The arsonist was on foot and started the blaze near the loading dock"
    with_speaker = pair_score(embedder, pronoun_quote("alpha", dock, "Dana Holm"), pronoun_quote("beta", other, "Dana Holm"))
    # The same two sentences, one of them no one's: no speaker term at all.
    anonymous = pair_score(embedder, pronoun_quote("alpha", dock, "Dana Holm"), pronoun_quote("beta", other, None))
    assert with_speaker - anonymous == pytest.approx(SPEAKER_SAME if counts else 0.0)


def named_speaker(aid: str, text: str, name: str, speaks: bool) -> ArticleAnalysis:
    """A one-sentence article naming ``name``; with ``speaks`` the sentence is read as theirs."""
    at = text.index(name)
    entity = Entity(name, "PERSON", at, at + len(name))
    claim = Claim(text, 0, len(text), 0, entities=(0,), attributed_to=name if speaks else None)
    return ArticleAnalysis(make_article(aid, aid.title(), text), (Sentence(0, len(text), text),), (entity,), claims=(claim,))


@pytest.mark.parametrize("second, counts", [
    ("Fire chief Maria Lund warned that the wind would pick up tonight.", True),
    ("Fire chief Maria Lund said the wind was their biggest enemy.", False),
])
def test_a_speaker_named_in_both_sentences_counts_for_one_statement_only(embedder, second, counts):
    # Story-wide names as entity resolution gives them ("Maria Lund"), as the report aligns.
    def score(speaks: bool) -> float:
        first = named_speaker("alpha", "Lund said the wind would pick up tonight.", "Lund", speaks)
        other = named_speaker("beta", second, "Maria Lund", speaks)
        return score_candidates([first, other], embedder, lambda aid, index: "Maria Lund").edges[(0, 1)]

    assert score(True) - score(False) == pytest.approx(SPEAKER_SAME if counts else 0.0)


def test_reported_words_of_an_unquoted_claim_leave_out_its_speakers_name():
    analysis = named_speaker("alpha", "Lund said the wind would pick up tonight.", "Lund", speaks=True)
    assert reported_words(analysis, analysis.claims[0]) == {"wind", "pick", "tonight"}


def test_one_shared_word_is_no_shared_statement():
    assert not same_statement(frozenset({"arsonist", "thirti"}), frozenset({"arsonist", "foot", "blaze", "dock"}))
    assert same_statement(frozenset({"arsonist", "blaze", "dock"}), frozenset({"arsonist", "foot", "blaze", "dock"}))
