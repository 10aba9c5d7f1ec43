"""The occasion of each statement (venue, addressee, translator, date) and the issues it is about,
as the last stages of the pipeline, and the conversion of what was found into plain records.

Stages, in pipeline order after the speakers:
- ``onrecord_context``: ``statement_context`` for each statement, resolved against the article's
  date (``doc._.article_date`` and ``doc._.published``, set before the pipe runs), and the
  carrying rule of one utterance (``carry_occasion``);
- (``components/positions.py``: each statement's issues and a stance on each;)
- ``onrecord_records`` turns the found statements into ``Statement`` records with speaker ids
  (``doc._.records``, as JSON-ready dicts) and drops the spaCy objects, so that docs cross process boundaries
  (``nlp.pipe(n_process=…)``).
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from onrecord.components.context import StatementContext, statement_context
from onrecord.components.reported import Found, noun_phrase
from onrecord.components.speakers import known_person, name_tokens
from onrecord.registry import HONORIFICS, SpeakerRegistry, article_roles_from, bundled_registry, split_title
from onrecord.statement import Cue, Mention, Quote, Segment, Speaker, Statement

for _name in ("article_date", "published", "records"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)

# cues that continue the utterance just reported ("he added", "he went on")
CONTINUING_LEMMAS = {"add", "continue", "go"}
MAX_CARRY_GAP = 600  # characters between two parts of one utterance


def parse_day(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def parse_moment(value: str | None) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None


# --- context ---------------------------------------------------------------------------------


def same_utterance(previous: Found, current: Found, doc: Doc) -> bool:
    """Carrying rule: two statements are one utterance when the later one continues the
    earlier (second half of a split quote, a paragraph with no cue of its own) or is cued by
    "added"/"went on", by the same speaker, close by in the text."""
    if current.continues is previous:
        return True
    if current.speaker_name != previous.speaker_name or not current.speaker_name:
        return False
    if current.start - previous.end > MAX_CARRY_GAP:
        return False
    lemma = current.cue.lemma_.lower() if current.cue is not None else None
    return lemma is None or lemma in CONTINUING_LEMMAS


def carry_occasion(previous: StatementContext, current: StatementContext) -> None:
    """A venue, translator and date given once carry to the later parts of the same utterance,
    unless the later part names its own occasion (its own venue or its own time)."""
    if current.venue is not None or current.said_on is not None:
        return
    current.venue = previous.venue
    current.via_translator = current.via_translator or previous.via_translator
    current.addressee = current.addressee or previous.addressee
    current.said_on = previous.said_on
    current.time_text = previous.time_text


def add_context(doc: Doc) -> None:
    found: list[Found] = doc._.statements or []
    article_date = parse_day(doc._.article_date)
    published = parse_moment(doc._.published)
    previous: Found | None = None
    for f in found:
        ctx = statement_context(doc, f.cue_span, f.content, article_date, published)
        if previous is not None and f.kind != "reported_position" and same_utterance(previous, f, doc):
            carry_occasion(previous.context, ctx)
        f.context = ctx
        if f.kind != "reported_position":
            previous = f


@Language.component("onrecord_context")
def context_component(doc: Doc) -> Doc:
    add_context(doc)
    return doc


# --- records -------------------------------------------------------------------------------------


def article_registry() -> SpeakerRegistry:
    """A registry with the pinned identities only: a speaker's id then depends on the name alone,
    so it is the same in every run and every article (the corpus-wide registry of the
    ``speakers`` command merges what rules and fuzzy matching find on top of it)."""
    return copy.deepcopy(bundled_registry())


def to_statement(f: Found, doc: Doc) -> Statement:
    """A found statement as a record; offsets index ``doc.text``."""
    text = doc.text
    segs = sorted(f.content)
    quote = Quote(
        text=" ".join(text[s:e] for s, e in segs),
        start=segs[0][0],
        end=segs[-1][1],
        segments=[Segment(s, e) for s, e in segs],
    )
    cue = None
    if f.cue is not None and f.cue_span is not None:
        cs, ce = f.cue_span
        cue = Cue(text[cs:ce], cs, ce, f.cue.lemma_.lower(), f.cue_class)
    mention = Mention(f.mention.text, f.mention.start_char, f.mention.end_char) if f.mention is not None else None
    speaker = Speaker(
        name=f.speaker_name or "unknown",
        type=f.speaker_type if f.speaker_name else "unknown",  # type: ignore[arg-type]
        mention=mention,
        members=list(f.members),
    )
    statement = Statement(
        kind=f.kind,  # type: ignore[arg-type]
        quote=quote,
        cue=cue,
        speaker=speaker,
        negated=f.negated,
        hedged=f.hedged,
        time="before" if f.time == "before" else "now",
        issues=list(f.issues),
        stances={k: v.to_dict() for k, v in f.stances.items()},
    )
    if f.context is not None:
        f.context.apply_to(statement, parse_day(doc._.article_date))
    return statement


def stated_role(speaker: Speaker) -> str | None:
    """The title the mention puts before the name ("Ukraine's President Volodymyr Zelensky" →
    "Ukraine's President"), or None; honorifics (Mr, Dr) are not roles."""
    if speaker.mention is None or speaker.type != "person":
        return None
    title, bare = split_title(speaker.mention.text)
    if not title or not bare or bare.split()[-1] != speaker.name.split()[-1]:
        return None
    return None if title.lower().rstrip(".") in HONORIFICS else title


def role_in_article(name: str, roles: dict[str, str]) -> str | None:
    """The title the article gives this person elsewhere ("Ukrainian President Volodymyr
    Zelensky" in the lede), the last one stated."""
    surname = name.split()[-1] if name.split() else ""
    found = [title for title, person in roles.items() if person == name or person.split()[-1:] == [surname]]
    found = [t for t in found if t.lower().rstrip(".") not in HONORIFICS]
    return found[-1] if found else None


def identify_speakers(statements: list[Statement], doc: Doc) -> None:
    """``speaker.id`` for every named speaker, titles ("the Russian president") by the roles
    seen for names in this article."""
    registry = article_registry()
    mentions = [s.speaker.mention.text for s in statements if s.speaker.mention is not None]
    # a name with its title as the article writes it ("President of Ukraine Volodymyr Zelenskyy")
    mentions += [noun_phrase(e.root).text for e in doc.ents if e.label_ == "PERSON"
                 or (e.label_ == "ORG" and known_person(name_tokens(e).text))]
    roles = article_roles_from(mentions)
    date = doc._.article_date
    for s in statements:
        if s.speaker.name == "unknown" or s.speaker.type == "unknown":
            continue
        if s.speaker.members:
            s.speaker.id = None  # several people: each member is named, the group has no identity
            continue
        s.speaker.role = stated_role(s.speaker) or role_in_article(s.speaker.name, roles)
        ident = registry.identify(s.speaker, roles, date=date, role=s.speaker.role)
        if ident is None or s.speaker.type != "person" or not ident.id.startswith("person:"):
            continue
        title, bare = split_title(s.speaker.name)
        if bare is None:
            # a title alone ("the President said") names the person the article gave that title
            s.speaker.name = ident.canonical_name
        elif len(bare.split()) == 1 and ident.pinned:
            s.speaker.name = ident.canonical_name  # "Putin", never named in full here: Vladimir Putin


@Language.factory("onrecord_records", default_config={"keep_objects": False})
def make_records_component(nlp: Language, name: str, keep_objects: bool) -> Any:
    def records_component(doc: Doc) -> Doc:
        statements = [to_statement(f, doc) for f in doc._.statements or []]
        identify_speakers(statements, doc)
        doc._.records = [s.to_dict() for s in statements]  # plain data: msgpack carries it across processes
        if not keep_objects:
            # Tokens, spans and lexicon entries cannot be pickled: drop them once they are
            # written into records, so that docs travel between processes.
            doc._.statements = None
            doc._.quotes = None
            doc._.issue_hits = None
            for key in [k for k in doc.user_data if isinstance(k, tuple) and len(k) > 1 and k[1] == "cue"]:
                del doc.user_data[key]
        return doc

    return records_component
