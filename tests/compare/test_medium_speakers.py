"""How a medium credited with words is named: as written, or as the medium a noun takes up."""

from __future__ import annotations

from synopsis.compare.voices import speaker_of
from synopsis.records import Quote


def _credit(speaker: str, entity: str | None) -> Quote:
    return Quote(kind="indirect", content="the fire broke out on Sunday", content_start=0, content_end=28,
                 speaker=speaker, speaker_start=None, speaker_end=None, cue="reported", cue_start=None,
                 cue_end=None, speaker_entity=entity, speaker_kind="outlet", start=0, end=28)


def test_the_agency_is_shown_as_the_medium_it_takes_up():
    assert speaker_of(_credit("the agency", "Valley Wire")) == "Valley Wire"


def test_a_credited_medium_is_shown_as_written():
    assert speaker_of(_credit("Al Arabiya and Euronews", None)) == "Al Arabiya and Euronews"
    assert speaker_of(_credit("The Harbour Times", "Harbour Times")) == "The Harbour Times"
