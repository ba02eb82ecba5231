"""HTML read as a browser reads it, where Python's own parser reads it otherwise. No MkDocs import.

Python's HTMLParser counts any Unicode space (a no-break space among them) as white space
between attributes and ends a tag's name at NUL; browsers follow the HTML standard, which
knows only ASCII white space. hooks/_pages.py compares the two readings of every start tag
in a page, and hooks/_csp.py reads script tags with this one.
"""

from __future__ import annotations

# The white space between a tag's attributes, for a browser (the HTML standard's ASCII
# white space).
_HTML_SPACE = " \t\n\f\r"
ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


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
