"""Front matter as text: every value is HTML-escaped once, where it enters the build.

Owns: `page.meta`. MkDocs' theme templates do not autoescape, and Material prints the page
title, the description and other front matter straight into the page, attributes included
(`<title>`, `<meta name="description" content="...">`, the header, the navigation, and
the search index through `page.meta["title"]`). A `"` or `<` typed by an editor would end an
attribute or open an element. Escaping the values here, once, makes every one of those places
show the editor's text as text; templates must therefore not escape page.meta values again.
"""

from __future__ import annotations

from html import escape

from mkdocs.plugins import event_priority


def escaped(value):
    """Strings escaped for HTML text and attributes; lists and mappings walked; others as they are."""
    if isinstance(value, str):
        return escape(value, quote=True)
    if isinstance(value, list):
        return [escaped(item) for item in value]
    if isinstance(value, dict):
        return {key: escaped(item) for key, item in value.items()}
    return value


# Before every other page hook reads the metadata (mkdocs-static-i18n's run at 50).
@event_priority(100)
def on_page_markdown(markdown: str, page, config, files) -> str:
    page.meta = escaped(page.meta)
    return markdown
