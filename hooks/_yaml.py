"""A YAML loader that remembers where each value stood and refuses YAML's traps.

No MkDocs import: the data layer can be used and tested on its own.
- every mapping is a `LineMap` and every list a `LineList`, knowing the line of each item;
- a key repeated in one mapping is recorded (plain PyYAML lets the last one win silently);
- timestamps stay the text the editor wrote, so that an impossible date such as
  2019-02-30 becomes a validation problem with its line, not a crash in the loader;
- anchors, aliases and deep nesting are refused on the parser's event stream, before any
  node is composed: composing is where an alias bomb expands and where libyaml recurses
  (thousands of nested `[` overflow the stack), while the event stream is iterative;
- the usual document is built in the same pass over the events, without PyYAML's node tree
  (at 10,000 events the tree took more memory than all that was built from it); anything
  PyYAML's composer treats specially (tags, merge keys, several documents) goes through it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import yaml

# The C loader is several times faster; fall back to the pure-Python one where libyaml is missing.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class LineMap(dict):
    """A mapping that knows the line of itself, of each key and of each value (1-based)."""

    line: int = 0

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.value_lines: dict = {}
        self.key_lines: dict = {}  # only where the value starts on another line (a block below its key)
        self.duplicate_keys: list[tuple[object, int]] = []

    def line_of(self, key) -> int:
        """The line of the key's value (of a block, its first line)."""
        return self.value_lines.get(key, self.line)

    def key_line(self, key) -> int:
        """The line of the key itself."""
        return self.key_lines.get(key) or self.line_of(key)


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


def _of_kind(node, kind: type, name: str) -> None:
    """PyYAML's own check (its constructors make it, ours replace them): `!!seq x` is a text
    tagged as a list, an error with its place rather than a traceback."""
    if not isinstance(node, kind):
        raise yaml.constructor.ConstructorError(None, None, f"expected a {name} node, but found {node.id}", node.start_mark)


def _construct_mapping(loader, node):
    _of_kind(node, yaml.MappingNode, "mapping")
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
        if key_node.start_mark.line != value_node.start_mark.line:
            mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


def _construct_sequence(loader, node):
    _of_kind(node, yaml.SequenceNode, "sequence")
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


def load_yaml(text: str, max_nesting: int = MAX_NESTING, each_entry: tuple[str, Callable] | None = None):
    """Parse YAML text into LineMap/LineList/scalars.

    Raises YamlSyntaxError (the file does not parse) or YamlProblems (anchors, aliases or
    nesting deeper than `max_nesting`), each with its line.
    With `each_entry=(key, read)`, each item of the list under the top-level `key` may be
    replaced, as soon as it is built, by `read(item, index, line)`: the data files' entries
    are read one at a time, so that only what is read from them stays in memory. An item
    that reaches the caller unread (the document went through `_load_composed`) is the
    caller's to read.
    """
    # libyaml skips a byte order mark without counting it, and every position after it would
    # be one off (the check of texts cut by " #" then missed them).
    text = text.removeprefix("\ufeff")
    hidden = hidden_line_breaks(text)
    if hidden:
        raise YamlProblems(tuple(hidden))
    try:
        document = with_syntax_errors(text, lambda: _load_from_events(text, max_nesting, each_entry))
        cuts = _texts_cut_by_comments(text) if _may_cut_a_text(text) else []
        if cuts:
            raise YamlProblems(tuple(cuts))
        return document
    except (ValueError, TypeError, OverflowError, IndexError, KeyError) as error:
        # PyYAML's constructors raise these for a value whose explicit tag does not fit it
        # (`!!int 7no`, an empty `!!int ''`, `!!bool maybe`); they carry no position, so the
        # first explicit tag's line is named.
        digits = _LONG_NUMBER.search(text) if "integer string conversion" in str(error) else None
        if digits:  # Python reads at most 4,300 decimal digits into a number
            raise YamlSyntaxError(text.count("\n", 0, digits.start()) + 1, (
                "a number of more than 4,300 digits cannot be read: put the text in quotes")) from None
        tagged = next((number for number, line in enumerate(text.splitlines(), 1) if "!!" in line), 1)
        if isinstance(error, IndexError):
            why = "it is empty"
        elif isinstance(error, KeyError):
            why = f"{error.args[0]!r} is not a value of its type"
        else:
            why = " ".join(str(error).split())
        raise YamlSyntaxError(tagged, f"a value with an explicit tag cannot be read ({why}): "
                                      "remove the tag (such as !!int) and write the value plainly") from None


# Line breaks to YAML that git and GitHub do not show as such: "# a comment<U+2028>url: …"
# reads as one comment line in a review, and as a comment and a field to YAML (hunt 14).
_HIDDEN_LINE_BREAK = re.compile("\r(?!\n)|[\x85\u2028\u2029]")
_HIDDEN_NAMES = {"\r": "a carriage return (U+000D) without a new line after it", "\x85": "U+0085 (next line)",
                 "\u2028": "U+2028 (line separator)", "\u2029": "U+2029 (paragraph separator)"}
# A number Python will not read from text: more than 4,300 decimal digits.
_LONG_NUMBER = re.compile(r"[0-9_]{4300,}")


def hidden_line_breaks(text: str) -> list[tuple[int, str]]:
    """(line, problem) for each line (as git counts lines) that holds a line break only YAML sees."""
    if not any(char in text for char in _HIDDEN_NAMES):  # str's own search: fast on large files
        return []
    problems = {}
    for match in _HIDDEN_LINE_BREAK.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        problems.setdefault(line, (
            f"{_HIDDEN_NAMES[match.group()]}: YAML starts a new line there, but GitHub and editors show none, so "
            "what follows it would be read as data where a reviewer sees this line go on; remove it (press Enter "
            "for a new line)"))
    return sorted(problems.items())


# " #" starts a comment, and a text written without quotes ends before it: "fi: Kumppani #1"
# is the text "Kumppani". A "#" right before a word reads as part of the text the editor
# meant; such lines are looked at again (a comment is written "value # comment").
_TEXT_LIKE_COMMENT = re.compile(r"[ \t]*[^#\s][^\n]*?[ \t]#[^\s#]")


def _may_cut_a_text(text: str) -> bool:
    """Whether a line holds a text-like comment; only lines with " #" are read (str.find is
    C-fast: a regular expression over every line cost 0.1 s at 10,000 events)."""
    for mark in (" #", "\t#"):
        found = text.find(mark)
        while found != -1:
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            if _TEXT_LIKE_COMMENT.match(text, start, len(text) if end == -1 else end):
                return True
            found = text.find(mark, len(text) if end == -1 else end)
    return False


_COMMENT_AFTER = re.compile(r"([ \t]+)#(\S?)[^\n]*")


def _texts_cut_by_comments(text: str) -> list[tuple[int, str]]:
    """(line, problem) for each unquoted text followed on its line by what looks like more text
    but is a comment ("#1", or "#" after a single space)."""
    problems = []
    for event in yaml.parse(text, Loader=_BaseLoader):  # noqa: S506 - events only, nothing is constructed
        if type(event) is not yaml.ScalarEvent or event.style or not event.value:  # quoted or block: no cut
            continue
        comment = _COMMENT_AFTER.match(text, event.end_mark.index)
        if comment and comment.group(2):
            whole = " ".join(text[event.start_mark.index: comment.end()].split())
            problems.append((event.end_mark.line + 1, (
                f"the text ends at ' #': YAML reads ' #' and what follows as a comment, so the text is only "
                f"{_shown_text(event.value)}; put the whole text in quotes, such as {quoted(whole)} (a comment of "
                "your own has a space after #)")))
    return problems


def _shown_text(value: str) -> str:
    return f"'{value}'" if len(value) <= 60 else f"'{value[:59]}…'"


def with_syntax_errors(text: str, read: Callable):
    """`read()`, with PyYAML's errors while reading `text` raised again as YamlSyntaxError and their line."""
    try:
        return read()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = " ".join(" ".join(part.split()) for part in (error.context, error.problem) if part)
        advice = syntax_advice(error, text)
        if advice:
            line, problem = advice[0], f"{problem}; {advice[1]}"
        raise YamlSyntaxError(line, f"the file is not valid YAML: {problem}") from None
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        raise YamlSyntaxError(line, f"the file contains a character YAML does not allow: {error.character!r}") from None
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, "the file is not valid YAML: " + " ".join(str(error).split())) from None


_LINE_BREAK = re.compile("[\n\r\x85\u2028\u2029]")  # YAML 1.1's line breaks, which the marks count


def _line_at(text: str, index: int) -> str:
    """The line of `text` that holds the character at `index`."""
    start = max((match.end() for match in _LINE_BREAK.finditer(text, 0, index)), default=0)
    end = _LINE_BREAK.search(text, index)
    return text[start: end.start() if end else len(text)]


def quoted(value: str) -> str:
    """`value` as YAML text in quotes (the editor's own text, to copy); a text pasted between a
    word processor's quotation marks without them, and a word on what they are (session 32b:
    the advice kept them, and the published title would have shown them)."""
    note = ""
    if len(value) > 1 and value[0] in TYPOGRAPHIC_QUOTES and value[-1] in TYPOGRAPHIC_QUOTES:
        note = (f" ({value[0]} and {value[-1]} are a word processor's quotation marks, which YAML reads as part of the "
                "text; the straight \" quotes it)")
        value = value[1:-1]
    if len(value) > 60:
        value = value[:59] + "…"
    return (f"'{value.replace(chr(39), chr(39) * 2)}'" if '"' in value or "\\" in value else f'"{value}"') + note


# Quotation marks of word processors and of Finnish and English typography, which YAML reads as text.
TYPOGRAPHIC_QUOTES = frozenset("\u201c\u201d\u201e\u201f\u2018\u2019\u201a\u201b\u00ab\u00bb\u2039\u203a")


_ALIGN = ("this line is not lined up with the lines around it: "
          "indent each field of an entry by the same number of spaces")


def syntax_advice(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str] | None:
    """(line, what to do) for the usual mistakes behind a parser error, or None.

    libyaml's words name the rule that broke ("did not find expected key"), not the
    editor's mistake. Its marks give the place: the problem's, and the context's, which is
    where an unclosed quote or bracket was opened. Both loaders' wordings are matched.
    """
    mark, context = error.problem_mark, error.context_mark
    if mark is None:
        return None
    said = f"{error.context or ''} {error.problem or ''}"
    here = _line_at(text, mark.index)
    indent = here[: len(here) - len(here.lstrip(" \t"))]
    if "\t" in indent or "tab character" in said or "'\\t'" in said:
        return mark.line + 1, "the line is indented with a tab: YAML indents with spaces only"
    if "quoted scalar" in said and context is not None and ("end of stream" in said or "document" in said):
        quote = text[context.index: context.index + 1]
        return context.line + 1, f"the quotation mark {quote} opened on this line is not closed: end the text with the same mark"
    if "escape" in said:
        return mark.line + 1, ("inside double quotes a backslash starts an escape such as \\n: "
                               "write \\\\ for a backslash, or use single quotes")
    if "node, but found" in said:  # a tag that does not fit its value: `!!seq x`, `!!str [1]`
        return mark.line + 1, "remove the tag (such as !!seq) and write the value plainly"
    value = _FIELD_VALUE.match(here)
    if value:  # what the value of a field, written on this line, was meant to be
        advice = _text_advice(value.group(1))
        if advice:
            return mark.line + 1, advice
    if "flow sequence" in said or "flow mapping" in said:
        line = context.line + 1 if context is not None else mark.line + 1
        return line, "a value that starts with [ or { is read as a list or mapping: close it, or put the text in quotes"
    glued = _glued_field(text, mark.line) if any(words in said for words in _GLUED_SYMPTOMS) else None
    if glued:
        return glued
    if "mapping values are not allowed" in said:
        value = here.split(": ", 1)[1].strip() if ": " in here else ""
        if ": " in value:
            return mark.line + 1, f"a text with ': ' in it must be in quotes, such as {quoted(value)}"
        return mark.line + 1, _ALIGN
    if "expected key" in said or "'-' indicator" in said or "<block end>" in said:
        return mark.line + 1, _ALIGN
    return None


# A field's name and value with no space after the colon ("fi:Lontoo"): one text to YAML,
# and the parser stops a line later, on a line that is right (hunt 15b).
_GLUED_SYMPTOMS = ("mapping values", "expected key", "could not find expected ':'")
_GLUED_FIELD = re.compile(r"^[ \t]*(?:-[ \t]+)?([A-Za-z_][\w-]*):(?!//)(\S.*?)[ \t]*$")


def _glued_field(text: str, problem_line: int) -> tuple[int, str] | None:
    """(line, what to do) when the line of the parser's problem, or the one before it, holds a
    field glued to its value, or None. `problem_line` counts from 0."""
    lines = text.split("\n")
    for number in (problem_line, problem_line - 1):
        match = _GLUED_FIELD.match(lines[number].rstrip("\r")) if 0 <= number < len(lines) else None
        if match:
            return number + 1, (f"a field's name and its value need a space between them: write "
                                f"'{match.group(1)}: {match.group(2)}'")
    return None


# A field and its value on one line ("fi: Teksti", "- id: x"), the value without a comment.
_FIELD_VALUE = re.compile(r"^[ \t]*(?:-[ \t]+)?[^\s:#'\"\[{][^:#]*:[ \t]+(\S.*?)[ \t]*$")
_CLOSING_MARK = {'"': re.compile(r'"(?:[^"\\]|\\.)*"'), "'": re.compile(r"'(?:[^']|'')*'"),
                 "[": re.compile(r"\[[^\]]*\]"), "{": re.compile(r"\{[^}]*\}")}


def _text_advice(value: str) -> str | None:
    """What to do when `value`, a text as the editor wrote it, is not read as one text."""
    first = value[:1]
    if first in _CLOSING_MARK:
        closed = _CLOSING_MARK[first].match(value)
        if closed and value[closed.end():].strip():
            if first in "\"'":
                return ("a text that starts with a quotation mark must end with it: put the whole text in quotes, "
                        f"such as {quoted(value)}")
            return ("a text that starts with [ or { is read as a list or mapping: put the whole text in quotes, "
                    f"such as {quoted(value)}")
        return None
    if first in "*&%@`" or (first == "!" and value[1:2] != "!"):
        return ("a text cannot start with *, &, !, %, @ or `, which YAML reads as markup: put the whole text in quotes, "
                f"such as {quoted(value)}")
    if value.endswith(":"):
        return f"a text that ends with ':' must be in quotes, such as {quoted(value)}"
    return None


def _load_composed(text: str, max_nesting: int):
    """The document through PyYAML's composer and constructors: for what the event builder leaves
    to them (explicit tags, merge keys, keys that are lists or mappings, several documents)."""
    problems = _stream_problems(text, max_nesting)
    if problems:
        raise YamlProblems(tuple(problems))
    return yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass


_OPENING = (yaml.MappingStartEvent, yaml.SequenceStartEvent)
_CLOSING = (yaml.MappingEndEvent, yaml.SequenceEndEvent)


def _alias_problem(name: str) -> str:
    return (f"the alias *{name[:40]} repeats another value; "
            "YAML anchors and aliases are not used in the data files: write the value out")


def _anchor_problem(name: str) -> str:
    return f"the anchor &{name[:40]} is not allowed: YAML anchors and aliases are not used in the data files"


def _nesting_problem(max_nesting: int) -> str:
    return (f"the values are nested more than {max_nesting} levels deep here; "
            "the data files need at most 4 (file, list, entry, text in each language)")


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
            problems.setdefault(line, _alias_problem(event.anchor))
            continue
        if kind in _OPENING:
            depth += 1
            if depth > max_nesting:
                problems[line] = _nesting_problem(max_nesting)
                break  # libyaml's scanner slows down quadratically with the depth of [ and {: stop here
        if getattr(event, "anchor", None) is not None:
            problems.setdefault(line, _anchor_problem(event.anchor))
    return sorted(problems.items())


# ---------------------------------------------------------------- one pass over the events
# The usual document is built straight from libyaml's events: no node tree of the whole file
# is held (at 10,000 events it took more memory than everything built from it) and there is
# no recursion. Whatever PyYAML's composer and constructors would treat specially is left to
# them (`_Unusual`), so that the result is the same in every case.


class _Unusual(Exception):
    """The document has something the event builder leaves to `_load_composed`."""


_NO_KEY = object()  # a mapping's frame waiting for its next key
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_IMPLICIT = yaml.resolver.Resolver.yaml_implicit_resolvers
_ANY_START = _IMPLICIT.get(None, [])
_NULL, _BOOL, _INT, _FLOAT, _TIMESTAMP = (f"tag:yaml.org,2002:{name}" for name in ("null", "bool", "int", "float", "timestamp"))


def _plain_scalar(value: str):
    """An unquoted scalar as SafeLoader reads it (the resolver's table), timestamps kept as text."""
    for tag, pattern in _IMPLICIT.get(value[:1], []) + _ANY_START:
        if pattern.match(value):
            break
    else:
        return value
    if tag == _TIMESTAMP:
        return value
    if tag == _NULL:
        return None
    if tag == _BOOL:
        return _CONSTRUCTOR.bool_values[value.lower()]
    if tag == _INT:
        return _CONSTRUCTOR.construct_yaml_int(yaml.ScalarNode(tag, value))
    if tag == _FLOAT:
        return _CONSTRUCTOR.construct_yaml_float(yaml.ScalarNode(tag, value))
    raise _Unusual  # a merge key << or a value key =: PyYAML's own rules and messages


def _load_from_events(text: str, max_nesting: int, each_entry: tuple[str, Callable] | None = None):
    """The document from one pass over the parser's events, refusing anchors, aliases and deep nesting."""
    problems: dict[int, str] = {}  # once there is one, the rest of the file is only checked
    depth = 0
    documents = 0
    document = None
    # [LineMap or LineList being built, its pending key or _NO_KEY, the key's line, the reader of its items]
    stack: list[list] = []
    entries_key, read_entry = each_entry or (None, None)
    parser = _BaseLoader(text)  # only its parser is used: nothing is composed or constructed here
    next_event = parser.get_event  # called directly: yaml.parse's generator costs a call more per event
    try:
        while (event := next_event()) is not None:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                line = event.start_mark.line + 1
                if event.anchor is not None:
                    problems.setdefault(line, _anchor_problem(event.anchor))
                if problems:
                    continue
                if event.tag is not None:
                    raise _Unusual
                value = _plain_scalar(event.value) if event.implicit[0] else event.value
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                line = event.start_mark.line + 1
                depth += 1
                if depth > max_nesting:
                    problems[line] = _nesting_problem(max_nesting)
                    break  # libyaml's scanner slows down quadratically with the depth of [ and {: stop here
                if event.anchor is not None:
                    problems.setdefault(line, _anchor_problem(event.anchor))
                if problems:
                    continue
                if event.tag is not None or (stack and stack[-1][1] is _NO_KEY and type(stack[-1][0]) is LineMap):
                    raise _Unusual  # a tag, or a list or mapping used as a key
                container = LineMap() if kind is yaml.MappingStartEvent else LineList()
                container.line = line
                reads_entries = (read_entry is not None and len(stack) == 1 and type(container) is LineList
                                 and type(stack[0][0]) is LineMap and stack[0][1] == entries_key)
                stack.append([container, _NO_KEY, 0, read_entry if reads_entries else None])
                continue
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                depth -= 1
                if problems:
                    continue
                value = stack.pop()[0]
                line = value.line
            elif kind is yaml.AliasEvent:
                problems.setdefault(event.start_mark.line + 1, _alias_problem(event.anchor))
                continue
            else:
                if kind is yaml.DocumentStartEvent:
                    documents += 1
                    if documents > 1 and not problems:
                        raise _Unusual  # the composer's message for a second document
                continue
            if not stack:
                document = value
                continue
            frame = stack[-1]
            container = frame[0]
            if type(container) is LineList:
                if frame[3] is not None:
                    value = frame[3](value, len(container), line)
                container.append(value)
                container.item_lines.append(line)
            elif frame[1] is _NO_KEY:
                frame[1], frame[2] = value, line
            else:
                key = frame[1]
                if key in container:
                    container.duplicate_keys.append((key, frame[2]))
                container[key] = value
                container.value_lines[key] = line
                if line != frame[2]:
                    container.key_lines[key] = frame[2]
                frame[1] = _NO_KEY
    except _Unusual:
        return _load_composed(text, max_nesting)
    finally:
        parser.dispose()
    if problems:
        raise YamlProblems(tuple(sorted(problems.items())))
    return document


# How MkDocs finds a page's front matter (mkdocs.utils.meta.YAML_RE): it ends at `---` or at
# `...`; what the pattern does not match, MkDocs shows as the page's text.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def front_matter(text: str) -> LineMap | None:
    """A page's front matter as MkDocs finds it, read as the build reads it; None where it
    has none, or none that reads as a mapping without the traps load_yaml refuses."""
    match = FRONT_MATTER.match(text)
    try:
        data = load_yaml(match.group(1)) if match else None
    except (YamlSyntaxError, YamlProblems):
        return None
    return data if isinstance(data, LineMap) else None
