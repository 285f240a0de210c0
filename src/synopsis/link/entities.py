"""Cross-article entity resolution: one record per real person, place or organisation.

Mentions are compared only inside blocks that share the first phonetic letters of
a surname or name key, so the cost grows with the number of distinct name forms in
a block, not with all pairs of mentions in a story.
"""

from __future__ import annotations

import collections
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from synopsis.link.names import (
    TITLE_WORDS,
    PersonName,
    acronym,
    block_key,
    fold,
    given_compatible,
    given_names_compatible,
    is_acronym,
    key_text,
    key_token,
    office_label,
    parse_person,
    place_key,
    strip_name,
    split_title,
    surnames_match,
    titles_conflict,
)
from synopsis.records import Alias, ArticleAnalysis, Entity, Evidence, StoryEntity

# spaCy labels grouped by what may be merged: places with places, organisations
# with groups ("Kremlin" is tagged ORG in one article and NORP in another).
_GROUP_OF_LABEL = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
    "NORP": "org",
}
# Other named things are merged only on identical keys; numbers and dates are not
# entities to resolve (extract.quantities and extract.times handle them).
_OTHER_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})
# Places and organisations merge across these groups only on an identical key: the
# small model tags one name GPE here and ORG there ("Crimea", "Türkiye").
_CROSS_GROUPS = {frozenset({"place", "org"})}
# Names of organisations and places that differ by one or two letters are spelling
# variants ("Ministry of Defence"/"Ministry of Defense" 97); different places score
# lower ("Austria"/"Australia" 82, "Iran"/"Iraq" 75).
PLACE_MIN_RATIO = 92
PLACE_FUZZY_MIN_LENGTH = 6


@dataclass(slots=True)
class _Mention:
    article_id: str
    outlet: str
    index: int
    entity: Entity
    group: str
    label: str
    alias: str  # the name as written, without title and possessive
    key: str
    person: PersonName | None = None
    titles: tuple[str, ...] = ()


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
                    i for i in candidates if any(given_compatible(person.given, _given_of(alias.text)) for alias in self.entities[i].aliases)
                }
            if len(candidates) == 1:
                return self.entities[next(iter(candidates))]
            if candidates:
                return None
        hits = self._by_place_key.get(place_key(text), set())
        if len(hits) == 1:
            return self.entities[next(iter(hits))]
        return None


def _given_of(alias: str) -> tuple[str, ...]:
    parsed = parse_person(alias)
    return parsed.given if parsed else ()


class _UnionFind:
    """Disjoint sets over integers (clusters of name forms)."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, first: int, second: int) -> None:
        a, b = self.find(first), self.find(second)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = collections.defaultdict(list)
        for item in range(len(self.parent)):
            out[self.find(item)].append(item)
        return out


def resolve_entities(analyses: Sequence[ArticleAnalysis]) -> EntityResolution:
    """Merge entity mentions of all articles into one StoryEntity per real-world entity."""
    texts = {a.article.id: a.article.text for a in analyses}
    mentions = _collect_mentions(analyses)
    mentions = _relabel_by_majority(mentions)
    clusters = _cluster_people([m for m in mentions if m.group == "person"])
    clusters += _cluster_places([m for m in mentions if m.group in ("place", "org")])
    clusters += _cluster_exact([m for m in mentions if m.label in _OTHER_LABELS])
    built = sorted(
        ((_build_entity(cluster, texts), cluster) for cluster in clusters if cluster),
        key=lambda pair: (-len(pair[0].mentions), pair[0].name),
    )
    resolution = EntityResolution(entities=[entity for entity, _ in built])
    for index, (entity, cluster) in enumerate(built):
        for mention in cluster:
            resolution._by_mention[(mention.article_id, mention.index)] = index
            if mention.person is not None:
                if len(mention.person.tokens) > 1:
                    resolution._by_full_key.setdefault(mention.person.key, set()).add(index)
                resolution._by_surname.setdefault(key_token(mention.person.surname), set()).add(index)
            else:
                resolution._by_place_key.setdefault(mention.key, set()).add(index)
    return resolution


# ---------------------------------------------------------------------------
# Mentions
# ---------------------------------------------------------------------------


def _outlet_of(analysis: ArticleAnalysis) -> str:
    article = analysis.article
    return article.outlet.name if article.outlet is not None else (article.source or article.id)


def _collect_mentions(analyses: Sequence[ArticleAnalysis]) -> list[_Mention]:
    mentions = []
    for analysis in analyses:
        outlet = _outlet_of(analysis)
        for index, entity in enumerate(analysis.entities):
            group = _GROUP_OF_LABEL.get(entity.label, entity.label.lower())
            mention = _make_mention(analysis.article.id, outlet, index, entity, group, entity.label)
            if mention is not None:
                mentions.append(mention)
    return mentions


def _make_mention(article_id: str, outlet: str, index: int, entity: Entity, group: str, label: str) -> _Mention | None:
    if group == "person":
        person = parse_person(entity.text)
        if person is None:
            return None
        given_before = entity.title_end is not None and entity.title_end <= entity.start
        titles = tuple(
            dict.fromkeys(t for t in (_clean_title(entity.title, given_before), _clean_title(person.title, True)) if t)
        )
        return _Mention(article_id, outlet, index, entity, group, label, person.text, person.key, person, titles)
    alias = strip_name(entity.text)
    key = place_key(alias) if group in ("place", "org") else key_text(alias)
    if not key:
        return None
    return _Mention(article_id, outlet, index, entity, group, label, alias, key)


_TRAILING_CONNECTORS = frozenset({"of", "to", "for", "the", "and", "by", "with", "from", "at", "in"})


def _clean_title(title: str | None, before_name: bool = False) -> str | None:
    """Return the part of a title that is the person's own office, or None.

    A title written in front of the name may carry another person's words
    ("adviser to President [Putin]", "Russian President Vladimir Putin and Ukrainian
    President [Zelensky]"): only the last office before the name is this person's.
    """
    if not title:
        return None
    words = title.replace("\n", " ").split()
    if before_name:
        parts = split_title(" ".join(words))
        last = parts[-1]
        head, joined, tail = last.rpartition(" and ")
        if joined and not any(fold(w) in TITLE_WORDS for w in head.split()):
            last = tail  # "Zelensky and Russian President [Putin]": the left side is a name
        words = last.split()
        for i in range(len(words) - 1, -1, -1):
            if fold(words[i]) in {"to", "for"}:
                words = words[i + 1 :]
                break
        if words and fold(words[-1]) in _TRAILING_CONNECTORS:
            return None  # "head of [Zelensky's office]": the name is the object, not the holder
    while words and fold(words[0]) in {"the", "and", ","}:
        words = words[1:]
    cleaned = " ".join(words).strip(" ,;:")
    if not cleaned or not any(fold(w) in TITLE_WORDS or w[:1].islower() for w in cleaned.split()):
        return None  # a stray name ("Rustem") is not a title
    return cleaned


def _relabel_by_majority(mentions: list[_Mention]) -> list[_Mention]:
    """Fix labels the tagger got wrong in some articles, by the story-wide majority for that name.

    The small model tags a surname as ORG or GPE in some sentences and a city as
    PERSON in others; across a story the right reading usually dominates.
    """
    person_full = {m.person.key for m in mentions if m.person is not None and len(m.person.tokens) > 1}
    full_surnames = {key.split()[-1] for key in person_full}
    person_support: collections.Counter[str] = collections.Counter()
    for m in mentions:
        if m.person is not None:
            person_support[key_token(m.person.surname)] += 1
    other_support: collections.Counter[str] = collections.Counter(m.key for m in mentions if m.group in ("place", "org"))
    other_labels: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for m in mentions:
        if m.group in ("place", "org"):
            other_labels[m.key][m.label] += 1
    out = []
    for m in mentions:
        if m.group in ("place", "org"):
            person = parse_person(m.entity.text)
            if person is not None and (
                (len(person.tokens) > 1 and person.key in person_full)
                or (
                    len(person.tokens) == 1
                    and not person.title
                    and person.key in full_surnames
                    and person_support[person.key] > other_support[m.key]
                )
            ):
                relabelled = _make_mention(m.article_id, m.outlet, m.index, m.entity, "person", "PERSON")
                if relabelled is not None:
                    m = relabelled
        elif m.person is not None and len(m.person.tokens) == 1 and not m.titles:
            key = place_key(m.alias)
            # A lone "surname" that no full name in the story carries but that is
            # written as a place elsewhere is the place ("Kyiv" tagged PERSON).
            if other_support[key] and m.key not in full_surnames:
                label = other_labels[key].most_common(1)[0][0]
                m = _Mention(m.article_id, m.outlet, m.index, m.entity, _GROUP_OF_LABEL[label], label, strip_name(m.entity.text), key)
        out.append(m)
    return out


# ---------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------


def _cluster_people(mentions: list[_Mention]) -> list[list[_Mention]]:
    forms: dict[str, list[_Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[m.key].append(m)
    full = [k for k in forms if len(k.split()) > 1]
    single = [k for k in forms if len(k.split()) == 1]
    # Most common forms first, so complete-link merging grows from the strongest names.
    full.sort(key=lambda k: (-len(forms[k]), k))
    index_of = {k: i for i, k in enumerate(full)}
    parsed = {k: forms[k][0].person for k in forms}
    union = _UnionFind(len(full))
    members: dict[int, list[str]] = {i: [k] for i, k in enumerate(full)}
    blocks: dict[str, list[str]] = collections.defaultdict(list)
    for k in full:
        blocks[block_key(parsed[k].surname)].append(k)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            root_a, root_b = union.find(index_of[a]), union.find(index_of[b])
            if root_a == root_b or not surnames_match(parsed[a].surname, parsed[b].surname):
                continue
            # Complete link: "V. Smith" must not chain "Victor Smith" to "Vera Smith".
            if all(given_compatible(parsed[x].given, parsed[y].given) for x in members[root_a] for y in members[root_b]):
                union.union(root_a, root_b)
                merged = members.pop(root_a) + members.pop(root_b)
                members[union.find(root_a)] = merged
    clusters = [[full[i] for i in members] for members in union.groups().values()]
    clusters = _merge_same_role(clusters, parsed, forms)

    result = [[m for k in keys for m in forms[k]] for keys in clusters]
    by_surname: dict[str, list[int]] = collections.defaultdict(list)
    by_first: dict[str, list[int]] = collections.defaultdict(list)
    for ci, keys in enumerate(clusters):
        for k in keys:
            by_surname[block_key(parsed[k].surname)].append(ci)
            by_first[key_token(parsed[k].tokens[0])].append(ci)
    leftovers: list[_Mention] = []
    for k in single:
        token = parsed[k].surname
        candidates = sorted(
            {ci for ci in by_surname.get(block_key(token), []) if any(surnames_match(token, parsed[f].surname) for f in clusters[ci])}
        )
        if not candidates:
            # Surname-first names ("President Xi" -> "Xi Jinping") and given names alone.
            candidates = sorted(set(by_first.get(key_token(token), [])))
        for m in forms[k]:
            chosen = _choose_cluster(m, candidates, result)
            if chosen is None:
                leftovers.append(m)
            else:
                result[chosen].append(m)
    result += _cluster_surnames(leftovers)
    return result


def _choose_cluster(mention: _Mention, candidates: list[int], clusters: list[list[_Mention]]) -> int | None:
    """Pick the person a surname-only mention means: the only one, or the only one in its article."""
    if len(candidates) == 1:
        return candidates[0]
    in_article = [ci for ci in candidates if any(m.article_id == mention.article_id for m in clusters[ci])]
    if len(in_article) == 1:
        return in_article[0]
    if mention.titles:
        fitting = [ci for ci in (in_article or candidates) if _titles_fit(mention.titles, clusters[ci])]
        if len(fitting) == 1:
            return fitting[0]
    return None


def _titles_fit(titles: Iterable[str], cluster: list[_Mention]) -> bool:
    labels = {office_label(t) for t in titles} - {None}
    return bool(labels & {office_label(t) for m in cluster for t in m.titles})


def _merge_same_role(clusters: list[list[str]], parsed: dict[str, PersonName], forms: dict[str, list[_Mention]]) -> list[list[str]]:
    """Merge same-surname people whose first names differ when outlets give them the same office.

    "John Smith, Defense Minister" in one outlet and "Jim Smith, Defense Minister"
    in another are one person with a disputed first name (reported as a finding);
    without a shared office two different first names mean two people.
    """
    union = _UnionFind(len(clusters))
    blocks: dict[str, list[int]] = collections.defaultdict(list)
    for ci, keys in enumerate(clusters):
        blocks[block_key(parsed[keys[0]].surname)].append(ci)
    offices = [{office_label(t) for k in keys for m in forms[k] for t in m.titles} - {None} for keys in clusters]
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            if not surnames_match(parsed[clusters[a][0]].surname, parsed[clusters[b][0]].surname):
                continue
            if offices[a] & offices[b]:
                union.union(a, b)
    return [[k for ci in members for k in clusters[ci]] for members in union.groups().values()]


def _cluster_surnames(mentions: list[_Mention]) -> list[list[_Mention]]:
    """Group surname-only mentions that match no full name (or more than one) by surname."""
    forms: dict[str, list[_Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[m.key].append(m)
    keys = sorted(forms, key=lambda k: (-len(forms[k]), k))
    union = _UnionFind(len(keys))
    blocks: dict[str, list[int]] = collections.defaultdict(list)
    for i, k in enumerate(keys):
        blocks[k[:2]].append(i)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            if surnames_match(keys[a], keys[b]):
                union.union(a, b)
    return [[m for i in members for m in forms[keys[i]]] for members in union.groups().values()]


# ---------------------------------------------------------------------------
# Places and organisations
# ---------------------------------------------------------------------------


def _cluster_places(mentions: list[_Mention]) -> list[list[_Mention]]:
    forms: dict[tuple[str, str], list[_Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[(m.group, m.key)].append(m)
    keys = sorted(forms, key=lambda k: (-len(forms[k]), k))
    union = _UnionFind(len(keys))
    by_key: dict[str, list[int]] = collections.defaultdict(list)
    blocks: dict[tuple[str, str], list[int]] = collections.defaultdict(list)
    for i, (group, key) in enumerate(keys):
        by_key[key].append(i)
        blocks[(group, key[:2])].append(i)
    for same in by_key.values():
        for i in same[1:]:
            if frozenset({keys[same[0]][0], keys[i][0]}) in _CROSS_GROUPS or keys[i][0] == keys[same[0]][0]:
                union.union(same[0], i)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            ka, kb = keys[a][1], keys[b][1]
            if min(len(ka), len(kb)) >= PLACE_FUZZY_MIN_LENGTH and fuzz.ratio(ka, kb) >= PLACE_MIN_RATIO and _tokens_close(ka, kb):
                union.union(a, b)
    # Acronyms: "NATO" joins "North Atlantic Treaty Organization" when exactly one
    # long form in the story has those initials.
    initials: dict[str, set[int]] = collections.defaultdict(set)
    for i, (group, key) in enumerate(keys):
        for m in forms[keys[i]][:1]:
            short = acronym(m.alias)
            if short:
                initials[short].add(i)
    for i, (group, key) in enumerate(keys):
        if any(is_acronym(m.alias) for m in forms[keys[i]]):
            roots = {union.find(j) for j in initials.get(fold(key).replace(" ", ""), set())}
            if len(roots) == 1:
                union.union(i, roots.pop())
    return [[m for i in members for m in forms[keys[i]]] for members in union.groups().values()]


# Each word of a misspelt name stays close to its counterpart ("defence"/"defense"
# 86), while a different word of similar letters does not ("ministry"/"minister" 75).
TOKEN_MIN_RATIO = 80


def _tokens_close(first: str, second: str) -> bool:
    words_a, words_b = first.split(), second.split()
    return len(words_a) == len(words_b) and all(
        wa[-1] == wb[-1] and fuzz.ratio(wa, wb) >= TOKEN_MIN_RATIO for wa, wb in zip(words_a, words_b)
    )


def _cluster_exact(mentions: list[_Mention]) -> list[list[_Mention]]:
    forms: dict[tuple[str, str], list[_Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[(m.label, m.key)].append(m)
    return list(forms.values())


# ---------------------------------------------------------------------------
# Building the record
# ---------------------------------------------------------------------------


def _aliases(pairs: Iterable[tuple[str, str]]) -> tuple[Alias, ...]:
    """Turn (text, outlet) pairs into Alias records, most used first."""
    counts: collections.Counter[str] = collections.Counter()
    outlets: dict[str, dict[str, None]] = collections.defaultdict(dict)
    for text, outlet in pairs:
        counts[text] += 1
        outlets[text][outlet] = None
    ordered = sorted(counts, key=lambda t: (-len(outlets[t]), -counts[t], t))
    return tuple(Alias(text=t, outlets=tuple(sorted(outlets[t])), count=counts[t]) for t in ordered)


def _choose_name(cluster: list[_Mention], aliases: tuple[Alias, ...]) -> str:
    """Pick the display name: a full form used by most outlets, then most often, then longest."""
    def is_full(alias: Alias) -> bool:
        if cluster[0].group == "person":
            parsed = parse_person(alias.text)
            return parsed is not None and len(parsed.tokens) > 1
        return not is_acronym(alias.text)

    full = [a for a in aliases if is_full(a)] or list(aliases)
    # Ties between full forms go to the surname spelling most outlets use, counting
    # surname-only mentions too ("Zelensky" alone in three outlets beats "Zelenskiy").
    surname_outlets: dict[str, set[str]] = collections.defaultdict(set)
    for alias in aliases:
        surname_outlets[fold(alias.text.split()[-1])].update(alias.outlets)
    best = max(
        full,
        key=lambda a: (
            len(a.outlets),
            len(surname_outlets[fold(a.text.split()[-1])]),
            a.count,
            len(a.text.split()),
            a.text != fold(a.text),
            a.text[:1].isupper(),
            a.text,
        ),
    )
    return best.text


def _build_entity(cluster: list[_Mention], texts: Mapping[str, str]) -> StoryEntity:
    cluster.sort(key=lambda m: (m.article_id, m.entity.start))
    aliases = _aliases((m.alias, m.outlet) for m in cluster)
    name = _choose_name(cluster, aliases)
    label = collections.Counter(m.label for m in cluster).most_common(1)[0][0]
    titles = _aliases((t, m.outlet) for m in cluster for t in m.titles)
    findings = []
    if cluster[0].group == "person":
        findings += _given_name_findings(cluster, name)
        findings += _office_findings(titles, name)
    if _GROUP_OF_LABEL.get(label) in ("person", "place"):  # "Defence"/"Defense" in a ministry's name is house style
        findings += _spelling_findings(cluster, name)
    mentions = tuple(_mention_evidence(m, texts.get(m.article_id)) for m in cluster)
    return StoryEntity(name=name, type=label, aliases=aliases, titles=titles, findings=tuple(findings), mentions=mentions)


# A title further than this from the name is not printed next to it; the
# evidence then shows the name alone.
_TITLE_REACH = 160


def _mention_evidence(mention: _Mention, text: str | None) -> Evidence:
    """The mention as evidence, widened to cover its title ("Kremlin aide Vladimir Medinsky")."""
    entity = mention.entity
    start, end = entity.start, entity.end
    if text is not None and entity.title_start is not None and entity.title_end is not None:
        if abs(entity.title_start - start) <= _TITLE_REACH and abs(entity.title_end - end) <= _TITLE_REACH:
            start, end = min(start, entity.title_start), max(end, entity.title_end)
    snippet = text[start:end] if text is not None else entity.text
    return Evidence(article_id=mention.article_id, outlet=mention.outlet, start=start, end=end, text=snippet)


def _format_versions(versions: list[tuple[str, Iterable[str]]]) -> str:
    return "; ".join(f"{text} ({', '.join(sorted(outlets))})" for text, outlets in versions)


def _given_name_findings(cluster: list[_Mention], name: str) -> list[str]:
    """Report when outlets give one person first names that are not spellings of each other."""
    variants: list[tuple[str, dict[str, None], int]] = []  # (first name, outlets, count)
    for m in cluster:
        if m.person is None or len(m.person.tokens) < 2:
            continue
        first = m.person.tokens[0]
        if len(fold(first)) <= 1:
            continue  # an initial fits any name
        for i, (text, outlets, count) in enumerate(variants):
            if given_names_compatible(text, first):
                outlets[m.outlet] = None
                variants[i] = (text, outlets, count + 1)
                break
        else:
            variants.append((first, {m.outlet: None}, 1))
    if len(variants) < 2:
        return []
    variants.sort(key=lambda v: (-len(v[1]), -v[2], v[0]))
    listed = " vs ".join(f"{text} ({', '.join(sorted(outlets))})" for text, outlets, _ in variants)
    return [f"outlets give different first names for {name}: {listed}"]


def _office_findings(titles: tuple[Alias, ...], name: str) -> list[str]:
    """Report when outlets give one person offices that cannot all hold at the time of the event."""
    groups: dict[tuple, list[Alias]] = collections.defaultdict(list)
    for alias in titles:
        label = office_label(alias.text)
        if label is not None:
            groups[label].append(alias)
    shown = {label: max(members, key=lambda a: (len(a.outlets), a.count, a.text)).text for label, members in groups.items()}
    conflicting = [
        label for label in groups if any(other != label and titles_conflict(shown[label], shown[other]) for other in groups)
    ]
    if not conflicting:
        return []
    versions = []
    for label in sorted(conflicting, key=lambda lab: (-len({o for a in groups[lab] for o in a.outlets}), shown[lab])):
        outlets = {o for a in groups[label] for o in a.outlets}
        versions.append((shown[label], outlets))
    return [f"outlets give different offices for {name}: {_format_versions(versions)}"]


def _spelling_findings(cluster: list[_Mention], name: str) -> list[str]:
    """Report when outlets prefer different spellings of a name (Kyiv/Kiev, Zelensky/Zelenskyy).

    Each outlet's most used spelling is compared, so an outlet that once writes a
    long form ("Russian Federation") is not news, but one that writes "Kiev" where
    others write "Kyiv" is.  Diacritics alone (Erdoğan/Erdogan) do not count.
    """
    per_outlet: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    shown: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for m in cluster:
        if m.person is not None:
            text = m.person.surname
        elif is_acronym(m.alias):
            continue
        else:
            text = m.alias
        per_outlet[m.outlet][fold(text)] += 1
        shown[fold(text)][text] += 1
    preferred: dict[str, list[str]] = collections.defaultdict(list)
    for outlet, counts in per_outlet.items():
        best = max(counts.items(), key=lambda item: (item[1], sum(shown[item[0]].values()), item[0]))[0]
        preferred[best].append(outlet)
    if len(preferred) < 2:
        return []
    versions = sorted(
        ((shown[f].most_common(1)[0][0], outlets) for f, outlets in preferred.items()),
        key=lambda v: (-len(v[1]), v[0]),
    )
    return [f"outlets spell {name} differently: {_format_versions(versions)}"]
