"""A date in a clause that modifies a noun dates that noun's event: the parse finds the noun phrase."""

from __future__ import annotations

import pytest

from synopsis.extract.times import find_times
from synopsis.extract.times_attachment import mark_clauses, mark_noun_modifiers


@pytest.mark.parametrize("sentence, date, phrase", [
    # A participle on a noun (acl), with the date in a nominal modifier two steps further down.
    ("The ministry said the swap followed the agreement reached during the June 2 peace talks.", "June 2",
     "the agreement reached during the June 2 peace talks"),
    ("Officials said the swap followed the deal signed in Doha on 5 May.", "5 May", "the deal signed in Doha on 5 May"),
    # A relative clause (relcl).
    ("The delegation would consist of the same members who met in Vantor on 16 May 2031.", "16 May 2031",
     "the same members who met in Vantor on 16 May 2031"),
    # The participle the small parser takes for an adverbial clause of the main verb.
    ("Rebels broke the ceasefire agreed in March.", "March", "the ceasefire agreed in March"),
    # A relative clause agrees with the noun it is about ("was": the release, not the prisoners).
    ("The sides agreed on the release of 1000 prisoners which was carried out on 25 May 2031.", "25 May 2031",
     "the release of 1000 prisoners which was carried out on 25 May 2031"),
    # A quotation the parser split keeps its opening mark.
    ("The plan followed the “all for all” principle agreed upon at the 2 June 2031 meeting.", "2 June 2031",
     "“all for all” principle agreed upon at the 2 June 2031 meeting"),
    # A relative clause on the subject dates the clause's event, not the main verb's.
    ("Vantor, who had won the first leg 2-1 at home a week earlier, rarely threatened.", "a week earlier",
     "Vantor, who had won the first leg 2-1 at home a week earlier"),
    # A participle the parser took for a clause with the noun as its subject (ccomp of a verb that
    # takes no clause, and no object of its own).
    ("The envoy accused the rebels of violating the aid corridors agreed last week.", "last week",
     "the aid corridors agreed last week"),
    ("Vantor accused Telmar of breaching the truce lines drawn on Monday.", "Monday",
     "the truce lines drawn on Monday"),
    # After a verb that takes a clause, a noun and a past verb are a clause: the statement's own.
    ("The minister said the parties agreed last week.", "last week", None),
    ("Officials feared the rebels attacked last week.", "last week", None),
    ("The envoy said the rebels signed the deal last week.", "last week", None),
    # The sentence's own event: the main verb's date, a noun's own prepositional date, a headline's
    # noun, what the subject is said to be.
    ("Delegations met in Geneva on 3 March.", "3 March", None),
    ("Russia and Ukraine exchanged memos at the last round of talks in Vantor on June 2.", "June 2", None),
    ("The meeting on 2 June 2031 addressed technical details.", "2 June 2031", None),
    ("Talks held on 23 July in Vantor", "23 July", None),
    ("The Vantor talks are negotiations held in May, June and July 2031.", "May", None),
    ("The deal signed on 5 May collapsed on Tuesday.", "Tuesday", None),
    # A "when" clause the parser hangs on a number ("three of them") tells the sentence's event.
    ("Eight people were hurt, two of them seriously, when a Corvan Air flight from Oslo to Rome hit severe "
     "turbulence on Monday, forcing it to land in Graz.", "Monday", None),
])
def test_a_date_in_a_nouns_modifier_gets_that_noun_phrase(sentence: str, date: str, phrase: str | None, nlp) -> None:
    times = mark_noun_modifiers(nlp(sentence), find_times(sentence))
    time = next(t for t in times if t.text == date or (date in t.text and t.text.startswith(("the ", date))))
    found = None if time.noun_phrase_start is None else sentence[time.noun_phrase_start:time.noun_phrase_end]
    assert found == phrase


def test_durations_are_left_alone(nlp) -> None:
    sentence = "The talks, which lasted less than an hour, ended a round begun on 16 May."
    times = mark_noun_modifiers(nlp(sentence), find_times(sentence))
    assert all(t.noun_phrase_start is None for t in times if t.type == "DURATION")


@pytest.mark.parametrize("sentence, date, value, dated", [
    # A date of another clause: the talks' tomorrow, not the turnout's.
    ('Lopes said 41 percent of teachers were on strike and that the minister was "ready to talk tomorrow".',
     "tomorrow", "41 percent", False),
    ("About 15,000 people marched, and on Sunday police detained 12 of them.", "Sunday", "15,000", False),
    # The value's own clause, or the sentence's root, dates it.
    ("Police said about 15,000 people took part in the march on Thursday.", "Thursday", "15,000", True),
    ("Turnout was expected to reach 41 percent on Sunday.", "Sunday", "41 percent", True),
    ("The government said on Thursday that about 20,000 people marched in Lisbon.", "Thursday", "20,000", True),
    # A date in a modifier of a noun the value's clause is not about: the meeting's start, not the vote's.
    ("The board voted seven to two for the merger at the end of a two-day meeting that began on Monday.",
     "Monday", "seven to two", False),
    ("Crews fought for 14 hours to contain the blaze which broke out on Sunday.", "Sunday", "14 hours", False),
    # On the subject, the noun's event is the one the value is told of.
    ("The talks held on 16 May lasted two hours.", "16 May", "two hours", True),
])
def test_a_date_dates_a_value_only_in_its_own_clause(sentence, date, value, dated, nlp) -> None:
    doc = nlp(sentence)
    [time] = [t for t in mark_clauses(doc, mark_noun_modifiers(doc, find_times(sentence))) if t.text == date]
    at = sentence.index(value)
    inside = time.clause_start is None or time.clause_start <= at < time.clause_end
    assert inside is dated
