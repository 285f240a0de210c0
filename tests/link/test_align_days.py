"""Claims dated a day apart: one event misdated by one outlet is aligned and its day disputed;
two events on consecutive days stay apart."""

from __future__ import annotations

import pytest

from synopsis.compare.disputes import find_disputes
from synopsis.extract.embed import Embedder
from synopsis.link.align import align_claims, day_rivals, score_candidates
from synopsis.link.misdating import event_day_rivals
from tests.factories import make_article


@pytest.fixture(scope="module")
def embedder():
    return Embedder.load()


def analyse(nlp, texts: dict[str, tuple[str, str]]):
    """Analyses of one article per outlet: {outlet: (text, published)}."""
    from synopsis.extract.pipeline import analyze_articles

    articles = [make_article(outlet.lower(), outlet, text, published=published)
                for outlet, (text, published) in texts.items()]
    return list(analyze_articles(articles, nlp))


def linked(groups, first: str, second: str) -> bool:
    return any({first, second} <= set(g.article_ids) for g in groups)


def test_one_event_dated_a_day_apart_is_one_fact_and_its_day_and_numbers_are_disputed(nlp, embedder):
    """The wire dates the sentencing Sunday, the morning paper Monday (stamped before the paper's
    Monday had begun where the wire wrote): the leads align, the day is disputed, and what each goes
    on to say about that day (the sum to repay) is compared."""
    analyses = analyse(nlp, {
        "Alpha": ("A tribunal in Norvik on Sunday sentenced former harbour master Ivo Brandt to six years in prison "
                  "for fraud. Judge Mara Olsen also ordered Brandt to repay 3.6 million crowns.",
                  "2027-03-14T15:10:00"),
        "Bravo": ("A tribunal in Norvik on Monday sentenced Ivo Brandt, the former harbour master, to six years in "
                  "prison for fraud. Judge Olsen ordered Brandt to repay 1.8 million crowns.",
                  "2027-03-15T07:40:00"),
    })
    candidates = score_candidates(analyses, embedder)
    groups = align_claims(analyses, embedder, candidates=candidates)
    assert linked(groups, "alpha", "bravo")
    disputes = find_disputes(groups, analyses, day_rivals=day_rivals(analyses, candidates))
    versions = {d.kind: sorted(v.value for v in d.versions) for d in disputes}
    assert versions.get("date") == ["Monday", "Sunday"]
    assert versions.get("count") == ["1.8 million", "3.6 million"]


@pytest.mark.parametrize(("first", "second"), [
    # Two days of one summit, told alike but for what was discussed.
    ("European leaders met in Valletta on Monday to discuss fishing quotas and port fees.",
     "European leaders met in Valletta on Tuesday to discuss migration routes and border patrols."),
    # A hearing one day and the verdict the next: the same court and defendant, another happening.
    ("The court in Norvik heard closing arguments in the trial of Ivo Brandt on Monday.",
     "The court in Norvik sentenced Ivo Brandt to six years in prison on Tuesday."),
])
def test_two_events_on_consecutive_days_stay_apart(nlp, embedder, first, second):
    analyses = analyse(nlp, {"Alpha": (first, "2027-03-17T09:00:00"), "Bravo": (second, "2027-03-17T10:00:00")})
    groups = align_claims(analyses, embedder)
    assert not linked(groups, "alpha", "bravo")
    assert [d for d in find_disputes(groups, analyses) if d.kind == "date"] == []



SWAP_WIRE = ("Karvia and Lindmark exchanged six prisoners at Muscat airport on Thursday in a deal brokered by Oman, "
             "freeing the journalist Elin Strand after nearly 500 days in a Karvian jail.", "2027-11-04T21:40:00")


def test_one_exchange_told_differently_a_day_apart_has_its_day_and_count_disputed(nlp, embedder):
    """The tabloid tells the swap in its own words and a day early: the two sentences do not read
    alike, yet they give one exchange at one airport a day apart, so its day is disputed, and the
    count the tabloid gives of that day is compared with the wire's."""
    analyses = analyse(nlp, {
        "Alpha": SWAP_WIRE,
        "Bravo": ("Brave reporter Elin Strand was finally home last night after the prisoner swap.\n\n"
                  "The swap took place at Muscat airport on Wednesday. In total seven prisoners were freed, "
                  "including the convicted spy Vadim Yevtushenko.", "2027-11-05T07:00:00"),
    })
    candidates = score_candidates(analyses, embedder)
    groups = align_claims(analyses, embedder, candidates=candidates)
    disputes = find_disputes(groups, analyses, day_rivals=day_rivals(analyses, candidates))
    versions = {d.kind: sorted(v.value for v in d.versions) for d in disputes}
    assert versions.get("date") == ["Thursday", "Wednesday"]
    assert versions.get("count") == ["seven", "six"]
    # Named by the event one of them names ("the swap"), though the other names it by its verb.
    assert [d.what for d in disputes if d.kind == "date"] == ["date of the exchange"]


@pytest.mark.parametrize(("alpha", "bravo"), [
    # Talks go on for days: each day's report is right.
    ("Delegations from Karvia and Lindmark held talks at Muscat airport on Thursday.",
     "Delegations held talks at Muscat airport on Wednesday."),
    # The report tells the earlier exchange on Wednesday apart from Thursday's.
    (SWAP_WIRE[0], "A first exchange took place at Muscat airport on Wednesday. A second exchange at Muscat airport "
                   "followed on Thursday."),
    # Another place.
    (SWAP_WIRE[0], "The swap took place at Geneva airport on Wednesday."),
])
def test_other_events_or_occasions_a_day_apart_are_not_one_days_rivals(nlp, embedder, alpha, bravo):
    analyses = analyse(nlp, {"Alpha": (alpha, SWAP_WIRE[1]), "Bravo": (bravo, "2027-11-05T07:00:00")})
    candidates = score_candidates(analyses, embedder)
    assert event_day_rivals(analyses, candidates.refs, candidates.scorer.features) == []


def test_a_count_each_side_freed_agrees_with_the_total_of_a_misdated_exchange(nlp, embedder):
    """Six freed by each side and twelve in all are one count, on either day given."""
    analyses = analyse(nlp, {
        "Alpha": ("Karvia and Lindmark each freed six prisoners in a swap at Muscat airport on Thursday.",
                  SWAP_WIRE[1]),
        "Bravo": ("In total twelve prisoners were freed in the swap at Muscat airport on Wednesday.",
                  "2027-11-05T07:00:00"),
    })
    candidates = score_candidates(analyses, embedder)
    groups = align_claims(analyses, embedder, candidates=candidates)
    disputes = find_disputes(groups, analyses, day_rivals=day_rivals(analyses, candidates))
    assert [d.kind for d in disputes] == ["date"]
