"""Cue senses: is a cue word used in its sense of saying here?

The lemma is not enough.  "called" names ("a virus called mpox"), telephones ("called President
Putin") or convenes ("called an election") as often as it reports ("called the plan a disgrace",
"called for talks"); "found" can be a verdict, "showed" a face, "citing" a source.  Each rule
below is one function that answers True when the token is used in a sense other than saying; the
cue marker (``cues.mark_cues``) then leaves the token unmarked.  Their vocabulary is data
(``lexicons/data/cue_senses.tsv``, loaded by ``lexicons.cues.load_cue_senses``):

* ``names_something``        — naming: a participle that names ("a place called X"), an agentless
                               passive ("that is what they are called");
* ``acts_on_lone_object``    — "call" with a lone object and nothing said of it: telephoning,
                               convening, summoning ("called Putin", "called a meeting");
* ``is_verdict``             — "find" as a court's verdict or ruling ("found him guilty");
* ``displays``               — "show" of a face or conduct ("showed little emotion");
* ``phrasal_verb``           — "showed off the tanks", "showed up late": another verb;
* ``appoints``               — "voted to confirm the nominees": an appointment, not a statement;
* ``feeling_without_content``— "expressed disappointment": a feeling, nothing said about what;
* ``controlled_by_object``   — an infinitive someone else asks for, orders or allows ("urged
                               employees to report", "requires candidates to disclose"), unless
                               the verb makes it happen ("forced him to admit");
* ``infinitive_of_no_one``   — an infinitive under a noun or an adjective of possibility ("a way
                               to report", "is free to disclose", "It is pertinent to note");
* ``relays_a_source``        — "citing a White House official", "echoing Mr. Putin": the object
                               is where the words came from, not what was said;
* ``forecast_passive``       — "talks are expected to resume": the reporter's forecast;
* ``military_attack``        — "would attack the city": an act of war, not words;
* ``set_phrase_aside``       — "to say nothing of the villages": the writer's set phrase;
* ``asked_of_the_addressee`` — "Could you tell us whether …?": a question asks the one addressed to speak;
* ``obliged``                — "Russia must publicly declare that …": what someone is to say, not said;
* ``hypothetical``           — "if Europe supports any pro-Russian concepts, …": a saying under a
                               condition is supposed, not reported;
* ``common_saying``          — "as people say, they flaked out on us": an idiom of the one speaking;
* ``connective``             — "That said, I think …", "Having said that, …": a connective, not a report;
* ``withholds``              — "denied him entry", "deny independents the right to vote": two
                               objects, something kept from someone, no claim denied;
* ``binds_an_object``        — "Article V, committing members to defend each other": "commit" with an
                               object binds it (or sends it: "committed troops"); the vow is
                               "committed to …" or "committed itself to …".
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from onrecord.extraction.docindex import doc_text
from onrecord.lexicons.cues import CueSense

PREDICATE_DEPS = {"oprd", "ccomp", "acomp", "attr"}
COMPLEMENT_DEPS = {"oprd", "ccomp", "xcomp", "acomp", "attr", "prep"}
CONTENT_DEPS = {"prep", "acl", "relcl", "ccomp", "xcomp"}
REFLEXIVES = {"itself", "themselves", "himself", "herself", "myself", "ourselves", "yourself", "yourselves"}
SOURCE_ENTITIES = {"PERSON", "ORG", "NORP"}
PLACE_ENTITIES = {"GPE", "LOC", "FAC"}
EXPLETIVES = {"it"}
NOT_NOUN_HEADS = {"first", "last", "only", "one"}  # "the first to call for talks" did speak
SPEECH_PREPS = {"for", "on", "upon"}  # "called for", "called on": the speech senses of "call"
NAME_DEPS = {"oprd", "dobj", "attr", "ccomp", "xcomp", "acomp"}
QUOTE_MARKS = set("\"“”‘’'«»")
WH_TAGS = {"WDT", "WP", "WP$", "WRB"}  # question words: "why", "what", "which", "how"
ABOUT_PREPS = {"about", "over", "at", "with", "for", "regarding", "toward", "towards", "to"}


# --- small tests on the parse ----------------------------------------------------------------


def has_agent(token: Token) -> bool:
    return any(c.dep_ == "agent" for c in token.children)


def is_passive(token: Token) -> bool:
    """A passive: a passive subject, or a passive auxiliary with no active subject ("who's
    called for" is "who has called for", whatever the parser made of the 's)."""
    children = list(token.children)
    if any(c.dep_ == "nsubjpass" for c in children):
        return True
    return any(c.dep_ == "auxpass" for c in children) and not any(c.dep_ == "nsubj" for c in children)


def is_infinitive(token: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" and c.i < token.i for c in token.children)


def objects_of(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in {"dobj", "dative"}]


def lemma(token: Token) -> str:
    return token.lemma_.lower()


# --- the rules -------------------------------------------------------------------------------


def names_something(token: Token, sense: CueSense) -> bool:
    """Naming rule: a participle that modifies a noun ("a virus called mpox", "a group calling
    itself X", "so-called") or a passive with no agent ("that is what they are called", "it
    cannot be called insurmountable") names or labels something; nobody is reported saying it.
    With an agent ("was called a liar by X") someone did."""
    if lemma(token) not in sense.lemmas or has_agent(token):
        return False
    if any(c.dep_ == "prep" and c.lower_ in SPEECH_PREPS for c in token.children):
        return False  # "who's called for tax hikes", "was called on to resign"
    if token.dep_ == "acl" and any(o.lower_ in REFLEXIVES for o in objects_of(token)):
        return True
    if sum(c.dep_ in NAME_DEPS and not has_agent(c) for c in token.children) > 1:
        # "the doctor … called Oz a quack": a name and a predicate, a misparsed saying; a passive
        # participle with its agent is no predicate ("a PAC called Future45 funded by …")
        return False
    if token.dep_ in {"acl", "amod"} and token.tag_ == "VBN":
        return True
    return is_passive(token)


def acts_on_lone_object(token: Token, sense: CueSense) -> bool:
    """Lone-object rule: "called President Putin" (telephoned), "called a meeting", "called an
    election", "called him on the phone": "call" with an object and nothing said of it is an
    act on the object.  The speech senses have a predicate ("called the plan a disgrace",
    "called it 'reckless'", "called energy security important") or a preposition ("called for
    talks", "called on Kyiv to …"), which the lexicon's complements already take."""
    if lemma(token) not in sense.lemmas or token.dep_ == "acl":
        return False  # "a letter calling the count a fraud": a document that speaks
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if len(objects) != 1 or any(c.dep_ in PREDICATE_DEPS for c in token.children):
        return False
    if any(c.dep_ == "xcomp" and not is_infinitive(c) for c in token.children):
        return False  # "called it reckless" parsed as a small clause
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in token.children):
        return False
    obj = objects[0]
    # "called it “a gift to the aggressor”", "calls Obamacare ‘crazy system’": the predicate
    # parsed as an apposition, a second noun or part of the object; quoted words are a predicate
    if any(c.dep_ in {"appos", "oprd", "attr", "acomp"} for c in obj.children):
        return False
    return not any(t.text in QUOTE_MARKS for t in obj.subtree)


def is_verdict(token: Token, verdict: CueSense, adjudicator: CueSense) -> bool:
    """Verdict rule: "the jury found him guilty", "Judge X found the mayor liable", "was found in
    contempt": "find" as a court's verdict or ruling is a decision, not a statement.  Told by
    the predicate (guilty, liable, …) or by the subject (a jury, a judge, a court)."""
    if lemma(token) not in verdict.lemmas:
        return False
    for c in token.children:
        if c.dep_ not in COMPLEMENT_DEPS:
            continue
        if lemma(c) in verdict.words or any(lemma(g) in verdict.words for g in c.children
                                            if g.dep_ in {"acomp", "oprd", "attr", "pobj", "amod"}):
            return True
    subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(lemma(t) in adjudicator.words or t.lower_ in adjudicator.words for s in subjects for t in s.subtree)


def displays(token: Token, sense: CueSense) -> bool:
    """Display rule: "showed little emotion", "showing remorse", "showed no sign of backing
    down": what a person shows by face or conduct is not something said."""
    return lemma(token) in sense.lemmas and any(lemma(o) in sense.words for o in objects_of(token))


def appoints(token: Token, sense: CueSense) -> bool:
    """Appointment rule: "the Senate will vote to confirm the next judicial nominees", "confirmed
    Hegseth as defense secretary": "confirm" with a person or a nomination for its object votes
    an appointment through; "confirmed the report", "confirmed that …" say something."""
    return lemma(token) in sense.lemmas and any(
        lemma(o) in sense.words or o.lower_ in sense.words or o.ent_type_ == "PERSON" for o in objects_of(token))


def withholds(token: Token, sense: CueSense) -> bool:
    """Withholding rule: "closed primaries deny many independents the right to vote", "officials
    denied him entry": "deny" or "refuse" with a person to whom and a thing (two objects) keeps the
    thing from them; no claim is denied and nothing is said.  "denied that …", "denied the
    report", "refused to comment" keep their sense."""
    return lemma(token) in sense.lemmas and {o.dep_ for o in objects_of(token)} == {"dative", "dobj"}


def phrasal_verb(token: Token, sense: CueSense) -> bool:
    """Phrasal rule: "showed off the captured tanks", "showed up late": with one of these
    particles the lemma is another verb (to display, to appear), not one of saying.  Only a
    particle right after the verb: in "polls show Clinton up by 10 points" the "up" is what the
    polls show of her."""
    return lemma(token) in sense.lemmas and any(
        c.dep_ == "prt" and c.lower_ in sense.words and c.i == token.i + 1 for c in token.children)


def feeling_without_content(token: Token, sense: CueSense) -> bool:
    """Feeling rule: "expressed disappointment", "voiced concern": a feeling with nothing it is
    about says nothing.  "expressed concern that …", "voiced support for the plan", "expressed
    gratitude to X" keep their content."""
    if lemma(token) not in sense.lemmas:
        return False
    objects = objects_of(token)
    if not objects or not all(lemma(o) in sense.words for o in objects):
        return False
    if any(c.dep_ in CONTENT_DEPS for o in objects for c in o.children):
        return False
    return not any(
        c.dep_ == "ccomp" or (c.dep_ == "prep" and c.lower_ in ABOUT_PREPS) for c in token.children
    )


def controlled_by_object(token: Token, implicative: CueSense) -> bool:
    """Object-control rule: "urged employees to report violations", "requires candidates to
    disclose their assets", "allowing one member to call a motion", "called on Dean to
    apologize": the infinitive is what someone else asks for, orders or allows; the one asked
    has not said anything.  ("went on to say", "refused to endorse" have no object: kept; nor
    do verbs that make it happen: "forced him to admit" — he did admit.)"""
    if not is_infinitive(token) or lemma(token.head) in implicative.words:
        return False
    if any(c.dep_ == "nsubj" and c.i < token.i for c in token.children):
        return True  # "asked authorities to show …" parsed as a clause with its own subject
    if token.dep_ not in {"xcomp", "ccomp", "advcl"}:
        return False
    head = token.head
    if any(c.dep_ in {"dobj", "dative"} and c.i < token.i for c in head.children):
        return True
    return any(
        c.dep_ == "prep" and c.i < token.i and any(g.dep_ == "pobj" for g in c.children) and c.lower_ in {"on", "upon"}
        for c in head.children
    )


def infinitive_of_no_one(token: Token, sense: CueSense) -> bool:
    """Unspoken-infinitive rule: an infinitive that modifies a noun ("a way to report profits",
    "a force to defend the bloc", "a pledge to support the nominee"), follows an adjective or
    participle of possibility ("is free to disclose", "is likely to announce", "are expected to
    say") or makes the writer's aside ("It is pertinent to note") is not a statement anyone
    made ("It is worth noting" too)."""
    if not (is_infinitive(token) or (token.tag_ == "VBG" and token.dep_ == "xcomp")):
        return False  # a gerund too: "It is worth noting"
    head = token.head
    if token.dep_ in {"acl", "relcl"} and head.pos_ in {"NOUN", "PROPN"}:
        return lemma(head) not in NOT_NOUN_HEADS
    if lemma(head) in sense.words or head.lower_ in sense.words:
        return head.pos_ in {"ADJ", "VERB", "AUX"} or head.dep_ == "acomp"
    # the adjective over the infinitive: its head, or the copula's complement ("It is pertinent
    # to note" hangs the infinitive on "is")
    if head.pos_ == "ADJ":
        adjective, copula = head, (head.head if head.dep_ == "acomp" else head)
    elif lemma(head) == "be":
        adjective = next((c for c in head.children if c.dep_ == "acomp" and c.i < token.i), None)
        copula = head
    else:
        return False
    if adjective is None:
        return False
    if lemma(adjective) in sense.words:
        return True
    return any(c.dep_ in {"nsubj", "expl"} and c.lower_ in EXPLETIVES for c in copula.children)


def relays_a_source(token: Token, sense: CueSense) -> bool:
    """Relay rule: "citing a White House official", "echoing Mr. Putin", "echoed statements by
    the minister": the object names where the words came from, not what was said.  An object
    with a clause of its own ("pointed to reports that …", "cited comments Trump had made")
    still carries content."""
    if lemma(token) not in sense.lemmas:
        return False
    objects = objects_of(token) + [
        g for c in token.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"
    ]
    if not objects or any(c.dep_ in {"acl", "relcl", "ccomp"} for o in objects for c in o.children):
        return False
    if any(c.dep_ == "ccomp" for c in token.children):
        return False  # "cited remarks Trump had made": the object's clause, parsed as the cue's
    return all(
        o.ent_type_ in SOURCE_ENTITIES or lemma(o) in sense.words or o.lower_ in sense.words
        or (o.pos_ == "PRON" and o.lower_ not in {"it", "this", "that"})
        for o in objects
    )


def military_attack(token: Token, sense: CueSense) -> bool:
    """Military rule: "Israel would soon attack the city", "attacked the base", "Russian forces
    attacked Kharkiv": an attack on a place, a site or a force is an act of war, not words.  A
    place name counts when a state or a force attacks it (the parse's place tags are not
    reliable enough alone: "Trump attacked Machado" is speech).  "attacked her opponent as a
    fraud" is speech."""
    if lemma(token) not in sense.lemmas:
        return False
    objects = objects_of(token)
    if not objects:
        return False
    if all(lemma(o) in sense.words or o.lower_ in sense.words for o in objects):
        return True
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    by_force = any(s.ent_type_ in {"GPE", "NORP"} or lemma(s) in sense.words or s.lower_ in sense.words
                   for s in subjects)
    return by_force and all(o.ent_type_ in PLACE_ENTITIES or o.pos_ == "PROPN" for o in objects)


def forecast_passive(token: Token, sense: CueSense) -> bool:
    """Forecast rule: "talks are expected to resume Friday", "he is believed to have fled": the
    agentless passive of a verb of belief is the reporter's forecast or hedge; nobody is
    reported saying it."""
    return lemma(token) in sense.lemmas and (is_passive(token) or participle_phrase(token)) and not has_agent(token)


def participle_phrase(token: Token) -> bool:
    """A past participle heading a phrase of its own, with no subject and no auxiliary ("Courted
    by the candidates and WIDELY EXPECTED to be the top donor, Adelson said …") is a passive:
    the agent of the participle it is joined to is not its own."""
    if token.tag_ != "VBN" or token.dep_ not in {"advcl", "conj", "acl"}:
        return False
    verbs = [token, token.head] if token.dep_ == "conj" else [token]
    return not any(c.dep_ in {"nsubj", "aux", "auxpass"} for v in verbs for c in v.children) \
        and (token.dep_ != "conj" or token.head.tag_ == "VBN")


def set_phrase_aside(token: Token, sense: CueSense) -> bool:
    """Aside rule: "to say nothing of the villages", "needless to say", "suffice it to say": an
    infinitive of saying with no subject of its own, whose object or head is one of the set
    phrase's words, is the writer's aside; no one is reported saying anything."""
    if lemma(token) not in sense.lemmas or not is_infinitive(token) or any(c.dep_ == "nsubj" for c in token.children):
        return False
    return token.head.lower_ in sense.words or any(c.dep_ == "dobj" and c.lower_ in sense.words
                                                   for c in token.children)


def asked_of_the_addressee(token: Token, sense: CueSense) -> bool:
    """Request rule: "Could you tell us whether the talks shed light …", "What do you hope he
    brings back?": a verb of saying whose subject is the one addressed, in a question (an
    auxiliary before that subject, or a sentence that ends in a question mark), asks them to
    speak; no one has said anything yet.  "As you said, …" and "You said that …" stay.  With any
    other subject a yes-no question asks whether it was said ("Did the presidents discuss the
    incident?", "Can we expect purchases?"): an auxiliary before the subject, no question word
    before it, and a question mark.  A wh-question takes the saying as given ("Why did he announce
    an invasion?": he did) and stays."""
    subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return False
    aux = [c for c in token.children if c.dep_ in {"aux", "auxpass"} and c.i < subject.i]
    if subject.lower_ in sense.words:
        return bool(aux) or _ends_in_question(token)
    return bool(aux) and _ends_in_question(token) \
        and not any(t.tag_ in WH_TAGS for t in token.doc[token.sent.start : aux[0].i])


def _ends_in_question(token: Token) -> bool:
    """The token's sentence ends in a question mark (before closing quotes), read from the text
    joined once per Doc: asked only when the answer matters, as ``Span.text`` joins its words."""
    sent = token.sent
    return doc_text(token.doc)[sent.start_char : sent.end_char].rstrip().rstrip("\"”’')").endswith("?")


def obliged(token: Token, sense: CueSense) -> bool:
    """Obligation rule: "The Russian Federation must confirm the absence of intentions …", "Kyiv
    should declare …": a verb of saying under a modal of obligation is what someone is to say, not
    what anyone said; "he should have insisted on …" is what he did not say.  "must have said"
    infers a past saying, and "I must say", "we should note" say it (a performative): both stay."""
    aux = [c.lower_ for c in token.children if c.dep_ == "aux"]
    first_person = any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in token.children)
    inferred = "have" in aux and "must" in aux
    return any(a in sense.words for a in aux) and not inferred and not first_person


def binds_an_object(token: Token, sense: CueSense) -> bool:
    """Binding rule: "a treaty committing members to defend each other", "committed troops to the
    front": "commit" with an object that is not the subject itself binds or sends that object;
    nobody vows anything.  The vow has no object ("Kyiv committed to holding elections") or a
    reflexive one ("the alliance committed itself to …")."""
    if lemma(token) not in sense.lemmas:
        return False
    return any(c.dep_ == "dobj" and c.lower_ not in REFLEXIVES for c in token.children)


def common_saying(token: Token, sense: CueSense) -> bool:
    """Saying rule: "As people say, they flaked out on us", "as they say":
    "say" under "as" with people at large as its subject is the speaker's own idiom;
    no one is reported.  "As the minister said, …" reports the minister and stays."""
    if lemma(token) not in sense.lemmas or not any(c.lower_ == "as" and c.dep_ in {"mark", "advmod"}
                                                   for c in token.children):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in sense.words for c in token.children)


def connective(token: Token, sense: CueSense) -> bool:
    """Connective rule: "That said, I think our opportunities are far from exhausted", "That being
    said, …", "Having said that, …", "All told, the group raised $4 million": a verb of saying at
    the start of its sentence whose only argument is one of the sense's words ("that", "this",
    "all"), set off by a comma, links the sentence to the one before or sums it up; no one is
    reported (the words after it are the speaker's or the writer's own)."""
    if lemma(token) not in sense.lemmas:
        return False
    arguments = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    starts = token.sent.start
    return len(arguments) == 1 and arguments[0].lower_ in sense.words and after is not None and after.text == "," \
        and all(t.lower_ in {"being", "having", "with"} or t.i == arguments[0].i for t in token.doc[starts : token.i])


def hypothetical(token: Token, sense: CueSense) -> bool:
    """Hypothesis rule: "Podolyak is convinced that if Europe supports any pro-Russian concepts,
    it will mean …", "unless Moscow declares a ceasefire": a verb of saying in a clause of
    condition (and the verbs joined to it) is what someone may say, supposed, not what anyone
    said.  A first-person condition ("if I may say so") is the speaker's own hedge and stays."""
    clause = token
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    if clause.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in sense.words for c in clause.children):
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in token.children)


# --- all of them -------------------------------------------------------------------------------


def sense_rules(senses: dict[str, CueSense]) -> list[tuple[str, Callable[[Token], bool]]]:
    """The rules bound to their vocabulary, by name, in the order they are tried."""
    return [
        ("naming", lambda t: names_something(t, senses["naming"])),
        ("lone_object", lambda t: acts_on_lone_object(t, senses["lone_object"])),
        ("verdict", lambda t: is_verdict(t, senses["verdict"], senses["adjudicator"])),
        ("display", lambda t: displays(t, senses["display"])),
        ("phrasal", lambda t: phrasal_verb(t, senses["phrasal"])),
        ("appointment", lambda t: appoints(t, senses["appointment"])),
        ("feeling", lambda t: feeling_without_content(t, senses["feeling"])),
        ("object_control", lambda t: controlled_by_object(t, senses["implicative"])),
        ("unspoken_infinitive", lambda t: infinitive_of_no_one(t, senses["unrealized"])),
        ("relay", lambda t: relays_a_source(t, senses["relay"])),
        ("forecast", lambda t: forecast_passive(t, senses["belief"])),
        ("military", lambda t: military_attack(t, senses["military"])),
        ("aside", lambda t: set_phrase_aside(t, senses["aside"])),
        ("request", lambda t: asked_of_the_addressee(t, senses["request"])),
        ("obliged", lambda t: obliged(t, senses["obligation"])),
        ("binding", lambda t: binds_an_object(t, senses["binding"])),
        ("hypothesis", lambda t: hypothetical(t, senses["hypothesis"])),
        ("saying", lambda t: common_saying(t, senses["saying"])),
        ("connective", lambda t: connective(t, senses["connective"])),
        ("withholding", lambda t: withholds(t, senses["withholding"])),
    ]


def other_sense(token: Token, rules: list[tuple[str, Callable[[Token], bool]]]) -> str | None:
    """The name of the first rule that finds the token used in a sense other than saying."""
    return next((name for name, rule in rules if rule(token)), None)
