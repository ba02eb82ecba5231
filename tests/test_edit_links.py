"""Edit links: on Events and Partners, "Edit this page" opens the data file; a second link the page text."""

from __future__ import annotations

import sys

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGE_PREFIX, LANGUAGES, PAGES, ROOT, TEST_REPO_URL

sys.path.insert(0, str(ROOT / "hooks"))

from _data_pages import page_name  # noqa: E402
from edit_links import data_edit_url  # noqa: E402

REPO = TEST_REPO_URL
DATA_FILES = {"events/": "events.yml", "partners/": "partners.yml"}
TEXT_LINK = {"fi": "Muokkaa sivun tekstiä", "en": "Edit the page text"}


def edit_links(site, page: str) -> list[tuple[str, str]]:
    doc = BeautifulSoup(site.html(page), "html.parser")
    return [(a["href"], a.get_text(" ", strip=True)) for a in doc.select(".site-page-history a[rel=edit]")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", list(DATA_FILES))
def test_data_pages_edit_their_data_file_then_their_text(site, lang, page):
    name = page.strip("/")
    assert edit_links(site, LANGUAGE_PREFIX[lang] + page) == [
        (f"{REPO}/edit/main/data/{DATA_FILES[page]}", {"fi": "Muokkaa tätä sivua", "en": "Edit this page"}[lang]),
        (f"{REPO}/edit/main/docs/{name}.{lang}.md", TEXT_LINK[lang]),
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", [p for p in PAGES if p not in DATA_FILES])
def test_other_pages_keep_one_edit_link_to_their_text(site, lang, page):
    name = page.strip("/") or "index"
    links = edit_links(site, LANGUAGE_PREFIX[lang] + page)
    assert [href for href, _ in links] == [f"{REPO}/edit/main/docs/{name}.{lang}.md"]


def test_data_edit_url_is_taken_relative_to_the_docs_folder(tmp_path):
    docs, data = tmp_path / "site/docs", tmp_path / "site/data"
    url = data_edit_url("https://git.example/o/r/edit/main/site/docs/guides/a.fi.md", docs, data / "events.yml", "guides/a.fi.md")
    assert url == "https://git.example/o/r/edit/main/site/data/events.yml"


@pytest.mark.parametrize("src,name", [("events.fi.md", "events"), ("events.md", "events"), ("guides/setup.en.md", "guides/setup")])
def test_page_name_drops_the_language(src, name):
    assert page_name(src) == name
