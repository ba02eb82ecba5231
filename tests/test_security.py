"""Untrusted text cannot escape: hostile data and front matter, the search index, the CSP.

One copy of the site with hostile text in data/events.yml, data/partners.yml and the front
matter of a page is built and served once for this module; the real site (`site`) is used
for the Content-Security-Policy checks.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import LANGUAGE_PREFIX, LANGUAGES, ROOT, all_pages, build_site, built_and_served
from chromium import wait_until
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _csp import with_policy  # noqa: E402
from _html import browser_attributes  # noqa: E402

EVENT_TITLE = "Zebra <img src=x onerror=alert(1)>"
EVENT_PLACE = "Yak </script><script>alert(2)</script>"
PARTNER_NAME = "Quagga <img src=x onerror=alert(3)>"
PAGE_TITLE = 'Teemat "><img src=x onerror=alert(4)> & <b>'
PAGE_DESCRIPTION = 'Okapi "><script>alert(5)</script><meta http-equiv="refresh" content="0;url=https://example.org/"> & more text here.'
INJECTED = re.compile(r"<img src=x|<script>alert|<meta http-equiv=\"refresh", re.I)


def _yaml_quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    root = copy_site(tmp_path_factory.mktemp("hostile"))
    events = (root / "data/events.yml").read_text("utf-8")
    # The first event's title and place, whatever their wording, in every language.
    for field, text in (("title", EVENT_TITLE), ("location", EVENT_PLACE)):
        events = re.sub(rf"(\n    {field}:\n      fi: )[^\n]*(\n      en: )[^\n]*",
                        lambda m: f"{m.group(1)}{_yaml_quoted(text)}{m.group(2)}{_yaml_quoted(text)}", events, count=1)
    (root / "data/events.yml").write_text(events, "utf-8")
    partners = (root / "data/partners.yml").read_text("utf-8")
    partners = partners.replace("      fi: Helsingin kaupunki\n      en: City of Helsinki\n",
                                f"      fi: {_yaml_quoted(PARTNER_NAME)}\n      en: {_yaml_quoted(PARTNER_NAME)}\n", 1)
    (root / "data/partners.yml").write_text(partners, "utf-8")
    for locale in LANGUAGES:
        page = root / f"docs/themes.{locale}.md"
        text = page.read_text("utf-8")
        text = re.sub(r"^title: .*$", f"title: {_yaml_quoted(PAGE_TITLE)}", text, count=1, flags=re.M)
        text = re.sub(r"^description: .*$", f"description: {_yaml_quoted(PAGE_DESCRIPTION)}", text, count=1, flags=re.M)
        page.write_text(text, "utf-8")
    assert EVENT_TITLE in (root / "data/events.yml").read_text("utf-8").replace("''", "'")
    yield from built_and_served(root / "site", config=root / "mkdocs.yml")


# ---------------------------------------------------------------- in the built files


@pytest.mark.parametrize("lang", LANGUAGES)
def test_front_matter_stays_inside_its_attribute_and_title(hostile_site, lang):
    html = hostile_site.html(LANGUAGE_PREFIX[lang] + "themes/")
    head_html = html.split("</head>", 1)[0]
    assert not INJECTED.search(head_html), "front matter broke out of the head's attributes"
    doc = BeautifulSoup(html, "html.parser")
    assert doc.find("meta", attrs={"name": "description"})["content"] == PAGE_DESCRIPTION
    # The sharing tags take the same text through the same escaping.
    assert doc.find("meta", attrs={"property": "og:description"})["content"] == PAGE_DESCRIPTION
    assert doc.find("meta", attrs={"name": "twitter:description"})["content"] == PAGE_DESCRIPTION
    assert doc.find("meta", attrs={"property": "og:title"})["content"] == PAGE_TITLE
    assert doc.title.string.startswith(PAGE_TITLE)
    assert not doc.head.find_all("img") and not doc.head.find("meta", attrs={"http-equiv": "refresh"})


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_index_entries_are_plain_text(hostile_site, lang):
    index = hostile_site.search_index(lang)
    texts = [doc["title"] + " " + doc["text"] for doc in index["docs"]]
    assert not any(INJECTED.search(text) for text in texts), "markup from data or front matter in the search index"
    joined = " ".join(texts)
    assert "Zebra &lt;img src=x onerror=alert(1)&gt;" in joined  # the event, escaped as Material escapes page text
    assert "Yak &lt;/script&gt;" in joined
    assert "Quagga &lt;img src=x" in joined  # the partner, indexed from the rendered listing


@pytest.mark.parametrize("lang", LANGUAGES)
def test_listings_show_hostile_data_as_text_and_json_ld_stays_json(hostile_site, lang):
    names = {}
    for page in ("events/", "partners/"):
        html = hostile_site.html(LANGUAGE_PREFIX[lang] + page)
        assert not INJECTED.search(html), f"{page}: hostile data became markup"
        doc = BeautifulSoup(html, "html.parser")
        (script,) = doc.select('script[type="application/ld+json"]')
        names[page] = {item["name"] for item in json.loads(script.string)["@graph"]}
    assert EVENT_TITLE in names["events/"] and PARTNER_NAME in names["partners/"]  # the text itself, as data
    events = BeautifulSoup(hostile_site.html(LANGUAGE_PREFIX[lang] + "events/"), "html.parser")
    assert EVENT_TITLE in events.get_text() and EVENT_PLACE in events.get_text()


# ---------------------------------------------------------------- in Chromium

def _search(page, query: str) -> str:
    page.locator("input.md-search__input").click()
    wait_until(page, "!document.querySelector('.md-search-result__meta').textContent.match(/käynnistyy|Initialising/)", timeout=10000)
    page.locator("input.md-search__input").press_sequentially(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=10000)
    page.wait_for_timeout(300)
    return page.inner_text(".md-search-result")


@pytest.mark.browser
@pytest.mark.parametrize("lang,query,shown", [
    ("fi", "zebra", EVENT_TITLE), ("en", "zebra", EVENT_TITLE),
    ("fi", "quagga", "Quagga"), ("en", "yak", "Yak"),
])
def test_search_results_show_hostile_text_without_running_it(hostile_site, browser, lang, query, shown):
    context = browser.new_context()
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(hostile_site.url + LANGUAGE_PREFIX[lang])
    results = _search(page, query)
    injected = page.evaluate("document.querySelectorAll('img[src=\"x\"], .md-search-result script').length")
    context.close()
    assert shown.split(" <")[0] in results
    assert injected == 0, "markup from the data was inserted into the page"
    assert dialogs == []


# ---------------------------------------------------------------- Content-Security-Policy

REQUIRED = {
    "default-src": "'self'", "object-src": "'none'", "base-uri": "'self'", "form-action": "'self'",
}


def _policy(html: str) -> dict[str, list[str]]:
    doc = BeautifulSoup(html, "html.parser")
    meta = doc.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
    assert meta is not None, "no Content-Security-Policy meta element"
    return {part.split()[0]: part.split()[1:] for part in meta["content"].split(";") if part.strip()}


def _inline_script_hashes(html: str) -> set[str]:
    doc = BeautifulSoup(html, "html.parser")
    scripts = [s for s in doc.find_all("script") if not s.get("src") and s.get("type", "") in ("", "text/javascript", "module")]
    return {"'sha256-" + base64.b64encode(hashlib.sha256(s.string.encode("utf-8")).digest()).decode() + "'" for s in scripts if s.string}


@pytest.mark.parametrize("page_path", [page for _lang, page in all_pages()] + ["404.html"])
def test_every_page_carries_a_strict_policy_with_its_own_script_hashes(site, page_path):
    html = site.html(page_path)
    policy = _policy(html)
    for name, value in REQUIRED.items():
        assert policy.get(name) == [value], f"{name}: {policy.get(name)}"
    scripts = policy["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert scripts[0] == "'self'" and set(policy["img-src"]) == {"'self'", "data:"}
    assert _inline_script_hashes(html) == set(scripts[1:]), "script-src must list exactly the page's inline scripts"
    # In force before anything loads: the policy comes before every script and stylesheet.
    head = html.split("</head>", 1)[0]
    assert head.index("Content-Security-Policy") < min(head.index(tag) for tag in ("<script", "<link rel=\"stylesheet\""))


@pytest.mark.parametrize("page_path", [page for _lang, page in all_pages()] + ["404.html"])
def test_every_page_asks_the_browser_to_send_no_referrer(site, page_path):
    """The privacy page says another site is not told where the reader came from."""
    head = site.html(page_path).split("</head>", 1)[0]
    metas = BeautifulSoup(head, "html.parser").find_all("meta", attrs={"name": "referrer"})
    assert [meta["content"] for meta in metas] == ["no-referrer"]
    # In force before anything is fetched: the policy comes before every link and script.
    assert head.index('name="referrer"') < min(head.index(tag) for tag in ("<link", "<script"))


@pytest.mark.parametrize("policy", [None, "", "none", "no-referer", ["no-referrer"]])
def test_a_referrer_policy_browsers_do_not_know_stops_the_build(policy):
    import csp
    from mkdocs.exceptions import PluginError

    class Config:
        extra = {"referrer_policy": policy}
    with pytest.raises(PluginError, match="extra.referrer_policy must be one of no-referrer, "):
        csp.on_config(Config())


@pytest.mark.browser
def test_a_site_the_reader_follows_a_link_to_is_not_told_where_the_reader_came_from(site, browser):
    """Chromium's default policy sends this site's address to the site a link leads to; the
    outside site is stood in for by a route, as this machine has no network."""
    context = browser.new_context()
    page = context.new_page()
    sent = []

    def outside_site(route):
        sent.append((route.request.url, route.request.all_headers()))
        route.fulfill(status=200, content_type="text/html", body="<title>outside</title>")

    context.route("https://docs.github.com/**", outside_site)
    for lang in LANGUAGES:
        page.goto(site.url + LANGUAGE_PREFIX[lang] + "privacy/")
        with page.expect_navigation():
            page.click("article a[href^='https://docs.github.com/']")
    context.close()
    assert len(sent) == len(LANGUAGES) and all(headers for _url, headers in sent), sent
    assert [url for url, headers in sent if "referer" in headers] == []


@pytest.mark.browser
def test_a_link_inside_a_card_takes_its_own_clicks(browser, tmp_path):
    """A card's heading link covers its card; a second link in the card lay under that cover,
    and a click on "https://hel.fi/palaute" went where the heading's link did (hunt 25a)."""
    root = copy_site(tmp_path / "copy")
    page_file = root / "docs/privacy.en.md"
    page_file.write_text(page_file.read_text("utf-8") + (
        '\n<div class="site-cards" markdown>\n\n<div class="site-card" markdown>\n\n'
        "### [Feedback](https://feedback.example/)\n\nWrite to [https://hel.fi/palaute](https://hel.fi/palaute).\n\n"
        "</div>\n\n</div>\n"), "utf-8")
    served = built_and_served(root / "site", config=root / "mkdocs.yml")
    site = next(served)
    went = []
    try:
        context = browser.new_context()
        page = context.new_page()
        context.route(lambda url: url.startswith("https://"), lambda route: (went.append(route.request.url),
                                                   route.fulfill(status=200, content_type="text/html", body="x")))
        page.goto(site.url + "en/privacy/")
        with page.expect_navigation():
            page.click(".site-card p a", timeout=5000)  # covered, a click would wait in vain
        page.goto(site.url + "en/privacy/")
        page.locator(".site-card p").scroll_into_view_if_needed()
        text = page.locator(".site-card p").bounding_box()
        with page.expect_navigation():  # the card's own text: the heading's link covers it
            page.mouse.click(text["x"] + 5, text["y"] + 5)
        context.close()
    finally:
        next(served, None)
    assert went == ["https://hel.fi/palaute", "https://feedback.example/"]


@pytest.mark.browser
def test_chromium_reports_no_violation_while_a_reader_browses_searches_and_switches(site, browser):
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation', "
                         "e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + location.pathname));")
    violations, console = [], []
    page.on("console", lambda message: console.append(message.text) if "Content Security Policy" in message.text else None)
    for _lang, path in all_pages() + [("fi", "ei-ole/")]:
        page.goto(site.url + path)
        page.wait_for_load_state("networkidle")
        violations += page.evaluate("window.__violations")
    for lang, query in (("fi", "tekoälyn"), ("en", "declarations")):
        page.goto(site.url + LANGUAGE_PREFIX[lang])
        _search(page, query)
        page.keyboard.press("Escape")
        violations += page.evaluate("window.__violations")
    page.goto(site.url + "cities/")
    with page.expect_navigation():
        page.click("a[data-site-language=en]")
    page.wait_for_load_state("networkidle")
    violations += page.evaluate("window.__violations")
    context.close()
    assert violations == [] and console == []


@pytest.mark.browser
def test_a_script_that_slipped_into_a_page_does_not_run(site, browser, tmp_path):
    """An escaping slip, simulated: markup injected into a built page after the build."""
    page_file = site.path("cities/")
    original = page_file.read_text("utf-8")
    try:
        page_file.write_text(original.replace("</article>", "<script>window.__slipped = true</script><img src=x onerror=\"window.__slipped = true\"></article>", 1), "utf-8")
        context = browser.new_context()
        page = context.new_page()
        page.add_init_script("window.__blocked = 0; document.addEventListener('securitypolicyviolation', () => window.__blocked++);")
        page.goto(site.url + "cities/")
        page.wait_for_load_state("networkidle")
        slipped, blocked = page.evaluate("[window.__slipped === true, window.__blocked]")
        context.close()
    finally:
        page_file.write_text(original, "utf-8")
    assert not slipped and blocked >= 2


FENCE = "0123abcd"
FENCED_PAGE = ('<html><head><meta charset="utf-8"><script>var a = 1;</script></head><body>'
               '<!--site-content:0123abcd--><article>{content}</article><!--/site-content:0123abcd-->'
               '<script>var b = 2;</script></body></html>')


def test_only_the_templates_scripts_are_hashed_and_the_content_marks_go():
    html = with_policy(FENCED_PAGE.format(content='<p>x</p><script type="application/ld+json">{}</script>'),
                       {"script-src": ["'self'"]}, FENCE)
    assert "site-content" not in html and "<article><p>x</p>" in html
    scripts = _policy(html)["script-src"]
    assert len(scripts) == 3 and set(scripts[1:]) == _inline_script_hashes(html)  # 'self' and the template's two


@pytest.mark.parametrize("content", [
    "<script>alert(1)</script>", '<p>x</p><script type="module">alert(1)</script>',
    # Content that closes the article still stands between the marks, which it cannot know.
    "</article><!--/site-content:guess--><script>alert(1)</script>",
    # Scripts that Chromium runs, however their tags are written: "type=" inside another
    # attribute's value, "src=" in another attribute's name, capitals, an old type.
    "<script data-x='type=application/json>'>alert(1)</script>", "<script data-src=x>alert(1)</script>",
    "<SCRIPT>alert(1)</SCRIPT >", '<script type="text/javascript1.5">alert(1)</script>',
    '<script language="javascript">alert(1)</script>', '<script type=" MODULE ">alert(1)</script>',
    '<script/x>alert(1)</script>', '<script src="/other.js"></script>',
])
def test_a_script_in_the_content_stops_the_build_instead_of_getting_a_hash(content):
    with pytest.raises(ValueError, match="a <script> reached the page's content past the checks"):
        with_policy(FENCED_PAGE.format(content=content), {"script-src": ["'self'"]}, FENCE)


def test_a_script_in_the_navigation_stops_the_build_instead_of_getting_a_hash():
    """Between the head and the content stand the header, the navigation and the table of
    contents, built from the page's headings: the templates put no script there."""
    page = FENCED_PAGE.replace("<body>", '<body><nav><a href="#x"><script>alert(1)</script></a></nav>')
    with pytest.raises(ValueError, match="a <script> in the page's navigation"):
        with_policy(page.format(content=""), {"script-src": ["'self'"]}, FENCE)


@pytest.mark.parametrize("page", [FENCED_PAGE.replace("<!--site-content:0123abcd-->", ""),
                                  FENCED_PAGE.replace("<article>", "<!--/site-content:0123abcd--><article>")])
def test_a_page_without_its_content_marked_once_is_not_published(page):
    with pytest.raises(ValueError, match="does not mark the page's content"):
        with_policy(page.format(content=""), {"script-src": ["'self'"]}, FENCE)


def test_a_page_without_a_head_is_not_published():
    with pytest.raises(ValueError, match="the page has no <head> to carry its Content-Security-Policy"):
        with_policy(FENCED_PAGE.format(content="").replace('<head><meta charset="utf-8">', "").replace("</head>", ""),
                    {"script-src": ["'self'"]}, FENCE)


def test_a_script_slipped_into_the_content_by_a_hook_stops_the_build(tmp_path):
    """A future gap in the checks, simulated by a hook that adds a script after them."""
    root = copy_site(tmp_path / "copy")
    (root / "hooks/zz_slip.py").write_text(
        "from mkdocs.plugins import event_priority\n\n\n@event_priority(-100)\n"
        "def on_page_context(context, page, config, nav):\n"
        "    if page.file.src_uri == 'cities.en.md':\n"
        "        page.content += '<script>window.__slipped = true</script>'\n"
        "    return context\n", "utf-8")
    config = (root / "mkdocs.yml").read_text("utf-8")
    (root / "mkdocs.yml").write_text(config.replace("\nhooks:\n", "\nhooks:\n  - hooks/zz_slip.py\n", 1), "utf-8")
    result = build_site(root / "site", "http://127.0.0.1/x/", config=root / "mkdocs.yml")
    output = result.stdout + result.stderr
    assert result.returncode != 0 and "Traceback" not in output
    assert "docs/cities.en.md: a <script> reached the page's content past the checks" in output, output


# ---------------------------------------------------------------- the guard reads tags as Chromium does

TAG_PARTS = st.sampled_from([" ", "\u00a0", "\u3000", "\x0b", "\t", "\n", "=", "==", '"', "'", "/", "a", "b", "ID",
                             "title", "x y", "-", "\u00e4"])


@pytest.mark.browser
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(TAG_PARTS, max_size=14).map("".join), min_size=25, max_size=25))
def test_the_guards_read_a_tags_attributes_as_chromium_does(browser, rests):
    """hooks/_pages.py browser_attributes against Chromium's own parser, on tags with the
    spaces, quotes and equals signs where Python's parser and browsers part ways."""
    tags = [f"<p {rest}>" for rest in rests]
    context = browser.new_context()
    page = context.new_page()
    chromium = page.evaluate("""tags => tags.map(tag => {
        const element = new DOMParser().parseFromString('<body>' + tag, 'text/html').body.firstElementChild;
        return element ? [...element.attributes].map(a => [a.name, a.value]) : null; })""", tags)
    context.close()
    compared = 0
    for tag, attributes in zip(tags, chromium):
        if attributes is None:
            continue  # a quote never closed: no tag at all for the browser, which the page source never has
        compared += 1
        ours = [(name, value) for name, value in browser_attributes(tag)]
        first = [pair for index, pair in enumerate(ours) if pair[0] not in [name for name, _ in ours[:index]]]
        assert [tuple(pair) for pair in attributes] == first, repr(tag)
    assert compared, "no tag was compared"
