"""Open data: events.json and partners.json as built, and the Open data page that lists the files."""

from __future__ import annotations

import json
import sys
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, SOURCE_DATE_EPOCH, build_site
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))

from _data import Moment, load_site_data  # noqa: E402
from _opendata import iso_moment  # noqa: E402

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
HOSTILE = '</script><img src=x onerror=alert(1)>'
TIMED_EVENTS = f"""
  - id: timed-helsinki-2019
    title: {{fi: "{HOSTILE}", en: "Timed in Helsinki"}}
    start: 2019-04-25T09:30
    end: 2019-04-25T16:00
    timezone: Europe/Helsinki
    location: {{fi: Helsinki, en: Helsinki}}
    description: {{fi: "{HOSTILE}", en: "{HOSTILE}"}}
    sources: [kuntalehti-2019-02]
  - id: timed-london-2019
    title: {{fi: Lontoossa, en: In London}}
    start: 2019-02-13T18:00
    timezone: Europe/London
    location: {{fi: Lontoo, en: London}}
    sources: [kuntalehti-2019-02]
"""


def load(site, name: str) -> dict:
    return json.loads((site.dir / name).read_text(encoding="utf-8"))


def site_data():
    return load_site_data(ROOT / "data", ROOT / "docs", LANGUAGES, ROOT)


def built_file(site_dir: Path, site_url: str, url: str) -> Path:
    """The file in `site_dir` an absolute or page-relative-resolved URL of the site points to."""
    assert url.startswith(site_url), f"{url} is outside the site {site_url}"
    path = urlsplit(url[len(site_url):]).path
    target = site_dir / path
    return target / "index.html" if path == "" or path.endswith("/") else target


def assert_anchor(site_dir: Path, site_url: str, url: str) -> None:
    page = built_file(site_dir, site_url, url)
    assert page.is_file(), f"{url}: no page {page}"
    anchor = urlsplit(url).fragment
    assert BeautifulSoup(page.read_text("utf-8"), "html.parser").find(id=anchor), f"{url}: no element with id {anchor!r}"


# ---------------------------------------------------------------- the real build


@pytest.mark.parametrize("name,key", [("events.json", "events"), ("partners.json", "partners")])
def test_data_files_are_published_with_licence_languages_and_build_time(site, name, key):
    document = load(site, name)
    assert document["licence"] == LICENCE
    assert document["languages"] == list(LANGUAGES)
    assert document["generated"] == datetime.fromtimestamp(int(SOURCE_DATE_EPOCH), timezone.utc).isoformat()
    assert isinstance(document[key], list) and document[key]
    # No schema is in data/schemas/ yet, so none is referenced (a dangling reference would mislead).
    assert ("source_schema" in document) == (ROOT / "data/schemas" / f"{key}.schema.json").is_file()


def test_events_json_holds_every_event_in_every_language(site):
    events = {e["id"]: e for e in load(site, "events.json")["events"]}
    data = site_data()
    assert set(events) == {e.id for e in data.events}
    for event in data.events:
        published = events[event.id]
        assert published["title"] == event.title
        assert published["location"] == event.location
        assert published["description"] == event.description
        assert published["precision"] == event.precision
        assert published["timezone"] == (event.timezone or "Europe/Helsinki")


def test_partners_json_holds_every_partner_in_every_language(site):
    partners = {p["id"]: p for p in load(site, "partners.json")["partners"]}
    data = site_data()
    assert set(partners) == {p.id for p in data.partners}
    for partner in data.partners:
        assert partners[partner.id]["name"] == partner.name
        assert partners[partner.id]["url"] == partner.url
        assert partners[partner.id]["city"] == partner.city


def test_dates_keep_the_precision_the_editor_gave(site):
    events = {e["id"]: e for e in load(site, "events.json")["events"]}
    assert events["mayors-meet-london-2019"]["start"] == "2019-02-13"
    assert events["mayors-meet-london-2019"]["precision"] == "day"
    assert events["declaration-signed-2019"]["start"] == "2019-02"
    assert events["declaration-signed-2019"]["precision"] == "month"


@pytest.mark.parametrize("name,key", [("events.json", "events"), ("partners.json", "partners")])
def test_every_entry_links_to_its_anchor_on_its_page_in_each_language(site, name, key):
    for entry in load(site, name)[key]:
        assert set(entry["page_url"]) == set(LANGUAGES)
        for lang, url in entry["page_url"].items():
            assert url.startswith(site.url + LANGUAGE_PREFIX[lang] + key + "/#"), url
            assert_anchor(site.dir, site.url, url)


def test_data_files_are_sorted_and_stable(site):
    text = (site.dir / "events.json").read_text("utf-8")
    document = json.loads(text)
    assert text == json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    ids = [p["id"] for p in load(site, "partners.json")["partners"]]
    assert ids == sorted(ids)


def test_iso_moments_carry_an_offset_only_with_a_time():
    assert iso_moment(Moment("time", datetime(2019, 4, 25, 9, 30)), "Europe/Helsinki") == "2019-04-25T09:30:00+03:00"
    assert iso_moment(Moment("time", datetime(2019, 2, 13, 18, 0)), "Europe/London") == "2019-02-13T18:00:00+00:00"
    assert iso_moment(Moment("day", datetime(2019, 2, 13)), "Europe/London") == "2019-02-13"
    assert iso_moment(Moment("month", datetime(2019, 4, 1)), "Europe/Helsinki") == "2019-04"


# ---------------------------------------------------------------- the Open data page


def page_links(site, lang: str) -> dict[str, str]:
    """link text -> href of the file list on the Open data page."""
    page = LANGUAGE_PREFIX[lang] + "open-data/"
    doc = BeautifulSoup(site.html(page), "html.parser")
    return {a.get_text(strip=True): a["href"] for a in doc.select(".site-open-data a")}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_page_lists_every_file_with_working_relative_links(site, lang):
    links = page_links(site, lang)
    for name in ("events.json", "partners.json", "events.ics", "en/events.ics", "sitemap.xml"):
        assert name in links, f"{lang}: the Open data page does not list {name}: {sorted(links)}"
        href = links[name]
        assert not urlsplit(href).scheme and not href.startswith("/"), f"{name}: {href} is not relative"
        target = built_file(site.dir, site.url, urljoin(site.url + LANGUAGE_PREFIX[lang] + "open-data/", href))
        assert target.is_file() and target.name == name.rsplit("/", 1)[-1], f"{name}: {href} leads to {target}"
    assert links[LICENCE["name"]] == LICENCE["url"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_calendar_is_named_by_its_language_in_the_pages_own(site, lang):
    """Content review 34c: the English page read "Language: Suomi", the Finnish "Kieli: English"."""
    doc = BeautifulSoup(site.html(LANGUAGE_PREFIX[lang] + "open-data/"), "html.parser")
    rows = {row.th.get_text(strip=True): row.select("td")[0].get_text(" ", strip=True)
            for row in doc.select(".site-open-data tr") if row.th and row.th.a and row.th.a.get_text().endswith(".ics")}
    expected = {"fi": ("Kieli: suomi", "Kieli: englanti"), "en": ("Language: Finnish", "Language: English")}[lang]
    assert rows["events.ics"].endswith(expected[0]) and rows["en/events.ics"].endswith(expected[1]), rows


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_page_shows_an_example_with_the_sites_address(site, lang):
    doc = BeautifulSoup(site.html(LANGUAGE_PREFIX[lang] + "open-data/"), "html.parser")
    example = doc.select_one(".site-open-data pre code").get_text()
    assert example.startswith(f"curl -s {site.url}events.json | python3 -c")
    assert f'["title"]["{lang}"]' in example


def test_open_data_comes_before_the_accessibility_statement_in_the_navigation(site):
    for lang, labels in {"fi": ("Avoin data", "Saavutettavuusseloste"), "en": ("Open data", "Accessibility statement")}.items():
        doc = BeautifulSoup(site.html(LANGUAGE_PREFIX[lang]), "html.parser")
        nav = [a.get_text(" ", strip=True) for a in doc.select("nav.md-nav--primary > ul > li > a")]
        assert labels[0] in nav and nav.index(labels[0]) + 1 == nav.index(labels[1]), nav


# ---------------------------------------------------------------- a copied site


@pytest.fixture(scope="module")
def copied_build(tmp_path_factory):
    """A copy with two timed events (one with hostile text) and a schema in data/schemas/."""
    root = copy_site(tmp_path_factory.mktemp("opendata"))
    events = root / "data/events.yml"
    events.write_text(events.read_text("utf-8").rstrip("\n") + "\n" + TIMED_EVENTS, encoding="utf-8")
    (root / "data/schemas").mkdir(exist_ok=True)
    schema = '{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object"}\n'
    (root / "data/schemas/events.schema.json").write_text(schema, encoding="utf-8")
    url = "https://example.org/sub/path/"
    result = build_site(root / "site", url, config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site", url, schema


def test_timed_events_carry_their_utc_offset(copied_build):
    site_dir, _, _ = copied_build
    events = {e["id"]: e for e in json.loads((site_dir / "events.json").read_text("utf-8"))["events"]}
    helsinki, london = events["timed-helsinki-2019"], events["timed-london-2019"]
    assert (helsinki["start"], helsinki["end"], helsinki["timezone"]) == ("2019-04-25T09:30:00+03:00", "2019-04-25T16:00:00+03:00", "Europe/Helsinki")
    assert (london["start"], london["end"], london["precision"]) == ("2019-02-13T18:00:00+00:00", None, "time")
    for event in events.values():
        if event["precision"] == "time":
            assert datetime.fromisoformat(event["start"]).utcoffset() is not None


def test_hostile_text_stays_plain_data(copied_build):
    site_dir, url, _ = copied_build
    text = (site_dir / "events.json").read_text("utf-8")
    event = next(e for e in json.loads(text)["events"] if e["id"] == "timed-helsinki-2019")
    assert event["title"]["fi"] == HOSTILE and event["description"]["en"] == HOSTILE
    assert "&lt;" not in text  # not HTML-escaped: JSON is data, the reader's program decides
    for lang, anchor in event["page_url"].items():
        assert_anchor(site_dir, url, anchor)


def test_schemas_are_published_beside_the_data_and_referenced(copied_build):
    site_dir, url, schema = copied_build
    assert (site_dir / "schemas/events.schema.json").read_text("utf-8") == schema
    # Only the datasets' own: the build refuses any other file in data/schemas/.
    assert sorted(path.name for path in (site_dir / "schemas").iterdir()) == [
        "events.schema.json", "partners.schema.json"]
    assert json.loads((site_dir / "events.json").read_text("utf-8"))["source_schema"] == url + "schemas/events.schema.json"
    assert json.loads((site_dir / "partners.json").read_text("utf-8"))["source_schema"] == url + "schemas/partners.schema.json"
    doc = BeautifulSoup((site_dir / "en/open-data/index.html").read_text("utf-8"), "html.parser")
    hrefs = [a["href"] for a in doc.select(".site-open-data a") if a.get_text(strip=True) == "schemas/events.schema.json"]
    assert hrefs and all(h == "../../schemas/events.schema.json" for h in hrefs)


def test_data_files_are_written_once_per_build_run(tmp_path, monkeypatch):
    """mkdocs-static-i18n runs a pass per language; the files are made in the last one only."""
    import _opendata
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    calls = []
    original = _opendata.to_json
    monkeypatch.setattr(_opendata, "to_json", lambda document: calls.append(sorted(document)) or original(document))
    monkeypatch.setenv("SITE_URL", "https://example.org/once/")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", SOURCE_DATE_EPOCH)
    root = copy_site(tmp_path / "copy")
    build(load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(tmp_path / "site")))
    written = [sorted(json.loads((tmp_path / "site" / name).read_text("utf-8"))) for name in ("events.json", "partners.json")]
    assert sorted(calls) == written, "events.json and partners.json should each be made once"
