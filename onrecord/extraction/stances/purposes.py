"""The purpose rule: what someone acts for is what they want.

"We are doing everything to end the war", "we are working to bring peace through negotiations",
"I'm doing this to get the war stopped": an infinitive of purpose (Quirk et al. 1985, 15.48,
the adjunct of purpose) names the aim of the act it hangs from, as "in order to" does.  The aim
is wanted by whoever acts: one +1 factor that decides, as a marker does (``polarity.py``
multiplies it in; the holder rules have already said whose act it is).
"""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.stances.columns import columns
from onrecord.extraction.stances.holders import can_hold
from onrecord.extraction.stances.sign import Sign

# the words an infinitive of purpose may hang from as a relative: "everything to", "all to", "in order to"
PURPOSE_HEADS = frozenset({"everything", "all", "whatever", "order", "anything", "utmost", "best"})
# degree words that make the infinitive a measure, not an aim: "too weak to negotiate", "strong enough to"
DEGREE_WORDS = frozenset({"too", "enough", "sufficiently"})


def purposes(sent: Span, path: set[int]) -> list[Sign]:
    """Purpose rule (see the module docstring): a verb on the issue's path that is an infinitive
    of purpose — an adverbial clause with "to" under a verb ("working to bring peace"), or the
    infinitive after "everything", "all" or "in order" ("doing everything to end the war") — gives
    +1 at its "to".  Not under a degree word ("too weak to negotiate"), a word that is no verb of
    acting ("surprised to learn of the talks" is an adjective's complement), nor a verb whose object
    can act ("compelling its allies to impose sanctions": the allies' errand)."""
    doc = sent.doc
    cols = columns(doc)
    out: list[Sign] = []
    for i in sorted(path):
        if not sent.start <= i < sent.end or cols.pos[i] != "VERB":
            continue
        to = next((c for c in cols.children[i] if cols.dep[c] == "aux" and cols.lower[c] == "to"), None)
        if to is None:
            continue
        head = cols.head[i]
        if cols.dep[i] == "advcl":
            # the infinitive of an object who can act is that object's errand, not an aim: "compelling
            # its allies to impose sanctions" (Quirk's object complement), unlike "sent weapons to help"
            errand = any(cols.dep[c] == "dobj" and can_hold(doc[c]) for c in cols.children[head])
            acting = cols.pos[head] == "VERB" and not errand and not any(
                cols.lower[c] in DEGREE_WORDS for c in cols.children[head])
        elif cols.dep[i] in {"acl", "relcl"}:
            acting = cols.lower[head] in PURPOSE_HEADS
        else:
            acting = False
        if acting:
            out.append(Sign(doc[to].text, 1, to, True))
    return out
