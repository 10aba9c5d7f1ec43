"""Statement.to_dict writes what dataclasses.asdict wrote, without its per-leaf deepcopy."""

from dataclasses import asdict

from onrecord.model.statement import Cue, Mention, Quote, SaidOn, Segment, Speaker, Statement, Venue, plain


def full_statement() -> Statement:
    return Statement(
        kind="mixed",
        quote=Quote("we will not sign", 10, 26, [Segment(10, 16), Segment(20, 26)]),
        cue=Cue("said", 30, 34, "say", "speech"),
        speaker=Speaker("Ana Ruiz", "person", Mention("Ruiz", 40, 44), members=["a", "b"]),
        venue=Venue("the council", "meeting", "at the council", 50, 64),
        said_on=SaidOn("2024-03-01", "day", "on Friday"),
        issues=["ceasefire"],
        stances={"ceasefire": {"label": "oppose", "evidence": ["not"], "confidence": 0.8, "pair": (1, "x")}},
    )


def test_plain_equals_asdict_on_a_full_statement() -> None:
    s = full_statement()
    assert plain(s) == asdict(s)
    assert list(plain(s)) == list(asdict(s))  # the same key order, so the same JSON


def test_plain_copies_containers_so_the_dict_does_not_alias_the_record() -> None:
    s = full_statement()
    d = plain(s)
    d["issues"].append("other")
    d["stances"]["ceasefire"]["evidence"].append("never")
    assert s.issues == ["ceasefire"] and s.stances["ceasefire"]["evidence"] == ["not"]


def test_to_dict_writes_the_cue_class_as_class() -> None:
    d = full_statement().to_dict()
    assert d["cue"]["class"] == "speech" and "cls" not in d["cue"]
    assert Statement.from_dict(d).to_dict() == d
