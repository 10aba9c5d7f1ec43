"""Positions benchmark: issue tags, stances and shifts against our own annotation of corpus statements.

    python benchmarks/positions.py [--shared ../shared] [--no-shifts] [--shift-pairs FILE] [--dump FILE]
                                   [--set dev|dev2|dev3|dev4|dev5|heldout|heldout2|heldout3|heldout4|outlets|all]

``benchmarks/positions_gold.jsonl`` holds our reading of statements that ``onrecord extract
../shared/corpus`` finds: for each, the article id, the offset where its quote starts, the issues
a careful reader sees it take up and the stance on each.  It holds no text of the articles; they
are read from ``../shared/corpus`` (the ``outlets`` set's from ``../shared/data``).  The sets:

- ``dev`` (80 statements, drawn at a fixed stride): the rules were developed on it;
- ``heldout`` (60, same draw): annotated after ``dev``, never looked at statement by statement
  while changing rules;
- ``heldout2`` (185: every statement found in the 25 corpus articles the other sets do not use):
  annotated blind — from the statement and its article alone, before any rule of this version was
  written, without the tool's issues or stances — and never looked at statement by statement;
- ``dev2`` (166: every statement found in the 16 articles only ``dev`` used, but not yet
  annotated): annotated blind the same way, then developed on with ``dev``;
- ``dev3`` (125, drawn at a fixed stride from the statements not yet annotated in the 36 articles
  ``dev`` shares with ``heldout``, leaving out any within two statements of a ``heldout`` one, so
  that no ``heldout`` statement was read): annotated blind the same way, then developed on;
- ``dev4`` (200, drawn at a fixed stride — every fifth from the third — from the 999 statements
  of the corpus not yet annotated, leaving out the 25 ``heldout2`` articles and any statement
  within two of a ``heldout`` one): annotated blind by three annotators as ``outlets`` was (below),
  then developed on.  Its first figures, on the rules of the ``outlets`` round and before any rule
  was changed on it: issues F1 0.68 (P 0.74, R 0.64), stances agree 34/67, committed labels
  right 21/27 — the nearest to a new held-out set;
- ``dev5`` (200, drawn at a fixed stride — every fourth from the second — from the 799 statements
  of the corpus still not annotated after ``dev4``, with the same exclusions): annotated blind by
  three annotators as ``dev4`` was.  Its first figures, on the rules of the ``dev4`` round: issues
  F1 0.62 (P 0.62, R 0.63), stances agree 33/69, committed labels right 25/31;
- ``heldout3`` (199, drawn at a fixed stride — every third from the fourth — from the 599 corpus
  statements still not annotated after ``dev5``, with the same exclusions): annotated blind by
  three annotators as ``dev4`` and ``dev5`` were, after this round's rules were written, and never
  looked at statement by statement.  On the rules before this round it printed issues F1 0.60
  (P 0.58, R 0.62), stances agree 32/61, committed labels right 22/31;
- ``heldout4`` (200, drawn at a fixed stride — every second from the second — from the 401 corpus
  statements still not annotated after ``heldout3``, with the same exclusions): annotated blind by
  three annotators as ``heldout3`` was, after the learned stance reader was built and written, and
  never looked at statement by statement: the one set no choice of the rules or the reader saw;
- ``outlets`` (140: every statement found in 16 articles of other outlets, not releases:
  ``../shared/data/news`` d01–d08 and ``../shared/data/clusters`` c13, c15, c18–c23 — the Alaska
  summit, NATO and aid to Ukraine, and Gaza, Iran, Wagner and Canada–US trade, where the war's
  issues must not be found): annotated blind by two annotators who saw only the statement, the
  450 characters before it, the title and ``benchmarks/positions_guide.md``, never the tool's
  output; then developed on.  Its first figures, before any rule was changed on it: issues F1 0.35 (P 0.48,
  R 0.28), stances agree 5/14, committed labels right 3/3.

The last reports put the sets no rule was developed on together: ``heldout + heldout2`` (the
figure the issue has been measured by), with ``heldout3`` (as last round printed it) and with
``heldout4`` too.

``benchmarks/positions_second.jsonl`` holds a second annotator's blind labels of 133 ``heldout3``
statements (two of its three packets), given the same guide and never the first annotator's: the
benchmark scores them against the gold as it scores the tool, the agreement two readers reach.

``benchmarks/shifts_gold.jsonl`` holds shifts flagged on the corpus, each judged "a real change of
position: yes/no" from the two quotes alone, before the tool's labels of them were looked at
(``--shift-pairs`` writes the pairs to judge without their labels).

Prints, for the rules and for an OpenAI-compatible stance endpoint (when ``ONRECORD_STANCE_URL``
and ``ONRECORD_STANCE_MODEL`` are set; the rules still tag the issues): micro precision, recall and F1 of
(statement, issue) pairs, per-issue counts; on the issues both sides tagged, stance agreement,
the precision of the labels we commit to (support, oppose, conditional), per-label precision and
recall and the confusion; for the shifts on the whole corpus, how many, how many between
statements of one day or one article, and how many of them were judged real.  Asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from onrecord.config import Config  # noqa: E402
from onrecord.extraction.pipeline import build_nlp, extract_articles  # noqa: E402
from onrecord.extraction.stances.learned import load_reader  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402
from onrecord.ledger.stances import shift_row  # noqa: E402
from onrecord.model.stance import STANCE_LABELS  # noqa: E402
from onrecord.readers import Article, iter_articles  # noqa: E402
from onrecord.timeline.stances import CONFIDENT  # noqa: E402

GOLD = REPO / "benchmarks" / "positions_gold.jsonl"
# a second annotator's blind labels of some gold statements: how far two readers agree
SECOND = REPO / "benchmarks" / "positions_second.jsonl"
SHIFTS_GOLD = REPO / "benchmarks" / "shifts_gold.jsonl"
SETS = ("dev", "dev2", "dev3", "dev4", "dev5", "heldout", "heldout2", "heldout3", "heldout4", "outlets")
# the outlets set's articles, under --shared (every other set's are the corpus releases)
OUTLET_ARTICLES = ("data/news/articles.jsonl", "data/clusters/articles.jsonl")
COMMITTED = ("support", "oppose", "conditional")
HELD_OUT = ("heldout", "heldout2", "heldout3", "heldout4")


def load_gold(which: str) -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in GOLD.open(encoding="utf-8") if line.strip()]
    return [r for r in rows if which == "all" or r["set"] == which]


def statement_at(statements: list[dict[str, Any]], at: int) -> dict[str, Any] | None:
    """The statement whose quote starts at ``at`` (or just after: an opening mark that an earlier
    version kept in the quote, where the gold offset points), else the one whose quote holds it."""
    for s in statements:
        if s["quote"]["start"] == at:
            return s
    for s in statements:
        if at < s["quote"]["start"] <= at + 2:
            return s
    for s in statements:
        if any(seg["start"] <= at < seg["end"] for seg in s["quote"]["segments"]):
            return s
    return None


def score(gold: list[dict[str, Any]], found: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    tp = fp = fn = exact = unmatched = 0
    per_issue: Counter[tuple[str, str]] = Counter()
    confusion: Counter[tuple[str, str]] = Counter()
    confident: Counter[bool] = Counter()  # committed labels sure enough for positions: right or not
    by_model: Counter[bool] = Counter()  # labels a model gave (the reader, an endpoint): on a gold issue or not
    for g in gold:
        s = statement_at(found.get(g["article"], []), g["at"])
        if s is None:
            unmatched += 1
            s = {"issues": [], "stances": {}}
        want, got = set(g["issues"]), set(s["issues"])
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        exact += want == got
        by_model.update(i in want for i in got if s["stances"].get(i, {}).get("source") == "model")
        for i in want | got:
            per_issue[(i, "tp" if i in want and i in got else "fp" if i in got else "fn")] += 1
        for issue, label in g["stances"].items():
            if issue in s["stances"]:
                ours = s["stances"][issue]
                confusion[(label, ours["label"])] += 1
                if ours["label"] in COMMITTED and (ours.get("confidence") or 0) >= CONFIDENT:
                    confident[ours["label"] == label] += 1
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {
        "n": len(gold), "precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "exact": exact, "unmatched": unmatched, "per_issue": per_issue, "confusion": confusion,
        "confident": confident, "by_model": by_model,
    }


def stance_figures(confusion: Counter[tuple[str, str]]) -> dict[str, Any]:
    """Agreement, the precision of the committed labels, and precision/recall per label, from the
    confusion of (gold, ours) pairs."""
    total = sum(confusion.values())
    agree = sum(n for (g, s), n in confusion.items() if g == s)
    committed = sum(n for (_, s), n in confusion.items() if s in COMMITTED)
    committed_right = sum(n for (g, s), n in confusion.items() if s in COMMITTED and g == s)
    per_label = {}
    for label in STANCE_LABELS:
        ours = sum(n for (_, s), n in confusion.items() if s == label)
        theirs = sum(n for (g, _), n in confusion.items() if g == label)
        right = confusion[(label, label)]
        per_label[label] = (right, ours, theirs)
    return {"total": total, "agree": agree, "committed": committed, "committed_right": committed_right,
            "per_label": per_label}


def _ratio(a: int, b: int) -> str:
    return f"{a}/{b} ({a / b:.2f})" if b else f"{a}/{b}"


def report(name: str, result: dict[str, Any], seconds: float | None) -> None:
    figures = stance_figures(result["confusion"])
    print(f"\n{name}" + (f" ({seconds:.1f} s)" if seconds is not None else ""))
    print(f"  issues   P {result['precision']:.2f}  R {result['recall']:.2f}  F1 {result['f1']:.2f}   "
          f"issue set exactly right {result['exact']}/{result['n']}   statements not found {result['unmatched']}")
    sure = result["confident"]
    print(f"  stances  agree {_ratio(figures['agree'], figures['total'])}   committed labels right "
          f"{_ratio(figures['committed_right'], figures['committed'])}"
          + (f"   of them sure enough for positions (confidence >= {CONFIDENT}) "
             f"{_ratio(sure[True], sum(sure.values()))}" if sure else ""))
    if result["by_model"]:
        print(f"  labels a model gave: {sum(result['by_model'].values())}, on an issue the gold does not tag "
              f"(so not scored above) {result['by_model'][False]}")
    print("  per label (P = right/ours, R = right/gold): " + ", ".join(
        f"{label} P {_ratio(right, ours)} R {_ratio(right, theirs)}"
        for label, (right, ours, theirs) in figures["per_label"].items()))
    issues = sorted({i for i, _ in result["per_issue"]})
    print("  per issue (tp/fp/fn): " + ", ".join(
        f"{i} {result['per_issue'][(i, 'tp')]}/{result['per_issue'][(i, 'fp')]}/{result['per_issue'][(i, 'fn')]}"
        for i in issues))
    print("  stance confusion (gold → ours): " + ", ".join(
        f"{g}→{s} {n}" for (g, s), n in sorted(result["confusion"].items())))


def second_reading(gold: dict[str, list[dict[str, Any]]], ours: dict[str, list[dict[str, Any]]], name: str,
                   annotator: bool) -> None:
    """The second annotator scored as the tool is, against the gold of the statements both read
    — the agreement two readers reach, the ceiling the tool's figures are read against — (when
    ``annotator``) and the tool's results ``ours`` (named ``name``) on the same statements."""
    if not SECOND.exists():
        return
    second = [json.loads(line) for line in SECOND.open(encoding="utf-8") if line.strip()]
    for which in sorted({r["set"] for r in second} & gold.keys()):
        read = {(r["article"], r["at"]): r for r in second if r["set"] == which}
        found: dict[str, list[dict[str, Any]]] = {}
        for (article, at), r in read.items():
            found.setdefault(article, []).append({
                "quote": {"start": at, "segments": []}, "issues": r["issues"],
                "stances": {i: {"label": label} for i, label in r["stances"].items()}})
        both = [g for g in gold[which] if (g["article"], g["at"]) in read]
        if annotator:
            report(f"a second annotator, {which} ({len(both)} statements read by both)", score(both, found), None)
        report(f"{name}, the same {len(both)} {which} statements", score(both, ours), None)


def run(config: Config, articles: list[Article]) -> tuple[list[dict[str, Any]], float]:
    nlp = build_nlp(config)
    start = time.perf_counter()
    results = list(extract_articles(articles, nlp=nlp))
    return results, time.perf_counter() - start


# --- shifts ----------------------------------------------------------------------------------


def shift_key(row: dict[str, Any]) -> tuple[Any, ...]:
    """A shift by its speaker, issue and the two statements (article, quote start)."""
    return (row["speaker_id"], row["issue"], row["before"]["article"], row["before"]["at"],
            row["after"]["article"], row["after"]["at"])


def corpus_shifts(articles: list[Article], results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The shifts ``onrecord shifts --format json`` lists for the corpus: the results stored in a
    throw-away SQLite ledger, read back by the ledger's own query."""
    by_id = {r["id"]: r for r in results}

    def cached(items: Iterable[Article]) -> Iterator[dict[str, Any]]:
        for article in items:
            yield by_id[article.id]

    with tempfile.TemporaryDirectory() as tmp, Ledger(f"sqlite:///{tmp}/positions.db") as ledger:
        ledger.ingest_articles(articles, extractor=cached)
        shifts = ledger.shifts(weaker=True)
        rows = []
        for shift in shifts:
            row = shift_row(shift)
            row["before"] = {"article": shift.before.article_id, "at": shift.before.statement["quote"]["start"]}
            row["after"] = {"article": shift.after.article_id, "at": shift.after.statement["quote"]["start"]}
            rows.append(row)
    return rows


def report_shifts(rows: list[dict[str, Any]]) -> None:
    """Counts of the corpus shifts, and the share judged real, for what ``onrecord shifts`` lists
    (reversals) and for the weaker kind ``--weaker`` adds."""
    judged = {}
    if SHIFTS_GOLD.exists():
        judged = {shift_key(g): g["real"] for g in map(json.loads, SHIFTS_GOLD.open(encoding="utf-8"))}
    # a position the article reports as held before its date is not a statement of that day
    same_day = sum(1 for r in rows if r["before_date"] == r["after_date"] and r.get("before_time") != "before")
    same_article = sum(1 for r in rows if r["before_article"] == r["after_article"])
    kinds = Counter(r.get("kind", "shift") for r in rows)
    by_kind = f" ({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))})" if kinds else ""
    print(f"  shifts on the corpus (reversals and --weaker): {len(rows)}{by_kind}; "
          f"same day {same_day}, same article {same_article}")
    for kind in sorted(kinds):
        mine = [r for r in rows if r.get("kind", "shift") == kind]
        real = sum(1 for r in mine if judged.get(shift_key(r)) is True)
        not_real = sum(1 for r in mine if judged.get(shift_key(r)) is False)
        print(f"  {kind}: judged real {_ratio(real, real + not_real)}; not judged {len(mine) - real - not_real}")


def write_shift_pairs(rows: list[dict[str, Any]], path: Path) -> None:
    """The flagged shifts to judge blind: the two quotes, their speaker, issue, dates and
    articles, without the tool's labels."""
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            pair = {k: r[k] for k in ("speaker", "speaker_id", "issue", "before_date", "after_date",
                                      "before_quote", "after_quote", "before", "after")}
            out.write(json.dumps(pair, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all")
    parser.add_argument("--shift-pairs", type=Path,
                        help="write the default's flagged shifts (rules + reader), unlabelled, to FILE")
    parser.add_argument("--no-shifts", action="store_true", help="only the gold's articles, no shifts")
    parser.add_argument("--dump", type=Path,
                        help="write the results of the default (rules + reader), JSON Lines, to FILE")
    args = parser.parse_args()
    corpus = args.shared / "corpus"
    sets = list(SETS) if args.set == "all" else [args.set]
    gold = {which: load_gold(which) for which in sets}
    wanted = {g["article"] for rows in gold.values() for g in rows}
    articles = [a for a in iter_articles([corpus]) if not args.no_shifts or a.id in wanted]
    # the outlets set's articles are scored, never part of the corpus whose shifts are counted
    others = [a for a in iter_articles([args.shared / path for path in OUTLET_ARTICLES]) if a.id in wanted]
    print(f"gold: {GOLD.relative_to(REPO)}; " + ", ".join(f"{w} {len(r)} statements" for w, r in gold.items())
          + f"; {len(articles)} articles of {corpus}"
          + (f", {len(others)} of other outlets ({', '.join(OUTLET_ARTICLES)})" if others else ""))
    # the rules alone, then with the learned reader over them (the default: what a user gets)
    configs = [("rules", Config(stance_url=None, stance_model=None, stance_reader="off")),
               ("rules + reader", Config(stance_url=None, stance_model=None))]
    endpoint = Config()
    if endpoint.stance_url and endpoint.stance_model:
        configs.append((f"stance endpoint {endpoint.stance_model}", endpoint))
    else:
        print("(stance endpoint not measured: set ONRECORD_STANCE_URL and ONRECORD_STANCE_MODEL)")
    reader_sets = set(load_reader().trained_on)  # the sets the packaged reader learned from
    for name, options in configs:
        results, seconds = run(options, articles + others)
        if args.dump and name == "rules + reader":
            args.dump.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in results), encoding="utf-8")
        found = {r["id"]: r["statements"] for r in results}
        corpus_results = results[: len(articles)]  # the shifts are the corpus's alone
        for which, rows in gold.items():
            trained = " (the reader's training set: in-sample)" if options.stance_reader != "off" \
                and which in reader_sets else ""
            report(f"{name}, {which}{trained}", score(rows, found), seconds)
        for together in (HELD_OUT[:2], HELD_OUT[:3], HELD_OUT):
            # the held-out figures, the sets no rule was developed on as one: the first two (the
            # issue's figure since they were annotated), then with the third, then with the fourth
            if set(together) <= gold.keys():
                report(f"{name}, {' + '.join(together)}", score([g for w in together for g in gold[w]], found), seconds)
        if not name.startswith("stance endpoint"):
            second_reading(gold, found, name, annotator=name == "rules")
        if args.no_shifts:
            continue
        shifts = corpus_shifts(articles, corpus_results)
        report_shifts(shifts)
        if args.shift_pairs and name == "rules + reader":
            write_shift_pairs(shifts, args.shift_pairs)


if __name__ == "__main__":
    main()
