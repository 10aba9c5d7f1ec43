"""Statement and its parts, and their JSON form.

Every offset indexes the article text exactly as the user gave it (``Article.text``).
Fields added by later stages (venue, said_on, issues, ...) are optional and default to empty,
so the JSON of issue #2 stays valid as the record grows.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field, fields, is_dataclass
from typing import Any, Literal, get_args

# direct: the quoted words; indirect: reported speech; mixed: reported speech with quoted words;
# question: what the speaker asked (quoted or reported), which asserts nothing; reported_position:
# a position the article says the speaker held before, with no speech cue
Kind = Literal["direct", "indirect", "mixed", "question", "reported_position"]
KINDS: tuple[str, ...] = get_args(Kind)
# "role": a description of one person the article never names ("the judge" with no judge named);
# an identity of its own in each article, never merged across articles
SpeakerType = Literal["person", "organization", "group", "role", "unknown"]

_ATOMS = (str, int, float, bool, type(None))


def plain(obj: Any) -> Any:
    """``dataclasses.asdict`` of a record, value for value, without its deepcopy of every leaf
    (the standard library's ``_asdict_inner`` dispatches each str and int through
    ``copy.deepcopy``, which was most of writing a statement): atoms are immutable and kept,
    dataclasses, lists, tuples and dicts rebuilt, anything else deep-copied as ``asdict`` does."""
    kind = type(obj)
    if kind in _ATOMS:
        return obj
    if kind is list:
        return [plain(v) for v in obj]
    if kind is dict:
        return {plain(k): plain(v) for k, v in obj.items()}
    if is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: plain(getattr(obj, f.name)) for f in fields(obj)}
    if kind is tuple:
        return tuple(plain(v) for v in obj)
    return copy.deepcopy(obj)


@dataclass
class Segment:
    start: int
    end: int


# Between two segments of one quote ("…,” Dahl said. “…"): the words are each segment exactly as
# written, and the cut is shown, so that "the last two years," and "But for the first time" never
# read as one sentence the speaker did not say.
SEGMENT_JOIN = " … "


@dataclass
class Quote:
    """The content of a statement: its words, possibly in several segments (a split quote).
    ``segments`` are the truth; ``text`` is each segment as written, joined by ``SEGMENT_JOIN``."""

    text: str
    start: int
    end: int
    segments: list[Segment] = field(default_factory=list)

    @classmethod
    def of(cls, text: str, ranges: list[tuple[int, int]]) -> Quote:
        """The quote of the character ranges of ``text`` (in text order)."""
        ranges = sorted(ranges)
        return cls(SEGMENT_JOIN.join(text[s:e] for s, e in ranges), ranges[0][0], ranges[-1][1],
                   [Segment(s, e) for s, e in ranges])


@dataclass
class Cue:
    text: str
    start: int
    end: int
    lemma: str
    cls: str  # written as "class" in JSON


@dataclass
class Mention:
    text: str
    start: int
    end: int


@dataclass
class Speaker:
    name: str
    type: SpeakerType = "unknown"
    mention: Mention | None = None
    id: str | None = None
    # several speakers of one statement ("Putin and Zelensky said they ...")
    members: list[str] = field(default_factory=list)
    # the role or title the article gives the speaker here ("Ukraine's President")
    role: str | None = None


@dataclass
class Venue:
    name: str
    type: str
    text: str
    start: int
    end: int


@dataclass
class SaidOn:
    date: str
    precision: Literal["day", "week", "month", "year"]
    text: str = ""
    assumed: bool = False


@dataclass
class Statement:
    kind: Kind
    quote: Quote
    cue: Cue | None
    speaker: Speaker
    negated: bool = False
    hedged: bool = False
    # context (issue #3)
    venue: Venue | None = None
    addressee: str | None = None
    via_translator: bool = False
    said_on: SaidOn | None = None
    time: Literal["now", "before"] = "now"
    # positions (issue #5)
    issues: list[str] = field(default_factory=list)
    # issue id → {"label": support|oppose|conditional|unclear, "evidence": [...], "source": ...}
    stances: dict[str, dict[str, Any]] = field(default_factory=dict)

    def shifted(self, offset: int) -> Statement:
        """The same statement with every offset moved by ``offset`` (from the parsed body to the
        article text)."""
        if not offset:
            return self
        q = self.quote
        self.quote = Quote(q.text, q.start + offset, q.end + offset,
                           [Segment(g.start + offset, g.end + offset) for g in q.segments])
        if self.cue is not None:
            c = self.cue
            self.cue = Cue(c.text, c.start + offset, c.end + offset, c.lemma, c.cls)
        m = self.speaker.mention
        if m is not None:
            self.speaker.mention = Mention(m.text, m.start + offset, m.end + offset)
        if self.venue is not None:
            v = self.venue
            self.venue = Venue(v.name, v.type, v.text, v.start + offset, v.end + offset)
        return self

    def to_dict(self) -> dict[str, Any]:
        d = plain(self)
        if d["cue"] is not None:
            d["cue"]["class"] = d["cue"].pop("cls")
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Statement:
        q = d["quote"]
        quote = Quote(q["text"], q["start"], q["end"], [Segment(**s) for s in q.get("segments", [])])
        cue = None
        if d.get("cue"):
            c = dict(d["cue"])
            c["cls"] = c.pop("class", c.pop("cls", ""))
            cue = Cue(**c)
        s = dict(d["speaker"])
        mention = Mention(**s.pop("mention")) if s.get("mention") else None
        s.pop("mention", None)
        speaker = Speaker(mention=mention, **s)
        venue = Venue(**d["venue"]) if d.get("venue") else None
        said_on = SaidOn(**d["said_on"]) if d.get("said_on") else None
        optional = ("negated", "hedged", "addressee", "via_translator", "time", "issues", "stances")
        rest = {k: d[k] for k in optional if k in d}
        return cls(kind=d["kind"], quote=quote, cue=cue, speaker=speaker, venue=venue, said_on=said_on, **rest)
