"""JSON Schemas (2020-12) of the data files, generated from the field table in _data.py.

No MkDocs import. Editors' tools (VS Code and github.dev with the YAML extension) find
data/schemas/<file>.schema.json through the first line of each data file, complete field
names and flag mistakes while the editor types. `python -m tools.schemas` writes the files;
tests/test_schemas.py fails when they differ from what this module generates.

The YAML extension validates documents with its draft-07 engine, so only keywords that mean
the same in draft-07 and 2020-12 are used: no $ref or $defs, no dependentRequired
(if/then instead). What JSON Schema cannot say (unique ids, end after start, a time zone
that exists, clock changes, the logo file's content) stays with the build's validator.
A value that does not match a pattern is explained by `patternErrorMessage` (the YAML
extension's keyword; other validators ignore it), not by the regular expression.
Patterns are read by JavaScript in the editor and by Python in the tests; they agree except
that Python's `$` also matches before a final line break.
"""

from __future__ import annotations

import json

from _data import AREA_ZONE, CITIES, EVENT_STATUSES, ID_PATTERN, FieldSpec, FileSpec

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Text with something visible and no control characters; a one-line text has no line break
# either. Escapes written as \uXXXX so that both Python's and JavaScript's regex read them.
ONE_LINE_TEXT = r"^(?=.*\S)[^\u0000-\u001f\u007f-\u009f\u2028\u2029]*$"
MULTILINE_TEXT = r"^(?=[\s\S]*\S)[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]*$"
HTTPS_URL = r"^https://[^\s/?#][^\s]*$"
# YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM (a space may stand for the T).
MOMENT = (r"^[0-9]{4}-(?:0[1-9]|1[0-2])"
          r"(?:-(?:0[1-9]|[12][0-9]|3[01])(?:[T ](?:[01][0-9]|2[0-3]):[0-5][0-9])?)?$")
MOMENT_WITH_TIME = r"[T ][0-9]{2}:"
# images/<folders>/<name>.svg or .png, no hidden names, no '..', no backslashes.
_SEGMENT = r"[^/.\\][^/\\]*"
LOGO_PATH = rf"^images/(?:{_SEGMENT}/)*{_SEGMENT}\.(?:[sS][vV][gG]|[pP][nN][gG])$"
# What the editor sees when a text or a source id does not match its pattern.
ONE_LINE_MESSAGE = ("One line of visible text, without line breaks or control characters. "
                    "/ Yksi rivi näkyvää tekstiä ilman rivinvaihtoja tai ohjausmerkkejä.")
MULTILINE_MESSAGE = "Visible text without control characters. / Näkyvää tekstiä ilman ohjausmerkkejä."
SOURCE_ID_MESSAGE = ("The id of an entry of data/sources.yml: lowercase letters, digits and hyphens. "
                     "/ Tiedoston data/sources.yml kohdan tunnus: pieniä kirjaimia, numeroita ja yhdysmerkkejä.")


def file_schema(spec: FileSpec, locales: tuple[str, ...]) -> dict:
    """The schema of one data file: its top-level key holding a list of entries."""
    entry = {
        "type": "object",
        "required": list(spec.required),
        "additionalProperties": False,
        "properties": {field.name: field_schema(field, locales) for field in spec.fields},
    }
    rules = _entry_rules(spec)
    if rules:
        entry["allOf"] = rules
    return {
        "$schema": DIALECT,
        "$comment": "Generated from the field table in hooks/_data.py by `make schemas`; do not edit.",
        "title": spec.title,
        "type": "object",
        "required": [spec.key],
        "additionalProperties": False,
        # An empty list (`events:` alone) is null in YAML; the build accepts it.
        "properties": {spec.key: {"description": spec.help, "type": ["array", "null"], "items": entry}},
    }


def field_schema(field: FieldSpec, locales: tuple[str, ...]) -> dict:
    """The schema of one field, with its help text in English and Finnish."""
    # The title heads the editor's hover text; without one it would show the file's title.
    schema = {"title": field.name, "description": _help(field), **_KINDS[field.kind](field, locales)}
    if field.examples:
        schema["examples"] = list(field.examples)
    return schema


def schema_text(schema: dict) -> str:
    """The file's content: stable order, readable Finnish, a final line break."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _entry_rules(spec: FileSpec) -> list[dict]:
    """Rules between fields: a field that needs another; a time that needs the time zone."""
    rules = [{"if": {"required": [field.name]}, "then": {"required": list(field.needs)}}
             for field in spec.fields if field.needs]
    zones = [field.name for field in spec.fields if field.kind == "timezone"]
    for field in spec.fields:
        if field.kind == "moment" and zones:
            timed = {"required": [field.name], "properties": {field.name: {"type": "string", "pattern": MOMENT_WITH_TIME}}}
            rules.append({"if": timed, "then": {"required": zones}})
    return rules


def _help(field: FieldSpec) -> str:
    return f"{field.help_en} / {field.help_fi}"


def _string(pattern: str, message: str, max_length: int | None = None) -> dict:
    """A text matching `pattern`; `message` tells the editor what was expected."""
    schema = {"type": "string", "pattern": pattern, "patternErrorMessage": message}
    return {**schema, "maxLength": max_length} if max_length else schema


def _text(field: FieldSpec) -> dict:
    if field.multiline:
        return _string(MULTILINE_TEXT, MULTILINE_MESSAGE, field.max_length)
    return _string(ONE_LINE_TEXT, ONE_LINE_MESSAGE, field.max_length)


def _localized(field: FieldSpec, locales: tuple[str, ...]) -> dict:
    return {
        "type": "object",
        "required": list(locales),
        "additionalProperties": False,
        "properties": {locale: {"description": f"The text in '{locale}'. / Teksti kielellä '{locale}'.", **_text(field)}
                       for locale in locales},
    }


def _slug(field: FieldSpec, locales: tuple[str, ...] = (), message: str | None = None) -> dict:
    return _string(f"^{ID_PATTERN.pattern}$", message or _help(field), field.max_length)


def _logo_path(field: FieldSpec, locales: tuple[str, ...]) -> dict:
    # images/p.fi.svg would be read as the Finnish version of images/p.svg (the language suffix rule).
    suffixes = "|".join(locales)
    return _string(f"^(?!.*\\.(?:{suffixes})\\.[^./]+$){LOGO_PATH[1:]}", _help(field), field.max_length)


_KINDS = {
    "localized": _localized,
    "https_url": lambda field, locales: _string(HTTPS_URL, _help(field), field.max_length),
    "slug": _slug,
    "moment": lambda field, locales: _string(MOMENT, _help(field)),
    "timezone": lambda field, locales: _string(f"^(?:UTC|{AREA_ZONE.pattern})$", _help(field)),
    "city": lambda field, locales: {"type": "string", "enum": list(CITIES)},
    "event_status": lambda field, locales: {"type": "string", "enum": list(EVENT_STATUSES)},
    "logo_path": _logo_path,
    "source_ids": lambda field, locales: {"type": "array", "uniqueItems": True,
                                          "items": _slug(field, message=SOURCE_ID_MESSAGE)},
}
