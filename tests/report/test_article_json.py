"""Tests for the synopsis.article/1 JSON: round trip, schema validity, clean errors."""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import json
import re
from pathlib import Path

import pytest

from synopsis import __version__
from synopsis.records import (
    Article,
    ArticleAnalysis,
    Claim,
    ClaimFrame,
    Entity,
    Outlet,
    Quantity,
    Quote,
    Removed,
    Sentence,
    SynopsisError,
    TimeRef,
)
from synopsis.report import article_json
from synopsis.report.article_json import (
    analyses_from_json,
    analyses_to_json,
    load_article_schema,
    validate_article_json,
)

CORPUS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "istanbul-2025"

TEXT = (
    "PORT ALDER, May 4 — Deputy harbour chief Mira Okonkwo said about 40 boats were damaged on Sunday. "
    '"We will rebuild the quay," Okonkwo told reporters. Repairs could take more than six weeks.'
)


def at(part: str, after: int = 0) -> tuple[int, int]:
    start = TEXT.index(part, after)
    return start, start + len(part)


def full_analysis() -> ArticleAnalysis:
    """An analysis that sets every field of every record, including floats, None and unicode."""
    s1 = at("Deputy harbour chief Mira Okonkwo said about 40 boats were damaged on Sunday.")
    s2 = at('"We will rebuild the quay," Okonkwo told reporters.')
    s3 = at("Repairs could take more than six weeks.")
    person = at("Mira Okonkwo")
    title = at("Deputy harbour chief")
    boats = at("about 40 boats")
    weeks = at("more than six weeks")
    sunday = at("on Sunday")
    content = at("We will rebuild the quay,")
    speaker = at("Okonkwo", s2[0])
    cue = at("told", s2[0])
    article = Article(
        id="f00dfeed12345678",
        source="reports/alder.html",
        text=TEXT,
        title="Storm wrecks boats at Port Alder — “we will rebuild”",
        author="Ana Ruiz",
        url="https://example.org/alder",
        outlet=Outlet("Alder Post", "newspaper", "XX", ("The Post", "AP-X")),
        origin=Outlet("Coastline Wire", "wire service", None),
        cites=("Coastline Wire", "Radio Alder"),
        published="2026-05-04T10:15:00+02:00",
        published_precision="minute",
        dateline="PORT ALDER",
        language="en",
        removed=(Removed("Subscribe now!", "promotion", 3, 17), Removed("Photo: A. Ruiz", "caption", 40, 54)),
    )
    return ArticleAnalysis(
        article=article,
        sentences=tuple(Sentence(a, b, TEXT[a:b]) for a, b in (s1, s2, s3)),
        entities=(
            Entity("Mira Okonkwo", "PERSON", *person, title="Deputy harbour chief", title_start=title[0], title_end=title[1]),
            Entity("PORT ALDER", "GPE", 0, 10),
        ),
        quantities=(
            Quantity("about 40 boats", *boats, value=40.0, low=36.0, high=44.0, unit=None, counted="boats", qualifier="about"),
            Quantity("more than six weeks", *weeks, value=6.0, low=6.0, high=None, unit="week", counted=None, qualifier="more than"),
        ),
        times=(
            TimeRef("on Sunday", *sunday, type="DATE", value="2026-05-03", precision="day"),
            TimeRef("more than six weeks", *weeks, type="DURATION", value="P6W", precision="week", modifier="MORE_THAN"),
        ),
        quotes=(
            Quote(
                kind="direct",
                content="We will rebuild the quay,",
                content_start=content[0],
                content_end=content[1],
                speaker="Okonkwo",
                speaker_start=speaker[0],
                speaker_end=speaker[1],
                cue="told",
                cue_start=cue[0],
                cue_end=cue[1],
                start=s2[0],
                end=s2[1] - 1,
                speaker_entity="Mira Okonkwo",
            ),
            Quote("indirect", "about 40 boats were damaged on Sunday", boats[0], sunday[1], None, None, None, None, None, None, boats[0], sunday[1]),
        ),
        claims=(
            Claim(TEXT[s1[0]:s1[1]], *s1, sentence=0, entities=(0,), quantities=(0,), times=(0,), quote=1, attributed_to="Mira Okonkwo",
                  co_speakers=("Harbour officials",)),
            Claim(TEXT[s3[0]:s3[1]], *s3, sentence=2, quantities=(1,), times=(1,),
                  frame=ClaimFrame("damage", "boats", None, negated=False, modality="asserted")),
        ),
    )


def bare_analysis() -> ArticleAnalysis:
    """An analysis with nothing but the required article fields."""
    return ArticleAnalysis(Article(id="0000aaaa", source="<stdin>", text=""))


def test_document_header_and_order():
    data = analyses_to_json([full_analysis(), bare_analysis()])
    assert data["schema"] == "synopsis.article/1"
    assert data["generator"] == f"synopsis {__version__}"
    assert [a["id"] for a in data["articles"]] == ["f00dfeed12345678", "0000aaaa"]


def test_article_fields_as_documented():
    article = analyses_to_json([full_analysis()])["articles"][0]
    assert article["outlet"] == {"name": "Alder Post", "kind": "newspaper", "country": "XX", "aliases": ["The Post", "AP-X"]}
    assert article["origin"]["name"] == "Coastline Wire"
    assert article["cites"] == ["Coastline Wire", "Radio Alder"]
    assert article["removed"][0] == {"text": "Subscribe now!", "reason": "promotion", "start": 3, "end": 17}
    assert article["quantities"][1] == {
        "text": "more than six weeks", "value": 6.0, "low": 6.0, "high": None, "unit": "week",
        "counted": None, "qualifier": "more than", "predicate": None, "start": TEXT.index("more than"), "end": TEXT.index("more than") + 19,
    }  # fmt: skip
    assert article["claims"][0]["entities"] == [0] and article["claims"][0]["quote"] == 1
    quote = article["quotes"][0]
    assert TEXT[quote["content_start"]:quote["content_end"]] == quote["content"]
    assert quote["speaker_entity"] == "Mira Okonkwo"


@pytest.mark.parametrize("make", [full_analysis, bare_analysis])
def test_round_trip_is_exact_through_a_json_string(make):
    analysis = make()
    data = json.loads(json.dumps(analyses_to_json([analysis]), ensure_ascii=False))
    validate_article_json(data)
    back = analyses_from_json(data)
    assert back == [analysis]
    assert isinstance(back[0].claims[0].entities if back[0].claims else (), tuple)
    assert isinstance(back[0].article.outlet.aliases if back[0].article.outlet else (), tuple)


@pytest.mark.parametrize(
    ("record", "fields"),
    [
        (Outlet, article_json._OUTLET_FIELDS),
        (Removed, article_json._REMOVED_FIELDS),
        (Sentence, article_json._SENTENCE_FIELDS),
        (Entity, article_json._ENTITY_FIELDS),
        (Quantity, article_json._QUANTITY_FIELDS),
        (TimeRef, article_json._TIME_FIELDS),
        (Quote, article_json._QUOTE_FIELDS),
        (Claim, article_json._CLAIM_FIELDS),
    ],
)
def test_every_record_field_is_written_and_in_the_schema(record, fields):
    # A new field in records.py must reach the JSON and the schema, or the round trip loses it.
    assert set(fields) == {f.name for f in dataclasses.fields(record)}
    defs = load_article_schema()["$defs"]
    name = {Outlet: "outlet", Removed: "removed", Sentence: "sentence", Entity: "entity", Quantity: "quantity",
            TimeRef: "time", Quote: "quote", Claim: "claim"}[record]  # fmt: skip
    assert set(defs[name]["properties"]) == set(fields)


def test_article_fields_match_records_and_schema():
    article_fields = {f.name for f in dataclasses.fields(Article)}
    analysis_lists = {f.name for f in dataclasses.fields(ArticleAnalysis)} - {"article"}
    written = set(analyses_to_json([bare_analysis()])["articles"][0])
    assert written == article_fields | analysis_lists
    assert set(load_article_schema()["$defs"]["article"]["properties"]) == written


def corrupt(path: str, value):
    data = analyses_to_json([full_analysis()])
    target = data
    keys = path.split("/")
    for key in keys[:-1]:
        target = target[int(key) if key.isdigit() else key]
    last = keys[-1]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return data


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        ("schema", "synopsis.article/2", "at schema"),
        ("articles/0/id", KeyError, "'id' is a required property"),
        ("articles/0/quotes/0/kind", "paraphrase", "at articles/0/quotes/0/kind"),
        ("articles/0/times/0/type", "date", "at articles/0/times/0/type"),
        ("articles/0/published", "4 May 2026", "at articles/0/published"),
        ("articles/0/sentences/0/start", -1, "at articles/0/sentences/0/start"),
        ("articles/0/quantities/0/value", "forty", "at articles/0/quantities/0/value"),
        ("articles/0/entities/0/start", 0, "articles/0/entities/0: text[0:"),
        ("articles/0/claims/0/end", 10_000, "outside the text"),
        ("articles/0/claims/0/quantities", [7], "claims/0/quantities: index 7 out of range"),
        ("articles/0/quotes/0/speaker", "Okonkwa", "quotes/0/speaker"),
        ("articles/0/entities/0/title", "Harbour chief", "entities/0/title"),
    ],
)
def test_validation_errors_name_the_field(path, value, message):
    data = corrupt(path, value)
    with pytest.raises(SynopsisError) as info:
        validate_article_json(data)
    assert message in str(info.value)


def test_valid_published_forms():
    for published in ("2026", "2026-05", "2026-05-04", "2026-05-04T10:15Z", "2026-05-04T10:15:00.5+02:00", None):
        validate_article_json(corrupt("articles/0/published", published))


def test_reader_ignores_unknown_keys():
    data = analyses_to_json([full_analysis()])
    data["articles"][0]["sentiment"] = 0.3
    data["articles"][0]["entities"][0]["wikidata"] = "Q1"
    validate_article_json(data)
    assert analyses_from_json(data) == [full_analysis()]


def test_claims_of_files_written_before_co_speakers_read_back_with_none():
    data = analyses_to_json([full_analysis()])
    for claim in data["articles"][0]["claims"]:
        del claim["co_speakers"]
    validate_article_json(data)
    assert [claim.co_speakers for claim in analyses_from_json(data)[0].claims] == [(), ()]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema": "synopsis.story/1", "articles": []}, "unsupported article JSON schema"),
        ({"schema": "synopsis.article/1"}, "no 'articles' list"),
        ({"schema": "synopsis.article/1", "articles": [{"source": "x", "text": ""}]}, "articles[0]: malformed"),
        ([], "must be an object"),
    ],
)
def test_reader_errors_are_clean(data, message):
    with pytest.raises(SynopsisError, match=re.escape(message)):
        analyses_from_json(data)


def test_reference_corpus_texts_round_trip_and_validate():
    # Real, messy text (curly quotes, dashes, non-ASCII names) must survive byte for byte.
    files = sorted(CORPUS.glob("*.txt"))
    assert len(files) == 5
    analyses = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        sentences = tuple(Sentence(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n.]+\.", text))
        article = Article(id=hashlib.sha256(text.encode()).hexdigest()[:16], source=str(path), text=text)
        analyses.append(ArticleAnalysis(article, sentences=sentences))
    data = json.loads(json.dumps(analyses_to_json(analyses), ensure_ascii=False))
    validate_article_json(data)
    assert analyses_from_json(data) == analyses
    assert sum(len(a.sentences) for a in analyses) > 50


def test_validation_does_not_mutate_input():
    data = analyses_to_json([full_analysis()])
    before = copy.deepcopy(data)
    validate_article_json(data)
    assert data == before
