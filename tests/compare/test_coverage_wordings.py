"""An outlet telling a fact in its own words does not leave it out: another verb for one move in
percent, "could not" for "were unable to", a day its report gives a sentence before."""

from synopsis.compare.coverage import describe_coverage
from tests.compare.dispute_builders import extracted
from tests.factories import evidence_for, make_claim


def _omits(nlp, fact: str, others: dict[str, str], before: str = "") -> dict[str, tuple[str, ...]]:
    """What each outlet leaves out of one fact Papers A and B report (after ``before``)."""
    analyses = extracted(nlp, {"Paper A": f"{before}{fact}", "Paper B": f"{before}{fact} Gulls circled the quay.",
                               **others})
    a, b = analyses[:2]
    claim = make_claim("k1", "corroborated", [evidence_for(a, fact), evidence_for(b, fact)])
    return {item.outlet: item.omits for item in describe_coverage(analyses, [claim])}


def test_one_move_in_percent_with_another_verb_tells_the_fact(nlp):
    """"Brenta slipped 4 percent" and "Brenta shares ended 4 percent lower" tell "Brenta's shares
    fell 4 percent" (QA: an outlet "leaves out" the fall it gives with "slipped"); the same move of
    another company does not."""
    fact = "Brenta Foods' shares fell 4 percent on Monday."
    omits = _omits(nlp, fact, {
        "Paper C": "Orsola Dairy stock closed 12 percent higher on Monday, while Brenta Foods slipped 4 percent.",
        "Paper D": "On Monday Brenta Foods shares ended 4 percent lower.",
        "Paper E": "Orsola Dairy stock closed 12 percent higher on Monday, while Kestrel Mills slipped 4 percent.",
    })
    assert omits["Paper C"] == omits["Paper D"] == ()
    assert omits["Paper E"] == ("k1",)


def test_could_not_tells_what_did_not_happen(nlp):
    """"could not escape the flames" tells "were unable to reach the exit through the flames" of the
    same two people (QA: an outlet "leaves out" the victims' deaths); another remark on them does not."""
    fact = "Piet Arnhem and Rosa Veld were unable to reach the exit through the flames."
    omits = _omits(nlp, fact, {
        "Paper C": "Piet Arnhem and Rosa Veld, who were cleaning the upper hall, could not escape the flames.",
        "Paper D": "Piet Arnhem and Rosa Veld, who were cleaning the upper hall, had worked there for years.",
    })
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)


def test_an_undated_report_is_of_the_day_its_article_gave_just_before(nlp):
    """A report of the trial tells the fire's deaths after the sentence dating the fire; another
    outlet dating the deaths to that day tells them, not an earlier fact than the report's days."""
    verdict = "A court on Monday jailed Ivo Marten for the fire. "  # the story's day: every outlet's
    before = f"{verdict}The fire broke out at the Dorr mill on 3 May 2024. "
    fact = "Piet Arnhem and Rosa Veld were trapped on the top floor and died of smoke inhalation."
    omits = _omits(nlp, fact, {
        "Paper C": f"{verdict}Piet Arnhem and Rosa Veld died of smoke inhalation on the top floor of the Dorr mill "
                   "on 3 May 2024.",
        "Paper D": f"{verdict}Piet Arnhem and Rosa Veld died of smoke inhalation on the top floor of the Dorr mill "
                   "on 9 May 2023.",
    }, before=before)
    assert omits["Paper C"] == ()
    assert omits["Paper D"] == ("k1",)
