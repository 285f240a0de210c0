"""Per-article JSON ("synopsis.article/1"): write, read back and validate extracted analyses.

The format is the exchange format between stages run in different processes or
machines and the payload the store keeps per article, so reading it back must
give records equal to the ones written (tested as an exact round trip).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import jsonschema

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

SCHEMA_ID = "synopsis.article/1"
SCHEMA_FILE = "article-1.schema.json"

# Field order of each record as written.  Listed by hand rather than taken from
# dataclasses.fields() so that a new field in records.py cannot silently change
# a published format: tests compare these lists with the records and fail
# until the schema (and, if incompatible, its version) is updated.
_OUTLET_FIELDS = ("name", "kind", "country", "aliases")
_REMOVED_FIELDS = ("text", "reason", "start", "end")
_SENTENCE_FIELDS = ("text", "start", "end")
_ENTITY_FIELDS = ("text", "label", "start", "end", "title", "title_start", "title_end")
_QUANTITY_FIELDS = ("text", "value", "low", "high", "unit", "counted", "qualifier", "predicate", "start", "end")
_TIME_FIELDS = ("text", "type", "value", "precision", "modifier", "start", "end", "noun_phrase_start",
                "noun_phrase_end", "clause_start", "clause_end")
_QUOTE_FIELDS = (
    "speaker",
    "speaker_entity",
    "speaker_kind",
    "pronoun_agrees",
    "cue",
    "content",
    "kind",
    "start",
    "end",
    "speaker_start",
    "speaker_end",
    "cue_start",
    "cue_end",
    "content_start",
    "content_end",
)
_CLAIM_FIELDS = (
    "text", "start", "end", "sentence", "entities", "quantities", "times", "quote", "attributed_to", "frame",
    "co_speakers",
)
_FRAME_FIELDS = ("predicate", "agent", "agent_entity", "negated", "modality")
_ARTICLE_FIELDS = (
    "id",
    "source",
    "outlet",
    "origin",
    "cites",
    "published",
    "published_precision",
    "published_ambiguous",
    "updated",
    "dateline",
    "dateline_date",
    "title",
    "author",
    "url",
    "language",
    "text",
    "removed",
)
_LIST_FIELDS = ("removed", "sentences", "entities", "quantities", "times", "quotes", "claims")


def analyses_to_json(analyses: Sequence[ArticleAnalysis]) -> dict:
    """Turn analyses into a "synopsis.article/1" document (a JSON-ready dict)."""
    return {
        "schema": SCHEMA_ID,
        "generator": f"synopsis {__version__}",
        "articles": [analysis_to_dict(analysis) for analysis in analyses],
    }


def analyses_from_json(data: Mapping[str, Any]) -> list[ArticleAnalysis]:
    """Read a "synopsis.article/1" document back into analyses (inverse of analyses_to_json)."""
    if not isinstance(data, Mapping):
        raise SynopsisError("article JSON must be an object with a 'schema' and 'articles'")
    schema = data.get("schema")
    if schema != SCHEMA_ID:
        raise SynopsisError(f"unsupported article JSON schema {schema!r}; expected {SCHEMA_ID!r}")
    articles = data.get("articles")
    if not isinstance(articles, list):
        raise SynopsisError("article JSON has no 'articles' list")
    return [analysis_from_dict(item, where=f"articles[{i}]") for i, item in enumerate(articles)]


def analysis_to_dict(analysis: ArticleAnalysis) -> dict:
    """Turn one analysis into the dict of one entry of "articles"."""
    article = analysis.article
    out = {name: getattr(article, name) for name in _ARTICLE_FIELDS}
    out["outlet"] = _outlet_to_dict(article.outlet)
    out["origin"] = _outlet_to_dict(article.origin)
    out["cites"] = list(article.cites)
    out["removed"] = [_pick(item, _REMOVED_FIELDS) for item in article.removed]
    out["sentences"] = [_pick(item, _SENTENCE_FIELDS) for item in analysis.sentences]
    out["entities"] = [_pick(item, _ENTITY_FIELDS) for item in analysis.entities]
    out["quantities"] = [_pick(item, _QUANTITY_FIELDS) for item in analysis.quantities]
    out["times"] = [_pick(item, _TIME_FIELDS) for item in analysis.times]
    out["quotes"] = [_pick(item, _QUOTE_FIELDS) for item in analysis.quotes]
    out["claims"] = [_claim_to_dict(item) for item in analysis.claims]
    return out


def analysis_from_dict(data: Mapping[str, Any], where: str = "article") -> ArticleAnalysis:
    """Read one entry of "articles" back into an ArticleAnalysis."""
    try:
        article = Article(
            id=data["id"],
            source=data["source"],
            text=data["text"],
            title=data.get("title"),
            author=data.get("author"),
            url=data.get("url"),
            outlet=_outlet_from_dict(data.get("outlet")),
            origin=_outlet_from_dict(data.get("origin")),
            cites=tuple(data.get("cites") or ()),
            published=data.get("published"),
            published_precision=data.get("published_precision"),
            published_ambiguous=data.get("published_ambiguous"),
            updated=data.get("updated"),
            dateline=data.get("dateline"),
            dateline_date=data.get("dateline_date"),
            language=data.get("language") or "en",
            removed=tuple(Removed(**_pick_dict(item, _REMOVED_FIELDS)) for item in data.get("removed") or ()),
        )
        return ArticleAnalysis(
            article=article,
            sentences=tuple(Sentence(**_pick_dict(item, _SENTENCE_FIELDS)) for item in data.get("sentences") or ()),
            entities=tuple(Entity(**_pick_dict(item, _ENTITY_FIELDS)) for item in data.get("entities") or ()),
            quantities=tuple(
                Quantity(**_pick_dict(item, _QUANTITY_FIELDS)) for item in data.get("quantities") or ()
            ),
            times=tuple(TimeRef(**_pick_dict(item, _TIME_FIELDS)) for item in data.get("times") or ()),
            quotes=tuple(Quote(**_pick_dict(item, _QUOTE_FIELDS)) for item in data.get("quotes") or ()),
            claims=tuple(_claim_from_dict(item) for item in data.get("claims") or ()),
        )
    except (KeyError, TypeError, AttributeError) as exc:
        raise SynopsisError(f"{where}: malformed article JSON ({type(exc).__name__}: {exc})") from None


def validate_article_json(data: Any) -> None:
    """Check a document against the JSON Schema and the offset invariants; raise SynopsisError if invalid."""
    validator = jsonschema.Draft202012Validator(load_article_schema())
    # best_match picks the most specific error, so the message names the field at fault.
    error = jsonschema.exceptions.best_match(validator.iter_errors(data))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(document)"
        raise SynopsisError(f"article JSON is invalid at {where}: {error.message}")
    for i, article in enumerate(data["articles"]):
        _check_offsets(article, f"articles/{i}")


@lru_cache(maxsize=1)
def load_article_schema() -> dict:
    """Load the JSON Schema shipped as package data."""
    text = resources.files("synopsis").joinpath("schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    return json.loads(text)


def _check_offsets(article: Mapping[str, Any], where: str) -> None:
    """Enforce what a schema cannot say: every span's text equals the clean text at its offsets."""
    text = article["text"]
    for kind in ("sentences", "entities", "quantities", "times", "claims"):
        for j, item in enumerate(article[kind]):
            _check_span(text, item["start"], item["end"], item["text"], f"{where}/{kind}/{j}")
    for j, entity in enumerate(article["entities"]):
        if entity.get("title") is not None and entity.get("title_start") is not None:
            title_span = (entity["title_start"], entity["title_end"])
            _check_span(text, *title_span, entity["title"], f"{where}/entities/{j}/title")
    for j, quote in enumerate(article["quotes"]):
        here = f"{where}/quotes/{j}"
        if not (0 <= quote["start"] <= quote["end"] <= len(text)):
            span = f"[{quote['start']}, {quote['end']})"
            raise SynopsisError(f"article JSON is invalid at {here}: span {span} is outside the text")
        for part in ("content", "speaker", "cue"):
            start, end = quote.get(f"{part}_start"), quote.get(f"{part}_end")
            if start is not None and quote.get(part) is not None:
                _check_span(text, start, end, quote[part], f"{here}/{part}")
    sentence_count = len(article["sentences"])
    counts = {kind: len(article[kind]) for kind in ("entities", "quantities", "times", "quotes")}
    for j, claim in enumerate(article["claims"]):
        here = f"{where}/claims/{j}"
        if sentence_count and not 0 <= claim["sentence"] < sentence_count:
            raise SynopsisError(f"article JSON is invalid at {here}: sentence index {claim['sentence']} out of range")
        for kind in ("entities", "quantities", "times"):
            bad = [k for k in claim[kind] if not 0 <= k < counts[kind]]
            if bad:
                raise SynopsisError(f"article JSON is invalid at {here}/{kind}: index {bad[0]} out of range")
        if claim["quote"] is not None and not 0 <= claim["quote"] < counts["quotes"]:
            raise SynopsisError(f"article JSON is invalid at {here}/quote: index {claim['quote']} out of range")
        agent = (claim.get("frame") or {}).get("agent_entity")
        if agent is not None and not 0 <= agent < counts["entities"]:
            raise SynopsisError(f"article JSON is invalid at {here}/frame/agent_entity: index {agent} out of range")


def _check_span(text: str, start: int, end: int, expected: str, where: str) -> None:
    """Raise SynopsisError unless text[start:end] == expected."""
    if start is None or end is None or not (0 <= start <= end <= len(text)):
        raise SynopsisError(f"article JSON is invalid at {where}: span [{start}, {end}) is outside the text")
    if text[start:end] != expected:
        raise SynopsisError(
            f"article JSON is invalid at {where}: text[{start}:{end}] is {text[start:end]!r}, not {expected!r}"
        )


def _pick(record: Any, fields: Sequence[str]) -> dict:
    """Copy the named attributes of a record into a dict, in order."""
    return {name: getattr(record, name) for name in fields}


def _pick_dict(data: Mapping[str, Any], fields: Sequence[str]) -> dict:
    """Keep only the known keys, so readers of /1 ignore fields added by later minor versions."""
    return {name: data[name] for name in fields if name in data}


def _outlet_to_dict(outlet: Outlet | None) -> dict | None:
    """Turn an outlet into a dict (aliases as a list)."""
    if outlet is None:
        return None
    out = _pick(outlet, _OUTLET_FIELDS)
    out["aliases"] = list(outlet.aliases)
    return out


def _outlet_from_dict(data: Mapping[str, Any] | None) -> Outlet | None:
    """Read an outlet dict back."""
    if data is None:
        return None
    return Outlet(
        name=data["name"],
        kind=data.get("kind") or "unknown",
        country=data.get("country"),
        aliases=tuple(data.get("aliases") or ()),
    )


def _claim_to_dict(claim: Claim) -> dict:
    """Turn a claim into a dict (index tuples as lists)."""
    out = _pick(claim, _CLAIM_FIELDS)
    for kind in ("entities", "quantities", "times"):
        out[kind] = list(out[kind])
    out["frame"] = _pick(claim.frame, _FRAME_FIELDS) if claim.frame is not None else None
    out["co_speakers"] = list(claim.co_speakers)
    return out


def _claim_from_dict(data: Mapping[str, Any]) -> Claim:
    """Read a claim dict back (index lists as tuples)."""
    values = _pick_dict(data, _CLAIM_FIELDS)
    for kind in ("entities", "quantities", "times"):
        values[kind] = tuple(values.get(kind) or ())
    # Files written before frames existed have none: alignment then compares the words alone.
    frame = values.get("frame")
    values["frame"] = ClaimFrame(**_pick_dict(frame, _FRAME_FIELDS)) if frame else None
    # Files written before co-speakers existed credit a joint statement to its first speaker only.
    values["co_speakers"] = tuple(values.get("co_speakers") or ())
    return Claim(**values)


__all__ = [
    "SCHEMA_ID",
    "analyses_from_json",
    "analyses_to_json",
    "analysis_from_dict",
    "analysis_to_dict",
    "load_article_schema",
    "validate_article_json",
]
