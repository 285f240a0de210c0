"""Which label a name takes from its words and the words around it, where the tagger's is wrong.

The small English model guesses at names it does not know: it tags "Tiago Nunes" an organisation,
"Bucha" a person, "Kramatorsk" a product. This module reads a tagged span the way the text writes
it: as a person named "Given Surname" (a given name a name list knows, ``person_gender``), or as a
place or body (a place noun, a locative, a list of places, a body's word after it, a match score),
and a name the article uses as a body's anywhere ("Aston Villa have won", "Louis Vuitton chief
executive ...") as that body's everywhere. ``entities`` finds and cleans the names and asks it.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # only annotations: event profiles read stored analyses in the main process with
    # this module's word lists, and importing spaCy there cost 0.4 s and 50 MB for nothing
    from spacy.tokens import Doc, Span, Token

from synopsis.extract.entity_titles import HONORIFICS, POSSESSIVE, TITLE_MODIFIERS, is_office
from synopsis.extract.gazetteer import is_known_place
from synopsis.extract.name_words import BODY_KIND_NOUNS, ORG_WORDS
from synopsis.extract.person_gender import given_name_gender


@functools.lru_cache(maxsize=4096)
def registered_outlet(name: str) -> bool:
    """Whether the outlet registry (``ingest/outlets.yaml``) knows a name or alias as a news
    outlet, other than one it marks ambiguous ("Time", "AA")."""
    from synopsis.ingest.outlets import default_registry, normalize_key

    if not name or "." in name:
        return False  # a name with a dot is read as a web address
    registry = default_registry()
    outlet = registry.lookup(name)
    entry = registry.entry(outlet) if outlet is not None else None
    return outlet is not None and not (entry and normalize_key(name) in {normalize_key(a) for a in entry.ambiguous})


# Labels the small model gives personal names it does not know: "Tiago Nunes" ORG, "[Dorota]
# Kwiatkowska" GPE, "a Nunes shirt" NORP.
_MISTAKEN_FOR_PEOPLE = frozenset({"ORG", "GPE", "NORP", "FAC"})
# First words of places' and bodies' names that a name list also gives as given names ("Santa
# Monica", "Glen Cove", "Royal Navy", "General Motors", "Al Jazeera": "Al" is a short given name and
# the Arabic article) or that start a place's name ("Port Harcourt").
_PLACE_OR_BODY_FIRST = frozenset(
    "al el port saint st san santa santo sao são fort mount mt lake cape glen new north south east west upper "
    "lower great little royal general grand real inter club sporting atletico athletic dynamo".split())
# Last words of bodies', teams', firms' and places' names (beside ``ORG_WORDS`` and the place and
# venue words below): no personal name ends so. Words that are also surnames ("Park", "Church",
# "Hall", "Field") are not here: "Grace Park said" is a person.
_BODY_ENDINGS = frozenset(
    "fc cf afc sc ac united city town county rovers wanderers athletic albion villa hotspur rangers "
    "ltd limited inc corp corporation co plc llc gmbh ag sa nv holdings partners motors airlines airways "
    "energy media news times post press herald tribune radio tv television records studios pictures "
    "films foods labs systems technologies tech solutions capital ventures fund trust hotel resort mall "
    "market bridge tower station beach falls bay harbour harbor river valley hills heights springs "
    "island islands gardens castle temple cup aid farm farms dairy brewery bakery mining oil steel shipping "
    "logistics pharma insurance estates properties club".split())


def people_by_given_name(doc: Doc, spans: list[tuple[Span, str]]) -> list[tuple[Span, str]]:
    """Spans the tagger took for a place or body relabelled as the people they name.

    The small model knows the common names of English news and tags others as it guesses: "Tiago
    Nunes has left" ORG, "Dorota [Kwiatkowska], of the union," GPE. A name that reads "Given
    Surname" (``_given_and_surname``) is a person's; then a lone word of the article that is such a
    person's surname ("a [Nunes] shirt" NORP) or given name ("[Tiago] scored" ORG) names them too,
    unless written as a place. Without the name list (the optional ``names`` extra) nothing changes.
    A name the article writes as a body's (``names_written_as_bodies``) is that body's, whatever
    the tagger read: "Louis Vuitton chief executive ..." is a firm, "Aston Villa have won" a club.
    """
    out = []
    relabelled = []
    bodies = names_written_as_bodies(doc, spans)
    if bodies:
        # the other way round too: "Aston Villa have won" tagged PERSON, like "Louis Vuitton" is, or
        # a place, which a known town's name stays ("South Africa have won the toss": a country too)
        spans = [(span, "ORG" if span.text in bodies and (label == "PERSON" or (
                     label == "GPE" and not is_known_place(span.text))) else label)
                 for span, label in spans]
    for span, label in spans:
        name = _given_and_surname(doc, span, spans, bodies) if label in _MISTAKEN_FOR_PEOPLE else None
        out.append((name, "PERSON") if name is not None else (span, label))
        if name is not None:
            relabelled.append(name)
    if not relabelled:
        return spans
    # the one word of it the tagger did read as a person's ("[Dorota] PERSON [Kwiatkowska] GPE")
    out = [(span, label) for span, label in out
           if not any(n.start <= span.start and span.end <= n.end and len(n) > len(span) for n in relabelled)]
    people = [span for span, label in out if label == "PERSON" and 2 <= len(span) <= 3
              and given_name_gender(tuple(t.text for t in span)) is not None]
    words = {t.text for span in people for t in (span[0], span[-1])}
    out = [(span, "PERSON") if (label in _MISTAKEN_FOR_PEOPLE and len(span) == 1 and span.text in words
                                and not _written_as_place_or_body(doc, span)) else (span, label)
           for span, label in out]
    # A name the tagger did not know in one sentence it often misses in the next ("Nunes thanked
    # the fans" untagged): then a later "he" has no one to refer to. Its surname alone, written
    # where nothing else is tagged, is that person.
    surnames = {span[-1].text for span in relabelled}
    out += [(doc[t.i:t.i + 1], "PERSON") for t in doc
            if t.text in surnames and _untagged_name_word(t, out) and not _beside_name_word(doc, t)
            and not _written_as_place_or_body(doc, doc[t.i:t.i + 1])]
    return sorted(out, key=lambda item: item[0].start)


def _beside_name_word(doc: Doc, tok: Token) -> bool:
    """Whether a capitalised name word stands right before or after a word ("Rui [Nunes]", another
    person of that surname)."""
    return ((tok.i > 0 and _name_word(doc[tok.i - 1]))
            or (tok.i + 1 < len(doc) and _name_word(doc[tok.i + 1])))


def _given_and_surname(doc: Doc, span: Span, spans: list[tuple[Span, str]],
                       bodies: frozenset[str] = frozenset()) -> Span | None:
    """The name a span gives as "Given Surname" (two or three capitalised words, the first one a
    name list gives to one gender only, ``person_gender.given_name_gender``), with the given name
    before a lone surname taken in when untagged or tagged a person alone ("Dorota [Kwiatkowska]"),
    and likewise the surname after a lone given name ("[Tomasz] Wierzbicki").

    None when the span does not read so, or something marks it as a place or body: a known place
    (the gazetteer) or news outlet (the registry), a first word that is a place's name too
    ("Milan" or "Florence" may be either, and the tagger knows common given names), a place's or
    body's first or last word ("Port ...", "Al ...", "... United", "... Ministry"), a plural
    ("Christian Democrats"), the words around it (``_written_as_place_or_body``), or a name among
    ``bodies``, which the article writes elsewhere as a body's (``names_written_as_bodies``)."""
    name = span
    if len(span) == 1:
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        if before is not None and _free_name_word(before, spans) and "\n" not in before.whitespace_:
            name = doc[before.i:span.end]
        elif after is not None and _free_name_word(after, spans) and "\n" not in span[-1].whitespace_:
            name = doc[span.start:after.i + 1]
    if not 2 <= len(name) <= 3 or not all(_name_word(t) for t in name):
        return None
    if (name[0].lower_ in _PLACE_OR_BODY_FIRST or _ends_as_body(name[-1]) or any(t.tag_ == "NNPS" for t in name)
            or is_known_place(name.text) or is_known_place(name[0].text) or registered_outlet(name.text)
            or _written_as_place_or_body(doc, name) or name.text in bodies):
        return None
    return name if given_name_gender(tuple(t.text for t in name)) is not None else None


def _name_word(tok: Token) -> bool:
    """A capitalised word that may be part of a personal name: no abbreviation ("FC"), office,
    title word or honorific."""
    return (tok.is_alpha and tok.text[:1].isupper() and not tok.text.isupper() and tok.pos_ == "PROPN"
            and not is_office(tok) and tok.lower_ not in TITLE_MODIFIERS | HONORIFICS | ORG_WORDS)


def _untagged_name_word(tok: Token, spans: list[tuple[Span, str]]) -> bool:
    return (_name_word(tok) and not tok.ent_type_
            and not any(s.start <= tok.i < s.end for s, _ in spans))


def _free_name_word(tok: Token, spans: list[tuple[Span, str]]) -> bool:
    """A name word outside every entity, or one the tagger alone read as a person ("[Dorota]")."""
    covering = [(s, label) for s, label in spans if s.start <= tok.i < s.end]
    if not covering:
        return _untagged_name_word(tok, spans)
    return _name_word(tok) and len(covering) == 1 and covering[0][1] == "PERSON" and len(covering[0][0]) == 1


def _ends_as_body(tok: Token) -> bool:
    word = tok.lower_
    return (word in ORG_WORDS or word in _BODY_ENDINGS or word in INSTITUTION_ENDINGS or word in STREET_ENDINGS
            or word in VENUE_NOUNS or word in _PLACE_NOUNS)


def _written_as_place_or_body(doc: Doc, span: Span) -> bool:
    """Whether the words around a name make it a place or body: "the" before it (people are not
    written "the Tiago Nunes"), a locative preposition ("in Valmonte"), a place noun ("the town of
    X", "the X district"), a known town in a list of places, or a body's or venue's word after it
    ("the X stadium", "X Council"), or a match score after it (a team's: "lost to X 3-0")."""
    before = doc[span.start - 1] if span.start > 0 else None
    after = doc[span.end] if span.end < len(doc) else None
    return ((before is not None and before.lower_ in _LOCATIVES | {"the"})
            or (after is not None and after.is_alpha and _ends_as_body(after))
            or _SCORE_AFTER.match(doc.text, span.end_char) is not None
            or placed_as_place(doc, span))


# Nouns an apposition gives a body, never a person ("Louis Vuitton, the French fashion house,";
# "Marks and Spencer and Ted Baker, the British retailers,"): a person's apposition is their role.
_BODY_NOUNS = BODY_KIND_NOUNS
# Nouns written right after a body's name as a modifier, naming its staff, players or holdings ("Louis
# Vuitton chief executive Pietro Beccari", "Aston Villa manager Unai Emery", "Aldermoor striker X").
# Not the ones written after a person's name too: "Putin aide", "Zelensky adviser", "Messi fans".
_BODY_STAFF_AFTER = frozenset(
    "ceo chairman chairwoman president owner boss manager coach shareholders shares stores boutiques shops striker "
    "strikers midfielder defender goalkeeper winger squad headquarters".split())
# Of those, the ones a possessive gives a body only ("Louis Vuitton's stores"; "Nunes's manager" is
# an agent, "Southgate's squad" a coach's, "Musk's shares" a man's).
_BODY_OWNS = frozenset("shareholders stores boutiques shops headquarters".split())
# Verb forms that agree with a plural subject: British English writes a team or firm so ("Aston
# Villa have won", "Louis Vuitton were fined"); one person's name never takes them.
_PLURAL_VERBS = frozenset({"have", "are", "were", "'ve", "'re"})
# The chief officers a body's name is written before ("[X] chief executive").
_CHIEF_OF = frozenset({"executive", "operating", "financial"})


def names_written_as_bodies(doc: Doc, spans: list[tuple[Span, str]]) -> frozenset[str]:
    """The names of two or three words that the article writes somewhere as a body's: a club's or
    firm's name the tagger reads as a person's, or that starts with a given name ("Louis Vuitton"),
    is told from one by how the text uses it (``_written_as_body``), in any one sentence; the name is
    then that body's all through the article, as one name in one article is one thing."""
    return frozenset(span.text for span, label in spans
                     if 2 <= len(span) <= 3 and (label == "PERSON" or label in _MISTAKEN_FOR_PEOPLE)
                     and _written_as_body(doc, span))


def _written_as_body(doc: Doc, span: Span) -> bool:
    """Whether the text uses a name as a body's, not a person's: with a verb that agrees with a
    plural (``_PLURAL_VERBS``, alone as the subject: "X and Y have" is two), "which" after it, an
    apposition naming a body (``_BODY_NOUNS``), or a word for its staff or holdings after it
    (``_BODY_STAFF_AFTER``, ``_BODY_OWNS`` after a possessive)."""
    root = span.root
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.text.lower() in _BODY_STAFF_AFTER and (after.text.islower() or after.text == "CEO"):
        return True
    if after is not None and after.lower_ == "chief" and after.text.islower() and after.i + 1 < len(doc) \
            and doc[after.i + 1].lower_ in _CHIEF_OF:
        return True
    if after is not None and after.text in POSSESSIVE and after.i + 1 < len(doc) and doc[after.i + 1].lower_ in _BODY_OWNS:
        return True
    if root.dep_ in ("nsubj", "nsubjpass") and not root.conjuncts and root.i == span.end - 1 \
            and _plural_verb(root.head):
        return True
    # The list's first member carries the apposition of the whole list ("Marks and Spencer and Ted
    # Baker, the British retailers,").
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    for child in head.children:
        if child.dep_ == "appos" and child.text.islower() and child.lemma_.lower() in _BODY_NOUNS:
            return True
        if child.dep_ == "relcl" and any(t.dep_ in ("nsubj", "nsubjpass") and t.i > span.end
                                         and (t.lower_ == "which" or (t.lower_ == "who" and _plural_verb(child)))
                                         for t in child.children):
            return True
    return False


def _plural_verb(verb: Token) -> bool:
    """Whether a verb, or an auxiliary of it, takes a plural subject ("have won", "were fined", "are")."""
    return any(t.lower_ in _PLURAL_VERBS and t.tag_ in ("VBP", "VBD")
               for t in (verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))))


_SCORE_AFTER = re.compile(r"\s+\d{1,2}\s?[-–]\s?\d{1,2}\b")


# Last words of the names of buildings and institutions, with the label such a name gets; none
# of them is a surname, unlike "Hall", "Church" or "Field" ("Sally Field said").
INSTITUTION_ENDINGS = {
    **dict.fromkeys("hospital infirmary clinic airport stadium prison museum".split(), "FAC"),
    **dict.fromkeys("university college school academy".split(), "ORG"),
}


# Nouns that make the name beside them a place: "the town of Bucha", "Istanbul's Besiktas district".
_PLACE_NOUNS = frozenset(
    "town city village region province district oblast county state municipality suburb neighbourhood "
    "neighborhood settlement capital port island regions provinces districts".split()
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVES = frozenset({"in", "near", "outside", "around"})
_LIST_JOINERS = frozenset({",", "and", "or"})
# Labels the small model gives unfamiliar place names ("Bucha" PERSON or ORG, "Kramatorsk" PRODUCT).
MISTAKEN_FOR_PLACES = frozenset({"PERSON", "ORG", "PRODUCT"})


def placed_as_place(doc: Doc, span: Span) -> bool:
    """Whether a span the tagger took for a person, organisation or product is written as a place
    (the small model tags unfamiliar place names so): named with a place noun ("the town of Bucha", "the
    Besiktas district"), or a known town written as places are (``gazetteer.is_known_place``)."""
    before = doc[span.start - 2 : span.start] if span.start >= 2 else None
    if before is not None and before[1].lower_ == "of" and before[0].lower_ in _PLACE_NOUNS:
        return True
    if span.end < len(doc) and doc[span.end].lower_ in _PLACE_NOUNS and doc[span.end].pos_ == "NOUN":
        return True
    if not is_known_place(span.text):
        return False
    # A town of the gazetteer (GeoNames) written where places are written: after a locative
    # preposition ("killed in Bucha"), or in a list with places ("Donetsk, Luhansk, Zaporizhzhia
    # and Kherson", "near Kyiv and Chernihiv").  Context too, since many towns are surnames
    # ("Jackson said").
    previous = doc[span.start - 1] if span.start > 0 else None
    if previous is not None and previous.lower_ in _LOCATIVES:
        return True
    # Its list: the parse's conjuncts, and the words either side of a comma or "and" (the parse
    # often attaches a list's last member elsewhere).
    neighbours = list(span.root.conjuncts)
    if span.start >= 2 and doc[span.start - 1].lower_ in _LIST_JOINERS:
        neighbours.append(doc[span.start - 2])
    if span.end + 1 < len(doc) and doc[span.end].lower_ in _LIST_JOINERS:
        neighbours.append(doc[span.end + 1])
    # A neighbour counts as a place when tagged one, or when it is a known town tagged as a
    # person too ("Zaporizhzhia and Kherson", both PERSON).
    return any(t.ent_type_ in _PLACE_LABELS or (t.ent_type_ in MISTAKEN_FOR_PLACES and is_known_place(t.text))
               for t in neighbours if not span.start <= t.i < span.end)


# Last words of a street's or square's name (``entities`` reads the words written before one).
STREET_ENDINGS = frozenset("avenue boulevard square street road plaza".split())


# Nouns of buildings and grounds written after their name in lower case ("the Maksimir stadium").
VENUE_NOUNS = frozenset("stadium arena ground airport palace hall hospital prison mosque church cathedral".split())


__all__ = ["INSTITUTION_ENDINGS", "MISTAKEN_FOR_PLACES", "STREET_ENDINGS", "VENUE_NOUNS", "people_by_given_name",
           "names_written_as_bodies", "placed_as_place", "registered_outlet"]
