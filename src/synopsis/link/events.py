"""What identifies the event an article reports: its lead's meaning, names, places, day, numbers and words.

An ``EventProfile`` is computed once per article and stored, so later articles
are compared with it without re-reading the article.  ``compare_events`` scores
two profiles; it is the one similarity both the batch and the incremental story
clustering use, so they agree.
"""

from __future__ import annotations

import ast
import datetime as dt
import functools
import importlib.util
import json
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator, Sequence

import numpy as np
from anyascii import anyascii

from synopsis.records import ArticleAnalysis


def read_english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop-word list (the Glasgow IR list), read without importing scikit-learn.

    Importing scikit-learn costs over a second of every cold `synopsis analyze`
    (bench/analyze_speed.py) and nothing else here needs it; the event
    weights were fitted with exactly this list, so it is read from the installed
    package rather than replaced.
    """
    spec = importlib.util.find_spec("sklearn")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        path = Path(folder) / "feature_extraction" / "_stop_words.py"
        if not path.is_file():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "ENGLISH_STOP_WORDS" for t in node.targets):
                if isinstance(node.value, ast.Call) and node.value.args:
                    return frozenset(ast.literal_eval(node.value.args[0]))
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS  # layout changed: import it after all

    return frozenset(ENGLISH_STOP_WORDS)


ENGLISH_STOP_WORDS = read_english_stop_words()

# Stored with each profile, so profiles made by an older recipe can be told apart.
# They are not recomputed: profiles stored before /3 have no ordinals, so the
# ordinal rule does not fire against them.
EVENT_METHOD = "synopsis.event/3"
LEAD_SENTENCES = 3
KEY_NAMES = 12
NAME_LABELS = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT")
PLACE_LABELS = ("GPE", "LOC", "FAC")

# The similarity is a logistic model of "same event" over seven measures:
# cosine of the lead embeddings (what kind of event), overlap of the key names
# (|A & B| / min(|A|, |B|)), Jaccard of all names mentioned (how much of the
# cast is shared), cosine of the key words of the whole text, and three
# conflicts, where both articles fill a slot differently: the month of the first
# date, the first year spelled out, the person the article is most about (two
# arrests of players of one team; two patches in different months).  Fitted on
# same-topic pairs of ECB+ topics 1-25 only (bench/ecbplus.py --fit; other
# topics never seen).
FEATURE_NAMES = ("cosine", "key_names", "all_names", "terms", "month_conflict", "year_conflict", "person_conflict")
# What each measure is, in the words `synopsis stories compare` shows.
FEATURE_LABELS = {
    "cosine": "meaning of title and lead (embedding cosine)",
    "key_names": "key names shared (share of the shorter list)",
    "all_names": "all names shared (Jaccard)",
    "terms": "key words of the whole text (cosine)",
    "month_conflict": "first dates in different months (1 = yes)",
    "year_conflict": "years spelled out differ (1 = yes)",
    "person_conflict": "about different people (1 = yes)",
}
FEATURE_WEIGHTS = (4.71, -0.13, 6.21, 4.80, -0.44, -0.15, -1.00)
INTERCEPT = -4.61
ALL_NAMES = 30
# Two leads whose event days are further apart than this report different
# events (a follow-up round of talks, another quake): news leads date the event
# itself, and "yesterday"/"on Tuesday" resolve to the same day across outlets,
# so a few days cover time zones and late reports.
DAY_TOLERANCE = 3
# When the only date known is publication, a gap wider than this only damps the
# similarity: follow-ups, analyses and overviews appear weeks after the event.
PUBLISHED_TOLERANCE = 14
DISTANT_FACTOR = 0.85
# Candidates further apart in time than this are not looked at (blocking); wide
# enough for overviews of an event, narrow enough to bound the search.
TIME_WINDOW = 120
# Multiplier of the similarity when the leads name places and share none
# (two earthquakes in different regions); soft, because outlets name the same
# place at different levels ("Istanbul" vs "Turkey").
PLACE_CONFLICT_FACTOR = 0.8
# Multiplier when both articles name at least DISJOINT_CAST names (people,
# places, organisations) and share none: reports of one event almost always
# share some.  On ECB+ (topics 1-35) 3% of same-event pairs are disjoint so,
# against 47% of look-alike pairs of one topic; it is what tells apart two rounds
# of different talks on one day written alike.  Set on ECB+ 1-25 and the 1,000-
# article synthetic archive (bench/ecbplus.py, bench/scale.py ingest).
DISJOINT_CAST = 3
DISJOINT_CAST_FACTOR = 0.5
# Multiplier when both leads number the event in a series and the numbers differ
# ("the third round of talks" against "the fourth round of talks"): rounds of one series of
# talks can be days apart, with the same cast, places and words.  Only nouns that
# number recurring events of one kind; "meeting" or "day" are left out because
# "the first meeting since 2019" and "the second day of talks" do not number events.
# The factor takes even near-duplicate wording (similarity 0.9) well below
# MERGE_SIMILARITY.  On ECB+ (topics 1-35) it fires on one pair, two boxing
# matches of one champion; scores are unchanged (bench/ecbplus.py).
# "phase" is left out too: "the second phase of the ceasefire deal" is a part of one agreement.
ORDINAL_NOUNS = ("round", "leg", "stage", "session", "edition", "summit", "debate")
ORDINAL_CONFLICT_FACTOR = 0.25

# Words of the whole text kept per article for the term cosine: the most
# frequent content words carry what happened and to whom; 60 bounds the profile.
KEY_TERMS = 60
_TERM = re.compile(r"[A-Za-z][A-Za-z'\-]+")
# An explicit year in a date's own words ("in March 2008"), not one resolved
# from a relative expression against an unknown publication day.
_YEAR_TEXT = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(\d{2})")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_YEAR = re.compile(r"^(\d{4})(?:-|$)")
_NUMBER_UNITS_SKIPPED = {"percent"}
# An ordinal, at most one word between ("direct", "and final"), a series noun, then
# "of": "the third round of talks", "a 4th round of direct negotiations".  The
# "of" is what marks a numbered event rather than a part of one: reports of one
# boxing match disagree on "the sixth round" and "a seventh-round stoppage"
# (ECB+ topic 7), and only the article that wrote "the seventh round of their
# contest" numbers the event.  A pattern rather than the parse: the phrase is
# contiguous, and titles are not parsed.  English ordinal words all end in
# -st/-nd/-rd/-th, and so does "and": the lookahead lets matches overlap, so
# "the second and third round of" is tried at "and" and at "third".  The word
# between may not be a count ("the first two rounds of" numbers no round).
_ORDINAL_PHRASE = re.compile(
    r"(?=(?<![\w,-])([a-z]+(?:-[a-z]+)?(?:st|nd|rd|th)|\d{1,3}(?:st|nd|rd|th))\s+"
    r"(?:and\s+final\s+|(?!(?:two|three|four|five|six|seven|eight|nine|ten)\b)[a-z]+\s+)?("
    + "|".join(ORDINAL_NOUNS)
    + r")s?\s+of\b)",
    re.IGNORECASE,
)
_NUMERAL_ORDINAL = re.compile(r"^(\d{1,3})(?:st|nd|rd|th)$", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class EventProfile:
    """The features of one article that identify the event it reports."""

    article_id: str
    vector: np.ndarray = field(repr=False)  # unit vector of title + lead
    names: frozenset[str] = frozenset()  # key names, ASCII lower case, surnames for people
    cast: frozenset[str] = frozenset()  # every name mentioned (the most frequent ALL_NAMES)
    places: frozenset[str] = frozenset()  # places named in the title and lead
    day: str | None = None  # ISO day of the event, from the lead's own dates
    published: str | None = None  # ISO day of publication
    years: frozenset[int] = frozenset()  # years the lead's dates fall in
    numbers: frozenset[str] = frozenset()  # key numbers of the lead ("339 prisoners")
    title: str = ""
    terms: dict[str, float] = field(default_factory=dict, repr=False)  # unit-norm weights of key words
    month: int | None = None  # month of the first date the text names (the event's, in news), else publication's
    year: int | None = None  # first year the text's dates spell out, else publication's
    person: str | None = None  # the person the article is most about (surname), if any
    ordinals: frozenset[str] = frozenset()  # numbered events of a series in title and lead ("round:3")

    def when(self) -> str | None:
        """The best known day of the event: the lead's date, else publication."""
        return self.day or self.published

    def to_json(self) -> str:
        """Everything but the vector (stored apart as a BLOB)."""
        return json.dumps(
            {
                "names": sorted(self.names),
                "cast": sorted(self.cast),
                "places": sorted(self.places),
                "day": self.day,
                "published": self.published,
                "years": sorted(self.years),
                "numbers": sorted(self.numbers),
                "title": self.title,
                "terms": {t: round(w, 4) for t, w in self.terms.items()},
                "month": self.month,
                "year": self.year,
                "person": self.person,
                "ordinals": sorted(self.ordinals),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, article_id: str, vector: np.ndarray, text: str) -> EventProfile:
        """Rebuild a profile stored with ``to_json``."""
        data = json.loads(text)
        return cls(
            article_id=article_id,
            vector=vector,
            names=frozenset(data["names"]),
            cast=frozenset(data.get("cast", ())),
            places=frozenset(data["places"]),
            day=data["day"],
            published=data["published"],
            years=frozenset(data["years"]),
            numbers=frozenset(data["numbers"]),
            title=data.get("title", ""),
            terms=data.get("terms", {}),
            month=data.get("month"),
            year=data.get("year"),
            person=data.get("person"),
            ordinals=frozenset(data.get("ordinals", ())),
        )


def lead_end(analysis: ArticleAnalysis) -> int:
    """Character offset where the lead (first sentences) ends."""
    if len(analysis.sentences) >= LEAD_SENTENCES:
        return analysis.sentences[LEAD_SENTENCES - 1].end
    return len(analysis.article.text)


def lead_text(analysis: ArticleAnalysis) -> str:
    """Title plus the first sentences: where news states what happened."""
    parts = [analysis.article.title or ""]
    parts += [s.text for s in analysis.sentences[:LEAD_SENTENCES]]
    text = " ".join(p for p in parts if p).strip()
    return text or analysis.article.text[:600]


def fold_name(text: str, label: str) -> str:
    """ASCII lower case; people by surname, so "Vladimir Medinsky" meets "Medinsky"."""
    folded = " ".join(anyascii(text).lower().replace("'s", "").split()).strip(" .,'\"")
    if label == "PERSON" and folded.split():
        return folded.split()[-1]
    return folded


def key_names(analysis: ArticleAnalysis) -> frozenset[str]:
    """The names an article mentions most (title and lead counted twice)."""
    counts: Counter = Counter()
    end = lead_end(analysis)
    for entity in analysis.entities:
        if entity.label not in NAME_LABELS:
            continue
        name = fold_name(entity.text, entity.label)
        if name:
            counts[name] += 2 if entity.start < end else 1
    for name in title_names(analysis):
        counts[name] += 2
    return frozenset(name for name, _ in counts.most_common(KEY_NAMES))


def all_names(analysis: ArticleAnalysis) -> frozenset[str]:
    """The names an article mentions, most frequent first, at most ALL_NAMES."""
    counts = Counter(fold_name(e.text, e.label) for e in analysis.entities if e.label in NAME_LABELS)
    return frozenset(name for name, _ in counts.most_common(ALL_NAMES) if name)


def title_names(analysis: ArticleAnalysis) -> list[str]:
    """Capitalised words of the title that the text also tags as names (titles are not parsed)."""
    title = analysis.article.title or ""
    if not title:
        return []
    known = {fold_name(e.text, e.label) for e in analysis.entities if e.label in NAME_LABELS}
    words = {anyascii(w).lower().strip(".,'\":;!?") for w in title.split() if w[:1].isupper()}
    return sorted(words & known)


def lead_places(analysis: ArticleAnalysis) -> frozenset[str]:
    """Places named in the lead, plus the dateline."""
    end = lead_end(analysis)
    places = {fold_name(e.text, e.label) for e in analysis.entities if e.label in PLACE_LABELS and e.start < end}
    if analysis.article.dateline:
        places.add(fold_name(analysis.article.dateline, "GPE"))
    return frozenset(p for p in places if p)


def lead_dates(analysis: ArticleAnalysis) -> tuple[str | None, frozenset[int]]:
    """The event day (first resolved day-level date of the lead) and the years its dates name."""
    end = lead_end(analysis)
    day = None
    years: set[int] = set()
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.start >= end or time.type != "DATE":
            continue
        match = _DAY.match(time.value)
        if match:
            day = day or match.group(0)
        year = _YEAR.match(time.value)
        if year:
            years.add(int(year.group(1)))
    return day, frozenset(years)


def lead_numbers(analysis: ArticleAnalysis) -> frozenset[str]:
    """Counts stated in the lead with what they count ("339 prisoners"): specific to one event."""
    end = lead_end(analysis)
    numbers = set()
    for quantity in analysis.quantities:
        if quantity.start >= end or quantity.value is None or quantity.unit in _NUMBER_UNITS_SKIPPED:
            continue
        value = quantity.value
        # Small counts ("two sides", "one year") say nothing about which event.
        if quantity.unit is None and abs(value) < 10:
            continue
        what = quantity.unit or (quantity.counted or "").lower()
        numbers.add(f"{value:g} {what}".strip())
    return frozenset(numbers)


@functools.lru_cache(maxsize=1024)
def _ordinal_value(word: str) -> int | None:
    # number_parser rebuilds its language tables on every call (~2.5 ms), and a
    # handful of ordinal words recur in every lead.
    from number_parser import parse_ordinal

    return parse_ordinal(word)


def series_ordinals(text: str) -> frozenset[str]:
    """Numbered events of a series named in text, as "noun:number" ("the third round" -> "round:3")."""
    found = set()
    for match in _ORDINAL_PHRASE.finditer(text):
        word, noun = match.group(1), match.group(2).lower()
        numeral = _NUMERAL_ORDINAL.match(word)
        number = int(numeral.group(1)) if numeral else _ordinal_value(word.lower())
        if number:
            found.add(f"{noun}:{number}")
    return frozenset(found)


def ordinal_conflict(a: EventProfile, b: EventProfile) -> bool:
    """True when both leads number the same kind of event and share no number (third vs fourth round)."""
    for noun in {o.partition(":")[0] for o in a.ordinals}:
        mine = {o for o in a.ordinals if o.startswith(noun + ":")}
        theirs = {o for o in b.ordinals if o.startswith(noun + ":")}
        if theirs and not (mine & theirs):
            return True
    return False


def key_terms(analysis: ArticleAnalysis) -> dict[str, float]:
    """The text's most frequent content words, sublinear counts scaled to unit length.

    No IDF: the incremental method must score a pair the same whatever else is
    stored; stop words stand in for the common words IDF would discount.
    """
    text = f"{analysis.article.title or ''} {analysis.article.text}"
    counts = Counter(
        word
        for word in (token.lower().strip("'-") for token in _TERM.findall(text))
        if len(word) > 2 and word not in ENGLISH_STOP_WORDS
    )
    weights = {word: 1.0 + math.log(n) for word, n in counts.most_common(KEY_TERMS)}
    norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
    return {word: w / norm for word, w in weights.items()}


def text_month_year(analysis: ArticleAnalysis) -> tuple[int | None, int | None]:
    """Month of the first date naming one, and the first year spelled out, anywhere in the text."""
    month = year = None
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.type != "DATE":
            continue
        if month is None and (match := _MONTH.match(time.value)):
            month = int(match.group(1))
        if year is None and (match := _YEAR_TEXT.search(time.text)):
            year = int(match.group(1))
    return month, year


def main_person(analysis: ArticleAnalysis) -> str | None:
    """The surname mentioned most (lead mentions count twice), if mentioned at least twice."""
    counts: Counter = Counter()
    end = lead_end(analysis)
    for entity in analysis.entities:
        if entity.label == "PERSON" and (name := fold_name(entity.text, "PERSON")):
            counts[name] += 2 if entity.start < end else 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 2 else None


def describe_event(analysis: ArticleAnalysis, vector: np.ndarray) -> EventProfile:
    """The event profile of one analysed article, given the embedding of its lead."""
    day, years = lead_dates(analysis)
    published = (analysis.article.published or "")[:10] or None
    if published and not _DAY.match(published):
        published = None
    month, year = text_month_year(analysis)
    if published and _DAY.match(published):
        month = month or int(published[5:7])
        year = year or int(published[:4])
    title = " ".join((analysis.article.title or "").split())
    if not title and analysis.sentences:
        title = analysis.sentences[0].text[:120]
    return EventProfile(
        article_id=analysis.article.id,
        vector=np.asarray(vector, dtype=np.float32),
        names=key_names(analysis),
        cast=all_names(analysis),
        places=lead_places(analysis),
        day=day,
        published=published,
        years=years,
        numbers=lead_numbers(analysis),
        title=title or analysis.article.source,
        terms=key_terms(analysis),
        month=month,
        year=year,
        person=main_person(analysis),
        ordinals=series_ordinals(lead_text(analysis)),
    )


def days_apart(a: str, b: str) -> int:
    """Whole days between two ISO dates."""
    return abs((dt.date.fromisoformat(a[:10]) - dt.date.fromisoformat(b[:10])).days)


def compatible_times(a: EventProfile, b: EventProfile) -> bool:
    """False when both leads date the event and the days are too far apart for one event.

    Publication dates alone never exclude a pair, however far apart (unlike the
    incremental method's TIME_WINDOW blocking): a hard rule on them split ECB+
    events whose crawled publication dates are off by a year or two (topics 13,
    16, 18, 22, 27 and 33; F1 0.922 -> 0.915 on 26-35).
    """
    if a.day and b.day:
        try:
            return days_apart(a.day, b.day) <= DAY_TOLERANCE
        except ValueError:
            return True
    return True


def distant_publication(a: EventProfile, b: EventProfile) -> bool:
    """True when, lacking event days, the best known dates are far apart (a hint, not proof:
    overviews and follow-ups are published long after the event)."""
    if a.day and b.day:
        return False
    when_a, when_b = a.when(), b.when()
    try:
        return bool(when_a and when_b and days_apart(when_a, when_b) > PUBLISHED_TOLERANCE)
    except ValueError:
        return False


def jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def pair_features(a: EventProfile, b: EventProfile, cosine: float | None = None) -> tuple[float, ...]:
    """The measures the similarity model weighs (in the order of FEATURE_WEIGHTS)."""
    if cosine is None:
        cosine = float(np.dot(a.vector, b.vector))
    key = len(a.names & b.names) / min(len(a.names), len(b.names)) if a.names and b.names else 0.0
    # Only shared words contribute: the key-view intersection runs in C, a
    # tenth of a generator over all 60 words (this runs for every compared pair).
    terms = sum(a.terms[t] * b.terms[t] for t in a.terms.keys() & b.terms.keys())
    # Conflicts: both articles fill the same slot and fill it differently.
    month = float(a.month is not None and b.month is not None and a.month != b.month)
    year = float(a.year is not None and b.year is not None and a.year != b.year)
    person = float(
        a.person is not None
        and b.person is not None
        and a.person != b.person
        # Both sides must ignore the other's main person: requiring only one
        # (a report of a second arrest recalls the first) fired on too many
        # same-event pairs on topics 1-25 (F1 0.878 against 0.889).
        and a.person not in b.cast
        and b.person not in a.cast
    )
    return (cosine, key, jaccard(a.cast, b.cast), terms, month, year, person)


def compare_events(a: EventProfile, b: EventProfile, cosine: float | None = None) -> float:
    """Similarity of two articles' events in [0, 1]; 0 when their dates exclude one event."""
    if not compatible_times(a, b):
        return 0.0
    score = model_similarity(pair_features(a, b, cosine))
    for multiplier, _ in damping_rules(a, b):
        score *= multiplier
    return max(0.0, min(1.0, score))


def model_similarity(features: Sequence[float]) -> float:
    """The logistic model's "same event" probability for a pair's measures."""
    logit = INTERCEPT + sum(w * x for w, x in zip(FEATURE_WEIGHTS, features))
    return 1.0 / (1.0 + math.exp(-logit))


def damping_rules(a: EventProfile, b: EventProfile) -> Iterator[tuple[float, Callable[[], str]]]:
    """The rules that lower a pair's similarity, as (multiplier, why) for each that applies.

    One list for ``compare_events`` and ``explain_events``, so an explanation
    always names exactly what the score used.  ``why`` is called only to explain:
    the place rule fires for most pairs of different stories, and compare_events
    runs for every pair a clustering looks at.
    """
    if a.places and b.places and not (a.places & (b.places | b.names)) and not (b.places & a.names):
        yield PLACE_CONFLICT_FACTOR, lambda: f"the leads name different places ({_few(a.places)} / {_few(b.places)})"
    if distant_publication(a, b):
        yield DISTANT_FACTOR, lambda: (
            f"the leads do not both date the event, and the best known days are more than "
            f"{PUBLISHED_TOLERANCE} days apart ({a.when()} / {b.when()})"
        )
    if len(a.cast) >= DISJOINT_CAST and len(b.cast) >= DISJOINT_CAST and not (a.cast & b.cast):
        yield DISJOINT_CAST_FACTOR, lambda: "the articles share no name of a person, place or organisation"
    if ordinal_conflict(a, b):
        yield ORDINAL_CONFLICT_FACTOR, lambda: (
            f"the leads number the event differently ({_few(a.ordinals).replace(':', ' ')} / {_few(b.ordinals).replace(':', ' ')})"
        )


def _few(items: frozenset[str], at_most: int = 3) -> str:
    shown = sorted(items)[:at_most]
    return ", ".join(shown) + (", …" if len(items) > at_most else "")


@dataclass(frozen=True)
class EventComparison:
    """Why two articles are (not) taken for reports of one event: what ``compare_events`` computed."""

    score: float  # the similarity stories are built on
    measures: dict[str, float]  # the logistic model's inputs, by FEATURE_NAMES
    model: float  # the model's similarity before the rules below
    rules: tuple[tuple[float, str], ...]  # (multiplier, why) of each rule that applied; 0 excludes the pair


def explain_events(a: EventProfile, b: EventProfile) -> EventComparison:
    """``compare_events`` with its workings, for a user checking why two articles share a story or not."""
    measures = pair_features(a, b)
    model = model_similarity(measures)
    if not compatible_times(a, b):
        why = f"the leads date the event {days_apart(a.day, b.day)} days apart ({a.day} / {b.day}; one event allows {DAY_TOLERANCE})"
        rules: tuple[tuple[float, str], ...] = ((0.0, why),)
    else:
        rules = tuple((multiplier, why()) for multiplier, why in damping_rules(a, b))
    score = model * math.prod(m for m, _ in rules)
    return EventComparison(
        score=max(0.0, min(1.0, score)),
        measures=dict(zip(FEATURE_NAMES, measures)),
        model=model,
        rules=rules,
    )


# Two groups of articles each mostly about one person, and about different people,
# report different events (two arrests of players of one team, two resignations
# in one cabinet), however alike their words: a story-level check, since a
# single article's main person is too noisy a signal (see pair_features).  A
# person dominates a group when they are the main person of at least this share
# of its members (groups of at least PERSON_GROUP articles); the other group may
# still recall them in a few of its members (at most PERSON_STRAY).  Chosen on
# ECB+ topics 1-25 (bench/ecbplus.py): batch F1 0.867 -> 0.888 there.
PERSON_SHARE = 0.5
PERSON_STRAY = 0.1
PERSON_GROUP = 3


def dominant_person(group: Sequence[EventProfile]) -> str | None:
    """The main person of at least PERSON_SHARE of the group's articles, if any."""
    people = Counter(p.person for p in group if p.person)
    if not people:
        return None
    person, count = people.most_common(1)[0]
    return person if count >= PERSON_SHARE * len(group) else None


def about_other_people(a: Sequence[EventProfile], b: Sequence[EventProfile]) -> bool:
    """True when groups a and b (each of at least PERSON_GROUP articles) are each dominated by a different person."""
    if len(a) < PERSON_GROUP or len(b) < PERSON_GROUP:
        return False
    person_a, person_b = dominant_person(a), dominant_person(b)
    if person_a is None or person_b is None or person_a == person_b:
        return False
    stray_b_in_a = sum(p.person == person_b for p in a) / len(a)
    stray_a_in_b = sum(p.person == person_a for p in b) / len(b)
    return stray_b_in_a <= PERSON_STRAY and stray_a_in_b <= PERSON_STRAY


def compare_matrix(profiles: Sequence[EventProfile]) -> np.ndarray:
    """compare_events for every pair, with the cosines computed in one product (the diagonal is 0:
    an article is not compared with itself)."""
    n = len(profiles)
    out = np.zeros((n, n), dtype=np.float64)
    if not n:
        return out
    vectors = np.stack([p.vector for p in profiles])
    cosine = vectors @ vectors.T
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = out[j, i] = compare_events(profiles[i], profiles[j], float(cosine[i, j]))
    return out

