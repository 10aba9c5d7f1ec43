from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def nlp():
    from onrecord.extraction.pipeline import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def statements_of(nlp):
    """Extract a literal text: a list of Statement."""
    from onrecord.extraction.pipeline import statements_of as collect

    def run(text: str):
        return collect(nlp(text))

    return run
