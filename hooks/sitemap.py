"""The sitemap's dates: `lastmod` of each page is its last change in git.

Owns: the final `sitemap.xml` and `sitemap.xml.gz` at the site root. mkdocs-static-i18n
renders the sitemap in every language's pass (the last pass lists every language); after
the last pass this hook rewrites each entry's `lastmod` from the git dates of the page's
file and, for the pages of mkdocs.yml `extra.data_pages`, of their data file
(`hooks/_history.py`), and writes the gzip copy again to match. A page git knows nothing
about (no repository, a file never committed) gets no `lastmod`. Without SITE_URL there are
no absolute addresses, and no sitemap is left in the site.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from _data_pages import data_pages, page_name
from _history import last_changed, relative_path
from _listing import build_now, data_dir_of
from _passes import AFTER_ALL_LANGUAGES, is_final_pass
from _preview import preview_label
from _sitemap import gzipped, last_change, with_lastmod

# canonical URL -> the page's source files relative to the repository, from every pass.
_sources: dict[str, tuple[str, ...]] = {}


def _root(config: MkDocsConfig) -> Path:
    """The folder of mkdocs.yml: git's paths are relative to it (see hooks/history.py)."""
    return Path(config.config_file_path).resolve().parent


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    if page.canonical_url and page.file.abs_src_path:
        root = _root(config)
        sources = [relative_path(page.file.abs_src_path, root)]
        data_file = data_pages(config).get(page_name(page.file.src_uri))
        if data_file:
            sources.append(relative_path(data_dir_of(config) / data_file, root))
        _sources[page.canonical_url] = tuple(sources)
    return context


@event_priority(AFTER_ALL_LANGUAGES)  # after the last language's pass has written the sitemap
def on_post_build(config: MkDocsConfig) -> None:
    target = Path(config.site_dir) / "sitemap.xml"
    if not is_final_pass(config):
        return
    if not config.site_url:
        # A sitemap holds absolute addresses only: without SITE_URL (a local `mkdocs build`)
        # MkDocs and the i18n plugin wrote "None" in their place (session 32b). None is published.
        for written in (target, Path(f"{target}.gz")):
            written.unlink(missing_ok=True)
        return
    if preview_label() or not target.is_file():
        return
    changed = last_changed(_root(config))
    lastmod = {url: last_change(sources, changed) for url, sources in _sources.items()}
    xml = with_lastmod(target.read_bytes(), lastmod)
    target.write_bytes(xml)
    Path(f"{target}.gz").write_bytes(gzipped(xml, target.name, int(build_now().timestamp())))
