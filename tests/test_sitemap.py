"""sitemap.xml: each page's lastmod is its last change in git, not the build date."""

from __future__ import annotations

import gzip
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from pathlib import Path

import pytest

from conftest import LANGUAGE_PREFIX, ROOT, build_site, git
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))

from _sitemap import with_lastmod  # noqa: E402

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
DATA_PAGES = {"events": "data/events.yml", "partners": "data/partners.yml"}


def lastmods(site_dir: Path) -> dict[str, str | None]:
    root = ElementTree.parse(site_dir / "sitemap.xml").getroot()
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def git_date(repo: Path, *paths: str) -> datetime | None:
    """The newest commit date among `paths`, as git reports it, the first parent only."""
    dates = []
    for path in paths:
        out = subprocess.run(["git", "-C", str(repo), "log", "-1", "--first-parent", "--format=%cI", "--", path],
                             capture_output=True, text=True, check=True).stdout.strip()
        if out:
            dates.append(datetime.fromisoformat(out))
    return max(dates) if dates else None


def sources(url: str, site_url: str) -> tuple[str, ...]:
    """The source files of a page URL: docs/<name>.<lang>.md, and its data file."""
    path = url[len(site_url):]
    lang = "en" if path.startswith("en/") else "fi"
    name = path[len(LANGUAGE_PREFIX[lang]):].strip("/") or "index"
    return (f"docs/{name}.{lang}.md", *([DATA_PAGES[name]] if name in DATA_PAGES else []))


def test_real_build_dates_each_page_by_its_last_commit(site):
    if not (subprocess.run(["git", "-C", str(ROOT), "rev-parse", "HEAD"], capture_output=True).returncode == 0):
        pytest.fail("the repository's git history is needed: run the tests in a git checkout")
    dates = lastmods(site.dir)
    assert len(dates) == 2 * len(list((ROOT / "docs").glob("*.fi.md")))
    for url, lastmod in dates.items():
        expected = git_date(ROOT, *sources(url, site.url))
        assert (datetime.fromisoformat(lastmod) if lastmod else None) == expected, url


def test_the_gzip_copy_matches_the_sitemap(site):
    assert gzip.decompress((site.dir / "sitemap.xml.gz").read_bytes()) == (site.dir / "sitemap.xml").read_bytes()


def test_dates_follow_a_fresh_repository(tmp_path):
    """Pages committed on known dates; the data file moves its page's date; no history, no date."""
    root = copy_site(tmp_path / "repo")
    url = "https://example.org/x/"
    without_git = build_site(tmp_path / "nogit", url, config=root / "mkdocs.yml")
    assert without_git.returncode == 0, without_git.stderr
    assert set(lastmods(tmp_path / "nogit").values()) == {None}, "a page without history got a date"

    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "first", date="2019-01-01T10:00:00+02:00")
    (root / "docs/themes.en.md").write_text((root / "docs/themes.en.md").read_text("utf-8") + "\nMore.\n", encoding="utf-8")
    git(root, "commit", "-qam", "themes", date="2019-03-01T12:00:00+00:00")
    (root / "data/events.yml").write_text((root / "data/events.yml").read_text("utf-8") + "\n", encoding="utf-8")
    git(root, "commit", "-qam", "events", date="2019-05-01T08:00:00+03:00")
    result = build_site(tmp_path / "site", url, config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr

    dates = lastmods(tmp_path / "site")
    assert dates[url + "en/themes/"] == "2019-03-01T12:00:00+00:00"
    assert dates[url + "themes/"] == "2019-01-01T10:00:00+02:00"
    assert dates[url + "events/"] == dates[url + "en/events/"] == "2019-05-01T08:00:00+03:00"
    assert dates[url + "partners/"] == "2019-01-01T10:00:00+02:00"
    assert gzip.decompress((tmp_path / "site/sitemap.xml.gz").read_bytes()) == (tmp_path / "site/sitemap.xml").read_bytes()


def test_with_lastmod_sets_replaces_and_removes():
    xml = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
  <url><loc>https://e.org/a/</loc><lastmod>2026-11-27</lastmod><changefreq>daily</changefreq></url>
  <url><loc>https://e.org/b/</loc><changefreq>daily</changefreq><xhtml:link rel="alternate" hreflang="en" href="https://e.org/en/b/"/></url>
</urlset>"""
    when = datetime.fromisoformat("2019-02-13T10:00:00+00:00")
    out = with_lastmod(xml, {"https://e.org/b/": when})
    root = ElementTree.fromstring(out)
    a, b = root.findall("s:url", NS)
    assert a.find("s:lastmod", NS) is None
    assert [child.tag.split("}")[1] for child in b] == ["loc", "lastmod", "changefreq", "link"]
    assert b.findtext("s:lastmod", namespaces=NS) == "2019-02-13T10:00:00+00:00"
    assert b"xmlns:xhtml" in out and b"<xhtml:link" in out


def test_a_build_without_site_url_publishes_no_sitemap_and_writes_no_none(tmp_path):
    """Session 32b: a local `mkdocs build` without SITE_URL wrote "None" for the site's address
    into sitemap.xml and the listings' JSON-LD ("None#event-…")."""
    out = tmp_path / "site"
    result = build_site(out, "")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (out / "sitemap.xml").exists() and not (out / "sitemap.xml.gz").exists()
    written = [path for path in out.rglob("*") if path.suffix in (".html", ".json", ".ics", ".xml", ".txt")
               and '"None' in path.read_text("utf-8", errors="replace")]
    assert written == []
    assert '"@id": "#event-' in (out / "events" / "index.html").read_text("utf-8")
