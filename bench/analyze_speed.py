"""Speed of ``synopsis analyze``: cold and warm on a folder, and how comparison time grows with one story's size.

Usage:
    python bench/analyze_speed.py /work/shared/corpus/istanbul-2025 [--sizes 10,50,200] [--cold-runs 2]

1. Cold: ``synopsis analyze DATA_DIR -o report.html`` in a fresh process
   (imports, model loads, reading, extraction, comparison, rendering), with its
   CPU time and peak memory.
2. Warm: the same job in this process a second time (models loaded, embedding
   memo filled by the first run), split by stage.
3. Scaling: one story of 10, 50, 200 articles generated in memory from the real
   ones (paragraphs dropped, sentences shuffled within paragraphs, numbers
   changed slightly, outlet renamed; nothing is written anywhere), extracted
   once, then compared with ``compare.story.build_story_report`` timed stage by
   stage. The embedding memo is emptied before each size, so each pays for its
   own sentences. The growth exponent between sizes (log time / log sentences)
   is near 1 for a step that is linear in the number of sentences and near 2
   for a quadratic one.

Timings on a shared machine are noisy: CPU seconds are printed beside wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import importlib
import math
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synopsis.compare.story import build_reports, build_story_report  # noqa: E402
from synopsis.extract.embed import Embedder  # noqa: E402
from synopsis.ingest.article import content_id  # noqa: E402
from synopsis.jobs import analyze_inputs, load_articles  # noqa: E402
from synopsis.records import Article, Outlet, Story  # noqa: E402
from synopsis.report.render import render  # noqa: E402
from synopsis.run.local import analyze_locally  # noqa: E402

# The stages of build_story_report, by the module attribute it imports at call time
# (so wrapping the attribute times the real call without copying the function).
STAGES = [
    ("entities", "synopsis.link.entities", "resolve_entities"),
    ("independence", "synopsis.compare.independence", "find_origins"),
    ("claim pairs", "synopsis.link.align", "score_candidates"),
    ("alignment", "synopsis.link.align", "align_claims"),
    ("day rivals", "synopsis.link.align", "day_rivals"),
    ("disputes", "synopsis.compare.disputes", "find_disputes"),
    ("consensus", "synopsis.compare.consensus", "label_claims"),
    ("voices", "synopsis.compare.voices", "group_quotes"),
    ("timeline", "synopsis.compare.timeline", "build_timeline"),
    ("coverage", "synopsis.compare.coverage", "describe_coverage"),
    ("brief", "synopsis.compare.brief", "write_brief"),
]
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w,])|(?<![\w.,])\d+(?![\w,.]\d)")


def cpu_seconds() -> float:
    """User plus system time of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


class Clock:
    """Accumulates wall and CPU seconds per named stage."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    @contextlib.contextmanager
    def time(self, name: str):
        cpu0, start = cpu_seconds(), time.perf_counter()
        try:
            yield
        finally:
            self.wall[name] += time.perf_counter() - start
            self.cpu[name] += cpu_seconds() - cpu0

    def wrap(self, name: str, function):
        @functools.wraps(function)
        def timed(*args, **kwargs):
            with self.time(name):
                return function(*args, **kwargs)

        return timed


@contextlib.contextmanager
def timed_stages(clock: Clock):
    """Time every stage of build_story_report, and the sentence embedding inside them."""
    saved = []
    for name, module_name, attribute in STAGES:
        module = importlib.import_module(module_name)
        saved.append((module, attribute, getattr(module, attribute)))
        setattr(module, attribute, clock.wrap(name, getattr(module, attribute)))
    saved.append((Embedder, "embed", Embedder.embed))
    Embedder.embed = clock.wrap("(embedding, inside the above)", Embedder.embed)
    try:
        yield
    finally:
        for owner, attribute, original in saved:
            setattr(owner, attribute, original)


def run_cold(data_dir: Path, output: Path) -> tuple[float, float, float, int]:
    """Wall s, CPU s, peak RSS (MB) and exit status of ``synopsis analyze`` in a fresh process."""
    command = [sys.executable, "-m", "synopsis.cli.main", "analyze", str(data_dir), "-o", str(output), "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # Largest waited-for descendant so far, in KB on Linux: cold runs come first.
    return wall, cpu, after.ru_maxrss / 1024, done.returncode


def run_warm(data_dir: Path, clock: Clock) -> int:
    """The analyze job in this process, split into reading+extraction, stories+comparison, rendering."""
    with clock.time("read + extract"):
        result = analyze_inputs([str(data_dir)])
    with clock.time("cluster + compare"):
        reports = build_reports(result.analyses)
    with clock.time("render html"):
        render(reports, "html", {a.article.id: a.article for a in result.analyses})
    return len(result.analyses)


def perturb_number(match: re.Match, rng: random.Random) -> str:
    """A nearby number in the same format; years and small counts stay as they are."""
    raw = match.group(0)
    value = int(raw.replace(",", ""))
    if 1900 <= value <= 2100 or value < 10 or rng.random() > 0.3:
        return raw
    changed = max(1, round(value * rng.uniform(0.9, 1.1)))
    return f"{changed:,}" if "," in raw else str(changed)


def perturb_article(article: Article, number: int, rng: random.Random, max_words: int) -> Article:
    """A new article from a real one: paragraphs dropped, sentences shuffled, numbers changed, outlet renamed."""
    paragraphs = [p for p in article.text.split("\n\n") if p.strip()]
    kept = [paragraphs[0]] + [p for p in paragraphs[1:] if rng.random() > 0.25]
    out, words = [], 0
    for paragraph in kept:
        sentences = _SENTENCE_END.split(paragraph)
        if len(sentences) > 2 and rng.random() < 0.5:
            head, tail = sentences[0], sentences[1:]
            rng.shuffle(tail)
            sentences = [head, *tail]
        text = _NUMBER.sub(lambda m: perturb_number(m, rng), " ".join(sentences))
        out.append(text)
        words += len(text.split())
        if words >= max_words:
            break
    text = "\n\n".join(out)
    kind = article.outlet.kind if article.outlet else "unknown"
    return dataclasses.replace(
        article,
        id=content_id(text),
        source=f"generated:{number:03d}",
        text=text,
        outlet=Outlet(name=f"Generated Outlet {number:03d}", kind=kind),
        removed=(),
    )


def generate_articles(articles: list[Article], count: int, seed: int, max_words: int) -> list[Article]:
    """``count`` perturbed articles, cycling over the real ones."""
    rng = random.Random(seed)
    return [perturb_article(articles[i % len(articles)], i, rng, max_words) for i in range(count)]


def exponent(small: tuple[float, float], large: tuple[float, float]) -> str:
    """Growth exponent between two (size, seconds) points."""
    (n1, t1), (n2, t2) = small, large
    if t1 <= 0.005 or t2 <= 0.005 or n2 <= n1:
        return "–"
    return f"{math.log(t2 / t1) / math.log(n2 / n1):.2f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--sizes", default="10,50,200", help="story sizes in articles (default 10,50,200)")
    parser.add_argument("--cold-runs", type=int, default=2, help="cold runs of `synopsis analyze` (default 2)")
    parser.add_argument("--max-words", type=int, default=900, help="cap on each generated article (default 900)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    sizes = sorted(int(s) for s in args.sizes.split(",") if s.strip())

    with tempfile.TemporaryDirectory() as scratch:
        colds = [run_cold(args.data_dir, Path(scratch) / "report.html") for _ in range(args.cold_runs)]

    first = Clock()
    count = run_warm(args.data_dir, first)
    warm = Clock()
    run_warm(args.data_dir, warm)

    print(f"data: {args.data_dir}  articles: {count}  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    print()
    print("| `synopsis analyze DATA_DIR -o report.html` | wall s | CPU s | peak RSS MB | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for i, (wall, cpu, rss, status) in enumerate(colds, start=1):
        print(f"| cold, run {i} (subprocess) | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {status} |")
    print(f"| first in-process run (loads models) | {sum(first.wall.values()):.2f} | {sum(first.cpu.values()):.2f} | | |")
    print(f"| warm, second in-process run | {sum(warm.wall.values()):.2f} | {sum(warm.cpu.values()):.2f} | | |")
    for name in warm.wall:
        print(f"| warm: {name} | {warm.wall[name]:.2f} | {warm.cpu[name]:.2f} | | |")

    real, _ = load_articles([str(args.data_dir)])
    generated = generate_articles(real, sizes[-1], args.seed, args.max_words)
    start = time.perf_counter()
    analyses = list(analyze_locally(generated, workers=2))
    extract_wall = time.perf_counter() - start
    embedder = Embedder.load()
    results = []
    for size in sizes:
        members = analyses[:size]
        sentences = sum(len(a.sentences) for a in members)
        story = Story(id=f"bench-{size}", title="bench", article_ids=tuple(a.article.id for a in members))
        embedder._memo.clear()
        clock = Clock()
        with timed_stages(clock), clock.time("total"):
            build_story_report(story, members, embedder)
        results.append((size, sentences, clock))

    print()
    print(f"generated {len(generated)} articles ({sum(len(a.text.split()) for a in generated):,} words), "
          f"extracted in {extract_wall:.1f} s on 2 workers; one story per size, embedding memo emptied per size")
    print()
    stage_names = [name for name, _, _ in STAGES] + ["(embedding, inside the above)", "total"]
    header = " | ".join(f"{size} art. / {sentences:,} sent. (wall s, CPU s)" for size, sentences, _ in results)
    growth = " | ".join(f"growth {a[0]}→{b[0]}" for a, b in zip(results, results[1:]))
    growth = f" {growth} |" if growth else ""
    print(f"| stage | {header} |{growth}")
    print("| --- |" + " ---: |" * (len(results) + len(results) - 1))
    for name in stage_names:
        cells = " | ".join(f"{clock.wall[name]:.2f} / {clock.cpu[name]:.2f}" for _, _, clock in results)
        # Growth of CPU time against sentences: wall time is at the mercy of other jobs.
        grows = " | ".join(
            exponent((a[1], a[2].cpu[name]), (b[1], b[2].cpu[name])) for a, b in zip(results, results[1:])
        )
        grows = f" {grows} |" if grows else ""
        print(f"| {name} | {cells} |{grows}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
