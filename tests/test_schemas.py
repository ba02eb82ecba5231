"""The data files' JSON Schemas (data/schemas/): current, true to the real data, and in step
with the build's validator wherever JSON Schema can say what the validator says.

Both come from the field table in hooks/_data.py. Each invalid entry below is refused by the
validator AND by the schema; the entries JSON Schema cannot refuse are listed apart, so the
gap is explicit and a schema that learns to refuse one moves it to the first list.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from jsonschema import Draft7Validator, Draft202012Validator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT))

from _data import _READERS, FILES, KINDS, parse_events, parse_partners  # noqa: E402
from _json_schema import _KINDS  # noqa: E402
from _yaml import load_yaml  # noqa: E402
from tools.schemas import SCHEMA_DIR, schema_files, site_locales  # noqa: E402

from test_data import PARTNER, VALID_EVENT as EVENT  # noqa: E402  the validator tests' own fixtures

LOGO = "    logo: images/logo.svg\n"
LOGO_ALT = "    logo_alt: {fi: Kumppanin logo, en: Partner logo}\n"
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"></svg>'


def schema(key: str) -> dict:
    return json.loads((SCHEMA_DIR / f"{key}.schema.json").read_text("utf-8"))


def plain(text: str):
    """The YAML as the project's loader reads it, as plain dicts and lists (what editors' tools see)."""
    return json.loads(json.dumps(load_yaml(text)))


def schema_errors(text: str, validator=Draft202012Validator) -> list[str]:
    document = plain(text)
    return document_errors("events" if "events" in document else "partners", document, validator)


def document_errors(key: str, document, validator=Draft202012Validator) -> list[str]:
    return sorted(error.message for error in validator(schema(key)).iter_errors(document))


def validator_fields(text: str, docs_dir: Path) -> list[str]:
    if text.startswith("events:"):
        _, problems = parse_events(text, "data/events.yml", LOCALES)
    else:
        _, problems = parse_partners(text, "data/partners.yml", LOCALES, docs_dir)
    return [problem.field for problem in problems]


@pytest.fixture(scope="module")
def docs_dir(tmp_path_factory) -> Path:
    """A docs folder holding images/logo.svg, a valid logo."""
    docs = tmp_path_factory.mktemp("docs")
    (docs / "images").mkdir()
    (docs / "images/logo.svg").write_text(SVG)
    return docs


LOCALES = site_locales()


def test_the_committed_schemas_are_generated_from_the_field_table():
    generated = schema_files(LOCALES)
    committed = {path.name: path.read_text("utf-8") for path in SCHEMA_DIR.glob("*.schema.json")}
    assert committed == generated, "data/schemas/ is out of date: run `make schemas` and commit the files"


def test_every_kind_of_field_has_a_reader_and_a_schema():
    assert set(_READERS) == set(KINDS) == set(_KINDS)
    assert {field.kind for spec in FILES for field in spec.fields} <= set(KINDS)


def test_sources_are_read_into_the_dataclasses(docs_dir):
    events, problems = parse_events(EVENT + "    sources: [hel-press-2019, gla-press-2019]\n", "data/events.yml", LOCALES)
    assert problems == [] and events[0].sources == ("hel-press-2019", "gla-press-2019")
    partners, problems = parse_partners(PARTNER, "data/partners.yml", LOCALES, docs_dir)
    assert problems == [] and partners[0].sources == ()


def test_the_schemas_are_valid_2020_12_schemas_in_the_site_languages():
    assert LOCALES == ("fi", "en")  # read from mkdocs.yml, default language first
    for spec in FILES:
        Draft202012Validator.check_schema(schema(spec.key))
        entry = schema(spec.key)["properties"][spec.key]["items"]
        assert set(entry["properties"]) == set(spec.names) and entry["additionalProperties"] is False
        for name, field in entry["properties"].items():
            assert " / " in field["description"], f"{spec.key}.{name} needs help in English / Finnish"
        for found in patterns(schema(spec.key)):
            assert " / " in found.get("patternErrorMessage", ""), f"{found['pattern']} needs a message for editors"


def patterns(node):
    """Every (sub)schema with a pattern, except the conditions of if/then rules (never shown)."""
    if isinstance(node, dict):
        if "pattern" in node and isinstance(node["pattern"], str):
            yield node
        for key, value in node.items():
            if key != "if":
                yield from patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from patterns(value)


@pytest.mark.parametrize("name", ["events", "partners"])
def test_each_data_file_names_its_schema_on_its_first_line(name):
    first = (ROOT / "data" / f"{name}.yml").read_text("utf-8").splitlines()[0]
    assert first == f"# yaml-language-server: $schema=schemas/{name}.schema.json"
    assert (ROOT / "data/schemas" / f"{name}.schema.json").is_file()


@pytest.mark.parametrize("name", ["events", "partners"])
def test_the_real_data_files_validate(name):
    document = plain((ROOT / "data" / f"{name}.yml").read_text("utf-8"))
    assert document[name], "the real file has entries"
    assert document_errors(name, document) == []


def test_the_valid_fixtures_validate(docs_dir):
    for text in (EVENT, EVENT + "    sources: [hel-press-2019, gla-press-2019]\n", PARTNER, PARTNER + LOGO + LOGO_ALT,
                 EVENT.replace("start: 2019-04-25T09:30\n    end: 2019-04-25T16:00", "start: 2019-04")):
        assert validator_fields(text, docs_dir) == [] and schema_errors(text) == [], text


def replaced(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new)


# (what is wrong, the data, the field the validator names)
REFUSED_BY_BOTH = [
    ("unknown field", EVENT + "    colour: red\n", "events[id=ai-ethics-2019].colour"),
    ("missing en", replaced(EVENT, ", en: AI ethics}", "}"), "events[id=ai-ethics-2019].title.en"),
    ("unknown language", replaced(EVENT, "en: AI ethics}", "en: AI ethics, sv: AI}"), "events[id=ai-ethics-2019].title.sv"),
    ("missing required field", replaced(EVENT, "    location: {fi: Helsinki, en: Helsinki}\n", ""),
     "events[id=ai-ethics-2019].location"),
    ("unquoted 10:30 read as 630", replaced(EVENT, "en: Helsinki}", "en: 10:30}"), "events[id=ai-ethics-2019].location.en"),
    ("no read as false", replaced(EVENT, "en: Helsinki}", "en: no}"), "events[id=ai-ethics-2019].location.en"),
    ("a list for a text", replaced(EVENT, "{fi: Tekoälyn etiikka, en: AI ethics}", "[a, b]"), "events[id=ai-ethics-2019].title"),
    ("title too long", replaced(EVENT, "en: AI ethics}", f"en: {'x' * 201}}}"), "events[id=ai-ethics-2019].title.en"),
    ("line break in a title", replaced(EVENT, "en: AI ethics}", 'en: "AI\\nethics"}'), "events[id=ai-ethics-2019].title.en"),
    ("control character", replaced(EVENT, "en: AI ethics}", 'en: "AI\\x1b"}'), "events[id=ai-ethics-2019].title.en"),
    ("only spaces", replaced(EVENT, "en: AI ethics}", 'en: "   "}'), "events[id=ai-ethics-2019].title.en"),
    ("bad moment: words", replaced(EVENT, "2019-04-25T16:00", "someday"), "events[id=ai-ethics-2019].end"),
    ("bad moment: Finnish date", replaced(EVENT, "2019-04-25T16:00", "25.4.2019"), "events[id=ai-ethics-2019].end"),
    ("bad moment: one-digit month", replaced(EVENT, "2019-04-25T16:00", "2019-4-25"), "events[id=ai-ethics-2019].end"),
    ("bad moment: one-digit hour", replaced(EVENT, "2019-04-25T16:00", "2019-04-25T9:30"), "events[id=ai-ethics-2019].end"),
    ("bad moment: month 13", replaced(EVENT, "2019-04-25T16:00", "2019-13"), "events[id=ai-ethics-2019].end"),
    ("bad moment: hour 24", replaced(EVENT, "2019-04-25T16:00", "2019-04-25T24:00"), "events[id=ai-ethics-2019].end"),
    ("time without time zone", replaced(EVENT, "    timezone: Europe/Helsinki\n", ""), "events[id=ai-ethics-2019].timezone"),
    ("zone not Area/Location", replaced(EVENT, "Europe/Helsinki", "Helsinki"), "events[id=ai-ethics-2019].timezone"),
    ("zone with reversed sign", replaced(EVENT, "Europe/Helsinki", "Etc/GMT+2"), "events[id=ai-ethics-2019].timezone"),
    ("url http", EVENT + "    url: http://example.org/\n", "events[id=ai-ethics-2019].url"),
    ("url javascript", EVENT + "    url: 'javascript:alert(1)'\n", "events[id=ai-ethics-2019].url"),
    ("url without host", EVENT + "    url: 'https://'\n", "events[id=ai-ethics-2019].url"),
    ("url with a space", EVENT + "    url: 'https://www.hel.fi/a b'\n", "events[id=ai-ethics-2019].url"),
    ("source not a slug", EVENT + "    sources: [Press Release]\n", "events[id=ai-ethics-2019].sources[0]"),
    ("source listed twice", EVENT + "    sources: [a, a]\n", "events[id=ai-ethics-2019].sources[1]"),
    ("sources not a list", EVENT + "    sources: a\n", "events[id=ai-ethics-2019].sources"),
    ("id not a slug", replaced(PARTNER, "id: city-of-helsinki", "id: City Of Helsinki"), "partners[0].id"),
    ("id too long", replaced(PARTNER, "id: city-of-helsinki", f"id: {'a' * 101}"), "partners[0].id"),
    ("city tampere", replaced(PARTNER, "city: helsinki", "city: tampere"), "partners[id=city-of-helsinki].city"),
    ("partner without url", replaced(PARTNER, "    url: https://www.hel.fi/\n", ""), "partners[id=city-of-helsinki].url"),
    ("logo without logo_alt", PARTNER + LOGO, "partners[id=city-of-helsinki].logo_alt"),
    ("logo_alt without logo", PARTNER + LOGO_ALT, "partners[id=city-of-helsinki].logo_alt"),
    ("logo outside images", PARTNER + "    logo: ../outside.svg\n" + LOGO_ALT, "partners[id=city-of-helsinki].logo"),
    ("logo absolute", PARTNER + "    logo: /etc/passwd\n" + LOGO_ALT, "partners[id=city-of-helsinki].logo"),
    ("logo hidden", PARTNER + "    logo: images/.logo.svg\n" + LOGO_ALT, "partners[id=city-of-helsinki].logo"),
    ("logo gif", PARTNER + "    logo: images/logo.gif\n" + LOGO_ALT, "partners[id=city-of-helsinki].logo"),
    ("logo named like a translation", PARTNER + "    logo: images/logo.fi.svg\n" + LOGO_ALT,
     "partners[id=city-of-helsinki].logo"),
    ("not a list of entries", "partners: {id: x}\n", "partners"),
    ("another top-level key", PARTNER + "people: []\n", "(top level).people"),
]


@pytest.mark.parametrize("text,field", [case[1:] for case in REFUSED_BY_BOTH], ids=[case[0] for case in REFUSED_BY_BOTH])
def test_refused_by_the_validator_and_by_the_schema(text, field, docs_dir):
    assert field in validator_fields(text, docs_dir)
    assert schema_errors(text), "the schema accepts what the build refuses"


# What only the build can check: JSON Schema sees one value at a time (or compares whole
# values), knows no time zone database and cannot open the logo file. The editor's tool
# accepts these; the build names them.
REFUSED_BY_THE_VALIDATOR_ONLY = [
    ("duplicate ids", EVENT + EVENT.split("\n", 1)[1], "events[id=ai-ethics-2019].id"),
    ("a key given twice (editors' YAML tools flag it themselves)", EVENT + "    timezone: Europe/London\n",
     "events[id=ai-ethics-2019].timezone"),
    ("end before start", replaced(EVENT, "2019-04-25T16:00", "2019-04-25T08:00"), "events[id=ai-ethics-2019].end"),
    ("end in another form than start", replaced(EVENT, "2019-04-25T16:00", "2019-04-26"), "events[id=ai-ethics-2019].end"),
    ("impossible date", replaced(EVENT, "2019-04-25T16:00", "2019-02-30T16:00"), "events[id=ai-ethics-2019].end"),
    ("year outside 1970-2100", replaced(EVENT, "2019-04-25T16:00", "2101-04-25T16:00"), "events[id=ai-ethics-2019].end"),
    ("time zone that does not exist", replaced(EVENT, "Europe/Helsinki", "Europe/Helsingfors"),
     "events[id=ai-ethics-2019].timezone"),
    ("time in the spring-forward gap", replaced(EVENT, "2019-04-25T09:30", "2019-03-31T03:30"),
     "events[id=ai-ethics-2019].start"),
    ("text of invisible characters only", replaced(EVENT, "en: AI ethics}", 'en: "\\u200b"}'),
     "events[id=ai-ethics-2019].title.en"),
    ("logo file missing", PARTNER + "    logo: images/missing.svg\n" + LOGO_ALT, "partners[id=city-of-helsinki].logo"),
]


@pytest.mark.parametrize("text,field", [case[1:] for case in REFUSED_BY_THE_VALIDATOR_ONLY],
                         ids=[case[0] for case in REFUSED_BY_THE_VALIDATOR_ONLY])
def test_refused_by_the_validator_only(text, field, docs_dir):
    assert field in validator_fields(text, docs_dir)
    assert schema_errors(text) == [], "the schema now refuses this too: move it to REFUSED_BY_BOTH"


def test_draft_07_reads_the_schemas_the_same_way():
    """The YAML extension validates with a draft-07 engine: it must see what 2020-12 sees."""
    texts = [case[1] for case in REFUSED_BY_BOTH + REFUSED_BY_THE_VALIDATOR_ONLY] + [EVENT, PARTNER]
    texts += [(ROOT / "data" / f"{spec.key}.yml").read_text("utf-8") for spec in FILES]
    for text in texts:
        assert schema_errors(text, Draft7Validator) == schema_errors(text), text


def test_the_built_site_publishes_the_schemas(site):
    for spec in FILES:
        published = site.dir / "schemas" / f"{spec.key}.schema.json"
        assert published.read_bytes() == (SCHEMA_DIR / f"{spec.key}.schema.json").read_bytes()
    assert not (site.dir / "en" / "schemas").exists()
