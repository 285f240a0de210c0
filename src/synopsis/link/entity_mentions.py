"""Mentions: every entity of every article, with its outlet, label group and cleaned title."""

from __future__ import annotations

import collections
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from synopsis.ingest.outlets import default_registry, is_same_outlet, normalize_key, outlet_name
from synopsis.link.names import fold, key_text, key_token
from synopsis.link.offices import parse_office, split_title
from synopsis.link.person_names import TITLE_WORDS, PersonName, parse_person
from synopsis.link.place_names import is_acronym, place_key, strip_name
from synopsis.link.profile_people import profile_labels
from synopsis.records import ArticleAnalysis, Entity, Outlet


# spaCy labels grouped by what may be merged: places with places, organisations
# with groups ("Kremlin" is tagged ORG in one article and NORP in another).
GROUP_OF_LABEL = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "ORG": "org",
    "NORP": "org",
}

# Other named things are merged only on identical keys; numbers and dates are not
# entities to resolve (extract.quantities and extract.times handle them).
OTHER_LABELS = frozenset({"EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"})


# The index of a mention the tagger missed (``untagged_place_mentions``): it is no entity of its article.
UNTAGGED = -1


@dataclass(slots=True)
class Mention:
    article_id: str
    outlet: str
    index: int  # the entity's place in its article's entities, or UNTAGGED
    entity: Entity
    group: str
    label: str
    alias: str  # the name as written, without title and possessive
    key: str
    person: PersonName | None = None
    titles: tuple[str, ...] = ()


def collect_mentions(analyses: Sequence[ArticleAnalysis]) -> list[Mention]:
    """Every entity of every article as a mention, labelled as the words around it read: a PERSON
    mention that is no person is the place or building it names ("divert to [Lyon]", "the
    [Klinikum Bogenhausen]"), as event profiles read it (``link.profile_people``), or an outlet's
    name ("[Al Jazeera] reported"); one that is no name at all ("saw his brother [die]") is left
    out."""
    story_outlets = [a.article.outlet for a in analyses if a.article.outlet is not None and a.article.outlet.name]
    towns = _story_towns(analyses)
    mentions = []
    for analysis in analyses:
        outlet = outlet_name(analysis.article)
        for index, (entity, label) in enumerate(zip(analysis.entities, profile_labels(analysis))):
            if not label or is_zone_abbreviation(entity.text):
                continue
            if label == "PERSON" and _names_an_outlet(entity, story_outlets):
                label = "ORG"
            if names_own_outlet(analysis.article, entity, label) or _names_own_outlet_short(analysis.article, entity):
                continue
            if (label in _MISTAKEN_FOR_TOWNS or (label == "PERSON" and entity.title is None)) \
                    and place_key(strip_name(entity.text)) in towns:
                label = "GPE"
            group = GROUP_OF_LABEL.get(label, label.lower())
            mention = _make_mention(analysis.article.id, outlet, index, entity, group, label)
            if mention is not None:
                mentions.append(mention)
    return mentions


def read_as_other_than_tagged(mention: Mention) -> bool:
    """Whether the words around a mention, not the tagger, gave it its label: a PERSON mention
    read as a place, building, body or outlet, or an organisation read as a town, by
    ``collect_mentions``."""
    return mention.entity.label != mention.label


# Labels the tagger gives a town it does not know, beside PERSON ("[Orsava]" ORG, "[Tarnholme]"
# WORK_OF_ART); NORP is not among them, since "Irish" of "Irish Times" is no town.
_MISTAKEN_FOR_TOWNS = frozenset({"ORG", "WORK_OF_ART", "PRODUCT"})
# Last words of a local newspaper's name whose first word is its town ("Northgate Post",
# "Brightwater Tribune", "Tarnholm Gazette").  Not "news", "wire" or "today": "Bloomberg News",
# "Continental Wire" are named after no town.
_NEWSPAPER_WORDS = frozenset(
    "post tribune gazette herald times chronicle courier journal observer examiner inquirer record "
    "star sun mail echo advertiser argus bulletin dispatch sentinel standard telegraph".split())


def _story_towns(analyses: Sequence[ArticleAnalysis]) -> frozenset[str]:
    """Keys of the towns the story's outlets name as places whatever the tagger reads: a dateline's
    ("ORSAVA, June 10 -"), and the town a local newspaper of the story is named after ("Northgate"
    of the Northgate Post), which its own text writes as a place ("bakery owners in Northgate")."""
    towns = {place_key(a.article.dateline) for a in analyses if a.article.dateline}
    for analysis in analyses:
        outlet = analysis.article.outlet
        words = outlet.name.split() if outlet is not None and outlet.name else []
        if (len(words) == 2 and words[1].lower() in _NEWSPAPER_WORDS and words[0][:1].isupper()
                and not words[0].isupper() and words[0].lower() not in _NEWSPAPER_WORDS):
            towns.add(place_key(words[0]))
    return frozenset(towns - {""})


def is_zone_abbreviation(name: str) -> bool:
    """Whether a name is a time zone's abbreviation ("05:42 UTC", "GMT", "CET"), which the tagger
    takes for an organisation: no entity of the story."""
    from synopsis.extract.times_grammar import ZONES

    name = name.strip()
    return 3 <= len(name) <= 5 and name.isupper() and name.isalpha() and name.lower() in ZONES


def _names_own_outlet_short(article, entity: Entity) -> bool:
    """Whether a name is its article's outlet called by the last words of its name after "the":
    "told the [Post]" in the Northgate Post, "the [Tribune]" in the Brightwater Tribune."""
    outlet = article.outlet
    if outlet is None or not outlet.name or outlet.kind in _ACTING_KINDS:
        return False
    words = strip_name(outlet.name).split()  # "The Morning Signal" is called "the Signal"
    name = strip_name(entity.text)
    if len(words) < 2 or not name or entity.label == "PERSON" and entity.title is not None:
        return False
    own_tail = {normalize_key(" ".join(words[i:])) for i in range(1, len(words))}
    before = article.text[max(0, entity.start - 4):entity.start]
    return normalize_key(name) in own_tail and (before.lower().endswith("the ") or entity.text.lower().startswith("the "))


def _names_an_outlet(entity: Entity, story_outlets: Sequence[Outlet]) -> bool:
    """Whether a PERSON mention is an outlet's name: one the registry knows ("AME Info", not an
    alias it marks ambiguous) or one of the story's own outlets ("Nordic Wire Service").  A title
    makes it a person's ("Mr Bloomberg")."""
    if entity.title is not None:
        return False
    name = strip_name(entity.text)
    if registered_outlet(name) is not None:
        return True
    written = Outlet(name=name)
    return any(is_same_outlet(written, outlet) for outlet in story_outlets)


def registered_outlet(name: str) -> str | None:
    """The outlet of the registry (``ingest/outlets.yaml``) a name or alias names, else None; an
    alias the registry marks ambiguous ("PA", "Time") names none, nor does a name with a dot,
    which the registry would read as a web address."""
    if "." in name:
        return None
    registry = default_registry()
    outlet = registry.lookup(name)
    if outlet is None:
        return None
    entry = registry.entry(outlet)
    if entry is not None and normalize_key(name) in {normalize_key(a) for a in entry.ambiguous}:
        return None
    return outlet.name


# Kinds of publisher whose own name in their text is a party to the story: a government's site
# ("the White House said" on whitehouse.gov).  Every other kind's is the reporter's.
_ACTING_KINDS = frozenset({"government"})
# What the tagger labels an outlet's name, programme or brand ("TASS" ORG, "NewsHour" PRODUCT).
_OUTLET_LABELS = frozenset({"ORG", "NORP", "PRODUCT", "WORK_OF_ART"})


def names_own_outlet(article, entity: Entity, label: str | None = None) -> bool:
    """Whether a name in an article is its own outlet's (its name, an alias, a programme or brand
    the registry lists for it): "a source told TASS" in a TASS report is the reporter, not someone
    the story is about.  ``label`` is the mention's label when the words around it, not the
    tagger, gave it one."""
    outlet = article.outlet
    if outlet is None or outlet.kind in _ACTING_KINDS or (label or entity.label) not in _OUTLET_LABELS:
        return False

    name = strip_name(entity.text)
    own = {normalize_key(n) for n in (outlet.name, *outlet.aliases)}
    if normalize_key(name) in own:
        return True
    found = default_registry().lookup(name) if "." not in name else None
    return found is not None and normalize_key(found.name) in own


def _make_mention(article_id: str, outlet: str, index: int, entity: Entity, group: str, label: str) -> Mention | None:
    if group == "person":
        person = parse_person(entity.text)
        if person is None:
            return None
        given_before = entity.title_end is not None and entity.title_end <= entity.start
        titles = tuple(
            dict.fromkeys(t for t in (_clean_title(entity.title, given_before), _clean_title(person.title, True)) if t)
        )
        return Mention(article_id, outlet, index, entity, group, label, person.text, person.key, person, titles)
    alias = strip_name(entity.text)
    key = place_key(without_town(alias)) if group in ("place", "org") else key_text(alias)
    if not key:
        return None
    return Mention(article_id, outlet, index, entity, group, label, alias, key)


# A town's possessive before a name: "Istanbul's Ciragan Palace".
_TOWN_POSSESSIVE = re.compile(r"^(?P<town>[^\W\d_][\w-]*(?:\s[^\W\d_][\w-]*)?)['’]s\s+(?P<name>\S.*)$")


def without_town(name: str) -> str:
    """A name without the town written before it to say where it is ("Istanbul's Ciragan Palace" is
    the Ciragan Palace): one palace, square or stadium has one name wherever an outlet adds the
    town.  A country before a name is kept, since it tells one country's body from another's
    ("Russia's Security Council", not the UN's), and so is a town that stands for its government
    ("Moscow's Foreign Ministry"), which ``entity_bodies`` reads."""
    match = _TOWN_POSSESSIVE.match(name)
    if match is None:
        return name
    from synopsis.extract.gazetteer import is_known_place, named_countries
    from synopsis.link.entity_bodies import office_of

    town = match.group("town")
    if not is_known_place(town) or named_countries([fold(town)]) or office_of(name) is not None:
        return name
    return match.group("name")


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
                # "adviser to President [X]": X's own office follows; but in "Ambassador to
                # Lisbon" or "Director of the Department for Northern Affairs" no office does.
                if parse_office(" ".join(words[i + 1 :])) is not None:
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


def relabel_by_majority(mentions: list[Mention]) -> list[Mention]:
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
    # Names the words around a PERSON mention read as a place or building in some article ("the
    # [Klinikum Bogenhausen]"): the same name tagged PERSON in another, untitled, is that place.
    read_as_place = {m.key: m.label for m in mentions if read_as_other_than_tagged(m) and m.group == "place"}
    out = []
    for m in mentions:
        if m.group == "place" and read_as_other_than_tagged(m):
            pass  # its own sentence says it is a place: a story's majority does not make it a person again
        elif m.group in ("place", "org"):
            person = parse_person(m.entity.text)
            if person is not None and (
                (len(person.tokens) > 1 and person.key in person_full)
                # an outlet's name tagged a person, read as the outlet for its name alone, is the
                # person whose surname it is when the story names one ("Michael Bloomberg")
                or (read_as_other_than_tagged(m) and person.key in full_surnames)
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
            elif m.label in _MISTAKEN_FOR_TOWNS and (label := read_as_place.get(m.key)):
                # "near [Tarnholm]" read as a town in one sentence: the same name tagged an
                # organisation in another ("south of [Tarnholm] station") is that town too
                m = Mention(m.article_id, m.outlet, m.index, m.entity, GROUP_OF_LABEL[label], label, m.alias, m.key)
        elif m.group not in ("person", "place", "org") and m.label in _MISTAKEN_FOR_TOWNS \
                and (label := read_as_place.get(place_key(m.alias))):
            m = Mention(m.article_id, m.outlet, m.index, m.entity, GROUP_OF_LABEL[label], label, m.alias,
                        place_key(m.alias))
        elif m.person is not None and not m.titles and (label := read_as_place.get(place_key(m.alias))):
            alias = strip_name(m.entity.text)
            m = Mention(m.article_id, m.outlet, m.index, m.entity, GROUP_OF_LABEL[label], label, alias,
                        place_key(alias))
        elif m.person is not None and len(m.person.tokens) > 1 and not m.titles and _team_named_as_person(m, other_labels):
            # "Dinamo Zagreb beat ...", tagged PERSON, where the story writes "Dinamo" alone as a
            # club: a club named after its town, not a person.
            labels = other_labels.get(place_key(m.alias)) or other_labels[place_key(m.person.tokens[0])]
            label = labels.most_common(1)[0][0]
            alias = strip_name(m.entity.text)
            m = Mention(m.article_id, m.outlet, m.index, m.entity, GROUP_OF_LABEL[label], label, alias, place_key(alias))
        elif m.person is not None and len(m.person.tokens) == 1 and not m.titles:
            key = place_key(m.alias)
            # A lone "surname" that no full name in the story carries but that is
            # written as a place elsewhere is the place ("Kyiv" tagged PERSON).
            if other_support[key] and m.key not in full_surnames:
                label = _likeliest_label(other_labels[key])
                m = Mention(m.article_id, m.outlet, m.index, m.entity, GROUP_OF_LABEL[label], label, strip_name(m.entity.text), key)
        out.append(m)
    return out


def _likeliest_label(labels: collections.Counter[str]) -> str:
    """The label a name is tagged with most often, a place's on a tie: a lone name tagged a person,
    and a place and an organisation once each ("near [Selvik]" GPE, "from [Selvik] to" ORG), is
    the town, which the tagger reads as anything, more often than a body."""
    return max(labels, key=lambda label: (labels[label], GROUP_OF_LABEL.get(label) == "place"))


def _team_named_as_person(mention: Mention, other_labels: Mapping[str, collections.Counter[str]]) -> bool:
    """Whether a "person" is a club or body named after a place: its first word written alone as an
    organisation or place in the story ("Dinamo"), and the whole name written as one too, or ending
    in a known town ("Dinamo Zagreb").  People whose surname is a town ("Andre Jackson") are not
    called by their first name alone, so they stay people."""
    from synopsis.extract.gazetteer import is_known_place

    tokens = mention.person.tokens
    if not other_labels.get(place_key(tokens[0])):
        return False
    return bool(other_labels.get(place_key(mention.alias))) or is_known_place(tokens[-1])


def untagged_place_mentions(clusters: Sequence[list[Mention]], analyses: Sequence[ArticleAnalysis]) -> list[list[Mention]]:
    """Each place cluster with the mentions the tagger missed: every spelling the story writes for
    the place, found again as a whole word outside every tagged name of any article.

    The small model tags "Kyiv" in one sentence and misses it in the next, or in a whole article
    ("Kyiv's delegation"), so counting tagged mentions alone can crown the spelling of the outlet
    whose wording the tagger happened to catch: the report named the city "Kiev" (4 tagged) though
    the articles write "Kyiv" 9 times to "Kiev"'s 4. A spelling two places share is left alone,
    as is a short form written in capitals ("US"), which is also an ordinary word.
    """
    owners: dict[str, set[int]] = collections.defaultdict(set)
    for ci, cluster in enumerate(clusters):
        if cluster and cluster[0].group == "place":
            for m in cluster:
                if not is_acronym(m.alias) and len(m.alias) >= 3:
                    owners[m.alias].add(ci)
    owner = {alias: next(iter(found)) for alias, found in owners.items() if len(found) == 1}
    if not owner:
        return list(clusters)
    # One pass over each article for all spellings; longest first, so that "Kyiv Oblast" is
    # found before the "Kyiv" inside it.
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, sorted(owner, key=len, reverse=True))) + r")(?![\w-])")
    completed = [list(cluster) for cluster in clusters]
    for analysis in analyses:
        text = analysis.article.text
        tagged = [(e.start, e.end) for e in analysis.entities]
        outlet = outlet_name(analysis.article)
        for match in pattern.finditer(text):
            start, end = match.span()
            if any(s < end and start < e for s, e in tagged) or _NEXT_CAPITAL.match(text, end):
                continue  # tagged already, or the first word of a longer name ("Kyiv Independent")
            cluster = completed[owner[match.group()]]
            sample = cluster[0]
            entity = Entity(text=match.group(), label=sample.label, start=start, end=end)
            cluster.append(Mention(analysis.article.id, outlet, UNTAGGED, entity, sample.group, sample.label,
                                   match.group(), sample.key))
    return completed


# A capitalised word right after a match: the match begins a longer name.
_NEXT_CAPITAL = re.compile(r"[ \t]+[A-Z]")
