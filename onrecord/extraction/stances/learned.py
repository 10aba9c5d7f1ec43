"""The learned stance reader: a second reading of the rules' stance, learned from our annotations.

The rules (``rules.py``) label a stance only where a word of the statement takes one; readers of
the statements do more: they read "He is determined to stop the killing" (a senator on the
president) or "we are consulting the future guarantors" as support.  The reader is a multinomial
logistic regression (Cox 1958; the maximum-entropy text classifier of Nigam, Lafferty & McCallum
1999) over the statement's words and word pairs, weighted tf-idf (Salton & Buckley 1988), with
the issue as one more word (and the rules' label, when the settings chosen say so), learned from
the annotated development sets of ``benchmarks/positions_gold.jsonl``.  It reads only what the
rules leave ``unclear``, answers a label only when its probability reaches the model's ``floor``,
and only a label it was shown to fill in right on that issue (all chosen on the development sets
alone, leaving one out at a time: ``benchmarks/stance_reader.py``).

Its data (vocabulary, idf weights, coefficients) is ``lexicons/data/stance_reader.json``, written
by ``benchmarks/stance_reader.py --write`` with scikit-learn; reading it needs numpy alone.  The
features are those of scikit-learn's ``TfidfVectorizer`` (lower case, words of two characters or
more, words and word pairs, ``1 + log(tf)``, smoothed idf, unit length) followed by the rules'
label as one-hot columns (when the model was trained with them), so the probabilities here equal
``predict_proba`` there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from onrecord.errors import ConfigError
from onrecord.model.stance import Stance, check_label

# scikit-learn's default token pattern: runs of two or more word characters
TOKEN = re.compile(r"(?u)\b\w\w+\b")
DATA_FILE = "stance_reader.json"
# the words shown as a label's evidence: those that weigh most for it
EVIDENCE_WORDS = 3


def terms(text: str) -> list[str]:
    """The words and word pairs of ``text`` as ``TfidfVectorizer(ngram_range=(1, 2))`` makes them."""
    words = TOKEN.findall(text.lower())
    return words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]


def reader_text(issue_id: str, statement_text: str) -> str:
    """What the reader reads: the issue's id, then the statement's words (the issue is one more
    word, so one model serves every issue)."""
    return f"{issue_id} {statement_text}"


@dataclass(frozen=True)
class ReaderAnswer:
    label: str
    probability: float
    evidence: list[str]


class LearnedReader:
    """The model of ``stance_reader.json``: ``read`` gives a label, its probability and the words
    that weigh most for it."""

    def __init__(self, data: dict[str, Any]) -> None:
        try:
            self.vocabulary: dict[str, int] = {str(k): int(v) for k, v in data["vocabulary"].items()}
            self.idf = np.asarray(data["idf"], dtype=np.float64)
            self.rule_labels: list[str] = [check_label(x) for x in data["rule_labels"]]
            self.classes: list[str] = [check_label(x) for x in data["classes"]]
            self.coef = np.asarray(data["coef"], dtype=np.float64)
            self.intercept = np.asarray(data["intercept"], dtype=np.float64)
            self.floor = float(data["floor"])
            # how often a filled-in label was right, read leaving one annotated set out
            self.fill_confidence = float(data["fill_confidence"])
            # per issue, the labels it may fill in: those it was shown to give right
            self.fills = {str(k): frozenset(check_label(x) for x in v) for k, v in data["fills"].items()}
            self.issues = frozenset(str(x) for x in data["issues"])
            self.trained_on: dict[str, int] = {str(k): int(v) for k, v in data["trained_on"].items()}
        except (KeyError, TypeError, ValueError) as e:
            raise ConfigError(f"the stance reader's data is not a model of this version: {e}") from e
        width = len(self.vocabulary) + len(self.rule_labels)
        if self.coef.shape != (len(self.classes), width) or self.idf.shape != (len(self.vocabulary),) \
                or self.intercept.shape != (len(self.classes),):
            raise ConfigError("the stance reader's data does not fit together (vocabulary, idf and coefficients)")
        self._names = {i: t for t, i in self.vocabulary.items()}

    def features(self, text: str, rule_label: str) -> tuple[np.ndarray, np.ndarray]:
        """The feature row, as its non-zero columns and their values: tf-idf of the text's terms
        (``1 + log(count)`` times idf, to unit length), then the rules' label one-hot.  A
        statement has some tens of terms in a vocabulary of thousands: the row is read sparse."""
        counts: dict[int, int] = {}
        for term in terms(text):
            column = self.vocabulary.get(term)
            if column is not None:
                counts[column] = counts.get(column, 0) + 1
        columns = np.fromiter(counts, dtype=np.intp, count=len(counts))
        values = np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts))) + 1.0
        values *= self.idf[columns]
        norm = float(np.linalg.norm(values))
        if norm > 0:
            values /= norm
        if rule_label in self.rule_labels:
            columns = np.append(columns, len(self.vocabulary) + self.rule_labels.index(rule_label))
            values = np.append(values, 1.0)
        return columns, values

    def probabilities(self, text: str, rule_label: str) -> dict[str, float]:
        """Each class's probability (softmax of the linear scores), as ``predict_proba`` gives it."""
        return self._probabilities(*self.features(text, rule_label))

    def _probabilities(self, columns: np.ndarray, values: np.ndarray) -> dict[str, float]:
        scores = self.coef[:, columns] @ values + self.intercept
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return {c: float(p) for c, p in zip(self.classes, scores, strict=True)}

    def read(self, issue_id: str, statement_text: str, rule_label: str) -> ReaderAnswer:
        """The most probable label, or ``unclear`` when it falls short of the floor; the
        statement's words that weigh most for the label given."""
        columns, values = self.features(reader_text(issue_id, statement_text), rule_label)
        probabilities = self._probabilities(columns, values)
        best = max(probabilities, key=lambda c: probabilities[c])
        label = best if best == "unclear" or probabilities[best] >= self.floor else "unclear"
        words = columns < len(self.vocabulary)
        weights = values[words] * self.coef[self.classes.index(label), columns[words]]
        top = [int(columns[words][i]) for i in np.argsort(-weights, kind="stable")[:EVIDENCE_WORDS] if weights[i] > 0]
        evidence = [self._names[i] for i in top if self._names[i] != issue_id]
        return ReaderAnswer(label, probabilities[best] if label == best else probabilities["unclear"], evidence)

    def revise(self, stance: Stance, issue_id: str, statement_text: str) -> Stance:
        """The rules' stance read again where they read none: an ``unclear`` of the rules becomes
        the reader's label when it reaches the floor.  The reader does not overrule a label the
        rules gave: read leaving one development set out, it would change a hundred of them and
        be right on a handful (``benchmarks/stance_reader.py`` prints how many).  Only the labels
        it was shown to fill in right on an issue are filled in (``fills``).  A filled label's
        confidence is how often filled labels were right on annotated statements the reader was
        not trained on, below what a position needs (``timeline.stances.CONFIDENT``): a shift
        never rests on one.  An issue the model was not trained on, and a label a person or
        another model gave, are left as they are."""
        if stance.source != "rules" or stance.label != "unclear" or issue_id not in self.issues:
            return stance
        reading = self.read(issue_id, statement_text, stance.label)
        if reading.label not in self.fills.get(issue_id, ()):
            return stance
        trained = sum(self.trained_on.values())
        reason = (f"the learned reader ({trained} annotated stances) reads {reading.label} "
                  f"(p {reading.probability:.2f}) where the rules read no position"
                  + (f" ({stance.reason})" if stance.reason else ""))
        return Stance(check_label(reading.label), reading.evidence, "model", stance.note,
                      self.fill_confidence, reason, stance.reported)


@cache
def _packaged() -> LearnedReader:
    text = resources.files("onrecord.lexicons.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return LearnedReader(json.loads(text))


def load_reader(path: str | Path | None = None) -> LearnedReader:
    """The reader in ``path``, or the packaged one (loaded once per process)."""
    if path is None:
        return _packaged()
    try:
        return LearnedReader(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as e:
        raise ConfigError(f"cannot read the stance reader {path}: {e}") from e


def learned_reader(setting: str) -> LearnedReader | None:
    """The reader the ``stance_reader`` setting names: ``packaged`` (the one shipped), ``off``
    (none: the rules alone), or the path of a model file."""
    if setting == "off":
        return None
    return load_reader(None if setting == "packaged" else setting)
