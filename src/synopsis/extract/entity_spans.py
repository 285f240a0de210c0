"""The tagger's entity spans, cleaned of its common slips in news text: a leading "the", a trailing
possessive, a line break, a match score; an outlet's name cut in two; an organisation's words left
out before an "and"; a town after "in" or a person's name run into a body's name, split off.
``entities`` reads what each cleaned span names."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from synopsis.extract.entity_titles import DETERMINERS, POSSESSIVE, TITLE_JOINERS, is_office, office_tagged_person
from synopsis.extract.gazetteer import is_known_place, named_countries
from synopsis.extract.name_words import ORG_WORDS
from synopsis.extract.nlp import load_nlp
from synopsis.extract.person_relabelling import registered_outlet

# Labels that other extractors own (times.py, quantities.py): dropped here.
EXCLUDED_LABELS = {"DATE", "TIME", "CARDINAL", "QUANTITY", "MONEY", "PERCENT", "ORDINAL"}
# Labels the small model gives a news outlet's programme or brand ("PBS [NewsHour]" PRODUCT): no
# organisation's, place's or person's label, which a registered name could also be.
_WORK_LABELS = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def _outlet_ents(doc: Doc) -> list[tuple[Span, str]]:
    """The tagger's entities, with an outlet's name it cut in two joined and labelled as the
    organisation it is ("[PBS] [NewsHour]" ORG and PRODUCT: "PBS NewsHour"), and a programme or
    brand the registry lists for an outlet labelled ORG ("NewsHour" PRODUCT)."""
    ents = list(doc.ents)
    out: list[tuple[Span, str]] = []
    i = 0
    while i < len(ents):
        ent = ents[i]
        following = ents[i + 1] if i + 1 < len(ents) else None
        if (following is not None and following.start == ent.end and "\n" not in ent[-1].whitespace_
                and ent.label_ not in EXCLUDED_LABELS and following.label_ not in EXCLUDED_LABELS
                and registered_outlet(doc[ent.start:following.end].text)):
            out.append((doc[ent.start:following.end], "ORG"))
            i += 2
            continue
        out.append((ent, "ORG" if ent.label_ in _WORK_LABELS and registered_outlet(ent.text) else ent.label_))
        i += 1
    return out


def tagged_spans(doc: Doc) -> list[tuple[Span, str]]:
    """The tagger's entities, cleaned, with a person's name the tagger ran into the organisation
    before it split off ("the Security Council [Sergey Shoigu]"); a name an organisation's grew
    over ("The [Integrity] and Anti-Corruption Commission") is part of it, not an entity of its own."""
    spans = list(_cleaned_spans(doc))
    return [(span, label) for span, label in spans
            if not any(o.start <= span.start and span.end <= o.end and len(o) > len(span) for o, _ in spans)]


def _cleaned_spans(doc: Doc) -> Iterator[tuple[Span, str]]:
    for ent, label in _outlet_ents(doc):
        if label in EXCLUDED_LABELS:
            continue
        span = _clean_span(doc, ent)
        if span is None:
            continue
        span, label = _without_score(doc, span, label)
        if span is None:
            continue
        if label == "ORG":
            span = _with_joined_words_before(doc, span)
        if label == "ORG" and (place := _place_after_in(doc, span)) is not None:
            yield doc[span.start:place.start - 1], label
            yield place, "GPE"
            continue
        if label in _BODY_LABELS and (person := _trailing_person(span, _unit_of_office(doc, span))) is not None:
            yield doc[span.start:person.start], label
            yield person, "PERSON"
            continue
        yield span, label


def _with_joined_words_before(doc: Doc, span: Span) -> Span:
    """An organisation's name with the words before an "and" inside it that the tagger left out
    ("The [Integrity and] Anti-Corruption Commission"): capitalised words outside any entity that
    the parse hangs on a word of the name, so they are part of it; the name before "and" of a
    different body or place has an entity of its own ("Russia and the ... Commission")."""
    start = span.start
    while start >= 2 and doc[start - 1].lower_ in ("and", "&") and doc[start - 1].dep_ == "cc":
        word = doc[start - 2]
        if _unnamed_capitalised(word) and start <= word.head.i < span.end:
            first = word.i
            # the capitalised words of that part ("National Security and Defense Council")
            while first > 0 and _unnamed_capitalised(doc[first - 1]) and first <= doc[first - 1].head.i < span.end:
                first -= 1
        elif capitalised(word) and word.i >= 1 and doc[word.i - 1].lower_ == "the" and (
                (not word.ent_type_ and _conjunct_of(span, word))
                or (word.ent_type_ == "ORG" and span.start <= word.head.i < span.end)):
            # One word after "the" starts the body's name when the parse makes the name its
            # conjunct ("The [Ethics] and [Anti-Corruption Commission] said") or, tagged an
            # organisation of its own, hangs it on the name ("the [Integrity] and Anti-Corruption
            # Commission"); a body of its own is not hung on the other ("The Kremlin and Foreign
            # Ministry said": two bodies, the Kremlin the head of the pair).
            first = word.i
        else:
            break
        start = first
    return doc[start:span.end]


def _conjunct_of(span: Span, word: Token) -> bool:
    """Whether the parse makes a word of the name a conjunct of ``word``."""
    return any(t.dep_ == "conj" and t.head.i == word.i for t in span)


def capitalised(tok: Token) -> bool:
    return tok.pos_ == "PROPN" and tok.is_alpha and tok.text[:1].isupper()


def _unnamed_capitalised(tok: Token) -> bool:
    return capitalised(tok) and not tok.ent_type_


# A match score written after a team's name: "beat [Ferencváros 2-1]", "[Dinamo Zagreb 3-0]".
_SCORE = re.compile(r"\s+\d{1,2}\s?[-–]\s?\d{1,2}$")
# Labels the tagger gives a name with a score glued on ("Ferencváros 2-1" LAW): a name followed by a
# score is a team, an organisation (a person's stays a person's: "Novak beat Ruud 6-3").
_SCORED_AS_WORKS = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "EVENT"})


def _without_score(doc: Doc, span: Span, label: str) -> tuple[Span | None, str]:
    """A name without the match score the tagger ran into it, and its label as a team's."""
    match = _SCORE.search(span.text)
    if match is None or match.start() == 0:
        return span, label
    name = doc.char_span(span.start_char, span.start_char + match.start(), alignment_mode="contract")
    if name is None or not any(ch.isalpha() for ch in name.text):
        return None, label
    return name, ("ORG" if label in _SCORED_AS_WORKS else label)


# Words of an organisation's name that may stand before "in" and a place inside its name.
_MAX_PLACE_WORDS = 3


def _place_after_in(doc: Doc, span: Span) -> Span | None:
    """The town an organisation's span ends with after "in", which the tagger ran into the name
    ("[Rapid Support Forces in Jeddah]" is the forces, in the town of Jeddah), else None.  Only a
    town of the gazetteer, not a country or region: a body's own name may end so ("Organization for
    Security and Co-operation in Europe", "Church in Wales")."""
    for i in range(span.end - 2, max(span.start, span.end - 1 - _MAX_PLACE_WORDS) - 1, -1):
        if doc[i].lower_ != "in" or i == span.start:
            continue
        place = doc[i + 1:span.end]
        if (all(t.text[:1].isupper() for t in place) and is_known_place(place.text)
                and not named_countries([place.text.lower()])):
            return place
        return None
    return None


# Labels of bodies and buildings the tagger runs a following personal name into: "Secretary of the
# Security Council Sergey Shoigu" tags "Security Council Sergey Shoigu" ORG.
_BODY_LABELS = frozenset({"ORG", "FAC"})
# A personal name is two or three words (given name, perhaps a middle one, surname); the longer is
# tried first so that "Recep Tayyip Erdogan" is not cut to "Tayyip Erdogan".
_NAME_LENGTHS = (3, 2)


def _unit_of_office(doc: Doc, span: Span) -> bool:
    """Whether a body's name follows an office and "of": "Deputy Head of the [Foreign Intelligence
    Service ...]" names whose unit it is, and a name after the body is the office holder's."""
    j = span.start - 1
    if j >= 0 and doc[j].lower_ == "the":
        j -= 1
    if j < 1 or doc[j].lower_ != "of":
        return False
    office = doc[j - 1]
    if office.tag_ in {"NNS", "NNPS"} or office.lower_ in {"officials", "members", "leaders", "heads"}:
        return False  # "Officials of the Defence Council ...": many people, no one holder named
    return is_office(office) or (office.ent_type_ == "PERSON" and office_tagged_person(office))


def _trailing_person(span: Span, titled: bool = False) -> Span | None:
    """The personal name that ends an organisation's span after the word that ends the body's own
    name ("Security Council | Sergey Shoigu", "National Guard | Viktor Zolotov"), else None.

    The name must be two or three capitalised words, none of them a body or an office word, and
    the tagger must read those words alone as a person: the small model knows personal names far
    better than it knows where a body's name ends, and an organisation's own last words ("Armed
    Forces", "York Times") do not read as a person.  After an office of the body (``titled``:
    "Deputy Head of the Foreign Intelligence Service Taras Holub") the title says a person is
    named there, which the tagger's reading of an unfamiliar name need not confirm.
    """
    for size in _NAME_LENGTHS:
        if len(span) <= size:
            continue
        tail = span[len(span) - size:]
        if span[len(span) - size - 1].lower_ not in ORG_WORDS:
            continue
        if all(t.is_alpha and t.text[:1].isupper() and t.lower_ not in ORG_WORDS and not is_office(t) for t in tail) \
                and (titled or _reads_as_person(tail.text)):
            return tail
    return None


@functools.lru_cache(maxsize=4096)
def _reads_as_person(name: str) -> bool:
    """Whether the tagger reads words alone, as the subject of "said", as one person's name."""
    doc = load_nlp()(f"{name} said.")
    return any(e.label_ == "PERSON" and e.start_char == 0 and e.end_char == len(name) for e in doc.ents)


def _clean_span(doc: Doc, ent: Span) -> Span | None:
    """Trim a leading article, a trailing possessive or punctuation, and anything past a line break."""
    start, end = ent.start, ent.end
    # NER runs across line breaks in headline-heavy pages: keep the longest line.
    if "\n" in ent.text:
        pieces: list[tuple[int, int]] = []
        s = start
        for tok in doc[start:end]:
            if "\n" in tok.text or "\n" in tok.whitespace_:
                e = tok.i if "\n" in tok.text else tok.i + 1
                if e > s:
                    pieces.append((s, e))
                s = tok.i + 1
        if s < end:
            pieces.append((s, end))
        if not pieces:
            return None
        start, end = max(pieces, key=lambda p: len(doc[p[0]:p[1]].text))
    while start < end and (doc[start].lower_ in DETERMINERS or doc[start].is_punct or doc[start].is_space):
        start += 1
    # "Ministry of Foreign Affairs of [the Republic of Turkey]": a name cut after a joiner
    # ends before it.
    while end - start > 1 and doc[end - 1].lower_ in TITLE_JOINERS | DETERMINERS:
        end -= 1
    while end > start and (doc[end - 1].text in POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        # Keep a closing bracket or a final period that belongs to an abbreviation ("U.S.").
        if doc[end - 1].text == "." and end - start == 1:
            break
        end -= 1
    if start >= end:
        return None
    span = doc[start:end]
    if not any(ch.isalpha() for ch in span.text):
        return None
    return span
