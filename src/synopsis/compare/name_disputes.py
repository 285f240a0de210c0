"""Name and title disputes: one person given different first names or offices by different outlets."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rapidfuzz import fuzz

from synopsis.compare.dispute_versions import explain, join_names, unique_in_order
from synopsis.records import Dispute, DisputeVersion, Evidence, StoryEntity


# Name spellings this similar (0-100) are transliterations of one name, not different names:
# "Dmitry"/"Dmitri" score 83, "Rustem"/"Rustam" 83, "Vladimir"/"Volodymyr" 71.
SAME_NAME_SCORE = 80
FORMER = re.compile(r"^(former|ex-|ex |then-|outgoing|previous)\s*", re.I)


def _normalize_title(title: str) -> tuple[str, bool]:
    text = re.sub(r"[^\w\s-]", "", title).strip().lower()
    text = re.sub(r"^the\s+", "", text)
    former = bool(FORMER.match(text))
    return FORMER.sub("", text).strip(), former


def _mentions(entity: StoryEntity, outlets: Iterable[str], texts: Iterable[str]) -> tuple[Evidence, ...]:
    outlets, texts = set(outlets), [t.lower() for t in texts]
    return tuple(m for m in entity.mentions if m.outlet in outlets and any(t in m.text.lower() for t in texts))


def find_title_disputes(entity: StoryEntity) -> list[Dispute]:
    """An office given as current by some outlets and as former by others, or offices that differ."""
    flagged = any(re.search(r"title|office|role|position", f, re.I) for f in entity.findings)
    current: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    former: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for alias in entity.titles:
        base, is_former = _normalize_title(alias.text)
        if base:
            (former if is_former else current).setdefault(base, []).append((alias.text, alias.outlets))
    disputes = []
    for base, written in current.items():
        if base not in former:
            continue
        now_outlets = unique_in_order(o for _, outlets in written for o in outlets)
        then_outlets = unique_in_order(o for _, outlets in former[base] for o in outlets)
        if not set(now_outlets) - set(then_outlets) or not set(then_outlets) - set(now_outlets):
            continue
        now_texts = unique_in_order(t for t, _ in written)
        then_texts = unique_in_order(t for t, _ in former[base])
        versions = (
            DisputeVersion(" / ".join(then_texts), f"former {base}", tuple(then_outlets),
                           _mentions(entity, then_outlets, then_texts)),
            DisputeVersion(" / ".join(now_texts), base, tuple(now_outlets), _mentions(entity, now_outlets, now_texts),
                           note=f"possibly stale: a title held before a change of office ({join_names(then_outlets)}"
                                f" call{'s' if len(then_outlets) == 1 else ''} it former)"),
        )
        what = f"{entity.name}'s office"
        disputes.append(Dispute(what, "title", versions, explain(what, "title", versions)))
    if flagged and not disputes and len(current) >= 2:
        groups: list[list[str]] = []
        for base in current:
            for group in groups:
                if fuzz.token_set_ratio(base, group[0]) >= 90:
                    group.append(base)
                    break
            else:
                groups.append([base])
        if len(groups) >= 2:
            versions = tuple(
                DisputeVersion(
                    " / ".join(unique_in_order(t for b in group for t, _ in current[b])), group[0],
                    tuple(unique_in_order(o for b in group for _, outlets in current[b] for o in outlets)),
                    _mentions(entity, [o for b in group for _, outs in current[b] for o in outs],
                              [t for b in group for t, _ in current[b]]),
                )
                for group in groups
            )
            what = f"{entity.name}'s office"
            disputes.append(Dispute(what, "title", versions, explain(what, "title", versions)))
    return disputes


def find_name_disputes(entity: StoryEntity) -> list[Dispute]:
    """Different first names for one person, when entity resolution flags it."""
    if entity.type not in {"PERSON", "person"}:
        return []
    if not any(re.search(r"first name|given name|forename|name", f, re.I) for f in entity.findings):
        return []
    groups: list[tuple[str, list[str], list[str]]] = []  # (first name, spellings, outlets)
    for alias in entity.aliases:
        tokens = alias.text.split()
        if len(tokens) < 2:
            continue
        first = tokens[0].strip(".")
        if len(first) <= 1:  # an initial agrees with any name
            continue
        for name, spellings, outlets in groups:
            if fuzz.ratio(first.lower(), name.lower()) >= SAME_NAME_SCORE:
                spellings.append(alias.text)
                outlets.extend(alias.outlets)
                break
        else:
            groups.append((first, [alias.text], list(alias.outlets)))
    if len(groups) < 2:
        return []
    versions = tuple(
        DisputeVersion(" / ".join(unique_in_order(spellings)), name, tuple(unique_in_order(outlets)),
                       _mentions(entity, outlets, spellings))
        for name, spellings, outlets in groups
    )
    if len({o for v in versions for o in v.sources}) < 2:
        return []
    what = f"first name of {entity.name}"
    return [Dispute(what, "name", versions, explain(what, "name", versions))]
