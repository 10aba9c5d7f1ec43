"""The aliases file: speaker identities a user pins (``data/aliases.yaml`` is the bundled one).

Each identity has a canonical name and optionally an id, a type, aliases, an organisation, a
Wikidata QID and roles (with the date they were held).  ``read_pins`` validates a file and returns
the pins as keyword arguments of ``SpeakerRegistry.pin``; every error names the file and the line.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from onrecord.errors import AliasesError
from onrecord.lexicons.yaml_nodes import NodeReader

SPEAKER_TYPES = ("person", "organization", "group", "unknown")
TOP_KEYS = {"version", "identities"}
PIN_KEYS = {"id", "name", "type", "aliases", "organization", "wikidata", "roles"}
ROLE_KEYS = {"role", "date"}


class _PinReader(NodeReader):
    error_class = AliasesError


def read_pins(text: str, source: str) -> list[dict[str, Any]]:
    """The pins of an aliases file, validated on the YAML node tree so errors can name lines."""
    r = _PinReader(source)
    root = r.compose(text)
    if root is None:
        return []
    items = root
    if isinstance(root, yaml.MappingNode):
        top = r.mapping(root, "the file", TOP_KEYS)
        items = top.get("identities")
        if items is None:
            return []
    if not isinstance(items, yaml.SequenceNode):
        raise r.error(items, "'identities' must be a list of identities")
    return [_read_pin(r, node) for node in items.value]


def _read_pin(r: _PinReader, node: yaml.Node) -> dict[str, Any]:
    values = r.mapping(node, "an identity", PIN_KEYS)
    if "name" not in values:
        raise r.error(node, "an identity needs a 'name'")
    pin: dict[str, Any] = {"name": r.text(values["name"], "name")}
    if "id" in values:
        pin["id"] = r.text(values["id"], "id")
    if "type" in values:
        pin["type"] = r.text(values["type"], "type")
        if pin["type"] not in SPEAKER_TYPES:
            raise r.error(values["type"], f"type must be one of {', '.join(SPEAKER_TYPES)}")
    if "aliases" in values:
        aliases = r.sequence(values["aliases"], "aliases")
        pin["aliases"] = [r.text(a, "an alias") for a in aliases]
    if "organization" in values:
        pin["organization"] = r.text(values["organization"], "organization")
    if "wikidata" in values:
        pin["wikidata"] = r.text(values["wikidata"], "wikidata")
        if not re.fullmatch(r"Q[1-9][0-9]*", pin["wikidata"]):
            message = f"wikidata must be a QID like Q7747, not {pin['wikidata']!r}"
            raise r.error(values["wikidata"], message)
    if "roles" in values:
        pin["roles"] = [_read_role(r, role) for role in r.sequence(values["roles"], "roles")]
    return pin


def _read_role(r: _PinReader, node: yaml.Node) -> tuple[str, str | None]:
    if isinstance(node, yaml.ScalarNode):
        return r.text(node, "a role"), None
    values = r.mapping(node, "a role", ROLE_KEYS)
    if "role" not in values:
        raise r.error(node, "a role needs a 'role'")
    date = r.text(values["date"], "date") if "date" in values else None
    return r.text(values["role"], "role"), date
