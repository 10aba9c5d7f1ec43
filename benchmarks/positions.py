"""Positions benchmark: issue tags and stances against our own annotation of corpus statements.

    python benchmarks/positions.py [--shared ../shared] [--set dev|heldout|all] [--no-embeddings]

``benchmarks/positions_gold.jsonl`` holds our blind reading of statements drawn at a fixed
stride from what ``onrecord extract ../shared/corpus`` finds (tagged or not): for each, the
article id, the offset where its quote starts, the issues a careful reader sees it take up and
the stance on each.  It holds no text of the articles; they are read from ``../shared/corpus``.
``dev`` is the set the rules were developed on, ``heldout`` was annotated after and not looked at
while changing rules.

Prints, for the trigger rules and (when the ``onrecord[embeddings]`` extra is installed) for the
rules refined by sentence embeddings: micro precision, recall and F1 of (statement, issue) pairs,
statements whose issue set is exactly right, per-issue counts, and the stance agreement on the
issues both sides tagged, with the confusion of labels.  Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from onrecord.config import Config  # noqa: E402
from onrecord.extraction.embeddings import embeddings_available  # noqa: E402
from onrecord.extraction.pipeline import build_nlp, extract_articles  # noqa: E402
from onrecord.readers import iter_articles  # noqa: E402

GOLD = REPO / "benchmarks" / "positions_gold.jsonl"


def load_gold(which: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if which == "all" or r["set"] == which]


def statement_at(statements: list[dict[str, Any]], at: int) -> dict[str, Any] | None:
    """The statement whose quote starts at ``at``, else the one whose quote holds it."""
    for s in statements:
        if s["quote"]["start"] == at:
            return s
    for s in statements:
        if any(seg["start"] <= at < seg["end"] for seg in s["quote"]["segments"]):
            return s
    return None


def score(gold: list[dict[str, Any]], found: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    tp = fp = fn = exact = unmatched = 0
    per_issue: Counter[tuple[str, str]] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    for g in gold:
        s = statement_at(found.get(g["article"], []), g["at"])
        if s is None:
            unmatched += 1
            s = {"issues": [], "stances": {}}
        want, got = set(g["issues"]), set(s["issues"])
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        exact += want == got
        for i in want | got:
            per_issue[(i, "tp" if i in want and i in got else "fp" if i in got else "fn")] += 1
        for issue, label in g["stances"].items():
            if issue in s["stances"]:
                confusion[(label, s["stances"][issue]["label"])] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(gold), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact": exact, "unmatched": unmatched, "per_issue": per_issue, "confusion": confusion,
    }


def report(name: str, result: dict[str, Any], seconds: float) -> None:
    agree = sum(n for (g, s), n in result["confusion"].items() if g == s)
    total = sum(result["confusion"].values())
    print(f"\n{name} ({seconds:.1f} s)")
    print(f"  issues   P {result['precision']:.2f}  R {result['recall']:.2f}  F1 {result['f1']:.2f}   "
          f"issue set exactly right {result['exact']}/{result['n']}   statements not found {result['unmatched']}")
    print(f"  stances  agree {agree}/{total}" + (f" ({agree / total:.2f})" if total else ""))
    issues = sorted({i for i, _ in result["per_issue"]})
    print("  per issue (tp/fp/fn): " + ", ".join(
        f"{i} {result['per_issue'][(i, 'tp')]}/{result['per_issue'][(i, 'fp')]}/{result['per_issue'][(i, 'fn')]}"
        for i in issues))
    print("  stance confusion (gold → ours): " + ", ".join(
        f"{g}→{s} {n}" for (g, s), n in sorted(result["confusion"].items())))


def run(config: Config, corpus: Path, articles: set[str]) -> tuple[dict[str, list[dict[str, Any]]], float]:
    nlp = build_nlp(config)
    chosen = (a for a in iter_articles([corpus]) if a.id in articles)
    start = time.perf_counter()
    found = {r["id"]: r["statements"] for r in extract_articles(chosen, nlp=nlp)}
    return found, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--set", choices=["dev", "heldout", "all"], default="all")
    parser.add_argument("--no-embeddings", action="store_true", help="only the trigger rules")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    sets = ["dev", "heldout"] if args.set == "all" else [args.set]
    gold = {which: load_gold(which) for which in sets}
    articles = {g["article"] for rows in gold.values() for g in rows}
    print(f"gold: {GOLD.relative_to(REPO)}; " + ", ".join(f"{w} {len(r)} statements" for w, r in gold.items())
          + f"; from {len(articles)} articles of {corpus}")
    configs = [("rules", Config(embeddings=False))]
    if not args.no_embeddings and embeddings_available():
        configs.append(("rules + embeddings", Config(embeddings=True)))
    elif not args.no_embeddings:
        print("(embeddings not measured: pip install 'onrecord[embeddings]')")
    for name, options in configs:
        found, seconds = run(options, corpus, articles)
        for which, rows in gold.items():
            report(f"{name}, {which}", score(rows, found), seconds)


if __name__ == "__main__":
    main()
