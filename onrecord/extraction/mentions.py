"""The speaker's mention: the words of the phrase that names who said it, from its head token
(``subjects.subject_of`` finds that token).

* ``noun_phrase``      — the mention: the head's phrase without relative clauses, a list that
                         follows it, a time hung from it and trailing punctuation, within its
                         paragraph;
* ``is_aside``         — "Trump, smiling, acknowledged": an aside about the subject, no part of it;
* ``conjunct_in_title``— "Minister of Foreign Affairs and Trade Jane Doe": one person's title, not
                         a second person (``portfolio_conjunct``, ``second_title``);
* ``described_again``  — "Podolyak, Adviser to the Head of the Office and a member of the
                         delegation": a description of the subject joined to it, no second speaker;
* ``in_modifier``      — "a spokesman for the ministry": the body is where the speaker works, not
                         the speaker;
* ``apposition_across``— "Trump on Friday endorsed Ryan, Sen. John McCain and …": an apposition the
                         parse hung on the subject across its own clause, no second name of it;
* ``before_its_cue``   — "Biden, echoing Erdogan, called …" whole as the speaker of "echoing": the
                         phrase ends before its cue.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from onrecord.extraction.docindex import in_quotes
from onrecord.extraction.speaker_classes import is_time, speaker_class
from onrecord.lexicons.title_words import TITLE_WORDS as TITLE_HEADS


def describes_a_person(conjunct: Token) -> bool:
    """A conjunct that is a singular common noun of a person ("… and a member of the delegation"):
    it may describe the one it is joined to again rather than name a second person."""
    return conjunct.tag_ == "NN" and speaker_class(conjunct) == "person"


def apposition_across(noun: Token, appos: Token) -> bool:
    """Adjacency rule: an apposition follows the noun it renames, with nothing between them but
    the noun's own modifiers and punctuation (Quirk et al., *A Comprehensive Grammar of the English
    Language*, 1985, §17.65).  A word between them that belongs elsewhere ("Donald Trump [on
    Friday endorsed the re-election of] Ryan, Sen. John McCain …": the time, the verb, its
    object) shows a link the parse made across the noun's clause: the words it hangs are no
    apposition of the noun, and no further speaker."""
    return any(not (t.is_punct or t.is_space) and not noun.is_ancestor(t)
               for t in noun.doc[noun.i + 1 : appos.left_edge.i])


# where a phrase cut before its cue may end: a word that names or stands for someone
PHRASE_ENDS = {"NOUN", "PROPN", "PRON", "NUM"}


def before_its_cue(mention: Span, cue: Token | None) -> Span:
    """Cue rule: the speaker's phrase and the cue of what they said are apart; a phrase that takes
    the cue in ("Biden, echoing Erdogan, called on Kurds …" for "echoing", "Depositions quote
    Trump acknowledging a lack of …" for "acknowledging", an entity the model ran over both) ends
    before it, without the words the cut leaves hanging ("an early voice in [urging]", "Some
    advisers are said to be [urging]").  Unchanged when no noun is left before the cue, or when
    the cue is the object of a preposition inside the phrase ("the release side with respect to
    reporting …"): a noun so qualified says nothing, and a cut would make it a speaker."""
    if cue is None or not mention.start < cue.i < mention.end \
            or cue.dep_ == "pcomp" and mention.start <= cue.head.i < cue.i:
        return mention
    doc, end = mention.doc, cue.i
    while end > mention.start and doc[end - 1].pos_ not in PHRASE_ENDS:
        end -= 1
    return doc[mention.start : end] if end > mention.start else mention


def is_indefinite(noun: Token) -> bool:
    """A noun phrase opened by "a"/"an": a description ("an influential Republican"), never a name."""
    return any(d.dep_ == "det" and d.lower_ in {"a", "an"} for d in noun.children)


def is_description(noun: Token) -> bool:
    """A noun phrase opened by "a"/"an" (``is_indefinite``), or joined by "and" to one and with no
    determiner of its own, which shares its "a": "Kim Wells, a schoolteacher and Trump supporter"."""
    return is_indefinite(noun) or (noun.dep_ == "conj" and is_indefinite(noun.head)
                                   and not any(d.dep_ in {"det", "poss"} for d in noun.children))


def described_again(member: Token, conjunct: Token) -> bool:
    """"Mykhailo Podolyak, Adviser to the Head of the Office and a member of the delegation, said":
    a singular noun of a person joined after the subject's apposition goes on describing the
    subject (the parse joins it to the name); it is no second speaker ("Zelensky and a spokesman
    said", with no apposition, is two)."""
    return describes_a_person(conjunct) and any(c.dep_ == "appos" and c.i < conjunct.i for c in member.children)


def portfolio_conjunct(title: Token) -> Token | None:
    """Portfolio rule: "Vice President for news and talk Dave Gorab", "Minister of Foreign Affairs
    and Trade Jane Doe": the parser coordinates the title's head with the rest of its portfolio
    and the name ("President" … and "talk Dave Gorab"), which reads as two speakers.  The
    coordination belongs inside the title when "and" follows the title's prepositional phrase
    right away and the conjunct opens with a word that is neither a title nor part of a name
    ("President of France and Chancellor Olaf Scholz", "… and Olaf Scholz" are two people), and
    ends in a person's name.  The conjunct, or None."""
    if title.ent_type_ == "PERSON" or title.text[:1].islower() or title.lower_ not in TITLE_HEADS:
        return None
    conj = next((c for c in title.children if c.dep_ == "conj" and c.i > title.i), None)
    cc = next((c for c in title.children if c.dep_ == "cc" and c.i > title.i), None)
    if conj is None or cc is None or cc.i > conj.i:
        return None
    if not any(c.dep_ == "prep" and c.right_edge.i == cc.i - 1 for c in title.children):
        return None
    opener = title.doc[cc.i + 1]
    if opener.ent_type_ == "PERSON" or opener.lower_ in TITLE_HEADS:
        return None
    return conj if conj.ent_type_ == "PERSON" and conj.i == conj.right_edge.i else None


def second_title(title: Token, conj: Token) -> bool:
    """Two titles of one person: "Deputy Prime Minister and Minister for the Reintegration of the
    … Territories Iryna Vereshchuk" (parsed as two coordinated titles): a bare title joined to a
    capitalised title whose phrase ends in a name is one speaker ("President Lidia Varga and
    Minister Karl Berg", where the first has its own name, are two)."""
    if title.lower_ not in TITLE_HEADS or conj.lower_ not in TITLE_HEADS or not conj.text[:1].isupper():
        return False
    if title.ent_type_ == "PERSON" or any(t.ent_type_ == "PERSON" for t in title.lefts):
        return False
    if any(c.dep_ == "det" for c in conj.children):
        return False  # "the Minister of Defence and the Minister of Foreign Affairs Karl Berg": two
    end = max(title.right_edge, conj.right_edge, key=lambda t: t.i)  # the parse may hang the phrase on either
    before = end.doc[end.i - 1]  # a name ends it: an entity, or two proper nouns the model took into a body
    named = end.ent_type_ == "PERSON" or end.pos_ == "PROPN" and before.pos_ == "PROPN" \
        and before.dep_ == "compound" and end.is_title and before.is_title and before.lower_ not in TITLE_HEADS
    return named and end.i > conj.i + 1


def conjunct_in_title(title: Token, conj: Token) -> bool:
    """One person's title, not a second person: a portfolio or a second title of theirs."""
    return getattr(portfolio_conjunct(title), "i", None) == conj.i or second_title(title, conj)


# adverbs the parse hangs on a subject that link it to the text around or stress it ("EVEN his own
# supporters", "MOREOVER, any company", "NOW the Senate majority leader"): no part of the name.
# Not the ones that tell how many ("NEARLY half", "ONLY one of the 25 delegates", "ABOUT 8 in 10").
LINKING_ADVERBS = {"even", "also", "moreover", "now", "however", "meanwhile", "still", "then", "likewise",
                   "similarly", "furthermore", "instead"}
FLOATING_QUANTIFIERS = {"all", "both", "each"}  # after a pronoun: "they all", "we both", "they each"
# participles of getting hold of a document, not of making it
ACCESS_LEMMAS = {"see", "obtain", "review", "view", "acquire", "receive"}
NAMING_PARTICIPLES = {"name", "call"}  # "a worker named Antonio Arroyo", "a man called Ivan Petrov"


def naming_participle(token: Token) -> bool:
    """A participle after a noun that gives it a name ("a worker NAMED Antonio Arroyo")."""
    return token.dep_ == "acl" and token.tag_ == "VBN" and token.lemma_ in NAMING_PARTICIPLES


# the dashes a text sets an aside off with, as tokens
DASHES = frozenset({"-", "–", "—", "--"})


def is_spaced_dash(token: Token) -> bool:
    """A dash with a space on each side: punctuation between phrases, never inside a name."""
    return token.text in DASHES and token.i > 0 and bool(token.doc[token.i - 1].whitespace_) \
        and bool(token.whitespace_)


def is_question_marker(token: Token) -> bool:
    """Transcript rule: a "Q" that opens a paragraph marks a reporter's question (White House
    and Kremlin transcripts: "Q And Vladimir Putin just said …"); the parse may take it for a
    conjunct of the subject or a word of the mention, but it names no one."""
    return token.text == "Q" and (token.i == 0 or "\n" in token.doc[token.i - 1].text_with_ws)


# prepositions of an occasion after a person's name ("Trump in his speech", "Rutte at the summit"),
# never part of whom the name names ("of" may be: "Ted Cruz of Texas")
OCCASION_PREPOSITIONS = {"in", "at", "on", "during"}


def noun_phrase(token: Token) -> Span:
    """The mention: the subject's subtree without relative clauses, a list that follows it, a
    time hung from it ("on Monday") and trailing punctuation ("Zelensky, who …," → "Zelensky";
    "Ukraine's President Volodymyr Zelensky" whole), kept to the paragraph of its head (a parse
    may run a phrase over a paragraph break)."""
    token = subject_before_aside(token)
    drop = set()
    one_title = any(c.dep_ == "conj" and conjunct_in_title(token, c) for c in token.children)
    for c in token.children:
        if one_title and c.dep_ in {"cc", "conj"}:
            continue  # "Vice President for news and talk Dave Gorab": one title, one person
        if c.dep_ == "acl" and c.tag_ == "VBN" and token.lower_ in {"those", "these"} \
                and all(g.dep_ == "agent" for g in c.children):
            continue  # "those surveyed", "those polled by Gallup": the participle says who they are
        if naming_participle(c) and any(t.ent_type_ == "PERSON" for t in c.subtree):
            continue  # "a worker named Antonio Arroyo": the name says who
        if c.dep_ in {"relcl", "acl", "advcl", "cc", "conj"} and c.i > token.i:
            drop.update(t.i for t in c.subtree)
        if c.dep_ == "appos" and c.i > token.i and any(g.dep_ == "conj" for g in c.children):
            drop.update(t.i for t in c.subtree)  # "Biden, the Russian side, France and Germany": a list
        if c.dep_ == "appos" and c.i > token.i and c.left_edge.tag_ in {"WP$", "WP", "WDT"}:
            drop.update(t.i for t in c.subtree)  # "Mr. Slinker, whose latest start-up, …": a relative clause
        if c.dep_ == "appos" and c.i > token.i and (c.like_num or c.pos_ == "NUM" or is_aside(c)):
            drop.update(t.i for t in c.subtree)  # "Ramos, 58, told …": an age is no part of the name
        if c.i > token.i and token.tag_ == "PRP" and c.lower_ in FLOATING_QUANTIFIERS:
            drop.update(t.i for t in c.subtree)  # "they all said": the pronoun is the mention
        if c.dep_ == "prep" and c.i > token.i and any(g.dep_ == "pobj" and is_time(g) for g in c.children):
            # "The head of the WHO on Monday (May 19) urged …": when it was said, not who
            drop.update(t.i for t in c.subtree)
        if c.dep_ == "prep" and c.i > token.i and token.ent_type_ == "PERSON" and c.lower_ in OCCASION_PREPOSITIONS:
            # "Trump in his announcement speech called …": where it was said; a name takes no "in"
            drop.update(t.i for t in c.subtree)
    for r in token.subtree:
        if r.i <= token.i:
            continue
        # a "who" clause set off by a comma deeper in the phrase ("one Democrat familiar with the
        # discussion, who added that …": the parser hangs it on "discussion") is about the speaker too
        if r.dep_ == "relcl" and r.left_edge.i > 0 and token.doc[r.left_edge.i - 1].text == "," \
                and r.left_edge.lower_ in {"who", "whom"}:
            drop.update(t.i for t in r.subtree)
        # the one who got hold of a document ("a copy of the memo SEEN BY REUTERS", "a letter
        # OBTAINED BY the Post") is no name of its author; the one who issued it ("a poll released
        # by …") is
        elif r.dep_ == "acl" and r.tag_ == "VBN" and r.lemma_.lower() in ACCESS_LEMMAS \
                and any(c.dep_ == "agent" for c in r.children):
            drop.update(t.i for t in r.subtree)
    first_dropped = min(drop, default=10**9)
    keep = [t for t in token.subtree if t.i < first_dropped]
    start, end = keep[0].i, keep[-1].i + 1
    doc = token.doc
    for t in doc[start : token.i]:
        if "\n" in t.text:
            start = t.i + 1
    for t in doc[token.i + 1 : end]:
        if "\n" in t.text:
            end = t.i
            break
    head_quoted = in_quotes(doc, token.idx)
    while start < token.i and not head_quoted and in_quotes(doc, doc[start].idx):
        start += 1  # '"What if …?" the 43-year-old asked': the quotation the parse hung on the speaker
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start < token.i and is_question_marker(doc[start]):
        start += 1  # "Q Leaders from Russia and Iran …": a transcript's question marker names no one
    while start < token.i and doc[start].lower_ in LINKING_ADVERBS and doc[start].dep_ == "advmod":
        start += 1  # "EVEN the organizer of a pro-Trump rally said …": the adverb names no one
    for t in doc[start : token.i]:
        if is_spaced_dash(t):
            start = t.i + 1  # "… estate in Palm Beach - Lewandowski continued": the dash ends an aside
    while end - 1 > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        if doc[end - 1].text == ")" and any(t.text == "(" for t in doc[start : end - 1]):
            break  # "the World Health Organisation (WHO)": the parenthesis closes what it opened
        end -= 1
    return doc[start:end]


def _describes_in_passing(token: Token) -> bool:
    """A lowercase participle or adjective ("smiling", "tired"; the parser may tag "smiling" NN)."""
    return token.is_lower and (token.tag_ in {"VBG", "VBN", "JJ"} or token.lower_.endswith("ing"))


def is_aside(token: Token) -> bool:
    """Rule: a participle or adjective set off by commas after the subject, with no "and"/"or"
    ("Trump, smiling, acknowledged …"; "Ward, visibly tired, said"), is an aside about the
    subject, which the parser may take for a second subject (conj) or an apposition: no one else
    speaks, and it is no part of the name."""
    words, doc = list(token.subtree), token.doc
    return (len(words) <= 2 and all(t.is_lower for t in words) and _describes_in_passing(token)
            and not any(c.dep_ in {"cc", "preconj"} for c in token.head.children)
            and words[0].i > 0 and doc[words[0].i - 1].text == ","
            and words[-1].i + 1 < len(doc) and doc[words[-1].i + 1].text == ",")


def subject_before_aside(token: Token) -> Token:
    """The parser may make the aside the subject, with the name under it ("Tom Hale, smiling,
    acknowledged": nsubj "smiling" ← "Hale"): the name before the comma is the subject."""
    doc = token.doc
    if not (0 < token.i < len(doc) - 1 and doc[token.i - 1].text == "," == doc[token.i + 1].text
            and _describes_in_passing(token)):
        return token
    before = [c for c in token.children if c.i == token.i - 2 and c.pos_ in {"PROPN", "NOUN"}]
    return before[0] if before else token


# the prepositions and entity labels of a place after a document's noun (``in_modifier``)
PLACE_PREPS = {"in", "at", "across", "near", "around", "throughout", "inside", "outside"}
PLACES = {"GPE", "LOC", "FAC"}


def capitalised_common_noun(token: Token) -> bool:
    """A speaker noun the model took for a name because it opens the sentence ("Staff for the House
    Select Committee on Benghazi said", or a transcript's question: "Q Leaders from Russia and Iran
    are heading to Beijing"): no entity, and a word for people as the lexicon reads it."""
    opens = token.is_sent_start or token.i > 0 and is_question_marker(token.doc[token.i - 1])
    return opens and not token.ent_type_ and speaker_class(token) in {"person", "group"}


def in_modifier(entity: Span, mention: Span) -> bool:
    """Head rule for organisations: a body named in a prepositional modifier of a person noun
    ("a climate scientist at the Copernicus service", "a spokesman for the ministry") is where the
    speaker works, not the speaker, and a place after another noun ("the polling average in New
    Hampshire") is where it is; the description is kept."""
    head = mention.root
    if head.pos_ == "PROPN" and not capitalised_common_noun(head):
        return False
    # after a document or another thing, only a place: "the polling average in New Hampshire" is
    # not New Hampshire's, but "a report by the ministry" is the ministry's, "an article in Politico"
    # Politico's, and "the government in Beijing" speaks as Beijing
    cls = speaker_class(head)
    if cls not in {"person", "group"} and (cls not in {"carrier", "unknown"} or entity.label_ not in PLACES):
        return False
    preps = None if cls in {"person", "group"} else PLACE_PREPS
    node = entity.root
    while node.i != head.i and node.head.i != node.i:
        if node.dep_ == "prep" and (preps is None or node.lower_ in preps):
            return True
        node = node.head
    return False


def names_the_head(entity: Span, mention: Span) -> bool:
    """Head rule: a person's name names the speaker when it is the mention's head or in
    apposition to it ("Ireland's ambassador, Siobhan Keane") or given it by "named"/"called"; a
    name inside a modifier does not
    ("analysts in Rema", "an aide to Novak")."""
    root = mention.root
    heads = {root.i} | {c.i for c in root.children if c.dep_ == "appos"}
    # "a worker named Antonio Arroyo", "a man called Ivan Petrov": the name the participle gives
    heads |= {g.i for c in root.children if naming_participle(c) for g in c.subtree}
    return any(entity.start <= h < entity.end for h in heads)


def described_apposition(entity: Span) -> bool:
    """A name the parse made the head of a description in apposition, which opens with an article
    and reaches the name through a verb or a preposition ("a superdelegate supporting Clinton"),
    not a name in apposition ("another tough guy, Mr. Putin, Mr. Trump")."""
    head = entity.root
    if head.dep_ != "appos":
        return False
    phrase = head.doc[head.left_edge.i : entity.start]
    return len(phrase) > 0 and phrase[0].lower_ in {"a", "an", "the"} \
        and any(t.pos_ in {"VERB", "ADP"} for t in phrase)
