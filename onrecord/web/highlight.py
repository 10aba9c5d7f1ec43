"""An article's text as HTML with every statement marked in place: its content, cue and speaker
mention in distinct classes, the resolved speaker, venue and date in a title.

All article text is untrusted: every piece is escaped here, and the result is the only markup
the templates mark safe."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

_WORD = re.compile(r"\w+")


@dataclass
class _Mark:
    start: int
    end: int
    role: str  # content | cue | mention
    statement: int  # index in the list of statements
    title: str
    name: str = ""  # the resolved speaker, on mentions


@dataclass
class _Run:
    start: int
    end: int
    marks: list[_Mark] = field(default_factory=list)


def describe(statement: dict[str, Any]) -> str:
    """One line on a statement: speaker, kind, cue, venue, date."""
    speaker = (statement.get("speaker") or {}).get("name") or "unknown"
    parts = [speaker, statement.get("kind") or ""]
    cue = statement.get("cue") or {}
    if cue.get("text"):
        parts.append(f"“{cue['text']}”")
    venue = statement.get("venue") or {}
    if venue.get("name"):
        parts.append(f"at/on {venue['name']} ({venue.get('type')})")
    if statement.get("via_translator"):
        parts.append("through a translator")
    said_on = statement.get("said_on") or {}
    if said_on.get("date"):
        parts.append(f"said {said_on['date']}" + (" (article date)" if said_on.get("assumed") else ""))
    return " · ".join(p for p in parts if p)


def needs_name(mention: str, name: str) -> bool:
    """Whether a mention leaves the speaker unnamed: none of the name's words is in it."""
    said = set(_WORD.findall(mention.lower()))
    return not any(w in said for w in _WORD.findall(name.lower()) if len(w) > 2)


def marks_of(statements: list[dict[str, Any]], text_length: int) -> list[_Mark]:
    marks: list[_Mark] = []
    for i, st in enumerate(statements):
        title = describe(st)
        quote = st.get("quote") or {}
        for seg in quote.get("segments") or [{"start": quote.get("start"), "end": quote.get("end")}]:
            marks.append(_Mark(seg["start"], seg["end"], "content", i, title))
        cue = st.get("cue") or {}
        if cue.get("start") is not None:
            marks.append(_Mark(cue["start"], cue["end"], "cue", i, title))
        mention = (st.get("speaker") or {}).get("mention") or {}
        if mention.get("start") is not None:
            name = (st.get("speaker") or {}).get("name") or ""
            marks.append(_Mark(mention["start"], mention["end"], "mention", i, f"speaker: {name}", name))
    return [m for m in marks if 0 <= m.start < m.end <= text_length]


def highlighted_html(text: str, statements: list[dict[str, Any]], start: int = 0, end: int | None = None
                     ) -> Markup:
    """``text[start:end]`` as paragraphs of escaped text with <mark> elements; a cue or mention
    inside a content stays visible as itself (the innermost role wins the colour)."""
    end = len(text) if end is None else end
    marks = marks_of(statements, len(text))
    rank = {"content": 0, "mention": 1, "cue": 2}
    # a mention that does not name the speaker ("he", "the president") is followed by the name
    resolved: dict[int, list[str]] = {}
    for m in marks:
        if m.role == "mention" and m.name and needs_name(text[m.start : m.end], m.name):
            if m.name not in resolved.setdefault(m.end, []):
                resolved[m.end].append(m.name)
    out: list[str] = []
    position = start
    for line in text[start:end].split("\n"):
        p_start, p_end = position, position + len(line)
        position = p_end + 1
        if not line.strip():
            continue
        cuts = {p_start, p_end}
        for m in marks:
            cuts.update(x for x in (m.start, m.end) if p_start < x < p_end)
        points = sorted(cuts)
        parts: list[str] = []
        for a, b in zip(points, points[1:], strict=False):
            piece = escape(text[a:b])
            covering = [m for m in marks if m.start <= a and b <= m.end]
            if not covering:
                parts.append(str(piece))
                continue
            top = max(covering, key=lambda m: (rank[m.role], -(m.end - m.start)))
            classes = f"{top.role} s{top.statement}"
            if top.role != "content" and any(m.role == "content" for m in covering):
                classes += " in-content"
            parts.append(f'<mark class="{classes}" data-statement="{top.statement}" '
                         f'title="{escape(top.title)}">{piece}</mark>')
            for name in resolved.pop(b, []):
                parts.append(f'<span class="resolved-name" title="the speaker this refers to">{escape(name)}</span>')
        out.append(f"<p>{''.join(parts)}</p>")
    return Markup("".join(out))
