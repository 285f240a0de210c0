"""Name and title disputes: one person given different first names or offices by different outlets."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from synopsis.compare.dispute_versions import explain, join_names, unique_in_order
from synopsis.facts.dates import UNDATED_KINDS, context_dates, section_dates
from synopsis.facts.intervals import Interval
from synopsis.link.names import fold
from synopsis.link.offices import office_label, parse_office, split_title, titles_conflict
from synopsis.link.person_names import given_names_compatible
from synopsis.records import Alias, ArticleAnalysis, Claim, Dispute, DisputeVersion, Evidence, StoryEntity


FORMER = re.compile(r"^(former|ex-|ex |then-|outgoing|previous)\s*", re.I)


def _normalize_title(title: str) -> tuple[str, bool]:
    text = re.sub(r"[^\w\s-]", "", title).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    former = bool(FORMER.match(text))
    return FORMER.sub("", text).strip(), former


_FORMER_WORD = re.compile(r"\b(former|ex|outgoing|previous)\b", re.I)
_FORMER_BEFORE = re.compile(r"\b(former|ex|then|outgoing|previous)[\s-]*$", re.I)


def _mentions(entity: StoryEntity, outlets: Iterable[str], texts: Iterable[str]) -> tuple[Evidence, ...]:
    """The entity's mentions by these outlets that write one of these texts (a current title only
    where it is not written as former: "former Defense Minister" is no evidence of "Defense Minister")."""
    outlets, texts = set(outlets), [t.lower() for t in texts]

    def writes(mention: str, text: str) -> bool:
        at = mention.find(text)
        return at >= 0 and (_FORMER_BEFORE.match(text) is not None or not _FORMER_BEFORE.search(mention[:at]))

    return tuple(m for m in entity.mentions if m.outlet in outlets and any(writes(m.text.lower(), t) for t in texts))


@dataclass
class _Office:
    """One version of a person's office: the titles that name one post, and who gives them."""

    label: tuple  # link.offices.office_label: each office's kind, portfolio, former, deputy
    titles: list[Alias] = field(default_factory=list)

    @property
    def outlets(self) -> list[str]:
        return unique_in_order(o for alias in self.titles for o in alias.outlets)

    @property
    def texts(self) -> list[str]:
        return unique_in_order(alias.text for alias in self.titles)

    @property
    def post(self) -> tuple:
        """The label without "former": the post itself."""
        return tuple((kind, domain, deputy) for kind, domain, _, deputy in self.label)

    @property
    def former(self) -> bool:
        return all(former for _, _, former, _ in self.label)


def _is_role(title: str) -> bool:
    """A function for the event ("chief negotiator", "head of the delegation"): any office holder
    can have it, so it is no version of an office."""
    return any(office is not None and office.is_role for office in map(parse_office, split_title(title)))


def _office_versions(titles: Iterable[Alias]) -> list[_Office]:
    """The person's titles grouped by the post they name (link.offices decides what a post is)."""
    versions: dict[tuple, _Office] = {}
    unknown: list[Alias] = []
    for alias in sorted(titles, key=lambda a: (-len(a.outlets), -a.count, a.text)):
        label = office_label(alias.text)
        if label is not None:
            versions.setdefault(label, _Office(label)).titles.append(alias)
        elif not _is_role(alias.text):
            unknown.append(alias)
    # A title that names no post we know is a part of one when extraction lost the post's word
    # ("Secretary of the National Security and Defense Council" read as "National Security and
    # Defense Council"): it joins the one version whose titles contain all its words.
    for alias in unknown:
        words = set(fold(alias.text).split()) - {"the", "of", "and"}
        hosts = [v for v in versions.values() if words and any(words <= set(fold(t).split()) for t in v.texts)]
        if len(hosts) == 1:
            hosts[0].titles.append(alias)
    return list(versions.values())


def _disputed(first: _Office, second: _Office) -> bool:
    """Offices that cannot both hold, each given by an outlet that does not give the other: an
    outlet writing both may be telling a change of office over time, which is not a dispute."""
    first_outlets, second_outlets = set(first.outlets), set(second.outlets)
    return (titles_conflict(first.texts[0], second.texts[0])
            and bool(first_outlets - second_outlets) and bool(second_outlets - first_outlets))


def _about_earlier(analysis: ArticleAnalysis, mention: Evidence, story_day: Interval) -> bool:
    """Whether the passage a mention stands in is about a time before the story's day: its
    sentence or the sentences just before it date only earlier days, or (in an entry, which goes
    round by round) the section it stands in does. A report's undated sentence is read as about
    the event it reports, however far back a background paragraph before it reached."""
    for number, sentence in enumerate(analysis.sentences):
        if sentence.start <= mention.start < sentence.end:
            claim = Claim(sentence.text, sentence.start, sentence.end, number)
            dates = context_dates(analysis, claim)
            if not dates and analysis.article.outlet is not None and analysis.article.outlet.kind in UNDATED_KINDS:
                dates = section_dates(analysis, claim)
            return bool(dates) and all(d.high <= story_day.low for d in dates)
    return False


def current_titles(entity: StoryEntity, analyses: Sequence[ArticleAnalysis], story_day: Interval | None) -> StoryEntity:
    """The entity with only the titles each outlet gives for the time of the event.

    A title an outlet writes only in passages about earlier days ("in May, Defense Minister X led
    the delegation") is what the person was then, not a version of what they are now: background
    sections and encyclopedia entries go round by round. An outlet keeps a title if any mention
    of it is not dated earlier.
    """
    if story_day is None or not entity.titles:
        return entity
    by_id = {a.article.id: a for a in analyses}
    earlier = {id(m) for m in entity.mentions if m.article_id in by_id and _about_earlier(by_id[m.article_id], m, story_day)}
    titles = []
    for alias in entity.titles:
        # A former title says what the person is not now, whenever the passage is set ("the
        # department, then led by former deputy mayor X"): it stays a version.
        former = _normalize_title(alias.text)[1]
        outlets = tuple(
            outlet for outlet in alias.outlets
            if former or not (found := _mentions(entity, [outlet], [alias.text]))
            or any(id(m) not in earlier for m in found)
        )
        if outlets:
            titles.append(replace(alias, outlets=outlets))
    mentions = tuple(m for m in entity.mentions if id(m) not in earlier or _FORMER_WORD.search(m.text))
    return replace(entity, titles=tuple(titles), mentions=mentions)


def _join_former_to_current(versions: list[_Office]) -> list[_Office]:
    """A former office is history: it contradicts no current office, only the claim that the post is
    still held. It stands with the one current version it fits ("former Defense Minister" beside
    "Council Secretary", against "Defense Minister"), not as a version of its own."""
    current = [v for v in versions if not v.former]
    kept = []
    for version in versions:
        hosts = [v for v in current if not titles_conflict(v.texts[0], version.texts[0])] if version.former else []
        if len(hosts) == 1:
            hosts[0].titles.extend(version.titles)
        else:
            kept.append(version)
    return kept


def find_title_disputes(entity: StoryEntity) -> list[Dispute]:
    """Offices that cannot all hold at once: every version of the person's office that outlets give
    and another outlet contradicts, with who gives it; a current title others call former is noted."""
    versions = _office_versions(entity.titles)
    kept = [v for v in versions if any(_disputed(v, other) for other in versions if other is not v)]
    if len(kept) < 2:
        return []
    formers = [v for v in kept if v.former]
    kept = _join_former_to_current(kept)
    if len(kept) < 2:
        return []
    records = []
    for version in kept:
        note = None
        then = [o for other in formers if not version.former and other.post == version.post
                and not set(other.outlets) <= set(version.outlets) for o in other.outlets]
        if then:
            note = (f"possibly stale: a title held before a change of office ({join_names(unique_in_order(then))}"
                    f" call{'s' if len(set(then)) == 1 else ''} it former)")
        base, former = _normalize_title(version.texts[0])
        records.append(DisputeVersion(
            " / ".join(version.texts), f"former {base}" if former else base, tuple(version.outlets),
            _mentions(entity, version.outlets, version.texts), note=note,
        ))
    records.sort(key=lambda v: (-len(v.sources), v.normalized))
    what = f"{entity.name}'s office"
    return [Dispute(what, "title", tuple(records), explain(what, "title", records))]


# Share of an outlet's mentions of a person a second first name must have for the outlet to stand
# on that side too: an encyclopedia writing "Ruslan" 6 times and "Rustem" 5 gives both names, one
# writing the other name once in three mentions made a slip (a note says so).
BOTH_SIDES_SHARE = 0.4


@dataclass
class _FirstName:
    """One version of a person's first name: the full names written with it."""

    name: str
    spellings: list[str] = field(default_factory=list)

    def written_in(self, mention: str) -> bool:
        """Whether a mention writes one of these full names, as whole words ("Ana Marr" is not in "Diana Marr")."""
        return any(re.search(rf"(?<!\w){re.escape(spelling)}(?!\w)", mention, re.I) for spelling in self.spellings)


def _first_names(aliases: Iterable[Alias]) -> list[_FirstName]:
    """Full names grouped by first name, with link.person_names' test of what spells one given name
    (diacritics, transliterations: "Küre"/"Kure", "Volodymyr"/"Vladimir" are one name)."""
    versions: list[_FirstName] = []
    for alias in aliases:
        tokens = alias.text.split()
        if len(tokens) < 2 or len(tokens[0].strip(".")) <= 1:  # no first name, or an initial (fits any)
            continue
        first = tokens[0].strip(".")
        version = next((v for v in versions if given_names_compatible(first, v.name)), None)
        if version is None:
            version = _FirstName(first)
            versions.append(version)
        version.spellings.append(alias.text)
    return versions


def _uses(entity: StoryEntity, versions: list[_FirstName]) -> tuple[dict[str, Counter[int]], set[str]]:
    """How often each outlet writes each version, in the order it first writes them: from the
    mentions, else (no mention says) one use per alias the outlet is listed under; and the outlets
    counted from mentions."""
    uses: dict[str, Counter[int]] = {}
    for mention in entity.mentions:
        for number, version in enumerate(versions):
            if version.written_in(mention.text):
                uses.setdefault(mention.outlet, Counter())[number] += 1
    counted = set(uses)
    for number, version in enumerate(versions):
        for alias in entity.aliases:
            if alias.text in version.spellings:
                for outlet in alias.outlets:
                    if outlet not in counted:
                        uses.setdefault(outlet, Counter())[number] += 1
    return uses, counted


def find_name_disputes(entity: StoryEntity) -> list[Dispute]:
    """Different first names for one person, when entity resolution flags it.

    Each outlet is listed under the first name it writes most (ties: the one it writes first);
    that it also writes another is noted. An outlet that writes another name in a large share of
    its mentions (BOTH_SIDES_SHARE) stands on both sides, with its counts: a fact-checker needs to
    see that this source is inconsistent, and that the rarer name has a source at all. An outlet
    that slips once contradicts only itself, which is no dispute between outlets; nor is a name
    that only outlets writing the other name too give, however often they write it.
    """
    if entity.type not in {"PERSON", "person"}:
        return []
    if not any(re.search(r"first name|given name|forename|name", f, re.I) for f in entity.findings):
        return []
    versions = _first_names(entity.aliases)
    if len(versions) < 2:
        return []
    uses, counted = _uses(entity, versions)
    listed: dict[int, list[str]] = {}
    notes: dict[int, list[str]] = {}
    for outlet, counts in uses.items():
        # Counter keeps insertion order and max() the first of equals: ties go to the first written.
        number = max(counts, key=lambda n: counts[n])
        total = sum(counts.values())
        sides = [number] + [n for n in counts if n != number and outlet in counted
                            and counts[n] >= BOTH_SIDES_SHARE * total]
        for side in sides:
            listed.setdefault(side, []).append(outlet)
        if len(sides) > 1:
            tally = ", ".join(f"{' / '.join(unique_in_order(versions[n].spellings))} {counts[n]}"
                              for n in sorted(sides, key=lambda n: -counts[n]))
            for side in sides:
                notes.setdefault(side, []).append(f"{outlet} writes both ({tally} of {total} mentions)")
        for other in counts:
            if other not in sides:
                tally = f" ({counts[other]} of {total} mentions)" if outlet in counted else ""
                notes.setdefault(number, []).append(
                    f"{outlet} also writes {' / '.join(unique_in_order(versions[other].spellings))}{tally}")
    # A version that only outlets giving another version too stand on is one source contradicting
    # itself, not outlets disagreeing: it is no version of a dispute between outlets (the "writes
    # both" note on the version they share still says so where another outlet disputes the name).
    listed = {number: outlets for number, outlets in listed.items()
              if any(all(outlet not in others for side, others in listed.items() if side != number)
                     for outlet in outlets)}
    if len(listed) < 2:
        return []
    records = tuple(
        DisputeVersion(" / ".join(unique_in_order(version.spellings)), version.name, tuple(sorted(listed[number])),
                       _mentions(entity, listed[number], version.spellings), note="; ".join(notes.get(number, [])) or None)
        for number, version in enumerate(versions) if number in listed
    )
    what = f"first name of {entity.name}"
    return [Dispute(what, "name", records, explain(what, "name", records))]
