#!/usr/bin/env bash
# Set up (scripts/setup.sh), install Chromium for the browser tests (scripts/install-chromium.sh),
# start PostgreSQL (scripts/start-postgres.sh) and run the whole test suite, storage tests on
# SQLite and PostgreSQL.  This is the command .ci/run calls.
set -euo pipefail
cd "$(dirname "$0")/.."
say() { echo "test.sh: $*" >&2; }
missing=""
{ [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; } || missing="chromium chromium-driver (the browser tests)"
command -v pg_lsclusters >/dev/null 2>&1 || missing="${missing:+$missing; }postgresql (the storage tests on PostgreSQL)"
if [ -n "$missing" ]; then
  say "will install with apt-get (as root, or through sudo): $missing"
fi
# the tests that read ../shared (the seed article, the corpus, the scorer) find it there, or where
# ONRECORD_SHARED points; ONRECORD_REQUIRE_SHARED=1 makes its absence an error
if [ -n "${ONRECORD_SHARED:-}" ] || [ -d ../shared ]; then
  say "shared data: ${ONRECORD_SHARED:-../shared}"
else
  say "no ../shared beside the checkout: its tests skip (set ONRECORD_SHARED=/path/to/shared to run them)"
fi
scripts/setup.sh
scripts/install-chromium.sh
eval "$(scripts/start-postgres.sh)"
export ONRECORD_TEST_PG_URL
.venv/bin/ruff check onrecord tests benchmarks
.venv/bin/lint-imports --no-logo  # the layers and no-cycles contracts of .importlinter
.venv/bin/python -m pytest -q "$@"
