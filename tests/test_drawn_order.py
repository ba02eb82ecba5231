"""The order in which the page checks read text as drawn (hooks/_bidi.py, by python-bidi),
against the order in which Chromium draws it on the site's own page, with the theme's style
sheet: the checks of link text and of numbers are only as good as this model (hunts 27a and
28a found `dir`, <bdi>, line breaks and the theme's inline boxes reordering text).

Each fragment is put into a page of the built site; Chromium's order is read from the place
of every character it draws (left to right, line by line), the model's from the same
fragment as the build reads it. White space is left out of the comparison (where a space is
drawn at a line's end is not what misleads a reader).
"""

from __future__ import annotations

import sys

import pytest
from selectolax.lexbor import LexborHTMLParser

from test_reader_browser import new_page
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
from _tree import _drawn_text, _Layout  # noqa: E402

ARABIC, HEBREW = "\u0647\u0627\u062a\u0641", "\u05e9\u05dc\u05d5\u05dd"
FRAGMENTS = [
    # Hunts 27a and 28a: pieces laid out last first by `dir` and <bdi>, across line breaks and
    # with the theme's inline blocks (<kbd>) around them.
    'Palaute: <a href="#" dir="rtl"><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></a>',
    '<a href="#" dir="rtl"><bdi>palaute</bdi>/<bdi>hel.fi</bdi></a>',
    '<a href="#" dir="rtl">Palaute <br><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi><br> avautuu</a>',
    '<a href="#" dir="rtl"><kbd>Palaute</kbd> <bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi> <kbd>Avaa</kbd></a>',
    '<span dir="rtl"><bdi>evil.example</bdi>@<bdi>palaute</bdi></span>',
    f'Soita <span lang="he">\u05f3</span>020 555 0000 nyt.',
    'Soita <span dir="rtl">020 555 0000</span> nyt.',
    f'Soita <span lang="ar" dir="rtl">{ARABIC}<br>020 555 0000</span> nyt.',
    *(f'Tili <span lang="ar" dir="rtl">{ARABIC} {number}</span> nyt.'
      for number in ("1111\u00b72222\u00b73333", "28_11_2026", "1111'2222'3333", "10:00\u201318:00")),
    "Soita \u0660\u0662\u0660 \u0665\u0665\u0665 \u0660\u0660\u0660\u0660.",
    # Hunt 29a: a line break in the source (a space to a browser), `dir="auto"` found by the
    # first letter (a <kbd>'s too), and a <code>, which the theme lays out left to right.
    f'Soita <span lang="ar" dir="rtl">{ARABIC}\n020 555 0000</span> nyt.',
    '<a href="#" dir="rtl">Palaute\n<bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></a>',
    '<a href="#" dir="auto"><span lang="he">\u05d0</span><br><bdi>/palaute</bdi><bdi>hel.fi</bdi><bdi>https://</bdi></a>',
    'Soita: <span dir="auto"><kbd lang="he">\u05d0</kbd> <bdi>0000</bdi> <bdi>555</bdi> <bdi>020</bdi></span>',
    f'<span lang="he" dir="rtl">{HEBREW}</span> <a href="#" dir="rtl"><bdi>/palaute</bdi><code dir="rtl"><bdi>hel.</bdi>'
    '<bdi>fi</bdi></code></a>',
    # Session 32: superscript digits are moved as digits are; circled digits are not.
    'Soita <span lang="he">\u05f3</span>\u2070\u00b2\u2070 \u2075\u2075\u2075 \u2070\u2070\u2070\u2070 nyt.',
    'Soita <span lang="he">\u05f3</span>\u24ea\u2461\u24ea \u2464\u2464\u2464 \u24ea\u24ea\u24ea\u24ea nyt.',
    # Text drawn as written, which passes.
    f'Soita <span lang="he" dir="rtl">{HEBREW}</span> 020 555 0000 nyt.',
    f'Soita <span lang="he" dir="rtl">\u05f3</span>020 555 0000 nyt.',
    'Katso <bdi>Ahmed</bdi> 020 555 0000 ja <span dir="ltr">abc 1 2</span>.',
    f'<span lang="ar" dir="rtl">{ARABIC} <span dir="ltr">020 555 0000</span></span>',
    f'<span lang="ar" dir="rtl">{ARABIC} 020\u00a0555\u00a00000</span>',
    f'<q lang="he" dir="rtl">{HEBREW} 2019, 28.11.2026</q> ja 2020.',
    '<a href="#" dir="auto">https://hel.fi/palaute</a> <kbd>Ctrl</kbd> + <kbd>F</kbd>',
    # Review 30b and hunt 30a: the theme's button is an inline box; <bdi> inside <bdi> takes no
    # part in the outer one's direction; screen-reader-only text is out of the line.
    'Lue <a href="#" class="md-button" dir="rtl"><bdi>palaute</bdi> <bdi>lomake</bdi></a> nyt.',
    f'<bdi><bdi>{HEBREW}</bdi> <bdi>palaute</bdi> <bdi>lomake</bdi></bdi>',
    '<a href="#" dir="rtl"><span class="site-visually-hidden">Avaa </span><bdi>/palaute</bdi><bdi>hel.fi</bdi>'
    '<bdi>https://</bdi></a>',
]

# Every drawn character of the fragment's paragraph, in the order it stands on the screen:
# line by line (by the middle of its box), left to right.
DRAWN_CHARACTERS = """(id) => {
  const paragraph = document.getElementById(id);
  const walker = document.createTreeWalker(paragraph, NodeFilter.SHOW_TEXT);
  const placed = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    // Text for screen readers alone is clipped to a 1 px box: nothing of it is drawn.
    if (node.parentElement.closest('.site-visually-hidden')) continue;
    for (let i = 0; i < node.data.length; i++) {
      if (/\\s/.test(node.data[i])) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getBoundingClientRect();
      if (box.width > 0) placed.push([Math.round((box.top + box.bottom) / 2), box.left, node.data[i]]);
    }
  }
  const lines = [...new Set(placed.map(([middle]) => middle))].sort((a, b) => a - b);
  // Characters of one line may sit a few pixels apart vertically (<kbd>, <sup>): one line is
  // what lies within 6 px of its first middle.
  const lineOf = (middle) => lines.find((top) => Math.abs(top - middle) <= 6);
  placed.sort((a, b) => (lineOf(a[0]) - lineOf(b[0])) || (a[1] - b[1]));
  return placed.map(([, , character]) => character).join('');
}"""


def _model(fragment: str) -> str:
    tree = LexborHTMLParser(f"<body><p id='x'>{fragment}</p></body>")
    return "".join(_drawn_text(tree.css_first("p"), _Layout(tree)).split())


def test_the_checks_read_text_in_the_order_chromium_draws_it(site, browser):
    context, page = new_page(browser, {"width": 1400, "height": 900})
    page.goto(site.url + "en/declaration/")
    page.evaluate("""(fragments) => {
        const column = document.querySelector('.md-content .md-typeset');
        column.style.width = '3000px';  // one line each, but where a <br> breaks it
        column.innerHTML = fragments.map((html, n) => `<p id="f${n}">${html}</p>`).join('');
    }""", FRAGMENTS)
    drawn = [page.evaluate(DRAWN_CHARACTERS, f"f{n}") for n in range(len(FRAGMENTS))]
    context.close()
    differences = [(fragment, chromium, _model(fragment)) for fragment, chromium in zip(FRAGMENTS, drawn)
                   if chromium != _model(fragment)]
    assert differences == []


@pytest.mark.parametrize("fragment", FRAGMENTS[:3])
def test_the_comparison_sees_an_order_other_than_written(fragment):
    """The fragments that reorder are drawn otherwise than written, or the test above could
    not tell the model from a copy of the text."""
    written = "".join(LexborHTMLParser(f"<p>{fragment}</p>").css_first("p").text().split())
    assert _model(fragment) != written
