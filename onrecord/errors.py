"""Every error OnRecord raises on purpose, in one place.

All derive from ``OnRecordError``, and each also from the built-in exception a caller would
expect (``ValueError`` for bad input, ``LookupError`` for something absent, ``RuntimeError`` for
a missing optional dependency), so ``except ValueError`` keeps working.  Messages are written for
the person who has to act: a data file's error names the file and the line.

This module imports nothing of OnRecord and nothing outside the standard library.
"""

from __future__ import annotations


class OnRecordError(Exception):
    """Base of every error OnRecord raises on purpose."""


# --- settings ----------------------------------------------------------------------------------


class ConfigError(OnRecordError, ValueError):
    """A setting, a config file or an ONRECORD_* variable that cannot be used."""


# --- data files --------------------------------------------------------------------------------


class LexiconError(OnRecordError, ValueError):
    """A data file (cue lexicon, venues, taxonomy, aliases, stance markers) that cannot be used;
    the message names the file and the line."""


class VenueLexiconError(LexiconError):
    """A venue lexicon that cannot be used."""


class TaxonomyError(LexiconError):
    """An issue taxonomy that cannot be used."""


class AliasesError(LexiconError):
    """A malformed aliases file (speaker identities to pin)."""


class StanceMarkersError(LexiconError):
    """A stance-marker file that cannot be used."""


class RoleLexiconError(LexiconError):
    """A role lexicon (offices, role and organisation nouns) that cannot be used."""


class UnknownIssue(OnRecordError, KeyError):
    """An issue name that is neither an id nor an alias of the taxonomy in use."""

    def __str__(self) -> str:  # KeyError would print the message in quotes
        return str(self.args[0]) if self.args else ""


# --- the web --------------------------------------------------------------------------------------


class SourcesError(OnRecordError, ValueError):
    """A sources file (what ``onrecord watch`` follows) that cannot be used; names the source."""


class FetchError(OnRecordError, OSError):
    """A URL that could not be fetched: refused by robots.txt, too large, a redirect loop, a
    timeout, an error status after the retries.  ``reason`` is the message recorded for the URL."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


# --- extraction --------------------------------------------------------------------------------


class ArticleError(OnRecordError, ValueError):
    """An article that cannot be processed (empty, too large, unreadable)."""


class ModelAnswerError(OnRecordError, ValueError):
    """A stance endpoint's answer that holds no valid label."""


class StanceLabelError(OnRecordError, ValueError):
    """A stance label that is not support, oppose, conditional or unclear."""


# --- storage and output ------------------------------------------------------------------------


class MissingExtra(OnRecordError, RuntimeError):
    """An optional dependency (pandas, pyarrow, matplotlib) a feature needs; says what to install."""


class ExtractorOrderError(OnRecordError, RuntimeError):
    """An extractor that returned results out of the order of the articles it was given."""


class ChartError(OnRecordError, ValueError):
    """A chart that cannot be written (an unknown file type)."""


class NotFound(OnRecordError, LookupError):
    """No article, statement, speaker or quote cluster with that key (the web app answers 404)."""


class BadCursor(OnRecordError, ValueError):
    """A page cursor this app did not make."""


class InvalidBody(OnRecordError, ValueError):
    """A request body the API cannot take; ``detail`` says where and why."""

    def __init__(self, detail: list[dict[str, object]]) -> None:
        super().__init__("invalid body")
        self.detail = detail


class NoLedger(OnRecordError, LookupError):
    """A read of a ledger that does not exist (a mistyped --db): reads never create one."""
