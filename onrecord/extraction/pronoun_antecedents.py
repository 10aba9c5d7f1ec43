"""What a pronoun statement's speaker becomes once the description it points to was resolved
(``roles.resolve_roles``): the resolution of that very description, when it still fits the
pronoun."""

from __future__ import annotations

from spacy.tokens import Span

from onrecord.extraction.role_context import Context, Resolved

PERSONAL = {"he", "she", "him", "her"}


def described_next(pronoun: Span, name: str, described: list[tuple[int, str, Resolved | None]]
                   ) -> Resolved | None:
    """What the description a pronoun points forward to became ("He said …" before "the head of
    the Office said …"): none when the same description was written before the pronoun (that one
    is its antecedent, and what a later one became is another's), else the next one's.
    ``described``: each definite description as read, in order, with what it became."""
    if any(start < pronoun.start and n == name for start, n, _ in described):
        return None
    return next((result for start, n, result in described if start > pronoun.start and n == name), None)


def fitting_antecedent(pronoun: Span, became: Resolved, ctx: Context) -> Resolved:
    """What a pronoun's antecedent became, when it still fits the pronoun; "he" whose antecedent
    turned out a document or an organisation ("a review found … he said") takes the latest
    person or role spoken before it instead."""
    word = pronoun.root.lower_
    wanted = {"person", "role"} if word in PERSONAL else {"organization"} if word == "it" else None
    if wanted is None or became.type in wanted:
        return became
    for f in reversed(ctx.found):
        if f.speaker_type in wanted and f.speaker_name and not f.members:
            return Resolved(f.speaker_name, f.speaker_type)
    return became
