"""The site's publisher, from mkdocs.yml `extra.publisher`, for every template.

Owns: the check of that block (all problems in one message, the build stops), and the
template global `site_publisher(locale)`: the short name, the organisations (names in that
language, web address, postal address and its language) and the account-free feedback link, or None.
Used by the header, the footer, the copyright line and the printed page's heading; the
accessibility and privacy pages' templates can read it the same way.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from _publisher import Publisher, read_publisher
from _site import site_languages

_publisher: dict[str, Publisher] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    locales = tuple(lang.locale for lang in site_languages(config))
    publisher, problems = read_publisher((config.extra or {}).get("publisher"), locales)
    if problems:
        raise PluginError("mkdocs.yml: " + "\nmkdocs.yml: ".join(problems))
    _publisher["current"] = publisher
    return config


def publisher_in(locale: str) -> dict:
    """The publisher with every text in one language, for templates."""
    publisher = _publisher["current"]
    return {
        "short_name": publisher.short_name[locale],
        "names": publisher.names(locale),
        "organisations": [
            {
                "name": o.name[locale], "url": o.url, "address": o.address,
                # Marked only where it differs from the page's language (WCAG 3.1.2).
                "address_lang": o.address_language if o.address_language != locale else None,
            }
            for o in publisher.organisations
        ],
        "feedback_url": publisher.feedback_url,
    }


def on_env(env, config: MkDocsConfig, files):
    env.globals["site_publisher"] = publisher_in
    return env
