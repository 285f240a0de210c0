"""TIMEX3 values: calendar arithmetic and formatting for the rules in ``times_rules.py``."""

from __future__ import annotations

import datetime as dt

from dateutil.easter import easter
from dateutil.relativedelta import MO, TH, TU, relativedelta

from synopsis.extract import times_grammar as g



def _week(d: dt.date) -> str:
    year, week, _ = d.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _nearest_year(anchor: dt.date, month: int, day: int, future: bool = False) -> int:
    """Year that puts month/day nearest the anchor, leaning 90 days towards the tense."""

    def cost(year: int) -> int:
        d = _safe_date(year, month, day) or dt.date(year, month, 28)
        gap = (d - anchor).days
        return abs(gap) + (180 if (gap > 0 and not future) or (gap < 0 and future) else 0)

    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


def _nearest_month_year(anchor: dt.date, month: int, future: bool) -> int:
    """Year of a bare month: the nearest one, leaning six months towards the tense.

    "in December" in a July report of the past is last December, but "by the end
    of August" in a July report is this August whatever the tense of the verb.
    """
    def cost(year: int) -> int:
        gap = (year - anchor.year) * 12 + month - anchor.month
        return abs(gap) + (6 if (gap > 0 and not future) or (gap < 0 and future) else 0)

    # Ties go to the anchor's year, as TimeBank's annotators read bare months.
    return min((anchor.year, anchor.year - 1, anchor.year + 1), key=cost)


def _unit_value(d: dt.date | None, unit: str, n: int) -> tuple[str, str]:
    """Value and precision of the calendar unit ``n`` steps from the anchor ("last month")."""
    unit = unit.lower()
    if unit in ("day", "night"):
        return ((d + dt.timedelta(days=n)).isoformat() if d else "XXXX-XX-XX"), "day"
    if unit in ("week", "fortnight"):
        return (_week(d + dt.timedelta(weeks=n)) if d else "XXXX-WXX"), "week"
    if unit == "weekend":
        return (_week(d + dt.timedelta(weeks=n)) + "-WE" if d else "XXXX-WXX-WE"), "week"
    if unit == "month":
        return ((d + relativedelta(months=n)).strftime("%Y-%m") if d else "XXXX-XX"), "month"
    if unit == "quarter":
        if not d:
            return "XXXX-QX", "quarter"
        q = d + relativedelta(months=3 * n)
        return f"{q.year:04d}-Q{(q.month - 1) // 3 + 1}", "quarter"
    if unit == "year":
        return (f"{d.year + n:04d}" if d else "XXXX"), "year"
    if unit == "decade":
        return (f"{(d.year + 10 * n) // 10:03d}" if d else "XXX"), "decade"
    if unit in ("century", "centurie"):
        return (f"{(d.year + 100 * n) // 100:02d}" if d else "XX"), "century"
    raise KeyError(unit)


def _shift_value(d: dt.date | None, unit: str, amount: float) -> tuple[str, str]:
    """Value of the date ``amount`` units from the anchor ("two days ago": amount -2)."""
    unit = unit.lower()
    designator, is_time, _precision = g.unit_of(unit)
    if not d:
        return _unit_value(None, {"D": "day", "W": "week", "M": "month", "Q": "quarter", "Y": "year",
                                  "DE": "decade", "CE": "century"}.get(designator, "day"), 0)  # fmt: skip
    if is_time:
        # A date-only anchor cannot place "an hour ago" closer than its day.
        return d.isoformat(), "day"
    days = {"D": 1, "W": 7}.get(designator)
    if days:
        target = d + dt.timedelta(days=round(amount * days * (2 if unit.startswith("fortnight") else 1)))
        return (target.isoformat(), "day") if designator == "D" else (_week(target), "week")
    months = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}[designator]
    target = d + relativedelta(months=round(amount * months))
    if designator == "M":
        return target.strftime("%Y-%m"), "month"
    if designator == "Q":
        return f"{target.year:04d}-Q{(target.month - 1) // 3 + 1}", "quarter"
    if designator == "Y":
        return f"{target.year:04d}", "year"
    if designator == "DE":
        return f"{target.year // 10:03d}", "decade"
    return f"{target.year // 100:02d}", "century"


def _number(amount: float) -> str:
    return str(int(amount)) if float(amount).is_integer() else f"{amount:g}"


# Fractions of a unit are written in the next smaller unit where ISO 8601 has one
# ("half an hour" -> PT30M), as TimeBank does ("a minute and a half" -> PT1M30S).
_SMALLER = {("H", True): (60, "M", True), ("M", True): (60, "S", True), ("D", False): (24, "H", True),
            ("Y", False): (12, "M", False), ("W", False): (7, "D", False)}  # fmt: skip


_YEARS_PER = {"DE": 10, "CE": 100, "ML": 1000}


def _duration(amount: float | None, unit: str) -> tuple[str, str]:
    """TIMEX3 duration value and precision ("three and a half", "hours" -> PT3H30M)."""
    designator, is_time, precision = g.unit_of(unit)
    if unit.lower().startswith("fortnight") and amount is not None:
        amount *= 2
    if amount is None:
        return ("PTX" if is_time else "PX") + designator, precision
    # Decades and centuries as years: ISO 8601 has no designator for them.
    if designator in _YEARS_PER:
        amount, designator = amount * _YEARS_PER[designator], "Y"
    whole = int(amount)
    if whole != amount and (designator, is_time) in _SMALLER:
        factor, small, small_is_time = _SMALLER[(designator, is_time)]
        rest = (amount - whole) * factor
        if rest.is_integer():
            # Mixed units, as TimeBank writes them: "5 1/2 hours" -> PT5H30M,
            # "2 1/2 years" -> P2Y6M, "a day and a half" -> P1DT12H.
            big = f"{whole}{designator}" if whole else ""
            if is_time:
                return f"PT{big}{int(rest)}{small}", precision
            return f"P{big}" + (f"T{int(rest)}{small}" if small_is_time else f"{int(rest)}{small}"), precision
        if not whole:  # "half a week" -> P3.5D
            return ("PT" if small_is_time else "P") + _number(rest) + small, precision
    return ("PT" if is_time else "P") + _number(amount) + designator, precision


def _zone_text(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _amount_mod(text: str | None) -> str | None:
    return g.AMOUNT_MODS.get(" ".join(text.lower().split())) if text else None


def _holiday_date(name: str, year: int) -> dt.date:
    """Date of a holiday in a year (fixed dates, Easter-based, and nth-weekday US holidays)."""
    fixed = g.HOLIDAYS_FIXED.get(name)
    if fixed:
        return dt.date(year, *fixed)
    if name in ("easter", "easter sunday"):
        return easter(year)
    if name == "good friday":
        return easter(year) - dt.timedelta(days=2)
    if name == "easter monday":
        return easter(year) + dt.timedelta(days=1)
    if name in ("thanksgiving", "thanksgiving day"):
        return dt.date(year, 11, 1) + relativedelta(weekday=TH(4))
    if name == "labor day":
        return dt.date(year, 9, 1) + relativedelta(weekday=MO(1))
    if name == "memorial day":
        return dt.date(year, 5, 31) + relativedelta(weekday=MO(-1))
    if name == "election day":  # US: the Tuesday after the first Monday of November
        return dt.date(year, 11, 2) + relativedelta(weekday=TU(1))
    raise KeyError(name)
