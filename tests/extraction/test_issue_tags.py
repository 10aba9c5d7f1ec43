"""Issue taxonomies (loading, validation with line numbers) and issue tagging, on small texts
we write; plus the seed article's gold statements."""

from __future__ import annotations

import json
import re
import textwrap

import pytest
from shared_path import SHARED

from onrecord.errors import TaxonomyError
from onrecord.extraction.issue_tags import (
    check_patterns,
    issue_hits,
    issue_matcher,
    issues_in_ranges,
    parse_only,
    tag_statement,
    tag_text,
)
from onrecord.extraction.statement_issues import continues_topic, inherit_issues
from onrecord.lexicons.taxonomy import load_taxonomy, parse_taxonomy

SEED = SHARED / "seed"

MINIMAL = """\
taxonomy: harbour
label: Harbour dispute
issues:
  - id: dredging
    label: Dredging
    proposition: The harbour should be dredged this year.
    aliases: [dredge_works]
    triggers:
      lemmas: [dredge, silt]
      phrases: [shipping ... channel]
      patterns:
        - [{LOWER: quay}, {LOWER: seven}]
    stance:
      for: [deepen]
      against: [leave ... as it is]
    examples:
      - The council voted to dredge the harbour.
      - text: We will never dredge the bay.
        stance: oppose
"""


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


# --- the shipped taxonomy ------------------------------------------------------------------


def test_default_taxonomy_has_the_war_issues(tax):
    assert tax.ids == ["territory", "nato", "security_guarantees", "ceasefire", "negotiations",
                       "weapons_permissions", "sanctions", "prisoners_humanitarian"]
    for issue in tax.issues.values():
        assert issue.label and issue.proposition.endswith(".")


def test_aliases_resolve_to_the_canonical_id(tax):
    assert tax.resolve("nato_membership") == "nato"
    assert tax.resolve("weapons_and_permissions") == "weapons_permissions"
    assert tax.resolve("prisoners_and_humanitarian") == "prisoners_humanitarian"
    assert "nato_membership" in tax and "elections" not in tax
    with pytest.raises(KeyError, match="unknown issue 'elections'"):
        tax.resolve("elections")


def test_default_taxonomy_is_loaded_once(tax):
    assert load_taxonomy() is tax


def test_matcher_is_built_once_per_pipeline(nlp, tax):
    assert issue_matcher(nlp, tax) is issue_matcher(nlp, tax)


def test_every_shipped_example_is_tagged_with_its_issue(nlp, tax):
    for issue in tax.issues.values():
        for example in issue.examples:
            assert issue.id in tag_text(nlp, example.text, tax), (issue.id, example.text)


# --- a user's taxonomy ---------------------------------------------------------------------


def test_user_taxonomy_from_a_file(tmp_path, nlp):
    path = tmp_path / "harbour.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    tax = load_taxonomy(path)
    assert tax.id == "harbour" and tax.ids == ["dredging"]
    assert tax.resolve("dredge_works") == "dredging"
    issue = tax["dredging"]
    assert issue.examples[0].stance is None and issue.examples[1].stance == "oppose"
    assert tag_text(nlp, "Silt keeps piling up.", tax) == ["dredging"]
    assert tag_text(nlp, "Ships wait at quay seven.", tax) == ["dredging"]  # raw pattern
    assert tag_text(nlp, "The shipping in the channel is slow.", tax) == ["dredging"]  # gap
    assert tag_text(nlp, "The ferry runs on time.", tax) == []


def _error(text: str) -> str:
    with pytest.raises(TaxonomyError) as info:
        parse_taxonomy(textwrap.dedent(text), source="mine.yaml")
    return str(info.value)


def _replace(old: str, new: str) -> str:
    assert old in MINIMAL
    return MINIMAL.replace(old, new)


def _line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def test_error_names_the_line_of_an_unknown_key():
    text = _replace("    triggers:", "    trigers:")
    message = _error(text)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'trigers')}:")
    assert "did you mean 'triggers'" in message


def test_error_names_the_line_of_a_two_sentence_proposition():
    text = _replace("dredged this year.", "dredged this year. And soon.")
    assert f"line {_line_of(text, 'And soon')}:" in _error(text)
    assert "one sentence" in _error(text)


def test_error_names_the_issue_missing_a_proposition():
    text = _replace("    proposition: The harbour should be dredged this year.\n", "")
    message = _error(text)
    assert f"line {_line_of(text, '- id: dredging')}:" in message and "no 'proposition'" in message


def test_error_on_a_lemma_that_is_a_phrase():
    text = _replace("lemmas: [dredge, silt]", "lemmas:\n        - dredge\n        - silt up")
    message = _error(text)
    assert f"line {_line_of(text, '- silt up')}:" in message and "put it under 'phrases'" in message


def test_error_on_an_invalid_matcher_pattern():
    text = _replace("{LOWER: quay}", "{LOWERCASE: quay}")
    taxonomy = parse_taxonomy(textwrap.dedent(text), source="mine.yaml")  # the shape is right
    with pytest.raises(TaxonomyError) as info:
        check_patterns(taxonomy)  # spaCy's schema is checked when a pipeline compiles it
    message = str(info.value)
    assert message.startswith(f"mine.yaml, line {_line_of(text, 'LOWERCASE')}:") and "Matcher pattern" in message


def test_error_on_an_aim_of_an_issue_that_is_not_there():
    phrases = "      phrases: [shipping ... channel]\n"
    text = _replace(phrases, phrases + "      aim_of: {tolls: [end]}\n")
    message = _error(text)
    assert f"line {_line_of(text, 'aim_of')}:" in message and "'tolls'" in message and "no other issue" in message


def test_error_on_an_aim_of_named_by_an_alias():
    # an issue's alias names it for people; the hits the rule compares carry its id
    second = ("  - id: tolls\n    label: Tolls\n    proposition: Ships should pay tolls.\n"
              "    aliases: [harbour_tolls]\n    triggers:\n      lemmas: [toll]\n")
    phrases = "      phrases: [shipping ... channel]\n"
    text = _replace(phrases, phrases + "      aim_of: {harbour_tolls: [end]}\n") + second
    message = _error(text)
    assert "'harbour_tolls'" in message and "no other issue's id" in message
    parse_taxonomy(textwrap.dedent(text.replace("harbour_tolls: [end]", "tolls: [end]")), source="mine.yaml")


def test_error_on_an_unknown_example_stance():
    text = _replace("stance: oppose", "stance: against")
    message = _error(text)
    assert f"line {_line_of(text, 'stance: against')}:" in message and "support" in message


def test_error_on_a_name_used_twice():
    second = MINIMAL.split("issues:\n", 1)[1].replace("id: dredging", "id: dredge_works")
    text = MINIMAL + second
    message = _error(text)
    assert f"line {_line_of(text, '- id: dredge_works')}:" in message
    assert "'dredge_works' is already used by issue 'dredging'" in message


def test_error_on_a_key_given_twice():
    text = _replace("    label: Dredging\n", "    label: Dredging\n    label: Again\n")
    assert f"line {_line_of(text, 'label: Again')}:" in _error(text)


def test_error_on_a_bad_issue_id():
    text = _replace("id: dredging", "id: Dredging Works")
    assert f"line {_line_of(text, 'Dredging Works')}:" in _error(text)


def test_error_on_broken_yaml_names_the_line():
    text = _replace("lemmas: [dredge, silt]", "lemmas: [dredge, silt")
    message = _error(text)
    assert re.match(r"mine\.yaml, line \d+: not valid YAML", message)


def test_error_on_an_issue_without_triggers():
    text = _replace("      lemmas: [dredge, silt]\n      phrases: [shipping ... channel]\n      patterns:\n"
                    "        - [{LOWER: quay}, {LOWER: seven}]\n", "      lemmas: []\n")
    assert "has no triggers" in _error(text)


def test_error_on_an_empty_file_and_a_missing_file(tmp_path):
    assert "empty" in _error("")
    with pytest.raises(TaxonomyError, match="cannot read"):
        load_taxonomy(tmp_path / "missing.yaml")


def test_scalars_stay_text():
    # `no` would be a boolean in plain YAML; in a taxonomy it is the word
    text = _replace("for: [deepen]", "for: [deepen, no]")
    assert [p.text for p in parse_taxonomy(text).issues["dredging"].for_phrases] == ["deepen", "no"]


# --- tagging -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Kyiv will not trade its southern land for a pause.", "territory"),
        ("The borders of 1991 remain the goal.", "territory"),  # lemma: borders → border
        ("The Nato summit offered no invitation.", "nato"),  # case-insensitive
        ("Paris offered peacekeepers for the morning after.", "security_guarantees"),
        ("Both armies must stop the fighting at midnight.", "ceasefire"),
        ("They want to end this long war.", "ceasefire"),  # "end ... war"
        ("A cease-fire was signed at dawn.", "ceasefire"),
        ("The talks in Geneva resume next week.", "negotiations"),
        ("The allies sent two more air defense systems.", "weapons_permissions"),
        ("The new sanctions target shipping firms.", "sanctions"),
        ("Two hundred prisoners came home on Friday.", "prisoners_humanitarian"),
    ],
)
def test_trigger_rule_tags_the_issue(nlp, tax, text, issue):
    assert issue in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    "text",
    [
        "Troops are massing on the border again.",
        "The migration crisis at the borders of the union worries everyone.",
    ],
)
def test_a_border_as_a_place_is_not_the_territorial_question(nlp, tax, text):
    assert "territory" not in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    "text",
    ["We will restore our borders.", "Peace is possible only within our recognized borders."],
)
def test_which_borders_is_the_territorial_question(nlp, tax, text):
    assert "territory" in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    ("text", "issues"),
    [
        ("Russia is a rising threat to NATO.", []),  # the alliance named, not Ukraine joining it
        ("The proposals were sent to NATO in 2020.", []),
        ("Ukraine's path to NATO is irreversible.", ["nato"]),
        ("Ukraine seeks admission to NATO.", ["nato"]),
    ],
)
def test_nato_as_a_destination_is_membership_only_as_a_way_in(nlp, tax, text, issues):
    assert [i for i in tag_text(nlp, text, tax) if i == "nato"] == issues


def test_no_issue_in_an_unrelated_text(nlp, tax):
    assert tag_text(nlp, "The mayor opened a new library on Tuesday.", tax) == []
    assert tag_text(nlp, "   ", tax) == []


def test_tag_statement_reads_the_attribution_sentence(nlp, tax):
    quote = "it has to hold this time"
    sentence = "The minister welcomed the truce, saying it has to hold this time."
    assert tag_text(nlp, quote, tax) == []
    assert tag_statement(nlp, quote, sentence, tax) == ["ceasefire"]
    assert tag_statement(nlp, "We need more air defense.", "", tax) == ["weapons_permissions"]


def test_issues_in_ranges_on_a_parsed_article(nlp, tax):
    text = "The talks went nowhere. Later the army asked for more missiles."
    doc = parse_only(nlp, [text])[0]
    hits = issue_hits(doc, tax, nlp)
    first = (0, text.index(".") + 1)
    assert issues_in_ranges(hits, [first], tax) == ["negotiations"]
    assert issues_in_ranges(hits, [(first[1], len(text))], tax) == ["weapons_permissions"]


def test_issues_component_marks_the_doc(tax):
    import spacy

    from onrecord.config import DEFAULT_MODEL

    nlp = spacy.load(DEFAULT_MODEL)
    nlp.add_pipe("onrecord_issues")
    doc = nlp("There is no truce in sight.")
    assert {h.issue for h in doc._.issue_hits if h.role == "trigger"} == {"ceasefire"}


# --- topic continuity ----------------------------------------------------------------------


def test_continues_topic_after_added_or_an_opening_anaphor():
    assert continues_topic("add", "the rest will follow")
    assert continues_topic("assert", "[it] might work, but nobody asked")
    assert continues_topic(None, "“That is the only way,")
    assert not continues_topic("assert", "The weather is fine.")


def _st(speaker: str, issues: list[str], cue: str, quote: str) -> dict:
    return {"speaker": {"name": speaker}, "cue": {"class": cue}, "quote": {"text": quote}, "issues": issues}


def test_inherit_issues_from_the_statement_before():
    statements = [
        _st("Ana Lind", ["nato"], "assert", "Nobody offered us a seat in the alliance,"),
        _st("Ana Lind", [], "add", "it may come, but not this year."),
        _st("Ben Ott", [], "add", "it may come."),  # another speaker: no inheritance
        _st("Ben Ott", [], "assert", "The weather is fine."),
    ]
    out = inherit_issues(statements)
    assert [s["issues"] for s in out] == [["nato"], ["nato"], [], []]
    assert statements[1]["issues"] == []  # the input is left alone


# --- the seed article ----------------------------------------------------------------------


def _seed():
    article = SEED / "000_4318a879f6337696.txt"
    if not article.exists():
        pytest.skip("the shared seed article is not available")
    text = article.read_text(encoding="utf-8")
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    return text, gold


def seed_sentence(nlp, text: str, quote: str) -> str:
    """The sentence(s) of the seed article that hold a quote, parsed within its paragraph."""
    start = text.index(quote)
    end = start + len(quote)
    offset, para = next((m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", text)
                        if m.start() <= start < m.end())
    doc = parse_only(nlp, [para])[0]
    sents = [s for s in doc.sents if s.start_char + offset < end and start < s.end_char + offset]
    return para[sents[0].start_char : sents[-1].end_char]


def test_seed_gold_statements_get_their_issues(nlp, tax):
    from onrecord.lexicons.cues import load_cue_lexicon

    text, gold = _seed()
    by_id = {g["id"]: g for g in gold["statements"]}
    lexicon = load_cue_lexicon()
    tagged = []
    for g in gold["statements"]:
        sentence = seed_sentence(nlp, text, g["quote"])
        if "continues" in g:  # a continued quotation is attributed in the sentence before
            sentence = seed_sentence(nlp, text, by_id[g["continues"]]["quote"]) + " " + sentence
        cue_lemma = parse_only(nlp, [g["cue"]])[0][-1].lemma_.lower()
        cue_class = g.get("cue_class") or lexicon[cue_lemma].cls
        issues = tag_statement(nlp, g["quote"], sentence, tax)
        tagged.append(_st(str(g["speaker"]), issues, cue_class, g["quote"]))
    tagged = inherit_issues(tagged)
    with_issues = [(g, t) for g, t in zip(gold["statements"], tagged, strict=True) if "issues" in g]
    right = [g["id"] for g, t in with_issues if set(g["issues"]) & set(t["issues"])]
    assert len(with_issues) == 15
    assert len(right) >= 13, [(g["id"], g["issues"], t["issues"]) for g, t in with_issues]
    assert {"territory"} <= set(tagged[0]["issues"]) and {"territory"} <= set(tagged[1]["issues"])


def test_canonical_issue_resolves_aliases_and_keeps_unknown_names():
    from onrecord.lexicons.taxonomy import canonical_issue

    assert canonical_issue("nato_membership") == "nato"
    assert canonical_issue("nato") == "nato"
    assert canonical_issue("dredging") == "dredging"  # another taxonomy's issue, kept as it is
    assert canonical_issue(None) is None


# --- exceptions, occasions and the vocabulary of talks --------------------------------------


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The Normandy format is the only platform for a settlement.", "negotiations"),
        ("Both sides must implement the Minsk agreements.", "negotiations"),
        ("We call on the Trilateral Contact Group to meet.", "negotiations"),
        ("The shelling must stop: stop the shelling now.", "ceasefire"),
        ("He wants to stop the bloodshed.", "ceasefire"),
        ("Partners sent armaments and aircraft.", "weapons_permissions"),
        ("The next swap should bring everyone home.", "prisoners_humanitarian"),
        ("Our Euro-Atlantic course remains the same.", "nato"),
        ("Kyiv wants its land back.", "territory"),
        ("The alliance must not expand eastward by one inch.", "nato"),
        ("Every state has the right to choose its alliances.", "nato"),
        ("Do they want to see us in the EU or NATO?", "nato"),
        ("Nobody will recognize the occupied land de jure.", "territory"),
    ],
)
def test_the_vocabulary_of_formats_and_fighting(nlp, tax, text, issue):
    assert issue in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("A land swap was never on the table.", "prisoners_humanitarian"),  # land, not prisoners
        ("Gas is a geopolitical weapon for the Kremlin.", "weapons_permissions"),
        ("The NATO summit opens in Madrid.", "negotiations"),
        ("We thank our partners for their diplomatic support.", "negotiations"),
        ("They will live on this land alone.", "territory"),  # a place, not whose land
        ("The refusal was a de facto consent to the aggression.", "territory"),  # 'in effect'
        ("NATO countries raised their defence spending.", "nato"),  # the alliance, not joining it
    ],
)
def test_a_trigger_inside_an_exception_does_not_count(nlp, tax, text, issue):
    assert issue not in tag_text(nlp, text, tax)


def test_except_phrases_in_a_user_taxonomy(nlp):
    text = MINIMAL.replace("      phrases: [shipping ... channel]",
                           "      phrases: [shipping ... channel]\n      except: [silt fence]")
    harbour = parse_taxonomy(text)
    assert tag_text(nlp, "The silt blocks the quay.", harbour) == ["dredging"]
    assert tag_text(nlp, "They built a silt fence.", harbour) == []


def test_the_occasion_of_a_statement_is_not_its_topic(statements_of):
    said = statements_of("During the talks with the prime minister, Ana Silva said the harvest was good.")
    assert said and said[0].issues == []
    # a topic outside the quote still counts (the war in view: a one-word trigger needs it, issue_scope)
    said = statements_of("Ana Silva said the harvest in Ukraine was good, adding that the talks must resume.")
    assert any("negotiations" in s.issues for s in said)


# --- places, figures of speech, what a verb guarantees, complementizers ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Enemy troops are still on our territory.",
        "Families in occupied Kherson have no water.",
        "Shells fell across the Ukrainian territory overnight.",
        # the people of a place and people leaving it
        "We are no enemy of the civilians of the temporarily occupied territories.",
        "Buses brought families from the occupied territories to Zaporizhzhia.",
    ],
)
def test_land_as_the_place_where_something_is_is_not_the_territorial_question(nlp, tax, text):
    assert "territory" not in tag_text(nlp, text, tax)


@pytest.mark.parametrize(("text", "tagged"), [
    ("Energy occupies a special place in our partnership.", False),  # a role, not land
    ("Farming occupies the leading position in the region's economy.", False),
    ("Russian troops occupy a large part of the Kherson region.", True),
    ("We demand the liberation of the occupied territories.", True),  # its own trigger holds
])
def test_occupying_a_place_or_a_role_is_not_holding_land(nlp, tax, text, tagged):
    assert ("territory" in tag_text(nlp, text, tax)) == tagged


def test_the_end_of_the_war_as_a_time_is_not_the_ceasefire_question(nlp, tax):
    assert "ceasefire" not in tag_text(nlp, "The plant will stay closed until the end of the war.", tax)
    assert "ceasefire" in tag_text(nlp, "We want the end of the war this year.", tax)


@pytest.mark.parametrize(
    "text",
    [
        "There will be no compromise on territory.",  # 'on' after a word of the debate
        "We will not give up our territory.",
        "The army must withdraw from the territory of our neighbour.",  # 'from': not a place preposition
    ],
)
def test_land_as_what_is_debated_stays_the_territorial_question(nlp, tax, text):
    assert "territory" in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    "text",
    ["They use hunger as a weapon.", "The pipeline is a weapon against the whole continent."],
)
def test_something_called_a_weapon_is_no_weapon_for_ukraine(nlp, tax, text):
    assert "weapons_permissions" not in tag_text(nlp, text, tax)


def test_the_verb_guarantee_counts_only_with_security_as_its_object(nlp, tax):
    assert "security_guarantees" not in tag_text(nlp, "The old treaties guaranteed calm for decades.", tax)
    assert "security_guarantees" in tag_text(nlp, "London must guarantee the security of the coast.", tax)
    assert "security_guarantees" in tag_text(nlp, "We need a guarantee that it will not happen again.", tax)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Everyone knows our aspiration for the Alliance.", "nato"),
        ("A neutral state would not be safe.", "nato"),
        ("He wants a peace agreement signed this year.", "negotiations"),
        ("The envoy spoke with Putin for three hours.", "negotiations"),
        ("They keep isolating the regime economically.", "sanctions"),
        ("Both sides must stop the strikes on power plants.", "ceasefire"),
        ("Europe is ready to send a reassurance force.", "security_guarantees"),
        ("Thousands remain in captivity.", "prisoners_humanitarian"),
        ("Everybody wants the war ended.", "ceasefire"),
        ("The killing has to stop.", "ceasefire"),
        ("Berlin promised two more howitzers.", "weapons_permissions"),
        ("Kyiv proposed a meeting of the presidents in May.", "negotiations"),
        ("The Russian delegation left after an hour.", "negotiations"),
    ],
)
def test_general_vocabulary_of_the_issues(nlp, tax, text, issue):
    assert issue in tag_text(nlp, text, tax)


def test_a_that_opening_reported_speech_is_no_anaphor():
    assert not continues_topic("assert", "that the harvest will be good", "indirect")
    assert continues_topic("assert", "that this is the only way", "indirect")
    assert continues_topic("assert", "That is the only way,", "direct")


def test_another_statements_words_around_a_quote_are_not_its_topic(statements_of):
    said = statements_of('"The harvest in Ukraine was good," Ana Silva said, adding that the truce must hold.')
    harvest = next(s for s in said if "harvest" in s.quote.text)
    truce = next(s for s in said if "truce" in s.quote.text)
    assert "ceasefire" in truce.issues and "ceasefire" not in harvest.issues


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The envoys will oversee the negotiating tracks.", "negotiations"),
        ("Nobody in Kyiv wants a Minsk-3.", "negotiations"),
        ("The occupier must withdraw its troops from our land.", "territory"),
        ("Peace begins with the withdrawal of all Russian forces.", "territory"),
        ("The EU agreed a ban on Russian oil imports.", "sanctions"),
        ("Hundreds of our people are still in Russian prisons.", "prisoners_humanitarian"),
        ("Every soldier must return home.", "prisoners_humanitarian"),
        ("A projectile of ours may not fly that far.", "weapons_permissions"),
        ("Our place is in the Alliance.", "nato"),
        ("Washington will not provide a backstop.", "security_guarantees"),
        ("Europe offered an Article 5-like arrangement.", "security_guarantees"),
        ("Both leaders want a peaceful resolution.", "negotiations"),
        ("He finally came to the table.", "negotiations"),
        ("We want this war to be over.", "ceasefire"),
        ("They are not going to be a part of NATO.", "nato"),
        ("Moscow objects to NATO military infrastructure near its borders.", "nato"),
        ("Europe may send a security force.", "security_guarantees"),
        ("No foreign troops will be deployed there.", "security_guarantees"),
        ("Everyone wants to restore peace in the region.", "negotiations"),
        ("We want a lasting peace.", "negotiations"),
    ],
)
def test_more_words_for_the_issues(nlp, tax, text, issue):
    assert issue in tag_text(nlp, text, tax)


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("Moscow announced a withdrawal of some troops from the border.", "territory"),  # a border, not the land
        ("Kyiv wants a system equal to the one offered to NATO countries.", "nato"),  # the allies, not joining
        ("Unity is also a powerful weapon.", "weapons_permissions"),  # a figure of speech
        ("The pipeline is a business project and a weapon.", "weapons_permissions"),
        ("This is a humanitarian catastrophe.", "prisoners_humanitarian"),  # the war described
        ("They discussed the questions of the end of the war.", "ceasefire"),  # an outcome, not a call
        ("He spoke of a fair end of the war in Europe.", "ceasefire"),
    ],
)
def test_words_that_look_like_an_issue_but_are_not(nlp, tax, text, issue):
    assert issue not in tag_text(nlp, text, tax)


def test_in_context_words_and_parties_in_a_user_taxonomy(nlp):
    text = MINIMAL.replace("      phrases: [shipping ... channel]",
                           "      phrases: [shipping ... channel]\n      in_context: [mud]")
    harbour = parse_taxonomy(text.replace("taxonomy: harbour", "taxonomy: harbour\nparties: [port, council]"))
    assert harbour.parties == frozenset({"port", "council"})
    assert [p.text for p in harbour["dredging"].context_phrases] == ["mud"]
    assert tag_text(nlp, "The mud is everywhere.", harbour) == []  # no trigger: only under a title


@pytest.mark.parametrize(("text", "tagged"), [
    ("We will give a firm response to NATO's military drills.", False),
    ("It is not in NATO's interest to escalate.", False),
    ("Ukraine's road to NATO is irreversible.", True),
    ("We want to be in NATO.", True),
])
def test_a_name_that_owns_the_next_noun_is_no_destination(nlp, tax, text, tagged):
    # possessor rule: "to NATO's drills" goes to the drills, not into NATO
    assert ("nato" in tag_text(nlp, text, tax)) is tagged



def test_phrases_parsed_in_one_pass_give_the_same_patterns(nlp) -> None:
    from onrecord.extraction.issue_tags import parse_parts, phrase_patterns

    phrases = ["security guarantees", "end ... war", "get ... back Crimea", "NATO membership", "war"]
    parsed = parse_parts(nlp, phrases)
    assert set(parsed) == {"security guarantees", "end", "war", "get", "back Crimea", "NATO membership"}
    assert phrase_patterns(nlp, phrases, parsed) == phrase_patterns(nlp, phrases)
    assert phrase_patterns(nlp, phrases, {}) == phrase_patterns(nlp, phrases)  # none parsed: parsed here
