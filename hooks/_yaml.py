"""A YAML loader that remembers where each value stood and refuses YAML's traps.

No MkDocs import: the data layer can be used and tested on its own.
- every mapping is a `LineMap` and every list a `LineList`, knowing the line of each item;
- a key repeated in one mapping is recorded (plain PyYAML lets the last one win silently);
- timestamps stay the text the editor wrote, so that an impossible date such as
  2019-02-30 becomes a validation problem with its line, not a crash in the loader.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

# The C loader is several times faster; fall back to the pure-Python one where libyaml is missing.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineMap(dict):
    """A mapping that knows the line of itself, of each key and of each value (1-based)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.value_lines: dict = {}
        self.duplicate_keys: list[tuple[object, int]] = []

    def line_of(self, key) -> int:
        return self.value_lines.get(key, self.line)


class LineList(list):
    """A list that knows the line of itself and of each item (1-based)."""

    line: int = 0

    def __init__(self, *args):
        super().__init__(*args)
        self.item_lines: list[int] = []


@dataclass(frozen=True)
class YamlSyntaxError(Exception):
    line: int
    message: str


class _LineLoader(_BaseLoader):
    pass


def _construct_mapping(loader, node):
    loader.flatten_mapping(node)
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        if key in mapping:
            mapping.duplicate_keys.append((key, key_node.start_mark.line + 1))
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.value_lines[key] = value_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    items = LineList(loader.construct_object(child, deep=True) for child in node.value)
    items.line = node.start_mark.line + 1
    items.item_lines = [child.start_mark.line + 1 for child in node.value]
    return items


def _construct_timestamp_as_text(loader, node):
    return loader.construct_scalar(node)


_LineLoader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_LineLoader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp_as_text)


def load_yaml(text: str):
    """Parse YAML text into LineMap/LineList/scalars; raises YamlSyntaxError with its line."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)
        raise YamlSyntaxError(line, f"the file is not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise YamlSyntaxError(line, f"the file contains a character YAML does not allow: {error.character!r}") from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, "the file is not valid YAML: " + " ".join(str(error).split())) from None
