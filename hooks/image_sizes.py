"""Images in pages get their width and height from their files, so that a page keeps their
space while they load, and an editor never measures an image.

CONTRIBUTING's `![A map](images/map.png)` is all an editor writes. The Checks hold every image
of a page to having both sizes (tests/test_weight.py), and an image without them failed there
with neither file nor line (hunt 18c). An image given one of the two (`{ width=300 }`) gets
the other from its proportions; one given both is left as written, and so is one whose size
is not a number of pixels. Before hooks/guards.py (priority -100) reads the page: its checks see
the result, and an image it refuses (another site's, a path to no file) is left as it is, for
its message.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _html import browser_attributes
from _images import image_size
from _pages import file_under_site

_TAG_END = re.compile(r"\s*/?>$")
_PIXELS = re.compile(r"[0-9]{1,5}")

# Each file's size, by its path and modification time: every language's page reads the same image.
_sizes: dict[tuple[str, int], tuple[int, int] | None] = {}


@event_priority(-90)
def on_page_content(html: str, page: Page, config: MkDocsConfig, files) -> str:
    if "<img" not in html.lower():
        return html
    by_address = {unquote(file.url): file.abs_src_path for file in files if not file.is_documentation_page()}
    parts, written = [], 0
    for start, tag in _image_tags(html):
        parts += [html[written:start], sized_image_tag(tag, page.url, by_address)]
        written = start + len(tag)
    return "".join(parts) + html[written:]


def _image_tags(html: str) -> list[tuple[int, str]]:
    """Where each <img> start tag is, and its text, as an HTML parser reads the page: "<img"
    inside an attribute's value or a comment is text, and rewriting it there made the guards
    name attributes the editor never wrote (hunt 19a)."""
    reader = _ImageFinder()
    reader.feed(html)
    reader.close()
    line_starts = [0] + [match.end() for match in re.finditer("\n", html)]
    return [(line_starts[line - 1] + column, tag) for (line, column), tag in reader.found]


class _ImageFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[tuple[int, int], str]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "img":
            self.found.append((self.getpos(), self.get_starttag_text()))

    handle_startendtag = handle_starttag


def sized_image_tag(tag: str, page_url: str, by_address: dict[str, str]) -> str:
    """`tag` with the width and height it lacks, read from the site's file its src names; as it
    is when it has both, when its src is not a file of the site, or when a size is not pixels."""
    attributes: dict[str, str] = {}
    for name, value in browser_attributes(tag):
        attributes.setdefault(name, unescape(value))  # the first of a name counts
    width, height = attributes.get("width"), attributes.get("height")
    if width is not None and height is not None:
        return tag
    if any(value is not None and not _PIXELS.fullmatch(value.strip()) for value in (width, height)):
        return tag  # "50%": the editor's own layout
    path = file_under_site(attributes.get("src") or "", page_url)
    size = _file_size(by_address[path]) if path in by_address else None
    if size is None or 0 in size:
        return tag
    if width is not None:
        width, height = int(width), max(1, round(int(width) * size[1] / size[0]))
    elif height is not None:
        width, height = max(1, round(int(height) * size[0] / size[1])), int(height)
    else:
        width, height = size
    kept = {name: value for name, value in (("width", width), ("height", height)) if name not in attributes}
    added = "".join(f' {name}="{value}"' for name, value in kept.items())
    end = _TAG_END.search(tag).start()
    return tag[:end] + added + tag[end:]


def _file_size(file: str) -> tuple[int, int] | None:
    path = Path(file)
    key = (file, path.stat().st_mtime_ns)
    if key not in _sizes:
        _sizes[key] = image_size(path.read_bytes())
    return _sizes[key]
