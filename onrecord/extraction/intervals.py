"""Sorted-interval queries: whether any of a set of character ranges holds a point, overlaps a
range or contains one, by bisection instead of a scan of every range per question.

The ranges are sorted by start once, with the running maximum of their ends (the furthest any
range starting at or before each start reaches, the idea of an interval tree's max-end
augmentation, Cormen et al., *Introduction to Algorithms*, §14.3): every range starting at or
before a point is a prefix of the sorted list, and the prefix's furthest end answers each
question.  No spaCy here: the stages pass plain ``(start, end)`` pairs.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from typing import Protocol, TypeVar


class HasRange(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


Spanned = TypeVar("Spanned", bound=HasRange)


class Ranges:
    """A fixed set of half-open ranges ``[start, end)``; build it once, ask it many times."""

    def __init__(self, ranges: Iterable[tuple[int, int]]) -> None:
        spans = sorted(ranges)
        self.starts = [s for s, _ in spans]
        self.reach: list[int] = []
        furthest = -(10**18)
        for _, end in spans:
            furthest = max(furthest, end)
            self.reach.append(furthest)

    def _furthest(self, k: int) -> int | None:
        """The furthest end of the first ``k`` ranges (by start); None when ``k`` is 0."""
        return self.reach[k - 1] if k > 0 else None

    def hold(self, point: int) -> bool:
        """``any(s <= point < e)``."""
        furthest = self._furthest(bisect_right(self.starts, point))
        return furthest is not None and furthest > point

    def overlap(self, start: int, end: int) -> bool:
        """``any(s < end and start < e)``."""
        furthest = self._furthest(bisect_left(self.starts, end))
        return furthest is not None and furthest > start

    def contain(self, start: int, end: int) -> bool:
        """``any(s <= start and end <= e)``."""
        furthest = self._furthest(bisect_right(self.starts, start))
        return furthest is not None and furthest >= end


def holders(found: Sequence[Spanned]) -> Callable[[int], list[Spanned]]:
    """``holding(offset)``: the statements (anything with ``start`` and ``end``) whose words run
    over the offset (``f.start <= offset < f.end``), in the order of ``found``: by bisection over
    their starts, looking back no further than the longest statement, not through every statement
    for each one.  Their words must not change while it is asked."""
    spans = sorted((f.start, f.end, k) for k, f in enumerate(found))
    starts = [s for s, _, _ in spans]
    longest = max((e - s for s, e, _ in spans), default=0)

    def holding(offset: int) -> list[Spanned]:
        lo, hi = bisect_left(starts, offset - longest), bisect_right(starts, offset)
        return [found[k] for k in sorted(k for s, e, k in spans[lo:hi] if s <= offset < e)]

    return holding
