"""Whether a piece of CSS would make the browser fetch a file. No MkDocs import.

Used for an SVG's style sheets and attributes (hooks/_images.py) and a page's style
attributes (hooks/_pages.py). A plain search for "url(" is not enough: the CSS tokenizer
undoes escapes before it reads a function's name, so `\\75rl(` is `url(` and `@\\69mport` is
`@import`, and `image-set("…")` fetches a bare string with no `url(` at all.
"""

from __future__ import annotations

import re

# An escape is a backslash and 1–6 hex digits (one white space after them belongs to the
# escape), an escaped newline (dropped, inside strings), or any other escaped character.
_ESCAPE = re.compile(r"\\(?:([0-9a-fA-F]{1,6})(?:\r\n|[ \t\n\r\f])?|(\r\n|[\n\r\f])|(.))", re.DOTALL)
# Everything in CSS that names a file to fetch: url() (and src(), its newer twin), the
# image-set() of images (also -webkit-), @import, and attr(), which can read an address from
# an attribute; and old Internet Explorer's expression(), which ran script. A space before
# "(" does not make a function, so refusing it refuses too much, never too little.
_FETCHES = re.compile(r"(?:url|src|image-set|attr|expression)\s*\(|@import", re.IGNORECASE)
# url() of a #fragment: a gradient, pattern, clip path or filter inside the same SVG file.
_FRAGMENT = re.compile(r"\s*(?:\"\s*#|'\s*#|#)")


def _unescaped(match: re.Match) -> str:
    hex_digits, _newline, character = match.groups()
    if hex_digits is not None:
        code = int(hex_digits, 16)
        return chr(code) if 0 < code <= 0x10FFFF and not 0xD800 <= code <= 0xDFFF else "\ufffd"
    return character or ""


def as_tokenized(css: str) -> str:
    """The CSS as its tokenizer reads names and strings: escapes undone.

    Comments stay: what looks like one may be inside a string ("/*"), where dropping it
    would hide the rest of the style sheet, and a fetch inside a real comment is refused too."""
    return _ESCAPE.sub(_unescaped, css)


def first_fetch(css: str, fragments_allowed: bool = False) -> str | None:
    """What in `css` would fetch a file ("url(", "@import", …), or None.

    With `fragments_allowed`, url(#id) is not a fetch: an SVG paints with its own gradients."""
    text = as_tokenized(css)
    for match in _FETCHES.finditer(text):
        found = match.group()
        if fragments_allowed and found[:3].lower() == "url" and _FRAGMENT.match(text, match.end()):
            continue
        return re.sub(r"\s+", "", found).lower()
    return None
