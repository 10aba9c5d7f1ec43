"""OnRecord: who said what, when, where, to whom, about which issue.

    >>> import onrecord
    >>> onrecord.extract('"We will hold," Mayor Ana Silva said on Friday.', date="2025-03-07")
    >>> onrecord.Ledger("sqlite:///onrecord.db").search("ceasefire")
    >>> onrecord.Ledger(config=onrecord.Config(taxonomy="my.yaml")).ingest(["articles/"])
"""

from typing import Any

from onrecord.model import Article, Statement

__all__ = ["Article", "Config", "Ledger", "Statement", "extract", "extract_article"]


def __getattr__(name: str) -> Any:
    # pydantic, spaCy and SQLAlchemy load only when used: `import onrecord` stays cheap
    if name == "Config":
        from onrecord.config import Config

        return Config
    if name in {"extract", "extract_article"}:
        from onrecord.extraction import pipeline

        return getattr(pipeline, name)
    if name == "Ledger":
        from onrecord.ledger import Ledger

        return Ledger
    raise AttributeError(f"module 'onrecord' has no attribute {name!r}")
