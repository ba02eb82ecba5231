"""The microsite in Chromium: the name never cut at 360 px, not even with a reader's wider
text spacing; tabs and drawer by mouse and keyboard; keyboard focus never under the header;
axe with WCAG 2.2 AA on the home page and with the menu open; fields in forced colours;
and print."""

from __future__ import annotations

import re

import pytest

from conftest import LANGUAGE_PREFIX, LANGUAGES, PAGES, all_pages, built_and_served
from chromium import DESKTOP, MOBILE, wait_until
from conftest import copy_site
from test_browser import AXE_OPTIONS, AXE, describe_violations

pytestmark = pytest.mark.browser

VISIBLE_TITLE = """(() => {
  const names = [...document.querySelectorAll('.site-brand__name')].filter(e => e.getClientRects().length);
  return names.map(e => ({text: e.textContent.trim(), scroll: e.scrollWidth, client: e.clientWidth,
                          right: e.getBoundingClientRect().right}));
})()"""


def new_page(browser, viewport):
    context = browser.new_context(viewport=viewport)
    return context, context.new_page()


@pytest.mark.parametrize("lang,path", all_pages())
def test_site_name_is_shown_whole_at_360_px(site, browser, lang, path):
    context, page = new_page(browser, MOBILE)
    page.goto(site.url + path)
    shown = page.evaluate(VISIBLE_TITLE)
    width = page.evaluate("document.documentElement.clientWidth")
    context.close()
    assert len(shown) == 1, f"{path}: one name must be visible, not {shown}"
    title = shown[0]
    assert title["text"] == {"fi": "Helsinki–Lontoo", "en": "Helsinki–London"}[lang]
    assert title["scroll"] <= title["client"], f"{path}: the name is cut: {title}"
    assert title["right"] <= width, f"{path}: the name runs off the screen: {title}"


@pytest.mark.parametrize("lang,path", [(lang, LANGUAGE_PREFIX[lang] + p) for lang in LANGUAGES for p in ("", "partners/")])
def test_nothing_scrolls_sideways_at_320_px(site, browser, lang, path):
    """WCAG 1.4.10 Reflow: content at 320 CSS pixels without horizontal scrolling."""
    context, page = new_page(browser, {"width": 320, "height": 640})
    page.goto(site.url + path)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    shown = page.evaluate(VISIBLE_TITLE)
    context.close()
    assert widths[0] <= widths[1], f"{path}: {widths[0]} px wide at 320 px"
    assert len(shown) == 1 and shown[0]["scroll"] <= shown[0]["client"], shown


# A word longer than a phone's screen, as Finnish compounds and web addresses can be.
LONG_WORD = "Kaupunkidigitalisaatioyhteistyöjulistusallekirjoitustilaisuusjärjestelyt" * 2
LONG_ADDRESS = "https://example.org/" + "a" * 150
SIDEWAYS = """[...document.querySelectorAll('body *')]
  .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
  .filter(e => !e.closest('.md-typeset__table'))  // a wide table scrolls in its own box
  .map(e => `${e.tagName.toLowerCase()}.${e.className}`)"""


@pytest.fixture(scope="module")
def long_words_site(tmp_path_factory):
    """The site with the long word in an event's title, place and text and a partner's."""
    root = copy_site(tmp_path_factory.mktemp("long-words"))
    events = (root / "data/events.yml").read_text("utf-8")
    long_event = (f"  - id: long-words\n    title: {{fi: {LONG_WORD}, en: {LONG_WORD}}}\n    start: 2019-03-01\n"
                  f"    location: {{fi: {LONG_WORD}, en: {LONG_WORD}}}\n    url: {LONG_ADDRESS}\n"
                  f"    description: {{fi: {LONG_WORD} {LONG_WORD}, en: {LONG_WORD} {LONG_WORD}}}\n"
                  "    sources: [kuntalehti-2019-02]\n")
    (root / "data/events.yml").write_text(events.replace("\nevents:\n", "\nevents:\n" + long_event, 1), "utf-8")
    partners = (root / "data/partners.yml").read_text("utf-8")
    long_partner = (f"  - id: long-words\n    name: {{fi: {LONG_WORD}, en: {LONG_WORD}}}\n    city: other\n"
                    f"    url: {LONG_ADDRESS}\n    description: {{fi: {LONG_WORD}, en: {LONG_WORD}}}\n"
                    "    sources: [kuntalehti-2019-02]\n")
    (root / "data/partners.yml").write_text(partners.replace("\npartners:\n", "\npartners:\n" + long_partner, 1), "utf-8")
    yield from built_and_served(root / "site", config=root / "mkdocs.yml")


@pytest.mark.parametrize("lang,path", [(lang, LANGUAGE_PREFIX[lang] + p) for lang in LANGUAGES
                                       for p in ("", "events/", "partners/")])
def test_a_long_word_in_data_wraps_at_320_px(long_words_site, browser, lang, path):
    """WCAG 1.4.10 Reflow with an editor's longest words: the listings wrap them, not the page."""
    context, page = new_page(browser, {"width": 320, "height": 640})
    page.goto(long_words_site.url + path)
    text = page.inner_text("main")
    too_wide = page.evaluate(SIDEWAYS)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    context.close()
    if path.endswith(("events/", "partners/")):
        assert LONG_WORD[:40] in text, "the long word is not on the page"
    assert too_wide == [] and widths[0] <= widths[1], f"{path or '/'}: {widths[0]} px wide at 320 px: {too_wide}"



# What an editor may write that is wider than the text column (hunt 11, each shown in
# Chromium): a link in a <pre>, which the theme positions, and a card grid squeezed below the
# width of its column. Both lay a link over the table of contents' links.
WIDE_PRE = ('<pre><a href="https://example.org/pre">' + "&nbsp;" * 60
            + '<img src="../../images/apple-touch-icon.png" width="600" height="800" alt=""></a></pre>')
SQUEEZED_CARDS = ("<dl><dd>" * 16 + '<div class="site-cards"><div class="site-card"><h3><a href="https://example.org/grid">'
                  "Read the privacy details</a></h3>" + "<p>Details of how the site handles data are summarised here.</p>" * 12
                  + "</div></div>" + "</dd></dl>" * 16)
# The site's own links outside the page's text: its menus, header and footer, and below the
# text the list of sources and the page's history. (The text's own citation links are the
# editor's to place.) One is covered when what lies at its middle is neither the link nor
# inside it.
COVERED_SITE_LINKS = """(() => [...document.querySelectorAll(
    '.md-sidebar a, .md-header a, .md-footer a, .site-sources a, .site-page-history a, .md-banner a')]
  .filter(a => { const box = a.getBoundingClientRect(); return box.width && box.height && box.top >= 0
                 && box.bottom <= innerHeight && a.checkVisibility({visibilityProperty: true}); })
  .filter(a => { const box = a.getBoundingClientRect();
                 const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
                 return hit && !a.contains(hit) && !hit.contains(a) && hit.closest('.md-content'); })
  .map(a => a.textContent.trim()))()"""


def covered_site_links(page) -> set[str]:
    """The site's links that something in the page's content lies over, at any scroll position."""
    covered = set()
    height = page.evaluate("document.documentElement.scrollHeight")
    for top in range(0, height, 300):
        page.evaluate(f"window.scrollTo(0, {top})")
        page.wait_for_timeout(30)
        covered.update(page.evaluate(COVERED_SITE_LINKS))
    return covered


@pytest.fixture(scope="module")
def wide_content_site(tmp_path_factory):
    root = copy_site(tmp_path_factory.mktemp("wide-content"))
    page = root / "docs/privacy.en.md"
    text = page.read_text("utf-8")
    text = text.replace("\n## ", f"\n{SQUEEZED_CARDS}\n\n## ", 1).replace("\n## Questions", f"\n{WIDE_PRE}\n\n## Questions", 1)
    page.write_text(text + WIDE_AND_NARROW_TABLES, "utf-8")
    yield from built_and_served(root / "site", config=root / "mkdocs.yml")


# A table wider than a phone's screen, as an editor writes one (hunt 15b: axe found its
# scrolling box unreachable by keyboard), and a narrow one.
WIDE_AND_NARROW_TABLES = (
    "\n\n| " + " | ".join(f"Column {n}" for n in range(1, 9)) + " |\n|" + "---|" * 8 + "\n| "
    + " | ".join(f"Helsinki {n}" for n in range(1, 9)) + " |\n\n| Year | City |\n|---:|:---:|\n| 2019 | Helsinki |\n")


def test_a_table_wider_than_the_page_can_be_scrolled_by_keyboard(wide_content_site, browser):
    """The box Material puts around a table scrolls sideways when the table is wider; the site's
    script gives it keyboard focus then, and only then (axe: scrollable-region-focusable)."""
    context, page = new_page(browser, MOBILE)
    page.goto(wide_content_site.url + "en/privacy/")
    wait_until(page, "document.querySelectorAll('.md-typeset__scrollwrap').length === 2")
    boxes = page.evaluate("""[...document.querySelectorAll('.md-typeset__scrollwrap')].map(
        (box) => [box.scrollWidth > box.clientWidth, box.getAttribute('tabindex'), box.getAttribute('role')])""")
    assert boxes == [[True, "0", "region"], [False, None, None]]
    # Audit 35b: the box was a stop with no name; it is named by the heading above it.
    heading = page.evaluate("""(() => { const box = document.querySelector('.md-typeset__scrollwrap');
        return document.getElementById(box.getAttribute('aria-labelledby')).textContent.trim(); })()""")
    assert heading and page.get_by_role("region", name=heading).count() == 1
    found = AXE.run(page, options={**AXE_OPTIONS, "runOnly": ["scrollable-region-focusable"]}).response["violations"]
    # Columns aligned in Markdown (---: and :---:), under a policy that blocks inline styles.
    aligned = page.evaluate("""[...document.querySelectorAll('.md-typeset__scrollwrap')[1].querySelectorAll('td')]
        .map((cell) => getComputedStyle(cell).textAlign)""")
    context.close()
    assert found == []
    assert aligned == ["right", "center"]


def test_nothing_in_a_page_lies_over_the_sites_own_links(wide_content_site, browser):
    """The content column clips what is wider than it (site.css, .md-content): no link of the
    page is drawn, or takes a click, over the table of contents, the menu or the header."""
    context, page = new_page(browser, {"width": 1400, "height": 900})
    page.goto(wide_content_site.url + "en/privacy/")
    covered = covered_site_links(page)
    context.close()
    assert covered == set(), f"links of the site under the page's content: {sorted(covered)}"


# Text grown to the browser's largest size inside <sup>, whose line height the theme fixes
# at 1em: the text spilled out of its line over the footer and the list of sources (hunt 12). The guards refuse <big>; this is the style sheet's own defence,
# tried with the markup put straight into the page.
SPILLING_TEXT = ('<sup><a href="https://example.org/spill"><kbd>' + "<big>" * 40 + "&nbsp;" * 2 + "</big>" * 40
                 + "</kbd></a></sup>")


@pytest.mark.parametrize("width", [1400, 390])
def test_text_inside_sup_stays_in_its_line(site, browser, width):
    context, page = new_page(browser, {"width": width, "height": 900})
    page.goto(site.url + "en/declaration/")
    page.evaluate("html => document.querySelector('.md-content .md-typeset h1 + p')"
                  ".insertAdjacentHTML('afterbegin', '<pre>' + html + '</pre>')", SPILLING_TEXT)
    covered = covered_site_links(page)
    context.close()
    assert covered == set(), f"at {width} px, links of the site under the page's content: {sorted(covered)}"

# Text pushed past the column's clipped edge (hunt 27a): a notice after 400 spaces or
# no-break spaces in a <pre>, also beside an empty <code> (hunt 28a) or inside one, was read by
# screen readers and found by the site's search, and no reader could scroll to it. (<nobr>,
# which did the same, is refused by the build.)
PUSHED_TEXT = ["<pre>Rivi." + " " * 400 + "<b>notice-pre</b>\ntoinen rivi</pre>",
               "<pre>Rivi." + "\u00a0" * 400 + "<b>notice-pre-nbsp</b></pre>",
               "<pre><code></code>Rivi." + " " * 400 + "<b>notice-pre-empty-code</b></pre>",
               "<pre><code>Rivi." + " " * 400 + "<b>notice-pre-code</b></code></pre>",
               *(f"<p><{tag}>Koodi" + "&nbsp;" * 400 + f"<b>notice-{tag}</b></{tag}></p>"
                 for tag in ("code", "kbd", "samp", "tt", "var", "a"))]


@pytest.mark.parametrize("width", [1400, 390])
def test_text_far_along_a_line_wraps_into_sight(site, browser, width):
    context, page = new_page(browser, {"width": width, "height": 900})
    page.goto(site.url + "en/declaration/")
    outside = page.evaluate("""(payloads) => {
        const column = document.querySelector('.md-content .md-typeset');
        column.querySelector('h1 + p').insertAdjacentHTML('afterend', payloads.join(''));
        const edge = column.getBoundingClientRect().right;
        return [...column.querySelectorAll('b')].filter((b) => b.textContent.startsWith('notice-'))
            .filter((b) => b.getBoundingClientRect().right > edge + 1).map((b) => b.textContent);
    }""", PUSHED_TEXT)
    context.close()
    assert outside == []


# WCAG 1.4.12's text spacing, as a reader's own style sheet or bookmarklet sets it.
TEXT_SPACING = ("* { line-height: 1.5 !important; letter-spacing: 0.12em !important; "
                "word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }")
HEADER_CONTROLS_OFF_SCREEN = """(() => {
  const width = document.documentElement.clientWidth;
  return [...document.querySelectorAll('.md-header a, .md-header label, .md-header button')]
    .filter(e => e.checkVisibility({opacityProperty: true, visibilityProperty: true}))  // not the closed search
    .filter(e => { const box = e.getBoundingClientRect(); return box.left < 0 || box.right > width + 0.5; })
    .map(e => e.getAttribute('aria-label') || e.textContent.trim() || e.className);
})()"""


@pytest.mark.parametrize("width", [320, 360])
@pytest.mark.parametrize("lang,path", all_pages())
def test_text_spacing_keeps_the_header_and_page_on_screen(site, browser, lang, path, width):
    """WCAG 1.4.12 Text Spacing: with wider letters, words and lines, nothing is lost. The name
    in the header may wrap to a second line, but it is never cut and never pushes the search
    button off the screen."""
    # A reader's own style sheet is not the site's to forbid: the policy is bypassed for it only.
    context = browser.new_context(viewport={"width": width, "height": 640}, bypass_csp=True)
    page = context.new_page()
    page.goto(site.url + path)
    page.add_style_tag(content=TEXT_SPACING)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    off_screen = page.evaluate(HEADER_CONTROLS_OFF_SCREEN)
    shown = page.evaluate(VISIBLE_TITLE)
    context.close()
    assert not off_screen, f"{path or '/'} at {width} px: header controls off the screen: {off_screen}"
    assert widths[0] <= widths[1], f"{path or '/'}: {widths[0]} px wide at {width} px"
    assert len(shown) == 1 and shown[0]["scroll"] <= shown[0]["client"], f"{path or '/'}: the name is cut: {shown}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_tab_of_the_menu_fits_the_desktop_width(site, browser, lang):
    """A new page with a long label ("Usein kysytyt kysymykset") pushed the last tab out of
    sight at 1,280 px, where the tabs are the only menu (hunt 18c): keep the labels short."""
    context, page = new_page(browser, DESKTOP)
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    tabs = page.evaluate("""() => {
        const list = document.querySelector(".md-tabs__list");
        const edge = Math.min(window.innerWidth, list.getBoundingClientRect().right);
        return [...list.querySelectorAll(".md-tabs__link")].map(link => {
            const box = link.getBoundingClientRect();
            return {text: link.textContent.trim(), right: Math.round(box.right), edge: Math.round(edge)};
        });
    }""")
    context.close()
    outside = [tab for tab in tabs if tab["right"] > tab["edge"]]
    assert len(tabs) == len(PAGES) and not outside, (
        f"at {DESKTOP['width']} px these tabs end past the menu's edge: {outside}; shorten the menu's labels "
        "(nav and nav_translations in mkdocs.yml)")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_desktop_shows_the_full_name_and_tabs_without_a_left_column(site, browser, lang):
    context, page = new_page(browser, DESKTOP)
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    shown = page.evaluate(VISIBLE_TITLE)
    tabs_visible = page.locator("nav.md-tabs").is_visible()
    sidebar_visible = page.locator(".md-sidebar--primary").is_visible()
    menu_visible = page.locator("[data-site-menu]").is_visible()
    name = page.locator('meta[property="og:site_name"]').get_attribute("content")
    context.close()
    assert [s["text"] for s in shown] == [name] and shown[0]["scroll"] <= shown[0]["client"]
    assert tabs_visible and not sidebar_visible and not menu_visible


# A text field whose shape is only its background, as Material's search field is, shows no
# edge when the reader's forced colours (Windows' contrast themes) replace the backgrounds.
FIELDS_WITHOUT_AN_EDGE = """(() => {
  const edged = e => { const s = getComputedStyle(e);
    return ['Top', 'Bottom'].every(side => s[`border${side}Style`] !== 'none' && parseFloat(s[`border${side}Width`]) >= 1)
      || (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1); };
  return [...document.querySelectorAll('input:not([type=checkbox]):not([type=radio]):not([type=hidden]), textarea, select')]
    .filter(e => e.checkVisibility())
    .filter(e => !edged(e) && !(e.form && edged(e.form)))
    .map(e => e.getAttribute('aria-label') || e.name || e.className);
})()"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_text_fields_keep_their_edges_in_forced_colours(site, browser, lang):
    """WCAG 1.4.11: a field must be seen as a field in a contrast theme too."""
    context = browser.new_context(viewport=DESKTOP, forced_colors="active")
    page = context.new_page()
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    assert page.evaluate("matchMedia('(forced-colors: active)').matches")
    fields = page.locator("input, textarea, select").count()
    without_an_edge = page.evaluate(FIELDS_WITHOUT_AN_EDGE)
    context.close()
    assert fields, "the page has no field to check"
    assert without_an_edge == [], f"no edge in forced colours: {without_an_edge}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tabs_by_keyboard(site, page, lang):
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "declaration/")
    label = {"fi": "Tapahtumat", "en": "Events"}[lang]
    for _ in range(30):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('md-tabs__link')") and \
                page.evaluate("document.activeElement.textContent.trim()") == label:
            break
    else:
        pytest.fail("the Events tab cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + LANGUAGE_PREFIX[lang] + "events/")
    assert page.locator("a.md-tabs__link[aria-current=page]").inner_text().strip() == label


@pytest.mark.parametrize("lang", LANGUAGES)
def test_drawer_opens_and_closes_by_keyboard_at_360_px(site, browser, lang):
    context, page = new_page(browser, MOBILE)
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "themes/")
    drawer_link = page.locator('.md-sidebar--primary .md-nav__list a[href$="events/"]')
    assert not drawer_link.is_visible(), "the closed drawer's links must be out of sight"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.hasAttribute('data-site-menu')"):
            break
    else:
        pytest.fail("the menu button cannot be reached with Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == {"fi": "Avaa valikko", "en": "Open menu"}[lang]
    page.keyboard.press("Enter")
    wait_until(page, "document.querySelector('[data-site-menu]').getAttribute('aria-expanded') === 'true'")
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null", timeout=3000)
    drawer_link.wait_for(state="visible")
    page.keyboard.press("Escape")
    wait_until(page, "document.querySelector('[data-site-menu]').getAttribute('aria-expanded') === 'false'")
    assert page.evaluate("document.activeElement.hasAttribute('data-site-menu')"), "focus returns to the button"
    page.wait_for_timeout(400)  # the drawer slides out
    assert not drawer_link.is_visible()
    context.close()


# Where the focused element is, and whether a reader can see it: on the screen, not under another
# element, not see-through.
FOCUS_SEEN = """(() => {
  const focused = document.activeElement;
  const box = focused.getBoundingClientRect();
  const x = Math.min(Math.max(box.x + box.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(box.y + box.height / 2, 0), innerHeight - 1);
  const top = document.elementFromPoint(x, y);
  let opacity = 1;
  for (let e = focused; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
  const onScreen = box.width > 0 && box.right > 0 && box.left < innerWidth && box.bottom > 0 && box.top < innerHeight;
  return {text: focused.textContent.trim().slice(0, 40), inDrawer: !!focused.closest(".md-sidebar--primary"),
          seen: onScreen && opacity > 0.5 && !!top && (top === focused || focused.contains(top) || top.contains(focused)),
          drawerOpen: document.getElementById("__drawer").checked};
})()"""


@pytest.mark.parametrize("lang,path", [("fi", ""), ("en", "cities/"), ("fi", "themes/")])
def test_every_stop_in_the_open_drawer_is_seen_and_leaving_it_closes_it(site, browser, lang, path):
    """Hunt 19b: the current page's contents, a see-through panel beside the drawer, took the
    first Tab stops with no focus to be seen; and Tab past the last link went on into the page
    under the open drawer (WCAG 2.4.7, 2.4.11)."""
    context, page = new_page(browser, MOBILE)
    page.goto(site.url + LANGUAGE_PREFIX[lang] + path)
    page.focus("[data-site-menu]")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null", timeout=3000)
    page.wait_for_timeout(400)  # the drawer slides in
    stops = [page.evaluate(FOCUS_SEEN)]
    while stops[-1]["inDrawer"] and len(stops) < 30:
        page.keyboard.press("Tab")
        page.wait_for_timeout(50)
        stops.append(page.evaluate(FOCUS_SEEN))
    context.close()
    in_drawer = [stop for stop in stops if stop["inDrawer"]]
    assert len(in_drawer) >= len(PAGES) - 1 and all(stop["seen"] for stop in in_drawer), in_drawer
    assert not stops[-1]["inDrawer"] and not stops[-1]["drawerOpen"], stops[-1]


def test_the_sites_own_link_and_footer_colours_are_the_ones_shown(site, browser):
    """Audit 35b: Material set the link and footer colours again on its colour scheme's
    element, so the site's own (and the contrast ratios written beside them) never applied."""
    context, page = new_page(browser, DESKTOP)
    page.goto(site.url + "en/declaration/")
    shown = page.evaluate("""[getComputedStyle(document.querySelector('.md-typeset a[href^="#"], .md-typeset p a')).color,
        getComputedStyle(document.querySelector('.md-footer-meta')).backgroundColor]""")
    context.close()
    assert shown == ["rgb(31, 74, 168)", "rgb(11, 13, 18)"], shown  # #1f4aa8; the footer's foot #0b0d12


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_current_pages_entry_in_the_drawer_opens_its_contents_by_keyboard(site, browser, lang):
    """Audit 35b: the current page's entry was a label no keyboard could reach, so its contents
    could not be opened, and nothing in the drawer said which page was current (WCAG 2.1.1)."""
    context, page = new_page(browser, MOBILE)
    page.goto(site.url + LANGUAGE_PREFIX[lang] + "declaration/")
    page.focus("[data-site-menu]")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null", timeout=3000)
    page.wait_for_timeout(400)  # the drawer slides in
    for _ in range(len(PAGES) + 2):
        if page.evaluate("document.activeElement.getAttribute('aria-current')") == "page":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("the current page's entry cannot be reached with Tab")
    entry = page.evaluate("[document.activeElement.getAttribute('role'), "
                          "document.activeElement.textContent.replace(/\\s+/g, ' ').trim(), "
                          "document.activeElement.getAttribute('aria-expanded')]")
    # Its name says what it opens (audit 35e).
    named = {"fi": "Julistus , Sisällysluettelo", "en": "The declaration , Table of contents"}[lang]
    assert entry == [None, named, "false"], entry
    assert page.evaluate("document.activeElement.tagName") == "BUTTON"
    assert page.evaluate(FOCUS_SEEN)["seen"]
    page.keyboard.press("Enter")
    wait_until(page, "document.getElementById('__toc').checked")
    wait_until(page, "document.activeElement.closest('.md-nav--secondary') !== null", timeout=3000)
    page.wait_for_timeout(400)  # the contents slide in
    assert page.evaluate("document.activeElement.getAttribute('href')").startswith("#")
    assert page.evaluate(FOCUS_SEEN)["seen"]
    page.keyboard.press("Escape")  # the contents close, and the drawer stays open
    wait_until(page, "!document.getElementById('__toc').checked")
    assert page.evaluate("document.getElementById('__drawer').checked")
    wait_until(page, "document.activeElement.getAttribute('aria-current') === 'page'", timeout=3000)
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "false"
    context.close()


def test_the_drawers_icons_stay_visible_in_a_dark_high_contrast_theme(site, browser):
    """Audit 35e: the contents mark and the back arrow were painted as the page, in forced colours."""
    context = browser.new_context(viewport=MOBILE, forced_colors="active", color_scheme="dark")
    page = context.new_page()
    page.goto(site.url + "declaration/")
    colours = page.evaluate("""[getComputedStyle(document.querySelector('.site-current-entry .md-icon'), '::after')
        .backgroundColor, getComputedStyle(document.querySelector('.md-nav--primary')).backgroundColor,
        getComputedStyle(document.body).backgroundColor]""")
    context.close()
    assert colours[0] not in colours[1:] and colours[0] != "rgba(0, 0, 0, 0)", colours


def test_the_drawer_opens_at_its_top_after_a_contents_link_was_followed(site, browser):
    """Audit 35e: after a link of the contents, the drawer opened again on the contents, with
    the focus on the entries hidden under them (WCAG 2.4.11)."""
    context, page = new_page(browser, MOBILE)
    page.goto(site.url + "declaration/")
    page.focus("[data-site-menu]")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null", timeout=3000)
    page.focus(".site-current-entry")
    assert page.evaluate("document.activeElement.textContent.replace(/\\s+/g, ' ').trim()") == "Julistus , Sisällysluettelo"
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.closest('.md-nav--secondary') !== null", timeout=3000)
    page.wait_for_timeout(400)
    page.keyboard.press("Enter")  # the first section of the contents
    wait_until(page, "!document.getElementById('__drawer').checked", timeout=3000)
    page.wait_for_timeout(400)
    page.focus("[data-site-menu]")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.closest('.md-sidebar--primary') !== null", timeout=3000)
    page.wait_for_timeout(400)  # the drawer slides in
    seen, contents_open = page.evaluate(FOCUS_SEEN)["seen"], page.evaluate("document.getElementById('__toc').checked")
    context.close()
    assert seen and not contents_open


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_search_results_are_a_tab_stop_only_while_the_search_is_open(site, browser, lang):
    """Closed, the results box was a stop of no height, with no focus to be seen (hunt 19b)."""
    context, page = new_page(browser, DESKTOP)
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    focusable = "getComputedStyle(document.querySelector('.md-search__scrollwrap')).visibility === 'visible'"
    assert not page.evaluate(focusable)  # a hidden element takes no focus
    page.keyboard.press("/")
    wait_until(page, "document.getElementById('__search').checked")
    wait_until(page, focusable)
    page.keyboard.press("Escape")
    wait_until(page, "!document.getElementById('__search').checked")
    assert not page.evaluate(focusable)
    context.close()


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_header_search_is_a_named_search_and_not_a_dialog(site, browser, lang, viewport):
    """The search is a field in the header, not a modal window: a screen reader announced a
    "dialog" in the header on every page, open or not (hunt 19b)."""
    context, page = new_page(browser, viewport)
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    name = {"fi": "Sivuston haku", "en": "Site search"}[lang]
    for opened in (False, True):
        if opened:
            page.keyboard.press("/")
            wait_until(page, "document.getElementById('__search').checked")
        assert page.get_by_role("dialog").count() == 0, f"open: {opened}"
        assert page.get_by_role("search", name=name, exact=True).count() == 1, f"open: {opened}"
    context.close()


# The focused element, and whether it lies entirely under the sticky header. The header's own
# links, the skip link (shown over the header) and the sidebars (which scroll on their own,
# below the header) cannot be covered by it.
FOCUSED_UNDER_HEADER = """(() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return null;
  const box = focused.getBoundingClientRect();
  const header = document.querySelector('.md-header').getBoundingClientRect();
  return {name: (focused.textContent || focused.getAttribute('aria-label') || focused.tagName).trim().slice(0, 60),
          skip: focused.classList.contains('md-skip'),
          chrome: focused.closest('.md-skip, .md-header, .md-tabs, .md-sidebar, .md-search') !== null,
          hidden: box.width > 0 && box.bottom <= header.bottom};
})()"""


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang,path", all_pages())
def test_focus_is_never_hidden_under_the_header(site, browser, lang, path, viewport):
    """WCAG 2.4.11 Focus Not Obscured: going back up with Shift+Tab, the browser scrolls each
    link just into view at the top of the window, where the sticky header covered it."""
    context, page = new_page(browser, viewport)
    page.goto(site.url + path)
    # At the foot of the page at once: the End key's scroll is animated and would go on after
    # the first Shift+Tab.
    page.evaluate("window.scrollTo({top: document.documentElement.scrollHeight, behavior: 'instant'})")
    reached, hidden = 0, []
    for _ in range(300):
        page.keyboard.press("Shift+Tab")
        focused = page.evaluate(FOCUSED_UNDER_HEADER)
        if focused is None or focused["chrome"]:
            if focused and focused["skip"]:
                break
            continue
        reached += 1
        if focused["hidden"]:
            hidden.append(focused["name"])
    context.close()
    assert reached, f"{path or '/'}: Shift+Tab reached nothing in the page"
    assert not hidden, f"{path or '/'}: focused but entirely under the header: {hidden}"


@pytest.mark.parametrize("viewport", [DESKTOP, MOBILE], ids=["desktop", "mobile-360"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_wcag22_on_the_home_page_and_with_the_menu_open(site, browser, lang, viewport):
    context, page = new_page(browser, viewport)
    page.goto(site.url + LANGUAGE_PREFIX[lang])
    found = AXE.run(page, options=AXE_OPTIONS).response["violations"]
    problems = describe_violations(LANGUAGE_PREFIX[lang] or "/", found)
    if viewport == MOBILE:
        page.click("[data-site-menu]")
        page.locator(".md-sidebar--primary .md-nav__list a[href]:visible").first.wait_for(state="visible")
        page.wait_for_timeout(300)
        found = AXE.run(page, options=AXE_OPTIONS).response["violations"]
        problems += describe_violations((LANGUAGE_PREFIX[lang] or "/") + " (menu open)", found)
    context.close()
    assert not problems, problems


@pytest.mark.parametrize("lang,path", [(lang, LANGUAGE_PREFIX[lang] + p) for lang in LANGUAGES for p in ("", "events/")])
def test_print_shows_the_masthead_and_hides_the_chrome(site, browser, lang, path):
    context, page = new_page(browser, DESKTOP)
    page.goto(site.url + path)
    page.emulate_media(media="print")
    for selector in ("nav.md-tabs", ".md-header", ".md-search", "footer.md-footer", ".md-sidebar--primary"):
        assert not page.locator(selector).first.is_visible(), f"{selector} is printed"
    masthead = page.locator(".site-print-masthead")
    assert masthead.is_visible()
    text = masthead.inner_text()
    assert {"fi": "Helsingin kaupunki", "en": "City of Helsinki"}[lang] in text
    assert page.locator('link[rel="canonical"]').get_attribute("href") in text
    date = page.locator("[data-site-print-date]")
    assert date.is_visible(), "the print date is filled in by site.js"
    # In the site's Babel locale: 27 November 2026 in British English, 27. marraskuuta 2026 in Finnish.
    pattern = {"fi": r"^\d{1,2}\. \w+ \d{4}$", "en": r"^\d{1,2} [A-Z][a-z]+ \d{4}$"}[lang]
    assert re.match(pattern, date.locator("span").inner_text()), date.inner_text()
    external = page.locator('article a[href^="http"]').first
    if external.count():
        after = external.evaluate("a => getComputedStyle(a, '::after').content")
        assert external.get_attribute("href") in after
    pdf = page.pdf(format="A4")
    context.close()
    assert pdf[:4] == b"%PDF"


# Characters per full line of each paragraph and list item of the page's running text (small
# print and the line of links at the foot of the page left out): its width over the mean
# width of its own characters in its own font (a canvas measures them as drawn).
LINE_LENGTHS = """(() => {
  const context = document.createElement('canvas').getContext('2d');
  const body = parseFloat(getComputedStyle(document.querySelector('.md-content > .md-typeset')).fontSize);
  return [...document.querySelectorAll('.md-content :is(p, li)')].filter(p => p.getClientRects().length
      && !p.closest('.site-page-history') && parseFloat(getComputedStyle(p).fontSize) >= body).map(p => {
    const style = getComputedStyle(p);
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const text = p.textContent.replace(/\\s+/g, ' ').trim();
    return {text: text.slice(0, 50), length: text.length,
            perLine: p.getBoundingClientRect().width / (context.measureText(text).width / text.length)};
  }).filter(p => p.length >= 60);
})()"""


@pytest.mark.parametrize("width", [1024, 1280, 1920])
@pytest.mark.parametrize("lang,path", all_pages())
def test_text_reads_in_lines_of_about_70_characters_on_wide_screens(site, browser, lang, path, width):
    """The reader brief's measure: long lines tire the eye on a wide screen."""
    context, page = new_page(browser, {"width": width, "height": 900})
    page.goto(site.url + path)
    paragraphs = page.evaluate(LINE_LENGTHS)
    context.close()
    assert paragraphs, f"{path or '/'}: no paragraph measured"
    too_long = [(round(p["perLine"]), p["text"]) for p in paragraphs if p["perLine"] > 80]
    assert not too_long, f"{path or '/'} at {width} px: characters per line: {too_long}"
