"""tools/linkcheck.py with lychee against a local server: never the internet.

The weekly Link check workflow runs the same code over the real site's external links.
"""

from __future__ import annotations

import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tools import linkcheck


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture
def server(tmp_path):
    """http://127.0.0.1:<port>/ serving one page, good.html; anything else is a 404."""
    served = tmp_path / "served"
    served.mkdir()
    (served / "good.html").write_text("<!doctype html><title>good</title>", encoding="utf-8")
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(served)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()
    httpd.server_close()


def built_site(tmp_path, links_by_page: dict[str, list[str]]):
    site = tmp_path / "site"
    for page, links in links_by_page.items():
        path = site / page / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        anchors = "".join(f'<a href="{link}">link</a>' for link in links)
        path.write_text(f"<!doctype html><title>t</title><p>{anchors}<a href=\"../\">home</a>", encoding="utf-8")
    return site


def test_a_broken_link_is_listed_with_its_page_and_fails_the_run(tmp_path, server):
    site = built_site(tmp_path, {"": [server + "good.html"], "en/partners": [server + "good.html", server + "gone.html"]})
    summary = tmp_path / "summary.md"
    assert linkcheck.main(["--site", str(site), "--summary", str(summary), "--timeout", "5"]) == 1
    text = summary.read_text(encoding="utf-8")
    assert "## External links: 1 broken of 3 checked" in text
    assert f"| {server}gone.html | " in text and "404" in text and "| en/partners/ |" in text
    assert "good.html" not in text


def test_only_good_links_pass(tmp_path, server):
    site = built_site(tmp_path, {"": [server + "good.html"]})
    summary = tmp_path / "summary.md"
    assert linkcheck.main(["--site", str(site), "--summary", str(summary), "--timeout", "5"]) == 0
    assert "0 broken of 1 checked" in summary.read_text(encoding="utf-8")


def test_the_sites_own_address_is_not_checked(tmp_path, server):
    site = built_site(tmp_path, {"": [linkcheck.BUILD_URL + "en/", server + "good.html"]})
    report = linkcheck.run_lychee(site, ["^" + linkcheck.BUILD_URL], timeout=5)
    assert report["excludes"] >= 1 and report["errors"] == 0


def test_a_cell_cannot_break_the_table():
    assert linkcheck.cell("https://x.example/a|b<script>\n") == "https://x.example/a\\|b&lt;script&gt; "
