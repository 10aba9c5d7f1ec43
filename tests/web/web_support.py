"""Constants and helpers of the web tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SEED = REPO.parent / "shared" / "seed" / "000_4318a879f6337696.txt"
TOKEN = "test-token-123"

HOSTILE = ('<script>alert("x")</script> The mayor, Ana Silva, said the bridge would reopen. '
           '"We open it on Monday" onmouseover="alert(1)", she said.')


def sources() -> list[str]:
    paths = [str(REPO / "samples")]
    if SEED.exists():
        paths.append(str(SEED))
    return paths
