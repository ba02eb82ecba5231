"""Markers that place generated content in pages: `<!-- data:events -->` and friends.

Owns: the list of known markers (an unknown one, such as a typo, stops the build with the
file and line) and the `site:feedback` marker, a link to the public issue tracker.
The listings themselves are rendered by hooks/events.py and hooks/partners.py.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from _listing import remember_env, render

MARKER = re.compile(r"<!--\s*((?:data|site):[\w-]+)\s*-->")
KNOWN_MARKERS = {"data:events", "data:partners", "data:open-data", "site:feedback"}


def on_env(env, config: MkDocsConfig, files):
    remember_env(env)
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files) -> str:
    unknown = [
        f"docs/{page.file.src_uri}:{markdown.count(chr(10), 0, match.start()) + 1 + _front_matter_lines(page)}: "
        f"unknown marker <!-- {match.group(1)} -->; known: {', '.join(sorted(KNOWN_MARKERS))}"
        for match in MARKER.finditer(markdown)
        if match.group(1) not in KNOWN_MARKERS
    ]
    if unknown:
        raise PluginError("\n".join(unknown))
    return markdown


def _front_matter_lines(page: Page) -> int:
    """Lines taken by the YAML front matter, which MkDocs strips before this hook."""
    source = page.file.content_string
    if not source.startswith("---"):
        return 0
    end = source.find("\n---", 3)
    return source.count("\n", 0, end) + 2 if end != -1 else 0


@event_priority(50)  # templates can be rendered from on_env on; before search reads the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "site:feedback" in page.content:
        link = render("partials/feedback-link.html", config=config, issues_url=f"{(config.repo_url or '').rstrip('/')}/issues")
        page.content = MARKER.sub(lambda m: link if m.group(1) == "site:feedback" else m.group(0), page.content)
    return context
