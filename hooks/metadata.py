"""Front matter as text: every value is HTML-escaped once, where it enters the build.

Owns: `page.meta`. MkDocs' theme templates do not autoescape, and Material prints the page
title, the description and other front matter straight into the page, attributes included
(`<title>`, `<meta name="description" content="...">`, the header, the navigation, and
the search index through `page.meta["title"]`). A `"` or `<` typed by an editor would end an
attribute or open an element. Escaping the values here, once, makes every one of those places
show the editor's text as text. The escaped values are `Markup`, so templates that do
autoescape (and `| e`) leave them as they are instead of escaping them twice.
"""

from __future__ import annotations

from markupsafe import escape
from mkdocs.plugins import event_priority


def escaped(value):
    """Strings escaped (as Markup) for HTML text and attributes; lists and mappings walked."""
    if isinstance(value, str):
        return escape(value)
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
