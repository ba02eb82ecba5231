"""The bilingual site as built: pages, languages, alternates, navigation, search, links."""

from __future__ import annotations

import re
import sys
import urllib.request
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from mkdocs.exceptions import PluginError

from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, SOURCE_DATE_EPOCH, TEST_REPO_URL, all_pages, build_site
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from security_txt import security_txt_fields, valid_days  # noqa: E402

NAV_LABELS = {
    "fi": ["Etusivu", "Julistus", "Teemat", "Kaupungit", "Tapahtumat", "Kumppanit"],
    "en": ["Home", "The declaration", "Themes", "The cities", "Events", "Partners"],
}
SITE_NAMES = {"fi": "Helsingin ja Lontoon digijulistus", "en": "Helsinki–London digital declaration"}


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(page), "html.parser")


@pytest.mark.parametrize("lang,page", all_pages())
def test_every_page_is_built_in_its_language(site, lang, page):
    doc = soup(site, page)
    assert doc.html["lang"] == lang
    assert doc.find("h1"), f"{page}: no h1"
    description = doc.find("meta", attrs={"name": "description"})
    assert description and len(description["content"]) >= 50, f"{page}: no meta description"
    assert SITE_NAMES[lang] in doc.title.string


@pytest.mark.parametrize("lang,page", all_pages())
def test_alternates_point_to_the_counterpart(site, lang, page):
    doc = soup(site, page)
    bare = page[len(LANGUAGE_PREFIX[lang]):]
    links = {l["hreflang"]: l["href"] for l in doc.find_all("link", rel="alternate", hreflang=True)}
    assert links == {
        "fi": site.url + bare,
        "en": site.url + "en/" + bare,
        "x-default": site.url + bare,
    }
    assert doc.find("link", rel="canonical")["href"] == site.url + page


@pytest.mark.parametrize("lang,page", all_pages())
def test_language_switcher_keeps_the_page_and_marks_languages(site, lang, page):
    doc = soup(site, page)
    switcher = doc.select("a[data-site-language]")
    other = "en" if lang == "fi" else "fi"
    assert [a["data-site-language"] for a in switcher] == [other]
    link = switcher[0]
    assert link["lang"] == other and link["hreflang"] == other
    bare = page[len(LANGUAGE_PREFIX[lang]):]
    # Relative, so that it works on any host (a preview, a custom domain, a local server).
    assert urljoin(site.url + page, link["href"]) == site.url + LANGUAGE_PREFIX[other] + bare


@pytest.mark.parametrize("lang", LANGUAGES)
def test_navigation_is_translated(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang])
    for selector in ("nav.md-tabs a.md-tabs__link", "nav.md-nav--primary > ul > li > a"):
        labels = [a.get_text(" ", strip=True) for a in doc.select(selector)]
        for label in NAV_LABELS[lang]:
            assert label in labels, f"{lang}: {selector} lacks {label!r}: {labels}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_ui_strings_are_in_the_page_language(site, lang):
    html = site.html(LANGUAGE_PREFIX[lang] + "declaration/")
    expected = {"fi": ["Siirry sisältöön", "Sivuston haku", "Muokkaa tätä sivua"],
                "en": ["Skip to content", "Site search", "Edit this page"]}[lang]
    for text in expected:
        assert text in html


def test_every_language_table_has_every_site_key():
    tables = {p.stem: p.read_text("utf-8") for p in (ROOT / "overrides/partials/languages").glob("*.html")}
    keys = {lang: set(re.findall(r'"(site\.[a-z0-9_.]+)"', text)) for lang, text in tables.items()}
    assert set(LANGUAGES) <= set(keys)
    reference = keys["en"]
    for lang, found in keys.items():
        assert found == reference, f"{lang}.html differs in site keys: {found ^ reference}"


def test_footer_links_to_accessibility_statement_in_each_language(site):
    for lang, page in all_pages():
        doc = soup(site, page)
        footer = doc.find("footer")
        hrefs = [urljoin(site.url + page, a["href"]) for a in footer.find_all("a", href=True)]
        assert site.url + LANGUAGE_PREFIX[lang] + "accessibility/" in hrefs, page
        assert site.url + LANGUAGE_PREFIX[lang] + "privacy/" in hrefs, page


def test_no_page_without_its_translation():
    stems = {}
    for path in (ROOT / "docs").rglob("*.md"):
        stem, _, lang = path.name[:-3].rpartition(".")
        stems.setdefault(str(path.parent / stem), set()).add(lang)
    for stem, langs in stems.items():
        assert langs == set(LANGUAGES), f"{stem}: {langs}"


def test_missing_translation_stops_the_build(tmp_path):
    copy_site(tmp_path)
    (tmp_path / "docs/themes.en.md").unlink()
    result = build_site(tmp_path / "site", "http://127.0.0.1/x/", config=tmp_path / "mkdocs.yml")
    assert result.returncode != 0
    assert "docs/themes.en.md" in result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_holds_only_its_language(site, lang):
    index = site.search_index(lang)
    assert index["config"]["lang"] == [lang]
    locations = [doc["location"] for doc in index["docs"]]
    assert locations, "empty index"
    assert not any(loc.startswith("en/") for loc in locations)
    titles = {doc["location"]: doc["title"] for doc in index["docs"]}
    home_title = soup(site, LANGUAGE_PREFIX[lang] + "declaration/").find("h1").get_text(strip=True)
    assert titles["declaration/"] == home_title


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_results_show_no_citation_marks(site, lang):
    # Audit 35b: a result read "…carry them out easily.Source 1", with the words for screen readers.
    cited = soup(site, LANGUAGE_PREFIX[lang] + "accessibility/").select("sup.site-cite")
    assert cited, "the accessibility statement cites its sources"
    word = {"fi": "Lähde", "en": "Source"}[lang]
    texts = [doc["text"] for doc in site.search_index(lang)["docs"]]
    assert not [text for text in texts if re.search(rf"{word} \d|<sup>\d", text)]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_config_points_at_the_language_index(site, lang):
    import json
    doc = soup(site, LANGUAGE_PREFIX[lang] + "themes/")
    config = json.loads(doc.find("script", id="__config").string)
    base = urljoin(site.url + LANGUAGE_PREFIX[lang] + "themes/", config["base"] + "/")
    assert base == site.url + LANGUAGE_PREFIX[lang]


def test_sitemap_lists_both_languages(site):
    sitemap = (site.dir / "sitemap.xml").read_text("utf-8")
    for lang, page in all_pages():
        assert site.url + page in sitemap


def test_404_page_carries_every_language(site):
    doc = soup(site, "404.html")
    # Without its script the brand leads to the default language's home (audit 35e: to the
    # language built last).
    assert doc.select_one("a.site-brand")["href"] == urlsplit(site.url).path
    sections = {s["lang"]: s for s in doc.select("section[data-site-404]")}
    assert set(sections) == set(LANGUAGES)
    assert "Sivua ei löytynyt" in sections["fi"].get_text()
    assert "Page not found" in sections["en"].get_text()
    # Served at any depth on GitHub Pages: every local URL must be absolute.
    for tag in doc.find_all(["a", "link", "script", "img"]):
        url = tag.get("href") or tag.get("src")
        if url and not url.startswith(("http", "#", "mailto:")):
            assert url.startswith(urlsplit(site.url).path), f"relative URL on 404 page: {url}"


def test_commitment_anchors_are_shared_by_both_languages(site):
    # The three aims are subheadings of "What the cities agreed".
    ids = {lang: {h.get("id") for h in soup(site, LANGUAGE_PREFIX[lang] + "declaration/").find_all("h3")} for lang in LANGUAGES}
    for anchor in ("commitment-ethical-data-ai", "commitment-knowledge-sharing", "commitment-co-creation"):
        assert all(anchor in found for found in ids.values()), anchor


def test_no_third_party_assets_or_fonts(site):
    for lang, page in all_pages():
        doc = soup(site, page)
        for tag in doc.find_all(["link", "script", "img", "iframe"]):
            url = tag.get("src") or (tag.get("href") if tag.name == "link" and "alternate" not in tag.get("rel", []) and "canonical" not in tag.get("rel", []) else None)
            if url:
                absolute = urljoin(site.url + page, url)
                assert absolute.startswith(site.url), f"{page} loads {url}"
        assert "fonts.googleapis" not in site.html(page)


def _local_targets(site):
    """Every (page, href) pair from the built HTML that points inside the site."""
    for html_path in site.dir.rglob("*.html"):
        page = html_path.relative_to(site.dir).as_posix()
        doc = BeautifulSoup(html_path.read_text("utf-8"), "html.parser")
        base_url = site.url + page
        for tag in doc.find_all(["a", "link", "img", "script"]):
            url = tag.get("href") or tag.get("src")
            if not url or url.startswith(("mailto:", "javascript:")):
                continue
            absolute = urljoin(base_url, url)
            if absolute.startswith(site.url):
                yield page, absolute


def test_all_internal_links_and_anchors_resolve(site):
    ids_cache: dict[Path, set[str]] = {}
    problems = []
    for page, absolute in _local_targets(site):
        if page == "404.html":
            continue
        parts = urlsplit(absolute)
        rel = parts.path[len(urlsplit(site.url).path):]
        target = site.dir / rel
        if rel == "" or rel.endswith("/"):
            target = target / "index.html"
        if not target.is_file():
            problems.append(f"{page}: {absolute} does not exist")
            continue
        if parts.fragment and target.suffix == ".html":
            if target not in ids_cache:
                ids_cache[target] = {t["id"] for t in BeautifulSoup(target.read_text("utf-8"), "html.parser").find_all(id=True)}
            if parts.fragment not in ids_cache[target]:
                problems.append(f"{page}: {absolute} has no anchor #{parts.fragment}")
    assert not problems, "\n".join(problems)


def test_without_a_repository_there_is_no_repository_link_and_no_invented_name(tmp_path):
    root = copy_site(tmp_path)
    result = build_site(root / "site", "http://127.0.0.1/x/", {"REPO_URL": ""}, config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in (root / "site").rglob("*.html"):
        html = path.read_text("utf-8")
        assert "https://github.com/" not in html and "helsinki-london" not in html, path
        assert "/issues" not in html, f"{path}: a feedback link to an issue tracker that does not exist"
    assert not (root / "site" / SECURITY_TXT).exists(), "a security contact nobody checked"


def test_the_repository_comes_from_github_actions(tmp_path):
    root = copy_site(tmp_path)
    result = build_site(root / "site", "http://127.0.0.1/x/",
                        {"REPO_URL": "", "GITHUB_REPOSITORY": "city/declaration-site", "GITHUB_SERVER_URL": "https://github.com"},
                        config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    doc = BeautifulSoup((root / "site/themes/index.html").read_text("utf-8"), "html.parser")
    edit = [a["href"] for a in doc.find_all("a", href=True) if "/edit/" in a["href"]]
    assert edit == ["https://github.com/city/declaration-site/edit/main/docs/themes.fi.md"]
    assert security_txt(root / "site")["Contact"] == "https://github.com/city/declaration-site/security/advisories/new"


@pytest.mark.parametrize("env,expected", [
    ({"REPO_URL": 'https://github.com/a/b"><meta http-equiv=refresh content="0;url=https://evil.example/">'},
     "REPO_URL must be a plain https:// address"),
    ({"REPO_URL": "", "GITHUB_REPOSITORY": 'a/b"><x', "GITHUB_SERVER_URL": "https://github.com"},
     "GITHUB_REPOSITORY must be owner/name"),
])
def test_an_address_from_the_environment_that_is_not_plain_stops_the_build(tmp_path, env, expected):
    """The repository's address goes unescaped into every page's footer: with quotes in it, a
    redirect or a script ran in Chromium. Maintainers set it, but a slip must not publish."""
    root = copy_site(tmp_path)
    result = build_site(root / "site", "http://127.0.0.1/x/", env, config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and expected in output and "Traceback" not in output, output


def test_a_site_address_that_is_not_plain_stops_the_build(tmp_path):
    root = copy_site(tmp_path)
    result = build_site(root / "site", 'http://127.0.0.1/x"><meta http-equiv=refresh content="0;url=https://evil.example/"><x y="/',
                        {"SITE_PREVIEW": "#1"}, config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "SITE_URL must be a plain http:// or https:// address" in output, output
    assert not list((root / "site").rglob("*.html")), "no page is written with the address in it"


# ---------------------------------------------------------------- /.well-known/security.txt (RFC 9116)

SECURITY_TXT = ".well-known/security.txt"


def security_txt(site_dir: Path) -> dict[str, str]:
    """The file's fields; each line is one `Field: value`."""
    lines = (site_dir / SECURITY_TXT).read_text("utf-8").splitlines()
    fields = dict(line.split(": ", 1) for line in lines)
    assert len(fields) == len(lines), lines
    return fields


def test_the_site_says_where_to_report_a_security_problem(site):
    built = datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), tz=timezone.utc)
    assert security_txt(site.dir) == {
        "Contact": f"{TEST_REPO_URL}/security/advisories/new",  # GitHub's private reporting (SECURITY.md)
        "Expires": f"{built + timedelta(days=180):%Y-%m-%dT%H:%M:%SZ}",  # mkdocs.yml extra.security_txt
        "Preferred-Languages": "fi, en",
        "Canonical": site.url + SECURITY_TXT,
        "Policy": f"{TEST_REPO_URL}/security/policy",
    }
    with urllib.request.urlopen(site.url + SECURITY_TXT) as response:
        assert response.headers.get_content_type() == "text/plain"
    sitemap = (site.dir / "sitemap.xml").read_text("utf-8")
    assert "security.txt" not in sitemap


@pytest.mark.parametrize("repository,expected", [
    ("https://github.com/city/site", "https://github.com/city/site/security/advisories/new"),
    ("https://github.example.org/city/site", None),  # not GitHub's reporting form: no address is guessed
    ("https://gitlab.com/city/site", None),
    ("https://github.com/city", None),
    (None, None),
])
def test_the_contact_is_only_an_address_that_exists(repository, expected):
    fields = security_txt_fields(repository, "https://example.org/", datetime(2026, 1, 1, tzinfo=timezone.utc), 180, ["fi", "en"])
    assert (dict(fields)["Contact"] if fields else None) == expected


@pytest.mark.parametrize("setting", [None, {}, "180", {"valid_days": 0}, {"valid_days": 365}, {"valid_days": "180"}, {"valid_days": True}])
def test_a_wrong_validity_in_mkdocs_yml_says_what_is_expected(setting):
    with pytest.raises(PluginError, match=r"^mkdocs.yml: extra.security_txt.valid_days: expected a number of days from 1 to 364, got "):
        valid_days(SimpleNamespace(extra={"security_txt": setting} if setting is not None else {}))


def test_the_only_hidden_path_in_the_site_is_the_security_contact(site):
    # deploy.yml uploads main's site with include-hidden-files, for .well-known/: nothing else
    # starting with a dot may ride along.
    hidden = sorted(path.relative_to(site.dir).as_posix() for path in site.dir.rglob(".*"))
    assert hidden == [".well-known"], hidden
    assert [path.name for path in (site.dir / ".well-known").iterdir()] == ["security.txt"]
