"""Alembic migrations of the ledger schema (``onrecord.ledger.db.migrate`` runs them)."""
