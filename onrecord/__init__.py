"""OnRecord: who said what, when, where, to whom, about which issue."""

from onrecord.article import Article
from onrecord.statement import Statement

__all__ = ["Article", "Statement"]
