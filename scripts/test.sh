#!/usr/bin/env bash
# Set up (scripts/setup.sh), install Chromium for the browser tests (scripts/install-chromium.sh),
# start PostgreSQL (scripts/start-postgres.sh) and run the whole test suite, storage tests on
# SQLite and PostgreSQL.  This is the command .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/install-chromium.sh
eval "$(scripts/start-postgres.sh)"
export ONRECORD_TEST_PG_URL
.venv/bin/ruff check onrecord tests benchmarks
.venv/bin/lint-imports --no-logo  # the layers and no-cycles contracts of .importlinter
.venv/bin/python -m pytest -q "$@"
