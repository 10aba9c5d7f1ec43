"""Where the shared data lies (the seed article and its gold file, the corpus, the scorer):
$ONRECORD_SHARED, else ../shared beside the checkout.  Tests that need it skip without it, unless
$ONRECORD_REQUIRE_SHARED is set: then its absence fails the run."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("ONRECORD_SHARED") or REPO.parent / "shared")
SEED_DIR = SHARED / "seed"
REQUIRED = bool(os.environ.get("ONRECORD_REQUIRE_SHARED"))
HOW = "../shared is not beside the checkout (set ONRECORD_SHARED=/path/to/shared)"
