"""What identifies the event an article reports: its lead's meaning, names, places, day, numbers and words.

An ``EventProfile`` is computed once per article (``describe_event``) and stored,
so later articles are compared with it (``link.events``) without re-reading the
article.
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

import numpy as np
from anyascii import anyascii

from synopsis.extract.gazetteer import Spot, is_known_place, locate
from synopsis.extract.name_words import ORG_WORDS
from synopsis.link.identifiers import lead_identifiers
from synopsis.link.names import fold, key_token
from synopsis.link.profile_people import profile_labels
from synopsis.link.series_ordinals import series_ordinals
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

# Stored with each profile, so profiles made by an older recipe can be told apart: raise it
# whenever a stored profile would change.  Ingest compares new articles with the stored profiles
# as they are (and says when an older recipe made them); ``synopsis reanalyze`` makes those again
# and forms the stories again (``link.stored_stories.refresh_event_profiles``).  What older
# recipes lacked: profiles stored before /3 have no ordinals, so the
# ordinal rule does not fire against them, /3 read only "the Nth round of", and
# profiles before /4 have no part-of-day day (``time_day``); before /5 a number given to a
# coming event ("will face him in the second round") was read as the reported event's, and
# places had no coordinates (``spots``); before /6 a first name alone ("Luan") did not count
# for the full name it shortens when choosing the main person.  (Names are compared by their
# transliteration keys since /6 too, but those are derived when a profile is read.)  Before /7
# month and year fell back to the publication's before the event day's, a town tagged ORG in a
# lead was no place, a body's common noun ("council") was a name, and a first name alone ("Ann
# said") was a name of its own among the names and cast.  Before /8 a day without its year
# ("on April 3" in an undated report) and an undated report's dateline date gave no event day.
# Before /9 profiles held no identifiers (``link.identifiers``), so the identifier rule does
# not fire against them.  Before /10 a date naming a reference price ("a premium to Friday's
# close") counted towards the main day, and a date in an inner clause dated the whole sentence.
# Before /11 names were keyed without transliteration variants or nicknames ("Yevgeny"/"Evgeni",
# "Bill"/"William"), so one person in two spellings counted as two in the cast.
# Before /12 profiles held no organisations or subject, and flight-style designators ("MA 2291",
# "MH17") were codes of their letters' kind, so two carriers' flights never conflicted.
# Before /13 a PERSON mention that reads as no person (a lower-case word, a town written as a place,
# a building) counted as a person in names, cast and main person (``link.profile_people``), a name
# tagged ORG written as a place ("near Selvik") was no place, a company tagged PERSON ("Greyfen
# Labs") was a person, and a date in a modifier of a noun other than the subject dated the whole
# sentence.
EVENT_METHOD = "synopsis.event/13"
LEAD_SENTENCES = 3
KEY_NAMES = 12
NAME_LABELS = ("PERSON", "GPE", "ORG", "LOC", "FAC", "NORP", "EVENT")
PLACE_LABELS = ("GPE", "LOC", "FAC")
# At most this many names of the whole text are kept per profile (its cast).
ALL_NAMES = 30

# Words of the whole text kept per article for the term cosine: the most
# frequent content words carry what happened and to whom; 60 bounds the profile.
KEY_TERMS = 60
_TERM = re.compile(r"[A-Za-z][A-Za-z'\-]+")
# An explicit year in a date's own words ("in March 2008"), not one resolved
# from a relative expression against an unknown publication day.
_YEAR_TEXT = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_MONTH = re.compile(r"^(?:\d{4}|XXXX)-(\d{2})")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
# A day whose year the text does not give ("on April 3" in an undated report): still a day,
# compared by day and month (``link.events.days_apart``).
_SOME_DAY = re.compile(r"^(?:\d{4}|XXXX)-\d{2}-\d{2}")


def is_day(value: str) -> bool:
    """Whether an ISO value is a calendar day, with or without its year, that exists ("XXXX-04-31"
    does not, in any year; "XXXX-02-29" does, in a leap year)."""
    if not _SOME_DAY.match(value):
        return False
    try:
        dt.date.fromisoformat(value[:10].replace("XXXX", "2000", 1))
    except ValueError:
        return False
    return True
_YEAR = re.compile(r"^(\d{4})(?:-|$)")
_NUMBER_UNITS_SKIPPED = {"percent"}
# The kind of region after (or before) a place's name: outlets write "Malatya province",
# "the Malatya region" and "Malatya" for one place.  Not "city" ("Mexico City"), nor
# "state" ("Washington State" is not Washington, D.C.).
_REGION_KIND = re.compile(r"^(?:the\s+)?(?:province|region|district|county|prefecture|governorate|oblast)\s+of\s+|\s+(?:province|region|district|county|prefecture|governorate|oblast)$")


# Words that open an Arabic surname of two words ("Hamdi Abdel Rahman", "Ahmed Abu Zeid").
_SURNAME_PARTICLES = frozenset({"abdel", "abdul", "abd", "abu", "bin", "ibn"})
# Articles that open Arabic names, written joined or apart ("el-Tayeb", "al Jazeera").
_NAME_ARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "az"})
# A parenthesis the tagger cut ("Egyptian Initiative for Personal Rights (EIPR"): not part of the name.
_OPEN_PARENTHESIS = re.compile(r"\s*\([^)]*$")


@functools.lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A folded name's transliteration key, its words run together ("kara-suu", "karasuu" -> "karasu";
    "abdel rahman" meets "abdelrahman")."""
    words = fold(name).split()
    if len(words) > 1 and words[0] in _NAME_ARTICLES:
        words = words[1:]  # "el-Tayeb" meets "Tayeb", "al Jazeera" "Jazeera"
    return key_token("".join(words)) or name


@dataclass(frozen=True, eq=False)
class EventProfile:
    """The features of one article that identify the event it reports."""

    article_id: str
    vector: np.ndarray = field(repr=False)  # unit vector of title + lead
    names: frozenset[str] = frozenset()  # key names, ASCII lower case, surnames for people
    cast: frozenset[str] = frozenset()  # every name mentioned (the most frequent ALL_NAMES)
    places: frozenset[str] = frozenset()  # places named in the title and lead
    day: str | None = None  # ISO day of the event, from the lead's own dates
    time_day: str | None = None  # without such a date, the day of a part of day or clock time ("this morning")
    published: str | None = None  # ISO day of publication
    years: frozenset[int] = frozenset()  # years the lead's dates fall in
    numbers: frozenset[str] = frozenset()  # key numbers of the lead ("339 prisoners")
    title: str = ""
    terms: dict[str, float] = field(default_factory=dict, repr=False)  # unit-norm weights of key words
    month: int | None = None  # month of the first date the text names (the event's, in news), else publication's
    year: int | None = None  # first year the text's dates spell out, else publication's
    person: str | None = None  # the person the article is most about (surname), if any
    ordinals: frozenset[str] = frozenset()  # numbered events of a series in title and lead ("round:3")
    spots: tuple[Spot, ...] = ()  # the towns and cities among places, with where they are
    identifiers: frozenset[str] = frozenset()  # codes and numbered names of title and lead ("code/AA##-###=ms08-078")
    organisations: frozenset[str] = frozenset()  # organisations named in the title and lead
    subject: str | None = None  # the lead's organisation the text names most: who does or suffers the event
    # Names and cast by transliteration key (``name_key``), which comparisons use: "Zhaparov"
    # meets "Japarov", "Kara-Suu" meets "Karasuu".  Derived, never stored, so profiles stored
    # by any recipe compare alike; the names themselves stay readable for explanations.
    name_keys: frozenset[str] = field(init=False, repr=False, compare=False)
    cast_keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "name_keys", frozenset(map(name_key, self.names)))
        object.__setattr__(self, "cast_keys", frozenset(map(name_key, self.cast)))

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
                "time_day": self.time_day,
                "published": self.published,
                "years": sorted(self.years),
                "numbers": sorted(self.numbers),
                "title": self.title,
                # Exact (JSON keeps a float's every digit): an article ingested later is compared
                # with this profile as read back, which must score as the profile in memory does.
                "terms": dict(self.terms),
                "month": self.month,
                "year": self.year,
                "person": self.person,
                "ordinals": sorted(self.ordinals),
                "spots": [spot.to_json() for spot in self.spots],
                "identifiers": sorted(self.identifiers),
                "organisations": sorted(self.organisations),
                "subject": self.subject,
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
            time_day=data.get("time_day"),
            published=data["published"],
            years=frozenset(data["years"]),
            numbers=frozenset(data["numbers"]),
            title=data.get("title", ""),
            terms=data.get("terms", {}),
            month=data.get("month"),
            year=data.get("year"),
            person=data.get("person"),
            ordinals=frozenset(data.get("ordinals", ())),
            spots=tuple(Spot.from_json(row) for row in data.get("spots", ())),
            identifiers=frozenset(data.get("identifiers", ())),
            organisations=frozenset(data.get("organisations", ())),
            subject=data.get("subject"),
        )


def lead_end(analysis: ArticleAnalysis) -> int:
    """Character offset where the lead (first sentences) ends."""
    if len(analysis.sentences) >= LEAD_SENTENCES:
        return analysis.sentences[LEAD_SENTENCES - 1].end
    return len(analysis.article.text)


def lead_parts(analysis: ArticleAnalysis) -> list[str]:
    """The title and the first sentences, each apart: where news states what happened."""
    parts = [analysis.article.title or ""] + [s.text for s in analysis.sentences[:LEAD_SENTENCES]]
    return [p for p in parts if p.strip()] or [analysis.article.text[:600]]


def lead_text(analysis: ArticleAnalysis) -> str:
    """Title plus the first sentences, as one text."""
    return " ".join(lead_parts(analysis)).strip()


def fold_name(text: str, label: str) -> str:
    """ASCII lower case; people by surname, so "Vladimir Medinsky" meets "Medinsky"; places
    without the kind of region they are, so "Malatya province" meets "Malatya"."""
    folded = " ".join(anyascii(_OPEN_PARENTHESIS.sub("", text)).lower().replace("'s", "").split()).strip(" .,'\"")
    if label == "PERSON" and (words := folded.split()):
        # An Arabic surname may be written in two words or one ("Abdel Rahman" / "Abdelrahman").
        if len(words) > 2 and words[-2] in _SURNAME_PARTICLES:
            return " ".join(words[-2:])
        return words[-1]
    if label in PLACE_LABELS:
        folded = _REGION_KIND.sub("", folded).strip() or folded
    # "the Council said", "Ministry officials": a body's common noun alone names no one in
    # particular, and would make two towns' council stories share a name.
    if label == "ORG" and folded in ORG_WORDS:
        return ""
    return folded


def key_names(analysis: ArticleAnalysis) -> frozenset[str]:
    """The names an article mentions most (title and lead counted twice)."""
    counts: Counter = Counter()
    end = lead_end(analysis)
    for entity, label, name in zip(analysis.entities, profile_labels(analysis), entity_names(analysis)):
        if label in NAME_LABELS and name:
            counts[name] += 2 if entity.start < end else 1
    for name in title_names(analysis):
        counts[name] += 2
    return frozenset(name for name, _ in counts.most_common(KEY_NAMES))


def all_names(analysis: ArticleAnalysis) -> frozenset[str]:
    """The names an article mentions, most frequent first, at most ALL_NAMES."""
    counts = Counter(name for label, name in zip(profile_labels(analysis), entity_names(analysis)) if label in NAME_LABELS)
    return frozenset(name for name, _ in counts.most_common(ALL_NAMES) if name)


def title_names(analysis: ArticleAnalysis) -> list[str]:
    """Capitalised words of the title that the text also tags as names (titles are not parsed)."""
    title = analysis.article.title or ""
    if not title:
        return []
    known = {fold_name(e.text, label) for e, label in zip(analysis.entities, profile_labels(analysis)) if label in NAME_LABELS}
    words = {anyascii(w).lower().strip(".,'\":;!?") for w in title.split() if w[:1].isupper()}
    return sorted(words & known)


def lead_places(analysis: ArticleAnalysis) -> frozenset[str]:
    """Places named in the lead, plus the dateline."""
    end = lead_end(analysis)
    # A town of the gazetteer tagged an organisation is its place too ("Gusts hit [Brest]" tagged
    # ORG, a town's club, "Moscow said"): where the event is, for telling look-alikes apart.
    # Not one tagged a person (many towns are surnames) unless written as a place
    # (``profile_people``: "forced to divert to Lyon").
    places = {
        fold_name(e.text, "GPE" if label == "ORG" else label)
        for e, label in zip(analysis.entities, profile_labels(analysis))
        if e.start < end and (label in PLACE_LABELS or (label == "ORG" and is_known_place(e.text)))
    }
    if analysis.article.dateline:
        places.add(fold_name(analysis.article.dateline, "GPE"))
    return frozenset(p for p in places if p)


# The lead's organisation is the event's subject only when the text names it at least this
# often: the subject is what a report keeps coming back to ("a Meridian Airways flight ...
# Meridian Airways spokeswoman ...").  A name given once is mostly a source, a news agency or
# a tagging slip; on ECB+ topics 1-25, subjects named once differed between reports of one
# event in 15% of same-topic pairs, named twice in under 1% (``link.groups_apart.run_by_others``).
SUBJECT_MENTIONS = 2


def lead_organisations(analysis: ArticleAnalysis) -> tuple[frozenset[str], str | None]:
    """The organisations the title and lead name, and the event's subject among them: the one
    the whole text names most (at least SUBJECT_MENTIONS times; the first in the lead on a tie),
    such as the airline whose flight it is or the company recalling a product."""
    end = lead_end(analysis)
    counts: Counter = Counter()
    first: dict[str, int] = {}
    people = set()
    for entity, label, name in zip(analysis.entities, profile_labels(analysis), entity_names(analysis)):
        if label == "PERSON":
            people.add(name)
        # A town tagged an organisation is a place (``lead_places``), not who the event is about.
        if entity.label != "ORG" or not name or is_known_place(entity.text):
            continue
        counts[name] += 1
        if entity.start < end:
            first.setdefault(name, entity.start)
    # A name the text also tags a person ("Teixeira" signing for a club) is a person.
    subjects = [name for name in first if counts[name] >= SUBJECT_MENTIONS and name not in people]
    subject = min(subjects, key=lambda name: (-counts[name], first[name])) if subjects else None
    return frozenset(first), subject


def lead_dates(analysis: ArticleAnalysis) -> tuple[str | None, frozenset[int]]:
    """The event day (first resolved day-level date of the lead) and the years its dates name."""
    end = lead_end(analysis)
    day = None
    years: set[int] = set()
    day_at = None
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.start >= end or time.type != "DATE":
            continue
        if day is None and is_day(time.value):
            day, day_at = time.value[:10], time.start
        year = _YEAR.match(time.value)
        if year:
            years.add(int(year.group(1)))
    # A sentence before the date's that dates the news by a part of day ("detained 20 people on
    # Saturday morning. ... water cut off since a pipe burst on March 9") gives the event's day:
    # the later date is background, and the part of day (``lead_time_day``) stands instead.
    if day is not None and (part := _first_part_of_day(analysis, end)) is not None and _sentence_of(analysis, part) < _sentence_of(analysis, day_at):
        day = None
    return day, frozenset(years)


def _first_part_of_day(analysis: ArticleAnalysis, end: int) -> int | None:
    """Where the lead's first day-resolved part of day or clock time starts, if any."""
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.start < end and time.type == "TIME" and _DAY.match(time.value):
            return time.start
    return None


def _sentence_of(analysis: ArticleAnalysis, offset: int) -> int:
    """The index of the sentence holding a character offset (the count of sentences ending before it)."""
    return sum(1 for sentence in analysis.sentences if sentence.end <= offset)


def lead_time_day(analysis: ArticleAnalysis) -> str | None:
    """The day of the lead's first part of day or clock time ("Monday afternoon", "this
    morning"), resolved against publication: what a same-day report dates its news by."""
    end = lead_end(analysis)
    for time in sorted(analysis.times, key=lambda t: t.start):
        if time.start < end and time.type == "TIME" and (match := _DAY.match(time.value)):
            return match.group(0)
    return None


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
    """The surname mentioned most (lead mentions count twice), if mentioned at least twice; only
    mentions that read as people count (``profile_people``: not "divert to [Lyon]")."""
    counts: Counter = Counter()
    end = lead_end(analysis)
    for entity, label, name in zip(analysis.entities, profile_labels(analysis), entity_names(analysis)):
        if label == "PERSON" and name:
            counts[name] += 2 if entity.start < end else 1
    if not counts:
        return None
    name, count = counts.most_common(1)[0]
    return name if count >= 2 else None


def entity_names(analysis: ArticleAnalysis) -> list[str]:
    """Each entity's name as profiles compare it (``fold_name``), "" for none.

    A one-word mention that is the first name of a full name the article gives ("Luan" after
    "Luan Teixeira", "Owen said" after "Owen Pryce") is that person, by the surname: counted
    apart, a club the tagger took for a person won the main person's tie ("Aston Villa have signed
    Luan Teixeira"), and two towns' stories shared a councillor's first name.
    """
    labels = profile_labels(analysis)
    surname_of: dict[str, str] = {}
    for entity, label in zip(analysis.entities, labels):
        words = anyascii(entity.text).lower().split()
        if label == "PERSON" and len(words) >= 2:
            surname_of.setdefault(words[0], fold_name(entity.text, "PERSON"))
    names = []
    for entity, label in zip(analysis.entities, labels):
        words = anyascii(entity.text).lower().split()
        if not label:
            names.append("")  # no name at all ("die")
        elif label == "PERSON" and len(words) == 1 and words[0] in surname_of:
            names.append(surname_of[words[0]])
        else:
            names.append(fold_name(entity.text, label))
    return names


def describe_event(analysis: ArticleAnalysis, vector: np.ndarray) -> EventProfile:
    """The event profile of one analysed article, given the embedding of its lead."""
    day, years = lead_dates(analysis)
    published = (analysis.article.published or "")[:10] or None
    if published and not _DAY.match(published):
        published = None
    if day is None and published is None and is_day(analysis.article.dateline_date or ""):
        # An undated report's dateline ("KABUL, April 3 -") is the day it reports from: its
        # "on Friday" is that day or one just before.
        day = analysis.article.dateline_date
    month, year = text_month_year(analysis)
    # Unless the text names them, the event's month and year are its day's, else the
    # publication's: a report of a 30 December protest published on 3 January is not a
    # report of another year's event.
    if anchor := day or published:
        month = month or int(anchor[5:7])
        # News reports what happened lately: a year spelled out far from the event's or the
        # publication's ("the dam, built in 1974") is history the report recalls.
        if anchor[:4].isdigit() and (year is None or abs(year - int(anchor[:4])) > 1):
            year = int(anchor[:4])
    organisations, subject = lead_organisations(analysis)
    title = " ".join((analysis.article.title or "").split())
    if not title and analysis.sentences:
        title = analysis.sentences[0].text[:120]
    return EventProfile(
        article_id=analysis.article.id,
        vector=np.asarray(vector, dtype=np.float32),
        names=key_names(analysis),
        cast=all_names(analysis),
        places=(places := lead_places(analysis)),
        spots=locate(places),
        day=day,
        time_day=None if day else lead_time_day(analysis),
        published=published,
        years=years,
        numbers=lead_numbers(analysis),
        title=title or analysis.article.source,
        terms=key_terms(analysis),
        month=month,
        year=year,
        person=main_person(analysis),
        # Part by part: a title runs into the lead without a full stop, and a title's "heads to
        # runoff" must not make the lead's "won the first round" a coming round.
        ordinals=frozenset().union(*(series_ordinals(part) for part in lead_parts(analysis))),
        identifiers=frozenset().union(*(lead_identifiers(part, ENGLISH_STOP_WORDS) for part in lead_parts(analysis))),
        organisations=organisations,
        subject=subject,
    )
