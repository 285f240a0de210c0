"""A story's title as its report shows it: a headline that states no figure later reports revised.

Stories are titled by their most central article's headline (``link.stories.title_from_profiles``),
chosen before anything is compared. When a count rose over the day, that headline may be the
morning's ("Two dead, 17 injured as train derails") and state a figure the story's own reports
overtook; the report then takes the latest headline that states none, as a reader would.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from number_parser import parse_number

from synopsis.facts.dates import as_of_stamp
from synopsis.records import ArticleAnalysis, Dispute

# A headline of fewer words is no headline (a bare outlet name), as ``title_from_profiles`` has it.
MIN_TITLE_WORDS = 4
# A figure in a headline states a count when a word of what is counted stands this near it:
# "Two dead, 17 injured", "four killed", "death toll rises to five".
NEAR_WORDS = 4
# Words a headline counts the dead or the injured by, as the count's label names them
# (``dispute_versions._what``: "number of people killed", "number of people injured"). Other
# counts ("number of cases", "number of people evacuated") are named by their own words.
_COUNTED_WORDS = {
    "killed": ("dead", "death", "deaths", "die", "died", "dies", "kill", "killed", "killing", "killings",
               "toll", "fatalities", "lives", "bodies"),
    "injured": ("injured", "injure", "injures", "injuring", "injury", "injuries", "hurt", "wounded",
                "casualties", "toll"),
}
_PLAIN = frozenset({"number", "of", "people", "or", "things", "in", "all", "on", "the"})
_TOKENS = re.compile(r"\d[\d,.]*\d|\d|[A-Za-z]+(?:-[A-Za-z]+)*")
# Cardinal words only: "second" or "first" in a headline numbers no count.
_CARDINALS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand".split())


def _tokens(text: str) -> list[str]:
    return _TOKENS.findall(text)


def _number(token: str) -> float | None:
    """A token's number, in digits ("17", "1,200") or words ("two", "thirty-five")."""
    if token[0].isdigit():
        try:
            return float(token.replace(",", ""))
        except ValueError:
            return None
    if not all(part in _CARDINALS for part in token.lower().split("-")):
        return None
    value = parse_number(token.lower())
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _counted_words(what: str) -> tuple[str, ...]:
    """The words a headline may count a revised figure's point by."""
    for participle, words in _COUNTED_WORDS.items():
        if participle in what.split():
            return words
    named = what.split(" on ")[0].split()
    return tuple(word.lower() for word in named if word.lower() not in _PLAIN)


def _is_counted(word: str, counted: Sequence[str]) -> bool:
    # "arrested" / "arrests", "evacuated" / "evacuees": one word by its first five letters.
    word = word.lower()
    return any(word == c or (len(word) >= 5 and len(c) >= 5 and word[:5] == c[:5]) for c in counted)


def _figures(wordings: Sequence[str]) -> set[float]:
    return {value for wording in wordings for token in _tokens(wording) if (value := _number(token)) is not None}


def states_superseded_figure(title: str, revised: Sequence[Dispute]) -> bool:
    """Whether a headline states a figure of a revised count that a later report overtook: a
    number of an earlier version (not the latest one) beside a word of what the count counts."""
    tokens = _tokens(title)
    for dispute in revised:
        *earlier, latest = dispute.versions
        stale = _figures([w for v in earlier for w in (v.wordings or (v.value,))]) - _figures(latest.wordings or (latest.value,))
        if not stale:
            continue
        counted = _counted_words(dispute.what)
        for index, token in enumerate(tokens):
            if _number(token) in stale and any(
                    _is_counted(word, counted) for word in tokens[max(0, index - NEAR_WORDS):index + NEAR_WORDS + 1]):
                return True
    return False


def current_title(title: str, analyses: Sequence[ArticleAnalysis], revised: Sequence[Dispute]) -> str:
    """The story's title, unless it states a figure later reports revised (``states_superseded_figure``):
    then the headline of the latest report that states none (a headline of at least four words),
    else the title as it was."""
    if not revised or not states_superseded_figure(title, revised):
        return title
    dated = []
    for analysis in analyses:
        headline = " ".join((analysis.article.title or "").split())
        stamp = as_of_stamp(analysis.article)
        if (stamp is not None and len(headline.split()) >= MIN_TITLE_WORDS
                and not states_superseded_figure(headline, revised)):
            dated.append((stamp.moment, analysis.article.id, headline))
    if not dated:
        return title
    # The latest report's headline: it tells the story as it stood last. Ties by article id.
    return max(dated, key=lambda item: (item[0], item[1]))[2]
