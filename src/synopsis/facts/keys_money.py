"""What a sum of money or a percentage is the value of (a price, revenue, a stake, a rise of
shares), how long an agreement runs, and counts of jobs lost."""

from __future__ import annotations

import re


from synopsis.facts.currency_names import currency_nouns
from synopsis.facts.keys import HEDGE, HEDGE_WORD, lemmatize_noun


# A sum of money is keyed by its currency and what it is the value of, named by the noun or the verb
# frame it stands in ("a fee of", "buy X for", "paid ... for", "worth", "valued at", "a €4.2bn
# deal"): one price, one revenue, one profit are each one value every report gives a version of,
# while a fee and a salary, revenue and profit in one story are different values. A sum per unit
# ("€38.50 a share", "150,000 euros a week") is a value of its own ("price per share"). Currencies
# are never converted, so "€4.2bn ($4.6bn)" and "£3.6bn" are values in other units, never rivals.
# Hand-written: these are plain strings with no parse, and the frames are few and fixed.

# A company's figures, by the measure they name: each a sum ("revenue of") or a change in percent
# ("revenue rose 8 percent"), one table for both.
_FIGURE_NOUNS = {"revenue": "revenue", "revenues": "revenue", "sales": "revenue", "turnover": "revenue",
                 "profit": "profit", "profits": "profit", "net profit": "profit", "earnings": "profit",
                 "income": "profit", "net income": "profit", "loss": "loss", "losses": "loss"}
MONEY_NOUNS = {
    "fee": "price", "price": "price", "value": "price", "valuation": "price", "offer": "price", "bid": "price",
    "deal": "price", "takeover": "price", "transfer": "price", "acquisition": "price", "purchase": "price",
    "swoop": "price", "sale": "price", "merger": "price", "price tag": "price",
    **_FIGURE_NOUNS,
    "savings": "savings", "salary": "salary", "wage": "salary", "wages": "salary",
    "loan": "loan", "loans": "loan", "budget": "budget", "investment": "investment",
    "compensation": "compensation", "damages": "compensation",
}
# How a figure went ("revenue rose 8 percent to", "shares fell 4.1 percent"): up or down.
# Markets reports vary the verb for one move ("the crown fell 1.2%" / "slipped 1.2 per cent" /
# "crashed almost 2 per cent"), so every common one is listed.
RISE = (r"rose|rise|rises|risen|up|grew|grow|grows|grown|increased|increase|increases|climbed|jumped|surged|gained"
        r"|soared|strengthened|firmed|rallied|advanced|rebounded|recovered")
FALL = (r"fell|fall|falls|fallen|down|dropped|drop|declined|decreased|decrease|slumped|slid|lost|plunged|tumbled"
        r"|slipped|slips|slip|crashed|sank|sinks|dipped|dips|plummeted|weakened|eased|shed|retreated")
_MONEY_NOUN = "|".join(sorted((re.escape(k) for k in MONEY_NOUNS), key=len, reverse=True))
# "revenue rose 8 percent to", "profit was", "a fee of", "savings of", "revenue up 8 percent at".
_MONEY_NOUN_BEFORE = re.compile(
    rf"\b(?P<noun>{_MONEY_NOUN})\s+(?:(?:was|is|were|are|stood|had|has)\s+(?:at\s+)?(?=$|{HEDGE_WORD}\b)"
    rf"|(?:(?:was|is|were|are|stood|had|has)\s+)?"
    rf"(?:(?:{RISE}|{FALL})\s+(?:by\s+)?"
    rf"(?:[\d.,]+\s*(?:percent|per\s+cent|pct|pc|%)\s+)?)?"
    rf"(?:of|at|to|totall?ing|totall?ed|reached|hit)\s+){HEDGE}$", re.I)
# "buy Brightwater Dairy for", "sold the club for", "paid 12 million euros for": the verbs of a price.
_MONEY_VERBS = (
    ("price", r"(?:buy|buys|bought|buying|acquire[sd]?|acquiring|purchase[sd]?|purchasing|sell|sells|sold|selling"
              r"|sign|signs|signed|signing|take\s+over|took\s+over|taking\s+over)\b[^.;:()]{0,60}?\bfor"),
    ("price", r"paid|pay|pays|paying|offering|offered|offers|bidding|valu(?:es|ing)\s+[^.;:()]{0,40}?\bat"),
    # "worth" and "valued at" say a price only of a deal ("a deal worth"): "aid worth $2bn" is none.
    ("price", r"(?:deal|takeover|transfer|offer|bid|acquisition|purchase|merger|sale|move)\s+(?:[a-z]+\s+){0,2}?"
              r"(?:worth|valued\s+at)"),
    ("salary", r"earn|earns|earned|earning|paid\s+a\s+salary\s+of"),
    ("loan", r"borrow|borrows|borrowed|borrowing"),
)
_MONEY_VERBS = (
    # "ordered him to repay 2.4 million dinars" / "to return 2.4 million dinars": one sum handed back.
    # First: "paid back" is no price.
    ("repayment", r"repay|repays|repaid|repaying|return|returns|returned|returning|refund|refunds|refunded|refunding"
                  r"|(?:pay|pays|paid|paying)\s+back"),
    *_MONEY_VERBS,
)
_MONEY_VERB_BEFORE = [(measure, re.compile(rf"\b(?:{verbs})\s+{HEDGE}$", re.I)) for measure, verbs in _MONEY_VERBS]
# "a €4.2bn deal", "a €50million swoop", "in a £3.6bn takeover".
_MONEY_NOUN_AFTER = re.compile(rf"[\s-]*(?:[a-z]+\s+)?(?P<noun>{_MONEY_NOUN})\b", re.I)
# "€38.50 a share", "38.50 euros for each Brightwater share", "180 million euros a year".
_PER_UNIT = re.compile(r"\s*(?:a|an|per|each|for\s+each|for\s+every|every)\s+(?:[A-Z][\w'’-]*\s+)*(?P<unit>[a-z]+)\b")
# "plus up to 5 million euros in add-ons", "with a further 5 million euros in bonuses": more money on
# top of the sum before it, not a sum of its own (``collect_facts`` reads the two as one range).
_EXTRA_SUM_BEFORE = re.compile(
    r"\b(?:plus|with\s+(?:a\s+|another\s+)?further|and\s+(?:a\s+|another\s+)?further|plus\s+(?:a\s+)?further"
    r"|and\s+up\s+to|with\s+up\s+to|and\s+another)\s+(?:up\s+to\s+)?$", re.I)


def money_measure_at(sentence: str, position: int, value_end: int) -> str | None:
    """What the sum at ``position`` of the sentence (its hedge included) is the value of ("price",
    "revenue", "price per share"), by ``MONEY_NOUNS`` and ``_MONEY_VERBS``, or None."""
    before = sentence[max(0, position - 120) : position]
    measure = None
    if (found := _MONEY_NOUN_BEFORE.search(before)) is not None:
        measure = MONEY_NOUNS[" ".join(found.group("noun").lower().split())]
    else:
        measure = next((m for m, pattern in _MONEY_VERB_BEFORE if pattern.search(before)), None)
    if measure is None and (found := _MONEY_NOUN_AFTER.match(sentence, value_end)) is not None:
        measure = MONEY_NOUNS[" ".join(found.group("noun").lower().split())]
    if measure is None:
        return None
    per = _PER_UNIT.match(sentence, value_end)
    if per is not None and per.group("unit").lower() not in MONEY_NOUNS:
        return f"{measure} per {lemmatize_noun(per.group('unit'))}"
    return measure


def extra_sum_at(sentence: str, position: int) -> int | None:
    """Where the words begin that put the sum at ``position`` on top of the one before it ("plus up
    to 5 million euros in add-ons"), or None for a sum of its own."""
    found = _EXTRA_SUM_BEFORE.search(sentence, max(0, position - 40), position)
    return found.start() if found is not None else None


# A percentage that is a premium, a stake, or the change of a named measure ("revenue rose 8
# percent", "shares were down 4.1 percent", "a 32pc premium"): keyed by that measure and the
# direction of the change, so a rise and a fall, or revenue and profit, are never rivals.
_CHANGED = {**_FIGURE_NOUNS, "share": "shares", "shares": "shares", "stock": "shares", "price": "price",
            "prices": "price", "exports": "exports", "imports": "imports", "output": "output", "production": "output"}
# A currency's move is a measure of its own, named by the currency ("the crown fell 1.2% against the
# dollar": a "crown fall"), so a fall of shares or of another currency in the same story is no rival.
# Beside CLDR's names (``currency_names``): the English "crown" of the koruna, krona and krone, and
# the "pound" and "sterling" it leaves out as ambiguous, which a move in percent is not.
_CURRENCY_EXTRA = frozenset({"crown", "crowns", "pound", "pounds", "sterling"})
_CHANGE_BEFORE = re.compile(
    rf"\b(?P<noun>{'|'.join(_CHANGED)}|[A-Za-z]+)\s+(?:(?:were|was|is|are|had|have|has)\s+)?"
    rf"(?:(?P<up>{RISE})|(?P<down>{FALL}))\s+(?:by\s+)?{HEDGE}$", re.I)
_CHANGE_AFTER = re.compile(
    rf"[\s-]*(?:(?P<up>rise|increase|jump|growth|gain)|(?P<down>fall|drop|decline|decrease))\s+in\s+"
    rf"(?:[a-z-]+\s+)?(?P<noun>{'|'.join(_CHANGED)})\b", re.I)
_PERCENT_NOUN_BEFORE = re.compile(rf"\b(?P<noun>premium|stake|discount)\s+of\s+{HEDGE}$", re.I)
_PERCENT_NOUN_AFTER = re.compile(r"[\s-]*(?P<noun>premium|stake|discount)\b", re.I)


def percent_measure_at(sentence: str, position: int, value_end: int) -> str | None:
    """What the percentage at ``position`` measures ("premium", "revenue rise", "shares fall"), or None."""
    before = sentence[max(0, position - 80) : position]
    if (found := _PERCENT_NOUN_BEFORE.search(before)) or (found := _PERCENT_NOUN_AFTER.match(sentence, value_end)):
        return found.group("noun").lower()
    found = _CHANGE_BEFORE.search(before)
    if found is not None and _changed_measure(found.group("noun")) is None:
        found = None
    found = found or _CHANGE_AFTER.match(sentence, value_end)
    if found is None:
        return None
    return f"{_changed_measure(found.group('noun'))} {'rise' if found.group('up') else 'fall'}"


def _changed_measure(noun: str) -> str | None:
    """The measure a noun before a rise or fall names: a company figure, shares, prices, or a
    currency by its singular name ("crown"); None for any other noun."""
    lower = noun.lower()
    if lower in _CHANGED:
        return _CHANGED[lower]
    if lower in _CURRENCY_EXTRA or lower in currency_nouns():
        return lemmatize_noun(lower)
    return None


# A duration that is the term of an agreement: "a contract of five and a half years", "a
# four-and-a-half-year contract", "a contract that runs for five years", "a three-year deal". It is
# how long the agreement is to run, not how long something lasted.
TERM = "term"  # the predicate class of such a duration
_TERM_NOUN = r"contract|deal|agreement|lease|loan|mandate|extension|concession|licence|license"
_TERM_BEFORE = re.compile(
    rf"\b(?P<noun>{_TERM_NOUN})\s+(?:of|lasting|(?:that|which)\s+(?:will\s+)?(?:runs?|lasts?)\s+(?:for\s+)?)\s*{HEDGE}$",
    re.I)
_TERM_AFTER = re.compile(rf"[\s-]*(?:long\s+)?(?P<noun>{_TERM_NOUN})\b", re.I)


def term_at(sentence: str, position: int, value_end: int) -> str | None:
    """The agreement a duration at ``position`` is the term of ("contract"), or None."""
    found = _TERM_BEFORE.search(sentence[max(0, position - 80) : position]) or _TERM_AFTER.match(sentence, value_end)
    return found.group("noun").lower() if found is not None else None


# A count of jobs to go ("cut about 1,200 jobs", "1,200 jobs will go", "1,500 workers face losing
# their jobs"): whatever the verb, one number, how many jobs are lost.
JOB_CUTS = ("job cut", "job")  # the predicate class and noun of every such count
_JOB_NOUNS = frozenset({"job", "post", "position", "role"})
_STAFF_NOUNS = frozenset({"worker", "employee", "staff"})
# Jobs are lost by any of these; people only by the ones that say their jobs go ("300 workers will
# go on strike", "workers lost their lives" are no job cuts).
_STAFF_LOSS = (r"cut|cuts|cutting|shed|sheds|shedding|axe|axed|slash|slashed|slashing|eliminated?|eliminating"
               r"|redundan\w*|lay\s+off|laid\s+off|layoffs?|(?:lose|losing|lost)\s+(?:their\s+)?jobs")
_STAFF_JOB_LOSS = re.compile(rf"\b(?:{_STAFF_LOSS})\b", re.I)
_JOB_LOSS = re.compile(rf"\b(?:{_STAFF_LOSS}|go|going|gone|lose|losing|lost)\b", re.I)
_CLAUSE_END = re.compile(r"[;:]|,\s+(?:while|but|and)\b|\.\s")


def is_job_cut_at(sentence: str, position: int, value_end: int, noun: str | None) -> bool:
    """Whether a count of ``noun`` (a lemma) at ``position`` counts jobs lost (``JOB_CUTS``)."""
    if noun not in _JOB_NOUNS and noun not in _STAFF_NOUNS:
        return False
    start = max((m.end() for m in _CLAUSE_END.finditer(sentence, 0, position)), default=0)
    end = next((m.start() for m in _CLAUSE_END.finditer(sentence, value_end)), len(sentence))
    return bool((_JOB_LOSS if noun in _JOB_NOUNS else _STAFF_JOB_LOSS).search(sentence, start, end))


MONEY_MEASURES = frozenset(MONEY_NOUNS.values())


def is_currency(unit: str | None) -> bool:
    """Whether a base unit is a currency (an ISO code: "EUR", "USD"; ``quantity_units``)."""
    return bool(unit) and len(unit) == 3 and unit.isalpha() and unit.isupper()  # type: ignore[union-attr]


def is_money_measure(name: str | None) -> bool:
    """Whether an amount's measure is one ``money_measure_at`` names ("price", "price per share")."""
    return bool(name) and name.split(" per ")[0] in MONEY_MEASURES  # type: ignore[union-attr]
