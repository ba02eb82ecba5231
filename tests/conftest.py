"""One real, strict build of the site per test session, served like GitHub Pages serves it.

The site is built into a temporary folder with SITE_URL set to a project sub-path on a
free local port, and a fixed SOURCE_DATE_EPOCH so that "upcoming" and "past" are stable.
Tests then make many cheap assertions on the HTML, feeds and search index.
"""

from __future__ import annotations

import gzip
import json
import os
import socket
import subprocess
import sys
import threading
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# The Chromium fixtures (browser, page) live in tests/chromium.py.
pytest_plugins = ["chromium"]

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests import tools.* (tools.workspace.copy_site, tools.translations)
from tools import workspace  # noqa: E402
SUBPATH = "/digital-declaration/"
# 2026-11-25 12:00 UTC: the events of 2019 are past at this build time.
SOURCE_DATE_EPOCH = "1795608000"
LANGUAGES = ("fi", "en")
LANGUAGE_PREFIX = {"fi": "", "en": "en/"}
# The repository address of test builds, as the deploy workflow's GITHUB_REPOSITORY would give one.
TEST_REPO_URL = "https://github.com/example-org/digital-declaration"


def page_stems() -> tuple[str, ...]:
    """Every page of the site by its file's name without language ("index", "themes",
    "guide/index"), read from docs/: a page an editor adds is tested as the others are (a
    fixed list left a new page out of the Checks' accessibility, weight and policy tests,
    hunt 18c). The home page first, the rest by name."""
    names = sorted(path.relative_to(ROOT / "docs").as_posix().removesuffix(f".{LANGUAGES[0]}.md")
                   for path in (ROOT / "docs").rglob(f"*.{LANGUAGES[0]}.md"))
    return tuple(sorted(names, key=lambda name: name != "index"))


def _address(stem: str) -> str:
    """A page's address under its language's root: "" for index, "themes/" for themes."""
    return "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"


PAGES = tuple(_address(stem) for stem in page_stems())


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Runs git in `repo` with a fixed author, and no user or system settings; returns its output."""
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "e@example.org",
           "GIT_COMMITTER_NAME": "Editor", "GIT_COMMITTER_EMAIL": "e@example.org"}
    for name in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        env.pop(name, None)
    if date:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def build_site(site_dir: Path, site_url: str, extra_env: dict | None = None, config: Path | None = None):
    """Run a strict MkDocs build as a reader's CI would; returns the CompletedProcess."""
    env = {**os.environ, "SITE_URL": site_url, "SOURCE_DATE_EPOCH": SOURCE_DATE_EPOCH, "NO_MKDOCS_2_WARNING": "1",
           "REPO_URL": TEST_REPO_URL}
    for name in ("GITHUB_ACTIONS", "GITHUB_REPOSITORY", "GITHUB_SERVER_URL"):
        env.pop(name, None)
    env.update(extra_env or {})
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir),
         "--config-file", str(config or ROOT / "mkdocs.yml")],
        cwd=(config or ROOT / "mkdocs.yml").parent, env=env, capture_output=True, text=True,
    )


@dataclass(frozen=True)
class Site:
    dir: Path
    url: str  # absolute, ends with "/"

    def path(self, page: str) -> Path:
        """The built file for a page path such as "en/events/"."""
        target = self.dir / page
        return target / "index.html" if page == "" or page.endswith("/") else target

    def html(self, page: str) -> str:
        return self.path(page).read_text(encoding="utf-8")

    def search_index(self, lang: str) -> dict:
        return json.loads((self.dir / LANGUAGE_PREFIX[lang] / "search/search_index.json").read_text("utf-8"))


class _GzipHandler(SimpleHTTPRequestHandler):
    """Serves the site under SUBPATH, gzip-compressed like GitHub Pages, 404.html for misses."""

    def log_message(self, *args):
        pass

    def translate_path(self, path):
        path = path.split("?", 1)[0].split("#", 1)[0]
        if not path.startswith(SUBPATH):
            return str(Path(self.directory) / "__nothing_here__")
        return super().translate_path("/" + path[len(SUBPATH):])

    def send_head(self):
        local = Path(self.translate_path(self.path))
        if local.is_dir() and not self.path.split("?")[0].endswith("/"):
            return super().send_head()  # redirect to the slash form
        if local.is_dir():
            local = local / "index.html"
        status = 200
        if not local.is_file():
            local, status = Path(self.directory) / "404.html", 404
        body = local.read_bytes()
        ctype = self.guess_type(str(local))
        compress = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.split(";")[0] in {
            "text/html", "text/css", "application/javascript", "text/javascript", "application/json",
            "image/svg+xml", "text/calendar", "application/xml", "text/xml",
        }
        if compress:
            body = gzip.compress(body, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if compress:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        import io
        return io.BytesIO(body)


class _QuietServer(ThreadingHTTPServer):
    """A browser that leaves a page closes its requests still under way: not an error of the site."""

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def serve(site_dir: Path, port: int) -> ThreadingHTTPServer:
    """Serve a built site at http://127.0.0.1:<port>/digital-declaration/ until shutdown()."""
    server = _QuietServer(("127.0.0.1", port), partial(_GzipHandler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def built_and_served(site_dir: Path, extra_env: dict | None = None, config: Path | None = None):
    """Build (strictly) for a free local port and serve it; yields the Site, then stops serving."""
    port = free_port()
    url = f"http://127.0.0.1:{port}{SUBPATH}"
    result = build_site(site_dir, url, extra_env, config)
    if result.returncode != 0:
        pytest.exit(f"The strict build failed:\n{result.stdout}{result.stderr}", returncode=1)
    server = serve(site_dir, port)
    try:
        yield Site(site_dir, url)
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    yield from built_and_served(tmp_path_factory.mktemp("site"))


# The tests' own events and partners (the site's data of November 2026, kept as it was): the
# tests that pin how the listings look, and those that change data in a copy of the site,
# read these, so that an editor's new event or partner does not fail them. The site's live
# data is checked by the tests of its content (test_content.py, test_data.py) and the build.
FIXTURE_DATA = ROOT / "tests/fixtures/data"


def copy_site(target: Path) -> Path:
    """A copy of the site (tools.workspace.copy_site) with the tests' own events and partners."""
    return workspace.copy_site(target, data=FIXTURE_DATA)


@pytest.fixture(scope="session")
def listings_site(tmp_path_factory) -> Site:
    """The site built with the tests' own events and partners (FIXTURE_DATA)."""
    root = copy_site(tmp_path_factory.mktemp("listings"))
    yield from built_and_served(root / "site", config=root / "mkdocs.yml")


def all_pages() -> list[tuple[str, str]]:
    """(language, page path) for every content page in every language."""
    return [(lang, LANGUAGE_PREFIX[lang] + page) for lang in LANGUAGES for page in PAGES]
