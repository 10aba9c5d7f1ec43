"""Stance rules, one small statement we wrote per rule; the classifier interface with a fake
local server; precedence of human labels; the seed's S1/S2."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from shared_path import SHARED

from onrecord.config import Config
from onrecord.extraction.stances.classify import RuleStance, StanceClassifier, stances_for
from onrecord.extraction.stances.llm import OpenAICompatibleStance, parse_model_answer
from onrecord.extraction.stances.reading import Speaker
from onrecord.extraction.stances.rules import stance_for
from onrecord.lexicons.taxonomy import load_taxonomy
from onrecord.model.stance import Stance, choose_stance

SEED = SHARED / "seed"


@pytest.fixture(scope="module")
def tax():
    return load_taxonomy()


@pytest.fixture(scope="module")
def stance(nlp, tax):
    def run(text: str, issue: str, cue_class: str | None = "assert", negated: bool = False,
            cue_text: str | None = None) -> Stance:
        return stance_for(text, issue, cue_class, negated, tax, cue_text=cue_text, nlp=nlp)

    return run


# --- cue rules -----------------------------------------------------------------------------


def test_declined_cue_is_unclear(stance):
    s = stance("whether Kyiv would cede the south", "territory", "decline", cue_text="would not say")
    assert s.label == "unclear" and s.evidence == ["would not say"]


def test_asked_cue_is_unclear(stance):
    assert stance("whether the truce would hold", "ceasefire", "ask").label == "unclear"


@pytest.mark.parametrize("text", ["additional air defense systems to protect the cities",
                                  "for more air defense systems", "the partners to send air defense systems"])
def test_what_is_asked_for_is_a_request(stance, text):
    assert stance(text, "weapons_permissions", "ask", cue_text="asked").label == "support"


def test_what_is_asked_about_is_a_topic(stance):
    assert stance("about the air defense systems", "weapons_permissions", "ask", cue_text="asked").label == "unclear"


def test_negated_cue_is_unclear(stance):
    s = stance("that Kyiv is ready to cede land", "territory", negated=True, cue_text="never claimed")
    assert s.label == "unclear" and s.evidence == ["never claimed"]


def test_denied_cue_opposes_the_content(stance):
    s = stance("that Kyiv is ready to cede land", "territory", "deny", cue_text="denied")
    assert s.label == "oppose" and s.evidence[0] == "denied"


def test_denying_a_refusal_supports(stance):
    assert stance("that Kyiv would never negotiate", "negotiations", "deny").label == "support"


def test_vowed_cue_supports_its_content(stance):
    s = stance("to end the war before summer", "ceasefire", "vow", cue_text="vowed")
    assert s.label == "support" and "vowed" in s.evidence


def test_criticized_cue_opposes_its_content(stance):
    assert stance("the new sanctions on grain", "sanctions", "criticize").label == "oppose"


def test_called_for_supports_but_calling_names_nothing(stance):
    assert stance("an immediate truce", "ceasefire", "call", cue_text="called for").label == "support"
    assert stance("the truce “a trap”", "ceasefire", "call", cue_text="calling").label == "unclear"


# --- condition rules -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issue", "word"),
    [
        ("We can talk about the land if the shelling stops.", "territory", "if"),
        ("Kyiv will join the talks only if Europe is at the table.", "negotiations", "only if"),
        ("There will be no truce unless the troops pull back.", "ceasefire", "unless"),
        ("We could give up the eastern land in exchange for membership.", "territory", "in exchange for"),
        ("The sanctions may be eased in return for a withdrawal.", "sanctions", "in return for"),
        ("We accept peacekeepers as long as they come from neutral states.", "security_guarantees",
         "as long as"),
        ("The prisoners will be swapped once the lists are checked.", "prisoners_humanitarian", "once"),
        ("No ceasefire until the shelling of cities stops.", "ceasefire", "until"),
    ],
)
def test_condition_rule(stance, text, issue, word):
    s = stance(text, issue)
    assert s.label == "conditional", s
    assert word in [w.lower() for w in s.evidence]


def test_maximal_demand_condition_is_a_refusal(stance):
    s = stance("We will keep fighting until our 1991 borders are restored.", "territory")
    assert s.label == "oppose"
    assert s.evidence == ["until", "1991 borders"]


def test_even_if_is_no_condition(stance):
    s = stance("We will never give up our land, even if the fighting lasts for years.", "territory")
    assert s.label == "oppose" and "never" in s.evidence


def test_otherwise_conditions_only_what_follows(stance):
    text = "We need security guarantees, otherwise a ceasefire means nothing."
    assert stance(text, "ceasefire").label == "conditional"
    assert stance(text, "security_guarantees").label == "support"


def test_contingent_then(stance):
    s = stance("First we freeze the front line, and then we can get the rest back.", "territory")
    assert s.label == "conditional" and s.evidence == ["and then"]


def test_what_the_deal_must_bring_is_no_term_on_it(stance):
    # a truce that must ensure something is a truce wanted with it
    s = stance("A truce must ensure that the attacks never resume.", "ceasefire")
    assert s.label == "support" and "must" in s.evidence


def test_terms_put_on_the_deal_make_it_conditional(stance):
    s = stance("A truce must be based on the withdrawal of heavy weapons.", "ceasefire")
    assert s.label == "conditional" and s.evidence == ["must", "based"]


def test_requirement_on_an_unnamed_deal(stance):
    # the issue was named in the attribution sentence; "it" is the deal
    assert stance("it must be based on the withdrawal of heavy weapons.", "ceasefire").label == "conditional"
    assert stance("it must guarantee that the attacks end.", "ceasefire").label != "conditional"


# --- polarity rules ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "issue", "label", "word"),
    [
        ("We are ready to hand over the occupied land.", "territory", "support", "ready to"),
        ("Ukraine is willing to negotiate with Moscow.", "negotiations", "support", "willing to"),
        ("Europe must send more missiles.", "weapons_permissions", "support", "must"),
        ("We need guarantees that hold.", "security_guarantees", "support", "need"),
        ("We are open to talks in Istanbul.", "negotiations", "support", "open to"),
        ("We will never cede Crimea.", "territory", "oppose", "never"),
        ("We will not join the alliance.", "nato", "oppose", "will not"),
        ("We won't join the alliance.", "nato", "oppose", "won't"),
        ("Territorial concessions are unacceptable.", "territory", "oppose", "unacceptable"),
        ("We offer no concessions on our land.", "territory", "oppose", "no concessions"),
        ("There will be no talks with them.", "negotiations", "oppose", "There will be no"),
        ("Moscow rejects any truce.", "ceasefire", "oppose", "rejects"),
        ("We refuse to lift the sanctions.", "sanctions", "support", "refuse"),  # refuse × lift(−)
        ("We cannot accept neutrality.", "nato", "support", "cannot"),  # cannot × accept × neutrality(−)
    ],
)
def test_polarity_markers(stance, text, issue, label, word):
    s = stance(text, issue)
    assert s.label == label, s
    assert word in s.evidence


def test_negation_flips_a_support_marker(stance):
    s = stance("We are not ready to give up our land.", "territory")
    assert s.label == "oppose" and "not" in s.evidence and "ready to" in s.evidence


def test_double_negation_supports(stance):
    assert stance("We will never refuse talks.", "negotiations").label == "support"


def test_content_direction_from_the_taxonomy(stance):
    assert stance("Ukraine must get back Crimea.", "territory").label == "oppose"
    assert stance("Ukraine must cede Crimea.", "territory").label == "support"


def test_first_person_will_is_a_commitment(stance):
    s = stance("We will join the alliance.", "nato")
    assert s.label == "support" and "will" in s.evidence


def test_third_person_will_is_a_prediction(stance):
    assert stance("Russia will join the talks.", "negotiations").label == "unclear"


def test_no_marker_means_unclear(stance):
    s = stance("Other countries have discussed a truce.", "ceasefire")
    assert s.label == "unclear" and s.evidence == []


def test_negation_outside_the_issue_does_not_count(stance):
    assert stance("No one has asked us to join the alliance.", "nato").label == "unclear"
    # "will not" inside what is guaranteed is not the speaker's refusal of guarantees
    assert stance("We must guarantee that they will not come back.", "security_guarantees").label == "support"


def test_question_is_unclear(stance):
    s = stance("Why would we ever cede Crimea?", "territory")
    assert s.label == "unclear" and s.evidence == ["?"]


def test_question_after_the_issue_leaves_the_issue_alone(stance):
    s = stance("We need NATO protection, so how can anyone call that weak?", "nato")
    assert s.label == "support"


def test_issue_named_outside_the_quote_reads_the_whole_quote(nlp, tax):
    # a joint statement: "they" are the speakers themselves
    s = stance_for("they welcomed it", "ceasefire", "assert", False, tax, nlp=nlp,
                   speaker=Speaker("Ana Silva and Roman Ilic", group=True))
    assert s.label == "support" and s.confidence is not None and s.confidence < 0.7


def test_sentences_that_disagree_leave_it_unclear(stance):
    s = stance("We reject a truce. We are ready for a truce.", "ceasefire")
    assert s.label == "unclear" and s.note == "sentences disagree"


def test_alias_names_the_issue(stance):
    assert stance("We need NATO protection.", "nato_membership").label == "support"


def test_empty_text_is_unclear(stance):
    assert stance("  ", "nato").label == "unclear"


def test_shipped_examples_get_their_stance(nlp, tax):
    checked = 0
    for issue in tax.issues.values():
        for example in issue.examples:
            if example.stance is None:
                continue
            s = stance_for(example.text, issue.id, None, False, tax, nlp=nlp)
            assert s.label == example.stance, (issue.id, example.text, s)
            checked += 1
    assert checked >= 20


def test_adverb_inside_a_modal_negation_keeps_the_refusal(stance):
    s = stance("Ukraine will definitely not give up its territories.", "territory")
    assert s.label == "oppose" and "will definitely not" in s.evidence


@pytest.mark.parametrize(
    ("text", "issue", "marker"),
    [
        ("We stand for the resumption of the peace talks.", "negotiations", "stand for"),
        ("Berlin is trying to find a diplomatic solution.", "negotiations", "trying to"),
        ("We hope for a ceasefire before winter.", "ceasefire", "hope"),
        ("We expect a truce to be agreed this week.", "ceasefire", "expect"),
    ],
)
def test_pursuit_and_hope_support_the_content(stance, text, issue, marker):
    s = stance(text, issue)
    assert s.label == "support" and marker in s.evidence


def test_a_relative_clause_holds_its_antecedents_position(stance):
    s = stance("Moscow, which does not want Ukraine to be a member of NATO, keeps threatening us.", "nato")
    assert s.label == "unclear"
    # the speaker's own relative clause counts, and the main clause's "not" stays out of it
    s = stance("We, who want to join NATO, will not wait forever.", "nato")
    assert s.label == "support" and "will not" not in s.evidence


def test_a_conjoined_clause_with_its_own_subject_escapes_the_first_clauses_negation(stance):
    s = stance("I do not know about them, but we definitely expect a ceasefire.", "ceasefire")
    assert s.label == "support" and "do" not in s.evidence and "not" not in s.evidence


def test_a_conjoined_verb_without_a_subject_shares_the_negation(stance):
    assert stance("We will not give up our land or cede our coast.", "territory").label == "oppose"


def test_the_issue_as_the_condition_is_not_conditioned(stance):
    # the ceasefire is what the good outcome depends on, not what depends on something
    s = stance("If they agree to a ceasefire, we will be in very good shape.", "ceasefire")
    assert s.label != "conditional" and "If" not in s.evidence
    # the condition still binds an issue outside it
    assert stance("If there is a ceasefire, we can talk about territory.", "territory").label == "conditional"


# --- classifiers ---------------------------------------------------------------------------


class FakeServer:
    """An OpenAI-compatible chat endpoint on localhost that answers what the test says."""

    def __init__(self, reply: str | None = None, status: int = 200, delay: float = 0.0) -> None:
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                length = int(self.headers["Content-Length"])
                outer.requests.append(json.loads(self.rfile.read(length)))
                outer.headers.append(dict(self.headers))
                time.sleep(delay)
                body = json.dumps({"choices": [{"message": {"role": "assistant", "content": reply}}]})
                data = body.encode() if reply is not None else b"not json"
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/v1"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_rule_stance_is_a_classifier(nlp, tax):
    rules = RuleStance(nlp)
    assert isinstance(rules, StanceClassifier)
    assert rules.classify("We will never cede Crimea.", "territory", "assert", False, tax).label == "oppose"


def test_openai_compatible_endpoint(nlp, tax):
    answer = ('{"label": "support", "evidence": ["ready to", "words not in the text"], "confidence": 0.8, '
              '"reason": "ready to talk"}')
    with FakeServer(answer) as server:
        model = OpenAICompatibleStance(server.url, "tiny-model", api_key="k1", fallback=RuleStance(nlp))
        s = model.classify("We are ready to talk.", "negotiations", "assert", False, tax)
    assert s.label == "support" and s.source == "model"
    assert s.evidence == ["ready to"]  # only the statement's own words
    assert s.confidence == 0.8 and s.reason == "ready to talk"
    body = server.requests[0]
    assert body["model"] == "tiny-model" and body["temperature"] == 0
    assert "The warring sides should negotiate now" in body["messages"][1]["content"]
    # the prompt asks for the rules' labels, with evidence and a confidence, precision first
    system = body["messages"][0]["content"]
    assert all(label in system for label in ("support", "oppose", "conditional", "unclear"))
    assert "evidence" in system and "confidence" in system and "someone else's position" in system
    assert server.headers[0]["Authorization"] == "Bearer k1"


def test_a_model_confidence_out_of_range_is_dropped():
    s = parse_model_answer('{"label": "oppose", "evidence": [], "confidence": 7}', "text")
    assert s.label == "oppose" and s.confidence is None


def test_answer_wrapped_in_prose_is_read(nlp, tax):
    with FakeServer('Sure! {"label": "oppose", "evidence": []} Hope this helps.') as server:
        s = OpenAICompatibleStance(server.url, "m", fallback=RuleStance(nlp)).classify(
            "We are ready to talk.", "negotiations", "assert", False, tax)
    assert s.label == "oppose" and s.source == "model"
    assert "Authorization" not in server.headers[0]


@pytest.mark.parametrize(
    ("reply", "status"),
    [('{"label": "maybe"}', 200), ("no json here", 200), (None, 200), ('{"label": "support"}', 500)],
)
def test_endpoint_errors_fall_back_to_rules(nlp, tax, reply, status):
    with FakeServer(reply, status) as server:
        s = OpenAICompatibleStance(server.url, "m", fallback=RuleStance(nlp)).classify(
            "We will never cede Crimea.", "territory", "assert", False, tax)
    assert s.label == "oppose" and s.source == "rules"
    assert s.note and s.note.startswith("model not used")


def test_endpoint_timeout_falls_back_to_rules(nlp, tax):
    with FakeServer('{"label": "support"}', delay=1.0) as server:
        started = time.monotonic()
        s = OpenAICompatibleStance(server.url, "m", timeout=0.2, fallback=RuleStance(nlp)).classify(
            "We will never cede Crimea.", "territory", "assert", False, tax)
        assert time.monotonic() - started < 0.9
    assert s.source == "rules" and s.label == "oppose"


def test_unreachable_endpoint_falls_back_to_rules(nlp, tax):
    s = OpenAICompatibleStance("http://127.0.0.1:9/v1", "m", timeout=0.5, fallback=RuleStance(nlp)).classify(
        "We will never cede Crimea.", "territory", "assert", False, tax)
    assert s.source == "rules" and s.label == "oppose"


def test_parse_model_answer_rejects_unknown_labels():
    with pytest.raises(ValueError, match="unknown label"):
        parse_model_answer('{"label": "neutral"}', "text")


def test_pipeline_asks_a_configured_endpoint(tax):
    from onrecord.extraction.pipeline import build_nlp, statements_of

    answer = '{"label": "oppose", "evidence": ["never"]}'
    with FakeServer(answer) as server:
        config = Config.load(environ={}, stance_url=server.url, stance_model="tiny-model",
                             stance_api_key="sk-test-31337")
        nlp = build_nlp(config)
        statements = statements_of(nlp('"We will never cede an inch of our land," Ana Silva said.'))
    assert statements[0].stances["territory"] == {"label": "oppose", "evidence": ["never"], "source": "model"}
    # no confidence in the answer: the stance is shown, but makes no position
    assert server.requests and server.requests[0]["model"] == "tiny-model"
    assert server.headers[0]["Authorization"] == "Bearer sk-test-31337"  # the key reaches the endpoint
    assert "sk-test-31337" not in nlp.config.to_str()  # and stays out of the pipeline's config


@pytest.mark.parametrize(("text", "issue", "label"), [
    # the cue's preposition makes a cue of naming one of urging; the span of the cue is the verb alone
    ("President Zelensky called on NATO to provide Ukraine with aircraft and tanks.", "weapons_permissions",
     "support"),
    ("President Zelensky called for the active involvement of the United States in the peace process.",
     "negotiations", "support"),
])
def test_a_cue_of_calling_for_or_on_urges_what_follows(nlp, text, issue, label):
    from onrecord.extraction.pipeline import statements_of

    found = [s for s in statements_of(nlp(text)) if issue in s.stances]
    assert found and found[0].stances[issue]["label"] == label, [s.stances for s in found]


def test_pipeline_falls_back_to_the_rules_when_the_endpoint_is_down(tax):
    from onrecord.extraction.pipeline import build_nlp, statements_of

    nlp = build_nlp(Config.load(environ={}, stance_url="http://127.0.0.1:9/v1", stance_model="tiny-model"))
    stance = statements_of(nlp('"We will never cede an inch of our land," Ana Silva said.'))[0].stances["territory"]
    assert stance["label"] == "oppose" and stance["source"] == "rules"
    assert stance["note"].startswith("model not used")


def test_endpoint_that_keeps_failing_is_not_asked_again(nlp, tax):
    with FakeServer(None, status=500) as server:
        model = OpenAICompatibleStance(server.url, "tiny-model", fallback=RuleStance(nlp), max_failures=2)
        notes = [model.classify("We will never cede Crimea.", "territory", "assert", False, tax).note
                 for _ in range(4)]
    assert len(server.requests) == 2
    assert all(n and n.startswith("model not used") for n in notes)
    assert "2 times in a row" in notes[-1]


# --- precedence ----------------------------------------------------------------------------


def test_human_label_wins_over_model_and_rules():
    rules = Stance("oppose", ["never"])
    model = Stance("support", [], "model")
    assert choose_stance(rules, model, "conditional").label == "conditional"
    assert choose_stance(rules, model, "conditional").source == "human"
    assert choose_stance(rules, model, {"label": "unclear", "evidence": ["x"]}).evidence == ["x"]
    assert choose_stance(rules, model).label == "support"
    assert choose_stance(rules, None).label == "oppose"
    # a model answer that was itself a fallback to the rules does not count as the model's
    assert choose_stance(rules, Stance("support", [], "rules")).label == "oppose"
    with pytest.raises(ValueError):
        choose_stance(rules, None, "neutral")


def test_stances_for_skips_the_model_where_a_human_labelled(nlp, tax):
    calls: list[str] = []

    class Counting:
        def classify(self, statement_text, issue_id, cue_class, negated, taxonomy, *, cue_text=None):
            calls.append(issue_id)
            return Stance("support", [], "model")

    text = "We will never cede Crimea, and we reject any truce."
    out = stances_for(text, ["territory", "ceasefire"], "assert", False, tax, classifier=Counting(),
                      human={"territory": "conditional"}, nlp=nlp)
    assert out["territory"].label == "conditional" and out["territory"].source == "human"
    assert out["ceasefire"].source == "model" and calls == ["ceasefire"]


def test_stance_json_round_trip():
    s = Stance("conditional", ["if"], "rules", note="n")
    assert Stance.from_dict(s.to_dict()) == s
    assert s.to_dict() == {"label": "conditional", "evidence": ["if"], "source": "rules", "note": "n"}


# --- the seed article ----------------------------------------------------------------------


def _gold():
    path = SEED / "gold.json"
    if not path.exists():
        pytest.skip("the shared seed annotation is not available")
    return json.loads(path.read_text(encoding="utf-8"))


def test_seed_s1_s2_are_conditional_on_territory(nlp, tax):
    gold = {g["id"]: g for g in _gold()["statements"]}
    for sid in ("S1", "S2"):
        s = stance_for(gold[sid]["quote"], "territory", "assert", False, tax, nlp=nlp)
        assert s.label == "conditional", (sid, s)
    merged = gold["S1"]["quote"] + " " + gold["S2"]["quote"]  # as the extractor joins them
    assert stance_for(merged, "territory", "assert", False, tax, nlp=nlp).label == "conditional"


def test_seed_earlier_position_opposes_giving_up_territory(nlp, tax):
    earlier = _gold()["positions"][1]
    s = stance_for(earlier["text"], "territory", None, False, tax, nlp=nlp)
    assert s.label == "oppose" and "until" in s.evidence


@pytest.mark.parametrize("text", [
    "Ukraine will never give up its sovereignty and territorial integrity.",
    "We will never consider any compromises concerning our territorial integrity.",
])
def test_object_rule_what_is_given_up_does_not_flip_the_sign(text, nlp):
    assert stance_for(text, "territory", nlp=nlp).label == "oppose"


def test_a_statements_doc_is_cut_from_the_article_with_its_text(nlp, tax):
    from onrecord.extraction.found import Found
    from onrecord.extraction.stances.component import stance_text, statement_doc
    from onrecord.extraction.stances.reading import text_of

    text = 'The minister said: "We will never give up our land. Talks can wait." Then she left.'
    doc = nlp(text)
    start = text.index('"') + 1
    f = Found("direct", [(start, text.index('"', start))], None, None, "speech", None)
    said = stance_text(doc, f)
    cut = statement_doc(doc, f, said)
    assert cut is not None and text_of(cut) == cut.text and cut.text.rstrip() == said
    assert [s.text for s in cut.sents] == ["We will never give up our land.", "Talks can wait."]
    plain = nlp.make_doc(said)
    assert text_of(plain) == plain.text  # a Doc not cut here: its text, joined


def test_the_rules_word_lookups_are_the_walks(nlp):
    from onrecord.extraction.stances.polarity import _path_of, _scope_of, path_of, scope_of
    from onrecord.extraction.stances.reading import among, spelled
    from onrecord.extraction.stances.rules import _last_word, _words

    doc = nlp("Then we will talk, and then, without guarantees, nothing before the vote. Is it over? “Yes.”")
    for sent in doc.sents:
        assert [t.i for t in spelled(sent, ("then", "before"))] == [
            t.i for t in sent if t.lower_ in {"then", "before"}]
        ids = {1, 3, 9, 12, 17, 40}
        assert [t.i for t in among(sent, ids)] == [t.i for t in sent if t.i in ids]
        words = _words(sent)
        assert _last_word(sent) == (words[-1] if words else None)
        anchors = [t for t in sent if t.pos_ in {"NOUN", "PROPN"}][:2]
        assert path_of(anchors) == _path_of(anchors) and scope_of(anchors) == _scope_of(anchors)
        assert not anchors or scope_of(anchors) is scope_of(anchors)  # found once per Doc and mentions


def test_the_requirement_candidates_are_the_walks(nlp):
    from onrecord.extraction.stances.conditions import _modal_predicates
    from onrecord.extraction.stances.reading import MARKERS

    doc = nlp("Any deal must guarantee our security, and talks should take place, but we can wait.")
    sent = doc[:]
    walk = []
    for token in sent:
        modals = [c for c in token.children if c.dep_ in {"aux", "auxpass"}
                  and c.lemma_.lower() in MARKERS.requirement_modals]
        subject = next((c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if modals and subject is not None:
            walk.append((token.i, [m.i for m in modals], subject.i))
    assert walk and [(t.i, [m.i for m in ms], s.i) for t, ms, s in _modal_predicates(sent)] == walk


def test_a_rejecting_cue_counts_once(stance):
    # "rejected" is both a word of the cue (-1) and of the class "deny": one reversal, not two
    s = stance("calls for a ceasefire without the release of the hostages", "prisoners_humanitarian", "deny",
               cue_text="rejected")
    assert s.label == "support", s
    assert stance("calls for territorial concessions", "territory", "deny", cue_text="rejected").label == "oppose"


def test_a_rejecting_cue_frames_a_direct_quote_and_does_not_negate_it(nlp):
    from onrecord.extraction.stances.rules import stance_for
    from onrecord.lexicons.taxonomy import load_taxonomy

    tax = load_taxonomy()
    text = "We will never give up our land."
    # the speaker's own words after "rejected the plan:" keep their own sense
    rejected = stance_for(text, "territory", "deny", False, tax, cue_text="rejected", nlp=nlp, quoted=True)
    assert rejected.label == "oppose"
    assert stance_for("I am just trying to stop the war.", "ceasefire", "criticize", False, tax, cue_text="criticized",
                      nlp=nlp, quoted=True).label == "support"
