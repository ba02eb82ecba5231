"""A YAML loader that remembers where each value stood and refuses YAML's traps.

No MkDocs import: the data layer can be used and tested on its own.
- every mapping is a `LineMap` and every list a `LineList`, knowing the line of each item;
- a key repeated in one mapping is recorded (plain PyYAML lets the last one win silently);
- timestamps stay the text the editor wrote, so that an impossible date such as
  2019-02-30 becomes a validation problem with its line, not a crash in the loader;
- anchors, aliases and deep nesting are refused on the parser's event stream before any
  node is composed: composing is where an alias bomb expands and where libyaml recurses
  (thousands of nested `[` overflow the stack), while the event stream is iterative.
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


@dataclass(frozen=True)
class YamlProblems(Exception):
    """Several (line, message) problems found before the document was composed."""

    problems: tuple[tuple[int, str], ...]


# The data files nest a mapping of lists of mappings of texts: four levels. A few more are
# allowed so that a list or mapping put where a text belongs gets the validator's message.
MAX_NESTING = 8


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


def decode_utf8(data: bytes) -> str:
    """The file's text; raises YamlSyntaxError at the line of the first byte that is not UTF-8."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise YamlSyntaxError(1, "the file is saved as UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start]
        raise YamlSyntaxError(line, f"byte 0x{byte:02x} is not UTF-8 text ({error.reason}); save the file as UTF-8") from None


def load_yaml(text: str, max_nesting: int = MAX_NESTING):
    """Parse YAML text into LineMap/LineList/scalars.

    Raises YamlSyntaxError (the file does not parse) or YamlProblems (anchors, aliases or
    nesting deeper than `max_nesting`), each with its line.
    """
    try:
        problems = _stream_problems(text, max_nesting)
        if problems:
            raise YamlProblems(tuple(problems))
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


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _stream_problems(text: str, max_nesting: int) -> list[tuple[int, str]]:
    """Anchors, aliases and too deep nesting, one problem per line, from the parser's events."""
    problems: dict[int, str] = {}
    depth = 0
    for event in yaml.parse(text, Loader=_BaseLoader):  # noqa: S506 - events only, nothing is constructed
        kind = type(event)
        if kind in _CLOSING:
            depth -= 1
            continue
        line = event.start_mark.line + 1
        if kind is yaml.AliasEvent:
            problems.setdefault(line, f"the alias *{event.anchor[:40]} repeats another value; "
                                      "YAML anchors and aliases are not used in the data files: write the value out")
            continue
        if kind in _OPENING:
            depth += 1
            if depth > max_nesting:
                problems[line] = (f"the values are nested more than {max_nesting} levels deep here; "
                                  "the data files need at most 4 (file, list, entry, text in each language)")
                break  # libyaml's scanner slows down quadratically with the depth of [ and {: stop here
        if getattr(event, "anchor", None) is not None:
            problems.setdefault(line, f"the anchor &{event.anchor[:40]} is not allowed: YAML anchors and aliases are not used in the data files")
    return sorted(problems.items())
