"""The site's data: partners and events from `data/*.yml`, validated into frozen dataclasses.

No MkDocs import and no HTML. Each file's fields are declared once, in the tables `EVENTS`
and `PARTNERS` below: the validator here reads them, and hooks/_json_schema.py generates
from them the JSON Schemas that editors' tools use (data/schemas/, `make schemas`).
`load_site_data` reads both files and returns `SiteData`, or
raises `DataError` carrying every problem found, each naming file, line, field and what
was expected, e.g.
    data/events.yml:14: events[id=ai-ethics-2019].timezone: 'Europe/Helsingfors' is not a known time zone
"""

from __future__ import annotations

import difflib
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache, partial
from pathlib import Path
from typing import Callable
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, available_timezones

from babel.dates import get_timezone_location, get_timezone_name

from _annotations import printable
from _bidi import RIGHT_TO_LEFT_CHARACTERS, misdrawn, number_advice, right_to_left_letters
from _html import DEFAULT_IGNORABLE, under_public_suffix, unlike_latin, unlike_latin_message
from _images import IMAGE_KINDS, meaningless_alt
from _logos import logo_path_problem, logo_size
from _yaml import TYPOGRAPHIC_QUOTES, LineList, LineMap, YamlProblems, YamlSyntaxError, decode_utf8, load_yaml, quoted

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CITIES = ("helsinki", "london", "other")  # a party to the declaration for each city, then "other"
LOGO_ALT_EXAMPLES = {"fi": "Helsingin kaupungin logo", "en": "City of Helsinki logo"}
# An event's status, as schema.org's eventStatus names it. "postponed": a new date is not
# known yet; "rescheduled": start (and end) are the new date, previous_start the old one.
EVENT_STATUSES = ("scheduled", "cancelled", "postponed", "rescheduled")
# The words the site shows before the title of an event not held as planned (the labels
# site.events.status.* of overrides/partials/languages/), and the like: a title may not hold
# one, which would read as a status the event does not have (hunt 33c: a scheduled "Peruttu:
# …" was the home page's next event; session 33d: "… (PERUTTU)"), or say what `status` says
# (session 33b: "[Peruttu] …").
# Such a word stands apart: at the title's start or end, in brackets, or after a dash or a
# colon ("Cancelled flights open data hackathon" is a title; hunt 33e).
STATUS_WORDS = re.compile(r"(?:^|[\[(\-–—:,/|])\s*(peruttu|peruutettu|lykätty|siirretty|uusi ajankohta|cancell?ed|"
                          r"postponed|rescheduled|new date|called off)\s*(?=$|[\])\-–—:,!.|])", re.IGNORECASE)
# Letters of other scripts that look like Latin ones, and characters that show nothing, which
# spelt a status's word past the check (hunt 33e: "РЕRUTTU" in Cyrillic, "PERU\u00adTTU").
_LOOK_ALIKES = str.maketrans("АВЕКМНОРСТХаеорсухіјѕΑΒΕΗΙΚΜΝΟΡΤΥΧΖοντ", "ABEKMHOPCTXaeopcyxijsABEHIKMNOPTYXZovt")
# What an editor may write for a status instead, and what to write (a message's hint).
STATUS_HINTS = {"canceled": "cancelled", "peruttu": "cancelled", "peruutettu": "cancelled", "lykätty": "postponed",
                "siirretty": "postponed (no new date yet) or rescheduled (with the new date)",
                "moved": "rescheduled", "delayed": "postponed", "confirmed": "scheduled"}

# What an editor may write. A data file larger than this is refused unread (mkdocs.yml
# `extra.data_file_max_bytes` can change it; the benchmark's 10,000 events need more).
MAX_FILE_BYTES = 1_000_000
# Longest text per field, in characters: generous for real content, small enough that a
# pasted document or a runaway value stops the build instead of landing on every page.
ID_LENGTH = 100
SHORT_TEXT = 200  # titles, names, locations, alternative texts: one line each
LONG_TEXT = 5000  # descriptions: may hold line breaks
URL_LENGTH = 2000
PATH_LENGTH = 200
# Years an event may fall in: the site is about a cooperation that began in 2019, and the
# calendar file lists each zone's clock changes over the events' years.
FIRST_YEAR, LAST_YEAR = 1970, 2100
MAX_TIMEZONES = 12  # distinct time zones in one events file
MAX_SOURCES = 20  # sources of one event or partner
NEVER = datetime.max.replace(tzinfo=timezone.utc)  # the end of an event that has yet to be given a date


# ---------------------------------------------------------------- the fields of each file

# What a field holds; the validator (`_READERS`) and the JSON Schema generator
# (hooks/_json_schema.py) each have one entry per kind.
KINDS = ("localized", "https_url", "slug", "moment", "timezone", "city", "event_status", "logo_path", "source_ids")


@dataclass(frozen=True)
class FieldSpec:
    """One field of a data file's entries, declared once for the build and for editors' tools."""

    name: str
    kind: str  # one of KINDS
    required: bool
    help_en: str  # what editors see in their editor (the schema's description)
    help_fi: str
    max_length: int | None = None  # characters of the text (of each language for "localized")
    multiline: bool = False  # "localized" only: the text may hold line breaks
    examples: tuple = ()
    needs: tuple[str, ...] = ()  # fields that must be given with this one (_read_partner words the problem)


@dataclass(frozen=True)
class FileSpec:
    """A data file: a top-level key holding a list of entries with these fields."""

    key: str  # "events" or "partners"
    title: str  # in English and Finnish, for editors' tools
    help: str  # what the list is, in English and Finnish
    example: str  # how an entry starts, for the message when the file's shape is wrong
    fields: tuple[FieldSpec, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields)

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(spec.name for spec in self.fields if spec.required)


_ID_HELP = ("Unique id: lowercase letters, digits and hyphens.", "Yksilöivä tunnus: pieniä kirjaimia, numeroita ja yhdysmerkkejä.")
_DESCRIPTION_HELP = ("Optional description in each language; may have several lines.",
                     "Valinnainen kuvaus kullakin kielellä; voi olla usean rivin mittainen.")
SOURCE_ID_EXAMPLE = "kuntalehti-2019-02"  # a source of data/sources.yml, for messages (session 32b: the example was none)
# Every fact on the site has a source: the build asks each entry for one (hooks/_sources.py,
# data_citation_problems); the field is optional here so that the parser reads entries alone.
_SOURCES = FieldSpec("sources", "source_ids", False,
                     "The ids of its sources in data/sources.yml; the build asks for one or more.",
                     "Lähteiden tunnisteet tiedostosta data/sources.yml; sivuston rakentaminen vaatii vähintään yhden.",
                     ID_LENGTH,
                     examples=([SOURCE_ID_EXAMPLE],))

EVENTS = FileSpec(
    "events", "Events / Tapahtumat",
    "The events, in any order; the site sorts them. / Tapahtumat missä tahansa järjestyksessä; sivusto järjestää ne.",
    "'- id: mayors-meet-london-2019'", (
    FieldSpec("id", "slug", True, f"{_ID_HELP[0]} The page anchor is #event- followed by the id.",
              f"{_ID_HELP[1]} Sivun ankkuri on #event- ja tunnus.", ID_LENGTH, examples=("example-workshop-2030",)),
    FieldSpec("title", "localized", True, "Title in each language.", "Otsikko kullakin kielellä.", SHORT_TEXT,
              examples=({"fi": "Esimerkkityöpaja", "en": "Example workshop"},)),
    FieldSpec("start", "moment", True,
              "Start: a date 2030-01-15, a local date-time 2030-01-15T09:30, or a month 2030-01.",
              "Alku: päivä 2030-01-15, paikallinen aika 2030-01-15T09:30 tai kuukausi 2030-01.",
              # Examples of the forms only, in a year no reader takes for a real event's (content review 34c).
              examples=("2030-01-15T09:30", "2030-01-15", "2030-01")),
    FieldSpec("end", "moment", False, "Optional end: the same form as start, not before it.",
              "Valinnainen loppu: samassa muodossa kuin alku, ei ennen sitä.", examples=("2030-01-15T16:00",)),
    FieldSpec("timezone", "timezone", False,
              "Time zone such as Europe/Helsinki or Europe/London; required when start or end has a time.",
              "Aikavyöhyke, esim. Europe/Helsinki tai Europe/London; pakollinen, kun alussa tai lopussa on kellonaika.",
              examples=("Europe/Helsinki", "Europe/London")),
    FieldSpec("location", "localized", True, "Place in each language.", "Paikka kullakin kielellä.", SHORT_TEXT,
              examples=({"fi": "Helsinki", "en": "Helsinki"},)),
    FieldSpec("url", "https_url", False, "Optional web address; https:// only.", "Valinnainen verkko-osoite; vain https://.",
              URL_LENGTH, examples=("https://www.hel.fi/",)),
    FieldSpec("description", "localized", False, *_DESCRIPTION_HELP, LONG_TEXT, multiline=True),
    FieldSpec("status", "event_status", False,
              "Optional: cancelled; postponed (no new date yet); or rescheduled (start is the new date, with "
              "previous_start). Leave it out for an event that takes place as planned.",
              "Valinnainen: cancelled (peruttu); postponed (lykätty, uutta ajankohtaa ei vielä tiedetä); tai "
              "rescheduled (siirretty uuteen ajankohtaan: start on uusi ajankohta, previous_start vanha). Jätä pois, "
              "kun tapahtuma pidetään suunnitellusti.",
              examples=("cancelled", "postponed", "rescheduled")),
    FieldSpec("previous_start", "moment", False,
              "The start a rescheduled event had before, in the same forms as start; only with status: rescheduled.",
              "Siirretyn tapahtuman aiempi alku samassa muodossa kuin start; vain kun status: rescheduled.",
              examples=("2030-01-08", "2030-01-08T09:30")),
    _SOURCES,
))

PARTNERS = FileSpec(
    "partners", "Partners / Kumppanit",
    "The partners, shown by city in the order of this file. / Kumppanit kaupungeittain tämän tiedoston järjestyksessä.",
    "'- id: city-of-helsinki'", (
    FieldSpec("id", "slug", True, f"{_ID_HELP[0]} The page anchor is #partner- followed by the id.",
              f"{_ID_HELP[1]} Sivun ankkuri on #partner- ja tunnus.", ID_LENGTH, examples=("city-of-helsinki",)),
    FieldSpec("name", "localized", True, "Name in each language.", "Nimi kullakin kielellä.", SHORT_TEXT,
              examples=({"fi": "Helsingin kaupunki", "en": "City of Helsinki"},)),
    FieldSpec("city", "city", True, "helsinki or london for the city's own party to the declaration (one for each "
              "city); other for an organisation that works with the cities.",
              "helsinki tai london kaupungin omalle julistuksen osapuolelle (yksi kummallekin kaupungille); other "
              "organisaatiolle, joka tekee yhteistyötä kaupunkien kanssa."),
    FieldSpec("url", "https_url", True, "The partner's web address; https:// only.", "Kumppanin verkko-osoite; vain https://.",
              URL_LENGTH, examples=("https://www.hel.fi/",)),
    FieldSpec("description", "localized", False, *_DESCRIPTION_HELP, LONG_TEXT, multiline=True),
    FieldSpec("logo", "logo_path", False, "Optional logo: an SVG or PNG file under docs/images/; needs logo_alt.",
              "Valinnainen logo: SVG- tai PNG-tiedosto kansiossa docs/images/; vaatii kentän logo_alt.", PATH_LENGTH,
              examples=("images/partners/example-organisation.svg",), needs=("logo_alt",)),
    FieldSpec("logo_alt", "localized", False, "The logo's alternative text in each language; only with a logo.",
              "Logon vaihtoehtoinen teksti kullakin kielellä; vain logon kanssa.", SHORT_TEXT, needs=("logo",)),
    _SOURCES,
))
FILES = (EVENTS, PARTNERS)


# ---------------------------------------------------------------- typed results


@dataclass(frozen=True)
class Problem:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        # One line per problem, whatever the data held; control characters shown as escapes.
        return printable(f"{self.file}:{self.line}: {self.field}: {self.message}")


class DataError(Exception):
    """Raised with every problem of a data run, in file and line order."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.field))
        super().__init__("\n".join(map(str, self.problems)))


@dataclass(frozen=True)
class Moment:
    """A start or end as the editor gave it: a whole day, a local date-time, or a month."""

    precision: str  # "day" | "time" | "month"
    value: datetime  # naive; for "day" and "month" at midnight of the first day

    @property
    def day(self) -> date:
        return self.value.date()


@dataclass(frozen=True)
class Partner:
    id: str
    name: dict[str, str]
    city: str
    url: str
    description: dict[str, str] | None
    logo: str | None
    logo_alt: dict[str, str] | None
    line: int
    logo_width: int | None = None
    logo_height: int | None = None
    sources: tuple[str, ...] = ()  # ids of data/sources.yml
    sources_line: int = field(default=0, compare=False)  # where `sources:` is written, for messages; 0: none


@dataclass(frozen=True)
class Event:
    id: str
    title: dict[str, str]
    start: Moment
    end: Moment | None
    timezone: str | None
    location: dict[str, str]
    url: str | None
    description: dict[str, str] | None
    line: int
    sources: tuple[str, ...] = ()  # ids of data/sources.yml
    sources_line: int = field(default=0, compare=False)  # where `sources:` is written, for messages; 0: none
    status: str = "scheduled"  # one of EVENT_STATUSES
    previous_start: Moment | None = None  # a rescheduled event's start before

    @property
    def precision(self) -> str:
        return self.start.precision

    def start_at(self, default_zone: str) -> datetime:
        """The start as an aware datetime (midnight in the event's zone for days and months)."""
        return self.start.value.replace(tzinfo=ZoneInfo(self.timezone or default_zone))

    def ends_at(self, default_zone: str) -> datetime:
        """The moment the event is over: its end time, or the end of its last day or month.
        Never for a postponed event: it has yet to take place, and is listed as upcoming
        until it is given a new date or cancelled."""
        if self.status == "postponed":
            return NEVER
        last = self.end or self.start
        zone = ZoneInfo(self.timezone or default_zone)
        if last.precision == "time":
            return last.value.replace(tzinfo=zone)
        if last.precision == "month":
            year, month = last.value.year + last.value.month // 12, last.value.month % 12 + 1
            return datetime(year, month, 1, tzinfo=zone)
        return datetime.combine(last.day + timedelta(days=1), time(), tzinfo=zone)


@dataclass(frozen=True)
class SiteData:
    partners: tuple[Partner, ...] = ()
    events: tuple[Event, ...] = ()


# ---------------------------------------------------------------- checking helpers


@dataclass
class _Checker:
    """Collects problems for one file; each check returns the clean value or None."""

    file: str
    locales: tuple[str, ...]
    docs_dir: Path | None = None  # where logos are looked up (partners only)
    city_zones: tuple[str, ...] = ()  # the clocks of the site's cities (events only), for advice
    problems: list[Problem] = field(default_factory=list)
    seen: dict = field(default_factory=dict)  # what the file's entries have used so far, by kind

    def problem(self, line: int, path: str, message: str) -> None:
        self.problems.append(Problem(self.file, line, path, message))

    def text(self, value, line: int, path: str, limit: int = SHORT_TEXT, multiline: bool = False) -> str | None:
        if not isinstance(value, str):
            self.problem(line, path, f"expected text, got {_describe(value)}")
            return None
        reason = text_problem(value, limit, multiline)
        if reason:
            self.problem(line, path, reason)
            return None
        return value.strip()

    def localized(self, value, line: int, path: str, limit: int = SHORT_TEXT, multiline: bool = False) -> dict[str, str] | None:
        if not isinstance(value, LineMap):
            example = ", ".join(f"{locale}: ..." for locale in self.locales)
            self.problem(line, path, f"expected a text in each language like {{{example}}}, got {_describe(value)}")
            return None
        self.duplicates(value, path)
        self.unknown_keys(value, self.locales, path)
        result = {}
        for locale in self.locales:
            if locale not in value:
                self.problem(value.line, f"{path}.{locale}", f"missing translation: the text in '{locale}' is required")
            else:
                result[locale] = self.text(value[locale], value.line_of(locale), f"{path}.{locale}", limit, multiline)
                address = address_in_text(result[locale] or "")
                if address:
                    # Session 34b: "Register at www.eventbrite.co.uk/e/…" reached the card, the calendar
                    # and the open data as text no reader could follow.
                    self.problem(value.line_of(locale), f"{path}.{locale}", (
                        f"'{printable(address[:60])}' is a web address, which the site shows in this text as "
                        "plain text, not as a link: give the page in url: (the card links it), and say here in words "
                        "where to find more"))
                    result[locale] = None
        return result if all(result.get(locale) for locale in self.locales) else None

    def https_url(self, value, line: int, path: str, limit: int = URL_LENGTH) -> str | None:
        text = self.text(value, line, path, limit)
        if text is None:
            return None
        try:
            parts = urlsplit(text)
        except ValueError:  # "https://[::1": the whole file was read as a tag error (hunt 23b)
            parts = urlsplit("")
        if parts.scheme != "https" or not parts.netloc:
            self.problem(line, path, f"expected a web address starting with https://, got {_describe(text)}")
            return None
        # Copied with the address from Teams or a web page, and kept in it: another address,
        # which leads nowhere (session 32b).
        invisible = DEFAULT_IGNORABLE.search(text)
        if invisible:
            char = invisible.group()
            self.problem(line, path, f"the address holds an invisible character, U+{ord(char):04X} "
                                     f"({unicodedata.name(char, 'unassigned')}), which comes with copied text and makes "
                                     f"it another address: type the address again")
            return None
        if _WHITE_SPACE.search(text):
            address = _WHITE_SPACE.split(text, 1)[0]
            self.problem(line, path, f"a web address has no spaces: put the words after it in the description, and keep "
                                     f"the address alone, such as {_shown(address)}; got {_shown(text)}")
            return None
        # A name before "@" or a "\\" makes an address read as another host than it goes to:
        # "https://www.hel.fi@evil.example/" goes to evil.example (hunt 24a).
        # A "%" in the host is decoded by a browser: "h%D0%B5l.fi" goes to hеl.fi (hunt 25a).
        if "@" in parts.netloc or "\\" in text or "%" in parts.netloc:
            self.problem(line, path, f"expected a web address whose host is all that comes after https:// (no '@', "
                                     f"'\\' or '%' before it), got {_shown(text)}")
            return None
        if unlike_latin(parts.hostname or ""):
            self.problem(line, path, f"the host of {_shown(text)} {unlike_latin_message(parts.hostname or '')}")
            return None
        return text

    def slug(self, value, line: int, path: str, limit: int = ID_LENGTH, example: str = "city-of-helsinki") -> str | None:
        text = value if isinstance(value, str) else None
        if text is None or len(text) > limit or not ID_PATTERN.fullmatch(text):
            self.problem(line, path, f"expected an id of lowercase letters, digits and hyphens (like '{example}'), "
                                     f"got {_describe(value)}")
            return None
        return text

    def duplicates(self, mapping: LineMap, path: str) -> None:
        for key, line in mapping.duplicate_keys:
            name = _key_name(key)
            self.problem(line, f"{path}.{name}", f"the key '{name}' is given twice; keep one")

    def unknown_keys(self, mapping: LineMap, known, path: str) -> None:
        before = None
        for key in mapping:
            if key not in known:
                name = _key_name(key)
                close = difflib.get_close_matches(name, known, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (known: {', '.join(known)})"
                # {fi: Työpaja, osa 1, en: …}: the words after a comma are a field without a value,
                # on the line of the text before them (session 32b: "title.osa 1: unknown field").
                if (mapping[key] is None and before is not None and isinstance(mapping[before], str)
                        and mapping.line_of(before) == mapping.line_of(key)):
                    hint = (f": inside {{ }} a comma ends a text, so the words after it were read as a field; put the "
                            f"text in quotes, {{{_key_name(before)}: {quoted(f'{mapping[before]}, {name}')}, …}}, "
                            "or write each language on a line of its own")
                self.problem(mapping.key_line(key), f"{path}.{name}", f"unknown field{hint}")
            before = key

    def optional(self, mapping: LineMap, name: str, path: str, check: Callable):
        """The field checked by `check`, or None when it is absent (required() reports that)."""
        if mapping.get(name) is None:
            return None
        return check(mapping[name], mapping.line_of(name), f"{path}.{name}")

    def required(self, mapping: LineMap, names, path: str) -> None:
        for name in names:
            if name not in mapping or mapping[name] is None:
                self.problem(mapping.line, f"{path}.{name}", "this field is required")


# Any character str.isspace() takes for white space (re's \s is the same set, searched in C).
_WHITE_SPACE = re.compile(r"\s")
# Line breaks and control characters (C0, DEL, C1) and halves of surrogate pairs; a
# description may keep its line breaks (\n: YAML has already turned \r\n into \n).
_FORBIDDEN_IN_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_FORBIDDEN_IN_TEXT = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
# Characters that show nothing: white space, format characters (zero-width space, word joiner,
# byte order mark, direction marks, soft hyphen, tags, the musical and Egyptian format
# controls), combining marks alone (variation selectors among them), and letters drawn blank.
# By category, since Unicode keeps adding them (hunt 18a: U+E0100 and U+1D173 made empty
# entries in the table of contents).
_SHOWS_NOTHING = frozenset({"Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Mn", "Me"})
_BLANK_LETTERS = frozenset("\u2800")  # Braille's blank pattern; the Hangul fillers are default ignorable
_MAY_BE_IGNORABLE = frozenset({"Lo", "Cn"})


def visible(text: str) -> bool:
    """Whether `text` has a character that shows (see _SHOWS_NOTHING), Unicode's default
    ignorable ones aside: U+2065 and U+FFF0-FFF8 are unassigned and drawn as nothing (hunt 24a).
    Those not in _SHOWS_NOTHING are letters (the Hangul fillers) or unassigned, so only such
    characters are looked up; the first one that shows ends the search."""
    return any(not char.isspace() and char not in _BLANK_LETTERS
               and (category := unicodedata.category(char)) not in _SHOWS_NOTHING
               and not (category in _MAY_BE_IGNORABLE and DEFAULT_IGNORABLE.match(char))
               for char in text)


# Embeddings, overrides and isolates change the order in which text is shown ("Trojan Source"):
# "Helsinki" + U+202E + "txt.exe" reads as "Helsinkiexe.txt". Finnish and English never need them.
# The marks too (U+200E, U+200F, U+061C): "call \u200f0000 555 020" showed as "call 020 555 0000".
DIRECTION_CONTROL_CHARACTERS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
DIRECTION_CONTROL = re.compile(f"[{DIRECTION_CONTROL_CHARACTERS}]")
# The same, and the letters and digits that a listing shows in another order (hooks/_bidi.py),
# searched for at once: most texts have none of either.
_DIRECTION_OR_RIGHT_TO_LEFT = re.compile(f"[{DIRECTION_CONTROL_CHARACTERS}{RIGHT_TO_LEFT_CHARACTERS}]")


def direction_control_message(char: str, holder: str = "the text", written: str | None = None) -> str:
    return (f"{holder} holds U+{ord(char):04X}{f', written {written}' if written else ''}, a direction control that "
            "can show the text in another order than it is written; remove it")


# A bullet pasted from a word processor: Word's "•", "▪" and "◦", or the private-use characters
# of its Symbol and Wingdings fonts, and a space or tab; a middle dot or Word's second-level "o"
# only with its tab, since text may start with them. A page's Markdown and a description alike
# show them as text and run the items into one paragraph.
PASTED_BULLET = re.compile("^ {0,3}(?:([\u2022\u2023\u2043\u25aa\u25cf\u25e6\uf0a7\uf0b7\uf076])[ \t]|([\u00b7o])\t)",
                           re.MULTILINE)


def shown_bullet(match: re.Match) -> str:
    """A PASTED_BULLET match's bullet as a message shows it: a font's private-use one by its number."""
    bullet = match.group(1) or match.group(2)
    return f"U+{ord(bullet):04X}" if "\ue000" <= bullet <= "\uf8ff" else f"“{bullet}”"


def text_problem(value: str, limit: int, multiline: bool) -> str | None:
    """Why `value` is not acceptable text for a field, or None."""
    if len(value) > limit:
        return f"the text is {len(value)} characters long; at most {limit} are allowed here"
    bullet = PASTED_BULLET.search(value) if multiline else None
    if bullet:
        return (f"a line starts with {shown_bullet(bullet)}, a bullet pasted from a word processor: the lines run "
                "into one paragraph; write the items as sentences, or leave an empty line between paragraphs")
    bad = (_FORBIDDEN_IN_TEXT if multiline else _FORBIDDEN_IN_LINE).search(value)
    if bad:
        char = bad.group()
        if char in "\n\u2028\u2029" and not multiline:
            return f"the text has a line break (U+{ord(char):04X}); this field is one line"
        if char in "\u2028\u2029":
            return f"the text holds U+{ord(char):04X}, a separator that browsers and feeds read differently; remove it"
        if char == "\t":
            return "the text holds a tab; write a space instead"
        if "\ud800" <= char <= "\udfff":
            return f"the text holds U+{ord(char):04X}, half of a surrogate pair, which is not a character"
        return f"the text holds the control character U+{ord(char):04X}; remove it"
    found = _DIRECTION_OR_RIGHT_TO_LEFT.search(value)
    direction = found and DIRECTION_CONTROL.search(value, found.start())
    if direction:
        return direction_control_message(direction.group())
    # Each paragraph of a description is a paragraph of its own on the page.
    reordered = next(filter(None, map(misdrawn, value.split("\n\n"))), None) if found else None
    if reordered:
        # A listing shows the text left to right, and a data file has no markup to mark it
        # (hunt 28a: "lisätiedot ש 020 555 0000" was published as "0000 555 020").
        if not reordered.number:
            return (f"the text would be shown as '{printable(reordered.drawn)}': Arabic-Indic digits in groups or "
                    "letters written right to left reorder it; write numbers with the digits 0–9, after a Finnish or "
                    "English word")
        return (f"the number '{printable(reordered.number)}' would be shown as '{printable(reordered.shown)}' "
                f"{'beside letters written right to left' if right_to_left_letters(value) else 'in Arabic-Indic digits'}"
                f": {number_advice(reordered.number, markup=False)}")
    markdown = MARKDOWN_IN_TEXT.search(value)
    if markdown:
        return (f"the site shows this text as written, without Markdown: '{printable(markdown.group()[:40])}' would "
                "show its marks; write the words plainly (a web address goes in url:)")
    if not visible(value):
        return f"expected text, got only spaces or invisible characters ({_shown(value)})"
    return None


# A web address in a data file's text, which no listing, calendar or open data file links:
# with a scheme or www., or a host and a path ("eventbrite.co.uk/e/123"; hunt 34d).
ADDRESS_IN_TEXT = re.compile(r"(?<![\w@/.])(?:(?:https?://|www\.)[^\s,;)]+|(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)/[^\s,;)]*)",
                             re.IGNORECASE)


def address_in_text(text: str) -> str | None:
    """The first web address in a text, as written; a host counts with a path and under a
    top-level domain of the Public Suffix List, so "Node.js/Deno" names two programs."""
    for found in ADDRESS_IN_TEXT.finditer(DEFAULT_IGNORABLE.sub("", text)):
        if not found["host"] or under_public_suffix(found["host"]):
            return found.group().rstrip(".!?:")
    return None


# Markdown in a data file's text, which the listings, the calendar and the open data show as
# written (session 33d: "**Korjaus 28.11.2026:**" and a [link](https://…) reached readers so).
# Hunt 33e: also *emphasis*, bold over a line break, a link with a title or spaces, a
# reference link and <https://…>. (Backticks and a name such as __init__ are characters an
# editor may mean as they are.)
MARKDOWN_IN_TEXT = re.compile(r"\*\*[^*]+\*\*|(?<![\w*])\*[^\s*][^*\n]*(?<!\s)\*(?![\w*])|\[[^\[\]\n]+\]\([^()\n]*\)"
                              r"|\[[^\[\]\n]+\]\[[^\[\]\n]*\]|<https?://[^>\s]+>")


def _shown(text: str, limit: int = 60) -> str:
    """A string as quoted in a message, cut short if long."""
    return repr(text) if len(text) <= limit else repr(text[:limit]) + f"... ({len(text)} characters)"


def _key_name(key) -> str:
    name = str(key)
    return name if len(name) <= 60 else name[:60] + "..."


def _describe(value) -> str:
    """How a wrong value reads to an editor, including YAML's surprises."""
    if isinstance(value, bool):
        return f"{str(value).lower()} (yes/no/on/off are read as true/false: put the text in quotes)"
    if isinstance(value, int):
        # 1:59:59:… is a base-60 number to YAML: thousands of digits, more than str() shows.
        digits = value.bit_length() * 3 // 10  # log10(2) is about 0.3
        shown = str(value) if value.bit_length() < 1000 else f"a number of about {digits:,} digits"
        if FIRST_YEAR <= value <= LAST_YEAR:  # session 33f: "start: 2027" was told to be quoted
            return f"{shown} (a year alone: write a month like {value}-05 or a day like {value}-05-12)"
        return f"{shown} (a number; 10:30 unquoted is read as 630: put the text in quotes)"
    if isinstance(value, float):
        return f"{value} (a number: put the text in quotes)"
    if value is None:
        return "nothing"
    if isinstance(value, LineList):
        return "a list"
    if isinstance(value, LineMap):
        return "a mapping"
    if isinstance(value, str) and len(value) > 1 and value[0] in TYPOGRAPHIC_QUOTES and value[-1] in TYPOGRAPHIC_QUOTES:
        # Pasted from a word processor: to YAML they are text, where straight quotes are markup (session 32b).
        return (f"{_shown(value)} (in a word processor's quotation marks {value[0]} {value[-1]}, which are part of the "
                f"value: remove them, or use the straight quotation mark \")")
    return _shown(value) if isinstance(value, str) else type(value).__name__



def _items(checker: _Checker, document, key: str, example: str) -> list[tuple[LineMap, str, int]]:
    """The entries under the file's top-level key, each with its path and line."""
    entries = _entry_list(checker, document, key, example)
    found = (_entry_at(checker, key, index, entry, line) for index, (entry, line) in enumerate(zip(entries, entries.item_lines)))
    return [item for item in found if item is not None]


def _entry_list(checker: _Checker, document, key: str, example: str) -> LineList:
    """The list under the file's top-level key (empty after reporting a file of another shape)."""
    if document is None:
        return LineList()
    if not isinstance(document, LineMap) or key not in document:
        checker.problem(getattr(document, "line", 1) or 1, key, f"expected the file to start with '{key}:' followed by a list of entries like {example}")
        return LineList()
    checker.duplicates(document, "(top level)")
    checker.unknown_keys(document, (key,), "(top level)")
    entries = document[key]
    if entries is None:
        return LineList()
    if not isinstance(entries, LineList):
        checker.problem(document.line_of(key), key, f"expected a list of entries, each starting with '- id:', got {_describe(entries)}")
        return LineList()
    return entries


def _entry_at(checker: _Checker, key: str, index: int, entry, line: int) -> tuple[LineMap, str, int] | None:
    """The entry with its path (by id when it has a valid one) and line, or None after reporting an item that is no entry."""
    path = f"{key}[{index}]"
    if not isinstance(entry, LineMap):
        checker.problem(line, path, f"expected an entry with fields like 'id:', got {_describe(entry)}")
        return None
    entry_id = entry.get("id")
    if isinstance(entry_id, str) and len(entry_id) <= ID_LENGTH and ID_PATTERN.fullmatch(entry_id):
        path = f"{key}[id={entry_id}]"
    return entry, path, line


def _unique_ids(checker: _Checker, entries: list[tuple[LineMap, str, int]]) -> None:
    _report_repeated_ids(checker, ((entry.get("id"), entry.line_of("id"), path) for entry, path, line in entries))


def _report_repeated_ids(checker: _Checker, ids) -> None:
    """A problem for each id given again, from (id, line of the id, path) in file order."""
    first_seen: dict[str, int] = {}
    for entry_id, line, path in ids:
        if isinstance(entry_id, str):
            if entry_id in first_seen:
                checker.problem(line, f"{path}.id", f"the id '{entry_id}' is already used on line {first_seen[entry_id]}; ids must be unique")
            else:
                first_seen[entry_id] = line


@dataclass(frozen=True)
class _ReadItem:
    """An item of a data file's list, read as soon as the YAML loader built it; the item itself is let go."""

    is_entry: bool  # False: the item was no mapping, and `problems` says so
    path: str
    id: object
    id_line: int
    value: object  # what the file's reader made of the entry; used only when there are no problems
    problems: tuple[Problem, ...]


def _read_item(checker: _Checker, spec: FileSpec, read_entry, item, index: int, line: int) -> _ReadItem:
    """One item of the list: its checks and its value, its problems kept apart for `_parse_list` to order."""
    outer, checker.problems = checker.problems, []
    try:
        found = _entry_at(checker, spec.key, index, item, line)
        if found is None:
            return _ReadItem(False, "", None, line, None, tuple(checker.problems))
        entry, path, line = found
        checker.duplicates(entry, path)
        checker.unknown_keys(entry, spec.names, path)
        checker.required(entry, spec.required, path)
        values = {field.name: checker.optional(entry, field.name, path, partial(_READERS[field.kind], checker, field))
                  for field in spec.fields}
        value = read_entry(checker, entry, path, line, values)
        return _ReadItem(True, path, entry.get("id"), entry.line_of("id"), value, tuple(checker.problems))
    finally:
        checker.problems = outer


def _parse_list(text: str, file: str, locales: tuple[str, ...], spec: FileSpec, read_entry,
                docs_dir: Path | None = None, city_zones: tuple[str, ...] = ()) -> tuple[list, list[Problem]]:
    """Entries of one data file, each read by `read_entry`; an entry with any problem is left out.

    Each entry is read while the file is parsed (the loader's `each_entry`), so that the
    parsed entries are let go one by one; the problems come in the order of reading the whole
    file first: the file's shape, items that are no entries, repeated ids, then each entry's.
    """
    checker = _Checker(file, locales, docs_dir, city_zones)
    read = partial(_read_item, checker, spec, read_entry)
    try:
        document = load_yaml(text, each_entry=(spec.key, read))
    except YamlSyntaxError as error:
        return [], [Problem(file, error.line, field_at_line(text, error.line), error.message)]
    except YamlProblems as error:
        return [], [Problem(file, line, field_at_line(text, line), message) for line, message in error.problems]
    items = _entry_list(checker, document, spec.key, spec.example)
    read_items = [item if isinstance(item, _ReadItem) else read(item, index, line)
                  for index, (item, line) in enumerate(zip(items, items.item_lines))]
    del document, items
    checker.problems.extend(problem for item in read_items if not item.is_entry for problem in item.problems)
    entries = [item for item in read_items if item.is_entry]
    _report_repeated_ids(checker, ((item.id, item.id_line, item.path) for item in entries))
    results = []
    for item in entries:
        checker.problems.extend(item.problems)
        if not item.problems:
            results.append(item.value)
    return results, checker.problems


# ---------------------------------------------------------------- one reader per kind of field
# Each returns the clean value, or None after reporting the problem.


def _read_localized(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> dict[str, str] | None:
    return checker.localized(value, line, path, spec.max_length, spec.multiline)


def _read_https_url(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> str | None:
    return checker.https_url(value, line, path, spec.max_length)


def _read_slug(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> str | None:
    return checker.slug(value, line, path, spec.max_length)


def _read_moment(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> Moment | None:
    moment = parse_moment(value)
    if isinstance(moment, str):
        checker.problem(line, path, moment)
        return None
    return moment


def _read_timezone(checker: _Checker, spec: FieldSpec, zone, line: int, path: str) -> str | None:
    if not isinstance(zone, str) or zone not in _known_zones():
        close = difflib.get_close_matches(str(zone)[:60], sorted(_known_zones()), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else " (use an IANA name like Europe/Helsinki)"
        clock_of = _clock_abbreviations(checker.city_zones)
        if isinstance(zone, str) and zone.strip().upper() in clock_of:
            # Session 34b: BST, the London editor's first try, was told to use a zone "like Europe/Helsinki".
            hint = (f": {zone} is the name of a clock, not of a zone: write {clock_of[zone.strip().upper()]}; the site "
                    "keeps summer and winter time itself")
        elif isinstance(zone, str) and zone in _all_zone_names():
            # EET, CET, GB, US/Eastern: in the database, but no place's clock or an old name.
            hint = (" as the site writes zones: it names no place's clock, or is an old name; use a zone named "
                    "Area/City, such as Europe/Helsinki or Europe/London")
        checker.problem(line, path, f"{_describe(zone)} is not a known time zone{hint}")
        return None
    # Each zone's clock changes over the events' years go into both calendar files, searched a
    # day at a time: events in 490 zones took 80 s to build (hunt 18b).
    zones = checker.seen.setdefault("timezones", [])
    if zone not in zones and len(zones) == MAX_TIMEZONES:
        checker.problem(line, path, f"the events already use {MAX_TIMEZONES} time zones, the most a file may use "
                                    f"(each adds its clock changes to the calendar files); use one of them: "
                                    f"{', '.join(sorted(zones))}")
        return None
    if zone not in zones:
        zones.append(zone)
    return zone


def _read_city(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> str | None:
    if value not in CITIES:
        checker.problem(line, path, f"expected one of {', '.join(CITIES)}, got {_describe(value)}")
        return None
    return value


def _read_event_status(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> str | None:
    if value not in EVENT_STATUSES:
        word = value.strip().lower() if isinstance(value, str) else ""
        hint = f" (for {word}, write {STATUS_HINTS[word]})" if word in STATUS_HINTS else ""
        if word in EVENT_STATUSES:
            hint = f" (write it in lowercase: {word})"
        checker.problem(line, path, f"expected one of {', '.join(EVENT_STATUSES)}, got {_describe(value)}{hint}")
        return None
    return value


def _read_logo_path(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> tuple[str, int, int] | None:
    return _logo(checker, value, line, path, checker.docs_dir, spec.max_length)


def _read_source_ids(checker: _Checker, spec: FieldSpec, value, line: int, path: str) -> tuple[str, ...] | None:
    if not isinstance(value, LineList):
        checker.problem(line, path, f"expected a list of source ids like [{SOURCE_ID_EXAMPLE}], got {_describe(value)}")
        return None
    ids = [checker.slug(item, item_line, f"{path}[{index}]", spec.max_length, SOURCE_ID_EXAMPLE)
           for index, (item, item_line) in enumerate(zip(value, value.item_lines))]
    if len(ids) > MAX_SOURCES:
        checker.problem(line, path, f"lists {len(ids):,} sources; at most {MAX_SOURCES}: keep those the entry's "
                                    "facts come from")
        return None
    seen: set[str] = set()  # a list of 110,000 ids, compared with those before each, took 47 s (hunt 18b)
    for index, source_id in enumerate(ids):
        if source_id is not None and source_id in seen:
            checker.problem(value.item_lines[index], f"{path}[{index}]", f"the source '{source_id}' is listed twice; keep one")
        seen.add(source_id)
    return tuple(ids) if all(ids) else None


_READERS: dict[str, Callable] = {
    "localized": _read_localized, "https_url": _read_https_url, "slug": _read_slug, "moment": _read_moment,
    "timezone": _read_timezone, "city": _read_city, "event_status": _read_event_status, "logo_path": _read_logo_path,
    "source_ids": _read_source_ids,
}


# ---------------------------------------------------------------- partners


def parse_partners(text: str, file: str, locales: tuple[str, ...], docs_dir: Path) -> tuple[list[Partner], list[Problem]]:
    return _parse_list(text, file, locales, PARTNERS, _read_partner, docs_dir)


def _read_partner(checker: _Checker, entry: LineMap, path: str, line: int, values: dict) -> Partner:
    """The partner from its fields' values, after the rules between fields: a logo comes with its text."""
    at = entry.line_of
    if entry.get("logo") is not None and entry.get("logo_alt") is None:
        checker.problem(at("logo"), f"{path}.logo_alt", "a logo needs its alternative text in each language (logo_alt)")
    elif entry.get("logo") is None and entry.get("logo_alt") is not None:
        checker.problem(at("logo_alt"), f"{path}.logo_alt", "logo_alt is given but there is no logo")
    logo, width, height = values.pop("logo") or (None, None, None)
    for locale, alt in (values.get("logo_alt") or {}).items():
        why = meaningless_alt(alt, logo or "")
        if why:
            example = LOGO_ALT_EXAMPLES.get(locale, LOGO_ALT_EXAMPLES["en"])  # session 34b: a Finnish one for English
            checker.problem(entry["logo_alt"].line_of(locale), f"{path}.logo_alt.{locale}", (
                f"the logo's alternative text {why}: name whose logo it is, such as '{example}' (WCAG 1.1.1)"))
    city = values.get("city")
    if city in CITIES[:-1]:
        party = checker.seen.setdefault("parties", {}).setdefault(city, values["id"])
        if party != values["id"]:
            # Session 34b: a London company written city: london stood among the declaration's parties.
            checker.problem(at("city"), f"{path}.city", (
                f"{party} is already the party to the declaration for {city}, and the Partners page lists every "
                f"partner of city: {city} among the parties, who were one body for each city: a partner that works "
                "with the cities is city: other"))
    sources = values.pop("sources") or ()
    return Partner(line=line, logo=logo, logo_width=width, logo_height=height, sources=sources,
                   sources_line=entry.key_line("sources") if "sources" in entry else 0, **values)


@lru_cache(maxsize=256)
def _checked_logo(file: Path, shown: str, modified: int, size: int) -> tuple[int, int] | str:
    return logo_size(file, shown)


def _logo_size(file: Path, shown: str) -> tuple[int, int] | str:
    """logo_size, read once for each file as it is: a 499 KB drawing shown by 100 partners was
    checked 100 times, 52 s (hunt 18b)."""
    status = file.stat()
    return _checked_logo(file, shown, status.st_mtime_ns, status.st_size)


def _logo(checker: _Checker, value, line: int, path: str, docs_dir: Path, limit: int) -> tuple[str, int, int] | None:
    """The logo's path under docs/ with its width and height, read from the file's content."""
    text = checker.text(value, line, path, limit)
    if text is None:
        return None
    reason = logo_path_problem(text, checker.locales)
    if reason is None:
        try:
            candidate = (docs_dir / text).resolve()  # a symbolic link must not lead out either
            if (docs_dir / "images").resolve() not in candidate.parents or not candidate.is_file():
                reason = f"expected a file under docs/images/, like images/partners/helsinki.svg; there is no docs/{text}"
            else:
                size = _logo_size(candidate, text)
                if isinstance(size, tuple):
                    return text, *size
                reason = size
        except (OSError, RuntimeError):  # unreadable, or a loop of symbolic links
            reason = f"docs/{text} cannot be read; a logo must be a plain, readable file"
    checker.problem(line, path, reason)
    return None


# ---------------------------------------------------------------- events

_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_TIME = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})[T ]([0-9]{2}):([0-9]{2})")
_MOMENT_FORMS = "a date like 2019-04-25, a local date-time like 2019-04-25T09:30, or a month like 2019-04"


_TIME_ALONE = re.compile(r"[0-9]{2}:[0-9]{2}")


def parse_moment(value) -> Moment | str:
    """A Moment, or the reason the value is not one."""
    if isinstance(value, datetime):
        value = value.strftime("%Y-%m-%dT%H:%M")
    elif isinstance(value, date):
        value = value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        # YAML reads a time alone, 15:30, as minutes (base 60): quoting it, as the general advice
        # said, only led to the next message (hunt 18c).
        clock = f"{value // 60:02d}:{value % 60:02d}"
        return (f"expected {_MOMENT_FORMS}, got the number {value}: YAML reads a time alone, such as {clock}, as a "
                f"number of minutes; write the date and the time, such as 2019-04-25T{clock}")
    if not isinstance(value, str):
        return f"expected {_MOMENT_FORMS}, got {_describe(value)}"
    text = value.strip()
    if _TIME_ALONE.fullmatch(text):
        return f"expected {_MOMENT_FORMS}, got {text!r}, a time without its date: write the date too, such as 2019-04-25T{text}"
    for pattern, precision in ((_DAY, "day"), (_TIME, "time"), (_MONTH, "month")):
        match = pattern.fullmatch(text)
        if match:
            numbers = [int(n) for n in match.groups()]
            if precision == "month":
                numbers.append(1)
            if precision == "time" and numbers[3:] == [24, 0]:
                return (f"{text!r}: the day ends at 24:00, which is written as 00:00 of the next day, such as "
                        f"{(date(*numbers[:3]) + timedelta(days=1)).isoformat() if _real_day(numbers) else 'the next day'}"
                        "T00:00, or as 23:59")
            try:
                moment = Moment(precision, datetime(*numbers))
            except ValueError as error:
                return f"{text!r} is not a real date ({error})"
            if not FIRST_YEAR <= moment.value.year <= LAST_YEAR:
                return f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text!r}"
            return moment
    return f"expected {_MOMENT_FORMS}, got {_describe(text)}{_moment_hint(text)}"


def _real_day(numbers: list[int]) -> bool:
    try:
        date(*numbers[:3])
    except ValueError:
        return False
    return True


# How editors write a date or a time otherwise (session 32b), read to suggest the form meant:
# Finnish 5.12.2019 and 12.5.2027 klo 9.30, a time with a dot or one digit, an offset.
_FINNISH_DAY = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})(?:[ T]+(?:klo[ ]+)?(\d{1,2})[:.](\d{2}))?")
# A clock's abbreviation after the time too: "2027-03-03T18:00 BST" (session 34b).
_LOOSE_TIME = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2})[:.](\d{2})(?::00)?)?(?: ?(Z|[+-]\d{2}:?\d{2}|[A-Z]{3,4}))?")


def _moment_hint(text: str) -> str:
    """" (did you mean …?)" for a date or time written in another usual form, or ""."""
    finnish, loose = _FINNISH_DAY.fullmatch(text), _LOOSE_TIME.fullmatch(text)
    if finnish:
        day, month, year, hour, minute = finnish.groups()
    elif loose:
        year, month, day, hour, minute, offset = loose.groups()
    else:
        return ""
    meant = f"{int(year):04d}-{int(month):02d}-{int(day):02d}" + (f"T{int(hour):02d}:{minute}" if hour else "")
    if meant == text:
        return ""
    offset = loose.group(6) if loose else None
    why = (f" Leave out {offset}: the event's timezone gives the clock." if offset else
           "" if finnish else " Two digits each, and a colon in the time.")
    return f" (did you mean {meant}?{why})"


@lru_cache(maxsize=1)
def _all_zone_names() -> frozenset[str]:
    return frozenset(available_timezones())


def parse_events(text: str, file: str, locales: tuple[str, ...],
                 city_zones: tuple[str, ...] = ()) -> tuple[list[Event], list[Problem]]:
    """The events and their problems; `city_zones` are the clocks of the site's cities
    (mkdocs.yml extra.events: home_timezone, reference_timezones), which an event held in one
    of the cities must use."""
    return _parse_list(text, file, locales, EVENTS, _read_event, city_zones=city_zones)


def _read_event(checker: _Checker, entry: LineMap, path: str, line: int, values: dict) -> Event:
    """The event from its fields' values, after the rules between start, end and time zone."""
    at = entry.line_of
    moments = ("start", "end", "previous_start")
    has_time = any(values[name] is not None and values[name].precision == "time" for name in moments)
    if has_time and entry.get("timezone") is None:
        timed = next(name for name in moments if values[name] is not None and values[name].precision == "time")
        checker.problem(at(timed), f"{path}.timezone", "a start or end with a time needs a timezone, like Europe/Helsinki "
                                                      "or Europe/London")
    for name in moments:
        moment = values[name]
        if values["timezone"] and moment and moment.precision == "time":
            reason = local_time_problem(moment.value, values["timezone"])
            if reason:
                checker.problem(at(name), f"{path}.{name}", reason)
                values[name] = None
    start, end = values["start"], values["end"]
    if start and end:
        if end.precision != start.precision:
            checker.problem(at("end"), f"{path}.end", f"expected the same form as start ({start.precision}), got a {end.precision}")
        elif end.value < start.value:
            checker.problem(at("end"), f"{path}.end", f"the end {entry['end']} is before the start {entry['start']}")
    _whole_days_in_times(checker, entry, path, values)
    _status_rules(checker, entry, path, values)
    _status_in_title(checker, entry, path, values)
    _clock_of_the_place(checker, entry, path, values)
    values["sources"] = values["sources"] or ()
    values["status"] = values["status"] or "scheduled"
    return Event(line=line, sources_line=entry.key_line("sources") if "sources" in entry else 0, **values)


def _whole_days_in_times(checker: _Checker, entry: LineMap, path: str, values: dict) -> None:
    """An event from 00:00 to 23:59 lasts whole days, which dates alone say (session 34b: it was
    shown as "00:00–23:59 (London) · 12 May, 02:00 – 13 May, 01:59 (Helsinki)")."""
    start, end = values["start"], values["end"]
    if (start and end and start.precision == end.precision == "time" and start.value.time() == time(0, 0)
            and end.value.time() in (time(23, 59), time(0, 0)) and end.value > start.value):
        last = end.value.date() - timedelta(days=1 if end.value.time() == time(0, 0) else 0)
        written = f"start: {start.value.date().isoformat()}" + (
            f" and end: {last.isoformat()}" if last != start.value.date() else " and no end")
        checker.problem(entry.line_of("start"), f"{path}.start",
                        f"an event from 00:00 to {end.value:%H:%M} lasts whole days: write the dates alone, {written}, "
                        "which calendars show as all-day events")


def _clock_of_the_place(checker: _Checker, entry: LineMap, path: str, values: dict) -> None:
    """An event with a time, held in one of the site's cities, whose times are in another
    city's clock (session 34b: a London meetup with the guide's Europe/Helsinki was published
    two hours early for Londoners)."""
    zone, start, location = values["timezone"], values["start"], values["location"] or {}
    if not (zone and start and start.precision == "time") or _names_city_of(location, zone):
        return
    for other in checker.city_zones:
        city = _names_city_of(location, other)
        if other != zone and city:
            checker.problem(entry.line_of("timezone"), f"{path}.timezone",
                            f"the location names {city}, but the times are in the clock of {zone}: an event's times "
                            f"are given in the clock of the city where it is held; write timezone: {other}")
            return


def _names_city_of(location: dict[str, str], zone: str) -> str | None:
    """The name of the zone's city (Babel's, in each language: "Lontoo", "London") whose stem,
    its name but the last two letters, begins a word of the location's text in that language:
    Finnish inflects a name's end ("Lontoossa", "Helsingissä"; session 34e: "Helsingin
    keskustakirjasto" named no city, and "Helsingissä ja Lontoossa" only London)."""
    for locale, text in location.items():
        city = _city_name(zone, locale)
        stem = city[:max(4, len(city) - 2)]
        # Without invisible characters: "Lon\u00addon" named London to every reader (hunt 34d).
        if re.search(rf"(?<!\w){re.escape(stem)}", DEFAULT_IGNORABLE.sub("", text), re.IGNORECASE):
            return city
    return None


@lru_cache(maxsize=256)
def _city_name(zone: str, locale: str) -> str:
    return get_timezone_location(zone, locale, return_city=True)


def _status_rules(checker: _Checker, entry: LineMap, path: str, values: dict) -> None:
    """A rescheduled event says when it was to start before; no other event has a previous start."""
    status, previous, start = values["status"], values["previous_start"], values["start"]
    has_previous, has_status = "previous_start" in entry, "status" in entry
    if status == "rescheduled" and not has_previous:
        checker.problem(entry.line_of("status"), f"{path}.previous_start",
                        "a rescheduled event needs previous_start: the start it had before, in the same form as start "
                        "(like 2019-04-11); start is then the new date")
    elif has_previous and not has_status:
        checker.problem(entry.line_of("previous_start"), f"{path}.previous_start",
                        "a previous start needs status: rescheduled, and start is then the new date; "
                        "add the status, or remove previous_start")
    elif has_previous and status not in (None, "rescheduled"):  # None: a status the reader refused, told already
        checker.problem(entry.line_of("previous_start"), f"{path}.previous_start",
                        f"only a rescheduled event has a previous start, and this one is {status}: write "
                        "status: rescheduled, or remove previous_start")
    elif previous is not None and start is not None and previous == start:
        checker.problem(entry.line_of("previous_start"), f"{path}.previous_start",
                        f"the previous start is the same as start ({entry['start']}); give start the new date")


def _status_in_title(checker: _Checker, entry: LineMap, path: str, values: dict) -> None:
    """A title with a status's word: the site writes it before the title itself."""
    for locale, title in (values["title"] or {}).items():
        word = STATUS_WORDS.search(DEFAULT_IGNORABLE.sub("", title).translate(_LOOK_ALIKES))
        if word:
            title_map = entry.get("title")
            line = title_map.line_of(locale) if isinstance(title_map, LineMap) else entry.line_of("title")
            checker.problem(line, f"{path}.title.{locale}",
                            f"the title says '{word.group(1)}', a word the site writes itself before the title "
                            "of an event not held as planned: write status: cancelled, postponed or rescheduled "
                            "(CONTRIBUTING, \"When an event is cancelled or moved\"), and the title without the word")


@lru_cache(maxsize=8)
def _clock_abbreviations(zones: tuple[str, ...]) -> dict[str, str]:
    """The short names of the zones' winter and summer clocks, as British English writes them
    (CLDR's en_GB: GMT and BST for Europe/London, EET and EEST for Europe/Helsinki) -> the zone."""
    names = {}
    for zone in zones:
        for month in (1, 7):
            moment = datetime(2027, month, 15, 12, tzinfo=ZoneInfo(zone))  # a day of winter, then of summer
            name = get_timezone_name(moment, "short", locale="en_GB")
            if name.isalpha():  # not an offset such as +0530, which names no clock
                names.setdefault(name.upper(), zone)
    return names


_ZONES: set[str] = set()
# Real zones are named Area/Location. The database also holds names that are no place's
# clock: Factory, localtime, posixrules, Etc/GMT+2 (whose sign is reversed), and old aliases
# such as US/Eastern or GB; UTC stays allowed.
AREA_ZONE = re.compile(r"(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/[A-Za-z0-9_+\-]+(?:/[A-Za-z0-9_+\-]+)*")


def known_zone(name) -> bool:
    """Whether `name` is a zone the site accepts: a place's zone of the IANA database, or UTC."""
    return isinstance(name, str) and name in _known_zones()


def _known_zones() -> set[str]:
    if not _ZONES:
        _ZONES.update(name for name in _all_zone_names() if AREA_ZONE.fullmatch(name))
        _ZONES.add("UTC")
    return _ZONES


def local_time_problem(local: datetime, zone_name: str) -> str | None:
    """Why a wall-clock time does not name one instant in the zone (a clock change), or None."""
    zone = ZoneInfo(zone_name)
    before, after = (local.replace(tzinfo=zone, fold=fold).utcoffset() for fold in (0, 1))
    if before == after and before.seconds % 60:
        # Local mean time of a zone before it took whole minutes (Africa/Monrovia to 1972):
        # HTML's, JSON-LD's and ISO 8601's offsets have minutes only, and a browser read
        # 1971-06-01T12:00-00:44:30 as no date at all (hunt 18b).
        sign, offset = ("-", -before) if before < timedelta(0) else ("+", before)
        return (f"{zone_name} was {sign}{offset} from UTC at {local:%Y-%m-%d}, an offset with seconds that web "
                "pages' and calendars' date formats cannot write; give the time in a zone of whole minutes, "
                "such as UTC")
    if before == after:
        return None
    shown = local.strftime("%Y-%m-%dT%H:%M")
    if after > before:  # clocks went forward: this wall time was skipped
        change = _clock_change(local - before, local - after, zone, after)
        gap = after - before
        start, end = change + before, change + after
        return (f"{shown} does not exist in {zone_name}: clocks moved forward from {start:%H:%M} to {end:%H:%M} "
                f"that night; use {local + gap:%H:%M} or {local - gap:%H:%M}")
    change = _clock_change(local - after, local - before, zone, after)
    overlap = before - after
    start, end = change + after, change + before
    return (f"{shown} happens twice in {zone_name}: clocks moved back from {end:%H:%M} to {start:%H:%M} that night; "
            f"give the time {_duration(overlap)} earlier or later ({local - overlap:%H:%M} or {local + overlap:%H:%M})")


def _clock_change(late: datetime, early: datetime, zone: ZoneInfo, new_offset: timedelta) -> datetime:
    """The UTC moment (naive) of the change to `new_offset` between `early` and `late` (naive UTC)."""
    while late - early > timedelta(minutes=1):
        middle = early + (late - early) / 2
        if middle.replace(tzinfo=timezone.utc).astimezone(zone).utcoffset() == new_offset:
            late = middle
        else:
            early = middle
    return late.replace(second=0, microsecond=0)


def _duration(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    if minutes == 60:
        return "an hour"
    return f"{minutes // 60} h {minutes % 60} min" if minutes > 60 else f"{minutes} minutes"


# ---------------------------------------------------------------- fields of a file YAML cannot read

# A line of block YAML: its indentation, a list item's dash, and the field it starts, if any.
_BLOCK_LINE = re.compile(r"^( *)(?:(-)(?: +|$))?(?:([A-Za-z_][\w-]*) *:(?: |$))?")


def field_at_line(text: str, line: int) -> str:
    """The field that a line of a data file YAML could not read belongs to, told from the
    indentation of the lines up to it ("events[id=a].title.en"), or "(file)" if none can be.

    A message about the file's syntax then names a field as every other message does; the
    line is what the parser said, so this is only a reading of the text around it."""
    lines = text.split("\n")
    parts: list[str] = []
    # A line above holds the parts found so far only if its field, or its dash, is indented
    # less than these.
    key_limit = dash_limit = math.inf
    for number in range(min(line, len(lines)) - 1, -1, -1):
        match = _BLOCK_LINE.match(lines[number])
        indent, dash, key = len(match.group(1)), match.group(2), match.group(3)
        if lines[number][match.end(1):match.end(1) + 1] in ("", "#") or not (dash or key):
            # Blank, a comment, a tab-indented or otherwise unreadable line: the line itself
            # belongs to what holds its indentation.
            if number == line - 1:
                key_limit = dash_limit = len(lines[number]) - len(lines[number].lstrip(" \t"))
            continue
        if key and match.start(3) < key_limit:
            parts.append(key)
            key_limit = dash_limit = match.start(3)
        if dash and indent < dash_limit:
            parts.append(_item_name(lines, number, indent))
            # The list's own field may stand at the dash's indentation ("events:" over "- id: a").
            key_limit, dash_limit = indent + 1, indent
    if not parts:
        return "(file)"
    parts.reverse()
    return parts[0] + "".join(part if part.startswith("[") else "." + part for part in parts[1:])


def _item_name(lines: list[str], number: int, indent: int) -> str:
    """A list item as a path names it: [id=…] if it has a valid id, else its position [n]."""
    for at, following in enumerate(lines[number:]):
        match = _BLOCK_LINE.match(following)
        if at and following.strip() and len(match.group(1)) <= indent:
            break
        if match.group(3) == "id":
            value = following[match.end():].split(" #")[0].strip().strip("\"'")
            if ID_PATTERN.fullmatch(value) and len(value) <= ID_LENGTH:
                return f"[id={value}]"
            break
    position = 0
    for above in reversed(lines[:number]):
        match = _BLOCK_LINE.match(above)
        if not above.strip() or above.lstrip().startswith("#"):
            continue
        if len(match.group(1)) < indent or (len(match.group(1)) == indent and not match.group(2)):
            break
        position += len(match.group(1)) == indent
    return f"[{position}]"


# ---------------------------------------------------------------- the whole data run


def read_data_file(path: Path, shown: str, max_file_bytes: int = MAX_FILE_BYTES) -> tuple[str | None, list[Problem]]:
    """The text of a data file, or None and why not: larger than the limit, or not UTF-8."""
    with path.open("rb") as file:
        data = file.read(max_file_bytes + 1)  # never more than the limit into memory
    if len(data) > max_file_bytes:
        return None, [Problem(shown, 1, "(file)", f"the file is larger than {max_file_bytes:,} bytes; "
                                                  "split the entries or raise extra.data_file_max_bytes in mkdocs.yml")]
    try:
        return decode_utf8(data), []
    except YamlSyntaxError as error:
        return None, [Problem(shown, error.line, "(file)", error.message)]


# The files the site reads from data/, and its folder of JSON Schemas. Anything else there was
# read by nobody and passed in silence (hunt 27b: new events in data/events-2027.yml published
# nothing, and the check's summary called the data valid).
DATA_FILES = ("events.yml", "partners.yml", "sources.yml")
SCHEMA_FOLDER = "schemas"  # data/schemas/, published as schemas/ (hooks/opendata.py)
SCHEMA_FILES = tuple(f"{spec.key}.schema.json" for spec in FILES)  # as tools/schemas.py writes them
IMAGE_SUFFIXES = tuple(f".{ending}" for ending in IMAGE_KINDS)


def _holds_images(folder: Path) -> bool:
    try:
        return any(child.suffix.lower() in IMAGE_SUFFIXES for child in folder.iterdir())
    except OSError:
        return False


def unexpected_data_entries(data_dir: Path, root: Path) -> list[Problem]:
    """A problem for each file or folder in data/ that the site does not read, and each file
    in data/schemas/ other than the datasets' schemas (which `make schemas` writes). Names that
    begin with a dot are left alone (a Mac's .DS_Store), unless they end as YAML or are git's
    own (.gitattributes, .gitignore, .gitkeep)."""
    found = []
    for folder, expected in ((data_dir, DATA_FILES), (data_dir / SCHEMA_FOLDER, SCHEMA_FILES)):
        try:
            entries = sorted(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name.startswith(".git"):
                # Hunt 34a: data/.gitattributes with `-diff` showed every later change of the
                # data files to review as "Binary files differ".
                found.append(Problem(_shown_path(entry, root), 1, "(file)", GIT_FILE))
                continue
            if entry.name.startswith(".") and not entry.name.endswith((".yml", ".yaml")):
                continue
            is_folder = entry.is_dir() and not entry.is_symlink()
            if folder == data_dir and is_folder and entry.name == SCHEMA_FOLDER:
                continue
            if is_folder or entry.name not in expected:
                found.append(Problem(_shown_path(entry, root), 1, "(file)",
                                     _unexpected_entry_message(entry, is_folder, in_schemas=folder != data_dir)))
    return found


GIT_FILE = ("git reads this file when it checks the site out or shows a change, and it could hide the data's changes "
            "from review or change the files; delete it")


def _unexpected_entry_message(entry: Path, is_folder: bool, in_schemas: bool) -> str:
    """What to do with a file or folder in data/ that the site does not read (hunt 28b: the
    message named no file, and a logo put there needs another place)."""
    files = ", ".join(f"data/{name}" for name in DATA_FILES)
    what = "folder" if is_folder else "file"
    if in_schemas:
        return (f"data/{SCHEMA_FOLDER}/ holds only the schemas that `make schemas` writes "
                f"({', '.join(SCHEMA_FILES)}); remove this {what}")
    if entry.suffix.lower() in IMAGE_SUFFIXES or (is_folder and _holds_images(entry)):
        return ("images go under docs/images/, a partner's logo under docs/images/partners/ (named in its logo: "
                f"field); move {'its images' if is_folder else 'this file'} there")
    target = next((name for name in DATA_FILES if entry.name.lower().lstrip(".").startswith(name.removesuffix(".yml"))),
                  None)
    if target:
        return f"the site reads only {files}: move the entries of this {what} into data/{target}, then remove it"
    return (f"the site reads only {files} and the schemas in data/{SCHEMA_FOLDER}/: remove this {what}, or move its "
            "entries into one of those files")


def load_site_data(data_dir: Path, docs_dir: Path, locales: tuple[str, ...], root: Path,
                   max_file_bytes: int = MAX_FILE_BYTES, city_zones: tuple[str, ...] = ()) -> SiteData:
    """Read, parse and validate data/partners.yml and data/events.yml, after a look for files
    in data/ that the site does not read; raise DataError on any problem."""
    problems: list[Problem] = unexpected_data_entries(data_dir, root)
    partners: list[Partner] = []
    events: list[Event] = []
    for name, parse in (("partners.yml", "partners"), ("events.yml", "events")):
        path = data_dir / name
        shown = _shown_path(path, root)
        if not path.is_file():
            problems.append(Problem(shown, 1, "(file)", f"the data file is missing; create {shown}"))
            continue
        text, file_problems = read_data_file(path, shown, max_file_bytes)
        if text is None:
            problems += file_problems
            continue
        if parse == "partners":
            found, file_problems = parse_partners(text, shown, locales, docs_dir)
            partners = found
        else:
            found, file_problems = parse_events(text, shown, locales, city_zones)
            events = found
        problems.extend(file_problems)
    if problems:
        raise DataError(problems)
    return SiteData(tuple(partners), tuple(events))


def _shown_path(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def split_events(events, now: datetime, default_zone: str) -> tuple[list[Event], list[Event]]:
    """(upcoming soonest first, past latest first) relative to `now` (aware): upcoming until
    the event's end, in the order of (start, id). Postponed events, whose new date is not
    known, come after the upcoming events that have one."""
    utc_now = now.astimezone(timezone.utc)
    upcoming, postponed, past = [], [], []
    for event in events:
        key = start_order(event, default_zone)
        if event.status == "postponed":
            postponed.append((key, event))
            continue
        (upcoming if event.ends_at(default_zone).astimezone(timezone.utc) > utc_now else past).append((key, event))
    upcoming.sort(key=_first)
    postponed.sort(key=_first)
    past.sort(key=_first, reverse=True)
    return [event for _, event in upcoming + postponed], [event for _, event in past]


def start_order(event: Event, default_zone: str) -> tuple[datetime, str]:
    """The sort key of events by start, then id: the start in UTC.

    Each start is turned into UTC once: aware datetimes of different zones compare through
    utcoffset() every time, and sorting 10,000 events makes some 130,000 comparisons. For
    the local times the data admit (none skipped or repeated by a clock change), the order
    is the same (tests/test_listing_speed.py)."""
    return event.start_at(default_zone).astimezone(timezone.utc), event.id


def _first(pair: tuple):
    return pair[0]


def build_time(source_date_epoch: str | None) -> datetime:
    """Now, or SOURCE_DATE_EPOCH when set (reproducible builds and tests)."""
    if source_date_epoch:
        return datetime.fromtimestamp(int(source_date_epoch), tz=timezone.utc)
    return datetime.now(tz=timezone.utc)
