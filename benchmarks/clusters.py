"""One quote, many outlets: how well the ledger merges the reports of one quote, on real coverage.

    .venv/bin/python benchmarks/clusters.py                       # ../shared/data/clusters
    .venv/bin/python benchmarks/clusters.py --data DIR --keep c.json

Ingests ``DIR/articles.jsonl`` into a new SQLite ledger with the spaCy pipeline, lists the
clusters as ``onrecord clusters --min-reports 2 --limit 1000 --format json`` does, and scores them
with ``../shared/tools/score_clusters.py`` as it is (quotes whose reports all landed in one
cluster, pairwise recall and precision).

That scorer gives each gold report to the *first listed* cluster holding a report of the article
that shares half its words.  A cluster's report is only what the outlet printed of that quote (its
passages in the cluster), yet another quote of the same article, listed first, can share half the
words of a short one ("we", "our", "the United States") and take its report.  The second line
gives each gold report to the cluster whose report overlaps it best instead; it is printed for
reading the first, not in its place.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO.parent / "shared" / "data" / "clusters"
SCORER = REPO.parent / "shared" / "tools" / "score_clusters.py"
_WORD = re.compile(r"\w+")


def _words(text: str | None) -> set[str]:
    return {w.lower() for w in _WORD.findall(text or "")}


def best_overlap(articles: Path, gold: Path, clusters: list[dict]) -> dict[str, float]:
    """The scorer's figures with each gold report in the cluster whose report (same article, half
    its words shared, as the scorer asks) overlaps it best, by Jaccard of words."""
    text = {r["id"]: r["text"] for r in map(json.loads, articles.open(encoding="utf-8"))}
    quotes = [json.loads(x) for x in gold.open(encoding="utf-8") if x.strip()]
    where = {}
    for g in quotes:
        for i, rep in enumerate(g["reports"]):
            gw = _words(text[rep["article"]][rep["start"] : rep["end"]])
            scored = [(len(gw & _words(r["quote"])) / len(gw | _words(r["quote"])), c["id"])
                      for c in clusters for r in c["reports"]
                      if r["article"] == rep["article"] and len(gw & _words(r["quote"])) >= 0.5 * len(gw)]
            if scored:
                where[(g["cluster"], i)] = max(scored)[1]
    merged = sum(1 for g in quotes if where.get((g["cluster"], 0)) is not None
                 and len({where.get((g["cluster"], i)) for i in range(len(g["reports"]))}) == 1)
    pairs = [(where.get((g["cluster"], i)), where.get((g["cluster"], j)))
             for g in quotes for i, j in combinations(range(len(g["reports"])), 2)]
    found = [(k1[0] == k2[0]) for (k1, c1), (k2, c2) in combinations(where.items(), 2) if c1 == c2]
    recall = sum(a is not None and a == b for a, b in pairs) / len(pairs)
    return {"fully_merged": merged, "pair_recall": round(recall, 3),
            "pair_precision": round(sum(found) / len(found), 3) if found else 0.0}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DATA, help="a folder with articles.jsonl and gold.jsonl")
    ap.add_argument("--keep", type=Path, help="write the clusters JSON here too")
    args = ap.parse_args(argv)
    from onrecord.ledger import Ledger

    articles, gold = args.data / "articles.jsonl", args.data / "gold.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        with Ledger(f"sqlite:///{Path(tmp) / 'clusters.db'}") as ledger:
            report = ledger.ingest([articles])
            found = ledger.clusters(min_reports=2, limit=1000).to_dicts()
        out = Path(tmp) / "clusters.json"
        out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
        if args.keep:
            args.keep.write_text(out.read_text(encoding="utf-8"), encoding="utf-8")
        print(f"{report.read} articles, {report.statements} statements, {len(found)} clusters of 2+ reports")
        print("score_clusters.py (the first listed cluster that holds a report):")
        sys.stdout.flush()
        subprocess.run([sys.executable, str(SCORER), str(articles), str(gold), str(out)], check=True)
    print("each gold report in the cluster that overlaps it best:", json.dumps(best_overlap(articles, gold, found)))


if __name__ == "__main__":
    main()
