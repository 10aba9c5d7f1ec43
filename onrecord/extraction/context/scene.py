"""The scene: a venue and a time set once hold for the speaker's following statements until the
article changes scene, speaker or time.

An article tells one occasion after another.  "In an interview with Sky News on Friday, X said
..." sets a *scene* (Sky News, Friday) that X's later statements share without naming it again
("he said", a new paragraph of quotation), until X's words name another occasion (another
venue, another time).  A scene is also set by a sentence that is no statement ("X spoke to
reporters outside the courthouse", "X arrived in Brussels on Wednesday": ``setting.py``), and
it may be named only after its first statements ("X said Sunday that ... 'Quote,' X said in an
interview with CBS on Sunday"): the statements already in the scene then get the venue too, back
to the last other speaker or the last aside (a statement of another time).
A scene set by a group ("the families spoke outside the courthouse", "lawyers for the families
said in closing arguments") holds for its members' statements.

``Scenes`` reads the statements and scene-setting sentences of one article in order and keeps
one scene per speaker, plus the group's; every rule is one function, named in its docstring.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from onrecord.extraction.found import StatementContext
from onrecord.model.statement import SaidOn, Venue


@dataclass
class Occasion:
    """What a statement (or a scene-setting sentence) names of its own occasion."""

    venue: Venue | None = None
    said_on: SaidOn | None = None
    time_text: str | None = None
    other_time: bool = False  # a time phrase that names no date: "on the first day of the trial"
    addressee: str | None = None
    background: bool = False  # a time of the story's background: see ``when.background_time``
    via_translator: bool = False

    @property
    def named(self) -> bool:
        return self.venue is not None or self.said_on is not None or self.other_time

    @property
    def aside(self) -> bool:
        """Rule: an aside — a statement of another time than the article's scenes: one whose
        time names no date ("previously", "on the first day of the trial") or is the story's
        background ("in 2022", "on June 27" in an article of July 6).  It neither takes a scene
        nor sets one, and the scene it interrupts goes on after it."""
        return self.other_time or self.background

    @classmethod
    def of(cls, context: StatementContext, other_time: bool = False, background: bool = False) -> Occasion:
        return cls(context.venue, context.said_on, context.time_text, other_time and context.said_on is None,
                   context.addressee, background, context.via_translator)


@dataclass
class Scene:
    """An occasion of the article: its venue and time as far as named, and the statements in
    it (their contexts, to complete when the scene is named later)."""

    speaker: str  # the speaker's name; "" for a group's scene
    venue: Venue | None = None
    said_on: SaidOn | None = None
    time_text: str | None = None
    via_translator: bool = False  # the venue's: an interview through an interpreter
    members: list[StatementContext] = field(default_factory=list)
    member_words: frozenset[str] = frozenset()  # a group's scene: words that describe its members


# --- names and venues compared -------------------------------------------------------------

_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def name_words(name: str) -> list[str]:
    words = re.findall(r"[\w'-]+", name.lower().replace("’", "'"))
    return [w for w in words if w not in _SUFFIXES]


# Rule: one person, named fully or in part — "Tedros" and "Tedros Adhanom Ghebreyesus", "Biden"
# and "Joe Biden": equal names, or a one-word name that is the other's first or last word (not
# a list of people: "Putin and Zelensky").
def same_person(a: str, b: str) -> bool:
    wa, wb = name_words(a), name_words(b)
    if not wa or not wb:
        return False
    if wa == wb:
        return True
    if {"and", "&"} & {*wa, *wb}:
        return False
    short, full = (wa, wb) if len(wa) < len(wb) else (wb, wa)
    return len(short) == 1 and short[0] in (full[0], full[-1])


def same_venue(a: Venue, b: Venue) -> bool:
    """Two mentions of one venue: one's name holds the other's words ("interview with Face the
    Nation" and "interview"), or both are of one type and one is named by common nouns only
    ("the interview", "the news briefing"; but X and Facebook are two platforms)."""
    wa, wb = set(name_words(a.name)), set(name_words(b.name))
    if wa <= wb or wb <= wa:
        return True
    return a.type == b.type and (a.name.islower() or b.name.islower())


# --- the rules ------------------------------------------------------------------------------


def compatible(scene: Scene, occasion: Occasion) -> bool:
    """Rule: same occasion — what the statement names agrees with the scene: no other date, no
    other venue."""
    if occasion.said_on is not None and scene.said_on is not None and occasion.said_on.date != scene.said_on.date:
        return False
    return occasion.venue is None or scene.venue is None or same_venue(occasion.venue, scene.venue)


def take_scene(context: StatementContext, scene: Scene) -> None:
    """Rule: the scene holds — a statement that does not name its venue or time has the
    scene's; with the venue comes its interpreter ("through a translator in an interview with
    Sky News": every answer of the interview)."""
    if context.venue is None and scene.venue is not None:
        context.venue = scene.venue
        context.via_translator = context.via_translator or scene.via_translator
    if context.said_on is None and scene.said_on is not None:
        context.said_on, context.time_text = scene.said_on, scene.time_text


def complete_scene(scene: Scene, occasion: Occasion) -> None:
    """Rule: the scene named later — a statement of the same occasion that names the venue or
    the time the scene lacked names it for the statements already in it ("X said Sunday
    that ... 'Quote,' X said in an interview with CBS on Sunday")."""
    if scene.venue is None and occasion.venue is not None:
        scene.venue, scene.via_translator = occasion.venue, occasion.via_translator
    if scene.said_on is None and occasion.said_on is not None:
        scene.said_on, scene.time_text = occasion.said_on, occasion.time_text
    for member in scene.members:
        take_scene(member, scene)


def next_scene(speaker: str, previous: Scene | None, occasion: Occasion) -> Scene:
    """Rule: another occasion — a statement that names another venue or time starts a scene;
    a new venue with no time of its own keeps the time of the speaker's scene (the article has
    not changed time), a new time drops the venue."""
    scene = Scene(speaker, occasion.venue, occasion.said_on, occasion.time_text, occasion.via_translator)
    if previous is not None and occasion.said_on is None and previous.said_on is not None:
        scene.said_on, scene.time_text = previous.said_on, previous.time_text
    return scene


def member_of(scene: Scene, description: set[str]) -> bool:
    """Rule: a member of the group — a speaker whose description holds a word of the group's
    members ("the father of ..." in a scene of the families, "a lawyer for ..." in the
    lawyers')."""
    return bool(scene.member_words & description)


class Scenes:
    """The scenes of one article, read in order: one per speaker (the latest), and the latest
    group's scene."""

    def __init__(self) -> None:
        self.by_speaker: list[Scene] = []
        self.group: Scene | None = None
        self.last_speaker = ""  # the speaker of the latest statement: a scene is completed
        # backwards only along one speaker's run of statements

    def of_speaker(self, name: str) -> Scene | None:
        """The speaker's scene: the same name, else the one scene of the same person."""
        exact = [s for s in self.by_speaker if s.speaker == name]
        if exact:
            return exact[-1]
        close = [s for s in self.by_speaker if same_person(s.speaker, name)]
        return close[-1] if len({s.speaker for s in close}) == 1 else None

    def _replace(self, old: Scene | None, scene: Scene) -> None:
        self.by_speaker = [s for s in self.by_speaker if s is not old and s.speaker != scene.speaker] + [scene]

    def statement(self, speaker: str, group: frozenset[str], occasion: Occasion, context: StatementContext,
                  description: set[str]) -> None:
        """A statement by ``speaker`` that names ``occasion`` of its own, whose context (own or
        carried) is ``context``; ``group`` holds its members' words when the speaker is a group,
        ``description`` the words that describe the speaker.  The context takes the scene's
        venue and time where it names none."""
        if occasion.aside:
            # Rule: an aside ends the runs — the scene goes on after it, but a venue or time named
            # after it ("… Beck said during a recent appearance on CNN") is no longer known to be
            # the occasion of the statements before it ("Beck on Friday declared …")
            for before in self.by_speaker:
                before.members = []
            return
        if not speaker:
            return
        scene = self.of_speaker(speaker)
        if scene is None and not occasion.named and occasion.addressee is None and self.group is not None:
            if member_of(self.group, description):
                scene = Scene(speaker, self.group.venue, self.group.said_on, self.group.time_text,
                              self.group.via_translator)
                self._replace(None, scene)
        if occasion.named:
            if scene is not None and compatible(scene, occasion):
                if self.last_speaker != scene.speaker and not same_person(self.last_speaker, speaker):
                    scene.members = []  # another speaker came between: not one run any more
                complete_scene(scene, occasion)
            else:
                old, scene = scene, next_scene(speaker, scene, occasion)
                self._replace(old, scene)
            if occasion.venue is not None:
                self._venue_named(scene, group)
        elif scene is None:
            scene = Scene(speaker)
            self._replace(None, scene)
        elif self.last_speaker != scene.speaker and not same_person(self.last_speaker, speaker):
            scene.members = []
        take_scene(context, scene)
        scene.members.append(context)
        self.last_speaker = speaker

    def _venue_named(self, scene: Scene, group: frozenset[str]) -> None:
        """A venue named moves the article to it: the group's scene ends, or is this one."""
        if group and scene.venue is not None:
            self.group = Scene("", scene.venue, scene.said_on, scene.time_text, scene.via_translator,
                               member_words=group)
        elif self.group is not None and not (scene.venue and self.group.venue
                                             and same_venue(scene.venue, self.group.venue)):
            self.group = None

    def setting(self, speaker: str, group_words: frozenset[str], occasion: Occasion) -> None:
        """A sentence that sets a scene without a statement: for a person (``speaker``) or a
        group (``group_words``: its members' words)."""
        if group_words:
            if occasion.venue is not None:
                self.group = Scene("", occasion.venue, occasion.said_on, occasion.time_text,
                                   member_words=group_words)
            return
        scene = self.of_speaker(speaker)
        opened = next_scene(speaker, scene, occasion)  # the statements after it, not before
        if scene is not None and compatible(scene, occasion) and opened.venue is None:
            opened.venue, opened.via_translator = scene.venue, scene.via_translator
        self._replace(scene, opened)
        if occasion.venue is not None and self.group is not None and not (
                self.group.venue and same_venue(occasion.venue, self.group.venue)):
            self.group = None
