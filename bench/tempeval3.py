"""TempEval-3 Task A (time expressions) on TimeML files: synopsis vs a dateparser baseline.

Usage:
    python bench/tempeval3.py /work/shared/bench/tempeval3 [--errors 30] [--limit N]

Reads every ``*.tml`` file under DATA_DIR, takes the document creation time
(DCT) as the anchor, runs the extractor on the raw text of <TEXT> and scores the
TIMEX3 annotations there:

- strict detection: exact extent; relaxed detection: any overlap (one-to-one);
- value / type F1 over relaxed matches, counted as in TempEval-3: matches with
  the right attribute against all predictions (P) and all gold (R).

The baseline is ``dateparser.search.search_dates`` alone: type DATE, value the
parsed date at day precision.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from synopsis.extract.times import find_times  # noqa: E402


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass
class Document:
    name: str
    anchor: dt.date
    text: str
    gold: list[Timex]


def read_document(path: Path) -> Document:
    """Raw text of <TEXT> and its TIMEX3 spans, with the DCT as anchor."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3").get("value")
    anchor = dt.date.fromisoformat(dct[:10])
    parts: list[str] = []
    gold: list[Timex] = []
    pos = 0

    def walk(element: ET.Element) -> None:
        nonlocal pos
        if element.text:
            parts.append(element.text)
            pos += len(element.text)
        for child in element:
            start = pos
            walk(child)
            if child.tag == "TIMEX3":
                gold.append(Timex(start, pos, "".join(parts)[start:pos], child.get("type"), child.get("value")))
            if child.tail:
                parts.append(child.tail)
                pos += len(child.tail)

    walk(root.find("TEXT"))
    return Document(path.name, anchor, "".join(parts), gold)


def predict_synopsis(doc: Document) -> list[Timex]:
    return [Timex(t.start, t.end, t.text, t.type, t.value) for t in find_times(doc.text, doc.anchor)]


def predict_dateparser(doc: Document) -> list[Timex]:
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.anchor, dt.time(12))
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base}) or []
    out, pos = [], 0
    for phrase, when in found:
        start = doc.text.find(phrase, pos)
        if start < 0:
            continue
        pos = start + len(phrase)
        out.append(Timex(start, pos, phrase, "DATE", when.date().isoformat()))
    return out


def match(gold: list[Timex], pred: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs by overlap, largest overlap first."""
    pairs = []
    for g in gold:
        for p in pred:
            overlap = min(g.end, p.end) - max(g.start, p.start)
            if overlap > 0:
                pairs.append((overlap, g, p))
    pairs.sort(key=lambda x: -x[0])
    used_g, used_p, out = set(), set(), []
    for _, g, p in pairs:
        if id(g) in used_g or id(p) in used_p:
            continue
        used_g.add(id(g))
        used_p.add(id(p))
        out.append((g, p))
    return out


def prf(correct: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = correct / n_pred if n_pred else 0.0
    r = correct / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(docs: list[Document], predict: Callable[[Document], list[Timex]], errors: int = 0) -> dict:
    n_gold = n_pred = strict = relaxed = value_ok = type_ok = 0
    misses, false_alarms, wrong = [], [], []
    t0 = time.perf_counter()
    predictions = [predict(doc) for doc in docs]
    seconds = time.perf_counter() - t0
    for doc, pred in zip(docs, predictions):
        pairs = match(doc.gold, pred)
        n_gold += len(doc.gold)
        n_pred += len(pred)
        relaxed += len(pairs)
        strict += sum(g.start == p.start and g.end == p.end for g, p in pairs)
        value_ok += sum(g.value == p.value for g, p in pairs)
        type_ok += sum(g.type == p.type for g, p in pairs)
        matched_g = {id(g) for g, _ in pairs}
        matched_p = {id(p) for _, p in pairs}
        misses += [(doc, g) for g in doc.gold if id(g) not in matched_g]
        false_alarms += [(doc, p) for p in pred if id(p) not in matched_p]
        wrong += [(doc, g, p) for g, p in pairs if g.value != p.value or (g.start, g.end) != (p.start, p.end)]
    if errors:
        print_errors(misses, false_alarms, wrong, errors)
    return {
        "strict": prf(strict, n_pred, n_gold),
        "relaxed": prf(relaxed, n_pred, n_gold),
        "value": prf(value_ok, n_pred, n_gold),
        "type": prf(type_ok, n_pred, n_gold),
        "docs_per_s": len(docs) / seconds if seconds else float("inf"),
        "gold": n_gold,
        "pred": n_pred,
    }


def context(doc: Document, t: Timex) -> str:
    return " ".join(doc.text[max(0, t.start - 40) : t.end + 30].split())


def print_errors(misses: list, false_alarms: list, wrong: list, n: int) -> None:
    print(f"\n== misses ({len(misses)}) ==")
    for doc, g in misses[:n]:
        print(f"  {g.text!r:30} {g.type:8} {g.value:14} | {context(doc, g)}")
    print(f"\n== false alarms ({len(false_alarms)}) ==")
    for doc, p in false_alarms[:n]:
        print(f"  {p.text!r:30} {p.type:8} {p.value:14} | {context(doc, p)}")
    print(f"\n== wrong extent or value ({len(wrong)}) ==")
    for doc, g, p in wrong[:n]:
        print(f"  gold {g.text!r:28} {g.value:14} pred {p.text!r:28} {p.type:8} {p.value:16} [{doc.anchor}]")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data_dir", type=Path, help="folder with TimeML .tml files (searched recursively)")
    parser.add_argument("--errors", type=int, default=0, metavar="N", help="print N misses, false alarms and wrong values")
    parser.add_argument("--limit", type=int, default=0, help="only the first N documents")
    parser.add_argument("--no-baseline", action="store_true", help="skip the (slow) dateparser baseline")
    args = parser.parse_args(argv)
    paths = sorted(args.data_dir.rglob("*.tml"))
    if not paths:
        parser.error(f"no .tml files under {args.data_dir}")
    docs = [read_document(p) for p in paths[: args.limit or None]]
    systems = {"synopsis find_times": predict_synopsis}
    if not args.no_baseline:
        systems["dateparser search_dates"] = predict_dateparser
    rows = {name: evaluate(docs, fn, args.errors if name.startswith("synopsis") else 0) for name, fn in systems.items()}
    n_gold = next(iter(rows.values()))["gold"]
    print(f"\nTempEval-3 Task A on {len(docs)} documents, {n_gold} gold TIMEX3 ({args.data_dir})\n")
    print("| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 | value F1 | type F1 | docs/s |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows.items():
        cells = [*r["strict"], *r["relaxed"], r["value"][2], r["type"][2]]
        print(f"| {name} | " + " | ".join(f"{100 * c:.1f}" for c in cells) + f" | {r['docs_per_s']:.0f} |")


if __name__ == "__main__":
    main()
