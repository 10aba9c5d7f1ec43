"""Precision misses on the news set: the predictions that match no gold statement, with their cue,
kind and speaker (the scorer's ``--misses`` lists only recall and speaker misses).

    python benchmarks/news_misses.py PRED.jsonl [--shared ../shared] [--context]

Matching is the scorer's own (``score_news.py``: character Dice >= 0.5, one to one, best first,
a prediction's segments as candidates too); an unmatched prediction that overlaps a gold
statement shows that statement's id and Dice, which tells a boundary error from a false one.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from news_context import matches  # noqa: E402  (a sibling script)

REPO = Path(__file__).resolve().parent.parent


def load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return {r["id"]: r for r in map(json.loads, f)}


def matched_predictions(golds: list[dict], preds: list[dict], sn: Any) -> set[int]:
    """The indices of the predictions the scorer matches to some gold statement (the pairing
    ``news_context.matches`` makes, as score_news.py does)."""
    return set(matches(golds, preds, sn).values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--context", action="store_true", help="show the cue's sentence")
    args = ap.parse_args()
    sys.path.insert(0, str(args.shared / "tools"))
    import score_news as sn  # the scorer as it is

    news = args.shared / "data" / "news"
    gold, pred, articles = load(news / "gold.jsonl"), load(args.pred), load(news / "articles.jsonl")
    total = misses = 0
    for aid, g in gold.items():
        golds, preds = g["statements"], pred.get(aid, {}).get("statements", [])
        total += len(preds)
        matched = matched_predictions(golds, preds, sn)
        text = articles[aid]["text"]
        for j, p in enumerate(preds):
            if j in matched:
                continue
            misses += 1
            cue = p.get("cue") or {}
            pc = sn.chars(sn.pred_ranges(p))
            best = max(((sn.dice(sn.chars([(x["content_start"], x["content_end"])]), pc), x) for x in golds),
                       key=lambda t: t[0], default=(0.0, None))
            near = f"  overlaps {best[1]['sid']} (Dice {best[0]:.2f})" if best[1] is not None and best[0] > 0 else ""
            speaker = (p.get("speaker") or {}).get("name")
            print(f"{aid} {p['kind']:<9} cue={cue.get('text')!r:<18} speaker={speaker!r}{near}")
            print(f"    {p['quote']['text'][:150]!r}")
            if args.context and cue:
                start = text.rfind("\n", 0, cue["start"]) + 1
                print(f"    in: {text[max(start, cue['start'] - 150) : cue['end'] + 150]!r}")
    print(f"{misses} of {total} predictions match no gold statement")


if __name__ == "__main__":
    main()
