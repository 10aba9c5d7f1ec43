"""Groups of the people an article names: "the two presidents", "both leaders", "the presidents".

A readout of a meeting or a call ("The two presidents discussed …", "The leaders agreed …") speaks
of its principals as a group before or after naming them; the group's words are theirs, so the
statement's speakers are those people, each named (``Resolved.members``), not a "presidents"
identity that would gather every article's presidents into one.  A rule of ``extraction.roles``.

* ``named_principals`` — the people a plural title names: the ones the article gives a title that
  fits it (in its text or headline, else the office a pinned identity holds on the article's
  date); "the two …"/"both …" must find exactly that many, else the article's people when it names
  exactly that many; without a count, two (a bilateral meeting or call); a described group ("the
  European leaders", "the presidents of the five states") is not this one.  "The
  interlocutors", and in the readout of a meeting (its headline says so) "the parties" and "both
  sides", are its two titled people, or the two the sentence before has meet (``met_before``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.docindex import doc_text, entities, entity_at, in_quotes, index_of_sentence, once, sentences
from onrecord.extraction.named import plural, singular
from onrecord.extraction.role_context import Context, Resolved, main_subject
from onrecord.identity.names import parse_person
from onrecord.identity.titles import office_head, strip_determiner, title_fits

COUNTS = {"two": 2, "three": 3, "four": 4, "both": 2}
GROUP_WORDS = {"the", "both", "these", "two", "three", "four"}
# heads of state or government: "the leaders" are the people the article gives any of these offices
LEADER_NOUNS = {"leader", "head"}
# the sides of a meeting: "the interlocutors", and in a readout of a meeting "the parties", "both sides"
PARTY_NOUNS = {"interlocutor", "party", "side"}
MEETING_WORDS = {"meeting", "meet", "met", "talks", "conversation", "call", "visit", "summit", "negotiations"}
LEADER_OFFICES = {"president", "prime minister", "chancellor", "premier", "king", "queen", "leader",
                  "secretary general", "secretary-general", "emir", "crown prince", "sultan", "pope"}


def named_principals(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Principals rule: "the two presidents", "both leaders", "the presidents" — the people of the
    article whose titles fit the noun (as many as its count, else two: a bilateral meeting).  An
    anaphoric plural refers to entities the text evokes (Webber, *A Formal Approach to Discourse
    Anaphora*, 1978): in a readout those are its principals, named before or after."""
    head = mention.root
    if type not in {"person", "group", "unknown"} or not plural(head):
        return None
    before = [t for t in mention if t.i < head.i]
    if not before or any(t.lower_ not in GROUP_WORDS for t in before) or len(mention) != len(before) + 1:
        return None  # "the European leaders", "the presidents of the five states": described, not the principals
    noun = singular(head.lower_)
    meeting = noun in PARTY_NOUNS and (noun == "interlocutor" or _reports_a_meeting(ctx))
    if noun not in LEADER_NOUNS and office_head(noun) is None and not meeting:
        return None
    # a readout's principals, without a count: two (a bilateral meeting or call); a wider
    # gathering's "the leaders" may be any of its many, and stays a group
    count = next((COUNTS[t.lower_] for t in before if t.lower_ in COUNTS), 2)
    people = _one_per_person(list(ctx.names.people))
    if meeting:
        fitting = [p for p in people if ctx.names.people[p].titles or ctx.registry.pinned_person(p) is not None]
    else:
        fitting = [p for p in people if _holds(p, noun, ctx)]
    if len(fitting) != count:
        fitting = (met_before(mention, people, ctx) if count == 2 and meeting else None) \
            or coordinated_before(mention, people, count, ctx) \
            or (named_together_before(mention, fitting, count, ctx) if not meeting else None) \
            or (people if len(people) == count else [])
    if len(fitting) < 2:
        parties = parties_met_before(mention, ctx) if meeting and count == 2 else None
        return Resolved(" and ".join(parties), "group", tuple(parties)) if parties else None
    ordered = sorted(fitting, key=lambda p: min(ctx.names.people[p].starts, default=0))
    return Resolved(" and ".join(ordered), "group", tuple(ordered))


# how far before a group noun the named people it takes up may be joined ("Donald Trump and Vladimir
# Putin struck an optimistic tone … [one sentence] … The two leaders met"): about two sentences
COORDINATION_REACH = 400
JOINERS = {"and", ",", ", and", "&"}


def coordinated_before(mention: Span, people: list[str], count: int, ctx: Context) -> list[str] | None:
    """Coordination rule: where the article's titles do not single out the group, "the two
    leaders" takes up the people the text has just joined ("Donald Trump and Vladimir Putin struck
    an optimistic tone …  The two leaders met for three hours"): the last run of as many named
    people, one after another with only "and" or a comma between them, ending shortly before it
    (a conjoined noun phrase evokes the set a plural refers back to; Webber 1978)."""
    doc, text = ctx.doc, doc_text(ctx.doc)
    ends = once(doc, "person entity ends",
                lambda: {e.start_char: e.end_char for e in entities(doc) if e.label_ == "PERSON"})
    spots = sorted((start, person) for person in people for start in ctx.names.people[person].starts
                   if start in ends and mention.start_char - COORDINATION_REACH <= start < mention.start_char)
    runs: list[list[tuple[int, str]]] = []
    for start, person in spots:
        last = runs[-1][-1] if runs else None
        if last is not None and text[ends[last[0]] : start].strip() in JOINERS:
            runs[-1].append((start, person))
        else:
            runs.append([(start, person)])
    for run in reversed(runs):
        named = list(dict.fromkeys(person for _, person in run))
        if len(run) > 1:
            return named if len(named) == count else None
    return None


# sentences before "the parties" within which a readout says who met whom
MEETING_REACH = 2
# the bodies that meet as sides: states, organisations, peoples
SIDE_LABELS = {"GPE", "ORG", "NORP"}
# those who meet for them: "representatives of the United States and Ukraine met"
DELEGATE_NOUNS = {"representative", "delegation", "delegate", "official", "negotiator", "envoy", "team"}


def parties_met_before(mention: Span, ctx: Context) -> list[str] | None:
    """Sides rule: a joint statement's "Both sides agreed …" after "representatives of the United
    States and Ukraine met in Geneva" are those two, when no two people are its principals: the
    two states or bodies the subject of a meeting verb joins (or whose representatives it names)
    in the sentences just before."""
    doc = ctx.doc
    k = index_of_sentence(doc, mention.start)
    for sentence in reversed(sentences(doc)[max(0, k - MEETING_REACH) : k]):
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in MEETING_WORDS:
                continue
            for subject in (c for c in verb.children if c.dep_ == "nsubj"):
                if singular(subject.lower_) in DELEGATE_NOUNS:
                    subject = next((o for p in subject.children if p.dep_ == "prep" and p.lower_ == "of"
                                    for o in p.children if o.dep_ == "pobj"), subject)
                sides = [subject, *(c for c in subject.children if c.dep_ == "conj")]
                names = [entity_at(doc, t.i) for t in sides]
                if len(sides) == 2 and all(e is not None and e.label_ in SIDE_LABELS for e in names):
                    return [strip_determiner(e.text) for e in names]  # type: ignore[union-attr]
    return None


def met_before(mention: Span, people: list[str], ctx: Context) -> list[str] | None:
    """Meeting rule: "During the conversation with President of the European Commission Ursula von
    der Leyen, Volodymyr Zelenskyy informed her … The parties reaffirmed …": the parties are the
    two the sentence just before has meet, the subject of its clause and the person "with" a
    meeting word names (a readout of several meetings names its principals meeting by meeting)."""
    doc = ctx.doc
    at = _named_at(people, ctx)

    def person_of(token: Token | None) -> str | None:
        ent = entity_at(doc, token.i) if token is not None else None
        return at.get(ent.start_char) if ent is not None and ent.label_ == "PERSON" else None

    k = index_of_sentence(doc, mention.start)
    for sentence in reversed(sentences(doc)[max(0, k - MEETING_REACH) : k]):
        host = person_of(main_subject(sentence))
        for t in sentence:
            if t.lower_ != "with" or t.head.lemma_.lower() not in MEETING_WORDS:
                continue
            guest = next((g for g in map(person_of, t.subtree) if g is not None), None)
            if host is not None and guest is not None and host != guest:
                return [host, guest]
    return None


# sentences before "the Presidents" within which a readout names them together; the group may go
# on as the subject of the sentences between ("The Presidents noted … The Presidents instructed …")
GROUP_REACH = 6


def named_together_before(mention: Span, fitting: list[str], count: int, ctx: Context) -> list[str] | None:
    """Principals rule, in the text: "President Trump also asked President Zelenskyy about the
    children … The Presidents noted …" beside a third president the readout names elsewhere: the
    group is the people its noun fits whom the nearest narrated sentence before it naming any of
    them names together, when they are as many as the group; a sentence naming more ends the walk."""
    doc = ctx.doc
    at = _named_at(fitting, ctx)
    k = index_of_sentence(doc, mention.start)
    for sentence in reversed(sentences(doc)[max(0, k - GROUP_REACH) : k]):
        named = list(dict.fromkeys(person for start, person in at.items()
                                   if sentence.start_char <= start < sentence.end_char and not in_quotes(doc, start)))
        if len(named) == count:
            return named
        if len(named) > count:
            return None
    return None


def _named_at(people: list[str], ctx: Context) -> dict[int, str]:
    """Where the article names each of ``people`` (its entities' offsets), by any form of the name it
    uses ("President Trump" for Donald J. Trump, "Ursula" cut from "Ursula von der Leyen"): the
    one of them with that surname or whose words hold the form's."""
    at: dict[int, str] = {}
    split = [(p, p.split()) for p in people]
    for name, person in ctx.names.people.items():
        words = name.split()
        last, held = words[-1:], set(words)
        same = [p for p, pw in split if pw[-1:] == last or held <= set(pw)]
        if same:
            fullest = max(same, key=lambda p: len(p.split()))
            at.update({start: fullest for start in person.starts})
    return at


def _one_per_person(names: list[str]) -> list[str]:
    """The article's people, one name each, the fullest ("Biden" and "Joseph Biden", "Zelensky"
    and "Zelenskyy" are one person; principals of one meeting do not share a surname)."""
    seen: dict[object, str] = {}
    for name in sorted(names, key=lambda n: -len(n.split())):
        parsed = parse_person(name)
        seen.setdefault(parsed.surname if parsed is not None else name, name)
    return [n for n in names if n in seen.values()]


def _reports_a_meeting(ctx: Context) -> bool:
    """A readout: the headline tells of a meeting, a call, talks or a visit ("President of Ukraine
    met with the Minister of Foreign Affairs of Germany")."""
    headline = (ctx.doc._.headline or "").lower()
    return any(w in MEETING_WORDS or w.removesuffix("s") in MEETING_WORDS  # "held a number of meetings"
               for w in headline.replace("-", " ").split())


def _holds(person: str, noun: str, ctx: Context) -> bool:
    """Whether the article (or, failing it, a pinned identity's dated office) gives the person a
    title the noun fits: "president" fits "US President"; "leader" any head of state or
    government."""
    titles = [t.text for t in ctx.names.people[person].titles]
    pinned = ctx.registry.pinned_person(person)
    date = ctx.doc._.article_date
    if pinned is not None:
        titles += [role for role, since in pinned.roles if since is None or date is None or since <= date]
    if noun in LEADER_NOUNS:
        return any(title_fits(office, t) for t in titles for office in LEADER_OFFICES)
    return any(title_fits(noun, t) for t in titles)


# "the former" is the first of the pair, "the latter" the second
PAIR_PLACES = {"former": 0, "latter": 1}


def former_or_latter(mention: Span, name: str, type: str, ctx: Context) -> Resolved | None:
    """Pair rule: "Macron and Starmer spoke after the meeting. The former said …; the latter
    warned …": "the former" and "the latter" are the first and the second of the two people the
    sentence before names (or the mention's own sentence before it, "Macron met Starmer, and the
    latter said"), by where the text names them; with more or fewer than two, no one."""
    words = [t.lower_ for t in mention]
    if len(words) != 2 or words[0] != "the" or words[1] not in PAIR_PLACES:
        return None
    doc = ctx.doc
    k = index_of_sentence(doc, mention.start)
    first = sentences(doc)[k - 1].start_char if k > 0 else 0
    named = sorted((min(s for s in person.starts if first <= s < mention.start_char), person.name)
                   for person in ctx.names.people.values()
                   if any(first <= s < mention.start_char for s in person.starts))
    if len(named) != 2:
        return None
    return Resolved(named[PAIR_PLACES[words[1]]][1], "person")

