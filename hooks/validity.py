"""Markup fixes so every page passes the Nu HTML Checker.

Owns: two narrow string edits to Material's frame (base.html puts `autocomplete="off"` on
its drawer and search checkboxes, which HTML allows only on text-like inputs). These lie
outside any template block, so they are edited here rather than by copying base.html.
"""

from __future__ import annotations

import re

CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input class="md-toggle"[^>]*type="checkbox"[^>]*?) autocomplete="off"')


def _fix(html: str) -> str:
    return CHECKBOX_AUTOCOMPLETE.sub(r"\1", html)


def on_post_page(output: str, page, config) -> str:
    return _fix(output)


def on_post_template(output: str, template_name: str, config) -> str:
    return _fix(output)
