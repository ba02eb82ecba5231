"""Preview builds (SITE_PREVIEW=<label>): noindex everywhere, a banner, no sitemap, links kept inside."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGE_PREFIX, all_pages, build_site
from conftest import copy_site

LABEL = 'pr-12 <b>&"'
PREVIEW_URL = "https://preview.example.org/digital-declaration/previews/pr-12/"
BANNERS = {"fi": f"Esikatselu: {LABEL} – ei julkaistu sivusto", "en": f"Preview: {LABEL} – not the published site"}
URL_ATTRIBUTES = ("href", "src", "action", "content", "srcset", "poster")


# A pull request's new page. Its place in the navigation is in mkdocs.yml, which a preview
# takes from main (tools/preview_tree.py), so the preview has the page without a nav entry.
NEW_PAGE = {"fi": "# Uutiset\n\nUusi sivu.\n", "en": "# News\n\nA new page.\n"}


def add_new_page(root: Path) -> None:
    for lang, body in NEW_PAGE.items():
        title = body.splitlines()[0][2:]
        description = f"{title}, a new page of the site, for trying a preview with a page that is in no menu yet."
        (root / f"docs/news.{lang}.md").write_text(f"---\ntitle: {title}\ndescription: {description}\n---\n{body}", "utf-8")


@pytest.fixture(scope="module")
def preview(tmp_path_factory) -> Path:
    root = copy_site(tmp_path_factory.mktemp("preview"))
    add_new_page(root)
    result = build_site(root / "site", PREVIEW_URL, {"SITE_PREVIEW": LABEL}, root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


def html_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def test_every_page_of_a_preview_is_noindex(preview):
    for path in html_files(preview):
        text = path.read_text("utf-8")
        assert text.count("</head>") == 1 and "&lt;/head&gt;" not in text, f"{path.relative_to(preview)}: the head is broken"
        head = BeautifulSoup(text, "html.parser").head
        robots = head.find_all("meta", attrs={"name": "robots"})
        assert [m["content"] for m in robots] == ["noindex"], f"{path.relative_to(preview)}: {robots}"


@pytest.mark.parametrize("lang,page", all_pages())
def test_every_page_shows_the_banner_in_its_language_with_the_label_as_text(preview, lang, page):
    target = preview / page / "index.html"
    doc = BeautifulSoup(target.read_text("utf-8"), "html.parser")
    banner = doc.select(".md-banner .site-preview-banner")
    assert [b.get_text(strip=True) for b in banner] == [BANNERS[lang]]
    assert not banner[0].find("b"), "the label was read as HTML"


def test_the_404_page_shows_the_banner_in_every_language(preview):
    doc = BeautifulSoup((preview / "404.html").read_text("utf-8"), "html.parser")
    banners = {b["lang"]: b.get_text(strip=True) for b in doc.select(".md-banner .site-preview-banner")}
    assert banners == BANNERS


def test_a_preview_has_no_security_contact_of_its_own(preview):
    assert not (preview / ".well-known").exists()


@pytest.mark.parametrize("lang", LANGUAGE_PREFIX)
def test_a_new_page_not_yet_in_mains_navigation_is_in_the_preview(preview, lang):
    doc = BeautifulSoup((preview / LANGUAGE_PREFIX[lang] / "news/index.html").read_text("utf-8"), "html.parser")
    assert doc.h1.get_text(strip=True) == NEW_PAGE[lang].splitlines()[0][2:]
    assert [b.get_text(strip=True) for b in doc.select(".md-banner .site-preview-banner")] == [BANNERS[lang]]
    assert not doc.select('.md-tabs a[href$="news/"]'), "the menu is main's"


def test_outside_a_preview_a_page_missing_from_the_navigation_stops_the_build(tmp_path):
    root = copy_site(tmp_path / "copy")
    add_new_page(root)
    result = build_site(tmp_path / "site", "https://example.org/", config=root / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/news.fi.md: the page is in no menu: ask a maintainer to add a line such as '- " in result.stderr, result.stderr


def test_a_page_renamed_in_the_pull_request_is_in_its_preview(tmp_path):
    """Session 33f: main's menu, which the preview is built with, still names the old file, and
    no rename could be previewed."""
    root = copy_site(tmp_path / "copy")
    for locale in ("fi", "en"):
        (root / "docs" / f"themes.{locale}.md").rename(root / "docs" / f"aims.{locale}.md")
    for page in (root / "docs").glob("*.md"):
        page.write_text(page.read_text("utf-8").replace("themes.md", "aims.md"), "utf-8")
    result = build_site(root / "site", PREVIEW_URL, {"SITE_PREVIEW": LABEL}, root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert (root / "site/aims/index.html").is_file() and (root / "site/en/aims/index.html").is_file()


def test_a_preview_has_no_sitemap(preview):
    assert not (preview / "sitemap.xml").exists()
    assert not (preview / "sitemap.xml.gz").exists()
    assert (preview / "events.json").is_file()  # the rest of the build is there


def test_the_open_data_page_of_a_preview_does_not_link_the_missing_sitemap(preview):
    doc = BeautifulSoup((preview / "open-data/index.html").read_text("utf-8"), "html.parser")
    assert "sitemap.xml" not in [a.get_text(strip=True) for a in doc.select(".site-open-data a")]


def links_outside(site_dir: Path, site_url: str) -> list[str]:
    """Every URL in the built files that leads to the site's host outside the site's path."""
    host, base = urlsplit(site_url).netloc, urlsplit(site_url).path
    outside = []
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in {".html", ".json", ".ics", ".xml", ".js"} or not path.is_file():
            continue
        text = path.read_text("utf-8", errors="replace")
        # Absolute and protocol-relative URLs (not the calendar's PRODID, "-//host//...").
        for match in re.finditer(rf"(?<![-\w/])(?:https?:)?//{re.escape(host)}(/[^\s\"'<>\\)]*)?", text):
            if not (match.group(1) or "/").startswith(base):
                outside.append(f"{path.relative_to(site_dir)}: {match.group(0)}")
        if path.suffix == ".html":
            page_url = site_url + path.relative_to(site_dir).as_posix()
            for element in BeautifulSoup(text, "html.parser").find_all(True):
                for attribute in URL_ATTRIBUTES:
                    value = element.get(attribute)
                    if not isinstance(value, str) or not value.startswith(("/", ".")):
                        continue
                    resolved = urlsplit(urljoin(page_url, value))
                    if resolved.netloc == host and not resolved.path.startswith(base):
                        outside.append(f"{path.relative_to(site_dir)}: {attribute}={value}")
    return outside


def test_every_link_stays_inside_the_previews_address(preview):
    outside = links_outside(preview, PREVIEW_URL)
    assert not outside, "\n".join(outside[:20])


def test_the_link_check_finds_links_that_leave_the_path(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en/index.html").write_text(
        '<a href="/">root</a><a href="../../x/">up</a><a href="../events/">ok</a>'
        f'<link href="https://{urlsplit(PREVIEW_URL).netloc}/digital-declaration/">', encoding="utf-8")
    (tmp_path / "events.json").write_text('{"u": "//preview.example.org/elsewhere/"}', encoding="utf-8")
    assert sorted(links_outside(tmp_path, PREVIEW_URL)) == [
        "en/index.html: href=../../x/",
        "en/index.html: href=/",
        "en/index.html: https://preview.example.org/digital-declaration/",
        "events.json: //preview.example.org/elsewhere/",
    ]


def test_the_published_site_has_no_preview_marks(site):
    for lang, page in all_pages():
        doc = BeautifulSoup(site.html(page), "html.parser")
        assert not doc.find("meta", attrs={"name": "robots"}), page
        assert not doc.select(".md-banner"), f"{page}: an announce bar on the published site"
    assert (site.dir / "sitemap.xml").is_file() and (site.dir / "sitemap.xml.gz").is_file()
