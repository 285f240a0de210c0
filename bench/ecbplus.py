"""Score story clustering on ECB+ (one folder = one gold event) against a TF-IDF baseline.

Usage:  python bench/ecbplus.py DATA_DIR [--topics 26-35] [--tune 1-25] [--cache DIR] [--fit] [--sweep] [--orders N] [--errors] [--any-cache]

Every article of a split is clustered together.  Three systems run in the same
process: a TF-IDF + average-linkage baseline (scikit-learn, threshold tuned on the
tuning topics), synopsis's batch clustering (``cluster_stories``) and its
incremental assignment (``assign_story`` over a stream, the path ``synopsis
ingest`` takes).  synopsis's thresholds are the constants in
``synopsis.link.stories``; ``--sweep`` prints how F1 on the tuning topics moves
with them (the merge threshold, and the group rule on marking names), which is
how they were chosen.  ``--errors`` lists the batch clustering's false merges and
splits on the tuning topics only: the reported topics are the check, and reading
their errors would fit the rules to them.  Per-article extraction is cached under
``--cache`` (default /tmp) so reruns take seconds.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np

from synopsis.records import Article, ArticleAnalysis

_FOLDER = re.compile(r"^(\d+)(ecb|ecbplus)$")


def parse_range(text: str) -> set[int]:
    """'1-25' or '26-35,40' -> set of topic numbers."""
    topics: set[int] = set()
    for part in text.split(","):
        low, _, high = part.partition("-")
        topics.update(range(int(low), int(high or low) + 1))
    return topics


def parse_published(value: str | None) -> str | None:
    """ECB+ publication dates are free text ('May 03, 2013', 'TNN Nov 12, 2011, 05.51AM IST');
    read them as `synopsis ingest` reads a JSON article's date: ISO day or None."""
    from synopsis.ingest.publication_dates import normalize_container_date

    when = normalize_container_date(value)
    if when is None or not ("1990" <= when.iso[:4] <= "2030"):
        return None
    return when.iso[:10]


def read_split(data_dir: Path, topics: set[int]) -> tuple[list[Article], list[str]]:
    """Articles of the given topics with their gold event labels (folder names)."""
    articles, labels = [], []
    for folder in sorted(p for p in data_dir.iterdir() if p.is_dir()):
        match = _FOLDER.match(folder.name)
        if not match or int(match.group(1)) not in topics:
            continue
        for path in sorted(folder.glob("*.json")):
            raw = json.loads(path.read_text(encoding="utf-8"))
            title = " ".join((raw.get("title") or "").split()) or None
            # 52 ECB+ documents have only a title (one sentence): it is their text.
            text = " ".join((raw.get("text") or "").split()) or title
            if not text:
                continue
            digest = hashlib.sha256(f"{path.name}\n{text}".encode()).hexdigest()
            articles.append(
                Article(
                    id=digest[:16],
                    source=f"{folder.name}/{path.name}",
                    text=text,
                    title=title,
                    published=parse_published(raw.get("date_publish")),
                )
            )
            labels.append(folder.name)
    return articles, labels


def analyze_cached(articles: list[Article], cache_dir: Path, any_cache: bool = False) -> list[ArticleAnalysis]:
    """Per-article extraction, computed once per article text and kept under cache_dir."""
    from synopsis.run.local import analyze_locally

    cache_dir.mkdir(parents=True, exist_ok=True)
    path = cache_dir / f"synopsis-ecbplus-{code_fingerprint()}.pkl"
    if any_cache and not path.exists():
        # Tuning linking while others change extraction: reuse the newest cache.
        made = sorted(cache_dir.glob("synopsis-ecbplus-*.pkl"), key=lambda p: p.stat().st_mtime)
        path = made[-1] if made else path
    cache: dict[str, ArticleAnalysis] = pickle.loads(path.read_bytes()) if path.exists() else {}
    missing = [a for a in articles if a.id not in cache or cache[a.id].article != a]
    if missing:
        print(f"extracting {len(missing)} articles (cached at {path})…", file=sys.stderr)
        for analysis in analyze_locally(missing):
            cache[analysis.article.id] = analysis
        path.write_bytes(pickle.dumps(cache))
    return [cache[a.id] for a in articles]


def code_fingerprint() -> str:
    """Hash of the extraction code and records: a cache made by other code is not reused."""
    import synopsis

    root = Path(synopsis.__file__).parent
    files = sorted((root / "extract").rglob("*.py")) + [root / "records.py"]
    digest = hashlib.sha256()
    for file in files:
        digest.update(file.read_bytes())
    return digest.hexdigest()[:12]


def bcubed(gold: list[str], predicted: list) -> tuple[float, float, float]:
    """BCubed precision, recall and F1 (Bagga & Baldwin 1998), averaged over items."""
    by_gold: dict = defaultdict(set)
    by_pred: dict = defaultdict(set)
    for i, (g, p) in enumerate(zip(gold, predicted)):
        by_gold[g].add(i)
        by_pred[p].add(i)
    precision = recall = 0.0
    for i, (g, p) in enumerate(zip(gold, predicted)):
        overlap = len(by_gold[g] & by_pred[p])
        precision += overlap / len(by_pred[p])
        recall += overlap / len(by_gold[g])
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def score(gold: list[str], predicted: list) -> dict:
    from sklearn.metrics import adjusted_rand_score

    p, r, f = bcubed(gold, predicted)
    return {"P": p, "R": r, "F1": f, "ARI": adjusted_rand_score(gold, predicted), "clusters": len(set(predicted))}


def tfidf_labels(articles: list[Article], threshold: float) -> list[int]:
    """Baseline: TF-IDF over title+text, cosine, average-linkage agglomerative clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(
        [f"{a.title or ''} {a.text}" for a in articles]
    )
    similarity = (matrix @ matrix.T).toarray()
    return AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="average", distance_threshold=1 - threshold
    ).fit_predict(np.clip(1 - similarity, 0, None)).tolist()


def tune_baseline(articles: list[Article], gold: list[str]) -> float:
    """The baseline's similarity threshold with the best BCubed F1 on the tuning split."""
    grid = [round(x, 2) for x in np.arange(0.02, 0.6, 0.01)]
    return max(grid, key=lambda t: bcubed(gold, tfidf_labels(articles, t))[2])


def synopsis_batch_labels(analyses, vectors, **params) -> list[int]:
    from synopsis.link.stories import cluster_stories

    stories = cluster_stories(analyses, vectors=vectors, **params)
    label = {aid: n for n, s in enumerate(stories) for aid in s.article_ids}
    return [label[a.article.id] for a in analyses]


def synopsis_incremental_labels(analyses, vectors, seed: int = 0, **params) -> list[str]:
    """Stream the articles (in the shuffled order ``seed`` fixes) through the incremental assigner."""
    from synopsis.link.stories import StoryIndex, describe_events

    profiles = describe_events(analyses, vectors)
    index = StoryIndex(**params)
    order = np.random.default_rng(seed).permutation(len(analyses))
    for i in order:
        index.add(profiles[i])
    story_of = {aid: story for story, members in index.stories().items() for aid in members}
    return [story_of[p.article_id] for p in profiles]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--topics", default="26-35", help="topics to report (default 26-35)")
    parser.add_argument("--tune", default="1-25", help="topics the baseline threshold is tuned on (default 1-25)")
    parser.add_argument("--cache", type=Path, default=Path("/tmp"), help="where extraction is cached")
    parser.add_argument(
        "--any-cache", action="store_true", help="reuse the newest extraction cache even if extraction code changed"
    )
    parser.add_argument("--sweep", action="store_true", help="print F1 on the tuning topics over a threshold grid")
    parser.add_argument(
        "--orders", type=int, default=0, help="also stream each split in this many shuffled orders and compare with batch"
    )
    parser.add_argument("--fit", action="store_true", help="fit the similarity model on same-topic pairs of the tuning topics")
    parser.add_argument(
        "--errors", action="store_true", help="list batch false merges and splits on the tuning topics (never the reported ones)"
    )
    args = parser.parse_args(argv)

    from synopsis.link.stories import embed_leads

    tune_articles, tune_gold = read_split(args.data_dir, parse_range(args.tune))
    test_articles, test_gold = read_split(args.data_dir, parse_range(args.topics))
    started = time.perf_counter()
    tune_analyses = analyze_cached(tune_articles, args.cache, args.any_cache)
    test_analyses = analyze_cached(test_articles, args.cache, args.any_cache)
    tune_vectors = embed_leads(tune_analyses)
    test_vectors = embed_leads(test_analyses)
    print(f"extraction + embeddings: {time.perf_counter() - started:.1f} s", file=sys.stderr)

    if args.fit:
        fit_similarity(tune_analyses, tune_vectors, tune_gold)
    if args.sweep:
        sweep(tune_analyses, tune_vectors, tune_gold)
    if args.errors:
        print_errors(tune_analyses, tune_vectors, tune_gold)

    threshold = tune_baseline(tune_articles, tune_gold)
    rows = [
        (f"TF-IDF + average linkage (threshold {threshold}, tuned on {args.tune})", score(test_gold, tfidf_labels(test_articles, threshold))),
        ("synopsis batch (cluster_stories)", score(test_gold, synopsis_batch_labels(test_analyses, test_vectors))),
        ("synopsis incremental (StoryIndex, streamed)", score(test_gold, synopsis_incremental_labels(test_analyses, test_vectors))),
    ]
    tune_rows = [
        ("TF-IDF baseline", score(tune_gold, tfidf_labels(tune_articles, threshold))),
        ("synopsis batch", score(tune_gold, synopsis_batch_labels(tune_analyses, tune_vectors))),
        ("synopsis incremental", score(tune_gold, synopsis_incremental_labels(tune_analyses, tune_vectors))),
    ]
    print(f"ECB+ topics {args.topics}: {len(test_articles)} articles, {len(set(test_gold))} gold events\n")
    print_table(rows)
    print(f"\n(tuning topics {args.tune}: {len(tune_articles)} articles, {len(set(tune_gold))} gold events)\n")
    print_table(tune_rows)
    if args.orders:
        print("\n| topics | stream orders | F1 min / mean / max | orders giving the batch stories |")
        print("| --- | --- | --- | --- |")
        for topics, analyses, vectors, gold in (
            (args.topics, test_analyses, test_vectors, test_gold),
            (args.tune, tune_analyses, tune_vectors, tune_gold),
        ):
            print(f"| {topics} | {args.orders} | {compare_orders(analyses, vectors, gold, args.orders)} |")
    return 0


def partition(labels) -> set[frozenset[int]]:
    """The clusters of a labelling as sets of positions, whatever the labels are called."""
    members = defaultdict(set)
    for i, label in enumerate(labels):
        members[label].add(i)
    return {frozenset(m) for m in members.values()}


def compare_orders(analyses, vectors, gold, orders: int) -> str:
    """F1 over several stream orders, and how many of them give exactly the batch partition;
    each order's F1 (by seed) goes to stderr, so a change can be checked order by order."""
    batch = partition(synopsis_batch_labels(analyses, vectors))
    f1s, equal = [], 0
    for seed in range(orders):
        labels = synopsis_incremental_labels(analyses, vectors, seed=seed)
        f1s.append(score(gold, labels)["F1"])
        equal += partition(labels) == batch
    print("stream F1 by order: " + " ".join(f"{f:.3f}" for f in f1s), file=sys.stderr)
    return f"{min(f1s):.3f} / {np.mean(f1s):.3f} / {max(f1s):.3f} | {equal} of {orders}"


def print_errors(analyses, vectors, gold) -> None:
    """The batch stories' false merges (a story holding several gold events) and false splits (a gold
    event over several stories), each article with what its profile dates and places the event by."""
    from synopsis.link.stories import describe_events

    profiles = describe_events(analyses, vectors)
    labels = synopsis_batch_labels(analyses, vectors)
    by_story: dict = defaultdict(list)
    by_event: dict = defaultdict(list)
    for i, (event, story) in enumerate(zip(gold, labels)):
        by_story[story].append(i)
        by_event[event].append(i)

    def line(i: int) -> str:
        p, source = profiles[i], analyses[i].article.source
        when = p.day or (f"~{p.time_day}" if p.time_day else f"pub {p.published}")
        marks = " ".join(sorted(p.identifiers | p.ordinals))
        return f"    {source:28} {when or '-':16} {p.title[:80]!r} places={sorted(p.places)[:4]} {marks}"

    print("\n## false merges (batch stories holding several gold events)")
    for story, members in sorted(by_story.items()):
        events = Counter(gold[i] for i in members)
        if len(events) > 1:
            print(f"story {story}: " + ", ".join(f"{e} x{n}" for e, n in events.most_common()))
            for i in sorted(members, key=lambda i: gold[i]):
                print(line(i))
    print("\n## false splits (gold events over several batch stories)")
    for event, members in sorted(by_event.items()):
        stories = Counter(labels[i] for i in members)
        if len(stories) > 1:
            print(f"{event}: " + ", ".join(f"story {s} x{n}" for s, n in stories.most_common()))
            for i in sorted(members, key=lambda i: labels[i]):
                print(f"  story {labels[i]}" + line(i)[3:])


def print_table(rows) -> None:
    print("| system | BCubed P | BCubed R | BCubed F1 | ARI | clusters |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, s in rows:
        print(f"| {name} | {s['P']:.3f} | {s['R']:.3f} | {s['F1']:.3f} | {s['ARI']:.3f} | {s['clusters']} |")


def fit_similarity(analyses, vectors, gold) -> None:
    """Logistic regression of "same event" on pair_features over same-topic pairs (how FEATURE_WEIGHTS were set).

    Pairs from different topics are left out: they are easy negatives and would
    swamp the look-alike pairs the model must learn to split.
    """
    from sklearn.linear_model import LogisticRegression

    from synopsis.link.events import FEATURE_NAMES, pair_features
    from synopsis.link.stories import describe_events

    profiles = describe_events(analyses, vectors)
    topic = [_FOLDER.match(g).group(1) for g in gold]
    rows, same = [], []
    for i in range(len(profiles)):
        for j in range(i + 1, len(profiles)):
            if topic[i] == topic[j]:
                rows.append(pair_features(profiles[i], profiles[j]))
                same.append(gold[i] == gold[j])
    model = LogisticRegression(max_iter=2000).fit(np.array(rows), np.array(same))
    weights = ", ".join(f"{w:.2f}" for w in model.coef_[0])
    print(f"{len(rows)} pairs; FEATURE_NAMES = {FEATURE_NAMES}", file=sys.stderr)
    print(f"FEATURE_WEIGHTS = ({weights})\nINTERCEPT = {model.intercept_[0]:.2f}", file=sys.stderr)


def sweep(analyses, vectors, gold) -> None:
    """F1 on the tuning topics over the merge threshold (how MERGE_SIMILARITY was chosen), then
    batch F1 over the group rule on marking names (how link.groups_apart.NAME_* were chosen) and
    over the attachment of strays (how link.stories.STRAY_SIZE, STORY_SIZE, ATTACH_* were chosen)."""
    import synopsis.link.groups_apart as groups_apart
    import synopsis.link.stories as stories

    for threshold in np.arange(0.30, 0.66, 0.025):
        batch = score(gold, synopsis_batch_labels(analyses, vectors, threshold=float(threshold)))
        stream = score(gold, synopsis_incremental_labels(analyses, vectors, threshold=float(threshold)))
        print(f"threshold {threshold:.3f}: batch F1 {batch['F1']:.3f} ARI {batch['ARI']:.3f} | incremental F1 {stream['F1']:.3f}", file=sys.stderr)
    sweep_constants(
        groups_apart, ("NAME_GROUP", "NAME_SHARE", "NAME_STRAY"), ((4, 5, 6, 8), (0.5, 0.6, 0.7, 0.8, 0.9), (0.0, 0.1, 0.2)),
        analyses, vectors, gold,
    )
    sweep_constants(
        stories,
        ("STRAY_SIZE", "STORY_SIZE", "ATTACH_SIMILARITY", "ATTACH_MARGIN"),
        ((0, 1, 2, 3), (3, 5, 8), (0.1, 0.15, 0.2, 0.25), (1.5, 2.0, 3.0)),
        analyses, vectors, gold,
    )


def sweep_constants(module, names, grids, analyses, vectors, gold) -> None:
    """Batch F1 for every combination of values of the module's constants, restored afterwards."""
    import itertools

    chosen = [getattr(module, name) for name in names]
    try:
        for values in itertools.product(*grids):
            for name, value in zip(names, values):
                setattr(module, name, value)
            batch = score(gold, synopsis_batch_labels(analyses, vectors))
            setting = ", ".join(f"{name} {value}" for name, value in zip(names, values))
            print(f"{setting}: batch F1 {batch['F1']:.3f}", file=sys.stderr)
    finally:
        for name, value in zip(names, chosen):
            setattr(module, name, value)


if __name__ == "__main__":
    sys.exit(main())
