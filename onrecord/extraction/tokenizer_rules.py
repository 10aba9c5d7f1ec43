"""Five changes to the model's tokenizer, for transcripts scraped from official sites and news.

- A bracket glued between two words is split off ("Hungary(retranslated)", "Red Cross(ICRC)"):
  the default infixes split hyphens and slashes between letters, not brackets, and a label's
  last word glued to its note ("Viktor Orban(retranslated):") hid the name from the label rules.
- A sentence's closing mark glued to the bracket after it is split off too ("Do you agree with
  this?(Antonio Guterres noted that …)"): glued, "this?(Antonio" was one token and the name inside
  the bracket was no speaker.
- A closing quotation mark glued to the word after it is split off ('“I think it's been
  surprising,”Clinton said'): glued, "surprising,”Clinton" was one token, and the quotation had
  no speaker.
- "):" is not an emoticon: spaCy's exceptions keep it one token, and in news it closes a bracketed
  note before a colon ("Question (retranslated): …"), where the colon is a transcript's cue.
- The plurals of abbreviated titles are one token with their full stop, as the singulars are in
  spaCy's exceptions ("Gov.", "Sen."): "particularly Govs. Jeb Bush and Chris Christie" had its
  full stop split off and read as a sentence's end, so the next sentence's "he" took "Chris
  Christie" for the subject before it.

All are applied once to the loaded model (``build_nlp``); the tokenizer's cache is flushed by
spaCy when its rules or infixes are set.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex

GLUED_OPENING_BRACKET = r"(?<=[A-Za-z.?!])\((?=[A-Za-z])"
# After a lower-case letter only, so that the full stops of "U.S.(" or "p.m.(" stay in their word.
GLUED_CLOSING_MARK = r"(?<=[a-z])[.?!](?=\([A-Za-z])"
# A closing quotation mark glued to the next word ('…surprising,”Clinton said'), and the mark of
# punctuation before it, are split off: glued, the speaker's name was one token with the quote.
GLUED_CLOSING_QUOTE = r"(?<=[\w,.!?…])”(?=[A-Za-z])"
MARK_BEFORE_GLUED_QUOTE = r"(?<=[A-Za-z])[,.!?…](?=”[A-Za-z])"
ADDED_INFIXES = (GLUED_OPENING_BRACKET, GLUED_CLOSING_MARK, MARK_BEFORE_GLUED_QUOTE, GLUED_CLOSING_QUOTE)
NOT_EMOTICONS = ("):",)
PLURAL_TITLES = ("Govs.", "Sens.", "Reps.", "Gens.", "Drs.", "Adms.", "Lts.", "Cols.", "Sgts.", "Profs.")


def adapt_tokenizer(nlp: Language) -> None:
    """Split a glued opening bracket (and a closing mark before it), drop the emoticon exceptions
    above and keep the plural title abbreviations whole."""
    tokenizer = nlp.tokenizer
    infixes = list(nlp.Defaults.infixes or [])
    if not set(ADDED_INFIXES) <= set(infixes):
        tokenizer.infix_finditer = compile_infix_regex([*infixes, *ADDED_INFIXES]).finditer
    rules = tokenizer.rules or {}
    if any(key in rules for key in NOT_EMOTICONS):
        tokenizer.rules = {key: value for key, value in rules.items() if key not in NOT_EMOTICONS}
    for title in PLURAL_TITLES:
        if title not in (tokenizer.rules or {}):
            tokenizer.add_special_case(title, [{ORTH: title}])
