"""The cue lexicon: the verbs that introduce a statement, their class, and the complements that
carry their content (``data/cues.tsv``, one tab-separated line per lemma); and the words that show
a cue lemma used in another sense than saying (``data/cue_senses.tsv``, one line per sense)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from onrecord.errors import LexiconError

CUE_CLASSES = {
    "assert", "add", "hedge", "decline", "deny", "vow", "warn", "call", "accuse", "according_to",
    "report", "ask", "criticize", "praise", "believe",
}
COMPLEMENTS = {"clause", "to", "np", "quote"}


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    cls: str
    complements: frozenset[str]


def tsv_rows(text: str, source: str, columns: int) -> Iterator[tuple[int, list[str]]]:
    """(line number, stripped cells) of each row of a tab-separated lexicon; blank lines and
    ``#`` comments skipped; a row of another width is an error naming the line."""
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        parts = line.rstrip("\n").split("\t")
        if len(parts) != columns:
            raise LexiconError(f"{source}, line {number}: expected {columns} tab-separated columns, got {len(parts)}")
        yield number, [p.strip() for p in parts]


def parse_cue_lexicon(text: str, source: str = "cues.tsv") -> dict[str, CueEntry]:
    entries: dict[str, CueEntry] = {}
    for number, parts in tsv_rows(text, source, 3):
        lemma, cls, comps = parts
        if cls not in CUE_CLASSES:
            raise LexiconError(f"{source}, line {number}: unknown cue class {cls!r}")
        complements = frozenset(c.strip() for c in comps.split(",") if c.strip())
        plain = {c for c in complements if not c.startswith("prep:")}
        if not complements or not plain <= COMPLEMENTS:
            raise LexiconError(f"{source}, line {number}: complements must be among {sorted(COMPLEMENTS)}")
        entries[lemma.lower()] = CueEntry(lemma.lower(), cls, complements)
    return entries


@cache
def load_cue_lexicon(path: str | None = None) -> dict[str, CueEntry]:
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("cues.tsv").read_text(encoding="utf-8")
        return parse_cue_lexicon(text)
    return parse_cue_lexicon(Path(path).read_text(encoding="utf-8"), source=str(path))


@cache
def load_state_cues(part_of_speech: str) -> dict[str, CueEntry]:
    """The nouns ("noun") or adjectives ("adjective") that report a claim or a held view when
    they take a that-clause: ``noun_cues.tsv``, ``adjective_cues.tsv`` (the cues.tsv format)."""
    name = f"{part_of_speech}_cues.tsv"
    text = resources.files("onrecord.lexicons.data").joinpath(name).read_text(encoding="utf-8")
    return parse_cue_lexicon(text, source=name)




# --- cue senses ------------------------------------------------------------------------------

SENSES = {
    "naming", "lone_object", "verdict", "adjudicator", "display", "phrasal", "feeling", "relay", "unrealized", "belief",
    "implicative", "military", "conformity", "norms", "aside", "request", "obligation", "binding",
    "hypothesis", "saying", "connective", "appointment", "withholding",
}


@dataclass(frozen=True)
class CueSense:
    """One sense rule's vocabulary: the cue lemmas it looks at and its words (either may be
    empty, written "-", where the rule needs none)."""

    name: str
    lemmas: frozenset[str]
    words: frozenset[str]


def _word_list(value: str) -> frozenset[str]:
    value = value.strip()
    if value == "-":
        return frozenset()
    return frozenset(w.strip().lower() for w in value.split(",") if w.strip())


def parse_cue_senses(text: str, source: str = "cue_senses.tsv") -> dict[str, CueSense]:
    """The sense lines by sense name; an unknown sense, a repeated one, an empty column or a
    missing sense is an error naming the line (or the file)."""
    senses: dict[str, CueSense] = {}
    for number, parts in tsv_rows(text, source, 3):
        name, lemmas, words = parts
        if name not in SENSES:
            raise LexiconError(f"{source}, line {number}: unknown sense {name!r} (known: {', '.join(sorted(SENSES))})")
        if name in senses:
            raise LexiconError(f"{source}, line {number}: sense {name!r} given twice")
        if not lemmas or not words:
            raise LexiconError(f"{source}, line {number}: empty column (write '-' for none)")
        senses[name] = CueSense(name, _word_list(lemmas), _word_list(words))
    missing = SENSES - senses.keys()
    if missing:
        raise LexiconError(f"{source}: no line for sense(s) {', '.join(sorted(missing))}")
    return senses


@cache
def load_cue_senses(path: str | None = None) -> dict[str, CueSense]:
    if path is None:
        text = resources.files("onrecord.lexicons.data").joinpath("cue_senses.tsv").read_text(encoding="utf-8")
        return parse_cue_senses(text)
    return parse_cue_senses(Path(path).read_text(encoding="utf-8"), source=str(path))
