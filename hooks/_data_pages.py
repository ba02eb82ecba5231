"""Pages whose content comes from a data file: mkdocs.yml `extra.data_pages`
(page name -> file under data/, such as {events: events.yml}). Used by
hooks/edit_links.py (edit links) and hooks/sitemap.py (a page changes when its data does).
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError


def data_pages(config: MkDocsConfig) -> dict[str, str]:
    """page name (the file name without language and .md, such as "events") -> data file name."""
    pages = (config.extra or {}).get("data_pages") or {}
    if not isinstance(pages, dict):
        raise PluginError("mkdocs.yml: extra.data_pages must map a page name to a file under data/, like {events: events.yml}")
    return {str(name): str(file) for name, file in pages.items()}


def page_name(src_uri: str) -> str:
    """"events" for "events.fi.md" (and for "events.md")."""
    stem = src_uri[: -len(".md")] if src_uri.endswith(".md") else src_uri
    base, _, suffix = stem.rpartition(".")
    return base if base and "/" not in suffix else stem
