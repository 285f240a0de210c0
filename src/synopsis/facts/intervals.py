"""Values as intervals with units, so that outlets' numbers, durations and dates compare as ranges.

"less than an hour" is [0, 60) minutes and "about 40 minutes" is [34, 46] minutes: they overlap, so
the two reports agree. Every value that synopsis compares goes through this module first.

Units after conversion (``Interval.unit``):

- ``"s"``: durations in seconds;
- ``"count"``: bare counts (what is counted is the caller's business: a slot, not a unit);
- other units in the extractor's base units (``quantity_units.normalize_unit``: ``"m"`` for
  kilometres and miles, ``"kg"``, ``"USD"``, ``"percent"``, ...);
- ``"date"``: calendar spans as naive POSIX seconds (a date is the local calendar day of the event,
  so no time zone is applied);
- ``"instant"``: clock times with a known zone, converted to UTC POSIX seconds;
- ``"local"`` / ``"local@PLACE"``: wall-clock times without a zone (naive POSIX seconds): they
  compare only with local times of the same place;
- ``"clock"`` / ``"clock-local"``: a time of day without a date, in seconds after midnight (UTC /
  local wall clock).
"""

from __future__ import annotations

import calendar
import math
import re
from decimal import Decimal
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from synopsis.extract.match_minutes import MATCH_MINUTE
from synopsis.extract.vote_splits import VOTE_SPLIT, split_of
from synopsis.extract.quantity_units import POSTFIX, QUALIFIERS, UNITS, normalize_phrase, normalize_unit
from synopsis.records import Quantity, TimeRef

INF = math.inf

# Hedged values. "about 40 minutes" is read as 40 ± 15 %: reporters round durations and counts to
# the nearest "nice" number (5, 10, 15 minutes; 50, 100 people), and 15 % covers rounding 34-46 to
# 40 while keeping "about 40 minutes" and "about three and a half hours" (a factor of five apart)
# clearly apart. "nearly"/"almost" say the true value is just below the stated one, by at most as
# much (``below_spread``).
APPROX_TOLERANCE = 0.15
# ... and by no more than one and a half steps of the figure's last significant digit: a writer
# who says "nearly 190" counted more than 175 (else "nearly 180"), one who says "nearly 2,000" more
# than 1,700 (the 15 % cap). Read as [0.85x, x], "nearly 190" took in 168, another outlet's count.
BELOW_PLACES = 1.5
# An unqualified figure is the writer's rounding of the value (``rounding_margin``), by at most
# 5 %: further than that a writer hedges ("about"). 5 % lets "1,000" meet "1,012" without letting
# "1,000" meet "1,200" (a different swap); "339" and "329" (counts, not round) stay exact.
ROUND_TOLERANCE = 0.05
# A clock time as written ("8:37 p.m.") has minute resolution; outlets quoting the same clock
# often differ by a minute in what they round to.
CLOCK_SLACK_S = 60.0
# The mean Gregorian year, the extractor's factor for "years" (``quantity_units``).
YEAR_S = 31_556_952.0
# Square metres in a hectare, the unit areas are shown in (``describe``).
HECTARE_M2 = 10_000.0


def _read_as(*canonical: str) -> frozenset[str]:
    """The canonical qualifiers and every phrase the extractor reads as one of them: the
    extractor's lexicon (``quantity_units.QUALIFIERS`` and ``POSTFIX``) is the one word list, so
    that a hedge it learns ("larger than") is read here the same way."""
    written = {phrase for phrase, (name, _) in (QUALIFIERS | POSTFIX).items() if name in canonical}
    return frozenset(canonical) | written


# Besides the extractor's words: TimeML "mod" values (the times extractor's modifiers) and
# words the extractor does not read before a number but a hand-made quantity may carry.
APPROX_WORDS = _read_as("about") | {"c.", "ca.", "approximate", "APPROX"}
BELOW_WORDS = _read_as("nearly") | {"NEARLY", "ALMOST"}
# "just over" is read as an open lower bound here, as it was before the lexicon was shared.
MORE_THAN_WORDS = _read_as("more than", "just over") | {"MORE_THAN"}
AT_LEAST_WORDS = _read_as("at least") | {"minimum", "EQUAL_OR_MORE", "ON_OR_AFTER"}
LESS_THAN_WORDS = _read_as("less than") | {"LESS_THAN"}
AT_MOST_WORDS = _read_as("up to") | {"maximum", "EQUAL_OR_LESS", "ON_OR_BEFORE"}

# Vague plurals with no number: "hundreds" means at least two hundred and fewer than a thousand
# (otherwise a writer says "a hundred" or "thousands"); the same reading for the other scales.
VAGUE_AMOUNTS: tuple[tuple[re.Pattern[str], float, float], ...] = tuple(
    (re.compile(pattern, re.I), low, high)
    for pattern, low, high in (
        (r"\bhundreds of thousands\b", 200_000, 1_000_000),
        (r"\btens of thousands\b", 20_000, 100_000),
        (r"\bhundreds of millions\b", 200_000_000, 1_000_000_000),
        (r"\btens of millions\b", 20_000_000, 100_000_000),
        (r"\b(several|many) thousands?\b", 2_000, 10_000),
        (r"\bthousands\b", 2_000, 10_000),
        (r"\b(several|many) hundreds?\b", 200, 1_000),
        (r"\bhundreds\b", 200, 1_000),
        (r"\bmillions\b", 2_000_000, 1_000_000_000),
        (r"\bdozens\b", 24, 100),
        (r"\b(several|a few) dozen\b", 24, 100),
        (r"\bscores\b", 40, 200),
        (r"\ba handful\b", 3, 10),
    )
)
# "a dozen", "two dozen": a writer who counts in dozens rounds to them, as one who says "about"
# does; "a dozen injured" where seven were is another number, where eleven were the same.
DOZEN = re.compile(r"\bdozen\b", re.I)

@dataclass(frozen=True, slots=True)
class Interval:
    """A set of possible values [low, high] (open ends excluded) in one base unit."""

    low: float
    high: float
    low_open: bool = False
    high_open: bool = False
    unit: str = "count"

    def contains(self, value: float) -> bool:
        """Say whether a single value lies in the interval."""
        above = value > self.low if self.low_open else value >= self.low
        below = value < self.high if self.high_open else value <= self.high
        return above and below


def intersect(a: Interval, b: Interval) -> Interval | None:
    """Return the overlap of two intervals of the same unit, or None if they do not meet."""
    if a.unit != b.unit:
        return None
    if a.low > b.low or (a.low == b.low and a.low_open):
        low, low_open = a.low, a.low_open
    else:
        low, low_open = b.low, b.low_open
    if a.high < b.high or (a.high == b.high and a.high_open):
        high, high_open = a.high, a.high_open
    else:
        high, high_open = b.high, b.high_open
    if low > high or (low == high and (low_open or high_open)):
        return None
    return Interval(low, high, low_open, high_open, a.unit)


def compatible(a: Interval, b: Interval) -> bool:
    """Two values agree when their intervals share a unit and overlap."""
    return intersect(a, b) is not None


def comparable(a: Interval, b: Interval) -> bool:
    """Two values can be compared at all (same base unit)."""
    return a.unit == b.unit


# ---------------------------------------------------------------------------
# Quantities
# ---------------------------------------------------------------------------


def _is_round(value: float) -> bool:
    # 100, 250, 1,000, 6,000: the numbers writers round a count to.
    return value >= 100 and value % 50 == 0


def rounding_margin(number: float, discrete: bool = False) -> float:
    """How far the value an unqualified figure stands for may lie from the figure, in its own unit.

    A journalist reads an unqualified figure of a measure as rounded to its last significant
    digit: "15 percent" is 14.5 to 15.5 percent, so it is not disputed by "more than 15 percent";
    "1.5 million" is 1.45 to 1.55 million, "40 minutes" 35 to 45 minutes. A writer who rounds by
    more than ``ROUND_TOLERANCE`` says "about", so no margin is wider than that: "40 minutes" is
    38 to 42, "one hour" 57 to 63 minutes (not 30 to 90, which would take in "45 minutes").
    A count of discrete things is what was counted: "2 killed" is two, and "more than 2 killed"
    disputes it; only a round count ("10,000 protesters", ``_is_round``) is a rounding.
    """
    if number == 0 or not math.isfinite(number):
        return 0.0
    # Read to 15 significant digits, all a float holds of what was written: "4.1 million" parsed
    # as 4.1 * 1e6 is 4099999.9999999995, whose last digits are no writer's (and no round count's).
    written = Decimal(f"{float(number):.15g}")
    if discrete and not _is_round(float(written)):
        return 0.0
    return min(0.5 * last_digit_place(number), abs(number) * ROUND_TOLERANCE)


def last_digit_place(number: float) -> float:
    """The place of a figure's last significant digit: 15 -> 1, 40 -> 10, 190 -> 10, 1.5e6 -> 1e5,
    1.75 -> 0.01. Trailing zeros of a whole number are not significant (a writer rounds to them).
    Read to 15 significant digits, as ``rounding_margin`` reads a figure."""
    if number == 0 or not math.isfinite(number):
        return 0.0
    return 10.0 ** int(Decimal(f"{float(number):.15g}").normalize().as_tuple().exponent)


def below_spread(value: float, place: float | None = None) -> float:
    """How far below a figure hedged "nearly"/"almost"/"just under" the value may lie: within
    ``APPROX_TOLERANCE`` of it and, where the place of its last significant digit is known (in the
    value's unit), within ``BELOW_PLACES`` such steps."""
    spread = abs(value) * APPROX_TOLERANCE
    return spread if not place else min(spread, BELOW_PLACES * place)


def rounded(value: float, margin: float, unit: str) -> Interval:
    """The values a figure rounded by ``margin`` stands for: [value - margin, value + margin), the
    upper end open so that "15 percent" (up to 15.5) and "16 percent" (from 15.5) do not meet."""
    return Interval(value - margin, value + margin, high_open=margin > 0, unit=unit)


def apply_qualifier(value: float, qualifier: str | None, unit: str, margin: float,
                    place: float | None = None) -> Interval:
    """Turn a stated number and its hedge ("about", "more than", ...) into an interval; an
    unqualified number stands for the values it may be a rounding of (``margin``, same unit), and
    one just below ("nearly") reaches down as far as its roundness allows (``place``, the step of
    its last significant digit in the same unit; ``below_spread``)."""
    q = (qualifier or "").strip()
    lower_q = q.lower()
    if q in APPROX_WORDS or lower_q in APPROX_WORDS:
        spread = abs(value) * APPROX_TOLERANCE
        return Interval(value - spread, value + spread, unit=unit)
    if q in BELOW_WORDS or lower_q in BELOW_WORDS:
        # Closed above: an outlet's "190" may be the rounding of the 189 another calls "nearly 190".
        return Interval(value - below_spread(value, place), value, unit=unit)
    if q in MORE_THAN_WORDS or lower_q in MORE_THAN_WORDS:
        return Interval(value, INF, low_open=True, high_open=True, unit=unit)
    if q in AT_LEAST_WORDS or lower_q in AT_LEAST_WORDS:
        return Interval(value, INF, high_open=True, unit=unit)
    # Counts, durations and money are never negative: "less than an hour" is [0, 1 h).
    floor = 0.0 if value >= 0 else -INF
    if q in LESS_THAN_WORDS or lower_q in LESS_THAN_WORDS:
        return Interval(floor, value, high_open=True, unit=unit)
    if q in AT_MOST_WORDS or lower_q in AT_MOST_WORDS:
        return Interval(floor, value, unit=unit)
    return rounded(value, margin, unit)


def _unit_of(quantity: Quantity) -> tuple[str, float]:
    """Base unit and factor to it for a quantity's unit, from the extractor's one table
    (``quantity_units.normalize_unit``): "12 km" and "12,000 metres" are one distance here as in
    claim alignment. Durations are in ``"s"``."""
    if quantity.unit is None:
        return "count", 1.0
    written = normalize_phrase(quantity.unit)
    base, factor = normalize_unit(UNITS.get(written, quantity.unit))
    return ("s" if base == "second" else base or "count"), factor


def interval_from_quantity(quantity: Quantity) -> Interval | None:
    """Read a Quantity as an interval in its base unit (durations in seconds), or None if it has no number."""
    unit, factor = _unit_of(quantity)
    qualifier = (quantity.qualifier or "").strip().lower()
    if qualifier == "range" or (quantity.value is None and quantity.low is not None and quantity.high is not None):
        low = quantity.low if quantity.low is not None else quantity.value
        high = quantity.high if quantity.high is not None else quantity.value
        if low is None or high is None:
            return None
        return Interval(min(low, high) * factor, max(low, high) * factor, unit=unit)
    if quantity.value is None:
        for pattern, low, high in VAGUE_AMOUNTS:
            if pattern.search(quantity.text):
                return Interval(low * factor, high * factor, high_open=True, unit=unit)
        if quantity.low is not None or quantity.high is not None:
            low = quantity.low if quantity.low is not None else 0.0
            high = quantity.high if quantity.high is not None else INF
            return Interval(low * factor, high * factor, high_open=high == INF, unit=unit)
        return None
    if not qualifier:
        for pattern, low, high in VAGUE_AMOUNTS:
            # "hundreds of prisoners" parsed as 100 with no qualifier is still vague.
            if pattern.search(quantity.text):
                return Interval(low * factor, high * factor, high_open=True, unit=unit)
    # The margin is worked out in the unit the figure is written in: "40 minutes" is rounded to
    # ten minutes, not to 100 of the 2,400 seconds it is.
    # A match minute is a point on the game's clock, told to the minute: "the 80th minute" is not
    # rounded, and "the 81st" disputes it.
    # A vote split is told exactly: "7-2" is not a rounding of anything.
    margin = 0.0 if unit in (MATCH_MINUTE, VOTE_SPLIT) else rounding_margin(quantity.value, discrete=unit == "count") * factor
    hedge = "about" if not qualifier and DOZEN.search(quantity.text) else quantity.qualifier
    return apply_qualifier(quantity.value * factor, hedge, unit, margin, last_digit_place(quantity.value) * factor)


def hedge_of(quantity: Quantity) -> str:
    """How a quantity's number is meant: ``"exact"`` (as written, perhaps rounded), ``"approx"``
    ("about", "nearly", a vague plural), ``"lower"`` ("more than", "at least"), ``"upper"``
    ("less than", "up to") or ``"range"`` ("24 to 48 hours")."""
    q = (quantity.qualifier or "").strip()
    if q.lower() == "range":
        return "range"
    if q.lower() == "vague" or any(pattern.search(quantity.text) for pattern, _, _ in VAGUE_AMOUNTS):
        return "approx"
    if not q and DOZEN.search(quantity.text):
        return "approx"
    if quantity.value is None and quantity.low is not None and quantity.high is not None:
        return "range"
    for hedge, words in (("approx", APPROX_WORDS | BELOW_WORDS), ("lower", MORE_THAN_WORDS | AT_LEAST_WORDS),
                         ("upper", LESS_THAN_WORDS | AT_MOST_WORDS)):
        if q in words or q.lower() in words:
            return hedge
    return "exact"


def stated_interval(quantity: Quantity) -> Interval | None:
    """The number(s) a quantity writes, without its hedge or rounding, in the base unit of
    ``interval_from_quantity``: "about 40 minutes" -> [2400, 2400] s, "24 to 48 hours" -> [86400, 172800] s."""
    unit, factor = _unit_of(quantity)
    numbers = (quantity.value,) if quantity.value is not None else (quantity.low, quantity.high)
    if any(n is None for n in numbers):
        return None
    return Interval(min(numbers) * factor, max(numbers) * factor, unit=unit)  # type: ignore[type-var]


def within(inner: Interval, outer: Interval) -> bool:
    """Whether every value of ``inner`` lies in ``outer`` (same unit)."""
    return inner.unit == outer.unit and outer.contains(inner.low) and outer.contains(inner.high)


# ---------------------------------------------------------------------------
# Time expressions
# ---------------------------------------------------------------------------

_DURATION = re.compile(
    r"^P(?:(?P<Y>\d+(?:\.\d+)?)Y)?(?:(?P<M>\d+(?:\.\d+)?)M)?(?:(?P<W>\d+(?:\.\d+)?)W)?(?:(?P<D>\d+(?:\.\d+)?)D)?"
    r"(?:T(?:(?P<h>\d+(?:\.\d+)?)H)?(?:(?P<m>\d+(?:\.\d+)?)M)?(?:(?P<s>\d+(?:\.\d+)?)S)?)?$"
)
_DATE = re.compile(r"^(?P<y>\d{4})(?:-(?P<mo>\d{2})(?:-(?P<d>\d{2}))?)?$")
_WEEK = re.compile(r"^(?P<y>\d{4})-W(?P<w>\d{2})$")
_QUARTER = re.compile(r"^(?P<y>\d{4})-Q(?P<q>[1-4])$")
_HALF = re.compile(r"^(?P<y>\d{4})-H(?P<h>[12])$")
_SEASON = re.compile(r"^(?P<y>\d{4})-(?P<s>SP|SU|FA|WI)$")
_PART_OF_DAY = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2})T(?P<p>MO|MI|AF|EV|NI|DT)$")
_TIME = re.compile(
    r"^(?:(?P<date>\d{4}-\d{2}-\d{2})|XXXX-XX-XX)?T(?P<h>\d{2})(?::?(?P<m>\d{2}))?(?::?(?P<s>\d{2}(?:\.\d+)?))?"
    r"(?P<tz>Z|[+-]\d{2}(?::?\d{2})?)?$"
)
# Northern-hemisphere meteorological seasons (months, first and last inclusive); winter spills
# into the next year.
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
# Parts of the day as hour spans; TimeML leaves them vague, these follow common newsroom usage.
_PARTS_OF_DAY = {"MO": (5, 12), "MI": (11, 13), "AF": (12, 18), "EV": (17, 22), "NI": (20, 30), "DT": (8, 18)}


def _naive_seconds(moment: datetime) -> float:
    return calendar.timegm(moment.timetuple()) + moment.microsecond / 1e6


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def calendar_span(value: str) -> tuple[float, float] | None:
    """Start and end (exclusive) of a TimeML calendar value, as naive POSIX seconds."""
    if match := _DATE.match(value):
        year = int(match["y"])
        if match["d"]:
            start = datetime(year, int(match["mo"]), int(match["d"]))
            end = start + timedelta(days=1)
        elif match["mo"]:
            start = datetime(year, int(match["mo"]), 1)
            end = datetime(*_add_months(year, int(match["mo"]), 1), 1)
        else:
            start, end = datetime(year, 1, 1), datetime(year + 1, 1, 1)
    elif match := _WEEK.match(value):
        start = datetime.fromisocalendar(int(match["y"]), int(match["w"]), 1)
        end = start + timedelta(days=7)
    elif match := _QUARTER.match(value):
        first = (int(match["q"]) - 1) * 3 + 1
        start = datetime(int(match["y"]), first, 1)
        end = datetime(*_add_months(int(match["y"]), first, 3), 1)
    elif match := _HALF.match(value):
        first = 1 if match["h"] == "1" else 7
        start = datetime(int(match["y"]), first, 1)
        end = datetime(*_add_months(int(match["y"]), first, 6), 1)
    elif match := _SEASON.match(value):
        first, last = _SEASONS[match["s"]]
        start = datetime(int(match["y"]), first, 1)
        end = datetime(*_add_months(int(match["y"]), first, last - first + 1), 1)
    elif match := _PART_OF_DAY.match(value):
        day = datetime.fromisoformat(match["date"])
        first, last = _PARTS_OF_DAY[match["p"]]
        start, end = day + timedelta(hours=first), day + timedelta(hours=last)
    else:
        return None
    return _naive_seconds(start), _naive_seconds(end)


def _narrow(low: float, high: float, modifier: str | None) -> tuple[float, float, bool, bool]:
    """Apply a TimeML modifier to a calendar span [low, high): START/MID/END take a third of it."""
    mod = (modifier or "").upper()
    third = (high - low) / 3
    if mod in {"START", "EARLY"}:
        return low, low + third, False, True
    if mod == "MID":
        return low + third, high - third, False, True
    if mod in {"END", "LATE"}:
        return high - third, high, False, True
    if mod == "BEFORE":
        return -INF, low, True, True
    if mod == "ON_OR_BEFORE":
        return -INF, high, True, True
    if mod == "AFTER":
        return high, INF, False, True
    if mod == "ON_OR_AFTER":
        return low, INF, False, True
    if mod == "APPROX":
        return low - third, high + third, False, True
    return low, high, False, True


_DURATION_PARTS = (("Y", 31556952.0), ("M", 2629746.0), ("W", 604800.0), ("D", 86400.0),
                   ("h", 3600.0), ("m", 60.0), ("s", 1.0))


def _duration_seconds(value: str) -> float | None:
    match = _DURATION.match(value)
    if not match or value in {"P", "PT"}:
        return None
    return sum(float(match[key]) * factor for key, factor in _DURATION_PARTS if match[key])


def _duration_margin(value: str) -> float:
    """``rounding_margin`` of a TimeML duration, in seconds: that of its last part as written
    ("PT1H45M": of the 45 minutes)."""
    match = _DURATION.match(value)
    written = [(float(match[key]), factor) for key, factor in _DURATION_PARTS if match and match[key]]
    if not written:
        return 0.0
    number, factor = written[-1]
    return rounding_margin(number) * factor


def _zone_offset(tz: str) -> timedelta:
    if tz == "Z":
        return timedelta(0)
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    return sign * timedelta(hours=hours, minutes=minutes)


def interval_from_time(time: TimeRef, place: str | None = None) -> Interval | None:
    """Read a TimeRef as an interval: durations in seconds, dates as calendar spans, clock times as instants.

    ``place`` names where a zone-less clock time was read ("local time" in a dateline from
    Istanbul): such times compare only with local times of the same place. Returns None for
    values that cannot be placed (unresolved "XXXX" dates, SET).
    """
    value = (time.value or "").strip()
    kind = (time.type or "").upper()
    if kind == "SET" or not value:
        return None
    if kind == "DURATION" or value.startswith("P"):
        if "/" in value:  # a range of durations, "PT24H/PT48H"
            parts = [_duration_seconds(part) for part in value.split("/", 1)]
            if None in parts:
                return None
            low, high = sorted(parts)  # type: ignore[type-var]
            return Interval(low, high, unit="s")
        seconds = _duration_seconds(value)
        if seconds is None:
            return None
        return apply_qualifier(seconds, time.modifier, "s", _duration_margin(value))
    if match := _TIME.match(value):
        hour, minute = int(match["h"]), int(match["m"] or 0)
        second = float(match["s"] or 0)
        # Resolution: a clock time as written has minute resolution, an hour alone is the hour.
        slack = CLOCK_SLACK_S if match["m"] else 1800.0
        offset = hour * 3600 + minute * 60 + second
        if match["date"]:
            base = _naive_seconds(datetime.fromisoformat(match["date"])) + offset
            if match["tz"]:
                instant = base - _zone_offset(match["tz"]).total_seconds()
                unit = "instant"
            else:
                instant, unit = base, f"local@{place}" if place else "local"
        else:
            if match["tz"]:
                instant = (offset - _zone_offset(match["tz"]).total_seconds()) % 86400
                unit = "clock"
            else:
                instant, unit = offset, f"clock-local@{place}" if place else "clock-local"
        low, high = instant - slack, instant + slack
        mod = (time.modifier or "").upper()
        if mod in {"APPROX"}:
            low, high = low - 900, high + 900  # "around 18:00": a quarter of an hour either side
        elif mod in {"BEFORE", "ON_OR_BEFORE"}:
            low = -INF
        elif mod in {"AFTER", "ON_OR_AFTER"}:
            high = INF
        return Interval(low, high, unit=unit)
    span = calendar_span(value)
    if span is None:
        return None
    low, high, low_open, high_open = _narrow(*span, time.modifier)
    return Interval(low, high, low_open, high_open, unit="date")


# ---------------------------------------------------------------------------
# Display
# ---------------------------------------------------------------------------


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    if abs(value - round(value)) < 1e-9:
        return str(int(round(value)))
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _brackets(interval: Interval, low: str, high: str, suffix: str) -> str:
    left = "(" if interval.low_open or math.isinf(interval.low) else "["
    right = ")" if interval.high_open or math.isinf(interval.high) else "]"
    return f"{left}{low}, {high}{right}{suffix}"


def _moment(seconds: float, fmt: str) -> str:
    if math.isinf(seconds):
        return "…"
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime(fmt)


def describe(interval: Interval) -> str:
    """Write an interval for humans: "[0, 60) min", "(1000, ∞)", "2025-07-23", "17:37 UTC ± 1 min"."""
    if interval.unit == "s":
        finite = [abs(v) for v in (interval.low, interval.high) if not math.isinf(v)]
        largest = max(finite, default=0.0)
        if largest <= 2 * 3600:
            factor, name = 60.0, "min"
        elif largest <= 3 * 86400:
            factor, name = 3600.0, "h"
        elif largest < 2 * YEAR_S:
            factor, name = 86400.0, "days"
        else:  # a prison term of "seven years" reads in years, not as 2,557 days
            factor, name = YEAR_S, "years"
        if largest < 120:
            factor, name = 1.0, "s"
        return _brackets(interval, _number(interval.low / factor), _number(interval.high / factor), f" {name}")
    if interval.unit == "date":
        low = _moment(interval.low, "%Y-%m-%d")
        if not math.isinf(interval.high) and interval.high - interval.low == 86400 and interval.low % 86400 == 0:
            return low
        # Part of a day ("Tuesday morning"): with the hours, or the bounds read as one empty day.
        fmt = "%Y-%m-%d %H:%M" if interval.high - interval.low < 86400 else "%Y-%m-%d"
        return _brackets(interval, _moment(interval.low, fmt), _moment(interval.high, fmt), "")
    if interval.unit in {"instant", "clock"} or interval.unit.startswith(("local", "clock-local")):
        fmt = "%Y-%m-%dT%H:%M" if interval.unit == "instant" or interval.unit.startswith("local") else "%H:%M"
        zone = " UTC" if interval.unit in {"instant", "clock"} else " local"
        if "@" in interval.unit:
            zone += f" ({interval.unit.split('@', 1)[1]})"
        if not math.isinf(interval.low) and not math.isinf(interval.high):
            middle = (interval.low + interval.high) / 2
            half = (interval.high - interval.low) / 2
            return f"{_moment(middle, fmt)}{zone} ± {_number(half / 60)} min"
        return _brackets(interval, _moment(interval.low, fmt), _moment(interval.high, fmt), zone)
    if interval.unit == VOTE_SPLIT and interval.low == interval.high:
        return split_of(interval.low)
    if interval.unit == "m2" and max((abs(v) for v in (interval.low, interval.high) if not math.isinf(v)),
                                     default=0.0) >= HECTARE_M2:
        # An area given in hectares, acres or square kilometres reads in hectares, not as 48,000,000 m2.
        interval = Interval(interval.low / HECTARE_M2, interval.high / HECTARE_M2, interval.low_open,
                            interval.high_open, "ha")
    if interval.low == interval.high:
        text = _number(interval.low)
    else:
        text = _brackets(interval, _number(interval.low), _number(interval.high), "")
    if interval.unit == "count":
        return text
    if interval.unit == "percent":
        return f"{text} %"
    return f"{text} {interval.unit}"
