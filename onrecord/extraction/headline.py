"""The headline names people too: "Telephone conversation with British Prime Minister Boris
Johnson", "Meeting with US President Joseph Biden", "… – Andriy Yermak at meeting with European
journalists".  The headline is never a statement (``readers`` keep it out of the body), but what
it says about the body's people is the article's word:

* ``headline_titles``  — a title written before a name the body gives ("British Prime Minister
                         [Boris Johnson]") is a title the article gives that person, so that "The
                         Prime Minister noted …" in the body is Boris Johnson (``roles.person_for``);
* ``headline_speaker`` — the person a headline attributes its words to, after a dash at its end
                         ("… – Andriy Yermak", "- Volodymyr Zelenskyy after meeting …") or before
                         a colon at its start ("Volodymyr Zelenskyy: A global document …"): a
                         definite title the body gives no one ("the President said") is that
                         person, when none of the titles the body gives them says otherwise.

Rule (news and release headlines): a headline's "— Name" or "Name:" credits the quotation to its
speaker (AP Stylebook, "headlines": attribution by dash or colon); a definite description in the
body refers back to an entity already given (Halliday & Hasan, *Cohesion in English*, 1976), and
the headline gives it first.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from onrecord.extraction.named import ArticleNames, Named, Title
from onrecord.extraction.official_titles import GLUE
from onrecord.identity.titles import office_fits, office_head

# "… – Andriy Yermak at meeting with …", "… - Volodymyr Zelenskyy": the name after a dash at the end
CREDIT_AFTER_DASH = re.compile(r"\s[-–—]\s+([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3})(?:\s+[a-z][^-–—]*)?\s*$")
# "Volodymyr Zelenskyy: A global document …": the name before a colon at the start
CREDIT_BEFORE_COLON = re.compile(r"^([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}):\s")
NO_TITLE = (-1, -1)  # a headline's title is written before the body: outside every mention


def headline_person(headline: str, names: ArticleNames) -> Named | None:
    """The body's person a headline credits its words to, by a dash at its end or a colon at its
    start; None when the credit is a title alone ("- President") or no one the body names."""
    for pattern in (CREDIT_AFTER_DASH, CREDIT_BEFORE_COLON):
        m = pattern.search(headline)
        if m is not None:
            return _body_person(m.group(1), names)
    return None


def _body_person(written: str, names: ArticleNames) -> Named | None:
    """The body's person a name in the headline is: the same full name, else the one full name
    ending in that surname."""
    if written in names.people and len(written.split()) > 1:
        return names.people[written]
    last = written.split()[-1]
    full = [p for p in names.people.values() if len(p.name.split()) > 1 and p.name.split()[-1] == last]
    if len(full) == 1 and (len(written.split()) == 1 or full[0].name.endswith(written)):
        return full[0]
    return None


def headline_titles(headline: str | None, names: ArticleNames) -> None:
    """Give each person the body names the title the headline writes before their name ("US
    President [Joseph Biden]"), read as written: the capitalised words and title glue before it."""
    if not headline:
        return
    for person in list(names.people.values()):
        words = person.name.split()
        if len(words) < 2:
            continue
        for m in re.finditer(rf"\b{re.escape(person.name)}\b|\b{re.escape(words[-1])}\b", headline):
            title = _title_before(headline[: m.start()])
            if title is not None:
                person.titles.append(Title(title, *NO_TITLE))
                break


def _title_before(text: str) -> str | None:
    """The title that ends a headline's text before a name: its last capitalised words and title
    glue, from the first word of an office ("Telephone conversation with [British Prime Minister]")."""
    words = text.split()
    run: list[str] = []
    for word in reversed(words):
        if word[:1].isupper() or word.lower() in GLUE:
            run.insert(0, word)
        else:
            break
    while run and (run[0].lower() in GLUE or office_head(" ".join(run)) is None):
        run = run[1:]
    while run and run[-1].lower() in GLUE:
        run = run[:-1]
    return " ".join(run) if run and office_head(" ".join(run)) is not None else None


def credited_holder(mention: Span, description: str, headline: str | None, names: ArticleNames) -> str | None:
    """``headline_speaker``: the headline's credited person for a definite title the body gives
    no one, when none of the titles the body gives them says otherwise."""
    if not headline or office_head(description) is None:
        return None
    person = headline_person(headline, names)
    if person is None:
        return _credited_by(description, headline, names)
    titles = person.titles_outside(mention)
    if titles and not office_fits(description, titles):
        return None
    return person.name


# "Remarks by President Biden and Prime Minister Smith Before …": the speakers after "by"
CREDITED_BY = re.compile(
    r"\b(?:[Rr]emarks|[Ss]tatements?|[Bb]riefing|[Cc]onference|[Aa]ddress|[Ii]nterview)\s+by\s+(.+)$")
NAME_WORD = re.compile(r"[A-Z][\w’'.-]*$")
NOT_NAME_WORDS = frozenset({"Before", "After", "At", "In", "On", "During", "With", "To", "For", "Upon"})


def credited_by(headline: str) -> list[tuple[str, str]]:
    """The (title, name) pairs a headline credits its words to with "by" ("Remarks by President
    Biden and Prime Minister Smith Before Bilateral Meeting" → President Biden, Prime Minister
    Smith): each a title (its office words, with "of Place") and the capitalised words after it,
    up to "and", a comma, a preposition or a lower-case word."""
    m = CREDITED_BY.search(headline)
    if m is None:
        return []
    out = []
    for part in re.split(r",\s*|\s+and\s+", m.group(1)):
        words = part.split()
        offices = [i for i, w in enumerate(words) if office_head(w) is not None]
        if not offices:
            continue
        end = offices[0]
        while end + 1 < len(words) and office_head(words[end + 1]) is not None:
            end += 1  # "Vice President", "Press Secretary"
        if end + 2 < len(words) and words[end + 1] in {"of", "for", "to"}:
            end += 2 + (words[end + 2] == "the")  # "Secretary of State", "Aide to the President"
        name = []
        for word in words[end + 1 :]:
            if not NAME_WORD.match(word) or word in NOT_NAME_WORDS or office_head(word) is not None:
                break
            name.append(word)
        if name:
            out.append((" ".join(words[: end + 1]), " ".join(name)))
    return out


def _credited_by(description: str, headline: str, names: ArticleNames) -> str | None:
    """Rule (credit by "by"): a transcript's "THE PRESIDENT:" whose holder the body never names is
    the one person the headline's "Remarks by …" gives a title that fits ("Remarks by President
    Biden and Prime Minister Smith" → Biden); the body's full name for that surname when it has
    one.  Two fitting, or none: no one."""
    fitting = [name for title, name in credited_by(headline) if office_fits(description, [title])]
    if len(fitting) != 1:
        return None
    body = _body_person(fitting[0], names)
    return body.name if body is not None else fitting[0]
