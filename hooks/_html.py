"""HTML and addresses read as a browser reads them, where Python reads them otherwise. No MkDocs import.

Python's HTMLParser counts any Unicode space (a no-break space among them) as white space
between attributes and ends a tag's name at NUL; browsers follow the HTML standard, which
knows only ASCII white space. hooks/_pages.py compares the two readings of every start tag
in a page, and hooks/_csp.py reads script tags with this one.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

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
    """The host a browser goes to for `url` (lower case, percent-escapes decoded as a browser
    decodes them: "h%D0%B5l.fi" is hеl.fi; xn-- labels stay), or ""."""
    try:
        return unquote((urlsplit(as_browsers_read(url)).hostname or "").rstrip("."))
    except ValueError:  # "https://[x": no host (hunt 23b)
        return ""


def hosts_of(url: str) -> list[str]:
    """The hosts `url` leads to: a web address's host, or each recipient's domain of mailto:."""
    read = as_browsers_read(url)
    if read[:7].lower() == "mailto:":
        try:
            return [address.rpartition("@")[2] for address in recipients(urlsplit(read))]
        except ValueError:
            return []
    return [host_of(url)]


def recipients(target) -> set[str]:
    """Every recipient of a split mailto: address: those before "?" and those of to=, cc= and
    bcc= (hunt 21a: ?bcc=; hunt 25a: ?to=)."""
    query = [value for name, value in parse_qsl(target.query) if name.lower() in ("to", "cc", "bcc")]
    return {address.strip().lower() for part in [unquote(target.path), *query] for address in part.split(",")
            if address.strip()}


# Letters of Latin script beyond a-z that are no accented a-z and still common in names:
# Nordic, Sámi, Polish, Croatian, Maltese and Icelandic ones.
_OTHER_LATIN_LETTERS = "ßæøœþðłđŋħ"


def unlike_latin(host: str) -> str:
    """The first character of `host`, read as a browser reads it (its xn-- labels as Unicode,
    composed as NFC), that is not a-z with or without accents nor one of _OTHER_LATIN_LETTERS,
    or "": "hеl.fi" with a Cyrillic е reads as hel.fi, and Chromium goes to xn--hl-nlc.fi
    (hunt 24a); "ɡ" (script g) and "ı" (dotless i) are Latin letters that look like g and i
    (hunt 25a). Names in Finnish, Sámi, German or Polish (ä, ŋ, ß, ł) pass."""
    for char in unicode_host(host):
        # Not a combining mark of its own: "i" and a dot above drew hel.fi̇ as hel.fi (hunt 26a).
        if not (char.isascii() or unicodedata.normalize("NFD", char)[0].isascii() or char in _OTHER_LATIN_LETTERS):
            return char
    return ""


def unicode_host(host: str) -> str:
    """`host` with its xn-- labels decoded (Punycode, RFC 3492: the idna codec's IDNA 2003
    rules read straße's label as "strasse") and composed as NFC ("a" and a combining
    diaeresis, as a PDF may give it, is "ä"). A label that is no Punycode stays as written."""
    labels = []
    for label in host.split("."):
        if label[:4].lower() == "xn--" and label.isascii():
            try:
                label = label[4:].encode("ascii").decode("punycode")
            except UnicodeError:
                pass
        labels.append(unicodedata.normalize("NFC", label))
    return ".".join(labels)


def unlike_latin_message(host: str) -> str:
    """What is wrong with a host that unlike_latin() finds a character in, naming it."""
    char = unlike_latin(host)
    return (f"has '{char}' ({unicodedata.name(char, 'unnamed')}): the site links only to addresses whose host is "
            f"written in the letters a-z, with or without accents, and {', '.join(_OTHER_LATIN_LETTERS)}, since "
            "other letters can look like them (hеl.fi with a Cyrillic е goes to another site than hel.fi); link to "
            "such an address of the site, or name the site without a link")


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


@lru_cache(maxsize=1)
def _public_suffixes():
    """The Public Suffix List as published with the library (no download); imported and read
    only when a text holds what may be an address (about 30 ms)."""
    from publicsuffixlist import PublicSuffixList

    return PublicSuffixList(accept_unknown=False)


def under_public_suffix(host: str) -> bool:
    """Whether a host ("kuntalehti.fi", "eventbrite.co.uk") is under a top-level domain of the
    Public Suffix List, so that "Node.js" names a program, not a site."""
    return _public_suffixes().publicsuffix(host.lower()) is not None
