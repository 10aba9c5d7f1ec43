"""Validating YAML data files (taxonomies, venue lexicons, aliases) on the node tree, so that
every error names the file and the line it is on.  Each file format subclasses ``NodeReader``
with its own error class and its own structure."""

from __future__ import annotations

import difflib

import yaml


class NodeReader:
    """The checks every data file shares; ``error_class`` is the exception the format raises."""

    error_class: type[Exception] = ValueError

    def __init__(self, source: str) -> None:
        self.source = source

    def compose(self, text: str) -> yaml.Node | None:
        """The file's node tree (None for an empty file); a syntax error names its line."""
        try:
            return yaml.compose(text, Loader=yaml.SafeLoader)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            where = f", line {mark.line + 1}" if mark is not None else ""
            raise self.error_class(f"{self.source}{where}: not valid YAML: {exc.problem or exc.context}") from None
        except yaml.YAMLError as exc:
            raise self.error_class(f"{self.source}: not valid YAML: {exc}") from None

    def error(self, node: yaml.Node | None, message: str) -> Exception:
        if node is None:
            return self.error_class(f"{self.source}: {message}")
        return self.error_class(f"{self.source}, line {node.start_mark.line + 1}: {message}")

    def text(self, node: yaml.Node, what: str) -> str:
        # the scalar as written: `no`, `on`, `1991`, a date stay strings, never booleans or numbers
        if not isinstance(node, yaml.ScalarNode) or not str(node.value).strip():
            raise self.error(node, f"{what} must be a non-empty text")
        return str(node.value).strip()

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            raise self.error(node, f"{what} must be a list")
        return list(node.value)

    def mapping(self, node: yaml.Node, what: str, allowed: set[str]) -> dict[str, yaml.Node]:
        """A mapping whose keys are among ``allowed``, each given once; a misspelt key gets a hint."""
        if not isinstance(node, yaml.MappingNode):
            raise self.error(node, f"{what} must be a mapping of keys to values")
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                raise self.error(key_node, f"{what}: keys must be plain words")
            if key not in allowed:
                close = difflib.get_close_matches(key, sorted(allowed), n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise self.error(key_node, f"{what}: unknown key {key!r}{hint}; allowed: {sorted(allowed)}")
            if key in out:
                raise self.error(key_node, f"{what}: key {key!r} given twice")
            out[key] = value_node
        return out
