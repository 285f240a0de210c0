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
])
def test_modifiers_the_cited_reports_give_pass(nlp, sentence, cited) -> None:
    supported, found = check_parts(nlp, sentence, cited)
    assert found is None
    assert supported
