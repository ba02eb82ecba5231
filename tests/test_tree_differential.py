"""The page checks against Chromium's own HTML parser: random HTML that the checks let
through must leave the site's parts after the page where the template put them.

Hunt 15 found such HTML by this comparison (an end tag of one heading closing another, a
</span> stopping at a <div> opened inside it, a cell outside a table, a stray </div>): the
tag-by-tag checks (hooks/_pages.py) passed it, and in Chromium's tree the list of sources
ended up inside the page's card. hooks/_tree.py now also parses each finished page as a
browser does; this test holds the two checks together to Chromium's verdict on thousands of
fragments made of the elements pages may use.
"""

from __future__ import annotations

import random
import re
import sys


from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from _pages import PAGE_ELEMENTS, VOID_ELEMENTS, repeated, scan_html  # noqa: E402
from _tree import fence, tree_problems  # noqa: E402

FRAGMENTS = 3000
# Elements whose end a browser finds by rules of their own, chosen more often.
TRICKY = ["div", "span", "a", "b", "table", "tr", "td", "th", "caption", "p", "li", "ul", "ol", "dl", "dd", "dt",
          "h1", "h2", "h3", "section", "details", "summary", "ruby", "rt", "rp", "nobr", "del", "ins", "video",
          "q", "sup", "pre", "em", "font", "center", "figure", "colgroup", "col", "tbody", "thead", "blockquote",
          "address", "header", "footer", "aside", "article", "mark", "s", "u", "i", "small", "strong"]
# The site's frame around a page, as overrides/main.html lays it out, cut down.
FRAME = ('<!DOCTYPE html><html><body><main><div class="md-content"><article>{}'
         '<section class="site-sources" id="site-sources"><h2>Sources</h2><a href="/x">source</a></section>'
         '<p class="site-page-history" id="site-history">History</p></article></div></main>'
         '<footer class="md-footer" id="site-footer">Footer<a href="/y">f</a></footer></body></html>')
# What Chromium's tree says: a site part inside one of the page's elements (marked data-f),
# out of its place, missing, holding a copy of one, or an id given twice.
VERDICTS = r"""(pages) => pages.map((html) => {
  const d = new DOMParser().parseFromString(html, 'text/html');
  const bad = [];
  for (const [id, parent] of [['site-sources', 'ARTICLE'], ['site-history', 'ARTICLE'], ['site-footer', 'BODY']]) {
    const part = d.getElementById(id);
    if (!part) { bad.push(id + ' missing'); continue; }
    if (part.parentElement.tagName !== parent) bad.push(id + ' moved');
    for (let n = part.parentElement; n; n = n.parentElement) if (n.hasAttribute('data-f')) bad.push(id + ' inside');
    if (part.querySelector('[data-f]')) bad.push(id + ' holds a copy');
  }
  const ids = [...d.querySelectorAll('[id]')].map((e) => e.id);
  if (new Set(ids).size !== ids.length) bad.push('an id twice');
  return bad;
})"""


def fragment(rng: random.Random) -> str:
    """A few start and end tags, mostly of the elements opened, sometimes stray or left open."""
    out, opened = [], []
    for index in range(rng.randint(2, 7)):
        roll = rng.random()
        if roll < 0.5 or not opened:
            tag = rng.choice(TRICKY if rng.random() < 0.8 else sorted(PAGE_ELEMENTS))
            attributes = (' class="site-card"' if tag == "div" and rng.random() < 0.3 else
                          ' aria-hidden="true"' if rng.random() < 0.3 and tag not in VOID_ELEMENTS else "")
            if rng.random() < 0.15:
                attributes += f' id="x{index}"'
            out.append(f"<{tag}{attributes}>")
            if tag not in VOID_ELEMENTS:
                opened.append(tag)
        elif roll < 0.85:
            out.append(f"</{rng.choice(opened) if rng.random() < 0.75 else rng.choice(TRICKY)}>")
        else:
            out.append("t")
    out += [f"</{tag}>" for tag in reversed(opened) if rng.random() < 0.85] if rng.random() < 0.8 else []
    return "".join(out)


def marked(html: str) -> str:
    """Each start tag of the fragment with data-f, so that Chromium's tree tells its elements apart."""
    return re.sub(r"<([a-z][a-z0-9]*)", r"<\1 data-f", html)


def refused(html: str) -> bool:
    """Whether the site's checks stop a page holding `html`: the tag-by-tag checks or the tree's."""
    if scan_html(html):
        return True
    tree = tree_problems(FRAME.format(fence(html)))
    return tree.displaced is not None or bool(repeated(tree.ids))


def test_what_the_checks_let_through_keeps_the_sites_parts_in_place_in_chromium(browser):
    rng = random.Random(15)
    fragments = list(dict.fromkeys(fragment(rng) for _ in range(FRAGMENTS)))
    page = browser.new_page()
    verdicts = page.evaluate(VERDICTS, [FRAME.format(marked(html)) for html in fragments])
    page.close()
    passed = [(html, bad) for html, bad in zip(fragments, verdicts) if not refused(html)]
    assert len(passed) > len(fragments) // 4, "the fragments should mostly be HTML the checks let through"
    harmful = [(html, bad) for html, bad in passed if bad]
    assert not harmful, f"{len(harmful)} let through, for example: {harmful[:5]}"
    # Nor does the tree's check refuse what Chromium builds as planned (lexbor reads as Chromium).
    needless = [html for html, bad in zip(fragments, verdicts) if not bad and not scan_html(html) and refused(html)]
    assert not needless, needless[:5]


def test_the_fences_open_again_where_a_template_cuts_the_content():
    """overrides/home.html puts its own parts between the two halves of the home page's
    content: each half is fenced, so those parts count as the site's own."""
    from _tree import TEMPLATE_CUTS
    for cut in TEMPLATE_CUTS:
        assert f'page.content.split("{cut}", 1)' in (ROOT / "overrides/home.html").read_text()
    hero, rest = fence("<p>lead</p><!-- home:hero-end --><p>more</p>").split("<!-- home:hero-end -->")
    page = FRAME.format(f'<div class="site-hero">{hero}</div><aside class="site-illustration"></aside>{rest}')
    assert tree_problems(page).displaced is None
    unclosed = fence('<div class="site-card"><!-- home:hero-end --><p>more</p>').split("<!-- home:hero-end -->")
    assert tree_problems(FRAME.format(f'<div class="site-hero">{unclosed[0]}</div>{unclosed[1]}')).displaced is not None
