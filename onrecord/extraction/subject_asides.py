"""Asides between a subject and its verb that the parse took for something else.

* ``relative_aside_subject`` — "Sanders, meanwhile, who sits at zero such endorsements, said that
  fact speaks volumes …", "Mr. Slinker, whose latest start-up uses big data to help brands find
  suppliers, said Mr. Trump was …": a non-restrictive relative clause set off by commas between
  the subject and its verb (Quirk et al. 1985, §17.22) is parsed by the small model as a clause
  the cue reports: the relative clause's verb becomes the cue's complement and the subject hangs
  from it, so the cue has no subject and the subject sits inside what the cue seems to report,
  where no other rule looks for a speaker;
* ``closed_aside`` — "Protesters looped the streets around the stadium - where the Panthers played
  the Vikings - while chanting, “…”": the parse hangs the participle after a dash aside on the
  aside's verb, whose subject is no controller of words said after the aside closed;
* ``set_off_subject`` — "Mr. Trump, asked about the deaths of journalists, had said …", "Mr. Bush
  - in a line that seemed squarely directed at Mr. Trump - declared …", "Mr. Bush, channeling his
  respectful roots, responded by first saying …": a participle, a dash aside or a parenthesis
  between a name and its verb, which the parse makes the clause and leaves the verb no subject.
"""

from __future__ import annotations

from spacy.tokens import Token

from onrecord.extraction.docindex import in_quotes
from onrecord.extraction.mentions import DASHES
from onrecord.extraction.speaker_classes import can_speak, speaker_class

# the relative pronouns that open a clause about the noun before them
RELATIVE_PRONOUNS = {"who", "whose", "which"}
ASIDE_RELATIVES = RELATIVE_PRONOUNS | {"whom", "where", "when"}  # "- where the Panthers played -"
# what ends the words between the subject and its cue: another sentence or clause
CLAUSE_ENDS = {".", "!", "?", ";", ":"}


def relative_aside_subject(cue: Token) -> Token | None:
    """Relative-aside rule: a cue with no subject, right after a comma, whose clause before it
    (the parse's complement) opens the sentence with a noun phrase, a comma and a relative pronoun
    — "X, [meanwhile,] who …, said" — is said by that noun phrase.  "who" names a person, so a
    capitalised word the model left without an entity counts; after "whose" or "which" the noun
    must be one that can speak."""
    doc = cue.doc
    if cue.i < 3 or doc[cue.i - 1].text != ",":
        return None
    clause = next((c for c in cue.children if c.dep_ in {"ccomp", "parataxis"} and c.i < cue.i), None)
    if clause is None:
        return None
    start = clause.left_edge.i
    if start != cue.sent.start and not doc[start - 1].is_punct:
        return None
    comma = next((k for k in range(start + 1, cue.i - 1) if doc[k].text == ","), None)
    if comma is None:
        return None
    relative = next((k for k in range(comma + 1, cue.i - 1) if doc[k].lower_ in RELATIVE_PRONOUNS
                     and doc[k - 1].text == ","), None)
    if relative is None or any(t.text in CLAUSE_ENDS for t in doc[start : cue.i]):
        return None
    if any(not (t.is_punct or t.pos_ == "ADV") for t in doc[comma + 1 : relative - 1]):
        return None  # only an adverb may stand between the noun and its clause ("Sanders, meanwhile, who")
    phrase = doc[start:comma]
    head = phrase.root
    if head.pos_ not in {"NOUN", "PROPN"} or in_quotes(doc, head.idx) or "\n" in doc[start : cue.i].text:
        return None
    if can_speak(head):
        return head
    if doc[relative].lower_ == "who" and head.is_title and speaker_class(head) == "unknown":
        return head  # "who" tells a person: "Sanders, who sits …" with "Sanders" tagged a common noun
    return None


# the tags of a verb that has (or should have) a subject of its own; subjects.py reads them too
FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}
# the marks that set off an aside, each with the marks that open it
ASIDE_MARKS = {",": {","}, ")": {"("}, **dict.fromkeys(DASHES, DASHES)}
# the most words an aside between a subject and its verb may have
MAX_ASIDE_TOKENS = 30


def set_off_subject(verb: Token) -> Token | None:
    """Set-off rule: a verb with no subject whose words before it (past its auxiliaries and
    adverbs) close an aside ("…, had said"; "… - declared"), with a name right before the mark that
    opens the aside, in the same sentence and outside quotation marks, is said by that name.  Only a
    name (a proper noun that can speak): "The report, published on Monday, said" leaves the report
    to the other rules."""
    doc = verb.doc
    finite = verb.tag_ in FINITE_TAGS or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in FINITE_TAGS for c in verb.children if c.i < verb.i) or (
        # a past tense the model took for a participle, heading the sentence ("Mr. Bush, channeling
        # his roots, responded by …")
        verb.tag_ == "VBN" and verb.dep_ in {"ROOT", "dep"} and not any(c.dep_ == "auxpass" for c in verb.children))
    if not finite:
        return None  # "…, describing", "…, maintain a strong army": a participle or an infinitive goes on
    i = verb.i - 1
    while i > 0 and doc[i].head.i == verb.i and doc[i].dep_ in {"aux", "auxpass", "neg", "advmod"}:
        i -= 1
    openers = ASIDE_MARKS.get(doc[i].text) if i > 0 else None
    if openers is None:
        return None
    j = i - 1
    while j > 0 and i - j <= MAX_ASIDE_TOKENS and doc[j].text not in openers:
        if doc[j].text in {".", "!", "?", ";"} or "\n" in doc[j].text or in_quotes(doc, doc[j].idx):
            return None
        j -= 1
    if j <= 0 or j == i - 1 or doc[j].text not in openers:
        return None
    name = first_of_its_phrase(doc[j - 1])
    if name.pos_ != "PROPN" or in_quotes(doc, name.idx) or not can_speak(name) or name.sent != verb.sent:
        return None
    return name


def first_of_its_phrase(token: Token) -> Token:
    """The name a description ends in belongs to ("Neil Sroka, communications director of …, or
    DFA - which …": Sroka, not DFA): up its appositions, conjuncts and the nouns its prepositional
    phrases hang from."""
    node = token
    if token.ent_type_ == "PERSON":
        return token  # a person's name is the speaker ("Speaking in Harlem, Clinton, …, accused")
    for _ in range(12):
        head = node.head
        if node.dep_ in {"appos", "conj", "compound", "flat"} and head.i < node.i and head.pos_ in {"NOUN", "PROPN"}:
            node = head
        elif node.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"NOUN", "PROPN"} \
                and head.head.i < node.i:
            node = head.head
        else:
            break
    return node if node.pos_ == "PROPN" else token


def closed_aside(verb: Token, cue: Token) -> bool:
    """Closed-aside rule: ``verb`` heads a relative clause set off by dashes or a parenthesis
    ("- where the Panthers played the Vikings -") that closes before ``cue``: the aside describes
    something the sentence names, and its subject controls nothing after it.  Only a relative
    aside: the parse may hang the sentence's own next verb on another ("(although he allowed …)
    and promised to build a wall": the promise is Trump's, and the aside's "he" is Trump)."""
    doc = verb.doc
    start = verb.left_edge.i
    if start == 0 or not verb.i < cue.i or doc[start].lower_ not in ASIDE_RELATIVES:
        return False
    opening = doc[start - 1].text
    closing = DASHES if opening in DASHES else {")"} if opening == "(" else None
    return closing is not None and any(doc[k].text in closing for k in range(verb.i + 1, cue.i))
