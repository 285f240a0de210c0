"""Clustering: mentions of one person, place or organisation across spellings and outlets."""

from __future__ import annotations

import collections
import itertools
import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from synopsis.extract.body_countries import is_country
from synopsis.extract.name_words import COMPANY_WORDS
from synopsis.extract.quote_cues import BODY_NOUNS
from synopsis.link.entity_mentions import Mention, registered_outlet
from synopsis.link.names import fold, key_text, key_token
from synopsis.link.offices import office_label
from synopsis.link.person_names import (
    PersonName,
    block_key,
    gendered_forms,
    given_compatible,
    parse_person,
    surnames_match,
)
from synopsis.link.place_names import acronym, is_acronym


# Places and organisations merge across these groups only on an identical key: the
# small model tags one name GPE here and ORG there ("Crimea", "Türkiye").
_CROSS_GROUPS = {frozenset({"place", "org"})}

# Names of organisations and places that differ by one or two letters are spelling
# variants ("Ministry of Defence"/"Ministry of Defense" 97); different places score
# lower ("Austria"/"Australia" 82, "Iran"/"Iraq" 75).
PLACE_MIN_RATIO = 92
PLACE_FUZZY_MIN_LENGTH = 6


def given_of(alias: str) -> tuple[str, ...]:
    parsed = parse_person(alias)
    return parsed.given if parsed else ()


class UnionFind:
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


def cluster_people(mentions: list[Mention]) -> list[list[Mention]]:
    forms: dict[str, list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[m.key].append(m)
    full = [k for k in forms if len(k.split()) > 1]
    single = [k for k in forms if len(k.split()) == 1]
    # Most common forms first, so complete-link merging grows from the strongest names.
    full.sort(key=lambda k: (-len(forms[k]), k))
    index_of = {k: i for i, k in enumerate(full)}
    parsed = {k: forms[k][0].person for k in forms}
    union = UnionFind(len(full))
    members: dict[int, list[str]] = {i: [k] for i, k in enumerate(full)}
    blocks: dict[str, list[str]] = collections.defaultdict(list)
    for k in full:
        blocks[block_key(parsed[k].surname)].append(k)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            root_a, root_b = union.find(index_of[a]), union.find(index_of[b])
            if root_a == root_b:
                continue
            if not surnames_match(parsed[a].surname, parsed[b].surname):
                # "Maria Petrova" written "Maria Petrov" by one outlet: the masculine form of the
                # family name is hers only when the whole given name is hers too (Ivan Petrov and
                # Ivana Petrova, or A. Petrov and Anna Petrova, are two people).
                if not (gendered_forms(parsed[a].surname, parsed[b].surname) and _same_given(parsed, members[root_a] + members[root_b])):
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
    leftovers: list[Mention] = []
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


def _same_given(parsed: dict[str, PersonName], keys: list[str]) -> bool:
    """Whether all these full names give the same given names, in full (no initials)."""
    givens = {tuple(key_token(token) for token in parsed[k].given) for k in keys}
    return len(givens) == 1 and all(len(token) > 1 for token in next(iter(givens)))


def _choose_cluster(mention: Mention, candidates: list[int], clusters: list[list[Mention]]) -> int | None:
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


def _titles_fit(titles: Iterable[str], cluster: list[Mention]) -> bool:
    labels = {office_label(t) for t in titles} - {None}
    return bool(labels & {office_label(t) for m in cluster for t in m.titles})


def _merge_same_role(clusters: list[list[str]], parsed: dict[str, PersonName], forms: dict[str, list[Mention]]) -> list[list[str]]:
    """Merge same-surname people whose first names differ when outlets give them the same office.

    "John Smith, Defense Minister" in one outlet and "Jim Smith, Defense Minister"
    in another are one person with a disputed first name (reported as a finding);
    without a shared office two different first names mean two people.
    """
    union = UnionFind(len(clusters))
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


def _cluster_surnames(mentions: list[Mention]) -> list[list[Mention]]:
    """Group surname-only mentions that match no full name (or more than one) by surname."""
    forms: dict[str, list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[m.key].append(m)
    keys = sorted(forms, key=lambda k: (-len(forms[k]), k))
    union = UnionFind(len(keys))
    blocks: dict[str, list[int]] = collections.defaultdict(list)
    for i, k in enumerate(keys):
        blocks[block_key(k)].append(i)
    for block in blocks.values():
        for a, b in itertools.combinations(block, 2):
            if surnames_match(keys[a], keys[b]):
                union.union(a, b)
    return [[m for i in members for m in forms[keys[i]]] for members in union.groups().values()]


def cluster_places(mentions: list[Mention]) -> list[list[Mention]]:
    forms: dict[tuple[str, str], list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[(m.group, m.key)].append(m)
    keys = sorted(forms, key=lambda k: (-len(forms[k]), k))
    union = UnionFind(len(keys))
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
    _join_short_forms(keys, forms, union)
    # News organisations the outlet registry knows by several names ("PBS", "PBS NewsHour").
    by_outlet: dict[str, list[int]] = collections.defaultdict(list)
    for i, (group, key) in enumerate(keys):
        if group == "org" and (outlet := registered_outlet(forms[keys[i]][0].alias)) is not None:
            by_outlet[outlet].append(i)
    for same in by_outlet.values():
        for i in same[1:]:
            union.union(same[0], i)
    return [[m for i in members for m in forms[keys[i]]] for members in union.groups().values()]


_POSSESSIVE = re.compile(r"\w['’]s?\s")
# Nouns that head an organisation's name ("Reserve Bank", "the Commission"): a short form is only
# taken for a longer name when it ends in one, so a name of its own that happens to end another
# ("Reuters" / "Thomson Reuters", a mislabelled "Ukraine") is left alone.
_ORGANISATION_HEADS = frozenset(key_text(word) for word in BODY_NOUNS | frozenset(
    "commission union assembly fund board institute university association federation league "
    "company corporation bureau inspectorate directorate secretariat organisation organization".split()
))  # as name keys spell them ("comision")


_COMPANY_SUFFIXES = frozenset(key_text(word) for word in COMPANY_WORDS)  # as name keys spell them


def short_heads(key: str, alias: str, places: set[str], towns: set[str] | None = None) -> list[str]:
    """The shorter names a long organisation name is written as once it has been introduced: the
    part before "of" ("reserve bank of kelmora" -> "reserve bank"), else its last words ("european
    commission" -> "commission"), or a company's name without its company words ("quillmark
    systems" -> "quillmark"). Not the last words after a country ("Russia's Security Council",
    "Russian Security Council"): that is one country's body, and the bare name may be another's
    (the UN's); nor a company's first word that is a place of the story (``towns``, by default
    ``places``) or a country ("Kelmora Holdings" is no "Kelmora")."""
    head, of, _ = key.partition(" of ")
    if of:
        return [head] if head.split()[-1] in _ORGANISATION_HEADS else []
    words = key.split()
    heads = _company_names_without_suffixes(words, alias, places if towns is None else towns)
    if words[-1] not in _ORGANISATION_HEADS or _POSSESSIVE.search(alias):
        return heads
    for i in range(1, len(words)):
        dropped = " ".join(words[:i])
        if dropped in places or any(is_country(word) for word in fold(alias).split()[:i]):
            break
        heads.append(" ".join(words[i:]))
    return heads


def _company_names_without_suffixes(words: list[str], alias: str, places: set[str]) -> list[str]:
    """"quillmark systems inc" -> ["quillmark systems", "quillmark"]: the name left after each
    company word dropped from its end, while it is no place of the story and no country."""
    heads = []
    written = fold(alias).split()
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words = words[:-1]
        shorter = " ".join(words)
        if shorter in places or any(is_country(word) for word in written[:len(words)]):
            break
        heads.append(shorter)
    return heads


def _join_short_forms(keys: list[tuple[str, str]], forms: dict[tuple[str, str], list[Mention]], union: UnionFind) -> None:
    """Join a short organisation name to the longer name it leads or ends ("Reserve Bank" to
    "Reserve Bank of Kelmora", "the Commission" to "the European Commission") when that is the one
    organisation of the story with that head: the tagger gives the short form as a name of its own,
    and the voices of one bank were listed under both. Two long names with one head ("Bank of
    England", "Bank of Kelmora"; "Ministry of Defence", "Ministry of Foreign Affairs") leave it
    apart, since the story does not say which one it means."""
    aliases = [forms[k][0].alias for k in keys]
    places = {key for group, key in keys if group == "place"}
    # a company's name tagged a place now and then ("Shares in [Quillmark] fell" GPE) is still the
    # company's where it is mostly tagged an organisation
    counts = collections.Counter({(group, key): len(mentions) for (group, key), mentions in forms.items()})
    towns = {key for key in places if counts[("place", key)] > counts[("org", key)]}
    long_forms: dict[str, set[int]] = collections.defaultdict(set)
    for i, (group, key) in enumerate(keys):
        if group == "org":
            for head in short_heads(key, aliases[i], places, towns):
                long_forms[head].add(i)
    for i, (group, key) in enumerate(keys):
        if group != "org" or key not in long_forms:
            continue
        roots = {union.find(j) for j in long_forms[key]}
        if len(roots) == 1:
            union.union(i, roots.pop())


# Each word of a misspelt name stays close to its counterpart ("defence"/"defense"
# 86), while a different word of similar letters does not ("ministry"/"minister" 75).
TOKEN_MIN_RATIO = 80


def _tokens_close(first: str, second: str) -> bool:
    words_a, words_b = first.split(), second.split()
    return len(words_a) == len(words_b) and all(
        _same_ending(wa, wb) and fuzz.ratio(wa, wb) >= TOKEN_MIN_RATIO for wa, wb in zip(words_a, words_b)
    )


def _same_ending(first: str, second: str) -> bool:
    """Whether two words end alike, a final silent "e" aside ("Tarnholm"/"Tarnholme", one town
    spelled two ways); another last letter makes another word ("Georgia"/"Georgian")."""
    return first[-1] == second[-1] or first + "e" == second or second + "e" == first


def cluster_exact(mentions: list[Mention]) -> list[list[Mention]]:
    forms: dict[tuple[str, str], list[Mention]] = collections.defaultdict(list)
    for m in mentions:
        forms[(m.label, m.key)].append(m)
    return list(forms.values())
