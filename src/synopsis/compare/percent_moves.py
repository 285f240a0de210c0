"""Moves in percent of a named thing ("Haldor shares fell 3 percent", "Haldor slipped 3 percent",
"Haldor shares ended 3 percent lower"): one move, whichever verb a markets report gives it.

``facts.keys_money`` keys a percentage by the measure it names ("shares fall"), and a move whose
subject is a company's name alone ("Haldor slipped 3 percent", as markets reports write it), or
whose direction follows the number ("closed 18 percent higher"), by its verb ("slip", "close"), so
a sentence telling the move with another verb gives no number of the same measure. Here a move is
what moved (the names before the verb), its direction and its amount; the same move is the same
amount in the same direction of the same named thing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from synopsis.compare.other_numbers import passage_amounts
from synopsis.facts.amounts import Amount
from synopsis.facts.keys import HEDGE
from synopsis.facts.keys_money import FALL, RISE
from synopsis.link.names import fold
from synopsis.records import ArticleAnalysis

# Where the clause of a move begins: "Veltrix stock closed 18 percent higher, while Haldor slipped
# 3 percent" tells two moves, each with its own subject.
_CLAUSE_START = re.compile(r"[,;:]|\b(?:while|whereas|and|but|as|after|before|when|with)\b", re.I)
_VERB_BEFORE = re.compile(rf"\b(?:(?P<up>{RISE})|(?P<down>{FALL}))\s+(?:by\s+)?{HEDGE}$", re.I)
_DIRECTION_AFTER = re.compile(r"\s*(?:(?P<up>higher|up)|(?P<down>lower|down))\b", re.I)
_POSSESSIVE = re.compile(r"[’']s$")


@dataclass(frozen=True, slots=True)
class PercentMove:
    """A move in percent: the amount, up or down, and the folded names of what moved."""

    amount: Amount
    rise: bool
    subject: frozenset[str]

    def same_move(self, other: PercentMove) -> bool:
        """Whether the two tell one move: the same number, the same way, of a thing both name."""
        return (self.rise == other.rise and bool(self.subject & other.subject)
                and self.amount.same_as(other.amount))


def percent_moves(analysis: ArticleAnalysis, start: int, end: int) -> tuple[PercentMove, ...]:
    """The moves in percent stated between start and end whose subject names someone (an entity)."""
    text = analysis.article.text
    ends = {q.start: q.end for q in analysis.quantities}
    moves = []
    for counted in passage_amounts(analysis, start, end):
        if counted.amount.unit != "percent" or counted.start is None or counted.start not in ends:
            continue
        clause = max((m.end() for m in _CLAUSE_START.finditer(text, start, counted.start)), default=start)
        before = text[clause:counted.start]
        if (verb := _VERB_BEFORE.search(before)) is not None:
            rise, subject_end = verb.group("up") is not None, clause + verb.start()
        elif (after := _DIRECTION_AFTER.match(text, ends[counted.start], end)) is not None:
            rise, subject_end = after.group("up") is not None, counted.start
        else:
            continue
        subject = frozenset(_POSSESSIVE.sub("", fold(word)).lower()
                            for entity in analysis.entities if clause <= entity.start and entity.end <= subject_end
                            for word in entity.text.split())
        if subject:
            moves.append(PercentMove(counted.amount, rise, subject))
    return tuple(moves)


def same_moves(first: tuple[PercentMove, ...], second: tuple[PercentMove, ...]) -> bool:
    """Whether the second passage tells one of the first's moves (``PercentMove.same_move``)."""
    return any(mine.same_move(theirs) for mine in first for theirs in second)


__all__ = ["PercentMove", "percent_moves", "same_moves"]
