"""Every page in every language, and each page's links to its translations.

Owns: the check that each `name.<lang>.md` has all its siblings (a missing translation stops
the build with the names of the missing files), that each page is in the menu (`nav:`) and
each menu label has its translation (`nav_translations`), with what to add where, and the
`page_alternates` template variable
(the page in each language: an absolute `url` for `<link rel="alternate" hreflang>` in
`overrides/main.html`, and an `href` relative to the page for the language switcher, so
that the switcher works under any host: a preview address, a custom domain, a local server).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterator

from babel import Locale
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url
from mkdocs.utils.meta import get_data

import _pending as pending
from _annotations import printable
from _pages import Problem
from _site import absolute_url, current_locale, menus, site_base_path, site_languages


def missing_translations(docs_dir: Path, locales: list[str]) -> list[str]:
    """Paths (relative to docs_dir) of the page files that one language lacks."""
    pages: set[str] = set()
    present: set[str] = set()
    for path in docs_dir.rglob("*.md"):
        if not path.is_file():  # a folder named themes.en.md stood in for the page (hunt 23b)
            continue
        stem, _, locale = path.relative_to(docs_dir).as_posix()[: -len(".md")].rpartition(".")
        if locale in locales:
            pages.add(stem)
            present.add(f"{stem}.{locale}.md")
    return sorted(
        f"{stem}.{locale}.md" for stem in pages for locale in locales if f"{stem}.{locale}.md" not in present
    )


# Advice that `make serve` prints without failing its strict rebuild, which counts the
# warnings of MkDocs' own loggers ("mkdocs.*") only.
serve_advice = logging.getLogger("site.serve")
if not serve_advice.handlers:
    _handler = logging.StreamHandler()
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    serve_advice.addHandler(_handler)
    serve_advice.propagate = False
_serving = {"on": False}


def on_startup(command: str, dirty: bool) -> None:
    _serving["on"] = command == "serve"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _serving["on"]:
        # An editor's new page shows under `make serve` before a maintainer gives it a menu
        # entry (session 34b: no build could show it); on_files tells what to add instead.
        config.validation.nav.omitted_files = logging.INFO
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    languages = site_languages(config)
    if current_locale(config) != languages[0].locale:
        return files  # checked once, in the default language's pass
    missing = missing_translations(Path(config.docs_dir), [lang.locale for lang in languages])
    if missing:
        # ukk.fi.md beside faq.en.md, a name translated, left each without its pair (hunt 18c).
        translated = " Both languages' files of a page have the same name, not translated (such as " \
            f"{missing[0].rsplit('.', 2)[0]}.{languages[0].locale}.md and " \
            f"{missing[0].rsplit('.', 2)[0]}.{languages[-1].locale}.md)." if len(missing) > 1 else ""
        raise PluginError(
            "Every page needs a file in each language. Missing: "
            + ", ".join(f"docs/{name}" for name in missing) + "." + translated
        )
    # A preview is built with main's mkdocs.yml, where a new page has no menu entry yet
    # (hooks/preview.py lowers MkDocs' warning for it to a note).
    checks_the_menu = (config.validation.nav.omitted_files > logging.INFO or _serving["on"]) and config.nav is not None
    others = _nav_translations(config)
    problems = (pages_outside_the_menu(files, config.nav, languages[0].locale, list(others)) if checks_the_menu else [])
    if _serving["on"]:
        for problem in problems:
            # printable: a title's control characters would reach the terminal (hunt 34f).
            serve_advice.warning(printable(f"{problem}. `make serve` shows the page meanwhile; a pull request's "
                                           "build stops here"))
        problems = []
    problems += untranslated_menu_labels(config.nav, languages[0].locale, others)
    # Told with the pages' problems (hooks/guards.py): the pages are built all the same, as in a preview.
    pending.add(Problem(problem.split(": ", 1)[0], None, problem.split(": ", 1)[1]) for problem in problems)
    return files


def menu_entries(nav) -> Iterator[tuple[str | None, str | None]]:
    """(label, page) of every entry of mkdocs.yml's nav, sections included (their page: None)."""
    for item in nav or []:
        if isinstance(item, str):
            yield None, item
        elif isinstance(item, dict):
            for label, target in item.items():
                if isinstance(target, list):
                    yield str(label), None
                    yield from menu_entries(target)
                else:
                    yield str(label), str(target)


def pages_outside_the_menu(files: Files, nav, locale: str, other_locales: list[str]) -> list[str]:
    """Each page (its file in the default language) that no menu entry names, and how to add it.
    MkDocs' own warning lists the files and says nothing of what to do."""
    named = {page for _, page in menu_entries(nav) if page}
    problems = []
    for file in files.documentation_pages():
        stem, _, file_locale = file.src_uri[: -len(".md")].rpartition(".")
        if file_locale != locale or f"{stem}.md" in named or file.inclusion.is_not_in_nav():
            continue
        title = _title(file.abs_src_path)
        labels = ", ".join(f"'{title}: {_title(file.abs_src_path.replace(f'.{locale}.md', f'.{other}.md'))}'"
                           for other in other_locales)
        problems.append(f"docs/{file.src_uri}: the page is in no menu: ask a maintainer to add a line such as "
                        f"'- {title}: {stem}.md' under nav: in mkdocs.yml, where it belongs in the menu, and its label "
                        f"in {' and '.join(map(_language_name, other_locales))}, such as {labels}, under "
                        f"nav_translations (plugins: i18n: languages: {', '.join(other_locales)}); a menu label is one "
                        "or two short words, such as 'FAQ', so that the menu fits on one line (a page's title may be "
                        "longer)")
    return problems


def _title(path: str) -> str:
    """A page's title from its front matter, or its file name."""
    try:
        return str(get_data(Path(path).read_text(encoding="utf-8-sig"))[1].get("title") or Path(path).stem)
    except OSError:
        return Path(path).stem


def untranslated_menu_labels(nav, locale: str, translations: dict[str, dict]) -> list[str]:
    """Each menu label that a language's nav_translations leaves out: its menu would show the
    label in the default language."""
    return [
        f"mkdocs.yml: nav: the menu label '{label}' has no label in {_language_name(other)}, and the "
        f"{_language_name(other)} menu would show it in {_language_name(locale)}: add a line such as '{label}: …' "
        f"under nav_translations (plugins: i18n: languages: {other})"
        for other, labels in translations.items()
        for label, _ in menu_entries(nav) if label is not None and label not in labels
    ]


def _nav_translations(config: MkDocsConfig) -> dict[str, dict]:
    """locale -> nav_translations, for each language but the default one."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return {}
    return {lang.locale: lang.nav_translations or {}
            for lang in plugin.config.languages if lang.build and not lang.default}


def _language_name(locale: str) -> str:
    """The language's name in English ("Finnish"), as Babel's CLDR data gives it."""
    return Locale.parse(locale).get_display_name("en").split(" (")[0]


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
        # Its header, tabs and search in each language, each shown by the page's script (audit
        # 35b: a Finnish reader's 404 had an English header and tabs that led to the English site).
        context["site_404_menus"] = [
            {"language": language, "items": [{"title": title, "url": site_base_path(config) + "/" + path}
                                             for title, path in items]}
            for language, items in menus(config)
        ]
        context["page_alternates"] = [
            {"locale": lang.locale, "name": lang.name, "url": absolute_url(config, lang.link), "current": False}
            for lang in site_languages(config)
        ]
    return context
