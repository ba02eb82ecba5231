"""A Content-Security-Policy for one HTML page, with the hashes of its own inline scripts.

No MkDocs import. GitHub Pages cannot send headers, so the policy travels in the page as
`<meta http-equiv="Content-Security-Policy">`, placed right after `<meta charset>` so that it
is in force before the first script or stylesheet. Inline scripts the theme needs are allowed
by their SHA-256 hash, computed from the page as built: a script that was not in the template
(an escaping slip that let markup through) has no hash and does not run.
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
    for match in _INLINE_SCRIPT.finditer(html):
        kind = _TYPE.search(match.group(1))
        script_type = next((g for g in kind.groups() if g is not None), "") if kind else ""
        if script_type.strip().lower() not in _SCRIPT_TYPES:
            continue
        digest = hashlib.sha256(match.group(2).encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return list(dict.fromkeys(hashes))


def policy_text(directives: Mapping[str, list[str]], script_hashes: list[str]) -> str:
    """The policy as one header value; the hashes are added to script-src."""
    parts = []
    for name, sources in directives.items():
        values = list(sources) + (script_hashes if name == "script-src" else [])
        parts.append(" ".join([name, *values]))
    return "; ".join(parts)


def with_policy(html: str, directives: Mapping[str, list[str]]) -> str:
    """The page with its policy in a meta element after `<meta charset>` (or first in <head>)."""
    text = escape(policy_text(directives, inline_script_hashes(html)), quote=False).replace('"', "&quot;")
    meta = f'<meta http-equiv="Content-Security-Policy" content="{text}">'
    charset = _CHARSET.search(html)
    if charset:
        return html[: charset.end()] + meta + html[charset.end():]
    head = re.search(r"<head\b[^>]*>", html, re.I)
    if head is None:
        raise ValueError("the page has no <head> to carry its Content-Security-Policy")
    return html[: head.end()] + meta + html[head.end():]
