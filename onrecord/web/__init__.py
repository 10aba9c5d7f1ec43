"""The web app over the ledger: ``create_app`` (FastAPI), ``onrecord serve``."""
