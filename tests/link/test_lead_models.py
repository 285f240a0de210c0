"""A store whose lead vectors another model made (before an upgrade) gets them made again,
and its index file of the old vectors is not reused."""

import numpy as np
import pytest

from synopsis.extract.embed import LEAD_MODEL_ID, MODEL_ID, Embedder
from synopsis.link.event_profile import lead_text
from synopsis.link.stored_stories import StoredStories, index_path, open_index
from synopsis.link.stories import embed_leads
from synopsis.records import Article, ArticleAnalysis
from synopsis.store.db import Store

REPORTS = {
    "a": ("Fire destroys grain terminal in Orlund", "A fire destroyed the grain terminal in Orlund on Monday night."),
    "b": ("Orlund terminal fire under control", "Firefighters brought the blaze at Orlund's grain terminal under control."),
    "c": ("Lant ferry crews strike for a second week", "Ferry crews in Lant stayed on strike for a second week."),
}


def _analyses() -> list[ArticleAnalysis]:
    return [
        ArticleAnalysis(article=Article(id=aid, source=f"{aid}.txt", text=text, title=title))
        for aid, (title, text) in REPORTS.items()
    ]


def _store_of_the_float_model(path, analyses) -> tuple[list, np.ndarray]:
    """A store whose stories were assigned, then turned into one of the float model's era, with an
    index file of those vectors; returns the (label, article id, lead model) rows and the old vectors."""
    with Store.open(path) as store:
        for analysis in analyses:
            store.add_analysis(analysis)
        assigner = StoredStories(store)
        assigner.assign(analyses)
        rows = store.conn.execute("SELECT label, article_id, lead_model FROM article_events ORDER BY label").fetchall()
        assert {model for _, _, model in rows} == {LEAD_MODEL_ID}
        old = Embedder.load().embed([lead_text(a) for a in analyses])
        store.conn.executemany(
            "UPDATE article_events SET vector = ?, lead_model = ? WHERE article_id = ?",
            [(v.astype("<f4").tobytes(), MODEL_ID, a.article.id) for v, a in zip(old, analyses)],
        )
        open_index(store).save(index_path(store))
    return rows, old


def test_leads_of_another_model_are_embedded_again_and_the_index_rebuilt(tmp_path):
    analyses = _analyses()
    rows, old = _store_of_the_float_model(tmp_path / "news.db", analyses)
    with Store.open(tmp_path / "news.db") as store:
        old_token = store.story_index_token()
        reopened = StoredStories(store)

        assert store.events_of_other_lead_models(LEAD_MODEL_ID) == []
        new = embed_leads(analyses)
        stored = dict(store.conn.execute("SELECT article_id, vector FROM article_events").fetchall())
        for analysis, vector in zip(analyses, new):
            assert np.array_equal(np.frombuffer(stored[analysis.article.id], dtype="<f4"), vector)
        # The index holds the new vectors, not the file's old ones (which score ~0.99).
        assert store.story_index_token() != old_token
        for (label, _, _), vector in zip(rows, new):
            found, score = reopened.index.query(vector, k=1)[0]
            assert found == label and score == pytest.approx(1.0, abs=1e-5)
        assert float(np.min((old * new).sum(axis=1))) < 0.9999  # the two models really differ


def test_lead_vectors_refuse_the_claim_model():
    with pytest.raises(ValueError, match="load_leads"):
        embed_leads([], Embedder.load())


def test_embedding_the_leads_again_reports_progress_per_committed_batch(tmp_path, monkeypatch):
    import synopsis.link.stored_stories as stored_stories

    _store_of_the_float_model(tmp_path / "news.db", _analyses())
    monkeypatch.setattr(stored_stories, "REFRESH_BATCH", 2)
    heard = []
    with Store.open(tmp_path / "news.db") as store:
        StoredStories(store, on_refresh=lambda done, total: heard.append((done, total)))
        assert store.events_of_other_lead_models(LEAD_MODEL_ID) == []
    assert heard == [(0, 3), (2, 3), (3, 3)]


def test_ingest_into_a_store_of_an_older_lead_model_shows_that_progress(tmp_path, monkeypatch):
    from click.testing import CliRunner

    import synopsis.cli.output as output
    from synopsis.cli.main import cli

    _store_of_the_float_model(tmp_path / "news.db", _analyses())
    monkeypatch.setattr(output, "PROGRESS_MIN_ITEMS", 1)  # three articles: too few to show by default
    (tmp_path / "new.txt").write_text("Orlund port reopens\n\nThe port of Orlund reopened on Friday after the fire.\n")
    result = CliRunner().invoke(cli, ["ingest", str(tmp_path / "new.txt"), "--db", str(tmp_path / "news.db")])
    assert result.exit_code == 0, result.output
    assert "new lead model: embedded again the leads of 3/3 articles" in result.stderr
    with Store.open(tmp_path / "news.db") as store:
        assert store.events_of_other_lead_models(LEAD_MODEL_ID) == []
