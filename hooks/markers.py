"""The `site:feedback` marker: the publisher's feedback channel (and the public issues), on any page.

Which markers exist and which page each belongs on is set in mkdocs.yml `extra.markers`;
hooks/guards.py stops the build on an unknown, miswritten, misplaced, repeated or missing
marker. The listings' markers are replaced by hooks/events.py and hooks/partners.py. This
hook also keeps the template environment for the listing hooks (hooks/_listing.py).
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _listing import remember_env, render

MARKER = re.compile(r"<!--\s*((?:data|site):[\w-]+)\s*-->")


def on_env(env, config: MkDocsConfig, files):
    remember_env(env)
    return env


@event_priority(50)  # templates can be rendered from on_env on; before search reads the page
def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if "site:feedback" in page.content:
        issues_url = f"{config.repo_url.rstrip('/')}/issues" if config.repo_url else None
        feedback_url = ((config.extra or {}).get("publisher") or {}).get("feedback_url") or None
        link = render("partials/feedback-link.html", config=config, feedback_url=feedback_url, issues_url=issues_url)
        page.content = MARKER.sub(lambda m: link if m.group(1) == "site:feedback" else m.group(0), page.content)
    return context
