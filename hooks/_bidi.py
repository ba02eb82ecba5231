"""The order in which a browser draws text: Unicode's bidirectional algorithm (python-bidi,
the unicode-bidi crate), for the checks of pages (hooks/_tree.py) and of the data's texts
(hooks/_data.py). No HTML here: an element that a browser lays out apart (`dir`, <bdi>, an
inline box such as <kbd>) comes as an isolate, U+2066–U+2069, and a line break as U+2029.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from _html import DEFAULT_IGNORABLE

# Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and the like) and
# Arabic-Indic digits, found by their blocks; `right_to_left_letters` reads their classes.
RIGHT_TO_LEFT_CHARACTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff"
RIGHT_TO_LEFT = re.compile(f"[{RIGHT_TO_LEFT_CHARACTERS}]")
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"
ISOLATES = {"ltr": LRI, "rtl": RLI, "auto": FSI}
NEW_LINE = "\u2029"
_REORDERING = re.compile(RIGHT_TO_LEFT.pattern + f"|[{LRI}{RLI}{FSI}]")
# A number of several groups, "020 555 0000", "1111·2222·3333" or "28_11_2026", whose groups
# right-to-left text around them draws last first (hunt 28a: any separator did it); numbers
# in a list, "2019, 2020", are numbers of their own, and so are numbers in brackets or on
# either side of an element laid out apart.
NUMBER_GROUPS = re.compile(r"\d+(?:(?:[^\w,;()\[\]{}\u060c\u061b\u2066-\u2069\u2029]|_){1,3}\d+)+")


def may_reorder(text: str, direction: str = LRI) -> bool:
    """Whether anything in `text`, or its direction, can draw it in another order than written."""
    return direction != LRI or bool(_REORDERING.search(text))


def right_to_left_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in RIGHT_TO_LEFT.findall(text))


# White space that a browser shows as a space, but that the bidirectional algorithm takes for
# the end of a paragraph or a segment (hunt 29a: a line break in a page's source dropped the
# open isolate, and the number after it was read in its order while Chromium reversed it).
_HTML_WHITE_SPACE = re.compile("[\t\n\x0b\x0c\r\x1c-\x1f\x85]")


def drawn(text: str, direction: str = LRI) -> str:
    """Text with isolates and line breaks, in the order a browser draws it, each line laid out
    in `direction` (an isolate), without the isolates."""
    from bidi import get_display  # for pages and data texts that hold right-to-left text alone

    lines = (get_display(direction + line + PDI, base_dir="L")
             for line in _HTML_WHITE_SPACE.sub(" ", text).split(NEW_LINE))
    return " ".join(DEFAULT_IGNORABLE.sub("", " ".join(lines)).split())


def written(text: str) -> str:
    """Text with isolates and line breaks, in the order it is written, without them."""
    return " ".join(DEFAULT_IGNORABLE.sub("", text.replace(NEW_LINE, " ")).split())


@dataclass(frozen=True)
class Misdrawn:
    """Text that a browser would draw in another order than written, where that misleads."""

    written: str
    drawn: str
    number: str = ""  # a number of several groups, as written, that is drawn in another order
    shown: str = ""  # how that number is drawn; or, without it, a number drawn that is written in another order


def misdrawn(text: str, direction: str = LRI) -> Misdrawn | None:
    """How a browser would draw `text` misleadingly, or None: a number of several groups
    drawn in another order (right-to-left text around "020 555 0000" draws "0000 555 020"), a
    number drawn that the text does not hold in that order (hunt 29a: "0000", "555" and "020"
    in <bdi>s drawn as 020 555 0000), or text without right-to-left letters drawn in another
    order (only `dir`, <bdi> or Arabic-Indic digits reorder it)."""
    if not may_reorder(text, direction):
        return None
    as_written, as_drawn = written(text), drawn(text, direction)
    if as_drawn == as_written:
        return None
    # Numbers are found in the digits' decimal forms, which have the same places: superscript
    # digits are moved as digits are (session 32: "׳⁰²⁰ ⁵⁵⁵ ⁰⁰⁰⁰" was drawn ⁰⁰⁰⁰ ⁵⁵⁵ ⁰²⁰).
    digits, drawn_digits = decimal_digits(text), decimal_digits(as_drawn)
    number = next((written(text[found.start():found.end()]) for found in NUMBER_GROUPS.finditer(digits)
                   if written(found.group()) not in drawn_digits), None)
    if number:
        return Misdrawn(as_written, as_drawn, number, _drawn_form(number, as_drawn))
    shown = next((as_drawn[found.start():found.end()] for found in NUMBER_GROUPS.finditer(drawn_digits)
                  if found.group() not in decimal_digits(as_written)), None)
    if shown:
        return Misdrawn(as_written, as_drawn, shown=shown)
    return None if right_to_left_letters(text) else Misdrawn(as_written, as_drawn)


def decimal_digits(text: str) -> str:
    """The text with each digit that is not a decimal digit (superscript ⁰⁹, subscript ₀₉,
    circled ⓪⑨, dingbat ➊) as its ASCII digit, character for character, so that a place in
    one is the same place in the other: readers read them as digits."""
    if text.isascii():
        return text
    return "".join(_decimal(char) for char in text)


@lru_cache(maxsize=4096)
def _decimal(char: str) -> str:
    digit = unicodedata.digit(char, None) if char.isdigit() and not char.isdecimal() else None
    return char if digit is None else str(digit)


def _drawn_form(number: str, as_drawn: str) -> str:
    """How the drawn text shows a number: the drawn number of the same digit groups (what
    comes before it decides the order: after an Arabic letter "2018-12-05" is drawn
    05-12-2018, hunt 29b), or the number as right-to-left text around it alone draws it."""
    groups = sorted(re.findall(r"\d+", decimal_digits(number)))
    drawn_digits = decimal_digits(as_drawn)
    return next((as_drawn[found.start():found.end()] for found in NUMBER_GROUPS.finditer(drawn_digits)
                 if sorted(re.findall(r"\d+", found.group())) == groups), drawn(RLI + number + PDI))


def number_advice(number: str, markup: bool) -> str:
    """What keeps a number of several groups in its order, for a message: no-break spaces
    where spaces part its groups (a browser then reads it as one number); in a page's HTML a
    <span dir="ltr">, with the digits 0–9 (Arabic-Indic digits keep their order in none);
    where there is no markup, a word written left to right just before it (review 30b: the
    advice for 2018-12-05 spoke of spaces it has none of)."""
    ways = ["join its groups with no-break spaces (U+00A0) instead of spaces"] if re.search(r"\s", number) else []
    digits = "with the digits 0–9 " if arabic_indic(number) else ""
    if markup:
        ways.append(f"write it {digits}as <span dir=\"ltr\">…</span>" if digits else
                    f"write it as <span dir=\"ltr\">{number}</span>")
    else:
        ways.append(f"write it {digits}after a Finnish or English word (Puhelin 020 555 0000)")
    return ", or ".join(ways)


def arabic_indic(number: str) -> bool:
    """Whether a number is written in Arabic-Indic digits, which no `dir="ltr"` keeps in order."""
    return any(unicodedata.bidirectional(char) == "AN" for char in number)
