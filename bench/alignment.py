"""Score claim alignment on hand-labelled pairs: does it link the sentences that report one fact?

Usage:  python bench/alignment.py DATA_DIR --labels FILE [--threshold 0.72] [--list 0.65] [--all]

DATA_DIR is a folder of articles, read and analysed as ``synopsis analyze`` reads them (every
article is taken as one story).  The labels file is tab-separated, one candidate pair a line:

    file_a  start_a  end_a  file_b  start_b  end_b  label  note

``file`` is the article's file name, ``start``/``end`` the claim's character offsets in the
article's clean text (what ``synopsis extract`` writes), ``label`` is ``same`` (one happening or
statement, the same actors in the same roles, the same time) or ``different``, ``note`` says why
in the labeller's words.  The file holds no article text, so it can be kept for any corpus.

Three systems are scored on the labelled pairs, in one table:
  cosine    candidate pairs whose embedding cosine reaches the threshold (the baseline);
  scorer    candidate pairs whose full pair score (``link.align._Scorer``) reaches it;
  grouped   pairs whose claims end up in one group of ``align_claims`` (what reports show).
A pair that is not a candidate counts as not linked.  ``--list MIN`` prints the candidate pairs
scoring MIN or more on either cosine or the scorer, with their texts and labels, for labelling
(``--all``: labelled ones too); new pairs print as ready-made label lines with label ``?``.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

Key = tuple[str, int, int]  # (file name, start, end) of a claim


@dataclass
class Row:
    name: str
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    unlabelled: int = 0  # linked pairs that the labels file does not hold

    def line(self) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"| {self.name:<8} | {p:5.2f} | {r:5.2f} | {f:5.2f} | {self.tp:3d} | {self.fp:3d} | {self.fn:3d} "
                f"| {self.unlabelled:3d} |")


def read_labels(path: Path) -> dict[tuple[Key, Key], str]:
    """Labelled pairs, each pair in sorted order; lines starting with # are comments."""
    labels: dict[tuple[Key, Key], str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if len(cells) < 7 or cells[6] not in {"same", "different"}:
            raise SystemExit(f"{path}:{number}: expected 7+ tab-separated cells ending in same/different")
        a = (cells[0], int(cells[1]), int(cells[2]))
        b = (cells[3], int(cells[4]), int(cells[5]))
        labels[pair_key(a, b)] = cells[6]
    return labels


def pair_key(a: Key, b: Key) -> tuple[Key, Key]:
    return (a, b) if a <= b else (b, a)


def analyse(data_dir: Path):
    """Analyses of every article in the folder, with story-wide years and entity resolution."""
    from synopsis.facts.story_years import complete_years
    from synopsis.jobs import analyze_inputs
    from synopsis.link.entities import resolve_entities

    result = analyze_inputs([str(data_dir)], workers=1)
    if not result.analyses:
        raise SystemExit(f"no article could be read from {data_dir}")
    analyses = complete_years(result.analyses)
    return analyses, resolve_entities(analyses)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--labels", type=Path, required=True)
    parser.add_argument("--threshold", type=float, default=None, help="link threshold (default LINK_SCORE)")
    parser.add_argument("--list", type=float, default=None, metavar="MIN", help="print candidate pairs scoring MIN+")
    parser.add_argument("--all", action="store_true", help="with --list: print labelled pairs too")
    args = parser.parse_args(argv)

    from synopsis.extract.embed import Embedder
    from synopsis.link.align import LINK_SCORE, align_claims, score_candidates

    threshold = LINK_SCORE if args.threshold is None else args.threshold
    labels = read_labels(args.labels) if args.labels.exists() else {}
    analyses, resolution = analyse(args.data_dir)
    embedder = Embedder.load()
    candidates = score_candidates(analyses, embedder, resolution.canonical)
    groups = align_claims(analyses, embedder, resolution.canonical)

    def key(i: int) -> Key:
        a, c = candidates.refs[i]
        claim = analyses[a].claims[c]
        return (Path(analyses[a].article.source).name, claim.start, claim.end)

    keys = [key(i) for i in range(len(candidates.refs))]
    index = {k: i for i, k in enumerate(keys)}
    missing = [pair for pair in labels if pair[0] not in index or pair[1] not in index]
    if missing:
        print(f"warning: {len(missing)} labelled pairs name claims the extraction no longer finds", file=sys.stderr)
    group_of = {}
    for g, group in enumerate(groups):
        for m in group.members:
            a = next(x for x, an in enumerate(analyses) if an.article.id == m.article_id)
            group_of[candidates.refs.index((a, m.claim_index))] = g

    cosine = {pair: float(candidates.vectors[pair[0]] @ candidates.vectors[pair[1]]) for pair in candidates.edges}
    linked = {
        "cosine": {pair_key(keys[i], keys[j]) for (i, j), s in cosine.items() if s >= threshold},
        "scorer": {pair_key(keys[i], keys[j]) for (i, j), s in candidates.edges.items() if s >= threshold},
        "grouped": {
            pair_key(keys[i], keys[j])
            for i in group_of for j in group_of
            if i < j and group_of[i] == group_of[j] and candidates.refs[i][0] != candidates.refs[j][0]
        },
    }
    rows = []
    for name, pairs in linked.items():
        row = Row(name)
        for pair, label in labels.items():
            hit = pair in pairs
            if label == "same":
                row.tp += hit
                row.fn += not hit
            else:
                row.fp += hit
                row.tn += not hit
        row.unlabelled = sum(1 for pair in pairs if pair not in labels)
        rows.append(row)

    if args.list is not None:
        shown = sorted(
            ((max(s, cosine[p]), p) for p, s in candidates.edges.items() if max(s, cosine[p]) >= args.list),
            reverse=True,
        )
        for best, (i, j) in shown:
            k = pair_key(keys[i], keys[j])
            label = labels.get(k)
            if label and not args.all:
                continue
            ti = analyses[candidates.refs[i][0]].claims[candidates.refs[i][1]].text
            tj = analyses[candidates.refs[j][0]].claims[candidates.refs[j][1]].text
            print(f"# score {candidates.edges[(i, j)]:.3f} cosine {cosine[(i, j)]:.3f} label {label or '?'}")
            print(f"#   A: {ti}")
            print(f"#   B: {tj}")
            print("\t".join(map(str, (*k[0], *k[1], label or "?", ""))))
        print()

    same = sum(1 for label in labels.values() if label == "same")
    print(f"{args.data_dir.name}: {len(labels)} labelled pairs ({same} same), threshold {threshold:.2f}, "
          f"{len(groups)} groups, {sum(1 for g in groups if len(g.article_ids) > 1)} across outlets")
    print("| system   |     P |     R |    F1 |  TP |  FP |  FN | unl |")
    print("| -------- | ----- | ----- | ----- | --- | --- | --- | --- |")
    for row in rows:
        print(row.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
