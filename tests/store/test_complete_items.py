"""The store keeps every field of every extracted record: in the analysis every report reads, and
in the item tables SQL reads (m011_complete_items), for records with every field set."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing

from synopsis.records import Article, ArticleAnalysis, Claim, Entity, Outlet, Quantity, Quote, Removed, Sentence, TimeRef
from synopsis.extract import EXTRACTION_METHOD
from synopsis.report.article_json import analysis_to_dict
from synopsis.store import migrations
from synopsis.store.db import Store

# The item tables and the records whose rows they hold (Article.removed, ArticleAnalysis lists).
ITEM_TABLES = {
    "removed": Removed,
    "sentences": Sentence,
    "entities": Entity,
    "quantities": Quantity,
    "times": TimeRef,
    "quotes": Quote,
    "claims": Claim,
}


def _non_default(cls: type, seed: list[int]):
    """An instance of a record class with every field set to a value none of its defaults has:
    a later field without storage then has a value for the test to miss."""
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if field.init:
            values[field.name] = _value(hints[field.name], field, seed)
    return cls(**values)


def _value(hint, field: dataclasses.Field, seed: list[int]):
    seed[0] += 1
    n = seed[0]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), field, seed)
    if origin is typing.Literal:
        return next(a for a in args if a != field.default)
    if origin is tuple:
        return (_value(args[0], field, seed), _value(args[0], field, seed))
    if dataclasses.is_dataclass(hint):
        return _non_default(hint, seed)
    if hint is bool:
        return not field.default
    if hint is int:
        return 100 + n
    if hint is float:
        return n + 0.25
    if hint is str:
        return f"{field.name} {n}"
    raise AssertionError(f"no test value for {field.name}: {hint}")


def full_analysis() -> ArticleAnalysis:
    """An analysis with one of each item and every field of every record set."""
    seed = [0]
    article = _non_default(Article, seed)
    analysis = ArticleAnalysis(
        article=article,
        **{name: (_non_default(ITEM_TABLES[name], seed),) for name in ("sentences", "entities", "quantities", "times", "quotes", "claims")},
    )
    for record in [article, article.outlet, *article.removed] + [getattr(analysis, name)[0] for name in ITEM_TABLES if name != "removed"]:
        for field in dataclasses.fields(record):
            if field.default is not dataclasses.MISSING:
                assert getattr(record, field.name) != field.default, (type(record).__name__, field.name)
    return analysis


# Fields the tables leave to the stored analysis, with why: an outlet's aliases are the
# registry's, the same in every article of the outlet (m011_complete_items).  Any other field
# without a column fails the tests below.
LEFT_TO_THE_ANALYSIS = {(Outlet, "aliases")}


def _as_tables_hold_it(analysis: ArticleAnalysis) -> ArticleAnalysis:
    """The analysis without the fields of LEFT_TO_THE_ANALYSIS."""
    article = analysis.article
    outlets = {name: dataclasses.replace(getattr(article, name), aliases=()) for name in ("outlet", "origin")}
    return dataclasses.replace(analysis, article=dataclasses.replace(article, **outlets))


def _from_row(cls: type, row: dict, prefix: str = ""):
    """Read a record back from a row, field by field: the column of its name, or ``NAME_json``
    for a tuple or a nested record; an outlet's fields are the article's ``outlet``, ``outlet_kind``, ...
    A field without a column fails here."""
    hints = typing.get_type_hints(cls)
    values = {}
    for field in dataclasses.fields(cls):
        if (cls, field.name) in LEFT_TO_THE_ANALYSIS:
            continue
        hint = hints[field.name]
        inner = next((a for a in typing.get_args(hint) if a is not type(None)), hint)
        column = f"{prefix}_{field.name}" if prefix and field.name != "name" else (prefix or field.name)
        if dataclasses.is_dataclass(inner) and f"{field.name}_json" not in row:
            values[field.name] = None if row[field.name] is None else _from_row(inner, row, prefix=field.name)
        elif f"{column}_json" in row:
            decoded = None if row[f"{column}_json"] is None else json.loads(row[f"{column}_json"])
            if dataclasses.is_dataclass(inner) and decoded is not None:
                decoded = inner(**decoded)
            values[field.name] = tuple(decoded) if isinstance(decoded, list) else decoded
        else:
            assert column in row, f"{cls.__name__}.{field.name} has no column"
            values[field.name] = bool(row[column]) if hint is bool else row[column]
    return cls(**values)


def _rows(conn: sqlite3.Connection, table: str, article_id: str) -> list[dict]:
    key = "id" if table == "articles" else "article_id"
    order = "" if table == "articles" else " ORDER BY idx"
    cursor = conn.execute(f"SELECT * FROM {table} WHERE {key} = ?{order}", (article_id,))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _analysis_from_tables(conn: sqlite3.Connection, article_id: str) -> ArticleAnalysis:
    """The analysis as the store's tables (not its JSON) hold it."""
    items = {table: tuple(_from_row(cls, row) for row in _rows(conn, table, article_id)) for table, cls in ITEM_TABLES.items()}
    [article_row] = _rows(conn, "articles", article_id)
    article_row["removed_json"] = None  # a table of its own, read above
    article = dataclasses.replace(_from_row(Article, article_row), removed=items.pop("removed"))
    return ArticleAnalysis(article, **items)


def test_every_field_of_every_record_survives_the_store(store):
    analysis = full_analysis()
    assert store.add_analysis(analysis)
    assert store.get_analysis(analysis.article.id) == analysis
    assert _analysis_from_tables(store.conn, analysis.article.id) == _as_tables_hold_it(analysis)


def test_a_new_analysis_of_a_stored_article_replaces_every_field_in_the_tables(store):
    analysis = full_analysis()
    store.add_analysis(analysis)
    again = dataclasses.replace(analysis, times=(dataclasses.replace(analysis.times[0], clause_start=None, clause_end=None),))
    assert store.replace_analysis(again)
    assert _analysis_from_tables(store.conn, analysis.article.id) == _as_tables_hold_it(again)


def test_m011_fills_the_new_columns_of_a_store_made_before_it_from_the_stored_analyses(tmp_path):
    path = tmp_path / "s.db"
    before = migrations.MIGRATIONS[: migrations.MIGRATIONS.index(migrations.m011_complete_items)]
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.apply_migrations(conn, before)
    analysis = full_analysis()
    article = analysis.article
    # As the store wrote it before m011: the full analysis, items without the new columns.
    conn.execute(
        "INSERT INTO articles (id, source, outlet, outlet_kind, outlet_country, origin, origin_kind, cites_json, published, "
        "published_precision, dateline, title, author, url, language, text, schema, analysis_json, content_hash, added_at, "
        "published_ambiguous, extraction) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'synopsis.article/1', ?, '', "
        "'2026-01-01', ?, ?)",
        (
            article.id, article.source, article.outlet.name, article.outlet.kind, article.outlet.country, article.origin.name,
            article.origin.kind, json.dumps(list(article.cites)), article.published, article.published_precision,
            article.dateline, article.title, article.author, article.url, article.language, article.text,
            json.dumps(analysis_to_dict(analysis)), article.published_ambiguous, EXTRACTION_METHOD,
        ),
    )  # fmt: skip
    [sentence], [entity], [quantity], [time], [quote], [claim] = (
        analysis.sentences, analysis.entities, analysis.quantities, analysis.times, analysis.quotes, analysis.claims,
    )  # fmt: skip
    for i, removed in enumerate(article.removed):
        conn.execute("INSERT INTO removed VALUES (?, ?, ?, ?, ?, ?)", (article.id, i, removed.text, removed.reason, removed.start, removed.end))
    conn.execute("INSERT INTO sentences VALUES (?, 0, ?, ?, ?)", (article.id, sentence.text, sentence.start, sentence.end))
    conn.execute(
        "INSERT INTO entities VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, entity.text, entity.label, entity.start, entity.end, entity.title, entity.title_start, entity.title_end),
    )
    q = quantity
    conn.execute(
        "INSERT INTO quantities VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, q.text, q.value, q.low, q.high, q.unit, q.counted, q.qualifier, q.start, q.end),
    )
    conn.execute(
        "INSERT INTO times VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
        (article.id, time.text, time.type, time.value, time.precision, time.modifier, time.start, time.end),
    )
    conn.execute(
        "INSERT INTO quotes VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id, quote.kind, quote.speaker, quote.speaker_entity, quote.cue, quote.content, quote.start, quote.end,
            quote.speaker_start, quote.speaker_end, quote.cue_start, quote.cue_end, quote.content_start, quote.content_end,
        ),
    )  # fmt: skip
    conn.execute(
        "INSERT INTO claims VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            article.id, claim.text, claim.start, claim.end, claim.sentence, json.dumps(list(claim.entities)),
            json.dumps(list(claim.quantities)), json.dumps(list(claim.times)), claim.quote, claim.attributed_to,
        ),
    )  # fmt: skip
    # An article an older recipe analysed, before the fields existed: they stay empty.
    bare = dataclasses.replace(analysis, article=dataclasses.replace(article, id="old"))
    payload = analysis_to_dict(bare)
    for time_item in payload["times"]:
        del time_item["clause_start"], time_item["clause_end"]
    conn.execute(
        "INSERT INTO articles (id, source, text, schema, analysis_json, content_hash, added_at) "
        "VALUES ('old', 'old.txt', ?, 'synopsis.article/1', ?, '', '2026-01-01')",
        (article.text, json.dumps(payload)),
    )
    conn.execute("INSERT INTO times (article_id, idx, text, type, value, start, \"end\") VALUES ('old', 0, 't', 'DATE', 'x', 0, 1)")
    conn.close()
    with Store.open(path) as db:
        assert "m011_complete_items" in migrations.applied_migrations(db.conn)
        assert _analysis_from_tables(db.conn, article.id) == _as_tables_hold_it(analysis)
        assert db.conn.execute("SELECT noun_phrase_start, clause_start FROM times WHERE article_id = 'old'").fetchone() == (
            time.noun_phrase_start,
            None,
        )
        # Filled from its analysis, an article of this recipe needs no new extraction; the older
        # one is what `synopsis reanalyze` extracts again.
        assert db.outdated_ids() == ["old"]
