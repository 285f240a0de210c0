"""Person mentions: the people an article names, each with the titles written next to the name
and what the mention says of the person's gender, and which of them a shorter name ("Tavares"), a
title ("the judge") or "he" and "she" refers to.

Speaker resolution (``speaker_resolution``) asks these questions of a speaker phrase; the evidence
for a gender is ``person_gender``'s.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import NamedTuple

from spacy.tokens import Doc, Token

from synopsis.extract.nlp import doc_text
from synopsis.extract.person_gender import (
    Gender,
    agreed,
    given_name_gender,
    honorific_gender,
    pronoun_gender,
    role_gender,
)
from synopsis.extract.quote_cues import ROLE_NOUNS
from synopsis.records import Entity


@dataclass(slots=True)
class PersonMention:
    """One mention of a person in an article, with what is written next to it."""

    name: str  # as mentioned
    start: int
    words: tuple[str, ...]
    titles: frozenset[str]  # lower-case words of attached titles ("kremlin", "aide")
    # what this mention says of the person's gender (person_gender): an honorific, a gendered role
    # noun next to it, a given name; None when it says nothing or contradicts itself
    gender: Gender | None = None
    # the head nouns of those titles, what the person is ("chief" of "Bank chief", "governor" of
    # "governor of the bank"): "the bank" names the body, not its chief (title_match)
    roles: frozenset[str] = frozenset()


def without_possessive(name: str) -> str:
    """A name as written, less a possessive "'s" ("Peskov's" -> "Peskov")."""
    return name.replace("’s", "").replace("'s", "")


def name_words(name: str) -> tuple[str, ...]:
    """A name's words, lower case, without a possessive's "'s" or stray dots and commas."""
    name = without_possessive(name)
    return tuple(w.strip(".,").lower() for w in name.split() if w.strip(".,"))


def find_people(doc: Doc, ents: list[Entity]) -> list[PersonMention]:
    """Person mentions with the titles written next to them ("Kremlin aide X", "X, the aide")."""
    people = []
    for entity in ents:
        if entity.label != "PERSON":
            continue
        titles: set[str] = set()
        # the role nouns that describe this person themself (not "the widow" of "a friend of the
        # widow"): the title, the words before the name, an apposition's head, or the noun the
        # name is in apposition to ("a ministry spokesman, Joao Lopes")
        roles: set[str] = set()
        # of those, the head nouns: what the person is, not what they are of ("Bank chief")
        heads: set[str] = set()
        if entity.title:
            titles.update(name_words(entity.title))
            roles.update(name_words(entity.title))
            heads.update(_title_heads(entity.title))
        span = doc.char_span(entity.start, entity.end, alignment_mode="expand")
        if span is not None:
            root = span.root
            for t in root.subtree:
                if t.i < span.start and t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("compound", "amod", "nmod"):
                    titles.add(t.lower_)
                    titles.add(t.lemma_.lower())
                    roles.add(t.lower_)
                    if t.pos_ != "ADJ" and span.start <= t.head.i < span.end:
                        heads.update((t.lower_, t.lemma_.lower()))
            for child in root.children:
                if child.dep_ == "appos":
                    titles.update(t.lower_ for t in child.subtree if t.pos_ in ("NOUN", "PROPN", "ADJ"))
                    titles.update(t.lemma_.lower() for t in child.subtree if t.pos_ == "NOUN")
                    roles.add(child.lower_)
                    heads.update((child.lower_, child.lemma_.lower()))
            if root.dep_ == "appos" and root.head.pos_ == "NOUN":
                roles.add(root.head.lower_)
                heads.update((root.head.lower_, root.head.lemma_.lower()))
        words = name_words(entity.text)
        gender = agreed((
            honorific_gender(doc_text(doc), entity.start, entity.text), role_gender(roles), given_name_gender(words),
        ))
        people.append(PersonMention(entity.text, entity.start, words, frozenset(titles), gender, frozenset(heads)))
    return people


def _title_heads(title: str) -> tuple[str, ...]:
    """The head noun of a written title, lower case: the last word before any "of" phrase and
    after any possessor ("Bank chief" -> "chief", "Governor of the Reserve Bank" -> "governor",
    "Reserve Bank's governor" -> "governor"); English puts a compound's head last."""
    before_of = re.split(r"\s+of\s+", title.strip(), maxsplit=1, flags=re.IGNORECASE)[0]
    owned = re.split(r"['’]s\s+", before_of)[-1]
    words = name_words(owned)
    return words[-1:]


def full_name(person_words: tuple[str, ...], position: int, people: list[PersonMention], speakers: list[str]) -> str | None:
    """The fullest mention of the same person: earlier ones first, prior speakers preferred."""
    if not person_words:
        return None
    candidates = [
        p for p in people
        if len(p.words) > len(person_words) and _contains_words(p.words, person_words)
    ]
    if not candidates:
        return None
    spoken = {s.lower() for s in speakers}

    def rank(p: PersonMention) -> tuple:
        return (p.start < position, " ".join(p.words) in spoken, p.start if p.start < position else -p.start)

    best = max(candidates, key=rank)
    # the usual full form of that person's name: among the mentions of two words or more
    # that contain it, the most frequent, then the shortest (an entity span that
    # swallowed a title, "Defense Council Secretary X Y", is rarer and longer)
    same = [p for p in people if len(p.words) >= 2 and _contains_words(p.words, person_words)]
    same = [p for p in same if _contains_words(best.words, p.words) or _contains_words(p.words, best.words)]
    counts: dict[tuple[str, ...], int] = {}
    for p in same:
        counts[p.words] = counts.get(p.words, 0) + 1
    chosen = max(same, key=lambda p: (counts[p.words], -len(p.words), -p.start))
    return without_possessive(chosen.name)


def _contains_words(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """Whether every word of ``shorter`` is one of ``longer``'s."""
    return all(w in longer for w in shorter)


def best_name(name: str, position: int, people: list[PersonMention], speakers: list[str]) -> str:
    """Canonical form of a person's name as the article writes it."""
    words = name_words(name)
    # an entity span that swallowed a title ("Defense Council Secretary Ruslan Umerov")
    # gives way to the plain name written elsewhere in the article
    inner = [p for p in people if 2 <= len(p.words) < len(words) and _contains_words(words, p.words)]
    if inner:
        return max(inner, key=lambda p: (sum(q.words == p.words for q in people), -len(p.words))).name
    return full_name(words, position, people, speakers) or name


class PronounReferent(NamedTuple):
    """The person "he" or "she" refers to (None when no one fits). ``agrees``: that person's known
    gender is the pronoun's and no one else nearby may be meant (Quote.pronoun_agrees)."""

    name: str | None
    agrees: bool = False


@dataclass(slots=True)
class PronounContext:
    """What "he" and "she" can refer to in one article: its people with the gender each mention
    gives, the genders of the pronouns already resolved to each, and where the reported words are
    (the people they mention are talked about; they are not who speaks next)."""

    people: list[PersonMention]
    contents: list[tuple[int, int]]
    said: dict[tuple[str, ...], list[Gender]] = field(default_factory=dict)

    def gender_of(self, name: str) -> Gender | None:
        """What the article says so far of this person's gender, over all their mentions."""
        words = name_words(name)
        mentioned = [p.gender for p in self.people if _same_person(p.words, words)]
        said = [g for other, genders in self.said.items() if _same_person(other, words) for g in genders]
        return agreed([*mentioned, *said])

    def resolve(
        self, pronoun: str, position: int, history: list[tuple[int, str, str]],
        subjects: list[tuple[int, str, str]], spoken: list[str],
    ) -> PronounReferent:
        """Who "he" or "she" at ``position`` is: the latest person who spoke or was a clause's
        subject and whose known gender does not disagree (unknown gender is allowed, as a name
        says nothing of it), else the latest person mentioned whose known gender agrees.

        The pronoun agrees when that person's gender is known to be the pronoun's and no other
        person whose gender may be the pronoun's is mentioned between them ("Tavares met Joao
        Silva. 'We are far apart,' he said": either man). When no one else is, the pronoun is
        remembered as evidence of the person's gender for later pronouns."""
        gender = pronoun_gender(pronoun)
        candidates = [(p, n) for p, n, label in history if label == "PERSON" and p < position]
        candidates += [(p, best_name(without_possessive(n), p + 1, self.people, spoken))
                       for p, n, label in subjects if label == "PERSON" and p < position]
        chosen = next(((p, n) for p, n in sorted(candidates, reverse=True)
                       if self.gender_of(n) in (None, gender)), None)
        if chosen is None:
            # no one who acted or spoke fits: a person only mentioned may ("came from Finance
            # Minister Carla Sousa ... she said")
            chosen = next(((p.start, best_name(p.name, p.start + 1, self.people, spoken))
                           for p in sorted(self.people, key=lambda p: -p.start)
                           if p.start < position and not self._reported(p.start) and self.gender_of(p.name) == gender),
                          None)
        if chosen is None:
            return PronounReferent(None)
        start, name = chosen
        words = name_words(name)
        rivals = [p for p in self.people
                  if start < p.start < position and not self._reported(p.start)
                  and not _same_person(p.words, words) and self.gender_of(p.name) in (None, gender)]
        if rivals:
            return PronounReferent(name)
        agrees = self.gender_of(name) == gender
        if gender is not None:
            self.said.setdefault(words, []).append(gender)
        return PronounReferent(name, agrees)

    def _reported(self, start: int) -> bool:
        return any(s <= start < e for s, e in self.contents)


def _same_person(first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether two name mentions may be one person's ("Tavares", "Rui Tavares")."""
    return bool(first) and bool(second) and (_contains_words(first, second) or _contains_words(second, first))


def titled_person(entity: Entity, people: list[PersonMention]) -> str | None:
    """A person whose name ends an entity span that swallowed the title ("Secretary of the
    National Security and Defense Council Ruslan Umerov", labelled ORG)."""
    words = name_words(entity.text)
    for p in people:
        if 2 <= len(p.words) < len(words) and words[-len(p.words):] == p.words:
            return p.name
    return None


def title_match(head: Token, modifiers: set[str], position: int, people: list[PersonMention], spoken: list[str]) -> str | None:
    """The most recent earlier person whose written title has this role noun as its head: "the
    governor" is "Bank chief X"'s only if a title calls X governor, and "the bank" never is (QA:
    "The bank insists it is independent" was shown as the words of "Bank chief X")."""
    role = {head.lower_, head.lemma_.lower()}
    best: tuple[int, int] | None = None
    best_person = None
    for p in people:
        if p.start >= position or not (role & p.roles):
            continue
        score = (len(modifiers & p.titles), p.start)
        if best is None or score > best:
            best, best_person = score, p
    if best_person is None:
        return None
    return best_name(best_person.name, position, people, spoken)


def holds_another_role(name: str, role: str, people: list[PersonMention]) -> bool:
    """Whether the article gives the person titles naming roles, none of them ``role``."""
    words = name_words(name)
    titles = frozenset().union(*(p.titles for p in people if p.words == words or _contains_words(words, p.words)))
    roles = titles & ROLE_NOUNS
    return bool(roles) and role not in titles


__all__ = [
    "PersonMention",
    "PronounContext",
    "PronounReferent",
    "best_name",
    "find_people",
    "full_name",
    "holds_another_role",
    "name_words",
    "title_match",
    "titled_person",
    "without_possessive",
]
