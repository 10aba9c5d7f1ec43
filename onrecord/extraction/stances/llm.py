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
    "You label the stance a statement takes on a proposition. Reply with one JSON object and "
    'nothing else: {"label": "support" | "oppose" | "conditional" | "unclear", "evidence": '
    "[the statement's own words that decide the label]}. support: the speaker wants the "
    "proposition; oppose: the speaker rejects it; conditional: accepts it only under a condition; "
    "unclear: no position, or not enough to tell."
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
                f"Statement: {statement_text}")
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
    """The model's JSON answer as a Stance; evidence keeps only words found in the statement.
    A ValueError when the answer has no valid label."""
    match = re.search(r"\{.*\}", content, re.S)
    if match is None:
        raise ModelAnswerError(f"no JSON object in the answer: {content[:80]!r}")
    answer = json.loads(match.group(0))
    label = str(answer.get("label", "")).strip().lower()
    if label not in STANCE_LABELS:
        raise ModelAnswerError(f"unknown label {label!r} in the answer")
    lowered = statement_text.lower()
    evidence = [str(w) for w in answer.get("evidence") or [] if str(w).strip() and str(w).lower() in lowered]
    return Stance(label, evidence, "model")  # type: ignore[arg-type]

