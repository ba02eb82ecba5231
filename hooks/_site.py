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

    @property
    def prefix(self) -> str:
        """The language's part of the site's addresses and paths: "en/", or "" at the root."""
        return self.link.strip("/") + "/" if self.link.strip("/") else ""


def site_languages(config: MkDocsConfig) -> list[Language]:
    """The languages the site is built in, default first."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        locale = config.theme["language"]
        return [Language(locale, locale, "/", True, config.copyright)]
    languages = [
        Language(lang.locale, lang.name, lang.link, bool(lang.default), lang.copyright or config.copyright)
        for lang in plugin.config.languages
        if lang.build
    ]
    return sorted(languages, key=lambda lang: not lang.default)


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
