"""Cross-article entity resolution: one record per real person, place or organisation.

Mentions are compared only inside blocks that share the first phonetic letters of
a surname or name key, so the cost grows with the number of distinct name forms in
a block, not with all pairs of mentions in a story.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from synopsis.link.entity_clustering import (
    cluster_exact,
    cluster_people,
    cluster_places,
    given_of,
)
from synopsis.link.entity_bodies import separate_bodies
from synopsis.link.entity_findings import build_entity
from synopsis.link.entity_mentions import (
    OTHER_LABELS,
    UNTAGGED,
    collect_mentions,
    relabel_by_majority,
    untagged_place_mentions,
)
from synopsis.link.names import given_compatible, key_token, parse_person, place_key, surnames_match
from synopsis.records import ArticleAnalysis, StoryEntity

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
        found = self.find(text)
        return None if found is None else found.name

    def find(self, text: str) -> StoryEntity | None:
        """Return the story entity a free-text name refers to, or None when unknown or ambiguous."""
        person = parse_person(text)
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
        hits = self._by_place_key.get(place_key(text), set())
        if len(hits) == 1:
            return self.entities[next(iter(hits))]
        return None


def resolve_entities(analyses: Sequence[ArticleAnalysis]) -> EntityResolution:
    """Merge entity mentions of all articles into one StoryEntity per real-world entity."""
    texts = {a.article.id: a.article.text for a in analyses}
    mentions = collect_mentions(analyses)
    mentions = relabel_by_majority(mentions)
    clusters = cluster_people([m for m in mentions if m.group == "person"])
    places = separate_bodies(cluster_places([m for m in mentions if m.group in ("place", "org")]), texts)
    clusters += untagged_place_mentions(places, analyses)
    clusters += cluster_exact([m for m in mentions if m.label in OTHER_LABELS])
    built = sorted(
        ((build_entity(cluster, texts), cluster) for cluster in clusters if cluster),
        key=lambda pair: (-len(pair[0].mentions), pair[0].name),
    )
    resolution = EntityResolution(entities=[entity for entity, _ in built])
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
    return resolution
