"""Titles and roles in speaker mentions: "Ukraine's President Volodymyr Zelensky" is the role
"Ukraine's President" and the name "Volodymyr Zelensky".

``split_title`` separates the two. ``role_tokens`` makes a role comparable whatever its wording
("the Russian president", "Russia's President" and "President of Russia" are one role), so that a
title alone can be matched to the name the same article gave it (``article_roles_from``,
``match_role``); ``collective_key`` and ``collective_slug`` do the same for the names of
organisations and groups, and ``organization_of`` reads the organisation or country a title names.
``is_generic`` and ``not_a_name`` tell a common noun phrase ("Ukrainian officials") from a name.
``office_words`` reads a title with the role lexicon (``lexicons/data/roles.yaml``: "Mr Justice" and
"the judge" are one office, "the top diplomat" a foreign minister) and ``office_fits`` says whether
a description ("the Iranian minister") fits the titles the article gave a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache

from onrecord.identity.names import HONORIFICS, NAME_PARTICLES, ascii_fold, parse_person, plain_word
from onrecord.lexicons.roles import load_role_lexicon
from onrecord.lexicons.title_words import (
    COUNTRIES,
    COUNTRY_PHRASES,
    DETERMINERS,
    HOLDER_WORDS,
    LEADING_NOISE,
    OBJECT_PREPOSITIONS,
    OF_WORDS,
    ROLE_SYNONYMS,
    TITLE_WORDS,
    TO_TITLES,
)

# --- role keys ----------------------------------------------------------------------------------

def _role_words(text: str) -> list[str]:
    """The words of a role or collective name that tell it apart, in order: determiners, "of",
    "and" and possessive endings dropped, nationalities as their country ("Russian" → russia)."""
    return list(_role_words_of(text))


@lru_cache(maxsize=65536)  # a pure function of the text, asked once per description and person
def _role_words_of(text: str) -> tuple[str, ...]:
    text = ascii_fold(text).casefold()
    for phrase, short in COUNTRY_PHRASES.items():
        text = text.replace(phrase, short)
    for phrase, same in ROLE_SYNONYMS.items():
        text = re.sub(rf"\b{phrase}\b", same, text)
    words = []
    for word in text.split():
        plain = re.sub(r"[^\w-]", "", plain_word(word)).strip("-")
        if plain and plain not in DETERMINERS and plain not in {"of", "and", "for"}:
            words.append(COUNTRIES[plain].lower().replace(" ", "-") if plain in COUNTRIES else plain)
    return tuple(words)


def role_tokens(text: str) -> frozenset[str]:
    """A role or collective name as a set of words: "the Russian president", "Russia's President"
    and "President of Russia" all give {president, russia}."""
    return frozenset(_role_words(text))


def collective_key(text: str) -> str:
    """What organisation and group names are matched on: their role words, sorted, so that
    "Russian Foreign Ministry" and "Foreign Ministry of Russia" are one ("the Kremlin" → kremlin)."""
    return "-".join(sorted(role_tokens(text)))


def collective_slug(text: str) -> str:
    """A readable id for an organisation or group: its words in English order, "of" phrases
    first ("Foreign Ministry of Russia" → russia-foreign-ministry, like "Russian Foreign Ministry")."""
    parts = re.split(r"\bof\b", ascii_fold(text).casefold())
    words = [w for part in reversed(parts) for w in _role_words(part)]
    return "-".join(words)


# --- offices: titles compared as the office they name --------------------------------------------


@cache
def _office_wordings() -> tuple[tuple[tuple[str, ...], str], ...]:
    """The lexicon's wordings as role words ("secretary of state" → secretary, state), each with
    its office as one word ("foreign-minister"), longest first."""
    pairs = [(tuple(_role_words(" ".join(w))), "-".join(o)) for w, o in load_role_lexicon().offices]
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))


def office_words(text: str) -> list[str]:
    """A title's words as offices are compared: its role words (nationalities as their country),
    honorifics and fillers ("top") left out, each wording of an office read as the office:
    "Mr Justice" → [judge]; "the top Russian diplomat" → [russia, foreign-minister]."""
    return list(_office_words_of(text))


@lru_cache(maxsize=65536)  # roles compare every description with every title of every person
def _office_words_of(text: str) -> tuple[str, ...]:
    lexicon = load_role_lexicon()
    words = [w for w in _role_words(text) if w not in HONORIFICS and w not in lexicon.fillers]
    out: list[str] = []
    i = 0
    while i < len(words):
        for wording, office in _office_wordings():
            if tuple(words[i : i + len(wording)]) == wording:
                out.append(office)
                i += len(wording)
                break
        else:
            out.append(words[i])
            i += 1
    return tuple(out)


@cache
def _offices() -> frozenset[str]:
    return frozenset(office for _, office in _office_wordings()) | load_role_lexicon().person_nouns


def _is_office(word: str) -> bool:
    return word in _offices()


@lru_cache(maxsize=65536)
def office_head(text: str) -> str | None:
    """The office a title names: the last office or person noun before its first "of", "at",
    "for" … ("Iranian Foreign Minister" → foreign-minister; "Head of the Office of the President"
    → head; "Minister of Foreign Affairs", one wording across the "of", → foreign-minister);
    None for a title without one ("Russian Foreign Ministry"; "donors who have become allies of
    the candidate")."""
    words = office_words(text)
    first = re.split(r"\s+(?:of|for|at|in|to|with|who|that|which|from)\s+", text, maxsplit=1)[0]
    part = office_words(first) if first != text else words
    heads = [w for w in part if _is_office(w)]
    if not heads:
        return None
    if heads[-1] in words:
        return heads[-1]
    spanning = [w for w in words if _is_office(w) and w not in part]  # a wording across the "of"
    return spanning[0] if spanning else heads[-1]


def heads_agree(a: str, b: str) -> bool:
    """One office, or one the other's general word: "minister" fits "foreign-minister"."""
    return a == b or a in b.split("-") or b in a.split("-")


_COUNTRY_WORDS = frozenset(c.lower().replace(" ", "-") for c in COUNTRIES.values())


def office_fits(description: str, titles: list[str]) -> int:
    """How well a description ("the Iranian minister") fits a person the article gave these
    titles: 0 when it does not (another office, another country, "deputy" on one side only);
    else 3 for the same office, 2 for its general word, 1 for a title that names no office but
    shares the description's other words ("Russian Foreign Ministry" for "the top Russian
    diplomat"); one point more for each other word they share.  The best of ``title_fits``."""
    return max((title_fits(description, one) for title in titles for one in joined_titles(title)), default=0)


def joined_titles(title: str) -> list[str]:
    """The titles one title joins with "and" ("Deputy Prime Minister and Minister for the
    Reintegration of …": a deputy prime minister, and a minister); a portfolio list ("Minister of
    Trade and Industry") is one title."""
    parts = re.split(r"\s+and\s+(?=[A-Z])", title)
    if len(parts) > 1 and all(title_word(p.split()[0]) in TITLE_WORDS for p in parts[1:] if p.split()):
        return parts
    return [title]


@lru_cache(maxsize=65536)  # roles ask of every description each title of every person: pairs repeat
def title_fits(description: str, title: str) -> int:
    """How well a description fits one title (``office_fits``)."""
    wanted = office_words(description)
    head = office_head(description)
    if head is None:
        return 0
    distinguishing = load_role_lexicon().distinguishing
    words = office_words(title)
    other = office_head(title)
    if {w for w in wanted if w in distinguishing} != {w for w in words if w in distinguishing}:
        return 0
    countries, their_countries = _COUNTRY_WORDS.intersection(wanted), _COUNTRY_WORDS.intersection(words)
    if countries and their_countries and not countries & their_countries:
        return 0
    rest = {w for w in wanted if w != head and w not in distinguishing}
    shared = rest & (set(words) | {p for w in words for p in w.split("-")})
    if other is not None and heads_agree(head, other):
        score = 3 if head == other else 2
    elif _leads_the_country(head, other, countries, their_countries, bare=not rest):
        score = 2  # "the French leader" for the one the article calls "President of France"
    elif other is None and set(head.split("-")) & set(words) and (not countries or countries & their_countries):
        score = 1  # "Russian Foreign Ministry" for a foreign minister: the office's own word
    else:
        return 0
    if _names_differ(description, title):
        return 0
    return score + len(shared)


def _leads_the_country(head: str, other: str | None, countries: set[str], their_countries: set[str],
                       bare: bool = False) -> bool:
    """Rule (leader): "the French leader", "the Lithuanian leader" names the one who leads that
    country, whatever the office (president, prime minister, chancellor: ``leader_offices`` in
    roles.yaml): a title of that office for the same country fits it; "the leader" alone
    (``bare``: no country, nothing else) fits any of those offices (the prime minister the story
    is about), "the leader of the opposition" none; a country on one side only says nothing."""
    if head != "leader" or other not in load_role_lexicon().leader_offices:
        return False
    return bool(countries & their_countries) or (bare and not countries)


@cache
def _office_parts() -> frozenset[str]:
    return frozenset(p for wording, _ in _office_wordings() for p in wording)


def _proper_words(text: str) -> set[str]:
    """The names in a title besides its office: capitalised words that are no title word
    ("the Labour leader" → labour; "the Commons leader" → commons), nationalities as countries.
    A possessive is left out unless it is a country: "Putin's adviser" may be the Kremlin's."""
    lexicon = load_role_lexicon()
    office_parts = _office_parts()
    words = set()
    for token in text.split():
        word = plain_word(token)
        if word in COUNTRIES:
            words.add(COUNTRIES[word].lower())
        elif token[:1].isupper() and not _is_possessive(token) and word not in lexicon.person_nouns \
                and word not in TITLE_WORDS | HONORIFICS | DETERMINERS | office_parts:
            words.add(word)
    return words


def _names_differ(description: str, title: str) -> bool:
    """Two titles that name different bodies: each names one the other does not mention at all,
    and they name none in common ("the Labour leader" is not "the Commons leader"; "the
    Conservative health minister" may be "Health Minister X", whose "Health" is in both)."""
    mine_words, their_words = set(_role_words(description)), set(_role_words(title))
    mine = {w for w in _proper_words(description) if w not in their_words}
    theirs = {w for w in _proper_words(title) if w not in mine_words}
    return bool(mine and theirs and not _proper_words(description) & _proper_words(title))


# --- titles -------------------------------------------------------------------------------------


@lru_cache(maxsize=65536)  # a pure function of the token, asked of every word of every mention
def title_word(token: str) -> str:
    """A token as looked up in the title lists: "President-elect" → "president", "Sen." → "sen"."""
    word = plain_word(token)
    word = re.sub(r"^(ex|then|former)-", "", word)
    return re.sub(r"-(elect|designate|in-chief)$", "", word)


def _is_possessive(token: str) -> bool:
    return token.rstrip(",;:").endswith(("'s", "’s", "s'", "s’"))


def _is_modifier(token: str) -> bool:
    # capitalised words before a title belong to it: "NATO Secretary General", "German Chancellor"
    return token[:1].isupper() or plain_word(token) in COUNTRIES


def _holder_named_after(tokens: list[str], j: int, k: int) -> bool:
    """Object rule: an "of"/"for"/"to" phrase with no article that ends in an office holder's
    title followed by a name ("a spokesman for [President Zelensky]", "an aide to [Prime Minister
    Boris Johnson]") names another person, the object of the preposition: the title before the
    preposition does not take the name.  "Press Secretary of the President Dmitry Peskov" has
    the article: "the President" is the object, and the name is the secretary's."""
    return (0 < k < len(tokens) and title_word(tokens[k - 1]) in HOLDER_WORDS
            and tokens[k][:1].isupper() and not _is_possessive(tokens[k - 1]))


def _after_of_phrases(tokens: list[str], i: int) -> int:
    """The end of "of ..." phrases after a title word: "President of Ukraine", "Head of the Office
    of the President of Ukraine"; "to ..." after an adviser's title ("Adviser to the Head of …")."""
    end = i
    joins = {"of", "for", "to"} if i > 0 and title_word(tokens[i - 1]) in TO_TITLES else {"of", "for"}
    while i < len(tokens) and title_word(tokens[i]) in joins:
        j = i + 1
        while j < len(tokens) and title_word(tokens[j]) in DETERMINERS:
            j += 1
        k = j
        while k < len(tokens) and (title_word(tokens[k]) in OF_WORDS or title_word(tokens[k]) == "and"
                                   or plain_word(tokens[k]) in COUNTRIES and tokens[k][:1].isupper()):
            k += 1
        while k > j and title_word(tokens[k - 1]) == "and":
            k -= 1  # "of Health and [Human …": a list of portfolios does not end in "and"
        national = any(plain_word(t) in COUNTRIES and t[:1].isupper() for t in tokens[j:k])
        if k == j or ((j == i + 1 or national) and _holder_named_after(tokens, j, k)):
            break
        i = end = k
    return end


def _title_end(tokens: list[str]) -> int:
    """How many leading tokens are the title: up to its last title word (and "of" phrase).  A
    title word in the possessive before more words is a modifier ("the President's Office …",
    "the President's adviser"), and "and" before another title word joins two titles of one
    person ("Deputy Prime Minister and Minister for the Reintegration of … Iryna Vereshchuk")."""
    i = end = 0
    while i < len(tokens):
        word = title_word(tokens[i])
        if (word in TITLE_WORDS or word in HONORIFICS) and not (_is_possessive(tokens[i]) and i + 1 < len(tokens)):
            i = end = _after_of_phrases(tokens, i + 1)
        elif word == "and" and end == i and i + 1 < len(tokens) and title_word(tokens[i + 1]) in TITLE_WORDS \
                and tokens[i + 1][:1].isupper():
            i += 1
        elif word in DETERMINERS or _is_possessive(tokens[i]) or _is_modifier(tokens[i]):
            i += 1
        else:
            break
    return end


def clean_name(text: str) -> str:
    """A mention without surrounding quotes, brackets and punctuation or a possessive ending."""
    text = " ".join(text.split()).strip("\"“”‘’'()[],;: ")
    for ending in ("'s", "’s"):
        if text.endswith(ending):
            text = text[: -len(ending)]
    return text.strip()


def strip_determiner(text: str) -> str:
    """A name without its leading determiners ("the Kremlin" → "Kremlin")."""
    words = clean_name(text).split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words)


def _split_appositive(text: str) -> tuple[str, str] | None:
    """ "Dmitry Peskov, the Kremlin spokesman" and "the Kremlin spokesman, Dmitry Peskov"."""
    if "," not in text:
        return None
    left, right = (part.strip() for part in text.split(",", 1))
    for name_part, title_part in ((left, right), (right, left)):
        if "," in title_part:
            continue  # "Clinton, Tanden, head of the Center …": a list of names, not one apposition
        title, rest = _split_plain(title_part)
        if title and rest is None and _split_plain(name_part)[0] is None and clean_name(name_part):
            return title_part.strip(" ,"), clean_name(name_part)
    return None


def named_as_object(before: str) -> bool:
    """Object rule: the words before a name end in a preposition, with at most an office holder's
    title between ("an aide to [Boris Johnson]", "a spokesman for President [Zelensky]", "for the
    Russian President [Vladimir Putin]"): the name is the object of that preposition, someone
    other than the one the words describe.  "Press Secretary of the President [Dmitry Peskov]"
    (the article with the title alone, as the Kremlin's releases write it) and "… Contact Group
    MP [Andriy Kostin]" end in the title of the person named, as does a title "for" a portfolio
    with no holder's title in it ("Lexington Institute VP for Defense [Rebecca Grant]")."""
    words = before.split()
    popped = []
    while words and words[-1][:1].isupper() and title_word(words[-1]) in TITLE_WORDS:
        popped.append(title_word(words.pop()))
    if popped and not set(popped) & HOLDER_WORDS and len(words) >= 2 and words[-1] == "for" \
            and title_word(words[-2]) in TITLE_WORDS:
        return False  # portfolio rule: "VP for Defense [Rebecca Grant]" is one title, its holder named
    national = False
    while words and words[-1][:1].isupper() and (plain_word(words[-1]) in COUNTRIES or _is_possessive(words[-1])):
        words.pop()
        national = True
    while national and words and plain_word(words[-1]) in DETERMINERS:
        words.pop()
    return bool(words) and words[-1] in OBJECT_PREPOSITIONS


def _title_before_name(tokens: list[str], end: int) -> int | None:
    """Where the title ends when the words after its first part open with a preposition: at a
    later title word right before the name, if that name is not the preposition's object ("The
    First Deputy Head of the Ukrainian Delegation to the Trilateral Contact Group MP | Andriy
    Kostin"); None when there is none ("an aide to Boris Johnson")."""
    for m in range(len(tokens) - 2, end - 1, -1):
        rest = tokens[m + 1 :]
        if tokens[m][:1].isupper() and title_word(tokens[m]) in TITLE_WORDS and len(rest) <= 3 \
                and all(t[:1].isupper() and title_word(t) not in TITLE_WORDS for t in rest):
            return None if named_as_object(" ".join(tokens[: m + 1])) else m + 1
    return None


def _split_plain(text: str) -> tuple[str | None, str | None]:
    tokens = text.split()
    while tokens and plain_word(tokens[0]) in LEADING_NOISE:
        tokens = tokens[1:]
    end = _title_end(tokens)
    title = " ".join(tokens[:end]).strip(" ,") or None
    name = clean_name(" ".join(tokens[end:])) or None
    if name and all(plain_word(w) in DETERMINERS for w in name.split()):
        name = None  # "the" alone is no name
    words = (name or "").split()
    cut = next((i for i, w in enumerate(words) if i and w in OBJECT_PREPOSITIONS), None)
    if title and cut is not None:
        name = clean_name(" ".join(words[:cut]))  # "Mayor Tom Hale of Dover": the name ends before "of"
    if title and name and name.split()[0] in OBJECT_PREPOSITIONS:
        # Object rule: "an aide to Boris Johnson", "a spokesman for President Zelensky": the name
        # after the preposition is another person's; the whole mention describes one unnamed
        later = _title_before_name(tokens, end)
        if later is None:
            return " ".join(tokens), None
        return " ".join(tokens[:later]), clean_name(" ".join(tokens[later:]))
    return title, name


@lru_cache(maxsize=65536)  # a pure function of the mention; the same mentions are split per statement
def split_title(text: str) -> tuple[str | None, str | None]:
    """A mention as (title, name): "Ukraine's President Volodymyr Zelensky" → ("Ukraine's
    President", "Volodymyr Zelensky"); "Denmark's prime minister" → ("Denmark's prime minister",
    None); "the Kremlin" → (None, "the Kremlin")."""
    text = " ".join(text.split()).strip(" ,;:")
    if not text:
        return None, None
    return _split_appositive(text) or _split_plain(text)


def organization_of(title: str) -> str | None:
    """The organisation or country a title names: "President of Ukraine" → "Ukraine", "Kremlin
    spokesman" → "Kremlin", "German Chancellor" → "Germany"; None when it names none."""
    if " of " in f" {title} ":
        # "Secretary of State", "Minister of Foreign Affairs" name a post, not an organisation;
        # "Press Secretary of the President of Ukraine" speaks for Ukraine
        parts = title.split(" of ")[1:]
        post_words = TITLE_WORDS | DETERMINERS | {"affairs"}
        while parts and all(title_word(w) in post_words for w in parts[0].split()):
            parts = parts[1:]
        return _country_or_text(strip_determiner(" of ".join(parts)).split()) if parts else None
    leading = []
    for token in title.split():
        word = title_word(token)
        if not leading and word in LEADING_NOISE:
            continue
        if word in TITLE_WORDS or word in HONORIFICS:
            break
        if word not in DETERMINERS:
            leading.append(token)
    return _country_or_text(leading)


def _country_or_text(words: list[str]) -> str | None:
    if len(words) == 1 and plain_word(words[0]) in COUNTRIES:
        return COUNTRIES[plain_word(words[0])]
    # "Putin's spokesman": a person's, not an organisation; "his spokesman", no name at all
    if not words or any(_is_possessive(w) for w in words) or not words[0][:1].isupper():
        return None
    return clean_name(" ".join(words))


def article_roles_from(mentions: Iterable[str]) -> dict[str, str]:
    """Roles seen for names in one article, for ``resolve``: "Russian President Vladimir Putin" →
    {"Russian President": "Vladimir Putin"}; later mentions of a role win."""
    return dict(titled_pairs(mentions))


def titled_pairs(mentions: Iterable[str]) -> list[tuple[str, str]]:
    """Every (title, name) the mentions state, in their order: two mayors of one article are
    both here, where ``article_roles_from`` keeps the later for the title "Mayor"."""
    return [(title, name) for mention in mentions for title, name in titled_names(mention)
            if title and name and title_word(title.split()[-1]) not in HONORIFICS
            and "(" not in title]  # "Democrats (Senator Ted Cruz": no title of his


def title_in_case(title: str) -> str:
    """A title a transcript's label wrote in capitals ("SECRETARY GENERAL", "NATO SECRETARY
    GENERAL") as a title is written in running text ("Secretary General", "NATO Secretary
    General"): its title words and small words capitalised, anything else (an acronym) as it is."""
    if not title.isupper():
        return title
    small = {"of", "the", "and", "for", "to"}
    words = [w.lower() if w.lower() in small and i else w.capitalize()
             if title_word(w) in TITLE_WORDS or w.lower() in small else w for i, w in enumerate(title.split())]
    return " ".join(words)


LIST_SEPARATOR = re.compile(r",\s+|;\s+|\s+and\s+")


def stated_title(mention: str, name: str) -> str | None:
    """The title a mention puts right before this person's name ("Ukraine's President Volodymyr
    Zelensky" → "Ukraine's President"), from the part of a list that names them
    (``titled_names``); None for none, or for an honorific (Mr, Dr)."""
    surname = name.split()[-1:]
    titled = [title for title, bare in titled_names(mention) if title and bare and bare.split()[-1:] == surname]
    if not titled or title_word(titled[-1].split()[-1]) in HONORIFICS:
        return None
    return titled[-1]


def titled_names(mention: str) -> list[tuple[str | None, str | None]]:
    """``split_title`` of a mention, and of each of its parts when the parse ran it over a list
    ("President of Poland Andrzej Duda and President of Ukraine Volodymyr Zelenskyy": two titled
    names, not one title for "Andrzej Duda and President of Ukraine Volodymyr Zelenskyy"); a title
    with "and" in it ("Minister of Trade and Industry Jane Doe") is one."""
    title, name = split_title(mention)
    if not name or not LIST_SEPARATOR.search(name):
        return [(title, name)]
    # each part that opens with a title word and ends in a full name ("President of the Republic
    # of Lithuania Gitanas Nausėda"); not an apposition ("a former top adviser to Mrs. Clinton")
    parts = [split_title(part) for part in LIST_SEPARATOR.split(mention)]
    return [(t, n) for t, n in parts if t and n and title_word(t.split()[0]) in TITLE_WORDS and len(n.split()) > 1]


def match_role(wanted: frozenset[str], article_roles: dict[str, str]) -> tuple[str, str] | None:
    """The (role, name) of the article that a title alone refers to: the same role words, else
    the one person whose role words contain these or are contained in them (not by another
    office's words: a deputy or an adviser of a head is not the head)."""
    entries = [(role_tokens(role), role, name) for role, name in article_roles.items() if name]
    contained = [e for e in entries
                 if e[0] and (wanted <= e[0] or e[0] <= wanted and not _another_office(wanted - e[0]))]
    for pool in ([e for e in entries if e[0] == wanted], contained):
        people = {_person_surname(name) for _, _, name in pool}
        if len(people) == 1:
            _, role, name = max(pool, key=lambda e: (len(e[2]), e[2]))
            return role, name
        if pool:
            return None  # several people fit: do not guess
    return None


def _another_office(extra: frozenset[str]) -> bool:
    """Words a title has beyond a role it contains that make it another office: "Adviser to the
    Head of the Office" and "Deputy Head of the Office" hold "Head of the Office" but are not its
    holder; "Ukrainian" or a place only qualifies it."""
    return bool(extra & TITLE_WORDS)


def _person_surname(name: str) -> str:
    parsed = parse_person(split_title(name)[1] or name)
    return parsed.surname if parsed else name


# --- acronyms -----------------------------------------------------------------------------------

# words an organisation's name may hold that its acronym leaves out ("Centers for Disease Control")
ACRONYM_GLUE = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des", "&"})


def initials(words: list[str]) -> str:
    """The initials of a name's words, its small words left out: Federal Aviation Administration
    → FAA."""
    return "".join(w[0] for w in words if w and w.lower() not in ACRONYM_GLUE and w[0].isalpha()).upper()


def spells(acronym: str, words: list[str]) -> bool:
    """Whether an acronym's letters are the initials of these words, in order, starting with the
    first and allowing words it leaves out ("CDC": Centers for Disease Control and Prevention)."""
    letters = acronym.replace("&", "").upper()
    first = initials(words)
    if not first or not letters or first[0] != letters[0]:
        return False
    i = 0
    for ch in first:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters)


def is_acronym_of(acronym: str, name: str) -> bool:
    """An acronym written alone ("WHO", "FAA") and an organisation's full name it abbreviates, for
    linking the two across articles: the letters are exactly the name's initials (small words
    left out) or, with at least three letters, spell its words in order."""
    words = strip_determiner(name).split()
    if not acronym.isupper() or len(words) < 2 or not acronym.isalpha():
        return False
    return initials(words) == acronym or (len(acronym) >= 3 and spells(acronym, words))


# --- common nouns or names ----------------------------------------------------------------------


def is_generic(name: str) -> bool:
    """A common noun phrase ("the ministry", "officials"), not a proper name ("the Kremlin",
    "al-Assad", "von der Leyen")."""
    words = [w for w in name.split() if w.lower() not in DETERMINERS]
    if not words or re.split(r"[-’']", plain_word(words[0]))[0] in NAME_PARTICLES:
        return False
    return all(w[:1].islower() for w in words)


def not_a_name(text: str) -> bool:
    """Whether a person's mention is a common noun phrase: generic, or ending in a lowercase word
    ("Ukrainian officials"); "al-Assad" and "de Gaulle" are names."""
    last = re.split(r"[-’']", text.split()[-1])[-1]
    return is_generic(text) or last[:1].islower()
