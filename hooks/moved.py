"""Pages that moved: each old address leads to the page's new one.

Owns mkdocs.yml `extra.moved_pages`: old page name: new page name, both as the page's files
are named without their language (`themes: aims` for docs/aims.fi.md and docs/aims.en.md). In
each language the build writes a small page at the old address (overrides/moved.html) that
sends the reader on at once with `<meta http-equiv="refresh">`, which needs no script (a
small one keeps the address's #place, which a refresh drops), links to the new page by its
title, and tells search engines to index the new page instead (canonical, noindex). A
bookmark, a search result or another site's link to the old address keeps working after a
page is renamed (session 33b: /themes/ became a 404).

mkdocs-redirects writes such pages for one language only: it reads its map as file names
and sends `themes.md` to the address of `aims.fi.md`, `aims.fi/`, which does not exist under
mkdocs-static-i18n's suffix structure (mkdocs/mkdocs-redirects#33, open since 2022).
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from _csp import inline_script_hashes, policy_text
from _listing import render_text
from _site import absolute_url, current_locale, site_languages

# A page's name as its files may be named (hooks/_pages.py refuses others): folders and a name
# of a-z, A-Z, digits, "-" and "_".
PAGE_NAME = re.compile(r"[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*")
TEMPLATE = "moved.html"

_titles: dict[tuple[str, str], str] = {}  # (locale, page name) -> the page's title, as built


def moved_pages(config: MkDocsConfig) -> dict[str, str]:
    return dict((config.extra or {}).get("moved_pages") or {})


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    problems = moved_pages_problems(moved_pages(config), Path(config.docs_dir),
                                    tuple(language.locale for language in site_languages(config)))
    if problems:
        raise PluginError("mkdocs.yml: extra.moved_pages has problems:\n" + "\n".join(f"  {p}" for p in problems))
    return config


def moved_pages_problems(moved: dict, docs: Path, locales: tuple[str, ...]) -> list[str]:
    """What is wrong with the map of moved pages: names that are no page names, an old name
    that is still a page, a new name that is not one in every language, a chain of moves."""
    problems = []
    for old, new in moved.items():
        if not (isinstance(old, str) and isinstance(new, str) and PAGE_NAME.fullmatch(old) and PAGE_NAME.fullmatch(new)):
            problems.append(f"{old!r}: {new!r}: expected page names as the files are named without their language, "
                            "like 'themes: aims' for docs/aims.fi.md")
            continue
        if any((docs / f"{old}.{locale}.md").exists() for locale in locales):
            problems.append(f"{old}: docs/{old}.*.md is still a page of the site; an old name is one whose files "
                            "were renamed")
        missing = [f"docs/{new}.{locale}.md" for locale in locales if not (docs / f"{new}.{locale}.md").is_file()]
        if missing:
            problems.append(f"{old}: {new}: the new page has no file {', '.join(missing)}")
        if new in moved:
            problems.append(f"{old}: {new}: {new} moved too, to {moved[new]}; name the page's last name")
    return problems


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    stem = page.file.src_uri[: -len(".md")].rpartition(".")[0]
    if stem in moved_pages(config).values():
        _titles[(current_locale(config), stem)] = page.title or stem
    return context


def on_post_build(config: MkDocsConfig) -> None:
    moved = moved_pages(config)
    if not moved:
        return
    locale = current_locale(config)
    language = next(lang for lang in site_languages(config) if lang.locale == locale)
    directives = {name: [str(source) for source in sources]
                  for name, sources in (config.extra.get("content_security_policy") or {}).items()}
    for old, new in moved.items():
        new_path, old_path = language.prefix + page_address(new), language.prefix + page_address(old)
        target = Path(config.site_dir) / old_path / "index.html"
        if target.exists():
            raise PluginError(f"mkdocs.yml: extra.moved_pages: {old}: the site already has a page at {old_path or '/'}")
        target.parent.mkdir(parents=True, exist_ok=True)
        context = dict(config=config, locale=locale, title=_titles.get((locale, new), new),
                       new_url=posixpath.relpath(new_path or ".", old_path or ".") + "/",
                       canonical=absolute_url(config, new_path) if config.site_url else None)
        # The template's script runs by its hash, as the site's pages' do (hooks/csp.py).
        hashes = inline_script_hashes(render_text(TEMPLATE, policy="", **context))
        target.write_text(render_text(TEMPLATE, policy=policy_text(directives, hashes), **context), encoding="utf-8")


def page_address(name: str) -> str:
    """A page's address under its language's, from its name: "aims/", "news/" for news/index, "" for index."""
    return name.removesuffix("index") if name == "index" or name.endswith("/index") else name + "/"


def on_build_error(error) -> None:
    _titles.clear()
