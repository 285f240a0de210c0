"""Speaker resolution: turn a speaker phrase (a pronoun, a title, a surname) into the full name it refers to."""

from __future__ import annotations

import dataclasses
from typing import NamedTuple, Sequence

from spacy.tokens import Doc, Token

from synopsis.extract.body_countries import with_country
from synopsis.extract.descriptions import described_antecedent, is_bare, named_body_beside
from synopsis.extract.entity_titles import HONORIFICS, OFFICE_WORDS, TITLE_MODIFIERS, is_office
from synopsis.extract.nlp import doc_text
from synopsis.extract.person_mentions import (
    PersonMention,
    PronounContext,
    best_name,
    find_people,
    full_name,
    holds_another_role,
    name_words,
    title_match,
    titled_person,
    without_possessive,
)
from synopsis.extract.quote_cues import BODY_NOUNS, MALE_FEMALE_PRONOUNS, MEDIUM_NOUNS, ROLE_NOUNS, SPEAKER_NOUNS
from synopsis.extract.quote_speakers import (
    FoundAttribution,
    can_speak,
    entity_at,
    is_definite,
    is_known_surname,
    speaker_span,
    speaking_appositive,
)
from synopsis.extract.speaker_kinds import document_issuer, is_document, is_outlet_source
from synopsis.records import Entity, Quote


SPEAKER_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# The label _resolve_speaker gives a document whose issuer the text does not name.
_DOCUMENT = "DOCUMENT"
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


def speaker_entities(doc: Doc, entities: Sequence[Entity]) -> list[Entity]:
    """Entities that can speak, from the caller or else from spaCy's NER, in text order."""
    if entities:
        chosen = [e for e in entities if e.label in SPEAKER_LABELS]
        return sorted(_with_given_names(doc, chosen), key=lambda e: e.start)
    chosen = [Entity(e.text, e.label_, e.start_char, e.end_char) for e in doc.ents if e.label_ in SPEAKER_LABELS]
    # The small English model misses many foreign names ("Pavel Orlov arrived" gets no
    # entity); a run of two or more capitalised proper nouns outside any entity is taken
    # as a person's name so that later surnames and pronouns can resolve to it.
    taken = {i for e in doc.ents for i in range(e.start, e.end)}
    for token in doc:
        if token.pos_ != "PROPN" or token.i in taken or token.dep_ == "compound":
            continue
        run = [t for t in token.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.i not in taken]
        if len(run) == 0 or run[0].i + len(run) != token.i or not all(t.text[:1].isupper() for t in [*run, token]):
            continue
        start = run[0].idx
        chosen.append(Entity(doc_text(doc)[start:token.idx + len(token)], "PERSON", start, token.idx + len(token)))
    return sorted(chosen, key=lambda e: e.start)


def _with_given_names(doc: Doc, chosen: list[Entity]) -> list[Entity]:
    """One-word people widened over the capitalised given name the parse joins to them: the NER
    finds "Faizi" in "a spokesman for Rescue 1122, Bilal Faizi, said" (QA: the speaker was shown as
    "Faizi"). A title or courtesy title before a surname ("President", "Senior", "Mr") stays out."""
    taken = {(e.start, e.end) for e in chosen}
    widened = []
    for entity in chosen:
        span = doc.char_span(entity.start, entity.end) if entity.label == "PERSON" else None
        if span is not None and len(span) == 1 and span[0].i > 0:
            name, before = span[0], doc[span[0].i - 1]
            if (
                before.head == name and before.dep_ == "compound" and before.pos_ == "PROPN" and before.is_alpha
                and before.text[:1].isupper() and not before.text.isupper()
                and before.lower_ not in SPEAKER_NOUNS | OFFICE_WORDS | TITLE_MODIFIERS | HONORIFICS
                and not any(start <= before.idx < end for start, end in taken)
            ):
                entity = dataclasses.replace(entity, text=doc_text(doc)[before.idx:entity.end], start=before.idx)
        widened.append(entity)
    return widened


def _canonical(
    entity: Entity, position: int, people: list[PersonMention], speakers: list[str], doc: Doc | None = None,
    ents: Sequence[Entity] = (),
) -> str:
    # Many countries have a "Ministry of Defence": without its country the name says another's spoke.
    if entity.label == "ORG" and doc is not None and (
        country := with_country(doc_text(doc), entity.start, entity.end, _without_article(entity.text), ents)
    ):
        return country
    name = without_possessive(entity.text)
    if entity.label != "PERSON":
        return _without_article(name)
    return best_name(name, position, people, speakers)


def _without_article(name: str) -> str:
    return name[4:] if name.lower().startswith("the ") else name


def resolve_speakers(doc: Doc, found: list[FoundAttribution], ents: list[Entity]) -> list[Quote]:
    """Turn findings into Quote records, resolving each speaker to an in-article name."""
    text = doc_text(doc)
    people = find_people(doc, ents)
    contents = [f.content for f in found]
    # Salience: person subjects of clauses outside reported content, by position
    # (a simple rule: the most recent person who acted or spoke is "he"/"she"/"the aide").
    subjects: list[tuple[int, str, str]] = []
    # The members of each coordinated subject ("Russia and Ukraine held talks"), and each plural
    # group subject ("Officials arrived"), by position: a later "they" is all of them, and "it"
    # none of them.
    listed: dict[int, list[tuple[str, str]]] = {}
    for token in doc:
        if token.dep_ in _SUBJECTS and not any(s <= token.idx < e for s, e in contents):
            entity = entity_at(ents, token)
            if _conjoined(token):
                listed[token.idx] = _list_members(doc, token, ents, people)
            elif entity is not None and (
                entity.label == "PERSON" or full_name(name_words(entity.text), token.idx, people, []) is not None
                or _titled_surname(doc, entity)
            ):
                subjects.append((token.idx, entity.text, "PERSON"))
            elif entity is not None and entity.label in ("ORG", "GPE"):
                # what a later "it" can be: "Ukraine continues to call for ... children it says ..."
                subjects.append((token.idx, _canonical(entity, token.idx, people, [], doc, ents), "BODY"))
            elif entity is None and _is_group(token) and token.tag_ != "NNS" and is_definite(token):
                start, end = speaker_span(doc, token, ents, with_conj=False)
                subjects.append((token.idx, text[start:end], "BODY"))
            elif entity is None and token.tag_ == "NNS" and token.dep_ == "nsubj" and can_speak(token, ents):
                # a group that only acted is who a later "they" is, as a list is: "Officials from
                # both countries arrived later. They said ..." (one acted on, "prisoners were
                # exchanged", is left out: the pronoun is more often who did it)
                start, end = speaker_span(doc, token, ents, with_conj=True)
                listed[token.idx] = [(text[start:end], "GROUP")]
    pronouns = PronounContext(people, contents)
    history: list[tuple[int, str, str]] = []  # (position, canonical, label) of resolved speakers
    # The speakers of each jointly made statement ("Ukrainian officials and Russian negotiators
    # said"), by the history position of each: a later "they" is all of them, not the last named.
    together: dict[int, list[tuple[str, str]]] = {}
    joint = _joint_statements(found)
    spoken: list[str] = []
    credited: list[tuple[int, str]] = []  # (position, name) of each medium credited with words
    quotes: list[Quote] = []
    for f in sorted(found, key=lambda f: (f.content[0] if f.speaker is None else min(f.speaker[0], f.content[0]))):
        speaker_text = text[f.speaker[0]:f.speaker[1]] if f.speaker else None
        position = f.speaker[0] if f.speaker else f.content[0]
        resolved, label, speaker_kind, pronoun_agrees = None, None, None, False
        referents: list[tuple[str, str]] = []  # more than one: "they" after a joint statement
        if f.speaker_head is not None and _they_behind(f.speaker_head, ents) is not None:
            referents = _referents_of_they(position, history, together, listed)
            resolved, label = referents[0] if len(referents) == 1 else (None, "ORG")
        elif f.speaker_head is not None:
            # a co-speaker is never one of the others: "X, Y and the mayor said" looks for who "the
            # mayor" is before the whole list, not in it
            looked_up = min(position, _coordination_start(f.speaker_head))
            # "it" is no one who spoke together with others: "Russia and Ukraine said ... It said"
            singular = [h for h in history if h[0] not in together]
            resolved, label, pronoun_agrees = _resolve_speaker(
                doc, f.speaker_head, f.speaker, looked_up, ents, people, spoken, history, subjects, singular,
                pronouns,
            )
        elif f.cue is None and quotes:
            resolved, label = _carried_over(text, quotes[-1], f.content[0]), "PERSON"
            if resolved:
                speaker_kind = quotes[-1].speaker_kind
        cue_text = text[f.cue[0]:f.cue[1]] if f.cue else None
        if resolved is None and f.speaker_head is not None and (medium := _medium_credited(f.speaker_head, position, credited)):
            resolved, label = medium, "ORG"
            speaker_kind = "outlet"  # "Valley Wire reported ... the agency reported": that medium
        if speaker_kind == "outlet":
            pass
        elif f.own_reporting:
            speaker_kind = "outlet"  # no one is named: the article's outlet reports it itself
        elif label == _DOCUMENT:
            speaker_kind, label = "document", None
        elif f.speaker_head is not None and is_outlet_source(
            cue_text, _cue_lemma(doc, f.cue), speaker_text, resolved, label, f.speaker_head
        ):
            # A medium that reports the words, not a voice: recorded as where they were read.
            speaker_kind = "outlet"
        # who this attribution names, as a later pronoun may refer back to them
        remembered: list[tuple[str, str]] = []
        if speaker_kind == "outlet":
            # a medium that reported the words is not who a later "he" or "it" is
            if resolved or speaker_text:
                credited.append((position, resolved or _without_article(speaker_text or "")))
        elif len(referents) > 1:
            remembered = referents  # "they" again: the same speakers, together
        elif resolved:
            remembered = [(resolved, label or "PERSON")]
            spoken.append(resolved)
        elif f.speaker_head is not None and _is_group(f.speaker_head) and speaker_text:
            # "Russian and Ukrainian officials announced ... they clarified": an unnamed group
            # is what a later "they" refers to.
            remembered = [(speaker_text, "GROUP" if f.speaker_head.tag_ == "NNS" else "BODY")]
        history.extend((position, name, kind) for name, kind in remembered)
        statement = joint.get(id(f))
        if len(referents) > 1:
            together[position] = referents
        elif statement is not None and speaker_kind != "outlet" and speaker_text:
            # every co-speaker, named or not ("X, Y and the mayor said"), is one of "they"
            members = together.setdefault(statement[0], [])
            members.extend(remembered or [(speaker_text, "GROUP")])
            for spoke in statement:
                together[spoke] = members
        spans = [f.content] + ([f.cue] if f.cue else []) + ([f.speaker] if f.speaker else [])
        # one quote per speaker: "they" after a joint statement is each of its speakers
        for name in [n for n, _ in referents] if len(referents) > 1 else [resolved]:
            quotes.append(
                Quote(
                    kind=f.kind,  # type: ignore[arg-type]
                    content=text[f.content[0]:f.content[1]],
                    content_start=f.content[0],
                    content_end=f.content[1],
                    speaker=speaker_text,
                    speaker_start=f.speaker[0] if f.speaker else None,
                    speaker_end=f.speaker[1] if f.speaker else None,
                    cue=cue_text,
                    cue_start=f.cue[0] if f.cue else None,
                    cue_end=f.cue[1] if f.cue else None,
                    start=min(s for s, _ in spans),
                    end=max(e for _, e in spans),
                    speaker_entity=name,
                    speaker_kind=speaker_kind,
                    pronoun_agrees=pronoun_agrees and len(referents) <= 1,
                )
            )
    return sorted(quotes, key=lambda q: (q.start, q.content_start))


def _medium_credited(head: Token, position: int, credited: list[tuple[int, str]]) -> str | None:
    """The medium a definite "the agency" or "the paper" is: the latest one credited with words
    before it (QA: "Valley Wire reported ... the agency reported" showed "the agency" as a voice)."""
    if head.pos_ != "NOUN" or head.lemma_.lower() not in MEDIUM_NOUNS or not is_definite(head):
        return None
    earlier = [name for at, name in credited if at < position and name]
    return earlier[-1] if earlier else None


def _joint_statements(found: list[FoundAttribution]) -> dict[int, tuple[int, ...]]:
    """For each co-speaker of a jointly made statement (quote_speakers.with_speakers gives one
    finding per speaker, with the same words and cue), the speaker positions of all of them."""
    by_statement: dict[tuple, list[FoundAttribution]] = {}
    for f in found:
        if f.speaker is not None and f.cue is not None:
            by_statement.setdefault((f.content, f.cue), []).append(f)
    joint: dict[int, tuple[int, ...]] = {}
    for members in by_statement.values():
        if len(members) > 1:
            positions = tuple(sorted(f.speaker[0] for f in members if f.speaker is not None))
            for f in members:
                joint[id(f)] = positions
    return joint


def _they_behind(head: Token, ents: list[Entity]) -> Token | None:
    """The "they" a speaker phrase stands for: the phrase itself, or the issuer of the document it
    is ("They issued a statement. The statement said ...", "according to their statement")."""
    if head.lower_ in _PLURAL_PRONOUNS:
        return head
    issuer = document_issuer(head, ents) if is_document(head, ents) else None
    return issuer if issuer is not None and issuer.lower_ in _PLURAL_PRONOUNS else None


_PLURAL_PRONOUNS = frozenset({"they", "them", "their"})


def _referents_of_they(
    position: int,
    history: list[tuple[int, str, str]],
    together: dict[int, list[tuple[str, str]]],
    listed: dict[int, list[tuple[str, str]]],
) -> list[tuple[str, str]]:
    """Who "they" is: the latest group, body or country that spoke, or, when the latest speaker
    spoke jointly with others ("Ukrainian officials and Russian negotiators said"), all of them:
    a plural pronoun after a coordinated subject takes up the whole of it, people included. A
    coordinated subject that said nothing counts too ("Russia and Ukraine held talks. They said")."""
    groups = ("ORG", "GPE", "NORP", "GROUP", "BODY")
    earlier = [(p, n) for p, n, label in history if p < position and (label in groups or p in together)]
    earlier += [(p, "") for p in listed if p < position]
    if not earlier:
        return []
    latest, name = max(earlier)
    if latest in together:
        return list(dict.fromkeys(together[latest]))
    if latest in listed:
        return list(dict.fromkeys(listed[latest]))
    return [(name, "ORG")]


def _conjoined(subject: Token) -> bool:
    """Whether a subject is a list of two or more ("Russia and Ukraine", "the mayor and her aides")."""
    return any(c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN") for c in subject.children)


def _list_members(doc: Doc, subject: Token, ents: list[Entity], people: list[PersonMention]) -> list[tuple[str, str]]:
    """Each member of a coordinated subject, as named in the article, with its kind."""
    members = []
    for token in [subject, *(t for t in subject.conjuncts if t.pos_ in ("NOUN", "PROPN"))]:
        entity = entity_at(ents, token)
        if entity is not None:
            members.append((_canonical(entity, token.idx, people, [], doc, ents), entity.label))
        else:
            start, end = speaker_span(doc, token, ents, with_conj=False)
            members.append((doc_text(doc)[start:end], "GROUP"))
    return members


def _coordination_start(head: Token) -> int:
    """Where the list a co-speaker belongs to starts (quote_speakers._co_speakers: conjuncts, and
    names the parser hung on the first as appositions); a speaker in no list starts where it is."""
    first = head
    while first.head != first and (first.dep_ == "conj" or (first.dep_ == "appos" and first.head.pos_ == "PROPN")):
        first = first.head
    return first.left_edge.idx if first is not head else head.idx


def _cue_lemma(doc: Doc, cue: tuple[int, int] | None) -> str | None:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand") if cue else None
    return span.root.lemma_.lower() if span is not None and len(span) else None


def _resolve_speaker(
    doc: Doc,
    head: Token,
    span: tuple[int, int] | None,
    position: int,
    ents: list[Entity],
    people: list[PersonMention],
    spoken: list[str],
    history: list[tuple[int, str, str]],
    subjects: list[tuple[int, str, str]],
    singular: list[tuple[int, str, str]] | None,
    pronouns: PronounContext,
) -> _Resolution:
    """Who one speaker phrase is. ``singular`` is the part of ``history`` that spoke alone, which
    is what "it" can refer to (all of ``history`` when not given); ``pronouns`` is what the article
    says of its people's gender, which "he" and "she" must agree with."""
    singular = history if singular is None else singular
    if is_document(head, ents):
        # A document speaks for its issuer ("a statement by the ministry"); with none named it
        # stays the source, and is no one's voice.
        issuer = document_issuer(head, ents)
        if issuer is None:
            return _Resolution(None, _DOCUMENT)
        resolution = _resolve_speaker(
            doc, issuer, None, position, ents, people, spoken, history, subjects, singular, pronouns
        )
        if resolution.name is None and issuer.pos_ != "PRON":
            start, end = speaker_span(doc, issuer, ents, with_conj=True)
            return _Resolution(doc_text(doc)[start:end], "ORG")
        return resolution
    if head.lemma_.lower() in _WORDS_OF_SOMEONE:
        # "according to his statements": the words are his; resolve their owner.
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        head = owner if owner is not None else head
    entity = entity_at(ents, head)
    named = speaking_appositive(head, ents) if entity is None else None
    if named is not None:
        head, entity = named, entity_at(ents, named)  # "Russia's lead negotiator, X, said"
    elif entity is None and head.pos_ == "NOUN" and (body := named_body_beside(head, ents)) is not None:
        return _Resolution(body, "ORG")  # "the Arvendale power company, Northgrid, said"
    if entity is not None and entity.label != "PERSON":
        # the small model often labels a lone surname ORG: check known people first
        as_person = full_name(name_words(entity.text), position, people, spoken)
        if as_person is None and (titled := titled_person(entity, people)) is not None:
            as_person = best_name(titled, position, people, spoken)
        if as_person is None and _titled_surname(doc, entity):
            as_person = without_possessive(entity.text)
        if as_person is not None:
            return _Resolution(as_person, "PERSON")
    if entity is not None:
        return _Resolution(_canonical(entity, position, people, spoken, doc, ents), entity.label)
    if is_known_surname(head, ents):
        return _Resolution(full_name((head.lower_,), position, people, spoken), "PERSON")
    lower = head.lower_
    if lower in MALE_FEMALE_PRONOUNS or lower in ("his", "her"):
        referent = pronouns.resolve(lower, position, history, subjects, spoken)
        return _Resolution(referent.name, "PERSON", referent.agrees)
    if lower == "it":
        # a body or country, never a plural group ("the presidents of A and B ... It has also
        # emphasized") nor one of a list ("Russia and Ukraine said ... It said"): the latest that
        # spoke alone or was the sole subject of a clause, else no one
        return _Resolution(_latest(singular + [s for s in subjects if s[2] == "BODY"], position, "BODY"), "ORG")
    if head.pos_ == "NOUN" and is_definite(head) and head.lemma_.lower() in BODY_NOUNS:
        # "The Russian Ministry of Defense confirmed ... The ministry reported": the body named
        # last; never a person whose title has the word ("Ministry Spokesperson X"). A bare
        # noun may also take up a described body ("Russia's delegation ... the delegation said"):
        # whichever of the two is later.
        named = _named_body(head, position, ents, people, spoken)
        described = described_antecedent(doc, head, position, ents) if is_bare(head) else None
        latest = max((c for c in (named, described) if c is not None), default=None)
        return _Resolution((latest[1] if latest else None), "ORG")
    if head.pos_ == "NOUN" and is_definite(head) and head.tag_ != "NNS":
        # a singular role: "the presidents of A and B" are not the president named last
        modifiers = {t.lower_ for t in head.subtree if t.i < head.i and t.pos_ in ("PROPN", "NOUN", "ADJ")}
        match = title_match(head, modifiers, position, people, spoken)
        if match is not None:
            return _Resolution(match, "PERSON")
        described = described_antecedent(doc, head, position, ents) if is_bare(head) else None
        if described is not None:
            # "A Kremlin spokesman said ... the spokesman added": that unnamed official, not
            # whoever was named last
            return _Resolution(described[1], "PERSON")
        if head.lemma_.lower() in ROLE_NOUNS and not any(c.dep_ == "poss" for c in head.children):
            salient = _salient_person(position, history, subjects, people, spoken)
            if salient is not None and holds_another_role(salient, head.lemma_.lower(), people):
                # "prosecutor X said ... The judge told the court": the judge is not X
                return _Resolution(None, None)
            return _Resolution(salient, "PERSON")
    return _Resolution(None, None)


def _titled_surname(doc: Doc, entity: Entity) -> bool:
    """Whether a one-word name the tagger took for a body is a person's, by the office or
    courtesy title written before it: "Governor Vorhagen said ... She said" (KTV, QA: the small
    model tags "Vorhagen" ORG, so "she" found no one), "Dr Vorhagen"."""
    if entity.label == "PERSON" or len(entity.text.split()) != 1 or not entity.text[:1].isupper():
        return False
    span = doc.char_span(entity.start, entity.end)
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.text[:1].isupper() and (is_office(before) or before.lower_ in HONORIFICS)


class _Resolution(NamedTuple):
    """Who a speaker phrase is, and of what kind ("PERSON", "ORG", ...). ``pronoun_agrees``: the
    phrase is "he" or "she" (or "his", "her") and is the one person nearby whose known gender
    agrees (Quote.pronoun_agrees)."""

    name: str | None
    label: str | None
    pronoun_agrees: bool = False


# Nouns for what someone said: with a possessor ("his statements") the possessor is the speaker.
_WORDS_OF_SOMEONE = frozenset("statement remark word comment account testimony words".split())

# Singular nouns that name a body of people, which "it" or "they" can refer back to.
_COLLECTIVE_NOUNS = frozenset("side government delegation team ministry committee council administration".split())


def _named_body(
    head: Token, position: int, ents: list[Entity], people: list[PersonMention], spoken: list[str]
) -> tuple[int, str] | None:
    """The latest organisation named before ``position`` whose name has the noun ("the ministry"
    -> "Russian Ministry of Defense"), within a few paragraphs, with where it is named."""
    words = {head.lower_, head.lemma_.lower()}
    for entity in reversed(ents):
        if entity.start >= position or entity.label != "ORG":
            continue
        if position - entity.start > _BODY_REACH:
            break
        if words & set(name_words(entity.text)):
            return entity.start, _canonical(entity, position, people, spoken, head.doc, ents)
    return None


# How far back (characters) "the ministry" looks for the ministry it refers to.
_BODY_REACH = 1500


def _is_group(head: Token) -> bool:
    # the small model tags a lower-case body noun a name at times ("The Karvian foreign ministry
    # said ... It said": "ministry" NNP, so "it" went to the country named before)
    common = head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.text.islower())
    return common and (head.tag_ == "NNS" or head.lemma_.lower() in _COLLECTIVE_NOUNS)


def _salient_person(
    position: int,
    history: list[tuple[int, str, str]],
    subjects: list[tuple[int, str, str]],
    people: list[PersonMention],
    spoken: list[str],
) -> str | None:
    """Most recent person speaker or person clause subject before ``position``."""
    last_speaker = max(((p, n) for p, n, label in history if label == "PERSON" and p < position), default=None)
    last_subject = max(((p, n) for p, n, label in subjects if label == "PERSON" and p < position), default=None)
    options = [o for o in (last_speaker, last_subject) if o is not None]
    if not options:
        return None
    pos, name = max(options)
    if (pos, name) == last_subject:
        return best_name(without_possessive(name), pos + 1, people, spoken)
    return name


def _latest(history: list[tuple[int, str, str]], position: int, label: str) -> str | None:
    wanted = {"PERSON": ("PERSON",), "BODY": ("ORG", "GPE", "NORP", "BODY")}.get(
        label, ("ORG", "GPE", "NORP", "GROUP", "BODY"))
    earlier = [(p, n) for p, n, lab in history if lab in wanted and p < position]
    return max(earlier)[1] if earlier else None


def _carried_over(text: str, previous: Quote, start: int) -> str | None:
    """An uncued quotation right after a quote goes on with that quote's speaker."""
    gap = text[previous.end:start]
    if previous.end > start or gap.count("\n") > 2 or len(gap) > 300:
        return None
    return previous.speaker_entity or previous.speaker
