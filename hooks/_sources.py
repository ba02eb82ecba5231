"""The sources of the site's facts: `data/sources.yml`, and the citations that point at them.

No MkDocs import and no HTML. `load_sources` reads and validates the file into frozen
`Source` dataclasses, or raises `DataError` with every problem, one line each, e.g.
    data/sources.yml:12: sources[id=kuntalehti-2019-02].date: expected a year like 2019, ...
Pages cite with `[[cite:ID]]` (`citations` finds them with their lines); events and
partners cite with `sources: [ID]` (`data_citation_problems` checks those ids).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton

from _data import (
    FIRST_YEAR, ID_LENGTH, LAST_YEAR, MAX_FILE_BYTES, DataError, Problem, SiteData, _Checker, _describe, _items, _unique_ids,
    field_at_line, read_data_file,
)
from _yaml import LineMap, YamlProblems, YamlSyntaxError, load_yaml

SOURCE_FIELDS = ("id", "title", "title_is_description", "publisher", "date", "language", "url", "accessed")
SOURCE_REQUIRED = ("id", "title", "publisher", "language")  # and date, unless the source gives accessed
SOURCE_LANGUAGES = ("fi", "en", "sv")  # Helsinki is bilingual: its own sources may be in Swedish

# `[[cite:kuntalehti-2019-02]]`: plain text to Markdown (no link, no HTML, no Jinja), so it
# passes through untouched and is replaced in the rendered page. The id part is matched
# loosely so that a malformed id is reported rather than left on the page.
CITATION = re.compile(r"\[\[cite:([^\]\s]*)\]\]")

# ASCII digits only: \d took "２０１９", in full-width digits, for 2019 (hunt 17b).
_DATE_FORMS = {
    "year": re.compile(r"^([0-9]{4})$"),
    "month": re.compile(r"^([0-9]{4})-([0-9]{2})$"),
    "day": re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$"),
}


@dataclass(frozen=True)
class SourceDate:
    """A publication date as exact as it is known: a year, a month or a day."""

    precision: str  # "year" | "month" | "day"
    value: date  # the first day of the year or month for the coarser precisions

    @property
    def iso(self) -> str:
        """For <time datetime>: "2019", "2019-02" or "2019-02-13"."""
        return self.value.isoformat()[: {"year": 4, "month": 7, "day": 10}[self.precision]]


@dataclass(frozen=True)
class Source:
    id: str
    title: dict[str, str]
    title_is_description: bool
    publisher: dict[str, str]
    date: SourceDate | None  # None only for a web page without a date of its own, read on `accessed`
    language: str
    url: str | None
    line: int
    accessed: SourceDate | None = None  # the day its web page was read, for a page that gives no date of its own


@dataclass(frozen=True)
class Citation:
    """One `[[cite:ID]]` in a page's Markdown source."""

    id: str
    line: int  # 1-based, in the file as the editor sees it (front matter included)


# ---------------------------------------------------------------- data/sources.yml


def parse_sources(text: str, file: str, locales: tuple[str, ...]) -> tuple[list[Source], list[Problem]]:
    """Every valid source of the file, and every problem found; a source with a problem is left out."""
    checker = _Checker(file, locales)
    try:
        document = load_yaml(text)
    except YamlSyntaxError as error:
        return [], [Problem(file, error.line, field_at_line(text, error.line), error.message)]
    except YamlProblems as error:
        return [], [Problem(file, line, field_at_line(text, line), message) for line, message in error.problems]
    entries = _items(checker, document, "sources", "'- id: kuntalehti-2019-02'")
    lines = text.split("\n")
    _unique_ids(checker, entries)
    sources = []
    for entry, path, line in entries:
        before = len(checker.problems)
        checker.duplicates(entry, path)
        checker.unknown_keys(entry, SOURCE_FIELDS, path)
        checker.required(entry, SOURCE_REQUIRED, path)
        if entry.get("date") is None and entry.get("accessed") is None:
            checker.problem(entry.line, f"{path}.date", "this field is required: when the source was published, or, "
                                                        "for a web page without a date of its own, accessed: the day "
                                                        "you read it")
        source = _read_source(checker, entry, path, line, lines)
        if len(checker.problems) == before:
            sources.append(source)
    return sources, checker.problems


def _read_source(checker: _Checker, entry: LineMap, path: str, line: int, lines: list[str]) -> Source:
    return Source(
        id=checker.optional(entry, "id", path, checker.slug),
        title=checker.optional(entry, "title", path, checker.localized),
        title_is_description=checker.optional(entry, "title_is_description", path, lambda v, at, p: _flag(checker, v, at, p)) or False,
        publisher=checker.optional(entry, "publisher", path, checker.localized),
        date=checker.optional(entry, "date", path, lambda v, at, p: _source_date(checker, v, at, p, lines)),
        language=checker.optional(entry, "language", path, lambda v, at, p: _language(checker, v, at, p)),
        url=checker.optional(entry, "url", path, checker.https_url),
        line=line,
        accessed=checker.optional(entry, "accessed", path, lambda v, at, p: _accessed(checker, entry, v, at, p)),
    )


def _accessed(checker: _Checker, entry: LineMap, value, line: int, path: str) -> SourceDate | None:
    """The day a source's web page was read (session 33b: a web page without a date of its own
    had only `date`, which says when the source was published): a day, with a `url`, and not
    one still to come by the clock."""
    parsed = parse_source_date(value)
    if isinstance(parsed, str) or parsed.precision != "day":
        checker.problem(line, path, f"expected the day the page was read, like 2026-11-28, got {_describe(value)}")
        return None
    if "url" not in entry:
        checker.problem(line, path, "only a source with a url has a day it was read: add the url, or remove accessed")
        return None
    if parsed.value > datetime.now(timezone.utc).date() + timedelta(days=1):
        checker.problem(line, path, f"{parsed.iso} is still to come: write the day the page was read")
        return None
    published = parse_source_date(entry["date"]) if entry.get("date") is not None else None
    if isinstance(published, SourceDate) and published.value > parsed.value:
        checker.problem(line, path, f"the page was read on {parsed.iso}, before it was published ({published.iso}): "
                                    "check both days")
        return None
    return parsed


def _flag(checker: _Checker, value, line: int, path: str) -> bool | None:
    if isinstance(value, bool):
        return value
    checker.problem(line, path, f"expected true or false, got {_describe(value)}")
    return None


def _language(checker: _Checker, value, line: int, path: str) -> str | None:
    if value in SOURCE_LANGUAGES:
        return value
    # Session 34b: "English" was told the list of codes only.
    named = next((code for code in SOURCE_LANGUAGES if isinstance(value, str)
                  and value.strip().lower() in _language_names(code)), None)
    hint = f" (for {value.strip()}, write {named})" if named else ""
    checker.problem(line, path, f"expected one of {', '.join(SOURCE_LANGUAGES)}, got {_describe(value)}{hint}")
    return None


@lru_cache(maxsize=16)
def _language_names(code: str) -> frozenset[str]:
    """A language's names in English, in Finnish and in itself, lower case (Babel's CLDR data)."""
    language = Locale.parse(code)
    return frozenset(language.get_display_name(other).lower() for other in ("en", "fi", code))


def _source_date(checker: _Checker, value, line: int, path: str, lines: list[str]) -> SourceDate | None:
    # The value as its line writes it ("date: 33:39"), for a value YAML has read as a number.
    written = re.search(r"(?<![\w-])date\s*:\s*([^\s,}#]+)", lines[line - 1]) if 0 < line <= len(lines) else None
    parsed = parse_source_date(value, written.group(1) if written else None)
    if isinstance(parsed, str):
        checker.problem(line, path, parsed)
        return None
    return parsed


def parse_source_date(value, written: str | None = None) -> SourceDate | str:
    """A SourceDate, or the reason the value is not one; `written` is the value as the file
    writes it, when YAML has read it as a number."""
    number = isinstance(value, int) and not isinstance(value, bool)
    # YAML 1.1 reads 33:39 (base 60), 0x7e3, +2019 and 2_019 as the number 2019 too: only
    # four digits are the year the editor wrote (hunt 17b).
    if number and written is not None and not re.fullmatch(r"[0-9]{4}", written):
        return f"YAML reads {written!r} as the number {value}: write the year as four digits, such as 2019"
    # YAML reads an unquoted year such as 2019 as a number; a year is what the editor meant.
    text = str(value) if number else value
    forms = "a year like 2019, a month like 2019-02 or a day like 2019-02-13"
    if not isinstance(text, str):
        return f"expected {forms}, got {_describe(value)}"
    for precision, pattern in _DATE_FORMS.items():
        match = pattern.match(text.strip())
        if match:
            numbers = [int(n) for n in match.groups()] + [1] * (3 - len(match.groups()))
            if not FIRST_YEAR <= numbers[0] <= LAST_YEAR:
                return f"expected a year from {FIRST_YEAR} to {LAST_YEAR}, got {text.strip()!r}"
            try:
                return SourceDate(precision, date(*numbers))
            except ValueError as error:
                return f"{text.strip()!r} is not a real date ({error})"
    return f"expected {forms}, got {_describe(value)}"


def load_sources(path: Path, shown: str, locales: tuple[str, ...],
                 max_file_bytes: int = MAX_FILE_BYTES) -> dict[str, Source]:
    """The sources by id; raises DataError with every problem of the file."""
    if not path.is_file():
        raise DataError([Problem(shown, 1, "(file)", f"the sources file is missing; create {shown}")])
    text, problems = read_data_file(path, shown, max_file_bytes)
    if text is None:
        raise DataError(problems)
    sources, problems = parse_sources(text, shown, locales)
    if problems:
        raise DataError(problems)
    return {source.id: source for source in sources}


# ---------------------------------------------------------------- citations


def citations(markdown_source: str) -> list[Citation]:
    """Every `[[cite:ID]]` in a page's source, in order, with its line."""
    return [
        Citation(match.group(1), markdown_source.count("\n", 0, match.start()) + 1)
        for match in CITATION.finditer(markdown_source)
    ]


# What an editor may have meant as a citation: "[[" then "cite" in any case, spaces allowed,
# and either bracket escaped: Markdown turns "\[\[cite:x]]" into a citation in the page that
# the page's source does not hold (hunt 14: it ended the build in a traceback).
CITATION_ATTEMPT = re.compile(r"\\?\[\\?\[\s*cite\b", re.IGNORECASE)


def miswritten_citation_messages(file: str, markdown_source: str) -> list[str]:
    """One line per citation that is not written exactly [[cite:ID]]: the build would show it
    to readers as it stands."""
    written = {match.start() for match in CITATION.finditer(markdown_source)}
    return [
        f"{file}:{markdown_source.count(chr(10), 0, attempt.start()) + 1}: "
        f"'{_attempt_text(markdown_source, attempt.start())}' is not a citation that the site can read: "
        "write it as [[cite:ID]] with no spaces or backslashes, such as [[cite:kuntalehti-2019-02]]"
        for attempt in CITATION_ATTEMPT.finditer(markdown_source)
        if attempt.start() not in written
    ]


def _attempt_text(markdown_source: str, start: int) -> str:
    """The miswritten citation as the editor wrote it: up to its ]] on the same line, or its first word."""
    rest = markdown_source[start:].split("\n", 1)[0]
    end = rest.find("]]")
    return rest[:end + 2] if 0 <= end < 60 else re.match(r"\\?\[\\?\[\s*\S*", rest).group(0)[:60]


def unknown_citation_messages(file: str, found: list[Citation], known: dict[str, Source]) -> list[str]:
    """One line per citation of an id that data/sources.yml does not hold."""
    return [
        f"{file}:{citation.line}: unknown source {citation.id!r} ({_known(known, citation.id)})"
        for citation in found
        if citation.id not in known
    ]


def data_citation_problems(data: SiteData, known: dict[str, Source], files: dict[str, str]) -> list[Problem]:
    """Problems for events and partners that cite no source, or an id data/sources.yml does
    not hold: every fact on the site has a source.

    `files` names the data file of each kind, e.g. {"events": "data/events.yml"}.
    """
    problems = []
    for kind, entries in (("events", data.events), ("partners", data.partners)):
        for entry in entries:
            line = entry.sources_line or entry.line  # the line of `sources:`, or the entry's without it
            if not entry.sources:
                problems.append(Problem(files[kind], line, f"{kind}[id={entry.id}].sources", (
                    "cites no source: every fact on the site has one; add sources: [ID] with the id of its source in "
                    f"data/sources.yml (add the source there first), such as sources: [{next(iter(known), 'ID')}]")))
            for source_id in entry.sources:
                if source_id not in known:
                    problems.append(Problem(files[kind], line, f"{kind}[id={entry.id}].sources",
                                            f"unknown source {source_id!r} ({_known(known, source_id)})"))
    return problems


def cited_in_order(ids) -> list[str]:
    """Each cited id once, in the order of its first citation: the numbering of the list."""
    return list(dict.fromkeys(ids))


# The known ids a message lists: all of them up to this many, else the nearest to the one
# written (every message of 300 unknown ids listed 5,000 known ones: 1.7 GB; hunt 18b).
_KNOWN_SHOWN = 10


def _known(known: dict[str, Source], written: str) -> str:
    if not known:
        return "known: none: data/sources.yml is empty"
    if len(known) <= _KNOWN_SHOWN:
        return f"known: {', '.join(sorted(known))}"
    nearest = difflib.get_close_matches(written[:ID_LENGTH], known, n=3, cutoff=0.6)
    return (f"did you mean {', '.join(nearest)}? " if nearest else "") + f"data/sources.yml holds {len(known):,} ids"


# ---------------------------------------------------------------- dates for readers


@lru_cache(maxsize=None)  # a page cites a handful of sources; Babel looks up the locale and skeleton per call
def format_source_date(value: SourceDate, babel_locale: str) -> str:
    """"helmikuu 2019" / "February 2019", "2019", "13. helmikuuta 2019" / "13 February 2019"."""
    if value.precision == "year":
        return format_skeleton("y", value.value, locale=babel_locale)
    if value.precision == "month":
        return format_skeleton("yMMMM", value.value, locale=babel_locale)
    return format_date(value.value, "long", locale=babel_locale)
