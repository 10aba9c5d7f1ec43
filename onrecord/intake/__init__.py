"""Following outlets: ``Watch`` polls web sources on their intervals and ingests what is new.

Above the ledger (it writes there) and below the command line.  The fetching itself is
``onrecord.readers.web``; what was seen lives in the ledger (``ledger.pages``).
"""

from onrecord.intake.watch import Watch

__all__ = ["Watch"]
