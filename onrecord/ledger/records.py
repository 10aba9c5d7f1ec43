"""What the ledger returns (plain dataclasses, lists that turn into DataFrames), and the mapping
between ``Statement.to_dict()`` and a row of the statements table."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeVar

from onrecord.errors import MissingExtra
from onrecord.identity.hygiene import refusal

T = TypeVar("T")

# the keys of Statement.to_dict() that have columns; anything else goes to "extra"
_KNOWN = {
    "kind", "quote", "cue", "speaker", "negated", "hedged", "venue", "addressee",
    "via_translator", "said_on", "time", "issues", "stances",
}  # fmt: skip


def speaker_slug(name: str) -> str:
    """A stable id from a name, used until the speaker registry gives one: ascii, lower case,
    words joined by dashes ("Volodymyr Zelenskyy" -> "volodymyr-zelenskyy")."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-") or "unnamed"


def speaker_id_of(d: dict[str, Any]) -> str | None:
    """The statement's speaker id; None for an unattributed statement and for a role no one was
    found for ("the judge"), which is never merged with another article's."""
    sp = d["speaker"]
    if sp.get("id"):
        return str(sp["id"])
    if sp.get("type") == "role":
        return None
    name = (sp.get("name") or "").strip()
    kind = sp.get("type") or "person"
    if not name or name.lower() == "unknown" or kind == "unknown" or refusal(name, kind):
        return None  # "you", "Kyiv": the registry gives them no identity, nor does the ledger
    return speaker_slug(name)


def statement_row(d: dict[str, Any]) -> dict[str, Any]:
    """Columns of the statements table for one ``Statement.to_dict()`` (ids and article aside)."""
    q, cue, sp = d["quote"], d.get("cue") or {}, d["speaker"]
    mention = sp.get("mention") or {}
    venue = d.get("venue") or {}
    said_on = d.get("said_on") or {}
    extra = {k: v for k, v in d.items() if k not in _KNOWN}
    extra_speaker = {k: v for k, v in sp.items() if k not in ("name", "type", "mention", "id", "members")}
    if extra_speaker:
        extra["speaker"] = extra_speaker
    return {
        "kind": d["kind"],
        "quote_text": q["text"],
        "quote_start": q["start"],
        "quote_end": q["end"],
        "quote_segments": [[s["start"], s["end"]] for s in q.get("segments") or []],
        "cue_text": cue.get("text"),
        "cue_start": cue.get("start"),
        "cue_end": cue.get("end"),
        "cue_lemma": cue.get("lemma"),
        "cue_class": cue.get("class", cue.get("cls")),
        "speaker_id": speaker_id_of(d),
        "speaker_name": sp.get("name") or "unknown",
        "speaker_type": sp.get("type") or "unknown",
        "mention_text": mention.get("text"),
        "mention_start": mention.get("start"),
        "mention_end": mention.get("end"),
        "speaker_members": list(sp.get("members") or []),
        "negated": bool(d.get("negated", False)),
        "hedged": bool(d.get("hedged", False)),
        "venue_name": venue.get("name"),
        "venue_type": venue.get("type"),
        "venue_text": venue.get("text"),
        "venue_start": venue.get("start"),
        "venue_end": venue.get("end"),
        "addressee": d.get("addressee"),
        "via_translator": bool(d.get("via_translator", False)),
        "said_on_date": said_on.get("date"),
        "said_on_precision": said_on.get("precision"),
        "said_on_text": said_on.get("text"),
        "said_on_assumed": said_on.get("assumed") if said_on else None,
        "time": d.get("time") or "now",
        "issues": list(d.get("issues") or []),
        "stances": dict(d.get("stances") or {}),
        "extra": extra or None,
    }


def statement_dict(row: Any) -> dict[str, Any]:
    """``Statement.to_dict()`` rebuilt from a statements row (a mapping or Row with its columns).

    The speaker id is the stored one; a statement extracted without an id reads back with
    its slug."""
    r = row if isinstance(row, Mapping) else row._mapping
    extra = dict(r.get("extra") or {})
    # a row written before the stances column (or read without it) has them among the extra keys
    stances = extra.pop("stances", None)
    if r.get("stances") is not None:
        stances = r["stances"]
    cue = None
    if r["cue_text"] is not None:
        cue = {
            "text": r["cue_text"],
            "start": r["cue_start"],
            "end": r["cue_end"],
            "lemma": r["cue_lemma"],
            "class": r["cue_class"],
        }
    mention = None
    if r["mention_text"] is not None:
        mention = {"text": r["mention_text"], "start": r["mention_start"], "end": r["mention_end"]}
    venue = None
    if r["venue_name"] is not None:
        venue = {k: r[f"venue_{k}"] for k in ("name", "type", "text", "start", "end")}
    said_on = None
    if r["said_on_date"] is not None:
        said_on = {
            "date": r["said_on_date"],
            "precision": r["said_on_precision"],
            "text": r["said_on_text"] or "",
            "assumed": bool(r["said_on_assumed"]),
        }
    speaker = {
        "name": r["speaker_name"],
        "type": r["speaker_type"],
        "mention": mention,
        "id": r["speaker_id"],
        "members": list(r["speaker_members"] or []),
        **extra.pop("speaker", {}),
    }
    return {
        "kind": r["kind"],
        "quote": {
            "text": r["quote_text"],
            "start": r["quote_start"],
            "end": r["quote_end"],
            "segments": [{"start": s, "end": e} for s, e in r["quote_segments"] or []],
        },
        "cue": cue,
        "speaker": speaker,
        "negated": bool(r["negated"]),
        "hedged": bool(r["hedged"]),
        "venue": venue,
        "addressee": r["addressee"],
        "via_translator": bool(r["via_translator"]),
        "said_on": said_on,
        "time": r["time"],
        "issues": list(r["issues"] or []),
        "stances": dict(stances or {}),
        **extra,
    }


# --- results ---------------------------------------------------------------------------------


class Results(list[T]):
    """A list of records that also converts itself: ``.to_dicts()``, ``.to_frame()``."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [r.to_dict() if hasattr(r, "to_dict") else dict(r) for r in self]  # type: ignore[call-overload]

    def to_frame(self) -> Any:
        """A pandas DataFrame, one row per record (pandas is an optional dependency)."""
        pd = require("pandas", "DataFrames")
        return pd.DataFrame(self.to_dicts())


def require(module: str, purpose: str) -> Any:
    """Import an optional dependency, or say clearly how to get it."""
    import importlib

    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise MissingExtra(
            f"{purpose} need the optional package {module!r}: pip install 'onrecord[frames]'"
            f" (or: pip install {module})"
        ) from e


@dataclass
class StatementRecord:
    """One stored statement with the article that reports it."""

    id: int
    quote: str
    kind: str
    speaker: str  # as the article names the speaker
    speaker_id: str | None
    outlet: str | None
    date: str | None  # the article's date
    published: str | None
    said_on: str | None  # when it was said, where the article tells
    venue: str | None
    title: str | None
    url: str | None
    article: str  # the article's key
    negated: bool
    hedged: bool
    cluster_id: int | None
    reports: int  # articles reporting the same quote (1 when alone)
    outlets: list[str] = field(default_factory=list)  # outlets reporting it, first report first
    statement: dict[str, Any] = field(default_factory=dict, repr=False)  # Statement.to_dict()

    def to_statement(self) -> Any:
        from onrecord.model.statement import Statement

        return Statement.from_dict(self.statement)

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self) if f.name != "statement"}
        d["outlets"] = list(self.outlets)
        return d


@dataclass
class SpeakerQuote:
    """One thing a speaker said, once however many outlets reported it."""

    date: str | None  # of the first report
    quote: str
    kind: str
    venue: str | None
    said_on: str | None
    outlets: list[str]
    reports: int
    negated: bool
    hedged: bool
    speaker: str
    speaker_id: str | None
    statement_id: int  # the first report's statement
    cluster_id: int | None
    url: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Report:
    """One article reporting a clustered quote."""

    article: str
    outlet: str | None
    date: str | None
    published: str | None
    title: str | None
    url: str | None
    statement_id: int
    quote: str  # the words of this quote as this article gives them
    speaker: str = ""  # as this article names the speaker
    speaker_id: str | None = None
    said_on: str | None = None  # when the article says the words were said
    venue: str | None = None
    statement_quote: str = ""  # the whole statement the words are part of

    def to_dict(self) -> dict[str, Any]:
        # every field is a plain value: no deep copy (asdict's), which a cluster of thousands of
        # reports paid for on every page
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class QuoteCluster:
    """The same quote reported by one or more articles; ``n_outlets`` is the headline."""

    id: int
    speaker: str  # as most reports that name the speaker name them
    speaker_id: str | None
    quote: str  # as the first report gives it
    first_date: str | None
    first_published: str | None
    first_outlet: str | None
    first_article: str
    n_reports: int
    outlets: list[str]  # in order of first report
    n_outlets: int = 0
    said_on: str | None = None  # when the words were said, as most reports that tell have it
    venue: str | None = None
    # every speaker the reports name, most reports first: more than one is an attribution conflict
    attributions: list[dict[str, Any]] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)  # first report first
    # probably the same words in another translation: other clusters, never merged with this one
    translations: list[dict[str, Any]] = field(default_factory=list)

    @property
    def headline(self) -> str:
        """'14 outlets · first: Sky News, 2024-11-29T07:10 · said 2024-11-29 (press conference)'."""
        parts = [f"{self.n_outlets} outlet{'' if self.n_outlets == 1 else 's'}"]
        first = ", ".join(x for x in (self.first_outlet, self.first_published or self.first_date) if x)
        if first:
            parts.append(f"first: {first}")
        if self.said_on or self.venue:
            parts.append(" ".join(x for x in ("said", self.said_on, f"({self.venue})" if self.venue else None) if x))
        return " · ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        return {"headline": self.headline, **asdict(self)}


@dataclass
class IngestReport:
    """What one ingest run did."""

    run_id: int
    read: int = 0
    stored: int = 0  # new articles
    replaced: int = 0  # changed articles whose statements were replaced
    skipped: int = 0  # already stored with the same content
    failed: int = 0
    statements: int = 0  # statements written
    seconds: float = 0.0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (article, message), as met
    clusters: int | None = None  # quote clusters after the run; None when nothing was added

    @property
    def rate(self) -> float:
        return self.read / self.seconds if self.seconds > 0 else 0.0

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["errors"] = [list(e) for e in self.errors]
        return d
