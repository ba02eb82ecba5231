"""Every page in every language, and each page's links to its translations.

Owns: the check that each `name.<lang>.md` has all its siblings (a missing translation stops
the build with the names of the missing files), and the `page_alternates` template variable
(the page in each language: an absolute `url` for `<link rel="alternate" hreflang>` in
`overrides/main.html`, and an `href` relative to the page for the language switcher, so
that the switcher works under any host: a preview address, a custom domain, a local server).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from _site import absolute_url, current_locale, site_base_path, site_languages


def missing_translations(docs_dir: Path, locales: list[str]) -> list[str]:
    """Paths (relative to docs_dir) of the page files that one language lacks."""
    pages: set[str] = set()
    present: set[str] = set()
    for path in docs_dir.rglob("*.md"):
        stem, _, locale = path.relative_to(docs_dir).as_posix()[: -len(".md")].rpartition(".")
        if locale in locales:
            pages.add(stem)
            present.add(f"{stem}.{locale}.md")
    return sorted(
        f"{stem}.{locale}.md" for stem in pages for locale in locales if f"{stem}.{locale}.md" not in present
    )


def on_files(files: Files, config: MkDocsConfig) -> Files:
    languages = site_languages(config)
    if current_locale(config) != languages[0].locale:
        return files  # checked once, in the default language's pass
    missing = missing_translations(Path(config.docs_dir), [lang.locale for lang in languages])
    if missing:
        raise PluginError(
            "Every page needs a file in each language. Missing: "
            + ", ".join(f"docs/{name}" for name in missing)
        )
    return files


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    alternates = getattr(page.file, "alternates", {}) or {}
    context["page_alternates"] = [
        {
            "locale": lang.locale,
            "name": lang.name,
            "url": absolute_url(config, target),
            "href": get_relative_url(target.lstrip("/") or ".", page.url or "."),
            "current": lang.locale == current_locale(config),
        }
        for lang in site_languages(config)
        for target in [alternates[lang.locale].url if lang.locale in alternates else lang.link]
    ]
    return context


def on_env(env, config: MkDocsConfig, files: Files):
    env.globals["site_languages"] = site_languages(config)
    env.globals["site_base_path"] = site_base_path(config)
    return env


def on_template_context(context: dict, template_name: str, config: MkDocsConfig) -> dict:
    if template_name == "404.html":
        # One 404.html serves every language (GitHub Pages has one per site); the page picks
        # its language from the address in the browser. The switcher starts at each home.
        context["site_404"] = True
        context["page_alternates"] = [
            {"locale": lang.locale, "name": lang.name, "url": absolute_url(config, lang.link), "current": False}
            for lang in site_languages(config)
        ]
    return context
