"""What the attribution tests share: the one quote a sentence should give."""

from __future__ import annotations

from synopsis.records import Quote


def only_quote(quotes: list[Quote]) -> Quote:
    """The single quote found, failing with all that were found when there are none or several."""
    assert len(quotes) == 1, [(q.speaker, q.cue, q.content) for q in quotes]
    return quotes[0]
