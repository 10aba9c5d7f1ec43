"""The aliases file: speaker identities a user pins (``data/aliases.yaml`` is the bundled one).

Each identity has a canonical name and optionally an id, a type, aliases, an organisation, a
Wikidata QID and roles (with the date they were held).  ``read_pins`` validates a file (its format
is the pydantic model ``AliasesFile``) and returns the pins as keyword arguments of
``SpeakerRegistry.pin``; every error names the file and the line.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ConfigDict, field_validator, model_validator

from onrecord.errors import AliasesError
from onrecord.lexicons.yaml_models import Text, YamlModel, read_yaml

SPEAKER_TYPES = ("person", "organization", "group", "unknown")
QID_RE = re.compile(r"Q[1-9][0-9]*")


class RoleEntry(YamlModel):
    """A role as stated: a text, or {role, date} (the date stays the text written)."""

    model_config = ConfigDict(title="a role")
    role: Text
    date: Text | None = None

    @model_validator(mode="before")
    @classmethod
    def _role_alone(cls, data: Any) -> Any:
        return {"role": data} if isinstance(data, str) else data


class PinEntry(YamlModel):
    """An identity to pin; the keys given are the keyword arguments of ``SpeakerRegistry.pin``."""

    model_config = ConfigDict(title="an identity")
    name: Text
    id: Text | None = None
    type: Text | None = None
    aliases: list[Text] | None = None
    organization: Text | None = None
    wikidata: Text | None = None
    roles: list[RoleEntry] | None = None

    @field_validator("type")
    @classmethod
    def _speaker_type(cls, speaker_type: str | None) -> str | None:
        if speaker_type is not None and speaker_type not in SPEAKER_TYPES:
            raise ValueError(f"type must be one of {', '.join(SPEAKER_TYPES)}")
        return speaker_type

    @field_validator("wikidata")
    @classmethod
    def _wikidata_qid(cls, qid: str | None) -> str | None:
        if qid is not None and not QID_RE.fullmatch(qid):
            raise ValueError(f"wikidata must be a QID like Q7747, not {qid!r}")
        return qid

    def pin(self) -> dict[str, Any]:
        """The keys given, in the order of the format, as ``SpeakerRegistry.pin`` takes them."""
        pin = {key: getattr(self, key) for key in type(self).model_fields if key in self.model_fields_set}
        if self.roles is not None:
            pin["roles"] = [(role.role, role.date) for role in self.roles]
        return pin


class AliasesFile(YamlModel):
    """The file: its identities (a file may also be the bare list of them)."""

    model_config = ConfigDict(title="the aliases file")
    version: Any = None
    identities: list[PinEntry] = []


def read_pins(text: str, source: str) -> list[dict[str, Any]]:
    """The pins of an aliases file (the file, or its bare list of identities), as keyword
    arguments of ``SpeakerRegistry.pin``; an AliasesError names the line of the first problem."""
    document = read_yaml(text, source, AliasesError)
    if document.data is None:
        return []
    if isinstance(document.data, list):
        return [entry.pin() for entry in document.validate(list[PinEntry])]
    return [entry.pin() for entry in document.validate(AliasesFile).identities]
