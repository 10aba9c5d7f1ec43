from __future__ import annotations

from pathlib import Path

import pytest
from shared_path import HOW, REQUIRED, SEED_DIR, SHARED  # noqa: F401  (SHARED: for the tests that import it here)

REPO = Path(__file__).resolve().parent.parent
_skipped_for_shared: list[str] = []


def pytest_sessionstart(session: pytest.Session) -> None:
    if REQUIRED and not SEED_DIR.is_dir():
        raise pytest.UsageError(f"ONRECORD_REQUIRE_SHARED is set but {SEED_DIR} is not there: {HOW}")


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.skipped and "shared" in str(report.longrepr):
        _skipped_for_shared.append(report.nodeid)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    # with ONRECORD_REQUIRE_SHARED set, a test that skipped for want of ../shared fails the run
    if REQUIRED and _skipped_for_shared and session.exitstatus == 0:
        session.exitstatus = 1
        print(f"\n{len(_skipped_for_shared)} tests skipped for want of the shared data, which "
              f"ONRECORD_REQUIRE_SHARED requires: {', '.join(_skipped_for_shared[:5])}")


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


@pytest.fixture(scope="session")
def statement_with(statements_of):
    """The first statement of a literal text whose words hold ``words``; the statements found
    are the failure's message when none does."""

    def find(text: str, words: str):
        found = [s for s in statements_of(text) if words in s.quote.text]
        assert found, [(s.quote.text, s.speaker.name) for s in statements_of(text)]
        return found[0]

    return find


@pytest.fixture(scope="session")
def speakers_of(statements_of):
    """Extract a literal text: each statement's quoted words → its speaker's name."""

    def run(text: str) -> dict[str, str]:
        return {s.quote.text: s.speaker.name for s in statements_of(text)}

    return run


@pytest.fixture(scope="session")
def statements_under(nlp):
    """Extract a literal text under a headline, on a date: a list of Statement."""
    from onrecord.extraction.pipeline import make_doc
    from onrecord.extraction.pipeline import statements_of as collect
    from onrecord.model.article import Article

    def run(headline: str, text: str, date: str = "2024-05-02"):
        return collect(nlp(make_doc(nlp, Article(id="t", text=text, title=headline, date=date))))

    return run
