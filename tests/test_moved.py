"""Renamed pages (hooks/moved.py): the old address leads to the new page, in each language."""

from __future__ import annotations

import base64
import hashlib
import sys
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, build_site, copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from moved import moved_pages_problems, page_address  # noqa: E402


def renamed(root, old: str, new: str, moved: str = "") -> None:
    """The copy with a page's files renamed, the menu and the links changed, and `moved` as
    mkdocs.yml's extra.moved_pages (as a maintainer does it)."""
    for locale in ("fi", "en"):
        (root / "docs" / f"{old}.{locale}.md").rename(root / "docs" / f"{new}.{locale}.md")
    for path in [root / "mkdocs.yml", *(root / "docs").glob("*.md")]:
        path.write_text(path.read_text("utf-8").replace(f"{old}.md", f"{new}.md"), "utf-8")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("  moved_pages: {}\n", f"  moved_pages:\n{moved}"), "utf-8")


@pytest.fixture(scope="module")
def moved_site(tmp_path_factory):
    root = copy_site(tmp_path_factory.mktemp("moved"))
    renamed(root, "themes", "aims", "    themes: aims\n")
    result = build_site(root / "site", "https://site.invalid/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.mark.parametrize("prefix,title,words", [("", "Sivu on siirtynyt", "Sivu on nyt osoitteessa"),
                                                ("en/", "This page has moved", "The page is now at")])
def test_the_old_address_sends_readers_to_the_new_page(moved_site, prefix, title, words):
    """Session 33b: a renamed page's old address, in bookmarks, search results and other sites,
    became the 404 page."""
    doc = BeautifulSoup((moved_site / prefix / "themes/index.html").read_text("utf-8"), "html.parser")
    assert doc.html["lang"] == (prefix.rstrip("/") or "fi")
    assert doc.select_one('meta[http-equiv="refresh"]')["content"] == "0; url=../aims/"
    assert doc.select_one('link[rel="canonical"]')["href"] == f"https://site.invalid/x/{prefix}aims/"
    assert doc.select_one('meta[name="robots"]')["content"] == "noindex"
    assert "script-src 'self'" in doc.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    assert doc.h1.get_text() == title
    link = doc.select_one("main a")
    assert link["href"] == "../aims/" and doc.select_one("main p").get_text().startswith(words)
    assert link.get_text() == BeautifulSoup((moved_site / prefix / "aims/index.html").read_text("utf-8"),
                                            "html.parser").h1.get_text(strip=True)
    # Its one script, which keeps a link's #place, runs by its hash; nothing else could run.
    policy = doc.select_one('meta[http-equiv="Content-Security-Policy"]')["content"]
    [script] = doc.find_all("script")
    digest = base64.b64encode(hashlib.sha256(script.string.encode("utf-8")).digest()).decode("ascii")
    assert f"'sha256-{digest}'" in policy and "unsafe-inline" not in policy
    sitemap = (moved_site / "sitemap.xml").read_text("utf-8")
    assert "/themes/" not in sitemap and "/aims/" in sitemap


def test_a_browser_lands_on_the_new_page(moved_site, browser):
    context = browser.new_context()
    page = context.new_page()

    def serve(route):
        path = urlsplit(route.request.url).path.removeprefix("/x/")
        file = moved_site / path / "index.html" if path.endswith("/") or not path else moved_site / path
        if urlsplit(route.request.url).hostname == "site.invalid" and file.is_file():
            route.fulfill(status=200, path=str(file))
        else:
            route.abort()

    page.route("**/*", serve)
    violations = []
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto("https://site.invalid/x/en/themes/")
    page.wait_for_url("https://site.invalid/x/en/aims/")
    assert page.locator("h1").first.inner_text() == "Themes"
    # An old link to a section leads to the same section of the new page.
    section = page.locator("main h2[id]").first.get_attribute("id")
    page.goto(f"https://site.invalid/x/themes/#{section}")
    page.wait_for_url(f"https://site.invalid/x/aims/#{section}")
    assert violations == []
    context.close()


def test_a_map_that_does_not_fit_the_pages_is_told(tmp_path):
    docs = ROOT / "docs"
    assert moved_pages_problems({"themes": "aims", "uutiset": "declaration", "a b": "c", "vanha": "themes"},
                                docs, ("fi", "en")) == [
        "themes: docs/themes.*.md is still a page of the site; an old name is one whose files were renamed",
        "themes: aims: the new page has no file docs/aims.fi.md, docs/aims.en.md",
        "'a b': 'c': expected page names as the files are named without their language, like 'themes: aims' for "
        "docs/aims.fi.md",
        "vanha: themes: themes moved too, to aims; name the page's last name",
    ]


def test_a_bad_map_stops_the_build_without_a_traceback(tmp_path):
    root = copy_site(tmp_path)
    renamed(root, "themes", "aims", "    themes: teemat\n")
    result = build_site(root / "site", "https://site.invalid/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "mkdocs.yml: extra.moved_pages has problems:\n  themes: teemat: the new page has no file docs/teemat.fi.md" in output


def test_a_folders_index_page_is_at_its_folders_address():
    """Hunt 33e: a move to news/index would have sent readers to news/index/, which does not exist."""
    assert [page_address(name) for name in ("aims", "news/index", "index", "news/item")] == [
        "aims/", "news/", "", "news/item/"]
