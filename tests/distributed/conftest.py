"""Fixtures of the Ray engine's tests: one local Ray of 2 CPUs for the whole session, and a
handful of articles (the bundled samples plus documents that cannot be read)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


@pytest.fixture(scope="session")
def local_ray() -> Iterator[None]:
    ray = pytest.importorskip("ray")
    from onrecord.distributed import connect

    connect(num_cpus=2)
    yield
    ray.shutdown()


@pytest.fixture(scope="session")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four sample articles (with and without a date), an empty file and a binary one."""
    folder = tmp_path_factory.mktemp("articles")
    for p in sorted(SAMPLES.glob("0[1-4]_*.txt")):
        shutil.copy(p, folder / p.name)
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\0\1\2" * 100)
    return folder
