"""Facts about the site's languages, read from the i18n plugin's configuration.

Shared by the hooks; knows nothing of HTML. Adding a language is configuration only:
everything here iterates over `plugins.i18n.languages`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    locale: str
    name: str
    link: str  # path below the site root, e.g. "/" or "/en/"
    default: bool
    copyright: str | None = None
    site_name: str | None = None  # the site's name in this language

    @property
    def prefix(self) -> str:
        """The language's part of the site's addresses and paths: "en/", or "" at the root."""
        return self.link.strip("/") + "/" if self.link.strip("/") else ""


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The languages the site is built in, default first."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        locale = config.theme["language"]
        return [Language(locale, locale, "/", True, config.copyright, config.site_name)]
    languages = [
        Language(lang.locale, lang.name, lang.link, bool(lang.default), lang.copyright or config.copyright,
                 lang.site_name or config.site_name)
        for lang in plugin.config.languages
        if lang.build
    ]
    return sorted(languages, key=lambda lang: not lang.default)


def menus(config: MkDocsConfig) -> list[tuple[Language, list[tuple[str, str]]]]:
    """Each language's menu as (title, path below the site root) pairs: the top level of
    mkdocs.yml `nav`, its titles as the i18n plugin's nav_translations give them. For the one
    404 page, written once for every language (hooks/translations.py)."""
    plugin = config.plugins.get("i18n")
    translations = {lang.locale: dict(lang.nav_translations or {}) for lang in plugin.config.languages} if plugin else {}
    entries = [next(iter(item.items())) for item in config.nav or [] if isinstance(item, dict) and len(item) == 1]
    pages = [(title, _page_path(file)) for title, file in entries if isinstance(file, str) and file.endswith(".md")]
    return [(language, [(translations.get(language.locale, {}).get(title, title), language.prefix + path)
                        for title, path in pages])
            for language in site_languages(config)]


def _page_path(file: str) -> str:
    """A page's path below its language's root, as use_directory_urls writes it: "declaration/", "" for index.md."""
    stem = file[:-len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[:-len("index")]
    return stem.rstrip("/") + "/" if stem.strip("/") else ""


def current_locale(config: MkDocsConfig) -> str:
    """The language being built now (mkdocs-static-i18n builds one language per pass)."""
    return config.theme["language"]


def babel_locale(config: MkDocsConfig, locale: str) -> str:
    """The Babel locale for a site locale (mkdocs.yml extra.babel_locales): "en" alone
    would format dates the US way, so the site maps it to en_GB."""
    mapping = (config.extra or {}).get("babel_locales") or {}
    return str(mapping.get(locale, locale))


def site_base_path(config: MkDocsConfig) -> str:
    """The path part of site_url without its trailing slash ("" or "/repo-name")."""
    return urlsplit(config.site_url or "/").path.rstrip("/")


def absolute_url(config: MkDocsConfig, path: str) -> str:
    """An absolute URL for a path below the site root ("en/events/" or "")."""
    root = (config.site_url or "/").rstrip("/") + "/"
    path = path.lstrip("/")
    return root + ("" if path in ("", ".", "./") else path)
