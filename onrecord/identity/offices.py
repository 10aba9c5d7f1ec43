"""Who held an office on a day, by the registry's dated roles (``aliases.yaml``: "a dated role is
held from that date")."""

from __future__ import annotations

from onrecord.identity.registry import SpeakerRegistry


def roles_held(registry: SpeakerRegistry, name: str, date: str | None) -> list[str]:
    """The dated roles of the pinned person ``name`` that they held on ``date``: a role is held
    from its date until another identity's later date for it ("President of the United States":
    Trump 2017, Biden 2021, Trump 2025).  None without a date: an undated role may be long past."""
    identity = registry.pinned_person(name)
    day = (date or "")[:10]
    if identity is None or not day:
        return []
    held: list[str] = []
    for role, since in identity.roles:
        if not since or since > day or role in held:
            continue
        holders = [(d, holder.id) for holder, d in registry.role_holders(role) if d and d <= day]
        if holders and max(holders)[1] == identity.id:
            held.append(role)
    return held
