"""What a reader's browser downloads: page weight, render-blocking resources, image sizes.

Every page in both languages is fetched from the session's site (served with gzip under a
sub-path, like GitHub Pages) with every stylesheet, script, image, icon and font it references,
and the bytes on the wire are added up. Not counted: the search index and Material's search
worker (loaded by script, not referenced by the page), alternate and canonical links, feeds,
and anything behind a plain link.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.error import HTTPError
from urllib.parse import urljoin, urlsplit
from urllib.request import Request, urlopen

import pytest
from bs4 import BeautifulSoup

from conftest import all_pages

BUDGET_BYTES = 150_000  # per page, transferred (compressed), everything it references included
ICON_RELS = {"icon", "shortcut", "apple-touch-icon", "mask-icon"}
PRELOAD_KINDS = {"style": "stylesheet", "script": "script", "font": "font", "image": "image"}
CSS_FONT_URL = re.compile(r"""url\(\s*(['"]?)([^'")]+?\.(?:woff2?|ttf|otf|eot)(?:[?#][^'")]*)?)\1\s*\)""", re.I)
BIGGEST_SHOWN = 5


@dataclass(frozen=True)
class Resource:
    url: str
    kind: str  # page, stylesheet, script, image, icon or font
    transferred: int | None  # bytes on the wire; None when not fetched (another origin)


# ---------------------------------------------------------------- pure helpers


def same_origin(url: str, page_url: str) -> bool:
    return urlsplit(url)[:2] == urlsplit(page_url)[:2]


def referenced_resources(html: str, page_url: str) -> list[tuple[str, str]]:
    """(kind, absolute URL) of what the page makes the browser load, in order, without repeats."""
    soup = BeautifulSoup(html, "html.parser")
    found: list[tuple[str, str]] = []
    for link in soup.find_all("link", href=True):
        rels = {rel.lower() for rel in link.get("rel", [])}
        if "stylesheet" in rels:
            found.append(("stylesheet", link["href"]))
        elif rels & ICON_RELS:
            found.append(("icon", link["href"]))
        elif "modulepreload" in rels:
            found.append(("script", link["href"]))
        elif "preload" in rels:
            found.append((PRELOAD_KINDS.get(link.get("as", ""), "other"), link["href"]))
    found += [("script", script["src"]) for script in soup.find_all("script", src=True)]
    found += [("image", image["src"]) for image in soup.find_all("img", src=True)]
    absolute = [(kind, urljoin(page_url, href)) for kind, href in found if not href.startswith("data:")]
    return list(dict.fromkeys(absolute))


def fonts_in_css(css: str, css_url: str) -> list[tuple[str, str]]:
    """("font", absolute URL) for every font file a stylesheet names."""
    return [("font", urljoin(css_url, match.group(2))) for match in CSS_FONT_URL.finditer(css)]


def render_blocking_from_other_origins(html: str, page_url: str) -> list[str]:
    """Stylesheets, and scripts neither async, deferred nor modules, served by another origin."""
    soup = BeautifulSoup(html, "html.parser")
    stylesheets = [link["href"] for link in soup.find_all("link", href=True)
                   if "stylesheet" in {rel.lower() for rel in link.get("rel", [])}]
    scripts = [script["src"] for script in soup.find_all("script", src=True)
               if not script.has_attr("async") and not script.has_attr("defer") and script.get("type") != "module"]
    return [url for url in (urljoin(page_url, href) for href in stylesheets + scripts) if not same_origin(url, page_url)]


def images_without_size(html: str) -> list[str]:
    """Every <img> lacking a width or a height attribute (its space would jump as it loads)."""
    soup = BeautifulSoup(html, "html.parser")
    return [str(image) for image in soup.find_all("img")
            if not (image.get("width") or "").strip() or not (image.get("height") or "").strip()]


def _kilobytes(count: int) -> str:
    return f"{count / 1000:.1f} kB"


def weight_problem(page: str, resources: list[Resource], budget: int = BUDGET_BYTES) -> str | None:
    """Why the page is over budget or cannot be weighed, naming its biggest resources; None if fine."""
    weighed = [r for r in resources if r.transferred is not None]
    unweighed = [r.url for r in resources if r.transferred is None]
    total = sum(r.transferred for r in weighed)
    if total < budget and not unweighed:
        return None
    biggest = sorted(weighed, key=lambda r: r.transferred, reverse=True)[:BIGGEST_SHOWN]
    lines = [f"/{page} transfers {_kilobytes(total)} (budget {_kilobytes(budget)}); biggest:"]
    lines += [f"  {_kilobytes(r.transferred):>9}  {r.kind:<10} {r.url}" for r in biggest]
    if unweighed:
        lines.append("not weighed, from another origin (the privacy statement promises none): " + ", ".join(unweighed))
    return "\n".join(lines)


# ---------------------------------------------------------------- fetching


@dataclass(frozen=True)
class Fetched:
    transferred: int
    text: str


@lru_cache(maxsize=None)
def fetch(url: str) -> Fetched:
    """GET with Accept-Encoding: gzip; the bytes as sent, and the body decoded as text."""
    try:
        with urlopen(Request(url, headers={"Accept-Encoding": "gzip"}), timeout=30) as response:
            body = response.read()
            encoding = response.headers.get("Content-Encoding", "")
    except HTTPError as error:
        pytest.fail(f"{url} answers {error.code}: the page references something the site does not have")
    raw = gzip.decompress(body) if encoding == "gzip" else body
    return Fetched(len(body), raw.decode("utf-8", errors="replace"))


def page_resources(page_url: str) -> list[Resource]:
    """The page and everything it makes the browser load, each with its transferred size."""
    page = fetch(page_url)
    resources = [Resource(page_url, "page", page.transferred)]
    pending = referenced_resources(page.text, page_url)
    seen = {page_url}
    while pending:
        kind, url = pending.pop(0)
        if url in seen:
            continue
        seen.add(url)
        if not same_origin(url, page_url):
            resources.append(Resource(url, kind, None))
            continue
        fetched = fetch(url)
        resources.append(Resource(url, kind, fetched.transferred))
        if kind == "stylesheet":
            pending += fonts_in_css(fetched.text, url)
    return resources


# ---------------------------------------------------------------- the built site


@pytest.mark.parametrize(("lang", "page"), all_pages())
def test_page_and_what_it_loads_stay_within_the_budget(site, lang, page):
    problem = weight_problem(page, page_resources(site.url + page))
    assert problem is None, problem


@pytest.mark.parametrize(("lang", "page"), all_pages())
def test_nothing_render_blocking_comes_from_another_origin(site, lang, page):
    page_url = site.url + page
    blocking = render_blocking_from_other_origins(fetch(page_url).text, page_url)
    assert not blocking, f"/{page} waits for other origins before it renders: {', '.join(blocking)}"


@pytest.mark.parametrize(("lang", "page"), all_pages())
def test_every_image_has_width_and_height(site, lang, page):
    unsized = images_without_size(fetch(site.url + page).text)
    assert not unsized, f"/{page} has images without width and height attributes: {', '.join(unsized)}"


def test_pages_reference_the_theme_assets(site):
    """Guards the weight test itself: it must find the stylesheets and scripts to count."""
    kinds = {resource.kind for resource in page_resources(site.url)}
    assert {"page", "stylesheet", "script", "icon"} <= kinds


# ---------------------------------------------------------------- the helpers, on made-up input

PAGE_URL = "http://127.0.0.1:8000/digital-declaration/en/events/"


def test_weight_problem_lists_the_biggest_resources_first():
    resources = [Resource(f"{PAGE_URL}r{n}.js", "script", size) for n, size in enumerate([1_000, 90_000, 70_000])]
    problem = weight_problem("en/events/", resources, budget=150_000)
    assert problem is not None
    assert "transfers 161.0 kB (budget 150.0 kB)" in problem
    assert problem.index("r1.js") < problem.index("r2.js") < problem.index("r0.js")


def test_weight_problem_is_none_within_the_budget():
    assert weight_problem("", [Resource(PAGE_URL, "page", 149_999)], budget=150_000) is None


def test_weight_problem_names_what_it_could_not_weigh():
    resources = [Resource(PAGE_URL, "page", 10), Resource("https://fonts.example/x.css", "stylesheet", None)]
    assert "https://fonts.example/x.css" in weight_problem("", resources)


def test_referenced_resources_follow_what_a_browser_loads_and_skip_the_rest():
    html = """<head>
      <link rel="canonical" href="https://example.org/">
      <link rel="alternate" hreflang="fi" href="../../events/">
      <link rel="alternate" type="application/rss+xml" href="../feed.xml">
      <link rel="icon" href="../../images/favicon.svg">
      <link rel="stylesheet" href="../../assets/main.css">
      <link rel="preload" as="font" href="../../fonts/a.woff2">
      <script id="__config" type="application/json">{"search": "worker.js"}</script>
      <script src="../../assets/bundle.js"></script></head>
      <body><img src="../../images/logo.svg"><img src="data:image/png;base64,AAAA">
      <a href="../../search/search_index.json">index</a></body>"""
    root = "http://127.0.0.1:8000/digital-declaration/"
    assert referenced_resources(html, PAGE_URL) == [
        ("icon", root + "images/favicon.svg"),
        ("stylesheet", root + "assets/main.css"),
        ("font", root + "fonts/a.woff2"),
        ("script", root + "assets/bundle.js"),
        ("image", root + "images/logo.svg"),
    ]


def test_fonts_in_css_resolve_against_the_stylesheet():
    css = "@font-face{src:url('../fonts/a.woff2') format('woff2'),url(b.ttf)}.x{background:url(i.png)}"
    assert fonts_in_css(css, "http://h/s/css/site.css") == [("font", "http://h/s/fonts/a.woff2"), ("font", "http://h/s/css/b.ttf")]


def test_render_blocking_from_other_origins_ignores_async_deferred_and_own_resources():
    html = """<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">
      <link rel="stylesheet" href="../../assets/main.css">
      <script src="https://cdn.example/sync.js"></script>
      <script src="https://cdn.example/a.js" async></script>
      <script src="https://cdn.example/d.js" defer></script>
      <script src="https://cdn.example/m.js" type="module"></script>"""
    assert render_blocking_from_other_origins(html, PAGE_URL) == [
        "https://fonts.googleapis.com/css?family=Roboto", "https://cdn.example/sync.js"]


def test_images_without_size_finds_a_missing_width_or_height():
    html = '<img src="a.svg" width="10" height="10"><img src="b.svg" width="10"><img src="c.svg" height="">'
    assert images_without_size(html) == ['<img src="b.svg" width="10"/>', '<img height="" src="c.svg"/>']
