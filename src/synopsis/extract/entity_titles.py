"""Titles and roles attached to people: which words before, after or around a name are its office.

Roles are recognised by an office lexicon (``OFFICE_WORDS``); the parse says where the role
phrase begins and ends: a pre-modifier ("Turkish Foreign Minister Hakan Fidan"), an apposition
("Andrey Yermak, head of the presidential office,") or a relative "be" ("Rustem Umerov, who is
the defence minister,").  Split out of ``entities``, which finds and cleans the names.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: event profiles read stored analyses in the main process with
    # this module's word lists, and importing spaCy there cost 0.4 s and 50 MB for nothing
    from spacy.tokens import Doc, Span, Token

# Head nouns of offices and roles, lower case.  A phrase is taken as a title only
# if it contains one of these, so "Istanbul talks Vladimir Medinsky" (a parse
# slip in a headline) does not become a title.  Occupations are included
# because news uses them as roles ("a political scientist", "analyst"), and so are the roles of
# sport and of tabloid style ("Boss Rafael X", "striker Y"): outlets compare names, not these.
OFFICE_WORDS = frozenset(
    """
    president president-elect vice-president premier chancellor minister ministers secretary
    secretary-general undersecretary under-secretary aide aides adviser advisor advisers advisors
    spokesman spokeswoman spokesperson spokespeople press head heads chief chiefs ambassador
    envoy emissary consul diplomat attache chairman chairwoman chair chairperson director
    commander commander-in-chief general admiral marshal colonel lieutenant major captain sergeant
    governor mayor senator congressman congresswoman lawmaker legislator mp deputy deputies speaker
    representative negotiator negotiators delegate mediator leader leaders king queen prince
    princess emir sheikh ayatollah pope patriarch archbishop bishop cardinal imam rabbi
    commissioner ombudsman ombudsperson officer official officials prosecutor judge justice
    attorney counsel councillor councilor chairman-elect founder ceo cfo executive manager
    coordinator member correspondent editor reporter journalist analyst scientist professor
    expert economist researcher historian writer author activist organiser organizer campaigner
    lawyer teacher doctor engineer technician
    boss coach skipper striker midfielder goalkeeper defender winger
    """.split()
)

# Words that may stand inside a title before the office word ("former", "acting").
TITLE_MODIFIERS = frozenset(
    """
    former ex acting interim deputy vice first senior top lead chief special foreign defence defense
    interior finance economy culture justice health education energy trade security national
    presidential prime state general military intelligence permanent principal assistant associate
    executive then outgoing incoming longtime veteran self-proclaimed de facto opposition
    """.split()
)

# Courtesy titles are not roles: dropped from names, not reported as titles.
HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "madam"})

# Words that join parts of a title ("Minister of Foreign Affairs", "Ambassador to Ankara").
TITLE_JOINERS = frozenset({"of", "for", "to", "and", "&", "-", "on"})

# "at" joins an office's unit to the body it belongs to ("Director of the Second Department at
# the Ministry of Foreign Affairs"), and only so when a body's name follows it.
_AT = "at"

DETERMINERS = frozenset({"the", "a", "an"})

POSSESSIVE = frozenset({"'s", "’s", "'", "’"})

# A role phrase after a name ends at the next break in the sentence.
_APPOS_STOPS = frozenset({",", ";", "—", "–", "(", ")", ":", '"', "“", "”"})


def is_office(tok: Token) -> bool:
    return tok.lower_ in OFFICE_WORDS or tok.lemma_.lower() in OFFICE_WORDS


def split_glued_title(span: Span) -> tuple[Span | None, tuple[int, int] | None]:
    """Move offices and courtesy titles at the start of a PERSON span out of the name."""
    doc = span.doc
    start, end = span.start, span.end
    while start < end - 1 and doc[start].lower_ in HONORIFICS:
        start += 1
    offices = [t.i for t in doc[start:end - 1] if is_office(t)]
    if not offices:
        return doc[start:end], None
    last_office = offices[-1]
    name_start = last_office + 1
    while name_start < end - 1 and doc[name_start].lower_ in HONORIFICS:
        name_start += 1
    if not all(t.text[:1].isupper() for t in doc[name_start:end]):
        return doc[start:end], None  # "Head of State X"-like slips: leave the span alone
    return doc[name_start:end], (start, last_office + 1)


def _title_token_ok(tok: Token) -> bool:
    """Whether a token may be part of a title written before a name."""
    if tok.is_space or "\n" in tok.whitespace_:
        return False
    if tok.ent_type_ == "PERSON" and office_tagged_person(tok):
        return True  # "[Deputy Head] of the Security Service": an office the tagger took for a name
    if tok.ent_type_ == "PERSON" and _place_tagged_person(tok):
        return True  # "Former [Zarqa] mayor X": a town the tagger took for a name, at a sentence's start
    if tok.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"):
        return False
    lower = tok.lower_
    if is_office(tok) or lower in TITLE_MODIFIERS or lower in TITLE_JOINERS:
        return True
    if lower == _AT:
        return _body_after(tok)
    if tok.ent_type_ in ("ORG", "NORP", "GPE", "LOC", "FAC"):
        return True
    # A lower-case noun compounded with an office word names its field ("police chief", "fire
    # commissioner"); cutting it off leaves a bare "chief" that reads as a different office.
    if tok.pos_ == "NOUN" and _compounded_with_office(tok):
        return True
    # Capitalised nouns and adjectives of an office name ("Presidential", "Security").
    if tok.pos_ in ("PROPN", "NOUN", "ADJ") and tok.text[:1].isupper() and tok.text not in POSSESSIVE:
        return True
    return tok.text in {"U.S.", "U.K.", "US", "UK", "UN", "EU", "NATO"}


def _compounded_with_office(tok: Token) -> bool:
    """Whether a noun is part of a compound an office word heads, directly or through other nouns
    of it ("[port] operations director": cut at "port", "operations director" reads as another
    office than the one held)."""
    for _ in range(4):
        if tok.dep_ != "compound" or tok.head is tok:
            return False
        tok = tok.head
        if is_office(tok):
            return True
    return False


def _place_tagged_person(tok: Token) -> bool:
    """Whether the PERSON span a token is in is one word naming a known town or country."""
    from synopsis.extract.gazetteer import is_known_place

    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and len(ent) == 1 and is_known_place(ent.text)


def office_tagged_person(tok: Token) -> bool:
    """Whether the PERSON span a token is in holds office words only ("Deputy Head")."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    return ent is not None and all(is_office(t) or t.lower_ in TITLE_MODIFIERS for t in ent)


def _body_after(tok: Token) -> bool:
    """Whether an organisation's name follows a word, with or without "the"."""
    doc = tok.doc
    after = tok.i + 1
    if after < len(doc) and doc[after].lower_ == "the":
        after += 1
    return after < len(doc) and doc[after].ent_type_ == "ORG"


def _of_the(doc: Doc, j: int) -> bool:
    """An article inside a title after "of" and an office ("Chief of the General Staff")."""
    return doc[j].lower_ == "the" and j >= 2 and doc[j - 1].lower_ == "of" and is_office(doc[j - 2])


def _bracket_before(doc: Doc, first: int) -> int | None:
    """The start of a bracketed abbreviation right before token ``first`` ("Deputy Head of the
    Security Service of Ukraine (SBU) Oleksandr Poklad": the body's short name, inside the title)."""
    if first < 3 or doc[first - 1].text != ")" or doc[first - 3].text != "(":
        return None
    inside = doc[first - 2]
    return first - 3 if inside.is_alpha and inside.text.isupper() and len(inside) >= 2 else None


def pre_title(doc: Doc, name: Span, glued: tuple[int, int] | None) -> tuple[int, int] | None:
    """A title written before the name ("former Defense Minister Rustem Umerov"), as token bounds."""
    first = glued[0] if glued else name.start
    if glued is None and (bracket := _bracket_before(doc, first)) is not None:
        first = bracket  # the title ends before its body's abbreviation
    sent_start = name.sent.start
    j = first - 1
    if j >= sent_start and "\n" in doc[j].whitespace_:
        return glued
    while j >= sent_start and (_title_token_ok(doc[j]) or _of_the(doc, j)):
        tok = doc[j]
        if tok.lower_ in ("of", "to", "for", "on", _AT):
            # "adviser to President X": the title of X starts after the preposition,
            # since what follows it is already a title; "head of X": a preposition right
            # before the name is not a title at all.  But in "Ambassador to Ankara X" and
            # "Deputy Head of the General Staff Directorate X" (an office word inside a
            # body's name heads no title) the preposition is inside the title.
            if j + 1 >= first or _heads_title(doc, j + 1, first):
                break
        if tok.lower_ in ("and", "&") and tok.ent_iob_ != "I":
            break  # "and" joins title words only inside one name ("Security and Defense Council")
        j -= 1
    start = j + 1
    end = glued[1] if glued else first
    # A title starts with a word, not a joiner ("and Russian President" -> "Russian President").
    while start < end and (doc[start].lower_ in TITLE_JOINERS | {_AT} or doc[start].lower_ in DETERMINERS or doc[start].is_punct):
        start += 1
    if start < end and start >= 2 and doc[start - 1].text == "-" and doc[start - 2].like_num:
        # "the 141-member Seimas", "the 15-member commission chairman X": an office word after a
        # number counts a body's members, it is nobody's title
        start += 1
    if start >= end:
        return glued
    if not _heads_title(doc, start, end):
        # A noun after the office word that is not a joiner means the parse ran
        # two phrases together; keep only what the office word heads.
        return glued
    return start, end


def _heads_title(doc: Doc, start: int, end: int) -> bool:
    """Whether an office word among tokens [start, end) heads what follows it up to ``end``: nothing,
    or "of/to/for" and a name ("Ambassador to Ankara", "Head of the General Staff Directorate")."""
    for office in (i for i in range(end - 1, start - 1, -1) if is_office(doc[i])):
        tail = doc[office + 1:end]
        if not len(tail):
            return True
        if tail[0].lower_ in ("of", "for", "to") and len(tail) > 1 and all(
            t.text[:1].isupper() or t.lower_ in TITLE_JOINERS or (t.lower_ == _AT and _body_after(t))
            or (t.lower_ == "the" and doc[t.i - 1].lower_ in TITLE_JOINERS | {_AT})
            for t in tail[1:]
        ):
            return True
    return False


_FORMER_WORDS = frozenset({"former", "ex", "ex-", "then", "outgoing", "erstwhile", "onetime"})
# Words that mark an appositive role as the one held at the time of writing.
_NOW_WORDS = frozenset({"now", "currently"})


def is_former(doc: Doc, title: tuple[int, int]) -> bool:
    return any(t.lower_ in _FORMER_WORDS for t in doc[title[0]:title[1]])


def current_title(doc: Doc, name: Span, people: Sequence[Span] = ()) -> tuple[int, int] | None:
    """An appositive role the text marks as current ("X, now the interior minister,")."""
    title = appositive_title(doc, name, people)
    if title is None or not any(t.lower_ in _NOW_WORDS for t in doc[name.end:title[0]]):
        return None
    return title


def _trim_role_span(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """Strip articles, "now" and punctuation from the ends of a role phrase."""
    while start < end and (doc[start].lower_ in DETERMINERS | _NOW_WORDS or doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if start < end else None


def _is_role_head(tok: Token) -> bool:
    """Whether a noun, or a noun it is coordinated with, names an office or role."""
    if is_office(tok):
        return True
    return any(is_office(c) for c in tok.children if c.dep_ == "conj" and c.pos_ == "NOUN")


def _starts_clause(tok: Token) -> bool:
    """A relative pronoun or a verb: the role phrase has ended ("advisor who also led ...")."""
    return tok.tag_ in ("WDT", "WP", "WP$", "WRB") or tok.pos_ in ("VERB", "AUX")


def appositive_title(doc: Doc, name: Span, people: Sequence[Span] = ()) -> tuple[int, int] | None:
    """A role in apposition after the name ("Andrey Yermak, head of Vladimir Zelensky's office,"),
    unless it is written before another person's name, whose title it is ("X, Deputy Head of the
    Department Y, Director of the Office Z": each title goes with the name after it)."""
    root = name.root
    for child in root.children:
        if child.dep_ != "appos" or child.i < name.end or child.pos_ not in ("NOUN", "PROPN"):
            continue
        if child.ent_type_ == "PERSON" or not _is_role_head(child):
            continue
        if not any(t.text == "," for t in doc[name.end:child.left_edge.i + 1]) and child.left_edge.i != name.end:
            continue
        start = child.left_edge.i
        end = child.i + 1
        # Extend over the head's right dependents up to the next break in the sentence.
        for tok in doc[child.i + 1:child.right_edge.i + 1]:
            if tok.text in _APPOS_STOPS or "\n" in tok.text or _starts_clause(tok):
                break
            end = tok.i + 1
        if any(_titles_next_name(doc, child, end, other) for other in people if other.start > name.start):
            continue
        return _trim_role_span(doc, start, end)
    return None


def _titles_next_name(doc: Doc, head: Token, end: int, name: Span) -> bool:
    """Whether the role headed by ``head`` and ending at ``end`` is written before ``name`` as its
    title: the role ends with the name, and no other office word stands between the role's head
    and the name ("Director of the Second Department [Anton Gromov]" gives Gromov his office;
    "adviser to President [Putin]" names Putin as the one advised, and "head of [Zelensky]'s
    office" the one whose office it is)."""
    if not head.i < name.start <= end <= name.end:
        return False
    return not any(is_office(t) for t in doc[head.i + 1:name.start])


def reverse_appositive_title(doc: Doc, name: Span) -> tuple[int, int] | None:
    """A role before the name it is in apposition with ("Russia's lead negotiator, Vladimir Medinsky")."""
    root = name.root
    head = root.head
    if root.dep_ != "appos" or head.i >= name.start or not is_office(head):
        return None
    between = doc[head.i + 1:name.start]
    if not any(t.text == "," for t in between) or len(between) > 3:
        return None
    return _trim_role_span(doc, head.left_edge.i, head.i + 1)


def relative_title(doc: Doc, name: Span) -> tuple[int, int] | None:
    """A role in a relative clause with "be" ("Rustem Umerov, who is the defence minister,")."""
    for child in name.root.children:
        if child.dep_ != "relcl" or child.lemma_ != "be":
            continue
        for attr in child.children:
            if attr.dep_ == "attr" and _is_role_head(attr):
                end = attr.i + 1
                for tok in doc[attr.i + 1:attr.right_edge.i + 1]:
                    if tok.text in _APPOS_STOPS or _starts_clause(tok):
                        break
                    end = tok.i + 1
                return _trim_role_span(doc, attr.left_edge.i, end)
    return None
