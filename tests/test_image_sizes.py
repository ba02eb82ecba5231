"""Images in pages get their width and height from their files (hooks/image_sizes.py)."""

from __future__ import annotations

import io
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT, copy_site
from test_guards import build
from test_published_files import png_bytes

sys.path.insert(0, str(ROOT / "hooks"))

from _images import image_size  # noqa: E402
from image_sizes import sized_image_tag  # noqa: E402

SVG = b'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 480"><rect width="1" height="1"/></svg>'


def raster(kind: str, width: int, height: int) -> bytes:
    from PIL import Image
    buffer = io.BytesIO()
    Image.new("RGB", (width, height)).save(buffer, kind)
    return buffer.getvalue()


@pytest.mark.parametrize("data,size", [
    (png_bytes(300, 200), (300, 200)),
    (SVG, (640, 480)),
    (b'<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="40" viewBox="0 0 12 4"/>', (120, 40)),
    (b'<svg xmlns="http://www.w3.org/2000/svg"/>', None),  # no size to read
    (b"\x89PNG\r\n\x1a\n", None),
])
def test_the_size_of_an_image_is_read_from_its_header_or_drawing(data, size):
    assert image_size(data) == size


def test_the_size_of_a_jpeg_and_a_webp_is_read_by_pillow():
    assert image_size(raster("JPEG", 64, 48)) == (64, 48)
    assert image_size(raster("WEBP", 30, 10)) == (30, 10)


@pytest.fixture
def by_address(tmp_path):
    (tmp_path / "map.png").write_bytes(png_bytes(300, 200))
    (tmp_path / "map.svg").write_bytes(SVG)
    return {"images/map.png": str(tmp_path / "map.png"), "images/kartta-ää.svg": str(tmp_path / "map.svg")}


@pytest.mark.parametrize("page_url,tag,expected", [
    ("themes/", '<img alt="A map" src="../images/map.png" />', '<img alt="A map" src="../images/map.png" width="300" height="200" />'),
    ("en/themes/", '<img src="../../images/map.png" alt="x">', '<img src="../../images/map.png" alt="x" width="300" height="200">'),
    ("", '<img src="images/kartta-%C3%A4%C3%A4.svg" alt="x">', '<img src="images/kartta-%C3%A4%C3%A4.svg" alt="x" width="640" height="480">'),
    ("themes/", '<img src="../images/map.png" alt="x" width="150">', '<img src="../images/map.png" alt="x" width="150" height="100">'),
    ("themes/", '<img src="../images/map.png" alt="x" height="50">', '<img src="../images/map.png" alt="x" height="50" width="75">'),
    ("themes/", '<img src="../images/map.png" alt="x" width="10" height="10">', None),  # the editor's own
    ("themes/", '<img src="../images/map.png" alt="x" width="50%">', None),
    ("themes/", '<img src="https://example.org/images/map.png" alt="x">', None),  # another site's: guards refuse it
    ("themes/", '<img src="../images/none.png" alt="x">', None),
    ("themes/", '<img alt="a > b" src="../images/map.png">', '<img alt="a > b" src="../images/map.png" width="300" height="200">'),
])
def test_an_image_tag_gets_the_size_it_lacks(page_url, tag, expected, by_address):
    assert sized_image_tag(tag, page_url, by_address) == (expected or tag)


def test_an_image_shown_as_the_guide_says_gets_its_size_in_both_languages(tmp_path):
    """CONTRIBUTING's ![A map](images/map.png) failed the Checks' size test, with neither file
    nor line (hunt 18c)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/images/kartta.png").write_bytes(png_bytes(800, 450))
    for lang, text in (("fi", "![Kartta kaupungeista](images/kartta.png)"), ("en", "![A map of the cities](images/kartta.png){ width=400 }")):
        page = root / f"docs/themes.{lang}.md"
        page.write_text(page.read_text() + f"\n{text}\n")
    result, output = build(root)
    assert result.returncode == 0, output
    for page, size in (("themes/index.html", ("800", "450")), ("en/themes/index.html", ("400", "225"))):
        image = BeautifulSoup((root / "site" / page).read_text(), "html.parser").select_one("article img")
        assert (image["width"], image["height"]) == size, image


def test_only_the_pages_own_image_tags_are_sized(by_address):
    """"<img" inside an attribute's value or a comment is text: it was rewritten, and the guards
    then named attributes the editor never wrote (hunt 19a)."""
    from types import SimpleNamespace

    from image_sizes import on_page_content

    html = ('<p><span title="<img src=../images/map.png>">x</span><!-- <img src="../images/map.png"> -->'
            '<img alt="" src="../images/map.png"></p>')
    files = [SimpleNamespace(url=url, abs_src_path=path, is_documentation_page=lambda: False)
             for url, path in by_address.items()]
    assert on_page_content(html, SimpleNamespace(url="themes/"), None, files) == html.replace(
        '<img alt="" src="../images/map.png">', '<img alt="" src="../images/map.png" width="300" height="200">')


def test_an_image_without_width_or_height_is_refused_not_a_traceback(tmp_path):
    """A PNG whose header says 0 pixels wide ended the build in a division by zero (hunt 19a)."""
    root = copy_site(tmp_path / "copy")
    (root / "docs/images/zero.png").write_bytes(png_bytes(0, 10))
    page = root / "docs/themes.en.md"
    page.write_text(page.read_text() + "\n![Nothing](images/zero.png){ width=300 }\n")
    result, output = build(root)
    assert result.returncode != 0
    assert "docs/images/zero.png" in output and "is not a PNG image that can be read" in output, output
