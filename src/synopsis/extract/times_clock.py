"""Time rules for clock times: "8:37 p.m.", "0735 GMT", "18:00 local time", "noon"."""

from __future__ import annotations

import re

from synopsis.extract import times_grammar as g
from synopsis.extract.times_rules import (
    _Context,
    _Hit,
    _rule,
    attach_triggers,
)


def _time_hit(m: re.Match[str], ctx: _Context, hour: int, minute: int) -> _Hit:
    """A TIME hit from a clock time, with its zone and modifier if given."""
    zone = None
    groups = m.groupdict()
    month = ctx.date.month if ctx.date else None
    if groups.get("zabbr"):
        zone = g.zone_offset(groups["zabbr"], month)
        if zone is not None and groups.get("zoff"):
            sign = -1 if groups["zoff"][0] == "-" else 1
            digits = groups["zoff"][1:].replace(":", "")
            hours, mins = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "0")
            zone += sign * (int(hours) * 60 + int(mins))
    elif groups.get("zname") and groups["zname"].lower() != "local":
        zone = g.zone_offset(m.group(0)[m.start("zname") - m.start():], month)
    mod = g.TIME_MODS.get(" ".join(groups["mod"].lower().split())) if groups.get("mod") else None
    clock = "T24:00" if hour == 24 else f"T{hour:02d}:{minute:02d}"
    return _Hit(m.start(), m.end(), "TIME", "", "minute", mod, clock=clock, minutes=hour * 60 + minute, zone=zone)


_AMPM = r"(?P<ap>(?i:a\.m\.|p\.m\.|a\.m|p\.m|am|pm))(?![\w])"


def _clock(m: re.Match[str], ctx: _Context) -> _Hit | None:
    hour = int(m["h"])
    minute = int(m["mi"]) if m.groupdict().get("mi") else 0
    ap = (m.groupdict().get("ap") or "").lower()
    if ap:
        if not 1 <= hour <= 12:
            return None
        if ap.startswith("p") and hour < 12:
            hour += 12
        elif ap.startswith("a") and hour == 12:
            hour = 0
    elif hour > 24 or (hour == 24 and minute):
        return None
    return _time_hit(m, ctx, hour, minute)


_rule(
    rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?(?<![\w:.,$£€])(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*{_AMPM}"
    rf"(?:\s*(?:{g.ZONE}))?"
)(_clock)
_rule(
    rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?(?<![\w:.,$£€])(?P<h>[01]?\d|2[0-4]):(?P<mi>[0-5]\d)(?::[0-5]\d)?(?![\d:])"
    rf"(?:\s*(?:{g.ZONE}|(?i:hours|hrs)\b))?"
)(_clock)
_rule(rf"(?<![\w:.,$£€])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s+(?i:hours|hrs))?\s*(?:{g.ZONE})")(_clock)


@_rule(rf"(?:\b(?P<mod>{g.TIME_MOD})\s+)?\b(?P<w>(?i:noon|midnight|midday|mid-day))\b")
def _noon(m: re.Match[str], ctx: _Context) -> _Hit:
    return _time_hit(m, ctx, 24 if m["w"].lower() == "midnight" else 12, 0)

_CLOCK_TAIL = 45  # "p.m. Eastern Standard Time"
# Triggers of the rules above that have none (see ``times_rules._Rule``), by handler, in rule order.
attach_triggers({
    "_clock": [(r"\d\s*[ap]\.?m", 25, _CLOCK_TAIL), (r"\d:\d\d", 25, _CLOCK_TAIL), (r"\d\d\d\d\s", 1, _CLOCK_TAIL)],
    "_noon": [(r"noon|midnight|midday|mid-day", 25, 2)],
})
