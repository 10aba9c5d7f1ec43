#!/usr/bin/env bash
# The main job on a fresh machine: set up, ingest the bundled sample articles into the
# embedded SQLite ledger (onrecord.db), and print what was found.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
DB="sqlite:///onrecord.db"
.venv/bin/onrecord ingest samples --db "$DB"
.venv/bin/onrecord stats --db "$DB"
COLUMNS="${COLUMNS:-160}" .venv/bin/onrecord search --db "$DB" --limit 100
echo >&2
echo "demo: the onrecord command is in .venv/bin: run  source .venv/bin/activate  and then the README's" >&2
echo "      onrecord commands work as printed (onrecord search, onrecord serve, ...)" >&2
