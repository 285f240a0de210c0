"""The synthetic archive generator writes articles the ingest keeps whole, so throughput is measured on real lengths."""

from __future__ import annotations

import json

from synopsis.ingest.article import build_article
from synopsis.records import RawDocument
from tests.bench import load_bench_script


def test_articles_keep_their_length_through_cleaning(tmp_path):
    synth = load_bench_script("synth")
    (path,) = synth.generate(tmp_path, articles=40, events=10, seed=3, words=500)
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 40 and len({r["event"] for r in rows}) == 10
    for row in rows:
        sentences = [s for p in row["text"].split("\n\n") for s in p.split(". ")]
        # No sentence twice: a repeated line is clutter to the cleaner.
        assert len(sentences) == len(set(sentences))
        raw_words = len(row["text"].split())
        assert raw_words >= 480
        article = build_article(RawDocument(source="synth", content=row["text"], title=row["title"], is_extracted=False))
        assert len(article.text.split()) >= 0.95 * raw_words, row["title"]
