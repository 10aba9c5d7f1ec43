"""The ledger: attributed statements stored, deduplicated across outlets, searchable.

SQLite by default (one file, WAL, FTS5), PostgreSQL as the server option (tsvector/GIN);
one schema for both, migrated with Alembic.  See ``Ledger``."""

from onrecord.ledger.ledger import Ledger
from onrecord.ledger.records import (
    IngestReport,
    QuoteCluster,
    Report,
    Results,
    SpeakerQuote,
    StatementRecord,
)

__all__ = ["IngestReport", "Ledger", "QuoteCluster", "Report", "Results", "StatementRecord", "SpeakerQuote"]
