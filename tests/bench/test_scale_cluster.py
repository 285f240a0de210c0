"""The clustering-step benchmark builds a store whose profiles an assigner can open as they are."""

from __future__ import annotations

from synopsis.extract.embed import LEAD_MODEL_ID
from synopsis.store.db import Store
from tests.bench import load_bench_script


def test_stored_profiles_are_the_current_lead_models_and_new_articles_get_stories(tmp_path):
    scale = load_bench_script("scale")
    db = tmp_path / "stored.db"
    scale.prepare(db, 200)
    with Store.open(db) as store:
        # Rows of another model would be embedded again from text these rows do not have.
        assert store.events_of_other_lead_models(LEAD_MODEL_ID) == []
    row = scale.measure(db, 20)
    assert row["stored"] == 200
    with Store.open(db) as store:
        assert len(store.unassigned_article_ids()) == 0
        assert store.conn.execute("SELECT COUNT(*) FROM story_articles").fetchone()[0] == 220
