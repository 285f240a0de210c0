"""Versions and notes: the wording of a dispute and why one version may be stale or derived."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone

from synopsis.compare.dispute_facts import (SHARE_WON, Fact, is_measured_physical, is_measured_sum, is_penalty,
                                            is_rival_estimate, is_term, voice_key)
from synopsis.compare.dispute_slots import (
    agrees_with,
    in_conflict,
    set_aside_fitting_several,
    split_versions,
    without_own_rivals,
)
from synopsis.extract.match_minutes import MATCH_MINUTE
from synopsis.extract.vote_splits import VOTE_SPLIT
from synopsis.facts.currency_names import currency_name, is_currency_noun
from synopsis.compare.running_counts import (EARLIER_GAP, explain_rise, first_reported, higher, is_running_count,
                                             only_rose, place_by_time, reported_at)
from synopsis.facts.dates import as_of_stamp, calendar_day, parse_published
from synopsis.facts.emergency_counts import DEPLOY
from synopsis.facts.intervals import Interval, describe
from synopsis.facts.measures import counted_lemma
from synopsis.facts.keys import FINE, MAGNITUDE, WHOLE_MEASURES
from synopsis.facts.keys_crowd import ATTENDANCE, PARTICIPATION
from synopsis.facts.keys_money import JOB_CUTS, is_currency
from synopsis.facts.tallies import ACQUIRE
from synopsis.records import Dispute, DisputeVersion


# A report published this long before the event it describes was written for something else
# (an encyclopedia entry first written months earlier and updated since).
STALE_GAP = timedelta(days=2)


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
    "win": "won", DEPLOY: "deployed",
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

# A label reads as a column head: what is measured, of what or whom, and the unit only where the
# values leave it out or it parts one slot from another. A sum is keyed by its currency, never
# converted, so "price in euros" and "price in dollars" are two slots and say so; a percentage or a
# physical measure has one unit per measure, which the values show ("58.7 percent", "40 km").
# Whole-population measures by the name a reader knows them by ("unemployment rate").
RATE_NAMES = {"unemployment": "unemployment rate", "inflation": "inflation rate", "employment": "employment rate",
              "participation": "participation rate", "literacy": "literacy rate", "poverty": "poverty rate",
              "approval": "approval rating"}
# What a count of "others" is when the count says what happened to them ("34 others were injured"):
# people, as the count beside it ("14 people were killed") has it.
_PEOPLE_PREDICATES = frozenset({"die", "injure", "evacuate", "detain", "rescue"})
_OTHERS = frozenset({"others", "other", "more"})


def _is_fine(fact: Fact) -> bool:
    return fact.kind == "count" and fact.key[0] == FINE


def _counted(slot: list[Fact], fallback: str) -> str:
    """What the slot's counts count, as the first outlet that says it writes it, lower-cased."""
    # A label that names the count itself ("the number of people ...": ``measures.COUNT_WORDS``) says
    # nothing of what it counts.
    return next((f.label.lower() for f in slot if f.label and counted_lemma(f.label) is not None), None) or fallback


def _percent_what(measure: str) -> str:
    """A percentage's measure as a head: "turnout", "unemployment rate", "rise in revenue"."""
    if measure in RATE_NAMES:
        return RATE_NAMES[measure]
    noun, _, change = measure.rpartition(" ")
    if change in {"rise", "fall"} and noun:
        # "revenue rise", "shares fall" (``keys_money.percent_measure_at``): what rose is a price of shares.
        return f"{change} in {'share price' if noun == 'shares' else noun}"
    return measure


def _what(slot: list[Fact], day: Interval | None) -> str:
    fact = next((f for f in slot if f.key_known), slot[0])
    # The event any value names, when the one taken names none ("exchanged six prisoners on
    # Thursday" / "the swap took place on Wednesday" are the exchange's days).
    event = (next((f.key[0] for f in [fact, *slot] if f.key[0]), None)
             if fact.kind in {"duration", "time", "date"} else None)
    suffix = f" on {describe(day)}" if day is not None else ""
    if _is_fine(fact):
        counted = _counted(slot, "money")
        person = next((f.key[1] for f in slot if len(f.key) > 1 and f.key[1]), None)
        return f"fine{f' for {person}' if person else ''} in {counted}{suffix}"
    if fact.kind == "count" and fact.key[0] == ATTENDANCE[0]:
        # "about 15,000 people took part", "60,000 teachers filled the avenues": one crowd, whichever
        # noun each outlet counts it by.
        return f"crowd size{suffix}"
    if (measured := _measured_what(fact)) is not None:
        return measured + (suffix if not is_term(fact) else "")
    if fact.kind == "count":
        counted = _counted(slot, "people or things")
        if is_currency_noun(counted):
            # "repay 2.4 million dinars": a sum of money in a currency the extractor has no unit for.
            return f"{_SUM_NAMES.get(fact.key[0] or '', 'sum')} in {counted}{suffix}"
        happened = PARTICIPLES.get(fact.key[0] or "", "")
        if counted in _OTHERS and fact.key[0] in _PEOPLE_PREDICATES:
            counted = "people"
        if fact.key[0] == ACQUIRE and len(fact.key) > 1:
            happened += f" by {fact.key[1]}"  # a tally of one holder ("seats won by the Green Alliance")
        return f"number of {counted}{' ' + happened if happened else ''}{suffix}"
    if fact.kind == "amount" and fact.key[0] == MATCH_MINUTE:
        return "match minute" + (f" of {fact.label}" if fact.label else "") + suffix
    if fact.kind == "amount" and fact.key[0] == VOTE_SPLIT:
        body = next((f.noun for f in slot if f.noun), None)
        return "vote split" + (f" of the {body}" if body else "") + suffix
    if fact.kind == "amount" and fact.key[0] == MAGNITUDE:
        return f"magnitude of the {fact.key[1] or 'event'}{suffix}"
    if fact.kind == "amount" and fact.key[0] == "percent" and fact.key[1] == SHARE_WON:
        return f"share won by {fact.key[2]}{suffix}"
    if fact.kind == "amount" and fact.key == ("percent", PARTICIPATION):
        return f"share taking part{suffix}"  # a strike's or a vote's: not "participation rate"
    if fact.kind == "amount" and fact.key[0] == "percent":
        return (_percent_what(fact.key[1]) if fact.key[1] else "percentage") + suffix
    if fact.kind == "amount" and fact.key[0] in MEASURE_NAMES and not fact.key[1]:
        return MEASURE_NAMES[fact.key[0]] + suffix
    if fact.kind == "amount" and is_currency(fact.key[0]):
        return f"{fact.key[1] or 'sum'} in {currency_name(fact.key[0])}{suffix}"
    if fact.kind == "amount":
        # A measure named in words ("distance from Huanta", ``keys_physical``) says what it is; the
        # values give its unit.
        return (fact.key[1] or f"amount in {fact.key[0]}") + suffix
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
    cuts), or None: "price in euros", "wind speed", "length of the contract", "number of jobs cut"."""
    if is_measured_sum(fact):
        return f"{fact.key[1]} in {currency_name(fact.key[0])}"
    if is_measured_physical(fact):
        return fact.key[1]
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


def _notes(versions: list[list[Fact]], event: Interval | None, running: bool = False,
           latest: int | None = None) -> list[str | None]:
    """Say where a version looks derived or stale; every version is still shown. ``running``: the
    value is a running count (``is_running_count``), so a version every report of which came
    before a report of another is an earlier figure of it; of any other value (a term, a fine, one
    outlet's estimate beside another's) a later report is no update of an earlier one. ``latest``:
    of a count that only rose (``only_rose``), the version that is its latest figure, said so;
    every other version is then an earlier figure."""
    outlets = {f.outlet for version in versions for f in version}
    # Which version came later goes by when each text stands as of: a corrected version of an
    # article keeps its first publication date, but its figures are as of the correction.
    current = [[as_of_stamp(f.article) for f in version] for version in versions]
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
        # A running count revised ("revised the number of injured to 17 from 12") is a later
        # figure of the count, not a rival reading of it: said so, and still shown as a version.
        revised = [(m, f) for m, f in zip(current[i], version) if f.revised and m is not None]
        if i == latest and mine:
            # The figure a count that only rose stands at: the last one reported, marked so.
            stamp, updated = max(mine, key=lambda pair: (pair[0].moment.date(), pair[0].day_only, pair[0].moment))
            found.append(f"latest figure ({'updated' if updated else 'published'} {stamp.shown()})"
                         + "".join(f"; {outlet} reports the count revised"
                                   for outlet in unique_in_order(f.outlet for _, f in revised)))
        elif revised:
            stamp, fact = max(revised, key=lambda pair: (pair[0].moment.date(), pair[0].day_only, pair[0].moment))
            others_all = [m for j, ms in enumerate(current) if j != i for m in ms if m is not None]
            later = bool(others_all) and all(o.before(stamp, EARLIER_GAP) for o in others_all)
            found.append(f"{'later' if later else 'revised'} figure: {fact.outlet} reports the count revised"
                         f" (published {stamp.shown()})")
        # Earlier when every report of this version precedes every report of another, higher one
        # (``higher``), each pair compared at the precision both give (``Stamp.before``): each
        # figure of a toll that rose 2, 3, 4, 5 over the day is an earlier one but the last, and so
        # is an open figure ("at least 20") a count that only rose went past. A figure some outlets
        # still gave as late as it (19 dead beside 12 the same day and 12 the next) is a rival, not overtaken.
        later_versions = [(j, [m for m in ms if m is not None]) for j, ms in enumerate(current) if j != i]
        if (running and not stale and mine and i != latest and (latest is not None or any(
                later and higher(version, versions[j]) and all(m.before(o, EARLIER_GAP) for m, _ in mine for o in later)
                for j, later in later_versions))):
            last, updated = max(mine, key=lambda pair: (pair[0].moment.date(), pair[0].day_only, pair[0].moment))
            found.append(
                f"earlier report ({'updated' if updated else 'published'} {last.shown()}); later reports differ"
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


# Two readings of a version are one value shown once when they overlap this much of their union:
# "EUR 4,200 million", "4.2 billion euros" and "€4.2bn" are one reading, and so are "45 million
# euros, plus up to 5 million euros" and "45 million euros, with a further 5 million euros", which
# round a little differently (their overlap is 96 % of their union); "about 40" and "42", or "€50m"
# and "45 million plus up to 5 million" (38 %), are different readings of one version, both shown.
SAME_READING_OVERLAP = 0.9


def _same_reading(a: Interval, b: Interval) -> bool:
    if a.unit != b.unit:
        return False
    if (a.low, a.high) == (b.low, b.high):
        return True
    union = max(a.high, b.high) - min(a.low, b.low)
    overlap = min(a.high, b.high) - max(a.low, b.low)
    return math.isfinite(union) and union > 0 and overlap / union >= SAME_READING_OVERLAP


def shown_values(facts: Sequence[Fact]) -> list[tuple[str, Interval]]:
    """The values a version shows, one wording per reading (``_same_reading``), in the facts' order:
    of each reading the wording most of its facts give, the first on a tie. Every wording stays in
    the version's ``wordings``."""
    readings: list[tuple[Interval, list[str]]] = []
    for fact in facts:
        wording, interval = " / ".join(fact.values), fact.intervals[0]
        for first, wordings in readings:
            if _same_reading(first, interval):
                wordings.append(wording)
                break
        else:
            readings.append((interval, [wording]))
    return [(max(dict.fromkeys(wordings), key=wordings.count), first) for first, wordings in readings]


def _versions_named(records: Sequence[DisputeVersion], fitted: set[int]) -> str:
    """The versions a value set aside fits (``fitted``: ids of records), as the note names them:
    "both versions" only where it fits both; otherwise each by its value, in the records' order. A
    value that fits two of three versions does not fit "several versions"."""
    if len(fitted) == len(records):
        return "both versions" if len(records) == 2 else "every version"
    named = [f"“{record.value}”" for record in records if id(record) in fitted]
    return f"the {' and '.join(named) if len(named) < 3 else ', '.join(named[:-1]) + ' and ' + named[-1]} version{'s' if len(named) > 1 else ''}"


def build_dispute(slot: list[Fact], story_day: Interval | None = None) -> Dispute | None:
    """The dispute of one slot, if its values fall into versions that contradict each other;
    ``story_day`` (the story's main day) dates it when its claims state no day of their own."""
    versions, fitting = set_aside_fitting_several(split_versions(slot))
    running = is_running_count(slot) and not _given_once(slot[0])
    if running and fitting:
        # "at least 20 hurt" at 12:30 fits 35 and 38 given in the evening, but not what stood then.
        versions, fitting = place_by_time(versions, fitting)
    versions = in_conflict(without_own_rivals(versions))
    if len(versions) < 2:
        return None
    event = dispute_day(slot, story_day)
    what = _what(slot, event)
    rose = running and only_rose(versions)
    latest = max(range(len(versions)), key=lambda i: first_reported(versions[i])) if rose else None
    notes = _notes(versions, event, running=running, latest=latest)
    records = []
    for version, note in zip(versions, notes):
        ordered = sorted(version, key=lambda f: (f.outlet, f.evidence.start))
        shown = shown_values(ordered)
        records.append(
            DisputeVersion(
                value=" / ".join(wording for wording, _ in shown),
                normalized=" / ".join(unique_in_order(describe(interval) for _, interval in shown)),
                sources=tuple(unique_in_order(f.outlet for f in ordered)),
                evidence=tuple(dict.fromkeys(f.evidence for f in ordered)),
                note=note,
                given_by=givers(ordered),
                wordings=tuple(unique_in_order(v for f in ordered for v in f.values)),
                reported=reported_at(unique_in_order(f.outlet for f in ordered), version, versions) if rose else (),
            )
        )
    # Outlets that state the same value do not disagree, whatever our reading of it: a dispute
    # whose versions all read alike ("Wednesday" / "Wednesday") is no dispute.
    if len({" ".join(" / ".join(v.wordings).lower().split()) for v in records}) < 2:
        return None
    unsorted = list(records)
    if running:
        # A running count reads as it went (2, 3, 4, 5 dead over the day): its figures in the order
        # they were first reported, undated reports last.
        first = {id(record): first_reported(version) for record, version in zip(records, versions)}
        records.sort(key=lambda v: (first[id(v)], -len(v.sources), v.normalized))
    else:
        records.sort(key=lambda v: (-len(v.sources), v.normalized))
    kind = slot[0].kind if slot[0].kind != "amount" else "count"
    if rose:
        by_record = {id(record): version for record, version in zip(unsorted, versions)}
        explanation = explain_rise(what, records, [by_record[id(record)] for record in records])
    else:
        explanation = explain(what, kind, records, lasted=not (is_penalty(slot[0]) or is_term(slot[0])))
    for fact in sorted(fitting, key=lambda f: (f.outlet, f.evidence.start)):
        fitted = {id(record) for version, record in zip(versions, unsorted) if agrees_with(fact, version)}
        if not fitted:  # it fitted only versions that turned out to be no one's rivals
            continue
        explanation += f" {fact.outlet}'s “{' / '.join(fact.values)}” fits {_versions_named(records, fitted)}."
    return Dispute(what=what, kind=kind, versions=tuple(records), explanation=explanation, rose=rose)
