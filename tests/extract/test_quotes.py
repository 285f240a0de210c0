"""Attribution finding: patterns, quotation marks and offsets, and the reference corpus (who the
speaker is: test_quote_speakers; where the parts lie: test_quote_extent)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from synopsis.extract.quotes import find_quotation_marks, find_quotes
from tests.extract.quote_checks import only_quote

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "istanbul-2025"


# (sentence, speaker, cue, content, kind)
PATTERNS = [
    # quote, then cue
    ("“We will not give up,” Anna Berg said.", "Anna Berg", "said", "We will not give up", "direct"),
    ('"The plan is dead," said Anna Berg.', "Anna Berg", "said", "The plan is dead", "direct"),
    ("“Prices will rise next year,” the minister warned.", "the minister", "warned", "Prices will rise next year", "direct"),
    # cue, then quote
    ("Anna Berg said: “We will not give up on this plan.”", "Anna Berg", "said", "We will not give up on this plan.", "direct"),
    ('The mayor told reporters, "The bridge stays shut until May."', "The mayor", "told", "The bridge stays shut until May.", "direct"),
    # a quotation over two sentences
    (
        "“The talks were hard. Nobody left the room happy,” the envoy said.",
        "the envoy", "said", "The talks were hard. Nobody left the room happy", "direct",
    ),
    # split quotation: one attribution covering both parts
    (
        "“We tried,” he said, “but the other side would not move.”",
        "he", "said", "We tried,” he said, “but the other side would not move.", "direct",
    ),
    # reported speech
    ("The mayor said that the bridge would reopen in May.", "The mayor", "said", "the bridge would reopen in May", "indirect"),
    ("Tom Reed told reporters the budget was balanced.", "Tom Reed", "told", "the budget was balanced", "indirect"),
    ("The governor told journalists that the road would close.", "The governor", "told", "the road would close", "indirect"),
    ("The minister warned that prices would rise.", "The minister", "warned", "prices would rise", "indirect"),
    ("The senator stated that the vote was fair.", "The senator", "stated", "the vote was fair", "indirect"),
    ("The company claimed that its profits had doubled.", "The company", "claimed", "its profits had doubled", "indirect"),
    ("The judge noted that the law was unclear.", "The judge", "noted", "the law was unclear", "indirect"),
    ("The army announced that the drill had ended.", "The army", "announced", "the drill had ended", "indirect"),
    ("The coach added that the team was tired.", "The coach", "added", "the team was tired", "indirect"),
    ("The ministry confirmed that two ships had docked.", "The ministry", "confirmed", "two ships had docked", "indirect"),
    ("The lawyer insisted that her client was innocent.", "The lawyer", "insisted", "her client was innocent", "indirect"),
    ("The firm denied that it had paid any bribes.", "The firm", "denied", "it had paid any bribes", "indirect"),
    ("The professor argued that the policy had failed.", "The professor", "argued", "the policy had failed", "indirect"),
    ("The doctor explained that the virus spreads quickly.", "The doctor", "explained", "the virus spreads quickly", "indirect"),
    ("The chief stressed that nobody was hurt.", "The chief", "stressed", "nobody was hurt", "indirect"),
    ("The report emphasized that water levels were falling.", "The report", "emphasized", "water levels were falling", "indirect"),
    ("The mayor's spokesman said the plan was dead.", "The mayor's spokesman", "said", "the plan was dead", "indirect"),
    ("A source told TASS that the talks had stalled.", "A source", "told", "the talks had stalled", "indirect"),
    ("The ministry said in a statement that the strike hit a depot.", "The ministry", "said", "the strike hit a depot", "indirect"),
    ("The governor said on Telegram that the fire was out.", "The governor", "said", "the fire was out", "indirect"),
    # according to / as quoted by
    ("According to Anna Berg, the bridge will reopen in May.", "Anna Berg", "According to", "the bridge will reopen in May", "indirect"),
    ("The bridge will reopen in May, according to the city council.", "the city council", "according to", "The bridge will reopen in May", "indirect"),
    ("The talks went well, as quoted by Reuters.", "Reuters", "as quoted", "The talks went well", "indirect"),
    # hearsay without a source
    ("It was reported that the talks had stalled.", None, "reported", "the talks had stalled", "indirect"),
    # a role before the person, the name hung on the body the role is of (QA: Dawn)
    ("According to senior superintendent of police Lena Hartwig, the driver was around 40 years old.",
     "Lena Hartwig", "According to", "the driver was around 40 years old", "indirect"),
    ("A spokesman for Rescue 1122, Tomas Verhoeven, said the death toll had risen.",
     "Tomas Verhoeven", "said", "the death toll had risen", "indirect"),
    # bodies named by their function, and media (QA: AP, Al Jazeera)
    ("Four workers were hurt, the inspectorate said.", "the inspectorate", "said", "Four workers were hurt", "indirect"),
    ("Firefighters needed less than an hour to contain the flames, according to the regional emergency inspectorate.",
     "the regional emergency inspectorate", "according to", "Firefighters needed less than an hour to contain the flames",
     "indirect"),
    ("Talks resumed in Marlow on Monday, according to Arvenian state media.", "Arvenian state media", "according to",
     "Talks resumed in Marlow on Monday", "indirect"),
]


@pytest.mark.parametrize(("text", "speaker", "cue", "content", "kind"), PATTERNS)
def test_finds_attribution_pattern(nlp, text, speaker, cue, content, kind):
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.cue, quote.content, quote.kind) == (speaker, cue, content, kind)


@pytest.mark.parametrize(
    "text",
    [
        "The bridge was closed for repairs in May.",
        "That said, the bridge will reopen soon.",
        "He called the plan a “disaster” and left.",  # a scare quote with no speech cue
        "The council denied the permit on Monday.",  # speech verb without a reported clause
        # Correction notes: no speaker ("Correction" is a label), and what they repeat was wrong.
        "Correction: An earlier version of this article said the bridge would reopen in May.",
        "CORRECTION: The bridge will reopen in June, not in May as first reported.",
    ],
)
def test_finds_no_attribution(nlp, text):
    assert find_quotes(nlp(text)) == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A dateline opening the story is never a speaker (QA: "QUETTA:" became "Quetta").
        ("MARLOW: Nine people were killed when a bomb exploded at the market on Tuesday, police said.",
         [("police", "said", "Nine people were killed when a bomb exploded at the market on Tuesday")]),
        ("MARLOW: Three houses burned down on Sunday night in the old town.", []),
        # The parser takes the dateline for a second subject of the cue.
        ("KELLTOWN: At least 21 people were killed and 40 injured when a bomber blew himself up at the "
         "General Bus Stand on Tuesday, rescue officials said.",
         [("rescue officials", "said", "At least 21 people were killed and 40 injured when a bomber blew himself "
           "up at the General Bus Stand on Tuesday")]),
        ("The fire spread fast.\nMARLOW: Three houses burned down on Sunday, the fire service said.",
         [("the fire service", "said", "Three houses burned down on Sunday")]),
        # Not even below an introduction, when the paragraph reports another speaker's words.
        ("The storm hit overnight.\nKELLTOWN: Nine people were killed in the flood on Tuesday, rescue officials said.",
         [("rescue officials", "said", "Nine people were killed in the flood on Tuesday")]),
    ],
)
def test_a_dateline_is_not_a_speaker(nlp, text, expected):
    found = [(q.speaker, q.cue, q.content) for q in find_quotes(nlp(text))]
    assert found == expected


def test_a_sentence_final_cue_inside_a_reported_clause_keeps_the_speaker_out_of_the_words(nlp):
    """"A, spokesman X told reporters, Reuters reported": X's words stop before his title (QA: fire)."""
    text = ("Firefighters brought the blaze under control after about 40 minutes, fire service spokesman "
            "Tomas Verhoeven told reporters, Harbor Wire reported.")
    [spokesman] = [q for q in find_quotes(nlp(text)) if q.speaker == "Tomas Verhoeven"]
    assert spokesman.content == "Firefighters brought the blaze under control after about 40 minutes"


def test_transcript_label_is_a_speaker(nlp):
    text = "The interview went on.\nPENCE: Well, the debate tomorrow night will be about the economy."
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.cue) == ("PENCE", ":")
    assert quote.content.startswith("Well, the debate")


def test_dash_label_with_quotation_is_a_speaker(nlp):
    text = "The poll closed on Friday.\nMaria Lopez ― “I will vote for the first time this year.”"
    quote = only_quote(find_quotes(nlp(text)))
    assert (quote.speaker, quote.kind, quote.content) == ("Maria Lopez", "direct", "I will vote for the first time this year.")


def test_coordinated_speakers_give_one_attribution_each(nlp):
    text = "Both Anna Berg and Tom Reed stated that the bridge would reopen."
    quotes = find_quotes(nlp(text))
    assert sorted(q.speaker for q in quotes) == ["Anna Berg", "Tom Reed"]
    assert {q.content for q in quotes} == {"the bridge would reopen"}


def test_partial_quote_inside_reported_speech_is_indirect(nlp):
    text = "The mayor said that the city had proposed “short pauses” in the work."
    quote = only_quote(find_quotes(nlp(text)))
    assert quote.kind == "indirect"
    assert quote.content == "the city had proposed “short pauses” in the work"


def test_title_is_not_part_of_the_speaker(nlp):
    quote = only_quote(find_quotes(nlp("Former President Bill Clinton said that the law was broken.")))
    assert quote.speaker == "Bill Clinton"


# --- quotation marks and offsets ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("“A” and “B”", ["“A”", "“B”"]),
        ('He said "yes" twice.', ['"yes"']),
        ("“Outer “inner” words” end", ["“Outer “inner” words”"]),
        ('"Outer “inner” words" end', ['"Outer “inner” words"']),
        ("“First paragraph.\n\n“Second paragraph,” she said.", ["“First paragraph.\n\n“Second paragraph,”"]),
        ("“Never closed\n\nNext paragraph.", ["“Never closed"]),
        ("He said ''we won'' today.", ["''we won''"]),
    ],
)
def test_pairs_quotation_marks(text, expected):
    assert [text[m.start:m.end] for m in find_quotation_marks(text)] == expected


def test_ascii_double_single_quotes_are_direct_quotes(nlp):
    quote = only_quote(find_quotes(nlp("''We have never been edited,'' Anna Berg said.")))
    assert (quote.kind, quote.content, quote.speaker) == ("direct", "We have never been edited", "Anna Berg")


OFFSET_TEXTS = [text for text, *_ in PATTERNS] + [
    "“A long day,” said Anna Berg. “We will be back.”\n\nAccording to the ministry, the port stays open.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS)
def test_offsets_point_into_the_text(nlp, text):
    doc = nlp(text)
    for q in find_quotes(doc):
        assert text[q.content_start:q.content_end] == q.content
        if q.speaker is not None:
            assert text[q.speaker_start:q.speaker_end] == q.speaker
            assert q.start <= q.speaker_start and q.speaker_end <= q.end
        if q.cue is not None:
            assert text[q.cue_start:q.cue_end] == q.cue
            assert q.start <= q.cue_start and q.cue_end <= q.end
        assert q.start <= q.content_start and q.content_end <= q.end


# --- the reference corpus ------------------------------------------------------


def _clean(raw: str) -> str:
    if importlib.util.find_spec("synopsis.ingest.clean") is not None:
        from synopsis.ingest.clean import clean_text

        cleaned = clean_text(raw)
        return cleaned[0] if isinstance(cleaned, tuple) else cleaned  # (text, removed)
    return raw


def test_reference_article_resolves_both_delegation_heads(nlp):
    path = next(CORPUS.glob("000_*.txt"))
    text = _clean(path.read_text(encoding="utf-8"))
    doc = nlp(text)
    quotes = find_quotes(doc)
    resolved = {q.speaker_entity for q in quotes}
    assert "Vladimir Medinsky" in resolved
    assert "Rustem Umerov" in resolved
    # surnames and pronouns are resolved, not just the full-name mentions
    assert any(q.speaker in ("he", "He") and q.speaker_entity == "Vladimir Medinsky" for q in quotes)
    assert any(q.speaker == "Umerov" and q.speaker_entity == "Rustem Umerov" for q in quotes)
    assert any(q.kind == "direct" for q in quotes) and any(q.kind == "indirect" for q in quotes)
    for q in quotes:
        assert text[q.content_start:q.content_end] == q.content
