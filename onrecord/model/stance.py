"""Stance: where a statement stands on an issue's proposition, and whose reading wins.

Labels: ``support`` (the speaker wants the proposition), ``oppose`` (rejects it),
``conditional`` (accepts it only under a condition), ``unclear``.  Every label comes with the
words that decided it, its source (the rules, a model, or a person), a ``confidence`` (0–1: how
sure the source is of the label; None on stances stored before confidences existed) and a
``reason`` in words ("'ready to' on 'talks'", "a question states no position").  A statement can
also report someone else's position ("Russia, which does not want Ukraine in NATO"): that is
``reported`` (the holder, their label and the words), never the speaker's own label.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from onrecord.errors import StanceLabelError

StanceLabel = Literal["support", "oppose", "conditional", "unclear"]
Source = Literal["rules", "model", "human"]
STANCE_LABELS: tuple[StanceLabel, ...] = ("support", "oppose", "conditional", "unclear")


@dataclass
class Reported:
    """A position the statement attributes to someone other than its speaker."""

    holder: str
    label: StanceLabel
    evidence: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"holder": self.holder, "label": self.label, "evidence": list(self.evidence)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Reported:
        return cls(str(d["holder"]), check_label(d["label"]), list(d.get("evidence", [])))


@dataclass
class Stance:
    label: StanceLabel
    evidence: list[str] = field(default_factory=list)
    source: Source = "rules"
    note: str | None = None  # e.g. why a model's answer was not used
    confidence: float | None = None  # 0–1; None: stored before confidences existed
    reason: str | None = None  # why this label, in words
    reported: Reported | None = None  # a position the statement gives to someone else

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"label": self.label, "evidence": list(self.evidence), "source": self.source}
        if self.note:
            d["note"] = self.note
        if self.confidence is not None:
            d["confidence"] = round(self.confidence, 2)
        if self.reason:
            d["reason"] = self.reason
        if self.reported is not None:
            d["reported"] = self.reported.to_dict()
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Stance:
        """A stance from its dict; rows stored before confidences and reasons existed have neither."""
        confidence = d.get("confidence")
        reported = d.get("reported")
        return cls(check_label(d["label"]), list(d.get("evidence", [])), d.get("source", "rules"), d.get("note"),
                   float(confidence) if confidence is not None else None, d.get("reason"),
                   Reported.from_dict(reported) if reported else None)


def check_label(label: Any) -> StanceLabel:
    """``label`` if it is a stance label; a StanceLabelError naming the four otherwise."""
    if label not in STANCE_LABELS:
        raise StanceLabelError(f"unknown stance {label!r}: one of {', '.join(STANCE_LABELS)}")
    return label  # type: ignore[no-any-return]


def choose_stance(
    rules: Stance, model: Stance | None = None, human: Stance | Mapping[str, Any] | str | None = None
) -> Stance:
    """Precedence: a human label wins over both; then the model's answer (when it was not itself a
    fallback to the rules); then the rules."""
    if human is not None:
        if isinstance(human, str):
            chosen = Stance.from_dict({"label": human})
        elif isinstance(human, Stance):
            chosen = Stance(human.label, list(human.evidence), note=human.note)
        else:
            chosen = Stance.from_dict(human)
        chosen.source = "human"
        chosen.confidence = 1.0  # a person's reading is the reference
        chosen.reason = chosen.reason or "a person's label"
        return chosen
    if model is not None and model.source == "model":
        return model
    if model is not None and model.note:
        # the endpoint was asked and failed: the rules answer, and say why
        return Stance(rules.label, list(rules.evidence), rules.source, model.note, rules.confidence, rules.reason,
                      rules.reported)
    return rules
