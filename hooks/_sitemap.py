"""The sitemap's `lastmod` from each page's last change. No MkDocs import.

mkdocs-static-i18n writes `sitemap.xml` with every page's `lastmod` set to the build
date, so every entry "changes" every night and search engines learn to ignore the dates.
Here each entry gets the date its sources last changed in git instead; an entry whose
date is unknown gets no `lastmod` at all (the protocol makes it optional, and a wrong date
is worse than none).
"""

from __future__ import annotations

import gzip
import io
import xml.etree.ElementTree as ElementTree
from datetime import datetime

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def last_change(sources, changed: dict[str, datetime]) -> datetime | None:
    """The newest date among a page's source files; None when git knows none of them."""
    dates = [changed[source] for source in sources if source in changed]
    return max(dates) if dates else None


def with_lastmod(xml: bytes, lastmod: dict[str, datetime | None]) -> bytes:
    """The sitemap with each <url>'s <lastmod> set from `lastmod` (by <loc>), or removed."""
    ElementTree.register_namespace("", SITEMAP)
    ElementTree.register_namespace("xhtml", XHTML)
    root = ElementTree.fromstring(xml)
    for url in root.iter(f"{{{SITEMAP}}}url"):
        loc = url.find(f"{{{SITEMAP}}}loc")
        for old in url.findall(f"{{{SITEMAP}}}lastmod"):
            url.remove(old)
        when = lastmod.get((loc.text or "").strip()) if loc is not None else None
        if when is not None:
            element = ElementTree.Element(f"{{{SITEMAP}}}lastmod")
            element.text = when.isoformat(timespec="seconds")
            element.tail = loc.tail
            url.insert(list(url).index(loc) + 1, element)  # the protocol's order: loc, lastmod, ...
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


def gzipped(data: bytes, name: str, mtime: int) -> bytes:
    """`data` gzip-compressed with a fixed name and time, so equal input gives equal bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=name, mode="wb", fileobj=buffer, mtime=mtime) as archive:
        archive.write(data)
    return buffer.getvalue()
