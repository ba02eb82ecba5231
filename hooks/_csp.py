"""A Content-Security-Policy for one HTML page, with the hashes of its own inline scripts.

No MkDocs import. GitHub Pages cannot send headers, so the policy travels in the page as
`<meta http-equiv="Content-Security-Policy">`, placed right after `<meta charset>` so that it
is in force before the first script or stylesheet. Inline scripts the theme needs are allowed
by their SHA-256 hash, computed from the page as built. The template marks the page's
content with a word drawn at random for each build run (`content_fence`), which no page
can know; a script between the marks came from the content past hooks/guards.py, and the
page is not published. A script slipped in after this hook (an escaping slip in a listing)
has no hash and does not run.
"""

from __future__ import annotations

import base64
import hashlib
import re
from html import escape
from typing import Mapping

# An inline <script> element: no src attribute. Group 1 holds its attributes, group 2 its text.
_INLINE_SCRIPT = re.compile(r"<script\b((?:(?!\bsrc\s*=)[^>])*)>(.*?)</script\s*>", re.I | re.S)
_TYPE = re.compile(r"""\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
# Types a browser executes; JSON and JSON-LD blocks are data and need no hash.
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta\s+charset=[\"']?utf-8[\"']?\s*/?>", re.I)


def inline_script_hashes(html: str) -> list[str]:
    """The CSP source expressions ('sha256-...') of the page's executable inline scripts, in order."""
    hashes = []
    for text in executable_scripts(html):
        digest = hashlib.sha256(text.encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def executable_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run (not JSON or JSON-LD data)."""
    scripts = []
    for match in _INLINE_SCRIPT.finditer(html):
        kind = _TYPE.search(match.group(1))
        script_type = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if script_type.strip().lower() in _SCRIPT_TYPES:
            scripts.append(match.group(2))
    return scripts


def unfenced(html: str, fence: str) -> tuple[str, str]:
    """The page without the marks around its content, and the content between them."""
    start, end = f"<!--site-content:{fence}-->", f"<!--/site-content:{fence}-->"
    if html.count(start) != 1 or html.count(end) != 1 or html.index(start) > html.index(end):
        raise ValueError("the template does not mark the page's content once (the container block of "
                         "overrides/main.html), so its own scripts cannot be told from the content's")
    before, rest = html.split(start)
    content, after = rest.split(end)
    return before + content + after, content


def policy_text(directives: Mapping[str, list[str]], script_hashes: list[str]) -> str:
    """The policy as one header value; the hashes are added to script-src."""
    parts = []
    for name, sources in directives.items():
        values = list(sources) + (script_hashes if name == "script-src" else [])
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def with_policy(html: str, directives: Mapping[str, list[str]], fence: str) -> str:
    """The page with its policy in a meta element after `<meta charset>` (or first in <head>),
    and without the marks around its content; every hashed script is the template's."""
    html, content = unfenced(html, fence)
    slipped = executable_scripts(content)
    if slipped:
        raise ValueError(f"a <script> reached the page's content past the checks ({slipped[0].strip()[:60]!r}); "
                         "only the templates' scripts may run")
    text = escape(policy_text(directives, inline_script_hashes(html)), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end():]
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        raise ValueError("the page has no <head> to carry its Content-Security-Policy; every page is built from "
                         "a template with the site's <head>")
    return html[: head.end()] + meta + html[head.end():]
