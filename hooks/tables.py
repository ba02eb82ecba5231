"""Table columns aligned as Markdown writes them (`---:`), with the site's classes.

Python-Markdown's tables extension aligns a column with `style="text-align: right;"` on each
cell; the pages' Content-Security-Policy blocks inline styles, so the column stayed as it
was and the browser reported the blocked style. The cells get a class of the site's style
sheet instead (`site-align-right`, docs/stylesheets/site.css). Before hooks/guards.py
(priority -100) reads the page, which refuses `style` attributes.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

# Exactly what the tables extension writes, and nothing an editor's own HTML could be mistaken for.
_MARKDOWN_ALIGNMENT = re.compile(r'<(th|td) style="text-align: (left|right|center);">')


def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    return _MARKDOWN_ALIGNMENT.sub(r'<\1 class="site-align-\2">', html) if "text-align" in html else html
