"""Reading a YAML data file (taxonomy, venue lexicon, aliases, stance markers) into the pydantic
model of its format, so that every error names the file and the line it is on.

The file is composed, not loaded: every scalar stays the text written (`no`, `on`, `1991`, a date
are strings, never booleans, numbers or dates), and the node at every path is kept, so that the
loc of a pydantic error can be turned back into a line.  The checks every file shares are here:
YAML syntax, keys that are plain words given once per mapping, unknown keys (with a hint), missing
keys, the shape of values (``Text``, lists, mappings) and of a Matcher pattern; each format's own
checks are validators on its models.
"""

from __future__ import annotations

import difflib
import types
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, TypeVar, Union, get_args, get_origin

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
    ValidationInfo,
)

NodePath = tuple[str | int, ...]
Schema = TypeVar("Schema")

# A scalar read as text, without the spaces around it; empty is an error.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A list of texts that may not be empty.
Words = Annotated[list[Text], Field(min_length=1)]


class NodeError(ValueError):
    """A validator's finding about a node below the value it checks: ``at`` is the path from that
    value to the node (the entry listed twice, the issue whose name is taken), and ``on_key`` names
    the line of the node's key rather than of its value."""

    def __init__(self, message: str, at: NodePath = (), on_key: bool = False) -> None:
        super().__init__(message)
        self.at = at
        self.on_key = on_key


class YamlModel(BaseModel):
    """A mapping of a data file: a key the model does not declare is an error.  The model's
    ``title`` (``"an issue"``) names it in messages; without one, its key in the file does."""

    model_config = ConfigDict(extra="forbid")


def key_of(model: type[BaseModel], info: ValidationInfo) -> str:
    """The key in the file of the field a validator checks (``for`` of the field ``for_``)."""
    name = str(info.field_name)
    return model.model_fields[name].alias or name


def listed_once(values: list[str], what: str, ignore_case: bool = False) -> list[str]:
    """``values`` unchanged; a NodeError at the second of two equal entries."""
    seen: set[str] = set()
    for index, value in enumerate(values):
        key = value.lower() if ignore_case else value
        if key in seen:
            raise NodeError(f"{what}: {value!r} is listed twice", at=(index,))
        seen.add(key)
    return values


def _token_pattern(value: Any) -> Any:
    # the shape only: spaCy's schema is checked when a pipeline compiles the pattern
    if not isinstance(value, list) or not value or not all(isinstance(token, dict) for token in value):
        raise ValueError("a Matcher pattern is a list of token mappings, e.g. [{LOWER: talks}]")
    return value


# A spaCy Matcher token pattern, checked for its shape (its values are read by ``YamlDocument.typed``).
TokenPattern = Annotated[Any, AfterValidator(_token_pattern)]

# What a pydantic error type means, said of the value it is about.
_PROBLEMS = {
    "model_type": "must be a mapping of keys to values",
    "model_attributes_type": "must be a mapping of keys to values",
    "dict_type": "must be a mapping of keys to values",
    "list_type": "must be a list",
    "tuple_type": "must be a list",
    "string_type": "must be a non-empty text",
    "string_too_short": "must be a non-empty text",
    "too_short": "is empty",
}


@dataclass(frozen=True)
class YamlDocument:
    """A composed YAML file: its data (dicts, lists and the text of scalars; None when the file
    is empty) and, by path, the key and value node of every entry."""

    source: str
    error_class: type[Exception]
    data: Any
    nodes: dict[NodePath, tuple[yaml.Node | None, yaml.Node]]

    def line(self, path: NodePath, on_key: bool = False) -> int:
        """The line of the deepest node ``path`` reaches (of its key with ``on_key``, when the
        whole path is there)."""
        reached = _reached(path, self.nodes)
        key, value = self.nodes[reached]
        node = key if on_key and reached == path and key is not None else value
        return node.start_mark.line + 1

    def error(self, message: str, path: NodePath | None = None, on_key: bool = False) -> Exception:
        """The file's error, naming the line of ``path`` (the file alone without one)."""
        if path is None:
            return self.error_class(f"{self.source}: {message}")
        return self.error_class(f"{self.source}, line {self.line(path, on_key)}: {message}")

    def typed(self, path: NodePath) -> Any:
        """The value at ``path`` with YAML's own types (a Matcher pattern's ``true`` or ``3``)."""
        try:
            return yaml.SafeLoader("").construct_document(self.nodes[path][1])
        except yaml.YAMLError as exc:
            raise self.error(f"not valid YAML: {exc}", path) from None

    def validate(self, schema: type[Schema]) -> Schema:
        """The data validated as ``schema`` (a model, or a type such as ``list[Model]``); the first
        problem becomes the file's error, naming its line."""
        if self.data is None:
            raise self.error("the file is empty")
        try:
            return _adapter(schema).validate_python(self.data)
        except ValidationError as exc:
            raise self._first_problem(exc.errors(), schema) from None

    def _first_problem(self, errors: list[Any], schema: Any) -> Exception:
        # A key missing where an unknown key was given is most likely the misspelt one: the
        # misspelling is reported.  Otherwise the problem on the earliest line comes first.
        misspelt = {e["loc"][:-1] for e in errors if e["type"] == "extra_forbidden"}
        errors = [e for e in errors if not (e["type"] == "missing" and e["loc"][:-1] in misspelt)]
        first = min(errors, key=lambda e: self.line(*_where(e)))
        if first["type"] == "missing":  # every key missing from that mapping, in one message
            parent = first["loc"][:-1]
            keys = [e["loc"][-1] for e in errors if e["type"] == "missing" and e["loc"][:-1] == parent]
            message = f"{_name(schema, parent)} has no {', '.join(repr(k) for k in keys)}"
        else:
            message = _message(first, schema)
        return self.error(message, *_where(first))


def read_yaml(text: str, source: str, error_class: type[Exception]) -> YamlDocument:
    """The composed file; a syntax error, a key that is not a plain word or a key given twice in
    one mapping (PyYAML would keep the last) is ``error_class`` naming its line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f", line {mark.line + 1}" if mark is not None else ""
        raise error_class(f"{source}{where}: not valid YAML: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise error_class(f"{source}: not valid YAML: {exc}") from None
    nodes: dict[NodePath, tuple[yaml.Node | None, yaml.Node]] = {}

    def error(node: yaml.Node, message: str) -> Exception:
        return error_class(f"{source}, line {node.start_mark.line + 1}: {message}")

    def plain(node: yaml.Node, path: NodePath, key: yaml.Node | None, within: frozenset[int]) -> Any:
        # the data of `node`, scalars as written, recording every node by its path
        if id(node) in within:
            raise error(node, "an alias refers to the node that holds it")
        nodes[path] = (key, node)
        within = within | {id(node)}
        if isinstance(node, yaml.SequenceNode):
            return [plain(item, (*path, i), None, within) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Any] = {}
            for key_node, value_node in node.value:
                if not isinstance(key_node, yaml.ScalarNode) or not key_node.value.strip():
                    raise error(key_node, "keys must be plain words")
                name = key_node.value.strip()
                if name in out:
                    raise error(key_node, f"key {name!r} given twice")
                out[name] = plain(value_node, (*path, name), key_node, within)
            return out
        return node.value

    data = plain(root, (), None, frozenset()) if root is not None else None
    return YamlDocument(source, error_class, data, nodes)


@cache
def _adapter(schema: Any) -> TypeAdapter[Any]:
    return TypeAdapter(schema)


def _reached(path: NodePath, nodes: dict[NodePath, Any]) -> NodePath:
    """The longest start of ``path`` that is a node of the file (a loc may go on to a key the
    file does not give, or to a key a model's before-validator made: ``{text: ...}`` of a plain
    example)."""
    while path and path not in nodes:
        path = path[:-1]
    return path


def _where(error: Any) -> tuple[NodePath, bool]:
    """The path an error is about and whether it is about the key there."""
    found = error.get("ctx", {}).get("error")
    if isinstance(found, NodeError):
        return (*error["loc"], *found.at), found.on_key
    return tuple(error["loc"]), error["type"] == "extra_forbidden"


def _message(error: Any, schema: Any) -> str:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind in {"value_error", "assertion_error"}:
        return str(error["ctx"]["error"])
    if kind == "extra_forbidden":
        holder = _schema_at(schema, loc[:-1])  # extra keys are found in models only
        allowed = sorted(f.alias or name for name, f in holder.model_fields.items())
        close = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        return f"{_name(schema, loc[:-1])}: unknown key {loc[-1]!r}{hint}; allowed: {allowed}"
    if kind in _PROBLEMS:
        return f"{_name(schema, loc)} {_PROBLEMS[kind]}"
    return f"{_name(schema, loc)}: {error['msg']}"


def _name(schema: Any, loc: NodePath) -> str:
    """What a loc is, in words: a model's title, an entry of a list, or the key."""
    target = _schema_at(schema, loc)
    if isinstance(target, type) and issubclass(target, BaseModel) and target.model_config.get("title"):
        return str(target.model_config["title"])
    keys = [step for step in loc if isinstance(step, str)]
    if not keys:
        return "the file"
    return f"an entry of {keys[-1]}" if isinstance(loc[-1], int) else keys[-1]


def _schema_at(schema: Any, loc: NodePath) -> Any:
    """The type ``schema`` declares at ``loc`` (None past what it declares)."""
    for step in loc:
        schema = _unwrapped(schema)
        if isinstance(schema, type) and issubclass(schema, BaseModel):
            fields = {(f.alias or name): f for name, f in schema.model_fields.items()}
            if step not in fields:
                return None
            schema = fields[step].annotation
        elif get_origin(schema) in (list, tuple) and isinstance(step, int):
            schema = get_args(schema)[0]
        elif get_origin(schema) is dict:
            schema = get_args(schema)[1]
        else:
            return None
    return _unwrapped(schema)


def _unwrapped(schema: Any) -> Any:
    """``X`` of ``Annotated[X, ...]`` and of ``X | None``."""
    while True:
        if get_origin(schema) is Annotated:
            schema = get_args(schema)[0]
        elif get_origin(schema) in (Union, types.UnionType):
            members = [m for m in get_args(schema) if m is not type(None)]
            if len(members) != 1:
                return schema
            schema = members[0]
        else:
            return schema
