"""The site as a public microsite, checked in the built HTML: the home page, titles, sharing
previews, the readers' chrome (tabs, footer, publisher, edit link), Events and Partners."""

from __future__ import annotations

import re
import sys
from types import SimpleNamespace
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, TEST_REPO_URL, all_pages, build_site
from test_weight import page_resources
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _publisher import read_publisher  # noqa: E402
from contents import section_count  # noqa: E402
from dates import format_moment  # noqa: E402
from home import featured_event  # noqa: E402
from share import og_locale  # noqa: E402

OG_LOCALES = {"fi": "fi_FI", "en": "en_GB"}
AIM_ANCHORS = ["commitment-ethical-data-ai", "commitment-knowledge-sharing", "commitment-co-creation"]
HOME_BUDGET_BYTES = 120_000
SHARE_IMAGE_MAX_BYTES = 300_000


def soup(site, page: str) -> BeautifulSoup:
    return BeautifulSoup(site.html(page), "html.parser")


def meta(doc: BeautifulSoup, key: str) -> str | None:
    tag = doc.find("meta", attrs={"property": key}) or doc.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def site_name(doc: BeautifulSoup) -> str:
    return meta(doc, "og:site_name")


# ---------------------------------------------------------------- home page


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_is_a_landing_page(site, lang):
    page = LANGUAGE_PREFIX[lang]
    doc = soup(site, page)
    name = site_name(doc)
    assert name, "og:site_name is missing"
    hero = doc.select_one(".site-hero")
    assert hero is not None, "the home page has no hero"
    assert hero.find("h1").get_text(strip=True) == name
    assert len(doc.find_all("h1")) == 1
    lead = hero.select_one(".site-hero__lead").get_text(" ", strip=True)
    assert "2019" in lead and "Rusama" in lead and "Blackwell" in lead
    assert "2019" in lead.split(". ")[0], "the first sentence says the declaration dates from 2019"
    # The day is not known: "February 2019" only ever as "at the latest".
    bare = re.sub(r"viimeistään helmikuussa 2019|February 2019 at the latest", "", lead)
    assert not re.search(r"helmi\w* 2019|February 2019", bare), lead
    action = hero.select_one("a.md-button--primary")
    assert action.get_text(strip=True) == {"fi": "Lisää julistuksesta", "en": "About the declaration"}[lang]
    assert urljoin(site.url + page, action["href"]) == site.url + page + "declaration/"
    assert doc.title.string.strip() == name, "the home page's title is the site's name alone"
    # Neither the left column nor the contents column.
    for kind in ("navigation", "toc"):
        sidebar = doc.find("div", attrs={"data-md-type": kind})
        assert sidebar is None or sidebar.has_attr("hidden"), kind


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_links_the_three_aims_as_cards(site, lang):
    page = LANGUAGE_PREFIX[lang]
    doc = soup(site, page)
    cards = doc.select(".site-cards .site-card h3 a")
    targets = [urljoin(site.url + page, a["href"]) for a in cards]
    assert targets[:3] == [site.url + page + "declaration/#" + anchor for anchor in AIM_ANCHORS]
    intro = doc.select_one(".site-cards").find_previous("p").get_text(" ", strip=True)
    assert "Kuntalehti" in intro, "the aims are the magazine's summary and the page says so"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_shows_the_latest_event_from_the_data(listings_site, lang):
    page = LANGUAGE_PREFIX[lang]
    doc = soup(listings_site, page)
    section = doc.select_one(".site-home-event")
    assert section is not None
    # At the tests' build time (November 2026) every event is past: the latest one leads,
    # the same event, with the same date, as the first card of the Events page.
    events = soup(listings_site, page + "events/")
    assert events.select_one("h2#upcoming-events") is None, "nothing upcoming at this build time"
    first = events.select_one("li.site-event")
    card = section.select_one("[data-site-event]")
    assert "event-" + card["data-site-event"] == first["id"]
    assert section.find("h2").get_text(strip=True) == {"fi": "Viimeisin tapahtuma", "en": "Latest event"}[lang]
    assert card.find("time")["datetime"] == first.find("time")["datetime"]
    assert card.find("time").get_text(strip=True) == first.find("time").get_text(strip=True)
    assert card.find("h3").get_text(strip=True) == first.find("h3").get_text(strip=True)
    link = section.find("a", string=re.compile({"fi": "Kaikki tapahtumat", "en": "All events"}[lang]))
    assert urljoin(listings_site.url + page, link["href"]) == listings_site.url + page + "events/"


def test_featured_event_is_the_next_upcoming_else_the_latest_past():
    soon, later, recent, old = (SimpleNamespace(status="scheduled") for _ in range(4))
    assert featured_event([soon, later], [recent, old]) == (soon, True)
    assert featured_event([], [recent, old]) == (recent, False)
    assert featured_event([], []) == (None, False)


def test_a_cancelled_or_postponed_event_is_never_featured():
    cancelled, postponed, held, past = (SimpleNamespace(status=status)
                                        for status in ("cancelled", "postponed", "rescheduled", "scheduled"))
    assert featured_event([cancelled, postponed, held], [past]) == (held, True)
    assert featured_event([cancelled, postponed], [cancelled, past]) == (past, False)
    assert featured_event([cancelled], [postponed]) == (None, False)


def test_home_page_and_what_it_loads_stay_within_120_kb(site):
    for lang in LANGUAGES:
        resources = page_resources(site.url + LANGUAGE_PREFIX[lang])
        total = sum(r.transferred for r in resources)
        assert total <= HOME_BUDGET_BYTES, f"{lang} home page transfers {total} bytes: {[(r.url, r.transferred) for r in resources]}"


# ---------------------------------------------------------------- titles and sharing


@pytest.mark.parametrize("lang,page", all_pages())
def test_titles_are_page_then_site(site, lang, page):
    doc = soup(site, page)
    name = site_name(doc)
    if page == LANGUAGE_PREFIX[lang]:
        assert doc.title.string.strip() == name
    else:
        h1 = doc.find("h1").get_text(strip=True)
        title = doc.title.string.strip()
        assert title.endswith(" – " + name) and title != name, title
        assert meta(doc, "og:title") == title[: -len(" – " + name)]
        assert h1


@pytest.mark.parametrize("lang,page", all_pages())
def test_every_page_has_sharing_tags(site, lang, page):
    doc = soup(site, page)
    canonical = doc.find("link", rel="canonical")["href"]
    assert meta(doc, "og:url") == canonical
    assert meta(doc, "og:type") in {"website", "article"}
    assert meta(doc, "og:title") and meta(doc, "og:description") == meta(doc, "description")
    assert meta(doc, "og:locale") == OG_LOCALES[lang]
    alternates = [m["content"] for m in doc.find_all("meta", attrs={"property": "og:locale:alternate"})]
    assert alternates == [OG_LOCALES[other] for other in LANGUAGES if other != lang]
    assert meta(doc, "twitter:card") == "summary_large_image"
    assert meta(doc, "og:image:alt") == site_name(doc)
    assert meta(doc, "theme-color")
    image = meta(doc, "og:image")
    assert image.startswith(site.url) and image == meta(doc, "twitter:image")
    path = site.dir / image[len(site.url):]
    assert path.is_file(), f"{page}: og:image {image} is not in the site"
    assert path.stat().st_size < SHARE_IMAGE_MAX_BYTES
    with Image.open(path) as png:
        assert png.format == "PNG" and png.size == (1200, 630)
        # The name drawn in the image is stored beside it; an old image means: run tools/make_images.py.
        assert png.text.get("Title") == site_name(doc), f"{path.name} shows an old name: run tools/make_images.py"


@pytest.mark.parametrize("file,size", [("favicon-32.png", 32), ("apple-touch-icon.png", 180)])
def test_png_icons_are_linked_and_sized(site, file, size):
    doc = soup(site, "en/events/")
    rels = {"favicon-32.png": "icon", "apple-touch-icon.png": "apple-touch-icon"}
    link = [l for l in doc.find_all("link", rel=rels[file]) if l["href"].endswith(file)]
    assert link, f"no <link rel={rels[file]}> for {file}"
    target = urljoin(site.url + "en/events/", link[0]["href"])
    with Image.open(site.dir / target[len(site.url):]) as png:
        assert png.format == "PNG" and png.size == (size, size)


def test_sharing_values_are_escaped(tmp_path):
    # Material's templates are not autoescaped; the sharing partial and the title are: a
    # quote in a description must not end the attribute, nor a title end the <title>.
    hostile = 'Quote " and <script>alert(1)</script> & more, long enough for a description.'
    hostile_title = "Themes </title><script>alert(2)</script>"
    root = copy_site(tmp_path)
    page = root / "docs/themes.en.md"
    text = page.read_text("utf-8")
    text = re.sub(r"(?m)^description: .*$", "description: '" + hostile.replace("'", "''") + "'", text, count=1)
    text = re.sub(r"(?m)^title: .*$", "title: '" + hostile_title + "'", text, count=1)
    page.write_text(text, "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    doc = BeautifulSoup((root / "site/en/themes/index.html").read_text("utf-8"), "html.parser")
    assert meta(doc, "og:description") == hostile
    assert meta(doc, "twitter:description") == hostile
    assert meta(doc, "og:title") == hostile_title
    assert doc.title.string == hostile_title + " – " + site_name(doc)
    assert "<script>alert(2)" not in (root / "site/en/themes/index.html").read_text("utf-8")


def test_og_locale_adds_the_likely_territory():
    assert og_locale("fi") == "fi_FI"
    assert og_locale("en_GB") == "en_GB"
    assert og_locale("sv") == "sv_SE"


# ---------------------------------------------------------------- readers' chrome


@pytest.mark.parametrize("lang,page", all_pages())
def test_header_has_no_repository_link_or_edit_pencil(site, lang, page):
    doc = soup(site, page)
    header = doc.find("header", class_="md-header")
    assert not header.select(".md-source, a[href*='github.com']"), "repository link in the header"
    assert not doc.select("a.md-content__button"), "edit pencil above the page"
    assert header.select_one(".site-brand__name--short").get_text(strip=True) == {"fi": "Helsinki–Lontoo", "en": "Helsinki–London"}[lang]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_edit_link_is_text_at_the_foot_beside_last_updated(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang] + "themes/")
    foot = doc.select_one(".site-page-history")
    link = foot.select_one("a.site-page-history__edit")
    assert link.get_text(strip=True) == {"fi": "Muokkaa tätä sivua", "en": "Edit this page"}[lang]
    assert link["href"].endswith(f"docs/themes.{lang}.md")
    assert foot.find("time") is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tabs_carry_the_navigation_and_mark_the_current_page(site, lang):
    page = LANGUAGE_PREFIX[lang] + "events/"
    doc = soup(site, page)
    tabs = doc.select("nav.md-tabs a.md-tabs__link")
    assert len(tabs) == len(doc.select("nav.md-nav--primary > ul > li")) > 1
    current = [a for a in tabs if a.get("aria-current") == "page"]
    assert len(current) == 1 and urljoin(site.url + page, current[0]["href"]) == site.url + page


@pytest.mark.parametrize("lang,page,expect_toc", [
    (lang, LANGUAGE_PREFIX[lang] + page, toc)
    for lang in LANGUAGES
    for page, toc in (("events/", False), ("partners/", False), ("declaration/", True))
])
def test_contents_column_only_on_pages_with_three_sections(site, lang, page, expect_toc):
    doc = soup(site, page)
    toc = doc.find("div", attrs={"data-md-type": "toc"})
    assert (not toc.has_attr("hidden")) == expect_toc, page


def test_section_count_counts_h2_at_any_depth():
    class Item:
        def __init__(self, level, children=()):
            self.level, self.children = level, list(children)

    assert section_count([Item(1, [Item(2), Item(2, [Item(3)])])]) == 2
    assert section_count([Item(2), Item(2), Item(2)]) == 3
    assert section_count([]) == 0


@pytest.mark.parametrize("lang,page", all_pages())
def test_footer_names_the_publishers_and_links_what_every_page_needs(site, lang, page):
    doc = soup(site, page)
    footer = doc.find("footer")
    text = footer.get_text(" ", strip=True)
    names = {"fi": ["Helsingin kaupunki", "Suur-Lontoon hallinto (Greater London Authority)"],
             "en": ["City of Helsinki", "Greater London Authority"]}[lang]
    for name in names:
        assert name in text
    assert footer.select_one(".site-footer__copyright").get_text(" ", strip=True) == "© " + {"fi": " ja ", "en": " and "}[lang].join(names)
    links = {a.get_text(" ", strip=True): urljoin(site.url + page, a["href"]) for a in footer.select(".site-footer-links a")}
    labels = {"fi": ("Saavutettavuusseloste", "Tietosuoja", "Lähdekoodi"), "en": ("Accessibility statement", "Privacy", "Source code")}[lang]
    assert links[labels[0]] == site.url + LANGUAGE_PREFIX[lang] + "accessibility/"
    assert links[labels[1]] == site.url + LANGUAGE_PREFIX[lang] + "privacy/"
    assert links[labels[2]] == TEST_REPO_URL
    # The account-free feedback channel of extra.publisher, not one that needs a GitHub account.
    assert links[{"fi": "Anna palautetta", "en": "Give feedback"}[lang]] == "https://hel.fi/palaute"
    assert not [label for label in links if "GitHub" in label]


@pytest.mark.parametrize("lang,page", all_pages())
def test_contents_and_search_add_no_navigation_landmarks_of_their_own(site, lang, page):
    """A screen reader's list of landmarks names the site's menus once each: Material made
    every heading with subheadings in the contents, and the search's reset button, a
    navigation landmark of its own (hunt 19b)."""
    doc = soup(site, page)
    assert not doc.select(".md-nav--secondary nav, .md-search nav"), page
    assert doc.select(".md-nav--secondary"), page
    # Audit 35b: a navigation named "Header" held the site's name, the language switcher and
    # the search; the search's icons were unnamed images in its landmark.
    header = doc.select_one("header.md-header")
    assert not header.select("nav nav, nav [role=search]") and not header.select("nav:has(.site-brand)"), page
    assert all(label.get("aria-hidden") == "true" for label in header.select("label.md-search__icon")), page


@pytest.mark.parametrize("lang,page", all_pages())
def test_footer_addresses_carry_their_own_language(site, lang, page):
    """A postal address is written in its country's language (WCAG 3.1.2): Helsinki's is
    Finnish on the English pages too, and London's English on the Finnish ones."""
    addresses = {a.get_text(strip=True): a.get("lang") for a in soup(site, page).select("footer .site-footer__address")}
    assert addresses == {"PL 1, 00099 Helsingin kaupunki": None if lang == "fi" else "fi",
                         "City Hall, Kamal Chunchie Way, London E16 1ZE": None if lang == "en" else "en"}


def test_publisher_problems_are_listed_with_their_paths():
    raw = {"short_name": {"fi": "H × L"}, "organisations": [{"name": {"fi": "A", "en": ""}, "url": "http://x"}],
           "feedback_url": "ftp://x"}
    publisher, problems = read_publisher(raw, ("fi", "en"))
    assert publisher is None
    assert problems == [
        "extra.publisher.short_name.en: expected text, got nothing",
        "extra.publisher.organisations[0].name.en: expected text, got nothing",
        "extra.publisher.organisations[0].url: expected a link starting with https://, got 'http://x'",
        "extra.publisher.feedback_url: expected a link starting with https:// or mailto:, got 'ftp://x'",
    ]


def test_publisher_address_language_must_be_a_language_code():
    raw = {"short_name": {"fi": "H", "en": "H"}, "feedback_url": "",
           "organisations": [{"name": {"fi": "A", "en": "A"}, "address": "PL 1", "address_language": "Finnish"},
                             {"name": {"fi": "B", "en": "B"}, "address_language": "fi"}]}
    publisher, problems = read_publisher(raw, ("fi", "en"))
    assert problems == [
        "extra.publisher.organisations[0].address_language: expected a language code such as fi or en, got 'Finnish'",
        "extra.publisher.organisations[1].address_language: expected an address to go with it, got none",
    ]


def test_publisher_without_addresses_or_feedback_is_fine():
    raw = {"short_name": {"fi": "H", "en": "H"}, "organisations": [{"name": {"fi": "A", "en": "A"}}], "feedback_url": ""}
    publisher, problems = read_publisher(raw, ("fi", "en"))
    assert problems == [] and publisher.feedback_url is None and publisher.organisations[0].address is None


@pytest.mark.parametrize("lang,page", all_pages())
def test_language_switcher_link_is_relative_and_lands_on_the_counterpart(site, lang, page):
    doc = soup(site, page)
    other = "en" if lang == "fi" else "fi"
    link = doc.select_one(f"a[data-site-language={other}]")
    assert not urlsplit(link["href"]).scheme and not link["href"].startswith("/"), link["href"]
    bare = page[len(LANGUAGE_PREFIX[lang]):]
    assert urljoin(site.url + page, link["href"]) == site.url + LANGUAGE_PREFIX[other] + bare


@pytest.mark.parametrize("lang,page", all_pages())
def test_print_heading_carries_name_publishers_and_address(site, lang, page):
    doc = soup(site, page)
    masthead = doc.select_one(".site-print-masthead")
    text = masthead.get_text(" ", strip=True)
    assert site_name(doc) in text
    assert {"fi": "Helsingin kaupunki", "en": "City of Helsinki"}[lang] in text
    assert doc.find("link", rel="canonical")["href"] in text
    assert masthead.select_one("[data-site-print-date]") is not None


# ---------------------------------------------------------------- events and partners


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_page_leads_with_past_events_when_none_are_upcoming(listings_site, lang):
    doc = soup(listings_site, LANGUAGE_PREFIX[lang] + "events/")
    listing = doc.select_one(".site-events")
    headings = [h["id"] for h in listing.find_all("h2")]
    assert headings == ["past-events", "calendar"], "no empty 'upcoming' heading"
    none = listing.select_one(".site-events__none")
    assert none.get_text(strip=True) == {"fi": "Tulevia tapahtumia ei ole tällä hetkellä tiedossa.",
                                         "en": "No upcoming events have been announced at the moment."}[lang]
    assert none.find_next("h2")["id"] == "past-events"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_events_page_offers_download_and_subscription(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang] + "events/")
    download = doc.select_one('a[type="text/calendar"]')
    assert download.get_text(strip=True) == {"fi": "Lataa tapahtumat kalenteriin (.ics)", "en": "Download the events (.ics)"}[lang]
    subscribe = doc.select_one("a[data-site-subscribe]")
    feed = urljoin(site.url + LANGUAGE_PREFIX[lang] + "events/", download["href"])
    assert subscribe["href"] == "webcal://" + feed.split("://", 1)[1]
    assert subscribe.get_text(strip=True).startswith({"fi": "Tilaa", "en": "Subscribe"}[lang])
    assert "Tilaa" not in download.get_text()
    updated = doc.select_one(".site-events__generated").get_text(" ", strip=True)
    assert updated == {"fi": "Luettelo päivitetty 25. marraskuuta 2026", "en": "List last updated 25 November 2026"}[lang]
    # The list's date and the page's own "last updated" date read alike (one format per language).
    long_date = {"fi": r"\d{1,2}\. [a-zä]+kuuta \d{4}", "en": r"\d{1,2} [A-Z][a-z]+ \d{4}"}[lang]
    for time in (doc.select_one(".site-events__generated time"), doc.select_one(".site-page-history time")):
        assert re.fullmatch(long_date, time.get_text(strip=True)), time


def test_update_line_dates_in_each_language():
    moment = "2026-11-27T23:30:00+00:00"  # already 28 November in Helsinki
    assert format_moment(moment, "long", "Europe/Helsinki", "fi") == "28. marraskuuta 2026"
    assert format_moment(moment, "long", "Europe/London", "en_GB") == "27 November 2026"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_event_card_repeats_a_sentence(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang] + "events/")
    for card in doc.select("li.site-event"):
        sentences = [s.strip() for s in re.split(r"(?<=\.)\s+", card.get_text(" ", strip=True)) if s.strip().endswith(".")]
        repeated = {s for s in sentences if sentences.count(s) > 1}
        assert not repeated, f"{card['id']} repeats {repeated}"
        notes = card.select(".site-event__note")
        description = card.find("p")
        assert not (notes and description), f"{card['id']}: a note beside a description"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_partners_headings_do_not_repeat_the_cards(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang] + "partners/")
    listing = doc.select_one(".site-partners")
    headings = [h.get_text(strip=True) for h in listing.find_all("h2")]
    assert headings == {"fi": ["Julistuksen osapuolet", "Muut organisaatiot, jotka eivät olleet julistuksen osapuolia"],
                        "en": ["Parties to the declaration", "Related organisations, not parties to the declaration"]}[lang]
    cards = [h.get_text(strip=True) for h in listing.find_all("h3")]
    assert not set(headings) & set(cards)
    related = listing.find_all("h2")[1].find_next("ul")
    assert [li["id"] for li in related.select("li.site-partner")] == ["partner-new-york-city"]


def test_bad_publisher_block_stops_the_build_with_every_problem(tmp_path):
    root = copy_site(tmp_path)
    config = (root / "mkdocs.yml").read_text("utf-8")
    config = config.replace("          en: Greater London Authority\n", "", 1)
    config = config.replace("feedback_url: https://hel.fi/palaute", "feedback_url: http://example.org/feedback", 1)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "mkdocs.yml: extra.publisher.organisations[1].name.en: expected text, got nothing" in output
    assert "mkdocs.yml: extra.publisher.feedback_url: expected a link starting with https:// or mailto:" in output
    assert "Traceback" not in output


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_on_the_home_page_lands_on_the_hero(site, lang):
    doc = soup(site, LANGUAGE_PREFIX[lang])
    skip = doc.select_one("a.md-skip")
    heading = doc.select_one(".site-hero h1")
    assert heading.get("id") and skip["href"] == "#" + heading["id"], "the skip link must not jump past the hero"


def test_home_page_shows_the_next_event_when_one_is_upcoming(tmp_path):
    root = copy_site(tmp_path)
    # 1 March 2019: the April event is upcoming, the February ones are past.
    result = build_site(root / "site", "http://127.0.0.1/x/", {"SOURCE_DATE_EPOCH": "1551441600"}, root / "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    for lang in LANGUAGES:
        home = BeautifulSoup((root / "site" / LANGUAGE_PREFIX[lang] / "index.html").read_text("utf-8"), "html.parser")
        events = BeautifulSoup((root / "site" / LANGUAGE_PREFIX[lang] / "events/index.html").read_text("utf-8"), "html.parser")
        section = home.select_one(".site-home-event")
        assert section.find("h2").get_text(strip=True) == {"fi": "Seuraava tapahtuma", "en": "Next event"}[lang]
        upcoming = events.select_one("h2#upcoming-events").find_next("li", class_="site-event")
        assert "event-" + section.select_one("[data-site-event]")["data-site-event"] == upcoming["id"]
        assert [h["id"] for h in events.select(".site-events h2")] == ["upcoming-events", "past-events", "calendar"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_page_ends_with_its_sources_after_the_event(site, lang):
    html = site.html(LANGUAGE_PREFIX[lang])
    assert html.index('class="site-home-event"') < html.index('class="site-sources"')
    doc = BeautifulSoup(html, "html.parser")
    assert doc.select_one("article section.site-sources li") is not None


@pytest.mark.parametrize("page,text,language", [
    ("declaration/", "Chief Digital Officer for London", "en"),
    ("accessibility/", "Public Sector Bodies (Websites and Mobile Applications) (No. 2) Accessibility Regulations 2018", "en"),
    ("en/accessibility/", "Liikenne- ja viestintävirasto", "fi"),
])
def test_words_in_the_other_language_are_marked_as_such(site, page, text, language):
    """WCAG 3.1.2 (hunt 19b): a screen reader read them with the page's language's voice."""
    doc = BeautifulSoup(site.html(page), "html.parser")
    marked = [element for element in doc.select("article [lang]") if element.get_text(" ", strip=True) == text]
    assert marked and all(element["lang"] == language for element in marked), text


def test_a_sources_title_in_its_own_language_is_marked_as_such(site):
    doc = BeautifulSoup(site.html("accessibility/"), "html.parser")
    title = doc.select_one("#source-uk-accessibility-regulations-2018 cite")
    assert title is not None and title.get("lang") == "en"
    own = doc.select_one("#source-act-306-2019 cite")
    assert own is None or own.get("lang") is None  # a Finnish source on a Finnish page
