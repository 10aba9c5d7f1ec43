"""Titles and roles: a mention splits into its title and its name, and a title names its
organisation or country."""

from __future__ import annotations

import pytest

from onrecord.identity.titles import organization_of, split_title


@pytest.mark.parametrize("text, expected", [
    ("Ukraine's President Volodymyr Zelensky", ("Ukraine's President", "Volodymyr Zelensky")),
    ("President-elect Donald Trump", ("President-elect", "Donald Trump")),
    ("Denmark's prime minister", ("Denmark's prime minister", None)),
    ("Foreign Minister Dmytro Kuleba", ("Foreign Minister", "Dmytro Kuleba")),
    ("the Russian president", ("the Russian president", None)),
    ("Russian President Vladimir Putin", ("Russian President", "Vladimir Putin")),
    ("President of Ukraine Volodymyr Zelenskyy", ("President of Ukraine", "Volodymyr Zelenskyy")),
    ("Head of the Office of the President of Ukraine Andriy Yermak",
     ("Head of the Office of the President of Ukraine", "Andriy Yermak")),
    ("Kremlin spokesman Dmitry Peskov", ("Kremlin spokesman", "Dmitry Peskov")),
    ("Dmitry Peskov, the Kremlin spokesman", ("the Kremlin spokesman", "Dmitry Peskov")),
    ("NATO Secretary General Mark Rutte", ("NATO Secretary General", "Mark Rutte")),
    ("Secretary of State Marco Rubio", ("Secretary of State", "Marco Rubio")),
    ("former President Donald Trump", ("former President", "Donald Trump")),
    ("Mr. Putin", ("Mr.", "Putin")),
    ("Volodymyr Zelensky", (None, "Volodymyr Zelensky")),
    ("Zelensky's", (None, "Zelensky")),
    ("Ursula von der Leyen", (None, "Ursula von der Leyen")),
    ("the Kremlin", (None, "the Kremlin")),
    ("Western leaders", (None, "Western leaders")),
    ("", (None, None)),
])
def test_split_title(text: str, expected: tuple[str | None, str | None]) -> None:
    assert split_title(text) == expected


@pytest.mark.parametrize("title, organization", [
    ("Ukraine's President", "Ukraine"),
    ("President of Ukraine", "Ukraine"),
    ("German Chancellor", "Germany"),
    ("US President", "United States"),
    ("Kremlin spokesman", "Kremlin"),
    ("NATO Secretary General", "NATO"),
    ("Head of the Office of the President of Ukraine", "Office of the President of Ukraine"),
    ("Secretary of State", None),
    ("Putin's spokesman", None),
    ("President-elect", None),
])
def test_organization_of_a_title(title: str, organization: str | None) -> None:
    assert organization_of(title) == organization
