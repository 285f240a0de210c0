"""Speech that is withheld ("did not say whether", "declined to say") reports no statement."""

from __future__ import annotations

import pytest

from synopsis.extract.quotes import find_quotes


@pytest.mark.parametrize(
    ("text", "withheld"),
    [
        # QA pass 21: "She did not say whether X" was listed as her saying X
        ("Mayor Lena Dorsk opened the depot. She did not say whether the old depot would close.", "the old depot would close"),
        ("Officials have not said what will happen to the harbour.", "what will happen to the harbour"),
        ("The ferry operator declined to say whether fares would rise.", "fares would rise"),
        ("The club would not say if the coach would stay.", "the coach would stay"),
        ("The ministry refused to confirm that the talks had failed.", "the talks had failed"),
        ("The company never said that the plant was unsafe.", "the plant was unsafe"),
        ("The minister left without saying whether the budget would pass.", "the budget would pass"),
    ],
)
def test_withheld_speech_is_no_attribution(nlp, text, withheld):
    contents = [q.content for q in find_quotes(nlp(text))]
    assert not any(withheld in c for c in contents), contents


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a negation inside what is said leaves the statement
        ("The mayor said she did not know whether the bridge would open.", "she did not know whether the bridge would open"),
        # a negated verb of withholding says it after all
        ("The minister did not hesitate to say that the plan had failed.", "the plan had failed"),
        ("The coach could not resist pointing out that the pitch was wet.", "the pitch was wet"),
        # a denial is a statement
        ("The firm denied that it had paid the bribe.", "it had paid the bribe"),
        # a negated belief is still one held
        ("The engineer does not think the dam will hold.", "the dam will hold"),
    ],
)
def test_speech_with_a_negation_elsewhere_is_still_reported(nlp, text, said):
    assert said in [q.content for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # QA pass 22: "the captain: 'what was happening'"
        ("One passenger, Ivo Lind, said the pilot spoke to the cabin twice to explain what was happening.",
         "what was happening"),
        ("Lenders have yet to say when they will pass on the cut.", "when they will pass on the cut"),
        ("The party backed the deal but asked the government to explain what guarantees it had received.",
         "what guarantees it had received"),
        ("The mayor asked whether the bridge would open in May.", "the bridge would open in May"),
    ],
)
def test_an_embedded_question_is_no_statement(nlp, text, question):
    # the question is no one's words; an enclosing statement ("said the pilot spoke ... to explain
    # what was happening") stays
    assert question not in [q.content for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # a question clause that is the subject of what is said, or opens a clause inside it
        ("The mayor said what she wanted was peace.", "what she wanted was peace"),
        ("The mayor said when the storm hit, the roof fell in.", "when the storm hit, the roof fell in"),
    ],
)
def test_a_statement_that_opens_with_a_question_word_is_still_reported(nlp, text, said):
    assert said in [q.content for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # QA pass 23: "told him how proud she was" was dropped with the indirect questions
        ("Her mother told him how proud she was.", "how proud she was"),
        ("The minister said how grateful she was for the support.", "how grateful she was for the support"),
        ("The coach said how much it mattered to the club.", "how much it mattered to the club"),
    ],
)
def test_an_exclamative_how_clause_is_a_statement(nlp, text, said):
    assert said in [q.content for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("The mayor asked how proud the town should be.", "how proud the town should be"),
        ("The mayor asked how the bridge would be paid for.", "how the bridge would be paid for"),
        ("The ministry said how much the bridge would cost.", "how much the bridge would cost"),
        ("The ministry said how long the closure would last.", "how long the closure would last"),
    ],
)
def test_a_how_question_or_measure_stays_out(nlp, text, question):
    assert question not in [q.content for q in find_quotes(nlp(text))]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # QA pass 23: the condition's "if" was cut as if it introduced what was said
        ("The minister said if the talks fail, sanctions follow.", "if the talks fail, sanctions follow"),
        ("The envoy warned that if the deal collapsed, the border would close.", "if the deal collapsed, the border would close"),
    ],
)
def test_a_condition_that_opens_what_is_said_keeps_its_if(nlp, text, said):
    assert said in [q.content for q in find_quotes(nlp(text))]
