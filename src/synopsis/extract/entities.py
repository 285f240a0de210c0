"""Named entities, cleaned of common NER slips, with titles and roles attached to people.

spaCy's small English model finds the names; this module fixes the spans it
gets wrong in news text (a leading "the", a trailing possessive, an office glued
into a PERSON span: "President Vladimir Putin") and attaches the role an
article gives a person, from three constructions:

* a pre-modifier:   "Turkish Foreign Minister Hakan Fidan", "Kremlin aide Vladimir Medinsky"
* an apposition:    "Andrey Yermak, head of the presidential office,"
                    "Russia's lead negotiator, Vladimir Medinsky,"
* a relative "be":  "Rustem Umerov, who is the defence minister,"

Which words are a person's role is ``entity_titles``' concern (an office lexicon and the
parse), and cleaning the tagger's spans is ``entity_spans``'; this module finds and labels the
names and asks them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from synopsis.extract.entity_titles import (
    HONORIFICS,
    OFFICE_WORDS,
    TITLE_MODIFIERS,
    appositive_title,
    current_title,
    is_former,
    is_office,
    pre_title,
    relative_title,
    reverse_appositive_title,
    split_glued_title,
)
from synopsis.extract.entity_spans import capitalised, tagged_spans
from synopsis.extract.gazetteer import is_known_place
from synopsis.ingest.lexicon import is_ordinary_word
from synopsis.extract.name_words import COMPANY_WORDS, ORG_WORDS
from synopsis.extract.person_gender import is_given_name
from synopsis.extract.person_relabelling import (
    INSTITUTION_ENDINGS,
    MISTAKEN_FOR_PLACES,
    STREET_ENDINGS,
    VENUE_NOUNS,
    people_by_given_name,
    placed_as_place,
)
from synopsis.records import Entity


def find_entities(doc: Doc) -> list[Entity]:
    """Find named entities (no dates or numbers) with titles attached to PERSON mentions."""
    found: list[tuple[Span, str, tuple[int, int] | None]] = []  # name, label, title glued into it
    for span, label in people_by_given_name(doc, tagged_spans(doc)):
        named = _read_span(doc, span, label)
        if named is not None:
            found.append(named)
    # Titles are read once every person is known: a role written right before another person's
    # name is that person's title, not an apposition to the name before it.
    people = [span for span, label, _ in found if label == "PERSON"]
    entities = [
        _to_entity(doc, span, label, _person_title(doc, span, glued, people) if label == "PERSON" else None)
        for span, label, glued in found
    ]
    people_added = _people_after_job_titles(doc, _people_after_honorifics(doc, entities))
    return _complete_people(doc, _named_after_companies(doc, people_added))


def _people_after_honorifics(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Add the names the tagger missed right after a courtesy title: "Dr Vorhagen, the governor,
    argued ..." (QA: no entity, so the outlet's "Dr Vorhagen" was linked to no one and "she"
    after it to no one). "Dr" or "Ms" before capitalised words that are no office, body or place
    word says a person is named, as a name list would."""
    taken = [(e.start, e.end) for e in entities]
    added = []
    for tok in doc:
        if tok.lower_ not in HONORIFICS or not tok.text[:1].isupper() or "\n" in tok.whitespace_:
            continue
        end = tok.i + 1
        while (end < len(doc) and end - tok.i <= 3 and _given_name_token(doc[end])
               and (end == tok.i + 1 or "\n" not in doc[end - 1].whitespace_)):
            end += 1
        if end == tok.i + 1:
            continue
        span = doc[tok.i + 1:end]
        if any(start < span.end_char and span.start_char < stop for start, stop in taken):
            continue
        added.append(_to_entity(doc, span, "PERSON", None))
    return sorted(entities + added, key=lambda e: e.start) if added else entities


# A job title names one person with one or two name words after it ("Chief Fire Officer Renata
# Olsk"); three or more capitalised words after one are more often a body's or a place's name.
_MAX_NAME_AFTER_TITLE = 2
# Nouns that end a building's, a ground's or a street's name, never a person's: "the General Bus
# Stand", "Inspector General Hospital" ("Stand", "Hospital" after an office word name no one).
_FACILITY_NOUNS = frozenset(INSTITUTION_ENDINGS) | STREET_ENDINGS | VENUE_NOUNS | ORG_WORDS | frozenset(
    "stand station terminal depot market bazaar chowk bridge gate tower building complex secretariat house "
    "lane park camp colony mall hotel library".split())


def _people_after_job_titles(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Add the names the tagger missed right after a job title: "Chief Fire Officer Renata Olsk
    told reporters" (QA: no entity in five outlets, so "she" after her quote went to no one and she
    was missing from Who is who). An office word of the title lexicon (``entity_titles``) right
    before one or two capitalised name words says a person is named, as "Dr" does; not in a
    headline set in capitals ("Fire Chief Warns Residents"), where every word looks like a name."""
    taken = [(e.start, e.end) for e in entities]
    added = []
    for tok in doc:
        if not is_office(tok) or tok.tag_ in ("NNS", "NNPS") or tok.ent_type_ or "\n" in tok.whitespace_:
            continue
        end = tok.i + 1
        while end < len(doc) and end - tok.i <= _MAX_NAME_AFTER_TITLE + 1 and _given_name_token(doc[end]) \
                and (end == tok.i + 1 or "\n" not in doc[end - 1].whitespace_):
            end += 1
        size = end - tok.i - 1
        if not 1 <= size <= _MAX_NAME_AFTER_TITLE or (end < len(doc) and capitalised(doc[end])):
            continue
        span = doc[tok.i + 1:end]
        if any(start < span.end_char and span.start_char < stop for start, stop in taken) \
                or _title_cased(tok.sent, (tok.i - _MAX_TITLE_WORDS, end)) or _names_a_place(doc, tok, span):
            continue
        added.append(_to_entity(doc, span, "PERSON", _person_title(doc, span, None)))
    return sorted(entities + added, key=lambda e: e.start) if added else entities


def _names_a_place(doc: Doc, office: Token, after: Span) -> bool:
    """Whether an office word and the capitalised words after it are a place's or a body's name,
    not a title and a person's: words after it that a building or street ends in ("General Bus
    Stand", ``_FACILITY_NOUNS``), or "the" before the name with no given name after the office word
    ("the Chief Minister Kalvor Secretariat"; "the Prime Minister Boris Johnson" is a person)."""
    if any(t.lower_ in _FACILITY_NOUNS for t in after):
        return True
    first = office.i
    while first > 0 and capitalised(doc[first - 1]) and not doc[first - 1].is_sent_start:
        first -= 1
    return first > 0 and doc[first - 1].lower_ == "the" and not is_given_name(after[0].text)


def _named_after_companies(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """A one-word name that is the first word of a company's full name in the same article is that
    company, whatever the tagger read: "Haldor Systems agreed to buy Veltrix Logistics ... Haldor
    will pay ... Veltrix shares rose" (QA: "Haldor" PERSON and "Veltrix" GPE, so neither was joined
    to the company it is). Only a name that ends in a company's word (``name_words.COMPANY_WORDS``),
    which a town's bodies do not ("Lindora District Court" leaves the town "Lindora" alone), and
    not a known place or one the article writes as a place ("Kelmora Holdings" is no "Kelmora")."""
    heads = {e.text.split()[0] for e in entities if e.label == "ORG" and len(e.text.split()) >= 2
             and e.text.split()[-1].lower().strip(".,") in COMPANY_WORDS and e.text[:1].isupper()}
    if not heads:
        return entities
    relabelled = []
    for entity in entities:
        if entity.label != "ORG" and entity.text in heads and not is_known_place(entity.text):
            span = doc.char_span(entity.start, entity.end)
            if span is not None and not placed_as_place(doc, span):
                entity = Entity(text=entity.text, label="ORG", start=entity.start, end=entity.end)
        relabelled.append(entity)
    return relabelled


# Words of a title before a name that ``_title_cased`` leaves out ("Chief Fire Officer").
_MAX_TITLE_WORDS = 3


def _title_cased(sentence: Span, title_and_name: tuple[int, int]) -> bool:
    """Whether a sentence is set as a headline, its words capitalised ("Police Chief Warns Residents
    Of Flood Risk"), beside the title and name read (``title_and_name``, token indices): "Fire Chief
    Anna Berg said." is no headline."""
    low, high = title_and_name
    words = [t for t in sentence if t.is_alpha and len(t) > 3 and not low <= t.i < high]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) > 0.7 * len(words)


def _read_span(doc: Doc, span: Span, label: str) -> tuple[Span, str, tuple[int, int] | None] | None:
    """The name, its label as the text shows it, and a title glued into a person's name; None
    for what is no name at all."""
    if label != "PERSON" and _looks_like_titled_person(span):
        label = "PERSON"  # "Russian Presidential Spokesman Dmitry Peskov" tagged ORG
    elif len(span) == 1 and span[0].lower_ in TITLE_MODIFIERS | OFFICE_WORDS:
        return None  # "Defense" of "Defense Minister" tagged ORG: part of a title, not a name
    title: tuple[int, int] | None = None
    if label in MISTAKEN_FOR_PLACES and placed_as_place(doc, span):
        label = "GPE"
    if label == "PERSON" and (_common_word_at_sentence_start(doc, span) or _plural_noun_at_sentence_start(doc, span)):
        return None  # "Calm returned to the streets": a capital a sentence gave an ordinary word
    if label == "PERSON" and span[-1].lower_ in ORG_WORDS and _after_article(doc, span):
        label = "ORG"  # "the Press [Syndicate]" tagged PERSON; "Margaret Court said" stays a person
    if label == "PERSON" and len(span) > 1 and span[-1].text[:1].isupper() and span[-1].lower_ in INSTITUTION_ENDINGS:
        # "Brenmoor General Hospital" tagged PERSON: no person's name ends so, and read as one the
        # office word inside it made a person "Hospital" titled "Brenmoor General" (QA pass 21)
        label = INSTITUTION_ENDINGS[span[-1].lower_]
    if label == "PERSON" and len(span) == 1 and span.end < len(doc) and is_office(doc[span.end]) \
            and is_known_place(span.text):
        label = "GPE"  # "Former [Zarqa] mayor X": the town of an office, not a person
    if label == "PERSON" and _counted_body(doc, span):
        label = "ORG"  # "the 141-member [Seimas]": a body that has members, not a person
    if label == "PERSON" and _named_before_venue(doc, span):
        label = "FAC"  # "at the [Maksimir] stadium": a stadium's name, not a person's
    if label == "PERSON" and (street := _street_named(doc, span)) is not None:
        # "marched to [Place Bellecour]", "on Avenue [Habib Bourguiba]"; a hill a district ("of Quarry Hill")
        span, label = street, ("LOC" if street[-1].lower_ == "hill" else "FAC")
    if label == "PERSON":
        span = _without_lower_case_tail(doc, span)
        span = _without_leading_place(doc, _with_given_names_before(doc, span))
        span, title = split_glued_title(span)
        if span is None or all(is_office(t) or t.lower_ in TITLE_MODIFIERS for t in span):
            return None  # "Deputy Head": an office without a name
    return span, label, title


# Words that make a name a street or square: the small model tags "Place Bellecour" a person, and
# "Habib Bourguiba" of "Avenue Habib Bourguiba" too.  Written first, a street word names a street;
# written last, only these (a surname may be "Lane" or "Bridge": "Diane Lane arrived"), and only
# where a place is written ("on Snyder Avenue", "along Zayed Road").
_STREET_WORDS = frozenset("place rue avenue boulevard piazza plaza platz square prospekt quai".split())
_BEFORE_PLACES = frozenset("on at along to from near off in the down up across into onto".split())
# Last words of streets' and districts' names that are surnames too ("Diane Lane", "Benny Hill"):
# a place's after a preposition of place or "of" ("residents of Quarry Hill", "on Mill Lane"), when
# the first word is no given name (a name list's; without one, the preposition alone decides).
_SURNAME_STREET_ENDINGS = frozenset("hill lane row close way drive green grove crescent terrace walk".split())


def _named_before_venue(doc: Doc, span: Span) -> bool:
    """Whether a name stands where a venue's is written: after "the" or a preposition of place and
    before a venue noun in lower case ("at the Maksimir stadium"); a person's name before such a
    noun is written with a possessive ("Smith's hospital")."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return (before is not None and before.lower_ in _BEFORE_PLACES and after is not None
            and after.text in VENUE_NOUNS and after.pos_ == "NOUN")


# Nouns that count what a body is made of, after a number and a hyphen: "the 141-member
# Seimas", "the 450-seat parliament".
_COUNTED_PARTS = frozenset({"member", "seat"})


def _counted_body(doc: Doc, span: Span) -> bool:
    """Whether "<number>-member" or "<number>-seat" stands right before a name: a body's size."""
    i = span.start
    # "the 12-member Jones family": the count is the family's, the name a person's
    noun_after = span.end < len(doc) and doc[span.end].pos_ == "NOUN" and doc[span.end].text.islower()
    return i >= 3 and doc[i - 1].lower_ in _COUNTED_PARTS and doc[i - 2].text == "-" and doc[i - 3].like_num \
        and not noun_after


def _after_article(doc: Doc, span: Span) -> bool:
    """Whether "the" comes right before the span: people are not written "the Margaret Court"."""
    return span.start > 0 and doc[span.start - 1].lower_ == "the"


def _street_named(doc: Doc, span: Span) -> Span | None:
    """The street or square a span the tagger took for a person names (with the street word before
    it, when that word was left out), or None when it is not written as one."""
    before = doc[span.start - 1] if span.start > 0 else None
    if len(span) > 1 and span[0].lower_ in _STREET_WORDS:
        return span
    if len(span) > 1 and span[-1].lower_ in STREET_ENDINGS and before is not None and before.lower_ in _BEFORE_PLACES:
        return span
    if (2 <= len(span) <= 3 and span[-1].lower_ in _SURNAME_STREET_ENDINGS and before is not None
            and before.lower_ in _BEFORE_PLACES | {"of"} and not is_given_name(span[0].text)):
        return span
    if before is not None and before.lower_ in _STREET_WORDS and before.text[:1].isupper() and not before.is_sent_start:
        return doc[before.i:span.end]
    return None


def _common_word_at_sentence_start(doc: Doc, span: Span) -> bool:
    """Whether a one-word name opens its sentence, where every word is capitalised, and the article
    writes the same word in lower case elsewhere ("Calm returned …" / "appealed for calm"), and never
    in a longer name ("Theresa May … May said … talks may fail"): an ordinary word, not a name.  The
    small model has no word frequencies to tell them apart."""
    if len(span) != 1 or not span[0].is_sent_start:
        return False
    word = span[0].lower_
    if any(len(e) > 1 and word in (t.lower_ for t in e) for e in doc.ents if e.label_ == "PERSON"):
        return False
    return any(t.text == word for t in doc if t.i != span.start)


def _plural_noun_at_sentence_start(doc: Doc, span: Span) -> bool:
    """Whether a one-word name opening its sentence is the plural of an ordinary word ("Schools in
    Kessrick will remain closed": QA, tagged PERSON) that the article never capitalises where a
    sentence does not make it: a surname that is also a word ("Woods", "Banks") is capitalised
    wherever it is written, and is the last word of the full name the article gives first."""
    if len(span) != 1 or not span[0].is_sent_start:
        return False
    word = span[0].text
    lower = word.lower()
    if not (lower.endswith("s") and len(lower) > 4 and is_ordinary_word(lower)):
        return False
    if any(len(e) > 1 and lower in (t.lower_ for t in e) for e in doc.ents if e.label_ == "PERSON"):
        return False
    return not any(t.text == word and not t.is_sent_start for t in doc if t.i != span.start)


# At most this many given names the tagger left between an office and the name it tagged.
_MAX_GIVEN_BEFORE = 2


def _with_given_names_before(doc: Doc, span: Span) -> Span:
    """A person's name with the given names the tagger left out between it and the office before
    it: "Lieutenant General Omer [Hasan el-Zubair]" is Omer Hasan el-Zubair, the general, whose
    first name the outlets are then compared on.  Only capitalised proper nouns that are no office,
    title word, body, place or part of another tagged name, and only when an office word stands
    right before them."""
    start = span.start
    sent_start = span.sent.start
    while (span.start - start < _MAX_GIVEN_BEFORE and start - 1 > sent_start and _given_name_token(doc[start - 1])):
        start -= 1
    if start == span.start or not is_office(doc[start - 1]) or "\n" in doc[start - 1].whitespace_:
        return span
    return doc[start:span.end]


def _given_name_token(tok: Token) -> bool:
    # A word of another tagged name is that name's ("[Kremlin Spokesperson Dmitry] [Peskov]", which
    # ``_complete_people`` joins).
    return (tok.ent_type_ == "" and tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper() and "\n" not in tok.whitespace_
            and not is_office(tok) and tok.lower_ not in TITLE_MODIFIERS | ORG_WORDS | HONORIFICS
            and not is_known_place(tok.text))


def _without_lower_case_tail(doc: Doc, span: Span) -> Span:
    """A person's name without the lower-case words the tagger ran into its end ("with [Valmonte
    third] in the table"): a name's particles stand inside it ("Ludwig van Beethoven"), never last."""
    end = span.end
    while end - span.start > 1 and doc[end - 1].is_alpha and doc[end - 1].text.islower():
        end -= 1
    return doc[span.start:end]


def _without_leading_place(doc: Doc, span: Span) -> Span:
    """A name without the place of the title before it that the tagger took in ("Ambassador to
    [Ankara Tom Barrack]" -> "Tom Barrack")."""
    if (len(span) >= 3 and span.start > 0 and doc[span.start - 1].lower_ in {"to", "in", "of", "from"}
            and is_known_place(span[0].text)):
        return span[1:]
    return span


def _person_title(doc: Doc, span: Span, glued: tuple[int, int] | None,
                  people: Sequence[Span] = ()) -> tuple[int, int] | None:
    """The title of a person: written before the name, else after it in apposition or a clause.
    ``people`` are the article's other person names, whose own titles an apposition must not take."""
    title = pre_title(doc, span, glued) or glued
    if title is None:
        return (appositive_title(doc, span, people) or reverse_appositive_title(doc, span)
                or relative_title(doc, span))
    if is_former(doc, title):
        # "Former police chief X, now the interior minister": the office held now is
        # the one outlets compare; the former one is history and contradicts nothing.
        return current_title(doc, span, people) or title
    return title


def _complete_people(doc: Doc, entities: list[Entity]) -> list[Entity]:
    """Add the mentions of a person's full name that the tagger missed in this article.

    The small model tags a name in one sentence and misses it, or keeps only the surname, in
    the next ("led by Defense Minister Rustem Umerov" untagged, "Defence Minister [Umerov]"):
    counting who writes which first name then loses most of an outlet's uses. A full name
    tagged once is the same name wherever else the article writes it, so each untagged
    occurrence becomes a mention, replacing a surname-only mention inside it.
    """
    names = {e.text for e in entities if e.label == "PERSON" and len(e.text.split()) >= 2}
    people = [span for e in entities if e.label == "PERSON" and (span := doc.char_span(e.start, e.end)) is not None]
    added = False
    for name in sorted(names, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", doc.text):
            start, end = match.span()
            overlapping = [e for e in entities if e.start < end and start < e.end]
            if not all(e.label == "PERSON" and start <= e.start and e.end <= end and e.end - e.start < end - start
                       for e in overlapping):
                continue  # already tagged, or inside another name ("... Council Ruslan Umerov" as ORG)
            span = doc.char_span(start, end)
            if span is None:
                continue
            entities = [e for e in entities if e not in overlapping]
            entities.append(_to_entity(doc, span, "PERSON", _person_title(doc, span, None, people)))
            added = True
    return sorted(entities, key=lambda e: e.start) if added else entities


def _looks_like_titled_person(span: Span) -> bool:
    """Whether a non-PERSON span is an office followed by a personal name ("Spokesman Dmitry Peskov")."""
    offices = [t.i for t in span if is_office(t)]
    if not offices:
        # The office just before the span: "Protest organiser [Daniyar Kassymov]" tagged ORG; or a
        # whole title, perhaps with its body's abbreviation: "Deputy Head of the Security Service
        # of Ukraine (SBU) [Oleksandr Poklad]" (a title heads a person's name, not a body's).
        before = span.doc[span.start - 1] if span.start > 0 else None
        if not (2 <= len(span) <= 3 and all(t.pos_ == "PROPN" and t.text[:1].isupper() and t.is_alpha for t in span)
                and not any(t.lower_ in ORG_WORDS for t in span)):
            return False
        if before is not None and is_office(before) and before.lower_ not in {"press", "head", "heads"}:
            return True
        return before is not None and pre_title(span.doc, span, None) is not None
    rest = span.doc[offices[-1] + 1:span.end]
    return (
        1 <= len(rest) <= 4
        and all(t.pos_ == "PROPN" and t.text[:1].isupper() for t in rest)
        and not any(t.lower_ in ORG_WORDS for t in span)
    )


def _to_entity(doc: Doc, span: Span, label: str, title: tuple[int, int] | None) -> Entity:
    """An Entity record with character offsets for the name and its title."""
    if title is None:
        return Entity(text=span.text, label=label, start=span.start_char, end=span.end_char)
    t = doc[title[0]:title[1]]
    return Entity(
        text=span.text,
        label=label,
        start=span.start_char,
        end=span.end_char,
        title=t.text,
        title_start=t.start_char,
        title_end=t.end_char,
    )


