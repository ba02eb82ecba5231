"""The finished page as a browser builds it: is the site's frame where the template put it?

No MkDocs import. The checks of a page's HTML (hooks/_pages.py) read it tag by tag and follow
the HTML standard's rules for where an element ends only as far as they name them. A browser
builds its tree by the whole of those rules, and hunt 15 found page content that passed the
tag-by-tag checks yet, in the browser's tree, took the site's own parts after it (the list
of sources, the page's history, the footer) into one of its elements, or moved them:
`</h1>` closes an `<h2>`, `</span>` stops at a `<div>` opened inside it, a `<td>` outside a
table is dropped, a stray `</div>` closes the template's own. So the finished page is also
parsed as a browser parses it (lexbor, through selectolax), once as it is and once without
the page's content, and each of the site's own elements must have the same place in both.

The content is found by fences: comments holding a word drawn at random for each build run,
put around the editor's HTML (and around each marker, where a template may cut the content
in two, as the home page's hero does) before the site adds its own parts to it.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from selectolax.lexbor import LexborHTMLParser, LexborNode

from _bidi import (ISOLATES, LRI, NEW_LINE, PDI, RIGHT_TO_LEFT, RLI, Misdrawn, decimal_digits, drawn, misdrawn,
                   right_to_left_letters)
from _html import DEFAULT_IGNORABLE, as_browsers_read, recipients, under_public_suffix, unicode_host

FENCE = secrets.token_hex(16)  # no page can know it
_START, _END = f"<!--site-page:{FENCE}-->", f"<!--/site-page:{FENCE}-->"
# Where a template cuts the content in two and puts its own parts between (overrides/home.html).
TEMPLATE_CUTS = ("<!-- home:hero-end -->",)
Element = tuple[str, tuple[tuple[str, str | None], ...]]  # a tag's name and its attributes, sorted


def fence(html: str) -> str:
    """The editor's HTML between fences, closed and opened again where a template cuts it."""
    for cut in TEMPLATE_CUTS:
        html = html.replace(cut, _END + cut + _START)
    return _START + html + _END


def unfenced(output: str) -> str:
    return output.replace(_START, "").replace(_END, "")


@dataclass(frozen=True)
class Displacement:
    """How a page's content moves the site's own parts: in words, and the page's element that
    takes them in (its tag as the page may have written it), when there is one."""

    words: str
    holder: Element | None = None


@dataclass(frozen=True)
class TreeFindings:
    """What the browser's tree of a finished page shows."""

    displaced: Displacement | None  # how the content moves the site's own elements, or None
    # The ids of the tree's elements in document order, the copies a browser makes of an
    # element left open across blocks included.
    ids: list[str]
    # The page's headings that a reader does not see: each heading's tag and text, and the
    # element that hides it.
    hidden_headings: list[tuple[str, str, Element]]
    # The page's links whose text shows an address on another host: (text, href).
    misleading_links: list[tuple[str, str]]
    # Text readers would not see but the site's search shows: (text, element, why not).
    unshown_text: list[tuple[str, Element, str]]
    # Right-to-left letters outside an element marked with a right-to-left language: (text, element).
    unmarked_right_to_left: list[tuple[str, Element]] = field(default_factory=list)
    # Paragraphs drawn in another order than written, and headings as the search shows them (the
    # table of contents' titles are read from page.toc by hooks/guards.py).
    reordered: list[Reordered] = field(default_factory=list)
    # Each heading's text by its id, as the browser's tree holds it (the first heading of an id).
    headings: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Reordered:
    """A paragraph of a page that a browser would draw in another order than written."""

    how: Misdrawn
    element: Element
    in_code: bool = False  # where HTML shows as text, so no markup can keep its order
    in_contents: bool = False  # a heading as the search results show it, without its markup


def tree_problems(output: str, telephone_regions: tuple[str, ...] = ()) -> TreeFindings:
    """The finished page as a browser builds it, read once for every check of its tree;
    `telephone_regions` as mkdocs.yml's extra.telephone_regions (for tel: links)."""
    tree = LexborHTMLParser(output)
    ids = [node.attributes["id"] for node in tree.root.traverse() if node.attributes.get("id")]
    headings: dict[str, str] = {}
    for node in tree.css("h1[id], h2[id], h3[id], h4[id], h5[id], h6[id]"):
        headings.setdefault(node.attributes["id"], node.text(deep=True))
    if _START not in output:
        return TreeFindings(None, ids, [], [], [], headings=headings)
    placed, planned = _site_elements(tree), _site_elements(LexborHTMLParser(_without_content(output)))
    # Both looked for in the content only (not in the site's own parts after it: the list of
    # sources lays each title and publisher out apart, <bdi>, on every page that has one), and
    # the letters only where the first search found any sign.
    start, end = output.index(_START), output.rfind(_END)
    end = end if end > start else len(output)
    reorders = bool(BIDI_SIGNS.search(output, start, end))
    right_to_left = reorders and bool(RIGHT_TO_LEFT.search(output, start, end))
    layout = _Layout(tree) if reorders or right_to_left else None
    return TreeFindings(None if placed == planned else _displacement(placed, planned), ids,
                        *_content_findings(tree, layout if reorders else None, telephone_regions),
                        _unmarked_right_to_left(tree, layout) if right_to_left else [],
                        _reordered_text(tree, layout) if reorders else [], headings)


# `mkdocs serve` builds every page again after each edit, and all but the edited page come out
# as they were: while serving, each finished page's findings are kept by its whole text (the
# text itself is the key, so no two pages can share an entry, and findings are plain values).
# hooks/guards.py turns this on in on_startup for `mkdocs serve`; a build reads each page once,
# where keeping the texts would only cost memory. The edited page, or a page whose text moves
# with the build time, is read again. 256 pages: the site's 18 (nine in two languages), many times over.
_remembered = lru_cache(maxsize=256)(lambda output, telephone_regions: tree_problems(output, telephone_regions))
_serving = {"remember": False}


def remember_findings(serving: bool) -> None:
    """Keep each finished page's findings for the rebuilds of `mkdocs serve` (or stop keeping them)."""
    _serving["remember"] = serving
    if not serving:
        _remembered.cache_clear()


def page_findings(output: str, telephone_regions: tuple[str, ...] = ()) -> TreeFindings:
    """tree_problems(output), or, while serving, the findings of the same finished page when it
    was last built. A value from here may be shared: read it, never change it."""
    if _serving["remember"]:
        return _remembered(output, telephone_regions)
    return tree_problems(output, telephone_regions)


HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# A class of the site's style sheet that hides its element from sight (a page may give it to a <span>).
HIDING_CLASSES = frozenset({"site-visually-hidden"})
# Elements whose content a browser does not show: a video's or audio's fallback, ruby's <rp>
# (a heading inside <video markdown> had no size and no place; hunt 21a).
HIDING_ELEMENTS = frozenset({"video", "audio", "rp"})
# Text the site's search shows and readers would not see (a notice in <div hidden> was found by
# searching alone; hunt 24b): a video's or audio's fallback and <rp>'s, which no browser of
# today shows (<rp> may hold the parentheses around a ruby's reading, as punctuation), and text
# inside three <small>, <sub> or <sup>, each smaller than the last (hunt 25a: 0.2 px at 20).
FALLBACK_ELEMENTS = frozenset({"video", "audio"})
SHRINKING_ELEMENTS = frozenset({"small", "sub", "sup", "rt"})  # <rt>: half size (hunt 26a: ruby in ruby)
SHRINKING_DEPTH = 3
# Text that only screen readers read (the class site-visually-hidden), which the search shows too.
SCREEN_READER_TEXT_MAX = 80
_UNSHOWN_CANDIDATES = FALLBACK_ELEMENTS | SHRINKING_ELEMENTS | {"rp"}
# Link text that reads as a web or e-mail address: with a scheme, "www.", an "@", or a path
# after a domain ("hel.fi/palaute"). A bare "events.ics" is a file's name, not an address.
# Looked for anywhere in a word: "é" + "https://hel.fi" in a <ruby>'s <rt> is one word (hunt 24a).
# After a scheme's "//" the host is whatever comes before the path, dots or none: "helꓸfi" with
# a Lisu letter drawn as a full stop reads as hel.fi. A top-level domain may be in any letters
# (hunt 28a: "paypal.сом" in Cyrillic).
ADDRESS_TEXT = re.compile(
    r"(?:(?P<scheme>[a-z][a-z0-9+.-]*):(?://)?)?(?P<mailbox>[^\s@/:]+@)?"
    r"(?P<host>(?:[\w-]+\.)+[^\W\d_][\w-]*)\.?(?::\d+)?(?P<path>[/?#]\S*)?", re.IGNORECASE)
# (Its empty groups give it the names that _leads_to reads.)
SCHEMED_ADDRESS_TEXT = re.compile(
    r"(?P<scheme>[a-z][a-z0-9+.-]*)://(?P<mailbox>)(?:[^\s@/?#]*@)?(?P<host>[^\s/?#:@]+)(?P<path>)", re.IGNORECASE)


def _content_findings(tree: LexborHTMLParser, layout: _Layout | None = None,
                      telephone_regions: tuple[str, ...] = ()) -> tuple[list, list, list]:
    """(the page's headings inside an element that hides them; its links whose text reads as
    an address on another host than the link's own, as written or, with the `layout` of a
    page where something reorders text, as drawn; the text of elements that no browser
    shows), from one pass over the content."""
    hidden, misleading, unshown, inside = [], [], [], False
    screen_reader_text: dict[int, str] = {}  # block (mem_id) -> its text for screen readers alone, so far
    for node in tree.root.traverse():
        if node.tag == "-comment":
            comment = node.html or ""
            inside = comment == _START or (inside and comment != _END)
        elif inside and node.tag in _UNSHOWN_CANDIDATES:
            text = " ".join(DEFAULT_IGNORABLE.sub("", node.text()).split())
            reason = _unshown(node, text)
            if reason:
                unshown.append((text, _element(node), reason))
        elif inside and node.tag in HEADINGS:
            hider = _hider(node)
            if hider is not None:
                hidden.append((node.tag, node.text(strip=True), _element(hider)))
            elif node.text(strip=True) and not DEFAULT_IGNORABLE.sub("", _shown_text(node, visible=True)).strip():
                # Text for screen readers alone, and nothing shown: the heading has no height on
                # the page, yet the table of contents and the search list it (hunt 32a).
                unshown.append((" ".join(node.text().split()), _element(node), (
                    "the heading shows nothing on the page, yet the table of contents and the search list it: give it "
                    "text readers see, or leave the heading out")))
        elif inside and node.tag == "a" and node.attributes.get("href"):
            # What a screen reader announces and a tooltip shows count as the link's text too
            # (hunt 26a: aria-label="https://hel.fi/palaute" on a link to another site).
            named = [tree.css_first(f'[id="{name}"]') for name in (node.attributes.get("aria-labelledby") or "").split()
                     if re.fullmatch(r"[\w.:-]+", name)]
            announced = [*(node.attributes.get(name) or "" for name in ("aria-label", "title")),
                         *(_shown_text(element) for element in named if element is not None)]
            href = node.attributes["href"] or ""
            if href.strip().lower().startswith("tel:"):
                # What is shown and each thing announced must show the number called (hunt 30a:
                # digits for screen readers alone made the shown number another's); a number
                # drawn in another order is _reordered_text's to report.
                # An image's alt text is announced, and no part of what is shown (hunt 31a).
                candidates = [_shown_text(node, visible=True), *announced,
                              *(image.attributes.get("alt") or "" for image in node.css("img"))]
            else:
                candidates = [" ".join([_shown_text(node), *announced]), _drawn_text(node, layout) if layout else ""]
            shows = next((words for words in candidates if words and not _same_host(words, href, telephone_regions)),
                         None)
            if shows is not None:
                misleading.append((shows.strip(), href))
        elif inside and node.tag == "div" and "site-card" in (node.attributes.get("class") or "").split():
            # A heading's link that is the heading's only element covers the card (site.css): a
            # click on the card's text, an address shown there among it, goes where that link
            # does (hunt 25a; hunt 26a: the last of two links covered the first). The card's
            # other links lie above the covers.
            # (The cover's own text is checked as a link's.)
            # The card's own headings: those of a card inside it are that card's (hunt 31a: 400
            # cards one in another read every card's text for every heading inside it).
            covers = [next(child.iter(include_text=False)) for child in node.iter(include_text=False)
                      if child.tag == "h3" and _only_element_child(child)]
            hrefs = [cover.attributes.get("href") for cover in covers if cover.tag == "a" and cover.attributes.get("href")]
            # A card inside it lies under that card's own cover, and is read with it.
            texts = ([_shown_text(node, links=False, cards=False), _drawn_text(node, layout, links=False, cards=False)
                      if layout else ""] if hrefs else [])
            for href in hrefs:
                shows = next((words for words in texts if words and not _same_host(words, href, telephone_regions)), None)
                if shows is not None:
                    misleading.append((shows, href))
        elif inside and node.tag == "span" and _screen_readers_only(node) and not _screen_readers_only(node.parent):
            # Counted per paragraph, heading or other block: four spans of 60 characters side by
            # side put a notice of 250 into the search results while the page showed nothing (hunt 32a).
            block = _block_of(node)
            text = " ".join(node.text().split())
            so_far = screen_reader_text.get(block.mem_id, "")
            screen_reader_text[block.mem_id] = text = f"{so_far} {text}".strip()
            if len(text) > SCREEN_READER_TEXT_MAX and len(so_far) <= SCREEN_READER_TEXT_MAX:
                unshown.append((text, _element(node), (
                    f"text for screen readers alone is for a few words, such as \"(opens in a new tab)\" (at most "
                    f"{SCREEN_READER_TEXT_MAX} characters in a paragraph); write the rest in the page's own text")))
    return hidden, misleading, unshown


# Letters written right to left (hooks/_bidi.py's RIGHT_TO_LEFT). One before digits showed
# "Soita ׳020 555 0000" as "Soita 0000 555 020׳" (hunt 25a), as the refused direction marks
# did; a quotation must be marked with its language (WCAG 3.1.2), and the drawn order is
# checked by _reordered_text.
def _unmarked_right_to_left(tree: LexborHTMLParser, layout: _Layout) -> list[tuple[str, Element]]:
    """The page's texts with right-to-left letters that no element marks with a right-to-left
    language (lang="ar", "he", "fa", …), each with the element that holds it."""
    found, inside = [], False
    for node in tree.root.traverse(include_text=True):
        if node.tag == "-comment":
            comment = node.html or ""
            inside = comment == _START or (inside and comment != _END)
        elif inside and node.tag == "-text" and right_to_left_letters(node.text_content or ""):
            holder = node.parent
            if not _right_to_left_language(layout.language(holder)) and not (
                    layout.in_listing(holder) or layout.in_code(holder)):
                found.append((" ".join((node.text_content or "").split()), _element(holder)))
    return found


# Where the checks of right-to-left text in a page do not look: the listings, whose texts come
# from the data files and are checked there, field by field (hunt 29b: a partner's name in
# Arabic asked for markup that a data file cannot hold); and, for the language, code, which
# shows markup as text (the order in which code is drawn is checked all the same).
LISTING_CLASSES = frozenset({"site-partners", "site-events"})
CODE_ELEMENTS = frozenset({"code", "pre"})


class _Layout:
    """What one page's tree says of each element for the checks of right-to-left text: the
    direction its text is laid out in (an isolate), the nearest `lang`, and whether it is in a
    <pre>, in code or in a listing. Read in one pass from the root, where a parent comes before
    its children, so that no check walks up through the ancestors again (review 30b: 5,000
    nested elements, or a <bdi> around 2,000 rows of numbers, took seconds)."""

    def __init__(self, tree: LexborHTMLParser):
        self._of: dict[int, tuple[str, str, bool, bool, bool]] = {}
        for node in tree.root.traverse():
            above = self._of.get(node.parent.mem_id) if node.parent is not None else None
            direction, language, pre, code, listing = above or (LRI, "", False, False, False)
            attributes = node.attributes
            written = (attributes.get("dir") or "").strip().lower()
            if node.tag in LEFT_TO_RIGHT_ELEMENTS:
                direction = LRI
            elif written in ("ltr", "rtl"):
                direction = ISOLATES[written]
            elif written == "auto" or node.tag == "bdi":
                direction = _auto_direction(node)  # its scan stops at the next such element: once per node
            if attributes.get("lang") is not None:
                language = attributes.get("lang") or ""
            self._of[node.mem_id] = (direction, language, pre or node.tag == "pre", code or node.tag in CODE_ELEMENTS,
                                     listing or bool(LISTING_CLASSES & set((attributes.get("class") or "").split())))

    def direction(self, element: LexborNode) -> str:
        return self._of[element.mem_id][0]

    def language(self, element: LexborNode) -> str:
        return self._of[element.mem_id][1]

    def in_pre(self, element: LexborNode) -> bool:
        return self._of[element.mem_id][2]

    def in_code(self, element: LexborNode) -> bool:
        return self._of[element.mem_id][3]

    def in_listing(self, element: LexborNode) -> bool:
        return self._of[element.mem_id][4]


# Drawn order. A browser lays out text by Unicode's bidirectional algorithm: right-to-left
# letters, Arabic-Indic digits, and an element's `dir` or <bdi>, which HTML's style sheet
# isolates, change the order in which words and digits are drawn. In a link whose `dir="rtl"`
# held <bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi>, Chromium drew
# https://hel.fi/palaute (hunt 27a). Found first in the page's content, so pages without them
# cost one search.
BIDI_SIGNS = re.compile(RIGHT_TO_LEFT.pattern + r"|\sdir\s*=|<bdi\b", re.IGNORECASE)
# The elements that a browser lays out as paragraphs of their own (block boxes, table cells),
# and line breaks: the algorithm reorders each line, and a forced break closes the isolates
# open at it and opens them again after it (hunt 28a).
PARAGRAPH_ELEMENTS = frozenset({
    "p", "div", "li", "dt", "dd", "td", "th", "caption", "figcaption", "blockquote", "pre", "h1", "h2", "h3", "h4",
    "h5", "h6", "summary", "details", "section", "article", "aside", "header", "footer", "address", "figure", "ul",
    "ol", "dl", "table", "thead", "tbody", "tfoot", "tr", "hgroup", "hr", "br", "center"})
VOID_PARAGRAPH_ELEMENTS = frozenset({"br", "hr"})
# Inline boxes that a browser lays out apart, each one neutral piece among the text around it
# (hunt 28a: two <kbd>, which the theme makes inline blocks, or two images kept three <bdi>
# pieces in written order for the model while Chromium drew them last first); the theme's
# buttons are such boxes too, and so is a <ruby>, whose reading (<rt>) is drawn above it
# and stands here as a line of its own (hunt 29a).
INLINE_BOXES = frozenset({"kbd", "img", "video", "audio", "ruby"})
INLINE_BOX_CLASSES = frozenset({"md-button"})
ANNOTATIONS = frozenset({"rt", "rp"})
# The theme's style sheet gives these `direction: ltr`, which wins over their `dir` (hunt 29a:
# <code dir="rtl"> was laid out left to right, as are the elements inside it).
LEFT_TO_RIGHT_ELEMENTS = frozenset({"code", "kbd", "pre"})
# What the direction of `dir="auto"` and <bdi> is found in (the HTML standard): the first
# letter of the text, outside these elements and those with a `dir` of their own.
_AUTO_SKIPPED = frozenset({"bdi", "script", "style", "textarea"})


def _isolate(element: LexborNode, inherited: str, layout: _Layout) -> str | None:
    """The isolate that HTML's and the theme's style sheets give an element (`dir`, <bdi>, an
    inline box), with its direction, or None."""
    direction = (element.attributes.get("dir") or "").strip().lower()
    if element.tag in LEFT_TO_RIGHT_ELEMENTS:
        return LRI if direction in ISOLATES or _inline_box(element) else None
    if direction in ISOLATES or element.tag == "bdi":
        return layout.direction(element)
    return inherited if _inline_box(element) else None


def _auto_direction(element: LexborNode) -> str:
    """The direction a browser gives `dir="auto"` or <bdi>: that of the first letter written
    left to right or right to left in its text (hunt 29a: the model had python-bidi find it
    again on every line, without the text of a <kbd>), left to right when there is none."""
    pending = [iter(element.iter(include_text=True))]
    while pending:
        child = next(pending[-1], None)
        if child is None:
            pending.pop()
        elif child.tag == "-text":
            for char in child.text_content or "":
                kind = unicodedata.bidirectional(char)
                if kind in ("L", "R", "AL"):
                    return LRI if kind == "L" else RLI
        elif child.tag not in _AUTO_SKIPPED and "dir" not in child.attributes:
            pending.append(iter(child.iter(include_text=True)))
    return LRI


def _inline_box(element: LexborNode) -> bool:
    return element.tag in INLINE_BOXES or bool(INLINE_BOX_CLASSES & set((element.attributes.get("class") or "").split()))


def _drawn_text(element: LexborNode, layout: _Layout, links: bool = True, cards: bool = True) -> str:
    """An element's text (as `_shown_text` reads it) in the order a browser draws it."""
    direction = layout.direction(element)
    return drawn(_shown_text(element, links, isolates=direction, layout=layout, cards=cards), direction)


def _reordered_text(tree: LexborHTMLParser, layout: _Layout) -> list[Reordered]:
    """The page's paragraphs whose text a browser would draw in another order than written,
    where that misleads (hooks/_bidi.py's `misdrawn`)."""
    found, inside = [], False
    for node in tree.root.traverse():
        if node.tag == "-comment":
            comment = node.html or ""
            inside = comment == _START or (inside and comment != _END)
        elif inside and node.tag in PARAGRAPH_ELEMENTS and not layout.in_listing(node):
            direction = layout.direction(node)
            reordered = misdrawn(_shown_text(node, isolates=direction, paragraphs=True, layout=layout), direction)
            if reordered:
                found.append(Reordered(reordered, _element(node), layout.in_code(node)))
            elif node.tag in HEADINGS:
                # Material's search shows a heading's text without its markup (hunt 30a); the
                # table of contents, its title in page.toc (hooks/guards.py).
                listed = misdrawn(node.text())
                if listed:
                    found.append(Reordered(listed, _element(node), in_contents=True))
    return found


@lru_cache(maxsize=64)
def _right_to_left_language(tag: str) -> bool:
    """Whether a lang attribute names a language written right to left, as CLDR (Babel) says:
    by the script the tag names ("ku-Arab": Kurdish in Arabic letters, hunt 28b), else by the
    language, or by the script CLDR finds most likely for a language Babel has no data for."""
    tag = tag.strip().replace("-", "_")
    # Up to the first singleton: "ar-u-nu-latn" is Arabic with Latin digits, not Latin (hunt 29b).
    subtags = tag.split("_")
    subtags = subtags[:next((n for n, subtag in enumerate(subtags) if len(subtag) == 1), len(subtags))]
    if not subtags:  # "x-pirate", a private use tag (review 30b: it ended the build in a traceback)
        return False
    tag = "_".join(subtags)
    script = next((subtag.title() for subtag in subtags[1:] if len(subtag) == 4 and subtag.isalpha()), None)
    likely = get_global("likely_subtags")
    candidates = [likely.get(f"und_{script}")] if script else [tag, likely.get(subtags[0].lower())]
    for candidate in filter(None, candidates):
        try:
            return Locale.parse(candidate).character_order == "right-to-left"
        except (ValueError, TypeError, UnknownLocaleError):
            continue
    return False


def _only_element_child(element: LexborNode) -> bool:
    """Whether `element` has one child element and no other (text around it aside), as CSS's
    :only-child reads it."""
    return len(list(element.iter(include_text=False))) == 1


def _for_screen_readers(node: LexborNode) -> bool:
    """Whether the site's style sheet shows the element to screen readers alone."""
    return bool(HIDING_CLASSES & set((node.attributes.get("class") or "").split()))


def _screen_readers_only(node: LexborNode | None) -> bool:
    return node is not None and node.tag == "span" and _for_screen_readers(node)


def _block_of(node: LexborNode) -> LexborNode:
    """The nearest paragraph, heading or other block around `node` (or the tree's root)."""
    ancestor = node.parent
    while ancestor is not None and ancestor.tag not in PARAGRAPH_ELEMENTS and ancestor.parent is not None:
        ancestor = ancestor.parent
    return ancestor if ancestor is not None else node


def _unshown(node: LexborNode, text: str) -> str:
    """Why readers would not see the text of a video or audio element, an <rp>, or a <small>,
    <sub> or <sup>, or "" if they would."""
    if node.tag in FALLBACK_ELEMENTS and text:
        return f"no browser of today shows a <{node.tag}>'s own text; describe the recording before or after it"
    if node.tag == "rp" and any(not unicodedata.category(char).startswith(("P", "Z")) for char in text):
        return "no browser of today shows <rp>; it may hold only the parentheses around a reading, such as (  )"
    if node.tag in SHRINKING_ELEMENTS:
        depth, ancestor = 1, node.parent
        while ancestor is not None and depth < SHRINKING_DEPTH:
            depth += ancestor.tag in SHRINKING_ELEMENTS
            ancestor = ancestor.parent
        # Reported once, at the element that reaches the depth, not again for those inside it.
        inner = (child for child in node.traverse() if child.mem_id != node.mem_id and child.tag in SHRINKING_ELEMENTS)
        if depth == SHRINKING_DEPTH and text and next(inner, None) is None:
            return (f"it is inside {SHRINKING_DEPTH} of <small>, <sub>, <sup> and <rt>, one in another and each "
                    "smaller than the last; use one")
    return ""


def _hider(heading: LexborNode) -> LexborNode | None:
    """The element that hides `heading` from sight or from screen readers: `hidden`,
    `aria-hidden="true"`, a closed <details> (its <summary> aside), a visually hidden class, a
    video's fallback. The table of contents lists such a heading, and a hidden h1 left the
    page without a title and the skip link without a target (hunt 20a)."""
    child, ancestor = heading, heading.parent
    while ancestor is not None:
        attributes = ancestor.attributes
        if (_hides(ancestor) or (attributes.get("aria-hidden") or "").strip().lower() == "true"
                or (ancestor.tag == "details" and child.tag != "summary" and "open" not in attributes)):
            return ancestor
        child, ancestor = ancestor, ancestor.parent
    return None


def _shown_text(element: LexborNode, links: bool = True, isolates: str = "", paragraphs: bool = False,
                layout: _Layout | None = None, visible: bool = False, cards: bool = True) -> str:
    """An element's text as a reader gets it: what is shown, and an image's alt text, without
    what an element hides (hidden text inside a link made its address read as another), and
    without the text of the links in it if `links` is false. A loop, not recursion: content
    may nest elements deeper than Python's stack.

    With `isolates` (the isolate of the element's own direction), for hooks/_bidi.py's
    `drawn`: what a browser lays out apart (`dir`, <bdi>, inline boxes) stands between
    isolates, and a line break (<br>, a block inside) as U+2029 that closes the isolates open
    at it and opens them again; with `paragraphs` too, an element laid out as a paragraph of
    its own stands as such a break, its text left out (it is read on its own). Without `cards`,
    the text of the site cards inside the element is left out. With `isolates`
    or `visible`, text for screen readers alone is left out: the site's style sheet takes it
    out of the line (hunt 30a), and it is no part of what is shown."""
    parts, opened, directions = [], [], [isolates]
    # In a <pre> a line break of the text is one (hunt 29a); elsewhere it is a space.
    preformatted = bool(isolates) and layout.in_pre(element)
    # (children, the isolate the element opened, whether it is a block, inside a <pre>,
    # whether it set the direction of what it holds)
    pending = [(iter(element.iter(include_text=True)), "", False, preformatted, False)]

    def line_break() -> str:
        return PDI * len(opened) + NEW_LINE + "".join(opened)

    while pending:
        child = next(pending[-1][0], None)
        if child is None:
            _, isolate, block, _, directed = pending.pop()
            if isolate:
                parts.append(PDI)
                opened.pop()
            if directed:
                directions.pop()
            if block:
                parts.append(line_break())
        elif child.tag == "-text":
            text = child.text_content or ""
            parts.append(text.replace("\n", line_break()) if pending[-1][3] else text)
        elif child.tag == "img":
            alt = "" if visible else child.attributes.get("alt") or ""
            parts.append(f"{_isolate(child, directions[-1], layout)}{alt}{PDI}" if isolates else alt)
        elif isolates and child.tag in PARAGRAPH_ELEMENTS and (paragraphs or child.tag in VOID_PARAGRAPH_ELEMENTS):
            parts.append(line_break())
        elif not _hides(child, screen_readers=not (isolates or visible)) and (
                links or child.tag != "a" or not child.attributes.get("href")) and (
                cards or "site-card" not in (child.attributes.get("class") or "").split()):
            isolate = _isolate(child, directions[-1], layout) if isolates else None
            block = bool(isolates) and (child.tag in PARAGRAPH_ELEMENTS or child.tag in ANNOTATIONS)
            if block:
                parts.append(line_break())
            if isolate:
                parts.append(isolate)
                opened.append(isolate)
            # What a <code> holds is laid out left to right, though the <code> is not apart.
            direction = isolate or (LRI if isolates and child.tag in LEFT_TO_RIGHT_ELEMENTS else None)
            if direction:
                directions.append(direction)
            pending.append((iter(child.iter(include_text=True)), isolate, block, pending[-1][3] or child.tag == "pre",
                            bool(direction)))
    return "".join(parts) if isolates else " ".join("".join(parts).split())


def _hides(node: LexborNode, screen_readers: bool = False) -> bool:
    """Whether an element keeps its content from sight, or with `screen_readers` from them
    too (text that only screen readers read is part of what a link says to them)."""
    return "hidden" in node.attributes or node.tag in HIDING_ELEMENTS or (not screen_readers and _for_screen_readers(node))


# Characters that NFKC leaves as they are, or makes into something else, and that look like
# the ".", "/" and ":" of an address: every one that Unicode's confusables.txt draws as one of
# them (hunt 25a: "https:∕∕hel.fi∕palaute" with division slashes, "helꓸfi" with a Lisu tone
# mark; tests/test_guards.py holds the table to the list of confusable-homoglyphs), full stops
# a browser reads as "." in a host (IDNA), and middle dots (hunt 26a: hel·fi).
_LOOKALIKES = str.maketrans({
    **dict.fromkeys("\ua4f8\ua60e\u0701\u0702\u0660\u06f0\U00010a50\U0001d16d"  # confusables.txt
                    "\u3002\uff61"  # IDNA
                    "\u00b7\u2027\u2219\u22c5\u30fb", "."),  # middle dots
    **dict.fromkeys("\u2044\u2215\u29f8\u2571\u27cb\u3033\u1735\u2041\u30ce\u4e3f\u31d3\U0001d23a"
                    "\u2cc6", "/"),
    **dict.fromkeys("\u02d0\u02f8\u0589\u05c3\u0703\u0704\u16ec\u1803\u1809\u205a\u2236\ua4fd\ua789"
                    "\u0903\u0a83\ufe30", ":"),  # U+FE30, drawn as a colon, is ".." to NFKC
})


def _same_host(text: str, href: str, telephone_regions: tuple[str, ...] = ()) -> bool:
    """Whether every address a link's text shows leads where the link does: to that host (or
    one under it, such as www.), or for e-mail addresses to those recipients alone.
    [https://hel.fi/palaute](https://evil.example/) read as the city's feedback page, and a
    page's links get no mark of an outside link (hunt 20a). True for text with no address."""
    try:
        # As a browser reads it: "https://evil.example\\@hel.fi/" goes to evil.example (hunt 24a).
        target = urlsplit(as_browsers_read(href))
    except ValueError:  # "https://[x": no host that any shown address could be (hunt 23b)
        target = urlsplit("")
    # Without what a browser draws as nothing: "hel\u200b.fi" is shown as hel.fi (hunt 24a).
    # The look-alikes before NFKC, which makes U+FE30 "..", and after it, which makes ⼃ 丿.
    shown = DEFAULT_IGNORABLE.sub("", text).translate(_LOOKALIKES)
    shown = _without_marks(unicodedata.normalize("NFKC", shown).translate(_LOOKALIKES))
    mailboxes = set()
    for word in shown.split():
        word = word.strip("()[]<>{}\"'«»‹›,;!?")
        for written in [*SCHEMED_ADDRESS_TEXT.finditer(word), *ADDRESS_TEXT.finditer(word)]:
            if written["mailbox"] and not word[:written.start()].endswith("@"):
                mailboxes.add(f"{written['mailbox']}{written['host']}".lower())
            # A fediverse handle, @helsinki@mastodon.social, names its server's host.
            elif not _leads_to(written["host"], target) and _reads_as_address(written):
                return False
    # Digits as written: the look-alikes would make an Arabic-Indic zero a full stop (hunt 28b).
    if target.scheme.lower() == "tel" and not _same_number(_without_marks(DEFAULT_IGNORABLE.sub("", text)), target.path,
                                                                 telephone_regions):
        return False
    return not mailboxes or (target.scheme.lower() == "mailto" and mailboxes == recipients(target))


def _without_marks(text: str) -> str:
    """Text without the combining marks that NFKC leaves on their own (hunt 29a: "hel.fi̇" with
    i and U+0307, drawn as a plain i, ended the host before its path)."""
    if text.isascii():
        return text
    return "".join(char for char in text if unicodedata.category(char) not in ("Mn", "Me"))


# A telephone number as written: digits with spaces, dots, hyphens (any of Unicode's, hunt 26a:
# U+2011) or brackets between them.
PHONE_TEXT = re.compile(r"\+?\(?\d[\d\s().\-\u2010-\u2015\u2212]{4,}\d")


def _same_number(shown: str, number: str, telephone_regions: tuple[str, ...] = ()) -> bool:
    """Whether the telephone numbers a tel: link's text shows are the one it calls, as Google's
    libphonenumber reads them in the called number's country: the text holds the called
    number's digits, and every other valid number in it is the called one. "[+358 9 310 1641]
    (tel:+358600123456)" called another (hunt 25a); "+44 (0)20 7983 4000", "00358 9 310 1641",
    "09 310 1641 (24 h)", opening hours and Arabic-Indic digits are the number they call (hunt
    28b). A number of a country outside `telephone_regions` must show its country code. A
    called number without its country code is compared digit by digit."""
    shown = _as_decimal_digits(shown)
    # Only a text that shows a telephone number: "Terveysneuvonta 24/7" names a service (hunt 29b).
    if not PHONE_TEXT.search(shown):
        return True
    # A number that touches a letter is one libphonenumber passes over, and a letter drawn as a
    # digit or a sign ("09 310 164l", "09 310 1641ǃ") or a digit of another script ("1৪41")
    # shows another number than the digits say (hunt 31a).
    if any(_touches_a_letter(shown, number) or _mixed_digits(number.group()) for number in _DIGIT_GROUPS.finditer(shown)
           if sum(char.isdigit() for char in number.group()) >= 6):
        return False
    digits = "".join(str(unicodedata.digit(char)) for char in shown if unicodedata.digit(char, None) is not None)
    import phonenumbers  # about 16 ms, for pages with tel: links alone

    try:
        called = phonenumbers.parse(unquote(number), None)
    except phonenumbers.NumberParseException:
        return _same_digits(shown, number)
    if not phonenumbers.is_possible_number(called):
        return _same_digits(shown, number)
    region = phonenumbers.region_code_for_number(called)
    called_digits = phonenumbers.national_significant_number(called)  # Italy's keep their 0 (review 30b)

    def is_called(found) -> bool:
        return found.country_code == called.country_code and phonenumbers.national_significant_number(found) == called_digits

    found = [phonenumbers.parse(match.raw_string, region, keep_raw_input=True) for match in phonenumbers.PhoneNumberMatcher(
        shown, region, leniency=phonenumbers.Leniency.VALID)]
    if called_digits not in digits or not all(is_called(number) for number in found if phonenumbers.is_valid_number(number)):
        return False
    # A number of another country than the site's readers' must be shown with its country code:
    # "[09 310 1641](tel:+96293101641)" showed Helsinki's number and dialled Jordan (hunt 29a).
    return not telephone_regions or region in telephone_regions or any(
        is_called(number) and number.country_code_source != phonenumbers.CountryCodeSource.FROM_DEFAULT_COUNTRY
        for number in found)


def _as_decimal_digits(text: str) -> str:
    """The text with each digit that is not a decimal digit (superscript ⁰⁹, circled ⓪⑨,
    dingbat ➊, ⑩), which readers read as one but libphonenumber passes over, as ASCII digits,
    and the superscript and subscript signs (⁺) as theirs. Decimal digits of any script stay."""
    if text.isascii():
        return text
    return "".join(map(_number_form, decimal_digits(text)))


@lru_cache(maxsize=1024)
def _number_form(char: str) -> str:
    """A number or sign drawn small or enclosed as NFKC writes it (⑩ 10, ⁺ +), or the character."""
    if unicodedata.category(char) not in ("No", "Sm"):
        return char
    normal = unicodedata.normalize("NFKC", char)
    return normal if normal and all(c in "0123456789+-=()." for c in normal) else char


# Digits in groups, as a number's own part of a text: "9am" beside "+44 20 7983 4000" is a time.
_DIGIT_GROUPS = re.compile(r"\d(?:[\d \u00a0.\-\u2010-\u2012]*\d)?")


def _touches_a_letter(text: str, number: re.Match) -> bool:
    before, after = text[number.start() - 1:number.start()], text[number.end():number.end() + 1]
    return any(unicodedata.category(char).startswith("L") for char in before + after)


def _mixed_digits(number: str) -> bool:
    """Whether a number's digits come from more than one script (each script's zero apart)."""
    return len({ord(char) - unicodedata.digit(char) for char in number if unicodedata.digit(char, None) is not None}) > 1


def _same_digits(shown: str, number: str) -> bool:
    """Whether every telephone number the text shows has the called digits, but for a country
    code of 1 to 3 digits and the trunk 0 of a number written for its own country."""
    called = re.sub(r"\D", "", unquote(number))
    for written in PHONE_TEXT.findall(shown):
        digits = re.sub(r"\D", "", written)
        # Written for its own country: the called number less a country code of 1 to 3 digits
        # (hunt 26a: "09 310 1641" passed as the end of +358 600 93101641).
        national = digits.removeprefix("0")
        if not (digits == called or (not written.startswith("+") and national in (called[1:], called[2:], called[3:]))):
            return False
    return True


def _leads_to(shown_host: str, target) -> bool:
    """Whether a web address's host shown in a link's text is where `target` goes: that host,
    or one under it; for mailto:, every recipient's domain."""
    shown_host = _bare(shown_host)
    if target.scheme.lower() == "mailto":
        addresses = recipients(target)
        return bool(addresses) and all(_bare(address.rpartition("@")[2]) == shown_host for address in addresses)
    host = _bare(target.hostname or "")
    return bool(host) and (host == shown_host or host.endswith("." + shown_host))


def _reads_as_address(written: re.Match) -> bool:
    """Whether words that look like an address in a link's text are one: with a scheme, a
    mailbox or "www.", or a host under a top-level domain and a path ("hel.fi/palaute", where
    "Node.js/Deno" names two programs: hunt 25b)."""
    if written["scheme"] or written["mailbox"] or written["host"].lower().startswith("www."):
        return True
    # A top-level domain in other letters than a–z that the list does not know is one drawn
    # like a known one (hunt 28a: "hel.fі/palaute" with a Cyrillic і).
    top_level = written["host"].rpartition(".")[2]
    return bool(written["path"]) and (not top_level.isascii()
                                      or under_public_suffix(written["host"]))


def _bare(host: str) -> str:
    """A host as compared: lower case, xn-- labels read as Unicode, without a final dot or www."""
    host = unicode_host(host.lower().rstrip("."))
    return host[4:] if host.startswith("www.") else host


def _displacement(placed: list, planned: list) -> Displacement:
    """The first difference between the site's elements as placed and as the template plans them."""
    for (element, ancestors), (_, planned_ancestors) in zip(placed, planned):
        extra = [ancestor for ancestor in ancestors if ancestor not in planned_ancestors]
        if extra:
            return Displacement(f"{_part(element)} would be inside the page's {shown(extra[-1])}", extra[-1])
        if ancestors != planned_ancestors:
            return Displacement(f"{_part(element)} would be moved out of its place (an end tag closes one of the "
                                "site's own elements)")
    if len(placed) != len(planned):
        return Displacement("the browser would copy an element of the page into the site's own parts")
    element = next(element for (element, _), (planned_element, _) in zip(placed, planned) if element != planned_element)
    return Displacement(f"the browser would put the page's {shown(element)} among the site's own parts", element)


# The site's parts after a page, by class, as a message names them.
SITE_PARTS = {"site-sources": "the list of sources", "site-page-history": "the page's history",
              "md-footer": "the site's footer"}


def _part(element: Element) -> str:
    classes = dict(element[1]).get("class") or ""
    return next((name for part, name in SITE_PARTS.items() if part in classes.split()), f"the site's own {shown(element)}")



def _site_elements(tree: LexborHTMLParser) -> list[tuple[Element, tuple[Element, ...]]]:
    """Each element outside the fences after the content begins, in document order, with its
    ancestors. (What comes before the content, a browser has built before it reads the content.)"""
    found, inside, begun = [], False, False
    lineage: dict[int, tuple[Element, ...]] = {}  # an element's mem_id -> it and its ancestors
    for node in tree.root.traverse():
        if node.tag == "-comment":
            comment = node.html or ""
            inside = comment == _START or (inside and comment != _END)
            begun = begun or inside
        elif begun and not inside:
            ancestors = _lineage(node.parent, lineage)
            lineage[node.mem_id] = (*ancestors, _element(node))
            found.append((_element(node), ancestors))
    return found


def _lineage(node: LexborNode | None, known: dict[int, tuple[Element, ...]]) -> tuple[Element, ...]:
    """`node` and its ancestors, root first, from those already known where it can (a loop,
    not recursion: content may nest elements deeper than Python's stack)."""
    unknown = []
    while node is not None and node.mem_id not in known:
        unknown.append(node)
        node = node.parent
    lineage = known[node.mem_id] if node is not None else ()
    for ancestor in reversed(unknown):
        lineage = (*lineage, _element(ancestor))
        known[ancestor.mem_id] = lineage
    return lineage


def _element(node: LexborNode) -> Element:
    return node.tag or "", tuple(sorted(node.attributes.items()))


def _without_content(output: str) -> str:
    """The page with the editor's HTML between each pair of fences left out."""
    parts, position = [], 0
    while (start := output.find(_START, position)) != -1:
        end = output.find(_END, start)
        if end == -1:
            break
        parts.append(output[position:start + len(_START)])
        position = end
    parts.append(output[position:])
    return "".join(parts)


def start_tag_line(source: str, element: Element) -> int | None:
    """The line of the last start tag in a page's source that could have made `element` (its
    name, and its id and class values written in it), or None."""
    tag, attributes = element
    values = [value for name, value in attributes if name in ("id", "class") and value]
    lines = [number for number, line in enumerate(source.split("\n"), start=1)
             for match in re.finditer(rf"<{re.escape(tag)}\b[^>]*", line, re.IGNORECASE)
             if all(value in match.group() for value in values)]
    return lines[-1] if lines else None


def shown(element: Element) -> str:
    """An element's tag with the attributes that tell it apart: <div class="site-card">, <div hidden>."""
    tag, attributes = element
    named = [name if value is None else f'{name}="{value}"' for name, value in attributes
             if name in ("id", "class", "hidden", "inert", "aria-hidden")]
    return f"<{' '.join([tag, *named])}>"
