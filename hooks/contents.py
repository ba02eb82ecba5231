"""A table of contents only where it helps: on pages with three sections (h2) or more.

Owns: adding "toc" to a page's `hide` list (the same switch as `hide: [toc]` in front
matter) when the page has fewer sections, so no empty or one-line column stands beside
the text. The Events and Partners listings are placed after this and do not count.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

MIN_SECTIONS = 3


def section_count(toc) -> int:
    """How many h2 headings the page's table of contents holds, at any depth."""
    count = 0
    for item in toc:
        count += (item.level == 2) + section_count(item.children)
    return count


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if section_count(page.toc) < MIN_SECTIONS:
        hide = list(page.meta.get("hide") or [])
        if "toc" not in hide:
            page.meta["hide"] = hide + ["toc"]
    return context
