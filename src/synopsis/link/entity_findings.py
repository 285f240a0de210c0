"""Story entities: the chosen name, aliases and evidence of a cluster, and what outlets disagree on."""

from __future__ import annotations

import collections
from collections.abc import Iterable, Mapping

from synopsis.link.entity_mentions import GROUP_OF_LABEL, Mention, without_town
from synopsis.link.names import fold
from synopsis.link.offices import office_label, titles_conflict
from synopsis.link.organisation_names import fullest_form
from synopsis.link.person_names import given_names_compatible, parse_person
from synopsis.link.place_names import is_acronym
from synopsis.records import Alias, Evidence, StoryEntity


def _aliases(pairs: Iterable[tuple[str, str]]) -> tuple[Alias, ...]:
    """Turn (text, outlet) pairs into Alias records, most used first."""
    counts: collections.Counter[str] = collections.Counter()
    outlets: dict[str, dict[str, None]] = collections.defaultdict(dict)
    for text, outlet in pairs:
        counts[text] += 1
        outlets[text][outlet] = None
    ordered = sorted(counts, key=lambda t: (-len(outlets[t]), -counts[t], t))
    return tuple(Alias(text=t, outlets=tuple(sorted(outlets[t])), count=counts[t]) for t in ordered)


def _choose_name(cluster: list[Mention], aliases: tuple[Alias, ...]) -> str:
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


def build_entity(cluster: list[Mention], texts: Mapping[str, str]) -> StoryEntity:
    cluster.sort(key=lambda m: (m.article_id, m.entity.start))
    aliases = _aliases((m.alias, m.outlet) for m in cluster)
    name = _choose_name(cluster, aliases)
    label = collections.Counter(m.label for m in cluster).most_common(1)[0][0]
    if GROUP_OF_LABEL.get(label) == "org":
        # One bank written "the Reserve Bank of Kelmora" and "the Reserve Bank": the fullest form
        # names it, whichever more outlets wrote; the short one stays an alias.
        name = fullest_form(name, [alias.text for alias in aliases])
    titles = _aliases((t, m.outlet) for m in cluster for t in m.titles)
    findings = []
    if cluster[0].group == "person":
        findings += _given_name_findings(cluster, name)
        findings += _office_findings(titles, name)
    if GROUP_OF_LABEL.get(label) in ("person", "place"):  # "Defence"/"Defense" in a ministry's name is house style
        findings += _spelling_findings(cluster, name)
    mentions = tuple(_mention_evidence(m, texts.get(m.article_id)) for m in cluster)
    return StoryEntity(name=name, type=label, aliases=aliases, titles=titles, findings=tuple(findings), mentions=mentions)


# A title further than this from the name is not printed next to it; the
# evidence then shows the name alone.
_TITLE_REACH = 160


def _mention_evidence(mention: Mention, text: str | None) -> Evidence:
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


def _given_name_findings(cluster: list[Mention], name: str) -> list[str]:
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


def _spelling_findings(cluster: list[Mention], name: str) -> list[str]:
    """Report when outlets prefer different spellings of a name (Kyiv/Kiev, Zelensky/Zelenskyy).

    Each outlet's most used spelling is compared, so an outlet that once writes a
    long form ("Russian Federation") is not news, but one that writes "Kiev" where
    others write "Kyiv" is.  Diacritics alone (Erdoğan/Erdogan) do not count.
    """
    per_outlet: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    shown: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    full = [m.person for m in cluster if m.person is not None and len(m.person.tokens) >= 2]
    surnames = {fold(p.surname) for p in full}
    for m in cluster:
        if m.person is not None and len(m.person.tokens) == 1 and fold(m.person.surname) not in surnames \
                and any(given_names_compatible(p.tokens[0], m.person.surname) for p in full):
            # a given name written alone ("Thiago scored", as tabloids write a player) spells no surname
            continue
        if m.person is not None:
            text = m.person.surname
        elif is_acronym(m.alias):
            continue
        else:
            text = without_town(m.alias)  # "Istanbul's Ciragan Palace" spells the palace's name alike
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
