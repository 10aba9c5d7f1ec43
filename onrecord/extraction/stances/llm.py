"""Stance from an OpenAI-compatible chat endpoint (a local vLLM or Ollama server): asked only
when configured, and the rules answer on any error."""

from __future__ import annotations

import json
import re
import urllib.request
from typing import Any

from onrecord.errors import ModelAnswerError
from onrecord.extraction.stances.classify import StanceClassifier
from onrecord.lexicons.taxonomy import Issue, Taxonomy
from onrecord.model.stance import STANCE_LABELS, Stance

SYSTEM_PROMPT = (
    "You label the stance a statement's SPEAKER takes on a proposition. Reply with one JSON object "
    'and nothing else: {"label": "support" | "oppose" | "conditional" | "unclear", "evidence": '
    "[the statement's own words that decide the label, copied exactly], \"confidence\": a number "
    'from 0 to 1 (how sure you are of the label), "reason": one short sentence}. '
    "support: the speaker wants the proposition; oppose: the speaker rejects it; conditional: the "
    "speaker accepts it only under a condition the statement states; unclear: the statement takes "
    "no position on it. Precision first: answer unclear, with the reason, when the statement only "
    "mentions the issue, reports facts or a discussion, asks a question it does not answer, states "
    "someone else's position (\"Russia, which does not want Ukraine in NATO\" is Russia's, not the "
    "speaker's), quotes an opponent's claim, or praises a person without a stance on the proposition. "
    "A double negative is a positive (\"no signal that membership is not our goal\" supports); "
    "\"if partners are not ready …, then …\" is conditional, not oppose."
)


class OpenAICompatibleStance:
    """Stance from an OpenAI-compatible chat endpoint (``POST {base_url}/chat/completions``),
    e.g. a local vLLM (``http://localhost:8000/v1``) or Ollama (``http://localhost:11434/v1``).
    Called only when configured; on any error or malformed answer it falls back to the rules."""

    def __init__(
        self,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 30.0,
        *,
        fallback: StanceClassifier,
        max_failures: int = 3,
    ) -> None:
        self.url = base_url.rstrip("/") + "/chat/completions"
        self.model = model
        self.api_key = api_key
        self.timeout = timeout
        self.fallback = fallback
        self.failures = 0  # in a row; after max_failures the endpoint is not asked again
        self.max_failures = max_failures

    def request_body(
        self, statement_text: str, issue: Issue, cue_class: str | None, negated: bool
    ) -> dict[str, Any]:
        cue = (cue_class or "unknown") + (" (negated)" if negated else "")
        user = (f"Issue: {issue.label}\nProposition: {issue.proposition}\nSpeech cue class: {cue}\n"
                f"Statement: {statement_text}\nLabels: {', '.join(STANCE_LABELS)}")
        return {
            "model": self.model,
            "temperature": 0,
            "messages": [{"role": "system", "content": SYSTEM_PROMPT}, {"role": "user", "content": user}],
        }

    def ask(self, body: dict[str, Any]) -> str:
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        request = urllib.request.Request(self.url, data=json.dumps(body).encode("utf-8"), headers=headers)
        with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 (user's URL)
            reply = json.loads(response.read().decode("utf-8"))
        return str(reply["choices"][0]["message"]["content"])

    def classify(
        self,
        statement_text: str,
        issue_id: str,
        cue_class: str | None,
        negated: bool,
        taxonomy: Taxonomy,
        *,
        cue_text: str | None = None,
    ) -> Stance:
        issue = taxonomy[issue_id]
        if self.failures >= self.max_failures:
            # circuit breaker: a server that is down would otherwise cost a timeout per statement
            return self._fallback(statement_text, issue_id, cue_class, negated, taxonomy, cue_text,
                                  f"model not used (endpoint failed {self.failures} times in a row); rules decided")
        try:
            content = self.ask(self.request_body(statement_text, issue, cue_class, negated))
            stance = parse_model_answer(content, statement_text)
        except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
            # URLError and timeouts are OSErrors; bad JSON is a ValueError
            self.failures += 1
            return self._fallback(statement_text, issue_id, cue_class, negated, taxonomy, cue_text,
                                  f"model not used ({type(exc).__name__}: {exc}); rules decided")
        self.failures = 0
        return stance

    def _fallback(self, statement_text: str, issue_id: str, cue_class: str | None, negated: bool,
                  taxonomy: Taxonomy, cue_text: str | None, note: str) -> Stance:
        stance = self.fallback.classify(statement_text, issue_id, cue_class, negated, taxonomy, cue_text=cue_text)
        stance.note = note
        return stance


def parse_model_answer(content: str, statement_text: str) -> Stance:
    """The model's JSON answer as a Stance; evidence keeps only words found in the statement; a
    confidence outside 0–1 or not a number is dropped (the stance then makes no position: see
    ``timeline.stances.CONFIDENT``).  A ValueError when the answer has no valid label."""
    match = re.search(r"\{.*\}", content, re.S)
    if match is None:
        raise ModelAnswerError(f"no JSON object in the answer: {content[:80]!r}")
    answer = json.loads(match.group(0))
    label = str(answer.get("label", "")).strip().lower()
    if label not in STANCE_LABELS:
        raise ModelAnswerError(f"unknown label {label!r} in the answer")
    lowered = statement_text.lower()
    evidence = [str(w) for w in answer.get("evidence") or [] if str(w).strip() and str(w).lower() in lowered]
    try:
        confidence: float | None = float(answer.get("confidence"))
    except (TypeError, ValueError):
        confidence = None
    if confidence is not None and not 0.0 <= confidence <= 1.0:
        confidence = None
    reason = str(answer["reason"]).strip()[:300] if answer.get("reason") else None
    return Stance(label, evidence, "model", confidence=confidence, reason=reason)  # type: ignore[arg-type]

