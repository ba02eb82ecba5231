"""Edit links on the pages whose content comes from a data file (Events, Partners).

Owns: `page.edit_url` of the pages listed in mkdocs.yml `extra.data_pages` (page name ->
file under data/), so Material's "Edit this page" opens the data file an editor most
likely came to change; and the template variable `page_text_edit_url`, the page's own
Markdown file, for the second link in `partials/page-history.html`. Other pages keep
MkDocs' edit link and get no second link.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import quote, urljoin

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page

from _data_pages import data_pages, page_name
from _listing import data_dir_of


def data_edit_url(page_edit_url: str, docs_dir: Path, data_file: Path, src_uri: str) -> str:
    """The edit address of `data_file`, from the page's own edit address.

    The page's address ends with its path below docs/; the data file's path is taken
    relative to docs/, so ".../edit/main/docs/events.fi.md" gives ".../edit/main/data/events.yml".
    """
    base = page_edit_url[: -len(src_uri)] if page_edit_url.endswith(src_uri) else page_edit_url.rsplit("/", 1)[0] + "/"
    relative = posixpath.relpath(data_file.resolve().as_posix(), docs_dir.resolve().as_posix())
    return urljoin(base, quote(relative))


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    missing = [f"data/{file}" for file in data_pages(config).values() if not (data_dir_of(config) / file).is_file()]
    if missing:
        raise PluginError(f"mkdocs.yml: extra.data_pages names files that do not exist: {', '.join(missing)}")
    return config


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav) -> dict:
    context["page_text_edit_url"] = None
    data_file = data_pages(config).get(page_name(page.file.src_uri))
    if data_file and page.edit_url:
        context["page_text_edit_url"] = page.edit_url
        page.edit_url = data_edit_url(page.edit_url, Path(config.docs_dir), data_dir_of(config) / data_file, page.file.src_uri)
    return context
