"""Quantities: numbers with what they count, their unit and their qualifier, as intervals.

A quantity is compared across outlets as an interval, never as a bare number
("more than 1,000" and "1,200" agree).  The rules that turn a qualifier into an
interval are in ``quantity_units`` (qualifiers, vague magnitudes); ``quantity_interval`` converts
an interval to base units so "about 40 minutes" and "less than an hour" meet.

Why not quantulum3 (installed): with the installed scikit-learn its unit
disambiguation classifier fails to unpickle ("40 minutes" raises
ModuleNotFoundError), it splits "1,000-for-1,000" into 1,000 and 0, it does
not know "hundreds of", it does not say what is counted, and it runs at about
250 sentences/s (docs/MODELS.md), slower than the spaCy pass it would follow.
The numeric core here is a regex over the text plus the spaCy tokens and
parse we already have; spelled-out numbers go to number-parser.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Doc

from synopsis.extract.counted_nouns import (
    CHANGE_VERBS,
    EXCESS_VERBS,
    counts_by_state,
    find_counted,
    find_predicate,
    last_token,
    token_at,
)
from synopsis.extract.match_minutes import merge_match_minutes
from synopsis.extract.nlp import doc_text
from synopsis.extract.number_parsing import PHONE, NumberCore, find_cores, is_range
from synopsis.extract.quantity_units import (
    CURRENCY_RE,
    CURRENCY_SIGNS,
    POSTFIX,
    POSTFIX_RE,
    QUALIFIER_RE,
    QUALIFIERS,
    TIME_UNITS,
    UNIT_RE,
    UNITS,
    apply_rule,
    normalize_phrase,
    remainder_factor,
)
from synopsis.extract.times_dates import counts_things
from synopsis.extract.vote_splits import merge_vote_splits
from synopsis.records import Quantity

# Re-exported so that callers keep importing these names from this module.
from synopsis.extract.quantity_units import APPROX_FRACTION, normalize_unit, quantity_interval  # noqa: F401
from synopsis.extract.counted_nouns import PREDICATE_CLASSES, predicate_class  # noqa: F401
from synopsis.extract.number_parsing import _parse_number  # noqa: F401


# Capitalised words before a number that make it an identifier, not an amount.
_ID_WORDS = {"article", "section", "chapter", "resolution", "flight", "no.", "no", "number",
             "page", "room", "route", "paragraph", "clause", "item", "point", "protocol",
             "minsk", "unit", "brigade", "battalion", "regiment", "division", "corps", "army",
             "gate", "terminal", "channel", "phase", "step", "stage", "round", "level", "grade",
             "version", "model", "type", "class", "category", "tier", "su", "mig", "f", "s", "t"}
_NAME_LABELS = {"PERSON", "ORG", "EVENT", "FAC", "WORK_OF_ART", "LAW", "PRODUCT"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
_CLOCK_AFTER = re.compile(r"\s*(?:a\.?m\.?|p\.?m\.?|gmt|utc|cet|cest|msk|edt|est|pdt|pst|o'clock|h\b|hrs\b)",
                          re.IGNORECASE)


def find_quantities(doc: Doc) -> list[Quantity]:
    """Find numbers with their unit, what they count and their qualifier, as intervals."""
    text = doc_text(doc)
    cores = find_cores(doc, text)
    quantities: list[Quantity] = []
    i = 0
    while i < len(cores):
        core = cores[i]
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        if core.exchange:
            # "a 1,000-for-1,000 swap": the same number each way; the interval is per side.
            q = _build(doc, text, core, core.end, core.value, core.value, core.value, "exchange")
            if q:
                quantities.append(q)
            i += 1
            continue
        if nxt is not None and is_range(text, core, nxt):
            quantities.extend(_build_range(doc, text, core, nxt))
            i += 2
            continue
        q = _build(doc, text, core, core.end, core.value, core.low, core.high, None)
        if q:
            quantities.append(q)
        i += 1
    return merge_vote_splits(merge_match_minutes(join_compound_durations(quantities, text), doc, text), text)


def join_compound_durations(quantities: list[Quantity], text: str) -> list[Quantity]:
    """The quantities (in text order) with each duration written in parts made one, in the unit of
    its last part: "approximately one hour and 45 minutes" is about 105 minutes, with the span of
    both parts and the hedge of the first (``quantity_units.remainder_factor`` says what joins)."""
    joined: list[Quantity] = []
    for quantity in quantities:
        whole = joined[-1] if joined else None
        factor = None
        if whole is not None and whole.value is not None and quantity.value is not None and not quantity.qualifier:
            factor = remainder_factor(whole.unit, quantity.unit, quantity.value, text, whole.end, quantity.start,
                                      quantity.end)
        if whole is None or factor is None:
            joined.append(quantity)
            continue

        def add(number: float | None) -> float | None:
            return None if number is None else number * factor + quantity.value

        joined[-1] = replace(
            whole, text=text[whole.start:quantity.end], end=quantity.end, unit=quantity.unit,
            value=add(whole.value), low=add(whole.low), high=add(whole.high),
            predicate=whole.predicate or quantity.predicate,
        )
    return joined


def _build_range(doc: Doc, text: str, first: NumberCore, second: NumberCore) -> list[Quantity]:
    """A range "24 to 48 hours", or an old and a new value "from 12 to 14 members"."""
    first = _shared_scale(first, second)
    before = text[max(0, first.start - 6):first.start].lower()
    if re.search(r"\bfrom\s+$", before):
        head = token_at(doc, first.start)
        verb = head
        for _ in range(6):
            if verb is None or verb.pos_ in ("VERB", "AUX"):
                break
            verb = verb.head if verb.head is not verb else None
        if verb is not None and verb.lemma_.lower() in CHANGE_VERBS:
            old = _build(doc, text, first, first.end, first.value, first.value, first.value, "changed from",
                         unit_from=second.end, counted_from=second)
            new = _build(doc, text, second, second.end, second.value, second.value, second.value, "changed to")
            return [q for q in (old, new) if q]
        # A "from X to Y" that is not a change is still a range.
    q = _build(doc, text, first, second.end, None, first.value, second.value, "range", second=second)
    return [q] if q else []


def _shared_scale(first: NumberCore, second: NumberCore) -> NumberCore:
    """The first end of "2-3 million" or "between 2 and 3 million" with the scale written once, after
    the second: 2 million, not 2.  A first end that is a full number already ("between 500 and
    3 million" keeps 500, "900 to 1.2 million" keeps 900) is left alone."""
    if first.scale != 1.0 or second.scale == 1.0 or first.value is None or second.value is None:
        return first
    scaled = first.value * second.scale
    if scaled > second.value:
        return first
    return replace(first, value=scaled, scale=second.scale)


def _build(
    doc: Doc,
    text: str,
    core: NumberCore,
    end: int,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    second: NumberCore | None = None,
    unit_from: int | None = None,
    counted_from: NumberCore | None = None,
) -> Quantity | None:
    """Attach currency, unit, qualifier and counted noun to a core; None when it is not an amount."""
    start = core.start
    last = second or core
    if _skip(doc, text, core, last, end):
        return None

    unit = None
    # Currency sign before the number ("$2 billion", "US$ 3m").
    cur = CURRENCY_RE.search(text[max(0, start - 4):start])
    if cur and not core.spelled:
        unit = CURRENCY_SIGNS[cur.group(1).lower()]
        start = start - (len(text[max(0, start - 4):start]) - cur.start())
    # Unit after the number ("40 minutes", "50%", "50-day").  For "from 12 to 14
    # members" the old value takes its unit from after the new one.
    unit_end = end
    um = UNIT_RE.match(text[unit_from if unit_from is not None else end:][:40])
    if um and unit is None:
        unit = UNITS[normalize_phrase(um.group(1))]
        if unit_from is None:
            unit_end = end + um.end()
    elif um and unit is not None and UNITS[normalize_phrase(um.group(1))] == unit and unit_from is None:
        unit_end = end + um.end()  # "$2 billion dollars" (rare, harmless)

    # An indefinite article is a number only with a unit and a qualifier ("less than an hour").
    if core.article and (unit not in TIME_UNITS):
        return None

    # Qualifier before the number (or before the currency sign).
    q_rule = "exact"
    qm = QUALIFIER_RE.search(text[max(0, start - 25):start])
    if qualifier is None and qm:
        qualifier, q_rule = QUALIFIERS[normalize_phrase(qm.group(1))]
        start = start - (len(text[max(0, start - 25):start]) - qm.start())
        if unit in TIME_UNITS and qm.group(1).lower() == "over" and _over_is_period(doc, start):
            qualifier, q_rule = None, "exact"  # "rose 4% over six months": the six months the rise took
    elif qualifier is None:
        pm = POSTFIX_RE.match(text[unit_end:unit_end + 12])
        if pm and (pm.group(1) or pm.group(2) or pm.group(0) == "+"):
            qualifier, q_rule = POSTFIX[normalize_phrase(pm.group(1) or pm.group(2) or "plus")]
            unit_end += pm.end()
    if core.article and qualifier is None and not _article_length(doc, text, core, unit_end):
        return None
    if core.vague:
        qualifier = qualifier or "vague"
    elif value is not None and qualifier not in ("range", "exchange"):
        low, high = apply_rule(q_rule, value)

    counted = None
    if unit is None or unit not in TIME_UNITS:
        counted = find_counted(doc, counted_from or last, unit)
    predicate = find_predicate(doc, counted_from or last, unit)
    if qualifier is None and value is not None and _object_of_excess(doc, core):
        qualifier, (low, high) = "more than", apply_rule("more", value)
    if core.spelled and not core.vague and unit is None and counted is None and not counts_by_state(doc, last):
        # "one of them", "the two": spelled numbers need something to count; "a toll of two dead"
        # counts the dead, whom the participle names (``counts_by_state``).
        return None
    if core.spelled and value is not None and value <= 2 and unit is None and _definite_before(text, core.start):
        return None  # "the two sides" refers, it does not report a count
    span_end = max(unit_end, end)
    return Quantity(
        text=text[start:span_end],
        start=start,
        end=span_end,
        value=value,
        low=low,
        high=high,
        unit=unit,
        counted=counted,
        qualifier=qualifier,
        predicate=predicate,
    )


# Words after "a year", "a decade" that make it a point in time, a part of a rate or of a name,
# not a length: "a year ago", "a week later", "a year on,", "a decade since", "in a year's
# time", "a year-long inquiry", "a decade of war" (what the decade was, not how long anything took).
_NOT_LENGTH_AFTER = re.compile(r"\s*(?:ago|later|earlier|before|after|prior|since|from\s+now|on(?=\s*(?:[,.;:]|$|from\b))"
                               r"|back|old|of|['’]s\b|-)", re.IGNORECASE)
# Prepositions that give a term or a length: "sentenced to a year", "jailed for a decade".
_LENGTH_PREPOSITIONS = {"for", "to"}


def _article_length(doc: Doc, text: str, core: NumberCore, unit_end: int) -> bool:
    """Whether "a decade", "a year" (a number only in its article) is a length something took or a
    term someone got, as a verb's object or after "for"/"to": "will spend a decade behind bars",
    "sentenced to a year", "the talks lasted an hour". After anything else it says when ("a year
    ago", "a decade of war"), how often ("twice a day", "40 hours a week", "$5 a day") or where in
    a span ("the worst in a decade"), and was never a value another outlet gives a version of.
    Why the article alone is no number otherwise: "a" is the commonest word of any text."""
    if _NOT_LENGTH_AFTER.match(text, unit_end):
        return False
    article = token_at(doc, core.start)
    if article is None or article.i == article.sent.start:
        return False
    unit = token_at(doc, unit_end - 1)
    if unit is None or unit.pos_ != "NOUN" or (unit.dep_ in ("amod", "compound") and unit.head.i > unit.i):
        return False  # "a second bomb", "for a second time": an ordinal, or a unit modifying a noun
    before = doc[article.i - 1]
    return before.pos_ in ("VERB", "AUX") or before.lower_ in _LENGTH_PREPOSITIONS


def _over_is_period(doc: Doc, at: int) -> bool:
    """Whether the "over" at character ``at``, before a length of time, gives the period something
    happened in ("prices rose 4% over six months", "buy bonds over six months", "doubled over two
    years") rather than a lower bound ("lasted over six months", "for over six months", "spent over
    two years"). The parse tells them apart: a period's "over" is a preposition governing the
    length, after what happened; a bound's modifies the number, or follows a verb whose object the
    length is. A verb of change takes the period after it directly ("doubled over two years")."""
    span = doc.char_span(at, at + 4)
    if span is None:
        return False
    over = span[0]
    if over.dep_ != "prep" or not any(child.dep_ == "pobj" for child in over.children):
        return False
    before = doc[over.i - 1] if over.i > over.sent.start else None
    return (before is None or before.pos_ not in {"VERB", "AUX", "ADP"}
            or before.lemma_.lower() in CHANGE_VERBS)


def _object_of_excess(doc: Doc, core: NumberCore) -> bool:
    """Whether the number is what something exceeded ("casualties surpassed 1 million")."""
    tok = last_token(doc, core)
    return tok is not None and tok.dep_ in ("dobj", "attr") and tok.head.lemma_.lower() in EXCESS_VERBS


def _definite_before(text: str, pos: int) -> bool:
    return bool(re.search(r"\b(?:the|these|those|both|its|their|our|his|her)\s+$", text[max(0, pos - 8):pos], re.I))


def _amount_range(text: str, core: NumberCore) -> bool:
    """Whether the first end of a hyphenated range is too large for a day and no year, so that
    spaCy's DATE on "10000-12000 troops" is its mistake (years were refused when the range was read)."""
    raw = text[core.start:core.end]
    return core.hyphen and (core.value or 0) > 100 and not re.fullmatch(r"(1[89]|20)\d\d|2100", raw)


def _counts_past_name(doc: Doc, tok) -> bool:
    """Whether a number the tagger put inside a person's or a law's name is an amount after the
    name: in "fined Kamau 5 million shillings" it reads "Kamau 5 million" as a LAW and in "fined
    Haddad 2 million dinars" the whole as a PERSON, but the number is the fine's. It is when it
    is written in digits after the name's words and counts a common noun ("Channel 4", "Article
    5 of the charter" and "Bucharest Nine" count nothing after them)."""
    if tok.ent_type_ not in ("LAW", "PERSON") or not tok.like_num or not any(c.isdigit() for c in tok.text):
        return False
    entity = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
    if entity is None or tok.i == entity.start:
        return False
    head = tok
    while head.dep_ in ("compound", "nummod", "quantmod") and head.head is not head and head.head.i > head.i:
        head = head.head
    return head.pos_ == "NOUN" and head.i > tok.i and head.i <= entity.end


def _skip(doc: Doc, text: str, core: NumberCore, last: NumberCore, end: int) -> bool:
    """Whether a number is a date, year, clock time, ordinal, identifier or phone number."""
    tok = token_at(doc, core.start)
    after = text[end:end + 14]
    before = text[max(0, core.start - 12):core.start]
    if tok is None:
        return True
    unit_follows = bool(UNIT_RE.match(after))
    unit_is_time = unit_follows and UNITS[normalize_phrase(UNIT_RE.match(after).group(1))] in TIME_UNITS
    if tok.ent_type_ in ("DATE", "TIME") and not unit_is_time and not core.vague and not _amount_range(text, core):
        # spaCy's DATE covers "July 23", "2025", "mid-2025"; keep only durations, and four-digit
        # counts the time extractor does not take for years either ("1999 votes were cast").
        four_digit_count = core.end - core.start == 4 and counts_things(text, core.start, core.end)
        # It tags a number word before a plural noun a DATE now and then ("Forty passengers were
        # injured"): a number in words that counts the noun it modifies is no date.
        spelled_count = (core.spelled and tok.dep_ in ("nummod", "compound") and tok.head.i > tok.i
                         and tok.head.tag_ == "NNS")
        if not unit_follows and not four_digit_count and not spelled_count:
            return True
    if tok.ent_type_ in _NAME_LABELS and not _counts_past_name(doc, tok):
        return True  # part of a name: "Bucharest Nine", "Channel 4"
    if core.spelled and core.value == 1 and not core.article and tok.dep_ != "nummod":
        return True  # "one of them", "no one": a pronoun, not a count
    if tok.ent_type_ == "ORDINAL" and not core.spelled and not re.search(r"\d", tok.text):
        return True
    if _CLOCK_AFTER.match(after) and not unit_follows:
        return True
    raw = text[core.start:core.end]
    if not core.spelled:
        digits = raw.replace(",", "")
        # A bare four-digit number from 1800 to 2100 with no unit is a year ("in 2022").
        if re.fullmatch(r"(18|19|20)\d\d|2100", digits) and not unit_follows and "," not in raw:
            head = tok.head
            if not (tok.dep_ == "nummod" and head.pos_ == "NOUN" and head.lower_ not in _MONTHS):
                return True
        if re.search(r"\d(?:st|nd|rd|th)\b", text[core.start:core.end + 2]):
            return True
        lo = max(0, core.start - 20)
        # The ends of "10,000-12,000" were vetted as a range, not a phone number, when they were read.
        for m in ([] if core.hyphen else PHONE.finditer(text[lo:end + 20])):
            if m.start() + lo <= core.start and m.end() + lo >= core.end and sum(c.isdigit() for c in m.group(0)) >= 9:
                return True  # phone numbers and other long digit groups
    prev_word = re.search(r"([A-Za-z.]+)[\s\-]*$", before)
    if prev_word and not core.spelled:
        word = prev_word.group(1).lower()
        if word in _MONTHS:
            return True
        if word in _ID_WORDS and prev_word.group(1)[:1].isupper():
            return True
    if not core.spelled and re.match(r"(?:\s*(?:,|and|&|–|-)\s*\d{1,2}\b)+\s+(?:" + "|".join(_MONTHS) + r")\b",
                                     text[end:end + 60], re.IGNORECASE):
        return True  # "on 9, 10 and 12 June": a list of days
    next_word = re.match(r"[\s,]*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in _MONTHS and not core.spelled and (core.value or 0) <= 31:
        return True  # "23 July"
    if core.spelled and text[core.start:core.start + 1].isupper() and tok.i > tok.sent.start:
        prev = tok.doc[tok.i - 1]
        if prev.text[:1].isupper() and prev.pos_ == "PROPN":
            return True  # "Bucharest Nine": a spelled number inside a name
    if core.spelled and re.match(r"-(?:on|to|off|sided|way)\b", after, re.I):
        return True  # "one-on-one", "one-sided"
    return False
