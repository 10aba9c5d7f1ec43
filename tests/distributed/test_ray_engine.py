"""The Ray engine gives what the single-machine path gives: the same statements in the ledger,
the same statements in Parquet as in ``extract --format jsonl``, and nothing twice when an actor
dies or a task fails halfway through a batch.  Skipped without Ray (``pip install 'onrecord[ray]'``)."""

from __future__ import annotations

import json
import os
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

pytest.importorskip("ray")
pytest.importorskip("pyarrow")

import ray  # noqa: E402
import ray.cloudpickle  # noqa: E402
from typer.testing import CliRunner  # noqa: E402

from onrecord import distributed  # noqa: E402
from onrecord.cli import app  # noqa: E402
from onrecord.config import Config  # noqa: E402
from onrecord.extraction.pipeline import extract_articles  # noqa: E402
from onrecord.ledger import Ledger  # noqa: E402
from onrecord.ledger.query import export_rows  # noqa: E402
from onrecord.readers import iter_articles  # noqa: E402

pytestmark = pytest.mark.usefixtures("local_ray")
# the fault-injecting actors below travel to Ray's workers by value: they cannot import this file
ray.cloudpickle.register_pickle_by_value(sys.modules[__name__])

STAT_KEYS = ("articles", "statements", "by_kind", "speakers", "outlets", "quotes", "clusters")
RUN_DEPENDENT = ("statement_id", "cluster_id")  # numbered in the order rows were written


def statement_set(ledger: Ledger) -> list[tuple[Any, ...]]:
    """Every stored statement with its article, speaker and quote cluster, as comparable tuples."""
    with ledger.engine.connect() as conn:
        rows = [{k: v for k, v in r.items() if k not in RUN_DEPENDENT} for r in export_rows(conn)]
    return sorted(tuple((k, json.dumps(v, sort_keys=True, default=str)) for k, v in r.items()) for r in rows)


def stats(ledger: Ledger) -> dict[str, Any]:
    s = ledger.stats()
    return {k: s[k] for k in STAT_KEYS}


@pytest.fixture(scope="module")
def local_ledger(articles: Path, tmp_path_factory: pytest.TempPathFactory) -> Ledger:
    """The reference: the default engine's ledger of the same articles."""
    ledger = Ledger(f"sqlite:///{tmp_path_factory.mktemp('local') / 'local.db'}")
    report = ledger.ingest([str(articles)])
    assert report.stored == 4 and report.failed == 2
    return ledger


def ray_ingest(url: str, articles: Path, actor: type[distributed.Ingester] = distributed.Ingester,
               workers: int = 2) -> tuple[Ledger, Any]:
    ledger = Ledger(url)
    report = distributed.ingest_dataset(distributed.paths_dataset([str(articles)]), ledger, workers=workers,
                                        batch_size=2, paths=[str(articles)], actor=actor)
    return ledger, report


def assert_same_as_local(ledger: Ledger, report: Any, local_ledger: Ledger) -> None:
    assert stats(ledger) == stats(local_ledger)
    ours, theirs = statement_set(ledger), statement_set(local_ledger)
    assert ours == theirs
    assert (report.read, report.stored, report.skipped, report.failed) == (6, 4, 0, 2)
    assert report.statements == stats(local_ledger)["statements"]
    run = ledger.runs(limit=1)[0]
    assert (run["status"], run["n_stored"], run["n_failed"], run["n_statements"]) == (
        "finished", 4, 2, report.statements)
    assert sorted(e["article_key"] for e in run["errors"]) == ["binary", "empty"]


def test_ingest_stores_the_statements_of_the_local_engine(articles: Path, local_ledger: Ledger,
                                                          tmp_path: Path) -> None:
    ledger, report = ray_ingest(f"sqlite:///{tmp_path / 'ray.db'}", articles)
    assert stats(local_ledger)["statements"] > 20
    assert_same_as_local(ledger, report, local_ledger)
    # a rerun reads everything and stores nothing: article key and content hash
    again = distributed.ingest_dataset(distributed.paths_dataset([str(articles)]), ledger, workers=1)
    assert (again.read, again.stored, again.skipped, again.failed, again.statements) == (6, 0, 4, 2, 0)
    assert statement_set(ledger) == statement_set(local_ledger)


class KilledOnce(distributed.Ingester):
    """Writes the first article of a batch, then (on the first batch of the run only) has Ray kill
    its actor: the batch's task is retried on the restarted actor, with one article stored."""

    marker = ""

    def __call__(self, batch: Any) -> Any:
        first = list(super().__call__(batch.slice(0, 1)))
        if batch.num_rows > 1 and first[0].column("outcome")[0].as_py() == "stored" and claim(self.marker):
            ray.kill(ray.get_runtime_context().current_actor, no_restart=False)
            time.sleep(60)  # the kill comes in a moment: the batch never returns
            raise AssertionError("ray.kill did not kill the actor")
        yield from super().__call__(batch)


class RaisesOnce(distributed.Ingester):
    """Writes the first article of a batch, then loses the database once (a ConnectionError)."""

    marker = ""

    def __call__(self, batch: Any) -> Any:
        first = list(super().__call__(batch.slice(0, 1)))
        if batch.num_rows > 1 and first[0].column("outcome")[0].as_py() == "stored" and claim(self.marker):
            raise ConnectionError("the database went away")
        yield from super().__call__(batch)


def claim(marker: str) -> bool:
    """True for the first caller across every process (the file is created at most once)."""
    try:
        os.close(os.open(marker, os.O_CREAT | os.O_EXCL))
    except FileExistsError:
        return False
    return True


PG_URL = os.environ.get("ONRECORD_TEST_PG_URL")


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    """An empty schema of the test server, dropped afterwards (as in tests/ledger)."""
    if not PG_URL:
        pytest.skip('ONRECORD_TEST_PG_URL unset: eval "$(scripts/start-postgres.sh)"')
    import sqlalchemy as sa

    from onrecord.ledger.db import resolve_url

    schema = f"test_{uuid.uuid4().hex[:12]}"
    admin = sa.create_engine(resolve_url(PG_URL))
    with admin.begin() as conn:
        conn.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    yield f"{PG_URL}{'&' if '?' in PG_URL else '?'}options={quote(f'-csearch_path={schema}')}"
    with admin.begin() as conn:
        conn.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
    admin.dispose()


@pytest.mark.parametrize(("fault", "backend"), [(KilledOnce, "sqlite"), (RaisesOnce, "sqlite"),
                                                (RaisesOnce, "postgresql")])
def test_a_fault_mid_batch_stores_every_article_once(fault: type[distributed.Ingester], backend: str, articles: Path,
                                                     local_ledger: Ledger, tmp_path: Path,
                                                     request: pytest.FixtureRequest) -> None:
    fault.marker = str(tmp_path / "fault-happened")
    url = request.getfixturevalue("postgresql_url") if backend == "postgresql" else f"sqlite:///{tmp_path / 'r.db'}"
    ledger, report = ray_ingest(url, articles, actor=fault, workers=1)
    assert Path(fault.marker).exists(), "the fault was not injected"
    assert_same_as_local(ledger, report, local_ledger)
    with ledger.engine.connect() as conn:
        keys = [r[0] for r in conn.exec_driver_sql("SELECT key FROM articles")]
    ledger.close()
    assert len(keys) == len(set(keys)) == 4


def test_extract_dataset_is_extract_jsonl_in_rows(articles: Path, tmp_path: Path) -> None:
    import pandas as pd

    out = tmp_path / "out"
    distributed.write_parquet(distributed.extract_dataset(distributed.paths_dataset([str(articles)]), Config(),
                                                          workers=2, batch_size=2), str(out))
    local = list(extract_articles(iter_articles([str(articles)]), Config()))
    frame = pd.read_parquet(out)
    ok = frame[frame["error"].isna()]
    expected = sorted((r["id"], i, json.dumps(s, sort_keys=True)) for r in local for i, s in enumerate(r["statements"]))
    got = sorted((r.article_id, int(r.seq), json.dumps(json.loads(r.statement), sort_keys=True))
                 for r in ok.itertuples())
    assert len(ok) == sum(len(r["statements"]) for r in local) > 20
    assert got == expected
    # flat columns for queries, the article's date as the partition
    first = ok.sort_values(["article_id", "seq"]).iloc[0]
    assert first["quote_text"] == json.loads(first["statement"])["quote"]["text"]
    assert {p.name for p in out.iterdir()} >= {"article_day=2025-03-11", "article_day=undated"}
    assert set(ok["article_date"].dropna()) == {"2025-03-11", "2025-05-02"}
    errors = dict(zip(frame.loc[frame["error"].notna(), "article_id"], frame["error"].dropna(), strict=True))
    assert sorted(errors) == ["binary", "empty"] and "binary" in errors["binary"]


def test_cli_extract_and_ingest_with_the_ray_engine(articles: Path, local_ledger: Ledger, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    done = runner.invoke(app, ["extract", str(articles), "--engine", "ray", "--workers", "2", "--output", str(out)])
    assert done.exit_code == 1, done.output  # two documents could not be read: as the local engine says
    assert f"{stats(local_ledger)['statements']} statements of 6 articles" in done.output
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    done = runner.invoke(app, ["ingest", str(articles), "--engine", "ray", "--workers", "2", "--db", db])
    assert done.exit_code == 1 and "error binary" in done.output, done.output
    done = runner.invoke(app, ["stats", "--db", db, "--format", "json"])
    assert {k: v for k, v in json.loads(done.output).items() if k in STAT_KEYS} == stats(local_ledger)


def test_without_output_the_ray_engine_says_what_to_give(articles: Path) -> None:
    done = CliRunner().invoke(app, ["extract", str(articles), "--engine", "ray"])
    assert done.exit_code == 2 and "--output" in done.output
