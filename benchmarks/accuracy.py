"""Accuracy benchmark: OnRecord against the seed gold, PolNeAR and the news set, next to textacy.

    python benchmarks/accuracy.py [--shared ../shared] [--split dev] [--no-baseline]

Runs the extractor over ``../shared/seed/``, ``../shared/data/polnear/<split>.jsonl`` and
``../shared/data/news/articles.jsonl``, scores with the scorers in ``../shared/tools/`` exactly as
they are (score_seed.py, score_attributions.py, score_news.py), and prints the figures with the
textacy ``direct_quotations`` baseline measured in the same run.  Prints; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

import spacy  # noqa: E402

from onrecord.config import Config  # noqa: E402
from onrecord.extraction.pipeline import extract_articles, load_nlp  # noqa: E402
from onrecord.model import KINDS, Article  # noqa: E402


def polnear_articles(path: Path) -> list[Article]:
    articles = []
    for line in path.open(encoding="utf-8"):
        r = json.loads(line)
        articles.append(
            Article(
                id=r["id"],
                text=r["text"],
                date=r.get("date"),
                outlet=r.get("publisher"),
                title=r.get("title"),
                author=r.get("author"),
            )
        )
    return articles


def write_jsonl(results: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in results:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")


def textacy_predictions(nlp, articles: list[Article]) -> tuple[list[dict], int]:
    """textacy's direct_quotations as statements; articles it refuses count as refused."""
    from textacy.extract.triples import direct_quotations

    results, refused = [], 0
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        statements = []
        try:
            for speaker, cue, content in direct_quotations(doc):
                statements.append(
                    {
                        "kind": "direct",
                        "quote": {"start": content.start_char, "end": content.end_char},
                        "cue": {"start": cue[0].idx, "end": cue[-1].idx + len(cue[-1])},
                        "speaker": {
                            "name": " ".join(t.text for t in speaker),
                            "mention": {"start": speaker[0].idx, "end": speaker[-1].idx + len(speaker[-1])},
                        },
                    }
                )
        except Exception:  # textacy raises on unbalanced quotation marks
            refused += 1
        results.append({"id": article.id, "statements": statements})
    return results, refused


def score(shared: Path, gold: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_attributions.py"), str(gold), str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def row(name: str, r: dict, refused: int, seconds: float) -> str:
    return (
        f"{name:<10} content P/R/F1 {r['content_p']:.3f}/{r['content_r']:.3f}/{r['content_f1']:.3f}  "
        f"exact F1 {r['exact_f1']:.3f}  direct R/F1 {r['direct_recall']:.3f}/{r['direct_f1']:.3f}  "
        f"source acc {r['source_acc']:.3f}  cue acc {r['cue_acc']:.3f}  refused {refused}  ({seconds:.1f} s)"
    )


def per_kind(shared: Path, gold_path: Path, results: list[dict]) -> list[str]:
    """Precision, recall and F1 of our statements split by kind: the scorer is run on the
    statements of one kind at a time (recall is against all gold, so it only adds up)."""
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            sub = [{"id": r["id"], "statements": [s for s in r["statements"] if s["kind"] == kind]} for r in results]
            p = Path(tmp) / f"{kind}.jsonl"
            write_jsonl(sub, p)
            r = score(shared, gold_path, p)
            lines.append(
                f"  {kind:<9} statements {r['pred']:>5}  matched {r['match']:>5}  precision {r['content_p']:.3f}  "
                f"recall (of all gold) {r['content_r']:.3f}  "
                f"source acc {r['source_acc']:.3f}  cue acc {r['cue_acc']:.3f}"
            )
    return lines


def score_news(shared: Path, pred: Path) -> dict:
    out = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_news.py"), str(shared / "data" / "news" / "gold.jsonl"),
         str(pred), "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def news_row(name: str, r: dict, refused: int, seconds: float) -> str:
    def f(key: str) -> str:
        return "  —  " if r.get(key) is None else f"{r[key]:.3f}"

    return (
        f"{name:<10} recall {f('recall')}  precision {f('precision')}  F1 {f('f1')}  speaker {f('speaker_acc')}  "
        f"kind {f('kind_acc')}  cue {f('cue_acc')}  venue {f('venue_acc')} (n={r['venue_n']})  "
        f"said_on {f('said_on_acc')} (n={r['said_on_n']})  refused {refused}  ({seconds:.1f} s)"
    )


def run_news(shared: Path, nlp, base_nlp, save: Path | None) -> list[str]:
    """The news set (20 articles from many outlets, hand annotated: ../shared/data/news), scored by
    score_news.py as it is; textacy's direct quotations on the same articles when ``base_nlp``."""
    from onrecord.readers import iter_articles

    articles = [a for a in iter_articles([shared / "data" / "news" / "articles.jsonl"]) if not a.errors]
    lines = [f"\n== news set ({len(articles)} articles; score_news.py) =="]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        results = list(extract_articles(articles, nlp=nlp))
        seconds = time.perf_counter() - t0
        pred = save or Path(tmp) / "news.jsonl"
        write_jsonl(results, pred)
        lines.append(news_row("onrecord", score_news(shared, pred), sum(1 for r in results if r["errors"]), seconds))
        if base_nlp is not None:
            t0 = time.perf_counter()
            base, refused = textacy_predictions(base_nlp, articles)
            seconds = time.perf_counter() - t0
            bpath = Path(tmp) / "textacy_news.jsonl"
            write_jsonl(base, bpath)
            lines.append(news_row("textacy", score_news(shared, bpath), refused, seconds))
    return lines


def run_seed(shared: Path) -> str:
    seed = sorted((shared / "seed").glob("*.txt"))
    out = subprocess.run(
        [sys.executable, "-m", "onrecord", "extract", *map(str, seed), "--format", "json"],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    if out.returncode != 0:
        return f"seed: extract failed: {out.stderr.strip()[-300:]}"
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        f.write(out.stdout)
    res = subprocess.run(
        [sys.executable, str(shared / "tools" / "score_seed.py"), str(shared / "seed" / "gold.json"), f.name],
        capture_output=True,
        text=True,
    )
    return res.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    ap.add_argument("--split", default="dev")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--save", type=Path, help="keep our PolNeAR predictions (JSONL) here")
    ap.add_argument("--save-news", type=Path, help="keep our news-set predictions (JSONL) here")
    args = ap.parse_args()

    print("== seed (score_seed.py) ==")
    print(run_seed(args.shared))

    gold = args.shared / "data" / "polnear" / f"{args.split}.jsonl"
    articles = polnear_articles(gold)
    config = Config()
    nlp = load_nlp(config)
    t0 = time.perf_counter()
    results = list(extract_articles(articles, nlp=nlp))
    ours_s = time.perf_counter() - t0
    refused = sum(1 for r in results if r["errors"])
    with tempfile.TemporaryDirectory() as tmp:
        pred = args.save or Path(tmp) / "onrecord.jsonl"
        write_jsonl(results, pred)
        ours = score(args.shared, gold, pred)
        print(
            f"\n== PolNeAR {args.split} ({len(articles)} articles, {ours['gold']} gold attributions; "
            "score_attributions.py) =="
        )
        print(row("onrecord", ours, refused, ours_s))
        base_nlp = None
        if not args.no_baseline:
            base_nlp = spacy.load(config.model)  # the same spaCy model, without our components
            t0 = time.perf_counter()
            base, base_refused = textacy_predictions(base_nlp, articles)
            base_s = time.perf_counter() - t0
            bpath = Path(tmp) / "textacy.jsonl"
            write_jsonl(base, bpath)
            print(row("textacy", score(args.shared, gold, bpath), base_refused, base_s))
        print("\nper kind (onrecord):")
        print("\n".join(per_kind(args.shared, gold, results)))
    print("\n".join(run_news(args.shared, nlp, base_nlp, args.save_news)))


if __name__ == "__main__":
    main()
