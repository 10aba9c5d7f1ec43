"""The venue or said_on of each matched statement of the news set, gold next to ours.

    python benchmarks/news_context.py PRED.jsonl [--field venue|said_on] [--wrong] [--shared ../shared]

PRED is ``onrecord extract ../shared/data/news/articles.jsonl`` output.  Statements are matched
as ``score_news.py`` matches them (content Dice >= 0.5, one to one, best first; a statement's
segments are candidates too), and a field is right as the scorer counts it (a venue shares a
content word with the gold phrase; said_on is the same ISO date).  One line per matched
statement where the gold or we have the field: OK or XX, the gold and ours, our speaker and the
start of the gold content; ``--wrong`` lists the misses only.  For reading the misses by kind,
not for a figure: score_news.py gives the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent


def matches(golds: list[dict[str, Any]], preds: list[dict[str, Any]], score: Any) -> dict[int, int]:
    """gold index -> prediction index, as score_news.py pairs them."""
    gc = [score.chars([(x["content_start"], x["content_end"])]) for x in golds]
    cands = []
    for j, p in enumerate(preds):
        ranges = score.pred_ranges(p)
        cands.append((j, None, score.chars(ranges)))
        if len(ranges) > 1:
            cands.extend((j, k, score.chars([r])) for k, r in enumerate(ranges))
    pairs = sorted(((score.dice(gc[i], c[2]), i, n) for i in range(len(golds)) for n, c in enumerate(cands)),
                   reverse=True)
    taken, used, whole, match = set(), set(), set(), {}
    for d, i, n in pairs:
        if d < 0.5:
            break
        j, k, _ = cands[n]
        if i in taken or (j, k) in used or j in whole or (k is None and any(u[0] == j for u in used)):
            continue
        taken.add(i)
        used.add((j, k))
        if k is None:
            whole.add(j)
        match[i] = j
    return match


def line(field: str, gold: dict[str, Any], pred: dict[str, Any], score: Any) -> tuple[bool | None, str]:
    """(right, or None when the gold has no value; the listing line), or (None, "") when
    neither side has the field."""
    if field == "venue":
        venue = pred.get("venue") or {}
        if not gold.get("venue") and not venue:
            return None, ""
        right = bool(score.content_words(venue.get("name") or "") & score.content_words(gold.get("venue") or ""))
        ours = f"{venue.get('name')!r}/{venue.get('type')}"
        theirs = repr(gold.get("venue"))
    else:
        said_on = pred.get("said_on") or {}
        if not gold.get("said_on") and not said_on.get("text"):
            return None, ""
        right = said_on.get("date") == gold.get("said_on")
        ours = f"{said_on.get('date')} {'(assumed)' if said_on.get('assumed') else repr(said_on.get('text'))}"
        theirs = str(gold.get("said_on"))
    speaker = (pred.get("speaker") or {}).get("name")
    text = f"{gold['sid']} gold={theirs} ours={ours} speaker={speaker!r} | {gold['content'][:60]!r}"
    return (right if gold.get(field) else None), text


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("pred", type=Path)
    ap.add_argument("--field", choices=("venue", "said_on"), default="venue")
    ap.add_argument("--wrong", action="store_true", help="only the statements we got wrong")
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(args.shared / "tools"))
    import score_news as score  # the scorer's own helpers

    data = args.shared / "data" / "news"
    gold = {r["id"]: r for r in map(json.loads, (data / "gold.jsonl").open(encoding="utf-8"))}
    pred = {r["id"]: r for r in map(json.loads, args.pred.open(encoding="utf-8"))}
    right = total = 0
    for aid, record in gold.items():
        golds, preds = record["statements"], pred.get(aid, {}).get("statements", [])
        shown = []
        for i, j in sorted(matches(golds, preds, score).items()):
            ok, text = line(args.field, golds[i], preds[j], score)
            if not text:
                continue
            if ok is not None:
                total += 1
                right += ok
            if not (args.wrong and ok is not False):
                shown.append(f"  {'OK' if ok else '--' if ok is None else 'XX'} {text}")
        if shown:
            print(f"== {aid}", *shown, sep="\n")
    print(f"{args.field}: {right}/{total} of the matched gold statements that have one")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
