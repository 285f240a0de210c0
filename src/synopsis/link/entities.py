"""Cross-article entity resolution: one record per real person, place or organisation.

Mentions are compared only inside blocks that share the first phonetic letters of
a surname or name key, so the cost grows with the number of distinct name forms in
a block, not with all pairs of mentions in a story.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from synopsis.extract.quote_cues import DOCUMENT_NOUNS, SPEAKER_NOUNS
from synopsis.link.entity_clustering import (
    cluster_exact,
    cluster_people,
    cluster_places,
    given_of,
    short_heads,
)
from synopsis.link.entity_bodies import body_key, country_key, separate_bodies
from synopsis.link.entity_findings import build_entity
from synopsis.link.entity_mentions import (
    OTHER_LABELS,
    UNTAGGED,
    collect_mentions,
    relabel_by_majority,
    untagged_place_mentions,
)
from synopsis.ingest.outlets import outlet_name
from synopsis.link.organisation_names import complete_organisation_names, fullest_form
from synopsis.link.names import key_token
from synopsis.link.person_names import given_compatible, parse_person, surnames_match
from synopsis.link.place_names import place_key, strip_name
from synopsis.records import Alias, ArticleAnalysis, StoryEntity

# Re-exported so that callers keep importing these names from this module.
from synopsis.link.entity_clustering import PLACE_FUZZY_MIN_LENGTH, PLACE_MIN_RATIO, TOKEN_MIN_RATIO  # noqa: F401


@dataclass(frozen=True)
class EntityResolution:
    """Story entities plus look-ups from article mentions and free text to canonical names."""

    entities: list[StoryEntity]
    _by_mention: dict[tuple[str, int], int] = field(default_factory=dict, repr=False)
    _by_full_key: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _by_surname: dict[str, set[int]] = field(default_factory=dict, repr=False)
    _by_place_key: dict[str, set[int]] = field(default_factory=dict, repr=False)
    # One name per government body that its country names (link.entity_bodies.body_key): "Karvia's
    # foreign ministry" and "the Karvian foreign ministry" are one speaker, whether or not the
    # tagger made either an entity.
    _by_body: dict[tuple[str, str], str] = field(default_factory=dict, repr=False)
    _story_countries: frozenset[str] = frozenset()
    # Organisations by the short names their names are written as ("reserve bank" for "Reserve Bank
    # of Kelmora", "comision" for "European Commission").
    _by_org_head: dict[str, set[int]] = field(default_factory=dict, repr=False)

    def canonical(self, article_id: str, entity_index: int) -> str | None:
        """Return the canonical name of entity ``entity_index`` of an article, if resolved."""
        found = self._by_mention.get((article_id, entity_index))
        return None if found is None else self.entities[found].name

    def entity(self, article_id: str, entity_index: int) -> StoryEntity | None:
        """Return the story entity a mention belongs to, if resolved."""
        found = self._by_mention.get((article_id, entity_index))
        return None if found is None else self.entities[found]

    def canonical_name(self, text: str) -> str | None:
        """Return the canonical name for a name found elsewhere (a quote's speaker), if unambiguous."""
        body = self._by_body.get(body_key(text, self._story_countries)) if self._by_body else None
        if body is not None:
            return body
        found = self.find(text)
        return None if found is None else found.name

    def find(self, text: str) -> StoryEntity | None:
        """Return the story entity a free-text name refers to, or None when unknown or ambiguous."""
        person = None if names_someone_of(text) else parse_person(text)
        if person is not None:
            hits = self._by_full_key.get(person.key, set())
            if len(hits) == 1:
                return self.entities[next(iter(hits))]
            candidates = set()
            for surname, indices in self._by_surname.items():
                if surnames_match(surname, person.surname):
                    candidates |= indices
            if len(person.tokens) > 1:
                candidates = {
                    i for i in candidates if any(given_compatible(person.given, given_of(alias.text)) for alias in self.entities[i].aliases)
                }
            if len(candidates) == 1:
                return self.entities[next(iter(candidates))]
            if candidates:
                return None
        key = place_key(text)
        hits = self._by_place_key.get(key, set())
        if len(hits) == 1:
            return self.entities[next(iter(hits))]
        if not hits:
            return self._organisation_named_short_or_long(key, text)
        return None

    def _organisation_named_short_or_long(self, key: str, text: str) -> StoryEntity | None:
        """The one organisation a name no entity has names in a shorter or a longer form: a
        speaker "the Reserve Bank of Kelmora" where the tagger found only "Reserve Bank", or "the
        Commission" where it found "European Commission" (as clustering joins them,
        entity_clustering._join_short_forms); None when two organisations share that head."""
        found = set(self._by_org_head.get(key, set()))
        head, of, _ = key.partition(" of ")
        written_head = strip_name(text).split(" of ")[0].split()
        # only a name's own head before "of" ("Reserve Bank of ..."): a speaker's phrase ending in
        # one ("economists at the Kelmora Development Bank") names the people, not the bank
        if of and written_head and all(word[:1].isupper() for word in written_head) and head in short_heads(key, text, set()):
            found |= {i for i in self._by_place_key.get(head, set()) if self.entities[i].type == "ORG"}
            found |= self._by_org_head.get(head, set())
        return self.entities[next(iter(found))] if len(found) == 1 else None


# "X's regime said": what follows a possessive, read to its head noun.
_AFTER_POSSESSIVE = re.compile(r"['’]s?\s+((?:[a-z][\w-]*\s+)*[a-z][\w-]*)\s*$")


def names_someone_of(text: str) -> bool:
    """Whether a speaker's name is someone or some body of a person, not the person: a possessive
    before a noun for people or a body ("Dzhaksybekov's regime", "Putin's chief spokesman",
    "Marwick's aides", ``quote_cues.SPEAKER_NOUNS``), where what the person said is theirs
    ("Putin's statement", a document, is his)."""
    match = _AFTER_POSSESSIVE.search(text.strip())
    if match is None:
        return False
    head = match.group(1).split()[-1]
    people = SPEAKER_NOUNS - DOCUMENT_NOUNS
    return head in people or (head.endswith("s") and head[:-1] in people)


def resolve_entities(analyses: Sequence[ArticleAnalysis]) -> EntityResolution:
    """Merge entity mentions of all articles into one StoryEntity per real-world entity."""
    texts = {a.article.id: a.article.text for a in analyses}
    mentions = complete_organisation_names(collect_mentions(analyses), analyses)
    mentions = relabel_by_majority(mentions)
    clusters = cluster_people([m for m in mentions if m.group == "person"])
    places = separate_bodies(cluster_places([m for m in mentions if m.group in ("place", "org")]), texts)
    clusters += untagged_place_mentions(places, analyses)
    clusters += cluster_exact([m for m in mentions if m.label in OTHER_LABELS])
    built = sorted(
        ((build_entity(cluster, texts), cluster) for cluster in clusters if cluster),
        key=lambda pair: (-len(pair[0].mentions), pair[0].name),
    )
    entities = [entity for entity, _ in built]
    countries = _story_countries(entities)
    place_keys = {m.key for cluster in clusters for m in cluster if m.group == "place"}
    resolution = EntityResolution(entities=entities, _by_body=_body_names(analyses, entities, countries),
                                  _story_countries=countries)
    for index, (entity, cluster) in enumerate(built):
        for mention in cluster:
            if mention.index == UNTAGGED:
                continue  # found by its spelling alone: no entity of its article to look up
            resolution._by_mention[(mention.article_id, mention.index)] = index
            if mention.person is not None:
                if len(mention.person.tokens) > 1:
                    resolution._by_full_key.setdefault(mention.person.key, set()).add(index)
                resolution._by_surname.setdefault(key_token(mention.person.surname), set()).add(index)
            else:
                resolution._by_place_key.setdefault(mention.key, set()).add(index)
                if entity.type == "ORG":
                    for head in short_heads(mention.key, mention.alias, place_keys):
                        resolution._by_org_head.setdefault(head, set()).add(index)
    _name_organisations_as_speakers_write_them(resolution, analyses)
    return resolution


def _name_organisations_as_speakers_write_them(resolution: EntityResolution,
                                               analyses: Sequence[ArticleAnalysis]) -> None:
    """Give an organisation the longer forms of its name that quotes' speakers write where the
    tagger found only the short one ("the Reserve Bank of Kelmora said" beside a tagged "Reserve
    Bank"): each is an alias, and the fullest form written is the entity's name."""
    written: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for analysis in analyses:
        outlet = outlet_name(analysis.article)
        for quote in analysis.quotes:
            for name in dict.fromkeys(n for n in (quote.speaker, quote.speaker_entity) if n):
                form = strip_name(name)
                key = place_key(form)
                if not key or key in resolution._by_place_key:
                    continue
                entity = resolution._organisation_named_short_or_long(key, form)
                if entity is not None and place_key(entity.name) in short_heads(key, form, set()):
                    written[resolution.entities.index(entity)].append((form, outlet))
    for index, forms in written.items():
        entity = resolution.entities[index]
        aliases = entity.aliases + tuple(
            Alias(text=form, outlets=tuple(sorted({o for f, o in forms if f == form})),
                  count=sum(f == form for f, _ in forms))
            for form in dict.fromkeys(form for form, _ in forms))
        resolution.entities[index] = replace(
            entity, name=fullest_form(entity.name, [alias.text for alias in aliases]), aliases=aliases)
        for form, _ in forms:
            resolution._by_place_key.setdefault(place_key(form), set()).add(index)


def _story_countries(entities: Sequence[StoryEntity]) -> frozenset[str]:
    """Country keys of the story's states and peoples (its GPE and NORP entities, as written)."""
    return frozenset(country_key(alias.text) for e in entities if e.type in ("GPE", "NORP") for alias in e.aliases)


def _body_names(analyses: Sequence[ArticleAnalysis], entities: Sequence[StoryEntity], countries: frozenset[str]) -> dict[tuple[str, str], str]:
    """The one name each government body named with its country goes by: the name of its entity
    when the tagger found one, else the form quotes' speakers use most (the shortest of a tie)."""
    names: dict[tuple[str, str], str] = {}
    for entity in entities:  # most mentioned first
        if entity.type == "ORG":
            for alias in entity.aliases:
                if (key := body_key(alias.text, countries)) is not None:
                    names.setdefault(key, entity.name)
    spoken: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for analysis in analyses:
        for quote in analysis.quotes:
            name = quote.speaker_entity or quote.speaker
            if name and (key := body_key(name, countries)) is not None and key not in names:
                spoken[key][name] += 1
    for key, forms in spoken.items():
        names[key] = min(forms, key=lambda form: (-forms[form], len(form), form))
    return names
