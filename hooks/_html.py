"""HTML and addresses read as a browser reads them, where Python reads them otherwise. No MkDocs import.

Python's HTMLParser counts any Unicode space (a no-break space among them) as white space
between attributes and ends a tag's name at NUL; browsers follow the HTML standard, which
knows only ASCII white space. hooks/_pages.py compares the two readings of every start tag
in a page, and hooks/_csp.py reads script tags with this one.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote, urlsplit

# The white space between a tag's attributes, for a browser (the HTML standard's ASCII
# white space).
_HTML_SPACE = " \t\n\f\r"
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_C0_AND_SPACE = "".join(chr(code) for code in range(0x21))

# Unicode's Default_Ignorable_Code_Point (DerivedCoreProperties.txt, Unicode 15.1 and 16.0):
# what a browser draws as nothing, assigned or not. Python's unicodedata does not know the
# property, and by category alone U+2065 and U+FFF0-FFF8 (unassigned, Cn) looked like
# characters that show (hunt 24a). tools/preview_tree.py keeps a copy (a test holds the two equal).
DEFAULT_IGNORABLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")


def as_browsers_read(url: str) -> str:
    """The address as the URL standard reads it: tabs and new lines dropped, C0 and spaces
    trimmed, and "\\" read as "/" ("/\\host" is "//host", another site; and in
    "https://evil.example\\@hel.fi/" the host is evil.example, where urlsplit reads hel.fi)."""
    return re.sub(r"[\t\n\r]", "", url).strip(_C0_AND_SPACE).replace("\\", "/")


def host_of(url: str) -> str:
    """The host a browser goes to for `url` (lower case, as written: xn-- labels stay), or ""."""
    try:
        return (urlsplit(as_browsers_read(url)).hostname or "").rstrip(".")
    except ValueError:  # "https://[x": no host (hunt 23b)
        return ""


def hosts_of(url: str) -> list[str]:
    """The hosts `url` leads to: a web address's host, or each recipient's domain of mailto:."""
    read = as_browsers_read(url)
    if read[:7].lower() == "mailto:":
        return [address.rpartition("@")[2] for address in unquote(read[7:].partition("?")[0]).split(",")]
    return [host_of(url)]


def unlike_latin(host: str) -> str:
    """The first character of `host`, its xn-- labels read as Unicode, that is neither ASCII
    nor a Latin letter, or "": "hеl.fi" with a Cyrillic е reads as hel.fi, and Chromium goes
    to xn--hl-nlc.fi (hunt 24a). Finnish names (ä, ö, å) are Latin letters."""
    for label in host.split("."):
        if label.lower().startswith("xn--"):
            try:
                label = label.encode("ascii").decode("idna")
            except (UnicodeError, ValueError):
                return label[:4]
        for char in label:
            if not char.isascii() and not unicodedata.name(char, "").startswith("LATIN "):
                return char
    return ""


def unlike_latin_message(host: str) -> str:
    """What is wrong with a host that unlike_latin() finds a character in, naming it."""
    char = unlike_latin(host)
    name = f" ({unicodedata.name(char, 'unnamed')})" if len(char) == 1 else " (an xn-- label that is not valid)"
    return (f"has '{char}'{name}, which can look like a Latin letter (hеl.fi with a Cyrillic е goes to another "
            "site than hel.fi); write the host in the letters a-z")


def browser_attributes(raw_tag: str) -> list[tuple[str, str]]:
    """A start tag's attributes as the HTML standard's tokenizer reads them: (name, raw value).

    Names are lower-cased and values left with their character references. If the tag
    ends (">") before the end of `raw_tag`, the rest is read as one more attribute named
    ">", so that the result never equals what a parser that read further found."""
    return [(name, value) for name, value, _ in attribute_tokens(raw_tag)]


def unquoted_values(raw_tag: str) -> list[tuple[str, str]]:
    """(name, value) of the attributes whose values are written without quotes."""
    return [(name, value) for name, value, quote in attribute_tokens(raw_tag) if quote == "" and value]


def attribute_tokens(raw_tag: str) -> list[tuple[str, str, str]]:
    """browser_attributes, each with the quote its value was written in ("" for none)."""
    text, index, end = raw_tag, 1, len(raw_tag)
    while index < end and text[index] not in _HTML_SPACE + "/>":
        index += 1  # the tag's name
    attributes = []
    while index < end:
        while index < end and (text[index] in _HTML_SPACE or text[index] == "/"):
            index += 1
        if index >= end:
            break
        if text[index] == ">":
            if index != end - 1:
                attributes.append((">", text[index:], ""))
            break
        start = index
        index += 1  # a name may start with "=", then runs to a space, "/", ">" or "="
        while index < end and text[index] not in _HTML_SPACE + "/>=":
            index += 1
        name = text[start:index].translate(ASCII_LOWER)
        while index < end and text[index] in _HTML_SPACE:
            index += 1
        if index >= end or text[index] != "=":
            attributes.append((name, "", ""))
            continue
        index += 1
        while index < end and text[index] in _HTML_SPACE:
            index += 1
        if index < end and text[index] in "\"'":
            close = text.find(text[index], index + 1)
            close = end if close < 0 else close
            attributes.append((name, text[index + 1:close], text[index]))
            index = close + 1
        else:
            start = index
            while index < end and text[index] not in _HTML_SPACE + ">":
                index += 1
            attributes.append((name, text[start:index], ""))
    return attributes
