"""Speed of the per-article extraction, beside bare spaCy on the same texts in the same run.

Usage:
    python bench/extract_speed.py /work/shared/corpus/istanbul-2025 [--repeat 4] [--rounds 3]

Measures, on the articles of DATA_DIR (each read ``--repeat`` times, so the
local engine has enough articles to use its process pool):

- reading: cleaning, metadata, outlet and language detection (one process);
- synopsis extraction on both cores (``run.local.analyze_locally``: spaCy plus
  every extractor) and in one process;
- bare spaCy ``nlp.pipe`` over the same clean texts, on both cores
  (``n_process=2``) and in one process;
- cold start of ``synopsis extract DATA_DIR --format json`` in a subprocess
  (imports, model load, everything), with its CPU time and peak memory.

Wall times on a shared machine are noisy, so every throughput is the best of
``--rounds`` runs and CPU seconds are printed beside the wall times: the ratio
to bare spaCy is the number to watch, since both run in the same conditions.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from threadpoolctl import threadpool_limits

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synopsis.extract.nlp import load_nlp  # noqa: E402
from synopsis.jobs import load_articles  # noqa: E402
from synopsis.records import Article  # noqa: E402
from synopsis.run.local import analyze_locally  # noqa: E402

CORES = 2


def count_words(articles: list[Article]) -> int:
    """Whitespace-separated words of the clean texts."""
    return sum(len(a.text.split()) for a in articles)


def best_of(rounds: int, run) -> tuple[float, float]:
    """Best wall time of ``rounds`` calls, with the CPU seconds (this process and its children) of that call."""
    best = (float("inf"), 0.0)
    for _ in range(rounds):
        cpu0 = cpu_seconds()
        start = time.perf_counter()
        run()
        wall = time.perf_counter() - start
        if wall < best[0]:
            best = (wall, cpu_seconds() - cpu0)
    return best


def cpu_seconds() -> float:
    """User plus system time of this process and its waited-for children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_cold(data_dir: Path) -> tuple[float, float, float, int]:
    """Wall s, CPU s, peak RSS (MB) and exit status of ``synopsis extract`` in a fresh process."""
    command = [sys.executable, "-m", "synopsis.cli.main", "extract", str(data_dir), "--format", "json", "--quiet"]
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1] / "src"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of RUSAGE_CHILDREN is the largest waited-for descendant, in KB on Linux;
    # this runs before any other child of the benchmark, so it is this command's peak.
    if done.returncode:
        sys.stderr.write(done.stderr.decode("utf-8", "replace")[-2000:])
    return wall, cpu, after.ru_maxrss / 1024, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--repeat", type=int, default=4, help="read every article this many times (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs per measure (default 3)")
    parser.add_argument("--cold-runs", type=int, default=2, help="cold-start runs of `synopsis extract` (default 2)")
    args = parser.parse_args()

    colds = [run_cold(args.data_dir) for _ in range(args.cold_runs)]

    cpu0, start = cpu_seconds(), time.perf_counter()
    articles, errors = load_articles([str(args.data_dir)])
    read_wall, read_cpu = time.perf_counter() - start, cpu_seconds() - cpu0
    if not articles:
        print(f"no article could be read from {args.data_dir}", file=sys.stderr)
        return 1
    batch = articles * args.repeat
    texts = [a.text for a in batch]
    words = count_words(batch)
    # Load the model in this process first: the pool forks from it (as the CLI's
    # workers would load it), so neither side pays the model load in the loop.
    nlp = load_nlp()
    nlp("warm up")

    rows = []
    # Each of the processes on one BLAS thread, as synopsis's workers are (the
    # forked processes inherit the limit); one process may use every core.
    with threadpool_limits(limits=1, user_api="blas"):
        spacy_2 = best_of(args.rounds, lambda: list(nlp.pipe(texts, batch_size=16, n_process=CORES)))
    full_2 = best_of(args.rounds, lambda: list(analyze_locally(batch, workers=CORES)))
    spacy_1 = best_of(args.rounds, lambda: list(nlp.pipe(texts, batch_size=16)))
    full_1 = best_of(args.rounds, lambda: list(analyze_locally(batch, workers=1)))
    rows.append(("bare spaCy nlp.pipe, 2 processes", *spacy_2, None))
    rows.append(("synopsis extraction, 2 workers", *full_2, spacy_2[0] / full_2[0]))
    rows.append(("bare spaCy nlp.pipe, 1 process", *spacy_1, None))
    rows.append(("synopsis extraction, 1 process", *full_1, spacy_1[0] / full_1[0]))

    print(f"data: {args.data_dir}  articles: {len(articles)} x {args.repeat} = {len(batch)}  "
          f"words: {words:,}  errors: {len(errors)}  cores: {os.cpu_count()}  load: {os.getloadavg()[0]:.1f}")
    print()
    print("| run | wall s | CPU s | articles/s | words/s | share of bare spaCy |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(f"| reading + cleaning + metadata (1 process, {len(articles)} articles) | {read_wall:.2f} | {read_cpu:.2f} "
          f"| {len(articles) / read_wall:.1f} | {count_words(articles) / read_wall:,.0f} | |")
    for name, wall, cpu, ratio in rows:
        share = f"{ratio:.0%}" if ratio is not None else ""
        print(f"| {name} | {wall:.2f} | {cpu:.2f} | {len(batch) / wall:.1f} | {words / wall:,.0f} | {share} |")
    print()
    print("| cold start: `synopsis extract DATA_DIR --format json` | wall s | CPU s | peak RSS MB | exit |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for i, (wall, cpu, rss, status) in enumerate(colds, start=1):
        print(f"| run {i} ({len(articles)} articles, {count_words(articles):,} words) | {wall:.2f} | {cpu:.2f} "
              f"| {rss:.0f} | {status} |")
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(f"peak RSS of this benchmark process (model + {len(batch)} analyses): {own_peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
