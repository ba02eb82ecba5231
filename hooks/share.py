"""What a shared link shows: Open Graph and Twitter card data for every page.

Owns the template variable `page_share` rendered by overrides/partials/share-meta.html:
the page's title (the site's name alone on a home page), its locale as Open Graph writes
it (fi_FI, en_GB) with the other languages', and the absolute address of the sharing
image of the page's language (mkdocs.yml `extra.share.image`, made by tools/make_images.py).
"""

from __future__ import annotations

from babel import Locale
from babel.core import get_global
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

from _site import absolute_url, babel_locale, current_locale, site_languages


def og_locale(locale_name: str) -> str:
    """A Babel locale as language_TERRITORY: "fi" -> "fi_FI", "en_GB" stays."""
    locale = Locale.parse(locale_name)
    if not locale.territory:
        likely = get_global("likely_subtags").get(locale.language)
        locale = Locale.parse(likely) if likely else locale
    return f"{locale.language}_{locale.territory}" if locale.territory else locale.language


def share_settings(config: MkDocsConfig) -> dict:
    settings = (config.extra or {}).get("share") or {}
    return {
        "image": settings.get("image", "images/og-{locale}.png"),
        "image_width": settings.get("image_width", 1200),
        "image_height": settings.get("image_height", 630),
        "theme_color": settings.get("theme_color", "#0f2a6b"),
    }


def image_path(config: MkDocsConfig, locale: str) -> str:
    """The sharing image of a language, relative to docs/ ("images/og-fi.png")."""
    return share_settings(config)["image"].format(locale=locale)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    locale = current_locale(config)
    settings = share_settings(config)
    home = page.meta.get("template") == "home.html"
    context["page_share"] = {
        "title": config.site_name if home else (page.meta.get("title") or page.title),
        "type": "website" if home else "article",
        "locale": og_locale(babel_locale(config, locale)),
        "alternate_locales": [
            og_locale(babel_locale(config, lang.locale)) for lang in site_languages(config) if lang.locale != locale
        ],
        "image": absolute_url(config, image_path(config, locale)),
        "image_width": settings["image_width"],
        "image_height": settings["image_height"],
        "theme_color": settings["theme_color"],
    }
    return context
