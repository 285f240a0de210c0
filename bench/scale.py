"""Measure ingest throughput and the story-assignment cost per article as the archive grows.

Usage:
  python bench/scale.py ingest ARCHIVE_DIR [--db PATH] [--workers N]
      whole ingest (read, clean, extract with both cores, store, assign stories)
      of a synthetic archive from bench/synth.py: articles per second, and
      BCubed F1 of the stories against the archive's gold events.
  python bench/scale.py spacy ARCHIVE_DIR [--articles 1000]
      the baseline: bare spaCy parsing the archive's first articles with
      ``nlp.pipe(n_process=2)``, nothing else: the model as spaCy loads it, then
      as synopsis loads it (its attribute ruler answered by lookup, its matrix
      products through numpy's BLAS), each process with one BLAS thread as in
      synopsis's workers.
  python bench/scale.py cluster --stored 10000 100000 [--new 300] [--work DIR]
      the clustering step alone with N articles already stored: per-article
      time of assigning new articles and the process's peak memory.  Stored
      articles get synthetic event profiles (unit vectors around one centroid per
      event, names, days over three years), bulk-inserted once, so the
      per-article extraction is not redone at 100,000 articles.  Each size is
      measured in a fresh process so peak memory belongs to that size.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

EVENT_SIZE = 10  # mean articles per synthetic event
DIMENSIONS = 384


def peak_rss_mb() -> float:
    """Peak resident memory of this process (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def peak_worker_rss_mb() -> float:
    """Peak resident memory of the largest finished child process (a pool worker)."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def run_spacy_baseline(archive: Path, articles: int) -> list[dict]:
    """Bare spaCy over the first `articles` texts of the archive, on two processes: what parsing alone costs."""
    import spacy

    from synopsis.extract.nlp import MODEL_PACKAGE, load_nlp
    from synopsis.run.worker_process import one_blas_thread

    # Two processes on two cores: BLAS threads of their own would only compete
    # (the forked processes inherit this limit).
    one_blas_thread()
    texts: list[str] = []
    for path in sorted(archive.glob("*.jsonl")):
        with path.open(encoding="utf-8") as lines:
            texts += [json.loads(line)["text"] for line in lines]
        if len(texts) >= articles:
            break
    texts = texts[:articles]
    words = sum(len(t.split()) for t in texts)
    rows = []
    for pipeline, nlp in (("spaCy as loaded", spacy.load(MODEL_PACKAGE)), ("synopsis's load_nlp", load_nlp())):
        started = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=32, n_process=2):
            pass
        seconds = time.perf_counter() - started
        rows.append(
            {
                "pipeline": pipeline,
                "articles": len(texts),
                "words": words,
                "seconds": round(seconds, 1),
                "articles/s": round(len(texts) / seconds, 2),
                "words/s": round(words / seconds),
            }
        )
    return rows


def run_ingest(archive: Path, db: Path, workers: int | None) -> dict:
    """Ingest every JSONL file of the archive into a fresh database; time it and score the stories."""
    sys.path.insert(0, str(Path(__file__).parent))
    from ecbplus import bcubed

    from synopsis.jobs import ingest_inputs
    from synopsis.story_jobs import current_stories
    from synopsis.store.db import Store

    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    files = sorted(str(p) for p in archive.glob("*.jsonl"))
    gold = {}
    words = 0
    for path in files:
        for line in open(path, encoding="utf-8"):
            row = json.loads(line)
            gold[(row["title"], row["url"])] = row["event"]
            words += len(row["text"].split())
    stored: dict[str, tuple[str | None, str | None, int]] = {}

    def note(analysis) -> None:
        # Only what scoring needs: the ingest itself keeps no analyses (keep_analyses=False),
        # as `synopsis ingest` runs it, so peak memory is the command's.
        article = analysis.article
        stored[article.id] = (article.title, article.url, len(article.text.split()))

    started = time.perf_counter()
    with Store.open(db) as store:
        result = ingest_inputs(files, store, workers=workers, on_stored=note, keep_analyses=False)
        elapsed = time.perf_counter() - started
        stories = current_stories(store)
    label = {aid: s.id for s in stories for aid in s.article_ids}
    ids = [aid for aid in label if aid in stored]
    truth = [gold.get(stored[i][:2], "?") for i in ids]
    p, r, f = bcubed(truth, [label[i] for i in ids])
    return {
        "articles": result.added,
        "mean words": round(words / max(1, len(gold))),
        # What was parsed: cleaning drops clutter, so this is the honest article size.
        "mean words analysed": round(sum(words for _, _, words in stored.values()) / max(1, len(stored))),
        "seconds": round(elapsed, 1),
        "articles/s": round(result.added / elapsed, 2),
        "stories": len(stories),
        "gold events": len(set(gold.values())),
        "BCubed P/R/F1": f"{p:.3f}/{r:.3f}/{f:.3f}",
        "peak MB": round(peak_rss_mb()),
        "peak MB of a worker": round(peak_worker_rss_mb()),
    }


def synthetic_profiles(count: int, seed: int, first_day: int):
    """Event-structured profiles: (article_id, vector, profile_json, day_ordinal, event)."""
    from synopsis.link.event_profile import EventProfile

    rng = np.random.default_rng(seed)
    events = max(1, count // EVENT_SIZE)
    centroids = rng.normal(size=(events, DIMENSIONS)).astype(np.float32)
    # Families of look-alike events share much of their centroid (same kind).
    kinds = rng.normal(size=(max(1, events // 3), DIMENSIONS)).astype(np.float32)
    centroids = 0.6 * kinds[np.arange(events) % len(kinds)] + 0.4 * centroids
    days = first_day + rng.integers(0, 3 * 365, size=events)
    names = [[f"n{e}x{k}" for k in range(6)] + [f"kind{e % len(kinds)}"] for e in range(events)]
    for i in range(count):
        event = int(rng.integers(events))
        vector = centroids[event] / np.linalg.norm(centroids[event]) + 0.35 * rng.normal(size=DIMENSIONS) / np.sqrt(DIMENSIONS)
        vector = (vector / np.linalg.norm(vector)).astype("<f4")
        cast = frozenset(rng.choice(names[event], size=5, replace=False).tolist())
        day = dt.date.fromordinal(int(days[event]) + int(rng.integers(0, 2))).isoformat()
        aid = hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()[:16]
        profile = EventProfile(article_id=aid, vector=vector, names=cast, cast=cast, day=day, published=day, title=f"event {event}")
        yield aid, vector, profile, int(days[event]), event


def prepare(db: Path, stored: int) -> None:
    """Bulk-insert `stored` synthetic articles with profiles and stories, then build the index file."""
    from synopsis.extract.embed import LEAD_MODEL_ID
    from synopsis.link.event_profile import EVENT_METHOD
    from synopsis.link.stored_stories import open_index
    from synopsis.link.stories import new_story_id
    from synopsis.store.db import Store

    for stale in db.parent.glob(db.name + "*"):
        stale.unlink()
    with Store.open(db) as store:
        conn = store.conn
        now = "2025-01-01T00:00:00+00:00"
        story_of_event: dict[int, str] = {}
        conn.execute("BEGIN")
        for aid, vector, profile, day, event in synthetic_profiles(stored, 1, dt.date(2022, 1, 1).toordinal()):
            # Minimal article rows: the clustering step reads only profiles.
            conn.execute(
                "INSERT INTO articles (id, source, text, schema, analysis_json, content_hash, added_at, published) "
                "VALUES (?, ?, '', 'synthetic', '{}', ?, ?, ?)",
                (aid, f"synthetic/{aid}", aid, now, profile.day),
            )
            story = story_of_event.setdefault(event, new_story_id(aid))
            conn.execute("INSERT OR IGNORE INTO stories (id, title, created, updated) VALUES (?, ?, ?, ?)", (story, profile.title, now, now))
            conn.execute(
                "INSERT INTO story_articles (article_id, story_id, assigned_by, assigned_at) VALUES (?, ?, 'auto', ?)",
                (aid, story, now),
            )
            # Stored as the current lead model's: vectors of another model are
            # embedded again from the article text, which these rows do not have.
            conn.execute(
                "INSERT INTO article_events (article_id, method, day_ordinal, vector, profile_json, lead_model) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (aid, EVENT_METHOD, day, vector.tobytes(), profile.to_json(), LEAD_MODEL_ID),
            )
        conn.execute("COMMIT")
        started = time.perf_counter()
        index = open_index(store)
        index.save(str(db) + ".stories.hnsw")
        print(f"  built index of {stored} vectors in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def measure(db: Path, new: int) -> dict:
    """Assign `new` synthetic articles to the stored archive; time per article and peak memory."""
    from synopsis.link.pair_scores import PairScores
    from synopsis.link.stored_stories import StoredStories
    from synopsis.link.stories import pick_story, rank_stories
    from synopsis.store.db import Store

    with Store.open(db) as store:
        started = time.perf_counter()
        stories = StoredStories(store)
        load_seconds = time.perf_counter() - started
        index, state = stories.index, stories.state
        fresh = list(synthetic_profiles(new, 2, dt.date(2022, 1, 1).toordinal()))
        conn = store.conn
        for aid, *_ in fresh:
            conn.execute(
                "INSERT INTO articles (id, source, text, schema, analysis_json, content_hash, added_at) "
                "VALUES (?, ?, '', 'synthetic', '{}', ?, '')",
                (aid, f"synthetic/{aid}", aid),
            )
        choose, total = [], []
        run_memo = state.pair_scores
        for _, _, profile, _, _ in fresh:
            # The choice is timed alone with a memo of its own, so the pairs it
            # scores are scored again, as an ingest would, in the timing below.
            state.pair_scores = PairScores()
            began = time.perf_counter()
            pick_story(rank_stories(profile, index, state))
            choose.append(time.perf_counter() - began)
            state.pair_scores = run_memo
            # The whole path `synopsis ingest` takes: catch up with other writers,
            # choose again, commit, index, regroup, retitle.
            began = time.perf_counter()
            stories.assign_profiles([profile])
            total.append(time.perf_counter() - began)
    choose_ms, total_ms = np.array(choose) * 1000, np.array(total) * 1000
    return {
        "stored": store_count(db) - new,
        "index load s": round(load_seconds, 1),
        "choose story ms/article (mean, p95)": f"{choose_ms.mean():.2f}, {np.percentile(choose_ms, 95):.2f}",
        "assign incl. regroup ms/article (mean, p95)": f"{total_ms.mean():.2f}, {np.percentile(total_ms, 95):.2f}",
        "peak MB": round(peak_rss_mb()),
    }


def store_count(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    ingest = commands.add_parser("ingest")
    ingest.add_argument("archive", type=Path)
    ingest.add_argument("--db", type=Path, default=Path("/tmp/synopsis-scale-ingest.db"))
    ingest.add_argument("--workers", type=int, default=None)
    spacy = commands.add_parser("spacy")
    spacy.add_argument("archive", type=Path)
    spacy.add_argument("--articles", type=int, default=1000)
    cluster = commands.add_parser("cluster")
    cluster.add_argument("--stored", type=int, nargs="+", default=[10_000, 100_000])
    cluster.add_argument("--new", type=int, default=300)
    cluster.add_argument("--work", type=Path, default=Path("/tmp"))
    measure_one = commands.add_parser("measure-one")  # internal: one size, in a fresh process
    measure_one.add_argument("db", type=Path)
    measure_one.add_argument("--new", type=int, default=300)
    args = parser.parse_args(argv)

    if args.command == "ingest":
        print(json.dumps(run_ingest(args.archive, args.db, args.workers), indent=1))
    elif args.command == "spacy":
        print(json.dumps(run_spacy_baseline(args.archive, args.articles), indent=1))
    elif args.command == "measure-one":
        print(json.dumps(measure(args.db, args.new)))
    else:
        rows = []
        for stored in args.stored:
            db = args.work / f"synopsis-scale-{stored}.db"
            print(f"preparing {stored} stored articles…", file=sys.stderr)
            prepare(db, stored)
            # Measure on a copy-free fresh process: peak memory is this size's own.
            out = subprocess.run(
                [sys.executable, __file__, "measure-one", str(db), "--new", str(args.new)],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        keys = list(rows[0])
        print("| " + " | ".join(keys) + " |")
        print("|" + " --- |" * len(keys))
        for row in rows:
            print("| " + " | ".join(str(row[k]) for k in keys) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
