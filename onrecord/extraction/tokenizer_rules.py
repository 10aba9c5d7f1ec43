"""Three changes to the model's tokenizer, for transcripts scraped from official sites.

- A bracket glued between two words is split off ("Hungary(retranslated)", "Red Cross(ICRC)"):
  the default infixes split hyphens and slashes between letters, not brackets, and a label's
  last word glued to its note ("Viktor Orban(retranslated):") hid the name from the label rules.
- A sentence's closing mark glued to the bracket after it is split off too ("Do you agree with
  this?(Antonio Guterres noted that …)"): glued, "this?(Antonio" was one token and the name inside
  the bracket was no speaker.
- "):" is not an emoticon: spaCy's exceptions keep it one token, and in news it closes a bracketed
  note before a colon ("Question (retranslated): …"), where the colon is a transcript's cue.

Both are applied once to the loaded model (``build_nlp``); the tokenizer's cache is flushed by
spaCy when its rules or infixes are set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

GLUED_OPENING_BRACKET = r"(?<=[A-Za-z.?!])\((?=[A-Za-z])"
# After a lower-case letter only, so that the full stops of "U.S.(" or "p.m.(" stay in their word.
GLUED_CLOSING_MARK = r"(?<=[a-z])[.?!](?=\([A-Za-z])"
ADDED_INFIXES = (GLUED_OPENING_BRACKET, GLUED_CLOSING_MARK)
NOT_EMOTICONS = ("):",)


def adapt_tokenizer(nlp: Language) -> None:
    """Split a glued opening bracket (and a closing mark before it) and drop the emoticon exceptions above."""
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or [])
    if not set(ADDED_INFIXES) <= set(infixes):
        tokenizer.infix_finditer = compile_infix_regex([*infixes, *ADDED_INFIXES]).finditer
    rules = tokenizer.rules or {}
    if any(key in rules for key in NOT_EMOTICONS):
        tokenizer.rules = {key: value for key, value in rules.items() if key not in NOT_EMOTICONS}
