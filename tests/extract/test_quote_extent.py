"""Where a quotation's parts lie in the text: a heading is neither speaker nor words, a line ending
in a colon or a speech verb introduces the next line's quotation, a list item's bullet is no part
of the speaker, a semicolon ends what a verb reports, and a clause is reported by the verb whose
subject says it."""

from __future__ import annotations

import pytest

from synopsis.extract.quote_marks import attach_cue, token_mark_index
from synopsis.extract.quotes import find_quotation_marks, find_quotes
from synopsis.records import Entity
from tests.extract.quote_checks import only_quote


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        # the parser runs an unpunctuated heading into the sentence after it: the heading is the
        # subject and the speaker its object
        ("The talks ended.\n\nAgenda of talks\n\nHarbour Spokesman Ivo Lind said on Monday that the two towns "
         "would discuss the draft plans.", "Ivo Lind", "the two towns would discuss the draft plans"),
        # or the verb gets two subjects, the heading's first
        ("The talks ended.\n\nStatement on the Possibility of the Mayor’s Participation in the Talks\n\nOn May 15, "
         "Mayor Ivo Lind stated that he had considered attending the talks.", "Ivo Lind",
         "he had considered attending the talks"),
        # what was said does not start in the heading either
        ("The talks ended.\n\nAgreements\n\nMarrovia and Tessia agreed to swap prisoners, a source told "
         "reporters.", "a source", "Marrovia and Tessia agreed to swap prisoners"),
    ],
)
def test_a_heading_is_neither_speaker_nor_words(nlp, text, speaker, content):
    named = [Entity("Ivo Lind", "PERSON", text.index("Ivo"), text.index("Ivo") + 8)] if "Ivo" in text else []
    quote = only_quote(find_quotes(nlp(text), named))
    assert (quote.speaker, quote.content) == (speaker, content)
    assert text[quote.speaker_start:quote.speaker_end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "President Ivo Lind celebrated the return of more than 1,000 sailors, saying on Telegram:\n"
        "“Bringing all our people back is a priority for the state. We will go on.”",
        "President Ivo Lind, speaking on state radio, insisted:\n“Get to the table right now, before it is too late.”",
    ],
)
def test_a_line_ending_in_a_colon_introduces_the_quotation_on_the_next(nlp, text):
    # web pages set a long quotation apart on a line of its own: the cue is the line before it
    quote = only_quote(find_quotes(nlp(text), [Entity("Ivo Lind", "PERSON", 10, 18)]))
    assert (quote.speaker_entity, quote.kind) == ("Ivo Lind", "direct")
    assert quote.content == text[text.index("“") + 1:text.rindex("”")]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Local sources say\n“The mayor is unmoved by the protests and will keep the pier closed.”", "say"),
        ("The mayor said on the radio:\n“We will keep the pier closed until the council agrees.”", "said"),
        # a line that says nothing introduces nothing
        ("The talks went on all night\n“We will keep the pier closed until the council agrees.”", None),
        ("Local sources say so.\n“The mayor is unmoved by the protests and will keep the pier closed.”", None),
    ],
)
def test_cue_of_a_quotation_set_apart_on_its_own_line(nlp, text, cue):
    marks = find_quotation_marks(text)
    doc = nlp(text)
    hit = attach_cue(doc, marks, 0, token_mark_index(doc, marks))
    assert (hit[0].text if hit else None) == cue


def test_a_line_ending_in_a_speech_verb_introduces_the_quotation_on_the_next(nlp):
    text = ("Local sources, as cited by the Harbour Post, say\n“The mayor is unmoved by the protests and will keep "
            "the pier closed,”\nsuggesting the city’s own plans remain.")
    quotes = find_quotes(nlp(text))
    quote = next(q for q in quotes if q.kind == "direct")
    assert (quote.speaker, quote.cue) == ("Local sources", "say")
    assert quote.content == "The mayor is unmoved by the protests and will keep the pier closed"
    # and no second, uncued copy of the same words
    assert [q for q in quotes if "mayor" in q.content] == [quote]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # the clause is what the participle with its own subject reports, not the verb it hangs on
        ("Marrovia immediately rejected the plan, with Lind stating that such a meeting should only happen after a "
         "peace framework has been established.", ["Lind"]),
        # a participle with no subject of its own says the same speaker's words
        ("Mayor Ivo Lind responded to the offer by stating in a public address that he supported direct talks.",
         ["Ivo Lind"]),
    ],
)
def test_a_clause_is_reported_by_the_verb_whose_subject_says_it(nlp, text, speakers):
    assert [q.speaker for q in find_quotes(nlp(text))] == speakers


@pytest.mark.parametrize("bullet", ["- ", "• ", "* "])
@pytest.mark.parametrize("item", ["Marrovia says that Tessia must withdraw its boats.", "Marrovia said the talks had failed."])
def test_a_list_items_bullet_is_no_part_of_the_speaker(nlp, bullet, item):
    text = f"Key points:\n{bullet}{item}\n{bullet}Talks go on."
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, text[quote.speaker_start:quote.speaker_end]) == ("Marrovia", "Marrovia")


@pytest.mark.parametrize(
    "text, expected",
    [
        # the clause before a semicolon is the outlet's, not what the verb after it reports
        ("Vell was arrested in March; Marrovia had demanded a fine of 2m dollars from him.", []),
        ("The envoy said the deal was fair; critics disagreed.", [("The envoy", "said", "the deal was fair")]),
        # and what a verb reports ends at the semicolon after it
        ("Marrovia had also demanded that Vell pay a fine of $2 million; under the deal, the fine was waived.",
         [("Marrovia", "demanded", "Vell pay a fine of $2 million")]),
        # inside a quotation a semicolon is the speaker's own
        ('The envoy said: "We won; they lost."', [("The envoy", "said", "We won; they lost.")]),
    ],
)
def test_a_semicolon_ends_what_a_verb_reports(nlp, text, expected):
    found = [(q.speaker, q.cue, q.content) for q in find_quotes(nlp(text))]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        # QA pass 23: the parser read "that price growth ... left room" as a noun phrase, the
        # object of "argued", and the governor's argument was lost
        ("Dr Vorhagen, the governor, argued that price growth of 2.4 per cent in September left room to act.",
         "price growth of 2.4 per cent in September left room to act"),
        ("Dr Vorhagen, the governor, contended that inflation had peaked.", "inflation had peaked"),
    ],
)
def test_a_speaker_with_an_appositive_title_argues_a_clause(nlp, text, content):
    found = [(q.speaker, q.content) for q in find_quotes(nlp(text))]
    assert ("Dr Vorhagen", content) in found, found


def test_a_speech_verb_with_a_that_noun_object_reports_nothing(nlp):
    # "that" as a determiner of a plain object is no clause
    assert not find_quotes(nlp("The governor denied that claim at the meeting."))
