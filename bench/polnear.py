"""Score attribution finding on PolNeAR (brat standoff), against textacy's direct quotes.

Usage:  python bench/polnear.py DATA_DIR [--errors N] [--limit N]

DATA_DIR holds text/<doc>.txt and attributions/<doc>_<annotator>.ann.  Where an
article has files from two annotators, the first in sorted file-name order is the
gold standard (chosen once, for every system alike).

Matching: a predicted attribution matches a gold one when their content spans
overlap by at least half of the longer of the two (so by at least half of each) and
their source spans overlap, or neither has a source.  Each gold attribution matches
at most one prediction (greedy, in text order).  Content token F1 compares the word
tokens covered by any gold content with those covered by any predicted content,
pooled over all documents.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from spacy.tokens import Doc

from synopsis.extract.nlp import load_nlp
from synopsis.extract.quotes import find_quotes

Spans = tuple[tuple[int, int], ...]
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Attribution:
    content: Spans
    source: Spans | None
    cue: Spans | None = None


def read_ann(path: Path) -> list[Attribution]:
    """Attributions of one brat file: E lines joining Source, Cue and Content T lines."""
    spans: dict[str, Spans] = {}
    events: list[list[tuple[str, str]]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, offsets = parts[1].split(" ", 1)
            spans[parts[0]] = tuple(
                (int(a), int(b)) for a, b in (frag.split() for frag in offsets.split(";"))
            )
        elif line.startswith("E") and len(parts) >= 2:
            events.append([tuple(arg.split(":", 1)) for arg in parts[1].split() if ":" in arg])
    result = []
    for args in events:
        content = tuple(s for role, ref in args if role.startswith("Content") for s in spans.get(ref, ()))
        source = tuple(s for role, ref in args if role == "Source" for s in spans.get(ref, ()))
        cue = tuple(s for role, ref in args if role == "Cue" for s in spans.get(ref, ()))
        if content:
            result.append(Attribution(content, source or None, cue or None))
    return result


def load_corpus(data: Path) -> list[tuple[str, str, list[Attribution]]]:
    """(doc name, text, gold attributions) for every article with an annotation file."""
    annotations: dict[str, Path] = {}
    for ann in sorted((data / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        annotations.setdefault(name, ann)  # first annotator in sorted order
    corpus = []
    for name, ann in sorted(annotations.items()):
        text_path = data / "text" / f"{name}.txt"
        if text_path.exists():
            corpus.append((name, text_path.read_text(encoding="utf-8"), read_ann(ann)))
    return corpus


def predict_synopsis(doc: Doc) -> list[Attribution]:
    """Attributions found by synopsis."""
    result: list[Attribution] = []
    for q in find_quotes(doc):
        if q.speaker is None and q.cue is None and q.speaker_entity and result:
            # A quotation that goes on with the previous speaker's words (no cue of its
            # own): PolNeAR keeps it in the previous attribution as a second content span.
            last = result[-1]
            result[-1] = Attribution(last.content + ((q.content_start, q.content_end),), last.source, last.cue)
            continue
        source = ((q.speaker_start, q.speaker_end),) if q.speaker_start is not None else None
        cue = ((q.cue_start, q.cue_end),) if q.cue_start is not None else None
        content = ((q.content_start, q.content_end),)
        same = next((i for i, r in enumerate(result) if (r.content, r.cue) == (content, cue) and r.source), None)
        if source and cue and same is not None:
            # "Cairn and the envoy said ...": synopsis gives each co-speaker a record of its own;
            # PolNeAR annotates one attribution whose source covers them all.
            earlier = result[same]
            result[same] = Attribution(content, tuple(sorted(earlier.source + source)), cue)
            continue
        result.append(Attribution(content, source, cue))
    return result


def predict_textacy(doc: Doc) -> list[Attribution]:
    """Attributions found by textacy's direct-quotation extractor (the baseline)."""
    from textacy.extract.triples import direct_quotations

    result = []
    try:
        triples = list(direct_quotations(doc))
    except Exception:  # textacy raises on some unbalanced quotation marks; count as no output
        return result
    for triple in triples:
        content = ((triple.content.start_char, triple.content.end_char),)
        source = None
        if triple.speaker:
            source = ((min(t.idx for t in triple.speaker), max(t.idx + len(t) for t in triple.speaker)),)
        cue = ((min(t.idx for t in triple.cue), max(t.idx + len(t) for t in triple.cue)),) if triple.cue else None
        result.append(Attribution(content, source, cue))
    return result


def _length(spans: Spans) -> int:
    return sum(b - a for a, b in spans)


def _overlap(a: Spans, b: Spans) -> int:
    return sum(max(0, min(x2, y2) - max(x1, y1)) for x1, x2 in a for y1, y2 in b)


def matches(pred: Attribution, gold: Attribution) -> bool:
    """Content overlaps by at least half of the longer span; sources overlap or both absent."""
    if _overlap(pred.content, gold.content) * 2 < max(_length(pred.content), _length(gold.content)):
        return False
    if pred.source is None or gold.source is None:
        return pred.source is None and gold.source is None
    return _overlap(pred.source, gold.source) > 0


def align(preds: list[Attribution], golds: list[Attribution]) -> tuple[list[int | None], set[int]]:
    """For each prediction the gold index it matches (or None); and the matched gold set."""
    used: set[int] = set()
    result: list[int | None] = []
    for pred in preds:
        best = None
        for g, gold in enumerate(golds):
            if g not in used and matches(pred, gold):
                if best is None or _overlap(pred.content, gold.content) > _overlap(pred.content, golds[best].content):
                    best = g
        if best is not None:
            used.add(best)
        result.append(best)
    return result, used


def _tokens(text: str, spans: Iterable[Spans]) -> set[int]:
    covered = set()
    for group in spans:
        for a, b in group:
            covered.update(m.start() for m in _WORD.finditer(text, a, b) if m.end() <= b)
    return covered


@dataclass
class Score:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    tok_tp: int = 0
    tok_pred: int = 0
    tok_gold: int = 0
    seconds: float = 0.0
    docs: int = 0

    def row(self, name: str) -> str:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        tp_, tr = (self.tok_tp / self.tok_pred if self.tok_pred else 0.0), (self.tok_tp / self.tok_gold if self.tok_gold else 0.0)
        tf = 2 * tp_ * tr / (tp_ + tr) if tp_ + tr else 0.0
        rate = self.docs / self.seconds if self.seconds else float("inf")
        return f"| {name:<28} | {p:5.3f} | {r:5.3f} | {f:5.3f} | {tf:5.3f} | {self.n_pred:5d} | {rate:7.1f} |"


def _show(text: str, spans: Spans | None) -> str:
    if not spans:
        return "-"
    return " … ".join(text[a:b] for a, b in spans).replace("\n", " ")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="PolNeAR folder with text/ and attributions/")
    parser.add_argument("--errors", type=int, default=0, help="print N misses and N false alarms of synopsis")
    parser.add_argument("--limit", type=int, default=0, help="score only the first N documents")
    args = parser.parse_args(argv)
    corpus = load_corpus(args.data)
    if args.limit:
        corpus = corpus[: args.limit]
    if not corpus:
        print(f"no annotated documents under {args.data}", file=sys.stderr)
        return 1
    nlp = load_nlp()
    started = time.perf_counter()
    docs = list(nlp.pipe(text for _, text, _ in corpus))
    parse_seconds = time.perf_counter() - started
    systems: dict[str, Callable[[Doc], list[Attribution]]] = {
        "synopsis": predict_synopsis,
        "textacy direct_quotations": predict_textacy,
    }
    scores = {name: Score() for name in systems}
    misses: list[str] = []
    false_alarms: list[str] = []
    for name, predict in systems.items():
        score = scores[name]
        for (doc_name, text, golds), doc in zip(corpus, docs):
            started = time.perf_counter()
            preds = predict(doc)
            score.seconds += time.perf_counter() - started
            score.docs += 1
            matched, used = align(preds, golds)
            score.tp += len(used)
            score.n_pred += len(preds)
            score.n_gold += len(golds)
            gold_tokens = _tokens(text, (g.content for g in golds))
            pred_tokens = _tokens(text, (p.content for p in preds))
            score.tok_tp += len(gold_tokens & pred_tokens)
            score.tok_pred += len(pred_tokens)
            score.tok_gold += len(gold_tokens)
            if name == "synopsis" and args.errors:
                for g, gold in enumerate(golds):
                    if g not in used:
                        misses.append(f"{doc_name}: [{_show(text, gold.source)}] <{_show(text, gold.cue)}> {_show(text, gold.content)[:160]}")
                for pred, m in zip(preds, matched):
                    if m is None:
                        false_alarms.append(f"{doc_name}: [{_show(text, pred.source)}] <{_show(text, pred.cue)}> {_show(text, pred.content)[:160]}")
        # parsing is shared; each system is charged for it so docs/s is end to end
        score.seconds += parse_seconds
    print(f"PolNeAR: {len(corpus)} documents, {scores['synopsis'].n_gold} gold attributions (first annotator's file)")
    print("| system                       |   P   |   R   |  F1   | tokF1 | pred  |  docs/s |")
    print("|------------------------------|-------|-------|-------|-------|-------|---------|")
    for name in systems:
        print(scores[name].row(name))
    if args.errors:
        print(f"\n## misses ({len(misses)})")
        for line in misses[: args.errors]:
            print(" -", line)
        print(f"\n## false alarms ({len(false_alarms)})")
        for line in false_alarms[: args.errors]:
            print(" -", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
