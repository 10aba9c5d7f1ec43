"""Two changes to the model's tokenizer, for transcripts scraped from official sites.

- A bracket glued between two words is split off ("Hungary(retranslated)", "Red Cross(ICRC)"):
  the default infixes split hyphens and slashes between letters, not brackets, and a label's
  last word glued to its note ("Viktor Orban(retranslated):") hid the name from the label rules.
- "):" is not an emoticon: spaCy's exceptions keep it one token, and in news it closes a bracketed
  note before a colon ("Question (retranslated): …"), where the colon is a transcript's cue.

Both are applied once to the loaded model (``build_nlp``); the tokenizer's cache is flushed by
spaCy when its rules or infixes are set.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.util import compile_infix_regex

GLUED_OPENING_BRACKET = r"(?<=[A-Za-z])\((?=[A-Za-z])"
NOT_EMOTICONS = ("):",)


def adapt_tokenizer(nlp: Language) -> None:
    """Split a glued opening bracket and drop the emoticon exceptions above."""
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or [])
    if GLUED_OPENING_BRACKET not in infixes:
        tokenizer.infix_finditer = compile_infix_regex([*infixes, GLUED_OPENING_BRACKET]).finditer
    rules = tokenizer.rules or {}
    if any(key in rules for key in NOT_EMOTICONS):
        tokenizer.rules = {key: value for key, value in rules.items() if key not in NOT_EMOTICONS}
