"""Things compiled once per pipeline object (a Matcher for a vocabulary, the marker lists for a
pipeline): one cache, keyed by the owners' identities and checked against the owners themselves,
so that a new object that happens to reuse a freed object's id never gets its neighbour's matcher."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

T = TypeVar("T")

_BUILT: dict[tuple[Any, ...], tuple[tuple[object, ...], Any]] = {}


def built_once(kind: str, owners: tuple[object, ...], build: Callable[[], T]) -> T:
    """``build()``'s result for these owners (a vocabulary, a pipeline, a lexicon), made on the
    first call and returned again while the same objects ask."""
    key = (kind, *(id(o) for o in owners))
    held = _BUILT.get(key)
    if held is not None and all(a is b for a, b in zip(held[0], owners, strict=True)):
        return held[1]
    value = build()
    _BUILT[key] = (owners, value)
    return value
