"""A brief sentence's modifiers and joined clauses must be given by the reports it is cited to:
"for weeks", "as some investors questioned the price", a second statement joined by "and" (our own
sentences, fictional outlets and people, read by the real extractor)."""

from __future__ import annotations

import pytest

from synopsis.compare.sentence_parts import parts_supported, unsupported_modifier
from synopsis.facts.support import SupportCheck
from synopsis.records import Evidence
from tests.compare.dispute_builders import extracted


def check_parts(nlp, sentence: str, cited: list[str]) -> tuple[bool, str | None]:
    texts = {"Alpha": sentence, **{f"Cited{n}": text for n, text in enumerate(cited)}}
    analyses = extracted(nlp, texts)
    spans = [Evidence(a.article.id, a.article.outlet.name, 0, len(a.article.text), a.article.text) for a in analyses]
    check = SupportCheck({a.article.id: a for a in analyses})
    return parts_supported(spans[0], spans[1:], check), unsupported_modifier(spans[0], spans[1:], check)


@pytest.mark.parametrize("sentence, cited, unsupported", [
    # How long: no cited report says "weeks".
    ("Judge Arne Vill said Osk had planned the blaze for weeks.",
     ["Judge Arne Vill said Osk set the blaze deliberately to claim the insurance money."], "weeks"),
    # Why: the cited report gives the fall, not the reason.
    ("Brannock shares ended 4 percent lower as some investors questioned the price.",
     ["Brannock shares fell 4 percent."], "some investors questioned the price"),
    # A second statement joined by "and": the cited report gives only the first.
    ("Defence lawyer Mira Tael said her client had been denied a fair hearing and that the evidence was thin.",
     ["Defence lawyer Mira Tael has argued that the evidence against her client was thin."],
     "her client had been denied a fair hearing and"),
    # A clause of time whose event no cited clause of that relation says (``SIMILAR_CLAUSE``).
    ("The pilot said the seatbelt sign was on before the fire started.",
     ["The pilot said the seatbelt sign had been switched on before the vote."], "the fire started"),
])
def test_a_modifier_no_cited_report_gives_fails_support(nlp, sentence, cited, unsupported) -> None:
    supported, found = check_parts(nlp, sentence, cited)
    assert not supported
    assert found is not None and found in unsupported


@pytest.mark.parametrize("sentence, cited", [
    # Every modifier given by one cited report or another.
    ("Judge Arne Vill said Osk had planned the blaze for weeks.",
     ["Osk planned the blaze for weeks, the judge said."]),
    ("Brannock shares ended 4 percent lower as some investors questioned the price.",
     ["Brannock fell 4 percent.", "Some investors questioned the price Brannock shares were paying."]),
    # A day is checked as a date, and a cited report may leave it to its dateline.
    ("The ferry service was suspended on Monday.", ["The ferry service was suspended."]),
    # Who says it is no circumstance of what happened.
    ("The ferry service was suspended, according to the harbour office.", ["The ferry service was suspended."]),
    # A date the parse cuts from its weekday ("on Tuesday, March 4") is still a date.
    ("A passenger ferry capsized on Lake Selby on Tuesday, March 4.",
     ["At least ten people died when the ferry capsized on Lake Selby on Tuesday, police said."]),
    # A clause of time or condition a cited report gives in other words, with the same relation.
    ("The pilot said the seatbelt sign was on before the turbulence struck.",
     ["The pilot said the seatbelt sign had been switched on minutes before the jolt."]),
    ("The deal is expected to close in June, if competition regulators do not block it.",
     ["The deal was expected to close in June, subject to approval by competition authorities."]),
    # When it is said of, as places are where: "this season" is no claim of one outlet.
    ("Kessford have struggled for goals this season, with only 12 goals in 15 matches.",
     ["Kessford have scored only 12 goals in 15 matches."]),
])
def test_modifiers_the_cited_reports_give_pass(nlp, sentence, cited) -> None:
    supported, found = check_parts(nlp, sentence, cited)
    assert found is None
    assert supported
