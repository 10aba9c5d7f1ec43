"""Positions over time: each speaker's stance per issue, statement by statement (``stances``), their
positions per occasion and the shifts between them (``shifts``), and their charts (``charts``).
Plain data in, plain data out: the ledger, the CLI and the tests feed it statement dicts."""
