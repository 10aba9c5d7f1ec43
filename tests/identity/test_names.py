"""Person names as keys: transliteration variants, accents, middle initials and nicknames collapse;
a suffix ("Jr.") keeps two people apart."""

from __future__ import annotations

from onrecord.identity.names import parse_person


def test_name_keys_collapse_transliteration_variants() -> None:
    keys = {parse_person(name) for name in ["Zelensky", "Zelenskyy", "Zelenskiy", "Zelenskij", "Zelenskyi"]}
    assert len(keys) == 1
    assert parse_person("Donald J. Trump") == parse_person("Donald Trump")
    assert parse_person("Donald Trump Jr.") != parse_person("Donald Trump")
    assert parse_person("Erdoğan") == parse_person("Erdogan")
    assert parse_person("Podolyak") == parse_person("Podoliak")
    assert parse_person("Joe Biden") == parse_person("Joseph Biden")
