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
from html import escape, unescape
from typing import Mapping

from _html import browser_attributes

# A <script> start tag, its quoted values read whole, and the end of its text ("</script"
# then a space, "/" or ">"), as a browser finds them.
_SCRIPT_START = re.compile(r"""<script(?=[\s/>])(?:"[^"]*"|'[^']*'|[^>"'])*>""", re.I)
_SCRIPT_END = re.compile(r"</script(?=[\s/>])", re.I)
# The types a browser runs (the HTML standard's JavaScript MIME types, and modules); JSON and
# JSON-LD blocks are data and need no hash.
_JAVASCRIPT_TYPES = frozenset({
    "application/ecmascript", "application/javascript", "application/x-ecmascript", "application/x-javascript",
    "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1", "text/javascript1.2",
    "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript", "text/livescript",
    "text/x-ecmascript", "text/x-javascript",
})
DATA_BLOCK_TYPE = "application/ld+json"  # the listings' structured data, the one script content may hold
_HEAD_END = re.compile(r"</head\s*>", re.I)
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
    return [text for attributes, text in script_elements(html) if "src" not in attributes and _runs(attributes)]


def script_elements(html: str) -> list[tuple[dict[str, str], str]]:
    """Each <script>: its attributes as a browser reads them (the first of a name), and its text."""
    scripts, position = [], 0
    while (start := _SCRIPT_START.search(html, position)) is not None:
        end = _SCRIPT_END.search(html, start.end())
        text_end = end.start() if end else len(html)
        attributes: dict[str, str] = {}
        for name, value in browser_attributes(start.group()):
            attributes.setdefault(name, unescape(value))
        scripts.append((attributes, html[start.end():text_end]))
        position = text_end
    return scripts


def _runs(attributes: dict[str, str]) -> bool:
    """Whether a browser runs a script with these attributes (the HTML standard's rules)."""
    if "type" in attributes:
        kind = attributes["type"].strip(" \t\n\f\r").lower()
    elif attributes.get("language"):
        kind = "text/" + attributes["language"].strip(" \t\n\f\r").lower()
    else:
        kind = ""
    return kind in ("", "module") or kind in _JAVASCRIPT_TYPES


def unfenced(html: str, fence: str) -> tuple[str, str, str]:
    """The page without the marks around its content; the part before the content and after
    the <head> (the header, the navigation and the table of contents); and the content."""
    start, end = f"<!--site-content:{fence}-->", f"<!--/site-content:{fence}-->"
    if html.count(start) != 1 or html.count(end) != 1 or html.index(start) > html.index(end):
        raise ValueError("the template does not mark the page's content once (the container block of "
                         "overrides/main.html), so its own scripts cannot be told from the content's")
    before, rest = html.split(start)
    content, after = rest.split(end)
    head_end = _HEAD_END.search(before)
    navigation = before[head_end.end():] if head_end else ""
    return before + content + after, navigation, content


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
    html, navigation, content = unfenced(html, fence)
    # The header, navigation and table of contents are built from the pages' titles and
    # headings; the templates put no script there.
    in_navigation = script_elements(navigation)
    if in_navigation:
        raise ValueError(f"a <script> in the page's navigation ({in_navigation[0][1].strip()[:60]!r}), "
                         "which holds text from the pages; only the templates' scripts may run")
    # In the content, only the listings' JSON-LD: any other script came past the checks.
    slipped = [text for attributes, text in script_elements(content)
               if set(attributes) != {"type"} or attributes["type"] != DATA_BLOCK_TYPE]
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
