"""Constants and helpers of the web tests."""

from __future__ import annotations

from pathlib import Path

from shared_path import SHARED

REPO = Path(__file__).resolve().parents[2]
SEED = SHARED / "seed" / "000_4318a879f6337696.txt"
GOLD = SEED.parent / "gold.json"
TOKEN = "test-token-123"
SEED_KEY = "000_4318a879f6337696"
ZELENSKY = "person:v-zelenski"

# untrusted text: markup and attribute breakers in the body, the title, the outlet and the key
HOSTILE_ID = 'hostile" onmouseover="x'
HOSTILE = ('<script>alert(1)</script> The mayor, Ana Silva, said the bridge would reopen. '
           '"We open it on Monday" onmouseover="x", she said. '
           '"Nothing <img src=x onerror=alert(3)> will stop us," Silva told reporters.')
HOSTILE_TITLE = '<img src=x onerror="alert(2)">'
HOSTILE_OUTLET = "<b>Evil</b> Wire"

# one quote in two outlets, worded a little differently: a quote cluster with two variants
CLUSTER_A = ("Norway’s Foreign Minister Ingrid Dahl said on Monday that the talks would go on. "
             "“We will not let a single incident at the border end these talks,” Dahl said in Oslo.")
CLUSTER_B = ("Foreign Minister Ingrid Dahl spoke to reporters in Oslo. "
             "“We will not let one single incident at the border end these talks,” Dahl said.")
# the same words in another translation: shown beside the cluster, never in it
CLUSTER_C = ("Foreign Minister Ingrid Dahl met reporters in Oslo on Tuesday. "
             "“We will not allow a single incident at the border to stop these talks,” Dahl said.")


def sources() -> list[str]:
    paths = [str(REPO / "samples")]
    if SEED.exists():
        paths.append(str(SEED))
    return paths


def extra_articles() -> list:
    from onrecord.model import Article

    return [
        Article(id=HOSTILE_ID, text=HOSTILE, date="2025-03-07", outlet=HOSTILE_OUTLET, title=HOSTILE_TITLE,
                url="javascript:alert(4)"),
        Article(id="wire-a/dahl", text=CLUSTER_A, date="2025-03-17", outlet="Wire A", title="Talks go on"),
        Article(id="wire-b/dahl", text=CLUSTER_B, date="2025-03-18", outlet="Wire B", title="Dahl: talks go on"),
        Article(id="wire-c/dahl", text=CLUSTER_C, date="2025-03-18", outlet="Wire C", title="Talks will not stop"),
    ]


def make_app(ledger, **settings):
    """The app over ``ledger`` with the test token and a 200 kB body limit."""
    from onrecord.config import Config
    from onrecord.web.app import create_app

    return create_app(config=Config.load(environ={}, **{"api_token": TOKEN, "max_body_bytes": 200_000, **settings}),
                      ledger=ledger)
