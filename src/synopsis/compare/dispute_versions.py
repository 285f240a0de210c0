"""Versions and notes: the wording of a dispute and why one version may be stale or derived."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone

from synopsis.compare.dispute_facts import (SHARE_WON, Fact, is_measured_physical, is_measured_sum, is_penalty,
                                            is_rival_estimate, is_term, voice_key)
from synopsis.compare.dispute_slots import (
    in_conflict,
    set_aside_fitting_several,
    split_versions,
    without_own_rivals,
)
from synopsis.extract.match_minutes import MATCH_MINUTE
from synopsis.facts.dates import as_of, calendar_day, parse_published
from synopsis.facts.intervals import Interval, describe
from synopsis.facts.keys import FINE, MAGNITUDE, WHOLE_MEASURES
from synopsis.facts.keys_crowd import ATTENDANCE, PARTICIPATION
from synopsis.facts.keys_money import JOB_CUTS, currency_nouns
from synopsis.facts.tallies import ACQUIRE
from synopsis.records import Dispute, DisputeVersion


# A report published this long before the event it describes was written for something else
# (an encyclopedia entry first written months earlier and updated since).
STALE_GAP = timedelta(days=2)

# A version whose reports all appeared this much before every report of another version may have
# been overtaken by events (breaking news is corrected within hours).
EARLIER_GAP = timedelta(hours=1)


def join_names(names: Sequence[str]) -> str:
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def unique_in_order(items: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(items))


def dispute_day(slot: list[Fact], story_day: Interval | None) -> Interval | None:
    """The day a dispute is about: the day its claims themselves state, else the story's main day.

    Only the claims' own words date them. A date elsewhere in the paragraph or section is often
    a recalled earlier event ("exchanged memos at the last round on June 2 ... Medinsky said on
    Wednesday"), and would date today's statement to that round.
    """
    # A part of a day ("Tuesday night") dates the dispute to its calendar day, not its hours.
    # Outlets may date one event a day apart (``link.misdating.DAY_APART_WORDS``): the day most of
    # them give dates it, ties to the earliest.
    outlets: dict[Interval, set[str]] = {}
    for fact in slot:
        for d in fact.own:
            if d.high - d.low <= 86400:
                outlets.setdefault(calendar_day(d), set()).add(fact.outlet)
    return min(outlets, key=lambda d: (-len(outlets[d]), d.low)) if outlets else story_day


PARTICIPLES = {
    "die": "killed", "injure": "injured", "evacuate": "evacuated", "exchange": "exchanged or released",
    "detain": "detained", "rescue": "rescued", "list": "listed", "whole": "in all",
    "win": "won",
}
# What a sum counted in its currency's noun is, by its key (``measures.measure_at``).
_SUM_NAMES = {"repayment": "sum to repay", "price": "price", "salary": "salary", "loan": "loan",
              "compensation": "compensation"}
PREDICATE_WORDS = {"start": "start time", "end": "end time", "scheduled": "scheduled time", "delay": "delay"}


# A penalty by what it is (``keys.penalty_at``): "prison term for Jane Roe".
PENALTY_NAMES = {"prison": "prison term", "ban": "length of the ban", "suspension": "length of the suspension",
                 "probation": "length of probation"}


# What a physical measure of nothing named is, by its base unit ("15 kilometres": a distance).
MEASURE_NAMES = {"m": "distance", "m2": "area", "kg": "weight", "litre": "volume", "km/h": "speed"}


def _is_fine(fact: Fact) -> bool:
    return fact.kind == "count" and fact.key[0] == FINE


def _what(slot: list[Fact], day: Interval | None) -> str:
    fact = next((f for f in slot if f.key_known), slot[0])
    event = fact.key[0] if fact.kind in {"duration", "time", "date"} else None
    suffix = f" on {describe(day)}" if day is not None else ""
    if _is_fine(fact):
        counted = next((f.label.lower() for f in slot if f.label), None) or "money"
        person = next((f.key[1] for f in slot if len(f.key) > 1 and f.key[1]), None)
        return f"fine{f' for {person}' if person else ''} in {counted}{suffix}"
    if fact.kind == "count" and fact.key[0] == ATTENDANCE[0]:
        # "about 15,000 people took part", "60,000 teachers filled the avenues": one crowd, whichever
        # noun each outlet counts it by.
        return f"crowd size{suffix}"
    if (measured := _measured_what(fact)) is not None:
        return measured + (suffix if not is_term(fact) else "")
    if fact.kind == "count":
        counted = next((f.label.lower() for f in slot if f.label), None) or "people or things"
        if counted.split()[-1] in currency_nouns() and (what := _SUM_NAMES.get(fact.key[0] or "")):
            return f"{what} in {counted}{suffix}"  # a sum read as a count of its currency's noun
        happened = PARTICIPLES.get(fact.key[0] or "", "")
        if fact.key[0] == ACQUIRE and len(fact.key) > 1:
            happened += f" by {fact.key[1]}"  # a tally of one holder ("seats won by the Green Alliance")
        return f"number of {counted}{' ' + happened if happened else ''}{suffix}"
    if fact.kind == "amount" and fact.key[0] == MATCH_MINUTE:
        return "match minute" + (f" of {fact.label}" if fact.label else "") + suffix
    if fact.kind == "amount" and fact.key[0] == MAGNITUDE:
        return f"magnitude of the {fact.key[1] or 'event'}{suffix}"
    if fact.kind == "amount" and fact.key[0] == "percent" and fact.key[1] == SHARE_WON:
        return f"share won by {fact.key[2]} in percent{suffix}"
    if fact.kind == "amount" and fact.key == ("percent", PARTICIPATION):
        return f"share taking part in percent{suffix}"  # a strike's or a vote's: not "participation in percent"
    if fact.kind == "amount" and fact.key[0] == "percent" and fact.key[1]:
        return f"{fact.key[1]} in percent{suffix}"  # "turnout in percent", not "amount in percent for turnout"
    if fact.kind == "amount" and fact.key[0] in MEASURE_NAMES and not fact.key[1]:
        return MEASURE_NAMES[fact.key[0]] + suffix
    if fact.kind == "amount":
        return f"amount in {fact.key[0]}" + (f" for {fact.key[1]}" if fact.key[1] else "") + suffix
    if is_penalty(fact):
        # One person's term, whichever day outlets say it was given.
        person = next((f.key[2] for f in slot if is_penalty(f) and f.key[2]), None)
        return PENALTY_NAMES.get(fact.key[0] or "", "sentence") + (f" for {person}" if person else "")
    if fact.kind == "duration":
        if fact.key[1] == "delay":
            return f"delay of the {event or 'event'}{suffix}"
        return f"duration of the {event or 'event'}{suffix}"
    if fact.kind == "time":
        return f"{PREDICATE_WORDS.get(fact.key[1] or '', 'time')} of the {event or 'event'}{suffix}"
    return f"date of the {event or 'event'}"


def _measured_what(fact: Fact) -> str | None:
    """What a value keyed by what it measures is (``keys``: money, physical measures, terms, job
    cuts), or None: "price in EUR", "wind speed in km/h", "length of the contract", "number of jobs cut"."""
    if is_measured_sum(fact) or is_measured_physical(fact):
        return f"{fact.key[1]} in {fact.key[0]}"
    if is_term(fact):
        return f"length of the {fact.key[0]}"
    if fact.kind == "count" and fact.key[0] == JOB_CUTS[0]:
        return "number of jobs cut"
    return None


def _given_once(fact: Fact) -> bool:
    """Whether the value is set once, so that a later report giving another is no update of it: a
    term or a fine handed down, an agreement's term, a price agreed, a result reported (revenue,
    a premium, a rise in percent); a later offer or a restated result is news of its own."""
    return (is_penalty(fact) or _is_fine(fact) or is_term(fact) or is_measured_sum(fact)
            or (fact.kind == "amount" and fact.key[0] == "percent" and bool(fact.key[1])
                and fact.key[1] not in WHOLE_MEASURES))


def _verb(kind: str) -> str:
    return {"duration": "it lasted ", "time": "it was at ", "date": "it was "}.get(kind, "")


def explain(what: str, kind: str, versions: Sequence[DisputeVersion], lasted: bool = True) -> str:
    """The dispute in a sentence; ``lasted`` False for a duration that is a term given, not a length."""
    parts = []
    for version in versions:
        outlets = list(version.sources)
        verb = "says" if len(outlets) == 1 else "say"
        given = f", according to {join_names(version.given_by)}" if version.given_by else ""
        parts.append(f"{join_names(outlets)} {verb} {_verb(kind) if lasted else ''}{version.value}{given}")
    # An office dispute is about "Rustem Umerov's office", which takes no article.
    article = "" if kind == "title" else "the "
    sentence = f"Outlets disagree on {article}{what}: " + "; ".join(parts)
    # A value may end a sentence by itself ("7:15 a.m."): no second full stop after it.
    return sentence if sentence.endswith((".", "!", "?")) else sentence + "."


def _notes(versions: list[list[Fact]], event: Interval | None, given_once: bool = False) -> list[str | None]:
    """Say where a version looks derived or stale; every version is still shown. ``given_once``:
    the value was set once (a term, a fine handed down), so a later report is no update of an
    earlier one and an earlier version is not said to be superseded."""
    outlets = {f.outlet for version in versions for f in version}
    # Which version came later goes by when each text stands as of: a corrected version of an
    # article keeps its first publication date, but its figures are as of the correction.
    current = [[as_of(f.article) for f in version] for version in versions]
    notes: list[str | None] = []
    for i, version in enumerate(versions):
        found: list[str] = []
        stale = False
        for fact in version:
            origin = fact.article.origin
            if origin is not None and origin.name in outlets and origin.name != fact.outlet:
                found.append(f"derived: {fact.outlet} rewrites {origin.name}")
            moment = parse_published(fact.article.published)
            if event is not None and moment is not None:
                event_start = datetime.fromtimestamp(event.low, tz=timezone.utc)
                if moment < event_start - STALE_GAP:
                    stale = True
                    kind = fact.article.outlet.kind if fact.article.outlet else "report"
                    what = "an encyclopedia entry" if kind == "encyclopedia" else "a report"
                    found.append(
                        f"{fact.outlet} is {what} first published {moment.date().isoformat()}, long before"
                        f" the event ({describe(event)}): edited since or about something earlier"
                    )
        mine = [(m, f.article.updated) for m, f in zip(current[i], version) if m is not None]
        others = [m for j, ms in enumerate(current) if j != i for m in ms if m is not None]
        latest, updated = max(mine, key=lambda pair: pair[0]) if mine else (None, None)
        if not given_once and not stale and latest is not None and others and latest < min(others) - EARLIER_GAP:
            found.append(
                f"earlier report ({'updated' if updated else 'published'} {latest.isoformat(timespec='minutes')}); "
                "later reports differ"
            )
        notes.append("; ".join(unique_in_order(found)) or None)
    return notes


def givers(version: Sequence[Fact]) -> tuple[str, ...]:
    """Whom the outlets give a version of a rival estimate to (``is_rival_estimate``), each source
    once however outlets write it ("Police" / "police"), as first written; none for other facts."""
    found: dict[str, str] = {}
    for fact in version:
        if is_rival_estimate(fact) and fact.given_by:
            # Named mid-sentence: "according to the federation", not "The federation".
            written = re.sub(r"^(The|A|An)\s", lambda m: m.group(1).lower() + " ", " ".join(fact.given_by.split()))
            found.setdefault(voice_key(fact.given_by) or "", written)
    return tuple(found.values())


def build_dispute(slot: list[Fact], story_day: Interval | None = None) -> Dispute | None:
    """The dispute of one slot, if its values fall into versions that contradict each other;
    ``story_day`` (the story's main day) dates it when its claims state no day of their own."""
    versions, fitting = set_aside_fitting_several(split_versions(slot))
    versions = in_conflict(without_own_rivals(versions))
    if len(versions) < 2:
        return None
    event = dispute_day(slot, story_day)
    what = _what(slot, event)
    notes = _notes(versions, event, given_once=_given_once(slot[0]))
    records = []
    for version, note in zip(versions, notes):
        ordered = sorted(version, key=lambda f: (f.outlet, f.evidence.start))
        records.append(
            DisputeVersion(
                value=" / ".join(unique_in_order(v for f in ordered for v in f.values)),
                normalized=" / ".join(unique_in_order(describe(f.intervals[0]) for f in ordered)),
                sources=tuple(unique_in_order(f.outlet for f in ordered)),
                evidence=tuple(dict.fromkeys(f.evidence for f in ordered)),
                note=note,
                given_by=givers(ordered),
            )
        )
    # Outlets that state the same value do not disagree, whatever our reading of it: a dispute
    # whose versions all read alike ("Wednesday" / "Wednesday") is no dispute.
    if len({" ".join(v.value.lower().split()) for v in records}) < 2:
        return None
    records.sort(key=lambda v: (-len(v.sources), v.normalized))
    kind = slot[0].kind if slot[0].kind != "amount" else "count"
    explanation = explain(what, kind, records, lasted=not (is_penalty(slot[0]) or is_term(slot[0])))
    for fact in sorted(fitting, key=lambda f: (f.outlet, f.evidence.start)):
        explanation += f" {fact.outlet}'s “{' / '.join(fact.values)}” fits {'both versions' if len(records) == 2 else 'several versions'}."
    return Dispute(what=what, kind=kind, versions=tuple(records), explanation=explanation)
