"""Who publishes the site, read from mkdocs.yml `extra.publisher`. No MkDocs import, no HTML.

Every problem in the block is collected, then reported together as
`extra.publisher.organisations[1].name.en: expected text, got nothing`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A primary language subtag (BCP 47): what a `lang` attribute needs for an address.
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}")


@dataclass(frozen=True)
class Organisation:
    name: dict[str, str]  # per site locale
    url: str | None
    address: str | None  # a public postal address, shown as given
    address_language: str | None = None  # the language it is written in, marked where it differs


@dataclass(frozen=True)
class Publisher:
    short_name: dict[str, str]
    organisations: tuple[Organisation, ...]
    feedback_url: str | None  # a feedback channel that needs no account; None when not set

    def names(self, locale: str) -> list[str]:
        return [organisation.name[locale] for organisation in self.organisations]


def _text(value, path: str, problems: list[str]) -> str | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        problems.append(f"{path}: expected text, got nothing")
        return None
    if not isinstance(value, str):
        problems.append(f"{path}: expected text, got {value!r} ({type(value).__name__})")
        return None
    return value.strip()


def _localized(value, path: str, locales: tuple[str, ...], problems: list[str]) -> dict[str, str]:
    if not isinstance(value, dict):
        problems.append(f"{path}: expected one text per language ({', '.join(locales)}), got {value!r}")
        return {}
    return {locale: _text(value.get(locale), f"{path}.{locale}", problems) or "" for locale in locales}


def _link(value, path: str, problems: list[str], schemes: tuple[str, ...] = ("https://",)) -> str | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str) or not value.startswith(schemes):
        problems.append(f"{path}: expected a link starting with {' or '.join(schemes)}, got {value!r}")
        return None
    return value


def _address_language(entry: dict, path: str, problems: list[str]) -> str | None:
    language = entry.get("address_language")
    if language in (None, ""):
        return None
    if not isinstance(language, str) or not LANGUAGE_CODE.fullmatch(language):
        problems.append(f"{path}.address_language: expected a language code such as fi or en, got {language!r}")
        return None
    if entry.get("address") in (None, ""):
        problems.append(f"{path}.address_language: expected an address to go with it, got none")
        return None
    return language


def read_publisher(raw, locales: tuple[str, ...]) -> tuple[Publisher | None, list[str]]:
    """The publisher block, or None and the list of problems found in it."""
    problems: list[str] = []
    base = "extra.publisher"
    if not isinstance(raw, dict):
        return None, [f"{base}: expected a block with short_name, organisations and feedback_url, got {raw!r}"]
    short_name = _localized(raw.get("short_name"), f"{base}.short_name", locales, problems)
    entries = raw.get("organisations")
    organisations = []
    if not isinstance(entries, list) or not entries:
        problems.append(f"{base}.organisations: expected a list of the publishing organisations, got {entries!r}")
        entries = []
    for index, entry in enumerate(entries):
        path = f"{base}.organisations[{index}]"
        if not isinstance(entry, dict):
            problems.append(f"{path}: expected name, url and address, got {entry!r}")
            continue
        address = entry.get("address")
        organisations.append(Organisation(
            _localized(entry.get("name"), f"{path}.name", locales, problems),
            _link(entry.get("url"), f"{path}.url", problems),
            _text(address, f"{path}.address", problems) if address not in (None, "") else None,
            _address_language(entry, path, problems),
        ))
    feedback = _link(raw.get("feedback_url"), f"{base}.feedback_url", problems, ("https://", "mailto:"))
    if problems:
        return None, problems
    return Publisher(short_name, tuple(organisations), feedback), []
