"""The speaker of a cue: which token says it, as the parse shows it.

Each rule is one function:

* ``speaker_class``       — what a noun phrase's head can be as a speaker (``speaker_classes.py``);
* ``subject_of``          — the speaker token: the cue's own subject, else the one who controls
                            a participle, gerund or infinitive cue (``controller``; "with X
                            asking": ``absolutes.py``), else a document's issuer (``issuer_of``);
* ``subject_asides``      — for a parse that lost the subject link, a name set off from its verb
                            by a relative clause, a participle, a dash aside or a parenthesis
                            (``subject_asides.py``);
* ``first_conjunct_speaker`` — a cue conjoined to a cue, neither with a subject the parse kept,
                            takes the first one's speaker;
* ``nearest_noun_phrase`` — for a parse that lost the subject link, the nearest noun phrase that
                            can speak, outside what the cue reports (``nearest_speakers.py``);
* ``bound_mention``       — in a free relative or a participle's control, a pronoun bound by the
                            subject of a clause above it is named by that subject ("X condemned
                            what he called …").

The mention's words, from the token these rules find, are ``mentions.noun_phrase``'s.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from onrecord.extraction.absolutes import absolute_subject, depicted_subject
from onrecord.extraction.docindex import quotes_over
from onrecord.extraction.inverted_frames import inverted_subject
from onrecord.extraction.nearest_speakers import in_quotation, nearest_noun_phrase, same_paragraph
from onrecord.extraction.object_relatives import object_relative_subject
from onrecord.extraction.speaker_classes import CAN_SPEAK, SUBJECT_DEPS, can_speak, is_an_age, speaker_class
from onrecord.extraction.subject_asides import FINITE_TAGS, closed_aside, relative_aside_subject, set_off_subject

# what a non-finite cue hangs from when it is controlled by the clause above it
CLIMB_DEPS = {"advcl", "xcomp", "conj", "pcomp", "ccomp", "acomp", "oprd", "prep", "pobj", "dobj", "npadvmod", "advmod"}


# --- the subject ---------------------------------------------------------------------------


def own_subject(token: Token, cue: Token) -> Token | None:
    """The subject a token has itself: nsubj, the agent of a passive ("denounced by X"), and for
    a governing verb (not the cue) its passive subject too ("was criticised for saying").  A
    subject inside a quotation, or over a paragraph break, is not the subject of a cue outside it."""
    if token.i != cue.i and token.dep_ == "conj" and token.head.pos_ in {"VERB", "AUX"} \
            and not any(c.dep_ in SUBJECT_DEPS for c in token.children):
        # "was booed and shouted down by supporters after telling …": a governing verb joined to
        # another shares that verb's subject, which controls the adjunct before any agent of its own
        shared = own_subject(token.head, cue)
        if shared is not None and shared.dep_ != "pobj":
            return shared
    deps = {"nsubj", "csubj"} if token.i == cue.i else {"nsubj", "csubj", "nsubjpass"}
    if token.i == cue.i:
        deps = deps | {"compound"}  # '"…," Beck joked': a name the parse hung from the verb as a compound
    subjects = []
    for c in token.children:
        if c.dep_ in deps and not (in_quotation(c) and not in_quotation(cue)) and same_paragraph(c, cue):
            if c.dep_ != "compound" or (c.i == cue.i - 1 and c.pos_ == "PROPN"):
                subjects.append(c)
        if c.dep_ == "agent":
            subjects += [g for g in c.children if g.dep_ == "pobj"]
    subjects = [fronted_participle_speaker(s, token) or s for s in subjects]
    named = name_before_its_epithet(subjects)
    if named is not None:
        return named
    # two subjects ("The Latest: Trump urges …"): the one that can speak, the nearer on a tie
    subjects.sort(key=lambda s: (speaker_class(s) == "never", abs(token.i - s.i)))
    return subjects[0] if subjects else None


def name_before_its_epithet(subjects: list[Token]) -> Token | None:
    """Epithet rule: "Obama the realist knows …" is one subject the parse split in two, a name and
    the description right after it that says which side of him speaks: the name is the speaker."""
    for name in subjects:
        after = name.i + 1
        if name.ent_type_ == "PERSON" and after < len(name.doc) and name.doc[after].lower_ == "the" and any(
                other.left_edge.i == after for other in subjects if other is not name):
            return name
    return None


def fronted_participle_speaker(subject: Token, verb: Token) -> Token | None:
    """Fronted-participle rule: in "Commenting on the words of some leaders …, the Head of State
    stressed …" the parser may take the participle's clause for the subject and hang the speaker
    from its last noun; the speaker is the noun phrase that ends just before the verb, after the
    clause's comma, when it can speak."""
    if subject.dep_ != "csubj" or subject.tag_ != "VBG" or subject.i > verb.i:
        return None
    for t in subject.subtree:
        if t.dep_ == "appos" and t.right_edge.i == verb.i - 1 and can_speak(t) \
                and t.left_edge.i > 0 and t.doc[t.left_edge.i - 1].text == ",":
            return t
    return None


def issuer_of(noun: Token) -> Token | None:
    """Issuer rule: a document, post or event that "says" carries the words of whoever issued it,
    named in its own phrase: its possessor ("Trump's tweet"), or the object of "from"/"by" ("a
    statement from the ministry", "a video by the committee")."""
    for c in noun.children:
        if c.dep_ == "poss" and speaker_class(c) in CAN_SPEAK:
            return c
    for c in noun.children:
        if c.dep_ == "prep" and c.lower_ in {"from", "by", "of"}:
            for g in c.children:
                if g.dep_ == "pobj" and speaker_class(g) in CAN_SPEAK:
                    return g
    return None


def is_free_adjunct(participle: Token) -> bool:
    """A participle set off by a comma ("Putin praised Trump for a friendly approach, DESCRIBING
    the talks as constructive") is a free adjunct, which the clause's subject controls, not the
    object of the verb above (the parse hangs it from the noun before the comma); without the
    comma it may restrict that noun ("criticised the mayor for remarks describing …")."""
    return participle.tag_ == "VBG" and participle.i > 0 and participle.nbor(-1).text == ","


def next_in_a_row(verb: Token) -> bool:
    """Row rule: "The candidate has mocked a reporter, REFERRED to migrants as "rapists" and …":
    the parse may hang the next verb of a row, finite and with no subject, as a clause under the
    one before it; with nothing that subordinates it ("when", "because", "if") and after a comma,
    it is that verb's conjunct and shares its subject (not the object before it).  Only right
    after that verb's object: after "as Patti Davis, Reagan's daughter," the comma closes a name."""
    head = verb.head
    return (verb.dep_ == "advcl" and head.i < verb.i and head.pos_ in {"VERB", "AUX"}
            and verb.i > 1 and verb.doc[verb.i - 1].text == ","
            and any(c.dep_ == "dobj" and c.right_edge.i == verb.i - 2 for c in head.children)
            and not any(c.dep_ in SUBJECT_DEPS for c in verb.children) and not subordinated(verb))


def subordinated(clause: Token) -> bool:
    """A clause something subordinates: a conjunction ("when", "because", "if") or a wh-word."""
    return any(c.dep_ == "mark" or c.tag_ in {"WRB", "WDT", "WP"} for c in clause.children)


def object_controller(token: Token, head: Token) -> Token | None:
    """Object control: "urged Kyiv TO ACCEPT", "forced the chief executive TO ADMIT", "criticised
    the mayor FOR SAYING", "held Ortega in contempt FOR REFUSING", "quoted one of his advisers AS
    SAYING": the one who is to speak or who spoke is the object of the verb above, not its
    subject.  So is the object a participle follows with no comma between ("have left 62 percent
    of voters SAYING …", "a video shows the minister SAYING …"): with a comma it is a free
    adjunct, which the subject controls."""
    if token.dep_ == "advcl" and token.tag_ == "VBG" and not is_free_adjunct(token) and head.pos_ in {"VERB", "AUX"}:
        objects = [c for c in head.children if c.dep_ == "dobj" and c.right_edge.i == token.i - 1]
        if objects and can_speak(objects[0]):
            return objects[0]
    if token.dep_ == "xcomp" or (token.dep_ == "prep" and token.lower_ in {"for", "as"}):
        verb = head
        while verb.dep_ == "pobj" or (verb.dep_ == "prep" and verb.head.i != verb.i):
            verb = verb.head  # "held Ortega in contempt for …": "for" hangs from "contempt"
        if verb.pos_ in {"VERB", "AUX"}:
            objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < token.i]
            if objects and can_speak(objects[0]):
                return objects[0]
    return None


# participles that go on with the reporter's sentence about someone's words ("…, adding", "…,
# saying"): the one who speaks goes on speaking (``continued_speech``)
CONTINUING_SPEECH = frozenset({"add", "say", "note", "insist", "stress", "emphasize", "emphasise", "explain",
                               "argue", "continue", "state", "declare", "claim", "assert"})


def continued_speech(cue: Token) -> Token | None:
    """Continued-speech rule: "Trump told Newsmax that Mitt Romney “had a crazy policy,” adding,
    “He lost …”", "Trump argued that a database would keep people out, saying …": the parser
    hangs the participle from the reported clause's verb ("had", "keep"), whose subject (Romney,
    the database) only figures in the words; the one who adds or says more is the one whose
    words they were, the subject of the verb of saying above.  Only participles of saying
    ("citing" and the like may be what the reported clause's subject did: "the minister
    resigned, citing his health"), or any participle of a cue whose clause's subject cannot speak:
    "Cruz warned that the incident could foreshadow …, remarking that …" (the incident remarks
    nothing)."""
    if cue.dep_ != "advcl" or cue.tag_ != "VBG":
        return None
    clause = cue.head
    if cue.lemma_.lower() not in CONTINUING_SPEECH and not _subject_cannot_speak(clause):
        return None
    # the verb of saying before the participle: "…, CNN reported" after it frames the whole
    # sentence, participle included, as the reporter's source's, and the clause's subject speaks
    if clause.dep_ != "ccomp" or clause.i > cue.i or clause.head._.cue is None or clause.head.i > cue.i:
        return None
    if clause._.cue is not None and any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children):
        # an inverted frame the participle goes on from ("Grayson said Randolph …, the source
        # recalled, adding that …"): the frame's own subject adds, not the one it reports
        return None
    return own_subject(clause.head, cue)


def _subject_cannot_speak(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and speaker_class(subject) not in {*CAN_SPEAK, "carrier"}


# nouns that sum up a statement in apposition to it ("…, a claim Kyiv rejected")
SUMMING_NOUNS = frozenset({"claim", "charge", "assertion", "accusation", "allegation", "contention", "account",
                           "characterization", "characterisation", "version", "suggestion", "notion", "report"})


def after_a_relative_cue(cue: Token) -> Token | None:
    """Relative-cue rule: "Trump said the contest was rigged, a charge that Colorado Republican
    leaders denied, NOTING that they had used the system since 2004"; "…, a claim Kyiv rejected,
    SAYING …": the parse hangs the participle on the main verb, but it goes on from the relative
    clause that ends just before its comma, on a noun that sums up what was said, whose verb of
    saying has a subject of its own.  ("The minister praised the deal, which the opposition
    criticized, saying it would help farmers" is the minister's: the deal sums up nothing said.)"""
    if cue.dep_ != "advcl" or cue.tag_ != "VBG" or not is_free_adjunct(cue):
        return None
    before = cue.doc[cue.i - 2]
    clause = next((a for a in [before, *before.ancestors] if a.dep_ in {"relcl", "acl"}), None)
    if clause is None or clause.right_edge.i != before.i:
        return None
    subject = denier_of(clause)
    return subject if subject is not None and can_speak(subject) else None


def denier_of(clause: Token) -> Token | None:
    """Who says a relative clause on a noun that sums up a statement ("a claim KYIV rejected",
    "a charge that PARTY LEADERS denied"): the clause's own subject, not its relative pronoun;
    None for any other clause."""
    if clause.dep_ not in {"relcl", "acl"} or clause._.cue is None or clause.head.lemma_.lower() not in SUMMING_NOUNS:
        return None
    return next((c for c in clause.children if c.dep_ == "nsubj" and c.tag_ not in {"WDT", "WP"}), None)


def parallel_participle(cue: Token) -> Token | None:
    """Parallel-participle rule: "Rubio pushed back, saying that the bill had the components but was
    waylaid by mistrust – and arguing that he and Cruz shared …": the parser joins the second
    participle to the last verb of what the first one reports ("waylaid"); its form, a participle
    like the first and unlike the verb it hangs on, shows it is the reporter's second predicate.
    The first participle of saying it goes on from, or None."""
    if cue.tag_ != "VBG" or cue.dep_ != "conj" or cue.head.tag_ == "VBG":
        return None
    node = cue.head
    while node.dep_ in {"conj", "ccomp"} and node.head.i != node.i:
        node = node.head
        if node.tag_ == "VBG" and node._.cue is not None and node.i < cue.i:
            return node
    return None


def controller(cue: Token) -> Token | None:
    """The speaker of a cue with no subject of its own, read up the parse (rules 2–4 of
    ``subject_of``): each step goes from a word to the one it hangs from until a word has a
    subject, an object that controls it, or a possessor that does."""
    # "a charge that the leaders denied, noting …"; "…, saying"; "with Maddow asking …"
    speaker = after_a_relative_cue(cue) or continued_speech(cue) or absolute_subject(cue, can_speak) \
        or depicted_subject(cue, speaker_class)
    if speaker is not None:
        return speaker
    outer = parallel_participle(cue)
    if outer is not None:
        # "…, saying that the bill … was waylaid – and arguing that …"; "with Trump tweeting that … and asking"
        return own_subject(outer, outer) or controller(outer)
    token = cue
    free_adjunct = False
    for _ in range(10):
        if token.i != cue.i:
            # '"…," said Skelly, explaining …': the verb above may be an inverted frame
            subject = own_subject(token, cue) or inverted_subject(token) \
                or (set_off_subject(token) if token.pos_ in {"VERB", "AUX"} else None)
            if subject is not None and not reported_thing(token, subject, cue) and not closed_aside(token, cue):
                return subject
        if token.dep_ in {"relcl", "acl"} and (token.head.pos_ in {"NOUN", "PROPN", "PRON", "NUM"}
                                               or is_an_age(token.head)):  # '"…?" the 43-year-old asked'
            noun = token.head
            named = object_relative_subject(noun, cue)  # "Bannon, who Beck called …": Beck
            if named is not None:
                return named
            sender = addressed_by(noun, token, cue)
            if sender is not None:
                return sender
            if can_speak(noun) or speaker_class(noun) in {"place"}:
                return noun  # "Zelensky, who said …", "officials saying …"
            issuer = issuer_of(noun)
            if issuer is not None:
                return issuer
            free_adjunct = free_adjunct or is_free_adjunct(token)
            token = noun  # "X released a statement saying …": the statement's issuer is X
            continue
        if token.pos_ in {"NOUN", "PROPN", "PRON"} and token.i != cue.i:
            possessor = next((c for c in token.children if c.dep_ == "poss"), None)
            if possessor is not None and can_speak(possessor):
                return possessor  # "his campaign theme of questioning …"
            if token.dep_ not in {"pobj", "dobj", "npadvmod", "oprd", "conj", "appos"}:
                return token if speaker_class(token) == "carrier" else None
        if token.i == cue.i and token.tag_ in FINITE_TAGS and token.dep_ not in {"conj", "relcl", "acl"}:
            if next_in_a_row(token):
                return own_subject(token.head, cue)  # "has mocked a reporter, referred to … as …"
            first = subordinated_first_verb(token) if token.dep_ == "ROOT" else None
            # a finite verb has a subject of its own: the parse lost it, or gave it to the first verb
            return own_subject(first, cue) if first is not None else None
        if token.dep_ in CLIMB_DEPS and token.head.i != token.i:
            controlling = None if free_adjunct else object_controller(token, token.head)
            if controlling is not None:
                return controlling
            token = token.head
            continue
        if token.dep_ == "ROOT" and token.tag_ in {"VBG", "VBN"}:
            # "…," X said, not even needing to mention …; "X stated that … Adding, “…”"
            return side_clause_subject(token, cue) or fragment_continuation(token, cue)
        if token.dep_ == "ROOT" and token.i != cue.i and token.tag_ in FINITE_TAGS:
            first = subordinated_first_verb(token)
            if first is not None:
                return own_subject(first, cue)
        # a document or broadcast that carries the words ("a statement saying …"); a verb is none,
        # even one the tagger took for a noun ("officials were on the Sunday [shows] discussing …")
        return token if token.i != cue.i and token.pos_ not in {"VERB", "AUX"} \
            and speaker_class(token) == "carrier" else None
    return None


# the words that open an adjunct of time or means ("before claiming", "after saying", "by
# insisting"), which may belong to the reporting clause rather than to the reported one
ADJUNCT_WORDS = {"before", "after", "while", "without", "since", "upon", "by"}


def reported_thing(clause: Token, subject: Token, cue: Token) -> bool:
    """Attachment rule: in 'Trump said the deadlock has "kept us safe" before claiming that …' the
    parse hangs the adjunct on the reported clause, whose subject is a thing that claims nothing;
    the adjunct is the reporting clause's, and the climb goes on to its cue's subject.  Only an
    adjunct of time or means: a gerund the reported words compare or weigh ("more important than
    defending the nation", "a vote on whether to endorse") is no act of the reporter's."""
    if clause.dep_ != "ccomp" or clause.head._.cue is None \
            or speaker_class(subject) not in {"never", "unknown", "carrier"}:
        return False  # a place speaks as its state
    link = next((c for c in clause.children if c.left_edge.i <= cue.i <= c.right_edge.i), None)
    return link is not None and ((link.dep_ == "prep" and link.lower_ in ADJUNCT_WORDS) or (
        link.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ADJUNCT_WORDS for m in link.children)))


def subordinated_first_verb(root: Token) -> Token | None:
    """First-verb rule: "Trump summed up Clinton as "terrible," denounced her record and said …":
    the parser may make the first of a row of verbs a clause under the second, which is left with
    no subject; a finite clause before the root with nothing that subordinates it (no "when",
    "because", "if") is the row's first verb, and its subject is the subject of the rest."""
    if any(c.dep_ in SUBJECT_DEPS for c in root.children):
        return None
    for c in root.children:
        if c.dep_ == "advcl" and c.i < root.i and c.tag_ in {"VBD", "VBZ", "VBP"} and not subordinated(c):
            return c
        if c.dep_ == "ccomp" and c.i < root.i and not subordinated(c) and any(
                g.lower_ == "and" and g.i > c.i and (g.head.i == c.i or g.nbor(1).text == ",") for g in c.subtree):
            return c  # "Cranston stood at his pulpit and, citing …, endorsed Cruz": "and" joins the two
    return None


def side_clause_subject(root: Token, cue: Token) -> Token | None:
    """A participle the parse made the root ("…," X said, not even needing to mention …) is
    controlled by the clause it was joined to: the subject of a verb hanging from it as a
    parataxis or conjunct."""
    for c in root.children:
        if c.dep_ in {"parataxis", "conj"} and c.pos_ in {"VERB", "AUX"}:
            subject = own_subject(c, cue)
            if subject is not None:
                return subject
    return None


# verbs whose object is whom the words go to: "emailed supporters saying …"
ADDRESSING_VERBS = frozenset({"email", "e-mail", "text", "message", "tell", "write", "brief", "address", "thank"})


def addressed_by(noun: Token, participle: Token, cue: Token) -> Token | None:
    """Addressee rule: "The Vermont senator emailed supporters saying: “The struggle continues”":
    the participle hangs on the object of a verb of addressing, but the words are the sender's,
    not the addressees' (the ``"officials saying …"`` reading of a participle after a noun holds
    for a noun that is not whom someone addressed)."""
    if participle.i != cue.i or participle.tag_ != "VBG" or cue.lemma_.lower() not in CONTINUING_SPEECH:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "to" else noun.head
    if noun.dep_ not in {"dobj", "dative", "pobj"} or verb.lemma_.lower() not in ADDRESSING_VERBS:
        return None
    return own_subject(verb, cue)


def fragment_continuation(root: Token, cue: Token) -> Token | None:
    """Fragment rule: "Maher stated that the report “wasn’t good.” Adding, “Now, …”": a
    participle of saying that opens a sentence of its own, with no clause to hang from, goes on
    from the sentence before it; the subject of that sentence's main verb is the speaker (only
    in the same paragraph, and only a subject that can speak)."""
    if root.i != cue.i or cue.lemma_.lower() not in CONTINUING_SPEECH:
        return None
    sent = cue.sent
    if any(not t.is_punct for t in cue.doc[sent.start : cue.i]) or sent.start == 0:
        return None
    before = cue.doc[sent.start - 1].sent
    subject = next((c for c in before.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or not same_paragraph(subject, cue) or in_quotation(subject):
        return None
    return subject if speaker_class(subject) in CAN_SPEAK else None


def subject_of(cue: Token) -> Token | None:
    """The speaker token of a cue.  Rules, in order:
    1. its own subject (nsubj, inverted or not; the agent of a passive);
    2. a participle, gerund or infinitive cue is controlled by the clause above it: "…, saying …",
       "vowed to say", "after saying …", "stopped short of calling …" take the subject of the
       verb above; "urged X to say", "criticised X for saying" its object; a conjoined cue ("said
       … and added …") the subject of its first conjunct;
    3. a cue in a relative clause or a participle after a noun ("Zelensky, who said …",
       "officials saying …") takes that noun when it can speak; a document or an event that
       "says" takes its issuer ("Trump's tweet mocking …", "X released a statement saying …");
    4. failing all that (a parse that lost the link), a name set off from the cue by an aside
       (``subject_asides``), else the nearest noun phrase that can speak.
    A subject that can never speak (a time, an abstract noun) is no speaker: None."""
    passive = any(c.dep_ == "nsubjpass" for c in cue.children) or reduced_passive(cue)
    subject = own_subject(cue, cue) or inverted_subject(cue)
    if subject is not None and any(c.tag_ in {"WP", "WRB"} and c.i < cue.i for c in cue.children):
        subject = bound_mention(subject)  # "X condemned what he called …"
    if subject is None and not passive:
        subject = controller(cue)
        if subject is not None:
            subject = bound_mention(subject)  # "X said he did not believe …, arguing …"
    if (subject is None or speaker_class(subject) == "never") and not passive:
        # '"…," X, wearing a hat, said': the frame after a quotation; "The Latest: Trump urges …":
        # a headline word is no subject
        subject = first_conjunct_speaker(cue) or quote_frame_subject(cue) or appended_speaker(cue) \
            or relative_aside_subject(cue) or set_off_subject(cue) or nearest_noun_phrase(cue)
    if subject is None or speaker_class(subject) == "never" or is_a_clause(subject):
        return None
    return subject


def first_conjunct_speaker(cue: Token) -> Token | None:
    """Conjunct rule: a cue conjoined to a cue before it, neither with a subject the parse kept
    ("At a campaign event in Ohio, Brenda Johnson also railed against immigrants, and explained
    how …": "Johnson" hung on "in"), says what the first cue's speaker says: the second takes the
    speaker found for the first, not the noun phrase nearest to it, the first verb's object."""
    head = cue.head
    if cue.dep_ != "conj" or head.i >= cue.i or head._.cue is None:
        return None
    return subject_of(head)


def reduced_passive(cue: Token) -> bool:
    """Reduced-passive rule: a past participle after a noun, with what a passive takes after it
    (an agent, an infinitive, "of"/"with"/"as": "an American contractor accused of spying",
    "states expected to be pivotal") and no object of its own, is passive: the noun is acted on,
    and who acted is unsaid.  The tagger also reads a finite verb after a noun so ('"…?" the
    43-year-old asked in the video', "Mitt Romney, the 2012 nominee, tweeted in response: …"):
    that one takes neither, or follows a name."""
    if cue.tag_ != "VBN" or cue.dep_ != "acl" or cue.head.pos_ == "PROPN" \
            or any(c.dep_ in {"dobj", "dative", "ccomp", "oprd"} for c in cue.children):
        return False
    return any(c.dep_ in {"agent", "xcomp"} or (c.dep_ == "prep" and c.lower_ in {"of", "with", "as"})
               for c in cue.children)


def is_a_clause(subject: Token) -> bool:
    """A verb with a reported clause of its own parsed as the subject ("[some note that Trump — …]
    has proposed little"): a clause, no speaker.  (A participle over a name, "[Tom Hale, smiling,]
    acknowledged", is the name's: ``subject_asides``.)"""
    return subject.pos_ in {"VERB", "AUX"} and any(c.dep_ == "ccomp" for c in subject.children)


# "he" and "she" are one person: never "the crowd" ("the crowd booed when he told them …")
BOUND_PRONOUNS = {"he": {"person"}, "she": {"person"}, "it": {"organization"}, "they": {"group", "organization"}}
# and "he", "she" and "it" are one: never "advocates" ("Advocates cite his record when he said …")
PLURAL_NOUN_TAGS = {"NNS", "NNPS"}


def bound_mention(subject: Token) -> Token:
    """Mention rule: the he/she/it/they subject of a free relative ("Ban Ki-moon condemned what
    he called …") or the pronoun that controls a participle ("Perdue said he did not believe …,
    arguing …") refers to the subject, before it, of a clause above it in its sentence when that
    subject agrees; the mention is the name, not the pronoun.  A pronoun that is the subject of its
    own cue otherwise stays, for the pronoun rules."""
    allowed = BOUND_PRONOUNS.get(subject.lower_)
    if allowed is None:
        return subject
    node = subject.head
    while node.head.i != node.i:
        node = node.head
        for c in node.children:
            if (c.dep_ in {"nsubj", "nsubjpass"} and c.i < subject.i and c.pos_ != "PRON"
                    and speaker_class(c) in allowed and not in_quotation(c)
                    and (subject.lower_ == "they" or c.tag_ not in PLURAL_NOUN_TAGS)):
                return c
    return subject


def quote_frame_subject(cue: Token) -> Token | None:
    """The frame after a quotation ('"…," Texas delegate Bill Eastland, wearing a cowboy hat,
    said'): when the parse hung the speaker from the quotation, the first name or noun that can
    speak right after the closing quotation mark, in the cue's frame, is the speaker."""
    doc = cue.doc
    i = cue.i - 1
    while True:
        while i >= 0 and not in_quotation(doc[i]):
            if doc[i]._.cue is not None or "\n" in doc[i].text or doc[i].text in {".", "!", "?"}:
                return None
            i -= 1
        before = _before_inner_quotation(doc, i)
        if before is None:
            break
        i = before  # 'wearing a cowboy hat and "Ted Cruz" pins': words inside the frame
    if i < 0 or i == cue.i - 1:
        return None
    for t in doc[i + 1 : cue.i]:
        if in_quotation(t):
            continue
        if t.pos_ in {"NOUN", "PROPN"} and not t.is_punct:
            head = t
            while head.dep_ in {"compound", "flat"} and head.head.i < cue.i and head.head.i > t.i:
                head = head.head
            return head if can_speak(head) or speaker_class(head) == "unknown" and head.pos_ == "PROPN" else None
    return None


# the most words a quotation inside a frame may have: a name, a title or a slogan ("Ted Cruz" pins)
INNER_QUOTATION_WORDS = 6


def _before_inner_quotation(doc: Doc, i: int) -> int | None:
    """When token ``i`` ends a short quotation that a word outside quotation marks (not
    punctuation) opens onto — a quoted name inside a frame, 'and "Ted Cruz" campaign pins' — the
    token before that quotation, else None (the quotation is what was said)."""
    if i < 0:
        return None
    quotation = next(iter(quotes_over(doc, doc._.quotes or [], doc[i].idx, doc[i].idx + 1)), None)
    if quotation is None:
        return None
    first = i
    while first > 0 and doc[first - 1].idx >= quotation.start:
        first -= 1
    if i - first + 1 > INNER_QUOTATION_WORDS + 2 or first == 0:
        return None
    opener = doc[first - 1]
    if opener.is_punct or in_quotation(opener) or not same_paragraph(opener, doc[i]):
        return None
    return first - 1


def appended_speaker(cue: Token) -> Token | None:
    """Appended-speaker rule: "Two emails have been placed in secure storage, Patrick F. Kennedy,
    the undersecretary for management, wrote in a memo to …": the parse hangs the name, set off by
    commas right before the cue, on the reported clause's last noun as its apposition, and the cue
    is left with no subject.  The apposition that ends just before the cue's comma, climbed to the
    first one of its chain, is the speaker when it names a person."""
    doc = cue.doc
    i = cue.i - 1
    if i < 1 or doc[i].text != "," or not any(c.dep_ in {"ccomp", "parataxis"} and c.i < cue.i for c in cue.children):
        return None
    node = doc[i - 1]
    while node.dep_ != "appos" and node.head.i < node.i:
        node = node.head  # from the phrase's last word up to the apposition it ends
    while node.dep_ == "appos" and node.head.dep_ == "appos":
        node = node.head  # "Kennedy, the undersecretary": the name, first in the chain
    if node.dep_ != "appos" or node.right_edge.i != i - 1:
        return None
    left = node.left_edge.i
    if left < 1 or doc[left - 1].text != "," or node.ent_type_ != "PERSON" or not same_paragraph(node, cue):
        return None
    return node


