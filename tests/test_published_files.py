"""Files under docs/ besides the pages: only the site's own code and checked images are
published (hooks/guards.py, rules in hooks/_pages.py and hooks/_images.py).

Everything the build copies from docs/ is served from the site's own address. An HTML file
or an SVG drawing with a script would run there without the pages' Content-Security-Policy,
so a pull request must not be able to publish one, nor any file that is not the site's.
"""

from __future__ import annotations

import base64
import io
import re
import struct
import sys
import zlib

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from conftest import ROOT
from test_guards import build, edit, problem_lines
from conftest import copy_site

sys.path.insert(0, str(ROOT / "hooks"))
from _css import first_fetch  # noqa: E402
from _images import image_problem  # noqa: E402
from _pages import PublishedFiles, unpublishable_files  # noqa: E402

RULES = PublishedFiles(frozenset({"stylesheets/site.css", "javascripts/site.js"}), "images", 2_000, 4_000_000)


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_bytes(width: int = 1, height: int = 1) -> bytes:
    """A PNG of any size in a few bytes: its header says the size, and its pixels are one
    compressed row (a browser would try to make room for them all)."""
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(b"\x00" * 4)) + png_chunk(b"IEND", b""))


def encoded(kind: str) -> bytes:
    from PIL import Image
    out = io.BytesIO()
    Image.new("RGB", (2, 2), "#0072c6").save(out, kind)
    return out.getvalue()


JPEG = encoded("JPEG")
WEBP = encoded("WEBP")
BIG_JPEG = JPEG + b"\x00" * 2_000
SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>'
SCRIPTED_SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>'
HTML = b"<!doctype html><script>alert(document.domain)</script>"
ONLY_IMAGES = ("the site does not publish this file: besides the pages (name.fi.md, name.en.md) it publishes "
               "only images under docs/images/ (PNG, JPEG, WebP, SVG); ")
ANOTHER_KIND = ONLY_IMAGES + "a file of another kind needs a developer's change and review (SECURITY.md)"


@pytest.mark.parametrize("name,content,expected", [
    ("stylesheets/site.css", b"body{}", None),
    ("javascripts/site.js", b"1", None),
    ("images/a.png", png_bytes(), None),
    ("images/photos/b.JPG", JPEG, None),
    ("images/c.jpeg", JPEG, None),
    ("images/d.webp", WEBP, None),
    ("images/e.svg", SVG, None),
    ("evil.html", HTML, ONLY_IMAGES + "write a page as name.fi.md and name.en.md instead"),
    ("images/evil.htm", HTML, ONLY_IMAGES + "write a page as name.fi.md and name.en.md instead"),
    ("CNAME", b"evil.example", ANOTHER_KIND),
    ("javascripts/more.js", b"alert(1)", ANOTHER_KIND),
    ("stylesheets/more.css", b"body{display:none}", ANOTHER_KIND),
    ("images/notes.txt", b"text", ANOTHER_KIND),
    ("images/README", b"text", ANOTHER_KIND),
    ("images/declaration.pdf", b"%PDF-1.7", ANOTHER_KIND),
    ("images/Thumbs.db", b"\xd0\xcf", ONLY_IMAGES + "this file is one that Windows or Office makes by itself: delete it"),
    ("desktop.ini", b"[x]", ONLY_IMAGES + "this file is one that Windows or Office makes by itself: delete it"),
    ("images/~$kartta.docx", b"x", ONLY_IMAGES + "this file is one that Windows or Office makes by itself: delete it"),
    ("logo.png", png_bytes(), "images are published from docs/images/ only: move the file there"),
    ("images/page.png", HTML, "is not a PNG image by its content"),
    ("images/empty.jpg", b"", "is not a JPEG image by its content"),
    ("images/drawing.png", SVG, "is SVG by its content, not PNG: its name must end in .svg"),
    ("images/photo.jpg", png_bytes(), "is PNG by its content, not JPEG: its name must end in .png"),
    ("images/photo.webp", JPEG, "is JPEG by its content, not WebP: its name must end in .jpg or .jpeg"),
    ("images/evil.svg", SCRIPTED_SVG,
     "holds a <script> element; an SVG image must be a plain drawing without scripts or external references"),
    ("images/page.svg", HTML, "is not valid SVG (XML): syntax error: line 1, column 0"),
    # A browser holds every pixel of the image it shows (hunt 14: a small file, a stopped tab).
    ("images/wide.png", png_bytes(2_001, 2_000), "is 2,001 × 2,000 pixels; an image may have at most 4,000,000 pixels "
     "(mkdocs.yml extra.published_files), since a reader's browser holds every pixel: make it smaller, for example at "
     "most 1,600 pixels wide"),
    ("images/bomb.png", png_bytes(50_000, 50_000), "is 50,000 × 50,000 pixels; an image may have at most 4,000,000 pixels "
     "(mkdocs.yml extra.published_files), since a reader's browser holds every pixel: make it smaller, for example at "
     "most 1,600 pixels wide"),
    ("images/header-only.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20,
     "is not a JPEG image that can be read to the end of its header; save it again from an image program"),
    ("images/square.png", png_bytes(2_000, 2_000), None),
    ("images/big.jpg", BIG_JPEG,
     f"is {len(BIG_JPEG):,} bytes; an image may be at most 2,000 bytes (mkdocs.yml extra.published_files): make it "
     "smaller: save it again as JPEG or WebP at most 1,600 pixels wide"),
    # Session 32b: a PNG may be a partner's logo, which must stay PNG or SVG.
    ("images/partners/big.png", png_bytes(40, 40) + bytes(3_000),
     f"is {len(png_bytes(40, 40)) + 3_000:,} bytes; an image may be at most 2,000 bytes (mkdocs.yml "
     "extra.published_files): make it smaller: save it again at most 1,600 pixels wide; a photo as JPEG or WebP, a "
     "logo or drawing as PNG (a logo needs no more than 1,000 pixels)"),
])
def test_only_the_sites_code_and_checked_images_are_published(tmp_path, name, content, expected):
    (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / name).write_bytes(content)
    problems = unpublishable_files(tmp_path, [name], RULES)
    assert [str(problem) for problem in problems] == ([] if expected is None else [f"docs/{name}: {expected}"])


def test_a_large_image_is_also_read_for_its_other_problems(tmp_path):
    """Session 34b: a script in a large SVG was told only in the next run, once the file was
    small enough; and the advice for its size was a photo's."""
    (tmp_path / "images").mkdir()
    (tmp_path / "images/logo.svg").write_bytes(SCRIPTED_SVG + b"<!--" + b" " * 3_000 + b"-->")
    assert [problem.message for problem in unpublishable_files(tmp_path, ["images/logo.svg"], RULES)] == [
        f"is {len(SCRIPTED_SVG) + 3_007:,} bytes; an image may be at most 2,000 bytes (mkdocs.yml extra.published_files): "
        "make it smaller: simplify the drawing (fewer points, no picture inside it), or save it as PNG at most 1,000 "
        "pixels wide",
        "holds a <script> element; an SVG image must be a plain drawing without scripts or external references"]


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p xmlns="http://www.w3.org/1999/xhtml">x</p>'
    b'</foreignObject></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><rect/></a></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://tracker.example/p.png"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>@import "https://evil.example/s.css";</style></svg>',
    b'<!DOCTYPE svg [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><a href="#r"><set attributeName="href" to="javascript:alert(1)"/>'
    b'<rect id="r" width="9" height="9"/></a></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><a xlink:href="#r">'
    b'<animate attributeName="xlink:href" values="#r;javascript:alert(1)"/></a></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect><set attributeName="onclick" to="alert(1)"/></rect></svg>',
    # CSS that fetches without a plain "url(" (each one made Chromium ask 127.0.0.2 for the file
    # when the SVG was opened on its own, where no Content-Security-Policy applies):
    # image-set() with a bare string, in a style sheet and in a style attribute,
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>svg{background-image:image-set("https://t.example/a.png" 1x)}'
    b'</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>svg{background:-webkit-image-set("https://t.example/a.png" 1x)}'
    b'</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" style="background-image:image-set(\'https://t.example/a.png\' 1x)"/>',
    # CSS escapes that spell url( and @import,
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>svg{background-image:\\75rl(https://t.example/a.png)}</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>svg{background-image:\\u\\r\\l(https://t.example/a.png)}</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>@\\69mport "https://t.example/s.css";</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect fill="\\75rl(https://t.example/p.svg#p)"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill:\\000075rl(https://t.example/p.svg#p)"/></svg>',
    # "/*" in a CSS string is text, not the start of a comment that hides the rest,
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>@x "/*"; @import url(https://t.example/s.css); svg{--a:"*/"}'
    b'</style></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>text{font-family:"/*"} @font-face{font-family:e;'
    b'src:url(https://t.example/f.woff)} text{font-family:e;--x:"*/"}</style></svg>',
    # and a style sheet's text after a child element, which the browser reads as well.
    b'<svg xmlns="http://www.w3.org/2000/svg"><style>a{}<g/>svg{background-image:url(https://t.example/a.png)}'
    b'</style></svg>',
    # HTML elements written into the drawing: an SVG opened on its own is an XML document,
    # where Chromium made each of these and ran the iframes' scripts at the site's address.
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
    b'<h:iframe src="javascript:parent.document.title=1"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml">'
    b'<h:iframe srcdoc="&lt;script&gt;parent.document.title=1&lt;/script&gt;"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="https://t.example/a.png"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><g><video xmlns="http://www.w3.org/1999/xhtml" poster="https://t.example/a.png"/>'
    b'</g></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><math xmlns="http://www.w3.org/1998/Math/MathML"><mi>x</mi></math></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><thing xmlns="https://unknown.example/ns"/></svg>',
])
def test_an_svg_that_could_run_or_load_anything_is_refused(svg):
    assert image_problem(svg, "svg", RULES.image_max_pixels) is not None


def _escaped(css: str, which: list[bool], forms: list[int]) -> str:
    """`css` with some characters written as CSS escapes, in each of the tokenizer's forms."""
    out = []
    for index, character in enumerate(css):
        if not which[index % len(which)] or character in "\\\n\r\f":
            out.append(character)
            continue
        form = forms[index % len(forms)]
        code = f"{ord(character):x}"
        out.append([f"\\{code} ", f"\\{code.zfill(6)}",
                    "\\" + character if not re.match(r"[0-9a-fA-F\s]", character) else f"\\{code} "][form])
    return "".join(out)


CSS_WORDS = st.sampled_from(["url(", "URL( ", "image-set(", "@import ", "src(", "attr(", "#g", "'#g'", '"',
                             "https://t.example/a.png", "fill:", "background:", ";", "}", "svg{", " ", "a", "1x", ")"])


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CSS_WORDS, max_size=12).map("".join), st.lists(st.booleans(), min_size=1, max_size=7),
       st.lists(st.integers(0, 2), min_size=1, max_size=5), st.booleans())
def test_escapes_never_change_whether_css_fetches(css, which, forms, fragments_allowed):
    """What the tokenizer reads as `url(` is refused however it is spelt, and `url(#g)` allowed."""
    assert (first_fetch(_escaped(css, which, forms), fragments_allowed)
            == first_fetch(css, fragments_allowed))


def test_an_svg_may_paint_with_its_own_gradients_however_the_css_spells_them():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><style>rect{fill:url( "#g" )}'
           b'/* a comment */ circle{stroke:\\75rl(\\23 g)}</style><linearGradient id="g"/>'
           b'<rect fill="url(#g)" style="stroke: URL(\'#g\')" width="9" height="9"/><circle r="2"/></svg>')
    assert image_problem(svg, "svg", RULES.image_max_pixels) is None


def test_an_svg_may_keep_the_metadata_a_drawing_program_writes():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"'
           b' xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd"'
           b' xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dc="http://purl.org/dc/elements/1.1/"'
           b' xmlns:cc="http://creativecommons.org/ns#" inkscape:version="1.3" viewBox="0 0 9 9">'
           b'<sodipodi:namedview id="n" inkscape:zoom="1"/><metadata><rdf:RDF><cc:Work rdf:about="">'
           b'<dc:format>image/svg+xml</dc:format></cc:Work></rdf:RDF></metadata>'
           b'<g inkscape:label="Layer 1" inkscape:groupmode="layer"><rect width="9" height="9"/></g></svg>')
    assert image_problem(svg, "svg", RULES.image_max_pixels) is None




def embedded(kind: str, data: bytes) -> str:
    """A data: address of `data`, its base64 broken into lines as Inkscape writes it."""
    text = base64.b64encode(data).decode()
    return f"data:image/{kind};base64," + "\n  ".join(text[i:i + 60] for i in range(0, len(text), 60))


@pytest.mark.parametrize("href", [embedded("png", png_bytes(2, 2)), embedded("jpeg", JPEG), " " + embedded("webp", WEBP)])
def test_an_svg_may_embed_a_bitmap_as_inkscape_does(href):
    """Inkscape's default for an imported photo: the picture inside the file, base64 (held to
    the pixel limit, and readable as an image file must be)."""
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'
           f'<image width="9" height="9" xlink:href="{href}"/></svg>').encode()
    assert image_problem(svg, "svg", RULES.image_max_pixels) is None


@pytest.mark.parametrize("svg", [
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/svg+xml;base64,PHN2Zz4="/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:text/html;base64,PHNjcmlwdD4="/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><image href="data:image/png,%3Csvg%3E"/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><use href="data:image/png;base64,iVBORw0KGgo="/></svg>',
    b'<svg xmlns="http://www.w3.org/2000/svg"><a href="data:image/png;base64,iVBORw0KGgo="><rect/></a></svg>',
])
def test_only_a_bitmap_on_an_image_element_may_be_embedded(svg):
    assert "only #fragment links" in image_problem(svg, "svg", RULES.image_max_pixels)


ILLUSTRATOR_DOCTYPE = (b'<?xml version="1.0" encoding="utf-8"?>\n<!-- Generator: Adobe Illustrator 27.0 -->\n'
                       b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n')


@pytest.mark.parametrize("doctype", [ILLUSTRATOR_DOCTYPE, b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.0//EN" '
                                     b'"http://www.w3.org/TR/2001/REC-SVG-20010904/DTD/svg10.dtd">'])
def test_an_svg_may_name_the_standard_svg_doctype_as_illustrator_saves_it(doctype):
    svg = doctype + b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><rect width="9" height="9"/></svg>'
    assert image_problem(svg, "svg", RULES.image_max_pixels) is None


@pytest.mark.parametrize("svg,expected", [
    # Definitions of its own: entities, or default attributes that a browser could add.
    (b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" '
     b'[<!ATTLIST svg onload CDATA "alert(1)">]><svg xmlns="http://www.w3.org/2000/svg"/>',
     "is refused: its <!DOCTYPE …> has definitions of its own; delete the <!DOCTYPE …> line (an SVG image needs none)"),
    # Older Illustrator versions: entities for its namespaces; deleting the line alone left
    # them undefined, and the next message was a bare syntax error (hunt 15b).
    (b'<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" '
     b'[<!ENTITY ns_svg "http://www.w3.org/2000/svg">]><svg xmlns="&ns_svg;"/>',
     "is refused: its <!DOCTYPE …> has definitions of its own (<!ENTITY …> lines, as older Illustrator versions save "
     "them); save the drawing again as a plain SVG (in Illustrator: File > Export > Export As…, SVG), or delete the "
     "<!DOCTYPE …> block and write out each &…; it defines"),
    (b'<!DOCTYPE svg SYSTEM "https://evil.example/x.dtd"><svg xmlns="http://www.w3.org/2000/svg"/>',
     "is refused: its <!DOCTYPE …> is not the standard one of SVG; delete the <!DOCTYPE …> line (an SVG image needs none)"),
    (b'<!DOCTYPE html PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">'
     b'<svg xmlns="http://www.w3.org/2000/svg"/>',
     "is refused: its <!DOCTYPE …> is not the standard one of SVG; delete the <!DOCTYPE …> line (an SVG image needs none)"),
    # With an external DTD named, a parser may skip an entity it does not know instead of failing.
    (ILLUSTRATOR_DOCTYPE + b'<svg xmlns="http://www.w3.org/2000/svg"><text>&nbsp;x</text></svg>',
     "uses the entity &nbsp;, which only a DTD defines; write the character itself"),
])
def test_any_other_doctype_is_refused_with_what_to_do(svg, expected):
    assert image_problem(svg, "svg", RULES.image_max_pixels) == expected

STYLED_BY_INSTRUCTION = ('<?xml version="1.0" encoding="UTF-16"?>\n<?xml-stylesheet type="text/css" '
                         'href="https://t.example/s.css"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>')


@pytest.mark.parametrize("svg,expected", [
    # UTF-16 hides "<?xml-stylesheet" from a search of the bytes; Chromium fetched the sheet.
    (STYLED_BY_INSTRUCTION.encode("utf-16-le"), "is not saved as UTF-8 (it has zero bytes, as UTF-16 has)"),
    ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>'.encode("utf-16-be"), "is not an SVG image by its content"),
    (b'<?xml version="1.0" encoding="koi8-r"?><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>',
     "is saved as koi8-r; an SVG image must be saved as UTF-8"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><?xml-stylesheet href="s.css"?></svg>',
     "loads a style sheet (<?xml-stylesheet?>); an SVG image must be self-contained"),
    (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><?php echo 1; ?></svg>',
     "holds a processing instruction <?php?>; an SVG image must be a plain drawing without scripts or external references"),
])
def test_an_svg_is_read_as_the_browser_reads_it(svg, expected):
    assert image_problem(svg, "svg", RULES.image_max_pixels) == expected


@pytest.mark.parametrize("declaration", [b"", b'<?xml version="1.0"?>\n', b'<?xml version="1.0" encoding="UTF-8"?>\n',
                                         b"<?xml version='1.0' encoding='iso-8859-1' standalone='no'?>\n"])
def test_an_svg_in_utf_8_or_latin_1_is_read(declaration):
    assert image_problem(declaration + b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>', "svg", RULES.image_max_pixels) is None


def test_an_svg_saved_with_a_byte_order_mark_is_read():
    """Windows' Notepad starts UTF-8 with the mark EF BB BF; browsers and XML read past it."""
    assert image_problem(b'\xef\xbb\xbf<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"/>', "svg", RULES.image_max_pixels) is None


def test_an_svg_with_an_html_element_is_refused_with_its_name_and_advice():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:h="http://www.w3.org/1999/xhtml"><h:img src="a.png"/></svg>'
    assert image_problem(svg, "svg", RULES.image_max_pixels) == (
        "holds an HTML element <img>: an SVG image may hold only SVG elements and a drawing program's "
        "metadata (save it as a plain SVG)")


def test_an_svg_may_animate_its_drawing_and_link_inside_itself():
    svg = (b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><a href="#r"><rect id="r" width="9" height="9">'
           b'<animate attributeName="width" values="1;9" dur="1s"/></rect></a></svg>')
    assert image_problem(svg, "svg", RULES.image_max_pixels) is None


SVG_FRAME = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9" width="9" height="9">{}</svg>'


@pytest.mark.parametrize("body,expected", [
    # Hunt 32a: 30 filter steps moved by an endless animation kept a reader's tab at four frames a second.
    ('<rect width="9" height="9"><animate attributeName="x" values="0;1" dur="0.1s" repeatCount="indefinite"/></rect>',
     "holds an animation, <animate>, that moves for more than 5 seconds or without end (or starts at another's end, "
     "or on an event): such movement must be possible to pause (WCAG 2.2.2), which an image cannot offer, and an "
     "endless one keeps a reader's browser drawing; make it end within 5 seconds, with its begin given in seconds, or "
     "save the drawing still"),
    ('<rect><animateTransform attributeName="transform" type="rotate" dur="2s" repeatCount="3"/></rect>',
     "holds an animation, <animateTransform>, that moves for more than 5 seconds"),
    ('<rect><animate attributeName="x" dur="1s" repeatDur="0:01:00"/></rect>', "holds an animation, <animate>, that"),
    ('<rect><animate id="a" attributeName="x" dur="1s" begin="0s;a.end"/></rect>', "holds an animation, <animate>, that"),
    ('<style>rect { animation: spin 1s infinite }</style><rect/>',
     "holds a CSS animation or transition: an image cannot offer a way to pause it (WCAG 2.2.2), and drawing programs "
     "do not write one; save the drawing without it"),
    ('<filter id="f">' + '<feTurbulence baseFrequency="0.01"/>' * 21 + '</filter><rect filter="url(#f)"/>',
     "has 21 filter steps (<fe…> elements and CSS filter functions such as blur()); at most 20: each is drawn for "
     "every pixel under the filter, and many slow a reader's browser down; simplify the filters, or save the drawing "
     "as PNG"),
    # Hunt 33a: two <set> that start each other flashed red and white six times a second without end;
    # an animation with 720 starts moved for an hour; a finite CSS animation ran for 23 days, under
    # 60 CSS blurs at one frame a second.
    ('<rect fill="white"><set id="a" attributeName="fill" to="red" begin="0s;b.end" dur="0.08s"/>'
     '<set id="b" attributeName="fill" to="white" begin="a.end" dur="0.08s"/></rect>',
     "holds an animation, <set>, that moves for more than 5 seconds or without end"),
    ('<rect><animate attributeName="x" values="0;9" dur="5s" begin="' + ";".join(f"{i * 5}s" for i in range(720))
     + '"/></rect>', "holds an animation, <animate>, that moves for more than 5 seconds or without end"),
    ('<style>.spin { animation: spin 2s linear 1000000 }</style><rect class="spin"/>', "holds a CSS animation"),
    ('<style>@keyframes spin { to { transform: rotate(1turn) } }</style><rect/>', "holds a CSS animation"),
    ('<style>.a { filter:' + " blur(4px)" * 21 + " }</style><rect class=\"a\"/>", "has 21 filter steps"),
    ('<rect style="filter:' + " hue-rotate(9deg)" * 11 + '"/><rect filter="' + "blur(1px) " * 10 + '"/>',
     "has 21 filter steps"),
    # Within five seconds, but twelve flashes a second (WCAG 2.3.1).
    ('<rect><animate attributeName="fill" values="red;white" dur="0.16s" repeatCount="30"/></rect>',
     "holds animations that change more than 6 times within a second: more than three flashes a second can cause "
     "seizures (WCAG 2.3.1); slow them down, or save the drawing still"),
    ('<rect><set attributeName="fill" to="red" begin="0s;0.1s;0.2s;0.3s" dur="0.05s"/></rect>',
     "holds animations that change more than 6 times within a second"),
    # Hunt 33c: the CSS check read escapes and comments as written; an id starting with a digit
    # escaped the loop pattern; the jump back at each repeat, a <set>'s end list and keyTimes
    # were not counted as changes.
    ("<style>@\\6b eyframes f { to { fill: red } } rect { anim\\61tion: f .2s 100000 steps(1) }</style><rect/>",
     "holds a CSS animation or transition"),
    ("<style>rect { animation/**/: f .2s 9 }</style><rect/>", "holds a CSS animation or transition"),
    ("<style>@starting-style { rect { fill: red } } rect { transition: fill 4s steps(20) }</style><rect/>",
     "holds a CSS animation or transition"),
    ("<style>.a { filter:" + " b\\6c ur(1px)" * 21 + " }</style><rect class=\"a\"/>", "has 21 filter steps"),
    ('<rect><animate id="9" attributeName="fill" values="red;white" dur="0.1s" begin="0s;9.end"/></rect>',
     "holds an animation, <animate>, that moves for more than 5 seconds or without end"),
    ('<rect><animate attributeName="x" values="0;9" dur="1s" begin="click"/></rect>',
     "holds an animation, <animate>, that moves for more than 5 seconds or without end"),
    ('<rect><animate attributeName="fill" values="red;white" dur="0.2s" repeatCount="25"/></rect>',
     "holds animations that change more than 6 times within a second"),
    ('<rect><set attributeName="fill" to="red" begin="0s;0.2s;0.4s;0.6s" end="0.1s;0.3s;0.5s;0.7s"/></rect>',
     "holds animations that change more than 6 times within a second"),
    ('<rect><animate attributeName="fill" dur="5s" values="' + ";".join(["red", "white"] * 15) + '" keyTimes="0;'
     + ";".join(f"{i / 100:.2f}" for i in range(1, 29)) + ';1"/></rect>',
     "holds animations that change more than 6 times within a second"),
    # Ten parts that appear together, one after another in a second, and an animation that never starts.
    ('<g>' + '<rect><set attributeName="fill" to="red" begin="1s"/></rect>' * 10 + '</g><rect><animate '
     'attributeName="x" values="0;1;2;3;4;5" dur="1s"/><animate attributeName="y" values="0;9" dur="1s" '
     'begin="indefinite"/></rect>', None),
    # A value set once, and a single quick move, are no flashing.
    ('<rect><set attributeName="fill" to="red" begin="1s"/><animate attributeName="x" values="0;1" dur="0.2s"/></rect>',
     None),
    # What drawing programs write: a drop shadow, a short animation that ends.
    ('<filter id="s"><feGaussianBlur stdDeviation="1"/><feOffset dx="1"/><feMerge><feMergeNode/><feMergeNode '
     'in="SourceGraphic"/></feMerge></filter><rect filter="url(#s)"><animate attributeName="x" values="0;1" '
     'dur="2s" repeatCount="2"/></rect>', None),
])
def test_an_svg_that_moves_without_end_or_filters_heavily_is_refused(body, expected):
    problem = image_problem(SVG_FRAME.format(body).encode(), "svg", RULES.image_max_pixels)
    assert (problem is None) if expected is None else (problem or "").startswith(expected), problem


def _two_frames(kind: str, animated: bool = True) -> bytes:
    """A red and a white frame, 80 ms each, looping without end; or the red one alone."""
    from PIL import Image
    frames = [Image.new("RGB", (40, 30), colour) for colour in ((230, 0, 0), (255, 255, 255))]
    data = io.BytesIO()
    animation = {"save_all": True, "append_images": frames[1:], "duration": 80, "loop": 0} if animated else {}
    frames[0].save(data, kind, **animation)
    return data.getvalue()


@pytest.mark.parametrize("kind,extension", [("PNG", "png"), ("WEBP", "webp")])
def test_an_animated_png_or_webp_is_refused_and_a_still_one_is_not(kind, extension):
    """Hunt 33a: both played without end, flashing red and white twelve times a second."""
    name = {"png": "PNG", "webp": "WebP"}[extension]
    assert image_problem(_two_frames(kind), extension, RULES.image_max_pixels) == (
        f"is an animated {name}: an image that moves by itself cannot be paused (WCAG 2.2.2), and fast changes can "
        "cause seizures; save it as a still image, such as its first frame")
    assert image_problem(_two_frames(kind, animated=False), extension, RULES.image_max_pixels) is None
    embedded = base64.b64encode(_two_frames(kind)).decode()
    svg = SVG_FRAME.format(f'<image href="data:image/{extension};base64,{embedded}" width="9" height="9"/>').encode()
    assert (image_problem(svg, "svg", RULES.image_max_pixels) or "").startswith(f"holds a picture that is an animated {name}")


def use_tree(levels: int, copies: int) -> bytes:
    """An SVG whose <use> elements nest `levels` deep, each level copying the one below `copies` times."""
    groups = ['<g id="l0"><rect width="1" height="1"/></g>'] + [
        f'<g id="l{level}">' + f'<use href="#l{level - 1}"/>' * copies + "</g>" for level in range(1, levels + 1)]
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 9 9"><defs>{"".join(groups)}</defs>'
            f'<use href="#l{levels}"/></svg>').encode()


USE_BOMB = ("makes more than 10,000 copies of its shapes with <use> (or a <use> that copies itself): a reader's browser "
            "would draw them all, and a small file can stop it; save the drawing with its shapes written out")


@pytest.mark.parametrize("svg", [
    use_tree(9, 10),  # hunt 14: 2,966 bytes, 10^9 rectangles: Chromium's tab froze
    use_tree(4, 10),  # 10,000 rectangles: 32,112 elements with their groups and <use>
    b'<svg xmlns="http://www.w3.org/2000/svg"><g id="a"><rect/><use href="#a"/></g></svg>',  # copies itself
    b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink"><g id="a"><use x:href="#b"/></g>'
    b'<g id="b"><use x:href="#a"/></g></svg>',
])
def test_an_svg_whose_use_elements_multiply_is_refused(svg):
    assert image_problem(svg, "svg", RULES.image_max_pixels) == USE_BOMB


def test_the_use_count_follows_the_first_element_of_an_id_as_a_browser_does():
    """Empty groups after the real ones, with the same ids: the count followed the last of
    each id, Chromium's <use> the first, and a 2,719-byte drawing froze the tab (hunt 16)."""
    decoys = "".join(f'<g id="l{level}"/>' for level in range(10)).encode()
    assert image_problem(use_tree(9, 10).replace(b"</defs>", decoys + b"</defs>"), "svg", RULES.image_max_pixels) == USE_BOMB


def test_a_bitmap_embedded_in_an_svg_is_held_to_the_pixel_limit(tmp_path):
    """A 10 KB drawing carried a PNG of 40,000 × 40,000 pixels past the limit (hunt 16)."""
    picture = base64.b64encode(png_bytes(40_000, 40_000)).decode()
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 9 9">'
           f'<image width="9" height="9" xlink:href="data:image/png;base64,{picture}"/></svg>').encode()
    (tmp_path / "images").mkdir()
    (tmp_path / "images/map.svg").write_bytes(svg)
    assert [problem.message for problem in unpublishable_files(tmp_path, ["images/map.svg"], RULES)] == [
        "holds a picture that is 40,000 × 40,000 pixels; an image may have at most 4,000,000 pixels (mkdocs.yml "
        "extra.published_files), since a reader's browser holds every pixel: make it smaller, for example at most "
        "1,600 pixels wide"]


def test_an_svg_may_reuse_its_shapes():
    assert image_problem(use_tree(3, 10), "svg", RULES.image_max_pixels) is None  # 1,000 rectangles: 3,212 elements with their groups
    deep = b'<svg xmlns="http://www.w3.org/2000/svg">' + b"<g>" * 3000 + b"<rect/>" + b"</g>" * 3000 + b"</svg>"
    assert image_problem(deep, "svg", RULES.image_max_pixels) is None  # no recursion limit in the count


def test_a_pull_request_cannot_publish_a_page_script_or_file_of_its_own(tmp_path):
    root = copy_site(tmp_path / "copy")
    (root / "docs/x").mkdir()
    (root / "docs/x/evil.html").write_bytes(HTML)
    (root / "docs/javascripts/evil.js").write_bytes(b"alert(document.domain)")
    (root / "docs/CNAME").write_text("evil.example\n")
    (root / "docs/images/evil.svg").write_bytes(SCRIPTED_SVG)
    (root / "docs/images/page.png").write_bytes(HTML)
    # Reported in the same run; front matter stops the build before MkDocs reads a page (hunt 34f).
    edit(root / "docs/themes.fi.md", "title: Teemat", "title: [Teemat")
    result, output = build(root)
    assert result.returncode != 0
    assert problem_lines(output) == [
        f"docs/CNAME: {ANOTHER_KIND}",
        "docs/images/evil.svg: holds a <script> element; an SVG image must be a plain drawing without "
        "scripts or external references",
        "docs/images/page.png: is not a PNG image by its content",
        f"docs/javascripts/evil.js: {ANOTHER_KIND}",
        "docs/themes.fi.md:2: the front matter is not valid YAML: while parsing a flow sequence did not find "
        "expected ',' or ']'; a value that starts with [ or { is read as a list or mapping: close it, or put "
        "the text in quotes",
        f"docs/x/evil.html: {ONLY_IMAGES}write a page as name.fi.md and name.en.md instead",
    ]
    assert "The site's files have 6 problems:" in output
    assert not (root / "site").exists()  # stopped before MkDocs copied or wrote anything


def test_new_images_are_published_and_files_mkdocs_leaves_out_are_not_refused(tmp_path):
    root = copy_site(tmp_path / "copy")
    (root / "docs/images/photos").mkdir()
    (root / "docs/images/photos/signing.jpg").write_bytes(JPEG)
    (root / "docs/images/map.webp").write_bytes(WEBP)
    (root / "docs/.well-known").mkdir()
    (root / "docs/.well-known/security.txt").write_text("Contact: mailto:x@example.org\n")
    (root / "docs/.well-known/assetlinks.json").write_text("[]\n")
    (root / "docs/images/.DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    show_images(root, "![Allekirjoitus](images/photos/signing.jpg)\n\n![Kartta](images/map.webp)",
                "![The signing](images/photos/signing.jpg)\n\n![A map](images/map.webp)")
    result, output = build(root)
    assert result.returncode == 0, output
    site = root / "site"
    assert (site / "images/photos/signing.jpg").read_bytes() == JPEG
    assert (site / "images/map.webp").read_bytes() == WEBP
    assert not (site / "images/.DS_Store").exists()
    # An editor's .well-known/ is not copied: the security contact is the site's own (hooks/security_txt.py).
    assert [path.name for path in (site / ".well-known").iterdir()] == ["security.txt"]
    assert "mailto:x@example.org" not in (site / ".well-known/security.txt").read_text("utf-8")



def show_images(root, finnish: str, english: str) -> None:
    """Markdown that shows images, at the end of both languages' privacy page."""
    for name, text in (("privacy.fi.md", finnish), ("privacy.en.md", english)):
        page = root / "docs" / name
        page.write_text(page.read_text("utf-8") + "\n" + text + "\n", "utf-8")


def test_an_image_no_page_shows_is_refused(tmp_path):
    # Hunt 35a: an image linked from no page was published at the site's address, for anyone
    # to link to as the site's own "press release"; the review summary said "on no page".
    root = copy_site(tmp_path / "copy")
    for name in ("tiedote.png", "kartta.png", "logo-only-in-fi.png"):
        (root / "docs/images" / name).write_bytes(png_bytes(2, 2))
    # Shown in one language only is shown; an address with a %-escape names the same file.
    show_images(root, "![Kartta](images/kart%74a.png)\n\n![Helsingin kaupungin tunnus](images/logo-only-in-fi.png)",
                "![A map](images/kartta.png)")
    result, output = build(root)
    assert result.returncode == 1
    assert problem_lines(output) == [
        "docs/images/tiedote.png: is shown on no page, yet the site would publish it (…/images/tiedote.png) for "
        "anyone to link to as the site's own: show it on a page, as ![What it shows](images/tiedote.png), or "
        "remove the file",
    ]
    (root / "docs/images/tiedote.png").unlink()
    result, output = build(root)
    assert result.returncode == 0, output


@pytest.mark.parametrize("named", [
    "<!-- images/tiedote.png -->",  # hunt 35d: a comment shows nothing
    "Tiedote: `images/tiedote.png`.",
    '<span title="images/tiedote.png">Tiedote</span>',
    "[Tiedote](https://example.org/images/tiedote.png)",
    "![Tiedote](images/news-images/tiedote.png)",  # another image, whose path holds this one's
])
def test_an_image_named_but_not_shown_is_refused(tmp_path, named):
    root = copy_site(tmp_path / "copy")
    (root / "docs/images/news-images").mkdir()
    (root / "docs/images/news-images/tiedote.png").write_bytes(png_bytes(2, 2))
    (root / "docs/images/tiedote.png").write_bytes(png_bytes(2, 2))
    show_images(root, named + "\n\n![Tiedotteen kuva](images/news-images/tiedote.png)",
                "![The notice's picture](images/news-images/tiedote.png)")
    result, output = build(root)
    assert result.returncode == 1
    assert [line for line in problem_lines(output) if "is shown on no page" in line] == [
        "docs/images/tiedote.png: is shown on no page, yet the site would publish it (…/images/tiedote.png) for "
        "anyone to link to as the site's own: show it on a page, as ![What it shows](images/tiedote.png), or "
        "remove the file",
    ], output


@pytest.mark.parametrize("shown", [
    '<img src="../images/tiedote.png" alt="Tiedote, jossa kerrotaan julistuksen allekirjoittamisesta" width="2" '
    'height="2">',
    '<picture><source srcset="../images/tiedote.png 2x, ../images/other.png"><img src="../images/other.png" '
    'alt="Tiedote, jossa kerrotaan julistuksen allekirjoittamisesta" width="2" height="2"></picture>',
    "[Tiedote kuvana](images/tiedote.png)",
])
def test_an_image_shown_or_linked_on_a_page_is_published(tmp_path, shown):
    root = copy_site(tmp_path / "copy")
    for name in ("tiedote.png", "other.png"):
        (root / "docs/images" / name).write_bytes(png_bytes(2, 2))
    show_images(root, shown + "\n\n![Toinen kuva tiedotteesta](images/other.png)",
                "![Another picture of the notice](images/other.png)")
    result, output = build(root)
    assert result.returncode == 0, output
