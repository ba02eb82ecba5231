"""The date each page last changed, and a notice when its translation lags behind.

Owns the template variables rendered by `overrides/partials/page-history.html`:
- `page_last_updated`: when the page's own source file last changed in git (an aware
  datetime), or None when git cannot tell;
- `page_last_updated_text`: that date in the page's language, formatted by Babel with the
  locale from `extra.babel_locales` in mkdocs.yml (the site locale itself by default);
- `page_translation_stale`: True when another language's file of this page changed later;
- `page_translation_newer`: the locales whose file changed later, for the notice's links.

Git is read once per process run and HEAD (`hooks/_history.py`), not once per language.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from _history import PageStatus, relative_path, translation_status
from _site import babel_locale, current_locale, site_languages


@dataclass(frozen=True)
class PageHistory:
    last_updated: datetime | None
    newer: tuple[str, ...]  # locales whose version of the page changed after this one

    @property
    def stale(self) -> bool:
        return bool(self.newer)


def page_history(statuses: list[PageStatus], source: str, locale: str) -> PageHistory:
    """The history of the page whose source file is `source` (relative to the repository)."""
    for status in statuses:
        if status.files.get(locale) == source:
            return PageHistory(status.changed.get(locale), status.newer_than(locale))
    return PageHistory(None, ())


def _check_babel_locales(config: MkDocsConfig, locales: tuple[str, ...]) -> None:
    for locale in locales:
        name = babel_locale(config, locale)
        try:
            Locale.parse(name)
        except (ValueError, TypeError, UnknownLocaleError):
            raise PluginError(
                f"extra.babel_locales.{locale}: {name!r} is not a locale Babel knows; use a name like en_GB or fi"
            ) from None


# The pages' statuses for the build in progress; refreshed by each language's pass, which
# costs one `git rev-parse` after the first: the log itself is cached per HEAD.
_statuses: list[PageStatus] = []


def on_pre_build(config: MkDocsConfig) -> None:
    locales = tuple(lang.locale for lang in site_languages(config))
    _check_babel_locales(config, locales)
    _statuses[:] = translation_status(_root(config), Path(config.docs_dir), locales)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    locale = current_locale(config)
    history = page_history(_statuses, relative_path(page.file.abs_src_path or "", _root(config)), locale)
    context["page_last_updated"] = history.last_updated
    context["page_last_updated_text"] = (
        format_date(history.last_updated.date(), format="long", locale=babel_locale(config, locale))
        if history.last_updated else None
    )
    context["page_translation_stale"] = history.stale
    context["page_translation_newer"] = list(history.newer)
    return context


def _root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: file paths in git's answers are relative to it."""
    return Path(config.config_file_path).resolve().parent
